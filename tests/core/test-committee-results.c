/* test-committee-results.c — committee review: vote rule, ranks, ties, visibility, closing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-committee.h"

/*
 * Results of a round through the repository: quorum and the exact
 * threshold, ties across the quota line (the chair's order, or votes),
 * what a member sees before and after voting, aggregation and
 * normalisation, and closing into public notice or not-selected.
 */

/* Nominates 王师傅 (@first), 李老师 (@second) and, unless @third is NULL,
 * 赵工, and opens a round for them. */
static gint64
nominate_and_open (Fixture *f,
                   gint64  *first,
                   gint64  *second,
                   gint64  *third)
{
  *first = nominate (f, "王师傅", "德清县某机械厂");
  *second = nominate (f, "李老师", "德清县第一中学");
  if (third != NULL)
    *third = nominate (f, "赵工", "德清县某建筑公司");
  return open_round (f);
}

static void
test_quorum_blocks_closing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first, second, round_id, audit;

  (void) data;
  round_id = nominate_and_open (f, &first, &second, NULL);
  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, first, 8, "for");
  /* 3 of 6 present: 4 are needed. */
  for (guint i = 0; i < 3; i++)
    review (f->as_reviewer[i], round_id, second, 8, "for");

  audit = xf_test_count_audit (f->store);
  g_assert_false (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "李老师"));
  g_assert_nonnull (strstr (error->message, "3 of 6"));
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
  {
    assert_stage (f, first, XF_STAGE_COMMITTEE);
  }

  review (f->as_reviewer[3], round_id, second, 8, "against");
  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
}

static void
changed_cb (XfEvaluation *evaluation,
            gint64        campaign_id,
            gint64        nomination_id,
            guint        *count)
{
  (void) evaluation;
  (void) nomination_id;
  g_assert_cmpint (campaign_id, >, 0);
  (*count)++;
}

/* The value last audited for @field of the nomination, NULL when none. */
static char *
audited (Fixture    *f,
         gint64      nomination_id,
         const char *field)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE field = '%s' AND record_uid = "
                                          "(SELECT uid FROM nominations WHERE id = %" G_GINT64_FORMAT ")",
                                          field, nomination_id);

  if (xf_test_query_int64 (f->store, sql) == 0)
    return NULL;
  g_free (sql);
  sql = g_strdup_printf ("SELECT new_value FROM audit_log WHERE field = '%s' AND record_uid = "
                         "(SELECT uid FROM nominations WHERE id = %" G_GINT64_FORMAT ") ORDER BY seq DESC",
                         field, nomination_id);
  return xf_test_query_text (f->store, sql);
}

