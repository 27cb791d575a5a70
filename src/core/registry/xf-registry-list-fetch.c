/* xf-registry-list-fetch.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-list"

#include "config.h"

#include <string.h>

#include "xf-registry-list-private.h"

/*
 * Reading a page of a registry list: by keyset from the nearest anchor, or
 * by id from the snapshot (see xf-registry-list.c).
 */

#define MAX_ANCHORS 4096
#define MAX_STMTS   8

void
_xf_registry_list_key_free (gpointer data)
{
  Key *key = data;

  g_free (key->text);
  g_free (key->name);
  g_free (key);
}

typedef struct
{
  const Key *anchor;     /* NULL: start from an end of the list */
  gboolean   backward;   /* scan against the display order */
  guint      offset;     /* rows to skip after the anchor or the end */
  guint      limit;
} Plan;

/* The cheapest way to read rows [start, start + count). */
static Plan
plan_fetch (XfRegistryList *self,
            guint           start,
            guint           count)
{
  gpointer key = GUINT_TO_POINTER (start);
  GTreeNode *after = NULL, *before = NULL;
  Plan plan = { NULL, FALSE, start, count };
  guint end = start + count;   /* first position after the page */

  if (self->counting == NULL && self->n_items - end < plan.offset)
    plan = (Plan) { NULL, TRUE, self->n_items - end, count };

  if (g_tree_nnodes (self->anchors) == 0)
    return plan;

  /* The last anchor before start, and the first at or after end. */
  before = g_tree_lower_bound (self->anchors, key);
  before = before != NULL ? g_tree_node_previous (before) : g_tree_node_last (self->anchors);
  after = g_tree_lower_bound (self->anchors, GUINT_TO_POINTER (end));

  if (before != NULL)
    {
      guint position = GPOINTER_TO_UINT (g_tree_node_key (before));

      if (start - position - 1 < plan.offset)
        plan = (Plan) { g_tree_node_value (before), FALSE, start - position - 1, count };
    }
  if (after != NULL)
    {
      guint position = GPOINTER_TO_UINT (g_tree_node_key (after));

      if (position - end < plan.offset)
        plan = (Plan) { g_tree_node_value (after), TRUE, position - end, count };
    }
  return plan;
}

static char *
build_page_sql (XfRegistryList *self,
                const Plan     *plan)
{
  gboolean descending = FALSE;
  XfRegistrySort sort = xf_registry_query_get_sort (self->query, &descending);
  const char *key = _xf_registry_sort_key (sort, NULL);
  gboolean reverse_scan = descending != plan->backward;
  g_autofree char *scan_order = _xf_registry_sql_order_by (self->query, plan->backward);
  g_autofree char *display_order = _xf_registry_sql_order_by (self->query, FALSE);
  GString *keyset = g_string_new (NULL);
  int limit, offset;
  char *sql;

  /* Strictly after the anchor in scan order. SQLite seeks a row value
   * over plain columns, but not over an expression (coalesce): there a
   * redundant single-key bound lets it seek. */
  if (plan->anchor != NULL)
    {
      const char *op = reverse_scan ? "<" : ">";
      int key_param = 0, name_param, id_param;
      gboolean is_integer;

      if (key != NULL)
        {
          _xf_registry_sort_key (sort, &is_integer);
          key_param = is_integer
            ? _xf_registry_sql_add_int64 (self->sql, plan->anchor->number)
            : _xf_registry_sql_add_text (self->sql, plan->anchor->text);
        }
      name_param = _xf_registry_sql_add_text (self->sql, plan->anchor->name);
      id_param = _xf_registry_sql_add_int64 (self->sql, plan->anchor->id);

      if (key != NULL && strchr (key, '(') != NULL)
        g_string_printf (keyset, " AND %s %s= $%d AND (%s, p.name, p.id) %s ($%d, $%d, $%d)",
                         key, op, key_param, key, op, key_param, name_param, id_param);
      else if (key != NULL)
        g_string_printf (keyset, " AND (%s, p.name, p.id) %s ($%d, $%d, $%d)",
                         key, op, key_param, name_param, id_param);
      else
        g_string_printf (keyset, " AND (p.name, p.id) %s ($%d, $%d)", op, name_param, id_param);
    }

  limit = _xf_registry_sql_add_int64 (self->sql, plan->limit);
  offset = _xf_registry_sql_add_int64 (self->sql, plan->offset);

  sql = g_strdup_printf ("SELECT %s, o.name, %s FROM "
                         "(SELECT p.id AS id FROM %s WHERE %s%s ORDER BY %s LIMIT $%d OFFSET $%d) AS k "
                         "CROSS JOIN pioneers p LEFT JOIN organisations o ON o.id = p.organisation_id "
                         "WHERE p.id = k.id ORDER BY %s",
                         self->select_list, key != NULL ? key : "p.name",
                         _xf_registry_sql_get_from (self->sql), _xf_registry_sql_get_where (self->sql),
                         keyset->str, scan_order, limit, offset, display_order);
  g_string_free (keyset, TRUE);
  return sql;
}

static Key *
read_key (XfDbStmt  *stmt,
          int        column,
          gboolean   is_integer,
          XfPioneer *item)
{
  Key *key = g_new0 (Key, 1);

  if (is_integer)
    key->number = xf_db_stmt_column_int64 (stmt, column);
  else
    key->text = xf_db_stmt_dup_text (stmt, column);
  key->name = g_strdup (xf_pioneer_get_name (item));
  key->id = xf_pioneer_get_id (item);
  return key;
}

