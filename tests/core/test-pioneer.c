/* test-pioneer.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libglib-testing/signal-logger.h>

#include "xf-error.h"
#include "xf-honour.h"
#include "xf-identity.h"
#include "xf-pioneer.h"

/* A valid identity number: Wuxing, born 1980-01-01, sequence 123 (male). */
static char *
male_1980_id (void)
{
  const char *first17 = "33050219800101123";

  return g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
}

static char *
valid_credit_code (void)
{
  const char *first17 = "91330500MA2B3C4D5";

  return g_strdup_printf ("%s%c", first17, xf_identity_credit_check_char (first17));
}

static void
test_defaults (void)
{
  g_autoptr(XfPioneer) individual = xf_pioneer_new (NULL);
  g_autoptr(XfPioneer) collective = xf_pioneer_new ("collective");

  g_assert_cmpstr (xf_pioneer_get_kind (individual), ==, "individual");
  g_assert_false (xf_pioneer_is_collective (individual));
  g_assert_true (xf_pioneer_is_collective (collective));
  g_assert_cmpstr (xf_pioneer_get_tier (individual), ==, "cultivation");
  g_assert_cmpstr (xf_pioneer_get_status (individual), ==, "active");
  g_assert_cmpint (xf_pioneer_get_id (individual), ==, 0);
  g_assert_null (xf_pioneer_get_name (individual));
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *name = NULL;

  gt_signal_logger_connect (logger, pioneer, "notify::name");
  gt_signal_logger_connect (logger, pioneer, "notify::size");
  gt_signal_logger_connect (logger, pioneer, "notify::tier-manual");

  g_object_set (pioneer, "name", "王建国", NULL);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 1);
  g_object_set (pioneer, "name", "王建国", NULL);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 1);

  /* An empty name is no name: one change, then none. */
  g_object_set (pioneer, "name", "", NULL);
  g_assert_null (xf_pioneer_get_name (pioneer));
  g_object_set (pioneer, "name", NULL, NULL);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 2);

  g_object_set (pioneer, "size", 12, NULL);
  g_object_set (pioneer, "size", 12, NULL);
  g_object_set (pioneer, "tier-manual", TRUE, NULL);
  g_object_set (pioneer, "tier-manual", TRUE, NULL);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 4);

  /* set_field goes through the same path. */
  g_assert_true (xf_pioneer_set_field (pioneer, "size", " 12 ", NULL));
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 4);
  g_assert_true (xf_pioneer_set_field (pioneer, "name", "李娜", NULL));
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 5);

  gt_signal_logger_assert_emission_pop (logger, pioneer, "notify::name", NULL);
  gt_signal_logger_assert_emission_pop (logger, pioneer, "notify::name", NULL);
  gt_signal_logger_assert_emission_pop (logger, pioneer, "notify::size", NULL);
  gt_signal_logger_assert_emission_pop (logger, pioneer, "notify::tier-manual", NULL);
  gt_signal_logger_assert_emission_pop (logger, pioneer, "notify::name", NULL);
  gt_signal_logger_assert_no_emissions (logger);

  name = xf_pioneer_dup_field (pioneer, "name");
  g_assert_cmpstr (name, ==, "李娜");
}

static void
test_copy (void)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("collective");
  g_autoptr(XfPioneer) copy = NULL;

  g_object_set (pioneer,
                "id", (gint64) 7,
                "name", "灯塔村党支部",
                "size", 30,
                "organisation-id", (gint64) 3,
                "organisation-name", "湖州市总工会",
                "tier", "city",
                "tier-manual", TRUE,
                "tier-reason", "市委决定",
                "version", (gint64) 4,
                NULL);
  copy = xf_pioneer_copy (pioneer);

  g_assert_true (copy != pioneer);
  g_assert_cmpint (xf_pioneer_get_id (copy), ==, 7);
  g_assert_cmpstr (xf_pioneer_get_kind (copy), ==, "collective");
  g_assert_cmpstr (xf_pioneer_get_name (copy), ==, "灯塔村党支部");
  g_assert_cmpint (xf_pioneer_get_organisation_id (copy), ==, 3);
  g_assert_cmpstr (xf_pioneer_get_organisation_name (copy), ==, "湖州市总工会");
  g_assert_cmpstr (xf_pioneer_get_tier (copy), ==, "city");
  g_assert_cmpint (xf_pioneer_get_version (copy), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "size", "tier-manual", "tier-reason" };
      g_autofree char *a = xf_pioneer_dup_field (pioneer, names[i]);
      g_autofree char *b = xf_pioneer_dup_field (copy, names[i]);

      g_assert_cmpstr (a, ==, b);
    }

  /* The copy is independent. */
  g_object_set (copy, "name", "别的", NULL);
  g_assert_cmpstr (xf_pioneer_get_name (pioneer), ==, "灯塔村党支部");
}

