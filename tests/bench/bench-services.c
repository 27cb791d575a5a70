/* bench-services.c — claims under contention, and suggestions against one SQL query
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-services [PIONEERS [REQUESTS [ATTEMPTS [THREADS [RUNS]]]]]
 *
 * Builds, in a throw-away SQLite file (and, when $XIANFENG_TEST_POSTGRESQL
 * holds a server's URL, in a fresh schema there, dropped afterwards):
 * PIONEERS active individuals (default 1,000,000; 1% archived) with an
 * industry, a township and skills drawn from the words pioneers' files
 * use; one offer each (mostly of an item that suits the industry; 5% not
 * available, 5% available until a past date; some serving whole counties,
 * some remote); REQUESTS requests (default 100,000): 80% open, 20% done in
 * the past thirteen months and rated. Rows go in with xf_db_bulk_* (COPY on
 * PostgreSQL) from a fixed-seed generator.
 *
 * Then:
 *  1. ATTEMPTS claim attempts (default 1,000,000), spread over the open
 *     requests by pioneers who offer the item, shuffled, made through
 *     xf_services_claim() by THREADS desks at once (default 4), each with
 *     its own connection: attempts/s and wins/s, and the check that every
 *     request has at most one winner and every attempt is logged.
 *  2. xf_services_suggest() (limit 10) for one open request of each item,
 *     against the same ranking written as ONE SQL query, RUNS times each
 *     (default 5), alternating; checks that both give the same top 10
 *     (ids and scores to 1e-9) and prints "ratio X.XX (goal <= 1.5)".
 * $BENCH_PG_ATTEMPTS replaces ATTEMPTS on PostgreSQL; $BENCH_SQLITE=0 skips
 * SQLite.
 * run-services-bench.sh builds and runs it.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-reference.h"
#include "xf-registry.h"
#include "xf-services.h"
#include "xf-store.h"
#include "xf-bench.h"

#define SEED 20261205
#define TOP  10

static const char * const skill_words[] = {
  "数控加工", "模具设计", "焊接工艺", "设备维修", "精益生产", "质量管理", "工艺改进", "自动化改造",
  "电气维修", "PLC编程", "工业机器人运维", "新产品研发", "节能降耗", "激光切割", "CAD制图",
  "急危重症救治", "护理管理", "中医针灸", "慢病管理", "健康宣教", "院感防控", "康复训练", "心理疏导",
  "课堂教学", "课程开发", "职业技能教学", "心理辅导", "家校共育", "白茶种植", "水产养殖", "生态种植",
  "农机操作", "农产品电商", "湖羊养殖", "基层治理", "矛盾调解", "政策宣讲", "社区服务", "应急救援",
  "网格管理", "客户服务", "市场营销", "物流调度", "电子商务", "财务管理", "软件开发", "数据分析",
  "烹饪", "家政服务", "金融服务",
};
static const char industries[] = "ACCCCCEEFGHIIMOPPQQSS";

typedef struct
{
  gint64  id;
  char   *code;
  char   *industries;    /* " C D E " */
  GArray *offerers;      /* indexes into the pioneers of those who offer it */
} Item;

typedef struct
{
  XfDb      *db;
  GRand     *rand;
  GPtrArray *townships;  /* (element-type utf8) */
  GPtrArray *counties;
  Item      *items;
  guint      n_items;
  GArray    *pioneers;   /* gint64 ids, in insert order */
  GString   *industry_of; /* each pioneer's industry letter, in the same order */
  GArray    *open;       /* gint64 request ids */
  GArray    *open_items; /* guint item index of each open request */
} World;

static gint64
local_us (GDateTime *when)
{
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
load_regions (World *world)
{
  g_autoptr(GError) error = NULL;
  XfReference *reference = xf_reference_get_shared ();
  GPtrArray *items;

  check (xf_reference_ensure (reference, XF_REFERENCE_REGIONS, &error), error, "regions");
  items = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);
  world->townships = g_ptr_array_new ();
  world->counties = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      XfReferenceItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (*item->parent != '\0' ? world->townships : world->counties, item->code);
    }
}

