/* xf-cultivation-goals.c — goals, milestones and yearly reviews
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-cultivation-private.h"
#include "xf-error.h"

/*
 * Goals belong to an active plan; each change is one write audited as
 * "goal" on the plan (field: the goal's title). Reviews, one per plan and
 * year, are audited as "review-add".
 */

#define MAX_TITLE 200
#define MAX_TEXT  2000

static const char * const editable[] = { XF_PLAN_ACTIVE, NULL };

/* An achievement date (NULL or "" pass) that is not in the future. */
static gboolean
check_not_future (const char  *achieved_on,
                  GError     **error)
{
  g_autofree char *today = xf_clock_today_text ();

  if (achieved_on == NULL || strcmp (achieved_on, today) <= 0)
    return TRUE;
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Achieved on: a date in the future"));
  return FALSE;
}

gboolean
_xf_cultivation_check_goal (const XfCultivationGoal  *goal,
                            XfCultivationGoal        *out,
                            GError                  **error)
{
  gboolean milestone = g_strcmp0 (goal->kind, XF_GOAL_MILESTONE) == 0;

  if (goal->kind == NULL || !g_strv_contains (xf_goal_kinds (), goal->kind))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Kind: choose skill, certificate, competition, innovation, milestone or other"));
      return FALSE;
    }
  if ((out->title = xf_repo_check_text (_("Goal"), goal->title, TRUE, MAX_TITLE, error)) == NULL
      || !xf_repo_check_date (_("Due on"), goal->due_on, milestone, error)
      || !xf_repo_check_date (_("Achieved on"), goal->achieved_on, FALSE, error)
      || (out->evidence = xf_repo_check_text (_("Evidence"), goal->evidence, FALSE, MAX_TEXT, error)) == NULL)
    return FALSE;
  if (!check_not_future (goal->achieved_on, error))
    return FALSE;
  out->id = goal->id;
  out->kind = g_strdup (goal->kind);
  out->due_on = goal->due_on != NULL && *goal->due_on != '\0' ? g_strdup (goal->due_on) : NULL;
  out->achieved_on = goal->achieved_on != NULL && *goal->achieved_on != '\0' ? g_strdup (goal->achieved_on) : NULL;
  return TRUE;
}

gint64
_xf_cultivation_insert_goal (XfCultivation            *self,
                             const XfCultivationPlan  *plan,
                             const XfCultivationGoal  *goal,
                             GError                  **error)
{
  gint64 now = xf_repo_now ();
  gint64 position = 0;
  XfDbStmt *stmt;
  gint64 id;

  if (!xf_repo_query_int64 (&self->repo,
                            "SELECT COALESCE(MAX(position) + 1, 0) FROM cultivation_goals WHERE plan_id = $1",
                            plan->id, &position, error))
    return 0;
  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO cultivation_goals (plan_id, kind, title, due_on, achieved_on, evidence,"
                          " position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $7)",
                          error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, plan->id);
  xf_db_stmt_bind_text (stmt, 2, goal->kind);
  xf_db_stmt_bind_text (stmt, 3, goal->title);
  xf_repo_bind_text_or_null (stmt, 4, goal->due_on);
  xf_repo_bind_text_or_null (stmt, 5, goal->achieved_on);
  xf_db_stmt_bind_text (stmt, 6, goal->evidence);
  xf_db_stmt_bind_int64 (stmt, 7, now);
  xf_db_stmt_bind_int64 (stmt, 8, position);
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  id = xf_db_last_insert_id (self->repo.db);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_GOAL, XF_RECORD_CULTIVATION_PLAN, plan->uid, plan->pioneer_name,
                      goal->title, NULL, goal->kind, error))
    return 0;
  return id;
}

/* The goal's plan and stored goal; NULL with XF_ERROR_NOT_FOUND. */
static XfCultivationGoal *
load_goal (XfCultivation  *self,
           gint64          goal_id,
           gint64         *plan_id,
           GError        **error)
{
  XfCultivationGoal *goal = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT plan_id, kind, title, due_on, achieved_on, evidence FROM cultivation_goals"
                          " WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, goal_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      goal = xf_cultivation_goal_new ();
      goal->id = goal_id;
      *plan_id = xf_db_stmt_column_int64 (stmt, 0);
      goal->kind = xf_db_stmt_dup_text (stmt, 1);
      goal->title = xf_db_stmt_dup_text (stmt, 2);
      goal->due_on = xf_db_stmt_dup_text (stmt, 3);
      goal->achieved_on = xf_db_stmt_dup_text (stmt, 4);
      goal->evidence = xf_db_stmt_dup_text (stmt, 5);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s %lld does not exist"), _("Goal"),
                 (long long) goal_id);
  return goal;
}

