/* xf-archive.c — a whole database to a JSON Lines archive
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-archive.h"
#include "xf-archive-private.h"
#include "xf-audit.h"
#include "xf-audit-private.h"
#include "xf-copy-private.h"
#include "xf-error.h"
#include "xf-permission.h"

/*
 * export-all reads the database as the copy reads its source (one
 * snapshot, every table in batches by key, values as text with reals in
 * 17 digits) and writes each row as a JSON array of strings and nulls.
 * Lines are gathered in a buffer and written a megabyte at a time through
 * a gzip compressor when the name ends in ".gz"; the SHA-256 of the last
 * line covers the bytes as written before compression.
 */

#define FLUSH_BYTES (1024 * 1024)

gboolean
_xf_archive_is_gzip (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".gz");
}

struct _XfArchiveWriter
{
  char          *path;
  char          *temp;       /* the file written, renamed into place at the end */
  GOutputStream *out;
  GString       *buffer;
  GChecksum     *sha256;
  GCancellable  *cancellable;
};

void
_xf_archive_writer_free (XfArchiveWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->out);
  if (writer->temp != NULL)
    g_unlink (writer->temp);
  g_free (writer->temp);
  g_free (writer->path);
  if (writer->buffer != NULL)
    g_string_free (writer->buffer, TRUE);
  g_clear_pointer (&writer->sha256, g_checksum_free);
  g_clear_object (&writer->cancellable);
  g_free (writer);
}

XfArchiveWriter *
_xf_archive_writer_open (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(XfArchiveWriter) writer = g_new0 (XfArchiveWriter, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  int fd;

  writer->path = g_strdup (path);
  writer->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  writer->temp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (writer->temp, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&writer->temp, g_free);
      xf_error_set_write_failed (error, path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  {
    g_autoptr(GFile) file = g_file_new_for_path (writer->temp);
    g_autoptr(GError) local_error = NULL;

    writer->out = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &local_error));
    if (writer->out == NULL)
      {
        xf_error_set_write_failed (error, path, local_error->message);
        return NULL;
      }
  }
  if (_xf_archive_is_gzip (path))
    {
      g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
      GOutputStream *compressed = g_converter_output_stream_new (writer->out, G_CONVERTER (gzip));

      g_object_unref (writer->out);
      writer->out = compressed;
    }
  writer->buffer = g_string_sized_new (FLUSH_BYTES + 65536);
  writer->sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  return g_steal_pointer (&writer);
}

GString *
_xf_archive_writer_buffer (XfArchiveWriter *writer)
{
  return writer->buffer;
}

const char *
_xf_archive_writer_digest (XfArchiveWriter *writer)
{
  return g_checksum_get_string (writer->sha256);
}

static gboolean
writer_flush (XfArchiveWriter  *writer,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (writer->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return xf_error_set_write_failed (error, writer->path, local_error->message);
    }
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

gboolean
_xf_archive_writer_end_line (XfArchiveWriter  *writer,
                             gsize             start,
                             gboolean          hashed,
                             GError          **error)
{
  g_string_append_c (writer->buffer, '\n');
  if (hashed)
    g_checksum_update (writer->sha256, (const guchar *) writer->buffer->str + start,
                       (gssize) (writer->buffer->len - start));
  if (writer->buffer->len >= FLUSH_BYTES)
    return writer_flush (writer, error);
  return TRUE;
}

gboolean
_xf_archive_writer_close (XfArchiveWriter  *writer,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (!writer_flush (writer, error))
    return FALSE;
  /* The compressor's end and the file's, then the file itself on the
   * disk before it takes the name. */
  if (!g_output_stream_close (writer->out, NULL, &local_error))
    return xf_error_set_write_failed (error, writer->path, local_error->message);
  fd = open (writer->temp, O_RDONLY);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      return xf_error_set_write_failed (error, writer->path, g_strerror (saved));
    }
  close (fd);
  if (g_rename (writer->temp, writer->path) != 0)
    return xf_error_set_write_failed (error, writer->path, g_strerror (errno));
  g_clear_pointer (&writer->temp, g_free);
  return TRUE;
}

