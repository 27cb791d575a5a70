/* xf-accounts-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfAccountsPage: the administrator's list of accounts (XF_OP_ACCOUNT_MANAGE),
 * by login, each with its display name, roles and where they apply, and
 * whether it is disabled or locked out. Adds and edits accounts through
 * XfAccountDialog, resets a password to a temporary one the person must
 * change, and disables or enables an account after asking. It acts as the
 * registry's actor, on the registry's store.
 *
 * Actions: accounts.add, accounts.edit(s login), accounts.reset-password(s),
 * accounts.disable(s), accounts.enable(s). Template children: list (one
 * row per account, named by its login), list_stack ("list" | "empty" |
 * "error"), count_label, error_status, toast_overlay.
 * Property "show-sidebar-button" as on the registry page.
 */

#define XF_TYPE_ACCOUNTS_PAGE (xf_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (XfAccountsPage, xf_accounts_page, XF, ACCOUNTS_PAGE, AdwBin)

GtkWidget  *xf_accounts_page_new          (XfRegistry     *registry);
/* Reads the accounts again, after another desk's change (a hidden page
 * waits until it is next shown; it is first read then too). */
void        xf_accounts_page_refresh      (XfAccountsPage *self);
XfAccounts *xf_accounts_page_get_accounts (XfAccountsPage *self);

G_END_DECLS
