/* test-demo.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "xf-accounts.h"
#include "xf-care.h"
#include "xf-demo.h"
#include "xf-demo-evaluation.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-nomination.h"
#include "xf-reference.h"
#include "xf-registry-list.h"
#include "xf-store.h"
#include "xf-test-store.h"

static XfStore *
open_store (void)
{
  return xf_test_open_store ();
}

static void
generate (XfStore *store,
          guint    pioneers,
          guint    collectives,
          guint64  seed)
{
  g_autoptr(GError) error = NULL;
  XfDemoOptions options = { pioneers, collectives, seed };
  gboolean ok;

  ok = xf_demo_generate (store, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
count (XfStore    *store,
       const char *sql)
{
  return xf_test_query_int64 (store, sql);
}

/* SHA-256 over every column of every row of a query, in order. */
static char *
hash_query (XfStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), sql, &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  XfDbStep step;

  g_assert_no_error (error);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    for (int i = 0; i < xf_db_stmt_column_count (stmt); i++)
      {
        const char *text = xf_db_stmt_column_text (stmt, i);

        g_checksum_update (checksum, (const guchar *) (text ? text : "\x01NULL"), -1);
        g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, XF_DB_STEP_DONE);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
hash_registry (XfStore *store)
{
  g_autofree char *pioneers = hash_query (store, "SELECT * FROM pioneers ORDER BY id");
  g_autofree char *honours = hash_query (store, "SELECT * FROM honours ORDER BY id");

  return g_strconcat (pioneers, ":", honours, NULL);
}

static void
test_demo_counts (void)
{
  g_autoptr(XfStore) store = open_store ();

  generate (store, 300, 100, 7);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers"), ==, 400);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE kind = 'individual'"), ==, 300);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE kind = 'collective'"), ==, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM organisations"), ==, 27);
  /* Every file names an organisation, an industry and a township of the city. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE organisation_id IS NULL "
                                 "OR industry IS NULL OR length (region_code) <> 9"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE introduction IS NULL "
                                 "OR deeds IS NULL OR contribution IS NULL OR skills IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT uid) FROM pioneers"), ==, 400);
  g_assert_cmpint (count (store, "SELECT count(*) FROM honours"), >, 300);
}

static void
test_demo_individuals_valid (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  XfReference *reference = xf_reference_get_default (&error);
  guint n = 0;

  g_assert_no_error (error);
  generate (store, 300, 100, 7);
  stmt = xf_db_prepare (xf_store_get_db (store),
                        "SELECT id_number, gender, birth_date, region_code, mobile, name, ethnicity, "
                        "education, political_status, employer, position "
                        "FROM pioneers WHERE kind = 'individual'", &error);
  g_assert_no_error (error);
  while (xf_db_stmt_step (stmt, &error) == XF_DB_STEP_ROW)
    {
      XfIdentityFacts facts;
      const char *id_number = xf_db_stmt_column_text (stmt, 0);
      const char *region = xf_db_stmt_column_text (stmt, 3);
      const char *name = xf_db_stmt_column_text (stmt, 5);
      glong name_chars = g_utf8_strlen (name, -1);
      int age = 2026 - atoi (xf_db_stmt_column_text (stmt, 2));

      g_assert_true (xf_identity_check_id_number (id_number, &facts, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (facts.gender, ==, xf_db_stmt_column_text (stmt, 1));
      g_assert_cmpstr (facts.birth_date, ==, xf_db_stmt_column_text (stmt, 2));
      g_assert_true (g_str_has_prefix (region, facts.region_code));
      g_assert_true (xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, region));
      g_assert_true (xf_identity_check_mobile (xf_db_stmt_column_text (stmt, 4), &error));
      g_assert_no_error (error);
      g_assert_cmpint (name_chars, >=, 2);
      g_assert_cmpint (name_chars, <=, 4);
      g_assert_cmpint (age, >=, 22);
      g_assert_cmpint (age, <=, 71);
      g_assert_true (xf_reference_is_valid (reference, XF_REFERENCE_ETHNICITIES, xf_db_stmt_column_text (stmt, 6)));
      g_assert_true (xf_reference_is_valid (reference, XF_REFERENCE_EDUCATION, xf_db_stmt_column_text (stmt, 7)));
      g_assert_true (xf_reference_is_valid (reference, XF_REFERENCE_POLITICAL_STATUS,
                                            xf_db_stmt_column_text (stmt, 8)));
      g_assert_nonnull (xf_db_stmt_column_text (stmt, 9));
      g_assert_nonnull (xf_db_stmt_column_text (stmt, 10));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 300);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT id_number) FROM pioneers"), ==, 300);
}

static void
test_demo_collectives_valid (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  guint n = 0;

  generate (store, 300, 100, 7);
  stmt = xf_db_prepare (xf_store_get_db (store),
                        "SELECT credit_code, collective_kind, leader, size, gender, id_number "
                        "FROM pioneers WHERE kind = 'collective'", &error);
  g_assert_no_error (error);
  while (xf_db_stmt_step (stmt, &error) == XF_DB_STEP_ROW)
    {
      g_assert_true (xf_identity_check_credit_code (xf_db_stmt_column_text (stmt, 0), &error));
      g_assert_no_error (error);
      g_assert_nonnull (xf_db_stmt_column_text (stmt, 1));
      g_assert_nonnull (xf_db_stmt_column_text (stmt, 2));
      g_assert_cmpint (xf_db_stmt_column_int64 (stmt, 3), >=, 5);
      g_assert_true (xf_db_stmt_column_is_null (stmt, 4));
      g_assert_true (xf_db_stmt_column_is_null (stmt, 5));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 100);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT credit_code) FROM pioneers"), ==, 100);
}

/* The tier is the highest honour's level (national first); no honour → cultivation. */
static void
test_demo_tiers_consistent (void)
{
  g_autoptr(XfStore) store = open_store ();

  generate (store, 300, 100, 7);
  g_assert_cmpint (count (store,
                          "SELECT count(*) FROM pioneers p WHERE honours_count <> "
                          "(SELECT count(*) FROM honours h WHERE h.pioneer_id = p.id)"), ==, 0);
  g_assert_cmpint (count (store,
                          "SELECT count(*) FROM pioneers p WHERE tier <> coalesce ("
                          "(SELECT h.level FROM honours h WHERE h.pioneer_id = p.id ORDER BY "
                          "CASE h.level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 "
                          "WHEN 'city' THEN 2 ELSE 3 END LIMIT 1), 'cultivation')"), ==, 0);
  g_assert_cmpint (count (store,
                          "SELECT count(*) FROM pioneers WHERE tier_rank <> CASE tier "
                          "WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2 "
                          "WHEN 'county' THEN 3 ELSE 4 END"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM honours WHERE year < 2005 OR year > 2026 "
                                 "OR certificate_no = '' OR conferring_body = ''"), ==, 0);
  g_assert_cmpint (count (store, "SELECT max (honours_count) FROM pioneers"), <=, 4);
}

