/* test-committee.c — committee review: rounds, recusals, scores, votes, results
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-test-evaluation.h"

/*
 * A county campaign with a committee of six reviewers: reviewer 0 is the
 * chair; reviewer 1 works at the hospital that employs the candidate
 * "张医生", so is recused from that nomination automatically when a round
 * opens. "director" is an administrator who is not on the committee;
 * "clerk" a Deqing clerk. The default rubric has four criteria, each
 * scored out of 10 (weights 40, 30, 20, 10): scoring every criterion s
 * gives a weighted score of 10·s.
 */

#define N_REVIEWERS 6
#define HOSPITAL "德清县人民医院"

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;                      /* the local administrator */
  XfAccount    *reviewer[N_REVIEWERS];
  XfEvaluation *as_reviewer[N_REVIEWERS];
  XfAccount    *director;
  XfEvaluation *as_director;
  XfAccount    *clerk;
  XfEvaluation *as_clerk;
  gint64        campaign_id;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GError) error = NULL;

  (void) data;
  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  f->store = xf_test_open_store ();
  f->admin = xf_test_evaluation_new (f->store, NULL);
  f->campaign_id = xf_test_add_campaign (f->admin, "county", 2);

  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      g_autofree char *login = g_strdup_printf ("reviewer%u", i);
      XfCommitteeMember *member;

      f->reviewer[i] = xf_test_add_account (f->store, login, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
      f->as_reviewer[i] = xf_test_evaluation_new (f->store, f->reviewer[i]);
      member = xf_committee_member_new (xf_account_get_id (f->reviewer[i]), i == 0);
      member->employer = g_strdup (i == 1 ? HOSPITAL : "湖州师范学院");
      member->unit = g_strdup ("湖州市评审专家库");
      g_ptr_array_add (members, member);
    }
  g_assert_true (xf_evaluation_set_committee (f->admin, f->campaign_id, members, &error));
  g_assert_no_error (error);

  f->director = xf_test_add_account (f->store, "director", XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
  f->as_director = xf_test_evaluation_new (f->store, f->director);
  f->clerk = xf_test_add_account (f->store, "clerk", XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  f->as_clerk = xf_test_evaluation_new (f->store, f->clerk);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  (void) data;
  for (guint i = 0; i < N_REVIEWERS; i++)
    {
      g_clear_object (&f->as_reviewer[i]);
      g_clear_object (&f->reviewer[i]);
    }
  g_clear_object (&f->as_director);
  g_clear_object (&f->director);
  g_clear_object (&f->as_clerk);
  g_clear_object (&f->clerk);
  g_clear_object (&f->admin);
  g_clear_object (&f->store);
  g_unsetenv ("XIANFENG_TODAY");
}

/* The campaign's quota and rules (as the administrator). */
static void
configure (Fixture    *f,
           int         quota,
           const char *tie_rule,
           const char *aggregation,
           gboolean    normalise)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  xf_campaign_set_quota (campaign, quota);
  xf_campaign_set_tie_rule (campaign, tie_rule);
  xf_campaign_set_aggregation (campaign, aggregation);
  xf_campaign_set_normalise (campaign, normalise);
  g_assert_true (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_no_error (error);
}

static gint64
nominate (Fixture    *f,
          const char *name,
          const char *employer)
{
  gint64 pioneer = xf_test_add_candidate (f->admin, name, employer, "330521001");
  gint64 id = xf_test_submit (f->admin, f->campaign_id, pioneer, "德清县总工会");

  xf_test_to_committee (f->admin, id);
  return id;
}

static gint64
open_round (Fixture *f)
{
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GError) error = NULL;

  round = xf_evaluation_open_round (f->as_reviewer[0], f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);
  g_assert_cmpstr (round->status, ==, "open");
  return round->id;
}

static void
declare (XfEvaluation *evaluation,
         gint64        round_id,
         gint64        nomination_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_declare (evaluation, round_id, nomination_id, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
score (XfEvaluation *evaluation,
       gint64        round_id,
       gint64        nomination_id,
       double        value)
{
  const double scores[4] = { value, value, value, value };
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_save_scores (evaluation, round_id, nomination_id, scores, 4, &error));
  g_assert_no_error (error);
}

static void
cast (XfEvaluation *evaluation,
      gint64        round_id,
      gint64        nomination_id,
      const char   *vote)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_vote (evaluation, round_id, nomination_id, vote, &error));
  g_assert_no_error (error);
}

