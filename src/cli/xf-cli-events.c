/* xf-cli-events.c — `events import FILE [--dry-run] | list [--pioneer UID]
 *                    [--from DATE] [--to DATE] [--json]`
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
#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-ranking.h"
#include "xf-services.h"

/*
 * Engagement events from the portal or WeChat (name cards viewed, liked,
 * shared, recommendations), one JSON object per line, through
 * xf_ranking_import_events (): good lines go in one transaction,
 * duplicates are counted and ignored, bad lines are listed by number.
 *
 * `list` reads them back through xf_services_list_engagement (): every
 * event the index counts, oldest first, of one pioneer or all, between two
 * local dates; the visitor as stored (the portal's hashed visitor key).
 *
 * Exit status: 0 every line taken (or a duplicate), or listed; 1 a line
 * refused, nothing could be read or stored, or a pioneer not found; 2 a
 * usage error.
 */

static const char events_usage[] =
  N_("usage: events import FILE [--dry-run] | list [--pioneer UID] [--from DATE] [--to DATE] [--json]");

/*
 * events list
 */

typedef struct
{
  XfRegistry *registry;
  GHashTable *uids;       /* pioneer id → uid, looked up once each */
} EventsList;

static const char *
pioneer_uid (EventsList *list,
             gint64      pioneer_id)
{
  const char *uid = g_hash_table_lookup (list->uids, &pioneer_id);

  if (uid == NULL)
    {
      g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (list->registry, pioneer_id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = pioneer_id;
      uid = pioneer != NULL ? xf_pioneer_get_uid (pioneer) : "";
      g_hash_table_insert (list->uids, key, g_strdup (uid));
      uid = g_hash_table_lookup (list->uids, key);
    }
  return uid;
}

static void
build_event (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfEngagementEvent *event = item;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (event->occurred_at / G_USEC_PER_SEC);
  g_autofree char *at = utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;

  xf_cli_json_int (builder, "id", event->id);
  xf_cli_json_int (builder, "pioneer_id", event->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", pioneer_uid (user_data, event->pioneer_id));
  xf_cli_json_text (builder, "kind", event->kind);
  xf_cli_json_text (builder, "date", event->occurred_on);
  /* ISO 8601 in UTC: what scripts compare. */
  xf_cli_json_text (builder, "at", at);
  xf_cli_json_text (builder, "source", event->source);
  xf_cli_json_text (builder, "source_id", event->source_id);
  xf_cli_json_text (builder, "visitor", event->visitor);
  xf_cli_json_text (builder, "record_uid", event->record_uid);
  xf_cli_json_double (builder, "value", event->value);
}

static void
print_event (EventsList              *list,
             const XfEngagementEvent *event)
{
  g_autofree char *value = g_strdup_printf ("%g", event->value);

  xf_cli_print_row (event->occurred_on, xf_engagement_kind_label (event->kind),
                    pioneer_uid (list, event->pioneer_id), event->source,
                    xf_cli_or_dash (event->visitor), value, NULL);
}

/* A date option's value; FALSE after the usage error. */
static gboolean
take_date (const char  *option,
           const char  *value,
           const char **out)
{
  GDate day;

  g_date_clear (&day, 1);
  if (value == NULL || strlen (value) != 10 || !xf_date_parse (value, &day))
    {
      /* Translators: %s is an option such as --from. */
      xf_cli_usage_error (_("%s needs a date written YYYY-MM-DD"), option);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static int
events_list (XfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  const char *usage = _(events_usage);
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) uids = NULL;
  g_autoptr(GError) error = NULL;
  const char *pioneer = NULL, *from = NULL, *to = NULL;
  gboolean json = FALSE;
  gint64 pioneer_id = 0;
  EventsList list;
  XfStore *store;

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--json"))
        json = TRUE;
      else if (g_str_equal (arg, "--pioneer"))
        {
          if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
            /* Translators: %s is an option such as --pioneer. */
            return xf_cli_usage_error (_("%s needs a value"), arg);
          pioneer = value;
          i++;
        }
      else if (g_str_equal (arg, "--from") || g_str_equal (arg, "--to"))
        {
          if (!take_date (arg, value, g_str_equal (arg, "--from") ? &from : &to))
            return 2;
          i++;
        }
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  if (pioneer != NULL)
    {
      pioneer_id = xf_cli_find_pioneer (registry, pioneer);
      if (pioneer_id <= 0)
        return 1;
    }
  services = xf_services_new (registry);
  events = xf_services_list_engagement (services, pioneer_id, from, to, &error);
  if (events == NULL)
    return xf_cli_fail_error (error);

  uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  list = (EventsList) { .registry = registry, .uids = uids };
  if (json)
    {
      xf_cli_print_json_list ("events", events, build_event, &list);
      return 0;
    }
  /* TRANSLATORS: column headings of the engagement events; "Visitor" is who caused the event, as a
   * hashed key. */
  xf_cli_print_row (_("Date"), _("Kind"), _("Pioneer"), C_("event", "Source"), _("Visitor"), _("Value"), NULL);
  for (guint i = 0; i < events->len; i++)
    print_event (&list, g_ptr_array_index (events, i));
  return 0;
}

/*
 * events import
 */

static int
events_import (XfCliContext  *ctx,
               int            argc,
               char         **argv)
{
  const char *usage = _(events_usage);
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfRanking) ranking = NULL;
  g_autoptr(XfEventImportReport) report = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *file = NULL;
  gboolean dry_run = FALSE;
  XfStore *store;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (file == NULL && (!g_str_has_prefix (argv[i], "--") || g_str_equal (argv[i], "-")))
        file = argv[i];
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), argv[i], usage);
    }
  if (file == NULL)
    return xf_cli_usage_error (_("events import needs a file of JSON lines (“-” reads standard input)"));

  gfile = g_str_equal (file, "-") ? g_file_new_for_path ("/dev/stdin") : g_file_new_for_commandline_arg (file);
  stream = G_INPUT_STREAM (g_file_read (gfile, NULL, &error));
  if (stream == NULL)
    return xf_cli_fail ("%s", error->message);
  name = g_file_get_basename (gfile);

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  ranking = xf_ranking_new (registry);
  report = xf_ranking_import_events (ranking, stream, name, dry_run, NULL, &error);
  /* Bad lines are in the report: a refused write is another import
   * storing some of the same events at the same time (on PostgreSQL the
   * unique (source, id) refuses the second insert). Nothing of this one
   * was stored: a file is read once more, its events now duplicates. */
  if (report == NULL && g_error_matches (error, XF_ERROR, XF_ERROR_INVALID) && !g_str_equal (file, "-"))
    {
      g_clear_error (&error);
      g_clear_object (&stream);
      stream = G_INPUT_STREAM (g_file_read (gfile, NULL, &error));
      if (stream == NULL)
        return xf_cli_fail ("%s", error->message);
      report = xf_ranking_import_events (ranking, stream, name, dry_run, NULL, &error);
    }
  if (report == NULL && g_error_matches (error, XF_ERROR, XF_ERROR_INVALID))
    /* TRANSLATORS: %s is the file's name. */
    return xf_cli_fail (_("%s: another import stored some of these events at the same time; nothing was stored, "
                          "import the file again"), name);
  if (report == NULL)
    return xf_cli_fail_error (error);

  if (dry_run)
    {
      /* TRANSLATORS: the summary of a trial import; numbers of lines (the plural follows the first). */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Dry run, nothing stored: %u line, %u would be added, %u duplicates, %u refused",
                           "Dry run, nothing stored: %u lines, %u would be added, %u duplicates, %u refused",
                           report->lines),
              report->lines, report->added, report->duplicates, report->problems->len);
    }
  else
    {
      /* TRANSLATORS: the summary of an import; numbers of lines (the plural follows the first). */
      printf (g_dngettext (GETTEXT_PACKAGE, "%u line: %u added, %u duplicates, %u refused",
                           "%u lines: %u added, %u duplicates, %u refused", report->lines),
              report->lines, report->added, report->duplicates, report->problems->len);
    }
  printf ("\n");
  for (guint i = 0; i < report->problems->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
  return report->problems->len > 0 ? 1 : 0;
}

int
xf_cli_cmd_events (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  static const char * const subcommands[] = { "import", "list", NULL };
  const char *sub = xf_cli_subcommand (argc, argv, _(events_usage), subcommands);

  if (sub == NULL)
    return 2;
  if (g_str_equal (sub, "list"))
    return events_list (ctx, argc, argv);
  return events_import (ctx, argc, argv);
}
