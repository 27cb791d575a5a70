/* test-cultivation-pipeline.c — the pipeline's counts on hand-made plans,
 *                               the ready rule's edges, nominating from a
 *                               plan and following the nominations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-cultivation.h"

static gint64
add_pioneer (CultivationFixture *fixture,
             const char         *name,
             const char         *region)
{
  return xf_test_services_add_pioneer (fixture->base.registry, name, region);
}

static XfPipelineRow *
find_row (GPtrArray  *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((XfPipelineRow *) rows->pdata[i])->key, key))
      return rows->pdata[i];
  g_error ("no pipeline row “%s”", key);
}

static void
assert_row (XfPipelineRow *row,
            int            targets,
            int            on_track,
            int            behind,
            int            ready,
            int            nominated,
            int            achieved)
{
  g_assert_cmpint (row->targets, ==, targets);
  g_assert_cmpint (row->on_track, ==, on_track);
  g_assert_cmpint (row->behind, ==, behind);
  g_assert_cmpint (row->ready, ==, ready);
  g_assert_cmpint (row->nominated, ==, nominated);
  g_assert_cmpint (row->achieved, ==, achieved);
}

static gint64
open_campaign (CultivationFixture *fixture)
{
  g_autoptr(XfEvaluation) evaluation = xf_test_evaluation_new (fixture->base.store, NULL);

  return xf_test_add_campaign (evaluation, "city", 5);
}

static gint64
nominate (CultivationFixture *fixture,
          gint64              plan,
          gint64              campaign,
          const char         *unit)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_cultivation_nominate (fixture->cultivation, plan, campaign, unit, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
close_plan (CultivationFixture *fixture,
            gint64              plan,
            const char         *status,
            const char         *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_cultivation_close_plan (fixture->cultivation, plan, status, reason, &error));
  g_assert_no_error (error);
}

static void
test_counts (CultivationFixture *fixture,
             gconstpointer       data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 on_track = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 behind = xf_test_cultivation_add_plan (fixture, fixture->base.other);
  gint64 ready = xf_test_cultivation_add_plan (fixture, fixture->base.anji);
  gint64 nominated = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "孙丽", "330523002"));
  gint64 achieved = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "周强", "330521003"));
  gint64 closed = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "吴刚", "330521003"));
  gint64 last_year;
  XfPipelineRow *row;

  xf_test_cultivation_add_goal (fixture, on_track, "skill", "高级技师", NULL, "2026-02-01");
  xf_test_cultivation_add_goal (fixture, on_track, XF_GOAL_MILESTONE, "市赛", "2026-06-30", NULL);
  xf_test_cultivation_add_goal (fixture, behind, XF_GOAL_MILESTONE, "省赛", "2026-01-31", NULL);
  xf_test_cultivation_add_goals (fixture, ready, 5, 4);
  xf_test_cultivation_add_review (fixture, ready, 2025, TRUE);
  nominate (fixture, nominated, open_campaign (fixture), "安吉县总工会");
  close_plan (fixture, achieved, XF_PLAN_ACHIEVED, NULL);
  close_plan (fixture, closed, XF_PLAN_CLOSED, "调离");
  /* Achieved last year: not in this year's pipeline. */
  xf_test_services_set_today ("2025-12-19");
  last_year = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "郑洁", "330521003"));
  close_plan (fixture, last_year, XF_PLAN_ACHIEVED, NULL);
  xf_test_services_set_today (XF_TEST_SERVICES_TODAY);

  rows = xf_cultivation_pipeline (fixture->cultivation, "region", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = find_row (rows, XF_TEST_DEQING);
  g_assert_cmpstr (row->label, !=, XF_TEST_DEQING);
  assert_row (row, 2, 1, 1, 0, 0, 1);
  g_assert_cmpfloat_with_epsilon (row->mean_progress, 0.25, 1e-9);
  row = find_row (rows, "330523");
  assert_row (row, 2, 0, 0, 1, 1, 0);
  g_assert_cmpfloat_with_epsilon (row->mean_progress, 0.8, 1e-9);
  /* The total comes last. */
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->key, ==, "");
  assert_row (row, 4, 1, 1, 1, 1, 1);
  g_assert_cmpfloat_with_epsilon (row->mean_progress, 1.3 / 3, 1e-9);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* By organisation: the one managed by the union, the others without. */
  {
    g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_get (fixture, ready);

    plan->organisation_code = g_strdup ("union");
    xf_test_cultivation_save (fixture->cultivation, plan);
  }
  rows = xf_cultivation_pipeline (fixture->cultivation, "organisation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (find_row (rows, "union"), 1, 0, 0, 1, 0, 0);
  assert_row (find_row (rows, "-"), 3, 1, 1, 0, 1, 1);
  assert_row (find_row (rows, ""), 4, 1, 1, 1, 1, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_null (xf_cultivation_pipeline (fixture->cultivation, "industry", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Group by");
}

static gboolean
is_ready (CultivationFixture *fixture,
          gint64              plan_id)
{
  g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_get (fixture, plan_id);

  return plan->ready;
}

static void
test_ready_rule (CultivationFixture *fixture,
                 gconstpointer       data)
{
  gint64 share = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 old_review = xf_test_cultivation_add_plan (fixture, fixture->base.other);
  gint64 latest_not = xf_test_cultivation_add_plan (fixture, fixture->base.anji);
  gint64 this_year = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "孙丽", "330523002"));
  gint64 no_goals = xf_test_cultivation_add_plan (fixture, add_pioneer (fixture, "周强", "330521003"));
  XfPlanQuery query = { .ready_only = TRUE };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  /* 15 of 19 goals (79 %) is not enough; 16 of 20 (80 %) is. */
  xf_test_cultivation_add_goals (fixture, share, 19, 15);
  xf_test_cultivation_add_review (fixture, share, 2025, TRUE);
  g_assert_false (is_ready (fixture, share));
  xf_test_cultivation_add_goal (fixture, share, "competition", "市赛一等奖", NULL, "2026-03-02");
  g_assert_true (is_ready (fixture, share));

  /* A review two years ago no longer counts; last year's does. */
  xf_test_cultivation_add_goals (fixture, old_review, 1, 1);
  xf_test_cultivation_add_review (fixture, old_review, 2024, TRUE);
  g_assert_false (is_ready (fixture, old_review));
  xf_test_cultivation_add_review (fixture, old_review, 2025, TRUE);
  g_assert_true (is_ready (fixture, old_review));

  /* The latest review decides. */
  xf_test_cultivation_add_goals (fixture, latest_not, 1, 1);
  xf_test_cultivation_add_review (fixture, latest_not, 2025, TRUE);
  xf_test_cultivation_add_review (fixture, latest_not, 2026, FALSE);
  g_assert_false (is_ready (fixture, latest_not));

  xf_test_cultivation_add_goals (fixture, this_year, 2, 2);
  xf_test_cultivation_add_review (fixture, this_year, 2026, TRUE);
  g_assert_true (is_ready (fixture, this_year));

  /* No goals: nothing achieved. */
  xf_test_cultivation_add_review (fixture, no_goals, 2026, TRUE);
  g_assert_false (is_ready (fixture, no_goals));

  list = xf_cultivation_list_plans (fixture->cultivation, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);

  /* A nominated plan is not "ready" any more. */
  nominate (fixture, this_year, open_campaign (fixture), "安吉县总工会");
  g_assert_false (is_ready (fixture, this_year));
}

static void
set_deeds (CultivationFixture *fixture,
           gint64              pioneer_id,
           const char         *deeds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->base.registry, pioneer_id, &error);

  g_assert_no_error (error);
  g_object_set (pioneer, "deeds", deeds, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->base.registry, pioneer, &error));
  g_assert_no_error (error);
}

