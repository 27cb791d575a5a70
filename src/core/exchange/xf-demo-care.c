/* xf-demo-care.c — a year of cultivation and care on a demo registry
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-demo-care.h"

/* Contract placeholder: E fills this file in. */
gboolean
xf_demo_generate_care (XfStore  *store,
                       guint64   seed,
                       GError  **error)
{
  return TRUE;
}
