/* xf-evaluation-committee.c — review rounds, declarations, scores and votes
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
 * Round control (open, remind, order a tie, close) belongs to the
 * campaign's chair alone: holding XF_OP_REVIEW is not enough, and an
 * administrator who is not the chair is refused too, so that the record
 * shows the committee's own decisions. Members declare, score and vote;
 * a member with a conflict (flagged when the round opens, or declared) is
 * recused from that nomination.
 */

void
xf_review_round_free (XfReviewRound *round)
{
  if (round == NULL)
    return;
  g_free (round->status);
  g_free (round->opened_on);
  g_free (round->aggregation);
  g_free (round);
}

void
xf_member_review_free (XfMemberReview *review)
{
  if (review == NULL)
    return;
  g_free (review->recusal_reason);
  g_clear_pointer (&review->scores, g_array_unref);
  g_free (review->vote);
  g_free (review);
}

/*
 * Shared helpers
 */

#define ROUND_SELECT \
  "SELECT r.id, r.campaign_id, r.number, r.status, r.opened_on, r.closed_at, " \
  "r.aggregation, r.normalise, r.uid, " \
  "(SELECT count(*) FROM round_nominations rn JOIN nominations n ON n.id = rn.nomination_id " \
  "WHERE rn.round_id = r.id AND " XF_ROUND_HOLDS ") FROM review_rounds r "

static XfReviewRound *
round_from_row (XfDbStmt  *stmt,
                char     **uid)
{
  XfReviewRound *round = g_new0 (XfReviewRound, 1);

  round->id = xf_db_stmt_column_int64 (stmt, 0);
  round->campaign_id = xf_db_stmt_column_int64 (stmt, 1);
  round->number = (int) xf_db_stmt_column_int64 (stmt, 2);
  round->status = xf_db_stmt_dup_text (stmt, 3);
  round->opened_on = xf_db_stmt_dup_text (stmt, 4);
  round->closed_at = xf_db_stmt_column_int64 (stmt, 5);
  round->aggregation = xf_db_stmt_dup_text (stmt, 6);
  round->normalise = xf_db_stmt_column_int64 (stmt, 7) != 0;
  if (uid != NULL)
    *uid = xf_db_stmt_dup_text (stmt, 8);
  round->n_nominations = (guint) xf_db_stmt_column_int64 (stmt, 9);
  return round;
}

XfReviewRound *
_xf_committee_load_round (XfEvaluation  *self,
                          gint64         round_id,
                          char         **uid,
                          GError       **error)
{
  XfReviewRound *round = NULL;
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self, ROUND_SELECT "WHERE r.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  switch (xf_db_stmt_step (stmt, error))
    {
    case XF_DB_STEP_ROW:
      round = round_from_row (stmt, uid);
      break;
    case XF_DB_STEP_DONE:
      _xf_evaluation_set_not_found (error, _("Review round"), round_id);
      break;
    case XF_DB_STEP_ERROR:
    default:
      break;
    }
  xf_db_stmt_reset (stmt);
  return round;
}

char *
_xf_committee_round_label (XfEvaluation  *self,
                           XfReviewRound *round)
{
  g_autofree char *title = NULL;
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self, "SELECT title FROM campaigns WHERE id = $1", NULL);
  if (stmt != NULL)
    {
      xf_db_stmt_bind_int64 (stmt, 1, round->campaign_id);
      if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
        title = xf_db_stmt_dup_text (stmt, 0);
      xf_db_stmt_reset (stmt);
    }
  /* Translators: a review round of a campaign, "2026年度德清工匠, round 1". */
  return g_strdup_printf (_("%s, round %d"), title != NULL ? title : "", round->number);
}

gboolean
_xf_committee_membership (XfEvaluation *self,
                          gint64        campaign_id,
                          gboolean     *is_chair)
{
  gboolean member = FALSE;
  XfDbStmt *stmt;

  if (is_chair != NULL)
    *is_chair = FALSE;
  /* The local administrator has no account row, so is on no committee. */
  if (_xf_evaluation_actor_id (self) <= 0)
    return FALSE;
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT is_chair FROM campaign_members "
                                 "WHERE campaign_id = $1 AND account_id = $2",
                                 NULL);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_evaluation_actor_id (self));
  if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
    {
      member = TRUE;
      if (is_chair != NULL)
        *is_chair = xf_db_stmt_column_int64 (stmt, 0) != 0;
    }
  xf_db_stmt_reset (stmt);
  return member;
}

gboolean
_xf_committee_check_chair (XfEvaluation  *self,
                           gint64         campaign_id,
                           GError       **error)
{
  gboolean is_chair = FALSE;

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REVIEW, error))
    return FALSE;
  if (_xf_committee_membership (self, campaign_id, &is_chair) && is_chair)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
               _("%s is not the chair of this campaign's committee: only the chair "
                 "opens, reminds, orders ties and closes a review round"),
               _xf_evaluation_actor_name (self));
  return FALSE;
}

