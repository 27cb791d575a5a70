/* xf-deadline.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-deadline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-deadline.h"

void
xf_deadline_compute (XfCalendar  *calendar,
                     const GDate *entered_on,
                     int          budget_days,
                     const GDate *left_on,
                     const GDate *today,
                     XfDueTiming *timing)
{
  GDate end;
  gboolean unconfirmed = FALSE;

  g_return_if_fail (XF_IS_CALENDAR (calendar));
  g_return_if_fail (entered_on != NULL && g_date_valid (entered_on));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (timing != NULL);

  memset (timing, 0, sizeof *timing);
  g_date_clear (&timing->due_on, 1);

  end = left_on != NULL && g_date_valid (left_on) ? *left_on : *today;
  timing->days_used = MAX (0, xf_calendar_working_days_between (calendar, (GDate *) entered_on,
                                                                  &end, &unconfirmed));
  timing->unconfirmed = unconfirmed;

  if (budget_days <= 0)
    {
      timing->state = XF_DUE_NONE;
      return;
    }

  xf_calendar_add_working_days (calendar, (GDate *) entered_on, (guint) budget_days,
                                &timing->due_on, &unconfirmed);
  timing->unconfirmed |= unconfirmed;
  if (!g_date_valid (&timing->due_on))
    {
      /* Past the calendar's last day: no due date to be late against. */
      timing->state = left_on != NULL && g_date_valid (left_on) ? XF_DUE_DONE : XF_DUE_ON_TIME;
      return;
    }

  if (left_on != NULL && g_date_valid (left_on))
    {
      timing->days_left = 0;
      timing->state = g_date_compare (left_on, &timing->due_on) <= 0
                      ? XF_DUE_DONE : XF_DUE_DONE_LATE;
      return;
    }

  timing->state = xf_deadline_open_state (calendar, &timing->due_on, today,
                                          &timing->days_left, &unconfirmed);
  timing->unconfirmed |= unconfirmed;
}

XfDueState
xf_deadline_open_state (XfCalendar  *calendar,
                        const GDate *due_on,
                        const GDate *today,
                        int         *days_left,
                        gboolean    *unconfirmed)
{
  int left;

  g_return_val_if_fail (XF_IS_CALENDAR (calendar), XF_DUE_NONE);
  g_return_val_if_fail (due_on != NULL && g_date_valid (due_on), XF_DUE_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), XF_DUE_NONE);

  left = xf_calendar_working_days_between (calendar, (GDate *) today, (GDate *) due_on,
                                           unconfirmed);
  if (g_date_compare (today, due_on) > 0)
    {
      /* Late as of the next working day, even when today is a rest day. */
      if (days_left != NULL)
        *days_left = MIN (left, -1);
      return XF_DUE_OVERDUE;
    }
  if (days_left != NULL)
    *days_left = left;
  return left <= XF_DUE_SOON_DAYS ? XF_DUE_SOON : XF_DUE_ON_TIME;
}

gboolean
xf_deadline_compute_text (XfCalendar  *calendar,
                          const char  *entered_on,
                          int          budget_days,
                          const char  *left_on,
                          const char  *today,
                          XfDueTiming *timing)
{
  GDate entered, left, now;

  g_date_clear (&entered, 1);
  g_date_clear (&left, 1);
  g_date_clear (&now, 1);
  if (entered_on == NULL || !xf_date_parse (entered_on, &entered))
    return FALSE;
  /* A database NULL may come back as "" from some readers: still open. */
  if (left_on != NULL && *left_on == '\0')
    left_on = NULL;
  if (left_on != NULL && !xf_date_parse (left_on, &left))
    return FALSE;
  if (today == NULL)
    xf_clock_today (&now);
  else if (!xf_date_parse (today, &now))
    return FALSE;
  xf_deadline_compute (calendar, &entered, budget_days,
                       left_on != NULL ? &left : NULL, &now, timing);
  return TRUE;
}

const char *
xf_due_state_to_string (XfDueState state)
{
  switch (state)
    {
    case XF_DUE_NONE: return "none";
    case XF_DUE_ON_TIME: return "on-time";
    case XF_DUE_SOON: return "soon";
    case XF_DUE_OVERDUE: return "overdue";
    case XF_DUE_DONE: return "done";
    case XF_DUE_DONE_LATE: return "done-late";
    default: g_return_val_if_reached ("none");
    }
}

