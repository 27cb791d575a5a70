/* xf-accounts-admin.c — managing accounts: list, save, reset, demo accounts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-accounts-private.h"
#include "xf-audit.h"
#include "xf-error.h"
#include "xf-password.h"
#include "xf-permission.h"

#define DEMO_PASSWORD "xianfeng"

/**
 * xf_accounts_list:
 *
 * Returns: (transfer container) (element-type XfAccount): every account
 *   with its grants, by login
 */
GPtrArray *
xf_accounts_list (XfAccounts  *self,
                  XfAccount   *actor,
                  GError     **error)
{
  g_return_val_if_fail (XF_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!xf_permission_check (actor, XF_OP_ACCOUNT_MANAGE, NULL, error))
    return NULL;
  return _xf_accounts_load_all (self, error);
}

static XfStoredAccount *
find_existing (XfAccounts  *self,
               const char  *login,
               GError     **error)
{
  GError *local_error = NULL;
  XfStoredAccount *stored;

  stored = _xf_accounts_find_by_login (self, login, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (stored == NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                 _("There is no account “%s”"), login != NULL ? login : "");
  return stored;
}

/**
 * xf_accounts_get:
 *
 * Returns: (transfer full): the account with its grants; %XF_ERROR_NOT_FOUND
 *   when there is none by that login
 */
XfAccount *
xf_accounts_get (XfAccounts  *self,
                 XfAccount   *actor,
                 const char  *login,
                 GError     **error)
{
  g_autoptr(XfStoredAccount) stored = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!xf_permission_check (actor, XF_OP_ACCOUNT_MANAGE, NULL, error))
    return NULL;
  stored = find_existing (self, login, error);
  if (stored == NULL)
    return NULL;
  return g_steal_pointer (&stored->account);
}

/* Whether @login is taken, inside the write transaction. */
static gboolean
check_login_free (XfDb        *db,
                  const char  *login,
                  GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (db, "SELECT id FROM accounts WHERE login = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, login);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_ROW)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                   _("Login “%s” is already taken by another account"), login);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_password (XfDb        *db,
                XfAccount   *actor,
                XfAccount   *account,
                const char  *hash,
                GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;

  stmt = xf_db_prepare (db, "UPDATE accounts SET password_hash = $1, must_change_password = 1, "
                            "failed_sign_ins = 0, locked_until = 0, updated_at = $2 "
                            "WHERE id = $3", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, hash);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 3, xf_account_get_id (account));
  /* The entry says that it happened, never what the password is. */
  return xf_db_stmt_run (stmt, error)
         && _xf_accounts_audit (db, actor, XF_AUDIT_PASSWORD_RESET, account,
                                "password", NULL, NULL, error);
}

static gboolean
is_enabled_administrator (XfAccount *account)
{
  return !xf_account_get_disabled (account)
         && xf_account_has_role (account, XF_ROLE_ADMINISTRATOR);
}

/* Enabled administrators other than the account @id. */
static gint64
count_other_administrators (XfDb    *db,
                            gint64   id,
                            GError **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;

  stmt = xf_db_prepare (db, "SELECT COUNT(DISTINCT a.id) FROM accounts a "
                            "JOIN account_grants g ON g.account_id = a.id "
                            "WHERE g.role = 'administrator' AND a.disabled = 0 AND a.id <> $1",
                        error);
  if (stmt == NULL)
    return -1;
  xf_db_stmt_bind_int64 (stmt, 1, id);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return -1;
  return xf_db_stmt_column_int64 (stmt, 0);
}

/* The rules that keep the database administrable. */
static gboolean
check_administrators (XfDb         *db,
                      XfAccount    *actor,
                      XfStoredAccount *stored,
                      XfAccount    *account,
                      GError      **error)
{
  gint64 others;

  if (!is_enabled_administrator (stored->account) || is_enabled_administrator (account))
    return TRUE;

  if (xf_account_get_id (actor) == xf_account_get_id (account))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW,
                           xf_account_get_disabled (account)
                           ? _("You cannot disable your own account")
                           : _("You cannot remove your own administrator role"));
      return FALSE;
    }
  others = count_other_administrators (db, xf_account_get_id (account), error);
  if (others < 0)
    return FALSE;
  if (others == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("“%s” is the last administrator: make another account an administrator first"),
                   xf_account_get_login (account));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  XfAccounts *self;
  XfAccount  *actor;
  XfAccount  *account;
  const char *hash;        /* a new password, or NULL */
  gint64      version;     /* out: the version written */
  gboolean    must_change; /* out */
} Update;

