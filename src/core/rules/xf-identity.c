/* xf-identity.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-identity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-error.h"
#include "xf-identity.h"

#define ID_LENGTH 18
#define CREDIT_LENGTH 18
#define MOBILE_LENGTH 11

/* GB 11643: ISO 7064 MOD 11-2 weights for the first 17 digits. */
static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_chars[] = "10X98765432";

/* GB 32100: the 31 characters a credit code may use (no I, O, S, V, Z);
 * each character's value is its index. */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

/* Registration authorities (登记管理部门码) of GB 32100 and those the
 * standardisation administration assigned since: 1 机构编制, 2 外交,
 * 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管,
 * A 中央军委改革和编制办公室, N 农业, Y 其他. Trade unions' own codes
 * start with 8, so the original four (1, 5, 9, Y) are not enough here. */
static const char credit_authorities[] = "123456789ANY";

/* Province-level divisions (GB/T 2260), the first two digits of a region code. */
static const int province_codes[] = {
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71,
  81, 82,
};

static gboolean
is_province_code (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == code)
      return TRUE;
  return FALSE;
}

static int
credit_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (credit_alphabet, c);
  return p != NULL ? (int) (p - credit_alphabet) : -1;
}

/* The UTF-8 character at @p as a string, for naming it in a message. */
static char *
char_at (const char *p)
{
  return g_utf8_substring (p, 0, 1);
}

/* The length of @text in characters; in bytes when it is not UTF-8, so a
 * message can still say something. Zero for NULL. */
static guint
text_length (const char *text)
{
  if (text == NULL)
    return 0;
  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  return g_utf8_strlen (text, -1);
}

/*
 * Resident identity number
 */

char
xf_identity_id_check_char (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * id_weights[i];
    }
  return id_check_chars[sum % 11];
}

static gboolean
check_birth_date (const char  *number,
                  char         formatted[11],
                  GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  int year = 0, month = 0, day = 0;

  for (guint i = 6; i < 10; i++)
    year = year * 10 + (number[i] - '0');
  month = (number[10] - '0') * 10 + (number[11] - '0');
  day = (number[12] - '0') * 10 + (number[13] - '0');
  g_snprintf (formatted, 11, "%04d-%02d-%02d", year, month, day);

  if (month < 1 || month > 12 || day < 1 || year < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Identity number: birth date %s does not exist"), formatted);
      return FALSE;
    }
  if (year < 1900)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Identity number: birth date %s is before 1900"), formatted);
      return FALSE;
    }

  now = xf_clock_real_now ();
  if (year > g_date_time_get_year (now)
      || (year == g_date_time_get_year (now)
          && (month > g_date_time_get_month (now)
              || (month == g_date_time_get_month (now)
                  && day > g_date_time_get_day_of_month (now)))))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Identity number: birth date %s is in the future"), formatted);
      return FALSE;
    }
  return TRUE;
}

gboolean
xf_identity_check_id_number (const char       *number,
                             XfIdentityFacts  *facts,
                             GError          **error)
{
  char birth_date[11];
  char expected;
  char last;
  guint length;

  length = text_length (number);
  if (length == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Identity number is empty"));
      return FALSE;
    }
  if (length != ID_LENGTH)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   ngettext ("Identity number has the wrong length: %u character instead of 18",
                             "Identity number has the wrong length: %u characters instead of 18",
                             length),
                   length);
      return FALSE;
    }

  /* Walk by characters: a full-width digit is one character but three bytes. */
  {
    const char *p = number;

    for (guint position = 1; position <= ID_LENGTH; position++, p = g_utf8_next_char (p))
      {
        gboolean ok;

        if (position < ID_LENGTH)
          ok = g_ascii_isdigit (*p);
        else
          ok = g_ascii_isdigit (*p) || *p == 'X' || *p == 'x';

        if (!ok)
          {
            g_autofree char *c = char_at (p);

            if (position < ID_LENGTH)
              g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Identity number: character “%s” at position %u is not a digit"),
                           c, position);
            else
              g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Identity number: character “%s” at position 18 is neither a digit nor X"),
                           c);
            return FALSE;
          }
      }
  }

  /* From here the number is 18 ASCII bytes. */
  if (!is_province_code ((number[0] - '0') * 10 + (number[1] - '0')))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Identity number: unknown province code “%.2s”"), number);
      return FALSE;
    }

  if (!check_birth_date (number, birth_date, error))
    return FALSE;

  expected = xf_identity_id_check_char (number);
  last = g_ascii_toupper (number[17]);
  if (last != expected)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Identity number: check character should be “%c” but is “%c”"),
                   expected, number[17]);
      return FALSE;
    }

  if (facts != NULL)
    {
      memcpy (facts->region_code, number, 6);
      facts->region_code[6] = '\0';
      memcpy (facts->birth_date, birth_date, sizeof facts->birth_date);
      g_strlcpy (facts->gender, (number[16] - '0') % 2 == 1 ? "male" : "female",
                 sizeof facts->gender);
    }
  return TRUE;
}

