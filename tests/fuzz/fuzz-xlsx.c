/* fuzz-xlsx.c — xf_xlsx_read_bytes () over any bytes, every cell read back
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-error.h"
#include "xf-fuzz.h"
#include "xf-xlsx-reader.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const int codes[] = { XF_ERROR_INVALID };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = xf_xlsx_read_bytes (bytes, "fuzz.xlsx", &error);

  if (sheets == NULL)
    {
      xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
      return 0;
    }
  g_assert_no_error (error);
  for (guint s = 0; s < sheets->len; s++)
    {
      const XfXlsxSheet *sheet = sheets->pdata[s];

      g_assert_nonnull (sheet->name);
      g_assert_true (g_utf8_validate (sheet->name, -1, NULL));
      g_assert_cmpuint (sheet->kinds->len, ==, sheet->rows->len);
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          GPtrArray *row = sheet->rows->pdata[r];
          GString *kinds = sheet->kinds->pdata[r];

          g_assert_cmpuint (kinds->len, ==, row->len);
          for (guint c = 0; c < row->len; c++)
            {
              const char *text = row->pdata[c];
              char kind = xf_xlsx_sheet_get_kind (sheet, r, c);

              g_assert_nonnull (text);
              g_assert_true (g_utf8_validate (text, -1, NULL));
              g_assert_true (xf_xlsx_sheet_get (sheet, r, c) == text);
              g_assert_nonnull (strchr ("sndb ", kind));
              g_assert_cmpint (kind, ==, kinds->str[c]);
              /* An empty cell is "" of kind ' '; a date is YYYY-MM-DD. */
              if (kind == ' ')
                g_assert_cmpstr (text, ==, "");
              if (kind == 'd')
                g_assert_cmpuint (strlen (text), ==, 10);
            }
          g_assert_null (xf_xlsx_sheet_get (sheet, r, row->len));
          g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, r, row->len), ==, ' ');
        }
      g_assert_null (xf_xlsx_sheet_get (sheet, sheet->rows->len, 0));
    }
  return 0;
}
