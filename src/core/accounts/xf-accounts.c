/* xf-accounts.c — reading accounts, the first administrator, sign-in and lockout
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-accounts"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-accounts-private.h"
#include "xf-audit.h"
#include "xf-error.h"
#include "xf-password.h"

/* Sign-in and lockout are in xf-accounts-sign-in.c, administration (list,
 * save, reset, demo) in xf-accounts-admin.c. */

#define LOGIN_MIN 3
#define LOGIN_MAX 32
#define DISPLAY_NAME_MAX 64

#define ACCOUNT_COLUMNS \
  "id, uid, login, display_name, password_hash, disabled, " \
  "must_change_password, failed_sign_ins, locked_until, version"

struct _XfAccounts
{
  GObject  parent_instance;
  XfStore *store;
};

G_DEFINE_FINAL_TYPE (XfAccounts, xf_accounts, G_TYPE_OBJECT)

static void
xf_accounts_dispose (GObject *object)
{
  XfAccounts *self = (XfAccounts *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (xf_accounts_parent_class)->dispose (object);
}

static void
xf_accounts_class_init (XfAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_accounts_dispose;
}

static void
xf_accounts_init (XfAccounts *self)
{
}

XfAccounts *
xf_accounts_new (XfStore *store)
{
  XfAccounts *self;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);

  self = g_object_new (XF_TYPE_ACCOUNTS, NULL);
  self->store = g_object_ref (store);
  return self;
}

XfDb *
_xf_accounts_get_db (XfAccounts *self)
{
  return xf_store_get_db (self->store);
}

/*
 * Reading rows
 */

void
_xf_stored_account_free (XfStoredAccount *stored)
{
  if (stored == NULL)
    return;
  g_clear_object (&stored->account);
  g_free (stored->hash);
  g_free (stored);
}

/* A row in ACCOUNT_COLUMNS order, without grants. */
static XfStoredAccount *
read_row (XfDbStmt *stmt)
{
  XfStoredAccount *stored = g_new0 (XfStoredAccount, 1);

  stored->account = xf_account_new (xf_db_stmt_column_text (stmt, 2),
                                    xf_db_stmt_column_text (stmt, 3));
  xf_account_set_disabled (stored->account, xf_db_stmt_column_int64 (stmt, 5) != 0);
  _xf_account_set_stored (stored->account,
                          xf_db_stmt_column_int64 (stmt, 0),
                          xf_db_stmt_column_text (stmt, 1),
                          xf_db_stmt_column_int64 (stmt, 9),
                          xf_db_stmt_column_int64 (stmt, 6) != 0);
  stored->hash = xf_db_stmt_dup_text (stmt, 4);
  stored->failed_sign_ins = xf_db_stmt_column_int64 (stmt, 7);
  stored->locked_until = xf_db_stmt_column_int64 (stmt, 8);
  return stored;
}

static void
add_grant_row (XfAccount  *account,
               const char *role_code,
               const char *scope_code,
               const char *value)
{
  XfRole role;
  XfScopeKind scope;

  /* The table's CHECKs keep out unknown codes; a newer version's would be skipped. */
  if (!xf_role_from_string (role_code, &role) || !xf_scope_kind_from_string (scope_code, &scope))
    return;
  if (scope != XF_SCOPE_ALL && (value == NULL || value[0] == '\0'))
    return;
  xf_account_add_grant (account, role, scope, value);
}

