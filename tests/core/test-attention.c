/* test-attention.c — attention items, reminders and the campaign report
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time moves with $XIANFENG_TODAY. Dates counted against
 * data/calendar/cn-holidays.json (October 2024, after National Day):
 *   submitted Mon 10-14; preliminary and vetting budgets of 10 working days
 *   → due Mon 10-28. On Wed 10-23 three working days are left (24, 25, 28),
 *   on Thu 10-24 two (due soon), on Tue 10-29 it is overdue.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-test-evaluation.h"
#include "xf-test-store.h"

#define DEQING    "330521"
#define CHANGXING "330522"

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;
  gint64        campaign_id;
} Fixture;

static void
set_today (const char *date)
{
  g_setenv ("XIANFENG_TODAY", date, TRUE);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(XfAccount) admin = NULL;

  set_today ("2024-10-14");
  fixture->store = xf_test_open_store ();
  admin = xf_test_add_account (fixture->store, "admin", XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
  fixture->admin = xf_test_evaluation_new (fixture->store, admin);
  fixture->campaign_id = xf_test_add_campaign (fixture->admin, "county", 1);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_unsetenv ("XIANFENG_TODAY");
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
}

/* An evaluation acting as a new account. */
static XfEvaluation *
as_account (Fixture     *fixture,
            const char  *login,
            XfRole       role,
            XfScopeKind  scope,
            const char  *value)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role, scope, value);

  return xf_test_evaluation_new (fixture->store, account);
}

static GPtrArray *
attention (XfEvaluation *evaluation)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = xf_evaluation_list_attention (evaluation, &error);
  gint64 count;

  g_assert_no_error (error);
  g_assert_nonnull (items);
  count = xf_evaluation_count_attention (evaluation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, items->len);
  return items;
}

/* The items of one kind. */
static guint
count_kind (GPtrArray  *items,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_strcmp0 (((XfAttentionItem *) g_ptr_array_index (items, i))->kind, kind) == 0;
  return n;
}

static XfAttentionItem *
find_kind (GPtrArray  *items,
           const char *kind)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((XfAttentionItem *) g_ptr_array_index (items, i))->kind, kind) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

static GPtrArray *
reminders_at (XfEvaluation *evaluation,
              int month, int day, int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, month, day, hour, 0, 0);
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = xf_evaluation_list_reminders (evaluation, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

static XfReminder *
find_reminder (GPtrArray  *reminders,
               const char *key_prefix)
{
  for (guint i = 0; i < reminders->len; i++)
    if (g_str_has_prefix (((XfReminder *) g_ptr_array_index (reminders, i))->key, key_prefix))
      return g_ptr_array_index (reminders, i);
  return NULL;
}

static void
act (XfEvaluation *evaluation,
     gint64        nomination_id,
     XfAction      action,
     const char   *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_act (evaluation, nomination_id, action, reason, &error));
  g_assert_no_error (error);
}

/* Declares no conflict, scores and votes for. */
static void
vote_for (XfEvaluation *evaluation,
          gint64        round_id,
          gint64        nomination_id)
{
  g_autoptr(GError) error = NULL;
  double scores[] = { 9, 8, 7, 8 };

  g_assert_true (xf_evaluation_declare (evaluation, round_id, nomination_id, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_save_scores (evaluation, round_id, nomination_id, scores,
                                            G_N_ELEMENTS (scores), &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_vote (evaluation, round_id, nomination_id, "for", &error));
  g_assert_no_error (error);
}

/* Makes new reviewers @logins (the first chairs) the campaign's committee
 * and fills @as with an evaluation acting as each; then takes a nomination
 * of 钱丽萍 to committee review and lets the chair open a round. */
static XfReviewRound *
open_committee_round (Fixture            *fixture,
                      const char * const *logins,
                      guint               n_logins,
                      GPtrArray          *as,
                      gint64             *nomination_id)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GError) error = NULL;
  XfReviewRound *round;
  gint64 pioneer_id;

  for (guint i = 0; i < n_logins; i++)
    {
      g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, logins[i], XF_ROLE_REVIEWER,
                                                          XF_SCOPE_ALL, NULL);

      g_ptr_array_add (members, xf_committee_member_new (xf_account_get_id (account), i == 0));
      g_ptr_array_add (as, xf_test_evaluation_new (fixture->store, account));
    }
  g_assert_true (xf_evaluation_set_committee (fixture->admin, fixture->campaign_id, members, &error));
  g_assert_no_error (error);

  pioneer_id = xf_test_add_candidate (fixture->admin, "钱丽萍", "新市镇卫生院", DEQING "102");
  *nomination_id = xf_test_submit (fixture->admin, fixture->campaign_id, pioneer_id, "新市镇总工会");
  xf_test_to_committee (fixture->admin, *nomination_id);
  round = xf_evaluation_open_round (g_ptr_array_index (as, 0), fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);
  return round;
}

