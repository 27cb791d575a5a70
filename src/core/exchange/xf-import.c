/* xf-import.c — loading, mapping and the preview of a spreadsheet import
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-audit.h"
#include "xf-data.h"
#include "xf-error.h"
#include "xf-import-private.h"
#include "xf-registry-private.h"
#include "xf-table.h"

/* Text blocks of the rows; a row longer than this gets a block of its own. */
#define BLOCK_SIZE (4 << 20)

G_DEFINE_FINAL_TYPE (XfImport, xf_import, G_TYPE_OBJECT)

/*
 * Kinds and fields
 */

static const char * const kind_names[] = { "individuals", "collectives", "honours", "organisations" };

static const char * const honour_fields[] = {
  "honour-title", "honour-level", "honour-year", "honour-body", "honour-certificate",
};

static const char * const honours_kind_fields[] = {
  "pioneer-id-number", "pioneer-credit-code", "pioneer-name", "pioneer-birth-date",
  "pioneer-uid", "title", "level", "year", "conferring-body", "certificate-no", NULL
};

static const char * const organisations_kind_fields[] = {
  "code", "name", "name-en", "kind", "parent-code", NULL
};

const char *
xf_import_kind_to_string (XfImportKind kind)
{
  g_return_val_if_fail (kind <= XF_IMPORT_KIND_ORGANISATIONS, NULL);
  return kind_names[kind];
}

