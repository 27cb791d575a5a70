/* xf-accounts.h — accounts in the database: sign-in, lockout, management
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-account.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Tables accounts and account_grants (migration 0002). Every change is one
 * transaction and appends to the audit trail (xf-audit.h); sign-ins,
 * failed sign-ins, lockouts, sign-outs and password changes are audited too.
 *
 * Lockout: after 5 failed sign-ins in a row an account is locked for 30 s,
 * doubling with each further failure up to 15 min; the count and the time
 * are in the database, so every desk sees them. While locked, even the right
 * password gets XF_ERROR_LOCKED_OUT ("locked until 14:05:30; try again in
 * 25 s"). A wrong login or password gets XF_ERROR_AUTH with one message for
 * both (no telling which was wrong). A disabled account gets XF_ERROR_AUTH.
 * A successful sign-in resets the count.
 */

#define XF_TYPE_ACCOUNTS (xf_accounts_get_type ())

G_DECLARE_FINAL_TYPE (XfAccounts, xf_accounts, XF, ACCOUNTS, GObject)

#define XF_ACCOUNTS_MAX_FAILURES 5

XfAccounts *xf_accounts_new                 (XfStore     *store);

/* Accounts in the database (disabled ones too); -1 on error. */
gint64      xf_accounts_count               (XfAccounts  *self,
                                             GError     **error);
/* Only while there is none: the first administrator (unscoped). */
XfAccount  *xf_accounts_create_first_administrator (XfAccounts  *self,
                                                    const char  *login,
                                                    const char  *display_name,
                                                    const char  *password,
                                                    GError     **error);
XfAccount  *xf_accounts_sign_in             (XfAccounts  *self,
                                             const char  *login,
                                             const char  *password,
                                             GError     **error);
/* Audits the sign-out; the caller forgets the account. */
void        xf_accounts_sign_out            (XfAccounts  *self,
                                             XfAccount   *account);
/* When @login is locked, the instant (UTC µs) it opens again; 0 when not locked. */
gint64      xf_accounts_get_locked_until    (XfAccounts  *self,
                                             const char  *login);
/* Unlocking an idle-locked window: checks @account's own password (failures count as above). */
gboolean    xf_accounts_confirm_password    (XfAccounts  *self,
                                             XfAccount   *account,
                                             const char  *password,
                                             GError     **error);
gboolean    xf_accounts_change_password     (XfAccounts  *self,
                                             XfAccount   *account,
                                             const char  *old_password,
                                             const char  *new_password,
                                             GError     **error);

/* Administration (XF_OP_ACCOUNT_MANAGE). */
/* (element-type XfAccount) by login */
GPtrArray  *xf_accounts_list                (XfAccounts  *self,
                                             XfAccount   *actor,
                                             GError     **error);
XfAccount  *xf_accounts_get                 (XfAccounts  *self,
                                             XfAccount   *actor,
                                             const char  *login,
                                             GError     **error);
/* Creates (id 0: @password required) or updates (display name, disabled,
 * grants; stale version → XF_ERROR_CONFLICT) an account. An administrator
 * cannot disable themselves or drop their own administrator grant, and the
 * last enabled administrator cannot be disabled or demoted. */
gboolean    xf_accounts_save                (XfAccounts  *self,
                                             XfAccount   *actor,
                                             XfAccount   *account,
                                             const char  *password,
                                             GError     **error);
/* Sets a new password the person must change at next sign-in; clears the lockout. */
gboolean    xf_accounts_reset_password      (XfAccounts  *self,
                                             XfAccount   *actor,
                                             const char  *login,
                                             const char  *new_password,
                                             GError     **error);

/* demo databases only: admin, clerk, reviewer, dispatcher, auditor, password "xianfeng". */
gboolean    xf_accounts_create_demo         (XfAccounts  *self,
                                             GError     **error);

G_END_DECLS
