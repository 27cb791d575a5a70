/* test-evaluation-writes.c — every evaluation write is all or nothing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-committee.h"

/*
 * A write that fails leaves no row, no audit entry and no "changed"
 * signal, neither the evaluation's nor the registry's it wrote through;
 * one that succeeds signals once it is committed.
 */

typedef struct
{
  guint evaluation;
  guint registry;
} Signals;

static void
on_evaluation_changed (XfEvaluation *evaluation,
                       gint64        campaign_id,
                       gint64        nomination_id,
                       Signals      *signals)
{
  signals->evaluation++;
}

static void
on_registry_changed (XfRegistry *registry,
                     gint64      pioneer_id,
                     Signals    *signals)
{
  signals->registry++;
}

static void
watch (XfEvaluation *evaluation,
       Signals      *signals)
{
  g_signal_connect (evaluation, "changed", G_CALLBACK (on_evaluation_changed), signals);
  g_signal_connect (xf_evaluation_get_registry (evaluation), "changed",
                    G_CALLBACK (on_registry_changed), signals);
}

static void
unwatch (XfEvaluation *evaluation,
         Signals      *signals)
{
  g_signal_handlers_disconnect_by_data (evaluation, signals);
  g_signal_handlers_disconnect_by_data (xf_evaluation_get_registry (evaluation), signals);
}

/* A new candidate offered with a nomination the campaign refuses is not
 * saved, and nobody is told it was. */
static void
test_new_candidate_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(XfCampaign) draft = xf_campaign_new (2026, "2026年度德清工匠", "county");
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfPioneer) candidate = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;
  Signals signals = { 0, };
  gint64 pioneers, audit;

  (void) data;
  g_assert_true (xf_evaluation_save_campaign (f->admin, draft, &error));
  g_assert_no_error (error);
  pioneers = xf_test_query_int64 (f->store, "SELECT count(*) FROM pioneers");
  audit = xf_test_count_audit (f->store);

  watch (f->admin, &signals);
  nomination = xf_nomination_new (xf_campaign_get_id (draft), 0, "德清县总工会");
  g_object_set (candidate, "name", "李新", "region-code", "330521001", NULL);
  g_assert_false (xf_evaluation_save_nomination (f->admin, nomination, candidate, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_cmpuint (signals.registry, ==, 0);
  g_assert_cmpuint (signals.evaluation, ==, 0);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM pioneers"), ==, pioneers);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
  g_assert_cmpint (xf_pioneer_get_id (candidate), ==, 0);

  /* In an open campaign both are written and told. */
  g_clear_object (&nomination);
  nomination = xf_nomination_new (f->campaign_id, 0, "德清县总工会");
  g_assert_true (xf_evaluation_save_nomination (f->admin, nomination, candidate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals.registry, ==, 1);
  g_assert_cmpuint (signals.evaluation, ==, 1);
  unwatch (f->admin, &signals);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/evaluation-writes/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("new-candidate-refused", test_new_candidate_refused);

  return g_test_run ();
}
