/* xf-notice-board-publish.c — publishing, correcting, withdrawing and closing notices
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-nomination-private.h"
#include "xf-notice-board-notices-private.h"

/*
 * Publishing fixes a draft: its period is set from the day of publishing,
 * its candidates' lines are read once more from the registry and never
 * change after. A correction is a new draft (revision + 1) that, once
 * published, withdraws the notice it corrects; both stay on record.
 * Closing runs after the period's last working day and moves every
 * candidate still in public notice on to decision, except those an open
 * objection holds (xf-notice-board.h).
 */

/*
 * Candidates' results
 */

gboolean
_xf_notice_board_set_result (XfNoticeBoard  *self,
                             gint64          notice_id,
                             gint64          nomination_id,
                             const char     *result,
                             GError        **error)
{
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self, "UPDATE notice_candidates SET result = $1"
                                         " WHERE notice_id = $2 AND nomination_id = $3", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, result);
  xf_db_stmt_bind_int64 (stmt, 2, notice_id);
  xf_db_stmt_bind_int64 (stmt, 3, nomination_id);
  return xf_db_stmt_run (stmt, error);
}

gboolean
_xf_notice_board_move_on (XfNoticeBoard  *self,
                          gint64          notice_id,
                          gint64          nomination_id,
                          GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *note = NULL;

  notice = _xf_notice_board_load_notice (self, notice_id, error);
  if (notice == NULL
      || !_xf_evaluation_lock (self->evaluation, "nominations", nomination_id, error))
    return FALSE;
  nomination = _xf_evaluation_load_nomination (self->evaluation, nomination_id, error);
  if (nomination == NULL)
    return FALSE;
  ends = xf_notice_format_date (notice->ends_on);
  /* Translators: the note on a nomination's timeline; %s is a date. */
  note = g_strdup_printf (_("The public notice ended on %s"), ends);
  return _xf_evaluation_close_notice_of (self->evaluation, nomination, note, error)
         && _xf_notice_board_set_result (self, notice_id, nomination_id, XF_CANDIDATE_DECISION,
                                         error);
}

/*
 * Publishing
 */

/* Every candidate still in public notice and on no other published
 * notice; their lines refreshed from the registry. */
static gboolean
check_candidates (XfNoticeBoard  *self,
                  XfNotice       *notice,
                  GError        **error)
{
  XfDbStmt *stmt;

  if (notice->candidates->len == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Candidates: a notice needs at least one candidate"));
      return FALSE;
    }
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      gint64 other = 0;
      XfDbStep step;

      if (g_strcmp0 (candidate->stage, XF_STAGE_NOTICE) != 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                       _("Cannot publish “%s” on a public notice: the nomination is %s"),
                       candidate->name, _xf_stage_phrase (candidate->stage));
          return FALSE;
        }
      stmt = _xf_notice_board_prepare (self,
                                       "SELECT x.id FROM notice_candidates oc"
                                       " JOIN notices x ON x.id = oc.notice_id"
                                       " WHERE oc.nomination_id = $1 AND x.status = 'published'"
                                       " AND x.id <> $2", error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, candidate->nomination_id);
      xf_db_stmt_bind_int64 (stmt, 2, notice->revision_of);
      step = xf_db_stmt_step (stmt, error);
      if (step == XF_DB_STEP_ROW)
        other = xf_db_stmt_column_int64 (stmt, 0);
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
      if (other != 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                       _("“%s” is already on another published notice (%lld)"),
                       candidate->name, (long long) other);
          return FALSE;
        }
    }

  /* The registry's lines as they are now; the summaries are the draft's. */
  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE notice_candidates SET"
                                   " name = (SELECT p.name FROM nominations m"
                                   "  JOIN pioneers p ON p.id = m.pioneer_id"
                                   "  WHERE m.id = notice_candidates.nomination_id),"
                                   " gender = (SELECT COALESCE(p.gender, '') FROM nominations m"
                                   "  JOIN pioneers p ON p.id = m.pioneer_id"
                                   "  WHERE m.id = notice_candidates.nomination_id),"
                                   " honour = (SELECT c.title FROM nominations m"
                                   "  JOIN campaigns c ON c.id = m.campaign_id"
                                   "  WHERE m.id = notice_candidates.nomination_id)"
                                   " WHERE notice_id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice->id);
  return xf_db_stmt_run (stmt, error);
}

