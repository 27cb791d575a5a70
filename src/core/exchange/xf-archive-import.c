/* xf-archive-import.c — a JSON Lines archive into an empty database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-archive"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-archive.h"
#include "xf-archive-private.h"
#include "xf-copy-private.h"
#include "xf-error.h"

/*
 * import-all reads the archive line by line, in one pass: the first line
 * is checked before the destination is touched; each table line opens the
 * table on the copy's destination (xf-copy-private.h), each row line is
 * parsed in place and handed to it; every line but the last goes into the
 * digest. Only when the last line's digest, table and row counts all agree
 * does the destination commit. Anything else rolls back, and a database
 * file that the import created is removed again: nothing is written.
 *
 * Row lines are arrays of strings and nulls; they are parsed here rather
 * than by json-glib, which would build a tree for every one of a million
 * rows. Header, table and end lines are objects, parsed by json-glib.
 */

typedef struct
{
  char             *name;        /* the archive as shown in messages */
  GDataInputStream *in;
  GChecksum        *sha256;
  guint64           line;        /* the number of the line last read */
  GCancellable     *cancellable;
  XfCopyTarget     *target;
  GPtrArray        *values;      /* the row being parsed: pointers into the line */
  guint             n_columns;   /* of the open table; 0 when none is open */
  int               table;       /* the open table's index, -1 before the first */
  guint64           table_line;  /* where the open table began */
  gint64            declared;    /* the rows the open table's line lists */
  gint64            seen;        /* rows of the open table read so far */
  gint64            all_rows;
  guint             n_tables;
  gboolean         *done;        /* which tables came */
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->target, _xf_copy_target_free);
  g_clear_object (&reader->in);
  g_clear_pointer (&reader->sha256, g_checksum_free);
  g_clear_pointer (&reader->values, g_ptr_array_unref);
  g_clear_pointer (&reader->done, g_free);
  g_clear_pointer (&reader->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
corrupt (Reader      *reader,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

/* XF_ERROR_CORRUPT "Archive “NAME”, line N: reason". */
static gboolean
corrupt (Reader      *reader,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
               _("Archive “%s”, line %llu: %s; nothing was written"),
               reader->name, (unsigned long long) reader->line, reason);
  return FALSE;
}

static gboolean
reader_open (Reader      *reader,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  reader->name = g_filename_display_name (path);
  in = G_INPUT_STREAM (g_file_read (file, reader->cancellable, &local_error));
  if (in == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (in == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The archive “%s” could not be read: %s"),
                   reader->name, local_error->message);
      return FALSE;
    }
  if (_xf_archive_is_gzip (path))
    {
      g_autoptr(GZlibDecompressor) gzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      GInputStream *plain = g_converter_input_stream_new (in, G_CONVERTER (gzip));

      g_object_unref (in);
      in = plain;
    }
  reader->in = g_data_input_stream_new (in);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (reader->in), 1024 * 1024);
  reader->sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  reader->values = g_ptr_array_new ();
  reader->table = -1;
  reader->done = g_new0 (gboolean, _xf_copy_get_n_tables ());
  return TRUE;
}

/* The next line without its newline, NULL at the end (error unset) or on
 * failure (error set). */
static char *
read_line (Reader  *reader,
           gsize   *length,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  char *line = g_data_input_stream_read_line (reader->in, length, reader->cancellable, &local_error);

  if (line == NULL && local_error != NULL)
    {
      reader->line++;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        corrupt (reader, error, _("it cannot be read: %s"), local_error->message);
      return NULL;
    }
  if (line != NULL)
    reader->line++;
  return line;
}

static void
hash_line (Reader     *reader,
           const char *line,
           gsize       length)
{
  g_checksum_update (reader->sha256, (const guchar *) line, (gssize) length);
  g_checksum_update (reader->sha256, (const guchar *) "\n", 1);
}

