/* xf-care-visits.c — visits: plan, change, complete, cancel
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-store.h"

/*
 * A visit belongs to its pioneer's place: planning, changing, completing
 * and cancelling ask for CARE_MANAGE there. A done visit with a programme
 * is care given, so it writes a care record in the same transaction.
 */

#define MAX_ASSIGNEES 200
#define MAX_NOTES     2000
#define MAX_REASON    500

#define VISIT_SELECT \
  "SELECT v.id, v.uid, v.pioneer_id, p.name, p.region_code, g.code, v.purpose, v.planned_on," \
  " v.planned_time, v.assignees, v.status, v.done_on, v.amount, v.notes, v.cancel_reason, v.version" \
  " FROM care_visits v JOIN pioneers p ON p.id = v.pioneer_id" \
  " LEFT JOIN care_programmes g ON g.id = v.programme_id"

/* @today: YYYY-MM-DD, to tell overdue visits. */
static gpointer
visit_from_row (XfDbStmt *stmt,
                gpointer  today)
{
  XfCareVisit *visit = xf_care_visit_new ();
  const char *region_code;

  g_clear_pointer (&visit->status, g_free);
  g_clear_pointer (&visit->planned_time, g_free);
  visit->id = xf_db_stmt_column_int64 (stmt, 0);
  visit->uid = xf_db_stmt_dup_text (stmt, 1);
  visit->pioneer_id = xf_db_stmt_column_int64 (stmt, 2);
  visit->pioneer_name = xf_db_stmt_dup_text (stmt, 3);
  region_code = xf_db_stmt_column_text (stmt, 4);
  visit->region_code = g_strdup (region_code);
  visit->region_name = g_strdup (region_code != NULL
                                 ? xf_reference_label (xf_reference_get_shared (),
                                                       XF_REFERENCE_REGIONS, region_code)
                                 : "");
  visit->programme_code = xf_db_stmt_dup_text (stmt, 5);
  visit->purpose = xf_db_stmt_dup_text (stmt, 6);
  visit->planned_on = xf_db_stmt_dup_text (stmt, 7);
  visit->planned_time = xf_db_stmt_dup_text (stmt, 8);
  visit->assignees = xf_db_stmt_dup_text (stmt, 9);
  visit->status = xf_db_stmt_dup_text (stmt, 10);
  visit->done_on = xf_db_stmt_dup_text (stmt, 11);
  visit->amount = xf_db_stmt_column_int64 (stmt, 12);
  visit->notes = xf_db_stmt_dup_text (stmt, 13);
  visit->cancel_reason = xf_db_stmt_dup_text (stmt, 14);
  visit->version = xf_db_stmt_column_int64 (stmt, 15);
  visit->overdue = g_str_equal (visit->status, XF_VISIT_PLANNED)
                   && g_strcmp0 (visit->planned_on, today) < 0;
  return visit;
}

GPtrArray *
xf_care_list_visits (XfCare      *self,
                     const char  *from,
                     const char  *to,
                     gint64       pioneer_id,
                     const char  *status,
                     const char  *region_prefix,
                     GError     **error)
{
  g_autofree char *today = xf_repo_today ();
  g_autofree char *prefix = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_date (_("From"), from, FALSE, error)
      || !xf_repo_check_date (_("To"), to, FALSE, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          VISIT_SELECT
                          " WHERE ($1 = '' OR v.planned_on >= $1) AND ($2 = '' OR v.planned_on <= $2)"
                          " AND ($3 = 0 OR v.pioneer_id = $3) AND ($4 = '' OR v.status = $4)"
                          " AND ($5 = '' OR p.region_code LIKE $5)"
                          " ORDER BY v.planned_on, v.planned_time, v.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, from != NULL ? from : "");
  xf_db_stmt_bind_text (stmt, 2, to != NULL ? to : "");
  xf_db_stmt_bind_int64 (stmt, 3, pioneer_id);
  xf_db_stmt_bind_text (stmt, 4, status != NULL ? status : "");
  /* Region codes are digits: nothing to escape. */
  prefix = region_prefix != NULL && *region_prefix != '\0' ? g_strconcat (region_prefix, "%", NULL)
                                                           : g_strdup ("");
  xf_db_stmt_bind_text (stmt, 5, prefix);
  return xf_repo_collect (&self->repo, stmt, visit_from_row, today,
                          (GDestroyNotify) xf_care_visit_free, error);
}

XfCareVisit *
xf_care_get_visit (XfCare      *self,
                   gint64       visit_id,
                   GError     **error)
{
  g_autofree char *today = xf_repo_today ();
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  stmt = xf_repo_prepare (&self->repo, VISIT_SELECT " WHERE v.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, visit_id);
  return xf_repo_fetch_one (&self->repo, stmt, visit_from_row, today, _("Visit"), visit_id, error);
}

/*
 * Checks
 */

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, message);
  return FALSE;
}

