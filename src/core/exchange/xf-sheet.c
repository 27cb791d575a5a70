/* xf-sheet.c — reading the rows of a spreadsheet file, CSV or XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-sheet"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-sheet-private.h"

/*
 * CSV goes through three stages, each pulled by xf_sheet_reader_next ():
 *
 * 1. Raw bytes are read from the stream in blocks (READ_SIZE).
 * 2. They are decoded into `text`, UTF-8 and NUL-terminated (validated,
 *    so no NUL inside), keeping an incomplete character for the next block.
 * 3. The text is cut at line ends (CR, LF or CRLF, quoted or not) and fed
 *    to libcsv one line, or at most PIECE_MAX bytes of a line, at a time.
 *    A line ends at most one record, so each feed yields at most one
 *    record, which is what makes the pull model and the line numbers
 *    simple: the record starts on the line where its first non-space
 *    byte was fed.
 */

static char *
format_line (guint64 line)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, line);
}

static void
set_line_error (XfSheetReader  *self,
                guint64         line,
                const char     *reason,
                GError        **error)
{
  g_autofree char *number = format_line (line);

  /* TRANSLATORS: "Line 12 of “a.csv”: a cell is longer than 65,536 bytes" */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Line %s of “%s”: %s"),
               number, self->name, reason);
}

/* Blank as the caller will see it after trimming: only white space. */
static gboolean
is_blank (const char *text,
          gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2 ||
              (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B))
            return FALSE;
        }
    }
  return TRUE;
}

/*
 * Parsing
 */

static void
cell_cb (void   *data,
         size_t  length,
         void   *user_data)
{
  XfSheetReader *self = user_data;
  gsize start = self->cell_length;

  if (self->error != NULL)
    return;
  if (length > MAX_CELL_SIZE)
    {
      set_line_error (self, self->record_line,
                      _("a cell is longer than 65,536 bytes"), &self->error);
      return;
    }
  if (self->n_cells >= MAX_CELLS)
    {
      /* Spreadsheets pad rows with empty cells to their widest row; those
       * beyond the limit cost nothing and are dropped. */
      if (data == NULL || is_blank (data, length))
        return;
      set_line_error (self, self->record_line,
                      _("a record has more than 1,024 cells"), &self->error);
      return;
    }
  if (start + length + 1 > self->cell_size)
    {
      self->cell_size = MAX (self->cell_size * 2, start + length + 1);
      self->cell_text = g_realloc (self->cell_text, self->cell_size);
    }
  self->cell_starts[self->n_cells++] = start;
  if (length > 0)
    memcpy (self->cell_text + start, data, length);
  self->cell_text[start + length] = '\0';
  self->cell_length = start + length + 1;
}

static void
record_cb (int   terminator,
           void *user_data)
{
  XfSheetReader *self = user_data;

  self->ready = TRUE;
  self->ready_line = self->record_line;
  self->record_line = 0;
}

/* Whether feeding @data starts a record: libcsv leaves its "row not begun"
 * state at the first byte that is not a line end, or a space or tab that is
 * not the delimiter. */
static gboolean
starts_record (const char *data,
               gsize       length,
               char        delimiter)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\r' || c == '\n' || ((c == ' ' || c == '\t') && c != delimiter))
        continue;
      return TRUE;
    }
  return FALSE;
}

