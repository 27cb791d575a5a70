/* xf-export.c — lists and files of the registry to CSV, XLSX and JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-archive-private.h"
#include "xf-audit.h"
#include "xf-error.h"
#include "xf-export.h"
#include "xf-export-private.h"
#include "xf-import.h"
#include "xf-pioneer-private.h"
#include "xf-reference.h"
#include "xf-registry-private.h"
#include "xf-table.h"

/*
 * A list is read by keyset in pages of PAGE_ROWS, over the same FROM,
 * WHERE and ORDER BY as the registry page's list (xf-registry-sql.c), each
 * page starting after the last (sort key, name, id) of the one before, so
 * that a million rows stream in flat memory and every page costs the same.
 * The pages are read in one read transaction: the list is one moment's.
 *
 * Rows go to a sink: xf-table's streaming writer for CSV and XLSX, or JSON
 * lines through the archive's writer (an array, one object per line).
 */

#define PAGE_ROWS 1000

const char *
xf_export_format_to_string (XfExportFormat format)
{
  switch (format)
    {
    case XF_EXPORT_FORMAT_CSV:
      return "csv";
    case XF_EXPORT_FORMAT_XLSX:
      return "xlsx";
    case XF_EXPORT_FORMAT_JSON:
      return "json";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xf_export_format_from_string (const char     *text,
                              XfExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  /* A file name: its extension. */
  dot = strrchr (text, '.');
  if (dot != NULL)
    text = dot + 1;
  for (XfExportFormat f = XF_EXPORT_FORMAT_CSV; f <= XF_EXPORT_FORMAT_JSON; f++)
    if (g_ascii_strcasecmp (text, xf_export_format_to_string (f)) == 0)
      {
        *format = f;
        return TRUE;
      }
  return FALSE;
}

/*
 * Sinks
 */

void
_xf_export_sink_clear (XfExportSink *sink)
{
  g_clear_pointer (&sink->table, xf_table_writer_free);
  g_clear_pointer (&sink->json, _xf_archive_writer_free);
}

static XfTableType
field_type (const char *field)
{
  if (g_str_has_suffix (field, "birth-date"))
    return XF_TABLE_DATE;
  if (g_str_equal (field, "size") || g_str_has_suffix (field, "year"))
    return XF_TABLE_INTEGER;
  return XF_TABLE_TEXT;
}

static XfTable *
columns_table (const char         *title,
               const char * const *fields,
               const char * const *labels)
{
  XfTable *table = xf_table_new (title);

  for (guint i = 0; fields[i] != NULL; i++)
    xf_table_add_column (table, labels[i], field_type (fields[i]));
  return table;
}

gboolean
_xf_export_sink_open (XfExportSink        *sink,
                      XfExportFormat       format,
                      const char          *path,
                      const char          *title,
                      const char * const  *fields,
                      const char * const  *labels,
                      GError             **error)
{
  sink->format = format;
  sink->fields = fields;
  sink->n_fields = g_strv_length ((char **) fields);
  sink->rows = 0;
  if (format == XF_EXPORT_FORMAT_JSON)
    {
      gsize start = 0;

      sink->json = _xf_archive_writer_open (path, NULL, error);
      if (sink->json == NULL)
        return FALSE;
      sink->array = TRUE;
      g_string_append_c (_xf_archive_writer_buffer (sink->json), '[');
      return _xf_archive_writer_end_line (sink->json, start, FALSE, error);
    }
  {
    g_autoptr(XfTable) columns = columns_table (title, fields, labels);
    g_autofree char *lower = g_ascii_strdown (path, -1);
    g_autofree char *named = NULL;

    /* xf-table goes by the extension; the format chosen wins. */
    if (!g_str_has_suffix (lower, format == XF_EXPORT_FORMAT_CSV ? ".csv" : ".xlsx"))
      {
        g_autofree char *display = g_filename_display_name (path);

        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("File name: “%s” does not end in .%s"), display,
                     xf_export_format_to_string (format));
        return FALSE;
      }
    sink->table = xf_table_writer_new (columns, path, error);
    return sink->table != NULL;
  }
}

/* Another part of the file: a sheet in XLSX, a header after an empty line in CSV. */
gboolean
_xf_export_sink_add_part (XfExportSink        *sink,
                          const char          *title,
                          const char * const  *fields,
                          const char * const  *labels,
                          GError             **error)
{
  g_autoptr(XfTable) columns = columns_table (title, fields, labels);

  g_return_val_if_fail (sink->table != NULL, FALSE);
  sink->fields = fields;
  sink->n_fields = g_strv_length ((char **) fields);
  return xf_table_writer_add_sheet (sink->table, columns, error);
}

gboolean
_xf_export_sink_add (XfExportSink        *sink,
                     const char * const  *cells,
                     GError             **error)
{
  sink->rows++;
  if (sink->json != NULL)
    {
      GString *out = _xf_archive_writer_buffer (sink->json);
      gsize start = out->len;

      g_string_append (out, sink->rows > 1 ? ",{" : "{");
      for (guint i = 0; i < sink->n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _xf_json_append_string (out, sink->fields[i]);
          g_string_append_c (out, ':');
          if (cells[i] == NULL || cells[i][0] == '\0')
            g_string_append (out, "null");
          else
            _xf_json_append_string (out, cells[i]);
        }
      g_string_append_c (out, '}');
      return _xf_archive_writer_end_line (sink->json, start, FALSE, error);
    }
  return xf_table_writer_add_row (sink->table, cells, error);
}

gboolean
_xf_export_sink_finish (XfExportSink  *sink,
                        GError       **error)
{
  if (sink->json != NULL)
    {
      GString *out = _xf_archive_writer_buffer (sink->json);
      gsize start = out->len;

      if (sink->array)
        {
          g_string_append_c (out, ']');
          if (!_xf_archive_writer_end_line (sink->json, start, FALSE, error))
            return FALSE;
        }
      return _xf_archive_writer_close (sink->json, error);
    }
  return xf_table_writer_finish (sink->table, error);
}

/*
 * Values as a reader expects them
 */

/* A township with its county ("德清县舞阳街道"), which the import reads
 * back whatever the language; a county by its name. */
static char *
region_label (XfReference *reference,
              const char  *code)
{
  const XfReferenceItem *item = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, code);
  const XfReferenceItem *county;

  if (item == NULL)
    return g_strdup (code);
  if (item->parent == NULL || item->parent[0] == '\0')
    return g_strdup (xf_reference_label (reference, XF_REFERENCE_REGIONS, code));
  county = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, item->parent);
  if (county == NULL)
    return g_strdup (item->name_zh);
  return g_strconcat (county->name_zh, item->name_zh, NULL);
}

