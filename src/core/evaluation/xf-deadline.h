/* xf-deadline.h — due dates and days used, in official working days
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-calendar.h"

G_BEGIN_DECLS

/*
 * A stage entered on day E with a budget of B working days is due on
 * E + B working days (xf_calendar_add_working_days: E itself not counted).
 * Days used: working days d with E < d ≤ (left on, or today). Days left:
 * working days from today to the due date (negative when late).
 * "Due soon" is 0 ≤ days left ≤ 2 (XF_DUE_SOON_DAYS).
 */
#define XF_DUE_SOON_DAYS 2

typedef enum
{
  XF_DUE_NONE,        /* no budget (draft, returned, final stages) */
  XF_DUE_ON_TIME,
  XF_DUE_SOON,
  XF_DUE_OVERDUE,
  XF_DUE_DONE,        /* closed within its budget */
  XF_DUE_DONE_LATE,   /* closed after its due date */
} XfDueState;

typedef struct
{
  GDate      due_on;        /* invalid (g_date_valid FALSE) when budget is 0 */
  int        days_used;
  int        days_left;
  XfDueState state;
  gboolean   unconfirmed;   /* a year crossed has no published holiday data */
} XfDueTiming;

/* @left_on NULL: still open, counted to @today. */
void        xf_deadline_compute   (XfCalendar  *calendar,
                                   const GDate *entered_on,
                                   int          budget_days,
                                   const GDate *left_on,
                                   const GDate *today,
                                   XfDueTiming *timing);
/* The same over "YYYY-MM-DD" texts (NULL left_on / today: open / xf_clock_today). */
gboolean    xf_deadline_compute_text (XfCalendar  *calendar,
                                   const char  *entered_on,
                                   int          budget_days,
                                   const char  *left_on,
                                   const char  *today,
                                   XfDueTiming *timing);
/* The state of an open item due on @due_on, seen on @today, and its
 * working days left (negative when late). A rest day after the due date
 * has no working day in between, but the item is late all the same. */
XfDueState  xf_deadline_open_state (XfCalendar  *calendar,
                                   const GDate *due_on,
                                   const GDate *today,
                                   int         *days_left,
                                   gboolean    *unconfirmed);
const char *xf_due_state_to_string (XfDueState state);   /* "none", "on-time", "soon", "overdue", "done", "done-late" */
const char *xf_due_state_label     (XfDueState state);   /* translated */
/* Whether an item in this state needs attention (soon or overdue). */
gboolean    xf_due_state_needs_attention (XfDueState state);

/* Working time for reminders: a working day, 08:30–12:00 or 13:30–17:30
 * local time (the office's hours). */
gboolean    xf_deadline_is_working_time (XfCalendar *calendar,
                                         GDateTime  *local_time);
/* @hours working hours after @start_local: the time runs only in the
 * working windows above, on working days (调休 make-up days included). A
 * start outside a window counts from the next window's opening; a result
 * exactly at a window's end stays there (4 hours from 08:30 is 12:00).
 * In @start_local's time zone. (transfer full) */
GDateTime  *xf_deadline_add_working_hours (XfCalendar *calendar,
                                           GDateTime  *start_local,
                                           int         hours);

G_END_DECLS
