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
  "cultivation_plans",
  "cultivation_goals",
  "cultivation_reviews",
  "training_courses",
  "training_participants",
  "care_programmes",
  "care_profiles",
  "care_batches",
  "care_batch_members",
  "hardship_cases",
  "hardship_payments",
  "care_visits",
  "care_records",
  "care_views",
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
  /* cultivation and care */
  "id",
  "id",
  "id",
  "id",
  "id",
  "id",
  "pioneer_id",
  "id",
  "id",
  "id",
  "id",
  "id",
  "id",
  "id",
  "seq",
  NULL,
};

#define N_TABLES (G_N_ELEMENTS (copy_tables) - 1)

G_STATIC_ASSERT (G_N_ELEMENTS (copy_keys) == N_TABLES);

typedef struct
{
  XfStore *source_store;
  XfStore *destination_store;
  XfDb    *source;        /* (unowned) */
  gboolean snapshot;      /* a read transaction is open on the source */
  gint64   source_rows[N_TABLES];
  XfCopyTarget *target;
} Copy;

static void
copy_clear (Copy *copy)
{
  g_clear_pointer (&copy->target, _xf_copy_target_free);
  if (copy->snapshot)
    _xf_copy_source_end (copy->source);
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

const char * const *
xf_copy_get_tables (void)
{
  return copy_tables;
}

guint
_xf_copy_get_n_tables (void)
{
  return N_TABLES;
}

int
_xf_copy_find_table (const char *table)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (g_strcmp0 (copy_tables[t], table) == 0)
      return (int) t;
  return -1;
}

/*
 * The source
 */

/* A read transaction: SQLite keeps the snapshot of its first read,
 * PostgreSQL needs REPEATABLE READ for one snapshot across statements. */
gboolean
_xf_copy_source_begin (XfDb    *source,
                       gint64  *rows,
                       GError **error)
{
  const char *sql = xf_db_get_backend (source) == XF_DB_BACKEND_POSTGRESQL
                    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    : "BEGIN";

  if (!xf_db_exec (source, sql, error))
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    {
      rows[t] = count_rows (source, copy_tables[t], error);
      if (rows[t] < 0)
        {
          _xf_copy_source_end (source);
          return FALSE;
        }
    }
  return TRUE;
}

void
_xf_copy_source_end (XfDb *source)
{
  xf_db_exec (source, "ROLLBACK", NULL);
}

/* The table's columns, as @db names them. */
GStrv
_xf_copy_table_columns (XfDb        *db,
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
                            table, key, key, XF_COPY_BATCH_ROWS);
  else
    g_string_append_printf (sql, " FROM %s", table);
  return g_string_free (sql, FALSE);
}

/* Hands out one batch of rows after @last_id (the key's column @id_column;
 * G_MAXUINT: no key, all rows at once); returns the number read, or -1. */
static gint64
read_batch (XfDbStmt      *select,
            guint          n_columns,
            guint          id_column,
            const char   **values,
            gint64        *last_id,
            XfCopyRowFunc  func,
            gpointer       user_data,
            GError       **error)
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
      if (!func ((const char * const *) values, n_columns, user_data, error))
        return -1;
      if (id_column != G_MAXUINT)
        *last_id = xf_db_stmt_column_int64 (select, (int) id_column);
      rows++;
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;
  return rows;
}

gboolean
_xf_copy_source_read (XfDb               *source,
                      guint               t,
                      const char * const *columns,
                      XfCopyRowFunc       func,
                      gpointer            user_data,
                      GCancellable       *cancellable,
                      GError            **error)
{
  const char *table = copy_tables[t];
  const char *key = copy_keys[t];
  g_autofree char *sql = NULL;
  g_autofree const char **values = NULL;
  g_autoptr(XfDbStmt) select = NULL;
  gint64 last_id = G_MININT64;
  guint n_columns = g_strv_length ((char **) columns);
  guint id_column = G_MAXUINT;

  g_return_val_if_fail (t < N_TABLES, FALSE);

  for (guint i = 0; key != NULL && i < n_columns; i++)
    if (g_str_equal (columns[i], key))
      id_column = i;
  if (key != NULL && id_column == G_MAXUINT)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The table “%s” of “%s” has no column “%s”"),
                   table, xf_db_get_display_name (source), key);
      return FALSE;
    }

  sql = batch_query (source, table, key, columns);
  select = xf_db_prepare (source, sql, error);
  if (select == NULL)
    return FALSE;
  values = g_new0 (const char *, n_columns + 1);
  for (;;)
    {
      gint64 rows;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = read_batch (select, n_columns, id_column, values, &last_id, func, user_data, error);
      if (rows < 0)
        return FALSE;
      if (rows < XF_COPY_BATCH_ROWS || key == NULL)
        return TRUE;
    }
}

/*
 * The destination
 */

