/* xf-care-hardship.c — hardship support: application, assessment, two-step approval, payments
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-store.h"

/*
 * A case's life: applied → assessed (CARE_MANAGE) → approved-first
 * (HARDSHIP_APPROVE, not the assessor) → approved (HARDSHIP_DECIDE, not
 * the first approver) → payments until paid; rejected or withdrawn before
 * the final approval. Every step is one write: the case row is held
 * (PostgreSQL), read again, and moved by an UPDATE conditional on the
 * status read. The circumstances and the household income are personal:
 * shown only with HARDSHIP_VIEW at the pioneer's place, and never written
 * into the audit trail (only that they were recorded).
 */

#define MAX_CIRCUMSTANCES 4000
#define MAX_ASSESSMENT    4000
#define MAX_REASON        1000
#define MAX_REFERENCE     200
#define MAX_REQUESTED     G_GINT64_CONSTANT (10000000)   /* ¥100,000 in fen */
#define MASK              "••••"

typedef enum
{
  STEP_ASSESS,
  STEP_APPROVE,
  STEP_REJECT,
  STEP_WITHDRAW,
  STEP_PAY,
} Step;

/* Where a case stands, to end "Cannot assess a case that …" (translated;
 * a phrase, not the status label, which is a column heading's word). */
static const char *
status_phrase (const char *status)
{
  if (g_strcmp0 (status, XF_CASE_APPLIED) == 0)
    /* Translators: ends "Cannot approve a case that …". */
    return C_("hardship case", "has not been assessed yet");
  if (g_strcmp0 (status, XF_CASE_ASSESSED) == 0)
    /* Translators: ends "Cannot record a payment of a case that …". */
    return C_("hardship case", "is assessed");
  if (g_strcmp0 (status, XF_CASE_APPROVED_FIRST) == 0)
    /* Translators: ends "Cannot withdraw a case that …". */
    return C_("hardship case", "has had its first approval");
  if (g_strcmp0 (status, XF_CASE_APPROVED) == 0)
    /* Translators: ends "Cannot approve a case that …". */
    return C_("hardship case", "is approved");
  if (g_strcmp0 (status, XF_CASE_PAID) == 0)
    /* Translators: ends "Cannot record a payment of a case that …". */
    return C_("hardship case", "is paid");
  if (g_strcmp0 (status, XF_CASE_REJECTED) == 0)
    /* Translators: ends "Cannot withdraw a case that …". */
    return C_("hardship case", "is rejected");
  if (g_strcmp0 (status, XF_CASE_WITHDRAWN) == 0)
    /* Translators: ends "Cannot reject a case that …". */
    return C_("hardship case", "is withdrawn");
  return status;
}

/* XF_ERROR_WORKFLOW: "Cannot withdraw a case that has had its first approval". */
static void
set_wrong_status (GError     **error,
                  Step         step,
                  const char  *status)
{
  const char *phrase = status_phrase (status);
  const char *format = NULL;

  switch (step)
    {
    /* Translators: %s says where the case stands ("is approved",
     * "has had its first approval"). */
    case STEP_ASSESS: format = _("Cannot assess a case that %s"); break;
    /* Translators: %s says where the case stands ("is approved"). */
    case STEP_APPROVE: format = _("Cannot approve a case that %s"); break;
    /* Translators: %s says where the case stands ("is withdrawn"). */
    case STEP_REJECT: format = _("Cannot reject a case that %s"); break;
    /* Translators: %s says where the case stands ("has had its first approval"). */
    case STEP_WITHDRAW: format = _("Cannot withdraw a case that %s"); break;
    /* Translators: %s says where the case stands ("is assessed"). */
    case STEP_PAY: format = _("Cannot record a payment of a case that %s"); break;
    default: g_assert_not_reached ();
    }
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, format, phrase);
}

static gboolean
is_status (const char *status,
           const char *one)
{
  return g_strcmp0 (status, one) == 0;
}

/*
 * Places and masking
 */

/* Whether the actor may do @op at a pioneer's place (its region and its
 * organisation with the organisation's ancestors). */
static gboolean
allows_at (XfCare      *self,
           XfOperation  op,
           const char  *region_code,
           gint64       organisation_id)
{
  XfTarget target = { region_code, NULL, NULL };

  xf_registry_get_organisation_place (self->registry, organisation_id, &target.organisation_code,
                                      &target.organisation_ancestors);
  return xf_permission_allows (self->repo.actor, op, &target);
}

/* A case as read, with what masking needs. */
typedef struct
{
  XfHardshipCase *hardship_case;
  gint64          organisation_id;
} Row;

#define CASE_SELECT \
  "SELECT h.id, h.uid, h.pioneer_id, p.name, p.region_code, p.organisation_id, g.code, h.year, h.category," \
  " h.circumstances, h.household_income, h.requested_amount, h.status, h.applied_on, h.applied_by," \
  " h.assessment, COALESCE(h.assessed_amount, 0), h.assessed_on, h.assessed_by, h.first_approved_on," \
  " h.first_approved_by, h.approved_on, h.approved_by, COALESCE(h.granted_amount, 0), h.reject_reason," \
  " h.version, (SELECT COALESCE(SUM(y.amount), 0) FROM hardship_payments y WHERE y.case_id = h.id)" \
  " FROM hardship_cases h JOIN pioneers p ON p.id = h.pioneer_id" \
  " JOIN care_programmes g ON g.id = h.programme_id"

