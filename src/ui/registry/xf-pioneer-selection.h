/* xf-pioneer-selection.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfPioneerSelection: a single selection over a list of XfPioneer that
 * remembers the selected pioneer's id, not a position. GtkSingleSelection
 * looks for its selected item among all added items whenever the model
 * changes, which would read a lazy million-row list end to end; this one
 * only asks about the rows on screen, and the selection survives a new
 * search or sort.
 *
 * Property "selected-id" (int64, 0 for none).
 */

#define XF_TYPE_PIONEER_SELECTION (xf_pioneer_selection_get_type ())

G_DECLARE_FINAL_TYPE (XfPioneerSelection, xf_pioneer_selection, XF, PIONEER_SELECTION, GObject)

XfPioneerSelection *xf_pioneer_selection_new             (GListModel         *model);
GListModel         *xf_pioneer_selection_get_model       (XfPioneerSelection *self);
gint64              xf_pioneer_selection_get_selected_id (XfPioneerSelection *self);
void                xf_pioneer_selection_set_selected_id (XfPioneerSelection *self,
                                                          gint64              id);

G_END_DECLS
