/* test-objection-outcomes.c — an objection's outcome, what it does, and the reply
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-objections.h"

static void
decide_ok (XfNoticeBoard *board,
           gint64         id,
           const char    *outcome,
           const char    *reason,
           const char    *reply)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_notice_board_decide (board, id, outcome, reason, reply, &error));
  g_assert_no_error (error);
}

static void
close_notice (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  set_today (CLOSING_DAY);
  g_assert_true (xf_notice_board_close (fixture->board, fixture->notice, &error));
  g_assert_no_error (error);
}

static void
test_blocks_decision (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  record (fixture, fixture->deqing);
  set_today (CLOSING_DAY);
  /* Neither moved on by hand nor by closing while the objection is open. */
  g_assert_false (xf_evaluation_act (fixture->admin, fixture->deqing, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  close_notice (fixture);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_NOTICE);
  g_assert_cmpstr (stage_of (fixture, fixture->anji), ==, XF_STAGE_DECISION);
  result = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (result, ==, XF_CANDIDATE_HELD);

  /* Even in decision (put there behind the board's back), no decision. */
  nomination = xf_evaluation_get_nomination (fixture->admin, fixture->deqing, &error);
  g_assert_no_error (error);
  g_assert_true (_xf_evaluation_begin (fixture->admin, &error));
  g_assert_true (_xf_evaluation_move (fixture->admin, nomination, XF_ACTION_CLOSE_NOTICE,
                                      XF_STAGE_DECISION, NULL, &error));
  g_assert_true (_xf_evaluation_commit (fixture->admin, &error));
  g_assert_no_error (error);
  g_assert_false (xf_evaluation_act (fixture->admin, fixture->deqing, XF_ACTION_CONFER, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "open objection"));
  g_clear_error (&error);
  g_assert_false (xf_evaluation_act (fixture->admin, fixture->deqing, XF_ACTION_DECLINE, "名额调整", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "open objection"));
  g_clear_error (&error);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_DECISION);
}

static void
test_upheld_return (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfObjection) decided = NULL;
  g_autoptr(XfObjection) other = NULL;
  g_autoptr(XfObjection) unrelated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *anji_result = NULL;
  gint64 first = record (fixture, fixture->deqing);
  gint64 second = record (fixture, fixture->deqing);
  gint64 on_anji = record (fixture, fixture->anji);

  set_today ("2026-03-11");
  decide_ok (fixture->board, first, XF_OBJECTION_UPHELD_RETURN, "事迹存在夸大", NULL);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_COMMITTEE);
  result = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (result, ==, XF_CANDIDATE_RETURNED);

  decided = get_objection (fixture->board, first);
  g_assert_cmpstr (decided->status, ==, XF_OBJECTION_CLOSED);
  g_assert_cmpstr (decided->outcome, ==, XF_OBJECTION_UPHELD_RETURN);
  g_assert_cmpstr (decided->outcome_reason, ==, "事迹存在夸大");
  g_assert_cmpstr (decided->decided_on, ==, "2026-03-11");
  g_assert_cmpstr (decided->decided_by, ==, "Local administrator");
  g_assert_null (decided->reply);
  /* The candidate's other objection closes with it; another candidate's does not. */
  other = get_objection (fixture->board, second);
  g_assert_cmpstr (other->status, ==, XF_OBJECTION_CLOSED);
  g_assert_cmpstr (other->outcome, ==, XF_OBJECTION_UPHELD_RETURN);
  g_assert_cmpstr (other->outcome_reason, ==, "事迹存在夸大");
  unrelated = get_objection (fixture->board, on_anji);
  g_assert_cmpstr (unrelated->status, ==, XF_OBJECTION_OPEN);

  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-decide'"
                                        " AND field = 'outcome' AND new_value = 'upheld-return'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-decide'"
                                        " AND field = 'reason' AND new_value = '事迹存在夸大'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'stage'"
                                        " AND record_type = 'nomination' AND new_value = 'committee'"
                                        " AND old_value = 'notice'"), ==, 1);

  /* Decided once. */
  g_assert_false (xf_notice_board_decide (fixture->board, first, XF_OBJECTION_DISMISSED, "x", "y", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Closing keeps "returned"; Anji, still objected to, is held. */
  close_notice (fixture);
  g_clear_pointer (&result, g_free);
  result = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (result, ==, XF_CANDIDATE_RETURNED);
  anji_result = result_of (fixture, fixture->notice, fixture->anji);
  g_assert_cmpstr (anji_result, ==, XF_CANDIDATE_HELD);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_COMMITTEE);
  g_assert_cmpstr (stage_of (fixture, fixture->anji), ==, XF_STAGE_NOTICE);
}

static void
test_upheld_end (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfObjection) decided = NULL;
  g_autofree char *result = NULL;
  g_autofree char *anji_result = NULL;
  gint64 id = record (fixture, fixture->anji);

  /* Upheld after closing, while the candidate is held. */
  close_notice (fixture);
  decide_ok (fixture->board, id, XF_OBJECTION_UPHELD_END, "受过处分未满期限", "经核查属实，已取消其推荐资格。");
  g_assert_cmpstr (stage_of (fixture, fixture->anji), ==, XF_STAGE_NOT_SELECTED);
  result = result_of (fixture, fixture->notice, fixture->anji);
  g_assert_cmpstr (result, ==, XF_CANDIDATE_ENDED);
  decided = get_objection (fixture->board, id);
  g_assert_cmpstr (decided->reply, ==, "经核查属实，已取消其推荐资格。");
  /* Deqing, never objected to, moved on at closing. */
  anji_result = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (anji_result, ==, XF_CANDIDATE_DECISION);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM objections WHERE status = 'open'"), ==, 0);
}

