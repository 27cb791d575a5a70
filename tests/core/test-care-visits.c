/* test-care-visits.c — visits: planning, changing, completing, cancelling,
 *                      refusals and permissions
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-people.h"

static XfCareVisit *
get (CareFixture *fixture,
     gint64       id)
{
  g_autoptr(GError) error = NULL;
  XfCareVisit *visit = xf_care_get_visit (fixture->care, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (visit);
  return visit;
}

static GPtrArray *
list_in (CareFixture *fixture,
         const char  *from,
         const char  *to,
         gint64       pioneer_id,
         const char  *status,
         const char  *region_prefix)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *visits = xf_care_list_visits (fixture->care, from, to, pioneer_id, status, region_prefix, &error);

  g_assert_no_error (error);
  g_assert_nonnull (visits);
  return visits;
}

static GPtrArray *
list (CareFixture *fixture,
      const char  *from,
      const char  *to,
      gint64       pioneer_id,
      const char  *status)
{
  return list_in (fixture, from, to, pioneer_id, status, NULL);
}

static void
count_changed_cb (XfCare *care,
                  gint64  pioneer_id,
                  gint64 *last)
{
  *last = pioneer_id;
}

static void
test_plan (CareFixture   *fixture,
           gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, "union");
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  g_autoptr(XfCareVisit) visit = xf_test_care_new_visit (zhang, "festival", "2026-03-20");
  g_autoptr(XfCareVisit) stored = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit = xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log");
  gint64 changed = -1;
  gint64 id, other;

  g_signal_connect (fixture->care, "changed", G_CALLBACK (count_changed_cb), &changed);
  visit->programme_code = g_strdup ("festival-visit");
  g_free (visit->planned_time);
  visit->planned_time = g_strdup ("14:30");
  visit->notes = g_strdup (" 带慰问信 ");
  id = xf_care_save_visit (fixture->care, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (changed, ==, zhang);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log"), ==, audit + 1);
  other = xf_test_care_plan_visit (fixture, li, "birthday", "2026-03-10");

  stored = get (fixture, id);
  g_assert_true (g_uuid_string_is_valid (stored->uid));
  g_assert_cmpint (stored->pioneer_id, ==, zhang);
  g_assert_cmpstr (stored->pioneer_name, ==, "张建华");
  g_assert_cmpstr (stored->region_name, !=, "");
  g_assert_cmpstr (stored->region_code, ==, XF_TEST_WUKANG);
  {
    g_autoptr(XfCareVisit) copy = xf_care_visit_copy (stored);

    g_assert_cmpstr (copy->region_code, ==, XF_TEST_WUKANG);
  }
  g_assert_cmpstr (stored->programme_code, ==, "festival-visit");
  g_assert_cmpstr (stored->purpose, ==, "festival");
  g_assert_cmpstr (stored->planned_on, ==, "2026-03-20");
  g_assert_cmpstr (stored->planned_time, ==, "14:30");
  g_assert_cmpstr (stored->assignees, ==, "张敏、李强");
  g_assert_cmpstr (stored->notes, ==, "带慰问信");
  g_assert_cmpstr (stored->status, ==, XF_VISIT_PLANNED);
  g_assert_null (stored->done_on);
  g_assert_false (stored->overdue);
  g_assert_cmpint (stored->version, ==, 1);

  /* By date; from, to, pioneer and status filter. */
  visits = list (fixture, NULL, NULL, 0, NULL);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpint (((XfCareVisit *) visits->pdata[0])->id, ==, other);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list (fixture, "2026-03-11", "2026-03-31", 0, NULL);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (((XfCareVisit *) visits->pdata[0])->id, ==, id);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list (fixture, NULL, "2026-03-10", 0, NULL);
  g_assert_cmpuint (visits->len, ==, 1);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list (fixture, NULL, NULL, li, XF_VISIT_PLANNED);
  g_assert_cmpuint (visits->len, ==, 1);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list (fixture, NULL, NULL, 0, XF_VISIT_DONE);
  g_assert_cmpuint (visits->len, ==, 0);
  g_clear_pointer (&visits, g_ptr_array_unref);
  /* By region: a county takes in its townships; the region's code is read. */
  visits = list_in (fixture, NULL, NULL, 0, NULL, XF_TEST_DEQING);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (((XfCareVisit *) visits->pdata[0])->id, ==, id);
  g_assert_cmpstr (((XfCareVisit *) visits->pdata[0])->region_code, ==, XF_TEST_WUKANG);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list_in (fixture, NULL, NULL, 0, XF_VISIT_PLANNED, XF_TEST_ANJI);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (((XfCareVisit *) visits->pdata[0])->id, ==, other);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list_in (fixture, NULL, NULL, 0, NULL, "3306");
  g_assert_cmpuint (visits->len, ==, 0);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = list_in (fixture, NULL, NULL, 0, NULL, "");
  g_assert_cmpuint (visits->len, ==, 2);
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* A planned visit whose day has passed is overdue. */
  g_setenv ("XIANFENG_TODAY", "2026-03-11", TRUE);
  visits = list (fixture, NULL, NULL, 0, NULL);
  g_assert_true (((XfCareVisit *) visits->pdata[0])->overdue);
  g_assert_false (((XfCareVisit *) visits->pdata[1])->overdue);

  g_assert_null (xf_care_list_visits (fixture->care, "2026-3-1", NULL, 0, NULL, NULL, &error));
  xf_test_care_assert_invalid (error, "From: ");
  g_clear_error (&error);
  g_assert_null (xf_care_get_visit (fixture->care, 999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
expect_invalid (CareFixture       *fixture,
                const XfCareVisit *visit,
                const char        *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_care_save_visit (fixture->care, visit, &error), ==, 0);
  xf_test_care_assert_invalid (error, field);
}

static void
test_refusals (CareFixture   *fixture,
               gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 gone = xf_test_care_add_person (fixture, "王大明", "1950-01-01", XF_TEST_WUKANG, NULL);
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, gone, NULL);
  g_autoptr(XfCareVisit) visit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "deceased", &error));
  g_assert_no_error (error);

  visit = xf_test_care_new_visit (zhang, "picnic", "2026-03-20");
  expect_invalid (fixture, visit, "Purpose: ");
  g_clear_pointer (&visit, xf_care_visit_free);
  visit = xf_test_care_new_visit (zhang, "birthday", "2026-03-08");
  expect_invalid (fixture, visit, "Date: ");
  g_free (visit->planned_on);
  visit->planned_on = g_strdup ("2026-02-30");
  expect_invalid (fixture, visit, "Date: ");
  g_free (visit->planned_on);
  visit->planned_on = g_strdup ("2026-03-09");
  g_free (visit->planned_time);
  visit->planned_time = g_strdup ("24:10");
  expect_invalid (fixture, visit, "Time: ");
  g_free (visit->planned_time);
  visit->planned_time = g_strdup ("");
  g_free (visit->assignees);
  visit->assignees = g_strdup ("  ");
  expect_invalid (fixture, visit, "Assignees: ");
  g_free (visit->assignees);
  visit->assignees = g_strdup ("张敏");
  visit->pioneer_id = 0;
  expect_invalid (fixture, visit, "Pioneer: ");
  visit->pioneer_id = gone;
  expect_invalid (fixture, visit, "Pioneer: ");
  visit->pioneer_id = zhang;
  visit->programme_code = g_strdup ("no-such-programme");
  expect_invalid (fixture, visit, "Programme: ");
  /* A done visit records its programme's care: never hardship support,
   * which only an approved case pays. */
  g_free (visit->programme_code);
  visit->programme_code = g_strdup ("hardship-support");
  expect_invalid (fixture, visit, "Programme: ");
  g_clear_pointer (&visit->programme_code, g_free);

  /* Today is fine; nothing was written before. */
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM care_visits"), ==, 0);
  g_assert_cmpint (xf_care_save_visit (fixture->care, visit, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_change (CareFixture   *fixture,
             gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  gint64 id = xf_test_care_plan_visit (fixture, zhang, "illness", "2026-03-12");
  g_autoptr(XfCareVisit) visit = get (fixture, id);
  g_autoptr(XfCareVisit) stale = xf_care_visit_copy (visit);
  g_autoptr(XfCareVisit) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit = xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log");

  g_free (visit->planned_on);
  visit->planned_on = g_strdup ("2026-03-13");
  g_free (visit->assignees);
  visit->assignees = g_strdup ("张敏、李强、王芳");
  g_assert_cmpint (xf_care_save_visit (fixture->care, visit, &error), ==, id);
  g_assert_no_error (error);
  /* Two fields changed: two entries. */
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log"), ==, audit + 2);
  stored = get (fixture, id);
  g_assert_cmpstr (stored->planned_on, ==, "2026-03-13");
  g_assert_cmpstr (stored->assignees, ==, "张敏、李强、王芳");
  g_assert_cmpint (stored->version, ==, 2);

  /* The copy read before is stale. */
  g_assert_cmpint (xf_care_save_visit (fixture->care, stale, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Not to another person. */
  stored->pioneer_id = li;
  expect_invalid (fixture, stored, "Pioneer: ");
}

static void
test_complete (CareFixture   *fixture,
               gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  g_autoptr(XfCareVisit) visit = xf_test_care_new_visit (zhang, "festival", "2026-03-09");
  g_autoptr(XfCareVisit) stored = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  XfCareRecord *record;
  gint64 id, plain;

  visit->programme_code = g_strdup ("festival-visit");
  id = xf_care_save_visit (fixture->care, visit, &error);
  g_assert_no_error (error);
  plain = xf_test_care_plan_visit (fixture, zhang, "other", "2026-03-09");

  g_assert_false (xf_care_complete_visit (fixture->care, id, "2026-03-10", "送去慰问品", 50000, &error));
  xf_test_care_assert_invalid (error, "Done on: ");
  g_clear_error (&error);
  g_assert_false (xf_care_complete_visit (fixture->care, id, "2026-03-09", " ", 50000, &error));
  xf_test_care_assert_invalid (error, "Notes: ");
  g_clear_error (&error);
  g_assert_false (xf_care_complete_visit (fixture->care, id, "2026-03-09", "送去慰问品", -1, &error));
  xf_test_care_assert_invalid (error, "Amount: ");
  g_clear_error (&error);

  g_assert_true (xf_care_complete_visit (fixture->care, id, "2026-03-09", "送去慰问品和慰问信", 50000, &error));
  g_assert_no_error (error);
  stored = get (fixture, id);
  g_assert_cmpstr (stored->status, ==, XF_VISIT_DONE);
  g_assert_cmpstr (stored->done_on, ==, "2026-03-09");
  g_assert_cmpstr (stored->notes, ==, "送去慰问品和慰问信");
  g_assert_cmpint (stored->amount, ==, 50000);

  /* The care record of the programme, tied to the visit. */
  records = xf_care_list_records (fixture->care, zhang, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpstr (record->programme_code, ==, "festival-visit");
  g_assert_cmpstr (record->on_date, ==, "2026-03-09");
  g_assert_cmpint (record->amount, ==, 50000);
  g_assert_cmpint (record->visit_id, ==, id);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Once only; and no longer to be changed. */
  g_assert_false (xf_care_complete_visit (fixture->care, id, "2026-03-09", "again", 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_cmpint (xf_care_save_visit (fixture->care, stored, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* A visit of no programme writes no record. */
  g_assert_true (xf_care_complete_visit (fixture->care, plain, "2026-03-09", "聊了家常", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM care_records"), ==, 1);
}

static void
test_cancel (CareFixture   *fixture,
             gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 id = xf_test_care_plan_visit (fixture, zhang, "retired", "2026-03-19");
  g_autoptr(XfCareVisit) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_care_cancel_visit (fixture->care, id, "", &error));
  xf_test_care_assert_invalid (error, "Reason: ");
  g_clear_error (&error);
  g_assert_true (xf_care_cancel_visit (fixture->care, id, "本人住院", &error));
  g_assert_no_error (error);
  stored = get (fixture, id);
  g_assert_cmpstr (stored->status, ==, XF_VISIT_CANCELLED);
  g_assert_cmpstr (stored->cancel_reason, ==, "本人住院");
  g_assert_false (stored->overdue);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-visit'"
                                        " AND action = 'care-status'"), ==, 2);

  g_assert_false (xf_care_cancel_visit (fixture->care, id, "again", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_care_complete_visit (fixture->care, id, "2026-03-09", "done", 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

static void
test_permissions (CareFixture   *fixture,
                  gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 id = xf_test_care_plan_visit (fixture, zhang, "hardship", "2026-03-19");
  g_autoptr(XfCare) anji = xf_test_care_as (fixture, "anjiclerk", XF_ROLE_CLERK, XF_TEST_ANJI);
  g_autoptr(XfCare) deqing = xf_test_care_as (fixture, "deqingclerk", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autoptr(XfCare) reviewer = xf_test_care_as (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfCareVisit) visit = xf_test_care_new_visit (zhang, "festival", "2026-03-20");
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_care_save_visit (anji, visit, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_care_cancel_visit (anji, id, "不去了", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_care_complete_visit (reviewer, id, "2026-03-09", "done", 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Everyone reads; the clerk of the pioneer's county writes. */
  visits = xf_care_list_visits (reviewer, NULL, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpint (xf_care_save_visit (deqing, visit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (xf_care_cancel_visit (deqing, id, "不去了", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xf_test_care_add ("/core/care/visits/plan", test_plan);
  xf_test_care_add ("/core/care/visits/refusals", test_refusals);
  xf_test_care_add ("/core/care/visits/change", test_change);
  xf_test_care_add ("/core/care/visits/complete", test_complete);
  xf_test_care_add ("/core/care/visits/cancel", test_cancel);
  xf_test_care_add ("/core/care/visits/permissions", test_permissions);

  return g_test_run ();
}