static void
fill_steps (XfHardshipCase *hardship_case,
            XfDbStmt       *stmt)
{
  hardship_case->requested_amount = xf_db_stmt_column_int64 (stmt, 11);
  g_free (hardship_case->status);
  hardship_case->status = xf_db_stmt_dup_text (stmt, 12);
  hardship_case->applied_on = xf_db_stmt_dup_text (stmt, 13);
  hardship_case->applied_by = xf_db_stmt_dup_text (stmt, 14);
  g_free (hardship_case->assessment);
  hardship_case->assessment = xf_db_stmt_dup_text (stmt, 15);
  hardship_case->assessed_amount = xf_db_stmt_column_int64 (stmt, 16);
  hardship_case->assessed_on = xf_db_stmt_dup_text (stmt, 17);
  hardship_case->assessed_by = xf_db_stmt_dup_text (stmt, 18);
  hardship_case->first_approved_on = xf_db_stmt_dup_text (stmt, 19);
  hardship_case->first_approved_by = xf_db_stmt_dup_text (stmt, 20);
  hardship_case->approved_on = xf_db_stmt_dup_text (stmt, 21);
  hardship_case->approved_by = xf_db_stmt_dup_text (stmt, 22);
  hardship_case->granted_amount = xf_db_stmt_column_int64 (stmt, 23);
  hardship_case->reject_reason = xf_db_stmt_dup_text (stmt, 24);
  hardship_case->version = xf_db_stmt_column_int64 (stmt, 25);
  hardship_case->paid_amount = xf_db_stmt_column_int64 (stmt, 26);
}

static gpointer
case_from_row (XfDbStmt *stmt,
               gpointer  user_data)
{
  XfCare *self = user_data;
  XfHardshipCase *hardship_case = xf_hardship_case_new ();
  gint64 organisation_id = xf_db_stmt_column_int64 (stmt, 5);

  hardship_case->id = xf_db_stmt_column_int64 (stmt, 0);
  hardship_case->uid = xf_db_stmt_dup_text (stmt, 1);
  hardship_case->pioneer_id = xf_db_stmt_column_int64 (stmt, 2);
  hardship_case->pioneer_name = xf_db_stmt_dup_text (stmt, 3);
  hardship_case->region_code = xf_db_stmt_dup_text (stmt, 4);
  hardship_case->programme_code = xf_db_stmt_dup_text (stmt, 6);
  hardship_case->year = (int) xf_db_stmt_column_int64 (stmt, 7);
  hardship_case->category = xf_db_stmt_dup_text (stmt, 8);
  fill_steps (hardship_case, stmt);
  hardship_case->masked = !allows_at (self, XF_OP_HARDSHIP_VIEW, hardship_case->region_code,
                                      organisation_id);
  if (hardship_case->masked)
    {
      hardship_case->circumstances = g_strdup (MASK);
      hardship_case->household_income = -1;
      /* The assessment tells the circumstances again: masked alike. */
      if (hardship_case->assessment != NULL && *hardship_case->assessment != '\0')
        {
          g_free (hardship_case->assessment);
          hardship_case->assessment = g_strdup (MASK);
        }
    }
  else
    {
      hardship_case->circumstances = xf_db_stmt_dup_text (stmt, 9);
      hardship_case->household_income = xf_db_stmt_column_is_null (stmt, 10)
                                        ? -1 : xf_db_stmt_column_int64 (stmt, 10);
    }
  return hardship_case;
}

static XfHardshipCase *
load_case (XfCare      *self,
           gint64       case_id,
           GError     **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, CASE_SELECT " WHERE h.id = $1", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, case_id);
  return xf_repo_fetch_one (&self->repo, stmt, case_from_row, self, _("Hardship case"), case_id, error);
}

static gpointer
payment_from_row (XfDbStmt *stmt,
                  gpointer  user_data)
{
  XfHardshipPayment *payment = g_new0 (XfHardshipPayment, 1);

  payment->id = xf_db_stmt_column_int64 (stmt, 0);
  payment->paid_on = xf_db_stmt_dup_text (stmt, 1);
  payment->amount = xf_db_stmt_column_int64 (stmt, 2);
  payment->reference = xf_db_stmt_dup_text (stmt, 3);
  payment->recorded_by = xf_db_stmt_dup_text (stmt, 4);
  return payment;
}

static GPtrArray *
load_payments (XfCare   *self,
               gint64    case_id,
               GError  **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, "SELECT id, paid_on, amount, reference, recorded_by"
                                    " FROM hardship_payments WHERE case_id = $1 ORDER BY paid_on, id", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, case_id);
  return xf_repo_collect (&self->repo, stmt, payment_from_row, NULL,
                          (GDestroyNotify) xf_hardship_payment_free, error);
}

/* Whether @hardship_case's pioneer's name contains @text (case folded). */
static gboolean
name_matches (const XfHardshipCase *hardship_case,
              const char           *text)
{
  g_autofree char *name = g_utf8_casefold (hardship_case->pioneer_name != NULL
                                           ? hardship_case->pioneer_name : "", -1);
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  return strstr (name, wanted) != NULL;
}