gboolean
xf_import_kind_from_string (const char   *text,
                            XfImportKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
xf_import_kind_label (XfImportKind kind)
{
  switch (kind)
    {
    case XF_IMPORT_KIND_INDIVIDUALS:
      return _("Individuals");
    case XF_IMPORT_KIND_COLLECTIVES:
      return _("Collectives");
    case XF_IMPORT_KIND_HONOURS:
      return _("Honours");
    case XF_IMPORT_KIND_ORGANISATIONS:
      return _("Organisations");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The pioneer fields of a kind followed by the honour fields, built once. */
static const char * const *
pioneer_kind_fields (const char *pioneer_kind)
{
  static GPtrArray *lists[2];
  guint which = g_str_equal (pioneer_kind, "collective");

  if (g_once_init_enter (&lists[which]))
    {
      const char * const *form = xf_pioneer_list_fields (pioneer_kind);
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; form[i] != NULL; i++)
        g_ptr_array_add (list, (gpointer) form[i]);
      for (guint i = 0; i < G_N_ELEMENTS (honour_fields); i++)
        g_ptr_array_add (list, (gpointer) honour_fields[i]);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&lists[which], list);
    }
  return (const char * const *) lists[which]->pdata;
}

const char * const *
xf_import_list_fields (XfImportKind kind)
{
  switch (kind)
    {
    case XF_IMPORT_KIND_INDIVIDUALS:
      return pioneer_kind_fields ("individual");
    case XF_IMPORT_KIND_COLLECTIVES:
      return pioneer_kind_fields ("collective");
    case XF_IMPORT_KIND_HONOURS:
      return honours_kind_fields;
    case XF_IMPORT_KIND_ORGANISATIONS:
      return organisations_kind_fields;
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_xf_import_intern_field (XfImportKind  kind,
                         const char   *field)
{
  const char * const *fields = xf_import_list_fields (kind);

  for (guint i = 0; field != NULL && fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return fields[i];
  return NULL;
}

gboolean
_xf_import_field_is_known (XfImportKind  kind,
                           const char   *field)
{
  return _xf_import_intern_field (kind, field) != NULL;
}

const char *
xf_import_field_label (XfImportKind  kind,
                       const char   *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "honour-title") || g_str_equal (field, "title"))
    return _("Honour title");
  if (g_str_equal (field, "honour-level") || g_str_equal (field, "level"))
    return _("Honour level");
  if (g_str_equal (field, "honour-year") || g_str_equal (field, "year"))
    return _("Year of the honour");
  if (g_str_equal (field, "honour-body") || g_str_equal (field, "conferring-body"))
    return _("Conferring body");
  if (g_str_equal (field, "honour-certificate") || g_str_equal (field, "certificate-no"))
    return _("Certificate number");
  if (kind == XF_IMPORT_KIND_HONOURS)
    {
      if (g_str_equal (field, "pioneer-id-number"))
        return xf_pioneer_field_label ("id-number");
      if (g_str_equal (field, "pioneer-credit-code"))
        return xf_pioneer_field_label ("credit-code");
      if (g_str_equal (field, "pioneer-name"))
        return xf_pioneer_field_label ("name");
      if (g_str_equal (field, "pioneer-birth-date"))
        return xf_pioneer_field_label ("birth-date");
      if (g_str_equal (field, "pioneer-uid"))
        return _("File identifier");
    }
  if (kind == XF_IMPORT_KIND_ORGANISATIONS)
    {
      if (g_str_equal (field, "code"))
        return _("Organisation code");
      if (g_str_equal (field, "name"))
        return _("Organisation name");
      if (g_str_equal (field, "name-en"))
        return _("English name");
      if (g_str_equal (field, "kind"))
        return _("Organisation type");
      if (g_str_equal (field, "parent-code"))
        return _("Parent organisation");
    }
  return xf_pioneer_field_label (field);
}

gboolean
xf_import_field_is_required (XfImportKind  kind,
                             const char   *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  switch (kind)
    {
    case XF_IMPORT_KIND_INDIVIDUALS:
    case XF_IMPORT_KIND_COLLECTIVES:
      return g_str_equal (field, "name");
    case XF_IMPORT_KIND_HONOURS:
      return g_str_equal (field, "title") || g_str_equal (field, "year");
    case XF_IMPORT_KIND_ORGANISATIONS:
      return g_str_equal (field, "code") || g_str_equal (field, "name");
    default:
      return FALSE;
    }
}

/*
 * Small structs
 */

void
xf_import_problem_free (XfImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

void
xf_import_merge_field_free (XfImportMergeField *field)
{
  if (field == NULL)
    return;
  g_free (field->field);
  g_free (field->label);
  g_free (field->existing);
  g_free (field->incoming);
  g_free (field);
}

void
xf_import_left_out_free (XfImportLeftOut *left_out)
{
  if (left_out == NULL)
    return;
  g_free (left_out->reason);
  g_free (left_out);
}

void
xf_import_report_free (XfImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_clear_pointer (&report->left_out, g_ptr_array_unref);
  g_free (report);
}

static void
existing_free (gpointer data)
{
  XfImportExisting *existing = data;

  g_free (existing->uid);
  g_free (existing->label);
  g_free (existing);
}

/*
 * The object
 */

static void
clear_rows (XfImport *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    g_clear_pointer (&_xf_import_row (self, i)->problems, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->block_used = 0;
  g_hash_table_remove_all (self->fixes);
  g_hash_table_remove_all (self->merges);
  g_hash_table_remove_all (self->existing);
}

static void
xf_import_finalize (GObject *object)
{
  XfImport *self = (XfImport *) object;

  clear_rows (self);
  g_clear_pointer (&self->fixes, g_hash_table_unref);
  g_clear_pointer (&self->merges, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_clear_pointer (&self->lookups, _xf_import_lookups_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->normalised, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_ptr_array_unref);
  g_clear_pointer (&self->remembered_mapping, g_ptr_array_unref);
  g_clear_pointer (&self->commit_report, xf_import_report_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->file_name);
  g_free (self->path);
  g_free (self->encoding);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_import_parent_class)->finalize (object);
}

static void
xf_import_class_init (XfImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_import_finalize;
}

static void
xf_import_init (XfImport *self)
{
  self->fixes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->merges = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_strfreev);
  self->existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, existing_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->normalised = g_ptr_array_new_with_free_func (g_free);
  self->mapping = g_ptr_array_new ();
}

/**
 * xf_import_new:
 * @registry: the registry rows go into; its actor is the importer
 *
 * Returns: (transfer full): an import with no file loaded
 */
XfImport *
xf_import_new (XfRegistry *registry)
{
  XfImport *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_IMPORT, NULL);
  self->registry = g_object_ref (registry);
  self->reference = xf_reference_get_shared ();
  return self;
}

/*
 * Headers
 */

char *
_xf_import_normalise_header (const char *header)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  int depth = 0;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return g_strdup ("");
  nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  lower = g_utf8_strdown (nfkc != NULL ? nfkc : header, -1);
  out = g_string_new (NULL);
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Notes in brackets: (必填), [optional], 【选填】, 〔…〕 */
      if (c == '(' || c == '[' || c == 0x3010 || c == 0x3014 || c == '<' || c == 0x300A)
        {
          depth++;
          continue;
        }
      if (c == ')' || c == ']' || c == 0x3011 || c == 0x3015 || c == '>' || c == 0x300B)
        {
          depth = MAX (depth - 1, 0);
          continue;
        }
      if (depth > 0 || g_unichar_isspace (c) || c == '*' || c == ':' || c == '_' ||
          c == '-' || c == '.' || c == 0xFEFF)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Normalised header → field, per kind, from data/reference/import-headers.json
 * and the fields' own names and labels. */
static GHashTable *
synonyms_for_kind (XfImportKind kind)
{
  static GHashTable *tables[4];

  if (g_once_init_enter (&tables[kind]))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *path = xf_data_find_file ("reference/import-headers.json");
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      const char * const *fields = xf_import_list_fields (kind);

      if (path == NULL || !json_parser_load_from_file (parser, path, &error))
        g_warning ("Could not read the import headers: %s",
                   error != NULL ? error->message : "reference/import-headers.json not found");
      else
        {
          JsonNode *root = json_parser_get_root (parser);
          JsonObject *kinds = JSON_NODE_HOLDS_OBJECT (root)
                              ? json_object_get_object_member (json_node_get_object (root), "kinds") : NULL;
          JsonObject *of_kind = kinds != NULL && json_object_has_member (kinds, kind_names[kind])
                                ? json_object_get_object_member (kinds, kind_names[kind]) : NULL;

          /* In the order of the fields, so that a header listed twice maps to the first. */
          for (guint i = 0; of_kind != NULL && fields[i] != NULL; i++)
            {
              JsonArray *names;

              if (!json_object_has_member (of_kind, fields[i]))
                continue;
              names = json_object_get_array_member (of_kind, fields[i]);
              for (guint j = 0; names != NULL && j < json_array_get_length (names); j++)
                {
                  char *key = _xf_import_normalise_header (json_array_get_string_element (names, j));

                  if (key[0] != '\0' && !g_hash_table_contains (table, key))
                    g_hash_table_insert (table, key, (gpointer) fields[i]);
                  else
                    g_free (key);
                }
            }
        }
      for (guint i = 0; fields[i] != NULL; i++)
        {
          char *name = _xf_import_normalise_header (fields[i]);

          if (!g_hash_table_contains (table, name))
            g_hash_table_insert (table, name, (gpointer) fields[i]);
          else
            g_free (name);
        }
      g_once_init_leave (&tables[kind], table);
    }
  return tables[kind];
}

static const char *
guess_field (XfImportKind  kind,
             const char   *normalised)
{
  const char * const *fields;

  if (normalised[0] == '\0')
    return NULL;
  fields = g_hash_table_lookup (synonyms_for_kind (kind), normalised);
  if (fields != NULL)
    return (const char *) fields;
  /* The translated labels, as our own exports write them. */
  fields = xf_import_list_fields (kind);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *label = _xf_import_normalise_header (xf_import_field_label (kind, fields[i]));

      if (g_str_equal (label, normalised))
        return fields[i];
    }
  return NULL;
}

