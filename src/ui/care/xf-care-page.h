/* xf-care-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCarePage: the care page (服): programmes, batches, hardship, visits, reports
 * (Contract: G documents the page here when it lands.)
 */

#define XF_TYPE_CARE_PAGE (xf_care_page_get_type ())

G_DECLARE_FINAL_TYPE (XfCarePage, xf_care_page, XF, CARE_PAGE, AdwBin)

GtkWidget *xf_care_page_new     (XfRegistry *registry);
void       xf_care_page_refresh (XfCarePage *self);

G_END_DECLS