static GPtrArray *
select_cases (XfCare                 *self,
              const XfHardshipQuery  *query,
              GError                **error)
{
  g_autofree char *prefix = NULL;
  XfDbStmt *stmt;

  if (!xf_repo_check_region_prefix (query->region_prefix, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo, CASE_SELECT
    " WHERE ($1 = '' OR h.status = $1 OR ($1 = 'open' AND h.status IN"
    " ('applied', 'assessed', 'approved-first', 'approved')))"
    " AND ($2 = 0 OR h.year = $2) AND ($3 = '' OR p.region_code LIKE $3) AND ($4 = 0 OR h.pioneer_id = $4)"
    " ORDER BY h.applied_on DESC, h.id DESC", error);

  if (stmt == NULL)
    return NULL;
  /* Region codes are digits (checked above): no wildcard to escape. */
  prefix = query->region_prefix != NULL && *query->region_prefix != '\0'
           ? g_strconcat (query->region_prefix, "%", NULL) : g_strdup ("");
  xf_db_stmt_bind_text (stmt, 1, query->status != NULL ? query->status : "");
  xf_db_stmt_bind_int64 (stmt, 2, query->year);
  xf_db_stmt_bind_text (stmt, 3, prefix);
  xf_db_stmt_bind_int64 (stmt, 4, query->pioneer_id);
  return xf_repo_collect (&self->repo, stmt, case_from_row, self,
                          (GDestroyNotify) xf_hardship_case_free, error);
}

GPtrArray *
xf_care_list_cases (XfCare                 *self,
                    const XfHardshipQuery  *query,
                    GError                **error)
{
  const XfHardshipQuery any = { 0 };
  g_autoptr(GPtrArray) cases = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (query == NULL)
    query = &any;
  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error)
      || (cases = select_cases (self, query, error)) == NULL)
    return NULL;
  if (query->text != NULL && *query->text != '\0')
    for (guint i = cases->len; i > 0; i--)
      if (!name_matches (g_ptr_array_index (cases, i - 1), query->text))
        g_ptr_array_remove_index (cases, i - 1);
  return g_steal_pointer (&cases);
}

XfHardshipCase *
xf_care_get_case (XfCare      *self,
                  gint64       case_id,
                  GError     **error)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  GPtrArray *payments;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error)
      || (hardship_case = load_case (self, case_id, error)) == NULL
      || (payments = load_payments (self, case_id, error)) == NULL)
    return NULL;
  g_ptr_array_unref (hardship_case->payments);
  hardship_case->payments = payments;
  return g_steal_pointer (&hardship_case);
}

/*
 * Audit
 */

static char *
record_label (const XfHardshipCase *hardship_case)
{
  return g_strdup_printf ("%s %d", hardship_case->pioneer_name, hardship_case->year);
}

static gboolean
audit (XfCare               *self,
       const XfHardshipCase *hardship_case,
       const char           *action,
       const char           *field,
       const char           *before,
       const char           *after,
       GError              **error)
{
  g_autofree char *label = record_label (hardship_case);

  return xf_repo_audit (&self->repo, action, XF_RECORD_HARDSHIP_CASE, hardship_case->uid, label,
                        field, before, after, error);
}

static gboolean
audit_status (XfCare               *self,
              const XfHardshipCase *hardship_case,
              const char           *to,
              const char           *reason,
              GError              **error)
{
  return audit (self, hardship_case, XF_AUDIT_CARE_STATUS, "status", hardship_case->status, to, error)
         && (reason == NULL
             || audit (self, hardship_case, XF_AUDIT_CARE_STATUS, "reason", NULL, reason, error));
}

/*
 * Applying
 */

