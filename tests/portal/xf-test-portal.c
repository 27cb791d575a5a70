/* xf-test-portal.c — (contract stub; see xf-test-portal.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-portal.h"
