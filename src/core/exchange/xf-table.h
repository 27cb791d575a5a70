/* xf-table.h — a typed table for export to CSV (UTF-8 with BOM) and XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Statistics, rankings and lists are exported through one small table:
 * named, typed columns and rows of cells. CSV is written in UTF-8 with a
 * byte-order mark (what spreadsheet users on Windows need), RFC 4180
 * quoting and CRLF; XLSX with libxlsxwriter, numbers as numbers, dates as
 * dates, percentages formatted, a bold header row, frozen.
 * Writes go to a temporary file renamed into place, so a failure leaves no
 * partial file; errors are XF_ERROR_IO naming the file.
 */

typedef enum
{
  XF_TABLE_TEXT,
  XF_TABLE_INTEGER,
  XF_TABLE_NUMBER,     /* two decimals */
  XF_TABLE_PERCENT,    /* a fraction: 0.25 is 25% */
  XF_TABLE_DATE,       /* text YYYY-MM-DD in, a date cell in XLSX */
  XF_TABLE_MONEY,      /* yuan, two decimals; a ¥ number format in XLSX */
} XfTableType;

typedef struct _XfTable XfTable;

XfTable    *xf_table_new          (const char *title);
void        xf_table_free         (XfTable    *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTable, xf_table_free)

const char *xf_table_get_title    (const XfTable *table);
/* Returns the column's index. */
guint       xf_table_add_column   (XfTable     *table,
                                   const char  *name,
                                   XfTableType  type);
guint       xf_table_get_n_columns (const XfTable *table);
const char *xf_table_get_column_name (const XfTable *table,
                                   guint          column);
XfTableType xf_table_get_column_type (const XfTable *table,
                                   guint          column);
/* Appends an empty row and returns its index; cells are then set. */
guint       xf_table_add_row      (XfTable     *table);
guint       xf_table_get_n_rows   (const XfTable *table);
void        xf_table_set_text     (XfTable     *table,
                                   guint        row,
                                   guint        column,
                                   const char  *text);
void        xf_table_set_number   (XfTable     *table,
                                   guint        row,
                                   guint        column,
                                   double       value);
/* NULL when empty; numbers as the CSV writes them ("12", "3.50", "25.0%"). */
char       *xf_table_dup_cell_text (const XfTable *table,
                                   guint          row,
                                   guint          column);
double      xf_table_get_number   (const XfTable *table,
                                   guint          row,
                                   guint          column);

gboolean    xf_table_write_csv    (const XfTable *table,
                                   const char    *path,
                                   GError       **error);
gboolean    xf_table_write_xlsx   (const XfTable *table,
                                   const char    *path,
                                   GError       **error);
/* By the file name's extension, .csv or .xlsx; XF_ERROR_INVALID otherwise. */
gboolean    xf_table_write        (const XfTable *table,
                                   const char    *path,
                                   GError       **error);

/*
 * Streaming: rows written as they come, for lists too long to hold in a
 * table (a million rows), in the same CSV and XLSX as above (libxlsxwriter
 * in its constant-memory mode). @columns is a table whose columns (names
 * and types) and title make the sheet; its rows are ignored. A new sheet
 * (xf_table_writer_add_sheet) is a worksheet in XLSX, and an empty line
 * and a header row in CSV. Nothing reaches @path before finish renames
 * the temporary file; freeing an unfinished writer removes it.
 */
typedef struct _XfTableWriter XfTableWriter;

/* By @path's extension, .csv or .xlsx, as xf_table_write(). */
XfTableWriter *xf_table_writer_new       (const XfTable      *columns,
                                          const char         *path,
                                          GError            **error);
gboolean    xf_table_writer_add_sheet    (XfTableWriter      *writer,
                                          const XfTable      *columns,
                                          GError            **error);
/* One text per column (NULL or "" for an empty cell); numbers and dates
 * as text, converted by the column's type. */
gboolean    xf_table_writer_add_row      (XfTableWriter      *writer,
                                          const char * const *cells,
                                          GError            **error);
gboolean    xf_table_writer_finish       (XfTableWriter      *writer,
                                          GError            **error);
void        xf_table_writer_free         (XfTableWriter      *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTableWriter, xf_table_writer_free)

G_END_DECLS
