/* xf-hardship-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfHardshipView: hardship cases: list, detail, two-step approval, payments
 * (Contract: H documents the page here when it lands.)
 */

#define XF_TYPE_HARDSHIP_VIEW (xf_hardship_view_get_type ())

G_DECLARE_FINAL_TYPE (XfHardshipView, xf_hardship_view, XF, HARDSHIP_VIEW, AdwBin)

GtkWidget *xf_hardship_view_new     (XfCare     *care);
void       xf_hardship_view_refresh (XfHardshipView *self);

G_END_DECLS
