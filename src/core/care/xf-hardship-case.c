/* xf-hardship-case.c — hardship cases and payments (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: B fills this file in. */

#include "config.h"

#include "xf-hardship-case.h"
