/* test-nominations.c — nominations through the repository
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-error.h"
#include "xf-test-evaluation.h"

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;
  gint64        campaign;
  gint64        deqing;   /* a candidate in Deqing */
  gint64        anji;     /* a candidate in Anji */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* A Monday in an ordinary week: 2026-03-09. */
  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 3);
  fixture->deqing = xf_test_add_candidate (fixture->admin, "沈建国", "德清县某机械厂", "330521001");
  fixture->anji = xf_test_add_candidate (fixture->admin, "王美华", "安吉县某竹木厂", "330523001");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

static XfNomination *
get (Fixture *fixture,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (fixture->admin, id, &error);

  g_assert_no_error (error);
  return nomination;
}

static void
test_save_and_submit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign, fixture->deqing, "德清县总工会");
  g_autoptr(XfNomination) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) list = NULL;

  xf_nomination_set_case_text (nomination, "事迹");
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_nomination_get_id (nomination), >, 0);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_DRAFT);
  g_assert_cmpstr (xf_nomination_get_candidate_name (nomination), ==, "沈建国");

  g_assert_true (xf_evaluation_act (fixture->admin, xf_nomination_get_id (nomination),
                                    XF_ACTION_SUBMIT, NULL, &error));
  g_assert_no_error (error);
  stored = get (fixture, xf_nomination_get_id (nomination));
  g_assert_cmpstr (xf_nomination_get_stage (stored), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpstr (xf_nomination_get_submitted_on (stored), ==, "2026-03-09");
  g_assert_cmpstr (xf_nomination_get_case_text (stored), ==, "事迹");
  /* 10 working days after Monday 9 March: Monday 23 March. */
  g_assert_cmpstr (xf_nomination_get_stage_due_on (stored), ==, "2026-03-23");
  g_assert_cmpint (xf_nomination_get_due_state (stored), ==, XF_DUE_ON_TIME);

  timeline = xf_evaluation_get_timeline (fixture->admin, xf_nomination_get_id (nomination), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);

  list = xf_evaluation_list_nominations (fixture->admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/nominations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("save-and-submit", test_save_and_submit);
#undef ADD

  return g_test_run ();
}