/* A bigger sample has the shape the brief asks for. */
static void
test_demo_distribution (void)
{
  g_autoptr(XfStore) store = open_store ();
  gint64 n = 4000;

  generate (store, (guint) n, 0, 11);
  /* About 62 % men. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE gender = 'male'") * 100 / n, >=, 57);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE gender = 'male'") * 100 / n, <=, 67);
  /* Most are 35–55. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE "
                                 "2026 - CAST (substr (birth_date, 1, 4) AS INTEGER) BETWEEN 35 AND 56") * 100 / n,
                   >=, 55);
  /* Tiers: national ~2 %, cultivation ~25 %, county the largest. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE tier = 'national'") * 1000 / n, <=, 40);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE tier = 'national'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE tier = 'cultivation'") * 100 / n, >=, 20);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE tier = 'cultivation'") * 100 / n, <=, 30);
  g_assert_cmpint (count (store, "SELECT tier_rank FROM pioneers GROUP BY tier_rank ORDER BY count(*) DESC LIMIT 1"),
                   ==, 3);
  /* A manufacturing city: section C leads, the union nominates most. */
  g_assert_cmpint (count (store, "SELECT industry = 'C' FROM pioneers GROUP BY industry "
                                 "ORDER BY count(*) DESC LIMIT 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT o.code = 'union' FROM pioneers p JOIN organisations o "
                                 "ON o.id = p.organisation_id GROUP BY o.code ORDER BY count(*) DESC LIMIT 1"), ==, 1);
  /* Han most; names repeat surnames but not every full name. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers WHERE ethnicity = '01'") * 100 / n, >=, 95);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT name) FROM pioneers") * 100 / n, >=, 60);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT substr (name, 1, 1)) FROM pioneers"), >=, 50);
}

/* The registry's search finds the file @id by @text. */
static void
assert_search_finds (XfStore    *store,
                     const char *text,
                     gint64      id)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = NULL;
  guint n;
  gboolean found = FALSE;

  xf_registry_query_set_text (query, text);
  list = xf_registry_list_new (registry, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      found = xf_pioneer_get_id (item) == id;
    }
  g_assert_true (found);
}

/* The search index is complete after the bulk load (on SQLite: the
 * full-text index, with its triggers back). */
