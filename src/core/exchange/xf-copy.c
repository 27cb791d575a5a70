/* xf-copy.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-copy"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "xf-copy.h"
#include "xf-copy-private.h"
#include "xf-demo-private.h"
#include "xf-error.h"

/*
 * The copy reads the source in a snapshot (a read transaction), so that
 * its rows and counts do not move while they are read, and writes the
 * destination in one transaction. Rows travel as text in batches read by
 * keyset (id > last id), so memory stays flat whatever the size.
 *
 * Derived search data is not copied: on SQLite the indexes and search
 * triggers are set aside while the rows pour in and rebuilt in one pass
 * (xf-demo-bulk.c, the demo's own way); on PostgreSQL see xf-copy-pg.c.
 */

/*
 * Every table that holds records, in foreign-key order: each after the
 * tables it refers to. Later schemas add their tables here, with the
 * integer primary key by which each is read in batches (NULL: a table of a
 * few rows, read whole). Derived search tables (pioneers_fts,
 * pioneer_grams) are not listed: they are rebuilt.
 *
 * database_info goes with the rows: the copy is the same database moved
 * elsewhere, so it keeps its uid, and with it the audit trail's recorded
 * head (see xf-audit.h), which the copied chain still matches.
 */
static const char * const copy_tables[] = {
  "organisations",
  "pioneers",
  "honours",
  "accounts",
  "account_grants",
  "campaigns",
  "campaign_members",
  "nominations",
  "nomination_stages",
  "nomination_materials",
  "nomination_vettings",
  "review_rounds",
  "round_nominations",
  "review_declarations",
  "review_scores",
  "review_votes",
  "review_reminders",
  "notices",
  "notice_candidates",
  "objections",
  "objection_notes",
  "objection_files",
  "service_items",
  "service_offers",
  "service_requests",
  "service_claims",
  "service_request_events",
  "service_feedback",
  "apprenticeships",
  "apprenticeship_check_ins",
  "activities",
  "activity_participants",
  "engagement_events",
  "index_weight_sets",
  "monthly_rankings",
  "ranking_entries",
  "import_mappings",
  "audit_log",
  "database_info",
  NULL
};

static const char * const copy_keys[] = {
  "id",
  "id",
  "id",
  "id",
  "id",
  /* evaluation: tables keyed by (round, nomination, account) are read
   * whole, as a stream */
  "id",
  NULL,
  "id",
  "id",
  "id",
  "id",
  "id",
  NULL,
  NULL,
  NULL,
  NULL,
  "id",
  /* notice board: notices refer to earlier notices (corrections, second
   * notices), so reading by id keeps them in foreign-key order */
  "id",
  NULL,
  "id",
  "id",
  "id",
  /* services */
  "id",
  "id",
  "id",
  "id",
  "id",
  "request_id",
  "id",
  "id",
  "id",
  "id",
  "id",
  /* ranking */
  "id",
  "id",
  NULL,
  /* exchange */
  "id",
  "seq",
  NULL,
};

#define N_TABLES (G_N_ELEMENTS (copy_tables) - 1)

G_STATIC_ASSERT (G_N_ELEMENTS (copy_keys) == N_TABLES);

/* Rows per batch read from the source. */
#define BATCH_ROWS 5000

typedef struct
{
  XfStore            *source_store;
  XfStore            *destination_store;
  XfDb               *source;        /* (unowned) */
  XfDb               *destination;   /* (unowned) */
  gboolean            snapshot;      /* a read transaction is open on the source */
  gint64              source_rows[N_TABLES];
  XfCopyProgress      report;
  XfCopyProgressFunc  progress;
  gpointer            user_data;
  GCancellable       *cancellable;
  XfDemoBulk         *sqlite_bulk;   /* SQLite: indexes and search triggers set aside */
  XfCopyPg           *pg;            /* PostgreSQL: the same, its way */
} Copy;

