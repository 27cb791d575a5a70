/* test-care-report.c — the care report: coverage by county and by
 *                      organisation, budget against spending, JSON, XLSX
 *                      written whole or not at all
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unzip.h>

#include "xf-test-care-people.h"
#include "xf-test-files.h"
#include "xf-xlsx-reader.h"

#define CHECK_COST  80000    /* fen: the health check's unit cost */
#define TRIP_COST   350000   /* fen: a recuperation trip */

/* Who is who in the registry the tests make. */
typedef struct
{
  gint64 wukang;    /* national, Deqing (a township), the union: checked in 2026, on the trip */
  gint64 deqing;    /* city, Deqing, the women's federation: checked in 2025 only; declined */
  gint64 anji;      /* provincial, Anji, no organisation: checked in 2026; invited */
  gint64 county;    /* county level, Anji: checked although not eligible; listed only */
} People;

static void
exec (CareFixture *fixture,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

/* A recuperation batch of 2026 by SQL, with members of the given statuses:
 * "declined" is an answer (dated); "no-answer" is declined when the batch
 * was closed, without an answer. */
static void
add_batch (CareFixture *fixture,
           const char  *uid,
           const char  *status,
           gint64       pioneers[],
           const char  *statuses[],
           guint        n)
{
  g_autofree char *batch = g_strdup_printf (
    "INSERT INTO care_batches (uid, programme_id, year, title, reference_on, places, unit_cost,"
    " status, created_at, updated_at) SELECT '%s', id, 2026, '劳模疗休养', '2026-04-01', 20, %d,"
    " '%s', 0, 0 FROM care_programmes WHERE code = 'recuperation'", uid, TRIP_COST, status);

  exec (fixture, batch);
  for (guint i = 0; i < n; i++)
    {
      gboolean no_answer = g_str_equal (statuses[i], "no-answer");
      gboolean answered = !no_answer && !g_str_equal (statuses[i], "invited") && !g_str_equal (statuses[i], "listed");
      g_autofree char *member = g_strdup_printf (
        "INSERT INTO care_batch_members (batch_id, pioneer_id, status, answered_on, created_at, updated_at)"
        " SELECT id, %" G_GINT64_FORMAT ", '%s', %s, 0, 0 FROM care_batches WHERE uid = '%s'",
        pioneers[i], no_answer ? "declined" : statuses[i], answered ? "'2026-04-10'" : "NULL", uid);

      exec (fixture, member);
    }
}

static void
make_people (CareFixture *fixture,
             People      *people)
{
  people->wukang = xf_test_care_add_person (fixture, "张建华", "1970-04-02", XF_TEST_WUKANG, "union");
  people->deqing = xf_test_care_add_person (fixture, "李秀英", "1971-05-03", XF_TEST_DEQING, "women");
  people->anji = xf_test_care_add_person (fixture, "王芳", "1972-06-04", XF_TEST_ANJI, NULL);
  people->county = xf_test_care_add_person (fixture, "赵志强", "1973-07-05", XF_TEST_ANJI, NULL);
  xf_test_care_add_honour (fixture, people->wukang, "全国劳动模范", "national", 2015);
  xf_test_care_add_honour (fixture, people->deqing, "湖州市劳动模范", "city", 2018);
  xf_test_care_add_honour (fixture, people->anji, "浙江省劳动模范", "provincial", 2020);
  xf_test_care_add_honour (fixture, people->county, "安吉县劳动模范", "county", 2021);

  xf_test_care_add_record (fixture, people->wukang, "health-check", "2026-02-01", CHECK_COST);
  xf_test_care_add_record (fixture, people->deqing, "health-check", "2025-11-20", CHECK_COST);
  xf_test_care_add_record (fixture, people->anji, "health-check", "2026-03-01", CHECK_COST);
  xf_test_care_add_record (fixture, people->county, "health-check", "2026-03-02", CHECK_COST);
  xf_test_care_add_record (fixture, people->wukang, "recuperation", "2026-03-05", TRIP_COST);

  {
    gint64 members[] = { people->wukang, people->deqing, people->anji, people->county };
    const char *statuses[] = { "attended", "declined", "invited", "listed" };
    gint64 cancelled[] = { people->county };
    const char *invited[] = { "invited" };

    add_batch (fixture, "batch-2026-1", "inviting", members, statuses, G_N_ELEMENTS (members));
    add_batch (fixture, "batch-2026-x", "cancelled", cancelled, invited, 1);
  }
}

static XfCareReport *
report (CareFixture *fixture,
        int          year)
{
  g_autoptr(GError) error = NULL;
  XfCareReport *result = xf_care_report (fixture->care, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static const XfCareReportRow *
find_row (GPtrArray  *rows,
          const char *programme,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const XfCareReportRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->programme_code, programme) && g_str_equal (row->key, key))
        return row;
    }
  g_error ("no row %s of %s", key, programme);
  return NULL;
}

