/* bench-evaluation.c — committee results in C against one SQL query
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-evaluation [NOMINATIONS [RUNS]]
 *
 * Builds, in a throw-away SQLite file (and, when $XIANFENG_TEST_POSTGRESQL
 * holds a server's URL, in a fresh schema there, dropped afterwards), a
 * campaign with 6 criteria, a committee of 15 reviewer accounts,
 * NOMINATIONS nominations in committee review (default 10,000) and one
 * open round holding them all, with every member's declaration, scores
 * and vote — about 1% of the pairs recused, with neither scores nor vote.
 * The rows go in with xf_db_bulk_* (COPY on PostgreSQL), the scores from
 * a fixed-seed generator, so every run sees the same data.
 *
 * Then it times, RUNS times each (default 5), alternating:
 *   C    xf_evaluation_compute_results(): one read of the round's scores
 *        ordered by nomination and member, one grouped read of the votes,
 *        everything else in C (means, trimmed mean, spread, vote rule,
 *        ranks, ties);
 *   SQL  one query giving, per nomination, the same weighted mean (the
 *        weights inlined as a VALUES list) and the vote counts;
 * checks that both give the same means (to 1e-9) and counts, and prints
 * the medians and "ratio X.XX (goal <= 1.5)" (C / SQL) per backend.
 * run-evaluation-bench.sh builds and runs it.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "xf-demo.h"
#include "xf-evaluation.h"
#include "xf-registry.h"
#include "xf-store.h"
#include "xf-bench.h"

#define N_MEMBERS   15
#define N_CRITERIA  6
#define SEED        20260310

static const struct
{
  const char *code;
  const char *name;
  double      weight;
  double      max;
} criteria[N_CRITERIA] = {
  { "deeds",        "Deeds",          30, 10 },
  { "contribution", "Contribution",   25, 10 },
  { "innovation",   "Innovation",     15, 10 },
  { "teamwork",     "Teamwork",       10, 10 },
  { "integrity",    "Integrity",      10, 5 },
  { "reputation",   "Reputation",     10, 100 },
};

/* The campaign, through the repository: rubric of six criteria. */
static gint64
add_campaign (XfEvaluation *evaluation,
              guint         quota)
{
  g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范（基准）", "city");
  g_autoptr(GError) error = NULL;
  GPtrArray *rubric = xf_campaign_get_rubric (campaign);

  g_ptr_array_set_size (rubric, 0);
  for (guint i = 0; i < N_CRITERIA; i++)
    g_ptr_array_add (rubric, xf_criterion_new (criteria[i].code, criteria[i].name, "",
                                               criteria[i].weight, criteria[i].max));
  xf_campaign_set_quota (campaign, (int) quota);
  xf_campaign_set_opens_on (campaign, "2026-01-05");
  xf_campaign_set_closes_on (campaign, "2026-12-31");
  check (xf_evaluation_save_campaign (evaluation, campaign, &error), error, "save campaign");
  check (xf_evaluation_set_campaign_status (evaluation, xf_campaign_get_id (campaign), "open", &error),
         error, "open campaign");
  return xf_campaign_get_id (campaign);
}

/* Fifteen reviewer accounts (rows only: no password is ever checked here)
 * on the campaign's committee, the first as chair. */
