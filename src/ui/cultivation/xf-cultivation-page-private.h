/* xf-cultivation-page-private.h — what the parts of the Cultivation page share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-cultivation-page.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfCultivationPage
{
  AdwBin               parent_instance;

  XfRegistry          *registry;
  XfCultivation       *cultivation;
  GPtrArray           *plans;            /* of XfCultivationPlan, as listed */
  GPtrArray           *organisations;    /* of char * codes, the organisation filter's (index 0: any) */
  GtkWidget           *pipeline_view;
  GtkWidget           *plan_view;
  GtkWidget           *training_view;

  gint64               plan_id;          /* shown on the right; 0 for none */
  gboolean             may_edit;         /* CULTIVATION_EDIT somewhere */
  gboolean             show_sidebar_button;
  gboolean             selecting;        /* the page itself moves the selection */
  gboolean             loading;          /* filters being set by the page */
  gboolean             filters_loaded;
  XfReloadQueue        reload;
  guint                header_id;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  GtkWidget           *back_button;
  GtkWidget           *details_back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar  *switcher_bar;
  GtkWidget           *new_button;
  AdwViewStack        *view_stack;
  AdwBin              *pipeline_bin;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *separator;
  AdwBin              *details_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *organisation_dropdown;
  GtkToggleButton     *ready_button;
  GtkMenuButton       *filters_button;
  GtkEntry            *region_entry;
  GtkStack            *list_stack;
  GtkListBox          *plan_list;
  AdwStatusPage       *empty_status;
  AdwStatusPage       *error_status;
  GtkWidget           *empty_new_button;
  AdwBin              *training_bin;
};

/* xf-cultivation-page.c */
/* Reads the list and the views again, now. */
void     _xf_cultivation_page_reload         (XfCultivationPage *self);
void     _xf_cultivation_page_sync_details   (XfCultivationPage *self,
                                              gboolean           go_there);

/* xf-cultivation-page-list.c: the filters and the list of plans. */
void     _xf_cultivation_page_init_list      (XfCultivationPage *self);
void     _xf_cultivation_page_load_filters   (XfCultivationPage *self);
void     _xf_cultivation_page_load_list      (XfCultivationPage *self);
gboolean _xf_cultivation_page_select         (XfCultivationPage *self,
                                              gint64             plan_id);
void     _xf_cultivation_page_clear_filters  (XfCultivationPage *self);
gboolean _xf_cultivation_page_is_filtered    (XfCultivationPage *self);
void     _xf_cultivation_page_list_class_init (GtkWidgetClass   *widget_class);

G_END_DECLS
