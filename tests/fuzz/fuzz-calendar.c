/* fuzz-calendar.c — holiday calendar data (data/calendar/) over any
 * bytes, then the working-day arithmetic over what was loaded
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-calendar.h"
#include "xf-error.h"
#include "xf-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const int codes[] = { XF_ERROR_CORRUPT, XF_ERROR_INVALID };
  g_autoptr(XfCalendar) calendar = g_object_new (XF_TYPE_CALENDAR, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_malloc (size + 1);
  GDate start, end, result;

  if (size > 0)
    memcpy (json, data, size);
  json[size] = '\0';
  if (!xf_calendar_load_data (calendar, json, (gssize) size, &error))
    {
      xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
      return 0;
    }
  g_assert_no_error (error);

  /* Whatever was loaded, the arithmetic stays consistent: n working days
   * after a day are n working days between them. */
  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_clear (&result, 1);
  g_date_set_dmy (&start, 20, G_DATE_DECEMBER, 2025);
  g_date_set_dmy (&end, 10, G_DATE_FEBRUARY, 2026);
  for (guint n = 1; n <= 40; n += 13)
    {
      gboolean unconfirmed = FALSE;

      xf_calendar_add_working_days (calendar, &start, n, &result, &unconfirmed);
      g_assert_true (g_date_valid (&result));
      g_assert_true (xf_calendar_is_working_day (calendar, &result));
      g_assert_cmpint (xf_calendar_working_days_between (calendar, &start, &result, &unconfirmed), ==, (int) n);
    }
  for (GDate day = start; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      const char *name = xf_calendar_holiday_name (calendar, &day);

      if (name != NULL)
        g_assert_true (g_utf8_validate (name, -1, NULL));
    }
  (void) xf_calendar_is_year_confirmed (calendar, 2026);
  return 0;
}