static guint
guess_mapping (XfImport     *self,
               XfImportKind  kind,
               GPtrArray    *mapping)
{
  guint n = 0;

  g_ptr_array_set_size (mapping, 0);
  for (guint c = 0; c < self->normalised->len; c++)
    {
      const char *field = guess_field (kind, g_ptr_array_index (self->normalised, c));

      for (guint k = 0; field != NULL && k < mapping->len; k++)
        if (g_ptr_array_index (mapping, k) == field)
          field = NULL;
      g_ptr_array_add (mapping, (gpointer) field);
      n += field != NULL;
    }
  return n;
}

static gboolean
mapping_has (GPtrArray  *mapping,
             const char *field)
{
  for (guint i = 0; i < mapping->len; i++)
    if (g_strcmp0 (g_ptr_array_index (mapping, i), field) == 0)
      return TRUE;
  return FALSE;
}

/* See xf-import.h. Columns that only files of pioneers have tell them from
 * lists of honours or organisations; a credit-code column then means
 * collectives unless the list has person columns. */
static XfImportKind
guess_kind (XfImport *self)
{
  g_autoptr(GPtrArray) m = g_ptr_array_new ();
  static const char * const person[] = { "gender", "mobile", "employer", "position", "education",
                                         "ethnicity", "political-status", NULL };
  static const char * const collective[] = { "leader", "size", "collective-kind", NULL };
  static const char * const record[] = { "industry", "region-code", "organisation-id", NULL };
  gboolean has_person = FALSE;
  gboolean has_record = FALSE;

  guess_mapping (self, XF_IMPORT_KIND_INDIVIDUALS, m);
  for (guint i = 0; person[i] != NULL; i++)
    has_person |= mapping_has (m, person[i]);
  for (guint i = 0; record[i] != NULL; i++)
    has_record |= mapping_has (m, record[i]);
  guess_mapping (self, XF_IMPORT_KIND_COLLECTIVES, m);
  for (guint i = 0; collective[i] != NULL; i++)
    has_record |= mapping_has (m, collective[i]);
  has_record |= has_person;

  if (!has_record)
    {
      guess_mapping (self, XF_IMPORT_KIND_HONOURS, m);
      if (mapping_has (m, "title") && mapping_has (m, "year"))
        return XF_IMPORT_KIND_HONOURS;
      guess_mapping (self, XF_IMPORT_KIND_ORGANISATIONS, m);
      if (mapping_has (m, "code") && mapping_has (m, "name"))
        return XF_IMPORT_KIND_ORGANISATIONS;
    }
  guess_mapping (self, XF_IMPORT_KIND_COLLECTIVES, m);
  if (mapping_has (m, "credit-code") && !has_person)
    return XF_IMPORT_KIND_COLLECTIVES;
  return XF_IMPORT_KIND_INDIVIDUALS;
}

