/* xf-registry-write.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-pioneer-private.h"
#include "xf-registry.h"
#include "xf-registry-private.h"

/*
 * Rows as XfRegistry writes them: one statement per row, an audit entry
 * per changed field, and the checks against other files. The statements
 * are prepared once per registry (_xf_registry_prepare).
 */

/* Fields the audit trail leaves out: bookkeeping, and the honour count, whose
 * changes are recorded as the honours themselves. */
static const char * const unrecorded[] = {
  "id", "uid", "created-at", "updated-at", "version", "honours-count", NULL
};

/*
 * Writing rows
 */

static void
bind_column (XfDbStmt   *stmt,
             int         param,
             XfPioneer  *pioneer,
             const char *property)
{
  gint64 number;

  if (_xf_pioneer_property_is_text (property))
    {
      xf_db_stmt_bind_text (stmt, param, _xf_pioneer_get_text (pioneer, property));
      return;
    }
  number = _xf_pioneer_get_number (pioneer, property);
  if (number == 0 && _xf_pioneer_zero_is_unset (property))
    xf_db_stmt_bind_null (stmt, param);
  else
    xf_db_stmt_bind_int64 (stmt, param, number);
}

/* Binds every column but id as $1…$n, then tier_rank as $n+1; returns n+1. */
static int
bind_row (XfDbStmt  *stmt,
          XfPioneer *pioneer)
{
  int param = 0;

  for (guint i = 1; i < _xf_pioneer_n_columns; i++)
    bind_column (stmt, ++param, pioneer, _xf_pioneer_columns[i].property);
  xf_db_stmt_bind_int64 (stmt, ++param, MAX (xf_tier_rank (xf_pioneer_get_tier (pioneer)), 0));
  return param;
}

gboolean
_xf_registry_record_change (XfRegistry  *self,
                            XfPioneer   *pioneer,
                            const char  *action,
                            const char  *field,
                            const char  *old_value,
                            const char  *new_value,
                            GError     **error)
{
  if (!self->audit_enabled)
    return TRUE;
  return xf_audit_append_change (self->db, self->actor, action, "pioneer",
                                 xf_pioneer_get_uid (pioneer), xf_pioneer_get_name (pioneer),
                                 field, old_value, new_value, error);
}

/* One audit entry per recorded field whose text differs; counts them.
 * Without @self it only counts. */
static gboolean
record_differences (XfRegistry  *self,
                    XfPioneer   *old,
                    XfPioneer   *next,
                    const char  *action,
                    guint       *n_changes,
                    GError     **error)
{
  *n_changes = 0;
  for (guint i = 0; i < _xf_pioneer_n_columns; i++)
    {
      const char *property = _xf_pioneer_columns[i].property;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (g_strv_contains (unrecorded, property))
        continue;
      before = xf_pioneer_dup_field (old, property);
      after = xf_pioneer_dup_field (next, property);
      if (g_strcmp0 (before, after) == 0)
        continue;
      (*n_changes)++;
      if (self != NULL &&
          !_xf_registry_record_change (self, next, action, property, before, after, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_xf_registry_has_differences (XfPioneer *old,
                              XfPioneer *next)
{
  guint n = 0;

  record_differences (NULL, old, next, NULL, &n, NULL);
  return n > 0;
}

static gboolean
column_differs (XfPioneer  *old,
                XfPioneer  *next,
                const char *property)
{
  if (_xf_pioneer_property_is_text (property))
    return g_strcmp0 (_xf_pioneer_get_text (old, property), _xf_pioneer_get_text (next, property)) != 0;
  return _xf_pioneer_get_number (old, property) != _xf_pioneer_get_number (next, property);
}

/* Only the columns that change are set (with updated_at and version):
 * SQLite's search triggers (UPDATE OF name, employer, skills, deeds) then
 * rewrite the search index only when those change, which cost more than
 * the rest of a save. Each set of columns is one statement, prepared once. */
gboolean
_xf_registry_write_update (XfRegistry  *self,
                           XfPioneer   *old,
                           XfPioneer   *next,
                           const char  *action,
                           GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE pioneers SET ");
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean tier_changes = column_differs (old, next, "tier");
  XfDbStmt *stmt;
  guint n_changes;
  int param = 0;

  for (guint i = 1; i < _xf_pioneer_n_columns; i++)
    {
      const char *property = _xf_pioneer_columns[i].property;

      if (g_str_equal (property, "updated-at") || g_str_equal (property, "version") ||
          column_differs (old, next, property))
        {
          g_array_append_val (set, i);
          g_string_append_printf (sql, "%s = $%u, ", _xf_pioneer_columns[i].column, set->len);
        }
    }
  if (tier_changes)
    g_string_append_printf (sql, "tier_rank = $%u, ", set->len + 1);
  g_string_truncate (sql, sql->len - 2);
  g_string_append_printf (sql, " WHERE id = $%u AND version = $%u",
                          set->len + tier_changes + 1, set->len + tier_changes + 2);

  stmt = _xf_registry_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < set->len; i++)
    bind_column (stmt, ++param, next, _xf_pioneer_columns[g_array_index (set, guint, i)].property);
  if (tier_changes)
    xf_db_stmt_bind_int64 (stmt, ++param, MAX (xf_tier_rank (xf_pioneer_get_tier (next)), 0));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_pioneer_get_id (old));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_pioneer_get_version (old));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (_xf_registry_get_db (self)) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere since you opened it"), xf_pioneer_get_name (old));
      return FALSE;
    }
  return record_differences (self, old, next, action, &n_changes, error);
}

