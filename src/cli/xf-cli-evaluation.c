/* xf-cli-evaluation.c — `campaigns` and `nominations`: options, output, dispatch
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
#include <glib/gstdio.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-evaluation.h"

/*
 * The evaluation through the same XfEvaluation the app uses, as the
 * signed-in account. Plain output is tab-separated with a translated
 * heading line; --json gives the same facts with stable English keys and
 * codes (stage, due state, status) rather than labels. The subcommands
 * are in xf-cli-campaigns.c and xf-cli-nominations.c.
 */

static const char campaigns_usage[] =
  N_("usage: campaigns list [--year Y] [--json] | show ID [--json] | report ID [--json]");
static const char nominations_usage[] =
  N_("usage: nominations list [--campaign ID] [--stage STAGE] [--attention] [--json] | show ID [--json]");

gboolean
xf_cli_parse_number (const char *text,
                     gint64      min,
                     gint64     *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, (guint64) min, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

gint64
xf_cli_find_pioneer (XfRegistry *registry,
                     const char *reference)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (xf_cli_parse_number (reference, 1, &id))
    pioneer = xf_registry_get_pioneer (registry, id, &error);
  else
    pioneer = xf_registry_get_pioneer_by_uid (registry, reference, &error);
  if (pioneer == NULL)
    {
      xf_cli_fail_error (error);
      return 0;
    }
  return xf_pioneer_get_id (pioneer);
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
               XfCliEvaluationOptions     *options)
{
  static const char * const campaign_subcommands[] = { "list", "show", "report", NULL };
  static const char * const nomination_subcommands[] = { "list", "show", NULL };
  const char *usage = campaigns ? _(campaigns_usage) : _(nominations_usage);
  gboolean list;

  memset (options, 0, sizeof *options);
  options->subcommand = xf_cli_subcommand (argc, argv, usage,
                                           campaigns ? campaign_subcommands : nomination_subcommands);
  if (options->subcommand == NULL)
    return 2;
  list = g_str_equal (argv[1], "list");

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      gint64 number;

      if (g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (list && campaigns && g_str_equal (arg, "--year"))
        {
          if (!xf_cli_parse_number (value, 1, &number) || number > 9999)
            {
              xf_cli_fail (_("--year needs a year such as 2026"));
              return 2;
            }
          options->year = (int) number;
          i++;
        }
      else if (list && !campaigns && g_str_equal (arg, "--campaign"))
        {
          if (!xf_cli_parse_number (value, 1, &options->id))
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
          if (!xf_cli_parse_number (arg, 1, &options->id))
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

void
xf_cli_print_json (JsonBuilder *builder)
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

void
xf_cli_json_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
xf_cli_json_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
xf_cli_json_bool (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* NAN (or a negative "none" marker) as null. */
void
xf_cli_json_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value) || value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

void
xf_cli_json_positive (JsonBuilder *builder,
                      const char  *key,
                      gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
xf_cli_json_objects (JsonBuilder      *builder,
                     const char       *key,
                     GPtrArray        *items,
                     XfCliJsonItemFunc build_item,
                     gpointer          user_data)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      json_builder_begin_object (builder);
      build_item (builder, g_ptr_array_index (items, i), user_data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
xf_cli_print_json_list (const char       *key,
                        GPtrArray        *items,
                        XfCliJsonItemFunc build_item,
                        gpointer          user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  xf_cli_json_int (builder, "count", items->len);
  xf_cli_json_objects (builder, key, items, build_item, user_data);
  json_builder_end_object (builder);
  xf_cli_print_json (builder);
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
void
xf_cli_print_row (const char *first,
           ...) G_GNUC_NULL_TERMINATED;

static void
print_row_va (const char *first,
              va_list     args)
{
  const char *cell = first;

  while (cell != NULL)
    {
      const char *next = va_arg (args, const char *);

      print_cell (cell, next == NULL);
      cell = next;
    }
}

void
xf_cli_print_row (const char *first,
           ...)
{
  va_list args;

  va_start (args, first);
  print_row_va (first, args);
  va_end (args);
}

int
xf_cli_print_list (gboolean           json,
                   const char        *key,
                   GPtrArray         *items,
                   XfCliJsonItemFunc  build_item,
                   XfCliPrintItemFunc print_item,
                   const char        *first_heading,
                   ...)
{
  va_list args;

  if (json)
    {
      xf_cli_print_json_list (key, items, build_item, NULL);
      return 0;
    }
  va_start (args, first_heading);
  print_row_va (first_heading, args);
  va_end (args);
  xf_cli_print_items (items, print_item);
  return 0;
}

void
xf_cli_print_items (GPtrArray         *items,
                    XfCliPrintItemFunc print_item)
{
  for (guint i = 0; i < items->len; i++)
    print_item (g_ptr_array_index (items, i));
}

void
xf_cli_print_heading (const char *title)
{
  printf ("\n%s\n", title);
}

void
xf_cli_print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    printf ("%s: %s\n", label, value);
}

const char *
xf_cli_yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

const char *
xf_cli_or_dash (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : "–";
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

/* Parses the options, opens the evaluation and runs the subcommand. */
static int
run_command (XfCliContext  *ctx,
             int            argc,
             char         **argv,
             gboolean       campaigns)
{
  g_autoptr(XfEvaluation) evaluation = NULL;
  XfCliEvaluationOptions options;
  int status;

  status = parse_options (argc, argv, campaigns, &options);
  if (status != 0)
    return status;
  evaluation = open_evaluation (ctx);
  if (evaluation == NULL)
    return 1;

  if (campaigns && g_str_equal (options.subcommand, "show"))
    return xf_cli_campaigns_show (evaluation, &options);
  if (campaigns && g_str_equal (options.subcommand, "report"))
    return xf_cli_campaigns_report (evaluation, &options);
  if (campaigns)
    return xf_cli_campaigns_list (evaluation, &options);
  if (g_str_equal (options.subcommand, "show"))
    return xf_cli_nominations_show (evaluation, &options);
  return xf_cli_nominations_list (evaluation, &options);
}

int
xf_cli_cmd_campaigns (XfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  return run_command (ctx, argc, argv, TRUE);
}

int
xf_cli_cmd_nominations (XfCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  return run_command (ctx, argc, argv, FALSE);
}

/*
 * Tables
 */

gboolean
xf_cli_write_csv_to_stdout (const XfTable *table,
                            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("xianfeng-XXXXXX.csv", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  ok = xf_table_write_csv (table, path, error) && g_file_get_contents (path, &text, &length, error);
  g_unlink (path);
  if (ok)
    {
      fwrite (text, 1, length, stdout);
      fflush (stdout);
    }
  return ok;
}