/* A nomination in preliminary review: the stage and four vetting sign-offs
 * become due soon, then overdue, for those who may act on them there. */
static void
test_preliminary (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfEvaluation) deqing = as_account (fixture, "deqing", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(XfEvaluation) changxing = as_account (fixture, "changxing", XF_ROLE_CLERK, XF_SCOPE_REGION, CHANGXING);
  g_autoptr(XfEvaluation) reviewer = as_account (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  g_autoptr(GError) error = NULL;
  XfAttentionItem *item;
  gint64 pioneer_id, nomination_id;

  pioneer_id = xf_test_add_candidate (fixture->admin, "沈建国", "德清钢铁厂", DEQING "101");
  nomination_id = xf_test_submit (fixture->admin, fixture->campaign_id, pioneer_id, "德清县总工会");

  /* Three working days left: nothing yet. */
  set_today ("2024-10-23");
  items = attention (deqing);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Two left: due soon, the stage and each vetting department. */
  set_today ("2024-10-24");
  items = attention (deqing);
  g_assert_cmpuint (count_kind (items, "stage"), ==, 1);
  g_assert_cmpuint (count_kind (items, "vetting"), ==, 4);
  g_assert_cmpuint (items->len, ==, 5);
  item = find_kind (items, "stage");
  g_assert_cmpint (item->nomination_id, ==, nomination_id);
  g_assert_cmpint (item->campaign_id, ==, fixture->campaign_id);
  g_assert_cmpstr (item->candidate_name, ==, "沈建国");
  g_assert_cmpstr (item->stage, ==, "preliminary");
  g_assert_cmpstr (item->what, ==, "Preliminary review");
  g_assert_cmpstr (item->due_on, ==, "2024-10-28");
  g_assert_cmpint (item->days_left, ==, 2);
  g_assert_cmpint (item->state, ==, XF_DUE_SOON);
  item = find_kind (items, "vetting");
  g_assert_true (g_str_has_prefix (item->what, "Vetting: "));
  g_assert_cmpstr (item->due_on, ==, "2024-10-28");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Not another region's clerk, not a reviewer; the administrator, yes. */
  items = attention (changxing);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = attention (reviewer);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = attention (fixture->admin);
  g_assert_cmpuint (items->len, ==, 5);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Over the weekend and past Monday: overdue. */
  set_today ("2024-10-26");
  items = attention (deqing);
  g_assert_cmpint (find_kind (items, "stage")->days_left, ==, 1);   /* Monday 28 */
  g_clear_pointer (&items, g_ptr_array_unref);
  set_today ("2024-10-29");
  items = attention (deqing);
  g_assert_cmpuint (items->len, ==, 5);
  item = find_kind (items, "stage");
  g_assert_cmpint (item->state, ==, XF_DUE_OVERDUE);
  g_assert_cmpint (item->days_left, ==, -1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Signed off: the vetting items go, the stage stays. */
  vettings = xf_evaluation_list_vettings (deqing, nomination_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vettings->len, ==, 4);
  for (guint i = 0; i < vettings->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (vettings, i);

      g_assert_true (xf_evaluation_sign_off (deqing, nomination_id, vetting->department_code,
                                             FALSE, NULL, &error));
      g_assert_no_error (error);
    }
  items = attention (deqing);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (find_kind (items, "stage")->stage, ==, "preliminary");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Returned to the unit: no budget, nothing to attend to. */
  act (deqing, nomination_id, XF_ACTION_RETURN, "补充事迹材料");
  items = attention (deqing);
  g_assert_cmpuint (items->len, ==, 0);
}

/* A committee member sees an unvoted nomination of an open round when its
 * committee stage is due soon, until voting; the chair then sees the
 * round to close. */
static void
test_committee (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const logins[] = { "chair", "member" };
  g_autoptr(GPtrArray) as = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XfEvaluation) outsider = NULL;
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  XfEvaluation *chair, *member;
  XfAttentionItem *item;
  gint64 nomination_id;

  round = open_committee_round (fixture, logins, G_N_ELEMENTS (logins), as, &nomination_id);
  chair = g_ptr_array_index (as, 0);
  member = g_ptr_array_index (as, 1);
  outsider = as_account (fixture, "outsider", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);

  /* Committee due Mon 10-28 as well: on time on the 23rd. */
  set_today ("2024-10-23");
  items = attention (member);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  set_today ("2024-10-24");
  items = attention (member);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->kind, ==, "review");
  g_assert_cmpstr (item->what, ==, "Your vote");
  g_assert_cmpstr (item->stage, ==, "committee");
  g_assert_cmpstr (item->due_on, ==, "2024-10-28");
  g_assert_cmpint (item->state, ==, XF_DUE_SOON);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The chair owes a vote too, shown once. */
  items = attention (chair);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (find_kind (items, "review")->what, ==, "Your vote");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Not on the committee: nothing; the administrator neither votes nor chairs. */
  items = attention (outsider);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = attention (fixture->admin);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The member votes: gone. */
  vote_for (member, round->id, nomination_id);
  items = attention (member);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The chair votes: what is left is closing the round. */
  vote_for (chair, round->id, nomination_id);
  items = attention (chair);
  g_assert_cmpuint (items->len, ==, 1);
  item = find_kind (items, "stage");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->what, ==, "Committee review");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Closed: the nomination goes to public notice, with its own budget. */
  g_assert_true (xf_evaluation_close_round (chair, round->id, &error));
  g_assert_no_error (error);
  items = attention (chair);
  g_assert_cmpuint (items->len, ==, 0);
}

