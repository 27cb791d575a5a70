/* xf-portal-page-services.c — (contract stub; see xf-portal-pages.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-portal-html.h"
#include "xf-portal-pages.h"

XfPortalResponse *
xf_portal_page_services (XfPortalContext    *ctx,
                        XfPortalRequest    *request,
                        const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_page_service_form (XfPortalContext    *ctx,
                            XfPortalRequest    *request,
                            const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_page_service_post (XfPortalContext    *ctx,
                            XfPortalRequest    *request,
                            const char * const *captures)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_request_form_page (XfPortalContext *ctx,
                             XfPortalRequest *request,
                             const char      *item_code,
                             const char      *pioneer_uid,
                             GHashTable      *errors,
                             guint            status)
{
  return xf_portal_error_page (request, 501, NULL);
}

XfPortalResponse *
xf_portal_request_form_submit (XfPortalContext *ctx,
                               XfPortalRequest *request,
                               const char      *item_code,
                               const char      *pioneer_uid)
{
  return xf_portal_error_page (request, 501, NULL);
}
