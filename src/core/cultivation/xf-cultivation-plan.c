/* xf-cultivation-plan.c — plans, goals, reviews, pipeline rows, courses (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: D fills this file in. */

#include "config.h"

#include "xf-cultivation-plan.h"
