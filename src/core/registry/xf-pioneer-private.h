/* xf-pioneer-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-pioneer.h"

G_BEGIN_DECLS

/*
 * Direct access for the registry, which fills records from rows and reads
 * them back into columns without going through text. Property names are
 * the column names with dashes.
 */
gboolean    _xf_pioneer_property_is_text (const char *property);
void        _xf_pioneer_set_text         (XfPioneer  *self,
                                          const char *property,
                                          const char *value);
const char *_xf_pioneer_get_text         (XfPioneer  *self,
                                          const char *property);
void        _xf_pioneer_set_number       (XfPioneer  *self,
                                          const char *property,
                                          gint64      value);
gint64      _xf_pioneer_get_number       (XfPioneer  *self,
                                          const char *property);
/* TRUE when a number property treats 0 as "not recorded" (stored as NULL). */
gboolean    _xf_pioneer_zero_is_unset    (const char *property);

G_END_DECLS
