/* xf-cli-demo.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-demo.h"
#include "xf-demo-evaluation.h"

typedef struct
{
  gboolean tty;
  int      last_quarter;  /* lines printed when stderr is not a terminal */
} ProgressLine;

static void
show_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  ProgressLine *line = user_data;
  int percent = total > 0 ? (int) (done * 100 / total) : 100;

  if (line->tty)
    {
      fputc ('\r', stderr);
      fprintf (stderr, _("Generating demo data… %d%%"), percent);
      fflush (stderr);
      return;
    }
  /* A log gets a line at each quarter, not a hundred. */
  if (percent / 25 > line->last_quarter)
    {
      line->last_quarter = percent / 25;
      fprintf (stderr, _("Generating demo data… %d%%"), percent);
      fputc ('\n', stderr);
    }
}

static gboolean
parse_count (const char  *text,
             guint64      max,
             guint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

int
xf_cli_cmd_demo (XfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  XfDemoOptions options;
  ProgressLine line = { isatty (STDERR_FILENO), 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  XfStore *store;
  XfAccounts *accounts;
  XfDb *db;
  gint64 individuals, collectives, honours, n_accounts, campaigns, nominations;
  gboolean with_accounts = TRUE;

  xf_demo_options_init (&options);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      guint64 number;

      if (g_str_equal (arg, "--pioneers") || g_str_equal (arg, "--collectives"))
        {
          if (value == NULL || !parse_count (value, G_MAXUINT32, &number))
            {
              xf_cli_fail (_("%s needs a number from 0 to %u"), arg, G_MAXUINT32);
              return 2;
            }
          if (g_str_equal (arg, "--pioneers"))
            options.pioneers = (guint) number;
          else
            options.collectives = (guint) number;
          i++;
        }
      else if (g_str_equal (arg, "--no-accounts"))
        with_accounts = FALSE;
      else if (g_str_equal (arg, "--seed"))
        {
          if (value == NULL || !parse_count (value, G_MAXUINT64, &number))
            {
              xf_cli_fail (_("--seed needs a whole number"));
              return 2;
            }
          options.seed = number;
          i++;
        }
      else
        {
          xf_cli_fail (_("Unknown argument “%s”; usage: demo [--pioneers N] [--collectives N] [--seed S] [--no-accounts]"),
                       arg);
          return 2;
        }
    }

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  /* The demo accounts, with their well-known password, must never join a
   * real database's accounts: only a database without any gets them. */
  accounts = xf_cli_context_get_accounts (ctx);
  n_accounts = xf_accounts_count (accounts, &error);
  if (n_accounts < 0)
    return xf_cli_fail ("%s", error->message);
  if (n_accounts > 0)
    return xf_cli_fail (_("This database has accounts: demo fills only a new database"));

  timer = g_timer_new ();
  if (!xf_demo_generate (store, &options, show_progress, &line, NULL, &error))
    {
      if (line.tty)
        fputc ('\n', stderr);
      return xf_cli_fail ("%s", error->message);
    }
  if (line.tty)
    fputc ('\n', stderr);

  db = xf_store_get_db (store);
  individuals = xf_db_query_int64 (db, "SELECT count(*) FROM pioneers WHERE kind = 'individual'", 0, NULL);
  collectives = xf_db_query_int64 (db, "SELECT count(*) FROM pioneers WHERE kind = 'collective'", 0, NULL);
  honours = xf_db_query_int64 (db, "SELECT count(*) FROM honours", 0, NULL);
  printf (_("Added %lld individuals, %lld collectives and %lld honours in %.1f s\n"),
          (long long) individuals, (long long) collectives, (long long) honours, g_timer_elapsed (timer, NULL));

  /* Benchmarks and scripts want a file the CLI and the app open as the
   * local administrator, without a sign-in on every call. */
  if (!with_accounts)
    {
      printf (_("No demo campaigns: their committees need the demo accounts\n"));
      return 0;
    }
  if (!xf_accounts_create_demo (accounts, &error))
    return xf_cli_fail ("%s", error->message);
  /* TRANSLATORS: the logins and the password are typed as they are: do not translate them. */
  printf (_("Demo accounts: admin, clerk, reviewer, dispatcher and auditor, password “xianfeng”\n"));

  /* The campaigns come right after the accounts: their committees are
   * those accounts. */
  g_timer_start (timer);
  if (!xf_demo_generate_evaluation (store, options.seed, &error))
    return xf_cli_fail ("%s", error->message);
  campaigns = xf_db_query_int64 (db, "SELECT count(*) FROM campaigns", 0, NULL);
  nominations = xf_db_query_int64 (db, "SELECT count(*) FROM nominations", 0, NULL);
  printf (_("Demo campaigns: %lld campaigns with %lld nominations in %.1f s\n"),
          (long long) campaigns, (long long) nominations, g_timer_elapsed (timer, NULL));
  /* TRANSLATORS: the logins and the password are typed as they are: do not translate them. */
  printf (_("Committee accounts: reviewer2 to reviewer7, password “xianfeng”\n"));
  return 0;
}
