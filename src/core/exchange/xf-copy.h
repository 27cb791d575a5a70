/* xf-copy.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Copies a whole Xianfeng database to another one, across backends
 * (SQLite → PostgreSQL, PostgreSQL → SQLite, or the same kind).
 *
 * - The source is opened as it is (it must exist and be at the latest
 *   schema, or is upgraded by XfStore as usual); the destination is created
 *   or opened and must hold no records (XF_ERROR_INVALID naming it otherwise).
 * - Every table of the registry and of later schemas (listed in xf-copy.c in
 *   foreign-key order) is copied with its ids, in one transaction on the
 *   destination, through xf_db_bulk_*; derived search tables (SQLite's
 *   pioneers_fts and pioneer_grams, PostgreSQL's trigram indexes) are rebuilt
 *   at the destination, not copied; PostgreSQL id sequences are moved past
 *   the largest id.
 * - Afterwards every table's row count is compared between source and
 *   destination inside the same transaction; a difference rolls everything
 *   back with XF_ERROR_CORRUPT naming the table and both counts.
 * - Cancelling or any error rolls back: the destination is left as it was.
 */

typedef struct
{
  const char *table;        /* the table being copied */
  gint64      rows_done;    /* rows of this table copied so far */
  gint64      rows_total;   /* rows of this table in the source */
  gint64      all_done;     /* rows of all tables copied so far */
  gint64      all_total;    /* rows of all tables in the source */
} XfCopyProgress;

typedef void (*XfCopyProgressFunc) (const XfCopyProgress *progress,
                                    gpointer              user_data);

typedef struct
{
  char   *table;
  gint64  source_rows;
  gint64  destination_rows;
} XfCopyTableResult;

/* The tables a copy goes through, in this order (NULL-terminated, static):
 * a caller knows from it which table is the last one. */
const char * const *xf_copy_get_tables (void);

/* Returns: (transfer full) (element-type XfCopyTableResult): one entry per table, or NULL with @error */
GPtrArray *xf_copy_database (const char          *from_location,
                             const char          *to_location,
                             XfCopyProgressFunc   progress,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error);

G_END_DECLS