const char *
xf_due_state_label (XfDueState state)
{
  switch (state)
    {
    case XF_DUE_NONE: return _("No deadline");
    case XF_DUE_ON_TIME: return _("On time");
    case XF_DUE_SOON: return _("Due soon");
    case XF_DUE_OVERDUE: return _("Overdue");
    case XF_DUE_DONE: return _("Done on time");
    case XF_DUE_DONE_LATE: return _("Done late");
    default: g_return_val_if_reached ("");
    }
}

gboolean
xf_due_state_needs_attention (XfDueState state)
{
  return state == XF_DUE_SOON || state == XF_DUE_OVERDUE;
}

gboolean
xf_deadline_is_working_time (XfCalendar *calendar,
                             GDateTime  *local_time)
{
  GDate day;
  int minutes;

  g_return_val_if_fail (XF_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (local_time != NULL, FALSE);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local_time),
                  g_date_time_get_month (local_time), g_date_time_get_year (local_time));
  if (!xf_calendar_is_working_day (calendar, &day))
    return FALSE;
  minutes = g_date_time_get_hour (local_time) * 60 + g_date_time_get_minute (local_time);
  return (minutes >= 8 * 60 + 30 && minutes < 12 * 60)
         || (minutes >= 13 * 60 + 30 && minutes < 17 * 60 + 30);
}

/* The office's working windows, in microseconds from midnight. */
static const struct { gint64 from, to; } working_windows[] = {
  { (8 * 60 + 30) * G_TIME_SPAN_MINUTE, 12 * G_TIME_SPAN_HOUR },
  { (13 * 60 + 30) * G_TIME_SPAN_MINUTE, (17 * 60 + 30) * G_TIME_SPAN_MINUTE },
};

/* A calendar with no working day at all must not loop for ever: ten years
 * of rest days is beyond any published arrangement. */
#define MAX_DAYS_SEARCHED 3660

GDateTime *
xf_deadline_add_working_hours (XfCalendar *calendar,
                               GDateTime  *start_local,
                               int         hours)
{
  g_autoptr(GDateTime) midnight = NULL;
  gint64 left, at;

  g_return_val_if_fail (XF_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (start_local != NULL, NULL);

  if (hours <= 0)
    return g_date_time_ref (start_local);

  left = hours * G_TIME_SPAN_HOUR;
  midnight = g_date_time_new (g_date_time_get_timezone (start_local),
                              g_date_time_get_year (start_local),
                              g_date_time_get_month (start_local),
                              g_date_time_get_day_of_month (start_local), 0, 0, 0);
  at = g_date_time_difference (start_local, midnight);

  for (int n = 0; n < MAX_DAYS_SEARCHED; n++)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (midnight),
                      g_date_time_get_month (midnight), g_date_time_get_year (midnight));
      if (xf_calendar_is_working_day (calendar, &day))
        for (guint w = 0; w < G_N_ELEMENTS (working_windows); w++)
          {
            gint64 from = MAX (at, working_windows[w].from);
            gint64 available = working_windows[w].to - from;

            if (available <= 0)
              continue;
            if (left <= available)
              {
                gint64 due = from + left;

                /* Wall-clock time, not elapsed time, on a day with a DST jump. */
                return g_date_time_new (g_date_time_get_timezone (midnight),
                                        g_date_time_get_year (midnight),
                                        g_date_time_get_month (midnight),
                                        g_date_time_get_day_of_month (midnight),
                                        (int) (due / G_TIME_SPAN_HOUR),
                                        (int) (due / G_TIME_SPAN_MINUTE % 60),
                                        (double) (due % G_TIME_SPAN_MINUTE) / G_TIME_SPAN_SECOND);
              }
            left -= available;
            at = working_windows[w].to;
          }

      /* The next day's midnight, by the calendar (not + 24 h). */
      {
        GDateTime *next = g_date_time_add_days (midnight, 1);
        GDateTime *next_midnight = g_date_time_new (g_date_time_get_timezone (next),
                                                    g_date_time_get_year (next),
                                                    g_date_time_get_month (next),
                                                    g_date_time_get_day_of_month (next), 0, 0, 0);

        g_date_time_unref (next);
        g_date_time_unref (midnight);
        midnight = next_midnight;
        at = 0;
      }
    }
  g_return_val_if_reached (g_date_time_ref (start_local));
}
