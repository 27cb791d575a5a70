/* xf-chart-private.h — the chart's model, shared by its files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS
