/* xf-import-assistant.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-import.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfImportAssistant: the import of a CSV or XLSX file (xf-import.h), as a
 * modal window in four steps:
 *
 * 1. File: chosen (Ctrl+O) or dropped on the window; its format and
 *    number of rows, and what it holds (guessed, can be changed).
 * 2. Columns: each column of the file with a few of its values and the
 *    field it fills in; required fields no column fills in; "Remember
 *    this mapping" (on) stores it for the next file with those headers.
 * 3. Preview: every row checked (in a worker, with progress and Cancel),
 *    then listed with its line, state (icon and word), problems and
 *    cells; a filter (All, Problems, Duplicates, To import) with counts;
 *    cells can be changed, rows left out, duplicates merged field by
 *    field (XfMergeDialog).
 * 4. Import: what will happen, then the import in one transaction (in a
 *    worker, with progress and Cancel, which undoes it all), then the
 *    report with the rows left out, which can be saved as a CSV.
 *
 * Reading, checking and importing run in a worker on a connection of the
 * assistant's own (see xf-import-assistant.c). Escape closes, asking
 * first once work would be lost. Signal "imported" (no arguments) follows
 * a completed import.
 *
 * Steps (xf_import_assistant_get_step): "file", "mapping", "preview",
 * "import", "report" and "busy" (a job runs).
 */

#define XF_TYPE_IMPORT_ASSISTANT (xf_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (XfImportAssistant, xf_import_assistant, XF, IMPORT_ASSISTANT, AdwWindow)

GtkWidget  *xf_import_assistant_new       (GtkWindow         *parent,
                                           XfRegistry        *registry);
/* What choosing or dropping @file does. */
void        xf_import_assistant_open_file (XfImportAssistant *self,
                                           GFile             *file);
/* (transfer none) (nullable): the file being imported, once read. Not
 * to be used while the assistant is busy. */
XfImport   *xf_import_assistant_get_import (XfImportAssistant *self);
const char *xf_import_assistant_get_step  (XfImportAssistant *self);
gboolean    xf_import_assistant_is_busy   (XfImportAssistant *self);

G_END_DECLS
