/* xf-table.c — a typed table for export to CSV (UTF-8 with BOM) and XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-table"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "xf-error.h"
#include "xf-table.h"

typedef struct
{
  char        *name;
  XfTableType  type;
} Column;

typedef struct
{
  char     *text;      /* text and date columns */
  double    number;    /* the numeric columns */
  gboolean  has_number;
} Cell;

struct _XfTable
{
  char      *title;
  GArray    *columns;  /* (element-type Column) */
  GPtrArray *rows;     /* (element-type GArray (element-type Cell)) */
};

static void
column_clear (Column *column)
{
  g_free (column->name);
}

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
}

static GArray *
row_new (void)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, (GDestroyNotify) cell_clear);
  return row;
}

XfTable *
xf_table_new (const char *title)
{
  XfTable *table = g_new0 (XfTable, 1);

  table->title = g_strdup (title != NULL ? title : "");
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, (GDestroyNotify) column_clear);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return table;
}

void
xf_table_free (XfTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

const char *
xf_table_get_title (const XfTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->title;
}

guint
xf_table_add_column (XfTable     *table,
                     const char  *name,
                     XfTableType  type)
{
  Column column = { g_strdup (name != NULL ? name : ""), type };

  g_return_val_if_fail (table != NULL, 0);
  g_array_append_val (table->columns, column);
  return table->columns->len - 1;
}

guint
xf_table_get_n_columns (const XfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->columns->len;
}

const char *
xf_table_get_column_name (const XfTable *table,
                          guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return g_array_index (table->columns, Column, column).name;
}

XfTableType
xf_table_get_column_type (const XfTable *table,
                          guint          column)
{
  g_return_val_if_fail (table != NULL, XF_TABLE_TEXT);
  g_return_val_if_fail (column < table->columns->len, XF_TABLE_TEXT);
  return g_array_index (table->columns, Column, column).type;
}

guint
xf_table_add_row (XfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  g_ptr_array_add (table->rows, row_new ());
  return table->rows->len - 1;
}

guint
xf_table_get_n_rows (const XfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

static Cell *
cell_at (const XfTable *table,
         guint          row,
         guint          column)
{
  GArray *cells = g_ptr_array_index (table->rows, row);

  if (cells->len <= column)
    g_array_set_size (cells, column + 1);
  return &g_array_index (cells, Cell, column);
}

static gboolean
is_numeric (XfTableType type)
{
  return type == XF_TABLE_INTEGER || type == XF_TABLE_NUMBER || type == XF_TABLE_PERCENT
         || type == XF_TABLE_MONEY;
}

void
xf_table_set_text (XfTable    *table,
                   guint       row,
                   guint       column,
                   const char *text)
{
  Cell *cell;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);
  g_return_if_fail (column < table->columns->len);

  cell = cell_at (table, row, column);
  g_clear_pointer (&cell->text, g_free);
  cell->has_number = FALSE;
  if (text == NULL || *text == '\0')
    return;
  if (is_numeric (xf_table_get_column_type (table, column)))
    {
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      if (end != text && *end == '\0' && isfinite (value))
        {
          cell->number = value;
          cell->has_number = TRUE;
          return;
        }
    }
  cell->text = g_strdup (text);
}

void
xf_table_set_number (XfTable *table,
                     guint    row,
                     guint    column,
                     double   value)
{
  Cell *cell;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);
  g_return_if_fail (column < table->columns->len);

  cell = cell_at (table, row, column);
  g_clear_pointer (&cell->text, g_free);
  /* No figure (an average of nothing, a share of a zero city average) is
   * an empty cell, not "nan" in a spreadsheet. */
  cell->number = isfinite (value) ? value : 0.0;
  cell->has_number = isfinite (value);
}

static const Cell *
peek_cell (const XfTable *table,
           guint          row,
           guint          column)
{
  GArray *cells;

  if (row >= table->rows->len)
    return NULL;
  cells = g_ptr_array_index (table->rows, row);
  if (column >= cells->len)
    return NULL;
  return &g_array_index (cells, Cell, column);
}

