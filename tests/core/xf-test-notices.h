/* xf-test-notices.h — the fixture of the notice board tests
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
 * Dates: Monday 9 March 2026 is "today" unless a test moves it (March 2026
 * has no holidays). The campaign is a county one organised by 湖州市总工会,
 * its minimum notice 5 working days.
 */

typedef struct
{
  XfStore       *store;
  XfEvaluation  *admin;
  XfNoticeBoard *board;
  gint64         campaign;
} Fixture;

static inline void
set_today (const char *day)
{
  g_setenv ("XIANFENG_TODAY", day, TRUE);
}

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

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->board);
  g_clear_object (&fixture->admin);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

/* A nomination of a new candidate @name in Deqing, through committee
 * review and selected: in public notice from today. */
static inline gint64
in_notice (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  gint64 pioneer = xf_test_add_candidate (fixture->admin, name, "德清县机械厂", "330521001");
  gint64 id = xf_test_submit (fixture->admin, fixture->campaign, pioneer, "德清县总工会");

  xf_test_to_committee (fixture->admin, id);
  nomination = xf_evaluation_get_nomination (fixture->admin, id, &error);
  g_assert_no_error (error);
  /* The round's closing step (test-committee.c closes real rounds). */
  g_assert_true (_xf_evaluation_begin (fixture->admin, &error));
  g_assert_true (_xf_evaluation_move (fixture->admin, nomination, XF_ACTION_SELECT,
                                      XF_STAGE_NOTICE, NULL, &error));
  g_assert_true (_xf_evaluation_commit (fixture->admin, &error));
  g_assert_no_error (error);
  return id;
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
  g_autoptr(XfNotice) notice = get_notice (fixture, id);
  g_autoptr(GError) error = NULL;

  if (*notice->contact_phone == '\0')
    {
      g_free (notice->contact_phone);
      notice->contact_phone = g_strdup ("0572-8888888");
      g_assert_true (xf_notice_board_save (fixture->board, notice, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_notice_board_publish (fixture->board, id, &error));
  g_assert_no_error (error);
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

#define add_notices_test(path, func) \
  g_test_add ("/core/notices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define add_notices_test_on(path, day, func) \
  g_test_add ("/core/notices/" path, Fixture, day, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
