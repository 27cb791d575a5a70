/* xf-filter-chip.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfFilterChip: a small button that drops down a list of check buttons,
 * one per code. While codes are chosen it is highlighted, shows how many,
 * and offers a clear button. An option may name a parent option: it is
 * shown, indented, only while its parent is checked, and checking it
 * narrows the parent (dup_codes then gives the children instead of the
 * parent) — counties and their townships.
 *
 * Property "title"; signal "changed" (no arguments) after the user (or a
 * setter) changed the chosen codes.
 */

#define XF_TYPE_FILTER_CHIP (xf_filter_chip_get_type ())

G_DECLARE_FINAL_TYPE (XfFilterChip, xf_filter_chip, XF, FILTER_CHIP, GtkWidget)

GtkWidget  *xf_filter_chip_new                (const char   *title);
const char *xf_filter_chip_get_title          (XfFilterChip *self);
void        xf_filter_chip_set_title          (XfFilterChip *self,
                                               const char   *title);
void        xf_filter_chip_add_option         (XfFilterChip *self,
                                               const char   *code,
                                               const char   *label,
                                               const char   *parent_code);
void        xf_filter_chip_remove_all_options (XfFilterChip *self);
/* Returns FALSE when no option has @code. */
gboolean    xf_filter_chip_set_code_active    (XfFilterChip *self,
                                               const char   *code,
                                               gboolean      active);
/* (transfer full): the codes the filter accepts, or NULL when none is chosen. */
GStrv       xf_filter_chip_dup_codes          (XfFilterChip *self);
guint       xf_filter_chip_get_n_chosen       (XfFilterChip *self);
void        xf_filter_chip_clear              (XfFilterChip *self);

G_END_DECLS