static gboolean
check_category (const char  *category,
                GError     **error)
{
  g_autofree char *known = NULL;
  g_autofree char *quoted = NULL;

  if (category != NULL && g_strv_contains (xf_case_categories (), category))
    return TRUE;
  known = g_strjoinv (", ", (char **) xf_case_categories ());
  quoted = xf_repo_quote (category);
  /* Translators: "Category:" names the field; what was given, then the
   * codes allowed (typed as they are). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Category: “%s” is not one of %s"), quoted, known);
  return FALSE;
}

/* An amount in fen from 1 up to @max (inclusive). */
static gboolean
check_amount (const char  *field,
              gint64       amount,
              gint64       max,
              GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *max_text = NULL;

  if (amount > 0 && amount <= max)
    return TRUE;
  text = xf_money_format (amount);
  max_text = xf_money_format (max);
  if (amount <= 0)
    /* Translators: a field's name, then an amount of money. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is not more than nothing"), field, text);
  else
    /* Translators: a field's name, then two amounts of money. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is more than the %s allowed"),
                 field, text, max_text);
  return FALSE;
}

/* The programme @code (of kind hardship), or the catalogue's first one. */
static gint64
hardship_programme (XfCare      *self,
                    const char  *code,
                    GError     **error)
{
  g_autoptr(GPtrArray) programmes = xf_care_list_programmes (self, FALSE, error);

  if (programmes == NULL)
    return 0;
  for (guint i = 0; i < programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (programmes, i);

      if (g_strcmp0 (programme->kind, XF_CARE_KIND_HARDSHIP) == 0
          && (code == NULL || *code == '\0' || g_strcmp0 (programme->code, code) == 0))
        return programme->id;
    }
  if (code != NULL && *code != '\0')
    {
      g_autofree char *quoted = xf_repo_quote (code);

      /* Translators: "Programme:" names the field; %s is a programme's code. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Programme: “%s” is not an active hardship programme"),
                   quoted);
    }
  else
    g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                         _("Programme: the catalogue offers no hardship support"));
  return 0;
}

static gboolean
check_application (XfCare                *self,
                   const XfHardshipCase  *hardship_case,
                   char                 **circumstances,
                   GError               **error)
{
  if (!xf_registry_check_active_id (self->registry, hardship_case->pioneer_id, _("Pioneer"), error)
      || !xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, hardship_case->pioneer_id, error)
      || !check_category (hardship_case->category, error)
      || (*circumstances = xf_repo_check_text (_("Circumstances"), hardship_case->circumstances, TRUE,
                                               MAX_CIRCUMSTANCES, error)) == NULL
      || !check_amount (_("Requested amount"), hardship_case->requested_amount, MAX_REQUESTED, error))
    return FALSE;
  if (hardship_case->household_income < -1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Household income: not below zero (leave it out when unknown)"));
      return FALSE;
    }
  if (hardship_case->year != 0 && (hardship_case->year < 1900 || hardship_case->year > 9999))
    {
      /* Translators: "Year:" names the field. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: %d is not a year"), hardship_case->year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_case (XfCare                *self,
             const XfHardshipCase  *hardship_case,
             const char            *circumstances,
             gint64                 programme_id,
             XfHardshipCase        *stored,
             GError               **error)
{
  gint64 now = xf_repo_now ();
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO hardship_cases (uid, pioneer_id, programme_id, year, category, circumstances,"
    " household_income, requested_amount, status, applied_on, applied_by, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'applied', $9, $10, $11, $11)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, stored->uid);
  xf_db_stmt_bind_int64 (stmt, 2, hardship_case->pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 3, programme_id);
  xf_db_stmt_bind_int64 (stmt, 4, stored->year);
  xf_db_stmt_bind_text (stmt, 5, hardship_case->category);
  xf_db_stmt_bind_text (stmt, 6, circumstances);
  if (hardship_case->household_income >= 0)
    xf_db_stmt_bind_int64 (stmt, 7, hardship_case->household_income);
  else
    xf_db_stmt_bind_null (stmt, 7);
  xf_db_stmt_bind_int64 (stmt, 8, hardship_case->requested_amount);
  xf_db_stmt_bind_text (stmt, 9, stored->applied_on);
  xf_db_stmt_bind_text (stmt, 10, xf_repo_actor_name (&self->repo));
  xf_db_stmt_bind_int64 (stmt, 11, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  stored->id = xf_db_last_insert_id (self->repo.db);
  return TRUE;
}

/* Inside the write: XF_ERROR_DUPLICATE when the pioneer (held) has a
 * case applied for and not yet paid, rejected or withdrawn. */
static gboolean
check_no_open_case (XfCare      *self,
                    gint64       pioneer_id,
                    const char  *pioneer_name,
                    GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  g_autofree char *applied_on = NULL;

  if (!xf_repo_lock (&self->repo, "pioneers", pioneer_id, error)
      || (stmt = xf_repo_prepare (&self->repo,
            "SELECT applied_on FROM hardship_cases WHERE pioneer_id = $1"
            " AND status IN ('applied', 'assessed', 'approved-first', 'approved')"
            " ORDER BY applied_on, id", error)) == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    applied_on = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (applied_on == NULL)
    return TRUE;
  /* Translators: "Pioneer:" names the field; a name, then a date. */
  g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Pioneer: %s already has an open case, applied on %s"),
               pioneer_name, applied_on);
  return FALSE;
}

/* The application's audit: category and amount, and only that the
 * circumstances (and income) were recorded, never what they say. */
static gboolean
audit_applied (XfCare               *self,
               const XfHardshipCase *hardship_case,
               const XfHardshipCase *stored,
               GError              **error)
{
  g_autofree char *amount = xf_money_format (hardship_case->requested_amount);
  g_autofree char *value = g_strdup_printf ("%s, %s", hardship_case->category, amount);

  return audit (self, stored, XF_AUDIT_CREATE, NULL, NULL, value, error)
         && audit (self, stored, XF_AUDIT_UPDATE, "circumstances", NULL, "(recorded)", error)
         && (hardship_case->household_income < 0
             || audit (self, stored, XF_AUDIT_UPDATE, "household_income", NULL, "(recorded)", error));
}

gint64
xf_care_apply_hardship (XfCare                *self,
                        const XfHardshipCase  *hardship_case,
                        GError               **error)
{
  g_autoptr(XfHardshipCase) stored = xf_hardship_case_new ();
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *circumstances = NULL;
  gint64 programme_id;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (hardship_case != NULL, 0);

  if (!check_application (self, hardship_case, &circumstances, error)
      || (programme_id = hardship_programme (self, hardship_case->programme_code, error)) == 0
      || (pioneer = xf_registry_get_pioneer (self->registry, hardship_case->pioneer_id, error)) == NULL)
    return 0;
  stored->uid = xf_store_new_uid ();
  stored->pioneer_name = g_strdup (xf_pioneer_get_name (pioneer));
  stored->applied_on = xf_repo_today ();
  stored->year = hardship_case->year != 0 ? hardship_case->year
                                          : (int) g_ascii_strtoll (stored->applied_on, NULL, 10);
  if (!xf_repo_begin (&self->repo, error))
    return 0;
  ok = check_no_open_case (self, hardship_case->pioneer_id, stored->pioneer_name, error)
       && insert_case (self, hardship_case, circumstances, programme_id, stored, error)
       && audit_applied (self, hardship_case, stored, error);
  if (!_xf_care_end (self, ok, hardship_case->pioneer_id, error))
    return 0;
  return stored->id;
}

/*
 * The steps
 */

/* The operation the case's next step needs, and who may not take it
 * (the one who took the step before); XF_N_OPS when none is left. */
static XfOperation
next_step (const XfHardshipCase  *hardship_case,
           const char           **excluded)
{
  *excluded = NULL;
  if (is_status (hardship_case->status, XF_CASE_APPLIED))
    return XF_OP_CARE_MANAGE;
  if (is_status (hardship_case->status, XF_CASE_ASSESSED))
    {
      *excluded = hardship_case->assessed_by;
      return XF_OP_HARDSHIP_APPROVE;
    }
  if (is_status (hardship_case->status, XF_CASE_APPROVED_FIRST))
    {
      *excluded = hardship_case->first_approved_by;
      return XF_OP_HARDSHIP_DECIDE;
    }
  return XF_N_OPS;
}

static gboolean
check_at_place (XfCare               *self,
                XfOperation           op,
                const XfHardshipCase *hardship_case,
                GError              **error)
{
  return xf_registry_check_id (self->registry, op, hardship_case->pioneer_id, error);
}

/* The actor may take the case's next step: the permission at the
 * pioneer's place, and not the one who took the step before. */
static gboolean
check_next_step (XfCare               *self,
                 const XfHardshipCase *hardship_case,
                 GError              **error)
{
  const char *excluded;
  XfOperation op = next_step (hardship_case, &excluded);

  g_assert (op != XF_N_OPS);
  if (!check_at_place (self, op, hardship_case, error))
    return FALSE;
  if (excluded != NULL && g_strcmp0 (excluded, xf_repo_actor_login (&self->repo)) == 0)
    {
      const char *message = op == XF_OP_HARDSHIP_APPROVE
        ? _("The first approval needs someone other than the assessor")
        : _("The final approval needs someone other than the first approver");

      g_set_error_literal (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED, message);
      return FALSE;
    }
  return TRUE;
}

/* Inside a write: the case held, read again, in @status (or @or_status). */
static XfHardshipCase *
begin_step (XfCare      *self,
            gint64       case_id,
            Step         step,
            const char  *status,
            const char  *or_status,
            const char  *or_third,
            GError     **error)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;

  if (!xf_repo_lock (&self->repo, "hardship_cases", case_id, error)
      || (hardship_case = load_case (self, case_id, error)) == NULL)
    return NULL;
  if (!is_status (hardship_case->status, status) && !is_status (hardship_case->status, or_status)
      && !is_status (hardship_case->status, or_third))
    {
      set_wrong_status (error, step, hardship_case->status);
      return NULL;
    }
  return g_steal_pointer (&hardship_case);
}

/* What a step is given, checked where it is text. */
typedef struct
{
  Step         step;
  const char  *from[3];     /* the statuses it starts from */
  const char  *text;        /* the assessment, the reason, the voucher */
  gint64       amount;
  const char  *on;
} CaseArgs;

typedef gboolean (*CaseFunc) (XfCare               *self,
                              const XfHardshipCase *hardship_case,
                              const CaseArgs       *args,
                              GError              **error);

/* One write: the case held in one of @args->from, then @func (which
 * checks who may take the step). */
static gboolean
run_step (XfCare          *self,
          gint64           case_id,
          const CaseArgs  *args,
          CaseFunc         func,
          GError         **error)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  gboolean ok;

  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  ok = (hardship_case = begin_step (self, case_id, args->step, args->from[0], args->from[1], args->from[2],
                                    error)) != NULL
       && func (self, hardship_case, args, error);
  return _xf_care_end (self, ok, hardship_case != NULL ? hardship_case->pioneer_id : 0, error);
}

/* The case's status moved from what was read to @to, with the columns of
 * @sql's $4 … set by @bind. */
typedef void (*BindFunc) (XfDbStmt *stmt,
                          gpointer  data);

static gboolean
move_case (XfCare               *self,
           const XfHardshipCase *hardship_case,
           const char           *to,
           const char           *set_sql,
           BindFunc              bind,
           gpointer              data,
           GError              **error)
{
  g_autofree char *sql = g_strconcat ("UPDATE hardship_cases SET status = $1, updated_at = $2,"
                                      " version = version + 1", set_sql,
                                      " WHERE id = $3 AND status = $4", NULL);
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, sql, error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to);
  xf_db_stmt_bind_int64 (stmt, 2, xf_repo_now ());
  xf_db_stmt_bind_int64 (stmt, 3, hardship_case->id);
  xf_db_stmt_bind_text (stmt, 4, hardship_case->status);
  if (bind != NULL)
    bind (stmt, data);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->repo.db) != 1)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_CONFLICT,
                           _("The case was changed at another desk; look at it again"));
      return FALSE;
    }
  return TRUE;
}

