/* test-backup.c — online backups, inspection, restore, scheduled backups
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-backup.h"
#include "xf-demo.h"
#include "xf-error.h"
#include "xf-permission.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;

static void
exec (XfDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* A fresh folder inside the test's temporary folder. */
static char *
new_dir (const char *name)
{
  static guint serial;
  g_autofree char *unique = g_strdup_printf ("%s-%u", name, ++serial);
  char *dir = g_build_filename (tmp_dir, unique, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* A new store (a file for SQLite) with a small demo and some audit entries. */
static XfStore *
open_filled_store (const char *dir,
                   guint       pioneers)
{
  g_autofree char *location = xf_test_database_location (dir, "live.db");
  XfStore *store = xf_test_open_store_at (location);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  XfDemoOptions options = { pioneers, pioneers / 10, 7 };
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  g_assert_true (xf_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 0; i < 5; i++)
    g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p-1", "王建国",
                                           "employer", NULL, "德清", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
  return store;
}

/* A SHA-256 of the registry's rows and the audit trail, to compare contents. */
static char *
digest (XfStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM pioneers ORDER BY id",
    "SELECT * FROM honours ORDER BY id",
    "SELECT * FROM organisations ORDER BY id",
    "SELECT seq, hash FROM audit_log ORDER BY seq",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), queries[q], &error);

      g_assert_no_error (error);
      while (xf_db_stmt_step (stmt, &error) == XF_DB_STEP_ROW)
        for (int c = 0; c < xf_db_stmt_column_count (stmt); c++)
          {
            const char *text = xf_db_stmt_column_text (stmt, c);

            g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "\x01"), -1);
            g_checksum_update (checksum, (const guchar *) "\x02", 1);
          }
      g_assert_no_error (error);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
skip_on_postgresql (const char *reason)
{
  if (!xf_test_using_postgresql ())
    return FALSE;
  g_test_skip (reason);
  return TRUE;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/*
 * Online backup
 */

typedef struct
{
  char     *location;
  guint     written;
  gboolean  stop;
} Writer;

/* Another desk: its own connection, a transaction of audit entries at a time. */
static gpointer
write_while_backing_up (gpointer data)
{
  Writer *writer = data;
  g_autoptr(XfStore) store = xf_test_open_store_at (writer->location);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 400 && !g_atomic_int_get (&writer->stop); i++)
    {
      g_assert_true (xf_db_begin (db, &error));
      for (guint k = 0; k < 3; k++)
        g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p-2", "李秀英",
                                               "mobile", NULL, "13800000000", &error));
      g_assert_true (xf_db_commit (db, &error));
      g_assert_no_error (error);
      g_atomic_int_inc (&writer->written);
      g_usleep (1000);
    }
  return NULL;
}

typedef struct
{
  guint  calls;
  double last;
  gboolean backwards;
  GCancellable *cancel_at_first;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->calls++;
  progress->last = fraction;
  if (progress->cancel_at_first != NULL && progress->calls == 2)
    g_cancellable_cancel (progress->cancel_at_first);
}

