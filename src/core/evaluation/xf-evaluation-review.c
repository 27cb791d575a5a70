/* xf-evaluation-review.c — a member's declaration, scores and vote
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

/*
 * A member first declares, for each nomination of a round, whether he or
 * she has a conflict of interest (before the case is shown: see
 * _xf_evaluation_may_see_case); without one, scores each criterion (any
 * number of times) and votes once, which freezes the scores. A recused
 * member does neither.
 */

char *
_xf_committee_format_score (double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (score))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", score));
}

/*
 * A member's review of one nomination
 */

typedef struct
{
  XfReviewRound *round;
  gint64         nomination_id;
  char          *nomination_uid;
  char          *candidate;
  char          *stage;
  gboolean       declared;
  gboolean       recused;
  gboolean       automatic;
  char          *reason;
  char          *vote;
} Review;

static void
review_clear (Review *review)
{
  g_clear_pointer (&review->round, xf_review_round_free);
  g_clear_pointer (&review->nomination_uid, g_free);
  g_clear_pointer (&review->candidate, g_free);
  g_clear_pointer (&review->stage, g_free);
  g_clear_pointer (&review->reason, g_free);
  g_clear_pointer (&review->vote, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Review, review_clear)

/* The actor's standing on one nomination of a round: a member, the
 * nomination held by the round (and, with @to_act, the round open and the
 * nomination still in committee review), any declaration and vote. */
static gboolean
load_review (XfEvaluation  *self,
             gint64         round_id,
             gint64         nomination_id,
             gboolean       to_act,
             Review        *review,
             GError       **error)
{
  gint64 account_id = _xf_evaluation_actor_id (self);
  XfDbStmt *stmt;
  XfDbStep step;

  review->nomination_id = nomination_id;
  review->round = _xf_committee_load_round (self, round_id, NULL, error);
  if (review->round == NULL || !_xf_committee_check_member (self, review->round->campaign_id, error))
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT n.uid, p.name, n.stage FROM round_nominations rn "
                                 "JOIN nominations n ON n.id = rn.nomination_id "
                                 "JOIN pioneers p ON p.id = n.pioneer_id "
                                 "WHERE rn.round_id = $1 AND rn.nomination_id = $2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      review->nomination_uid = xf_db_stmt_dup_text (stmt, 0);
      review->candidate = xf_db_stmt_dup_text (stmt, 1);
      review->stage = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("Nomination %lld is not in review round %d"),
                   (long long) nomination_id, review->round->number);
      return FALSE;
    }
  if (to_act && !_xf_committee_check_open (review->round, error))
    return FALSE;
  if (to_act && g_strcmp0 (review->stage, XF_STAGE_COMMITTEE) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The nomination of %s is no longer in committee review: it is in %s"),
                   review->candidate, xf_stage_label (review->stage));
      return FALSE;
    }

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT conflict, automatic, reason FROM review_declarations "
                                 "WHERE round_id = $1 AND nomination_id = $2 AND account_id = $3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, account_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      review->declared = TRUE;
      review->recused = xf_db_stmt_column_int64 (stmt, 0) != 0;
      review->automatic = xf_db_stmt_column_int64 (stmt, 1) != 0;
      review->reason = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT vote FROM review_votes "
                                 "WHERE round_id = $1 AND nomination_id = $2 AND account_id = $3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, account_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    review->vote = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

/* XF_ERROR_PERMISSION_DENIED when recused, XF_ERROR_WORKFLOW before the
 * declaration: what scoring and voting both need. */
static gboolean
check_may_review (Review       *review,
                  gboolean      voting,
                  GError      **error)
{
  /* Whole sentences for each case, so that translations can reorder them. */
  if (review->recused)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                   voting ? _("You are recused from the nomination of %s (%s) and may not vote on it")
                          : _("You are recused from the nomination of %s (%s) and may not score it"),
                   review->candidate, review->reason);
      return FALSE;
    }
  if (!review->declared)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   voting ? _("Declare whether you have a conflict of interest with %s before you vote")
                          : _("Declare whether you have a conflict of interest with %s before you score"),
                   review->candidate);
      return FALSE;
    }
  return TRUE;
}

