/* xf-filter-bar.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-filter-chip.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfFilterBar: the row of filter chips over the registry list (tier,
 * region, industry, organisation, gender, age band, education, kind) and
 * a "Show archived" toggle. It only collects choices; the query built from
 * them is answered by core. Signal "changed" (no arguments).
 */

#define XF_TYPE_FILTER_BAR (xf_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (XfFilterBar, xf_filter_bar, XF, FILTER_BAR, GtkWidget)

GtkWidget       *xf_filter_bar_new                 (void);
/* Loads the organisations of @registry into their chip. */
void             xf_filter_bar_set_registry        (XfFilterBar      *self,
                                                    XfRegistry       *registry);
/* Replaces every filter of @query with the bar's choices. */
void             xf_filter_bar_apply               (XfFilterBar      *self,
                                                    XfRegistryQuery  *query);
/* Whether any chip has a choice or archived files are shown. */
gboolean         xf_filter_bar_is_active           (XfFilterBar      *self);
void             xf_filter_bar_clear               (XfFilterBar      *self);
/* (transfer none): the chip of @filter; NULL for XF_REGISTRY_FILTER_STATUS. */
XfFilterChip    *xf_filter_bar_get_chip            (XfFilterBar      *self,
                                                    XfRegistryFilter  filter);
GtkToggleButton *xf_filter_bar_get_archived_button (XfFilterBar      *self);

G_END_DECLS
