/* xf-cultivation-plans.c — cultivation plans
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
#include "xf-nomination.h"
#include "xf-reference.h"
#include "xf-service.h"
#include "xf-store.h"

/*
 * A plan is read with its counts in one statement: the goals grouped per
 * plan and the latest review joined. The managing organisation read is
 * the plan's own, else the target's; saving the target's own
 * organisation stores none, so the plan follows the target.
 */

#define MAX_TITLE 100
#define MAX_TEXT  2000

/* $1: today. */
#define PLAN_COLUMNS \
  "cp.id, cp.uid, cp.pioneer_id, p.uid, p.name, p.tier, p.region_code, cp.target_title," \
  " cp.target_level, COALESCE(cp.target_year, 0), COALESCE(cp.mentor_id, 0), m.name," \
  " COALESCE(cp.apprenticeship_id, 0), mo.code, mo.name, mo.name_en, cp.starts_on, cp.status," \
  " cp.close_reason, COALESCE(cp.nomination_id, 0), cp.notes, cp.version," \
  " COALESCE(g.total, 0), COALESCE(g.achieved, 0), COALESCE(g.overdue, 0)," \
  " COALESCE(r.year, 0), r.rating, COALESCE(r.ready, 0)"
#define PLAN_FROM \
  " FROM cultivation_plans cp JOIN pioneers p ON p.id = cp.pioneer_id" \
  " LEFT JOIN pioneers m ON m.id = cp.mentor_id" \
  " LEFT JOIN organisations mo ON mo.id = COALESCE(cp.organisation_id, p.organisation_id)" \
  " LEFT JOIN (SELECT plan_id, COUNT(*) AS total," \
  "   SUM(CASE WHEN achieved_on IS NULL THEN 0 ELSE 1 END) AS achieved," \
  "   SUM(CASE WHEN achieved_on IS NULL AND kind = '" XF_GOAL_MILESTONE "' AND due_on < $1" \
  "       THEN 1 ELSE 0 END) AS overdue" \
  "   FROM cultivation_goals GROUP BY plan_id) g ON g.plan_id = cp.id" \
  " LEFT JOIN cultivation_reviews r ON r.plan_id = cp.id" \
  "   AND r.year = (SELECT MAX(r2.year) FROM cultivation_reviews r2 WHERE r2.plan_id = cp.id)"

typedef struct
{
  char *today;
  int   year;
} ReadContext;

static void
read_context_init (ReadContext *context)
{
  GDate day;

  context->today = xf_repo_today ();
  g_date_clear (&day, 1);
  context->year = xf_date_parse (context->today, &day) ? g_date_get_year (&day) : 0;
}

static char *
organisation_label (XfDbStmt *stmt,
                    int       col)
{
  const char *english = xf_db_stmt_column_text (stmt, col + 1);

  if (xf_db_stmt_column_is_null (stmt, col))
    return NULL;
  if (!xf_reference_prefers_chinese () && english != NULL && *english != '\0')
    return g_strdup (english);
  return xf_db_stmt_dup_text (stmt, col);
}

/* The ready rule (xf-cultivation.h), from the counts read. */
static gboolean
plan_is_ready (const XfCultivationPlan *plan,
               gboolean                 review_ready,
               int                      this_year)
{
  return g_strcmp0 (plan->status, XF_PLAN_ACTIVE) == 0
         && review_ready
         && plan->last_review_year >= this_year - 1
         && plan->goals_total > 0
         && plan->goals_achieved * 5 >= plan->goals_total * 4;
}

#define TAKE_TEXT(field) G_STMT_START { plan->field = xf_db_stmt_dup_text (stmt, col++); } G_STMT_END

