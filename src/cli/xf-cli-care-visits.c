/* xf-cli-care-visits.c — `care visits [plan | done | cancel] | calendar |
 *                        report`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-calendar.h"
#include "xf-cli-care.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"

/*
 * Visits (走访慰问), the care calendar and the year's care report through
 * the XfCare the app uses, as the signed-in account. Plain output is
 * tab-separated; --json gives the same facts with stable English keys,
 * money in fen; --xlsx writes the report for the finance office.
 *
 * Exit status: 0 done; 1 refused or failed; 2 a usage error.
 */

#define DEFAULT_REMIND_DAYS 3

typedef struct
{
  const char *args[2];       /* positional: a pioneer or a visit; FROM TO; YEAR */
  guint       n_args;
  const char *from;
  const char *to;
  const char *pioneer;
  const char *status;
  const char *purpose;
  const char *on;
  const char *assignees;
  const char *time;
  const char *programme;
  const char *notes;
  const char *amount;
  const char *reason;
  const char *region;
  const char *remind_days;
  const char *xlsx;
  gboolean    json;
} VisitOptions;

/* Each option that takes a value, and where it goes. */
static const struct
{
  const char *name;
  gsize       offset;
} value_options[] = {
  { "--from", offsetof (VisitOptions, from) },
  { "--to", offsetof (VisitOptions, to) },
  { "--pioneer", offsetof (VisitOptions, pioneer) },
  { "--status", offsetof (VisitOptions, status) },
  { "--purpose", offsetof (VisitOptions, purpose) },
  { "--on", offsetof (VisitOptions, on) },
  { "--assignees", offsetof (VisitOptions, assignees) },
  { "--time", offsetof (VisitOptions, time) },
  { "--programme", offsetof (VisitOptions, programme) },
  { "--notes", offsetof (VisitOptions, notes) },
  { "--amount", offsetof (VisitOptions, amount) },
  { "--reason", offsetof (VisitOptions, reason) },
  { "--region", offsetof (VisitOptions, region) },
  { "--remind-days", offsetof (VisitOptions, remind_days) },
  { "--xlsx", offsetof (VisitOptions, xlsx) },
};

typedef enum
{
  VISITS_LIST,
  VISITS_PLAN,
  VISITS_DONE,
  VISITS_CANCEL,
  CALENDAR,
  REPORT,
} Command;

static const struct
{
  guint       n_args;
  const char *accepted;      /* the options it takes, space-separated */
  const char *required;      /* the options it needs */
  const char *usage;
} commands[] = {
  [VISITS_LIST] = { 0, "--from --to --pioneer --status --region --json", "",
                    N_("usage: care visits [--from DATE] [--to DATE] [--pioneer PIONEER] "
                       "[--status planned|done|cancelled] [--region CODE] [--json] | visits plan|done|cancel …") },
  [VISITS_PLAN] = { 1, "--purpose --on --assignees --time --programme --notes", "--purpose --on --assignees",
                    N_("usage: care visits plan PIONEER --purpose PURPOSE --on DATE --assignees TEXT "
                       "[--time HH:MM] [--programme CODE] [--notes TEXT]") },
  [VISITS_DONE] = { 1, "--on --notes --amount", "--on --notes",
                    N_("usage: care visits done VISIT --on DATE --notes TEXT [--amount YUAN]") },
  [VISITS_CANCEL] = { 1, "--reason", "--reason", N_("usage: care visits cancel VISIT --reason TEXT") },
  [CALENDAR] = { 2, "--region --remind-days --json", "",
                 N_("usage: care calendar FROM TO [--region CODE] [--remind-days N] [--json]") },
  [REPORT] = { 1, "--json --xlsx", "", N_("usage: care report YEAR [--json] [--xlsx FILE]") },
};

static gboolean
listed (const char *list,
        const char *option)
{
  g_auto(GStrv) names = g_strsplit (list, " ", -1);

  return g_strv_contains ((const char * const *) names, option);
}

static const char **
value_slot (VisitOptions *options,
            const char   *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_options); i++)
    if (g_str_equal (value_options[i].name, name))
      return (const char **) ((char *) options + value_options[i].offset);
  return NULL;
}

