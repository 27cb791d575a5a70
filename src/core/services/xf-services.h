/* xf-services.h — the services repository: catalogue, offers, requests,
 *                 claims, dispatch, feedback, apprenticeships, activities
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-calendar.h"
#include "xf-registry.h"
#include "xf-service.h"

G_BEGIN_DECLS

/*
 * XfServices keeps its own statements on the registry's database and acts
 * as the registry's actor. Every write is one transaction (a savepoint
 * inside a caller's), is audited, and emits ::changed after commit.
 *
 * Permissions (xf-permission.h):
 *   - the catalogue: SERVICE_CATALOGUE (administrators);
 *   - offers: PIONEER_EDIT or SERVICE_DISPATCH at the pioneer's place;
 *   - entering a request: REQUEST_EDIT or SERVICE_DISPATCH at the request's
 *     region (the public channel's import runs as the CLI's actor);
 *   - claims, bookings' answers, assignments, progress, feedback,
 *     follow-ups, apprenticeships and activities: SERVICE_DISPATCH at the
 *     request's region (activities, apprenticeships: the pioneer's place);
 *   - the portal's public actor (xf_account_new_public) with PUBLIC_SUBMIT
 *     enters a request on channel XF_REQUEST_CHANNEL_PORTAL only (no
 *     source_id) and rates a done request (xf_services_rate), through the
 *     same validation and audit; everything else is refused to it, and it
 *     reads contacts masked;
 *   - the requester's, apprentice's and participants' contacts are
 *     personal data: plain only with PERSONAL_VIEW or SERVICE_DISPATCH at
 *     the record's region, else masked.
 * Refusals: XF_ERROR_PERMISSION_DENIED; bad input XF_ERROR_INVALID naming
 * the field ("Contact: …"); a step not allowed in the current status
 * XF_ERROR_WORKFLOW ("Cannot start a request that is open"); a lost claim
 * or a stale version XF_ERROR_CONFLICT ("Already claimed by 王建国").
 */

#define XF_TYPE_SERVICES (xf_services_get_type ())

G_DECLARE_FINAL_TYPE (XfServices, xf_services, XF, SERVICES, GObject)

XfServices *xf_services_new          (XfRegistry *registry);
XfRegistry *xf_services_get_registry (XfServices *self);
XfAccount  *xf_services_get_actor    (XfServices *self);
XfCalendar *xf_services_get_calendar (XfServices *self);

/* ── Catalogue (xf-services-catalogue.c) ─────────────────────────────── */

/* (element-type XfServiceItem) by group (common prosperity first), then
 * position. The first read of an empty catalogue seeds it from
 * data/reference/services.json (one transaction, audited as "seed"). */
GPtrArray     *xf_services_list_items (XfServices  *self,
                                       gboolean     include_inactive,
                                       GError     **error);
XfServiceItem *xf_services_get_item   (XfServices  *self,
                                       const char  *code,
                                       GError     **error);
/* Inserts (id 0) or updates (version checked) an item; the code is
 * lower-case letters, digits and '-', unique and fixed once created;
 * names required; response amount 1..720 hours or 1..60 days. Returns
 * the id, 0 on error. */
gint64         xf_services_save_item  (XfServices  *self,
                                       const XfServiceItem *item,
                                       GError     **error);

/* ── Offers (xf-services-offers.c) ───────────────────────────────────── */

/* (element-type XfServiceOffer) @pioneer_id 0: all; @item_code NULL: all. */
GPtrArray *xf_services_list_offers  (XfServices  *self,
                                     gint64       pioneer_id,
                                     const char  *item_code,
                                     GError     **error);
/* Inserts (id 0) or updates an offer of an active pioneer for an active
 * item (one per pioneer and item); regions valid codes; capacity 1..100.
 * Returns the id, 0 on error. */
gint64     xf_services_save_offer   (XfServices  *self,
                                     const XfServiceOffer *offer,
                                     GError     **error);
gboolean   xf_services_remove_offer (XfServices  *self,
                                     gint64       offer_id,
                                     GError     **error);

/* ── Requests (xf-services-requests.c) ───────────────────────────────── */

typedef struct
{
  const char *status;        /* NULL: any; an XF_REQUEST_*, "active" (not final) or "unclaimed" (open or booked) */
  const char *item_code;     /* NULL: any */
  const char *region_code;   /* NULL: any; a prefix ("3305" covers its counties) */
  gint64      pioneer_id;    /* 0: any; else booked for or claimed by */
  int         min_age_days;  /* 0: any; else created at least this many days ago */
  gboolean    overdue_only;  /* unclaimed past the response time */
  gboolean    follow_up_only; /* with an open complaint follow-up */
  const char *text;          /* NULL: any; in requester, description, place, code */
  guint       limit;         /* 0: no limit */
} XfServiceRequestQuery;

/* (element-type XfServiceRequest) newest first; overdue ones first when
 * status is "unclaimed". events/feedback not filled. */
GPtrArray        *xf_services_list_requests (XfServices  *self,
                                             const XfServiceRequestQuery *query,
                                             GError     **error);
