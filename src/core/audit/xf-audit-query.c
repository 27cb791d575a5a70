/* xf-audit-query.c — reading the audit trail: lists, counts, CSV export
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-audit-private.h"
#include "xf-error.h"
#include "xf-permission.h"

/* Rows per batch of an export, read by keyset on seq. */
#define EXPORT_BATCH 10000

/*
 * Filters: the conditions of an XfAuditFilter as SQL with numbered
 * parameters, and the binding of the same values in the same order.
 */

static char *
filter_where (const XfAuditFilter *filter,
              int                 *param)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (filter != NULL && filter->actor_login != NULL)
    g_ptr_array_add (conditions, g_strdup_printf ("actor_login = $%d", (*param)++));
  if (filter != NULL && filter->record_uid != NULL)
    g_ptr_array_add (conditions, g_strdup_printf ("record_uid = $%d", (*param)++));
  if (filter != NULL && filter->action != NULL)
    g_ptr_array_add (conditions, g_strdup_printf ("action = $%d", (*param)++));
  if (filter != NULL && filter->from != 0)
    g_ptr_array_add (conditions, g_strdup_printf ("at >= $%d", (*param)++));
  if (filter != NULL && filter->to != 0)
    g_ptr_array_add (conditions, g_strdup_printf ("at < $%d", (*param)++));
  if (conditions->len == 0)
    return g_strdup ("");
  g_ptr_array_add (conditions, NULL);
  joined = g_strjoinv (" AND ", (char **) conditions->pdata);
  return g_strconcat (" WHERE ", joined, NULL);
}

static int
bind_filter (XfDbStmt            *stmt,
             const XfAuditFilter *filter,
             int                  param)
{
  if (filter == NULL)
    return param;
  if (filter->actor_login != NULL)
    xf_db_stmt_bind_text (stmt, param++, filter->actor_login);
  if (filter->record_uid != NULL)
    xf_db_stmt_bind_text (stmt, param++, filter->record_uid);
  if (filter->action != NULL)
    xf_db_stmt_bind_text (stmt, param++, filter->action);
  if (filter->from != 0)
    xf_db_stmt_bind_int64 (stmt, param++, filter->from);
  if (filter->to != 0)
    xf_db_stmt_bind_int64 (stmt, param++, filter->to);
  return param;
}

/**
 * xf_audit_query:
 * @store: the database
 * @actor: the acting account (XF_OP_AUDIT_READ)
 * @filter: (nullable): which entries; %NULL for all
 * @offset: entries to skip, newest first
 * @limit: entries to return at most; 0 for all
 *
 * Returns: (transfer full) (element-type XfAuditEntry): the entries,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
xf_audit_query (XfStore             *store,
                XfAccount           *actor,
                const XfAuditFilter *filter,
                guint                offset,
                guint                limit,
                GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  int param = 1;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);

  if (!xf_permission_check (actor, XF_OP_AUDIT_READ, NULL, error))
    return NULL;

  where = filter_where (filter, &param);
  /* Numbers of our own in the SQL; "all" is the largest one both backends take. */
  sql = g_strdup_printf ("SELECT " XF_AUDIT_COLUMNS " FROM audit_log%s ORDER BY seq DESC "
                         "LIMIT %" G_GINT64_FORMAT " OFFSET %u",
                         where, limit > 0 ? (gint64) limit : G_MAXINT64, offset);
  stmt = xf_db_prepare (xf_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter, 1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_audit_entry_free);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (entries, _xf_audit_entry_from_row (stmt));
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * xf_audit_count:
 * @store: the database
 * @actor: the acting account (XF_OP_AUDIT_READ)
 * @filter: (nullable): which entries; %NULL for all
 *
 * Returns: the number of entries, or -1 with @error set
 */
gint64
xf_audit_count (XfStore             *store,
                XfAccount           *actor,
                const XfAuditFilter *filter,
                GError             **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  int param = 1;

  g_return_val_if_fail (XF_IS_STORE (store), -1);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), -1);

  if (!xf_permission_check (actor, XF_OP_AUDIT_READ, NULL, error))
    return -1;

  where = filter_where (filter, &param);
  sql = g_strconcat ("SELECT count(*) FROM audit_log", where, NULL);
  stmt = xf_db_prepare (xf_store_get_db (store), sql, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter, 1);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return -1;
  return xf_db_stmt_column_int64 (stmt, 0);
}

/*
 * CSV
 */

static const char * const csv_header[] = {
  "seq", "at", "actor_login", "actor_name", "action", "record_type", "record_uid",
  "record_label", "field", "old_value", "new_value", "hash",
};

/* RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
static void
csv_field (GString    *line,
           const char *text,
           gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* Local time with its offset, to the second: what a spreadsheet reads. */
