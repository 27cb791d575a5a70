/* test-deadlines.c — due dates and working days across the official calendar
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected date below was counted by hand against
 * data/calendar/cn-holidays.json (and checked with a separate count):
 *   2024 Spring Festival: holidays Sat 02-10 … Sat 02-17, make-up working
 *     Sundays 02-04 and 02-18.
 *   2024 National Day: holidays Tue 10-01 … Mon 10-07, make-up working
 *     Sunday 09-29 and Saturday 10-12.
 *   2025 Spring Festival: holidays Tue 01-28 … Tue 02-04, make-up working
 *     Sunday 01-26 and Saturday 02-08.
 *   2027 has no published data.
 */

#include "config.h"

#include "xf-calendar.h"
#include "xf-deadline.h"

static XfCalendar *
calendar (void)
{
  g_autoptr(GError) error = NULL;
  XfCalendar *calendar = xf_calendar_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

/* The timing of a stage; @left_on and @today as texts (left_on NULL: open). */
static XfDueTiming
timing_of (const char *entered_on,
           int         budget_days,
           const char *left_on,
           const char *today)
{
  XfDueTiming timing;

  g_assert_true (xf_deadline_compute_text (calendar (), entered_on, budget_days,
                                           left_on, today, &timing));
  return timing;
}

static void
assert_due_on (const XfDueTiming *timing,
               const char        *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_date_valid (&timing->due_on));
  text = xf_date_format ((GDate *) &timing->due_on);
  g_assert_cmpstr (text, ==, expected);
}

static gboolean
working_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return xf_deadline_is_working_time (calendar (), time);
}

/* Wed 2024-02-07 + 5: Thu 8, Fri 9, (10–17 off), Sun 18 (make-up), Mon 19, Tue 20. */
static void
test_spring_festival (void)
{
  XfDueTiming t;

  t = timing_of ("2024-02-07", 5, NULL, "2024-02-19");
  assert_due_on (&t, "2024-02-20");
  g_assert_cmpint (t.days_used, ==, 4);       /* 8, 9, 18, 19 */
  g_assert_cmpint (t.days_left, ==, 1);
  g_assert_cmpint (t.state, ==, XF_DUE_SOON);
  g_assert_false (t.unconfirmed);

  /* On a holiday weekday three working days remain: 18, 19, 20. */
  t = timing_of ("2024-02-07", 5, NULL, "2024-02-15");
  g_assert_cmpint (t.days_used, ==, 2);
  g_assert_cmpint (t.days_left, ==, 3);
  g_assert_cmpint (t.state, ==, XF_DUE_ON_TIME);

  /* On the make-up Sunday, two: it becomes due soon on a Sunday. */
  t = timing_of ("2024-02-07", 5, NULL, "2024-02-18");
  g_assert_cmpint (t.days_used, ==, 3);
  g_assert_cmpint (t.days_left, ==, 2);
  g_assert_cmpint (t.state, ==, XF_DUE_SOON);

  /* Fri 2024-02-02 + 1 is the make-up Sunday 02-04, not Monday. */
  t = timing_of ("2024-02-02", 1, NULL, "2024-02-02");
  assert_due_on (&t, "2024-02-04");

  /* Fri 2024-02-09 + 1 skips the whole holiday to the make-up Sunday 02-18. */
  t = timing_of ("2024-02-09", 1, NULL, "2024-02-09");
  assert_due_on (&t, "2024-02-18");

  /* Mon 2025-01-20 + 6: 21–24, Sun 26 (make-up), Mon 27; + 7 skips 28 Jan – 4 Feb. */
  t = timing_of ("2025-01-20", 6, NULL, "2025-01-20");
  assert_due_on (&t, "2025-01-27");
  t = timing_of ("2025-01-20", 7, NULL, "2025-01-20");
  assert_due_on (&t, "2025-02-05");
}

