/* xf-cli-evaluation.c — `campaigns list | show | report`, `nominations list | show`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-honour.h"
#include "xf-pioneer.h"

/*
 * The evaluation through the same XfEvaluation the app uses, as the
 * signed-in account. Plain output is tab-separated with a translated
 * heading line; --json gives the same facts with stable English keys and
 * codes (stage, due state, status) rather than labels.
 */

static const char campaigns_usage[] =
  N_("usage: campaigns list [--year Y] [--json] | show ID [--json] | report ID [--json]");
static const char nominations_usage[] =
  N_("usage: nominations list [--campaign ID] [--stage STAGE] [--attention] [--json] | show ID [--json]");

typedef struct
{
  const char *subcommand;
  gint64      id;          /* show, report; --campaign */
  int         year;        /* --year; 0: every year */
  const char *stage;       /* --stage */
  gboolean    attention;
  gboolean    json;
} Options;

/* A whole number from @min up; FALSE (nothing printed) when not one. */
static gboolean
parse_number (const char *text,
              gint64      min,
              gint64     *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, (guint64) min, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
is_stage_filter (const char *stage)
{
  const char * const *stages = xf_stage_all ();

  if (g_str_equal (stage, "open") || g_str_equal (stage, "final"))
    return TRUE;
  for (guint i = 0; stages[i] != NULL; i++)
    if (g_str_equal (stages[i], stage))
      return TRUE;
  return FALSE;
}

/* Reads argv[2…] into @options for @subcommand (argv[1]); returns 0, or
 * the exit status after printing why not. */
static int
parse_options (int          argc,
               char       **argv,
               gboolean     campaigns,
               Options     *options)
{
  const char *usage = campaigns ? _(campaigns_usage) : _(nominations_usage);
  gboolean list, show, report;

  memset (options, 0, sizeof *options);
  if (argc < 2)
    {
      xf_cli_fail ("%s", usage);
      return 2;
    }
  options->subcommand = argv[1];
  list = g_str_equal (argv[1], "list");
  show = g_str_equal (argv[1], "show");
  report = campaigns && g_str_equal (argv[1], "report");
  if (!list && !show && !report)
    {
      xf_cli_fail (_("Unknown subcommand “%s”; %s"), argv[1], usage);
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      gint64 number;

      if (g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (list && campaigns && g_str_equal (arg, "--year"))
        {
          if (!parse_number (value, 1, &number) || number > 9999)
            {
              xf_cli_fail (_("--year needs a year such as 2026"));
              return 2;
            }
          options->year = (int) number;
          i++;
        }
      else if (list && !campaigns && g_str_equal (arg, "--campaign"))
        {
          if (!parse_number (value, 1, &options->id))
            {
              xf_cli_fail (_("--campaign needs the number of a campaign"));
              return 2;
            }
          i++;
        }
      else if (list && !campaigns && g_str_equal (arg, "--stage"))
        {
          if (value == NULL || !is_stage_filter (value))
            {
              /* TRANSLATORS: the codes are typed as they are: do not translate them. */
              xf_cli_fail (_("--stage needs a stage: draft, preliminary, returned, committee, notice, "
                             "decision, conferred, declined, rejected, vetoed, not-selected, withdrawn, "
                             "open or final"));
              return 2;
            }
          options->stage = value;
          i++;
        }
      else if (list && !campaigns && g_str_equal (arg, "--attention"))
        options->attention = TRUE;
      else if (!list && options->id == 0 && !g_str_has_prefix (arg, "--"))
        {
          if (!parse_number (arg, 1, &options->id))
            {
              xf_cli_fail (_("“%s” is not a number; %s"), arg, usage);
              return 2;
            }
        }
      else
        {
          xf_cli_fail (_("Unknown argument “%s”; %s"), arg, usage);
          return 2;
        }
    }

  if (!list && options->id == 0)
    {
      xf_cli_fail (campaigns ? _("campaigns %s needs the number of a campaign")
                             : _("nominations %s needs the number of a nomination"),
                   options->subcommand);
      return 2;
    }
  return 0;
}

/*
 * Output helpers
 */

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* NAN (or a negative "none" marker) as null. */
static void
add_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value) || value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/* A value in a tab-separated line: tabs and line breaks become spaces. */
static void
print_cell (const char *value,
            gboolean    last)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    fputc (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, stdout);
  fputc (last ? '\n' : '\t', stdout);
}

