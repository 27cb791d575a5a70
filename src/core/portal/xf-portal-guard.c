/* xf-portal-guard.c — (contract stub; see xf-portal-guard.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal-guard.h"
