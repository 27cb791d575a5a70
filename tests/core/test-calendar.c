/* test-calendar.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-calendar.h"
#include "xf-data.h"
#include "xf-error.h"

static XfCalendar *
shipped_calendar (void)
{
  g_autofree char *path = xf_data_find_file ("calendar/cn-holidays.json");
  g_autoptr(GError) error = NULL;
  XfCalendar *calendar = xf_calendar_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (xf_date_parse (text, &d));
  return d;
}

static gboolean
working (XfCalendar *calendar,
         const char *text)
{
  GDate d = date (text);

  return xf_calendar_is_working_day (calendar, &d);
}

static char *
add_days (XfCalendar *calendar,
          const char *start,
          guint       n,
          gboolean   *unconfirmed)
{
  GDate s = date (start);
  GDate result;

  xf_calendar_add_working_days (calendar, &s, n, &result, unconfirmed);
  g_assert_true (g_date_valid (&result));
  return xf_date_format (&result);
}

static int
between (XfCalendar *calendar,
         const char *a,
         const char *b,
         gboolean   *unconfirmed)
{
  GDate da = date (a);
  GDate db = date (b);

  return xf_calendar_working_days_between (calendar, &da, &db, unconfirmed);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("xf-calendar-XXXXXX", NULL);
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/*
 * Dates
 */

static void
test_date_parse (void)
{
  static const char *bad[] = {
    "", "2024-2-4", "2024-02-4", "24-02-04", "2024/02/04", "2024-02-04 ", " 2024-02-04",
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
    "0000-01-01", "+024-02-04", "2024-0a-04", "2024-02-04T00:00", "２０２４-02-04",
  };
  static const char *good[] = { "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2024-02-04" };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_date_set_dmy (&d, 1, 1, 2000);
      g_assert_false (xf_date_parse (bad[i], &d));
      /* A failed parse leaves no stale date behind. */
      g_assert_false (g_date_valid (&d));
    }
  g_assert_false (xf_date_parse (NULL, &d));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = NULL;

      g_assert_true (xf_date_parse (good[i], &d));
      text = xf_date_format (&d);
      g_assert_cmpstr (text, ==, good[i]);
    }

  g_assert_true (xf_date_parse ("2024-02-04", &d));
  g_assert_cmpint (g_date_get_year (&d), ==, 2024);
  g_assert_cmpint (g_date_get_month (&d), ==, 2);
  g_assert_cmpint (g_date_get_day (&d), ==, 4);
  g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_SUNDAY);
}

/*
 * Working days from the shipped data
 */

static void
test_spring_festival_2024 (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  gboolean unconfirmed = TRUE;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  g_assert_true (xf_calendar_is_year_confirmed (calendar, 2024));

  /* 2024-02-04 and 2024-02-18 were Sundays worked in exchange (调休). */
  g_assert_false (working (calendar, "2024-02-03"));   /* Saturday */
  g_assert_true (working (calendar, "2024-02-04"));    /* make-up Sunday */
  g_assert_true (working (calendar, "2024-02-09"));    /* Friday, New Year's Eve */
  g_assert_false (working (calendar, "2024-02-10"));   /* Saturday, holiday */
  g_assert_false (working (calendar, "2024-02-12"));   /* Monday, holiday */
  g_assert_false (working (calendar, "2024-02-16"));   /* Friday, holiday */
  g_assert_false (working (calendar, "2024-02-17"));   /* Saturday, holiday */
  g_assert_true (working (calendar, "2024-02-18"));    /* make-up Sunday */
  g_assert_true (working (calendar, "2024-02-19"));    /* Monday */
  g_assert_false (working (calendar, "2024-02-24"));   /* ordinary Saturday */
  g_assert_false (working (calendar, "2024-02-25"));   /* ordinary Sunday */

  /* From Thursday 8 February: Friday 9, then nothing until Sunday 18. */
  one = add_days (calendar, "2024-02-08", 1, &unconfirmed);
  g_assert_cmpstr (one, ==, "2024-02-09");
  g_assert_false (unconfirmed);
  two = add_days (calendar, "2024-02-08", 2, &unconfirmed);
  g_assert_cmpstr (two, ==, "2024-02-18");
  three = add_days (calendar, "2024-02-08", 3, NULL);
  g_assert_cmpstr (three, ==, "2024-02-19");

  /* 2 to 29 February: 20 weekdays, less 5 weekday holidays (12–16),
   * plus the two make-up Sundays = 17. */
  g_assert_cmpint (between (calendar, "2024-02-01", "2024-02-29", &unconfirmed), ==, 17);
  g_assert_false (unconfirmed);
  g_assert_cmpint (between (calendar, "2024-02-29", "2024-02-01", NULL), ==, -17);
  g_assert_cmpint (between (calendar, "2024-02-09", "2024-02-18", NULL), ==, 1);
  g_assert_cmpint (between (calendar, "2024-02-09", "2024-02-17", NULL), ==, 0);
  g_assert_cmpint (between (calendar, "2024-02-09", "2024-02-09", NULL), ==, 0);
}

