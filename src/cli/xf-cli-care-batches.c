/* xf-cli-care-batches.c — `care batches | batch … | hardship …`
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

#include "xf-cli-care.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"

/*
 * Batches of a care programme (the eligible list, invitations, answers,
 * attendance) and hardship cases (application, assessment, the two-step
 * approval, payments) through the XfCare the app uses, as the signed-in
 * account. Plain output is tab-separated under translated headings;
 * --json gives the same facts with stable English keys, money in fen.
 * A hardship case's circumstances and income come masked unless the
 * account may see them.
 *
 * Exit status: 0 done; 1 refused or failed; 2 a usage error.
 */

typedef enum
{
  OPT_PROGRAMME,
  OPT_YEAR,
  OPT_TITLE,
  OPT_PLACES,
  OPT_REFERENCE,
  OPT_STARTS,
  OPT_ENDS,
  OPT_REPLY_BY,
  OPT_REASON,
  OPT_STATUS,
  OPT_CATEGORY,
  OPT_AMOUNT,
  OPT_CIRCUMSTANCES,
  OPT_ASSESSMENT,
  OPT_ON,
  OPT_JSON,
  N_OPTS,
} Opt;

static const char * const option_names[N_OPTS] = {
  "--programme", "--year", "--title", "--places", "--reference", "--starts", "--ends", "--reply-by",
  "--reason", "--status", "--category", "--amount", "--circumstances", "--assessment", "--on", "--json",
};

#define O(name) (1u << OPT_##name)

typedef struct _Args Args;
typedef int (*CommandFunc) (XfCare *care, const Args *args);

typedef struct
{
  const char  *name;
  guint        n_args;      /* positional arguments, all required */
  guint        allowed;     /* O () of the options it takes */
  guint        required;    /* O () of those it needs */
  CommandFunc  func;
  const char  *usage;
} Command;

struct _Args
{
  const Command *command;
  const char    *args[3];
  guint          n_args;
  const char    *values[N_OPTS];
  gboolean       json;
};

/* The option's name, looked up in the table; N_OPTS when unknown. */
static Opt
find_option (const char *arg)
{
  for (int i = 0; i < N_OPTS; i++)
    if (g_str_equal (arg, option_names[i]))
      return (Opt) i;
  return N_OPTS;
}

/* The command's arguments are argv[@first…]. Returns 0, or 2 after
 * printing the usage error. */
static int
parse_args (const Command  *command,
            int             argc,
            char          **argv,
            int             first,
            Args           *args)
{
  const char *usage = _(command->usage);

  memset (args, 0, sizeof *args);
  args->command = command;
  for (int i = first; i < argc; i++)
    {
      Opt opt = find_option (argv[i]);

      if (opt == OPT_JSON && (command->allowed & O (JSON)))
        args->json = TRUE;
      else if (opt != N_OPTS && (command->allowed & (1u << opt)))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            /* Translators: %s is an option such as --title. */
            return xf_cli_usage_error (_("%s needs a value; %s"), argv[i], usage);
          args->values[opt] = argv[++i];
        }
      else if (opt == N_OPTS && !g_str_has_prefix (argv[i], "--") && args->n_args < command->n_args)
        args->args[args->n_args++] = argv[i];
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), argv[i], usage);
    }
  if (args->n_args < command->n_args)
    return xf_cli_usage_error ("%s", usage);
  for (int i = 0; i < N_OPTS; i++)
    if ((command->required & (1u << i)) && args->values[i] == NULL)
      /* Translators: an option such as --title, then the usage. */
      return xf_cli_usage_error (_("%s is required; %s"), option_names[i], usage);
  return 0;
}

/* Finds @argv[1] in @commands and runs it; the usage when it is missing. */
static int
dispatch (XfCliContext  *ctx,
          int            argc,
          char         **argv,
          const Command *commands,
          guint          n_commands,
          const char    *usage)
{
  g_autofree const char **known = g_new0 (const char *, n_commands + 1);
  g_autoptr(XfCare) care = NULL;
  const char *sub;
  Args args;
  int status;

  for (guint i = 0; i < n_commands; i++)
    known[i] = commands[i].name;
  sub = xf_cli_subcommand (argc, argv, usage, known);
  if (sub == NULL)
    return 2;
  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (sub, commands[i].name))
      {
        if ((status = parse_args (&commands[i], argc, argv, 2, &args)) != 0)
          return status;
        if ((care = xf_cli_care_open (ctx)) == NULL)
          return 1;
        return commands[i].func (care, &args);
      }
  g_assert_not_reached ();
}

