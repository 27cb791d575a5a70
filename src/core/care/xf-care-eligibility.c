/* xf-care-eligibility.c — eligibility lists, gaps and saved views
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: A fills this file in. */

#include "config.h"

#include "xf-care-private.h"
