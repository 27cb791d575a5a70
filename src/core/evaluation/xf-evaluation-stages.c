/* xf-evaluation-stages.c — a nomination's steps through the review
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-private.h"
#include "xf-notice.h"

/*
 * Every stage change goes through _xf_evaluation_move(): the state machine
 * (xf-workflow.h) allows it, the open timeline row closes, the nomination
 * moves (version bumped) and a new row opens with the campaign's budget
 * for the stage and its due date in working days. A row of a final stage
 * is closed the day it opens: nothing is due there and no days run on.
 *
 * A nomination leaves public notice for decision when the notice it is on
 * (the notice board's, schema 4) has run its period: the notice's period
 * (never shorter than min-notice-days) stands for the campaign's minimum.
 * While an objection to it is open, it can be neither moved on nor
 * decided (confer, decline).
 */

/* The last campaign a step needed, kept while its version stays the same:
 * closing a round moves every nomination of one campaign, and reading the
 * version is cheaper than reading the campaign with its lists each time. */
typedef struct
{
  gint64      id;
  gint64      version;
  gint64      updated_at;
  XfCampaign *campaign;
} CampaignCache;

static void
campaign_cache_free (gpointer data)
{
  CampaignCache *cache = data;

  g_clear_object (&cache->campaign);
  g_free (cache);
}