gboolean
_xf_registry_write_insert (XfRegistry  *self,
                           XfPioneer   *next,
                           GError     **error)
{
  static char *sql = NULL;
  XfDbStmt *stmt;
  g_autoptr(XfPioneer) empty = NULL;
  guint n_changes;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("INSERT INTO pioneers (");

      for (guint i = 1; i < _xf_pioneer_n_columns; i++)
        g_string_append_printf (text, "%s, ", _xf_pioneer_columns[i].column);
      g_string_append (text, "tier_rank) VALUES (");
      for (guint i = 1; i <= _xf_pioneer_n_columns; i++)
        g_string_append_printf (text, "%s$%u", i > 1 ? ", " : "", i);
      g_string_append (text, ")");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  stmt = _xf_registry_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, next);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  _xf_pioneer_set_number (next, "id", xf_db_last_insert_id (_xf_registry_get_db (self)));

  /* A new file's history starts with every field it was given. */
  empty = xf_pioneer_new (xf_pioneer_get_kind (next));
  return record_differences (self, empty, next, XF_AUDIT_CREATE, &n_changes, error);
}

/*
 * Checks against other files
 */

static gboolean
check_unique (XfRegistry  *self,
              const char  *column,
              const char  *value,
              gint64       own_id,
              GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uid = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  if (value == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT name, uid FROM pioneers WHERE %s = $1 AND id <> $2", column);
  stmt = _xf_registry_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, value);
  xf_db_stmt_bind_int64 (stmt, 2, own_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      name = xf_db_stmt_dup_text (stmt, 0);
      uid = xf_db_stmt_dup_text (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    return TRUE;

  if (g_str_equal (column, "id_number"))
    g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                 _("Identity number is already in the file of “%s” (%s)"), name, uid);
  else if (g_str_equal (column, "credit_code"))
    g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                 _("Unified social credit code is already in the file of “%s” (%s)"), name, uid);
  else
    g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                 _("The identifier is already used by the file of “%s” (%s)"), name, uid);
  return FALSE;
}

static gboolean
check_organisation (XfRegistry  *self,
                    gint64       organisation_id,
                    GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  if (organisation_id == 0)
    return TRUE;
  stmt = _xf_registry_prepare (self, "SELECT 1 FROM organisations WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, organisation_id);
  step = xf_db_stmt_step (stmt, error);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s number %lld does not exist"),
                   xf_pioneer_field_label ("organisation-id"), (long long) organisation_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
_xf_registry_check_others (XfRegistry  *self,
                           XfPioneer   *next,
                           GError     **error)
{
  gint64 id = xf_pioneer_get_id (next);

  return check_unique (self, "id_number", xf_pioneer_get_id_number (next), id, error) &&
         check_unique (self, "credit_code", xf_pioneer_get_credit_code (next), id, error) &&
         check_unique (self, "uid", xf_pioneer_get_uid (next), id, error) &&
         check_organisation (self, xf_pioneer_get_organisation_id (next), error);
}

