/* xf-registry-page-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-filter-bar.h"
#include "xf-pioneer-selection.h"
#include "xf-registry-list.h"
#include "xf-registry-page.h"

G_BEGIN_DECLS

struct _XfRegistryPage
{
  GtkWidget           parent_instance;

  XfRegistry         *registry;
  XfRegistryList     *list;
  XfPioneerSelection *selection;
  GtkWidget          *profile;
  guint               bind_count;
  gboolean            read_only;
  gboolean            show_sidebar_button;
  gboolean            details_open;  /* a file or the editor is shown, or being navigated to */
  gboolean            narrow;        /* the list is too narrow for every column */
  gboolean            confirming;    /* "Discard changes?" is asked */
  gint64              pending_id;    /* what to open once it is answered… */
  const char         *pending_kind;  /* …or the kind of new file to start */

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwHeaderBar       *list_header;
  GtkWidget          *separator;
  GtkWidget          *details_pane;
  GtkStack           *details_stack;
  GtkWidget          *back_button;
  GtkWidget          *new_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  XfFilterBar        *filter_bar;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_status;
  AdwStatusPage      *no_matches_status;
  AdwStatusPage      *error_status;
};

/* xf-registry-page-details.c: the details pane and the page's size. */
void _xf_registry_page_init_details            (XfRegistryPage *self);
void _xf_registry_page_class_init_layout       (GtkWidgetClass *widget_class);
void _xf_registry_page_show_list               (XfRegistryPage *self);
/* Goes to file @id, to a new file of @kind, or (0, NULL) closes the pane,
 * asking first when that would drop unsaved edits. */
void _xf_registry_page_leave_to                (XfRegistryPage *self,
                                                gint64          id,
                                                const char     *kind);
void _xf_registry_page_close_details           (XfRegistryPage *self);
void _xf_registry_page_new_pioneer             (XfRegistryPage *self,
                                                const char     *kind);
void _xf_registry_page_row_activated           (XfRegistryPage *self,
                                                guint           position);
void _xf_registry_page_selected_id_changed     (XfRegistryPage *self);
void _xf_registry_page_profile_pioneer_changed (XfRegistryPage *self);

G_END_DECLS