/* Withdraws @notice_id (status draft or published) with @reason. */
static gboolean
set_withdrawn (XfNoticeBoard  *self,
               XfNotice       *notice,
               const char     *reason,
               GError        **error)
{
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self, "UPDATE notices SET status = 'withdrawn',"
                                         " withdrawn_reason = $1 WHERE id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, reason);
  xf_db_stmt_bind_int64 (stmt, 2, notice->id);
  return xf_db_stmt_run (stmt, error)
         && _xf_notice_board_touch (self, notice, error)
         && _xf_notice_board_audit_notice (self, notice, XF_AUDIT_WITHDRAW, "status",
                                           notice->status, reason, error);
}

/* Publishing a correction withdraws the notice it corrects. */
static gboolean
replace_corrected (XfNoticeBoard  *self,
                   XfNotice       *notice,
                   GError        **error)
{
  g_autoptr(XfNotice) corrected = NULL;
  g_autofree char *reason = NULL;

  if (notice->revision_of == 0)
    return TRUE;
  if (!_xf_evaluation_lock (self->evaluation, "notices", notice->revision_of, error))
    return FALSE;
  corrected = _xf_notice_board_load_notice (self, notice->revision_of, error);
  if (corrected == NULL)
    return FALSE;
  if (g_strcmp0 (corrected->status, XF_NOTICE_PUBLISHED) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The notice this draft corrects is %s: only a published notice can be "
                     "corrected"), xf_notice_status_label (corrected->status));
      return FALSE;
    }
  /* Translators: the reason a notice was withdrawn; %d is the correction's revision. */
  reason = g_strdup_printf (_("Corrected by revision %d"), notice->revision);
  return set_withdrawn (self, corrected, reason, error);
}