static gpointer
plan_from_row (XfDbStmt *stmt,
               gpointer  user_data)
{
  ReadContext *context = user_data;
  XfCultivationPlan *plan = xf_cultivation_plan_new ();
  int col = 0;

  g_clear_pointer (&plan->status, g_free);
  plan->id = xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (uid);
  plan->pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (pioneer_uid);
  TAKE_TEXT (pioneer_name);
  TAKE_TEXT (pioneer_tier);
  TAKE_TEXT (region_code);
  plan->region_name = g_strdup (xf_reference_label (xf_reference_get_shared (), XF_REFERENCE_REGIONS,
                                                    plan->region_code));
  TAKE_TEXT (target_title);
  TAKE_TEXT (target_level);
  plan->target_year = (int) xf_db_stmt_column_int64 (stmt, col++);
  plan->mentor_id = xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (mentor_name);
  plan->apprenticeship_id = xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (organisation_code);
  plan->organisation_name = organisation_label (stmt, col);
  col += 2;
  TAKE_TEXT (starts_on);
  TAKE_TEXT (status);
  TAKE_TEXT (close_reason);
  plan->nomination_id = xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (notes);
  plan->version = xf_db_stmt_column_int64 (stmt, col++);
  plan->goals_total = (int) xf_db_stmt_column_int64 (stmt, col++);
  plan->goals_achieved = (int) xf_db_stmt_column_int64 (stmt, col++);
  plan->milestones_overdue = (int) xf_db_stmt_column_int64 (stmt, col++);
  plan->last_review_year = (int) xf_db_stmt_column_int64 (stmt, col++);
  TAKE_TEXT (last_review_rating);
  plan->ready = plan_is_ready (plan, xf_db_stmt_column_int64 (stmt, col++) != 0, context->year);
  return plan;
}

#undef TAKE_TEXT