static void
assert_counts (const XfCareReportRow *row,
               int                    eligible,
               int                    invited,
               int                    served,
               int                    declined,
               double                 coverage,
               gint64                 spent)
{
  g_assert_cmpint (row->eligible, ==, eligible);
  g_assert_cmpint (row->invited, ==, invited);
  g_assert_cmpint (row->served, ==, served);
  g_assert_cmpint (row->declined, ==, declined);
  g_assert_cmpfloat_with_epsilon (row->coverage, coverage, 1e-9);
  g_assert_cmpint (row->spent, ==, spent);
}

static void
test_counts (CareFixture   *fixture,
             gconstpointer  data)
{
  People people;
  g_autoptr(XfCareReport) result = NULL;
  const XfCareReportRow *row;

  make_people (fixture, &people);
  result = report (fixture, 2026);
  g_assert_cmpint (result->year, ==, 2026);

  /* The health check, eligible on 1 July: Deqing has two eligible, one
   * served; Anji one eligible and two served (one not eligible). */
  assert_counts (find_row (result->by_region, "health-check", "330521"), 2, 0, 1, 0, 0.5, CHECK_COST);
  row = find_row (result->by_region, "health-check", "330523");
  assert_counts (row, 1, 0, 2, 0, 1.0, 2 * CHECK_COST);
  g_assert_cmpstr (row->label, !=, "330523");
  g_assert_cmpint (row->budget, ==, 0);
  row = find_row (result->by_region, "health-check", "");
  assert_counts (row, 3, 0, 3, 0, 1.0, 3 * CHECK_COST);
  g_assert_cmpstr (row->label, ==, "All");
  g_assert_cmpstr (row->programme_name, ==, "Annual health check");
  g_assert_cmpint (row->budget, ==, 96000000);
  g_assert_cmpint (row->quota, ==, 1200);

  /* Counties by code, the total last. */
  {
    guint first = 0;

    while (!g_str_equal (((XfCareReportRow *) result->by_region->pdata[first])->programme_code,
                         "health-check"))
      first++;
    g_assert_cmpstr (((XfCareReportRow *) result->by_region->pdata[first])->key, ==, "330521");
    g_assert_cmpstr (((XfCareReportRow *) result->by_region->pdata[first + 1])->key, ==, "330523");
    g_assert_cmpstr (((XfCareReportRow *) result->by_region->pdata[first + 2])->key, ==, "");
  }

  /* By organisation: those with none together, last before the total. */
  assert_counts (find_row (result->by_organisation, "health-check", "union"), 1, 0, 1, 0, 1.0, CHECK_COST);
  assert_counts (find_row (result->by_organisation, "health-check", "women"), 1, 0, 0, 0, 0.0, 0);
  row = find_row (result->by_organisation, "health-check", "-");
  assert_counts (row, 1, 0, 2, 0, 1.0, 2 * CHECK_COST);
  g_assert_cmpstr (row->label, ==, "No organisation");
  g_assert_cmpstr (find_row (result->by_organisation, "health-check", "union")->label, ==,
                   "Huzhou Federation of Trade Unions");

  /* The trip, eligible on its batch's reference date (65 and under, not
   * retired); the cancelled batch and the listed member do not count. */
  row = find_row (result->by_region, "recuperation", "");
  assert_counts (row, 3, 3, 1, 1, 1.0 / 3.0, TRIP_COST);
  g_assert_cmpint (row->no_answer, ==, 1);   /* Anji's, still invited */
  g_assert_cmpint (find_row (result->by_region, "recuperation", "330521")->no_answer, ==, 0);
  g_assert_cmpint (find_row (result->by_region, "recuperation", "330523")->no_answer, ==, 1);
  assert_counts (find_row (result->by_region, "recuperation", "330521"), 2, 2, 1, 1, 0.5, TRIP_COST);
  assert_counts (find_row (result->by_region, "recuperation", "330523"), 1, 1, 0, 0, 0.0, 0);

  /* The year's budget is every programme's; spent what was recorded. */
  g_assert_cmpint (result->budget, ==, 331000000);
  g_assert_cmpint (result->spent, ==, 3 * CHECK_COST + TRIP_COST);
  g_clear_pointer (&result, xf_care_report_free);

  /* Another year: 2025's one check. */
  result = report (fixture, 2025);
  assert_counts (find_row (result->by_region, "health-check", ""), 3, 0, 1, 0, 1.0 / 3.0, CHECK_COST);
  g_assert_cmpint (result->spent, ==, CHECK_COST);
}