static char *
format_at (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, at);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
csv_row (GString  *out,
         XfDbStmt *stmt)
{
  char seq[24];
  g_autofree char *at = format_at (xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_AT));

  g_snprintf (seq, sizeof seq, "%" G_GINT64_FORMAT, xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_SEQ));
  csv_field (out, seq, TRUE);
  csv_field (out, at, FALSE);
  for (int column = XF_AUDIT_COL_ACTOR_LOGIN; column <= XF_AUDIT_COL_NEW_VALUE; column++)
    csv_field (out, xf_db_stmt_column_text (stmt, column), FALSE);
  csv_field (out, xf_db_stmt_column_text (stmt, XF_AUDIT_COL_HASH), FALSE);
  g_string_append (out, "\r\n");
}

static gboolean
write_text (GOutputStream  *out,
            GString        *text,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, &local_error))
    {
      g_string_truncate (text, 0);
      return TRUE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, XF_ERROR, XF_ERROR_IO,
                 _("The audit trail could not be exported: %s"), local_error->message);
  return FALSE;
}

/* Streams the matching entries, oldest first; returns their number or -1. */
static gint64
export_rows (XfDb                *db,
             const XfAuditFilter *filter,
             GOutputStream       *out,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GString) text = g_string_sized_new (EXPORT_BATCH * 200);
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  int param = 1;
  int last_param;
  gint64 last = 0, rows = 0;

  where = filter_where (filter, &param);
  last_param = param;
  sql = g_strdup_printf ("SELECT " XF_AUDIT_COLUMNS " FROM audit_log%s%s seq > $%d "
                         "ORDER BY seq LIMIT %d",
                         where, *where != '\0' ? " AND" : " WHERE", last_param, EXPORT_BATCH);
  stmt = xf_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;

  /* The byte order mark tells spreadsheet programs the file is UTF-8. */
  g_string_append (text, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    csv_field (text, csv_header[i], i == 0);
  g_string_append (text, "\r\n");

  for (;;)
    {
      gint64 batch = 0;
      XfDbStep step;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      xf_db_stmt_reset (stmt);
      bind_filter (stmt, filter, 1);
      xf_db_stmt_bind_int64 (stmt, last_param, last);
      while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
        {
          csv_row (text, stmt);
          last = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_SEQ);
          batch++;
        }
      if (step == XF_DB_STEP_ERROR)
        return -1;
      rows += batch;
      if (!write_text (out, text, cancellable, error))
        return -1;
      if (batch < EXPORT_BATCH)
        return rows;
    }
}

/* What the export's own entry says it exported. */
static char *
describe_filter (const XfAuditFilter *filter,
                 gint64               rows)
{
  GString *text = g_string_new (NULL);

  if (filter != NULL && filter->actor_login != NULL)
    g_string_append_printf (text, "actor_login=%s; ", filter->actor_login);
  if (filter != NULL && filter->record_uid != NULL)
    g_string_append_printf (text, "record_uid=%s; ", filter->record_uid);
  if (filter != NULL && filter->action != NULL)
    g_string_append_printf (text, "action=%s; ", filter->action);
  if (filter != NULL && filter->from != 0)
    g_string_append_printf (text, "from=%" G_GINT64_FORMAT "; ", filter->from);
  if (filter != NULL && filter->to != 0)
    g_string_append_printf (text, "to=%" G_GINT64_FORMAT "; ", filter->to);
  g_string_append_printf (text, "entries=%" G_GINT64_FORMAT, rows);
  return g_string_free (text, FALSE);
}

static gboolean
append_export (XfDb                *db,
               XfAccount           *actor,
               const XfAuditFilter *filter,
               gint64               rows,
               GError             **error)
{
  g_autofree char *summary = describe_filter (filter, rows);
  gboolean own_transaction = !xf_db_in_transaction (db);

  if (own_transaction && !xf_db_begin (db, error))
    return FALSE;
  if (!xf_audit_append_change (db, actor, XF_AUDIT_EXPORT, "audit", NULL, NULL,
                               "filter", NULL, summary, error))
    {
      if (own_transaction)
        xf_db_rollback (db);
      return FALSE;
    }
  return !own_transaction || xf_db_commit (db, error);
}

/**
 * xf_audit_export_csv:
 * @store: the database
 * @actor: the acting account (XF_OP_AUDIT_READ)
 * @filter: (nullable): which entries; %NULL for all
 * @out: where the CSV goes; not closed
 * @cancellable: (nullable): checked between batches
 *
 * Writes the matching entries oldest first as CSV (see xf-audit.h), then
 * appends an XF_AUDIT_EXPORT entry saying what was exported.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_audit_export_csv (XfStore             *store,
                     XfAccount           *actor,
                     const XfAuditFilter *filter,
                     GOutputStream       *out,
                     GCancellable        *cancellable,
                     GError             **error)
{
  XfDb *db;
  gint64 rows;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check (actor, XF_OP_AUDIT_READ, NULL, error))
    return FALSE;

  db = xf_store_get_db (store);
  /* An export that cannot be recorded is not made. */
  if (xf_db_is_read_only (db))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only, so exporting its audit trail cannot be recorded"),
                   xf_db_get_display_name (db));
      return FALSE;
    }
  rows = export_rows (db, filter, out, cancellable, error);
  if (rows < 0)
    return FALSE;
  if (!g_output_stream_flush (out, cancellable, error))
    return FALSE;
  return append_export (db, actor, filter, rows, error);
}
