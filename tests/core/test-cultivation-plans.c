/* test-cultivation-plans.c — cultivation plans: saving and reading, the
 *                            checks naming their fields, one open plan per
 *                            person, mentors, goals, reviews, permissions
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-cultivation.h"

static XfCultivationGoal *
goal_new (const char *kind,
          const char *title,
          const char *due_on)
{
  XfCultivationGoal *goal = xf_cultivation_goal_new ();

  goal->kind = g_strdup (kind);
  goal->title = g_strdup (title);
  goal->due_on = g_strdup (due_on);
  return goal;
}

static void
test_save_and_get (CultivationFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (fixture->base.master);
  g_autoptr(XfCultivationPlan) stored = NULL;
  g_autoptr(XfCultivationPlan) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  XfCultivationGoal *goal;
  gint64 id;

  plan->mentor_id = fixture->base.other;
  plan->notes = g_strdup ("重点培养数控技能");
  plan->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  g_ptr_array_add (plan->goals, goal_new ("skill", " 高级技师 ", NULL));
  g_ptr_array_add (plan->goals, goal_new (XF_GOAL_MILESTONE, "市级技能竞赛前三", "2026-01-31"));
  id = xf_test_cultivation_save (fixture->cultivation, plan);

  stored = xf_test_cultivation_get (fixture, id);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_true (g_uuid_string_is_valid (stored->uid));
  g_assert_cmpint (stored->pioneer_id, ==, fixture->base.master);
  g_assert_cmpstr (stored->pioneer_name, ==, "王建国");
  g_assert_cmpstr (stored->pioneer_tier, ==, "cultivation");
  g_assert_cmpstr (stored->region_code, ==, "330521001");
  g_assert_nonnull (stored->region_name);
  g_assert_cmpstr (stored->target_title, ==, "湖州市劳动模范");
  g_assert_cmpstr (stored->target_level, ==, "city");
  g_assert_cmpint (stored->target_year, ==, 2027);
  g_assert_cmpint (stored->mentor_id, ==, fixture->base.other);
  g_assert_cmpstr (stored->mentor_name, ==, "李明");
  g_assert_null (stored->organisation_code);
  g_assert_cmpstr (stored->starts_on, ==, "2024-01-01");
  g_assert_cmpstr (stored->status, ==, XF_PLAN_ACTIVE);
  g_assert_cmpstr (stored->notes, ==, "重点培养数控技能");
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpint (stored->goals_total, ==, 2);
  g_assert_cmpint (stored->goals_achieved, ==, 0);
  g_assert_cmpint (stored->milestones_overdue, ==, 1);
  g_assert_cmpint (stored->last_review_year, ==, 0);
  g_assert_false (stored->ready);
  g_assert_cmpfloat (xf_cultivation_plan_get_progress (stored), ==, 0);
  g_assert_cmpuint (stored->goals->len, ==, 2);
  goal = g_ptr_array_index (stored->goals, 0);
  g_assert_cmpstr (goal->title, ==, "高级技师");
  g_assert_cmpint (goal->position, ==, 0);
  g_assert_false (goal->overdue);
  goal = g_ptr_array_index (stored->goals, 1);
  g_assert_cmpstr (goal->kind, ==, XF_GOAL_MILESTONE);
  g_assert_cmpint (goal->position, ==, 1);
  g_assert_true (goal->overdue);
  g_assert_cmpuint (stored->reviews->len, ==, 0);

  copy = xf_cultivation_plan_copy (stored);
  g_assert_cmpstr (copy->mentor_name, ==, "李明");
  g_assert_cmpuint (copy->goals->len, ==, 2);

  list = xf_cultivation_list_plans (fixture->cultivation, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfCultivationPlan *) list->pdata[0])->goals_total, ==, 2);
  g_assert_null (((XfCultivationPlan *) list->pdata[0])->goals);

  g_assert_cmpint (xf_cultivation_plan_for (fixture->cultivation, fixture->base.master, &error), ==, id);
  g_assert_cmpint (xf_cultivation_plan_for (fixture->cultivation, fixture->base.anji, &error), ==, 0);
  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_assert_cmpint (xf_cultivation_find_plan (fixture->cultivation, text, &error), ==, id);
    g_assert_cmpint (xf_cultivation_find_plan (fixture->cultivation, stored->uid, &error), ==, id);
    g_assert_no_error (error);
    g_assert_cmpint (xf_cultivation_find_plan (fixture->cultivation, "9999", &error), ==, 0);
    xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, "9999");
  }
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "create", "cultivation-plan"), ==, 1);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "goal", "cultivation-plan"), ==, 2);
  g_clear_error (&error);
  g_assert_null (xf_cultivation_get_plan (fixture->cultivation, id + 100, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
}

/* @change spoils a good plan; saving is refused with @code naming @part. */
typedef void (*SpoilFunc) (XfCultivationPlan *plan, CultivationFixture *fixture);

