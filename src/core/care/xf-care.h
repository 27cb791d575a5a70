/* xf-care.h — care for the pioneers (服): programmes, eligibility, batches,
 *             records, hardship support, visits, the calendar, reports
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-care-batch.h"
#include "xf-care-programme.h"
#include "xf-care-report.h"
#include "xf-care-rules.h"
#include "xf-care-visit.h"
#include "xf-hardship-case.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCare keeps its own statements on the registry's database and acts as
 * the registry's actor. Every write is one transaction (a savepoint inside
 * a caller's), is audited (record types in xf-audit.h), and emits
 * ::changed (gint64 pioneer_id, 0 when not about one person) after commit.
 *
 * Permissions (xf-permission.h):
 *   - reading programmes, eligibility, batches, visits, the calendar,
 *     reports and histories: REGISTRY_READ (everyone);
 *   - the catalogue: CARE_CATALOGUE (administrators);
 *   - batches: CARE_MANAGE somewhere to create, invite, close, cancel;
 *     a member's answer, attendance, adding or removing: CARE_MANAGE at
 *     that pioneer's place;
 *   - care records, care profiles, visits: CARE_MANAGE at the pioneer's place;
 *   - hardship: apply, assess, withdraw, pay: CARE_MANAGE at the pioneer's
 *     place; first approval HARDSHIP_APPROVE there, by another account
 *     than the assessor; final approval HARDSHIP_DECIDE, by another
 *     account than the first approver. Circumstances and income are plain
 *     only with HARDSHIP_VIEW at the pioneer's place.
 * Refusals: XF_ERROR_PERMISSION_DENIED; bad input XF_ERROR_INVALID naming
 * the field ("Places: …"); a step not allowed now XF_ERROR_WORKFLOW
 * ("Cannot send invitations of a batch that is closed"); a stale version
 * XF_ERROR_CONFLICT.
 *
 * Dates are YYYY-MM-DD; "today" follows $XIANFENG_TODAY (tests, demo).
 */

#define XF_TYPE_CARE (xf_care_get_type ())

G_DECLARE_FINAL_TYPE (XfCare, xf_care, XF, CARE, GObject)

XfCare     *xf_care_new          (XfRegistry *registry);
XfRegistry *xf_care_get_registry (XfCare     *self);
XfAccount  *xf_care_get_actor    (XfCare     *self);

/* ── Programmes (xf-care-programmes.c) ───────────────────────────────── */

/* (element-type XfCareProgramme) by position. The first read of an empty
 * catalogue seeds it from data/reference/care-programmes.json (one write,
 * audited as "seed"). */
GPtrArray       *xf_care_list_programmes (XfCare      *self,
                                          gboolean     include_inactive,
                                          GError     **error);
/* By code; XF_ERROR_NOT_FOUND "Care programme “x” does not exist". */
XfCareProgramme *xf_care_get_programme   (XfCare      *self,
                                          const char  *code,
                                          GError     **error);
/* Inserts (id 0) or updates (version checked) a programme: code
 * [a-z0-9-]{2,40} unique and fixed, kind known, both names required,
 * quota ≥ 0, budget ≥ 0, unit cost ≥ 0, interval 1..10, organisation a
 * known code. Audited field by field. Returns the id, 0 on error. */
gint64           xf_care_save_programme  (XfCare      *self,
                                          const XfCareProgramme *programme,
                                          GError     **error);

/* ── Eligibility, gaps, saved views (xf-care-eligibility.c) ──────────── */

/* Everyone meeting @programme_code's rules on @reference_on (NULL:
 * today), within @region_prefix (NULL: everywhere), by region then name
 * (element-type XfCareEligible). Streams the registry in pages: 100,000
 * pioneers take well under a second or two. */
GPtrArray *xf_care_list_eligible (XfCare      *self,
                                  const char  *programme_code,
                                  const char  *reference_on,
                                  const char  *region_prefix,
                                  GError     **error);
/* Whether one pioneer is eligible; when not, *reason says the first rule
 * failed (see xf_care_rules_match). FALSE with @error on failure. */
