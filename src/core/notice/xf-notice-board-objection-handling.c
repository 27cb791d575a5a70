/* xf-notice-board-objection-handling.c — an objection's outcome and the reply
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-nomination-private.h"
#include "xf-notice-board-objections-private.h"
#include "xf-workflow.h"

/*
 * Deciding an objection is one write with what it causes: upheld, the
 * nomination goes back to committee or ends, its result on the notices
 * holding it is set, and the candidate's other open objections close with
 * the same outcome (there is nothing left for them to decide). Dismissed,
 * the objector gets a reply; when that was the candidate's last open
 * objection and its notice has already closed (holding it), it moves on
 * to decision.
 */

static gboolean
is_outcome (const char *outcome)
{
  return g_strcmp0 (outcome, XF_OBJECTION_UPHELD_RETURN) == 0
         || g_strcmp0 (outcome, XF_OBJECTION_UPHELD_END) == 0
         || g_strcmp0 (outcome, XF_OBJECTION_DISMISSED) == 0;
}

/* Open → closed with @outcome, audited (outcome, then reason). */
static gboolean
close_objection (XfNoticeBoard      *self,
                 const XfObjection  *objection,
                 const char         *outcome,
                 const char         *reason,
                 const char         *reply,
                 GError            **error)
{
  g_autofree char *today = xf_clock_today_text ();
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE objections SET status = 'closed', outcome = $2, outcome_reason = $3,"
                                   " decided_on = $4, decided_by = $5, reply = $6, updated_at = $7,"
                                   " version = version + 1 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, objection->id);
  xf_db_stmt_bind_text (stmt, 2, outcome);
  xf_db_stmt_bind_text (stmt, 3, reason);
  xf_db_stmt_bind_text (stmt, 4, today);
  xf_db_stmt_bind_text (stmt, 5, _xf_evaluation_actor_name (self->evaluation));
  if (reply != NULL)
    xf_db_stmt_bind_text (stmt, 6, reply);
  else
    xf_db_stmt_bind_null (stmt, 6);
  xf_db_stmt_bind_int64 (stmt, 7, xf_db_now ());
  return xf_db_stmt_run (stmt, error)
         && _xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_DECIDE, "outcome",
                                              XF_OBJECTION_OPEN, outcome, error)
         && _xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_DECIDE, "reason",
                                              NULL, reason, error);
}

/* Upheld: the nomination leaves notice, its result is set on the notices
 * holding it (published, or closed with it held), and its other open
 * objections close with the same outcome and reason. */
