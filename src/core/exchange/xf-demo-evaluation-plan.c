/* xf-demo-evaluation-plan.c — when each demo nomination moves, and how members score
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <math.h>

#include "xf-demo-evaluation-private.h"

/*
 * Every age below is in working days before the campaign's "today". The
 * targets are picked so that open stages come out on time, due soon
 * (two working days or less) and overdue: a stage entered N working days
 * ago with a budget of B has B − N days left.
 *
 * Reasons are what a clerk or a department types: data, not interface
 * text, so they are Chinese and not translated.
 */

static const char * const return_reasons[] = {
  "事迹材料缺少近三年工作业绩证明，请补充后重新提交",
  "推荐表未加盖推荐单位公章，请盖章后重新提交",
  "个人简历与人事档案记载的参加工作时间不一致，请核实",
};

static const char * const reject_reasons[] = {
  "候选人已调离本地区工作，不在本次评选范围内",
  "候选人近五年内受过处分，不符合推荐条件",
};

static const char * const withdraw_reasons[] = {
  "候选人本人申请撤回",
  "推荐单位调整推荐人选",
};

static void
add_event (GArray         *events,
           int             ago,
           DemoEventKind   kind,
           DemoCampaign   *campaign,
           DemoNomination *nomination,
           const char     *text)
{
  DemoEvent event = { MAX (ago, 0), events->len, kind, campaign, nomination, text, 0, REVIEW_FULL };

  g_array_append_val (events, event);
}

static void
add_review (GArray         *events,
            int             ago,
            DemoCampaign   *campaign,
            guint           member,
            DemoReviewMode  mode)
{
  DemoEvent event = { MAX (ago, 0), events->len, EV_REVIEW, campaign, NULL, NULL, member, mode };

  g_array_append_val (events, event);
}

static guint
n_members (const DemoPlan *plan)
{
  guint n = 0;

  while (n < DEMO_MAX_MEMBERS && plan->members[n] != NULL)
    n++;
  return n;
}

/* The first of @targets (tried from the k-th on) strictly between @low and @high. */
static int
pick_age (const int *targets,
          guint      n_targets,
          guint      k,
          int        low,
          int        high)
{
  for (guint i = 0; i < n_targets; i++)
    {
      int age = targets[(k + i) % n_targets];

      if (age > low && age < high)
        return age;
    }
  return MIN (low + 1, high - 1);
}

/* Drafted two days before, submitted on @submitted. */
static void
add_submission (GArray         *events,
                DemoCampaign   *campaign,
                DemoNomination *nomination,
                int             submitted)
{
  add_event (events, submitted + 2, EV_SAVE, campaign, nomination, NULL);
  add_event (events, submitted, EV_SUBMIT, campaign, nomination, NULL);
}

/* Departments @first … @last − 1 clear between @submitted and @until
 * (older first), the later ones nearer @until. */
static void
add_clearances (GArray         *events,
                DemoCampaign   *campaign,
                DemoNomination *nomination,
                guint           first,
                guint           last,
                int             submitted,
                int             until)
{
  GPtrArray *vetting = xf_campaign_get_vetting (campaign->campaign);

  last = MIN (last, vetting->len);
  for (guint j = first; j < last; j++)
    {
      const XfVettingDepartment *department = g_ptr_array_index (vetting, j);
      int span = MAX (submitted - until, 1);
      int ago = until + (span * (int) (last - j)) / (int) (last - first + 1);

      add_event (events, MIN (ago, submitted - 1), EV_CLEAR, campaign, nomination, department->code);
    }
}

/* Submitted, vetted and passed so as to reach the committee @committee_on. */
static void
add_to_committee (GArray         *events,
                  XfDemoRng      *rng,
                  DemoCampaign   *campaign,
                  DemoNomination *nomination,
                  int             committee_on)
{
  guint n_vetting = xf_campaign_get_vetting (campaign->campaign)->len;
  /* Mostly within the 10 days of preliminary review, now and then late. */
  int submitted = committee_on + _xf_demo_rng_range (rng, 5, 10) + (_xf_demo_rng_chance (rng, 150) ? 2 : 0);

  add_submission (events, campaign, nomination, submitted);
  add_clearances (events, campaign, nomination, 0, n_vetting, submitted, committee_on);
  add_event (events, committee_on, EV_PASS, campaign, nomination, NULL);
}

