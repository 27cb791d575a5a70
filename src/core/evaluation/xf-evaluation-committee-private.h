/* xf-evaluation-committee-private.h — shared by the committee review files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-evaluation-private.h"

G_BEGIN_DECLS

/*
 * xf-evaluation-committee.c (rounds),
 * xf-evaluation-progress.c (progress, reminders),
 * xf-evaluation-review.c (a member's declarations, scores and votes),
 * xf-evaluation-results.c (results, score sheets) and
 * xf-evaluation-close.c (ties, closing).
 *
 * The nominations a round "holds" are those still in committee review
 * while it is open, and those it gave a result to once closed: a
 * nomination withdrawn during the round drops out of it.
 */
#define XF_ROUND_HOLDS \
  "(rn.result IS NOT NULL OR n.stage = 'committee')"

/* The round with its uid (for the audit trail); XF_ERROR_NOT_FOUND. */
XfReviewRound *_xf_committee_load_round   (XfEvaluation  *self,
                                           gint64         round_id,
                                           char         **uid,
                                           GError       **error);
/* "<campaign title>, round N": the audit label of a round. */
char          *_xf_committee_round_label  (XfEvaluation  *self,
                                           XfReviewRound *round);
/* Whether the actor's account is on the committee, and its chair. */
gboolean       _xf_committee_membership   (XfEvaluation  *self,
                                           gint64         campaign_id,
                                           gboolean      *is_chair);
/* XF_OP_REVIEW and the campaign's chair, else XF_ERROR_PERMISSION_DENIED
 * saying so (an administrator who is not the chair included). */
gboolean       _xf_committee_check_chair  (XfEvaluation  *self,
                                           gint64         campaign_id,
                                           GError       **error);
/* XF_OP_REVIEW and on the campaign's committee, else
 * XF_ERROR_PERMISSION_DENIED. */
gboolean       _xf_committee_check_member (XfEvaluation  *self,
                                           gint64         campaign_id,
                                           GError       **error);
/* The number of the campaign's open round into *number, 0 when none. */
gboolean       _xf_committee_open_round_number (XfEvaluation *self,
                                           gint64         campaign_id,
                                           gint64        *number,
                                           GError       **error);
/* XF_ERROR_WORKFLOW unless the round is open. */
gboolean       _xf_committee_check_open   (XfReviewRound *round,
                                           GError       **error);

/* A score for records ("7.5"), NULL for NAN (none). */
char          *_xf_committee_format_score (double         score);

/* Chair and campaign managers see every score at any time, but where
 * recused (the caller checks that). */
gboolean       _xf_committee_sees_all     (XfEvaluation  *self,
                                           gint64         campaign_id);

/*
 * Results (xf-evaluation-results.c), also used to close a round
 * (xf-evaluation-close.c).
 */

/* One nomination while computing. */
typedef struct
{
  XfNominationResult *result;
  gint64              tie_order;   /* 0: none */
  gboolean            actor_recused;
  gboolean            actor_voted;
} XfResultEntry;

typedef struct
{
  XfReviewRound *round;
  XfCampaign    *campaign;
  const char    *aggregation;
  gboolean       normalise;
  GArray        *entries;        /* XfResultEntry, by nomination id */
  GArray        *members;        /* gint64 account ids, ascending */
  double        *weighted;       /* members × entries, NAN where none */
  gboolean      *recused;        /* members × entries */
} XfComputation;

void     _xf_computation_clear (XfComputation *c);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XfComputation, _xf_computation_clear)

/* Reads the round and computes every result, all visible (with
 * @actors_view, also what the actor voted on and is recused from). */
gboolean _xf_computation_run   (XfEvaluation  *self,
                                XfComputation *c,
                                gint64         round_id,
                                char         **round_uid,
                                gboolean       actors_view,
                                GError       **error);
/* Ranks and flags ties; moves the results into @out (passing first, by
 * rank, then the others). */
void     _xf_computation_rank  (XfComputation *c,
                                GPtrArray     *out);

G_END_DECLS
