/* xf-backup.c — online backups, inspection and restore
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-audit-private.h"
#include "xf-backup.h"
#include "xf-backup-private.h"
#include "xf-check-private.h"
#include "xf-error.h"
#include "xf-permission.h"

/*
 * A backup is written to "PATH.partial", checked, fsynced and renamed, so
 * PATH is either the old file or a whole, checked new one. The scheduled
 * part (names, listing, rotation) is in xf-backup-schedule.c; the
 * PostgreSQL programs are run by xf-backup-pg.c.
 */

#define SQLITE_MAGIC "SQLite format 3"
#define PG_DUMP_MAGIC "PGDMP"

void
xf_backup_info_free (XfBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->format);
  g_free (info->database_uid);
  g_clear_pointer (&info->problems, g_ptr_array_unref);
  g_free (info);
}

static gboolean
is_postgresql (XfStore *store)
{
  return xf_db_get_backend (xf_store_get_db (store)) == XF_DB_BACKEND_POSTGRESQL;
}

/* Flushes @path (a file or a folder) to the disk. */
static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = g_open (path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  /* Some file systems cannot sync a folder; the file itself was synced. */
  if (folder && (saved_errno == EINVAL || saved_errno == EBADF))
    return TRUE;
  return xf_error_set_write_failed (error, path, g_strerror (saved_errno));
}

/* Removes @partial and what SQLite may have left beside it. */
static void
remove_partial (const char *partial)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (partial, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Checks the SQLite copy at @partial: readable, intact, our schema. */
static gboolean
check_sqlite_copy (const char  *partial,
                   const char  *path,
                   int          expected_version,
                   GError     **error)
{
  g_autoptr(XfDb) copy = xf_db_open (partial, XF_DB_OPEN_READ_ONLY, error);
  g_autofree char *detail = NULL;
  int result;
  int version;

  if (copy == NULL)
    return FALSE;
  result = _xf_check_integrity (copy, &detail, error);
  if (result < 0)
    return FALSE;
  if (result == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The backup “%s” did not pass the integrity check (%s); it was not kept"),
                   path, detail);
      return FALSE;
    }
  version = xf_db_get_schema_version (copy, error);
  if (version < 0)
    return FALSE;
  if (version != expected_version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The backup “%s” has schema %d instead of %d; it was not kept"),
                   path, version, expected_version);
      return FALSE;
    }
  return TRUE;
}

/* Sets the database's uid back to @uid. */
static gboolean
set_database_uid (XfDb        *db,
                  const char  *uid,
                  GError     **error)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "UPDATE database_info SET value = $1 WHERE key = 'uid'", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  return xf_db_stmt_run (stmt, error);
}

/* Appends @action about the database; with @keep_uid, first gives the
 * database that uid again, in the same transaction. */
static gboolean
append_event (XfStore     *store,
              XfAccount   *actor,
              const char  *action,
              const char  *new_value,
              const char  *keep_uid,
              GError     **error)
{
  XfDb *db = xf_store_get_db (store);
  g_autofree char *uid = NULL;

  if (!xf_db_begin (db, error))
    return FALSE;
  if ((keep_uid != NULL && !set_database_uid (db, keep_uid, error)) ||
      (uid = _xf_audit_get_database_uid (db, error)) == NULL ||
      !xf_audit_append_change (db, actor, action, "database", uid, xf_db_get_display_name (db),
                               NULL, NULL, new_value, error))
    {
      xf_db_rollback (db);
      return FALSE;
    }
  return xf_db_commit (db, error);
}

/* @path with its folder's links resolved (and its own, when it exists). */
static char *
resolve_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *real_folder = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    return real;
  real_folder = realpath (folder, NULL);
  return real_folder != NULL ? g_build_filename (real_folder, name, NULL) : NULL;
}

/* Whether @path is the SQLite file of @db or one SQLite keeps beside it:
 * the backup would be renamed over the live database. */
static gboolean
is_database_file (XfDb       *db,
                  const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };
  g_autofree char *target = NULL;
  g_autofree char *live = NULL;

  if (xf_db_get_backend (db) != XF_DB_BACKEND_SQLITE)
    return FALSE;
  target = resolve_path (path);
  live = resolve_path (xf_db_get_path (db));
  if (target == NULL || live == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (live, suffixes[i], NULL);

      if (g_str_equal (target, file))
        return TRUE;
    }
  return FALSE;
}

/*
 * Writes the backup of @store to @path through "@path.partial", without
 * checking permissions. @how ("by hand", "scheduled", NULL for a safety
 * copy, which is not audited on its own) goes into the audit entry.
 */
