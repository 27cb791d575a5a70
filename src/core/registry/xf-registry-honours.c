/* xf-registry-honours.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-clock.h"
#include "xf-error.h"
#include "xf-pioneer-private.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

/*
 * Honours, and the tier they give: the highest level among a pioneer's
 * honours (national > provincial > city > county), cultivation target
 * without any.
 *
 * An honour change rewrites the pioneer's derived fields (tier, tier_rank,
 * honours_count, updated_at) but not its version: the version guards what
 * a person edits, and a save recomputes the derived fields anyway, so an
 * honour added at another desk neither is lost nor makes an open form stale.
 */

#define LEVEL_RANK_SQL \
  "CASE level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 " \
  "WHEN 'city' THEN 2 WHEN 'county' THEN 3 END"

gboolean
_xf_registry_honour_tier (XfRegistry   *self,
                          gint64        pioneer_id,
                          const char  **tier,
                          int          *count,
                          GError      **error)
{
  static const char * const tiers[] = { "national", "provincial", "city", "county" };
  XfDbStmt *stmt;

  stmt = _xf_registry_prepare (self,
                               "SELECT min(" LEVEL_RANK_SQL "), count(*) FROM honours WHERE pioneer_id = $1",
                               error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    {
      xf_db_stmt_reset (stmt);
      return FALSE;
    }

  *count = (int) xf_db_stmt_column_int64 (stmt, 1);
  if (xf_db_stmt_column_is_null (stmt, 0))
    *tier = "cultivation";
  else
    *tier = tiers[CLAMP (xf_db_stmt_column_int64 (stmt, 0), 0, 3)];
  xf_db_stmt_reset (stmt);
  return TRUE;
}

static gboolean
check_text (const char  *label,
            const char  *value,
            gboolean     required,
            glong        max,
            GError     **error)
{
  if (value == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s is required"), label);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > max)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s is too long: %ld characters, at most %ld are allowed"),
                   label, g_utf8_strlen (value, -1), max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_honour (XfHonour  *honour,
                 GError   **error)
{
  g_autoptr(GDateTime) now = xf_clock_real_now ();
  const char *level = xf_honour_get_level (honour);
  int year = xf_honour_get_year (honour);

  if (!check_text (_("Title"), xf_honour_get_title (honour), TRUE, 100, error))
    return FALSE;
  if (level == NULL || xf_tier_for_honour_level (level) == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Level “%s” is not one of national, provincial, city or district/county"),
                   level != NULL ? level : "");
      return FALSE;
    }
  if (year < 1949 || year > g_date_time_get_year (now))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Year %d is not between 1949 and this year"), year);
      return FALSE;
    }
  return check_text (_("Conferring body"), xf_honour_get_conferring_body (honour), FALSE, 100, error) &&
         check_text (_("Certificate number"), xf_honour_get_certificate_no (honour), FALSE, 50, error);
}

static char *
describe_honour (const char *title,
                 gint64      year)
{
  return g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", title, year);
}

/* Inside a write: recomputes the tier and count of @old's file, writes
 * them and records the honour itself in the audit trail, as @action. */
static gboolean
settle_pioneer (XfRegistry  *self,
                XfPioneer   *old,
                const char  *action,
                const char  *added,
                const char  *removed,
                GError     **error)
{
  g_autoptr(XfPioneer) next = NULL;
  gint64 pioneer_id = xf_pioneer_get_id (old);
  const char *tier;
  int count;

  if (!_xf_registry_honour_tier (self, pioneer_id, &tier, &count, error))
    return FALSE;

  next = xf_pioneer_copy (old);
  if (!_xf_pioneer_get_number (old, "tier-manual"))
    _xf_pioneer_set_text (next, "tier", tier);
  _xf_pioneer_set_number (next, "honours-count", count);
  _xf_pioneer_set_number (next, "updated-at",
                          MAX (xf_db_now (), _xf_pioneer_get_number (old, "updated-at")));

  return _xf_registry_write_update (self, old, next, action, error) &&
         _xf_registry_record_change (self, next, action, "honours", removed, added, error);
}

/* Inside a write: the file an honour goes to or comes from, when the
 * actor may edit its honours. */
static XfPioneer *
load_for_honours (XfRegistry  *self,
                  gint64       pioneer_id,
                  GError     **error)
{
  g_autoptr(XfPioneer) pioneer = _xf_registry_load (self, pioneer_id, error);

  if (pioneer == NULL || !_xf_registry_check_pioneer (self, XF_OP_HONOUR_EDIT, pioneer, error))
    return NULL;
  return g_steal_pointer (&pioneer);
}

/**
 * xf_registry_list_honours:
 * @pioneer_id: the file
 *
 * Returns: (transfer full): a #GListModel of #XfHonour, highest level
 *   first, then newest first; %NULL with @error set
 */
