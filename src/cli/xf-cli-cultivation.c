/* xf-cli-cultivation.c — `xianfeng-cli cultivation`: plans, the pipeline,
 *                        nominating, skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-cultivation.h"
#include "xf-error.h"

/*
 * Cultivation plans and skill training through the same XfCultivation the
 * app uses, as the signed-in account. Plain output is tab-separated;
 * --json gives the same facts with stable English keys.
 *
 * Exit status: 0 done; 1 refused or failed (a plan not found, a campaign
 * not open); 2 a usage error.
 */

static const char cultivation_usage[] =
  N_("usage: cultivation list [--status S] [--ready] [--organisation CODE] [--region CODE] [--json] | "
     "show PLAN [--json] | pipeline [--by organisation|region] [--json] | "
     "nominate PLAN CAMPAIGN [--unit TEXT] | sync | courses [--json] | course ID [--json]");

typedef struct
{
  const char *subcommand;
  const char *status;
  const char *organisation;
  const char *region;
  const char *by;
  const char *unit;
  const char *plan;        /* show, nominate: an id or uid */
  const char *second;      /* nominate: the campaign; course: the id */
  gboolean    ready;
  gboolean    json;
} CultivationOptions;

/* The option @arg takes a value for @sub; into *@slot. */
typedef struct
{
  const char *subcommand;
  const char *option;
  gsize       offset;
} ValueOption;

static const ValueOption value_options[] = {
  { "list", "--status", G_STRUCT_OFFSET (CultivationOptions, status) },
  { "list", "--organisation", G_STRUCT_OFFSET (CultivationOptions, organisation) },
  { "list", "--region", G_STRUCT_OFFSET (CultivationOptions, region) },
  { "pipeline", "--by", G_STRUCT_OFFSET (CultivationOptions, by) },
  { "nominate", "--unit", G_STRUCT_OFFSET (CultivationOptions, unit) },
};

static const char **
value_slot (CultivationOptions *options,
            const char         *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_options); i++)
    if (g_str_equal (value_options[i].subcommand, options->subcommand)
        && g_str_equal (value_options[i].option, arg))
      return G_STRUCT_MEMBER_P (options, value_options[i].offset);
  return NULL;
}

/* How many plain arguments @sub takes. */
static guint
n_positionals (const char *sub)
{
  if (g_str_equal (sub, "nominate"))
    return 2;
  if (g_str_equal (sub, "show") || g_str_equal (sub, "course"))
    return 1;
  return 0;
}

static int
check_positionals (const CultivationOptions *options)
{
  const char *sub = options->subcommand;

  if (g_str_equal (sub, "show") && options->plan == NULL)
    return xf_cli_usage_error (_("cultivation show needs a plan: its number or uid"));
  if (g_str_equal (sub, "course") && options->plan == NULL)
    return xf_cli_usage_error (_("cultivation course needs a course number"));
  if (g_str_equal (sub, "nominate") && options->second == NULL)
    return xf_cli_usage_error (_("cultivation nominate needs a plan and a campaign number"));
  if (options->by != NULL && !g_str_equal (options->by, "organisation") && !g_str_equal (options->by, "region"))
    return xf_cli_usage_error (_("--by: choose organisation or region"));
  return 0;
}

static int
parse_options (int                 argc,
               char              **argv,
               CultivationOptions *options)
{
  static const char * const subcommands[] = {
    "list", "show", "pipeline", "nominate", "sync", "courses", "course", NULL,
  };
  const char *usage = _(cultivation_usage);
  guint positionals = 0;

  memset (options, 0, sizeof *options);
  options->subcommand = xf_cli_subcommand (argc, argv, usage, subcommands);
  if (options->subcommand == NULL)
    return 2;
  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      const char **slot = value_slot (options, arg);
      gboolean with_json = !g_str_equal (options->subcommand, "nominate")
                           && !g_str_equal (options->subcommand, "sync");

      if (slot != NULL)
        {
          if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
            /* Translators: %s is an option such as --status. */
            return xf_cli_usage_error (_("%s needs a value"), arg);
          *slot = value;
          i++;
        }
      else if (with_json && g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (g_str_equal (options->subcommand, "list") && g_str_equal (arg, "--ready"))
        options->ready = TRUE;
      else if (!g_str_has_prefix (arg, "--") && positionals < n_positionals (options->subcommand))
        *(positionals++ == 0 ? &options->plan : &options->second) = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }
  return check_positionals (options);
}

