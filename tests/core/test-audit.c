/* test-audit.c — the hash-chained audit trail: appending, tampering, reading
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-permission.h"
#include "xf-store.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * Runs on SQLite and, with $XIANFENG_TEST_POSTGRESQL, on PostgreSQL.
 * Heads are recorded under a temporary $XDG_STATE_HOME set before GLib
 * first reads it.
 */

static char *tmp_dir;
static char *state_dir;

#define N_ENTRIES 40

static void
exec (XfDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static XfAccount *
clerk_new (void)
{
  XfAccount *clerk = xf_account_new ("clerk1", "办事员");

  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  return clerk;
}

/* @n entries about three pioneers, by the local administrator, a few per transaction. */
static void
append_entries (XfStore *store,
                guint    n)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("pioneer-%u", i % 3);
      g_autofree char *old_value = g_strdup_printf ("value %u", i);
      g_autofree char *new_value = g_strdup_printf ("value %u", i + 1);

      if (i % 7 == 0)
        {
          if (xf_db_in_transaction (db))
            g_assert_true (xf_db_commit (db, &error));
          g_assert_true (xf_db_begin (db, &error));
        }
      g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", uid, "王建国",
                                             "employer", i % 5 == 0 ? NULL : old_value, new_value,
                                             &error));
      g_assert_no_error (error);
    }
  if (xf_db_in_transaction (db))
    g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
}

static XfAuditVerification *
verify (XfStore *store)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  XfAuditVerification *result = xf_audit_verify (store, admin, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (result->message);
  return result;
}

static void
assert_problem (XfStore        *store,
                XfAuditProblem  problem,
                gint64          seq)
{
  g_autoptr(XfAuditVerification) result = verify (store);
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  g_test_message ("%s", result->message);
  g_assert_cmpint (result->problem, ==, problem);
  g_assert_cmpint (result->seq, ==, seq);
  g_assert_nonnull (strstr (result->message, seq_text));
}

/* Lets the test change audit_log as someone with the database in hand could. */
static void
allow_tampering (XfStore *store)
{
  XfDb *db = xf_store_get_db (store);

  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    exec (db, "ALTER TABLE audit_log DISABLE TRIGGER USER");
  else
    exec (db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
}

/* The documented encoding, written again independently of xf-audit.c. */
static void
encode (GString    *buffer,
        const char *text)
{
  if (text == NULL)
    g_string_append_c (buffer, '-');
  else
    g_string_append_printf (buffer, "%zu:%s", strlen (text), text);
}

static char *
expected_hash (const XfAuditEntry *entry,
               const char         *prev_hash)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, entry->seq);
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, entry->at);
  const char *texts[] = {
    prev_hash, seq, at, entry->actor_login, entry->actor_name, entry->action,
    entry->record_type, entry->record_uid, entry->record_label, entry->field,
    entry->old_value, entry->new_value,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    encode (buffer, texts[i]);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, buffer->str, (gssize) buffer->len);
}