gboolean   xf_care_check_eligible (XfCare     *self,
                                  const char  *programme_code,
                                  gint64       pioneer_id,
                                  const char  *reference_on,
                                  gboolean    *eligible,
                                  char       **reason,
                                  GError     **error);
/* The eligible with no care record of the programme in the @gap_years
 * years up to @reference_on (never served counts), oldest gap first. */
GPtrArray *xf_care_list_gaps     (XfCare      *self,
                                  const char  *programme_code,
                                  int          gap_years,
                                  const char  *reference_on,
                                  const char  *region_prefix,
                                  GError     **error);
/* (element-type XfCareView): shared views and the actor's own. The first
 * read seeds the shared "No health check for two years" and "No
 * recuperation trip for five years". */
GPtrArray *xf_care_list_views    (XfCare      *self,
                                  GError     **error);
/* Saves a view (CARE_MANAGE somewhere; name required, gap 1..20 years);
 * returns the id. */
gint64     xf_care_save_view     (XfCare      *self,
                                  const XfCareView *view,
                                  GError     **error);
gboolean   xf_care_remove_view   (XfCare      *self,
                                  gint64       view_id,
                                  GError     **error);

/* ── Profiles, records, history (xf-care-records.c) ──────────────────── */

/* The care profile (a default one, version 0, when never saved). */
XfCareProfile *xf_care_get_profile (XfCare     *self,
                                    gint64      pioneer_id,
                                    GError    **error);
/* Retired-on a date not in the future, or none; the hardship flag (its
 * since-date is today when it is set now). Audited field by field. */
gboolean   xf_care_save_profile    (XfCare     *self,
                                    const XfCareProfile *profile,
                                    GError    **error);
/* Records care given by hand (a health check done on a date): an active
 * programme, a date not in the future, amount ≥ 0. Returns the id. */
gint64     xf_care_add_record      (XfCare     *self,
                                    const XfCareRecord *record,
                                    GError    **error);
/* (element-type XfCareRecord) newest first; @pioneer_id 0: anyone;
 * @programme_code NULL: any; @year 0: any. */
GPtrArray *xf_care_list_records    (XfCare     *self,
                                    gint64      pioneer_id,
                                    const char *programme_code,
                                    int         year,
                                    GError    **error);
/* A pioneer's care history, newest first (element-type XfCareHistoryItem). */
GPtrArray *xf_care_history         (XfCare     *self,
                                    gint64      pioneer_id,
                                    GError    **error);

/* ── Batches (xf-care-batches.c) ──────────────────────────────────────── */

/* (element-type XfCareBatch, counts filled, members not) newest first. */
GPtrArray   *xf_care_list_batches   (XfCare      *self,
                                     const char  *programme_code,
                                     int          year,
                                     GError     **error);
XfCareBatch *xf_care_get_batch      (XfCare      *self,
                                     gint64       batch_id,
                                     GError     **error);
/* A new draft batch: an active programme, title, reference date, places
 * ≥ 1, year = the reference date's year unless given. Refused when the
 * places of the programme's batches that year (not cancelled) would pass
 * its yearly quota ("Places: the quota for 2026 is 200 and other batches
 * hold 180; at most 20"), or places × unit cost would pass what is left
 * of its yearly budget. The list is filled with everyone eligible on the
 * reference date (status listed). Returns the id. */
gint64       xf_care_create_batch   (XfCare      *self,
                                     const XfCareBatch *batch,
                                     GError     **error);
/* Title, dates, place, notes, places (not below the places taken; quota
 * and budget as above); version checked. Draft or inviting only. */
gboolean     xf_care_update_batch   (XfCare      *self,
                                     const XfCareBatch *batch,
                                     GError     **error);
/* Adds a pioneer to a draft or inviting batch (invited at once when
 * inviting). One not eligible on the reference date needs an
 * @override_reason, else XF_ERROR_INVALID with the rule failed. */
gboolean     xf_care_add_member     (XfCare      *self,
                                     gint64       batch_id,
                                     gint64       pioneer_id,
                                     const char  *override_reason,
                                     GError     **error);
