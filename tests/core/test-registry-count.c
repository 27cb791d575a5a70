/* test-registry-count.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>

#include "xf-registry-list.h"
#include "xf-test-store.h"

/*
 * A new list over a big registry starts from an estimate (the largest id)
 * and counts in a worker thread; the exact count trims the end. "Big" is
 * by the largest id, so files numbered far up stand in for 100,000. The
 * count runs on a second connection, so SQLite needs a file, not :memory:.
 */

#define BIG_ID 100000

static const char *names[] = { "王建国", "李芳", "张伟", "刘秀英", "陈明", "沈丽" };

typedef struct
{
  char           *dir;
  char           *path;
  XfStore        *store;
  XfRegistry     *registry;
  GtSignalLogger *logger;
} Fixture;

static void
save (XfRegistry *registry,
      const char *name)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XfDb *db;

  fixture->dir = g_dir_make_tmp ("xf-count-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = xf_test_database_location (fixture->dir, "registry.db");
  fixture->store = xf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->registry = xf_test_new_registry (fixture->store);
  db = xf_store_get_db (fixture->store);

  if (xf_test_using_postgresql ())
    {
      /* Ids come from a sequence: start it far up. */
      g_assert_cmpint (xf_db_query_int64 (db, "SELECT setval (pg_get_serial_sequence ('pioneers', 'id'), "
                                              G_STRINGIFY (BIG_ID) " - 1)", -1, &error), ==, BIG_ID - 1);
      g_assert_no_error (error);
      save (fixture->registry, names[0]);
    }
  else
    {
      /* The first file is renumbered far up; the next ones follow it. */
      save (fixture->registry, names[0]);
      g_assert_true (xf_db_exec (db, "PRAGMA foreign_keys = OFF", NULL));
      g_assert_true (xf_db_exec (db, "UPDATE pioneers SET id = " G_STRINGIFY (BIG_ID) " WHERE id = 1", NULL));
      g_assert_true (xf_db_exec (db, "PRAGMA foreign_keys = ON", NULL));
    }
  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    save (fixture->registry, names[i]);

  fixture->logger = gt_signal_logger_new ();
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
  if (!xf_test_using_postgresql ())
    {
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

      g_unlink (fixture->path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
wait_for_count (XfRegistryList *list)
{
  while (xf_registry_list_is_counting (list))
    g_main_context_iteration (NULL, TRUE);
}

/* Drops the list, and waits until its count in flight lets it go. */
static void
finalize_list (XfRegistryList *list)
{
  gpointer weak = list;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (list), &weak);
  g_object_unref (list);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_usleep (1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_null (weak);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_sorted_names (GListModel *model)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (expected, (gpointer) names[i]);
  g_ptr_array_sort (expected, compare_names);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (xf_pioneer_get_name (item), ==, g_ptr_array_index (expected, i));
    }
}

static void
test_estimate_then_exact (Fixture       *fixture,
                          gconstpointer  data)
{
  XfRegistryList *list = xf_registry_list_new (fixture->registry, NULL);
  GListModel *model = G_LIST_MODEL (list);
  guint position = 0, removed = 0, added = 0;
  guint estimate = BIG_ID + G_N_ELEMENTS (names) - 1;

  /* The estimate first: the largest id. */
  g_assert_true (xf_registry_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, estimate);
  {
    g_autoptr(XfPioneer) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (xf_pioneer_get_name (first), ==, "刘秀英");
  }

  /* Then the exact count, as a cut at the end. */
  gt_signal_logger_connect (fixture->logger, list, "items-changed");
  wait_for_count (list);
  gt_signal_logger_assert_emission_pop (fixture->logger, list, "items-changed",
                                        &position, &removed, &added, NULL);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (position, ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (removed, ==, estimate - G_N_ELEMENTS (names));
  g_assert_cmpuint (added, ==, 0);
  g_assert_null (xf_registry_list_get_error (list));
  assert_sorted_names (model);

  /* Later counts are exact at once. */
  xf_registry_list_reload (list);
  g_assert_false (xf_registry_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names));
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  finalize_list (list);
}

/* A reload while counting counts at once; the late count changes nothing. */
static void
test_reload_while_counting (Fixture       *fixture,
                            gconstpointer  data)
{
  XfRegistryList *list = xf_registry_list_new (fixture->registry, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();

  g_assert_true (xf_registry_list_is_counting (list));
  xf_registry_query_set_sort (query, XF_REGISTRY_SORT_NAME, TRUE);
  xf_registry_list_set_query (list, query);
  g_assert_false (xf_registry_list_is_counting (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names));

  /* The first count, let go, reports nothing when it ends. */
  gt_signal_logger_connect (fixture->logger, list, "items-changed");
  for (guint i = 0; i < 200; i++)
    {
      g_usleep (1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names));
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  finalize_list (list);
}

/* A small registry, or one in memory, counts at once. */
static void
test_small_counts_at_once (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfRegistryList) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    save (registry, names[i]);
  list = xf_registry_list_new (registry, NULL);
  g_assert_false (xf_registry_list_is_counting (list));
  assert_sorted_names (G_LIST_MODEL (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/registry-count/estimate-then-exact", Fixture, NULL,
              set_up, test_estimate_then_exact, tear_down);
  g_test_add ("/core/registry-count/reload-while-counting", Fixture, NULL,
              set_up, test_reload_while_counting, tear_down);
  g_test_add_func ("/core/registry-count/small-counts-at-once", test_small_counts_at_once);

  return g_test_run ();
}
