/* xf-care-report.c — the care report: JSON and XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: C fills this file in. */

#include "config.h"

#include "xf-care-report.h"