static void
test_nominate (CultivationFixture *fixture,
               gconstpointer       data)
{
  g_autoptr(XfEvaluation) evaluation = xf_test_evaluation_new (fixture->base.store, NULL);
  g_autoptr(XfCultivation) deqing = xf_test_cultivation_as (fixture, "deqing-clerk", XF_ROLE_CLERK,
                                                            XF_TEST_DEQING);
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign = open_campaign (fixture);
  gint64 master = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 other = xf_test_cultivation_add_plan (fixture, fixture->base.other);
  gint64 anji = xf_test_cultivation_add_plan (fixture, fixture->base.anji);
  gint64 nominations = xf_test_cultivation_count (fixture, "SELECT COUNT(*) FROM nominations");
  gint64 audit;
  gint64 id;

  set_deeds (fixture, fixture->base.master, "三十年扎根一线，带出徒弟二十余人。");
  xf_test_cultivation_add_goal (fixture, master, "certificate", "高级技师证书", NULL, "2025-06-01");
  xf_test_cultivation_add_goal (fixture, master, "competition", "省赛金奖", NULL, NULL);

  id = nominate (fixture, master, campaign, NULL);
  nomination = xf_evaluation_get_nomination (evaluation, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_DRAFT);
  g_assert_cmpint (xf_nomination_get_pioneer_id (nomination), ==, fixture->base.master);
  g_assert_cmpint (xf_nomination_get_campaign_id (nomination), ==, campaign);
  g_assert_cmpstr (xf_nomination_get_nominating_unit (nomination), ==, "德清县机械厂");
  g_assert_nonnull (strstr (xf_nomination_get_case_text (nomination), "湖州市劳动模范"));
  g_assert_nonnull (strstr (xf_nomination_get_case_text (nomination), "高级技师证书"));
  g_assert_null (strstr (xf_nomination_get_case_text (nomination), "省赛金奖"));
  g_assert_nonnull (strstr (xf_nomination_get_case_text (nomination), "带出徒弟二十余人"));
  plan = xf_test_cultivation_get (fixture, master);
  g_assert_cmpstr (plan->status, ==, XF_PLAN_NOMINATED);
  g_assert_cmpint (plan->nomination_id, ==, id);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "care-status", "cultivation-plan"), ==, 1);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "create", "nomination"), >, 0);

  /* Not twice; the unit given is the unit written. */
  g_assert_cmpint (xf_cultivation_nominate (fixture->cultivation, master, campaign, NULL, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "A nomination has been started from the cultivation plan");
  g_clear_error (&error);
  g_clear_object (&nomination);
  id = nominate (fixture, other, campaign, "德清县总工会");
  nomination = xf_evaluation_get_nomination (evaluation, id, &error);
  g_assert_cmpstr (xf_nomination_get_nominating_unit (nomination), ==, "德清县总工会");

  /* A refusal by the evaluation leaves the plan and the nominations as they were. */
  audit = xf_test_count_audit (fixture->base.store);
  g_assert_cmpint (xf_cultivation_nominate (fixture->cultivation, anji, campaign + 100, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (xf_cultivation_nominate (deqing, anji, campaign, NULL, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_clear_pointer (&plan, xf_cultivation_plan_free);
  plan = xf_test_cultivation_get (fixture, anji);
  g_assert_cmpstr (plan->status, ==, XF_PLAN_ACTIVE);
  g_assert_cmpint (plan->nomination_id, ==, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->base.store), ==, audit);
  g_assert_cmpint (xf_test_cultivation_count (fixture, "SELECT COUNT(*) FROM nominations"), ==, nominations + 2);
}

static void
set_stage (CultivationFixture *fixture,
           gint64              nomination,
           const char         *stage)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE nominations SET stage = '%s' WHERE id = %" G_GINT64_FORMAT,
                                          stage, nomination);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->base.store), sql, &error));
  g_assert_no_error (error);
}

