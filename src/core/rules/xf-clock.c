/* xf-clock.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-clock"

#include "config.h"

#include "xf-calendar.h"
#include "xf-clock.h"

static gboolean
get_override (GDate *date)
{
  const char *text = g_getenv ("XIANFENG_TODAY");

  return text != NULL && *text != '\0' && xf_date_parse (text, date);
}

void
xf_clock_today (GDate *date)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (get_override (date))
    return;
  now = g_date_time_new_now_local ();
  g_date_set_dmy (date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

char *
xf_clock_today_text (void)
{
  GDate date;

  xf_clock_today (&date);
  return xf_date_format (&date);
}

GDateTime *
xf_clock_now_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  if (!get_override (&date))
    return g_steal_pointer (&now);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), g_date_time_get_hour (now),
                                g_date_time_get_minute (now),
                                g_date_time_get_seconds (now));
}
