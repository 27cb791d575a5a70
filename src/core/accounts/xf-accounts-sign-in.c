/* xf-accounts-sign-in.c — sign-in, lockout, sign-out and changing one's password
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

#define LOCK_FIRST_SECONDS 30
#define LOCK_MAX_SECONDS   (15 * 60)
/* How much of an unknown login the audit trail keeps. */
#define UNKNOWN_LOGIN_MAX 64

/*
 * Sign-in and lockout
 */

/* 30 s after the fifth failure in a row, doubling with each further one, at most 15 min. */
static gint64
lock_duration (gint64 failures)
{
  gint64 seconds = LOCK_FIRST_SECONDS;

  for (gint64 i = XF_ACCOUNTS_MAX_FAILURES; i < failures && seconds < LOCK_MAX_SECONDS; i++)
    seconds *= 2;
  return MIN (seconds, LOCK_MAX_SECONDS) * G_USEC_PER_SEC;
}

static void
set_locked_error (GError **error,
                  gint64   locked_until,
                  gint64   now)
{
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_local ((locked_until + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  g_autofree char *clock = g_date_time_format (until, "%H:%M:%S");
  gint64 seconds = MAX ((locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1);
  g_autofree char *wait = NULL;

  if (seconds < 60)
    wait = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds),
                            (int) seconds);
  else
    wait = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", (seconds + 59) / 60),
                            (int) ((seconds + 59) / 60));
  /* Translators: "… locked until 14:05:30; try again in 25 seconds" */
  g_set_error (error, XF_ERROR, XF_ERROR_LOCKED_OUT,
               _("Too many failed sign-ins: the account is locked until %s; try again in %s"),
               clock, wait);
}

static char *
format_instant (gint64 instant)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (instant / G_USEC_PER_SEC);

  return g_date_time_format_iso8601 (time);
}

typedef struct
{
  XfStoredAccount *stored;
  const char      *reason;        /* new_value of the sign-in-failed entry */
  gint64           now;
  gint64           locked_until;  /* out: when this failure locked the account */
} Failure;

