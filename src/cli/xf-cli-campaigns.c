/* xf-cli-campaigns.c — `campaigns list | show | report`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-honour.h"
#include "xf-pioneer.h"

/*
 * campaigns list
 */

/* Totals of a campaign's nominations: all, open, needing attention. */
static void
count_nominations (XfEvaluation *evaluation,
                   gint64        campaign_id,
                   int          *total,
                   int          *open,
                   int          *attention)
{
  g_autoptr(GHashTable) counts = xf_evaluation_count_by_stage (evaluation, campaign_id, NULL);
  const char * const *stages = xf_stage_all ();

  *total = *open = *attention = 0;
  if (counts == NULL)
    return;
  for (guint i = 0; stages[i] != NULL; i++)
    *total += GPOINTER_TO_INT (g_hash_table_lookup (counts, stages[i]));
  *open = GPOINTER_TO_INT (g_hash_table_lookup (counts, "open"));
  *attention = GPOINTER_TO_INT (g_hash_table_lookup (counts, "attention"));
}

/* The members every campaign's JSON begins with. */
static void
build_campaign_head (JsonBuilder *builder,
                     XfCampaign  *campaign)
{
  xf_cli_json_int (builder, "id", xf_campaign_get_id (campaign));
  xf_cli_json_text (builder, "uid", xf_campaign_get_uid (campaign));
  xf_cli_json_int (builder, "year", xf_campaign_get_year (campaign));
  xf_cli_json_text (builder, "title", xf_campaign_get_title (campaign));
  xf_cli_json_text (builder, "level", xf_campaign_get_level (campaign));
  xf_cli_json_text (builder, "organisation", xf_campaign_get_organisation_name (campaign));
}

static void
build_campaign_row (JsonBuilder  *builder,
                    gconstpointer item,
                    gpointer      evaluation)
{
  XfCampaign *campaign = (XfCampaign *) item;
  int total, open, attention;

  count_nominations (evaluation, xf_campaign_get_id (campaign), &total, &open, &attention);
  build_campaign_head (builder, campaign);
  xf_cli_json_text (builder, "status", xf_campaign_get_status (campaign));
  xf_cli_json_int (builder, "quota", xf_campaign_get_quota (campaign));
  xf_cli_json_int (builder, "promise_days", xf_campaign_get_promise_days (campaign));
  xf_cli_json_text (builder, "opens_on", xf_campaign_get_opens_on (campaign));
  xf_cli_json_text (builder, "closes_on", xf_campaign_get_closes_on (campaign));
  xf_cli_json_int (builder, "nominations", total);
  xf_cli_json_int (builder, "open", open);
  xf_cli_json_int (builder, "attention", attention);
}

int
xf_cli_campaigns_list (XfEvaluation  *evaluation,
                    const XfCliEvaluationOptions *options)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  campaigns = xf_evaluation_list_campaigns (evaluation, options->year, &error);
  if (campaigns == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      xf_cli_print_json_list ("campaigns", campaigns, build_campaign_row, evaluation);
      return 0;
    }

  xf_cli_print_row (_("ID"), _("Year"), _("Title"), _("Level"), _("Status"), _("Quota"), _("Promise"),
             _("Nominations"), _("Open"), _("Attention"), NULL);
  for (guint i = 0; i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_campaign_get_id (campaign));
      g_autofree char *year = g_strdup_printf ("%d", xf_campaign_get_year (campaign));
      g_autofree char *quota = g_strdup_printf ("%d", xf_campaign_get_quota (campaign));
      /* TRANSLATORS: a number of working days, in a table cell. */
      g_autofree char *promise = g_strdup_printf (_("%d working days"),
                                                  xf_campaign_get_promise_days (campaign));
      g_autofree char *n_total = NULL;
      g_autofree char *n_open = NULL;
      g_autofree char *n_attention = NULL;
      int total, open, attention;

      count_nominations (evaluation, xf_campaign_get_id (campaign), &total, &open, &attention);
      n_total = g_strdup_printf ("%d", total);
      n_open = g_strdup_printf ("%d", open);
      n_attention = g_strdup_printf ("%d", attention);
      xf_cli_print_row (id, year, xf_campaign_get_title (campaign),
                 xf_honour_level_label (xf_campaign_get_level (campaign)),
                 xf_campaign_status_label (xf_campaign_get_status (campaign)),
                 quota, promise, n_total, n_open, n_attention, NULL);
    }
  return 0;
}

