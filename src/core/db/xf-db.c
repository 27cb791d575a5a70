/* xf-db.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "xf-db.h"
#include "xf-error.h"

struct _XfDb
{
  GObject  parent_instance;
  sqlite3 *handle;
  char    *path;
  guint    read_only : 1;
  guint    in_transaction : 1;
};

struct _XfDbStmt
{
  XfDb         *db;
  sqlite3_stmt *handle;
};

G_DEFINE_FINAL_TYPE (XfDb, xf_db, G_TYPE_OBJECT)

static void
xf_db_finalize (GObject *object)
{
  XfDb *self = (XfDb *) object;

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (xf_db_parent_class)->finalize (object);
}

static void
xf_db_class_init (XfDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_db_finalize;
}

static void
xf_db_init (XfDb *self)
{
}

/* Maps an SQLite result code to our error domain with a message a user can act on. */
static void
set_error_from_code (XfDb       *self,
                     int         rc,
                     GError    **error)
{
  const char *detail = self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The database “%s” is damaged or is not a Xianfeng database (%s)"),
                   self->path, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only; changes cannot be saved"),
                   self->path);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The database “%s” could not be read or written (%s)"),
                   self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The database “%s” is busy in another program; try again"),
                   self->path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s)"), detail);
      break;
    default:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("Database error in “%s”: %s"), self->path, detail);
      break;
    }
}

/**
 * xf_db_open:
 * @path: a file path, or ":memory:"
 *
 * Opens (and with default flags creates) an SQLite database with foreign
 * keys, WAL journaling and a busy timeout.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
XfDb *
xf_db_open (const char     *path,
            XfDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(XfDb) self = NULL;
  int sqlite_flags = SQLITE_OPEN_FULLMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XF_TYPE_DB, NULL);
  self->path = g_strdup (path);

  if (flags & XF_DB_OPEN_READ_ONLY)
    sqlite_flags |= SQLITE_OPEN_READONLY;
  else if (flags & XF_DB_OPEN_NO_CREATE)
    sqlite_flags |= SQLITE_OPEN_READWRITE;
  else
    sqlite_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  if (g_strcmp0 (path, ":memory:") != 0 && !(sqlite_flags & SQLITE_OPEN_CREATE) &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist"), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->handle, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      /* A file we may not write is still worth reading. */
      if ((rc & 0xff) == SQLITE_CANTOPEN && !(flags & XF_DB_OPEN_READ_ONLY) &&
          g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
        {
          sqlite3_close_v2 (self->handle);
          self->handle = NULL;
          return xf_db_open (path, flags | XF_DB_OPEN_READ_ONLY, error);
        }
      set_error_from_code (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  self->read_only = sqlite3_db_readonly (self->handle, "main") == 1;

  /* Reading the schema catches a file that is not a database at all. */
  if (!xf_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (xf_db_query_int64 (self, "SELECT count(*) FROM sqlite_master", -1, error) < 0)
    return NULL;
  if (!self->read_only && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!xf_db_exec (self, "PRAGMA journal_mode = WAL", &local_error))
        {
          /* A read-only directory refuses the WAL file; keep going read-only. */
          if (g_error_matches (local_error, XF_ERROR, XF_ERROR_READ_ONLY))
            self->read_only = TRUE;
          else
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      xf_db_exec (self, "PRAGMA synchronous = NORMAL", NULL);
    }

  return g_steal_pointer (&self);
}

const char *
xf_db_get_path (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), NULL);
  return self->path;
}

gboolean
xf_db_is_read_only (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), TRUE);
  return self->read_only;
}

gboolean
xf_db_exec (XfDb        *self,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * xf_db_prepare:
 *
 * Returns: (transfer full): a statement to free with xf_db_stmt_free(), or %NULL
 */
XfDbStmt *
xf_db_prepare (XfDb        *self,
               const char  *sql,
               GError     **error)
{
  XfDbStmt *stmt;
  sqlite3_stmt *handle = NULL;
  int rc;

  g_return_val_if_fail (XF_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &handle, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self, rc, error);
      return NULL;
    }

  stmt = g_new0 (XfDbStmt, 1);
  stmt->db = g_object_ref (self);
  stmt->handle = handle;
  return stmt;
}

gint64
xf_db_last_insert_id (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), 0);
  return sqlite3_last_insert_rowid (self->handle);
}

int
xf_db_changes (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), 0);
  return sqlite3_changes (self->handle);
}

