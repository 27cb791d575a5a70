/* xf-registry-cell.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * One line of text in a cell of the registry list, cut with "…" when too
 * long (the whole text then shows in a tooltip).
 *
 * A list view keeps some 200 rows of widgets and a jump rebinds them all,
 * so a cell is cheap where a GtkLabel is not: its size comes from its font
 * (measured once per font), not from its text, which is laid out only when
 * drawn, and only once for all the cells showing the same text alike.
 */

#define XF_TYPE_REGISTRY_CELL (xf_registry_cell_get_type ())

G_DECLARE_FINAL_TYPE (XfRegistryCell, xf_registry_cell, XF, REGISTRY_CELL, GtkWidget)

/* Cells of one @style (a column) lay out text alike and share layouts. */
GtkWidget  *xf_registry_cell_new          (guint           style);
const char *xf_registry_cell_get_text     (XfRegistryCell *self);
void        xf_registry_cell_set_text     (XfRegistryCell *self,
                                           const char     *text);
/* 0 (the default) puts the text at the start, 1 at the end. */
void        xf_registry_cell_set_xalign   (XfRegistryCell *self,
                                           float           xalign);
/* TRUE: asks for the size of its text, as a label does (a tier pill);
 * FALSE (the default): takes the width it is given. */
void        xf_registry_cell_set_fit_text (XfRegistryCell *self,
                                           gboolean        fit_text);

G_END_DECLS
