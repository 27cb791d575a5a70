/* bench-pg.c — the registry on PostgreSQL against the same SQL in psql
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-pg URL SCRIPT-DIR [QUERY…]
 *
 * For each query ("" is the first page of the whole registry), opens a fresh
 * XfRegistryList RUNS times and times how long it takes to hand out its
 * first 50 rows, as the registry page does when the user types (the exact
 * count, which a worker runs meanwhile on another connection, is left out
 * of both sides). The SQL the
 * list sends on its own connection is traced on the first run and written
 * to SCRIPT-DIR/query-N.sql as a psql script that runs the same statements,
 * with the same parameters as literals, RUNS times under \timing. Prints:
 *   query: Q runs: N app-ms: MEDIAN statements: K script: PATH
 * run-pg-bench.sh runs the scripts through psql and prints the ratios.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "xf-registry.h"
#include "xf-registry-list.h"
#include "xf-store.h"

#define RUNS 9
#define PAGE 50

typedef struct
{
  GString *script;
  guint    statements;
  gboolean pause_next;
} Trace;

/* The app sends a first statement after being idle (the user typed; the
 * count ran in a worker), and a server that slept answers slower than one
 * kept busy. So the psql script idles as long before the same statements,
 * untimed, rather than running them back to back. */
#define PAUSE "\\timing off\nSELECT pg_sleep (0.1);\n\\timing on\n"

static Trace *tracing;

static void
append_literal (GString    *out,
                const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "NULL");
      return;
    }
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* The statement with each $N outside quotes replaced by its value as an
 * untyped literal, which the server types as it types our parameters. */
static void
trace_cb (const char         *sql,
          const char * const *params,
          int                 n_params,
          double              milliseconds,
          gpointer            user_data)
{
  Trace *trace = user_data;
  GString *out = trace->script;

  if (trace->pause_next)
    g_string_append (out, PAUSE);
  trace->pause_next = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          const char *end = strchr (p + 1, '\'');

          if (end == NULL)
            end = p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          char *end;
          long n = strtol (p + 1, &end, 10);

          append_literal (out, n >= 1 && n <= n_params ? params[n - 1] : NULL);
          p = end - 1;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, ";\n");
  trace->statements++;
}

static double
first_page_ms (XfRegistry *registry,
               const char *text)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = NULL;
  gint64 start;
  double ms;
  guint n;

  if (text[0] != '\0')
    xf_registry_query_set_text (query, text);

  /* The list and its first rows, without the exact count that runs in a
   * worker on its own connection meanwhile: psql runs only the statements
   * of this connection, so the count must not compete with them here. */
  if (tracing != NULL)
    tracing->pause_next = TRUE;
  start = g_get_monotonic_time ();
  list = xf_registry_list_new (registry, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  while (xf_registry_list_is_counting (list))
    g_main_context_iteration (NULL, TRUE);

  if (tracing != NULL)
    tracing->pause_next = TRUE;
  start = g_get_monotonic_time ();
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, PAGE); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  ms += (g_get_monotonic_time () - start) / 1000.0;
  return ms;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *default_queries[] = { "", "王", "建国", "有限公司", "高级技师", NULL };
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *queries;
  XfDb *db;

  if (argc < 3)
    {
      g_printerr ("Usage: %s URL SCRIPT-DIR [QUERY…]\n", argv[0]);
      return 2;
    }
  queries = argc > 3 ? (const char * const *) argv + 3 : default_queries;

  store = xf_store_open_existing (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  actor = xf_account_new_local_administrator ();
  registry = xf_registry_new (store, actor);
  db = xf_store_get_db (store);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      Trace trace = { g_string_new ("\\o /dev/null\n"), 0, FALSE };
      g_autofree char *path = g_strdup_printf ("%s/query-%u.sql", argv[2], q);
      g_autofree char *statements = NULL;
      g_autoptr(GString) script = g_string_new ("\\o /dev/null\n");
      double ms[RUNS];

      /* A first run warms the caches and records the SQL. */
      xf_db_set_trace (db, trace_cb, &trace);
      tracing = &trace;
      first_page_ms (registry, queries[q]);
      tracing = NULL;
      xf_db_set_trace (db, NULL, NULL);
      statements = g_strdup (trace.script->str + strlen ("\\o /dev/null\n"));

      for (guint r = 0; r < RUNS; r++)
        ms[r] = first_page_ms (registry, queries[q]);
      qsort (ms, RUNS, sizeof ms[0], (GCompareFunc) compare_doubles);

      /* The same: one untimed run, then RUNS timed ones, one line per run. */
      g_string_append (script, statements);
      g_string_append (script, "\\timing on\n");
      for (guint r = 0; r < RUNS; r++)
        g_string_append (script, statements);
      if (!g_file_set_contents (path, script->str, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("query: %s runs: %d app-ms: %.3f statements: %u script: %s\n",
              queries[q][0] != '\0' ? queries[q] : "first-page", RUNS, ms[RUNS / 2],
              trace.statements, path);
      g_string_free (trace.script, TRUE);
    }
  return 0;
}
