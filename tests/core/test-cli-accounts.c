/* test-cli-accounts.c — signing in on the command line, and `accounts`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every password check costs an Argon2id hash (~0.1 s), so the cases share
 * one demo database and sign in no more often than they must. The lockout
 * case alone uses the demo's "dispatcher".
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

#define DEMO_PASSWORD "xianfeng"
#define WRONG_PASSWORD "not-the-password-42"

static char *tmp_dir;
static char *demo_db;   /* demo data and the five demo accounts, made once */

/* Runs xianfeng-cli on @database_ as @user_ with @password_ (NULL: none). */
#define run_as(run, database_, user_, password_, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = (database_), .user = (user_), \
                                        .password = (password_) }, __VA_ARGS__)

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("\"%s\" not found in \"%s\"", part, text);
}

/* Neither output shows @password ("xianfeng" is also the program's name). */
static void
assert_not_shown (const XfCliRun *run,
                  const char     *password)
{
  const char *err = run->err;

  if (g_str_has_prefix (err, "xianfeng-cli: "))
    err += strlen ("xianfeng-cli: ");
  g_assert_null (strstr (run->out, password));
  g_assert_null (strstr (err, password));
}

/* A fresh, initialised database without accounts. */
static char *
make_database (const char *name)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, name);
  g_auto(XfCliRun) run = { 0 };

  run_as (&run, location, NULL, NULL, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&location);
}

static JsonArray *
list_json (const char *database,
           const char *user,
           const char *password)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };

  run_as (&run, database, user, password, "accounts", "list", "--json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* The account @login of a `list --json`, or NULL. */
static JsonObject *
find_account (JsonArray  *list,
              const char *login)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *account = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (account, "login"), login))
        return account;
    }
  return NULL;
}

/* Without accounts, a SQLite file is its owner's: the local administrator.
 * A shared server is not: it wants its first administrator created. */
static void
test_no_accounts (void)
{
  g_autofree char *database = make_database ("no-accounts.db");
  g_auto(XfCliRun) count = { 0 };
  g_auto(XfCliRun) list = { 0 };
  g_auto(XfCliRun) rules = { 0 };

  run_as (&count, database, NULL, NULL, "pioneers", "count", NULL);
  run_as (&list, database, NULL, NULL, "accounts", "list", NULL);
  if (xf_test_using_postgresql ())
    {
      xf_cli_assert_failed (&count, 1);
      assert_contains (count.err, "accounts create-admin");
      xf_cli_assert_failed (&list, 1);
    }
  else
    {
      g_assert_cmpint (count.status, ==, 0);
      g_assert_cmpstr (count.out, ==, "0\n");
      g_assert_cmpint (list.status, ==, 0);
      g_assert_cmpstr (list.out, ==, "");
      g_assert_cmpstr (list.err, ==, "");
    }

  /* Commands without a database need nobody. */
  run_as (&rules, database, "nobody", NULL, "check-id", "11010519491231002X", NULL);
  g_assert_cmpint (rules.status, ==, 0);
}