gboolean
_xf_backup_write (XfStore              *store,
                  XfAccount            *actor,
                  const char           *path,
                  const char           *how,
                  XfBackupProgressFunc  progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GTimer) timer = g_timer_new ();
  XfDb *db = xf_store_get_db (store);
  gboolean ok;

  if (is_database_file (db, path))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("“%s” is the database itself; a backup must go to another file"), path);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *reason = g_strdup_printf (_("the folder “%s” does not exist"), folder);

      return xf_error_set_write_failed (error, path, reason);
    }
  if (g_access (folder, W_OK) != 0)
    {
      int saved_errno = errno;
      g_autofree char *reason = g_strdup_printf (_("the folder “%s” cannot be written to (%s)"),
                                                 folder, g_strerror (saved_errno));

      return xf_error_set_write_failed (error, path, reason);
    }
  /* A partial file is ours: one left by a crash goes. */
  remove_partial (partial);
  if (is_postgresql (store))
    ok = _xf_backup_pg_dump (db, partial, cancellable, error) &&
         _xf_backup_pg_check (partial, path, error);
  else
    ok = xf_db_backup_to (db, partial, progress, user_data, cancellable, error) &&
         check_sqlite_copy (partial, path, xf_store_get_schema_version (store), error);
  ok = ok && sync_path (partial, FALSE, error);
  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      ok = xf_error_set_write_failed (error, path, g_strerror (saved_errno));
    }
  if (!ok)
    {
      remove_partial (partial);
      /* The temporary name means nothing to the reader: the backup's does. */
      if (error != NULL && *error != NULL && strstr ((*error)->message, partial) != NULL)
        {
          g_autoptr(GString) message = g_string_new ((*error)->message);

          g_string_replace (message, partial, path, 0);
          g_free ((*error)->message);
          (*error)->message = g_string_free (g_steal_pointer (&message), FALSE);
        }
      return FALSE;
    }
  sync_path (folder, TRUE, NULL);
  g_debug ("Backed up %s to %s in %.2f s", xf_db_get_display_name (db), path,
           g_timer_elapsed (timer, NULL));

  if (how != NULL && !xf_store_is_read_only (store))
    {
      g_autofree char *value = g_strdup_printf ("%s, %s", name, how);
      g_autoptr(GError) local_error = NULL;

      if (!append_event (store, actor, XF_AUDIT_BACKUP, value, NULL, error))
        return FALSE;
      /* The head outside the database follows each backup; a chain that
       * no longer holds it is the check's business, not the backup's. */
      if (!xf_audit_record_head (store, &local_error))
        g_debug ("%s", local_error->message);
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/**
 * xf_backup_database:
 * @store: the database
 * @actor: the acting account (XF_OP_DATABASE_ADMIN)
 * @path: the backup file, created or replaced
 * @progress: (nullable) (scope call): 0..1
 * @cancellable: (nullable): a cancelled backup leaves no file
 *
 * Backs up the database while it is in use. See xf-backup.h.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_backup_database (XfStore              *store,
                    XfAccount            *actor,
                    const char           *path,
                    XfBackupProgressFunc  progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_DATABASE_ADMIN, NULL, error))
    return FALSE;
  return _xf_backup_write (store, actor, path, "by hand", progress, user_data, cancellable, error);
}

/*
 * Inspecting
 */

static void
add_problem (XfBackupInfo *info,
             char         *problem)
{
  g_ptr_array_add (info->problems, problem);
  info->ok = FALSE;
}

/* The first bytes of @path, to tell a SQLite file from a pg_dump archive. */
static char *
read_format (const char  *path,
             GError     **error)
{
  char head[16] = { 0 };
  FILE *file = g_fopen (path, "rb");
  size_t n;

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, XF_ERROR, saved_errno == ENOENT ? XF_ERROR_NOT_FOUND : XF_ERROR_IO,
                   _("The backup “%s” could not be read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  n = fread (head, 1, sizeof head, file);
  fclose (file);
  if (n == sizeof head && memcmp (head, SQLITE_MAGIC, sizeof SQLITE_MAGIC) == 0)
    return g_strdup ("sqlite");
  if (n >= strlen (PG_DUMP_MAGIC) && memcmp (head, PG_DUMP_MAGIC, strlen (PG_DUMP_MAGIC)) == 0)
    return g_strdup ("pg_dump");
  return g_strdup ("unknown");
}

static void
inspect_schema (XfBackupInfo *info)
{
  int latest = xf_store_get_latest_version ();

  if (info->schema_version <= 0)
    add_problem (info, g_strdup_printf (_("“%s” is not a Xianfeng database"), info->path));
  else if (info->schema_version > latest)
    add_problem (info, g_strdup_printf (_("“%s” was written by a newer version of Xianfeng "
                                          "(schema %d; this version knows up to %d)"),
                                        info->path, info->schema_version, latest));
}

static void
inspect_sqlite (XfBackupInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) db = xf_db_open (info->path, XF_DB_OPEN_READ_ONLY, &error);
  g_autoptr(XfAuditVerification) verification = NULL;
  g_autofree char *detail = NULL;
  int result;

  if (db == NULL)
    {
      add_problem (info, g_strdup (error->message));
      return;
    }

  result = _xf_check_integrity (db, &detail, &error);
  if (result != 1)
    {
      add_problem (info, result < 0 ? g_strdup (error->message)
                                    : g_strdup_printf (_("Integrity: %s"), detail));
      return;
    }

  info->schema_version = xf_db_get_schema_version (db, NULL);
  if (info->schema_version <= 0 || !xf_db_has_table (db, "database_info") ||
      !xf_db_has_table (db, "audit_log"))
    {
      info->schema_version = MAX (info->schema_version, 0);
      add_problem (info, g_strdup_printf (_("“%s” is not a Xianfeng database"), info->path));
      return;
    }
  inspect_schema (info);
  if (!info->ok)
    return;

  g_clear_pointer (&detail, g_free);
  result = _xf_check_foreign_keys (db, &detail, &error);
  if (result != 1)
    {
      add_problem (info, result < 0 ? g_strdup (error->message)
                                    : g_strdup_printf (_("Foreign keys: %s"), detail));
      g_clear_error (&error);
    }

  info->database_uid = _xf_audit_get_database_uid (db, NULL);
  info->pioneers = xf_db_query_int64 (db, "SELECT count(*) FROM pioneers", -1, NULL);
  info->audit_entries = xf_db_query_int64 (db, "SELECT count(*) FROM audit_log", -1, NULL);

  verification = _xf_audit_verify_chain (db, NULL, &error);
  if (verification == NULL)
    add_problem (info, g_strdup (error->message));
  else if (verification->problem != XF_AUDIT_OK)
    add_problem (info, g_strdup_printf (_("Audit chain: %s"), verification->message));
}

static void
inspect_pg_dump (XfBackupInfo *info)
{
  g_autoptr(GError) error = NULL;

  if (!_xf_backup_pg_read (info->path, &info->schema_version, &info->database_uid, &error))
    {
      add_problem (info, g_strdup (error->message));
      return;
    }
  inspect_schema (info);
}

/**
 * xf_backup_inspect:
 * @path: a backup file
 *
 * Opens a backup read-only and runs the checks a restore makes, touching
 * no database. See xf-backup.h.
 *
 * Returns: (transfer full): what the backup is, with its problems, or
 *   %NULL with @error set when the file cannot be read at all
 */
XfBackupInfo *
xf_backup_inspect (const char  *path,
                   GError     **error)
{
  g_autoptr(XfBackupInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  format = read_format (path, error);
  if (format == NULL)
    return NULL;

  file = g_file_new_for_path (path);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                 G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (file_info == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The backup “%s” could not be read: %s"),
                   path, local_error->message);
      return NULL;
    }

  info = g_new0 (XfBackupInfo, 1);
  info->path = g_strdup (path);
  info->format = g_steal_pointer (&format);
  info->size = g_file_info_get_size (file_info);
  info->created_at = (gint64) g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                     * G_USEC_PER_SEC;
  info->pioneers = -1;
  info->audit_entries = -1;
  info->ok = TRUE;
  info->problems = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (info->format, "sqlite"))
    inspect_sqlite (info);
  else if (g_str_equal (info->format, "pg_dump"))
    inspect_pg_dump (info);
  else
    add_problem (info, g_strdup_printf (_("“%s” is neither a Xianfeng database nor a pg_dump archive"),
                                        path));
  return g_steal_pointer (&info);
}

