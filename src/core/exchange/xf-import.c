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
  /* A person's name is 姓名; the registry's shared "Name" (名称) also
   * labels collectives. */
  if (kind == XF_IMPORT_KIND_INDIVIDUALS && g_str_equal (field, "name"))
    return C_("person", "Name");
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

  /* A title row above the header is skipped */
  if (!xf_sheet_reader_seek_header (reader, _xf_import_is_header_row, NULL, 10, error))
    return FALSE;
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

  _xf_import_drop_totals (self);
  self->format = xf_sheet_reader_get_format (reader);
  g_free (self->encoding);
  self->encoding = g_strdup (xf_sheet_reader_get_encoding (reader));
  self->delimiter = xf_sheet_reader_get_delimiter (reader);

  self->kind = _xf_import_guess_kind (self);
  _xf_import_map_columns (self);
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
  _xf_import_map_columns (self);
}

