/* xf-evaluation-progress.c — a round's progress, watched and reminded by the chair
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-campaigns-private.h"
#include "xf-evaluation-committee-private.h"

/*
 * Per member, how far the round has come: nominations assigned (those the
 * round holds), recused, declared, fully scored and voted on, and the last
 * reminder. Campaign managers watch it; only the chair reminds.
 */

void
xf_member_progress_free (XfMemberProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->member_name);
  g_free (progress);
}

static XfMemberProgress *
find_progress (GPtrArray *progress,
               gint64     account_id)
{
  for (guint i = 0; i < progress->len; i++)
    {
      XfMemberProgress *member = g_ptr_array_index (progress, i);

      if (member->account_id == account_id)
        return member;
    }
  return NULL;
}

/* Adds one grouped count per member: @sql selects account_id and a number
 * for round $1 (and $2 when @param2 > 0); @field is the offset of the
 * guint (or gint64 when @wide) to fill. */
static gboolean
add_counts (XfEvaluation  *self,
            GPtrArray     *progress,
            const char    *sql,
            gint64         round_id,
            gint64         param2,
            gsize          field,
            gboolean       wide,
            GError       **error)
{
  XfDbStmt *stmt = _xf_evaluation_prepare (self, sql, error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  if (param2 > 0)
    xf_db_stmt_bind_int64 (stmt, 2, param2);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfMemberProgress *member = find_progress (progress, xf_db_stmt_column_int64 (stmt, 0));
      gint64 value = xf_db_stmt_column_int64 (stmt, 1);

      if (member == NULL)
        continue;
      if (wide)
        G_STRUCT_MEMBER (gint64, member, field) = value;
      else
        G_STRUCT_MEMBER (guint, member, field) = (guint) value;
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

#define HELD_BY_ROUND(alias) \
  "JOIN round_nominations rn ON rn.round_id = " alias ".round_id " \
  "AND rn.nomination_id = " alias ".nomination_id " \
  "JOIN nominations n ON n.id = " alias ".nomination_id "

static GPtrArray *
compute_progress (XfEvaluation  *self,
                  XfReviewRound *round,
                  GError       **error)
{
  g_autoptr(GPtrArray) progress = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_member_progress_free);
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = NULL;

  campaign = _xf_evaluation_load_campaign (self, round->campaign_id, error);
  if (campaign == NULL)
    return NULL;
  members = _xf_evaluation_load_committee (self, round->campaign_id, error);
  if (members == NULL)
    return NULL;
  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *one = g_ptr_array_index (members, i);
      XfMemberProgress *member = g_new0 (XfMemberProgress, 1);

      member->account_id = one->account_id;
      member->member_name = g_strdup (_xf_committee_member_name (one));
      member->assigned = round->n_nominations;
      g_ptr_array_add (progress, member);
    }

  if (!add_counts (self, progress,
                   "SELECT d.account_id, count(*) FROM review_declarations d " HELD_BY_ROUND ("d")
                   "WHERE d.round_id = $1 AND " XF_ROUND_HOLDS " GROUP BY d.account_id",
                   round->id, 0, G_STRUCT_OFFSET (XfMemberProgress, declared), FALSE, error)
      || !add_counts (self, progress,
                      "SELECT d.account_id, count(*) FROM review_declarations d " HELD_BY_ROUND ("d")
                      "WHERE d.round_id = $1 AND d.conflict = 1 AND " XF_ROUND_HOLDS " GROUP BY d.account_id",
                      round->id, 0, G_STRUCT_OFFSET (XfMemberProgress, recused), FALSE, error)
      || !add_counts (self, progress,
                      "SELECT t.account_id, count(*) FROM (SELECT s.account_id, s.nomination_id "
                      "FROM review_scores s " HELD_BY_ROUND ("s")
                      "WHERE s.round_id = $1 AND " XF_ROUND_HOLDS " "
                      "GROUP BY s.account_id, s.nomination_id HAVING count(*) >= $2) t GROUP BY t.account_id",
                      round->id, xf_campaign_get_rubric (campaign)->len,
                      G_STRUCT_OFFSET (XfMemberProgress, scored), FALSE, error)
      || !add_counts (self, progress,
                      "SELECT v.account_id, count(*) FROM review_votes v " HELD_BY_ROUND ("v")
                      "WHERE v.round_id = $1 AND " XF_ROUND_HOLDS " GROUP BY v.account_id",
                      round->id, 0, G_STRUCT_OFFSET (XfMemberProgress, voted), FALSE, error)
      || !add_counts (self, progress,
                      "SELECT account_id, max(sent_at) FROM review_reminders "
                      "WHERE round_id = $1 GROUP BY account_id",
                      round->id, 0, G_STRUCT_OFFSET (XfMemberProgress, last_reminded_at), TRUE, error))
    return NULL;
  return g_steal_pointer (&progress);
}