static void
copy_clear (Copy *copy)
{
  if (copy->destination != NULL)
    xf_db_rollback (copy->destination);
  if (copy->snapshot)
    xf_db_exec (copy->source, "ROLLBACK", NULL);
  g_clear_pointer (&copy->sqlite_bulk, _xf_demo_bulk_free);
  g_clear_pointer (&copy->pg, _xf_copy_pg_free);
  g_clear_object (&copy->destination_store);
  g_clear_object (&copy->source_store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Copy, copy_clear)

static void
table_result_free (gpointer data)
{
  XfCopyTableResult *result = data;

  g_free (result->table);
  g_free (result);
}

static gint64
count_rows (XfDb        *db,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return xf_db_query_int64 (db, sql, -1, error);
}

/*
 * The source
 */

/* A read transaction: SQLite keeps the snapshot of its first read,
 * PostgreSQL needs REPEATABLE READ for one snapshot across statements. */
static gboolean
begin_snapshot (Copy    *copy,
                GError **error)
{
  const char *sql = xf_db_get_backend (copy->source) == XF_DB_BACKEND_POSTGRESQL
                    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    : "BEGIN";

  if (!xf_db_exec (copy->source, sql, error))
    return FALSE;
  copy->snapshot = TRUE;

  for (guint t = 0; t < N_TABLES; t++)
    {
      copy->source_rows[t] = count_rows (copy->source, copy_tables[t], error);
      if (copy->source_rows[t] < 0)
        return FALSE;
      copy->report.all_total += copy->source_rows[t];
    }
  return TRUE;
}

static void
end_snapshot (Copy *copy)
{
  if (copy->snapshot)
    xf_db_exec (copy->source, "COMMIT", NULL);
  copy->snapshot = FALSE;
}

/*
 * The destination
 */

/* Tables the destination fills by itself, which give way to the source's:
 * organisations are reference data the app loads on its first start, and
 * database_info holds the uid every new database gets. */
static gboolean
gives_way (const char *table)
{
  return g_str_equal (table, "organisations") || g_str_equal (table, "database_info");
}

/* Refuses a destination with records, but for tables that give way. */
static gboolean
check_destination_empty (Copy    *copy,
                         GError **error)
{
  const char *name = xf_db_get_display_name (copy->destination);
  gint64 giving_way[N_TABLES] = { 0 };

  for (guint t = 0; t < N_TABLES; t++)
    {
      const char *table = copy_tables[t];
      gint64 rows = count_rows (copy->destination, table, error);

      if (rows < 0)
        return FALSE;
      if (gives_way (table))
        giving_way[t] = rows;
      else if (rows > 0 && g_str_equal (table, "pioneers"))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The destination “%s” already holds %lld pioneer; "
                                    "copy only into an empty database",
                                    "The destination “%s” already holds %lld pioneers; "
                                    "copy only into an empty database",
                                    (gulong) rows),
                       name, (long long) rows);
          return FALSE;
        }
      else if (rows > 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The destination “%s” already holds %lld row in the table “%s”; "
                                    "copy only into an empty database",
                                    "The destination “%s” already holds %lld rows in the table “%s”; "
                                    "copy only into an empty database",
                                    (gulong) rows),
                       name, (long long) rows, table);
          return FALSE;
        }
    }

  /* Only once nothing else is there, so that no row still refers to them. */
  for (guint t = 0; t < N_TABLES; t++)
    if (giving_way[t] > 0)
      {
        g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", copy_tables[t]);

        g_debug ("Replacing the %" G_GINT64_FORMAT " rows of %s in %s", giving_way[t], copy_tables[t], name);
        if (!xf_db_exec (copy->destination, sql, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
begin_destination (Copy    *copy,
                   GError **error)
{
  XfDb *db = copy->destination;
  gboolean postgresql = xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL;

  if (!xf_db_begin (db, error))
    return FALSE;
  if (postgresql)
    {
      /* Locked first, so nobody writes between the check and the copy. */
      if (!_xf_copy_pg_lock (db, copy_tables, N_TABLES, error))
        return FALSE;
    }
  else
    {
      /* Rows go in id order, and an organisation may name a parent with
       * a higher id: foreign keys are checked at the commit instead. A
       * bigger page cache keeps the indexes in memory while they grow. */
      if (!xf_db_exec (db, "PRAGMA defer_foreign_keys = ON", error) ||
          !xf_db_exec (db, "PRAGMA cache_size = -262144", error))
        return FALSE;
    }

  if (!check_destination_empty (copy, error))
    return FALSE;

  if (postgresql)
    copy->pg = _xf_copy_pg_set_aside (db, copy_tables, N_TABLES, error);
  else
    copy->sqlite_bulk = _xf_demo_bulk_begin (db, error);
  return copy->pg != NULL || copy->sqlite_bulk != NULL;
}

static void
rebuild_step_cb (double   fraction,
                 gpointer user_data)
{
}

static gboolean
finish_destination (Copy    *copy,
                    GError **error)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean ok;

  if (copy->pg != NULL)
    ok = _xf_copy_pg_restore (copy->pg, copy_tables, copy_keys, N_TABLES, error);
  else
    ok = _xf_demo_bulk_finish (copy->sqlite_bulk, rebuild_step_cb, NULL, error);
  g_debug ("Rebuilt the indexes and search data in %.2f s", g_timer_elapsed (timer, NULL));
  return ok;
}

/*
 * Copying a table
 */

/* The table's columns, as the destination names them: both are at the
 * same schema version, so the source has the same ones. */
static GStrv
table_columns (XfDb        *db,
               const char  *table,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s LIMIT 0", table);
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int n;

  if (stmt == NULL)
    return NULL;
  /* A driver may learn the columns only when the statement runs. */
  n = xf_db_stmt_column_count (stmt);
  if (n == 0)
    {
      if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ERROR)
        return NULL;
      n = xf_db_stmt_column_count (stmt);
    }
  for (int i = 0; i < n; i++)
    g_strv_builder_add (builder, xf_db_stmt_column_name (stmt, i));
  return g_strv_builder_end (builder);
}

static char *
batch_query (XfDb               *source,
             const char         *table,
             const char         *key,
             const char * const *columns)
{
  GString *sql = g_string_new ("SELECT ");
  gboolean sqlite = xf_db_get_backend (source) == XF_DB_BACKEND_SQLITE;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_string_append (sql, i > 0 ? ", " : "");
      /* SQLite writes a real as text with 15 significant digits, which
       * loses the last bits of a score; 17 ("%!.17g") give it back exactly. */
      if (sqlite)
        g_string_append_printf (sql, "CASE WHEN typeof (\"%s\") = 'real' THEN printf ('%%!.17g', \"%s\")"
                                " ELSE \"%s\" END", columns[i], columns[i], columns[i]);
      else
        g_string_append_printf (sql, "\"%s\"", columns[i]);
    }
  if (key != NULL)
    g_string_append_printf (sql, " FROM %s WHERE %s > $1 ORDER BY %s LIMIT %d",
                            table, key, key, BATCH_ROWS);
  else
    g_string_append_printf (sql, " FROM %s", table);
  return g_string_free (sql, FALSE);
}

