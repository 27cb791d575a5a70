/* bench-ranking.c — the pioneer index and the statistics on a million files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-ranking fill FILE EVENTS       adds EVENTS engagement events over
 *                                         the 12 months before today to the
 *                                         registry in FILE (a demo database)
 *   bench-ranking run FILE [RUNS]        measures, with ratios against
 *                                         baselines in the same run:
 *   (a) xf_ranking_preview () and xf_ranking_compute () of the previous
 *       month against ONE hand-written SQL query computing the same top 20
 *       (same caps, same normalisation) through the sqlite3 API, and checks
 *       both give the same 20 (goal: ratio <= 1.5);
 *   (b) xf_stats_count () region × industry against a direct GROUP BY
 *       (goal <= 1.3), same counts checked;
 *   (c) xf_cockpit_gather () (goal < 1 s).
 *
 * The fill writes with the sqlite3 API in one transaction, with the
 * events' two indexes dropped first and made again at the end, so that ten
 * million rows take a few tens of seconds; run-ranking-bench.sh keeps the
 * file under the build directory for the next run.
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>

#include "xf-bench.h"
#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-cockpit.h"
#include "xf-ranking.h"
#include "xf-stats.h"
#include "xf-store.h"

static void
sq_check (sqlite3    *db,
          int         rc,
          const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

static void
sq_exec (sqlite3    *db,
         const char *sql)
{
  sq_check (db, sqlite3_exec (db, sql, NULL, NULL, NULL), sql);
}

/* xorshift64*: fast and the same on every machine. */
static inline guint64
next_random (guint64 *state)
{
  guint64 x = *state;

  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * G_GUINT64_CONSTANT (2685821657736338717);
}

static inline double
uniform (guint64 *state)
{
  return (next_random (state) >> 11) * (1.0 / 9007199254740992.0);
}

typedef struct
{
  const char *kind;
  guint       per_mille;     /* running */
  gboolean    has_visitor;
} KindShare;

static const KindShare kinds[] = {
  { "card-viewed", 550, TRUE },
  { "card-liked", 750, TRUE },
  { "card-shared", 830, TRUE },
  { "recommended", 860, TRUE },
  { "service-done", 890, FALSE },
  { "service-rated", 920, FALSE },
  { "service-liked", 935, FALSE },
  { "service-claimed", 950, FALSE },
  { "lecture-joined", 970, FALSE },
  { "lecture-initiated", 980, FALSE },
  { "skill-activity-joined", 995, FALSE },
  { "apprentice-check-in", 1000, FALSE },
};

