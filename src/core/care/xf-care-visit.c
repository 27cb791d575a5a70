/* xf-care-visit.c — visits and calendar items (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: C fills this file in. */

#include "config.h"

#include "xf-care-visit.h"