static gboolean
feed (XfSheetReader  *self,
      const char     *data,
      gsize           length,
      gboolean        line_end,
      GError        **error)
{
  if (self->record_line == 0 && starts_record (data, length, self->delimiter))
    self->record_line = self->line;
  if (csv_parse (&self->parser, data, length, cell_cb, record_cb, self) != length)
    {
      set_line_error (self, self->line, csv_strerror (csv_error (&self->parser)), error);
      return FALSE;
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  /* libcsv gathers a cell whole before handing it over: stop a huge one
   * while it grows. */
  if (self->parser.entry_pos > MAX_CELL_SIZE)
    {
      set_line_error (self, self->record_line,
                      _("a cell is longer than 65,536 bytes"), error);
      return FALSE;
    }
  if (line_end)
    self->line++;
  return TRUE;
}

static gboolean
finish (XfSheetReader  *self,
        GError        **error)
{
  self->finished = TRUE;
  if (self->bad_text)
    {
      g_autofree char *reason = g_strdup_printf (_("the text is not valid %s"), self->encoding);

      set_line_error (self, self->line, reason, error);
      return FALSE;
    }
  /* Strict only here: a quoted cell still open at the end of the file
   * swallowed the rest of it, which is better refused than imported. */
  csv_set_opts (&self->parser, csv_get_opts (&self->parser) | CSV_STRICT | CSV_STRICT_FINI);
  if (csv_fini (&self->parser, cell_cb, record_cb, self) != 0)
    {
      set_line_error (self, self->record_line != 0 ? self->record_line : self->line,
                      _("a quoted cell is not closed"), error);
      return FALSE;
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

/* Feeds the next line, or piece of a long line, or ends the parse. */
static gboolean
feed_next (XfSheetReader  *self,
           GError        **error)
{
  for (;;)
    {
      const char *start = self->text->str + self->text_pos;
      gsize available = self->text->len - self->text_pos;
      gsize n = strcspn (start, "\r\n");

      if (n < available)
        {
          gsize end = n + 1;

          if (start[n] == '\r' && n + 1 < available && start[n + 1] == '\n')
            end++;
          if (start[n] == '\n' || n + 1 < available || _xf_sheet_text_ended (self))
            {
              self->text_pos += end;
              return feed (self, start, end, TRUE, error);
            }
          /* A CR that ends the text so far: wait to see whether LF follows. */
        }
      else if (_xf_sheet_text_ended (self))
        {
          if (available == 0)
            return finish (self, error);
          self->text_pos += available;
          return feed (self, start, available, FALSE, error);
        }
      else if (available >= PIECE_MAX)
        {
          self->text_pos += available;
          return feed (self, start, available, FALSE, error);
        }
      if (!_xf_sheet_refill (self, error))
        return FALSE;
    }
}

static void
clear_record (XfSheetReader *self)
{
  self->ready = FALSE;
  self->cell_length = 0;
  self->n_cells = 0;
}

static gboolean
next_csv (XfSheetReader       *self,
          const char * const **cells,
          guint               *n_cells,
          guint64             *line,
          GError             **error)
{
  clear_record (self);
  while (!self->finished)
    {
      gboolean blank = TRUE;

      /* A record may take several feeds; its cells gather until it ends. */
      if (!feed_next (self, error))
        {
          self->finished = TRUE;
          return FALSE;
        }
      if (!self->ready)
        continue;

      for (guint i = 0; i < self->n_cells; i++)
        {
          const char *cell = self->cell_text + self->cell_starts[i];

          self->cells[i] = cell;
          if (blank && !is_blank (cell, strlen (cell)))
            blank = FALSE;
        }
      if (blank)
        {
          clear_record (self);
          continue;
        }
      self->cells[self->n_cells] = NULL;
      *cells = self->cells;
      *n_cells = self->n_cells;
      *line = self->ready_line;
      return TRUE;
    }
  return FALSE;
}

/*
 * XLSX
 */

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      const char *cell = g_ptr_array_index (row, i);

      if (!is_blank (cell, strlen (cell)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
next_xlsx (XfSheetReader       *self,
           const char * const **cells,
           guint               *n_cells,
           guint64             *line,
           GError             **error)
{
  while (self->sheet != NULL && self->row < self->sheet->rows->len)
    {
      guint index = self->row++;
      GPtrArray *row = g_ptr_array_index (self->sheet->rows, index);
      guint length = row->len;

      if (row_is_blank (row))
        continue;
      while (length > MAX_CELLS &&
             is_blank (g_ptr_array_index (row, length - 1),
                       strlen (g_ptr_array_index (row, length - 1))))
        length--;
      if (length > MAX_CELLS)
        {
          set_line_error (self, index + 1, _("a record has more than 1,024 cells"), error);
          self->sheet = NULL;
          return FALSE;
        }
      for (guint i = 0; i < length; i++)
        if (strlen (g_ptr_array_index (row, i)) > MAX_CELL_SIZE)
          {
            set_line_error (self, index + 1, _("a cell is longer than 65,536 bytes"), error);
            self->sheet = NULL;
            return FALSE;
          }
      *cells = (const char * const *) row->pdata;
      *n_cells = length;
      *line = index + 1;
      return TRUE;
    }
  return FALSE;
}

static void
choose_sheet (XfSheetReader *self)
{
  for (guint i = 0; i < self->sheets->len && self->sheet == NULL; i++)
    {
      XfXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      for (guint r = 0; r < sheet->rows->len; r++)
        if (!row_is_blank (g_ptr_array_index (sheet->rows, r)))
          {
            self->sheet = sheet;
            break;
          }
    }
}

/*
 * Opening
 */

static XfSheetReader *
reader_new (char *name)
{
  XfSheetReader *self = g_new0 (XfSheetReader, 1);

  self->name = name;
  self->format = XF_SHEET_FORMAT_CSV;
  self->encoding = "UTF-8";
  self->conv = (GIConv) -1;
  self->raw = g_byte_array_new ();
  self->text = g_string_new (NULL);
  self->line = 1;
  return self;
}

static gboolean
is_zip (GByteArray *raw)
{
  return raw->len >= 4 && memcmp (raw->data, "PK\x03\x04", 4) == 0;
}

/* Reads the sample and sets up the CSV parse; @self->stream is open. */
static gboolean
start_csv (XfSheetReader  *self,
           GError        **error)
{
  if (!_xf_sheet_detect_encoding (self, error))
    return FALSE;
  _xf_sheet_decode (self);
  if (g_str_has_prefix (self->text->str, "\xEF\xBB\xBF"))   /* a GB18030 BOM, decoded */
    g_string_erase (self->text, 0, 3);
  self->delimiter = _xf_sheet_detect_delimiter (self->text->str, self->text->len, _xf_sheet_text_ended (self));

  if (csv_init (&self->parser, 0) != 0)
    return _xf_sheet_set_read_error (self->name, csv_strerror (CSV_ENOMEM), error);
  self->parser_ready = TRUE;
  csv_set_delim (&self->parser, (unsigned char) self->delimiter);
  csv_set_realloc_func (&self->parser, g_realloc);
  csv_set_free_func (&self->parser, g_free);
  csv_set_blk_size (&self->parser, 4096);
  return TRUE;
}

/* After the sample: an XLSX workbook read whole from @path or @data, or
 * the CSV parse set up. */
static gboolean
start (XfSheetReader  *self,
       const char     *path,
       GBytes         *data,
       GError        **error)
{
  if (!is_zip (self->raw))
    return start_csv (self, error);

  g_clear_object (&self->stream);
  self->format = XF_SHEET_FORMAT_XLSX;
  self->sheets = path != NULL ? xf_xlsx_read (path, error) : xf_xlsx_read_bytes (data, self->name, error);
  if (self->sheets == NULL)
    return FALSE;
  choose_sheet (self);
  return TRUE;
}

/* Fills the raw buffer with the first SAMPLE_SIZE bytes (or all). */
static gboolean
read_sample (XfSheetReader  *self,
             GError        **error)
{
  while (!self->raw_eof && self->raw->len < SAMPLE_SIZE)
    if (!_xf_sheet_read_block (self, SAMPLE_SIZE - self->raw->len, error))
      return FALSE;
  return TRUE;
}

XfSheetReader *
xf_sheet_reader_open (const char  *path,
                      GError     **error)
{
  g_autoptr(XfSheetReader) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = reader_new (g_filename_display_basename (path));
  file = g_file_new_for_path (path);
  self->stream = G_INPUT_STREAM (g_file_read (file, NULL, &local_error));
  if (self->stream == NULL)
    {
      _xf_sheet_set_read_error (self->name, local_error->message, error);
      return NULL;
    }
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (self->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    self->size = (guint64) g_file_info_get_size (info);
  if (!read_sample (self, error))
    return NULL;

  if (!start (self, path, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

XfSheetReader *
xf_sheet_reader_new_for_bytes (GBytes      *data,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(XfSheetReader) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = reader_new (g_strdup (name));
  self->stream = g_memory_input_stream_new_from_bytes (data);
  self->size = g_bytes_get_size (data);
  if (!read_sample (self, error))
    return NULL;

  if (!start (self, NULL, data, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
xf_sheet_reader_free (XfSheetReader *self)
{
  if (self == NULL)
    return;
  if (self->parser_ready)
    csv_free (&self->parser);
  if (self->conv != (GIConv) -1)
    g_iconv_close (self->conv);
  g_clear_object (&self->stream);
  g_clear_error (&self->error);
  g_byte_array_unref (self->raw);
  g_string_free (self->text, TRUE);
  g_free (self->cell_text);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_clear_pointer (&self->queued_lines, g_array_unref);
  g_free (self->name);
  g_free (self);
}

XfSheetFormat
xf_sheet_reader_get_format (XfSheetReader *self)
{
  g_return_val_if_fail (self != NULL, XF_SHEET_FORMAT_CSV);

  return self->format;
}

const char *
xf_sheet_reader_get_encoding (XfSheetReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

char
xf_sheet_reader_get_delimiter (XfSheetReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->delimiter;
}

const char *
xf_sheet_reader_get_name (XfSheetReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

gboolean
xf_sheet_reader_next (XfSheetReader       *self,
                      const char * const **cells,
                      guint               *n_cells,
                      guint64             *line,
                      GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);
  g_return_val_if_fail (n_cells != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->queued != NULL && self->queue_pos < self->queued->len)
    {
      GStrv record = g_ptr_array_index (self->queued, self->queue_pos);

      *cells = (const char * const *) record;
      *n_cells = g_strv_length (record);
      *line = g_array_index (self->queued_lines, guint64, self->queue_pos);
      self->queue_pos++;
      return TRUE;
    }
  if (self->format == XF_SHEET_FORMAT_XLSX)
    return next_xlsx (self, cells, n_cells, line, error);
  return next_csv (self, cells, n_cells, line, error);
}

gboolean
xf_sheet_reader_seek_header (XfSheetReader     *self,
                             XfSheetHeaderFunc  is_header,
                             gpointer           user_data,
                             guint              max,
                             GError           **error)
{
  const char * const *cells;
  guint n_cells;
  guint64 line;
  guint found = 0;
  gboolean seen = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (is_header != NULL, FALSE);
  g_return_val_if_fail (self->queued == NULL, FALSE);

  self->queued = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->queued_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  while (self->queued->len < max)
    {
      GError *local_error = NULL;
      gboolean more;
      GStrv record;

      if (self->format == XF_SHEET_FORMAT_XLSX)
        more = next_xlsx (self, &cells, &n_cells, &line, &local_error);
      else
        more = next_csv (self, &cells, &n_cells, &line, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (!more)
        break;
      record = g_new (char *, n_cells + 1);
      for (guint i = 0; i < n_cells; i++)
        record[i] = g_strdup (cells[i]);
      record[n_cells] = NULL;
      g_ptr_array_add (self->queued, record);
      g_array_append_val (self->queued_lines, line);
      if (is_header (cells, n_cells, user_data))
        {
          found = self->queued->len - 1;
          seen = TRUE;
          break;
        }
    }
  self->queue_pos = seen ? found : 0;
  return TRUE;
}

double
xf_sheet_reader_get_fraction (XfSheetReader *self)
{
  guint64 pending;

  g_return_val_if_fail (self != NULL, 0);

  if (self->format == XF_SHEET_FORMAT_XLSX)
    {
      if (self->sheet == NULL || self->sheet->rows->len == 0)
        return 1.0;
      return (double) self->row / self->sheet->rows->len;
    }
  if (self->finished)
    return 1.0;
  if (self->size == 0)
    return 0.0;
  /* Text not parsed yet counts as not read; close enough for GB18030 or
   * UTF-16, whose text is a little longer or shorter than their bytes. */
  pending = self->raw->len + (self->text->len - self->text_pos);
  if (pending >= self->consumed)
    return 0.0;
  return MIN (1.0, (double) (self->consumed - pending) / (double) self->size);
}