static gboolean
uphold (XfNoticeBoard      *self,
        const XfObjection  *objection,
        XfNomination       *nomination,
        const char         *outcome,
        const char         *reason,
        GError            **error)
{
  gboolean end = g_str_equal (outcome, XF_OBJECTION_UPHELD_END);
  g_autoptr(GArray) notices = NULL;
  g_autoptr(GArray) others = NULL;

  if (!xf_workflow_check (xf_nomination_get_stage (nomination), XF_ACTION_UPHOLD_OBJECTION, error)
      || !_xf_evaluation_move (self->evaluation, nomination, XF_ACTION_UPHOLD_OBJECTION,
                               end ? XF_STAGE_NOT_SELECTED : XF_STAGE_COMMITTEE, reason, error))
    return FALSE;

  notices = _xf_evaluation_query_ids (self->evaluation,
                       "SELECT c.notice_id FROM notice_candidates c JOIN notices n ON n.id = c.notice_id"
                       " WHERE c.nomination_id = $1 AND n.status IN ('published', 'closed')"
                       " AND (c.result IS NULL OR c.result = 'held') ORDER BY c.notice_id",
                       objection->nomination_id, error);
  if (notices == NULL)
    return FALSE;
  for (guint i = 0; i < notices->len; i++)
    if (!_xf_notice_board_set_result (self, g_array_index (notices, gint64, i), objection->nomination_id,
                                      end ? XF_CANDIDATE_ENDED : XF_CANDIDATE_RETURNED, error))
      return FALSE;

  others = _xf_evaluation_query_ids (self->evaluation,
                      "SELECT id FROM objections WHERE nomination_id = $1 AND status = 'open' ORDER BY id",
                      objection->nomination_id, error);
  if (others == NULL)
    return FALSE;
  for (guint i = 0; i < others->len; i++)
    {
      g_autoptr(XfObjection) other = NULL;

      if (g_array_index (others, gint64, i) == objection->id)
        continue;
      other = _xf_notice_board_load_objection (self, g_array_index (others, gint64, i), error);
      if (other == NULL || !close_objection (self, other, outcome, reason, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* After a dismissal: the candidate's last open objection gone, a notice
 * that closed holding it lets it move on — unless the nomination left
 * public notice meanwhile by a step of its own (withdrawn). *moved tells
 * whether it did. */
static gboolean
release_if_last (XfNoticeBoard      *self,
                 const XfObjection  *objection,
                 XfNomination       *nomination,
                 gboolean           *moved,
                 GError            **error)
{
  g_autoptr(GArray) held = NULL;
  gint64 open = 0;

  *moved = FALSE;
  if (g_strcmp0 (xf_nomination_get_stage (nomination), XF_STAGE_NOTICE) != 0)
    return TRUE;
  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT count(*) FROM objections WHERE nomination_id = $1 AND status = 'open'",
                                   objection->nomination_id, &open, error))
    return FALSE;
  if (open > 0)
    return TRUE;
  held = _xf_evaluation_query_ids (self->evaluation,
                    "SELECT c.notice_id FROM notice_candidates c JOIN notices n ON n.id = c.notice_id"
                    " WHERE c.nomination_id = $1 AND n.status = 'closed' AND c.result = 'held'"
                    " ORDER BY c.notice_id DESC",
                    objection->nomination_id, error);
  if (held == NULL)
    return FALSE;
  if (held->len == 0)
    return TRUE;
  *moved = TRUE;
  return _xf_notice_board_move_on (self, g_array_index (held, gint64, 0), objection->nomination_id, error);
}

gboolean
xf_notice_board_decide (XfNoticeBoard  *self,
                        gint64          objection_id,
                        const char     *outcome,
                        const char     *reason,
                        const char     *reply,
                        GError        **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) objection = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *reply_text = NULL;
  gboolean dismissed = g_strcmp0 (outcome, XF_OBJECTION_DISMISSED) == 0;
  gboolean moved = !dismissed;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  objection = _xf_notice_board_begin_objection (self, objection_id, TRUE, &nomination, error);
  if (objection == NULL)
    return FALSE;
  if (!is_outcome (outcome))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Outcome: “%s” is not an outcome"),
                   outcome != NULL ? outcome : "");
      goto failed;
    }
  /* A dismissal answers the objector; an upheld objection may be answered too. */
  if (!_xf_notice_board_check_text (_("Reason"), reason, TRUE, XF_OBJECTION_MAX_TEXT, error)
      || !_xf_notice_board_check_text (_("Reply"), reply, dismissed, XF_OBJECTION_MAX_TEXT, error))
    goto failed;
  reason_text = g_strstrip (g_strdup (reason));
  if (_xf_evaluation_has_text (reply))
    reply_text = g_strstrip (g_strdup (reply));

  if (!close_objection (self, objection, outcome, reason_text, reply_text, error))
    goto failed;
  if (dismissed ? !release_if_last (self, objection, nomination, &moved, error)
                : !uphold (self, objection, nomination, outcome, reason_text, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return FALSE;
  _xf_notice_board_emit_changed (self, objection->notice_id);
  if (moved)
    _xf_evaluation_emit_changed (self->evaluation, xf_nomination_get_campaign_id (nomination),
                                 objection->nomination_id);
  return TRUE;

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

gboolean
xf_notice_board_record_reply (XfNoticeBoard  *self,
                              gint64          objection_id,
                              const char     *channel,
                              const char     *sent_on,
                              GError        **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) objection = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  const char *field = _("Sent on");
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  objection = _xf_notice_board_begin_objection (self, objection_id, FALSE, &nomination, error);
  if (objection == NULL)
    return FALSE;
  if (g_strcmp0 (objection->status, XF_OBJECTION_OPEN) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The objection to “%s” is still open: decide it before sending the reply"),
                   objection->candidate_name);
      goto failed;
    }
  if (!_xf_evaluation_has_text (objection->reply))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The objection to “%s” has no reply to send"), objection->candidate_name);
      goto failed;
    }
  if (objection->reply_sent_on != NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The reply to the objection to “%s” was already sent on %s"),
                   objection->candidate_name, objection->reply_sent_on);
      goto failed;
    }
  if (!xf_objection_channel_is_valid (channel)
      || g_strcmp0 (channel, XF_OBJECTION_CHANNEL_PORTAL) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Channel: “%s” is not a channel"),
                   channel != NULL ? channel : "");
      goto failed;
    }
  date = sent_on != NULL && *sent_on != '\0' ? g_strdup (sent_on) : xf_clock_today_text ();
  if (!_xf_notice_board_check_past_date (field, date, error))
    goto failed;
  if (objection->decided_on != NULL && strcmp (date, objection->decided_on) < 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is before the decision on %s"),
                   field, date, objection->decided_on);
      goto failed;
    }

  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE objections SET reply_channel = $2, reply_sent_on = $3,"
                                   " reply_sent_by = $4, updated_at = $5, version = version + 1"
                                   " WHERE id = $1", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, objection_id);
  xf_db_stmt_bind_text (stmt, 2, channel);
  xf_db_stmt_bind_text (stmt, 3, date);
  xf_db_stmt_bind_text (stmt, 4, _xf_evaluation_actor_name (self->evaluation));
  xf_db_stmt_bind_int64 (stmt, 5, xf_db_now ());
  description = g_strdup_printf ("%s %s", channel, date);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_REPLY, "reply",
                                            NULL, description, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, objection->notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}
