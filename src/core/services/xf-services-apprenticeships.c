/* xf-services-apprenticeships.c — 我要拜师 → 师带徒: requests, plans,
 *                                  check-ins and completion
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-error.h"
#include "xf-services-private.h"
#include "xf-store.h"

/*
 * An apprenticeship belongs to its master's place: every write asks for
 * SERVICE_DISPATCH there, and the apprentice's contact is plain only for
 * those who see personal data at the master's region. The master must be
 * an active individual pioneer. Each step is one conditional update
 * (… WHERE status = the expected one) inside a write that holds the row.
 */

#define MAX_NAME     100
#define MAX_CONTACT  200
#define MAX_EMPLOYER 200
#define MAX_TEXT     2000

#define APPRENTICESHIP_COLUMNS \
  "a.id, a.uid, a.pioneer_id, p.name, p.region_code, a.apprentice_name, a.apprentice_contact, " \
  "a.apprentice_employer, a.apprentice_pioneer_id, a.goal, a.status, a.plan, a.decline_reason, " \
  "a.requested_on, a.decided_on, a.ends_on, a.completed_on, a.completion_note, a.version"
#define APPRENTICESHIP_FROM \
  " FROM apprenticeships a JOIN pioneers p ON p.id = a.pioneer_id"

static gpointer
apprenticeship_from_row (XfServices *self,
                         XfDbStmt   *stmt)
{
  XfApprenticeship *apprenticeship = xf_apprenticeship_new ();
  const char *region;
  int col = 0;

#define TEXT(field) XF_SERVICES_TAKE_TEXT (apprenticeship, field, stmt, col)
  apprenticeship->id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (uid);
  apprenticeship->pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (pioneer_name);
  region = xf_db_stmt_column_text (stmt, col++);
  TEXT (apprentice_name);
  g_free (apprenticeship->apprentice_contact);
  apprenticeship->contact_masked = !_xf_services_sees_contacts (self, region);
  if (apprenticeship->contact_masked)
    apprenticeship->apprentice_contact = _xf_services_mask_contact (xf_db_stmt_column_text (stmt, col++));
  else
    apprenticeship->apprentice_contact = xf_db_stmt_dup_text (stmt, col++);
  TEXT (apprentice_employer);
  apprenticeship->apprentice_pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (goal);
  TEXT (status);
  TEXT (plan);
  TEXT (decline_reason);
  TEXT (requested_on);
  TEXT (decided_on);
  TEXT (ends_on);
  TEXT (completed_on);
  TEXT (completion_note);
  apprenticeship->version = xf_db_stmt_column_int64 (stmt, col++);
#undef TEXT
  return apprenticeship;
}

GPtrArray *
xf_services_list_apprenticeships (XfServices  *self,
                                  gint64       pioneer_id,
                                  const char  *status,
                                  GError     **error)
{
  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  return _xf_services_list_for (self,
                                "SELECT " APPRENTICESHIP_COLUMNS APPRENTICESHIP_FROM
                                " WHERE ($1 = 0 OR a.pioneer_id = $1) AND ($2 = '' OR a.status = $2)"
                                " ORDER BY a.requested_on DESC, a.id DESC",
                                pioneer_id, status, apprenticeship_from_row,
                                (GDestroyNotify) xf_apprenticeship_free, error);
}

static gboolean
load_check_ins (XfServices        *self,
                XfApprenticeship  *apprenticeship,
                GError           **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
                               "SELECT id, on_date, note, recorded_by FROM apprenticeship_check_ins"
                               " WHERE apprenticeship_id = $1 ORDER BY on_date, id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, apprenticeship->id);
  if (apprenticeship->check_ins == NULL)
    apprenticeship->check_ins = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_check_in_free);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfCheckIn *check_in = g_new0 (XfCheckIn, 1);

      check_in->id = xf_db_stmt_column_int64 (stmt, 0);
      check_in->on_date = xf_db_stmt_dup_text (stmt, 1);
      check_in->note = xf_db_stmt_dup_text (stmt, 2);
      check_in->recorded_by = xf_db_stmt_dup_text (stmt, 3);
      g_ptr_array_add (apprenticeship->check_ins, check_in);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

/* The apprenticeship without its check-ins. */
static XfApprenticeship *
load_apprenticeship (XfServices  *self,
                     gint64       apprenticeship_id,
                     GError     **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self, "SELECT " APPRENTICESHIP_COLUMNS APPRENTICESHIP_FROM
                                     " WHERE a.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, apprenticeship_id);
  return _xf_services_fetch_one (self, stmt, apprenticeship_from_row, _("Apprenticeship"),
                                 apprenticeship_id, error);
}