XfCampaign *
_xf_evaluation_campaign_of (XfEvaluation *self,
                            gint64        campaign_id,
                            GError      **error)
{
  CampaignCache *cache = g_object_get_data (G_OBJECT (self), "xf-stages-campaign");
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 version = -1, updated_at = -1;

  /* Both, so that a rolled-back edit and another one reaching the same
   * version are still told apart. */
  stmt = _xf_evaluation_prepare (self, "SELECT version, updated_at FROM campaigns WHERE id = $1",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      version = xf_db_stmt_column_int64 (stmt, 0);
      updated_at = xf_db_stmt_column_int64 (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (cache != NULL && cache->id == campaign_id && cache->version == version
      && cache->updated_at == updated_at)
    return g_object_ref (cache->campaign);

  cache = g_new0 (CampaignCache, 1);
  cache->campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (cache->campaign == NULL)
    {
      g_free (cache);
      return NULL;
    }
  cache->id = campaign_id;
  cache->version = xf_campaign_get_version (cache->campaign);
  cache->updated_at = xf_campaign_get_updated_at (cache->campaign);
  g_object_set_data_full (G_OBJECT (self), "xf-stages-campaign", cache, campaign_cache_free);
  return g_object_ref (cache->campaign);
}

char *
_xf_evaluation_add_working_days (XfEvaluation *self,
                                 const char   *from,
                                 int           days)
{
  GDate start, due;

  g_date_clear (&start, 1);
  g_date_clear (&due, 1);
  if (days <= 0 || !xf_date_parse (from, &start))
    return NULL;
  xf_calendar_add_working_days (self->calendar, &start, (guint) days, &due, NULL);
  /* Past the calendar's last day there is no due date. */
  return g_date_valid (&due) ? xf_date_format (&due) : NULL;
}

gboolean
_xf_evaluation_has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

gboolean
_xf_evaluation_move (XfEvaluation  *self,
                     XfNomination  *nomination,
                     XfAction       action,
                     const char    *to_stage,
                     const char    *note,
                     GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autofree char *from = g_strdup (xf_nomination_get_stage (nomination));
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *due_on = NULL;
  gboolean final = xf_stage_is_final (to_stage);
  const char *reason = _xf_evaluation_has_text (note) ? note : NULL;
  gint64 now = xf_db_now ();
  int budget = 0;
  XfDbStmt *stmt;
  GDate day;

  if (!xf_workflow_check (from, action, error))
    return FALSE;
  campaign = _xf_evaluation_campaign_of (self, xf_nomination_get_campaign_id (nomination), error);
  if (campaign == NULL)
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nomination_stages SET left_on = $1, left_at = $2"
                                 " WHERE nomination_id = $3 AND left_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, today);
  xf_db_stmt_bind_int64 (stmt, 2, now);
  xf_db_stmt_bind_int64 (stmt, 3, xf_nomination_get_id (nomination));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nominations SET stage = $1, stage_since = $2, updated_at = $3,"
                                 " version = version + 1,"
                                 " submitted_on = COALESCE(submitted_on, $4),"
                                 " decided_on = $5,"
                                 " outcome_reason = COALESCE($6, outcome_reason),"
                                 " preliminary_passed_on = CASE WHEN $7 = 1 THEN NULL"
                                 "   ELSE preliminary_passed_on END"
                                 " WHERE id = $8 AND version = $9", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to_stage);
  xf_db_stmt_bind_text (stmt, 2, today);
  xf_db_stmt_bind_int64 (stmt, 3, now);
  xf_db_stmt_bind_text (stmt, 4, action == XF_ACTION_SUBMIT ? today : NULL);
  xf_db_stmt_bind_text (stmt, 5, final ? today : NULL);
  xf_db_stmt_bind_text (stmt, 6, final ? reason : NULL);
  /* A nomination sent back is reviewed again from the start. */
  xf_db_stmt_bind_int64 (stmt, 7, action == XF_ACTION_RETURN);
  xf_db_stmt_bind_int64 (stmt, 8, xf_nomination_get_id (nomination));
  xf_db_stmt_bind_int64 (stmt, 9, xf_nomination_get_version (nomination));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->db) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The nomination of “%s” was changed elsewhere since you opened it"),
                   xf_nomination_get_candidate_name (nomination));
      return FALSE;
    }

  if (!final)
    budget = xf_campaign_get_stage_budget (campaign, to_stage);
  due_on = _xf_evaluation_add_working_days (self, today, budget);
  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO nomination_stages (nomination_id, stage, entered_on,"
                                 " entered_at, left_on, left_at, budget_days, due_on, actor_login,"
                                 " actor_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_id (nomination));
  xf_db_stmt_bind_text (stmt, 2, to_stage);
  xf_db_stmt_bind_text (stmt, 3, today);
  xf_db_stmt_bind_int64 (stmt, 4, now);
  xf_db_stmt_bind_text (stmt, 5, final ? today : NULL);
  if (final)
    xf_db_stmt_bind_int64 (stmt, 6, now);
  else
    xf_db_stmt_bind_null (stmt, 6);
  xf_db_stmt_bind_int64 (stmt, 7, budget);
  xf_db_stmt_bind_text (stmt, 8, due_on);
  xf_db_stmt_bind_text (stmt, 9, xf_account_get_login (self->actor));
  xf_db_stmt_bind_text (stmt, 10, _xf_evaluation_actor_name (self));
  xf_db_stmt_bind_text (stmt, 11, reason);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  if (!_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_STAGE, "stage",
                                        from, to_stage, error))
    return FALSE;
  if (reason != NULL
      && !_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_STAGE, "reason",
                                           NULL, reason, error))
    return FALSE;

  /* The caller's record follows; it is committed with the caller's write. */
  _xf_nomination_set_stage (nomination, to_stage, today);
  _xf_nomination_set_stored (nomination, xf_nomination_get_id (nomination),
                             xf_nomination_get_uid (nomination),
                             xf_nomination_get_version (nomination) + 1);
  _xf_nomination_set_int64 (nomination, "updated-at", now);
  if (action == XF_ACTION_SUBMIT && xf_nomination_get_submitted_on (nomination) == NULL)
    _xf_nomination_set_text (nomination, "submitted-on", today);
  if (action == XF_ACTION_RETURN)
    _xf_nomination_set_text (nomination, "preliminary-passed-on", NULL);
  if (final)
    {
      _xf_nomination_set_text (nomination, "decided-on", today);
      if (reason != NULL)
        _xf_nomination_set_text (nomination, "outcome-reason", reason);
    }
  g_date_clear (&day, 1);
  xf_date_parse (today, &day);
  _xf_nomination_set_due (nomination, due_on,
                          _xf_evaluation_due_state (self, due_on, NULL, &day, NULL));
  return TRUE;
}

/*
 * Preconditions
 */

static guint
count_ticked (XfNomination *nomination)
{
  GArray *ticked = xf_nomination_get_checklist_state (nomination);
  guint n = 0;

  for (guint i = 0; i < ticked->len; i++)
    n += g_array_index (ticked, gboolean, i) ? 1 : 0;
  return n;
}

static gboolean
check_checklist (XfNomination  *nomination,
                 XfCampaign    *campaign,
                 GError       **error)
{
  guint items = xf_campaign_get_checklist (campaign)->len;
  guint ticked = count_ticked (nomination);

  if (ticked >= items && xf_nomination_get_checklist_state (nomination)->len >= items)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("Every checklist item must be ticked before the preliminary review passes "
                 "(%u of %u ticked)"), MIN (ticked, items), items);
  return FALSE;
}

