/* test-notice-closing.c — closing notices and what it does with their candidates
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-notices.h"

static void
decide (Fixture    *fixture,
        gint64      objection,
        const char *outcome)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_notice_board_decide (fixture->board, objection, outcome, "经调查核实",
                                         g_str_equal (outcome, XF_OBJECTION_DISMISSED)
                                         ? "经核查，反映问题不属实。" : NULL, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

static void
test_close_before_end (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);
  gint64 audit;

  /* A draft does not close. */
  g_assert_false (xf_notice_board_close (fixture->board, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  publish (fixture, id);

  /* Its period runs 9–13 March: it closes neither on its first nor on its
   * last day, but from the next day, a Saturday or not. */
  for (guint i = 0; i < 2; i++)
    {
      set_today ((const char *[]) { "2026-03-09", "2026-03-13" }[i]);
      audit = xf_test_count_audit (fixture->store);
      g_assert_false (xf_notice_board_close (fixture->board, id, &error));
      assert_error_has (error, XF_ERROR_WORKFLOW, "runs until 13 March 2026");
      g_clear_error (&error);
      close_due (fixture, 0);
      g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
      g_assert_cmpstr (stage_of (fixture, a), ==, XF_STAGE_NOTICE);
    }

  set_today ("2026-03-14");
  g_assert_true (xf_notice_board_close (fixture->board, id, &error));
  g_assert_no_error (error);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_CLOSED);
  g_assert_cmpstr (notice->closed_on, ==, "2026-03-14");
  g_assert_cmpstr (stage_of (fixture, a), ==, XF_STAGE_DECISION);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'notice-close'"
                                   " AND new_value = 'by hand'"), ==, 1);
  /* Once. */
  g_assert_false (xf_notice_board_close (fixture->board, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
}

static void
test_close_due (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfNotice) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  gint64 running, held, returned, ended, other, late;
  gint64 a, b, c, held_objection;
  gint64 audit;

  /* Notice A, 9–13 March: four candidates. */
  running = in_notice (fixture, "沈建国");
  held = in_notice (fixture, "王美华");
  returned = in_notice (fixture, "李强");
  ended = in_notice (fixture, "赵敏");
  a = create (fixture);
  publish (fixture, a);
  /* Notice B, 10–16 March, and C, 16–20 March. */
  set_today ("2026-03-10");
  other = in_notice (fixture, "钱伟");
  b = create (fixture);
  publish (fixture, b);

  set_today ("2026-03-11");
  held_objection = object (fixture, a, held, "2026-03-11");
  decide (fixture, object (fixture, a, returned, "2026-03-10"), XF_OBJECTION_UPHELD_RETURN);
  decide (fixture, object (fixture, a, ended, "2026-03-11"), XF_OBJECTION_UPHELD_END);
  g_assert_cmpstr (stage_of (fixture, returned), ==, XF_STAGE_COMMITTEE);
  g_assert_cmpstr (stage_of (fixture, ended), ==, XF_STAGE_NOT_SELECTED);

  set_today ("2026-03-16");
  late = in_notice (fixture, "孙丽");
  c = create (fixture);
  publish (fixture, c);

  /* On 16 March only A has ended (B's last day is today). */
  close_due (fixture, 1);
  /* On 17 March, B too; C runs on. */
  set_today ("2026-03-17");
  audit = xf_test_count_audit (fixture->store);
  close_due (fixture, 1);
  close_due (fixture, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->store), >, audit);

  first = get_notice (fixture, a);
  g_assert_cmpstr (first->status, ==, XF_NOTICE_CLOSED);
  g_assert_cmpstr (first->closed_on, ==, "2026-03-16");
  g_assert_cmpint (first->n_objections, ==, 3);
  g_assert_cmpint (first->n_open_objections, ==, 1);
  {
    g_autoptr(XfNotice) second = get_notice (fixture, b);
    g_autoptr(XfNotice) third = get_notice (fixture, c);

    g_assert_cmpstr (second->status, ==, XF_NOTICE_CLOSED);
    g_assert_cmpstr (third->status, ==, XF_NOTICE_PUBLISHED);
    g_assert_cmpint (third->days_left, ==, 3);
  }

  /* Exactly the right candidates moved. */
  g_assert_cmpstr (stage_of (fixture, running), ==, XF_STAGE_DECISION);
  g_assert_cmpstr (stage_of (fixture, held), ==, XF_STAGE_NOTICE);
  g_assert_cmpstr (stage_of (fixture, returned), ==, XF_STAGE_COMMITTEE);
  g_assert_cmpstr (stage_of (fixture, ended), ==, XF_STAGE_NOT_SELECTED);
  g_assert_cmpstr (stage_of (fixture, other), ==, XF_STAGE_DECISION);
  g_assert_cmpstr (stage_of (fixture, late), ==, XF_STAGE_NOTICE);
