/* xf-registry.c
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

/* Statements kept by _xf_registry_prepare(). */
#define MAX_STMTS 200

G_DEFINE_FINAL_TYPE (XfRegistry, xf_registry, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_registry_dispose (GObject *object)
{
  XfRegistry *self = (XfRegistry *) object;

  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->organisations, g_hash_table_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (xf_registry_parent_class)->dispose (object);
}

static void
xf_registry_class_init (XfRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_registry_dispose;

  /**
   * XfRegistry::changed:
   * @pioneer_id: the file that was written
   *
   * Emitted after a write to a pioneer's file (or its honours) is committed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
xf_registry_init (XfRegistry *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) xf_db_stmt_free);
  self->audit_enabled = TRUE;
}

/**
 * xf_registry_new:
 * @store: an open store
 * @actor: the account every operation runs as (the signed-in person, or
 *   xf_account_new_local_administrator() where there are no accounts)
 *
 * Returns: (transfer full): the repository of pioneers over @store
 */
XfRegistry *
xf_registry_new (XfStore   *store,
                 XfAccount *actor)
{
  XfRegistry *self;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);

  self = g_object_new (XF_TYPE_REGISTRY, NULL);
  self->store = g_object_ref (store);
  self->db = g_object_ref (xf_store_get_db (store));
  self->actor = g_object_ref (actor);
  return self;
}

/**
 * xf_registry_get_store:
 *
 * Returns: (transfer none): the store
 */
XfStore *
xf_registry_get_store (XfRegistry *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  return self->store;
}

/**
 * xf_registry_get_actor:
 *
 * Returns: (transfer none): the account the registry acts as
 */
XfAccount *
xf_registry_get_actor (XfRegistry *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  return self->actor;
}

/*
 * Shared with the other parts of the registry
 */

XfDb *
_xf_registry_get_db (XfRegistry *self)
{
  return self->db;
}

XfDbStmt *
_xf_registry_prepare (XfRegistry  *self,
                      const char  *sql,
                      GError     **error)
{
  XfDbStmt *stmt = g_hash_table_lookup (self->stmts, sql);

  /* Preparing the row statements cost as much as running them on SQLite. */
  if (stmt != NULL)
    return stmt;
  /* Updates vary with the columns they set: keep the cache bounded. No
   * caller holds a statement across this call. */
  if (g_hash_table_size (self->stmts) >= MAX_STMTS)
    g_hash_table_remove_all (self->stmts);
  stmt = xf_db_prepare (self->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

void
_xf_registry_set_audit_enabled (XfRegistry *self,
                                gboolean    enabled)
{
  g_return_if_fail (XF_IS_REGISTRY (self));
  self->audit_enabled = enabled;
}

gboolean
_xf_registry_get_audit_enabled (XfRegistry *self)
{
  return self->audit_enabled;
}

gboolean
_xf_registry_begin (XfRegistry  *self,
                    GError     **error)
{
  return xf_db_begin_write (self->db, "xf_registry_write", &self->nested, error);
}

gboolean
_xf_registry_commit (XfRegistry  *self,
                     GError     **error)
{
  return xf_db_commit_write (self->db, "xf_registry_write", self->nested, error);
}

void
_xf_registry_rollback (XfRegistry *self)
{
  xf_db_rollback_write (self->db, "xf_registry_write", self->nested);
}

void
_xf_registry_emit_changed (XfRegistry *self,
                           gint64      pioneer_id)
{
  g_signal_emit (self, signals [CHANGED], 0, pioneer_id);
}

static XfPioneer *
load_where (XfRegistry  *self,
            const char  *condition,
            const char  *key_text,
            gint64       key_number,
            GError     **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  XfPioneer *pioneer;
  XfDbStmt *stmt;
  XfDbStep step;

  columns = _xf_registry_select_list (_xf_pioneer_columns, _xf_pioneer_n_columns);
  sql = g_strdup_printf ("SELECT %s, o.name FROM pioneers p "
                         "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE %s",
                         columns, condition);
  stmt = _xf_registry_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (key_text != NULL)
    xf_db_stmt_bind_text (stmt, 1, key_text);
  else
    xf_db_stmt_bind_int64 (stmt, 1, key_number);

  step = xf_db_stmt_step (stmt, error);
  if (step != XF_DB_STEP_ROW)
    {
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return NULL;
      if (key_text != NULL)
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                     _("There is no pioneer’s file with the identifier %s"), key_text);
      else
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                     _("There is no pioneer’s file number %lld"), (long long) key_number);
      return NULL;
    }
  pioneer = _xf_registry_read_pioneer (stmt, _xf_pioneer_columns, _xf_pioneer_n_columns, 0);
  /* A cached statement left on a row would hold SQLite's read lock. */
  xf_db_stmt_reset (stmt);
  return pioneer;
}

XfPioneer *
_xf_registry_load (XfRegistry  *self,
                   gint64       id,
                   GError     **error)
{
  return load_where (self, "p.id = $1", NULL, id, error);
}

/* A file as the actor may read it. */
static XfPioneer *
get_for_actor (XfRegistry  *self,
               const char  *uid,
               gint64       id,
               GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  if (!_xf_registry_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  pioneer = uid != NULL ? load_where (self, "p.uid = $1", uid, 0, error)
                        : _xf_registry_load (self, id, error);
  if (pioneer == NULL ||
      !_xf_registry_check_pioneer (self, XF_OP_REGISTRY_READ, pioneer, error))
    return NULL;
  _xf_registry_mask_personal (self, pioneer);
  return g_steal_pointer (&pioneer);
}

/**
 * xf_registry_get_pioneer:
 * @id: the file's number
 *
 * Returns: (transfer full): the full record (personal data masked unless
 *   the actor may see it), or %NULL with %XF_ERROR_NOT_FOUND or
 *   %XF_ERROR_PERMISSION_DENIED
 */
XfPioneer *
xf_registry_get_pioneer (XfRegistry  *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  return get_for_actor (self, NULL, id, error);
}

/**
 * xf_registry_get_pioneer_by_uid:
 *
 * Returns: (transfer full): the full record, or %NULL with
 *   %XF_ERROR_NOT_FOUND or %XF_ERROR_PERMISSION_DENIED
 */
XfPioneer *
xf_registry_get_pioneer_by_uid (XfRegistry  *self,
                                const char  *uid,
                                GError     **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  return get_for_actor (self, uid, 0, error);
}

/*
 * Saving
 */

/* Fields a save takes from the caller's record; the rest (kind, status,
 * honours, bookkeeping) have their own paths or are derived. */
static gboolean
is_edited_field (const char *property)
{
  static const char * const kept[] = {
    "id", "uid", "kind", "tier", "status", "archive-reason", "honours-count",
    "created-at", "updated-at", "version", NULL
  };

  return !g_strv_contains (kept, property);
}

/* Tier from the honours unless it is set by hand (then with its reason). */
static gboolean
settle_tier (XfRegistry  *self,
             XfPioneer   *next,
             XfPioneer   *edited,
             GError     **error)
{
  const char *tier = "cultivation";
  int count = 0;

  if (xf_pioneer_get_id (next) != 0 &&
      !_xf_registry_honour_tier (self, xf_pioneer_get_id (next), &tier, &count, error))
    return FALSE;
  _xf_pioneer_set_number (next, "honours-count", count);

  if (_xf_pioneer_get_number (edited, "tier-manual"))
    _xf_pioneer_set_text (next, "tier", xf_pioneer_get_tier (edited));
  else
    {
      _xf_pioneer_set_text (next, "tier", tier);
      _xf_pioneer_set_text (next, "tier-reason", NULL);
    }
  return TRUE;
}

static XfPioneer *
prepare_insert (XfRegistry  *self,
                XfPioneer   *pioneer,
                GError     **error)
{
  g_autoptr(XfPioneer) next = xf_pioneer_copy (pioneer);
  gint64 now = xf_db_now ();

  if (xf_pioneer_get_uid (next) == NULL)
    {
      g_autofree char *uid = xf_store_new_uid ();

      _xf_pioneer_set_text (next, "uid", uid);
    }
  if (!settle_tier (self, next, pioneer, error))
    return NULL;
  _xf_pioneer_set_number (next, "created-at", now);
  _xf_pioneer_set_number (next, "updated-at", now);
  _xf_pioneer_set_number (next, "version", 1);
  _xf_pioneer_set_text (next, "organisation-name", NULL);
  return g_steal_pointer (&next);
}

static XfPioneer *
prepare_update (XfRegistry  *self,
                XfPioneer   *old,
                XfPioneer   *pioneer,
                GError     **error)
{
  g_autoptr(XfPioneer) next = xf_pioneer_copy (old);

  if (xf_pioneer_get_version (old) != xf_pioneer_get_version (pioneer))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere since you opened it"), xf_pioneer_get_name (old));
      return NULL;
    }
  if (g_strcmp0 (xf_pioneer_get_kind (old), xf_pioneer_get_kind (pioneer)) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s of a file cannot be changed"), xf_pioneer_field_label ("kind"));
      return NULL;
    }

  for (guint i = 0; i < _xf_pioneer_n_columns; i++)
    {
      const char *property = _xf_pioneer_columns[i].property;

      if (!is_edited_field (property))
        continue;
      if (_xf_pioneer_property_is_text (property))
        _xf_pioneer_set_text (next, property, _xf_pioneer_get_text (pioneer, property));
      else
        _xf_pioneer_set_number (next, property, _xf_pioneer_get_number (pioneer, property));
    }
  if (!settle_tier (self, next, pioneer, error))
    return NULL;
  _xf_pioneer_set_number (next, "updated-at", MAX (xf_db_now (), _xf_pioneer_get_number (old, "updated-at")));
  _xf_pioneer_set_number (next, "version", xf_pioneer_get_version (old) + 1);
  return g_steal_pointer (&next);
}

/* Brings the caller's record to what is stored, as the actor may see it,
 * notifying what changed. */
static void
update_record (XfRegistry *self,
               XfPioneer  *pioneer,
               gint64      id)
{
  g_autoptr(XfPioneer) stored = _xf_registry_load (self, id, NULL);

  if (stored == NULL)
    return;
  _xf_registry_mask_personal (self, stored);
  g_object_freeze_notify (G_OBJECT (pioneer));
  for (guint i = 0; i < _xf_pioneer_n_columns; i++)
    {
      const char *property = _xf_pioneer_columns[i].property;

      if (_xf_pioneer_property_is_text (property))
        _xf_pioneer_set_text (pioneer, property, _xf_pioneer_get_text (stored, property));
      else
        _xf_pioneer_set_number (pioneer, property, _xf_pioneer_get_number (stored, property));
    }
  _xf_pioneer_set_text (pioneer, "organisation-name", xf_pioneer_get_organisation_name (stored));
  g_object_thaw_notify (G_OBJECT (pioneer));
}

/* Identity numbers and credit codes are compared as stored: upper case. */
static void
normalise_codes (XfPioneer *pioneer)
{
  const char *properties[] = { "id-number", "credit-code" };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      const char *value = _xf_pioneer_get_text (pioneer, properties[i]);
      g_autofree char *upper = NULL;

      if (value == NULL)
        continue;
      upper = g_ascii_strup (value, -1);
      _xf_pioneer_set_text (pioneer, properties[i], upper);
    }
}