/* Counts a wrong password and locks the account from the fifth on. */
static gboolean
write_failure (XfDb     *db,
               gpointer  data,
               GError  **error)
{
  Failure *failure = data;
  XfAccount *account = failure->stored->account;
  g_autoptr(XfDbStmt) count = NULL;
  g_autoptr(XfDbStmt) lock = NULL;
  g_autofree char *until_text = NULL;
  gint64 failures;

  /* Counted in SQL so that two desks failing at once both count. */
  count = xf_db_prepare (db, "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 "
                             "WHERE id = $1", error);
  if (count == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (count, 1, xf_account_get_id (account));
  if (!xf_db_stmt_run (count, error)
      || !_xf_accounts_audit (db, account, XF_AUDIT_SIGN_IN_FAILED, account,
                              NULL, NULL, failure->reason, error))
    return FALSE;

  lock = xf_db_prepare (db, "SELECT failed_sign_ins FROM accounts WHERE id = $1", error);
  if (lock == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (lock, 1, xf_account_get_id (account));
  if (xf_db_stmt_step (lock, error) != XF_DB_STEP_ROW)
    return FALSE;
  failures = xf_db_stmt_column_int64 (lock, 0);
  g_clear_pointer (&lock, xf_db_stmt_free);
  if (failures < XF_ACCOUNTS_MAX_FAILURES)
    return TRUE;

  failure->locked_until = failure->now + lock_duration (failures);
  lock = xf_db_prepare (db, "UPDATE accounts SET locked_until = $1 WHERE id = $2", error);
  if (lock == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (lock, 1, failure->locked_until);
  xf_db_stmt_bind_int64 (lock, 2, xf_account_get_id (account));
  until_text = format_instant (failure->locked_until);
  return xf_db_stmt_run (lock, error)
         && _xf_accounts_audit (db, account, XF_AUDIT_LOCKED_OUT, account,
                                "locked-until", NULL, until_text, error);
}

/* A refused attempt that does not count (locked, disabled, unknown login). */
static gboolean
write_refusal (XfDb     *db,
               gpointer  data,
               GError  **error)
{
  Failure *failure = data;
  XfAccount *account = failure->stored->account;

  if (xf_account_get_id (account) == 0)
    return xf_audit_append_change (db, account, XF_AUDIT_SIGN_IN_FAILED, "account", NULL,
                                   xf_account_get_login (account), NULL, NULL,
                                   failure->reason, error);
  return _xf_accounts_audit (db, account, XF_AUDIT_SIGN_IN_FAILED, account,
                             NULL, NULL, failure->reason, error);
}

typedef struct
{
  XfAccount  *account;
  const char *note;   /* new_value of the sign-in entry: NULL, or "unlock" */
} Success;

static gboolean
write_success (XfDb     *db,
               gpointer  data,
               GError  **error)
{
  Success *success = data;
  g_autoptr(XfDbStmt) stmt = NULL;

  stmt = xf_db_prepare (db, "UPDATE accounts SET failed_sign_ins = 0, locked_until = 0 "
                            "WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_account_get_id (success->account));
  return xf_db_stmt_run (stmt, error)
         && _xf_accounts_audit (db, success->account, XF_AUDIT_SIGN_IN, success->account,
                                NULL, NULL, success->note, error);
}

/* Verifying against this when the login is unknown takes as long as a
 * real check, so the time taken does not tell which logins exist. */
static const char *
dummy_hash (void)
{
  static char *hash = NULL;

  if (g_once_init_enter (&hash))
    {
      char *made = xf_password_hash ("no such account, no such password", NULL);

      g_once_init_leave (&hash, made != NULL ? made : g_strdup (""));
    }
  return hash;
}

/* Checks @password for @stored (NULL: an unknown @login) and records the
 * outcome. On success writes nothing when @success_note is NULL and
 * @record_success is FALSE (the caller's own write resets the count). */
static gboolean
authenticate (XfAccounts      *self,
              XfStoredAccount *stored,
              const char      *login,
              const char      *password,
              const char      *wrong_message,
              gboolean         record_success,
              const char      *success_note,
              GError         **error)
{
  XfDb *db = _xf_accounts_get_db (self);
  Failure failure = { stored, NULL, xf_db_now (), 0 };
  g_autoptr(XfStoredAccount) unknown = NULL;

  if (stored == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (login != NULL ? login : "", -1);
      g_autofree char *label = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), UNKNOWN_LOGIN_MAX));

      xf_password_verify (dummy_hash (), password);
      unknown = g_new0 (XfStoredAccount, 1);
      unknown->account = xf_account_new (label, label);
      failure.stored = unknown;
      failure.reason = "unknown-login";
      if (!_xf_accounts_in_transaction (db, write_refusal, &failure, error))
        return FALSE;
      g_set_error_literal (error, XF_ERROR, XF_ERROR_AUTH, wrong_message);
      return FALSE;
    }

  /* While locked the password is not even checked, nor the failure counted. */
  if (stored->locked_until > failure.now)
    {
      failure.reason = "locked";
      if (!_xf_accounts_in_transaction (db, write_refusal, &failure, error))
        return FALSE;
      set_locked_error (error, stored->locked_until, failure.now);
      return FALSE;
    }

  if (!xf_password_verify (stored->hash, password))
    {
      failure.reason = "wrong-password";
      if (!_xf_accounts_in_transaction (db, write_failure, &failure, error))
        return FALSE;
      if (failure.locked_until != 0)
        set_locked_error (error, failure.locked_until, failure.now);
      else
        g_set_error_literal (error, XF_ERROR, XF_ERROR_AUTH, wrong_message);
      return FALSE;
    }

  if (xf_account_get_disabled (stored->account))
    {
      failure.reason = "disabled";
      if (!_xf_accounts_in_transaction (db, write_refusal, &failure, error))
        return FALSE;
      g_set_error_literal (error, XF_ERROR, XF_ERROR_AUTH,
                           _("This account is disabled; ask an administrator"));
      return FALSE;
    }

  if (record_success)
    {
      Success success = { stored->account, success_note };

      if (!_xf_accounts_in_transaction (db, write_success, &success, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * xf_accounts_sign_in:
 *
 * Returns: (transfer full): the signed-in account with its grants
 */
XfAccount *
xf_accounts_sign_in (XfAccounts  *self,
                     const char  *login,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(XfStoredAccount) stored = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = _xf_accounts_find_by_login (self, login, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!authenticate (self, stored, login, password != NULL ? password : "",
                     _("Wrong login or password"), TRUE, NULL, error))
    return NULL;
  return g_steal_pointer (&stored->account);
}

void
xf_accounts_sign_out (XfAccounts *self,
                      XfAccount  *account)
{
  XfDb *db;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_ACCOUNTS (self));
  g_return_if_fail (XF_IS_ACCOUNT (account));

  db = _xf_accounts_get_db (self);
  if (!xf_db_begin (db, &error)
      || !_xf_accounts_audit (db, account, XF_AUDIT_SIGN_OUT, account, NULL, NULL, NULL, &error)
      || !xf_db_commit (db, &error))
    {
      xf_db_rollback (db);
      /* Signing out goes ahead: the person is gone either way. */
      g_message ("The sign-out of %s could not be recorded: %s",
                 xf_account_get_login (account), error->message);
    }
}

gint64
xf_accounts_get_locked_until (XfAccounts *self,
                              const char *login)
{
  g_autoptr(XfStoredAccount) stored = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), 0);

  stored = _xf_accounts_find_by_login (self, login, NULL);
  if (stored == NULL || stored->locked_until <= xf_db_now ())
    return 0;
  return stored->locked_until;
}

/* @account as stored now; NOT_FOUND when it was deleted meanwhile. */
static XfStoredAccount *
find_again (XfAccounts  *self,
            XfAccount   *account,
            GError     **error)
{
  GError *local_error = NULL;
  XfStoredAccount *stored;

  stored = _xf_accounts_find_by_login (self, xf_account_get_login (account), &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (stored == NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                 _("The account “%s” no longer exists"), xf_account_get_login (account));
  return stored;
}

gboolean
xf_accounts_confirm_password (XfAccounts  *self,
                              XfAccount   *account,
                              const char  *password,
                              GError     **error)
{
  g_autoptr(XfStoredAccount) stored = NULL;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored = find_again (self, account, error);
  if (stored == NULL)
    return FALSE;
  return authenticate (self, stored, NULL, password != NULL ? password : "",
                       _("Wrong password"), TRUE, "unlock", error);
}

typedef struct
{
  XfAccount  *account;
  const char *hash;
} PasswordChange;

static gboolean
write_password_change (XfDb     *db,
                       gpointer  data,
                       GError  **error)
{
  PasswordChange *change = data;
  g_autoptr(XfDbStmt) stmt = NULL;

  stmt = xf_db_prepare (db, "UPDATE accounts SET password_hash = $1, must_change_password = 0, "
                            "failed_sign_ins = 0, locked_until = 0, updated_at = $2 "
                            "WHERE id = $3", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, change->hash);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 3, xf_account_get_id (change->account));
  return xf_db_stmt_run (stmt, error)
         && _xf_accounts_audit (db, change->account, XF_AUDIT_PASSWORD_CHANGE, change->account,
                                "password", NULL, NULL, error);
}

gboolean
xf_accounts_change_password (XfAccounts  *self,
                             XfAccount   *account,
                             const char  *old_password,
                             const char  *new_password,
                             GError     **error)
{
  g_autoptr(XfStoredAccount) stored = NULL;
  g_autofree char *hash = NULL;
  PasswordChange change;

  g_return_val_if_fail (XF_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The cheap checks first: each hash takes a tenth of a second. */
  if (!xf_password_check_strength (new_password, xf_account_get_login (account), error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Password must differ from the current one"));
      return FALSE;
    }
  stored = find_again (self, account, error);
  if (stored == NULL)
    return FALSE;
  if (!authenticate (self, stored, NULL, old_password != NULL ? old_password : "",
                     _("The current password is wrong"), FALSE, NULL, error))
    return FALSE;

  hash = xf_password_hash (new_password, error);
  if (hash == NULL)
    return FALSE;
  change.account = stored->account;
  change.hash = hash;
  if (!_xf_accounts_in_transaction (_xf_accounts_get_db (self), write_password_change, &change, error))
    return FALSE;
  _xf_account_set_stored (account, xf_account_get_id (stored->account),
                          xf_account_get_uid (stored->account),
                          xf_account_get_version (stored->account), FALSE);
  return TRUE;
}
