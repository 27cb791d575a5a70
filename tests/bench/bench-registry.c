/* bench-registry.c — in-process timings of the registry list
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-registry DATABASE [QUERY…]
 *
 * For each query (none: the whole registry), prints one line:
 *   query: Q count-ms: N first-page-ms: N jump-ms: N jump-max-ms: N
 *          window-ms: N sweep-ms: N swept-jump-ms: N swept-jump-max-ms: N
 *          all-ms: N items: N
 * — the time the lazy XfRegistryList takes to count the matches, to hand
 * out the first 50 rows, to hand out a row far from the last (the mean and
 * the worst of 50 random jumps, as a scroll bar dragged about asks), to
 * hand out the WINDOW rows a list view keeps around a random position (the
 * mean of 50 such windows, as for jump-ms), to sweep anchors through the
 * list when the main loop is idle and to jump again after that, and to walk
 * every row, without process start-up.
 * run-registry-bench.sh uses it to tell the CLI's own cost from the query's.
 */

#include "config.h"

#include <stdio.h>

#include "xf-registry.h"
#include "xf-registry-list.h"
#include "xf-store.h"

#define JUMPS 50
/* GtkListView keeps widgets for about this many rows around what it shows. */
#define WINDOW 200

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_query (XfRegistry *registry,
             const char *text)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = NULL;
  gint64 start;
  double count_ms, first_ms, all_ms, jump_ms = 0, jump_max_ms = 0, window_ms, sweep_ms;
  double swept_ms = 0, swept_max_ms = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n;

  if (text != NULL)
    xf_registry_query_set_text (query, text);

  start = g_get_monotonic_time ();
  list = xf_registry_list_new (registry, query);
  /* A big list counts in a worker thread: wait for the exact count. */
  while (xf_registry_list_is_counting (list))
    g_main_context_iteration (NULL, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  count_ms = ms_since (start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < MIN (n, 50); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  first_ms = ms_since (start);

  for (guint i = 0; i < JUMPS && n > 0; i++)
    {
      guint position = g_rand_int_range (rand, 0, (gint32) MIN (n, G_MAXINT32));
      double ms;

      start = g_get_monotonic_time ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), position));
      ms = ms_since (start);
      jump_ms += ms / JUMPS;
      jump_max_ms = MAX (jump_max_ms, ms);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < JUMPS && n > 0; i++)
    {
      guint position = g_rand_int_range (rand, 0, (gint32) MIN (n, G_MAXINT32));
      guint first = position - MIN (position, WINDOW / 2);

      for (guint j = first; j < MIN (n, first + WINDOW); j++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), j));
    }
  window_ms = n > 0 ? ms_since (start) / JUMPS : 0;

  /* What the list does when idle (the sweep of a big list), then jumps. */
  start = g_get_monotonic_time ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sweep_ms = ms_since (start);
  for (guint i = 0; i < JUMPS && n > 0; i++)
    {
      guint position = g_rand_int_range (rand, 0, (gint32) MIN (n, G_MAXINT32));
      double ms;

      start = g_get_monotonic_time ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), position));
      ms = ms_since (start);
      swept_ms += ms / JUMPS;
      swept_max_ms = MAX (swept_max_ms, ms);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  all_ms = ms_since (start);

  if (xf_registry_list_get_error (list) != NULL)
    g_printerr ("bench-registry: %s\n", xf_registry_list_get_error (list)->message);
  printf ("query: %s count-ms: %.1f first-page-ms: %.1f jump-ms: %.1f jump-max-ms: %.1f "
          "window-ms: %.1f sweep-ms: %.1f swept-jump-ms: %.1f swept-jump-max-ms: %.1f "
          "all-ms: %.1f items: %u\n",
          text != NULL ? text : "(all)", count_ms, first_ms, jump_ms, jump_max_ms,
          window_ms, sweep_ms, swept_ms, swept_max_ms, all_ms, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfAccount) actor = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: bench-registry DATABASE [QUERY…]\n");
      return 2;
    }
  store = xf_store_open_existing (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("bench-registry: %s\n", error->message);
      return 1;
    }
  actor = xf_account_new_local_administrator ();
  registry = xf_registry_new (store, actor);

  if (argc == 2)
    bench_query (registry, NULL);
  for (int i = 2; i < argc; i++)
    bench_query (registry, argv[i]);
  return 0;
}