/*
 * campaigns show
 */

static const char * const plan_stages[] = { XF_STAGE_PRELIMINARY, XF_STAGE_COMMITTEE,
                                            XF_STAGE_NOTICE, XF_STAGE_DECISION };

static void
add_strv (JsonBuilder *builder,
          const char  *key,
          GStrv        values)
{
  json_builder_set_member_name (builder, key);
  if (values == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
build_criterion (JsonBuilder  *builder,
                 gconstpointer item,
                 gpointer      user_data)
{
  const XfCriterion *criterion = item;

  xf_cli_json_text (builder, "code", criterion->code);
  xf_cli_json_text (builder, "name", criterion->name);
  xf_cli_json_text (builder, "description", criterion->description);
  xf_cli_json_double (builder, "weight", criterion->weight);
  xf_cli_json_double (builder, "max", criterion->max);
}

static void
build_department (JsonBuilder  *builder,
                  gconstpointer item,
                  gpointer      user_data)
{
  const XfVettingDepartment *department = item;

  xf_cli_json_text (builder, "code", department->code);
  xf_cli_json_text (builder, "name", department->name);
  xf_cli_json_int (builder, "days", department->days);
}

static void
build_member (JsonBuilder  *builder,
              gconstpointer item,
              gpointer      user_data)
{
  const XfCommitteeMember *member = item;

  xf_cli_json_int (builder, "account_id", member->account_id);
  xf_cli_json_text (builder, "login", member->login);
  xf_cli_json_text (builder, "name", member->display_name);
  xf_cli_json_bool (builder, "chair", member->is_chair);
  xf_cli_json_text (builder, "employer", member->employer);
  xf_cli_json_text (builder, "unit", member->unit);
}

static void
build_round (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfReviewRound *round = item;

  xf_cli_json_int (builder, "id", round->id);
  xf_cli_json_int (builder, "number", round->number);
  xf_cli_json_text (builder, "status", round->status);
  xf_cli_json_text (builder, "opened_on", round->opened_on);
  xf_cli_json_int (builder, "nominations", round->n_nominations);
  xf_cli_json_text (builder, "aggregation", round->status != NULL && g_str_equal (round->status, "closed")
                                            ? round->aggregation : NULL);
}

static void
build_campaign (JsonBuilder *builder,
                XfCampaign  *campaign,
                GPtrArray   *rounds)
{
  XfEligibility *rules = xf_campaign_get_eligibility (campaign);
  GPtrArray *list;
  int num, den;

  json_builder_begin_object (builder);
  build_campaign_head (builder, campaign);
  xf_cli_json_text (builder, "region_codes", xf_campaign_get_region_codes (campaign));
  xf_cli_json_text (builder, "organisation_codes", xf_campaign_get_organisation_codes (campaign));
  xf_cli_json_text (builder, "status", xf_campaign_get_status (campaign));
  xf_cli_json_int (builder, "quota", xf_campaign_get_quota (campaign));
  xf_cli_json_text (builder, "opens_on", xf_campaign_get_opens_on (campaign));
  xf_cli_json_text (builder, "closes_on", xf_campaign_get_closes_on (campaign));
  xf_cli_json_positive (builder, "copied_from", xf_campaign_get_copied_from (campaign));

  json_builder_set_member_name (builder, "vote_rule");
  json_builder_begin_object (builder);
  xf_campaign_get_quorum (campaign, &num, &den);
  xf_cli_json_int (builder, "quorum_num", num);
  xf_cli_json_int (builder, "quorum_den", den);
  xf_campaign_get_pass (campaign, &num, &den);
  xf_cli_json_int (builder, "pass_num", num);
  xf_cli_json_int (builder, "pass_den", den);
  xf_cli_json_text (builder, "tie_rule", xf_campaign_get_tie_rule (campaign));
  xf_cli_json_text (builder, "aggregation", xf_campaign_get_aggregation (campaign));
  xf_cli_json_bool (builder, "normalise", xf_campaign_get_normalise (campaign));
  json_builder_end_object (builder);

  xf_cli_json_int (builder, "promise_days", xf_campaign_get_promise_days (campaign));
  xf_cli_json_int (builder, "min_notice_days", xf_campaign_get_min_notice_days (campaign));
  json_builder_set_member_name (builder, "stage_plan");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (plan_stages); i++)
    {
      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "stage", plan_stages[i]);
      xf_cli_json_int (builder, "days", xf_campaign_get_stage_budget (campaign, plan_stages[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eligibility");
  json_builder_begin_object (builder);
  xf_cli_json_int (builder, "min_age", rules != NULL ? rules->min_age : 0);
  xf_cli_json_int (builder, "max_age", rules != NULL ? rules->max_age : 0);
  xf_cli_json_int (builder, "min_service_years", rules != NULL ? rules->min_service_years : 0);
  add_strv (builder, "required_levels", rules != NULL ? rules->required_levels : NULL);
  add_strv (builder, "required_titles", rules != NULL ? rules->required_titles : NULL);
  add_strv (builder, "kinds", rules != NULL ? rules->kinds : NULL);
  xf_cli_json_bool (builder, "exclude_holders", rules != NULL && rules->exclude_holders);
  json_builder_end_object (builder);

  xf_cli_json_objects (builder, "rubric", xf_campaign_get_rubric (campaign), build_criterion, NULL);
  xf_cli_json_objects (builder, "vetting", xf_campaign_get_vetting (campaign), build_department, NULL);

  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  list = xf_campaign_get_checklist (campaign);
  for (guint i = 0; i < list->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (list, i));
  json_builder_end_array (builder);

  xf_cli_json_objects (builder, "committee", xf_campaign_get_committee (campaign), build_member, NULL);
  xf_cli_json_objects (builder, "rounds", rounds, build_round, NULL);
  json_builder_end_object (builder);
}

static void
print_criterion (gconstpointer item)
{
  const XfCriterion *criterion = item;
  g_autofree char *weight = g_strdup_printf ("%g", criterion->weight);
  g_autofree char *max = g_strdup_printf ("%g", criterion->max);

  xf_cli_print_row (criterion->code, criterion->name, weight, max, NULL);
}

static void
print_department (gconstpointer item)
{
  const XfVettingDepartment *department = item;
  g_autofree char *days = g_strdup_printf (_("%d working days"), department->days);

  xf_cli_print_row (department->code, department->name, days, NULL);
}

static void
print_member (gconstpointer item)
{
  const XfCommitteeMember *member = item;

  xf_cli_print_row (member->login, member->display_name, member->is_chair ? _("chair") : _("member"),
                    xf_cli_or_dash (member->employer), xf_cli_or_dash (member->unit), NULL);
}

static void
print_round (gconstpointer item)
{
  const XfReviewRound *round = item;
  g_autofree char *number = g_strdup_printf ("%d", round->number);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nomination",
                                                         "%u nominations", round->n_nominations),
                                            round->n_nominations);
  gboolean open = g_strcmp0 (round->status, "open") == 0;

  xf_cli_print_row (number, open ? _("open") : _("closed"), round->opened_on, count, NULL);
}

static void
print_campaign (XfCampaign *campaign,
                GPtrArray  *rounds)
{
  XfEligibility *rules = xf_campaign_get_eligibility (campaign);
  GPtrArray *list;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_campaign_get_id (campaign));
  g_autofree char *year = g_strdup_printf ("%d", xf_campaign_get_year (campaign));
  g_autofree char *quota = g_strdup_printf ("%d", xf_campaign_get_quota (campaign));
  g_autofree char *promise = g_strdup_printf (_("%d working days"), xf_campaign_get_promise_days (campaign));
  g_autofree char *window = g_strdup_printf ("%s – %s", xf_cli_or_dash (xf_campaign_get_opens_on (campaign)),
                                             xf_cli_or_dash (xf_campaign_get_closes_on (campaign)));
  g_autofree char *quorum = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *min_notice = NULL;
  int num, den;

  xf_cli_print_field (_("ID"), id);
  xf_cli_print_field (_("Title"), xf_campaign_get_title (campaign));
  xf_cli_print_field (_("Year"), year);
  xf_cli_print_field (_("Level"), xf_honour_level_label (xf_campaign_get_level (campaign)));
  xf_cli_print_field (_("Organiser"), xf_campaign_get_organisation_name (campaign));
  xf_cli_print_field (_("Regions"), xf_campaign_get_region_codes (campaign));
  xf_cli_print_field (_("Organisations"), xf_campaign_get_organisation_codes (campaign));
  xf_cli_print_field (_("Status"), xf_campaign_status_label (xf_campaign_get_status (campaign)));
  xf_cli_print_field (_("Quota"), quota);
  xf_cli_print_field (_("Submissions"), window);
  xf_campaign_get_quorum (campaign, &num, &den);
  /* TRANSLATORS: a fraction of the committee members, e.g. "2/3 of the members not recused". */
  quorum = g_strdup_printf (_("%d/%d of the members not recused"), num, den);
  xf_cli_print_field (_("Quorum"), quorum);
  xf_campaign_get_pass (campaign, &num, &den);
  pass = g_strdup_printf (_("%d/%d of the members present vote for"), num, den);
  xf_cli_print_field (_("Pass"), pass);
  xf_cli_print_field (_("Tie rule"), xf_tie_rule_label (xf_campaign_get_tie_rule (campaign)));
  xf_cli_print_field (_("Aggregation"), xf_aggregation_label (xf_campaign_get_aggregation (campaign)));
  xf_cli_print_field (_("Normalise scores"), xf_cli_yes_no (xf_campaign_get_normalise (campaign)));
  xf_cli_print_field (_("Promise"), promise);
  for (guint i = 0; i < G_N_ELEMENTS (plan_stages); i++)
    {
      g_autofree char *days = g_strdup_printf (_("%d working days"),
                                               xf_campaign_get_stage_budget (campaign, plan_stages[i]));
      g_autofree char *label = g_strdup_printf (_("Stage plan: %s"), xf_stage_label (plan_stages[i]));

      xf_cli_print_field (label, days);
    }
  min_notice = g_strdup_printf (_("%d working days"), xf_campaign_get_min_notice_days (campaign));
  xf_cli_print_field (_("Shortest notice"), min_notice);
  if (rules != NULL && (rules->min_age > 0 || rules->max_age > 0))
    {
      g_autofree char *ages = g_strdup_printf ("%d – %d", rules->min_age, rules->max_age);

      xf_cli_print_field (_("Age"), ages);
    }
  if (rules != NULL && rules->min_service_years > 0)
    {
      g_autofree char *years = g_strdup_printf ("%d", rules->min_service_years);

      xf_cli_print_field (_("Years of service"), years);
    }

  xf_cli_print_heading (_("Rubric:"));
  xf_cli_print_row (_("Code"), _("Criterion"), _("Weight"), _("Maximum"), NULL);
  xf_cli_print_items (xf_campaign_get_rubric (campaign), print_criterion);
  xf_cli_print_heading (_("Joint vetting:"));
  xf_cli_print_items (xf_campaign_get_vetting (campaign), print_department);

  xf_cli_print_heading (_("Checklist:"));
  list = xf_campaign_get_checklist (campaign);
  for (guint i = 0; i < list->len; i++)
    printf ("  %u. %s\n", i + 1, (const char *) g_ptr_array_index (list, i));

  xf_cli_print_heading (_("Committee:"));
  xf_cli_print_items (xf_campaign_get_committee (campaign), print_member);
  if (rounds != NULL && rounds->len > 0)
    {
      xf_cli_print_heading (_("Rounds:"));
      xf_cli_print_items (rounds, print_round);
    }
}

int
xf_cli_campaigns_show (XfEvaluation  *evaluation,
                    const XfCliEvaluationOptions *options)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;

  campaign = xf_evaluation_get_campaign (evaluation, options->id, &error);
  if (campaign == NULL)
    return xf_cli_fail_error (error);
  rounds = xf_evaluation_list_rounds (evaluation, options->id, &error);
  if (rounds == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_campaign (builder, campaign, rounds);
      xf_cli_print_json (builder);
    }
  else
    print_campaign (campaign, rounds);
  return 0;
}

