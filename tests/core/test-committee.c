/* test-committee.c — committee review: rounds, permissions, recusals, declarations, reminders
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-committee.h"

/*
 * Who may do what in a round: the chair alone controls it; members
 * declare before scoring, vote once, and a recused member neither scores,
 * votes nor sees the others' scores. Results, ties and closing are in
 * test-committee-results.c.
 */

static void
test_chair_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfReviewRound) refused = NULL;
  g_autoptr(XfEvaluation) local = NULL;
  gint64 nomination, round_id, audit;

  (void) data;
  nomination = nominate (f, "王师傅", "德清县某机械厂");
  audit = xf_test_count_audit (f->store);

  /* A member who is not the chair. */
  refused = xf_evaluation_open_round (f->as_reviewer[2], f->campaign_id, &error);
  g_assert_null (refused);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* An administrator, not on the committee: refused, saying why. */
  refused = xf_evaluation_open_round (f->as_director, f->campaign_id, &error);
  g_assert_null (refused);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "not the chair"));
  g_clear_error (&error);
  local = xf_test_evaluation_new (f->store, NULL);
  refused = xf_evaluation_open_round (local, f->campaign_id, &error);
  g_assert_null (refused);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* A clerk lacks XF_OP_REVIEW altogether. */
  refused = xf_evaluation_open_round (f->as_clerk, f->campaign_id, &error);
  g_assert_null (refused);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  round_id = open_round (f);
  g_assert_cmpint (count_audit (f, XF_AUDIT_ROUND_OPEN, "round"), ==, 1);
  {
    g_autoptr(XfReviewRound) open = xf_evaluation_get_open_round (f->as_clerk, f->campaign_id, &error);
    g_autoptr(GArray) held = xf_evaluation_list_round_nominations (f->as_clerk, round_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (open->id, ==, round_id);
    g_assert_cmpint (open->number, ==, 1);
    g_assert_cmpuint (open->n_nominations, ==, 1);
    g_assert_cmpuint (held->len, ==, 1);
    g_assert_cmpint (g_array_index (held, gint64, 0), ==, nomination);
  }
  /* One open round at a time. */
  refused = xf_evaluation_open_round (f->as_reviewer[0], f->campaign_id, &error);
  g_assert_null (refused);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, nomination, 8, "for");

  /* Neither a member nor an administrator may remind, order or close. */
  audit = xf_test_count_audit (f->store);
  g_assert_false (xf_evaluation_remind (f->as_reviewer[3], round_id, 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_close_round (f->as_reviewer[3], round_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_close_round (f->as_director, round_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "director"));
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
  {
    assert_stage (f, nomination, XF_STAGE_COMMITTEE);
  }

  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, XF_AUDIT_ROUND_CLOSE, "round"), >=, 1);
  /* Closed: nothing more to do in it. */
  g_assert_false (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
}