/* "" (no time), or a time of day written HH:MM. */
static gboolean
check_time (const char  *text,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 hour = 0, minute = 0;

  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) == 2 && strlen (parts[0]) == 2 && strlen (parts[1]) == 2
      && g_ascii_isdigit (parts[0][0]) && g_ascii_isdigit (parts[1][0])
      && g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hour, NULL)
      && g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minute, NULL))
    return TRUE;
  return set_invalid (error, _("Time: write it as HH:MM, as 14:30, or leave it empty"));
}

static gboolean
check_purpose (const char  *purpose,
               GError     **error)
{
  if (purpose != NULL && g_strv_contains (xf_visit_purposes (), purpose))
    return TRUE;
  return set_invalid (error, _("Purpose: festival, birthday, anniversary, illness, hardship, "
                               "retired or other"));
}

/* What a visit's form says, checked and trimmed. */
typedef struct
{
  char   *assignees;
  char   *notes;
  gint64  programme_id;   /* 0: none */
} VisitInput;

static void
visit_input_clear (VisitInput *input)
{
  g_clear_pointer (&input->assignees, g_free);
  g_clear_pointer (&input->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VisitInput, visit_input_clear)

/* The checks that need no transaction: fields, the pioneer, the
 * actor's permission at the pioneer's place and the programme. */
static gboolean
check_visit (XfCare             *self,
             const XfCareVisit  *visit,
             VisitInput         *input,
             GError            **error)
{
  if (!check_purpose (visit->purpose, error)
      || !xf_repo_check_date (_("Date"), visit->planned_on, TRUE, error)
      || !check_time (visit->planned_time, error)
      || (input->assignees = xf_repo_check_text (_("Assignees"), visit->assignees, TRUE,
                                                 MAX_ASSIGNEES, error)) == NULL
      || (input->notes = xf_repo_check_text (_("Notes"), visit->notes, FALSE, MAX_NOTES,
                                             error)) == NULL
      || !xf_registry_check_active_id (self->registry, visit->pioneer_id, _("Pioneer"), error)
      || !xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, visit->pioneer_id, error))
    return FALSE;
  if (visit->programme_code != NULL && *visit->programme_code != '\0')
    input->programme_id = _xf_care_programme_id_by_hand (self, visit->programme_code, error);
  return visit->programme_code == NULL || *visit->programme_code == '\0' || input->programme_id > 0;
}

static gboolean
check_not_past (const char  *field,
                const char  *date,
                GError     **error)
{
  g_autofree char *today = xf_repo_today ();

  if (g_strcmp0 (date, today) >= 0)
    return TRUE;
  /* Translators: a field's name, then a date (YYYY-MM-DD). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s has passed; plan for today or later"),
               field, date);
  return FALSE;
}

static gboolean
check_not_future (const char  *field,
                  const char  *date,
                  GError     **error)
{
  g_autofree char *today = xf_repo_today ();

  if (g_strcmp0 (date, today) <= 0)
    return TRUE;
  /* Translators: a field's name, then a date (YYYY-MM-DD). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is in the future"), field, date);
  return FALSE;
}

/* A label for the audit trail: the pioneer and the day. */
static char *
visit_label (const XfCareVisit *visit)
{
  return g_strdup_printf ("%s %s", visit->pioneer_name, visit->planned_on);
}

/*
 * Planning and changing
 */

static gboolean
insert_visit (XfCare             *self,
              const XfCareVisit  *visit,
              const VisitInput   *input,
              const char         *uid,
              GError            **error)
{
  gint64 now = xf_repo_now ();
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO care_visits (uid, pioneer_id, programme_id, purpose, planned_on,"
                          " planned_time, assignees, status, amount, notes, created_at, updated_at, version)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', 0, $8, $9, $9, 1)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, visit->pioneer_id);
  xf_repo_bind_id_or_null (stmt, 3, input->programme_id);
  xf_db_stmt_bind_text (stmt, 4, visit->purpose);
  xf_db_stmt_bind_text (stmt, 5, visit->planned_on);
  xf_db_stmt_bind_text (stmt, 6, visit->planned_time != NULL ? visit->planned_time : "");
  xf_db_stmt_bind_text (stmt, 7, input->assignees);
  xf_db_stmt_bind_text (stmt, 8, input->notes);
  xf_db_stmt_bind_int64 (stmt, 9, now);
  return xf_db_stmt_run (stmt, error);
}

static gint64
plan_visit (XfCare             *self,
            const XfCareVisit  *visit,
            const VisitInput   *input,
            GError            **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autoptr(XfCareVisit) stored = NULL;
  g_autofree char *label = NULL;
  gint64 id = 0;
  gboolean ok;

  if (!xf_repo_begin (&self->repo, error))
    return 0;
  ok = insert_visit (self, visit, input, uid, error);
  if (ok)
    {
      id = xf_db_last_insert_id (self->repo.db);
      stored = xf_care_get_visit (self, id, error);
      ok = stored != NULL;
    }
  if (ok)
    {
      label = visit_label (stored);
      ok = xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_VISIT, uid, label,
                          "planned-on", NULL, visit->planned_on, error);
    }
  if (!_xf_care_end (self, ok, visit->pioneer_id, error))
    return 0;
  return id;
}

/* Inside a write: the visit, held, and the actor allowed at its place. */
static XfCareVisit *
load_for_write (XfCare      *self,
                gint64       visit_id,
                GError     **error)
{
  g_autoptr(XfCareVisit) visit = NULL;

  if (!xf_repo_lock (&self->repo, "care_visits", visit_id, error))
    return NULL;
  visit = xf_care_get_visit (self, visit_id, error);
  if (visit == NULL
      || !xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, visit->pioneer_id, error))
    return NULL;
  return g_steal_pointer (&visit);
}