/* A whole number from @min; FALSE after printing a usage error naming @what. */
static gboolean
parse_number (const char *text,
              gint64      min,
              const char *what,
              gint64     *value)
{
  if (xf_cli_parse_number (text, min, value))
    return TRUE;
  /* Translators: what the number is ("--places", "a batch"), then what was typed. */
  xf_cli_usage_error (_("%s needs a whole number, not “%s”"), what, text);
  return FALSE;
}

static gboolean
parse_yuan (const char *text,
            gint64     *fen)
{
  if (text == NULL)
    return TRUE;
  if (xf_money_parse (text, fen))
    return TRUE;
  xf_cli_usage_error (_("--amount: “%s” is not an amount of yuan (write it as 1200 or 1,200.50)"), text);
  return FALSE;
}

static gboolean
parse_year (const Args *args,
            int        *year)
{
  gint64 value = 0;

  *year = 0;
  if (args->values[OPT_YEAR] == NULL)
    return TRUE;
  if (!parse_number (args->values[OPT_YEAR], 1900, "--year", &value) || value > 9999)
    return FALSE;
  *year = (int) value;
  return TRUE;
}

static void
json_actions (JsonBuilder *builder,
              GStrv        actions)
{
  json_builder_set_member_name (builder, "allowed_actions");
  json_builder_begin_array (builder);
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    json_builder_add_string_value (builder, actions[i]);
  json_builder_end_array (builder);
}

/* One record as a JSON object: @build's members, the actions allowed,
 * and @key: an array of @items through @build_item. */
static int
print_json_record (gconstpointer      record,
                   XfCliJsonItemFunc  build,
                   GStrv              actions,
                   const char        *key,
                   GPtrArray         *items,
                   XfCliJsonItemFunc  build_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  build (builder, record, NULL);
  json_actions (builder, actions);
  xf_cli_json_objects (builder, key, items, build_item, NULL);
  json_builder_end_object (builder);
  xf_cli_print_json (builder);
  return 0;
}

static void
print_money_field (const char *label,
                   gint64      fen)
{
  g_autofree char *text = fen > 0 ? xf_money_format (fen) : NULL;

  xf_cli_print_field (label, text);
}

/*
 * care batches
 */

static void
build_batch (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfCareBatch *batch = item;

  xf_cli_json_int (builder, "id", batch->id);
  xf_cli_json_text (builder, "uid", batch->uid);
  xf_cli_json_text (builder, "programme", batch->programme_code);
  xf_cli_json_text (builder, "programme_name", batch->programme_name);
  xf_cli_json_int (builder, "year", batch->year);
  xf_cli_json_text (builder, "title", batch->title);
  xf_cli_json_text (builder, "reference_on", batch->reference_on);
  xf_cli_json_int (builder, "places", batch->places);
  xf_cli_json_int (builder, "unit_cost_fen", batch->unit_cost);
  xf_cli_json_text (builder, "starts_on", batch->starts_on);
  xf_cli_json_text (builder, "ends_on", batch->ends_on);
  xf_cli_json_text (builder, "reply_by", batch->reply_by);
  xf_cli_json_text (builder, "place", batch->place);
  xf_cli_json_text (builder, "status", batch->status);
  xf_cli_json_text (builder, "cancel_reason", batch->cancel_reason);
  xf_cli_json_int (builder, "listed", batch->n_listed);
  xf_cli_json_int (builder, "invited", batch->n_invited);
  xf_cli_json_int (builder, "accepted", batch->n_accepted);
  xf_cli_json_int (builder, "waitlisted", batch->n_waitlisted);
  xf_cli_json_int (builder, "declined", batch->n_declined);
  xf_cli_json_int (builder, "attended", batch->n_attended);
  xf_cli_json_int (builder, "version", batch->version);
}

static void
print_batch_row (gconstpointer item)
{
  const XfCareBatch *batch = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch->id);
  g_autofree char *year = g_strdup_printf ("%d", batch->year);
  g_autofree char *places = g_strdup_printf ("%d/%d", batch->n_accepted, batch->places);
  g_autofree char *waiting = g_strdup_printf ("%d", batch->n_waitlisted);
  g_autofree char *attended = g_strdup_printf ("%d", batch->n_attended);

  xf_cli_print_row (id, batch->programme_name, year, batch->title, xf_batch_status_label (batch->status),
                    places, waiting, attended, xf_cli_or_dash (batch->starts_on), NULL);
}

static int
list_batches (XfCare     *care,
              const Args *args)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  int year;

  if (!parse_year (args, &year))
    return 2;
  batches = xf_care_list_batches (care, args->values[OPT_PROGRAMME], year, &error);
  if (batches == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (args->json, "batches", batches, build_batch, print_batch_row,
                            /* TRANSLATORS: column headings; "Places" is "taken/offered". */
                            _("ID"), _("Programme"), _("Year"), C_("care", "Title"), _("Status"), _("Places"),
                            _("Waiting"), C_("care", "Attended"), _("Starts"), NULL);
}

static const Command batches_command = {
  "batches", 0, O (PROGRAMME) | O (YEAR) | O (JSON), 0, list_batches,
  N_("usage: care batches [--programme CODE] [--year Y] [--json]"),
};

int
xf_cli_care_batches (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(XfCare) care = NULL;
  Args args;
  int status;

  if ((status = parse_args (&batches_command, argc, argv, 1, &args)) != 0)
    return status;
  if ((care = xf_cli_care_open (ctx)) == NULL)
    return 1;
  return list_batches (care, &args);
}

/*
 * care batch …
 */

static gint64
batch_id (const Args *args)
{
  gint64 id = 0;

  if (!parse_number (args->args[0], 1, _("A batch"), &id))
    return 0;
  return id;
}

static void
build_member (JsonBuilder  *builder,
              gconstpointer item,
              gpointer      user_data)
{
  const XfCareBatchMember *member = item;

  xf_cli_json_int (builder, "pioneer_id", member->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", member->pioneer_uid);
  xf_cli_json_text (builder, "pioneer", member->pioneer_name);
  xf_cli_json_text (builder, "region_name", member->region_name);
  xf_cli_json_positive (builder, "age", member->age);
  xf_cli_json_text (builder, "status", member->status);
  xf_cli_json_text (builder, "override_reason", member->override_reason);
  xf_cli_json_text (builder, "invited_on", member->invited_on);
  xf_cli_json_text (builder, "answered_on", member->answered_on);
  xf_cli_json_text (builder, "decline_reason", member->decline_reason);
  xf_cli_json_positive (builder, "position", member->position);
}

static void
print_member (gconstpointer item)
{
  const XfCareBatchMember *member = item;
  g_autofree char *age = member->age >= 0 ? g_strdup_printf ("%d", member->age) : NULL;

  xf_cli_print_row (member->pioneer_uid, member->pioneer_name, xf_cli_or_dash (member->region_name),
                    xf_cli_or_dash (age), xf_member_status_label (member->status),
                    xf_cli_or_dash (member->answered_on),
                    xf_cli_or_dash (member->decline_reason != NULL ? member->decline_reason
                                                                   : member->override_reason), NULL);
}

static void
print_batch (const XfCareBatch *batch)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch->id);
  g_autofree char *places = g_strdup_printf ("%d", batch->places);
  g_autofree char *counts = NULL;

  /* TRANSLATORS: the numbers of a batch's members. */
  counts = g_strdup_printf (_("%d listed, %d waiting for an answer, %d accepted, %d on the waiting list, "
                              "%d declined, %d attended"),
                            batch->n_listed, batch->n_invited, batch->n_accepted, batch->n_waitlisted,
                            batch->n_declined, batch->n_attended);
  xf_cli_print_field (_("ID"), id);
  xf_cli_print_field (_("Programme"), batch->programme_name);
  xf_cli_print_field (C_("care", "Title"), batch->title);
  xf_cli_print_field (_("Status"), xf_batch_status_label (batch->status));
  xf_cli_print_field (_("Reference date"), batch->reference_on);
  xf_cli_print_field (_("Places"), places);
  print_money_field (_("Unit cost"), batch->unit_cost);
  xf_cli_print_field (_("Starts"), batch->starts_on);
  xf_cli_print_field (_("Ends"), batch->ends_on);
  xf_cli_print_field (_("Reply by"), batch->reply_by);
  xf_cli_print_field (_("Place"), batch->place);
  xf_cli_print_field (_("Cancelled"), batch->cancel_reason);
  xf_cli_print_field (_("Members"), counts);
  if (batch->members->len > 0)
    {
      xf_cli_print_heading (_("Members:"));
      xf_cli_print_items (batch->members, print_member);
    }
}