XfApprenticeship *
xf_services_get_apprenticeship (XfServices  *self,
                                gint64       apprenticeship_id,
                                GError     **error)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  apprenticeship = load_apprenticeship (self, apprenticeship_id, error);
  if (apprenticeship == NULL || !load_check_ins (self, apprenticeship, error))
    return NULL;
  return g_steal_pointer (&apprenticeship);
}

/* "YYYY-MM-DD" into @date, or XF_ERROR_INVALID naming @field. */
static gboolean
parse_date (const char  *field,
            const char  *text,
            GDate       *date,
            GError     **error)
{
  g_date_clear (date, 1);
  if (xf_date_parse (text, date))
    return TRUE;
  /* Translators: %s is a field's name ("End date"). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: a date written YYYY-MM-DD is required"),
               field);
  return FALSE;
}

/* The master must be an active individual pioneer, at a place the actor
 * dispatches services for. */
static gboolean
check_master (XfServices  *self,
              gint64       pioneer_id,
              GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  if (!_xf_services_check_active_pioneer (self, pioneer_id, _("Master"), error))
    return FALSE;
  pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  if (xf_pioneer_is_collective (pioneer))
    {
      /* Translators: %s is a collective's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Master: %s is a collective; only a person can take an apprentice"),
                   xf_pioneer_get_name (pioneer));
      return FALSE;
    }
  return xf_registry_check (self->registry, XF_OP_SERVICE_DISPATCH, pioneer, error);
}

static gboolean
check_apprentice_file (XfServices  *self,
                       gint64       master_id,
                       gint64       apprentice_id,
                       GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (apprentice_id == 0)
    return TRUE;
  if (apprentice_id == master_id)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Apprentice’s file: the master cannot be his or her own apprentice"));
      return FALSE;
    }
  pioneer = xf_registry_get_pioneer (self->registry, apprentice_id, &local_error);
  if (pioneer == NULL)
    {
      /* Translators: %lld is a pioneer file's number. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Apprentice’s file: there is no file %lld"),
                   (long long) apprentice_id);
      return FALSE;
    }
  return TRUE;
}

gint64
xf_services_request_apprenticeship (XfServices              *self,
                                    const XfApprenticeship  *apprenticeship,
                                    GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *master = NULL;
  gint64 now = _xf_services_now ();
  XfDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (apprenticeship != NULL, 0);

  if ((name = _xf_services_check_text (_("Apprentice"), apprenticeship->apprentice_name, TRUE,
                                       MAX_NAME, error)) == NULL
      || (contact = _xf_services_check_text (_("Contact"), apprenticeship->apprentice_contact,
                                             FALSE, MAX_CONTACT, error)) == NULL
      || (employer = _xf_services_check_text (_("Employer"), apprenticeship->apprentice_employer,
                                              FALSE, MAX_EMPLOYER, error)) == NULL
      || (goal = _xf_services_check_text (_("Goal"), apprenticeship->goal, TRUE, MAX_TEXT,
                                          error)) == NULL
      || !check_master (self, apprenticeship->pioneer_id, error)
      || !check_apprentice_file (self, apprenticeship->pioneer_id,
                                 apprenticeship->apprentice_pioneer_id, error))
    return 0;

  if (!_xf_services_begin (self, error))
    return 0;
  uid = xf_store_new_uid ();
  stmt = _xf_services_prepare (self,
                               "INSERT INTO apprenticeships (uid, pioneer_id, apprentice_name,"
                               " apprentice_contact, apprentice_employer, apprentice_pioneer_id, goal,"
                               " status, requested_on, created_at, updated_at, version)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9, $9, 1)",
                               error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, apprenticeship->pioneer_id);
  xf_db_stmt_bind_text (stmt, 3, name);
  xf_db_stmt_bind_text (stmt, 4, contact);
  xf_db_stmt_bind_text (stmt, 5, employer);
  if (apprenticeship->apprentice_pioneer_id > 0)
    xf_db_stmt_bind_int64 (stmt, 6, apprenticeship->apprentice_pioneer_id);
  else
    xf_db_stmt_bind_null (stmt, 6);
  xf_db_stmt_bind_text (stmt, 7, goal);
  xf_db_stmt_bind_text (stmt, 8, today);
  xf_db_stmt_bind_int64 (stmt, 9, now);
  if (!xf_db_stmt_run (stmt, error))
    goto fail;
  id = xf_db_last_insert_id (self->db);
  /* The label is the master; the apprentice's name, never the contact. */
  {
    g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (self->registry, apprenticeship->pioneer_id,
                                                            error);

    if (pioneer == NULL)
      goto fail;
    master = g_strdup (xf_pioneer_get_name (pioneer));
  }
  if (!_xf_services_audit (self, XF_AUDIT_CREATE, XF_RECORD_APPRENTICESHIP, uid, master,
                           "apprentice", NULL, name, error)
      || !_xf_services_commit (self, error))
    goto fail;
  _xf_services_emit_changed (self, 0);
  return id;

fail:
  _xf_services_rollback (self);
  return 0;
}

/*
 * The steps
 */

/* Inside a write: the held apprenticeship, checked for the actor and for
 * being @status; NULL with the error otherwise (@refusal: a message with
 * one %s, the current status). */
static XfApprenticeship *
load_for_step (XfServices  *self,
               gint64       apprenticeship_id,
               const char  *status,
               const char  *refusal,
               GError     **error)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;

  if (!_xf_services_lock (self, "apprenticeships", apprenticeship_id, error))
    return NULL;
  apprenticeship = load_apprenticeship (self, apprenticeship_id, error);
  if (apprenticeship == NULL
      || !_xf_services_check_pioneer (self, XF_OP_SERVICE_DISPATCH, apprenticeship->pioneer_id, error))
    return NULL;
  if (!g_str_equal (apprenticeship->status, status))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, refusal,
                   xf_apprenticeship_status_label (apprenticeship->status));
      return NULL;
    }
  return g_steal_pointer (&apprenticeship);
}