GPtrArray *
xf_evaluation_get_round_progress (XfEvaluation  *self,
                                  gint64         round_id,
                                  GError       **error)
{
  g_autoptr(XfReviewRound) round = NULL;
  gboolean is_chair = FALSE;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  round = _xf_committee_load_round (self, round_id, NULL, error);
  if (round == NULL)
    return NULL;
  /* Campaign managers watch progress too, but only the chair acts on it. */
  if (!xf_permission_allows_somewhere (xf_evaluation_get_actor (self), XF_OP_CAMPAIGN_MANAGE)
      && !(_xf_committee_membership (self, round->campaign_id, &is_chair) && is_chair)
      && !_xf_committee_check_chair (self, round->campaign_id, error))
    return NULL;
  return compute_progress (self, round, error);
}

/* Inside the write, holding the round: who is to be reminded, and the
 * reminders. */
static gboolean
remind_in_transaction (XfEvaluation  *self,
                       gint64         round_id,
                       gint64         account_id,
                       gint64        *campaign_id,
                       guint         *n_sent,
                       GError       **error)
{
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autofree char *round_uid = NULL;
  g_autofree char *label = NULL;
  gint64 now = xf_db_now ();

  if (!_xf_evaluation_lock (self, "review_rounds", round_id, error))
    return FALSE;
  round = _xf_committee_load_round (self, round_id, &round_uid, error);
  if (round == NULL
      || !_xf_committee_check_chair (self, round->campaign_id, error)
      || !_xf_committee_check_open (round, error))
    return FALSE;
  *campaign_id = round->campaign_id;
  progress = compute_progress (self, round, error);
  if (progress == NULL)
    return FALSE;

  if (account_id != 0)
    {
      XfMemberProgress *member = find_progress (progress, account_id);

      if (member == NULL)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Member: account %lld is not on this campaign's committee"),
                       (long long) account_id);
          return FALSE;
        }
      g_ptr_array_add (targets, member);
    }
  else
    {
      /* Everyone with a vote still to cast, the chair's own aside. */
      for (guint i = 0; i < progress->len; i++)
        {
          XfMemberProgress *member = g_ptr_array_index (progress, i);

          if (member->account_id != _xf_evaluation_actor_id (self)
              && member->voted + member->recused < member->assigned)
            g_ptr_array_add (targets, member);
        }
    }

  *n_sent = targets->len;
  label = _xf_committee_round_label (self, round);
  for (guint i = 0; i < targets->len; i++)
    {
      XfMemberProgress *member = g_ptr_array_index (targets, i);
      XfDbStmt *stmt;

      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO review_reminders (round_id, account_id, sent_at, sent_by) "
                                     "VALUES ($1, $2, $3, $4)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, round_id);
      xf_db_stmt_bind_int64 (stmt, 2, member->account_id);
      xf_db_stmt_bind_int64 (stmt, 3, now);
      xf_db_stmt_bind_text (stmt, 4, _xf_evaluation_actor_name (self));
      if (!xf_db_stmt_run (stmt, error)
          || !_xf_evaluation_audit (self, XF_AUDIT_REMIND, "round", round_uid, label,
                                    "member", NULL, member->member_name, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xf_evaluation_remind (XfEvaluation  *self,
                      gint64         round_id,
                      gint64         account_id,
                      GError       **error)
{
  gint64 campaign_id = 0;
  guint n_sent = 0;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!remind_in_transaction (self, round_id, account_id, &campaign_id, &n_sent, error))
    {
      _xf_evaluation_rollback (self);
      return FALSE;
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  /* Everyone has voted: nothing was sent, nothing changed. */
  if (n_sent > 0)
    _xf_evaluation_emit_changed (self, campaign_id, 0);
  return TRUE;
}
