/* xf-cli-audit.c — `audit verify | list | export`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-cli.h"
#include "xf-error.h"

/*
 * audit verify
 *   Checks the whole chain; prints what it found on stdout. Exit status 0
 *   when the chain is intact, 3 when it is broken (the message names the
 *   first broken entry), 1 when the check could not run.
 * audit list [FILTERS] [--limit N]
 *   One line per entry, newest first, tab-separated: seq, local time,
 *   account, action, record type, record uid, record label, field, before,
 *   after (line breaks and tabs in values written as \n, \t).
 * audit export FILE.csv [FILTERS]
 *   The entries as CSV, oldest first; the export is itself recorded in the
 *   trail.
 *
 * FILTERS: --user LOGIN  --record UID  --action ACTION  --since DATE
 * --until DATE, where DATE is YYYY-MM-DD (local time; --until includes the
 * whole day) or an ISO 8601 date and time.
 */

#define EXIT_BROKEN 3

static const char usage[] =
  N_("verify | list [--user LOGIN] [--record UID] [--action A] [--since DATE] [--until DATE] [--limit N] | "
     "export FILE.csv [the same filters]");

/*
 * Options
 */

typedef struct
{
  char          *actor_login;
  char          *record_uid;
  char          *action;
  char          *since;
  char          *until;
  char          *limit;
  XfAuditFilter  filter;
  guint          limit_value;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->actor_login);
  g_free (options->record_uid);
  g_free (options->action);
  g_free (options->since);
  g_free (options->until);
  g_free (options->limit);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* "--name VALUE" or "--name=VALUE" at argv[*i] into @out: 1 taken, 0 not
 * this option, -1 the value is missing. */
static int
take_option (const char  *name,
             int         *i,
             int          argc,
             char       **argv,
             char       **out)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (g_str_equal (arg, name))
    {
      if (*i + 1 >= argc)
        return -1;
      g_free (*out);
      *out = g_strdup (argv[++*i]);
      return 1;
    }
  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    {
      g_free (*out);
      *out = g_strdup (arg + len + 1);
      return 1;
    }
  return 0;
}

/* An instant in UTC µs from a date (its local midnight, or the next one
 * with @end_of_day) or an ISO 8601 date and time; 0 if unreadable. */
static gint64
parse_instant (const char *text,
               gboolean    end_of_day)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3 && strlen (text) == 10)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new (local, year, month, day, 0, 0, 0);

      if (midnight != NULL)
        when = end_of_day ? g_date_time_add_days (midnight, 1) : g_date_time_ref (midnight);
    }
  else
    when = g_date_time_new_from_iso8601 (text, local);
  if (when == NULL)
    return 0;
  return g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
}

/* Reads the filters (and with @with_limit, --limit) from argv[first…]. */
static gboolean
parse_options (Options  *options,
               int       first,
               int       argc,
               char    **argv,
               gboolean  with_limit)
{
  for (int i = first; i < argc; i++)
    {
      struct { const char *name; char **out; } known[] = {
        { "--user", &options->actor_login },
        { "--record", &options->record_uid },
        { "--action", &options->action },
        { "--since", &options->since },
        { "--until", &options->until },
        { "--limit", with_limit ? &options->limit : NULL },
      };
      int taken = 0;

      for (guint k = 0; k < G_N_ELEMENTS (known) && taken == 0; k++)
        if (known[k].out != NULL)
          taken = take_option (known[k].name, &i, argc, argv, known[k].out);
      if (taken < 0)
        {
          xf_cli_fail (_("%s needs a value"), argv[i]);
          return FALSE;
        }
      if (taken == 0)
        {
          xf_cli_fail (_("Unknown argument “%s”; usage: audit %s"), argv[i], _(usage));
          return FALSE;
        }
    }

  options->filter.actor_login = options->actor_login;
  options->filter.record_uid = options->record_uid;
  options->filter.action = options->action;
  if (options->since != NULL && (options->filter.from = parse_instant (options->since, FALSE)) == 0)
    {
      xf_cli_fail (_("“%s” is not a date; write it as YYYY-MM-DD"), options->since);
      return FALSE;
    }
  if (options->until != NULL && (options->filter.to = parse_instant (options->until, TRUE)) == 0)
    {
      xf_cli_fail (_("“%s” is not a date; write it as YYYY-MM-DD"), options->until);
      return FALSE;
    }
  if (options->limit != NULL)
    {
      guint64 limit;

      if (!g_ascii_string_to_unsigned (options->limit, 10, 1, G_MAXUINT, &limit, NULL))
        {
          xf_cli_fail (_("--limit needs a whole number greater than 0, not “%s”"), options->limit);
          return FALSE;
        }
      options->limit_value = (guint) limit;
    }
  return TRUE;
}

/* The account main() signed in (or the local administrator of a SQLite
 * file without accounts); NULL when refused, the reason printed. */