static void
test_demo_search_ready (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  generate (store, 300, 100, 7);

  stmt = xf_db_prepare (xf_store_get_db (store),
                        "SELECT id, employer FROM pioneers WHERE kind = 'individual' ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_db_stmt_step (stmt, &error), ==, XF_DB_STEP_ROW);
  id = xf_db_stmt_column_int64 (stmt, 0);
  name = xf_db_stmt_dup_text (stmt, 1);
  g_clear_pointer (&stmt, xf_db_stmt_free);
  assert_search_finds (store, name, id);

  /* The name pieces filled in bulk are exactly what the registry's own
   * triggers write: cleared, then renaming every file to itself makes them again. */
  if (xf_db_has_table (xf_store_get_db (store), "pioneer_grams"))
    {
      g_autofree char *bulk = hash_query (store, "SELECT * FROM pioneer_grams ORDER BY 1, 2");
      g_autofree char *by_trigger = NULL;

      g_assert_cmpint (count (store, "SELECT count(*) FROM pioneer_grams"), >, 400 * 3);
      g_assert_true (xf_db_exec (xf_store_get_db (store), "DELETE FROM pioneer_grams", &error));
      g_assert_no_error (error);
      g_assert_true (xf_db_exec (xf_store_get_db (store), "UPDATE pioneers SET name = name", &error));
      g_assert_no_error (error);
      by_trigger = hash_query (store, "SELECT * FROM pioneer_grams ORDER BY 1, 2");
      g_assert_cmpstr (bulk, ==, by_trigger);
    }

  /* The rest looks into SQLite's own tables. */
  if (xf_test_using_postgresql ())
    return;

  g_assert_cmpint (count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                 "AND sql LIKE '%pioneers_fts%'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers_fts"), ==, 400);

  stmt = xf_db_prepare (xf_store_get_db (store),
                        "SELECT count(*) FROM pioneers_fts WHERE pioneers_fts MATCH $1 AND rowid = $2", &error);
  g_assert_no_error (error);
  {
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
    xf_db_stmt_bind_text (stmt, 1, quoted);
  }
  xf_db_stmt_bind_int64 (stmt, 2, id);
  g_assert_cmpint (xf_db_stmt_step (stmt, &error), ==, XF_DB_STEP_ROW);
  g_assert_cmpint (xf_db_stmt_column_int64 (stmt, 0), ==, 1);
}

static void
test_demo_deterministic (void)
{
  g_autoptr(XfStore) a = open_store ();
  g_autoptr(XfStore) b = open_store ();
  g_autoptr(XfStore) c = open_store ();
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_c = NULL;

  generate (a, 300, 100, 7);
  generate (b, 300, 100, 7);
  generate (c, 300, 100, 8);
  /* Organisations are loaded with the store's own uids and times: compare the registry. */
  hash_a = hash_registry (a);
  hash_b = hash_registry (b);
  hash_c = hash_registry (c);
  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, !=, hash_c);
}

static void
test_demo_refuses_non_empty (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  XfDemoOptions options;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  generate (store, 20, 5, 3);
  before = hash_registry (store);
  xf_demo_options_init (&options);
  g_assert_false (xf_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_nonnull (strstr (error->message, "25"));
  after = hash_registry (store);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint64       last_done;
  guint64       total;
  gboolean      monotonic;
} ProgressLog;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  log->calls++;
  log->monotonic &= done >= log->last_done && done <= total;
  log->last_done = done;
  log->total = total;
  if (log->cancellable != NULL && done > 2000)
    g_cancellable_cancel (log->cancellable);
}

