/* xf-db-sqlite.c — XfDb's SQLite driver
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include "xf-db-private.h"
#include "xf-error.h"

/* Parameters $1…$N_CACHED_PARAMS have their slot looked up once. */
#define N_CACHED_PARAMS 64

typedef struct
{
  XfDbStmt      base;
  sqlite3_stmt *handle;
  /* slot of $n, 0 when not looked up yet */
  guint8        slots[N_CACHED_PARAMS + 1];
} SqliteStmt;

typedef struct
{
  XfDbBulk      base;
  sqlite3_stmt *insert;
} SqliteBulk;

typedef struct
{
  sqlite3 *handle;
  gint64   data_version;
} SqliteConn;

#define CONN(db) ((SqliteConn *) (db)->conn)
#define HANDLE(db) (CONN (db)->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

/* Whether a file of the database (itself, its WAL or its journal) has
 * reached the process's file-size limit (RLIMIT_FSIZE), where a write
 * fails with EFBIG. */
static gboolean
at_file_size_limit (sqlite3 *handle)
{
  const char *name = sqlite3_db_filename (handle, "main");
  const char *files[3];
  struct rlimit limit;

  if (name == NULL || name[0] == '\0' || getrlimit (RLIMIT_FSIZE, &limit) != 0 ||
      limit.rlim_cur == RLIM_INFINITY)
    return FALSE;
  files[0] = name;
  files[1] = sqlite3_filename_wal (name);
  files[2] = sqlite3_filename_journal (name);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      GStatBuf buf;

      if (files[i] != NULL && g_stat (files[i], &buf) == 0 &&
          (guint64) buf.st_size + 2 * 65536 > (guint64) limit.rlim_cur)
        return TRUE;
    }
  return FALSE;
}

/* SQLite says SQLITE_FULL when a write comes up short for want of space;
 * a write refused outright is an I/O error whose errno tells why: ENOSPC,
 * EFBIG past a file-size limit, EDQUOT past a quota. SQLite reads errno
 * again when it reports the error on, so a rollback's own calls may have
 * replaced it by then: a failed write beside a file at the file-size
 * limit is that limit too. */
gboolean
_xf_db_sqlite_is_disk_full (gpointer handle,
                            int      rc)
{
  int system_errno;

  if ((rc & 0xff) == SQLITE_FULL)
    return TRUE;
  if ((rc & 0xff) != SQLITE_IOERR || handle == NULL)
    return FALSE;
  system_errno = sqlite3_system_errno (handle);
  if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)
    return TRUE;
  return rc == SQLITE_IOERR_WRITE && at_file_size_limit (handle);
}

/* Maps an SQLite result code to our error domain with a message a user can act on. */
static void
set_error_from_code (XfDb    *db,
                     int      rc,
                     GError **error)
{
  sqlite3 *handle = db->conn != NULL ? HANDLE (db) : NULL;
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  const char *path = db->display_name;

  /* A failed write is rolled back: the transaction is all or nothing. */
  if (_xf_db_sqlite_is_disk_full (handle, rc))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The disk is full: “%s” could not be written; nothing was changed"), path);
      return;
    }
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The database “%s” is damaged or is not a Xianfeng database (%s)"),
                   path, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only; changes cannot be saved"), path);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The database “%s” could not be read or written (%s)"), path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The database “%s” is busy in another program; try again"), path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s)"), detail);
      break;
    default:
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("Database error in “%s”: %s"), path, detail);
      break;
    }
}

/* For xf-db-backup.c (xf-db-private.h). */
void
_xf_db_sqlite_set_error (XfDb    *db,
                         int      rc,
                         GError **error)
{
  set_error_from_code (db, rc, error);
}

gpointer
_xf_db_sqlite_get_handle (XfDb *db)
{
  return db->conn != NULL ? HANDLE (db) : NULL;
}

static gboolean sqlite_exec (XfDb *db, const char *sql, GError **error);

static void
sqlite_close (XfDb *db)
{
  sqlite3_close_v2 (HANDLE (db));
  g_clear_pointer (&db->conn, g_free);
}

