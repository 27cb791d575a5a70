/* xf-services.c — the services repository: object, transactions, audit,
 *                 permissions, timeline and engagement helpers
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-services-private.h"

#define SAVEPOINT "xf_services_write"

G_DEFINE_FINAL_TYPE (XfServices, xf_services, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_services_dispose (GObject *object)
{
  XfServices *self = (XfServices *) object;

  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&self->stmts, xf_stmt_cache_free);
  g_clear_object (&self->db);
  g_clear_object (&self->actor);
  g_clear_object (&self->registry);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (xf_services_parent_class)->dispose (object);
}

static void
xf_services_class_init (XfServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_services_dispose;

  /**
   * XfServices::changed:
   * @request_id: the request, or 0 when the write was not about one
   *
   * After each committed write.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
xf_services_init (XfServices *self)
{
}

XfServices *
xf_services_new (XfRegistry *registry)
{
  XfServices *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_SERVICES, NULL);
  self->registry = g_object_ref (registry);
  self->db = g_object_ref (xf_store_get_db (xf_registry_get_store (registry)));
  self->actor = g_object_ref (xf_registry_get_actor (registry));
  self->stmts = xf_stmt_cache_new (self->db);
  self->calendar = xf_calendar_dup_default_or_weekends ();
  return self;
}

XfRegistry *
xf_services_get_registry (XfServices *self)
{
  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);
  return self->registry;
}

XfAccount *
xf_services_get_actor (XfServices *self)
{
  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);
  return self->actor;
}

XfCalendar *
xf_services_get_calendar (XfServices *self)
{
  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);
  return self->calendar;
}

XfDbStmt *
_xf_services_prepare (XfServices  *self,
                      const char  *sql,
                      GError     **error)
{
  return xf_stmt_cache_prepare (self->stmts, sql, error);
}

gboolean
_xf_services_begin (XfServices  *self,
                    GError     **error)
{
  return xf_db_begin_write (self->db, SAVEPOINT, &self->nested, error);
}

gboolean
_xf_services_commit (XfServices  *self,
                     GError     **error)
{
  return xf_db_commit_write (self->db, SAVEPOINT, self->nested, error);
}

void
_xf_services_rollback (XfServices *self)
{
  xf_db_rollback_write (self->db, SAVEPOINT, self->nested);
}

void
_xf_services_emit_changed (XfServices *self,
                           gint64      request_id)
{
  g_signal_emit (self, signals [CHANGED], 0, request_id);
}

gboolean
_xf_services_end (XfServices  *self,
                  gboolean     ok,
                  gint64       request_id,
                  GError     **error)
{
  if (ok && _xf_services_commit (self, error))
    {
      _xf_services_emit_changed (self, request_id);
      return TRUE;
    }
  _xf_services_rollback (self);
  return FALSE;
}

gboolean
_xf_services_audit (XfServices  *self,
                    const char  *action,
                    const char  *record_type,
                    const char  *record_uid,
                    const char  *record_label,
                    const char  *field,
                    const char  *old_value,
                    const char  *new_value,
                    GError     **error)
{
  return xf_audit_append_change (self->db, self->actor, action, record_type,
                                 record_uid, record_label, field,
                                 old_value, new_value, error);
}

gboolean
_xf_services_audit_fields (XfServices                  *self,
                           const char                  *record_type,
                           const char                  *record_uid,
                           const char                  *record_label,
                           const XfServicesFieldChange *fields,
                           guint                        n_fields,
                           GError                     **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].before, fields[i].after) != 0
        && !_xf_services_audit (self, XF_AUDIT_UPDATE, record_type, record_uid, record_label,
                                fields[i].field, fields[i].before, fields[i].after, error))
      return FALSE;
  return TRUE;
}

gboolean
_xf_services_check_anywhere (XfServices  *self,
                             XfOperation  op,
                             GError     **error)
{
  return xf_permission_check_somewhere (self->actor, op, error);
}

gboolean
_xf_services_check_region (XfServices  *self,
                           XfOperation  op,
                           const char  *region_code,
                           GError     **error)
{
  XfTarget target = { region_code, NULL, NULL };

  if (region_code == NULL)
    return _xf_services_check_anywhere (self, op, error);
  return xf_permission_check (self->actor, op, &target, error);
}

gboolean
_xf_services_check_pioneer (XfServices  *self,
                            XfOperation  op,
                            gint64       pioneer_id,
                            GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  /* Registry reads need only REGISTRY_READ, which every role has. */
  pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  return xf_registry_check (self->registry, op, pioneer, error);
}

gboolean
_xf_services_sees_contacts (XfServices *self,
                            const char *region_code)
{
  XfTarget target = { region_code, NULL, NULL };

  return xf_permission_allows (self->actor, XF_OP_PERSONAL_VIEW, &target)
         || xf_permission_allows (self->actor, XF_OP_SERVICE_DISPATCH, &target);
}

char *
_xf_services_mask_contact (const char *contact)
{
  if (contact == NULL || *contact == '\0')
    return g_strdup (contact);
  /* A mainland mobile keeps its operator prefix and last four digits. */
  if (strlen (contact) == 11 && contact[0] == '1'
      && strspn (contact, "0123456789") == 11)
    return g_strdup_printf ("%.3s••••%s", contact, contact + 7);
  return g_strdup ("••••");
}

gint64
_xf_services_now (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

const char *
_xf_services_actor_name (XfServices *self)
{
  return xf_account_get_record_name (self->actor);
}

gboolean
_xf_services_lock (XfServices  *self,
                   const char  *table,
                   gint64       id,
                   GError     **error)
{
  return xf_stmt_cache_lock_row (self->stmts, table, id, error);
}

gboolean
_xf_services_query_int64 (XfServices  *self,
                          const char  *sql,
                          gint64       param,
                          gint64      *value,
                          GError     **error)
{
  return xf_stmt_cache_query_int64 (self->stmts, sql, param, value, error);
}

void
_xf_services_set_not_found (GError     **error,
                            const char  *what,
                            gint64       id)
{
  /* Translators: the first %s is a kind of record ("Request", "Activity"). */
  g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s %lld does not exist"),
               what, (long long) id);
}

