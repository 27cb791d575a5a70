/* xf-accounts-private.h — shared by xf-accounts.c and xf-accounts-admin.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-accounts.h"

G_BEGIN_DECLS

/* One row of accounts with what XfAccount does not carry. */
typedef struct
{
  XfAccount *account;
  char      *hash;
  gint64     failed_sign_ins;
  gint64     locked_until;
} XfStoredAccount;

void             _xf_stored_account_free      (XfStoredAccount *stored);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStoredAccount, _xf_stored_account_free)

XfDb            *_xf_accounts_get_db          (XfAccounts  *self);

/* NULL without @error when there is no such account. */
XfStoredAccount *_xf_accounts_find_by_login   (XfAccounts  *self,
                                               const char  *login,
                                               GError     **error);
XfStoredAccount *_xf_accounts_find_by_id      (XfAccounts  *self,
                                               gint64       id,
                                               GError     **error);
/* (element-type XfAccount) every account with its grants, by login. */
GPtrArray       *_xf_accounts_load_all        (XfAccounts  *self,
                                               GError     **error);

gboolean         _xf_accounts_check_login        (const char  *login,
                                                  GError     **error);
gboolean         _xf_accounts_check_display_name (const char  *display_name,
                                                  GError     **error);

/* Inside a transaction: writes @account (id 0) and its grants, then sets
 * its id, uid and version; audits the creation by @actor. */
gboolean         _xf_accounts_insert          (XfDb        *db,
                                               XfAccount   *actor,
                                               XfAccount   *account,
                                               const char  *hash,
                                               gboolean     must_change_password,
                                               GError     **error);
/* Inside a transaction: replaces @account's grants in the table. */
gboolean         _xf_accounts_write_grants    (XfDb        *db,
                                               XfAccount   *account,
                                               GError     **error);
/* "administrator:all, clerk:region:330521", sorted: for the audit trail. */
char            *_xf_accounts_grants_to_string (XfAccount  *account);

/* Runs @write inside its own transaction; an error leaves nothing written. */
typedef gboolean (*XfAccountsWriteFunc) (XfDb      *db,
                                         gpointer   data,
                                         GError   **error);

gboolean         _xf_accounts_in_transaction  (XfDb                 *db,
                                               XfAccountsWriteFunc   write,
                                               gpointer              data,
                                               GError              **error);

/* An audit entry about @account (record_type "account"). */
gboolean         _xf_accounts_audit           (XfDb        *db,
                                               XfAccount   *actor,
                                               const char  *action,
                                               XfAccount   *account,
                                               const char  *field,
                                               const char  *old_value,
                                               const char  *new_value,
                                               GError     **error);

G_END_DECLS
