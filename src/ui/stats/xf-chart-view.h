/* xf-chart-view.h — a chart on screen: tooltips, keyboard focus, a table
 *                   view and export
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-chart.h"

G_BEGIN_DECLS

/*
 * Draws an XfChart (core, cairo) through gtk_snapshot_append_cairo () in the
 * style's light or dark colours, redrawing when the style changes. Hovering
 * an item shows its value in a tooltip (xf_chart_describe_item ()); the view
 * is focusable and the arrow keys move between items, the focused one
 * outlined and announced (its accessible label); the whole chart's
 * accessible description is xf_chart_describe (). A toggle switches to a
 * table of the same figures (a GtkColumnView, sortable). The Export menu
 * (PNG, SVG, PDF, CSV, XLSX) asks for a file with GtkFileChooserNative and
 * writes through xf_chart_export () / xf_table_write (); a failure shows
 * its message in a toast, never a partial file.
 *
 * Actions (on the widget): chart.export-png, chart.export-svg,
 * chart.export-pdf, chart.export-csv, chart.export-xlsx, chart.show-table
 * (stateful boolean).
 */

#define XF_TYPE_CHART_VIEW (xf_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (XfChartView, xf_chart_view, XF, CHART_VIEW, GtkWidget)

GtkWidget     *xf_chart_view_new        (void);
/* Takes @chart (transfer full; NULL: an empty state "No figures"). */
void           xf_chart_view_set_chart  (XfChartView *self,
                                         XfChart     *chart);
/* (transfer none) (nullable) */
const XfChart *xf_chart_view_get_chart  (XfChartView *self);
/* Whether the table is shown instead of the chart. */
void           xf_chart_view_set_show_table (XfChartView *self,
                                         gboolean     show_table);
gboolean       xf_chart_view_get_show_table (XfChartView *self);
/* Hides the header (title, table toggle, export menu) for small tiles
 * such as the cockpit's; the chart still takes focus and shows tooltips. */
void           xf_chart_view_set_compact (XfChartView *self,
                                         gboolean     compact);
/* The base name offered in the export dialogs ("statistics-industry"). */
void           xf_chart_view_set_export_name (XfChartView *self,
                                         const char  *name);

/* Writes the chart (.png, .svg, .pdf, in the light style) or its table
 * (.csv, .xlsx) to @path, by its extension: what the Export menu does
 * once a file is chosen. */
gboolean       xf_chart_view_export     (XfChartView *self,
                                         const char  *path,
                                         GError     **error);
/* The tooltip's text at (@x, @y) of the canvas, NULL over no item.
 * (transfer full) */
char          *xf_chart_view_describe_at (XfChartView *self,
                                         double       x,
                                         double       y);
/* The item the arrow keys have focused: FALSE when none. */
gboolean       xf_chart_view_get_focused_item (XfChartView *self,
                                         guint       *series,
                                         guint       *category);
/* A short line in the header, before the buttons ("170 pioneers
 * counted"); NULL or "" hides it. */
void           xf_chart_view_set_caption (XfChartView *self,
                                         const char  *caption);
/* The widget that draws the chart and takes the focus (for tests).
 * (transfer none) */
GtkWidget     *xf_chart_view_get_canvas (XfChartView *self);

G_END_DECLS
