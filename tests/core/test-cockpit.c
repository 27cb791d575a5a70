/* test-cockpit.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "xf-cockpit.h"
#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-ranking.h"
#include "xf-services.h"
#include "xf-test-evaluation.h"
#include "xf-test-store.h"

/*
 * A small registry: 2 national, 1 city, 3 cultivation individuals and a
 * county collective, plus an archived national file that does not count.
 * Services this month: three requests, one assigned, done and rated 4,
 * one left open past its response time, one open and not yet due. A
 * frozen previous month ranks the pioneers who were liked.
 */

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  GArray     *ids;
} Fixture;

static const struct { const char *kind; const char *name; const char *tier; gboolean archived; } files[] = {
  { "individual", "王建国", "national", FALSE },
  { "individual", "李芳", "national", FALSE },
  { "individual", "张伟", "city", FALSE },
  { "individual", "刘秀英", "cultivation", FALSE },
  { "individual", "陈明", "cultivation", FALSE },
  { "individual", "沈丽", "cultivation", FALSE },
  { "collective", "装配班组", "county", FALSE },
  { "individual", "周强", "national", TRUE },
};

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(XfPioneer) pioneer = xf_pioneer_new (files[i].kind);
      g_autoptr(GError) error = NULL;
      gint64 id;

      g_object_set (pioneer, "name", files[i].name, "tier", files[i].tier, "tier-manual", TRUE,
                    "tier-reason", "test", "region-code", "330502001", "industry", "C", NULL);
      g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
      g_assert_no_error (error);
      if (files[i].archived)
        {
          g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "test", &error));
          g_assert_no_error (error);
        }
      id = xf_pioneer_get_id (pioneer);
      g_array_append_val (fixture->ids, id);
    }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_array_unref (fixture->ids);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static gint64
