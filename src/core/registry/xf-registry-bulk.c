/* xf-registry-bulk.c — one field set on many files in one transaction
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-registry-private.h"

/* TODO(issue 9): implementation lands with its helper's first commit. */
