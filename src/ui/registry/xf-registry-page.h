/* xf-registry-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfRegistryPage: the registry (登记) — a searchable, filterable, sortable
 * list of every pioneer. The list has the whole page until a file is
 * opened; the file then shows beside it at a fixed width, or over it on a
 * narrow window, until it is closed. Leaving a file with unsaved edits
 * (opening another, starting a new one, closing) asks first.
 *
 * Properties: show-sidebar-button (boolean; the window sets it while its
 * own sidebar is folded away), read-only (boolean; no new files).
 *
 * Actions: registry.search (Ctrl+F), registry.new-individual (Ctrl+N),
 * registry.new-collective (Ctrl+Shift+N), registry.clear-filters,
 * registry.back (Escape: closes the file, then shows the window's
 * sidebar), registry.open-pioneer (int64 id), registry.import (Ctrl+I:
 * the import assistant), registry.export (Ctrl+Shift+E: the listed
 * records to a file), registry.bulk-edit (one field of every listed file).
 *
 * Template children (for tests): leaflet, list_pane, list_header,
 * separator and details_pane (both hidden while no file is open), details_stack,
 * search_bar, search_entry, filter_bar, count_label, list_stack ("list" |
 * "empty" | "no-matches" | "error"), column_view, scroller, empty_status,
 * no_matches_status, error_status, new_button, back_button.
 */

#define XF_TYPE_REGISTRY_PAGE (xf_registry_page_get_type ())

G_DECLARE_FINAL_TYPE (XfRegistryPage, xf_registry_page, XF, REGISTRY_PAGE, GtkWidget)

GtkWidget  *xf_registry_page_new             (XfRegistry     *registry);
XfRegistry *xf_registry_page_get_registry    (XfRegistryPage *self);
/* (transfer none): the list model shown (an XfRegistryList). */
GListModel *xf_registry_page_get_model       (XfRegistryPage *self);
/* (transfer none) (nullable): the profile page in the details pane. */
GtkWidget  *xf_registry_page_get_profile     (XfRegistryPage *self);
/* Opens a pioneer's file in the details pane (and shows that pane). */
void        xf_registry_page_open_pioneer    (XfRegistryPage *self,
                                              gint64          id);
gint64      xf_registry_page_get_selected_id (XfRegistryPage *self);
/* After another desk's change: reads the list again, keeping the
 * selection and the scroll position, and refreshes the open file (see
 * xf_profile_page_refresh). */
void        xf_registry_page_refresh         (XfRegistryPage *self);
gboolean    xf_registry_page_get_read_only   (XfRegistryPage *self);
void        xf_registry_page_set_read_only   (XfRegistryPage *self,
                                              gboolean        read_only);

G_END_DECLS
