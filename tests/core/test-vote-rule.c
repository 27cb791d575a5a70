/* test-vote-rule.c — the vote rule and score aggregation (pure arithmetic)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "xf-vote-rule.h"

/* The default rule: quorum 2/3 of the members not recused, pass with 2/3
 * of those present. */
static const XfVoteRule two_thirds = { 2, 3, 2, 3 };

static XfVoteCount
count (guint members,
       guint recused,
       guint votes_for,
       guint votes_against,
       guint abstentions)
{
  XfVoteCount c = { members, recused, votes_for, votes_against, abstentions };

  return c;
}

static void
test_quorum_not_met (void)
{
  /* 9 members, 6 needed: 5 present is short by one. */
  XfVoteCount c = count (9, 0, 5, 0, 0);

  g_assert_cmpuint (xf_vote_count_present (&c), ==, 5);
  g_assert_cmpuint (xf_vote_count_eligible (&c), ==, 9);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);

  c = count (9, 0, 6, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);

  /* Unanimous but too few: still no quorum. */
  c = count (15, 0, 9, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);
  c = count (15, 0, 10, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);
}

static void
test_exact_threshold (void)
{
  /* 4 of 6 present is exactly two thirds: passes. */
  XfVoteCount c = count (6, 0, 4, 2, 0);

  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);

  /* 3 of 5 is 0.6 < 2/3: fails. */
  c = count (5, 0, 3, 2, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_FAILED);

  /* 6 of 9, 10 of 15: exact again; 9 of 14 is not. */
  c = count (9, 0, 6, 3, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);
  c = count (15, 0, 10, 5, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);
  c = count (15, 0, 9, 5, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_FAILED);

  /* A simple majority rule: exactly half is not more than half… unless
   * the rule says ≥ 1/2, as here. */
  {
    XfVoteRule half = { 1, 2, 1, 2 };

    c = count (4, 0, 2, 2, 0);
    g_assert_cmpint (xf_vote_rule_apply (&half, &c), ==, XF_VOTE_PASSED);
    c = count (4, 0, 1, 3, 0);
    g_assert_cmpint (xf_vote_rule_apply (&half, &c), ==, XF_VOTE_FAILED);
  }
}

static void
test_abstentions_present (void)
{
  /* 6 members: 4 for, 2 abstain: present 6, 4/6 passes. */
  XfVoteCount c = count (6, 0, 4, 0, 2);

  g_assert_cmpuint (xf_vote_count_present (&c), ==, 6);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);

  /* 3 for, 3 abstain: abstentions weigh like against: 3/6 fails. */
  c = count (6, 0, 3, 0, 3);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_FAILED);

  /* Abstentions make the quorum: 6 members, 1 for and 3 abstaining are 4 present. */
  c = count (6, 0, 1, 0, 3);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_FAILED);
  c = count (6, 0, 1, 0, 2);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);
}

static void
test_recused_excluded (void)
{
  /* 9 members, 3 recused: 6 eligible, 4 present make the quorum. */
  XfVoteCount c = count (9, 3, 4, 0, 0);

  g_assert_cmpuint (xf_vote_count_eligible (&c), ==, 6);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_PASSED);

  /* Without the recusals 4 of 9 would lack quorum. */
  c = count (9, 0, 4, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);

  /* 3 of 6 eligible present: no quorum. */
  c = count (9, 3, 3, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);

  /* Recused more than members (bad data) gives no eligible member, not a wrap. */
  c = count (2, 3, 0, 0, 0);
  g_assert_cmpuint (xf_vote_count_eligible (&c), ==, 0);
}

static void
test_zero_present (void)
{
  XfVoteCount c = count (6, 0, 0, 0, 0);
  XfVoteRule lax = { 0, 1, 0, 1 };

  g_assert_cmpuint (xf_vote_count_present (&c), ==, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);
  /* Even a rule asking for nobody needs someone present. */
  g_assert_cmpint (xf_vote_rule_apply (&lax, &c), ==, XF_VOTE_NO_QUORUM);
  /* Everyone recused: nobody can vote. */
  c = count (3, 3, 0, 0, 0);
  g_assert_cmpint (xf_vote_rule_apply (&two_thirds, &c), ==, XF_VOTE_NO_QUORUM);
}

static void
test_means (void)
{
  const double one[] = { 7.5 };
  const double two[] = { 60, 90 };
  const double three[] = { 80, 10, 95 };
  const double five[] = { 70, 100, 82, 40, 88 };

  g_assert_true (isnan (xf_score_mean (NULL, 0)));
  g_assert_true (isnan (xf_score_trimmed_mean (NULL, 0)));
  g_assert_true (isnan (xf_score_spread (NULL, 0)));

  g_assert_cmpfloat_with_epsilon (xf_score_mean (one, 1), 7.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_trimmed_mean (one, 1), 7.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_spread (one, 1), 0, 1e-12);

  /* With two, nothing is trimmed. */
  g_assert_cmpfloat_with_epsilon (xf_score_mean (two, 2), 75, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_trimmed_mean (two, 2), 75, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_spread (two, 2), 30, 1e-12);

  /* With three, the middle one is left. */
  g_assert_cmpfloat_with_epsilon (xf_score_mean (three, 3), 185.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_trimmed_mean (three, 3), 80, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_spread (three, 3), 85, 1e-12);

  /* With five: (70 + 82 + 88) / 3, the 100 and the 40 dropped. */
  g_assert_cmpfloat_with_epsilon (xf_score_mean (five, 5), 76, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_trimmed_mean (five, 5), 80, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_spread (five, 5), 60, 1e-12);

  g_assert_cmpfloat_with_epsilon (xf_score_aggregate ("mean", five, 5), 76, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_aggregate ("trimmed-mean", five, 5), 80, 1e-12);
}