static gboolean
write_update (XfDb     *db,
              gpointer  data,
              GError  **error)
{
  Update *update = data;
  XfAccount *account = update->account;
  g_autoptr(XfStoredAccount) stored = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *old_grants = NULL;
  g_autofree char *new_grants = NULL;
  GError *local_error = NULL;

  stored = _xf_accounts_find_by_id (update->self, xf_account_get_id (account), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (stored == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("The account “%s” no longer exists"), xf_account_get_login (account));
      return FALSE;
    }
  if (g_strcmp0 (xf_account_get_login (stored->account), xf_account_get_login (account)) != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Login cannot be changed"));
      return FALSE;
    }
  if (xf_account_get_version (stored->account) != xf_account_get_version (account))
    goto conflict;
  if (!check_administrators (db, update->actor, stored, account, error))
    return FALSE;
  /* The audit trail names the stored uid, whatever the caller's copy holds. */
  _xf_account_set_stored (account, xf_account_get_id (account),
                          xf_account_get_uid (stored->account),
                          xf_account_get_version (account),
                          xf_account_get_must_change_password (account));

  stmt = xf_db_prepare (db, "UPDATE accounts SET display_name = $1, disabled = $2, "
                            "updated_at = $3, version = version + 1 "
                            "WHERE id = $4 AND version = $5", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, xf_account_get_display_name (account));
  xf_db_stmt_bind_int64 (stmt, 2, xf_account_get_disabled (account) ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 3, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 4, xf_account_get_id (account));
  xf_db_stmt_bind_int64 (stmt, 5, xf_account_get_version (account));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (db) == 0)
    goto conflict;
  update->version = xf_account_get_version (account) + 1;
  update->must_change = xf_account_get_must_change_password (stored->account);

  /* One audit entry per changed field. */
  if (g_strcmp0 (xf_account_get_display_name (stored->account), xf_account_get_display_name (account)) != 0
      && !_xf_accounts_audit (db, update->actor, XF_AUDIT_UPDATE, account, "display-name",
                              xf_account_get_display_name (stored->account),
                              xf_account_get_display_name (account), error))
    return FALSE;
  if (xf_account_get_disabled (stored->account) != xf_account_get_disabled (account)
      && !_xf_accounts_audit (db, update->actor, XF_AUDIT_UPDATE, account, "disabled",
                              xf_account_get_disabled (stored->account) ? "true" : "false",
                              xf_account_get_disabled (account) ? "true" : "false", error))
    return FALSE;
  old_grants = _xf_accounts_grants_to_string (stored->account);
  new_grants = _xf_accounts_grants_to_string (account);
  if (!g_str_equal (old_grants, new_grants)
      && (!_xf_accounts_write_grants (db, account, error)
          || !_xf_accounts_audit (db, update->actor, XF_AUDIT_UPDATE, account, "grants",
                                  old_grants, new_grants, error)))
    return FALSE;

  if (update->hash != NULL)
    {
      if (!write_password (db, update->actor, account, update->hash, error))
        return FALSE;
      update->must_change = TRUE;
    }
  return TRUE;

conflict:
  g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
               _("The account “%s” was changed elsewhere; reload it and try again"),
               xf_account_get_login (account));
  return FALSE;
}

typedef struct
{
  XfAccount  *actor;
  XfAccount  *account;
  const char *hash;
} Creation;

static gboolean
write_creation (XfDb     *db,
                gpointer  data,
                GError  **error)
{
  Creation *creation = data;

  /* The administrator chose the password, so its owner must change it. */
  return check_login_free (db, xf_account_get_login (creation->account), error)
         && _xf_accounts_insert (db, creation->actor, creation->account, creation->hash,
                                 TRUE, error);
}