static void
test_decide_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = record (fixture, fixture->deqing);
  gint64 audit = xf_test_count_audit (fixture->store);

  g_assert_false (xf_notice_board_decide (fixture->board, id, "upheld", "理由", "答复", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Outcome:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_decide (fixture->board, id, XF_OBJECTION_UPHELD_RETURN, " ", NULL, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Reason:");
  g_clear_error (&error);
  /* A dismissal answers the objector. */
  g_assert_false (xf_notice_board_decide (fixture->board, id, XF_OBJECTION_DISMISSED, "不实", NULL, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Reply:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_decide (fixture->board, id, XF_OBJECTION_DISMISSED, "不实", "", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Reply:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_decide (fixture->board, 9999, XF_OBJECTION_DISMISSED, "不实", "答复", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_NOTICE);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM objections WHERE status = 'open'"), ==, 1);
}

static void
test_dismissed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfObjection) decided = NULL;
  g_autofree char *result = NULL;
  gint64 id = record (fixture, fixture->deqing);

  /* While the notice runs, a dismissal changes nothing for the candidate. */
  decide_ok (fixture->board, id, XF_OBJECTION_DISMISSED, "经核查不实", "经核查，所反映问题不属实。");
  decided = get_objection (fixture->board, id);
  g_assert_cmpstr (decided->status, ==, XF_OBJECTION_CLOSED);
  g_assert_cmpstr (decided->outcome, ==, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (decided->reply, ==, "经核查，所反映问题不属实。");
  g_assert_null (decided->reply_sent_on);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_NOTICE);
  result = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (result, ==, "");

  /* Then closing moves it on like any other. */
  close_notice (fixture);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_DECISION);
}

static void
test_last_dismissal_moves_on (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *held = NULL;
  g_autofree char *moved = NULL;
  gint64 first = record (fixture, fixture->deqing);
  gint64 second = record (fixture, fixture->deqing);

  close_notice (fixture);
  held = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (held, ==, XF_CANDIDATE_HELD);

  /* One of two dismissed: still held. */
  decide_ok (fixture->board, first, XF_OBJECTION_DISMISSED, "不实", "经核查不实。");
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_NOTICE);
  /* The last: on to decision, and the decision may follow. */
  decide_ok (fixture->board, second, XF_OBJECTION_DISMISSED, "不实", "经核查不实。");
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_DECISION);
  moved = result_of (fixture, fixture->notice, fixture->deqing);
  g_assert_cmpstr (moved, ==, XF_CANDIDATE_DECISION);
  g_assert_true (xf_evaluation_act (fixture->admin, fixture->deqing, XF_ACTION_CONFER, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_CONFERRED);
}

static void
test_reply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dismissed = record (fixture, fixture->deqing);
  gint64 upheld = record (fixture, fixture->anji);
  gint64 audit;

  g_assert_false (xf_notice_board_record_reply (fixture->board, dismissed, "letter", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  set_today ("2026-03-11");
  decide_ok (fixture->board, dismissed, XF_OBJECTION_DISMISSED, "不实", "经核查不实。");
  decide_ok (fixture->board, upheld, XF_OBJECTION_UPHELD_RETURN, "属实", NULL);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_notice_board_record_reply (fixture->board, dismissed, "email", NULL, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Channel:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_record_reply (fixture->board, dismissed, "letter", "2026-03-10", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Sent on:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_record_reply (fixture->board, dismissed, "letter", "2026-03-12", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Sent on:");
  g_clear_error (&error);
  /* Upheld without a reply: nothing to send. */
  g_assert_false (xf_notice_board_record_reply (fixture->board, upheld, "letter", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);

  set_today ("2026-03-12");
  g_assert_true (xf_notice_board_record_reply (fixture->board, dismissed, "letter", "2026-03-11", &error));
  g_assert_no_error (error);
  stored = get_objection (fixture->board, dismissed);
  g_assert_cmpstr (stored->reply_channel, ==, "letter");
  g_assert_cmpstr (stored->reply_sent_on, ==, "2026-03-11");
  g_assert_cmpstr (stored->reply_sent_by, ==, "Local administrator");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-reply'"
                                        " AND new_value = 'letter 2026-03-11'"), ==, 1);
  /* Once. */
  g_assert_false (xf_notice_board_record_reply (fixture->board, dismissed, "phone", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
}

static void
test_scoped_handling (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) deqing = board_as (fixture, "deqing", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = record (fixture, fixture->deqing);

  /* A Deqing clerk handles an objection to a Deqing candidate from end to end. */
  g_assert_true (xf_notice_board_add_note (deqing, id, "走访了推荐单位。", &error));
  g_assert_no_error (error);
  decide_ok (deqing, id, XF_OBJECTION_DISMISSED, "不实", "经核查不实。");
  g_assert_true (xf_notice_board_record_reply (deqing, id, "phone", NULL, &error));
  g_assert_no_error (error);
  stored = get_objection (deqing, id);
  g_assert_cmpstr (stored->decided_by, ==, "deqing");
  g_assert_cmpstr (stored->reply_sent_by, ==, "deqing");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'objection'"
                                        " AND actor_login = 'deqing'"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_objections_test ("blocks-decision", test_blocks_decision);
  add_objections_test ("upheld-return", test_upheld_return);
  add_objections_test ("upheld-end", test_upheld_end);
  add_objections_test ("decide-invalid", test_decide_invalid);
  add_objections_test ("dismissed", test_dismissed);
  add_objections_test ("last-dismissal-moves-on", test_last_dismissal_moves_on);
  add_objections_test ("reply", test_reply);
  add_objections_test ("scoped-handling", test_scoped_handling);

  return g_test_run ();
}
