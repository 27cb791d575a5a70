/* test-care-calendar.c — the care calendar: round birthdays (29 February,
 *                        across New Year), honour anniversaries, health
 *                        checks due, visits, batch dates; reminders on
 *                        working days around holidays and make-up days
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-people.h"

static GPtrArray *
calendar (CareFixture *fixture,
          const char  *from,
          const char  *to,
          const char  *region,
          guint        remind_days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = xf_care_calendar (fixture->care, from, to, region, remind_days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* The item of @kind about @pioneer_id on @date, or NULL. */
static const XfCareCalendarItem *
find (GPtrArray  *items,
      const char *kind,
      gint64      pioneer_id,
      const char *date)
{
  for (guint i = 0; i < items->len; i++)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->kind, kind) && item->pioneer_id == pioneer_id
          && (date == NULL || g_str_equal (item->date, date)))
        return item;
    }
  return NULL;
}

static guint
count_kind (GPtrArray  *items,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_str_equal (((XfCareCalendarItem *) g_ptr_array_index (items, i))->kind, kind);
  return n;
}

static void
assert_title (GPtrArray  *items,
              const char *kind,
              gint64      pioneer_id,
              const char *date,
              const char *title)
{
  const XfCareCalendarItem *item = find (items, kind, pioneer_id, date);

  if (item == NULL)
    g_error ("no %s of %" G_GINT64_FORMAT " on %s", kind, pioneer_id, date);
  g_assert_cmpstr (item->title, ==, title);
}

static void
test_birthdays (CareFixture   *fixture,
                gconstpointer  data)
{
  gint64 sixty = xf_test_care_add_person (fixture, "张建华", "1966-04-15", XF_TEST_WUKANG, NULL);
  gint64 leap = xf_test_care_add_person (fixture, "李秀英", "1944-02-29", XF_TEST_DEQING, NULL);
  gint64 fifty = xf_test_care_add_person (fixture, "王芳", "1976-12-31", XF_TEST_DEQING, NULL);
  gint64 eighty = xf_test_care_add_person (fixture, "赵志强", "1947-01-02", XF_TEST_DEQING, NULL);
  gint64 odd = xf_test_care_add_person (fixture, "陈明", "1975-04-20", XF_TEST_DEQING, NULL);
  gint64 anji = xf_test_care_add_person (fixture, "周丽", "1956-04-20", XF_TEST_ANJI, NULL);
  gint64 first = xf_test_care_add_person (fixture, "孙伟", "1945-04-21", XF_TEST_DEQING, NULL);
  gint64 gone = xf_test_care_add_person (fixture, "吴刚", "1956-04-10", XF_TEST_DEQING, NULL);
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, gone, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "deceased", &error));
  g_assert_no_error (error);

  items = calendar (fixture, "2026-04-01", "2026-04-30", NULL, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_BIRTHDAY), ==, 3);
  assert_title (items, XF_CALENDAR_BIRTHDAY, sixty, "2026-04-15", "60th birthday");
  assert_title (items, XF_CALENDAR_BIRTHDAY, anji, "2026-04-20", "70th birthday");
  assert_title (items, XF_CALENDAR_BIRTHDAY, first, "2026-04-21", "81st birthday");
  g_assert_null (find (items, XF_CALENDAR_BIRTHDAY, odd, NULL));
  g_assert_null (find (items, XF_CALENDAR_BIRTHDAY, gone, NULL));
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, sixty, NULL)->pioneer_name, ==, "张建华");
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, sixty, NULL)->region_code, ==, XF_TEST_WUKANG);
  /* No reminder days: the reminder is on the day. */
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, sixty, NULL)->remind_on, ==, "2026-04-15");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Within a region. */
  items = calendar (fixture, "2026-04-01", "2026-04-30", XF_TEST_DEQING, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_BIRTHDAY), ==, 2);
  g_assert_null (find (items, XF_CALENDAR_BIRTHDAY, anji, NULL));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* 29 February falls on 1 March in 2026, and on itself in 2028. */
  items = calendar (fixture, "2026-02-20", "2026-03-05", NULL, 0);
  assert_title (items, XF_CALENDAR_BIRTHDAY, leap, "2026-03-01", "82nd birthday");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = calendar (fixture, "2028-02-01", "2028-03-05", NULL, 0);
  assert_title (items, XF_CALENDAR_BIRTHDAY, leap, "2028-02-29", "84th birthday");
  g_assert_null (find (items, XF_CALENDAR_BIRTHDAY, leap, "2028-03-01"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Across New Year: the 50th on 31 December, the 80th on 2 January. */
  items = calendar (fixture, "2026-12-20", "2027-01-10", NULL, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_BIRTHDAY), ==, 2);
  assert_title (items, XF_CALENDAR_BIRTHDAY, fifty, "2026-12-31", "50th birthday");
  assert_title (items, XF_CALENDAR_BIRTHDAY, eighty, "2027-01-02", "80th birthday");
  g_assert_cmpint (((XfCareCalendarItem *) items->pdata[0])->pioneer_id, ==, fifty);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A whole year from spring to spring, everyone's round birthday once. */
  items = calendar (fixture, "2026-03-02", "2027-03-02", NULL, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_BIRTHDAY), ==, 6);
  g_assert_nonnull (find (items, XF_CALENDAR_BIRTHDAY, eighty, "2027-01-02"));
  g_assert_nonnull (find (items, XF_CALENDAR_BIRTHDAY, leap, "2027-03-01"));
  g_assert_null (find (items, XF_CALENDAR_BIRTHDAY, leap, "2026-03-01"));
}