static void
add_committee (XfDb   *db,
               gint64  campaign_id,
               gint64 *members)
{
  static const char * const account_columns[] = { "uid", "login", "display_name", "password_hash",
                                                   "created_at", "updated_at", NULL };
  static const char * const grant_columns[] = { "account_id", "role", "scope", "value", NULL };
  static const char * const member_columns[] = { "campaign_id", "account_id", "is_chair", NULL };
  gint64 now = xf_db_now ();
  char a[32], b[32], c[32];
  XfDbBulk *bulk;

  bulk = bulk_begin (db, "accounts", account_columns);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *uid = xf_store_new_uid ();
      g_autofree char *login = g_strdup_printf ("bench-reviewer-%02u", i);
      g_autofree char *name = g_strdup_printf ("评审专家%02u", i);
      const char *values[] = { uid, login, name, "-", I64 (a, now), I64 (b, now) };

      bulk_row (bulk, values);
    }
  bulk_end (bulk, "accounts");

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM accounts WHERE login = 'bench-reviewer-%02u'", i);

      members[i] = query_int64 (db, sql);
    }

  bulk = bulk_begin (db, "account_grants", grant_columns);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      const char *values[] = { I64 (a, members[i]), "reviewer", "all", "" };

      bulk_row (bulk, values);
    }
  bulk_end (bulk, "account_grants");

  bulk = bulk_begin (db, "campaign_members", member_columns);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      const char *values[] = { I64 (a, campaign_id), I64 (b, members[i]), I64 (c, i == 0) };

      bulk_row (bulk, values);
    }
  bulk_end (bulk, "campaign_members");
}

/* Nominations in committee review, one per pioneer. */
static GArray *
add_nominations (XfDb    *db,
                 gint64   campaign_id,
                 GArray  *pioneers)
{
  static const char * const columns[] = { "uid", "campaign_id", "pioneer_id", "nominating_unit", "stage",
                                          "stage_since", "submitted_on", "preliminary_passed_on",
                                          "created_at", "updated_at", NULL };
  g_autofree char *sql = NULL;
  gint64 now = xf_db_now ();
  char a[32], b[32], c[32], d[32];
  XfDbBulk *bulk;

  bulk = bulk_begin (db, "nominations", columns);
  for (guint i = 0; i < pioneers->len; i++)
    {
      g_autofree char *uid = xf_store_new_uid ();
      const char *values[] = { uid, I64 (a, campaign_id), I64 (b, g_array_index (pioneers, gint64, i)),
                               "湖州市总工会", "committee", "2026-03-02", "2026-02-02", "2026-02-27",
                               I64 (c, now), I64 (d, now) };

      bulk_row (bulk, values);
    }
  bulk_end (bulk, "nominations");
  sql = g_strdup_printf ("SELECT id FROM nominations WHERE campaign_id = %" G_GINT64_FORMAT " ORDER BY id",
                         campaign_id);
  return read_ids (db, sql, NULL);
}

static char *
format_score (double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", score));
}

/* The round: every nomination, every member's declaration, scores (in
 * half points, each member with his or her own leniency) and vote. */
