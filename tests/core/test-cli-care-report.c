/* test-cli-care-report.c — `care report`, `care visits` and `care calendar`
 *                          on a small hand-made registry
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "xf-accounts.h"
#include "xf-cli-test-util.h"
#include "xf-test-care-people.h"
#include "xf-test-files.h"
#include "xf-xlsx-reader.h"

/*
 * Every run signs in as an administrator, on SQLite as on PostgreSQL;
 * "today" is 9 March 2026 for the test and the commands it runs.
 */

#define ADMIN    "admin1"
#define PASSWORD "care-report-password"

static char *tmp_dir;
static char *database;
static gint64 zhang;   /* national, 60 on 15 April 2026, checked on 1 February */
static gint64 li;      /* city level, never checked */

#define run_cli(run, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = database, .user = ADMIN, .password = PASSWORD }, \
                   "care", __VA_ARGS__)

static void
make_database (void)
{
  CareFixture fixture = { NULL, };
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(GError) error = NULL;

  database = xf_test_database_location (tmp_dir, "care.db");
  fixture.store = xf_test_open_store_at (database);
  fixture.registry = xf_test_new_registry (fixture.store);
  g_assert_true (xf_registry_ensure_organisations (fixture.registry, &error));
  g_assert_no_error (error);
  fixture.care = xf_care_new (fixture.registry);

  zhang = xf_test_care_add_person (&fixture, "张建华", "1966-04-15", XF_TEST_WUKANG, "union");
  li = xf_test_care_add_person (&fixture, "李秀英", "1970-05-20", XF_TEST_ANJI, NULL);
  xf_test_care_add_honour (&fixture, zhang, "全国劳动模范", "national", 2016);
  xf_test_care_add_honour (&fixture, li, "湖州市劳动模范", "city", 2020);
  xf_test_care_add_record (&fixture, zhang, "health-check", "2026-02-01", 80000);

  accounts = xf_accounts_new (fixture.store);
  admin = xf_accounts_create_first_administrator (accounts, ADMIN, "管理员", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_clear_object (&accounts);
  g_clear_object (&fixture.care);
  g_clear_object (&fixture.registry);
  g_clear_object (&fixture.store);
}

/* The row of @programme and @key in the report's @list. */
static JsonObject *
report_row (JsonObject *report,
            const char *list,
            const char *programme,
            const char *key)
{
  JsonArray *rows = json_object_get_array_member (report, list);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "programme"), programme)
          && g_str_equal (json_object_get_string_member (row, "key"), key))
        return row;
    }
  g_error ("no row %s of %s", key, programme);
  return NULL;
}

static void
test_report_json (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report, *row;

  run_cli (&run, "report", "2026", "--json", NULL);
  root = xf_cli_run_json (&run);
  report = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (report, "year"), ==, 2026);
  g_assert_cmpint (json_object_get_int_member (report, "spent"), ==, 80000);
  row = report_row (report, "by_region", "health-check", "");
  g_assert_cmpint (json_object_get_int_member (row, "eligible"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "served"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "coverage"), 0.5, 1e-9);
  g_assert_cmpint (json_object_get_int_member (row, "budget"), ==, 96000000);
  row = report_row (report, "by_organisation", "health-check", "union");
  g_assert_cmpint (json_object_get_int_member (row, "served"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "spent"), ==, 80000);
}

static void
test_report_plain (void)
{
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "report", "2026", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Coverage by region"));
  g_assert_nonnull (strstr (run.out, "Coverage by organisation"));
  g_assert_nonnull (strstr (run.out, "Annual health check\tAll\t2\t0\t1\t0\t50.0 %\t¥800.00"));
  g_assert_nonnull (strstr (run.out, "Spent: ¥800.00"));
}

