/* xf-portal-services.c — (contract stub; see xf-portal.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-portal-private.h"
