/* test-cli-backup.c — `backup`, `restore` and `check` on the command line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "xf-cli-test-util.h"
#include "xf-db.h"
#include "xf-test-files.h"

static char *tmp_dir;
static char *demo_path;   /* made once by main(): 300 pioneers, 20 collectives, the demo accounts */

static void
exec (const char *location,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) db = xf_db_open (location, XF_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* A copy of the demo to change, in a folder of its own. */
static char *
fresh_database (const char *name)
{
  g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "xianfeng.db", NULL);
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (demo_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  /* A database of its own: its audit head is recorded apart from the others'. */
  {
    g_autofree char *uid = g_uuid_string_random ();
    g_autofree char *sql = g_strdup_printf ("UPDATE database_info SET value = '%s' WHERE key = 'uid'", uid);

    exec (path, sql);
  }
  return path;
}

static void
test_backup_and_check_only (void)
{
  g_autofree char *database = fresh_database ("check-only");
  g_autofree char *backup = g_build_filename (tmp_dir, "check-only", "by-hand.db", NULL);
  g_autofree char *pioneers = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) inspect = { 0 };

  xf_cli_run_as_admin (&run, database, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Backed up"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (xf_cli_query_int (database, "SELECT count(*) FROM audit_log WHERE action = 'backup' "
                                               "AND actor_login = 'admin'"), ==, 1);

  /* Checking a backup needs no database at all. */
  xf_cli_run_args (&inspect, &(XfCliEnv) { .database = "/nonexistent/never.db" },
                   "restore", "--check-only", backup, NULL);
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_nonnull (strstr (inspect.out, "Every check passed"));
  g_assert_nonnull (strstr (inspect.out, "Format:         sqlite"));
  pioneers = g_strdup_printf ("Pioneers:       %" G_GINT64_FORMAT "\n",
                              xf_cli_query_int (database, "SELECT count(*) FROM pioneers"));
  g_assert_nonnull (strstr (inspect.out, pioneers));
  g_assert_false (g_file_test ("/nonexistent/never.db", G_FILE_TEST_EXISTS));
}

static void
test_restore (void)
{
  g_autofree char *database = fresh_database ("restore");
  g_autofree char *backup = g_build_filename (tmp_dir, "restore", "before.db", NULL);
  g_autofree char *name = NULL;
  g_autofree char *original = xf_cli_query_text (database, "SELECT name FROM pioneers WHERE id = 1");
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) restore = { 0 };
  g_autofree char *safety = NULL;
  const char *kept;

  xf_cli_run_as_admin (&run, database, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  exec (database, "UPDATE pioneers SET name = '改过的' WHERE id = 1");

  xf_cli_run_as_admin (&restore, database, "restore", backup, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "Restored"));
  kept = strstr (restore.out, "is kept in “");
  g_assert_nonnull (kept);
  safety = g_strndup (kept + strlen ("is kept in “"), strstr (kept, "”\n") - kept - strlen ("is kept in “"));
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));

  name = xf_cli_query_text (database, "SELECT name FROM pioneers WHERE id = 1");
  g_assert_cmpstr (name, ==, original);
  g_free (name);
  name = xf_cli_query_text (safety, "SELECT name FROM pioneers WHERE id = 1");
  g_assert_cmpstr (name, ==, "改过的");
  g_assert_cmpint (xf_cli_query_int (database, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 1);
}

/* The disaster: the database is gone; a backup brings it back into a new file. */
static void
test_restore_into_new_file (void)
{
  g_autofree char *database = fresh_database ("disaster");
  g_autofree char *backup = g_build_filename (tmp_dir, "disaster", "backup.db", NULL);
  g_autofree char *lost = g_build_filename (tmp_dir, "disaster", "new", "xianfeng.db", NULL);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) restore = { 0 };
  g_auto(XfCliRun) count = { 0 };
  g_auto(XfCliRun) original = { 0 };

  xf_cli_run_as_admin (&run, database, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test (lost, G_FILE_TEST_EXISTS));

  xf_cli_run_args (&restore, &(XfCliEnv) { .database = lost }, "restore", backup, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpint (xf_cli_query_int (lost, "SELECT count(*) FROM pioneers"), ==,
                   xf_cli_query_int (database, "SELECT count(*) FROM pioneers"));
  /* The restored accounts sign in again. */
  xf_cli_run_as_admin (&count, lost, "pioneers", "count", NULL);
  g_assert_cmpint (count.status, ==, 0);
  xf_cli_run_as_admin (&original, database, "pioneers", "count", NULL);
  g_assert_cmpint (original.status, ==, 0);
  g_assert_cmpstr (count.out, ==, original.out);
  g_assert_cmpint (atoi (count.out), >, 0);
}

/* A restore into a new file that fails (a damaged backup, a sign-in the
 * new file cannot have) leaves no new, empty database behind. */