static void
test_exact_threshold_and_close (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *result = NULL;
  g_autofree char *sql = NULL;
  gint64 first, second, round_id;
  guint changed = 0;

  (void) data;
  round_id = nominate_and_open (f, &first, &second, NULL);

  /* First: 4 for, 2 against of 6 present — exactly two thirds, passes. */
  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, first, i < 4 ? 8 : 5, i < 4 ? "for" : "against");
  /* Second: 3 for, 2 against of 5 present — 0.6, fails. */
  for (guint i = 0; i < 5; i++)
    review (f->as_reviewer[i], round_id, second, i < 3 ? 8 : 5, i < 3 ? "for" : "against");

  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((XfNominationResult *) g_ptr_array_index (results, 0))->nomination_id, ==, first);
  g_assert_cmpint (find_result (results, first)->outcome, ==, XF_VOTE_PASSED);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 1);
  g_assert_true (find_result (results, first)->within_quota);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->mean, 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->final_score, 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->spread, 30, 1e-9);
  g_assert_true (isnan (find_result (results, first)->normalised));
  g_assert_cmpint (find_result (results, second)->outcome, ==, XF_VOTE_FAILED);
  g_assert_true (find_result (results, second)->quorum_met);
  g_assert_cmpuint (find_result (results, second)->rank, ==, 0);
  g_assert_false (find_result (results, second)->within_quota);
  g_assert_cmpfloat_with_epsilon (find_result (results, second)->mean, 68, 1e-9);

  {
    gulong id = g_signal_connect (f->as_reviewer[0], "changed", G_CALLBACK (changed_cb), &changed);

    g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
    g_assert_no_error (error);
    g_signal_handler_disconnect (f->as_reviewer[0], id);
  }
  g_assert_cmpuint (changed, ==, 1);

  /* The selected to public notice, the other not selected. */
  assert_stage (f, first, XF_STAGE_NOTICE);
  assert_stage (f, second, XF_STAGE_NOT_SELECTED);

  /* Score and rank kept on the nomination and the round. */
  sql = g_strdup_printf ("SELECT rank FROM nominations WHERE id = %" G_GINT64_FORMAT, first);
  g_assert_cmpint (xf_test_query_int64 (f->store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM nominations WHERE id = %" G_GINT64_FORMAT
                         " AND final_score > 69.999 AND final_score < 70.001", first);
  g_assert_cmpint (xf_test_query_int64 (f->store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT result FROM round_nominations WHERE nomination_id = %" G_GINT64_FORMAT,
                         second);
  result = xf_test_query_text (f->store, sql);
  g_assert_cmpstr (result, ==, "not-selected");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM round_nominations WHERE nomination_id = %" G_GINT64_FORMAT
                         " AND rank IS NULL AND final_score > 67.999", second);
  g_assert_cmpint (xf_test_query_int64 (f->store, sql), ==, 1);

  rounds = xf_evaluation_list_rounds (f->as_clerk, f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_cmpstr (((XfReviewRound *) g_ptr_array_index (rounds, 0))->status, ==, "closed");
  g_assert_cmpstr (((XfReviewRound *) g_ptr_array_index (rounds, 0))->aggregation, ==, "mean");
  g_assert_cmpint (((XfReviewRound *) g_ptr_array_index (rounds, 0))->closed_at, >, 0);
  g_assert_cmpuint (((XfReviewRound *) g_ptr_array_index (rounds, 0))->n_nominations, ==, 2);
  g_assert_cmpint (count_audit (f, XF_AUDIT_STAGE, "nomination"), >=, 2);
  /* The score and rank kept on each nomination are in the audit trail. */
  g_free (result);
  result = audited (f, first, "final-score");
  g_assert_cmpstr (result, ==, "70");
  g_free (result);
  result = audited (f, first, "rank");
  g_assert_cmpstr (result, ==, "1");
  g_assert_null (audited (f, second, "rank"));

  /* The closed round's results stay readable, now to anyone. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_clerk, round_id);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_false (find_result (results, first)->scores_hidden);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 1);
}

static void
test_tie_resolved_by_chair (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 first, second, third, round_id, order[2];

  (void) data;
  configure (f, 1, "chair", "mean", FALSE);
  round_id = nominate_and_open (f, &first, &second, &third);
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      review (f->as_reviewer[i], round_id, first, 8, "for");
      review (f->as_reviewer[i], round_id, second, 8, "for");
      review (f->as_reviewer[i], round_id, third, 6, "for");
    }

  /* Equal first place, one place in the quota: a tie across the line. */
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_true (find_result (results, first)->tied);
  g_assert_true (find_result (results, second)->tied);
  g_assert_false (find_result (results, first)->within_quota);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 1);
  g_assert_cmpuint (find_result (results, second)->rank, ==, 1);
  g_assert_false (find_result (results, third)->tied);
  g_assert_cmpuint (find_result (results, third)->rank, ==, 3);
  g_clear_pointer (&results, g_ptr_array_unref);

  g_assert_false (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "王师傅"));
  g_assert_nonnull (strstr (error->message, "李老师"));
  g_clear_error (&error);

  order[0] = second;
  order[1] = first;
  g_assert_false (xf_evaluation_resolve_tie (f->as_reviewer[2], round_id, order, 2, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_resolve_tie (f->as_director, round_id, order, 2, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_resolve_tie (f->as_reviewer[0], round_id, order, 1, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xf_evaluation_resolve_tie (f->as_reviewer[0], round_id, order, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (f, XF_AUDIT_TIE, "round"), ==, 1);

  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpint (((XfNominationResult *) g_ptr_array_index (results, 0))->nomination_id, ==, second);
  g_assert_false (find_result (results, second)->tied);
  g_assert_true (find_result (results, second)->within_quota);
  g_assert_cmpuint (find_result (results, second)->rank, ==, 1);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 2);
  g_assert_false (find_result (results, first)->within_quota);

  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  assert_stage (f, second, XF_STAGE_NOTICE);
  assert_stage (f, first, XF_STAGE_NOT_SELECTED);
  assert_stage (f, third, XF_STAGE_NOT_SELECTED);
}

static void
test_tie_broken_by_votes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 first, second, third, round_id, order[2];

  (void) data;
  configure (f, 2, "votes", "mean", FALSE);
  round_id = nominate_and_open (f, &first, &second, &third);
  /* All score 80; the third has six votes for, the others five and one
   * abstention (which gives no score). */
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      gboolean last = i == N_REVIEWERS - 1;

      review (f->as_reviewer[i], round_id, first, last ? NAN : 8, last ? "abstain" : "for");
      review (f->as_reviewer[i], round_id, second, last ? NAN : 8, last ? "abstain" : "for");
      review (f->as_reviewer[i], round_id, third, 8, "for");
    }

  results = results_as (f->as_reviewer[0], round_id);
  /* More votes for wins the first place outright… */
  g_assert_cmpint (((XfNominationResult *) g_ptr_array_index (results, 0))->nomination_id, ==, third);
  g_assert_false (find_result (results, third)->tied);
  g_assert_true (find_result (results, third)->within_quota);
  g_assert_cmpuint (find_result (results, first)->n_scored, ==, 5);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->mean, 80, 1e-9);
  /* …equal votes still need the chair for the second. */
  g_assert_true (find_result (results, first)->tied);
  g_assert_true (find_result (results, second)->tied);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);

  order[0] = second;
  order[1] = first;
  g_assert_true (xf_evaluation_resolve_tie (f->as_reviewer[0], round_id, order, 2, &error));
  g_assert_no_error (error);
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpuint (find_result (results, second)->rank, ==, 2);
  g_assert_true (find_result (results, second)->within_quota);
  g_assert_cmpuint (find_result (results, first)->rank, ==, 3);
  g_assert_false (find_result (results, first)->within_quota);
  g_assert_false (find_result (results, first)->tied);
}