/* Inserts a row whose hash matches its own fields, linked to @prev_hash. */
static void
forge (XfStore    *store,
       gint64      seq,
       const char *prev_hash)
{
  g_autoptr(XfAuditEntry) entry = xf_audit_entry_new ();
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  entry->seq = seq;
  entry->at = xf_db_now ();
  entry->actor_login = g_strdup ("local");
  entry->actor_name = g_strdup ("Local administrator");
  entry->action = g_strdup (XF_AUDIT_UPDATE);
  entry->record_type = g_strdup ("pioneer");
  entry->record_uid = g_strdup ("pioneer-1");
  entry->field = g_strdup ("employer");
  entry->new_value = g_strdup ("forged");
  hash = expected_hash (entry, prev_hash);

  stmt = xf_db_prepare (xf_store_get_db (store),
                        "INSERT INTO audit_log (seq, at, actor_login, actor_name, action, record_type, "
                        "record_uid, field, new_value, prev_hash, hash) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", &error);
  g_assert_no_error (error);
  xf_db_stmt_bind_int64 (stmt, 1, entry->seq);
  xf_db_stmt_bind_int64 (stmt, 2, entry->at);
  xf_db_stmt_bind_text (stmt, 3, entry->actor_login);
  xf_db_stmt_bind_text (stmt, 4, entry->actor_name);
  xf_db_stmt_bind_text (stmt, 5, entry->action);
  xf_db_stmt_bind_text (stmt, 6, entry->record_type);
  xf_db_stmt_bind_text (stmt, 7, entry->record_uid);
  xf_db_stmt_bind_text (stmt, 8, entry->field);
  xf_db_stmt_bind_text (stmt, 9, entry->new_value);
  xf_db_stmt_bind_text (stmt, 10, prev_hash);
  xf_db_stmt_bind_text (stmt, 11, hash);
  g_assert_true (xf_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
}

static char *
hash_of (XfStore *store,
         gint64   seq)
{
  g_autofree char *sql = g_strdup_printf ("SELECT hash FROM audit_log WHERE seq = %" G_GINT64_FORMAT, seq);

  return xf_test_query_text (store, sql);
}

static char *
head_file (XfStore *store)
{
  g_autofree char *uid = xf_test_query_text (store, "SELECT value FROM database_info WHERE key = 'uid'");
  g_autofree char *name = g_strconcat (uid, ".json", NULL);

  return g_build_filename (state_dir, "xianfeng", "audit-heads", name, NULL);
}

/*
 * Appending
 */

static void
test_append_chain (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAuditEntry) first = xf_audit_entry_new ();
  g_autoptr(XfAuditEntry) second = xf_audit_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first_hash = NULL;
  g_autofree char *second_hash = NULL;
  g_autofree char *stored = NULL;
  XfDb *db = xf_store_get_db (store);
  gint64 before = xf_db_now ();

  first->action = g_strdup (XF_AUDIT_CREATE);
  first->record_type = g_strdup ("pioneer");
  first->record_uid = g_strdup ("p-1");
  first->record_label = g_strdup ("李四");
  first->field = g_strdup ("");       /* "" and NULL hash differently */
  second->action = g_strdup (XF_AUDIT_SIGN_IN);
  second->record_type = g_strdup ("session");
  second->at = 1234567;

  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_audit_append (db, admin, first, &error));
  g_assert_true (xf_audit_append (db, admin, second, &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (first->seq, ==, 1);
  g_assert_cmpint (second->seq, ==, 2);
  g_assert_cmpint (first->at, >=, before);
  g_assert_cmpint (second->at, ==, 1234567);
  g_assert_cmpstr (first->actor_login, ==, "local");
  g_assert_cmpstr (first->actor_name, ==, xf_account_get_display_name (admin));
  g_assert_cmpstr (first->prev_hash, ==, "");
  g_assert_cmpstr (second->prev_hash, ==, first->hash);

  /* The hash is the documented encoding's SHA-256. */
  first_hash = expected_hash (first, "");
  second_hash = expected_hash (second, first_hash);
  g_assert_cmpstr (first->hash, ==, first_hash);
  g_assert_cmpstr (second->hash, ==, second_hash);
  g_free (first->field);
  first->field = NULL;
  g_autofree char *null_field = expected_hash (first, "");
  g_assert_cmpstr (null_field, !=, first_hash);

  stored = hash_of (store, 2);
  g_assert_cmpstr (stored, ==, second_hash);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE record_uid IS NULL"), ==, 1);

  /* Outside a transaction an append is a programming error. */
  if (g_test_undefined ())
    {
      g_test_expect_message ("xf-audit", G_LOG_LEVEL_CRITICAL, "*in_transaction*");
      g_assert_false (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", NULL, NULL,
                                              NULL, NULL, NULL, NULL));
      g_test_assert_expected_messages ();
    }
}