gint64
_xf_cultivation_organisation_id (XfCultivation  *self,
                                 const char     *field,
                                 const char     *code,
                                 GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 id = -1;

  if (code == NULL || *code == '\0')
    return 0;
  stmt = xf_repo_prepare (&self->repo, "SELECT id FROM organisations WHERE code = $1", error);
  if (stmt == NULL)
    return -1;
  xf_db_stmt_bind_text (stmt, 1, code);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    id = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    {
      g_autofree char *quoted = xf_repo_quote (code);

      /* Translators: a field's name, then an organisation's code. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: there is no organisation “%s”"),
                   field, quoted);
    }
  return id;
}

/* @status as the list query takes it; FALSE naming "Status" when unknown. */
static gboolean
check_query_status (const char  *status,
                    GError     **error)
{
  static const char * const known[] = {
    "any", XF_PLAN_PIPELINE, XF_PLAN_ACTIVE, XF_PLAN_NOMINATED, XF_PLAN_ACHIEVED, XF_PLAN_CLOSED, NULL
  };

  if (status == NULL || g_strv_contains (known, status))
    return TRUE;
  /* Translators: %s is what was given. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Status: “%s” is not active, nominated, achieved, closed or any"), status);
  return FALSE;
}

/* Whether @needle (casefolded) is in @text. */
static gboolean
text_has (const char *text,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/* Removes the plans that the query's text and ready_only leave out. */
static void
filter_plans (GPtrArray         *plans,
              const XfPlanQuery *query)
{
  g_autofree char *needle = NULL;

  if (query->text != NULL && *query->text != '\0')
    needle = g_utf8_casefold (query->text, -1);
  for (guint i = plans->len; i > 0; i--)
    {
      XfCultivationPlan *plan = g_ptr_array_index (plans, i - 1);
      gboolean keep = !query->ready_only || plan->ready;

      if (keep && needle != NULL)
        keep = text_has (plan->pioneer_name, needle) || text_has (plan->mentor_name, needle)
               || text_has (plan->target_title, needle);
      if (!keep)
        g_ptr_array_remove_index (plans, i - 1);
    }
}

/* The first moment of this year, in UTC µs. */
static gint64
year_start (int year)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (year, 1, 1, 0, 0, 0);

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

GPtrArray *
_xf_cultivation_query_plans (XfCultivation      *self,
                             const XfPlanQuery  *query,
                             GError            **error)
{
  ReadContext context;
  g_autofree char *region = NULL;
  GPtrArray *plans;
  XfDbStmt *stmt;

  if (!check_query_status (query->status, error)
      || !xf_repo_check_region_prefix (query->region_prefix, error)
      || !xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error)
      || _xf_cultivation_organisation_id (self, _("Organisation"), query->organisation_code, error) < 0)
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          "WITH RECURSIVE below (id) AS (SELECT id FROM organisations WHERE code = $2"
                          " UNION ALL SELECT o.id FROM organisations o JOIN below ON o.parent_id = below.id)"
                          " SELECT " PLAN_COLUMNS PLAN_FROM
                          " WHERE ($3 = 'any' OR cp.status = $3"
                          "   OR ($3 = 'open' AND cp.status IN " XF_PLAN_OPEN_SQL ")"
                          "   OR ($3 = '" XF_PLAN_PIPELINE "' AND (cp.status IN " XF_PLAN_OPEN_SQL
                          "       OR (cp.status = '" XF_PLAN_ACHIEVED "' AND cp.updated_at >= $5))))"
                          " AND ($2 = '' OR mo.id IN (SELECT id FROM below))"
                          " AND ($4 = '' OR p.region_code LIKE $4)"
                          " ORDER BY COALESCE(p.region_code, ''), p.name, cp.id", error);
  if (stmt == NULL)
    return NULL;
  read_context_init (&context);
  if (query->region_prefix != NULL && *query->region_prefix != '\0')
    region = g_strconcat (query->region_prefix, "%", NULL);
  xf_db_stmt_bind_text (stmt, 1, context.today);
  xf_db_stmt_bind_text (stmt, 2, query->organisation_code != NULL ? query->organisation_code : "");
  xf_db_stmt_bind_text (stmt, 3, query->status != NULL ? query->status : "open");
  xf_db_stmt_bind_text (stmt, 4, region != NULL ? region : "");
  xf_db_stmt_bind_int64 (stmt, 5, year_start (context.year));
  plans = xf_repo_collect (&self->repo, stmt, plan_from_row, &context,
                           (GDestroyNotify) xf_cultivation_plan_free, error);
  g_free (context.today);
  if (plans != NULL)
    filter_plans (plans, query);
  return plans;
}

GPtrArray *
xf_cultivation_list_plans (XfCultivation      *self,
                           const XfPlanQuery  *query,
                           GError            **error)
{
  XfPlanQuery all = { NULL };

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  return _xf_cultivation_query_plans (self, query != NULL ? query : &all, error);
}

/* The plan without its goals and reviews. */
static XfCultivationPlan *
load_plan (XfCultivation  *self,
           gint64          plan_id,
           GError        **error)
{
  ReadContext context;
  XfCultivationPlan *plan;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE cp.id = $2", error);
  if (stmt == NULL)
    return NULL;
  read_context_init (&context);
  xf_db_stmt_bind_text (stmt, 1, context.today);
  xf_db_stmt_bind_int64 (stmt, 2, plan_id);
  plan = xf_repo_fetch_one (&self->repo, stmt, plan_from_row, &context, _("Plan"), plan_id, error);
  g_free (context.today);
  return plan;
}

static gpointer
goal_from_row (XfDbStmt *stmt,
               gpointer  user_data)
{
  const char *today = user_data;
  XfCultivationGoal *goal = xf_cultivation_goal_new ();

  goal->id = xf_db_stmt_column_int64 (stmt, 0);
  goal->kind = xf_db_stmt_dup_text (stmt, 1);
  goal->title = xf_db_stmt_dup_text (stmt, 2);
  goal->due_on = xf_db_stmt_dup_text (stmt, 3);
  goal->achieved_on = xf_db_stmt_dup_text (stmt, 4);
  goal->evidence = xf_db_stmt_dup_text (stmt, 5);
  goal->position = (int) xf_db_stmt_column_int64 (stmt, 6);
  goal->overdue = goal->achieved_on == NULL && goal->due_on != NULL && strcmp (goal->due_on, today) < 0;
  return goal;
}

static gpointer
review_from_row (XfDbStmt *stmt,
                 gpointer  user_data)
{
  XfCultivationReview *review = xf_cultivation_review_new ();

  review->id = xf_db_stmt_column_int64 (stmt, 0);
  review->year = (int) xf_db_stmt_column_int64 (stmt, 1);
  review->reviewed_on = xf_db_stmt_dup_text (stmt, 2);
  review->rating = xf_db_stmt_dup_text (stmt, 3);
  review->ready = xf_db_stmt_column_int64 (stmt, 4) != 0;
  review->comment = xf_db_stmt_dup_text (stmt, 5);
  review->reviewer = xf_db_stmt_dup_text (stmt, 6);
  return review;
}

/* The rows of @sql ($1: the plan's id) through @from_row. */
static GPtrArray *
collect_for_plan (XfCultivation  *self,
                  const char     *sql,
                  gint64          plan_id,
                  XfRepoRowFunc   from_row,
                  gpointer        user_data,
                  GDestroyNotify  free_func,
                  GError        **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, sql, error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, plan_id);
  return xf_repo_collect (&self->repo, stmt, from_row, user_data, free_func, error);
}

XfCultivationPlan *
xf_cultivation_get_plan (XfCultivation  *self,
                         gint64          plan_id,
                         GError        **error)
{
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *today = xf_repo_today ();

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  plan = load_plan (self, plan_id, error);
  if (plan == NULL)
    return NULL;
  plan->goals = collect_for_plan (self,
                                  "SELECT id, kind, title, due_on, achieved_on, evidence, position"
                                  " FROM cultivation_goals WHERE plan_id = $1 ORDER BY position, id",
                                  plan_id, goal_from_row, today,
                                  (GDestroyNotify) xf_cultivation_goal_free, error);
  if (plan->goals == NULL)
    return NULL;
  plan->reviews = collect_for_plan (self,
                                    "SELECT id, year, reviewed_on, rating, ready, comment, reviewer"
                                    " FROM cultivation_reviews WHERE plan_id = $1 ORDER BY year DESC",
                                    plan_id, review_from_row, NULL,
                                    (GDestroyNotify) xf_cultivation_review_free, error);
  if (plan->reviews == NULL)
    return NULL;
  return g_steal_pointer (&plan);
}

gint64
xf_cultivation_find_plan (XfCultivation  *self,
                          const char     *reference,
                          GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 id = 0;
  guint64 number;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);

  if (reference != NULL && g_ascii_string_to_unsigned (reference, 10, 1, G_MAXINT64, &number, NULL))
    stmt = xf_repo_prepare (&self->repo, "SELECT id FROM cultivation_plans WHERE id = $1", error);
  else
    stmt = xf_repo_prepare (&self->repo, "SELECT id FROM cultivation_plans WHERE uid = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, reference != NULL ? reference : "");
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    id = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    {
      g_autofree char *quoted = xf_repo_quote (reference);

      /* Translators: %s is what was given. */
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("There is no cultivation plan “%s”"), quoted);
    }
  return id;
}