static gint64
add_round (XfDb          *db,
           gint64         campaign_id,
           const gint64  *members,
           GArray        *nominations)
{
  static const char * const round_columns[] = { "round_id", "nomination_id", NULL };
  static const char * const declaration_columns[] = { "round_id", "nomination_id", "account_id", "conflict",
                                                      "automatic", "reason", "declared_at", NULL };
  static const char * const score_columns[] = { "round_id", "nomination_id", "account_id", "criterion",
                                                "score", "scored_at", NULL };
  static const char * const vote_columns[] = { "round_id", "nomination_id", "account_id", "vote",
                                               "voted_at", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *sql = NULL;
  g_autofree gboolean *recused = g_new0 (gboolean, (gsize) nominations->len * N_MEMBERS);
  double leniency[N_MEMBERS];
  gint64 now = xf_db_now ();
  gint64 round_id;
  char a[32], b[32], c[32], d[32];
  XfDbBulk *declarations, *scores, *votes, *held;

  sql = g_strdup_printf ("INSERT INTO review_rounds (uid, campaign_id, number, status, opened_on, opened_at, "
                         "aggregation, normalise) VALUES ('%s', %" G_GINT64_FORMAT ", 1, 'open', "
                         "'2026-03-02', %" G_GINT64_FORMAT ", 'mean', 0)", uid, campaign_id, now);
  exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM review_rounds WHERE uid = '%s'", uid);
  round_id = query_int64 (db, sql);

  for (guint m = 0; m < N_MEMBERS; m++)
    leniency[m] = g_rand_double_range (rand, -0.15, 0.15);

  held = bulk_begin (db, "round_nominations", round_columns);
  for (guint n = 0; n < nominations->len; n++)
    {
      const char *values[] = { I64 (a, round_id), I64 (b, g_array_index (nominations, gint64, n)) };

      bulk_row (held, values);
    }
  bulk_end (held, "round_nominations");

  declarations = bulk_begin (db, "review_declarations", declaration_columns);
  for (guint n = 0; n < nominations->len; n++)
    for (guint m = 0; m < N_MEMBERS; m++)
      {
        gboolean conflict = g_rand_int_range (rand, 0, 100) == 0;
        const char *values[] = { I64 (a, round_id), I64 (b, g_array_index (nominations, gint64, n)),
                                 I64 (c, members[m]), conflict ? "1" : "0", conflict ? "1" : "0",
                                 conflict ? "同一工作单位" : "", I64 (d, now) };

        recused[(gsize) n * N_MEMBERS + m] = conflict;
        bulk_row (declarations, values);
      }
  bulk_end (declarations, "review_declarations");

  scores = bulk_begin (db, "review_scores", score_columns);
  for (guint n = 0; n < nominations->len; n++)
    {
      double merit = g_rand_double_range (rand, 0.35, 0.95);

      for (guint m = 0; m < N_MEMBERS; m++)
        {
          if (recused[(gsize) n * N_MEMBERS + m])
            continue;
          for (guint k = 0; k < N_CRITERIA; k++)
            {
              double share = CLAMP (merit + leniency[m] + g_rand_double_range (rand, -0.2, 0.2), 0, 1);
              /* Half points of the criterion's scale. */
              double score = floor (share * criteria[k].max * 2 + 0.5) / 2;
              g_autofree char *text = format_score (score);
              const char *values[] = { I64 (a, round_id), I64 (b, g_array_index (nominations, gint64, n)),
                                       I64 (c, members[m]), criteria[k].code, text, I64 (d, now) };

              bulk_row (scores, values);
            }
        }
    }
  bulk_end (scores, "review_scores");

  votes = bulk_begin (db, "review_votes", vote_columns);
  for (guint n = 0; n < nominations->len; n++)
    for (guint m = 0; m < N_MEMBERS; m++)
      {
        int dice = g_rand_int_range (rand, 0, 20);
        const char *values[] = { I64 (a, round_id), I64 (b, g_array_index (nominations, gint64, n)),
                                 I64 (c, members[m]), dice < 15 ? "for" : dice < 19 ? "against" : "abstain",
                                 I64 (d, now) };

        if (!recused[(gsize) n * N_MEMBERS + m])
          bulk_row (votes, values);
      }
  bulk_end (votes, "review_votes");
  return round_id;
}

/* The same aggregation as one SQL statement: per nomination, the mean of
 * the members' complete weighted score sheets and the vote counts. */
static char *
sql_query (void)
{
  GString *sql = g_string_new ("WITH w (criterion, weight, max) AS (VALUES ");
  double total = 0;

  for (guint i = 0; i < N_CRITERIA; i++)
    {
      char weight[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (sql, "%s('%s', %s, %s)", i > 0 ? ", " : "", criteria[i].code,
                              g_ascii_formatd (weight, sizeof weight, "%.1f", criteria[i].weight),
                              g_ascii_formatd (max, sizeof max, "%.1f", criteria[i].max));
      total += criteria[i].weight;
    }
  g_string_append_printf (sql,
                          "), "
                          "sheets AS (SELECT s.nomination_id, "
                          "100.0 * sum(w.weight * s.score / w.max) / %.1f AS weighted "
                          "FROM review_scores s JOIN w ON w.criterion = s.criterion "
                          "WHERE s.round_id = $1 GROUP BY s.nomination_id, s.account_id "
                          "HAVING count(*) = %u), "
                          "means AS (SELECT nomination_id, avg(weighted) AS mean, count(*) AS n "
                          "FROM sheets GROUP BY nomination_id), "
                          "votes AS (SELECT nomination_id, "
                          "sum(CASE WHEN vote = 'for' THEN 1 ELSE 0 END) AS f, "
                          "sum(CASE WHEN vote = 'against' THEN 1 ELSE 0 END) AS a, "
                          "sum(CASE WHEN vote = 'abstain' THEN 1 ELSE 0 END) AS ab "
                          "FROM review_votes WHERE round_id = $1 GROUP BY nomination_id) "
                          "SELECT rn.nomination_id, m.mean, m.n, v.f, v.a, v.ab "
                          "FROM round_nominations rn "
                          "LEFT JOIN means m ON m.nomination_id = rn.nomination_id "
                          "LEFT JOIN votes v ON v.nomination_id = rn.nomination_id "
                          "WHERE rn.round_id = $1 ORDER BY rn.nomination_id",
                          total, N_CRITERIA);
  return g_string_free (sql, FALSE);
}

typedef struct
{
  gint64 nomination_id;
  double mean;
  guint  n_scored;
  guint  votes[3];
} SqlRow;

static GArray *
run_sql (XfDb       *db,
         const char *sql,
         gint64      round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, &error);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (SqlRow));
  XfDbStep step;

  check (stmt != NULL, error, "prepare SQL");
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    {
      SqlRow row;

      row.nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      row.mean = xf_db_stmt_column_is_null (stmt, 1) ? NAN : xf_db_stmt_column_double (stmt, 1);
      row.n_scored = (guint) xf_db_stmt_column_int64 (stmt, 2);
      for (guint i = 0; i < 3; i++)
        row.votes[i] = (guint) xf_db_stmt_column_int64 (stmt, 3 + i);
      g_array_append_val (rows, row);
    }
  check (step == XF_DB_STEP_DONE, error, "run SQL");
  return rows;
}

