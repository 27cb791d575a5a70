/* xf-portal-exchange.h — one HTTP request and its response, as the
 *                        portal's handlers see them (no libsoup here)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The server (xf-portal-server.c) turns a SoupServerMessage into an
 * XfPortalRequest and an XfPortalResponse back into the message; tests
 * build requests by hand and read responses, with no network.
 *
 * Fields are owned by the request. Hash tables map decoded names to
 * decoded UTF-8 values (a field sent twice keeps its last value); text
 * that is not valid UTF-8 is refused by the server with 400 before any
 * handler runs.
 */

typedef struct
{
  char       *method;           /* "GET", "HEAD", "POST" */
  char       *path;             /* decoded, without the query: "/p/UID" */
  GHashTable *query;            /* (element-type utf8 utf8) never NULL */
  GHashTable *form;             /* (element-type utf8 utf8) POST fields, never NULL */
  GHashTable *cookies;          /* (element-type utf8 utf8) never NULL */
  char       *address;          /* the client (after a trusted proxy's X-Forwarded-For) */
  char       *user_agent;       /* or NULL */
  char       *accept_language;  /* or NULL */
  /* An uploaded file (multipart/form-data field "file"), or NULL: */
  GBytes     *upload;
  char       *upload_name;
  char       *upload_type;
  gint64      now;              /* UTC µs when it arrived (tests set it) */
  /* The rate limits were applied already (the server, at a POST's
   * headers: xf_portal_router_check_headers): not counted again. */
  gboolean    rate_counted;

  /* Set by the router before a handler runs: */
  char       *lang;             /* "zh" | "en" */
  char       *visitor_id;       /* from a valid xf_v cookie, or a new one */
  char       *visitor_key;      /* xf_portal_guard_visitor_key (visitor_id, address) */
  gboolean    is_bot;
} XfPortalRequest;

XfPortalRequest *xf_portal_request_new  (const char *method,
                                         const char *path);
void             xf_portal_request_free (XfPortalRequest *request);
/* A query or form value, or NULL. */
const char      *xf_portal_request_query (XfPortalRequest *request,
                                          const char      *name);
const char      *xf_portal_request_field (XfPortalRequest *request,
                                          const char      *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPortalRequest, xf_portal_request_free)

typedef struct
{
  guint       status;           /* 200, 303, 400, 403, 404, 405, 413, 429, 500, 503 */
  char       *content_type;     /* "text/html; charset=utf-8" … */
  GBytes     *body;             /* never NULL (empty for redirects) */
  GPtrArray  *headers;          /* (element-type utf8) name, value, name, value, …: Location, Set-Cookie, Retry-After, Cache-Control */
} XfPortalResponse;

XfPortalResponse *xf_portal_response_new      (guint        status,
                                               const char  *content_type,
                                               GBytes      *body);
/* A 303 See Other to @location (a path on this portal). */
XfPortalResponse *xf_portal_response_redirect (const char  *location);
void              xf_portal_response_add_header (XfPortalResponse *response,
                                                 const char       *name,
                                                 const char       *value);
/* Set-Cookie with Path=/; HttpOnly; SameSite=Lax (and Secure when @secure);
 * @max_age seconds (0: a session cookie). */
void              xf_portal_response_set_cookie (XfPortalResponse *response,
                                                 const char       *name,
                                                 const char       *value,
                                                 guint             max_age,
                                                 gboolean          secure);
/* The first value of header @name (case-insensitive), or NULL. */
const char       *xf_portal_response_get_header (XfPortalResponse *response,
                                                 const char       *name);
void              xf_portal_response_free     (XfPortalResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPortalResponse, xf_portal_response_free)

G_END_DECLS
