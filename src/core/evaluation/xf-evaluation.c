/* xf-evaluation.c — the evaluation repository: object, transactions, audit
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"

G_DEFINE_FINAL_TYPE (XfEvaluation, xf_evaluation, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_evaluation_dispose (GObject *object)
{
  XfEvaluation *self = (XfEvaluation *) object;

  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&self->stmts, xf_stmt_cache_free);
  g_clear_object (&self->db);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->registry);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (xf_evaluation_parent_class)->dispose (object);
}

static void
xf_evaluation_class_init (XfEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_evaluation_dispose;

  /**
   * XfEvaluation::changed:
   * @campaign_id: the campaign, or 0
   * @nomination_id: the nomination, or 0
   *
   * After each committed write.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
xf_evaluation_init (XfEvaluation *self)
{
}

XfEvaluation *
xf_evaluation_new (XfRegistry *registry)
{
  XfEvaluation *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_EVALUATION, NULL);
  self->registry = g_object_ref (registry);
  self->store = g_object_ref (xf_registry_get_store (registry));
  self->db = g_object_ref (xf_store_get_db (self->store));
  self->stmts = xf_stmt_cache_new (self->db);
  self->actor = g_object_ref (xf_registry_get_actor (registry));
  self->calendar = xf_calendar_dup_default_or_weekends ();
  return self;
}

XfRegistry *
xf_evaluation_get_registry (XfEvaluation *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  return self->registry;
}

XfAccount *
xf_evaluation_get_actor (XfEvaluation *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  return self->actor;
}

XfCalendar *
xf_evaluation_get_calendar (XfEvaluation *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  return self->calendar;
}

XfDb *
_xf_evaluation_get_db (XfEvaluation *self)
{
  return self->db;
}

XfDbStmt *
_xf_evaluation_prepare (XfEvaluation  *self,
                        const char    *sql,
                        GError       **error)
{
  return xf_stmt_cache_prepare (self->stmts, sql, error);
}

gboolean
_xf_evaluation_begin (XfEvaluation  *self,
                      GError       **error)
{
  return xf_db_begin_write (self->db, "xf_evaluation_write", &self->nested, error);
}

gboolean
_xf_evaluation_commit (XfEvaluation  *self,
                       GError       **error)
{
  return xf_db_commit_write (self->db, "xf_evaluation_write", self->nested, error);
}

void
_xf_evaluation_rollback (XfEvaluation *self)
{
  xf_db_rollback_write (self->db, "xf_evaluation_write", self->nested);
}

void
_xf_evaluation_emit_changed (XfEvaluation *self,
                             gint64        campaign_id,
                             gint64        nomination_id)
{
  g_signal_emit (self, signals [CHANGED], 0, campaign_id, nomination_id);
}

gboolean
_xf_evaluation_audit (XfEvaluation  *self,
                      const char    *action,
                      const char    *record_type,
                      const char    *record_uid,
                      const char    *record_label,
                      const char    *field,
                      const char    *old_value,
                      const char    *new_value,
                      GError       **error)
{
  return xf_audit_append_change (self->db, self->actor, action, record_type,
                                 record_uid, record_label, field,
                                 old_value, new_value, error);
}

gboolean
_xf_evaluation_check_anywhere (XfEvaluation  *self,
                               XfOperation    op,
                               GError       **error)
{
  return xf_permission_check_somewhere (self->actor, op, error);
}

gboolean
_xf_evaluation_check_candidate (XfEvaluation  *self,
                                XfOperation    op,
                                gint64         pioneer_id,
                                GError       **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  /* Registry reads need only REGISTRY_READ, which every role has. */
  pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  return xf_registry_check (self->registry, op, pioneer, error);
}

gint64
_xf_evaluation_actor_id (XfEvaluation *self)
{
  return xf_account_get_id (self->actor);
}

const char *
_xf_evaluation_actor_name (XfEvaluation *self)
{
  return xf_account_get_record_name (self->actor);
}

gboolean
_xf_evaluation_lock (XfEvaluation  *self,
                     const char    *table,
                     gint64         id,
                     GError       **error)
{
  return xf_stmt_cache_lock_row (self->stmts, table, id, error);
}

gboolean
_xf_evaluation_query_int64 (XfEvaluation  *self,
                            const char    *sql,
                            gint64         param,
                            gint64        *value,
                            GError       **error)
{
  return xf_stmt_cache_query_int64 (self->stmts, sql, param, value, error);
}

GArray *
_xf_evaluation_collect_ids (XfDbStmt  *stmt,
                            GError   **error)
{
  return xf_db_stmt_collect_ids (stmt, error);
}

GArray *
_xf_evaluation_query_ids (XfEvaluation  *self,
                          const char    *sql,
                          gint64         param,
                          GError       **error)
{
  return xf_stmt_cache_query_ids (self->stmts, sql, param, error);
}

void
_xf_evaluation_set_not_found (GError     **error,
                              const char  *what,
                              gint64       id)
{
  /* Translators: the first %s is a kind of record ("Nomination", "Campaign"). */
  g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s %lld does not exist"),
               what, (long long) id);
}
