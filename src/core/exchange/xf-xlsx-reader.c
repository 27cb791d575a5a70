/* xf-xlsx-reader.c — reading the cells of an XLSX workbook's sheets
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-xlsx"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <unzip.h>

#include "xf-error.h"
#include "xf-xlsx-reader.h"

/*
 * A workbook is a zip of XML parts. We read xl/workbook.xml (the sheets'
 * names and relationship ids), xl/_rels/workbook.xml.rels (where each sheet
 * is), xl/sharedStrings.xml, xl/styles.xml (which cell formats are dates)
 * and each sheet. Sizes are capped so that a hostile file (a zip bomb, a
 * cell at XFD1048576 in every row) fails cleanly instead of eating memory.
 */

#define MAX_PART_SIZE   (64 * 1024 * 1024)
#define MAX_SHEETS      256
#define MAX_ROWS        1048576
#define MAX_COLUMNS     16384
#define MAX_CELLS       (8 * 1024 * 1024)

typedef struct
{
  const char *path;
  unzFile     zip;
  GPtrArray  *sheet_names;     /* (element-type utf8) */
  GPtrArray  *sheet_rids;      /* (element-type utf8) */
  GHashTable *targets;         /* rId → part name */
  GPtrArray  *shared;          /* (element-type utf8) */
  GHashTable *date_formats;    /* custom numFmtId → TRUE when a date */
  GArray     *xf_is_date;      /* (element-type gboolean) per cellXfs index */
  gboolean    date1904;
} Reader;

void
xf_xlsx_sheet_free (XfXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_clear_pointer (&sheet->kinds, g_ptr_array_unref);
  g_free (sheet);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static gboolean
invalid (const Reader *reader,
         const char   *part,
         const char   *reason,
         GError      **error)
{
  g_autofree char *display = g_filename_display_name (reader->path);
  /* GMarkup quotes the bytes it rejected, which need not be UTF-8. */
  g_autofree char *valid_reason = g_utf8_make_valid (reason, -1);

  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("“%s” is not a readable XLSX workbook: %s: %s"), display, part, valid_reason);
  return FALSE;
}

/* The local name of an element or attribute ("x:c" → "c"). */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char  **names,
           const char  **values,
           const char   *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

/* The part's bytes, NUL-terminated; NULL with @error when absent (and
 * @required) or malformed. */