/*
 * Restoring
 */

/* XF_ERROR_CORRUPT or _NEWER_SCHEMA, naming the file and its first problem. */
static gboolean
refuse (const XfBackupInfo  *info,
        GError             **error)
{
  const char *problem = info->problems->len > 0 ? g_ptr_array_index (info->problems, 0) : "";

  g_set_error (error, XF_ERROR,
               info->schema_version > xf_store_get_latest_version () ? XF_ERROR_NEWER_SCHEMA
                                                                     : XF_ERROR_CORRUPT,
               _("The backup “%s” cannot be restored: %s"), info->path, problem);
  return FALSE;
}

/* Brings a restored older schema up to date, as opening it would. */
static gboolean
migrate_restored (XfStore  *store,
                  int       restored_version,
                  GError  **error)
{
  g_autoptr(XfStore) again = NULL;

  if (restored_version >= xf_store_get_latest_version ())
    return TRUE;
  again = xf_store_open_existing (xf_db_get_path (xf_store_get_db (store)), error);
  return again != NULL;
}

/**
 * xf_backup_restore:
 * @store: the database whose content is replaced
 * @actor: the acting account (XF_OP_DATABASE_ADMIN)
 * @backup_path: the backup to restore
 * @safety_folder: (nullable): where the safety copy goes; NULL: the default folder
 * @safety_copy: (out) (optional): the safety copy's path
 * @progress: (nullable) (scope call): 0..1
 * @cancellable: (nullable): a cancelled restore changes nothing
 *
 * Checks the backup, saves the current database as a safety copy, then
 * replaces the content. See xf-backup.h.
 *
 * Returns: %TRUE, or %FALSE with @error set (the database as it was)
 */