create_request (XfServices *services,
                const char *item_code,
                const char *requester)
{
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (request->requester_name);
  request->requester_name = g_strdup (requester);
  request->requester_contact = g_strdup ("13812345678");
  request->item_code = g_strdup (item_code);
  request->region_code = g_strdup ("330502001");
  request->description = g_strdup ("测试需求");
  id = xf_services_create_request (services, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_registry_and_weak (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCockpitFigures) figures = xf_cockpit_gather (fixture->registry, &error);
  g_autofree char *today = NULL;
  const XfRegionDensity *weakest;

  g_assert_no_error (error);
  g_assert_null (figures->registry_error);
  g_assert_cmpint (figures->tier_counts[0], ==, 2);
  g_assert_cmpint (figures->tier_counts[1], ==, 0);
  g_assert_cmpint (figures->tier_counts[2], ==, 1);
  g_assert_cmpint (figures->tier_counts[3], ==, 1);
  g_assert_cmpint (figures->tier_counts[4], ==, 3);
  g_assert_cmpint (figures->individuals, ==, 6);
  g_assert_cmpint (figures->collectives, ==, 1);
  today = g_strdup (g_getenv ("XIANFENG_TODAY"));
  g_assert_cmpstr (figures->today, ==, today);

  /* No campaign: nothing in progress, nothing decided. */
  g_assert_null (figures->evaluation_error);
  g_assert_cmpint (figures->nominations_in_progress, ==, 0);
  g_assert_cmpint (figures->nominations_overdue, ==, 0);
  g_assert_cmpuint (figures->decisions_counted, ==, 0);
  g_assert_true (isnan (figures->average_days_to_decision));

  /* All 7 active files are in 吴兴区 (330502): the other four counties
   * have none and come first, by code. */
  g_assert_null (figures->weak_regions_error);
  g_assert_cmpuint (figures->weakest->len, ==, 5);
  weakest = g_ptr_array_index (figures->weakest, 0);
  g_assert_cmpstr (weakest->region_code, ==, "330503");
  g_assert_cmpint (weakest->pioneers, ==, 0);
  g_assert_true (weakest->weak);
  weakest = g_ptr_array_index (figures->weakest, 4);
  g_assert_cmpstr (weakest->region_code, ==, "330502");
  g_assert_cmpint (weakest->pioneers, ==, 7);
  g_assert_false (weakest->weak);
  g_assert_cmpfloat (figures->city_per_10k, >, 0);

  /* Nothing frozen yet. */
  g_assert_null (figures->ranking_error);
  g_assert_null (figures->ranking_month);
  g_assert_cmpuint (figures->top->len, ==, 0);
}

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(XfServices) services = xf_services_new (fixture->registry);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(XfServiceFeedback) feedback = xf_service_feedback_new ();
  g_autoptr(XfCockpitFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *overdue_sql = NULL;
  const char *item_code;
  gint64 done, late;

  items = xf_services_list_items (services, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  item_code = ((XfServiceItem *) g_ptr_array_index (items, 0))->code;

  done = create_request (services, item_code, "赵先生");
  late = create_request (services, item_code, "钱女士");
  create_request (services, item_code, "孙先生");
  g_assert_true (xf_services_assign (services, done, g_array_index (fixture->ids, gint64, 0), &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (services, done, "已完成", &error));
  g_assert_no_error (error);
  feedback->rating = 4;
  g_assert_true (xf_services_rate (services, done, feedback, &error));
  g_assert_no_error (error);
  overdue_sql = g_strdup_printf ("UPDATE service_requests SET response_due_at = 1000 WHERE id = %" G_GINT64_FORMAT,
                                 late);
  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), overdue_sql, &error));
  g_assert_no_error (error);

  figures = xf_cockpit_gather (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_null (figures->services_error);
  g_assert_cmpint (figures->services_ordered, ==, 3);
  g_assert_cmpint (figures->services_claimed, ==, 1);
  g_assert_cmpint (figures->services_done, ==, 1);
  g_assert_cmpfloat_with_epsilon (figures->services_average_rating, 4.0, 1e-9);
  g_assert_cmpint (figures->services_overdue, ==, 1);
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfRanking) ranking = xf_ranking_new (fixture->registry);
  g_autoptr(XfMonthlyRanking) month = NULL;
  g_autoptr(XfCockpitFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 5, 12, 10, 0, 0);
  gint64 at = g_date_time_to_unix (when) * G_USEC_PER_SEC;

  /* 李芳 liked by three visitors, 王建国 by one: 李芳 first. */
  for (guint v = 0; v < 3; v++)
    {
      g_autofree char *source_id = g_strdup_printf ("like-%u", v);
      g_autofree char *visitor = g_strdup_printf ("v-%u", v);

      g_assert_true (xf_ranking_record_event (ranking, g_array_index (fixture->ids, gint64, 1), "card-liked",
                                              "portal", source_id, visitor, at, 1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_ranking_record_event (ranking, g_array_index (fixture->ids, gint64, 0), "card-liked",
                                          "portal", "like-9", "v-9", at, 1, &error));
  g_assert_no_error (error);
  month = xf_ranking_compute (ranking, "2026-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (month);

  figures = xf_cockpit_gather (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_null (figures->ranking_error);
  g_assert_cmpstr (figures->ranking_month, ==, "2026-05");
  g_assert_cmpuint (figures->top->len, ==, 2);
  g_assert_cmpstr (((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 0))->name, ==, "李芳");
  g_assert_cmpint (((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 0))->rank, ==, 1);
  g_assert_cmpstr (((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 0))->tier, ==, "national");
  g_assert_cmpstr (((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 1))->name, ==, "王建国");
  g_assert_cmpfloat (((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 0))->score, >,
                     ((XfCockpitTopEntry *) g_ptr_array_index (figures->top, 1))->score);
}

/* Dates against data/calendar/cn-holidays.json, as test-attention.c does:
 * submitted Mon 2024-10-14, preliminary review due Mon 10-28 (10 working
 * days); submitted Thu 10-17, due Thu 10-31. On Tue 10-29 the first is
 * overdue and the second due soon (2 working days left). A third,
 * submitted 10-14 and rejected 10-21, is the one decision. */
static void
test_nominations (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfEvaluation) evaluation = NULL;
  g_autoptr(XfCampaignReport) report = NULL;
  g_autoptr(XfCockpitFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  gint64 campaign_id, rejected;
  double expected_days = NAN;

  g_setenv ("XIANFENG_TODAY", "2024-10-14", TRUE);
  evaluation = xf_test_evaluation_new (fixture->store, NULL);
  campaign_id = xf_test_add_campaign (evaluation, "county", 2);
  xf_test_submit (evaluation, campaign_id,
                  xf_test_add_candidate (evaluation, "沈建国", "德清钢铁厂", "330521001"), "德清县总工会");
  rejected = xf_test_submit (evaluation, campaign_id,
                             xf_test_add_candidate (evaluation, "吴芳", NULL, "330521001"), "德清县总工会");
  g_setenv ("XIANFENG_TODAY", "2024-10-17", TRUE);
  xf_test_submit (evaluation, campaign_id,
                  xf_test_add_candidate (evaluation, "钱伟", NULL, "330521001"), "德清县总工会");
  g_setenv ("XIANFENG_TODAY", "2024-10-21", TRUE);
  g_assert_true (xf_evaluation_act (evaluation, rejected, XF_ACTION_REJECT, "材料不实", &error));
  g_assert_no_error (error);

  g_setenv ("XIANFENG_TODAY", "2024-10-29", TRUE);
  report = xf_evaluation_campaign_report (evaluation, campaign_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->rows->len; i++)
    {
      XfReportRow *row = g_ptr_array_index (report->rows, i);

      if (row->nomination_id == rejected)
        expected_days = row->office_days;
    }
  g_assert_cmpfloat (expected_days, >, 0);

  figures = xf_cockpit_gather (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_null (figures->evaluation_error);
  g_assert_cmpstr (figures->today, ==, "2024-10-29");
  g_assert_cmpint (figures->nominations_in_progress, ==, 2);
  g_assert_cmpint (figures->nominations_overdue, ==, 1);
  g_assert_cmpint (figures->nominations_due_soon, ==, 1);
  g_assert_cmpuint (figures->decisions_counted, ==, 1);
  g_assert_cmpfloat (figures->average_days_to_decision, ==, expected_days);
  g_assert_cmpint (figures->promise_days, ==, 31);
  g_assert_cmpint (figures->average_past_promise, ==, expected_days > 31);
  g_assert_cmpuint (figures->decisions_past_promise, ==, expected_days > 31 ? 1 : 0);

  /* A year and more later the decision is out of the window. */
  g_clear_pointer (&figures, xf_cockpit_figures_free);
  g_setenv ("XIANFENG_TODAY", "2025-11-03", TRUE);
  figures = xf_cockpit_gather (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->decisions_counted, ==, 0);
  g_assert_true (isnan (figures->average_days_to_decision));
  g_setenv ("XIANFENG_TODAY", "2026-06-17", TRUE);
}

/* A part that fails says why and leaves the others. */
static void
test_part_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfCockpitFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (fixture->store);

  g_assert_true (xf_db_exec (db, "DROP TABLE service_feedback", &error));
  g_assert_no_error (error);
  figures = xf_cockpit_gather (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures->services_error);
  g_assert_cmpint (figures->services_ordered, ==, 0);
  g_assert_true (isnan (figures->services_average_rating));
  g_assert_null (figures->registry_error);
  g_assert_cmpint (figures->tier_counts[4], ==, 3);
  g_assert_null (figures->evaluation_error);
  g_assert_null (figures->ranking_error);
  g_assert_null (figures->weak_regions_error);
  g_assert_cmpuint (figures->weakest->len, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A Wednesday in the middle of a month, after the ranked May. */
  g_setenv ("XIANFENG_TODAY", "2026-06-17", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/core/cockpit/registry-and-weak-regions", test_registry_and_weak);
  ADD ("/core/cockpit/services", test_services);
  ADD ("/core/cockpit/ranking", test_ranking);
  ADD ("/core/cockpit/nominations", test_nominations);
  ADD ("/core/cockpit/part-fails", test_part_fails);
#undef ADD

  return g_test_run ();
}