static void
assert_set_field_fails (XfPioneer  *pioneer,
                        const char *property,
                        const char *text,
                        const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = xf_pioneer_dup_field (pioneer, property);
  g_autofree char *after = NULL;

  g_assert_false (xf_pioneer_set_field (pioneer, property, text, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
  after = xf_pioneer_dup_field (pioneer, property);
  g_assert_cmpstr (before, ==, after);
}

static void
test_fields_as_text (void)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("collective");
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (xf_pioneer_set_field (pioneer, "size", "42", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll ((text = xf_pioneer_dup_field (pioneer, "size")), NULL, 10), ==, 42);
  g_free (text);

  assert_set_field_fails (pioneer, "size", "12a", "Number of members must be a whole number, not “12a”");
  assert_set_field_fails (pioneer, "size", "1.5", "Number of members must be a whole number, not “1.5”");
  assert_set_field_fails (pioneer, "size", "0", "Number of members must be at least 1");
  assert_set_field_fails (pioneer, "size", "-3", "Number of members must be at least 1");
  assert_set_field_fails (pioneer, "size", "99999999999", "Number of members must be a whole number, not “99999999999”");
  assert_set_field_fails (pioneer, "organisation-id", "x", "Organisation must be a whole number, not “x”");
  assert_set_field_fails (pioneer, "tier-manual", "maybe", "Set the tier by hand must be yes or no");
  assert_set_field_fails (pioneer, "no-such-field", "1", "There is no field “no-such-field” in a pioneer’s file");

  /* Empty text unsets; numbers that mean "not recorded" at 0 read back as NULL. */
  g_assert_true (xf_pioneer_set_field (pioneer, "size", "  ", NULL));
  g_assert_null ((text = xf_pioneer_dup_field (pioneer, "size")));
  g_assert_true (xf_pioneer_set_field (pioneer, "tier-manual", "true", NULL));
  g_assert_cmpstr ((text = xf_pioneer_dup_field (pioneer, "tier-manual")), ==, "true");
  g_free (text);
  g_assert_true (xf_pioneer_set_field (pioneer, "tier-manual", "", NULL));
  g_assert_cmpstr ((text = xf_pioneer_dup_field (pioneer, "tier-manual")), ==, "false");
  g_free (text);
  g_assert_cmpstr ((text = xf_pioneer_dup_field (pioneer, "honours-count")), ==, "0");
  g_free (text);

  g_assert_true (xf_pioneer_set_field (pioneer, "leader", "  张三  ", NULL));
  g_assert_cmpstr ((text = xf_pioneer_dup_field (pioneer, "leader")), ==, "张三");
  g_free (text);
  g_assert_true (xf_pioneer_set_field (pioneer, "leader", NULL, NULL));
  g_assert_null (xf_pioneer_dup_field (pioneer, "leader"));
  g_assert_null (xf_pioneer_dup_field (pioneer, "no-such-field"));
}

/* A pioneer that passes every check. */
static XfPioneer *
valid_individual (void)
{
  g_autofree char *id = male_1980_id ();
  XfPioneer *pioneer = xf_pioneer_new ("individual");

  g_object_set (pioneer,
                "name", "王建国",
                "gender", "male",
                "birth-date", "1980-01-01",
                "ethnicity", "01",
                "education", "bachelor",
                "political-status", "01",
                "id-number", id,
                "mobile", "13800138000",
                "employer", "湖州电力公司",
                "industry", "D",
                "region-code", "330502",
                NULL);
  return pioneer;
}

static void
assert_invalid (XfPioneer  *pioneer,
                const char *property,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) field_error = NULL;
  g_autofree char *bad = NULL;

  g_assert_false (xf_pioneer_validate (pioneer, &bad, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (bad, ==, property);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);

  g_assert_false (xf_pioneer_check_field (pioneer, property, &field_error));
  g_assert_error (field_error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (field_error->message, ==, error->message);
}

static void
test_validate_individual (void)
{
  g_autoptr(XfPioneer) pioneer = valid_individual ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *long_name = NULL;
  GString *name50 = g_string_new (NULL);

  g_assert_true (xf_pioneer_validate (pioneer, &bad, &error));
  g_assert_no_error (error);
  g_assert_null (bad);

  g_object_set (pioneer, "name", NULL, NULL);
  assert_invalid (pioneer, "name", "Name is required");
  for (guint i = 0; i < 50; i++)
    g_string_append (name50, "王");
  g_object_set (pioneer, "name", name50->str, NULL);
  g_assert_true (xf_pioneer_check_field (pioneer, "name", NULL));
  long_name = g_strconcat (name50->str, "国", NULL);
  g_object_set (pioneer, "name", long_name, NULL);
  assert_invalid (pioneer, "name", "Name is too long: 51 characters, at most 50");
  g_object_set (pioneer, "name", "王建国", NULL);
  g_string_free (name50, TRUE);

  g_object_set (pioneer, "gender", "other", NULL);
  assert_invalid (pioneer, "gender", "Gender “other” is not one of the known values");
  g_object_set (pioneer, "gender", "male", NULL);

  g_object_set (pioneer, "birth-date", "1980-02-30", NULL);
  assert_invalid (pioneer, "birth-date", "Birth date “1980-02-30” is not a real date");
  g_object_set (pioneer, "birth-date", "1980/01/01", NULL);
  assert_invalid (pioneer, "birth-date", "is not a real date written as YYYY-MM-DD");
  g_object_set (pioneer, "id-number", NULL, "birth-date", "2999-01-01", NULL);
  assert_invalid (pioneer, "birth-date", "Birth date 2999-01-01 is in the future");
  g_object_set (pioneer, "birth-date", "1980-01-01", NULL);

  g_object_set (pioneer, "ethnicity", "99x", NULL);
  assert_invalid (pioneer, "ethnicity", "Ethnicity “99x” is not a known code");
  g_object_set (pioneer, "ethnicity", "01", "education", "phd", NULL);
  assert_invalid (pioneer, "education", "Education “phd” is not a known code");
  g_object_set (pioneer, "education", NULL, "political-status", "77", NULL);
  assert_invalid (pioneer, "political-status", "Political status “77” is not a known code");
  g_object_set (pioneer, "political-status", NULL, "id-number", "330502198001011230", NULL);
  assert_invalid (pioneer, "id-number", "Identity number");
  g_object_set (pioneer, "id-number", NULL, "mobile", "2380013800", NULL);
  assert_invalid (pioneer, "mobile", "obile");
  g_object_set (pioneer, "mobile", NULL, "industry", "Z", NULL);
  assert_invalid (pioneer, "industry", "Industry “Z” is not a known code");
  g_object_set (pioneer, "industry", "C", "region-code", "110101", NULL);
  assert_invalid (pioneer, "region-code", "Region “110101” is not a known code");
  g_object_set (pioneer, "region-code", "330521", NULL);

  /* A credit code on an individual is still checked. */
  g_object_set (pioneer, "credit-code", "91330500MA2B3C4D50", NULL);
  assert_invalid (pioneer, "credit-code", "redit code");
  g_object_set (pioneer, "credit-code", NULL, NULL);

  g_object_set (pioneer, "tier-manual", TRUE, NULL);
  assert_invalid (pioneer, "tier-manual", "Reason for the tier is required when the tier is set by hand");
  g_assert_false (xf_pioneer_check_field (pioneer, "tier-reason", NULL));
  g_object_set (pioneer, "tier-reason", "市委决定", NULL);
  g_assert_true (xf_pioneer_validate (pioneer, NULL, NULL));

  g_object_set (pioneer, "tier", "gold", NULL);
  assert_invalid (pioneer, "tier", "Tier “gold” is not one of the known values");
}

static void
test_validate_collective (void)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("collective");
  g_autofree char *code = valid_credit_code ();
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < 100; i++)
    g_string_append (name, "村");
  g_object_set (pioneer, "name", name->str, "credit-code", code, "size", 25,
                "video", "https://example.org/v.mp4", "photo", "/home/me/photo.jpg", NULL);
  g_assert_true (xf_pioneer_validate (pioneer, NULL, NULL));

  g_string_append (name, "村");
  g_object_set (pioneer, "name", name->str, NULL);
  assert_invalid (pioneer, "name", "at most 100");
  g_string_free (name, TRUE);
  g_object_set (pioneer, "name", "灯塔村", NULL);

  /* The credit code is optional but checked when present. */
  g_object_set (pioneer, "credit-code", NULL, NULL);
  g_assert_true (xf_pioneer_validate (pioneer, NULL, NULL));
  g_object_set (pioneer, "credit-code", "91330500MA2B3C4D5I", NULL);
  assert_invalid (pioneer, "credit-code", "redit code");

  g_object_set (pioneer, "credit-code", NULL, "kind", "team", NULL);
  assert_invalid (pioneer, "kind", "Kind “team” is not one of the known values");
}

static void
test_identity_mismatch (void)
{
  g_autoptr(XfPioneer) pioneer = valid_individual ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  g_object_set (pioneer, "gender", "female", NULL);
  g_assert_false (xf_pioneer_validate (pioneer, &bad, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (bad, ==, "gender");
  g_assert_cmpstr (error->message, ==,
                   "Gender does not match the identity number (the number says male)");
  g_clear_error (&error);

  /* The identity number and the gender field both report it. */
  g_assert_false (xf_pioneer_check_field (pioneer, "id-number", &error));
  g_assert_cmpstr (error->message, ==,
                   "Gender does not match the identity number (the number says male)");
  g_clear_error (&error);
  g_assert_false (xf_pioneer_check_field (pioneer, "gender", &error));
  g_clear_error (&error);

  g_object_set (pioneer, "gender", "male", "birth-date", "1980-01-02", NULL);
  g_assert_false (xf_pioneer_check_field (pioneer, "birth-date", &error));
  g_assert_cmpstr (error->message, ==,
                   "Birth date does not match the identity number (the number says 1980-01-01)");
  g_clear_error (&error);
  g_assert_false (xf_pioneer_check_field (pioneer, "id-number", &error));
  g_assert_nonnull (strstr (error->message, "Birth date does not match"));
  g_clear_error (&error);

  /* Unset gender and birth date are not a mismatch. */
  g_object_set (pioneer, "gender", NULL, "birth-date", NULL, NULL);
  g_assert_true (xf_pioneer_validate (pioneer, NULL, &error));
  g_assert_no_error (error);
}

static void
test_lists_and_labels (void)
{
  const char * const *individual = xf_pioneer_list_fields ("individual");
  const char * const *collective = xf_pioneer_list_fields ("collective");

  g_assert_cmpuint (g_strv_length ((char **) individual), ==, 20);
  g_assert_cmpuint (g_strv_length ((char **) collective), ==, 13);
  g_assert_cmpstr (individual[0], ==, "name");
  g_assert_cmpstr (individual[6], ==, "id-number");
  g_assert_cmpstr (collective[1], ==, "credit-code");
  g_assert_true (g_strv_contains (collective, "size"));
  g_assert_false (g_strv_contains (collective, "gender"));

  g_assert_cmpstr (xf_pioneer_field_label ("id-number"), ==, "Identity number");
  g_assert_cmpstr (xf_pioneer_field_label ("birth-date"), ==, "Birth date");
  g_assert_cmpstr (xf_pioneer_field_label ("unknown"), ==, "unknown");

  g_assert_cmpstr (xf_tier_label ("national"), ==, "National");
  g_assert_cmpstr (xf_tier_label ("county"), ==, "District/County");
  g_assert_cmpstr (xf_tier_label ("cultivation"), ==, "Cultivation target");
  g_assert_cmpint (xf_tier_rank ("national"), ==, 0);
  g_assert_cmpint (xf_tier_rank ("city"), ==, 2);
  g_assert_cmpint (xf_tier_rank ("cultivation"), ==, 4);
  g_assert_cmpint (xf_tier_rank ("gold"), ==, -1);
  g_assert_cmpstr (xf_tier_for_honour_level ("provincial"), ==, "provincial");
  g_assert_cmpstr (xf_tier_for_honour_level ("county"), ==, "county");
  g_assert_null (xf_tier_for_honour_level ("cultivation"));
  g_assert_cmpstr (xf_kind_label ("collective"), ==, "Collective");
  g_assert_cmpstr (xf_gender_label ("female"), ==, "Female");
  g_assert_cmpstr (xf_status_label ("archived"), ==, "Archived");
  g_assert_null (xf_status_label (NULL));
  g_assert_cmpstr (xf_honour_level_label ("county"), ==, "District/County");
  g_assert_cmpstr (xf_honour_level_label ("city"), ==, "City");
}

static void
test_honour_record (void)
{
  g_autoptr(XfHonour) honour = xf_honour_new ("全国劳动模范", "national", 2020);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  g_assert_cmpstr (xf_honour_get_title (honour), ==, "全国劳动模范");
  g_assert_cmpstr (xf_honour_get_level (honour), ==, "national");
  g_assert_cmpint (xf_honour_get_year (honour), ==, 2020);
  g_assert_cmpint (xf_honour_get_id (honour), ==, 0);

  gt_signal_logger_connect (logger, honour, "notify::year");
  g_object_set (honour, "year", 2020, NULL);
  g_object_set (honour, "year", 2021, NULL);
  gt_signal_logger_assert_emission_pop (logger, honour, "notify::year", NULL);
  gt_signal_logger_assert_no_emissions (logger);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pioneer/defaults", test_defaults);
  g_test_add_func ("/core/pioneer/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/pioneer/copy", test_copy);
  g_test_add_func ("/core/pioneer/fields-as-text", test_fields_as_text);
  g_test_add_func ("/core/pioneer/validate-individual", test_validate_individual);
  g_test_add_func ("/core/pioneer/validate-collective", test_validate_collective);
  g_test_add_func ("/core/pioneer/identity-mismatch", test_identity_mismatch);
  g_test_add_func ("/core/pioneer/lists-and-labels", test_lists_and_labels);
  g_test_add_func ("/core/pioneer/honour-record", test_honour_record);

  return g_test_run ();
}