/* See xf-registry-private.h: what xf_registry_save_pioneer(),
 * _xf_registry_save_many() and xf_registry_bulk_edit() write. */
gboolean
_xf_registry_save_one (XfRegistry  *self,
                       XfPioneer   *pioneer,
                       XfPioneer   *stored,
                       const char  *action,
                       XfPioneer  **written,
                       GError     **error)
{
  g_autoptr(XfPioneer) old = NULL;
  g_autoptr(XfPioneer) edited = NULL;
  g_autoptr(XfPioneer) next = NULL;
  gint64 id = xf_pioneer_get_id (pioneer);

  *written = NULL;
  normalise_codes (pioneer);
  if (id == 0)
    {
      if (!_xf_registry_check_pioneer (self, XF_OP_PIONEER_CREATE, pioneer, error) ||
          !xf_pioneer_validate (pioneer, NULL, error))
        return FALSE;
      next = prepare_insert (self, pioneer, error);
      if (next == NULL ||
          !_xf_registry_check_others (self, next, error) ||
          !_xf_registry_write_insert (self, next, error))
        return FALSE;
      *written = g_steal_pointer (&next);
      return TRUE;
    }

  /* Editing needs the right where the file is and where it goes. */
  old = stored != NULL ? g_object_ref (stored) : _xf_registry_load (self, id, error);
  if (old == NULL ||
      !_xf_registry_check_pioneer (self, XF_OP_PIONEER_EDIT, old, error) ||
      !_xf_registry_check_pioneer (self, XF_OP_PIONEER_EDIT, pioneer, error))
    return FALSE;

  /* Masked text left as it was keeps the stored value. On a copy: the
   * caller's record never holds what its actor may not see. */
  edited = xf_pioneer_copy (pioneer);
  _xf_registry_keep_personal (edited, old);
  if (!xf_pioneer_validate (edited, NULL, error))
    return FALSE;
  next = prepare_update (self, old, edited, error);
  if (next == NULL || !_xf_registry_check_others (self, next, error))
    return FALSE;
  if (!_xf_registry_has_differences (old, next))
    return TRUE;
  if (!_xf_registry_write_update (self, old, next, action, error))
    return FALSE;
  *written = g_steal_pointer (&next);
  return TRUE;
}