/* Declare, score every criterion @value (unless NAN) and vote. */
static void
review (XfEvaluation *evaluation,
        gint64        round_id,
        gint64        nomination_id,
        double        value,
        const char   *vote)
{
  declare (evaluation, round_id, nomination_id);
  if (!isnan (value))
    score (evaluation, round_id, nomination_id, value);
  cast (evaluation, round_id, nomination_id, vote);
}

static XfNominationResult *
find_result (GPtrArray *results,
             gint64     nomination_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      XfNominationResult *result = g_ptr_array_index (results, i);

      if (result->nomination_id == nomination_id)
        return result;
    }
  g_assert_not_reached ();
}

static GPtrArray *
results_as (XfEvaluation *evaluation,
            gint64        round_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = xf_evaluation_compute_results (evaluation, round_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static char *
stage_of (Fixture *f,
          gint64   nomination_id)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;

  nomination = xf_evaluation_get_nomination (f->admin, nomination_id, &error);
  g_assert_no_error (error);
  return g_strdup (xf_nomination_get_stage (nomination));
}

static gint64
count_audit (Fixture    *f,
             const char *action,
             const char *record_type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s' "
                                          "AND record_type = '%s'", action, record_type);

  return xf_test_query_int64 (f->store, sql);
}

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
    g_autofree char *stage = stage_of (f, nomination);

    g_assert_cmpstr (stage, ==, XF_STAGE_COMMITTEE);
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

static void
test_quorum_blocks_closing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first, second, round_id, audit;

  (void) data;
  first = nominate (f, "王师傅", "德清县某机械厂");
  second = nominate (f, "李老师", "德清县第一中学");
  round_id = open_round (f);
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
    g_autofree char *stage = stage_of (f, first);

    g_assert_cmpstr (stage, ==, XF_STAGE_COMMITTEE);
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

static void
test_exact_threshold_and_close (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *result = NULL;
  g_autofree char *sql = NULL;
  gint64 first, second, round_id;
  guint changed = 0;

  (void) data;
  first = nominate (f, "王师傅", "德清县某机械厂");
  second = nominate (f, "李老师", "德清县第一中学");
  round_id = open_round (f);

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
  stage = stage_of (f, first);
  g_assert_cmpstr (stage, ==, XF_STAGE_NOTICE);
  g_free (stage);
  stage = stage_of (f, second);
  g_assert_cmpstr (stage, ==, XF_STAGE_NOT_SELECTED);

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
  g_autofree char *stage = NULL;
  gint64 first, second, third, round_id, order[2];

  (void) data;
  configure (f, 1, "chair", "mean", FALSE);
  first = nominate (f, "王师傅", "德清县某机械厂");
  second = nominate (f, "李老师", "德清县第一中学");
  third = nominate (f, "赵工", "德清县某建筑公司");
  round_id = open_round (f);
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
  stage = stage_of (f, second);
  g_assert_cmpstr (stage, ==, XF_STAGE_NOTICE);
  g_free (stage);
  stage = stage_of (f, first);
  g_assert_cmpstr (stage, ==, XF_STAGE_NOT_SELECTED);
  g_free (stage);
  stage = stage_of (f, third);
  g_assert_cmpstr (stage, ==, XF_STAGE_NOT_SELECTED);
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
  first = nominate (f, "王师傅", "德清县某机械厂");
  second = nominate (f, "李老师", "德清县第一中学");
  third = nominate (f, "赵工", "德清县某建筑公司");
  round_id = open_round (f);
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
  first = nominate (f, "王师傅", "德清县某机械厂");
  second = nominate (f, "李老师", "德清县第一中学");
  round_id = open_round (f);
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

#define ADD(path, func) \
  g_test_add ("/core/committee/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("chair-only", test_chair_only);
  ADD ("recused", test_recused);
  ADD ("declare-before-scoring", test_declare_before_scoring);
  ADD ("quorum-blocks-closing", test_quorum_blocks_closing);
  ADD ("exact-threshold-and-close", test_exact_threshold_and_close);
  ADD ("tie-resolved-by-chair", test_tie_resolved_by_chair);
  ADD ("tie-broken-by-votes", test_tie_broken_by_votes);
  ADD ("visibility", test_visibility);
  ADD ("progress-and-reminders", test_progress_and_reminders);
  ADD ("trimmed-and-normalised", test_trimmed_and_normalised);
  ADD ("nothing-to-review", test_nothing_to_review);

  return g_test_run ();
}