gboolean
_xf_committee_check_member (XfEvaluation  *self,
                            gint64         campaign_id,
                            GError       **error)
{
  if (!_xf_evaluation_check_anywhere (self, XF_OP_REVIEW, error))
    return FALSE;
  if (_xf_committee_membership (self, campaign_id, NULL))
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
               _("%s is not on this campaign's committee"), _xf_evaluation_actor_name (self));
  return FALSE;
}

gboolean
_xf_committee_open_round_number (XfEvaluation  *self,
                                 gint64         campaign_id,
                                 gint64        *number,
                                 GError       **error)
{
  return _xf_evaluation_query_int64 (self, "SELECT COALESCE(max(number), 0) FROM review_rounds "
                                     "WHERE campaign_id = $1 AND status = 'open'",
                                     campaign_id, number, error);
}

gboolean
_xf_committee_check_open (XfReviewRound  *round,
                          GError        **error)
{
  if (g_strcmp0 (round->status, "open") == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("Review round %d is closed"), round->number);
  return FALSE;
}

/*
 * Rounds
 */

/* Flags the automatic conflicts of one nomination as recusals. */
static gboolean
flag_conflicts (XfEvaluation  *self,
                gint64         round_id,
                GPtrArray     *members,
                gint64         nomination_id,
                gint64         now,
                GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  GHashTableIter iter;
  gpointer key, value;

  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL)
    return FALSE;
  conflicts = _xf_evaluation_detect_conflicts (self, members, nomination, error);
  if (conflicts == NULL)
    return FALSE;

  /* One declaration per member: several reasons go on separate lines. */
  reasons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < conflicts->len; i++)
    {
      XfConflict *conflict = g_ptr_array_index (conflicts, i);
      GPtrArray *lines = g_hash_table_lookup (reasons, &conflict->account_id);

      if (lines == NULL)
        {
          lines = g_ptr_array_new ();
          g_hash_table_insert (reasons, g_memdup2 (&conflict->account_id, sizeof (gint64)), lines);
        }
      g_ptr_array_add (lines, conflict->reason);
    }

  g_hash_table_iter_init (&iter, reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *lines = value;
      g_autofree char *reason = NULL;
      XfDbStmt *stmt;

      g_ptr_array_add (lines, NULL);
      reason = g_strjoinv ("\n", (char **) lines->pdata);
      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO review_declarations (round_id, nomination_id, account_id, "
                                     "conflict, automatic, reason, declared_at) VALUES ($1, $2, $3, 1, 1, $4, $5)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, round_id);
      xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
      xf_db_stmt_bind_int64 (stmt, 3, *(gint64 *) key);
      xf_db_stmt_bind_text (stmt, 4, reason);
      xf_db_stmt_bind_int64 (stmt, 5, now);
      if (!xf_db_stmt_run (stmt, error)
          || !_xf_evaluation_audit (self, XF_AUDIT_DECLARE, "nomination",
                                    xf_nomination_get_uid (nomination),
                                    xf_nomination_get_candidate_name (nomination),
                                    "automatic-conflict", NULL, reason, error))
        return FALSE;
    }
  return TRUE;
}

/* Ids of the campaign's nominations now in committee review. */
static GArray *
committee_nominations (XfEvaluation  *self,
                       gint64         campaign_id,
                       GError       **error)
{
  return _xf_evaluation_query_ids (self,
                                   "SELECT id FROM nominations WHERE campaign_id = $1 "
                                   "AND stage = 'committee' ORDER BY id",
                                   campaign_id, error);
}

static gboolean
insert_round (XfEvaluation  *self,
              XfCampaign    *campaign,
              GArray        *ids,
              GPtrArray     *members,
              gint64        *round_id,
              GError       **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *count = g_strdup_printf ("%u", ids->len);
  g_autofree char *label = NULL;
  gint64 campaign_id = xf_campaign_get_id (campaign);
  gint64 now = xf_db_now ();
  gint64 number;
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT COALESCE(max(number), 0) FROM review_rounds WHERE campaign_id = $1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return FALSE;
  number = xf_db_stmt_column_int64 (stmt, 0) + 1;
  xf_db_stmt_reset (stmt);

  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO review_rounds (uid, campaign_id, number, status, opened_on, "
                                 "opened_at, aggregation, normalise) VALUES ($1, $2, $3, 'open', $4, $5, $6, $7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, campaign_id);
  xf_db_stmt_bind_int64 (stmt, 3, number);
  xf_db_stmt_bind_text (stmt, 4, today);
  xf_db_stmt_bind_int64 (stmt, 5, now);
  /* The campaign's choice for now; closing records the one used. */
  xf_db_stmt_bind_text (stmt, 6, xf_campaign_get_aggregation (campaign));
  xf_db_stmt_bind_int64 (stmt, 7, xf_campaign_get_normalise (campaign) ? 1 : 0);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  *round_id = xf_db_last_insert_id (_xf_evaluation_get_db (self));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 nomination_id = g_array_index (ids, gint64, i);

      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO round_nominations (round_id, nomination_id) VALUES ($1, $2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, *round_id);
      xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
      if (!xf_db_stmt_run (stmt, error)
          || !flag_conflicts (self, *round_id, members, nomination_id, now, error))
        return FALSE;
    }

  /* Translators: a review round of a campaign, "2026年度德清工匠, round 1". */
  label = g_strdup_printf (_("%s, round %d"), xf_campaign_get_title (campaign), (int) number);
  return _xf_evaluation_audit (self, XF_AUDIT_ROUND_OPEN, "round", uid, label,
                               "nominations", NULL, count, error);
}

