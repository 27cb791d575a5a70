/* xf-evaluation-vetting.c — joint vetting (联审) sign-offs
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-private.h"

/*
 * A submission starts one pending sign-off per department the campaign
 * names, each due its department's working days later. They run beside
 * the preliminary review and while the unit revises: a veto ends the
 * nomination; the last clearance after the review passed moves it to
 * committee.
 */

/* Vetting sign-offs of @nomination still pending; -1 on error. */
int
_xf_evaluation_count_pending_vettings (XfEvaluation *self,
                                       gint64        nomination_id,
                                       GError      **error)
{
  gint64 pending;

  if (!_xf_evaluation_query_int64 (self, "SELECT COUNT(*) FROM nomination_vettings"
                                   " WHERE nomination_id = $1 AND status = 'pending'",
                                   nomination_id, &pending, error))
    return -1;
  return (int) pending;
}

/* The pending sign-offs a submission starts, each due its department's
 * working days after today. */
gboolean
_xf_evaluation_start_vettings (XfEvaluation *self,
                               XfNomination *nomination,
                               XfCampaign   *campaign,
                               GError      **error)
{
  GPtrArray *departments = xf_campaign_get_vetting (campaign);
  g_autofree char *today = xf_clock_today_text ();

  for (guint i = 0; i < departments->len; i++)
    {
      XfVettingDepartment *department = g_ptr_array_index (departments, i);
      g_autofree char *due_on = _xf_evaluation_add_working_days (self, today, MAX (department->days, 1));
      XfDbStmt *stmt;

      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO nomination_vettings (nomination_id, department_code,"
                                     " department_name, started_on, due_on, status)"
                                     " VALUES ($1, $2, $3, $4, $5, 'pending')", error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_id (nomination));
      xf_db_stmt_bind_text (stmt, 2, department->code);
      xf_db_stmt_bind_text (stmt, 3, department->name);
      xf_db_stmt_bind_text (stmt, 4, today);
      xf_db_stmt_bind_text (stmt, 5, due_on);
      if (!xf_db_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks one pending sign-off; its name into *department_name. */
static gboolean
record_sign_off (XfEvaluation  *self,
                 XfNomination  *nomination,
                 const char    *department_code,
                 gboolean       veto,
                 const char    *reason,
                 char         **department_name,
                 GError       **error)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *status = NULL;
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 id = 0;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT id, department_name, status FROM nomination_vettings"
                                 " WHERE nomination_id = $1 AND department_code = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_id (nomination));
  xf_db_stmt_bind_text (stmt, 2, department_code);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      id = xf_db_stmt_column_int64 (stmt, 0);
      *department_name = xf_db_stmt_dup_text (stmt, 1);
      status = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("Vetting: no department “%s” vets this nomination"), department_code);
      return FALSE;
    }
  if (g_strcmp0 (status, "pending") != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("%s has already signed off this nomination"), *department_name);
      return FALSE;
    }

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nomination_vettings SET status = $1, reason = $2,"
                                 " decided_on = $3, decided_by = $4 WHERE id = $5 AND status = 'pending'",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, veto ? "vetoed" : "cleared");
  xf_db_stmt_bind_text (stmt, 2, _xf_evaluation_has_text (reason) ? reason : NULL);
  xf_db_stmt_bind_text (stmt, 3, today);
  xf_db_stmt_bind_text (stmt, 4, _xf_evaluation_actor_name (self));
  xf_db_stmt_bind_int64 (stmt, 5, id);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->db) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("%s has already signed off this nomination"), *department_name);
      return FALSE;
    }
  return _xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_SIGN_OFF, department_code,
                                          "pending", veto ? "vetoed" : "cleared", error);
}

gboolean
xf_evaluation_sign_off (XfEvaluation  *self,
                        gint64         nomination_id,
                        const char    *department_code,
                        gboolean       veto,
                        const char    *reason,
                        GError       **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *department_name = NULL;
  XfAction action = veto ? XF_ACTION_VETO : XF_ACTION_CLEAR_VETTING;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (department_code == NULL || *department_code == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Vetting: no department was named"));
      return FALSE;
    }
  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  nomination = _xf_evaluation_load_for_write (self, nomination_id, XF_OP_NOMINATION_VET, error);
  if (nomination == NULL
      || !xf_workflow_check (xf_nomination_get_stage (nomination), action, error)
      || !_xf_evaluation_check_reason (action, reason, error)
      || !record_sign_off (self, nomination, department_code, veto, reason, &department_name, error))
    goto failed;

  if (veto)
    {
      /* Translators: a veto's reason on record: the department, then its reason. */
      g_autofree char *note = g_strdup_printf (_("%s: %s"), department_name, reason);

      if (!_xf_evaluation_move (self, nomination, action, XF_STAGE_VETOED, note, error))
        goto failed;
    }
  else if (g_strcmp0 (xf_nomination_get_stage (nomination), XF_STAGE_PRELIMINARY) == 0
           && xf_nomination_get_preliminary_passed_on (nomination) != NULL)
    {
      int pending = _xf_evaluation_count_pending_vettings (self, nomination_id, error);

      if (pending < 0
          || (pending == 0 && !_xf_evaluation_move (self, nomination, action,
                                                    XF_STAGE_COMMITTEE, NULL, error)))
        goto failed;
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination), nomination_id);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

GPtrArray *
xf_evaluation_list_vettings (XfEvaluation  *self,
                             gint64         nomination_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) vettings = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_vetting_free);
  g_autofree char *stage = NULL;
  gboolean running;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stage = _xf_evaluation_stage_of (self, nomination_id, error);
  if (stage == NULL)
    return NULL;
  /* Sign-offs run beside the preliminary review and the revision; once
   * the nomination has ended, one still pending is no longer due. */
  running = g_str_equal (stage, XF_STAGE_PRELIMINARY) || g_str_equal (stage, XF_STAGE_RETURNED);

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT id, department_code, department_name, started_on, due_on,"
                                 " status, reason, decided_on, decided_by FROM nomination_vettings"
                                 " WHERE nomination_id = $1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  xf_clock_today (&today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfVetting *vetting = g_new0 (XfVetting, 1);

      vetting->id = xf_db_stmt_column_int64 (stmt, 0);
      vetting->department_code = xf_db_stmt_dup_text (stmt, 1);
      vetting->department_name = xf_db_stmt_dup_text (stmt, 2);
      vetting->started_on = xf_db_stmt_dup_text (stmt, 3);
      vetting->due_on = xf_db_stmt_dup_text (stmt, 4);
      vetting->status = xf_db_stmt_dup_text (stmt, 5);
      vetting->reason = xf_db_stmt_dup_text (stmt, 6);
      vetting->decided_on = xf_db_stmt_dup_text (stmt, 7);
      vetting->decided_by = xf_db_stmt_dup_text (stmt, 8);
      vetting->due_state = _xf_evaluation_due_state (self, vetting->due_on, vetting->decided_on,
                                                     &today, &vetting->days_left);
      if (!running && vetting->decided_on == NULL)
        {
          vetting->due_state = XF_DUE_NONE;
          vetting->days_left = 0;
        }
      g_ptr_array_add (vettings, vetting);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&vettings);
}
