/* xf-care-calendar.c — the care calendar and its reminders in working time
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: C fills this file in. */

#include "config.h"

#include "xf-care-private.h"
