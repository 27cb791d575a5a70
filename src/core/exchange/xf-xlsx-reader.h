/* xf-xlsx-reader.h — reading the cells of an XLSX workbook's sheets
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A small reader (minizip for the zip container, GMarkup for the sheet
 * XML): shared strings, inline strings, numbers, booleans and dates (cells
 * with a date number format come back as "YYYY-MM-DD"). Used to read back
 * what xf_table_write_xlsx () wrote, and by spreadsheet import. Anything
 * malformed is XF_ERROR_INVALID naming the file and the part, never a
 * crash.
 */

typedef struct
{
  char      *name;
  GPtrArray *rows;    /* (element-type GPtrArray (element-type utf8)); empty cells "" */
  GPtrArray *kinds;   /* (element-type GString) per row, a character per cell:
                       * 's' text, 'n' number, 'd' date, 'b' boolean, ' ' empty */
} XfXlsxSheet;

void xf_xlsx_sheet_free (XfXlsxSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfXlsxSheet, xf_xlsx_sheet_free)

/* (element-type XfXlsxSheet) in the workbook's order. */
GPtrArray *xf_xlsx_read (const char  *path,
                         GError     **error);
/* The same over a workbook in memory (tests, fuzzing, xf-sheet.h); @name
 * names it in errors. */
GPtrArray *xf_xlsx_read_bytes (GBytes      *data,
                               const char  *name,
                               GError     **error);
/* The text of the cell at @row, @column (0-based) of @sheet, or NULL. */
const char *xf_xlsx_sheet_get (const XfXlsxSheet *sheet,
                               guint              row,
                               guint              column);
/* The kind of that cell ('s', 'n', 'd', 'b'), ' ' when empty or absent. */
char        xf_xlsx_sheet_get_kind (const XfXlsxSheet *sheet,
                                    guint              row,
                                    guint              column);

G_END_DECLS
