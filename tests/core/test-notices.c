/* test-notices.c — drafting, publishing, correcting and withdrawing notices
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-notices.h"

static XfNoticeCandidate *
candidate_at (XfNotice *notice,
              guint     index)
{
  g_assert_cmpuint (index, <, notice->candidates->len);
  return g_ptr_array_index (notice->candidates, index);
}

/*
 * Drafts
 */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNotice) second = NULL;
  g_autoptr(GPtrArray) addable = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 b = in_notice (fixture, "王美华");
  gint64 pioneer = xf_test_add_candidate (fixture->admin, "李强", NULL, "330521001");
  gint64 waiting = xf_test_submit (fixture->admin, fixture->campaign, pioneer, "德清县总工会");
  gint64 audit = xf_test_count_audit (fixture->store);
  gint64 id = create (fixture);
  gint64 other;

  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_DRAFT);
  g_assert_cmpstr (notice->title, ==, "Public notice of the candidates for 2026年度德清县劳动模范");
  g_assert_cmpstr (notice->organisation_name, ==, "湖州市总工会");
  g_assert_cmpint (notice->period_days, ==, 5);
  g_assert_cmpint (notice->revision, ==, 1);
  g_assert_cmpint (notice->days_left, ==, -1);
  g_assert_null (notice->starts_on);
  g_assert_nonnull (strstr (notice->preamble, "2026年度德清县劳动模范"));
  /* Only those in public notice: not the one still in preliminary review. */
  g_assert_cmpuint (notice->candidates->len, ==, 2);
  g_assert_cmpint (candidate_at (notice, 0)->nomination_id, ==, a);
  g_assert_cmpint (candidate_at (notice, 0)->position, ==, 1);
  g_assert_cmpstr (candidate_at (notice, 0)->name, ==, "沈建国");
  g_assert_cmpstr (candidate_at (notice, 0)->unit, ==, "德清县机械厂");
  g_assert_cmpstr (candidate_at (notice, 0)->honour, ==, "2026年度德清县劳动模范");
  g_assert_cmpstr (candidate_at (notice, 0)->summary, ==, "先进事迹材料。");
  g_assert_cmpstr (candidate_at (notice, 0)->stage, ==, XF_STAGE_NOTICE);
  g_assert_null (candidate_at (notice, 0)->result);
  g_assert_cmpint (candidate_at (notice, 1)->nomination_id, ==, b);
  g_assert_cmpint (candidate_at (notice, 1)->position, ==, 2);
  /* One entry for the notice, one per candidate. */
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 3);

  /* They are on a current notice now: another draft gets none. */
  other = create (fixture);
  second = get_notice (fixture, other);
  g_assert_cmpuint (second->candidates->len, ==, 0);
  addable = xf_notice_board_list_addable (fixture->board, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (addable->len, ==, 0);
  g_assert_false (xf_notice_board_add_candidate (fixture->board, other, a, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_add_candidate (fixture->board, other, waiting, &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "in preliminary review");
  g_clear_error (&error);
  g_assert_cmpint (xf_notice_board_notice_of (fixture->board, a, &error), ==, id);
  g_assert_cmpint (xf_notice_board_notice_of (fixture->board, waiting, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_candidates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GPtrArray) addable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_summary = NULL;
  gint64 id = create (fixture);   /* empty: nobody is in public notice yet */
  gint64 a = in_notice (fixture, "沈建国");
  gint64 b = in_notice (fixture, "王美华");
  gint64 c = in_notice (fixture, "李强");

  addable = xf_notice_board_list_addable (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (addable->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      gint64 nomination = (gint64[]) { a, b, c }[i];

      g_assert_true (xf_notice_board_add_candidate (fixture->board, id, nomination, &error));
      g_assert_no_error (error);
    }
  g_assert_false (xf_notice_board_add_candidate (fixture->board, id, b, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Removing the first closes up the positions. */
  g_assert_true (xf_notice_board_remove_candidate (fixture->board, id, a, &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_remove_candidate (fixture->board, id, a, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  notice = get_notice (fixture, id);
  g_assert_cmpuint (notice->candidates->len, ==, 2);
  g_assert_cmpint (candidate_at (notice, 0)->nomination_id, ==, b);
  g_assert_cmpint (candidate_at (notice, 0)->position, ==, 1);
  g_assert_cmpint (candidate_at (notice, 1)->nomination_id, ==, c);
  g_assert_cmpint (candidate_at (notice, 1)->position, ==, 2);

  /* Summaries: at most 500 characters. */
  long_summary = g_strnfill (501, 'x');
  g_assert_false (xf_notice_board_set_summary (fixture->board, id, b, long_summary, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Summary of deeds:");
  g_clear_error (&error);
  g_assert_true (xf_notice_board_set_summary (fixture->board, id, b, "  扎根一线三十年，技术革新十余项。 ",
                                              &error));
  g_assert_no_error (error);
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (candidate_at (notice, 0)->summary, ==, "扎根一线三十年，技术革新十余项。");
  g_clear_pointer (&addable, g_ptr_array_unref);
  addable = xf_notice_board_list_addable (fixture->board, id, &error);
  g_assert_cmpuint (addable->len, ==, 1);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (addable, 0)), ==, a);
}

static void
test_save_validation (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *field; const char *prefix; } cases[] = {
    { "title-empty", "Title:" },
    { "title-long", "Title:" },
    { "period-short", "Period:" },
    { "period-long", "Period:" },
    { "phone", "Phone:" },
    { "address", "Address:" },
    { "mailbox", "Mailbox:" },
  };
  g_autoptr(XfNotice) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (201, 'a');
  gint64 id;

  in_notice (fixture, "沈建国");
  id = create (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfNotice) notice = get_notice (fixture, id);
      gint64 audit = xf_test_count_audit (fixture->store);
      char **target = NULL;

      g_test_message ("%s", cases[i].field);
      if (g_str_equal (cases[i].field, "title-empty"))
        target = &notice->title;
      else if (g_str_equal (cases[i].field, "title-long"))
        target = &notice->title;
      else if (g_str_equal (cases[i].field, "period-short"))
        notice->period_days = 4;
      else if (g_str_equal (cases[i].field, "period-long"))
        notice->period_days = 31;
      else if (g_str_equal (cases[i].field, "phone"))
        target = &notice->contact_phone;
      else if (g_str_equal (cases[i].field, "address"))
        target = &notice->contact_address;
      else
        target = &notice->contact_mailbox;
      if (target != NULL)
        {
          g_free (*target);
          *target = g_strdup (g_str_equal (cases[i].field, "title-empty") ? "   " : too_long);
        }
      g_assert_false (xf_notice_board_save (fixture->board, notice, &error));
      assert_error_starts (error, XF_ERROR_INVALID, cases[i].prefix);
      g_clear_error (&error);
      g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
    }

  /* A good save, audited per field; then an old copy is refused. */
  {
    g_autoptr(XfNotice) notice = get_notice (fixture, id);
    g_autoptr(XfNotice) stale = get_notice (fixture, id);
    gint64 audit = xf_test_count_audit (fixture->store);

    g_free (notice->title);
    notice->title = g_strdup ("  关于2026年度德清县劳动模范拟表彰人选的公示 ");
    notice->period_days = 7;
    g_free (notice->contact_mailbox);
    notice->contact_mailbox = g_strdup ("dqgh@example.cn");
    g_assert_true (xf_notice_board_save (fixture->board, notice, &error));
    g_assert_no_error (error);
    g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 3);
    g_assert_false (xf_notice_board_save (fixture->board, stale, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  saved = get_notice (fixture, id);
  g_assert_cmpstr (saved->title, ==, "关于2026年度德清县劳动模范拟表彰人选的公示");
  g_assert_cmpint (saved->period_days, ==, 7);
  g_assert_cmpstr (saved->contact_mailbox, ==, "dqgh@example.cn");
  g_assert_cmpint (saved->version, ==, 2);
}

/*
 * Periods
 */

/* The period of a draft published on @on. */
static void
assert_period (Fixture    *fixture,
               gint64      id,
               const char *on,
               const char *starts,
               const char *ends)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;

  g_test_message ("published on %s", on);
  g_assert_true (xf_notice_board_preview_period (fixture->board, id, on, &starts_on, &ends_on,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpstr (starts_on, ==, starts);
  g_assert_cmpstr (ends_on, ==, ends);
}

static void
test_period_holidays (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  gint64 id = create (fixture);

  /* An ordinary week, and a weekend: from the next Monday. */
  assert_period (fixture, id, "2026-03-09", "2026-03-09", "2026-03-13");
  assert_period (fixture, id, "2026-03-14", "2026-03-16", "2026-03-20");
  /* Spring Festival 2026: 15–23 February off, Saturdays 14 and 28
   * February make-up working days (调休). */
  assert_period (fixture, id, "2026-02-12", "2026-02-12", "2026-02-25");
  assert_period (fixture, id, "2026-02-14", "2026-02-14", "2026-02-27");
  assert_period (fixture, id, "2026-02-15", "2026-02-24", "2026-02-28");
  /* National Day 2025 (1–8 October, Sunday 28 September and Saturday 11
   * October worked) and 2026 (1–7 October, Saturday 10 October worked). */
  assert_period (fixture, id, "2025-09-26", "2025-09-26", "2025-10-09");
  assert_period (fixture, id, "2025-10-01", "2025-10-09", "2025-10-14");
  assert_period (fixture, id, "2025-10-10", "2025-10-10", "2025-10-15");
  assert_period (fixture, id, "2026-09-29", "2026-09-29", "2026-10-10");

  /* Not a date. */
  g_assert_false (xf_notice_board_preview_period (fixture->board, id, "2026-02-30", &period,
                                                  &period, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  /* Published on the make-up Saturday before the Spring Festival. */
  set_today ("2026-02-14");
  in_notice (fixture, "沈建国");
  g_assert_true (xf_notice_board_add_candidate (fixture->board, id,
                                                xf_test_query_int64 (fixture->store,
                                                                     "SELECT MAX(id) FROM nominations"),
                                                &error));
  g_assert_no_error (error);
  publish (fixture, id);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_PUBLISHED);
  g_assert_cmpstr (notice->published_on, ==, "2026-02-14");
  g_assert_cmpstr (notice->starts_on, ==, "2026-02-14");
  g_assert_cmpstr (notice->ends_on, ==, "2026-02-27");
  period = xf_notice_format_period (notice);
  g_assert_cmpstr (period, ==, "From 14 February 2026 to 27 February 2026 (5 working days)");
  /* Working days left after today: the holidays do not count down. */
  g_assert_cmpint (notice->days_left, ==, 4);
  set_today ("2026-02-20");
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_assert_cmpint (notice->days_left, ==, 4);
  set_today ("2026-02-27");
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_assert_cmpint (notice->days_left, ==, 0);
  set_today ("2026-02-28");
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_assert_cmpint (notice->days_left, ==, -1);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_PUBLISHED);
}

static void
test_minimum_period (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, audit;

  /* A campaign asking for 7 working days: drafts start there. */
  campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign, &error);
  g_assert_no_error (error);
  /* The promise is the sum of the stage budgets (10 + 10 + notice + 5). */
  xf_campaign_set_promise_days (campaign, 33);
  xf_campaign_set_stage_budget (campaign, "notice", 8);
  xf_campaign_set_min_notice_days (campaign, 7);
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, campaign, &error));
  g_assert_no_error (error);
  in_notice (fixture, "沈建国");
  id = create (fixture);
  notice = get_notice (fixture, id);
  g_assert_cmpint (notice->period_days, ==, 7);
  notice->period_days = 6;
  g_assert_false (xf_notice_board_save (fixture->board, notice, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Period:");
  g_assert_nonnull (strstr (error->message, "minimum of 7"));
  g_clear_error (&error);

  /* Saved when the minimum was lower, published after it was raised. */
  notice->period_days = 7;
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8888888");
  g_assert_true (xf_notice_board_save (fixture->board, notice, &error));
  g_assert_no_error (error);
  xf_campaign_set_promise_days (campaign, 35);
  xf_campaign_set_stage_budget (campaign, "notice", 10);
  xf_campaign_set_min_notice_days (campaign, 9);
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, campaign, &error));
  g_assert_no_error (error);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_notice_board_publish (fixture->board, id, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Period:");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_DRAFT);
  g_assert_null (notice->starts_on);
}

static void
test_publish_needs (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 empty = create (fixture);
  gint64 a = in_notice (fixture, "沈建国");
  gint64 first = create (fixture);
  gint64 id;

  /* No candidate; no contact. */
  g_assert_false (xf_notice_board_publish (fixture->board, empty, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Contact:");
  g_clear_error (&error);
  notice = get_notice (fixture, empty);
  g_free (notice->contact_address);
  notice->contact_address = g_strdup ("德清县武康街道");
  g_assert_true (xf_notice_board_save (fixture->board, notice, &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_publish (fixture->board, empty, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Candidates:");
  g_clear_error (&error);

  /* A candidate who left public notice since being added: on a
   * correction's draft, sent back by an objection to the notice it
   * corrects. */
  publish (fixture, first);
  id = xf_notice_board_correct (fixture->board, first, &error);
  g_assert_no_error (error);
  g_assert_true (xf_notice_board_decide (fixture->board, object (fixture, first, a, NULL),
                                         XF_OBJECTION_UPHELD_RETURN, "重新评审", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_of (fixture, a), ==, "committee");
  g_clear_pointer (&notice, xf_notice_free);
  notice = get_notice (fixture, id);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8888888");
  g_assert_true (xf_notice_board_save (fixture->board, notice, &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_publish (fixture->board, id, &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "in committee review");
  g_clear_error (&error);
}

/*
 * Published notices
 */

static void
test_published_fixed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNotice) again = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 b = in_notice (fixture, "王美华");
  gint64 id = create (fixture);

  g_assert_true (xf_notice_board_remove_candidate (fixture->board, id, b, &error));
  g_assert_no_error (error);
  publish (fixture, id);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->starts_on, ==, "2026-03-09");
  g_assert_cmpstr (notice->ends_on, ==, "2026-03-13");
  g_assert_cmpstr (notice->published_by, !=, NULL);
  g_assert_cmpint (notice->days_left, ==, 4);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT COUNT(*) FROM audit_log WHERE action = 'publish'"
                                        " AND new_value = '2026-03-09/2026-03-13'"), ==, 1);

  /* Nothing of it changes any more. */
  g_free (notice->title);
  notice->title = g_strdup ("改过的标题");
  g_assert_false (xf_notice_board_save (fixture->board, notice, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_add_candidate (fixture->board, id, b, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_remove_candidate (fixture->board, id, a, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_set_summary (fixture->board, id, a, "新的事迹", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_publish (fixture->board, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* The registry's file may change; the published line does not. */
  pioneer = xf_registry_get_pioneer (xf_evaluation_get_registry (fixture->admin),
                                     xf_test_query_int64 (fixture->store,
                                                          "SELECT pioneer_id FROM nominations"
                                                          " ORDER BY id LIMIT 1"), &error);
  g_assert_no_error (error);
  g_object_set (pioneer, "name", "沈建军", NULL);
  g_assert_true (xf_registry_save_pioneer (xf_evaluation_get_registry (fixture->admin), pioneer,
                                           &error));
  g_assert_no_error (error);
  again = get_notice (fixture, id);
  g_assert_cmpstr (candidate_at (again, 0)->name, ==, "沈建国");
  g_assert_cmpstr (again->title, !=, "改过的标题");
}

static void
test_correct (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfNotice) first = NULL;
  g_autoptr(XfNotice) correction = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);
  gint64 fix;

  /* Only a published notice is corrected. */
  g_assert_cmpint (xf_notice_board_correct (fixture->board, id, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  publish (fixture, id);
  fix = xf_notice_board_correct (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_notice_board_correct (fixture->board, id, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_clear_error (&error);

  correction = get_notice (fixture, fix);
  g_assert_cmpstr (correction->status, ==, XF_NOTICE_DRAFT);
  g_assert_cmpint (correction->revision, ==, 2);
  g_assert_cmpint (correction->revision_of, ==, id);
  g_assert_cmpuint (correction->candidates->len, ==, 1);
  g_assert_cmpint (candidate_at (correction, 0)->nomination_id, ==, a);
  g_assert_cmpstr (correction->contact_phone, ==, "0572-8888888");
  /* The correction's draft carries the same candidate. */
  g_assert_true (xf_notice_board_set_summary (fixture->board, fix, a, "更正后的事迹简介。", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_notice_board_notice_of (fixture->board, a, &error), ==, id);

  /* Published two days on: the first is withdrawn, the period runs anew. */
  set_today ("2026-03-11");
  g_assert_true (xf_notice_board_publish (fixture->board, fix, &error));
  g_assert_no_error (error);
  first = get_notice (fixture, id);
  g_clear_pointer (&correction, xf_notice_free);
  correction = get_notice (fixture, fix);
  g_assert_cmpstr (first->status, ==, XF_NOTICE_WITHDRAWN);
  g_assert_cmpstr (first->withdrawn_reason, ==, "Corrected by revision 2");
  g_assert_cmpstr (candidate_at (first, 0)->summary, ==, "先进事迹材料。");
  g_assert_cmpstr (correction->status, ==, XF_NOTICE_PUBLISHED);
  g_assert_cmpstr (correction->starts_on, ==, "2026-03-11");
  g_assert_cmpstr (correction->ends_on, ==, "2026-03-17");
  g_assert_cmpstr (candidate_at (correction, 0)->summary, ==, "更正后的事迹简介。");
  g_assert_cmpint (xf_notice_board_notice_of (fixture->board, a, &error), ==, fix);

  /* Both stay on record: the current one first, then the withdrawn. */
  all = xf_notice_board_list_notices (fixture->board, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (all, 0))->id, ==, fix);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (all, 1))->id, ==, id);
}

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNotice) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);
  gint64 audit, again;

  publish (fixture, id);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_notice_board_withdraw (fixture->board, id, "  ", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Reason:");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_true (xf_notice_board_withdraw (fixture->board, id, "名单有误", &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_withdraw (fixture->board, id, "再撤一次", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_WITHDRAWN);
  g_assert_cmpstr (notice->withdrawn_reason, ==, "名单有误");
  g_assert_cmpint (notice->days_left, ==, -1);

  /* The candidate stays in public notice and may go on another notice. */
  g_assert_cmpstr (stage_of (fixture, a), ==, XF_STAGE_NOTICE);
  g_assert_cmpint (xf_notice_board_notice_of (fixture->board, a, &error), ==, 0);
  again = create (fixture);
  next = get_notice (fixture, again);
  g_assert_cmpuint (next->candidates->len, ==, 1);
  /* A draft can be withdrawn too. */
  g_assert_true (xf_notice_board_withdraw (fixture->board, again, "重新拟定", &error));
  g_assert_no_error (error);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  XfNoticeQuery query = { 0, };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 early, late, draft, withdrawn;

  in_notice (fixture, "沈建国");
  early = create (fixture);
  publish (fixture, early);
  set_today ("2026-03-10");
  in_notice (fixture, "王美华");
  late = create (fixture);
  publish (fixture, late);
  in_notice (fixture, "李强");
  withdrawn = create (fixture);
  g_assert_true (xf_notice_board_withdraw (fixture->board, withdrawn, "重拟", &error));
  g_assert_no_error (error);
  draft = create (fixture);

  /* Published by the end of their period, then drafts, then the past. */
  list = xf_notice_board_list_notices (fixture->board, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 0))->id, ==, early);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 0))->days_left, ==, 3);
  g_assert_cmpuint (((XfNotice *) g_ptr_array_index (list, 0))->candidates->len, ==, 0);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 1))->id, ==, late);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 1))->days_left, ==, 4);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 2))->id, ==, draft);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 3))->id, ==, withdrawn);
  g_clear_pointer (&list, g_ptr_array_unref);

  query.status = "current";
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.status = "past";
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.status = XF_NOTICE_DRAFT;
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Text: a candidate's name, or the title. */
  query.status = NULL;
  query.text = "王美华";
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfNotice *) g_ptr_array_index (list, 0))->id, ==, late);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.text = "PUBLIC NOTICE";
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.text = NULL;
  query.campaign_id = fixture->campaign + 1;
  list = xf_notice_board_list_notices (fixture->board, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "reviewer", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_reviewer = xf_test_evaluation_new (fixture->store, reviewer);
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (as_reviewer);
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, audit;

  in_notice (fixture, "沈建国");
  id = create (fixture);
  audit = xf_test_count_audit (fixture->store);
  /* A reviewer reads the board but writes nothing on it. */
  list = xf_notice_board_list_notices (board, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  notice = xf_notice_board_get_notice (board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_notice_board_create (board, fixture->campaign, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8888888");
  g_assert_false (xf_notice_board_save (board, notice, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_publish (board, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_withdraw (board, id, "理由", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
}

static void
test_labels (void)
{
  g_autoptr(XfNotice) notice = xf_notice_new ();
  g_autoptr(XfNotice) copy = NULL;
  g_autofree char *date = xf_notice_format_date ("2026-05-07");
  g_autofree char *none = NULL;

  g_assert_cmpstr (date, ==, "7 May 2026");
  g_assert_cmpstr (xf_notice_status_label (XF_NOTICE_PUBLISHED), ==, "Published");
  g_assert_cmpstr (xf_objection_channel_label ("in-person"), ==, "In person");
  g_assert_cmpstr (xf_objection_outcome_label (NULL), ==, "Open");
  g_assert_true (xf_objection_channel_is_valid ("online"));
  g_assert_false (xf_objection_channel_is_valid ("fax"));
  g_assert_false (xf_objection_channel_is_valid (NULL));
  none = xf_notice_format_period (notice);
  g_assert_null (none);
  /* White space is no contact: the page's Publish button and publishing agree. */
  g_assert_false (xf_notice_has_contact (notice));
  notice->contact_mailbox = g_strdup (" \t");
  g_assert_false (xf_notice_has_contact (notice));
  notice->contact_phone = g_strdup ("0572-8012345");
  g_assert_true (xf_notice_has_contact (notice));
  notice->starts_on = g_strdup ("2026-05-07");
  notice->ends_on = g_strdup ("2026-05-13");
  notice->title = g_strdup ("公示");
  g_ptr_array_add (notice->candidates, g_new0 (XfNoticeCandidate, 1));
  ((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->name = g_strdup ("沈建国");
  copy = xf_notice_copy (notice);
  g_assert_cmpstr (copy->title, ==, "公示");
  g_assert_true (copy->title != notice->title);
  g_assert_cmpuint (copy->candidates->len, ==, 1);
  g_assert_cmpstr (((XfNoticeCandidate *) g_ptr_array_index (copy->candidates, 0))->name, ==,
                   "沈建国");
  {
    g_autofree char *period = xf_notice_format_period (copy);

    g_assert_cmpstr (period, ==, "From 7 May 2026 to 13 May 2026 (5 working days)");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/notices/labels", test_labels);
  add_notices_test ("create", test_create);
  add_notices_test ("candidates", test_candidates);
  add_notices_test ("save-validation", test_save_validation);
  add_notices_test ("period-holidays", test_period_holidays);
  add_notices_test ("minimum-period", test_minimum_period);
  add_notices_test ("publish-needs", test_publish_needs);
  add_notices_test ("published-fixed", test_published_fixed);
  add_notices_test ("correct", test_correct);
  add_notices_test ("withdraw", test_withdraw);
  add_notices_test ("list", test_list);
  add_notices_test ("permissions", test_permissions);

  return g_test_run ();
}
