/* xf-cli-events.c — `events import FILE [--dry-run]`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-error.h"
#include "xf-ranking.h"

/*
 * Engagement events from the portal or WeChat (name cards viewed, liked,
 * shared, recommendations), one JSON object per line, through
 * xf_ranking_import_events (): good lines go in one transaction,
 * duplicates are counted and ignored, bad lines are listed by number.
 *
 * Exit status: 0 every line taken (or a duplicate); 1 a line refused, or
 * nothing could be read or stored; 2 a usage error.
 */

static const char events_usage[] = N_("usage: events import FILE [--dry-run]");

int
xf_cli_cmd_events (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  static const char * const subcommands[] = { "import", NULL };
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

  if (xf_cli_subcommand (argc, argv, usage, subcommands) == NULL)
    return 2;
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