static void
test_create_admin (void)
{
  g_autofree char *database = make_database ("create-admin.db");
  g_auto(XfCliRun) weak = { 0 };
  g_auto(XfCliRun) created = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) anonymous = { 0 };
  g_autoptr(JsonArray) list = NULL;
  JsonObject *boss;
  JsonObject *grant;

  /* A weak password is refused by name, and nothing is created. */
  xf_cli_run_args (&weak, &(XfCliEnv) { .database = database, .new_password = "short" },
                   "accounts", "create-admin", "boss", "--name", "王 主任", NULL);
  xf_cli_assert_failed (&weak, 1);
  assert_contains (weak.err, "Password is too short");

  xf_cli_run_args (&created, &(XfCliEnv) { .database = database, .new_password = "Correct-Horse-7" },
                   "accounts", "create-admin", "boss", "--name", "王 主任", NULL);
  g_assert_cmpstr (created.err, ==, "");
  g_assert_cmpint (created.status, ==, 0);
  assert_contains (created.out, "boss");
  assert_not_shown (&created, "Correct-Horse-7");

  /* Only the first: afterwards an administrator adds accounts. */
  xf_cli_run_args (&again, &(XfCliEnv) { .database = database, .new_password = "Correct-Horse-8" },
                   "accounts", "create-admin", "boss2", "--name", "Second", NULL);
  xf_cli_assert_failed (&again, 1);
  assert_contains (again.err, "already has accounts");

  /* Now the database refuses anyone who does not sign in, on both backends. */
  run_as (&anonymous, database, NULL, NULL, "pioneers", "count", NULL);
  xf_cli_assert_failed (&anonymous, 1);
  assert_contains (anonymous.err, "This database has accounts: sign in with --user LOGIN");

  list = list_json (database, "boss", "Correct-Horse-7");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  boss = find_account (list, "boss");
  g_assert_nonnull (boss);
  g_assert_cmpstr (json_object_get_string_member (boss, "display_name"), ==, "王 主任");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (boss, "grants")), ==, 1);
  grant = json_array_get_object_element (json_object_get_array_member (boss, "grants"), 0);
  g_assert_cmpstr (json_object_get_string_member (grant, "role"), ==, "administrator");
  g_assert_cmpstr (json_object_get_string_member (grant, "scope"), ==, "all");
}

static void
test_sign_in (void)
{
  g_auto(XfCliRun) right = { 0 };
  g_auto(XfCliRun) option = { 0 };
  g_auto(XfCliRun) wrong = { 0 };
  g_auto(XfCliRun) unknown = { 0 };
  g_auto(XfCliRun) no_password = { 0 };
  g_auto(XfCliRun) anonymous = { 0 };

  run_as (&right, demo_db, "clerk", DEMO_PASSWORD, "pioneers", "count", NULL);
  g_assert_cmpstr (right.err, ==, "");
  g_assert_cmpint (right.status, ==, 0);
  g_assert_cmpstr (right.out, ==, "6\n");

  /* --user=LOGIN wins over $XIANFENG_USER. */
  run_as (&option, demo_db, "nobody", DEMO_PASSWORD, "--user=reviewer", "pioneers", "count", NULL);
  g_assert_cmpstr (option.err, ==, "");
  g_assert_cmpint (option.status, ==, 0);

  /* A wrong password and an unknown login get the same message; neither
   * password is ever printed. */
  run_as (&wrong, demo_db, NULL, WRONG_PASSWORD, "--user", "auditor", "pioneers", "count", NULL);
  xf_cli_assert_failed (&wrong, 1);
  assert_not_shown (&wrong, WRONG_PASSWORD);
  run_as (&unknown, demo_db, "nosuchperson", DEMO_PASSWORD, "pioneers", "count", NULL);
  xf_cli_assert_failed (&unknown, 1);
  assert_not_shown (&unknown, DEMO_PASSWORD);
  g_assert_cmpstr (wrong.err, ==, unknown.err);

  /* No password and no terminal to ask on: say how to give one. */
  run_as (&no_password, demo_db, "clerk", NULL, "pioneers", "count", NULL);
  xf_cli_assert_failed (&no_password, 1);
  assert_contains (no_password.err, "XIANFENG_PASSWORD");

  run_as (&anonymous, demo_db, NULL, NULL, "pioneers", "count", NULL);
  xf_cli_assert_failed (&anonymous, 1);
  assert_contains (anonymous.err, "sign in with --user LOGIN");
}

/* Five failures lock the account: then even the right password is refused,
 * and the message says until when. */
static void
test_lockout (void)
{
  g_auto(XfCliRun) locked = { 0 };

  for (int i = 0; i < 5; i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_as (&run, demo_db, "dispatcher", WRONG_PASSWORD, "pioneers", "count", NULL);
      xf_cli_assert_failed (&run, 1);
    }
  run_as (&locked, demo_db, "dispatcher", DEMO_PASSWORD, "pioneers", "count", NULL);
  xf_cli_assert_failed (&locked, 1);
  assert_contains (locked.err, "until");
  assert_not_shown (&locked, DEMO_PASSWORD);
}

