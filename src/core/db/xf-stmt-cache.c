/* xf-stmt-cache.c — prepared statements kept per repository, and small queries
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include "xf-stmt-cache.h"

/* Statements kept at most; beyond this the cache starts again. */
#define MAX_STMTS 200

struct _XfStmtCache
{
  XfDb       *db;
  /* SQL → XfDbStmt */
  GHashTable *stmts;
};

XfStmtCache *
xf_stmt_cache_new (XfDb *db)
{
  XfStmtCache *cache = g_new0 (XfStmtCache, 1);

  cache->db = g_object_ref (db);
  cache->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) xf_db_stmt_free);
  return cache;
}

void
xf_stmt_cache_free (XfStmtCache *cache)
{
  if (cache == NULL)
    return;
  /* Statements go before the database they were prepared on. */
  g_hash_table_unref (cache->stmts);
  g_object_unref (cache->db);
  g_free (cache);
}

XfDb *
xf_stmt_cache_get_db (XfStmtCache *cache)
{
  return cache->db;
}

XfDbStmt *
xf_stmt_cache_prepare (XfStmtCache  *cache,
                       const char   *sql,
                       GError      **error)
{
  XfDbStmt *stmt = g_hash_table_lookup (cache->stmts, sql);

  if (stmt != NULL)
    {
      xf_db_stmt_reset (stmt);
      return stmt;
    }
  /* No caller holds a statement across this call. */
  if (g_hash_table_size (cache->stmts) >= MAX_STMTS)
    g_hash_table_remove_all (cache->stmts);
  stmt = xf_db_prepare (cache->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (cache->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
xf_stmt_cache_query_int64 (XfStmtCache  *cache,
                           const char   *sql,
                           gint64        param,
                           gint64       *value,
                           GError      **error)
{
  XfDbStmt *stmt = xf_stmt_cache_prepare (cache, sql, error);
  XfDbStep step;

  *value = 0;
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, param);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    *value = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

GArray *
xf_db_stmt_collect_ids (XfDbStmt  *stmt,
                        GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  XfDbStep step;

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

GArray *
xf_stmt_cache_query_ids (XfStmtCache  *cache,
                         const char   *sql,
                         gint64        param,
                         GError      **error)
{
  XfDbStmt *stmt = xf_stmt_cache_prepare (cache, sql, error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, param);
  return xf_db_stmt_collect_ids (stmt, error);
}

gboolean
xf_stmt_cache_lock_row (XfStmtCache  *cache,
                        const char   *table,
                        gint64        id,
                        GError      **error)
{
  g_autofree char *sql = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  if (xf_db_get_backend (cache->db) != XF_DB_BACKEND_POSTGRESQL)
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = $1 FOR UPDATE", table);
  stmt = xf_stmt_cache_prepare (cache, sql, error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, id);
  step = xf_db_stmt_step (stmt, error);
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}