static void
test_demo_progress (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  XfDemoOptions options = { 3000, 500, 5 };
  ProgressLog log = { NULL, 0, 0, 0, TRUE };

  g_assert_true (xf_demo_generate (store, &options, progress_cb, &log, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, >=, 10);
  g_assert_cmpuint (log.calls, <=, 110);
  g_assert_true (log.monotonic);
  g_assert_cmpuint (log.last_done, ==, log.total);
}

static void
test_demo_cancel (void)
{
  g_autoptr(XfStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  XfDemoOptions options = { 6000, 100, 5 };
  ProgressLog log = { cancellable, 0, 0, 0, TRUE };

  g_assert_false (xf_demo_generate (store, &options, progress_cb, &log, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM honours"), ==, 0);
  /* The rollback brought SQLite's full-text triggers back too. */
  if (!xf_test_using_postgresql ())
    g_assert_cmpint (count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                   "AND sql LIKE '%pioneers_fts%'"), ==, 3);
  g_assert_false (xf_db_in_transaction (xf_store_get_db (store)));

  /* And the database takes demo data afterwards. */
  generate (store, 10, 2, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pioneers"), ==, 12);
}

/* A database on disk (or on the server), closed and opened again, holds
 * what was written. */
static void
test_demo_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-demo-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *hash = NULL;

  g_assert_no_error (error);
  path = xf_test_database_location (dir, "demo.db");
  {
    g_autoptr(XfStore) store = xf_store_open (path, &error);

    g_assert_no_error (error);
    generate (store, 200, 50, 9);
    hash = hash_registry (store);
  }
  {
    g_autoptr(XfStore) store = xf_store_open (path, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = hash_registry (store);
    g_assert_cmpstr (hash, ==, again);
  }
  if (!xf_test_using_postgresql ())
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
    }
  g_rmdir (dir);
}

/*
 * Evaluation
 */

#define DEMO_TODAY "2026-11-20"

/* The honour allowance's budget cut to ¥300,000 and a quota of 40 people
 * (the catalogue seeded first): the demo must read its limits from the
 * programme, whatever they are. */
static void
limit_care_budgets (XfStore *store)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfCare) care = xf_care_new (registry);
  g_autoptr(GPtrArray) programmes = xf_care_list_programmes (care, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (programmes);
  g_assert_true (xf_db_exec (xf_store_get_db (store), "UPDATE care_programmes SET yearly_budget = 30000000,"
                             " yearly_quota = 40 WHERE code = 'honour-allowance'", &error));
  g_assert_no_error (error);
}

/* A registry with the demo accounts and the evaluation demo, as of DEMO_TODAY. */
static XfStore *
open_evaluation_demo (guint64 seed)
{
  XfStore *store = open_store ();
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("XIANFENG_TODAY"));

  generate (store, 1500, 50, seed);
  g_assert_true (xf_accounts_create_demo (accounts, &error));
  g_assert_no_error (error);
  limit_care_budgets (store);
  g_setenv ("XIANFENG_TODAY", DEMO_TODAY, TRUE);
  g_assert_true (xf_demo_generate_evaluation (store, seed, &error));
  g_assert_no_error (error);
  /* Put back as it was. */
  g_assert_cmpstr (g_getenv ("XIANFENG_TODAY"), ==, DEMO_TODAY);
  if (saved != NULL)
    g_setenv ("XIANFENG_TODAY", saved, TRUE);
  else
    g_unsetenv ("XIANFENG_TODAY");
  return store;
}

/* One evaluation demo for the tests that only read it: each costs seconds. */
static XfStore *evaluation_store;

static XfStore *
get_evaluation_demo (void)
{
  if (evaluation_store == NULL)
    evaluation_store = open_evaluation_demo (4);
  return evaluation_store;
}

static void
test_demo_evaluation (void)
{
  XfStore *store = get_evaluation_demo ();
  const char * const *stages = xf_stage_all ();
  gint64 last_year;

  /* Last year's city campaign, closed; four open ones this year, the city
   * one copied from it. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM campaigns"), ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM campaigns WHERE status = 'open' AND year = 2026"), ==, 4);
  last_year = count (store, "SELECT id FROM campaigns WHERE status = 'closed' AND year = 2025 "
                            "AND title = '2025年度湖州市劳动模范'");
  g_assert_cmpint (count (store, "SELECT copied_from FROM campaigns WHERE title = '2026年度湖州市劳动模范'"),
                   ==, last_year);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations"), <=, 300);

  /* Every stage, each open stage with a due date on its timeline row. */
  for (guint i = 0; stages[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM nominations WHERE stage = '%s'", stages[i]);

      if (count (store, sql) == 0)
        g_error ("No demo nomination is in the stage “%s”", stages[i]);
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_stages s JOIN nominations n "
                                 "ON n.id = s.nomination_id WHERE s.left_on IS NULL "
                                 "AND n.stage IN ('preliminary', 'committee', 'notice', 'decision') "
                                 "AND s.due_on IS NULL"), ==, 0);
  /* One open stage per nomination under way; a final stage is left as it
   * is entered. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_stages WHERE left_on IS NULL"), ==,
                   count (store, "SELECT count(*) FROM nominations WHERE decided_on IS NULL"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_stages s JOIN nominations n "
                                 "ON n.id = s.nomination_id AND s.stage = n.stage "
                                 "WHERE n.decided_on IS NULL AND s.left_on IS NULL"), ==,
                   count (store, "SELECT count(*) FROM nominations WHERE decided_on IS NULL"));
  /* Last year's are all decided. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations n JOIN campaigns c ON c.id = n.campaign_id "
                                 "WHERE c.status = 'closed' AND n.decided_on IS NULL"), ==, 0);

  /* Ages: some overdue, some due soon (as of the demo's today). */
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_stages WHERE left_on IS NULL "
                                 "AND due_on < '" DEMO_TODAY "'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_stages WHERE left_on IS NULL "
                                 "AND due_on >= '" DEMO_TODAY "' AND due_on <= '2026-11-24'"), >, 0);

  /* Rounds: closed ones with results, and the city campaign's open one,
   * where some members have voted and the chair has not. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM review_rounds WHERE status = 'closed'"), >=, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM review_rounds r JOIN campaigns c ON c.id = r.campaign_id "
                                 "WHERE r.status = 'open' AND c.title = '2026年度湖州市劳动模范'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT v.account_id) FROM review_votes v "
                                 "JOIN review_rounds r ON r.id = v.round_id WHERE r.status = 'open'"), >=, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM review_votes v JOIN review_rounds r ON r.id = v.round_id "
                                 "JOIN accounts a ON a.id = v.account_id "
                                 "WHERE r.status = 'open' AND a.login = 'reviewer'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM review_reminders"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM review_declarations WHERE conflict = 1"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nomination_materials"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM accounts WHERE login LIKE 'reviewer_'"), ==, 6);

  /* Conferred: the honour is in the pioneer's file, and the tier shows it. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations WHERE stage = 'conferred'"), >=, 10);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations n JOIN honours h ON h.id = n.honour_id "
                                 "WHERE n.stage = 'conferred' AND h.pioneer_id = n.pioneer_id"), ==,
                   count (store, "SELECT count(*) FROM nominations WHERE stage = 'conferred'"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations n JOIN pioneers p ON p.id = n.pioneer_id "
                                 "JOIN campaigns c ON c.id = n.campaign_id WHERE n.stage = 'conferred' "
                                 "AND c.level = 'city' AND p.tier IN ('cultivation', 'county')"), ==, 0);
}

/* Every campaign that reached notice has its notice; one running on the
 * demo's today, closed ones, a corrected revision, objections handled
 * every way, and a second notice after the upheld one. */