/* Inside a write: the goal and its plan, held and editable. */
static XfCultivationPlan *
load_goal_for_write (XfCultivation       *self,
                     gint64               goal_id,
                     XfCultivationGoal  **goal,
                     GError             **error)
{
  gint64 plan_id = 0;

  *goal = load_goal (self, goal_id, &plan_id, error);
  if (*goal == NULL)
    return NULL;
  return _xf_cultivation_load_for_write (self, plan_id, editable, error);
}

static gboolean
update_goal (XfCultivation            *self,
             const XfCultivationPlan  *plan,
             const XfCultivationGoal  *goal,
             GError                  **error)
{
  g_autoptr(XfCultivationGoal) stored = NULL;
  gint64 plan_id = 0;
  XfDbStmt *stmt;

  stored = load_goal (self, goal->id, &plan_id, error);
  if (stored == NULL)
    return FALSE;
  if (plan_id != plan->id)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s %lld does not exist"), _("Goal"),
                   (long long) goal->id);
      return FALSE;
    }
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE cultivation_goals SET kind = $2, title = $3, due_on = $4, evidence = $5,"
                          " updated_at = $6 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, goal->id);
  xf_db_stmt_bind_text (stmt, 2, goal->kind);
  xf_db_stmt_bind_text (stmt, 3, goal->title);
  xf_repo_bind_text_or_null (stmt, 4, goal->due_on);
  xf_db_stmt_bind_text (stmt, 5, goal->evidence);
  xf_db_stmt_bind_int64 (stmt, 6, xf_repo_now ());
  return xf_db_stmt_run (stmt, error)
         && xf_repo_audit (&self->repo, XF_AUDIT_GOAL, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                           plan->pioneer_name, goal->title, stored->title, goal->title, error);
}

gint64
xf_cultivation_save_goal (XfCultivation            *self,
                          gint64                    plan_id,
                          const XfCultivationGoal  *goal,
                          GError                  **error)
{
  g_autoptr(XfCultivationGoal) checked = xf_cultivation_goal_new ();
  g_autoptr(XfCultivationPlan) plan = NULL;
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);
  g_return_val_if_fail (goal != NULL, 0);

  if (!_xf_cultivation_check_goal (goal, checked, error) || !xf_repo_begin (&self->repo, error))
    return 0;
  plan = _xf_cultivation_load_for_write (self, plan_id, editable, error);
  if (plan != NULL && checked->id == 0)
    id = _xf_cultivation_insert_goal (self, plan, checked, error);
  else if (plan != NULL && update_goal (self, plan, checked, error))
    id = checked->id;
  if (!_xf_cultivation_end (self, id > 0, plan != NULL ? plan->pioneer_id : 0, error))
    return 0;
  return id;
}

gboolean
xf_cultivation_remove_goal (XfCultivation  *self,
                            gint64          goal_id,
                            GError        **error)
{
  g_autoptr(XfCultivationGoal) goal = NULL;
  g_autoptr(XfCultivationPlan) plan = NULL;
  XfDbStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  plan = load_goal_for_write (self, goal_id, &goal, error);
  if (plan != NULL)
    stmt = xf_repo_prepare (&self->repo, "DELETE FROM cultivation_goals WHERE id = $1", error);
  if (stmt != NULL)
    xf_db_stmt_bind_int64 (stmt, 1, goal_id);
  ok = stmt != NULL && xf_db_stmt_run (stmt, error)
       && xf_repo_audit (&self->repo, XF_AUDIT_GOAL, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                         plan->pioneer_name, goal->title, goal->kind, NULL, error);
  return _xf_cultivation_end (self, ok, plan != NULL ? plan->pioneer_id : 0, error);
}