gboolean
_xf_evaluation_count_open_objections (XfEvaluation  *self,
                                      gint64         nomination_id,
                                      gint64        *count,
                                      GError       **error)
{
  return _xf_evaluation_query_int64 (self, "SELECT COUNT(*) FROM objections"
                                           " WHERE nomination_id = $1 AND status = 'open'",
                                     nomination_id, count, error);
}

gboolean
_xf_evaluation_check_no_open_objection (XfEvaluation  *self,
                                        XfNomination  *nomination,
                                        GError       **error)
{
  gint64 open = 0;

  if (!_xf_evaluation_count_open_objections (self, xf_nomination_get_id (nomination), &open, error))
    return FALSE;
  if (open == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               g_dngettext (GETTEXT_PACKAGE,
                            "The nomination of “%s” has an open objection; it cannot be decided "
                            "until the objection is handled",
                            "The nomination of “%s” has %d open objections; it cannot be decided "
                            "until they are handled", (gulong) open),
               xf_nomination_get_candidate_name (nomination), (int) open);
  return FALSE;
}

gboolean
_xf_evaluation_close_notice_of (XfEvaluation  *self,
                                XfNomination  *nomination,
                                const char    *note,
                                GError       **error)
{
  return _xf_evaluation_check_no_open_objection (self, nomination, error)
         && _xf_evaluation_move (self, nomination, XF_ACTION_CLOSE_NOTICE, XF_STAGE_DECISION,
                                 note, error);
}

/* The notice the nomination is running on (published or closed, its
 * candidate not yet moved on) must have ended; *notice_id (may be NULL)
 * gets it. */
static gboolean
check_notice_ended (XfEvaluation  *self,
                    XfNomination  *nomination,
                    gint64        *notice_id,
                    GError       **error)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *ends_on = NULL;
  g_autofree char *ends = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT x.id, x.ends_on FROM notice_candidates nc"
                                 " JOIN notices x ON x.id = nc.notice_id"
                                 " WHERE nc.nomination_id = $1 AND x.status IN ('published', 'closed')"
                                 " AND (nc.result IS NULL OR nc.result = 'held')"
                                 " ORDER BY x.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_id (nomination));
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      if (notice_id != NULL)
        *notice_id = xf_db_stmt_column_int64 (stmt, 0);
      ends_on = xf_db_stmt_dup_text (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (ends_on == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The nomination of “%s” is on no published notice; its public notice "
                     "closes with the notice it is published on"),
                   xf_nomination_get_candidate_name (nomination));
      return FALSE;
    }
  if (g_strcmp0 (today, ends_on) > 0)
    return TRUE;
  ends = xf_notice_format_date (ends_on);
  /* Translators: a candidate's name, then the last day of the notice's period. */
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("The public notice of “%s” runs until %s; it can close from the next day"),
               xf_nomination_get_candidate_name (nomination), ends);
  return FALSE;
}

gboolean
_xf_evaluation_check_close_notice (XfEvaluation  *self,
                                   XfNomination  *nomination,
                                   GError       **error)
{
  return check_notice_ended (self, nomination, NULL, error)
         && _xf_evaluation_check_no_open_objection (self, nomination, error);
}

/* By hand: the notice's period has run and no objection is open. */
static gboolean
close_notice (XfEvaluation  *self,
              XfNomination  *nomination,
              const char    *reason,
              GError       **error)
{
  gint64 notice_id = 0;
  XfDbStmt *stmt;

  if (!check_notice_ended (self, nomination, &notice_id, error)
      || !_xf_evaluation_close_notice_of (self, nomination, reason, error))
    return FALSE;
  /* The notice records what became of its candidate. */
  stmt = _xf_evaluation_prepare (self, "UPDATE notice_candidates SET result = 'decision'"
                                       " WHERE notice_id = $1 AND nomination_id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  xf_db_stmt_bind_int64 (stmt, 2, xf_nomination_get_id (nomination));
  return xf_db_stmt_run (stmt, error);
}

static gboolean
check_eligible (XfEvaluation  *self,
                XfNomination  *nomination,
                XfCampaign    *campaign,
                gboolean       window,
                GError       **error)
{
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GString) text = NULL;

  reasons = _xf_evaluation_eligibility (self, nomination, campaign, window, error);
  if (reasons == NULL)
    return FALSE;
  if (reasons->len == 0)
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < reasons->len; i++)
    {
      if (i > 0)
        /* Translators: between two reasons a candidate is not eligible. */
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (reasons, i));
    }
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("The candidate is not eligible: %s"), text->str);
  return FALSE;
}