static JsonObject *
parse_object (Reader      *reader,
              const char  *line,
              gsize        length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, line, (gssize) length, &local_error))
    {
      corrupt (reader, error, _("it is not JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      corrupt (reader, error, "%s", _("an object was expected"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* The first line: what the archive is, and whether this version can read it. */
static gboolean
read_header (Reader   *reader,
             GError  **error)
{
  g_autofree char *line = NULL;
  g_autoptr(JsonObject) header = NULL;
  gsize length = 0;
  gint64 version, schema;
  int latest = xf_store_get_latest_version ();

  line = read_line (reader, &length, error);
  if (line == NULL)
    {
      if (error == NULL || *error == NULL)
        corrupt (reader, error, "%s", _("the archive is empty"));
      return FALSE;
    }
  hash_line (reader, line, length);
  header = parse_object (reader, line, length, error);
  if (header == NULL)
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member_with_default (header, "format", NULL),
                 XF_ARCHIVE_FORMAT) != 0)
    return corrupt (reader, error, "%s", _("this is not a Xianfeng archive"));

  version = json_object_get_int_member_with_default (header, "version", 0);
  schema = json_object_get_int_member_with_default (header, "schema", 0);
  if (version > XF_ARCHIVE_VERSION || schema > latest)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NEWER_SCHEMA,
                   _("Archive “%s”, line 1: it was written by a newer version of Xianfeng "
                     "(archive format %lld, schema %lld; this version knows up to %d and %d). "
                     "Update Xianfeng to import it; nothing was written"),
                   reader->name, (long long) version, (long long) schema, XF_ARCHIVE_VERSION, latest);
      return FALSE;
    }
  if (version < 1 || schema < 1)
    return corrupt (reader, error, "%s", _("the archive names no format version or schema"));
  if (schema < latest)
    return corrupt (reader, error,
                    _("the archive holds schema %lld; this version imports only archives of schema %d: "
                      "import it with the version of Xianfeng that wrote it, then copy the database"),
                    (long long) schema, latest);
  return TRUE;
}

/* The open table must hold as many rows as its line said. */
static gboolean
close_table (Reader  *reader,
             GError **error)
{
  if (reader->n_columns == 0)
    return TRUE;
  if (reader->seen != reader->declared)
    {
      reader->line = reader->table_line;
      return corrupt (reader, error, _("the table “%s” lists %lld rows but holds %lld"),
                      xf_copy_get_tables ()[reader->table],
                      (long long) reader->declared, (long long) reader->seen);
    }
  reader->n_columns = 0;
  return _xf_copy_target_close_table (reader->target, error);
}

