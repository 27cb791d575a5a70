/* xf-test-notices.h — the fixture of the notice board tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-test-notice-board.h"

G_BEGIN_DECLS

/*
 * Dates: Monday 9 March 2026 is "today" unless a test moves it (March 2026
 * has no holidays). The campaign is a county one organised by 湖州市总工会,
 * its minimum notice 5 working days.
 */

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *today = data != NULL ? data : "2026-03-09";

  set_today (today);
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->board = xf_notice_board_new (fixture->admin);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 10);
}

/* A nomination of a new candidate @name in Deqing, through committee
 * review and selected: in public notice from today. */
static inline gint64
in_notice (Fixture    *fixture,
           const char *name)
{
  gint64 pioneer = xf_test_add_candidate (fixture->admin, name, "德清县机械厂", "330521001");
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, pioneer, "德清县总工会");

  xf_test_to_committee (fixture->admin, id);
  xf_test_select_for_notice (fixture->admin, id);
  return id;
}

static inline gint64
create (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_notice_board_create (fixture->board, fixture->campaign, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Gives the draft a phone number and publishes it today. */
static inline void
publish (Fixture *fixture,
         gint64   id)
{
  xf_test_publish_draft (fixture->board, id);
}

#define add_notices_test(path, func) \
  g_test_add ("/core/notices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define add_notices_test_on(path, day, func) \
  g_test_add ("/core/notices/" path, Fixture, day, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
