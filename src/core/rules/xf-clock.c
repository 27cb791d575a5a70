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

/* The local zone, read again after ZONE_LIFETIME microseconds. */
#define ZONE_LIFETIME (60 * G_USEC_PER_SEC)

G_LOCK_DEFINE_STATIC (zone);
static GTimeZone *zone;
static gint64 zone_read_at;

GDateTime *
xf_clock_real_now (void)
{
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GTimeZone) local = NULL;

  G_LOCK (zone);
  if (zone == NULL || now - zone_read_at > ZONE_LIFETIME)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      zone_read_at = now;
    }
  local = g_time_zone_ref (zone);
  G_UNLOCK (zone);
  return g_date_time_new_now (local);
}

void
xf_clock_real_today (GDate *date)
{
  g_autoptr(GDateTime) now = xf_clock_real_now ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

void
xf_clock_today (GDate *date)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (get_override (date))
    return;
  now = xf_clock_real_now ();
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
  g_autoptr(GDateTime) now = xf_clock_real_now ();
  GDate date;

  g_date_clear (&date, 1);
  if (!get_override (&date))
    return g_steal_pointer (&now);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), g_date_time_get_hour (now),
                                g_date_time_get_minute (now),
                                g_date_time_get_seconds (now));
}
