/* test-nomination-decision.c — a nomination's public notice and decision
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-notice-board.h"
#include "xf-test-nominations.h"

/*
 * Notice and decision
 */

/* An open objection to @id on @notice, received on 12 March. */
static gint64
object_to (XfNoticeBoard *board,
           gint64         notice,
           gint64         id)
{
  g_autoptr(XfObjection) objection = xf_objection_new ();
  g_autoptr(GError) error = NULL;
  gint64 objection_id;

  objection->notice_id = notice;
  objection->nomination_id = id;
  objection->received_on = g_strdup ("2026-03-12");
  objection->channel = g_strdup ("phone");
  objection->anonymous = TRUE;
  objection->grounds = g_strdup ("事迹有夸大。");
  objection_id = xf_notice_board_record_objection (board, objection, &error);
  g_assert_no_error (error);
  return objection_id;
}

static void
test_close_notice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (fixture->admin);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");
  gint64 notice, objection;

  xf_test_to_committee (fixture->admin, id);
  select_for_notice (fixture, id);
  /* Public notice ends with a notice's period, not with time alone. */
  set_today ("2026-03-20");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "is on no published notice"));
  g_clear_error (&error);

  /* Published on Monday 9 March: its period runs to Friday 13 March. */
  set_today ("2026-03-09");
  notice = xf_test_publish_notice (fixture->admin, fixture->campaign);
  set_today ("2026-03-13");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "runs until 13 March 2026"));
  g_clear_error (&error);
  objection = object_to (board, notice, id);

  /* Ended, but an objection is open. */
  set_today ("2026-03-16");
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "has an open objection"));
  g_clear_error (&error);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_NOTICE);

  g_assert_true (xf_notice_board_decide (board, objection, XF_OBJECTION_DISMISSED, "查无实据",
                                         "经核查，反映的问题不属实。", &error));
  g_assert_no_error (error);
  act_ok (fixture->admin, id, XF_ACTION_CLOSE_NOTICE, NULL);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_DECISION);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT COUNT(*) FROM notice_candidates"
                                        " WHERE result = 'decision'"), ==, 1);
}

/* Confer and decline wait for every objection to be decided. */
static void
test_open_objection_blocks_decision (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, fixture->deqing, "德清县总工会");
  gint64 audit;

  to_decision (fixture, id);
  /* An objection left open (written straight to the table: recording one
   * needs the nomination in public notice): the rule holds in decision too. */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO objections (uid, notice_id, nomination_id, received_on, channel, grounds,"
      " due_on, created_at, updated_at) SELECT 'objection-late', notice_id, nomination_id,"
      " '2026-03-12', 'letter', '材料不实', '2026-03-19', 0, 0 FROM notice_candidates"
      " WHERE nomination_id = %" G_GINT64_FORMAT, id);

    g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
    g_assert_no_error (error);
  }
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_CONFER, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "has an open objection"));
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (fixture->admin, id, XF_ACTION_DECLINE, "名额调整", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM honours"), ==, 0);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_DECISION);

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store),
                             "UPDATE objections SET status = 'closed', outcome = 'dismissed'", &error));
  g_assert_no_error (error);
  act_ok (fixture->admin, id, XF_ACTION_CONFER, NULL);
  g_assert_cmpstr (stage_of (fixture, id), ==, XF_STAGE_CONFERRED);
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
  add_nominations_test ("open-objection-blocks-decision", test_open_objection_blocks_decision);
  add_nominations_test ("decline", test_decline);

  return g_test_run ();
}