static void
test_national_day_2023 (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  /* Mid-autumn and National Day ran together, 29 September to 6 October,
   * with Saturday 7 and Sunday 8 October worked. */
  g_assert_true (working (calendar, "2023-09-28"));
  g_assert_false (working (calendar, "2023-09-29"));
  g_assert_false (working (calendar, "2023-10-02"));
  g_assert_false (working (calendar, "2023-10-06"));
  g_assert_true (working (calendar, "2023-10-07"));
  g_assert_true (working (calendar, "2023-10-08"));
  g_assert_true (working (calendar, "2023-10-09"));

  one = add_days (calendar, "2023-09-28", 1, NULL);
  g_assert_cmpstr (one, ==, "2023-10-07");
  two = add_days (calendar, "2023-09-28", 2, NULL);
  g_assert_cmpstr (two, ==, "2023-10-08");
  three = add_days (calendar, "2023-09-28", 3, NULL);
  g_assert_cmpstr (three, ==, "2023-10-09");

  /* 28 September, 7 and 8 October, 9 to 13 October = 8. */
  g_assert_cmpint (between (calendar, "2023-09-27", "2023-10-13", NULL), ==, 8);
}

static void
test_whole_years (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  gboolean unconfirmed = TRUE;

  /* The published yearly totals. */
  g_assert_cmpint (between (calendar, "2022-12-31", "2023-12-31", &unconfirmed), ==, 249);
  g_assert_false (unconfirmed);
  g_assert_cmpint (between (calendar, "2023-12-31", "2024-12-31", NULL), ==, 251);
  g_assert_cmpint (between (calendar, "2024-12-31", "2025-12-31", NULL), ==, 248);
}

