/* test-cli-bulk-edit.c — `pioneers bulk-edit FIELD VALUE [--where DIM=KEY]… [--all] [--dry-run]`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * One small demo, made by main(); the tests run in order and each says
 * what it expects of the state the ones before left.
 */

static char *tmp_dir;
static char *database_path;

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)

/* Active individuals in Deqing county: what --where region=330521
 * --where kind=individual lists. */
#define DEQING_INDIVIDUALS \
  "FROM pioneers WHERE status = 'active' AND kind = 'individual' AND substr (region_code, 1, 6) = '330521'"

static gint64
query_int (const char *sql)
{
  return xf_cli_query_int (database_path, sql);
}

static gint64
audit_count (void)
{
  return query_int ("SELECT count(*) FROM audit_log WHERE action NOT IN ('sign-in', 'sign-out')");
}

static void
test_needs_where_or_all (void)
{
  const char *const bare[] = { "pioneers", "bulk-edit", "tags", "劳模", NULL };
  const char *const no_value[] = { "pioneers", "bulk-edit", "tags", "--all", NULL };
  const char *const bad_where[] = { "pioneers", "bulk-edit", "tags", "x", "--where", "colour=red", NULL };
  const char *const no_key[] = { "pioneers", "bulk-edit", "tags", "x", "--where", "tier", NULL };
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  gint64 before = audit_count ();
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "pioneers", "bulk-edit", "tags", "劳模", NULL);
  xf_cli_assert_failed (&run, 2);
  g_assert_nonnull (strstr (run.err, "--all"));
  g_assert_nonnull (strstr (run.err, "--where"));

  xf_cli_assert_run_fails (&env, bare, 2);
  xf_cli_assert_run_fails (&env, no_value, 2);
  xf_cli_assert_run_fails (&env, bad_where, 2);
  xf_cli_assert_run_fails (&env, no_key, 2);
  g_assert_cmpint (audit_count (), ==, before);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE tags = '劳模'"), ==, 0);
}

static void
test_dry_run (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autofree char *expected = NULL;
  gint64 n = query_int ("SELECT count(*) " DEQING_INDIVIDUALS);
  gint64 before = audit_count ();

  g_assert_cmpint (n, >, 0);
  run_cli (&run, "pioneers", "bulk-edit", "tags", "劳模", "--where", "region=330521",
           "--where", "kind=individual", "--dry-run", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Tags would change on %" G_GINT64_FORMAT " of the %" G_GINT64_FORMAT
                              " files listed; nothing was written\n", n, n);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE tags = '劳模'"), ==, 0);
  g_assert_cmpint (audit_count (), ==, before);
}

static void
test_where (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *expected_again = NULL;
  gint64 n = query_int ("SELECT count(*) " DEQING_INDIVIDUALS);
  gint64 versions = query_int ("SELECT sum(version) FROM pioneers");
  gint64 before = audit_count ();

  run_cli (&run, "pioneers", "bulk-edit", "tags", "劳模", "--where", "region=330521",
           "--where", "kind=individual", NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Tags changed on %" G_GINT64_FORMAT " of the %" G_GINT64_FORMAT
                              " files listed\n", n, n);
  g_assert_cmpstr (run.out, ==, expected);

  /* Exactly the files listed, each once in the trail. */
  g_assert_cmpint (query_int ("SELECT count(*) " DEQING_INDIVIDUALS " AND tags = '劳模'"), ==, n);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE tags = '劳模'"), ==, n);
  g_assert_cmpint (query_int ("SELECT sum(version) FROM pioneers"), ==, versions + n);
  g_assert_cmpint (audit_count (), ==, before + n);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'bulk-edit' "
                              "AND field = 'tags' AND new_value = '劳模'"), ==, n);

  /* Again: every file holds it already, nothing is written. */
  run_cli (&again, "pioneers", "bulk-edit", "tags", "劳模", "--where", "region=330521",
           "--where", "kind=individual", NULL);
  g_assert_cmpint (again.status, ==, 0);
  expected_again = g_strdup_printf ("Tags changed on 0 of the %" G_GINT64_FORMAT " files listed\n", n);
  g_assert_cmpstr (again.out, ==, expected_again);
  g_assert_cmpint (query_int ("SELECT sum(version) FROM pioneers"), ==, versions + n);
}

