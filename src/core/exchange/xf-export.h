/* xf-export.h — lists and files of the registry to CSV, XLSX and JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * Exports for reports and for other offices' spreadsheets.
 *
 * - A *list*: the registry's individuals, collectives, honours or
 *   organisations, optionally narrowed by an XfRegistryQuery (the registry
 *   page's search, filters and sort; NULL: every active record), in list
 *   order. Columns are the fields of xf_import_list_fields() with their
 *   translated labels as headers, values as a reader expects them
 *   (labels, not codes: "德清县", "女", "本科"), so an exported list can be
 *   imported again (the headers map themselves).
 * - A *file* (档案): one pioneer's complete record with its honours:
 *   JSON (an object with "fields" and "honours"), XLSX (a sheet "File"
 *   of field/value and a sheet "Honours") or CSV (field, value rows, then
 *   the honours).
 *
 * CSV and XLSX go through xf-table.h (BOM, CRLF, formula defusing,
 * temporary file renamed into place); JSON is UTF-8, one object per record
 * in an array, written through a temporary file too. A failure leaves no
 * partial file and an existing file as it was.
 *
 * Personal data: identity numbers and mobiles are exported only when
 * @with_personal is TRUE and the actor has PERSONAL_VIEW at each record's
 * place — else masked as the registry masks them. Every export is audited
 * (XF_AUDIT_EXPORT: kind, format, rows, and whether personal data went
 * out). Reading needs REGISTRY_READ.
 */

typedef enum
{
  XF_EXPORT_FORMAT_CSV,
  XF_EXPORT_FORMAT_XLSX,
  XF_EXPORT_FORMAT_JSON,
} XfExportFormat;

/* "csv", "xlsx", "json"; from a string or a file name's extension. */
const char *xf_export_format_to_string   (XfExportFormat  format);
gboolean    xf_export_format_from_string (const char     *text,
                                          XfExportFormat *format);

typedef void (*XfExportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* @kind: "individuals", "collectives", "honours" or "organisations".
 * Returns the number of records written, or -1 with @error. */
gint64      xf_export_list   (XfRegistry            *registry,
                              const char            *kind,
                              const XfRegistryQuery *query,
                              XfExportFormat         format,
                              gboolean               with_personal,
                              const char            *path,
                              XfExportProgressFunc   progress,
                              gpointer               user_data,
                              GCancellable          *cancellable,
                              GError               **error);

/* One pioneer's file (@uid). */
gboolean    xf_export_file   (XfRegistry            *registry,
                              const char            *uid,
                              XfExportFormat         format,
                              gboolean               with_personal,
                              const char            *path,
                              GError               **error);

G_END_DECLS
