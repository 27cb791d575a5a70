/* test-campaigns.c — campaigns: defaults, validation, saving, copying and status
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-test-campaigns.h"

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
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notify (void)
{
  g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
  guint quota = 0, codes = 0, all = 0;
  int value = 0;

  g_signal_connect (campaign, "notify::quota", G_CALLBACK (count_notify), &quota);
  g_signal_connect (campaign, "notify::region-codes", G_CALLBACK (count_notify), &codes);
  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify), &all);

  /* Only a change notifies, through setters and g_object_set alike. */
  g_object_set (campaign, "quota", 10, NULL);
  xf_campaign_set_quota (campaign, 12);
  g_object_set (campaign, "quota", 12, NULL);
  g_assert_cmpuint (quota, ==, 1);
  g_object_get (campaign, "quota", &value, NULL);
  g_assert_cmpint (value, ==, 12);
  /* Code lists are kept in one spelling: the same codes are no change. */
  xf_campaign_set_region_codes (campaign, "3305, 330521");
  xf_campaign_set_region_codes (campaign, "  3305   330521 ");
  g_assert_cmpuint (codes, ==, 1);
  g_assert_cmpstr (xf_campaign_get_region_codes (campaign), ==, "3305 330521");
  xf_campaign_set_region_codes (campaign, NULL);
  g_assert_cmpstr (xf_campaign_get_region_codes (campaign), ==, "");
  /* Both halves of a fraction, once each. */
  xf_campaign_set_quorum (campaign, 3, 4);
  g_assert_cmpuint (all, ==, 5);
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

/* Each way a campaign can be wrong, and the field its message names. */
static void
spoil (XfCampaign *campaign,
       guint       which)
{
  GPtrArray *rubric = xf_campaign_get_rubric (campaign);
  GPtrArray *vetting = xf_campaign_get_vetting (campaign);
  XfEligibility *rules = xf_campaign_get_eligibility (campaign);
  const char *robot[] = { "robot", NULL };
  const char *township[] = { "township", NULL };

  switch (which)
    {
    case 0: xf_campaign_set_title (campaign, NULL); break;
    case 1: xf_campaign_set_level (campaign, "town"); break;
    case 2: xf_campaign_set_year (campaign, 1800); break;
    case 3: xf_campaign_set_quota (campaign, 0); break;
    case 4: xf_campaign_set_quorum (campaign, 0, 3); break;
    case 5: xf_campaign_set_quorum (campaign, 4, 3); break;
    case 6: xf_campaign_set_pass (campaign, 2, 0); break;
    case 7: xf_campaign_set_tie_rule (campaign, "coin"); break;
    case 8: xf_campaign_set_aggregation (campaign, "median"); break;
    case 9: xf_campaign_set_region_codes (campaign, "3305 33A5"); break;
    case 10: g_ptr_array_set_size (rubric, 0); break;
    case 11:
      g_free (((XfCriterion *) g_ptr_array_index (rubric, 1))->code);
      ((XfCriterion *) g_ptr_array_index (rubric, 1))->code = g_strdup ("deeds");
      break;
    case 12: ((XfCriterion *) g_ptr_array_index (rubric, 2))->weight = 0; break;
    case 13: ((XfCriterion *) g_ptr_array_index (rubric, 0))->max = -1; break;
    case 14:
      g_free (((XfVettingDepartment *) g_ptr_array_index (vetting, 1))->code);
      ((XfVettingDepartment *) g_ptr_array_index (vetting, 1))->code = g_strdup ("tax");
      break;
    case 15: ((XfVettingDepartment *) g_ptr_array_index (vetting, 0))->days = 0; break;
    case 16: g_ptr_array_add (xf_campaign_get_checklist (campaign), g_strdup ("  ")); break;
    case 17: xf_campaign_set_stage_budget (campaign, "preliminary", 0); break;
    case 18: xf_campaign_set_stage_budget (campaign, "committee", 9); break;
    case 19:
      xf_campaign_set_stage_budget (campaign, "notice", 4);
      xf_campaign_set_stage_budget (campaign, "decision", 8);
      break;
    case 20: xf_campaign_set_min_notice_days (campaign, 0); break;
    case 21: xf_campaign_set_opens_on (campaign, "2026-02-30"); break;
    case 22:
      xf_campaign_set_opens_on (campaign, "2026-05-01");
      xf_campaign_set_closes_on (campaign, "2026-04-30");
      break;
    case 23:
      rules->min_age = 50;
      rules->max_age = 40;
      break;
    case 24: rules->kinds = g_strdupv ((char **) robot); break;
    case 25: rules->required_levels = g_strdupv ((char **) township); break;
    case 26: xf_campaign_set_closes_on (campaign, "30/04/2026"); break;
    default: g_assert_not_reached ();
    }
}

