/* xf-test-nominations.h — the fixture of the nomination tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-test-evaluation.h"

G_BEGIN_DECLS

/*
 * Dates: March 2026 has no holidays; Monday 9 March is "today" unless a
 * test moves it. A county campaign's preliminary and committee budgets are
 * 10 working days, its vetting departments 10 days each, its minimum
 * public notice 5 working days.
 */

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;
  gint64        campaign;
  gint64        deqing;   /* a candidate in Deqing county */
  gint64        anji;     /* a candidate in Anji county */
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
  set_today ("2026-03-09");
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 3);
  fixture->deqing = xf_test_add_candidate (fixture->admin, "沈建国", "德清县机械厂", "330521001");
  fixture->anji = xf_test_add_candidate (fixture->admin, "王美华", "安吉县竹木厂", "330523001");
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

static inline XfNomination *
get (XfEvaluation *evaluation,
     gint64        id)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (evaluation, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (nomination);
  return nomination;
}

static inline gint64
draft (Fixture *fixture,
       gint64   pioneer)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign, pioneer, "县总工会");
  g_autoptr(GError) error = NULL;

  xf_nomination_set_case_text (nomination, "先进事迹材料。");
  g_assert_true (xf_evaluation_save_nomination (fixture->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  return xf_nomination_get_id (nomination);
}

static inline void
act_ok (XfEvaluation *evaluation,
        gint64        id,
        XfAction      action,
        const char   *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_act (evaluation, id, action, reason, &error));
  g_assert_no_error (error);
}

static inline void
tick_all (Fixture *fixture,
          gint64   id)
{
  g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign, NULL);
  g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GError) error = NULL;
  gboolean yes = TRUE;

  for (guint i = 0; i < xf_campaign_get_checklist (campaign)->len; i++)
    g_array_append_val (ticks, yes);
  g_assert_true (xf_evaluation_set_checklist (fixture->admin, id, ticks, &error));
  g_assert_no_error (error);
}

static inline GPtrArray *
vettings (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = xf_evaluation_list_vettings (fixture->admin, id, &error);

  g_assert_no_error (error);
  return list;
}

static inline void
clear (Fixture    *fixture,
       gint64      id,
       const char *department)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_sign_off (fixture->admin, id, department, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static inline const char *
stage_of (Fixture *fixture,
          gint64   id)
{
  static char stage[32];
  g_autoptr(XfNomination) nomination = get (fixture->admin, id);

  g_strlcpy (stage, xf_nomination_get_stage (nomination), sizeof stage);
  return stage;
}

/* The round's closing step (test-committee.c closes real rounds). */
static inline void
select_for_notice (Fixture *fixture,
                   gint64   id)
{
  xf_test_select_for_notice (fixture->admin, id);
}

/* In decision: selected and published on a notice on Monday 9 March (its
 * period 9–13 March), the notice closed on 16 March. */
static inline void
to_decision (Fixture *fixture,
             gint64   id)
{
  xf_test_to_committee (fixture->admin, id);
  select_for_notice (fixture, id);
  xf_test_end_notice (fixture->admin, xf_test_publish_notice (fixture->admin, fixture->campaign));
  g_assert_cmpstr (g_getenv ("XIANFENG_TODAY"), ==, "2026-03-16");
}

/* Registers a nominations test on the shared fixture. */
#define add_nominations_test(path, func) \
  g_test_add ("/core/nominations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