char *
_xf_export_pioneer_value (XfExportContext *context,
                          XfPioneer       *pioneer,
                          const char      *field,
                          gboolean         masked)
{
  XfReference *reference = context->reference;
  const char *text;

  if (g_str_equal (field, "gender"))
    return g_strdup (xf_gender_label (xf_pioneer_get_gender (pioneer)));
  if (g_str_equal (field, "region-code"))
    {
      text = xf_pioneer_get_region_code (pioneer);
      return text != NULL ? region_label (reference, text) : NULL;
    }
  if (g_str_equal (field, "organisation-id"))
    return g_strdup (xf_pioneer_get_organisation_name (pioneer));
  if (g_str_equal (field, "ethnicity") || g_str_equal (field, "education") ||
      g_str_equal (field, "political-status") || g_str_equal (field, "industry"))
    {
      XfReferenceTable which = g_str_equal (field, "ethnicity") ? XF_REFERENCE_ETHNICITIES
                             : g_str_equal (field, "education") ? XF_REFERENCE_EDUCATION
                             : g_str_equal (field, "industry") ? XF_REFERENCE_INDUSTRIES
                             : XF_REFERENCE_POLITICAL_STATUS;

      text = _xf_pioneer_get_text (pioneer, field);
      return g_strdup (xf_reference_label (reference, which, text));
    }
  if (_xf_registry_is_personal (field))
    {
      text = _xf_pioneer_get_text (pioneer, field);
      if (text == NULL || text[0] == '\0')
        return NULL;
      if (masked)
        return _xf_registry_mask_value (field, text);
      context->personal_out = TRUE;
      return g_strdup (text);
    }
  return xf_pioneer_dup_field (pioneer, field);
}

gboolean
_xf_export_masks (XfExportContext *context,
                  XfPioneer       *pioneer)
{
  return !context->with_personal || xf_registry_masks_personal (context->registry, pioneer);
}

