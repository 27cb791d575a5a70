/* test-table-export.c — a typed table written to CSV and XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-table.h"
#include "xf-test-files.h"
#include "xf-xlsx-reader.h"

static XfTable *
make_table (void)
{
  XfTable *table = xf_table_new ("Pioneers by industry");
  guint row;

  g_assert_cmpuint (xf_table_add_column (table, "Industry", XF_TABLE_TEXT), ==, 0);
  g_assert_cmpuint (xf_table_add_column (table, "Count", XF_TABLE_INTEGER), ==, 1);
  g_assert_cmpuint (xf_table_add_column (table, "Index", XF_TABLE_NUMBER), ==, 2);
  g_assert_cmpuint (xf_table_add_column (table, "Share", XF_TABLE_PERCENT), ==, 3);
  g_assert_cmpuint (xf_table_add_column (table, "Since", XF_TABLE_DATE), ==, 4);

  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "制造业");
  xf_table_set_number (table, row, 1, 125);
  xf_table_set_number (table, row, 2, 3.5);
  xf_table_set_number (table, row, 3, 0.3125);
  xf_table_set_text (table, row, 4, "2026-03-01");

  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "Farming, \"fish\"\nand forests");
  xf_table_set_number (table, row, 1, 7);
  xf_table_set_number (table, row, 2, 12.345);
  xf_table_set_number (table, row, 3, 0.25);
  /* Row 1's date left empty. */
  return table;
}

static void
test_cells (void)
{
  g_autoptr(XfTable) table = make_table ();
  g_autofree char *count = xf_table_dup_cell_text (table, 0, 1);
  g_autofree char *index = xf_table_dup_cell_text (table, 1, 2);
  g_autofree char *share = xf_table_dup_cell_text (table, 0, 3);
  g_autofree char *date = xf_table_dup_cell_text (table, 0, 4);
  g_autofree char *empty = xf_table_dup_cell_text (table, 1, 4);

  g_assert_cmpstr (xf_table_get_title (table), ==, "Pioneers by industry");
  g_assert_cmpuint (xf_table_get_n_columns (table), ==, 5);
  g_assert_cmpuint (xf_table_get_n_rows (table), ==, 2);
  g_assert_cmpint (xf_table_get_column_type (table, 3), ==, XF_TABLE_PERCENT);
  g_assert_cmpstr (xf_table_get_column_name (table, 4), ==, "Since");
  g_assert_cmpstr (count, ==, "125");
  g_assert_cmpstr (index, ==, "12.35");
  g_assert_cmpstr (share, ==, "31.2%");
  g_assert_cmpstr (date, ==, "2026-03-01");
  g_assert_null (empty);
  g_assert_cmpfloat_with_epsilon (xf_table_get_number (table, 1, 2), 12.345, 1e-9);

  /* Text in a numeric column is read as a number when it is one. */
  xf_table_set_text (table, 1, 1, "42");
  g_assert_cmpfloat (xf_table_get_number (table, 1, 1), ==, 42.0);
}

/* The first two rows as make_table () fills them, in CSV. */
#define CSV_HEAD \
  "\xEF\xBB\xBF" \
  "Industry,Count,Index,Share,Since\r\n" \
  "制造业,125,3.50,31.2%,2026-03-01\r\n" \
  "\"Farming, \"\"fish\"\"\nand forests\",7,12.35,25.0%,\r\n"

/* Writes @table as @name (by its extension, as xf_table_write () does)
 * and compares the file with @expected. */
static void
assert_csv (const XfTable *table,
            const char    *name,
            const char    *expected)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (xf_table_write (table, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
  xf_test_remove_dir (dir);
}

static void
test_csv (void)
{
  g_autoptr(XfTable) table = make_table ();
  guint row = xf_table_add_row (table);

  xf_table_set_text (table, row, 0, "=HYPERLINK(\"x\")");
  xf_table_set_number (table, row, 1, -1);
  assert_csv (table, "统计.csv", CSV_HEAD "\"'=HYPERLINK(\"\"x\"\")\",-1,,,\r\n");
}

/* Text that is not a number stays text in a numeric or date column, and
 * is kept from running as a formula there too; a number that is not
 * finite is an empty cell. */
static void
test_csv_other_columns (void)
{
  g_autoptr(XfTable) table = make_table ();
  g_autofree char *nan_text = NULL;
  guint row = xf_table_add_row (table);

  xf_table_set_text (table, row, 0, "x");
  xf_table_set_text (table, row, 1, "=1+2");
  xf_table_set_number (table, row, 2, NAN);
  xf_table_set_number (table, row, 3, INFINITY);
  xf_table_set_text (table, row, 4, "@SUM(A1)");
  nan_text = xf_table_dup_cell_text (table, row, 2);
  g_assert_null (nan_text);
  assert_csv (table, "other.csv", CSV_HEAD "x,'=1+2,,,'@SUM(A1)\r\n");
}

static void
test_xlsx_round_trip (void)
{
  g_autoptr(XfTable) table = make_table ();
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "table.XLSX", NULL);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const XfXlsxSheet *sheet;
  guint n_files = 0;

  /* Longer than a cell can hold: cut, not lost. */
  {
    g_autoptr(GString) long_text = g_string_new (NULL);
    guint row = xf_table_add_row (table);

    for (guint i = 0; i < 40000; i++)
      g_string_append (long_text, "长");
    xf_table_set_text (table, row, 0, long_text->str);
  }
  g_assert_true (xf_table_write (table, path, &error));
  g_assert_no_error (error);

  /* No temporary file is left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  sheets = xf_xlsx_read (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheets);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpstr (sheet->name, ==, "Pioneers by industry");
  g_assert_cmpuint (sheet->rows->len, ==, 4);

  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 0), ==, "Industry");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 0, 0), ==, 's');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 4), ==, "Since");

  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 0), ==, "制造业");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 0), ==, 's');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 1), ==, "125");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 1), ==, 'n');
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, 1, 2), NULL), 3.5, 1e-9);
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 2), ==, 'n');
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, 1, 3), NULL), 0.3125, 1e-9);
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 3), ==, 'n');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 4), ==, "2026-03-01");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 4), ==, 'd');

  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 0), ==, "Farming, \"fish\"\nand forests");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, 2, 2), NULL), 12.345, 1e-9);
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 4), ==, ' ');
  g_assert_cmpuint (g_utf8_strlen (xf_xlsx_sheet_get (sheet, 3, 0), -1), ==, 32767);
  g_assert_true (g_str_has_prefix (xf_xlsx_sheet_get (sheet, 3, 0), "长长"));
  g_assert_null (xf_xlsx_sheet_get (sheet, 2, 4));
  g_assert_null (xf_xlsx_sheet_get (sheet, 9, 0));
  xf_test_remove_dir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(XfTable) table = make_table ();
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "table.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "missing", "table.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "table.ods", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_table_write (table, path, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "table.xlsx"));
  g_clear_error (&error);

  g_assert_false (xf_table_write (table, csv, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "table.csv"));
  g_clear_error (&error);

  g_assert_false (xf_table_write (table, other, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/table/cells", test_cells);
  g_test_add_func ("/core/table/csv", test_csv);
  g_test_add_func ("/core/table/csv-other-columns", test_csv_other_columns);
  g_test_add_func ("/core/table/xlsx-round-trip", test_xlsx_round_trip);
  g_test_add_func ("/core/table/unwritable", test_unwritable);

  return g_test_run ();
}
