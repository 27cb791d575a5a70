/* xf-evaluation-close.c — the chair orders ties and closes a round
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-committee-private.h"
#include "xf-nomination-private.h"

/*
 * Closing a round is one transaction: every nomination it holds moves
 * through the state machine (select to public notice, or not-select),
 * keeps its final score and rank, and the round records the aggregation
 * it was closed with. It is refused while a vote lacks quorum or a tie
 * across the quota line is not ordered by the chair.
 */

/* Inside the write, holding the round: the checks and the order. */
static gboolean
order_in_transaction (XfEvaluation  *self,
                      gint64         round_id,
                      const gint64  *ids,
                      guint          n_ids,
                      gint64        *campaign_id,
                      GError       **error)
{
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *round_uid = NULL;
  g_autofree char *label = NULL;
  g_autofree char *order = NULL;
  XfDbStmt *stmt;

  if (!_xf_evaluation_lock (self, "review_rounds", round_id, error))
    return FALSE;
  round = _xf_committee_load_round (self, round_id, &round_uid, error);
  if (round == NULL
      || !_xf_committee_check_chair (self, round->campaign_id, error)
      || !_xf_committee_check_open (round, error))
    return FALSE;
  *campaign_id = round->campaign_id;
  if (n_ids < 2)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Order: name at least two tied nominations"));
      return FALSE;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      XfDbStep step;

      for (guint j = 0; j < i; j++)
        if (ids[j] == ids[i])
          {
            g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                         _("Order: nomination %lld is named twice"), (long long) ids[i]);
            return FALSE;
          }
      stmt = _xf_evaluation_prepare (self,
                                     "SELECT p.name FROM round_nominations rn "
                                     "JOIN nominations n ON n.id = rn.nomination_id "
                                     "JOIN pioneers p ON p.id = n.pioneer_id "
                                     "WHERE rn.round_id = $1 AND rn.nomination_id = $2 AND " XF_ROUND_HOLDS,
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, round_id);
      xf_db_stmt_bind_int64 (stmt, 2, ids[i]);
      step = xf_db_stmt_step (stmt, error);
      if (step == XF_DB_STEP_ROW)
        g_ptr_array_add (names, xf_db_stmt_dup_text (stmt, 0));
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
      if (step == XF_DB_STEP_DONE)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Order: nomination %lld is not in review round %d"),
                       (long long) ids[i], round->number);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_ids; i++)
    {
      stmt = _xf_evaluation_prepare (self,
                                     "UPDATE round_nominations SET tie_order = $1 "
                                     "WHERE round_id = $2 AND nomination_id = $3",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, i + 1);
      xf_db_stmt_bind_int64 (stmt, 2, round_id);
      xf_db_stmt_bind_int64 (stmt, 3, ids[i]);
      if (!xf_db_stmt_run (stmt, error))
        return FALSE;
    }
  g_ptr_array_add (names, NULL);
  order = g_strjoinv (" > ", (char **) names->pdata);
  label = _xf_committee_round_label (self, round);
  return _xf_evaluation_audit (self, XF_AUDIT_TIE, "round", round_uid, label, "order", NULL, order, error);
}

gboolean
xf_evaluation_resolve_tie (XfEvaluation  *self,
                           gint64         round_id,
                           const gint64  *ordered_nomination_ids,
                           guint          n_ids,
                           GError       **error)
{
  gint64 campaign_id = 0;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!order_in_transaction (self, round_id, ordered_nomination_ids,
                             ordered_nomination_ids != NULL ? n_ids : 0, &campaign_id, error))
    {
      _xf_evaluation_rollback (self);
      return FALSE;
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, campaign_id, 0);
  return TRUE;
}

/* What blocks closing: a nomination without quorum, or an unresolved tie. */
static gboolean
check_closable (GPtrArray  *results,
                GError    **error)
{
  g_autoptr(GPtrArray) tied = g_ptr_array_new ();

  for (guint i = 0; i < results->len; i++)
    {
      XfNominationResult *result = g_ptr_array_index (results, i);

      /* With every member recused nobody can vote: that nomination is
       * not selected rather than holding the round open for ever. */
      if (!result->quorum_met && xf_vote_count_eligible (&result->votes) > 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                       _("The vote on %s has no quorum yet (%u of %u members not recused "
                         "have voted): the round cannot be closed"),
                       result->candidate_name, xf_vote_count_present (&result->votes),
                       xf_vote_count_eligible (&result->votes));
          return FALSE;
        }
      if (result->tied)
        g_ptr_array_add (tied, result->candidate_name);
    }
  if (tied->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (tied, NULL);
      /* Translators: between the names of tied candidates (Chinese: "、"). */
      names = g_strjoinv (_(", "), (char **) tied->pdata);
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("%s are tied across the quota line: the chair must order them "
                     "before the round is closed"),
                   names);
      return FALSE;
    }
  return TRUE;
}

/* The nomination's final score and rank as audited: none is NULL. */
static char *
score_text (double score)
{
  return score < 0 ? NULL : _xf_committee_format_score (score);
}

static char *
rank_text (int rank)
{
  return rank <= 0 ? NULL : g_strdup_printf ("%d", rank);
}