/*
 * Reading a list
 */

typedef gboolean (*PageFunc) (XfExportContext  *context,
                              GPtrArray        *page,
                              GError          **error);

/* Whether a read transaction was opened here (not inside a caller's). */
static gboolean
begin_read (XfDb    *db,
            GError **error)
{
  if (xf_db_in_transaction (db))
    return TRUE;
  return xf_db_exec (db, xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL
                         ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
                     error);
}

static void
end_read (XfDb *db)
{
  if (!xf_db_in_transaction (db))
    xf_db_exec (db, "ROLLBACK", NULL);
}

/* Hands @func every matching file, a page of full records (XfPioneer)
 * at a time, in the query's order. */
static gboolean
foreach_page (XfExportContext        *context,
              const XfRegistryQuery  *query,
              PageFunc                func,
              GError                **error)
{
  XfDb *db = _xf_registry_get_db (context->registry);
  g_autoptr(XfRegistrySql) sql = _xf_registry_sql_new (db, query, error);
  g_autofree char *columns = NULL, *order = NULL, *first_sql = NULL, *next_sql = NULL;
  g_autoptr(XfDbStmt) first = NULL, next = NULL;
  g_autofree char *last_text = NULL, *last_name = NULL;
  gint64 last_number = 0, last_id = 0;
  gboolean descending = FALSE, is_integer = FALSE;
  const char *key;
  const char *op;
  int n_base, key_column;

  if (sql == NULL)
    return FALSE;
  key = _xf_registry_sort_key (xf_registry_query_get_sort (query, &descending), &is_integer);
  op = descending ? "<" : ">";
  n_base = _xf_registry_sql_get_n_params (sql);
  columns = _xf_registry_select_list (_xf_pioneer_columns, _xf_pioneer_n_columns);
  order = _xf_registry_sql_order_by (query, FALSE);
  key_column = (int) _xf_pioneer_n_columns + 1;

  context->total = _xf_registry_sql_count (sql, db, error);
  if (context->total < 0)
    return FALSE;
  first_sql = g_strdup_printf ("SELECT %s, o.name, %s FROM %s LEFT JOIN organisations o "
                               "ON o.id = p.organisation_id WHERE %s ORDER BY %s LIMIT %d",
                               columns, key != NULL ? key : "p.name", _xf_registry_sql_get_from (sql),
                               _xf_registry_sql_get_where (sql), order, PAGE_ROWS);
  /* After the last row: a row value, plus a bound on the key alone over
   * which SQLite can seek when the key is an expression. */
  if (key != NULL)
    next_sql = g_strdup_printf ("SELECT %s, o.name, %s FROM %s LEFT JOIN organisations o "
                                "ON o.id = p.organisation_id WHERE %s AND %s %s= $%d "
                                "AND (%s, p.name, p.id) %s ($%d, $%d, $%d) ORDER BY %s LIMIT %d",
                                columns, key, _xf_registry_sql_get_from (sql),
                                _xf_registry_sql_get_where (sql), key, op, n_base + 1,
                                key, op, n_base + 1, n_base + 2, n_base + 3, order, PAGE_ROWS);
  else
    next_sql = g_strdup_printf ("SELECT %s, o.name, p.name FROM %s LEFT JOIN organisations o "
                                "ON o.id = p.organisation_id WHERE %s "
                                "AND (p.name, p.id) %s ($%d, $%d) ORDER BY %s LIMIT %d",
                                columns, _xf_registry_sql_get_from (sql),
                                _xf_registry_sql_get_where (sql), op, n_base + 1, n_base + 2,
                                order, PAGE_ROWS);
  first = xf_db_prepare (db, first_sql, error);
  next = first != NULL ? xf_db_prepare (db, next_sql, error) : NULL;
  if (next == NULL)
    return FALSE;

  for (gboolean start = TRUE;; start = FALSE)
    {
      g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
      XfDbStmt *stmt = start ? first : next;
      XfDbStep step;

      if (g_cancellable_set_error_if_cancelled (context->cancellable, error))
        return FALSE;
      _xf_registry_sql_truncate_params (sql, n_base);
      if (!start && key != NULL)
        {
          if (is_integer)
            _xf_registry_sql_add_int64 (sql, last_number);
          else
            _xf_registry_sql_add_text (sql, last_text);
        }
      if (!start)
        {
          _xf_registry_sql_add_text (sql, last_name);
          _xf_registry_sql_add_int64 (sql, last_id);
        }
      xf_db_stmt_reset (stmt);
      _xf_registry_sql_bind (sql, stmt);
      while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
        {
          XfPioneer *pioneer = _xf_registry_read_pioneer (stmt, _xf_pioneer_columns,
                                                          _xf_pioneer_n_columns, 0);

          g_ptr_array_add (page, pioneer);
          if (is_integer)
            last_number = xf_db_stmt_column_int64 (stmt, key_column);
          else
            {
              g_free (last_text);
              last_text = xf_db_stmt_dup_text (stmt, key_column);
            }
          g_free (last_name);
          last_name = g_strdup (xf_pioneer_get_name (pioneer));
          last_id = xf_pioneer_get_id (pioneer);
        }
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
      if (page->len > 0 && !func (context, page, error))
        return FALSE;
      context->done += page->len;
      if (context->progress != NULL && context->total > 0)
        context->progress (MIN (1.0, (double) context->done / context->total), context->user_data);
      if (page->len < PAGE_ROWS)
        return TRUE;
    }
}