static gboolean
load_grants (XfDb       *db,
             XfAccount  *account,
             GError    **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (db, "SELECT role, scope, value FROM account_grants "
                            "WHERE account_id = $1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_account_get_id (account));
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    add_grant_row (account,
                   xf_db_stmt_column_text (stmt, 0),
                   xf_db_stmt_column_text (stmt, 1),
                   xf_db_stmt_column_text (stmt, 2));
  return step == XF_DB_STEP_DONE;
}

static XfStoredAccount *
find_one (XfAccounts  *self,
          const char  *sql,
          const char  *text,
          gint64       number,
          GError     **error)
{
  XfDb *db = _xf_accounts_get_db (self);
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(XfStoredAccount) stored = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    xf_db_stmt_bind_text (stmt, 1, text);
  else
    xf_db_stmt_bind_int64 (stmt, 1, number);
  step = xf_db_stmt_step (stmt, error);
  if (step != XF_DB_STEP_ROW)
    return NULL;
  stored = read_row (stmt);
  g_clear_pointer (&stmt, xf_db_stmt_free);
  if (!load_grants (db, stored->account, error))
    return NULL;
  return g_steal_pointer (&stored);
}

XfStoredAccount *
_xf_accounts_find_by_login (XfAccounts  *self,
                            const char  *login,
                            GError     **error)
{
  if (login == NULL)
    return NULL;
  return find_one (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE login = $1",
                   login, 0, error);
}

XfStoredAccount *
_xf_accounts_find_by_id (XfAccounts  *self,
                         gint64       id,
                         GError     **error)
{
  return find_one (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE id = $1",
                   NULL, id, error);
}

GPtrArray *
_xf_accounts_load_all (XfAccounts  *self,
                       GError     **error)
{
  XfDb *db = _xf_accounts_get_db (self);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (db, "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY login", error);
  if (stmt == NULL)
    return NULL;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autoptr(XfStoredAccount) stored = read_row (stmt);
      gint64 id = xf_account_get_id (stored->account);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), stored->account);
      g_ptr_array_add (accounts, g_steal_pointer (&stored->account));
    }
  if (step != XF_DB_STEP_DONE)
    return NULL;
  g_clear_pointer (&stmt, xf_db_stmt_free);

  /* All grants in one query rather than one per account. */
  stmt = xf_db_prepare (db, "SELECT account_id, role, scope, value FROM account_grants "
                            "ORDER BY account_id, id", error);
  if (stmt == NULL)
    return NULL;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);
      XfAccount *account = g_hash_table_lookup (by_id, &id);

      if (account != NULL)
        add_grant_row (account,
                       xf_db_stmt_column_text (stmt, 1),
                       xf_db_stmt_column_text (stmt, 2),
                       xf_db_stmt_column_text (stmt, 3));
    }
  if (step != XF_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&accounts);
}

/*
 * Checks and writes shared with xf-accounts-admin.c
 */

gboolean
_xf_accounts_check_login (const char  *login,
                          GError     **error)
{
  gsize length;

  if (login == NULL || login[0] == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Login is required"));
      return FALSE;
    }
  length = strlen (login);
  for (const char *p = login; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("._-", *p) == NULL)
      {
        g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                             _("Login may only contain lowercase letters a–z, digits, “.”, “_” and “-”"));
        return FALSE;
      }
  if (length < LOGIN_MIN || length > LOGIN_MAX)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Login “%s” must be %d to %d characters long"), login, LOGIN_MIN, LOGIN_MAX);
      return FALSE;
    }
  /* The audit trail names the local administrator "local". */
  if (g_str_equal (login, "local"))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Login “local” is reserved for the local administrator"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_xf_accounts_check_display_name (const char  *display_name,
                                 GError     **error)
{
  g_autofree char *stripped = NULL;

  if (display_name == NULL || !g_utf8_validate (display_name, -1, NULL))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Display name is required"));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (display_name));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Display name is required"));
      return FALSE;
    }
  if (g_utf8_strlen (display_name, -1) > DISPLAY_NAME_MAX)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Display name is too long: at most %d characters are allowed"),
                   DISPLAY_NAME_MAX);
      return FALSE;
    }
  return TRUE;
}