static void
test_trimmed_drops_one_each (void)
{
  /* Two equal highest: only one is dropped. */
  const double values[] = { 90, 90, 50, 70 };

  g_assert_cmpfloat_with_epsilon (xf_score_trimmed_mean (values, 4), 80, 1e-12);
}

static void
test_weighted (void)
{
  XfCriterion deeds = { (char *) "deeds", (char *) "Deeds", NULL, 40, 10 };
  XfCriterion contribution = { (char *) "contribution", (char *) "Contribution", NULL, 30, 10 };
  XfCriterion innovation = { (char *) "innovation", (char *) "Innovation", NULL, 20, 10 };
  XfCriterion reputation = { (char *) "reputation", (char *) "Reputation", NULL, 10, 100 };
  const XfCriterion *criteria[] = { &deeds, &contribution, &innovation, &reputation };
  const double full[] = { 10, 10, 10, 100 };
  const double none[] = { 0, 0, 0, 0 };
  const double some[] = { 8, 6, 5, 50 };
  const double missing[] = { 8, NAN, 5, 50 };

  g_assert_cmpfloat_with_epsilon (xf_score_weighted (criteria, 4, full), 100, 1e-12);
  g_assert_cmpfloat_with_epsilon (xf_score_weighted (criteria, 4, none), 0, 1e-12);
  /* 100 × (40·0.8 + 30·0.6 + 20·0.5 + 10·0.5) / 100 = 65: the maxima differ. */
  g_assert_cmpfloat_with_epsilon (xf_score_weighted (criteria, 4, some), 65, 1e-12);
  /* Incomplete. */
  g_assert_true (isnan (xf_score_weighted (criteria, 4, missing)));
  g_assert_true (isnan (xf_score_weighted (criteria, 0, NULL)));

  /* Weights are relative: halving them all changes nothing. */
  deeds.weight = 20;
  contribution.weight = 15;
  innovation.weight = 10;
  reputation.weight = 5;
  g_assert_cmpfloat_with_epsilon (xf_score_weighted (criteria, 4, some), 65, 1e-12);
}

static void
test_normalise_z (void)
{
  /* Four members, four nominations. The lenient member scores the severe
   * one's pattern high and compressed (40 + s/2 against s), so after
   * normalisation both rows are the same. The constant one gives z = 0.
   * The last member is recused on nomination 2 (NAN stays NAN). */
  double m[4 * 4] = {
    60, 80, 40, 100,           /* severe */
    70, 80, 60, 90,            /* lenient: 40 + s / 2 */
    75, 75, 75, 75,            /* constant */
    50, NAN, 70, 90,           /* partial */
  };

  xf_score_normalise_z (m, 4, 4);

  for (guint j = 0; j < 4; j++)
    g_assert_cmpfloat_with_epsilon (m[0 * 4 + j], m[1 * 4 + j], 1e-9);
  /* Severe: mean 70, population deviation sqrt(500). */
  g_assert_cmpfloat_with_epsilon (m[0], -10 / sqrt (500), 1e-12);
  g_assert_cmpfloat_with_epsilon (m[3], 30 / sqrt (500), 1e-12);
  for (guint j = 0; j < 4; j++)
    g_assert_cmpfloat (m[2 * 4 + j], ==, 0.0);
  /* Partial: mean 70 over the three scored, deviation sqrt(800/3). */
  g_assert_true (isnan (m[3 * 4 + 1]));
  g_assert_cmpfloat_with_epsilon (m[3 * 4 + 0], -20 / sqrt (800.0 / 3), 1e-12);
  g_assert_cmpfloat_with_epsilon (m[3 * 4 + 2], 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (m[3 * 4 + 3], 20 / sqrt (800.0 / 3), 1e-12);

  /* Each row averages to 0 (a T-score of 50). */
  g_assert_cmpfloat_with_epsilon (m[0] + m[1] + m[2] + m[3], 0, 1e-12);
}

static void
test_normalise_constant_rounding (void)
{
  /* 0.1 three times does not sum to exactly 0.3: still z = 0, not noise
   * divided by a tiny deviation. A lone score is 0 too. */
  double m[2 * 3] = { 0.1, 0.1, 0.1, NAN, 42, NAN };

  xf_score_normalise_z (m, 2, 3);
  g_assert_cmpfloat (m[0], ==, 0.0);
  g_assert_cmpfloat (m[1], ==, 0.0);
  g_assert_cmpfloat (m[2], ==, 0.0);
  g_assert_true (isnan (m[3]));
  g_assert_cmpfloat (m[4], ==, 0.0);
  g_assert_true (isnan (m[5]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/vote-rule/quorum-not-met", test_quorum_not_met);
  g_test_add_func ("/core/vote-rule/exact-threshold", test_exact_threshold);
  g_test_add_func ("/core/vote-rule/abstentions-present", test_abstentions_present);
  g_test_add_func ("/core/vote-rule/recused-excluded", test_recused_excluded);
  g_test_add_func ("/core/vote-rule/zero-present", test_zero_present);
  g_test_add_func ("/core/vote-rule/means", test_means);
  g_test_add_func ("/core/vote-rule/trimmed-drops-one-each", test_trimmed_drops_one_each);
  g_test_add_func ("/core/vote-rule/weighted", test_weighted);
  g_test_add_func ("/core/vote-rule/normalise-z", test_normalise_z);
  g_test_add_func ("/core/vote-rule/normalise-constant-rounding", test_normalise_constant_rounding);

  return g_test_run ();
}