/* Individuals and collectives: one row per file. */
static gboolean
write_pioneers_cb (XfExportContext  *context,
                   GPtrArray        *page,
                   GError          **error)
{
  const char * const *fields = context->sink.fields;
  guint n = context->sink.n_fields;
  g_autofree char **cells = g_new0 (char *, n + 1);

  for (guint r = 0; r < page->len; r++)
    {
      XfPioneer *pioneer = g_ptr_array_index (page, r);
      gboolean masked = _xf_export_masks (context, pioneer);
      gboolean ok;

      for (guint i = 0; i < n; i++)
        cells[i] = _xf_export_pioneer_value (context, pioneer, fields[i], masked);
      ok = _xf_export_sink_add (&context->sink, (const char * const *) cells, error);
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&cells[i], g_free);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Honours: one row per honour, after its file's identifying fields. */
static gboolean
write_honours_cb (XfExportContext  *context,
                  GPtrArray        *page,
                  GError          **error)
{
  XfDb *db = _xf_registry_get_db (context->registry);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GHashTable) by_pioneer = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) honours = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  const char * const *fields = context->sink.fields;
  guint n = context->sink.n_fields;
  g_autofree char **cells = g_new0 (char *, n + 1);
  XfDbStep step;

  /* Our own integer ids: no text reaches the SQL. */
  for (guint r = 0; r < page->len; r++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, r > 0 ? ", " : "",
                            xf_pioneer_get_id (g_ptr_array_index (page, r)));
  sql = g_strdup_printf ("SELECT pioneer_id, title, level, year, conferring_body, certificate_no "
                         "FROM honours WHERE pioneer_id IN (%s) ORDER BY pioneer_id, year, id", ids->str);
  stmt = xf_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  /* Each file's honours are consecutive: remember where each file's begin. */
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 owner = xf_db_stmt_column_int64 (stmt, 0);
      gpointer id = GSIZE_TO_POINTER ((gsize) owner);
      GStrv row = g_new0 (char *, 6);

      for (int c = 1; c < 6; c++)
        row[c - 1] = xf_db_stmt_dup_text (stmt, c);
      if (!g_hash_table_contains (by_pioneer, id))
        g_hash_table_insert (by_pioneer, id, GUINT_TO_POINTER (honours->len));
      g_ptr_array_add (honours, row);
      g_array_append_val (owners, owner);
    }
  if (step == XF_DB_STEP_ERROR)
    return FALSE;

  for (guint r = 0; r < page->len; r++)
    {
      XfPioneer *pioneer = g_ptr_array_index (page, r);
      gpointer id = GSIZE_TO_POINTER ((gsize) xf_pioneer_get_id (pioneer));
      gpointer found = NULL;
      gboolean masked;

      if (!g_hash_table_lookup_extended (by_pioneer, id, NULL, &found))
        continue;
      masked = _xf_export_masks (context, pioneer);
      for (guint h = GPOINTER_TO_UINT (found);
           h < honours->len && g_array_index (owners, gint64, h) == xf_pioneer_get_id (pioneer);
           h++)
        {
          GStrv row = g_ptr_array_index (honours, h);
          gboolean ok;
          for (guint i = 0; i < n; i++)
            {
              const char *field = fields[i];

              if (g_str_equal (field, "pioneer-id-number"))
                cells[i] = _xf_export_pioneer_value (context, pioneer, "id-number", masked);
              else if (g_str_equal (field, "pioneer-credit-code"))
                cells[i] = g_strdup (xf_pioneer_get_credit_code (pioneer));
              else if (g_str_equal (field, "pioneer-name"))
                cells[i] = g_strdup (xf_pioneer_get_name (pioneer));
              else if (g_str_equal (field, "pioneer-birth-date"))
                cells[i] = g_strdup (xf_pioneer_get_birth_date (pioneer));
              else if (g_str_equal (field, "pioneer-uid"))
                cells[i] = g_strdup (xf_pioneer_get_uid (pioneer));
              else
                cells[i] = _xf_export_honour_value (field, (const char * const *) row);
            }
          ok = _xf_export_sink_add (&context->sink, (const char * const *) cells, error);
          for (guint i = 0; i < n; i++)
            g_clear_pointer (&cells[i], g_free);
          if (!ok)
            return FALSE;
          context->honours++;
        }
    }
  return TRUE;
}