static gboolean
refuse_unless_planned (const XfCareVisit  *visit,
                       GError            **error)
{
  if (g_str_equal (visit->status, XF_VISIT_PLANNED))
    return TRUE;
  /* Translators: the pioneer's name, the visit's date, then its status ("Done"). */
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("The visit to %s on %s is no longer planned: %s"),
               visit->pioneer_name, visit->planned_on, xf_visit_status_label (visit->status));
  return FALSE;
}

static gboolean
check_stored (const XfCareVisit  *stored,
              const XfCareVisit  *visit,
              GError            **error)
{
  if (stored->version != visit->version)
    {
      /* Translators: the pioneer's name, then the visit's date. */
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The visit to %s on %s was changed elsewhere since you opened it"),
                   stored->pioneer_name, stored->planned_on);
      return FALSE;
    }
  if (stored->pioneer_id != visit->pioneer_id)
    return set_invalid (error, _("Pioneer: a planned visit cannot move to another person; "
                                 "cancel it and plan a new one"));
  return refuse_unless_planned (stored, error);
}

static gboolean
update_visit (XfCare             *self,
              const XfCareVisit  *visit,
              const VisitInput   *input,
              GError            **error)
{
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE care_visits SET programme_id = $2, purpose = $3, planned_on = $4,"
                          " planned_time = $5, assignees = $6, notes = $7, updated_at = $8,"
                          " version = version + 1 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, visit->id);
  xf_repo_bind_id_or_null (stmt, 2, input->programme_id);
  xf_db_stmt_bind_text (stmt, 3, visit->purpose);
  xf_db_stmt_bind_text (stmt, 4, visit->planned_on);
  xf_db_stmt_bind_text (stmt, 5, visit->planned_time != NULL ? visit->planned_time : "");
  xf_db_stmt_bind_text (stmt, 6, input->assignees);
  xf_db_stmt_bind_text (stmt, 7, input->notes);
  xf_db_stmt_bind_int64 (stmt, 8, xf_repo_now ());
  return xf_db_stmt_run (stmt, error);
}

static gboolean
audit_changes (XfCare             *self,
               const XfCareVisit  *stored,
               const XfCareVisit  *visit,
               const VisitInput   *input,
               GError            **error)
{
  g_autofree char *label = visit_label (stored);
  const XfRepoFieldChange fields[] = {
    { "programme", stored->programme_code,
      visit->programme_code != NULL && *visit->programme_code != '\0' ? visit->programme_code : NULL },
    { "purpose", stored->purpose, visit->purpose },
    { "planned-on", stored->planned_on, visit->planned_on },
    { "planned-time", stored->planned_time, visit->planned_time != NULL ? visit->planned_time : "" },
    { "assignees", stored->assignees, input->assignees },
    { "notes", stored->notes, input->notes },
  };

  return xf_repo_audit_fields (&self->repo, XF_RECORD_CARE_VISIT, stored->uid, label,
                               fields, G_N_ELEMENTS (fields), error);
}

static gboolean
change_visit (XfCare             *self,
              const XfCareVisit  *visit,
              const VisitInput   *input,
              GError            **error)
{
  g_autoptr(XfCareVisit) stored = NULL;
  gboolean ok;

  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  stored = load_for_write (self, visit->id, error);
  ok = stored != NULL
       && check_stored (stored, visit, error)
       && update_visit (self, visit, input, error)
       && audit_changes (self, stored, visit, input, error);
  return _xf_care_end (self, ok, visit->pioneer_id, error);
}

