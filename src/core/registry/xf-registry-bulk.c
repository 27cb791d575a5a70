/* xf-registry-bulk.c — one field set on many files in one transaction
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

/*
 * A bulk edit is a save of each file (_xf_registry_save_one, the path
 * xf_registry_save_pioneer takes) with one field changed, all inside one
 * write: the same permission checks, validation and duplicate checks, and
 * the same audit entries, recorded as XF_AUDIT_BULK_EDIT. The first
 * refusal rolls everything back and names the file it was about.
 */

/* How often progress is reported: every 1/PROGRESS_STEPS of the files. */
#define PROGRESS_STEPS 200

/* Whether @field is one a form shows for either kind: what a bulk edit may set. */
static gboolean
is_form_field (const char *field)
{
  return g_strv_contains (xf_pioneer_list_fields ("individual"), field) ||
         g_strv_contains (xf_pioneer_list_fields ("collective"), field);
}

/* Refusals about one file say which: a permission, a value or a
 * duplicate. Errors of the database itself (a full disk, a lost
 * connection) are about no file in particular and are left as they are. */
static void
name_file (GError    **error,
           XfPioneer  *pioneer)
{
  if (error == NULL || *error == NULL || (*error)->domain != XF_ERROR)
    return;
  switch ((*error)->code)
    {
    case XF_ERROR_INVALID:
    case XF_ERROR_DUPLICATE:
    case XF_ERROR_PERMISSION_DENIED:
    case XF_ERROR_CONFLICT:
      /* TRANSLATORS: before the reason a bulk edit was refused: the file's name and uid. */
      g_prefix_error (error, _("“%s” (%s): "), xf_pioneer_get_name (pioneer),
                      xf_pioneer_get_uid (pioneer));
      break;
    default:
      break;
    }
}

/* Sets @field on the file @id inside the write; *written is the row as
 * written, NULL when the file already held @value. */
static gboolean
edit_one (XfRegistry  *self,
          gint64       id,
          const char  *field,
          const char  *value,
          XfPioneer  **written,
          GError     **error)
{
  g_autoptr(XfPioneer) stored = NULL;
  g_autoptr(XfPioneer) edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  *written = NULL;
  stored = _xf_registry_load (self, id, error);
  if (stored == NULL)
    return FALSE;

  if (!g_strv_contains (xf_pioneer_list_fields (xf_pioneer_get_kind (stored)), field))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* TRANSLATORS: a field's label ("Gender"), then the kind ("Collective"). */
                   _("%s is not a field of a file of the kind “%s”"),
                   xf_pioneer_field_label (field), xf_kind_label (xf_pioneer_get_kind (stored)));
      name_file (error, stored);
      return FALSE;
    }

  edited = xf_pioneer_copy (stored);
  if (!xf_pioneer_set_field (edited, field, value, error))
    {
      name_file (error, stored);
      return FALSE;
    }

  /* A file that already holds the value is left alone: no check, no write. */
  before = xf_pioneer_dup_field (stored, field);
  after = xf_pioneer_dup_field (edited, field);
  if (g_strcmp0 (before, after) == 0)
    return TRUE;

  if (!_xf_registry_save_one (self, edited, stored, XF_AUDIT_BULK_EDIT, written, error))
    {
      name_file (error, stored);
      return FALSE;
    }
  return TRUE;
}

/**
 * xf_registry_bulk_edit:
 *
 * See xf-registry.h. @value is text as xf_pioneer_set_field() takes it
 * (NULL or "" clears the field).
 *
 * Returns: %FALSE with %XF_ERROR_PERMISSION_DENIED, %XF_ERROR_INVALID,
 *   %XF_ERROR_DUPLICATE or %XF_ERROR_NOT_FOUND naming the file,
 *   %G_IO_ERROR_CANCELLED, or a database error; nothing written
 */
gboolean
xf_registry_bulk_edit (XfRegistry             *self,
                       const gint64           *ids,
                       guint                   n_ids,
                       const char             *field,
                       const char             *value,
                       XfRegistryProgressFunc  progress,
                       gpointer                user_data,
                       GCancellable           *cancellable,
                       guint                  *changed,
                       GError                **error)
{
  g_autoptr(GArray) written_ids = NULL;
  guint next_report = 0;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (changed != NULL)
    *changed = 0;
  if (!is_form_field (field))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("There is no field “%s” that can be changed on many files"), field);
      return FALSE;
    }
  if (!_xf_registry_check_anywhere (self, XF_OP_PIONEER_EDIT, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  written_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!_xf_registry_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(XfPioneer) written = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !edit_one (self, ids[i], field, value, &written, error))
        {
          _xf_registry_rollback (self);
          return FALSE;
        }
      if (written != NULL)
        g_array_append_val (written_ids, ids[i]);
      if (progress != NULL && i >= next_report)
        {
          progress ((double) i / n_ids, user_data);
          next_report = i + MAX (n_ids / PROGRESS_STEPS, 1);
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _xf_registry_rollback (self);
      return FALSE;
    }
  /* Nothing to change is nothing to commit. */
  if (written_ids->len == 0)
    _xf_registry_rollback (self);
  else if (!_xf_registry_commit (self, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);
  if (changed != NULL)
    *changed = written_ids->len;
  for (guint i = 0; i < written_ids->len; i++)
    _xf_registry_emit_changed (self, g_array_index (written_ids, gint64, i));
  return TRUE;
}
