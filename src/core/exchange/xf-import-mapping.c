/* xf-import-mapping.c — which column of an import holds which field
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
          JsonObject *of_kind = kinds != NULL && json_object_has_member (kinds, xf_import_kind_to_string (kind))
                                ? json_object_get_object_member (kinds, xf_import_kind_to_string (kind)) : NULL;

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

/* The first ~10 records of a real list often start with a title row ("2026年
 * 湖州市劳动模范推荐名单") and a blank one; the header is the first record
 * whose cells name fields. */
gboolean
_xf_import_is_header_row (const char * const *cells,
                          guint               n_cells,
                          gpointer            user_data)
{
  guint named = 0;
  guint filled = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *key = _xf_import_normalise_header (cells[i]);

      if (key[0] == '\0')
        continue;
      filled++;
      for (XfImportKind kind = XF_IMPORT_KIND_INDIVIDUALS; kind <= XF_IMPORT_KIND_ORGANISATIONS; kind++)
        if (guess_field (kind, key) != NULL)
          {
            named++;
            break;
          }
    }
  return named >= 2 || (named >= 1 && named == filled);
}

/* "", "12", "2人", "1,234.5", "共3项" */
static gboolean
is_count (const char *cell)
{
  g_autofree char *text = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);
  const char *p;
  gboolean digits = FALSE;

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  p = text;
  if (g_str_has_prefix (p, "共"))
    p += strlen ("共");
  for (; *p != '\0' && (g_ascii_isdigit (*p) || *p == ',' || *p == '.'); p++)
    digits = TRUE;
  if (*p == '\0')
    return TRUE;
  /* one unit after a number: 人 名 个 项 位 家 条 */
  return digits && g_utf8_strchr ("人名个项位家条", -1, g_utf8_get_char (p)) != NULL &&
         *g_utf8_next_char (p) == '\0';
}

static gboolean
is_totals_label (const char *cell)
{
  g_autofree char *key = _xf_import_normalise_header (cell);
  static const char * const labels[] = { "合计", "总计", "小计", "共计", "总数", "total", "sum", NULL };

  for (guint i = 0; labels[i] != NULL; i++)
    if (g_str_has_prefix (key, labels[i]))
      return TRUE;
  return FALSE;
}

void
_xf_import_drop_totals (XfImport *self)
{
  XfImportRow *row;
  const char *cell;
  gboolean labelled = FALSE;

  self->totals_line = 0;
  if (self->rows->len == 0)
    return;
  row = &g_array_index (self->rows, XfImportRow, self->rows->len - 1);
  cell = row->cells;
  for (guint i = 0; i < row->n_cells; i++, cell += strlen (cell) + 1)
    {
      /* the label in one of the first two cells (序号 may come first) */
      if (!labelled && i < 2 && is_totals_label (cell))
        labelled = TRUE;
      else if (!is_count (cell))
        return;
    }
  if (!labelled)
    return;
  self->totals_line = row->line;
  g_array_set_size (self->rows, self->rows->len - 1);
}

guint64
xf_import_get_totals_line (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  return self->totals_line;
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
XfImportKind
_xf_import_guess_kind (XfImport *self)
{
  g_autoptr(GPtrArray) m = g_ptr_array_new ();
  static const char * const person[] = { "gender", "mobile", "employer", "position", "education",
                                         "ethnicity", "political-status", NULL };
  static const char * const collective[] = { "leader", "size", "collective-kind", NULL };
  static const char * const record[] = { "industry", "region-code", NULL };
  gboolean has_person = FALSE;
  gboolean has_record = FALSE;
  gboolean has_organisation;

  guess_mapping (self, XF_IMPORT_KIND_INDIVIDUALS, m);
  for (guint i = 0; person[i] != NULL; i++)
    has_person |= mapping_has (m, person[i]);
  for (guint i = 0; record[i] != NULL; i++)
    has_record |= mapping_has (m, record[i]);
  /* "Organisation code" / "Parent organisation" read as a pioneer's
   * organisation too: an organisations list (our own export) has them */
  has_organisation = mapping_has (m, "organisation-id");
  guess_mapping (self, XF_IMPORT_KIND_COLLECTIVES, m);
  for (guint i = 0; collective[i] != NULL; i++)
    has_record |= mapping_has (m, collective[i]);
  has_record |= has_person;

  if (!has_record && !has_organisation)
    {
      guess_mapping (self, XF_IMPORT_KIND_HONOURS, m);
      if (mapping_has (m, "title") && mapping_has (m, "year"))
        return XF_IMPORT_KIND_HONOURS;
    }
  if (!has_record)
    {
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

  g_checksum_update (checksum, (const guchar *) xf_import_kind_to_string (self->kind), -1);
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

void
_xf_import_map_columns (XfImport *self)
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
      xf_db_stmt_bind_text (insert, 2, xf_import_kind_to_string (self->kind));
      xf_db_stmt_bind_text (insert, 3, headers);
      xf_db_stmt_bind_text (insert, 4, mapping);
      xf_db_stmt_bind_int64 (insert, 5, now);
      xf_db_stmt_bind_text (insert, 6, xf_account_get_login (actor));
      if (!xf_db_stmt_run (insert, error))
        goto failed;
    }
  if (!xf_audit_append_change (db, actor, XF_AUDIT_IMPORT_MAPPING, "import", key, self->file_name,
                               xf_import_kind_to_string (self->kind), NULL, described->str, error))
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