static void
assert_refused (CultivationFixture *fixture,
                SpoilFunc           change,
                int                 code,
                const char         *part)
{
  g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (fixture->base.master);
  g_autoptr(GError) error = NULL;
  gint64 audit = xf_test_count_audit (fixture->base.store);

  change (plan, fixture);
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, plan, &error), ==, 0);
  xf_test_services_assert_error (error, code, part);
  g_assert_cmpint (xf_test_cultivation_count (fixture, "SELECT COUNT(*) FROM cultivation_plans"), ==, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->base.store), ==, audit);
}

static void set_text (char **field, const char *text) { g_free (*field); *field = g_strdup (text); }
static void no_title (XfCultivationPlan *p, CultivationFixture *f) { set_text (&p->target_title, "  "); }
static void long_title (XfCultivationPlan *p, CultivationFixture *f) { g_free (p->target_title); p->target_title = g_strnfill (101, 'x'); }
static void bad_level (XfCultivationPlan *p, CultivationFixture *f) { set_text (&p->target_level, "township"); }
static void early_year (XfCultivationPlan *p, CultivationFixture *f) { p->target_year = 2025; }
static void late_year (XfCultivationPlan *p, CultivationFixture *f) { p->target_year = 2037; }
static void no_target (XfCultivationPlan *p, CultivationFixture *f) { p->pioneer_id = 0; }
static void own_mentor (XfCultivationPlan *p, CultivationFixture *f) { p->mentor_id = p->pioneer_id; }
static void team_mentor (XfCultivationPlan *p, CultivationFixture *f) { p->mentor_id = f->base.team; }
static void bad_organisation (XfCultivationPlan *p, CultivationFixture *f) { set_text (&p->organisation_code, "nowhere"); }
static void bad_start (XfCultivationPlan *p, CultivationFixture *f) { set_text (&p->starts_on, "2024-02-30"); }
static void ancient_start (XfCultivationPlan *p, CultivationFixture *f) { set_text (&p->starts_on, "1800-12-01"); }
static void long_notes (XfCultivationPlan *p, CultivationFixture *f) { g_free (p->notes); p->notes = g_strnfill (2001, 'x'); }
static void link_without_mentor (XfCultivationPlan *p, CultivationFixture *f) { p->apprenticeship_id = 1; }

static void
undated_milestone (XfCultivationPlan  *p,
                   CultivationFixture *f)
{
  p->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  g_ptr_array_add (p->goals, goal_new ("skill", "高级技师", NULL));
  g_ptr_array_add (p->goals, goal_new (XF_GOAL_MILESTONE, "省级竞赛", NULL));
}

static void
unknown_kind (XfCultivationPlan  *p,
              CultivationFixture *f)
{
  p->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  g_ptr_array_add (p->goals, goal_new ("hobby", "钓鱼", NULL));
}