/* A failed or rolled-back append leaves no gap: the head is read again. */
static void
test_append_after_rollback (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  append_entries (store, 3);
  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "x", NULL,
                                         "name", "a", "b", &error));
  xf_db_rollback (db);

  g_assert_true (xf_db_begin (db, &error));
  g_assert_false (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "", "x", NULL,
                                          NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "x", NULL,
                                         "name", "a", "c", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (xf_test_query_int64 (store, "SELECT max(seq) FROM audit_log"), ==, 4);
  assert_problem (store, XF_AUDIT_OK, 4);
}

/* Two desks on one database append in turn; each reads the other's head. */
static void
test_append_two_desks (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "desks.db");
  g_autoptr(XfStore) first = xf_test_open_store_at (location);
  g_autoptr(XfStore) second = xf_test_open_store_at (location);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) clerk = clerk_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 3; round++)
    {
      XfStore *store = round % 2 == 0 ? first : second;
      XfAccount *actor = round % 2 == 0 ? admin : clerk;
      XfDb *db = xf_store_get_db (store);

      g_assert_true (xf_db_begin (db, &error));
      for (guint i = 0; i < 2; i++)
        g_assert_true (xf_audit_append_change (db, actor, XF_AUDIT_UPDATE, "pioneer", "p", NULL,
                                               "name", NULL, "x", &error));
      g_assert_true (xf_db_commit (db, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (xf_test_query_int64 (first, "SELECT count(*) FROM audit_log WHERE actor_login = 'clerk1'"),
                   ==, 2);
  assert_problem (first, XF_AUDIT_OK, 6);
}

/* The head cached on a connection does not keep it alive: a dropped desk
 * closes its connection, and with it any transaction it left open. */
static void
test_append_connection_closes (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "closes.db");
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  XfStore *store = xf_test_open_store_at (location);
  XfDb *db = xf_store_get_db (store);

  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p", NULL,
                                         "name", NULL, "x", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p", NULL,
                                         "name", "x", "y", &error));
  g_assert_no_error (error);
  g_object_unref (store);
  g_assert_null (db);

  /* The unfinished transaction is gone and holds no lock. */
  other = xf_test_open_store_at (location);
  g_assert_true (xf_db_begin (xf_store_get_db (other), &error));
  g_assert_true (xf_audit_append_change (xf_store_get_db (other), admin, XF_AUDIT_UPDATE, "pioneer",
                                         "p", NULL, "name", "x", "z", &error));
  g_assert_true (xf_db_commit (xf_store_get_db (other), &error));
  g_assert_no_error (error);
  assert_problem (other, XF_AUDIT_OK, 2);
}