static XfAccount *
get_actor (XfCliContext *ctx)
{
  XfAccount *actor = xf_cli_context_get_actor (ctx);

  return actor != NULL ? g_object_ref (actor) : NULL;
}

/*
 * verify
 */

typedef struct
{
  gboolean tty;
  int      last_percent;
} VerifyProgress;

static void
verify_progress_cb (gint64   done,
                    gint64   total,
                    gpointer user_data)
{
  VerifyProgress *progress = user_data;
  int percent = total > 0 ? (int) (done * 100 / total) : 100;

  if (!progress->tty || percent == progress->last_percent)
    return;
  fputc ('\r', stderr);
  fprintf (stderr, _("Checking the audit trail… %d%%"), percent);
  fputs ("\033[K", stderr);
  fflush (stderr);
  progress->last_percent = percent;
}

static int
cmd_verify (XfCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GError) error = NULL;
  VerifyProgress progress = { isatty (STDERR_FILENO), -1 };
  XfStore *store;

  if (argc > 1)
    return xf_cli_fail (_("Unknown argument “%s”; usage: audit %s"), argv[1], _(usage));
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  actor = get_actor (ctx);
  if (actor == NULL)
    return 1;

  result = xf_audit_verify (store, actor, verify_progress_cb, &progress, NULL, &error);
  if (progress.last_percent >= 0)
    fputs ("\r\033[K", stderr);
  if (result == NULL)
    return xf_cli_fail_error (error);
  printf ("%s\n", result->message);
  return result->problem == XF_AUDIT_OK ? 0 : EXIT_BROKEN;
}

/*
 * list
 */

/* A value on one line: tabs and line breaks written as \t, \n, \r. */
static void
print_value (const char *value)
{
  if (value == NULL)
    return;
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\t': fputs ("\\t", stdout); break;
      case '\n': fputs ("\\n", stdout); break;
      case '\r': fputs ("\\r", stdout); break;
      case '\\': fputs ("\\\\", stdout); break;
      default: fputc (*p, stdout); break;
      }
}

static void
print_entry (const XfAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *at = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : NULL;
  const char *values[] = {
    entry->actor_login, entry->action, entry->record_type, entry->record_uid,
    entry->record_label, entry->field, entry->old_value, entry->new_value,
  };

  printf ("%" G_GINT64_FORMAT "\t%s", entry->seq, at != NULL ? at : "?");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      fputc ('\t', stdout);
      print_value (values[i]);
    }
  fputc ('\n', stdout);
}

static int
cmd_list (XfCliContext  *ctx,
          int            argc,
          char         **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  XfStore *store;

  if (!parse_options (&options, 1, argc, argv, TRUE))
    return 2;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  actor = get_actor (ctx);
  if (actor == NULL)
    return 1;

  entries = xf_audit_query (store, actor, &options.filter, 0, options.limit_value, &error);
  if (entries == NULL)
    return xf_cli_fail_error (error);
  for (guint i = 0; i < entries->len; i++)
    print_entry (g_ptr_array_index (entries, i));
  return 0;
}

/*
 * export
 */

static int
cmd_export (XfCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) part_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  XfStore *store;

  if (argc < 2 || g_str_has_prefix (argv[1], "--"))
    {
      xf_cli_fail (_("audit export needs a file name: audit export FILE.csv"));
      return 2;
    }
  path = argv[1];
  if (!parse_options (&options, 2, argc, argv, FALSE))
    return 2;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  actor = get_actor (ctx);
  if (actor == NULL)
    return 1;

  /* Written beside the file and renamed into place when complete: a
   * refused or failed export leaves no file, or the earlier one as it was. */
  file = g_file_new_for_commandline_arg (path);
  {
    g_autofree char *part = g_strdup_printf ("%s.%08x.part", path, g_random_int ());

    part_file = g_file_new_for_commandline_arg (part);
  }
  out = G_OUTPUT_STREAM (g_file_create (part_file, G_FILE_CREATE_NONE, NULL, &error));
  if (out == NULL)
    return xf_cli_fail (_("“%s” could not be written: %s"), path, error->message);

  if (!xf_audit_export_csv (store, actor, &options.filter, out, NULL, &error))
    {
      g_output_stream_close (out, NULL, NULL);
      g_file_delete (part_file, NULL, NULL);
      return xf_cli_fail_error (error);
    }
  if (!g_output_stream_close (out, NULL, &error) ||
      !g_file_move (part_file, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &error))
    {
      g_file_delete (part_file, NULL, NULL);
      return xf_cli_fail (_("“%s” could not be written: %s"), path, error->message);
    }
  fprintf (stderr, _("Exported the audit trail to %s\n"), path);
  return 0;
}

int
xf_cli_cmd_audit (XfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "verify"))
    return cmd_verify (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return cmd_list (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return cmd_export (ctx, argc - 1, argv + 1);
  xf_cli_fail (_("Usage: audit %s"), _(usage));
  return 2;
}