/* $5 … of a step: the texts given, in order, then the amount when > 0. */
typedef struct
{
  const char *texts[3];
  gint64      amount;
} StepValues;

static void
bind_values (XfDbStmt *stmt,
             gpointer  data)
{
  const StepValues *values = data;
  int param = 5;

  for (guint i = 0; i < G_N_ELEMENTS (values->texts) && values->texts[i] != NULL; i++)
    xf_db_stmt_bind_text (stmt, param++, values->texts[i]);
  if (values->amount > 0)
    xf_db_stmt_bind_int64 (stmt, param, values->amount);
}

static gboolean
assess (XfCare               *self,
        const XfHardshipCase *hardship_case,
        const char           *assessment,
        gint64                amount,
        GError              **error)
{
  g_autofree char *today = xf_repo_today ();
  g_autofree char *amount_text = NULL;
  StepValues values = { { today, xf_repo_actor_login (&self->repo), assessment }, amount };

  if (!check_amount (_("Assessed amount"), amount, hardship_case->requested_amount, error))
    return FALSE;
  amount_text = xf_money_format (amount);
  return move_case (self, hardship_case, XF_CASE_ASSESSED,
                    ", assessed_on = $5, assessed_by = $6, assessment = $7, assessed_amount = $8",
                    bind_values, &values, error)
         && audit_status (self, hardship_case, XF_CASE_ASSESSED, NULL, error)
         && audit (self, hardship_case, XF_AUDIT_UPDATE, "assessed_amount", NULL, amount_text, error);
}