/* SHA-256 of the kind and the normalised headers, in order. */
static char *
header_key (XfImport *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) kind_names[self->kind], -1);
  for (guint i = 0; i < self->normalised->len; i++)
    {
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      g_checksum_update (checksum, g_ptr_array_index (self->normalised, i), -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The remembered mapping of this kind and header set, NULL when none. */
static GPtrArray *
load_remembered (XfImport *self)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = header_key (self);
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) mapping = g_ptr_array_new ();
  JsonNode *root;
  JsonArray *array;

  stmt = xf_db_prepare (db, "SELECT mapping FROM import_mappings WHERE header_key = $1", &error);
  if (stmt == NULL)
    {
      g_debug ("Remembered mappings: %s", error->message);
      return NULL;
    }
  xf_db_stmt_bind_text (stmt, 1, key);
  if (xf_db_stmt_step (stmt, NULL) != XF_DB_STEP_ROW)
    return NULL;
  json = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  if (json_array_get_length (array) != self->headers->len)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *field = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

      g_ptr_array_add (mapping, (gpointer) _xf_import_intern_field (self->kind, field));
    }
  return g_steal_pointer (&mapping);
}

static void
invalidate_analysis (XfImport *self)
{
  self->analysed = FALSE;
  g_hash_table_remove_all (self->merges);
}

static void
map_columns (XfImport *self)
{
  g_clear_pointer (&self->remembered_mapping, g_ptr_array_unref);
  self->remembered_mapping = load_remembered (self);
  if (self->remembered_mapping != NULL)
    {
      g_ptr_array_set_size (self->mapping, 0);
      for (guint i = 0; i < self->remembered_mapping->len; i++)
        g_ptr_array_add (self->mapping, g_ptr_array_index (self->remembered_mapping, i));
    }
  else
    guess_mapping (self, self->kind, self->mapping);
  invalidate_analysis (self);
}

/*
 * Loading
 */

static char *
store_cells (XfImport           *self,
             const char * const *cells,
             guint               n_cells)
{
  gsize size = 0;
  char *block;
  char *out;

  for (guint i = 0; i < n_cells; i++)
    size += strlen (cells[i]) + 1;
  if (self->blocks->len == 0 || self->block_used + size > BLOCK_SIZE)
    {
      g_ptr_array_add (self->blocks, g_malloc (MAX (size, BLOCK_SIZE)));
      self->block_used = 0;
    }
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  out = block + self->block_used;
  for (guint i = 0; i < n_cells; i++)
    {
      gsize len = strlen (cells[i]);

      memcpy (block + self->block_used, cells[i], len + 1);
      self->block_used += len + 1;
    }
  /* A big row filled its own block: the next row starts a new one. */
  if (size > BLOCK_SIZE)
    self->block_used = BLOCK_SIZE;
  return out;
}

static gboolean
load_reader (XfImport      *self,
             XfSheetReader *reader,
             GCancellable  *cancellable,
             GError       **error)
{
  const char * const *cells;
  guint n_cells;
  guint64 line;
  gboolean have_header = FALSE;
  g_autoptr(GError) local_error = NULL;
  guint count = 0;

  clear_rows (self);
  g_ptr_array_set_size (self->headers, 0);
  g_ptr_array_set_size (self->normalised, 0);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (XfImportRow));
  self->committed = FALSE;
  g_clear_pointer (&self->commit_report, xf_import_report_free);

  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &local_error))
    {
      XfImportRow row = { 0 };

      if (!have_header)
        {
          for (guint i = 0; i < n_cells; i++)
            {
              g_autofree char *trimmed = g_strstrip (g_strdup (cells[i]));

              g_ptr_array_add (self->headers, g_strdup (trimmed));
              g_ptr_array_add (self->normalised, _xf_import_normalise_header (trimmed));
            }
          have_header = TRUE;
          continue;
        }
      if (++count % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->rows->len >= G_MAXUINT - 1)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("File: “%s” has too many rows"), self->file_name);
          return FALSE;
        }
      n_cells = MIN (n_cells, G_MAXUINT16);
      row.cells = store_cells (self, cells, n_cells);
      row.n_cells = n_cells;
      row.line = line;
      row.state = XF_IMPORT_ROW_NEW;
      g_array_append_val (self->rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->format = xf_sheet_reader_get_format (reader);
  g_free (self->encoding);
  self->encoding = g_strdup (xf_sheet_reader_get_encoding (reader));
  self->delimiter = xf_sheet_reader_get_delimiter (reader);

  self->kind = guess_kind (self);
  map_columns (self);
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_ptr_array_index (self->mapping, i) != NULL)
      return TRUE;

  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("File: no column of “%s” could be matched to a field of %s"),
               self->file_name, xf_import_kind_label (self->kind));
  return FALSE;
}