gboolean
xf_backup_restore (XfStore              *store,
                   XfAccount            *actor,
                   const char           *backup_path,
                   const char           *safety_folder,
                   char                **safety_copy,
                   XfBackupProgressFunc  progress,
                   gpointer              user_data,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autoptr(XfBackupInfo) info = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *value = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *safety_name = NULL;
  g_autofree char *live_uid = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean postgresql;
  XfDb *db;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_DATABASE_ADMIN, NULL, error))
    return FALSE;

  db = xf_store_get_db (store);
  postgresql = is_postgresql (store);
  if (xf_store_is_read_only (store))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only; a backup cannot be restored into it"),
                   xf_db_get_display_name (db));
      return FALSE;
    }

  info = xf_backup_inspect (backup_path, error);
  if (info == NULL)
    return FALSE;
  if (!info->ok)
    return refuse (info, error);
  if (g_str_equal (info->format, "pg_dump") != postgresql)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   postgresql ? _("The backup “%s” is a SQLite file; a PostgreSQL database is restored from a pg_dump archive")
                              : _("The backup “%s” is a pg_dump archive; restore it into a PostgreSQL database"),
                   backup_path);
      return FALSE;
    }
  if (postgresql && !_xf_backup_pg_check_empty (db, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The safety copy first: nothing is replaced that is not kept. */
  folder = safety_folder != NULL ? g_strdup (safety_folder) : xf_backup_default_folder ();
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      return xf_error_set_write_failed (error, folder, g_strerror (saved_errno));
    }
  /* The uid this database keeps; none readable: the backup's. */
  live_uid = _xf_audit_get_database_uid (db, NULL);
  safety = _xf_backup_new_name (folder, "xianfeng-before-restore-", postgresql);
  if (!_xf_backup_write (store, actor, safety, NULL, NULL, NULL, cancellable, error))
    return FALSE;

  if (postgresql)
    {
      if (!_xf_backup_pg_restore (db, backup_path, cancellable, error))
        return FALSE;
    }
  else if (!xf_db_restore_from (db, backup_path, progress, user_data, cancellable, error))
    return FALSE;

  if (!migrate_restored (store, info->schema_version, error))
    return FALSE;

  backup_name = g_path_get_basename (backup_path);
  safety_name = g_path_get_basename (safety);
  /* Restored into another database (a new file, say, while the original
   * goes on): the target keeps its uid, or the two would share, and
   * overwrite, one recorded audit head. */
  if (live_uid != NULL && info->database_uid != NULL && !g_str_equal (live_uid, info->database_uid))
    value = g_strdup_printf ("%s; safety copy %s; from database %s", backup_name, safety_name,
                             info->database_uid);
  else
    value = g_strdup_printf ("%s; safety copy %s", backup_name, safety_name);
  if (!append_event (store, actor, XF_AUDIT_RESTORE, value, live_uid, error))
    return FALSE;
  /* The database went back to the backup's chain: its head is the one to keep now. */
  if (!_xf_audit_reset_head (db, &local_error))
    g_debug ("%s", local_error->message);

  g_debug ("Restored %s from %s; the database before is in %s",
             xf_db_get_display_name (db), backup_path, safety);
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&safety);
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
