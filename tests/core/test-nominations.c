/* test-nominations.c — nominations through the repository: saving, review, vetting, lists
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-nominations.h"

/*
 * Saving
 */

static void
test_save_and_submit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign, fixture->deqing, "德清县总工会");
  g_autoptr(XfNomination) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GArray) actions = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);
  guint changed = 0;

  g_signal_connect_swapped (fixture->admin, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  xf_nomination_set_case_text (nomination, "二十年扎根一线，攻克多项技术难题。");
  xf_nomination_set_unit_contact (nomination, "李四 0572-8888888");
  xf_nomination_set_service_since (nomination, "2005-07-01");
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_nomination_get_id (nomination), >, 0);
  g_assert_nonnull (xf_nomination_get_uid (nomination));
  g_assert_cmpint (xf_nomination_get_version (nomination), ==, 1);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_DRAFT);
  g_assert_cmpstr (xf_nomination_get_candidate_name (nomination), ==, "沈建国");
  g_assert_cmpuint (changed, ==, 1);
  /* Created: the stage and each field given. */
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 5);

  actions = xf_evaluation_allowed_actions (fixture->admin, nomination);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpint (g_array_index (actions, XfAction, 0), ==, XF_ACTION_SUBMIT);
  g_assert_cmpint (g_array_index (actions, XfAction, 1), ==, XF_ACTION_WITHDRAW);

  act_ok (fixture->admin, xf_nomination_get_id (nomination), XF_ACTION_SUBMIT, NULL);
  g_assert_cmpuint (changed, ==, 2);
  stored = get (fixture->admin, xf_nomination_get_id (nomination));
  g_assert_cmpstr (xf_nomination_get_stage (stored), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpstr (xf_nomination_get_stage_since (stored), ==, "2026-03-09");
  g_assert_cmpstr (xf_nomination_get_submitted_on (stored), ==, "2026-03-09");
  g_assert_cmpstr (xf_nomination_get_case_text (stored), ==, "二十年扎根一线，攻克多项技术难题。");
  g_assert_cmpstr (xf_nomination_get_service_since (stored), ==, "2005-07-01");
  g_assert_cmpstr (xf_nomination_get_campaign_title (stored), ==, "2026年度德清县劳动模范");
  g_assert_cmpint (xf_nomination_get_version (stored), ==, 2);
  /* 10 working days after Monday 9 March: Monday 23 March. */
  g_assert_cmpstr (xf_nomination_get_stage_due_on (stored), ==, "2026-03-23");
  g_assert_cmpint (xf_nomination_get_due_state (stored), ==, XF_DUE_ON_TIME);
  g_assert_cmpuint (xf_nomination_get_checklist_state (stored)->len, ==, 5);

  /* Every vetting department's sign-off is pending, due in its 10 days. */
  pending = vettings (fixture, xf_nomination_get_id (stored));
  g_assert_cmpuint (pending->len, ==, 4);
  for (guint i = 0; i < pending->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (pending, i);

      g_assert_cmpstr (vetting->status, ==, "pending");
      g_assert_cmpstr (vetting->started_on, ==, "2026-03-09");
      g_assert_cmpstr (vetting->due_on, ==, "2026-03-23");
      g_assert_cmpint (vetting->days_left, ==, 10);
      g_assert_cmpint (vetting->due_state, ==, XF_DUE_ON_TIME);
    }

  list = xf_evaluation_list_nominations (fixture->admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  /* Lists leave the case out. */
  g_assert_cmpstr (xf_nomination_get_case_text (g_ptr_array_index (list, 0)), ==, "");
  g_assert_cmpstr (xf_nomination_get_stage_due_on (g_ptr_array_index (list, 0)), ==, "2026-03-23");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = draft (fixture, fixture->deqing);
  g_autoptr(XfNomination) mine = get (fixture->admin, id);
  g_autoptr(XfNomination) theirs = get (fixture->admin, id);
  g_autoptr(XfNomination) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit;

  /* Stale versions are refused. */
  xf_nomination_set_case_text (mine, "第一稿");
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_nomination_get_version (mine), ==, 2);
  xf_nomination_set_case_text (theirs, "另一稿");
  g_assert_false (xf_evaluation_save_nomination (fixture->admin, theirs, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A unit is required; the date must be one. */
  xf_nomination_set_nominating_unit (mine, "  ");
  g_assert_false (xf_evaluation_save_nomination (fixture->admin, mine, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nominating unit"));
  g_clear_error (&error);
  xf_nomination_set_nominating_unit (mine, "德清县总工会");
  xf_nomination_set_service_since (mine, "2005-02-30");
  g_assert_false (xf_evaluation_save_nomination (fixture->admin, mine, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  xf_nomination_set_service_since (mine, NULL);

  /* One audit entry per changed field. */
  audit = xf_test_count_audit (fixture->store);
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, mine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  stored = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_case_text (stored), ==, "第一稿");
  g_assert_cmpstr (xf_nomination_get_nominating_unit (stored), ==, "德清县总工会");

  /* Not once submitted. */
  act_ok (fixture->admin, id, XF_ACTION_SUBMIT, NULL);
  g_clear_object (&stored);
  stored = get (fixture->admin, id);
  xf_nomination_set_case_text (stored, "改稿");
  g_assert_false (xf_evaluation_save_nomination (fixture->admin, stored, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "in preliminary review"));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 first = draft (fixture, fixture->deqing);
  g_autoptr(XfNomination) second = xf_nomination_new (fixture->campaign, fixture->deqing, "另一单位");
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_evaluation_save_nomination (fixture->admin, second, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "沈建国"));
  g_assert_cmpint (xf_nomination_get_id (second), ==, 0);
  g_clear_error (&error);

  /* Once the first is over, the candidate may be nominated again. */
  act_ok (fixture->admin, first, XF_ACTION_WITHDRAW, "换人申报");
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, second, NULL, &error));
  g_assert_no_error (error);
}

static void
test_new_candidate (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign, 0, "德清县总工会");
  g_autoptr(XfPioneer) candidate = xf_pioneer_new ("collective");
  g_autoptr(XfPioneer) stored = NULL;
  g_autoptr(XfCampaign) closed = NULL;
  g_autoptr(XfNomination) refused = NULL;
  g_autoptr(XfPioneer) other = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;
  gint64 pioneers;

  g_object_set (candidate, "name", "德清县某车间班组", "region-code", "330521001", NULL);
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, nomination, candidate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_id (candidate), >, 0);
  g_assert_cmpint (xf_nomination_get_pioneer_id (nomination), ==, xf_pioneer_get_id (candidate));
  stored = xf_registry_get_pioneer (xf_evaluation_get_registry (fixture->admin),
                                    xf_pioneer_get_id (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_tier (stored), ==, "cultivation");
  g_assert_cmpstr (xf_pioneer_get_tier (candidate), ==, "cultivation");
  g_assert_cmpstr (xf_nomination_get_candidate_name (nomination), ==, "德清县某车间班组");
  g_assert_cmpstr (xf_nomination_get_candidate_kind (nomination), ==, "collective");

  /* A campaign not open: neither the file nor the nomination is written. */
  closed = xf_campaign_new (2026, "2026年度德清工匠", "county");
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, closed, &error));
  g_assert_no_error (error);
  pioneers = xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM pioneers");
  refused = xf_nomination_new (xf_campaign_get_id (closed), 0, "德清县总工会");
  g_object_set (other, "name", "李新", "region-code", "330521001", NULL);
  g_assert_false (xf_evaluation_save_nomination (fixture->admin, refused, other, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM pioneers"), ==, pioneers);
  g_assert_cmpint (xf_pioneer_get_id (other), ==, 0);
  g_assert_cmpint (xf_nomination_get_id (refused), ==, 0);
  g_assert_cmpint (xf_nomination_get_pioneer_id (refused), ==, 0);
}

/*
 * Submission and preliminary review
 */

static void
assert_error_lists (GError    *error,
                    GPtrArray *reasons)
{
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpuint (reasons->len, >, 0);
  for (guint i = 0; i < reasons->len; i++)
    g_assert_nonnull (strstr (error->message, g_ptr_array_index (reasons, i)));
}

static void
test_eligibility (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign, NULL);
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deqing = draft (fixture, fixture->deqing);
  gint64 anji = draft (fixture, fixture->anji);
  gint64 audit;

  /* Eligible as it is. */
  reasons = xf_evaluation_check_eligibility (fixture->admin, deqing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons->len, ==, 0);
  g_clear_pointer (&reasons, g_ptr_array_unref);

  /* Under 40 (both are 45), and from Deqing only. */
  xf_campaign_get_eligibility (campaign)->max_age = 40;
  xf_campaign_set_region_codes (campaign, "330521");
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, campaign, &error));
  g_assert_no_error (error);

  reasons = xf_evaluation_check_eligibility (fixture->admin, deqing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons->len, ==, 1);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_evaluation_act (fixture->admin, deqing, XF_ACTION_SUBMIT, NULL, &error));
  assert_error_lists (error, reasons);
  g_clear_error (&error);
  g_clear_pointer (&reasons, g_ptr_array_unref);
  g_assert_cmpstr (stage_of (fixture, deqing), ==, XF_STAGE_DRAFT);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM nomination_vettings"), ==, 0);

  reasons = xf_evaluation_check_eligibility (fixture->admin, anji, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons->len, ==, 2);
  g_assert_false (xf_evaluation_act (fixture->admin, anji, XF_ACTION_SUBMIT, NULL, &error));
  assert_error_lists (error, reasons);
  g_clear_error (&error);
  g_clear_pointer (&reasons, g_ptr_array_unref);

  /* The window: closed yesterday. */
  xf_campaign_get_eligibility (campaign)->max_age = 0;
  xf_campaign_set_region_codes (campaign, "");
  xf_campaign_set_closes_on (campaign, "2026-03-08");
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, campaign, &error));
  g_assert_no_error (error);
  reasons = xf_evaluation_check_eligibility (fixture->admin, deqing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==, "Nominations closed on 2026-03-08");
  g_assert_false (xf_evaluation_act (fixture->admin, deqing, XF_ACTION_SUBMIT, NULL, &error));
  assert_error_lists (error, reasons);
}

