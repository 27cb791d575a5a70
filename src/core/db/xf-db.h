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
 * XfDbStmt and never includes sqlite3.h, so that the same SQL (with
 * $1-style parameters) can later run on PostgreSQL.
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
  XF_DB_STEP_ERROR = -1,
  XF_DB_STEP_DONE  = 0,
  XF_DB_STEP_ROW   = 1,
} XfDbStep;

XfDb       *xf_db_open                (const char    *path,
                                       XfDbOpenFlags  flags,
                                       GError       **error);
const char *xf_db_get_path            (XfDb          *self);
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
gint64      xf_db_query_int64         (XfDb          *self,
                                       const char    *sql,
                                       gint64         fallback,
                                       GError       **error);

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

/* Current instant in UTC microseconds, as stored in *_at columns. */
gint64      xf_db_now                 (void);

G_END_DECLS
