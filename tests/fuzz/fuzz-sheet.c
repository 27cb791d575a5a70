/* fuzz-sheet.c — XfSheetReader over any bytes: CSV (every encoding and
 * delimiter) and XLSX, read to the last record
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-error.h"
#include "xf-fuzz.h"
#include "xf-sheet.h"

#define MAX_CELLS 1024
#define MAX_CELL  (64 * 1024)

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  return 0;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const int codes[] = { XF_ERROR_INVALID, XF_ERROR_IO };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = xf_sheet_reader_new_for_bytes (bytes, "fuzz.csv", &error);
  const char * const *cells;
  const char *encoding;
  guint64 line, last_line = 0;
  guint n_cells;
  char delimiter;

  if (reader == NULL)
    {
      xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (xf_sheet_reader_get_name (reader), ==, "fuzz.csv");
  encoding = xf_sheet_reader_get_encoding (reader);
  delimiter = xf_sheet_reader_get_delimiter (reader);
  if (xf_sheet_reader_get_format (reader) == XF_SHEET_FORMAT_XLSX)
    {
      g_assert_cmpstr (encoding, ==, "UTF-8");
      g_assert_cmpint (delimiter, ==, 0);
    }
  else
    {
      g_assert_cmpint (xf_sheet_reader_get_format (reader), ==, XF_SHEET_FORMAT_CSV);
      g_assert_true (g_strv_contains ((const char *[]) { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", NULL },
                                      encoding));
      g_assert_true (delimiter == ',' || delimiter == '\t' || delimiter == ';');
    }

  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error))
    {
      gboolean any = FALSE;
      double fraction = xf_sheet_reader_get_fraction (reader);

      g_assert_no_error (error);
      g_assert_cmpuint (n_cells, >=, 1);
      g_assert_cmpuint (n_cells, <=, MAX_CELLS);
      g_assert_cmpuint (line, >=, 1);
      /* CSV records start on later lines as the file goes on; an XLSX
       * row's number is whatever the sheet says. */
      if (xf_sheet_reader_get_format (reader) == XF_SHEET_FORMAT_CSV)
        g_assert_cmpuint (line, >, last_line);
      last_line = line;
      g_assert_true (fraction >= 0 && fraction <= 1);
      for (guint i = 0; i < n_cells; i++)
        {
          g_assert_nonnull (cells[i]);
          g_assert_cmpuint (strlen (cells[i]), <=, MAX_CELL);
          g_assert_true (g_utf8_validate (cells[i], -1, NULL));
          any = any || !is_blank (cells[i]);
        }
      /* Wholly empty records are skipped. */
      g_assert_true (any);
    }
  if (error != NULL)
    xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
  return 0;
}