static void
test_return_and_resubmit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  gint64 id = draft (fixture, fixture->deqing);
  XfStageVisit *visit;

  act_ok (fixture->admin, id, XF_ACTION_SUBMIT, NULL);
  tick_all (fixture, id);
  act_ok (fixture->admin, id, XF_ACTION_PASS_PRELIMINARY, NULL);

  /* Returned on Wednesday: the review starts again on resubmission. */
  set_today ("2026-03-11");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_RETURN, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason"));
  g_clear_error (&error);
  act_ok (fixture->admin, id, XF_ACTION_RETURN, "缺少单位意见");
  nomination = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_RETURNED);
  g_assert_null (xf_nomination_get_preliminary_passed_on (nomination));
  g_assert_null (xf_nomination_get_stage_due_on (nomination));
  g_assert_cmpint (xf_nomination_get_due_state (nomination), ==, XF_DUE_NONE);

  /* The campaign closes meanwhile: a resubmission is no new submission. */
  campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign, NULL);
  xf_campaign_set_closes_on (campaign, "2026-03-12");
  g_assert_true (xf_evaluation_save_campaign (fixture->admin, campaign, &error));
  g_assert_no_error (error);

  /* Back the next Monday: 3 working days with the unit (12, 13, 16). */
  set_today ("2026-03-16");
  act_ok (fixture->admin, id, XF_ACTION_RESUBMIT, NULL);

  timeline = xf_evaluation_get_timeline (fixture->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 4);
  visit = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (visit->stage, ==, "draft");
  g_assert_cmpstr (visit->left_on, ==, "2026-03-09");
  g_assert_cmpint (visit->budget_days, ==, 0);
  visit = g_ptr_array_index (timeline, 1);
  g_assert_cmpstr (visit->stage, ==, "preliminary");
  g_assert_cmpstr (visit->entered_on, ==, "2026-03-09");
  g_assert_cmpstr (visit->left_on, ==, "2026-03-11");
  g_assert_cmpstr (visit->due_on, ==, "2026-03-23");
  g_assert_cmpint (visit->budget_days, ==, 10);
  g_assert_cmpint (visit->days_used, ==, 2);
  g_assert_cmpint (visit->due_state, ==, XF_DUE_DONE);
  g_assert_cmpstr (visit->actor_name, ==,
                   xf_account_get_display_name (xf_evaluation_get_actor (fixture->admin)));
  visit = g_ptr_array_index (timeline, 2);
  g_assert_cmpstr (visit->stage, ==, "returned");
  g_assert_cmpstr (visit->left_on, ==, "2026-03-16");
  g_assert_null (visit->due_on);
  g_assert_cmpint (visit->days_used, ==, 3);
  g_assert_cmpint (visit->due_state, ==, XF_DUE_NONE);
  g_assert_cmpstr (visit->note, ==, "缺少单位意见");
  g_assert_false (xf_stage_counts (visit->stage));
  visit = g_ptr_array_index (timeline, 3);
  g_assert_cmpstr (visit->stage, ==, "preliminary");
  g_assert_null (visit->left_on);
  g_assert_cmpstr (visit->due_on, ==, "2026-03-30");
  g_assert_cmpint (visit->days_used, ==, 0);
  g_assert_cmpint (visit->days_left, ==, 10);
  g_assert_cmpint (visit->due_state, ==, XF_DUE_ON_TIME);

  /* Submitted once, on the first day; the vetting sign-offs run on. */
  g_clear_object (&nomination);
  nomination = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_submitted_on (nomination), ==, "2026-03-09");
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM nomination_vettings"), ==, 4);
}