/* add, list, reset (and the change it forces), disable, enable. */
static void
test_manage (void)
{
  const XfCliEnv admin = { .database = demo_db, .user = "admin", .password = DEMO_PASSWORD,
                           .new_password = "Deqing-Start-1" };
  g_auto(XfCliRun) added = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) reset = { 0 };
  g_auto(XfCliRun) must_change = { 0 };
  g_auto(XfCliRun) changed = { 0 };
  g_auto(XfCliRun) after_change = { 0 };
  g_auto(XfCliRun) disabled = { 0 };
  g_auto(XfCliRun) refused = { 0 };
  g_auto(XfCliRun) enabled = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_autoptr(JsonArray) list = NULL;
  JsonObject *account;
  JsonObject *grant;

  xf_cli_run_args (&added, &admin, "accounts", "add", "deqing.clerk", "--name", "德清 办事员",
                   "--role", "clerk:region=330521", "--role", "reviewer", NULL);
  g_assert_cmpstr (added.err, ==, "");
  g_assert_cmpint (added.status, ==, 0);

  list = list_json (demo_db, "admin", DEMO_PASSWORD);
  account = find_account (list, "deqing.clerk");
  g_assert_nonnull (account);
  g_assert_cmpstr (json_object_get_string_member (account, "display_name"), ==, "德清 办事员");
  g_assert_false (json_object_get_boolean_member (account, "disabled"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (account, "grants")), ==, 2);
  grant = json_array_get_object_element (json_object_get_array_member (account, "grants"), 0);
  g_assert_cmpstr (json_object_get_string_member (grant, "role"), ==, "clerk");
  g_assert_cmpstr (json_object_get_string_member (grant, "scope"), ==, "region");
  g_assert_cmpstr (json_object_get_string_member (grant, "value"), ==, "330521");

  /* The plain list: login, name, grants, state; one line each. */
  xf_cli_run_args (&plain, &admin, "accounts", "list", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, json_array_get_length (list));
  assert_contains (plain.out, "deqing.clerk\t德清 办事员\tclerk:region=330521, reviewer\t");

  /* A reset password must be changed before anything else. */
  xf_cli_run_args (&reset, &(XfCliEnv) { .database = demo_db, .user = "admin", .password = DEMO_PASSWORD,
                                         .new_password = "Deqing-Reset-2" },
                   "accounts", "reset", "deqing.clerk", NULL);
  g_assert_cmpstr (reset.err, ==, "");
  g_assert_cmpint (reset.status, ==, 0);
  run_as (&must_change, demo_db, "deqing.clerk", "Deqing-Reset-2", "pioneers", "count", NULL);
  xf_cli_assert_failed (&must_change, 1);
  assert_contains (must_change.err, "accounts passwd");
  xf_cli_run_args (&changed, &(XfCliEnv) { .database = demo_db, .user = "deqing.clerk",
                                           .password = "Deqing-Reset-2", .new_password = "Deqing-Own-3" },
                   "accounts", "passwd", NULL);
  g_assert_cmpstr (changed.err, ==, "");
  g_assert_cmpint (changed.status, ==, 0);
  run_as (&after_change, demo_db, "deqing.clerk", "Deqing-Own-3", "pioneers", "count", NULL);
  g_assert_cmpstr (after_change.err, ==, "");
  g_assert_cmpint (after_change.status, ==, 0);

  /* Disabled: the right password no longer signs in. */
  xf_cli_run_args (&disabled, &admin, "accounts", "disable", "deqing.clerk", NULL);
  g_assert_cmpint (disabled.status, ==, 0);
  run_as (&refused, demo_db, "deqing.clerk", "Deqing-Own-3", "pioneers", "count", NULL);
  xf_cli_assert_failed (&refused, 1);
  xf_cli_run_args (&enabled, &admin, "accounts", "enable", "deqing.clerk", NULL);
  g_assert_cmpint (enabled.status, ==, 0);
  run_as (&again, demo_db, "deqing.clerk", "Deqing-Own-3", "pioneers", "count", NULL);
  g_assert_cmpint (again.status, ==, 0);
}