static int
compare_result (gconstpointer a,
                gconstpointer b)
{
  gint64 x = (*(XfNominationResult * const *) a)->nomination_id;
  gint64 y = (*(XfNominationResult * const *) b)->nomination_id;

  return x < y ? -1 : x > y;
}

/* Both give the same means and counts for every nomination. */
static void
compare (GPtrArray *results,
         GArray    *rows)
{
  double worst = 0;

  if (results->len != rows->len)
    g_error ("C gives %u results, SQL %u rows", results->len, rows->len);
  g_ptr_array_sort (results, compare_result);
  for (guint i = 0; i < rows->len; i++)
    {
      XfNominationResult *result = g_ptr_array_index (results, i);
      SqlRow *row = &g_array_index (rows, SqlRow, i);

      if (result->nomination_id != row->nomination_id
          || result->n_scored != row->n_scored
          || result->votes.votes_for != row->votes[0]
          || result->votes.votes_against != row->votes[1]
          || result->votes.abstentions != row->votes[2]
          || !(fabs (result->mean - row->mean) <= 1e-9))
        g_error ("nomination %" G_GINT64_FORMAT ": C mean %.12f of %u, votes %u/%u/%u; "
                 "SQL mean %.12f of %u, votes %u/%u/%u",
                 result->nomination_id, result->mean, result->n_scored, result->votes.votes_for,
                 result->votes.votes_against, result->votes.abstentions,
                 row->mean, row->n_scored, row->votes[0], row->votes[1], row->votes[2]);
      worst = MAX (worst, fabs (result->mean - row->mean));
    }
  printf ("check: %u nominations, same means (largest difference %.1e) and vote counts\n",
          rows->len, worst);
}

