/* test-care-rules.c — eligibility rules on hand-made subjects: age on the
 *                     reference date, tier, honours, status, retirement,
 *                     hardship, regions; bad rules refused naming the key
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-care-programme.h"
#include "xf-care-rules.h"
#include "xf-error.h"

static XfCareRules *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  XfCareRules *rules = xf_care_rules_parse (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* A 60-year-old active individual of city tier in Deqing, honoured. */
static XfCareSubject
person (void)
{
  static const char * const levels[] = { "county", "city", NULL };
  static const char * const titles[] = { "德清工匠", "湖州市劳动模范", NULL };
  XfCareSubject subject = {
    .kind = "individual", .tier = "city", .status = "active", .birth_date = "1966-07-01",
    .region_code = "330521001", .retired_on = NULL, .hardship = FALSE,
    .honour_levels = levels, .honour_titles = titles,
  };

  return subject;
}

static void
assert_fails (const char          *json,
              const XfCareSubject *subject,
              const char          *on,
              const char          *expected_reason)
{
  g_autoptr(XfCareRules) rules = parse (json);
  g_autofree char *reason = NULL;

  g_assert_false (xf_care_rules_match (rules, subject, on, &reason));
  g_assert_nonnull (reason);
  if (expected_reason != NULL && g_strcmp0 (reason, expected_reason) != 0)
    g_error ("%s: expected “%s”, got “%s”", json, expected_reason, reason);
}

static void
assert_matches (const char          *json,
                const XfCareSubject *subject,
                const char          *on)
{
  g_autoptr(XfCareRules) rules = parse (json);
  g_autofree char *reason = NULL;

  if (!xf_care_rules_match (rules, subject, on, &reason))
    g_error ("%s on %s: %s", json, on, reason);
  g_assert_null (reason);
}

static void
test_age_on (void)
{
  g_assert_cmpint (xf_care_age_on ("1966-07-01", "2026-07-01"), ==, 60);
  g_assert_cmpint (xf_care_age_on ("1966-07-02", "2026-07-01"), ==, 59);
  g_assert_cmpint (xf_care_age_on ("1966-06-30", "2026-07-01"), ==, 60);
  g_assert_cmpint (xf_care_age_on ("1966-12-31", "2026-01-01"), ==, 59);
  /* 29 February: 1 March in other years. */
  g_assert_cmpint (xf_care_age_on ("1964-02-29", "2025-02-28"), ==, 60);
  g_assert_cmpint (xf_care_age_on ("1964-02-29", "2025-03-01"), ==, 61);
  g_assert_cmpint (xf_care_age_on ("1964-02-29", "2024-02-28"), ==, 59);
  g_assert_cmpint (xf_care_age_on ("1964-02-29", "2024-02-29"), ==, 60);
  g_assert_cmpint (xf_care_age_on ("2026-07-01", "2026-07-01"), ==, 0);
  /* Not dates, or born after the day. */
  g_assert_cmpint (xf_care_age_on ("1966-02-30", "2026-07-01"), ==, -1);
  g_assert_cmpint (xf_care_age_on ("1966-7-1", "2026-07-01"), ==, -1);
  g_assert_cmpint (xf_care_age_on (NULL, "2026-07-01"), ==, -1);
  g_assert_cmpint (xf_care_age_on ("1966-07-01", NULL), ==, -1);
  g_assert_cmpint (xf_care_age_on ("2027-01-01", "2026-07-01"), ==, -1);
}

