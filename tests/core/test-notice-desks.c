/* test-notice-desks.c — closing notices while another desk writes to them
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-files.h"
#include "xf-test-notices.h"

/*
 * Two desks at once. The main desk holds its transaction open while the
 * other desk, on a connection of its own, closes the notice (or decides
 * an objection on it): the other desk must wait and then act on what the
 * main desk committed, not on what it read before. On SQLite the second
 * writer waits for the first at its BEGIN; on PostgreSQL only row locks
 * keep the desks apart.
 */

typedef struct
{
  char *dir;
  char *location;
} Place;

static void
set_up_shared (Fixture       *fixture,
               gconstpointer  data)
{
  Place *place = (Place *) data;

  set_today ("2026-03-09");
  if (!xf_test_using_postgresql ())
    place->dir = xf_test_make_dir ();
  place->location = xf_test_database_location (place->dir, "shared.db");
  fixture->store = xf_test_open_store_at (place->location);
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->board = xf_notice_board_new (fixture->admin);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 10);
}

static void
tear_down_shared (Fixture       *fixture,
                  gconstpointer  data)
{
  Place *place = (Place *) data;

  fixture_tear_down (fixture, NULL);
  xf_test_remove_dir (place->dir);
  g_clear_pointer (&place->dir, g_free);
  g_clear_pointer (&place->location, g_free);
}

typedef struct
{
  XfStore       *store;          /* the other desk's connection */
  XfEvaluation  *evaluation;
  XfNoticeBoard *board;
  gint64         objection_id;   /* for dismiss_thread */
  int            closed;         /* what close_due_thread returned */
  gboolean       done;           /* what dismiss_thread returned */
  GError        *error;
} Desk;

static void
desk_open (Desk       *desk,
           const Place *place)
{
  desk->store = xf_test_open_store_at (place->location);
  desk->evaluation = xf_test_evaluation_new (desk->store, NULL);
  desk->board = xf_notice_board_new (desk->evaluation);
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->board);
  g_clear_object (&desk->evaluation);
  g_assert_finalize_object (desk->store);
  g_clear_error (&desk->error);
}

static gpointer
close_due_thread (gpointer data)
{
  Desk *desk = data;

  desk->closed = xf_notice_board_close_due (desk->board, &desk->error);
  return NULL;
}

/* Dismisses @objection on @board, as not borne out. */
static gboolean
dismiss (XfNoticeBoard  *board,
         gint64          objection,
         GError        **error)
{
  return xf_notice_board_decide (board, objection, XF_OBJECTION_DISMISSED,
                                 "经调查核实", "经核查，反映问题不属实。", error);
}

static gpointer
dismiss_thread (gpointer data)
{
  Desk *desk = data;

  desk->done = dismiss (desk->board, desk->objection_id, &desk->error);
  return NULL;
}

/* Runs @func on the other desk while @fixture's connection holds its
 * transaction, long enough for the desk to have read what it reads
 * first; then commits and waits for the desk. */
static void
race (Fixture     *fixture,
      GThreadFunc  func,
      Desk        *desk)
{
  g_autoptr(GError) error = NULL;
  GThread *thread = g_thread_new ("desk", func, desk);

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (xf_db_commit (xf_store_get_db (fixture->store), &error));
  g_assert_no_error (error);
  g_thread_join (thread);
}

static void
begin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_begin (xf_store_get_db (fixture->store), &error));
  g_assert_no_error (error);
}

static gint64
decision_rows (Fixture *fixture,
               gint64   nomination)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM nomination_stages"
                                          " WHERE stage = 'decision' AND nomination_id = %"
                                          G_GINT64_FORMAT, nomination);

  return xf_test_query_int64 (fixture->store, sql);
}

static void
assert_moved_on (Fixture *fixture,
                 gint64   notice,
                 gint64   nomination)
{
  g_autofree char *result = result_of (fixture, notice, nomination);

  g_assert_cmpstr (stage_of (fixture, nomination), ==, XF_STAGE_DECISION);
  g_assert_cmpstr (result, ==, XF_CANDIDATE_DECISION);
  g_assert_cmpint (decision_rows (fixture, nomination), ==, 1);
}

/* Both desks close the notices due: one closes it, the other finds it
 * closed and closes nothing (no error, nothing twice). */
static void
test_close_due_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  Desk desk = { 0, };
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);

  publish (fixture, id);
  desk_open (&desk, data);
  set_today ("2026-03-16");

  begin (fixture);
  close_due (fixture, 1);
  race (fixture, close_due_thread, &desk);

  g_assert_no_error (desk.error);
  g_assert_cmpint (desk.closed, ==, 0);
  assert_moved_on (fixture, id, a);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log"
                                                         " WHERE action = 'notice-close'"), ==, 1);
  desk_close (&desk);
}

/* The last objection is dismissed at one desk while the other closes the
 * notice: the candidate is not left held with nothing holding it. */
static void
test_dismissed_while_closing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Desk desk = { 0, };
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);
  gint64 objection;

  publish (fixture, id);
  set_today ("2026-03-10");
  objection = object (fixture, id, a, "2026-03-10");
  desk_open (&desk, data);
  set_today ("2026-03-16");

  begin (fixture);
  g_assert_true (dismiss (fixture->board, objection, &error));
  g_assert_no_error (error);
  race (fixture, close_due_thread, &desk);

  g_assert_no_error (desk.error);
  g_assert_cmpint (desk.closed, ==, 1);
  assert_moved_on (fixture, id, a);
  desk_close (&desk);
}

/* The other way round: the notice closes (holding the candidate) at one
 * desk while the other dismisses its last objection. */
static void
test_closing_while_dismissed (Fixture       *fixture,
                              gconstpointer  data)
{
  Desk desk = { 0, };
  gint64 a = in_notice (fixture, "沈建国");
  gint64 id = create (fixture);

  publish (fixture, id);
  set_today ("2026-03-10");
  desk.objection_id = object (fixture, id, a, "2026-03-10");
  desk_open (&desk, data);
  set_today ("2026-03-16");

  begin (fixture);
  close_due (fixture, 1);
  race (fixture, dismiss_thread, &desk);

  g_assert_no_error (desk.error);
  g_assert_true (desk.done);
  assert_moved_on (fixture, id, a);
  desk_close (&desk);
}

/* A candidate moved on by hand at one desk while the other closes its
 * notice moves once, and the closing still succeeds. */
static void
test_moved_by_hand_while_closing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Desk desk = { 0, };
  gint64 a = in_notice (fixture, "沈建国");
  gint64 b = in_notice (fixture, "王美华");
  gint64 id = create (fixture);

  publish (fixture, id);
  desk_open (&desk, data);
  set_today ("2026-03-16");

  begin (fixture);
  g_assert_true (xf_evaluation_act (fixture->admin, a, XF_ACTION_CLOSE_NOTICE, NULL, &error));
  g_assert_no_error (error);
  race (fixture, close_due_thread, &desk);

  g_assert_no_error (desk.error);
  g_assert_cmpint (desk.closed, ==, 1);
  assert_moved_on (fixture, id, a);
  assert_moved_on (fixture, id, b);
  desk_close (&desk);
}

int
main (int   argc,
      char *argv[])
{
  static Place place;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/notice-desks/" path, Fixture, &place, set_up_shared, func, tear_down_shared)

  ADD ("close-due-twice", test_close_due_twice);
  ADD ("dismissed-while-closing", test_dismissed_while_closing);
  ADD ("closing-while-dismissed", test_closing_while_dismissed);
  ADD ("moved-by-hand-while-closing", test_moved_by_hand_while_closing);
#undef ADD

  return g_test_run ();
}