static void
report_progress (Copy *copy)
{
  if (copy->progress != NULL)
    copy->progress (&copy->report, copy->user_data);
}

/* Sends one batch of rows after @last_id (the key's column @id_column;
 * G_MAXUINT: no key, all rows at once); returns the number sent, or -1. */
static gint64
copy_batch (XfDbStmt     *select,
            XfDbBulk     *bulk,
            guint         n_columns,
            guint         id_column,
            const char  **values,
            gint64       *last_id,
            GError      **error)
{
  gint64 rows = 0;
  XfDbStep step;

  xf_db_stmt_reset (select);
  if (id_column != G_MAXUINT)
    xf_db_stmt_bind_int64 (select, 1, *last_id);
  while ((step = xf_db_stmt_step (select, error)) == XF_DB_STEP_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        values[i] = xf_db_stmt_column_text (select, (int) i);
      if (!xf_db_bulk_add (bulk, values, error))
        return -1;
      if (id_column != G_MAXUINT)
        *last_id = xf_db_stmt_column_int64 (select, (int) id_column);
      rows++;
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;
  return rows;
}

static gboolean
copy_table (Copy     *copy,
            guint     t,
            GError  **error)
{
  const char *table = copy_tables[t];
  const char *key = copy_keys[t];
  g_auto(GStrv) columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree const char **values = NULL;
  g_autoptr(XfDbStmt) select = NULL;
  XfDbBulk *bulk;
  gint64 last_id = G_MININT64;
  guint n_columns;
  guint id_column = G_MAXUINT;
  gboolean ok = TRUE;

  columns = table_columns (copy->destination, table, error);
  if (columns == NULL)
    return FALSE;
  n_columns = g_strv_length (columns);
  for (guint i = 0; key != NULL && i < n_columns; i++)
    if (g_str_equal (columns[i], key))
      id_column = i;
  if (key != NULL && id_column == G_MAXUINT)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The table “%s” of “%s” has no column “%s”"),
                   table, xf_db_get_display_name (copy->destination), key);
      return FALSE;
    }

  sql = batch_query (copy->source, table, key, (const char * const *) columns);
  select = xf_db_prepare (copy->source, sql, error);
  if (select == NULL)
    return FALSE;
  values = g_new0 (const char *, n_columns + 1);

  copy->report.table = table;
  copy->report.rows_done = 0;
  copy->report.rows_total = copy->source_rows[t];
  report_progress (copy);

  bulk = xf_db_bulk_begin (copy->destination, table, (const char * const *) columns, error);
  if (bulk == NULL)
    return FALSE;
  for (;;)
    {
      gint64 rows;

      if (g_cancellable_set_error_if_cancelled (copy->cancellable, error))
        {
          ok = FALSE;
          break;
        }
      rows = copy_batch (select, bulk, n_columns, id_column, values, &last_id, error);
      if (rows < 0)
        {
          ok = FALSE;
          break;
        }
      copy->report.rows_done += rows;
      copy->report.all_done += rows;
      report_progress (copy);
      if (rows < BATCH_ROWS || key == NULL)
        break;
    }

  /* The bulk is freed either way; the caller rolls back after a failure. */
  if (!ok)
    {
      xf_db_bulk_end (bulk, NULL);
      return FALSE;
    }
  return xf_db_bulk_end (bulk, error);
}

