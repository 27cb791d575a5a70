/* test-cli-stats.c — `stats …` on a demo database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-xlsx-reader.h"

static char *tmp_dir;
static char *database_path;   /* demo data, made once by main() */

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)
#define ACTIVE "status = 'active'"

static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation" };

static gint64
query_int (const char *sql)
{
  return xf_cli_query_int (database_path, sql);
}

static JsonObject *
run_json (JsonNode  **root,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static JsonObject *
run_json (JsonNode  **root,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(XfCliRun) run = { 0 };
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, NULL);
  xf_cli_run (&run, &env, (const char *const *) args->pdata);
  *root = xf_cli_run_json (&run);
  return json_node_get_object (*root);
}

/* The count of the row @key, or -1. */
static gint64
row_count (JsonObject *table,
           const char *key)
{
  JsonArray *rows = json_object_get_array_member (table, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "key"), key))
        return json_object_get_int_member (row, "count");
    }
  return -1;
}

static void
test_tier (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(XfCliRun) plain = { 0 };
  JsonObject *table = run_json (&root, "stats", "tier", NULL);
  JsonArray *rows = json_object_get_array_member (table, "rows");

  g_assert_cmpstr (json_object_get_string_member (table, "rows_by"), ==, "tier");
  g_assert_true (json_object_get_null_member (table, "columns_by"));
  g_assert_cmpint (json_object_get_int_member (table, "total"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE));
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (tiers));
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND tier = '%s'", tiers[i]);
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "key"), ==, tiers[i]);
      g_assert_cmpint (json_object_get_int_member (row, "count"), ==, query_int (sql));
    }
  g_assert_cmpint (row_count (table, "national"), >, 0);

  run_cli (&plain, "stats", "tier", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, 1 + G_N_ELEMENTS (tiers) + 1);
  /* The key first: what --where takes. */
  g_assert_true (g_str_has_prefix (plain.out, "Key\tTier\tPioneers\nnational\tNational\t"));
  {
    g_autofree char *total = g_strdup_printf ("\n\tTotal\t%" G_GINT64_FORMAT "\n",
                                              query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE));

    g_assert_true (g_str_has_suffix (plain.out, total + 1) || strstr (plain.out, total) != NULL);
  }
}

/* Every dimension counts every active file once. */
static void
test_all_dimensions (void)
{
  static const char * const dimensions[] = {
    "industry", "age", "gender", "tier", "contribution", "organisation", "region", "education",
  };
  gint64 active = query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE);

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *table = run_json (&root, "stats", dimensions[i], NULL);
      JsonArray *rows = json_object_get_array_member (table, "rows");
      gint64 sum = 0;

      g_assert_cmpint (json_object_get_int_member (table, "total"), ==, active);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        sum += json_object_get_int_member (json_array_get_object_element (rows, r), "count");
      g_assert_cmpint (sum, ==, active);
      g_assert_cmpuint (json_array_get_length (rows), >=, 2);
    }
}

