/* test-evaluation-input.c — bad input to the evaluation repository
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-committee.h"

/*
 * Whatever a form or a script hands the repository — huge numbers, empty
 * or missing text, unknown ids — it answers with an error naming the field
 * and the reason, writes nothing, and never stops on a critical warning
 * (the tests run with G_DEBUG=fatal-warnings).
 */

static void
assert_invalid (GError     *error,
                const char *field)
{
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  if (strstr (error->message, field) == NULL)
    g_error ("“%s” does not name “%s”", error->message, field);
}

/* Stage budgets past a year of working days are refused, naming the
 * field, before their sum can overflow or a due date fall off the
 * calendar. */
static void
test_huge_budgets (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *vetting;
  gint64 audit;

  (void) data;
  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  audit = xf_test_count_audit (f->store);

  /* Four budgets near G_MAXINT: their sum does not fit an int. */
  xf_campaign_set_promise_days (campaign, G_MAXINT);
  g_assert_true (xf_campaign_set_stage_budget (campaign, "preliminary", G_MAXINT / 2));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "committee", G_MAXINT / 2));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "notice", G_MAXINT / 2));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "decision", G_MAXINT / 2));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Promise");
  g_clear_error (&error);

  /* Budgets that add up, each far past the calendar's last day. */
  xf_campaign_set_promise_days (campaign, 4 * 2000000);
  g_assert_true (xf_campaign_set_stage_budget (campaign, "preliminary", 2000000));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "committee", 2000000));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "notice", 2000000));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "decision", 2000000));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Promise");
  g_clear_error (&error);

  /* At most a year of working days per stage. */
  xf_campaign_set_promise_days (campaign, 251 + 10 + 10 + 10);
  g_assert_true (xf_campaign_set_stage_budget (campaign, "preliminary", 251));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "committee", 10));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "notice", 10));
  g_assert_true (xf_campaign_set_stage_budget (campaign, "decision", 10));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Preliminary review budget");
  g_clear_error (&error);
  xf_campaign_set_promise_days (campaign, 250 + 10 + 10 + 10);
  g_assert_true (xf_campaign_set_stage_budget (campaign, "preliminary", 250));
  g_assert_true (xf_evaluation_save_campaign (f->admin, campaign, &error));
  g_assert_no_error (error);
  audit = xf_test_count_audit (f->store);

  /* A vetting department's deadline likewise. */
  vetting = xf_campaign_get_vetting (campaign);
  g_assert_cmpuint (vetting->len, >, 0);
  ((XfVettingDepartment *) g_ptr_array_index (vetting, 0))->days = G_MAXINT;
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Joint vetting");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
}

/* Missing pointers where data belongs, an action out of range, scores
 * that are not numbers, a file name with a folder in it, a year far off:
 * each an error naming the field. */