gboolean
xf_db_begin (XfDb    *self,
             GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      set_error_from_code (self, SQLITE_READONLY, error);
      return FALSE;
    }
  /* IMMEDIATE takes the write lock now, so a conflict shows before any work. */
  if (!xf_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
xf_db_commit (XfDb    *self,
              GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!xf_db_exec (self, "COMMIT", error))
    {
      xf_db_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
xf_db_rollback (XfDb *self)
{
  g_return_if_fail (XF_IS_DB (self));

  if (!self->in_transaction)
    return;
  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
xf_db_in_transaction (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->in_transaction;
}

/* Runs a one-value query; returns @fallback when it yields no row or fails. */
gint64
xf_db_query_int64 (XfDb        *self,
                   const char  *sql,
                   gint64       fallback,
                   GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (self, sql, error);
  if (stmt == NULL)
    return fallback;
  step = xf_db_stmt_step (stmt, error);
  if (step != XF_DB_STEP_ROW)
    return fallback;
  return xf_db_stmt_column_int64 (stmt, 0);
}

void
xf_db_stmt_free (XfDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_finalize (stmt->handle);
  g_clear_object (&stmt->db);
  g_free (stmt);
}

void
xf_db_stmt_reset (XfDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);
  sqlite3_reset (stmt->handle);
  sqlite3_clear_bindings (stmt->handle);
}

/* $N in the SQL is a named parameter to SQLite; find its real slot. */
static int
param_index (XfDbStmt *stmt,
             int       param)
{
  char name[16];
  int index;

  g_snprintf (name, sizeof name, "$%d", param);
  index = sqlite3_bind_parameter_index (stmt->handle, name);
  return index > 0 ? index : param;
}

void
xf_db_stmt_bind_int64 (XfDbStmt *stmt,
                       int       param,
                       gint64    value)
{
  g_return_if_fail (stmt != NULL);
  sqlite3_bind_int64 (stmt->handle, param_index (stmt, param), value);
}

void
xf_db_stmt_bind_double (XfDbStmt *stmt,
                        int       param,
                        double    value)
{
  g_return_if_fail (stmt != NULL);
  sqlite3_bind_double (stmt->handle, param_index (stmt, param), value);
}

void
xf_db_stmt_bind_text (XfDbStmt   *stmt,
                      int         param,
                      const char *value)
{
  g_return_if_fail (stmt != NULL);
  if (value == NULL)
    xf_db_stmt_bind_null (stmt, param);
  else
    sqlite3_bind_text (stmt->handle, param_index (stmt, param), value, -1, SQLITE_TRANSIENT);
}

void
xf_db_stmt_bind_null (XfDbStmt *stmt,
                      int       param)
{
  g_return_if_fail (stmt != NULL);
  sqlite3_bind_null (stmt->handle, param_index (stmt, param));
}

XfDbStep
xf_db_stmt_step (XfDbStmt  *stmt,
                 GError   **error)
{
  int rc;

  g_return_val_if_fail (stmt != NULL, XF_DB_STEP_ERROR);

  rc = sqlite3_step (stmt->handle);
  if (rc == SQLITE_ROW)
    return XF_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    return XF_DB_STEP_DONE;
  set_error_from_code (stmt->db, rc, error);
  sqlite3_reset (stmt->handle);
  return XF_DB_STEP_ERROR;
}

gboolean
xf_db_stmt_run (XfDbStmt  *stmt,
                GError   **error)
{
  XfDbStep step;

  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  xf_db_stmt_reset (stmt);
  return TRUE;
}

gint64
xf_db_stmt_column_int64 (XfDbStmt *stmt,
                         int       column)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return sqlite3_column_int64 (stmt->handle, column);
}

double
xf_db_stmt_column_double (XfDbStmt *stmt,
                          int       column)
{
  g_return_val_if_fail (stmt != NULL, 0.0);
  return sqlite3_column_double (stmt->handle, column);
}

const char *
xf_db_stmt_column_text (XfDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return (const char *) sqlite3_column_text (stmt->handle, column);
}

char *
xf_db_stmt_dup_text (XfDbStmt *stmt,
                     int       column)
{
  return g_strdup (xf_db_stmt_column_text (stmt, column));
}

gboolean
xf_db_stmt_column_is_null (XfDbStmt *stmt,
                           int       column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);
  return sqlite3_column_type (stmt->handle, column) == SQLITE_NULL;
}

int
xf_db_stmt_column_count (XfDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return sqlite3_column_count (stmt->handle);
}

const char *
xf_db_stmt_column_name (XfDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return sqlite3_column_name (stmt->handle, column);
}

gint64
xf_db_now (void)
{
  return g_get_real_time ();
}