static void
test_ages (void)
{
  XfCareSubject subject = person ();

  assert_matches ("{\"min_age\": 60}", &subject, "2026-07-01");
  assert_fails ("{\"min_age\": 60}", &subject, "2026-06-30",
                "Aged 59 on 2026-06-30; the programme is for 60 and over");
  assert_matches ("{\"max_age\": 60}", &subject, "2027-06-30");
  assert_fails ("{\"max_age\": 60}", &subject, "2027-07-01",
                "Aged 61 on 2027-07-01; the programme is for 60 and under");
  assert_matches ("{\"min_age\": 50, \"max_age\": 70}", &subject, "2026-07-01");

  subject.birth_date = "1944-02-29";
  assert_fails ("{\"min_age\": 81}", &subject, "2025-02-28",
                "Aged 80 on 2025-02-28; the programme is for 81 and over");
  assert_matches ("{\"min_age\": 81}", &subject, "2025-03-01");

  subject.birth_date = NULL;
  assert_fails ("{\"min_age\": 60}", &subject, "2026-07-01",
                "No birth date on file; the programme has an age rule");
  assert_matches ("{}", &subject, "2026-07-01");

  /* A collective never meets an age rule. */
  subject = person ();
  subject.kind = "collective";
  assert_fails ("{\"max_age\": 150}", &subject, "2026-07-01",
                "A collective has no age; the programme has an age rule");
}

static void
test_tiers_and_kinds (void)
{
  XfCareSubject subject = person ();

  assert_matches ("{\"tiers\": [\"national\", \"city\"]}", &subject, "2026-07-01");
  assert_fails ("{\"tiers\": [\"national\", \"provincial\"]}", &subject, "2026-07-01",
                "Tier: City; the programme is for National, Provincial");
  assert_matches ("{\"kinds\": [\"individual\"]}", &subject, "2026-07-01");
  assert_fails ("{\"kinds\": [\"collective\"]}", &subject, "2026-07-01", NULL);
  subject.tier = "cultivation";
  assert_fails ("{\"tiers\": [\"national\", \"provincial\", \"city\", \"county\"]}", &subject,
                "2026-07-01", NULL);
}

static void
test_honours (void)
{
  XfCareSubject subject = person ();
  static const char * const none[] = { NULL };

  assert_matches ("{\"honour_levels\": [\"city\"]}", &subject, "2026-07-01");
  assert_fails ("{\"honour_levels\": [\"national\", \"provincial\"]}", &subject, "2026-07-01",
                "No honour of the level the programme is for (National, Provincial)");
  assert_matches ("{\"honour_titles\": [\"劳动模范\"]}", &subject, "2026-07-01");
  assert_matches ("{\"honour_titles\": [\"五一劳动奖章\", \"工匠\"]}", &subject, "2026-07-01");
  assert_fails ("{\"honour_titles\": [\"先进工作者\"]}", &subject, "2026-07-01",
                "No honour with a title the programme is for (先进工作者)");
  subject.honour_levels = none;
  subject.honour_titles = none;
  assert_fails ("{\"honour_levels\": [\"county\"]}", &subject, "2026-07-01", NULL);
  subject.honour_levels = NULL;
  subject.honour_titles = NULL;
  assert_fails ("{\"honour_titles\": [\"工匠\"]}", &subject, "2026-07-01", NULL);
  assert_matches ("{\"tiers\": [\"city\"]}", &subject, "2026-07-01");
}

static void
test_status (void)
{
  XfCareSubject subject = person ();

  subject.status = "archived";
  /* Absent: active only. */
  assert_fails ("{}", &subject, "2026-07-01", "Status: Archived; the programme is for Active");
  assert_matches ("{\"statuses\": [\"active\", \"archived\"]}", &subject, "2026-07-01");
  subject.status = "deceased";
  assert_fails ("{\"statuses\": [\"active\", \"archived\"]}", &subject, "2026-07-01", NULL);
  assert_matches ("{\"statuses\": [\"deceased\"]}", &subject, "2026-07-01");
}