void
_xf_json_append_string (GString    *out,
                        const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* export-all's state. */
typedef struct
{
  XfArchiveWriter    *writer;
  GString            *buffer;   /* the writer's */
  GCancellable       *cancellable;
  XfCopyProgress      report;
  XfCopyProgressFunc  progress;
  gpointer            user_data;
  gint64              batch;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->writer, _xf_archive_writer_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static gboolean
writer_end_line (Writer   *writer,
                 gsize     start,
                 gboolean  hashed,
                 GError  **error)
{
  return _xf_archive_writer_end_line (writer->writer, start, hashed, error);
}

#define append_json_string _xf_json_append_string

static void
report_progress (Writer *writer)
{
  if (writer->progress != NULL)
    writer->progress (&writer->report, writer->user_data);
}

static gboolean
write_row_cb (const char * const  *values,
              guint                n_values,
              gpointer             user_data,
              GError             **error)
{
  Writer *writer = user_data;
  gsize start = writer->buffer->len;

  g_string_append_c (writer->buffer, '[');
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      if (values[i] == NULL)
        g_string_append (writer->buffer, "null");
      else
        append_json_string (writer->buffer, values[i]);
    }
  g_string_append_c (writer->buffer, ']');
  writer->report.rows_done++;
  writer->report.all_done++;
  if (++writer->batch >= XF_COPY_BATCH_ROWS)
    {
      writer->batch = 0;
      report_progress (writer);
    }
  return writer_end_line (writer, start, TRUE, error);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_header (Writer   *writer,
              XfDb     *db,
              GError  **error)
{
  g_autofree char *uid = _xf_audit_get_database_uid (db, error);
  g_autofree char *created = now_iso8601 ();
  int schema = xf_db_get_schema_version (db, error);
  gsize start = writer->buffer->len;

  if (uid == NULL || schema < 0)
    return FALSE;
  g_string_append_printf (writer->buffer, "{\"format\":\"%s\",\"version\":%d,\"schema\":%d,\"database_uid\":",
                          XF_ARCHIVE_FORMAT, XF_ARCHIVE_VERSION, schema);
  append_json_string (writer->buffer, uid);
  g_string_append_printf (writer->buffer, ",\"created_at\":\"%s\",\"producer\":", created);
  append_json_string (writer->buffer, "Xianfeng " PACKAGE_VERSION);
  g_string_append_c (writer->buffer, '}');
  return writer_end_line (writer, start, TRUE, error);
}

static gboolean
write_table (Writer    *writer,
             XfDb      *db,
             guint      t,
             gint64     rows,
             GError   **error)
{
  const char *table = xf_copy_get_tables ()[t];
  g_auto(GStrv) columns = _xf_copy_table_columns (db, table, error);
  gsize start = writer->buffer->len;

  if (columns == NULL)
    return FALSE;
  g_string_append (writer->buffer, "{\"table\":");
  append_json_string (writer->buffer, table);
  g_string_append (writer->buffer, ",\"columns\":[");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      append_json_string (writer->buffer, columns[i]);
    }
  g_string_append_printf (writer->buffer, "],\"rows\":%" G_GINT64_FORMAT "}", rows);
  if (!writer_end_line (writer, start, TRUE, error))
    return FALSE;

  writer->report.table = table;
  writer->report.rows_done = 0;
  writer->report.rows_total = rows;
  writer->batch = 0;
  report_progress (writer);
  if (!_xf_copy_source_read (db, t, (const char * const *) columns, write_row_cb, writer,
                             writer->cancellable, error))
    return FALSE;
  report_progress (writer);
  /* The snapshot counted the rows: reading more or fewer is a broken database. */
  if (writer->report.rows_done != rows)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The table “%s” gave %lld rows where it counted %lld; the archive was not written"),
                   table, (long long) writer->report.rows_done, (long long) rows);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_end (Writer  *writer,
           guint    n_tables,
           GError **error)
{
  gsize start = writer->buffer->len;

  g_string_append_printf (writer->buffer,
                          "{\"end\":true,\"tables\":%u,\"rows\":%" G_GINT64_FORMAT ",\"sha256\":\"%s\"}",
                          n_tables, writer->report.all_done, _xf_archive_writer_digest (writer->writer));
  return writer_end_line (writer, start, FALSE, error);
}

/* XF_AUDIT_ARCHIVE_EXPORT, in a transaction of its own before the
 * snapshot, so that the archive holds it. */
static gboolean
record_export (XfDb        *db,
               XfAccount   *actor,
               const char  *path,
               GError     **error)
{
  g_autofree char *uid = _xf_audit_get_database_uid (db, error);
  g_autofree char *name = g_filename_display_basename (path);

  if (uid == NULL || !xf_db_begin (db, error))
    return FALSE;
  if (!xf_audit_append_change (db, actor, XF_AUDIT_ARCHIVE_EXPORT, "database", uid, NULL,
                               NULL, NULL, name, error))
    {
      xf_db_rollback (db);
      return FALSE;
    }
  return xf_db_commit (db, error);
}

/**
 * xf_archive_export_all:
 * @store: the database to write out
 * @actor: who does it; needs DATABASE_ADMIN
 * @path: the archive, replaced when it exists; ".gz" compresses it
 * @progress: (nullable) (scope call): at each table's start and end and every few thousand rows
 * @cancellable: (nullable): checked every few thousand rows
 *
 * Writes every table of the copy into a JSON Lines archive (see
 * xf-archive.h) through a temporary file renamed into place, so that a
 * failure leaves no partial file and an existing file as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
xf_archive_export_all (XfStore            *store,
                       XfAccount          *actor,
                       const char         *path,
                       XfCopyProgressFunc  progress,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_auto(Writer) writer = { 0 };
  g_autofree gint64 *rows = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n_tables = _xf_copy_get_n_tables ();
  XfDb *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_DATABASE_ADMIN, NULL, error))
    return FALSE;
  db = xf_store_get_db (store);

  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.user_data = user_data;
  writer.writer = _xf_archive_writer_open (path, cancellable, error);
  if (writer.writer == NULL || !record_export (db, actor, path, error))
    return FALSE;
  writer.buffer = _xf_archive_writer_buffer (writer.writer);

  rows = g_new0 (gint64, n_tables);
  if (!_xf_copy_source_begin (db, rows, error))
    return FALSE;
  for (guint t = 0; t < n_tables; t++)
    writer.report.all_total += rows[t];

  ok = write_header (&writer, db, error);
  for (guint t = 0; ok && t < n_tables; t++)
    ok = write_table (&writer, db, t, rows[t], error);
  _xf_copy_source_end (db);
  if (!ok || !write_end (&writer, n_tables, error) ||
      !_xf_archive_writer_close (writer.writer, error))
    return FALSE;

  g_debug ("Wrote %" G_GINT64_FORMAT " rows to %s in %.2f s", writer.report.all_done, path,
           g_timer_elapsed (timer, NULL));
  return TRUE;
}
