/* xf-sheet-private.h — what the parts of the sheet reader share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <csv.h>

#include "xf-sheet.h"
#include "xf-xlsx-reader.h"

G_BEGIN_DECLS

#define SAMPLE_SIZE      (64 * 1024)
#define READ_SIZE        (256 * 1024)
#define PIECE_MAX        (64 * 1024)
#define MAX_CELLS        1024
#define MAX_CELL_SIZE    65536
#define SAMPLE_RECORDS   50

struct _XfSheetReader
{
  char          *name;
  XfSheetFormat  format;
  const char    *encoding;
  char           delimiter;

  /* CSV: the stream and its decoding */
  GInputStream  *stream;
  guint64        size;          /* bytes in the file, 0 when unknown */
  guint64        consumed;      /* raw bytes read so far */
  gboolean       raw_eof;
  GByteArray    *raw;           /* raw bytes not decoded yet */
  GIConv         conv;          /* (GIConv) -1 while the text is UTF-8 */
  gboolean       ascii_only;    /* no byte above 0x7F decoded yet */
  gboolean       bad_text;      /* decoding stopped at bytes that are not text */
  GString       *text;
  gsize          text_pos;

  /* CSV: parsing */
  struct csv_parser parser;
  gboolean       parser_ready;
  guint64        line;          /* the line being fed */
  guint64        record_line;   /* where the record being read began; 0: none */
  guint64        ready_line;    /* where the record just completed began */
  gboolean       ready;
  char          *cell_text;     /* the record's cells, each NUL-terminated */
  gsize          cell_length;
  gsize          cell_size;
  guint          n_cells;
  gsize          cell_starts[MAX_CELLS];
  const char    *cells[MAX_CELLS + 1];   /* what xf_sheet_reader_next hands out */
  GError        *error;         /* from a libcsv callback */
  gboolean       finished;

  /* XLSX */
  GPtrArray     *sheets;
  XfXlsxSheet   *sheet;
  guint          row;

  /* Records read ahead by xf_sheet_reader_seek_header, handed out first */
  GPtrArray     *queued;        /* (element-type GStrv) */
  GArray        *queued_lines;  /* guint64 */
  guint          queue_pos;
};

/* xf-sheet-text.c: bytes to UTF-8 text */
gboolean _xf_sheet_set_read_error   (const char     *name,
                                     const char     *reason,
                                     GError        **error);
gboolean _xf_sheet_read_block       (XfSheetReader  *self,
                                     gsize           want,
                                     GError        **error);
void     _xf_sheet_decode           (XfSheetReader  *self);
gboolean _xf_sheet_text_ended       (XfSheetReader  *self);
gboolean _xf_sheet_refill           (XfSheetReader  *self,
                                     GError        **error);
gboolean _xf_sheet_detect_encoding  (XfSheetReader  *self,
                                     GError        **error);
char     _xf_sheet_detect_delimiter (const char     *text,
                                     gsize           length,
                                     gboolean        whole);

G_END_DECLS