static void
test_online_while_writing (void)
{
  g_autofree char *dir = new_dir ("online");
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  Writer writer = { 0 };
  Progress progress = { 0 };
  GThread *thread;
  gint64 pioneers, entries_after;

  if (skip_on_postgresql ("the SQLite backup API copies pages; pg_dump is tested in /core/backup/pg-dump"))
    return;

  store = open_filled_store (dir, 3000);
  pioneers = xf_test_query_int64 (store, "SELECT count(*) FROM pioneers");
  writer.location = xf_test_database_location (dir, "live.db");
  path = g_build_filename (dir, "online.db", NULL);
  partial = g_strconcat (path, ".partial", NULL);

  thread = g_thread_new ("writer", write_while_backing_up, &writer);
  while (g_atomic_int_get (&writer.written) < 3)
    g_usleep (1000);
  g_assert_true (xf_backup_database (store, admin, path, progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&writer.stop, TRUE);
  g_thread_join (thread);

  /* Steps of a few hundred pages: the demo takes several. */
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  entries_after = xf_test_query_int64 (store, "SELECT count(*) FROM audit_log");
  info = xf_backup_inspect (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < info->problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (info->problems, i));
  g_assert_true (info->ok);
  g_assert_cmpstr (info->format, ==, "sqlite");
  g_assert_cmpint (info->schema_version, ==, xf_store_get_latest_version ());
  /* Complete: every pioneer; consistent: a whole number of the writer's
   * transactions (3 entries each, after the 5 made first) and a chain that checks out. */
  g_assert_cmpint (info->pioneers, ==, pioneers);
  g_assert_cmpint (info->audit_entries, >=, 5);
  g_assert_cmpint (info->audit_entries, <, entries_after);
  g_assert_cmpint ((info->audit_entries - 5) % 3, ==, 0);
  g_assert_nonnull (info->database_uid);
  g_assert_true (g_uuid_string_is_valid (info->database_uid));

  /* The backup is audited in the live database. */
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'backup' "
                                               "AND new_value = 'online.db, by hand'"), ==, 1);
  g_free (writer.location);
}

