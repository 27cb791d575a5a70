/* xf-test-cultivation.h — the fixture of the cultivation and training tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-cultivation.h"
#include "xf-test-services.h"

G_BEGIN_DECLS

/*
 * The services tests' masters set-up (王建国 `master` and 李明 `other` in
 * Deqing, 赵敏 `anji` in Anji, a collective `team` in Deqing; "today"
 * Monday 9 March 2026 unless @data names another day) with the
 * administrator's cultivation repository. Every helper fails the test on
 * error.
 */

typedef struct
{
  ServicesFixture  base;
  XfCultivation   *cultivation;
} CultivationFixture;

static inline void
xf_test_cultivation_set_up (CultivationFixture *fixture,
                            gconstpointer       data)
{
  xf_test_services_set_up_masters (&fixture->base, data);
  fixture->cultivation = xf_cultivation_new (fixture->base.registry);
}

static inline void
xf_test_cultivation_tear_down (CultivationFixture *fixture,
                               gconstpointer       data)
{
  g_assert_finalize_object (fixture->cultivation);
  xf_test_services_tear_down (&fixture->base, data);
}

/* Cultivation acting as a new account holding @role at @region (NULL: everywhere). */
static inline XfCultivation *
xf_test_cultivation_as (CultivationFixture *fixture,
                        const char         *login,
                        XfRole              role,
                        const char         *region)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->base.store, login, role,
                                                      region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL,
                                                      region);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->base.store, account);

  return xf_cultivation_new (registry);
}

/* A valid, unsaved plan for @pioneer_id: 湖州市劳动模范 (city) by 2027,
 * started on 1 January 2024, without mentor or goals. */
static inline XfCultivationPlan *
xf_test_cultivation_new_plan (gint64 pioneer_id)
{
  XfCultivationPlan *plan = xf_cultivation_plan_new ();

  plan->pioneer_id = pioneer_id;
  plan->target_title = g_strdup ("  湖州市劳动模范 ");
  plan->target_level = g_strdup ("city");
  plan->target_year = 2027;
  plan->starts_on = g_strdup ("2024-01-01");
  return plan;
}

static inline gint64
xf_test_cultivation_save (XfCultivation           *cultivation,
                          const XfCultivationPlan *plan)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_cultivation_save_plan (cultivation, plan, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A saved plan for @pioneer_id as xf_test_cultivation_new_plan () makes it. */
static inline gint64
xf_test_cultivation_add_plan (CultivationFixture *fixture,
                              gint64              pioneer_id)
{
  g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (pioneer_id);

  return xf_test_cultivation_save (fixture->cultivation, plan);
}

static inline XfCultivationPlan *
xf_test_cultivation_get (CultivationFixture *fixture,
                         gint64              plan_id)
{
  g_autoptr(GError) error = NULL;
  XfCultivationPlan *plan = xf_cultivation_get_plan (fixture->cultivation, plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* A goal of @kind added to the plan, achieved on @achieved_on unless NULL. */
static inline gint64
xf_test_cultivation_add_goal (CultivationFixture *fixture,
                              gint64              plan_id,
                              const char         *kind,
                              const char         *title,
                              const char         *due_on,
                              const char         *achieved_on)
{
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  goal->kind = g_strdup (kind);
  goal->title = g_strdup (title);
  goal->due_on = g_strdup (due_on);
  id = xf_cultivation_save_goal (fixture->cultivation, plan_id, goal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (achieved_on != NULL)
    {
      g_assert_true (xf_cultivation_achieve_goal (fixture->cultivation, id, achieved_on, "证书", &error));
      g_assert_no_error (error);
    }
  return id;
}

/* @n skill goals, the first @achieved of them achieved on 1 March 2026. */
static inline void
xf_test_cultivation_add_goals (CultivationFixture *fixture,
                               gint64              plan_id,
                               int                 n,
                               int                 achieved)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("技能目标 %d", i + 1);

      xf_test_cultivation_add_goal (fixture, plan_id, "skill", title, NULL, i < achieved ? "2026-03-01" : NULL);
    }
}

/* The yearly review of @year: good, @ready. */
static inline void
xf_test_cultivation_add_review (CultivationFixture *fixture,
                                gint64              plan_id,
                                int                 year,
                                gboolean            ready)
{
  g_autoptr(XfCultivationReview) review = xf_cultivation_review_new ();
  g_autoptr(GError) error = NULL;

  review->year = year;
  review->rating = g_strdup ("good");
  review->ready = ready;
  review->comment = g_strdup ("进步明显，按计划推进。");
  g_assert_true (xf_cultivation_add_review (fixture->cultivation, plan_id, review, &error));
  g_assert_no_error (error);
}

static inline gint64
xf_test_cultivation_count (CultivationFixture *fixture,
                           const char         *sql)
{
  return xf_test_query_int64 (fixture->base.store, sql);
}

#define add_cultivation_test(path, data, func) \
  g_test_add (path, CultivationFixture, data, xf_test_cultivation_set_up, func, \
              xf_test_cultivation_tear_down)

G_END_DECLS
