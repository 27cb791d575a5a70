/* xf-sheet.h — reading the rows of a spreadsheet file, CSV or XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * XfSheetReader hands out the records of a table file one at a time, so
 * that a file of a million rows is never held whole:
 *
 * - CSV is parsed with libcsv (RFC 4180 quoting, quoted line breaks, CR,
 *   LF or CRLF). The encoding is found from the bytes: a UTF-8, UTF-16LE or
 *   UTF-16BE byte order mark; else UTF-8 when the first 64 KiB are valid
 *   UTF-8; else GB18030 (which covers GBK and GB2312) when they convert;
 *   else XF_ERROR_INVALID "File: “a.csv” is neither UTF-8 nor GB18030
 *   text". Text is converted to UTF-8 as it streams (GLib's iconv). The
 *   delimiter is the one of comma, tab and semicolon that splits the first
 *   lines into the most equal, largest number of cells (outside quotes).
 * - XLSX (found by its zip signature, whatever the file is called) is read
 *   with xf-xlsx-reader: the first sheet that has a non-empty cell. Numbers
 *   that an identity number or mobile became in Excel come back as Excel
 *   stored them (text cells stay text); dates come back "YYYY-MM-DD".
 * - Records that are wholly empty (every cell blank after trimming) are
 *   skipped; cells are handed out as written (the caller trims).
 * - Limits, so that a hostile file costs little: at most 1,024 cells per
 *   record and 64 KiB per cell; more is XF_ERROR_INVALID naming the line
 *   ("Line 12: a cell is longer than 65,536 bytes").
 * - Every error names the file and, where there is one, the line, and is
 *   XF_ERROR_INVALID (bad content) or XF_ERROR_IO (cannot read). Malformed
 *   input is an error, never a crash (tests/fuzz/ fuzzes both formats).
 */

typedef enum
{
  XF_SHEET_FORMAT_CSV,
  XF_SHEET_FORMAT_XLSX,
} XfSheetFormat;

typedef struct _XfSheetReader XfSheetReader;

/* Opens @path and reads enough to know format, encoding and delimiter. */
XfSheetReader *xf_sheet_reader_open          (const char     *path,
                                              GError        **error);
/* The same over bytes in memory (tests, fuzzing); @name names it in errors. */
XfSheetReader *xf_sheet_reader_new_for_bytes (GBytes         *data,
                                              const char     *name,
                                              GError        **error);
void           xf_sheet_reader_free          (XfSheetReader  *self);

XfSheetFormat  xf_sheet_reader_get_format    (XfSheetReader  *self);
/* "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030"; "UTF-8" for XLSX. */
const char    *xf_sheet_reader_get_encoding  (XfSheetReader  *self);
/* ',', '\t' or ';' for CSV; 0 for XLSX. */
char           xf_sheet_reader_get_delimiter (XfSheetReader  *self);
/* The display name: the file's base name or @name. */
const char    *xf_sheet_reader_get_name      (XfSheetReader  *self);

/* The next non-empty record. TRUE with @cells (transfer none: valid until
 * the next call; UTF-8, NUL-terminated, @n_cells of them) and @line (1-based
 * line of the file where the record starts; for XLSX the sheet's row
 * number); FALSE at the end (@error unset) or on an error. */
gboolean       xf_sheet_reader_next          (XfSheetReader  *self,
                                              const char * const **cells,
                                              guint          *n_cells,
                                              guint64        *line,
                                              GError        **error);
/* Whether @cells look like a header row; for xf_sheet_reader_seek_header. */
typedef gboolean (*XfSheetHeaderFunc) (const char * const *cells,
                                       guint               n_cells,
                                       gpointer            user_data);

/* Reads up to @max non-empty records ahead and leaves the reader so that
 * the next record is the first of them for which @is_header returns TRUE,
 * skipping the ones before it (a title row above the header); when none
 * does, nothing is skipped. Call it before the first xf_sheet_reader_next.
 * Returns: FALSE with the reading error. */
gboolean       xf_sheet_reader_seek_header   (XfSheetReader     *self,
                                              XfSheetHeaderFunc  is_header,
                                              gpointer           user_data,
                                              guint              max,
                                              GError           **error);
/* How far through the file reading is, 0..1, for progress bars. */
double         xf_sheet_reader_get_fraction  (XfSheetReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfSheetReader, xf_sheet_reader_free)

G_END_DECLS
