/* xf-services-page-private.h — what the parts of the Services page share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-services-page.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfServicesPage
{
  AdwBin               parent_instance;

  XfRegistry          *registry;
  XfServices          *services;
  GPtrArray           *requests;       /* of XfServiceRequest, as listed */
  GPtrArray           *items;          /* of XfServiceItem, the item filter's (index 0: any) */
  GtkWidget           *request_view;   /* E2's XfRequestView, or a placeholder */
  GtkWidget           *pioneer_picker; /* the pioneer filter, or NULL */
  GtkWidget           *offers_view;            /* made when first shown */
  GtkWidget           *apprenticeships_view;   /* made when first shown */
  GtkWidget           *activities_view;        /* made when first shown */
  GActionMap          *action_window;  /* (nullable) weak: where win.book-service is */
  GSimpleAction       *book_action;

  gint64               request_id;     /* shown on the right; 0 for none */
  int                  attention_count;
  gboolean             may_enter;      /* REQUEST_EDIT or SERVICE_DISPATCH somewhere */
  gboolean             show_sidebar_button;
  gboolean             selecting;      /* the page itself moves the selection */
  gboolean             loading;        /* filters being set by the page */
  gboolean             filters_loaded; /* the item and pioneer filters are filled */
  guint                stale_views;    /* views to read again when next shown */
  XfReloadQueue        reload;         /* after a change; stale: read again when next shown */
  guint                switcher_id;    /* tick that moves the views' switcher */
  guint                header_id;      /* tick that updates the header's buttons */
  guint                expire_timer_id; /* every five minutes: expire_due */
  guint                day_timer_id;   /* every minute: has the day changed? */
  char                *today;          /* the day the last check saw */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  GtkWidget           *back_button;
  GtkWidget           *details_back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar  *switcher_bar;
  GtkWidget           *new_button;
  AdwViewStack        *view_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *separator;
  AdwBin              *details_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *item_dropdown;
  GtkMenuButton       *filters_button;
  GtkEntry            *region_entry;
  AdwBin              *pioneer_bin;
  GtkSpinButton       *age_spin;
  GtkStack            *list_stack;
  GtkListBox          *request_list;
  AdwStatusPage       *empty_status;
  AdwStatusPage       *error_status;
  GtkWidget           *empty_new_button;
  AdwBin              *offers_bin;
  AdwBin              *apprenticeships_bin;
  AdwBin              *activities_bin;
};

/* xf-services-page.c */
void     _xf_services_page_show_toast     (XfServicesPage *self,
                                           const char     *text);
/* Shows the request (self->request_id) beside or, folded, over the list,
 * or hides it. @go_there: on a folded page, slide to it. */
void     _xf_services_page_sync_details   (XfServicesPage *self,
                                           gboolean        go_there);

/* xf-services-page-expiry.c: expiring requests past their needed-by
 * date, at once and then on timers, until stopped. */
void     _xf_services_page_start_expiry   (XfServicesPage *self);
void     _xf_services_page_stop_expiry    (XfServicesPage *self);

/* xf-services-page-list.c: the filters and the list of requests. */
void     _xf_services_page_init_list      (XfServicesPage *self);
/* The catalogue in the item filter (once the services are known). */
void     _xf_services_page_load_filters   (XfServicesPage *self);
/* Reads the list again, keeping the selection when it is still listed. */
void     _xf_services_page_load_list      (XfServicesPage *self);
/* Selects @request_id when listed; FALSE otherwise. */
gboolean _xf_services_page_select         (XfServicesPage *self,
                                           gint64          request_id);
/* Back to every request: no search, no filter. */
void     _xf_services_page_clear_filters  (XfServicesPage *self);
/* Whether a search or a filter is set. */
gboolean _xf_services_page_is_filtered    (XfServicesPage *self);
void     _xf_services_page_list_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