static void
load_items (World      *world,
            XfServices *services)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_services_list_items (services, FALSE, &error);

  check (items != NULL, error, "catalogue");
  world->n_items = items->len;
  world->items = g_new0 (Item, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);

      world->items[i].id = item->id;
      world->items[i].code = g_strdup (item->code);
      world->items[i].industries = g_strdup_printf (" %s ", item->industries);
      world->items[i].offerers = g_array_new (FALSE, FALSE, sizeof (guint));
    }
}

static void
add_pioneers (World *world,
              guint  n)
{
  static const char * const columns[] = { "uid", "kind", "name", "industry", "region_code", "skills",
                                          "status", "created_at", "updated_at", NULL };
  g_autoptr(GString) skills = g_string_new ("");
  gint64 now = xf_db_now ();
  char a[32];
  XfDbBulk *bulk = bulk_begin (world->db, "pioneers", columns);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = xf_store_new_uid ();
      g_autofree char *name = g_strdup_printf ("先锋%07u", i);
      char industry[2] = { industries[g_rand_int_range (world->rand, 0, sizeof industries - 1)], 0 };
      guint n_skills = g_rand_int_range (world->rand, 1, 4);
      const char *values[] = { uid, "individual", name, industry,
                               g_ptr_array_index (world->townships,
                                                  g_rand_int_range (world->rand, 0, world->townships->len)),
                               NULL, g_rand_int_range (world->rand, 0, 100) == 0 ? "archived" : "active",
                               I64 (a, now), a };

      g_string_truncate (skills, 0);
      for (guint k = 0; k < n_skills; k++)
        g_string_append_printf (skills, "%s%s", k > 0 ? "、" : "",
                                skill_words[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (skill_words))]);
      values[5] = skills->str;
      g_string_append_c (world->industry_of, industry[0]);
      bulk_row (bulk, values);
    }
  bulk_end (bulk, "pioneers");
  world->pioneers = read_ids (world->db, "SELECT id FROM pioneers ORDER BY id", NULL);
}

/* One offer per pioneer; the item suits the industry two times in three. */
static void
add_offers (World *world)
{
  static const char * const columns[] = { "uid", "pioneer_id", "item_id", "regions", "mode",
                                          "capacity_per_month", "available", "available_until",
                                          "created_at", "updated_at", NULL };
  static const char * const modes[] = { "on-site", "on-site", "on-site", "on-site", "on-site", "on-site",
                                        "on-site", "both", "both", "remote" };
  gint64 now = xf_db_now ();
  char a[32], b[32], c[32], d[32];
  XfDbBulk *bulk = bulk_begin (world->db, "service_offers", columns);
  for (guint i = 0; i < world->pioneers->len; i++)
    {
      g_autofree char *uid = xf_store_new_uid ();
      g_autofree char *regions = NULL;
      guint item = g_rand_int_range (world->rand, 0, world->n_items);
      int dice = g_rand_int_range (world->rand, 0, 100);
      const char *values[10];

      if (g_rand_int_range (world->rand, 0, 3) > 0)
        {
          /* An item that suits: try a few. */
          for (guint tries = 0; tries < 8; tries++)
            {
              guint other = g_rand_int_range (world->rand, 0, world->n_items);
              char token[4] = { ' ', world->industry_of->str[i], ' ', 0 };

              if (strstr (world->items[other].industries, token) != NULL)
                {
                  item = other;
                  break;
                }
            }
        }
      if (dice < 15)
        regions = g_strdup (g_ptr_array_index (world->counties, g_rand_int_range (world->rand, 0, world->counties->len)));
      else if (dice < 20)
        regions = g_strdup_printf ("%s %s",
                                   (char *) g_ptr_array_index (world->counties, g_rand_int_range (world->rand, 0, world->counties->len)),
                                   (char *) g_ptr_array_index (world->townships, g_rand_int_range (world->rand, 0, world->townships->len)));
      else
        regions = g_strdup ("");
      values[0] = uid;
      values[1] = I64 (a, g_array_index (world->pioneers, gint64, i));
      values[2] = I64 (b, world->items[item].id);
      values[3] = regions;
      values[4] = modes[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (modes))];
      values[5] = I64 (c, g_rand_int_range (world->rand, 1, 11));
      values[6] = g_rand_int_range (world->rand, 0, 20) == 0 ? "0" : "1";
      values[7] = g_rand_int_range (world->rand, 0, 20) == 0 ? "2026-01-31" : NULL;
      values[8] = I64 (d, now);
      values[9] = d;
      bulk_row (bulk, values);
      g_array_append_val (world->items[item].offerers, i);
    }
  bulk_end (bulk, "service_offers");
}