static void
test_holiday_name (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  GDate festival = date ("2024-02-12");
  GDate makeup = date ("2024-02-18");
  GDate ordinary = date ("2024-03-12");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (xf_calendar_holiday_name (calendar, &festival), ==, "春节");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (xf_calendar_holiday_name (calendar, &festival), ==, "Spring Festival");
  /* A make-up working day is not a holiday. */
  g_assert_null (xf_calendar_holiday_name (calendar, &makeup));
  g_assert_null (xf_calendar_holiday_name (calendar, &ordinary));

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_unconfirmed_year (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  gboolean unconfirmed = FALSE;
  g_autofree char *next = NULL;

  g_assert_false (xf_calendar_is_year_confirmed (calendar, 2030));
  g_assert_false (xf_calendar_is_year_confirmed (calendar, 2017));
  g_assert_true (xf_calendar_is_year_confirmed (calendar, 2018));
  g_assert_true (xf_calendar_is_year_confirmed (calendar, 2026));

  /* Only weekends: New Year's Day and National Day 2030 (Tuesdays) count. */
  g_assert_true (working (calendar, "2030-01-01"));
  g_assert_true (working (calendar, "2030-10-01"));
  g_assert_false (working (calendar, "2030-10-05"));

  /* 2030 starts on a Tuesday: 52 weeks and one Tuesday = 261. */
  g_assert_cmpint (between (calendar, "2029-12-31", "2030-12-31", &unconfirmed), ==, 261);
  g_assert_true (unconfirmed);

  next = add_days (calendar, "2030-09-30", 1, &unconfirmed);
  g_assert_cmpstr (next, ==, "2030-10-01");
  g_assert_true (unconfirmed);

  /* A span is flagged when any year in it is unconfirmed. */
  between (calendar, "2026-12-30", "2027-01-04", &unconfirmed);
  g_assert_true (unconfirmed);
  between (calendar, "2026-12-01", "2026-12-31", &unconfirmed);
  g_assert_false (unconfirmed);
  /* The start day itself is not counted, so its year does not matter. */
  between (calendar, "2017-12-31", "2018-01-05", &unconfirmed);
  g_assert_false (unconfirmed);
}

static void
test_long_spans (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  gboolean unconfirmed = FALSE;
  g_autofree char *far = NULL;
  GDate start = date ("2018-01-01");
  GDate result;

  /* 2018–2026 hold 2,244 working days; the 256 more fall in 2027, by weekends only. */
  g_assert_cmpint (between (calendar, "2017-12-31", "2026-12-31", &unconfirmed), ==, 2244);
  g_assert_false (unconfirmed);
  far = add_days (calendar, "2018-01-01", 2500, &unconfirmed);
  g_assert_cmpstr (far, ==, "2027-12-24");
  g_assert_true (unconfirmed);
  g_assert_cmpint (between (calendar, "2018-01-01", "2027-12-24", NULL), ==, 2500);

  /* Beyond the year 9999 there is no answer. */
  xf_calendar_add_working_days (calendar, &start, G_MAXUINT, &result, NULL);
  g_assert_false (g_date_valid (&result));
  g_assert_cmpint (between (calendar, "0001-01-01", "9999-12-31", NULL), >, 2500000);
}

/* The counting shortcuts must agree with asking day by day. */
static void
test_counts_agree_with_days (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  GDate base = date ("2017-11-01");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240204);

  for (guint i = 0; i < 300; i++)
    {
      GDate a = base, b, d, result;
      guint span = g_rand_int_range (rand, 0, 500);
      int expected = 0;

      g_date_add_days (&a, g_rand_int_range (rand, 0, 3650));
      b = a;
      g_date_add_days (&b, span);
      d = a;
      for (guint k = 0; k < span; k++)
        {
          g_date_add_days (&d, 1);
          expected += xf_calendar_is_working_day (calendar, &d);
        }
      g_assert_cmpint (xf_calendar_working_days_between (calendar, &a, &b, NULL), ==, expected);

      if (expected > 0)
        {
          xf_calendar_add_working_days (calendar, &a, expected, &result, NULL);
          g_assert_true (xf_calendar_is_working_day (calendar, &result));
          g_assert_cmpint (g_date_compare (&result, &b), <=, 0);
          g_assert_cmpint (xf_calendar_working_days_between (calendar, &a, &result, NULL), ==, expected);
        }
    }
}

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  XfCalendar *first = xf_calendar_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (xf_calendar_get_default (NULL) == first);
  g_assert_true (xf_calendar_is_year_confirmed (first, 2024));
}

/*
 * Loading
 */

static void
test_bad_json_line (void)
{
  g_autofree char *path = write_temp ("broken.json",
                                      "{\n"
                                      " \"years\": {\n"
                                      "  \"2030\": {\n"
                                      "   \"holidays\": [,]\n"
                                      "  }\n"
                                      " }\n"
                                      "}\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCalendar) calendar = xf_calendar_new_from_file (path, &error);

  g_assert_null (calendar);
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "line 4"));
  remove_temp (path);
}

static void
test_bad_structure (void)
{
  static const struct { const char *json; const char *reason; } cases[] = {
    { "[]", "the top level is not an object" },
    { "{}", "it has no “years” object" },
    { "{\"years\": []}", "it has no “years” object" },
    { "{\"years\": {\"20x0\": {}}}", "“20x0” is not a year" },
    { "{\"years\": {\"2030\": []}}", "year 2030 is not an object" },
    { "{\"years\": {\"2030\": {\"makeup_workdays\": []}}}", "year 2030 has no “holidays” list" },
    { "{\"years\": {\"2030\": {\"holidays\": []}}}", "year 2030 has no “makeup_workdays” list" },
    { "{\"years\": {\"2030\": {\"holidays\": [1], \"makeup_workdays\": []}}}",
      "year 2030: entry 1 of “holidays” is not an object" },
    { "{\"years\": {\"2030\": {\"holidays\": [{\"date\": \"2030-02-30\"}], \"makeup_workdays\": []}}}",
      "year 2030: entry 1 of “holidays” has a bad date “2030-02-30”" },
    { "{\"years\": {\"2030\": {\"holidays\": [{\"date\": \"2031-01-01\"}], \"makeup_workdays\": []}}}",
      "year 2030: entry 1 of “holidays” has a bad date “2031-01-01”" },
    { "{\"years\": {\"2030\": {\"holidays\": [], \"makeup_workdays\": [{\"date\": 5}]}}}",
      "year 2030: entry 1 of “makeup_workdays” has a bad date “”" },
    { "{\"years\": {\"2030\": {\"holidays\": [{\"date\": \"2030-10-05\"}], "
      "\"makeup_workdays\": [{\"date\": \"2030-10-05\"}]}}}",
      "2030-10-05 is both a holiday and a make-up working day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp ("bad.json", cases[i].json);
      g_autofree char *message = g_strdup_printf ("Calendar file %s is malformed: %s",
                                                  path, cases[i].reason);
      g_autoptr(GError) error = NULL;
      g_autoptr(XfCalendar) calendar = xf_calendar_new_from_file (path, &error);

      g_assert_null (calendar);
      g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==, message);
      remove_temp (path);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCalendar) calendar = xf_calendar_new_from_file ("/nonexistent/cn-holidays.json", &error);

  g_assert_null (calendar);
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/cn-holidays.json"));
}