static void
test_report_xlsx (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "care-2026.xlsx", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing", "care.xlsx", NULL);
  g_autofree char *expected = g_strdup_printf ("Wrote the care report of 2026 to %s\n", path);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) failed = { 0 };
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;

  run_cli (&run, "report", "2026", "--xlsx", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  sheets = xf_xlsx_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 3);
  g_assert_cmpstr (((XfXlsxSheet *) sheets->pdata[0])->name, ==, "Coverage by region");
  g_assert_cmpstr (((XfXlsxSheet *) sheets->pdata[2])->name, ==, "Budget");
  g_unlink (path);

  /* A folder that is not there: refused, and nothing written. */
  run_cli (&failed, "report", "2026", "--xlsx", missing, NULL);
  xf_cli_assert_failed (&failed, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_report_usage (void)
{
  const char *const bad_year[] = { "care", "report", "20x6", NULL };
  const char *const no_year[] = { "care", "report", NULL };
  const char *const both[] = { "care", "report", "2026", "--json", "--xlsx", "care.xlsx", NULL };
  const char *const unknown[] = { "care", "report", "2026", "--csv", "care.csv", NULL };
  const XfCliEnv env = { .database = database, .user = ADMIN, .password = PASSWORD };

  xf_cli_assert_run_fails (&env, bad_year, 2);
  xf_cli_assert_run_fails (&env, no_year, 2);
  xf_cli_assert_run_fails (&env, both, 2);
  xf_cli_assert_run_fails (&env, unknown, 2);
}

static void
test_visits (void)
{
  g_autofree char *pioneer = xf_cli_id_text (zhang);
  g_auto(XfCliRun) plan = { 0 };
  g_auto(XfCliRun) done = { 0 };
  g_auto(XfCliRun) listed = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) here = { 0 };
  g_auto(XfCliRun) elsewhere = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) here_root = NULL;
  g_autoptr(JsonNode) elsewhere_root = NULL;
  g_autofree char *id = NULL;
  JsonObject *visit;
  const XfCliEnv env = { .database = database, .user = ADMIN, .password = PASSWORD };
  const char *const no_purpose[] = { "care", "visits", "plan", pioneer, "--on", "2026-04-15",
                                     "--assignees", "张敏", NULL };
  const char *const bad_status[] = { "care", "visits", "--status", "open", NULL };
  const char *const past[] = { "care", "visits", "plan", pioneer, "--purpose", "birthday", "--on",
                               "2026-03-01", "--assignees", "张敏", NULL };

  run_cli (&plan, "visits", "plan", pioneer, "--purpose", "birthday", "--on", "2026-04-15",
           "--time", "10:00", "--assignees", "张敏、李强", "--programme", "birthday-greeting", NULL);
  g_assert_cmpint (plan.status, ==, 0);
  g_assert_true (g_str_has_prefix (plan.out, "Planned visit "));
  id = g_strndup (plan.out + strlen ("Planned visit "), strcspn (plan.out + strlen ("Planned visit "), " "));

  run_cli (&done, "visits", "done", id, "--on", "2026-03-09", "--notes", "提前送去蛋糕", "--amount", "200", NULL);
  g_assert_cmpint (done.status, ==, 0);
  run_cli (&listed, "visits", "--status", "done", "--json", NULL);
  root = xf_cli_run_json (&listed);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, 1);
  visit = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "visits"), 0);
  g_assert_cmpstr (json_object_get_string_member (visit, "pioneer"), ==, "张建华");
  g_assert_cmpint (json_object_get_int_member (visit, "amount_fen"), ==, 20000);
  g_assert_cmpstr (json_object_get_string_member (visit, "planned_time"), ==, "10:00");
  g_assert_cmpstr (json_object_get_string_member (visit, "region_code"), ==, XF_TEST_WUKANG);

  /* By region: Deqing takes in Wukang, done visits too; not Anji. */
  run_cli (&here, "visits", "--region", XF_TEST_DEQING, "--json", NULL);
  here_root = xf_cli_run_json (&here);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (here_root), "count"), ==, 1);
  run_cli (&elsewhere, "visits", "--region", XF_TEST_ANJI, "--json", NULL);
  elsewhere_root = xf_cli_run_json (&elsewhere);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (elsewhere_root), "count"), ==, 0);

  /* Done once; the usage and the checks are the core's. */
  run_cli (&again, "visits", "cancel", id, "--reason", "改期", NULL);
  xf_cli_assert_failed (&again, 1);
  xf_cli_assert_run_fails (&env, no_purpose, 2);
  xf_cli_assert_run_fails (&env, past, 1);
  xf_cli_assert_run_fails (&env, bad_status, 2);
}

static void
test_calendar (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  gboolean found = FALSE;
  const XfCliEnv env = { .database = database, .user = ADMIN, .password = PASSWORD };
  const char *const backwards[] = { "care", "calendar", "2026-04-30", "2026-04-01", NULL };
  const char *const bad_days[] = { "care", "calendar", "2026-04-01", "2026-04-30", "--remind-days", "x", NULL };

  run_cli (&run, "calendar", "2026-04-01", "2026-04-30", "--region", XF_TEST_DEQING, "--json", NULL);
  root = xf_cli_run_json (&run);
  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "kind"), "birthday"))
        {
          g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, "2026-04-15");
          g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "60th birthday");
          /* Three working days before, the default. */
          g_assert_cmpstr (json_object_get_string_member (item, "remind_on"), ==, "2026-04-10");
          found = TRUE;
        }
      g_assert_cmpstr (json_object_get_string_member (item, "kind"), !=, "health-check-due");
    }
  g_assert_true (found);

  xf_cli_assert_run_fails (&env, backwards, 1);
  xf_cli_assert_run_fails (&env, bad_days, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("XIANFENG_TODAY", XF_TEST_CARE_TODAY, TRUE);
  tmp_dir = xf_test_make_dir ();
  make_database ();

  g_test_add_func ("/cli/care/report/json", test_report_json);
  g_test_add_func ("/cli/care/report/plain", test_report_plain);
  g_test_add_func ("/cli/care/report/xlsx", test_report_xlsx);
  g_test_add_func ("/cli/care/report/usage", test_report_usage);
  g_test_add_func ("/cli/care/visits/plan-done-cancel", test_visits);
  g_test_add_func ("/cli/care/calendar/items", test_calendar);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (database);
  g_free (tmp_dir);
  return status;
}