static void
test_missing_and_malformed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) copy = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF", 4);
  const double infinite[4] = { 5, INFINITY, 5, 5 };
  const double negative_infinite[4] = { 5, 5, -INFINITY, 5 };
  gint64 pioneer, draft_id, submitted, nomination, round_id, audit;

  (void) data;
  submitted = xf_test_submit (f->admin, f->campaign_id,
                              xf_test_add_candidate (f->admin, "钱工", NULL, "330521001"), "德清县总工会");
  pioneer = xf_test_add_candidate (f->admin, "赵工", NULL, "330521001");
  {
    g_autoptr(XfNomination) draft = xf_nomination_new (f->campaign_id, pioneer, "德清县总工会");

    g_assert_true (xf_evaluation_save_nomination (f->admin, draft, NULL, &error));
    g_assert_no_error (error);
    draft_id = xf_nomination_get_id (draft);
  }
  nomination = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  declare (f->as_reviewer[2], round_id, nomination);
  audit = xf_test_count_audit (f->store);

  g_assert_false (xf_evaluation_act (f->admin, draft_id, (XfAction) 99, NULL, &error));
  assert_invalid (error, "Action");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (f->admin, draft_id, (XfAction) -1, NULL, &error));
  assert_invalid (error, "Action");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_set_checklist (f->admin, submitted, NULL, &error));
  assert_invalid (error, "Checklist");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_sign_off (f->admin, submitted, NULL, FALSE, NULL, &error));
  assert_invalid (error, "Vetting");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_add_material (f->admin, draft_id, "事迹.pdf", NULL, NULL, &error));
  assert_invalid (error, "事迹.pdf");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_add_material (f->admin, draft_id, "../../.bashrc", "text/plain",
                                              content, &error));
  assert_invalid (error, "File name");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_set_committee (f->admin, f->campaign_id, NULL, &error));
  assert_invalid (error, "Committee");
  g_clear_error (&error);

  g_assert_false (xf_evaluation_save_scores (f->as_reviewer[2], round_id, nomination, NULL, 4, &error));
  assert_invalid (error, "Scores");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_save_scores (f->as_reviewer[2], round_id, nomination, infinite, 4,
                                             &error));
  assert_invalid (error, "0 and 10");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_save_scores (f->as_reviewer[2], round_id, nomination,
                                             negative_infinite, 4, &error));
  assert_invalid (error, "0 and 10");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_resolve_tie (f->as_reviewer[0], round_id, NULL, 2, &error));
  assert_invalid (error, "Order");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  /* Copies to a year the calendar cannot hold. */
  copy = xf_evaluation_copy_campaign (f->admin, f->campaign_id, 100000, &error);
  g_assert_null (copy);
  assert_invalid (error, "Year");
  g_clear_error (&error);
  copy = xf_evaluation_copy_campaign (f->admin, f->campaign_id, -3, &error);
  g_assert_null (copy);
  assert_invalid (error, "Year");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
}

/* Ids that name nothing: XF_ERROR_NOT_FOUND, nothing written. */
static void
test_unknown_ids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const double scores[4] = { 5, 5, 5, 5 };
  const gint64 ids[2] = { 4242, 4243 };
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (f->admin);
  gint64 nomination, round_id, audit;
  gpointer result;

  (void) data;
  nomination = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  audit = xf_test_count_audit (f->store);

#define REFUSED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND); \
    g_clear_error (&error); \
  } G_STMT_END
