/* xf-registry.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer-private.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

struct _XfRegistry
{
  GObject   parent_instance;
  XfStore  *store;
  XfDb     *db;
  char     *actor;
  /* Whether the current write is a savepoint inside a caller's transaction. */
  gboolean  nested;
};

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

  g_clear_object (&self->db);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xf_registry_parent_class)->dispose (object);
}

static void
xf_registry_finalize (GObject *object)
{
  XfRegistry *self = (XfRegistry *) object;

  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (xf_registry_parent_class)->finalize (object);
}

static void
xf_registry_class_init (XfRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_registry_dispose;
  object_class->finalize = xf_registry_finalize;

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
  self->actor = g_strdup ("");
}

/**
 * xf_registry_new:
 * @store: an open store
 *
 * Returns: (transfer full): the repository of pioneers over @store
 */
XfRegistry *
xf_registry_new (XfStore *store)
{
  XfRegistry *self;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);

  self = g_object_new (XF_TYPE_REGISTRY, NULL);
  self->store = g_object_ref (store);
  self->db = g_object_ref (xf_store_get_db (store));
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

void
xf_registry_set_actor (XfRegistry *self,
                       const char *actor)
{
  g_return_if_fail (XF_IS_REGISTRY (self));

  g_free (self->actor);
  self->actor = g_strdup (actor != NULL ? actor : "");
}

/*
 * Shared with the other parts of the registry
 */

XfDb *
_xf_registry_get_db (XfRegistry *self)
{
  return self->db;
}

const char *
_xf_registry_get_actor (XfRegistry *self)
{
  return self->actor;
}

gboolean
_xf_registry_begin (XfRegistry  *self,
                    GError     **error)
{
  /* An importer may hold one transaction around many writes; a savepoint
   * keeps each of ours all-or-nothing inside it. */
  self->nested = xf_db_in_transaction (self->db);
  if (self->nested)
    return xf_db_exec (self->db, "SAVEPOINT xf_registry_write", error);
  return xf_db_begin (self->db, error);
}

gboolean
_xf_registry_commit (XfRegistry  *self,
                     GError     **error)
{
  if (self->nested)
    {
      if (xf_db_exec (self->db, "RELEASE xf_registry_write", error))
        return TRUE;
      _xf_registry_rollback (self);
      return FALSE;
    }
  return xf_db_commit (self->db, error);
}

void
_xf_registry_rollback (XfRegistry *self)
{
  if (self->nested)
    {
      xf_db_exec (self->db, "ROLLBACK TO xf_registry_write", NULL);
      xf_db_exec (self->db, "RELEASE xf_registry_write", NULL);
      return;
    }
  xf_db_rollback (self->db);
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
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  columns = _xf_registry_select_list (_xf_pioneer_columns, _xf_pioneer_n_columns);
  sql = g_strdup_printf ("SELECT %s, o.name FROM pioneers p "
                         "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE %s",
                         columns, condition);
  stmt = xf_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (key_text != NULL)
    xf_db_stmt_bind_text (stmt, 1, key_text);
  else
    xf_db_stmt_bind_int64 (stmt, 1, key_number);

  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      if (key_text != NULL)
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                     _("There is no pioneer’s file with the identifier %s"), key_text);
      else
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                     _("There is no pioneer’s file number %lld"), (long long) key_number);
      return NULL;
    }
  return _xf_registry_read_pioneer (stmt, _xf_pioneer_columns, _xf_pioneer_n_columns, 0);
}

XfPioneer *
_xf_registry_load (XfRegistry  *self,
                   gint64       id,
                   GError     **error)
{
  return load_where (self, "p.id = $1", NULL, id, error);
}

/**
 * xf_registry_get_pioneer:
 * @id: the file's number
 *
 * Returns: (transfer full): the full record, or %NULL with %XF_ERROR_NOT_FOUND
 */
XfPioneer *
xf_registry_get_pioneer (XfRegistry  *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  return _xf_registry_load (self, id, error);
}

/**
 * xf_registry_get_pioneer_by_uid:
 *
 * Returns: (transfer full): the full record, or %NULL with %XF_ERROR_NOT_FOUND
 */
XfPioneer *
xf_registry_get_pioneer_by_uid (XfRegistry  *self,
                                const char  *uid,
                                GError     **error)
{
  g_return_val_if_fail (XF_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  return load_where (self, "p.uid = $1", uid, 0, error);
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

/* Brings the caller's record to what is stored, notifying what changed. */
static void
update_record (XfRegistry *self,
               XfPioneer  *pioneer,
               gint64      id)
{
  g_autoptr(XfPioneer) stored = _xf_registry_load (self, id, NULL);

  if (stored == NULL)
    return;
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

/**
 * xf_registry_save_pioneer:
 * @pioneer: a new file (id 0) or one read from the registry
 *
 * Validates and writes @pioneer in one transaction. On success @pioneer
 * holds what was stored (id, uid, version, timestamps, tier). An update
 * that changes nothing writes nothing.
 *
 * Returns: %FALSE with %XF_ERROR_INVALID, %XF_ERROR_DUPLICATE,
 *   %XF_ERROR_CONFLICT or %XF_ERROR_NOT_FOUND, and nothing written
 */
gboolean
xf_registry_save_pioneer (XfRegistry  *self,
                          XfPioneer   *pioneer,
                          GError     **error)
{
  g_autoptr(XfPioneer) old = NULL;
  g_autoptr(XfPioneer) next = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);

  normalise_codes (pioneer);
  if (!xf_pioneer_validate (pioneer, NULL, error))
    return FALSE;
  if (!_xf_registry_begin (self, error))
    return FALSE;

  id = xf_pioneer_get_id (pioneer);
  if (id == 0)
    {
      next = prepare_insert (self, pioneer, error);
      ok = next != NULL && _xf_registry_check_others (self, next, error) && _xf_registry_write_insert (self, next, error);
    }
  else
    {
      old = _xf_registry_load (self, id, error);
      next = old != NULL ? prepare_update (self, old, pioneer, error) : NULL;
      ok = next != NULL && _xf_registry_check_others (self, next, error);
      if (ok && !_xf_registry_has_differences (old, next))
        {
          _xf_registry_rollback (self);
          return TRUE;
        }
      ok = ok && _xf_registry_write_update (self, old, next, error);
    }

  if (!ok || !_xf_registry_commit (self, error))
    {
      if (ok == FALSE)
        _xf_registry_rollback (self);
      return FALSE;
    }

  update_record (self, pioneer, xf_pioneer_get_id (next));
  _xf_registry_emit_changed (self, xf_pioneer_get_id (next));
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

  if (!_xf_registry_begin (self, error))
    return FALSE;

  old = _xf_registry_load (self, id, error);
  if (old == NULL)
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
  if (!_xf_registry_write_update (self, old, next, error))
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
 *   %XF_ERROR_WORKFLOW when already archived, or %XF_ERROR_CONFLICT
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

  sql = _xf_registry_sql_new (self->db, query, error);
  if (sql == NULL)
    return -1;
  return _xf_registry_sql_count (sql, self->db, error);
}