/* Records that the preliminary review passed; on to committee when no
 * sign-off is pending. */
static gboolean
pass_preliminary (XfEvaluation  *self,
                  XfNomination  *nomination,
                  XfCampaign    *campaign,
                  GError       **error)
{
  g_autofree char *today = xf_clock_today_text ();
  gint64 now = xf_db_now ();
  XfDbStmt *stmt;
  int pending;

  if (xf_nomination_get_preliminary_passed_on (nomination) != NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The preliminary review of this nomination already passed on %s"),
                   xf_nomination_get_preliminary_passed_on (nomination));
      return FALSE;
    }
  if (!check_checklist (nomination, campaign, error))
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nominations SET preliminary_passed_on = $1, updated_at = $2,"
                                 " version = version + 1 WHERE id = $3 AND version = $4", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, today);
  xf_db_stmt_bind_int64 (stmt, 2, now);
  xf_db_stmt_bind_int64 (stmt, 3, xf_nomination_get_id (nomination));
  xf_db_stmt_bind_int64 (stmt, 4, xf_nomination_get_version (nomination));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (!_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_UPDATE, "preliminary-passed-on",
                                        NULL, today, error))
    return FALSE;
  _xf_nomination_set_text (nomination, "preliminary-passed-on", today);
  _xf_nomination_set_stored (nomination, xf_nomination_get_id (nomination),
                             xf_nomination_get_uid (nomination),
                             xf_nomination_get_version (nomination) + 1);

  pending = _xf_evaluation_count_pending_vettings (self, xf_nomination_get_id (nomination), error);
  if (pending < 0)
    return FALSE;
  if (pending > 0)
    return TRUE;
  return _xf_evaluation_move (self, nomination, XF_ACTION_PASS_PRELIMINARY,
                              XF_STAGE_COMMITTEE, NULL, error);
}

static gboolean
confer (XfEvaluation  *self,
        XfNomination  *nomination,
        XfCampaign    *campaign,
        GError       **error)
{
  g_autoptr(XfHonour) honour = xf_honour_new (xf_campaign_get_title (campaign),
                                              xf_campaign_get_level (campaign),
                                              xf_campaign_get_year (campaign));
  XfDbStmt *stmt;

  if (xf_campaign_get_organisation_name (campaign) != NULL)
    g_object_set (honour, "conferring-body", xf_campaign_get_organisation_name (campaign), NULL);
  /* The registry's write is a savepoint inside ours: both or neither. */
  if (!xf_registry_add_honour (self->registry, xf_nomination_get_pioneer_id (nomination),
                               honour, error))
    return FALSE;
  stmt = _xf_evaluation_prepare (self, "UPDATE nominations SET honour_id = $1 WHERE id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_honour_get_id (honour));
  xf_db_stmt_bind_int64 (stmt, 2, xf_nomination_get_id (nomination));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  _xf_nomination_set_int64 (nomination, "honour-id", xf_honour_get_id (honour));
  return _xf_evaluation_move (self, nomination, XF_ACTION_CONFER, XF_STAGE_CONFERRED, NULL, error);
}

/* Actions that happen through their own calls, not xf_evaluation_act(). */
static gboolean
check_direct (XfAction      action,
              GError      **error)
{
  const char *how;

  switch (action)
    {
    case XF_ACTION_SELECT:
    case XF_ACTION_NOT_SELECT:
      how = _("A nomination is selected or left out when the chair closes its committee round");
      break;
    case XF_ACTION_CLEAR_VETTING:
    case XF_ACTION_VETO:
      how = _("Vetting is cleared or vetoed by a department’s sign-off");
      break;
    case XF_ACTION_UPHOLD_OBJECTION:
      how = _("An objection is upheld by deciding it on the notice board");
      break;
    default:
      return TRUE;
    }
  g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW, how);
  return FALSE;
}