static void
test_load_year (void)
{
  g_autoptr(XfCalendar) calendar = shipped_calendar ();
  g_autoptr(GError) error = NULL;
  GDate national_day = date ("2030-10-01");
  const char *year_2030 =
    "{\"years\": {\"2030\": {"
    " \"holidays\": [{\"date\": \"2030-10-01\", \"name_en\": \"National Day\", \"name_zh\": \"国庆节\"},"
    "              {\"date\": \"2030-10-02\", \"name_en\": \"National Day\", \"name_zh\": \"国庆节\"}],"
    " \"makeup_workdays\": [{\"date\": \"2030-09-29\", \"name_en\": \"National Day\", \"name_zh\": \"国庆节\"}]"
    "}}}";
  const char *half_bad =
    "{\"years\": {"
    " \"2031\": {\"holidays\": [{\"date\": \"2031-10-01\"}], \"makeup_workdays\": []},"
    " \"2032\": {\"holidays\": [{\"date\": \"2032-02-30\"}], \"makeup_workdays\": []}"
    "}}";
  const char *replace_2024 =
    "{\"years\": {\"2024\": {\"holidays\": [], \"makeup_workdays\": []}}}";

  g_assert_true (xf_calendar_load_data (calendar, year_2030, -1, &error));
  g_assert_no_error (error);
  g_assert_true (xf_calendar_is_year_confirmed (calendar, 2030));
  g_assert_false (working (calendar, "2030-10-01"));
  g_assert_true (working (calendar, "2030-09-29"));    /* a make-up Sunday */
  g_assert_nonnull (xf_calendar_holiday_name (calendar, &national_day));
  /* The shipped years are still there. */
  g_assert_true (working (calendar, "2024-02-04"));

  /* A bad load changes nothing, not even its good years. */
  g_assert_false (xf_calendar_load_data (calendar, half_bad, -1, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (xf_calendar_is_year_confirmed (calendar, 2031));
  g_assert_true (working (calendar, "2031-10-01"));

  /* A year loaded again replaces what was known of it. */
  g_assert_true (xf_calendar_load_data (calendar, replace_2024, -1, &error));
  g_assert_no_error (error);
  g_assert_false (working (calendar, "2024-02-04"));
  g_assert_true (working (calendar, "2024-02-12"));
  g_assert_true (working (calendar, "2023-10-07"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/calendar/date-parse", test_date_parse);
  g_test_add_func ("/core/calendar/spring-festival-2024", test_spring_festival_2024);
  g_test_add_func ("/core/calendar/national-day-2023", test_national_day_2023);
  g_test_add_func ("/core/calendar/whole-years", test_whole_years);
  g_test_add_func ("/core/calendar/holiday-name", test_holiday_name);
  g_test_add_func ("/core/calendar/unconfirmed-year", test_unconfirmed_year);
  g_test_add_func ("/core/calendar/long-spans", test_long_spans);
  g_test_add_func ("/core/calendar/counts-agree-with-days", test_counts_agree_with_days);
  g_test_add_func ("/core/calendar/default", test_default);
  g_test_add_func ("/core/calendar/bad-json-line", test_bad_json_line);
  g_test_add_func ("/core/calendar/bad-structure", test_bad_structure);
  g_test_add_func ("/core/calendar/missing-file", test_missing_file);
  g_test_add_func ("/core/calendar/load-year", test_load_year);

  return g_test_run ();
}
