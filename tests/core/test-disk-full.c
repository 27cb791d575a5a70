/* test-disk-full.c — a full disk and a read-only database end in a message,
 *                    with the database as it was
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-cli-child.h"
#include "xf-error.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * xianfeng-cli runs as a child under RLIMIT_FSIZE with SIGXFSZ ignored
 * (xf-cli-child.h): every write past the limit fails, as on a full disk.
 * Each command must end with exit status 1 and the disk-full message, no
 * crash; the database must then pass `xianfeng-cli check` and PRAGMA
 * integrity_check and hold exactly the rows it held before; a backup must
 * leave no file behind. These run on SQLite files only: a PostgreSQL
 * server's disk is the server's.
 *
 * The read-only case runs in core on both backends.
 */

static char *tmp_dir;
static char *base_path;   /* a small demo, made once by main() */

static gboolean
skip_on_postgresql (void)
{
  if (!xf_test_using_postgresql ())
    return FALSE;
  g_test_skip ("A file-size limit applies to SQLite files; a PostgreSQL server's disk is its own");
  return TRUE;
}

static char *
fresh_copy (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  xf_cli_child_copy_file (base_path, path);
  return path;
}

static void
assert_disk_full (const XfCliRun *run)
{
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "xianfeng-cli: The disk is full: “"));
  g_assert_true (g_str_has_suffix (run->err, "” could not be written; nothing was changed\n"));
  g_assert_cmpint (run->status, ==, 1);
}

/* Sound, checked by the CLI too, holding @fingerprint, and usable. */
static void
assert_intact (const char *path,
               const char *fingerprint)
{
  g_autofree char *after = NULL;
  g_auto(XfCliRun) check = { 0 };
  g_auto(XfCliRun) edit = { 0 };

  {
    g_autoptr(XfStore) store = xf_test_open_store_at (path);

    xf_cli_child_assert_sound (store);
    xf_cli_child_assert_audit_chain (store);
  }
  after = xf_cli_child_fingerprint (path);
  g_assert_cmpstr (after, ==, fingerprint);

  xf_cli_child_run (&check, path, 0, "check", NULL);
  g_assert_cmpstr (check.err, ==, "");
  g_assert_cmpint (check.status, ==, 0);

  xf_cli_child_run (&edit, path, 0, "pioneers", "bulk-edit", "tags", "示范", "--where", "kind=individual",
                    "--where", "region=330521", NULL);
  g_assert_cmpstr (edit.err, ==, "");
  g_assert_cmpint (edit.status, ==, 0);
}

/* A long introduction on every file: far more than the limit, set just
 * above the database's size, lets the write-ahead log hold. */
static void
test_bulk_edit (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GString) introduction = g_string_new (NULL);
  g_auto(XfCliRun) run = { 0 };

  if (skip_on_postgresql ())
    return;
  path = fresh_copy ("bulk-edit.db");
  before = xf_cli_child_fingerprint (path);
  for (guint i = 0; i < 1000; i++)
    g_string_append (introduction, "先锋");

  xf_cli_child_run (&run, path, xf_cli_child_file_size (path) + 64 * 1024,
                    "pioneers", "bulk-edit", "introduction", introduction->str, "--all", NULL);
  assert_disk_full (&run);
  g_assert_nonnull (strstr (run.err, path));
  assert_intact (path, before);
}

/* More rows than the database holds bytes take the bulk path (over
 * 20,000) and cannot fit under a limit just above its size. */
static void
test_import (void)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_auto(XfCliRun) run = { 0 };

  if (skip_on_postgresql ())
    return;
  path = fresh_copy ("import.db");
  csv = g_build_filename (tmp_dir, "import.csv", NULL);
  xf_cli_child_write_import_file (csv, 21000);
  before = xf_cli_child_fingerprint (path);

  xf_cli_child_run (&run, path, xf_cli_child_file_size (path) + 64 * 1024, "import", csv, NULL);
  assert_disk_full (&run);
  assert_intact (path, before);
}