/* Organisations: the table as it is, parents by code. */
static gboolean
write_organisations (XfExportContext  *context,
                     GError          **error)
{
  XfDb *db = _xf_registry_get_db (context->registry);
  g_autoptr(XfDbStmt) stmt = NULL;
  const char * const *fields = context->sink.fields;
  guint n = context->sink.n_fields;
  g_autofree const char **cells = g_new0 (const char *, n + 1);
  XfDbStep step;

  stmt = xf_db_prepare (db,
                        "SELECT o.code, o.name, o.name_en, o.kind, p.code FROM organisations o "
                        "LEFT JOIN organisations p ON p.id = o.parent_id ORDER BY o.code",
                        error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      static const char * const columns[] = { "code", "name", "name-en", "kind", "parent-code" };

      for (guint i = 0; i < n; i++)
        {
          cells[i] = NULL;
          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            if (g_str_equal (fields[i], columns[c]))
              cells[i] = xf_db_stmt_column_text (stmt, (int) c);
        }
      if (!_xf_export_sink_add (&context->sink, cells, error))
        return FALSE;
      context->done++;
    }
  return step == XF_DB_STEP_DONE;
}

char *
_xf_export_honour_value (const char         *field,
                         const char * const *row)
{
  if (g_str_has_suffix (field, "title"))
    return g_strdup (row[0]);
  if (g_str_has_suffix (field, "level"))
    return g_strdup (xf_honour_level_label (row[1]));
  if (g_str_has_suffix (field, "year"))
    return g_strdup (row[2]);
  if (g_str_has_suffix (field, "body"))
    return g_strdup (row[3]);
  if (g_str_has_suffix (field, "certificate") || g_str_has_suffix (field, "certificate-no"))
    return g_strdup (row[4]);
  return NULL;
}

/* The kind's import fields, but for the honour columns of a file list:
 * honours go out as a list of their own, one row each. */
static GPtrArray *
list_fields (XfImportKind kind)
{
  const char * const *all = xf_import_list_fields (kind);
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (!g_str_has_prefix (all[i], "honour-"))
      g_ptr_array_add (fields, (gpointer) all[i]);
  g_ptr_array_add (fields, NULL);
  return fields;
}

gboolean
_xf_export_record (XfExportContext  *context,
                   const char       *record_uid,
                   const char       *record_label,
                   const char       *what,
                   GError          **error)
{
  XfDb *db = _xf_registry_get_db (context->registry);
  g_autofree char *value = NULL;
  g_autoptr(GError) local_error = NULL;

  value = g_strdup_printf ("%" G_GINT64_FORMAT " rows%s", context->sink.rows,
                           context->personal_out ? ", with personal data" : "");
  if (!xf_db_begin (db, error))
    return FALSE;
  /* Recorded, then the file takes its name: an export that could not be
   * recorded leaves no file, and one whose file failed leaves no entry. */
  if (!xf_audit_append_change (db, xf_registry_get_actor (context->registry), XF_AUDIT_EXPORT,
                               "export", record_uid, record_label, what, NULL, value, error) ||
      !_xf_export_sink_finish (&context->sink, error))
    {
      xf_db_rollback (db);
      return FALSE;
    }
  return xf_db_commit (db, error);
}