static int
fill (const char *path,
      guint       n_events)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *select = NULL;
  guint64 state = G_GUINT64_CONSTANT (0x72616E6B696E67);  /* "ranking" */
  gint64 start = g_get_monotonic_time ();
  char days[366][11];
  gint64 midnights[366];
  GDate today;
  guint n_days = 365;
  gint64 last_pioneer = 0;
  guint last_day = 0, last_kind = 0, last_visitor = 0;

  sq_check (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), path);
  sq_exec (db, "PRAGMA journal_mode = OFF");
  sq_exec (db, "PRAGMA synchronous = OFF");
  sq_exec (db, "PRAGMA cache_size = -1000000");

  sq_check (db, sqlite3_prepare_v2 (db, "SELECT id FROM pioneers WHERE status = 'active' ORDER BY id", -1, &select, NULL),
            "pioneers");
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (select);
  if (ids->len == 0)
    g_error ("%s: no active pioneers", path);

  xf_clock_today (&today);
  for (guint d = 0; d < n_days; d++)
    {
      GDate date = today;
      g_autoptr(GDateTime) midnight = NULL;
      g_autofree char *text = NULL;

      g_date_subtract_days (&date, n_days - d);
      text = xf_date_format (&date);
      g_strlcpy (days[d], text, sizeof days[d]);
      midnight = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                        g_date_get_day (&date), 0, 0, 0);
      midnights[d] = g_date_time_to_unix (midnight);
    }

  sq_exec (db, "BEGIN");
  sq_exec (db, "DROP INDEX IF EXISTS engagement_events_by_pioneer");
  sq_exec (db, "DROP INDEX IF EXISTS engagement_events_by_day");
  sq_check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO engagement_events (pioneer_id, kind, occurred_at, occurred_on, source, source_id, visitor, value)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &insert, NULL), "insert");

  for (guint i = 0; i < n_events; i++)
    {
      gint64 pioneer;
      guint day, kind, visitor;
      char source_id[16], visitor_text[16];
      double value = 1;

      if (i > 0 && kinds[last_kind].has_visitor && next_random (&state) % 10 == 0)
        {
          /* The same visitor again on the same card the same day: capped. */
          pioneer = last_pioneer;
          day = last_day;
          kind = last_kind;
          visitor = last_visitor;
        }
      else
        {
          guint roll = next_random (&state) % 1000;
          double u = uniform (&state);

          /* A few pioneers get most of the attention. */
          pioneer = g_array_index (ids, gint64, (guint) (ids->len * u * u * u));
          day = next_random (&state) % n_days;
          for (kind = 0; roll >= kinds[kind].per_mille; kind++)
            ;
          visitor = next_random (&state) % 500000;
        }
      last_pioneer = pioneer;
      last_day = day;
      last_kind = kind;
      last_visitor = visitor;
      if (g_str_equal (kinds[kind].kind, "service-rated"))
        value = 3 + next_random (&state) % 3;

      g_snprintf (source_id, sizeof source_id, "%09u", i);
      sqlite3_bind_int64 (insert, 1, pioneer);
      sqlite3_bind_text (insert, 2, kinds[kind].kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, (midnights[day] + 28800 + (gint64) (next_random (&state) % 50000)) * G_USEC_PER_SEC);
      sqlite3_bind_text (insert, 4, days[day], 10, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, kinds[kind].has_visitor ? "portal" : "import", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, source_id, -1, SQLITE_TRANSIENT);
      if (kinds[kind].has_visitor)
        {
          g_snprintf (visitor_text, sizeof visitor_text, "v%u", visitor);
          sqlite3_bind_text (insert, 7, visitor_text, -1, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_null (insert, 7);
      sqlite3_bind_double (insert, 8, value);
      sq_check (db, sqlite3_step (insert), "insert");
      sqlite3_reset (insert);
      if ((i + 1) % 1000000 == 0)
        {
          printf ("  %u events, %.1f s\n", i + 1, seconds_since (start));
          fflush (stdout);
        }
    }
  sqlite3_finalize (insert);
  sq_exec (db, "CREATE INDEX engagement_events_by_pioneer ON engagement_events (pioneer_id, occurred_on)");
  sq_exec (db, "CREATE INDEX engagement_events_by_day ON engagement_events (occurred_on, kind)");
  sq_exec (db, "COMMIT");
  sq_exec (db, "ANALYZE");
  sqlite3_close (db);
  printf ("fill: %u events on %u pioneers in %.1f s\n", n_events, ids->len, seconds_since (start));
  return 0;
}

/* ── (a) the index ─────────────────────────────────────────────────────── */

/* The top 20 individuals of @month by one SQL query written out for the
 * weights: (pioneer id, score) pairs. */
static char *
baseline_sql (const XfIndexWeights *weights,
              const char           *month)
{
  GString *sql = g_string_new (NULL);
  GString *comp = g_string_new ("CASE kind");
  GString *value = g_string_new ("CASE kind");
  GString *cap_who = g_string_new ("CASE comp");
  GString *cap_day = g_string_new ("CASE comp");
  GString *weight = g_string_new ("CASE comp");
  GString *kinds_in = g_string_new (NULL);
  double total = xf_index_weights_total (weights);

  for (guint c = 0; c < weights->components->len; c++)
    {
      const XfIndexComponent *component = g_ptr_array_index (weights->components, c);

      for (guint k = 0; component->kinds[k] != NULL; k++)
        {
          g_string_append_printf (comp, " WHEN '%s' THEN %u", component->kinds[k], c);
          if (component->measure_value)
            g_string_append_printf (value, " WHEN '%s' THEN value", component->kinds[k]);
          g_string_append_printf (kinds_in, "%s'%s'", kinds_in->len > 0 ? ", " : "", component->kinds[k]);
        }
      if (component->per_source_day > 0)
        g_string_append_printf (cap_who, " WHEN %u THEN min (v, %u)", c, component->per_source_day);
      if (component->per_day > 0)
        g_string_append_printf (cap_day, " WHEN %u THEN min (v, %u)", c, component->per_day);
      g_string_append_printf (weight, " WHEN %u THEN %.17g", c, component->weight);
    }
  g_string_append (comp, " END");
  g_string_append (value, " ELSE 1 END");
  g_string_append (cap_who, " ELSE v END");
  g_string_append (cap_day, " ELSE v END");
  g_string_append (weight, " END");

  g_string_append_printf (sql,
    "WITH w AS (SELECT pioneer_id, occurred_on AS day, %s AS comp, sum (%s) AS v"
    "   FROM engagement_events"
    "  WHERE occurred_on >= '%s-01' AND occurred_on <= '%s-31' AND kind IN (%s)"
    "  GROUP BY pioneer_id, occurred_on, comp, coalesce (visitor, source)),"
    " d AS (SELECT pioneer_id, comp, sum (%s) AS v FROM w GROUP BY pioneer_id, day, comp),",
    comp->str, value->str, month, month, kinds_in->str, cap_who->str);
  /* cap_day applies to the day's sum: a second step. */
  g_string_append_printf (sql,
    " dc AS (SELECT pioneer_id, comp, %s AS v FROM d),"
    " r AS (SELECT pioneer_id, comp, sum (v) AS raw FROM dc GROUP BY pioneer_id, comp),"
    " a AS (SELECT r.pioneer_id, p.uid, p.kind, r.comp, r.raw, max (r.raw) OVER (PARTITION BY r.comp) AS m"
    "   FROM r JOIN pioneers p ON p.id = r.pioneer_id WHERE p.status = 'active'),"
    " s AS (SELECT pioneer_id, uid, kind,"
    "   100.0 * sum (CASE WHEN m > 0 THEN (%s) * CAST (raw AS REAL) / m ELSE 0 END) / %.17g AS score"
    "   FROM a GROUP BY pioneer_id, uid, kind)"
    " SELECT pioneer_id, score FROM s WHERE kind = 'individual' ORDER BY score DESC, uid LIMIT %d",
    cap_day->str, weight->str, total, XF_RANKING_HONOUR_WALL_SIZE);

  g_string_free (comp, TRUE);
  g_string_free (value, TRUE);
  g_string_free (cap_who, TRUE);
  g_string_free (cap_day, TRUE);
  g_string_free (weight, TRUE);
  g_string_free (kinds_in, TRUE);
  return g_string_free (sql, FALSE);
}

static guint
run_baseline (sqlite3    *db,
              const char *sql,
              gint64     *ids,
              double     *scores)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc;

  sq_check (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), "baseline");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n < XF_RANKING_HONOUR_WALL_SIZE)
    {
      ids[n] = sqlite3_column_int64 (stmt, 0);
      scores[n] = sqlite3_column_double (stmt, 1);
      n++;
    }
  sq_check (db, rc, "baseline");
  sqlite3_finalize (stmt);
  return n;
}