static char *
format_number (XfTableType type,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (type)
    {
    case XF_TABLE_INTEGER:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
    case XF_TABLE_PERCENT:
      return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value * 100.0), "%", NULL);
    case XF_TABLE_NUMBER:
    case XF_TABLE_MONEY:
    case XF_TABLE_TEXT:
    case XF_TABLE_DATE:
    default:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
    }
}

char *
xf_table_dup_cell_text (const XfTable *table,
                        guint          row,
                        guint          column)
{
  const Cell *cell;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);

  cell = peek_cell (table, row, column);
  if (cell == NULL)
    return NULL;
  if (cell->has_number)
    return format_number (xf_table_get_column_type (table, column), cell->number);
  return g_strdup (cell->text);
}

double
xf_table_get_number (const XfTable *table,
                     guint          row,
                     guint          column)
{
  const Cell *cell;

  g_return_val_if_fail (table != NULL, 0.0);

  cell = peek_cell (table, row, column);
  if (cell == NULL)
    return 0.0;
  if (cell->has_number)
    return cell->number;
  return cell->text != NULL ? g_ascii_strtod (cell->text, NULL) : 0.0;
}

/*
 * CSV
 */

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A spreadsheet would run text such as "=HYPERLINK(…)" from a name or a
 * contribution as a formula: an apostrophe keeps it text. Any text cell,
 * whatever its column: text that is not a number stays text in a numeric
 * column. */
static void
append_csv_cell (GString    *out,
                 const char *text,
                 gboolean    is_number)
{
  if (text != NULL && !is_number && strchr ("=+@\t\r", text[0]) != NULL)
    {
      g_autofree char *quoted = g_strconcat ("'", text, NULL);

      append_csv_field (out, quoted);
    }
  else
    append_csv_field (out, text);
}

gboolean
xf_table_write_csv (const XfTable *table,
                    const char    *path,
                    GError       **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint c = 0; c < table->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, xf_table_get_column_name (table, c));
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *text = xf_table_dup_cell_text (table, r, c);
          const Cell *cell = peek_cell (table, r, c);

          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, text, cell != NULL && cell->has_number);
        }
      g_string_append (out, "\r\n");
    }

  /* g_file_set_contents () writes a temporary file and renames it. */
  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    return xf_error_set_write_failed (error, path, local_error->message);
  return TRUE;
}

/*
 * XLSX
 */

#define XLSX_TEXT_MAX 32767
/* Yuan in the Chinese locale's currency format, as the finance office reads it. */
#define MONEY_FORMAT "[$¥-804]#,##0.00"

/* A worksheet name: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint n = 0;

  for (const char *p = title; p != NULL && *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\'", (int) ch) != NULL && ch < 128)
        ch = ' ';
      else if (g_unichar_iscntrl (ch))
        ch = ' ';
      g_string_append_unichar (name, ch);
    }
  g_strstrip (name->str);
  if (name->str[0] == '\0')
    return g_strdup ("Sheet1");
  return g_strdup (name->str);
}

/* The width of @text in character cells: CJK characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n')
        continue;
      width += g_unichar_iswide (ch) ? 2 : 1;
    }
  return width;
}

static gboolean
parse_date (const char   *text,
            lxw_datetime *datetime)
{
  g_autoptr(GDate) date = NULL;
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year) || year < 1900)
    return FALSE;
  *datetime = (lxw_datetime) { (int) year, (int) month, (int) day, 0, 0, 0.0 };
  return TRUE;
}

static char *
temp_path_beside (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_free (temp);
      xf_error_set_write_failed (error, path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return temp;
}

/* libxlsxwriter prints numbers with printf () when it closes the
 * workbook: in the C locale, or German users would get "3,5". */
static lxw_error
close_workbook (lxw_workbook *workbook)
{
  locale_t c_locale = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t previous = c_locale != (locale_t) 0 ? uselocale (c_locale) : (locale_t) 0;
  lxw_error status = workbook_close (workbook);

  if (c_locale != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (c_locale);
    }
  return status;
}

