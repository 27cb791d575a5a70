/* xf-public-card.c — (contract stub; see xf-public-card.h)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-public-card.h"