/* Inside the write: the checks (holding the campaign, so that a second
 * round or a new committee cannot come in between) and the new round. */
static gboolean
open_in_transaction (XfEvaluation  *self,
                     gint64         campaign_id,
                     gint64        *round_id,
                     GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 open_number;

  if (!_xf_evaluation_lock (self, "campaigns", campaign_id, error))
    return FALSE;
  campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (campaign == NULL || !_xf_committee_check_chair (self, campaign_id, error))
    return FALSE;
  if (!_xf_committee_open_round_number (self, campaign_id, &open_number, error))
    return FALSE;
  if (open_number != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("Review round %d of “%s” is still open: close it before opening another"),
                   (int) open_number, xf_campaign_get_title (campaign));
      return FALSE;
    }

  ids = committee_nominations (self, campaign_id, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("No nomination of “%s” is waiting for committee review"),
                   xf_campaign_get_title (campaign));
      return FALSE;
    }
  members = _xf_evaluation_load_committee (self, campaign_id, error);
  return members != NULL && insert_round (self, campaign, ids, members, round_id, error);
}

XfReviewRound *
xf_evaluation_open_round (XfEvaluation  *self,
                          gint64         campaign_id,
                          GError       **error)
{
  gint64 round_id = 0;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_xf_evaluation_begin (self, error))
    return NULL;
  if (!open_in_transaction (self, campaign_id, &round_id, error))
    {
      _xf_evaluation_rollback (self);
      return NULL;
    }
  if (!_xf_evaluation_commit (self, error))
    return NULL;
  _xf_evaluation_emit_changed (self, campaign_id, 0);
  return _xf_committee_load_round (self, round_id, NULL, error);
}

XfReviewRound *
xf_evaluation_get_open_round (XfEvaluation  *self,
                              gint64         campaign_id,
                              GError       **error)
{
  XfReviewRound *round = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = _xf_evaluation_prepare (self, ROUND_SELECT "WHERE r.campaign_id = $1 AND r.status = 'open'",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ROW)
    round = round_from_row (stmt, NULL);
  xf_db_stmt_reset (stmt);
  return round;
}

GPtrArray *
xf_evaluation_list_rounds (XfEvaluation  *self,
                           gint64         campaign_id,
                           GError       **error)
{
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_review_round_free);
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = _xf_evaluation_prepare (self, ROUND_SELECT "WHERE r.campaign_id = $1 ORDER BY r.number DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (rounds, round_from_row (stmt, NULL));
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE ? g_steal_pointer (&rounds) : NULL;
}

GArray *
xf_evaluation_list_round_nominations (XfEvaluation  *self,
                                      gint64         round_id,
                                      GError       **error)
{
  g_autoptr(XfReviewRound) round = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  round = _xf_committee_load_round (self, round_id, NULL, error);
  if (round == NULL)
    return NULL;
  return _xf_evaluation_query_ids (self,
                                   "SELECT rn.nomination_id FROM round_nominations rn "
                                   "JOIN nominations n ON n.id = rn.nomination_id "
                                   "WHERE rn.round_id = $1 AND " XF_ROUND_HOLDS " ORDER BY rn.nomination_id",
                                   round_id, error);
}

gint64
_xf_evaluation_open_round_of (XfEvaluation  *self,
                              gint64         nomination_id,
                              GError       **error)
{
  gint64 round_id = 0;
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT r.id FROM review_rounds r "
                                 "JOIN round_nominations rn ON rn.round_id = r.id "
                                 "WHERE rn.nomination_id = $1 AND r.status = 'open'",
                                 error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ROW)
    round_id = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  return round_id;
}

gboolean
_xf_evaluation_may_see_case (XfEvaluation *self,
                             XfNomination *nomination)
{
  gint64 round_id;
  gboolean declared = FALSE;
  XfDbStmt *stmt;

  if (!_xf_committee_membership (self, xf_nomination_get_campaign_id (nomination), NULL))
    return TRUE;
  round_id = _xf_evaluation_open_round_of (self, xf_nomination_get_id (nomination), NULL);
  if (round_id == 0)
    return TRUE;
  /* A member sees the case only after saying whether he or she has a
   * conflict; an automatic recusal counts as said. */
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT 1 FROM review_declarations WHERE round_id = $1 "
                                 "AND nomination_id = $2 AND account_id = $3",
                                 NULL);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, xf_nomination_get_id (nomination));
  xf_db_stmt_bind_int64 (stmt, 3, _xf_evaluation_actor_id (self));
  declared = xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW;
  xf_db_stmt_reset (stmt);
  return declared;
}