gboolean
xf_table_write_xlsx (const XfTable *table,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *name = NULL;
  g_autofree guint *widths = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *header, *integer, *number, *percent, *date, *money;
  lxw_error status;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A sheet has at most 1,048,576 rows (one is the header) and 16,384
   * columns; libxlsxwriter would silently leave out the rest. */
  if (table->rows->len >= LXW_ROW_MAX || table->columns->len > LXW_COL_MAX)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("“%s”: too many rows or columns for a spreadsheet; export it as CSV"),
                   display);
      return FALSE;
    }

  temp = temp_path_beside (path, error);
  if (temp == NULL)
    return FALSE;

  workbook = workbook_new (temp);
  if (workbook == NULL)
    {
      g_unlink (temp);
      return xf_error_set_write_failed (error, path, _("The workbook could not be created"));
    }
  name = sheet_name (table->title);
  worksheet = workbook_add_worksheet (workbook, name);

  header = workbook_add_format (workbook);
  format_set_bold (header);
  integer = workbook_add_format (workbook);
  format_set_num_format (integer, "0");
  number = workbook_add_format (workbook);
  format_set_num_format (number, "0.00");
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0.0%");
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");
  money = workbook_add_format (workbook);
  format_set_num_format (money, MONEY_FORMAT);

  widths = g_new0 (guint, MAX (table->columns->len, 1));
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *column_name = xf_table_get_column_name (table, c);

      worksheet_write_string (worksheet, 0, (lxw_col_t) c, column_name, header);
      widths[c] = display_width (column_name);
    }
  worksheet_freeze_panes (worksheet, 1, 0);

  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->columns->len; c++)
      {
        const Cell *cell = peek_cell (table, r, c);
        XfTableType type = xf_table_get_column_type (table, c);
        lxw_row_t row = (lxw_row_t) r + 1;
        lxw_datetime datetime;
        g_autofree char *text = NULL;

        if (cell == NULL || (cell->text == NULL && !cell->has_number))
          continue;
        text = xf_table_dup_cell_text (table, r, c);
        widths[c] = MAX (widths[c], display_width (text));
        if (cell->has_number && isfinite (cell->number))
          {
            lxw_format *format = type == XF_TABLE_INTEGER ? integer
                               : type == XF_TABLE_PERCENT ? percent
                               : type == XF_TABLE_MONEY ? money
                               : number;

            worksheet_write_number (worksheet, row, (lxw_col_t) c, cell->number, format);
          }
        else if (type == XF_TABLE_DATE && parse_date (cell->text, &datetime))
          worksheet_write_datetime (worksheet, row, (lxw_col_t) c, &datetime, date);
        else if (g_utf8_strlen (text, -1) > XLSX_TEXT_MAX)
          {
            /* A cell holds at most 32,767 characters; longer text would be
             * left out altogether. */
            g_autofree char *cut = g_utf8_substring (text, 0, XLSX_TEXT_MAX);

            worksheet_write_string (worksheet, row, (lxw_col_t) c, cut, NULL);
          }
        else
          worksheet_write_string (worksheet, row, (lxw_col_t) c, text, NULL);
      }

  for (guint c = 0; c < table->columns->len; c++)
    worksheet_set_column (worksheet, (lxw_col_t) c, (lxw_col_t) c,
                          CLAMP (widths[c] + 2, 8, 60), NULL);

  status = close_workbook (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (temp);
      return xf_error_set_write_failed (error, path, lxw_strerror (status));
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return xf_error_set_write_failed (error, path, g_strerror (saved));
    }
  return TRUE;
}

gboolean
xf_table_write (const XfTable *table,
                const char    *path,
                GError       **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return xf_table_write_csv (table, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return xf_table_write_xlsx (table, path, error);

  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                 _("File name: “%s” does not end in .csv or .xlsx"), display);
  }
  return FALSE;
}

/*
 * Streaming
 */