static void
add_anchor (XfRegistryList *self,
            guint           position,
            Key            *key)
{
  /* Anchors are small; past the limit the old ones go, the new and the
   * swept ones stay. */
  if (g_tree_nnodes (self->anchors) >= MAX_ANCHORS)
    {
      g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (guint));
      GTreeNode *node;

      for (node = g_tree_node_first (self->anchors); node != NULL; node = g_tree_node_next (node))
        {
          guint at = GPOINTER_TO_UINT (g_tree_node_key (node));

          if (self->sweep_step == 0 || (at + 1) % self->sweep_step != 0)
            g_array_append_val (old, at);
        }
      for (guint i = 0; i < old->len; i++)
        g_tree_remove (self->anchors, GUINT_TO_POINTER (g_array_index (old, guint, i)));
    }
  g_tree_replace (self->anchors, GUINT_TO_POINTER (position), key);
}

/* (transfer none): the statement for @sql, prepared once per query:
 * preparing cost a tenth of a page's fetch. Reset it after use, so that it
 * holds no read transaction. */
static XfDbStmt *
prepare_cached (XfRegistryList  *self,
                XfDb            *db,
                const char      *sql,
                GError         **error)
{
  XfDbStmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    return stmt;
  stmt = xf_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (g_hash_table_size (self->stmts) >= MAX_STMTS)
    g_hash_table_remove_all (self->stmts);
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

/* After a statement from prepare_cached () has run; a failed one is
 * prepared afresh next time. */
static void
release_stmt (XfRegistryList *self,
              const char     *sql,
              XfDbStmt       *stmt,
              XfDbStep        step)
{
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    g_hash_table_remove (self->stmts, sql);
}

/* Keyset mode: reads rows [start, start + count); NULL with @error on failure. */
GPtrArray *
_xf_registry_list_fetch_keyset (XfRegistryList  *self,
                                guint            start,
                                guint            count,
                                GError         **error)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  XfDbStmt *stmt;
  g_autofree char *sql = NULL;
  int n_params = _xf_registry_sql_get_n_params (self->sql);
  int key_column = XF_SUMMARY_N_COLUMNS + 1;
  gboolean is_integer = FALSE;
  Key *first = NULL, *last = NULL;
  XfDbStep step;
  Plan plan;

  _xf_registry_sort_key (xf_registry_query_get_sort (self->query, NULL), &is_integer);
  plan = plan_fetch (self, start, count);
  sql = build_page_sql (self, &plan);
  stmt = prepare_cached (self, db, sql, error);
  if (stmt != NULL)
    _xf_registry_sql_bind (self->sql, stmt);
  _xf_registry_sql_truncate_params (self->sql, n_params);
  if (stmt == NULL)
    return NULL;

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfPioneer *item = _xf_registry_read_pioneer (stmt, _xf_summary_columns,
                                                   XF_SUMMARY_N_COLUMNS, 0);

      if (first == NULL)
        first = read_key (stmt, key_column, is_integer, item);
      else
        {
          g_clear_pointer (&last, _xf_registry_list_key_free);
          last = read_key (stmt, key_column, is_integer, item);
        }
      g_ptr_array_add (items, item);
    }
  release_stmt (self, sql, stmt, step);
  if (step == XF_DB_STEP_ERROR)
    {
      g_clear_pointer (&first, _xf_registry_list_key_free);
      g_clear_pointer (&last, _xf_registry_list_key_free);
      return NULL;
    }

  if (first != NULL)
    add_anchor (self, start, first);
  if (last != NULL)
    add_anchor (self, start + items->len - 1, last);
  return g_steal_pointer (&items);
}

/* Snapshot mode: reads the rows of ids [start, start + count). */
GPtrArray *
_xf_registry_list_fetch_snapshot (XfRegistryList  *self,
                                  guint            start,
                                  guint            count,
                                  GError         **error)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, g_object_unref);
  XfDbStmt *stmt;
  g_autofree char *sql = NULL;
  GString *params = g_string_new (NULL);
  XfDbStep step;

  for (guint i = 0; i < count; i++)
    g_string_append_printf (params, "%s$%u", i > 0 ? ", " : "", i + 1);
  sql = g_strdup_printf ("SELECT %s, o.name FROM pioneers p "
                         "LEFT JOIN organisations o ON o.id = p.organisation_id "
                         "WHERE p.id IN (%s)", self->select_list, params->str);
  g_string_free (params, TRUE);

  stmt = prepare_cached (self, db, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < count; i++)
    xf_db_stmt_bind_int64 (stmt, (int) i + 1, g_array_index (self->ids, gint64, start + i));
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfPioneer *item = _xf_registry_read_pioneer (stmt, _xf_summary_columns,
                                                   XF_SUMMARY_N_COLUMNS, 0);
      gint64 *id = g_new (gint64, 1);

      *id = xf_pioneer_get_id (item);
      g_hash_table_insert (by_id, id, item);
    }
  release_stmt (self, sql, stmt, step);
  if (step == XF_DB_STEP_ERROR)
    return NULL;

  /* Back into the snapshot's order; a row gone since is left out, so the
   * caller sees a short page and reloads. */
  for (guint i = 0; i < count; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, start + i);
      XfPioneer *item = g_hash_table_lookup (by_id, &id);

      if (item != NULL)
        g_ptr_array_add (items, g_object_ref (item));
    }
  return g_steal_pointer (&items);
}