/* Each person once: declined one batch and served on a later one is
 * served only; silence at closing is no answer, not a decline; a decline
 * in one batch and silence in another is a decline. So served, declined
 * and no answer together never exceed the invited. */
static void
test_answers (CareFixture   *fixture,
              gconstpointer  data)
{
  g_autoptr(XfCareReport) result = NULL;
  const XfCareReportRow *row;
  gint64 later = xf_test_care_add_person (fixture, "孙丽", "1970-01-10", XF_TEST_DEQING, NULL);
  gint64 silent = xf_test_care_add_person (fixture, "周强", "1971-02-11", XF_TEST_DEQING, NULL);
  gint64 declines = xf_test_care_add_person (fixture, "吴敏", "1972-03-12", XF_TEST_DEQING, NULL);
  gint64 accepted = xf_test_care_add_person (fixture, "郑伟", "1973-04-13", XF_TEST_DEQING, NULL);

  {
    gint64 first[] = { later, silent, declines, accepted };
    const char *first_statuses[] = { "declined", "no-answer", "declined", "absent" };
    gint64 second[] = { later, silent, declines };
    const char *second_statuses[] = { "attended", "no-answer", "no-answer" };

    add_batch (fixture, "batch-2026-a", "closed", first, first_statuses, G_N_ELEMENTS (first));
    add_batch (fixture, "batch-2026-b", "closed", second, second_statuses, G_N_ELEMENTS (second));
  }
  xf_test_care_add_record (fixture, later, "recuperation", "2026-03-06", TRIP_COST);

  result = report (fixture, 2026);
  row = find_row (result->by_region, "recuperation", "");
  g_assert_cmpint (row->invited, ==, 4);
  g_assert_cmpint (row->served, ==, 1);
  g_assert_cmpint (row->declined, ==, 1);     /* 吴敏 only: 孙丽 was served later */
  g_assert_cmpint (row->no_answer, ==, 1);    /* 周强 */
  g_assert_cmpint (row->served + row->declined + row->no_answer, <=, row->invited);
  row = find_row (result->by_region, "recuperation", "330521");
  g_assert_cmpint (row->invited, ==, 4);
  g_assert_cmpint (row->served, ==, 1);
  g_assert_cmpint (row->declined, ==, 1);
  g_assert_cmpint (row->no_answer, ==, 1);
}

static void
test_json (CareFixture   *fixture,
           gconstpointer  data)
{
  People people;
  g_autoptr(XfCareReport) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object, *row = NULL;
  JsonArray *rows;

  make_people (fixture, &people);
  result = report (fixture, 2026);
  node = xf_care_report_to_json (result);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2026);
  g_assert_cmpint (json_object_get_int_member (object, "spent"), ==, 3 * CHECK_COST + TRIP_COST);
  g_assert_cmpint (json_object_get_int_member (object, "budget"), ==, 331000000);
  rows = json_object_get_array_member (object, "by_region");
  g_assert_cmpuint (json_array_get_length (rows), ==, result->by_region->len);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "by_organisation")),
                    ==, result->by_organisation->len);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *candidate = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (candidate, "programme"), "health-check")
          && g_str_equal (json_object_get_string_member (candidate, "key"), "330521"))
        row = candidate;
    }
  g_assert_nonnull (row);
  g_assert_cmpint (json_object_get_int_member (row, "eligible"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "served"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "coverage"), 0.5, 1e-9);
  g_assert_cmpint (json_object_get_int_member (row, "spent"), ==, CHECK_COST);
  g_assert_true (json_object_has_member (row, "declined"));
  g_assert_true (json_object_has_member (row, "no_answer"));
  g_assert_true (json_object_has_member (row, "invited"));
  g_assert_true (json_object_has_member (row, "label"));
}

