/* xf-vote-rule.c — vote rules and score aggregation
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-vote-rule"

#include "config.h"

#include <math.h>

#include "xf-vote-rule.h"

guint
xf_vote_count_present (const XfVoteCount *count)
{
  g_return_val_if_fail (count != NULL, 0);

  return count->votes_for + count->votes_against + count->abstentions;
}

guint
xf_vote_count_eligible (const XfVoteCount *count)
{
  g_return_val_if_fail (count != NULL, 0);

  return count->recused >= count->members ? 0 : count->members - count->recused;
}

XfVoteOutcome
xf_vote_rule_apply (const XfVoteRule  *rule,
                    const XfVoteCount *count)
{
  guint64 present, eligible;

  g_return_val_if_fail (rule != NULL, XF_VOTE_NO_QUORUM);
  g_return_val_if_fail (count != NULL, XF_VOTE_NO_QUORUM);

  /* Cross-multiplied in 64-bit integers: "two thirds" stays exact, where
   * 4.0 / 6.0 >= 2.0 / 3.0 may not hold in floating point. */
  present = xf_vote_count_present (count);
  eligible = xf_vote_count_eligible (count);

  if (present == 0
      || present * (guint64) MAX (rule->quorum_den, 0) < (guint64) MAX (rule->quorum_num, 0) * eligible)
    return XF_VOTE_NO_QUORUM;

  if ((guint64) count->votes_for * (guint64) MAX (rule->pass_den, 0)
      >= (guint64) MAX (rule->pass_num, 0) * present)
    return XF_VOTE_PASSED;
  return XF_VOTE_FAILED;
}

double
xf_score_weighted (const XfCriterion * const *criteria,
                   guint                     n_criteria,
                   const double             *scores)
{
  double sum = 0, weights = 0;

  g_return_val_if_fail (n_criteria == 0 || (criteria != NULL && scores != NULL), NAN);

  for (guint i = 0; i < n_criteria; i++)
    {
      const XfCriterion *criterion = criteria[i];

      /* An unscored criterion leaves the member's score incomplete. */
      if (isnan (scores[i]) || criterion->max <= 0)
        return NAN;
      sum += criterion->weight * (scores[i] / criterion->max);
      weights += criterion->weight;
    }
  if (weights <= 0)
    return NAN;
  return 100.0 * sum / weights;
}

double
xf_score_mean (const double *values,
               guint         n_values)
{
  double sum = 0;

  if (n_values == 0)
    return NAN;
  for (guint i = 0; i < n_values; i++)
    sum += values[i];
  return sum / n_values;
}

double
xf_score_trimmed_mean (const double *values,
                       guint         n_values)
{
  double sum = 0, low, high;

  /* 去掉一个最高分和一个最低分 needs someone left in the middle. */
  if (n_values < 3)
    return xf_score_mean (values, n_values);

  low = high = values[0];
  for (guint i = 0; i < n_values; i++)
    {
      sum += values[i];
      low = MIN (low, values[i]);
      high = MAX (high, values[i]);
    }
  return (sum - low - high) / (n_values - 2);
}

double
xf_score_spread (const double *values,
                 guint         n_values)
{
  double low, high;

  if (n_values == 0)
    return NAN;
  low = high = values[0];
  for (guint i = 1; i < n_values; i++)
    {
      low = MIN (low, values[i]);
      high = MAX (high, values[i]);
    }
  return high - low;
}

double
xf_score_aggregate (const char   *aggregation,
                    const double *values,
                    guint         n_values)
{
  if (g_strcmp0 (aggregation, "trimmed-mean") == 0)
    return xf_score_trimmed_mean (values, n_values);
  return xf_score_mean (values, n_values);
}

void
xf_score_normalise_z (double *scores,
                      guint   n_members,
                      guint   n_nominations)
{
  g_return_if_fail (n_members == 0 || n_nominations == 0 || scores != NULL);

  for (guint m = 0; m < n_members; m++)
    {
      double *row = scores + (gsize) m * n_nominations;
      double sum = 0, squares = 0, mean, sd, low = INFINITY, high = -INFINITY;
      guint n = 0;

      for (guint j = 0; j < n_nominations; j++)
        if (!isnan (row[j]))
          {
            sum += row[j];
            low = MIN (low, row[j]);
            high = MAX (high, row[j]);
            n++;
          }
      if (n == 0)
        continue;
      mean = sum / n;
      for (guint j = 0; j < n_nominations; j++)
        if (!isnan (row[j]))
          squares += (row[j] - mean) * (row[j] - mean);
      /* Population deviation: the member's own scale over what he or she
       * scored. One score for everything (or a single score) says nothing
       * about leniency: z = 0, not rounding noise divided by ~0. */
      sd = sqrt (squares / n);
      for (guint j = 0; j < n_nominations; j++)
        if (!isnan (row[j]))
          row[j] = low == high || !(sd > 0) ? 0.0 : (row[j] - mean) / sd;
    }
}