static const char * const spoiled_fields[] = {
  "Title is required",
  "Level “town”",
  "Year 1800",
  "Quota must be at least 1",
  "Quorum must be a fraction",
  "Quorum must be a fraction",
  "Pass threshold must be a fraction",
  "Tie rule “coin”",
  "Score aggregation “median”",
  "Covered regions: “33A5”",
  "Scoring rubric needs at least one criterion",
  "Scoring rubric: the code “deeds” is used twice",
  "Scoring rubric: the weight of “Innovation”",
  "Scoring rubric: the highest score of “Outstanding deeds”",
  "Joint vetting: the code “tax” is used twice",
  "Joint vetting: the deadline of “Discipline inspection”",
  "Preliminary review checklist: item 6 is empty",
  "Preliminary review budget must be at least 1",
  "Promise is 32 working days, but the stage budgets add up to 31",
  "Public notice budget of 4 working days is shorter than the minimum notice of 5",
  "Minimum notice must be at least 1",
  "Opens on “2026-02-30”",
  "Opens on 2026-05-01 is after the closing date 2026-04-30",
  "Eligibility: the lowest age 50 is above the highest age 40",
  "Eligibility: “robot”",
  "Eligibility: “township”",
  "Closes on “30/04/2026”",
};

static void
test_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (spoiled_fields); i++)
    {
      g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
      g_autoptr(GError) error = NULL;

      spoil (campaign, i);
      g_assert_false (xf_campaign_validate (campaign, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, spoiled_fields[i]))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, spoiled_fields[i]);
    }
}

static void
test_invalid_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *before = snapshot (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (spoiled_fields); i++)
    {
      g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      spoil (campaign, i);
      g_assert_false (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, spoiled_fields[i]));
      g_assert_cmpint (xf_campaign_get_id (campaign), ==, 0);
      after = snapshot (fixture);
      g_assert_cmpstr (after, ==, before);
    }
  /* An organiser that does not exist. */
  {
    g_autoptr(XfCampaign) campaign = xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    xf_campaign_set_organisation_id (campaign, 99999);
    g_assert_false (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Organiser number 99999 does not exist");
    after = snapshot (fixture);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 0);
}

static void
test_budgets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfCampaign) county = xf_campaign_new (2026, "2026年度德清工匠", "county");
  g_autoptr(XfCampaign) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Defaults add up: 10 + 10 + 6 + 5 = 31 for a county. */
  g_assert_true (xf_campaign_validate (county, &error));
  g_assert_no_error (error);

  xf_campaign_set_stage_budget (county, "preliminary", 12);
  g_assert_false (xf_evaluation_save_campaign (fixture->evaluation, county, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Promise is 31 working days, but the stage budgets add up to 33 (12 + 10 + 6 + 5)");
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaigns"), ==, 0);

  /* A longer promise that the budgets meet is the campaign's own choice. */
  xf_campaign_set_promise_days (county, 33);
  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, county, &error));
  g_assert_no_error (error);
  stored = xf_evaluation_get_campaign (fixture->evaluation, xf_campaign_get_id (county), &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_campaign_get_promise_days (stored), ==, 33);
  g_assert_cmpint (xf_campaign_get_stage_budget (stored, "preliminary"), ==, 12);
  g_assert_cmpint (xf_campaign_get_stage_budget (stored, "decision"), ==, 5);
  g_assert_false (xf_campaign_set_stage_budget (stored, "returned", 3));
  g_assert_false (xf_campaign_set_stage_budget (stored, "conferred", 3));
}

