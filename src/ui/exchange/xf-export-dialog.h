/* xf-export-dialog.h — the registry's "Export…"
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-export.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfExportDialog: what to export (individuals, collectives, honours of
 * the listed pioneers, organisations), with the registry page's search
 * and filters applied (it says so, with the count), in which format (CSV,
 * XLSX, JSON), and — only for whoever may see them somewhere
 * (PERSONAL_VIEW) — with identity numbers and mobiles. "Export…" asks
 * where (GtkFileChooserNative), then core writes the file in a worker with
 * progress and Cancel; the dialog closes and the page shows
 * "Exported 1,204 records" with "Open Folder".
 *
 * Actions: export.export. Template children: kind_row, format_row,
 * personal_row, personal_switch, scope_label, export_button.
 * Signals: "exported" (gint64 rows, string path) once the file is written.
 */

#define XF_TYPE_EXPORT_DIALOG (xf_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfExportDialog, xf_export_dialog, XF, EXPORT_DIALOG, AdwWindow)

/* @query: the page's (copied; NULL: every active record). @parent: the
 * widget whose window the dialog is over and whose toasts say the result. */
GtkWidget  *xf_export_dialog_new        (XfRegistry            *registry,
                                         const XfRegistryQuery *query,
                                         GtkWidget             *parent);
/* "individuals", "collectives", "honours" or "organisations". */
void        xf_export_dialog_set_kind   (XfExportDialog        *self,
                                         const char            *kind);
const char *xf_export_dialog_get_kind   (XfExportDialog        *self);
void        xf_export_dialog_set_format (XfExportDialog        *self,
                                         XfExportFormat         format);
/* What the dialog says the export covers. */
const char *xf_export_dialog_get_scope  (XfExportDialog        *self);
/* What the file chooser leads to (for tests). */
void        xf_export_dialog_export_to  (XfExportDialog        *self,
                                         const char            *path);

/* The profile page's "Export File…": asks where (CSV, XLSX or JSON by
 * the name's extension; XLSX offered), then writes @pioneer's file with
 * its honours (xf_export_file; personal data as the profile shows it)
 * and says so in a toast over @parent. */
void        xf_export_file_run          (GtkWidget             *parent,
                                         XfRegistry            *registry,
                                         XfPioneer             *pioneer);
/* The same without the chooser; FALSE with the message shown in a toast. */
gboolean    xf_export_file_to           (GtkWidget             *parent,
                                         XfRegistry            *registry,
                                         XfPioneer             *pioneer,
                                         const char            *path);

G_END_DECLS
