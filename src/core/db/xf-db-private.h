/* xf-db-private.h — what XfDb's drivers share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

/* One backend behind XfDb. Each driver keeps its connection in XfDb.conn and
 * allocates statements that start with an XfDbStmt. */
typedef struct
{
  XfDbBackend backend;
  const char *begin_sql;

  gboolean  (*open)            (XfDb *db, const char *location, XfDbOpenFlags flags, GError **error);
  void      (*close)           (XfDb *db);
  gboolean  (*exec)            (XfDb *db, const char *sql, GError **error);
  XfDbStmt *(*prepare)         (XfDb *db, const char *sql, GError **error);
  gint64    (*last_insert_id)  (XfDb *db);
  int       (*changes)         (XfDb *db);
  int       (*get_schema_version) (XfDb *db, GError **error);
  gboolean  (*set_schema_version) (XfDb *db, int version, GError **error);
  gint64    (*count_tables)    (XfDb *db, GError **error);
  gboolean  (*has_table)       (XfDb *db, const char *table);
  gboolean  (*watch_changes)   (XfDb *db, GError **error);
  gboolean  (*poll_changes)    (XfDb *db, GError **error);
  int       (*get_socket)      (XfDb *db);
  gboolean  (*is_online)       (XfDb *db);
  gboolean  (*reconnect)       (XfDb *db, GError **error);
  XfDbBulk *(*bulk_begin)      (XfDb *db, const char *table, const char * const *columns, GError **error);
  gboolean  (*bulk_add)        (XfDbBulk *bulk, const char * const *values, GError **error);
  gboolean  (*bulk_end)        (XfDbBulk *bulk, GError **error);

  void        (*stmt_free)        (XfDbStmt *stmt);
  void        (*stmt_reset)       (XfDbStmt *stmt);
  void        (*bind_int64)       (XfDbStmt *stmt, int param, gint64 value);
  void        (*bind_double)      (XfDbStmt *stmt, int param, double value);
  void        (*bind_text)        (XfDbStmt *stmt, int param, const char *value);
  void        (*bind_null)        (XfDbStmt *stmt, int param);
  XfDbStep    (*step)             (XfDbStmt *stmt, GError **error);
  gint64      (*column_int64)     (XfDbStmt *stmt, int column);
  double      (*column_double)    (XfDbStmt *stmt, int column);
  const char *(*column_text)      (XfDbStmt *stmt, int column);
  gboolean    (*column_is_null)   (XfDbStmt *stmt, int column);
  int         (*column_count)     (XfDbStmt *stmt);
  const char *(*column_name)      (XfDbStmt *stmt, int column);
} XfDbDriver;

struct _XfDb
{
  GObject           parent_instance;
  const XfDbDriver *driver;
  gpointer          conn;
  char             *path;
  char             *display_name;
  guint             read_only : 1;
  guint             in_transaction : 1;
  guint             watching : 1;
  guint64           transaction_serial;
  XfDbTraceFunc     trace;
  gpointer          trace_data;
};

struct _XfDbStmt
{
  XfDb *db;
};

struct _XfDbBulk
{
  XfDb *db;
  guint n_columns;
};

/* Runs @sql, a count with @param as $1: TRUE when it counts anything. */
gboolean _xf_db_query_exists (XfDb       *db,
                              const char *sql,
                              const char *param);

/* The SQLite driver's error mapping and its sqlite3 handle (NULL when
 * closed), for the backup API in xf-db-backup.c; SQLite databases only. */
void     _xf_db_sqlite_set_error  (XfDb    *db,
                                   int      rc,
                                   GError **error);
gpointer _xf_db_sqlite_get_handle (XfDb    *db);
/* Whether @rc, from the sqlite3 @handle (may be NULL), means the disk is
 * full: SQLITE_FULL, or an I/O error with errno ENOSPC, EFBIG (a file-size
 * limit) or EDQUOT. Such errors read "The disk is full: “X” could not be
 * written; nothing was changed". */
gboolean _xf_db_sqlite_is_disk_full (gpointer handle,
                                     int      rc);

extern const XfDbDriver _xf_db_sqlite_driver;
extern const XfDbDriver _xf_db_pg_driver;

G_END_DECLS
