/* test-sheet.c — reading CSV and XLSX records: encodings, delimiters, quoting, limits
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-sheet.h"
#include "xf-table.h"
#include "xf-test-files.h"
#include "xf-xlsx-reader.h"

/* Every record as "LINE:cell|cell|…\n"; stops at the end or an error. */
static char *
read_all (XfSheetReader  *reader,
          GError        **error)
{
  GString *out = g_string_new (NULL);
  const char * const *cells;
  guint n_cells;
  guint64 line;

  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, error))
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", line);
      for (guint i = 0; i < n_cells; i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, cells[i]);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static XfSheetReader *
open_data (const char *data,
           gsize       length,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return xf_sheet_reader_new_for_bytes (bytes, "list.csv", error);
}

/* Reads @data (whole) and asserts the records, encoding and delimiter. */
static void
assert_reads (const char *data,
              gsize       length,
              const char *encoding,
              char        delimiter,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = open_data (data, length, &error);
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (xf_sheet_reader_get_format (reader), ==, XF_SHEET_FORMAT_CSV);
  g_assert_cmpint (xf_sheet_reader_get_delimiter (reader), ==, delimiter);
  g_assert_cmpstr (xf_sheet_reader_get_name (reader), ==, "list.csv");
  records = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, expected);
  /* After the end: plain ASCII at the start does not yet tell. */
  g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, encoding);
  g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), ==, 1.0);
}

/* Reads @data and asserts the records before the error, and the error. */
static void
assert_fails (const char *data,
              gsize       length,
              const char *expected,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = open_data (data, length, &error);
  g_autofree char *records = NULL;
  const char * const *cells;
  guint n_cells;
  guint64 line;

  g_assert_no_error (error);
  records = read_all (reader, &error);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (records, ==, expected);
  /* It stays ended. */
  g_clear_error (&error);
  g_assert_false (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_no_error (error);
}

static char *
convert (const char *text,
         const char *encoding,
         gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *converted = g_convert (text, -1, encoding, "UTF-8", NULL, length, &error);

  g_assert_no_error (error);
  return converted;
}

static void
test_utf8 (void)
{
  static const char text[] = "姓名,性别,出生日期\n王芳,女,1985-03-02\n李建国,男,1979/1/2\n";
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  static const char expected[] = "1:姓名|性别|出生日期\n2:王芳|女|1985-03-02\n3:李建国|男|1979/1/2\n";

  assert_reads (text, strlen (text), "UTF-8", ',', expected);
  /* The mark is not part of the first header. */
  assert_reads (with_bom, strlen (with_bom), "UTF-8", ',', expected);
  /* No line end after the last record. */
  assert_reads (text, strlen (text) - 1, "UTF-8", ',', expected);
}

static void
test_gb18030 (void)
{
  gsize length;
  g_autofree char *data = convert ("姓名,工作单位\r\n王芳,湖州市德清县舞阳街道\r\n"
                                   "𠀀龘,€ 欧元\r\n", "GB18030", &length);

  /* Not UTF-8: the detection has to fall back. */
  g_assert_false (g_utf8_validate (data, (gssize) length, NULL));
  assert_reads (data, length, "GB18030", ',',
                "1:姓名|工作单位\n2:王芳|湖州市德清县舞阳街道\n3:𠀀龘|€ 欧元\n");
}

/* The first 64 KiB plain ASCII, Chinese in GB18030 only after them: both
 * read ASCII alike, so the reader changes its mind when it gets there. */
static void
test_gb18030_late (void)
{
  g_autoptr(GString) text = g_string_new ("id,name\n");
  g_autoptr(GString) expected = g_string_new ("1:id|name\n");
  g_autofree char *tail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = NULL;
  g_autofree char *records = NULL;
  gsize length;
  guint line = 2;

  for (; text->len < 70000; line++)
    {
      g_string_append_printf (text, "%u,person %u\n", line, line);
      g_string_append_printf (expected, "%u:%u|person %u\n", line, line, line);
    }
  tail = convert ("999,王芳\n", "GB18030", &length);
  g_string_append_len (text, tail, (gssize) length);
  g_string_append_printf (expected, "%u:999|王芳\n", line);

  reader = open_data (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "UTF-8");
  records = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, expected->str);
  g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "GB18030");
}

/* Excel's "Unicode text": UTF-16LE with a byte order mark, tabs, CRLF. */
static void
test_utf16 (void)
{
  static const char text[] = "姓名\t手机\t备注\r\n王芳\t13800000000\t有, 逗号\r\n";
  static const char expected[] = "1:姓名|手机|备注\n2:王芳|13800000000|有, 逗号\n";
  gsize length;
  g_autofree char *le = convert (text, "UTF-16LE", &length);
  g_autofree char *be = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_byte_array_append (data, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (data, (const guint8 *) le, (guint) length);
  assert_reads ((const char *) data->data, data->len, "UTF-16LE", '\t', expected);

  be = convert (text, "UTF-16BE", &length);
  g_byte_array_set_size (data, 0);
  g_byte_array_append (data, (const guint8 *) "\xFE\xFF", 2);
  g_byte_array_append (data, (const guint8 *) be, (guint) length);
  assert_reads ((const char *) data->data, data->len, "UTF-16BE", '\t', expected);

  /* A character cut off at the end is not text. */
  assert_fails ((const char *) data->data, data->len - 1,
                expected, "Line 3 of “list.csv”: the text is not valid UTF-16BE");
}

static void
test_delimiters (void)
{
  /* Commas inside the cells of a tab-separated file, and the reverse. */
  static const char tabs[] = "name\taddress\tnote\nA\tX, Y, Z\t1,2\nB\tQ\t3\n";
  static const char commas[] = "name,note,x\nA,\"a;b;c;d\",1\nB,c;d,2\n";
  static const char semicolons[] = "name;amount;note\nA;1,5;x\nB;2,25;y, z\n";
  static const char one_column[] = "name\nA\nB\n";

  assert_reads (tabs, strlen (tabs), "UTF-8", '\t',
                "1:name|address|note\n2:A|X, Y, Z|1,2\n3:B|Q|3\n");
  assert_reads (commas, strlen (commas), "UTF-8", ',',
                "1:name|note|x\n2:A|a;b;c;d|1\n3:B|c;d|2\n");
  assert_reads (semicolons, strlen (semicolons), "UTF-8", ';',
                "1:name|amount|note\n2:A|1,5|x\n3:B|2,25|y, z\n");
  assert_reads (one_column, strlen (one_column), "UTF-8", ',', "1:name\n2:A\n3:B\n");
}

static void
test_quoting (void)
{
  static const char text[] =
    "name,quote,address\n"
    "\"Wang, Fang\",\"She said \"\"yes\"\"\",\"Line one\nLine two\n\nLine four\"\n"
    "Li,,\"\"\n"
    "\"Zhao\",\" padded \" , x \n"
    "Qian,\"a\r\nb\",c\r\n"
    "Sun,d,e\n";

  assert_reads (text, strlen (text), "UTF-8", ',',
                "1:name|quote|address\n"
                "2:Wang, Fang|She said \"yes\"|Line one\nLine two\n\nLine four\n"
                "6:Li||\n"
                "7:Zhao| padded |x\n"
                "8:Qian|a\r\nb|c\n"
                "10:Sun|d|e\n");
}

static void
test_line_ends (void)
{
  static const char *const texts[] = {
    "a,b\nc,d\n\"e\nf\",g\nh,i",
    "a,b\r\nc,d\r\n\"e\nf\",g\r\nh,i\r\n",
    "a,b\rc,d\r\"e\nf\",g\rh,i\r",
    "a,b\r\nc,d\r\"e\nf\",g\nh,i",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_reads (texts[i], strlen (texts[i]), "UTF-8", ',',
                  "1:a|b\n2:c|d\n3:e\nf|g\n5:h|i\n");
}

static void
test_empty_records (void)
{
  static const char text[] =
    "\n"
    "name,id\n"
    "\n"
    ",\n"
    "  ,  \n"
    "\t,\xE3\x80\x80\n"
    "Wang,1\n"
    " \t \r\n"
    "\"\",\" \"\n"
    "Li,2\n"
    ",,,\n";

  assert_reads (text, strlen (text), "UTF-8", ',', "2:name|id\n7:Wang|1\n10:Li|2\n");
  assert_reads ("", 0, "UTF-8", ',', "");
  assert_reads ("\n\n,,\n", 5, "UTF-8", ',', "");
}

static void
test_cell_limit (void)
{
  g_autoptr(GString) text = g_string_new ("name,note\nWang,");
  g_autoptr(GString) expected = g_string_new ("1:name|note\n2:Wang|");

  /* 65,536 bytes is allowed. */
  for (guint i = 0; i < 65536 / 4; i++)
    g_string_append (text, "a中");
  g_string_append (expected, text->str + strlen ("name,note\nWang,"));
  g_string_append (text, "\nLi,\"x\n\n");
  g_string_append_c (expected, '\n');
  for (guint i = 0; i < 65536 / 8; i++)
    g_string_append (text, "a,b\nc,d\n");
  g_string_append (text, "\"\nZhao,1\n");
  assert_fails (text->str, text->len, expected->str,
                "Line 3 of “list.csv”: a cell is longer than 65,536 bytes");

  /* A huge cell that never ends is stopped early. */
  g_string_assign (text, "a,b\nc,\"");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append (text, "xxxxxxxxxxxxxxx\n");
  assert_fails (text->str, text->len, "1:a|b\n",
                "Line 2 of “list.csv”: a cell is longer than 65,536 bytes");

  /* Unquoted, without a line end. */
  g_string_assign (text, "a,b\nc,");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append (text, "yyyyyyyyyyyyyyyy");
  assert_fails (text->str, text->len, "1:a|b\n",
                "Line 2 of “list.csv”: a cell is longer than 65,536 bytes");
}

static void
test_record_limit (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GString) expected = g_string_new ("1:a|b\n2:");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = NULL;
  const char * const *cells;
  guint n_cells;
  guint64 line;

  /* 1,024 cells, then empty ones as spreadsheets pad with: fine. */
  for (guint i = 0; i < 1024; i++)
    {
      g_string_append_printf (text, "%s%u", i > 0 ? "," : "", i);
      g_string_append_printf (expected, "%s%u", i > 0 ? "|" : "", i);
    }
  g_string_append (text, ",,, ,,\n\"x\ny\"");
  g_string_append (expected, "\n");
  for (guint i = 0; i < 1024; i++)
    g_string_append (text, ",1");
  g_string_append (text, "\nlast\n");

  reader = open_data (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_cmpuint (n_cells, ==, 1024);
  g_assert_cmpstr (cells[1023], ==, "1023");
  g_assert_cmpuint (line, ==, 2);

  assert_fails (text->str, text->len, expected->str,
                "Line 3 of “list.csv”: a record has more than 1,024 cells");
}

static void
test_unterminated_quote (void)
{
  static const char text[] = "name,note\nWang,ok\nLi,\"starts\nand goes on\nto the end";

  /* Refused, naming the line where the record begins: the open quote has
   * swallowed everything after it. */
  assert_fails (text, strlen (text), "1:name|note\n2:Wang|ok\n",
                "Line 3 of “list.csv”: a quoted cell is not closed");
}

static void
test_invalid_bytes (void)
{
  static const char binary[] = "PK\x05\x06\0\0\0\0";
  static const guint8 xls[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
  g_autoptr(GString) text = g_string_new ("姓名,id\n");
  g_autoptr(GError) error = NULL;
  XfSheetReader *reader;
  guint lines = 1;

  /* A NUL is not text in any of them. */
  reader = open_data ("name\0id\n", 8, &error);
  g_assert_null (reader);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "File: “list.csv” is neither UTF-8 nor GB18030 text");
  g_clear_error (&error);

  reader = open_data ((const char *) xls, sizeof xls, &error);
  g_assert_null (reader);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“list.csv” is an old Excel workbook (.xls)"));
  g_clear_error (&error);

  /* An empty zip: an XLSX by its signature, but not a workbook. */
  reader = open_data (binary, sizeof binary - 1, &error);
  g_assert_null (reader);
  g_assert_nonnull (reader == NULL ? error : NULL);
  g_clear_error (&error);

  /* UTF-8 for 64 KiB (with Chinese, so it is not plain ASCII), then a
   * byte that is not. */
  while (text->len < 70000)
    {
      g_string_append_printf (text, "王%u,%u\n", lines, lines);
      lines++;
    }
  g_string_append (text, "bad\xFF,1\n");
  reader = open_data (text->str, text->len, &error);
  g_assert_no_error (error);
  g_free (read_all (reader, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  {
    g_autofree char *message = g_strdup_printf ("Line %u of “list.csv”: the text is not valid UTF-8",
                                                lines + 1);
    g_assert_cmpstr (error->message, ==, message);
  }
  xf_sheet_reader_free (reader);
}

/* The reader's own UTF-8 check agrees with GLib's on text that is nearly
 * UTF-8: valid characters of every length with a byte changed here and
 * there (overlong forms, surrogates, beyond U+10FFFF, cut sequences, NUL). */
static void
test_utf8_validation (void)
{
  static const char *const pieces[] = {
    "a", "abcdefgh", "é", "中", "𠀀", "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80",
  };
  static const guint8 noise[] = {
    0x00, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(XfSheetReader) reader = NULL;
      guint n = (guint) g_rand_int_range (rand, 1, 24);
      gboolean valid;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (round % 4 != 0)
        text->str[g_rand_int_range (rand, 0, (gint32) text->len)] =
          (char) noise[g_rand_int_range (rand, 0, G_N_ELEMENTS (noise))];
      valid = g_utf8_validate (text->str, (gssize) text->len, NULL) &&
              memchr (text->str, '\0', text->len) == NULL;

      reader = open_data (text->str, text->len, &error);
      if (valid)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "UTF-8");
        }
      else if (reader != NULL)
        g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "GB18030");
      else
        g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    }
}

/* @n ASCII characters, then a CR before an LF, a character of @encoding
 * and a quoted line break: read as they should wherever a block ends. */
static void
assert_boundary (const char *encoding,
                 guint       n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *line = g_strnfill (99, 'x');
  g_autofree char *data = NULL;
  guint lines = n / 100 - 1;
  gsize length;

  /* Chinese at once, so that the encoding is known from the start. */
  g_string_append (text, "中\n");
  g_string_append (expected, "1:中\n");
  for (guint i = 0; i < lines; i++)
    {
      g_string_append_printf (text, "%s\n", line);
      g_string_append_printf (expected, "%u:%s\n", i + 2, line);
    }
  for (guint i = text->len; i < n; i++)
    g_string_append_c (text, 'a');
  g_string_append_printf (expected, "%u:%s|中\n%u:中文|z\n%u:q\r\nr|中\n", lines + 2,
                          text->str + lines * 100 + 4, lines + 3, lines + 4);
  g_string_append (text, ",中\r\n中文,z\r\n\"q\r\nr\",中\n");

  if (g_str_equal (encoding, "UTF-16LE"))
    g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
  if (g_str_equal (encoding, "UTF-8"))
    g_byte_array_append (bytes, (const guint8 *) text->str, text->len);
  else
    {
      data = convert (text->str, encoding, &length);
      g_byte_array_append (bytes, (const guint8 *) data, (guint) length);
    }
  assert_reads ((const char *) bytes->data, bytes->len, encoding, ',', expected->str);
}

static void
test_block_boundaries (void)
{
  /* The first block is 64 KiB, the next ones 256 KiB. */
  static const guint ends[] = { 65536, 65536 + 262144 };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    for (guint d = 0; d < 14; d++)
      {
        assert_boundary ("UTF-8", ends[e] - d);
        assert_boundary ("GB18030", ends[e] - d);
        assert_boundary ("UTF-16LE", (ends[e] - 2) / 2 - d / 2);
      }
}

static void
test_fraction (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = NULL;
  const char * const *cells;
  guint n_cells, records = 0;
  guint64 line;
  double last = 0;
  gboolean between = FALSE;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%u,%u\n", i, i * 7);
  reader = open_data (text->str, text->len, &error);
  g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), <, 0.1);
  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error))
    {
      double fraction = xf_sheet_reader_get_fraction (reader);

      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      between = between || (fraction > 0.3 && fraction < 0.7);
      last = fraction;
      records++;
      g_assert_cmpuint (line, ==, records);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, 100001);
  g_assert_true (between);
  g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), ==, 1.0);
}

static void
write_table (const char *path)
{
  g_autoptr(XfTable) table = xf_table_new ("名单");
  g_autoptr(GError) error = NULL;
  guint row;

  xf_table_add_column (table, "姓名", XF_TABLE_TEXT);
  xf_table_add_column (table, "身份证号码", XF_TABLE_TEXT);
  xf_table_add_column (table, "出生日期", XF_TABLE_DATE);
  xf_table_add_column (table, "人数", XF_TABLE_INTEGER);
  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "王芳");
  xf_table_set_text (table, row, 1, "330521198503021234");
  xf_table_set_text (table, row, 2, "1985-03-02");
  xf_table_set_number (table, row, 3, 12);
  xf_table_add_row (table);   /* wholly empty: skipped */
  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "Li, \"Jian\"\nguo");
  g_assert_true (xf_table_write_xlsx (table, path, &error));
  g_assert_no_error (error);
}

static void
assert_table (XfSheetReader *reader)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;

  g_assert_cmpint (xf_sheet_reader_get_format (reader), ==, XF_SHEET_FORMAT_XLSX);
  g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (xf_sheet_reader_get_delimiter (reader), ==, 0);
  g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), ==, 0.0);
  records = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==,
                   "1:姓名|身份证号码|出生日期|人数\n"
                   "2:王芳|330521198503021234|1985-03-02|12\n"
                   "4:Li, \"Jian\"\nguo\n");
  g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), ==, 1.0);
}

static gboolean
starts_with_cell (const char * const *cells,
                  guint               n_cells,
                  gpointer            user_data)
{
  return n_cells > 0 && g_str_equal (cells[0], user_data);
}

/* The header is looked for among the first records; the ones above it are
 * skipped, and nothing is when none matches (CSV and XLSX). */
static void
test_seek_header (void)
{
  static const char csv[] = "名单\n\n姓名,性别\n王芳,女\n";
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "名单.xlsx", NULL);
  struct { const char *first; guint max; const char *csv_records; const char *xlsx_records; } cases[] = {
    { "姓名", 10, "3:姓名|性别\n4:王芳|女\n",
      "1:姓名|身份证号码|出生日期|人数\n2:王芳|330521198503021234|1985-03-02|12\n4:Li, \"Jian\"\nguo\n" },
    { "王芳", 10, "4:王芳|女\n", "2:王芳|330521198503021234|1985-03-02|12\n4:Li, \"Jian\"\nguo\n" },
    { "nothing", 10, "1:名单\n3:姓名|性别\n4:王芳|女\n",
      "1:姓名|身份证号码|出生日期|人数\n2:王芳|330521198503021234|1985-03-02|12\n4:Li, \"Jian\"\nguo\n" },
    /* beyond the records looked at */
    { "王芳", 1, "1:名单\n3:姓名|性别\n4:王芳|女\n",
      "1:姓名|身份证号码|出生日期|人数\n2:王芳|330521198503021234|1985-03-02|12\n4:Li, \"Jian\"\nguo\n" },
  };

  write_table (path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfSheetReader) text = open_data (csv, sizeof csv - 1, &error);
      g_autoptr(XfSheetReader) book = xf_sheet_reader_open (path, &error);
      g_autofree char *text_records = NULL;
      g_autofree char *book_records = NULL;

      g_assert_no_error (error);
      g_assert_true (xf_sheet_reader_seek_header (text, starts_with_cell, (gpointer) cases[i].first,
                                                  cases[i].max, &error));
      g_assert_true (xf_sheet_reader_seek_header (book, starts_with_cell, (gpointer) cases[i].first,
                                                  cases[i].max, &error));
      g_assert_no_error (error);
      text_records = read_all (text, &error);
      book_records = read_all (book, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text_records, ==, cases[i].csv_records);
      g_assert_cmpstr (book_records, ==, cases[i].xlsx_records);
    }
}

static void
test_xlsx (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  /* Found by its signature, whatever the file is called. */
  g_autofree char *path = g_build_filename (dir, "名单.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  write_table (path);
  {
    g_autoptr(XfSheetReader) reader = xf_sheet_reader_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (xf_sheet_reader_get_name (reader), ==, "名单.csv");
    assert_table (reader);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_autoptr(XfSheetReader) reader = xf_sheet_reader_new_for_bytes (bytes, "upload.xlsx", &error);
    g_autoptr(GPtrArray) sheets = xf_xlsx_read_bytes (bytes, "upload.xlsx", &error);
    XfXlsxSheet *sheet;

    g_assert_no_error (error);
    assert_table (reader);
    g_assert_cmpuint (sheets->len, ==, 1);
    sheet = g_ptr_array_index (sheets, 0);
    g_assert_cmpstr (sheet->name, ==, "名单");
    g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 2), ==, "1985-03-02");
    g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 2), ==, 'd');
    g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 3), ==, 'n');

    /* Cut short, it is refused naming the name it was given. */
    for (gsize cut = 0; cut < length; cut += length / 7 + 1)
      {
        g_autoptr(GBytes) part = g_bytes_new_from_bytes (bytes, 0, cut);
        g_autoptr(GPtrArray) none = xf_xlsx_read_bytes (part, "upload.xlsx", &error);

        g_assert_null (none);
        g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "“upload.xlsx”"));
        g_clear_error (&error);
      }
  }
  xf_test_remove_dir (dir);
}