static int
show_batch (XfCare     *care,
            const Args *args)
{
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = batch_id (args);

  if (id == 0)
    return 2;
  if ((batch = xf_care_get_batch (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  if (args->json)
    {
      g_auto(GStrv) actions = xf_care_batch_allowed_actions (care, batch);

      return print_json_record (batch, build_batch, actions, "members", batch->members, build_member);
    }
  print_batch (batch);
  return 0;
}

static int
create_batch (XfCare     *care,
              const Args *args)
{
  g_autoptr(XfCareBatch) batch = xf_care_batch_new ();
  g_autoptr(XfCareBatch) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 places = 0, id;

  if (!parse_number (args->values[OPT_PLACES], 1, "--places", &places)
      || !parse_year (args, &batch->year))
    return 2;
  if (places > 100000)
    return xf_cli_usage_error (_("--places: at most 100000"));
  batch->programme_code = g_strdup (args->args[0]);
  batch->title = g_strdup (args->values[OPT_TITLE]);
  batch->places = (int) places;
  batch->reference_on = g_strdup (args->values[OPT_REFERENCE]);
  batch->starts_on = g_strdup (args->values[OPT_STARTS]);
  batch->ends_on = g_strdup (args->values[OPT_ENDS]);
  batch->reply_by = g_strdup (args->values[OPT_REPLY_BY]);
  if ((id = xf_care_create_batch (care, batch, &error)) == 0
      || (stored = xf_care_get_batch (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a batch's number, then how many eligible people were listed. */
  printf (g_dngettext (GETTEXT_PACKAGE, "Batch %lld created with %d person listed",
                       "Batch %lld created with %d people listed", (gulong) stored->n_listed),
          (long long) id, stored->n_listed);
  printf ("\n");
  return 0;
}

static int
invite_batch (XfCare     *care,
              const Args *args)
{
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = batch_id (args);

  if (id == 0)
    return 2;
  if (!xf_care_send_invitations (care, id, &error)
      || (batch = xf_care_get_batch (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a batch's number, then how many were invited. */
  printf (g_dngettext (GETTEXT_PACKAGE, "Batch %lld: %d person invited", "Batch %lld: %d people invited",
                       (gulong) batch->n_invited),
          (long long) id, batch->n_invited);
  printf ("\n");
  return 0;
}

/* Prints "王建国: Accepted", the member's status after a step. */
static int
print_member_status (XfCare *care,
                     gint64  id,
                     gint64  pioneer_id)
{
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  if ((batch = xf_care_get_batch (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == pioneer_id)
        printf ("%s: %s\n", member->pioneer_name, xf_member_status_label (member->status));
    }
  return 0;
}

/* The batch and the pioneer of `answer` and `attend`, and whether the
 * third argument is @yes (TRUE) or @no; FALSE after printing why not
 * (*@status: the exit status). */
static gboolean
member_step_args (XfCare     *care,
                  const Args *args,
                  const char *yes,
                  const char *no,
                  gint64     *id,
                  gint64     *pioneer_id,
                  gboolean   *choice,
                  int        *status)
{
  *status = 2;
  if ((*id = batch_id (args)) == 0)
    return FALSE;
  if (!g_str_equal (args->args[2], yes) && !g_str_equal (args->args[2], no))
    {
      /* TRANSLATORS: the two words are typed as they are; then the usage. */
      xf_cli_usage_error (_("Say %s or %s; %s"), yes, no, _(args->command->usage));
      return FALSE;
    }
  *choice = g_str_equal (args->args[2], yes);
  *status = 1;
  return (*pioneer_id = xf_cli_care_find_pioneer (care, args->args[1])) > 0;
}

static int
answer_batch (XfCare     *care,
              const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id, pioneer_id;
  gboolean accept;
  int status;

  if (!member_step_args (care, args, "accept", "decline", &id, &pioneer_id, &accept, &status))
    return status;
  if (!xf_care_answer (care, id, pioneer_id, accept, args->values[OPT_REASON], &error))
    return xf_cli_fail_error (error);
  return print_member_status (care, id, pioneer_id);
}

static int
attend_batch (XfCare     *care,
              const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id, pioneer_id;
  gboolean attended;
  int status;

  if (!member_step_args (care, args, "yes", "no", &id, &pioneer_id, &attended, &status))
    return status;
  if (!xf_care_record_attendance (care, id, pioneer_id, attended, &error))
    return xf_cli_fail_error (error);
  return print_member_status (care, id, pioneer_id);
}

static int
close_batch (XfCare     *care,
             const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id = batch_id (args);

  if (id == 0)
    return 2;
  if (!xf_care_close_batch (care, id, &error))
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a batch's number. */
  printf (_("Batch %lld closed"), (long long) id);
  printf ("\n");
  return 0;
}

static int
cancel_batch (XfCare     *care,
              const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id = batch_id (args);

  if (id == 0)
    return 2;
  if (!xf_care_cancel_batch (care, id, args->values[OPT_REASON], &error))
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a batch's number. */
  printf (_("Batch %lld cancelled"), (long long) id);
  printf ("\n");
  return 0;
}

static const char batch_usage[] =
  N_("usage: care batch show ID [--json] | create PROGRAMME --title T --places N --reference DATE "
     "[--year Y] [--starts D] [--ends D] [--reply-by D] | invite ID | "
     "answer ID PIONEER accept|decline [--reason R] | attend ID PIONEER yes|no | close ID | "
     "cancel ID --reason R");

static const Command batch_commands[] = {
  { "show", 1, O (JSON), 0, show_batch, N_("usage: care batch show ID [--json]") },
  { "create", 1, O (TITLE) | O (PLACES) | O (REFERENCE) | O (YEAR) | O (STARTS) | O (ENDS) | O (REPLY_BY),
    O (TITLE) | O (PLACES) | O (REFERENCE), create_batch,
    N_("usage: care batch create PROGRAMME --title T --places N --reference DATE [--year Y] [--starts D] "
       "[--ends D] [--reply-by D]") },
  { "invite", 1, 0, 0, invite_batch, N_("usage: care batch invite ID") },
  { "answer", 3, O (REASON), 0, answer_batch,
    N_("usage: care batch answer ID PIONEER accept|decline [--reason R]") },
  { "attend", 3, 0, 0, attend_batch, N_("usage: care batch attend ID PIONEER yes|no") },
  { "close", 1, 0, 0, close_batch, N_("usage: care batch close ID") },
  { "cancel", 1, O (REASON), O (REASON), cancel_batch, N_("usage: care batch cancel ID --reason R") },
};

int
xf_cli_care_batch (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  return dispatch (ctx, argc, argv, batch_commands, G_N_ELEMENTS (batch_commands), _(batch_usage));
}

/*
 * care hardship …
 */

static gint64
case_id (const Args *args)
{
  gint64 id = 0;

  if (!parse_number (args->args[0], 1, _("A case"), &id))
    return 0;
  return id;
}

static void
json_money (JsonBuilder *builder,
            const char  *key,
            gint64       fen)
{
  if (fen < 0)
    xf_cli_json_text (builder, key, NULL);
  else
    xf_cli_json_int (builder, key, fen);
}

static void
build_case (JsonBuilder  *builder,
            gconstpointer item,
            gpointer      user_data)
{
  const XfHardshipCase *hardship_case = item;

  xf_cli_json_int (builder, "id", hardship_case->id);
  xf_cli_json_text (builder, "uid", hardship_case->uid);
  xf_cli_json_int (builder, "pioneer_id", hardship_case->pioneer_id);
  xf_cli_json_text (builder, "pioneer", hardship_case->pioneer_name);
  xf_cli_json_text (builder, "region", hardship_case->region_code);
  xf_cli_json_text (builder, "programme", hardship_case->programme_code);
  xf_cli_json_int (builder, "year", hardship_case->year);
  xf_cli_json_text (builder, "category", hardship_case->category);
  xf_cli_json_bool (builder, "masked", hardship_case->masked);
  xf_cli_json_text (builder, "circumstances", hardship_case->circumstances);
  json_money (builder, "household_income_fen", hardship_case->household_income);
  xf_cli_json_int (builder, "requested_fen", hardship_case->requested_amount);
  xf_cli_json_text (builder, "status", hardship_case->status);
  xf_cli_json_text (builder, "applied_on", hardship_case->applied_on);
  xf_cli_json_text (builder, "applied_by", hardship_case->applied_by);
  xf_cli_json_text (builder, "assessment", hardship_case->assessment);
  xf_cli_json_int (builder, "assessed_fen", hardship_case->assessed_amount);
  xf_cli_json_text (builder, "assessed_by", hardship_case->assessed_by);
  xf_cli_json_text (builder, "first_approved_on", hardship_case->first_approved_on);
  xf_cli_json_text (builder, "first_approved_by", hardship_case->first_approved_by);
  xf_cli_json_text (builder, "approved_on", hardship_case->approved_on);
  xf_cli_json_text (builder, "approved_by", hardship_case->approved_by);
  xf_cli_json_int (builder, "granted_fen", hardship_case->granted_amount);
  xf_cli_json_int (builder, "paid_fen", hardship_case->paid_amount);
  xf_cli_json_text (builder, "reject_reason", hardship_case->reject_reason);
  xf_cli_json_int (builder, "version", hardship_case->version);
}

static void
print_case_row (gconstpointer item)
{
  const XfHardshipCase *hardship_case = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hardship_case->id);
  g_autofree char *requested = xf_money_format (hardship_case->requested_amount);
  g_autofree char *granted = hardship_case->granted_amount > 0
                             ? xf_money_format (hardship_case->granted_amount) : NULL;
  g_autofree char *paid = hardship_case->paid_amount > 0
                          ? xf_money_format (hardship_case->paid_amount) : NULL;

  xf_cli_print_row (id, hardship_case->applied_on, hardship_case->pioneer_name,
                    xf_case_category_label (hardship_case->category),
                    xf_case_status_label (hardship_case->status),
                    requested, xf_cli_or_dash (granted), xf_cli_or_dash (paid), NULL);
}

static gboolean
is_case_status (const char *status)
{
  static const char * const statuses[] = {
    XF_CASE_APPLIED, XF_CASE_ASSESSED, XF_CASE_APPROVED_FIRST, XF_CASE_APPROVED, XF_CASE_PAID,
    XF_CASE_REJECTED, XF_CASE_WITHDRAWN, "open", NULL,
  };

  return g_strv_contains (statuses, status);
}

static int
list_cases (XfCare     *care,
            const Args *args)
{
  XfHardshipQuery query = { .status = args->values[OPT_STATUS] };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  if (query.status != NULL && !is_case_status (query.status))
    /* TRANSLATORS: the codes are typed as they are: do not translate them. */
    return xf_cli_usage_error (_("--status needs a status: applied, assessed, approved-first, approved, paid, "
                                 "rejected, withdrawn or open"));
  if (!parse_year (args, &query.year))
    return 2;
  cases = xf_care_list_cases (care, &query, &error);
  if (cases == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (args->json, "cases", cases, build_case, print_case_row,
                            /* TRANSLATORS: column headings of hardship cases. */
                            _("ID"), _("Applied"), _("Pioneer"), _("Category"), _("Status"), C_("care", "Requested"),
                            _("Granted"), _("Paid"), NULL);
}

static void
build_payment (JsonBuilder  *builder,
               gconstpointer item,
               gpointer      user_data)
{
  const XfHardshipPayment *payment = item;

  xf_cli_json_text (builder, "paid_on", payment->paid_on);
  xf_cli_json_int (builder, "amount_fen", payment->amount);
  xf_cli_json_text (builder, "reference", payment->reference);
  xf_cli_json_text (builder, "recorded_by", payment->recorded_by);
}

static void
print_payment (gconstpointer item)
{
  const XfHardshipPayment *payment = item;
  g_autofree char *amount = xf_money_format (payment->amount);

  xf_cli_print_row (payment->paid_on, amount, payment->reference, xf_cli_or_dash (payment->recorded_by),
                    NULL);
}

static void
print_case (const XfHardshipCase *hardship_case)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hardship_case->id);
  g_autofree char *year = g_strdup_printf ("%d", hardship_case->year);

  xf_cli_print_field (_("ID"), id);
  xf_cli_print_field (_("Pioneer"), hardship_case->pioneer_name);
  xf_cli_print_field (_("Year"), year);
  xf_cli_print_field (_("Category"), xf_case_category_label (hardship_case->category));
  xf_cli_print_field (_("Status"), xf_case_status_label (hardship_case->status));
  xf_cli_print_field (_("Circumstances"), hardship_case->circumstances);
  if (hardship_case->masked)
    xf_cli_print_field (_("Household income"), "••••");
  else
    print_money_field (_("Household income"), hardship_case->household_income);
  print_money_field (C_("care", "Requested"), hardship_case->requested_amount);
  xf_cli_print_field (_("Applied"), hardship_case->applied_on);
  xf_cli_print_field (_("Assessment"), hardship_case->assessment);
  print_money_field (_("Assessed"), hardship_case->assessed_amount);
  xf_cli_print_field (_("Assessed by"), hardship_case->assessed_by);
  xf_cli_print_field (_("First approval by"), hardship_case->first_approved_by);
  xf_cli_print_field (_("Approved by"), hardship_case->approved_by);
  print_money_field (_("Granted"), hardship_case->granted_amount);
  print_money_field (_("Paid"), hardship_case->paid_amount);
  xf_cli_print_field (_("Reason"), hardship_case->reject_reason);
  if (hardship_case->payments->len > 0)
    {
      xf_cli_print_heading (_("Payments:"));
      xf_cli_print_items (hardship_case->payments, print_payment);
    }
}

static int
show_case (XfCare     *care,
           const Args *args)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = case_id (args);

  if (id == 0)
    return 2;
  if ((hardship_case = xf_care_get_case (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  if (args->json)
    {
      g_auto(GStrv) actions = xf_care_case_allowed_actions (care, hardship_case);

      return print_json_record (hardship_case, build_case, actions, "payments", hardship_case->payments,
                                build_payment);
    }
  print_case (hardship_case);
  return 0;
}

/* Prints "Case 12: Approved", its status after a step. */
static int
print_case_status (XfCare *care,
                   gint64  id)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  g_autoptr(GError) error = NULL;

  if ((hardship_case = xf_care_get_case (care, id, &error)) == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a hardship case's number, then its status. */
  printf (_("Case %lld: %s"), (long long) id, xf_case_status_label (hardship_case->status));
  printf ("\n");
  return 0;
}

static int
apply_case (XfCare     *care,
            const Args *args)
{
  g_autoptr(XfHardshipCase) hardship_case = xf_hardship_case_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_yuan (args->values[OPT_AMOUNT], &hardship_case->requested_amount))
    return 2;
  if ((hardship_case->pioneer_id = xf_cli_care_find_pioneer (care, args->args[0])) <= 0)
    return 1;
  hardship_case->category = g_strdup (args->values[OPT_CATEGORY]);
  hardship_case->circumstances = g_strdup (args->values[OPT_CIRCUMSTANCES]);
  if ((id = xf_care_apply_hardship (care, hardship_case, &error)) == 0)
    return xf_cli_fail_error (error);
  return print_case_status (care, id);
}

static int
assess_case (XfCare     *care,
             const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0, id = case_id (args);

  if (id == 0 || !parse_yuan (args->values[OPT_AMOUNT], &amount))
    return 2;
  if (!xf_care_assess_case (care, id, args->values[OPT_ASSESSMENT], amount, &error))
    return xf_cli_fail_error (error);
  return print_case_status (care, id);
}

static int
approve_case (XfCare     *care,
              const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0, id = case_id (args);

  if (id == 0 || !parse_yuan (args->values[OPT_AMOUNT], &amount))
    return 2;
  if (!xf_care_approve_case (care, id, amount, &error))
    return xf_cli_fail_error (error);
  return print_case_status (care, id);
}

/* A step of the case that takes its reason. */
static int
with_reason (XfCare      *care,
             const Args  *args,
             gboolean   (*step) (XfCare *, gint64, const char *, GError **))
{
  g_autoptr(GError) error = NULL;
  gint64 id = case_id (args);

  if (id == 0)
    return 2;
  if (!step (care, id, args->values[OPT_REASON], &error))
    return xf_cli_fail_error (error);
  return print_case_status (care, id);
}

static int
reject_case (XfCare     *care,
             const Args *args)
{
  return with_reason (care, args, xf_care_reject_case);
}

static int
withdraw_case (XfCare     *care,
               const Args *args)
{
  return with_reason (care, args, xf_care_withdraw_case);
}

static int
pay_case (XfCare     *care,
          const Args *args)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0, id = case_id (args);

  if (id == 0 || !parse_yuan (args->values[OPT_AMOUNT], &amount))
    return 2;
  if (!xf_care_record_payment (care, id, args->values[OPT_ON], amount, args->values[OPT_REFERENCE],
                               &error))
    return xf_cli_fail_error (error);
  return print_case_status (care, id);
}

static const char hardship_usage[] =
  N_("usage: care hardship list [--status S] [--year Y] [--json] | show ID [--json] | "
     "apply PIONEER --category C --amount YUAN --circumstances TEXT | "
     "assess ID --amount YUAN --assessment TEXT | approve ID [--amount YUAN] | reject ID --reason R | "
     "withdraw ID --reason R | pay ID --amount YUAN --on DATE --reference TEXT");

static const Command hardship_commands[] = {
  { "list", 0, O (STATUS) | O (YEAR) | O (JSON), 0, list_cases,
    N_("usage: care hardship list [--status S] [--year Y] [--json]") },
  { "show", 1, O (JSON), 0, show_case, N_("usage: care hardship show ID [--json]") },
  { "apply", 1, O (CATEGORY) | O (AMOUNT) | O (CIRCUMSTANCES),
    O (CATEGORY) | O (AMOUNT) | O (CIRCUMSTANCES), apply_case,
    N_("usage: care hardship apply PIONEER --category C --amount YUAN --circumstances TEXT") },
  { "assess", 1, O (AMOUNT) | O (ASSESSMENT), O (AMOUNT) | O (ASSESSMENT), assess_case,
    N_("usage: care hardship assess ID --amount YUAN --assessment TEXT") },
  { "approve", 1, O (AMOUNT), 0, approve_case, N_("usage: care hardship approve ID [--amount YUAN]") },
  { "reject", 1, O (REASON), O (REASON), reject_case, N_("usage: care hardship reject ID --reason R") },
  { "withdraw", 1, O (REASON), O (REASON), withdraw_case,
    N_("usage: care hardship withdraw ID --reason R") },
  { "pay", 1, O (AMOUNT) | O (ON) | O (REFERENCE), O (AMOUNT) | O (ON) | O (REFERENCE), pay_case,
    N_("usage: care hardship pay ID --amount YUAN --on DATE --reference TEXT") },
};

int
xf_cli_care_hardship (XfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  return dispatch (ctx, argc, argv, hardship_commands, G_N_ELEMENTS (hardship_commands),
                   _(hardship_usage));
}
