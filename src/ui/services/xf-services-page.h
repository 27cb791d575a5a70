/* xf-services-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"
#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfServicesPage: the services (点单 → 抢单 → 点赞). A view switcher in the
 * header bar over four views: Requests, Offers, Apprenticeships and
 * Activities. Requests is a list | detail leaflet: left, the requests
 * (newest first; the unclaimed queue puts the overdue ones first) with a
 * search and filters by status (incl. "Unclaimed", the dispatcher's
 * queue), catalogue item, region (a code prefix), pioneer and age; right,
 * the request selected (XfRequestView). "New request" (Ctrl+N) opens
 * XfRequestDialog, for whoever may enter requests (REQUEST_EDIT or
 * SERVICE_DISPATCH somewhere).
 *
 * The page makes its own XfServices for the registry's actor and follows
 * its ::changed. While in a window it adds the window action
 * "win.book-service" (x: a pioneer id), enabled when the actor may enter
 * requests: the name card's "Book a service" — it shows this page and
 * opens the booking dialog for that pioneer.
 *
 * Properties: show-sidebar-button (boolean), attention-count (int, read
 * only: overdue unclaimed requests plus open complaint follow-ups, the
 * sidebar badge), request-id (gint64, the request shown; 0 for none).
 *
 * Actions (group "services"): new (Ctrl+N), search (Ctrl+F), back
 * (Escape), close-details, show-request (x), book (x: a pioneer id).
 *
 * Template children (for tests): toast_overlay, view_stack, leaflet,
 * list_pane, details_pane, request_view, new_button, search_entry,
 * status_dropdown, item_dropdown, region_entry, pioneer_bin, age_spin,
 * filters_button, list_stack ("list" | "empty" | "no-matches" | "error"),
 * request_list, empty_status.
 */

#define XF_TYPE_SERVICES_PAGE (xf_services_page_get_type ())

G_DECLARE_FINAL_TYPE (XfServicesPage, xf_services_page, XF, SERVICES_PAGE, AdwBin)

GtkWidget  *xf_services_page_new                 (XfRegistry     *registry);
void        xf_services_page_refresh             (XfServicesPage *self);

XfServices *xf_services_page_get_services        (XfServicesPage *self);
int         xf_services_page_get_attention_count (XfServicesPage *self);
/* (element-type XfServiceRequest) (transfer none): the requests listed. */
GPtrArray  *xf_services_page_get_requests        (XfServicesPage *self);
gint64      xf_services_page_get_request_id      (XfServicesPage *self);
/* Shows @request_id on the right (0: none), selected when listed. */
void        xf_services_page_show_request        (XfServicesPage *self,
                                                  gint64          request_id);
/* Expires the unclaimed requests whose needed-by date has passed (as the
 * page does at sign-in, every five minutes and when the day changes) and
 * says how many in a toast. Returns how many, -1 on error. */
int         xf_services_page_expire_due          (XfServicesPage *self);
/* Opens the new request dialog over the page's window, for
 * @booked_pioneer_id (0: anyone may claim it). Returns the dialog
 * (transfer none), or NULL when the actor may not enter requests. */
GtkWidget  *xf_services_page_new_request         (XfServicesPage *self,
                                                  gint64          booked_pioneer_id);

G_END_DECLS
