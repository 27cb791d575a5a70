/* xf-portal-router.h — from a request to its handler, with the checks
 *                      every request passes first
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-portal-config.h"
#include "xf-portal-exchange.h"
#include "xf-portal-guard.h"
#include "xf-portal.h"

G_BEGIN_DECLS

/*
 * What handlers share. One context per server; the server is one thread
 * (libsoup's main loop), so handlers run one at a time.
 */
typedef struct
{
  XfPortal       *portal;
  XfPortalGuard  *guard;
  XfPortalConfig *config;
} XfPortalContext;

/* A handler gets the path's captures (the UID of "/p/UID", the CODE of
 * "/services/CODE", the ID of "/notices/ID"; NULL-terminated) and returns
 * a response (transfer full), never NULL. */
typedef XfPortalResponse *(*XfPortalHandler) (XfPortalContext    *ctx,
                                              XfPortalRequest    *request,
                                              const char * const *captures);

/*
 * xf_portal_router_handle, in this order:
 *  1. rate limit per address: XF_PORTAL_LIMIT_PAGE for every request,
 *     XF_PORTAL_LIMIT_POST also for POST → 429 with Retry-After (not
 *     again when request->rate_counted: xf_portal_router_check_headers);
 *  2. the route (table in xf-portal-router.c) → 404; a known path with
 *     another method → 405 with Allow;
 *  3. language: ?lang=zh|en (remembered in cookie xf_lang for a year),
 *     else cookie xf_lang, else Accept-Language (zh* → zh), else zh;
 *     sets request->lang and the messages' language (xf_portal_use_language);
 *  4. visitor: cookie xf_v checked by the guard, else a new one set on the
 *     response (a year); request->visitor_id, visitor_key, is_bot;
 *  5. POST: the form field "csrf" must be the guard's token for this
 *     visitor → else 403 "This form has expired…" (a POST from a visitor
 *     without a valid cookie is always refused: nothing is stored);
 *  6. the handler. Handlers see only checked requests.
 * Every HTML response carries Cache-Control: no-store for pages with
 * forms, Content-Security-Policy "default-src 'self'; img-src 'self' data:;
 * frame-ancestors 'none'", X-Content-Type-Options: nosniff and
 * Referrer-Policy: same-origin.
 */
XfPortalResponse *xf_portal_router_handle (XfPortalContext *ctx,
                                           XfPortalRequest *request);

/* What the router can decide from a POST's headers alone, for the server
 * to refuse before it reads the body:
 *  - step 1, the rate limits → 429 with Retry-After; the tokens are taken
 *    now and request->rate_counted set, so that xf_portal_router_handle
 *    does not count the same request again;
 *  - on a path that takes a POST, a missing or invalid visitor cookie →
 *    the 403 of step 5 (such a POST can never pass it).
 * NULL when the request may go on (its CSRF token, in the body, is still
 * checked by xf_portal_router_handle), else the refusal, made as
 * xf_portal_router_handle makes it. @request needs its method, path,
 * address, now, cookies, ?lang and Accept-Language. */
XfPortalResponse *xf_portal_router_check_headers (XfPortalContext *ctx,
                                                  XfPortalRequest *request);
/* Whether @method @path may send a file (multipart/form-data, up to
 * max-upload rather than max-body): POST /notices/ID/objections only. */
gboolean          xf_portal_router_takes_upload  (const char      *method,
                                                  const char      *path);

/* Once, after textdomain () and before any other message: makes GLib's
 * one-time "translate at all?" check see the Chinese catalogue, whatever
 * the process's locale (else plural and context messages stay English). */
void              xf_portal_init_language (void);
/* Switches the messages (gettext) of this process to "zh" (zh_CN) or "en". */
void              xf_portal_use_language  (const char *lang);
/* The language last switched to: "zh" or "en" ("zh" before any switch). */
const char       *xf_portal_current_language (void);
/* The language of @request's page: request->lang once the router set it,
 * else (an error page made before the router ran: 400, 413) worked out
 * from ?lang, the cookie xf_lang and Accept-Language as step 3 does, and
 * stored in request->lang. Switches the messages to it too. */
const char       *xf_portal_request_language (XfPortalRequest *request);

/* The hidden CSRF field for a form on this request's page (transfer full):
 * <input type="hidden" name="csrf" value="…">. */
char             *xf_portal_csrf_field    (XfPortalContext *ctx,
                                           XfPortalRequest *request);

G_END_DECLS
