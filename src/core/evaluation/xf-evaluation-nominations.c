/* xf-evaluation-nominations.c — nominations: reading, saving, eligibility
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-eligibility.h"
#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-private.h"

/*
 * Nominations are read with one query joining the candidate, the campaign
 * and the open timeline row (the current stage's due date); the due state
 * is computed here in C from that date, once per distinct date, so a list
 * of ten thousand costs one query and a few hundred calendar walks.
 * Stage changes live in xf-evaluation-stages.c, materials in
 * xf-evaluation-materials.c.
 */

/* The workflow order of stages, for ORDER BY. */
#define STAGE_ORDER \
  "CASE n.stage WHEN 'draft' THEN 0 WHEN 'preliminary' THEN 1 WHEN 'returned' THEN 2" \
  " WHEN 'committee' THEN 3 WHEN 'notice' THEN 4 WHEN 'decision' THEN 5" \
  " WHEN 'conferred' THEN 6 WHEN 'declined' THEN 7 WHEN 'rejected' THEN 8" \
  " WHEN 'vetoed' THEN 9 WHEN 'not-selected' THEN 10 ELSE 11 END"

/*
 * Shared helpers
 */

XfDueState
_xf_evaluation_due_state (XfEvaluation *self,
                          const char   *due_on,
                          const char   *left_on,
                          const GDate  *today,
                          int          *days_left)
{
  GDate due, left;
  XfDueState state;
  int left_days;

  if (days_left != NULL)
    *days_left = 0;
  g_date_clear (&due, 1);
  if (due_on == NULL || !xf_date_parse (due_on, &due))
    return XF_DUE_NONE;
  if (left_on != NULL)
    {
      g_date_clear (&left, 1);
      if (!xf_date_parse (left_on, &left))
        return XF_DUE_NONE;
      return g_date_compare (&left, &due) <= 0 ? XF_DUE_DONE : XF_DUE_DONE_LATE;
    }
  left_days = 0;
  state = xf_deadline_open_state (self->calendar, &due, today, &left_days, NULL);
  if (days_left != NULL)
    *days_left = left_days;
  return state;
}

gboolean
_xf_evaluation_audit_nomination (XfEvaluation  *self,
                                 XfNomination  *nomination,
                                 const char    *action,
                                 const char    *field,
                                 const char    *old_value,
                                 const char    *new_value,
                                 GError       **error)
{
  return _xf_evaluation_audit (self, action, "nomination",
                               xf_nomination_get_uid (nomination),
                               xf_nomination_get_candidate_name (nomination),
                               field, old_value, new_value, error);
}

/* Fills in stage-due-on's state as of @today, caching per date. */
static void
settle_due (XfEvaluation *self,
            XfNomination *nomination,
            const GDate  *today,
            GHashTable   *cache)
{
  const char *due_on = xf_nomination_get_stage_due_on (nomination);
  gpointer cached;
  int state;

  if (due_on == NULL)
    return;
  if (cache != NULL && g_hash_table_lookup_extended (cache, due_on, NULL, &cached))
    state = GPOINTER_TO_INT (cached);
  else
    {
      state = _xf_evaluation_due_state (self, due_on, NULL, today, NULL);
      if (cache != NULL)
        g_hash_table_insert (cache, g_strdup (due_on), GINT_TO_POINTER (state));
    }
  _xf_nomination_set_due (nomination, due_on, state);
}

XfNomination *
_xf_evaluation_load_nomination (XfEvaluation  *self,
                                gint64         nomination_id,
                                GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  XfNomination *nomination;
  GDate today;

  stmt = _xf_evaluation_prepare (self, "SELECT " XF_NOMINATION_FULL_COLUMNS XF_NOMINATION_FROM
                                       " WHERE n.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      _xf_evaluation_set_not_found (error, _("Nomination"), nomination_id);
      return NULL;
    }
  nomination = _xf_nomination_new_from_row (stmt, TRUE);
  xf_db_stmt_reset (stmt);

  xf_clock_today (&today);
  settle_due (self, nomination, &today, NULL);
  return nomination;
}

