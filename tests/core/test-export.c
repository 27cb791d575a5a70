/* test-export.c — lists and files to CSV, XLSX and JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-audit.h"
#include "xf-demo.h"
#include "xf-error.h"
#include "xf-export.h"
#include "xf-import.h"
#include "xf-test-files.h"
#include "xf-test-store.h"
#include "xf-xlsx-reader.h"

/*
 * One demo registry (PostgreSQL when the suite runs there) of more than a
 * page of individuals, exported by accounts of several roles.
 */

static char *tmp_dir;
static XfStore *store;

static const char * const kinds[] = { "individuals", "collectives", "honours", "organisations" };
static const XfExportFormat formats[] = { XF_EXPORT_FORMAT_CSV, XF_EXPORT_FORMAT_XLSX, XF_EXPORT_FORMAT_JSON };

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* The rows of an RFC 4180 file (after its byte-order mark), each a GStrv. */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  for (p = text + 3; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        {
          g_strv_builder_add (row, cell->str);
          g_string_truncate (cell, 0);
        }
      else if (!quoted && *p == '\r' && p[1] == '\n')
        {
          g_strv_builder_add (row, cell->str);
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          p++;
        }
      else
        g_string_append_c (cell, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (cell->len, ==, 0);
  return rows;
}

static JsonNode *
read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
expected_rows (const char *kind)
{
  if (g_str_equal (kind, "individuals"))
    return xf_test_query_int64 (store, "SELECT count(*) FROM pioneers WHERE status = 'active' AND kind = 'individual'");
  if (g_str_equal (kind, "collectives"))
    return xf_test_query_int64 (store, "SELECT count(*) FROM pioneers WHERE status = 'active' AND kind = 'collective'");
  if (g_str_equal (kind, "honours"))
    return xf_test_query_int64 (store, "SELECT count(*) FROM honours h JOIN pioneers p ON p.id = h.pioneer_id "
                                       "WHERE p.status = 'active'");
  return xf_test_query_int64 (store, "SELECT count(*) FROM organisations");
}

/* The rows of an exported file, header first, whatever its format. */
static GPtrArray *
read_rows (const char     *path,
           XfExportFormat  format,
           const char     *kind)
{
  GPtrArray *rows;

  if (format == XF_EXPORT_FORMAT_CSV)
    return read_csv (path);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (format == XF_EXPORT_FORMAT_XLSX)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sheets = xf_xlsx_read (path, &error);
      XfXlsxSheet *sheet;

      g_assert_no_error (error);
      g_assert_cmpuint (sheets->len, ==, 1);
      sheet = g_ptr_array_index (sheets, 0);
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (sheet->rows, r);
          g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

          for (guint c = 0; c < cells->len; c++)
            g_strv_builder_add (row, g_ptr_array_index (cells, c));
          g_ptr_array_add (rows, g_strv_builder_end (row));
        }
      return rows;
    }
  {
    g_autoptr(JsonNode) root = read_json (path);
    JsonArray *array = json_node_get_array (root);
    XfImportKind import_kind;
    const char * const *fields;
    g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

    g_assert_true (xf_import_kind_from_string (kind, &import_kind));
    fields = xf_import_list_fields (import_kind);
    for (guint i = 0; fields[i] != NULL; i++)
      if (!g_str_has_prefix (fields[i], "honour-"))
        g_strv_builder_add (header, xf_import_field_label (import_kind, fields[i]));
    g_ptr_array_add (rows, g_strv_builder_end (header));
    for (guint r = 0; r < json_array_get_length (array); r++)
      {
        JsonObject *object = json_array_get_object_element (array, r);
        g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

        for (guint i = 0; fields[i] != NULL; i++)
          if (!g_str_has_prefix (fields[i], "honour-"))
            {
              g_assert_true (json_object_has_member (object, fields[i]));
              g_strv_builder_add (row, json_object_get_string_member_with_default (object, fields[i], "") ?: "");
            }
        g_ptr_array_add (rows, g_strv_builder_end (row));
      }
    return rows;
  }
}

static int
column_of (GPtrArray  *rows,
           const char *label)
{
  GStrv header = g_ptr_array_index (rows, 0);

  for (int c = 0; header[c] != NULL; c++)
    if (g_str_equal (header[c], label))
      return c;
  g_assert_not_reached ();
}

/* Each kind in each format: as many rows as the registry holds, under the
 * import's labels. */