/* The first option @command needs that is missing, or NULL. */
static const char *
missing_option (Command             command,
                const VisitOptions *options)
{
  g_auto(GStrv) names = g_strsplit (commands[command].required, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0' && *value_slot ((VisitOptions *) options, names[i]) == NULL)
      return g_intern_string (names[i]);
  return NULL;
}

/* @argv[0] is the (sub)command's own name. Returns 0, or 2 after printing
 * the usage error. */
static int
parse_options (Command        command,
               int            argc,
               char         **argv,
               VisitOptions  *options)
{
  const char *usage = _(commands[command].usage);
  const char *missing;

  memset (options, 0, sizeof *options);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char **slot = value_slot (options, arg);

      if (g_str_equal (arg, "--json") && listed (commands[command].accepted, arg))
        options->json = TRUE;
      else if (slot != NULL && listed (commands[command].accepted, arg))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            /* Translators: an option such as --on, then the usage. */
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
  missing = missing_option (command, options);
  if (missing != NULL)
    /* Translators: an option (--purpose), then the usage. */
    return xf_cli_usage_error (_("%s is required; %s"), missing, usage);
  if (options->json && options->xlsx != NULL)
    return xf_cli_usage_error (_("--json prints the report, --xlsx writes it to a file: give one or the other"));
  return 0;
}

static int
run (Command        command,
     int            argc,
     char         **argv,
     XfCliContext  *ctx,
     int          (*func) (XfCare *care, const VisitOptions *options))
{
  g_autoptr(XfCare) care = NULL;
  VisitOptions options;
  int status = parse_options (command, argc, argv, &options);

  if (status != 0)
    return status;
  care = xf_cli_care_open (ctx);
  if (care == NULL)
    return 1;
  return func (care, &options);
}

static gint64
parse_visit_id (const char *text)
{
  gint64 id = 0;

  if (!xf_cli_parse_number (text, 1, &id))
    xf_cli_usage_error (_("“%s” is not a visit's number"), text);
  return id;
}

/*
 * care visits
 */

static void
build_visit (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfCareVisit *visit = item;

  xf_cli_json_int (builder, "id", visit->id);
  xf_cli_json_text (builder, "uid", visit->uid);
  xf_cli_json_int (builder, "pioneer_id", visit->pioneer_id);
  xf_cli_json_text (builder, "pioneer", visit->pioneer_name);
  xf_cli_json_text (builder, "region_code", visit->region_code);
  xf_cli_json_text (builder, "region", visit->region_name);
  xf_cli_json_text (builder, "programme", visit->programme_code);
  xf_cli_json_text (builder, "purpose", visit->purpose);
  xf_cli_json_text (builder, "planned_on", visit->planned_on);
  xf_cli_json_text (builder, "planned_time", visit->planned_time);
  xf_cli_json_text (builder, "assignees", visit->assignees);
  xf_cli_json_text (builder, "status", visit->status);
  xf_cli_json_bool (builder, "overdue", visit->overdue);
  xf_cli_json_text (builder, "done_on", visit->done_on);
  xf_cli_json_int (builder, "amount_fen", visit->amount);
  xf_cli_json_text (builder, "notes", visit->notes);
  xf_cli_json_text (builder, "cancel_reason", visit->cancel_reason);
}

static void
print_visit (gconstpointer item)
{
  const XfCareVisit *visit = item;
  g_autofree char *id = g_strdup_printf ("%lld", (long long) visit->id);
  const char *time = visit->planned_time != NULL && *visit->planned_time != '\0' ? visit->planned_time : NULL;

  xf_cli_print_row (id, visit->planned_on, xf_cli_or_dash (time), visit->pioneer_name,
                    xf_visit_purpose_label (visit->purpose), visit->assignees,
                    xf_visit_status_label (visit->status), xf_cli_or_dash (visit->programme_code), NULL);
}

static int
list_visits (XfCare             *care,
             const VisitOptions *options)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pioneer = 0;
  const char * const statuses[] = { XF_VISIT_PLANNED, XF_VISIT_DONE, XF_VISIT_CANCELLED, NULL };

  if (options->status != NULL && !g_strv_contains (statuses, options->status))
    return xf_cli_usage_error (_("--status: planned, done or cancelled, not “%s”"), options->status);
  if (options->pioneer != NULL && (pioneer = xf_cli_care_find_pioneer (care, options->pioneer)) <= 0)
    return 1;
  visits = xf_care_list_visits (care, options->from, options->to, pioneer, options->status, options->region,
                                &error);
  if (visits == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "visits", visits, build_visit, print_visit,
                            /* TRANSLATORS: column headings of the list of visits. */
                            _("ID"), _("Date"), _("Time"), _("Pioneer"), _("Purpose"), _("Assignees"),
                            _("Status"), _("Programme"), NULL);
}