static void
test_demo_notices (void)
{
  XfStore *store = get_evaluation_demo ();

  g_assert_cmpint (count (store, "SELECT count(*) FROM campaigns c WHERE EXISTS "
                                 "(SELECT 1 FROM nomination_stages s JOIN nominations n ON n.id = s.nomination_id "
                                 " WHERE n.campaign_id = c.id AND s.stage = 'notice') "
                                 "AND NOT EXISTS (SELECT 1 FROM notices t WHERE t.campaign_id = c.id)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM notices"), >=, 5);
  /* Every nomination that was in notice was on a notice; those in notice
   * now are on the running one; those past it went on when theirs closed. */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT s.nomination_id) FROM nomination_stages s "
                                 "WHERE s.stage = 'notice' AND NOT EXISTS (SELECT 1 FROM notice_candidates c "
                                 "WHERE c.nomination_id = s.nomination_id)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations n WHERE n.stage = 'notice' AND NOT EXISTS "
                                 "(SELECT 1 FROM notice_candidates c JOIN notices t ON t.id = c.notice_id "
                                 " WHERE c.nomination_id = n.id AND t.status = 'published')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM nominations n WHERE n.stage IN ('decision', 'conferred', "
                                 "'declined') AND NOT EXISTS (SELECT 1 FROM notice_candidates c "
                                 "JOIN notices t ON t.id = c.notice_id WHERE c.nomination_id = n.id "
                                 "AND c.result = 'decision' AND t.status = 'closed')"), ==, 0);

  /* Running on the demo's today, with its period in working days. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM notices WHERE status = 'published' "
                                 "AND starts_on <= '" DEMO_TODAY "' AND ends_on >= '" DEMO_TODAY "' "
                                 "AND period_days = 5 AND contact_phone <> ''"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM notices WHERE status = 'closed' "
                                 "AND closed_on > ends_on"), >=, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM notices WHERE status = 'draft'"), ==, 0);
  /* A correction, and the revision it replaced still on record. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM notices r JOIN notices w ON w.id = r.revision_of "
                                 "WHERE r.revision = 2 AND w.status = 'withdrawn' "
                                 "AND w.withdrawn_reason <> ''"), ==, 1);

  /* Objections on several candidates: dismissed with the reply sent, one
   * upheld, one still open with its handler. */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT nomination_id) FROM objections"), >=, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objections WHERE outcome = 'dismissed' "
                                 "AND reply <> '' AND reply_sent_on >= decided_on"), >=, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objections WHERE status = 'open' "
                                 "AND handler_account_id IS NOT NULL AND due_on >= received_on"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objections WHERE anonymous = 1 "
                                 "AND objector_name = ''"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objection_notes"), >=, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objection_files"), >=, 1);

  /* The upheld one sent its candidate back to the committee, which
   * selected it again for the second notice (二次公示) that follows. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM objections WHERE outcome = 'upheld-return'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM objections o "
                                 "JOIN notice_candidates c ON c.notice_id = o.notice_id "
                                 "AND c.nomination_id = o.nomination_id "
                                 "JOIN notices f ON f.follows = o.notice_id "
                                 "JOIN notice_candidates fc ON fc.notice_id = f.id "
                                 "AND fc.nomination_id = o.nomination_id "
                                 "WHERE o.outcome = 'upheld-return' AND c.result = 'returned' "
                                 "AND fc.result = 'decision' AND f.status = 'closed'"), ==, 1);

  /* Audited like every write. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE record_type = 'notice'"), >=, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE record_type = 'objection'"), >=, 5);
}

/*
 * Cultivation and care (schema 8)
 */

