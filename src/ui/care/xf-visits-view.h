/* xf-visits-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfVisitsView: visits and the care calendar
 * (Contract: H documents the page here when it lands.)
 */

#define XF_TYPE_VISITS_VIEW (xf_visits_view_get_type ())

G_DECLARE_FINAL_TYPE (XfVisitsView, xf_visits_view, XF, VISITS_VIEW, AdwBin)

GtkWidget *xf_visits_view_new     (XfCare     *care);
void       xf_visits_view_refresh (XfVisitsView *self);

G_END_DECLS