/**
 * xf_import_load:
 * @path: a CSV or XLSX file
 *
 * Reads the file's rows and maps its columns (see xf-import.h).
 *
 * Returns: %FALSE with %XF_ERROR_INVALID or %XF_ERROR_IO naming the file
 */
gboolean
xf_import_load (XfImport      *self,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(XfSheetReader) reader = NULL;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = xf_sheet_reader_open (path, error);
  if (reader == NULL)
    return FALSE;
  g_free (self->file_name);
  self->file_name = g_path_get_basename (path);
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  return load_reader (self, reader, cancellable, error);
}

/**
 * xf_import_load_bytes:
 * @data: the file's bytes
 * @name: the name to show and to record
 */
gboolean
xf_import_load_bytes (XfImport      *self,
                      GBytes        *data,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(XfSheetReader) reader = NULL;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL && name != NULL, FALSE);

  reader = xf_sheet_reader_new_for_bytes (data, name, error);
  if (reader == NULL)
    return FALSE;
  g_free (self->file_name);
  self->file_name = g_strdup (name);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (data);
  return load_reader (self, reader, cancellable, error);
}

const char *
xf_import_get_file_name (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  return self->file_name;
}

char *
xf_import_describe_file (XfImport *self)
{
  const char *delimiter;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);

  if (self->format == XF_SHEET_FORMAT_XLSX)
    return g_strdup ("XLSX");
  switch (self->delimiter)
    {
    case '\t':
      delimiter = _("tab");
      break;
    case ';':
      delimiter = _("semicolon");
      break;
    default:
      delimiter = _("comma");
      break;
    }
  /* TRANSLATORS: a file's format, e.g. "CSV (GB18030, comma)" */
  return g_strdup_printf (_("CSV (%s, %s)"), self->encoding != NULL ? self->encoding : "UTF-8",
                          delimiter);
}

XfImportKind
xf_import_get_kind (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), XF_IMPORT_KIND_INDIVIDUALS);
  return self->kind;
}

void
xf_import_set_kind (XfImport     *self,
                    XfImportKind  kind)
{
  g_return_if_fail (XF_IS_IMPORT (self));
  g_return_if_fail (kind <= XF_IMPORT_KIND_ORGANISATIONS);
  g_return_if_fail (!self->committed);

  self->kind = kind;
  map_columns (self);
}

/*
 * Mapping
 */

guint
xf_import_get_n_columns (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  return self->headers->len;
}

const char *
xf_import_get_header (XfImport *self,
                      guint     column)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);
  return g_ptr_array_index (self->headers, column);
}

const char *
xf_import_get_column_field (XfImport *self,
                            guint     column)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->mapping->len, NULL);
  return g_ptr_array_index (self->mapping, column);
}

int
_xf_import_field_column (XfImport   *self,
                         const char *field)
{
  /* Mapped fields are the static strings of the field lists. */
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_ptr_array_index (self->mapping, i) == field)
      return i;
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->mapping, i), field) == 0)
      return i;
  return -1;
}

gboolean
xf_import_set_column_field (XfImport    *self,
                            guint        column,
                            const char  *field,
                            GError     **error)
{
  const char *known = NULL;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->mapping->len, FALSE);

  if (field != NULL)
    {
      known = _xf_import_intern_field (self->kind, field);
      if (known == NULL)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("“%s” is not a field of %s"), field, xf_import_kind_label (self->kind));
          return FALSE;
        }
      for (guint i = 0; i < self->mapping->len; i++)
        if (g_ptr_array_index (self->mapping, i) == known)
          g_ptr_array_index (self->mapping, i) = NULL;
    }
  g_ptr_array_index (self->mapping, column) = (gpointer) known;
  invalidate_analysis (self);
  return TRUE;
}

gboolean
xf_import_is_mapping_remembered (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);

  if (self->remembered_mapping == NULL || self->remembered_mapping->len != self->mapping->len)
    return FALSE;
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_ptr_array_index (self->mapping, i) != g_ptr_array_index (self->remembered_mapping, i))
      return FALSE;
  return TRUE;
}

static char *
strings_to_json (GPtrArray *strings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);

      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