/**
 * xf_registry_save_pioneer:
 * @pioneer: a new file (id 0) or one read from the registry
 *
 * Validates and writes @pioneer in one transaction. On success @pioneer
 * holds what was stored (id, uid, version, timestamps, tier), with
 * personal data masked as xf_registry_get_pioneer() hands it out. An
 * update that changes nothing writes nothing.
 *
 * Returns: %FALSE with %XF_ERROR_PERMISSION_DENIED, %XF_ERROR_INVALID,
 *   %XF_ERROR_DUPLICATE, %XF_ERROR_CONFLICT or %XF_ERROR_NOT_FOUND, and
 *   nothing written
 */
gboolean
xf_registry_save_pioneer (XfRegistry  *self,
                          XfPioneer   *pioneer,
                          GError     **error)
{
  g_autoptr(XfPioneer) written = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);

  if (!_xf_registry_check_anywhere (self, xf_pioneer_get_id (pioneer) == 0
                                            ? XF_OP_PIONEER_CREATE : XF_OP_PIONEER_EDIT,
                                    error))
    return FALSE;
  if (!_xf_registry_begin (self, error))
    return FALSE;
  if (!_xf_registry_save_one (self, pioneer, NULL, XF_AUDIT_UPDATE, &written, error))
    {
      _xf_registry_rollback (self);
      return FALSE;
    }
  if (written == NULL)
    {
      _xf_registry_rollback (self);
      return TRUE;
    }
  if (!_xf_registry_commit (self, error))
    return FALSE;

  update_record (self, pioneer, xf_pioneer_get_id (written));
  _xf_registry_emit_changed (self, xf_pioneer_get_id (written));
  return TRUE;
}