static void
test_restore_into_new_file_refused (void)
{
  g_autofree char *database = fresh_database ("new-refused");
  g_autofree char *backup = g_build_filename (tmp_dir, "new-refused", "backup.db", NULL);
  g_autofree char *truncated = g_build_filename (tmp_dir, "new-refused", "truncated.db", NULL);
  g_autofree char *lost = g_build_filename (tmp_dir, "new-refused", "new", "xianfeng.db", NULL);
  g_autofree char *contents = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) restore = { 0 };
  g_auto(XfCliRun) signed_in = { 0 };
  gsize length;

  xf_cli_run_as_admin (&run, database, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));

  xf_cli_run_args (&restore, &(XfCliEnv) { .database = lost }, "restore", truncated, NULL);
  xf_cli_assert_failed (&restore, 1);
  g_assert_nonnull (strstr (restore.err, "truncated.db"));
  g_assert_false (g_file_test (lost, G_FILE_TEST_EXISTS));

  /* A new file has no accounts to sign in with. */
  xf_cli_run_as_admin (&signed_in, lost, "restore", backup, NULL);
  xf_cli_assert_failed (&signed_in, 1);
  g_assert_false (g_file_test (lost, G_FILE_TEST_EXISTS));
}

/* `backup` onto the database itself is refused and the database stays sound. */
static void
test_backup_onto_itself (void)
{
  g_autofree char *database = fresh_database ("itself");
  g_autofree char *folder = g_build_filename (tmp_dir, "itself", NULL);
  g_autofree char *before = xf_cli_query_text (database, "SELECT group_concat(uid) FROM pioneers");
  g_autofree char *after = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) dir = { 0 };
  g_auto(XfCliRun) check = { 0 };

  xf_cli_run_as_admin (&run, database, "backup", database, NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_nonnull (strstr (run.err, database));
  g_assert_nonnull (strstr (run.err, "the database itself"));

  xf_cli_run_as_admin (&dir, database, "backup", folder, NULL);
  xf_cli_assert_failed (&dir, 2);
  g_assert_nonnull (strstr (dir.err, "is a folder"));

  after = xf_cli_query_text (database, "SELECT group_concat(uid) FROM pioneers");
  g_assert_cmpstr (after, ==, before);
  xf_cli_run_as_admin (&check, database, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);
}

/* The daily backup is anyone's duty, but choosing where a copy of the whole
 * database goes, or how many old backups stay, is the administrator's. */
static void
test_scheduled_options_need_admin (void)
{
  g_autofree char *database = fresh_database ("scheduled-clerk");
  g_autofree char *folder = g_build_filename (tmp_dir, "scheduled-clerk", "elsewhere", NULL);
  const XfCliEnv clerk = { .database = database, .user = "clerk", .password = "xianfeng" };
  g_auto(XfCliRun) to_folder = { 0 };
  g_auto(XfCliRun) keep = { 0 };

  xf_cli_run_args (&to_folder, &clerk, "backup", "--scheduled", "--folder", folder, NULL);
  xf_cli_assert_failed (&to_folder, 1);
  g_assert_nonnull (strstr (to_folder.err, "Permission denied"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  xf_cli_run_args (&keep, &clerk, "backup", "--scheduled", "--keep", "1", NULL);
  xf_cli_assert_failed (&keep, 1);
  g_assert_nonnull (strstr (keep.err, "Permission denied"));
}

/* A backup into a folder that is not there names the file and the reason,
 * not the temporary ".partial" file. */
static void
test_backup_missing_folder (void)
{
  g_autofree char *database = fresh_database ("missing-folder");
  g_autofree char *target = g_build_filename (tmp_dir, "missing-folder", "no-such", "b.db", NULL);
  g_auto(XfCliRun) run = { 0 };

  xf_cli_run_as_admin (&run, database, "backup", target, NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_nonnull (strstr (run.err, target));
  g_assert_null (strstr (run.err, ".partial"));
  g_assert_nonnull (strstr (run.err, "does not exist"));

  /* A folder this user may not write to (root may write anywhere). */
  if (getuid () != 0)
    {
      g_autofree char *locked = g_build_filename (tmp_dir, "missing-folder", "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "b.db", NULL);
      g_auto(XfCliRun) denied = { 0 };

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      xf_cli_run_as_admin (&denied, database, "backup", inside, NULL);
      xf_cli_assert_failed (&denied, 1);
      g_assert_nonnull (strstr (denied.err, inside));
      g_assert_nonnull (strstr (denied.err, "cannot be written to"));
      g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
    }
}

static void
test_restore_refused (void)
{
  g_autofree char *database = fresh_database ("refused");
  g_autofree char *bad = g_build_filename (tmp_dir, "refused", "list.db", NULL);
  g_autofree char *before = xf_cli_query_text (database, "SELECT group_concat(name) FROM pioneers");
  g_autofree char *after = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) inspect = { 0 };

  g_assert_true (g_file_set_contents (bad, "name,birth\n王建国,1970\n", -1, NULL));
  xf_cli_run_as_admin (&run, database, "restore", bad, NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_nonnull (strstr (run.err, "cannot be restored"));
  after = xf_cli_query_text (database, "SELECT group_concat(name) FROM pioneers");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xf_cli_query_int (database, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 0);

  xf_cli_run_args (&inspect, NULL, "restore", "--check-only", bad, NULL);
  g_assert_cmpint (inspect.status, ==, 1);
  g_assert_nonnull (strstr (inspect.out, "Problem: "));
}

static void
test_check (void)
{
  g_autofree char *database = fresh_database ("check");
  g_autofree char *backup = g_build_filename (tmp_dir, "check", "b.db", NULL);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) broken = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *items;

  /* An audit entry to check. */
  xf_cli_run_as_admin (&run, database, "backup", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  xf_cli_run_clear (&run);

  xf_cli_run_as_admin (&run, database, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (run.out), ==, 4);
  g_assert_true (g_str_has_prefix (run.out, "Integrity\tok\tNo problems found\n"));
  g_assert_nonnull (strstr (run.out, "Foreign keys\tok\tNo problems found\n"));
  g_assert_nonnull (strstr (run.out, "Audit chain\tok\t"));

  xf_cli_run_as_admin (&json, database, "check", "--json", NULL);
  root = xf_cli_run_json (&json);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "ok"));
  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 3), "name"), ==,
                   "audit-chain");

  exec (database, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_value = 'x' WHERE seq = 1");
  xf_cli_run_as_admin (&broken, database, "check", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.out, "Audit chain\tPROBLEM\tEntry 1 "));
  g_assert_nonnull (strstr (broken.out, "Integrity\tok\tNo problems found\n"));
  g_assert_nonnull (strstr (broken.out, "Schema\tPROBLEM\t"));
  g_assert_nonnull (strstr (broken.out, "audit_log_no_update"));
}

