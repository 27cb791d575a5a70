/* xf-portal-html.c — (contract stub; see xf-portal-html.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal-html.h"

XfPortalResponse *
xf_portal_page (XfPortalRequest *request,
                guint            status,
                const char      *title,
                const char      *body_markup)
{
  return xf_portal_response_new (status, "text/html; charset=utf-8",
                                 g_bytes_new (body_markup, strlen (body_markup)));
}

XfPortalResponse *
xf_portal_error_page (XfPortalRequest *request,
                      guint            status,
                      const char      *message)
{
  return xf_portal_response_new (status, NULL, NULL);
}