/* The application cannot change or remove entries. */
static void
test_append_only (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  append_entries (store, 3);
  g_assert_false (xf_db_exec (db, "UPDATE audit_log SET new_value = 'x' WHERE seq = 2", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (xf_db_exec (db, "DELETE FROM audit_log WHERE seq = 3", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    {
      g_assert_false (xf_db_exec (db, "TRUNCATE audit_log", &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log"), ==, 3);
  assert_problem (store, XF_AUDIT_OK, 3);
}

/*
 * Verifying
 */

static void
test_verify_intact (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAuditVerification) empty = verify (store);
  g_autoptr(XfAuditVerification) result = NULL;
  g_autofree char *path = head_file (store);
  g_autofree char *contents = NULL;
  g_autofree char *head_hash = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (empty->problem, ==, XF_AUDIT_OK);
  g_assert_cmpint (empty->n_entries, ==, 0);

  append_entries (store, N_ENTRIES);
  result = verify (store);
  g_assert_cmpint (result->problem, ==, XF_AUDIT_OK);
  g_assert_cmpint (result->seq, ==, N_ENTRIES);
  g_assert_cmpint (result->n_entries, ==, N_ENTRIES);
  g_assert_nonnull (strstr (result->message, "intact"));
  g_assert_nonnull (strstr (result->message, G_STRINGIFY (N_ENTRIES)));

  /* The head is recorded outside the database. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  head_hash = hash_of (store, N_ENTRIES);
  g_assert_nonnull (strstr (contents, head_hash));
  g_assert_nonnull (strstr (contents, "\"seq\" : " G_STRINGIFY (N_ENTRIES)));
}

static void
progress_cb (gint64   done,
             gint64   total,
             gpointer user_data)
{
  gint64 *seen = user_data;

  g_assert_cmpint (done, >=, seen[0]);
  g_assert_cmpint (done, <=, total);
  seen[0] = done;
  seen[1] = total;
}

static void
test_verify_progress_and_cancel (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 seen[2] = { 0, 0 };

  append_entries (store, 10);
  result = xf_audit_verify (store, admin, progress_cb, seen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->problem, ==, XF_AUDIT_OK);
  g_assert_cmpint (seen[0], ==, 10);
  g_assert_cmpint (seen[1], ==, 10);

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&result, xf_audit_verification_free);
  result = xf_audit_verify (store, admin, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
}

static void
test_verify_edited (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();

  append_entries (store, N_ENTRIES);
  allow_tampering (store);
  exec (xf_store_get_db (store), "UPDATE audit_log SET new_value = 'value 99' WHERE seq = 17");
  assert_problem (store, XF_AUDIT_EDITED, 17);
}

/* NULL where there was "" is an edit too. */
static void
test_verify_edited_null (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();

  append_entries (store, N_ENTRIES);
  allow_tampering (store);
  exec (xf_store_get_db (store), "UPDATE audit_log SET record_label = NULL WHERE seq = 3");
  assert_problem (store, XF_AUDIT_EDITED, 3);
}

static void
test_verify_deleted (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();

  append_entries (store, N_ENTRIES);
  allow_tampering (store);
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE seq = 23");
  assert_problem (store, XF_AUDIT_DELETED, 23);
}

static void
test_verify_deleted_first (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();

  append_entries (store, 5);
  allow_tampering (store);
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE seq = 1");
  assert_problem (store, XF_AUDIT_DELETED, 1);
}

/* A forged entry after the last one, consistent in itself but linked to nothing. */
static void
test_verify_inserted (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  const char *unrelated = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  append_entries (store, N_ENTRIES);
  forge (store, N_ENTRIES + 1, unrelated);
  assert_problem (store, XF_AUDIT_INSERTED, N_ENTRIES + 1);
}

/* A middle entry replaced by a forged one that links to the one before:
 * the next entry no longer links to it. */
static void
test_verify_replaced (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autofree char *prev = NULL;

  append_entries (store, N_ENTRIES);
  prev = hash_of (store, 11);
  allow_tampering (store);
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE seq = 12");
  forge (store, 12, prev);
  assert_problem (store, XF_AUDIT_INSERTED, 13);
}

static void
test_verify_truncated (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAuditVerification) first = NULL;
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);

  append_entries (store, N_ENTRIES);
  first = verify (store);
  g_assert_cmpint (first->problem, ==, XF_AUDIT_OK);

  /* Without the recorded head, removing the newest entries would go unnoticed. */
  allow_tampering (store);
  exec (db, "DELETE FROM audit_log WHERE seq >= " G_STRINGIFY (N_ENTRIES) " - 1");
  assert_problem (store, XF_AUDIT_TRUNCATED, N_ENTRIES);
  /* A backup does not record the shorter chain either. */
  g_assert_false (xf_audit_record_head (store, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Appending again up to the recorded seq gives another hash there. */
  append_entries (store, 2);
  assert_problem (store, XF_AUDIT_TRUNCATED, N_ENTRIES);
}

/* Appending after a recorded head is fine, and backups move the head on. */
static void
test_record_head (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = head_file (store);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;

  append_entries (store, 5);
  assert_problem (store, XF_AUDIT_OK, 5);
  append_entries (store, 3);
  assert_problem (store, XF_AUDIT_OK, 8);
  append_entries (store, 2);
  g_assert_true (xf_audit_record_head (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  hash = hash_of (store, 10);
  g_assert_nonnull (strstr (contents, hash));

  allow_tampering (store);
  exec (xf_store_get_db (store), "DELETE FROM audit_log WHERE seq = 10");
  assert_problem (store, XF_AUDIT_TRUNCATED, 10);
}

/*
 * Schema 1's history
 */

static void
test_legacy_adoption (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "legacy.db");
  g_autoptr(XfDb) db = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uid = NULL;
  XfAuditEntry *entry;
  gboolean postgresql;

  /* A database as the first version left it. */
  db = xf_db_open (location, XF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  postgresql = xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL;
  path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "db", "migrations",
                                postgresql ? "postgresql" : "sqlite", "0001-registry.sql", NULL);
  g_assert_true (g_file_get_contents (path, &sql, NULL, &error));
  g_assert_no_error (error);
  exec (db, sql);
  g_assert_true (xf_db_set_schema_version (db, 1, &error));
  g_assert_no_error (error);
  exec (db,
        "INSERT INTO pioneers (id, uid, kind, name, created_at, updated_at) VALUES "
        "(1, 'uid-a', 'individual', '张三', 0, 0), (2, 'uid-b', 'individual', '李四', 0, 0)");
  exec (db,
        "INSERT INTO pioneer_changes (id, pioneer_id, changed_at, actor, field, old_value, new_value) VALUES "
        "(1, 2, 3000, 'clerk', 'mobile', '13800000000', '13900000000'), "
        "(2, 1, 1000, '', 'name', '张', '张三'), "
        "(3, 1, 3000, 'admin', 'employer', NULL, '总工会'), "
        "(4, 1, 2000, '', 'tier', 'county', 'city')");
  g_clear_object (&db);

  store = xf_test_open_store_at (location);
  g_assert_cmpint (xf_store_get_schema_version (store), ==, xf_store_get_latest_version ());
  uid = xf_test_query_text (store, "SELECT value FROM database_info WHERE key = 'uid'");
  g_assert_true (g_uuid_string_is_valid (uid));

  /* Oldest first, ties in id order. */
  entries = xf_audit_query (store, admin, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpint (entry->seq, ==, 1);
  g_assert_cmpint (entry->at, ==, 1000);
  g_assert_cmpstr (entry->actor_login, ==, "legacy");
  g_assert_cmpstr (entry->action, ==, XF_AUDIT_LEGACY);
  g_assert_cmpstr (entry->record_type, ==, "pioneer");
  g_assert_cmpstr (entry->record_uid, ==, "uid-a");
  g_assert_cmpstr (entry->record_label, ==, "张三");
  g_assert_cmpstr (entry->field, ==, "name");
  g_assert_cmpstr (entry->old_value, ==, "张");
  g_assert_cmpstr (entry->new_value, ==, "张三");
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->field, ==, "tier");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->actor_login, ==, "clerk");
  g_assert_cmpstr (entry->record_uid, ==, "uid-b");
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->seq, ==, 4);
  g_assert_cmpstr (entry->actor_login, ==, "admin");
  g_assert_null (entry->old_value);

  assert_problem (store, XF_AUDIT_OK, 4);
  /* A file's history is the audit trail alone now. */
  g_assert_false (xf_db_has_table (xf_store_get_db (store), "pioneer_changes"));
}

/*
 * Reading
 */

static void
test_query_filters (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) clerk = clerk_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  XfAuditFilter filter = { 0 };
  XfDb *db = xf_store_get_db (store);

  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(XfAuditEntry) entry = xf_audit_entry_new ();

      entry->at = 1000000 * (i + 1);
      entry->action = g_strdup (i % 2 == 0 ? XF_AUDIT_UPDATE : XF_AUDIT_REVEAL);
      entry->record_type = g_strdup ("pioneer");
      entry->record_uid = g_strdup (i < 4 ? "p-1" : "p-2");
      entry->field = g_strdup ("mobile");
      g_assert_true (xf_audit_append (db, i < 6 ? admin : clerk, entry, &error));
    }
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  /* Everything, newest first; offset and limit page through it. */
  entries = xf_audit_query (store, admin, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 10);
  g_assert_cmpint (((XfAuditEntry *) g_ptr_array_index (entries, 0))->seq, ==, 10);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = xf_audit_query (store, admin, NULL, 3, 2, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((XfAuditEntry *) g_ptr_array_index (entries, 0))->seq, ==, 7);
  g_assert_cmpint (((XfAuditEntry *) g_ptr_array_index (entries, 1))->seq, ==, 6);
  g_clear_pointer (&entries, g_ptr_array_unref);

  filter.actor_login = "clerk1";
  g_assert_cmpint (xf_audit_count (store, admin, &filter, &error), ==, 4);
  filter.record_uid = "p-2";
  filter.action = XF_AUDIT_REVEAL;
  g_assert_cmpint (xf_audit_count (store, admin, &filter, &error), ==, 2);   /* seq 8, 10 */
  filter = (XfAuditFilter) { .from = 2000000, .to = 5000000 };
  g_assert_cmpint (xf_audit_count (store, admin, &filter, &error), ==, 3);   /* seq 2, 3, 4 */
  entries = xf_audit_query (store, admin, &filter, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (((XfAuditEntry *) g_ptr_array_index (entries, 0))->seq, ==, 4);
  g_assert_cmpint (((XfAuditEntry *) g_ptr_array_index (entries, 2))->seq, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  filter = (XfAuditFilter) { .record_uid = "p-1", .from = 3000000 };
  entries = xf_audit_query (store, admin, &filter, 0, 0, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((XfAuditEntry *) g_ptr_array_index (entries, 1))->hash, !=, NULL);
  g_clear_pointer (&entries, g_ptr_array_unref);
  filter = (XfAuditFilter) { .actor_login = "nobody" };
  g_assert_cmpint (xf_audit_count (store, admin, &filter, &error), ==, 0);
  g_assert_no_error (error);
}

/* The CSV of @store's entries, with @filter. */
static char *
export (XfStore             *store,
        XfAccount           *actor,
        const XfAuditFilter *filter)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_audit_export_csv (store, actor, filter, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_export_csv (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *only_clerk = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_row = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  XfAuditFilter filter = { .actor_login = "nobody" };
  XfDb *db = xf_store_get_db (store);
  XfAuditEntry *entry;

  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p-1", "王, 小明",
                                         "deeds", "说\"好\"", "第一行\n第二行\r\n第三行", &error));
  g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_ARCHIVE, "pioneer", "p-2", "赵六",
                                         NULL, NULL, "", &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  csv = export (store, admin, NULL);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"
                                   "seq,at,actor_login,actor_name,action,record_type,record_uid,"
                                   "record_label,field,old_value,new_value,hash\r\n1,"));
  hash = hash_of (store, 1);
  expected_row = g_strdup_printf (",local,%s,update,pioneer,p-1,\"王, 小明\",deeds,\"说\"\"好\"\"\","
                                  "\"第一行\n第二行\r\n第三行\",%s\r\n2,",
                                  xf_account_get_display_name (admin), hash);
  g_assert_nonnull (strstr (csv, expected_row));
  g_assert_nonnull (strstr (csv, ",archive,pioneer,p-2,赵六,,,,"));
  g_assert_null (strstr (csv, "\r\n3,"));

  /* Exporting is audited, and a filter narrows the export. */
  entries = xf_audit_query (store, admin, NULL, 0, 1, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->seq, ==, 3);
  g_assert_cmpstr (entry->action, ==, XF_AUDIT_EXPORT);
  g_assert_cmpstr (entry->record_type, ==, "audit");
  g_assert_nonnull (strstr (entry->new_value, "entries=2"));

  only_clerk = export (store, admin, &filter);
  g_assert_cmpstr (only_clerk, ==, "\xEF\xBB\xBF"
                   "seq,at,actor_login,actor_name,action,record_type,record_uid,"
                   "record_label,field,old_value,new_value,hash\r\n");
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log"), ==, 4);
  assert_problem (store, XF_AUDIT_OK, 4);
}

/* More rows than one batch come out whole and in order. */
static void
test_export_batches (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  XfDb *db = xf_store_get_db (store);
  const guint n = 10500;

  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "p", NULL,
                                           "x", NULL, NULL, &error));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  csv = export (store, admin, NULL);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
  g_assert_true (g_str_has_prefix (lines[n], "10500,"));
  g_assert_cmpstr (lines[n + 1], ==, "");
  assert_problem (store, XF_AUDIT_OK, n + 1);
}

static void
test_permission (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) clerk = clerk_new ();
  g_autoptr(XfAccount) auditor = xf_account_new ("auditor1", "审计员");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  append_entries (store, 3);

  result = xf_audit_verify (store, clerk, NULL, NULL, NULL, &error);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_null (result);
  g_clear_error (&error);
  entries = xf_audit_query (store, clerk, NULL, 0, 0, &error);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_null (entries);
  g_clear_error (&error);
  g_assert_cmpint (xf_audit_count (store, clerk, NULL, &error), ==, -1);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_audit_export_csv (store, clerk, NULL, out, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log"), ==, 3);

  /* The auditor reads everything. */
  xf_account_add_grant (auditor, XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);
  result = xf_audit_verify (store, auditor, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->problem, ==, XF_AUDIT_OK);
  g_assert_cmpint (xf_audit_count (store, auditor, NULL, &error), ==, 3);
  csv = export (store, auditor, NULL);
  g_assert_nonnull (strstr (csv, "\r\n3,"));
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE actor_login = 'auditor1'"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib reads and caches it. */
  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_user_state_dir (), ==, state_dir);

  g_test_add_func ("/core/audit/append/chain", test_append_chain);
  g_test_add_func ("/core/audit/append/after-rollback", test_append_after_rollback);
  g_test_add_func ("/core/audit/append/two-desks", test_append_two_desks);
  g_test_add_func ("/core/audit/append/connection-closes", test_append_connection_closes);
  g_test_add_func ("/core/audit/append/append-only", test_append_only);
  g_test_add_func ("/core/audit/verify/intact", test_verify_intact);
  g_test_add_func ("/core/audit/verify/progress-and-cancel", test_verify_progress_and_cancel);
  g_test_add_func ("/core/audit/verify/edited", test_verify_edited);
  g_test_add_func ("/core/audit/verify/edited-null", test_verify_edited_null);
  g_test_add_func ("/core/audit/verify/deleted", test_verify_deleted);
  g_test_add_func ("/core/audit/verify/deleted-first", test_verify_deleted_first);
  g_test_add_func ("/core/audit/verify/inserted", test_verify_inserted);
  g_test_add_func ("/core/audit/verify/replaced", test_verify_replaced);
  g_test_add_func ("/core/audit/verify/truncated", test_verify_truncated);
  g_test_add_func ("/core/audit/verify/record-head", test_record_head);
  g_test_add_func ("/core/audit/legacy", test_legacy_adoption);
  g_test_add_func ("/core/audit/query/filters", test_query_filters);
  g_test_add_func ("/core/audit/export/csv", test_export_csv);
  g_test_add_func ("/core/audit/export/batches", test_export_batches);
  g_test_add_func ("/core/audit/permission", test_permission);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (state_dir);
  g_free (tmp_dir);
  return status;
}
