/* xf-account-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"
#include "xf-grant-row.h"

G_BEGIN_DECLS

/*
 * XfAccountDialog adds an account (display name, login, password typed
 * twice with feedback on its strength, roles) or edits one (display name
 * and roles) for an administrator, with xf_accounts_save. A refusal,
 * whether the dialog's own check or core's, is shown in the dialog naming
 * the field, the field is marked, and the dialog stays open.
 *
 * Action: account.save, account.add-grant. Template children:
 * display_name_row, login_row, password_group, password_row, repeat_row,
 * strength_label, grants_group, no_grants_row, save_button, error_label.
 * Signal "saved" (XfAccount, as written) before the dialog closes.
 */

#define XF_TYPE_ACCOUNT_DIALOG (xf_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfAccountDialog, xf_account_dialog, XF, ACCOUNT_DIALOG, AdwWindow)

/* @account: (nullable): the account to edit, NULL for a new one. */
GtkWidget  *xf_account_dialog_new       (XfAccounts      *accounts,
                                         XfAccount       *actor,
                                         XfGrantChoices  *choices,
                                         XfAccount       *account);
/* Adds a grant row (as "Add Role" does) set to @grant when not NULL. */
XfGrantRow *xf_account_dialog_add_grant (XfAccountDialog *self,
                                         const XfGrant   *grant);
/* (nullable): the message shown under the form, if any. */
const char *xf_account_dialog_get_error (XfAccountDialog *self);

G_END_DECLS
