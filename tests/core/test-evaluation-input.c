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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/evaluation-input/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("huge-budgets", test_huge_budgets);

  return g_test_run ();
}
