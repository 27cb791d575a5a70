/* test-store.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-store.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("xf-store-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (xf_store_get_schema_version (store), ==, xf_store_get_latest_version ());
  g_assert_cmpint (xf_store_get_latest_version (), >=, 1);
  g_assert_cmpint (xf_db_query_int64 (xf_store_get_db (store),
                                      "SELECT count(*) FROM pioneers", -1, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = temp_path ("keep.db");
  g_autoptr(GError) error = NULL;
  XfStore *store;

  store = xf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (xf_db_exec (xf_store_get_db (store),
                             "INSERT INTO organisations (uid, code, name, created_at, updated_at) "
                             "VALUES ('u1', 'acftu', '总工会', 0, 0)", &error));
  g_assert_finalize_object (store);

  store = xf_store_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_db_query_int64 (xf_store_get_db (store),
                                      "SELECT count(*) FROM organisations", -1, NULL), ==, 1);
  g_assert_finalize_object (store);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = temp_path ("newer.db");
  g_autofree char *pragma = NULL;
  g_autoptr(GError) error = NULL;
  XfStore *store;

  store = xf_store_open (path, &error);
  g_assert_no_error (error);
  pragma = g_strdup_printf ("PRAGMA user_version = %d", xf_store_get_latest_version () + 1);
  g_assert_true (xf_db_exec (xf_store_get_db (store), pragma, &error));
  g_assert_finalize_object (store);

  store = xf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XF_ERROR, XF_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
test_garbage_file_refused (void)
{
  g_autofree char *path = temp_path ("garbage.db");
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *junk = "this is not a database, just a text file that is long enough to look like one";
  XfStore *store;

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  store = xf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);

  /* The file is left exactly as it was. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
}

static void
test_truncated_file_refused (void)
{
  g_autofree char *path = temp_path ("truncated.db");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  XfStore *store;

  store = xf_store_open (path, &error);
  g_assert_no_error (error);
  /* Checkpoint so the whole database is in the main file. */
  g_assert_true (xf_db_exec (xf_store_get_db (store), "PRAGMA journal_mode = DELETE", &error));
  g_assert_finalize_object (store);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  g_assert_true (g_file_set_contents (path, contents, 4096 + 100, NULL));

  store = xf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
}

