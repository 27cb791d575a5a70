/* xf-import-merge.c — duplicates of an import, side by side and merged field by field
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-import-private.h"
#include "xf-pioneer-private.h"
#include "xf-registry-private.h"

static const char * const organisation_fields[] = { "name", "name-en", "kind", "parent-code", NULL };

/* The record a duplicate matches, read when first asked. Its version then
 * is what the commit checks: a record changed since is a conflict. */
XfImportExisting *
_xf_import_get_existing (XfImport *self,
                         gint64    id)
{
  XfImportExisting *existing;
  g_autoptr(XfDbStmt) stmt = NULL;
  gboolean organisation = self->kind == XF_IMPORT_KIND_ORGANISATIONS;

  if (id == 0)
    return NULL;
  existing = g_hash_table_lookup (self->existing, &id);
  if (existing != NULL)
    return existing;
  stmt = xf_db_prepare (_xf_registry_get_db (self->registry),
                        organisation
                        ? "SELECT uid, name, code, version FROM organisations WHERE id = $1"
                        : "SELECT uid, name, birth_date, version FROM pioneers WHERE id = $1",
                        NULL);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, id);
  if (xf_db_stmt_step (stmt, NULL) != XF_DB_STEP_ROW)
    return NULL;
  existing = g_new0 (XfImportExisting, 1);
  existing->id = id;
  existing->uid = xf_db_stmt_dup_text (stmt, 0);
  existing->version = xf_db_stmt_column_int64 (stmt, 3);
  if (xf_db_stmt_column_is_null (stmt, 2))
    existing->label = xf_db_stmt_dup_text (stmt, 1);
  else
    existing->label = g_strdup_printf ("%s (%s)", xf_db_stmt_column_text (stmt, 1),
                                       xf_db_stmt_column_text (stmt, 2));
  g_hash_table_insert (self->existing, &existing->id, existing);
  return existing;
}

static gboolean
is_mergeable (XfImport   *self,
              const char *field)
{
  if (self->kind == XF_IMPORT_KIND_ORGANISATIONS)
    return g_strv_contains (organisation_fields, field);
  if (self->kind == XF_IMPORT_KIND_HONOURS)
    return FALSE;
  return !g_str_has_prefix (field, "honour-");
}

/* The text a person reads for a stored value. */
static char *
display (XfImport   *self,
         const char *field,
         const char *value)
{
  static const struct { const char *field; XfReferenceTable table; } coded[] = {
    { "ethnicity", XF_REFERENCE_ETHNICITIES }, { "education", XF_REFERENCE_EDUCATION },
    { "political-status", XF_REFERENCE_POLITICAL_STATUS }, { "industry", XF_REFERENCE_INDUSTRIES },
    { "region-code", XF_REFERENCE_REGIONS },
  };

  if (value == NULL)
    return g_strdup ("");
  if (g_str_equal (field, "gender"))
    return g_strdup (xf_gender_label (value));
  for (guint i = 0; i < G_N_ELEMENTS (coded); i++)
    if (g_str_equal (field, coded[i].field))
      return g_strdup (xf_reference_label (self->reference, coded[i].table, value));
  return g_strdup (value);
}

static char *
pioneer_value (XfImport   *self,
               XfPioneer  *pioneer,
               const char *field,
               gboolean    mask)
{
  g_autofree char *value = NULL;

  if (g_str_equal (field, "organisation-id"))
    return g_strdup (xf_pioneer_get_organisation_id (pioneer) != 0
                     ? xf_pioneer_get_organisation_name (pioneer) : "");
  value = xf_pioneer_dup_field (pioneer, field);
  if (g_str_equal (field, "size") && g_strcmp0 (value, "0") == 0)
    g_clear_pointer (&value, g_free);
  if (mask && value != NULL && _xf_registry_is_personal (field))
    return _xf_registry_mask_value (field, value);
  return display (self, field, value);
}

static GPtrArray *
pioneer_merge_fields (XfImport  *self,
                      guint      row,
                      gint64     id,
                      GError   **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_merge_field_free);
  g_autoptr(XfPioneer) old = NULL;
  g_autoptr(XfPioneer) incoming = NULL;
  XfImportHonour honour = { 0 };
  gboolean mask;

  old = _xf_registry_load (self->registry, id, error);
  if (old == NULL)
    return NULL;
  incoming = _xf_import_build_pioneer (self, row, &honour, NULL);
  _xf_import_honour_clear (&honour);
  if (incoming == NULL)
    return NULL;
  if (xf_pioneer_get_organisation_id (incoming) != 0)
    {
      g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (self->registry, NULL);

      for (guint i = 0; organisations != NULL && i < organisations->len; i++)
        {
          XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

          if (info->id == xf_pioneer_get_organisation_id (incoming))
            _xf_pioneer_set_text (incoming, "organisation-name", info->name);
        }
    }
  mask = xf_registry_masks_personal (self->registry, old);
  for (guint c = 0; c < self->mapping->len; c++)
    {
      const char *field = g_ptr_array_index (self->mapping, c);
      XfImportMergeField *merge;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (field == NULL || !is_mergeable (self, field))
        continue;
      before = xf_pioneer_dup_field (old, field);
      after = xf_pioneer_dup_field (incoming, field);
      merge = g_new0 (XfImportMergeField, 1);
      merge->field = g_strdup (field);
      merge->label = g_strdup (xf_import_field_label (self->kind, field));
      merge->existing = pioneer_value (self, old, field, mask);
      merge->incoming = pioneer_value (self, incoming, field, mask);
      merge->differs = g_strcmp0 (before, after) != 0;
      g_ptr_array_add (fields, merge);
    }
  return g_steal_pointer (&fields);
}