/* Moves @apprenticeship to @to, setting one text column (a name from this
 * file, never input) and decided_on or completed_on, and audits it with
 * @text as the "reason" entry. */
static gboolean
move (XfServices        *self,
      XfApprenticeship  *apprenticeship,
      const char        *to,
      const char        *sql,
      const char        *text,
      const char        *ends_on,
      GError           **error)
{
  g_autofree char *today = xf_clock_today_text ();
  XfDbStmt *stmt = _xf_services_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, text);
  xf_db_stmt_bind_text (stmt, 2, today);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_services_now ());
  xf_db_stmt_bind_int64 (stmt, 4, apprenticeship->id);
  xf_db_stmt_bind_text (stmt, 5, apprenticeship->status);
  if (ends_on != NULL)
    xf_db_stmt_bind_text (stmt, 6, ends_on);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->db) != 1)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The apprenticeship was changed elsewhere; reload it"));
      return FALSE;
    }
  return _xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_APPRENTICESHIP,
                             apprenticeship->uid, apprenticeship->pioneer_name, "status",
                             apprenticeship->status, to, error)
         && _xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_APPRENTICESHIP,
                                apprenticeship->uid, apprenticeship->pioneer_name, "reason",
                                NULL, text, error);
}

/* One step as one write: the apprenticeship in @from (else @refusal, see
 * load_for_step ()) moves to @to (see move ()); the master's @engagement
 * event, when not NULL, is recorded with it. */
static gboolean
run_step (XfServices  *self,
          gint64       apprenticeship_id,
          const char  *from,
          const char  *refusal,
          const char  *to,
          const char  *sql,
          const char  *text,
          const char  *ends_on,
          const char  *engagement,
          GError     **error)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;

  if (!_xf_services_begin (self, error))
    return FALSE;
  apprenticeship = load_for_step (self, apprenticeship_id, from, refusal, error);
  return _xf_services_end (self,
                           apprenticeship != NULL
                           && move (self, apprenticeship, to, sql, text, ends_on, error)
                           && (engagement == NULL
                               || _xf_services_record_engagement (self, apprenticeship->pioneer_id,
                                                                  engagement, apprenticeship->uid,
                                                                  1, error)),
                           0, error);
}

#define STEP_WHERE " WHERE id = $4 AND status = $5"

gboolean
xf_services_accept_apprenticeship (XfServices  *self,
                                   gint64       apprenticeship_id,
                                   const char  *plan,
                                   const char  *ends_on,
                                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *ends = NULL;
  GDate end, today;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if ((text = _xf_services_check_text (_("Plan"), plan, TRUE, MAX_TEXT, error)) == NULL
      || !parse_date (_("End date"), ends_on, &end, error))
    return FALSE;
  xf_clock_today (&today);
  if (g_date_compare (&end, &today) <= 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("End date: the plan must end after today"));
      return FALSE;
    }
  ends = xf_date_format (&end);
  return run_step (self, apprenticeship_id, XF_APPRENTICESHIP_REQUESTED,
                   /* Translators: %s is the apprenticeship's status ("Declined"). */
                   _("Only a requested apprenticeship can be accepted; this one is %s"),
                   XF_APPRENTICESHIP_ACCEPTED,
                   "UPDATE apprenticeships SET status = 'accepted', plan = $1, decided_on = $2,"
                   " updated_at = $3, version = version + 1, ends_on = $6" STEP_WHERE,
                   text, ends, XF_ENGAGEMENT_APPRENTICE_ACCEPTED, error);
}

