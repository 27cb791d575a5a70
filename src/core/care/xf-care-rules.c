/* xf-care-rules.c — eligibility rules: parse, match, describe
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: A fills this file in. */

#include "config.h"

#include "xf-care-rules.h"