#define ASSERT_RESULT(notice, nomination, expected) \
  G_STMT_START { g_free (result); result = result_of (fixture, notice, nomination); \
    g_assert_cmpstr (result, ==, expected); } G_STMT_END
  ASSERT_RESULT (a, running, XF_CANDIDATE_DECISION);
  ASSERT_RESULT (a, held, XF_CANDIDATE_HELD);
  ASSERT_RESULT (a, returned, XF_CANDIDATE_RETURNED);
  ASSERT_RESULT (a, ended, XF_CANDIDATE_ENDED);
  ASSERT_RESULT (b, other, XF_CANDIDATE_DECISION);
  ASSERT_RESULT (c, late, "");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'notice-close'"
                                   " AND new_value = 'automatic'"), ==, 2);
  /* The timeline says why the stage changed. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM nomination_stages WHERE stage = 'decision'"
                                   " AND note = 'The public notice ended on 13 March 2026'"), ==, 1);

  /* The held one cannot be moved by hand while its objection is open. */
  g_assert_false (xf_evaluation_act (fixture->admin, held, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "open objection");
  g_clear_error (&error);
  /* Its last objection dismissed, it moves on. */
  decide (fixture, held_objection, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (stage_of (fixture, held), ==, XF_STAGE_DECISION);
  ASSERT_RESULT (a, held, XF_CANDIDATE_DECISION);
#undef ASSERT_RESULT
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfNotice) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept = in_notice (fixture, "沈建国");
  gint64 back = in_notice (fixture, "王美华");
  gint64 first = create (fixture);
  gint64 quiet, follow_up, third;

  publish (fixture, first);
  /* No objection upheld: the list has not changed. */
  g_assert_cmpint (xf_notice_board_create_follow_up (fixture->board, first, &error), ==, 0);
  assert_error_has (error, XF_ERROR_WORKFLOW, "was upheld");
  g_clear_error (&error);

  set_today ("2026-03-10");
  decide (fixture, object (fixture, first, back, "2026-03-10"), XF_OBJECTION_UPHELD_RETURN);
  set_today ("2026-03-16");
  close_due (fixture, 1);
  g_assert_cmpstr (stage_of (fixture, kept), ==, XF_STAGE_DECISION);

  /* The committee selects it again, with changes: a second notice for it. */
  xf_test_select_for_notice (fixture->admin, back);
  follow_up = xf_notice_board_create_follow_up (fixture->board, first, &error);
  g_assert_no_error (error);
  second = get_notice (fixture, follow_up);
  g_assert_cmpstr (second->title, ==,
                   "Second public notice of the candidates for 2026年度德清县劳动模范");
  g_assert_cmpint (second->follows, ==, first);
  g_assert_cmpstr (second->status, ==, XF_NOTICE_DRAFT);
  g_assert_cmpstr (second->contact_phone, ==, "0572-8888888");
  assert_only_candidate (second, back);
  /* Asked again while that draft exists: no second draft beside it. */
  g_assert_cmpint (xf_notice_board_create_follow_up (fixture->board, first, &error), ==, 0);
  assert_error_has (error, XF_ERROR_DUPLICATE, "already has a draft second notice");
  g_clear_error (&error);
  publish (fixture, follow_up);
  /* A notice without an upheld objection has no follow-up, even in a chain. */
  quiet = follow_up;
  g_assert_cmpint (xf_notice_board_create_follow_up (fixture->board, quiet, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  /* Nor does a draft. */
  third = create (fixture);
  g_assert_cmpint (xf_notice_board_create_follow_up (fixture->board, third, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  xf_test_end_notice (fixture->admin, follow_up);
  g_assert_cmpstr (stage_of (fixture, back), ==, XF_STAGE_DECISION);
}

/* A candidate moved on by hand once the period ended (before the notice
 * closed) is left as it is by the closing. */
static void
test_moved_by_hand (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNotice) notice = NULL;
  gint64 a = in_notice (fixture, "沈建国");
  gint64 b = in_notice (fixture, "王美华");
  gint64 id = create (fixture);
  gint64 audit;

  publish (fixture, id);
  set_today ("2026-03-16");
  g_assert_true (xf_evaluation_act (fixture->admin, a, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_no_error (error);
  audit = xf_test_count_audit (fixture->store);
  close_due (fixture, 1);
  g_assert_cmpint (xf_test_count_audit (fixture->store), >, audit);
  notice = get_notice (fixture, id);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_CLOSED);
  g_assert_cmpstr (stage_of (fixture, a), ==, XF_STAGE_DECISION);
  g_assert_cmpstr (stage_of (fixture, b), ==, XF_STAGE_DECISION);
  {
    g_autofree char *result_a = result_of (fixture, id, a);
    g_autofree char *result_b = result_of (fixture, id, b);

    g_assert_cmpstr (result_a, ==, XF_CANDIDATE_DECISION);
    g_assert_cmpstr (result_b, ==, XF_CANDIDATE_DECISION);
  }
}

/* Whether the evaluation offers @action on @nomination now. */
static gboolean
offers (Fixture  *fixture,
        gint64    nomination,
        XfAction  action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) stored = xf_evaluation_get_nomination (fixture->admin, nomination, &error);
  g_autoptr(GArray) actions = NULL;

  g_assert_no_error (error);
  actions = xf_evaluation_allowed_actions (fixture->admin, stored);
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, XfAction, i) == action)
      return TRUE;
  return FALSE;
}

/* Close-notice is offered exactly when xf_evaluation_act() would do it:
 * on a published or closed notice whose period has ended, with no
 * objection open; not after the campaign's minimum days alone. */
static void
test_offered_when_allowed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 quiet = in_notice (fixture, "沈建国");
  gint64 objected = in_notice (fixture, "王美华");
  gint64 id = create (fixture);
  gint64 unpublished, draft, objection;

  publish (fixture, id);
  set_today ("2026-03-10");
  objection = object (fixture, id, objected, "2026-03-10");
  /* Selected after the notice was published: on a draft only. */
  unpublished = in_notice (fixture, "李强");
  draft = create (fixture);
  g_assert_cmpint (draft, >, 0);

  /* The period runs to 13 March: nothing may close yet. */
  set_today ("2026-03-13");
  g_assert_false (offers (fixture, quiet, XF_ACTION_CLOSE_NOTICE));
  g_assert_false (xf_evaluation_act (fixture->admin, quiet, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "runs until 13 March 2026");
  g_clear_error (&error);

  /* Ended, not yet closed: the quiet one may move on, the objected one
   * not, nor the one on a draft however long it has waited. */
  set_today ("2026-03-20");
  g_assert_false (offers (fixture, objected, XF_ACTION_CLOSE_NOTICE));
  g_assert_false (xf_evaluation_act (fixture->admin, objected, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "open objection");
  g_clear_error (&error);
  g_assert_false (offers (fixture, unpublished, XF_ACTION_CLOSE_NOTICE));
  g_assert_false (xf_evaluation_act (fixture->admin, unpublished, XF_ACTION_CLOSE_NOTICE, NULL,
                                     &error));
  assert_error_has (error, XF_ERROR_WORKFLOW, "is on no published notice");
  g_clear_error (&error);
  /* Upholding goes through the board, never through act(). */
  g_assert_false (offers (fixture, objected, XF_ACTION_UPHOLD_OBJECTION));
  g_assert_true (offers (fixture, quiet, XF_ACTION_CLOSE_NOTICE));
  g_assert_true (xf_evaluation_act (fixture->admin, quiet, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_no_error (error);

  /* Closed, the objected one is held until its objection is dismissed. */
  close_due (fixture, 1);
  g_assert_false (offers (fixture, objected, XF_ACTION_CLOSE_NOTICE));
  decide (fixture, objection, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (stage_of (fixture, objected), ==, XF_STAGE_DECISION);
  g_assert_true (offers (fixture, objected, XF_ACTION_CONFER));
  g_assert_true (offers (fixture, objected, XF_ACTION_DECLINE));
}

/* A candidate held by an open objection on a closed notice is not put on
 * a second notice: that notice is not done with it. */
static void
test_held_stays_off_follow_up (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(XfNotice) second = NULL;
  g_autoptr(GPtrArray) addable = NULL;
  g_autoptr(GError) error = NULL;
  gint64 held = in_notice (fixture, "沈建国");
  gint64 back = in_notice (fixture, "王美华");
  gint64 first = create (fixture);
  gint64 objection, follow_up;

  publish (fixture, first);
  set_today ("2026-03-10");
  objection = object (fixture, first, held, "2026-03-10");
  decide (fixture, object (fixture, first, back, "2026-03-10"), XF_OBJECTION_UPHELD_RETURN);
  set_today ("2026-03-16");
  close_due (fixture, 1);
  g_assert_cmpstr (stage_of (fixture, held), ==, XF_STAGE_NOTICE);
  xf_test_select_for_notice (fixture->admin, back);

  follow_up = xf_notice_board_create_follow_up (fixture->board, first, &error);
  g_assert_no_error (error);
  second = get_notice (fixture, follow_up);
  assert_only_candidate (second, back);
  addable = xf_notice_board_list_addable (fixture->board, follow_up, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (addable->len, ==, 0);
  g_assert_false (xf_notice_board_add_candidate (fixture->board, follow_up, held, &error));
  assert_error_has (error, XF_ERROR_DUPLICATE, "held on the closed notice");
  g_clear_error (&error);

  /* Dismissed, it moves on from the notice that held it. */
  decide (fixture, objection, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (stage_of (fixture, held), ==, XF_STAGE_DECISION);
}

/* A held candidate whose nomination is withdrawn meanwhile: its objection
 * can still be dismissed (nothing moves), and is no longer open. */
static void
test_withdrawn_while_held (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 held = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);
  gint64 objection;
  guint open = 0;

  publish (fixture, id);
  set_today ("2026-03-10");
  objection = object (fixture, id, held, "2026-03-10");
  set_today ("2026-03-16");
  close_due (fixture, 1);
  g_assert_true (xf_evaluation_act (fixture->admin, held, XF_ACTION_WITHDRAW, "本人申请撤回",
                                    &error));
  g_assert_no_error (error);

  decide (fixture, objection, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (stage_of (fixture, held), ==, XF_STAGE_WITHDRAWN);
  g_assert_true (xf_notice_board_count_open (fixture->board, &open, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (open, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/notice-closing/before-end", Fixture, NULL, fixture_set_up,
              test_close_before_end, fixture_tear_down);
  g_test_add ("/core/notice-closing/close-due", Fixture, NULL, fixture_set_up,
              test_close_due, fixture_tear_down);
  g_test_add ("/core/notice-closing/follow-up", Fixture, NULL, fixture_set_up,
              test_follow_up, fixture_tear_down);
  g_test_add ("/core/notice-closing/moved-by-hand", Fixture, NULL, fixture_set_up,
              test_moved_by_hand, fixture_tear_down);
  g_test_add ("/core/notice-closing/offered-when-allowed", Fixture, NULL, fixture_set_up,
              test_offered_when_allowed, fixture_tear_down);
  g_test_add ("/core/notice-closing/held-stays-off-follow-up", Fixture, NULL, fixture_set_up,
              test_held_stays_off_follow_up, fixture_tear_down);
  g_test_add ("/core/notice-closing/withdrawn-while-held", Fixture, NULL, fixture_set_up,
              test_withdrawn_while_held, fixture_tear_down);

  return g_test_run ();
}