/*
 * campaigns report
 */

static void
build_report_row (JsonBuilder  *builder,
                  gconstpointer item,
                  gpointer      user_data)
{
  const XfReportRow *row = item;

  xf_cli_json_int (builder, "id", row->nomination_id);
  xf_cli_json_text (builder, "candidate", row->candidate_name);
  xf_cli_json_text (builder, "unit", row->nominating_unit);
  xf_cli_json_text (builder, "stage", row->stage);
  xf_cli_json_text (builder, "submitted_on", row->submitted_on);
  xf_cli_json_text (builder, "decided_on", row->decided_on);
  xf_cli_json_int (builder, "office_days", row->office_days);
  xf_cli_json_int (builder, "unit_days", row->unit_days);
  xf_cli_json_bool (builder, "within_promise", row->within_promise);
}

static void
print_report_row (gconstpointer item)
{
  const XfReportRow *row = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->nomination_id);
  g_autofree char *office = g_strdup_printf ("%d", row->office_days);
  g_autofree char *unit = g_strdup_printf ("%d", row->unit_days);

  xf_cli_print_row (id, row->candidate_name, row->nominating_unit, xf_stage_label (row->stage),
                    xf_cli_or_dash (row->submitted_on), xf_cli_or_dash (row->decided_on), office, unit,
                    xf_cli_yes_no (row->within_promise), NULL);
}

