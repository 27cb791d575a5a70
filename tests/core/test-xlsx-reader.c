/* test-xlsx-reader.c — reading workbooks, good and malformed
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <zip.h>

#include "xf-error.h"
#include "xf-table.h"
#include "xf-test-files.h"
#include "xf-xlsx-reader.h"

static const char *workbook_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"Second\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";

static const char *rels_xml =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"…/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"…/worksheet\" Target=\"/xl/worksheets/other.xml\"/>"
  "</Relationships>";

static const char *shared_xml =
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
  "<si><t>姓名</t></si>"
  "<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space=\"preserve\">text</t></r>"
  "<rPh><t>ignored</t></rPh></si></sst>";

static const char *styles_xml =
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
  "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/></numFmts>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
  "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
  "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";

static const char *sheet1_xml =
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>王芳</t></is></c>"
  "<c r=\"B3\"><v>42.5</v></c><c r=\"C3\" s=\"1\"><v>46082</v></c>"
  "<c r=\"D3\" s=\"2\"><v>45658</v></c><c r=\"E3\" t=\"b\"><v>1</v></c>"
  "<c r=\"F3\" s=\"3\"><v>0.5</v></c><c r=\"G3\"/></row>"
  "</sheetData></worksheet>";

static const char *sheet2_xml =
  "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<x:sheetData><x:row><x:c t=\"str\"><x:v>formula text</x:v></x:c><x:c><x:v>7</x:v></x:c>"
  "</x:row></x:sheetData></x:worksheet>";

typedef struct
{
  const char *name;
  const char *contents;
} Part;

static void
write_zip (const char *path,
           const Part *parts,
           guint       n_parts)
{
  zipFile zip = zipOpen (path, APPEND_STATUS_CREATE);

  g_assert_nonnull (zip);
  for (guint i = 0; i < n_parts; i++)
    {
      g_assert_cmpint (zipOpenNewFileInZip (zip, parts[i].name, NULL, NULL, 0, NULL, 0, NULL,
                                            Z_DEFLATED, Z_DEFAULT_COMPRESSION), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, parts[i].contents,
                                            (unsigned) strlen (parts[i].contents)), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
}

static void
assert_invalid (const char *path,
                const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = xf_xlsx_read (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (sheets);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, base));
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” does not name %s", error->message, part);
}

static void
test_read (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  const XfXlsxSheet *sheet;
  const Part parts[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/sharedStrings.xml", shared_xml },
    { "xl/styles.xml", styles_xml },
    { "xl/worksheets/sheet1.xml", sheet1_xml },
    { "xl/worksheets/other.xml", sheet2_xml },
  };

  write_zip (path, parts, G_N_ELEMENTS (parts));
  sheets = xf_xlsx_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 2);

  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpstr (sheet->name, ==, "名单");
  g_assert_cmpuint (sheet->rows->len, ==, 3);
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 0), ==, "姓名");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 1), ==, "");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 0, 1), ==, ' ');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 2), ==, "Rich text");
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (sheet->rows, 1))->len, ==, 0);
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 0), ==, "王芳");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 0), ==, 's');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 1), ==, "42.5");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 1), ==, 'n');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 2), ==, "2026-03-01");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 2), ==, 'd');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 3), ==, "2025-01-01");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 3), ==, 'd');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 4), ==, "TRUE");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 4), ==, 'b');
  /* A duration is not a date. */
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 2, 5), ==, "0.5");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 2, 5), ==, 'n');
  g_assert_null (xf_xlsx_sheet_get (sheet, 2, 6));

  sheet = g_ptr_array_index (sheets, 1);
  g_assert_cmpstr (sheet->name, ==, "Second");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 0), ==, "formula text");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 1), ==, "7");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 0, 1), ==, 'n');
  xf_test_remove_dir (dir);
}

