/* xf-test-tables.c — comparing two whole databases, row by row
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-audit.h"
#include "xf-copy.h"
#include "xf-registry-list.h"
#include "xf-test-store.h"
#include "xf-test-tables.h"

void
xf_test_assert_same_scores (XfStore *a,
                            XfStore *b)
{
  const char *sql = "SELECT score FROM ranking_entries ORDER BY ranking_id, kind, rank";
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) sa = xf_db_prepare (xf_store_get_db (a), sql, &error);
  g_autoptr(XfDbStmt) sb = xf_db_prepare (xf_store_get_db (b), sql, &error);
  guint long_ones = 0;

  g_assert_no_error (error);
  while (xf_db_stmt_step (sa, &error) == XF_DB_STEP_ROW)
    {
      double x = xf_db_stmt_column_double (sa, 0);
      char short_form[32];

      g_assert_cmpint (xf_db_stmt_step (sb, &error), ==, XF_DB_STEP_ROW);
      g_assert_true (x == xf_db_stmt_column_double (sb, 0));
      g_snprintf (short_form, sizeof short_form, "%.15g", x);
      long_ones += g_ascii_strtod (short_form, NULL) != x;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (long_ones, >, 0);
}

/* The columns each table is read in order by. */
static const char *
table_key (const char *table)
{
  if (g_str_equal (table, "audit_log"))
    return "seq";
  if (g_str_equal (table, "database_info"))
    return "key";
  if (g_str_equal (table, "campaign_members"))
    return "campaign_id, account_id";
  if (g_str_equal (table, "round_nominations"))
    return "round_id, nomination_id";
  if (g_str_equal (table, "notice_candidates"))
    return "notice_id, nomination_id";
  if (g_str_equal (table, "service_feedback"))
    return "request_id";
  if (g_str_equal (table, "care_profiles"))
    return "pioneer_id";
  if (g_str_equal (table, "ranking_entries"))
    return "ranking_id, kind, rank";
  if (g_str_equal (table, "review_declarations") || g_str_equal (table, "review_votes"))
    return "round_id, nomination_id, account_id";
  if (g_str_equal (table, "review_scores"))
    return "round_id, nomination_id, account_id, criterion";
  return "id";
}

/* The same text, or the same number: SQLite writes a real 83 as "83.0",
 * PostgreSQL as "83", and SQLite's text keeps 15 significant digits where
 * PostgreSQL's keeps all (xf_test_assert_same_scores () compares the bits). */
static void
assert_same_value (const char *a,
                   const char *b)
{
  char *end_a, *end_b;
  double x, y;

  if (g_strcmp0 (a, b) == 0)
    return;
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  x = g_ascii_strtod (a, &end_a);
  y = g_ascii_strtod (b, &end_b);
  if (*a == '\0' || *end_a != '\0' || *b == '\0' || *end_b != '\0')
    g_assert_cmpstr (a, ==, b);
  /* 0.0 and 0: no epsilon is below a difference of nothing. */
  if (x != y)
    g_assert_cmpfloat_with_epsilon (x, y, fabs (x) * 1e-14);
}

/* Every row of every copied table, column by column, in key order. */
void
xf_test_assert_same_rows (XfStore *a,
                          XfStore *b)
{
  const char * const *tables = xf_copy_get_tables ();

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", tables[t], table_key (tables[t]));
      g_autoptr(GError) error = NULL;
      g_autoptr(XfDbStmt) sa = xf_db_prepare (xf_store_get_db (a), sql, &error);
      g_autoptr(XfDbStmt) sb = xf_db_prepare (xf_store_get_db (b), sql, &error);
      gint64 rows = 0;
      XfDbStep step;

      g_assert_no_error (error);
      while ((step = xf_db_stmt_step (sa, &error)) == XF_DB_STEP_ROW)
        {
          int n = xf_db_stmt_column_count (sa);

          g_assert_cmpint (xf_db_stmt_step (sb, &error), ==, XF_DB_STEP_ROW);
          g_assert_cmpint (xf_db_stmt_column_count (sb), ==, n);
          for (int i = 0; i < n; i++)
            {
              g_assert_cmpstr (xf_db_stmt_column_name (sa, i), ==, xf_db_stmt_column_name (sb, i));
              assert_same_value (xf_db_stmt_column_text (sa, i), xf_db_stmt_column_text (sb, i));
              g_assert_cmpint (xf_db_stmt_column_is_null (sa, i), ==, xf_db_stmt_column_is_null (sb, i));
            }
          rows++;
        }
      g_assert_no_error (error);
      g_assert_cmpint (step, ==, XF_DB_STEP_DONE);
      g_assert_cmpint (xf_db_stmt_step (sb, &error), ==, XF_DB_STEP_DONE);
      g_test_message ("%s: %" G_GINT64_FORMAT " rows alike", tables[t], rows);
      g_assert_cmpint (rows, >, 0);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids the registry's search finds for @text, sorted. */
static GArray *
search_ids (XfStore    *store,
            const char *text)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  xf_registry_query_set_text (query, text);
  list = xf_registry_list_new (registry, query);
  while (xf_registry_list_is_counting (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (xf_registry_list_get_error (list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = xf_pioneer_get_id (item);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

/* A surname, a given name, a whole name and part of an employer find
 * the same files in both: the copy's search data is complete. */
void
xf_test_assert_same_search (XfStore *source,
                            XfStore *copy)
{
  const char *queries[] = {
    /* a surname */
    "SELECT substr (name, 1, 1) FROM pioneers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    /* a given name */
    "SELECT substr (name, 2) FROM pioneers WHERE length (name) = 3 "
    "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    /* a whole name */
    "SELECT name FROM pioneers WHERE length (name) = 3 ORDER BY id DESC LIMIT 1",
    /* part of an employer */
    "SELECT substr (employer, 3, 4) FROM pioneers WHERE length (employer) >= 8 ORDER BY id LIMIT 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *text = xf_test_query_text (source, queries[i]);
      g_autoptr(GArray) expected = search_ids (source, text);
      g_autoptr(GArray) found = search_ids (copy, text);

      g_test_message ("“%s”: %u files", text, expected->len);
      g_assert_cmpuint (expected->len, >, 0);
      g_assert_cmpmem (found->data, found->len * sizeof (gint64),
                       expected->data, expected->len * sizeof (gint64));
    }
}

/* The rows of every table the copy goes through. */
gint64
xf_test_all_rows (XfStore *store)
{
  const char * const *tables = xf_copy_get_tables ();
  gint64 rows = 0;

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);

      rows += xf_test_query_int64 (store, sql);
    }
  return rows;
}

/* The same without database_info, which every database fills itself. */
gint64
xf_test_record_rows (XfStore *store)
{
  return xf_test_all_rows (store) - xf_test_query_int64 (store, "SELECT count(*) FROM database_info");
}

/* The copy is the same database moved: same uid, and its chain checks out. */
void
xf_test_assert_same_database (XfStore *source,
                              XfStore *copy)
{
  g_autofree char *source_uid = xf_test_query_text (source, "SELECT value FROM database_info WHERE key = 'uid'");
  g_autofree char *copy_uid = xf_test_query_text (copy, "SELECT value FROM database_info WHERE key = 'uid'");
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (copy_uid, ==, source_uid);
  result = xf_audit_verify (copy, admin, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->problem, ==, XF_AUDIT_OK);
  g_assert_cmpint (result->n_entries, ==, xf_test_query_int64 (source, "SELECT count(*) FROM audit_log"));
}