/* The request with its timeline and feedback. */
XfServiceRequest *xf_services_get_request   (XfServices  *self,
                                             gint64       request_id,
                                             GError     **error);
/* By id ("42"), public code or uid; 0 with XF_ERROR_NOT_FOUND. */
gint64            xf_services_find_request  (XfServices  *self,
                                             const char  *reference,
                                             GError     **error);
/* Validates and stores a new request (requester name, contact — a mobile,
 * phone or e-mail —, an active item, a known region, description; needed_by
 * a date not in the past; booked_pioneer_id an active pioneer with an
 * available offer of the item). Status open, or booked when booked; sets
 * uid, code and response_due_at (the item's response time from now in
 * working hours or days); the channel and source_id are taken from
 * @request (a source_id seen before: XF_ERROR_EXISTS). Returns the id. */
gint64            xf_services_create_request (XfServices *self,
                                             const XfServiceRequest *request,
                                             GError     **error);
/* The response deadline of a request for @item created at @created_at
 * (UTC µs): working hours or working days after it. */
gint64            xf_services_response_due   (XfServices *self,
                                             const XfServiceItem *item,
                                             gint64       created_at);
/* Unclaimed requests past their response time (the dispatcher's badge). */
guint             xf_services_count_overdue  (XfServices  *self,
                                             GError     **error);
/* Unclaimed requests whose needed_by has passed → expired (one
 * transaction); returns how many, -1 on error. */
int               xf_services_expire_due     (XfServices  *self,
                                             GError     **error);

/* ── Claims and progress (xf-services-claims.c) ──────────────────────── */

/* 抢单: the first valid claim wins. Valid: the request is open (not
 * booked), the pioneer is active, has an available offer of the item and
 * is under that offer's monthly capacity (requests of the same item
 * claimed this calendar month, not cancelled: the offer's
 * load_this_month; requests of other items count against their own
 * offers). Atomic on both backends (one conditional
 * UPDATE … WHERE status = 'open'); a later claim fails with
 * XF_ERROR_CONFLICT "Already claimed by NAME". Every attempt is logged in
 * service_claims, won or lost. */
gboolean xf_services_claim            (XfServices  *self,
                                       gint64       request_id,
                                       gint64       pioneer_id,
                                       GError     **error);
/* A booking's pioneer accepts (booked → claimed) or declines with a
 * reason (booked → open, for anyone to claim). A booking nobody answers
 * is unclaimed: past its response time it is overdue like an open
 * request. A decline keeps response_due_at: the response time is the
 * requester's wait from the order, so a late decline is flagged at once. */
gboolean xf_services_accept_booking   (XfServices  *self,
                                       gint64       request_id,
                                       GError     **error);
gboolean xf_services_decline_booking  (XfServices  *self,
                                       gint64       request_id,
                                       const char  *reason,
                                       GError     **error);
/* The dispatcher assigns an unclaimed request to an active pioneer (the
 * same conditional update; capacity is not checked: the dispatcher
 * decides). */
gboolean xf_services_assign           (XfServices  *self,
                                       gint64       request_id,
                                       gint64       pioneer_id,
                                       GError     **error);
/* claimed → in-progress */
gboolean xf_services_start            (XfServices  *self,
                                       gint64       request_id,
                                       GError     **error);
/* claimed or in-progress → done; the note is required. */
gboolean xf_services_complete         (XfServices  *self,
                                       gint64       request_id,
                                       const char  *note,
                                       GError     **error);
/* Any status before a final one → cancelled; the reason is required. */
gboolean xf_services_cancel           (XfServices  *self,
                                       gint64       request_id,
                                       const char  *reason,
                                       GError     **error);
/* What the actor may do with the request now: "claim", "assign",
 * "accept", "decline", "start", "complete", "cancel", "rate",
 * "close-follow-up" (NULL-terminated, transfer full). */
GStrv    xf_services_allowed_actions  (XfServices  *self,
                                       const XfServiceRequest *request);

/* ── Dispatch (xf-services-match.c) ──────────────────────────────────── */

/* The pioneers best suited to an unclaimed request (element-type
 * XfServiceMatch), best first, at most @limit. Candidates: active
 * pioneers with an available offer of the request's item. */
GPtrArray *xf_services_suggest (XfServices  *self,
                                gint64       request_id,
                                guint        limit,
                                GError     **error);

/* ── Feedback (xf-services-feedback.c) ───────────────────────────────── */

/* Once, on a done request: rating 0 (none) or 1..5, liked, comment
 * (≤ 1000 chars), complaint (a non-empty complaint opens a follow-up).
 * At least a rating, a like or a comment. */
gboolean xf_services_rate             (XfServices  *self,
                                       gint64       request_id,
                                       const XfServiceFeedback *feedback,
                                       GError     **error);
/* The dispatcher closes a complaint's follow-up with a note. */
gboolean xf_services_close_follow_up  (XfServices  *self,
                                       gint64       request_id,
                                       const char  *note,
                                       GError     **error);
