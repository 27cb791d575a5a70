/* xf-test-objections.h — the fixture of the objection tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-notice-board.h"
#include "xf-test-evaluation.h"

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

typedef struct
{
  XfStore       *store;
  XfEvaluation  *admin;
  XfNoticeBoard *board;
  gint64         campaign;
  gint64         deqing;   /* nominations */
  gint64         anji;
  gint64         notice;
} Fixture;

static inline void
set_today (const char *day)
{
  g_setenv ("XIANFENG_TODAY", day, TRUE);
}

/* In stage notice, as when the committee's round closes. */
static inline void
select_for_notice (XfEvaluation *admin,
                   gint64        nomination_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) nomination = xf_evaluation_get_nomination (admin, nomination_id, &error);

  g_assert_no_error (error);
  g_assert_true (_xf_evaluation_begin (admin, &error));
  g_assert_true (_xf_evaluation_move (admin, nomination, XF_ACTION_SELECT, XF_STAGE_NOTICE, NULL, &error));
  g_assert_true (_xf_evaluation_commit (admin, &error));
  g_assert_no_error (error);
}

static inline gint64
nominate (Fixture    *fixture,
          const char *name,
          const char *region_code)
{
  gint64 pioneer = xf_test_add_candidate (fixture->admin, name, NULL, region_code);
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, pioneer, "县总工会");

  xf_test_to_committee (fixture->admin, id);
  select_for_notice (fixture->admin, id);
  return id;
}

/* A notice of the campaign's candidates in notice, published today. */
static inline gint64
publish_notice (XfNoticeBoard *board,
                gint64         campaign)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_notice_board_create (board, campaign, &error);

  g_assert_no_error (error);
  notice = xf_notice_board_get_notice (board, id, &error);
  g_assert_no_error (error);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8888888");
  g_assert_true (xf_notice_board_save (board, notice, &error));
  g_assert_no_error (error);
  g_assert_true (xf_notice_board_publish (board, id, &error));
  g_assert_no_error (error);
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
  fixture->notice = publish_notice (fixture->board, fixture->campaign);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->board);
  g_clear_object (&fixture->admin);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

/* A board acting as a new account holding @role in @scope. */
static inline XfNoticeBoard *
board_as (Fixture     *fixture,
          const char  *login,
          XfRole       role,
          XfScopeKind  scope,
          const char  *value)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role, scope, value);
  g_autoptr(XfEvaluation) evaluation = xf_test_evaluation_new (fixture->store, account);

  return xf_notice_board_new (evaluation);
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
record_on (XfNoticeBoard *board,
           XfObjection   *objection)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_notice_board_record_objection (board, objection, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
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

static inline const char *
stage_of (Fixture *fixture,
          gint64   id)
{
  static char stage[32];
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) nomination = xf_evaluation_get_nomination (fixture->admin, id, &error);

  g_assert_no_error (error);
  g_strlcpy (stage, xf_nomination_get_stage (nomination), sizeof stage);
  return stage;
}

/* The candidate's result on the notice ("" while running). */
static inline char *
result_of (Fixture *fixture,
           gint64   notice,
           gint64   nomination)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(result, '') FROM notice_candidates"
                                          " WHERE notice_id = %" G_GINT64_FORMAT
                                          " AND nomination_id = %" G_GINT64_FORMAT,
                                          notice, nomination);

  return xf_test_query_text (fixture->store, sql);
}

static inline gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* The error is @code and its message begins with @field (the C locale). */
static inline void
assert_error_names (GError     *error,
                    int         code,
                    const char *field)
{
  g_assert_error (error, XF_ERROR, code);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” does not begin with “%s”", error->message, field);
}

#define add_objections_test(path, func) \
  g_test_add ("/core/objections/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