static gboolean
assess_step (XfCare               *self,
             const XfHardshipCase *hardship_case,
             const CaseArgs       *args,
             GError              **error)
{
  return check_at_place (self, XF_OP_CARE_MANAGE, hardship_case, error)
         && assess (self, hardship_case, args->text, args->amount, error);
}

gboolean
xf_care_assess_case (XfCare      *self,
                     gint64       case_id,
                     const char  *assessment,
                     gint64       assessed_amount,
                     GError     **error)
{
  g_autofree char *checked = NULL;
  CaseArgs args = { STEP_ASSESS, { XF_CASE_APPLIED }, NULL, assessed_amount, NULL };

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if ((checked = xf_repo_check_text (_("Assessment"), assessment, TRUE, MAX_ASSESSMENT, error)) == NULL)
    return FALSE;
  args.text = checked;
  return run_step (self, case_id, &args, assess_step, error);
}

static gboolean
approve_first (XfCare               *self,
               const XfHardshipCase *hardship_case,
               GError              **error)
{
  g_autofree char *today = xf_repo_today ();
  g_autofree char *amount = xf_money_format (hardship_case->assessed_amount);
  StepValues values = { { today, xf_repo_actor_login (&self->repo), NULL }, 0 };

  return move_case (self, hardship_case, XF_CASE_APPROVED_FIRST,
                    ", first_approved_on = $5, first_approved_by = $6", bind_values, &values, error)
         && audit_status (self, hardship_case, XF_CASE_APPROVED_FIRST, NULL, error)
         && audit (self, hardship_case, XF_AUDIT_APPROVE, "first", NULL, amount, error);
}

/* The year's limits of the case's programme and what its approved and
 * paid cases of that year hold (their grants, paid or not). */
typedef struct
{
  gint64 quota;       /* cases a year; 0: none */
  gint64 budget;      /* fen; 0: none */
  gint64 granted;     /* cases approved or paid */
  gint64 committed;   /* fen granted to them */
} YearLimits;

static gboolean
load_year_limits (XfCare               *self,
                  const XfHardshipCase *hardship_case,
                  YearLimits           *limits,
                  GError              **error)
{
  gint64 programme_id = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  /* The programme held: two final approvals of its year one after the other. */
  if (!xf_repo_query_int64 (&self->repo, "SELECT programme_id FROM hardship_cases WHERE id = $1",
                            hardship_case->id, &programme_id, error)
      || !xf_repo_lock (&self->repo, "care_programmes", programme_id, error)
      || (stmt = xf_repo_prepare (&self->repo,
            "SELECT COALESCE(g.yearly_quota, 0), COALESCE(g.yearly_budget, 0),"
            " (SELECT COUNT(*) FROM hardship_cases o WHERE o.programme_id = g.id AND o.year = $2"
            "  AND o.status IN ('approved', 'paid')),"
            " (SELECT COALESCE(SUM(o.granted_amount), 0) FROM hardship_cases o WHERE o.programme_id = g.id"
            "  AND o.year = $2 AND o.status IN ('approved', 'paid'))"
            " FROM care_programmes g WHERE g.id = $1", error)) == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, programme_id);
  xf_db_stmt_bind_int64 (stmt, 2, hardship_case->year);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      limits->quota = xf_db_stmt_column_int64 (stmt, 0);
      limits->budget = xf_db_stmt_column_int64 (stmt, 1);
      limits->granted = xf_db_stmt_column_int64 (stmt, 2);
      limits->committed = xf_db_stmt_column_int64 (stmt, 3);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ROW)
    return TRUE;
  if (step != XF_DB_STEP_ERROR)
    g_set_error_literal (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                         _("The hardship programme of the case does not exist"));
  return FALSE;
}

