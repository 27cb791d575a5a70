/* test-nomination-decision.c — a nomination's public notice and decision
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-nominations.h"

/*
 * Notice and decision
 */

static void
test_close_notice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");

  xf_test_to_committee (fixture->admin, id);
  select_for_notice (fixture, id);
  /* Four working days (10–13 March) are not the five needed. */
  set_today ("2026-03-13");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "4 of its 5"));
  g_clear_error (&error);
  /* The weekend does not count. */
  set_today ("2026-03-15");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  set_today ("2026-03-16");
  act_ok (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_DECISION);
}

static void
test_confer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign, 0, "德清县总工会");
  g_autoptr(XfPioneer) candidate = xf_pioneer_new ("individual");
  g_autoptr(XfPioneer) file = NULL;
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(XfHonour) honour = NULL;
  g_autoptr(XfNomination) conferred = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (candidate, "name", "陈晓", "region-code", "330521001", "birth-date", "1985-01-01", NULL);
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, nomination, candidate, &error));
  g_assert_no_error (error);
  id = xf_nomination_get_id (nomination);
  act_ok (fixture->admin, id, XF_ACTION_SUBMIT, NULL);
  to_decision (fixture, id);

  act_ok (fixture->admin, id, XF_ACTION_CONFER, NULL);
  conferred = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (conferred), ==, XF_STAGE_CONFERRED);
  g_assert_cmpstr (xf_nomination_get_decided_on (conferred), ==, "2026-03-16");

  file = xf_registry_get_pioneer (xf_evaluation_get_registry (fixture->admin),
                                  xf_pioneer_get_id (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_tier (file), ==, "county");
  g_assert_cmpint (xf_pioneer_get_honours_count (file), ==, 1);
  honours = xf_registry_list_honours (xf_evaluation_get_registry (fixture->admin),
                                      xf_pioneer_get_id (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (honours), ==, 1);
  honour = g_list_model_get_item (honours, 0);
  g_assert_cmpstr (xf_honour_get_title (honour), ==, "2026年度德清县劳动模范");
  g_assert_cmpstr (xf_honour_get_level (honour), ==, "county");
  g_assert_cmpint (xf_honour_get_year (honour), ==, 2026);
  g_assert_cmpstr (xf_honour_get_conferring_body (honour), ==, "湖州市总工会");
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT honour_id FROM nominations"),
                   ==, xf_honour_get_id (honour));
}

static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfNomination) declined = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");

  to_decision (fixture, id);
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_DECLINE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  act_ok (fixture->admin, id, XF_ACTION_DECLINE, "名额调整");
  declined = get (fixture->admin, id);
  g_assert_cmpstr (xf_nomination_get_stage (declined), ==, XF_STAGE_DECLINED);
  g_assert_cmpstr (xf_nomination_get_outcome_reason (declined), ==, "名额调整");
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM honours"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_nominations_test ("close-notice", test_close_notice);
  add_nominations_test ("confer", test_confer);
  add_nominations_test ("decline", test_decline);

  return g_test_run ();
}
