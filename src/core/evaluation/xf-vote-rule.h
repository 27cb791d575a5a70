/* xf-vote-rule.h — vote rules and score aggregation (pure arithmetic)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-campaign.h"

G_BEGIN_DECLS

/*
 * The vote rule. For one nomination in a round:
 *   eligible = committee members − recused members
 *   present  = members who voted (for, against or abstain); recused members never vote
 *   quorum   met when present > 0 and present × quorum_den ≥ quorum_num × eligible
 *   passes   when votes_for × pass_den ≥ pass_num × present   (abstentions count as present)
 * All in integers, so "two thirds" is exact: 4 of 6 present passes, 3 of 5 does not.
 */
typedef struct
{
  int quorum_num, quorum_den;
  int pass_num, pass_den;
} XfVoteRule;

typedef struct
{
  guint members;       /* the whole committee */
  guint recused;
  guint votes_for;
  guint votes_against;
  guint abstentions;
} XfVoteCount;

typedef enum
{
  XF_VOTE_NO_QUORUM,
  XF_VOTE_PASSED,
  XF_VOTE_FAILED,
} XfVoteOutcome;

XfVoteOutcome xf_vote_rule_apply   (const XfVoteRule  *rule,
                                    const XfVoteCount *count);
guint         xf_vote_count_present  (const XfVoteCount *count);
guint         xf_vote_count_eligible (const XfVoteCount *count);

/*
 * Scores. A member's score of a nomination is the weighted mean of the
 * criteria, each taken as a share of its maximum, on a 0–100 scale:
 *   100 × Σ wᵢ·(sᵢ / maxᵢ) / Σ wᵢ
 * A nomination's result over its members' scores:
 *   mean          the plain mean
 *   trimmed-mean  drops one highest and one lowest score when there are at
 *                 least 3 (去掉一个最高分和一个最低分), else the mean
 *   normalised    optional: each member's scores in the round are first
 *                 turned into z-scores against that member's own mean and
 *                 standard deviation over the nominations he or she scored
 *                 (a member who gives one score to all gets z = 0), then
 *                 aggregated as above and reported as 50 + 10·z (a
 *                 T-score), so lenient and severe members weigh alike.
 * spread = highest − lowest member score (before normalisation).
 */
double xf_score_weighted      (const XfCriterion * const *criteria,
                               guint                     n_criteria,
                               const double             *scores);
double xf_score_mean          (const double *values,
                               guint         n_values);
double xf_score_trimmed_mean  (const double *values,
                               guint         n_values);
double xf_score_spread        (const double *values,
                               guint         n_values);
/* Aggregates by @aggregation ("mean" | "trimmed-mean"). */
double xf_score_aggregate     (const char   *aggregation,
                               const double *values,
                               guint         n_values);

/* Per-member normalisation over a round: @scores is an n_members ×
 * n_nominations matrix (row-major, NAN where a member did not score, e.g.
 * recused); on return each non-NAN cell holds the member's z-score. */
void   xf_score_normalise_z   (double *scores,
                               guint   n_members,
                               guint   n_nominations);

G_END_DECLS