static void
test_recused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMemberReview) mine = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(XfNomination) withheld = NULL;
  const double scores[4] = { 5, 5, 5, 5 };
  gint64 doctor, worker, round_id, audit;

  (void) data;
  doctor = nominate (f, "张医生", HOSPITAL);
  worker = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);

  /* The automatic conflict was written as reviewer 1's declaration. */
  mine = xf_evaluation_get_my_review (f->as_reviewer[1], round_id, doctor, &error);
  g_assert_no_error (error);
  g_assert_true (mine->declared);
  g_assert_true (mine->recused);
  g_assert_nonnull (mine->recusal_reason);
  g_assert_cmpuint (mine->scores->len, ==, 4);
  g_assert_true (isnan (g_array_index (mine->scores, double, 0)));
  g_clear_pointer (&mine, xf_member_review_free);
  mine = xf_evaluation_get_my_review (f->as_reviewer[2], round_id, doctor, &error);
  g_assert_no_error (error);
  g_assert_false (mine->declared);
  g_assert_false (mine->recused);

  /* The case is withheld from a member until he or she declares; a recusal
   * counts as declared. */
  withheld = _xf_evaluation_load_nomination (f->as_reviewer[2], doctor, &error);
  g_assert_no_error (error);
  g_assert_false (_xf_evaluation_may_see_case (f->as_reviewer[2], withheld));
  g_assert_true (_xf_evaluation_may_see_case (f->as_reviewer[1], withheld));
  g_assert_true (_xf_evaluation_may_see_case (f->as_clerk, withheld));
  g_assert_cmpint (_xf_evaluation_open_round_of (f->admin, doctor, &error), ==, round_id);

  for (guint i = 0; i < N_REVIEWERS; i++)
    if (i != 1)
      review (f->as_reviewer[i], round_id, doctor, 7, "for");
  review (f->as_reviewer[1], round_id, worker, 9, "for");

  /* Recused: neither scores, votes, declares again nor sees the others. */
  audit = xf_test_count_audit (f->store);
  g_assert_false (xf_evaluation_save_scores (f->as_reviewer[1], round_id, doctor, scores, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_vote (f->as_reviewer[1], round_id, doctor, "abstain", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_declare (f->as_reviewer[1], round_id, doctor, FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  sheets = xf_evaluation_list_scores (f->as_reviewer[1], round_id, doctor, &error);
  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  /* Even having voted elsewhere, the recused nomination stays hidden. */
  results = results_as (f->as_reviewer[1], round_id);
  g_assert_true (find_result (results, doctor)->scores_hidden);
  g_assert_true (isnan (find_result (results, doctor)->mean));
  g_assert_cmpuint (find_result (results, doctor)->votes.votes_for, ==, 0);
  g_assert_false (find_result (results, worker)->scores_hidden);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Five eligible, five present: the chair sees the recusal counted out. */
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpuint (find_result (results, doctor)->votes.members, ==, 6);
  g_assert_cmpuint (find_result (results, doctor)->votes.recused, ==, 1);
  g_assert_cmpuint (find_result (results, doctor)->votes.votes_for, ==, 5);
  g_assert_cmpuint (find_result (results, doctor)->n_scored, ==, 5);
  g_assert_cmpint (find_result (results, doctor)->outcome, ==, XF_VOTE_PASSED);
  g_assert_cmpfloat_with_epsilon (find_result (results, doctor)->mean, 70, 1e-9);

  /* The chair's sheet view marks the recused member, with no scores. */
  sheets = xf_evaluation_list_scores (f->as_reviewer[0], round_id, doctor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, N_REVIEWERS);
  for (guint i = 0; i < sheets->len; i++)
    {
      XfMemberScores *sheet = g_ptr_array_index (sheets, i);

      if (sheet->account_id == xf_account_get_id (f->reviewer[1]))
        {
          g_assert_true (sheet->recused);
          g_assert_true (isnan (sheet->weighted));
          g_assert_null (sheet->vote);
        }
      else
        {
          g_assert_false (sheet->recused);
          g_assert_cmpfloat_with_epsilon (sheet->weighted, 70, 1e-9);
          g_assert_cmpstr (sheet->vote, ==, "for");
        }
    }
  g_clear_pointer (&sheets, g_ptr_array_unref);

  /* A member's own declared conflict recuses too; it needs a reason. */
  {
    g_clear_pointer (&results, g_ptr_array_unref);
    g_assert_false (xf_evaluation_declare (f->as_reviewer[3], round_id, worker, TRUE, "  ", &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (xf_evaluation_declare (f->as_reviewer[3], round_id, worker, TRUE,
                                          "候选人是我的学生", &error));
    g_assert_no_error (error);
    g_assert_false (xf_evaluation_save_scores (f->as_reviewer[3], round_id, worker, scores, 4, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "候选人是我的学生"));
    g_clear_error (&error);
    results = results_as (f->as_reviewer[0], round_id);
    g_assert_cmpuint (find_result (results, worker)->votes.recused, ==, 1);
  }
}

/* The chair declares a conflict too: recused, the chair sees the others'
 * scores of that nomination no more than any member would, in the
 * results or the score sheets, yet still closes the round. */
static void
test_chair_recused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  gint64 nephew, worker, round_id;

  (void) data;
  nephew = nominate (f, "刘青年", "德清县某机械厂");
  worker = nominate (f, "王师傅", "德清县某纺织厂");
  round_id = open_round (f);
  g_assert_true (xf_evaluation_declare (f->as_reviewer[0], round_id, nephew, TRUE,
                                        "候选人是我的外甥", &error));
  g_assert_no_error (error);
  for (guint i = 1; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, nephew, 8, "for");
  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, worker, 6, "for");

  results = results_as (f->as_reviewer[0], round_id);
  g_assert_true (find_result (results, nephew)->scores_hidden);
  g_assert_true (isnan (find_result (results, nephew)->mean));
  g_assert_cmpuint (find_result (results, nephew)->votes.votes_for, ==, 0);
  g_assert_cmpuint (find_result (results, nephew)->votes.recused, ==, 1);
  g_assert_false (find_result (results, worker)->scores_hidden);
  g_assert_cmpfloat_with_epsilon (find_result (results, worker)->mean, 60, 1e-9);

  sheets = xf_evaluation_list_scores (f->as_reviewer[0], round_id, nephew, &error);
  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  sheets = xf_evaluation_list_scores (f->as_reviewer[0], round_id, worker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, N_REVIEWERS);

  /* Closing needs no sight of the scores; afterwards the recusal holds. */
  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_true (find_result (results, nephew)->scores_hidden);
  g_clear_pointer (&sheets, g_ptr_array_unref);
  sheets = xf_evaluation_list_scores (f->as_reviewer[0], round_id, nephew, &error);
  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Others who manage campaigns still see everything. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_director, round_id);
  g_assert_false (find_result (results, nephew)->scores_hidden);
  g_assert_cmpfloat_with_epsilon (find_result (results, nephew)->mean, 80, 1e-9);
}

/* A relative a member declared is found when the chair — a reviewer, who
 * may not read the members' relatives — opens the round. */
static void
test_relative_recused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(XfMemberReview) mine = NULL;
  g_autoptr(GError) error = NULL;
  gint64 nephew, round_id;

  (void) data;
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      XfCommitteeMember *member = xf_committee_member_new (xf_account_get_id (f->reviewer[i]), i == 0);

      if (i == 4)
        member->relatives = g_strdup ("刘青年");
      g_ptr_array_add (members, member);
    }
  g_assert_true (xf_evaluation_set_committee (f->admin, f->campaign_id, members, &error));
  g_assert_no_error (error);
  nephew = nominate (f, "刘青年", "德清县某机械厂");
  round_id = open_round (f);

  mine = xf_evaluation_get_my_review (f->as_reviewer[4], round_id, nephew, &error);
  g_assert_no_error (error);
  g_assert_true (mine->recused);
  g_assert_nonnull (strstr (mine->recusal_reason, "刘青年"));
}