/* Reminders come in working time only. */
static void
test_reminders_working_time (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(XfEvaluation) deqing = as_account (fixture, "deqing", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) again = NULL;
  XfReminder *reminder;
  gint64 pioneer_id, nomination_id;
  g_autofree char *key = NULL;

  pioneer_id = xf_test_add_candidate (fixture->admin, "沈建国", "德清钢铁厂", DEQING "101");
  nomination_id = xf_test_submit (fixture->admin, fixture->campaign_id, pioneer_id, "德清县总工会");

  /* Thursday 10-24, due soon: at 10:00 yes, at 20:00 no. */
  set_today ("2024-10-24");
  reminders = reminders_at (deqing, 10, 24, 10);
  g_assert_cmpuint (reminders->len, ==, 5);
  key = g_strdup_printf ("due:%" G_GINT64_FORMAT ":preliminary:2024-10-28", nomination_id);
  reminder = find_reminder (reminders, key);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->key, ==, key);
  g_assert_cmpstr (reminder->title, ==, "Due soon: Preliminary review");
  g_assert_nonnull (strstr (reminder->body, "沈建国"));
  g_assert_nonnull (strstr (reminder->body, "2024-10-28"));
  g_assert_cmpint (reminder->nomination_id, ==, nomination_id);
  g_assert_cmpint (reminder->campaign_id, ==, fixture->campaign_id);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  reminders = reminders_at (deqing, 10, 24, 20);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = reminders_at (deqing, 10, 24, 12);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Sunday 10-27: none; Tuesday 10-29, overdue, with the same key. */
  set_today ("2024-10-27");
  reminders = reminders_at (deqing, 10, 27, 10);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  set_today ("2024-10-29");
  reminders = reminders_at (deqing, 10, 29, 10);
  again = reminders_at (deqing, 10, 29, 15);
  g_assert_cmpuint (reminders->len, ==, 5);
  g_assert_cmpuint (again->len, ==, 5);
  reminder = find_reminder (reminders, key);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->title, ==, "Overdue: Preliminary review");
  for (guint i = 0; i < reminders->len; i++)
    g_assert_cmpstr (((XfReminder *) g_ptr_array_index (reminders, i))->key, ==,
                     ((XfReminder *) g_ptr_array_index (again, i))->key);
  g_assert_nonnull (find_reminder (reminders, "due:"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* The administrator may act anywhere: the same five. */
  reminders = reminders_at (fixture->admin, 10, 29, 10);
  g_assert_cmpuint (reminders->len, ==, 5);
}

/* The chair's reminder reaches a member in working time until the member
 * has voted, or until the round closes. */
static void
test_chair_reminder (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const logins[] = { "chair", "member-a", "member-b" };
  g_autoptr(GPtrArray) as = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  XfEvaluation *chair, *a, *b;
  XfReminder *reminder;
  gint64 nomination_id;

  round = open_committee_round (fixture, logins, G_N_ELEMENTS (logins), as, &nomination_id);
  chair = g_ptr_array_index (as, 0);
  a = g_ptr_array_index (as, 1);
  b = g_ptr_array_index (as, 2);

  /* Tuesday 10-15: the committee stage is on time, so no due reminders. */
  set_today ("2024-10-15");
  reminders = reminders_at (a, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  g_assert_true (xf_evaluation_remind (chair, round->id, 0, &error));
  g_assert_no_error (error);
  prefix = g_strdup_printf ("remind:%" G_GINT64_FORMAT ":", round->id);
  reminders = reminders_at (a, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = find_reminder (reminders, prefix);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->title, ==, "The chair asks for your review");
  g_assert_nonnull (strstr (reminder->body, "1 nomination"));
  g_assert_cmpint (reminder->campaign_id, ==, fixture->campaign_id);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Not at lunch time, not for an outsider. */
  reminders = reminders_at (a, 10, 15, 12);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = reminders_at (fixture->admin, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* The chair and A vote: A's reminder stops, B's holds. */
  vote_for (chair, round->id, nomination_id);
  vote_for (a, round->id, nomination_id);
  reminders = reminders_at (a, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);
  reminders = reminders_at (b, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_nonnull (find_reminder (reminders, prefix));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Quorum (2 of 3) is met: the chair closes the round; B's reminder stops. */
  g_assert_true (xf_evaluation_close_round (chair, round->id, &error));
  g_assert_no_error (error);
  reminders = reminders_at (b, 10, 15, 10);
  g_assert_cmpuint (reminders->len, ==, 0);
}

/* Office days leave out the time with the unit; the average is over the
 * decided nominations, withdrawn ones aside. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCampaignReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 returned, late, open, withdrawn;
  XfReportRow *row;

  /* All submitted on Mon 10-14. */
  returned = xf_test_submit (fixture->admin, fixture->campaign_id,
                             xf_test_add_candidate (fixture->admin, "沈建国", "德清钢铁厂", DEQING "101"),
                             "德清县总工会");
  late = xf_test_submit (fixture->admin, fixture->campaign_id,
                         xf_test_add_candidate (fixture->admin, "钱丽萍", "新市镇卫生院", DEQING "102"),
                         "新市镇总工会");
  open = xf_test_submit (fixture->admin, fixture->campaign_id,
                         xf_test_add_candidate (fixture->admin, "朱晓东", "乾元镇农机站", DEQING "103"),
                         "乾元镇总工会");
  withdrawn = xf_test_submit (fixture->admin, fixture->campaign_id,
                              xf_test_add_candidate (fixture->admin, "姚春燕", "武康街道社区", DEQING "104"),
                              "武康街道总工会");

  /* Returned on Wed 10-16 (2 office days: 15, 16), back on Mon 10-21
   * (3 unit days: 17, 18, 21), rejected Fri 10-25 (4 more: 22–25). */
  set_today ("2024-10-15");
  act (fixture->admin, withdrawn, XF_ACTION_WITHDRAW, "候选人调离");
  set_today ("2024-10-16");
  act (fixture->admin, returned, XF_ACTION_RETURN, "补充事迹材料");
  set_today ("2024-10-21");
  act (fixture->admin, returned, XF_ACTION_RESUBMIT, NULL);
  set_today ("2024-10-25");
  act (fixture->admin, returned, XF_ACTION_REJECT, "事迹不够突出");
  /* Rejected Mon 12-02: 35 working days after 10-14, past the promise of 31. */
  set_today ("2024-12-02");
  act (fixture->admin, late, XF_ACTION_REJECT, "事迹不够突出");

  set_today ("2024-10-30");
  report = xf_evaluation_campaign_report (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->campaign_id, ==, fixture->campaign_id);
  g_assert_cmpint (report->promise_days, ==, 31);
  g_assert_nonnull (report->title);
  g_assert_false (report->unconfirmed);
  g_assert_cmpuint (report->rows->len, ==, 4);

  /* By submission, then id. */
  row = g_ptr_array_index (report->rows, 0);
  g_assert_cmpint (row->nomination_id, ==, returned);
  g_assert_cmpstr (row->candidate_name, ==, "沈建国");
  g_assert_cmpstr (row->nominating_unit, ==, "德清县总工会");
  g_assert_cmpstr (row->stage, ==, "rejected");
  g_assert_cmpstr (row->submitted_on, ==, "2024-10-14");
  g_assert_cmpstr (row->decided_on, ==, "2024-10-25");
  g_assert_cmpint (row->unit_days, ==, 3);
  g_assert_cmpint (row->office_days, ==, 6);
  g_assert_true (row->within_promise);

  row = g_ptr_array_index (report->rows, 1);
  g_assert_cmpint (row->nomination_id, ==, late);
  g_assert_cmpstr (row->decided_on, ==, "2024-12-02");
  g_assert_cmpint (row->office_days, ==, 35);
  g_assert_cmpint (row->unit_days, ==, 0);
  g_assert_false (row->within_promise);

  /* Still open on Wed 10-30: 12 working days so far. */
  row = g_ptr_array_index (report->rows, 2);
  g_assert_cmpint (row->nomination_id, ==, open);
  g_assert_cmpstr (row->stage, ==, "preliminary");
  g_assert_null (row->decided_on);
  g_assert_cmpint (row->office_days, ==, 12);
  g_assert_true (row->within_promise);

  row = g_ptr_array_index (report->rows, 3);
  g_assert_cmpint (row->nomination_id, ==, withdrawn);
  g_assert_cmpstr (row->stage, ==, "withdrawn");
  g_assert_cmpint (row->office_days, ==, 1);

  g_assert_cmpuint (report->n_decided, ==, 2);
  g_assert_cmpfloat_with_epsilon (report->average_days, (6 + 35) / 2.0, 1e-9);
  g_assert_cmpuint (report->n_within_promise, ==, 1);
  g_clear_pointer (&report, xf_campaign_report_free);

  /* An unknown campaign. */
  report = xf_evaluation_campaign_report (fixture->admin, 9999, &error);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_null (report);
}

/* Nothing decided: no average. A stage open into 2027, a year without
 * published holidays: unconfirmed. */
static void
test_report_unconfirmed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfCampaignReport) report = NULL;
  g_autoptr(GError) error = NULL;

  xf_test_submit (fixture->admin, fixture->campaign_id,
                  xf_test_add_candidate (fixture->admin, "沈建国", "德清钢铁厂", DEQING "101"),
                  "德清县总工会");
  report = xf_evaluation_campaign_report (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_decided, ==, 0);
  g_assert_true (isnan (report->average_days));
  g_assert_false (report->unconfirmed);
  g_clear_pointer (&report, xf_campaign_report_free);

  set_today ("2027-01-05");
  report = xf_evaluation_campaign_report (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_true (report->unconfirmed);
}

/* A sign-off still pending when the nomination ends (vetoed by another
 * department, withdrawn, rejected) stops: it is no longer due, so neither
 * overdue in the nomination's list nor an attention item. */
static void
test_vetting_stops (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 vetoed, withdrawn, running;

  (void) data;
  vetoed = xf_test_submit (fixture->admin, fixture->campaign_id,
                           xf_test_add_candidate (fixture->admin, "沈建国", NULL, "330521001"), "德清县总工会");
  withdrawn = xf_test_submit (fixture->admin, fixture->campaign_id,
                              xf_test_add_candidate (fixture->admin, "王美华", NULL, "330521001"), "德清县总工会");
  running = xf_test_submit (fixture->admin, fixture->campaign_id,
                            xf_test_add_candidate (fixture->admin, "李志强", NULL, "330521001"), "德清县总工会");
  g_assert_true (xf_evaluation_sign_off (fixture->admin, vetoed, "tax", TRUE, "存在欠税记录", &error));
  g_assert_no_error (error);
  act (fixture->admin, withdrawn, XF_ACTION_WITHDRAW, "候选人调离");

  /* Overdue on Tue 10-29 for the one still under way only. */
  set_today ("2024-10-29");
  for (guint n = 0; n < 3; n++)
    {
      gint64 id = n == 0 ? vetoed : n == 1 ? withdrawn : running;

      list = xf_evaluation_list_vettings (fixture->admin, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 4);
      for (guint i = 0; i < list->len; i++)
        {
          XfVetting *vetting = g_ptr_array_index (list, i);

          if (g_strcmp0 (vetting->status, "pending") != 0)
            continue;
          g_assert_cmpint (vetting->due_state, ==, id == running ? XF_DUE_OVERDUE : XF_DUE_NONE);
          if (id != running)
            g_assert_cmpint (vetting->days_left, ==, 0);
        }
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  items = attention (fixture->admin);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((XfAttentionItem *) g_ptr_array_index (items, i))->nomination_id, ==, running);
  g_assert_cmpuint (count_kind (items, "vetting"), ==, 4);

  /* A nomination that does not exist has no sign-offs to list. */
  list = xf_evaluation_list_vettings (fixture->admin, 4242, &error);
  g_assert_null (list);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/attention/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("preliminary", test_preliminary);
  ADD ("committee", test_committee);
  ADD ("reminders/working-time", test_reminders_working_time);
  ADD ("reminders/chair", test_chair_reminder);
  ADD ("vetting-stops", test_vetting_stops);
  ADD ("report", test_report);
  ADD ("report/unconfirmed", test_report_unconfirmed);
#undef ADD

  return g_test_run ();
}
