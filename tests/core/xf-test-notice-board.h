/* xf-test-notice-board.h — what the notice and objection fixtures share
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

/* The notice tests (xf-test-notices.h) fill the first four; the objection
 * tests (xf-test-objections.h) also two candidates on a published notice. */
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

static inline XfNotice *
get_notice (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfNotice *notice = xf_notice_board_get_notice (fixture->board, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

/* Records @objection through @board; returns its id. */
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

/* An open objection by letter to @nomination on @notice, received on @day
 * (NULL: today), recorded by the fixture's board. */
static inline gint64
object (Fixture    *fixture,
        gint64      notice,
        gint64      nomination,
        const char *day)
{
  g_autoptr(XfObjection) objection = xf_objection_new ();

  objection->notice_id = notice;
  objection->nomination_id = nomination;
  objection->received_on = g_strdup (day);
  objection->channel = g_strdup ("letter");
  objection->objector_name = g_strdup ("李四");
  objection->grounds = g_strdup ("反映的事迹与实际不符。");
  return record_on (fixture->board, objection);
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

/* Closes the notices due today on the fixture's board: @expected of them. */
static inline void
close_due (Fixture *fixture,
           gint64   expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) closed = xf_notice_board_close_due_notices (fixture->board, &error);

  g_assert_no_error (error);
  g_assert_nonnull (closed);
  g_assert_cmpint (closed->len, ==, expected);
  /* The ones named are the ones that closed. */
  for (guint i = 0; i < closed->len; i++)
    {
      const XfNotice *was = g_ptr_array_index (closed, i);
      g_autoptr(XfNotice) now = xf_notice_board_get_notice (fixture->board, was->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (was->status, ==, XF_NOTICE_PUBLISHED);
      g_assert_cmpstr (now->status, ==, XF_NOTICE_CLOSED);
    }
}

/* @notice lists @nomination and no one else. */
static inline void
assert_only_candidate (const XfNotice *notice,
                       gint64          nomination)
{
  g_assert_cmpuint (notice->candidates->len, ==, 1);
  g_assert_cmpint (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->nomination_id,
                   ==, nomination);
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

/* The error is @code and its message begins with @prefix (the C locale). */
static inline void
assert_error_starts (GError     *error,
                     int         code,
                     const char *prefix)
{
  g_assert_error (error, XF_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not begin with “%s”", error->message, prefix);
}

static inline void
assert_error_has (GError     *error,
                  int         code,
                  const char *part)
{
  g_assert_error (error, XF_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

G_END_DECLS
