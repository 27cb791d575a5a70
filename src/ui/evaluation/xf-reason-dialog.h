/* xf-reason-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * XfReasonDialog asks for the reason a step needs (returning, rejecting,
 * vetoing, declining, withdrawing a nomination): a message dialog with a
 * text field under the body. Responses "cancel" (also what closing
 * answers) and "confirm"; "confirm" stays disabled while the reason is
 * empty or blank, and looks destructive when asked to. The caller
 * connects to "response::confirm" and reads the reason there.
 */

#define XF_TYPE_REASON_DIALOG (xf_reason_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfReasonDialog, xf_reason_dialog, XF, REASON_DIALOG, AdwMessageDialog)

/* Not yet presented. */
GtkWidget *xf_reason_dialog_new        (GtkWindow      *parent,
                                        const char     *heading,
                                        const char     *body,
                                        const char     *confirm_label,
                                        gboolean        destructive);
/* The reason without surrounding blanks ("" when none). */
char      *xf_reason_dialog_dup_reason (XfReasonDialog *self);
void       xf_reason_dialog_set_reason (XfReasonDialog *self,
                                        const char     *reason);

G_END_DECLS
