/* xf-portal.h — the public's side of core: what the web portal may read
 *               and submit, as the public actor
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-notice.h"
#include "xf-public-card.h"
#include "xf-public-request.h"
#include "xf-ranking.h"
#include "xf-service.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * XfPortal acts as xf_account_new_public () on one store and owns the
 * repositories it needs (registry, services, ranking, evaluation, notice
 * board). Everything goes through those repositories' own validation,
 * permissions (REGISTRY_READ masked, PUBLIC_SUBMIT) and audit, in one
 * transaction per write, so a request from the portal lands in the
 * dispatcher's queue and an objection in the notice's register exactly as
 * if entered at a desk, with channel "portal".
 *
 * Visitors: @visitor is the opaque key XfPortalGuard derives from the
 * signed visitor cookie and the address (xf_portal_guard_visitor_key);
 * core stores it as the engagement event's visitor and never sees the
 * cookie or the address.
 *
 * Errors: XF_ERROR_NOT_FOUND for an unknown, archived or not public
 * record (a draft or withdrawn notice, an inactive item) — and for a
 * request code whose contact does not match, so that codes cannot be
 * probed; XF_ERROR_INVALID naming the field for bad input; XF_ERROR_WORKFLOW
 * for a step not allowed now (an objection after the period, rating twice).
 * Messages are translated in the language current at the call.
 */

#define XF_TYPE_PORTAL (xf_portal_get_type ())

G_DECLARE_FINAL_TYPE (XfPortal, xf_portal, XF, PORTAL, GObject)

XfPortal   *xf_portal_new       (XfStore *store);
XfStore    *xf_portal_get_store (XfPortal *self);
/* TRUE when the database answers (for /healthz). */
gboolean    xf_portal_check_health (XfPortal  *self,
                                    GError   **error);

/* ── Cards and engagement (xf-portal-cards.c) ────────────────────────── */

/* The public card of an active pioneer by uid. When @visitor is not NULL
 * and @is_bot is FALSE, records a card-viewed engagement event (source
 * "portal"), once per visitor, pioneer and day (repeats store nothing). */
XfPublicCard *xf_portal_view_card (XfPortal    *self,
                                   const char  *uid,
                                   const char  *visitor,
                                   gboolean     is_bot,
                                   GError     **error);

typedef enum
{
  XF_PORTAL_LIKE_COUNTED,   /* a new like */
  XF_PORTAL_LIKE_ALREADY,   /* this visitor liked this pioneer today: nothing stored */
} XfPortalLikeResult;

/* 点赞: one card-liked event per visitor, pioneer and (local) day; the
 * index's caps apply on top. @visitor is required. Returns FALSE with
 * @error on failure (unknown pioneer…). */
gboolean      xf_portal_like      (XfPortal           *self,
                                   const char         *uid,
                                   const char         *visitor,
                                   XfPortalLikeResult *result,
                                   GError            **error);
/* A card-shared event, once per visitor, pioneer and day. */
gboolean      xf_portal_share     (XfPortal    *self,
                                   const char  *uid,
                                   const char  *visitor,
                                   GError     **error);

/* Pioneers of the Month (当月先锋): the newest frozen month's individuals
 * and collectives (public fields only in each entry: uid, name, kind,
 * tier, organisation, rank, score; parts empty). When no month is frozen
 * yet, the preview of the current month with ranking->frozen FALSE.
 * Never NULL without an error. */
XfMonthlyRanking *xf_portal_month_pioneers (XfPortal  *self,
                                            GError   **error);

/* ── Notices and objections (xf-portal-notices.c) ────────────────────── */

/* (element-type XfNotice) published notices whose period has not ended,
 * and those ended within the last 30 days, newest first; candidates not
 * loaded. */
GPtrArray  *xf_portal_list_notices   (XfPortal  *self,
                                      GError   **error);
/* A published or closed notice with its candidates; drafts and withdrawn
 * notices are XF_ERROR_NOT_FOUND. Contacts are the office's, public. */
XfNotice   *xf_portal_get_notice     (XfPortal  *self,
                                      gint64     notice_id,
                                      GError   **error);
/* Whether the notice takes objections now (published, in its period). */
gboolean    xf_portal_notice_is_open (const XfNotice *notice);

typedef struct
{
  gint64       notice_id;
  gint64       nomination_id;   /* the candidate */
  gboolean     anonymous;
  const char  *name;            /* required unless anonymous */
  const char  *contact;         /* optional; kept private (masked to all but the vetting office) */
  const char  *grounds;         /* required, ≤ 5000 characters */
  const char  *file_name;       /* optional evidence */
  const char  *file_type;       /* its MIME type */
  GBytes      *file;            /* ≤ XF_MATERIAL_MAX_SIZE, or NULL */
} XfPortalObjection;

/* Records the objection (channel "portal", received today) and its file
 * in one write, through the notice board's rules. Returns the objection's
 * public reference (its uid's first 8 characters, upper case) or NULL. */
char       *xf_portal_submit_objection (XfPortal                *self,
                                        const XfPortalObjection *objection,
                                        GError                 **error);

/* ── Services and requests (xf-portal-services.c) ────────────────────── */

/* (element-type XfServiceItem) the active catalogue, common prosperity first. */
GPtrArray  *xf_portal_list_services  (XfPortal   *self,
                                      GError    **error);
/* An active item; XF_ERROR_NOT_FOUND otherwise. */
XfServiceItem *xf_portal_get_service (XfPortal   *self,
                                      const char *code,
                                      GError    **error);
/* (element-type utf8) pairs code, label: the regions a request may name
 * (the counties and townships of the reference regions), for a select. */
GPtrArray  *xf_portal_list_regions   (XfPortal   *self,
                                      GError    **error);

typedef struct
{
  const char *item_code;
  const char *requester;     /* name, required */
  const char *contact;       /* a mobile, phone or e-mail, required */
  const char *region_code;   /* required */
  const char *place;
  const char *needed_by;     /* YYYY-MM-DD or NULL */
  const char *description;   /* required */
  const char *pioneer_uid;   /* a booking from a card, or NULL */
} XfPortalRequestForm;

/* 点单 (or a booking from a card): xf_services_create_request with
 * channel "portal" as the public actor. Returns the request's public code
 * (transfer full) or NULL. */
char       *xf_portal_submit_request (XfPortal                  *self,
                                      const XfPortalRequestForm *form,
                                      GError                   **error);
/* The request of @code when @contact is the one it was made with
 * (compared without spaces, dashes or a +86 prefix; e-mails without case);
 * else XF_ERROR_NOT_FOUND, the same for a wrong code and a wrong contact. */
XfPublicRequest *xf_portal_find_request (XfPortal   *self,
                                         const char *code,
                                         const char *contact,
                                         GError    **error);
/* The same view by code alone, for a code whose contact the visitor
 * proved earlier (the portal keeps that proof in a signed, short-lived
 * cookie: xf_portal_guard_sign_access). */
XfPublicRequest *xf_portal_get_request  (XfPortal   *self,
                                         const char *code,
                                         GError    **error);
/* Rates a done request (proved as above), once: rating 1..5 or 0, liked,
 * comment ≤ 1000; at least one of them (xf_services_rate's rules, as the
 * public actor). */
gboolean    xf_portal_rate_request   (XfPortal                *self,
                                      const char              *code,
                                      const XfServiceFeedback *feedback,
                                      GError                 **error);

G_END_DECLS
