/* xf-export-file.c — one pioneer's file (档案) to CSV, XLSX or JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-export"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-export-private.h"
#include "xf-import.h"

/*
 * A file is the record's fields in form order (with its uid, tier and
 * status) as field/value rows, then its honours: two sheets in XLSX, two
 * parts of one CSV, and {"uid", "kind", "fields": [{field, label, value}],
 * "honours": [{…}]} in JSON.
 */

static const char * const honour_fields[] = {
  "title", "level", "year", "conferring-body", "certificate-no", NULL
};

/* The fields of the file, in form order, framed by what identifies it. */
static GPtrArray *
file_fields (XfPioneer *pioneer)
{
  const char * const *form = xf_pioneer_list_fields (xf_pioneer_get_kind (pioneer));
  GPtrArray *fields = g_ptr_array_new ();

  g_ptr_array_add (fields, (gpointer) "uid");
  g_ptr_array_add (fields, (gpointer) "kind");
  for (guint i = 0; form[i] != NULL; i++)
    g_ptr_array_add (fields, (gpointer) form[i]);
  g_ptr_array_add (fields, (gpointer) "tier");
  g_ptr_array_add (fields, (gpointer) "status");
  return fields;
}

static char *
file_value (XfExportContext *context,
            XfPioneer       *pioneer,
            const char      *field,
            gboolean         masked)
{
  if (g_str_equal (field, "kind"))
    return g_strdup (xf_kind_label (xf_pioneer_get_kind (pioneer)));
  if (g_str_equal (field, "tier"))
    return g_strdup (xf_tier_label (xf_pioneer_get_tier (pioneer)));
  if (g_str_equal (field, "status"))
    return g_strdup (xf_status_label (xf_pioneer_get_status (pioneer)));
  return _xf_export_pioneer_value (context, pioneer, field, masked);
}