static int
plan_visit (XfCare             *care,
            const VisitOptions *options)
{
  g_autoptr(XfCareVisit) visit = xf_care_visit_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  visit->pioneer_id = xf_cli_care_find_pioneer (care, options->args[0]);
  if (visit->pioneer_id <= 0)
    return 1;
  visit->purpose = g_strdup (options->purpose);
  visit->planned_on = g_strdup (options->on);
  g_free (visit->planned_time);
  visit->planned_time = g_strdup (options->time != NULL ? options->time : "");
  visit->assignees = g_strdup (options->assignees);
  visit->programme_code = g_strdup (options->programme);
  visit->notes = g_strdup (options->notes);
  id = xf_care_save_visit (care, visit, &error);
  if (id == 0)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a visit's number, then its date. */
  printf (_("Planned visit %lld on %s"), (long long) id, visit->planned_on);
  printf ("\n");
  return 0;
}

static int
complete_visit (XfCare             *care,
                const VisitOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;
  gint64 id = parse_visit_id (options->args[0]);

  if (id == 0)
    return 2;
  if (options->amount != NULL && !xf_money_parse (options->amount, &amount))
    return xf_cli_usage_error (_("--amount: “%s” is not an amount of yuan (write it as 1200 or 1,200.50)"),
                               options->amount);
  if (!xf_care_complete_visit (care, id, options->on, options->notes, amount, &error))
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a visit's number, then the date it was made. */
  printf (_("Visit %lld done on %s"), (long long) id, options->on);
  printf ("\n");
  return 0;
}

static int
cancel_visit (XfCare             *care,
              const VisitOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 id = parse_visit_id (options->args[0]);

  if (id == 0)
    return 2;
  if (!xf_care_cancel_visit (care, id, options->reason, &error))
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a visit's number. */
  printf (_("Visit %lld cancelled"), (long long) id);
  printf ("\n");
  return 0;
}

int
xf_cli_care_visits (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  const char *step = argc > 1 ? argv[1] : "";

  if (g_str_equal (step, "plan"))
    return run (VISITS_PLAN, argc - 1, argv + 1, ctx, plan_visit);
  if (g_str_equal (step, "done"))
    return run (VISITS_DONE, argc - 1, argv + 1, ctx, complete_visit);
  if (g_str_equal (step, "cancel"))
    return run (VISITS_CANCEL, argc - 1, argv + 1, ctx, cancel_visit);
  return run (VISITS_LIST, argc, argv, ctx, list_visits);
}

/*
 * care calendar
 */

static void
build_item (JsonBuilder  *builder,
            gconstpointer data,
            gpointer      user_data)
{
  const XfCareCalendarItem *item = data;

  xf_cli_json_text (builder, "date", item->date);
  xf_cli_json_text (builder, "kind", item->kind);
  xf_cli_json_positive (builder, "pioneer_id", item->pioneer_id);
  xf_cli_json_text (builder, "pioneer", item->pioneer_name);
  xf_cli_json_text (builder, "region", item->region_code);
  xf_cli_json_text (builder, "title", item->title);
  xf_cli_json_positive (builder, "record_id", item->record_id);
  xf_cli_json_bool (builder, "visit_planned", item->visit_planned);
  xf_cli_json_text (builder, "remind_on", item->remind_on);
}

static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, XF_CALENDAR_BIRTHDAY))
    return C_("care calendar", "Birthday");
  if (g_str_equal (kind, XF_CALENDAR_ANNIVERSARY))
    return C_("care calendar", "Anniversary");
  if (g_str_equal (kind, XF_CALENDAR_HEALTH_CHECK_DUE))
    return C_("care calendar", "Health check due");
  if (g_str_equal (kind, XF_CALENDAR_VISIT))
    return C_("care calendar", "Visit");
  if (g_str_equal (kind, XF_CALENDAR_BATCH))
    return C_("care calendar", "Batch");
  return kind;
}

