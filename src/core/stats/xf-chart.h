/* xf-chart.h — charts drawn with cairo: bar, stacked bar, donut, trend line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "xf-stats.h"
#include "xf-table.h"

G_BEGIN_DECLS

/*
 * A chart is a small model (categories × series of values) and the code
 * that draws it on any cairo surface: the desktop's widget draws through
 * gtk_snapshot_append_cairo (), exports draw on PNG, SVG and PDF surfaces.
 * Text is laid out with Pango (Chinese labels), colours come from an
 * XfChartStyle so that light and dark styles both read well.
 */

typedef enum
{
  XF_CHART_BAR,          /* one bar per category, series side by side */
  XF_CHART_STACKED_BAR,  /* series stacked within each category */
  XF_CHART_DONUT,        /* the first series' values as shares */
  XF_CHART_LINE,         /* one line per series over the categories (a trend) */
} XfChartKind;

typedef enum
{
  XF_CHART_FORMAT_PNG,
  XF_CHART_FORMAT_SVG,
  XF_CHART_FORMAT_PDF,
} XfChartFormat;

typedef struct
{
  gboolean dark;
  double   foreground[4];    /* RGBA: text, axes */
  double   background[4];    /* alpha 0: transparent */
  double   grid[4];
  double   accent[4];        /* the focused item's outline */
  const char *font;          /* Pango description, e.g. "Sans 10"; NULL default */
} XfChartStyle;

/* The light or dark default style. */
void xf_chart_style_init (XfChartStyle *style,
                          gboolean      dark);

typedef struct _XfChart XfChart;

XfChart    *xf_chart_new            (XfChartKind  kind,
                                     const char  *title);
void        xf_chart_free           (XfChart     *chart);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfChart, xf_chart_free)

XfChartKind xf_chart_get_kind       (const XfChart *chart);
void        xf_chart_set_kind       (XfChart     *chart,
                                     XfChartKind  kind);
const char *xf_chart_get_title      (const XfChart *chart);
/* Axis titles (bar, stacked bar, line). */
void        xf_chart_set_axis_titles (XfChart    *chart,
                                     const char  *x_title,
                                     const char  *y_title);
/* Categories along the x axis (or the donut's slices). */
void        xf_chart_add_category   (XfChart     *chart,
                                     const char  *label);
/* A series of one value per category (missing values are 0); returns its
 * index. */
guint       xf_chart_add_series     (XfChart     *chart,
                                     const char  *label,
                                     const double *values,
                                     guint        n_values);
guint       xf_chart_get_n_categories (const XfChart *chart);
guint       xf_chart_get_n_series   (const XfChart *chart);
const char *xf_chart_get_category   (const XfChart *chart,
                                     guint        category);
const char *xf_chart_get_series_label (const XfChart *chart,
                                     guint        series);
double      xf_chart_get_value      (const XfChart *chart,
                                     guint        series,
                                     guint        category);
/* The colour of series @series (or, for a donut, slice @series) in @style:
 * a palette distinguishable in light and dark and by common colour
 * blindness. */
void        xf_chart_get_color      (const XfChart      *chart,
                                     const XfChartStyle *style,
                                     guint               series,
                                     double              rgba[4]);

/* A chart of a statistics table: categories the rows, a series per column
 * (one series when not cross-tabulated; the table's row labels). */
XfChart    *xf_chart_new_from_stats (const XfStatsTable *table,
                                     XfChartKind         kind,
                                     const char         *title);

/* Draws the whole chart — title, axes with labels, legend, bars or slices —
 * in a @width × @height box at the origin. @focus_series/@focus_category
 * (-1: none) outline one item, for keyboard focus. */
void        xf_chart_draw           (const XfChart      *chart,
                                     cairo_t            *cr,
                                     double              width,
                                     double              height,
                                     const XfChartStyle *style,
                                     int                 focus_series,
                                     int                 focus_category);
/* The item under (@x, @y) of a chart drawn at @width × @height: TRUE with
 * its series and category. For tooltips. */
gboolean    xf_chart_hit_test       (const XfChart *chart,
                                     double         width,
                                     double         height,
                                     double         x,
                                     double         y,
                                     guint         *series,
                                     guint         *category);
/* The same with the style the chart is drawn in: its font sets the sizes
 * of the labels, and so where the bars are. xf_chart_hit_test () is this
 * with the default font (style->font NULL). */
gboolean    xf_chart_hit_test_full  (const XfChart      *chart,
                                     const XfChartStyle *style,
                                     double              width,
                                     double              height,
                                     double              x,
                                     double              y,
                                     guint              *series,
                                     guint              *category);
/* "Industry C — Manufacturing, Individuals: 125 (31.2%)", for a tooltip,
 * the focused item's accessible label and the table view. (transfer full) */
char       *xf_chart_describe_item  (const XfChart *chart,
                                     guint          series,
                                     guint          category);
/* A sentence describing the whole chart for assistive technologies:
 * kind, title, the number of items, the largest and smallest. */
char       *xf_chart_describe       (const XfChart *chart);

/* The chart as a table: a column per series after the category's. */
XfTable    *xf_chart_to_table       (const XfChart *chart);

/* Writes the chart to @path at @width × @height (points for SVG and PDF,
 * pixels for PNG). Any failure (an unwritable place, a full disk) is
 * XF_ERROR_IO naming the file, and leaves no partial file. */
gboolean    xf_chart_export         (const XfChart      *chart,
                                     const char         *path,
                                     XfChartFormat       format,
                                     double              width,
                                     double              height,
                                     const XfChartStyle *style,
                                     GError            **error);
/* From a file name's extension (.png, .svg, .pdf); FALSE when none. */
gboolean    xf_chart_format_from_path (const char   *path,
                                       XfChartFormat *format);

G_END_DECLS