static void
compare_top (const XfMonthlyRanking *ranking,
             const gint64           *ids,
             const double           *scores,
             guint                   n,
             const char             *what)
{
  guint same = 0;

  for (guint i = 0; i < n && i < ranking->individuals->len; i++)
    {
      const XfRankingEntry *entry = g_ptr_array_index (ranking->individuals, i);

      if (entry->pioneer_id == ids[i] && fabs (entry->score - scores[i]) < 1e-6)
        same++;
      else
        printf ("  %s: rank %u differs: core %" G_GINT64_FORMAT " %.6f, SQL %" G_GINT64_FORMAT " %.6f\n",
                what, i + 1, entry->pioneer_id, entry->score, ids[i], scores[i]);
    }
  printf ("%s: same top %u as the SQL query: %s (%u of %u)\n", what, n,
          same == n && n == MIN (ranking->individuals->len, (guint) XF_RANKING_HONOUR_WALL_SIZE) ? "yes" : "NO",
          same, n);
}

static int
run (const char *path,
     guint       n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (path, &error);
  g_autoptr(XfAccount) actor = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfRanking) ranking = NULL;
  g_autoptr(XfStats) stats = NULL;
  g_autoptr(XfIndexWeightSet) set = NULL;
  g_autofree char *month = xf_ranking_previous_month ();
  g_autofree char *sql = NULL;
  g_autofree double *t_preview = g_new0 (double, n_runs);
  g_autofree double *t_compute = g_new0 (double, n_runs);
  g_autofree double *t_sql = g_new0 (double, n_runs);
  g_autofree double *t_stats = g_new0 (double, n_runs);
  g_autofree double *t_group = g_new0 (double, n_runs);
  g_autofree double *t_cockpit = g_new0 (double, n_runs);
  gint64 ids[XF_RANKING_HONOUR_WALL_SIZE];
  double scores[XF_RANKING_HONOUR_WALL_SIZE];
  sqlite3 *db = NULL;
  guint n = 0;
  double preview, compute, baseline, count, group, cockpit;
  gint64 month_events;

  check (store != NULL, error, path);
  registry = xf_registry_new (store, actor);
  ranking = xf_ranking_new (registry);
  stats = xf_stats_new (registry);
  set = xf_ranking_get_weights (ranking, month, &error);
  check (set != NULL, error, "weights");
  sql = baseline_sql (set->weights, month);
  if (g_getenv ("BENCH_SHOW_SQL") != NULL)
    printf ("%s\n", sql);
  /* The baseline's connection is set up as XfDb sets up its own (default
   * page cache), so that the ratios compare the queries, not the caches. */
  sq_check (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), path);

  {
    g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM engagement_events"
                                                  " WHERE occurred_on >= '%s-01' AND occurred_on <= '%s-31'",
                                                  month, month);

    month_events = query_int64 (xf_store_get_db (store), count_sql);
  }
  printf ("\n== Ranking and statistics on %" G_GINT64_FORMAT " pioneers, %" G_GINT64_FORMAT " events"
          " (%s: %" G_GINT64_FORMAT " events); median of %u runs\n",
          query_int64 (xf_store_get_db (store), "SELECT count(*) FROM pioneers"),
          query_int64 (xf_store_get_db (store), "SELECT max(id) FROM engagement_events"),
          month, month_events, n_runs);

  /* (a) */
  for (guint r = 0; r < n_runs; r++)
    {
      g_autoptr(XfMonthlyRanking) previewed = NULL;
      g_autoptr(XfMonthlyRanking) computed = NULL;
      gint64 start = g_get_monotonic_time ();

      n = run_baseline (db, sql, ids, scores);
      t_sql[r] = seconds_since (start);

      start = g_get_monotonic_time ();
      previewed = xf_ranking_preview (ranking, month, &error);
      t_preview[r] = seconds_since (start);
      check (previewed != NULL, error, "preview");

      start = g_get_monotonic_time ();
      computed = xf_ranking_compute (ranking, month, &error);
      t_compute[r] = seconds_since (start);
      check (computed != NULL, error, "compute");

      if (r == 0)
        {
          compare_top (previewed, ids, scores, n, "preview");
          compare_top (computed, ids, scores, n, "compute");
        }
    }
  baseline = median (t_sql, n_runs);
  preview = median (t_preview, n_runs);
  compute = median (t_compute, n_runs);
  printf ("(a) SQL query %.3f s; xf_ranking_preview %.3f s (ratio %.2f); xf_ranking_compute %.3f s (ratio %.2f)"
          " (goal <= 1.5)\n", baseline, preview, preview / baseline, compute, compute / baseline);
  fflush (stdout);

  /* (b) */
  for (guint r = 0; r < n_runs; r++)
    {
      g_autoptr(XfStatsTable) table = NULL;
      sqlite3_stmt *stmt = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 total = 0;

      sq_check (db, sqlite3_prepare_v2 (db,
        "SELECT substr (coalesce (region_code, ''), 1, 6), coalesce (industry, ''), count(*)"
        " FROM pioneers WHERE status = 'active' GROUP BY 1, 2", -1, &stmt, NULL), "group by");
      while (sqlite3_step (stmt) == SQLITE_ROW)
        total += sqlite3_column_int64 (stmt, 2);
      sqlite3_finalize (stmt);
      t_group[r] = seconds_since (start);

      start = g_get_monotonic_time ();
      table = xf_stats_count (stats, XF_STATS_REGION, XF_STATS_INDUSTRY, NULL, &error);
      t_stats[r] = seconds_since (start);
      check (table != NULL, error, "stats");
      if (r == 0)
        printf ("stats: %u regions × %u industries, total %" G_GINT64_FORMAT "; GROUP BY total %" G_GINT64_FORMAT ": %s\n",
                xf_stats_table_n_rows (table), xf_stats_table_n_columns (table), table->total, total,
                table->total == total ? "same" : "DIFFERENT");
    }
  group = median (t_group, n_runs);
  count = median (t_stats, n_runs);
  printf ("(b) GROUP BY %.3f s; xf_stats_count region × industry %.3f s (ratio %.2f) (goal <= 1.3)\n",
          group, count, count / group);
  fflush (stdout);

  /* (c) */
  for (guint r = 0; r < n_runs; r++)
    {
      g_autoptr(XfCockpitFigures) figures = NULL;
      gint64 start = g_get_monotonic_time ();

      figures = xf_cockpit_gather (registry, &error);
      t_cockpit[r] = seconds_since (start);
      check (figures != NULL, error, "cockpit");
      if (r == 0)
        printf ("cockpit: %" G_GINT64_FORMAT " individuals, ranking %s with %u on top, %u weakest regions\n",
                figures->individuals, figures->ranking_month != NULL ? figures->ranking_month : "none",
                figures->top != NULL ? figures->top->len : 0, figures->weakest != NULL ? figures->weakest->len : 0);
    }
  cockpit = median (t_cockpit, n_runs);
  printf ("(c) xf_cockpit_gather %.3f s (goal < 1 s)\n", cockpit);

  sqlite3_close (db);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && g_str_equal (argv[1], "fill"))
    return fill (argv[2], (guint) atoi (argv[3]));
  if (argc >= 3 && g_str_equal (argv[1], "run"))
    return run (argv[2], argc > 3 && atoi (argv[3]) > 0 ? (guint) atoi (argv[3]) : 5);
  g_printerr ("Usage: %s fill FILE EVENTS | run FILE [RUNS]\n", argv[0]);
  return 2;
}
