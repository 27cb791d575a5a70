/* test-care-records.c — care profiles, care records by hand, a pioneer's
 *                       history, and permissions at the pioneer's place
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-care-private.h"
#include "xf-test-care-people.h"

static gint64
count (CareFixture *fixture,
       const char  *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

static XfCareProfile *
profile_of (XfCare *care,
            gint64  pioneer_id)
{
  g_autoptr(GError) error = NULL;
  XfCareProfile *profile = xf_care_get_profile (care, pioneer_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static void
test_profiles (CareFixture   *fixture,
               gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  g_autoptr(XfCareProfile) fresh = profile_of (fixture->care, zhang);
  g_autoptr(XfCareProfile) stored = NULL;
  g_autoptr(XfCareProfile) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fresh->version, ==, 0);
  g_assert_null (fresh->retired_on);
  g_assert_false (fresh->hardship);

  fresh->retired_on = g_strdup ("2016-04-30");
  fresh->hardship = TRUE;
  g_free (fresh->note);
  fresh->note = g_strdup (" 老伴卧病在床 ");
  g_assert_true (xf_care_save_profile (fixture->care, fresh, &error));
  g_assert_no_error (error);
  stored = profile_of (fixture->care, zhang);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpstr (stored->retired_on, ==, "2016-04-30");
  g_assert_true (stored->hardship);
  g_assert_cmpstr (stored->hardship_since, ==, XF_TEST_CARE_TODAY);
  g_assert_cmpstr (stored->note, ==, "老伴卧病在床");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-profile'"), ==, 4);

  /* The flag keeps its date on a later save; a stale version is refused. */
  g_setenv ("XIANFENG_TODAY", "2026-04-01", TRUE);
  g_free (stored->note);
  stored->note = g_strdup ("");
  g_assert_true (xf_care_save_profile (fixture->care, stored, &error));
  g_assert_no_error (error);
  again = profile_of (fixture->care, zhang);
  g_assert_cmpstr (again->hardship_since, ==, XF_TEST_CARE_TODAY);
  g_assert_cmpint (again->version, ==, 2);
  g_assert_false (xf_care_save_profile (fixture->care, stored, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Cleared, the flag loses its date. */
  again->hardship = FALSE;
  g_assert_true (xf_care_save_profile (fixture->care, again, &error));
  g_clear_pointer (&stored, xf_care_profile_free);
  stored = profile_of (fixture->care, zhang);
  g_assert_false (stored->hardship);
  g_assert_null (stored->hardship_since);

  /* Refusals name the field. */
  g_free (stored->retired_on);
  stored->retired_on = g_strdup ("2026-05-01");
  g_assert_false (xf_care_save_profile (fixture->care, stored, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Retired on: 2026-05-01 is in the future");
  g_clear_error (&error);
  g_free (stored->retired_on);
  stored->retired_on = g_strdup ("2016-02-30");
  g_assert_false (xf_care_save_profile (fixture->care, stored, &error));
  g_assert_true (g_str_has_prefix (error->message, "Retired on: "));
  g_clear_error (&error);
  g_assert_null (xf_care_get_profile (fixture->care, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_hardship_flag (CareFixture   *fixture,
                    gconstpointer  data)
{
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  g_autoptr(XfCareProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* As an approved hardship case sets it, inside the caller's write. */
  g_assert_true (xf_repo_begin (&fixture->care->repo, &error));
  ok = _xf_care_set_hardship_flag (fixture->care, li, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_true (_xf_care_end (fixture->care, ok, li, &error));
  profile = profile_of (fixture->care, li);
  g_assert_true (profile->hardship);
  g_assert_cmpstr (profile->hardship_since, ==, "2026-03-02");
  g_assert_cmpint (profile->version, ==, 1);

  /* Set already: nothing changes. */
  g_assert_true (xf_repo_begin (&fixture->care->repo, &error));
  ok = _xf_care_set_hardship_flag (fixture->care, li, "2026-03-05", &error);
  g_assert_true (_xf_care_end (fixture->care, ok, li, &error));
  g_clear_pointer (&profile, xf_care_profile_free);
  profile = profile_of (fixture->care, li);
  g_assert_cmpstr (profile->hardship_since, ==, "2026-03-02");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-profile'"), ==, 2);
}

static void
expect_invalid (CareFixture        *fixture,
                const XfCareRecord *record,
                const char         *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_care_add_record (fixture->care, record, &error), ==, 0);
  xf_test_care_assert_invalid (error, field);
}

static void
test_records (CareFixture   *fixture,
              gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  gint64 first = xf_test_care_add_record (fixture, zhang, "health-check", "2025-05-01", 80000);
  gint64 second = xf_test_care_add_record (fixture, zhang, "health-check", "2026-03-01", 85050);
  gint64 third = xf_test_care_add_record (fixture, li, "festival-visit", "2026-01-20", 50000);
  g_autoptr(XfCareRecord) bad = xf_care_record_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;
  XfCareRecord *record;

  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-record'"
                                   " AND action = 'create'"), ==, 3);
  all = xf_care_list_records (fixture->care, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  record = g_ptr_array_index (all, 0);
  g_assert_cmpint (record->id, ==, second);
  g_assert_cmpstr (record->pioneer_name, ==, "张建华");
  g_assert_cmpstr (record->programme_code, ==, "health-check");
  g_assert_cmpstr (record->programme_name, ==, "Annual health check");
  g_assert_cmpstr (record->on_date, ==, "2026-03-01");
  g_assert_cmpint (record->amount, ==, 85050);
  g_assert_cmpint (record->batch_id, ==, 0);
  g_assert_cmpstr (record->recorded_by, !=, "");
  g_assert_true (g_uuid_string_is_valid (record->uid));
  g_assert_cmpint (((XfCareRecord *) g_ptr_array_index (all, 1))->id, ==, third);

  some = xf_care_list_records (fixture->care, zhang, NULL, 0, &error);
  g_assert_cmpuint (some->len, ==, 2);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = xf_care_list_records (fixture->care, 0, "health-check", 2025, &error);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpint (((XfCareRecord *) g_ptr_array_index (some, 0))->id, ==, first);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = xf_care_list_records (fixture->care, li, "health-check", 0, &error);
  g_assert_cmpuint (some->len, ==, 0);

  bad->pioneer_id = zhang;
  bad->programme_code = g_strdup ("spa");
  bad->on_date = g_strdup ("2026-03-01");
  expect_invalid (fixture, bad, "Programme: ");
  g_free (bad->programme_code);
  bad->programme_code = g_strdup ("health-check");
  g_free (bad->on_date);
  bad->on_date = g_strdup ("2026-03-10");
  expect_invalid (fixture, bad, "Date: ");
  g_free (bad->on_date);
  bad->on_date = NULL;
  expect_invalid (fixture, bad, "Date: ");
  bad->on_date = g_strdup ("2026-03-09");
  bad->amount = -1;
  expect_invalid (fixture, bad, "Amount: ");
  /* Hardship support is given only through an approved case's payments:
   * not by hand, past its two approvals. */
  bad->amount = 500000;
  g_free (bad->programme_code);
  bad->programme_code = g_strdup ("hardship-support");
  expect_invalid (fixture, bad, "Programme: ");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_records"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-record'"), ==, 3);
  g_free (bad->programme_code);
  bad->programme_code = g_strdup ("health-check");
  bad->amount = 0;
  bad->pioneer_id = 0;
  g_assert_cmpint (xf_care_add_record (fixture->care, bad, &error), ==, 0);
  g_assert_nonnull (error);
}

/* Hand-made rows of a batch, a hardship case and a visit, as B and C's
 * code would leave them. */
static void
add_rows (CareFixture *fixture,
          gint64       pioneer_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO care_batches (uid, programme_id, year, title, reference_on, places, unit_cost, starts_on,"
    " status, created_at, updated_at) SELECT 'b-1', id, 2025, '2025年劳模疗休养第一批', '2025-07-01', 20,"
    " 350000, '2025-09-10', 'closed', 0, 0 FROM care_programmes WHERE code = 'recuperation';"
    "INSERT INTO care_batch_members (batch_id, pioneer_id, status, invited_on, answered_on, created_at,"
    " updated_at) SELECT id, %1$lld, 'attended', '2025-07-05', '2025-07-08', 0, 0 FROM care_batches;"
    "INSERT INTO care_records (uid, pioneer_id, programme_id, on_date, amount, batch_id, recorded_by,"
    " created_at) SELECT 'r-b', %1$lld, programme_id, '2025-09-10', 350000, id, 'clerk', 0 FROM care_batches;"
    "INSERT INTO hardship_cases (uid, pioneer_id, programme_id, year, category, circumstances,"
    " requested_amount, status, applied_on, applied_by, approved_on, granted_amount, created_at, updated_at)"
    " SELECT 'h-1', %1$lld, id, 2026, 'illness', '住院', 800000, 'approved', '2026-01-10', 'clerk',"
    " '2026-02-01', 600000, 0, 0 FROM care_programmes WHERE code = 'hardship-support';"
    "INSERT INTO care_visits (uid, pioneer_id, purpose, planned_on, assignees, status, done_on, amount,"
    " created_at, updated_at) VALUES ('v-1', %1$lld, 'festival', '2026-01-25', '张敏', 'done', '2026-01-26',"
    " 50000, 0, 0);", (long long) pioneer_id);

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

/* Care by hand is not dated before 1 October 1949, nor before an
 * individual's birth; a refusal leaves nothing behind. */
static void
test_records_early_dates (CareFixture   *fixture,
                          gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 nobody = xf_test_care_add_person (fixture, "李秀英", NULL, XF_TEST_ANJI, NULL);
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 before = count (fixture, "SELECT COUNT(*) FROM audit_log");

  record->pioneer_id = zhang;
  record->programme_code = g_strdup ("health-check");
  record->on_date = g_strdup ("1800-12-01");
  g_assert_cmpint (xf_care_add_record (fixture->care, record, &error), ==, 0);
  xf_test_care_assert_invalid (error, "Date: ");
  g_assert_cmpstr (error->message, ==, "Date: 1800-12-01 is before 1949-10-01");
  g_clear_error (&error);
  g_free (record->on_date);
  record->on_date = g_strdup ("1956-04-01");
  g_assert_cmpint (xf_care_add_record (fixture->care, record, &error), ==, 0);
  xf_test_care_assert_invalid (error, "Date: ");
  g_assert_cmpstr (error->message, ==, "Date: 1956-04-01 is before 张建华 was born on 1956-04-02");
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_records"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, before);

  /* The day of birth itself, and 1 October 1949 for someone without one. */
  xf_test_care_add_record (fixture, zhang, "health-check", "1956-04-02", 0);
  record->pioneer_id = nobody;
  g_free (record->on_date);
  record->on_date = g_strdup ("1949-09-30");
  g_assert_cmpint (xf_care_add_record (fixture->care, record, &error), ==, 0);
  xf_test_care_assert_invalid (error, "Date: ");
  g_clear_error (&error);
  xf_test_care_add_record (fixture, nobody, "health-check", XF_REPO_EARLIEST_DATE, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_records"), ==, 2);

  /* A retirement likewise. */
  {
    g_autoptr(XfCareProfile) profile = profile_of (fixture->care, zhang);

    profile->retired_on = g_strdup ("1940-01-01");
    g_assert_false (xf_care_save_profile (fixture->care, profile, &error));
    xf_test_care_assert_invalid (error, "Retired on: ");
    g_assert_cmpstr (error->message, ==, "Retired on: 1940-01-01 is before 1949-10-01");
    g_clear_error (&error);
    g_free (profile->retired_on);
    profile->retired_on = g_strdup ("1955-12-31");
    g_assert_false (xf_care_save_profile (fixture->care, profile, &error));
    g_assert_cmpstr (error->message, ==, "Retired on: 1955-12-31 is before 张建华 was born on 1956-04-02");
    g_clear_error (&error);
    g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_profiles"), ==, 0);
  }
}

static void
test_history (CareFixture   *fixture,
              gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *kinds[] = { "record", "hardship", "visit", "batch" };
  const char *dates[] = { "2026-03-01", "2026-02-01", "2026-01-26", "2025-07-08" };
  const gint64 amounts[] = { 80000, 600000, 50000, 350000 };

  add_rows (fixture, zhang);
  record->pioneer_id = zhang;
  record->programme_code = g_strdup ("health-check");
  record->on_date = g_strdup ("2026-03-01");
  record->amount = 80000;
  g_free (record->note);
  record->note = g_strdup ("市第一人民医院");
  g_assert_cmpint (xf_care_add_record (fixture->care, record, &error), >, 0);
  g_assert_no_error (error);

  history = xf_care_history (fixture->care, zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < history->len; i++)
    {
      XfCareHistoryItem *item = g_ptr_array_index (history, i);

      g_assert_cmpstr (item->kind, ==, kinds[i]);
      g_assert_cmpstr (item->on_date, ==, dates[i]);
      g_assert_cmpint (item->amount, ==, amounts[i]);
      g_assert_cmpint (item->record_id, >, 0);
    }
#define ITEM(i) ((XfCareHistoryItem *) g_ptr_array_index (history, (i)))
  g_assert_cmpstr (ITEM (0)->summary, ==, "Annual health check: 市第一人民医院");
  g_assert_cmpstr (ITEM (0)->programme_name, ==, "Annual health check");
  g_assert_cmpstr (ITEM (1)->status, ==, "approved");
  g_assert_true (g_str_has_prefix (ITEM (1)->summary, "Hardship support ("));
  g_assert_null (strstr (ITEM (1)->summary, "住院"));   /* circumstances stay out */
  g_assert_cmpstr (ITEM (2)->status, ==, "done");
  g_assert_cmpstr (ITEM (2)->programme_name, ==, "");
  g_assert_cmpstr (ITEM (3)->status, ==, "attended");
  g_assert_true (g_str_has_prefix (ITEM (3)->summary, "2025年劳模疗休养第一批: "));
  g_assert_cmpstr (ITEM (3)->programme_name, ==, "Recuperation trip");
#undef ITEM

  other = xf_care_history (fixture->care, li, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);
  g_assert_null (xf_care_history (fixture->care, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_delete_batch_record (CareFixture   *fixture,
                          gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  g_autoptr(GError) error = NULL;
  gint64 batch;
  gboolean ok;

  add_rows (fixture, zhang);
  batch = count (fixture, "SELECT id FROM care_batches");
  g_assert_true (xf_repo_begin (&fixture->care->repo, &error));
  ok = _xf_care_delete_batch_record (fixture->care, batch, zhang, &error);
  g_assert_no_error (error);
  g_assert_true (_xf_care_end (fixture->care, ok, zhang, &error));
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_records WHERE batch_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_uid = 'r-b'"
                                   " AND new_value = 'deleted'"), ==, 1);
}

static void
test_permissions (CareFixture   *fixture,
                  gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, NULL);
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  g_autoptr(XfCare) deqing = xf_test_care_as (fixture, "deqingclerk", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autoptr(XfCare) reviewer = xf_test_care_as (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(XfCareProfile) profile = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  record->programme_code = g_strdup ("health-check");
  record->on_date = g_strdup ("2026-03-02");
  record->amount = 80000;

  /* A Deqing clerk records for a Deqing pioneer, not for an Anji one. */
  record->pioneer_id = li;
  g_assert_cmpint (xf_care_add_record (deqing, record, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  record->pioneer_id = zhang;
  g_assert_cmpint (xf_care_add_record (deqing, record, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (xf_care_add_record (reviewer, record, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  profile = profile_of (reviewer, li);
  profile->hardship = TRUE;
  g_assert_false (xf_care_save_profile (deqing, profile, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_care_save_profile (reviewer, profile, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_profiles"), ==, 0);

  /* Everyone reads. */
  history = xf_care_history (reviewer, zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  xf_test_care_add ("/core/care/records/profiles", test_profiles);
  xf_test_care_add ("/core/care/records/hardship-flag", test_hardship_flag);
  xf_test_care_add ("/core/care/records/records", test_records);
  xf_test_care_add ("/core/care/records/early-dates", test_records_early_dates);
  xf_test_care_add ("/core/care/records/history", test_history);
  xf_test_care_add ("/core/care/records/delete-batch-record", test_delete_batch_record);
  xf_test_care_add ("/core/care/records/permissions", test_permissions);

  return g_test_run ();
}