static void
add_requests (World *world,
              guint  n)
{
  static const char * const columns[] = { "uid", "code", "requester_name", "requester_contact", "item_id",
                                          "region_code", "description", "status", "claimed_by", "claimed_at",
                                          "claim_kind", "response_due_at", "done_at", "closed_at", "created_by",
                                          "created_at", "updated_at", NULL };
  static const char * const feedback_columns[] = { "request_id", "rating", "liked", "created_at", "created_by", NULL };
  g_autoptr(GDateTime) now_local = g_date_time_new_now_local ();
  gint64 now = local_us (now_local);
  gint64 span = (gint64) 400 * 24 * 3600 * G_USEC_PER_SEC;
  char a[32], b[32], c[32], d[32], e[32];
  XfDbBulk *bulk = bulk_begin (world->db, "service_requests", columns);
  g_autoptr(GArray) done = NULL;
  g_autoptr(GArray) done_at = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = xf_store_new_uid ();
      g_autofree char *code = g_strdup_printf ("B%07u", i);
      guint item = g_rand_int_range (world->rand, 0, world->n_items);
      gboolean historic = i % 5 == 4 && world->items[item].offerers->len > 0;
      const char *values[17] = { uid, code, "张三", "13800001234", I64 (a, world->items[item].id),
                                 g_ptr_array_index (world->townships,
                                                    g_rand_int_range (world->rand, 0, world->townships->len)),
                                 "需要帮助", "open", NULL, NULL, NULL, NULL, NULL, NULL, "bench", NULL, NULL };

      if (historic)
        {
          GArray *offerers = world->items[item].offerers;
          guint who = g_array_index (offerers, guint, g_rand_int_range (world->rand, 0, offerers->len));
          gint64 at = now - (gint64) (g_rand_double (world->rand) * span) - (gint64) 40 * 24 * 3600 * G_USEC_PER_SEC;

          values[7] = "done";
          values[8] = I64 (b, g_array_index (world->pioneers, gint64, who));
          values[9] = I64 (c, at);
          values[10] = "claim";
          values[11] = c;
          values[12] = I64 (d, at + (gint64) 86400 * G_USEC_PER_SEC);
          values[13] = d;
          values[15] = c;
          values[16] = d;
        }
      else
        {
          values[11] = I64 (e, now + (gint64) 2 * 86400 * G_USEC_PER_SEC);
          values[15] = I64 (c, now);
          values[16] = c;
        }
      bulk_row (bulk, values);
    }
  bulk_end (bulk, "service_requests");

  world->open_items = g_array_new (FALSE, FALSE, sizeof (gint64));
  world->open = read_ids (world->db, "SELECT id, item_id FROM service_requests WHERE status = 'open' ORDER BY id",
                          world->open_items);
  /* Item ids → item indexes. */
  for (guint i = 0; i < world->open_items->len; i++)
    {
      gint64 *slot = &g_array_index (world->open_items, gint64, i);

      for (guint k = 0; k < world->n_items; k++)
        if (world->items[k].id == *slot)
          {
            *slot = k;
            break;
          }
    }

  done = read_ids (world->db, "SELECT id, done_at FROM service_requests WHERE status = 'done' ORDER BY id", done_at);
  bulk = bulk_begin (world->db, "service_feedback", feedback_columns);
  for (guint i = 0; i < done->len; i++)
    {
      static const char * const ratings[] = { "1", "2", "3", "3", "4", "4", "4", "5", "5", "5" };
      const char *values[] = { I64 (a, g_array_index (done, gint64, i)),
                               ratings[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (ratings))],
                               g_rand_boolean (world->rand) ? "1" : "0",
                               I64 (b, g_array_index (done_at, gint64, i)), "bench" };

      bulk_row (bulk, values);
    }
  bulk_end (bulk, "service_feedback");
}

