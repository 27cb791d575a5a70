/* test-care-programmes.c — the care catalogue: seeding from the data file,
 *                          saving with validation naming the field,
 *                          versions, permissions and the audit trail
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-care-private.h"
#include "xf-reference-private.h"
#include "xf-test-care-people.h"

static XfCareProgramme *
get (CareFixture *fixture,
     const char  *code)
{
  g_autoptr(GError) error = NULL;
  XfCareProgramme *programme = xf_care_get_programme (fixture->care, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (programme);
  return programme;
}

static gint64
count (CareFixture *fixture,
       const char  *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

static void
test_seed (CareFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(XfCareProgramme) check = NULL;
  g_autoptr(XfCareProgramme) hardship = NULL;
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "health-check", "recuperation", "honour-allowance", "hardship-support",
                          "festival-visit", "birthday-greeting", "anniversary-greeting",
                          "retired-care", "elderly-care" };

  /* The fixture read the catalogue once: it was seeded then. Empty it to
   * see it seeded again. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_programmes"), ==, G_N_ELEMENTS (codes));
  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), "DELETE FROM care_programmes", &error));
  g_assert_no_error (error);
  programmes = xf_care_list_programmes (fixture->care, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programmes->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < programmes->len; i++)
    {
      XfCareProgramme *programme = g_ptr_array_index (programmes, i);

      g_assert_cmpstr (programme->code, ==, codes[i]);
      g_assert_cmpint (programme->id, >, 0);
      g_assert_cmpint (programme->position, ==, (int) i + 1);
      g_assert_cmpint (programme->version, ==, 1);
      g_assert_cmpstr (programme->name_en, !=, "");
      g_assert_cmpstr (programme->name_zh, !=, "");
      g_assert_cmpstr (programme->description, !=, "");
      g_assert_cmpstr (programme->description_zh, !=, "");
      g_assert_nonnull (programme->organisation_code);
      g_assert_true (programme->active);
    }
  /* Seeded once, audited as one entry. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'seed'"
                                   " AND record_type = 'care-programme' AND new_value = '9'"), ==, 2);
  again = xf_care_list_programmes (fixture->care, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, G_N_ELEMENTS (codes));
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_programmes"), ==, G_N_ELEMENTS (codes));

  check = get (fixture, "health-check");
  g_assert_cmpstr (check->kind, ==, XF_CARE_KIND_HEALTH_CHECK);
  g_assert_cmpstr (check->name_zh, ==, "劳模年度健康体检");
  /* The description in the messages' language, English when there is
   * no Chinese one. */
  g_assert_cmpstr (xf_care_programme_get_description (check), ==, check->description);
  _xf_reference_set_language_for_tests ("zh_CN");
  g_assert_cmpstr (xf_care_programme_get_description (check), ==, check->description_zh);
  g_assert_true (g_utf8_validate (check->description_zh, -1, NULL));
  g_free (check->description_zh);
  check->description_zh = g_strdup ("");
  g_assert_cmpstr (xf_care_programme_get_description (check), ==, check->description);
  _xf_reference_set_language_for_tests (NULL);
  g_assert_cmpint (check->unit_cost, ==, 80000);
  g_assert_cmpint (check->yearly_budget, ==, 96000000);
  g_assert_cmpint (check->yearly_quota, ==, 1200);
  g_assert_cmpstr (check->organisation_code, ==, "union");
  g_assert_cmpstr (check->rules->tiers[0], ==, "national");
  hardship = get (fixture, "hardship-support");
  g_assert_cmpint (hardship->rules->hardship, ==, 1);

  g_assert_null (xf_care_get_programme (fixture->care, "massage", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Care programme “massage” does not exist");
}

static XfCareProgramme *
new_programme (void)
{
  XfCareProgramme *programme = xf_care_programme_new ();

  g_free (programme->code);
  programme->code = g_strdup ("deqing-craftsmen-trip");
  g_free (programme->kind);
  programme->kind = g_strdup (XF_CARE_KIND_RECUPERATION);
  g_free (programme->name_en);
  programme->name_en = g_strdup (" Deqing craftsmen's trip ");
  g_free (programme->name_zh);
  programme->name_zh = g_strdup ("德清工匠疗休养");
  g_free (programme->description_zh);
  programme->description_zh = g_strdup ("德清工匠三年一次疗休养");
  xf_care_rules_free (programme->rules);
  programme->rules = xf_care_rules_parse ("{\"honour_titles\": [\"德清工匠\"], \"regions\": [\"330521\"]}", NULL);
  programme->yearly_quota = 30;
  programme->yearly_budget = 9000000;
  programme->unit_cost = 300000;
  programme->interval_years = 3;
  programme->organisation_code = g_strdup ("union");
  return programme;
}

static void
expect_invalid (CareFixture           *fixture,
                const XfCareProgramme *programme,
                const char            *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_care_save_programme (fixture->care, programme, &error), ==, 0);
  xf_test_care_assert_invalid (error, field);
}

static void
test_create (CareFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCareProgramme) programme = new_programme ();
  g_autoptr(XfCareProgramme) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = xf_care_save_programme (fixture->care, programme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  stored = get (fixture, "deqing-craftsmen-trip");
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpstr (stored->name_en, ==, "Deqing craftsmen's trip");
  g_assert_cmpstr (stored->description_zh, ==, "德清工匠三年一次疗休养");
  g_assert_cmpint (stored->position, ==, 10);
  g_assert_cmpint (stored->interval_years, ==, 3);
  g_assert_cmpstr (stored->rules->regions[0], ==, "330521");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'create'"
                                   " AND record_type = 'care-programme'"
                                   " AND record_uid = 'deqing-craftsmen-trip'"), ==, 1);
  /* No quota, no budget, no organisation: stored as none. */
  g_free (programme->code);
  programme->code = g_strdup ("tea-party");
  programme->yearly_quota = 0;
  programme->yearly_budget = 0;
  g_clear_pointer (&programme->organisation_code, g_free);
  g_assert_cmpint (xf_care_save_programme (fixture->care, programme, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_programmes WHERE code = 'tea-party'"
                                   " AND yearly_quota IS NULL AND yearly_budget IS NULL"
                                   " AND organisation_id IS NULL"), ==, 1);

  g_assert_cmpint (xf_care_save_programme (fixture->care, programme, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "Code: "));
}

