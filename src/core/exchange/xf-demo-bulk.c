/* xf-demo-bulk.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include "xf-calendar.h"
#include "xf-copy-private.h"
#include "xf-demo-private.h"
#include "xf-error.h"

/*
 * A million rows go in several times faster when the secondary indexes
 * are built once, sorted, at the end instead of growing row by row, and
 * when the search tables (FTS5 trigram index, name pieces) are filled in
 * one statement each instead of by a trigger per row.
 *
 * All of it is DDL inside the caller's transaction, which SQLite allows:
 * a rollback brings back every index and trigger as they were. The SQL of
 * what is dropped is read from the schema and run again unchanged, so
 * the schema stays the migrations' business. On PostgreSQL the copy's
 * own means do the same (xf-copy-private.h): indexes dropped and made
 * again, user triggers off (ALTER TABLE is transactional there too), the
 * name pieces filled in one statement.
 */

/* The tables the demo fills, and their integer keys, for the copy's means. */
static const char * const pg_tables[] = { "pioneers", "honours" };
static const char * const pg_keys[] = { "id", "id" };

struct _XfDemoBulk
{
  XfDb      *db;
  GPtrArray *indexes;    /* CREATE INDEX statements to run again */
  GPtrArray *triggers;   /* CREATE TRIGGER statements to run again */
  gboolean   fts;        /* pioneers_fts exists: rebuild it */
  gboolean   grams;      /* pioneer_grams is fed by triggers we dropped: fill it */
  XfCopyPg  *pg;         /* PostgreSQL: what the copy set aside */
};

void
_xf_demo_bulk_free (XfDemoBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_clear_object (&bulk->db);
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->triggers, g_ptr_array_unref);
  g_clear_pointer (&bulk->pg, _xf_copy_pg_free);
  g_free (bulk);
}

