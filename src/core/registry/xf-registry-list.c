/* xf-registry-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-list"

#include "config.h"

#include "xf-registry-count-private.h"
#include "xf-registry-list-private.h"

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
 * rows; the skipping is an OFFSET over the index. So scrolling on reads 50
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
 *
 * A jump far from any anchor skips many rows (35 ms to the middle of
 * 1,000,000). So once counted, a big keyset list sweeps through its index
 * when the main loop is idle, a millisecond at a time, and leaves an anchor
 * every SWEEP_STEP rows or so: a jump then skips at most half a step.
 *
 * A new list over a big registry (keyset) does not wait for its count: it
 * starts from an upper bound (the largest id) and counts on a second
 * connection in a worker thread, while the window builds its first rows;
 * the exact count then trims the end (items-changed at the tail). Until
 * then no page is read from the end of the list.
 */

/* A list view keeps some 200 rows around what it shows: after a jump, it
 * asks for about 200 rows from anywhere in a page. Pages of 50 read a
 * quarter fewer rows than pages of 100 for that, for one query more. */
#define PAGE_SIZE   50
#define MAX_PAGES   16
/* Below this many files (by the largest id) the count is cheap enough to wait for. */
#define COUNT_ASIDE_MIN 50000
/* Anchors are swept every so many rows, at most MAX_SWEPT of them, in
 * slices of SWEEP_SLICE_US of the main loop's idle time. */
#define SWEEP_STEP      1000
#define MAX_SWEPT       1024
#define SWEEP_SLICE_US  1000

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XfRegistryList, xf_registry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

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

static gboolean reload_idle_cb (gpointer user_data);

/* Whether an anchor lies within half a step of @position. */
static gboolean
has_anchor_near (XfRegistryList *self,
                 guint           position)
{
  guint from = position - MIN (position, self->sweep_step / 2);
  GTreeNode *node = g_tree_lower_bound (self->anchors, GUINT_TO_POINTER (from));

  return node != NULL && GPOINTER_TO_UINT (g_tree_node_key (node)) <= position + self->sweep_step / 2;
}

static gboolean
sweep_idle_cb (gpointer user_data)
{
  XfRegistryList *self = user_data;
  gint64 deadline = g_get_monotonic_time () + SWEEP_SLICE_US;

  while (self->sweep_next < self->n_items && g_get_monotonic_time () < deadline)
    {
      guint position = self->sweep_next;

      self->sweep_next += self->sweep_step;
      if (!has_anchor_near (self, position))
        {
          /* Reading one row leaves an anchor where it is. */
          g_autoptr(GPtrArray) row = _xf_registry_list_fetch_keyset (self, position, 1, NULL);

          /* A failing database shows in the pages; stop here. */
          if (row == NULL)
            self->sweep_next = self->n_items;
        }
    }
  if (self->sweep_next < self->n_items)
    return G_SOURCE_CONTINUE;
  self->sweep_source = 0;
  return G_SOURCE_REMOVE;
}

