/* xf-calendar.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * XfCalendar: official working days. A day is a working day when it is a
 * make-up working day (调休上班), or a weekday that is not an official
 * holiday. For a year the data does not cover, only weekends are rest days
 * and the year is reported as unconfirmed.
 */

#define XF_TYPE_CALENDAR (xf_calendar_get_type ())

G_DECLARE_FINAL_TYPE (XfCalendar, xf_calendar, XF, CALENDAR, GObject)

/* The shipped calendar (data/calendar/cn-holidays.json), loaded once. */
XfCalendar *xf_calendar_get_default      (GError     **error);
/* (transfer full) The shipped calendar, or — when it cannot be loaded,
 * said once as a warning — one that knows only weekends. */
XfCalendar *xf_calendar_dup_default_or_weekends (void);
XfCalendar *xf_calendar_new_from_file    (const char  *path,
                                          GError     **error);
/* Merges another published year (same JSON format), e.g. loaded by an administrator. */
gboolean    xf_calendar_load_data        (XfCalendar  *self,
                                          const char  *json,
                                          gssize       length,
                                          GError     **error);

gboolean    xf_calendar_is_working_day   (XfCalendar  *self,
                                          GDate       *date);
gboolean    xf_calendar_is_year_confirmed (XfCalendar *self,
                                          int          year);
/* The holiday's name for the locale, or NULL when not a holiday. */
const char *xf_calendar_holiday_name     (XfCalendar  *self,
                                          GDate       *date);
/* The date n (>= 1) working days after start, start itself not counted.
 * *unconfirmed is set when any year crossed has no published data. */
void        xf_calendar_add_working_days (XfCalendar  *self,
                                          GDate       *start,
                                          guint        n,
                                          GDate       *result,
                                          gboolean    *unconfirmed);
/* The number of working days d with a < d <= b (negative when b < a). */
int         xf_calendar_working_days_between (XfCalendar *self,
                                          GDate       *a,
                                          GDate       *b,
                                          gboolean    *unconfirmed);

/* Parses "YYYY-MM-DD" strictly (real calendar date); FALSE otherwise. */
gboolean    xf_date_parse                (const char  *text,
                                          GDate       *date);
char       *xf_date_format               (GDate       *date);

G_END_DECLS