static void
test_not_a_zip (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plain.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Name,Count\r\n王芳,3\r\n", -1, NULL));
  assert_invalid (path, NULL);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_invalid (path, NULL);

  g_assert_null (xf_xlsx_read (missing, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  xf_test_remove_dir (dir);
}

static void
test_no_workbook (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nobook.xlsx", NULL);
  const Part parts[] = { { "hello.txt", "hello" } };

  write_zip (path, parts, G_N_ELEMENTS (parts));
  assert_invalid (path, "xl/workbook.xml");
  xf_test_remove_dir (dir);
}

static void
test_truncated (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "whole.xlsx", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.xlsx", NULL);
  g_autoptr(XfTable) table = xf_table_new ("T");
  g_autofree char *contents = NULL;
  gsize length;

  xf_table_add_column (table, "A", XF_TABLE_TEXT);
  for (guint i = 0; i < 200; i++)
    xf_table_set_text (table, xf_table_add_row (table), 0, "一些文字 some text");
  g_assert_true (xf_table_write_xlsx (table, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* Cut anywhere: without its central directory, or in the middle of it. */
  for (gsize keep = length / 2; keep < length; keep += MAX (length / 7, 1))
    {
      g_assert_true (g_file_set_contents (cut, contents, (gssize) keep, NULL));
      assert_invalid (cut, NULL);
    }
  xf_test_remove_dir (dir);
}

/* Damage anywhere in the file is read or refused, never a crash. */
static void
test_damaged (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "whole.xlsx", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.xlsx", NULL);
  g_autoptr(XfTable) table = xf_table_new ("T");
  g_autofree char *contents = NULL;
  GRand *rand = g_rand_new_with_seed (8);
  guint n_refused = 0;
  gsize length;

  xf_table_add_column (table, "A", XF_TABLE_TEXT);
  xf_table_add_column (table, "B", XF_TABLE_DATE);
  for (guint i = 0; i < 20; i++)
    {
      guint row = xf_table_add_row (table);

      xf_table_set_text (table, row, 0, "文字");
      xf_table_set_text (table, row, 1, "2026-01-31");
    }
  g_assert_true (xf_table_write_xlsx (table, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GPtrArray) sheets = NULL;
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < 1 + round % 4; j++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int_range (rand, 0, 256);
      g_assert_true (g_file_set_contents (damaged, copy, (gssize) length, NULL));
      sheets = xf_xlsx_read (damaged, &error);
      if (sheets == NULL)
        {
          g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
          n_refused++;
        }
    }
  /* Most damage is caught by the zip's checksums. */
  g_assert_cmpuint (n_refused, >, 50);
  g_rand_free (rand);
  xf_test_remove_dir (dir);
}

static void
test_malformed_parts (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.xlsx", NULL);
  const Part bad_xml[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/sharedStrings.xml", shared_xml },
    { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</c></row>" },
    { "xl/worksheets/other.xml", sheet2_xml },
  };
  const Part bad_index[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row>"
                                  "</sheetData></worksheet>" },
    { "xl/worksheets/other.xml", sheet2_xml },
  };
  const Part bad_reference[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=\"ZZZZ99999999\"><v>1</v></c>"
                                  "</row></sheetData></worksheet>" },
    { "xl/worksheets/other.xml", sheet2_xml },
  };
  const Part not_finite[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/styles.xml", styles_xml },
    { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=\"A1\" s=\"1\"><v>nan</v></c>"
                                  "</row></sheetData></worksheet>" },
    { "xl/worksheets/other.xml", sheet2_xml },
  };
  const Part missing_sheet[] = {
    { "xl/workbook.xml", workbook_xml },
    { "xl/_rels/workbook.xml.rels", rels_xml },
    { "xl/worksheets/sheet1.xml", sheet2_xml },
  };
  const Part no_rels[] = {
    { "xl/workbook.xml", workbook_xml },
  };

  write_zip (path, bad_xml, G_N_ELEMENTS (bad_xml));
  assert_invalid (path, "xl/worksheets/sheet1.xml");
  write_zip (path, bad_index, G_N_ELEMENTS (bad_index));
  assert_invalid (path, "xl/worksheets/sheet1.xml");
  write_zip (path, bad_reference, G_N_ELEMENTS (bad_reference));
  assert_invalid (path, "ZZZZ99999999");
  /* Not a number, even though strtod reads it, and not a date. */
  write_zip (path, not_finite, G_N_ELEMENTS (not_finite));
  assert_invalid (path, "“nan”");
  write_zip (path, missing_sheet, G_N_ELEMENTS (missing_sheet));
  assert_invalid (path, "xl/worksheets/other.xml");
  write_zip (path, no_rels, G_N_ELEMENTS (no_rels));
  assert_invalid (path, "workbook.xml.rels");
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/xlsx-reader/read", test_read);
  g_test_add_func ("/core/xlsx-reader/not-a-zip", test_not_a_zip);
  g_test_add_func ("/core/xlsx-reader/no-workbook", test_no_workbook);
  g_test_add_func ("/core/xlsx-reader/truncated", test_truncated);
  g_test_add_func ("/core/xlsx-reader/malformed-parts", test_malformed_parts);
  g_test_add_func ("/core/xlsx-reader/damaged", test_damaged);

  return g_test_run ();
}
