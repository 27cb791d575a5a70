/* xf-registry-organisations.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

/*
 * Organisations and the history of files.
 */

/* Each row of @stmt, made by @read, in an array that frees with @free_func;
 * %NULL with @error set when a step fails. */
static GPtrArray *
collect_rows (XfDbStmt        *stmt,
              gpointer       (*read) (XfDbStmt *stmt),
              GDestroyNotify   free_func,
              GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  XfDbStep step;

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (list, read (stmt));
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

void
xf_organisation_info_free (XfOrganisationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->uid);
  g_free (info->code);
  g_free (info->name);
  g_free (info->name_en);
  g_free (info->kind);
  g_free (info);
}

static gpointer
read_organisation (XfDbStmt *stmt)
{
  XfOrganisationInfo *info = g_new0 (XfOrganisationInfo, 1);

  info->id = xf_db_stmt_column_int64 (stmt, 0);
  info->uid = xf_db_stmt_dup_text (stmt, 1);
  info->code = xf_db_stmt_dup_text (stmt, 2);
  info->name = xf_db_stmt_dup_text (stmt, 3);
  info->name_en = xf_db_stmt_dup_text (stmt, 4);
  info->kind = xf_db_stmt_dup_text (stmt, 5);
  info->parent_id = xf_db_stmt_column_int64 (stmt, 6);
  return info;
}

/**
 * xf_registry_list_organisations:
 *
 * Returns: (transfer full) (element-type XfOrganisationInfo): the
 *   organisations by name, or %NULL with @error set
 */
GPtrArray *
xf_registry_list_organisations (XfRegistry  *self,
                                GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);

  if (!xf_permission_check (self->actor, XF_OP_REGISTRY_READ, NULL, error))
    return NULL;
  stmt = xf_db_prepare (_xf_registry_get_db (self),
                        "SELECT id, uid, code, name, name_en, kind, parent_id "
                        "FROM organisations ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (stmt, read_organisation, (GDestroyNotify) xf_organisation_info_free, error);
}