static void
test_refusals (CareFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(XfCareProgramme) programme = new_programme ();
  gint64 audit = count (fixture, "SELECT COUNT(*) FROM audit_log");

#define TRY(statement, field) \
  G_STMT_START { g_autoptr(XfCareProgramme) bad = xf_care_programme_copy (programme); \
    statement; expect_invalid (fixture, bad, field); } G_STMT_END
  TRY ((g_free (bad->code), bad->code = g_strdup ("Health Check")), "Code: ");
  TRY ((g_free (bad->code), bad->code = g_strdup ("x")), "Code: ");
  TRY ((g_free (bad->code), bad->code = g_strdup ("")), "Code: ");
  TRY ((g_free (bad->kind), bad->kind = g_strdup ("spa")), "Kind: ");
  TRY ((g_free (bad->name_en), bad->name_en = g_strdup ("  ")), "English name: ");
  TRY ((g_free (bad->name_zh), bad->name_zh = NULL), "Chinese name: ");
  TRY (bad->yearly_quota = -1, "Yearly quota: ");
  TRY (bad->yearly_budget = -100, "Yearly budget: ");
  TRY (bad->unit_cost = -1, "Unit cost: ");
  TRY (bad->interval_years = 0, "Interval: ");
  TRY (bad->interval_years = 11, "Interval: ");
  TRY ((g_free (bad->organisation_code), bad->organisation_code = g_strdup ("spa-club")), "Organisation: ");
  TRY (bad->rules->min_age = 200, "Eligibility: ");
  TRY ((g_strfreev (bad->rules->tiers), bad->rules->tiers = g_strsplit ("gold", ",", -1)), "Eligibility: “Tiers”");
#undef TRY
  /* Nothing written, nothing audited. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_programmes WHERE code = 'deqing-craftsmen-trip'"),
                   ==, 0);
}

static void
test_update (CareFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCareProgramme) check = get (fixture, "health-check");
  g_autoptr(XfCareProgramme) stale = xf_care_programme_copy (check);
  g_autoptr(XfCareProgramme) stored = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  check->unit_cost = 90000;
  check->yearly_quota = 1500;
  check->active = FALSE;
  g_free (check->description_zh);
  check->description_zh = g_strdup (" 每年一次全面体检。 ");
  g_assert_cmpint (xf_care_save_programme (fixture->care, check, &error), ==, check->id);
  g_assert_no_error (error);
  stored = get (fixture, "health-check");
  g_assert_cmpint (stored->unit_cost, ==, 90000);
  g_assert_cmpint (stored->version, ==, 2);
  g_assert_false (stored->active);
  g_assert_cmpstr (stored->description_zh, ==, "每年一次全面体检。");
  /* Audited field by field. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'update'"
                                   " AND record_uid = 'health-check'"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_uid = 'health-check'"
                                   " AND field = 'description-zh' AND new_value = '每年一次全面体检。'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_uid = 'health-check'"
                                   " AND field = 'unit-cost' AND old_value = '¥800.00'"
                                   " AND new_value = '¥900.00'"), ==, 1);

  /* Inactive: listed only when asked, and no longer offered. */
  active = xf_care_list_programmes (fixture->care, FALSE, &error);
  all = xf_care_list_programmes (fixture->care, TRUE, &error);
  g_assert_cmpuint (active->len + 1, ==, all->len);
  g_assert_cmpint (_xf_care_programme_id (fixture->care, "health-check", TRUE, &error), ==, check->id);
  g_assert_no_error (error);
  g_assert_cmpint (_xf_care_programme_id (fixture->care, "health-check", FALSE, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Programme: “health-check” is no longer offered");
  g_clear_error (&error);
  g_assert_cmpint (_xf_care_programme_id (fixture->care, "spa", TRUE, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Programme: “spa” is not in the catalogue");
  g_clear_error (&error);

  /* A stale version, and the code is fixed. */
  stale->unit_cost = 1;
  g_assert_cmpint (xf_care_save_programme (fixture->care, stale, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (stored->code);
  stored->code = g_strdup ("health-check-2");
  g_assert_cmpint (xf_care_save_programme (fixture->care, stored, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Code: "));
}

static void
test_permissions (CareFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfCare) clerk = xf_test_care_as (fixture, "clerk", XF_ROLE_CLERK, NULL);
  g_autoptr(XfCareProgramme) programme = new_programme ();
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;

  /* A clerk reads the catalogue (and may seed it) but does not edit it. */
  programmes = xf_care_list_programmes (clerk, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programmes->len, ==, 9);
  g_assert_cmpint (xf_care_save_programme (clerk, programme, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_programmes"), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  xf_test_care_add ("/core/care/programmes/seed", test_seed);
  xf_test_care_add ("/core/care/programmes/create", test_create);
  xf_test_care_add ("/core/care/programmes/refusals", test_refusals);
  xf_test_care_add ("/core/care/programmes/update", test_update);
  xf_test_care_add ("/core/care/programmes/permissions", test_permissions);

  return g_test_run ();
}
