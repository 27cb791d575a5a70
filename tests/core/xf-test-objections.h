/* xf-test-objections.h — the fixture of the objection tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-test-notice-board.h"

G_BEGIN_DECLS

/*
 * Dates: March 2026 has no holidays. On Monday 9 March two candidates of a
 * county campaign (minimum notice 5 working days), one in Deqing and one
 * in Anji, are on a notice published that day: its period is 9–13 March,
 * and it may close from Saturday 14 March (CLOSING_DAY is the Monday
 * after). An objection received on 9 March is due 16 March.
 */

#define DEQING      "330521"
#define ANJI        "330523"
#define CLOSING_DAY "2026-03-16"

static inline gint64
nominate (Fixture    *fixture,
          const char *name,
          const char *region_code)
{
  gint64 pioneer = xf_test_add_candidate (fixture->admin, name, NULL, region_code);
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, pioneer, "县总工会");

  xf_test_to_committee (fixture->admin, id);
  xf_test_select_for_notice (fixture->admin, id);
  return id;
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_today ("2026-03-09");
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->board = xf_notice_board_new (fixture->admin);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 3);
  fixture->deqing = nominate (fixture, "沈建国", DEQING "001");
  fixture->anji = nominate (fixture, "王美华", ANJI "001");
  fixture->notice = xf_test_publish_notice (fixture->admin, fixture->campaign);
}

/* A named objection by letter to @nomination on the fixture's notice. */
static inline XfObjection *
new_objection (Fixture *fixture,
               gint64   nomination)
{
  XfObjection *objection = xf_objection_new ();

  objection->notice_id = fixture->notice;
  objection->nomination_id = nomination;
  objection->channel = g_strdup ("letter");
  objection->objector_name = g_strdup ("李四");
  objection->objector_contact = g_strdup ("13800001111");
  objection->grounds = g_strdup ("该同志的事迹材料与实际情况不符。");
  return objection;
}

static inline gint64
record (Fixture *fixture,
        gint64   nomination)
{
  g_autoptr(XfObjection) objection = new_objection (fixture, nomination);

  return record_on (fixture->board, objection);
}

static inline XfObjection *
get_objection (XfNoticeBoard *board,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  XfObjection *objection = xf_notice_board_get_objection (board, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (objection);
  return objection;
}

static inline gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

#define add_objections_test(path, func) \
  g_test_add ("/core/objections/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
