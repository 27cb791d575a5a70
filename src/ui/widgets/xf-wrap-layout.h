/* xf-wrap-layout.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfWrapLayout lays a widget's children out in a row, each at its natural
 * width, and starts a new line when the next one does not fit — the way
 * words wrap in a paragraph. Unlike GtkFlowBox it does not line children up
 * in columns, which suits small pills of unequal width (filter chips).
 *
 * Properties: spacing (between children on a line) and line-spacing
 * (between lines), in pixels.
 */

#define XF_TYPE_WRAP_LAYOUT (xf_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (XfWrapLayout, xf_wrap_layout, XF, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *xf_wrap_layout_new              (void);
int               xf_wrap_layout_get_spacing      (XfWrapLayout *self);
void              xf_wrap_layout_set_spacing      (XfWrapLayout *self,
                                                   int           spacing);
int               xf_wrap_layout_get_line_spacing (XfWrapLayout *self);
void              xf_wrap_layout_set_line_spacing (XfWrapLayout *self,
                                                   int           spacing);

G_END_DECLS
