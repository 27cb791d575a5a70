/* test-ranking.c — the pioneer index, monthly snapshots and explanations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-test-ranking.h"

#define FEB "2026-02"
#define MAR "2026-03"
#define EPS 1e-9

static const XfRankingEntry *
find (GPtrArray *entries,
      gint64     id)
{
  for (guint i = 0; i < entries->len; i++)
    if (((XfRankingEntry *) g_ptr_array_index (entries, i))->pioneer_id == id)
      return g_ptr_array_index (entries, i);
  return NULL;
}

static const XfIndexPart *
part (const XfRankingEntry *entry,
      const char           *id)
{
  for (guint i = 0; i < entry->parts->len; i++)
    if (g_str_equal (((XfIndexPart *) g_ptr_array_index (entry->parts, i))->id, id))
      return g_ptr_array_index (entry->parts, i);
  g_assert_not_reached ();
}

/*
 * February, with the default weights (views 10, caps 1 per visitor and 50
 * per day; recommendations 10; services 20; ratings 10 by value; Σ 100):
 *
 *   甲: views: visitor v1 three times on the 3rd (1 after the cap), v2 once
 *       on the 3rd, v1 once on the 4th → 3; two services done → 2; a
 *       rating of 3 → 3.
 *   乙: views: v1 once on the 3rd, and two views with no visitor from the
 *       portal on the 5th (one "who": the source) → 2; a service → 1;
 *       ratings 5 and 4 → 9.
 *   丙: one recommendation → 1.
 *   the collective: one service → 1.
 *
 * Maxima: views 3, recommendations 1, services 2, ratings 9.
 *   甲 = 10×3/3 + 20×2/2 + 10×3/9 = 10 + 20 + 3.333… = 33.333…
 *   乙 = 10×2/3 + 20×1/2 + 10×9/9 = 6.666… + 10 + 10 = 26.666…
 *   丙 = 10×1/1 = 10
 *   the collective = 20×1/2 = 10
 */
static void
add_february (RankingFixture *f)
{
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-02-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-02-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-02-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-02-03", "portal", "v2", 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-02-04", "portal", "v1", 1);
  xf_test_ranking_event (f, f->a, "service-done", "2026-02-10", "test", NULL, 1);
  xf_test_ranking_event (f, f->a, "service-done", "2026-02-10", "test", NULL, 1);
  xf_test_ranking_event (f, f->a, "service-rated", "2026-02-11", "test", NULL, 3);
  xf_test_ranking_event (f, f->b, "card-viewed", "2026-02-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->b, "card-viewed", "2026-02-05", "portal", NULL, 1);
  xf_test_ranking_event (f, f->b, "card-viewed", "2026-02-05", "portal", NULL, 1);
  xf_test_ranking_event (f, f->b, "service-done", "2026-02-12", "test", NULL, 1);
  xf_test_ranking_event (f, f->b, "service-rated", "2026-02-12", "test", NULL, 5);
  xf_test_ranking_event (f, f->b, "service-rated", "2026-02-13", "test", NULL, 4);
  xf_test_ranking_event (f, f->c, "recommended", "2026-02-20", "app-desk", "org-1", 1);
  xf_test_ranking_event (f, f->team, "service-done", "2026-02-21", "test", NULL, 1);
  /* Outside February: not counted. */
  xf_test_ranking_event (f, f->c, "recommended", "2026-01-31", "app-desk", "org-2", 1);
  xf_test_ranking_event (f, f->c, "recommended", "2026-03-01", "app-desk", "org-3", 1);
}