static void
test_update_and_conflict (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfCampaign) stale = NULL;
  g_autoptr(XfCampaign) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uid_sql = NULL;
  g_autofree char *old_quota = NULL;
  g_autofree char *new_quota = NULL;
  gint64 id = xf_campaign_get_id (campaign);

  stale = xf_evaluation_get_campaign (fixture->evaluation, id, &error);
  g_assert_no_error (error);
  clear_emissions (fixture);

  xf_campaign_set_quota (campaign, 25);
  xf_campaign_set_closes_on (campaign, "2026-06-30");
  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_campaign_get_version (campaign), ==, 2);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 1);
  clear_emissions (fixture);

  stored = xf_evaluation_get_campaign (fixture->evaluation, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_campaign_get_quota (stored), ==, 25);
  g_assert_cmpstr (xf_campaign_get_closes_on (stored), ==, "2026-06-30");
  g_assert_cmpint (xf_campaign_get_version (stored), ==, 2);

  /* One entry per changed field, with the old and new values. */
  uid_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE record_type = 'campaign' "
                             "AND action = 'update' AND record_uid = '%s'", xf_campaign_get_uid (campaign));
  g_assert_cmpint (query_int (fixture, uid_sql), ==, 2);
  old_quota = query_text (fixture, "SELECT old_value FROM audit_log WHERE action = 'update' AND field = 'quota'");
  new_quota = query_text (fixture, "SELECT new_value FROM audit_log WHERE action = 'update' AND field = 'quota'");
  g_assert_cmpstr (old_quota, ==, "10");
  g_assert_cmpstr (new_quota, ==, "25");

  /* The copy read before that save is stale now. */
  before = snapshot (fixture);
  xf_campaign_set_quota (stale, 30);
  g_assert_false (xf_evaluation_save_campaign (fixture->evaluation, stale, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "“2026年度湖州市劳动模范” was changed elsewhere since you opened it");
  g_assert_cmpint (xf_campaign_get_version (stale), ==, 1);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 0);

  /* Saving without a change writes nothing and says nothing. */
  g_clear_error (&error);
  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_campaign_get_version (campaign), ==, 2);
  g_clear_pointer (&after, g_free);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 0);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(XfCampaign) source = xf_campaign_new (2024, "2024年度湖州市劳动模范（2024）", "city");
  g_autoptr(XfCampaign) copy = NULL;
  g_autoptr(XfCampaign) stored = NULL;
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccounts) accounts = xf_accounts_new (fixture->store);
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) leaver = NULL;
  g_autofree char *copied_from = NULL;
  XfCommitteeMember *chair;
  const char *titles[] = { "工匠", NULL };
  gint64 chair_id = add_account (fixture, "chen", XF_ROLE_REVIEWER);
  gint64 second_id = add_account (fixture, "liming", XF_ROLE_ADMINISTRATOR);
  gint64 leaver_id = add_account (fixture, "zhou", XF_ROLE_REVIEWER);

  xf_campaign_set_opens_on (source, "2024-02-29");
  xf_campaign_set_closes_on (source, "2024-04-30");
  xf_campaign_set_region_codes (source, "3305");
  xf_campaign_set_quota (source, 15);
  xf_campaign_set_tie_rule (source, "votes");
  g_ptr_array_add (xf_campaign_get_rubric (source),
                   xf_criterion_new ("team", "带动作用", "传帮带", 5, 10));
  g_ptr_array_remove_index (xf_campaign_get_vetting (source), 3);
  xf_campaign_get_eligibility (source)->required_titles = g_strdupv ((char **) titles);
  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, source, &error));
  g_assert_no_error (error);
  g_ptr_array_add (members, member (chair_id, TRUE, "湖州市总工会", "", ""));
  g_ptr_array_add (members, member (second_id, FALSE, "", "湖州市人社局", "王五"));
  g_ptr_array_add (members, member (leaver_id, FALSE, "", "", ""));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, xf_campaign_get_id (source), members,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_set_campaign_status (fixture->evaluation, xf_campaign_get_id (source),
                                                    "open", &error));
  g_assert_no_error (error);

  /* Since then one member has left: disabled, he stays behind. */
  leaver = xf_accounts_get (accounts, local, "zhou", &error);
  g_assert_no_error (error);
  xf_account_set_disabled (leaver, TRUE);
  g_assert_true (xf_accounts_save (accounts, local, leaver, NULL, &error));
  g_assert_no_error (error);
  clear_emissions (fixture);

  copy = xf_evaluation_copy_campaign (fixture->evaluation, xf_campaign_get_id (source), 2025, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 1);
  g_assert_cmpint (xf_campaign_get_id (copy), >, xf_campaign_get_id (source));
  g_assert_cmpstr (xf_campaign_get_uid (copy), !=, xf_campaign_get_uid (source));

  stored = xf_evaluation_get_campaign (fixture->evaluation, xf_campaign_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_campaign_get_year (stored), ==, 2025);
  g_assert_cmpstr (xf_campaign_get_title (stored), ==, "2025年度湖州市劳动模范（2025）");
  /* 29 February has no 2025: the 28th. */
  g_assert_cmpstr (xf_campaign_get_opens_on (stored), ==, "2025-02-28");
  g_assert_cmpstr (xf_campaign_get_closes_on (stored), ==, "2025-04-30");
  g_assert_cmpstr (xf_campaign_get_status (stored), ==, "draft");
  g_assert_cmpint (xf_campaign_get_copied_from (stored), ==, xf_campaign_get_id (source));
  g_assert_cmpint (xf_campaign_get_version (stored), ==, 1);
  g_assert_cmpstr (xf_campaign_get_region_codes (stored), ==, "3305");
  g_assert_cmpint (xf_campaign_get_quota (stored), ==, 15);
  g_assert_cmpstr (xf_campaign_get_tie_rule (stored), ==, "votes");
  g_assert_cmpuint (xf_campaign_get_rubric (stored)->len, ==, 5);
  g_assert_cmpstr (((XfCriterion *) g_ptr_array_index (xf_campaign_get_rubric (stored), 4))->name, ==,
                   "带动作用");
  g_assert_cmpuint (xf_campaign_get_vetting (stored)->len, ==, 3);
  g_assert_cmpuint (xf_campaign_get_checklist (stored)->len, ==, 5);
  g_assert_cmpstrv (xf_campaign_get_eligibility (stored)->required_titles, titles);

  g_assert_cmpuint (xf_campaign_get_committee (stored)->len, ==, 2);
  g_assert_cmpuint (xf_campaign_get_committee (copy)->len, ==, 2);
  chair = g_ptr_array_index (xf_campaign_get_committee (stored), 0);
  g_assert_cmpint (chair->account_id, ==, chair_id);
  g_assert_true (chair->is_chair);
  g_assert_cmpstr (chair->login, ==, "chen");
  g_assert_cmpstr (chair->employer, ==, "湖州市总工会");
  g_assert_cmpstr (((XfCommitteeMember *) g_ptr_array_index (xf_campaign_get_committee (stored), 1))->relatives,
                   ==, "王五");

  /* The source is untouched, and the trail says where the copy came from. */
  g_clear_object (&stored);
  stored = xf_evaluation_get_campaign (fixture->evaluation, xf_campaign_get_id (source), &error);
  g_assert_cmpstr (xf_campaign_get_status (stored), ==, "open");
  g_assert_cmpuint (xf_campaign_get_committee (stored)->len, ==, 3);
  copied_from = query_text (fixture, "SELECT new_value FROM audit_log WHERE action = 'create' "
                                     "AND field = 'copied-from'");
  g_assert_cmpint (g_ascii_strtoll (copied_from, NULL, 10), ==, xf_campaign_get_id (source));

  /* A copy of nothing. */
  g_clear_error (&error);
  g_assert_null (xf_evaluation_copy_campaign (fixture->evaluation, 9999, 2026, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfCampaign) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit_old = NULL;
  gint64 id = xf_campaign_get_id (campaign);
  gint64 pioneer = xf_test_add_candidate (fixture->evaluation, "王建国", "国网湖州供电公司", "330502001");
  gint64 nomination;

  /* Not back, not past open. */
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, id, "closed", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "The campaign “2026年度湖州市劳动模范” cannot go from Draft to Closed");
  g_clear_error (&error);
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, id, "paused", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Status “paused” is not one of the known values");
  g_clear_error (&error);

  g_assert_true (xf_evaluation_set_campaign_status (fixture->evaluation, id, "open", &error));
  g_assert_no_error (error);
  stored = xf_evaluation_get_campaign (fixture->evaluation, id, &error);
  g_assert_cmpstr (xf_campaign_get_status (stored), ==, "open");
  g_assert_cmpint (xf_campaign_get_version (stored), ==, 2);
  audit_old = query_text (fixture, "SELECT old_value FROM audit_log WHERE action = 'update' AND field = 'status'");
  g_assert_cmpstr (audit_old, ==, "draft");
  /* Again: nothing to do. */
  g_assert_true (xf_evaluation_set_campaign_status (fixture->evaluation, id, "open", &error));
  g_assert_cmpint (query_int (fixture, "SELECT version FROM campaigns"), ==, 2);
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, id, "draft", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Saving the (stale) draft object keeps the stored status. */
  xf_campaign_set_quota (campaign, 12);
  g_assert_false (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);
  xf_campaign_set_quota (stored, 12);
  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_campaign_get_status (stored), ==, "open");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaigns WHERE status = 'open'"), ==, 1);

  /* A nomination under way keeps the campaign open. */
  nomination = add_nomination_row (fixture, id, pioneer, "湖州市总工会", XF_STAGE_COMMITTEE);
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, id, "closed", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==,
                   "The campaign “2026年度湖州市劳动模范” cannot close: 1 nomination is still under way");
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaigns WHERE status = 'open'"), ==, 1);

  exec_sql (fixture, "UPDATE nominations SET stage = 'conferred'");
  g_assert_cmpint (nomination, >, 0);
  g_assert_true (xf_evaluation_set_campaign_status (fixture->evaluation, id, "closed", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaigns WHERE status = 'closed'"), ==, 1);
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, id, "open", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_false (xf_evaluation_set_campaign_status (fixture->evaluation, 9999, "open", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfAccount) clerk = xf_test_add_account (fixture->store, "clerk", XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "reviewer", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) admin = xf_test_add_account (fixture->store, "admin2", XF_ROLE_ADMINISTRATOR,
                                                    XF_SCOPE_ALL, NULL);
  XfAccount *refused[] = { clerk, reviewer };
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = xf_campaign_get_id (campaign);

  g_ptr_array_add (members, member (xf_account_get_id (reviewer), TRUE, NULL, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(XfEvaluation) evaluation = acting_as (fixture, refused[i]);
      g_autoptr(XfCampaign) fresh = xf_campaign_new (2026, "2026年度德清工匠", "county");
      g_autoptr(XfCampaign) stored = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *before = snapshot (fixture);
      g_autofree char *after = NULL;

      g_assert_false (xf_evaluation_save_campaign (evaluation, fresh, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);

      /* Reading is everyone's. */
      stored = xf_evaluation_get_campaign (evaluation, id, &error);
      g_assert_no_error (error);
      listed = xf_evaluation_list_campaigns (evaluation, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, 1);

      xf_campaign_set_quota (stored, 3);
      g_assert_false (xf_evaluation_save_campaign (evaluation, stored, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_null (xf_evaluation_copy_campaign (evaluation, id, 2027, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_false (xf_evaluation_set_campaign_status (evaluation, id, "open", &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_false (xf_evaluation_set_committee (evaluation, id, members, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      /* Conflicts are for the committee and campaign managers. */
      conflicts = xf_evaluation_list_conflicts (evaluation, id, 0, &error);
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
      g_assert_null (conflicts);
      g_clear_error (&error);

      after = snapshot (fixture);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 1);

  /* Another administrator may. */
  {
    g_autoptr(XfEvaluation) evaluation = acting_as (fixture, admin);
    g_autoptr(XfCampaign) copy = NULL;

    copy = xf_evaluation_copy_campaign (evaluation, id, 2027, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xf_campaign_get_title (copy), ==, "2027年度湖州市劳动模范");
  }
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autofree char *uid_sql = NULL;
  g_autofree char *promise = NULL;
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;
  g_autofree char *rubric = NULL;

  uid_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'create' "
                             "AND record_type = 'campaign' AND record_uid = '%s'",
                             xf_campaign_get_uid (campaign));
  /* Year, title, level, quota, quorum and pass (4), tie rule, aggregation,
   * normalise, promise and the 4 budgets, minimum notice, status; rubric,
   * vetting, checklist (no eligibility rule, no organiser, no dates). */
  g_assert_cmpint (query_int (fixture, uid_sql), ==, 21);
  promise = query_text (fixture, "SELECT new_value FROM audit_log WHERE field = 'promise-days'");
  g_assert_cmpstr (promise, ==, "32");
  status = query_text (fixture, "SELECT new_value FROM audit_log WHERE field = 'status'");
  g_assert_cmpstr (status, ==, "draft");
  label = query_text (fixture, "SELECT record_label FROM audit_log WHERE field = 'title'");
  g_assert_cmpstr (label, ==, "2026年度湖州市劳动模范");
  rubric = query_text (fixture, "SELECT new_value FROM audit_log WHERE field = 'rubric'");
  g_assert_nonnull (strstr (rubric, "\"code\":\"deeds\""));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log WHERE field = 'eligibility'"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log WHERE action = 'create' "
                                       "AND old_value IS NOT NULL"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/core/campaigns/" path, Fixture, NULL, set_up, func, tear_down)
  g_test_add_func ("/core/campaigns/defaults", test_defaults);
  g_test_add_func ("/core/campaigns/notify", test_notify);
  g_test_add_func ("/core/campaigns/validate", test_validate);
  ADD ("save-get-list", test_save_get_list);
  ADD ("invalid-writes-nothing", test_invalid_writes_nothing);
  ADD ("budgets", test_budgets);
  ADD ("update-and-conflict", test_update_and_conflict);
  ADD ("copy", test_copy);
  ADD ("status", test_status);
  ADD ("permissions", test_permissions);
  ADD ("audit", test_audit);
#undef ADD

  return g_test_run ();
}