static gboolean
insert_organisations (XfRegistry  *self,
                      GPtrArray   *items,
                      GError     **error)
{
  g_autoptr(XfDbStmt) insert = NULL;
  g_autoptr(XfDbStmt) link = NULL;
  XfDb *db = _xf_registry_get_db (self);
  gint64 now = xf_db_now ();

  insert = xf_db_prepare (db,
                          "INSERT INTO organisations (uid, code, name, name_en, kind, "
                          "created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $6, 1)",
                          error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *uid = xf_store_new_uid ();

      xf_db_stmt_bind_text (insert, 1, uid);
      xf_db_stmt_bind_text (insert, 2, item->code);
      xf_db_stmt_bind_text (insert, 3, item->name_zh);
      xf_db_stmt_bind_text (insert, 4, item->name_en != NULL ? item->name_en : "");
      xf_db_stmt_bind_text (insert, 5, item->extra != NULL && item->extra[0] != '\0'
                                         ? item->extra : "mass-organisation");
      xf_db_stmt_bind_int64 (insert, 6, now);
      if (!xf_db_stmt_run (insert, error))
        return FALSE;
    }

  /* Parents are named by code; every row exists now, whatever the file order. */
  link = xf_db_prepare (db,
                        "UPDATE organisations SET parent_id = "
                        "(SELECT id FROM organisations WHERE code = $1) WHERE code = $2",
                        error);
  if (link == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      if (item->parent == NULL || item->parent[0] == '\0')
        continue;
      xf_db_stmt_bind_text (link, 1, item->parent);
      xf_db_stmt_bind_text (link, 2, item->code);
      if (!xf_db_stmt_run (link, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * xf_registry_ensure_organisations:
 *
 * Loads the shipped organisations into an empty table, in one
 * transaction; does nothing when the table has rows.
 *
 * This is setup, not an edit (which would need %XF_OP_ORGANISATION_EDIT):
 * a desk's first start may be signed in as anyone, and the list is the
 * same for all. So any actor who may read the registry may load it, and
 * nothing is recorded in the audit trail for it.
 *
 * Returns: %FALSE with @error set when the data or the database fails,
 *   or %XF_ERROR_PERMISSION_DENIED for an actor who may not read
 */
gboolean
xf_registry_ensure_organisations (XfRegistry  *self,
                                  GError     **error)
{
  XfReference *reference;
  gint64 count;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);

  if (!xf_permission_check (self->actor, XF_OP_REGISTRY_READ, NULL, error))
    return FALSE;
  count = xf_db_query_int64 (_xf_registry_get_db (self),
                             "SELECT count(*) FROM organisations", -1, error);
  if (count < 0)
    return FALSE;
  if (count > 0)
    return TRUE;

  reference = xf_reference_get_default (error);
  if (reference == NULL)
    return FALSE;

  if (!_xf_registry_begin (self, error))
    return FALSE;
  if (!insert_organisations (self, xf_reference_get_items (reference, XF_REFERENCE_ORGANISATIONS),
                             error))
    {
      _xf_registry_rollback (self);
      return FALSE;
    }
  _xf_registry_forget_organisations (self);
  return _xf_registry_commit (self, error);
}

void
xf_change_free (XfChange *change)
{
  if (change == NULL)
    return;
  g_free (change->actor);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static gpointer
read_change (XfDbStmt *stmt)
{
  XfChange *change = g_new0 (XfChange, 1);
  const char *name = xf_db_stmt_column_text (stmt, 1);

  change->changed_at = xf_db_stmt_column_int64 (stmt, 0);
  change->actor = g_strdup (name != NULL && name[0] != '\0' ? name : xf_db_stmt_column_text (stmt, 2));
  change->field = xf_db_stmt_dup_text (stmt, 3);
  change->old_value = xf_db_stmt_dup_text (stmt, 4);
  change->new_value = xf_db_stmt_dup_text (stmt, 5);
  return change;
}

/* Personal values in the history show as they do in the file. */
static void
mask_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      XfChange *change = g_ptr_array_index (changes, i);
      char *masked;

      if (change->field == NULL || !_xf_registry_is_personal (change->field))
        continue;
      masked = _xf_registry_mask_value (change->field, change->old_value);
      g_free (change->old_value);
      change->old_value = masked;
      masked = _xf_registry_mask_value (change->field, change->new_value);
      g_free (change->new_value);
      change->new_value = masked;
    }
}

/**
 * xf_registry_list_changes:
 * @pioneer_id: the file
 *
 * The file's history is its part of the audit trail (entries about the
 * record "pioneer" with its uid, those adopted from schema 1 included),
 * less the reveals of personal data, which change nothing. Identity
 * numbers and mobiles are masked as in the file.
 *
 * Returns: (transfer full) (element-type XfChange): the history, newest
 *   first, or %NULL with @error set
 */
GPtrArray *
xf_registry_list_changes (XfRegistry  *self,
                          gint64       pioneer_id,
                          GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  GPtrArray *changes;

  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);

  if (!_xf_registry_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  pioneer = _xf_registry_load (self, pioneer_id, error);
  if (pioneer == NULL ||
      !_xf_registry_check_pioneer (self, XF_OP_REGISTRY_READ, pioneer, error))
    return NULL;

  stmt = xf_db_prepare (_xf_registry_get_db (self),
                        "SELECT at, actor_name, actor_login, field, old_value, new_value "
                        "FROM audit_log WHERE record_uid = $1 AND record_type = 'pioneer' "
                        "AND action <> '" XF_AUDIT_REVEAL "' ORDER BY seq DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, xf_pioneer_get_uid (pioneer));

  changes = collect_rows (stmt, read_change, (GDestroyNotify) xf_change_free, error);
  if (changes != NULL && xf_registry_masks_personal (self, pioneer))
    mask_changes (changes);
  return changes;
}
