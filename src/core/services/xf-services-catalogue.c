/* xf-services-catalogue.c — the service catalogue, seeded from a data file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-services-private.h"

/* TODO(catalogue helper): seed service_items from data/reference/services.json. */
gboolean
_xf_services_ensure_catalogue (XfServices  *self,
                               GError     **error)
{
  return TRUE;
}