static char *
read_part (Reader      *reader,
           const char  *part,
           gboolean     required,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];
  int n;

  if (unzLocateFile (reader->zip, part, 1) != UNZ_OK)
    {
      if (required)
        invalid (reader, part, _("the part is missing"), error);
      return NULL;
    }
  if (unzOpenCurrentFile (reader->zip) != UNZ_OK)
    {
      invalid (reader, part, _("the part cannot be opened"), error);
      return NULL;
    }
  while ((n = unzReadCurrentFile (reader->zip, buffer, sizeof buffer)) > 0)
    {
      if (bytes->len + (guint) n > MAX_PART_SIZE)
        {
          unzCloseCurrentFile (reader->zip);
          invalid (reader, part, _("the part is too large"), error);
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  /* A CRC error shows in the close. */
  if (unzCloseCurrentFile (reader->zip) != UNZ_OK || n < 0)
    {
      invalid (reader, part, _("the part is damaged"), error);
      return NULL;
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static gboolean
parse_part (Reader                  *reader,
            const char              *part,
            gboolean                 required,
            const GMarkupParser     *parser,
            gpointer                 user_data,
            GError                 **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = read_part (reader, part, required, &length, &local_error);
  if (text == NULL)
    {
      if (local_error == NULL)
        return TRUE;     /* optional and absent */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  context = g_markup_parse_context_new (parser, 0, user_data, NULL);
  if (!g_markup_parse_context_parse (context, text, (gssize) length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    return invalid (reader, part, local_error->message, error);
  return TRUE;
}

/*
 * workbook.xml and its relationships
 */

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "sheet"))
    {
      const char *sheet_name = attribute (names, values, "name");
      const char *rid = attribute (names, values, "id");

      if (reader->sheet_names->len >= MAX_SHEETS)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               _("too many sheets"));
          return;
        }
      g_ptr_array_add (reader->sheet_names, g_strdup (sheet_name != NULL ? sheet_name : ""));
      g_ptr_array_add (reader->sheet_rids, g_strdup (rid != NULL ? rid : ""));
    }
  else if (g_str_equal (name, "workbookPr"))
    {
      const char *date1904 = attribute (names, values, "date1904");

      reader->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
}

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Reader *reader = user_data;
  const char *id, *target;

  if (!g_str_equal (local_name (element), "Relationship"))
    return;
  id = attribute (names, values, "Id");
  target = attribute (names, values, "Target");
  if (id == NULL || target == NULL)
    return;
  /* Targets are relative to xl/, or absolute within the package. */
  if (target[0] == '/')
    g_hash_table_insert (reader->targets, g_strdup (id), g_strdup (target + 1));
  else
    g_hash_table_insert (reader->targets, g_strdup (id), g_strconcat ("xl/", target, NULL));
}

/*
 * sharedStrings.xml
 */

typedef struct
{
  Reader  *reader;
  GString *text;
  gboolean in_si;
  gboolean in_t;
  int      phonetic;   /* inside <rPh>: not part of the text */
} SharedState;

static void
shared_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SharedState *state = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      state->in_si = TRUE;
      g_string_truncate (state->text, 0);
    }
  else if (g_str_equal (name, "rPh"))
    state->phonetic++;
  else if (g_str_equal (name, "t") && state->in_si && state->phonetic == 0)
    state->in_t = TRUE;
}

static void
shared_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SharedState *state = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      state->in_si = FALSE;
      g_ptr_array_add (state->reader->shared, g_strdup (state->text->str));
    }
  else if (g_str_equal (name, "rPh"))
    state->phonetic--;
  else if (g_str_equal (name, "t"))
    state->in_t = FALSE;
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  SharedState *state = user_data;

  if (state->in_t)
    g_string_append_len (state->text, text, (gssize) length);
}

/*
 * styles.xml
 */

static gboolean
is_date_format_code (const char *code)
{
  gboolean quoted = FALSE, year_or_day = FALSE, month = FALSE, time = FALSE;

  /* y, d or m (not minutes: "h:mm") outside quotes, brackets ([Red],
   * [$-404]) and escapes. */
  for (const char *p = code; *p != '\0'; p++)
    {
      char ch = g_ascii_tolower (*p);

      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');

          if (end == NULL)
            return FALSE;
          p = end;
        }
      else if (ch == 'y' || ch == 'd')
        year_or_day = TRUE;
      else if (ch == 'm')
        month = TRUE;
      else if (ch == 'h' || ch == 's')
        time = TRUE;
    }
  return year_or_day || (month && !time);
}

typedef struct
{
  Reader  *reader;
  gboolean in_cell_xfs;
} StylesState;

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  StylesState *state = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "numFmt"))
    {
      const char *id = attribute (names, values, "numFmtId");
      const char *code = attribute (names, values, "formatCode");

      if (id != NULL && code != NULL && is_date_format_code (code))
        g_hash_table_add (state->reader->date_formats, GINT_TO_POINTER (atoi (id)));
    }
  else if (g_str_equal (name, "cellXfs"))
    state->in_cell_xfs = TRUE;
  else if (g_str_equal (name, "xf") && state->in_cell_xfs)
    {
      const char *id = attribute (names, values, "numFmtId");
      int format = id != NULL ? atoi (id) : 0;
      gboolean date = (format >= 14 && format <= 22) ||
                      (format >= 45 && format <= 47) ||
                      g_hash_table_contains (state->reader->date_formats,
                                             GINT_TO_POINTER (format));

      g_array_append_val (state->reader->xf_is_date, date);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  StylesState *state = user_data;

  if (g_str_equal (local_name (element), "cellXfs"))
    state->in_cell_xfs = FALSE;
}