static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  gint64 doctor, worker, round_id;

  (void) data;
  doctor = nominate (f, "张医生", HOSPITAL);
  worker = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  for (guint i = 0; i < N_REVIEWERS; i++)
    if (i != 2)
      {
        if (i != 1)
          review (f->as_reviewer[i], round_id, doctor, 6, "for");
        review (f->as_reviewer[i], round_id, worker, 9, "for");
      }

  /* Reviewer 2 has not voted: nothing of the others yet. */
  results = results_as (f->as_reviewer[2], round_id);
  g_assert_true (find_result (results, worker)->scores_hidden);
  g_assert_true (isnan (find_result (results, worker)->mean));
  g_assert_cmpuint (find_result (results, worker)->rank, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  sheets = xf_evaluation_list_scores (f->as_reviewer[2], round_id, worker, &error);
  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Nor does a clerk while the round is open; the chair and a campaign
   * manager do. */
  results = results_as (f->as_clerk, round_id);
  g_assert_true (find_result (results, worker)->scores_hidden);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_false (find_result (results, worker)->scores_hidden);
  g_assert_cmpfloat_with_epsilon (find_result (results, worker)->mean, 90, 1e-9);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_director, round_id);
  g_assert_false (find_result (results, doctor)->scores_hidden);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Once voted, that nomination shows (and only that one). */
  review (f->as_reviewer[2], round_id, worker, 7, "for");
  results = results_as (f->as_reviewer[2], round_id);
  g_assert_false (find_result (results, worker)->scores_hidden);
  g_assert_cmpfloat_with_epsilon (find_result (results, worker)->mean, (5 * 90 + 70) / 6.0, 1e-9);
  g_assert_cmpuint (find_result (results, worker)->votes.votes_for, ==, 6);
  g_assert_true (find_result (results, doctor)->scores_hidden);
  g_clear_pointer (&results, g_ptr_array_unref);
  sheets = xf_evaluation_list_scores (f->as_reviewer[2], round_id, worker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, N_REVIEWERS);
  g_clear_pointer (&sheets, g_ptr_array_unref);

  review (f->as_reviewer[2], round_id, doctor, 6, "for");
  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);

  /* Closed: the clerk sees; the recused member still does not. */
  results = results_as (f->as_clerk, round_id);
  g_assert_false (find_result (results, doctor)->scores_hidden);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = results_as (f->as_reviewer[1], round_id);
  g_assert_true (find_result (results, doctor)->scores_hidden);
  g_assert_false (find_result (results, worker)->scores_hidden);
  sheets = xf_evaluation_list_scores (f->as_reviewer[1], round_id, doctor, &error);
  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
}

