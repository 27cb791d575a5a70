/* xf-chart-private.h — the chart's model, shared by its files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "xf-chart.h"

G_BEGIN_DECLS

struct _XfChart
{
  XfChartKind  kind;
  char        *title;
  char        *x_title;
  char        *y_title;
  GPtrArray   *categories;     /* (element-type utf8) */
  GPtrArray   *series_labels;  /* (element-type utf8) */
  GPtrArray   *series_values;  /* (element-type GArray (element-type double)) */
};

/* The sum of @series' values (negative values count as 0). */
double _xf_chart_series_total   (const XfChart *chart,
                                 guint          series);
/* The sum of every series' value in @category. */
double _xf_chart_category_total (const XfChart *chart,
                                 guint          category);
/* Whether there is anything to draw. */
gboolean _xf_chart_is_empty     (const XfChart *chart);
/* "125" or "3.5": integers without decimals. (transfer full) */
char  *_xf_chart_format_value   (double         value);

/*
 * Layout, shared by the drawing and the hit test (xf-chart-layout.c)
 */

#define XF_CHART_PADDING      12.0
#define XF_CHART_GAP          6.0
#define XF_CHART_SWATCH       10.0
#define XF_CHART_DEFAULT_FONT "Noto Sans CJK SC, Sans 10"
#define XF_CHART_LINE_HIT     8.0

typedef struct
{
  double x, y, width, height;
} XfChartBox;

typedef struct
{
  guint      series;
  guint      category;
  XfChartBox box;             /* bars; a point's box is centred on it */
  double     angle0, angle1;  /* donut slices */
} XfChartItem;

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  PangoFontDescription *title_font;
  double                line_height;
  double                width, height;
  gboolean              empty;
  XfChartBox            title;
  XfChartBox            plot;
  double                axis_max, step;
  double                tick_width;
  double                label_angle;     /* 0 or -45° in radians */
  double                label_length;    /* the most a category label may take */
  guint                 label_every;     /* draw every n-th category label */
  double                legend_top;
  double                cx, cy, r_outer, r_inner;   /* donut */
  GArray               *items;           /* (element-type XfChartItem) */
} XfChartLayout;

typedef void (*XfChartPlaceEntry) (const XfChartLayout *layout,
                                   guint                i,
                                   double               x,
                                   double               y,
                                   gpointer             data);

void         _xf_chart_layout_compute (const XfChart      *chart,
                                       const XfChartStyle *style,
                                       double              width,
                                       double              height,
                                       XfChartLayout      *layout);
void         _xf_chart_layout_clear   (XfChartLayout      *layout);
PangoLayout *_xf_chart_text_layout    (const XfChartLayout        *layout,
                                       const PangoFontDescription *font,
                                       const char                 *text);
void         _xf_chart_text_size      (const XfChartLayout        *layout,
                                       const PangoFontDescription *font,
                                       const char                 *text,
                                       double                     *width,
                                       double                     *height);
char        *_xf_chart_tick_label     (double              value,
                                       double              step);
const char  *_xf_chart_legend_label   (const XfChart      *chart,
                                       guint               i);
/* Lays the legend out in rows from @top, calling @place for each entry
 * (NULL: only measures); returns its height. */
double       _xf_chart_flow_legend    (const XfChart       *chart,
                                       const XfChartLayout *layout,
                                       double               top,
                                       XfChartPlaceEntry    place,
                                       gpointer             data);

G_END_DECLS