/*
 * A worksheet
 */

typedef struct
{
  Reader      *reader;
  XfXlsxSheet *sheet;
  guint        row;          /* the current row, 0-based */
  guint        column;       /* the next cell's column */
  gboolean     in_cell;
  char         type[16];
  int          style;
  GString     *value;
  gboolean     in_value;     /* <v>, or <t> inside <is> */
  gboolean     has_value;
  gsize        cells;
} SheetState;

/* "AB12" → column 27, row 11 (0-based); FALSE when malformed. */
static gboolean
parse_reference (const char *reference,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > MAX_ROWS)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *column = (guint) (c - 1);
  *row = (guint) (r - 1);
  return TRUE;
}

static gboolean
ensure_row (SheetState  *state,
            guint        row,
            GError     **error)
{
  while (state->sheet->rows->len <= row)
    {
      g_ptr_array_add (state->sheet->rows, g_ptr_array_new_with_free_func (g_free));
      g_ptr_array_add (state->sheet->kinds, g_string_new (NULL));
      if (++state->cells > MAX_CELLS)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               _("the sheet is too large"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetState *state = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    {
      const char *r = attribute (names, values, "r");

      if (r != NULL)
        {
          guint64 index = g_ascii_strtoull (r, NULL, 10);

          if (index == 0 || index > MAX_ROWS)
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("bad row number “%s”"), r);
              return;
            }
          state->row = (guint) index - 1;
        }
      else
        state->row = state->sheet->rows->len;
      state->column = 0;
      ensure_row (state, state->row, error);
    }
  else if (g_str_equal (name, "c"))
    {
      const char *reference = attribute (names, values, "r");
      const char *type = attribute (names, values, "t");
      const char *style = attribute (names, values, "s");
      guint row = state->row;

      if (reference != NULL && !parse_reference (reference, &row, &state->column))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("bad cell reference “%s”"), reference);
          return;
        }
      if (state->column >= MAX_COLUMNS)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               _("too many columns"));
          return;
        }
      state->row = row;
      if (!ensure_row (state, row, error))
        return;
      state->in_cell = TRUE;
      state->has_value = FALSE;
      g_strlcpy (state->type, type != NULL ? type : "n", sizeof state->type);
      state->style = style != NULL ? atoi (style) : 0;
      g_string_truncate (state->value, 0);
    }
  else if (state->in_cell && (g_str_equal (name, "v") || g_str_equal (name, "t")))
    {
      state->in_value = TRUE;
      state->has_value = TRUE;
    }
}