static void
test_retired_and_hardship (void)
{
  XfCareSubject subject = person ();

  assert_fails ("{\"retired\": true}", &subject, "2026-07-01",
                "Not retired on 2026-07-01; the programme is for retired pioneers");
  assert_matches ("{\"retired\": false}", &subject, "2026-07-01");
  assert_matches ("{\"retired\": null}", &subject, "2026-07-01");
  /* Retired on the reference date counts; retiring after it does not. */
  subject.retired_on = "2026-07-01";
  assert_matches ("{\"retired\": true}", &subject, "2026-07-01");
  assert_fails ("{\"retired\": true}", &subject, "2026-06-30", NULL);
  assert_matches ("{\"retired\": false}", &subject, "2026-06-30");
  assert_fails ("{\"retired\": false}", &subject, "2026-08-01",
                "Retired on 2026-07-01; the programme is for pioneers still working");

  assert_fails ("{\"hardship\": true}", &subject, "2026-07-01",
                "No hardship flag; the programme is for pioneers in hardship");
  subject.hardship = TRUE;
  assert_matches ("{\"hardship\": true}", &subject, "2026-07-01");
  assert_matches ("{}", &subject, "2026-07-01");
  assert_fails ("{\"hardship\": false}", &subject, "2026-07-01", NULL);
}

static void
test_regions (void)
{
  XfCareSubject subject = person ();

  assert_matches ("{\"regions\": [\"3305\"]}", &subject, "2026-07-01");
  assert_matches ("{\"regions\": [\"330523\", \"330521\"]}", &subject, "2026-07-01");
  assert_matches ("{\"regions\": [\"330521001\"]}", &subject, "2026-07-01");
  assert_fails ("{\"regions\": [\"330523\"]}", &subject, "2026-07-01", NULL);
  subject.region_code = NULL;
  assert_fails ("{\"regions\": [\"3305\"]}", &subject, "2026-07-01", NULL);
}

static void
assert_refused (const char *json,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCareRules) rules = xf_care_rules_parse (json, &error);

  g_assert_null (rules);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("%s: expected “%s…”, got “%s”", json, expected, error->message);
}

