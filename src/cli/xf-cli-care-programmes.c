/* xf-cli-care-programmes.c — `care programmes | eligible | gaps | history |
 *                            record`
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

#include "xf-calendar.h"
#include "xf-cli-care.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"

/*
 * The care catalogue, who is eligible for a programme, who has gone
 * without it for some years, a pioneer's care history, and care given by
 * hand, through the XfCare the app uses, as the signed-in account. Plain
 * output is tab-separated; --json gives the same facts with stable
 * English keys; money in JSON is in fen.
 *
 * Exit status: 0 done; 1 refused or failed; 2 a usage error.
 */

typedef struct
{
  const char *subcommand;
  const char *args[3];       /* positional: programme, year(s) / pioneer… */
  guint       n_args;
  const char *on;
  const char *region;
  const char *amount;
  const char *note;
  gboolean    json;
} CareOptions;

static const struct
{
  const char *name;
  guint       n_args;
  const char *options;       /* the options it takes, "|"-separated */
  const char *usage;
} commands[] = {
  { "programmes", 0, "--json", N_("usage: care programmes [--json]") },
  { "eligible", 2, "--on|--region|--json",
    N_("usage: care eligible PROGRAMME YEAR [--on DATE] [--region CODE] [--json]") },
  { "gaps", 2, "--on|--json", N_("usage: care gaps PROGRAMME YEARS [--on DATE] [--json]") },
  { "history", 1, "--json", N_("usage: care history PIONEER [--json]") },
  { "record", 3, "--amount|--note",
    N_("usage: care record PIONEER PROGRAMME DATE [--amount YUAN] [--note TEXT]") },
};

static gboolean
takes (guint       command,
       const char *option)
{
  g_auto(GStrv) options = g_strsplit (commands[command].options, "|", -1);

  return g_strv_contains ((const char * const *) options, option);
}

static const char **
option_slot (CareOptions *options,
             const char  *arg)
{
  if (g_str_equal (arg, "--on"))
    return &options->on;
  if (g_str_equal (arg, "--region"))
    return &options->region;
  if (g_str_equal (arg, "--amount"))
    return &options->amount;
  if (g_str_equal (arg, "--note"))
    return &options->note;
  return NULL;
}

/* argv[0] is the subcommand. Returns 0, or 2 after printing the usage error. */
static int
parse_options (guint        command,
               int          argc,
               char       **argv,
               CareOptions *options)
{
  const char *usage = _(commands[command].usage);

  memset (options, 0, sizeof *options);
  options->subcommand = commands[command].name;
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char **slot = option_slot (options, arg);

      if (g_str_equal (arg, "--json") && takes (command, arg))
        options->json = TRUE;
      else if (slot != NULL && takes (command, arg))
        {
          if (i + 1 >= argc || (argv[i + 1][0] == '\0' && !g_str_equal (arg, "--note")))
            /* Translators: %s is an option such as --on. */
            return xf_cli_usage_error (_("%s needs a value; %s"), arg, usage);
          *slot = argv[++i];
        }
      else if (!g_str_has_prefix (arg, "--") && options->n_args < commands[command].n_args)
        options->args[options->n_args++] = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }
  if (options->n_args < commands[command].n_args)
    return xf_cli_usage_error ("%s", usage);
  if (options->on != NULL && !xf_date_parse (options->on, &(GDate) { 0 }))
    return xf_cli_usage_error (_("--on: “%s” is not a date (write it as 2026-07-01)"), options->on);
  return 0;
}

static int
run (int            argc,
     char         **argv,
     XfCliContext  *ctx,
     guint          command,
     int          (*func) (XfCare *care, const CareOptions *options))
{
  g_autoptr(XfCare) care = NULL;
  CareOptions options;
  int status = parse_options (command, argc, argv, &options);

  if (status != 0)
    return status;
  care = xf_cli_care_open (ctx);
  if (care == NULL)
    return 1;
  return func (care, &options);
}

gint64
xf_cli_care_find_pioneer (XfCare     *care,
                          const char *reference)
{
  return xf_cli_find_pioneer (xf_care_get_registry (care), reference);
}

/*
 * care programmes
 */