#define NOT_FOUND(call) \
  G_STMT_START { \
    result = (call); \
    g_assert_null (result); \
    g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND); \
    g_clear_error (&error); \
  } G_STMT_END

  REFUSED (xf_evaluation_act (f->admin, 4242, XF_ACTION_WITHDRAW, "撤回", &error));
  REFUSED (xf_evaluation_sign_off (f->admin, 4242, "tax", FALSE, NULL, &error));
  REFUSED (xf_notice_board_decide (board, 4242, XF_OBJECTION_UPHELD_END, "异议属实", NULL, &error));
  REFUSED (xf_evaluation_remove_material (f->admin, 4242, &error));
  REFUSED (xf_evaluation_declare (f->as_reviewer[2], 4242, nomination, FALSE, NULL, &error));
  REFUSED (xf_evaluation_declare (f->as_reviewer[2], round_id, 4242, FALSE, NULL, &error));
  REFUSED (xf_evaluation_save_scores (f->as_reviewer[2], round_id, 4242, scores, 4, &error));
  REFUSED (xf_evaluation_vote (f->as_reviewer[2], round_id, 4242, "for", &error));
  REFUSED (xf_evaluation_remind (f->as_reviewer[0], 4242, 0, &error));
  REFUSED (xf_evaluation_close_round (f->as_reviewer[0], 4242, &error));
  REFUSED (xf_evaluation_resolve_tie (f->as_reviewer[0], 4242, ids, 2, &error));
  REFUSED (xf_evaluation_set_campaign_status (f->admin, 4242, "open", &error));
  REFUSED (xf_evaluation_set_committee (f->admin, 4242, none, &error));
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);

  NOT_FOUND (xf_evaluation_get_nomination (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_get_timeline (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_list_vettings (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_list_materials (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_read_material (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_check_eligibility (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_get_campaign (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_copy_campaign (f->admin, 4242, 2027, &error));
  NOT_FOUND (xf_evaluation_list_committee (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_list_conflicts (f->admin, 4242, 0, &error));
  NOT_FOUND (xf_evaluation_campaign_report (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_list_round_nominations (f->admin, 4242, &error));
  NOT_FOUND (xf_evaluation_get_round_progress (f->as_reviewer[0], 4242, &error));
  NOT_FOUND (xf_evaluation_compute_results (f->as_reviewer[0], 4242, &error));
  NOT_FOUND (xf_evaluation_list_scores (f->as_reviewer[0], 4242, nomination, &error));
  NOT_FOUND (xf_evaluation_list_scores (f->as_reviewer[0], round_id, 4242, &error));
  NOT_FOUND (xf_evaluation_get_my_review (f->as_reviewer[2], 4242, nomination, &error));
#undef NOT_FOUND
#undef REFUSED
}

/* Holes in the lists a form builds — a missing criterion, department or
 * member — and numbers too large to weigh: errors naming the list. */
static void
test_list_holes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *rubric, *vetting;
  gint64 audit;

  (void) data;
  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  rubric = xf_campaign_get_rubric (campaign);
  vetting = xf_campaign_get_vetting (campaign);
  audit = xf_test_count_audit (f->store);

  g_ptr_array_add (rubric, NULL);
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Scoring rubric");
  g_clear_error (&error);
  g_ptr_array_set_size (rubric, rubric->len - 1);

  g_ptr_array_add (rubric, xf_criterion_new ("huge", "权重过大", NULL, 1e308, 10));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Scoring rubric");
  g_clear_error (&error);
  g_ptr_array_remove_index (rubric, rubric->len - 1);
  g_ptr_array_add (rubric, xf_criterion_new ("huge", "满分过大", NULL, 10, INFINITY));
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Scoring rubric");
  g_clear_error (&error);
  g_ptr_array_remove_index (rubric, rubric->len - 1);

  g_ptr_array_add (vetting, NULL);
  g_assert_false (xf_evaluation_save_campaign (f->admin, campaign, &error));
  assert_invalid (error, "Joint vetting");
  g_clear_error (&error);
  g_ptr_array_set_size (vetting, vetting->len - 1);

  g_ptr_array_add (members, xf_committee_member_new (xf_account_get_id (f->reviewer[0]), TRUE));
  g_ptr_array_add (members, NULL);
  g_assert_false (xf_evaluation_set_committee (f->admin, f->campaign_id, members, &error));
  assert_invalid (error, "Committee");
  g_clear_error (&error);
  xf_committee_member_free (g_ptr_array_index (members, 0));
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
}

/* A page past the end, or as long as a guint allows, in both ways a list
 * is cut (by the database, and in C when searching text). */
static void
test_huge_page (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *texts[] = { NULL, "师傅" };

  (void) data;
  nominate (f, "王师傅", "德清县某机械厂");
  nominate (f, "李师傅", "德清县某纺织厂");
  nominate (f, "赵师傅", "德清县某化工厂");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      XfNominationQuery rest = { f->campaign_id, NULL, texts[i], FALSE, 1, G_MAXUINT };
      XfNominationQuery past = { f->campaign_id, NULL, texts[i], FALSE, G_MAXUINT, G_MAXUINT };
      g_autoptr(GPtrArray) page = NULL;

      page = xf_evaluation_list_nominations (f->admin, &rest, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, 2);
      g_clear_pointer (&page, g_ptr_array_unref);
      page = xf_evaluation_list_nominations (f->admin, &past, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/evaluation-input/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("huge-budgets", test_huge_budgets);
  ADD ("missing-and-malformed", test_missing_and_malformed);
  ADD ("unknown-ids", test_unknown_ids);
  ADD ("list-holes", test_list_holes);
  ADD ("huge-page", test_huge_page);

  return g_test_run ();
}