struct _XfCopyTarget
{
  XfDb               *db;
  gboolean            open;          /* the transaction is open */
  gint64              expected[N_TABLES];
  XfCopyProgress      report;
  XfCopyProgressFunc  progress;
  gpointer            user_data;
  GCancellable       *cancellable;
  XfDbBulk           *bulk;          /* the table being filled */
  gint64              batch;         /* rows since the last report */
  XfDemoBulk         *sqlite_bulk;   /* SQLite: indexes and search triggers set aside */
  XfCopyPg           *pg;            /* PostgreSQL: the same, its way */
};

void
_xf_copy_target_free (XfCopyTarget *target)
{
  if (target == NULL)
    return;
  if (target->bulk != NULL)
    xf_db_bulk_end (target->bulk, NULL);
  if (target->open)
    xf_db_rollback (target->db);
  g_clear_pointer (&target->sqlite_bulk, _xf_demo_bulk_free);
  g_clear_pointer (&target->pg, _xf_copy_pg_free);
  g_clear_object (&target->db);
  g_clear_object (&target->cancellable);
  g_free (target);
}

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
check_destination_empty (XfDb    *db,
                         GError **error)
{
  const char *name = xf_db_get_display_name (db);
  gint64 giving_way[N_TABLES] = { 0 };

  for (guint t = 0; t < N_TABLES; t++)
    {
      const char *table = copy_tables[t];
      gint64 rows = count_rows (db, table, error);

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
        if (!xf_db_exec (db, sql, error))
          return FALSE;
      }
  return TRUE;
}

XfCopyTarget *
_xf_copy_target_begin (XfDb                *db,
                       XfCopyProgressFunc   progress,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(XfCopyTarget) target = g_new0 (XfCopyTarget, 1);
  gboolean postgresql = xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL;

  target->db = g_object_ref (db);
  target->progress = progress;
  target->user_data = user_data;
  target->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  if (!xf_db_begin (db, error))
    return NULL;
  target->open = TRUE;
  if (postgresql)
    {
      /* Locked first, so nobody writes between the check and the copy. */
      if (!_xf_copy_pg_lock (db, copy_tables, N_TABLES, error))
        return NULL;
    }
  else
    {
      /* Rows go in id order, and an organisation may name a parent with
       * a higher id: foreign keys are checked at the commit instead. A
       * bigger page cache keeps the indexes in memory while they grow. */
      if (!xf_db_exec (db, "PRAGMA defer_foreign_keys = ON", error) ||
          !xf_db_exec (db, "PRAGMA cache_size = -262144", error))
        return NULL;
    }

  if (!check_destination_empty (db, error))
    return NULL;

  if (postgresql)
    target->pg = _xf_copy_pg_set_aside (db, copy_tables, N_TABLES, error);
  else
    target->sqlite_bulk = _xf_demo_bulk_begin (db, error);
  if (target->pg == NULL && target->sqlite_bulk == NULL)
    return NULL;
  return g_steal_pointer (&target);
}

void
_xf_copy_target_expect (XfCopyTarget *target,
                        guint         t,
                        gint64        rows)
{
  g_return_if_fail (t < N_TABLES);
  target->report.all_total += rows - target->expected[t];
  target->expected[t] = rows;
}

static void
report_progress (XfCopyTarget *target)
{
  if (target->progress != NULL)
    target->progress (&target->report, target->user_data);
}

gboolean
_xf_copy_target_open_table (XfCopyTarget        *target,
                            guint                t,
                            const char * const  *columns,
                            GError             **error)
{
  g_auto(GStrv) known = NULL;

  g_return_val_if_fail (t < N_TABLES, FALSE);
  g_return_val_if_fail (target->bulk == NULL, FALSE);

  known = _xf_copy_table_columns (target->db, copy_tables[t], error);
  if (known == NULL)
    return FALSE;
  for (guint i = 0; columns[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) known, columns[i]))
      {
        g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                     _("The table “%s” of “%s” has no column “%s”"),
                     copy_tables[t], xf_db_get_display_name (target->db), columns[i]);
        return FALSE;
      }

  target->report.table = copy_tables[t];
  target->report.rows_done = 0;
  target->report.rows_total = target->expected[t];
  target->batch = 0;
  report_progress (target);

  target->bulk = xf_db_bulk_begin (target->db, copy_tables[t], columns, error);
  return target->bulk != NULL;
}

