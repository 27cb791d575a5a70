/* xf-error.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-error"

#include "config.h"

#include "xf-error.h"

G_DEFINE_QUARK (xf-error-quark, xf_error)