/* listed or invited → removed, with a reason when inviting. */
gboolean     xf_care_remove_member  (XfCare      *self,
                                     gint64       batch_id,
                                     gint64       pioneer_id,
                                     const char  *reason,
                                     GError     **error);
/* draft → inviting: every listed member → invited (invited_on today).
 * A batch with nobody listed is refused. */
gboolean     xf_care_send_invitations (XfCare    *self,
                                     gint64       batch_id,
                                     GError     **error);
/* An invited (or waitlisted) member's answer, while inviting: accept →
 * accepted when a place is free, else waitlisted (in answer order);
 * decline → declined (reason required). An accepted member who declines
 * frees the place: the first waitlisted becomes accepted. */
gboolean     xf_care_answer         (XfCare      *self,
                                     gint64       batch_id,
                                     gint64       pioneer_id,
                                     gboolean     accept,
                                     const char  *reason,
                                     GError     **error);
/* accepted → attended (a care record dated the batch's start, or today,
 * with the batch's unit cost) or absent; attended ↔ absent corrects it
 * (the record goes with it). While inviting. */
gboolean     xf_care_record_attendance (XfCare   *self,
                                     gint64       batch_id,
                                     gint64       pioneer_id,
                                     gboolean     attended,
                                     GError     **error);
/* inviting → closed. Refused while an accepted member has no attendance
 * ("Attendance: 3 accepted members have none yet"); invited members who
 * never answered become declined ("no answer"). */
gboolean     xf_care_close_batch    (XfCare      *self,
                                     gint64       batch_id,
                                     GError     **error);
/* draft or inviting → cancelled (reason required); nobody attended yet. */
gboolean     xf_care_cancel_batch   (XfCare      *self,
                                     gint64       batch_id,
                                     const char  *reason,
                                     GError     **error);
/* What the actor may do with the batch now: "edit", "add-member",
 * "remove-member" (someone listed or invited to take off), "invite",
 * "answer", "attendance", "close", "cancel" (NULL-terminated). */
GStrv        xf_care_batch_allowed_actions (XfCare *self,
                                     const XfCareBatch *batch);

/* ── Hardship support (xf-care-hardship.c) ───────────────────────────── */

typedef struct
{
  const char *status;          /* NULL: any; an XF_CASE_*, or "open" (applied … approved, not paid) */
  int         year;            /* 0: any */
  const char *region_prefix;   /* NULL: any */
  gint64      pioneer_id;      /* 0: any */
  const char *text;            /* NULL: in the pioneer's name */
} XfHardshipQuery;

/* (element-type XfHardshipCase, payments not filled) newest first. */
GPtrArray      *xf_care_list_cases  (XfCare      *self,
                                     const XfHardshipQuery *query,
                                     GError     **error);
XfHardshipCase *xf_care_get_case    (XfCare      *self,
                                     gint64       case_id,
                                     GError     **error);
/* A new application: an active pioneer, a category, circumstances (≤ 4000
 * characters), requested amount > 0 and ≤ ¥100,000, household income ≥ 0
 * or unknown, year (0: this year). One open case (applied … approved, not
 * yet paid) a pioneer: else XF_ERROR_DUPLICATE "Pioneer: 王建国 already
 * has an open case, applied on 2026-03-02". Returns the id. */
gint64   xf_care_apply_hardship     (XfCare      *self,
                                     const XfHardshipCase *hardship_case,
                                     GError     **error);
/* applied → assessed: the assessment (required) and the amount proposed
 * (> 0, ≤ requested). */
gboolean xf_care_assess_case        (XfCare      *self,
                                     gint64       case_id,
                                     const char  *assessment,
                                     gint64       assessed_amount,
                                     GError     **error);
/* assessed → approved-first (HARDSHIP_APPROVE, not the assessor), or
 * approved-first → approved (HARDSHIP_DECIDE, not the first approver):
 * @granted_amount (> 0, ≤ assessed; ignored at the first step) becomes
 * the grant, and the pioneer's hardship flag is set. The final approval
 * keeps the case's year within the programme's yearly quota of cases and
 * budget (the grants of the year's approved and paid cases, paid or not):
 * else XF_ERROR_INVALID naming the amount and what is left. */