static gboolean
sqlite_open (XfDb          *db,
             const char    *path,
             XfDbOpenFlags  flags,
             GError       **error)
{
  int sqlite_flags = SQLITE_OPEN_FULLMUTEX;
  sqlite3 *handle = NULL;
  int rc;

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
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &handle, sqlite_flags, NULL);
  db->conn = g_new0 (SqliteConn, 1);
  CONN (db)->handle = handle;
  if (rc != SQLITE_OK)
    {
      /* A file we may not write is still worth reading. */
      if ((rc & 0xff) == SQLITE_CANTOPEN && !(flags & XF_DB_OPEN_READ_ONLY) &&
          g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
        {
          sqlite_close (db);
          return sqlite_open (db, path, flags | XF_DB_OPEN_READ_ONLY, error);
        }
      set_error_from_code (db, rc, error);
      sqlite_close (db);
      return FALSE;
    }

  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  db->read_only = sqlite3_db_readonly (handle, "main") == 1;

  /* Reading the schema catches a file that is not a database at all. */
  if (!sqlite_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (xf_db_query_int64 (db, "SELECT count(*) FROM sqlite_master", -1, error) < 0)
    return FALSE;
  if (!db->read_only && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!sqlite_exec (db, "PRAGMA journal_mode = WAL", &local_error))
        {
          /* A read-only directory refuses the WAL file; keep going read-only. */
          if (g_error_matches (local_error, XF_ERROR, XF_ERROR_READ_ONLY))
            db->read_only = TRUE;
          else
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      sqlite_exec (db, "PRAGMA synchronous = NORMAL", NULL);
    }
  return TRUE;
}

static gboolean
sqlite_exec (XfDb        *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_code (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_handle (XfDb          *db,
                const char    *sql,
                sqlite3_stmt **handle,
                GError       **error)
{
  int rc = sqlite3_prepare_v2 (HANDLE (db), sql, -1, handle, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_code (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static XfDbStmt *
sqlite_prepare (XfDb        *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;

  if (!prepare_handle (db, sql, &handle, error))
    return NULL;
  stmt = g_new0 (SqliteStmt, 1);
  stmt->handle = handle;
  return &stmt->base;
}

static gint64
sqlite_last_insert_id (XfDb *db)
{
  return sqlite3_last_insert_rowid (HANDLE (db));
}

static int
sqlite_changes (XfDb *db)
{
  return sqlite3_changes (HANDLE (db));
}

static int
sqlite_get_schema_version (XfDb    *db,
                           GError **error)
{
  return (int) xf_db_query_int64 (db, "PRAGMA user_version", -1, error);
}

static gboolean
sqlite_set_schema_version (XfDb    *db,
                           int      version,
                           GError **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  return sqlite_exec (db, pragma, error);
}

static gint64
sqlite_count_tables (XfDb    *db,
                     GError **error)
{
  return xf_db_query_int64 (db, "SELECT count(*) FROM sqlite_master", -1, error);
}

static gboolean
sqlite_has_table (XfDb       *db,
                  const char *table)
{
  return _xf_db_query_exists (db, "SELECT count(*) FROM sqlite_master WHERE name = $1", table);
}

/* data_version changes only when another connection commits. */
static gboolean
sqlite_watch_changes (XfDb    *db,
                      GError **error)
{
  gint64 version = xf_db_query_int64 (db, "PRAGMA data_version", -1, error);

  if (version < 0)
    return FALSE;
  CONN (db)->data_version = version;
  return TRUE;
}

static gboolean
sqlite_poll_changes (XfDb    *db,
                     GError **error)
{
  gint64 version = xf_db_query_int64 (db, "PRAGMA data_version", -1, error);

  if (version < 0 || version == CONN (db)->data_version)
    return FALSE;
  CONN (db)->data_version = version;
  return TRUE;
}

static int
sqlite_get_socket (XfDb *db)
{
  return -1;
}

static gboolean
sqlite_is_online (XfDb *db)
{
  return TRUE;
}

static gboolean
sqlite_reconnect (XfDb    *db,
                  GError **error)
{
  return TRUE;
}

static XfDbBulk *
sqlite_bulk_begin (XfDb               *db,
                   const char         *table,
                   const char * const *columns,
                   GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *insert = NULL;
  SqliteBulk *bulk;
  guint n = g_strv_length ((char **) columns);

  g_string_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?", i > 0 ? ", " : "");
  g_string_append (sql, ")");

  if (!prepare_handle (db, sql->str, &insert, error))
    return NULL;
  bulk = g_new0 (SqliteBulk, 1);
  bulk->insert = insert;
  return &bulk->base;
}

static gboolean
sqlite_bulk_add (XfDbBulk           *base,
                 const char * const *values,
                 GError            **error)
{
  SqliteBulk *bulk = (SqliteBulk *) base;
  int rc;

  for (guint i = 0; i < base->n_columns; i++)
    {
      if (values[i] == NULL)
        sqlite3_bind_null (bulk->insert, i + 1);
      else
        sqlite3_bind_text (bulk->insert, i + 1, values[i], -1, SQLITE_TRANSIENT);
    }
  rc = sqlite3_step (bulk->insert);
  /* Before the reset, which reads errno again: a full disk's EFBIG or
   * ENOSPC would be lost to whatever the rollback's calls left in it. */
  if (rc != SQLITE_DONE)
    set_error_from_code (base->db, rc, error);
  sqlite3_reset (bulk->insert);
  return rc == SQLITE_DONE;
}

static gboolean
sqlite_bulk_end (XfDbBulk  *base,
                 GError   **error)
{
  SqliteBulk *bulk = (SqliteBulk *) base;

  sqlite3_finalize (bulk->insert);
  g_free (bulk);
  return TRUE;
}

static void
sqlite_stmt_free (XfDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_stmt_reset (XfDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
  sqlite3_clear_bindings (STMT (stmt));
}

/* $N in the SQL is a named parameter to SQLite; find its real slot
 * (once per statement for the first N_CACHED_PARAMS). */
static int
param_index (XfDbStmt *stmt,
             int       param)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  char name[16];
  int index;

  if (param > 0 && param <= N_CACHED_PARAMS && self->slots[param] != 0)
    return self->slots[param];
  g_snprintf (name, sizeof name, "$%d", param);
  index = sqlite3_bind_parameter_index (self->handle, name);
  if (index <= 0)
    index = param;
  if (param > 0 && param <= N_CACHED_PARAMS && index <= G_MAXUINT8)
    self->slots[param] = (guint8) index;
  return index;
}

static void
sqlite_bind_int64 (XfDbStmt *stmt,
                   int       param,
                   gint64    value)
{
  sqlite3_bind_int64 (STMT (stmt), param_index (stmt, param), value);
}

static void
sqlite_bind_double (XfDbStmt *stmt,
                    int       param,
                    double    value)
{
  sqlite3_bind_double (STMT (stmt), param_index (stmt, param), value);
}

static void
sqlite_bind_text (XfDbStmt   *stmt,
                  int         param,
                  const char *value)
{
  sqlite3_bind_text (STMT (stmt), param_index (stmt, param), value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (XfDbStmt *stmt,
                  int       param)
{
  sqlite3_bind_null (STMT (stmt), param_index (stmt, param));
}

static XfDbStep
sqlite_step (XfDbStmt  *stmt,
             GError   **error)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return XF_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    return XF_DB_STEP_DONE;
  set_error_from_code (stmt->db, rc, error);
  sqlite3_reset (STMT (stmt));
  return XF_DB_STEP_ERROR;
}

static gint64
sqlite_column_int64 (XfDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (XfDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (XfDbStmt *stmt,
                    int       column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (XfDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static int
sqlite_column_count (XfDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (XfDbStmt *stmt,
                    int       column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

const XfDbDriver _xf_db_sqlite_driver = {
  .backend = XF_DB_BACKEND_SQLITE,
  /* IMMEDIATE takes the write lock now, so a conflict shows before any work. */
  .begin_sql = "BEGIN IMMEDIATE",
  .open = sqlite_open,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .last_insert_id = sqlite_last_insert_id,
  .changes = sqlite_changes,
  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .count_tables = sqlite_count_tables,
  .has_table = sqlite_has_table,
  .watch_changes = sqlite_watch_changes,
  .poll_changes = sqlite_poll_changes,
  .get_socket = sqlite_get_socket,
  .is_online = sqlite_is_online,
  .reconnect = sqlite_reconnect,
  .bulk_begin = sqlite_bulk_begin,
  .bulk_add = sqlite_bulk_add,
  .bulk_end = sqlite_bulk_end,
  .stmt_free = sqlite_stmt_free,
  .stmt_reset = sqlite_stmt_reset,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_is_null = sqlite_column_is_null,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
};