static void
add_rules (JsonBuilder       *builder,
           const XfCareRules *rules)
{
  g_autofree char *json = xf_care_rules_to_json (rules);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  json_builder_set_member_name (builder, "rules");
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
build_programme (JsonBuilder  *builder,
                 gconstpointer item,
                 gpointer      user_data)
{
  const XfCareProgramme *programme = item;
  g_autofree char *rules = xf_care_rules_describe (programme->rules);

  xf_cli_json_text (builder, "code", programme->code);
  xf_cli_json_text (builder, "kind", programme->kind);
  xf_cli_json_text (builder, "name_en", programme->name_en);
  xf_cli_json_text (builder, "name_zh", programme->name_zh);
  xf_cli_json_text (builder, "description", programme->description);
  xf_cli_json_text (builder, "description_zh", programme->description_zh);
  add_rules (builder, programme->rules);
  xf_cli_json_text (builder, "eligibility", rules);
  xf_cli_json_int (builder, "yearly_quota", programme->yearly_quota);
  xf_cli_json_int (builder, "yearly_budget_fen", programme->yearly_budget);
  xf_cli_json_int (builder, "unit_cost_fen", programme->unit_cost);
  xf_cli_json_int (builder, "interval_years", programme->interval_years);
  xf_cli_json_text (builder, "organisation", programme->organisation_code);
  xf_cli_json_bool (builder, "active", programme->active);
}

static void
print_programme (gconstpointer item)
{
  const XfCareProgramme *programme = item;
  g_autofree char *quota = programme->yearly_quota > 0 ? g_strdup_printf ("%d", programme->yearly_quota) : NULL;
  g_autofree char *budget = programme->yearly_budget > 0 ? xf_money_format (programme->yearly_budget) : NULL;
  g_autofree char *cost = xf_money_format (programme->unit_cost);
  g_autofree char *rules = xf_care_rules_describe (programme->rules);

  xf_cli_print_row (programme->code, xf_care_programme_get_name (programme), xf_care_kind_label (programme->kind),
                    xf_cli_or_dash (quota), xf_cli_or_dash (budget), cost, rules,
                    xf_cli_yes_no (programme->active), NULL);
}

static int
care_programmes (XfCare            *care,
                 const CareOptions *options)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;

  programmes = xf_care_list_programmes (care, TRUE, &error);
  if (programmes == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "programmes", programmes, build_programme, print_programme,
                            /* TRANSLATORS: column headings of the care catalogue. */
                            _("Code"), _("Name"), _("Kind"), _("Yearly quota"), _("Yearly budget"),
                            _("Unit cost"), C_("care", "Eligibility"), C_("care programme", "Active"), NULL);
}

int
xf_cli_care_programmes (XfCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  return run (argc, argv, ctx, 0, care_programmes);
}

/*
 * care eligible, care gaps
 */

static void
build_eligible (JsonBuilder  *builder,
                gconstpointer item,
                gpointer      user_data)
{
  const XfCareEligible *eligible = item;

  xf_cli_json_int (builder, "pioneer_id", eligible->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", eligible->uid);
  xf_cli_json_text (builder, "name", eligible->name);
  xf_cli_json_text (builder, "kind", eligible->kind);
  xf_cli_json_text (builder, "tier", eligible->tier);
  xf_cli_json_text (builder, "gender", eligible->gender);
  if (eligible->age >= 0)
    xf_cli_json_int (builder, "age", eligible->age);
  else
    xf_cli_json_text (builder, "age", NULL);
  xf_cli_json_text (builder, "region", eligible->region_code);
  xf_cli_json_text (builder, "region_name", eligible->region_name);
  xf_cli_json_text (builder, "organisation", eligible->organisation_name);
  xf_cli_json_text (builder, "last_served_on", eligible->last_served_on);
  xf_cli_json_bool (builder, "served_this_year", eligible->served_this_year);
}

static void
print_eligible (gconstpointer item)
{
  const XfCareEligible *eligible = item;
  g_autofree char *age = eligible->age >= 0 ? g_strdup_printf ("%d", eligible->age) : NULL;

  xf_cli_print_row (eligible->uid, eligible->name, xf_tier_label (eligible->tier), xf_cli_or_dash (age),
                    xf_cli_or_dash (eligible->region_name), xf_cli_or_dash (eligible->organisation_name),
                    xf_cli_or_dash (eligible->last_served_on), NULL);
}

static int
print_people (GPtrArray         *people,
              const CareOptions *options)
{
  return xf_cli_print_list (options->json, g_str_equal (options->subcommand, "gaps") ? "gaps" : "eligible",
                            people, build_eligible, print_eligible,
                            /* TRANSLATORS: column headings of an eligibility list. */
                            _("UID"), _("Name"), _("Tier"), _("Age"), _("Region"), _("Organisation"),
                            _("Last served"), NULL);
}

static int
care_eligible (XfCare            *care,
               const CareOptions *options)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;
  gint64 year;

  if (!xf_cli_parse_number (options->args[1], 1900, &year) || year > 2999)
    return xf_cli_usage_error (_("care eligible needs a year such as 2026, not “%s”"), options->args[1]);
  /* The middle of the year unless told: a batch's usual reference date. */
  on = options->on != NULL ? g_strdup (options->on) : g_strdup_printf ("%04d-07-01", (int) year);
  people = xf_care_list_eligible (care, options->args[0], on, options->region, &error);
  if (people == NULL)
    return xf_cli_fail_error (error);
  return print_people (people, options);
}