static void
test_validation (CultivationFixture *fixture,
                 gconstpointer       data)
{
  assert_refused (fixture, no_title, XF_ERROR_INVALID, "Honour aimed at");
  assert_refused (fixture, long_title, XF_ERROR_INVALID, "Honour aimed at");
  assert_refused (fixture, bad_level, XF_ERROR_INVALID, "Level");
  assert_refused (fixture, early_year, XF_ERROR_INVALID, "Target year");
  assert_refused (fixture, late_year, XF_ERROR_INVALID, "Target year");
  assert_refused (fixture, no_target, XF_ERROR_INVALID, "Target");
  assert_refused (fixture, own_mentor, XF_ERROR_INVALID, "Mentor");
  assert_refused (fixture, team_mentor, XF_ERROR_INVALID, "Mentor");
  assert_refused (fixture, bad_organisation, XF_ERROR_INVALID, "Organisation");
  assert_refused (fixture, bad_start, XF_ERROR_INVALID, "Starts on");
  assert_refused (fixture, ancient_start, XF_ERROR_INVALID, "Starts on: 1800-12-01 is before 1949-10-01");
  assert_refused (fixture, long_notes, XF_ERROR_INVALID, "Notes");
  assert_refused (fixture, link_without_mentor, XF_ERROR_INVALID, "Apprenticeship");
  assert_refused (fixture, undated_milestone, XF_ERROR_INVALID, "Due on");
  assert_refused (fixture, unknown_kind, XF_ERROR_INVALID, "Kind");

  /* An archived target, an archived mentor. */
  xf_test_services_archive (&fixture->base, fixture->base.other);
  {
    g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (fixture->base.other);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, plan, &error), ==, 0);
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Target: 李明");
  }
  {
    g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (fixture->base.master);
    g_autoptr(GError) error = NULL;

    plan->mentor_id = fixture->base.other;
    g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, plan, &error), ==, 0);
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Mentor: 李明");
  }
}

static void
test_one_open_plan (CultivationFixture *fixture,
                    gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) second = xf_test_cultivation_new_plan (fixture->base.master);
  g_autoptr(XfCultivationPlan) closed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 next;

  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, second, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_DUPLICATE, "Target: 王建国");
  g_clear_error (&error);

  /* Closing needs a reason; then a new plan may start. */
  g_assert_false (xf_cultivation_close_plan (fixture->cultivation, first, XF_PLAN_CLOSED, " ", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Reason");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_close_plan (fixture->cultivation, first, XF_PLAN_ACTIVE, NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Status");
  g_clear_error (&error);
  g_assert_true (xf_cultivation_close_plan (fixture->cultivation, first, XF_PLAN_CLOSED, "调离本单位", &error));
  g_assert_no_error (error);
  closed = xf_test_cultivation_get (fixture, first);
  g_assert_cmpstr (closed->status, ==, XF_PLAN_CLOSED);
  g_assert_cmpstr (closed->close_reason, ==, "调离本单位");
  g_assert_cmpint (closed->version, ==, 2);
  g_assert_false (xf_cultivation_close_plan (fixture->cultivation, first, XF_PLAN_ACHIEVED, NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "The cultivation plan is closed");
  g_clear_error (&error);

  g_assert_cmpint (xf_cultivation_plan_for (fixture->cultivation, fixture->base.master, &error), ==, 0);
  next = xf_test_cultivation_save (fixture->cultivation, second);
  g_assert_cmpint (next, >, first);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "care-status", "cultivation-plan"), ==, 2);
}

