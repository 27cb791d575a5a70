/* xf-portal-config.c — (contract stub; see xf-portal-config.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal-config.h"
