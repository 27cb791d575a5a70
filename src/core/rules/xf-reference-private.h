/* xf-reference-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-reference.h"

G_BEGIN_DECLS

/* Tests only: makes xf_reference_label() act as if the user's first
 * language were @lang ("zh_CN", "en"); NULL returns to the environment. */
void _xf_reference_set_language_for_tests (const char *lang);

G_END_DECLS
