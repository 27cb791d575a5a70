/* xf-care-records.c — care profiles, records and a pioneer's history
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: A fills this file in. */

#include "config.h"

#include "xf-care-private.h"