/*
 * Claims
 */

typedef struct
{
  gint64 request_id;
  gint64 pioneer_id;
} Attempt;

typedef struct
{
  const char *location;
  Attempt    *attempts;
  guint       n_attempts;
  gint       *next;
  guint       wins;
  guint       lost;
  guint       errors;
  char       *first_error;
} Desk;

static gpointer
desk_run (gpointer data)
{
  Desk *desk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) actor = xf_account_new_local_administrator ();
  g_autoptr(XfStore) store = xf_store_open (desk->location, &error);
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;

  check (store != NULL, error, "open a desk");
  registry = xf_registry_new (store, actor);
  services = xf_services_new (registry);
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (desk->next, 1);
      g_autoptr(GError) refusal = NULL;

      if (i >= desk->n_attempts)
        break;
      if (xf_services_claim (services, desk->attempts[i].request_id, desk->attempts[i].pioneer_id, &refusal))
        desk->wins++;
      else if (g_error_matches (refusal, XF_ERROR, XF_ERROR_CONFLICT)
               || g_error_matches (refusal, XF_ERROR, XF_ERROR_INVALID)
               || g_error_matches (refusal, XF_ERROR, XF_ERROR_WORKFLOW))
        desk->lost++;
      else
        {
          desk->errors++;
          if (desk->first_error == NULL)
            desk->first_error = g_strdup (refusal != NULL ? refusal->message : "?");
        }
    }
  return NULL;
}