static void
test_scheduled_and_list (void)
{
  g_autofree char *database = fresh_database ("scheduled");
  g_autofree char *folder = g_build_filename (tmp_dir, "scheduled", "backups", NULL);
  g_autofree char *mine = g_build_filename (folder, "mine.db", NULL);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) list = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *backups;
  guint scheduled = 0;

  xf_cli_run_as_admin (&run, database, "backup", "--scheduled", "--folder", folder, "--keep", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Backed up to"));
  g_assert_true (g_file_set_contents (mine, "not a backup of ours", -1, NULL));

  xf_cli_run_as_admin (&again, database, "backup", "--scheduled", "--folder", folder, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "No backup is due"));

  xf_cli_run_as_admin (&list, database, "backup", "list", "--folder", folder, "--json", NULL);
  root = xf_cli_run_json (&list);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, 2);
  backups = json_object_get_array_member (json_node_get_object (root), "backups");
  for (guint i = 0; i < json_array_get_length (backups); i++)
    {
      JsonObject *entry = json_array_get_object_element (backups, i);

      if (json_object_get_boolean_member (entry, "scheduled"))
        {
          scheduled++;
          g_assert_true (g_str_has_prefix (json_object_get_string_member (entry, "path"), folder));
        }
    }
  g_assert_cmpuint (scheduled, ==, 1);
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_autofree char *database = fresh_database ("usage");
  XfCliEnv admin = { .database = database, .user = "admin", .password = "xianfeng" };

  xf_cli_assert_run_fails (&admin,
                           (const char *[]) { "backup", NULL }, 2);
  xf_cli_assert_run_fails (&admin,
                           (const char *[]) { "backup", "--scheduled", "--keep", "0", NULL }, 2);
  xf_cli_assert_run_fails (&admin,
                           (const char *[]) { "backup", "a.db", "--keep", "3", NULL }, 2);
  xf_cli_assert_run_fails (&admin,
                           (const char *[]) { "restore", NULL }, 2);
  xf_cli_assert_run_fails (&admin,
                           (const char *[]) { "check", "--bogus", NULL }, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *printed = NULL;

  tmp_dir = xf_test_make_dir ();
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data-home", NULL);
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  g_test_init (&argc, &argv, NULL);

  demo_path = g_build_filename (tmp_dir, "demo.db", NULL);
  printed = xf_cli_make_demo (demo_path, "300", "20", "4");
  /* One file, no WAL beside it, so copies of it are whole. */
  exec (demo_path, "PRAGMA journal_mode = DELETE");

  g_test_add_func ("/cli/backup/backup-and-check-only", test_backup_and_check_only);
  g_test_add_func ("/cli/backup/restore", test_restore);
  g_test_add_func ("/cli/backup/restore-into-new-file", test_restore_into_new_file);
  g_test_add_func ("/cli/backup/restore-into-new-file-refused", test_restore_into_new_file_refused);
  g_test_add_func ("/cli/backup/backup-onto-itself", test_backup_onto_itself);
  g_test_add_func ("/cli/backup/scheduled-options-need-admin", test_scheduled_options_need_admin);
  g_test_add_func ("/cli/backup/missing-folder", test_backup_missing_folder);
  g_test_add_func ("/cli/backup/restore-refused", test_restore_refused);
  g_test_add_func ("/cli/backup/check", test_check);
  g_test_add_func ("/cli/backup/scheduled-and-list", test_scheduled_and_list);
  g_test_add_func ("/cli/backup/usage", test_usage);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
