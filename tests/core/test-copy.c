/* test-copy.c — copying a whole database, within and across backends
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <string.h>

#include "xf-audit.h"
#include "xf-copy.h"
#include "xf-accounts.h"
#include "xf-demo.h"
#include "xf-demo-evaluation.h"
#include "xf-error.h"
#include "xf-registry-list.h"
#include "xf-store.h"
#include "xf-test-care-rows.h"
#include "xf-test-files.h"
#include "xf-test-store.h"
#include "xf-test-tables.h"

/*
 * One SQLite source for every test: demo data (more than one batch of
 * pioneers), plus audit trail entries whose text COPY must escape, an
 * account with grants, and an organisation whose parent has a
 * higher id, so that rows cannot simply go in id order with every foreign
 * key checked at once.
 */

static char *tmp_dir;
static char *source_path;

static void
exec (XfDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  xf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static const char * const tricky_texts[] = {
  "tab\there", "two\nlines", "back\\slash", "\\N", "", "carriage\rreturn", "劳模 ✓ \\t",
};

static void
make_source (void)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (source_path);
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;
  XfDemoOptions options = { 5600, 900, 11 };
  gint64 top;

  xf_demo_generate (store, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (xf_db_begin (db, &error));
  exec (db, "PRAGMA defer_foreign_keys = ON");
  top = xf_test_query_int64 (store, "SELECT max(id) FROM organisations");
  {
    g_autofree char *child = g_strdup_printf (
      "INSERT INTO organisations (id, uid, code, name, parent_id, created_at, updated_at) "
      "VALUES (%" G_GINT64_FORMAT ", 'copy-child', 'COPY-C', '子组织', %" G_GINT64_FORMAT ", 1, 2)",
      top + 1, top + 2);
    g_autofree char *parent = g_strdup_printf (
      "INSERT INTO organisations (id, uid, code, name, created_at, updated_at) "
      "VALUES (%" G_GINT64_FORMAT ", 'copy-parent', 'COPY-P', '上级组织', 1, 2)", top + 2);

    exec (db, child);
    exec (db, parent);
  }
  exec (db, "INSERT INTO accounts (id, uid, login, display_name, password_hash, created_at, updated_at) "
            "VALUES (7, 'acct-uid', 'clerk.deqing', '德清办事员', '$argon2id$x', 1, 2)");
  exec (db, "INSERT INTO account_grants (account_id, role, scope, value) VALUES "
            "(7, 'clerk', 'region', '330521'), (7, 'auditor', 'all', '')");
  /* A remembered import mapping (schema 7), with Chinese headers. */
  exec (db, "INSERT INTO import_mappings (header_key, kind, headers, mapping, created_at, updated_at) "
            "VALUES ('0123abcd', 'individuals', '[\"姓名\",\"备注\"]', '[\"name\",null]', 1, 2)");
  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    {
      g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();

      g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "uid-1",
                                             tricky_texts[i], "deeds", i % 2 == 0 ? NULL : "",
                                             tricky_texts[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  /* Every evaluation table gets rows: campaigns, committees, nominations
   * with their timelines, materials and vetting, rounds with scores, votes
   * and reminders. */
  {
    g_autoptr(XfAccounts) accounts = xf_accounts_new (store);

    g_assert_true (xf_accounts_create_demo (accounts, &error));
    g_assert_no_error (error);
    g_assert_true (xf_demo_generate_evaluation (store, 11, &error));
    g_assert_no_error (error);
  }

  /* Cultivation and care (schema 8), with text and money to carry over. */
  xf_test_add_care_rows (store);

  /* The ranking tables come from the demo too: its engagement events, the
   * default weights and the twelve frozen months before today. */
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM monthly_rankings"), ==, 12);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM index_weight_sets"), ==, 1);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM ranking_entries"), >, 12 * 20);
}

/* The frozen scores, bit for bit: reals need 17 digits on the way (15
 * would turn 41.666666666666671 into 41.6666666666667). At least one of
 * them needs more than 15, so the check can fail. */

static void
assert_results_match (GPtrArray *results,
                      XfStore   *source)
{
  const char * const *tables = xf_copy_get_tables ();

  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, g_strv_length ((char **) tables));
  for (guint i = 0; i < results->len; i++)
    {
      XfCopyTableResult *result = g_ptr_array_index (results, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_assert_cmpstr (result->table, ==, tables[i]);
      g_assert_cmpint (result->source_rows, ==, xf_test_query_int64 (source, sql));
      g_assert_cmpint (result->destination_rows, ==, result->source_rows);
    }
}

/* What a rollback must leave alone besides the rows: indexes and triggers. */
static char *
schema_signature (XfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  XfDbStep step;

  if (xf_db_get_backend (xf_store_get_db (store)) == XF_DB_BACKEND_POSTGRESQL)
    stmt = xf_db_prepare (xf_store_get_db (store),
                          "SELECT c.relname || ':' || c.relkind::text FROM pg_class c "
                          "JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = current_schema () "
                          "UNION ALL SELECT t.tgname || ':' || t.tgenabled::text FROM pg_trigger t "
                          "JOIN pg_class c ON c.oid = t.tgrelid "
                          "JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = current_schema () AND NOT t.tgisinternal ORDER BY 1",
                          &error);
  else
    stmt = xf_db_prepare (xf_store_get_db (store),
                          "SELECT type || ':' || name FROM sqlite_master ORDER BY 1", &error);
  g_assert_no_error (error);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    g_string_append_printf (out, "%s\n", xf_db_stmt_column_text (stmt, 0));
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, XF_DB_STEP_DONE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}


static void
test_sqlite_to_sqlite (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(XfStore) source = NULL;
  g_autoptr(XfStore) copy = NULL;
  g_autofree char *source_schema = NULL;
  g_autofree char *copy_schema = NULL;

  results = xf_copy_database (source_path, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  source = xf_test_open_store_at (source_path);
  copy = xf_test_open_store_at (path);
  assert_results_match (results, source);
  xf_test_assert_same_rows (source, copy);
  xf_test_assert_same_scores (source, copy);
  xf_test_assert_same_search (source, copy);
  xf_test_assert_same_database (source, copy);

  /* Every index and trigger is back, and the search tables are full. */
  source_schema = schema_signature (source);
  copy_schema = schema_signature (copy);
  g_assert_cmpstr (copy_schema, ==, source_schema);
  g_assert_cmpint (xf_test_query_int64 (copy, "SELECT count(*) FROM pioneer_grams"), ==,
                   xf_test_query_int64 (source, "SELECT count(*) FROM pioneer_grams"));
  /* No row: no violation. */
  g_assert_cmpint (xf_test_query_int64 (copy, "PRAGMA foreign_key_check"), ==, -1);
}

static int
table_index (const char * const *tables,
             const char         *name)
{
  for (int t = 0; tables[t] != NULL; t++)
    if (g_str_equal (tables[t], name))
      return t;
  return -1;
}

/* Every table of the schema is copied or rebuilt: a schema that adds a
 * table must add it to the copy (xf-copy.c) too. */
static void
test_every_table (void)
{
  static const char * const derived[] = {
    "pioneer_grams", "gram_positions", "pioneers_fts", NULL,
  };
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  const char * const *tables = xf_copy_get_tables ();
  guint n_schema = 0;
  XfDbStep step;

  stmt = xf_db_prepare (xf_store_get_db (source),
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'pioneers_fts_%' ORDER BY 1",
                        &error);
  g_assert_no_error (error);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    {
      const char *name = xf_db_stmt_column_text (stmt, 0);

      if (g_strv_contains (derived, name))
        continue;
      g_test_message ("schema table %s", name);
      g_assert_true (g_strv_contains (tables, name));
      n_schema++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, XF_DB_STEP_DONE);
  g_assert_cmpuint (n_schema, ==, g_strv_length ((char **) tables));

  /* Schema 4's tables come after what they refer to. */
  g_assert_cmpint (table_index (tables, "notices"), >, table_index (tables, "campaigns"));
  g_assert_cmpint (table_index (tables, "notice_candidates"), >, table_index (tables, "notices"));
  g_assert_cmpint (table_index (tables, "notice_candidates"), >, table_index (tables, "nominations"));
  g_assert_cmpint (table_index (tables, "objections"), >, table_index (tables, "notices"));
  g_assert_cmpint (table_index (tables, "objection_notes"), >, table_index (tables, "objections"));
  g_assert_cmpint (table_index (tables, "objection_files"), >, table_index (tables, "objections"));
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "full.db");
  g_autoptr(XfStore) destination = xf_test_open_store_at (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  XfDemoOptions options = { 20, 5, 3 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 rows;

  xf_demo_generate (destination, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = xf_test_all_rows (destination);
  before = schema_signature (destination);
  g_assert_cmpint (xf_test_query_int64 (destination, "SELECT count(*) FROM database_info"), ==, 1);

  results = xf_copy_database (source_path, location, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already holds 25 pioneers"));

  after = schema_signature (destination);
  g_assert_cmpint (xf_test_all_rows (destination), ==, rows);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xf_test_query_int64 (destination, "SELECT count(*) FROM pioneers"), ==, 25);
}

/* Organisations alone are what the app loads on a first start: they give
 * way to the source's. */
static void
test_replaces_organisations (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "organisations.db");
  g_autoptr(XfStore) destination = xf_test_open_store_at (location);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(XfRegistry) registry = xf_test_new_registry (destination);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (destination, "SELECT count(*) FROM organisations"), >, 0);

  results = xf_copy_database (source_path, location, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_results_match (results, source);
  g_assert_cmpint (xf_test_query_int64 (destination, "SELECT count(*) FROM organisations "
                                                    "WHERE code = 'COPY-P'"), ==, 1);
}

typedef struct
{
  GArray       *calls;        /* XfCopyProgress */
  GCancellable *cancel_in;    /* cancelled at the second batch of pioneers */
} ProgressLog;

static void
log_progress_cb (const XfCopyProgress *progress,
                 gpointer              user_data)
{
  ProgressLog *log = user_data;

  g_array_append_val (log->calls, *progress);
  if (log->cancel_in != NULL && g_str_equal (progress->table, "pioneers") && progress->rows_done > 0)
    g_cancellable_cancel (log->cancel_in);
}

static void
test_progress (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "progress.db");
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(XfStore) destination = xf_test_open_store_at (location);
  g_autofree char *before = schema_signature (destination);
  g_autofree char *after = NULL;
  const char * const *tables = xf_copy_get_tables ();
  ProgressLog log = { g_array_new (FALSE, FALSE, sizeof (XfCopyProgress)), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 total = xf_test_all_rows (source);
  guint table = 0;
  gint64 previous = 0;

  results = xf_copy_database (source_path, location, log_progress_cb, &log, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (log.calls->len, >=, 8);
  for (guint i = 0; i < log.calls->len; i++)
    {
      XfCopyProgress *p = &g_array_index (log.calls, XfCopyProgress, i);
      XfCopyProgress *before = i > 0 ? &g_array_index (log.calls, XfCopyProgress, i - 1) : NULL;

      g_assert_cmpint (p->all_total, ==, total);
      g_assert_cmpint (p->all_done, >=, previous);
      g_assert_cmpint (p->all_done, <=, p->all_total);
      g_assert_cmpint (p->rows_done, <=, p->rows_total);
      previous = p->all_done;

      /* Tables in the copy's order, each from 0 rows to all of them. */
      if (before == NULL || !g_str_equal (before->table, p->table))
        {
          if (before != NULL)
            {
              g_assert_cmpint (before->rows_done, ==, before->rows_total);
              table++;
            }
          g_assert_cmpstr (p->table, ==, tables[table]);
          g_assert_cmpint (p->rows_done, ==, 0);
        }
      else
        {
          g_assert_cmpint (p->rows_done, >, before->rows_done);
          g_assert_cmpint (p->rows_total, ==, before->rows_total);
        }
    }
  g_assert_cmpstr (tables[table + 1], ==, NULL);
  g_assert_cmpint (previous, ==, total);
  g_array_unref (log.calls);

  /* Every index the copy set aside is back, every trigger on again. */
  after = schema_signature (destination);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xf_test_all_rows (destination), ==, total);
}

static void
test_cancel (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "cancelled.db");
  g_autoptr(XfStore) destination = xf_test_open_store_at (location);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ProgressLog log = { g_array_new (FALSE, FALSE, sizeof (XfCopyProgress)), cancellable };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *before = schema_signature (destination);
  g_autofree char *after = NULL;
  g_autofree char *before_uid = xf_test_query_text (destination, "SELECT value FROM database_info WHERE key = 'uid'");
  g_autofree char *after_uid = NULL;
  XfCopyProgress *last;

  results = xf_copy_database (source_path, location, log_progress_cb, &log, cancellable, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* It stopped right after the first batch of pioneers. */
  last = &g_array_index (log.calls, XfCopyProgress, log.calls->len - 1);
  g_assert_cmpstr (last->table, ==, "pioneers");
  g_assert_cmpint (last->rows_done, ==, 5000);
  g_assert_cmpint (last->rows_total, >, 5000);

  after = schema_signature (destination);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xf_test_record_rows (destination), ==, 0);
  after_uid = xf_test_query_text (destination, "SELECT value FROM database_info WHERE key = 'uid'");
  g_assert_cmpstr (after_uid, ==, before_uid);
  g_array_unref (log.calls);
}

static void
test_same_location (void)
{
  g_autofree char *dir = g_path_get_dirname (source_path);
  g_autofree char *base = g_path_get_basename (source_path);
  g_autofree char *other_spelling = g_build_filename (dir, ".", base, NULL);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  gint64 rows = xf_test_all_rows (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = xf_copy_database (source_path, other_spelling, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "both the source and the destination"));
  g_assert_cmpint (xf_test_all_rows (source), ==, rows);

  if (xf_test_using_postgresql ())
    {
      g_autofree char *server = xf_test_database_location (NULL, NULL);

      g_clear_error (&error);
      results = xf_copy_database (server, server, NULL, NULL, NULL, &error);
      g_assert_null (results);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    }
}

static void
test_missing_source (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.db", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "never.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = xf_copy_database (missing, path, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* SQLite → PostgreSQL → SQLite gives back every row, and the PostgreSQL
 * copy searches like the source and draws new ids after the copied ones. */
static void
test_postgresql_round_trip (void)
{
  g_autofree char *server = NULL;
  g_autofree char *back = g_build_filename (tmp_dir, "back.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(XfStore) source = NULL;
  g_autoptr(XfStore) copy = NULL;
  g_autoptr(XfStore) returned = NULL;
  gint64 max_id;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("Needs $XIANFENG_TEST_POSTGRESQL");
      return;
    }
  server = xf_test_database_location (NULL, NULL);

  there = xf_copy_database (source_path, server, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  source = xf_test_open_store_at (source_path);
  copy = xf_test_open_store_at (server);
  g_assert_cmpint (xf_db_get_backend (xf_store_get_db (copy)), ==, XF_DB_BACKEND_POSTGRESQL);
  assert_results_match (there, source);
  xf_test_assert_same_rows (source, copy);
  xf_test_assert_same_scores (source, copy);
  xf_test_assert_same_search (source, copy);
  xf_test_assert_same_database (source, copy);
  g_assert_cmpint (xf_test_query_int64 (copy, "SELECT count(*) FROM pioneer_grams"), ==,
                   xf_test_query_int64 (source, "SELECT count(*) FROM pioneer_grams"));

  again = xf_copy_database (server, back, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  returned = xf_test_open_store_at (back);
  assert_results_match (again, source);
  xf_test_assert_same_rows (source, returned);
  xf_test_assert_same_scores (source, returned);
  xf_test_assert_same_search (source, returned);
  xf_test_assert_same_database (source, returned);

  /* The sequences were moved past the copied ids. */
  max_id = xf_test_query_int64 (copy, "SELECT max(id) FROM account_grants");
  exec (xf_store_get_db (copy), "INSERT INTO account_grants (account_id, role, scope) VALUES (7, 'reviewer', 'all')");
  g_assert_cmpint (xf_test_query_int64 (copy, "SELECT max(id) FROM account_grants"), ==,
                   max_id + 1);
  exec (xf_store_get_db (copy), "INSERT INTO organisations (uid, code, name, created_at, updated_at) "
                                "VALUES ('new-org', 'NEW', '新组织', 1, 1)");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Verifying a copy records the audit trail's head: not in the user's
   * own state folder (set before GLib first reads it). */
  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  source_path = g_build_filename (tmp_dir, "source.db", NULL);
  make_source ();

  g_test_add_func ("/core/copy/every-table", test_every_table);
  g_test_add_func ("/core/copy/sqlite-to-sqlite", test_sqlite_to_sqlite);
  g_test_add_func ("/core/copy/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/core/copy/replaces-organisations", test_replaces_organisations);
  g_test_add_func ("/core/copy/progress", test_progress);
  g_test_add_func ("/core/copy/cancel", test_cancel);
  g_test_add_func ("/core/copy/same-location", test_same_location);
  g_test_add_func ("/core/copy/missing-source", test_missing_source);
  g_test_add_func ("/core/copy/postgresql-round-trip", test_postgresql_round_trip);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (source_path);
  g_free (tmp_dir);
  return status;
}
