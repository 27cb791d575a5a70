/* xf-portal-server.h — the portal's HTTP server (libsoup 3)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-portal-router.h"

G_BEGIN_DECLS

/*
 * A SoupServer on the configured address that turns each message into an
 * XfPortalRequest, refuses before reading a body larger than max-body
 * (max-upload for multipart) with 413, an undecodable body or non-UTF-8
 * text with 400, and hands the rest to xf_portal_router_handle. Logs one
 * line per request on standard error (method, path, status, µs) — never
 * the query, the form or a cookie.
 */

#define XF_TYPE_PORTAL_SERVER (xf_portal_server_get_type ())

G_DECLARE_FINAL_TYPE (XfPortalServer, xf_portal_server, XF, PORTAL_SERVER, GObject)

/* @ctx is borrowed and must outlive the server. */
XfPortalServer *xf_portal_server_new    (XfPortalContext *ctx);
/* Listens on the configured address (port 0: any free port). */
gboolean        xf_portal_server_listen (XfPortalServer  *self,
                                         GError         **error);
/* The port actually listened on (after listen). */
guint           xf_portal_server_get_port (XfPortalServer *self);

G_END_DECLS
