/* xf-bulk-edit-dialog.h — the registry's "Change Field of Listed…"
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfBulkEditDialog: one field (industry, organisation, region, education,
 * political status, employer, tags) set to one value on every file the
 * registry page lists, chosen with the editor's own options for coded
 * fields. It says how many files that is; "Change…" asks to confirm
 * (AdwMessageDialog), then core changes them in one transaction
 * (xf_registry_bulk_edit) in a worker with progress and Cancel, which
 * rolls everything back. The result is a toast on the page with the
 * count; a refusal names the file, and nothing is changed.
 *
 * Actions: bulk.change. Template children: field_row, choice_row (coded
 * fields), text_row (text fields), scope_label, change_button.
 * Signals: "changed" (guint files changed) after a bulk edit.
 */

#define XF_TYPE_BULK_EDIT_DIALOG (xf_bulk_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfBulkEditDialog, xf_bulk_edit_dialog, XF, BULK_EDIT_DIALOG, AdwWindow)

/* @list: the page's list of pioneers (a GListModel of XfPioneer); its ids
 * are read when the change is confirmed. @parent: whose window the dialog
 * is over and whose toasts say the result. */
GtkWidget  *xf_bulk_edit_dialog_new       (XfRegistry       *registry,
                                           GListModel       *list,
                                           GtkWidget        *parent);
/* Chooses @field and, for a coded field, the option of @value (a code),
 * else types @value; as the user would. */
void        xf_bulk_edit_dialog_set_value (XfBulkEditDialog *self,
                                           const char       *field,
                                           const char       *value);
const char *xf_bulk_edit_dialog_get_scope (XfBulkEditDialog *self);
/* What "Change…" does after the confirmation (for tests): the worker. */
void        xf_bulk_edit_dialog_apply     (XfBulkEditDialog *self);

G_END_DECLS