XfNomination *
_xf_evaluation_load_for_write (XfEvaluation  *self,
                               gint64         nomination_id,
                               XfOperation    op,
                               GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;

  if (!_xf_evaluation_lock (self, "nominations", nomination_id, error))
    return NULL;
  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL)
    return NULL;
  if (!_xf_evaluation_check_candidate (self, op, xf_nomination_get_pioneer_id (nomination), error))
    return NULL;
  return g_steal_pointer (&nomination);
}

/*
 * Lists and counts
 */

static gboolean
matches_text (XfNomination *nomination,
              const char   *folded)
{
  const char *fields[] = {
    xf_nomination_get_candidate_name (nomination),
    xf_nomination_get_nominating_unit (nomination),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = NULL;

      if (fields[i] == NULL)
        continue;
      field = g_utf8_casefold (fields[i], -1);
      if (strstr (field, folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The list's order, kept beside each record so sorting compares no strings
 * but dates. */
typedef struct
{
  int           stage_order;
  const char   *due_on;        /* NULL last */
  gint64        id;
  XfNomination *nomination;
} SortKey;

static int
stage_order (const char *stage)
{
  const char * const *stages = xf_stage_all ();

  for (int i = 0; stages[i] != NULL; i++)
    if (g_str_equal (stages[i], stage))
      return i;
  return G_MAXINT;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *x = a, *y = b;
  int order;

  if (x->stage_order != y->stage_order)
    return x->stage_order < y->stage_order ? -1 : 1;
  if ((x->due_on == NULL) != (y->due_on == NULL))
    return x->due_on == NULL ? 1 : -1;
  if (x->due_on != NULL && (order = strcmp (x->due_on, y->due_on)) != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Sorts @list as the contract says and keeps the page asked for. */
static GPtrArray *
sort_and_cut (GPtrArray *list,
              guint      offset,
              guint      limit)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (SortKey), list->len);
  GPtrArray *page = g_ptr_array_new_with_free_func (g_object_unref);
  guint end;

  for (guint i = 0; i < list->len; i++)
    {
      XfNomination *nomination = g_ptr_array_index (list, i);
      SortKey key = {
        stage_order (xf_nomination_get_stage (nomination)),
        xf_nomination_get_stage_due_on (nomination),
        xf_nomination_get_id (nomination),
        nomination,
      };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_keys);
  /* In 64 bits: offset + limit may not fit a guint. */
  end = limit > 0 ? (guint) MIN ((guint64) keys->len, (guint64) offset + limit) : keys->len;
  for (guint i = offset; i < end; i++)
    g_ptr_array_add (page, g_object_ref (g_array_index (keys, SortKey, i).nomination));
  return page;
}

GPtrArray *
xf_evaluation_list_nominations (XfEvaluation             *self,
                                const XfNominationQuery  *query,
                                GError                  **error)
{
  XfNominationQuery all = { 0, };
  g_autoptr(GString) sql = g_string_new ("SELECT " XF_NOMINATION_LIST_COLUMNS XF_NOMINATION_FROM
                                         " WHERE 1 = 1");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) due_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = NULL;
  gboolean sql_page;
  int param = 0;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (query == NULL)
    query = &all;
  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;

  if (query->campaign_id != 0)
    g_string_append_printf (sql, " AND n.campaign_id = $%d", ++param);
  if (g_strcmp0 (query->stage, "open") == 0)
    g_string_append (sql, " AND n.stage NOT IN " XF_FINAL_STAGES_SQL);
  else if (g_strcmp0 (query->stage, "final") == 0)
    g_string_append (sql, " AND n.stage IN " XF_FINAL_STAGES_SQL);
  else if (query->stage != NULL)
    g_string_append_printf (sql, " AND n.stage = $%d", ++param);

  /* Text and attention are decided in C. A page of a list filtered only in
   * SQL is cut by the database (a top-N sort); otherwise every matching
   * row is read unsorted and sorted here, several times cheaper than
   * having the database sort ten thousand wide rows. */
  if (query->text != NULL && *query->text != '\0')
    folded = g_utf8_casefold (query->text, -1);
  sql_page = folded == NULL && !query->attention && query->limit > 0;
  if (sql_page)
    g_string_append_printf (sql, " ORDER BY " STAGE_ORDER ", s.due_on IS NULL, s.due_on, n.id"
                                 " LIMIT %u OFFSET %u", query->limit, query->offset);

  stmt = _xf_evaluation_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  param = 0;
  if (query->campaign_id != 0)
    xf_db_stmt_bind_int64 (stmt, ++param, query->campaign_id);
  if (query->stage != NULL && g_strcmp0 (query->stage, "open") != 0
      && g_strcmp0 (query->stage, "final") != 0)
    xf_db_stmt_bind_text (stmt, ++param, query->stage);

  xf_clock_today (&today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autoptr(XfNomination) nomination = _xf_nomination_new_from_row (stmt, FALSE);

      settle_due (self, nomination, &today, due_cache);
      if (folded != NULL && !matches_text (nomination, folded))
        continue;
      if (query->attention
          && !xf_due_state_needs_attention (xf_nomination_get_due_state (nomination)))
        continue;
      g_ptr_array_add (list, g_steal_pointer (&nomination));
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (sql_page)
    return g_steal_pointer (&list);
  return sort_and_cut (list, query->offset, query->limit);
}

GHashTable *
xf_evaluation_count_by_stage (XfEvaluation  *self,
                              gint64         campaign_id,
                              GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) due_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *stages = xf_stage_all ();
  int attention = 0, open = 0;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT n.stage, s.due_on, COUNT(*) FROM nominations n"
                                 " LEFT JOIN nomination_stages s"
                                 " ON s.nomination_id = n.id AND s.left_on IS NULL"
                                 " WHERE ($1 = 0 OR n.campaign_id = $1)"
                                 " GROUP BY n.stage, s.due_on", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);

  /* Every stage has a count, zero included: the keys are static. */
  for (guint i = 0; stages[i] != NULL; i++)
    g_hash_table_insert (counts, (gpointer) stages[i], GINT_TO_POINTER (0));
  xf_clock_today (&today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *stage = xf_db_stmt_column_text (stmt, 0);
      const char *due_on = xf_db_stmt_column_text (stmt, 1);
      int n = (int) xf_db_stmt_column_int64 (stmt, 2);
      gpointer key, value;
      int state;

      if (!g_hash_table_lookup_extended (counts, stage, &key, &value))
        continue;
      g_hash_table_insert (counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (value) + n));
      if (!xf_stage_is_final (stage))
        open += n;
      state = _xf_evaluation_due_state (self, due_on, NULL, &today, NULL);
      if (xf_due_state_needs_attention (state))
        attention += n;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  g_hash_table_insert (counts, (gpointer) "attention", GINT_TO_POINTER (attention));
  g_hash_table_insert (counts, (gpointer) "open", GINT_TO_POINTER (open));
  return g_steal_pointer (&counts);
}

XfNomination *
xf_evaluation_get_nomination (XfEvaluation  *self,
                              gint64         nomination_id,
                              GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL)
    return NULL;
  /* A committee member sees the case only after declaring (no conflict
   * found before the nomination is read). */
  if (!_xf_evaluation_may_see_case (self, nomination))
    _xf_nomination_set_case_withheld (nomination, TRUE);
  return g_steal_pointer (&nomination);
}

/*
 * Eligibility
 */

static GPtrArray *
list_honours (XfEvaluation  *self,
              gint64         pioneer_id,
              GError       **error)
{
  g_autoptr(GListModel) model = xf_registry_list_honours (self->registry, pioneer_id, error);
  GPtrArray *honours;

  if (model == NULL)
    return NULL;
  honours = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (honours, g_list_model_get_item (model, i));
  return honours;
}

/* The day the rules measure age and service on: the campaign's opens-on,
 * or the 1st of January of its year. */
static void
rules_day (XfCampaign *campaign,
           GDate      *day)
{
  g_date_clear (day, 1);
  if (xf_campaign_get_opens_on (campaign) == NULL
      || !xf_date_parse (xf_campaign_get_opens_on (campaign), day))
    g_date_set_dmy (day, 1, G_DATE_JANUARY, (GDateYear) xf_campaign_get_year (campaign));
}

GPtrArray *
_xf_evaluation_eligibility (XfEvaluation  *self,
                            XfNomination  *nomination,
                            XfCampaign    *campaign,
                            gboolean       window,
                            GError       **error)
{
  g_autoptr(XfPioneer) candidate = NULL;
  g_autoptr(GPtrArray) honours = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  const char *code = NULL;
  const char * const *ancestors = NULL;
  g_autofree char *today = xf_clock_today_text ();
  GDate on;

  candidate = xf_registry_get_pioneer (self->registry, xf_nomination_get_pioneer_id (nomination),
                                       error);
  if (candidate == NULL)
    return NULL;
  honours = list_honours (self, xf_pioneer_get_id (candidate), error);
  if (honours == NULL)
    return NULL;
  xf_registry_get_organisation_place (self->registry, xf_pioneer_get_organisation_id (candidate),
                                      &code, &ancestors);
  rules_day (campaign, &on);
  reasons = xf_eligibility_check (campaign, candidate, honours,
                                  xf_nomination_get_service_since (nomination),
                                  code, ancestors, &on);
  if (!window)
    return g_steal_pointer (&reasons);

  if (g_strcmp0 (xf_campaign_get_status (campaign), "open") != 0)
    g_ptr_array_add (reasons, g_strdup_printf (_("Campaign “%s” is not open for nominations"),
                                               xf_campaign_get_title (campaign)));
  else if (xf_campaign_get_opens_on (campaign) != NULL
           && g_strcmp0 (today, xf_campaign_get_opens_on (campaign)) < 0)
    g_ptr_array_add (reasons, g_strdup_printf (_("Nominations open on %s"),
                                               xf_campaign_get_opens_on (campaign)));
  else if (xf_campaign_get_closes_on (campaign) != NULL
           && g_strcmp0 (today, xf_campaign_get_closes_on (campaign)) > 0)
    g_ptr_array_add (reasons, g_strdup_printf (_("Nominations closed on %s"),
                                               xf_campaign_get_closes_on (campaign)));
  return g_steal_pointer (&reasons);
}

GPtrArray *
xf_evaluation_check_eligibility (XfEvaluation  *self,
                                 gint64         nomination_id,
                                 GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL)
    return NULL;
  campaign = _xf_evaluation_load_campaign (self, xf_nomination_get_campaign_id (nomination), error);
  if (campaign == NULL)
    return NULL;
  /* Before submission the window counts; after it, only the candidate. */
  return _xf_evaluation_eligibility (self, nomination, campaign,
                                     g_strcmp0 (xf_nomination_get_stage (nomination),
                                                XF_STAGE_DRAFT) == 0,
                                     error);
}

