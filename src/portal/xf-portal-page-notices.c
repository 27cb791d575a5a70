/* xf-portal-page-notices.c — (contract stub; see xf-portal-pages.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-portal-html.h"
#include "xf-portal-pages.h"

XfPortalResponse *
xf_portal_page_notices (XfPortalContext    *ctx,
                       XfPortalRequest    *request,
                       const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_page_notice (XfPortalContext    *ctx,
                      XfPortalRequest    *request,
                      const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_page_objection_post (XfPortalContext    *ctx,
                              XfPortalRequest    *request,
                              const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}
