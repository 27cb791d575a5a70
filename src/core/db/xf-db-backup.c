/* xf-db-backup.c — SQLite's online backup API behind xf_db_backup_to/xf_db_restore_from
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "xf-db-private.h"
#include "xf-error.h"

/*
 * Both directions copy pages with sqlite3_backup_step, PAGES_PER_STEP at a
 * time. Between steps the source is free for other connections (a write
 * by another connection makes SQLite start the copy again, which the
 * progress shows), the cancellable is checked and progress reported. A
 * busy or locked database is waited for, BUSY_WAIT_MS at a time, for at
 * most BUSY_TRIES steps in a row. A source written to so often that the
 * copy started again MAX_RESTARTS times is then copied in one step: one
 * read transaction, which in WAL mode does not stop the writers.
 *
 * Restoring holds the live database's write lock from the first step to
 * the last and commits once: other connections see the old content or
 * the new, never a mixture.
 */

#define PAGES_PER_STEP 256
#define BUSY_WAIT_MS   20
#define BUSY_TRIES     500   /* 10 s */
#define MAX_RESTARTS   3

/* An error about @file, the copy's other end (not the live database). */
static void
set_file_error (const char  *file,
                sqlite3     *handle,
                int          rc,
                const char  *detail,
                GError     **error)
{
  /* A write refused for want of space (or past a file-size limit). */
  if (_xf_db_sqlite_is_disk_full (handle, rc))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The disk is full: “%s” could not be written; nothing was changed"), file);
      return;
    }
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The file “%s” is damaged or is not a database (%s)"), file, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The file “%s” is read-only and cannot be written"), file);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The file “%s” is busy in another program; try again"), file);
      break;
    default:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The file “%s” could not be read or written (%s)"), file, detail);
      break;
    }
}

static gboolean
check_sqlite (XfDb    *self,
              GError **error)
{
  if (xf_db_get_backend (self) != XF_DB_BACKEND_SQLITE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The database “%s” is on a PostgreSQL server; it is backed up with pg_dump"),
                   xf_db_get_display_name (self));
      return FALSE;
    }
  if (xf_db_in_transaction (self))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The database “%s” cannot be copied inside a transaction"),
                   xf_db_get_display_name (self));
      return FALSE;
    }
  return TRUE;
}

/* Opens @path for the copy; on failure @error names it. */
static sqlite3 *
open_file (const char  *path,
           int          flags,
           GError     **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, flags, NULL);

  if (rc != SQLITE_OK)
    {
      set_file_error (path, handle, rc, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc), error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  return handle;
}

/*
 * Copies @src into @dest. @live is the XfDb among the two; @file names the
 * other. @file_is_dest says which end @file is, so that an error lands on
 * the right one: a damaged source, a full disk at the destination.
 */
static gboolean
copy_pages (XfDb                 *live,
            sqlite3              *dest,
            sqlite3              *src,
            const char           *file,
            gboolean              file_is_dest,
            XfDbCopyProgressFunc  progress,
            gpointer              user_data,
            GCancellable         *cancellable,
            GError              **error)
{
  sqlite3_backup *backup;
  sqlite3 *file_handle = file_is_dest ? dest : src;
  guint busy = 0;
  guint restarts = 0;
  int last_remaining = -1;
  int rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (dest);
      if (file_is_dest)
        set_file_error (file, dest, rc, sqlite3_errmsg (dest), error);
      else
        _xf_db_sqlite_set_error (live, rc, error);
      return FALSE;
    }

  if (progress != NULL)
    progress (0.0, user_data);
  for (;;)
    {
      int remaining, total;

      rc = sqlite3_backup_step (backup, restarts < MAX_RESTARTS ? PAGES_PER_STEP : -1);
      remaining = sqlite3_backup_remaining (backup);
      if (last_remaining >= 0 && remaining > last_remaining)
        restarts++;
      last_remaining = remaining;
      total = sqlite3_backup_pagecount (backup);
      if (rc == SQLITE_DONE)
        break;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          if (++busy > BUSY_TRIES)
            break;
          sqlite3_sleep (BUSY_WAIT_MS);
        }
      else if (rc == SQLITE_OK)
        busy = 0;
      else
        break;
      if (progress != NULL && total > 0)
        progress (1.0 - (double) remaining / total, user_data);
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }
    }

  /* finish gives the step's error again; the code of the step is the one to report. */
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      int kind = rc & 0xff;
      gboolean file_side = file_is_dest ? kind != SQLITE_CORRUPT && kind != SQLITE_NOTADB
                                        : kind == SQLITE_CORRUPT || kind == SQLITE_NOTADB;

      if (file_side)
        set_file_error (file, file_handle, rc, sqlite3_errmsg (file_handle), error);
      else
        _xf_db_sqlite_set_error (live, rc, error);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* Removes @path and what SQLite may have left beside it. */
