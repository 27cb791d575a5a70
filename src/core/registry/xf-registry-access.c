/* xf-registry-access.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-pioneer-private.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

/*
 * What the actor may do where, and personal data.
 *
 * A pioneer's place, for xf_permission_check(), is its region code and its
 * organisation's code with that organisation's ancestors (by parent_id).
 * The organisations are few and rarely change: they are read once into a
 * table by id, and read again when a file names one the table lacks, or
 * after xf_registry_ensure_organisations() loaded them.
 */

typedef struct
{
  char  *code;
  gint64 parent_id;
  /* Codes of the ancestors, nearest first, NULL-terminated. */
  GStrv  ancestors;
} Place;

static void
place_free (gpointer data)
{
  Place *place = data;

  g_free (place->code);
  g_strfreev (place->ancestors);
  g_free (place);
}

/* Parents deeper than this are a loop in the data, not a hierarchy. */
#define MAX_DEPTH 32

static gboolean
read_organisations (XfRegistry  *self,
                    GError     **error)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, place_free);
  g_autoptr(XfDbStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer value;
  XfDbStep step;

  stmt = xf_db_prepare (self->db, "SELECT id, code, parent_id FROM organisations", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Place *place = g_new0 (Place, 1);
      gint64 *id = g_new (gint64, 1);

      *id = xf_db_stmt_column_int64 (stmt, 0);
      place->code = xf_db_stmt_dup_text (stmt, 1);
      place->parent_id = xf_db_stmt_column_int64 (stmt, 2);
      g_hash_table_insert (places, id, place);
    }
  if (step == XF_DB_STEP_ERROR)
    return FALSE;

  g_hash_table_iter_init (&iter, places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Place *place = value;
      g_autoptr(GStrvBuilder) ancestors = g_strv_builder_new ();
      gint64 parent_id = place->parent_id;

      for (guint depth = 0; parent_id != 0 && depth < MAX_DEPTH; depth++)
        {
          Place *parent = g_hash_table_lookup (places, &parent_id);

          if (parent == NULL)
            break;
          g_strv_builder_add (ancestors, parent->code);
          parent_id = parent->parent_id;
        }
      place->ancestors = g_strv_builder_end (ancestors);
    }

  g_clear_pointer (&self->organisations, g_hash_table_unref);
  self->organisations = g_steal_pointer (&places);
  return TRUE;
}

/* (nullable): what is known of an organisation; NULL for none or an
 * unknown one. */
static Place *
find_place (XfRegistry *self,
            gint64      organisation_id)
{
  g_autoptr(GError) error = NULL;
  Place *place;

  if (organisation_id == 0)
    return NULL;
  place = self->organisations != NULL ? g_hash_table_lookup (self->organisations, &organisation_id) : NULL;
  if (place != NULL)
    return place;

  /* New since the table was read (another desk), or never read yet. */
  if (!read_organisations (self, &error))
    {
      g_debug ("Reading the organisations: %s", error->message);
      return NULL;
    }
  return g_hash_table_lookup (self->organisations, &organisation_id);
}

void
_xf_registry_forget_organisations (XfRegistry *self)
{
  g_clear_pointer (&self->organisations, g_hash_table_unref);
}

/* @target borrows from @pioneer and from the table of organisations. */
static void
fill_target (XfRegistry *self,
             XfPioneer  *pioneer,
             XfTarget   *target)
{
  Place *place = find_place (self, xf_pioneer_get_organisation_id (pioneer));

  target->region_code = xf_pioneer_get_region_code (pioneer);
  target->organisation_code = place != NULL ? place->code : NULL;
  target->organisation_ancestors = place != NULL ? (const char * const *) place->ancestors : NULL;
}

gboolean
_xf_registry_check_anywhere (XfRegistry  *self,
                             XfOperation  op,
                             GError     **error)
{
  return xf_permission_check_somewhere (self->actor, op, error);
}

gboolean
_xf_registry_check_pioneer (XfRegistry   *self,
                            XfOperation   op,
                            XfPioneer    *pioneer,
                            GError      **error)
{
  XfTarget target;

  fill_target (self, pioneer, &target);
  return xf_permission_check (self->actor, op, &target, error);
}

gboolean
xf_registry_check (XfRegistry   *self,
                   XfOperation   op,
                   XfPioneer    *pioneer,
                   GError      **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);
  return _xf_registry_check_pioneer (self, op, pioneer, error);
}

/*
 * Personal data
 */

gboolean
_xf_registry_is_personal (const char *property)
{
  return g_strcmp0 (property, "id-number") == 0 || g_strcmp0 (property, "mobile") == 0;
}

char *
_xf_registry_mask_value (const char *property,
                         const char *value)
{
  GString *masked;
  glong length, head = 0, tail = 2;

  if (value == NULL)
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    return g_strnfill (strlen (value), '*');

  length = g_utf8_strlen (value, -1);
  if (g_strcmp0 (property, "id-number") == 0 && length >= 18)
    head = 6, tail = 4;
  else if (g_strcmp0 (property, "mobile") == 0 && length >= 11)
    head = 3, tail = 4;
  else if (length <= tail)
    return g_strnfill (length, '*');

  masked = g_string_new (NULL);
  g_string_append_len (masked, value, g_utf8_offset_to_pointer (value, head) - value);
  for (glong i = head; i < length - tail; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, g_utf8_offset_to_pointer (value, length - tail));
  return g_string_free (masked, FALSE);
}