/* The honours as (title, level, year, body, certificate) rows. */
static GPtrArray *
honour_rows (XfRegistry  *registry,
             XfPioneer   *pioneer,
             GError     **error)
{
  g_autoptr(GListModel) honours = xf_registry_list_honours (registry, xf_pioneer_get_id (pioneer), error);
  GPtrArray *rows;

  if (honours == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < g_list_model_get_n_items (honours); i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);
      GStrv row = g_new0 (char *, 6);

      row[0] = g_strdup (xf_honour_get_title (honour));
      row[1] = g_strdup (xf_honour_get_level (honour));
      row[2] = g_strdup_printf ("%d", xf_honour_get_year (honour));
      row[3] = g_strdup (xf_honour_get_conferring_body (honour));
      row[4] = g_strdup (xf_honour_get_certificate_no (honour));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static gboolean
write_json (XfExportContext  *context,
            XfPioneer        *pioneer,
            GPtrArray        *fields,
            GPtrArray        *honours,
            const char       *path,
            gboolean          masked,
            GError          **error)
{
  GString *out;

  context->sink.json = _xf_archive_writer_open (path, NULL, error);
  if (context->sink.json == NULL)
    return FALSE;
  out = _xf_archive_writer_buffer (context->sink.json);
  g_string_append (out, "{\"uid\":");
  _xf_json_append_string (out, xf_pioneer_get_uid (pioneer));
  g_string_append (out, ",\"kind\":");
  _xf_json_append_string (out, xf_pioneer_get_kind (pioneer));
  g_string_append (out, ",\"fields\":[");
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      g_autofree char *value = file_value (context, pioneer, field, masked);

      g_string_append (out, i > 0 ? ",\n {\"field\":" : "\n {\"field\":");
      _xf_json_append_string (out, field);
      g_string_append (out, ",\"label\":");
      _xf_json_append_string (out, xf_pioneer_field_label (field));
      g_string_append (out, ",\"value\":");
      if (value != NULL && value[0] != '\0')
        _xf_json_append_string (out, value);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\n\"honours\":[");
  for (guint h = 0; h < honours->len; h++)
    {
      const char * const *row = g_ptr_array_index (honours, h);

      g_string_append (out, h > 0 ? ",\n {" : "\n {");
      for (guint i = 0; honour_fields[i] != NULL; i++)
        {
          g_autofree char *value = _xf_export_honour_value (honour_fields[i], row);

          if (i > 0)
            g_string_append_c (out, ',');
          _xf_json_append_string (out, honour_fields[i]);
          g_string_append_c (out, ':');
          _xf_json_append_string (out, value != NULL ? value : "");
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  context->sink.rows = 1;
  return _xf_archive_writer_end_line (context->sink.json, 0, FALSE, error);
}

static gboolean
write_sheets (XfExportContext  *context,
              XfPioneer        *pioneer,
              GPtrArray        *fields,
              GPtrArray        *honours,
              XfExportFormat    format,
              const char       *path,
              gboolean          masked,
              GError          **error)
{
  static const char * const pair_fields[] = { "field", "value", NULL };
  const char *pair_labels[] = { _("Field"), _("Value"), NULL };
  const char *honour_labels[G_N_ELEMENTS (honour_fields)] = { NULL };

  for (guint i = 0; honour_fields[i] != NULL; i++)
    honour_labels[i] = xf_import_field_label (XF_IMPORT_KIND_HONOURS, honour_fields[i]);

  /* Sheet names stay in English, as the header says: "File", "Honours". */
  if (!_xf_export_sink_open (&context->sink, format, path, "File", pair_fields, pair_labels, error))
    return FALSE;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      g_autofree char *value = file_value (context, pioneer, field, masked);
      const char *cells[] = { xf_pioneer_field_label (field), value, NULL };

      if (!_xf_export_sink_add (&context->sink, cells, error))
        return FALSE;
    }
  if (!_xf_export_sink_add_part (&context->sink, "Honours", honour_fields, honour_labels, error))
    return FALSE;
  for (guint h = 0; h < honours->len; h++)
    {
      const char * const *row = g_ptr_array_index (honours, h);
      g_autofree char *cells[G_N_ELEMENTS (honour_fields)] = { NULL };
      gboolean ok;

      for (guint i = 0; honour_fields[i] != NULL; i++)
        cells[i] = _xf_export_honour_value (honour_fields[i], row);
      ok = _xf_export_sink_add (&context->sink, (const char * const *) cells, error);
      for (guint i = 0; honour_fields[i] != NULL; i++)
        g_clear_pointer (&cells[i], g_free);
      if (!ok)
        return FALSE;
    }
  context->sink.rows = 1;
  return TRUE;
}

/**
 * xf_export_file:
 * @registry: the registry, read as its actor (REGISTRY_READ)
 * @uid: the pioneer's uid
 * @format: CSV, XLSX or JSON
 * @with_personal: export the identity number and mobile where the actor may see them
 * @path: the file, replaced when it exists
 *
 * See xf-export.h.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
xf_export_file (XfRegistry      *registry,
                const char      *uid,
                XfExportFormat   format,
                gboolean         with_personal,
                const char      *path,
                GError         **error)
{
  g_auto(XfExportContext) context = { 0 };
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) honours = NULL;
  g_autofree char *what = NULL;
  gboolean masked;
  gboolean ok;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  context.registry = registry;
  context.reference = xf_reference_get_shared ();
  context.with_personal = with_personal;
  for (guint t = 0; t < XF_REFERENCE_N_TABLES; t++)
    if (!xf_reference_ensure (context.reference, t, error))
      return FALSE;

  /* The registry checks REGISTRY_READ and masks what the actor may not see. */
  pioneer = xf_registry_get_pioneer_by_uid (registry, uid, error);
  if (pioneer == NULL)
    return FALSE;
  honours = honour_rows (registry, pioneer, error);
  if (honours == NULL)
    return FALSE;
  masked = _xf_export_masks (&context, pioneer);
  fields = file_fields (pioneer);

  if (format == XF_EXPORT_FORMAT_JSON)
    ok = write_json (&context, pioneer, fields, honours, path, masked, error);
  else
    ok = write_sheets (&context, pioneer, fields, honours, format, path, masked, error);
  if (!ok)
    return FALSE;
  what = g_strdup_printf ("file %s", xf_export_format_to_string (format));
  return _xf_export_record (&context, uid, xf_pioneer_get_name (pioneer), what, error);
}