gint64
xf_cultivation_plan_for (XfCultivation  *self,
                         gint64          pioneer_id,
                         GError        **error)
{
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);

  if (!xf_repo_query_int64 (&self->repo,
                            "SELECT id FROM cultivation_plans WHERE pioneer_id = $1"
                            " AND status IN " XF_PLAN_OPEN_SQL, pioneer_id, &id, error))
    return 0;
  return id;
}

/*
 * Saving
 */

static gboolean
check_level (const char  *level,
             GError     **error)
{
  static const char * const levels[] = { "national", "provincial", "city", "county", NULL };

  if (level != NULL && g_strv_contains (levels, level))
    return TRUE;
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Level: choose national, provincial, city or county"));
  return FALSE;
}

static gboolean
check_target_year (int          year,
                   int          this_year,
                   GError     **error)
{
  if (year == 0 || (year >= this_year && year <= this_year + 10))
    return TRUE;
  /* Translators: the year given, then the first and last years allowed. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Target year: %d is not between %d and %d"),
               year, this_year, this_year + 10);
  return FALSE;
}

/* The mentor: none, or an active individual pioneer other than the target. */
static gboolean
check_mentor (XfCultivation            *self,
              const XfCultivationPlan  *plan,
              GError                  **error)
{
  g_autoptr(XfPioneer) mentor = NULL;

  if (plan->mentor_id <= 0)
    return TRUE;
  if (plan->mentor_id == plan->pioneer_id)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Mentor: the target cannot be his or her own mentor"));
      return FALSE;
    }
  if (!xf_registry_check_active_id (self->registry, plan->mentor_id, _("Mentor"), error))
    return FALSE;
  mentor = xf_registry_get_pioneer (self->registry, plan->mentor_id, error);
  if (mentor == NULL)
    return FALSE;
  if (xf_pioneer_is_collective (mentor))
    {
      /* Translators: %s is a collective's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Mentor: %s is a collective, not a person"),
                   xf_pioneer_get_name (mentor));
      return FALSE;
    }
  return TRUE;
}

/* The apprenticeship: none, or one of the mentor's, accepted or completed. */
static gboolean
check_apprenticeship (XfCultivation            *self,
                      const XfCultivationPlan  *plan,
                      GError                  **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gboolean fits = FALSE;

  if (plan->apprenticeship_id <= 0)
    return TRUE;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT CASE WHEN pioneer_id = $2 AND status IN ('" XF_APPRENTICESHIP_ACCEPTED "', '"
                          XF_APPRENTICESHIP_COMPLETED "') THEN 1 ELSE 0 END FROM apprenticeships WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, plan->apprenticeship_id);
  xf_db_stmt_bind_int64 (stmt, 2, plan->mentor_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  fits = step == XF_DB_STEP_ROW && xf_db_stmt_column_int64 (stmt, 0) != 0;
  xf_db_stmt_reset (stmt);
  if (!fits)
    g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                         _("Apprenticeship: it must be the mentor’s, accepted or completed"));
  return fits;
}

/* What a save writes, checked. */
typedef struct
{
  char   *title;
  char   *starts_on;
  char   *notes;
  gint64  organisation_id;   /* 0: the target's */
  char   *pioneer_name;
  GPtrArray *goals;          /* checked copies, for a new plan */
} PlanInput;

static void
plan_input_clear (PlanInput *input)
{
  g_free (input->title);
  g_free (input->starts_on);
  g_free (input->notes);
  g_free (input->pioneer_name);
  g_clear_pointer (&input->goals, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanInput, plan_input_clear)

/* The target: an active pioneer the actor may cultivate. */
static gboolean
check_target (XfCultivation            *self,
              const XfCultivationPlan  *plan,
              PlanInput                *input,
              gint64                   *pioneer_organisation,
              GError                  **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  if (!xf_registry_check_active_id (self->registry, plan->pioneer_id, _("Target"), error))
    return FALSE;
  pioneer = xf_registry_get_pioneer (self->registry, plan->pioneer_id, error);
  if (pioneer == NULL
      || !xf_registry_check (self->registry, XF_OP_CULTIVATION_EDIT, pioneer, error))
    return FALSE;
  input->pioneer_name = g_strdup (xf_pioneer_get_name (pioneer));
  *pioneer_organisation = xf_pioneer_get_organisation_id (pioneer);
  return TRUE;
}

static gboolean
check_goals (const XfCultivationPlan  *plan,
             PlanInput                *input,
             GError                  **error)
{
  input->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  for (guint i = 0; plan->id == 0 && plan->goals != NULL && i < plan->goals->len; i++)
    {
      g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();

      if (!_xf_cultivation_check_goal (g_ptr_array_index (plan->goals, i), goal, error))
        return FALSE;
      goal->position = (int) i;
      g_ptr_array_add (input->goals, g_steal_pointer (&goal));
    }
  return TRUE;
}

static gboolean
check_plan (XfCultivation            *self,
            const XfCultivationPlan  *plan,
            PlanInput                *input,
            GError                  **error)
{
  GDate today;
  gint64 pioneer_organisation = 0;

  xf_clock_today (&today);
  if (!check_target (self, plan, input, &pioneer_organisation, error)
      || (input->title = xf_repo_check_text (_("Honour aimed at"), plan->target_title, TRUE,
                                             MAX_TITLE, error)) == NULL
      || !check_level (plan->target_level, error)
      || !check_target_year (plan->target_year, g_date_get_year (&today), error)
      || !check_mentor (self, plan, error)
      || !check_apprenticeship (self, plan, error)
      || (input->organisation_id = _xf_cultivation_organisation_id (self, _("Organisation"),
                                                                   plan->organisation_code, error)) < 0
      || !xf_repo_check_date (_("Starts on"), plan->starts_on, FALSE, error)
      || !xf_repo_check_date_range (_("Starts on"), plan->starts_on, XF_REPO_EARLIEST_DATE, NULL, error)
      || (input->notes = xf_repo_check_text (_("Notes"), plan->notes, FALSE, MAX_TEXT, error)) == NULL
      || !check_goals (plan, input, error))
    return FALSE;
  if (plan->apprenticeship_id > 0 && plan->mentor_id <= 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Apprenticeship: choose the mentor first"));
      return FALSE;
    }
  if (input->organisation_id == pioneer_organisation)
    input->organisation_id = 0;
  input->starts_on = plan->starts_on != NULL && *plan->starts_on != '\0'
                     ? g_strdup (plan->starts_on) : xf_date_format (&today);
  return TRUE;
}

/* Inside a write: XF_ERROR_DUPLICATE when the target has another open plan. */
static gboolean
check_one_open (XfCultivation            *self,
                const XfCultivationPlan  *plan,
                const PlanInput          *input,
                GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 open = xf_cultivation_plan_for (self, plan->pioneer_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (open == 0 || open == plan->id)
    return TRUE;
  /* Translators: %s is a pioneer's name. */
  g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Target: %s already has an open cultivation plan"),
               input->pioneer_name);
  return FALSE;
}

/* Binds $2..$8 of the insert and the update alike. */
static void
bind_fields (XfDbStmt                *stmt,
             const XfCultivationPlan *plan,
             const PlanInput         *input)
{
  xf_db_stmt_bind_text (stmt, 2, input->title);
  xf_db_stmt_bind_text (stmt, 3, plan->target_level);
  xf_repo_bind_id_or_null (stmt, 4, plan->target_year);
  xf_repo_bind_id_or_null (stmt, 5, plan->mentor_id);
  xf_repo_bind_id_or_null (stmt, 6, plan->apprenticeship_id);
  xf_repo_bind_id_or_null (stmt, 7, input->organisation_id);
  xf_db_stmt_bind_text (stmt, 8, input->starts_on);
}

static gint64
insert_plan (XfCultivation            *self,
             const XfCultivationPlan  *plan,
             const PlanInput          *input,
             GError                  **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  XfDbStmt *stmt;
  gint64 id;

  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO cultivation_plans (uid, target_title, target_level, target_year,"
                          " mentor_id, apprenticeship_id, organisation_id, starts_on, pioneer_id, notes,"
                          " status, created_at, updated_at, version)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '" XF_PLAN_ACTIVE "', $11, $11, 1)",
                          error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  bind_fields (stmt, plan, input);
  xf_db_stmt_bind_int64 (stmt, 9, plan->pioneer_id);
  xf_db_stmt_bind_text (stmt, 10, input->notes);
  xf_db_stmt_bind_int64 (stmt, 11, xf_repo_now ());
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  id = xf_db_last_insert_id (self->repo.db);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CULTIVATION_PLAN, uid, input->pioneer_name,
                      "target-title", NULL, input->title, error))
    return 0;
  for (guint i = 0; i < input->goals->len; i++)
    {
      XfCultivationPlan stored = { .id = id, .uid = uid, .pioneer_name = input->pioneer_name };

      if (_xf_cultivation_insert_goal (self, &stored, g_ptr_array_index (input->goals, i), error) == 0)
        return 0;
    }
  return id;
}

static char *
int_text (gint64 value)
{
  return value > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
}

static gboolean
audit_update (XfCultivation            *self,
              const XfCultivationPlan  *stored,
              const XfCultivationPlan  *plan,
              const PlanInput          *input,
              GError                  **error)
{
  g_autofree char *year_before = int_text (stored->target_year);
  g_autofree char *year_after = int_text (plan->target_year);
  g_autofree char *mentor_before = int_text (stored->mentor_id);
  g_autofree char *mentor_after = int_text (plan->mentor_id);
  g_autofree char *link_before = int_text (stored->apprenticeship_id);
  g_autofree char *link_after = int_text (plan->apprenticeship_id);
  XfRepoFieldChange changes[] = {
    { "target-title", stored->target_title, input->title },
    { "target-level", stored->target_level, plan->target_level },
    { "target-year", year_before, year_after },
    { "mentor-id", mentor_before, mentor_after },
    { "apprenticeship-id", link_before, link_after },
    { "organisation", stored->organisation_code, plan->organisation_code },
    { "starts-on", stored->starts_on, input->starts_on },
    { "notes", stored->notes, input->notes },
  };

  return xf_repo_audit_fields (&self->repo, XF_RECORD_CULTIVATION_PLAN, stored->uid, stored->pioneer_name,
                               changes, G_N_ELEMENTS (changes), error);
}

static gboolean
update_plan (XfCultivation            *self,
             const XfCultivationPlan  *plan,
             const PlanInput          *input,
             GError                  **error)
{
  static const char * const editable[] = { XF_PLAN_ACTIVE, NULL };
  g_autoptr(XfCultivationPlan) stored = _xf_cultivation_load_for_write (self, plan->id, editable, error);
  XfDbStmt *stmt;

  if (stored == NULL)
    return FALSE;
  if (stored->pioneer_id != plan->pioneer_id)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Target: the target of a saved plan cannot be changed"));
      return FALSE;
    }
  if (stored->version != plan->version)
    {
      /* Translators: %s is a pioneer's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The cultivation plan of %s was changed elsewhere since you opened it"),
                   stored->pioneer_name);
      return FALSE;
    }
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE cultivation_plans SET target_title = $2, target_level = $3,"
                          " target_year = $4, mentor_id = $5, apprenticeship_id = $6, organisation_id = $7,"
                          " starts_on = $8, notes = $9, updated_at = $10, version = version + 1"
                          " WHERE id = $1 AND version = $11", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, plan->id);
  bind_fields (stmt, plan, input);
  xf_db_stmt_bind_text (stmt, 9, input->notes);
  xf_db_stmt_bind_int64 (stmt, 10, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 11, plan->version);
  return xf_db_stmt_run (stmt, error) && audit_update (self, stored, plan, input, error);
}

gint64
xf_cultivation_save_plan (XfCultivation            *self,
                          const XfCultivationPlan  *plan,
                          GError                  **error)
{
  g_auto(PlanInput) input = { NULL };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);
  g_return_val_if_fail (plan != NULL, 0);

  if (!check_plan (self, plan, &input, error) || !xf_repo_begin (&self->repo, error))
    return 0;
  ok = check_one_open (self, plan, &input, error);
  if (ok && plan->id == 0)
    ok = (id = insert_plan (self, plan, &input, error)) > 0;
  else if (ok)
    ok = update_plan (self, plan, &input, error) && (id = plan->id) > 0;
  if (!_xf_cultivation_end (self, ok, plan->pioneer_id, error))
    return 0;
  return id;
}

/*
 * Status
 */

/* Why a plan in @status cannot be changed: a sentence, not the label. */
static const char *
plan_status_message (const char *status)
{
  if (g_strcmp0 (status, XF_PLAN_ACTIVE) == 0)
    return _("The cultivation plan is active");
  if (g_strcmp0 (status, XF_PLAN_NOMINATED) == 0)
    return _("A nomination has been started from the cultivation plan");
  if (g_strcmp0 (status, XF_PLAN_ACHIEVED) == 0)
    return _("The honour the cultivation plan aimed at has been conferred");
  return _("The cultivation plan is closed");
}

XfCultivationPlan *
_xf_cultivation_load_for_write (XfCultivation       *self,
                                gint64               plan_id,
                                const char * const  *statuses,
                                GError             **error)
{
  g_autoptr(XfCultivationPlan) plan = NULL;

  if (!xf_repo_lock (&self->repo, "cultivation_plans", plan_id, error))
    return NULL;
  plan = load_plan (self, plan_id, error);
  if (plan == NULL
      || !xf_registry_check_id (self->registry, XF_OP_CULTIVATION_EDIT, plan->pioneer_id, error))
    return NULL;
  if (!g_strv_contains (statuses, plan->status))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW, plan_status_message (plan->status));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

gboolean
_xf_cultivation_set_status (XfCultivation            *self,
                            const XfCultivationPlan  *plan,
                            const char               *to,
                            const char               *reason,
                            gint64                    nomination_id,
                            GError                  **error)
{
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE cultivation_plans SET status = $1, nomination_id = COALESCE($2, nomination_id),"
                          " close_reason = $3, updated_at = $4, version = version + 1"
                          " WHERE id = $5 AND status = $6", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to);
  xf_repo_bind_id_or_null (stmt, 2, nomination_id);
  xf_repo_bind_text_or_null (stmt, 3, g_str_equal (to, XF_PLAN_CLOSED) ? reason : NULL);
  xf_db_stmt_bind_int64 (stmt, 4, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 5, plan->id);
  xf_db_stmt_bind_text (stmt, 6, plan->status);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->repo.db) != 1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The cultivation plan was changed elsewhere; reload it"));
      return FALSE;
    }
  return xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                        plan->pioneer_name, "status", plan->status, to, error)
         && (reason == NULL || *reason == '\0'
             || xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CULTIVATION_PLAN, plan->uid,
                               plan->pioneer_name, "reason", NULL, reason, error));
}

