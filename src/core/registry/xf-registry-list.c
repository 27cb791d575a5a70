/* xf-registry-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-list"

#include "config.h"

#include <string.h>

#include "xf-registry-list.h"
#include "xf-registry-private.h"

/*
 * The list never holds all rows. Items come in pages of PAGE_SIZE, and
 * only MAX_PAGES pages stay cached (least recently used goes first). There
 * are two ways to find a page's rows:
 *
 * Keyset, when the sort's covering index (status, key, name, id, kind)
 * answers the query alone (no search, filters on kind or the sort key):
 * n_items is a count, and every page fetched leaves "anchors", the sort key
 * (key, name, id) of its first and last row at their positions. A new page
 * is read from the nearest anchor before or after it with a keyset
 * condition, or from either end of the list, whichever skips the fewest
 * rows; the skipping is an OFFSET over the index. So scrolling on reads 100
 * rows after the neighbouring page's last key, and a jump skips at most
 * half the list (about 70 ms for 500,000 rows).
 *
 * Snapshot, for everything else (searches, filters on columns outside the
 * index, several statuses): an OFFSET there would read table rows one by
 * one and the planner's choices swing with each keyset condition, so the
 * list reads the ordered ids of all matches once (one query, the cost of a
 * count) and fetches pages by id. 1,000,000 ids take 8 MB.
 *
 * Rows are fetched in two steps: the inner query finds the page's ids,
 * the outer one joins the rows and organisation names for those ids alone.
 */

#define PAGE_SIZE   100
#define MAX_PAGES   8
#define MAX_ANCHORS 4096
#define MAX_STMTS   8

/* Where a row sits in the sort order. */
typedef struct
{
  gint64  number;   /* the sort key, for integer keys */
  char   *text;     /* the sort key, for text keys */
  char   *name;
  gint64  id;
} Key;

typedef struct
{
  GPtrArray *items;
  guint64    used;
} Page;

struct _XfRegistryList
{
  GObject          parent_instance;

  XfRegistry      *registry;
  XfRegistryQuery *query;
  XfRegistrySql   *sql;
  char            *select_list;
  guint            n_items;
  GArray          *ids;      /* snapshot: the matching ids in order; NULL for keyset */

  GHashTable      *pages;    /* page index → Page */
  GHashTable      *stmts;    /* SQL → XfDbStmt, the page queries prepared */
  GTree           *anchors;  /* position → Key */
  guint64          clock;

  GError          *error;
  guint            reload_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XfRegistryList, xf_registry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->text);
  g_free (key->name);
  g_free (key);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint pa = GPOINTER_TO_UINT (a);
  guint pb = GPOINTER_TO_UINT (b);

  return (pa > pb) - (pa < pb);
}

static void
set_error (XfRegistryList *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_debug ("Registry list: %s", error->message);
}

/*
 * Fetching pages
 */

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

  if (self->n_items - end < plan.offset)
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
  /* Anchors are small; past the limit the old ones go, the new stay. */
  if (g_tree_nnodes (self->anchors) >= MAX_ANCHORS)
    g_tree_remove_all (self->anchors);
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

/* Reads rows [start, start + count); NULL with @error on failure. */
static GPtrArray *
fetch_rows (XfRegistryList  *self,
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
          g_clear_pointer (&last, key_free);
          last = read_key (stmt, key_column, is_integer, item);
        }
      g_ptr_array_add (items, item);
    }
  release_stmt (self, sql, stmt, step);
  if (step == XF_DB_STEP_ERROR)
    {
      g_clear_pointer (&first, key_free);
      g_clear_pointer (&last, key_free);
      return NULL;
    }

  if (first != NULL)
    add_anchor (self, start, first);
  if (last != NULL)
    add_anchor (self, start + items->len - 1, last);
  return g_steal_pointer (&items);
}

/* Snapshot mode: reads the rows of ids [start, start + count). */
static GPtrArray *
fetch_snapshot_rows (XfRegistryList  *self,
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

static gboolean reload_idle_cb (gpointer user_data);

static void
schedule_reload (XfRegistryList *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static Page *
get_page (XfRegistryList *self,
          guint           index)
{
  g_autoptr(GError) error = NULL;
  guint start = index * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - start);
  Page *page;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      page->used = ++self->clock;
      return page;
    }

  page = g_new0 (Page, 1);
  if (self->ids != NULL)
    page->items = fetch_snapshot_rows (self, start, count, &error);
  else
    page->items = fetch_rows (self, start, count, &error);
  if (page->items == NULL)
    {
      /* Kept as blanks, so a failing database is not asked again for
       * every row; the next reload retries. */
      set_error (self, g_steal_pointer (&error));
      page->items = g_ptr_array_new_with_free_func (g_object_unref);
    }
  else if (page->items->len != count)
    {
      /* The rows changed under us (another desk): count again soon. */
      schedule_reload (self);
    }
  while (page->items->len < count)
    g_ptr_array_add (page->items, xf_pioneer_new (NULL));
  g_ptr_array_set_size (page->items, count);
  page->used = ++self->clock;

  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value, oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Page *) value)->used < oldest)
          {
            oldest = ((Page *) value)->used;
            oldest_key = key;
          }
      g_hash_table_remove (self->pages, oldest_key);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  return page;
}

/*
 * GListModel
 */

static GType
xf_registry_list_get_item_type (GListModel *model)
{
  return XF_TYPE_PIONEER;
}