/* A value no file may hold, a field collectives have not: refused whole,
 * naming a file; nothing written. */
static void
test_refused (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) mixed = { 0 };
  g_auto(XfCliRun) reviewer = { 0 };
  gint64 versions = query_int ("SELECT sum(version) FROM pioneers");
  gint64 before = audit_count ();

  run_cli (&run, "pioneers", "bulk-edit", "industry", "Z", "--where", "region=330521", NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_nonnull (strstr (run.err, "”"));
  g_assert_nonnull (strstr (run.err, "Industry"));

  run_cli (&mixed, "pioneers", "bulk-edit", "tags", "先进", "--all", NULL);
  xf_cli_assert_failed (&mixed, 1);
  g_assert_nonnull (strstr (mixed.err, "is not a field of a file of the kind “Collective”"));

  /* A reviewer edits nothing. */
  xf_cli_run_args (&reviewer, &(XfCliEnv) { .database = database_path, .user = "reviewer",
                                            .password = "xianfeng" },
                   "pioneers", "bulk-edit", "tags", "先进", "--where", "kind=individual", NULL);
  xf_cli_assert_failed (&reviewer, 1);
  g_assert_nonnull (strstr (reviewer.err, "Permission denied"));

  g_assert_cmpint (query_int ("SELECT sum(version) FROM pioneers"), ==, versions);
  g_assert_cmpint (audit_count (), ==, before);
}

/* An organisation by its code, for the value and for --where. */
static void
test_organisation_code (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) moved = { 0 };
  g_autofree char *code = xf_cli_query_text (database_path,
                                             "SELECT code FROM organisations ORDER BY id LIMIT 1");
  g_autofree char *where = g_strdup_printf ("organisation=%s", code);
  gint64 id = query_int ("SELECT min(id) FROM organisations");
  gint64 n = query_int ("SELECT count(*) " DEQING_INDIVIDUALS);
  g_autofree char *expected = NULL;

  run_cli (&run, "pioneers", "bulk-edit", "organisation-id", code, "--where", "region=330521",
           "--where", "kind=individual", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) " DEQING_INDIVIDUALS
                                            " AND organisation_id = %" G_GINT64_FORMAT, id);

    g_assert_cmpint (query_int (sql), ==, n);
  }

  /* --where organisation=CODE lists the files of that organisation. */
  {
    g_autofree char *listed = g_strdup_printf ("SELECT count(*) FROM pioneers WHERE status = 'active' "
                                               "AND organisation_id = %" G_GINT64_FORMAT, id);
    g_autofree char *filled = g_strdup_printf ("%s AND contribution IS NOT NULL", listed);

    run_cli (&moved, "pioneers", "bulk-edit", "contribution", "", "--where", where, "--dry-run", NULL);
    g_assert_cmpint (moved.status, ==, 0);
    expected = g_strdup_printf ("Contribution to local industry would change on %" G_GINT64_FORMAT " of the %" G_GINT64_FORMAT
                                " files listed; nothing was written\n", query_int (filled), query_int (listed));
    g_assert_cmpstr (moved.out, ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();
  database_path = xf_test_database_location (tmp_dir, "bulk.db");
  out = xf_cli_make_demo (database_path, "200", "10", "3");

  g_test_add_func ("/cli/bulk-edit/needs-where-or-all", test_needs_where_or_all);
  g_test_add_func ("/cli/bulk-edit/dry-run", test_dry_run);
  g_test_add_func ("/cli/bulk-edit/where", test_where);
  g_test_add_func ("/cli/bulk-edit/refused", test_refused);
  g_test_add_func ("/cli/bulk-edit/organisation-code", test_organisation_code);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (database_path);
  g_free (tmp_dir);
  return status;
}
