/* xf-cultivation-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCultivationPage: the cultivation page (育): pipeline, plans, skill training
 * (Contract: F documents the page here when it lands.)
 */

#define XF_TYPE_CULTIVATION_PAGE (xf_cultivation_page_get_type ())

G_DECLARE_FINAL_TYPE (XfCultivationPage, xf_cultivation_page, XF, CULTIVATION_PAGE, AdwBin)

GtkWidget *xf_cultivation_page_new     (XfRegistry *registry);
void       xf_cultivation_page_refresh (XfCultivationPage *self);

G_END_DECLS
