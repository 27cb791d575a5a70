/* xf-cli-export.c — `export`, `export-all` and `import-all`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "xf-archive.h"
#include "xf-cli.h"
#include "xf-error.h"
#include "xf-export.h"
#include "xf-registry.h"

#define EXPORT_USAGE \
  N_("Usage: export KIND --csv|--xlsx|--json FILE [--with-personal] [--search TEXT] " \
     "[--where DIMENSION=KEY]… | export file UID --csv|--xlsx|--json FILE [--with-personal]\n" \
     "KIND: individuals, collectives, honours or organisations; DIMENSION: tier, region, " \
     "industry, organisation, gender, age, education or status")

/* --where's dimensions and the registry's filters. */
/* The kinds xf_export_list () writes. */
static const char * const export_kinds[] = { "individuals", "collectives", "honours", "organisations", NULL };

static const struct
{
  const char       *name;
  XfRegistryFilter  filter;
} dimensions[] = {
  { "tier", XF_REGISTRY_FILTER_TIER },
  { "region", XF_REGISTRY_FILTER_REGION },
  { "industry", XF_REGISTRY_FILTER_INDUSTRY },
  { "organisation", XF_REGISTRY_FILTER_ORGANISATION },
  { "gender", XF_REGISTRY_FILTER_GENDER },
  { "age", XF_REGISTRY_FILTER_AGE_BAND },
  { "education", XF_REGISTRY_FILTER_EDUCATION },
  { "status", XF_REGISTRY_FILTER_STATUS },
};

static gboolean
add_where (XfRegistryQuery *query,
           const char      *value)
{
  const char *equals = value != NULL ? strchr (value, '=') : NULL;
  g_autofree char *name = equals != NULL ? g_strndup (value, equals - value) : NULL;

  for (guint i = 0; name != NULL && equals[1] != '\0' && i < G_N_ELEMENTS (dimensions); i++)
    if (g_str_equal (name, dimensions[i].name))
      {
        xf_registry_query_add_filter (query, dimensions[i].filter, equals + 1);
        return TRUE;
      }
  return FALSE;
}

static void
show_fraction (double   fraction,
               gpointer user_data)
{
  if (isatty (STDERR_FILENO))
    {
      fprintf (stderr, "\r%s\033[K", _("Exporting…"));
      fprintf (stderr, " %d%%", (int) (fraction * 100));
      fflush (stderr);
    }
}

int
xf_cli_cmd_export (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind = NULL, *uid = NULL, *path = NULL;
  XfExportFormat format = XF_EXPORT_FORMAT_CSV;
  gboolean with_personal = FALSE;
  gboolean file = FALSE;
  XfStore *store;
  XfAccount *actor;
  gint64 rows;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      XfExportFormat chosen;

      if (g_str_has_prefix (arg, "--") && xf_export_format_from_string (arg + 2, &chosen))
        {
          if (value == NULL || path != NULL)
            return xf_cli_usage_error ("%s", _(EXPORT_USAGE));
          format = chosen;
          path = value;
          i++;
        }
      else if (g_str_equal (arg, "--with-personal"))
        with_personal = TRUE;
      else if (g_str_equal (arg, "--where"))
        {
          if (!add_where (query, value))
            return xf_cli_usage_error (_("--where needs DIMENSION=KEY, e.g. --where tier=city or "
                                         "--where region=330521; DIMENSION: tier, region, industry, "
                                         "organisation, gender, age, education or status"));
          i++;
        }
      else if (g_str_equal (arg, "--search"))
        {
          if (value == NULL)
            return xf_cli_usage_error ("%s", _(EXPORT_USAGE));
          xf_registry_query_set_text (query, value);
          i++;
        }
      else if (arg[0] == '-')
        return xf_cli_usage_error (_("Unknown option “%s”\n%s"), arg, _(EXPORT_USAGE));
      else if (kind == NULL)
        {
          kind = arg;
          file = g_str_equal (arg, "file");
        }
      else if (file && uid == NULL)
        uid = arg;
      else
        return xf_cli_usage_error (_("Unexpected argument “%s”\n%s"), arg, _(EXPORT_USAGE));
    }
  if (kind == NULL || path == NULL || (file && uid == NULL))
    return xf_cli_usage_error ("%s", _(EXPORT_USAGE));

  store = xf_cli_context_get_store (ctx);
  actor = store != NULL ? xf_cli_context_get_actor (ctx) : NULL;
  if (actor == NULL)
    return 1;
  registry = xf_registry_new (store, actor);

  if (file)
    {
      if (!xf_export_file (registry, uid, format, with_personal, path, &error))
        return xf_cli_fail_error (error);
      printf (_("Exported the file %s to %s\n"), uid, path);
      return 0;
    }
  rows = xf_export_list (registry, kind, query, format, with_personal, path,
                         show_fraction, NULL, NULL, &error);
  if (isatty (STDERR_FILENO))
    fputc ('\n', stderr);
  /* An unknown kind is a usage error; the message is translated, so the
   * kind itself is what tells. */
  if (rows < 0 && g_error_matches (error, XF_ERROR, XF_ERROR_INVALID) &&
      !g_strv_contains (export_kinds, kind))
    return xf_cli_usage_error ("%s\n%s", error->message, _(EXPORT_USAGE));
  if (rows < 0)
    return xf_cli_fail_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Exported %lld row to %s\n", "Exported %lld rows to %s\n",
                       (gulong) rows),
          (long long) rows, path);
  return 0;
}