static void
test_reasons_required (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfNomination) rejected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reject = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");
  gint64 veto = xf_test_submit (fixture->admin, fixture->campaign, fixture->anji, "安吉县总工会");
  gint64 withdraw = draft (fixture, xf_test_add_candidate (fixture->admin, "赵六", NULL, "330521001"));
  gint64 audit = xf_test_count_audit (fixture->store);

  g_assert_false (xf_evaluation_act (fixture->admin, reject, XF_ACTION_REJECT, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (fixture->admin, reject, XF_ACTION_REJECT, " \t", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_sign_off (fixture->admin, veto, "discipline", TRUE, "", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (fixture->admin, withdraw, XF_ACTION_WITHDRAW, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);

  act_ok (fixture->admin, reject, XF_ACTION_REJECT, "事迹材料与实际不符");
  rejected = get (fixture->admin, reject);
  g_assert_cmpstr (xf_nomination_get_stage (rejected), ==, XF_STAGE_REJECTED);
  g_assert_cmpstr (xf_nomination_get_outcome_reason (rejected), ==, "事迹材料与实际不符");
  g_assert_cmpstr (xf_nomination_get_decided_on (rejected), ==, "2026-03-09");
  /* The stage change and its reason. */
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);

  act_ok (fixture->admin, withdraw, XF_ACTION_WITHDRAW, "单位决定撤回");
  g_assert_cmpstr (stage_of (fixture, withdraw), ==, XF_STAGE_WITHDRAWN);
}

/*
 * Joint vetting
 */

static void
test_vetting_pass_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");

  /* Not before the checklist is done. */
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_PASS_PRELIMINARY, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "0 of 5"));
  g_clear_error (&error);

  tick_all (fixture, id);
  set_today ("2026-03-12");
  act_ok (fixture->admin, id, XF_ACTION_PASS_PRELIMINARY, NULL);
  nomination = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpstr (xf_nomination_get_preliminary_passed_on (nomination), ==, "2026-03-12");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_PASS_PRELIMINARY, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  list = vettings (fixture, id);
  for (guint i = 0; i + 1 < list->len; i++)
    {
      clear (fixture, id, ((XfVetting *) g_ptr_array_index (list, i))->department_code);
      g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_PRELIMINARY);
    }
  /* Twice is refused. */
  g_assert_false (xf_evaluation_sign_off (fixture->admin, id,
                                          ((XfVetting *) g_ptr_array_index (list, 0))->department_code,
                                          FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_sign_off (fixture->admin, id, "weather", FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The last one moves it on. */
  set_today ("2026-03-13");
  clear (fixture, id, ((XfVetting *) g_ptr_array_index (list, list->len - 1))->department_code);
  g_clear_object (&nomination);
  nomination = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_COMMITTEE);
  g_assert_cmpstr (xf_nomination_get_stage_since (nomination), ==, "2026-03-13");
  /* 10 working days after Friday 13 March. */
  g_assert_cmpstr (xf_nomination_get_stage_due_on (nomination), ==, "2026-03-27");

  g_clear_pointer (&list, g_ptr_array_unref);
  list = vettings (fixture, id);
  g_assert_cmpstr (((XfVetting *) g_ptr_array_index (list, 0))->status, ==, "cleared");
  g_assert_cmpstr (((XfVetting *) g_ptr_array_index (list, 0))->decided_on, ==, "2026-03-12");
  g_assert_cmpint (((XfVetting *) g_ptr_array_index (list, 0))->due_state, ==, XF_DUE_DONE);
}

static void
test_vetting_clear_first (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");

  list = vettings (fixture, id);
  for (guint i = 0; i < list->len; i++)
    clear (fixture, id, ((XfVetting *) g_ptr_array_index (list, i))->department_code);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_PRELIMINARY);
  tick_all (fixture, id);
  act_ok (fixture->admin, id, XF_ACTION_PASS_PRELIMINARY, NULL);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_COMMITTEE);
}