/* The member's scores of one nomination, in rubric order (NAN where none). */
static GArray *
load_scores (XfEvaluation  *self,
             gint64         round_id,
             gint64         nomination_id,
             gint64         account_id,
             GPtrArray     *rubric,
             GError       **error)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  XfDbStmt *stmt;
  XfDbStep step;

  g_array_set_size (scores, rubric->len);
  for (guint i = 0; i < rubric->len; i++)
    g_array_index (scores, double, i) = NAN;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT criterion, score FROM review_scores "
                                 "WHERE round_id = $1 AND nomination_id = $2 AND account_id = $3",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, account_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *code = xf_db_stmt_column_text (stmt, 0);

      for (guint i = 0; i < rubric->len; i++)
        if (g_strcmp0 (((XfCriterion *) g_ptr_array_index (rubric, i))->code, code) == 0)
          g_array_index (scores, double, i) = xf_db_stmt_column_double (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE ? g_steal_pointer (&scores) : NULL;
}

XfMemberReview *
xf_evaluation_get_my_review (XfEvaluation  *self,
                             gint64         round_id,
                             gint64         nomination_id,
                             GError       **error)
{
  g_auto(Review) review = { 0 };
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(XfMemberReview) mine = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!load_review (self, round_id, nomination_id, FALSE, &review, error))
    return NULL;
  campaign = _xf_evaluation_load_campaign (self, review.round->campaign_id, error);
  if (campaign == NULL)
    return NULL;

  mine = g_new0 (XfMemberReview, 1);
  mine->declared = review.declared;
  mine->recused = review.recused;
  mine->recusal_reason = review.recused ? g_steal_pointer (&review.reason) : NULL;
  mine->vote = g_steal_pointer (&review.vote);
  mine->scores = load_scores (self, round_id, nomination_id, _xf_evaluation_actor_id (self),
                              xf_campaign_get_rubric (campaign), error);
  if (mine->scores == NULL)
    return NULL;
  return g_steal_pointer (&mine);
}

/*
 * The member's writes: each one transaction holding the round (so that
 * the chair cannot close it between the checks and the write), in which
 * the member's standing is read and checked, then written.
 */

/* Writes; *changed FALSE when there was nothing to write. */
typedef gboolean (*ReviewWrite) (XfEvaluation  *self,
                                 Review        *review,
                                 gconstpointer  data,
                                 gboolean      *changed,
                                 GError       **error);

static gboolean
review_write (XfEvaluation   *self,
              gint64          round_id,
              gint64          nomination_id,
              ReviewWrite     write,
              gconstpointer   data,
              GError        **error)
{
  g_auto(Review) review = { 0 };
  gboolean changed = TRUE;

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!_xf_evaluation_lock (self, "review_rounds", round_id, error)
      || !load_review (self, round_id, nomination_id, TRUE, &review, error)
      || !write (self, &review, data, &changed, error))
    {
      _xf_evaluation_rollback (self);
      return FALSE;
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  if (changed)
    _xf_evaluation_emit_changed (self, review.round->campaign_id, nomination_id);
  return TRUE;
}

typedef struct
{
  gboolean    conflict;
  const char *reason;     /* trimmed */
} Declaration;