static const char * const care_tables[] = {
  "cultivation_plans", "cultivation_goals", "cultivation_reviews", "training_courses",
  "training_participants", "care_programmes", "care_profiles", "care_batches", "care_batch_members",
  "hardship_cases", "hardship_payments", "care_visits", "care_records", "care_views",
};

/* At least one row of @table where @condition holds. */
static void
assert_some (XfStore    *store,
             const char *table,
             const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table, condition);

  if (count (store, sql) == 0)
    g_error ("No demo row of %s where %s", table, condition);
}

static void
assert_every_status (XfStore            *store,
                     const char         *table,
                     const char         *column,
                     const char * const *statuses)
{
  for (guint i = 0; statuses[i] != NULL; i++)
    {
      g_autofree char *condition = g_strdup_printf ("%s = '%s'", column, statuses[i]);

      assert_some (store, table, condition);
    }
}

static void
test_demo_care_cultivation (void)
{
  static const char * const plan_statuses[] = { "active", "nominated", "achieved", "closed", NULL };
  static const char * const results[] = { "enrolled", "passed", "failed", "absent", NULL };
  static const char * const course_statuses[] = { "planned", "held", "cancelled", NULL };
  XfStore *store = get_evaluation_demo ();
  gint64 plans = count (store, "SELECT count(*) FROM cultivation_plans");

  g_assert_cmpint (plans, >=, 6);
  g_assert_cmpint (plans, <=, 20);
  assert_every_status (store, "cultivation_plans", "status", plan_statuses);
  /* Six goals each, some milestones overdue, a mentor for all. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM cultivation_goals"), ==, plans * 6);
  assert_some (store, "cultivation_goals", "kind = 'milestone' AND achieved_on IS NULL AND due_on < '" DEMO_TODAY "'");
  g_assert_cmpint (count (store, "SELECT count(*) FROM cultivation_plans WHERE mentor_id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cultivation_plans WHERE apprenticeship_id IS NOT NULL"), <=, 1);
  assert_some (store, "cultivation_reviews", "ready = 1 AND year = 2026");
  /* The nominated one started a draft in this year's open city campaign. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM cultivation_plans p JOIN nominations n ON n.id = p.nomination_id "
                                 "JOIN campaigns c ON c.id = n.campaign_id WHERE p.status = 'nominated' "
                                 "AND n.pioneer_id = p.pioneer_id AND c.status = 'open' AND c.level = 'city'"), ==, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM training_courses"), ==, 5);
  assert_every_status (store, "training_courses", "status", course_statuses);
  assert_every_status (store, "training_participants", "result", results);
  g_assert_cmpint (count (store, "SELECT count(*) FROM training_participants WHERE score < 0 OR score > 100 "
                                 "OR hours < 0"), ==, 0);
}

static void
test_demo_care_batches (void)
{
  static const char * const batch_statuses[] = { "draft", "inviting", "closed", "cancelled", NULL };
  static const char * const member_statuses[] = {
    "listed", "invited", "accepted", "waitlisted", "declined", "attended", "absent", "removed", NULL,
  };
  XfStore *store = get_evaluation_demo ();

  g_assert_cmpint (count (store, "SELECT count(*) FROM care_programmes WHERE active = 1"), >=, 5);
  assert_some (store, "care_profiles", "retired_on IS NOT NULL");
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_profiles WHERE hardship = 1"), >=, 2);
  assert_every_status (store, "care_batches", "status", batch_statuses);
  assert_every_status (store, "care_batch_members", "status", member_statuses);
  /* No programme's batches pass its yearly quota. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_programmes p WHERE p.yearly_quota > 0 AND p.yearly_quota < "
                                 "(SELECT coalesce (sum (b.places), 0) FROM care_batches b WHERE b.programme_id = p.id "
                                 "AND b.year = 2026 AND b.status <> 'cancelled')"), ==, 0);
  /* No programme spends more than its budget, last year or this (the
   * honour allowance paid everyone eligible, twice its budget). */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM care_programmes p WHERE p.yearly_budget > 0 AND p.yearly_budget < "
        "(SELECT coalesce (sum (r.amount), 0) FROM care_records r WHERE r.programme_id = p.id "
        "AND substr (r.on_date, 1, 4) = '%d')", 2025 + (int) i);

      g_assert_cmpint (count (store, sql), ==, 0);
    }
  /* Nor serves more people by hand than its quota (the allowance: 40). */
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_programmes p WHERE p.yearly_quota > 0 AND p.yearly_quota < "
                                 "(SELECT count(*) FROM care_records r WHERE r.programme_id = p.id AND r.batch_id IS NULL "
                                 "AND r.case_id IS NULL AND substr (r.on_date, 1, 4) = '2026')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_records r JOIN care_programmes p ON p.id = r.programme_id "
                                 "WHERE p.code = 'honour-allowance' AND substr (r.on_date, 1, 4) = '2026'"), ==, 40);
  /* Nor grants more hardship support than its budget and quota allow. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_programmes p WHERE p.kind = 'hardship' AND "
                                 "((p.yearly_budget > 0 AND p.yearly_budget < (SELECT coalesce (sum (h.granted_amount), 0) "
                                 "FROM hardship_cases h WHERE h.programme_id = p.id AND h.year = 2026 "
                                 "AND h.status IN ('approved', 'paid'))) OR (p.yearly_quota > 0 AND p.yearly_quota < "
                                 "(SELECT count(*) FROM hardship_cases h WHERE h.programme_id = p.id AND h.year = 2026 "
                                 "AND h.status IN ('approved', 'paid'))))"), ==, 0);
  /* No batch holds more than its places; each attendance wrote a record. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_batches b WHERE b.places < (SELECT count(*) "
                                 "FROM care_batch_members m WHERE m.batch_id = b.id "
                                 "AND m.status IN ('accepted', 'attended', 'absent'))"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_records WHERE batch_id IS NOT NULL"), ==,
                   count (store, "SELECT count(*) FROM care_batch_members WHERE status = 'attended'"));
  /* Records from last year and this, so the gap views find people. */
  assert_some (store, "care_records", "on_date LIKE '2025-%'");
  assert_some (store, "care_records", "on_date LIKE '2026-%'");
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_records WHERE amount < 0 OR on_date > '" DEMO_TODAY "'"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_views"), >=, 3);
}