/**
 * xf_registry_masks_personal:
 * @pioneer: a file, or a summary, read from the registry
 *
 * Returns: %TRUE when the actor lacks %XF_OP_PERSONAL_VIEW at @pioneer's
 *   place, so that its identity number and mobile are handed out masked
 */
gboolean
xf_registry_masks_personal (XfRegistry *self,
                            XfPioneer  *pioneer)
{
  XfTarget target;

  g_return_val_if_fail (XF_IS_REGISTRY (self), TRUE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), TRUE);

  fill_target (self, pioneer, &target);
  return !xf_permission_allows (self->actor, XF_OP_PERSONAL_VIEW, &target);
}

void
_xf_registry_mask_personal (XfRegistry *self,
                            XfPioneer  *pioneer)
{
  static const char * const fields[] = { "id-number", "mobile" };

  if (!xf_registry_masks_personal (self, pioneer))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *masked = _xf_registry_mask_value (fields[i],
                                                         _xf_pioneer_get_text (pioneer, fields[i]));

      _xf_pioneer_set_text (pioneer, fields[i], masked);
    }
}

void
_xf_registry_keep_personal (XfPioneer *edited,
                            XfPioneer *stored)
{
  static const char * const fields[] = { "id-number", "mobile" };

  /* A real value never holds "*", so masked text is never taken for one. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = _xf_pioneer_get_text (stored, fields[i]);
      g_autofree char *masked = _xf_registry_mask_value (fields[i], value);

      if (value != NULL && g_strcmp0 (masked, _xf_pioneer_get_text (edited, fields[i])) == 0)
        _xf_pioneer_set_text (edited, fields[i], value);
    }
}

/**
 * xf_registry_reveal_personal:
 * @pioneer_id: the file
 * @field: "id-number" or "mobile"
 *
 * Hands out one plain value to an actor who sees it masked, and records
 * that in the audit trail (action "reveal", the field, and "(revealed)" as
 * the new value: the trail does not copy the secret). A value that is not
 * recorded reveals nothing and is not recorded either.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL: with @error set
 *   (%XF_ERROR_PERMISSION_DENIED, %XF_ERROR_NOT_FOUND…), or without when
 *   the file has no such value
 */
char *
xf_registry_reveal_personal (XfRegistry  *self,
                             gint64       pioneer_id,
                             const char  *field,
                             GError     **error)
{
  g_autoptr(XfPioneer) stored = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (_xf_registry_is_personal (field), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_xf_registry_check_anywhere (self, XF_OP_PERSONAL_REVEAL, error))
    return NULL;
  if (!_xf_registry_begin (self, error))
    return NULL;
  stored = _xf_registry_load (self, pioneer_id, error);
  if (stored == NULL || !_xf_registry_check_pioneer (self, XF_OP_PERSONAL_REVEAL, stored, error))
    goto failed;

  value = g_strdup (_xf_pioneer_get_text (stored, field));
  if (value == NULL)
    {
      _xf_registry_rollback (self);
      return NULL;
    }
  /* Recorded even when the benchmark turned the audit of edits off. */
  if (!xf_audit_append_change (self->db, self->actor, XF_AUDIT_REVEAL, "pioneer",
                               xf_pioneer_get_uid (stored), xf_pioneer_get_name (stored),
                               field, NULL, "(revealed)", error))
    goto failed;
  if (!_xf_registry_commit (self, error))
    return NULL;
  return g_steal_pointer (&value);

failed:
  _xf_registry_rollback (self);
  return NULL;
}

gboolean
xf_registry_get_organisation_place (XfRegistry          *self,
                                    gint64               organisation_id,
                                    const char         **code,
                                    const char * const **ancestors)
{
  Place *place;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);

  place = find_place (self, organisation_id);
  if (code != NULL)
    *code = place != NULL ? place->code : NULL;
  if (ancestors != NULL)
    *ancestors = place != NULL ? (const char * const *) place->ancestors : NULL;
  return place != NULL;
}

gboolean
xf_registry_check_id (XfRegistry   *self,
                      XfOperation   op,
                      gint64        pioneer_id,
                      GError      **error)
{
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (self, pioneer_id, error);

  if (pioneer == NULL)
    return FALSE;
  return xf_registry_check (self, op, pioneer, error);
}

gboolean
xf_registry_check_active_id (XfRegistry  *self,
                             gint64       pioneer_id,
                             const char  *field,
                             GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  if (pioneer_id <= 0)
    {
      /* Translators: %s is a field's name ("Pioneer"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: a pioneer is required"), field);
      return FALSE;
    }
  pioneer = xf_registry_get_pioneer (self, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  if (g_strcmp0 (xf_pioneer_get_status (pioneer), "active") != 0)
    {
      /* Translators: a field's name, then a pioneer's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is not an active pioneer"),
                   field, xf_pioneer_get_name (pioneer));
      return FALSE;
    }
  return TRUE;
}