/* Mean rating and the number of ratings of @pioneer_id's done requests
 * (0 and 0 when none). */
gboolean xf_services_pioneer_rating   (XfServices  *self,
                                       gint64       pioneer_id,
                                       double      *mean,
                                       guint       *count,
                                       GError     **error);

/* ── Apprenticeships (xf-services-apprenticeships.c) ─────────────────── */

/* (element-type XfApprenticeship) @pioneer_id 0: all; @status NULL: any. */
GPtrArray        *xf_services_list_apprenticeships (XfServices *self,
                                                    gint64      pioneer_id,
                                                    const char *status,
                                                    GError    **error);
XfApprenticeship *xf_services_get_apprenticeship   (XfServices *self,
                                                    gint64      apprenticeship_id,
                                                    GError    **error);
/* A new request (我要拜师) to an active individual pioneer: apprentice name
 * and goal required; requested_on today. Returns the id. */
gint64   xf_services_request_apprenticeship  (XfServices *self,
                                              const XfApprenticeship *apprenticeship,
                                              GError    **error);
/* requested → accepted with a plan (required) and its end date (a future
 * date), or → declined with a reason. */
gboolean xf_services_accept_apprenticeship   (XfServices *self,
                                              gint64      apprenticeship_id,
                                              const char *plan,
                                              const char *ends_on,
                                              GError    **error);
gboolean xf_services_decline_apprenticeship  (XfServices *self,
                                              gint64      apprenticeship_id,
                                              const char *reason,
                                              GError    **error);
/* Accepted only: a dated note (not in the future, not before acceptance). */
gboolean xf_services_add_check_in            (XfServices *self,
                                              gint64      apprenticeship_id,
                                              const char *on_date,
                                              const char *note,
                                              GError    **error);
/* accepted → completed with a note. */
gboolean xf_services_complete_apprenticeship (XfServices *self,
                                              gint64      apprenticeship_id,
                                              const char *note,
                                              GError    **error);

/* ── Activities (xf-services-activities.c) ───────────────────────────── */

/* (element-type XfActivity) @pioneer_id 0: all; @kind NULL: both; newest first. */
GPtrArray  *xf_services_list_activities (XfServices *self,
                                         gint64      pioneer_id,
                                         const char *kind,
                                         GError    **error);
XfActivity *xf_services_get_activity    (XfServices *self,
                                         gint64      activity_id,
                                         GError    **error);
/* A planned activity of an active pioneer: kind, title, date, place
 * required; capacity 0 or more. Returns the id. */
gint64   xf_services_create_activity    (XfServices *self,
                                         const XfActivity *activity,
                                         GError    **error);
/* Planned only; name required; not beyond capacity; a pioneer joins once.
 * Returns the participant id. */
gint64   xf_services_add_participant    (XfServices *self,
                                         gint64      activity_id,
                                         const char *name,
                                         const char *contact,
                                         gint64      pioneer_id,
                                         GError    **error);
/* On or after the activity's date, not cancelled. */
gboolean xf_services_set_attendance     (XfServices *self,
                                         gint64      participant_id,
                                         gboolean    attended,
                                         GError    **error);
/* planned → held (on or after its date; records the engagement events of
 * the initiator and of the pioneers who attended), or → cancelled with a
 * reason. */
gboolean xf_services_mark_activity_held (XfServices *self,
                                         gint64      activity_id,
                                         GError    **error);
gboolean xf_services_cancel_activity    (XfServices *self,
                                         gint64      activity_id,
                                         const char *reason,
                                         GError    **error);

/* ── Engagement events (xf-services-engagement.c) ────────────────────── */

/* (element-type XfEngagementEvent) of @pioneer_id (0: all) between two
 * dates inclusive (NULL: open), oldest first. */
GPtrArray *xf_services_list_engagement (XfServices *self,
                                        gint64      pioneer_id,
                                        const char *from,
                                        const char *to,
                                        GError    **error);

/* ── Import of the public channel's requests (xf-services-import.c) ──── */

typedef struct
{
  guint  line;     /* 1-based */
  char  *reason;   /* translated, naming the field */
} XfImportRefusal;

typedef struct
{
  guint      taken;
  guint      skipped;     /* source_id seen before */
  guint      refused;
  GPtrArray *refusals;    /* (element-type XfImportRefusal) by line */
} XfServiceImportReport;

void xf_service_import_report_free (XfServiceImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceImportReport, xf_service_import_report_free)

/* JSON lines, one request each: source_id (required), requester, contact,
 * item (catalogue code), region, place, needed_by, description, optional
 * pioneer (uid: a booking). Each good line is taken in its own
 * transaction; bad lines are refused with their line number and reason;
 * lines whose source_id was seen before are skipped. NULL only when the
 * stream cannot be read or @cancellable is cancelled (what was taken
 * stays taken). */
XfServiceImportReport *xf_services_import_requests (XfServices    *self,
                                                    GInputStream  *stream,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

G_END_DECLS