/* Only an administrator manages accounts; core says so by name. */
static void
test_clerk_denied (void)
{
  g_auto(XfCliRun) add = { 0 };
  g_auto(XfCliRun) list = { 0 };

  xf_cli_run_args (&add, &(XfCliEnv) { .database = demo_db, .user = "clerk", .password = DEMO_PASSWORD,
                                       .new_password = "Sneaky-Admin-9" },
                   "accounts", "add", "sneaky", "--name", "Sneaky", "--role", "administrator", NULL);
  xf_cli_assert_failed (&add, 1);
  assert_contains (add.err, "Permission denied: ");

  run_as (&list, demo_db, "clerk", DEMO_PASSWORD, "accounts", "list", NULL);
  xf_cli_assert_failed (&list, 1);
  assert_contains (list.err, "Permission denied: ");
}

/* Usage errors: status 2, before anyone signs in or anything is opened. */
static void
test_bad_arguments (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "untouched.db");
  const char *cases[][8] = {
    { "accounts", NULL },
    { "accounts", "frobnicate", NULL },
    { "accounts", "list", "--bogus", NULL },
    { "accounts", "add", "x.y", "--name", "X", NULL },
    { "accounts", "add", "x.y", "--role", "clerk", NULL },
    { "accounts", "add", "x.y", "--name", "X", "--role", "wizard" },
    { "accounts", "add", "x.y", "--name", "X", "--role", "clerk:planet=3" },
    { "accounts", "add", "x.y", "--name", "X", "--role", "clerk:region=999999" },
    { "accounts", "reset", NULL },
    { "accounts", "create-admin", "boss", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_as (&run, location, "admin", DEMO_PASSWORD, cases[i][0], cases[i][1], cases[i][2], cases[i][3],
              cases[i][4], cases[i][5], cases[i][6], NULL);
      xf_cli_assert_failed (&run, 2);
    }
  xf_cli_assert_no_database (location);
}

/* demo made the five accounts, one per role, and said so. */
static void
test_demo_accounts (void)
{
  const char *roles[][2] = {
    { "admin", "administrator" },
    { "clerk", "clerk" },
    { "reviewer", "reviewer" },
    { "dispatcher", "dispatcher" },
    { "auditor", "auditor" },
  };
  g_autoptr(JsonArray) list = list_json (demo_db, "admin", DEMO_PASSWORD);
  g_auto(XfCliRun) again = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      JsonObject *account = find_account (list, roles[i][0]);
      JsonArray *grants;

      g_assert_nonnull (account);
      grants = json_object_get_array_member (account, "grants");
      g_assert_cmpuint (json_array_get_length (grants), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (grants, 0), "role"),
                       ==, roles[i][1]);
    }

  /* Never into a database that has accounts. */
  run_as (&again, demo_db, "admin", DEMO_PASSWORD, "demo", "--pioneers", "1", "--collectives", "0", NULL);
  xf_cli_assert_failed (&again, 1);
  assert_contains (again.err, "has accounts");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();
  demo_db = xf_test_database_location (tmp_dir, "demo.db");
  {
    g_autofree char *out = xf_cli_make_demo (demo_db, "5", "1", NULL);

    g_assert_nonnull (strstr (out, "Demo accounts: admin, clerk, reviewer, dispatcher and auditor"));
  }

  g_test_add_func ("/cli/accounts/no-accounts", test_no_accounts);
  g_test_add_func ("/cli/accounts/create-admin", test_create_admin);
  g_test_add_func ("/cli/accounts/sign-in", test_sign_in);
  g_test_add_func ("/cli/accounts/lockout", test_lockout);
  g_test_add_func ("/cli/accounts/manage", test_manage);
  g_test_add_func ("/cli/accounts/clerk-denied", test_clerk_denied);
  g_test_add_func ("/cli/accounts/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/accounts/demo-accounts", test_demo_accounts);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_db);
  return status;
}
