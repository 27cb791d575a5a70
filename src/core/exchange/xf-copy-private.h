/* xf-copy-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-copy.h"
#include "xf-db.h"

G_BEGIN_DECLS

/*
 * The means of a copy (xf-copy.c), shared with the archive (xf-archive.c):
 * export-all reads its source as the copy does, import-all fills its
 * destination as the copy does.
 *
 * The source: a snapshot (one read transaction) in which every table is
 * counted, then each table read in batches by its key, values as text
 * (SQLite reals with 17 digits, so they come back bit for bit).
 *
 * The destination (an XfCopyTarget): one transaction; the tables locked
 * (PostgreSQL) and checked to hold no records; indexes and search triggers
 * set aside; rows added table by table through xf_db_bulk_*, with progress
 * and the cancellable checked every batch; then the indexes and search
 * data rebuilt once, every table counted against what was expected, and
 * the commit. Freeing an unfinished target rolls it back.
 */

/* Rows per batch read from a source, and between progress reports. */
#define XF_COPY_BATCH_ROWS 5000

/* The number of tables of xf_copy_get_tables (), and a table's index in it
 * (-1 when it is not one of them). */
guint     _xf_copy_get_n_tables      (void);
int       _xf_copy_find_table        (const char         *table);

/* The columns of a table as @db names them. */
GStrv     _xf_copy_table_columns     (XfDb               *db,
                                      const char         *table,
                                      GError            **error);

/* Opens the snapshot on @source and counts every table into @rows
 * (_xf_copy_get_n_tables () entries). */
gboolean  _xf_copy_source_begin      (XfDb               *source,
                                      gint64             *rows,
                                      GError            **error);
/* Ends the snapshot (a rollback: nothing was written). */
void      _xf_copy_source_end        (XfDb               *source);

/* Called for each row read: one text (or NULL) per column. */
typedef gboolean (*XfCopyRowFunc) (const char * const *values,
                                   guint               n_values,
                                   gpointer            user_data,
                                   GError            **error);

/* Reads table @t of the snapshot, @columns as named, in key order. */
gboolean  _xf_copy_source_read      (XfDb               *source,
                                      guint               t,
                                      const char * const *columns,
                                      XfCopyRowFunc       func,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

typedef struct _XfCopyTarget XfCopyTarget;

/* Begins the destination's transaction on @db (an open, empty store's
 * database): refuses a database with records (XF_ERROR_INVALID naming it),
 * clears the tables the app fills by itself, sets indexes aside. */
XfCopyTarget *_xf_copy_target_begin  (XfDb               *db,
                                      XfCopyProgressFunc  progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* The rows table @t will get, for progress and the final count. */
void      _xf_copy_target_expect     (XfCopyTarget       *target,
                                      guint               t,
                                      gint64              rows);
/* Starts table @t with @columns (each must be one of the destination's). */
gboolean  _xf_copy_target_open_table (XfCopyTarget       *target,
                                      guint               t,
                                      const char * const *columns,
                                      GError            **error);
gboolean  _xf_copy_target_add_row    (XfCopyTarget       *target,
                                      const char * const *values,
                                      GError            **error);
gboolean  _xf_copy_target_close_table (XfCopyTarget      *target,
                                      GError            **error);
/* Rebuilds, counts every table against what was expected (XF_ERROR_CORRUPT
 * naming the table; @what names the source in that message) and commits.
 * Returns: (transfer full) (element-type XfCopyTableResult): NULL on error. */
GPtrArray *_xf_copy_target_finish    (XfCopyTarget       *target,
                                      const char         *what,
                                      GError            **error);
void      _xf_copy_target_free       (XfCopyTarget       *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCopyTarget, _xf_copy_target_free)

/*
 * The PostgreSQL side of a copy (xf-copy-pg.c), inside the destination's
 * transaction: the tables are locked, their secondary indexes and user
 * triggers set aside while the rows pour in, then everything is rebuilt
 * in one pass, derived search data refilled and the id sequences moved on.
 */
typedef struct _XfCopyPg XfCopyPg;

gboolean  _xf_copy_pg_lock      (XfDb               *db,
                                 const char * const *tables,
                                 guint               n_tables,
                                 GError            **error);
XfCopyPg *_xf_copy_pg_set_aside (XfDb               *db,
                                 const char * const *tables,
                                 guint               n_tables,
                                 GError            **error);
/* @keys: each table's integer key; the sequences of "id" keys move on. */
gboolean  _xf_copy_pg_restore   (XfCopyPg           *pg,
                                 const char * const *tables,
                                 const char * const *keys,
                                 guint               n_tables,
                                 GError            **error);
void      _xf_copy_pg_free      (XfCopyPg           *pg);

G_END_DECLS