static void
test_files (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *list = g_build_filename (dir, "list.txt", NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gb = convert ("姓名;手机\n王芳;13800000000\n", "GB18030", &length);

  /* A zero-byte file has no records, and that is not an error. */
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  {
    g_autoptr(XfSheetReader) reader = xf_sheet_reader_open (empty, &error);
    g_autofree char *records = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (xf_sheet_reader_get_name (reader), ==, "empty.csv");
    records = read_all (reader, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (records, ==, "");
    g_assert_cmpfloat (xf_sheet_reader_get_fraction (reader), ==, 1.0);
  }

  g_assert_null (xf_sheet_reader_open (missing, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "“missing.csv”"));
  g_clear_error (&error);

  g_assert_null (xf_sheet_reader_open (dir, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (list, gb, (gssize) length, &error));
  {
    g_autoptr(XfSheetReader) reader = xf_sheet_reader_open (list, &error);
    g_autofree char *records = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "GB18030");
    g_assert_cmpint (xf_sheet_reader_get_delimiter (reader), ==, ';');
    records = read_all (reader, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (records, ==, "1:姓名|手机\n2:王芳|13800000000\n");
  }
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sheet/utf8", test_utf8);
  g_test_add_func ("/core/sheet/gb18030", test_gb18030);
  g_test_add_func ("/core/sheet/gb18030-late", test_gb18030_late);
  g_test_add_func ("/core/sheet/utf16", test_utf16);
  g_test_add_func ("/core/sheet/delimiters", test_delimiters);
  g_test_add_func ("/core/sheet/quoting", test_quoting);
  g_test_add_func ("/core/sheet/line-ends", test_line_ends);
  g_test_add_func ("/core/sheet/empty-records", test_empty_records);
  g_test_add_func ("/core/sheet/cell-limit", test_cell_limit);
  g_test_add_func ("/core/sheet/record-limit", test_record_limit);
  g_test_add_func ("/core/sheet/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/sheet/invalid-bytes", test_invalid_bytes);
  g_test_add_func ("/core/sheet/utf8-validation", test_utf8_validation);
  g_test_add_func ("/core/sheet/block-boundaries", test_block_boundaries);
  g_test_add_func ("/core/sheet/fraction", test_fraction);
  g_test_add_func ("/core/sheet/xlsx", test_xlsx);
  g_test_add_func ("/core/sheet/seek-header", test_seek_header);
  g_test_add_func ("/core/sheet/files", test_files);

  return g_test_run ();
}
