/* xf-archive-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Shared by the archive's writer (xf-archive.c) and reader
 * (xf-archive-import.c); the format is in xf-archive.h. */

#define XF_ARCHIVE_FORMAT  "xianfeng-archive"
#define XF_ARCHIVE_VERSION 1

/* Whether @path names a gzip-compressed archive (".gz"). */
gboolean _xf_archive_is_gzip (const char *path);

/* Appends @text as a JSON string: quotes, backslashes and control
 * characters escaped, other bytes as they are (UTF-8). */
void     _xf_json_append_string (GString    *out,
                                 const char *text);

/*
 * Writing JSON lines (also the JSON of xf-export.c): lines gathered in a
 * buffer, written a megabyte at a time to a temporary file beside @path
 * (through gzip for ".gz"), which close syncs and renames into place.
 * Freeing an unclosed writer removes the temporary file: a failure leaves
 * no partial file and an existing one as it was.
 */
typedef struct _XfArchiveWriter XfArchiveWriter;

XfArchiveWriter *_xf_archive_writer_open     (const char       *path,
                                              GCancellable     *cancellable,
                                              GError          **error);
/* (transfer none): append a line's text here, then end it. */
GString         *_xf_archive_writer_buffer   (XfArchiveWriter  *writer);
/* Ends the line begun at @start of the buffer with a newline, counts it
 * into the SHA-256 when @hashed, and writes out a full buffer. */
gboolean         _xf_archive_writer_end_line (XfArchiveWriter  *writer,
                                              gsize             start,
                                              gboolean          hashed,
                                              GError          **error);
/* The digest of the lines counted so far, in hex. */
const char      *_xf_archive_writer_digest   (XfArchiveWriter  *writer);
gboolean         _xf_archive_writer_close    (XfArchiveWriter  *writer,
                                              GError          **error);
void             _xf_archive_writer_free     (XfArchiveWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfArchiveWriter, _xf_archive_writer_free)

G_END_DECLS