static void
test_foreign_database_refused (void)
{
  g_autofree char *path = temp_path ("foreign.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) db = xf_db_open (path, XF_DB_OPEN_DEFAULT, &error);
  XfStore *store;

  g_assert_no_error (error);
  g_assert_true (xf_db_exec (db, "CREATE TABLE t (x)", &error));
  g_clear_object (&db);

  store = xf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not a Xianfeng database"));
}

static void
test_missing_file_not_created (void)
{
  g_autofree char *path = temp_path ("missing.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open_existing (path, &error);

  g_assert_null (store);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_refuses_writes (void)
{
  g_autofree char *path = temp_path ("ro.db");
  g_autoptr(GError) error = NULL;
  XfStore *store;

  store = xf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (xf_db_exec (xf_store_get_db (store), "PRAGMA journal_mode = DELETE", &error));
  g_assert_finalize_object (store);

  {
    g_autoptr(XfDb) db = xf_db_open (path, XF_DB_OPEN_READ_ONLY, &error);
    g_autoptr(XfStore) ro = NULL;

    g_assert_no_error (error);
    g_assert_true (xf_db_is_read_only (db));
    g_assert_false (xf_db_begin (db, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (xf_db_exec (db, "INSERT INTO organisations (uid, code, name, created_at, updated_at) "
                                    "VALUES ('u', 'c', 'n', 0, 0)", &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_READ_ONLY);
  }
}

static void
test_transaction_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (":memory:", &error);
  XfDb *db = xf_store_get_db (store);
  g_autoptr(XfDbStmt) stmt = NULL;

  g_assert_true (xf_db_begin (db, &error));
  stmt = xf_db_prepare (db, "INSERT INTO organisations (uid, code, name, created_at, updated_at) "
                            "VALUES ($1, $2, $3, 0, 0)", &error);
  g_assert_no_error (error);
  xf_db_stmt_bind_text (stmt, 1, "u1");
  xf_db_stmt_bind_text (stmt, 2, "code");
  xf_db_stmt_bind_text (stmt, 3, "name");
  g_assert_true (xf_db_stmt_run (stmt, &error));
  /* The same unique code again fails… */
  xf_db_stmt_bind_text (stmt, 1, "u2");
  xf_db_stmt_bind_text (stmt, 2, "code");
  xf_db_stmt_bind_text (stmt, 3, "name");
  g_assert_false (xf_db_stmt_run (stmt, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  xf_db_rollback (db);
  /* …and rolling back leaves nothing of the first insert either. */
  g_assert_cmpint (xf_db_query_int64 (db, "SELECT count(*) FROM organisations", -1, NULL), ==, 0);
  g_assert_false (xf_db_in_transaction (db));
}

static void
insert_organisation (XfDb       *db,
                     const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "INSERT INTO organisations (uid, code, name, created_at, updated_at) "
                                                "VALUES ($1, $1, $1, 0, 0)", &error);

  g_assert_no_error (error);
  xf_db_stmt_bind_text (stmt, 1, code);
  g_assert_true (xf_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
}

/* A repository's write: its own transaction, or a savepoint inside a
 * caller's that undoes only itself. */
static void
test_nested_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (":memory:", &error);
  XfDb *db = xf_store_get_db (store);
  gboolean nested = TRUE;

  g_assert_true (xf_db_begin_write (db, "test_write", &nested, &error));
  g_assert_false (nested);
  insert_organisation (db, "own");
  g_assert_true (xf_db_commit_write (db, "test_write", nested, &error));
  g_assert_false (xf_db_in_transaction (db));

  g_assert_true (xf_db_begin (db, &error));
  insert_organisation (db, "caller");
  g_assert_true (xf_db_begin_write (db, "test_write", &nested, &error));
  g_assert_true (nested);
  insert_organisation (db, "undone");
  xf_db_rollback_write (db, "test_write", nested);
  g_assert_true (xf_db_in_transaction (db));
  g_assert_true (xf_db_begin_write (db, "test_write", &nested, &error));
  insert_organisation (db, "kept");
  g_assert_true (xf_db_commit_write (db, "test_write", nested, &error));
  g_assert_true (xf_db_in_transaction (db));
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (xf_db_query_int64 (db, "SELECT count(*) FROM organisations WHERE code IN "
                                          "('own', 'caller', 'kept')", -1, NULL), ==, 3);
  g_assert_cmpint (xf_db_query_int64 (db, "SELECT count(*) FROM organisations WHERE code = 'undone'",
                                      -1, NULL), ==, 0);
}

static void
test_parameters_out_of_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (":memory:", &error);
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), "SELECT $2 || '-' || $1", &error);

  g_assert_no_error (error);
  xf_db_stmt_bind_text (stmt, 1, "one");
  xf_db_stmt_bind_text (stmt, 2, "two");
  g_assert_cmpint (xf_db_stmt_step (stmt, &error), ==, XF_DB_STEP_ROW);
  g_assert_cmpstr (xf_db_stmt_column_text (stmt, 0), ==, "two-one");
}

/* Ordered uids are valid UUIDs of version 7 and grow call by call. */
static void
test_ordered_uids (void)
{
  g_autofree char *previous = xf_store_new_ordered_uid ();
  gint64 ms = g_get_real_time () / 1000;

  g_assert_true (g_uuid_string_is_valid (previous));
  g_assert_cmpint (previous[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", previous[19]));
  /* The first 48 bits are the time in milliseconds. */
  {
    char digits[13];
    gint64 stamp;

    memcpy (digits, previous, 8);
    memcpy (digits + 8, previous + 9, 4);
    digits[12] = '\0';
    stamp = g_ascii_strtoll (digits, NULL, 16);
    g_assert_cmpint (ABS (stamp - ms), <=, 1000);
  }
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *next = xf_store_new_ordered_uid ();

      g_assert_true (g_uuid_string_is_valid (next));
      g_assert_cmpstr (previous, <, next);
      g_free (previous);
      previous = g_steal_pointer (&next);
    }
}

/* Display names never carry a password, in the user part or in the query
 * (libpq takes both). */
static void
test_location_strips_passwords (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "postgresql://clerk:secret@db.example/xf", "postgresql://clerk@db.example/xf" },
    { "postgresql://clerk@db.example/xf?password=secret", "postgresql://clerk@db.example/xf" },
    { "postgresql://db.example/xf?password=secret&sslmode=require", "postgresql://db.example/xf?sslmode=require" },
    { "postgresql://db.example/xf?sslmode=require&password=secret", "postgresql://db.example/xf?sslmode=require" },
    { "postgresql://a:b@db.example/xf?connect_timeout=5&password=s&sslmode=require",
      "postgresql://a@db.example/xf?connect_timeout=5&sslmode=require" },
    { "postgresql://db.example/xf?passwordless=1", "postgresql://db.example/xf?passwordless=1" },
    { "/home/clerk/xianfeng.db", "/home/clerk/xianfeng.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = xf_db_location_strip_password (cases[i].in);

      g_assert_cmpstr (shown, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/open-memory", test_open_memory);
  g_test_add_func ("/core/store/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/core/store/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/core/store/garbage-file-refused", test_garbage_file_refused);
  g_test_add_func ("/core/store/truncated-file-refused", test_truncated_file_refused);
  g_test_add_func ("/core/store/foreign-database-refused", test_foreign_database_refused);
  g_test_add_func ("/core/store/missing-file-not-created", test_missing_file_not_created);
  g_test_add_func ("/core/store/read-only-refuses-writes", test_read_only_refuses_writes);
  g_test_add_func ("/core/store/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/core/store/nested-write", test_nested_write);
  g_test_add_func ("/core/store/parameters-out-of-order", test_parameters_out_of_order);
  g_test_add_func ("/core/store/ordered-uids", test_ordered_uids);
  g_test_add_func ("/core/store/location-strips-passwords", test_location_strips_passwords);

  return g_test_run ();
}
