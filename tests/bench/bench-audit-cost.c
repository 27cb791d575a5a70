/* bench-audit-cost.c — what the audit trail costs a bulk edit
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-audit-cost LOCATION [PIONEERS [ROUNDS]]
 *
 * Fills the empty database at LOCATION (a SQLite file or a PostgreSQL URL)
 * with PIONEERS demo individuals (default 100,000), then edits every one of
 * them: reads the file, changes its tags and saves it through the registry,
 * 1,000 files per transaction (_xf_registry_save_many). Each pass is timed
 * with the audit trail (one entry per file: the tags) and without it
 * (_xf_registry_set_audit_enabled, which exists for this benchmark only),
 * ROUNDS times each (default 2), in the order off, on, on, off, … so that
 * neither side always runs on a warmer database. Prints one line per pass
 * and then, from the best pass of each side:
 *   without-s: T with-s: T ratio: R cpu-without-s: T cpu-with-s: T cpu-ratio: R
 *   saves-without-s: T saves-with-s: T saves-ratio: R
 * (wall time of the whole edit; this process's CPU time, steadier on a busy
 * machine but blind to a database server's work; wall time in the saves
 * alone, without the reads).
 * run-audit-cost-bench.sh runs it on SQLite and on PostgreSQL.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "xf-demo.h"
#include "xf-registry.h"
#include "xf-registry-private.h"
#include "xf-store.h"

#define BATCH 1000

typedef struct
{
  double total_s;
  double cpu_s;
  double saves_s;
} Pass;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static GArray *
read_ids (XfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), "SELECT id FROM pioneers ORDER BY id", &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  XfDbStep step;

  if (stmt == NULL)
    g_error ("%s", error->message);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == XF_DB_STEP_ERROR)
    g_error ("%s", error->message);
  return ids;
}

/* Reads, changes and saves every file; returns the times. */
static Pass
edit_all (XfRegistry *registry,
          GArray     *ids,
          const char *tags)
{
  Pass pass = { 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  XfPioneer *batch[BATCH];

  for (guint first = 0; first < ids->len; first += BATCH)
    {
      g_autoptr(GError) error = NULL;
      guint n = MIN (BATCH, ids->len - first);
      gint64 saving;

      for (guint i = 0; i < n; i++)
        {
          batch[i] = xf_registry_get_pioneer (registry, g_array_index (ids, gint64, first + i), &error);
          if (batch[i] == NULL)
            g_error ("%s", error->message);
          g_object_set (batch[i], "tags", tags, NULL);
        }
      saving = g_get_monotonic_time ();
      if (!_xf_registry_save_many (registry, batch, n, &error))
        g_error ("%s", error->message);
      pass.saves_s += seconds_since (saving);
      for (guint i = 0; i < n; i++)
        g_object_unref (batch[i]);
    }
  pass.total_s = seconds_since (start);
  pass.cpu_s = cpu_seconds () - cpu_start;
  return pass;
}

static gint64
count_audit (XfStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = xf_db_query_int64 (xf_store_get_db (store), "SELECT count(*) FROM audit_log", -1, &error);

  if (n < 0)
    g_error ("%s", error->message);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(GArray) ids = NULL;
  XfDemoOptions options;
  Pass best[2] = { { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE }, { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE } };
  guint pioneers = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 2;
  gint64 start;

  if (argc < 2 || pioneers == 0 || rounds == 0)
    {
      g_printerr ("Usage: %s LOCATION [PIONEERS [ROUNDS]]\n", argv[0]);
      return 2;
    }

  store = xf_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  xf_demo_options_init (&options);
  options.pioneers = pioneers;
  options.collectives = 0;
  start = g_get_monotonic_time ();
  if (!xf_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  printf ("demo: %u pioneers in %.1f s\n", pioneers, seconds_since (start));

  actor = xf_account_new_local_administrator ();
  registry = xf_registry_new (store, actor);
  ids = read_ids (store);

  for (guint round = 0; round < rounds; round++)
    for (guint k = 0; k < 2; k++)
      {
        /* off, on, on, off, off, on, … */
        gboolean audited = (round % 2 == 0) == (k == 1);
        g_autofree char *tags = g_strdup_printf ("批量 %u%s", round, audited ? " 审计" : "");
        gint64 audit_before = count_audit (store);
        Pass pass;

        _xf_registry_set_audit_enabled (registry, audited);
        pass = edit_all (registry, ids, tags);
        /* One entry per file with the trail, none without it. */
        if (count_audit (store) - audit_before != (audited ? (gint64) ids->len : 0))
          g_error ("%" G_GINT64_FORMAT " audit entries for %u files",
                   count_audit (store) - audit_before, ids->len);
        printf ("pass: %u audit: %s edit-s: %.2f cpu-s: %.2f saves-s: %.2f\n",
                round, audited ? "on " : "off", pass.total_s, pass.cpu_s, pass.saves_s);
        fflush (stdout);
        best[audited].total_s = MIN (best[audited].total_s, pass.total_s);
        best[audited].cpu_s = MIN (best[audited].cpu_s, pass.cpu_s);
        best[audited].saves_s = MIN (best[audited].saves_s, pass.saves_s);
      }

  printf ("without-s: %.2f with-s: %.2f ratio: %.2f\n",
          best[0].total_s, best[1].total_s, best[1].total_s / best[0].total_s);
  printf ("cpu-without-s: %.2f cpu-with-s: %.2f cpu-ratio: %.2f\n",
          best[0].cpu_s, best[1].cpu_s, best[1].cpu_s / best[0].cpu_s);
  printf ("saves-without-s: %.2f saves-with-s: %.2f saves-ratio: %.2f\n",
          best[0].saves_s, best[1].saves_s, best[1].saves_s / best[0].saves_s);
  return 0;
}
