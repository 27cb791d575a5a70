/* xf-export-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-archive-private.h"
#include "xf-export.h"
#include "xf-reference.h"
#include "xf-table.h"

G_BEGIN_DECLS

/* Shared by the list exports (xf-export.c) and a file's (xf-export-file.c). */

/* Where rows go: xf-table's streaming writer, or a JSON array. */
typedef struct
{
  XfExportFormat      format;
  XfTableWriter      *table;
  XfArchiveWriter    *json;
  gboolean            array;      /* JSON: rows in an array, closed at the end */
  const char * const *fields;     /* the current part's; JSON keys */
  guint               n_fields;
  gint64              rows;
} XfExportSink;

typedef struct
{
  XfRegistry           *registry;
  XfReference          *reference;
  gboolean              with_personal;
  gboolean              personal_out;   /* a plain identity number or mobile was written */
  XfExportProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  gint64                total;
  gint64                done;
  gint64                honours;
  XfExportSink          sink;
} XfExportContext;

gboolean _xf_export_sink_open     (XfExportSink        *sink,
                                   XfExportFormat       format,
                                   const char          *path,
                                   const char          *title,
                                   const char * const  *fields,
                                   const char * const  *labels,
                                   GError             **error);
gboolean _xf_export_sink_add_part (XfExportSink        *sink,
                                   const char          *title,
                                   const char * const  *fields,
                                   const char * const  *labels,
                                   GError             **error);
gboolean _xf_export_sink_add      (XfExportSink        *sink,
                                   const char * const  *cells,
                                   GError             **error);
gboolean _xf_export_sink_finish   (XfExportSink        *sink,
                                   GError             **error);
void     _xf_export_sink_clear    (XfExportSink        *sink);

/* Whether @pioneer's personal data goes out masked. */
gboolean _xf_export_masks         (XfExportContext     *context,
                                   XfPioneer           *pioneer);
/* A field's value as a reader expects it: labels, not codes. */
char    *_xf_export_pioneer_value (XfExportContext     *context,
                                   XfPioneer           *pioneer,
                                   const char          *field,
                                   gboolean             masked);
/* An honour field's value from (title, level, year, body, certificate). */
char    *_xf_export_honour_value  (const char          *field,
                                   const char * const  *row);
/* Records XF_AUDIT_EXPORT and finishes the sink, in one transaction. */
gboolean _xf_export_record        (XfExportContext     *context,
                                   const char          *record_uid,
                                   const char          *record_label,
                                   const char          *what,
                                   GError             **error);
void     _xf_export_context_clear (XfExportContext     *context);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XfExportContext, _xf_export_context_clear)

G_END_DECLS