int
xf_cli_campaigns_report (XfEvaluation  *evaluation,
                      const XfCliEvaluationOptions *options)
{
  g_autoptr(XfCampaignReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = xf_evaluation_campaign_report (evaluation, options->id, &error);
  if (report == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_int (builder, "campaign_id", report->campaign_id);
      xf_cli_json_text (builder, "title", report->title);
      xf_cli_json_int (builder, "promise_days", report->promise_days);
      xf_cli_json_int (builder, "decided", report->n_decided);
      xf_cli_json_double (builder, "average_days", report->average_days);
      xf_cli_json_int (builder, "within_promise", report->n_within_promise);
      xf_cli_json_bool (builder, "unconfirmed", report->unconfirmed);
      xf_cli_json_objects (builder, "nominations", report->rows, build_report_row, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  printf ("%s\n", report->title);
  printf (_("Promise: %d working days from submission to decision\n"), report->promise_days);
  if (report->unconfirmed)
    printf ("%s\n", _("Some working days are not confirmed: a year crossed has no published holidays"));
  printf ("\n");
  xf_cli_print_row (_("ID"), _("Candidate"), _("Nominating unit"), _("Stage"), _("Submitted"), _("Decided"),
             _("Office days"), _("Unit days"), _("Within promise"), NULL);
  xf_cli_print_items (report->rows, print_report_row);
  printf ("\n");
  if (report->n_decided == 0 || isnan (report->average_days))
    printf (_("Average: none decided yet (promise %d working days)\n"), report->promise_days);
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Average: %.1f working days over %u decided nomination (promise %d working days); "
                         "%u within the promise\n",
                         "Average: %.1f working days over %u decided nominations (promise %d working days); "
                         "%u within the promise\n",
                         report->n_decided),
            report->average_days, report->n_decided, report->promise_days, report->n_within_promise);
  return 0;
}