/* NULL-terminated cells as one line. */
static void
print_row (const char *first,
           ...) G_GNUC_NULL_TERMINATED;

static void
print_row (const char *first,
           ...)
{
  va_list args;
  const char *cell = first;

  va_start (args, first);
  while (cell != NULL)
    {
      const char *next = va_arg (args, const char *);

      print_cell (cell, next == NULL);
      cell = next;
    }
  va_end (args);
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    printf ("%s: %s\n", label, value);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

static const char *
or_dash (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : "–";
}

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

static int
run_campaigns_list (XfEvaluation  *evaluation,
                    const Options *options)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  campaigns = xf_evaluation_list_campaigns (evaluation, options->year, &error);
  if (campaigns == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_int (builder, "count", campaigns->len);
      json_builder_set_member_name (builder, "campaigns");
      json_builder_begin_array (builder);
    }
  else
    print_row (_("ID"), _("Year"), _("Title"), _("Level"), _("Status"), _("Quota"), _("Promise"),
               _("Nominations"), _("Open"), _("Attention"), NULL);

  for (guint i = 0; i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_campaign_get_id (campaign));
      int total, open, attention;

      count_nominations (evaluation, xf_campaign_get_id (campaign), &total, &open, &attention);
      if (options->json)
        {
          json_builder_begin_object (builder);
          add_int (builder, "id", xf_campaign_get_id (campaign));
          add_text (builder, "uid", xf_campaign_get_uid (campaign));
          add_int (builder, "year", xf_campaign_get_year (campaign));
          add_text (builder, "title", xf_campaign_get_title (campaign));
          add_text (builder, "level", xf_campaign_get_level (campaign));
          add_text (builder, "organisation", xf_campaign_get_organisation_name (campaign));
          add_text (builder, "status", xf_campaign_get_status (campaign));
          add_int (builder, "quota", xf_campaign_get_quota (campaign));
          add_int (builder, "promise_days", xf_campaign_get_promise_days (campaign));
          add_text (builder, "opens_on", xf_campaign_get_opens_on (campaign));
          add_text (builder, "closes_on", xf_campaign_get_closes_on (campaign));
          add_int (builder, "nominations", total);
          add_int (builder, "open", open);
          add_int (builder, "attention", attention);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *year = g_strdup_printf ("%d", xf_campaign_get_year (campaign));
          g_autofree char *quota = g_strdup_printf ("%d", xf_campaign_get_quota (campaign));
          /* TRANSLATORS: a number of working days, in a table cell. */
          g_autofree char *promise = g_strdup_printf (_("%d working days"),
                                                      xf_campaign_get_promise_days (campaign));
          g_autofree char *n_total = g_strdup_printf ("%d", total);
          g_autofree char *n_open = g_strdup_printf ("%d", open);
          g_autofree char *n_attention = g_strdup_printf ("%d", attention);

          print_row (id, year, xf_campaign_get_title (campaign),
                     xf_honour_level_label (xf_campaign_get_level (campaign)),
                     xf_campaign_status_label (xf_campaign_get_status (campaign)),
                     quota, promise, n_total, n_open, n_attention, NULL);
        }
    }

  if (options->json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
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
build_campaign (JsonBuilder *builder,
                XfCampaign  *campaign,
                GPtrArray   *rounds)
{
  XfEligibility *rules = xf_campaign_get_eligibility (campaign);
  GPtrArray *list;
  gint64 copied_from = xf_campaign_get_copied_from (campaign);
  int num, den;

  json_builder_begin_object (builder);
  add_int (builder, "id", xf_campaign_get_id (campaign));
  add_text (builder, "uid", xf_campaign_get_uid (campaign));
  add_int (builder, "year", xf_campaign_get_year (campaign));
  add_text (builder, "title", xf_campaign_get_title (campaign));
  add_text (builder, "level", xf_campaign_get_level (campaign));
  add_text (builder, "organisation", xf_campaign_get_organisation_name (campaign));
  add_text (builder, "region_codes", xf_campaign_get_region_codes (campaign));
  add_text (builder, "organisation_codes", xf_campaign_get_organisation_codes (campaign));
  add_text (builder, "status", xf_campaign_get_status (campaign));
  add_int (builder, "quota", xf_campaign_get_quota (campaign));
  add_text (builder, "opens_on", xf_campaign_get_opens_on (campaign));
  add_text (builder, "closes_on", xf_campaign_get_closes_on (campaign));
  json_builder_set_member_name (builder, "copied_from");
  if (copied_from > 0)
    json_builder_add_int_value (builder, copied_from);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "vote_rule");
  json_builder_begin_object (builder);
  xf_campaign_get_quorum (campaign, &num, &den);
  add_int (builder, "quorum_num", num);
  add_int (builder, "quorum_den", den);
  xf_campaign_get_pass (campaign, &num, &den);
  add_int (builder, "pass_num", num);
  add_int (builder, "pass_den", den);
  add_text (builder, "tie_rule", xf_campaign_get_tie_rule (campaign));
  add_text (builder, "aggregation", xf_campaign_get_aggregation (campaign));
  add_bool (builder, "normalise", xf_campaign_get_normalise (campaign));
  json_builder_end_object (builder);

  add_int (builder, "promise_days", xf_campaign_get_promise_days (campaign));
  add_int (builder, "min_notice_days", xf_campaign_get_min_notice_days (campaign));
  json_builder_set_member_name (builder, "stage_plan");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (plan_stages); i++)
    {
      json_builder_begin_object (builder);
      add_text (builder, "stage", plan_stages[i]);
      add_int (builder, "days", xf_campaign_get_stage_budget (campaign, plan_stages[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eligibility");
  json_builder_begin_object (builder);
  add_int (builder, "min_age", rules != NULL ? rules->min_age : 0);
  add_int (builder, "max_age", rules != NULL ? rules->max_age : 0);
  add_int (builder, "min_service_years", rules != NULL ? rules->min_service_years : 0);
  add_strv (builder, "required_levels", rules != NULL ? rules->required_levels : NULL);
  add_strv (builder, "required_titles", rules != NULL ? rules->required_titles : NULL);
  add_strv (builder, "kinds", rules != NULL ? rules->kinds : NULL);
  add_bool (builder, "exclude_holders", rules != NULL && rules->exclude_holders);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "rubric");
  json_builder_begin_array (builder);
  list = xf_campaign_get_rubric (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfCriterion *criterion = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "code", criterion->code);
      add_text (builder, "name", criterion->name);
      add_text (builder, "description", criterion->description);
      add_double (builder, "weight", criterion->weight);
      add_double (builder, "max", criterion->max);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "vetting");
  json_builder_begin_array (builder);
  list = xf_campaign_get_vetting (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfVettingDepartment *department = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "code", department->code);
      add_text (builder, "name", department->name);
      add_int (builder, "days", department->days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  list = xf_campaign_get_checklist (campaign);
  for (guint i = 0; i < list->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (list, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "committee");
  json_builder_begin_array (builder);
  list = xf_campaign_get_committee (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfCommitteeMember *member = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_int (builder, "account_id", member->account_id);
      add_text (builder, "login", member->login);
      add_text (builder, "name", member->display_name);
      add_bool (builder, "chair", member->is_chair);
      add_text (builder, "employer", member->employer);
      add_text (builder, "unit", member->unit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rounds");
  json_builder_begin_array (builder);
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      const XfReviewRound *round = g_ptr_array_index (rounds, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", round->id);
      add_int (builder, "number", round->number);
      add_text (builder, "status", round->status);
      add_text (builder, "opened_on", round->opened_on);
      add_int (builder, "nominations", round->n_nominations);
      add_text (builder, "aggregation", round->status != NULL && g_str_equal (round->status, "closed")
                                        ? round->aggregation : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
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
  g_autofree char *window = g_strdup_printf ("%s – %s", or_dash (xf_campaign_get_opens_on (campaign)),
                                             or_dash (xf_campaign_get_closes_on (campaign)));
  g_autofree char *quorum = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *min_notice = NULL;
  int num, den;

  print_field (_("ID"), id);
  print_field (_("Title"), xf_campaign_get_title (campaign));
  print_field (_("Year"), year);
  print_field (_("Level"), xf_honour_level_label (xf_campaign_get_level (campaign)));
  print_field (_("Organiser"), xf_campaign_get_organisation_name (campaign));
  print_field (_("Regions"), xf_campaign_get_region_codes (campaign));
  print_field (_("Organisations"), xf_campaign_get_organisation_codes (campaign));
  print_field (_("Status"), xf_campaign_status_label (xf_campaign_get_status (campaign)));
  print_field (_("Quota"), quota);
  print_field (_("Submissions"), window);
  xf_campaign_get_quorum (campaign, &num, &den);
  /* TRANSLATORS: a fraction of the committee members, e.g. "2/3 of the members not recused". */
  quorum = g_strdup_printf (_("%d/%d of the members not recused"), num, den);
  print_field (_("Quorum"), quorum);
  xf_campaign_get_pass (campaign, &num, &den);
  pass = g_strdup_printf (_("%d/%d of the members present vote for"), num, den);
  print_field (_("Pass"), pass);
  print_field (_("Tie rule"), xf_tie_rule_label (xf_campaign_get_tie_rule (campaign)));
  print_field (_("Aggregation"), xf_aggregation_label (xf_campaign_get_aggregation (campaign)));
  print_field (_("Normalise scores"), yes_no (xf_campaign_get_normalise (campaign)));
  print_field (_("Promise"), promise);
  for (guint i = 0; i < G_N_ELEMENTS (plan_stages); i++)
    {
      g_autofree char *days = g_strdup_printf (_("%d working days"),
                                               xf_campaign_get_stage_budget (campaign, plan_stages[i]));
      g_autofree char *label = g_strdup_printf (_("Stage plan: %s"), xf_stage_label (plan_stages[i]));

      print_field (label, days);
    }
  min_notice = g_strdup_printf (_("%d working days"), xf_campaign_get_min_notice_days (campaign));
  print_field (_("Shortest notice"), min_notice);
  if (rules != NULL && (rules->min_age > 0 || rules->max_age > 0))
    {
      g_autofree char *ages = g_strdup_printf ("%d – %d", rules->min_age, rules->max_age);

      print_field (_("Age"), ages);
    }
  if (rules != NULL && rules->min_service_years > 0)
    {
      g_autofree char *years = g_strdup_printf ("%d", rules->min_service_years);

      print_field (_("Years of service"), years);
    }

  printf ("\n%s\n", _("Rubric:"));
  print_row (_("Code"), _("Criterion"), _("Weight"), _("Maximum"), NULL);
  list = xf_campaign_get_rubric (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfCriterion *criterion = g_ptr_array_index (list, i);
      g_autofree char *weight = g_strdup_printf ("%g", criterion->weight);
      g_autofree char *max = g_strdup_printf ("%g", criterion->max);

      print_row (criterion->code, criterion->name, weight, max, NULL);
    }

  printf ("\n%s\n", _("Joint vetting:"));
  list = xf_campaign_get_vetting (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfVettingDepartment *department = g_ptr_array_index (list, i);
      g_autofree char *days = g_strdup_printf (_("%d working days"), department->days);

      print_row (department->code, department->name, days, NULL);
    }

  printf ("\n%s\n", _("Checklist:"));
  list = xf_campaign_get_checklist (campaign);
  for (guint i = 0; i < list->len; i++)
    printf ("  %u. %s\n", i + 1, (const char *) g_ptr_array_index (list, i));

  printf ("\n%s\n", _("Committee:"));
  list = xf_campaign_get_committee (campaign);
  for (guint i = 0; i < list->len; i++)
    {
      const XfCommitteeMember *member = g_ptr_array_index (list, i);

      print_row (member->login, member->display_name, member->is_chair ? _("chair") : _("member"),
                 or_dash (member->employer), or_dash (member->unit), NULL);
    }

  if (rounds != NULL && rounds->len > 0)
    {
      printf ("\n%s\n", _("Rounds:"));
      for (guint i = 0; i < rounds->len; i++)
        {
          const XfReviewRound *round = g_ptr_array_index (rounds, i);
          g_autofree char *number = g_strdup_printf ("%d", round->number);
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nomination",
                                                                 "%u nominations", round->n_nominations),
                                                    round->n_nominations);
          gboolean open = g_strcmp0 (round->status, "open") == 0;

          print_row (number, open ? _("open") : _("closed"), round->opened_on, count, NULL);
        }
    }
}

static int
run_campaigns_show (XfEvaluation  *evaluation,
                    const Options *options)
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
      print_json (builder);
    }
  else
    print_campaign (campaign, rounds);
  return 0;
}

/*
 * campaigns report
 */

static int
run_campaigns_report (XfEvaluation  *evaluation,
                      const Options *options)
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
      add_int (builder, "campaign_id", report->campaign_id);
      add_text (builder, "title", report->title);
      add_int (builder, "promise_days", report->promise_days);
      add_int (builder, "decided", report->n_decided);
      add_double (builder, "average_days", report->average_days);
      add_int (builder, "within_promise", report->n_within_promise);
      add_bool (builder, "unconfirmed", report->unconfirmed);
      json_builder_set_member_name (builder, "nominations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->rows->len; i++)
        {
          const XfReportRow *row = g_ptr_array_index (report->rows, i);

          json_builder_begin_object (builder);
          add_int (builder, "id", row->nomination_id);
          add_text (builder, "candidate", row->candidate_name);
          add_text (builder, "unit", row->nominating_unit);
          add_text (builder, "stage", row->stage);
          add_text (builder, "submitted_on", row->submitted_on);
          add_text (builder, "decided_on", row->decided_on);
          add_int (builder, "office_days", row->office_days);
          add_int (builder, "unit_days", row->unit_days);
          add_bool (builder, "within_promise", row->within_promise);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  printf ("%s\n", report->title);
  printf (_("Promise: %d working days from submission to decision\n"), report->promise_days);
  if (report->unconfirmed)
    printf ("%s\n", _("Some working days are not confirmed: a year crossed has no published holidays"));
  printf ("\n");
  print_row (_("ID"), _("Candidate"), _("Nominating unit"), _("Stage"), _("Submitted"), _("Decided"),
             _("Office days"), _("Unit days"), _("Within promise"), NULL);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const XfReportRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->nomination_id);
      g_autofree char *office = g_strdup_printf ("%d", row->office_days);
      g_autofree char *unit = g_strdup_printf ("%d", row->unit_days);

      print_row (id, row->candidate_name, row->nominating_unit, xf_stage_label (row->stage),
                 or_dash (row->submitted_on), or_dash (row->decided_on), office, unit,
                 yes_no (row->within_promise), NULL);
    }
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

/*
 * nominations list
 */

static void
build_nomination_summary (JsonBuilder  *builder,
                          XfNomination *nomination)
{
  add_int (builder, "id", xf_nomination_get_id (nomination));
  add_text (builder, "uid", xf_nomination_get_uid (nomination));
  add_int (builder, "campaign_id", xf_nomination_get_campaign_id (nomination));
  add_text (builder, "campaign", xf_nomination_get_campaign_title (nomination));
  add_int (builder, "pioneer_id", xf_nomination_get_pioneer_id (nomination));
  add_text (builder, "candidate", xf_nomination_get_candidate_name (nomination));
  add_text (builder, "kind", xf_nomination_get_candidate_kind (nomination));
  add_text (builder, "unit", xf_nomination_get_nominating_unit (nomination));
  add_text (builder, "stage", xf_nomination_get_stage (nomination));
  add_text (builder, "stage_since", xf_nomination_get_stage_since (nomination));
  add_text (builder, "due_on", xf_nomination_get_stage_due_on (nomination));
  add_text (builder, "due_state", xf_due_state_to_string (xf_nomination_get_due_state (nomination)));
  add_text (builder, "submitted_on", xf_nomination_get_submitted_on (nomination));
  add_text (builder, "decided_on", xf_nomination_get_decided_on (nomination));
}

static int
run_nominations_list (XfEvaluation  *evaluation,
                      const Options *options)
{
  XfNominationQuery query = { 0 };
  g_autoptr(GPtrArray) nominations = NULL;
  g_autoptr(GError) error = NULL;

  /* A campaign that does not exist is an error, not an empty list. */
  if (options->id != 0)
    {
      g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (evaluation, options->id, &error);

      if (campaign == NULL)
        return xf_cli_fail_error (error);
    }
  query.campaign_id = options->id;
  query.stage = options->stage;
  query.attention = options->attention;
  nominations = xf_evaluation_list_nominations (evaluation, &query, &error);
  if (nominations == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_int (builder, "count", nominations->len);
      json_builder_set_member_name (builder, "nominations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < nominations->len; i++)
        {
          json_builder_begin_object (builder);
          build_nomination_summary (builder, g_ptr_array_index (nominations, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  print_row (_("ID"), _("Candidate"), _("Nominating unit"), _("Campaign"), _("Stage"), _("Due"),
             _("Deadline"), NULL);
  for (guint i = 0; i < nominations->len; i++)
    {
      XfNomination *nomination = g_ptr_array_index (nominations, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_nomination_get_id (nomination));
      XfDueState state = xf_nomination_get_due_state (nomination);

      print_row (id, xf_nomination_get_candidate_name (nomination),
                 xf_nomination_get_nominating_unit (nomination),
                 xf_nomination_get_campaign_title (nomination),
                 xf_stage_label (xf_nomination_get_stage (nomination)),
                 or_dash (xf_nomination_get_stage_due_on (nomination)),
                 state == XF_DUE_NONE ? "–" : xf_due_state_label (state), NULL);
    }
  return 0;
}

/*
 * nominations show
 */

static int
run_nominations_show (XfEvaluation  *evaluation,
                      const Options *options)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  g_autoptr(GPtrArray) materials = NULL;
  g_autoptr(GError) error = NULL;
  double score;
  int rank;

  nomination = xf_evaluation_get_nomination (evaluation, options->id, &error);
  if (nomination == NULL)
    return xf_cli_fail_error (error);
  timeline = xf_evaluation_get_timeline (evaluation, options->id, &error);
  if (timeline == NULL)
    return xf_cli_fail_error (error);
  vettings = xf_evaluation_list_vettings (evaluation, options->id, &error);
  if (vettings == NULL)
    return xf_cli_fail_error (error);
  materials = xf_evaluation_list_materials (evaluation, options->id, &error);
  if (materials == NULL)
    return xf_cli_fail_error (error);
  score = xf_nomination_get_final_score (nomination);
  rank = xf_nomination_get_rank (nomination);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_nomination_summary (builder, nomination);
      add_text (builder, "unit_contact", xf_nomination_get_unit_contact (nomination));
      add_text (builder, "service_since", xf_nomination_get_service_since (nomination));
      add_bool (builder, "case_withheld", xf_nomination_get_case_withheld (nomination));
      add_text (builder, "case", xf_nomination_get_case_withheld (nomination)
                                 ? NULL : xf_nomination_get_case_text (nomination));
      add_text (builder, "outcome_reason", xf_nomination_get_outcome_reason (nomination));
      add_double (builder, "final_score", score);
      json_builder_set_member_name (builder, "rank");
      if (rank > 0)
        json_builder_add_int_value (builder, rank);
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "timeline");
      json_builder_begin_array (builder);
      for (guint i = 0; i < timeline->len; i++)
        {
          const XfStageVisit *visit = g_ptr_array_index (timeline, i);

          json_builder_begin_object (builder);
          add_text (builder, "stage", visit->stage);
          add_text (builder, "entered_on", visit->entered_on);
          add_text (builder, "left_on", visit->left_on);
          add_text (builder, "due_on", visit->due_on);
          add_int (builder, "budget_days", visit->budget_days);
          add_int (builder, "days_used", visit->days_used);
          add_int (builder, "days_left", visit->days_left);
          add_text (builder, "due_state", xf_due_state_to_string (visit->due_state));
          add_text (builder, "actor", visit->actor_name);
          add_text (builder, "note", visit->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "vettings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < vettings->len; i++)
        {
          const XfVetting *vetting = g_ptr_array_index (vettings, i);

          json_builder_begin_object (builder);
          add_text (builder, "department", vetting->department_code);
          add_text (builder, "name", vetting->department_name);
          add_text (builder, "status", vetting->status);
          add_text (builder, "started_on", vetting->started_on);
          add_text (builder, "due_on", vetting->due_on);
          add_text (builder, "decided_on", vetting->decided_on);
          add_text (builder, "reason", vetting->reason);
          add_text (builder, "due_state", xf_due_state_to_string (vetting->due_state));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "materials");
      json_builder_begin_array (builder);
      for (guint i = 0; i < materials->len; i++)
        {
          const XfMaterial *material = g_ptr_array_index (materials, i);

          json_builder_begin_object (builder);
          add_text (builder, "file_name", material->file_name);
          add_text (builder, "content_type", material->content_type);
          add_int (builder, "size", material->size);
          add_text (builder, "sha256", material->sha256);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_nomination_get_id (nomination));
    XfDueState state = xf_nomination_get_due_state (nomination);

    print_field (_("ID"), id);
    print_field (_("Candidate"), xf_nomination_get_candidate_name (nomination));
    print_field (_("Kind"), xf_kind_label (xf_nomination_get_candidate_kind (nomination)));
    print_field (_("Employer"), xf_nomination_get_candidate_employer (nomination));
    print_field (_("Campaign"), xf_nomination_get_campaign_title (nomination));
    print_field (_("Nominating unit"), xf_nomination_get_nominating_unit (nomination));
    print_field (_("Contact"), xf_nomination_get_unit_contact (nomination));
    print_field (_("Stage"), xf_stage_label (xf_nomination_get_stage (nomination)));
    print_field (_("Since"), xf_nomination_get_stage_since (nomination));
    print_field (_("Due"), xf_nomination_get_stage_due_on (nomination));
    if (state != XF_DUE_NONE)
      print_field (_("Deadline"), xf_due_state_label (state));
    print_field (_("Submitted"), xf_nomination_get_submitted_on (nomination));
    print_field (_("Decided"), xf_nomination_get_decided_on (nomination));
    print_field (_("Reason"), xf_nomination_get_outcome_reason (nomination));
    if (!isnan (score) && score >= 0)
      {
        g_autofree char *text = g_strdup_printf ("%.2f", score);

        print_field (_("Final score"), text);
      }
    if (rank > 0)
      {
        g_autofree char *text = g_strdup_printf ("%d", rank);

        print_field (_("Rank"), text);
      }
    if (xf_nomination_get_case_withheld (nomination))
      print_field (_("Case"), _("withheld until you declare for this nomination"));
    else
      print_field (_("Case"), xf_nomination_get_case_text (nomination));
  }

  printf ("\n%s\n", _("Timeline:"));
  print_row (_("Stage"), _("Entered"), _("Left"), _("Due"), _("Days used"), _("Days left"), _("Deadline"),
             _("By"), _("Note"), NULL);
  for (guint i = 0; i < timeline->len; i++)
    {
      const XfStageVisit *visit = g_ptr_array_index (timeline, i);
      g_autofree char *used = g_strdup_printf ("%d", visit->days_used);
      g_autofree char *left = visit->budget_days > 0 && visit->left_on == NULL
                              ? g_strdup_printf ("%d", visit->days_left) : g_strdup ("–");

      print_row (xf_stage_label (visit->stage), visit->entered_on, or_dash (visit->left_on),
                 or_dash (visit->due_on), used, left,
                 visit->due_state == XF_DUE_NONE ? "–" : xf_due_state_label (visit->due_state),
                 or_dash (visit->actor_name), or_dash (visit->note), NULL);
    }

  if (vettings->len > 0)
    {
      printf ("\n%s\n", _("Joint vetting:"));
      for (guint i = 0; i < vettings->len; i++)
        {
          const XfVetting *vetting = g_ptr_array_index (vettings, i);
          const char *status = g_str_equal (vetting->status, "cleared") ? _("cleared")
                               : g_str_equal (vetting->status, "vetoed") ? _("vetoed") : _("pending");

          print_row (vetting->department_name, status, or_dash (vetting->due_on),
                     or_dash (vetting->decided_on), or_dash (vetting->reason), NULL);
        }
    }
  if (materials->len > 0)
    {
      printf ("\n%s\n", _("Materials:"));
      for (guint i = 0; i < materials->len; i++)
        {
          const XfMaterial *material = g_ptr_array_index (materials, i);
          g_autofree char *size = g_format_size (material->size);

          print_row (material->file_name, size, material->sha256, NULL);
        }
    }
  return 0;
}

/*
 * Commands
 */

static XfEvaluation *
open_evaluation (XfCliContext *ctx)
{
  g_autoptr(XfRegistry) registry = NULL;
  XfStore *store = xf_cli_context_get_store (ctx);

  if (store == NULL)
    return NULL;
  registry = xf_registry_new (store, ctx->actor);
  return xf_evaluation_new (registry);
}

int
xf_cli_cmd_campaigns (XfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autoptr(XfEvaluation) evaluation = NULL;
  Options options;
  int status;

  status = parse_options (argc, argv, TRUE, &options);
  if (status != 0)
    return status;
  evaluation = open_evaluation (ctx);
  if (evaluation == NULL)
    return 1;

  if (g_str_equal (options.subcommand, "show"))
    return run_campaigns_show (evaluation, &options);
  if (g_str_equal (options.subcommand, "report"))
    return run_campaigns_report (evaluation, &options);
  return run_campaigns_list (evaluation, &options);
}

int
xf_cli_cmd_nominations (XfCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  g_autoptr(XfEvaluation) evaluation = NULL;
  Options options;
  int status;

  status = parse_options (argc, argv, FALSE, &options);
  if (status != 0)
    return status;
  evaluation = open_evaluation (ctx);
  if (evaluation == NULL)
    return 1;

  if (g_str_equal (options.subcommand, "show"))
    return run_nominations_show (evaluation, &options);
  return run_nominations_list (evaluation, &options);
}