static void
test_declare_before_scoring (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMemberReview) mine = NULL;
  const double scores[4] = { 8, 7, 6, 5 };
  const double too_high[4] = { 8, 11, 6, 5 };
  const double negative[4] = { 8, 7, -1, 5 };
  const double partial[4] = { 8, NAN, 6, 5 };
  gint64 nomination, round_id, audit;
  XfEvaluation *member;

  (void) data;
  nomination = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  member = f->as_reviewer[2];

  audit = xf_test_count_audit (f->store);
  g_assert_false (xf_evaluation_save_scores (member, round_id, nomination, scores, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_vote (member, round_id, nomination, "abstain", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  /* Not on the committee at all. */
  g_assert_false (xf_evaluation_declare (f->as_director, round_id, nomination, FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  declare (member, round_id, nomination);
  g_assert_cmpint (count_audit (f, XF_AUDIT_DECLARE, "nomination"), ==, 1);
  g_assert_false (xf_evaluation_declare (member, round_id, nomination, FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Each score within 0..max, naming the criterion. */
  g_assert_false (xf_evaluation_save_scores (member, round_id, nomination, too_high, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 and 10"));
  g_clear_error (&error);
  g_assert_false (xf_evaluation_save_scores (member, round_id, nomination, negative, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_save_scores (member, round_id, nomination, scores, 3, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  /* Partial scores are kept; for or against needs them all. */
  g_assert_true (xf_evaluation_save_scores (member, round_id, nomination, partial, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, XF_AUDIT_SCORE, "nomination"), ==, 3);
  g_assert_false (xf_evaluation_vote (member, round_id, nomination, "for", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_vote (member, round_id, nomination, "maybe", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xf_evaluation_save_scores (member, round_id, nomination, scores, 4, &error));
  g_assert_no_error (error);
  /* Only the changed criterion is written again. */
  g_assert_cmpint (count_audit (f, XF_AUDIT_SCORE, "nomination"), ==, 4);

  cast (member, round_id, nomination, "for");
  g_assert_cmpint (count_audit (f, XF_AUDIT_VOTE, "nomination"), ==, 1);
  /* Once; then the scores are frozen. */
  g_assert_false (xf_evaluation_vote (member, round_id, nomination, "against", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_save_scores (member, round_id, nomination, scores, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  mine = xf_evaluation_get_my_review (member, round_id, nomination, &error);
  g_assert_no_error (error);
  g_assert_true (mine->declared);
  g_assert_false (mine->recused);
  g_assert_cmpstr (mine->vote, ==, "for");
  g_assert_cmpfloat (g_array_index (mine->scores, double, 1), ==, 7);
  g_assert_cmpfloat (g_array_index (mine->scores, double, 3), ==, 5);

  /* Abstaining needs no scores. */
  declare (f->as_reviewer[3], round_id, nomination);
  cast (f->as_reviewer[3], round_id, nomination, "abstain");
}

static XfMemberProgress *
find_progress (GPtrArray *progress,
               XfAccount *account)
{
  for (guint i = 0; i < progress->len; i++)
    {
      XfMemberProgress *member = g_ptr_array_index (progress, i);

      if (member->account_id == xf_account_get_id (account))
        return member;
    }
  g_assert_not_reached ();
}

static void
test_progress_and_reminders (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  const double partial[4] = { 5, NAN, 5, 5 };
  gint64 doctor, worker, round_id, audit;

  (void) data;
  doctor = nominate (f, "张医生", HOSPITAL);
  worker = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  review (f->as_reviewer[0], round_id, doctor, 8, "for");
  review (f->as_reviewer[0], round_id, worker, 8, "for");
  review (f->as_reviewer[2], round_id, doctor, 8, "for");
  review (f->as_reviewer[2], round_id, worker, 8, "for");
  review (f->as_reviewer[1], round_id, worker, 8, "for");
  declare (f->as_reviewer[3], round_id, worker);
  g_assert_true (xf_evaluation_save_scores (f->as_reviewer[3], round_id, worker, partial, 4, &error));
  g_assert_no_error (error);

  /* Only the chair (or a campaign manager) watches progress. */
  progress = xf_evaluation_get_round_progress (f->as_reviewer[3], round_id, &error);
  g_assert_null (progress);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  progress = xf_evaluation_get_round_progress (f->as_director, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, N_REVIEWERS);
  g_clear_pointer (&progress, g_ptr_array_unref);

  progress = xf_evaluation_get_round_progress (f->as_reviewer[0], round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((XfMemberProgress *) g_ptr_array_index (progress, 0))->account_id, ==,
                   xf_account_get_id (f->reviewer[0]));
  g_assert_cmpuint (find_progress (progress, f->reviewer[1])->assigned, ==, 2);
  g_assert_cmpuint (find_progress (progress, f->reviewer[1])->recused, ==, 1);
  g_assert_cmpuint (find_progress (progress, f->reviewer[1])->declared, ==, 2);
  g_assert_cmpuint (find_progress (progress, f->reviewer[1])->voted, ==, 1);
  g_assert_cmpuint (find_progress (progress, f->reviewer[2])->scored, ==, 2);
  g_assert_cmpuint (find_progress (progress, f->reviewer[2])->voted, ==, 2);
  g_assert_cmpuint (find_progress (progress, f->reviewer[3])->declared, ==, 1);
  g_assert_cmpuint (find_progress (progress, f->reviewer[3])->scored, ==, 0);
  g_assert_cmpuint (find_progress (progress, f->reviewer[4])->declared, ==, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[4])->last_reminded_at, ==, 0);
  g_clear_pointer (&progress, g_ptr_array_unref);

  /* Members cannot remind. */
  audit = xf_test_count_audit (f->store);
  g_assert_false (xf_evaluation_remind (f->as_reviewer[3], round_id, 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_remind (f->as_reviewer[0], round_id, xf_account_get_id (f->director),
                                        &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  /* Everyone with votes to cast: reviewers 3, 4 and 5 (1 is recused from
   * the one left, 2 is done, 0 is the chair). */
  g_assert_true (xf_evaluation_remind (f->as_reviewer[0], round_id, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, XF_AUDIT_REMIND, "round"), ==, 3);
  progress = xf_evaluation_get_round_progress (f->as_reviewer[0], round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_progress (progress, f->reviewer[0])->last_reminded_at, ==, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[1])->last_reminded_at, ==, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[2])->last_reminded_at, ==, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[3])->last_reminded_at, >, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[4])->last_reminded_at, >, 0);
  g_assert_cmpint (find_progress (progress, f->reviewer[5])->last_reminded_at, >, 0);
  g_clear_pointer (&progress, g_ptr_array_unref);

  /* One member by name, even one who is done. */
  g_assert_true (xf_evaluation_remind (f->as_reviewer[0], round_id, xf_account_get_id (f->reviewer[2]),
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, XF_AUDIT_REMIND, "round"), ==, 4);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM review_reminders"), ==, 4);
  progress = xf_evaluation_get_round_progress (f->as_reviewer[0], round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_progress (progress, f->reviewer[2])->last_reminded_at, >, 0);
}

static void
test_nothing_to_review (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfReviewRound) round = NULL;

  (void) data;
  round = xf_evaluation_open_round (f->as_reviewer[0], f->campaign_id, &error);
  g_assert_null (round);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  round = xf_evaluation_get_open_round (f->as_reviewer[0], f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_null (round);
  g_assert_null (xf_evaluation_compute_results (f->as_reviewer[0], 4242, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_committee_test ("chair-only", test_chair_only);
  add_committee_test ("recused", test_recused);
  add_committee_test ("chair-recused", test_chair_recused);
  add_committee_test ("relative-recused", test_relative_recused);
  add_committee_test ("declare-before-scoring", test_declare_before_scoring);
  add_committee_test ("progress-and-reminders", test_progress_and_reminders);
  add_committee_test ("nothing-to-review", test_nothing_to_review);

  return g_test_run ();
}