/* The copy cannot be half the size of the database. */
static void
test_backup (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(XfCliRun) run = { 0 };

  if (skip_on_postgresql ())
    return;
  path = fresh_copy ("backup-source.db");
  before = xf_cli_child_fingerprint (path);
  folder = g_build_filename (tmp_dir, "backups", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  backup = g_build_filename (folder, "copy.db", NULL);

  xf_cli_child_run (&run, path, xf_cli_child_file_size (path) / 2, "backup", backup, NULL);
  assert_disk_full (&run);

  /* Nothing left behind: no backup, no partial file, no journal. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  assert_intact (path, before);
}

/*
 * Read-only mid-session (both backends)
 */

static void
set_read_only (XfStore  *store,
               gboolean  read_only)
{
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;

  if (xf_db_get_backend (db) == XF_DB_BACKEND_SQLITE)
    xf_db_exec (db, read_only ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF", &error);
  else
    xf_db_exec (db, read_only ? "SET default_transaction_read_only = on"
                              : "SET default_transaction_read_only = off", &error);
  g_assert_no_error (error);
}

/* The database turns read-only after the file was opened for editing:
 * saving says so and the form's record keeps what was typed, to be saved
 * once the database is writable again. */
static void
test_read_only (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfPioneer) stored = xf_pioneer_new ("individual");
  g_autoptr(XfPioneer) edited = NULL;
  g_autoptr(XfPioneer) fresh = xf_pioneer_new ("individual");
  g_autoptr(XfPioneer) reread = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (stored, "name", "张三", "region-code", "330521001", NULL);
  g_assert_true (xf_registry_save_pioneer (registry, stored, &error));
  g_assert_no_error (error);
  id = xf_pioneer_get_id (stored);

  edited = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_object_set (edited, "name", "李四", "employer", "德清县某厂", NULL);
  g_object_set (fresh, "name", "王五", "region-code", "330521001", NULL);

  set_read_only (store, TRUE);
  g_assert_false (xf_registry_save_pioneer (registry, edited, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (xf_pioneer_get_name (edited), ==, "李四");
  g_assert_cmpstr (xf_pioneer_get_employer (edited), ==, "德清县某厂");
  g_assert_cmpint (xf_pioneer_get_version (edited), ==, 1);

  g_assert_false (xf_registry_save_pioneer (registry, fresh, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (xf_pioneer_get_id (fresh), ==, 0);
  g_assert_null (xf_pioneer_get_uid (fresh));
  g_assert_cmpstr (xf_pioneer_get_name (fresh), ==, "王五");

  g_assert_false (xf_registry_bulk_edit (registry, &id, 1, "employer", "某公司", NULL, NULL, NULL, NULL,
                                         &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Writable again: what was kept is saved. */
  set_read_only (store, FALSE);
  reread = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_name (reread), ==, "张三");
  g_assert_true (xf_registry_save_pioneer (registry, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_version (edited), ==, 2);
  g_assert_true (xf_registry_save_pioneer (registry, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM pioneers"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();
  /* Audit heads recorded by `check` stay in the test's folder. */
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  if (!xf_test_using_postgresql ())
    {
      g_auto(XfCliRun) demo = { 0 };
      g_auto(XfCliRun) edit = { 0 };

      base_path = g_build_filename (tmp_dir, "base.db", NULL);
      xf_cli_child_run (&demo, base_path, 0, "demo", "--pioneers", "600", "--collectives", "20",
                        "--seed", "9", "--no-accounts", NULL);
      g_assert_cmpint (demo.status, ==, 0);
      /* Some history, so that the audit chain has something to check. */
      xf_cli_child_run (&edit, base_path, 0, "pioneers", "bulk-edit", "contribution", "基础",
                        "--where", "region=330521", NULL);
      g_assert_cmpint (edit.status, ==, 0);
    }

  g_test_add_func ("/core/disk-full/bulk-edit", test_bulk_edit);
  g_test_add_func ("/core/disk-full/import", test_import);
  g_test_add_func ("/core/disk-full/backup", test_backup);
  g_test_add_func ("/core/disk-full/read-only", test_read_only);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (base_path);
  g_free (tmp_dir);
  return status;
}
