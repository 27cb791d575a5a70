/* xf-cli-rules.c — check-id, check-uscc and workdays
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-cli.h"
#include "xf-identity.h"

/* Exit status for a command line that cannot be understood. */
#define EXIT_USAGE 2
/* About 380 years of working days: more is surely a typing slip. */
#define MAX_WORKING_DAYS 100000

static int
usage (const char *text)
{
  fprintf (stderr, "%s\n", text);
  return EXIT_USAGE;
}

int
xf_cli_cmd_check_id (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GError) error = NULL;
  XfIdentityFacts facts;

  if (argc != 2)
    return usage (_("Usage: xianfeng-cli check-id NUMBER"));

  if (!xf_identity_check_id_number (argv[1], &facts, &error))
    return xf_cli_fail ("%s", error->message);

  printf (_("Region: %s\n"), facts.region_code);
  printf (_("Birth date: %s\n"), facts.birth_date);
  printf (_("Gender: %s\n"), g_str_equal (facts.gender, "male") ? _("male") : _("female"));
  return 0;
}

static const char *
authority_name (char code)
{
  switch (code)
    {
    case '1': return _("Institutional establishment");
    case '2': return _("Foreign affairs");
    case '3': return _("Judicial administration");
    case '4': return _("Culture");
    case '5': return _("Civil affairs");
    case '6': return _("Tourism");
    case '7': return _("Religious affairs");
    case '8': return _("Trade unions");
    case '9': return _("Market regulation");
    case 'A': return _("Central Military Commission");
    case 'N': return _("Agriculture");
    default: return _("Other");
    }
}

int
xf_cli_cmd_check_uscc (XfCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  g_autoptr(GError) error = NULL;
  const char *code;

  if (argc != 2)
    return usage (_("Usage: xianfeng-cli check-uscc CODE"));

  code = argv[1];
  if (!xf_identity_check_credit_code (code, &error))
    return xf_cli_fail ("%s", error->message);

  printf (_("Registration authority: %c (%s)\n"), code[0], authority_name (code[0]));
  printf (_("Region: %.6s\n"), code + 2);
  printf (_("Organisation code: %.9s\n"), code + 8);
  return 0;
}

/* One warning per run of unconfirmed years among the days in (from, to]. */
static void
warn_unconfirmed (XfCalendar *calendar,
                  GDate      *from,
                  GDate      *to)
{
  GDate first = *from;
  int last_year = g_date_get_year (to);
  int run_start = 0;

  g_date_add_days (&first, 1);
  for (int year = g_date_get_year (&first); year <= last_year + 1; year++)
    {
      gboolean unconfirmed = year <= last_year && !xf_calendar_is_year_confirmed (calendar, year);

      if (unconfirmed && run_start == 0)
        run_start = year;
      else if (!unconfirmed && run_start != 0)
        {
          if (run_start == year - 1)
            fprintf (stderr, _("Working days in %d are not confirmed: only weekends are counted\n"),
                     run_start);
          else
            fprintf (stderr, _("Working days in %d–%d are not confirmed: only weekends are counted\n"),
                     run_start, year - 1);
          run_start = 0;
        }
    }
}

static gboolean
parse_date_arg (const char *text,
                GDate      *date)
{
  if (xf_date_parse (text, date))
    return TRUE;
  xf_cli_fail (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2024-02-04"), text);
  return FALSE;
}

static int
workdays_add (XfCalendar  *calendar,
              char       **argv)
{
  g_autofree char *text = NULL;
  gboolean unconfirmed = FALSE;
  guint64 n;
  GDate start, result;

  if (!parse_date_arg (argv[0], &start))
    return EXIT_USAGE;
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, MAX_WORKING_DAYS, &n, NULL))
    {
      xf_cli_fail (_("“%s” is not a number of working days from 1 to %d"),
                   argv[1], MAX_WORKING_DAYS);
      return EXIT_USAGE;
    }

  xf_calendar_add_working_days (calendar, &start, n, &result, &unconfirmed);
  if (!g_date_valid (&result))
    return xf_cli_fail (_("The date falls after the year 9999"));

  if (unconfirmed)
    warn_unconfirmed (calendar, &start, &result);
  text = xf_date_format (&result);
  printf ("%s\n", text);
  return 0;
}

static int
workdays_between (XfCalendar  *calendar,
                  char       **argv)
{
  gboolean unconfirmed = FALSE;
  GDate a, b;
  int count;

  if (!parse_date_arg (argv[0], &a) || !parse_date_arg (argv[1], &b))
    return EXIT_USAGE;

  count = xf_calendar_working_days_between (calendar, &a, &b, &unconfirmed);
  if (unconfirmed)
    {
      if (g_date_compare (&a, &b) <= 0)
        warn_unconfirmed (calendar, &a, &b);
      else
        warn_unconfirmed (calendar, &b, &a);
    }
  printf ("%d\n", count);
  return 0;
}

int
xf_cli_cmd_workdays (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GError) error = NULL;
  XfCalendar *calendar;

  if (argc != 4 || !(g_str_equal (argv[1], "add") || g_str_equal (argv[1], "between")))
    return usage (_("Usage: xianfeng-cli workdays add DATE N | workdays between A B"));

  /* The shared calendar: not ours to unref. */
  calendar = xf_calendar_get_default (&error);
  if (calendar == NULL)
    return xf_cli_fail ("%s", error->message);

  if (g_str_equal (argv[1], "add"))
    return workdays_add (calendar, argv + 2);
  return workdays_between (calendar, argv + 2);
}
