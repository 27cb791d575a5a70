/* xf-password-dialog.h — Change Password
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"

G_BEGIN_DECLS

/*
 * XfPasswordDialog: the current password, then the new one twice, judged
 * as it is typed (XfNewPassword). Change runs xf_accounts_change_password in
 * a worker thread; a wrong current password or a refused new one is said
 * under the form. When @required (the administrator set a temporary
 * password), the dialog says so and Cancel becomes "Sign Out".
 *
 * "done" (gboolean changed) is emitted once, when the dialog goes: TRUE
 * after the password was changed, FALSE when cancelled or closed.
 *
 * Actions: password.change, password.cancel (Escape).
 * Template children (for tests): intro_label, current_row, new_password,
 * error_label, change_button, cancel_button, spinner.
 */

#define XF_TYPE_PASSWORD_DIALOG (xf_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfPasswordDialog, xf_password_dialog, XF, PASSWORD_DIALOG, AdwWindow)

GtkWidget  *xf_password_dialog_new       (XfAccounts       *accounts,
                                          XfAccount        *account,
                                          gboolean          required);
gboolean    xf_password_dialog_get_required (XfPasswordDialog *self);
/* The message under the form, or NULL when none is shown. */
const char *xf_password_dialog_get_error (XfPasswordDialog *self);
gboolean    xf_password_dialog_get_busy  (XfPasswordDialog *self);

G_END_DECLS