struct _XfTableWriter
{
  char          *path;
  char          *temp;
  char          *tmpdir;   /* libxlsxwriter's own temporary files, beside the file */
  gboolean       xlsx;
  /* CSV */
  FILE          *file;
  GString       *line;
  /* XLSX */
  lxw_workbook  *workbook;
  lxw_worksheet *worksheet;
  lxw_format    *header;
  lxw_format    *date;
  lxw_format    *money;
  lxw_format    *percent;
  lxw_row_t      row;
  GArray        *types;    /* (element-type XfTableType) of the current sheet */
  guint          n_sheets;
};

void
xf_table_writer_free (XfTableWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->file != NULL)
    fclose (writer->file);
  if (writer->workbook != NULL)
    close_workbook (writer->workbook);
  if (writer->temp != NULL)
    g_unlink (writer->temp);
  if (writer->line != NULL)
    g_string_free (writer->line, TRUE);
  g_clear_pointer (&writer->types, g_array_unref);
  g_free (writer->temp);
  g_free (writer->tmpdir);
  g_free (writer->path);
  g_free (writer);
}

static gboolean
csv_write_line (XfTableWriter  *writer,
                GError        **error)
{
  g_string_append (writer->line, "\r\n");
  if (fwrite (writer->line->str, 1, writer->line->len, writer->file) != writer->line->len)
    return xf_error_set_write_failed (error, writer->path, g_strerror (errno));
  g_string_truncate (writer->line, 0);
  return TRUE;
}

gboolean
xf_table_writer_add_sheet (XfTableWriter  *writer,
                           const XfTable  *columns,
                           GError        **error)
{
  guint n = xf_table_get_n_columns (columns);

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  g_array_set_size (writer->types, 0);
  for (guint c = 0; c < n; c++)
    {
      XfTableType type = xf_table_get_column_type (columns, c);

      g_array_append_val (writer->types, type);
    }

  if (!writer->xlsx)
    {
      /* The next part of the file after an empty line, under its own header. */
      if (writer->n_sheets++ > 0 && !csv_write_line (writer, error))
        return FALSE;
      for (guint c = 0; c < n; c++)
        {
          if (c > 0)
            g_string_append_c (writer->line, ',');
          append_csv_field (writer->line, xf_table_get_column_name (columns, c));
        }
      return csv_write_line (writer, error);
    }

  {
    g_autofree char *name = sheet_name (xf_table_get_title (columns));

    writer->n_sheets++;
    writer->worksheet = workbook_add_worksheet (writer->workbook, name);
    if (writer->worksheet == NULL)
      return xf_error_set_write_failed (error, writer->path, _("The workbook could not be created"));
  }
  for (guint c = 0; c < n; c++)
    {
      const char *column_name = xf_table_get_column_name (columns, c);

      worksheet_set_column (writer->worksheet, (lxw_col_t) c, (lxw_col_t) c,
                            CLAMP (display_width (column_name) + 2, 12, 40), NULL);
    }
  for (guint c = 0; c < n; c++)
    worksheet_write_string (writer->worksheet, 0, (lxw_col_t) c,
                            xf_table_get_column_name (columns, c), writer->header);
  worksheet_freeze_panes (writer->worksheet, 1, 0);
  writer->row = 1;
  return TRUE;
}

XfTableWriter *
xf_table_writer_new (const XfTable  *columns,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(XfTableWriter) writer = g_new0 (XfTableWriter, 1);
  g_autofree char *lower = NULL;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  lower = g_utf8_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("File name: “%s” does not end in .csv or .xlsx"), display);
      return NULL;
    }
  writer->path = g_strdup (path);
  writer->xlsx = g_str_has_suffix (lower, ".xlsx");
  writer->types = g_array_new (FALSE, FALSE, sizeof (XfTableType));
  writer->line = g_string_new (NULL);
  writer->temp = temp_path_beside (path, error);
  if (writer->temp == NULL)
    return NULL;

  if (writer->xlsx)
    {
      lxw_workbook_options options = { .constant_memory = LXW_TRUE };

      writer->tmpdir = g_path_get_dirname (writer->temp);
      options.tmpdir = writer->tmpdir;

      writer->workbook = workbook_new_opt (writer->temp, &options);
      if (writer->workbook == NULL)
        {
          xf_error_set_write_failed (error, path, _("The workbook could not be created"));
          return NULL;
        }
      writer->header = workbook_add_format (writer->workbook);
      format_set_bold (writer->header);
      writer->date = workbook_add_format (writer->workbook);
      format_set_num_format (writer->date, "yyyy-mm-dd");
      writer->money = workbook_add_format (writer->workbook);
      format_set_num_format (writer->money, MONEY_FORMAT);
      writer->percent = workbook_add_format (writer->workbook);
      format_set_num_format (writer->percent, "0.0%");
    }
  else
    {
      writer->file = fopen (writer->temp, "wb");
      if (writer->file == NULL)
        {
          xf_error_set_write_failed (error, path, g_strerror (errno));
          return NULL;
        }
      g_string_append (writer->line, "\xEF\xBB\xBF");
    }
  if (!xf_table_writer_add_sheet (writer, columns, error))
    return NULL;
  return g_steal_pointer (&writer);
}