/* The grant fits the year's quota of cases and what is left of its budget. */
static gboolean
check_year_limits (XfCare               *self,
                   const XfHardshipCase *hardship_case,
                   gint64                granted,
                   GError              **error)
{
  YearLimits limits = { 0 };
  gint64 left;
  g_autofree char *amount = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *budget = NULL;

  if (!load_year_limits (self, hardship_case, &limits, error))
    return FALSE;
  if (limits.quota > 0 && limits.granted + 1 > limits.quota)
    {
      /* Translators: "Year:" names the field; a number of cases, then a year. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: the quota of %lld cases for %d is granted already"),
                   (long long) limits.quota, hardship_case->year);
      return FALSE;
    }
  left = limits.budget - limits.committed;
  if (limits.budget <= 0 || granted <= left)
    return TRUE;
  amount = xf_money_format (granted);
  left_text = xf_money_format (MAX (left, 0));
  budget = xf_money_format (limits.budget);
  /* Translators: "Granted amount:" names the field; an amount, what is
   * left, a year, then the year's budget. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Granted amount: %s is more than the %s left of the %d budget of %s"),
               amount, left_text, hardship_case->year, budget);
  return FALSE;
}

static gboolean
approve_final (XfCare               *self,
               const XfHardshipCase *hardship_case,
               gint64                granted,
               GError              **error)
{
  g_autofree char *today = xf_repo_today ();
  g_autofree char *amount = NULL;
  StepValues values = { { today, xf_repo_actor_login (&self->repo), NULL }, 0 };

  if (granted == 0)
    granted = hardship_case->assessed_amount;
  if (!check_amount (_("Granted amount"), granted, hardship_case->assessed_amount, error)
      || !check_year_limits (self, hardship_case, granted, error))
    return FALSE;
  amount = xf_money_format (granted);
  values.amount = granted;
  return move_case (self, hardship_case, XF_CASE_APPROVED,
                    ", approved_on = $5, approved_by = $6, granted_amount = $7",
                    bind_values, &values, error)
         && audit_status (self, hardship_case, XF_CASE_APPROVED, NULL, error)
         && audit (self, hardship_case, XF_AUDIT_APPROVE, "final", NULL, amount, error)
         && _xf_care_set_hardship_flag (self, hardship_case->pioneer_id, today, error);
}

static gboolean
approve (XfCare               *self,
         const XfHardshipCase *hardship_case,
         const CaseArgs       *args,
         GError              **error)
{
  if (!check_next_step (self, hardship_case, error))
    return FALSE;
  if (is_status (hardship_case->status, XF_CASE_ASSESSED))
    return approve_first (self, hardship_case, error);
  return approve_final (self, hardship_case, args->amount, error);
}

gboolean
xf_care_approve_case (XfCare      *self,
                      gint64       case_id,
                      gint64       granted_amount,
                      GError     **error)
{
  CaseArgs args = { STEP_APPROVE, { XF_CASE_ASSESSED, XF_CASE_APPROVED_FIRST }, NULL, granted_amount, NULL };

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return run_step (self, case_id, &args, approve, error);
}


static gboolean
close_case (XfCare               *self,
            const XfHardshipCase *hardship_case,
            const char           *to,
            const char           *reason,
            GError              **error)
{
  StepValues values = { { reason, NULL, NULL }, 0 };

  return move_case (self, hardship_case, to, ", reject_reason = $5",
                    bind_values, &values, error)
         && audit_status (self, hardship_case, to, reason, error);
}

static gboolean
reject_step (XfCare               *self,
             const XfHardshipCase *hardship_case,
             const CaseArgs       *args,
             GError              **error)
{
  return check_next_step (self, hardship_case, error)
         && close_case (self, hardship_case, XF_CASE_REJECTED, args->text, error);
}

static gboolean
withdraw_step (XfCare               *self,
               const XfHardshipCase *hardship_case,
               const CaseArgs       *args,
               GError              **error)
{
  return check_at_place (self, XF_OP_CARE_MANAGE, hardship_case, error)
         && close_case (self, hardship_case, XF_CASE_WITHDRAWN, args->text, error);
}

/* Rejecting or withdrawing, with a reason. */
static gboolean
end_case (XfCare      *self,
          gint64       case_id,
          const char  *reason,
          gboolean     reject,
          GError     **error)
{
  g_autofree char *checked = NULL;
  CaseArgs args = { reject ? STEP_REJECT : STEP_WITHDRAW,
                    { XF_CASE_APPLIED, XF_CASE_ASSESSED, reject ? XF_CASE_APPROVED_FIRST : NULL },
                    NULL, 0, NULL };

  if ((checked = xf_repo_check_text (_("Reason"), reason, TRUE, MAX_REASON, error)) == NULL)
    return FALSE;
  args.text = checked;
  return run_step (self, case_id, &args, reject ? reject_step : withdraw_step, error);
}

gboolean
xf_care_reject_case (XfCare      *self,
                     gint64       case_id,
                     const char  *reason,
                     GError     **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return end_case (self, case_id, reason, TRUE, error);
}

gboolean
xf_care_withdraw_case (XfCare      *self,
                       gint64       case_id,
                       const char  *reason,
                       GError     **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  return end_case (self, case_id, reason, FALSE, error);
}



/*
 * Payments
 */

static gboolean
check_paid_on (const XfHardshipCase *hardship_case,
               const char           *paid_on,
               GError              **error)
{
  g_autofree char *today = xf_repo_today ();

  if (!xf_repo_check_date (_("Paid on"), paid_on, TRUE, error))
    return FALSE;
  if (g_strcmp0 (paid_on, today) > 0)
    {
      /* Translators: "Paid on:" names the field; %s is a date. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Paid on: %s is in the future"), paid_on);
      return FALSE;
    }
  if (g_strcmp0 (paid_on, hardship_case->approved_on) < 0)
    {
      /* Translators: "Paid on:" names the field; two dates. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Paid on: %s is before the approval on %s"),
                   paid_on, hardship_case->approved_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_payment (XfCare               *self,
                const XfHardshipCase *hardship_case,
                const char           *paid_on,
                gint64                amount,
                const char           *reference,
                GError              **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO hardship_payments (case_id, paid_on, amount, reference, recorded_by, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, hardship_case->id);
  xf_db_stmt_bind_text (stmt, 2, paid_on);
  xf_db_stmt_bind_int64 (stmt, 3, amount);
  xf_db_stmt_bind_text (stmt, 4, reference);
  xf_db_stmt_bind_text (stmt, 5, xf_repo_actor_name (&self->repo));
  xf_db_stmt_bind_int64 (stmt, 6, xf_repo_now ());
  return xf_db_stmt_run (stmt, error);
}

static gboolean
write_record (XfCare               *self,
              const XfHardshipCase *hardship_case,
              const char           *paid_on,
              gint64                amount,
              const char           *reference,
              GError              **error)
{
  g_autoptr(XfCareRecord) record = xf_care_record_new ();

  record->pioneer_id = hardship_case->pioneer_id;
  record->programme_code = g_strdup (hardship_case->programme_code);
  record->on_date = g_strdup (paid_on);
  record->amount = amount;
  record->case_id = hardship_case->id;
  record->note = g_strdup (reference);
  return _xf_care_insert_record (self, record, error) > 0;
}

static gboolean
pay (XfCare               *self,
     const XfHardshipCase *hardship_case,
     const char           *paid_on,
     gint64                amount,
     const char           *reference,
     GError              **error)
{
  gint64 left = hardship_case->granted_amount - hardship_case->paid_amount;
  g_autofree char *amount_text = NULL;
  g_autofree char *value = NULL;

  if (!check_paid_on (hardship_case, paid_on, error)
      || !check_amount (_("Amount"), amount, left, error))
    return FALSE;
  amount_text = xf_money_format (amount);
  /* The audit trail's own wording (xf-audit.h), not a message. */
  value = g_strdup_printf ("%s on %s (voucher %s)", amount_text, paid_on, reference);
  if (!insert_payment (self, hardship_case, paid_on, amount, reference, error)
      || !write_record (self, hardship_case, paid_on, amount, reference, error)
      || !audit (self, hardship_case, XF_AUDIT_PAYMENT, NULL, NULL, value, error))
    return FALSE;
  return amount < left
         || (move_case (self, hardship_case, XF_CASE_PAID, "", NULL, NULL, error)
             && audit_status (self, hardship_case, XF_CASE_PAID, NULL, error));
}

static gboolean
pay_step (XfCare               *self,
          const XfHardshipCase *hardship_case,
          const CaseArgs       *args,
          GError              **error)
{
  return check_at_place (self, XF_OP_CARE_MANAGE, hardship_case, error)
         && pay (self, hardship_case, args->on, args->amount, args->text, error);
}

gboolean
xf_care_record_payment (XfCare      *self,
                        gint64       case_id,
                        const char  *paid_on,
                        gint64       amount,
                        const char  *reference,
                        GError     **error)
{
  g_autofree char *checked = NULL;
  CaseArgs args = { STEP_PAY, { XF_CASE_APPROVED }, NULL, amount, paid_on };

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if ((checked = xf_repo_check_text (_("Reference"), reference, TRUE, MAX_REFERENCE, error)) == NULL)
    return FALSE;
  args.text = checked;
  return run_step (self, case_id, &args, pay_step, error);
}


/*
 * What the actor may do
 */

static gboolean
allows_case (XfCare               *self,
             XfOperation           op,
             const XfHardshipCase *hardship_case)
{
  return xf_registry_check_id (self->registry, op, hardship_case->pioneer_id, NULL);
}

GStrv
xf_care_case_allowed_actions (XfCare               *self,
                              const XfHardshipCase *hardship_case)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *status, *excluded;
  gboolean next, manage;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);
  g_return_val_if_fail (hardship_case != NULL, NULL);

  status = hardship_case->status;
  next = next_step (hardship_case, &excluded) != XF_N_OPS && check_next_step (self, hardship_case, NULL);
  manage = allows_case (self, XF_OP_CARE_MANAGE, hardship_case);
  if (is_status (status, XF_CASE_APPLIED) && next)
    g_strv_builder_add (builder, "assess");
  if (is_status (status, XF_CASE_ASSESSED) && next)
    g_strv_builder_add (builder, "approve-first");
  if (is_status (status, XF_CASE_APPROVED_FIRST) && next)
    g_strv_builder_add (builder, "approve");
  if (next)
    g_strv_builder_add (builder, "reject");
  if ((is_status (status, XF_CASE_APPLIED) || is_status (status, XF_CASE_ASSESSED)) && manage)
    g_strv_builder_add (builder, "withdraw");
  if (is_status (status, XF_CASE_APPROVED) && manage)
    g_strv_builder_add (builder, "pay");
  return g_strv_builder_end (builder);
}
