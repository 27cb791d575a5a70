/* test-evaluation-writes.c — every evaluation write is all or nothing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-committee.h"
#include "xf-test-files.h"

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

/* Saving what is already stored writes nothing and signals nothing, as
 * for campaigns: no new version, no audit entry, no "changed". */
static void
test_no_change_no_signal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (gboolean));
  const double scores[4] = { 7, 7, NAN, 7 };
  Signals signals = { 0, };
  gint64 draft_id, submitted, reviewed, round_id, audit, version;

  (void) data;
  nomination = xf_nomination_new (f->campaign_id, xf_test_add_candidate (f->admin, "赵工", NULL, "330521001"),
                                  "德清县总工会");
  xf_nomination_set_case_text (nomination, "先进事迹。");
  g_assert_true (xf_evaluation_save_nomination (f->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  draft_id = xf_nomination_get_id (nomination);
  submitted = xf_test_submit (f->admin, f->campaign_id,
                              xf_test_add_candidate (f->admin, "钱工", NULL, "330521001"), "德清县总工会");
  campaign = xf_evaluation_get_campaign (f->admin, f->campaign_id, &error);
  g_assert_no_error (error);
  g_array_set_size (ticks, xf_campaign_get_checklist (campaign)->len);
  g_array_index (ticks, gboolean, 0) = TRUE;
  g_assert_true (xf_evaluation_set_checklist (f->admin, submitted, ticks, &error));
  g_assert_no_error (error);
  reviewed = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  declare (f->as_reviewer[2], round_id, reviewed);
  g_assert_true (xf_evaluation_save_scores (f->as_reviewer[2], round_id, reviewed, scores, 4, &error));
  g_assert_no_error (error);

  audit = xf_test_count_audit (f->store);
  version = xf_nomination_get_version (nomination);
  watch (f->admin, &signals);
  watch (f->as_reviewer[2], &signals);
  g_assert_true (xf_evaluation_save_nomination (f->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_nomination_get_version (nomination), ==, version);
  g_assert_true (xf_evaluation_set_checklist (f->admin, submitted, ticks, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_save_scores (f->as_reviewer[2], round_id, reviewed, scores, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals.evaluation, ==, 0);
  g_assert_cmpint (xf_test_count_audit (f->store), ==, audit);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT version FROM nominations WHERE id = %" G_GINT64_FORMAT,
                                            draft_id);

    g_assert_cmpint (xf_test_query_int64 (f->store, sql), ==, version);
  }

  /* A change is still written and told. */
  xf_nomination_set_case_text (nomination, "先进事迹，补充。");
  g_assert_true (xf_evaluation_save_nomination (f->admin, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_nomination_get_version (nomination), ==, version + 1);
  g_assert_cmpuint (signals.evaluation, ==, 1);
  unwatch (f->admin, &signals);
  unwatch (f->as_reviewer[2], &signals);
}

/*
 * Two desks at once. The chair's desk holds its transaction open while a
 * member's desk, on a connection of its own, writes to the same round or
 * nomination: the member's write must wait and then see what the chair
 * committed, not act on what it read before.
 */

typedef struct
{
  char    *dir;
  char    *location;
} Place;

/* The committee fixture on a database a second connection can share. */
static void
set_up_shared (Fixture       *f,
               gconstpointer  data)
{
  Place *place = (Place *) data;

  if (!xf_test_using_postgresql ())
    place->dir = xf_test_make_dir ();
  place->location = xf_test_database_location (place->dir, "shared.db");
  set_up_on (f, xf_test_open_store_at (place->location));
}

static void
tear_down_shared (Fixture       *f,
                  gconstpointer  data)
{
  Place *place = (Place *) data;

  tear_down (f, NULL);
  xf_test_remove_dir (place->dir);
  g_clear_pointer (&place->dir, g_free);
  g_clear_pointer (&place->location, g_free);
}

typedef struct
{
  XfEvaluation *evaluation;   /* the other desk */
  gint64        round_id;
  gint64        nomination_id;
  gboolean      veto;         /* sign-off desks: veto, else clear */
  gboolean      done;
  GError       *error;
} Desk;

static gpointer
vote_thread (gpointer data)
{
  Desk *desk = data;

  desk->done = xf_evaluation_vote (desk->evaluation, desk->round_id, desk->nomination_id,
                                   "against", &desk->error);
  return NULL;
}

static gpointer
sign_off_thread (gpointer data)
{
  Desk *desk = data;

  desk->done = xf_evaluation_sign_off (desk->evaluation, desk->nomination_id, "tax", desk->veto,
                                       desk->veto ? "存在欠税记录" : NULL, &desk->error);
  return NULL;
}

/* Runs @func on another desk while @db holds its transaction, long enough
 * for the desk to have read what it reads first; then commits and waits
 * for the desk. */
static void
race (XfDb        *db,
      GThreadFunc  func,
      Desk        *desk)
{
  g_autoptr(GError) error = NULL;
  GThread *thread = g_thread_new ("desk", func, desk);

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
}

/* A vote cast while the chair closes the round is refused, not recorded
 * in a round already closed without it. */
static void
test_vote_while_closing (Fixture       *f,
                         gconstpointer  data)
{
  Place *place = (Place *) data;
  g_autoptr(XfStore) other = xf_test_open_store_at (place->location);
  g_autoptr(GError) error = NULL;
  Desk desk = { 0, };
  XfDb *db = xf_store_get_db (f->store);
  gint64 nomination, round_id;

  nomination = nominate (f, "王师傅", "德清县某机械厂");
  round_id = open_round (f);
  for (guint i = 0; i < N_REVIEWERS - 1; i++)
    review (f->as_reviewer[i], round_id, nomination, 8, "for");
  declare (f->as_reviewer[N_REVIEWERS - 1], round_id, nomination);
  score (f->as_reviewer[N_REVIEWERS - 1], round_id, nomination, 2);
  desk.evaluation = xf_test_evaluation_new (other, f->reviewer[N_REVIEWERS - 1]);
  desk.round_id = round_id;
  desk.nomination_id = nomination;

  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_evaluation_close_round (f->as_reviewer[0], round_id, &error));
  g_assert_no_error (error);
  race (db, vote_thread, &desk);

  g_assert_false (desk.done);
  g_assert_error (desk.error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&desk.error);
  g_assert_cmpint (xf_test_query_int64 (f->store, "SELECT count(*) FROM review_votes"), ==,
                   N_REVIEWERS - 1);
  g_clear_object (&desk.evaluation);
}

/* One department's sign-off given at two desks at once: the second finds
 * it given and changes nothing, a veto is not turned into a clearance. */
static void
test_sign_off_twice (Fixture       *f,
                     gconstpointer  data)
{
  Place *place = (Place *) data;
  g_autoptr(XfStore) other = xf_test_open_store_at (place->location);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *sql = NULL;
  Desk desk = { 0, };
  XfDb *db = xf_store_get_db (f->store);
  gint64 nomination;

  nomination = xf_test_submit (f->admin, f->campaign_id,
                               xf_test_add_candidate (f->admin, "沈建国", NULL, "330521001"),
                               "德清县总工会");
  desk.evaluation = xf_test_evaluation_new (other, NULL);
  desk.nomination_id = nomination;

  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_evaluation_sign_off (f->admin, nomination, "tax", TRUE, "存在欠税记录", &error));
  g_assert_no_error (error);
  race (db, sign_off_thread, &desk);

  g_assert_false (desk.done);
  g_assert_error (desk.error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&desk.error);
  sql = g_strdup_printf ("SELECT status FROM nomination_vettings WHERE nomination_id = %"
                         G_GINT64_FORMAT " AND department_code = 'tax'", nomination);
  status = xf_test_query_text (f->store, sql);
  g_assert_cmpstr (status, ==, "vetoed");
  stage = stage_of (f, nomination);
  g_assert_cmpstr (stage, ==, XF_STAGE_VETOED);
  g_clear_object (&desk.evaluation);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/evaluation-writes/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("new-candidate-refused", test_new_candidate_refused);
  ADD ("no-change-no-signal", test_no_change_no_signal);
#undef ADD

  {
    static Place place;

#define ADD(path, func) \
  g_test_add ("/core/evaluation-writes/" path, Fixture, &place, set_up_shared, func, tear_down_shared)

    ADD ("vote-while-closing", test_vote_while_closing);
    ADD ("sign-off-twice", test_sign_off_twice);
  }

  return g_test_run ();
}