static void
test_veto (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");

  /* A veto while the unit revises still ends it. */
  act_ok (fixture->admin, id, XF_ACTION_RETURN, "补充材料");
  clear (fixture, id, "audit");
  g_assert_true (xf_evaluation_sign_off (fixture->admin, id, "tax", TRUE, "存在欠税记录", &error));
  g_assert_no_error (error);
  nomination = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_VETOED);
  g_assert_nonnull (strstr (xf_nomination_get_outcome_reason (nomination), "存在欠税记录"));
  g_assert_nonnull (strstr (xf_nomination_get_outcome_reason (nomination), "Tax"));

  list = vettings (fixture, id);
  g_assert_cmpstr (((XfVetting *) g_ptr_array_index (list, 1))->status, ==, "cleared");
  g_assert_cmpstr (((XfVetting *) g_ptr_array_index (list, 3))->status, ==, "vetoed");
  g_assert_cmpstr (((XfVetting *) g_ptr_array_index (list, 3))->reason, ==, "存在欠税记录");
  g_assert_false (xf_evaluation_sign_off (fixture->admin, id, "discipline", FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "already vetoed"));
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_RESUBMIT, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

/*
 * Permissions
 */

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfAccount) clerk = xf_test_add_account (fixture->store, "deqing", XF_ROLE_CLERK,
                                                    XF_SCOPE_REGION, "330521");
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "reviewer", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_clerk = xf_test_evaluation_new (fixture->store, clerk);
  g_autoptr(XfEvaluation) as_reviewer = xf_test_evaluation_new (fixture->store, reviewer);
  g_autoptr(XfNomination) anji_draft = xf_nomination_new (fixture->campaign, fixture->anji, "安吉县总工会");
  g_autoptr(XfNomination) deqing = xf_nomination_new (fixture->campaign, fixture->deqing, "德清县总工会");
  g_autoptr(XfNomination) decided = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 anji;

  /* The clerk nominates in Deqing, not in Anji. */
  g_assert_false (xf_evaluation_save_nomination (as_clerk, anji_draft, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (xf_evaluation_save_nomination (as_clerk, deqing, NULL, &error));
  g_assert_no_error (error);

  anji = draft (fixture, fixture->anji);
  g_assert_false (xf_evaluation_act (as_clerk, anji, XF_ACTION_SUBMIT, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  act_ok (fixture->admin, anji, XF_ACTION_SUBMIT, NULL);
  g_assert_false (xf_evaluation_act (as_clerk, anji, XF_ACTION_RETURN, "不行", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_sign_off (as_clerk, anji, "tax", FALSE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* A reviewer submits nothing, and is offered nothing. */
  g_assert_false (xf_evaluation_act (as_reviewer, xf_nomination_get_id (deqing), XF_ACTION_SUBMIT,
                                     NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  actions = xf_evaluation_allowed_actions (as_reviewer, deqing);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&actions, g_array_unref);
  g_assert_cmpstr (stage_of (fixture, xf_nomination_get_id (deqing)), ==, XF_STAGE_DRAFT);

  /* The clerk takes it through review; only the administrator confers. */
  act_ok (as_clerk, xf_nomination_get_id (deqing), XF_ACTION_SUBMIT, NULL);
  xf_test_to_committee (fixture->admin, xf_nomination_get_id (deqing));
  select_for_notice (fixture, xf_nomination_get_id (deqing));
  xf_test_publish_notice (fixture->admin, fixture->campaign);
  set_today ("2026-03-16");
  act_ok (as_clerk, xf_nomination_get_id (deqing), XF_ACTION_CLOSE_NOTICE, NULL);
  g_assert_false (xf_evaluation_act (as_clerk, xf_nomination_get_id (deqing), XF_ACTION_CONFER,
                                     NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  decided = get (as_clerk, xf_nomination_get_id (deqing));
  actions = xf_evaluation_allowed_actions (as_clerk, decided);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpint (g_array_index (actions, XfAction, 0), ==, XF_ACTION_WITHDRAW);
  g_clear_pointer (&actions, g_array_unref);
  actions = xf_evaluation_allowed_actions (fixture->admin, decided);
  g_assert_cmpuint (actions->len, ==, 3);
  act_ok (fixture->admin, xf_nomination_get_id (deqing), XF_ACTION_CONFER, NULL);
}

/*
 * Lists and deadlines
 */

static void
test_lists_and_due (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  XfNominationQuery query = { 0, };
  gint64 early = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");
  gint64 late, other, still_draft;

  set_today ("2026-03-12");
  late = xf_test_submit (fixture->admin, fixture->campaign, fixture->anji, "安吉县总工会");
  still_draft = draft (fixture, xf_test_add_candidate (fixture->admin, "周七", NULL, "330521001"));
  other = draft (fixture, xf_test_add_candidate (fixture->admin, "吴八", NULL, "330521001"));
  act_ok (fixture->admin, other, XF_ACTION_WITHDRAW, "重复申报");

  /* Stage order, then due date. */
  list = xf_evaluation_list_nominations (fixture->admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 0)), ==, still_draft);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 1)), ==, early);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 2)), ==, late);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 3)), ==, other);
  g_clear_pointer (&list, g_ptr_array_unref);

  query.stage = "open";
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.stage = "final";
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.stage = XF_STAGE_PRELIMINARY;
  query.limit = 1;
  query.offset = 1;
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 0)), ==, late);
  g_clear_pointer (&list, g_ptr_array_unref);
  query = (XfNominationQuery) { .offset = 3 };
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 0)), ==, other);
  g_clear_pointer (&list, g_ptr_array_unref);
  query = (XfNominationQuery) { .text = "安吉" };
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 0)), ==, late);
  g_clear_pointer (&list, g_ptr_array_unref);
  query = (XfNominationQuery) { .campaign_id = fixture->campaign + 1 };
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Due 23 and 26 March: on Friday 20 the first is due soon (2 days). */
  set_today ("2026-03-20");
  query = (XfNominationQuery) { .attention = TRUE };
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (xf_nomination_get_id (g_ptr_array_index (list, 0)), ==, early);
  g_assert_cmpint (xf_nomination_get_due_state (g_ptr_array_index (list, 0)), ==, XF_DUE_SOON);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* On Tuesday 24 the first is overdue, the second due soon. */
  set_today ("2026-03-24");
  list = xf_evaluation_list_nominations (fixture->admin, &query, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (xf_nomination_get_due_state (g_ptr_array_index (list, 0)), ==, XF_DUE_OVERDUE);
  g_assert_cmpint (xf_nomination_get_due_state (g_ptr_array_index (list, 1)), ==, XF_DUE_SOON);

  counts = xf_evaluation_count_by_stage (fixture->admin, fixture->campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "draft")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "preliminary")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "withdrawn")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "committee")), ==, 0);
  g_assert_true (g_hash_table_contains (counts, "committee"));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "open")), ==, 3);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "attention")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_nominations_test ("save-and-submit", test_save_and_submit);
  add_nominations_test ("edit", test_edit);
  add_nominations_test ("duplicate", test_duplicate);
  add_nominations_test ("new-candidate", test_new_candidate);
  add_nominations_test ("eligibility", test_eligibility);
  add_nominations_test ("return-and-resubmit", test_return_and_resubmit);
  add_nominations_test ("reasons-required", test_reasons_required);
  add_nominations_test ("vetting/pass-first", test_vetting_pass_first);
  add_nominations_test ("vetting/clear-first", test_vetting_clear_first);
  add_nominations_test ("vetting/veto", test_veto);
  add_nominations_test ("permissions", test_permissions);
  add_nominations_test ("lists-and-due", test_lists_and_due);

  return g_test_run ();
}
