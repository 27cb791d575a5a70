/* xf-test-committee.h — a campaign with a committee of six, for the committee tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <string.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-test-evaluation.h"

G_BEGIN_DECLS

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

/* The fixture on @store (taken). */
static inline void
set_up_on (Fixture *f,
           XfStore *store)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  f->store = store;
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

static inline void
set_up (Fixture       *f,
        gconstpointer  data)
{
  (void) data;
  set_up_on (f, xf_test_open_store ());
}

static inline void
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
static inline void
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

static inline gint64
nominate (Fixture    *f,
          const char *name,
          const char *employer)
{
  gint64 pioneer = xf_test_add_candidate (f->admin, name, employer, "330521001");
  gint64 id = xf_test_submit (f->admin, f->campaign_id, pioneer, "德清县总工会");

  xf_test_to_committee (f->admin, id);
  return id;
}

static inline gint64
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

static inline void
declare (XfEvaluation *evaluation,
         gint64        round_id,
         gint64        nomination_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_declare (evaluation, round_id, nomination_id, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static inline void
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

static inline void
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
static inline void
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

static inline XfNominationResult *
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

static inline GPtrArray *
results_as (XfEvaluation *evaluation,
            gint64        round_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = xf_evaluation_compute_results (evaluation, round_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static inline char *
stage_of (Fixture *f,
          gint64   nomination_id)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;

  nomination = xf_evaluation_get_nomination (f->admin, nomination_id, &error);
  g_assert_no_error (error);
  return g_strdup (xf_nomination_get_stage (nomination));
}

/* Registers a committee test on the shared fixture. */
#define add_committee_test(path, func) \
  g_test_add ("/core/committee/" path, Fixture, NULL, set_up, func, tear_down)

/* Fails the test unless nomination @id is in the stage @expected. */
#define assert_stage(f, id, expected) \
  G_STMT_START \
    { \
      g_autofree char *stage_ = stage_of ((f), (id)); \
      g_assert_cmpstr (stage_, ==, (expected)); \
    } \
  G_STMT_END

static inline gint64
count_audit (Fixture    *f,
             const char *action,
             const char *record_type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s' "
                                          "AND record_type = '%s'", action, record_type);

  return xf_test_query_int64 (f->store, sql);
}

G_END_DECLS