static void
test_filters (void)
{
  g_autoptr(JsonNode) gender_root = NULL;
  g_autoptr(JsonNode) where_root = NULL;
  g_autoptr(JsonNode) region_root = NULL;
  g_autoptr(JsonNode) date_root = NULL;
  JsonObject *gender = run_json (&gender_root, "stats", "gender", "--kind", "individual", NULL);
  JsonObject *where = run_json (&where_root, "stats", "industry", "--where", "tier=national", NULL);
  JsonObject *region = run_json (&region_root, "stats", "tier", "--where", "region=330521", NULL);
  JsonObject *before = run_json (&date_root, "stats", "tier", "--date", "2000-01-01", NULL);

  g_assert_cmpint (json_object_get_int_member (gender, "total"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND kind = 'individual'"));
  g_assert_cmpint (row_count (gender, "female"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND kind = 'individual' AND gender = 'female'"));
  g_assert_cmpint (json_object_get_int_member (where, "total"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND tier = 'national'"));
  g_assert_cmpint (json_object_get_int_member (region, "total"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND region_code LIKE '330521%'"));
  g_assert_cmpint (json_object_get_int_member (region, "total"), >, 0);
  /* Nothing was entered by 2000. */
  g_assert_cmpstr (json_object_get_string_member (before, "reference_date"), ==, "2000-01-01");
  g_assert_cmpint (json_object_get_int_member (before, "total"), ==, 0);
}

static void
test_cross_tab (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) townships_root = NULL;
  JsonObject *table = run_json (&root, "stats", "region", "--by", "industry", NULL);
  JsonObject *townships = run_json (&townships_root, "stats", "region", "--townships", NULL);
  JsonArray *rows = json_object_get_array_member (table, "rows");
  JsonArray *columns = json_object_get_array_member (table, "columns");
  gint64 total = 0;

  g_assert_cmpstr (json_object_get_string_member (table, "columns_by"), ==, "industry");
  g_assert_cmpuint (json_array_get_length (rows), ==,
                    query_int ("SELECT count(DISTINCT substr(region_code, 1, 6)) FROM pioneers WHERE " ACTIVE));
  g_assert_cmpuint (json_array_get_length (columns), ==,
                    query_int ("SELECT count(DISTINCT coalesce(industry, '')) FROM pioneers WHERE " ACTIVE));
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonArray *counts = json_object_get_array_member (row, "counts");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pioneers WHERE " ACTIVE
                                              " AND substr(region_code, 1, 6) = '%s'",
                                              json_object_get_string_member (row, "key"));
      gint64 sum = 0;

      g_assert_cmpuint (json_array_get_length (counts), ==, json_array_get_length (columns));
      for (guint c = 0; c < json_array_get_length (counts); c++)
        sum += json_array_get_int_element (counts, c);
      g_assert_cmpint (sum, ==, json_object_get_int_member (row, "count"));
      g_assert_cmpint (sum, ==, query_int (sql));
      total += sum;
    }
  g_assert_cmpint (total, ==, json_object_get_int_member (table, "total"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (townships, "rows")), ==,
                    query_int ("SELECT count(DISTINCT substr(region_code, 1, 9)) FROM pioneers WHERE " ACTIVE));
}

static void
test_export (void)
{
  g_autofree char *csv_path = g_build_filename (tmp_dir, "tier.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (tmp_dir, "cross.xlsx", NULL);
  g_auto(XfCliRun) csv = { 0 };
  g_auto(XfCliRun) xlsx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *text = NULL;
  g_autofree char *national = NULL;
  g_auto(GStrv) lines = NULL;
  const XfXlsxSheet *sheet;
  guint n_columns;

  run_cli (&csv, "stats", "tier", "--csv", csv_path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Key,Tier,Pioneers\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1 + 1);
  national = g_strdup_printf ("national,National,%" G_GINT64_FORMAT,
                              query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND tier = 'national'"));
  g_assert_cmpstr (lines[1], ==, national);

  run_cli (&xlsx, "stats", "tier", "--by", "gender", "--xlsx", xlsx_path, NULL);
  g_assert_cmpint (xlsx.status, ==, 0);
  sheets = xf_xlsx_read (xlsx_path, &error);
  g_assert_no_error (error);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (sheet->rows->len, ==, 1 + 5 + 1);
  n_columns = ((GPtrArray *) g_ptr_array_index (sheet->rows, 0))->len;
  g_assert_cmpuint (n_columns, ==, 2 + 3 + 1);   /* key, label, male, female, unknown, total */
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 2), ==, "Male");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 0), ==, "national");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 2), ==, 'n');
  g_assert_cmpint (g_ascii_strtoll (xf_xlsx_sheet_get (sheet, 1, 2), NULL, 10), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND tier = 'national' AND gender = 'male'"));
  g_assert_cmpint (g_ascii_strtoll (xf_xlsx_sheet_get (sheet, 6, n_columns - 1), NULL, 10), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE));
}

static void
test_weak_regions (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) all_weak_root = NULL;
  g_autoptr(JsonNode) industry_root = NULL;
  g_auto(XfCliRun) plain = { 0 };
  JsonObject *weak = run_json (&root, "stats", "weak-regions", NULL);
  JsonObject *all_weak = run_json (&all_weak_root, "stats", "weak-regions", "--threshold", "1", NULL);
  JsonObject *industry = run_json (&industry_root, "stats", "weak-regions", "--industry", "C", NULL);
  JsonArray *regions = json_object_get_array_member (weak, "regions");
  double previous = 0;
  guint below = 0;

  g_assert_cmpfloat (json_object_get_double_member (weak, "threshold"), ==, 0.6);
  g_assert_cmpfloat (json_object_get_double_member (weak, "city_per_10k"), >, 0);
  g_assert_cmpuint (json_array_get_length (regions), ==, 5);   /* Huzhou's counties and districts */
  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *region = json_array_get_object_element (regions, i);
      double share = json_object_get_double_member (region, "share_of_average");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pioneers WHERE " ACTIVE
                                              " AND substr(region_code, 1, 6) = '%s'",
                                              json_object_get_string_member (region, "region"));

      g_assert_cmpfloat (share, >=, previous);
      g_assert_cmpint (json_object_get_boolean_member (region, "weak"), ==, share < 0.6);
      g_assert_cmpint (json_object_get_int_member (region, "pioneers"), ==, query_int (sql));
      g_assert_cmpint (json_object_get_int_member (region, "employed"), >, 0);
      previous = share;
    }
  regions = json_object_get_array_member (all_weak, "regions");
  for (guint i = 0; i < json_array_get_length (regions); i++)
    below += json_object_get_boolean_member (json_array_get_object_element (regions, i), "weak");
  g_assert_cmpuint (below, >=, 1);
  g_assert_cmpstr (json_object_get_string_member (industry, "industry"), ==, "C");

  run_cli (&plain, "stats", "weak-regions", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_str_has_prefix (plain.out, "City: "));
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, 2 + 5);
}