/* @achieved_on: not in the future, not before the plan starts. */
static gboolean
check_achieved_on (const XfCultivationPlan  *plan,
                   const char               *achieved_on,
                   GError                  **error)
{
  if (!xf_repo_check_date (_("Achieved on"), achieved_on, TRUE, error)
      || !check_not_future (achieved_on, error))
    return FALSE;
  if (g_strcmp0 (achieved_on, plan->starts_on) < 0)
    {
      /* Translators: %s is a date (YYYY-MM-DD). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Achieved on: before the plan starts on %s"), plan->starts_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_achieved (XfCultivation            *self,
                const XfCultivationPlan  *plan,
                const XfCultivationGoal  *goal,
                const char               *achieved_on,
                const char               *evidence,
                GError                  **error)
{
  XfDbStmt *stmt;

  if (achieved_on != NULL && !check_achieved_on (plan, achieved_on, error))
    return FALSE;
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE cultivation_goals SET achieved_on = $2, evidence = $3, updated_at = $4"
                          " WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, goal->id);
  xf_repo_bind_text_or_null (stmt, 2, achieved_on);
  xf_db_stmt_bind_text (stmt, 3, evidence);
  xf_db_stmt_bind_int64 (stmt, 4, xf_repo_now ());
  return xf_db_stmt_run (stmt, error)
         && xf_repo_audit (&self->repo, XF_AUDIT_GOAL, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                           plan->pioneer_name, goal->title, goal->achieved_on, achieved_on, error);
}

gboolean
xf_cultivation_achieve_goal (XfCultivation  *self,
                             gint64          goal_id,
                             const char     *achieved_on,
                             const char     *evidence,
                             GError        **error)
{
  g_autoptr(XfCultivationGoal) goal = NULL;
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if (achieved_on != NULL && *achieved_on == '\0')
    achieved_on = NULL;
  if ((text = xf_repo_check_text (_("Evidence"), evidence, FALSE, MAX_TEXT, error)) == NULL
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  plan = load_goal_for_write (self, goal_id, &goal, error);
  ok = plan != NULL && write_achieved (self, plan, goal, achieved_on, text, error);
  return _xf_cultivation_end (self, ok, plan != NULL ? plan->pioneer_id : 0, error);
}

/*
 * Reviews
 */

static gboolean
check_review (const XfCultivationReview  *review,
              char                      **comment,
              GError                    **error)
{
  static const char * const ratings[] = { "excellent", "good", "fair", "poor", NULL };

  if (review->rating == NULL || !g_strv_contains (ratings, review->rating))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Rating: choose excellent, good, fair or poor"));
      return FALSE;
    }
  return xf_repo_check_date (_("Reviewed on"), review->reviewed_on, FALSE, error)
         && xf_repo_check_date_range (_("Reviewed on"), review->reviewed_on, XF_REPO_EARLIEST_DATE, NULL, error)
         && (*comment = xf_repo_check_text (_("Comment"), review->comment, TRUE, MAX_TEXT, error)) != NULL;
}

/* The year: from the plan's start to this year; not reviewed yet. */
static gboolean
check_review_year (XfCultivation            *self,
                   const XfCultivationPlan  *plan,
                   int                       year,
                   GError                  **error)
{
  g_autofree char *sql = NULL;
  GDate today, starts;
  gint64 existing = 0;

  xf_clock_today (&today);
  g_date_clear (&starts, 1);
  if (!xf_date_parse (plan->starts_on, &starts)
      || year < g_date_get_year (&starts) || year > g_date_get_year (&today))
    {
      /* Translators: the year given, then the first and last years allowed. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: %d is not between %d and %d"), year,
                   g_date_valid (&starts) ? g_date_get_year (&starts) : 0, g_date_get_year (&today));
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT COUNT(*) FROM cultivation_reviews WHERE plan_id = $1 AND year = %d", year);
  if (!xf_repo_query_int64 (&self->repo, sql, plan->id, &existing, error))
    return FALSE;
  if (existing > 0)
    {
      /* Translators: %d is a year. */
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Year: the plan was already reviewed for %d"), year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_review (XfCultivation              *self,
               const XfCultivationPlan    *plan,
               const XfCultivationReview  *review,
               const char                 *comment,
               GError                    **error)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *summary = NULL;
  const char *reviewed_on = review->reviewed_on != NULL && *review->reviewed_on != '\0'
                            ? review->reviewed_on : today;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO cultivation_reviews (plan_id, year, reviewed_on, rating, ready, comment,"
                          " reviewer, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, plan->id);
  xf_db_stmt_bind_int64 (stmt, 2, review->year);
  xf_db_stmt_bind_text (stmt, 3, reviewed_on);
  xf_db_stmt_bind_text (stmt, 4, review->rating);
  xf_db_stmt_bind_int64 (stmt, 5, review->ready ? 1 : 0);
  xf_db_stmt_bind_text (stmt, 6, comment);
  xf_db_stmt_bind_text (stmt, 7, xf_repo_actor_name (&self->repo));
  xf_db_stmt_bind_int64 (stmt, 8, xf_repo_now ());
  summary = g_strdup_printf ("%d: %s%s", review->year, review->rating, review->ready ? ", ready" : "");
  return xf_db_stmt_run (stmt, error)
         && xf_repo_audit (&self->repo, XF_AUDIT_REVIEW_ADD, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                           plan->pioneer_name, "review", NULL, summary, error);
}

gboolean
xf_cultivation_add_review (XfCultivation              *self,
                           gint64                      plan_id,
                           const XfCultivationReview  *review,
                           GError                    **error)
{
  static const char * const reviewable[] = { XF_PLAN_ACTIVE, XF_PLAN_NOMINATED, NULL };
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *comment = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!check_review (review, &comment, error) || !xf_repo_begin (&self->repo, error))
    return FALSE;
  plan = _xf_cultivation_load_for_write (self, plan_id, reviewable, error);
  ok = plan != NULL
       && check_review_year (self, plan, review->year, error)
       && insert_review (self, plan, review, comment, error);
  return _xf_cultivation_end (self, ok, plan != NULL ? plan->pioneer_id : 0, error);
}