GPtrArray *
_xf_services_collect (XfServices        *self,
                      XfDbStmt          *stmt,
                      XfServicesRowFunc  from_row,
                      GDestroyNotify     free_func,
                      GError           **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  XfDbStep step;

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (list, from_row (self, stmt));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
_xf_services_list_for (XfServices        *self,
                       const char        *sql,
                       gint64             pioneer_id,
                       const char        *code,
                       XfServicesRowFunc  from_row,
                       GDestroyNotify     free_func,
                       GError           **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, MAX (pioneer_id, 0));
  xf_db_stmt_bind_text (stmt, 2, code != NULL ? code : "");
  return _xf_services_collect (self, stmt, from_row, free_func, error);
}

gpointer
_xf_services_fetch_one (XfServices        *self,
                        XfDbStmt          *stmt,
                        XfServicesRowFunc  from_row,
                        const char        *what,
                        gint64             id,
                        GError           **error)
{
  gpointer record = NULL;
  XfDbStep step;

  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    record = from_row (self, stmt);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_services_set_not_found (error, what, id);
  return record;
}

gboolean
_xf_services_add_event (XfServices  *self,
                        gint64       request_id,
                        const char  *kind,
                        gint64       pioneer_id,
                        const char  *detail,
                        GError     **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "INSERT INTO service_request_events (request_id, at, kind, actor, pioneer_id, detail) "
    "VALUES ($1, $2, $3, $4, $5, $6)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request_id);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_services_now ());
  xf_db_stmt_bind_text (stmt, 3, kind);
  xf_db_stmt_bind_text (stmt, 4, _xf_services_actor_name (self));
  if (pioneer_id > 0)
    xf_db_stmt_bind_int64 (stmt, 5, pioneer_id);
  else
    xf_db_stmt_bind_null (stmt, 5);
  xf_db_stmt_bind_text (stmt, 6, detail != NULL ? detail : "");
  return xf_db_stmt_run (stmt, error);
}

gboolean
_xf_services_record_engagement (XfServices  *self,
                                gint64       pioneer_id,
                                const char  *kind,
                                const char  *record_uid,
                                double       value,
                                GError     **error)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autofree char *on = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *source_id = g_strdup_printf ("%s:%s:%lld", kind, record_uid,
                                                (long long) pioneer_id);
  /* The same act twice is one event: the unique (source, source_id) keeps
   * the first, portably (no INSERT OR IGNORE / ON CONFLICT differences). */
  XfDbStmt *stmt = _xf_services_prepare (self,
    "INSERT INTO engagement_events (pioneer_id, kind, occurred_at, occurred_on, source, source_id, record_uid, value) "
    "SELECT $1, $2, $3, $4, 'app', $5, $6, $7 "
    "WHERE NOT EXISTS (SELECT 1 FROM engagement_events WHERE source = 'app' AND source_id = $5)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  xf_db_stmt_bind_text (stmt, 2, kind);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_services_now ());
  xf_db_stmt_bind_text (stmt, 4, on);
  xf_db_stmt_bind_text (stmt, 5, source_id);
  xf_db_stmt_bind_text (stmt, 6, record_uid);
  xf_db_stmt_bind_double (stmt, 7, value);
  return xf_db_stmt_run (stmt, error);
}

gboolean
_xf_services_check_active_pioneer (XfServices  *self,
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
  pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);
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

gint64
_xf_services_item_id (XfServices  *self,
                      const char  *code,
                      gboolean     allow_inactive,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfDbStmt *stmt;
  gint64 id = 0;
  gboolean active = FALSE;
  XfDbStep step;

  if (!_xf_services_ensure_catalogue (self, error))
    return 0;
  stmt = _xf_services_prepare (self, "SELECT id, active FROM service_items WHERE code = $1", error);
  if (stmt == NULL)
    return 0;
  /* Bytes that are no text are no code (and PostgreSQL refuses them). */
  xf_db_stmt_bind_text (stmt, 1, code != NULL && g_utf8_validate (code, -1, NULL) ? code : "");
  step = xf_db_stmt_step (stmt, &local_error);
  if (step == XF_DB_STEP_ROW)
    {
      id = xf_db_stmt_column_int64 (stmt, 0);
      active = xf_db_stmt_column_int64 (stmt, 1) != 0;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (id == 0 || (!active && !allow_inactive))
    {
      g_autofree char *quoted = _xf_services_quote (code);

      /* Translators: %s is a catalogue code such as "cp-legal-aid". */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   id == 0 ? _("Service item: “%s” is not in the catalogue")
                           : _("Service item: “%s” is no longer offered"),
                   quoted);
      return 0;
    }
  return id;
}

char *
_xf_services_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *start = NULL;

  /* A message quoting a whole paste of a page is no help either. */
  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 40);
  return g_strconcat (start, "…", NULL);
}

char *
_xf_services_check_text (const char  *field,
                         const char  *text,
                         gboolean     required,
                         guint        max_chars,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  glong length;

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: not valid text"), field);
      return NULL;
    }
  if (required && *trimmed == '\0')
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: this is required"), field);
      return NULL;
    }
  length = g_utf8_strlen (trimmed, -1);
  if ((guint) length > max_chars)
    {
      /* Translators: a field's name, then two numbers of characters. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: at most %u characters, not %ld"),
                   field, max_chars, length);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}
