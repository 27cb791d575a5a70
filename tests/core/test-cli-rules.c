/* test-cli-rules.c — the check-id, check-uscc and workdays commands
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-cli-test-util.h"
#include "xf-identity.h"
#include "xf-test-store.h"

static char *database_path;

/* Runs xianfeng-cli with the given arguments in English. */
#define run_cli(run, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = database_path }, __VA_ARGS__)

static void
assert_run (XfCliRun   *run,
            int         status,
            const char *out,
            const char *err)
{
  g_assert_cmpstr (run->out, ==, out);
  g_assert_cmpstr (run->err, ==, err);
  g_assert_cmpint (run->status, ==, status);
}

static void
test_check_id (void)
{
  g_autofree char *impossible = g_strdup ("11010519490230001?");
  g_auto(XfCliRun) valid = { 0 };
  g_auto(XfCliRun) male = { 0 };
  g_auto(XfCliRun) date = { 0 };
  g_auto(XfCliRun) check = { 0 };
  g_auto(XfCliRun) length = { 0 };
  g_auto(XfCliRun) missing = { 0 };

  run_cli (&valid, "check-id", "11010519491231002X", NULL);
  assert_run (&valid, 0, "Region: 110105\nBirth date: 1949-12-31\nGender: female\n", "");

  run_cli (&male, "check-id", "330502198503120016", NULL);
  assert_run (&male, 0, "Region: 330502\nBirth date: 1985-03-12\nGender: male\n", "");

  impossible[17] = xf_identity_id_check_char (impossible);
  run_cli (&date, "check-id", impossible, NULL);
  assert_run (&date, 1, "",
              "xianfeng-cli: Identity number: birth date 1949-02-30 does not exist\n");

  run_cli (&check, "check-id", "110105194912310023", NULL);
  assert_run (&check, 1, "",
              "xianfeng-cli: Identity number: check character should be “X” but is “3”\n");

  run_cli (&length, "check-id", "1101051949", NULL);
  assert_run (&length, 1, "",
              "xianfeng-cli: Identity number has the wrong length: 10 characters instead of 18\n");

  run_cli (&missing, "check-id", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "check-id NUMBER"));
}

static void
test_check_uscc (void)
{
  g_auto(XfCliRun) valid = { 0 };
  g_auto(XfCliRun) check = { 0 };
  g_auto(XfCliRun) missing = { 0 };

  run_cli (&valid, "check-uscc", "91350100M000100Y43", NULL);
  assert_run (&valid, 0,
              "Registration authority: 9 (Market regulation)\n"
              "Region: 350100\n"
              "Organisation code: M000100Y4\n", "");

  run_cli (&check, "check-uscc", "91350100M000100Y44", NULL);
  assert_run (&check, 1, "",
              "xianfeng-cli: Unified social credit code: check character should be “3” but is “4”\n");

  run_cli (&missing, "check-uscc", "91350100M000100Y43", "extra", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "check-uscc CODE"));
}

static void
test_workdays (void)
{
  g_auto(XfCliRun) festival = { 0 };
  g_auto(XfCliRun) national = { 0 };
  g_auto(XfCliRun) count = { 0 };
  g_auto(XfCliRun) reverse = { 0 };

  /* Thursday 8 February 2024: Friday 9, then the make-up Sunday 18. */
  run_cli (&festival, "workdays", "add", "2024-02-08", "2", NULL);
  assert_run (&festival, 0, "2024-02-18\n", "");

  /* The day after 28 September 2023 that was worked: Saturday 7 October. */
  run_cli (&national, "workdays", "add", "2023-09-28", "1", NULL);
  assert_run (&national, 0, "2023-10-07\n", "");

  run_cli (&count, "workdays", "between", "2024-02-01", "2024-02-29", NULL);
  assert_run (&count, 0, "17\n", "");
  run_cli (&reverse, "workdays", "between", "2024-02-29", "2024-02-01", NULL);
  assert_run (&reverse, 0, "-17\n", "");
}

static void
test_workdays_unconfirmed (void)
{
  g_auto(XfCliRun) year = { 0 };
  g_auto(XfCliRun) years = { 0 };
  g_auto(XfCliRun) add = { 0 };

  run_cli (&year, "workdays", "between", "2029-12-31", "2030-12-31", NULL);
  assert_run (&year, 0, "261\n",
              "Working days in 2030 are not confirmed: only weekends are counted\n");

  run_cli (&years, "workdays", "between", "2031-01-05", "2026-12-31", NULL);
  g_assert_cmpint (years.status, ==, 0);
  g_assert_true (g_str_has_prefix (years.out, "-"));
  g_assert_cmpstr (years.err, ==,
                   "Working days in 2027–2031 are not confirmed: only weekends are counted\n");

  /* Friday 1 January 2027 counts: New Year's Day 2027 is not published. */
  run_cli (&add, "workdays", "add", "2026-12-31", "1", NULL);
  assert_run (&add, 0, "2027-01-01\n",
              "Working days in 2027 are not confirmed: only weekends are counted\n");
}

static void
test_workdays_bad_arguments (void)
{
  static const char *bad_n[] = { "0", "-1", "abc", "1.5", "", "100001" };
  g_auto(XfCliRun) date = { 0 };
  g_auto(XfCliRun) second = { 0 };
  g_auto(XfCliRun) missing = { 0 };
  g_auto(XfCliRun) verb = { 0 };
  g_auto(XfCliRun) none = { 0 };

  run_cli (&date, "workdays", "add", "2024-02-30", "1", NULL);
  assert_run (&date, 2, "",
              "xianfeng-cli: “2024-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2024-02-04\n");
  run_cli (&second, "workdays", "between", "2024-02-01", "2024-2-29", NULL);
  assert_run (&second, 2, "",
              "xianfeng-cli: “2024-2-29” is not a date: write it as YYYY-MM-DD, e.g. 2024-02-04\n");

  for (guint i = 0; i < G_N_ELEMENTS (bad_n); i++)
    {
      g_auto(XfCliRun) run = { 0 };
      g_autofree char *expected =
        g_strdup_printf ("xianfeng-cli: “%s” is not a number of working days from 1 to 100000\n",
                         bad_n[i]);

      run_cli (&run, "workdays", "add", "2024-02-08", bad_n[i], NULL);
      assert_run (&run, 2, "", expected);
    }

  run_cli (&missing, "workdays", "add", "2024-02-08", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "workdays add DATE N"));
  run_cli (&verb, "workdays", "count", "2024-02-08", "2024-02-09", NULL);
  g_assert_cmpint (verb.status, ==, 2);
  run_cli (&none, "workdays", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The rules commands must not need, or create, a database. */
  dir = g_dir_make_tmp ("xf-cli-rules-XXXXXX", NULL);
  g_assert_nonnull (dir);
  database_path = xf_test_database_location (dir, "untouched.db");

  g_test_add_func ("/cli/rules/check-id", test_check_id);
  g_test_add_func ("/cli/rules/check-uscc", test_check_uscc);
  g_test_add_func ("/cli/rules/workdays", test_workdays);
  g_test_add_func ("/cli/rules/workdays-unconfirmed", test_workdays_unconfirmed);
  g_test_add_func ("/cli/rules/workdays-bad-arguments", test_workdays_bad_arguments);

  status = g_test_run ();

  xf_cli_assert_no_database (database_path);
  g_rmdir (dir);
  g_free (database_path);
  return status;
}