/* The text of one part of a zip file. */
static char *
read_part (const char *path,
           const char *part)
{
  unzFile zip = unzOpen64 (path);
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  int n;

  g_assert_nonnull (zip);
  g_assert_cmpint (unzLocateFile (zip, part, 1), ==, UNZ_OK);
  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  g_assert_cmpint (n, ==, 0);
  unzCloseCurrentFile (zip);
  unzClose (zip);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The row of @sheet whose first two cells are @first and @second. */
static guint
find_sheet_row (const XfXlsxSheet *sheet,
                const char        *first,
                const char        *second)
{
  for (guint r = 0; r < sheet->rows->len; r++)
    if (g_strcmp0 (xf_xlsx_sheet_get (sheet, r, 0), first) == 0
        && g_strcmp0 (xf_xlsx_sheet_get (sheet, r, 1), second) == 0)
      return r;
  g_error ("no row %s, %s in %s", first, second, sheet->name);
  return 0;
}

static void
test_xlsx (CareFixture   *fixture,
           gconstpointer  data)
{
  People people;
  g_autoptr(XfCareReport) result = NULL;
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "care-2026.xlsx", NULL);
  g_autofree char *styles = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  const XfXlsxSheet *sheet;
  guint r;

  make_people (fixture, &people);
  result = report (fixture, 2026);
  g_assert_true (xf_care_report_write_xlsx (result, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  sheets = xf_xlsx_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 3);
  sheet = sheets->pdata[0];
  g_assert_cmpstr (sheet->name, ==, "Coverage by region");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 0), ==, "Programme");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 1), ==, "County");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 5), ==, "Declined");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 6), ==, "No answer");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 7), ==, "Coverage");
  g_assert_cmpuint (sheet->rows->len, ==, result->by_region->len + 1);
  r = find_sheet_row (sheet, "Annual health check", "All");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, r, 2), ==, "3");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, r, 2), ==, 'n');
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, r, 8), NULL), 2400.0, 1e-9);
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, r, 8), ==, 'n');
  r = find_sheet_row (sheet, "Recuperation trip", "All");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, r, 5), ==, "1");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, r, 6), ==, "1");

  sheet = sheets->pdata[1];
  g_assert_cmpstr (sheet->name, ==, "Coverage by organisation");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 1), ==, "Organisation");
  r = find_sheet_row (sheet, "Annual health check", "Huzhou Federation of Trade Unions");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, r, 7), NULL), 1.0, 1e-9);

  sheet = sheets->pdata[2];
  g_assert_cmpstr (sheet->name, ==, "Budget");
  r = find_sheet_row (sheet, "Recuperation trip", "200");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, r, 3), NULL), 700000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, r, 4), NULL), 3500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, r, 5), NULL), 696500.0, 1e-9);
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, r, 5), ==, 'n');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, sheet->rows->len - 1, 0), ==, "All programmes");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, sheet->rows->len - 1, 3), NULL),
                                  3310000.0, 1e-9);

  /* Money carries the yuan's number format. */
  styles = read_part (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "[$¥-804]#,##0.00"));
  xf_test_remove_dir (dir);
}

static void
test_xlsx_failure (CareFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfCareReport) result = report (fixture, 2026);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "care.xlsx", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "care.csv", NULL);
  g_autoptr(GError) error = NULL;

  /* A folder that is not there: nothing written. */
  g_assert_false (xf_care_report_write_xlsx (result, missing, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* A folder where the file should go: it stays, and no temporary file
   * is left beside it. */
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_false (xf_care_report_write_xlsx (result, taken, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_false (xf_care_report_write_xlsx (result, csv, &error));
  xf_test_care_assert_invalid (error, "File name: ");
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_rmdir (taken);
  xf_test_remove_dir (dir);
}

static void
test_year (CareFixture   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (xf_care_report (fixture->care, 0, &error));
  xf_test_care_assert_invalid (error, "Year: ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xf_test_care_add ("/core/care/report/counts", test_counts);
  xf_test_care_add ("/core/care/report/answers", test_answers);
  xf_test_care_add ("/core/care/report/json", test_json);
  xf_test_care_add ("/core/care/report/xlsx", test_xlsx);
  xf_test_care_add ("/core/care/report/xlsx-failure", test_xlsx_failure);
  xf_test_care_add ("/core/care/report/year", test_year);

  return g_test_run ();
}
