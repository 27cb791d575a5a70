/* xf-registry-columns.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-registry-query.h"

G_BEGIN_DECLS

/*
 * The columns of the registry list: name, kind, tier (a coloured pill),
 * region, organisation, industry, honours. Sorting is done by core, not by
 * GTK: each column carries a sorter that only tells which column it is, so
 * the page can read the column view's sort (GTK 4.8 has no public
 * GtkColumnViewSorter API) and pass it to the query.
 */

/* Adds the columns to @view. @bind_count, if not NULL, is incremented each
 * time a row's name cell is bound (the benchmark waits for drawn rows). */
void                 xf_registry_columns_setup       (GtkColumnView  *view,
                                                      guint          *bind_count);
/* The sort the user chose by clicking a header. FALSE when none is chosen. */
gboolean             xf_registry_columns_get_sort    (GtkColumnView  *view,
                                                      XfRegistrySort *sort,
                                                      gboolean       *descending);
/* (transfer none): the column that sorts by @sort. */
GtkColumnViewColumn *xf_registry_columns_get_column  (GtkColumnView  *view,
                                                      XfRegistrySort  sort);
/* CSS class of a tier pill ("tier-national"…), shared with other views. */
const char          *xf_registry_columns_tier_class  (const char     *tier);

G_END_DECLS
