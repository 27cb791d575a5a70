/* xf-cultivation-pipeline.c — the pipeline and nominating from a plan
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contract placeholder: D fills this file in. */

#include "config.h"

#include "xf-cultivation-private.h"