/* Fri 2024-09-27 + 10: Sun 29, Mon 30, (1–7 off), 8, 9, 10, 11, Sat 12, 14, 15, 16. */
static void
test_national_day (void)
{
  XfDueTiming t;

  t = timing_of ("2024-09-27", 10, NULL, "2024-10-07");
  assert_due_on (&t, "2024-10-16");
  g_assert_cmpint (t.days_used, ==, 2);       /* 29, 30 */
  g_assert_cmpint (t.days_left, ==, 8);
  g_assert_cmpint (t.state, ==, XF_DUE_ON_TIME);

  t = timing_of ("2024-09-27", 10, NULL, "2024-10-12");
  g_assert_cmpint (t.days_used, ==, 7);       /* 29, 30, 8, 9, 10, 11, 12 */
  g_assert_cmpint (t.days_left, ==, 3);

  /* Closed on a holiday: days used stop there. */
  t = timing_of ("2024-09-27", 10, "2024-10-05", "2024-10-20");
  g_assert_cmpint (t.days_used, ==, 2);
  g_assert_cmpint (t.days_left, ==, 0);
  g_assert_cmpint (t.state, ==, XF_DUE_DONE);
}

static void
test_makeup_saturdays (void)
{
  struct { const char *date; gboolean working; } days[] = {
    { "2024-05-11", TRUE },   /* Labour Day make-up Saturday */
    { "2024-09-14", TRUE },   /* Mid-Autumn make-up Saturday */
    { "2024-10-12", TRUE },   /* National Day make-up Saturday */
    { "2025-02-08", TRUE },   /* Spring Festival make-up Saturday */
    { "2024-10-13", FALSE },  /* the Sunday after: rest */
    { "2024-10-19", FALSE },  /* an ordinary Saturday */
    { "2024-10-03", FALSE },  /* a holiday Thursday */
  };
  XfDueTiming t;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;

      g_assert_true (xf_date_parse (days[i].date, &date));
      g_assert_cmpint (xf_calendar_is_working_day (calendar (), &date), ==, days[i].working);
    }

  /* Fri 2024-10-11 + 1 is Saturday 10-12; + 2 is Monday 10-14. */
  t = timing_of ("2024-10-11", 1, NULL, "2024-10-11");
  assert_due_on (&t, "2024-10-12");
  t = timing_of ("2024-10-11", 2, NULL, "2024-10-11");
  assert_due_on (&t, "2024-10-14");

  /* The Saturday counts as a day used; the Sunday does not. */
  t = timing_of ("2024-10-11", 5, NULL, "2024-10-13");
  g_assert_cmpint (t.days_used, ==, 1);

  /* Fri 2025-02-07 + 1 is Saturday 02-08. */
  t = timing_of ("2025-02-07", 1, NULL, "2025-02-07");
  assert_due_on (&t, "2025-02-08");
}

