/* xf-export.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-export.h"

/* TODO(issue 9): implementation lands with its helper's first commit. */