static void
run (const char *label,
     const char *location,
     guint       n_nominations,
     guint       n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) actor = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfEvaluation) evaluation = NULL;
  g_autoptr(GArray) pioneers = NULL;
  g_autoptr(GArray) nominations = NULL;
  g_autofree char *sql = sql_query ();
  g_autofree double *c_times = g_new (double, n_runs);
  g_autofree double *sql_times = g_new (double, n_runs);
  gint64 members[N_MEMBERS];
  gint64 campaign_id, round_id, start;
  XfDemoOptions options;
  XfDb *db;
  double c_median, sql_median;

  printf ("\n== %s: %u nominations × %d reviewers × %d criteria\n", label, n_nominations, N_MEMBERS,
          N_CRITERIA);
  store = xf_store_open (location, &error);
  check (store != NULL, error, "open");
  db = xf_store_get_db (store);

  start = g_get_monotonic_time ();
  xf_demo_options_init (&options);
  options.pioneers = n_nominations;
  options.collectives = 0;
  check (xf_demo_generate (store, &options, NULL, NULL, NULL, &error), error, "demo");
  registry = xf_registry_new (store, actor);
  evaluation = xf_evaluation_new (registry);
  campaign_id = add_campaign (evaluation, 500);

  check (xf_db_begin (db, &error), error, "begin");
  add_committee (db, campaign_id, members);
  pioneers = read_ids (db, "SELECT id FROM pioneers ORDER BY id", NULL);
  g_array_set_size (pioneers, MIN (pioneers->len, n_nominations));
  nominations = add_nominations (db, campaign_id, pioneers);
  round_id = add_round (db, campaign_id, members, nominations);
  check (xf_db_commit (db, &error), error, "commit");
  /* Statistics for the planner, as a database in use would have them. */
  exec (db, "ANALYZE");
  printf ("setup: %.1f s; %" G_GINT64_FORMAT " scores, %" G_GINT64_FORMAT " votes, "
          "%" G_GINT64_FORMAT " recusals\n",
          seconds_since (start), query_int64 (db, "SELECT count(*) FROM review_scores"),
          query_int64 (db, "SELECT count(*) FROM review_votes"),
          query_int64 (db, "SELECT count(*) FROM review_declarations WHERE conflict = 1"));

  /* One of each first, unmeasured, to warm the caches alike. */
  g_ptr_array_unref (xf_evaluation_compute_results (evaluation, round_id, &error));
  check (error == NULL, error, "compute results");
  g_array_unref (run_sql (db, sql, round_id));

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GArray) rows = NULL;

      start = g_get_monotonic_time ();
      results = xf_evaluation_compute_results (evaluation, round_id, &error);
      c_times[i] = seconds_since (start);
      check (results != NULL, error, "compute results");

      start = g_get_monotonic_time ();
      rows = run_sql (db, sql, round_id);
      sql_times[i] = seconds_since (start);

      printf ("run %u: C %.3f s, SQL %.3f s\n", i + 1, c_times[i], sql_times[i]);
      if (i == 0)
        compare (results, rows);
    }

  c_median = median (c_times, n_runs);
  sql_median = median (sql_times, n_runs);
  printf ("%s: C (compute_results) %.3f s, SQL (one query) %.3f s, median of %u\n",
          label, c_median, sql_median, n_runs);
  printf ("%s: ratio %.2f (goal <= 1.5)\n", label, c_median / sql_median);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *url = g_getenv ("XIANFENG_TEST_POSTGRESQL");
  guint n_nominations = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_runs = argc > 2 ? (guint) atoi (argv[2]) : 5;

  if (n_nominations == 0 || n_runs == 0)
    {
      g_printerr ("Usage: %s [NOMINATIONS [RUNS]]\n", argv[0]);
      return 2;
    }

  path = bench_sqlite_path ("xianfeng-evaluation-bench-XXXXXX", "evaluation.db", &dir);
  run ("SQLite", path, n_nominations, n_runs);
  bench_sqlite_remove (dir, path);

  if (url != NULL && *url != '\0')
    {
      g_autoptr(XfDb) admin = xf_db_open (url, XF_DB_OPEN_DEFAULT, &error);
      g_autofree char *schema = NULL;
      g_autofree char *location = NULL;

      check (admin != NULL, error, url);
      location = bench_pg_schema_new (admin, url, "xf_bench_eval", &schema);
      run ("PostgreSQL", location, n_nominations, n_runs);
      bench_pg_schema_drop (admin, schema);
    }
  else
    printf ("\nPostgreSQL: skipped (set XIANFENG_TEST_POSTGRESQL to a server's URL)\n");
  return 0;
}