static void
add_nomination_events (GArray         *events,
                       XfDemoRng      *rng,
                       DemoCampaign   *campaign,
                       DemoNomination *nomination,
                       guint           k)
{
  static const int preliminary_ages[] = { 1, 12, 5, 9, 3, 14, 8, 10 };
  static const int vetting_ages[] = { 4, 7, 11 };
  static const int returned_ages[] = { 9, 15, 20 };
  static const int resubmitted_ages[] = { 8, 4 };
  static const int waiting_ages[] = { 1, 3, 8, 11, 2, 6 };
  static const int open_round_ages[] = { 4, 8, 9, 12, 15, 6, 5, 10 };
  const DemoPlan *plan = campaign->plan;
  GPtrArray *vetting = xf_campaign_get_vetting (campaign->campaign);
  guint n_vetting = vetting->len;
  int latest_round = plan->round2_open > 0 ? plan->round2_open : plan->round1_open;
  int submitted;

  switch (nomination->fate)
    {
    case FATE_DRAFT:
      add_event (events, 2 + 4 * (int) (k % 2), EV_SAVE, campaign, nomination, NULL);
      break;

    case FATE_PRELIMINARY:
      submitted = preliminary_ages[k % G_N_ELEMENTS (preliminary_ages)];
      add_submission (events, campaign, nomination, submitted);
      /* Some departments answer early; at least one is still pending. */
      if (submitted >= 3 && n_vetting > 1)
        add_clearances (events, campaign, nomination, 0, n_vetting / 2, submitted, 1);
      break;

    case FATE_VETTING:
      submitted = vetting_ages[k % G_N_ELEMENTS (vetting_ages)];
      add_submission (events, campaign, nomination, submitted);
      add_clearances (events, campaign, nomination, 0, n_vetting - 1, submitted, submitted - 1);
      add_event (events, submitted - 2, EV_PASS, campaign, nomination, NULL);
      break;

    case FATE_RETURNED:
      submitted = returned_ages[k % G_N_ELEMENTS (returned_ages)];
      add_submission (events, campaign, nomination, submitted);
      add_clearances (events, campaign, nomination, 0, 1, submitted, submitted - 1);
      add_event (events, submitted - 3, EV_RETURN, campaign, nomination,
                 return_reasons[k % G_N_ELEMENTS (return_reasons)]);
      break;

    case FATE_RESUBMITTED:
      submitted = 22;
      add_submission (events, campaign, nomination, submitted);
      add_event (events, submitted - 4, EV_RETURN, campaign, nomination,
                 return_reasons[(k + 1) % G_N_ELEMENTS (return_reasons)]);
      /* Vetting runs on while the unit revises. */
      add_clearances (events, campaign, nomination, 0, 2, submitted - 5, submitted - 7);
      add_event (events, resubmitted_ages[k % G_N_ELEMENTS (resubmitted_ages)], EV_RESUBMIT,
                 campaign, nomination, NULL);
      break;

    case FATE_REJECTED:
      submitted = 14 + (int) (k * 7) % 16;
      add_submission (events, campaign, nomination, submitted);
      add_event (events, submitted - 4, EV_REJECT, campaign, nomination,
                 reject_reasons[k % G_N_ELEMENTS (reject_reasons)]);
      break;

    case FATE_VETOED:
      {
        guint vetoing = k % 2 == 0 ? 0 : n_vetting - 1;
        const XfVettingDepartment *department = g_ptr_array_index (vetting, vetoing);

        submitted = 16 + (int) (k * 5) % 12;
        add_submission (events, campaign, nomination, submitted);
        for (guint j = 0; j < n_vetting; j++)
          if (j != vetoing)
            add_event (events, submitted - 2, EV_CLEAR, campaign, nomination,
                       ((const XfVettingDepartment *) g_ptr_array_index (vetting, j))->code);
        add_event (events, submitted - 5, EV_VETO, campaign, nomination, department->code);
      }
      break;

    case FATE_WITHDRAWN:
      submitted = 12 + (int) (k * 3) % 12;
      add_submission (events, campaign, nomination, submitted);
      add_event (events, submitted - 3, EV_WITHDRAW, campaign, nomination,
                 withdraw_reasons[k % G_N_ELEMENTS (withdraw_reasons)]);
      break;

    case FATE_WAITING:
      add_to_committee (events, rng, campaign, nomination,
                        pick_age (waiting_ages, G_N_ELEMENTS (waiting_ages), k, 0,
                                  latest_round > 0 ? latest_round : 40));
      break;

    case FATE_OPEN_ROUND:
      add_to_committee (events, rng, campaign, nomination,
                        pick_age (open_round_ages, G_N_ELEMENTS (open_round_ages), k, plan->round2_open,
                                  plan->round1_open > 0 ? plan->round1_open : 30));
      break;

    case FATE_CLOSED_ROUND:
      add_to_committee (events, rng, campaign, nomination, plan->round1_open + 1 + (int) (k % 4));
      break;

    case N_FATES:
    default:
      g_assert_not_reached ();
    }
}