static gboolean
write_declaration (XfEvaluation  *self,
                   Review        *review,
                   gconstpointer  data,
                   gboolean      *changed,
                   GError       **error)
{
  const Declaration *declaration = data;
  XfDbStmt *stmt;

  if (review->declared && review->automatic)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                   _("You are recused from the nomination of %s: %s"), review->candidate, review->reason);
      return FALSE;
    }
  if (review->declared)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("You have already declared for the nomination of %s"), review->candidate);
      return FALSE;
    }
  if (declaration->conflict && *declaration->reason == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Reason: say what the conflict of interest is"));
      return FALSE;
    }

  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO review_declarations (round_id, nomination_id, account_id, "
                                 "conflict, automatic, reason, declared_at) VALUES ($1, $2, $3, $4, 0, $5, $6)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, review->round->id);
  xf_db_stmt_bind_int64 (stmt, 2, review->nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_evaluation_actor_id (self));
  xf_db_stmt_bind_int64 (stmt, 4, declaration->conflict ? 1 : 0);
  xf_db_stmt_bind_text (stmt, 5, declaration->conflict ? declaration->reason : "");
  xf_db_stmt_bind_int64 (stmt, 6, xf_db_now ());
  return xf_db_stmt_run (stmt, error)
         && _xf_evaluation_audit (self, XF_AUDIT_DECLARE, "nomination", review->nomination_uid,
                                  review->candidate, "conflict", NULL,
                                  declaration->conflict ? "yes" : "no", error)
         && (!declaration->conflict
             || _xf_evaluation_audit (self, XF_AUDIT_DECLARE, "nomination", review->nomination_uid,
                                      review->candidate, "reason", NULL, declaration->reason, error));
}

gboolean
xf_evaluation_declare (XfEvaluation  *self,
                       gint64         round_id,
                       gint64         nomination_id,
                       gboolean       conflict,
                       const char    *reason,
                       GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  Declaration declaration = { conflict, trimmed };

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  return review_write (self, round_id, nomination_id, write_declaration, &declaration, error);
}