/* Every rule has a label a person can read; the JSON keeps the key. */
static void
test_key_labels (void)
{
  static const char * const keys[][2] = {
    { "kinds", "Kinds" }, { "tiers", "Tiers" }, { "honour_levels", "Honour levels" },
    { "honour_titles", "Honour titles" }, { "min_age", "Minimum age" }, { "max_age", "Maximum age" },
    { "statuses", "Statuses" }, { "retired", "Retired" }, { "hardship", "Hardship" },
    { "regions", "Regions" },
  };
  g_autoptr(XfCareRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (xf_care_rules_key_label (keys[i][0]), ==, keys[i][1]);
  g_assert_null (xf_care_rules_key_label ("colour"));
  rules = xf_care_rules_parse ("{\"min_age\": 60, \"tiers\": [\"national\"]}", &error);
  g_assert_no_error (error);
  json = xf_care_rules_to_json (rules);
  g_assert_nonnull (strstr (json, "\"min_age\""));
  g_assert_nonnull (strstr (json, "\"tiers\""));
}

static void
test_refused (void)
{
  assert_refused ("{\"tiers\": [\"gold\"]}", "Eligibility: “Tiers” has an unknown tier “gold”");
  assert_refused ("{\"colour\": \"red\"}", "Eligibility: “colour” is not a rule");
  assert_refused ("{\"kinds\": [\"person\"]}", "Eligibility: “Kinds” has an unknown kind “person”");
  assert_refused ("{\"honour_levels\": [\"city\", \"world\"]}",
                  "Eligibility: “Honour levels” has an unknown honour level “world”");
  assert_refused ("{\"statuses\": [\"retired\"]}", "Eligibility: “Statuses” has an unknown status");
  assert_refused ("{\"regions\": [\"Deqing\"]}", "Eligibility: “Regions” has “Deqing”");
  assert_refused ("{\"honour_titles\": [\"\"]}", "Eligibility: “Honour titles”");
  assert_refused ("{\"tiers\": \"national\"}", "Eligibility: “Tiers” must be a list of texts");
  assert_refused ("{\"tiers\": [1]}", "Eligibility: “Tiers” must be a list of texts");
  assert_refused ("{\"min_age\": \"60\"}", "Eligibility: “Minimum age” must be a whole number");
  assert_refused ("{\"max_age\": -1}", "Eligibility: “Maximum age” must be a whole number");
  assert_refused ("{\"max_age\": 60.5}", "Eligibility: “Maximum age” must be a whole number");
  assert_refused ("{\"min_age\": 70, \"max_age\": 60}", "Eligibility: “Minimum age” (70) is above “Maximum age” (60)");
  assert_refused ("{\"retired\": \"yes\"}", "Eligibility: “Retired” must be true, false or null");
  assert_refused ("{\"hardship\": 1}", "Eligibility: “Hardship” must be true, false or null");
  assert_refused ("{\"tiers\": [", "Eligibility: not valid JSON");
  assert_refused ("[\"national\"]", "Eligibility: the rules must be one JSON object");
  assert_refused ("\"x\"", "Eligibility: the rules must be one JSON object");
  assert_refused ("{\"tiers\": [\"\xff\"]}", "Eligibility: not valid text");
}

static void
test_json (void)
{
  g_autoptr(XfCareRules) empty = parse (NULL);
  g_autoptr(XfCareRules) rules = NULL;
  g_autoptr(XfCareRules) copy = NULL;
  g_autoptr(XfCareRules) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *empty_json = xf_care_rules_to_json (empty);

  /* Defaults: every active pioneer, written as {}. */
  g_assert_cmpstr (empty_json, ==, "{}");
  g_assert_cmpstr (empty->statuses[0], ==, "active");
  g_assert_null (empty->statuses[1]);
  g_assert_cmpint (empty->min_age, ==, -1);
  g_assert_cmpint (empty->retired, ==, -1);

  rules = parse ("{\"regions\": [\"330521\"], \"hardship\": true, \"retired\": false,"
                 " \"statuses\": [\"active\", \"archived\"], \"max_age\": 80, \"min_age\": 60,"
                 " \"honour_titles\": [\" 劳动模范 \"], \"honour_levels\": [\"national\"],"
                 " \"tiers\": [\"national\", \"national\", \"city\"], \"kinds\": [\"individual\"]}");
  json = xf_care_rules_to_json (rules);
  g_assert_cmpstr (json, ==,
                   "{\"kinds\":[\"individual\"],\"tiers\":[\"national\",\"city\"],"
                   "\"honour_levels\":[\"national\"],\"honour_titles\":[\"劳动模范\"],"
                   "\"min_age\":60,\"max_age\":80,\"statuses\":[\"active\",\"archived\"],"
                   "\"retired\":false,\"hardship\":true,\"regions\":[\"330521\"]}");
  copy = xf_care_rules_copy (rules);
  again = parse (json);
  json_again = xf_care_rules_to_json (again);
  g_assert_cmpstr (json_again, ==, json);
  g_clear_pointer (&json_again, g_free);
  json_again = xf_care_rules_to_json (copy);
  g_assert_cmpstr (json_again, ==, json);

  /* Empty lists and nulls are the defaults. */
  g_clear_pointer (&again, xf_care_rules_free);
  again = parse ("{\"tiers\": [], \"statuses\": [], \"retired\": null, \"min_age\": null}");
  g_clear_pointer (&json_again, g_free);
  json_again = xf_care_rules_to_json (again);
  g_assert_cmpstr (json_again, ==, "{}");
}

static void
test_describe (void)
{
  g_autoptr(XfCareRules) empty = xf_care_rules_new ();
  g_autoptr(XfCareRules) rules = parse ("{\"kinds\": [\"individual\"], \"tiers\": [\"national\", \"provincial\"],"
                                        " \"min_age\": 60, \"retired\": true}");
  g_autoptr(XfCareRules) range = parse ("{\"min_age\": 50, \"max_age\": 65, \"hardship\": true,"
                                        " \"honour_titles\": [\"工匠\"]}");
  g_autofree char *text = xf_care_rules_describe (rules);
  g_autofree char *all = xf_care_rules_describe (empty);
  g_autofree char *other = xf_care_rules_describe (range);

  g_assert_cmpstr (text, ==, "Individuals · tier National, Provincial · aged 60 and over · retired");
  g_assert_cmpstr (all, ==, "Every active pioneer");
  g_assert_cmpstr (other, ==, "honoured as 工匠 · aged 50 to 65 · in hardship");
}

static void
test_money (void)
{
  g_autofree char *a = xf_money_format (123450);
  g_autofree char *b = xf_money_format (0);
  g_autofree char *c = xf_money_format (5);
  g_autofree char *d = xf_money_format (-123456789);
  gint64 fen = -1;

  g_assert_cmpstr (a, ==, "¥1,234.50");
  g_assert_cmpstr (b, ==, "¥0.00");
  g_assert_cmpstr (c, ==, "¥0.05");
  g_assert_cmpstr (d, ==, "-¥1,234,567.89");
  g_assert_true (xf_money_parse ("1234.5", &fen));
  g_assert_cmpint (fen, ==, 123450);
  g_assert_true (xf_money_parse ("1,234.50", &fen));
  g_assert_cmpint (fen, ==, 123450);
  g_assert_true (xf_money_parse (" ¥1234 ", &fen));
  g_assert_cmpint (fen, ==, 123400);
  g_assert_true (xf_money_parse ("0.05", &fen));
  g_assert_cmpint (fen, ==, 5);
  g_assert_true (xf_money_parse ("1,000,000", &fen));
  g_assert_cmpint (fen, ==, 100000000);
  g_assert_false (xf_money_parse ("-5", &fen));
  g_assert_false (xf_money_parse ("1.234", &fen));
  g_assert_false (xf_money_parse ("12,34", &fen));
  g_assert_false (xf_money_parse ("1.", &fen));
  g_assert_false (xf_money_parse ("", &fen));
  g_assert_false (xf_money_parse ("abc", &fen));
  g_assert_false (xf_money_parse (NULL, &fen));
  g_assert_false (xf_money_parse ("¥", &fen));
}

static void
test_plain_types (void)
{
  g_autoptr(XfCareProgramme) programme = xf_care_programme_new ();
  g_autoptr(XfCareProgramme) copy = NULL;

  g_assert_true (programme->active);
  g_assert_cmpint (programme->interval_years, ==, 1);
  g_assert_nonnull (programme->rules);
  g_free (programme->code);
  programme->code = g_strdup ("health-check");
  programme->name_en = (g_free (programme->name_en), g_strdup ("Annual health check"));
  programme->name_zh = (g_free (programme->name_zh), g_strdup ("年度体检"));
  programme->organisation_code = g_strdup ("union");
  copy = xf_care_programme_copy (programme);
  g_assert_cmpstr (copy->code, ==, "health-check");
  g_assert_cmpstr (copy->organisation_code, ==, "union");
  g_assert_true (copy->rules != programme->rules);
  g_assert_cmpstr (xf_care_programme_get_name (copy), ==, "Annual health check");
  g_assert_cmpstr (xf_care_kind_label (XF_CARE_KIND_RECUPERATION), ==, "Recuperation trip");
  g_assert_cmpstr (xf_care_kind_label ("nonsense"), ==, "Other");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/care/rules/age-on", test_age_on);
  g_test_add_func ("/core/care/rules/ages", test_ages);
  g_test_add_func ("/core/care/rules/tiers-and-kinds", test_tiers_and_kinds);
  g_test_add_func ("/core/care/rules/honours", test_honours);
  g_test_add_func ("/core/care/rules/status", test_status);
  g_test_add_func ("/core/care/rules/retired-and-hardship", test_retired_and_hardship);
  g_test_add_func ("/core/care/rules/regions", test_regions);
  g_test_add_func ("/core/care/rules/key-labels", test_key_labels);
  g_test_add_func ("/core/care/rules/refused", test_refused);
  g_test_add_func ("/core/care/rules/json", test_json);
  g_test_add_func ("/core/care/rules/describe", test_describe);
  g_test_add_func ("/core/care/rules/money", test_money);
  g_test_add_func ("/core/care/rules/plain-types", test_plain_types);

  return g_test_run ();
}