static void
run_claims (World      *world,
            const char *location,
            guint       n_attempts,
            guint       n_threads,
            const char *label)
{
  g_autofree Attempt *attempts = g_new (Attempt, n_attempts);
  g_autofree Desk *desks = g_new0 (Desk, n_threads);
  g_autofree GThread **threads = g_new (GThread *, n_threads);
  guint wins = 0, lost = 0, errors = 0;
  gint next = 0;
  gint64 start;
  double seconds;

  for (guint i = 0; i < n_attempts; i++)
    {
      guint r = i % world->open->len;
      GArray *offerers = world->items[g_array_index (world->open_items, gint64, r)].offerers;
      guint who = offerers->len > 0
                  ? g_array_index (offerers, guint, g_rand_int_range (world->rand, 0, offerers->len)) : 0;

      attempts[i].request_id = g_array_index (world->open, gint64, r);
      attempts[i].pioneer_id = g_array_index (world->pioneers, gint64, who);
    }
  /* Shuffled, so that many desks race for the same requests. */
  for (guint i = n_attempts - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (world->rand, 0, i + 1);
      Attempt swap = attempts[i];

      attempts[i] = attempts[j];
      attempts[j] = swap;
    }

  start = g_get_monotonic_time ();
  for (guint t = 0; t < n_threads; t++)
    {
      desks[t].location = location;
      desks[t].attempts = attempts;
      desks[t].n_attempts = n_attempts;
      desks[t].next = &next;
      threads[t] = g_thread_new ("desk", desk_run, &desks[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    {
      g_thread_join (threads[t]);
      wins += desks[t].wins;
      lost += desks[t].lost;
      errors += desks[t].errors;
      if (desks[t].first_error != NULL)
        printf ("desk %u: %u errors, the first: %s\n", t, desks[t].errors, desks[t].first_error);
      g_free (desks[t].first_error);
    }
  seconds = seconds_since (start);

  printf ("claims: %u attempts by %u desks in %.1f s: %u won, %u lost, %u errors\n",
          n_attempts, n_threads, seconds, wins, lost, errors);
  if (query_int64 (world->db, "SELECT count(*) FROM (SELECT request_id FROM service_claims WHERE won = 1"
                              " GROUP BY request_id HAVING count(*) > 1) twice") != 0)
    g_error ("a request has two winners");
  if (query_int64 (world->db, "SELECT count(*) FROM service_claims WHERE won = 1") != wins)
    g_error ("the log does not hold every win");
  printf ("check: one winner at most per request; %" G_GINT64_FORMAT " attempts logged\n",
          query_int64 (world->db, "SELECT count(*) FROM service_claims"));
  printf ("%s: claims %.0f attempts/s, %.0f wins/s (%u desks)\n", label, n_attempts / seconds,
          wins / seconds, n_threads);
  fflush (stdout);
}

/*
 * Suggestions against one SQL query
 */

typedef struct
{
  gint64 pioneer_id;
  double score;
} Ranked;

/* The whole ranking as one statement: candidates, the five parts, the
 * score, the order and the limit. */
static GArray *
run_sql (XfDb       *db,
         const char *item_keywords,
         const char *item_industries,
         gint64      item_id,
         const char *region,
         gint64      month_start,
         gint64      year_ago,
         const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = g_utf8_casefold (item_keywords, -1);
  g_auto(GStrv) keywords = g_strsplit (folded, " ", -1);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *c1 = g_strdup_printf ("%% %s %%", region);
  g_autofree char *c2 = g_strdup_printf ("%% %.6s %%", region);
  g_autofree char *c3 = g_strdup_printf ("%% %.4s00 %%", region);
  g_autofree char *c4 = g_strdup_printf ("%% %.2s0000 %%", region);
  g_autofree char *l6 = g_strdup_printf ("%% %.6s%%", region);
  g_autofree char *l4 = g_strdup_printf ("%% %.4s%%", region);
  g_autofree char *l2 = g_strdup_printf ("%% %.2s%%", region);
  g_autofree char *industries_padded = g_strdup_printf (" %s ", item_industries);
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  gboolean pg = xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL;
  guint n_keywords = 0;
  int param;
  XfDbStep step;

  g_string_append (sql,
    "WITH c AS (SELECT p.id, "
    "0.6 + CASE WHEN (1 = 0");
  for (guint i = 0; keywords[i] != NULL; i++)
    if (*keywords[i] != '\0')
      g_string_append_printf (sql, " OR lower(coalesce(p.skills, '')) LIKE $%u", 13 + n_keywords++);
  g_string_append (sql,
    ") THEN 0.4 ELSE 0 END AS skills, "
    "CASE WHEN $5 LIKE '% ' || coalesce(p.industry, '#') || ' %' THEN 1 ELSE 0 END AS industry, "
    "' ' || CASE WHEN o.regions = '' THEN coalesce(p.region_code, '') ELSE o.regions END || ' ' AS served, "
    "o.mode, o.capacity_per_month AS cap, "
    "(SELECT count(*) FROM service_requests r WHERE r.claimed_by = p.id AND r.item_id = o.item_id"
    "  AND r.claimed_at >= $2 AND r.status <> 'cancelled') AS n, "
    "(SELECT avg(CAST(f.rating AS DOUBLE PRECISION)) FROM service_requests r"
    "  JOIN service_feedback f ON f.request_id = r.id"
    "  WHERE r.claimed_by = p.id AND f.rating IS NOT NULL AND f.created_at >= $3) AS mean "
    "FROM service_offers o JOIN pioneers p ON p.id = o.pioneer_id "
    "WHERE o.item_id = $1 AND o.available = 1 AND (o.available_until IS NULL OR o.available_until >= $4)"
    " AND p.status = 'active'), "
    "parts AS (SELECT id, skills, industry, "
    "CASE WHEN served LIKE $6 OR served LIKE $7 OR served LIKE $8 OR served LIKE $9 THEN 1.0"
    " WHEN served LIKE $10 THEN 0.75 WHEN served LIKE $11 THEN 0.5 WHEN served LIKE $12 THEN 0.25"
    " ELSE 0.0 END AS region, mode, "
    "CASE WHEN n >= cap THEN 0.0 ELSE 1.0 - CAST(n AS DOUBLE PRECISION) / cap END AS load, "
    "CASE WHEN mean IS NULL THEN 0.6 ELSE mean / 5.0 END AS rating FROM c), "
    "scored AS (SELECT id, CAST(0.35 AS DOUBLE PRECISION) * skills + 0.15 * industry"
    " + 0.25 * (CASE WHEN mode <> 'on-site' AND region < 0.5 THEN 0.5 ELSE region END)"
    " + 0.15 * load + 0.10 * rating AS score FROM parts) ");
  g_string_append_printf (sql, "SELECT id, score FROM scored ORDER BY %s DESC, id LIMIT %d",
                          pg ? "round(CAST(score AS NUMERIC), 9)" : "round(score, 9)", TOP);

  stmt = xf_db_prepare (db, sql->str, &error);
  check (stmt != NULL, error, "prepare the ranking");
  xf_db_stmt_bind_int64 (stmt, 1, item_id);
  xf_db_stmt_bind_int64 (stmt, 2, month_start);
  xf_db_stmt_bind_int64 (stmt, 3, year_ago);
  xf_db_stmt_bind_text (stmt, 4, today);
  xf_db_stmt_bind_text (stmt, 5, industries_padded);
  xf_db_stmt_bind_text (stmt, 6, c1);
  xf_db_stmt_bind_text (stmt, 7, c2);
  xf_db_stmt_bind_text (stmt, 8, c3);
  xf_db_stmt_bind_text (stmt, 9, c4);
  xf_db_stmt_bind_text (stmt, 10, l6);
  xf_db_stmt_bind_text (stmt, 11, l4);
  xf_db_stmt_bind_text (stmt, 12, l2);
  param = 13;
  for (guint i = 0; keywords[i] != NULL; i++)
    if (*keywords[i] != '\0')
      {
        g_autofree char *pattern = g_strdup_printf ("%%%s%%", keywords[i]);

        xf_db_stmt_bind_text (stmt, param++, pattern);
      }
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    {
      Ranked row = { xf_db_stmt_column_int64 (stmt, 0), xf_db_stmt_column_double (stmt, 1) };

      g_array_append_val (ranked, row);
    }
  check (step == XF_DB_STEP_DONE, error, "run the ranking");
  return ranked;
}

static void
compare (GPtrArray  *matches,
         GArray     *ranked,
         const char *code)
{
  if (matches->len != ranked->len)
    g_error ("%s: C gives %u, SQL %u", code, matches->len, ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    {
      XfServiceMatch *match = g_ptr_array_index (matches, i);
      Ranked *row = &g_array_index (ranked, Ranked, i);

      if (match->pioneer_id != row->pioneer_id || fabs (match->score - row->score) > 1e-9)
        g_error ("%s, place %u: C pioneer %" G_GINT64_FORMAT " score %.12f; SQL pioneer %" G_GINT64_FORMAT
                 " score %.12f", code, i + 1, match->pioneer_id, match->score, row->pioneer_id, row->score);
    }
}

static void
run_suggest (World      *world,
             XfServices *services,
             guint       n_runs,
             const char *label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      1, 0, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) year = g_date_time_add_years (midnight, -1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree double *c_times = g_new (double, n_runs);
  g_autofree double *sql_times = g_new (double, n_runs);
  g_autoptr(GArray) sample = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) item_rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 candidates = 0;
  double c_median, sql_median;

  item_rows = xf_services_list_items (services, FALSE, &error);
  check (item_rows != NULL, error, "catalogue");
  /* One request of each item (the first of each in the open list). */
  for (guint k = 0; k < world->n_items; k++)
    for (guint r = 0; r < world->open->len; r++)
      if ((guint) g_array_index (world->open_items, gint64, r) == k)
        {
          g_array_append_val (sample, r);
          break;
        }
  for (guint k = 0; k < world->n_items; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM service_offers WHERE item_id = %" G_GINT64_FORMAT,
                                              world->items[k].id);

      candidates += query_int64 (world->db, sql);
    }
  printf ("suggest: %u requests, one of each item, about %" G_GINT64_FORMAT " offers each\n",
          sample->len, candidates / MAX (world->n_items, 1));

  for (guint run = 0; run <= n_runs; run++)
    {
      gint64 start;
      double c_time = 0, sql_time = 0;

      for (guint s = 0; s < sample->len; s++)
        {
          guint r = g_array_index (sample, guint, s);
          guint k = (guint) g_array_index (world->open_items, gint64, r);
          gint64 request_id = g_array_index (world->open, gint64, r);
          XfServiceItem *item = NULL;
          g_autoptr(GPtrArray) matches = NULL;
          g_autoptr(GArray) ranked = NULL;
          g_autofree char *region = NULL;
          g_autofree char *region_sql = g_strdup_printf ("SELECT region_code FROM service_requests WHERE id = %"
                                                         G_GINT64_FORMAT, request_id);

          for (guint i = 0; i < item_rows->len; i++)
            if (((XfServiceItem *) g_ptr_array_index (item_rows, i))->id == world->items[k].id)
              item = g_ptr_array_index (item_rows, i);
          {
            g_autoptr(XfDbStmt) stmt = xf_db_prepare (world->db, region_sql, &error);

            check (stmt != NULL && xf_db_stmt_step (stmt, &error) == XF_DB_STEP_ROW, error, "region");
            region = xf_db_stmt_dup_text (stmt, 0);
          }

          start = g_get_monotonic_time ();
          matches = xf_services_suggest (services, request_id, TOP, &error);
          c_time += seconds_since (start);
          check (matches != NULL, error, "suggest");

          start = g_get_monotonic_time ();
          ranked = run_sql (world->db, item->keywords, item->industries, item->id, region,
                            local_us (month), local_us (year), today);
          sql_time += seconds_since (start);
          if (run == 0)
            compare (matches, ranked, item->code);
        }
      /* Run 0 warms the caches alike and is not counted. */
      if (run == 0)
        {
          printf ("check: the same top %d for all %u requests\n", TOP, sample->len);
          continue;
        }
      c_times[run - 1] = c_time;
      sql_times[run - 1] = sql_time;
      printf ("run %u: C %.3f s, SQL %.3f s\n", run, c_time, sql_time);
    }
  c_median = median (c_times, n_runs);
  sql_median = median (sql_times, n_runs);
  printf ("%s: suggest (C) %.1f ms, one SQL query %.1f ms per request, median of %u\n", label,
          1000 * c_median / sample->len, 1000 * sql_median / sample->len, n_runs);
  printf ("%s: ratio %.2f (goal <= 1.5)\n", label, c_median / sql_median);
  fflush (stdout);
}

static void
run (const char *label,
     const char *location,
     guint       n_pioneers,
     guint       n_requests,
     guint       n_attempts,
     guint       n_threads,
     guint       n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccount) actor = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;
  World world = { 0, };
  gint64 start;

  printf ("\n== %s: %u pioneers, %u requests, %u claim attempts\n", label, n_pioneers, n_requests, n_attempts);
  store = xf_store_open (location, &error);
  check (store != NULL, error, "open");
  world.db = xf_store_get_db (store);
  world.rand = g_rand_new_with_seed (SEED);
  world.industry_of = g_string_new (NULL);
  registry = xf_registry_new (store, actor);
  services = xf_services_new (registry);
  load_regions (&world);
  load_items (&world, services);

  start = g_get_monotonic_time ();
  check (xf_db_begin (world.db, &error), error, "begin");
  add_pioneers (&world, n_pioneers);
  add_offers (&world);
  add_requests (&world, n_requests);
  check (xf_db_commit (world.db, &error), error, "commit");
  exec (world.db, "ANALYZE");
  printf ("setup: %.1f s; %" G_GINT64_FORMAT " offers, %u open requests, %" G_GINT64_FORMAT " rated\n",
          seconds_since (start), query_int64 (world.db, "SELECT count(*) FROM service_offers"), world.open->len,
          query_int64 (world.db, "SELECT count(*) FROM service_feedback"));
  fflush (stdout);

  run_claims (&world, location, n_attempts, n_threads, label);
  exec (world.db, "ANALYZE");
  run_suggest (&world, services, n_runs, label);

  for (guint k = 0; k < world.n_items; k++)
    {
      g_free (world.items[k].code);
      g_free (world.items[k].industries);
      g_array_unref (world.items[k].offerers);
    }
  g_free (world.items);
  g_ptr_array_unref (world.townships);
  g_ptr_array_unref (world.counties);
  g_array_unref (world.pioneers);
  g_array_unref (world.open);
  g_array_unref (world.open_items);
  g_rand_free (world.rand);
  g_string_free (world.industry_of, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *url = g_getenv ("XIANFENG_TEST_POSTGRESQL");
  guint n_pioneers = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  guint n_requests = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  guint n_attempts = argc > 3 ? (guint) atoi (argv[3]) : 1000000;
  guint n_threads = argc > 4 ? (guint) atoi (argv[4]) : 4;
  guint n_runs = argc > 5 ? (guint) atoi (argv[5]) : 5;

  if (n_pioneers == 0 || n_requests < 5 || n_attempts == 0 || n_threads == 0 || n_runs == 0)
    {
      g_printerr ("Usage: %s [PIONEERS [REQUESTS [ATTEMPTS [THREADS [RUNS]]]]]\n", argv[0]);
      return 2;
    }

  if (g_getenv ("BENCH_SQLITE") == NULL || !g_str_equal (g_getenv ("BENCH_SQLITE"), "0"))
    {
      path = bench_sqlite_path ("xianfeng-services-bench-XXXXXX", "services.db", &dir);
      run ("SQLite", path, n_pioneers, n_requests, n_attempts, n_threads, n_runs);
      bench_sqlite_remove (dir, path);
    }

  if (url != NULL && *url != '\0')
    {
      g_autoptr(XfDb) admin = xf_db_open (url, XF_DB_OPEN_DEFAULT, &error);
      g_autofree char *schema = NULL;
      g_autofree char *location = NULL;
      const char *pg_attempts = g_getenv ("BENCH_PG_ATTEMPTS");

      check (admin != NULL, error, url);
      location = bench_pg_schema_new (admin, url, "xf_bench_services", &schema);
      /* PostgreSQL's claims are slower: a run may take fewer of them. */
      run ("PostgreSQL", location, n_pioneers, n_requests,
           pg_attempts != NULL && atoi (pg_attempts) > 0 ? (guint) atoi (pg_attempts) : n_attempts,
           n_threads, n_runs);
      bench_pg_schema_drop (admin, schema);
    }
  else
    printf ("\nPostgreSQL: skipped (set XIANFENG_TEST_POSTGRESQL to a server's URL)\n");
  return 0;
}