xf_import_remember_mapping (XfImport  *self,
                            GError   **error)
{
  XfAccount *actor;
  XfDb *db;
  g_autoptr(XfDbStmt) update = NULL;
  g_autoptr(XfDbStmt) insert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *headers = NULL;
  g_autofree char *mapping = NULL;
  g_autoptr(GString) described = g_string_new (NULL);
  gboolean nested;
  gint64 now = xf_db_now ();

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);

  actor = xf_registry_get_actor (self->registry);
  if (!xf_permission_allows_somewhere (actor, XF_OP_PIONEER_CREATE) &&
      !xf_permission_allows_somewhere (actor, XF_OP_HONOUR_EDIT) &&
      !xf_permission_check_somewhere (actor, XF_OP_ORGANISATION_EDIT, error))
    return FALSE;

  db = xf_store_get_db (xf_registry_get_store (self->registry));
  key = header_key (self);
  headers = strings_to_json (self->headers);
  mapping = strings_to_json (self->mapping);
  for (guint i = 0; i < self->headers->len; i++)
    g_string_append_printf (described, "%s%s → %s", i > 0 ? "; " : "",
                            (const char *) g_ptr_array_index (self->headers, i),
                            g_ptr_array_index (self->mapping, i) != NULL
                            ? (const char *) g_ptr_array_index (self->mapping, i) : "-");

  if (!xf_db_begin_write (db, "xf_import_mapping", &nested, error))
    return FALSE;
  update = xf_db_prepare (db,
                          "UPDATE import_mappings SET headers = $2, mapping = $3, updated_at = $4, "
                          "updated_by = $5, version = version + 1 WHERE header_key = $1", error);
  if (update == NULL)
    goto failed;
  xf_db_stmt_bind_text (update, 1, key);
  xf_db_stmt_bind_text (update, 2, headers);
  xf_db_stmt_bind_text (update, 3, mapping);
  xf_db_stmt_bind_int64 (update, 4, now);
  xf_db_stmt_bind_text (update, 5, xf_account_get_login (actor));
  if (!xf_db_stmt_run (update, error))
    goto failed;
  if (xf_db_changes (db) == 0)
    {
      insert = xf_db_prepare (db,
                              "INSERT INTO import_mappings (header_key, kind, headers, mapping, "
                              "created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $5, $6)",
                              error);
      if (insert == NULL)
        goto failed;
      xf_db_stmt_bind_text (insert, 1, key);
      xf_db_stmt_bind_text (insert, 2, kind_names[self->kind]);
      xf_db_stmt_bind_text (insert, 3, headers);
      xf_db_stmt_bind_text (insert, 4, mapping);
      xf_db_stmt_bind_int64 (insert, 5, now);
      xf_db_stmt_bind_text (insert, 6, xf_account_get_login (actor));
      if (!xf_db_stmt_run (insert, error))
        goto failed;
    }
  if (!xf_audit_append_change (db, actor, XF_AUDIT_IMPORT_MAPPING, "import", key, self->file_name,
                               kind_names[self->kind], NULL, described->str, error))
    goto failed;
  if (!xf_db_commit_write (db, "xf_import_mapping", nested, error))
    return FALSE;

  g_clear_pointer (&self->remembered_mapping, g_ptr_array_unref);
  self->remembered_mapping = g_ptr_array_copy (self->mapping, NULL, NULL);
  return TRUE;

failed:
  xf_db_rollback_write (db, "xf_import_mapping", nested);
  return FALSE;
}

GPtrArray *
xf_import_missing_required (XfImport *self)
{
  GPtrArray *missing = g_ptr_array_new ();
  const char * const *fields;

  g_return_val_if_fail (XF_IS_IMPORT (self), missing);

  fields = xf_import_list_fields (self->kind);
  for (guint i = 0; fields[i] != NULL; i++)
    if (xf_import_field_is_required (self->kind, fields[i]) &&
        _xf_import_field_column (self, fields[i]) < 0)
      g_ptr_array_add (missing, (gpointer) fields[i]);
  return missing;
}

/*
 * Cells
 */

static gint64
fix_key (guint row,
         guint column)
{
  return ((gint64) row << 16) | column;
}

const char *
xf_import_get_cell (XfImport *self,
                    guint     row,
                    guint     column)
{
  XfImportRow *r;
  const char *cell;

  g_return_val_if_fail (XF_IS_IMPORT (self), "");
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, "");

  r = _xf_import_row (self, row);
  if (r->fixed)
    {
      gint64 key = fix_key (row, column);
      const char *fixed = g_hash_table_lookup (self->fixes, &key);

      if (fixed != NULL)
        return fixed;
    }
  if (column >= r->n_cells)
    return "";
  cell = r->cells;
  for (guint i = 0; i < column; i++)
    cell += strlen (cell) + 1;
  return cell;
}

const char *
_xf_import_field_value (XfImport   *self,
                        guint       row,
                        const char *field)
{
  int column = _xf_import_field_column (self, field);

  return column >= 0 ? _xf_import_column_value (self, row, column) : NULL;
}