gboolean
_xf_evaluation_check_reason (XfAction    action,
                             const char *reason,
                             GError    **error)
{
  if (!xf_action_needs_reason (action) || _xf_evaluation_has_text (reason))
    return TRUE;
  /* Translators: %s is an action ("Return for revision"). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Reason: “%s” needs a reason"),
               xf_action_get_label (action));
  return FALSE;
}

static gboolean
perform (XfEvaluation  *self,
         XfNomination  *nomination,
         XfCampaign    *campaign,
         XfAction      action,
         const char    *reason,
         GError       **error)
{
  switch (action)
    {
    case XF_ACTION_SUBMIT:
      return check_eligible (self, nomination, campaign, TRUE, error)
             && _xf_evaluation_start_vettings (self, nomination, campaign, error)
             && _xf_evaluation_move (self, nomination, action, XF_STAGE_PRELIMINARY, reason, error);
    case XF_ACTION_RESUBMIT:
      /* Submitted in time once: the window no longer applies. */
      return check_eligible (self, nomination, campaign, FALSE, error)
             && _xf_evaluation_move (self, nomination, action, XF_STAGE_PRELIMINARY, reason, error);
    case XF_ACTION_PASS_PRELIMINARY:
      return pass_preliminary (self, nomination, campaign, error);
    case XF_ACTION_CLOSE_NOTICE:
      return close_notice (self, nomination, reason, error);
    case XF_ACTION_CONFER:
      return _xf_evaluation_check_no_open_objection (self, nomination, error)
             && confer (self, nomination, campaign, error);
    case XF_ACTION_DECLINE:
      if (!_xf_evaluation_check_no_open_objection (self, nomination, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case XF_ACTION_RETURN:
    case XF_ACTION_REJECT:
    case XF_ACTION_WITHDRAW:
      return _xf_evaluation_move (self, nomination, action,
                                  xf_workflow_target (xf_nomination_get_stage (nomination), action),
                                  reason, error);
    case XF_ACTION_CLEAR_VETTING:
    case XF_ACTION_VETO:
    case XF_ACTION_SELECT:
    case XF_ACTION_NOT_SELECT:
    case XF_ACTION_UPHOLD_OBJECTION:
    case XF_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
xf_evaluation_act (XfEvaluation  *self,
                   gint64         nomination_id,
                   XfAction       action,
                   const char    *reason,
                   GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if ((int) action < 0 || action >= XF_N_ACTIONS)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Action: %d is not a known action"),
                   (int) action);
      return FALSE;
    }
  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  /* Permission first, then the stage, then the reason and the rest. */
  nomination = _xf_evaluation_load_for_write (self, nomination_id,
                                              xf_action_get_operation (action), error);
  if (nomination == NULL
      || !xf_workflow_check (xf_nomination_get_stage (nomination), action, error)
      || !check_direct (action, error)
      || !_xf_evaluation_check_reason (action, reason, error))
    goto failed;
  campaign = _xf_evaluation_campaign_of (self, xf_nomination_get_campaign_id (nomination), error);
  if (campaign == NULL || !perform (self, nomination, campaign, action, reason, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination), nomination_id);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

/*
 * Checklist
 */

gboolean
xf_evaluation_set_checklist (XfEvaluation  *self,
                             gint64         nomination_id,
                             GArray        *ticked,
                             GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  XfDbStmt *stmt;
  guint items;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  nomination = _xf_evaluation_load_for_write (self, nomination_id, XF_OP_NOMINATION_VET, error);
  if (nomination == NULL)
    goto failed;
  if (g_strcmp0 (xf_nomination_get_stage (nomination), XF_STAGE_PRELIMINARY) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("Cannot tick the checklist of a nomination %s"),
                   _xf_stage_phrase (xf_nomination_get_stage (nomination)));
      goto failed;
    }
  campaign = _xf_evaluation_campaign_of (self, xf_nomination_get_campaign_id (nomination), error);
  if (campaign == NULL)
    goto failed;
  items = xf_campaign_get_checklist (campaign)->len;
  if (ticked == NULL || ticked->len != items)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Checklist: %u answers given for %u items"), ticked != NULL ? ticked->len : 0,
                   items);
      goto failed;
    }

  old_json = _xf_nomination_checklist_to_json (xf_nomination_get_checklist_state (nomination));
  new_json = _xf_nomination_checklist_to_json (ticked);
  if (g_strcmp0 (old_json, new_json) == 0)
    {
      /* Nothing to write: no new version, no signal. */
      _xf_evaluation_rollback (self);
      return TRUE;
    }
  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nominations SET checklist_state = $1, updated_at = $2,"
                                 " version = version + 1 WHERE id = $3", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, new_json);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 3, nomination_id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_CHECKLIST, "checklist-state",
                                           old_json, new_json, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination), nomination_id);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}