GListModel *
xf_registry_list_honours (XfRegistry  *self,
                          gint64       pioneer_id,
                          GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (XF_TYPE_HONOUR);
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);

  if (!xf_permission_check (xf_registry_get_actor (self), XF_OP_REGISTRY_READ, NULL, error))
    return NULL;
  stmt = xf_db_prepare (_xf_registry_get_db (self),
                        "SELECT id, uid, pioneer_id, title, level, year, conferring_body, "
                        "certificate_no, version FROM honours WHERE pioneer_id = $1 "
                        "ORDER BY " LEVEL_RANK_SQL ", year DESC, id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autoptr(XfHonour) honour = g_object_new (XF_TYPE_HONOUR,
        "id", xf_db_stmt_column_int64 (stmt, 0),
        "uid", xf_db_stmt_column_text (stmt, 1),
        "pioneer-id", xf_db_stmt_column_int64 (stmt, 2),
        "title", xf_db_stmt_column_text (stmt, 3),
        "level", xf_db_stmt_column_text (stmt, 4),
        "year", (int) xf_db_stmt_column_int64 (stmt, 5),
        "conferring-body", xf_db_stmt_column_text (stmt, 6),
        "certificate-no", xf_db_stmt_column_text (stmt, 7),
        "version", xf_db_stmt_column_int64 (stmt, 8),
        NULL);

      g_list_store_append (store, honour);
    }
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * xf_registry_add_honour:
 * @pioneer_id: the file
 * @honour: a new honour; on success it holds its id, uid and version
 *
 * Returns: %FALSE with %XF_ERROR_INVALID, %XF_ERROR_NOT_FOUND or
 *   %XF_ERROR_PERMISSION_DENIED, nothing written
 */
gboolean
xf_registry_add_honour (XfRegistry  *self,
                        gint64       pioneer_id,
                        XfHonour    *honour,
                        GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *description = NULL;
  gint64 now = xf_db_now ();
  gint64 id;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_HONOUR (honour), FALSE);

  if (!_xf_registry_check_anywhere (self, XF_OP_HONOUR_EDIT, error))
    return FALSE;
  if (!validate_honour (honour, error))
    return FALSE;
  if (!_xf_registry_begin (self, error))
    return FALSE;

  pioneer = load_for_honours (self, pioneer_id, error);
  if (pioneer == NULL)
    goto failed;
  uid = xf_store_new_uid ();
  stmt = xf_db_prepare (_xf_registry_get_db (self),
                        "INSERT INTO honours (uid, pioneer_id, title, level, year, conferring_body, "
                        "certificate_no, created_at, updated_at, version) "
                        "SELECT $1, id, $3, $4, $5, $6, $7, $8, $8, 1 FROM pioneers WHERE id = $2",
                        error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  xf_db_stmt_bind_text (stmt, 3, xf_honour_get_title (honour));
  xf_db_stmt_bind_text (stmt, 4, xf_honour_get_level (honour));
  xf_db_stmt_bind_int64 (stmt, 5, xf_honour_get_year (honour));
  xf_db_stmt_bind_text (stmt, 6, xf_honour_get_conferring_body (honour) ?: "");
  xf_db_stmt_bind_text (stmt, 7, xf_honour_get_certificate_no (honour) ?: "");
  xf_db_stmt_bind_int64 (stmt, 8, now);
  if (!xf_db_stmt_run (stmt, error))
    goto failed;
  if (xf_db_changes (_xf_registry_get_db (self)) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("There is no pioneer’s file number %lld"), (long long) pioneer_id);
      goto failed;
    }
  id = xf_db_last_insert_id (_xf_registry_get_db (self));

  description = describe_honour (xf_honour_get_title (honour), xf_honour_get_year (honour));
  if (!settle_pioneer (self, pioneer, XF_AUDIT_HONOUR_ADD, description, NULL, error))
    goto failed;
  if (!_xf_registry_commit (self, error))
    return FALSE;

  g_object_set (honour, "id", id, "uid", uid, "pioneer-id", pioneer_id,
                "version", (gint64) 1, NULL);
  _xf_registry_emit_changed (self, pioneer_id);
  return TRUE;

failed:
  _xf_registry_rollback (self);
  return FALSE;
}

/**
 * xf_registry_remove_honour:
 * @honour_id: the honour
 *
 * Returns: %FALSE with %XF_ERROR_NOT_FOUND when there is no such honour,
 *   or %XF_ERROR_PERMISSION_DENIED; nothing written
 */
gboolean
xf_registry_remove_honour (XfRegistry  *self,
                           gint64       honour_id,
                           GError     **error)
{
  g_autoptr(XfDbStmt) find = NULL;
  g_autoptr(XfDbStmt) remove = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *description = NULL;
  gint64 pioneer_id;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);

  if (!_xf_registry_check_anywhere (self, XF_OP_HONOUR_EDIT, error))
    return FALSE;
  if (!_xf_registry_begin (self, error))
    return FALSE;

  find = xf_db_prepare (_xf_registry_get_db (self),
                        "SELECT pioneer_id, title, year FROM honours WHERE id = $1", error);
  if (find == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (find, 1, honour_id);
  step = xf_db_stmt_step (find, error);
  if (step == XF_DB_STEP_ERROR)
    goto failed;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("There is no honour number %lld"), (long long) honour_id);
      goto failed;
    }
  pioneer_id = xf_db_stmt_column_int64 (find, 0);
  description = describe_honour (xf_db_stmt_column_text (find, 1),
                                 xf_db_stmt_column_int64 (find, 2));
  xf_db_stmt_reset (find);

  pioneer = load_for_honours (self, pioneer_id, error);
  if (pioneer == NULL)
    goto failed;
  remove = xf_db_prepare (_xf_registry_get_db (self), "DELETE FROM honours WHERE id = $1", error);
  if (remove == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (remove, 1, honour_id);
  if (!xf_db_stmt_run (remove, error))
    goto failed;
  if (!settle_pioneer (self, pioneer, XF_AUDIT_HONOUR_REMOVE, NULL, description, error))
    goto failed;
  if (!_xf_registry_commit (self, error))
    return FALSE;

  _xf_registry_emit_changed (self, pioneer_id);
  return TRUE;

failed:
  _xf_registry_rollback (self);
  return FALSE;
}