gboolean
xf_notice_board_publish (XfNoticeBoard  *self,
                         gint64          notice_id,
                         GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *period = NULL;
  XfDbStmt *stmt;
  int min_period;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  notice = _xf_notice_board_begin_notice (self, notice_id, XF_NOTICE_DRAFT, error);
  if (notice == NULL)
    return FALSE;
  min_period = _xf_notice_board_min_period (self, notice->campaign_id, error);
  if (min_period < 0)
    goto failed;
  if (notice->period_days < min_period)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Period: %d working days is shorter than the minimum of %d"),
                   notice->period_days, min_period);
      goto failed;
    }
  if (!xf_notice_has_contact (notice))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Contact: a phone, address or mailbox for objections is required"));
      goto failed;
    }
  if (!check_candidates (self, notice, error)
      || !xf_notice_board_compute_period (self, today, notice->period_days, &starts_on, &ends_on,
                                          error)
      || !replace_corrected (self, notice, error))
    goto failed;

  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE notices SET status = 'published', starts_on = $1, ends_on = $2,"
                                   " published_on = $3, published_at = $4, published_by = $5"
                                   " WHERE id = $6", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, starts_on);
  xf_db_stmt_bind_text (stmt, 2, ends_on);
  xf_db_stmt_bind_text (stmt, 3, today);
  xf_db_stmt_bind_int64 (stmt, 4, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 5, _xf_evaluation_actor_name (self->evaluation));
  xf_db_stmt_bind_int64 (stmt, 6, notice_id);
  period = g_strdup_printf ("%s/%s", starts_on, ends_on);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_touch (self, notice, error)
      || !_xf_notice_board_audit_notice (self, notice, XF_AUDIT_PUBLISH, "period", NULL, period,
                                         error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return FALSE;
  if (notice->revision_of != 0)
    _xf_notice_board_emit_changed (self, notice->revision_of);
  _xf_notice_board_emit_changed (self, notice_id);
  return TRUE;

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

gint64
xf_notice_board_correct (XfNoticeBoard  *self,
                         gint64          notice_id,
                         GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNotice) correction = NULL;
  gint64 existing = 0;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), 0);

  notice = _xf_notice_board_begin_notice (self, notice_id, XF_NOTICE_PUBLISHED, error);
  if (notice == NULL)
    return 0;
  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT id FROM notices WHERE revision_of = $1"
                                   " AND status = 'draft'", notice_id, &existing, error))
    goto failed;
  if (existing != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                   _("The notice “%s” already has a draft correction (%lld)"),
                   notice->title, (long long) existing);
      goto failed;
    }

  correction = xf_notice_copy (notice);
  correction->revision = notice->revision + 1;
  correction->revision_of = notice->id;
  if (!_xf_notice_board_insert_notice (self, correction, error))
    goto failed;
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (!_xf_notice_board_insert_candidate (self, correction, candidate->nomination_id,
                                              candidate->summary, error))
        goto failed;
    }
  if (!_xf_notice_board_audit_notice (self, correction, XF_AUDIT_UPDATE, "revision-of", NULL,
                                      notice->uid, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return 0;
  _xf_notice_board_emit_changed (self, correction->id);
  return correction->id;

failed:
  _xf_notice_board_rollback (self);
  return 0;
}

gboolean
xf_notice_board_withdraw (XfNoticeBoard  *self,
                          gint64          notice_id,
                          const char     *reason,
                          GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autofree char *text = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  notice = _xf_notice_board_begin_notice (self, notice_id, NULL, error);
  if (notice == NULL)
    return FALSE;
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) != 0
      && g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The notice “%s” is %s: only a draft or a published notice can be withdrawn"),
                   notice->title, xf_notice_status_label (notice->status));
      goto failed;
    }
  if (*text == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Reason: a reason is required to withdraw a notice"));
      goto failed;
    }
  if (!set_withdrawn (self, notice, text, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

/*
 * Closing
 */

/* Closes @notice (published, period ended) and moves its candidates. */
static gboolean
close_notice (XfNoticeBoard  *self,
              XfNotice       *notice,
              gboolean        automatic,
              GError        **error)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autoptr(XfNotice) now = NULL;
  XfDbStmt *stmt;

  if (notice->ends_on == NULL || g_strcmp0 (today, notice->ends_on) <= 0)
    {
      g_autofree char *ends = xf_notice_format_date (notice->ends_on);

      /* Translators: %s is the last day of the notice's period. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The public notice runs until %s; it can be closed from the next day"), ends);
      return FALSE;
    }
  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE notices SET status = 'closed', closed_on = $1, closed_at = $2,"
                                   " closed_by = $3 WHERE id = $4", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, today);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 3, _xf_evaluation_actor_name (self->evaluation));
  xf_db_stmt_bind_int64 (stmt, 4, notice->id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_touch (self, notice, error)
      || !_xf_notice_board_audit_notice (self, notice, XF_AUDIT_NOTICE_CLOSE, "status",
                                         notice->status, automatic ? "automatic" : "by hand",
                                         error))
    return FALSE;

  /* Each candidate's nomination held, then read again: another desk
   * deciding its last objection, upholding one or moving it on by hand
   * has committed by then, and what it did is seen here (the candidates
   * were read before their rows were held). */
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (!_xf_evaluation_lock (self->evaluation, "nominations", candidate->nomination_id, error))
        return FALSE;
    }
  now = _xf_notice_board_load_notice (self, notice->id, error);
  if (now == NULL)
    return FALSE;

  /* Running candidates move on; an open objection holds one; those an
   * upheld objection (or a step of their own) already moved keep theirs. */
  for (guint i = 0; i < now->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (now->candidates, i);

      if (candidate->result != NULL || g_strcmp0 (candidate->stage, XF_STAGE_NOTICE) != 0)
        continue;
      if (candidate->open_objections > 0)
        {
          if (!_xf_notice_board_set_result (self, notice->id, candidate->nomination_id,
                                            XF_CANDIDATE_HELD, error))
            return FALSE;
        }
      else if (!_xf_notice_board_move_on (self, notice->id, candidate->nomination_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xf_notice_board_close (XfNoticeBoard  *self,
                       gint64          notice_id,
                       GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  notice = _xf_notice_board_begin_notice (self, notice_id, XF_NOTICE_PUBLISHED, error);
  if (notice == NULL)
    return FALSE;
  if (!close_notice (self, notice, FALSE, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return FALSE;
  _xf_notice_board_emit_changed (self, notice_id);
  _xf_evaluation_emit_changed (self->evaluation, notice->campaign_id, 0);
  return TRUE;

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

GPtrArray *
xf_notice_board_close_due_notices (XfNoticeBoard  *self,
                                   GError        **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) closed = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_free);
  g_autofree char *today = xf_clock_today_text ();
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  /* A duty of time for the desks; the public only reads and objects. */
  if (xf_account_is_public (xf_evaluation_get_actor (self->evaluation)))
    {
      xf_permission_check (xf_evaluation_get_actor (self->evaluation), XF_OP_NOMINATION_VET, NULL, error);
      return NULL;
    }
  if (!_xf_notice_board_begin (self, error))
    return NULL;
  /* A duty of time: no permission but being signed in. */
  stmt = _xf_notice_board_prepare (self, "SELECT id FROM notices WHERE status = 'published'"
                                         " AND ends_on < $1 ORDER BY ends_on, id", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, today);
  due = _xf_evaluation_collect_ids (stmt, error);
  if (due == NULL)
    goto failed;
  for (guint i = 0; i < due->len; i++)
    {
      gint64 id = g_array_index (due, gint64, i);
      XfNotice *notice;

      if (!_xf_evaluation_lock (self->evaluation, "notices", id, error))
        goto failed;
      notice = _xf_notice_board_load_notice (self, id, error);
      if (notice == NULL)
        goto failed;
      g_ptr_array_add (closed, notice);
      /* Another desk may have closed it meanwhile. */
      if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) != 0)
        {
          g_ptr_array_remove_index (closed, closed->len - 1);
          continue;
        }
      if (!close_notice (self, notice, TRUE, error))
        goto failed;
    }
  if (closed->len == 0)
    {
      _xf_notice_board_rollback (self);
      return g_steal_pointer (&closed);
    }
  if (!_xf_notice_board_commit (self, error))
    return NULL;
  for (guint i = 0; i < closed->len; i++)
    {
      XfNotice *notice = g_ptr_array_index (closed, i);

      _xf_notice_board_emit_changed (self, notice->id);
      _xf_evaluation_emit_changed (self->evaluation, notice->campaign_id, 0);
    }
  return g_steal_pointer (&closed);

failed:
  _xf_notice_board_rollback (self);
  return NULL;
}

int
xf_notice_board_close_due (XfNoticeBoard  *self,
                           GError        **error)
{
  g_autoptr(GPtrArray) closed = xf_notice_board_close_due_notices (self, error);

  return closed != NULL ? (int) closed->len : -1;
}

/*
 * Second notice
 */

gint64
xf_notice_board_create_follow_up (XfNoticeBoard  *self,
                                  gint64          notice_id,
                                  GError        **error)
{
  g_autoptr(XfNotice) first = NULL;
  g_autoptr(XfNotice) second = xf_notice_new ();
  g_autoptr(XfCampaign) campaign = NULL;
  gint64 upheld = 0;
  gint64 existing = 0;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), 0);

  first = _xf_notice_board_begin_notice (self, notice_id, NULL, error);
  if (first == NULL)
    return 0;
  if (g_strcmp0 (first->status, XF_NOTICE_PUBLISHED) != 0
      && g_strcmp0 (first->status, XF_NOTICE_CLOSED) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The notice “%s” is %s: a second notice follows a published or closed one"),
                   first->title, xf_notice_status_label (first->status));
      goto failed;
    }
  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT COUNT(*) FROM objections WHERE notice_id = $1"
                                   " AND outcome IN ('upheld-return', 'upheld-end')",
                                   notice_id, &upheld, error))
    goto failed;
  if (upheld == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("No objection to the notice “%s” was upheld: its list has not changed"),
                   first->title);
      goto failed;
    }
  /* One draft at a time: asking again opens nothing new. */
  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT id FROM notices WHERE follows = $1 AND status = 'draft'",
                                   first->follows != 0 ? first->follows : first->id, &existing, error))
    goto failed;
  if (existing != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                   _("The notice “%s” already has a draft second notice (%lld)"),
                   first->title, (long long) existing);
      goto failed;
    }
  campaign = _xf_evaluation_campaign_of (self->evaluation, first->campaign_id, error);
  if (campaign == NULL)
    goto failed;

  second->campaign_id = first->campaign_id;
  second->organisation_id = first->organisation_id;
  second->follows = first->follows != 0 ? first->follows : first->id;
  /* Translators: %s is the campaign's title (二次公示). */
  second->title = g_strdup_printf (_("Second public notice of the candidates for %s"),
                                   xf_campaign_get_title (campaign));
  second->preamble = g_strdup (first->preamble);
  second->period_days = first->period_days;
  second->contact_phone = g_strdup (first->contact_phone);
  second->contact_address = g_strdup (first->contact_address);
  second->contact_mailbox = g_strdup (first->contact_mailbox);
  if (!_xf_notice_board_insert_notice (self, second, error)
      || !_xf_notice_board_audit_notice (self, second, XF_AUDIT_UPDATE, "follows", NULL,
                                         first->uid, error)
      || !_xf_notice_board_add_running (self, second, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return 0;
  _xf_notice_board_emit_changed (self, second->id);
  return second->id;

failed:
  _xf_notice_board_rollback (self);
  return 0;
}