static void
test_trimmed_and_normalised (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  const double sheet_a[N_REVIEWERS] = { 9, 8, 8, 8, 8, 2 };
  gint64 first, second, round_id;

  (void) data;
  configure (f, 2, "chair", "trimmed-mean", FALSE);
  round_id = nominate_and_open (f, &first, &second, NULL);
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      review (f->as_reviewer[i], round_id, first, sheet_a[i], "for");
      /* Every member puts the second 1 point lower, severe or lenient. */
      review (f->as_reviewer[i], round_id, second, sheet_a[i] - 1, "for");
    }

  /* 90, 80 ×4, 20: mean 71.67, trimmed (80 ×4) 80, spread 70. */
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->mean, 430 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->trimmed_mean, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->final_score, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->spread, 70, 1e-9);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Normalised per member: the first is each member's better one, z = +1
   * for all, a T-score of 60; the second 40. */
  configure (f, 2, "chair", "mean", TRUE);
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->normalised, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, second)->normalised, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->final_score, 60, 1e-9);
  g_clear_pointer (&results, g_ptr_array_unref);

  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  rounds = xf_evaluation_list_rounds (f->as_reviewer[0], f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((XfReviewRound *) g_ptr_array_index (rounds, 0))->aggregation, ==, "mean");
  g_assert_true (((XfReviewRound *) g_ptr_array_index (rounds, 0))->normalise);

  /* The choice recorded holds even when the campaign changes afterwards. */
  configure (f, 2, "chair", "trimmed-mean", FALSE);
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpfloat_with_epsilon (find_result (results, first)->final_score, 60, 1e-9);
}

/* The rules the committee scores and votes by — rubric, quota, quorum,
 * pass threshold, tie rule — are fixed once a round has opened: scores
 * name the rubric's criteria, and a closed round's results must stay what
 * the nominations were moved by. The aggregation stays the campaign's
 * choice until a round closes, which records it. */
static void
test_rules_fixed_once_reviewed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  gint64 first, second, round_id, audit;

  (void) data;
  configure (f, 2, "chair", "mean", FALSE);
  round_id = nominate_and_open (f, &first, &second, NULL);
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      review (f->as_reviewer[i], round_id, first, 9, "for");
      review (f->as_reviewer[i], round_id, second, 8, "for");
    }

  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  audit = xf_test_count_audit (f->store);
  xf_campaign_set_quota (campaign, 1);
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "Quota"));
  g_clear_error (&error);
  xf_campaign_set_quota (campaign, 2);
  g_ptr_array_add (xf_campaign_get_rubric (campaign),
                   xf_criterion_new ("extra", "附加分", NULL, 10, 10));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "Scoring rubric"));
  g_clear_error (&error);
  g_ptr_array_remove_index (xf_campaign_get_rubric (campaign),
                            xf_campaign_get_rubric (campaign)->len - 1);
  xf_campaign_set_pass (campaign, 1, 2);
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "Pass threshold"));
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  /* Anything else may still change. */
  xf_campaign_set_pass (campaign, 2, 3);
  xf_campaign_set_title (campaign, "2026年度德清县劳动模范（修订）");
  g_assert_true (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_no_error (error);

  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  g_clear_object (&campaign);
  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  xf_campaign_set_quota (campaign, 1);
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* So the closed round shows what it decided: both within the quota. */
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_true (find_result (results, first)->within_quota);
  g_assert_true (find_result (results, second)->within_quota);
}

