/* test-accounts.c — accounts in the database: sign-in, lockout, management
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-accounts.h"
#include "xf-audit.h"
#include "xf-error.h"
#include "xf-test-store.h"

/* Each Argon2id hash or check takes about a tenth of a second, so the tests
 * make few: demo accounts share one hash. */

#define PASSWORD "correct horse"
#define OTHER_PASSWORD "battery staple"

typedef struct
{
  XfStore    *store;
  XfAccounts *accounts;
  XfAccount  *local;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = xf_test_open_store ();
  fixture->accounts = xf_accounts_new (fixture->store);
  fixture->local = xf_account_new_local_administrator ();
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->local);
  g_assert_finalize_object (fixture->accounts);
  g_assert_finalize_object (fixture->store);
}

static gint64
count_audit (Fixture    *fixture,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = '%s'", action);

  return xf_test_query_int64 (fixture->store, sql);
}

static gint64
query (Fixture    *fixture,
       const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

static void
exec (Fixture    *fixture,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

static XfAccount *
create_admin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XfAccount *admin;

  admin = xf_accounts_create_first_administrator (fixture->accounts, "wangfang", "Wang Fang",
                                                  PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  return admin;
}

static void
create_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_accounts_create_demo (fixture->accounts, &error));
  g_assert_no_error (error);
}

static XfAccount *
get_account (Fixture    *fixture,
             const char *login)
{
  g_autoptr(GError) error = NULL;
  XfAccount *account = xf_accounts_get (fixture->accounts, fixture->local, login, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}

static void
test_first_administrator (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(XfAccount) second = NULL;

  g_assert_cmpint (xf_accounts_count (fixture->accounts, &error), ==, 0);
  g_assert_no_error (error);

  /* Checked before anything is written. */
  g_assert_null (xf_accounts_create_first_administrator (fixture->accounts, "Wang Fang", "Wang Fang",
                                                         PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Login"));
  g_clear_error (&error);
  g_assert_null (xf_accounts_create_first_administrator (fixture->accounts, "wangfang", "Wang Fang",
                                                         "wangfang", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Password"));
  g_clear_error (&error);
  g_assert_cmpint (xf_accounts_count (fixture->accounts, NULL), ==, 0);

  admin = create_admin (fixture);
  g_assert_cmpint (xf_account_get_id (admin), >, 0);
  g_assert_nonnull (xf_account_get_uid (admin));
  g_assert_cmpstr (xf_account_get_display_name (admin), ==, "Wang Fang");
  g_assert_true (xf_account_has_role (admin, XF_ROLE_ADMINISTRATOR));
  g_assert_false (xf_account_get_must_change_password (admin));
  g_assert_false (xf_account_is_local_administrator (admin));
  g_assert_cmpint (xf_accounts_count (fixture->accounts, NULL), ==, 1);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM account_grants "
                                   "WHERE role = 'administrator' AND scope = 'all'"), ==, 1);

  /* Only once. */
  second = xf_accounts_create_first_administrator (fixture->accounts, "another", "Another",
                                                   PASSWORD, &error);
  g_assert_null (second);
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpint (xf_accounts_count (fixture->accounts, NULL), ==, 1);

  /* Created by the local administrator, field by field; the first sign-in too. */
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_CREATE), ==, 2);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log "
                                   "WHERE action = 'create' AND actor_login = 'local'"), ==, 2);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_SIGN_IN), ==, 1);
  /* No password or hash ever reaches the trail. */
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '%argon%' "
                                   "OR new_value LIKE '%horse%'"), ==, 0);
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) admin = create_admin (fixture);
  g_autoptr(XfAccount) signed_in = NULL;
  g_autofree char *wrong_password = NULL;

  g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", "wrong password", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  wrong_password = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins FROM accounts WHERE login = 'wangfang'"), ==, 1);

  /* One message for both: no telling which logins exist. */
  g_assert_null (xf_accounts_sign_in (fixture->accounts, "nobody", PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  g_assert_cmpstr (error->message, ==, wrong_password);
  g_clear_error (&error);

  signed_in = xf_accounts_sign_in (fixture->accounts, "wangfang", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_account_get_id (signed_in), ==, xf_account_get_id (admin));
  g_assert_cmpstr (xf_account_get_uid (signed_in), ==, xf_account_get_uid (admin));
  g_assert_true (xf_account_has_role (signed_in, XF_ROLE_ADMINISTRATOR));
  /* A success resets the count. */
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins FROM accounts WHERE login = 'wangfang'"), ==, 0);

  xf_accounts_sign_out (fixture->accounts, signed_in);

  g_assert_cmpint (count_audit (fixture, XF_AUDIT_SIGN_IN), ==, 2);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_SIGN_IN_FAILED), ==, 2);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in-failed' "
                                   "AND actor_login = 'nobody' AND record_uid IS NULL"), ==, 1);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_SIGN_OUT), ==, 1);
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) admin = create_admin (fixture);
  g_autoptr(XfAccount) signed_in = NULL;
  gint64 before = g_get_real_time ();
  gint64 locked_until;

  g_assert_cmpint (xf_accounts_get_locked_until (fixture->accounts, "wangfang"), ==, 0);
  for (int i = 1; i < XF_ACCOUNTS_MAX_FAILURES; i++)
    {
      g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", "wrong password", &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
      g_clear_error (&error);
    }
  g_assert_cmpint (xf_accounts_get_locked_until (fixture->accounts, "wangfang"), ==, 0);

  /* The fifth locks for 30 s, and says until when. */
  g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", "wrong password", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_LOCKED_OUT);
  g_assert_nonnull (strstr (error->message, "locked until"));
  g_clear_error (&error);
  locked_until = xf_accounts_get_locked_until (fixture->accounts, "wangfang");
  g_assert_cmpint (locked_until, >=, before + 30 * G_USEC_PER_SEC);
  g_assert_cmpint (locked_until, <=, g_get_real_time () + 30 * G_USEC_PER_SEC);
  g_assert_cmpint (query (fixture, "SELECT locked_until FROM accounts WHERE login = 'wangfang'"), ==, locked_until);

  /* Even the right password is refused while locked. */
  g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_LOCKED_OUT);
  g_clear_error (&error);
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins FROM accounts WHERE login = 'wangfang'"), ==, 5);

  /* After the wait (moved into the past rather than slept), one more
   * failure locks again, for twice as long. */
  exec (fixture, "UPDATE accounts SET locked_until = 1 WHERE login = 'wangfang'");
  g_assert_cmpint (xf_accounts_get_locked_until (fixture->accounts, "wangfang"), ==, 0);
  before = g_get_real_time ();
  g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", "wrong password", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_LOCKED_OUT);
  g_clear_error (&error);
  locked_until = xf_accounts_get_locked_until (fixture->accounts, "wangfang");
  g_assert_cmpint (locked_until, >=, before + 60 * G_USEC_PER_SEC);
  g_assert_cmpint (locked_until, <=, g_get_real_time () + 60 * G_USEC_PER_SEC);

  exec (fixture, "UPDATE accounts SET locked_until = 1 WHERE login = 'wangfang'");
  signed_in = xf_accounts_sign_in (fixture->accounts, "wangfang", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins + locked_until FROM accounts "
                                   "WHERE login = 'wangfang'"), ==, 0);

  /* Failed entries were committed although each sign-in failed. */
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_SIGN_IN_FAILED), ==, 7);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_LOCKED_OUT), ==, 2);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in-failed' "
                                   "AND new_value = 'locked'"), ==, 1);
}

