/* xf-care-batches.c — batches: list, invitations, answers, places, attendance
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-store.h"

/*
 * A batch's life: draft (the eligible list, members listed) → inviting
 * (invited → accepted | waitlisted | declined; accepted → attended |
 * absent) → closed; draft or inviting → cancelled. Each step is one
 * write: the batch row is held (PostgreSQL), read again inside the write,
 * and its status changed by a conditional UPDATE.
 */

#define MAX_TITLE  200
#define MAX_PLACE  200
#define MAX_NOTES  4000
#define MAX_REASON 1000

typedef enum
{
  STEP_EDIT,
  STEP_ADD,
  STEP_REMOVE,
  STEP_INVITE,
  STEP_ANSWER,
  STEP_ATTENDANCE,
  STEP_CLOSE,
  STEP_CANCEL,
} Step;

/* XF_ERROR_WORKFLOW: "Cannot send invitations of a batch that is closed". */
static void
set_wrong_status (GError     **error,
                  Step         step,
                  const char  *status)
{
  g_autofree char *label = g_utf8_strdown (xf_batch_status_label (status), -1);
  const char *format = NULL;

  switch (step)
    {
    /* Translators: %s is a batch's status in lower case ("closed") */
    case STEP_EDIT: format = _("Cannot change a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("closed") */
    case STEP_ADD: format = _("Cannot add people to a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("closed") */
    case STEP_REMOVE: format = _("Cannot take people off a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("closed") */
    case STEP_INVITE: format = _("Cannot send invitations of a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("draft") */
    case STEP_ANSWER: format = _("Cannot record answers in a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("draft") */
    case STEP_ATTENDANCE: format = _("Cannot record attendance in a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("draft") */
    case STEP_CLOSE: format = _("Cannot close a batch that is %s"); break;
    /* Translators: %s is a batch's status in lower case ("closed") */
    case STEP_CANCEL: format = _("Cannot cancel a batch that is %s"); break;
    default: g_assert_not_reached ();
    }
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, format, label);
}

/* XF_ERROR_WORKFLOW: "李秀英 is declined: cannot accept". */
static void
set_wrong_member_status (GError                  **error,
                         const XfCareBatchMember  *member,
                         const char               *what)
{
  g_autofree char *label = g_utf8_strdown (xf_member_status_label (member->status), -1);

  /* Translators: a pioneer's name, a member's status in lower case
   * ("declined"), then what was refused ("cannot accept"). */
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("%s is %s: %s"),
               member->pioneer_name, label, what);
}

static gboolean
is_status (const char *status,
           const char *one)
{
  return g_strcmp0 (status, one) == 0;
}

/* NULL for an empty text, as the table keeps optional dates. */
static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/*
 * Reading
 */

#define COUNT_MEMBERS(statuses) \
  "(SELECT COUNT(*) FROM care_batch_members m WHERE m.batch_id = b.id AND m.status IN " statuses ")"

#define BATCH_HEAD \
  "SELECT b.id, b.uid, p.code, p.name_en, p.name_zh, b.year, b.title, b.reference_on, b.places," \
  " b.unit_cost, b.starts_on, b.ends_on, b.reply_by, b.place, b.status, b.cancel_reason, b.notes," \
  " b.version,"
#define BATCH_FROM " FROM care_batches b JOIN care_programmes p ON p.id = b.programme_id"
/* Without the counts, which read every member: for a member's step. */
#define BATCH_SELECT_BARE BATCH_HEAD " 0, 0, 0, 0, 0, 0" BATCH_FROM
#define BATCH_SELECT \
  BATCH_HEAD \
  " " COUNT_MEMBERS ("('listed', 'invited', 'accepted', 'waitlisted', 'declined', 'attended'," \
                     " 'absent')") "," \
  " " COUNT_MEMBERS ("('invited')") "," \
  " " COUNT_MEMBERS ("('accepted', 'attended', 'absent')") "," \
  " " COUNT_MEMBERS ("('waitlisted')") "," \
  " " COUNT_MEMBERS ("('declined')") "," \
  " " COUNT_MEMBERS ("('attended')") \
  BATCH_FROM

static gpointer
batch_from_row (XfDbStmt *stmt,
                gpointer  user_data)
{
  XfCareBatch *batch = xf_care_batch_new ();
  gboolean chinese = xf_reference_prefers_chinese ();

  batch->id = xf_db_stmt_column_int64 (stmt, 0);
  batch->uid = xf_db_stmt_dup_text (stmt, 1);
  batch->programme_code = xf_db_stmt_dup_text (stmt, 2);
  batch->programme_name = xf_db_stmt_dup_text (stmt, chinese ? 4 : 3);
  batch->year = (int) xf_db_stmt_column_int64 (stmt, 5);
  batch->title = xf_db_stmt_dup_text (stmt, 6);
  batch->reference_on = xf_db_stmt_dup_text (stmt, 7);
  batch->places = (int) xf_db_stmt_column_int64 (stmt, 8);
  batch->unit_cost = xf_db_stmt_column_int64 (stmt, 9);
  batch->starts_on = xf_db_stmt_dup_text (stmt, 10);
  batch->ends_on = xf_db_stmt_dup_text (stmt, 11);
  batch->reply_by = xf_db_stmt_dup_text (stmt, 12);
  batch->place = xf_db_stmt_dup_text (stmt, 13);
  g_free (batch->status);
  batch->status = xf_db_stmt_dup_text (stmt, 14);
  batch->cancel_reason = xf_db_stmt_dup_text (stmt, 15);
  batch->notes = xf_db_stmt_dup_text (stmt, 16);
  batch->version = xf_db_stmt_column_int64 (stmt, 17);
  batch->n_listed = (int) xf_db_stmt_column_int64 (stmt, 18);
  batch->n_invited = (int) xf_db_stmt_column_int64 (stmt, 19);
  batch->n_accepted = (int) xf_db_stmt_column_int64 (stmt, 20);
  batch->n_waitlisted = (int) xf_db_stmt_column_int64 (stmt, 21);
  batch->n_declined = (int) xf_db_stmt_column_int64 (stmt, 22);
  batch->n_attended = (int) xf_db_stmt_column_int64 (stmt, 23);
  return batch;
}

#define MEMBER_SELECT \
  "SELECT m.id, m.pioneer_id, p.uid, p.name, p.region_code, p.birth_date, m.status, m.override_reason," \
  " m.invited_on, m.answered_on, m.decline_reason, m.note, m.position" \
  " FROM care_batch_members m JOIN pioneers p ON p.id = m.pioneer_id"

static gpointer
member_from_row (XfDbStmt *stmt,
                 gpointer  user_data)
{
  const char *reference_on = user_data;
  XfCareBatchMember *member = g_new0 (XfCareBatchMember, 1);
  const char *region = xf_db_stmt_column_text (stmt, 4);
  const char *birth_date = xf_db_stmt_column_text (stmt, 5);

  member->id = xf_db_stmt_column_int64 (stmt, 0);
  member->pioneer_id = xf_db_stmt_column_int64 (stmt, 1);
  member->pioneer_uid = xf_db_stmt_dup_text (stmt, 2);
  member->pioneer_name = xf_db_stmt_dup_text (stmt, 3);
  member->region_name = g_strdup (region == NULL ? ""
                                  : xf_reference_label (xf_reference_get_shared (), XF_REFERENCE_REGIONS,
                                                        region));
  member->age = birth_date != NULL ? xf_care_age_on (birth_date, reference_on) : -1;
  member->status = xf_db_stmt_dup_text (stmt, 6);
  member->override_reason = xf_db_stmt_dup_text (stmt, 7);
  member->invited_on = xf_db_stmt_dup_text (stmt, 8);
  member->answered_on = xf_db_stmt_dup_text (stmt, 9);
  member->decline_reason = xf_db_stmt_dup_text (stmt, 10);
  member->note = xf_db_stmt_dup_text (stmt, 11);
  member->position = (int) xf_db_stmt_column_int64 (stmt, 12);
  return member;
}

/* The batch, with its counts when @counts (else they are 0). */
static XfCareBatch *
load_batch (XfCare      *self,
            gint64       batch_id,
            gboolean     counts,
            GError     **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, counts ? BATCH_SELECT " WHERE b.id = $1"
                                                        : BATCH_SELECT_BARE " WHERE b.id = $1", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, batch_id);
  return xf_repo_fetch_one (&self->repo, stmt, batch_from_row, NULL, _("Batch"), batch_id, error);
}

/* Inside a write: the batch as it is now, held until commit (PostgreSQL). */
static XfCareBatch *
reload_locked (XfCare      *self,
               gint64       batch_id,
               gboolean     counts,
               GError     **error)
{
  if (!xf_repo_lock (&self->repo, "care_batches", batch_id, error))
    return NULL;
  return load_batch (self, batch_id, counts, error);
}

static GPtrArray *
load_members (XfCare       *self,
              XfCareBatch  *batch,
              GError      **error)
{
  /* By status (places first, then the waiting list in its order), then name. */
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, MEMBER_SELECT " WHERE m.batch_id = $1 ORDER BY"
    " CASE m.status WHEN 'accepted' THEN 0 WHEN 'attended' THEN 1 WHEN 'absent' THEN 2"
    " WHEN 'waitlisted' THEN 3 WHEN 'invited' THEN 4 WHEN 'listed' THEN 5 WHEN 'declined' THEN 6"
    " ELSE 7 END, m.position, p.name, m.id", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, batch->id);
  return xf_repo_collect (&self->repo, stmt, member_from_row, batch->reference_on,
                          (GDestroyNotify) xf_care_batch_member_free, error);
}

/* The member of @batch_id for @pioneer_id; XF_ERROR_NOT_FOUND naming the
 * pioneer when the pioneer is not on the list. */
static XfCareBatchMember *
load_member (XfCare             *self,
             const XfCareBatch  *batch,
             gint64              pioneer_id,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  XfCareBatchMember *member;
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, MEMBER_SELECT
                                    " WHERE m.batch_id = $1 AND m.pioneer_id = $2", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, batch->id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  member = xf_repo_fetch_one (&self->repo, stmt, member_from_row, batch->reference_on,
                              _("Member"), pioneer_id, &local_error);
  if (member == NULL && g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      /* Translators: %lld is a pioneer's number. */
      g_set_error (&local_error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("Pioneer: %lld is not on the batch's list"), (long long) pioneer_id);
    }
  if (member == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return member;
}

GPtrArray *
xf_care_list_batches (XfCare      *self,
                      const char  *programme_code,
                      int          year,
                      GError     **error)
{
  gint64 programme_id = 0;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  if (programme_code != NULL && *programme_code != '\0'
      && (programme_id = _xf_care_programme_id (self, programme_code, TRUE, error)) == 0)
    return NULL;
  stmt = xf_repo_prepare (&self->repo, BATCH_SELECT
                          " WHERE ($1 = 0 OR b.programme_id = $1) AND ($2 = 0 OR b.year = $2)"
                          " ORDER BY b.year DESC, b.reference_on DESC, b.id DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, programme_id);
  xf_db_stmt_bind_int64 (stmt, 2, year);
  return xf_repo_collect (&self->repo, stmt, batch_from_row, NULL,
                          (GDestroyNotify) xf_care_batch_free, error);
}

XfCareBatch *
xf_care_get_batch (XfCare      *self,
                   gint64       batch_id,
                   GError     **error)
{
  g_autoptr(XfCareBatch) batch = NULL;
  GPtrArray *members;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  batch = load_batch (self, batch_id, TRUE, error);
  if (batch == NULL || (members = load_members (self, batch, error)) == NULL)
    return NULL;
  g_ptr_array_unref (batch->members);
  batch->members = members;
  return g_steal_pointer (&batch);
}

/*
 * Audit
 */

static gboolean
audit_step (XfCare             *self,
            const XfCareBatch  *batch,
            const char         *field,
            const char         *from,
            const char         *to,
            const char         *reason,
            GError            **error)
{
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_BATCH, batch->uid, batch->title,
                      field, from, to, error))
    return FALSE;
  return reason == NULL || *reason == '\0'
         || xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_BATCH, batch->uid,
                           batch->title, "reason", NULL, reason, error);
}

static gboolean
audit_member (XfCare                  *self,
              const XfCareBatch       *batch,
              const XfCareBatchMember *member,
              const char              *to,
              const char              *reason,
              GError                 **error)
{
  g_autofree char *field = g_strconcat ("member:", member->pioneer_uid, NULL);

  return audit_step (self, batch, field, member->status, to, reason, error);
}

/*
 * Quota and budget
 */

typedef struct
{
  int    quota;       /* 0: none */
  gint64 budget;      /* 0: none */
  gint64 unit_cost;
} Limits;

static gboolean
load_limits (XfCare  *self,
             gint64   programme_id,
             Limits  *limits,
             GError **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "SELECT COALESCE(yearly_quota, 0), COALESCE(yearly_budget, 0), unit_cost"
    " FROM care_programmes WHERE id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, programme_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      limits->quota = (int) xf_db_stmt_column_int64 (stmt, 0);
      limits->budget = xf_db_stmt_column_int64 (stmt, 1);
      limits->unit_cost = xf_db_stmt_column_int64 (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

/* Places held by the programme's other batches of @year, not cancelled. */
static gboolean
count_other_places (XfCare  *self,
                    gint64   programme_id,
                    int      year,
                    gint64   batch_id,
                    gint64  *places,
                    gint64  *committed,
                    GError **error)
{
  /* Open batches hold their places at their unit cost; closed ones have
   * spent what their records say. */
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "SELECT COALESCE(SUM(places), 0),"
    " COALESCE(SUM(CASE WHEN status IN ('draft', 'inviting') THEN places * unit_cost ELSE 0 END), 0)"
    " FROM care_batches WHERE programme_id = $1 AND year = $2 AND id <> $3 AND status <> 'cancelled'", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, programme_id);
  xf_db_stmt_bind_int64 (stmt, 2, year);
  xf_db_stmt_bind_int64 (stmt, 3, batch_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      *places = xf_db_stmt_column_int64 (stmt, 0);
      *committed = xf_db_stmt_column_int64 (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

/* What the programme's care records of @year spent outside open batches
 * (by hand, visits, hardship, closed batches). */
static gboolean
sum_spent (XfCare  *self,
           gint64   programme_id,
           int      year,
           gint64  *spent,
           GError **error)
{
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "SELECT COALESCE(SUM(r.amount), 0) FROM care_records r LEFT JOIN care_batches b ON b.id = r.batch_id"
    " WHERE r.programme_id = $1 AND substr(r.on_date, 1, 4) = $2"
    " AND (b.id IS NULL OR b.status NOT IN ('draft', 'inviting'))", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, programme_id);
  xf_db_stmt_bind_text (stmt, 2, year_text);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    *spent = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

static gboolean
check_quota (const Limits  *limits,
             int            year,
             gint64         other_places,
             int            places,
             GError       **error)
{
  gint64 left = limits->quota - other_places;

  if (limits->quota <= 0 || other_places + places <= limits->quota)
    return TRUE;
  /* Translators: "Places:" names the field; a year, the quota, the places
   * other batches hold, then how many are left. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Places: the quota for %d is %d and other batches hold %lld; at most %lld"),
               year, limits->quota, (long long) other_places, (long long) MAX (left, 0));
  return FALSE;
}

static gboolean
check_budget (const Limits  *limits,
              int            year,
              gint64         committed,
              int            places,
              gint64         unit_cost,
              GError       **error)
{
  gint64 left = limits->budget - committed;
  g_autofree char *cost = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *budget = NULL;

  if (limits->budget <= 0 || places * unit_cost <= left)
    return TRUE;
  cost = xf_money_format (places * unit_cost);
  left_text = xf_money_format (MAX (left, 0));
  budget = xf_money_format (limits->budget);
  /* Translators: "Places:" names the field; a number of places, their
   * cost, what is left, the year, the year's budget, then how many places
   * that pays for. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Places: %d places cost %s, but %s is left of the %d budget of %s; at most %lld"),
               places, cost, left_text, year, budget,
               (long long) (unit_cost > 0 ? MAX (left, 0) / unit_cost : 0));
  return FALSE;
}

/* Inside a write: whether @places at @unit_cost fit the quota and budget
 * of @programme_id's @year beside its other batches. */
static gboolean
check_limits (XfCare  *self,
              gint64   programme_id,
              int      year,
              gint64   batch_id,
              int      places,
              gint64   unit_cost,
              GError **error)
{
  Limits limits = { 0 };
  gint64 other_places = 0, committed = 0, spent = 0;

  if (!xf_repo_lock (&self->repo, "care_programmes", programme_id, error)
      || !load_limits (self, programme_id, &limits, error)
      || !count_other_places (self, programme_id, year, batch_id, &other_places, &committed, error)
      || !check_quota (&limits, year, other_places, places, error))
    return FALSE;
  if (limits.budget <= 0)
    return TRUE;
  return sum_spent (self, programme_id, year, &spent, error)
         && check_budget (&limits, year, committed + spent, places, unit_cost, error);
}

/*
 * Creating and changing a batch
 */

static gboolean promote_first_waiting (XfCare             *self,
                                       const XfCareBatch  *batch,
                                       gboolean           *promoted,
                                       GError            **error);

/* The checked fields of a batch as they will be stored. */
typedef struct
{
  char *title;
  char *place;
  char *notes;
  int   year;
} Checked;

static void
checked_clear (Checked *checked)
{
  g_clear_pointer (&checked->title, g_free);
  g_clear_pointer (&checked->place, g_free);
  g_clear_pointer (&checked->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

static gboolean
check_dates (const XfCareBatch  *batch,
             GError            **error)
{
  if (!xf_repo_check_date (_("Reference date"), batch->reference_on, TRUE, error)
      || !xf_repo_check_date (_("Starts"), batch->starts_on, FALSE, error)
      || !xf_repo_check_date (_("Ends"), batch->ends_on, FALSE, error)
      || !xf_repo_check_date (_("Reply by"), batch->reply_by, FALSE, error))
    return FALSE;
  if (or_null (batch->starts_on) != NULL && or_null (batch->ends_on) != NULL
      && g_strcmp0 (batch->ends_on, batch->starts_on) < 0)
    {
      /* Translators: "Ends:" names the field; two dates. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Ends: %s is before the start, %s"),
                   batch->ends_on, batch->starts_on);
      return FALSE;
    }
  if (or_null (batch->starts_on) != NULL && or_null (batch->reply_by) != NULL
      && g_strcmp0 (batch->reply_by, batch->starts_on) > 0)
    {
      /* Translators: "Reply by:" names the field; two dates. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Reply by: %s is after the start, %s"),
                   batch->reply_by, batch->starts_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_batch (const XfCareBatch  *batch,
             Checked            *checked,
             GError            **error)
{
  if ((checked->title = xf_repo_check_text (C_("care", "Title"), batch->title, TRUE, MAX_TITLE, error)) == NULL
      || (checked->place = xf_repo_check_text (_("Place"), batch->place, FALSE, MAX_PLACE, error)) == NULL
      || (checked->notes = xf_repo_check_text (_("Notes"), batch->notes, FALSE, MAX_NOTES, error)) == NULL
      || !check_dates (batch, error))
    return FALSE;
  if (batch->places < 1)
    {
      /* Translators: "Places:" names the field. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Places: at least 1, not %d"), batch->places);
      return FALSE;
    }
  if (batch->unit_cost < 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Unit cost: not below zero"));
      return FALSE;
    }
  checked->year = batch->year > 0 ? batch->year : (int) g_ascii_strtoll (batch->reference_on, NULL, 10);
  if (checked->year < 1900 || checked->year > 9999)
    {
      /* Translators: "Year:" names the field. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: %d is not a year"), checked->year);
      return FALSE;
    }
  /* The places count against the year's quota and budget: a year far
   * from the reference date would hold them where they are free. */
  if (ABS (checked->year - (int) g_ascii_strtoll (batch->reference_on, NULL, 10)) > 1)
    {
      /* Translators: "Year:" names the field; a year, then a date. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: %d is more than a year from the reference date, %s"),
                   checked->year, batch->reference_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_batch (XfCare             *self,
              const XfCareBatch  *batch,
              const Checked      *checked,
              gint64              programme_id,
              const char         *uid,
              gint64              unit_cost,
              gint64             *batch_id,
              GError            **error)
{
  gint64 now = xf_repo_now ();
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO care_batches (uid, programme_id, year, title, reference_on, places, unit_cost, starts_on,"
    " ends_on, reply_by, place, status, notes, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, $13)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, programme_id);
  xf_db_stmt_bind_int64 (stmt, 3, checked->year);
  xf_db_stmt_bind_text (stmt, 4, checked->title);
  xf_db_stmt_bind_text (stmt, 5, batch->reference_on);
  xf_db_stmt_bind_int64 (stmt, 6, batch->places);
  xf_db_stmt_bind_int64 (stmt, 7, unit_cost);
  xf_repo_bind_text_or_null (stmt, 8, batch->starts_on);
  xf_repo_bind_text_or_null (stmt, 9, batch->ends_on);
  xf_repo_bind_text_or_null (stmt, 10, batch->reply_by);
  xf_db_stmt_bind_text (stmt, 11, checked->place);
  xf_db_stmt_bind_text (stmt, 12, checked->notes);
  xf_db_stmt_bind_int64 (stmt, 13, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  *batch_id = xf_db_last_insert_id (self->repo.db);
  return TRUE;
}

/* A new member row: listed, or invited today when @invited_on is given. */
static gboolean
insert_member (XfCare      *self,
               gint64       batch_id,
               gint64       pioneer_id,
               const char  *status,
               const char  *invited_on,
               const char  *override_reason,
               GError     **error)
{
  gint64 now = xf_repo_now ();
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO care_batch_members (batch_id, pioneer_id, status, override_reason, invited_on,"
    " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, batch_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  xf_db_stmt_bind_text (stmt, 3, status);
  xf_repo_bind_text_or_null (stmt, 4, override_reason);
  xf_repo_bind_text_or_null (stmt, 5, invited_on);
  xf_db_stmt_bind_int64 (stmt, 6, now);
  return xf_db_stmt_run (stmt, error);
}

static gboolean
insert_eligible (XfCare     *self,
                 gint64      batch_id,
                 GPtrArray  *eligible,
                 GError    **error)
{
  for (guint i = 0; i < eligible->len; i++)
    {
      const XfCareEligible *person = g_ptr_array_index (eligible, i);

      if (!insert_member (self, batch_id, person->pioneer_id, XF_MEMBER_LISTED, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
audit_created (XfCare       *self,
               const char   *uid,
               const char   *title,
               guint         n_listed,
               GError      **error)
{
  g_autofree char *value = g_strdup_printf ("%u listed", n_listed);

  return xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_BATCH, uid, title,
                        NULL, NULL, value, error);
}

gint64
xf_care_create_batch (XfCare             *self,
                      const XfCareBatch  *batch,
                      GError            **error)
{
  g_auto(Checked) checked = { 0 };
  g_autoptr(GPtrArray) eligible = NULL;
  g_autofree char *uid = NULL;
  gint64 programme_id, batch_id = 0, unit_cost;
  Limits limits = { 0 };
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (batch != NULL, 0);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CARE_MANAGE, error)
      || !check_batch (batch, &checked, error)
      || (programme_id = _xf_care_programme_id (self, batch->programme_code, FALSE, error)) == 0
      || !load_limits (self, programme_id, &limits, error))
    return 0;
  unit_cost = batch->unit_cost > 0 ? batch->unit_cost : limits.unit_cost;
  /* A read of the whole registry: before the write, not inside it. */
  eligible = xf_care_list_eligible (self, batch->programme_code, batch->reference_on, NULL, error);
  if (eligible == NULL || !xf_repo_begin (&self->repo, error))
    return 0;
  uid = xf_store_new_uid ();
  ok = check_limits (self, programme_id, checked.year, 0, batch->places, unit_cost, error)
       && insert_batch (self, batch, &checked, programme_id, uid, unit_cost, &batch_id, error)
       && insert_eligible (self, batch_id, eligible, error)
       && audit_created (self, uid, checked.title, eligible->len, error);
  if (!_xf_care_end (self, ok, 0, error))
    return 0;
  return batch_id;
}

static gboolean
store_update (XfCare             *self,
              const XfCareBatch  *batch,
              const Checked      *checked,
              GError            **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "UPDATE care_batches SET title = $1, reference_on = $2, starts_on = $3, ends_on = $4, reply_by = $5,"
    " place = $6, notes = $7, places = $8, updated_at = $9, version = version + 1"
    " WHERE id = $10 AND version = $11 AND status IN ('draft', 'inviting')", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, checked->title);
  xf_db_stmt_bind_text (stmt, 2, batch->reference_on);
  xf_repo_bind_text_or_null (stmt, 3, batch->starts_on);
  xf_repo_bind_text_or_null (stmt, 4, batch->ends_on);
  xf_repo_bind_text_or_null (stmt, 5, batch->reply_by);
  xf_db_stmt_bind_text (stmt, 6, checked->place);
  xf_db_stmt_bind_text (stmt, 7, checked->notes);
  xf_db_stmt_bind_int64 (stmt, 8, batch->places);
  xf_db_stmt_bind_int64 (stmt, 9, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 10, batch->id);
  xf_db_stmt_bind_int64 (stmt, 11, batch->version);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->repo.db) != 1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The batch was changed at another desk; look at it again"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
audit_update (XfCare             *self,
              const XfCareBatch  *stored,
              const XfCareBatch  *batch,
              const Checked      *checked,
              GError            **error)
{
  g_autofree char *places_before = g_strdup_printf ("%d", stored->places);
  g_autofree char *places_after = g_strdup_printf ("%d", batch->places);
  const XfRepoFieldChange fields[] = {
    { "title", stored->title, checked->title },
    { "reference_on", stored->reference_on, batch->reference_on },
    { "starts_on", stored->starts_on, or_null (batch->starts_on) },
    { "ends_on", stored->ends_on, or_null (batch->ends_on) },
    { "reply_by", stored->reply_by, or_null (batch->reply_by) },
    { "place", stored->place, checked->place },
    { "notes", stored->notes, checked->notes },
    { "places", places_before, places_after },
  };

  return xf_repo_audit_fields (&self->repo, XF_RECORD_CARE_BATCH, stored->uid, checked->title,
                               fields, G_N_ELEMENTS (fields), error);
}

/* Inside a write: why @stored may not take @batch's changes, or TRUE. */
static gboolean
check_update (XfCare             *self,
              const XfCareBatch  *stored,
              const XfCareBatch  *batch,
              const Checked      *checked,
              GError            **error)
{
  gint64 programme_id;

  if (!is_status (stored->status, XF_BATCH_DRAFT) && !is_status (stored->status, XF_BATCH_INVITING))
    {
      set_wrong_status (error, STEP_EDIT, stored->status);
      return FALSE;
    }
  if (stored->version != batch->version)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The batch was changed at another desk; look at it again"));
      return FALSE;
    }
  if (batch->places < stored->n_accepted)
    {
      /* Translators: "Places:" names the field; two numbers of places. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Places: %d are taken; not fewer than that, not %d"),
                   stored->n_accepted, batch->places);
      return FALSE;
    }
  if ((programme_id = _xf_care_programme_id (self, stored->programme_code, TRUE, error)) == 0)
    return FALSE;
  return batch->places <= stored->places
         || check_limits (self, programme_id, stored->year, stored->id, batch->places, stored->unit_cost,
                          error);
}

/* Places added to an inviting batch go to its waiting list in order. */
static gboolean
fill_new_places (XfCare             *self,
                 const XfCareBatch  *stored,
                 int                 places,
                 GError            **error)
{
  gboolean promoted = TRUE;

  for (int free = places - stored->n_accepted; free > 0 && promoted; free--)
    if (!promote_first_waiting (self, stored, &promoted, error))
      return FALSE;
  return TRUE;
}

gboolean
xf_care_update_batch (XfCare             *self,
                      const XfCareBatch  *batch,
                      GError            **error)
{
  g_auto(Checked) checked = { 0 };
  g_autoptr(XfCareBatch) stored = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CARE_MANAGE, error)
      || !check_batch (batch, &checked, error)
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  ok = (stored = reload_locked (self, batch->id, TRUE, error)) != NULL
       && check_update (self, stored, batch, &checked, error)
       && store_update (self, batch, &checked, error)
       && audit_update (self, stored, batch, &checked, error)
       && fill_new_places (self, stored, batch->places, error);
  return _xf_care_end (self, ok, 0, error);
}

/*
 * Members
 */

/* A member's new state; NULL texts keep what is stored. */
typedef struct
{
  const char *to;
  const char *invited_on;
  const char *answered_on;
  const char *decline_reason;    /* set when declining; cleared otherwise */
  const char *override_reason;
  int         position;
} Change;

static gboolean
store_member_change (XfCare                  *self,
                     const XfCareBatchMember *member,
                     const Change            *change,
                     GError                 **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "UPDATE care_batch_members SET status = $1, invited_on = $2, answered_on = $3, decline_reason = $4,"
    " override_reason = $5, position = $6, updated_at = $7 WHERE id = $8 AND status = $9", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, change->to);
  xf_repo_bind_text_or_null (stmt, 2, change->invited_on != NULL ? change->invited_on
                                                                  : member->invited_on);
  xf_repo_bind_text_or_null (stmt, 3, change->answered_on != NULL ? change->answered_on
                                                                   : member->answered_on);
  xf_repo_bind_text_or_null (stmt, 4, change->decline_reason);
  xf_repo_bind_text_or_null (stmt, 5, change->override_reason != NULL ? change->override_reason
                                                                       : member->override_reason);
  xf_db_stmt_bind_int64 (stmt, 6, change->position);
  xf_db_stmt_bind_int64 (stmt, 7, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 8, member->id);
  xf_db_stmt_bind_text (stmt, 9, member->status);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->repo.db) != 1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The batch was changed at another desk; look at it again"));
      return FALSE;
    }
  return TRUE;
}

/* Moves @member to @change->to and audits it (with @reason, if any). */
static gboolean
change_member (XfCare                  *self,
               const XfCareBatch       *batch,
               const XfCareBatchMember *member,
               const Change            *change,
               const char              *reason,
               GError                 **error)
{
  return store_member_change (self, member, change, error)
         && audit_member (self, batch, member, change->to, reason, error);
}

/* Inside a write: the batch held, in one of the statuses allowed for @step;
 * its counts only when @counts (a member's step reads no more than its
 * member: a batch may have tens of thousands). */
static XfCareBatch *
begin_step (XfCare      *self,
            gint64       batch_id,
            Step         step,
            const char  *status,
            const char  *or_status,
            gboolean     counts,
            GError     **error)
{
  g_autoptr(XfCareBatch) batch = reload_locked (self, batch_id, counts, error);

  if (batch == NULL)
    return NULL;
  if (!is_status (batch->status, status) && (or_status == NULL || !is_status (batch->status, or_status)))
    {
      set_wrong_status (error, step, batch->status);
      return NULL;
    }
  return g_steal_pointer (&batch);
}

/* What a step is given: the member's pioneer (0 for the batch's own
 * steps), a yes or no, and a checked text (a reason, an override). */
typedef struct
{
  gint64      pioneer_id;
  gboolean    yes;
  const char *text;
} StepArgs;

typedef gboolean (*StepFunc) (XfCare             *self,
                              const XfCareBatch  *batch,
                              const StepArgs     *args,
                              GError            **error);

/* One write: CARE_MANAGE at the member's place (or somewhere, for the
 * batch's own steps), the batch held in @status or @or_status, @func. */
static gboolean
run_step (XfCare          *self,
          gint64           batch_id,
          Step             step,
          const char      *status,
          const char      *or_status,
          StepFunc         func,
          const StepArgs  *args,
          GError         **error)
{
  g_autoptr(XfCareBatch) batch = NULL;
  gboolean ok;

  if (args->pioneer_id != 0
      ? !xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, args->pioneer_id, error)
      : !xf_repo_check_somewhere (&self->repo, XF_OP_CARE_MANAGE, error))
    return FALSE;
  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  ok = (batch = begin_step (self, batch_id, step, status, or_status, args->pioneer_id == 0, error)) != NULL
       && func (self, batch, args, error);
  return _xf_care_end (self, ok, args->pioneer_id, error);
}

/* A reason of at most MAX_REASON characters into *@checked. */
static gboolean
check_reason (const char  *reason,
              gboolean     required,
              char       **checked,
              GError     **error)
{
  return (*checked = xf_repo_check_text (_("Reason"), reason, required, MAX_REASON, error)) != NULL;
}

/* Whether @pioneer_id may join @batch_id; @override_reason checked into
 * *@override (NULL when none). Before the write: eligibility reads the
 * registry. */
static gboolean
check_joining (XfCare      *self,
               gint64       batch_id,
               gint64       pioneer_id,
               const char  *override_reason,
               char       **override,
               GError     **error)
{
  g_autoptr(XfCareBatch) batch = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  gboolean eligible = FALSE;

  if (!xf_registry_check_active_id (self->registry, pioneer_id, _("Pioneer"), error)
      || !xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, pioneer_id, error)
      || (*override = xf_repo_check_text (_("Reason"), override_reason, FALSE, MAX_REASON, error)) == NULL
      || (batch = load_batch (self, batch_id, FALSE, error)) == NULL
      || !xf_care_check_eligible (self, batch->programme_code, pioneer_id, batch->reference_on,
                                  &eligible, &reason, error))
    return FALSE;
  if (eligible || **override != '\0')
    return TRUE;
  pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  /* Translators: "Pioneer:" names the field; a name, then the rule failed. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Pioneer: %s is not eligible (%s); give a reason to add anyway"),
               xf_pioneer_get_name (pioneer), reason != NULL ? reason : "");
  return FALSE;
}

/* Inside a write: @pioneer_id put on @batch's list (or back on it). */
static gboolean
join (XfCare             *self,
      const XfCareBatch  *batch,
      const StepArgs     *args,
      GError            **error)
{
  gint64 pioneer_id = args->pioneer_id;
  const char *override = args->text;
  g_autoptr(XfCareBatchMember) member = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = xf_repo_today ();
  gboolean inviting = is_status (batch->status, XF_BATCH_INVITING);
  Change change = { inviting ? XF_MEMBER_INVITED : XF_MEMBER_LISTED, inviting ? today : NULL,
                    NULL, NULL, *override != '\0' ? override : NULL, 0 };

  member = load_member (self, batch, pioneer_id, &local_error);
  if (member == NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (member != NULL && !is_status (member->status, XF_MEMBER_REMOVED))
    {
      /* Translators: "Pioneer:" names the field; %s is a name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: %s is already on the list"),
                   member->pioneer_name);
      return FALSE;
    }
  if (member != NULL)
    return change_member (self, batch, member, &change, change.override_reason, error);
  if (!insert_member (self, batch->id, pioneer_id, change.to, change.invited_on, change.override_reason, error)
      || (member = load_member (self, batch, pioneer_id, error)) == NULL)
    return FALSE;
  /* The new row's audit: from nothing to its status. */
  g_clear_pointer (&member->status, g_free);
  return audit_member (self, batch, member, change.to, change.override_reason, error);
}

gboolean
xf_care_add_member (XfCare      *self,
                    gint64       batch_id,
                    gint64       pioneer_id,
                    const char  *override_reason,
                    GError     **error)
{
  g_autofree char *override = NULL;
  StepArgs args = { pioneer_id, TRUE, NULL };

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if (!check_joining (self, batch_id, pioneer_id, override_reason, &override, error))
    return FALSE;
  args.text = override;
  return run_step (self, batch_id, STEP_ADD, XF_BATCH_DRAFT, XF_BATCH_INVITING, join, &args, error);
}

static gboolean
leave (XfCare             *self,
       const XfCareBatch  *batch,
       const StepArgs     *args,
       GError            **error)
{
  g_autoptr(XfCareBatchMember) member = load_member (self, batch, args->pioneer_id, error);
  const char *reason = args->text;
  Change change = { XF_MEMBER_REMOVED, NULL, NULL, NULL, NULL, 0 };

  if (member == NULL)
    return FALSE;
  if (!is_status (member->status, XF_MEMBER_LISTED) && !is_status (member->status, XF_MEMBER_INVITED))
    {
      set_wrong_member_status (error, member, _("cannot take them off the list"));
      return FALSE;
    }
  if (is_status (batch->status, XF_BATCH_INVITING) && *reason == '\0')
    {
      /* Translators: "Reason:" names the field. */
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Reason: say why an invited person is taken off the list"));
      return FALSE;
    }
  return change_member (self, batch, member, &change, reason, error);
}

gboolean
xf_care_remove_member (XfCare      *self,
                       gint64       batch_id,
                       gint64       pioneer_id,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return check_reason (reason, FALSE, &checked, error)
         && run_step (self, batch_id, STEP_REMOVE, XF_BATCH_DRAFT, XF_BATCH_INVITING, leave,
                      &(StepArgs) { pioneer_id, FALSE, checked }, error);
}

/*
 * Invitations and answers
 */

static gboolean
set_batch_status (XfCare             *self,
                  const XfCareBatch  *batch,
                  const char         *to,
                  const char         *reason,
                  GError            **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "UPDATE care_batches SET status = $1, cancel_reason = $2, updated_at = $3, version = version + 1"
    " WHERE id = $4 AND status = $5", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to);
  xf_repo_bind_text_or_null (stmt, 2, is_status (to, XF_BATCH_CANCELLED) ? reason : NULL);
  xf_db_stmt_bind_int64 (stmt, 3, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 4, batch->id);
  xf_db_stmt_bind_text (stmt, 5, batch->status);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->repo.db) != 1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The batch was changed at another desk; look at it again"));
      return FALSE;
    }
  return audit_step (self, batch, "status", batch->status, to, reason, error);
}

/* Every member in @from moves to @to (invitations sent, unanswered ones
 * declined at closing). */
static gboolean
move_members (XfCare      *self,
              gint64       batch_id,
              const char  *from,
              const char  *to,
              const char  *invited_on,
              const char  *decline_reason,
              GError     **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "UPDATE care_batch_members SET status = $1, invited_on = CASE WHEN $2 = '' THEN invited_on ELSE $2 END,"
    " decline_reason = CASE WHEN $3 = '' THEN decline_reason ELSE $3 END, updated_at = $4"
    " WHERE batch_id = $5 AND status = $6", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to);
  xf_db_stmt_bind_text (stmt, 2, invited_on != NULL ? invited_on : "");
  xf_db_stmt_bind_text (stmt, 3, decline_reason != NULL ? decline_reason : "");
  xf_db_stmt_bind_int64 (stmt, 4, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 5, batch_id);
  xf_db_stmt_bind_text (stmt, 6, from);
  return xf_db_stmt_run (stmt, error);
}

static gboolean
invite_listed (XfCare             *self,
               const XfCareBatch  *batch,
               const StepArgs     *args,
               GError            **error)
{
  g_autofree char *today = xf_repo_today ();

  if (batch->n_listed == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW,
                           _("Nobody is on the list: add people before sending invitations"));
      return FALSE;
    }
  return move_members (self, batch->id, XF_MEMBER_LISTED, XF_MEMBER_INVITED, today, NULL, error)
         && set_batch_status (self, batch, XF_BATCH_INVITING, NULL, error);
}

gboolean
xf_care_send_invitations (XfCare   *self,
                          gint64    batch_id,
                          GError  **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return run_step (self, batch_id, STEP_INVITE, XF_BATCH_DRAFT, NULL, invite_listed,
                   &(StepArgs) { 0 }, error);
}

/* The first on the waiting list takes a freed place (*@promoted: whether
 * anybody was waiting). */
static gboolean
promote_first_waiting (XfCare             *self,
                       const XfCareBatch  *batch,
                       gboolean           *promoted,
                       GError            **error)
{
  g_autoptr(XfCareBatchMember) first = NULL;
  g_autofree char *today = xf_repo_today ();
  gint64 pioneer_id = 0;
  Change change = { XF_MEMBER_ACCEPTED, NULL, today, NULL, NULL, 0 };

  *promoted = FALSE;
  if (!xf_repo_query_int64 (&self->repo,
                            "SELECT COALESCE((SELECT pioneer_id FROM care_batch_members WHERE batch_id = $1"
                            " AND status = 'waitlisted' ORDER BY position, id LIMIT 1), 0)",
                            batch->id, &pioneer_id, error))
    return FALSE;
  if (pioneer_id == 0)
    return TRUE;
  if ((first = load_member (self, batch, pioneer_id, error)) == NULL)
    return FALSE;
  *promoted = TRUE;
  return change_member (self, batch, first, &change, _("a place was freed"), error);
}

static gboolean
accept (XfCare                  *self,
        const XfCareBatch       *batch,
        const XfCareBatchMember *member,
        GError                 **error)
{
  g_autofree char *today = xf_repo_today ();
  Change change = { XF_MEMBER_ACCEPTED, NULL, today, NULL, NULL, 0 };
  gint64 last = 0;
  gint64 taken = 0;

  if (!is_status (member->status, XF_MEMBER_INVITED) && !is_status (member->status, XF_MEMBER_WAITLISTED))
    {
      set_wrong_member_status (error, member, _("cannot accept"));
      return FALSE;
    }
  /* The places taken, not the batch's counts (a member's step has none). */
  if (!xf_repo_query_int64 (&self->repo, "SELECT COUNT(*) FROM care_batch_members WHERE batch_id = $1"
                            " AND status IN ('accepted', 'attended', 'absent')", batch->id, &taken, error))
    return FALSE;
  if (taken < batch->places)
    return change_member (self, batch, member, &change, NULL, error);
  if (is_status (member->status, XF_MEMBER_WAITLISTED))
    return TRUE;   /* Still no place: the member keeps its turn. */
  /* Every place is taken: the end of the waiting list, in answer order. */
  if (!xf_repo_query_int64 (&self->repo, "SELECT COALESCE(MAX(position), 0) FROM care_batch_members"
                            " WHERE batch_id = $1 AND status = 'waitlisted'", batch->id, &last, error))
    return FALSE;
  change.to = XF_MEMBER_WAITLISTED;
  change.position = (int) last + 1;
  return change_member (self, batch, member, &change, NULL, error);
}

static gboolean
decline (XfCare                  *self,
         const XfCareBatch       *batch,
         const XfCareBatchMember *member,
         const char              *reason,
         GError                 **error)
{
  g_autofree char *today = xf_repo_today ();
  gboolean held_place = is_status (member->status, XF_MEMBER_ACCEPTED);
  Change change = { XF_MEMBER_DECLINED, NULL, today, reason, NULL, 0 };

  if (!held_place && !is_status (member->status, XF_MEMBER_INVITED)
      && !is_status (member->status, XF_MEMBER_WAITLISTED))
    {
      set_wrong_member_status (error, member, _("cannot decline"));
      return FALSE;
    }
  if (*reason == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Reason: say why the invitation is declined"));
      return FALSE;
    }
  if (!change_member (self, batch, member, &change, reason, error))
    return FALSE;
  return !held_place || promote_first_waiting (self, batch, &held_place, error);
}

static gboolean
record_answer (XfCare             *self,
               const XfCareBatch  *batch,
               const StepArgs     *args,
               GError            **error)
{
  g_autoptr(XfCareBatchMember) member = load_member (self, batch, args->pioneer_id, error);

  if (member == NULL)
    return FALSE;
  return args->yes ? accept (self, batch, member, error) : decline (self, batch, member, args->text, error);
}

gboolean
xf_care_answer (XfCare      *self,
                gint64       batch_id,
                gint64       pioneer_id,
                gboolean     accepted,
                const char  *reason,
                GError     **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return check_reason (reason, FALSE, &checked, error)
         && run_step (self, batch_id, STEP_ANSWER, XF_BATCH_INVITING, NULL, record_answer,
                      &(StepArgs) { pioneer_id, accepted, checked }, error);
}

/*
 * Attendance, closing, cancelling
 */

static gboolean
write_record (XfCare                  *self,
              const XfCareBatch       *batch,
              const XfCareBatchMember *member,
              GError                 **error)
{
  g_autoptr(XfCareRecord) record = xf_care_record_new ();

  record->pioneer_id = member->pioneer_id;
  record->programme_code = g_strdup (batch->programme_code);
  record->on_date = or_null (batch->starts_on) != NULL ? g_strdup (batch->starts_on) : xf_repo_today ();
  record->amount = batch->unit_cost;
  record->batch_id = batch->id;
  record->note = g_strdup (batch->title);
  return _xf_care_insert_record (self, record, error) > 0;
}

static gboolean
mark_attendance (XfCare             *self,
                 const XfCareBatch  *batch,
                 const StepArgs     *args,
                 GError            **error)
{
  gint64 pioneer_id = args->pioneer_id;
  gboolean attended = args->yes;
  g_autoptr(XfCareBatchMember) member = load_member (self, batch, pioneer_id, error);
  Change change = { attended ? XF_MEMBER_ATTENDED : XF_MEMBER_ABSENT, NULL, NULL, NULL, NULL, 0 };

  if (member == NULL)
    return FALSE;
  if (!is_status (member->status, XF_MEMBER_ACCEPTED) && !is_status (member->status, XF_MEMBER_ATTENDED)
      && !is_status (member->status, XF_MEMBER_ABSENT))
    {
      set_wrong_member_status (error, member, _("only those who accepted attend"));
      return FALSE;
    }
  if (is_status (member->status, change.to))
    return TRUE;
  if (!change_member (self, batch, member, &change, NULL, error))
    return FALSE;
  if (attended)
    return write_record (self, batch, member, error);
  return !is_status (member->status, XF_MEMBER_ATTENDED)
         || _xf_care_delete_batch_record (self, batch->id, pioneer_id, error);
}

gboolean
xf_care_record_attendance (XfCare   *self,
                           gint64    batch_id,
                           gint64    pioneer_id,
                           gboolean  attended,
                           GError  **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return run_step (self, batch_id, STEP_ATTENDANCE, XF_BATCH_INVITING, NULL, mark_attendance,
                   &(StepArgs) { pioneer_id, attended, NULL }, error);
}

static gboolean
close_batch (XfCare             *self,
             const XfCareBatch  *batch,
             const StepArgs     *args,
             GError            **error)
{
  gint64 pending = 0;

  if (!xf_repo_query_int64 (&self->repo, "SELECT COUNT(*) FROM care_batch_members"
                            " WHERE batch_id = $1 AND status = 'accepted'", batch->id, &pending, error))
    return FALSE;
  if (pending > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* Translators: "Attendance:" names the field. */
                   g_dngettext (GETTEXT_PACKAGE, "Attendance: %lld accepted member has none yet",
                                "Attendance: %lld accepted members have none yet", (gulong) pending),
                   (long long) pending);
      return FALSE;
    }
  return move_members (self, batch->id, XF_MEMBER_INVITED, XF_MEMBER_DECLINED, NULL, _("no answer"), error)
         && set_batch_status (self, batch, XF_BATCH_CLOSED, NULL, error);
}

gboolean
xf_care_close_batch (XfCare   *self,
                     gint64    batch_id,
                     GError  **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return run_step (self, batch_id, STEP_CLOSE, XF_BATCH_INVITING, NULL, close_batch,
                   &(StepArgs) { 0 }, error);
}

static gboolean
cancel_batch (XfCare             *self,
              const XfCareBatch  *batch,
              const StepArgs     *args,
              GError            **error)
{
  if (batch->n_attended > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   g_dngettext (GETTEXT_PACKAGE, "Cannot cancel a batch that %d member has attended",
                                "Cannot cancel a batch that %d members have attended",
                                (gulong) batch->n_attended),
                   batch->n_attended);
      return FALSE;
    }
  return set_batch_status (self, batch, XF_BATCH_CANCELLED, args->text, error);
}

gboolean
xf_care_cancel_batch (XfCare      *self,
                      gint64       batch_id,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return check_reason (reason, TRUE, &checked, error)
         && run_step (self, batch_id, STEP_CANCEL, XF_BATCH_DRAFT, XF_BATCH_INVITING, cancel_batch,
                      &(StepArgs) { 0, FALSE, checked }, error);
}

GStrv
xf_care_batch_allowed_actions (XfCare             *self,
                               const XfCareBatch  *batch)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean draft, inviting;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);
  g_return_val_if_fail (batch != NULL, NULL);

  draft = is_status (batch->status, XF_BATCH_DRAFT);
  inviting = is_status (batch->status, XF_BATCH_INVITING);
  if (!xf_permission_allows_somewhere (self->repo.actor, XF_OP_CARE_MANAGE) || (!draft && !inviting))
    return g_strv_builder_end (builder);
  g_strv_builder_add (builder, "edit");
  g_strv_builder_add (builder, "add-member");
  /* Listed (draft) or invited (inviting) members can be taken off. */
  if ((draft && batch->n_listed > 0) || (inviting && batch->n_invited > 0))
    g_strv_builder_add (builder, "remove-member");
  if (draft && batch->n_listed > 0)
    g_strv_builder_add (builder, "invite");
  if (inviting)
    {
      g_strv_builder_add (builder, "answer");
      g_strv_builder_add (builder, "attendance");
      g_strv_builder_add (builder, "close");
    }
  if (batch->n_attended == 0)
    g_strv_builder_add (builder, "cancel");
  return g_strv_builder_end (builder);
}
