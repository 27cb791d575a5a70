/* xf-public-request.c — what a requester may see of their own request
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-public-request.h"

void
xf_public_request_step_free (XfPublicRequestStep *step)
{
  if (step == NULL)
    return;
  g_free (step->label);
  g_free (step);
}

/**
 * xf_public_request_new:
 *
 * Returns: (transfer full): an empty view, with no steps
 */
XfPublicRequest *
xf_public_request_new (void)
{
  XfPublicRequest *request = g_new0 (XfPublicRequest, 1);

  request->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_public_request_step_free);
  return request;
}

void
xf_public_request_free (XfPublicRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->code);
  g_free (request->item_code);
  g_free (request->item_name);
  g_free (request->status);
  g_free (request->status_label);
  g_free (request->region_label);
  g_free (request->needed_by);
  g_free (request->served_by);
  g_free (request->served_by_uid);
  g_clear_pointer (&request->steps, g_ptr_array_unref);
  g_free (request);
}