char *
xf_identity_mask_id_number (const char *number)
{
  GString *masked;
  glong length;

  if (number == NULL)
    return NULL;
  if (!g_utf8_validate (number, -1, NULL))
    return g_strnfill (strlen (number), '*');

  /* Too short to show both ends without revealing most of it. */
  length = g_utf8_strlen (number, -1);
  if (length <= 10)
    return g_strnfill (length, '*');

  masked = g_string_new (NULL);
  g_string_append_len (masked, number, g_utf8_offset_to_pointer (number, 6) - number);
  for (glong i = 6; i < length - 4; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, g_utf8_offset_to_pointer (number, length - 4));
  return g_string_free (masked, FALSE);
}

/*
 * Unified social credit code
 */

char
xf_identity_credit_check_char (const char *first17)
{
  int sum = 0;
  int value;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      value = credit_value (first17[i]);
      if (value < 0)
        return '\0';
      sum += value * credit_weights[i];
    }
  value = 31 - sum % 31;
  return credit_alphabet[value == 31 ? 0 : value];
}

gboolean
xf_identity_check_credit_code (const char  *code,
                               GError     **error)
{
  const char *p = code;
  char expected;
  guint length;

  length = text_length (code);
  if (length == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Unified social credit code is empty"));
      return FALSE;
    }
  if (length != CREDIT_LENGTH)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   ngettext ("Unified social credit code has the wrong length: %u character instead of 18",
                             "Unified social credit code has the wrong length: %u characters instead of 18",
                             length),
                   length);
      return FALSE;
    }

  for (guint position = 1; position <= CREDIT_LENGTH; position++, p = g_utf8_next_char (p))
    if (credit_value (*p) < 0)
      {
        g_autofree char *c = char_at (p);

        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("Unified social credit code: character “%s” at position %u is not allowed "
                       "(only digits and capital letters other than I, O, S, V and Z)"),
                     c, position);
        return FALSE;
      }

  /* From here the code is 18 ASCII bytes. */
  if (strchr (credit_authorities, code[0]) == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Unified social credit code: “%c” at position 1 is not a registration authority"),
                   code[0]);
      return FALSE;
    }

  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (code[i]))
      {
        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("Unified social credit code: region code “%.6s” (positions 3 to 8) is not 6 digits"),
                     code + 2);
        return FALSE;
      }

  expected = xf_identity_credit_check_char (code);
  if (code[17] != expected)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Unified social credit code: check character should be “%c” but is “%c”"),
                   expected, code[17]);
      return FALSE;
    }
  return TRUE;
}

/*
 * Mobile number
 */

gboolean
xf_identity_check_mobile (const char  *mobile,
                          GError     **error)
{
  const char *p = mobile;
  guint length;

  length = text_length (mobile);
  if (length == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Mobile number is empty"));
      return FALSE;
    }
  if (length != MOBILE_LENGTH)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   ngettext ("Mobile number has the wrong length: %u digit instead of 11",
                             "Mobile number has the wrong length: %u digits instead of 11",
                             length),
                   length);
      return FALSE;
    }

  for (guint position = 1; position <= MOBILE_LENGTH; position++, p = g_utf8_next_char (p))
    if (!g_ascii_isdigit (*p))
      {
        g_autofree char *c = char_at (p);

        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("Mobile number: character “%s” at position %u is not a digit"),
                     c, position);
        return FALSE;
      }

  if (mobile[0] != '1')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Mobile number must start with 1"));
      return FALSE;
    }
  return TRUE;
}
