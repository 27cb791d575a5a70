/* xf-db.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * XfDb is the only door to the database. Domain code speaks XfDb and
 * XfDbStmt and never includes sqlite3.h or libpq-fe.h, so that the same SQL
 * (with $1-style parameters) runs on SQLite and on PostgreSQL.
 *
 * A location is either a file path (or ":memory:") for SQLite, or a
 * "postgresql://" / "postgres://" URL (libpq's syntax, including
 * ?options=-csearch_path%3D… to use a schema) for PostgreSQL.
 *
 * Portable SQL rules: integer columns are read with column_int64, never as
 * booleans; text parameters are sent untyped so the server infers their
 * type from the column they meet; case-insensitive matching is done by the
 * caller (see xf-registry-sql.c), not by LIKE's SQLite-only folding.
 */

#define XF_TYPE_DB (xf_db_get_type ())

G_DECLARE_FINAL_TYPE (XfDb, xf_db, XF, DB, GObject)

typedef struct _XfDbStmt XfDbStmt;

typedef enum
{
  XF_DB_OPEN_DEFAULT   = 0,
  XF_DB_OPEN_READ_ONLY = 1 << 0,
  XF_DB_OPEN_NO_CREATE = 1 << 1,
} XfDbOpenFlags;

typedef enum
{
  XF_DB_BACKEND_SQLITE,
  XF_DB_BACKEND_POSTGRESQL,
} XfDbBackend;

typedef enum
{
  XF_DB_STEP_ERROR = -1,
  XF_DB_STEP_DONE  = 0,
  XF_DB_STEP_ROW   = 1,
} XfDbStep;

XfDb       *xf_db_open                (const char    *path,
                                       XfDbOpenFlags  flags,
                                       GError       **error);
/* The location as given (a PostgreSQL URL may carry a password: never store or show it). */
const char *xf_db_get_path            (XfDb          *self);
/* The file path, or the URL without its password: safe to show and to store. */
const char *xf_db_get_display_name    (XfDb          *self);
XfDbBackend xf_db_get_backend         (XfDb          *self);
gboolean    xf_db_is_read_only        (XfDb          *self);
gboolean    xf_db_exec                (XfDb          *self,
                                       const char    *sql,
                                       GError       **error);
XfDbStmt   *xf_db_prepare             (XfDb          *self,
                                       const char    *sql,
                                       GError       **error);
gint64      xf_db_last_insert_id      (XfDb          *self);
int         xf_db_changes             (XfDb          *self);
gboolean    xf_db_begin               (XfDb          *self,
                                       GError       **error);
gboolean    xf_db_commit              (XfDb          *self,
                                       GError       **error);
void        xf_db_rollback            (XfDb          *self);
gboolean    xf_db_in_transaction      (XfDb          *self);
/* One write of a repository, all or nothing: a transaction of its own, or
 * the savepoint @savepoint inside a caller's transaction (an importer or
 * the demo holding one around many writes). *@nested says which, for the
 * matching commit or rollback. */
gboolean    xf_db_begin_write         (XfDb          *self,
                                       const char    *savepoint,
                                       gboolean      *nested,
                                       GError       **error);
gboolean    xf_db_commit_write        (XfDb          *self,
                                       const char    *savepoint,
                                       gboolean       nested,
                                       GError       **error);
void        xf_db_rollback_write      (XfDb          *self,
                                       const char    *savepoint,
                                       gboolean       nested);
/* A number that grows at every xf_db_begin(): a cache that is valid for
 * one transaction (the audit trail's head) knows a new one started. */
guint64     xf_db_get_transaction_serial (XfDb        *self);
gint64      xf_db_query_int64         (XfDb          *self,
                                       const char    *sql,
                                       gint64         fallback,
                                       GError       **error);

/* The schema version of Xianfeng's tables (SQLite: PRAGMA user_version;
 * PostgreSQL: the table xianfeng_schema). -1 with @error set on failure. */
int         xf_db_get_schema_version  (XfDb          *self,
                                       GError       **error);
gboolean    xf_db_set_schema_version  (XfDb          *self,
                                       int            version,
                                       GError       **error);
/* Tables in the database (PostgreSQL: in the current schema); -1 on error. */
gint64      xf_db_count_tables        (XfDb          *self,
                                       GError       **error);
gboolean    xf_db_has_table           (XfDb          *self,
                                       const char    *table);

/*
 * Live updates. After xf_db_watch_changes(), xf_db_poll_changes() returns
 * TRUE when another connection (another desk, another program) committed a
 * change since the last poll; this connection's own writes do not count.
 * SQLite compares PRAGMA data_version; PostgreSQL LISTENs to the channel
 * "xianfeng_changes", fed by statement triggers with the schema's name as
 * payload. xf_db_get_socket() gives PostgreSQL's socket to wake a main loop
 * (-1 for SQLite, which must be polled on a timer).
 */
gboolean    xf_db_watch_changes       (XfDb          *self,
                                       GError       **error);
gboolean    xf_db_poll_changes        (XfDb          *self,
                                       GError       **error);
int         xf_db_get_socket          (XfDb          *self);

