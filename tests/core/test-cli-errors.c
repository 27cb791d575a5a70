/* test-cli-errors.c — bad data files and bad databases on the command line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case must end with a specific message on stderr, a non-zero exit,
 * and every file exactly as it was.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-cli-test-util.h"
#include "xf-store.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;

#define ADMIN_PASSWORD "Errors-Admin-1"

/* Runs xianfeng-cli with @data_dir (or the shipped data) in @language
 * (NULL: English), signed in as the administrator make_database() creates. */
#define run_cli(run, data_dir_, language_, args) \
  xf_cli_run ((run), &(XfCliEnv) { .data_dir = (data_dir_), .language = (language_), \
                                   .user = "admin", .password = ADMIN_PASSWORD }, (args))

/* A new, initialised database: a file on SQLite, a schema on PostgreSQL;
 * with an administrator, as a shared database needs one before any use. */
static char *
make_database (const char *name)
{
  g_autofree char *path = xf_test_database_location (tmp_dir, name);
  const char *args[] = { "--database", path, "init", NULL };
  const char *admin[] = { "--database", path, "accounts", "create-admin", "admin", "--name", "Admin", NULL };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) created = { 0 };

  run_cli (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  xf_cli_run (&created, &(XfCliEnv) { .new_password = ADMIN_PASSWORD }, admin);
  g_assert_cmpint (created.status, ==, 0);
  return g_steal_pointer (&path);
}

/* A data folder whose table @name is cut off at line 4; the other tables
 * come from the shipped data. */
static char *
make_damaged_data_dir (const char *name)
{
  g_autofree char *base = g_strconcat ("bad-", name, NULL);
  g_autofree char *dir = g_build_filename (tmp_dir, base, NULL);
  g_autofree char *reference = g_build_filename (dir, "reference", NULL);
  g_autofree char *file = g_build_filename (reference, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (reference, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "{\"items\": [\n {\"code\": \"A\", \"name_zh\": \"农\"},\n {\"code\":\n", -1, NULL));
  return g_steal_pointer (&dir);
}

/* Runs @args with @data_dir in English and in Chinese, and checks that
 * both fail naming @file and line 4, printing nothing else. */
static void
assert_damaged (const char  *data_dir,
                const char  *file,
                const char **args)
{
  g_auto(XfCliRun) english = { 0 };
  g_auto(XfCliRun) chinese = { 0 };

  run_cli (&english, data_dir, NULL, args);
  g_assert_cmpint (english.status, ==, 1);
  g_assert_cmpstr (english.out, ==, "");
  g_assert_nonnull (strstr (english.err, file));
  g_assert_nonnull (strstr (english.err, "at line 4"));

  /* The same in Chinese, line number and all. */
  run_cli (&chinese, data_dir, "zh_CN", args);
  g_assert_cmpint (chinese.status, ==, 1);
  g_assert_cmpstr (chinese.out, ==, "");
  g_assert_nonnull (strstr (chinese.err, file));
  g_assert_nonnull (strstr (chinese.err, "第 4 行"));
}

/* Commands that show every coded field, or fill them in, stop at any
 * damaged table; those that need no industries still work. */
static void
test_damaged_data_file (void)
{
  g_autofree char *db = make_database ("data.db");
  g_autofree char *data_dir = make_damaged_data_dir ("industries.json");
  const char *demo[] = { "--database", db, "demo", "--pioneers", "3", NULL };
  const char *show[] = { "--database", db, "pioneers", "show", "no-such-uid", NULL };
  const char *count[] = { "--database", db, "pioneers", "count", NULL };
  const char *search[] = { "--database", db, "pioneers", "search", "x", NULL };
  g_auto(XfCliRun) counted = { 0 };
  g_auto(XfCliRun) searched = { 0 };

  assert_damaged (data_dir, "industries.json", demo);
  assert_damaged (data_dir, "industries.json", show);

  /* The failed demo wrote nothing; count and search need only regions. */
  run_cli (&counted, data_dir, NULL, count);
  g_assert_cmpint (counted.status, ==, 0);
  g_assert_cmpstr (counted.out, ==, "0\n");
  g_assert_cmpstr (counted.err, ==, "");
  run_cli (&searched, data_dir, NULL, search);
  g_assert_cmpint (searched.status, ==, 0);
  g_assert_cmpstr (searched.out, ==, "");
  g_assert_cmpstr (searched.err, ==, "");
}

/* Lists print region labels, so damaged regions stop them. */
static void
test_damaged_regions (void)
{
  g_autofree char *db = make_database ("regions.db");
  g_autofree char *data_dir = make_damaged_data_dir ("regions.json");
  const char *search[] = { "--database", db, "pioneers", "search", "丁", NULL };
  const char *list[] = { "--database", db, "pioneers", "list", NULL };

  assert_damaged (data_dir, "regions.json", search);
  assert_damaged (data_dir, "regions.json", list);
}

static void
test_garbage_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "garbage.db", NULL);
  g_autofree char *after = NULL;
  const char *junk = "PK\003\004 a spreadsheet, not a database; long enough to fill a header page";
  const char *args[] = { "--database", path, "pioneers", "count", NULL };
  g_auto(XfCliRun) run = { 0 };

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  run_cli (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "garbage.db"));
  g_assert_nonnull (strstr (run.err, "not a Xianfeng database"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
}

static void
test_newer_database (void)
{
  g_autofree char *path = make_database ("newer.db");
  g_autofree char *name = NULL;
  const char *args[] = { "--database", path, "pioneers", "count", NULL };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) chinese = { 0 };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XfDb) db = xf_db_open (path, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (xf_db_set_schema_version (db, xf_store_get_latest_version () + 5, &error));
    g_assert_no_error (error);
    name = g_strdup (xf_db_get_display_name (db));
  }

  run_cli (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer version of Xianfeng"));

  run_cli (&chinese, NULL, "zh_CN", args);
  g_assert_cmpint (chinese.status, ==, 1);
  g_assert_null (strstr (chinese.err, "newer version"));
  g_assert_nonnull (strstr (chinese.err, name));
}

static void
test_missing_database_not_created (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "typo.db", NULL);
  const char *args[] = { "--database", path, "pioneers", "list", NULL };
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();

  g_test_add_func ("/cli/errors/damaged-data-file", test_damaged_data_file);
  g_test_add_func ("/cli/errors/damaged-regions", test_damaged_regions);
  g_test_add_func ("/cli/errors/garbage-database", test_garbage_database);
  g_test_add_func ("/cli/errors/newer-database", test_newer_database);
  g_test_add_func ("/cli/errors/missing-database-not-created", test_missing_database_not_created);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
