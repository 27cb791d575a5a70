/* xf-portal-guard.h — the portal's defences: signed visitor cookies,
 *                     CSRF tokens, request-access proofs, rate limits,
 *                     bot detection
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Pure logic, no network and no database: the portal's server asks it and
 * tests call it directly. Signatures are HMAC-SHA-256 (libsodium
 * crypto_auth_hmacsha256) with the portal's secret; tokens are URL-safe
 * base64 without padding, so they fit in cookies and form fields as they
 * are. Times are UTC seconds passed in, so tests control the clock.
 *
 * Visitor cookie: "<id>.<sig>", id 22 random characters. A missing, forged
 * or malformed cookie gives NULL from xf_portal_guard_check_visitor; the
 * server then issues a new one.
 * Visitor key: hex of HMAC("visitor" | id | address), 32 characters — what
 * core stores; the same person at another address is another visitor.
 * CSRF token: "<hour>.<sig>" over ("csrf" | visitor id | hour); valid for
 * XF_PORTAL_CSRF_HOURS after it was made and bound to the visitor id.
 * Access proof: "<code>.<expires>.<sig>" over ("access" | code | visitor
 * id | expires): the visitor proved the contact of request @code.
 * Rate limits: a token bucket per address (an IPv6 address by its /64,
 * which one subscriber holds whole) and class (pages, posts), refilled
 * continuously at @per_minute per minute with a burst of @per_minute; 0
 * disables the class. At most XF_PORTAL_GUARD_MAX_ADDRESSES addresses are
 * tracked; the stalest are forgotten first.
 */

#define XF_PORTAL_SECRET_SIZE        32
#define XF_PORTAL_CSRF_HOURS         12
#define XF_PORTAL_ACCESS_SECONDS     (30 * 60)
#define XF_PORTAL_GUARD_MAX_ADDRESSES 65536

typedef enum
{
  XF_PORTAL_LIMIT_PAGE,   /* every request */
  XF_PORTAL_LIMIT_POST,   /* form submissions, likes, lookups */
} XfPortalLimitClass;

#define XF_TYPE_PORTAL_GUARD (xf_portal_guard_get_type ())

G_DECLARE_FINAL_TYPE (XfPortalGuard, xf_portal_guard, XF, PORTAL_GUARD, GObject)

/* @secret: XF_PORTAL_SECRET_SIZE bytes or more. */
XfPortalGuard *xf_portal_guard_new (GBytes *secret);
/* Reads the secret from @path; when the file does not exist, makes a
 * random one and writes it there with mode 0600 (creating the folder).
 * Refuses a shorter secret or a file readable by others (XF_ERROR_INVALID). */
GBytes        *xf_portal_guard_load_secret (const char  *path,
                                            GError     **error);

/* A new visitor cookie value (transfer full). */
char     *xf_portal_guard_new_visitor     (XfPortalGuard *self);
/* The visitor id of a valid cookie value (transfer full), else NULL. */
char     *xf_portal_guard_check_visitor   (XfPortalGuard *self,
                                           const char    *cookie);
char     *xf_portal_guard_visitor_key     (XfPortalGuard *self,
                                           const char    *visitor_id,
                                           const char    *address);

char     *xf_portal_guard_csrf_token      (XfPortalGuard *self,
                                           const char    *visitor_id,
                                           gint64         now);
gboolean  xf_portal_guard_check_csrf      (XfPortalGuard *self,
                                           const char    *visitor_id,
                                           const char    *token,
                                           gint64         now);

char     *xf_portal_guard_sign_access     (XfPortalGuard *self,
                                           const char    *code,
                                           const char    *visitor_id,
                                           gint64         now);
/* The request code of a valid, unexpired proof for @visitor_id, else NULL. */
char     *xf_portal_guard_check_access    (XfPortalGuard *self,
                                           const char    *proof,
                                           const char    *visitor_id,
                                           gint64         now);

void      xf_portal_guard_set_limit       (XfPortalGuard      *self,
                                           XfPortalLimitClass  limit_class,
                                           guint               per_minute);
/* Takes one token; FALSE when @address is over its limit (then
 * @retry_after, if not NULL, gets the seconds until the next token). */
gboolean  xf_portal_guard_allow           (XfPortalGuard      *self,
                                           XfPortalLimitClass  limit_class,
                                           const char         *address,
                                           gint64              now_us,
                                           guint              *retry_after);

/* An empty user agent, or one that names itself a bot, spider, crawler,
 * preview or fetcher (case-insensitive): its views and likes are not
 * counted. Browsers, headless ones included, are not bots. */
gboolean  xf_portal_guard_is_bot          (const char *user_agent);

G_END_DECLS
