/* xf-care-reports.c — the care report: coverage and budget computed
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: C fills this file in. */

#include "config.h"

#include "xf-care-private.h"