gint64
xf_care_save_visit (XfCare             *self,
                    const XfCareVisit  *visit,
                    GError            **error)
{
  g_auto(VisitInput) input = { NULL, NULL, 0 };

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (visit != NULL, 0);

  if (!check_visit (self, visit, &input, error))
    return 0;
  if (visit->id == 0)
    {
      if (!check_not_past (_("Date"), visit->planned_on, error))
        return 0;
      return plan_visit (self, visit, &input, error);
    }
  return change_visit (self, visit, &input, error) ? visit->id : 0;
}

/*
 * Completing and cancelling
 */

static gboolean
set_status (XfCare             *self,
            const XfCareVisit  *visit,
            const char         *status,
            const char         *done_on,
            const char         *notes,
            gint64              amount,
            const char         *reason,
            GError            **error)
{
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE care_visits SET status = $2, done_on = $3, notes = $4, amount = $5,"
                          " cancel_reason = $6, updated_at = $7, version = version + 1 WHERE id = $1",
                          error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, visit->id);
  xf_db_stmt_bind_text (stmt, 2, status);
  xf_repo_bind_text_or_null (stmt, 3, done_on);
  xf_db_stmt_bind_text (stmt, 4, notes);
  xf_db_stmt_bind_int64 (stmt, 5, amount);
  xf_repo_bind_text_or_null (stmt, 6, reason);
  xf_db_stmt_bind_int64 (stmt, 7, xf_repo_now ());
  return xf_db_stmt_run (stmt, error);
}

static gboolean
audit_status (XfCare             *self,
              const XfCareVisit  *visit,
              const char         *status,
              const char         *reason,
              GError            **error)
{
  g_autofree char *label = visit_label (visit);

  return xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_VISIT, visit->uid, label,
                        "status", visit->status, status, error)
         && (reason == NULL
             || xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_VISIT, visit->uid,
                               label, "reason", NULL, reason, error));
}

/* The care a done visit gave, when it belongs to a programme. */
static gboolean
record_care (XfCare             *self,
             const XfCareVisit  *visit,
             const char         *done_on,
             const char         *notes,
             gint64              amount,
             GError            **error)
{
  g_autoptr(XfCareRecord) record = NULL;

  if (visit->programme_code == NULL)
    return TRUE;
  record = xf_care_record_new ();
  record->pioneer_id = visit->pioneer_id;
  record->programme_code = g_strdup (visit->programme_code);
  record->on_date = g_strdup (done_on);
  record->amount = amount;
  record->visit_id = visit->id;
  record->note = g_strdup (notes);
  return _xf_care_insert_record (self, record, error) > 0;
}

static gboolean
check_amount (gint64   amount,
              GError **error)
{
  if (amount >= 0)
    return TRUE;
  return set_invalid (error, _("Amount: 0 or more"));
}

gboolean
xf_care_complete_visit (XfCare      *self,
                        gint64       visit_id,
                        const char  *done_on,
                        const char  *notes,
                        gint64       amount,
                        GError     **error)
{
  g_autoptr(XfCareVisit) visit = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if (!xf_repo_check_date (_("Done on"), done_on, TRUE, error)
      || !check_not_future (_("Done on"), done_on, error)
      || (text = xf_repo_check_text (_("Notes"), notes, TRUE, MAX_NOTES, error)) == NULL
      || !check_amount (amount, error)
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  visit = load_for_write (self, visit_id, error);
  ok = visit != NULL
       && refuse_unless_planned (visit, error)
       && set_status (self, visit, XF_VISIT_DONE, done_on, text, amount, NULL, error)
       && record_care (self, visit, done_on, text, amount, error)
       && audit_status (self, visit, XF_VISIT_DONE, NULL, error);
  return _xf_care_end (self, ok, visit != NULL ? visit->pioneer_id : 0, error);
}

gboolean
xf_care_cancel_visit (XfCare      *self,
                      gint64       visit_id,
                      const char  *reason,
                      GError     **error)
{
  g_autoptr(XfCareVisit) visit = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if ((text = xf_repo_check_text (_("Reason"), reason, TRUE, MAX_REASON, error)) == NULL
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  visit = load_for_write (self, visit_id, error);
  ok = visit != NULL
       && refuse_unless_planned (visit, error)
       && set_status (self, visit, XF_VISIT_CANCELLED, NULL, visit->notes, 0, text, error)
       && audit_status (self, visit, XF_VISIT_CANCELLED, text, error);
  return _xf_care_end (self, ok, visit != NULL ? visit->pioneer_id : 0, error);
}
