/* xf-cli-copy.c
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

#include "xf-cli.h"
#include "xf-copy.h"
#include "xf-error.h"

/*
 * `copy --from LOCATION --to LOCATION`. The copy runs in a worker thread
 * so that the main loop can hear Ctrl+C and cancel it; the copy then rolls
 * back and the destination stays as it was. A second Ctrl+C stops at once,
 * which is just as safe: the transaction was never committed.
 */

typedef struct
{
  char         *from;
  char         *to;
  GCancellable *cancellable;
  GMainLoop    *loop;
  gboolean      tty;
  gboolean      line_open;     /* a \r progress line waits for its newline */
  const char   *last_table;
  const char   *last_of_all;   /* the copy's last table */
  int           last_percent;
  gboolean      finishing;     /* every row is sent: rebuilding and checking */
  GPtrArray    *results;
  GError       *error;
  gint64        rows;
  double        seconds;
} CopyRun;

static int
percent_of (gint64 done,
            gint64 total)
{
  return total > 0 ? (int) (done * 100 / total) : 100;
}

static void
end_line (CopyRun *run)
{
  if (run->line_open)
    fputc ('\n', stderr);
  run->line_open = FALSE;
}

/* Runs in the worker thread; only it writes progress to stderr. */
static void
show_progress (const XfCopyProgress *progress,
               gpointer              user_data)
{
  CopyRun *run = user_data;
  int all = percent_of (progress->all_done, progress->all_total);
  int percent = percent_of (progress->rows_done, progress->rows_total);
  gboolean done = progress->rows_done >= progress->rows_total;

  if (run->tty)
    {
      if (progress->table == run->last_table && percent == run->last_percent)
        return;
      /* \033[K clears what a longer line left behind. */
      fputc ('\r', stderr);
      fprintf (stderr, _("Copying %s… %d%% (%d%% of all rows)"), progress->table, percent, all);
      fputs ("\033[K", stderr);
      fflush (stderr);
      run->line_open = TRUE;
    }
  /* A log gets one line per table, when it is done. */
  else if (done && (progress->table != run->last_table || run->last_percent < 100))
    {
      fprintf (stderr, _("Copied %s: %lld rows (%d%% of all rows)"), progress->table,
               (long long) progress->rows_done, all);
      fputc ('\n', stderr);
    }
  run->last_table = progress->table;
  run->last_percent = done ? 100 : percent;

  if (!run->finishing && done && g_str_equal (progress->table, run->last_of_all))
    {
      /* The last table is done: the rest is rebuilding and counting. */
      end_line (run);
      run->finishing = TRUE;
      fprintf (stderr, "%s\n", _("Rebuilding the search data and checking the row counts…"));
    }
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyRun *run = task_data;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = xf_copy_database (run->from, run->to, show_progress, run, cancellable, &error);
  run->seconds = g_timer_elapsed (timer, NULL);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
copy_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CopyRun *run = user_data;

  run->results = g_task_propagate_pointer (G_TASK (result), &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  CopyRun *run = user_data;

  if (g_cancellable_is_cancelled (run->cancellable))
    _exit (130);
  end_line (run);
  fprintf (stderr, "%s\n", _("Cancelling the copy; press Ctrl+C again to stop at once"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Columns a terminal gives @text: Chinese characters take two. */
static int
display_width (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

/* printf's widths count bytes; translated headers are padded by columns. */
static char *
pad (const char *text,
     int         columns,
     gboolean    right)
{
  int missing = MAX (0, columns - display_width (text));
  g_autofree char *spaces = g_strnfill (missing, ' ');

  return right ? g_strconcat (spaces, text, NULL) : g_strconcat (text, spaces, NULL);
}

static void
print_results (CopyRun *run)
{
  g_autofree char *from = xf_db_location_strip_password (run->from);
  g_autofree char *to = xf_db_location_strip_password (run->to);
  int width = display_width (_("Table"));
  g_autofree char *header_table = NULL;
  g_autofree char *header_source = pad (_("Source"), 12, TRUE);
  g_autofree char *header_destination = pad (_("Destination"), 12, TRUE);

  for (guint i = 0; i < run->results->len; i++)
    {
      XfCopyTableResult *result = g_ptr_array_index (run->results, i);

      width = MAX (width, (int) strlen (result->table));
      run->rows += result->source_rows;
    }

  header_table = pad (_("Table"), width, FALSE);
  printf ("%s  %s  %s\n", header_table, header_source, header_destination);
  for (guint i = 0; i < run->results->len; i++)
    {
      XfCopyTableResult *result = g_ptr_array_index (run->results, i);

      printf ("%-*s  %12lld  %12lld\n", width, result->table,
              (long long) result->source_rows, (long long) result->destination_rows);
    }
  printf (_("Copied %lld rows from %s to %s in %.1f s (%.0f rows/s)\n"),
          (long long) run->rows, from, to, run->seconds,
          run->seconds > 0 ? run->rows / run->seconds : 0.0);
}

typedef enum
{
  OPTION_OTHER,
  OPTION_TAKEN,
  OPTION_NO_VALUE,
} OptionResult;

/* "--name VALUE" or "--name=VALUE" into @out. */
static OptionResult
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
        return OPTION_NO_VALUE;
      g_free (*out);
      *out = g_strdup (argv[++*i]);
      return OPTION_TAKEN;
    }
  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    {
      g_free (*out);
      *out = g_strdup (arg + len + 1);
      return OPTION_TAKEN;
    }
  return OPTION_OTHER;
}

int
xf_cli_cmd_copy (XfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  CopyRun run = { 0 };
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char * const *tables;
  guint sigint, sigterm;
  int status;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      OptionResult result = take_option ("--from", &i, argc, argv, &run.from);

      if (result == OPTION_OTHER)
        result = take_option ("--to", &i, argc, argv, &run.to);
      if (result == OPTION_TAKEN)
        continue;
      if (result == OPTION_NO_VALUE)
        xf_cli_fail (_("%s needs a location: a file or a postgresql:// URL"), arg);
      else
        xf_cli_fail (_("Unknown argument “%s”; usage: copy --from LOCATION --to LOCATION"), arg);
      status = 2;
      goto out;
    }
  if (run.from == NULL || run.to == NULL || *run.from == '\0' || *run.to == '\0')
    {
      xf_cli_fail (_("copy needs --from LOCATION and --to LOCATION (a file or a postgresql:// URL)"));
      status = 2;
      goto out;
    }

  run.cancellable = cancellable;
  run.loop = loop;
  run.tty = isatty (STDERR_FILENO);
  run.last_percent = -1;
  tables = xf_copy_get_tables ();
  run.last_of_all = tables[g_strv_length ((char **) tables) - 1];

  sigint = g_unix_signal_add (SIGINT, interrupted_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, interrupted_cb, &run);
  task = g_task_new (NULL, cancellable, copy_done_cb, &run);
  g_task_set_task_data (task, &run, NULL);
  g_task_run_in_thread (task, copy_thread);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  end_line (&run);

  if (run.results == NULL)
    {
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          xf_cli_fail ("%s", _("The copy was cancelled; the destination was left as it was"));
          status = 130;
        }
      else
        status = xf_cli_fail ("%s", run.error->message);
      goto out;
    }
  print_results (&run);
  status = 0;

out:
  g_clear_pointer (&run.results, g_ptr_array_unref);
  g_clear_error (&run.error);
  g_free (run.from);
  g_free (run.to);
  return status;
}
