/* test-identity.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-identity.h"

/* A valid identity number from its first 17 digits. */
static char *
id_with_check (const char *first17)
{
  char check = xf_identity_id_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%.17s%c", first17, check);
}

static char *
credit_with_check (const char *first17)
{
  char check = xf_identity_credit_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%.17s%c", first17, check);
}

static void
assert_id_invalid (const char *number,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  XfIdentityFacts facts = { "unset", "unset", "unset" };

  g_assert_false (xf_identity_check_id_number (number, &facts, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  /* Nothing is reported from a number that failed. */
  g_assert_cmpstr (facts.region_code, ==, "unset");
}

static void
assert_credit_invalid (const char *code,
                       const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_identity_check_credit_code (code, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_mobile_invalid (const char *mobile,
                       const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_identity_check_mobile (mobile, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/*
 * Resident identity number
 */

static void
test_id_check_char (void)
{
  /* Worked by hand: weighted sum 167, 167 % 11 = 2 → X. */
  g_assert_cmpint (xf_identity_id_check_char ("11010519491231002"), ==, 'X');
  /* Weighted sum 204, 204 % 11 = 6 → 6. */
  g_assert_cmpint (xf_identity_id_check_char ("33050219850312001"), ==, '6');
  /* Only the first 17 characters count. */
  g_assert_cmpint (xf_identity_id_check_char ("330502198503120019"), ==, '6');
  g_assert_cmpint (xf_identity_id_check_char ("3305021985031200a"), ==, '\0');
  g_assert_cmpint (xf_identity_id_check_char ("3305"), ==, '\0');
}

static void
test_id_valid_known (void)
{
  g_autoptr(GError) error = NULL;
  XfIdentityFacts facts;

  g_assert_true (xf_identity_check_id_number ("11010519491231002X", &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (facts.region_code, ==, "110105");
  g_assert_cmpstr (facts.birth_date, ==, "1949-12-31");
  g_assert_cmpstr (facts.gender, ==, "female");

  /* A lowercase x is accepted and the facts are the same. */
  memset (&facts, 0, sizeof facts);
  g_assert_true (xf_identity_check_id_number ("11010519491231002x", &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (facts.birth_date, ==, "1949-12-31");
  g_assert_cmpstr (facts.gender, ==, "female");

  g_assert_true (xf_identity_check_id_number ("330502198503120016", &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (facts.region_code, ==, "330502");
  g_assert_cmpstr (facts.birth_date, ==, "1985-03-12");
  g_assert_cmpstr (facts.gender, ==, "male");

  /* Facts are optional. */
  g_assert_true (xf_identity_check_id_number ("330502198503120016", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_identity_check_id_number ("330502198503120016", NULL, NULL));
}

static void
test_id_length (void)
{
  assert_id_invalid (NULL, "Identity number is empty");
  assert_id_invalid ("", "Identity number is empty");
  assert_id_invalid ("11010519491231002",
                     "Identity number has the wrong length: 17 characters instead of 18");
  assert_id_invalid ("11010519491231002X1",
                     "Identity number has the wrong length: 19 characters instead of 18");
  assert_id_invalid ("1", "Identity number has the wrong length: 1 character instead of 18");
  /* The old 15-digit numbers are not accepted. */
  assert_id_invalid ("110105491231002",
                     "Identity number has the wrong length: 15 characters instead of 18");
}

static void
test_id_characters (void)
{
  assert_id_invalid ("1101a519491231002X",
                     "Identity number: character “a” at position 5 is not a digit");
  assert_id_invalid (" 10105194912310023",
                     "Identity number: character “ ” at position 1 is not a digit");
  assert_id_invalid ("1101051949123100X2",
                     "Identity number: character “X” at position 17 is not a digit");
  /* A full-width digit is one character: the length is right, the character is not. */
  assert_id_invalid ("11010519491231００2X",
                     "Identity number: character “０” at position 15 is not a digit");
  assert_id_invalid ("11010519491231002Y",
                     "Identity number: character “Y” at position 18 is neither a digit nor X");
  assert_id_invalid ("11010519491231002-",
                     "Identity number: character “-” at position 18 is neither a digit nor X");
}

static void
test_id_province (void)
{
  static const char *unknown[] = { "00", "10", "16", "20", "24", "30", "38", "40", "47",
                                   "49", "55", "60", "66", "70", "72", "80", "83", "91", "99" };
  static const char *known[] = { "11", "15", "21", "23", "31", "37", "41", "46",
                                 "50", "54", "61", "65", "71", "81", "82" };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%s010519491231002", unknown[i]);
      g_autofree char *number = id_with_check (first17);
      g_autofree char *message =
        g_strdup_printf ("Identity number: unknown province code “%s”", unknown[i]);

      assert_id_invalid (number, message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%s010519491231002", known[i]);
      g_autofree char *number = id_with_check (first17);
      g_autoptr(GError) error = NULL;

      g_assert_true (xf_identity_check_id_number (number, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_id_birth_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  XfIdentityFacts facts;
  static const struct { const char *date; const char *message; } bad[] = {
    { "19490230", "Identity number: birth date 1949-02-30 does not exist" },
    { "19000229", "Identity number: birth date 1900-02-29 does not exist" },
    { "19990229", "Identity number: birth date 1999-02-29 does not exist" },
    { "19851301", "Identity number: birth date 1985-13-01 does not exist" },
    { "19850001", "Identity number: birth date 1985-00-01 does not exist" },
    { "19850100", "Identity number: birth date 1985-01-00 does not exist" },
    { "19850431", "Identity number: birth date 1985-04-31 does not exist" },
    { "00000101", "Identity number: birth date 0000-01-01 does not exist" },
    { "18991231", "Identity number: birth date 1899-12-31 is before 1900" },
    { "29990101", "Identity number: birth date 2999-01-01 is in the future" },
  };
  static const struct { const char *date; const char *formatted; } good[] = {
    { "20000229", "2000-02-29" },   /* divisible by 400: a leap year */
    { "20240229", "2024-02-29" },
    { "19000101", "1900-01-01" },
    { "19491001", "1949-10-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("330502%s001", bad[i].date);
      g_autofree char *number = id_with_check (first17);

      assert_id_invalid (number, bad[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("330502%s001", good[i].date);
      g_autofree char *number = id_with_check (first17);

      g_assert_true (xf_identity_check_id_number (number, &facts, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (facts.birth_date, ==, good[i].formatted);
    }

  /* Born today is fine; born tomorrow is not. */
  {
    g_autofree char *date = g_date_time_format (now, "%Y%m%d");
    g_autofree char *first17 = g_strdup_printf ("330502%s001", date);
    g_autofree char *number = id_with_check (first17);

    g_assert_true (xf_identity_check_id_number (number, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *date = g_date_time_format (tomorrow, "%Y%m%d");
    g_autofree char *shown = g_date_time_format (tomorrow, "%Y-%m-%d");
    g_autofree char *first17 = g_strdup_printf ("330502%s001", date);
    g_autofree char *number = id_with_check (first17);
    g_autofree char *message =
      g_strdup_printf ("Identity number: birth date %s is in the future", shown);

    assert_id_invalid (number, message);
  }
}

static void
test_id_check_mismatch (void)
{
  assert_id_invalid ("110105194912310023",
                     "Identity number: check character should be “X” but is “3”");
  assert_id_invalid ("33050219850312001X",
                     "Identity number: check character should be “6” but is “X”");
  assert_id_invalid ("33050219850312001x",
                     "Identity number: check character should be “6” but is “x”");
  /* One changed digit (a typing slip) is always caught. */
  for (char c = '0'; c <= '9'; c++)
    {
      g_autofree char *number = g_strdup ("330502198503120016");

      if (c == '1')
        continue;
      number[16] = c;
      g_assert_false (xf_identity_check_id_number (number, NULL, NULL));
    }
}

static void
test_id_gender (void)
{
  for (char c = '0'; c <= '9'; c++)
    {
      g_autofree char *first17 = g_strdup_printf ("3305021985031200%c", c);
      g_autofree char *number = id_with_check (first17);
      g_autoptr(GError) error = NULL;
      XfIdentityFacts facts;

      g_assert_true (xf_identity_check_id_number (number, &facts, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (facts.gender, ==, (c - '0') % 2 == 1 ? "male" : "female");
    }
}

static void
test_id_mask (void)
{
  g_autofree char *masked = xf_identity_mask_id_number ("330502198503120016");
  g_autofree char *masked_x = xf_identity_mask_id_number ("11010519491231002X");
  g_autofree char *short_text = xf_identity_mask_id_number ("1234567890");
  g_autofree char *empty = xf_identity_mask_id_number ("");
  g_autofree char *eleven = xf_identity_mask_id_number ("13800138000");

  g_assert_cmpstr (masked, ==, "330502********0016");
  g_assert_cmpstr (masked_x, ==, "110105********002X");
  /* Too short to show both ends: nothing shown. */
  g_assert_cmpstr (short_text, ==, "**********");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (eleven, ==, "138001*8000");
  g_assert_null (xf_identity_mask_id_number (NULL));
}

/*
 * Unified social credit code
 */

static void
test_credit_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *union_code = credit_with_check ("81330502MC0000000");

  /* A published example: weighted sum 1640, 1640 % 31 = 28, 31 - 28 = 3. */
  g_assert_cmpint (xf_identity_credit_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_true (xf_identity_check_credit_code ("91350100M000100Y43", &error));
  g_assert_no_error (error);

  /* A trade union's code starts with 8. */
  g_assert_cmpstr (union_code, ==, "81330502MC00000003");
  g_assert_true (xf_identity_check_credit_code (union_code, &error));
  g_assert_no_error (error);

  for (const char *a = "123456789ANY"; *a != '\0'; a++)
    {
      g_autofree char *first17 = g_strdup_printf ("%c1330502MA2B3C4D5", *a);
      g_autofree char *code = credit_with_check (first17);

      g_assert_true (xf_identity_check_credit_code (code, &error));
      g_assert_no_error (error);
    }
}

static void
test_credit_check_char (void)
{
  guint zero_seen = 0;

  g_assert_cmpint (xf_identity_credit_check_char ("9135010O0000100Y4"), ==, '\0');
  g_assert_cmpint (xf_identity_credit_check_char ("913501"), ==, '\0');

  /* 31 - sum % 31 is 31 when the sum is a multiple of 31: that is written 0.
   * Search for such a code so the case is really exercised. */
  for (guint i = 0; i < 100 && zero_seen == 0; i++)
    {
      g_autofree char *first17 = g_strdup_printf ("91330500MA%07u", i);

      if (xf_identity_credit_check_char (first17) == '0')
        {
          g_autofree char *code = g_strdup_printf ("%s0", first17);

          g_assert_true (xf_identity_check_credit_code (code, NULL));
          zero_seen++;
        }
    }
  g_assert_cmpuint (zero_seen, ==, 1);
}

static void
test_credit_invalid (void)
{
  g_autofree char *authority = credit_with_check ("01350100M000100Y4");
  g_autofree char *authority_b = credit_with_check ("B1350100M000100Y4");
  g_autofree char *region = credit_with_check ("9135A100M000100Y4");

  assert_credit_invalid (NULL, "Unified social credit code is empty");
  assert_credit_invalid ("", "Unified social credit code is empty");
  assert_credit_invalid ("91350100M000100Y4",
                         "Unified social credit code has the wrong length: "
                         "17 characters instead of 18");
  assert_credit_invalid ("91350100M000100Y433",
                         "Unified social credit code has the wrong length: "
                         "19 characters instead of 18");
  assert_credit_invalid ("91350100I000100Y43",
                         "Unified social credit code: character “I” at position 9 is not allowed "
                         "(only digits and capital letters other than I, O, S, V and Z)");
  assert_credit_invalid ("91350100m000100Y43",
                         "Unified social credit code: character “m” at position 9 is not allowed "
                         "(only digits and capital letters other than I, O, S, V and Z)");
  assert_credit_invalid ("91350100M000100Y4Z",
                         "Unified social credit code: character “Z” at position 18 is not allowed "
                         "(only digits and capital letters other than I, O, S, V and Z)");
  assert_credit_invalid ("91350100M00010０Y43",
                         "Unified social credit code: character “０” at position 15 is not allowed "
                         "(only digits and capital letters other than I, O, S, V and Z)");
  assert_credit_invalid (authority,
                         "Unified social credit code: “0” at position 1 is not a registration authority");
  assert_credit_invalid (authority_b,
                         "Unified social credit code: “B” at position 1 is not a registration authority");
  assert_credit_invalid (region,
                         "Unified social credit code: region code “35A100” (positions 3 to 8) "
                         "is not 6 digits");
  assert_credit_invalid ("91350100M000100Y44",
                         "Unified social credit code: check character should be “3” but is “4”");
}

/*
 * Mobile number
 */

static void
test_mobile (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_identity_check_mobile ("13800138000", &error));
  g_assert_no_error (error);
  g_assert_true (xf_identity_check_mobile ("19957201234", &error));
  g_assert_no_error (error);

  assert_mobile_invalid (NULL, "Mobile number is empty");
  assert_mobile_invalid ("", "Mobile number is empty");
  assert_mobile_invalid ("1380013800", "Mobile number has the wrong length: 10 digits instead of 11");
  assert_mobile_invalid ("138001380001", "Mobile number has the wrong length: 12 digits instead of 11");
  assert_mobile_invalid ("1380013800a", "Mobile number: character “a” at position 11 is not a digit");
  assert_mobile_invalid ("138-1380000", "Mobile number: character “-” at position 4 is not a digit");
  assert_mobile_invalid ("23800138000", "Mobile number must start with 1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/identity/id/check-char", test_id_check_char);
  g_test_add_func ("/core/identity/id/valid-known", test_id_valid_known);
  g_test_add_func ("/core/identity/id/length", test_id_length);
  g_test_add_func ("/core/identity/id/characters", test_id_characters);
  g_test_add_func ("/core/identity/id/province", test_id_province);
  g_test_add_func ("/core/identity/id/birth-date", test_id_birth_date);
  g_test_add_func ("/core/identity/id/check-mismatch", test_id_check_mismatch);
  g_test_add_func ("/core/identity/id/gender", test_id_gender);
  g_test_add_func ("/core/identity/id/mask", test_id_mask);
  g_test_add_func ("/core/identity/credit/valid", test_credit_valid);
  g_test_add_func ("/core/identity/credit/check-char", test_credit_check_char);
  g_test_add_func ("/core/identity/credit/invalid", test_credit_invalid);
  g_test_add_func ("/core/identity/mobile", test_mobile);

  return g_test_run ();
}