static void
test_kinds_and_formats (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], xf_export_format_to_string (formats[f]));
        g_autofree char *path = tmp_path (name);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        gint64 expected = expected_rows (kinds[k]);
        gint64 written;
        XfImportKind import_kind;
        GStrv header;

        written = xf_export_list (registry, kinds[k], NULL, formats[f], FALSE, path,
                                  NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        g_test_message ("%s: %" G_GINT64_FORMAT " rows", name, written);
        g_assert_cmpint (written, ==, expected);
        g_assert_cmpint (expected, >, 0);
        rows = read_rows (path, formats[f], kinds[k]);
        g_assert_cmpint (rows->len, ==, expected + 1);
        header = g_ptr_array_index (rows, 0);
        g_assert_true (xf_import_kind_from_string (kinds[k], &import_kind));
        g_assert_cmpstr (header[0], ==, xf_import_field_label (import_kind, xf_import_list_fields (import_kind)[0]));
      }
}

/* Labels, not codes; personal data masked without --with-personal. */
static void
test_values (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autofree char *path = tmp_path ("values.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfPioneer) first = NULL;
  g_autofree char *id_number = NULL;
  GStrv row;

  /* The first individual by name: the list's own order. */
  g_assert_cmpint (xf_export_list (registry, "individuals", query, XF_EXPORT_FORMAT_CSV, FALSE, path,
                                   NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  rows = read_csv (path);
  row = g_ptr_array_index (rows, 1);
  {
    g_autofree char *uid = xf_test_query_text (store, "SELECT uid FROM pioneers WHERE status = 'active' "
                                                      "AND kind = 'individual' ORDER BY name, id LIMIT 1");

    first = xf_registry_get_pioneer_by_uid (registry, uid, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (row[column_of (rows, "Name")], ==, xf_pioneer_get_name (first));
  g_assert_cmpstr (row[column_of (rows, "Gender")], ==, xf_gender_label (xf_pioneer_get_gender (first)));
  g_assert_true (g_str_equal (row[column_of (rows, "Gender")], "Male") ||
                 g_str_equal (row[column_of (rows, "Gender")], "Female"));
  g_assert_cmpstr (row[column_of (rows, "Organisation")], ==, xf_pioneer_get_organisation_name (first));
  /* A township with its county, in Chinese: 吴兴区湖东街道. */
  g_assert_true (g_str_has_suffix (row[column_of (rows, "Region")], "街道") ||
                 g_str_has_suffix (row[column_of (rows, "Region")], "镇") ||
                 g_str_has_suffix (row[column_of (rows, "Region")], "乡") ||
                 g_str_has_suffix (row[column_of (rows, "Region")], "区") ||
                 g_str_has_suffix (row[column_of (rows, "Region")], "县"));
  g_assert_false (g_ascii_isdigit (row[column_of (rows, "Region")][0]));
  /* Masked as the registry masks: 6 + 8 stars + 4. */
  id_number = xf_pioneer_dup_field (first, "id-number");
  g_assert_cmpuint (strlen (row[column_of (rows, "Identity number")]), ==, 18);
  g_assert_nonnull (strstr (row[column_of (rows, "Identity number")], "********"));
  g_assert_cmpstr (row[column_of (rows, "Birth date")], ==, xf_pioneer_get_birth_date (first));
}

/* The identity numbers of an export by @actor, plain or masked. */
static void
count_plain (XfAccount  *actor,
             gboolean    with_personal,
             guint      *plain,
             guint      *masked,
             guint      *plain_outside)
{
  g_autoptr(XfRegistry) registry = xf_registry_new (store, actor);
  g_autofree char *path = tmp_path ("personal.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int id_column, region_column;

  g_assert_cmpint (xf_export_list (registry, "individuals", NULL, XF_EXPORT_FORMAT_CSV, with_personal,
                                   path, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  rows = read_csv (path);
  id_column = column_of (rows, "Identity number");
  region_column = column_of (rows, "Region");
  *plain = *masked = *plain_outside = 0;
  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      if (row[id_column][0] == '\0')
        continue;
      if (strchr (row[id_column], '*') != NULL)
        (*masked)++;
      else
        {
          (*plain)++;
          /* 德清县 is 330521: the clerk's scope. */
          *plain_outside += !g_str_has_prefix (row[region_column], "德清县");
        }
    }
}

static char *
last_export_value (void)
{
  return xf_test_query_text (store, "SELECT new_value FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1");
}

static void
test_personal (void)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) reviewer = xf_account_new ("reviewer", "Reviewer");
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk.deqing", "Clerk");
  guint plain, masked, outside;
  g_autofree char *value = NULL;

  xf_account_add_grant (reviewer, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");

  count_plain (admin, FALSE, &plain, &masked, &outside);
  g_assert_cmpuint (plain, ==, 0);
  g_assert_cmpuint (masked, >, 0);
  value = last_export_value ();
  g_assert_true (g_str_has_suffix (value, " rows"));
  g_clear_pointer (&value, g_free);

  count_plain (admin, TRUE, &plain, &masked, &outside);
  g_assert_cmpuint (masked, ==, 0);
  g_assert_cmpuint (plain, >, 0);
  value = last_export_value ();
  g_assert_true (g_str_has_suffix (value, ", with personal data"));
  g_clear_pointer (&value, g_free);

  /* A reviewer never sees them, whatever is asked. */
  count_plain (reviewer, TRUE, &plain, &masked, &outside);
  g_assert_cmpuint (plain, ==, 0);
  g_assert_cmpuint (masked, >, 0);
  value = last_export_value ();
  g_assert_false (g_str_has_suffix (value, ", with personal data"));

  /* A clerk sees them in the clerk's own county only. */
  count_plain (clerk, TRUE, &plain, &masked, &outside);
  g_assert_cmpuint (plain, >, 0);
  g_assert_cmpuint (masked, >, 0);
  g_assert_cmpuint (outside, ==, 0);
}

/* The registry page's query narrows the list and orders it. */
static void
test_query (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autofree char *path = tmp_path ("deqing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  gint64 written;

  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_REGION, "330521");
  xf_registry_query_set_sort (query, XF_REGISTRY_SORT_HONOURS, TRUE);
  written = xf_export_list (registry, "individuals", query, XF_EXPORT_FORMAT_JSON, FALSE, path,
                            NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, xf_test_query_int64 (store, "SELECT count(*) FROM pioneers WHERE status = 'active' "
                                                            "AND kind = 'individual' AND region_code LIKE '330521%'"));
  g_assert_cmpint (written, >, 0);
  g_assert_cmpint (written, <, expected_rows ("individuals"));
  root = read_json (path);
  array = json_node_get_array (root);
  g_assert_cmpint (json_array_get_length (array), ==, written);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (array, i),
                                                                    "region-code"), "德清县"));
}

static void
cancel_after_first_page_cb (double   fraction,
                            gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A failed export leaves an existing file as it was, and no other file. */
static void
test_failure_keeps_file (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tmp_path ("keep");
  g_autofree char *path = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "list.csv", NULL);
  g_autoptr(GDir) listing = NULL;
  gint64 exports = xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'export'");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strconcat ("list.", xf_export_format_to_string (formats[f]), NULL);
      g_autofree char *kept = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
      g_clear_error (&error);
      g_cancellable_reset (cancellable);
      g_assert_cmpint (xf_export_list (registry, "individuals", NULL, formats[f], FALSE, kept,
                                       cancel_after_first_page_cb, cancellable, cancellable, &error), ==, -1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (g_file_get_contents (kept, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, "old");
    }
  /* Nothing but the three files: no temporary file was left. */
  listing = g_dir_open (dir, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_assert_true (g_str_has_prefix (g_dir_read_name (listing), "list."));
  g_assert_null (g_dir_read_name (listing));

  g_clear_error (&error);
  g_assert_cmpint (xf_export_list (registry, "organisations", NULL, XF_EXPORT_FORMAT_CSV, FALSE, missing,
                                   NULL, NULL, NULL, &error), ==, -1);
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  /* Nothing went out: nothing was recorded. */
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, exports);

  g_clear_error (&error);
  g_assert_cmpint (xf_export_list (registry, "pioneers", NULL, XF_EXPORT_FORMAT_CSV, FALSE, path,
                                   NULL, NULL, NULL, &error), ==, -1);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

/* One pioneer's file: its fields and honours, in each format. */
static void
test_file (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autofree char *uid = xf_test_query_text (store, "SELECT uid FROM pioneers WHERE honours_count > 1 "
                                                    "AND kind = 'individual' ORDER BY id LIMIT 1");
  g_autofree char *json = tmp_path ("file.json");
  g_autofree char *csv = tmp_path ("file.csv");
  g_autofree char *xlsx = tmp_path ("file.xlsx");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM honours h JOIN pioneers p ON p.id = h.pioneer_id "
                                          "WHERE p.uid = '%s'", uid);
  gint64 honours = xf_test_query_int64 (store, sql);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer_by_uid (registry, uid, &error);
  JsonObject *object;
  JsonArray *fields;
  gboolean found_name = FALSE;

  g_assert_no_error (error);
  g_assert_true (xf_export_file (registry, uid, XF_EXPORT_FORMAT_JSON, TRUE, json, &error));
  g_assert_no_error (error);
  root = read_json (json);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==, uid);
  fields = json_object_get_array_member (object, "fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);

      if (g_str_equal (json_object_get_string_member (field, "field"), "name"))
        {
          g_assert_cmpstr (json_object_get_string_member (field, "value"), ==, xf_pioneer_get_name (pioneer));
          found_name = TRUE;
        }
      if (g_str_equal (json_object_get_string_member (field, "field"), "id-number"))
        g_assert_cmpstr (json_object_get_string_member (field, "value"), ==, xf_pioneer_get_id_number (pioneer));
    }
  g_assert_true (found_name);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (object, "honours")), ==, honours);
  {
    g_autofree char *recorded = xf_test_query_text (store, "SELECT record_uid || ' ' || field || ' ' || new_value "
                                                           "FROM audit_log WHERE action = 'export' "
                                                           "ORDER BY seq DESC LIMIT 1");
    g_autofree char *expected = g_strdup_printf ("%s file json 1 rows, with personal data", uid);

    g_assert_cmpstr (recorded, ==, expected);
  }

  g_assert_true (xf_export_file (registry, uid, XF_EXPORT_FORMAT_CSV, FALSE, csv, &error));
  g_assert_no_error (error);
  rows = read_csv (csv);
  /* field, value rows; an empty line; the honours' header and rows. */
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[0], ==, "Field");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, rows->len - honours - 1))[0], ==, "Honour title");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, rows->len - honours - 2))[0], ==, "");

  g_assert_true (xf_export_file (registry, uid, XF_EXPORT_FORMAT_XLSX, FALSE, xlsx, &error));
  g_assert_no_error (error);
  sheets = xf_xlsx_read (xlsx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_cmpstr (((XfXlsxSheet *) g_ptr_array_index (sheets, 0))->name, ==, "File");
  g_assert_cmpstr (((XfXlsxSheet *) g_ptr_array_index (sheets, 1))->name, ==, "Honours");
  g_assert_cmpuint (((XfXlsxSheet *) g_ptr_array_index (sheets, 1))->rows->len, ==, honours + 1);

  g_assert_false (xf_export_file (registry, "no-such-uid", XF_EXPORT_FORMAT_JSON, FALSE, json, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

/* An exported list imports again: its headers map themselves and every
 * row is a duplicate of the file it came from. */
static void
test_reimport (void)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autofree char *path = tmp_path ("again.csv");
  g_autoptr(XfImport) import = xf_import_new (registry);
  g_autoptr(GError) error = NULL;
  gint64 written;

  written = xf_export_list (registry, "individuals", NULL, XF_EXPORT_FORMAT_CSV, TRUE, path,
                            NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xf_import_load (import, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_INDIVIDUALS);
  for (guint c = 0; c < xf_import_get_n_columns (import); c++)
    {
      g_test_message ("%s → %s", xf_import_get_header (import, c), xf_import_get_column_field (import, c));
      g_assert_nonnull (xf_import_get_column_field (import, c));
    }
  g_assert_true (xf_import_analyse (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, written);
  for (guint r = 0; r < xf_import_get_n_rows (import); r++)
    if (xf_import_get_row_state (import, r) != XF_IMPORT_ROW_DUPLICATE)
      {
        GPtrArray *problems = xf_import_get_row_problems (import, r);

        for (guint i = 0; i < problems->len; i++)
          g_test_message ("row %u: %s", r, ((XfImportProblem *) g_ptr_array_index (problems, i))->message);
        g_assert_cmpint (xf_import_get_row_state (import, r), ==, XF_IMPORT_ROW_DUPLICATE);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  XfDemoOptions options = { 1200, 60, 3 };
  int status;

  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  store = xf_test_open_store ();
  xf_demo_generate (store, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/export/kinds-and-formats", test_kinds_and_formats);
  g_test_add_func ("/core/export/values", test_values);
  g_test_add_func ("/core/export/personal", test_personal);
  g_test_add_func ("/core/export/query", test_query);
  g_test_add_func ("/core/export/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/core/export/file", test_file);
  g_test_add_func ("/core/export/reimport", test_reimport);
  status = g_test_run ();

  g_clear_object (&store);
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