static void
remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * xf_db_backup_to:
 * @self: a SQLite database
 * @path: the file to write (created or replaced)
 * @progress: (nullable) (scope call): 0..1
 * @cancellable: (nullable): checked between steps
 *
 * Copies the whole database into @path while other connections keep
 * working. A file that did not exist before is removed again when the
 * copy fails or is cancelled. See xf-db.h.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_db_backup_to (XfDb                 *self,
                 const char           *path,
                 XfDbCopyProgressFunc  progress,
                 gpointer              user_data,
                 GCancellable         *cancellable,
                 GError              **error)
{
  gboolean existed;
  sqlite3 *dest;
  gboolean ok;

  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_sqlite (self, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  dest = open_file (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dest == NULL)
    return FALSE;
  ok = copy_pages (self, dest, _xf_db_sqlite_get_handle (self), path, TRUE,
                   progress, user_data, cancellable, error);
  /* The copy took the source's WAL mode; a backup is one self-contained file. */
  if (ok)
    {
      int rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          set_file_error (path, dest, rc, sqlite3_errmsg (dest), error);
          ok = FALSE;
        }
    }
  if (sqlite3_close (dest) != SQLITE_OK && ok)
    {
      set_file_error (path, dest, sqlite3_extended_errcode (dest), sqlite3_errmsg (dest), error);
      sqlite3_close_v2 (dest);
      ok = FALSE;
    }
  if (!ok && !existed)
    remove_files (path);
  return ok;
}

static int
page_size (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int size = 0;

  if (sqlite3_prepare_v2 (handle, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/*
 * Copies @src (the file @path) into @temporary with pages of @size bytes:
 * page by page, then VACUUMed in rollback mode, the one mode in which the
 * page size can change. Returns the copy, open, or NULL with @error.
 */
static sqlite3 *
convert_page_size (XfDb          *live,
                   sqlite3       *src,
                   const char    *path,
                   const char    *temporary,
                   int            size,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d; VACUUM", size);
  sqlite3 *copy = open_file (temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  int rc;

  if (copy == NULL)
    return NULL;
  if (!copy_pages (live, copy, src, path, FALSE, NULL, NULL, cancellable, error))
    {
      sqlite3_close_v2 (copy);
      return NULL;
    }
  rc = sqlite3_exec (copy, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK || page_size (copy) != size)
    {
      set_file_error (temporary, copy, rc != SQLITE_OK ? rc : SQLITE_ERROR, sqlite3_errmsg (copy), error);
      sqlite3_close_v2 (copy);
      return NULL;
    }
  return copy;
}

/**
 * xf_db_restore_from:
 * @self: a SQLite database, outside a transaction
 * @path: the SQLite file whose content replaces @self's
 * @progress: (nullable) (scope call): 0..1
 * @cancellable: (nullable): checked between steps; a cancelled restore
 *   changes nothing
 *
 * Replaces the whole content of @self with @path's in one commit. The
 * caller checks @path first (xf_backup_inspect). See xf-db.h.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_db_restore_from (XfDb                 *self,
                    const char           *path,
                    XfDbCopyProgressFunc  progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_autofree char *temporary = NULL;
  sqlite3 *src;
  sqlite3 *converted;
  gboolean ok;
  int live_size;

  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_sqlite (self, error))
    return FALSE;
  if (xf_db_is_read_only (self))
    {
      _xf_db_sqlite_set_error (self, SQLITE_READONLY, error);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist"), path);
      return FALSE;
    }

  src = open_file (path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return FALSE;
  live_size = page_size (_xf_db_sqlite_get_handle (self));
  if (page_size (src) != live_size)
    {
      /* A WAL database cannot change its page size: a copy with ours. */
      temporary = g_strconcat (xf_db_get_path (self), ".restoring", NULL);
      remove_files (temporary);
      converted = convert_page_size (self, src, path, temporary, live_size, cancellable, error);
      sqlite3_close_v2 (src);
      src = converted;
      if (src == NULL)
        {
          remove_files (temporary);
          return FALSE;
        }
    }
  ok = copy_pages (self, _xf_db_sqlite_get_handle (self), src, path, FALSE,
                   progress, user_data, cancellable, error);
  sqlite3_close_v2 (src);
  if (temporary != NULL)
    remove_files (temporary);
  return ok;
}