static gboolean
keep_result (XfEvaluation        *self,
             gint64               round_id,
             XfNomination        *nomination,
             double               old_score,
             int                  old_rank,
             XfNominationResult  *result,
             GError             **error)
{
  g_autofree char *old_score_text = score_text (old_score);
  g_autofree char *new_score_text = score_text (isnan (result->final_score) ? -1 : result->final_score);
  g_autofree char *old_rank_text = rank_text (old_rank);
  g_autofree char *new_rank_text = rank_text ((int) result->rank);
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE round_nominations SET result = $1, final_score = $2, rank = $3 "
                                 "WHERE round_id = $4 AND nomination_id = $5",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, result->within_quota ? "selected"
                                 : result->quorum_met ? "not-selected" : "no-quorum");
  if (isnan (result->final_score))
    xf_db_stmt_bind_null (stmt, 2);
  else
    xf_db_stmt_bind_double (stmt, 2, result->final_score);
  if (result->rank == 0)
    xf_db_stmt_bind_null (stmt, 3);
  else
    xf_db_stmt_bind_int64 (stmt, 3, result->rank);
  xf_db_stmt_bind_int64 (stmt, 4, round_id);
  xf_db_stmt_bind_int64 (stmt, 5, result->nomination_id);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  stmt = _xf_evaluation_prepare (self, "UPDATE nominations SET final_score = $1, rank = $2 WHERE id = $3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (isnan (result->final_score))
    xf_db_stmt_bind_null (stmt, 1);
  else
    xf_db_stmt_bind_double (stmt, 1, result->final_score);
  if (result->rank == 0)
    xf_db_stmt_bind_null (stmt, 2);
  else
    xf_db_stmt_bind_int64 (stmt, 2, result->rank);
  xf_db_stmt_bind_int64 (stmt, 3, result->nomination_id);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  return (g_strcmp0 (old_score_text, new_score_text) == 0
          || _xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_UPDATE, "final-score",
                                              old_score_text, new_score_text, error))
         && (g_strcmp0 (old_rank_text, new_rank_text) == 0
             || _xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_UPDATE, "rank",
                                                 old_rank_text, new_rank_text, error));
}

static gboolean
close_in_transaction (XfEvaluation  *self,
                      XfComputation *c,
                      const char    *round_uid,
                      GPtrArray     *results,
                      GError       **error)
{
  g_autofree char *label = _xf_committee_round_label (self, c->round);
  g_autofree char *selected = NULL;
  guint n_selected = 0;
  XfDbStmt *stmt;

  for (guint i = 0; i < results->len; i++)
    {
      XfNominationResult *result = g_ptr_array_index (results, i);
      g_autoptr(XfNomination) nomination = NULL;
      const char *note;
      double old_score;
      int old_rank;

      nomination = _xf_evaluation_load_nomination (self, result->nomination_id, error);
      if (nomination == NULL)
        return FALSE;
      old_score = xf_nomination_get_final_score (nomination);
      old_rank = xf_nomination_get_rank (nomination);
      if (result->within_quota)
        note = NULL;
      else if (xf_vote_count_eligible (&result->votes) == 0)
        note = _("Every committee member is recused from it");
      else if (result->outcome == XF_VOTE_PASSED)
        note = _("Passed the vote but ranked outside the quota");
      else
        note = _("Did not pass the vote");
      if (!_xf_evaluation_move (self, nomination,
                                result->within_quota ? XF_ACTION_SELECT : XF_ACTION_NOT_SELECT,
                                result->within_quota ? XF_STAGE_NOTICE : XF_STAGE_NOT_SELECTED,
                                note, error)
          || !keep_result (self, c->round->id, nomination, old_score, old_rank, result, error))
        return FALSE;
      n_selected += result->within_quota;
    }

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE review_rounds SET status = 'closed', closed_at = $1, "
                                 "aggregation = $2, normalise = $3 WHERE id = $4",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 2, c->aggregation);
  xf_db_stmt_bind_int64 (stmt, 3, c->normalise ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 4, c->round->id);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  selected = g_strdup_printf ("%u", n_selected);
  return _xf_evaluation_audit (self, XF_AUDIT_ROUND_CLOSE, "round", round_uid, label,
                               "aggregation", NULL, c->aggregation, error)
         && _xf_evaluation_audit (self, XF_AUDIT_ROUND_CLOSE, "round", round_uid, label,
                                  "normalise", NULL, c->normalise ? "yes" : "no", error)
         && _xf_evaluation_audit (self, XF_AUDIT_ROUND_CLOSE, "round", round_uid, label,
                                  "selected", NULL, selected, error);
}

/* Inside the write, holding the round: the chair's right, then the
 * results as they stand now, then the moves. */
static gboolean
close_round_in_transaction (XfEvaluation  *self,
                            gint64         round_id,
                            gint64        *campaign_id,
                            GError       **error)
{
  g_auto(XfComputation) c = { 0 };
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_nomination_result_free);
  g_autofree char *round_uid = NULL;

  if (!_xf_evaluation_lock (self, "review_rounds", round_id, error))
    return FALSE;
  /* Nothing of the scores is read for one who may not close. */
  round = _xf_committee_load_round (self, round_id, NULL, error);
  if (round == NULL
      || !_xf_committee_check_chair (self, round->campaign_id, error)
      || !_xf_committee_check_open (round, error))
    return FALSE;
  *campaign_id = round->campaign_id;
  if (!_xf_computation_run (self, &c, round_id, &round_uid, FALSE, error))
    return FALSE;
  _xf_computation_rank (&c, results);
  return check_closable (results, error)
         && close_in_transaction (self, &c, round_uid, results, error);
}

gboolean
xf_evaluation_close_round (XfEvaluation  *self,
                           gint64         round_id,
                           GError       **error)
{
  gint64 campaign_id = 0;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!close_round_in_transaction (self, round_id, &campaign_id, error))
    {
      _xf_evaluation_rollback (self);
      return FALSE;
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, campaign_id, 0);
  return TRUE;
}