static char *
serial_to_date (double   serial,
                gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  gint64 days = (gint64) serial;

  if (!(serial >= 0 && serial <= 2958465))   /* 9999-12-31; NaN too */
    return NULL;
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days < 61)
    /* Excel counts a 29 February 1900 that never was. */
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
  else
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
store_cell (SheetState  *state,
            GError     **error)
{
  Reader *reader = state->reader;
  GPtrArray *row = g_ptr_array_index (state->sheet->rows, state->row);
  GString *kinds = g_ptr_array_index (state->sheet->kinds, state->row);
  g_autofree char *text = NULL;
  char kind = 's';

  if (!state->has_value)
    {
      state->column++;
      return;
    }
  if (g_str_equal (state->type, "s"))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (state->value->str, &end, 10);

      if (end == state->value->str || index >= reader->shared->len)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("no shared string “%s”"), state->value->str);
          return;
        }
      text = g_strdup (g_ptr_array_index (reader->shared, index));
    }
  else if (g_str_equal (state->type, "b"))
    {
      kind = 'b';
      text = g_strdup (g_str_equal (state->value->str, "1") ? "TRUE" : "FALSE");
    }
  else if (g_str_equal (state->type, "n"))
    {
      char *end = NULL;
      double number = g_ascii_strtod (state->value->str, &end);

      /* strtod reads "nan" and "inf", which no spreadsheet writes and no
       * date or count can be. */
      if (end == state->value->str || !isfinite (number))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("“%s” is not a number"), state->value->str);
          return;
        }
      kind = 'n';
      if (state->style >= 0 && (guint) state->style < reader->xf_is_date->len &&
          g_array_index (reader->xf_is_date, gboolean, state->style))
        {
          text = serial_to_date (number, reader->date1904);
          if (text != NULL)
            kind = 'd';
        }
      if (text == NULL)
        text = g_strdup (state->value->str);
    }
  else if (g_str_equal (state->type, "d"))
    {
      kind = 'd';
      text = g_strndup (state->value->str, 10);
    }
  else   /* inlineStr, str (a formula's text), e (an error) */
    text = g_strdup (state->value->str);

  if (state->column >= MAX_COLUMNS)
    return;
  state->cells += state->column >= row->len ? state->column + 1 - row->len : 0;
  if (state->cells > MAX_CELLS)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("the sheet is too large"));
      return;
    }
  while (row->len <= state->column)
    {
      g_ptr_array_add (row, g_strdup (""));
      g_string_append_c (kinds, ' ');
    }
  g_free (g_ptr_array_index (row, state->column));
  g_ptr_array_index (row, state->column) = g_steal_pointer (&text);
  kinds->str[state->column] = kind;
  state->column++;
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetState *state = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "c") && state->in_cell)
    {
      state->in_cell = FALSE;
      store_cell (state, error);
    }
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    state->in_value = FALSE;
  else if (g_str_equal (name, "row"))
    state->row++;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetState *state = user_data;

  if (state->in_value)
    {
      if (state->value->len + length > MAX_PART_SIZE)
        return;
      g_string_append_len (state->value, text, (gssize) length);
    }
}

static XfXlsxSheet *
read_sheet (Reader      *reader,
            guint        index,
            GError     **error)
{
  static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr(XfXlsxSheet) sheet = g_new0 (XfXlsxSheet, 1);
  const char *rid = g_ptr_array_index (reader->sheet_rids, index);
  const char *part = g_hash_table_lookup (reader->targets, rid);
  g_autoptr(GString) value = g_string_new (NULL);
  SheetState state = { reader, sheet, 0, 0, FALSE, "", 0, value, FALSE, FALSE, 0 };

  sheet->name = g_strdup (g_ptr_array_index (reader->sheet_names, index));
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet->kinds = g_ptr_array_new_with_free_func (string_free);
  if (part == NULL)
    {
      invalid (reader, "xl/_rels/workbook.xml.rels",
               _("a sheet has no relationship"), error);
      return NULL;
    }
  if (!parse_part (reader, part, TRUE, &parser, &state, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

/* Reads the workbook whose zip @zip is open, then closes it; @name names
 * it in errors. */
static GPtrArray *
read_workbook (unzFile      zip,
               const char  *name,
               GError     **error)
{
  static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser shared_parser = { shared_start, shared_end, collect_text, NULL, NULL };
  static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) sheet_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sheet_rids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) shared_text = g_string_new (NULL);
  Reader reader = { name, zip, sheet_names, sheet_rids, targets, shared, date_formats,
                    xf_is_date, FALSE };
  SharedState shared_state = { &reader, shared_text, FALSE, FALSE, 0 };
  StylesState styles_state = { &reader, FALSE };
  gboolean ok;

  if (reader.zip == NULL)
    {
      invalid (&reader, name, _("not a zip archive"), error);
      return NULL;
    }

  ok = parse_part (&reader, "xl/workbook.xml", TRUE, &workbook_parser, &reader, error) &&
       parse_part (&reader, "xl/_rels/workbook.xml.rels", TRUE, &rels_parser, &reader, error) &&
       parse_part (&reader, "xl/sharedStrings.xml", FALSE, &shared_parser, &shared_state, error) &&
       parse_part (&reader, "xl/styles.xml", FALSE, &styles_parser, &styles_state, error);
  if (ok && sheet_names->len == 0)
    ok = invalid (&reader, "xl/workbook.xml", _("the workbook has no sheets"), error);

  if (ok)
    {
      sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_xlsx_sheet_free);
      for (guint i = 0; i < sheet_names->len && ok; i++)
        {
          XfXlsxSheet *sheet = read_sheet (&reader, i, error);

          if (sheet == NULL)
            ok = FALSE;
          else
            g_ptr_array_add (sheets, sheet);
        }
    }
  unzClose (reader.zip);
  if (!ok)
    return NULL;
  return g_steal_pointer (&sheets);
}