gboolean
xf_services_decline_apprenticeship (XfServices  *self,
                                    gint64       apprenticeship_id,
                                    const char  *reason,
                                    GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if ((text = _xf_services_check_text (_("Reason"), reason, TRUE, MAX_TEXT, error)) == NULL)
    return FALSE;
  return run_step (self, apprenticeship_id, XF_APPRENTICESHIP_REQUESTED,
                   /* Translators: %s is the apprenticeship's status ("Accepted"). */
                   _("Only a requested apprenticeship can be declined; this one is %s"),
                   XF_APPRENTICESHIP_DECLINED,
                   "UPDATE apprenticeships SET status = 'declined', decline_reason = $1, decided_on = $2,"
                   " updated_at = $3, version = version + 1" STEP_WHERE,
                   text, NULL, NULL, error);
}

gboolean
xf_services_complete_apprenticeship (XfServices  *self,
                                     gint64       apprenticeship_id,
                                     const char  *note,
                                     GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if ((text = _xf_services_check_text (_("Note"), note, TRUE, MAX_TEXT, error)) == NULL)
    return FALSE;
  return run_step (self, apprenticeship_id, XF_APPRENTICESHIP_ACCEPTED,
                   /* Translators: %s is the apprenticeship's status ("Requested"). */
                   _("Only an accepted apprenticeship can be completed; this one is %s"),
                   XF_APPRENTICESHIP_COMPLETED,
                   "UPDATE apprenticeships SET status = 'completed', completion_note = $1,"
                   " completed_on = $2, updated_at = $3, version = version + 1" STEP_WHERE,
                   text, NULL, XF_ENGAGEMENT_APPRENTICE_COMPLETED, error);
}

/* Inside a write: the check-in's row, its audit entry and its engagement
 * event. The event's record is "<apprenticeship uid>/<date>": each day's
 * check-in counts once, however often it is written down. */
static gboolean
insert_check_in (XfServices        *self,
                 XfApprenticeship  *apprenticeship,
                 const char        *on,
                 const char        *note,
                 GError           **error)
{
  g_autofree char *record = g_strdup_printf ("%s/%s", apprenticeship->uid, on);
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self,
                               "INSERT INTO apprenticeship_check_ins (apprenticeship_id, on_date, note,"
                               " recorded_by, created_at) VALUES ($1, $2, $3, $4, $5)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, apprenticeship->id);
  xf_db_stmt_bind_text (stmt, 2, on);
  xf_db_stmt_bind_text (stmt, 3, note);
  xf_db_stmt_bind_text (stmt, 4, _xf_services_actor_name (self));
  xf_db_stmt_bind_int64 (stmt, 5, _xf_services_now ());
  return xf_db_stmt_run (stmt, error)
         && _xf_services_audit (self, XF_AUDIT_CHECK_IN, XF_RECORD_APPRENTICESHIP,
                                apprenticeship->uid, apprenticeship->pioneer_name, "check-in",
                                NULL, on, error)
         && _xf_services_record_engagement (self, apprenticeship->pioneer_id,
                                            XF_ENGAGEMENT_APPRENTICE_CHECK_IN, record, 1, error);
}

gboolean
xf_services_add_check_in (XfServices  *self,
                          gint64       apprenticeship_id,
                          const char  *on_date,
                          const char  *note,
                          GError     **error)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;
  g_autofree char *text = NULL;
  g_autofree char *on = NULL;
  GDate day, today;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  xf_clock_today (&today);
  if ((text = _xf_services_check_text (_("Note"), note, TRUE, MAX_TEXT, error)) == NULL)
    return FALSE;
  /* No date: today. */
  if (on_date == NULL || *on_date == '\0')
    day = today;
  else if (!parse_date (_("Date"), on_date, &day, error))
    return FALSE;
  if (g_date_compare (&day, &today) > 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Date: a check-in cannot be in the future"));
      return FALSE;
    }
  on = xf_date_format (&day);

  if (!_xf_services_begin (self, error))
    return FALSE;
  apprenticeship = load_for_step (self, apprenticeship_id, XF_APPRENTICESHIP_ACCEPTED,
                                  /* Translators: %s is the apprenticeship's status ("Completed"). */
                                  _("Check-ins are for an accepted apprenticeship; this one is %s"), error);
  if (apprenticeship != NULL && g_strcmp0 (on, apprenticeship->decided_on) < 0)
    {
      /* Translators: %s is a date (YYYY-MM-DD). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Date: a check-in cannot be before the apprenticeship was accepted on %s"),
                   apprenticeship->decided_on);
      g_clear_pointer (&apprenticeship, xf_apprenticeship_free);
    }
  return _xf_services_end (self,
                           apprenticeship != NULL
                           && insert_check_in (self, apprenticeship, on, text, error),
                           0, error);
}