/*
 * The whole database
 */

/* export-all and import-all run in a worker thread, so that the main loop
 * hears Ctrl+C and cancels: nothing is then written. */
typedef struct
{
  XfStore      *store;        /* export-all */
  XfAccount    *actor;
  const char   *archive;
  const char   *location;     /* import-all */
  GCancellable *cancellable;
  GMainLoop    *loop;
  gboolean      tty;
  gboolean      line_open;
  gint64        rows;
  GError       *error;
  gboolean      ok;
  double        seconds;
} ArchiveRun;

static void
archive_progress (const XfCopyProgress *progress,
                  gpointer              user_data)
{
  ArchiveRun *run = user_data;

  run->rows = progress->all_done;
  if (!run->tty)
    return;
  fprintf (stderr, "\r%s %d%%\033[K", progress->table,
           progress->all_total > 0 ? (int) (progress->all_done * 100 / progress->all_total) : 100);
  fflush (stderr);
  run->line_open = TRUE;
}

static void
archive_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ArchiveRun *run = task_data;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (run->store != NULL)
    ok = xf_archive_export_all (run->store, run->actor, run->archive, archive_progress, run,
                                cancellable, &error);
  else
    ok = xf_archive_import_all (run->archive, run->location, archive_progress, run,
                                cancellable, &error);
  run->seconds = g_timer_elapsed (timer, NULL);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
archive_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ArchiveRun *run = user_data;

  run->ok = g_task_propagate_boolean (G_TASK (result), &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
archive_interrupted_cb (gpointer user_data)
{
  ArchiveRun *run = user_data;

  if (g_cancellable_is_cancelled (run->cancellable))
    _exit (130);
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static int
run_archive (ArchiveRun *run)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GTask) task = NULL;
  guint sigint, sigterm;

  run->cancellable = cancellable;
  run->loop = loop;
  run->tty = isatty (STDERR_FILENO);
  sigint = g_unix_signal_add (SIGINT, archive_interrupted_cb, run);
  sigterm = g_unix_signal_add (SIGTERM, archive_interrupted_cb, run);
  task = g_task_new (NULL, cancellable, archive_done_cb, run);
  g_task_set_task_data (task, run, NULL);
  g_task_run_in_thread (task, archive_thread);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (run->line_open)
    fputc ('\n', stderr);

  if (!run->ok)
    {
      g_autoptr(GError) error = g_steal_pointer (&run->error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          xf_cli_fail ("%s", _("Cancelled; nothing was written"));
          return 130;
        }
      return xf_cli_fail_error (error);
    }
  return 0;
}

int
xf_cli_cmd_export_all (XfCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  ArchiveRun run = { 0 };
  int status;

  if (argc != 2 || argv[1][0] == '-')
    return xf_cli_usage_error ("%s", _("Usage: export-all FILE (FILE.jsonl, or FILE.jsonl.gz to compress it)"));
  run.store = xf_cli_context_get_store (ctx);
  run.actor = run.store != NULL ? xf_cli_context_get_actor (ctx) : NULL;
  if (run.actor == NULL)
    return 1;
  run.archive = argv[1];
  status = run_archive (&run);
  if (status == 0)
    printf (_("Wrote %lld rows to %s in %.1f s\n"), (long long) run.rows, run.archive, run.seconds);
  return status;
}

int
xf_cli_cmd_import_all (XfCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  ArchiveRun run = { 0 };
  g_autofree char *shown = NULL;
  int status;

  if (argc != 2 || argv[1][0] == '-')
    return xf_cli_usage_error ("%s", _("Usage: import-all FILE (into the empty database given by --database)"));
  run.archive = argv[1];
  run.location = ctx->database_path;
  status = run_archive (&run);
  shown = xf_db_location_strip_password (run.location);
  if (status == 0)
    printf (_("Restored %lld rows into %s in %.1f s\n"), (long long) run.rows, shown, run.seconds);
  return status;
}