static gboolean
check_scores (GPtrArray     *rubric,
              const double  *scores,
              guint          n_scores,
              GError       **error)
{
  if (n_scores != rubric->len)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   ngettext ("Scores: expected one score for the rubric's %u criterion, got %u",
                             "Scores: expected one score for each of the rubric's %u criteria, got %u",
                             rubric->len),
                   rubric->len, n_scores);
      return FALSE;
    }
  for (guint i = 0; i < n_scores; i++)
    {
      XfCriterion *criterion = g_ptr_array_index (rubric, i);

      if (isnan (scores[i]))
        continue;
      if (!isfinite (scores[i]) || scores[i] < 0 || scores[i] > criterion->max)
        {
          char max[G_ASCII_DTOSTR_BUF_SIZE];

          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s: the score must be between 0 and %s"), criterion->name,
                       g_ascii_formatd (max, sizeof max, "%g", criterion->max));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_score (XfEvaluation  *self,
             gint64         round_id,
             gint64         nomination_id,
             const char    *criterion,
             double         score,
             GError       **error)
{
  XfDbStmt *stmt;

  if (isnan (score))
    {
      stmt = _xf_evaluation_prepare (self,
                                     "DELETE FROM review_scores WHERE round_id = $1 AND nomination_id = $2 "
                                     "AND account_id = $3 AND criterion = $4",
                                     error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO review_scores (round_id, nomination_id, account_id, "
                                     "criterion, score, scored_at) VALUES ($1, $2, $3, $4, $5, $6) "
                                     "ON CONFLICT (round_id, nomination_id, account_id, criterion) "
                                     "DO UPDATE SET score = excluded.score, scored_at = excluded.scored_at",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_double (stmt, 5, score);
      xf_db_stmt_bind_int64 (stmt, 6, xf_db_now ());
    }
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_evaluation_actor_id (self));
  xf_db_stmt_bind_text (stmt, 4, criterion);
  return xf_db_stmt_run (stmt, error);
}

typedef struct
{
  const double *scores;
  guint         n_scores;
} Sheet;

static gboolean
write_scores (XfEvaluation  *self,
              Review        *review,
              gconstpointer  data,
              gboolean      *changed,
              GError       **error)
{
  const Sheet *sheet = data;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GArray) old = NULL;
  GPtrArray *rubric;

  if (!check_may_review (review, FALSE, error))
    return FALSE;
  if (review->vote != NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("You have voted on the nomination of %s: your scores are final"),
                   review->candidate);
      return FALSE;
    }
  campaign = _xf_evaluation_load_campaign (self, review->round->campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  rubric = xf_campaign_get_rubric (campaign);
  if (!check_scores (rubric, sheet->scores, sheet->n_scores, error))
    return FALSE;
  old = load_scores (self, review->round->id, review->nomination_id, _xf_evaluation_actor_id (self),
                     rubric, error);
  if (old == NULL)
    return FALSE;

  *changed = FALSE;
  for (guint i = 0; i < sheet->n_scores; i++)
    {
      XfCriterion *criterion = g_ptr_array_index (rubric, i);
      double before = g_array_index (old, double, i);
      double after = sheet->scores[i];
      g_autofree char *old_text = _xf_committee_format_score (before);
      g_autofree char *new_text = _xf_committee_format_score (after);

      /* Only what changed is written and audited. */
      if ((isnan (before) && isnan (after)) || before == after)
        continue;
      *changed = TRUE;
      if (!write_score (self, review->round->id, review->nomination_id, criterion->code, after, error)
          || !_xf_evaluation_audit (self, XF_AUDIT_SCORE, "nomination", review->nomination_uid,
                                    review->candidate, criterion->code, old_text, new_text, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xf_evaluation_save_scores (XfEvaluation  *self,
                           gint64         round_id,
                           gint64         nomination_id,
                           const double  *scores,
                           guint          n_scores,
                           GError       **error)
{
  /* None given is as good as none for each criterion: the count tells. */
  Sheet sheet = { scores, scores != NULL ? n_scores : 0 };

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  return review_write (self, round_id, nomination_id, write_scores, &sheet, error);
}

static gboolean
write_vote (XfEvaluation  *self,
            Review        *review,
            gconstpointer  data,
            gboolean      *changed,
            GError       **error)
{
  const char *vote = data;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GArray) scores = NULL;
  GPtrArray *rubric;
  XfDbStmt *stmt;

  if (!check_may_review (review, TRUE, error))
    return FALSE;
  if (review->vote != NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("You have already voted on the nomination of %s"), review->candidate);
      return FALSE;
    }

  /* For or against stands on a complete score sheet; abstaining need not. */
  campaign = _xf_evaluation_load_campaign (self, review->round->campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  rubric = xf_campaign_get_rubric (campaign);
  scores = load_scores (self, review->round->id, review->nomination_id, _xf_evaluation_actor_id (self),
                        rubric, error);
  if (scores == NULL)
    return FALSE;
  if (g_strcmp0 (vote, "abstain") != 0)
    for (guint i = 0; i < rubric->len; i++)
      if (isnan (g_array_index (scores, double, i)))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s: score every criterion before voting for or against"),
                       ((XfCriterion *) g_ptr_array_index (rubric, i))->name);
          return FALSE;
        }

  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO review_votes (round_id, nomination_id, account_id, vote, voted_at) "
                                 "VALUES ($1, $2, $3, $4, $5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, review->round->id);
  xf_db_stmt_bind_int64 (stmt, 2, review->nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_evaluation_actor_id (self));
  xf_db_stmt_bind_text (stmt, 4, vote);
  xf_db_stmt_bind_int64 (stmt, 5, xf_db_now ());
  return xf_db_stmt_run (stmt, error)
         && _xf_evaluation_audit (self, XF_AUDIT_VOTE, "nomination", review->nomination_uid,
                                  review->candidate, "vote", NULL, vote, error);
}

gboolean
xf_evaluation_vote (XfEvaluation  *self,
                    gint64         round_id,
                    gint64         nomination_id,
                    const char    *vote,
                    GError       **error)
{
  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (g_strcmp0 (vote, "for") != 0 && g_strcmp0 (vote, "against") != 0
      && g_strcmp0 (vote, "abstain") != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Vote: must be for, against or abstain"));
      return FALSE;
    }
  return review_write (self, round_id, nomination_id, write_vote, vote, error);
}