static void
test_demo_care_support (void)
{
  static const char * const case_statuses[] = {
    "applied", "assessed", "approved-first", "approved", "paid", "rejected", "withdrawn", NULL,
  };
  static const char * const visit_statuses[] = { "planned", "done", "cancelled", NULL };
  XfStore *store = get_evaluation_demo ();

  assert_every_status (store, "hardship_cases", "status", case_statuses);
  /* Three people: the assessor, the first approver and the final one. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM hardship_cases WHERE first_approved_by = assessed_by "
                                 "OR approved_by = first_approved_by"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM hardship_cases WHERE granted_amount > assessed_amount "
                                 "OR assessed_amount > requested_amount"), ==, 0);
  /* Paid cases paid in full, the others not beyond their grant. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM hardship_cases c WHERE c.status = 'paid' AND c.granted_amount <> "
                                 "(SELECT sum (p.amount) FROM hardship_payments p WHERE p.case_id = c.id)"), ==, 0);
  assert_some (store, "hardship_cases", "status = 'approved' AND id IN (SELECT case_id FROM hardship_payments)");
  assert_some (store, "hardship_cases", "year = 2025");
  g_assert_cmpint (count (store, "SELECT count(*) FROM care_records WHERE case_id IS NOT NULL"), ==,
                   count (store, "SELECT count(*) FROM hardship_payments"));

  assert_every_status (store, "care_visits", "status", visit_statuses);
  assert_some (store, "care_visits", "status = 'planned' AND planned_on < '" DEMO_TODAY "'");
  assert_some (store, "care_visits", "status = 'planned' AND planned_on > '" DEMO_TODAY "'");
  assert_some (store, "care_records", "visit_id IS NOT NULL");
}

/* What a second run must give again: every column but uids and times. */
static const char * const care_checks[] = {
  "SELECT pioneer_id, target_title, target_level, target_year, mentor_id, starts_on, status, nomination_id "
  "FROM cultivation_plans ORDER BY id",
  "SELECT plan_id, kind, title, due_on, achieved_on FROM cultivation_goals ORDER BY id",
  "SELECT plan_id, year, reviewed_on, rating, ready FROM cultivation_reviews ORDER BY id",
  "SELECT course_id, pioneer_id, hours, result, score, certificate FROM training_participants ORDER BY id",
  "SELECT pioneer_id, retired_on, hardship, hardship_since FROM care_profiles ORDER BY pioneer_id",
  "SELECT programme_id, year, title, places, starts_on, status FROM care_batches ORDER BY id",
  "SELECT batch_id, pioneer_id, status, answered_on, position FROM care_batch_members ORDER BY id",
  "SELECT pioneer_id, category, requested_amount, status, granted_amount FROM hardship_cases ORDER BY id",
  "SELECT case_id, paid_on, amount, reference FROM hardship_payments ORDER BY id",
  "SELECT pioneer_id, purpose, planned_on, status, done_on, amount FROM care_visits ORDER BY id",
  "SELECT pioneer_id, programme_id, on_date, amount, batch_id, visit_id, case_id FROM care_records ORDER BY id",
};

static void
assert_same_care (XfStore *a,
                  XfStore *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (care_checks); i++)
    {
      g_autofree char *hash_a = hash_query (a, care_checks[i]);
      g_autofree char *hash_b = hash_query (b, care_checks[i]);

      g_test_message ("%s", care_checks[i]);
      g_assert_cmpstr (hash_a, ==, hash_b);
    }
}