/* The whole promise from real submission dates. */
static void
test_promises (void)
{
  struct { const char *submitted; int promise; const char *due; } cases[] = {
    /* Fri 2024-01-26: Jan 29–31 (3), Feb 1–2 (5), Sun 4 (6), 5–9 (11),
     * Sun 18 (12), 19–23 (17), 26 Feb – 1 Mar (22), 4–8 (27), 11–14 (31), 15 (32). */
    { "2024-01-26", 31, "2024-03-14" },
    { "2024-01-26", 32, "2024-03-15" },
    /* Fri 2024-09-20: 23–27 (5), Sun 29 (6), 30 (7), Oct 8–11 (11),
     * Sat 12 (12), 14–18 (17), 21–25 (22), 28 Oct – 1 Nov (27), 4–7 (31), 8 (32). */
    { "2024-09-20", 31, "2024-11-07" },
    { "2024-09-20", 32, "2024-11-08" },
    /* Mon 2025-01-20: 21–24 (4), Sun 26 (5), 27 (6), Feb 5–7 (9), Sat 8 (10),
     * 10–14 (15), 17–21 (20), 24–28 (25), Mar 3–7 (30), 10 (31), 11 (32). */
    { "2025-01-20", 31, "2025-03-10" },
    { "2025-01-20", 32, "2025-03-11" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XfDueTiming t = timing_of (cases[i].submitted, cases[i].promise, NULL, cases[i].submitted);

      g_test_message ("%s + %d", cases[i].submitted, cases[i].promise);
      assert_due_on (&t, cases[i].due);
      g_assert_false (t.unconfirmed);
      g_assert_cmpint (t.days_left, ==, cases[i].promise);

      /* Decided on the due date: exactly the promise, done on time. */
      t = timing_of (cases[i].submitted, cases[i].promise, cases[i].due, cases[i].due);
      g_assert_cmpint (t.days_used, ==, cases[i].promise);
      g_assert_cmpint (t.state, ==, XF_DUE_DONE);
    }
}

/* Due Wed 2024-10-16 (from Fri 09-27, 10 days), then due Fri 10-18 (from Mon 10-14, 4). */
static void
test_due_soon_and_overdue (void)
{
  struct { const char *today; int days_left; XfDueState state; } cases[] = {
    { "2024-10-11", 4, XF_DUE_ON_TIME },   /* Sat 12, 14, 15, 16 */
    { "2024-10-12", 3, XF_DUE_ON_TIME },   /* the make-up Saturday */
    { "2024-10-13", 3, XF_DUE_ON_TIME },   /* Sunday: still 14, 15, 16 */
    { "2024-10-14", 2, XF_DUE_SOON },      /* the boundary */
    { "2024-10-15", 1, XF_DUE_SOON },
    { "2024-10-16", 0, XF_DUE_SOON },      /* due today */
    { "2024-10-17", -1, XF_DUE_OVERDUE },
    { "2024-10-21", -3, XF_DUE_OVERDUE },  /* 17, 18, 21 */
  };
  XfDueTiming t;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("today %s", cases[i].today);
      t = timing_of ("2024-09-27", 10, NULL, cases[i].today);
      g_assert_cmpint (t.days_left, ==, cases[i].days_left);
      g_assert_cmpint (t.state, ==, cases[i].state);
      g_assert_cmpint (xf_due_state_needs_attention (t.state), ==, cases[i].state != XF_DUE_ON_TIME);
    }

  /* Due Friday; on the Saturday after, no working day has passed, but it is late. */
  t = timing_of ("2024-10-14", 4, NULL, "2024-10-19");
  assert_due_on (&t, "2024-10-18");
  g_assert_cmpint (t.state, ==, XF_DUE_OVERDUE);
  g_assert_cmpint (t.days_left, ==, -1);
  t = timing_of ("2024-10-14", 4, NULL, "2024-10-21");
  g_assert_cmpint (t.days_left, ==, -1);
  t = timing_of ("2024-10-14", 4, NULL, "2024-10-22");
  g_assert_cmpint (t.days_left, ==, -2);
}

static void
test_done_and_late (void)
{
  XfDueTiming t;

  t = timing_of ("2024-09-27", 10, "2024-10-16", "2024-11-01");
  g_assert_cmpint (t.state, ==, XF_DUE_DONE);
  g_assert_cmpint (t.days_used, ==, 10);
  g_assert_cmpint (t.days_left, ==, 0);

  t = timing_of ("2024-09-27", 10, "2024-10-17", "2024-11-01");
  g_assert_cmpint (t.state, ==, XF_DUE_DONE_LATE);
  g_assert_cmpint (t.days_used, ==, 11);
  g_assert_false (xf_due_state_needs_attention (t.state));

  /* Closed on the same day it was entered. */
  t = timing_of ("2024-09-27", 10, "2024-09-27", "2024-11-01");
  g_assert_cmpint (t.state, ==, XF_DUE_DONE);
  g_assert_cmpint (t.days_used, ==, 0);

  /* No budget: no due date, days still counted. */
  t = timing_of ("2024-02-07", 0, NULL, "2024-02-19");
  g_assert_cmpint (t.state, ==, XF_DUE_NONE);
  g_assert_false (g_date_valid (&t.due_on));
  g_assert_cmpint (t.days_used, ==, 4);
  g_assert_false (xf_due_state_needs_attention (t.state));

  g_assert_cmpstr (xf_due_state_to_string (XF_DUE_DONE_LATE), ==, "done-late");
  g_assert_cmpstr (xf_due_state_to_string (XF_DUE_SOON), ==, "soon");
  g_assert_cmpstr (xf_due_state_label (XF_DUE_OVERDUE), ==, "Overdue");
}