const char *
_xf_import_column_value (XfImport *self,
                         guint     row,
                         guint     column)
{
  static GPrivate buffer = G_PRIVATE_INIT (g_free);
  const char *cell;
  const char *start;
  const char *end;
  char *out;

  cell = xf_import_get_cell (self, row, column);
  start = cell;
  while (*start != '\0' && g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  /* Full-width and no-break spaces around a value are still blanks. */
  while (end - start >= 3 && (memcmp (end - 3, "\xe3\x80\x80", 3) == 0))
    end -= 3;
  while (end - start >= 3 && (memcmp (start, "\xe3\x80\x80", 3) == 0))
    start += 3;
  if (start == end)
    return NULL;
  out = g_realloc (g_private_get (&buffer), end - start + 1);
  g_private_set (&buffer, out);
  memcpy (out, start, end - start);
  out[end - start] = '\0';
  return out;
}

/*
 * Analysis and the preview
 */

gboolean
xf_import_analyse (XfImport              *self,
                   XfImportProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->rows != NULL, FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (!xf_permission_check (xf_registry_get_actor (self->registry), XF_OP_REGISTRY_READ, NULL, error))
    return FALSE;

  g_clear_pointer (&self->lookups, _xf_import_lookups_free);
  g_hash_table_remove_all (self->existing);
  g_hash_table_remove_all (self->merges);
  self->lookups = _xf_import_lookups_new (self, error);
  if (self->lookups == NULL)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = self->rows->len;
  for (guint i = 0; i < n; i++)
    {
      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / MAX (n, 1), user_data);
        }
      _xf_import_check_row (self, i, seen);
    }
  if (progress != NULL)
    progress (1.0, user_data);
  g_debug ("Analysed %u rows in %.2f s", n, g_timer_elapsed (timer, NULL));
  self->analysed = TRUE;
  return TRUE;
}

gboolean
xf_import_is_analysed (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  return self->analysed;
}

guint
xf_import_get_n_rows (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  return self->rows != NULL ? self->rows->len : 0;
}

guint64
xf_import_get_row_line (XfImport *self,
                        guint     row)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, 0);
  return _xf_import_row (self, row)->line;
}

/* Rows whose state depends on @row's keys: those that repeat it or that it repeats. */
static void
recheck_all (XfImport *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      XfImportRow *r = _xf_import_row (self, i);
      gboolean merged = g_hash_table_contains (self->merges, GUINT_TO_POINTER (i));
      gint64 before = r->duplicate_id;

      _xf_import_check_row (self, i, seen);
      if (merged && (r->state != XF_IMPORT_ROW_DUPLICATE || r->duplicate_id != before))
        g_hash_table_remove (self->merges, GUINT_TO_POINTER (i));
    }
}

gboolean
xf_import_set_cell (XfImport    *self,
                    guint        row,
                    guint        column,
                    const char  *value,
                    GError     **error)
{
  XfImportRow *r;
  gint64 *key;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->headers->len, FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Line %" G_GUINT64_FORMAT ": the text is not valid UTF-8"),
                   _xf_import_row (self, row)->line);
      return FALSE;
    }
  r = _xf_import_row (self, row);
  key = g_new (gint64, 1);
  *key = fix_key (row, column);
  g_hash_table_insert (self->fixes, key, g_strdup (value != NULL ? value : ""));
  r->fixed = TRUE;

  if (!self->analysed)
    return TRUE;
  /* Its keys may free or make repeats elsewhere in the file: the file's
   * repeats are found again (cheap: no database), the row itself checked. */
  recheck_all (self);
  return TRUE;
}

XfImportRowState
xf_import_get_row_state (XfImport *self,
                         guint     row)
{
  XfImportRow *r;

  g_return_val_if_fail (XF_IS_IMPORT (self), XF_IMPORT_ROW_PROBLEM);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, XF_IMPORT_ROW_PROBLEM);

  r = _xf_import_row (self, row);
  if (r->skipped)
    return XF_IMPORT_ROW_SKIPPED;
  if (r->state == XF_IMPORT_ROW_DUPLICATE &&
      g_hash_table_contains (self->merges, GUINT_TO_POINTER (row)))
    return XF_IMPORT_ROW_MERGE;
  return r->state;
}

GPtrArray *
xf_import_get_row_problems (XfImport *self,
                            guint     row)
{
  static GPtrArray *none;
  XfImportRow *r;

  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  g_return_val_if_fail (XF_IS_IMPORT (self), none);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, none);

  r = _xf_import_row (self, row);
  return r->problems != NULL ? r->problems : none;
}

const char *
xf_import_get_row_duplicate_uid (XfImport *self,
                                 guint     row)
{
  XfImportExisting *existing;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  if (_xf_import_row (self, row)->state != XF_IMPORT_ROW_DUPLICATE)
    return NULL;
  existing = _xf_import_get_existing (self, _xf_import_row (self, row)->duplicate_id);
  return existing != NULL ? existing->uid : NULL;
}

