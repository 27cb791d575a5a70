/* xf-offers-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfOffersView: the Services page's "Offers" tab. The pioneers' offers
 * (可服务事项), one group per pioneer, each offer with its item, mode,
 * regions, capacity, this month's load and availability; a search by the
 * pioneer's name; add, edit (XfOfferDialog) and remove (confirmed). A
 * second tab shows the service catalogue: read only, or for an
 * administrator with "New service item" and an edit button per item
 * (XfItemDialog).
 *
 * Actions (group "offers-view"): add, edit (x: offer id), remove (x),
 * add-for (x: pioneer id), new-item, edit-item (s: item code).
 */

#define XF_TYPE_OFFERS_VIEW (xf_offers_view_get_type ())

G_DECLARE_FINAL_TYPE (XfOffersView, xf_offers_view, XF, OFFERS_VIEW, AdwBin)

GtkWidget *xf_offers_view_new     (XfServices   *services);
/* Reads the offers and the catalogue again. */
void       xf_offers_view_refresh (XfOffersView *self);
/* Lists only the pioneers whose name contains @text. */
void       xf_offers_view_search  (XfOffersView *self,
                                   const char   *text);

G_END_DECLS