static void
test_cancelled_and_failed (void)
{
  g_autofree char *dir = new_dir ("cancel");
  g_autoptr(XfStore) store = open_filled_store (dir, 2000);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "cancelled.db", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "backup.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *partial = NULL;
  Progress progress = { 0 };
  gint64 audit_before = xf_test_query_int64 (store, "SELECT count(*) FROM audit_log");

  /* A failure: the folder does not exist. */
  g_assert_false (xf_backup_database (store, admin, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Cancelled before it starts, then during the copy. */
  g_cancellable_cancel (cancellable);
  g_assert_false (xf_backup_database (store, admin, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  if (!xf_test_using_postgresql ())
    {
      g_cancellable_reset (cancellable);
      progress.cancel_at_first = cancellable;
      g_assert_false (xf_backup_database (store, admin, path, progress_cb, &progress, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (progress.calls, ==, 2);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      partial = g_strconcat (path, ".partial", NULL);
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

      /* An existing file stays as it was. */
      g_assert_true (g_file_set_contents (existing, "the backup before", -1, NULL));
      g_cancellable_reset (cancellable);
      progress.calls = 0;
      g_assert_false (xf_backup_database (store, admin, existing, progress_cb, &progress, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the backup before");
    }

  /* Nothing of it was audited. */
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

/* A backup named like the database (or its WAL, or through a link) would
 * be renamed over the live file: refused, the database untouched. */
static void
test_refuses_own_path (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *live = NULL;
  g_autofree char *link = NULL;
  g_autofree char *dotted = NULL;
  g_autofree char *wal = NULL;
  const char *targets[4];

  if (skip_on_postgresql ("a PostgreSQL database is not a file"))
    return;
  dir = new_dir ("own-path");
  store = open_filled_store (dir, 200);
  live = g_strdup (xf_db_get_path (xf_store_get_db (store)));
  link = g_build_filename (dir, "link.db", NULL);
  g_assert_cmpint (symlink (live, link), ==, 0);
  dotted = g_build_filename (dir, ".", "live.db", NULL);
  wal = g_strconcat (live, "-wal", NULL);
  targets[0] = live;
  targets[1] = link;
  targets[2] = dotted;
  targets[3] = wal;
  before = digest (store);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *partial = g_strconcat (targets[i], ".partial", NULL);

      g_assert_false (xf_backup_database (store, admin, targets[i], NULL, NULL, NULL, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, targets[i]));
      g_clear_error (&error);
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
    }

  /* The live connection and a new one see the same, sound database. */
  after = digest (store);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(XfStore) again = xf_test_open_store_at (live);
    g_autofree char *fresh = digest (again);

    g_assert_cmpstr (fresh, ==, before);
  }
}

static void
test_permission (void)
{
  g_autofree char *dir = new_dir ("permission");
  g_autoptr(XfStore) store = open_filled_store (dir, 50);
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk1", "办事员");
  g_autoptr(XfAccount) auditor = xf_account_new ("auditor1", "审计员");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "refused.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "scheduled", NULL);
  g_autofree char *scheduled = NULL;

  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  xf_account_add_grant (auditor, XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);
  g_assert_false (xf_backup_database (store, clerk, path, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_backup_database (store, auditor, path, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (xf_backup_restore (store, clerk, path, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* The daily backup is the system's duty: any signed-in account runs it. */
  scheduled = xf_backup_run_scheduled (store, clerk, folder, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scheduled);
  g_assert_true (g_file_test (scheduled, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'backup' "
                                               "AND actor_login = 'clerk1'"), ==, 1);
}

/*
 * Restore
 */

static void
test_round_trip (void)
{
  g_autofree char *dir = new_dir ("round-trip");
  g_autofree char *safety_folder = g_build_filename (dir, "safety", NULL);
  g_autofree char *path = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfStore) safety_store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *original = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *safety_digest = NULL;
  g_autofree char *last_action = NULL;
  Progress progress = { 0 };

  if (skip_on_postgresql ("restoring a SQLite file; pg_restore is tested in /core/backup/pg-dump"))
    return;

  store = open_filled_store (dir, 1500);
  original = digest (store);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Work after the backup: a changed pioneer, a removed honour, more audit. */
  exec (xf_store_get_db (store), "UPDATE pioneers SET name = '改过' WHERE id = 1");
  exec (xf_store_get_db (store), "DELETE FROM honours WHERE id = (SELECT min(id) FROM honours)");
  changed = digest (store);
  g_assert_cmpstr (changed, !=, original);

  g_assert_true (xf_backup_restore (store, admin, path, safety_folder, &safety,
                                    progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);

  /* The content is the backup's (the backup's own entry came after it),
   * plus the restore's audit entry. */
  last_action = xf_test_query_text (store, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (last_action, ==, XF_AUDIT_RESTORE);
  exec (xf_store_get_db (store), "DROP TRIGGER audit_log_no_delete");
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE action = 'restore'");
  restored = digest (store);
  g_assert_cmpstr (restored, ==, original);

  /* The safety copy holds the database as it was before. */
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_prefix (safety, safety_folder));
  entries = xf_backup_list (safety_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_false (((XfBackupEntry *) g_ptr_array_index (entries, 0))->scheduled);
  safety_store = xf_test_open_store_at (safety);
  safety_digest = digest (safety_store);
  g_assert_cmpstr (safety_digest, ==, changed);
}

static void
test_round_trip_chain (void)
{
  g_autofree char *dir = new_dir ("chain");
  g_autofree char *path = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAuditVerification) verification = NULL;

  if (skip_on_postgresql ("restoring a SQLite file"))
    return;

  /* Going back to an older chain is not a truncation: the head follows the restore. */
  store = open_filled_store (dir, 100);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *extra = g_build_filename (dir, "extra.db", NULL);

      g_assert_true (xf_backup_database (store, admin, extra, NULL, NULL, NULL, &error));
    }
  verification = xf_audit_verify (store, admin, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (verification->problem, ==, XF_AUDIT_OK);
  g_clear_pointer (&verification, xf_audit_verification_free);

  g_assert_true (xf_backup_restore (store, admin, path, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  verification = xf_audit_verify (store, admin, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (verification->problem, ==, XF_AUDIT_OK);
}

/* A backup restored into another database (a new file, to look at the past
 * while the original goes on): the target keeps its own uid, so the two
 * never share a recorded audit head and neither reads as tampered with. */
static void
test_restore_into_other (void)
{
  g_autofree char *dir = new_dir ("other");
  g_autofree char *other_dir = new_dir ("other-target");
  g_autofree char *path = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *uid_original = NULL;
  g_autofree char *uid_other = NULL;
  g_autofree char *uid_after = NULL;
  g_autoptr(XfStore) original = NULL;
  g_autoptr(XfStore) other = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  XfStore *stores[2];

  if (skip_on_postgresql ("restoring a SQLite file"))
    return;

  original = open_filled_store (dir, 100);
  g_assert_true (xf_backup_database (original, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  uid_original = xf_test_query_text (original, "SELECT value FROM database_info WHERE key = 'uid'");

  {
    g_autofree char *location = xf_test_database_location (other_dir, "other.db");

    other = xf_test_open_store_at (location);
  }
  uid_other = xf_test_query_text (other, "SELECT value FROM database_info WHERE key = 'uid'");
  g_assert_cmpstr (uid_other, !=, uid_original);
  g_assert_true (xf_backup_restore (other, admin, path, other_dir, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (other, "SELECT count(*) FROM pioneers"), ==,
                   xf_test_query_int64 (original, "SELECT count(*) FROM pioneers"));
  uid_after = xf_test_query_text (other, "SELECT value FROM database_info WHERE key = 'uid'");
  g_assert_cmpstr (uid_after, ==, uid_other);

  /* Both go on; both pass the check, the original's head untouched by the restore. */
  stores[0] = original;
  stores[1] = other;
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      XfDb *db = xf_store_get_db (stores[i]);

      g_assert_true (xf_db_begin (db, &error));
      g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p-3", "张伟",
                                             "mobile", NULL, i == 0 ? "13900000000" : "13700000000", &error));
      g_assert_true (xf_db_commit (db, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_autoptr(XfAuditVerification) verification = xf_audit_verify (stores[i], admin, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (verification->problem, ==, XF_AUDIT_OK);
    }
}

/* A backup with another page size (VACUUMed by a tool, another SQLite)
 * goes into a live WAL database, which cannot change its page size. */
static void
test_restore_page_size (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfStore) reader = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  gint64 page_size;

  if (skip_on_postgresql ("restoring a SQLite file"))
    return;
  dir = new_dir ("page-size");
  path = g_build_filename (dir, "backup.db", NULL);
  store = open_filled_store (dir, 300);
  original = digest (store);
  page_size = xf_test_query_int64 (store, "PRAGMA page_size");
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(XfDb) copy = xf_db_open (path, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    exec (copy, "PRAGMA journal_mode = DELETE");
    exec (copy, page_size == 8192 ? "PRAGMA page_size = 4096" : "PRAGMA page_size = 8192");
    exec (copy, "VACUUM");
    g_assert_cmpint (xf_db_query_int64 (copy, "PRAGMA page_size", -1, NULL), !=, page_size);
  }
  exec (xf_store_get_db (store), "UPDATE pioneers SET name = '改过' WHERE id = 1");
  /* Another desk keeps the database open. */
  reader = xf_test_open_store_at (xf_db_get_path (xf_store_get_db (store)));
  {
    g_autofree char *seen = xf_test_query_text (reader, "SELECT name FROM pioneers WHERE id = 1");

    g_assert_cmpstr (seen, ==, "改过");
  }

  g_assert_true (xf_backup_restore (store, admin, path, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (store, "PRAGMA page_size"), ==, page_size);
  exec (xf_store_get_db (store), "DROP TRIGGER audit_log_no_delete");
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE action = 'restore'");
  restored = digest (reader);
  g_assert_cmpstr (restored, ==, original);

  /* No temporary file is left beside the database. */
  folder = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".restoring") || g_str_has_suffix (name, ".restoring-journal"));
}

static void
test_restore_cancelled (void)
{
  g_autofree char *dir = new_dir ("restore-cancel");
  g_autofree char *path = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress progress = { .cancel_at_first = cancellable };

  if (skip_on_postgresql ("restoring a SQLite file page by page"))
    return;

  store = open_filled_store (dir, 2000);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  exec (xf_store_get_db (store), "UPDATE pioneers SET name = '改过' WHERE id = 1");
  before = digest (store);

  /* Cancelled after the first step: the pages copied so far are rolled back. */
  g_assert_false (xf_backup_restore (store, admin, path, dir, NULL, progress_cb, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 2);
  after = digest (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 0);
}

/* Restores @bad into @store and asserts it is refused with @code and the database untouched. */
static void
assert_refused (XfStore    *store,
                const char *bad,
                const char *safety_folder,
                int         code,
                const char *words)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfBackupInfo) info = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *before = digest (store);
  g_autofree char *after = NULL;
  g_autofree char *file_before = file_sha256 (bad);
  g_autofree char *file_after = NULL;

  info = xf_backup_inspect (bad, &error);
  g_assert_no_error (error);
  g_assert_false (info->ok);
  g_assert_cmpuint (info->problems->len, >=, 1);

  g_assert_false (xf_backup_restore (store, admin, bad, safety_folder, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);

  after = digest (store);
  g_assert_cmpstr (after, ==, before);
  /* Refused before anything was done: no safety copy either. */
  entries = xf_backup_list (safety_folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  /* Inspecting touched nothing. */
  file_after = file_sha256 (bad);
  g_assert_cmpstr (file_after, ==, file_before);
}

static char *
copy_of (const char *path,
         const char *name)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char *copy = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

static void
test_refuses (void)
{
  g_autofree char *dir = new_dir ("refuse");
  g_autofree char *safety_folder = g_build_filename (dir, "safety", NULL);
  g_autofree char *path = g_build_filename (dir, "good.db", NULL);
  g_autofree char *corrupted = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *text = g_build_filename (dir, "text.db", NULL);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (skip_on_postgresql ("the refused files are SQLite backups"))
    return;

  store = open_filled_store (dir, 800);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Corrupted: the page headers of every b-tree page after the first flipped. */
  corrupted = copy_of (path, "corrupted.db");
  g_assert_true (g_file_get_contents (corrupted, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize page = 4096; page + 4096 <= length; page += 4096)
    for (guint k = 0; k < 8; k++)
      contents[page + k] ^= 0x5a;
  g_assert_true (g_file_set_contents (corrupted, contents, length, NULL));
  assert_refused (store, corrupted, safety_folder, XF_ERROR_CORRUPT, NULL);

  /* A newer schema. */
  newer = copy_of (path, "newer.db");
  {
    g_autoptr(XfDb) db = xf_db_open (newer, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (xf_db_set_schema_version (db, xf_store_get_latest_version () + 1, &error));
    exec (db, "PRAGMA journal_mode = DELETE");
  }
  assert_refused (store, newer, safety_folder, XF_ERROR_NEWER_SCHEMA, "newer");

  /* Somebody else's SQLite file, and no database at all. */
  {
    g_autoptr(XfDb) db = xf_db_open (foreign, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    exec (db, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
  }
  assert_refused (store, foreign, safety_folder, XF_ERROR_CORRUPT, "not a Xianfeng database");
  g_assert_true (g_file_set_contents (text, "name,birth\n王建国,1970\n", -1, NULL));
  assert_refused (store, text, safety_folder, XF_ERROR_CORRUPT, NULL);

  /* An audit chain that does not check out. */
  tampered = copy_of (path, "tampered.db");
  {
    g_autoptr(XfDb) db = xf_db_open (tampered, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    exec (db, "DROP TRIGGER audit_log_no_update");
    exec (db, "UPDATE audit_log SET new_value = '杭州' WHERE seq = 3");
    exec (db, "PRAGMA journal_mode = DELETE");
  }
  assert_refused (store, tampered, safety_folder, XF_ERROR_CORRUPT, "Audit chain");
}

/* The tables schema 8 adds, dependants first. */
static const char * const schema_8_tables[] = {
  "care_views", "care_records", "care_visits", "hardship_payments", "hardship_cases",
  "care_batch_members", "care_batches", "care_profiles", "care_programmes",
  "training_participants", "training_courses", "cultivation_reviews",
  "cultivation_goals", "cultivation_plans",
};

static void
test_restore_older_schema (void)
{
  g_autofree char *dir = new_dir ("older");
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  int latest = xf_store_get_latest_version ();

  if (skip_on_postgresql ("restoring a SQLite file"))
    return;

  /* A backup from before schema 8: without its cultivation and care tables. */
  store = open_filled_store (dir, 100);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(XfDb) db = xf_db_open (path, XF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (schema_8_tables); i++)
      {
        g_autofree char *drop = g_strdup_printf ("DROP TABLE %s", schema_8_tables[i]);

        exec (db, drop);
      }
    /* Schema 7: the restore brings it up through 8 and what follows. */
    g_assert_true (xf_db_set_schema_version (db, 7, &error));
    exec (db, "PRAGMA journal_mode = DELETE");
  }

  g_assert_true (xf_backup_restore (store, admin, path, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_db_get_schema_version (xf_store_get_db (store), &error), ==, latest);
  g_assert_true (xf_db_has_table (xf_store_get_db (store), "care_views"));
}

static void
test_pg_dump (void)
{
  g_autofree char *dir = new_dir ("pg");
  g_autofree char *path = g_build_filename (dir, "backup.dump", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.dump", NULL);
  g_autofree char *location = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("pg_dump and pg_restore need $XIANFENG_TEST_POSTGRESQL");
      return;
    }
  if (g_find_program_in_path ("pg_dump") == NULL && !g_file_test ("/usr/lib/postgresql", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("pg_dump is not installed");
      return;
    }

  store = open_filled_store (dir, 300);
  location = g_strdup (xf_db_get_path (xf_store_get_db (store)));
  original = digest (store);
  g_assert_true (xf_backup_database (store, admin, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  info = xf_backup_inspect (path, &error);
  g_assert_no_error (error);
  g_assert_true (info->ok);
  g_assert_cmpstr (info->format, ==, "pg_dump");
  g_assert_cmpint (info->schema_version, ==, xf_store_get_latest_version ());
  g_assert_true (g_uuid_string_is_valid (info->database_uid));

  /* A database that holds records is not replaced. */
  g_assert_false (xf_backup_restore (store, admin, path, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  /* A truncated archive is refused. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  g_clear_pointer (&info, xf_backup_info_free);
  info = xf_backup_inspect (truncated, &error);
  g_assert_no_error (error);
  g_assert_false (info->ok);

  /* The disaster: the schema is gone; a new, empty one of the same name gets the backup. */
  schema = xf_test_query_text (store, "SELECT current_schema()");
  {
    g_autofree char *drop = g_strdup_printf ("DROP SCHEMA \"%s\" CASCADE; CREATE SCHEMA \"%s\"", schema, schema);

    exec (xf_store_get_db (store), drop);
  }
  g_clear_object (&store);
  store = xf_test_open_store_at (location);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM pioneers"), ==, 0);
  g_assert_true (xf_backup_restore (store, admin, path, dir, &safety, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (safety, ".dump"));
  g_clear_object (&store);
  store = xf_test_open_store_at (location);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 1);
  exec (xf_store_get_db (store), "ALTER TABLE audit_log DISABLE TRIGGER USER");
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE action = 'restore'");
  restored = digest (store);
  g_assert_cmpstr (restored, ==, original);
}

/*
 * The folder: scheduled names, rotation, due
 */

static char *
stamp_name (gint64      utc_usec,
            const char *prefix)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (utc_usec / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");

  return g_strconcat (prefix, stamp, ".db", NULL);
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, name, -1, NULL));
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A password in the URL's user info or its query goes to pg_dump as
 * PGPASSWORD, never on its command line (which every user can read). */
static void
test_pg_password (void)
{
  static const char * const forms[][2] = {
    { "postgresql://%s:s3cr%%40t@%s", "s3cr@t" },
    { "postgresql://%s@%s&password=s3cr%%40t", "s3cr@t" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *script = NULL;
  g_autofree char *record = NULL;
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *location = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  const char *at, *slash;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("pg_dump runs for PostgreSQL only ($XIANFENG_TEST_POSTGRESQL)");
      return;
    }
  dir = new_dir ("pg-password");
  store = open_filled_store (dir, 10);
  location = g_strdup (xf_db_get_path (xf_store_get_db (store)));
  /* "postgresql://user@host:port/db?options=…": user and the rest. */
  at = strchr (location + strlen ("postgresql://"), '@');
  slash = strchr (location + strlen ("postgresql://"), '/');
  g_assert_nonnull (at);
  g_assert_true (at < slash);
  g_assert_nonnull (strchr (location, '?'));

  bin = g_build_filename (dir, "bin", NULL);
  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  script = g_build_filename (bin, "pg_dump", NULL);
  record = g_build_filename (dir, "record", NULL);
  {
    g_autofree char *text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$*\" \"PGPASSWORD=$PGPASSWORD\" > '%s'\nexit 1\n",
                                             record);

    g_assert_true (g_file_set_contents (script, text, -1, NULL));
    g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  }
  g_setenv ("PATH", bin, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *user = g_strndup (location + strlen ("postgresql://"),
                                         at - location - strlen ("postgresql://"));
      g_autofree char *url = g_strdup_printf (forms[i][0], user, at + 1);
      g_autofree char *path = g_build_filename (dir, "backup.dump", NULL);
      g_autofree char *recorded = NULL;
      g_autofree char *expected = g_strconcat ("PGPASSWORD=", forms[i][1], "\n", NULL);
      g_autoptr(XfStore) other = NULL;
      g_autoptr(GError) error = NULL;

      other = xf_store_open_existing (url, &error);
      g_assert_no_error (error);
      g_assert_false (xf_backup_database (other, admin, path, NULL, NULL, NULL, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_IO);
      g_assert_null (strstr (error->message, "s3cr"));
      g_assert_true (g_file_get_contents (record, &recorded, NULL, NULL));
      /* Only in the environment: its one mention is the PGPASSWORD line. */
      g_assert_true (strstr (recorded, "s3cr") == strstr (recorded, "PGPASSWORD=") + strlen ("PGPASSWORD="));
      g_assert_true (g_str_has_suffix (recorded, expected));
      /* The rest of the URL is passed on. */
      g_assert_nonnull (strstr (recorded, "options=-csearch_path"));
      g_assert_nonnull (strstr (recorded, "--dbname=postgresql://"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_unlink (record);
    }
  g_setenv ("PATH", old_path, TRUE);
}

static void
test_rotate (void)
{
  g_autofree char *dir = new_dir ("rotate");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  char *names[6];
  static const char * const others[] = {
    "notes.txt", "mine.db", "xianfeng-20200101-000000.db.partial", "xianfeng-2020-01-01.db",
    "xianfeng-20200101-000000-1.db",
  };
  g_autofree char *safety = stamp_name (now - 100 * G_TIME_SPAN_DAY, "xianfeng-before-restore-");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* Days 0, 1, … back, written in a mixed order. */
      names[i] = stamp_name (now - (gint64) ((i * 7) % 6) * G_TIME_SPAN_DAY, "xianfeng-");
      touch (dir, names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    touch (dir, others[i]);
  touch (dir, safety);

  entries = xf_backup_list (dir, &error);
  g_assert_no_error (error);
  /* .db files only: the six, the safety copy, mine.db and the two odd names. */
  g_assert_cmpuint (entries->len, ==, 10);
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (((XfBackupEntry *) g_ptr_array_index (entries, i - 1))->created_at, >=,
                     ((XfBackupEntry *) g_ptr_array_index (entries, i))->created_at);

  g_assert_true (xf_backup_rotate (dir, 2, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint age = (i * 7) % 6;

      g_assert_cmpint (exists (dir, names[i]), ==, age < 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_true (exists (dir, others[i]));
  g_assert_true (exists (dir, safety));

  /* At least one is always kept. */
  g_assert_true (xf_backup_rotate (dir, 0, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (exists (dir, names[i]), ==, (i * 7) % 6 == 0);
  g_assert_true (exists (dir, "mine.db"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (names[i]);
}

static void
test_is_due (void)
{
  g_autofree char *dir = new_dir ("due");
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *name = NULL;
  gint64 now = g_get_real_time ();
  gint64 hour = G_TIME_SPAN_HOUR;

  g_assert_true (xf_backup_is_due (missing, now));
  g_assert_true (xf_backup_is_due (dir, now));
  /* Files not named by the schedule do not count. */
  touch (dir, "mine.db");
  touch (dir, "xianfeng-before-restore-20991231-000000.db");
  g_assert_true (xf_backup_is_due (dir, now));

  name = stamp_name (now - 2 * hour, "xianfeng-");
  touch (dir, name);
  g_assert_false (xf_backup_is_due (dir, now));
  g_assert_false (xf_backup_is_due (dir, now + 21 * hour));
  g_assert_true (xf_backup_is_due (dir, now + 23 * hour));

  /* One named while the clock was a month ahead does not stop the daily
   * backups for that month; one a few minutes ahead still counts. */
  {
    g_autofree char *skewed = new_dir ("due-skewed");
    g_autofree char *ahead = stamp_name (now + 30 * 24 * hour, "xianfeng-");
    g_autofree char *soon = stamp_name (now + G_TIME_SPAN_MINUTE * 5, "xianfeng-");

    touch (skewed, ahead);
    g_assert_true (xf_backup_is_due (skewed, now));
    touch (skewed, soon);
    g_assert_false (xf_backup_is_due (skewed, now));
  }
}

static void
test_run_scheduled (void)
{
  g_autofree char *dir = new_dir ("scheduled");
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(XfStore) store = open_filled_store (dir, 100);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(XfBackupInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *old = stamp_name (g_get_real_time () - 3 * G_TIME_SPAN_DAY, "xianfeng-");
  g_autofree char *older = stamp_name (g_get_real_time () - 4 * G_TIME_SPAN_DAY, "xianfeng-");

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  touch (folder, old);
  touch (folder, older);
  touch (folder, "notes.db");

  path = xf_backup_run_scheduled (store, admin, folder, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, folder));
  info = xf_backup_inspect (path, &error);
  g_assert_no_error (error);
  g_assert_true (info->ok);

  /* Rotated: the new one and the newest old one; notes.db stays. */
  g_assert_true (exists (folder, old));
  g_assert_false (exists (folder, older));
  g_assert_true (exists (folder, "notes.db"));
  entries = xf_backup_list (folder, &error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((XfBackupEntry *) g_ptr_array_index (entries, 0))->path, ==, path);
  g_assert_true (((XfBackupEntry *) g_ptr_array_index (entries, 0))->scheduled);

  /* Not due again within the day. */
  again = xf_backup_run_scheduled (store, admin, folder, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (again);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'backup'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = xf_test_make_dir ();
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/backup/online-while-writing", test_online_while_writing);
  g_test_add_func ("/core/backup/cancelled-and-failed", test_cancelled_and_failed);
  g_test_add_func ("/core/backup/permission", test_permission);
  g_test_add_func ("/core/backup/refuses-own-path", test_refuses_own_path);
  g_test_add_func ("/core/backup/restore/round-trip", test_round_trip);
  g_test_add_func ("/core/backup/restore/chain", test_round_trip_chain);
  g_test_add_func ("/core/backup/restore/into-other", test_restore_into_other);
  g_test_add_func ("/core/backup/restore/page-size", test_restore_page_size);
  g_test_add_func ("/core/backup/restore/cancelled", test_restore_cancelled);
  g_test_add_func ("/core/backup/restore/refuses", test_refuses);
  g_test_add_func ("/core/backup/restore/older-schema", test_restore_older_schema);
  g_test_add_func ("/core/backup/pg-dump", test_pg_dump);
  g_test_add_func ("/core/backup/pg-password", test_pg_password);
  g_test_add_func ("/core/backup/rotate", test_rotate);
  g_test_add_func ("/core/backup/is-due", test_is_due);
  g_test_add_func ("/core/backup/run-scheduled", test_run_scheduled);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