static void
clear_object (gpointer object)
{
  g_clear_object (&object);
}

static int
compare_uids (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  XfPioneer **pioneers = user_data;
  const char *uid_a = xf_pioneer_get_uid (pioneers[*(const guint *) a]);
  const char *uid_b = xf_pioneer_get_uid (pioneers[*(const guint *) b]);

  /* New files (no uid yet) last, in their order. */
  if (uid_a == NULL || uid_b == NULL)
    return (uid_a == NULL) - (uid_b == NULL);
  return strcmp (uid_a, uid_b);
}

/* For imports and bulk edits: many saves in one transaction, all or
 * nothing; see xf-registry-private.h. The files are written in the order
 * of their uids, so that the audit trail's index by record is walked once
 * in order rather than at random: with 100,000 entries in the trail, a
 * bulk edit of 100,000 files took 17.8 s instead of 20.0 s (13.5 s without
 * the trail). */
gboolean
_xf_registry_save_many (XfRegistry  *self,
                        XfPioneer  **pioneers,
                        guint        n_pioneers,
                        GError     **error)
{
  g_autoptr(GPtrArray) written = NULL;
  g_autofree guint *order = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (pioneers != NULL || n_pioneers == 0, FALSE);

  order = g_new (guint, MAX (n_pioneers, 1));
  for (guint i = 0; i < n_pioneers; i++)
    order[i] = i;
  g_qsort_with_data (order, n_pioneers, sizeof (guint), compare_uids, pioneers);

  written = g_ptr_array_new_full (n_pioneers, clear_object);
  g_ptr_array_set_size (written, n_pioneers);
  if (!_xf_registry_begin (self, error))
    return FALSE;
  for (guint k = 0; k < n_pioneers; k++)
    {
      guint i = order[k];
      XfPioneer *one = NULL;

      if (!_xf_registry_save_one (self, pioneers[i], NULL, XF_AUDIT_UPDATE, &one, error))
        {
          _xf_registry_rollback (self);
          return FALSE;
        }
      g_ptr_array_index (written, i) = one;
    }
  if (!_xf_registry_commit (self, error))
    return FALSE;

  for (guint i = 0; i < n_pioneers; i++)
    {
      XfPioneer *one = g_ptr_array_index (written, i);

      if (one == NULL)
        continue;
      update_record (self, pioneers[i], xf_pioneer_get_id (one));
      _xf_registry_emit_changed (self, xf_pioneer_get_id (one));
    }
  return TRUE;
}

