/* xf-merge-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-import.h"

G_BEGIN_DECLS

/*
 * XfMergeDialog: a row of an import that matches a record already in the
 * registry, field by field beside the record's (personal values masked
 * as core gives them), each with a check: the checked fields take the
 * file's value (xf_import_set_merge), the others keep the record's.
 * Checked at first: the fields the record leaves empty, or the choice
 * made before. With nothing checked, Apply undoes the merge and the row
 * stays left out.
 *
 * Signal "applied" (no arguments) once the decision is made.
 *
 * Template children (for tests): apply_button, fields_grid, intro_label,
 * error_revealer.
 */

#define XF_TYPE_MERGE_DIALOG (xf_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfMergeDialog, xf_merge_dialog, XF, MERGE_DIALOG, AdwWindow)

/* NULL with @error when core cannot show the row's fields. */
GtkWidget *xf_merge_dialog_new           (GtkWindow     *parent,
                                          XfImport      *import,
                                          guint          row,
                                          GError       **error);
/* The check of @field (as xf_import_list_fields names it), or NULL. */
GtkCheckButton *xf_merge_dialog_get_check (XfMergeDialog *self,
                                           const char    *field);

G_END_DECLS