gboolean
xf_cultivation_close_plan (XfCultivation  *self,
                           gint64          plan_id,
                           const char     *status,
                           const char     *reason,
                           GError        **error)
{
  static const char * const open[] = { XF_PLAN_ACTIVE, XF_PLAN_NOMINATED, NULL };
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *text = NULL;
  gboolean closing = g_strcmp0 (status, XF_PLAN_CLOSED) == 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if (!closing && g_strcmp0 (status, XF_PLAN_ACHIEVED) != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Status: choose achieved or closed"));
      return FALSE;
    }
  if ((text = xf_repo_check_text (_("Reason"), reason, closing, MAX_TEXT, error)) == NULL
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  plan = _xf_cultivation_load_for_write (self, plan_id, open, error);
  return _xf_cultivation_end (self,
                              plan != NULL && _xf_cultivation_set_status (self, plan, status, text, 0, error),
                              plan != NULL ? plan->pioneer_id : 0, error);
}

/*
 * Following nominations
 */

typedef struct
{
  gint64  plan_id;
  gint64  pioneer_id;
  char   *stage;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_free (outcome->stage);
  g_free (outcome);
}

static gpointer
outcome_from_row (XfDbStmt *stmt,
                  gpointer  user_data)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->plan_id = xf_db_stmt_column_int64 (stmt, 0);
  outcome->pioneer_id = xf_db_stmt_column_int64 (stmt, 1);
  outcome->stage = xf_db_stmt_dup_text (stmt, 2);
  return outcome;
}