/*
 * Archiving
 */

static gboolean
set_status (XfRegistry  *self,
            XfPioneer   *pioneer,
            const char  *status,
            const char  *reason,
            GError     **error)
{
  g_autoptr(XfPioneer) old = NULL;
  g_autoptr(XfPioneer) next = NULL;
  gint64 id = xf_pioneer_get_id (pioneer);

  if (!_xf_registry_check_anywhere (self, XF_OP_PIONEER_ARCHIVE, error))
    return FALSE;
  if (!_xf_registry_begin (self, error))
    return FALSE;

  old = _xf_registry_load (self, id, error);
  if (old == NULL || !_xf_registry_check_pioneer (self, XF_OP_PIONEER_ARCHIVE, old, error))
    goto failed;
  if (xf_pioneer_get_version (old) != xf_pioneer_get_version (pioneer))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere since you opened it"), xf_pioneer_get_name (old));
      goto failed;
    }
  if (g_str_equal (status, "archived") && g_strcmp0 (xf_pioneer_get_status (old), "archived") == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("“%s” is already archived"), xf_pioneer_get_name (old));
      goto failed;
    }
  if (g_str_equal (status, "active") && g_strcmp0 (xf_pioneer_get_status (old), "archived") != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("“%s” is not archived"), xf_pioneer_get_name (old));
      goto failed;
    }

  next = xf_pioneer_copy (old);
  _xf_pioneer_set_text (next, "status", status);
  _xf_pioneer_set_text (next, "archive-reason", reason);
  _xf_pioneer_set_number (next, "updated-at", MAX (xf_db_now (), _xf_pioneer_get_number (old, "updated-at")));
  _xf_pioneer_set_number (next, "version", xf_pioneer_get_version (old) + 1);
  if (!_xf_registry_write_update (self, old, next,
                                  g_str_equal (status, "archived") ? XF_AUDIT_ARCHIVE : XF_AUDIT_RESTORE,
                                  error))
    goto failed;
  if (!_xf_registry_commit (self, error))
    return FALSE;

  update_record (self, pioneer, id);
  _xf_registry_emit_changed (self, id);
  return TRUE;

failed:
  _xf_registry_rollback (self);
  return FALSE;
}

/**
 * xf_registry_archive_pioneer:
 * @reason: why the file leaves the active registry; required
 *
 * Files are archived, never deleted.
 *
 * Returns: %FALSE with %XF_ERROR_INVALID when @reason is empty,
 *   %XF_ERROR_WORKFLOW when already archived, %XF_ERROR_CONFLICT or
 *   %XF_ERROR_PERMISSION_DENIED
 */
gboolean
xf_registry_archive_pioneer (XfRegistry  *self,
                             XfPioneer   *pioneer,
                             const char  *reason,
                             GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);

  if (!_xf_registry_check_anywhere (self, XF_OP_PIONEER_ARCHIVE, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (stripped[0] == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Reason is required to archive “%s”"),
                   xf_pioneer_get_name (pioneer) != NULL ? xf_pioneer_get_name (pioneer) : "");
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > 500)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Reason is too long: at most %d characters are allowed"), 500);
      return FALSE;
    }
  return set_status (self, pioneer, "archived", stripped, error);
}

/**
 * xf_registry_restore_pioneer:
 *
 * Brings an archived file back to the active registry.
 *
 * Returns: %FALSE with %XF_ERROR_WORKFLOW when it is not archived
 */
gboolean
xf_registry_restore_pioneer (XfRegistry  *self,
                             XfPioneer   *pioneer,
                             GError     **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);

  return set_status (self, pioneer, "active", NULL, error);
}

/**
 * xf_registry_count_pioneers:
 * @query: (nullable): filters and search; %NULL counts the active files
 *
 * Counts as the registry list does, with the same conditions.
 *
 * Returns: the number of files, or -1 with @error set
 */
gint64
xf_registry_count_pioneers (XfRegistry             *self,
                            const XfRegistryQuery  *query,
                            GError                **error)
{
  g_autoptr(XfRegistrySql) sql = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (self), -1);

  if (!xf_permission_check (self->actor, XF_OP_REGISTRY_READ, NULL, error))
    return -1;
  sql = _xf_registry_sql_new (self->db, query, error);
  if (sql == NULL)
    return -1;
  return _xf_registry_sql_count (sql, self->db, error);
}