/*
 * Checking
 */

/* Counts every table again inside the destination's transaction. */
static GPtrArray *
verify_counts (Copy    *copy,
               GError **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (table_result_free);

  for (guint t = 0; t < N_TABLES; t++)
    {
      XfCopyTableResult *result;
      gint64 rows = count_rows (copy->destination, copy_tables[t], error);

      if (rows < 0)
        return NULL;
      if (rows != copy->source_rows[t])
        {
          g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                       _("The copy of the table “%s” holds %lld rows, but the source holds %lld; "
                         "nothing was copied"),
                       copy_tables[t], (long long) rows, (long long) copy->source_rows[t]);
          return NULL;
        }
      result = g_new0 (XfCopyTableResult, 1);
      result->table = g_strdup (copy_tables[t]);
      result->source_rows = copy->source_rows[t];
      result->destination_rows = rows;
      g_ptr_array_add (results, result);
    }
  return g_steal_pointer (&results);
}

const char * const *
xf_copy_get_tables (void)
{
  return copy_tables;
}

/* Two spellings of one file, or one URL with and without its password.
 * (Copying a database into itself could only fail, and on PostgreSQL it
 * would wait forever for its own snapshot's locks.) */
static gboolean
same_location (const char *a,
               const char *b)
{
  if (xf_db_location_is_url (a) != xf_db_location_is_url (b))
    return FALSE;
  if (xf_db_location_is_url (a))
    {
      g_autofree char *plain_a = xf_db_location_strip_password (a);
      g_autofree char *plain_b = xf_db_location_strip_password (b);

      return g_str_equal (plain_a, plain_b);
    }
  if (g_str_equal (a, ":memory:") || g_str_equal (b, ":memory:"))
    return FALSE;
  {
    g_autofree char *path_a = g_canonicalize_filename (a, NULL);
    g_autofree char *path_b = g_canonicalize_filename (b, NULL);
    g_autofree char *real_a = realpath (path_a, NULL);
    g_autofree char *real_b = realpath (path_b, NULL);

    if (real_a != NULL && real_b != NULL)
      return g_str_equal (real_a, real_b);
    return g_str_equal (path_a, path_b);
  }
}

/**
 * xf_copy_database:
 * @from_location: the database to copy: a file path or a PostgreSQL URL
 * @to_location: the database to fill, created when missing; it must hold no records
 * @progress: (nullable) (scope call): called at the start of each table and after each batch
 * @cancellable: (nullable): checked after each batch and before the commit
 *
 * Copies every table with its ids in one transaction on the destination,
 * rebuilds the destination's search data and checks the row counts; see
 * xf-copy.h. On error or cancellation (G_IO_ERROR_CANCELLED) the
 * destination is left as it was.
 *
 * Returns: (transfer full) (element-type XfCopyTableResult): one entry per
 *   table, or %NULL with @error set
 */
GPtrArray *
xf_copy_database (const char          *from_location,
                  const char          *to_location,
                  XfCopyProgressFunc   progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_auto(Copy) copy = { 0 };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  g_return_val_if_fail (from_location != NULL, NULL);
  g_return_val_if_fail (to_location != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy.progress = progress;
  copy.user_data = user_data;
  copy.cancellable = cancellable;

  if (same_location (from_location, to_location))
    {
      g_autofree char *name = xf_db_location_strip_password (to_location);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("“%s” is both the source and the destination; copy into another, empty database"),
                   name);
      return NULL;
    }

  /* The source first: a mistyped source must not leave a new, empty destination. */
  copy.source_store = xf_store_open_existing (from_location, error);
  if (copy.source_store == NULL)
    return NULL;
  copy.source = xf_store_get_db (copy.source_store);
  copy.destination_store = xf_store_open (to_location, error);
  if (copy.destination_store == NULL)
    return NULL;
  copy.destination = xf_store_get_db (copy.destination_store);

  if (!begin_snapshot (&copy, error) || !begin_destination (&copy, error))
    return NULL;

  for (guint t = 0; t < N_TABLES; t++)
    if (!copy_table (&copy, t, error))
      return NULL;
  g_debug ("Copied %" G_GINT64_FORMAT " rows in %.2f s", copy.report.all_done,
           g_timer_elapsed (timer, NULL));

  if (!finish_destination (&copy, error))
    return NULL;
  results = verify_counts (&copy, error);
  if (results == NULL)
    return NULL;
  /* The rebuild can take a while: a late cancel still leaves nothing. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !xf_db_commit (copy.destination, error))
    return NULL;
  end_snapshot (&copy);
  g_debug ("Copied %s to %s in %.2f s", xf_db_get_display_name (copy.source),
           xf_db_get_display_name (copy.destination), g_timer_elapsed (timer, NULL));
  return g_steal_pointer (&results);
}