void
_xf_demo_plan_events (XfDemoRng    *rng,
                      DemoCampaign *campaign,
                      GPtrArray    *nominations,
                      GArray       *events)
{
  const DemoPlan *plan = campaign->plan;
  guint counters[N_FATES] = { 0 };
  guint members = n_members (plan);
  gboolean closed_round, open_round;

  for (guint i = 0; i < nominations->len; i++)
    {
      DemoNomination *nomination = g_ptr_array_index (nominations, i);
      guint k;

      if (nomination->campaign != campaign)
        continue;
      k = counters[nomination->fate]++;
      /* The first few of the closed round fail the vote; the others pass,
       * strongest first. Open-round ones: three in four look strong. */
      if (nomination->fate == FATE_CLOSED_ROUND)
        nomination->passes = k >= (guint) plan->n_fail;
      else
        nomination->passes = k % 4 != 3;
      nomination->strength = nomination->passes ? 9.3 - 0.17 * (k % 10) : 6.4 - 0.3 * (k % 4);
      add_nomination_events (events, rng, campaign, nomination, k);
    }

  /* A small registry may leave a round with nobody to review. */
  closed_round = counters[FATE_CLOSED_ROUND] > 0;
  open_round = counters[FATE_OPEN_ROUND] > 0;
  if (plan->round1_open > 0 && closed_round)
    {
      int span = MAX (plan->round1_open - plan->round1_close - 1, 1);

      add_event (events, plan->round1_open, EV_OPEN_ROUND, campaign, NULL, NULL);
      for (guint m = 0; m < members; m++)
        add_review (events, plan->round1_close + 1 + (int) ((m * 2) % (guint) span), campaign, m,
                    REVIEW_FULL);
      add_event (events, plan->round1_close, EV_CLOSE_ROUND, campaign, NULL, NULL);
      _xf_demo_plan_notice_events (campaign, events);
    }
  if (plan->notice_close > 0)
    add_event (events, plan->notice_close, EV_CLOSE_NOTICES, campaign, NULL, NULL);
  if (plan->decide > 0)
    add_event (events, plan->decide, EV_DECIDE, campaign, NULL, NULL);
  if (plan->round2_open > 0 && open_round)
    {
      add_event (events, plan->round2_open, EV_OPEN_ROUND, campaign, NULL, NULL);
      for (guint m = 1; m <= (guint) plan->round2_full && m < members; m++)
        add_review (events, plan->round2_open - 1 - (int) (m % 2), campaign, m, REVIEW_FULL);
      if ((guint) plan->round2_full + 1 < members)
        add_review (events, plan->round2_open - 2, campaign, plan->round2_full + 1, REVIEW_PARTIAL);
      if (plan->remind > 0)
        add_event (events, plan->remind, EV_REMIND, campaign, NULL, NULL);
    }
  if (plan->close_campaign > 0)
    add_event (events, plan->close_campaign, EV_CLOSE_CAMPAIGN, campaign, NULL, NULL);
}

/*
 * Scores and votes
 */

/* A small hash, so that a member's scores of a nomination do not depend
 * on the order the events run in. */
static guint32
mix (guint64 a,
     guint64 b,
     guint64 c)
{
  guint64 h = a * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ (b + 0x7F4A7C15) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9)
              ^ (c + 1) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0xD6E8FEB86659FD93);
  return (guint32) (h >> 32);
}

void
_xf_demo_review_scores (DemoNomination *nomination,
                        GPtrArray      *rubric,
                        guint           member,
                        double         *scores)
{
  /* Some members are lenient, some severe: −0.8 … +0.8. */
  double leniency = ((int) ((member * 37) % 9) - 4) * 0.2;

  for (guint i = 0; i < rubric->len; i++)
    {
      const XfCriterion *criterion = g_ptr_array_index (rubric, i);
      double noise = (mix ((guint64) nomination->pioneer_id, member, i) % 13) / 10.0 - 0.6;
      double out_of_ten = CLAMP (nomination->strength + leniency + noise, 0.0, 10.0);

      /* Members score in half points. */
      scores[i] = round (out_of_ten * 2) / 2 * criterion->max / 10.0;
    }
}

/* Passing: at most one member does not vote for, so at least two thirds
 * of any quorum do. Failing: at most one votes for. */
const char *
_xf_demo_review_vote (DemoNomination *nomination,
                      guint           member)
{
  guint members = n_members (nomination->campaign->plan);
  guint odd_one = (guint) (nomination->pioneer_id % members);

  if (nomination->passes)
    return member == odd_one && members >= 5 ? (nomination->pioneer_id % 2 == 0 ? "abstain" : "against")
                                             : "for";
  if (member == odd_one)
    return "for";
  return member == (odd_one + 1) % members ? "abstain" : "against";
}
