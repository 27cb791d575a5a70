/* xf-copy-pg.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-copy"

#include "config.h"

#include "xf-copy-private.h"
#include "xf-demo-private.h"

/*
 * Loading a PostgreSQL database fast: COPY into tables without their
 * secondary indexes and user triggers (the search triggers that fill
 * pioneer_grams row by row, the statement triggers that NOTIFY other
 * desks), then each index built once, sorted, and the derived data filled
 * by one statement. Constraint indexes and foreign keys stay and keep
 * checking. All of it is DDL inside the destination's transaction, which
 * PostgreSQL rolls back like any change.
 */

struct _XfCopyPg
{
  XfDb      *db;
  GPtrArray *indexes;   /* CREATE INDEX statements to run again */
};

void
_xf_copy_pg_free (XfCopyPg *pg)
{
  if (pg == NULL)
    return;
  g_clear_object (&pg->db);
  g_clear_pointer (&pg->indexes, g_ptr_array_unref);
  g_free (pg);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCopyPg, _xf_copy_pg_free)

/* "'a', 'b'" or "a, b" from our own constant table names. */
static char *
join_tables (const char * const *tables,
             guint               n_tables,
             gboolean            quoted)
{
  GString *list = g_string_new (NULL);

  for (guint t = 0; t < n_tables; t++)
    g_string_append_printf (list, quoted ? "%s'%s'" : "%s%s", t > 0 ? ", " : "", tables[t]);
  return g_string_free (list, FALSE);
}

static gboolean
exec_printf (XfDb        *db,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
exec_printf (XfDb        *db,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return xf_db_exec (db, sql, error);
}

/* Other desks may read meanwhile, but nobody writes between the check
 * that the tables are empty and the commit. */
gboolean
_xf_copy_pg_lock (XfDb               *db,
                  const char * const *tables,
                  guint               n_tables,
                  GError            **error)
{
  g_autofree char *list = join_tables (tables, n_tables, FALSE);

  /* More memory for building the indexes and sorting the name pieces. */
  return exec_printf (db, error, "LOCK TABLE %s IN EXCLUSIVE MODE", list) &&
         xf_db_exec (db, "SET LOCAL maintenance_work_mem = '256MB'", error) &&
         xf_db_exec (db, "SET LOCAL work_mem = '64MB'", error);
}

XfCopyPg *
_xf_copy_pg_set_aside (XfDb               *db,
                       const char * const *tables,
                       guint               n_tables,
                       GError            **error)
{
  g_autoptr(XfCopyPg) pg = g_new0 (XfCopyPg, 1);
  g_autofree char *list = join_tables (tables, n_tables, TRUE);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (xf_db_in_transaction (db), NULL);

  pg->db = g_object_ref (db);
  pg->indexes = g_ptr_array_new_with_free_func (g_free);

  /* Plain indexes of our tables in the current schema; unique ones and
   * those behind a constraint stay, so that every check still runs. */
  sql = g_strdup_printf ("SELECT i.relname, pg_get_indexdef (i.oid) "
                         "FROM pg_index x "
                         "JOIN pg_class i ON i.oid = x.indexrelid "
                         "JOIN pg_class t ON t.oid = x.indrelid "
                         "JOIN pg_namespace n ON n.oid = t.relnamespace "
                         "WHERE n.nspname = current_schema () AND t.relname IN (%s) "
                         "AND NOT x.indisunique "
                         "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
                         "ORDER BY i.relname",
                         list);
  if (!_xf_demo_bulk_save_and_drop (db, sql, "INDEX", pg->indexes, error))
    return NULL;
  for (guint t = 0; t < n_tables; t++)
    if (!exec_printf (db, error, "ALTER TABLE %s DISABLE TRIGGER USER", tables[t]))
      return NULL;
  return g_steal_pointer (&pg);
}

/* The pioneer_grams trigger's own rule (the schema's function
 * pioneer_grams_of), for every pioneer at once; sorted, so the primary
 * key grows in order. */
static gboolean
fill_grams (XfDb    *db,
            GError **error)
{
  if (!xf_db_has_table (db, "pioneer_grams"))
    return TRUE;
  return xf_db_exec (db, "TRUNCATE pioneer_grams", error) &&
         xf_db_exec (db,
                     "INSERT INTO pioneer_grams (gram, pioneer_id) "
                     "SELECT g, p.id FROM pioneers p, pioneer_grams_of (p.name) AS g ORDER BY 1, 2",
                     error);
}

gboolean
_xf_copy_pg_restore (XfCopyPg           *pg,
                     const char * const *tables,
                     const char * const *keys,
                     guint               n_tables,
                     GError            **error)
{
  XfDb *db = pg->db;
  g_autofree char *list = join_tables (tables, n_tables, FALSE);
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 0; i < pg->indexes->len; i++)
    {
      const char *sql = g_ptr_array_index (pg->indexes, i);

      if (!xf_db_exec (db, sql, error))
        return FALSE;
      g_debug ("%.2f s: %s", g_timer_elapsed (timer, NULL), sql);
      g_timer_start (timer);
    }
  for (guint t = 0; t < n_tables; t++)
    if (!exec_printf (db, error, "ALTER TABLE %s ENABLE TRIGGER USER", tables[t]))
      return FALSE;
  if (!fill_grams (db, error))
    return FALSE;
  g_debug ("%.2f s: the name pieces", g_timer_elapsed (timer, NULL));
  g_timer_start (timer);

  /* Fresh statistics, so the first searches get good plans. */
  if (!exec_printf (db, error, "ANALYZE %s", list))
    return FALSE;
  g_debug ("%.2f s: ANALYZE", g_timer_elapsed (timer, NULL));

  /* Ids were copied, not drawn: the next drawn id must come after them.
   * (Sequences ignore rollbacks; a rolled-back copy leaves only a gap.)
   * Other keys (audit_log's seq) are never drawn from a sequence. */
  for (guint t = 0; t < n_tables; t++)
    {
      if (g_strcmp0 (keys[t], "id") != 0)
        continue;

      g_autofree char *sql =
        g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'), "
                         "coalesce (max (id), 0) + 1, false) FROM %s",
                         tables[t], tables[t]);
      g_autoptr(GError) local_error = NULL;

      xf_db_query_int64 (db, sql, 0, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  /* The statement triggers were off: tell other desks once, as they would. */
  return xf_db_exec (db, "SELECT pg_notify ('xianfeng_changes', current_schema ())", error);
}
