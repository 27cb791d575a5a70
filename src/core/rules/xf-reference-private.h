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

/* Tests and fuzzing: parses @data as the file of @which (the regions file
 * needs its "city" too) and throws the result away. @n_items, when not
 * NULL, gets the number of items read; errors are those of loading a
 * file, naming @name. */
gboolean _xf_reference_parse_bytes (XfReferenceTable   which,
                                    GBytes            *data,
                                    const char        *name,
                                    guint             *n_items,
                                    GError           **error);

G_END_DECLS