static int
care_gaps (XfCare            *care,
           const CareOptions *options)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 years;

  if (!xf_cli_parse_number (options->args[1], 1, &years) || years > 20)
    return xf_cli_usage_error (_("care gaps needs a number of years from 1 to 20, not “%s”"), options->args[1]);
  people = xf_care_list_gaps (care, options->args[0], (int) years, options->on, NULL, &error);
  if (people == NULL)
    return xf_cli_fail_error (error);
  return print_people (people, options);
}

int
xf_cli_care_eligible (XfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  return run (argc, argv, ctx, 1, care_eligible);
}

int
xf_cli_care_gaps (XfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  return run (argc, argv, ctx, 2, care_gaps);
}

/*
 * care history, care record
 */

static void
build_history_item (JsonBuilder  *builder,
                    gconstpointer item,
                    gpointer      user_data)
{
  const XfCareHistoryItem *entry = item;

  xf_cli_json_text (builder, "date", entry->on_date);
  xf_cli_json_text (builder, "kind", entry->kind);
  xf_cli_json_text (builder, "programme", entry->programme_name);
  xf_cli_json_text (builder, "summary", entry->summary);
  xf_cli_json_text (builder, "status", entry->status);
  xf_cli_json_int (builder, "amount_fen", entry->amount);
  xf_cli_json_int (builder, "id", entry->record_id);
}

static void
print_history_item (gconstpointer item)
{
  const XfCareHistoryItem *entry = item;
  g_autofree char *amount = entry->amount > 0 ? xf_money_format (entry->amount) : NULL;

  xf_cli_print_row (entry->on_date, xf_cli_or_dash (entry->programme_name), entry->summary,
                    xf_cli_or_dash (amount), NULL);
}

static int
care_history (XfCare            *care,
              const CareOptions *options)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pioneer = xf_cli_care_find_pioneer (care, options->args[0]);

  if (pioneer <= 0)
    return 1;
  history = xf_care_history (care, pioneer, &error);
  if (history == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "history", history, build_history_item, print_history_item,
                            /* TRANSLATORS: column headings of a pioneer's care history. */
                            _("Date"), _("Programme"), _("What"), _("Amount"), NULL);
}

int
xf_cli_care_history (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  return run (argc, argv, ctx, 3, care_history);
}

static int
care_record (XfCare            *care,
             const CareOptions *options)
{
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(XfCareProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  gint64 id;

  if (options->amount != NULL && !xf_money_parse (options->amount, &record->amount))
    return xf_cli_usage_error (_("--amount: “%s” is not an amount of yuan (write it as 1200 or 1,200.50)"),
                               options->amount);
  record->pioneer_id = xf_cli_care_find_pioneer (care, options->args[0]);
  if (record->pioneer_id <= 0)
    return 1;
  programme = xf_care_get_programme (care, options->args[1], &error);
  if (programme == NULL)
    return xf_cli_fail_error (error);
  /* Unless told, the person cost what the programme costs a person. */
  if (options->amount == NULL)
    record->amount = programme->unit_cost;
  record->programme_code = g_strdup (programme->code);
  record->on_date = g_strdup (options->args[2]);
  g_free (record->note);
  record->note = g_strdup (options->note);
  id = xf_care_add_record (care, record, &error);
  if (id == 0)
    return xf_cli_fail_error (error);
  amount = xf_money_format (record->amount);
  /* TRANSLATORS: a record number, a programme's name, a date and an amount. */
  printf (_("Recorded care %lld: %s on %s, %s"), (long long) id, xf_care_programme_get_name (programme),
          record->on_date, amount);
  printf ("\n");
  return 0;
}

int
xf_cli_care_record (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  return run (argc, argv, ctx, 4, care_record);
}