/*
 * Timeline and the actions on offer
 */

char *
_xf_evaluation_stage_of (XfEvaluation  *self,
                         gint64         nomination_id,
                         GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  char *stage = NULL;

  stmt = _xf_evaluation_prepare (self, "SELECT stage FROM nominations WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    stage = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_evaluation_set_not_found (error, _("Nomination"), nomination_id);
  return stage;
}

GPtrArray *
xf_evaluation_get_timeline (XfEvaluation  *self,
                            gint64         nomination_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_stage_visit_free);
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *stage = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stage = _xf_evaluation_stage_of (self, nomination_id, error);
  if (stage == NULL)
    return NULL;
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT stage, entered_on, left_on, due_on, budget_days, actor_name, note"
                                 " FROM nomination_stages WHERE nomination_id = $1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfStageVisit *visit = g_new0 (XfStageVisit, 1);
      XfDueTiming timing;

      visit->stage = xf_db_stmt_dup_text (stmt, 0);
      visit->entered_on = xf_db_stmt_dup_text (stmt, 1);
      visit->left_on = xf_db_stmt_dup_text (stmt, 2);
      visit->due_on = xf_db_stmt_dup_text (stmt, 3);
      visit->budget_days = (int) xf_db_stmt_column_int64 (stmt, 4);
      visit->actor_name = xf_db_stmt_dup_text (stmt, 5);
      visit->note = xf_db_stmt_dup_text (stmt, 6);
      visit->due_state = XF_DUE_NONE;
      if (xf_deadline_compute_text (self->calendar, visit->entered_on, visit->budget_days,
                                    visit->left_on, today, &timing))
        {
          visit->days_used = timing.days_used;
          visit->days_left = timing.days_left;
          visit->due_state = timing.state;
          visit->unconfirmed = timing.unconfirmed;
        }
      g_ptr_array_add (visits, visit);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&visits);
}