/* ── Plans ─────────────────────────────────────────────────────────────── */

static void
build_plan (JsonBuilder  *builder,
            gconstpointer item,
            gpointer      user_data)
{
  const XfCultivationPlan *plan = item;

  xf_cli_json_int (builder, "id", plan->id);
  xf_cli_json_text (builder, "uid", plan->uid);
  xf_cli_json_int (builder, "pioneer_id", plan->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", plan->pioneer_uid);
  xf_cli_json_text (builder, "name", plan->pioneer_name);
  xf_cli_json_text (builder, "tier", plan->pioneer_tier);
  xf_cli_json_text (builder, "region", plan->region_code);
  xf_cli_json_text (builder, "region_name", plan->region_name);
  xf_cli_json_text (builder, "target_title", plan->target_title);
  xf_cli_json_text (builder, "target_level", plan->target_level);
  xf_cli_json_positive (builder, "target_year", plan->target_year);
  xf_cli_json_positive (builder, "mentor_id", plan->mentor_id);
  xf_cli_json_text (builder, "mentor", plan->mentor_name);
  xf_cli_json_positive (builder, "apprenticeship_id", plan->apprenticeship_id);
  xf_cli_json_text (builder, "organisation", plan->organisation_code);
  xf_cli_json_text (builder, "organisation_name", plan->organisation_name);
  xf_cli_json_text (builder, "starts_on", plan->starts_on);
  xf_cli_json_text (builder, "status", plan->status);
  xf_cli_json_text (builder, "close_reason", plan->close_reason);
  xf_cli_json_positive (builder, "nomination_id", plan->nomination_id);
  xf_cli_json_int (builder, "goals_total", plan->goals_total);
  xf_cli_json_int (builder, "goals_achieved", plan->goals_achieved);
  xf_cli_json_int (builder, "milestones_overdue", plan->milestones_overdue);
  xf_cli_json_positive (builder, "last_review_year", plan->last_review_year);
  xf_cli_json_text (builder, "last_review_rating", plan->last_review_rating);
  xf_cli_json_double (builder, "progress", xf_cultivation_plan_get_progress (plan));
  xf_cli_json_bool (builder, "ready", plan->ready);
}

static void
print_plan (gconstpointer item)
{
  const XfCultivationPlan *plan = item;
  g_autofree char *id = g_strdup_printf ("%lld", (long long) plan->id);
  g_autofree char *goals = g_strdup_printf ("%d/%d", plan->goals_achieved, plan->goals_total);

  xf_cli_print_row (id, plan->pioneer_name, xf_cli_or_dash (plan->region_name), plan->target_title,
                    xf_plan_status_label (plan->status), goals, xf_cli_yes_no (plan->ready), NULL);
}

static int
cultivation_list (XfCultivation            *cultivation,
                  const CultivationOptions *options)
{
  XfPlanQuery query = {
    .status = options->status,
    .organisation_code = options->organisation,
    .region_prefix = options->region,
    .ready_only = options->ready,
  };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = xf_cultivation_list_plans (cultivation, &query, &error);
  if (plans == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: column headings of the list of cultivation plans. */
  return xf_cli_print_list (options->json, "plans", plans, build_plan, print_plan,
                            _("Plan"), _("Name"), _("Region"), _("Honour aimed at"), _("Status"),
                            _("Goals achieved"), _("Ready"), NULL);
}

static void
build_goal (JsonBuilder  *builder,
            gconstpointer item,
            gpointer      user_data)
{
  const XfCultivationGoal *goal = item;

  xf_cli_json_int (builder, "id", goal->id);
  xf_cli_json_text (builder, "kind", goal->kind);
  xf_cli_json_text (builder, "title", goal->title);
  xf_cli_json_text (builder, "due_on", goal->due_on);
  xf_cli_json_text (builder, "achieved_on", goal->achieved_on);
  xf_cli_json_text (builder, "evidence", goal->evidence);
  xf_cli_json_bool (builder, "overdue", goal->overdue);
}

static void
build_review (JsonBuilder  *builder,
              gconstpointer item,
              gpointer      user_data)
{
  const XfCultivationReview *review = item;

  xf_cli_json_int (builder, "year", review->year);
  xf_cli_json_text (builder, "reviewed_on", review->reviewed_on);
  xf_cli_json_text (builder, "rating", review->rating);
  xf_cli_json_bool (builder, "ready", review->ready);
  xf_cli_json_text (builder, "comment", review->comment);
  xf_cli_json_text (builder, "reviewer", review->reviewer);
}

static void
print_goal (gconstpointer item)
{
  const XfCultivationGoal *goal = item;

  xf_cli_print_row (xf_goal_kind_label (goal->kind), goal->title, xf_cli_or_dash (goal->due_on),
                    goal->achieved_on != NULL ? goal->achieved_on : goal->overdue ? _("overdue") : "–",
                    xf_cli_or_dash (goal->evidence), NULL);
}

static void
print_review (gconstpointer item)
{
  const XfCultivationReview *review = item;
  g_autofree char *year = g_strdup_printf ("%d", review->year);

  xf_cli_print_row (year, review->reviewed_on, xf_review_rating_label (review->rating),
                    xf_cli_yes_no (review->ready), review->comment, review->reviewer, NULL);
}

static void
print_plan_fields (const XfCultivationPlan *plan)
{
  g_autofree char *year = plan->target_year > 0 ? g_strdup_printf ("%d", plan->target_year) : NULL;
  g_autofree char *goals = g_strdup_printf ("%d/%d", plan->goals_achieved, plan->goals_total);
  g_autofree char *nomination = plan->nomination_id > 0 ? g_strdup_printf ("%lld", (long long) plan->nomination_id)
                                                        : NULL;

  xf_cli_print_field (_("Target"), plan->pioneer_name);
  xf_cli_print_field (_("UID"), plan->uid);
  xf_cli_print_field (_("Region"), plan->region_name);
  xf_cli_print_field (_("Honour aimed at"), plan->target_title);
  xf_cli_print_field (_("Target year"), year);
  xf_cli_print_field (_("Mentor"), plan->mentor_name);
  xf_cli_print_field (_("Organisation"), plan->organisation_name);
  xf_cli_print_field (_("Starts on"), plan->starts_on);
  xf_cli_print_field (_("Status"), xf_plan_status_label (plan->status));
  xf_cli_print_field (_("Reason"), plan->close_reason);
  xf_cli_print_field (_("Nomination"), nomination);
  xf_cli_print_field (_("Goals achieved"), goals);
  xf_cli_print_field (_("Ready"), xf_cli_yes_no (plan->ready));
  xf_cli_print_field (_("Notes"), plan->notes);
}

static gint64
find_plan (XfCultivation *cultivation,
           const char    *reference)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_cultivation_find_plan (cultivation, reference, &error);

  if (id <= 0)
    xf_cli_fail_error (error);
  return id;
}

static int
cultivation_show (XfCultivation            *cultivation,
                  const CultivationOptions *options)
{
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_plan (cultivation, options->plan);

  if (id <= 0)
    return 1;
  plan = xf_cultivation_get_plan (cultivation, id, &error);
  if (plan == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_plan (builder, plan, NULL);
      xf_cli_json_text (builder, "notes", plan->notes);
      xf_cli_json_objects (builder, "goals", plan->goals, build_goal, NULL);
      xf_cli_json_objects (builder, "reviews", plan->reviews, build_review, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  print_plan_fields (plan);
  xf_cli_print_heading (_("Goals"));
  /* TRANSLATORS: column headings of a plan's goals. */
  xf_cli_print_row (_("Kind"), _("Goal"), _("Due on"), _("Achieved on"), _("Evidence"), NULL);
  xf_cli_print_items (plan->goals, print_goal);
  xf_cli_print_heading (_("Yearly reviews"));
  /* TRANSLATORS: column headings of a plan's yearly reviews. */
  xf_cli_print_row (_("Year"), _("Reviewed on"), _("Rating"), _("Ready"), _("Comment"), _("Reviewer"), NULL);
  xf_cli_print_items (plan->reviews, print_review);
  return 0;
}

/* ── Pipeline, nominating, following nominations ───────────────────────── */

static void
build_row (JsonBuilder  *builder,
           gconstpointer item,
           gpointer      user_data)
{
  const XfPipelineRow *row = item;

  xf_cli_json_text (builder, "key", row->key);
  xf_cli_json_text (builder, "label", row->label);
  xf_cli_json_int (builder, "targets", row->targets);
  xf_cli_json_int (builder, "on_track", row->on_track);
  xf_cli_json_int (builder, "behind", row->behind);
  xf_cli_json_int (builder, "ready", row->ready);
  xf_cli_json_int (builder, "nominated", row->nominated);
  xf_cli_json_int (builder, "achieved", row->achieved);
  xf_cli_json_double (builder, "mean_progress", row->mean_progress);
}

static void
print_row (gconstpointer item)
{
  const XfPipelineRow *row = item;
  int numbers[] = { row->targets, row->on_track, row->behind, row->ready, row->nominated, row->achieved };
  char *cells[G_N_ELEMENTS (numbers)];
  g_autofree char *progress = g_strdup_printf ("%.0f %%", row->mean_progress * 100);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    cells[i] = g_strdup_printf ("%d", numbers[i]);
  xf_cli_print_row (row->key[0] != '\0' ? row->key : "*", row->label, cells[0], cells[1], cells[2], cells[3],
                    cells[4], cells[5], progress, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_free (cells[i]);
}

static int
cultivation_pipeline (XfCultivation            *cultivation,
                      const CultivationOptions *options)
{
  const char *by = options->by != NULL ? options->by : "organisation";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = xf_cultivation_pipeline (cultivation, by, &error);
  if (rows == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "by", by);
      xf_cli_json_objects (builder, "rows", rows, build_row, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  /* TRANSLATORS: column headings of the cultivation pipeline. */
  xf_cli_print_row (_("Code"), g_str_equal (by, "region") ? _("Region") : _("Organisation"), _("Targets"),
                    _("On track"), _("Behind"), _("Ready"), _("Nominated"), _("Achieved this year"),
                    _("Mean progress"), NULL);
  xf_cli_print_items (rows, print_row);
  return 0;
}

static int
cultivation_nominate (XfCultivation            *cultivation,
                      const CultivationOptions *options)
{
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;
  gint64 campaign_id;
  gint64 nomination_id;

  if (!xf_cli_parse_number (options->second, 1, &campaign_id))
    /* Translators: %s is what was given. */
    return xf_cli_usage_error (_("The campaign is a number, not “%s”"), options->second);
  plan_id = find_plan (cultivation, options->plan);
  if (plan_id <= 0)
    return 1;
  nomination_id = xf_cultivation_nominate (cultivation, plan_id, campaign_id, options->unit, &error);
  if (nomination_id <= 0)
    return xf_cli_fail_error (error);
  plan = xf_cultivation_get_plan (cultivation, plan_id, NULL);
  /* TRANSLATORS: a person's name, then the nomination's number and the campaign's. */
  printf (_("Nominated %s: nomination %lld, a draft in campaign %lld"), plan != NULL ? plan->pioneer_name : "",
          (long long) nomination_id, (long long) campaign_id);
  printf ("\n");
  return 0;
}

static int
cultivation_sync (XfCultivation            *cultivation,
                  const CultivationOptions *options)
{
  g_autoptr(GError) error = NULL;
  int changed = xf_cultivation_sync_nominations (cultivation, &error);

  if (changed < 0)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: %d is a number of cultivation plans. */
  printf (g_dngettext (GETTEXT_PACKAGE, "%d plan followed its nomination", "%d plans followed their nominations",
                       changed), changed);
  printf ("\n");
  return 0;
}

/* ── Skill training ────────────────────────────────────────────────────── */

static void
build_course (JsonBuilder  *builder,
              gconstpointer item,
              gpointer      user_data)
{
  const XfTrainingCourse *course = item;

  xf_cli_json_int (builder, "id", course->id);
  xf_cli_json_text (builder, "uid", course->uid);
  xf_cli_json_text (builder, "title", course->title);
  xf_cli_json_text (builder, "provider", course->provider);
  xf_cli_json_text (builder, "skill", course->skill);
  xf_cli_json_text (builder, "organisation", course->organisation_code);
  xf_cli_json_text (builder, "region", course->region_code);
  xf_cli_json_text (builder, "starts_on", course->starts_on);
  xf_cli_json_text (builder, "ends_on", course->ends_on);
  xf_cli_json_double (builder, "hours", course->hours);
  xf_cli_json_positive (builder, "capacity", course->capacity);
  xf_cli_json_text (builder, "status", course->status);
  xf_cli_json_int (builder, "participants", course->n_participants);
  xf_cli_json_int (builder, "passed", course->n_passed);
}

static void
print_course (gconstpointer item)
{
  const XfTrainingCourse *course = item;
  g_autofree char *id = g_strdup_printf ("%lld", (long long) course->id);
  g_autofree char *hours = g_strdup_printf ("%g", course->hours);
  g_autofree char *places = course->capacity > 0 ? g_strdup_printf ("%d/%d", course->n_participants, course->capacity)
                                                 : g_strdup_printf ("%d", course->n_participants);

  xf_cli_print_row (id, course->starts_on, course->ends_on, course->title, hours, places,
                    xf_course_status_label (course->status), NULL);
}

static int
cultivation_courses (XfCultivation            *cultivation,
                     const CultivationOptions *options)
{
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;

  courses = xf_cultivation_list_courses (cultivation, NULL, NULL, &error);
  if (courses == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: column headings of the list of training courses. */
  return xf_cli_print_list (options->json, "courses", courses, build_course, print_course,
                            _("Course"), _("Starts on"), _("Ends on"), C_("course", "Title"), _("Hours"), _("Participants"),
                            _("Status"), NULL);
}

static void
build_participant (JsonBuilder  *builder,
                   gconstpointer item,
                   gpointer      user_data)
{
  const XfTrainingParticipant *participant = item;

  xf_cli_json_int (builder, "pioneer_id", participant->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", participant->pioneer_uid);
  xf_cli_json_text (builder, "name", participant->pioneer_name);
  xf_cli_json_double (builder, "hours", participant->hours);
  xf_cli_json_text (builder, "result", participant->result);
  xf_cli_json_double (builder, "score", participant->score);
  xf_cli_json_text (builder, "certificate", participant->certificate);
}

static void
print_participant (gconstpointer item)
{
  const XfTrainingParticipant *participant = item;
  g_autofree char *hours = participant->hours >= 0 ? g_strdup_printf ("%g", participant->hours) : NULL;
  g_autofree char *score = participant->score >= 0 ? g_strdup_printf ("%g", participant->score) : NULL;

  xf_cli_print_row (participant->pioneer_uid, participant->pioneer_name, xf_cli_or_dash (hours),
                    xf_training_result_label (participant->result), xf_cli_or_dash (score),
                    xf_cli_or_dash (participant->certificate), NULL);
}

static int
cultivation_course (XfCultivation            *cultivation,
                    const CultivationOptions *options)
{
  g_autoptr(XfTrainingCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  gint64 id;

  if (!xf_cli_parse_number (options->plan, 1, &id))
    return xf_cli_usage_error (_("The course is a number, not “%s”"), options->plan);
  course = xf_cultivation_get_course (cultivation, id, &error);
  if (course == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_course (builder, course, NULL);
      xf_cli_json_text (builder, "description", course->description);
      xf_cli_json_objects (builder, "participants", course->participants, build_participant, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  hours = g_strdup_printf ("%g", course->hours);
  xf_cli_print_field (C_("course", "Title"), course->title);
  xf_cli_print_field (_("Provider"), course->provider);
  xf_cli_print_field (_("Skill"), course->skill);
  xf_cli_print_field (_("Starts on"), course->starts_on);
  xf_cli_print_field (_("Ends on"), course->ends_on);
  xf_cli_print_field (_("Hours"), hours);
  xf_cli_print_field (_("Status"), xf_course_status_label (course->status));
  xf_cli_print_heading (_("Participants"));
  /* TRANSLATORS: column headings of a course's participants. */
  xf_cli_print_row (_("UID"), _("Name"), _("Hours"), _("Result"), _("Score"), _("Certificate"), NULL);
  xf_cli_print_items (course->participants, print_participant);
  return 0;
}

typedef int (*CultivationFunc) (XfCultivation *cultivation, const CultivationOptions *options);

static const struct
{
  const char      *subcommand;
  CultivationFunc  run;
} handlers[] = {
  { "list", cultivation_list },
  { "show", cultivation_show },
  { "pipeline", cultivation_pipeline },
  { "nominate", cultivation_nominate },
  { "sync", cultivation_sync },
  { "courses", cultivation_courses },
  { "course", cultivation_course },
};

int
xf_cli_cmd_cultivation (XfCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfCultivation) cultivation = NULL;
  CultivationOptions options;
  XfStore *store;
  int status = parse_options (argc, argv, &options);

  if (status != 0)
    return status;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  cultivation = xf_cultivation_new (registry);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    if (g_str_equal (options.subcommand, handlers[i].subcommand))
      return handlers[i].run (cultivation, &options);
  g_return_val_if_reached (2);
}