static void
check_february (XfMonthlyRanking *ranking,
                RankingFixture   *f)
{
  const XfRankingEntry *a, *b, *c, *team;

  g_assert_cmpuint (ranking->individuals->len, ==, 3);
  g_assert_cmpuint (ranking->collectives->len, ==, 1);
  a = g_ptr_array_index (ranking->individuals, 0);
  b = g_ptr_array_index (ranking->individuals, 1);
  c = g_ptr_array_index (ranking->individuals, 2);
  team = g_ptr_array_index (ranking->collectives, 0);
  g_assert_cmpint (a->pioneer_id, ==, f->a);
  g_assert_cmpint (b->pioneer_id, ==, f->b);
  g_assert_cmpint (c->pioneer_id, ==, f->c);
  g_assert_cmpint (team->pioneer_id, ==, f->team);
  g_assert_cmpint (a->rank, ==, 1);
  g_assert_cmpint (b->rank, ==, 2);
  g_assert_cmpint (c->rank, ==, 3);
  g_assert_cmpint (team->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->score, 100.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (b->score, 80.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (c->score, 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (team->score, 10.0, EPS);
  g_assert_cmpstr (a->name, ==, "甲先锋");
  g_assert_cmpstr (a->kind, ==, "individual");
  g_assert_cmpstr (team->kind, ==, "collective");
  g_assert_cmpstr (a->region_code, ==, XF_TEST_WUKANG);

  /* The parts, after caps and normalised by the month's maxima. */
  g_assert_cmpuint (a->parts->len, ==, 9);
  g_assert_cmpfloat (part (a, "views")->raw, ==, 3);
  g_assert_cmpfloat (part (a, "views")->max, ==, 3);
  g_assert_cmpfloat (part (b, "views")->raw, ==, 2);
  g_assert_cmpfloat_with_epsilon (part (b, "views")->normalised, 2.0 / 3.0, EPS);
  g_assert_cmpfloat (part (a, "services")->raw, ==, 2);
  g_assert_cmpfloat (part (b, "services")->max, ==, 2);
  g_assert_cmpfloat (part (b, "ratings")->raw, ==, 9);
  g_assert_cmpfloat (part (a, "ratings")->max, ==, 9);
  g_assert_cmpfloat (part (c, "recommendations")->raw, ==, 1);
  g_assert_cmpfloat (part (a, "likes")->max, ==, 0);
  g_assert_cmpfloat (part (a, "likes")->normalised, ==, 0);
  g_assert_cmpfloat_with_epsilon (part (b, "ratings")->points, 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (part (a, "services")->points, 20.0, EPS);
  /* After caps: views 3 + 2, services 2 + 1 + 1, a recommendation, and
   * the 3 rating events (a "value" component counts its events). */
  g_assert_cmpint (ranking->pioneers_scored, ==, 4);
  g_assert_cmpint (ranking->events_counted, ==, 13);
}

static void
test_index (RankingFixture *f,
            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) preview = NULL;
  g_autoptr(XfMonthlyRanking) frozen = NULL;

  add_february (f);
  preview = xf_ranking_preview (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_false (preview->frozen);
  check_february (preview, f);

  frozen = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_true (frozen->frozen);
  g_assert_false (frozen->automatic);
  g_assert_cmpstr (frozen->month, ==, FEB);
  check_february (frozen, f);
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_RANKING_COMPUTE), ==, 1);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM ranking_entries"), ==, 4);
}

static void
test_archived_skipped (RankingFixture *f,
                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) preview = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;

  add_february (f);
  pioneer = xf_registry_get_pioneer (f->registry, f->a, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (f->registry, pioneer, "retired", &error));
  g_assert_no_error (error);
  preview = xf_ranking_preview (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_null (find (preview->individuals, f->a));
  g_assert_cmpuint (preview->individuals->len, ==, 2);
  /* 乙 now has the most views (2) and ratings (9), and the services' max is
   * 1: 10 + 20 + 10 = 40. */
  g_assert_cmpint (((XfRankingEntry *) g_ptr_array_index (preview->individuals, 0))->pioneer_id, ==, f->b);
  g_assert_cmpfloat_with_epsilon (((XfRankingEntry *) g_ptr_array_index (preview->individuals, 0))->score,
                                  40.0, EPS);
}

static void
test_duplicates (RankingFixture *f,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;

  for (int i = 0; i < 2; i++)
    {
      g_assert_true (xf_ranking_record_event (f->ranking, f->a, "card-liked", "wechat", "abc", "v-1",
                                              xf_test_ranking_noon ("2026-02-03"), 1, &error));
      g_assert_no_error (error);
    }
  /* The same id from another source is another event. */
  g_assert_true (xf_ranking_record_event (f->ranking, f->a, "card-liked", "portal", "abc", "v-1",
                                          xf_test_ranking_noon ("2026-02-03"), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM engagement_events"), ==, 2);
  on = xf_test_query_text (f->store, "SELECT occurred_on FROM engagement_events WHERE source = 'wechat'");
  g_assert_cmpstr (on, ==, "2026-02-03");

  g_assert_false (xf_ranking_record_event (f->ranking, f->a, "like", "wechat", "x", NULL, 0, 1, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Kind:"));
  g_clear_error (&error);
  g_assert_false (xf_ranking_record_event (f->ranking, f->a, "card-liked", "", "x", NULL, 0, 1, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Source:"));
  g_clear_error (&error);
  g_assert_false (xf_ranking_record_event (f->ranking, 999999, "card-liked", "wechat", "y", NULL, 0, 1, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Pioneer:"));
}

/* The current month with views capped at 1 per visitor and 2 per day:
 * 甲: five visitors on the 2nd (→ 2), one on the 3rd, twice (→ 1): 3;
 * 乙: one visitor on the 2nd: 1. Only views weigh (10 of 10 + 0):
 * 甲 = 100 × 3/3 = 100, 乙 = 100 × 1/3 = 33.333… */
static void
test_caps_per_day (RankingFixture *f,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = xf_index_weights_parse (
    "{\"components\": [{\"id\": \"views\", \"name_en\": \"Views\", \"name_zh\": \"浏览\","
    " \"kinds\": [\"card-viewed\"], \"weight\": 10, \"measure\": \"count\", \"per_source_day\": 1, \"per_day\": 2},"
    " {\"id\": \"rest\", \"name_en\": \"Rest\", \"name_zh\": \"其他\", \"kinds\": [\"service-done\"],"
    " \"weight\": 0, \"measure\": \"count\"}]}", &error);
  g_autoptr(XfMonthlyRanking) preview = NULL;
  const char *visitors[] = { "v1", "v2", "v3", "v4", "v5" };

  g_assert_no_error (error);
  g_assert_cmpint (xf_ranking_set_weights (f->ranking, weights, MAR, "caps test", &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (visitors); i++)
    xf_test_ranking_event (f, f->a, "card-viewed", "2026-03-02", "portal", visitors[i], 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-03-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->a, "card-viewed", "2026-03-03", "portal", "v1", 1);
  xf_test_ranking_event (f, f->b, "card-viewed", "2026-03-02", "portal", "v1", 1);
  preview = xf_ranking_preview (f->ranking, MAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->individuals->len, ==, 2);
  g_assert_cmpfloat (part (g_ptr_array_index (preview->individuals, 0), "views")->raw, ==, 3);
  g_assert_cmpfloat_with_epsilon (((XfRankingEntry *) g_ptr_array_index (preview->individuals, 0))->score,
                                  100.0, EPS);
  g_assert_cmpfloat_with_epsilon (((XfRankingEntry *) g_ptr_array_index (preview->individuals, 1))->score,
                                  100.0 / 3.0, EPS);
  /* The current month cannot be frozen. */
  g_assert_null (xf_ranking_compute (f->ranking, MAR, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Month:"));
  g_clear_error (&error);
  g_assert_null (xf_ranking_compute (f->ranking, "2026-04", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xf_ranking_compute (f->ranking, "2026-13", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

/* Equal scores are ranked by uid. */
static void
test_ties (RankingFixture *f,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) ranking = NULL;
  const XfRankingEntry *first, *second, *third;

  xf_test_ranking_event (f, f->c, "service-done", "2026-02-02", "test", NULL, 1);
  xf_test_ranking_event (f, f->a, "service-done", "2026-02-02", "test", NULL, 1);
  xf_test_ranking_event (f, f->b, "service-done", "2026-02-02", "test", NULL, 1);
  ranking = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->individuals->len, ==, 3);
  first = g_ptr_array_index (ranking->individuals, 0);
  second = g_ptr_array_index (ranking->individuals, 1);
  third = g_ptr_array_index (ranking->individuals, 2);
  g_assert_cmpfloat (first->score, ==, second->score);
  g_assert_cmpfloat (second->score, ==, third->score);
  g_assert_cmpfloat_with_epsilon (first->score, 20.0, EPS);
  g_assert_cmpint (strcmp (first->pioneer_uid, second->pioneer_uid), <, 0);
  g_assert_cmpint (strcmp (second->pioneer_uid, third->pioneer_uid), <, 0);
  g_assert_cmpint (third->rank, ==, 3);
}

static void
test_recompute (RankingFixture *f,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) first = NULL;
  g_autoptr(XfMonthlyRanking) second = NULL;
  g_autoptr(XfMonthlyRanking) read = NULL;
  g_auto(GStrv) months = NULL;

  add_february (f);
  first = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  second = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->individuals->len, ==, second->individuals->len);
  for (guint i = 0; i < first->individuals->len; i++)
    {
      const XfRankingEntry *x = g_ptr_array_index (first->individuals, i);
      const XfRankingEntry *y = g_ptr_array_index (second->individuals, i);

      g_assert_cmpint (x->pioneer_id, ==, y->pioneer_id);
      g_assert_true (x->score == y->score);     /* bit-equal */
      g_assert_cmpint (x->rank, ==, y->rank);
    }
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM monthly_rankings"), ==, 1);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM ranking_entries"), ==, 4);
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_RANKING_COMPUTE), ==, 2);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'ranking-compute'"
                                        " AND new_value = 'recomputed' AND record_uid = '2026-02'"), ==, 1);
  read = xf_ranking_get (f->ranking, FEB, &error);
  g_assert_no_error (error);
  check_february (read, f);
  months = xf_ranking_list_months (f->ranking, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (months), ==, 1);
  g_assert_cmpstr (months[0], ==, FEB);
  g_assert_null (xf_ranking_get (f->ranking, "2026-01", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_explain (RankingFixture *f,
              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) frozen = NULL;

  add_february (f);
  for (int pass = 0; pass < 2; pass++)
    {
      gint64 ids[] = { f->a, f->b, f->c };

      /* pass 0: a preview; pass 1: the frozen month. */
      if (pass == 1)
        {
          frozen = xf_ranking_compute (f->ranking, FEB, &error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autoptr(XfRankingEntry) entry = xf_ranking_explain (f->ranking, ids[i], FEB, &error);
          double sum = 0;

          g_assert_no_error (error);
          g_assert_cmpint (entry->rank, ==, (int) i + 1);
          for (guint p = 0; p < entry->parts->len; p++)
            sum += ((XfIndexPart *) g_ptr_array_index (entry->parts, p))->points;
          g_assert_cmpfloat_with_epsilon (sum, entry->score, EPS);
          if (i == 0)
            {
              g_assert_cmpfloat_with_epsilon (entry->score, 100.0 / 3.0, EPS);
              g_assert_cmpfloat (part (entry, "views")->raw, ==, 3);
              g_assert_cmpfloat (part (entry, "ratings")->max, ==, 9);
              g_assert_cmpstr (part (entry, "views")->label, ==, "Card views");
            }
        }
    }
  /* The frozen month keeps the weights it was computed with, even if the
   * set in force were changed behind its back. */
  {
    g_autoptr(XfRankingEntry) entry = NULL;
    g_autoptr(XfIndexWeightSet) now = NULL;
    XfDb *db = xf_store_get_db (f->store);

    g_assert_true (xf_db_exec (db, "UPDATE index_weight_sets SET weights = replace (weights,"
                                   " '\"weight\":10,\"measure\":\"count\",\"per_source_day\":1,\"per_day\":50',"
                                   " '\"weight\":50,\"measure\":\"count\",\"per_source_day\":1,\"per_day\":50')",
                               &error));
    g_assert_no_error (error);
    now = xf_ranking_get_weights (f->ranking, FEB, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (((XfIndexComponent *) g_ptr_array_index (now->weights->components, 0))->weight, ==, 50);
    entry = xf_ranking_explain (f->ranking, f->a, FEB, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (part (entry, "views")->weight, ==, 10);
    g_assert_cmpfloat_with_epsilon (entry->score, 100.0 / 3.0, EPS);
    g_assert_cmpfloat_with_epsilon (part (entry, "views")->points, 10.0, EPS);
  }
  /* A pioneer with no events that month: rank 0, score 0. */
  {
    g_autoptr(XfRankingEntry) none = NULL;

    xf_test_ranking_event (f, f->team, "service-done", "2026-01-05", "test", NULL, 1);
    none = xf_ranking_explain (f->ranking, f->team, "2026-01", &error);
    g_assert_no_error (error);
    g_assert_cmpint (none->rank, ==, 1);
    g_clear_pointer (&none, xf_ranking_entry_free);
    none = xf_ranking_explain (f->ranking, f->a, "2026-01", &error);
    g_assert_no_error (error);
    g_assert_cmpint (none->rank, ==, 0);
    g_assert_cmpfloat (none->score, ==, 0);
  }
}

/* Events recorded for a frozen month after it was frozen change neither
 * its ranking nor the explanation of a ranked pioneer: the parts are the
 * frozen values and add up to the frozen score. */
static void
test_explain_late_events (RankingFixture *f,
                          gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(XfRankingEntry) entry = NULL;
  double sum = 0;

  add_february (f);
  frozen = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  /* Two more services for 甲 and a rating for 丙, imported late. */
  xf_test_ranking_event (f, f->a, "service-done", "2026-02-15", "test", NULL, 1);
  xf_test_ranking_event (f, f->a, "service-done", "2026-02-16", "test", NULL, 1);
  xf_test_ranking_event (f, f->c, "service-rated", "2026-02-16", "test", NULL, 5);

  entry = xf_ranking_explain (f->ranking, f->a, FEB, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (entry->score, 100.0 / 3.0, EPS);
  g_assert_cmpfloat (part (entry, "services")->raw, ==, 2);
  g_assert_cmpfloat (part (entry, "services")->normalised, ==, 1);
  for (guint p = 0; p < entry->parts->len; p++)
    sum += ((XfIndexPart *) g_ptr_array_index (entry->parts, p))->points;
  g_assert_cmpfloat_with_epsilon (sum, entry->score, EPS);
  g_clear_pointer (&entry, xf_ranking_entry_free);

  entry = xf_ranking_explain (f->ranking, f->c, FEB, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->rank, ==, 3);
  g_assert_cmpfloat_with_epsilon (entry->score, 10.0, EPS);
  g_assert_cmpfloat (part (entry, "ratings")->raw, ==, 0);
}

static void
test_weights_change (RankingFixture *f,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeightSet) initial = NULL;
  g_autoptr(XfIndexWeightSet) feb = NULL;
  g_autoptr(XfIndexWeightSet) mar = NULL;
  g_autoptr(XfIndexWeights) changed = NULL;
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(XfMonthlyRanking) again = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  gint64 id;

  add_february (f);
  initial = xf_ranking_get_weights (f->ranking, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (initial->valid_from, ==, "2000-01");
  /* Seeding is audited, one entry per component. */
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_INDEX_WEIGHTS), ==, 9);
  frozen = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);

  changed = xf_index_weights_copy (initial->weights);
  ((XfIndexComponent *) g_ptr_array_index (changed->components, 0))->weight = 50;
  g_assert_cmpint (xf_ranking_set_weights (f->ranking, changed, FEB, "too late", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Month:"));
  g_clear_error (&error);
  g_assert_cmpint (xf_ranking_set_weights (f->ranking, changed, MAR, "  ", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);
  id = xf_ranking_set_weights (f->ranking, changed, MAR, "Views count more", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, initial->id);
  /* One entry for the changed component, one for the reason. */
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_INDEX_WEIGHTS), ==, 11);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'index-weights'"
                                        " AND field = 'views' AND record_uid = '2026-03'"), ==, 1);

  feb = xf_ranking_get_weights (f->ranking, FEB, &error);
  g_assert_no_error (error);
  mar = xf_ranking_get_weights (f->ranking, MAR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (feb->id, ==, initial->id);
  g_assert_cmpint (mar->id, ==, id);
  g_assert_cmpfloat (((XfIndexComponent *) g_ptr_array_index (mar->weights->components, 0))->weight, ==, 50);
  sets = xf_ranking_list_weights (f->ranking, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpint (((XfIndexWeightSet *) g_ptr_array_index (sets, 0))->id, ==, id);

  /* February keeps its weights, frozen or recomputed. */
  again = xf_ranking_compute (f->ranking, FEB, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->weight_set_id, ==, initial->id);
  g_assert_cmpfloat (((XfIndexComponent *) g_ptr_array_index (again->weights->components, 0))->weight, ==, 10);
  check_february (again, f);
}

static void
test_automatic (RankingFixture *f,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRanking) clerk = xf_test_ranking_as (f, "clerk-deqing", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autofree char *month = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(XfMonthlyRanking) ranking = NULL;

  /* A month without a single event is left open, not frozen empty. */
  empty = xf_ranking_ensure_previous_month (clerk, &error);
  g_assert_no_error (error);
  g_assert_null (empty);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM monthly_rankings"), ==, 0);

  add_february (f);
  /* The system's duty, for any actor. */
  month = xf_ranking_ensure_previous_month (clerk, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (month, ==, FEB);
  nothing = xf_ranking_ensure_previous_month (clerk, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);
  ranking = xf_ranking_get (clerk, FEB, &error);
  g_assert_no_error (error);
  g_assert_true (ranking->automatic);
  check_february (ranking, f);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'ranking-compute'"
                                        " AND new_value = 'automatic'"), ==, 1);

  /* A month after today's has nothing to show yet. */
  g_assert_null (xf_ranking_preview (clerk, "2099-01", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Month: 2099-01 has not begun yet");
}

static void
test_permissions (RankingFixture *f,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRanking) clerk = xf_test_ranking_as (f, "clerk-deqing", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autoptr(XfIndexWeights) weights = xf_index_weights_load_default (&error);
  g_autoptr(XfMonthlyRanking) preview = NULL;
  g_autoptr(XfIndexWeightSet) set = NULL;
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data ("", 0, NULL);
  g_autoptr(XfEventImportReport) report = NULL;

  g_assert_no_error (error);
  add_february (f);
  g_assert_null (xf_ranking_compute (clerk, FEB, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_ranking_set_weights (clerk, weights, MAR, "no", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  report = xf_ranking_import_events (clerk, input, "x.jsonl", FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM monthly_rankings"), ==, 0);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM index_weight_sets WHERE reason = 'no'"), ==, 0);

  /* Reading is open to every role. */
  preview = xf_ranking_preview (clerk, FEB, &error);
  g_assert_no_error (error);
  check_february (preview, f);
  set = xf_ranking_get_weights (clerk, FEB, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
}

static void
test_months (void)
{
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "2026-13", "2026-00", "1999-12", "2026-1", "2026/01", "", "2026-01-01" };
  g_autofree char *previous = NULL;

  g_assert_true (xf_ranking_check_month ("2026-01", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (xf_ranking_check_month (bad[i], &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Month:"));
      g_clear_error (&error);
    }
  g_setenv ("XIANFENG_TODAY", "2026-01-15", TRUE);
  previous = xf_ranking_previous_month ();
  g_assert_cmpstr (previous, ==, "2025-12");
}

/* The query's text holds the weights' caps and runs as documented. */
static void
test_sql (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = xf_index_weights_load_default (&error);
  g_autofree char *sqlite = NULL;
  g_autofree char *pg = NULL;

  g_assert_no_error (error);
  sqlite = xf_ranking_index_sql (weights, XF_DB_BACKEND_SQLITE);
  pg = xf_ranking_index_sql (weights, XF_DB_BACKEND_POSTGRESQL);
  g_assert_nonnull (strstr (sqlite, "WHEN 'card-viewed' THEN 0 "));
  g_assert_nonnull (strstr (sqlite, "WHEN 'service-rated' THEN 7 "));
  g_assert_nonnull (strstr (sqlite, "CASE WHEN ev.kind IN ('service-rated') THEN ev.value ELSE 1.0 END"));
  /* Caps per who: views, likes, shares, recommendations; per day: not recommendations. */
  g_assert_nonnull (strstr (sqlite, "CASE comp WHEN 0 THEN CASE WHEN v > 1 THEN 1 ELSE v END WHEN 1 THEN"));
  g_assert_nonnull (strstr (sqlite, "WHEN 3 THEN CASE WHEN v > 1 THEN 1 ELSE v END ELSE v END"));
  g_assert_nonnull (strstr (sqlite, "WHEN 2 THEN CASE WHEN v > 10 THEN 10 ELSE v END ELSE v END"));
  g_assert_null (strstr (sqlite, "COLLATE"));
  g_assert_nonnull (strstr (pg, "uid COLLATE \"C\""));
  g_assert_nonnull (strstr (pg, "rn <= 100"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/ranking/" path, RankingFixture, NULL, xf_test_ranking_set_up, func, xf_test_ranking_tear_down)
  ADD ("index", test_index);
  ADD ("archived-skipped", test_archived_skipped);
  ADD ("duplicates", test_duplicates);
  ADD ("caps-per-day", test_caps_per_day);
  ADD ("ties", test_ties);
  ADD ("recompute", test_recompute);
  ADD ("explain", test_explain);
  ADD ("explain-late-events", test_explain_late_events);
  ADD ("weights-change", test_weights_change);
  ADD ("automatic", test_automatic);
  ADD ("permissions", test_permissions);
#undef ADD
  g_test_add_func ("/core/ranking/months", test_months);
  g_test_add_func ("/core/ranking/sql", test_sql);
  return g_test_run ();
}