gboolean
_xf_copy_target_add_row (XfCopyTarget        *target,
                         const char * const  *values,
                         GError             **error)
{
  g_return_val_if_fail (target->bulk != NULL, FALSE);

  if (!xf_db_bulk_add (target->bulk, values, error))
    return FALSE;
  target->report.rows_done++;
  target->report.all_done++;
  if (++target->batch >= XF_COPY_BATCH_ROWS)
    {
      target->batch = 0;
      report_progress (target);
      if (g_cancellable_set_error_if_cancelled (target->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_xf_copy_target_close_table (XfCopyTarget  *target,
                             GError       **error)
{
  XfDbBulk *bulk = g_steal_pointer (&target->bulk);

  g_return_val_if_fail (bulk != NULL, FALSE);

  if (!xf_db_bulk_end (bulk, error))
    return FALSE;
  report_progress (target);
  return !g_cancellable_set_error_if_cancelled (target->cancellable, error);
}

static void
rebuild_step_cb (double   fraction,
                 gpointer user_data)
{
}

/* Counts every table again inside the destination's transaction. */
static GPtrArray *
verify_counts (XfCopyTarget  *target,
               const char    *what,
               GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (table_result_free);

  for (guint t = 0; t < N_TABLES; t++)
    {
      XfCopyTableResult *result;
      gint64 rows = count_rows (target->db, copy_tables[t], error);

      if (rows < 0)
        return NULL;
      if (rows != target->expected[t] && what != NULL)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                       _("The table “%s” holds %lld rows after the import, but the archive “%s” "
                         "lists %lld; nothing was written"),
                       copy_tables[t], (long long) rows, what, (long long) target->expected[t]);
          return NULL;
        }
      if (rows != target->expected[t])
        {
          g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                       _("The copy of the table “%s” holds %lld rows, but the source holds %lld; "
                         "nothing was copied"),
                       copy_tables[t], (long long) rows, (long long) target->expected[t]);
          return NULL;
        }
      result = g_new0 (XfCopyTableResult, 1);
      result->table = g_strdup (copy_tables[t]);
      result->source_rows = target->expected[t];
      result->destination_rows = rows;
      g_ptr_array_add (results, result);
    }
  return g_steal_pointer (&results);
}

GPtrArray *
_xf_copy_target_finish (XfCopyTarget  *target,
                        const char    *what,
                        GError       **error)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GPtrArray) results = NULL;
  gboolean ok;

  g_return_val_if_fail (target->bulk == NULL, NULL);

  if (target->pg != NULL)
    ok = _xf_copy_pg_restore (target->pg, copy_tables, copy_keys, N_TABLES, error);
  else
    ok = _xf_demo_bulk_finish (target->sqlite_bulk, rebuild_step_cb, NULL, error);
  g_debug ("Rebuilt the indexes and search data in %.2f s", g_timer_elapsed (timer, NULL));
  if (!ok)
    return NULL;

  results = verify_counts (target, what, error);
  if (results == NULL)
    return NULL;
  /* The rebuild can take a while: a late cancel still leaves nothing. */
  if (g_cancellable_set_error_if_cancelled (target->cancellable, error))
    return NULL;
  target->open = FALSE;
  if (!xf_db_commit (target->db, error))
    {
      xf_db_rollback (target->db);
      return NULL;
    }
  return g_steal_pointer (&results);
}

/*
 * The copy
 */

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

static gboolean
add_row_cb (const char * const  *values,
            guint                n_values,
            gpointer             user_data,
            GError             **error)
{
  return _xf_copy_target_add_row (user_data, values, error);
}

/* The destination's columns, read from the source: both are at the same
 * schema version, so the source has the same ones. */
static gboolean
copy_table (Copy     *copy,
            guint     t,
            GError  **error)
{
  XfDb *destination = xf_store_get_db (copy->destination_store);
  g_auto(GStrv) columns = _xf_copy_table_columns (destination, copy_tables[t], error);

  if (columns == NULL ||
      !_xf_copy_target_open_table (copy->target, t, (const char * const *) columns, error))
    return FALSE;
  if (!_xf_copy_source_read (copy->source, t, (const char * const *) columns, add_row_cb,
                             copy->target, copy->target->cancellable, error))
    return FALSE;
  return _xf_copy_target_close_table (copy->target, error);
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

  if (!_xf_copy_source_begin (copy.source, copy.source_rows, error))
    return NULL;
  copy.snapshot = TRUE;
  copy.target = _xf_copy_target_begin (xf_store_get_db (copy.destination_store),
                                       progress, user_data, cancellable, error);
  if (copy.target == NULL)
    return NULL;
  for (guint t = 0; t < N_TABLES; t++)
    _xf_copy_target_expect (copy.target, t, copy.source_rows[t]);

  for (guint t = 0; t < N_TABLES; t++)
    if (!copy_table (&copy, t, error))
      return NULL;
  g_debug ("Copied %" G_GINT64_FORMAT " rows in %.2f s", copy.target->report.all_done,
           g_timer_elapsed (timer, NULL));

  results = _xf_copy_target_finish (copy.target, NULL, error);
  if (results == NULL)
    return NULL;
  g_debug ("Copied %s to %s in %.2f s", xf_db_get_display_name (copy.source),
           xf_store_get_db (copy.destination_store) != NULL
           ? xf_db_get_display_name (xf_store_get_db (copy.destination_store)) : "",
           g_timer_elapsed (timer, NULL));
  return g_steal_pointer (&results);
}