static void
test_bad_arguments (void)
{
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  g_auto(XfCliRun) where = { 0 };
  g_auto(XfCliRun) date = { 0 };

  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "height", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--by", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--by", "tier", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--by", "height", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--kind", "team", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--date", "2026-02-30", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--from", "yesterday", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--where", "tier", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--where", "height=2", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--csv", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "tier", "--fast", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "weak-regions", "--threshold", "2", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "weak-regions", "--threshold", "x", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "weak-regions", "--by", "tier", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "stats", "weak-regions", "--industry", NULL }, 2);
  /* A key the core does not know: 1, naming the filter. */
  run_cli (&where, "stats", "tier", "--where", "tier=galactic", NULL);
  xf_cli_assert_failed (&where, 1);
  g_assert_nonnull (strstr (where.err, "galactic"));
  run_cli (&date, "stats", "tier", "--date", "2026-02-30", NULL);
  g_assert_nonnull (strstr (date.err, "--date"));
}

/* Mistakes a script writer makes: each refused as a usage error naming
 * the option and what was wrong with it. */
static void
test_argument_mistakes (void)
{
  g_auto(XfCliRun) twice = { 0 };
  g_auto(XfCliRun) by = { 0 };
  g_auto(XfCliRun) where = { 0 };
  g_auto(XfCliRun) csv = { 0 };
  g_auto(XfCliRun) xlsx = { 0 };
  g_auto(XfCliRun) dates = { 0 };

  /* The same dimension filtered twice would keep only the last key. */
  run_cli (&twice, "stats", "region", "--where", "tier=city", "--where", "tier=national", NULL);
  xf_cli_assert_failed (&twice, 2);
  g_assert_nonnull (strstr (twice.err, "--where"));
  g_assert_nonnull (strstr (twice.err, "tier"));
  g_assert_nonnull (strstr (twice.err, "twice"));

  /* An unknown dimension is named. */
  run_cli (&by, "stats", "tier", "--by", "height", NULL);
  xf_cli_assert_failed (&by, 2);
  g_assert_nonnull (strstr (by.err, "--by"));
  g_assert_nonnull (strstr (by.err, "“height”"));
  run_cli (&where, "stats", "tier", "--where", "height=2", NULL);
  xf_cli_assert_failed (&where, 2);
  g_assert_nonnull (strstr (where.err, "--where"));
  g_assert_nonnull (strstr (where.err, "“height”"));

  /* A folder is not a file to write. */
  run_cli (&csv, "stats", "tier", "--csv", tmp_dir, NULL);
  xf_cli_assert_failed (&csv, 2);
  g_assert_nonnull (strstr (csv.err, "--csv"));
  g_assert_nonnull (strstr (csv.err, "folder"));
  run_cli (&xlsx, "stats", "tier", "--xlsx", tmp_dir, NULL);
  xf_cli_assert_failed (&xlsx, 2);
  g_assert_nonnull (strstr (xlsx.err, "--xlsx"));
  g_assert_nonnull (strstr (xlsx.err, "folder"));

  /* --json prints, --csv writes: the output of both would not be JSON. */
  {
    g_autofree char *path = g_build_filename (tmp_dir, "both.csv", NULL);
    g_auto(XfCliRun) both = { 0 };

    run_cli (&both, "stats", "tier", "--json", "--csv", path, NULL);
    xf_cli_assert_failed (&both, 2);
    g_assert_nonnull (strstr (both.err, "--json"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* A day after today has not been counted yet. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
    g_autofree char *future = g_date_time_format (later, "%Y-%m-%d");
    g_auto(XfCliRun) date_run = { 0 };
    g_auto(XfCliRun) from_run = { 0 };

    run_cli (&date_run, "stats", "age", "--date", future, NULL);
    xf_cli_assert_failed (&date_run, 2);
    g_assert_nonnull (strstr (date_run.err, "--date"));
    g_assert_nonnull (strstr (date_run.err, future));
    g_assert_nonnull (strstr (date_run.err, "after today"));
    run_cli (&from_run, "stats", "weak-regions", "--from", future, NULL);
    xf_cli_assert_failed (&from_run, 2);
    g_assert_nonnull (strstr (from_run.err, "--from"));
  }

  /* Entered from after the day counted: nothing could ever be counted. */
  run_cli (&dates, "stats", "tier", "--date", "2026-01-01", "--from", "2026-06-01", NULL);
  xf_cli_assert_failed (&dates, 2);
  g_assert_nonnull (strstr (dates.err, "--from"));
  g_assert_nonnull (strstr (dates.err, "--date"));
}

/* No pioneer counted (nobody entered by 2000): no share of a city figure
 * of 0 to print, rather than "nan%". */
static void
test_weak_regions_none (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *first;

  run_cli (&run, "stats", "weak-regions", "--date", "2000-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "nan"));
  g_assert_nonnull (strstr (run.out, "\n330502\tWuxing District\t0\t"));

  object = run_json (&root, "stats", "weak-regions", "--date", "2000-01-01", NULL);
  g_assert_cmpfloat (json_object_get_double_member (object, "city_per_10k"), ==, 0);
  first = json_array_get_object_element (json_object_get_array_member (object, "regions"), 0);
  g_assert_true (json_object_get_null_member (first, "share_of_average"));
  g_assert_false (json_object_get_boolean_member (first, "weak"));
}

/* "--csv -" writes the CSV on standard output, for a pipe; a workbook
 * cannot go there. */
static void
test_csv_stdout (void)
{
  g_autofree char *xlsx_path = g_build_filename (tmp_dir, "with-stdout.xlsx", NULL);
  g_autofree char *national = NULL;
  g_auto(XfCliRun) csv = { 0 };
  g_auto(XfCliRun) both = { 0 };
  g_auto(XfCliRun) xlsx = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&csv, "stats", "tier", "--csv", "-", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "\xEF\xBB\xBF" "Key,Tier,Pioneers\r\n"));
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1 + 1);
  national = g_strdup_printf ("national,National,%" G_GINT64_FORMAT,
                              query_int ("SELECT count(*) FROM pioneers WHERE " ACTIVE " AND tier = 'national'"));
  g_assert_cmpstr (lines[1], ==, national);
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));

  /* With a workbook too: standard output keeps only the CSV. */
  run_cli (&both, "stats", "tier", "--csv", "-", "--xlsx", xlsx_path, NULL);
  g_assert_cmpint (both.status, ==, 0);
  g_assert_cmpstr (both.out, ==, csv.out);
  g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (both.err, "with-stdout.xlsx"));

  run_cli (&xlsx, "stats", "tier", "--xlsx", "-", NULL);
  xf_cli_assert_failed (&xlsx, 2);
  g_assert_nonnull (strstr (xlsx.err, "--xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/stats/tier", test_tier);
  g_test_add_func ("/cli/stats/all-dimensions", test_all_dimensions);
  g_test_add_func ("/cli/stats/filters", test_filters);
  g_test_add_func ("/cli/stats/cross-tab", test_cross_tab);
  g_test_add_func ("/cli/stats/export", test_export);
  g_test_add_func ("/cli/stats/csv-stdout", test_csv_stdout);
  g_test_add_func ("/cli/stats/weak-regions", test_weak_regions);
  g_test_add_func ("/cli/stats/weak-regions-none", test_weak_regions_none);
  g_test_add_func ("/cli/stats/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/stats/argument-mistakes", test_argument_mistakes);

  return xf_cli_run_tests_on_demo ("stats.db", &tmp_dir, &database_path);
}