static void
test_anniversaries (CareFixture   *fixture,
                    gconstpointer  data)
{
  gint64 zhang = xf_test_care_add_person (fixture, "张建华", "1975-06-15", XF_TEST_WUKANG, NULL);
  gint64 li = xf_test_care_add_person (fixture, "李秀英", "1975-07-15", XF_TEST_DEQING, NULL);
  g_autoptr(GPtrArray) items = NULL;

  xf_test_care_add_honour (fixture, zhang, "全国劳动模范", "national", 2016);
  xf_test_care_add_honour (fixture, zhang, "浙江省劳动模范", "provincial", 2021);
  xf_test_care_add_honour (fixture, li, "湖州市劳动模范", "city", 2019);

  items = calendar (fixture, "2026-04-01", "2026-05-31", NULL, 3);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_ANNIVERSARY), ==, 2);
  assert_title (items, XF_CALENDAR_ANNIVERSARY, zhang, "2026-05-01", "10 years since 全国劳动模范 (2016)");
  g_assert_null (find (items, XF_CALENDAR_ANNIVERSARY, li, NULL));
  /* 1 May is Labour Day: three working days before is Tuesday 28 April. */
  g_assert_cmpstr (find (items, XF_CALENDAR_ANNIVERSARY, zhang, NULL)->remind_on, ==, "2026-04-28");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Not in a range without 1 May; 2024 is the 5th year of 2019. */
  items = calendar (fixture, "2026-05-02", "2027-04-30", NULL, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_ANNIVERSARY), ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = calendar (fixture, "2024-01-01", "2024-12-31", NULL, 0);
  assert_title (items, XF_CALENDAR_ANNIVERSARY, li, "2024-05-01", "5 years since 湖州市劳动模范 (2019)");
}