static guint
xf_registry_list_get_n_items (GListModel *model)
{
  return XF_REGISTRY_LIST (model)->n_items;
}

static gpointer
xf_registry_list_get_item (GListModel *model,
                           guint       position)
{
  XfRegistryList *self = XF_REGISTRY_LIST (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = xf_registry_list_get_item_type;
  iface->get_n_items = xf_registry_list_get_n_items;
  iface->get_item = xf_registry_list_get_item;
}

/*
 * Counting
 */

/* Reads the ordered ids of every match; returns their number or -1. */
static gint64
take_snapshot (XfRegistryList  *self,
               XfDb            *db,
               GError         **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *order = _xf_registry_sql_order_by (self->query, FALSE);
  g_autofree char *sql = NULL;
  XfDbStep step;

  sql = g_strdup_printf ("SELECT p.id FROM %s WHERE %s ORDER BY %s",
                         _xf_registry_sql_get_from (self->sql),
                         _xf_registry_sql_get_where (self->sql), order);
  stmt = xf_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  _xf_registry_sql_bind (self->sql, stmt);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;

  self->ids = g_steal_pointer (&ids);
  return self->ids->len;
}

/* Rebuilds the SQL and the count or snapshot and drops the cache; returns
 * the old count. */
static guint
recount (XfRegistryList *self)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 count;

  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->stmts);
  g_tree_remove_all (self->anchors);
  g_clear_pointer (&self->sql, _xf_registry_sql_free);
  g_clear_pointer (&self->ids, g_array_unref);
  set_error (self, NULL);
  self->n_items = 0;

  self->sql = _xf_registry_sql_new (db, self->query, &error);
  if (self->sql == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      return old;
    }
  if (_xf_registry_sql_is_covered (self->sql))
    count = _xf_registry_sql_count (self->sql, db, &error);
  else
    count = take_snapshot (self, db, &error);
  if (count < 0)
    {
      set_error (self, g_steal_pointer (&error));
      g_clear_pointer (&self->sql, _xf_registry_sql_free);
      g_clear_pointer (&self->ids, g_array_unref);
      return old;
    }
  self->n_items = (guint) MIN (count, G_MAXUINT);
  return old;
}

static void
reload (XfRegistryList *self)
{
  guint old;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  old = recount (self);
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  XfRegistryList *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A write may move, add or drop any row; one reload after a burst of
 * writes (an import) is enough. */
static void
registry_changed_cb (XfRegistryList *self,
                     gint64          pioneer_id,
                     XfRegistry     *registry)
{
  schedule_reload (self);
}

/*
 * Object
 */

static void
xf_registry_list_dispose (GObject *object)
{
  XfRegistryList *self = (XfRegistryList *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->registry != NULL)
    g_signal_handlers_disconnect_by_func (self->registry, registry_changed_cb, self);
  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->anchors, g_tree_unref);

  G_OBJECT_CLASS (xf_registry_list_parent_class)->dispose (object);
}

static void
xf_registry_list_finalize (GObject *object)
{
  XfRegistryList *self = (XfRegistryList *) object;

  g_clear_pointer (&self->query, xf_registry_query_free);
  g_clear_pointer (&self->sql, _xf_registry_sql_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->select_list, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (xf_registry_list_parent_class)->finalize (object);
}

static void
xf_registry_list_class_init (XfRegistryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_registry_list_dispose;
  object_class->finalize = xf_registry_list_finalize;
}

static void
xf_registry_list_init (XfRegistryList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) xf_db_stmt_free);
  self->anchors = g_tree_new_full (compare_positions, NULL, NULL, key_free);
  self->select_list = _xf_registry_select_list (_xf_summary_columns, XF_SUMMARY_N_COLUMNS);
}

/**
 * xf_registry_list_new:
 * @registry: the registry
 * @query: (nullable): what to list; %NULL lists the active files by name
 *
 * Returns: (transfer full): a lazy list of #XfPioneer summaries
 */
XfRegistryList *
xf_registry_list_new (XfRegistry            *registry,
                      const XfRegistryQuery *query)
{
  XfRegistryList *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_REGISTRY_LIST, NULL);
  self->registry = g_object_ref (registry);
  self->query = query != NULL ? xf_registry_query_copy (query) : xf_registry_query_new ();
  g_signal_connect_object (registry, "changed", G_CALLBACK (registry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recount (self);
  return self;
}

void
xf_registry_list_set_query (XfRegistryList        *self,
                            const XfRegistryQuery *query)
{
  g_return_if_fail (XF_IS_REGISTRY_LIST (self));

  g_clear_pointer (&self->query, xf_registry_query_free);
  self->query = query != NULL ? xf_registry_query_copy (query) : xf_registry_query_new ();
  reload (self);
}

/**
 * xf_registry_list_get_query:
 *
 * Returns: (transfer none): the current query
 */
const XfRegistryQuery *
xf_registry_list_get_query (XfRegistryList *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_LIST (self), NULL);
  return self->query;
}

void
xf_registry_list_reload (XfRegistryList *self)
{
  g_return_if_fail (XF_IS_REGISTRY_LIST (self));
  reload (self);
}

/**
 * xf_registry_list_get_error:
 *
 * Returns: (transfer none) (nullable): the last error met while counting
 *   or fetching, cleared by the next reload
 */
const GError *
xf_registry_list_get_error (XfRegistryList *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_LIST (self), NULL);
  return self->error;
}
