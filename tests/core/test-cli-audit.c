/* test-cli-audit.c — `audit verify | list | export`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-accounts.h"
#include "xf-audit.h"
#include "xf-cli-test-util.h"
#include "xf-store.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;

/*
 * Every run signs in as an administrator, on SQLite as on PostgreSQL
 * (where nobody acts without an account), so each run also appends its
 * sign-in and sign-out to the trail: the tests look for their own entries.
 */
#define ADMIN "admin1"
#define PASSWORD "audit-test-password-42"
#define CLERK_PASSWORD "clerk-test-password-43"

#define run_audit(run, location, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = (location), .user = ADMIN, .password = PASSWORD }, \
                   "audit", __VA_ARGS__)

/* A fresh database whose entries 1 to @n are: odd ones by "clerk1" about
 * p-1, even ones by the local administrator about p-2; entry 4 is a
 * reveal. Then the administrator's account is made. */
static char *
make_database (const char *name,
               guint       n)
{
  char *location = xf_test_database_location (tmp_dir, name);
  g_autoptr(XfStore) store = xf_test_open_store_at (location);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk1", "办事员");
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 1; i <= n; i++)
    g_assert_true (xf_audit_append_change (db, i % 2 == 1 ? clerk : admin,
                                           i == 4 ? XF_AUDIT_REVEAL : XF_AUDIT_UPDATE, "pioneer",
                                           i % 2 == 1 ? "p-1" : "p-2", "王建国", "deeds",
                                           NULL, i == 3 ? "两行\n文字, \"引号\"" : "事迹", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  {
    g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
    g_autoptr(XfAccount) first = xf_accounts_create_first_administrator (accounts, ADMIN, "管理员",
                                                                         PASSWORD, &error);

    g_autoptr(XfAccount) clerk = xf_account_new ("clerk2", "办事员");

    g_assert_no_error (error);
    g_assert_nonnull (first);
    /* A clerk, who may not read the trail. */
    xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
    g_assert_true (xf_accounts_save (accounts, first, clerk, PASSWORD, &error));
    g_assert_no_error (error);
    /* A new account chooses its own password first. */
    g_clear_object (&clerk);
    clerk = xf_accounts_sign_in (accounts, "clerk2", PASSWORD, &error);
    g_assert_no_error (error);
    g_assert_true (xf_accounts_change_password (accounts, clerk, PASSWORD, CLERK_PASSWORD, &error));
    g_assert_no_error (error);
  }
  return location;
}

static void
tamper (const char *location,
        const char *sql)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (location);
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;

  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    xf_db_exec (db, "ALTER TABLE audit_log DISABLE TRIGGER USER", &error);
  else
    xf_db_exec (db, "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete", &error);
  g_assert_no_error (error);
  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
test_verify (void)
{
  g_autofree char *location = make_database ("verify.db", 12);
  g_auto(XfCliRun) intact = { 0 };
  g_auto(XfCliRun) edited = { 0 };
  g_auto(XfCliRun) deleted = { 0 };

  run_audit (&intact, location, "verify", NULL);
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_true (g_str_has_prefix (intact.out, "The audit trail is intact: "));
  g_assert_true (g_str_has_suffix (intact.out, " entries checked\n"));
  g_assert_cmpuint (xf_cli_count_lines (intact.out), ==, 1);
  g_assert_cmpstr (intact.err, ==, "");

  tamper (location, "UPDATE audit_log SET actor_login = 'someone' WHERE seq = 7");
  run_audit (&edited, location, "verify", NULL);
  g_assert_cmpint (edited.status, ==, 3);
  g_assert_true (g_str_has_prefix (edited.out, "Entry 7 of the audit trail was edited"));

  tamper (location, "DELETE FROM audit_log WHERE seq = 5");
  run_audit (&deleted, location, "verify", NULL);
  g_assert_cmpint (deleted.status, ==, 3);
  g_assert_true (g_str_has_prefix (deleted.out, "Entry 5 of the audit trail is missing"));
}

/* The newest entries removed after a verification recorded the head. */
static void
test_verify_truncated (void)
{
  g_autofree char *location = make_database ("truncated.db", 6);
  g_auto(XfCliRun) first = { 0 };
  g_auto(XfCliRun) second = { 0 };

  run_audit (&first, location, "verify", NULL);
  g_assert_cmpint (first.status, ==, 0);
  tamper (location, "DELETE FROM audit_log WHERE seq > 5");
  run_audit (&second, location, "verify", NULL);
  g_test_message ("%s", second.out);
  g_assert_cmpint (second.status, ==, 3);
  g_assert_true (g_str_has_prefix (second.out, "The audit trail ends at entry "));
  g_assert_nonnull (strstr (second.out, " was recorded on "));
}

static void
test_list (void)
{
  g_autofree char *location = make_database ("list.db", 9);
  g_auto(XfCliRun) all = { 0 };
  g_auto(XfCliRun) limited = { 0 };
  g_auto(XfCliRun) filtered = { 0 };
  g_auto(XfCliRun) future = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  run_audit (&all, location, "list", "--record", "p-1", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (all.out), ==, 5);
  lines = g_strsplit (all.out, "\n", -1);
  /* Newest first, one line each, line breaks written out. */
  g_assert_true (g_str_has_prefix (lines[0], "9\t"));
  fields = g_strsplit (lines[3], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  g_assert_cmpstr (fields[0], ==, "3");
  g_assert_cmpstr (fields[2], ==, "clerk1");
  g_assert_cmpstr (fields[3], ==, "update");
  g_assert_cmpstr (fields[4], ==, "pioneer");
  g_assert_cmpstr (fields[5], ==, "p-1");
  g_assert_cmpstr (fields[6], ==, "王建国");
  g_assert_cmpstr (fields[7], ==, "deeds");
  g_assert_cmpstr (fields[8], ==, "");
  g_assert_cmpstr (fields[9], ==, "两行\\n文字, \"引号\"");

  run_audit (&limited, location, "list", "--limit", "2", "--record", "p-2", NULL);
  g_assert_cmpint (limited.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (limited.out), ==, 2);
  g_assert_true (g_str_has_prefix (limited.out, "8\t"));

  run_audit (&filtered, location, "list", "--user", "local", "--record=p-2", "--action", "reveal",
             "--since", "2000-01-01", NULL);
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (filtered.out), ==, 1);
  g_assert_true (g_str_has_prefix (filtered.out, "4\t"));

  run_audit (&future, location, "list", "--since", "2999-01-01", NULL);
  g_assert_cmpint (future.status, ==, 0);
  g_assert_cmpstr (future.out, ==, "");
}

static void
test_export (void)
{
  g_autofree char *location = make_database ("export.db", 5);
  g_autofree char *path = g_build_filename (tmp_dir, "trail.csv", NULL);
  g_autofree char *clerk_path = g_build_filename (tmp_dir, "clerk.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) clerk = { 0 };
  g_auto(XfCliRun) list = { 0 };

  run_audit (&run, location, "export", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "seq,at,actor_login,actor_name,action,"));
  g_assert_nonnull (strstr (csv, ",\"两行\n文字, \"\"引号\"\"\","));
  g_assert_nonnull (strstr (csv, "\r\n5,"));
  g_clear_pointer (&csv, g_free);

  /* With a filter; and the exports are in the trail. */
  run_audit (&clerk, location, "export", clerk_path, "--user", "clerk1", NULL);
  g_assert_cmpint (clerk.status, ==, 0);
  g_assert_true (g_file_get_contents (clerk_path, &csv, NULL, &error));
  g_assert_null (strstr (csv, "\r\n2,"));
  g_assert_nonnull (strstr (csv, "\r\n5,"));
  run_audit (&list, location, "list", "--action", "export", NULL);
  g_assert_cmpuint (xf_cli_count_lines (list.out), ==, 2);
  g_assert_nonnull (strstr (list.out, "actor_login=clerk1; entries=3"));
}

static void
test_clerk_refused (void)
{
  g_autofree char *location = make_database ("clerk.db", 3);
  g_autofree char *path = g_build_filename (tmp_dir, "clerk-export.csv", NULL);
  const char *commands[][3] = {
    { "verify", NULL },
    { "list", NULL },
    { "export", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      xf_cli_run_args (&run, &(XfCliEnv) { .database = location, .user = "clerk2", .password = CLERK_PASSWORD },
                       "audit", commands[i][0], commands[i][1], NULL);
      xf_cli_assert_failed (&run, 1);
      g_assert_true (g_str_has_prefix (run.err, "xianfeng-cli: Permission denied: "));
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_arguments (void)
{
  g_autofree char *location = make_database ("bad.db", 1);
  const char *cases[][4] = {
    { NULL },
    { "check", NULL },
    { "verify", "--fast", NULL },
    { "list", "--limit", "0", NULL },
    { "list", "--limit", NULL },
    { "list", "--since", "yesterday", NULL },
    { "list", "--colour", NULL },
    { "export", NULL },
    { "export", "--user", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_audit (&run, location, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_test_message ("audit %s: %s", cases[i][0], run.err);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "xianfeng-cli: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* The CLI records heads under $XDG_STATE_HOME: a temporary one. */
  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/audit/verify", test_verify);
  g_test_add_func ("/core/cli/audit/verify-truncated", test_verify_truncated);
  g_test_add_func ("/core/cli/audit/list", test_list);
  g_test_add_func ("/core/cli/audit/export", test_export);
  g_test_add_func ("/core/cli/audit/clerk-refused", test_clerk_refused);
  g_test_add_func ("/core/cli/audit/bad-arguments", test_bad_arguments);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