const char *
xf_import_get_row_duplicate_label (XfImport *self,
                                   guint     row)
{
  XfImportExisting *existing;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  if (_xf_import_row (self, row)->state != XF_IMPORT_ROW_DUPLICATE)
    return NULL;
  existing = _xf_import_get_existing (self, _xf_import_row (self, row)->duplicate_id);
  return existing != NULL ? existing->label : NULL;
}

guint
xf_import_count_rows (XfImport         *self,
                      XfImportRowState  state)
{
  guint n = 0;

  g_return_val_if_fail (XF_IS_IMPORT (self), 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n += xf_import_get_row_state (self, i) == state;
  return n;
}

void
xf_import_set_skipped (XfImport *self,
                       guint     row,
                       gboolean  skipped)
{
  g_return_if_fail (XF_IS_IMPORT (self));
  g_return_if_fail (self->rows != NULL && row < self->rows->len);
  g_return_if_fail (!self->committed);

  _xf_import_row (self, row)->skipped = !!skipped;
}

const char * const *
xf_import_get_merge (XfImport *self,
                     guint     row)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  return g_hash_table_lookup (self->merges, GUINT_TO_POINTER (row));
}

/*
 * The report
 */

static char *
row_reason (XfImport *self,
            guint     row)
{
  XfImportRow *r = _xf_import_row (self, row);
  g_autoptr(GString) reason = g_string_new (NULL);

  if (r->skipped)
    return g_strdup (_("Left out by hand"));
  if (r->state == XF_IMPORT_ROW_DUPLICATE)
    {
      XfImportExisting *existing = _xf_import_get_existing (self, r->duplicate_id);

      return g_strdup_printf (_("Already in the registry as “%s”: not merged"),
                              existing != NULL ? existing->label : "?");
    }
  for (guint i = 0; r->problems != NULL && i < r->problems->len; i++)
    {
      XfImportProblem *problem = g_ptr_array_index (r->problems, i);

      if (reason->len > 0)
        g_string_append (reason, "; ");
      g_string_append (reason, problem->message);
    }
  return g_string_free (g_steal_pointer (&reason), FALSE);
}

XfImportReport *
xf_import_get_report (XfImport *self)
{
  XfImportReport *report;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);

  report = g_new0 (XfImportReport, 1);
  report->file_name = g_strdup (self->file_name);
  report->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_left_out_free);
  report->committed = self->committed;
  report->rows = self->rows != NULL ? self->rows->len : 0;
  for (guint i = 0; i < report->rows; i++)
    {
      XfImportLeftOut *left_out;

      switch (xf_import_get_row_state (self, i))
        {
        case XF_IMPORT_ROW_NEW:
          report->created++;
          continue;
        case XF_IMPORT_ROW_MERGE:
          report->merged++;
          continue;
        case XF_IMPORT_ROW_DUPLICATE:
          report->duplicates++;
          break;
        case XF_IMPORT_ROW_PROBLEM:
          report->problems++;
          break;
        case XF_IMPORT_ROW_SKIPPED:
        default:
          report->skipped++;
          break;
        }
      left_out = g_new0 (XfImportLeftOut, 1);
      left_out->line = _xf_import_row (self, i)->line;
      left_out->reason = row_reason (self, i);
      g_ptr_array_add (report->left_out, left_out);
    }
  return report;
}

gboolean
xf_import_write_left_out (XfImport    *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(XfTable) table = xf_table_new (self->file_name);
  guint first;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xf_table_add_column (table, _("Line"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Reason"), XF_TABLE_TEXT);
  first = 2;
  for (guint c = 0; c < self->headers->len; c++)
    xf_table_add_column (table, g_ptr_array_index (self->headers, c), XF_TABLE_TEXT);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      XfImportRowState state = xf_import_get_row_state (self, i);
      g_autofree char *reason = NULL;
      guint out;

      if (state == XF_IMPORT_ROW_NEW || state == XF_IMPORT_ROW_MERGE)
        continue;
      out = xf_table_add_row (table);
      reason = row_reason (self, i);
      xf_table_set_number (table, out, 0, (double) _xf_import_row (self, i)->line);
      xf_table_set_text (table, out, 1, reason);
      for (guint c = 0; c < self->headers->len; c++)
        xf_table_set_text (table, out, first + c, xf_import_get_cell (self, i, c));
    }
  return xf_table_write_csv (table, path, error);
}

/*
 * Commit
 */

gboolean
xf_import_commit (XfImport              *self,
                  XfImportProgressFunc   progress,
                  gpointer               user_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (!self->analysed && !xf_import_analyse (self, NULL, NULL, cancellable, error))
    return FALSE;
  return _xf_import_commit (self, progress, user_data, cancellable, error);
}

gboolean
xf_import_is_committed (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  return self->committed;
}