static void
test_health_checks (CareFixture   *fixture,
                    gconstpointer  data)
{
  gint64 never = xf_test_care_add_person (fixture, "张建华", "1975-06-15", XF_TEST_ANJI, NULL);
  gint64 last_year = xf_test_care_add_person (fixture, "李秀英", "1975-07-15", XF_TEST_DEQING, NULL);
  gint64 recent = xf_test_care_add_person (fixture, "王芳", "1975-08-15", XF_TEST_DEQING, NULL);
  gint64 county = xf_test_care_add_person (fixture, "赵志强", "1975-09-15", XF_TEST_DEQING, NULL);
  gint64 overdue = xf_test_care_add_person (fixture, "陈明", "1975-10-15", XF_TEST_DEQING, NULL);
  g_autoptr(GPtrArray) items = NULL;
  const XfCareCalendarItem *item;

  /* City level and above are eligible for the annual health check. */
  xf_test_care_add_honour (fixture, never, "全国劳动模范", "national", 2016);
  xf_test_care_add_honour (fixture, last_year, "浙江省劳动模范", "provincial", 2020);
  xf_test_care_add_honour (fixture, recent, "湖州市劳动模范", "city", 2020);
  xf_test_care_add_honour (fixture, county, "德清县劳动模范", "county", 2020);
  xf_test_care_add_honour (fixture, overdue, "湖州市劳动模范", "city", 2018);
  xf_test_care_add_record (fixture, last_year, "health-check", "2025-04-01", 80000);
  xf_test_care_add_record (fixture, recent, "health-check", "2026-01-10", 80000);
  xf_test_care_add_record (fixture, overdue, "health-check", "2024-02-01", 80000);

  items = calendar (fixture, "2026-03-09", "2026-06-30", NULL, 0);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_HEALTH_CHECK_DUE), ==, 3);
  /* Never checked, or overdue: due from the range's start. */
  item = find (items, XF_CALENDAR_HEALTH_CHECK_DUE, never, "2026-03-09");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->title, ==, "Annual health check due (never given)");
  g_assert_nonnull (find (items, XF_CALENDAR_HEALTH_CHECK_DUE, overdue, "2026-03-09"));
  /* A year after the last. */
  assert_title (items, XF_CALENDAR_HEALTH_CHECK_DUE, last_year, "2026-04-01",
                "Annual health check due (last on 2025-04-01)");
  g_assert_null (find (items, XF_CALENDAR_HEALTH_CHECK_DUE, recent, NULL));
  g_assert_null (find (items, XF_CALENDAR_HEALTH_CHECK_DUE, county, NULL));
  g_clear_pointer (&items, g_ptr_array_unref);

  items = calendar (fixture, "2026-12-01", "2027-02-28", XF_TEST_DEQING, 0);
  g_assert_nonnull (find (items, XF_CALENDAR_HEALTH_CHECK_DUE, recent, "2027-01-10"));
  g_assert_null (find (items, XF_CALENDAR_HEALTH_CHECK_DUE, never, NULL));
}