void
_xf_export_context_clear (XfExportContext *context)
{
  _xf_export_sink_clear (&context->sink);
}

/**
 * xf_export_list:
 * @registry: the registry, read as its actor (REGISTRY_READ)
 * @kind: "individuals", "collectives", "honours" or "organisations"
 * @query: (nullable): the files to export, in its order (NULL: every active file)
 * @format: CSV, XLSX or JSON
 * @with_personal: export identity numbers and mobiles where the actor may see them
 * @path: the file, replaced when it exists
 * @progress: (nullable) (scope call): 0..1 after each page
 * @cancellable: (nullable): checked before each page
 *
 * See xf-export.h.
 *
 * Returns: the number of rows written, or -1 with @error set
 */
gint64
xf_export_list (XfRegistry            *registry,
                const char            *kind,
                const XfRegistryQuery *query,
                XfExportFormat         format,
                gboolean               with_personal,
                const char            *path,
                XfExportProgressFunc   progress,
                gpointer               user_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_auto(XfExportContext) context = { 0 };
  g_autoptr(XfRegistryQuery) narrowed = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  XfImportKind import_kind;
  XfDb *db;
  gboolean ok;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), -1);
  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (kind == NULL || !xf_import_kind_from_string (kind, &import_kind))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Kind: “%s” is not one of individuals, collectives, honours or organisations"),
                   kind != NULL ? kind : "");
      return -1;
    }
  if (!xf_permission_check (xf_registry_get_actor (registry), XF_OP_REGISTRY_READ, NULL, error))
    return -1;

  context.registry = registry;
  context.reference = xf_reference_get_shared ();
  context.with_personal = with_personal;
  context.progress = progress;
  context.user_data = user_data;
  context.cancellable = cancellable;
  for (guint t = 0; t < XF_REFERENCE_N_TABLES; t++)
    if (!xf_reference_ensure (context.reference, t, error))
      return -1;

  fields = list_fields (import_kind);
  for (guint i = 0; i + 1 < fields->len; i++)
    g_ptr_array_add (labels, (gpointer) xf_import_field_label (import_kind, g_ptr_array_index (fields, i)));
  g_ptr_array_add (labels, NULL);
  if (!_xf_export_sink_open (&context.sink, format, path, xf_import_kind_label (import_kind),
                             (const char * const *) fields->pdata,
                             (const char * const *) labels->pdata, error))
    return -1;

  /* A list of individuals or collectives is of that kind, whatever the
   * page showed. */
  narrowed = query != NULL ? xf_registry_query_copy (query) : xf_registry_query_new ();
  if (import_kind == XF_IMPORT_KIND_INDIVIDUALS || import_kind == XF_IMPORT_KIND_COLLECTIVES)
    {
      xf_registry_query_clear_filter (narrowed, XF_REGISTRY_FILTER_KIND);
      xf_registry_query_add_filter (narrowed, XF_REGISTRY_FILTER_KIND,
                                    import_kind == XF_IMPORT_KIND_INDIVIDUALS ? "individual" : "collective");
    }

  db = _xf_registry_get_db (registry);
  if (!begin_read (db, error))
    return -1;
  switch (import_kind)
    {
    case XF_IMPORT_KIND_ORGANISATIONS:
      ok = write_organisations (&context, error);
      break;
    case XF_IMPORT_KIND_HONOURS:
      ok = foreach_page (&context, narrowed, write_honours_cb, error);
      break;
    case XF_IMPORT_KIND_INDIVIDUALS:
    case XF_IMPORT_KIND_COLLECTIVES:
    default:
      ok = foreach_page (&context, narrowed, write_pioneers_cb, error);
      break;
    }
  end_read (db);
  if (!ok)
    return -1;

  {
    g_autofree char *what = g_strdup_printf ("%s %s", kind, xf_export_format_to_string (format));

    if (!_xf_export_record (&context, NULL, kind, what, error))
      return -1;
  }
  if (progress != NULL)
    progress (1.0, user_data);
  return context.sink.rows;
}