/*
 * Connection state (PostgreSQL; SQLite is always online). A call that finds
 * the server gone fails with XF_ERROR_OFFLINE; an open transaction is then
 * lost on the server, so nothing of it was written. xf_db_reconnect() tries
 * once to connect again (and LISTENs again when watching).
 */
gboolean    xf_db_is_online           (XfDb          *self);
gboolean    xf_db_reconnect           (XfDb          *self,
                                       GError       **error);

/*
 * Bulk loading of many rows into one table, inside the caller's
 * transaction: PostgreSQL uses COPY, SQLite a prepared INSERT. @values has
 * one string per column (NULL for SQL NULL), written as text; numbers are
 * converted by the column's type.
 */
typedef struct _XfDbBulk XfDbBulk;

XfDbBulk   *xf_db_bulk_begin          (XfDb               *self,
                                       const char         *table,
                                       const char * const *columns,
                                       GError            **error);
gboolean    xf_db_bulk_add            (XfDbBulk           *bulk,
                                       const char * const *values,
                                       GError            **error);
/* Finishes and frees @bulk; on failure the rows may be partly sent: roll back. */
gboolean    xf_db_bulk_end            (XfDbBulk           *bulk,
                                       GError            **error);

/*
 * Whole-file copies of a SQLite database through SQLite's online backup
 * API (xf-db-backup.c), a few hundred pages per step so that other
 * connections keep working; @progress gets 0..1; the cancellable is
 * checked between steps. PostgreSQL databases are XF_ERROR_INVALID (they
 * are backed up with pg_dump, xf-backup.c).
 *
 * xf_db_backup_to writes this database into @path (created or replaced;
 * the caller writes to a temporary name and renames). xf_db_restore_from
 * replaces this database's whole content with @path's in one step, as
 * other connections see it.
 */
typedef void (*XfDbCopyProgressFunc) (double   fraction,
                                      gpointer user_data);

gboolean    xf_db_backup_to           (XfDb                 *self,
                                       const char           *path,
                                       XfDbCopyProgressFunc  progress,
                                       gpointer              user_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean    xf_db_restore_from        (XfDb                 *self,
                                       const char           *path,
                                       XfDbCopyProgressFunc  progress,
                                       gpointer              user_data,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* Statements. Parameters are numbered from 1 and written $1, $2 … in SQL. */
void        xf_db_stmt_free           (XfDbStmt      *stmt);
void        xf_db_stmt_reset          (XfDbStmt      *stmt);
void        xf_db_stmt_bind_int64     (XfDbStmt      *stmt,
                                       int            param,
                                       gint64         value);
void        xf_db_stmt_bind_double    (XfDbStmt      *stmt,
                                       int            param,
                                       double         value);
/* NULL binds SQL NULL. */
void        xf_db_stmt_bind_text      (XfDbStmt      *stmt,
                                       int            param,
                                       const char    *value);
void        xf_db_stmt_bind_null      (XfDbStmt      *stmt,
                                       int            param);
XfDbStep    xf_db_stmt_step           (XfDbStmt      *stmt,
                                       GError       **error);
/* Runs a statement that returns no rows; resets it for reuse. */
gboolean    xf_db_stmt_run            (XfDbStmt      *stmt,
                                       GError       **error);
/* Columns are numbered from 0. */
gint64      xf_db_stmt_column_int64   (XfDbStmt      *stmt,
                                       int            column);
double      xf_db_stmt_column_double  (XfDbStmt      *stmt,
                                       int            column);
/* Returns NULL for SQL NULL; valid until the next step or reset. */
const char *xf_db_stmt_column_text    (XfDbStmt      *stmt,
                                       int            column);
char       *xf_db_stmt_dup_text       (XfDbStmt      *stmt,
                                       int            column);
gboolean    xf_db_stmt_column_is_null (XfDbStmt      *stmt,
                                       int            column);
int         xf_db_stmt_column_count   (XfDbStmt      *stmt);
const char *xf_db_stmt_column_name    (XfDbStmt      *stmt,
                                       int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfDbStmt, xf_db_stmt_free)

/*
 * Tracing (PostgreSQL): @func sees every statement sent with its parameters
 * as text (NULL for SQL NULL) and the milliseconds it took, so a benchmark
 * can run the very same SQL through psql. NULL turns tracing off.
 */
typedef void (*XfDbTraceFunc) (const char         *sql,
                               const char * const *params,
                               int                 n_params,
                               double              milliseconds,
                               gpointer            user_data);

void        xf_db_set_trace           (XfDb          *self,
                                       XfDbTraceFunc  func,
                                       gpointer       user_data);

/* Locations */
gboolean    xf_db_location_is_url         (const char *location);
/* The URL without its password (file paths are returned as they are). */
char       *xf_db_location_strip_password (const char *location);
/* The URL with @password set (replacing any); NULL if @location is no valid URL. */
char       *xf_db_location_with_password  (const char *location,
                                           const char *password);

/* Current instant in UTC microseconds, as stored in *_at columns. */
gint64      xf_db_now                 (void);

G_END_DECLS