gboolean
xf_accounts_save (XfAccounts  *self,
                  XfAccount   *actor,
                  XfAccount   *account,
                  const char  *password,
                  GError     **error)
{
  XfDb *db;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_ACCOUNT_MANAGE, NULL, error))
    return FALSE;
  if (!_xf_accounts_check_login (xf_account_get_login (account), error)
      || !_xf_accounts_check_display_name (xf_account_get_display_name (account), error))
    return FALSE;
  if ((xf_account_get_id (account) == 0 || password != NULL)
      && !xf_password_check_strength (password, xf_account_get_login (account), error))
    return FALSE;

  db = _xf_accounts_get_db (self);
  /* Checked again in the transaction; here it saves a useless hash. */
  if (xf_account_get_id (account) == 0
      && !check_login_free (db, xf_account_get_login (account), error))
    return FALSE;

  /* Hash outside the transaction: it takes a tenth of a second. */
  if (password != NULL)
    {
      hash = xf_password_hash (password, error);
      if (hash == NULL)
        return FALSE;
    }

  if (xf_account_get_id (account) == 0)
    {
      Creation creation = { actor, account, hash };

      if (!_xf_accounts_in_transaction (db, write_creation, &creation, error))
        {
          /* Rolled back: the account is unsaved again. */
          _xf_account_set_stored (account, 0, NULL, 0, FALSE);
          return FALSE;
        }
    }
  else
    {
      Update update = { self, actor, account, hash, 0, FALSE };

      if (!_xf_accounts_in_transaction (db, write_update, &update, error))
        return FALSE;
      _xf_account_set_stored (account, xf_account_get_id (account), xf_account_get_uid (account),
                              update.version, update.must_change);
    }
  return TRUE;
}

typedef struct
{
  XfAccount  *actor;
  XfAccount  *account;
  const char *hash;
} Reset;

static gboolean
write_reset (XfDb     *db,
             gpointer  data,
             GError  **error)
{
  Reset *reset = data;

  return write_password (db, reset->actor, reset->account, reset->hash, error);
}

gboolean
xf_accounts_reset_password (XfAccounts  *self,
                            XfAccount   *actor,
                            const char  *login,
                            const char  *new_password,
                            GError     **error)
{
  g_autoptr(XfStoredAccount) stored = NULL;
  g_autofree char *hash = NULL;
  Reset reset;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_ACCOUNT_MANAGE, NULL, error))
    return FALSE;
  stored = find_existing (self, login, error);
  if (stored == NULL)
    return FALSE;
  if (!xf_password_check_strength (new_password, login, error))
    return FALSE;
  hash = xf_password_hash (new_password, error);
  if (hash == NULL)
    return FALSE;

  reset.actor = actor;
  reset.account = stored->account;
  reset.hash = hash;
  return _xf_accounts_in_transaction (_xf_accounts_get_db (self), write_reset, &reset, error);
}

/*
 * Demo accounts
 */

static const struct
{
  const char *login;
  XfRole      role;
} demo_accounts[] = {
  { "admin", XF_ROLE_ADMINISTRATOR },
  { "clerk", XF_ROLE_CLERK },
  { "reviewer", XF_ROLE_REVIEWER },
  { "dispatcher", XF_ROLE_DISPATCHER },
  { "auditor", XF_ROLE_AUDITOR },
};

static gboolean
write_demo (XfDb     *db,
            gpointer  data,
            GError  **error)
{
  const char *hash = data;
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();

  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      g_autoptr(XfAccount) account = NULL;

      account = xf_account_new (demo_accounts[i].login, xf_role_get_label (demo_accounts[i].role));
      xf_account_add_grant (account, demo_accounts[i].role, XF_SCOPE_ALL, NULL);
      if (!check_login_free (db, demo_accounts[i].login, error)
          || !_xf_accounts_insert (db, local, account, hash, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xf_accounts_create_demo (XfAccounts  *self,
                         GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One hash for all five: they share the demo password, and each hash
   * takes a tenth of a second. */
  hash = xf_password_hash (DEMO_PASSWORD, error);
  if (hash == NULL)
    return FALSE;
  return _xf_accounts_in_transaction (_xf_accounts_get_db (self), write_demo, hash, error);
}