static gboolean
open_table (Reader      *reader,
            JsonObject  *object,
            GError     **error)
{
  const char *table = json_object_get_string_member_with_default (object, "table", NULL);
  JsonArray *columns_array = json_object_get_array_member (object, "columns");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 rows = json_object_get_int_member_with_default (object, "rows", -1);
  int t = _xf_copy_find_table (table);

  if (!close_table (reader, error))
    return FALSE;
  if (t < 0)
    return corrupt (reader, error, _("unknown table “%s”"), table != NULL ? table : "");
  if (reader->done[t] || t < reader->table)
    return corrupt (reader, error, _("the table “%s” comes twice or out of order"), table);
  if (columns_array == NULL || json_array_get_length (columns_array) == 0 || rows < 0)
    return corrupt (reader, error, _("the table “%s” has no columns or row count"), table);
  for (guint i = 0; i < json_array_get_length (columns_array); i++)
    {
      const char *column = json_node_get_string (json_array_get_element (columns_array, i));

      if (column == NULL)
        return corrupt (reader, error, _("the table “%s” has a column without a name"), table);
      g_strv_builder_add (builder, column);
    }
  columns = g_strv_builder_end (builder);

  reader->table = t;
  reader->done[t] = TRUE;
  reader->n_tables++;
  reader->table_line = reader->line;
  reader->declared = rows;
  reader->seen = 0;
  reader->n_columns = g_strv_length (columns);
  _xf_copy_target_expect (reader->target, (guint) t, rows);
  if (!_xf_copy_target_open_table (reader->target, (guint) t, (const char * const *) columns,
                                   &local_error))
    {
      reader->n_columns = 0;
      if (local_error->domain == XF_ERROR && local_error->code == XF_ERROR_CORRUPT)
        return corrupt (reader, error, "%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

/* Four hex digits after "\u" at @p, or -1. */
static int
read_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Unescapes the string whose opening quote is at *@p into @out (never
 * ahead of the reading: escapes only shrink); leaves *@p after the closing
 * quote. FALSE for a malformed string. */
static gboolean
unescape_in_place (char **p,
                   char  *out)
{
  char *in = *p + 1;

  for (;;)
    {
      char c = *in++;

      if (c == '"')
        break;
      if (c == '\0')
        return FALSE;
      if (c != '\\')
        {
          *out++ = c;
          continue;
        }
      c = *in++;
      switch (c)
        {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          {
            int code = read_hex4 (in);
            gunichar ch;

            if (code < 0)
              return FALSE;
            in += 4;
            ch = (gunichar) code;
            if (code >= 0xD800 && code < 0xDC00)
              {
                int low = in[0] == '\\' && in[1] == 'u' ? read_hex4 (in + 2) : -1;

                if (low < 0xDC00 || low >= 0xE000)
                  return FALSE;
                in += 6;
                ch = 0x10000 + (((gunichar) code - 0xD800) << 10) + ((gunichar) low - 0xDC00);
              }
            else if (code >= 0xDC00 && code < 0xE000)
              return FALSE;
            if (ch == 0)
              return FALSE;
            out += g_unichar_to_utf8 (ch, out);
            break;
          }
        default:
          return FALSE;
        }
    }
  *out = '\0';
  *p = in;
  return TRUE;
}

static char *
skip_space (char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\r')
    p++;
  return p;
}

/* A row line: ["text", null, …] into reader->values, in place. */
static gboolean
parse_row (Reader  *reader,
           char    *line,
           GError **error)
{
  char *p = skip_space (line);

  g_ptr_array_set_size (reader->values, 0);
  if (*p != '[')
    return corrupt (reader, error, "%s", _("a row is not an array"));
  p = skip_space (p + 1);
  if (*p != ']')
    for (;;)
      {
        if (*p == '"')
          {
            char *start = p;

            if (!unescape_in_place (&p, start))
              return corrupt (reader, error, "%s", _("a value is not a valid JSON string"));
            g_ptr_array_add (reader->values, start);
          }
        else if (strncmp (p, "null", 4) == 0)
          {
            g_ptr_array_add (reader->values, NULL);
            p += 4;
          }
        else
          return corrupt (reader, error, "%s", _("a value is neither text nor null"));
        p = skip_space (p);
        if (*p == ']')
          break;
        if (*p != ',')
          return corrupt (reader, error, "%s", _("a row is not a valid JSON array"));
        p = skip_space (p + 1);
      }
  if (*skip_space (p + 1) != '\0')
    return corrupt (reader, error, "%s", _("something follows the row"));
  return TRUE;
}

static gboolean
add_row (Reader  *reader,
         char    *line,
         GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (reader->n_columns == 0)
    return corrupt (reader, error, "%s", _("a row comes before any table"));
  if (!parse_row (reader, line, error))
    return FALSE;
  if (reader->values->len != reader->n_columns)
    return corrupt (reader, error, _("the row has %u values for %u columns"),
                    reader->values->len, reader->n_columns);
  if (++reader->seen > reader->declared)
    return corrupt (reader, error, _("the table “%s” lists %lld rows but holds more"),
                    xf_copy_get_tables ()[reader->table], (long long) reader->declared);
  reader->all_rows++;
  if (!_xf_copy_target_add_row (reader->target, (const char * const *) reader->values->pdata,
                                &local_error))
    {
      if (local_error->domain == XF_ERROR)
        g_prefix_error (&local_error, _("Archive “%s”, line %llu: "),
                        reader->name, (unsigned long long) reader->line);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The last line: the digest of everything before it, and the counts. */
static gboolean
check_end (Reader      *reader,
           JsonObject  *end,
           GError     **error)
{
  const char *digest = json_object_get_string_member_with_default (end, "sha256", NULL);
  gint64 tables = json_object_get_int_member_with_default (end, "tables", -1);
  gint64 rows = json_object_get_int_member_with_default (end, "rows", -1);
  guint64 end_line = reader->line;
  g_autofree char *more = NULL;
  gsize length;

  if (digest == NULL || g_ascii_strcasecmp (digest, g_checksum_get_string (reader->sha256)) != 0)
    return corrupt (reader, error, "%s", _("the SHA-256 digest does not match: the archive was altered or damaged"));
  if (tables != reader->n_tables || rows != reader->all_rows)
    return corrupt (reader, error, _("the archive lists %lld tables and %lld rows but holds %u and %lld"),
                    (long long) tables, (long long) rows, reader->n_tables, (long long) reader->all_rows);
  for (guint t = 0; t < _xf_copy_get_n_tables (); t++)
    if (!reader->done[t])
      return corrupt (reader, error, _("the table “%s” is missing"), xf_copy_get_tables ()[t]);

  more = read_line (reader, &length, error);
  if (more != NULL)
    return corrupt (reader, error, _("something follows the last line (line %llu)"),
                    (unsigned long long) end_line);
  return error == NULL || *error == NULL;
}

static gboolean
read_body (Reader  *reader,
           GError **error)
{
  for (;;)
    {
      g_autofree char *line = NULL;
      gsize length = 0;

      line = read_line (reader, &length, error);
      if (line == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          reader->line++;
          return corrupt (reader, error, "%s", _("the archive ends here, before its last line: it is incomplete"));
        }
      if (line[0] == '[')
        {
          hash_line (reader, line, length);
          if (!add_row (reader, line, error))
            return FALSE;
        }
      else
        {
          g_autoptr(JsonObject) object = parse_object (reader, line, length, error);

          if (object == NULL)
            return FALSE;
          if (json_object_has_member (object, "end"))
            return close_table (reader, error) && check_end (reader, object, error);
          hash_line (reader, line, length);
          if (!open_table (reader, object, error))
            return FALSE;
        }
    }
}

/* A SQLite file that import-all created, with its companions. */
static void
remove_created (const char *location)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (location, suffixes[i], NULL);

      g_unlink (path);
    }
}

/**
 * xf_archive_import_all:
 * @path: the archive (".gz": compressed)
 * @to_location: a SQLite path or a PostgreSQL URL, created when missing; it must hold no records
 * @progress: (nullable) (scope call): at each table's start and end and every few thousand rows
 * @cancellable: (nullable): checked every few thousand rows and before the commit
 *
 * Restores an archive written by xf_archive_export_all() (see
 * xf-archive.h) in one transaction. A damaged, altered, truncated or newer
 * archive is refused naming the line, and nothing is written.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
xf_archive_import_all (const char          *path,
                       const char          *to_location,
                       XfCopyProgressFunc   progress,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_auto(Reader) reader = { 0 };
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean created = FALSE;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (to_location != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader.cancellable = cancellable;
  if (!reader_open (&reader, path, error) || !read_header (&reader, error))
    return FALSE;

  created = !xf_db_location_is_url (to_location) && g_strcmp0 (to_location, ":memory:") != 0 &&
            !g_file_test (to_location, G_FILE_TEST_EXISTS);
  store = xf_store_open (to_location, error);
  if (store != NULL)
    reader.target = _xf_copy_target_begin (xf_store_get_db (store), progress, user_data,
                                           cancellable, error);
  ok = reader.target != NULL && read_body (&reader, error);
  if (ok)
    {
      results = _xf_copy_target_finish (reader.target, reader.name, error);
      ok = results != NULL;
    }
  g_clear_pointer (&reader.target, _xf_copy_target_free);
  g_clear_object (&store);
  if (!ok)
    {
      if (created)
        remove_created (to_location);
      return FALSE;
    }
  g_debug ("Imported %" G_GINT64_FORMAT " rows from %s in %.2f s", reader.all_rows, path,
           g_timer_elapsed (timer, NULL));
  return TRUE;
}