/* Inside a write: moves one plan after its nomination's final @outcome;
 * *@moved when it did (plans at places the actor may not edit stay). */
static gboolean
follow_outcome (XfCultivation  *self,
                const Outcome  *outcome,
                gboolean       *moved,
                GError        **error)
{
  static const char * const nominated[] = { XF_PLAN_NOMINATED, NULL };
  g_autoptr(XfCultivationPlan) plan = NULL;
  const char *to = g_str_equal (outcome->stage, XF_STAGE_CONFERRED) ? XF_PLAN_ACHIEVED : XF_PLAN_ACTIVE;
  g_autoptr(GError) local_error = NULL;

  *moved = FALSE;
  if (!xf_registry_check_id (self->registry, XF_OP_CULTIVATION_EDIT, outcome->pioneer_id, &local_error))
    return TRUE;
  plan = _xf_cultivation_load_for_write (self, outcome->plan_id, nominated, error);
  if (plan == NULL
      || !_xf_cultivation_set_status (self, plan, to, xf_stage_label (outcome->stage), 0, error))
    return FALSE;
  *moved = TRUE;
  return TRUE;
}

int
xf_cultivation_sync_nominations (XfCultivation  *self,
                                 GError        **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  XfDbStmt *stmt;
  gboolean ok = TRUE;
  int changed = 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), -1);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CULTIVATION_EDIT, error)
      || !xf_repo_begin (&self->repo, error))
    return -1;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT cp.id, cp.pioneer_id, n.stage FROM cultivation_plans cp"
                          " JOIN nominations n ON n.id = cp.nomination_id"
                          " WHERE cp.status = '" XF_PLAN_NOMINATED "' AND n.stage IN ('"
                          XF_STAGE_CONFERRED "', '" XF_STAGE_DECLINED "', '" XF_STAGE_REJECTED "', '"
                          XF_STAGE_VETOED "', '" XF_STAGE_NOT_SELECTED "', '" XF_STAGE_WITHDRAWN "')"
                          " ORDER BY cp.id", error);
  outcomes = stmt != NULL ? xf_repo_collect (&self->repo, stmt, outcome_from_row, NULL,
                                             (GDestroyNotify) outcome_free, error) : NULL;
  ok = outcomes != NULL;
  for (guint i = 0; ok && i < outcomes->len; i++)
    {
      gboolean moved;

      ok = follow_outcome (self, g_ptr_array_index (outcomes, i), &moved, error);
      changed += moved ? 1 : 0;
    }
  /* Nothing moved: no ::changed, so a page may sync on every refresh. */
  if (ok && changed == 0)
    return xf_repo_end (&self->repo, TRUE, error) ? 0 : -1;
  if (!_xf_cultivation_end (self, ok, 0, error))
    return -1;
  return changed;
}