/* Collects (name, sql) pairs of a schema query, then drops each. */
gboolean
_xf_demo_bulk_save_and_drop (XfDb        *db,
                             const char  *query,
                             const char  *drop_kind,
                             GPtrArray   *saved,
                             GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  XfDbStep step;

  stmt = xf_db_prepare (db, query, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_ptr_array_add (names, xf_db_stmt_dup_text (stmt, 0));
      g_ptr_array_add (saved, xf_db_stmt_dup_text (stmt, 1));
    }
  if (step != XF_DB_STEP_DONE)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP %s \"%s\"", drop_kind,
                                              (char *) g_ptr_array_index (names, i));

      if (!xf_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

XfDemoBulk *
_xf_demo_bulk_begin (XfDb    *db,
                     GError **error)
{
  g_autoptr(XfDemoBulk) bulk = g_new0 (XfDemoBulk, 1);

  g_return_val_if_fail (xf_db_in_transaction (db), NULL);

  bulk->db = g_object_ref (db);
  bulk->indexes = g_ptr_array_new_with_free_func (g_free);
  bulk->triggers = g_ptr_array_new_with_free_func (g_free);
  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    {
      bulk->pg = _xf_copy_pg_set_aside (db, pg_tables, G_N_ELEMENTS (pg_tables), error);
      return bulk->pg != NULL ? g_steal_pointer (&bulk) : NULL;
    }

  bulk->fts = xf_db_has_table (db, "pioneers_fts");
  /* Name pieces are refilled below by the same rule as their triggers;
   * other triggers we know nothing about stay and run per row. */
  bulk->grams = xf_db_has_table (db, "pioneer_grams") && xf_db_has_table (db, "gram_positions");

  /* Named indexes only: the automatic ones behind UNIQUE stay and keep checking. */
  if (!_xf_demo_bulk_save_and_drop (db,
                                    "SELECT name, sql FROM sqlite_master "
                                    "WHERE type = 'index' AND sql IS NOT NULL "
                                    "AND tbl_name IN ('pioneers', 'honours') ORDER BY name",
                                    "INDEX", bulk->indexes, error))
    return NULL;
  if (!_xf_demo_bulk_save_and_drop (db,
                                    bulk->grams
                                    ? "SELECT name, sql FROM sqlite_master "
                                      "WHERE type = 'trigger' AND tbl_name = 'pioneers' "
                                      "AND (sql LIKE '%pioneers_fts%' "
                                      "OR sql LIKE '%pioneer_grams%') ORDER BY name"
                                    : "SELECT name, sql FROM sqlite_master "
                                      "WHERE type = 'trigger' AND tbl_name = 'pioneers' "
                                      "AND sql LIKE '%pioneers_fts%' ORDER BY name",
                                    "TRIGGER", bulk->triggers, error))
    return NULL;
  return g_steal_pointer (&bulk);
}

gboolean
_xf_demo_bulk_finish (XfDemoBulk          *bulk,
                      XfDemoBulkStepFunc   step,
                      gpointer             user_data,
                      GError             **error)
{
  XfDb *db = bulk->db;
  g_autoptr(GTimer) timer = g_timer_new ();
  double indexes_s, fts_s;
  gint64 cache_size;
  gboolean ok = TRUE;

  if (bulk->pg != NULL)
    {
      if (!_xf_copy_pg_restore (bulk->pg, pg_tables, pg_keys, G_N_ELEMENTS (pg_tables), error))
        return FALSE;
      step (0.85, user_data);
      return TRUE;
    }

  /* CREATE INDEX sorts in memory lists as large as the page cache. The
   * callers raise that to hundreds of megabytes for the rows; one list
   * that size is merge-sorted through cache misses, while 4 MB runs fit
   * the processor's cache and their merge streams: a third less CPU per
   * index at a million rows. The callers' size comes back afterwards. */
  cache_size = xf_db_query_int64 (db, "PRAGMA cache_size", 0, NULL);
  if (cache_size != 0)
    xf_db_exec (db, "PRAGMA cache_size = -4096", NULL);
  for (guint i = 0; ok && i < bulk->indexes->len; i++)
    {
      ok = xf_db_exec (db, g_ptr_array_index (bulk->indexes, i), error);
      if (ok)
        step (0.40 * (i + 1) / bulk->indexes->len, user_data);
    }
  if (cache_size != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

      xf_db_exec (db, sql, NULL);
    }
  if (!ok)
    return FALSE;
  indexes_s = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);

  step (0.40, user_data);

  /* A bigger in-memory hash (default 1 MB) writes fewer, larger segments
   * and halves the rebuild; the default comes back for everyday writes. */
  if (bulk->fts &&
      (!xf_db_exec (db, "INSERT INTO pioneers_fts (pioneers_fts, rank) VALUES ('hashsize', 67108864)", error) ||
       !xf_db_exec (db, "INSERT INTO pioneers_fts (pioneers_fts) VALUES ('rebuild')", error) ||
       !xf_db_exec (db, "INSERT INTO pioneers_fts (pioneers_fts, rank) VALUES ('hashsize', 1048576)", error)))
    return FALSE;
  fts_s = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  step (0.70, user_data);

  /* The rule of the pioneer_grams triggers: every one- and two-character
   * piece of the lower-cased name. Sorted first, so the key grows in order. */
  if (bulk->grams &&
      (!xf_db_exec (db,
                    "INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id) "
                    "SELECT substr (lower (p.name), g.n, 1), p.id FROM pioneers p "
                    "JOIN gram_positions g ON g.n <= length (p.name) ORDER BY 1, 2",
                    error) ||
       !xf_db_exec (db,
                    "INSERT OR IGNORE INTO pioneer_grams (gram, pioneer_id) "
                    "SELECT substr (lower (p.name), g.n, 2), p.id FROM pioneers p "
                    "JOIN gram_positions g ON g.n < length (p.name) ORDER BY 1, 2",
                    error)))
    return FALSE;
  g_debug ("Rebuilt %u indexes in %.2f s, the full-text index in %.2f s, the name pieces in %.2f s",
           bulk->indexes->len, indexes_s, fts_s, g_timer_elapsed (timer, NULL));
  step (0.85, user_data);

  for (guint i = 0; i < bulk->triggers->len; i++)
    if (!xf_db_exec (db, g_ptr_array_index (bulk->triggers, i), error))
      return FALSE;
  return TRUE;
}

gboolean
_xf_demo_check_none (XfDb        *db,
                     const char  *count_sql,
                     const char  *refusal,
                     GError     **error)
{
  gint64 existing = xf_db_query_int64 (db, count_sql, -1, error);

  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW, refusal);
      return FALSE;
    }
  return TRUE;
}

void
_xf_demo_restore_today (const char *saved)
{
  if (saved != NULL)
    g_setenv ("XIANFENG_TODAY", saved, TRUE);
  else
    g_unsetenv ("XIANFENG_TODAY");
}

char *
_xf_demo_day_text (const GDate *today,
                   int          ago)
{
  GDate date = *today;

  if (ago > 0)
    g_date_subtract_days (&date, (guint) ago);
  else if (ago < 0)
    g_date_add_days (&date, (guint) -ago);
  return xf_date_format (&date);
}

int
_xf_demo_compare_planned (int   ago_a,
                          guint seq_a,
                          int   ago_b,
                          guint seq_b)
{
  if (ago_a != ago_b)
    return ago_b - ago_a;
  return (seq_a > seq_b) - (seq_a < seq_b);
}