static gboolean
is_number_text (const char *text,
                double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

gboolean
xf_table_writer_add_row (XfTableWriter       *writer,
                         const char * const  *cells,
                         GError             **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);

  if (!writer->xlsx)
    {
      for (guint c = 0; c < writer->types->len; c++)
        {
          double value;
          gboolean number = cells[c] != NULL &&
                            is_numeric (g_array_index (writer->types, XfTableType, c)) &&
                            is_number_text (cells[c], &value);

          if (c > 0)
            g_string_append_c (writer->line, ',');
          append_csv_cell (writer->line, cells[c] != NULL && cells[c][0] != '\0' ? cells[c] : NULL, number);
        }
      return csv_write_line (writer, error);
    }

  if (writer->row >= LXW_ROW_MAX)
    {
      g_autofree char *display = g_filename_display_name (writer->path);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("“%s”: too many rows or columns for a spreadsheet; export it as CSV"),
                   display);
      return FALSE;
    }
  for (guint c = 0; c < writer->types->len; c++)
    {
      XfTableType type = g_array_index (writer->types, XfTableType, c);
      const char *text = cells[c];
      lxw_datetime datetime;
      double value;

      if (text == NULL || text[0] == '\0')
        continue;
      if (is_numeric (type) && is_number_text (text, &value))
        worksheet_write_number (writer->worksheet, writer->row, (lxw_col_t) c, value,
                                type == XF_TABLE_MONEY ? writer->money
                                : type == XF_TABLE_PERCENT ? writer->percent : NULL);
      else if (type == XF_TABLE_DATE && parse_date (text, &datetime))
        worksheet_write_datetime (writer->worksheet, writer->row, (lxw_col_t) c, &datetime, writer->date);
      else if (g_utf8_strlen (text, -1) > XLSX_TEXT_MAX)
        {
          g_autofree char *cut = g_utf8_substring (text, 0, XLSX_TEXT_MAX);

          worksheet_write_string (writer->worksheet, writer->row, (lxw_col_t) c, cut, NULL);
        }
      else
        worksheet_write_string (writer->worksheet, writer->row, (lxw_col_t) c, text, NULL);
    }
  writer->row++;
  return TRUE;
}

gboolean
xf_table_writer_finish (XfTableWriter  *writer,
                        GError        **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->xlsx)
    {
      lxw_error status = close_workbook (g_steal_pointer (&writer->workbook));

      if (status != LXW_NO_ERROR)
        return xf_error_set_write_failed (error, writer->path, lxw_strerror (status));
    }
  else
    {
      FILE *file = g_steal_pointer (&writer->file);
      int failed = fflush (file) != 0 || fsync (fileno (file)) != 0;
      int saved = errno;

      failed |= fclose (file) != 0;
      if (failed)
        return xf_error_set_write_failed (error, writer->path, g_strerror (saved ? saved : errno));
    }
  if (g_rename (writer->temp, writer->path) != 0)
    return xf_error_set_write_failed (error, writer->path, g_strerror (errno));
  g_clear_pointer (&writer->temp, g_free);
  return TRUE;
}
