/* xf-evaluation-materials.c — files kept with a nomination
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-private.h"

/*
 * Materials are kept in the database as base64 with the SHA-256 (hex) of
 * the bytes, so every desk can open them and a changed row is caught when
 * read (XF_ERROR_CORRUPT). They are added and removed while the unit holds
 * the nomination (draft or returned), and withheld from a committee member
 * who has not yet declared, like the case.
 */

gboolean
_xf_evaluation_check_file (const char  *name,
                           GBytes      *content,
                           GError     **error)
{
  gsize size;

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("File name: a file name is required"));
      return FALSE;
    }
  /* The name is the file's own, opened later from a folder of its own. */
  if (strpbrk (name, "/\\") != NULL || g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("File name: “%s” is not the name of a file alone"), name);
      return FALSE;
    }
  if (content == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("File “%s”: no content was given"), name);
      return FALSE;
    }
  size = g_bytes_get_size (content);
  if (size > XF_MATERIAL_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (XF_MATERIAL_MAX_SIZE);
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("File “%s”: %s is above the limit of %s"), name, actual, limit);
      return FALSE;
    }
  return TRUE;
}

char *
_xf_evaluation_store_file (XfEvaluation  *self,
                           const char    *table,
                           const char    *owner_column,
                           gint64         owner_id,
                           const char    *name,
                           const char    *content_type,
                           GBytes        *content,
                           GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *uid = NULL;
  const guchar *data;
  gsize size;
  XfDbStmt *stmt;

  sql = g_strdup_printf ("INSERT INTO %s (uid, %s, file_name, content_type, size, sha256, content,"
                         " added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                         table, owner_column);
  stmt = _xf_evaluation_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  data = g_bytes_get_data (content, &size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  encoded = g_base64_encode (data, size);
  uid = xf_store_new_uid ();
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, owner_id);
  xf_db_stmt_bind_text (stmt, 3, name);
  xf_db_stmt_bind_text (stmt, 4, content_type != NULL && *content_type != '\0'
                                 ? content_type : "application/octet-stream");
  xf_db_stmt_bind_int64 (stmt, 5, (gint64) size);
  xf_db_stmt_bind_text (stmt, 6, sha256);
  xf_db_stmt_bind_text (stmt, 7, encoded);
  xf_db_stmt_bind_int64 (stmt, 8, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 9, _xf_evaluation_actor_name (self));
  if (!xf_db_stmt_run (stmt, error))
    return NULL;
  return g_strdup_printf ("%s (SHA-256 %s)", name, sha256);
}

GBytes *
_xf_evaluation_decode_file (const char  *file_name,
                            const char  *sha256,
                            const char  *content,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;
  guchar *data;
  gsize size;

  data = g_base64_decode (content != NULL ? content : "", &size);
  bytes = g_bytes_new_take (data, size);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (sha256 == NULL || g_ascii_strcasecmp (actual, sha256) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("File “%s” does not match its SHA-256 checksum: it was changed in the database"),
                   file_name);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static gboolean
check_editable (XfNomination  *nomination,
                GError       **error)
{
  const char *stage = xf_nomination_get_stage (nomination);

  if (g_strcmp0 (stage, XF_STAGE_DRAFT) == 0 || g_strcmp0 (stage, XF_STAGE_RETURNED) == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("Cannot change the materials of a nomination %s"), _xf_stage_phrase (stage));
  return FALSE;
}

static gboolean
check_may_see (XfEvaluation  *self,
               XfNomination  *nomination,
               GError       **error)
{
  if (_xf_evaluation_may_see_case (self, nomination))
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
               _("The materials of “%s” are shown once you have declared any conflict of interest"),
               xf_nomination_get_candidate_name (nomination));
  return FALSE;
}

gboolean
xf_evaluation_add_material (XfEvaluation  *self,
                            gint64         nomination_id,
                            const char    *file_name,
                            const char    *content_type,
                            GBytes        *content,
                            GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  name = g_strstrip (g_strdup (file_name != NULL ? file_name : ""));
  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  nomination = _xf_evaluation_load_for_write (self, nomination_id, XF_OP_REQUEST_EDIT, error);
  if (nomination == NULL || !check_editable (nomination, error))
    goto failed;
  if (!_xf_evaluation_check_file (name, content, error))
    goto failed;
  description = _xf_evaluation_store_file (self, "nomination_materials", "nomination_id", nomination_id,
                                           name, content_type, content, error);
  if (description == NULL)
    goto failed;
  if (!_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_MATERIAL_ADD, "materials",
                                        NULL, description, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination), nomination_id);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

/* The nomination a material belongs to, and its name and checksum. */
static gint64
find_material (XfEvaluation  *self,
               gint64         material_id,
               char         **file_name,
               char         **sha256,
               char         **content,
               GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 nomination_id = 0;

  stmt = _xf_evaluation_prepare (self,
                                 content != NULL
                                 ? "SELECT nomination_id, file_name, sha256, content"
                                   " FROM nomination_materials WHERE id = $1"
                                 : "SELECT nomination_id, file_name, sha256"
                                   " FROM nomination_materials WHERE id = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, material_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      *file_name = xf_db_stmt_dup_text (stmt, 1);
      *sha256 = xf_db_stmt_dup_text (stmt, 2);
      if (content != NULL)
        *content = xf_db_stmt_dup_text (stmt, 3);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_evaluation_set_not_found (error, _("Material"), material_id);
  return nomination_id;
}

gboolean
xf_evaluation_remove_material (XfEvaluation  *self,
                               gint64         material_id,
                               GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *description = NULL;
  XfDbStmt *stmt;
  gint64 nomination_id;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  nomination_id = find_material (self, material_id, &file_name, &sha256, NULL, error);
  if (nomination_id == 0)
    goto failed;
  nomination = _xf_evaluation_load_for_write (self, nomination_id, XF_OP_REQUEST_EDIT, error);
  if (nomination == NULL || !check_editable (nomination, error))
    goto failed;
  stmt = _xf_evaluation_prepare (self, "DELETE FROM nomination_materials WHERE id = $1", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, material_id);
  if (!xf_db_stmt_run (stmt, error))
    goto failed;
  description = g_strdup_printf ("%s (SHA-256 %s)", file_name, sha256);
  if (!_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_MATERIAL_REMOVE, "materials",
                                        description, NULL, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination), nomination_id);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

GPtrArray *
xf_evaluation_list_materials (XfEvaluation  *self,
                              gint64         nomination_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) materials = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_material_free);
  g_autoptr(XfNomination) nomination = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL)
    return NULL;
  if (!_xf_evaluation_may_see_case (self, nomination))
    return g_steal_pointer (&materials);

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT id, uid, file_name, content_type, size, sha256, added_at, added_by"
                                 " FROM nomination_materials WHERE nomination_id = $1"
                                 " ORDER BY file_name, id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfMaterial *material = g_new0 (XfMaterial, 1);

      material->id = xf_db_stmt_column_int64 (stmt, 0);
      material->uid = xf_db_stmt_dup_text (stmt, 1);
      material->file_name = xf_db_stmt_dup_text (stmt, 2);
      material->content_type = xf_db_stmt_dup_text (stmt, 3);
      material->size = xf_db_stmt_column_int64 (stmt, 4);
      material->sha256 = xf_db_stmt_dup_text (stmt, 5);
      material->added_at = xf_db_stmt_column_int64 (stmt, 6);
      material->added_by = xf_db_stmt_dup_text (stmt, 7);
      g_ptr_array_add (materials, material);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&materials);
}

GBytes *
xf_evaluation_read_material (XfEvaluation  *self,
                             gint64         material_id,
                             GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *content = NULL;
  gint64 nomination_id;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  nomination_id = find_material (self, material_id, &file_name, &sha256, &content, error);
  if (nomination_id == 0)
    return NULL;
  nomination = _xf_evaluation_load_nomination (self, nomination_id, error);
  if (nomination == NULL || !check_may_see (self, nomination, error))
    return NULL;

  return _xf_evaluation_decode_file (file_name, sha256, content, error);
}
