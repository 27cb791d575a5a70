/* test-services-response.c — response times in working hours and days
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "xf-deadline.h"
#include "xf-clock.h"
#include "xf-test-services.h"

/*
 * The office works 08:30–12:00 and 13:30–17:30 on working days. In 2026:
 * 4–6 April (Sat–Mon) are the Tomb-sweeping holiday; Saturday 28 February
 * and Saturday 14 February are make-up working days (调休上班); March has
 * no holiday.
 */

static XfCalendar *
calendar (void)
{
  g_autoptr(GError) error = NULL;
  XfCalendar *calendar = xf_calendar_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

/* "2026-03-09 09:00" in China Standard Time (no tzdata needed). */
static GDateTime *
cst (const char *text)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  return g_date_time_new (zone, y, mo, d, h, mi, 0);
}

static void
assert_hours (const char *start,
              int         hours,
              const char *expected)
{
  g_autoptr(GDateTime) from = cst (start);
  g_autoptr(GDateTime) due = xf_deadline_add_working_hours (calendar (), from, hours);
  g_autofree char *text = g_date_time_format (due, "%Y-%m-%d %H:%M");

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s + %d working hours: %s, not %s", start, hours, text, expected);
  g_assert_cmpint (g_date_time_get_utc_offset (due), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
test_working_hours (void)
{
  /* Within a morning, across lunch, exactly to a window's end. */
  assert_hours ("2026-03-09 09:00", 2, "2026-03-09 11:00");
  assert_hours ("2026-03-09 09:00", 4, "2026-03-09 14:30");
  assert_hours ("2026-03-09 08:30", 4, "2026-03-09 14:00");
  assert_hours ("2026-03-09 08:30", 3, "2026-03-09 11:30");
  assert_hours ("2026-03-09 13:30", 4, "2026-03-09 17:30");
  /* Lunch break: the time starts at 13:30. */
  assert_hours ("2026-03-09 12:30", 1, "2026-03-09 14:30");
  /* Before the office opens, after it closes. */
  assert_hours ("2026-03-09 06:00", 1, "2026-03-09 09:30");
  assert_hours ("2026-03-09 18:00", 1, "2026-03-10 09:30");
  assert_hours ("2026-03-09 17:00", 1, "2026-03-10 09:00");
  /* A whole working day is 7.5 hours. */
  assert_hours ("2026-03-09 08:30", 8, "2026-03-10 09:00");
  assert_hours ("2026-03-09 08:30", 15, "2026-03-10 17:30");
  /* Over a weekend. */
  assert_hours ("2026-03-13 16:30", 2, "2026-03-16 09:30");
  assert_hours ("2026-03-14 10:00", 1, "2026-03-16 09:30");
  /* Over the Tomb-sweeping holiday (Sat 4 – Mon 6 April). */
  assert_hours ("2026-04-03 17:00", 1, "2026-04-07 09:00");
  /* A make-up working Saturday counts. */
  assert_hours ("2026-02-27 17:00", 1, "2026-02-28 09:00");
  assert_hours ("2026-02-28 17:00", 1, "2026-03-02 09:00");
  /* Nothing to add. */
  assert_hours ("2026-03-14 10:00", 0, "2026-03-14 10:00");
}

static gint64
local_us (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (y, mo, d, h, mi, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
test_response_due (ServicesFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(XfServiceItem) days = xf_service_item_new ();
  g_autoptr(XfServiceItem) hours = xf_service_item_new ();

  g_free (days->response_unit);
  days->response_unit = g_strdup (XF_RESPONSE_DAYS);
  days->response_amount = 3;
  g_free (hours->response_unit);
  hours->response_unit = g_strdup (XF_RESPONSE_HOURS);
  hours->response_amount = 4;

  /* Days: the end (17:30) of the third working day after the day it came in. */
  g_assert_cmpint (xf_services_response_due (fixture->services, days, local_us (2026, 3, 9, 10, 0)),
                   ==, local_us (2026, 3, 12, 17, 30));
  /* Late on Friday: Wednesday. */
  g_assert_cmpint (xf_services_response_due (fixture->services, days, local_us (2026, 3, 13, 22, 0)),
                   ==, local_us (2026, 3, 18, 17, 30));
  /* Over the holiday: Friday 3 April, then Tuesday 7 and Wednesday 8. */
  g_assert_cmpint (xf_services_response_due (fixture->services, days, local_us (2026, 4, 2, 9, 0)),
                   ==, local_us (2026, 4, 8, 17, 30));
  /* A make-up Saturday is a working day. */
  days->response_amount = 1;
  g_assert_cmpint (xf_services_response_due (fixture->services, days, local_us (2026, 2, 27, 9, 0)),
                   ==, local_us (2026, 2, 28, 17, 30));

  /* Hours, in the office's windows: 1.5 on the day, 2.5 the next working morning. */
  g_assert_cmpint (xf_services_response_due (fixture->services, hours, local_us (2026, 3, 9, 16, 0)),
                   ==, local_us (2026, 3, 10, 11, 0));
  g_assert_cmpint (xf_services_response_due (fixture->services, hours, local_us (2026, 4, 3, 16, 0)),
                   ==, local_us (2026, 4, 7, 11, 0));
}

static gboolean
is_overdue (ServicesFixture *fixture,
            gint64           id)
{
  g_autoptr(XfServiceRequest) request = xf_test_services_get (fixture->services, id);

  return request->overdue;
}

static guint
overdue_listed (ServicesFixture *fixture)
{
  XfServiceRequestQuery query = { .overdue_only = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_services_list_requests (fixture->services, &query, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_overdue_flag (ServicesFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(XfServiceRequest) epidemic = xf_test_services_new_request ("cp-epidemic-prevention");
  g_autoptr(GError) error = NULL;
  gint64 hours_id, days_id;

  /* Monday 9 March: 4 working hours, and 3 working days (Thursday 17:30). */
  hours_id = xf_test_services_create (fixture->services, epidemic);
  days_id = xf_test_services_open_request (fixture, 0);
  g_assert_false (is_overdue (fixture, hours_id));
  g_assert_false (is_overdue (fixture, days_id));
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 0);
  g_assert_cmpuint (overdue_listed (fixture), ==, 0);

  /* Wednesday: four working hours have passed whenever on Monday it came in. */
  xf_test_services_set_today ("2026-03-11");
  g_assert_true (is_overdue (fixture, hours_id));
  g_assert_false (is_overdue (fixture, days_id));
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 1);
  g_assert_cmpuint (overdue_listed (fixture), ==, 1);

  /* Friday: both. */
  xf_test_services_set_today ("2026-03-13");
  g_assert_true (is_overdue (fixture, days_id));
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 2);

  /* Claimed, it is no longer flagged. */
  g_assert_true (xf_services_claim (fixture->services, hours_id, fixture->wang, &error));
  g_assert_no_error (error);
  g_assert_false (is_overdue (fixture, hours_id));
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 1);
  g_assert_cmpuint (overdue_listed (fixture), ==, 1);
  g_assert_no_error (error);
}

/* Sets request @id's response deadline @minutes from now (negative: past). */
static void
set_due_in (ServicesFixture *fixture,
            gint64           id,
            int              minutes)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  gint64 due = g_date_time_to_unix (now) * G_USEC_PER_SEC + (gint64) minutes * 60 * G_USEC_PER_SEC;
  g_autofree char *sql = g_strdup_printf ("UPDATE service_requests SET response_due_at = %" G_GINT64_FORMAT
                                          " WHERE id = %" G_GINT64_FORMAT, due, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

/* Late items are visible before they are late: an unclaimed request whose
 * response time ends within XF_REQUEST_DUE_SOON_MINUTES is due soon; past
 * it, overdue instead; claimed, neither. */
static void
test_due_soon (ServicesFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, 0);
  XfServiceRequestQuery all = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(XfServiceRequest) request = NULL;

  set_due_in (fixture, id, XF_REQUEST_DUE_SOON_MINUTES + 30);
  request = xf_test_services_get (fixture->services, id);
  g_assert_false (request->due_soon);
  g_assert_false (request->overdue);
  g_clear_pointer (&request, xf_service_request_free);

  set_due_in (fixture, id, XF_REQUEST_DUE_SOON_MINUTES - 30);
  request = xf_test_services_get (fixture->services, id);
  g_assert_true (request->due_soon);
  g_assert_false (request->overdue);
  list = xf_services_list_requests (fixture->services, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((XfServiceRequest *) g_ptr_array_index (list, 0))->due_soon);
  g_clear_pointer (&request, xf_service_request_free);

  set_due_in (fixture, id, -5);
  request = xf_test_services_get (fixture->services, id);
  g_assert_false (request->due_soon);
  g_assert_true (request->overdue);
  g_clear_pointer (&request, xf_service_request_free);

  set_due_in (fixture, id, 30);
  g_assert_true (xf_services_claim (fixture->services, id, fixture->wang, &error));
  g_assert_no_error (error);
  request = xf_test_services_get (fixture->services, id);
  g_assert_false (request->due_soon);
  g_assert_false (request->overdue);
}

/* A booking its pioneer never answers is as unclaimed as an open request:
 * flagged for the dispatcher past the same response time. A decline opens
 * it to everyone with the deadline it had: the response time is the
 * requester's wait, counted from the order, so a late decline leaves it
 * flagged at once rather than giving it a fresh wait. */
static void
test_booking_response (ServicesFixture *fixture,
                       gconstpointer    data)
{
  XfServiceRequestQuery unclaimed = { .status = "unclaimed" };
  g_autoptr(XfServiceRequest) before = NULL;
  g_autoptr(XfServiceRequest) after = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  gint64 booked, open;

  /* Monday 9 March, legal aid: 3 working days, Thursday 17:30. */
  booked = xf_test_services_open_request (fixture, fixture->li);
  xf_test_services_set_today ("2026-03-10");
  open = xf_test_services_open_request (fixture, 0);
  before = xf_test_services_get (fixture->services, booked);
  g_assert_cmpstr (before->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpint (before->response_due_at, ==, local_us (2026, 3, 12, 17, 30));

  /* Friday: the unanswered booking is flagged, counted and heads the queue. */
  xf_test_services_set_today ("2026-03-13");
  g_assert_true (is_overdue (fixture, booked));
  g_assert_false (is_overdue (fixture, open));
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 1);
  g_assert_no_error (error);
  queue = xf_services_list_requests (fixture->services, &unclaimed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  g_assert_cmpint (((XfServiceRequest *) g_ptr_array_index (queue, 0))->id, ==, booked);
  actions = xf_services_allowed_actions (fixture->services, before);
  g_assert_true (g_strv_contains ((const char * const *) actions, "assign"));

  /* Declined on Friday: open for anyone, still due Thursday, still flagged. */
  g_assert_true (xf_services_decline_booking (fixture->services, booked, "本周外出", &error));
  g_assert_no_error (error);
  after = xf_test_services_get (fixture->services, booked);
  g_assert_cmpstr (after->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpint (after->booked_pioneer_id, ==, 0);
  g_assert_cmpint (after->response_due_at, ==, before->response_due_at);
  g_assert_true (after->overdue);
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/services/response/working-hours", test_working_hours);
  add_services_test ("/core/services/response/due", test_response_due);
  add_services_test ("/core/services/response/overdue-flag", test_overdue_flag);
  add_services_test ("/core/services/response/booking", test_booking_response);
  add_services_test ("/core/services/response/due-soon", test_due_soon);

  return g_test_run ();
}
