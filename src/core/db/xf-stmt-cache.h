/* xf-stmt-cache.h — prepared statements kept per repository, and small queries
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

/*
 * A repository (XfEvaluation, XfServices…) prepares each SQL text once and
 * keeps the statement; this is that cache plus the small queries every
 * repository needs. The cache holds a reference on its database, and its
 * statements go before the database does.
 */
typedef struct _XfStmtCache XfStmtCache;

XfStmtCache *xf_stmt_cache_new   (XfDb        *db);
void         xf_stmt_cache_free  (XfStmtCache *cache);
XfDb        *xf_stmt_cache_get_db (XfStmtCache *cache);
/* (transfer none): prepared once and kept, reset before it is handed out.
 * No caller may hold a statement across another call that prepares. */
XfDbStmt    *xf_stmt_cache_prepare (XfStmtCache *cache,
                                    const char  *sql,
                                    GError     **error);
/* The first column of the first row of @sql run with $1 = @param (0 when
 * there is no row) into *value. */
gboolean     xf_stmt_cache_query_int64 (XfStmtCache *cache,
                                    const char  *sql,
                                    gint64       param,
                                    gint64      *value,
                                    GError     **error);
/* The first column of every row of @sql run with $1 = @param
 * (element-type gint64); NULL on error. */
GArray      *xf_stmt_cache_query_ids (XfStmtCache *cache,
                                    const char  *sql,
                                    gint64       param,
                                    GError     **error);
/* Inside a write: holds row @id of @table (a table name, never input) until
 * the transaction ends. SQLite's BEGIN IMMEDIATE holds the whole database
 * already; on PostgreSQL this is SELECT … FOR UPDATE. */
gboolean     xf_stmt_cache_lock_row (XfStmtCache *cache,
                                    const char  *table,
                                    gint64       id,
                                    GError     **error);

/* The first column of every row of the bound @stmt (element-type gint64),
 * read to the end and reset; NULL on error. */
GArray      *xf_db_stmt_collect_ids (XfDbStmt   *stmt,
                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStmtCache, xf_stmt_cache_free)

G_END_DECLS