gboolean
_xf_accounts_audit (XfDb        *db,
                    XfAccount   *actor,
                    const char  *action,
                    XfAccount   *account,
                    const char  *field,
                    const char  *old_value,
                    const char  *new_value,
                    GError     **error)
{
  return xf_audit_append_change (db, actor, action, "account",
                                 xf_account_get_uid (account),
                                 xf_account_get_login (account),
                                 field, old_value, new_value, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
_xf_accounts_grants_to_string (XfAccount *account)
{
  GPtrArray *grants = xf_account_get_grants (account);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < grants->len; i++)
    {
      const XfGrant *grant = g_ptr_array_index (grants, i);

      if (grant->scope == XF_SCOPE_ALL)
        g_ptr_array_add (parts, g_strdup_printf ("%s:all", xf_role_to_string (grant->role)));
      else
        g_ptr_array_add (parts, g_strdup_printf ("%s:%s:%s", xf_role_to_string (grant->role),
                                                 xf_scope_kind_to_string (grant->scope),
                                                 grant->value));
    }
  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

gboolean
_xf_accounts_write_grants (XfDb       *db,
                           XfAccount  *account,
                           GError    **error)
{
  GPtrArray *grants = xf_account_get_grants (account);
  g_autoptr(XfDbStmt) remove = NULL;
  g_autoptr(XfDbStmt) insert = NULL;

  remove = xf_db_prepare (db, "DELETE FROM account_grants WHERE account_id = $1", error);
  if (remove == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (remove, 1, xf_account_get_id (account));
  if (!xf_db_stmt_run (remove, error))
    return FALSE;

  insert = xf_db_prepare (db, "INSERT INTO account_grants (account_id, role, scope, value) "
                              "VALUES ($1, $2, $3, $4)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < grants->len; i++)
    {
      const XfGrant *grant = g_ptr_array_index (grants, i);

      xf_db_stmt_bind_int64 (insert, 1, xf_account_get_id (account));
      xf_db_stmt_bind_text (insert, 2, xf_role_to_string (grant->role));
      xf_db_stmt_bind_text (insert, 3, xf_scope_kind_to_string (grant->scope));
      /* NOT NULL with '' for "all", so that UNIQUE sees duplicates. */
      xf_db_stmt_bind_text (insert, 4, grant->value != NULL ? grant->value : "");
      if (!xf_db_stmt_run (insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_xf_accounts_insert (XfDb        *db,
                     XfAccount   *actor,
                     XfAccount   *account,
                     const char  *hash,
                     gboolean     must_change_password,
                     GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *grants = NULL;
  gint64 now = xf_db_now ();

  g_return_val_if_fail (xf_db_in_transaction (db), FALSE);
  g_return_val_if_fail (xf_account_get_id (account) == 0, FALSE);

  stmt = xf_db_prepare (db,
                        "INSERT INTO accounts (uid, login, display_name, password_hash, "
                        "disabled, must_change_password, failed_sign_ins, locked_until, "
                        "created_at, updated_at, version) "
                        "VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $8, 1)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_text (stmt, 2, xf_account_get_login (account));
  xf_db_stmt_bind_text (stmt, 3, xf_account_get_display_name (account));
  xf_db_stmt_bind_text (stmt, 4, hash);
  xf_db_stmt_bind_int64 (stmt, 5, xf_account_get_disabled (account) ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 6, must_change_password ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 7, now);
  xf_db_stmt_bind_int64 (stmt, 8, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  _xf_account_set_stored (account, xf_db_last_insert_id (db), uid, 1, must_change_password);

  if (!_xf_accounts_write_grants (db, account, error))
    return FALSE;

  /* One entry per field, as for any record; never the password. */
  grants = _xf_accounts_grants_to_string (account);
  return _xf_accounts_audit (db, actor, XF_AUDIT_CREATE, account, "display-name",
                             NULL, xf_account_get_display_name (account), error)
         && _xf_accounts_audit (db, actor, XF_AUDIT_CREATE, account, "grants",
                                NULL, grants, error)
         && (!xf_account_get_disabled (account)
             || _xf_accounts_audit (db, actor, XF_AUDIT_CREATE, account, "disabled",
                                    NULL, "true", error));
}

/*
 * Counting and the first administrator
 */

gint64
xf_accounts_count (XfAccounts  *self,
                   GError     **error)
{
  g_return_val_if_fail (XF_IS_ACCOUNTS (self), -1);

  return xf_db_query_int64 (_xf_accounts_get_db (self), "SELECT COUNT(*) FROM accounts", -1, error);
}

/**
 * xf_accounts_create_first_administrator:
 *
 * Returns: (transfer full): the new administrator, signed in (the sign-in is audited)
 */
XfAccount *
xf_accounts_create_first_administrator (XfAccounts  *self,
                                        const char  *login,
                                        const char  *display_name,
                                        const char  *password,
                                        GError     **error)
{
  XfDb *db;
  g_autoptr(XfAccount) local = NULL;
  g_autoptr(XfAccount) account = NULL;
  g_autofree char *hash = NULL;
  gint64 count;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_xf_accounts_check_login (login, error)
      || !_xf_accounts_check_display_name (display_name, error)
      || !xf_password_check_strength (password, login, error))
    return NULL;

  /* Hash before the transaction: it takes a tenth of a second. */
  hash = xf_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  db = _xf_accounts_get_db (self);
  local = xf_account_new_local_administrator ();
  account = xf_account_new (login, display_name);
  xf_account_add_grant (account, XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);

  if (!xf_db_begin (db, error))
    return NULL;
  count = xf_db_query_int64 (db, "SELECT COUNT(*) FROM accounts", -1, error);
  if (count != 0)
    {
      if (count > 0)
        g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW,
                             _("The database already has accounts; sign in with one of them"));
      xf_db_rollback (db);
      return NULL;
    }
  if (!_xf_accounts_insert (db, local, account, hash, FALSE, error)
      || !_xf_accounts_audit (db, account, XF_AUDIT_SIGN_IN, account, NULL, NULL, NULL, error)
      || !xf_db_commit (db, error))
    {
      xf_db_rollback (db);
      return NULL;
    }
  return g_steal_pointer (&account);
}

/* Runs @write inside its own transaction; an error leaves nothing written. */
gboolean
_xf_accounts_in_transaction (XfDb                 *db,
                             XfAccountsWriteFunc   write,
                             gpointer              data,
                             GError              **error)
{
  if (!xf_db_begin (db, error))
    return FALSE;
  if (!write (db, data, error) || !xf_db_commit (db, error))
    {
      xf_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