/* Thu 2026-12-24 + 10: Fri 25, 28–31, then 2027 by weekends only: Fri 1, 4–7. */
static void
test_unconfirmed (void)
{
  XfDueTiming t;

  t = timing_of ("2026-12-24", 10, NULL, "2026-12-24");
  assert_due_on (&t, "2027-01-07");
  g_assert_true (t.unconfirmed);

  t = timing_of ("2026-12-01", 5, NULL, "2026-12-01");
  assert_due_on (&t, "2026-12-08");
  g_assert_false (t.unconfirmed);

  /* Days used reaching into 2027 are unconfirmed too, even without a budget. */
  t = timing_of ("2026-12-28", 0, NULL, "2027-01-05");
  g_assert_true (t.unconfirmed);
  g_assert_cmpint (t.days_used, ==, 6);       /* 29–31, then Fri 1, Mon 4, Tue 5 */
}

static void
test_text_input (void)
{
  XfDueTiming t;

  g_assert_false (xf_deadline_compute_text (calendar (), "2024-02-30", 5, NULL, "2024-03-01", &t));
  g_assert_false (xf_deadline_compute_text (calendar (), NULL, 5, NULL, "2024-03-01", &t));
  g_assert_false (xf_deadline_compute_text (calendar (), "2024-02-07", 5, "07/02/2024", "2024-03-01", &t));
  g_assert_false (xf_deadline_compute_text (calendar (), "2024-02-07", 5, NULL, "tomorrow", &t));

  /* Without a today, xf_clock_today: $XIANFENG_TODAY. */
  g_setenv ("XIANFENG_TODAY", "2024-02-18", TRUE);
  g_assert_true (xf_deadline_compute_text (calendar (), "2024-02-07", 5, NULL, NULL, &t));
  g_assert_cmpint (t.days_left, ==, 2);
  g_assert_cmpint (t.state, ==, XF_DUE_SOON);
  g_setenv ("XIANFENG_TODAY", "2024-02-21", TRUE);
  g_assert_true (xf_deadline_compute_text (calendar (), "2024-02-07", 5, NULL, NULL, &t));
  g_assert_cmpint (t.state, ==, XF_DUE_OVERDUE);
  g_unsetenv ("XIANFENG_TODAY");
}

static void
test_working_time (void)
{
  /* Tue 2024-10-08, an ordinary working day. */
  g_assert_false (working_time (2024, 10, 8, 8, 29));
  g_assert_true (working_time (2024, 10, 8, 8, 30));
  g_assert_true (working_time (2024, 10, 8, 11, 59));
  g_assert_false (working_time (2024, 10, 8, 12, 0));
  g_assert_false (working_time (2024, 10, 8, 13, 29));
  g_assert_true (working_time (2024, 10, 8, 13, 30));
  g_assert_true (working_time (2024, 10, 8, 17, 29));
  g_assert_false (working_time (2024, 10, 8, 17, 30));
  g_assert_false (working_time (2024, 10, 8, 20, 0));

  /* Make-up Saturday and Sunday are working time; a holiday weekday is not. */
  g_assert_true (working_time (2024, 10, 12, 10, 0));
  g_assert_true (working_time (2024, 2, 18, 9, 0));
  g_assert_false (working_time (2024, 10, 3, 10, 0));
  g_assert_false (working_time (2024, 2, 14, 10, 0));
  g_assert_false (working_time (2024, 10, 13, 10, 0));
  g_assert_false (working_time (2024, 10, 19, 10, 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/deadlines/spring-festival", test_spring_festival);
  g_test_add_func ("/core/deadlines/national-day", test_national_day);
  g_test_add_func ("/core/deadlines/makeup-saturdays", test_makeup_saturdays);
  g_test_add_func ("/core/deadlines/promises", test_promises);
  g_test_add_func ("/core/deadlines/due-soon-and-overdue", test_due_soon_and_overdue);
  g_test_add_func ("/core/deadlines/done-and-late", test_done_and_late);
  g_test_add_func ("/core/deadlines/unconfirmed", test_unconfirmed);
  g_test_add_func ("/core/deadlines/text-input", test_text_input);
  g_test_add_func ("/core/deadlines/working-time", test_working_time);

  return g_test_run ();
}