static void
count_change (guint  *changes,
              gint64  pioneer_id)
{
  (*changes)++;
}

static void
test_sync (CultivationFixture *fixture,
           gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) conferred = NULL;
  g_autoptr(XfCultivationPlan) declined = NULL;
  g_autoptr(XfCultivationPlan) waiting = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign = open_campaign (fixture);
  gint64 first = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 second = xf_test_cultivation_add_plan (fixture, fixture->base.other);
  gint64 third = xf_test_cultivation_add_plan (fixture, fixture->base.anji);
  gint64 first_nomination = nominate (fixture, first, campaign, NULL);
  gint64 second_nomination = nominate (fixture, second, campaign, NULL);

  nominate (fixture, third, campaign, NULL);
  set_stage (fixture, first_nomination, XF_STAGE_CONFERRED);
  set_stage (fixture, second_nomination, XF_STAGE_DECLINED);
  g_assert_cmpint (xf_cultivation_sync_nominations (fixture->cultivation, &error), ==, 2);
  g_assert_no_error (error);
  conferred = xf_test_cultivation_get (fixture, first);
  g_assert_cmpstr (conferred->status, ==, XF_PLAN_ACHIEVED);
  declined = xf_test_cultivation_get (fixture, second);
  g_assert_cmpstr (declined->status, ==, XF_PLAN_ACTIVE);
  g_assert_cmpint (declined->nomination_id, ==, second_nomination);
  waiting = xf_test_cultivation_get (fixture, third);
  g_assert_cmpstr (waiting->status, ==, XF_PLAN_NOMINATED);
  /* Nothing left to follow: no ::changed, so a page may sync on refresh. */
  {
    guint changes = 0;
    gulong handler = g_signal_connect_swapped (fixture->cultivation, "changed",
                                               G_CALLBACK (count_change), &changes);

    g_assert_cmpint (xf_cultivation_sync_nominations (fixture->cultivation, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (changes, ==, 0);
    g_signal_handler_disconnect (fixture->cultivation, handler);
  }

  /* Active again, the plan may be nominated again. */
  g_assert_cmpint (nominate (fixture, second, campaign, NULL), >, second_nomination);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_cultivation_test ("/cultivation/pipeline/counts", NULL, test_counts);
  add_cultivation_test ("/cultivation/pipeline/ready-rule", NULL, test_ready_rule);
  add_cultivation_test ("/cultivation/pipeline/nominate", NULL, test_nominate);
  add_cultivation_test ("/cultivation/pipeline/sync", NULL, test_sync);

  return g_test_run ();
}
