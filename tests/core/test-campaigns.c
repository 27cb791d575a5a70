/* test-campaigns.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libglib-testing/signal-logger.h>

#include "xf-accounts.h"
#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-test-store.h"

typedef struct
{
  XfStore        *store;
  XfRegistry     *registry;
  XfEvaluation   *evaluation;
  GtSignalLogger *logger;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->evaluation = xf_evaluation_new (fixture->registry);
  fixture->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (fixture->logger, fixture->evaluation, "changed");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->evaluation);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* A saved campaign; the caller owns it. */
static XfCampaign *
add_campaign (Fixture    *fixture,
              int         year,
              const char *title,
              const char *level)
{
  g_autoptr(GError) error = NULL;
  XfCampaign *campaign = xf_campaign_new (year, title, level);

  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_no_error (error);
  return campaign;
}

static void
test_defaults (void)
{
  g_autoptr(XfCampaign) county = xf_campaign_new (2026, "2026年度德清工匠", "county");
  g_autoptr(XfCampaign) city = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfCampaign) national = xf_campaign_new (2026, "全国劳动模范", "national");
  XfCriterion *criterion;
  int num, den;

  g_assert_cmpint (xf_campaign_get_promise_days (county), ==, 31);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "preliminary"), ==, 10);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "committee"), ==, 10);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "notice"), ==, 6);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "decision"), ==, 5);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "returned"), ==, 0);
  g_assert_cmpint (xf_campaign_get_stage_budget (county, "draft"), ==, 0);
  g_assert_cmpint (xf_campaign_get_promise_days (city), ==, 32);
  g_assert_cmpint (xf_campaign_get_stage_budget (city, "decision"), ==, 6);
  g_assert_cmpint (xf_campaign_get_promise_days (national), ==, 32);
  g_assert_cmpint (xf_campaign_get_min_notice_days (city), ==, 5);
  xf_campaign_get_quorum (city, &num, &den);
  g_assert_cmpint (num, ==, 2);
  g_assert_cmpint (den, ==, 3);
  xf_campaign_get_pass (city, &num, &den);
  g_assert_cmpint (num, ==, 2);
  g_assert_cmpint (den, ==, 3);
  g_assert_cmpstr (xf_campaign_get_tie_rule (city), ==, "chair");
  g_assert_cmpstr (xf_campaign_get_aggregation (city), ==, "mean");
  g_assert_false (xf_campaign_get_normalise (city));
  g_assert_cmpstr (xf_campaign_get_status (city), ==, "draft");
  g_assert_cmpstr (xf_campaign_get_region_codes (city), ==, "");

  g_assert_cmpuint (xf_campaign_get_rubric (city)->len, ==, 4);
  criterion = g_ptr_array_index (xf_campaign_get_rubric (city), 0);
  g_assert_cmpstr (criterion->code, ==, "deeds");
  g_assert_cmpfloat (criterion->weight, ==, 40);
  g_assert_cmpfloat (criterion->max, ==, 10);
  criterion = g_ptr_array_index (xf_campaign_get_rubric (city), 3);
  g_assert_cmpstr (criterion->code, ==, "reputation");
  g_assert_cmpfloat (criterion->weight, ==, 10);
  g_assert_cmpuint (xf_campaign_get_vetting (city)->len, ==, 4);
  g_assert_cmpstr (((XfVettingDepartment *) g_ptr_array_index (xf_campaign_get_vetting (city), 0))->code,
                   ==, "discipline");
  g_assert_cmpstr (((XfVettingDepartment *) g_ptr_array_index (xf_campaign_get_vetting (city), 3))->code,
                   ==, "tax");
  g_assert_cmpint (((XfVettingDepartment *) g_ptr_array_index (xf_campaign_get_vetting (city), 2))->days,
                   ==, 10);
  g_assert_cmpuint (xf_campaign_get_checklist (city)->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (xf_campaign_get_checklist (city), 0), ==,
                   "Nomination form complete and signed");

  g_assert_true (xf_campaign_validate (county, NULL));
  g_assert_true (xf_campaign_validate (city, NULL));
  g_assert_true (xf_campaign_validate (national, NULL));
}