/* The stored values of an organisation's mergeable fields, in organisation_fields' order. */
static gboolean
organisation_values (XfImport  *self,
                     gint64     id,
                     char     **values,
                     GError   **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;

  stmt = xf_db_prepare (_xf_registry_get_db (self->registry),
                        "SELECT o.name, o.name_en, o.kind, p.code FROM organisations o "
                        "LEFT JOIN organisations p ON p.id = o.parent_id WHERE o.id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, id);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("The organisation is no longer there"));
      return FALSE;
    }
  for (guint i = 0; i < 4; i++)
    {
      const char *text = xf_db_stmt_column_text (stmt, i);

      values[i] = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }
  return TRUE;
}

/* What a row brings for an organisation's field (the kind as its code). */
char *
_xf_import_organisation_incoming (XfImport   *self,
                                  guint       row,
                                  const char *field)
{
  const char *value = _xf_import_field_value (self, row, field);

  if (value != NULL && g_str_equal (field, "kind"))
    return g_strdup (_xf_import_organisation_kind (value));
  return g_strdup (value);
}

static GPtrArray *
organisation_merge_fields (XfImport  *self,
                           guint      row,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_merge_field_free);
  char *values[4] = { NULL };

  if (!organisation_values (self, id, values, error))
    return NULL;
  for (guint i = 0; organisation_fields[i] != NULL; i++)
    {
      XfImportMergeField *merge;

      if (_xf_import_field_column (self, organisation_fields[i]) < 0)
        continue;
      merge = g_new0 (XfImportMergeField, 1);
      merge->field = g_strdup (organisation_fields[i]);
      merge->label = g_strdup (xf_import_field_label (self->kind, organisation_fields[i]));
      merge->existing = g_strdup (values[i] != NULL ? values[i] : "");
      merge->incoming = _xf_import_organisation_incoming (self, row, organisation_fields[i]);
      merge->differs = g_strcmp0 (values[i], merge->incoming) != 0;
      if (merge->incoming == NULL)
        merge->incoming = g_strdup ("");
      g_ptr_array_add (fields, merge);
    }
  for (guint i = 0; i < 4; i++)
    g_free (values[i]);
  return g_steal_pointer (&fields);
}

static gboolean
check_duplicate_row (XfImport  *self,
                     guint      row,
                     GError   **error)
{
  XfImportRow *r;

  if (self->rows == NULL || row >= self->rows->len)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("There is no row %u"), row);
      return FALSE;
    }
  r = _xf_import_row (self, row);
  if (!self->analysed || r->state != XF_IMPORT_ROW_DUPLICATE || r->skipped)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Line %llu: the row is not a duplicate of a stored record"), (unsigned long long) r->line);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
xf_import_get_merge_fields (XfImport  *self,
                            guint      row,
                            GError   **error)
{
  gint64 id;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);

  if (!check_duplicate_row (self, row, error))
    return NULL;
  id = _xf_import_row (self, row)->duplicate_id;
  if (self->kind == XF_IMPORT_KIND_ORGANISATIONS)
    return organisation_merge_fields (self, row, id, error);
  return pioneer_merge_fields (self, row, id, error);
}

gboolean
xf_import_set_merge (XfImport            *self,
                     guint                row,
                     const char * const  *fields,
                     GError             **error)
{
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);

  if (!check_duplicate_row (self, row, error))
    return FALSE;
  if (fields == NULL || fields[0] == NULL)
    {
      g_hash_table_remove (self->merges, GUINT_TO_POINTER (row));
      return TRUE;
    }
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (!is_mergeable (self, fields[i]) || _xf_import_field_column (self, fields[i]) < 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Line %llu: “%s” is not a field this file brings"),
                       (unsigned long long) (_xf_import_row (self, row)->line), fields[i]);
          return FALSE;
        }
      g_strv_builder_add (chosen, _xf_import_intern_field (self->kind, fields[i]));
    }
  /* The version the commit checks is the one seen now. */
  if (_xf_import_get_existing (self, _xf_import_row (self, row)->duplicate_id) == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("Line %llu: the record it repeats is no longer there"),
                   (unsigned long long) (_xf_import_row (self, row)->line));
      return FALSE;
    }
  g_hash_table_insert (self->merges, GUINT_TO_POINTER (row), g_strv_builder_end (chosen));
  return TRUE;
}

guint
xf_import_merge_all_fill_empty (XfImport *self)
{
  guint decided = 0;

  g_return_val_if_fail (XF_IS_IMPORT (self), 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GPtrArray) chosen = NULL;
      g_autoptr(GError) error = NULL;

      if (xf_import_get_row_state (self, i) != XF_IMPORT_ROW_DUPLICATE)
        continue;
      fields = xf_import_get_merge_fields (self, i, &error);
      if (fields == NULL)
        {
          g_debug ("Merging line %" G_GUINT64_FORMAT ": %s", xf_import_get_row_line (self, i), error->message);
          continue;
        }
      chosen = g_ptr_array_new ();
      for (guint k = 0; k < fields->len; k++)
        {
          XfImportMergeField *field = g_ptr_array_index (fields, k);

          if (field->existing[0] == '\0' && field->incoming[0] != '\0')
            g_ptr_array_add (chosen, field->field);
        }
      if (chosen->len == 0)
        continue;
      g_ptr_array_add (chosen, NULL);
      if (xf_import_set_merge (self, i, (const char * const *) chosen->pdata, NULL))
        decided++;
    }
  return decided;
}