/* Once the count is exact; a list that fits in a few steps needs none. */
static void
start_sweep (XfRegistryList *self)
{
  g_clear_handle_id (&self->sweep_source, g_source_remove);
  self->sweep_step = 0;
  if (self->ids != NULL || self->sql == NULL || self->counting != NULL ||
      self->n_items < 20 * SWEEP_STEP)
    return;
  self->sweep_step = MAX (SWEEP_STEP, self->n_items / MAX_SWEPT + 1);
  self->sweep_next = self->sweep_step - 1;
  self->sweep_source = g_idle_add_full (G_PRIORITY_LOW, sweep_idle_cb, self, NULL);
}

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
    page->items = _xf_registry_list_fetch_snapshot (self, start, count, &error);
  else
    page->items = _xf_registry_list_fetch_keyset (self, start, count, &error);
  if (page->items == NULL)
    {
      /* Kept as blanks, so a failing database is not asked again for
       * every row; the next reload retries. */
      set_error (self, g_steal_pointer (&error));
      page->items = g_ptr_array_new_with_free_func (g_object_unref);
    }
  else if (page->items->len != count && self->counting == NULL)
    {
      /* The rows changed under us (another desk): count again soon. An
       * estimated count ends short anyway; the exact one follows. */
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

static void count_aside_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Starts counting in a worker thread and returns an upper bound of the
 * count, when the list is big enough to be worth it; -1 otherwise. */
static gint64
estimate_count (XfRegistryList *self,
                XfDb           *db)
{
  gint64 estimate;

  if (!_xf_registry_count_can_aside (db))
    return -1;
  estimate = _xf_registry_count_estimate (db);
  if (estimate < COUNT_ASIDE_MIN)
    return -1;

  self->counting = g_cancellable_new ();
  _xf_registry_count_aside (db, self->query, self, self->counting,
                            count_aside_cb, g_object_ref (self->counting));
  return estimate;
}

/* Rebuilds the SQL and the count or snapshot and drops the cache; returns
 * the old count. With @may_estimate, a big list's count may come later. */
static guint
recount (XfRegistryList *self,
         gboolean        may_estimate)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 count = -1;

  if (self->counting != NULL)
    {
      g_cancellable_cancel (self->counting);
      g_clear_object (&self->counting);
    }
  g_clear_handle_id (&self->sweep_source, g_source_remove);
  self->sweep_step = 0;

  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->stmts);
  g_tree_remove_all (self->anchors);
  g_clear_pointer (&self->sql, _xf_registry_sql_free);
  g_clear_pointer (&self->ids, g_array_unref);
  set_error (self, NULL);
  self->n_items = 0;

  /* A refused actor sees an empty list with the refusal as its error. */
  if (!xf_permission_check (xf_registry_get_actor (self->registry), XF_OP_REGISTRY_READ, NULL, &error))
    {
      set_error (self, g_steal_pointer (&error));
      return old;
    }
  self->sql = _xf_registry_sql_new (db, self->query, &error);
  if (self->sql == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      return old;
    }
  if (_xf_registry_sql_is_covered (self->sql) && may_estimate)
    count = estimate_count (self, db);
  if (count < 0 && _xf_registry_sql_is_covered (self->sql))
    count = _xf_registry_sql_count (self->sql, db, &error);
  else if (count < 0)
    count = take_snapshot (self, db, &error);
  if (count < 0)
    {
      set_error (self, g_steal_pointer (&error));
      g_clear_pointer (&self->sql, _xf_registry_sql_free);
      g_clear_pointer (&self->ids, g_array_unref);
      return old;
    }
  self->n_items = (guint) MIN (count, G_MAXUINT);
  start_sweep (self);
  return old;
}

static void
reload (XfRegistryList *self)
{
  guint old;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  old = recount (self, FALSE);
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

/* The exact count of a list that started from an estimate: the end moves. */
static void
settle_count (XfRegistryList *self,
              guint           count)
{
  guint old = self->n_items;
  guint whole = MIN (count, old) / PAGE_SIZE;   /* pages before this one are whole */
  GHashTableIter iter;
  gpointer key;

  g_clear_object (&self->counting);
  if (count == old)
    {
      start_sweep (self);
      return;
    }

  /* A page at the end may have been padded, or cut, to the estimate. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_UINT (key) >= whole)
      g_hash_table_iter_remove (&iter);

  self->n_items = count;
  start_sweep (self);
  if (count < old)
    g_list_model_items_changed (G_LIST_MODEL (self), count, old - count, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, count - old);
}

static void
count_aside_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  XfRegistryList *self = XF_REGISTRY_LIST (source);
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = _xf_registry_count_aside_finish (self, result, &error);
  /* A later reload has counted again. */
  if (cancellable != self->counting)
    return;
  if (count < 0)
    {
      g_debug ("Counting aside: %s", error->message);
      g_clear_object (&self->counting);
      reload (self);
      return;
    }
  settle_count (self, (guint) MIN (count, G_MAXUINT));
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
  g_clear_handle_id (&self->sweep_source, g_source_remove);
  if (self->counting != NULL)
    {
      g_cancellable_cancel (self->counting);
      g_clear_object (&self->counting);
    }
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
  self->anchors = g_tree_new_full (compare_positions, NULL, NULL, _xf_registry_list_key_free);
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
  recount (self, TRUE);
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
 * xf_registry_list_is_counting:
 *
 * Returns: %TRUE while the number of items is an estimate (an upper bound)
 *   and the exact count is on its way, announced by items-changed
 */
gboolean
xf_registry_list_is_counting (XfRegistryList *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_LIST (self), FALSE);
  return self->counting != NULL;
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