static void
add_batch (CareFixture *fixture,
           const char  *title,
           const char  *starts_on,
           const char  *reply_by,
           const char  *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO care_batches (uid, programme_id, year, title, reference_on, places, unit_cost,"
    " starts_on, reply_by, status, created_at, updated_at)"
    " SELECT '%s', id, 2026, '%s', '2026-03-01', 20, 350000, '%s', '%s', '%s', 0, 0"
    " FROM care_programmes WHERE code = 'recuperation'", uid, title, starts_on, reply_by, status);

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

static void
test_visits_and_batches (CareFixture   *fixture,
                         gconstpointer  data)
{
  gint64 sixty = xf_test_care_add_person (fixture, "张建华", "1966-04-15", XF_TEST_WUKANG, NULL);
  gint64 seventy = xf_test_care_add_person (fixture, "周丽", "1956-04-20", XF_TEST_ANJI, NULL);
  gint64 visit = xf_test_care_plan_visit (fixture, sixty, "birthday", "2026-04-14");
  gint64 other = xf_test_care_plan_visit (fixture, seventy, "festival", "2026-04-18");
  gint64 cancelled = xf_test_care_plan_visit (fixture, seventy, "birthday", "2026-04-19");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const XfCareCalendarItem *item;

  g_assert_true (xf_care_cancel_visit (fixture->care, cancelled, "改期", &error));
  g_assert_no_error (error);
  add_batch (fixture, "2026年第一期劳模疗休养", "2026-04-22", "2026-04-10", "inviting");
  add_batch (fixture, "已取消的一期", "2026-04-23", "2026-04-11", "cancelled");
  add_batch (fixture, "已结束的一期", "2026-04-08", "2026-03-20", "closed");

  items = calendar (fixture, "2026-04-01", "2026-04-30", NULL, 0);
  /* The birthday with a visit planned the day before, one without. */
  g_assert_true (find (items, XF_CALENDAR_BIRTHDAY, sixty, NULL)->visit_planned);
  g_assert_false (find (items, XF_CALENDAR_BIRTHDAY, seventy, NULL)->visit_planned);
  item = find (items, XF_CALENDAR_VISIT, sixty, "2026-04-14");
  g_assert_nonnull (item);
  g_assert_cmpint (item->record_id, ==, visit);
  g_assert_cmpstr (item->title, ==, "Birthday visit by 张敏、李强");
  g_assert_cmpint (find (items, XF_CALENDAR_VISIT, seventy, NULL)->record_id, ==, other);
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_VISIT), ==, 2);

  /* Batch dates: the open batch's answers and start; the closed one's start. */
  g_assert_cmpuint (count_kind (items, XF_CALENDAR_BATCH), ==, 3);
  assert_title (items, XF_CALENDAR_BATCH, 0, "2026-04-10", "“2026年第一期劳模疗休养”: answers due");
  assert_title (items, XF_CALENDAR_BATCH, 0, "2026-04-22", "“2026年第一期劳模疗休养” starts");
  assert_title (items, XF_CALENDAR_BATCH, 0, "2026-04-08", "“已结束的一期” starts");
  g_assert_null (find (items, XF_CALENDAR_BATCH, 0, "2026-04-23"));

  /* By date, then kind. */
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpstr (((XfCareCalendarItem *) items->pdata[i - 1])->date, <=,
                     ((XfCareCalendarItem *) items->pdata[i])->date);
}