static void
print_item (gconstpointer data)
{
  const XfCareCalendarItem *item = data;

  xf_cli_print_row (item->date, kind_label (item->kind), xf_cli_or_dash (item->pioneer_name), item->title,
                    item->remind_on, xf_cli_yes_no (item->visit_planned), NULL);
}

static int
show_calendar (XfCare             *care,
               const VisitOptions *options)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 days = DEFAULT_REMIND_DAYS;

  if (options->remind_days != NULL && (!xf_cli_parse_number (options->remind_days, 0, &days) || days > 30))
    return xf_cli_usage_error (_("--remind-days: a number of working days from 0 to 30, not “%s”"),
                               options->remind_days);
  items = xf_care_calendar (care, options->args[0], options->args[1], options->region, (guint) days, &error);
  if (items == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "items", items, build_item, print_item,
                            /* TRANSLATORS: column headings of the care calendar. */
                            _("Date"), _("Kind"), _("Pioneer"), _("What"), _("Remind on"),
                            _("Visit planned"), NULL);
}

int
xf_cli_care_calendar (XfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  return run (CALENDAR, argc, argv, ctx, show_calendar);
}

/*
 * care report
 */

static void
print_report_rows (const char *title,
                   GPtrArray  *rows)
{
  xf_cli_print_heading (title);
  /* TRANSLATORS: column headings of the care report. */
  xf_cli_print_row (_("Programme"), C_("care", "Place"), _("Eligible"), _("Invited"), _("Served"), C_("care", "Declined"),
                    C_("care", "Coverage"), _("Spent"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const XfCareReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *eligible = g_strdup_printf ("%d", row->eligible);
      g_autofree char *invited = g_strdup_printf ("%d", row->invited);
      g_autofree char *served = g_strdup_printf ("%d", row->served);
      g_autofree char *declined = g_strdup_printf ("%d", row->declined);
      g_autofree char *coverage = g_strdup_printf ("%.1f %%", row->coverage * 100.0);
      g_autofree char *spent = xf_money_format (row->spent);

      xf_cli_print_row (row->programme_name, row->label, eligible, invited, served, declined, coverage,
                        spent, NULL);
    }
}

static void
print_report (const XfCareReport *report)
{
  g_autofree char *budget = xf_money_format (report->budget);
  g_autofree char *spent = xf_money_format (report->spent);

  print_report_rows (_("Coverage by region"), report->by_region);
  print_report_rows (_("Coverage by organisation"), report->by_organisation);
  xf_cli_print_heading (_("Budget"));
  xf_cli_print_field (_("Budget"), budget);
  xf_cli_print_field (_("Spent"), spent);
}

/* The report's own JSON, printed as every --json is. */
static void
print_report_json (const XfCareReport *report)
{
  g_autoptr(JsonNode) node = xf_care_report_to_json (report);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  json_builder_begin_object (builder);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (object, l->data)));
    }
  json_builder_end_object (builder);
  xf_cli_print_json (builder);
}

static int
write_report (const XfCareReport *report,
              const char         *path)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (path, "-"))
    return xf_cli_usage_error (_("--xlsx: a workbook cannot go to standard output; give a file name"));
  if (!xf_care_report_write_xlsx (report, path, &error))
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a year, then a file name. */
  printf (_("Wrote the care report of %d to %s"), report->year, path);
  printf ("\n");
  return 0;
}

static int
show_report (XfCare             *care,
             const VisitOptions *options)
{
  g_autoptr(XfCareReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 year;

  if (!xf_cli_parse_number (options->args[0], 1949, &year) || year > 9999)
    return xf_cli_usage_error (_("care report needs a year such as 2026, not “%s”"), options->args[0]);
  report = xf_care_report (care, (int) year, &error);
  if (report == NULL)
    return xf_cli_fail_error (error);
  if (options->xlsx != NULL)
    return write_report (report, options->xlsx);
  if (options->json)
    print_report_json (report);
  else
    print_report (report);
  return 0;
}

int
xf_cli_care_report (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  return run (REPORT, argc, argv, ctx, show_report);
}