/* Whether the action would pass its preconditions beyond stage and
 * permission, as far as buttons need to know. */
static gboolean
action_ready (XfEvaluation *self,
              XfNomination *nomination,
              XfAction      action,
              guint         pending_vettings)
{
  switch (action)
    {
    case XF_ACTION_PASS_PRELIMINARY:
      return xf_nomination_get_preliminary_passed_on (nomination) == NULL;
    case XF_ACTION_CLEAR_VETTING:
    case XF_ACTION_VETO:
      return pending_vettings > 0;
    case XF_ACTION_SELECT:
    case XF_ACTION_NOT_SELECT:
      /* Only by closing a round. */
      return FALSE;
    case XF_ACTION_UPHOLD_OBJECTION:
      /* Only by deciding an objection on the notice board. */
      return FALSE;
    case XF_ACTION_CLOSE_NOTICE:
      /* The rule xf_evaluation_act() applies: its notice ended, no
       * objection open. */
      return _xf_evaluation_check_close_notice (self, nomination, NULL);
    case XF_ACTION_CONFER:
    case XF_ACTION_DECLINE:
      return _xf_evaluation_check_no_open_objection (self, nomination, NULL);
    default:
      return TRUE;
    }
}

static guint
pending_vettings (XfEvaluation *self,
                  gint64        nomination_id)
{
  g_autoptr(GPtrArray) vettings = xf_evaluation_list_vettings (self, nomination_id, NULL);
  guint pending = 0;

  for (guint i = 0; vettings != NULL && i < vettings->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (vettings, i);

      pending += g_strcmp0 (vetting->status, "pending") == 0 ? 1 : 0;
    }
  return pending;
}

GArray *
xf_evaluation_allowed_actions (XfEvaluation *self,
                               XfNomination *nomination)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (XfAction));
  g_autoptr(XfPioneer) candidate = NULL;
  const char *stage;
  guint pending;

  g_return_val_if_fail (XF_IS_EVALUATION (self), actions);
  g_return_val_if_fail (XF_IS_NOMINATION (nomination), actions);

  stage = xf_nomination_get_stage (nomination);
  if (xf_stage_is_final (stage))
    return actions;
  candidate = xf_registry_get_pioneer (self->registry, xf_nomination_get_pioneer_id (nomination), NULL);
  if (candidate == NULL)
    return actions;
  pending = pending_vettings (self, xf_nomination_get_id (nomination));
  for (int i = 0; i < XF_N_ACTIONS; i++)
    {
      XfAction action = (XfAction) i;

      if (xf_workflow_target (stage, action) != NULL
          && xf_registry_check (self->registry, xf_action_get_operation (action), candidate, NULL)
          && action_ready (self, nomination, action, pending))
        g_array_append_val (actions, action);
    }
  return actions;
}