/* The reminders due at a local time, three working days ahead. */
static GPtrArray *
due_at (XfCare    *care,
        const int  when[5])
{
  g_autoptr(GDateTime) now = g_date_time_new_local (when[0], when[1], when[2], when[3], when[4], 0);
  g_autoptr(GError) error = NULL;
  GPtrArray *items = xf_care_due_reminders (care, now, 3, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
test_reminders (CareFixture   *fixture,
                gconstpointer  data)
{
  /* Tuesday 24 February 2026, the first working day after the Spring
   * Festival; Saturday 14 February is a make-up working day. */
  gint64 spring = xf_test_care_add_person (fixture, "张建华", "1966-02-24", XF_TEST_WUKANG, NULL);
  /* Monday 11 May 2026; Saturday 9 May is a make-up working day. */
  gint64 may = xf_test_care_add_person (fixture, "李秀英", "1956-05-11", XF_TEST_DEQING, NULL);
  /* When, whose birthday (0: nobody's, nothing at all is due), and
   * whether its reminder is due then. */
  const struct { int when[5]; gint64 pioneer; gboolean due; } cases[] = {
    { { 2026, 2, 11, 10, 0 }, spring, FALSE },   /* the day before the reminder */
    { { 2026, 2, 12, 8, 30 }, spring, TRUE },    /* in working time on its day */
    { { 2026, 2, 14, 15, 0 }, spring, TRUE },    /* the make-up Saturday */
    { { 2026, 2, 24, 9, 0 }, spring, TRUE },     /* the day itself */
    { { 2026, 2, 25, 9, 0 }, spring, FALSE },    /* after it */
    { { 2026, 5, 9, 11, 0 }, may, TRUE },        /* a make-up Saturday within the three days */
    { { 2026, 5, 6, 11, 0 }, may, FALSE },
    { { 2026, 2, 12, 12, 30 }, 0, FALSE },       /* the lunch break, as evaluation keeps it */
    { { 2026, 2, 12, 17, 30 }, 0, FALSE },       /* after 17:30 */
    { { 2026, 2, 13, 8, 29 }, 0, FALSE },        /* before 08:30 */
    { { 2026, 2, 17, 10, 0 }, 0, FALSE },        /* the Spring Festival */
    { { 2026, 5, 10, 10, 0 }, 0, FALSE },        /* a Sunday */
  };
  g_autoptr(GPtrArray) items = NULL;

  items = calendar (fixture, "2026-02-01", "2026-05-31", NULL, 3);
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, spring, NULL)->remind_on, ==, "2026-02-12");
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, may, NULL)->remind_on, ==, "2026-05-07");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = calendar (fixture, "2026-02-01", "2026-05-31", NULL, 1);
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, spring, NULL)->remind_on, ==, "2026-02-14");
  g_assert_cmpstr (find (items, XF_CALENDAR_BIRTHDAY, may, NULL)->remind_on, ==, "2026-05-09");
  g_clear_pointer (&items, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) now = due_at (fixture->care, cases[i].when);

      if (cases[i].pioneer == 0)
        g_assert_cmpuint (now->len, ==, 0);
      else if ((find (now, XF_CALENDAR_BIRTHDAY, cases[i].pioneer, NULL) != NULL) != cases[i].due)
        g_error ("case %u: the reminder is %sdue", i, cases[i].due ? "not " : "");
    }

  /* Reminders go to those who may act at the pioneer's place. */
  {
    const int when[5] = { 2026, 2, 12, 10, 0 };
    g_autoptr(XfCare) deqing = xf_test_care_as (fixture, "deqingclerk", XF_ROLE_CLERK, XF_TEST_DEQING);
    g_autoptr(XfCare) anji = xf_test_care_as (fixture, "anjiclerk", XF_ROLE_CLERK, XF_TEST_ANJI);
    g_autoptr(GPtrArray) mine = due_at (deqing, when);
    g_autoptr(GPtrArray) others = due_at (anji, when);

    g_assert_nonnull (find (mine, XF_CALENDAR_BIRTHDAY, spring, NULL));
    g_assert_null (find (others, XF_CALENDAR_BIRTHDAY, spring, NULL));
  }
}

static void
test_refusals (CareFixture   *fixture,
               gconstpointer  data)
{
  struct { const char *from, *to, *region, *field; } cases[] = {
    { "2026-02-30", "2026-03-01", NULL, "From: " },
    { "2026-03-01", NULL, NULL, "To: " },
    { "2026-03-10", "2026-03-09", NULL, "To: " },
    { "2026-01-01", "2027-01-03", NULL, "To: " },
    { "2026-01-01", "2026-02-01", "33%", "Region: " },
  };
  g_autoptr(GPtrArray) items = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (xf_care_calendar (fixture->care, cases[i].from, cases[i].to, cases[i].region, 0,
                                       &error));
      xf_test_care_assert_invalid (error, cases[i].field);
    }
  /* 366 days (a leap year's range) is allowed. */
  items = calendar (fixture, "2028-01-01", "2029-01-01", NULL, 0);
  g_assert_cmpuint (items->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xf_test_care_add ("/core/care/calendar/birthdays", test_birthdays);
  xf_test_care_add ("/core/care/calendar/anniversaries", test_anniversaries);
  xf_test_care_add ("/core/care/calendar/health-checks", test_health_checks);
  xf_test_care_add ("/core/care/calendar/visits-and-batches", test_visits_and_batches);
  xf_test_care_add ("/core/care/calendar/reminders", test_reminders);
  xf_test_care_add ("/core/care/calendar/refusals", test_refusals);

  return g_test_run ();
}