static void
test_demo_care_tables (void)
{
  XfStore *store = get_evaluation_demo ();

  for (guint i = 0; i < G_N_ELEMENTS (care_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", care_tables[i]);
      gint64 rows = count (store, sql);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", care_tables[i], rows);
      if (rows == 0)
        g_error ("The demo left %s empty", care_tables[i]);
    }
  /* Every step audited. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE record_type = 'hardship-case'"), >=, 12);
}

static void
test_demo_evaluation_deterministic (void)
{
  const char *sql = "SELECT n.campaign_id, n.pioneer_id, n.nominating_unit, n.stage, n.stage_since, "
                    "n.submitted_on, n.decided_on, n.final_score, n.rank FROM nominations n ORDER BY n.id";
  XfStore *a = get_evaluation_demo ();
  g_autoptr(XfStore) b = open_evaluation_demo (4);
  g_autofree char *hash_a = hash_query (a, sql);
  g_autofree char *hash_b = hash_query (b, sql);
  g_autofree char *scores_a = hash_query (a, "SELECT round_id, nomination_id, account_id, criterion, score "
                                             "FROM review_scores ORDER BY 1, 2, 3, 4");
  g_autofree char *scores_b = hash_query (b, "SELECT round_id, nomination_id, account_id, criterion, score "
                                             "FROM review_scores ORDER BY 1, 2, 3, 4");
  const char *notices_sql = "SELECT t.campaign_id, t.title, t.status, t.revision, t.revision_of, t.follows, "
                            "t.starts_on, t.ends_on, t.closed_on, c.nomination_id, c.position, c.result "
                            "FROM notices t JOIN notice_candidates c ON c.notice_id = t.id ORDER BY t.id, c.position";
  const char *objections_sql = "SELECT notice_id, nomination_id, received_on, channel, status, outcome, "
                               "decided_on, reply_sent_on FROM objections ORDER BY id";
  g_autofree char *notices_a = hash_query (a, notices_sql);
  g_autofree char *notices_b = hash_query (b, notices_sql);
  g_autofree char *objections_a = hash_query (a, objections_sql);
  g_autofree char *objections_b = hash_query (b, objections_sql);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (scores_a, ==, scores_b);
  g_assert_cmpstr (notices_a, ==, notices_b);
  g_assert_cmpstr (objections_a, ==, objections_b);
  assert_same_care (a, b);

  /* Once only. */
  g_assert_false (xf_demo_generate_evaluation (b, 4, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/counts", test_demo_counts);
  g_test_add_func ("/core/demo/individuals-valid", test_demo_individuals_valid);
  g_test_add_func ("/core/demo/collectives-valid", test_demo_collectives_valid);
  g_test_add_func ("/core/demo/tiers-consistent", test_demo_tiers_consistent);
  g_test_add_func ("/core/demo/distribution", test_demo_distribution);
  g_test_add_func ("/core/demo/search-ready", test_demo_search_ready);
  g_test_add_func ("/core/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/core/demo/refuses-non-empty", test_demo_refuses_non_empty);
  g_test_add_func ("/core/demo/progress", test_demo_progress);
  g_test_add_func ("/core/demo/cancel", test_demo_cancel);
  g_test_add_func ("/core/demo/file", test_demo_file);
  g_test_add_func ("/core/demo/evaluation", test_demo_evaluation);
  g_test_add_func ("/core/demo/notices", test_demo_notices);
  g_test_add_func ("/core/demo/care-tables", test_demo_care_tables);
  g_test_add_func ("/core/demo/care-cultivation", test_demo_care_cultivation);
  g_test_add_func ("/core/demo/care-batches", test_demo_care_batches);
  g_test_add_func ("/core/demo/care-support", test_demo_care_support);
  g_test_add_func ("/core/demo/evaluation-deterministic", test_demo_evaluation_deterministic);

  status = g_test_run ();
  g_clear_object (&evaluation_store);
  return status;
}