static void
test_everyone_recused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *result = NULL;
  g_autofree char *sql = NULL;
  gint64 pioneer, own, other, round_id;

  (void) data;
  /* Nominated by the very unit every member belongs to. */
  pioneer = xf_test_add_candidate (f->admin, "钱主任", "湖州市某研究院", "330521001");
  own = xf_test_submit (f->admin, f->campaign_id, pioneer, "湖州市评审专家库");
  xf_test_to_committee (f->admin, own);
  other = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, other, 8, "for");

  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpuint (find_result (results, own)->votes.recused, ==, N_REVIEWERS);
  g_assert_false (find_result (results, own)->quorum_met);
  g_assert_cmpuint (find_result (results, own)->n_scored, ==, 0);
  g_assert_true (isnan (find_result (results, own)->mean));

  /* Nobody can vote on it, so it does not hold the round open. */
  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  assert_stage (f, own, XF_STAGE_NOT_SELECTED);
  sql = g_strdup_printf ("SELECT result FROM round_nominations WHERE nomination_id = %" G_GINT64_FORMAT, own);
  result = xf_test_query_text (f->store, sql);
  g_assert_cmpstr (result, ==, "no-quorum");
}

/* A nomination withdrawn by its unit while its round is open drops out
 * of the round: it blocks neither quorum nor closing, nobody owes a vote
 * on it, and closing leaves it withdrawn. */
static void
test_withdrawn_in_round (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GArray) held = NULL;
  g_autofree char *sql = NULL;
  gint64 kept, withdrawn, round_id;

  (void) data;
  kept = nominate (f, "王师傅", "德清县某机械厂");
  withdrawn = nominate (f, "李老师", "德清县第一中学");
  round_id = open_round (f);
  for (guint i = 0; i < N_REVIEWERS; i++)
    review (f->as_reviewer[i], round_id, kept, 8, "for");
  /* One vote on the other, then the unit withdraws it. */
  review (f->as_reviewer[2], round_id, withdrawn, 8, "for");
  g_assert_true (xf_evaluation_act (f->admin, withdrawn, XF_ACTION_WITHDRAW, "候选人调离", &error));
  g_assert_no_error (error);

  held = xf_evaluation_list_round_nominations (f->as_reviewer[0], round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, ==, 1);
  g_assert_cmpint (g_array_index (held, gint64, 0), ==, kept);
  progress = xf_evaluation_get_round_progress (f->as_reviewer[0], round_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < progress->len; i++)
    {
      XfMemberProgress *member = g_ptr_array_index (progress, i);

      g_assert_cmpuint (member->assigned, ==, 1);
      g_assert_cmpuint (member->voted, ==, 1);
    }
  results = results_as (f->as_reviewer[0], round_id);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_false (xf_evaluation_vote (f->as_reviewer[3], round_id, withdrawn, "abstain", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  assert_stage (f, withdrawn, XF_STAGE_WITHDRAWN);
  assert_stage (f, kept, XF_STAGE_NOTICE);
  sql = g_strdup_printf ("SELECT count(*) FROM round_nominations WHERE nomination_id = %" G_GINT64_FORMAT
                         " AND result IS NULL", withdrawn);
  g_assert_cmpint (xf_test_query_int64 (f->store, sql), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_committee_test ("quorum-blocks-closing", test_quorum_blocks_closing);
  add_committee_test ("exact-threshold-and-close", test_exact_threshold_and_close);
  add_committee_test ("tie-resolved-by-chair", test_tie_resolved_by_chair);
  add_committee_test ("tie-broken-by-votes", test_tie_broken_by_votes);
  add_committee_test ("visibility", test_visibility);
  add_committee_test ("trimmed-and-normalised", test_trimmed_and_normalised);
  add_committee_test ("everyone-recused", test_everyone_recused);
  add_committee_test ("rules-fixed-once-reviewed", test_rules_fixed_once_reviewed);
  add_committee_test ("withdrawn-in-round", test_withdrawn_in_round);

  return g_test_run ();
}