static void
test_change_password (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) admin = create_admin (fixture);
  g_autoptr(XfAccount) signed_in = NULL;

  g_assert_false (xf_accounts_change_password (fixture->accounts, admin, "not the password",
                                               OTHER_PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  g_clear_error (&error);

  g_assert_false (xf_accounts_change_password (fixture->accounts, admin, PASSWORD, "short", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Password"));
  g_clear_error (&error);
  g_assert_false (xf_accounts_change_password (fixture->accounts, admin, PASSWORD, "aaaaaaaaaa", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Password"));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_PASSWORD_CHANGE), ==, 0);

  g_assert_true (xf_accounts_change_password (fixture->accounts, admin, PASSWORD, OTHER_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_PASSWORD_CHANGE), ==, 1);
  /* The wrong old password counted, the change cleared it. */
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins FROM accounts WHERE login = 'wangfang'"), ==, 0);

  g_assert_null (xf_accounts_sign_in (fixture->accounts, "wangfang", PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  g_clear_error (&error);
  signed_in = xf_accounts_sign_in (fixture->accounts, "wangfang", OTHER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);

  /* Unlocking an idle-locked window checks the same password. */
  g_assert_true (xf_accounts_confirm_password (fixture->accounts, signed_in, OTHER_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_false (xf_accounts_confirm_password (fixture->accounts, signed_in, PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  g_assert_cmpint (query (fixture, "SELECT failed_sign_ins FROM accounts WHERE login = 'wangfang'"), ==, 1);
}

static void
test_reset_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(XfAccount) clerk = NULL;

  create_demo (fixture);
  admin = get_account (fixture, "admin");
  exec (fixture, "UPDATE accounts SET failed_sign_ins = 7, locked_until = 99999999999999999 "
                 "WHERE login = 'clerk'");
  g_assert_cmpint (xf_accounts_get_locked_until (fixture->accounts, "clerk"), >, 0);

  g_assert_false (xf_accounts_reset_password (fixture->accounts, admin, "clerk", "clerk", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_accounts_reset_password (fixture->accounts, admin, "nobody", PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (xf_accounts_reset_password (fixture->accounts, admin, "clerk", PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_accounts_get_locked_until (fixture->accounts, "clerk"), ==, 0);
  g_assert_cmpint (query (fixture, "SELECT must_change_password * 100 + failed_sign_ins FROM accounts "
                                   "WHERE login = 'clerk'"), ==, 100);

  clerk = xf_accounts_sign_in (fixture->accounts, "clerk", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (xf_account_get_must_change_password (clerk));
  g_assert_true (xf_account_has_role (clerk, XF_ROLE_CLERK));

  g_assert_cmpint (count_audit (fixture, XF_AUDIT_PASSWORD_RESET), ==, 1);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'password-reset' "
                                   "AND actor_login = 'admin' AND record_label = 'clerk' "
                                   "AND new_value IS NULL"), ==, 1);
}

static void
test_permission_denied (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) clerk = NULL;
  g_autoptr(XfAccount) auditor = NULL;
  g_autoptr(XfAccount) fresh = xf_account_new ("liming", "Li Ming");
  g_autoptr(GPtrArray) all = NULL;
  gint64 audit_rows;

  create_demo (fixture);
  clerk = get_account (fixture, "clerk");
  auditor = get_account (fixture, "auditor");
  audit_rows = query (fixture, "SELECT COUNT(*) FROM audit_log");

  g_assert_null (xf_accounts_list (fixture->accounts, clerk, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (xf_accounts_get (fixture->accounts, auditor, "admin", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_accounts_save (fixture->accounts, clerk, fresh, PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  xf_account_set_display_name (clerk, "Promoted");
  g_assert_false (xf_accounts_save (fixture->accounts, clerk, clerk, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_accounts_reset_password (fixture->accounts, clerk, "admin", PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Nothing was written, not even to the trail. */
  g_assert_cmpint (xf_accounts_count (fixture->accounts, NULL), ==, 5);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audit_rows);

  /* The demo accounts, by login. */
  all = xf_accounts_list (fixture->accounts, fixture->local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (xf_account_get_login (g_ptr_array_index (all, 0)), ==, "admin");
  g_assert_cmpstr (xf_account_get_login (g_ptr_array_index (all, 1)), ==, "auditor");
  g_assert_cmpstr (xf_account_get_login (g_ptr_array_index (all, 2)), ==, "clerk");
  g_assert_true (xf_account_has_role (g_ptr_array_index (all, 3), XF_ROLE_DISPATCHER));
  g_assert_cmpuint (xf_account_get_grants (g_ptr_array_index (all, 4))->len, ==, 1);

  /* Demo accounts only once. */
  g_assert_false (xf_accounts_create_demo (fixture->accounts, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_cmpint (xf_accounts_count (fixture->accounts, NULL), ==, 5);
}

static void
test_last_administrator (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(XfAccount) clerk = NULL;
  g_autoptr(XfAccount) stale = NULL;
  g_autoptr(XfAccount) demoted = NULL;

  create_demo (fixture);
  actor = get_account (fixture, "admin");
  admin = get_account (fixture, "admin");

  /* Not oneself. */
  xf_account_set_disabled (admin, TRUE);
  g_assert_false (xf_accounts_save (fixture->accounts, actor, admin, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  xf_account_set_disabled (admin, FALSE);
  xf_account_clear_grants (admin);
  xf_account_add_grant (admin, XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);
  g_assert_false (xf_accounts_save (fixture->accounts, actor, admin, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* Nor the last one, by someone else. */
  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, admin, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "last administrator"));
  g_clear_error (&error);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM account_grants WHERE role = 'administrator'"), ==, 1);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_UPDATE), ==, 0);

  /* With a second administrator the first may go. */
  clerk = get_account (fixture, "clerk");
  stale = xf_account_copy (clerk);
  xf_account_add_grant (clerk, XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
  g_assert_true (xf_accounts_save (fixture->accounts, actor, clerk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_account_get_version (clerk), ==, 2);
  g_assert_true (xf_accounts_save (fixture->accounts, fixture->local, admin, NULL, &error));
  g_assert_no_error (error);
  demoted = get_account (fixture, "admin");
  g_assert_false (xf_account_has_role (demoted, XF_ROLE_ADMINISTRATOR));
  g_assert_true (xf_account_has_role (demoted, XF_ROLE_AUDITOR));

  /* Now the clerk is the last one. */
  xf_account_set_disabled (clerk, TRUE);
  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, clerk, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  /* A copy read before the change is stale. */
  xf_account_set_display_name (stale, "Clerk Zhang");
  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, stale, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_UPDATE), ==, 2);
}

static char *
grants_of (XfAccount *account)
{
  GPtrArray *grants = xf_account_get_grants (account);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < grants->len; i++)
    {
      const XfGrant *grant = g_ptr_array_index (grants, i);

      g_ptr_array_add (parts, g_strdup_printf ("%s/%s/%s", xf_role_to_string (grant->role),
                                               xf_scope_kind_to_string (grant->scope),
                                               grant->value != NULL ? grant->value : ""));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

static void
test_grants_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) liming = xf_account_new ("liming", "Li Ming");
  g_autoptr(XfAccount) twin = xf_account_new ("liming", "Li Ming again");
  g_autoptr(XfAccount) bad = xf_account_new ("Li Ming", NULL);
  g_autoptr(XfAccount) read = NULL;
  g_autoptr(XfAccount) reread = NULL;
  g_autofree char *written = NULL;
  g_autofree char *grants = NULL;

  xf_account_add_grant (liming, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  xf_account_add_grant (liming, XF_ROLE_CLERK, XF_SCOPE_ORGANISATION, "deqing-union");
  xf_account_add_grant (liming, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);

  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, bad, PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Login"));
  g_clear_error (&error);
  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, liming, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (xf_accounts_save (fixture->accounts, fixture->local, liming, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_account_get_id (liming), >, 0);
  g_assert_cmpint (xf_account_get_version (liming), ==, 1);
  /* The administrator chose the password: Li Ming must change it. */
  g_assert_true (xf_account_get_must_change_password (liming));

  g_assert_false (xf_accounts_save (fixture->accounts, fixture->local, twin, PASSWORD, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (xf_account_get_id (twin), ==, 0);

  read = get_account (fixture, "liming");
  written = grants_of (liming);
  grants = grants_of (read);
  g_assert_cmpstr (grants, ==, written);
  g_assert_cmpstr (grants, ==, "clerk/region/330521 clerk/organisation/deqing-union reviewer/all/");
  g_assert_cmpstr (xf_account_get_uid (read), ==, xf_account_get_uid (liming));

  /* Fewer grants, another name. */
  xf_account_clear_grants (read);
  xf_account_add_grant (read, XF_ROLE_CLERK, XF_SCOPE_REGION, "330523");
  xf_account_set_display_name (read, "Li Ming (Anji)");
  g_assert_true (xf_accounts_save (fixture->accounts, fixture->local, read, NULL, &error));
  g_assert_no_error (error);
  reread = get_account (fixture, "liming");
  g_clear_pointer (&grants, g_free);
  grants = grants_of (reread);
  g_assert_cmpstr (grants, ==, "clerk/region/330523");
  g_assert_cmpstr (xf_account_get_display_name (reread), ==, "Li Ming (Anji)");
  g_assert_cmpint (xf_account_get_version (reread), ==, 2);

  /* Audited field by field. */
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'create' "
                                   "AND record_label = 'liming'"), ==, 2);
  g_assert_cmpint (count_audit (fixture, XF_AUDIT_UPDATE), ==, 2);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'update' "
                                   "AND field = 'grants' AND new_value = 'clerk:region:330523' "
                                   "AND old_value = 'clerk:organisation:deqing-union, "
                                   "clerk:region:330521, reviewer:all'"), ==, 1);
}

static void
test_disabled_cannot_sign_in (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) dispatcher = NULL;

  create_demo (fixture);
  dispatcher = get_account (fixture, "dispatcher");
  xf_account_set_disabled (dispatcher, TRUE);
  g_assert_true (xf_accounts_save (fixture->accounts, fixture->local, dispatcher, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (xf_accounts_sign_in (fixture->accounts, "dispatcher", "xianfeng", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_AUTH);
  g_assert_cmpint (query (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in-failed' "
                                   "AND new_value = 'disabled'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/accounts/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("first-administrator", test_first_administrator);
  ADD ("sign-in", test_sign_in);
  ADD ("lockout", test_lockout);
  ADD ("change-password", test_change_password);
  ADD ("reset-password", test_reset_password);
  ADD ("permission-denied", test_permission_denied);
  ADD ("last-administrator", test_last_administrator);
  ADD ("grants-round-trip", test_grants_round_trip);
  ADD ("disabled-cannot-sign-in", test_disabled_cannot_sign_in);

#undef ADD

  return g_test_run ();
}