static void
test_save_get_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfCampaign) older = NULL;
  g_autoptr(XfCampaign) other = NULL;
  g_autoptr(XfCampaign) stored = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) year = NULL;
  XfEligibility *rules;
  const char *levels[] = { "city", NULL };
  gint64 campaign_id, emitted_campaign, emitted_nomination;

  xf_campaign_set_region_codes (campaign, "3305  330521");
  xf_campaign_set_quota (campaign, 20);
  xf_campaign_set_opens_on (campaign, "2026-03-02");
  xf_campaign_set_closes_on (campaign, "2026-04-30");
  xf_campaign_set_normalise (campaign, TRUE);
  rules = xf_campaign_get_eligibility (campaign);
  rules->min_age = 18;
  rules->max_age = 60;
  rules->required_levels = g_strdupv ((char **) levels);
  rules->exclude_holders = TRUE;

  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_no_error (error);
  campaign_id = xf_campaign_get_id (campaign);
  g_assert_cmpint (campaign_id, >, 0);
  g_assert_nonnull (xf_campaign_get_uid (campaign));
  g_assert_cmpint (xf_campaign_get_version (campaign), ==, 1);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 1);
  gt_signal_logger_assert_emission_pop (fixture->logger, fixture->evaluation, "changed",
                                        &emitted_campaign, &emitted_nomination);
  g_assert_cmpint (emitted_campaign, ==, campaign_id);
  g_assert_cmpint (emitted_nomination, ==, 0);

  stored = xf_evaluation_get_campaign (fixture->evaluation, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_campaign_get_title (stored), ==, "2026年度湖州市劳动模范");
  g_assert_cmpstr (xf_campaign_get_uid (stored), ==, xf_campaign_get_uid (campaign));
  g_assert_cmpstr (xf_campaign_get_level (stored), ==, "city");
  g_assert_cmpstr (xf_campaign_get_region_codes (stored), ==, "3305 330521");
  g_assert_cmpint (xf_campaign_get_quota (stored), ==, 20);
  g_assert_cmpstr (xf_campaign_get_opens_on (stored), ==, "2026-03-02");
  g_assert_cmpstr (xf_campaign_get_closes_on (stored), ==, "2026-04-30");
  g_assert_true (xf_campaign_get_normalise (stored));
  g_assert_cmpint (xf_campaign_get_promise_days (stored), ==, 32);
  g_assert_cmpstr (xf_campaign_get_status (stored), ==, "draft");
  g_assert_cmpint (xf_campaign_get_version (stored), ==, 1);
  g_assert_cmpuint (xf_campaign_get_rubric (stored)->len, ==, 4);
  g_assert_cmpuint (xf_campaign_get_vetting (stored)->len, ==, 4);
  g_assert_cmpuint (xf_campaign_get_checklist (stored)->len, ==, 5);
  g_assert_cmpuint (xf_campaign_get_committee (stored)->len, ==, 0);
  rules = xf_campaign_get_eligibility (stored);
  g_assert_cmpint (rules->min_age, ==, 18);
  g_assert_cmpint (rules->max_age, ==, 60);
  g_assert_cmpstrv (rules->required_levels, levels);
  g_assert_null (rules->kinds);
  g_assert_true (rules->exclude_holders);

  older = add_campaign (fixture, 2025, "2025年度湖州市劳动模范", "city");
  other = add_campaign (fixture, 2026, "2026年度德清工匠", "county");

  all = xf_evaluation_list_campaigns (fixture->evaluation, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  /* Newest year first, then by title. */
  g_assert_cmpstr (xf_campaign_get_title (g_ptr_array_index (all, 0)), ==, "2026年度德清工匠");
  g_assert_cmpstr (xf_campaign_get_title (g_ptr_array_index (all, 1)), ==, "2026年度湖州市劳动模范");
  g_assert_cmpstr (xf_campaign_get_title (g_ptr_array_index (all, 2)), ==, "2025年度湖州市劳动模范");
  year = xf_evaluation_list_campaigns (fixture->evaluation, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 1);
  g_assert_cmpint (xf_campaign_get_id (g_ptr_array_index (year, 0)), ==, xf_campaign_get_id (older));

  g_assert_null (xf_evaluation_get_campaign (fixture->evaluation, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/campaigns/defaults", test_defaults);
  g_test_add ("/core/campaigns/save-get-list", Fixture, NULL, set_up, test_save_get_list, tear_down);

  return g_test_run ();
}