gboolean xf_care_approve_case       (XfCare      *self,
                                     gint64       case_id,
                                     gint64       granted_amount,
                                     GError     **error);
/* applied, assessed or approved-first → rejected (reason required) by
 * whoever may take the case's next step. */
gboolean xf_care_reject_case        (XfCare      *self,
                                     gint64       case_id,
                                     const char  *reason,
                                     GError     **error);
/* applied or assessed → withdrawn (reason required). */
gboolean xf_care_withdraw_case      (XfCare      *self,
                                     gint64       case_id,
                                     const char  *reason,
                                     GError     **error);
/* An approved case's payment (recorded, not transferred): a date not in
 * the future and not before approval, amount > 0 and ≤ what remains of
 * the grant, the voucher reference. Writes a care record; when payments
 * reach the grant the case becomes paid. */
gboolean xf_care_record_payment     (XfCare      *self,
                                     gint64       case_id,
                                     const char  *paid_on,
                                     gint64       amount,
                                     const char  *reference,
                                     GError     **error);
/* "assess", "approve-first", "approve", "reject", "withdraw", "pay"
 * (NULL-terminated) for the actor now. */
GStrv    xf_care_case_allowed_actions (XfCare    *self,
                                     const XfHardshipCase *hardship_case);

/* ── Visits and the calendar (xf-care-visits.c, xf-care-calendar.c) ──── */

/* (element-type XfCareVisit) by date; @from/@to NULL: open-ended;
 * @pioneer_id 0: anyone; @status NULL: any; @region_prefix NULL or "":
 * anywhere, else the pioneers whose region code starts with it. */
GPtrArray *xf_care_list_visits      (XfCare      *self,
                                     const char  *from,
                                     const char  *to,
                                     gint64       pioneer_id,
                                     const char  *status,
                                     const char  *region_prefix,
                                     GError     **error);
XfCareVisit *xf_care_get_visit      (XfCare      *self,
                                     gint64       visit_id,
                                     GError     **error);
/* Plans (id 0) or changes (version checked, planned only) a visit: an
 * active pioneer, a purpose, a date not in the past when new, HH:MM or
 * "", assignees required, programme NULL or active. Returns the id. */
gint64   xf_care_save_visit         (XfCare      *self,
                                     const XfCareVisit *visit,
                                     GError     **error);
/* planned → done on @done_on (not in the future) with notes (required)
 * and an amount ≥ 0; writes a care record when the visit has a programme. */
gboolean xf_care_complete_visit     (XfCare      *self,
                                     gint64       visit_id,
                                     const char  *done_on,
                                     const char  *notes,
                                     gint64       amount,
                                     GError     **error);
gboolean xf_care_cancel_visit       (XfCare      *self,
                                     gint64       visit_id,
                                     const char  *reason,
                                     GError     **error);
/* The care calendar from @from to @to (at most 366 days) within
 * @region_prefix: round birthdays, honour anniversaries, health checks
 * due, planned visits and batch dates (element-type XfCareCalendarItem)
 * by date then kind. remind_on: @remind_days working days before the
 * date (xf-calendar.h). */
GPtrArray *xf_care_calendar         (XfCare      *self,
                                     const char  *from,
                                     const char  *to,
                                     const char  *region_prefix,
                                     guint        remind_days,
                                     GError     **error);
/* The calendar items whose reminder is due at @now: remind_on ≤ today ≤
 * date, and @now is in working time (xf_deadline_is_working_time: an
 * official working day, 08:30–12:00 or 13:30–17:30); outside it, an empty
 * array. Only items the actor acts on: CARE_MANAGE at the pioneer's place
 * (anywhere, for a batch). */
GPtrArray *xf_care_due_reminders    (XfCare      *self,
                                     GDateTime   *now,
                                     guint        remind_days,
                                     GError     **error);

/* ── Reports (xf-care-reports.c) ─────────────────────────────────────── */

XfCareReport *xf_care_report        (XfCare      *self,
                                     int          year,
                                     GError     **error);

G_END_DECLS