GPtrArray *
xf_xlsx_read (const char  *path,
              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Could not read “%s”: %s"), display,
                   _("no such file"));
      return NULL;
    }
  return read_workbook (unzOpen64 (path), path, error);
}

/*
 * A workbook in memory: minizip reads it through a table of functions
 * over the bytes instead of a file.
 */

typedef struct
{
  const guint8 *data;
  gsize         size;
  ZPOS64_T      position;
} Memory;

static voidpf ZCALLBACK
memory_open (voidpf      opaque,
             const void *filename,
             int         mode)
{
  Memory *memory = opaque;

  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
    return NULL;
  memory->position = 0;
  return memory;
}

static uLong ZCALLBACK
memory_read (voidpf  opaque,
             voidpf  stream,
             void   *buffer,
             uLong   size)
{
  Memory *memory = stream;
  ZPOS64_T left = memory->size - memory->position;
  uLong n = (uLong) MIN ((ZPOS64_T) size, left);

  if (n > 0)
    memcpy (buffer, memory->data + memory->position, n);
  memory->position += n;
  return n;
}

static uLong ZCALLBACK
memory_write (voidpf      opaque,
              voidpf      stream,
              const void *buffer,
              uLong       size)
{
  return 0;
}

static ZPOS64_T ZCALLBACK
memory_tell (voidpf opaque,
             voidpf stream)
{
  Memory *memory = stream;

  return memory->position;
}

static long ZCALLBACK
memory_seek (voidpf   opaque,
             voidpf   stream,
             ZPOS64_T offset,
             int      origin)
{
  Memory *memory = stream;
  ZPOS64_T base;

  switch (origin)
    {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = memory->position;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = memory->size;
      break;
    default:
      return -1;
    }
  if (offset > memory->size || base + offset > memory->size)
    return -1;
  memory->position = base + offset;
  return 0;
}

static int ZCALLBACK
memory_close (voidpf opaque,
              voidpf stream)
{
  return 0;
}

static int ZCALLBACK
memory_error (voidpf opaque,
              voidpf stream)
{
  return 0;
}

GPtrArray *
xf_xlsx_read_bytes (GBytes      *data,
                    const char  *name,
                    GError     **error)
{
  Memory memory = { NULL, 0, 0 };
  zlib_filefunc64_def functions = {
    memory_open, memory_read, memory_write, memory_tell, memory_seek, memory_close,
    memory_error, &memory,
  };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  memory.data = g_bytes_get_data (data, &memory.size);
  return read_workbook (unzOpen2_64 (name, &functions), name, error);
}

const char *
xf_xlsx_sheet_get (const XfXlsxSheet *sheet,
                   guint              row,
                   guint              column)
{
  GPtrArray *cells;

  g_return_val_if_fail (sheet != NULL, NULL);

  if (row >= sheet->rows->len)
    return NULL;
  cells = g_ptr_array_index (sheet->rows, row);
  if (column >= cells->len)
    return NULL;
  return g_ptr_array_index (cells, column);
}

char
xf_xlsx_sheet_get_kind (const XfXlsxSheet *sheet,
                        guint              row,
                        guint              column)
{
  GString *kinds;

  g_return_val_if_fail (sheet != NULL, ' ');

  if (row >= sheet->kinds->len)
    return ' ';
  kinds = g_ptr_array_index (sheet->kinds, row);
  if (column >= kinds->len)
    return ' ';
  return kinds->str[column];
}
