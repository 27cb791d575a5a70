/* test-check.c — the database check: integrity, foreign keys, schema, audit chain
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-audit.h"
#include "xf-check.h"
#include "xf-demo.h"
#include "xf-error.h"
#include "xf-permission.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;

static void
exec (XfDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static XfStore *
open_filled_store (void)
{
  XfStore *store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  XfDemoOptions options = { 200, 20, 3 };
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  g_assert_true (xf_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 0; i < 6; i++)
    g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p-1", "王建国",
                                           "employer", NULL, "德清", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
  return store;
}

static const XfCheckItem *
item (const XfCheckReport *report,
      guint                index,
      const char          *name)
{
  const XfCheckItem *found;

  g_assert_cmpuint (index, <, report->items->len);
  found = g_ptr_array_index (report->items, index);
  g_assert_cmpstr (found->name, ==, name);
  g_assert_nonnull (found->label);
  g_assert_nonnull (found->detail);
  return found;
}

static XfCheckReport *
check (XfStore *store)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  XfCheckReport *report = xf_check_database (store, admin, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->items->len, ==, 4);
  for (guint i = 0; i < report->items->len; i++)
    {
      const XfCheckItem *each = g_ptr_array_index (report->items, i);

      g_test_message ("%s: %s — %s", each->label, each->ok ? "ok" : "PROBLEM", each->detail);
    }
  return report;
}

static void
test_clean (void)
{
  g_autoptr(XfStore) store = open_filled_store ();
  g_autoptr(XfCheckReport) report = check (store);
  g_autofree char *schema = g_strdup_printf ("Version %d", xf_store_get_latest_version ());

  g_assert_true (report->ok);
  g_assert_true (item (report, 0, "integrity")->ok);
  g_assert_true (item (report, 1, "foreign-keys")->ok);
  g_assert_true (item (report, 2, "schema")->ok);
  g_assert_nonnull (strstr (item (report, 2, "schema")->detail, schema));
  g_assert_true (item (report, 3, "audit-chain")->ok);
  g_assert_nonnull (strstr (item (report, 3, "audit-chain")->detail, "6 entries"));
  if (xf_test_using_postgresql ())
    g_assert_nonnull (strstr (item (report, 1, "foreign-keys")->detail, "server"));
  else
    g_assert_cmpstr (item (report, 1, "foreign-keys")->detail, ==, "No problems found");
}

static void
test_dangling_foreign_key (void)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfCheckReport) report = NULL;
  const XfCheckItem *keys;
  XfDb *db;

  if (xf_test_using_postgresql ())
    {
      g_test_skip ("PostgreSQL refuses a dangling foreign key itself; the check reports it kept by the server");
      return;
    }

  store = open_filled_store ();
  db = xf_store_get_db (store);
  exec (db, "PRAGMA foreign_keys = OFF");
  exec (db, "INSERT INTO honours (uid, pioneer_id, title, level, year, created_at, updated_at) "
            "VALUES ('dangling-1', 999999, '劳动模范', 'city', 2020, 1, 1), "
            "('dangling-2', 999998, '劳动模范', 'city', 2021, 1, 1)");
  exec (db, "PRAGMA foreign_keys = ON");

  report = check (store);
  g_assert_false (report->ok);
  g_assert_true (item (report, 0, "integrity")->ok);
  keys = item (report, 1, "foreign-keys");
  g_assert_false (keys->ok);
  g_assert_cmpstr (keys->detail, ==, "2 rows of honours name a missing row of pioneers");
  g_assert_true (item (report, 2, "schema")->ok);
  g_assert_true (item (report, 3, "audit-chain")->ok);
}

static void
test_altered_audit_row (void)
{
  g_autoptr(XfStore) store = open_filled_store ();
  g_autoptr(XfCheckReport) report = NULL;
  const XfCheckItem *chain;
  XfDb *db = xf_store_get_db (store);

  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    exec (db, "ALTER TABLE audit_log DISABLE TRIGGER USER");
  else
    exec (db, "DROP TRIGGER audit_log_no_update");
  exec (db, "UPDATE audit_log SET new_value = '杭州' WHERE seq = 4");

  report = check (store);
  g_assert_false (report->ok);
  g_assert_true (item (report, 0, "integrity")->ok);
  g_assert_true (item (report, 1, "foreign-keys")->ok);
  chain = item (report, 3, "audit-chain");
  g_assert_false (chain->ok);
  g_assert_nonnull (strstr (chain->detail, "Entry 4"));
  g_assert_nonnull (strstr (chain->detail, "edited"));
}

/* The triggers that keep the audit trail append-only, dropped or disabled:
 * nothing is wrong yet, but entries could be changed unseen from then on. */
static void
test_audit_guard_removed (void)
{
  g_autoptr(XfStore) store = open_filled_store ();
  g_autoptr(XfCheckReport) report = NULL;
  const char *guard = xf_test_using_postgresql () ? "audit_log_no_change" : "audit_log_no_update";
  g_autofree char *sql = xf_test_using_postgresql ()
                         ? g_strdup_printf ("ALTER TABLE audit_log DISABLE TRIGGER %s", guard)
                         : g_strdup_printf ("DROP TRIGGER %s", guard);

  exec (xf_store_get_db (store), sql);
  report = check (store);
  g_assert_false (report->ok);
  g_assert_true (item (report, 0, "integrity")->ok);
  g_assert_false (item (report, 2, "schema")->ok);
  g_assert_nonnull (strstr (item (report, 2, "schema")->detail, guard));
  g_assert_true (item (report, 3, "audit-chain")->ok);
}

static void
test_permission (void)
{
  g_autoptr(XfStore) store = open_filled_store ();
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk1", "办事员");
  g_autoptr(XfAccount) auditor = xf_account_new ("auditor1", "审计员");
  g_autoptr(XfCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  xf_account_add_grant (auditor, XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);

  report = xf_check_database (store, clerk, NULL, &error);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_null (report);
  g_clear_error (&error);

  report = xf_check_database (store, auditor, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
}

static void
test_cancelled (void)
{
  g_autoptr(XfStore) store = open_filled_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XfCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  report = xf_check_database (store, admin, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = xf_test_make_dir ();
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/check/clean", test_clean);
  g_test_add_func ("/core/check/dangling-foreign-key", test_dangling_foreign_key);
  g_test_add_func ("/core/check/altered-audit-row", test_altered_audit_row);
  g_test_add_func ("/core/check/audit-guard-removed", test_audit_guard_removed);
  g_test_add_func ("/core/check/permission", test_permission);
  g_test_add_func ("/core/check/cancelled", test_cancelled);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