static gint64
accepted_apprenticeship (CultivationFixture *fixture,
                         gint64              master,
                         gboolean            accept)
{
  g_autoptr(XfApprenticeship) apprenticeship = xf_apprenticeship_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  apprenticeship->pioneer_id = master;
  apprenticeship->apprentice_name = g_strdup ("王建国");
  apprenticeship->apprentice_pioneer_id = fixture->base.master;
  apprenticeship->goal = g_strdup ("数控编程");
  id = xf_services_request_apprenticeship (fixture->base.services, apprenticeship, &error);
  g_assert_no_error (error);
  if (accept)
    {
      g_assert_true (xf_services_accept_apprenticeship (fixture->base.services, id, "每周两次", "2026-12-31",
                                                        &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
test_mentor_and_apprenticeship (CultivationFixture *fixture,
                                gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) plan = xf_test_cultivation_new_plan (fixture->base.master);
  g_autoptr(XfCultivationPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 requested = accepted_apprenticeship (fixture, fixture->base.other, FALSE);
  gint64 accepted = accepted_apprenticeship (fixture, fixture->base.other, TRUE);
  gint64 anothers = accepted_apprenticeship (fixture, fixture->base.anji, TRUE);
  gint64 id;

  plan->mentor_id = fixture->base.other;
  plan->apprenticeship_id = requested;
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, plan, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Apprenticeship");
  g_clear_error (&error);
  plan->apprenticeship_id = anothers;
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, plan, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Apprenticeship");
  g_clear_error (&error);

  plan->apprenticeship_id = accepted;
  id = xf_test_cultivation_save (fixture->cultivation, plan);
  stored = xf_test_cultivation_get (fixture, id);
  g_assert_cmpint (stored->apprenticeship_id, ==, accepted);
  g_assert_cmpint (stored->mentor_id, ==, fixture->base.other);
}

static void
test_update (CultivationFixture *fixture,
             gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autoptr(XfCultivationPlan) stale = NULL;
  g_autoptr(XfCultivationPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_cultivation_add_plan (fixture, fixture->base.master);

  plan = xf_test_cultivation_get (fixture, id);
  stale = xf_cultivation_plan_copy (plan);
  set_text (&plan->target_title, "浙江省劳动模范");
  set_text (&plan->target_level, "provincial");
  set_text (&plan->organisation_code, "union");
  g_assert_cmpint (xf_test_cultivation_save (fixture->cultivation, plan), ==, id);
  stored = xf_test_cultivation_get (fixture, id);
  g_assert_cmpstr (stored->target_title, ==, "浙江省劳动模范");
  g_assert_cmpstr (stored->target_level, ==, "provincial");
  g_assert_cmpstr (stored->organisation_code, ==, "union");
  g_assert_cmpstr (stored->organisation_name, !=, NULL);
  g_assert_cmpint (stored->version, ==, 2);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "update", "cultivation-plan"), ==, 3);

  /* A stale copy is refused, and so is changing the target. */
  set_text (&stale->notes, "过时的修改");
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, stale, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_CONFLICT, "王建国");
  g_clear_error (&error);
  stored->pioneer_id = fixture->base.other;
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, stored, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Target");
  g_clear_error (&error);
  stored->pioneer_id = fixture->base.master;

  /* Only an active plan is edited. */
  g_assert_true (xf_cultivation_close_plan (fixture->cultivation, id, XF_PLAN_ACHIEVED, NULL, &error));
  g_assert_no_error (error);
  stored->version = 3;
  g_assert_cmpint (xf_cultivation_save_plan (fixture->cultivation, stored, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "The honour the cultivation plan aimed at has been conferred");
}

static void
test_goals_and_reviews (CultivationFixture *fixture,
                        gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) stored = NULL;
  g_autoptr(XfCultivationReview) review = xf_cultivation_review_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 goal = xf_test_cultivation_add_goal (fixture, plan, "certificate", "高级技师证书", NULL, NULL);
  gint64 removed = xf_test_cultivation_add_goal (fixture, plan, "other", "临时目标", NULL, NULL);

  g_assert_false (xf_cultivation_achieve_goal (fixture->cultivation, goal, "2026-03-10", NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Achieved on");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_achieve_goal (fixture->cultivation, goal, "2023-12-31", NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Achieved on");
  g_clear_error (&error);
  g_assert_true (xf_cultivation_achieve_goal (fixture->cultivation, goal, "2026-03-09", "证书编号 123", &error));
  g_assert_no_error (error);
  g_assert_true (xf_cultivation_remove_goal (fixture->cultivation, removed, &error));
  g_assert_no_error (error);
  g_assert_false (xf_cultivation_remove_goal (fixture->cultivation, removed, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  review->year = 2023;
  review->rating = g_strdup ("good");
  review->comment = g_strdup ("稳步推进");
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Year");
  g_clear_error (&error);
  review->year = 2027;
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Year");
  g_clear_error (&error);
  review->year = 2025;
  set_text (&review->rating, "superb");
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Rating");
  g_clear_error (&error);
  set_text (&review->rating, "excellent");
  set_text (&review->comment, "");
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Comment");
  g_clear_error (&error);
  set_text (&review->comment, "稳步推进");
  set_text (&review->reviewed_on, "1800-12-01");
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Reviewed on: 1800-12-01 is before 1949-10-01");
  g_clear_error (&error);
  set_text (&review->reviewed_on, NULL);
  set_text (&review->comment, "");
  xf_test_cultivation_add_review (fixture, plan, 2025, TRUE);
  xf_test_cultivation_add_review (fixture, plan, 2024, FALSE);
  set_text (&review->comment, "再评一次");
  g_assert_false (xf_cultivation_add_review (fixture->cultivation, plan, review, &error));
  xf_test_services_assert_error (error, XF_ERROR_DUPLICATE, "2025");
  g_clear_error (&error);

  stored = xf_test_cultivation_get (fixture, plan);
  g_assert_cmpint (stored->goals_total, ==, 1);
  g_assert_cmpint (stored->goals_achieved, ==, 1);
  g_assert_cmpstr (((XfCultivationGoal *) stored->goals->pdata[0])->evidence, ==, "证书编号 123");
  g_assert_cmpuint (stored->reviews->len, ==, 2);
  g_assert_cmpint (((XfCultivationReview *) stored->reviews->pdata[0])->year, ==, 2025);
  g_assert_true (((XfCultivationReview *) stored->reviews->pdata[0])->ready);
  g_assert_cmpstr (((XfCultivationReview *) stored->reviews->pdata[0])->reviewer, !=, NULL);
  g_assert_cmpint (stored->last_review_year, ==, 2025);
  g_assert_cmpstr (stored->last_review_rating, ==, "good");
  /* 1 of 1 achieved, reviewed ready last year. */
  g_assert_true (stored->ready);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "review-add", "cultivation-plan"), ==, 2);

  /* Undoing an achievement. */
  g_assert_true (xf_cultivation_achieve_goal (fixture->cultivation, goal, NULL, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, xf_cultivation_plan_free);
  stored = xf_test_cultivation_get (fixture, plan);
  g_assert_cmpint (stored->goals_achieved, ==, 0);
  g_assert_false (stored->ready);
}

static void
test_permissions (CultivationFixture *fixture,
                  gconstpointer       data)
{
  g_autoptr(XfCultivation) deqing = xf_test_cultivation_as (fixture, "deqing-clerk", XF_ROLE_CLERK,
                                                            XF_TEST_DEQING);
  g_autoptr(XfCultivation) reviewer = xf_test_cultivation_as (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfCultivationPlan) anji = xf_test_cultivation_new_plan (fixture->base.anji);
  g_autoptr(XfCultivationPlan) own = xf_test_cultivation_new_plan (fixture->base.master);
  g_autoptr(XfCultivationGoal) goal = goal_new ("skill", "技能", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anji_plan;
  gint64 audit;

  /* A Deqing clerk cultivates Deqing's pioneers, not Anji's. */
  g_assert_cmpint (xf_test_cultivation_save (deqing, own), >, 0);
  audit = xf_test_count_audit (fixture->base.store);
  g_assert_cmpint (xf_cultivation_save_plan (deqing, anji, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  anji_plan = xf_test_cultivation_save (fixture->cultivation, anji);
  audit = xf_test_count_audit (fixture->base.store);
  g_assert_cmpint (xf_cultivation_save_goal (deqing, anji_plan, goal, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_cultivation_close_plan (deqing, anji_plan, XF_PLAN_CLOSED, "不再培养", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);

  /* A reviewer reads but writes nothing. */
  g_clear_pointer (&own, xf_cultivation_plan_free);
  own = xf_test_cultivation_new_plan (fixture->base.other);
  g_assert_cmpint (xf_cultivation_save_plan (reviewer, own, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_cultivation_save_goal (reviewer, anji_plan, goal, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->base.store), ==, audit);
  list = xf_cultivation_list_plans (reviewer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_list_filters (CultivationFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(XfCultivationPlan) managed = xf_test_cultivation_new_plan (fixture->base.anji);
  g_autoptr(GError) error = NULL;
  gint64 master = xf_test_cultivation_add_plan (fixture, fixture->base.master);
  gint64 other = xf_test_cultivation_add_plan (fixture, fixture->base.other);
  gint64 anji;
  struct {
    XfPlanQuery query;
    guint       expected;
  } cases[] = {
    { { NULL }, 2 },
    { { .status = "any" }, 3 },
    { { .status = XF_PLAN_CLOSED }, 1 },
    { { .status = XF_PLAN_ACTIVE }, 2 },
    { { .region_prefix = XF_TEST_DEQING }, 1 },
    { { .region_prefix = "330523" }, 1 },
    { { .organisation_code = "union" }, 1 },
    { { .text = "赵" }, 1 },
    { { .text = "湖州市劳动" }, 2 },
    { { .ready_only = TRUE }, 0 },
  };

  managed->organisation_code = g_strdup ("union");
  anji = xf_test_cultivation_save (fixture->cultivation, managed);
  g_assert_true (xf_cultivation_close_plan (fixture->cultivation, other, XF_PLAN_CLOSED, "退出", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) list = xf_cultivation_list_plans (fixture->cultivation, &cases[i].query, &error);

      g_assert_no_error (error);
      if (list->len != cases[i].expected)
        g_error ("case %u: %u plans, not %u", i, list->len, cases[i].expected);
    }
  {
    /* A region that is no region code is refused, not an empty list. */
    XfPlanQuery query = { .region_prefix = "33%" };
    g_autoptr(GPtrArray) list = xf_cultivation_list_plans (fixture->cultivation, &query, &error);

    g_assert_null (list);
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Region: “33%” is not a region code");
    g_clear_error (&error);
  }
  {
    XfPlanQuery query = { .text = "赵" };
    g_autoptr(GPtrArray) list = xf_cultivation_list_plans (fixture->cultivation, &query, &error);

    g_assert_cmpint (((XfCultivationPlan *) list->pdata[0])->id, ==, anji);
    g_assert_cmpstr (((XfCultivationPlan *) list->pdata[0])->organisation_code, ==, "union");
  }
  {
    /* By region, then name: Deqing before Anji. */
    XfPlanQuery query = { .status = "any" };
    g_autoptr(GPtrArray) list = xf_cultivation_list_plans (fixture->cultivation, &query, &error);

    g_assert_cmpint (((XfCultivationPlan *) list->pdata[0])->id, ==, master);
    g_assert_cmpint (((XfCultivationPlan *) list->pdata[2])->id, ==, anji);
  }
  {
    XfPlanQuery query = { .organisation_code = "nowhere" };

    g_assert_null (xf_cultivation_list_plans (fixture->cultivation, &query, &error));
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Organisation");
    g_clear_error (&error);
    query.organisation_code = NULL;
    query.status = "lost";
    g_assert_null (xf_cultivation_list_plans (fixture->cultivation, &query, &error));
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Status");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_cultivation_test ("/cultivation/plans/save-and-get", NULL, test_save_and_get);
  add_cultivation_test ("/cultivation/plans/validation", NULL, test_validation);
  add_cultivation_test ("/cultivation/plans/one-open-plan", NULL, test_one_open_plan);
  add_cultivation_test ("/cultivation/plans/mentor", NULL, test_mentor_and_apprenticeship);
  add_cultivation_test ("/cultivation/plans/update", NULL, test_update);
  add_cultivation_test ("/cultivation/plans/goals-and-reviews", NULL, test_goals_and_reviews);
  add_cultivation_test ("/cultivation/plans/permissions", NULL, test_permissions);
  add_cultivation_test ("/cultivation/plans/list-filters", NULL, test_list_filters);

  return g_test_run ();
}
