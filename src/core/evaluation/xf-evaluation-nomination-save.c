/* xf-evaluation-nomination-save.c — saving a nomination (and a new candidate)
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
#include "xf-pioneer-private.h"

/*
 * A nomination is inserted as a draft with its first timeline row, or
 * updated while in draft or returned; a new candidate is saved in the
 * registry as a cultivation target in the same transaction.
 */

static gboolean
validate (XfNomination  *nomination,
          GError       **error)
{
  const char *unit = xf_nomination_get_nominating_unit (nomination);
  const char *since = xf_nomination_get_service_since (nomination);
  g_autofree char *stripped = g_strstrip (g_strdup (unit != NULL ? unit : ""));
  GDate date;

  if (*stripped == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Nominating unit: a nominating unit is required"));
      return FALSE;
    }
  if (since != NULL && !xf_date_parse (since, &date))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("In service since: “%s” is not a date (YYYY-MM-DD)"), since);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_campaign_open (XfCampaign  *campaign,
                     GError     **error)
{
  if (g_strcmp0 (xf_campaign_get_status (campaign), "open") == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("Campaign “%s” is not open for nominations"), xf_campaign_get_title (campaign));
  return FALSE;
}

/* XF_ERROR_DUPLICATE when the candidate has an open nomination in the campaign. */
static gboolean
check_duplicate (XfEvaluation  *self,
                 XfNomination  *nomination,
                 XfCampaign    *campaign,
                 GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT p.name FROM nominations n JOIN pioneers p ON p.id = n.pioneer_id"
                                 " WHERE n.campaign_id = $1 AND n.pioneer_id = $2"
                                 " AND n.stage NOT IN " XF_FINAL_STAGES_SQL, error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_campaign_id (nomination));
  xf_db_stmt_bind_int64 (stmt, 2, xf_nomination_get_pioneer_id (nomination));
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                 _("“%s” is already nominated in campaign “%s”"),
                 xf_db_stmt_column_text (stmt, 0), xf_campaign_get_title (campaign));
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/* Opens the first timeline row (draft, no budget). */
static gboolean
open_draft_row (XfEvaluation  *self,
                gint64         nomination_id,
                const char    *today,
                gint64         now,
                GError       **error)
{
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO nomination_stages (nomination_id, stage, entered_on,"
                                 " entered_at, budget_days, actor_login, actor_name)"
                                 " VALUES ($1, 'draft', $2, $3, 0, $4, $5)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  xf_db_stmt_bind_text (stmt, 2, today);
  xf_db_stmt_bind_int64 (stmt, 3, now);
  xf_db_stmt_bind_text (stmt, 4, xf_account_get_login (self->actor));
  xf_db_stmt_bind_text (stmt, 5, _xf_evaluation_actor_name (self));
  return xf_db_stmt_run (stmt, error);
}

static const char * const edited_fields[] = {
  "nominating-unit", "unit-contact", "case-text", "service-since", NULL
};

static const char *
edited_value (XfNomination *nomination,
              const char   *field)
{
  if (g_str_equal (field, "nominating-unit"))
    return xf_nomination_get_nominating_unit (nomination);
  if (g_str_equal (field, "unit-contact"))
    return xf_nomination_get_unit_contact (nomination);
  if (g_str_equal (field, "case-text"))
    return xf_nomination_get_case_text (nomination);
  return xf_nomination_get_service_since (nomination);
}

static gboolean
insert_nomination (XfEvaluation  *self,
                   XfNomination  *nomination,
                   XfCampaign    *campaign,
                   XfPioneer     *candidate,
                   GError       **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *checklist = NULL;
  g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gint64 now = xf_db_now ();
  XfDbStmt *stmt;
  gint64 id;

  if (!check_duplicate (self, nomination, campaign, error))
    return FALSE;

  /* One unticked box per checklist item of the campaign. */
  g_array_set_size (ticks, xf_campaign_get_checklist (campaign)->len);
  checklist = _xf_nomination_checklist_to_json (ticks);
  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO nominations (uid, campaign_id, pioneer_id, nominating_unit,"
                                 " unit_contact, case_text, stage, stage_since, service_since,"
                                 " checklist_state, created_at, updated_at, version)"
                                 " VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $10, 1)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, xf_nomination_get_campaign_id (nomination));
  xf_db_stmt_bind_int64 (stmt, 3, xf_nomination_get_pioneer_id (nomination));
  xf_db_stmt_bind_text (stmt, 4, xf_nomination_get_nominating_unit (nomination));
  xf_db_stmt_bind_text (stmt, 5, xf_nomination_get_unit_contact (nomination));
  xf_db_stmt_bind_text (stmt, 6, xf_nomination_get_case_text (nomination));
  xf_db_stmt_bind_text (stmt, 7, today);
  xf_db_stmt_bind_text (stmt, 8, xf_nomination_get_service_since (nomination));
  xf_db_stmt_bind_text (stmt, 9, checklist);
  xf_db_stmt_bind_int64 (stmt, 10, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  id = xf_db_last_insert_id (self->db);
  if (!open_draft_row (self, id, today, now, error))
    return FALSE;

  /* The record as stored, before the audit so it names the candidate. */
  _xf_nomination_set_stored (nomination, id, uid, 1);
  _xf_nomination_set_stage (nomination, XF_STAGE_DRAFT, today);
  _xf_nomination_set_int64 (nomination, "created-at", now);
  _xf_nomination_set_int64 (nomination, "updated-at", now);
  _xf_nomination_set_text (nomination, "candidate-name", xf_pioneer_get_name (candidate));
  _xf_nomination_set_text (nomination, "candidate-kind", xf_pioneer_get_kind (candidate));
  _xf_nomination_set_text (nomination, "candidate-employer", xf_pioneer_get_employer (candidate));
  _xf_nomination_set_text (nomination, "candidate-region-code", xf_pioneer_get_region_code (candidate));
  _xf_nomination_set_text (nomination, "campaign-title", xf_campaign_get_title (campaign));
  _xf_nomination_set_checklist_state (nomination, ticks);

  if (!_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_CREATE, "stage",
                                        NULL, XF_STAGE_DRAFT, error))
    return FALSE;
  for (guint i = 0; edited_fields[i] != NULL; i++)
    {
      const char *value = edited_value (nomination, edited_fields[i]);

      if (value != NULL && *value != '\0'
          && !_xf_evaluation_audit_nomination (self, nomination, XF_AUDIT_CREATE, edited_fields[i],
                                               NULL, value, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the edited fields that differ from @stored; *unchanged when
 * none does (then nothing is written). */
static gboolean
update_nomination (XfEvaluation  *self,
                   XfNomination  *nomination,
                   XfNomination  *stored,
                   gboolean      *unchanged,
                   GError       **error)
{
  gint64 now = xf_db_now ();
  XfDbStmt *stmt;

  if (g_strcmp0 (xf_nomination_get_stage (stored), XF_STAGE_DRAFT) != 0
      && g_strcmp0 (xf_nomination_get_stage (stored), XF_STAGE_RETURNED) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("Cannot edit a nomination %s"),
                   _xf_stage_phrase (xf_nomination_get_stage (stored)));
      return FALSE;
    }
  if (xf_nomination_get_version (stored) != xf_nomination_get_version (nomination))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The nomination of “%s” was changed elsewhere since you opened it"),
                   xf_nomination_get_candidate_name (stored));
      return FALSE;
    }
  if (xf_nomination_get_campaign_id (stored) != xf_nomination_get_campaign_id (nomination)
      || xf_nomination_get_pioneer_id (stored) != xf_nomination_get_pioneer_id (nomination))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: the campaign and candidate of a saved nomination cannot be changed"));
      return FALSE;
    }
  *unchanged = TRUE;
  for (guint i = 0; edited_fields[i] != NULL; i++)
    if (g_strcmp0 (edited_value (stored, edited_fields[i]), edited_value (nomination, edited_fields[i])) != 0)
      *unchanged = FALSE;
  if (*unchanged)
    return TRUE;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE nominations SET nominating_unit = $1, unit_contact = $2,"
                                 " case_text = $3, service_since = $4, updated_at = $5,"
                                 " version = version + 1 WHERE id = $6 AND version = $7", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, xf_nomination_get_nominating_unit (nomination));
  xf_db_stmt_bind_text (stmt, 2, xf_nomination_get_unit_contact (nomination));
  xf_db_stmt_bind_text (stmt, 3, xf_nomination_get_case_text (nomination));
  xf_db_stmt_bind_text (stmt, 4, xf_nomination_get_service_since (nomination));
  xf_db_stmt_bind_int64 (stmt, 5, now);
  xf_db_stmt_bind_int64 (stmt, 6, xf_nomination_get_id (stored));
  xf_db_stmt_bind_int64 (stmt, 7, xf_nomination_get_version (stored));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  for (guint i = 0; edited_fields[i] != NULL; i++)
    {
      const char *old_value = edited_value (stored, edited_fields[i]);
      const char *new_value = edited_value (nomination, edited_fields[i]);

      if (g_strcmp0 (old_value, new_value) != 0
          && !_xf_evaluation_audit_nomination (self, stored, XF_AUDIT_UPDATE, edited_fields[i],
                                               old_value, new_value, error))
        return FALSE;
    }
  return TRUE;
}

/* Saves a copy of @candidate as a cultivation target, inside the current
 * write; the caller's record learns what was stored only once committed
 * (copy_stored_candidate), so a failed save leaves it unsaved. */
static XfPioneer *
save_new_candidate (XfEvaluation  *self,
                    XfNomination  *nomination,
                    XfPioneer     *candidate,
                    GError       **error)
{
  g_autoptr(XfPioneer) saved = NULL;

  if (xf_pioneer_get_id (candidate) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: a new candidate must not be saved yet"));
      return NULL;
    }
  /* A new file without honours gets the tier its honours give: none, so
   * "cultivation". A tier set by hand would not be a cultivation target. */
  saved = xf_pioneer_copy (candidate);
  _xf_pioneer_set_number (saved, "tier-manual", 0);
  _xf_pioneer_set_text (saved, "tier-reason", NULL);
  if (!xf_registry_save_pioneer (self->registry, saved, error))
    return NULL;
  g_object_set (nomination, "pioneer-id", xf_pioneer_get_id (saved), NULL);
  return g_steal_pointer (&saved);
}

static void
copy_stored_candidate (XfPioneer *candidate,
                       XfPioneer *saved)
{
  static const char * const numbers[] = {
    "id", "tier-manual", "honours-count", "created-at", "updated-at", "version", NULL
  };
  static const char * const texts[] = { "uid", "tier", "tier-reason", NULL };

  for (guint i = 0; numbers[i] != NULL; i++)
    _xf_pioneer_set_number (candidate, numbers[i], _xf_pioneer_get_number (saved, numbers[i]));
  for (guint i = 0; texts[i] != NULL; i++)
    _xf_pioneer_set_text (candidate, texts[i], _xf_pioneer_get_text (saved, texts[i]));
}

gboolean
xf_evaluation_save_nomination (XfEvaluation  *self,
                               XfNomination  *nomination,
                               XfPioneer     *new_candidate,
                               GError       **error)
{
  g_autoptr(XfNomination) stored = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(XfPioneer) candidate = NULL;
  g_autoptr(XfPioneer) saved_candidate = NULL;
  gboolean inserting;
  gboolean unchanged = FALSE;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (XF_IS_NOMINATION (nomination), FALSE);
  g_return_val_if_fail (new_candidate == NULL || XF_IS_PIONEER (new_candidate), FALSE);

  inserting = xf_nomination_get_id (nomination) == 0;
  if (new_candidate != NULL && !inserting)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: the candidate of a saved nomination cannot be changed"));
      return FALSE;
    }
  /* Permission first: at the new candidate's place, before anything is read. */
  if (new_candidate != NULL
      && !xf_registry_check (self->registry, XF_OP_REQUEST_EDIT, new_candidate, error))
    return FALSE;
  if (!validate (nomination, error))
    return FALSE;
  if (!_xf_evaluation_begin (self, error))
    return FALSE;

  if (!inserting)
    {
      stored = _xf_evaluation_load_for_write (self, xf_nomination_get_id (nomination),
                                              XF_OP_REQUEST_EDIT, error);
      if (stored == NULL)
        goto failed;
    }
  else if (new_candidate == NULL
           && !_xf_evaluation_check_candidate (self, XF_OP_REQUEST_EDIT,
                                               xf_nomination_get_pioneer_id (nomination), error))
    goto failed;

  campaign = _xf_evaluation_load_campaign (self, xf_nomination_get_campaign_id (nomination), error);
  if (campaign == NULL || !check_campaign_open (campaign, error))
    goto failed;

  /* The registry tells of the new file as soon as it is written, inside
   * this transaction: only once nothing but the insert can fail. */
  if (new_candidate != NULL)
    {
      saved_candidate = save_new_candidate (self, nomination, new_candidate, error);
      if (saved_candidate == NULL)
        goto failed;
    }

  if (inserting)
    {
      candidate = xf_registry_get_pioneer (self->registry, xf_nomination_get_pioneer_id (nomination),
                                           error);
      if (candidate == NULL || !insert_nomination (self, nomination, campaign, candidate, error))
        goto failed;
    }
  else if (!update_nomination (self, nomination, stored, &unchanged, error))
    goto failed;
  else if (unchanged)
    {
      /* Nothing to write: no new version, no signal. */
      _xf_evaluation_rollback (self);
      return TRUE;
    }

  if (!_xf_evaluation_commit (self, error))
    goto failed_committing;

  if (saved_candidate != NULL)
    copy_stored_candidate (new_candidate, saved_candidate);
  if (!inserting)
    {
      /* The record as stored: its new version, the joins as they are now. */
      g_autoptr(XfNomination) fresh = _xf_evaluation_load_nomination (self, xf_nomination_get_id (nomination),
                                                                      NULL);
      gint64 updated_at = 0;

      if (fresh != NULL)
        {
          g_object_get (fresh, "updated-at", &updated_at, NULL);
          _xf_nomination_set_stored (nomination, xf_nomination_get_id (fresh),
                                     xf_nomination_get_uid (fresh), xf_nomination_get_version (fresh));
          _xf_nomination_set_int64 (nomination, "updated-at", updated_at);
        }
    }
  _xf_evaluation_emit_changed (self, xf_nomination_get_campaign_id (nomination),
                               xf_nomination_get_id (nomination));
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
failed_committing:
  /* The record is as it was given: a new one keeps id 0. */
  if (inserting)
    {
      _xf_nomination_set_stored (nomination, 0, NULL, 0);
      if (new_candidate != NULL)
        g_object_set (nomination, "pioneer-id", (gint64) 0, NULL);
    }
  return FALSE;
}
