/* xf-statistics-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-chart-view.h"
#include "xf-registry.h"
#include "xf-stats.h"

G_BEGIN_DECLS

/*
 * XfStatisticsPage: statistics of the registry (统计分析). Two views in
 * the header bar's switcher:
 *
 * "Counts": pioneers classified by one of the eight dimensions (XfStats),
 * optionally split by a second (a cross-tab, drawn as stacked bars), as a
 * bar chart, stacked bars, a donut or a trend line; for individuals,
 * collectives or both, on a reference date, regions by county or
 * township, and filtered by any dimension (a dropdown per dimension
 * listing its keys as an unfiltered count finds them).
 *
 * "Weak regions": pioneers per 10,000 employed by region for an industry
 * (or all), against the city's figure; the regions below the threshold
 * (60% by default) are marked weak, by a style class, an icon and a word,
 * and a bar chart shows them beside the city average.
 *
 * Each view has its choices on the left and its chart on the right; on a
 * narrow window the choices fold away (AdwFlap) behind a header button.
 *
 * Everything is counted in core (xf_stats_count, xf_stats_weak_regions);
 * the page reads again when the registry changes (while shown; else when
 * next shown).
 *
 * Actions (group "statistics"): export (Ctrl+E: the visible chart as PNG),
 * show-table (Ctrl+T: chart or table), counts (Alt+1), weak-regions
 * (Alt+2).
 *
 * Named widgets (gtk_widget_set_name, for tests): dimension_row,
 * split_row, chart_row, kind_row, township_switch, date_button,
 * filter_row_<dimension> (e.g. filter_row_gender), total_label,
 * counts_chart, industry_row, threshold_spin, weak_township_switch,
 * weak_list, weak_chart, view_stack, controls_button; the chart view's
 * header shows the total (its "chart_caption").
 */

#define XF_TYPE_STATISTICS_PAGE (xf_statistics_page_get_type ())

G_DECLARE_FINAL_TYPE (XfStatisticsPage, xf_statistics_page, XF, STATISTICS_PAGE, AdwBin)

GtkWidget     *xf_statistics_page_new       (XfRegistry       *registry);
void           xf_statistics_page_refresh   (XfStatisticsPage *self);

XfStats       *xf_statistics_page_get_stats (XfStatisticsPage *self);
/* The query the Counts view counts under, its dimensions, and the table
 * it shows (transfer none; NULL before the first count or on error). */
const XfStatsTable  *xf_statistics_page_get_table (XfStatisticsPage *self);
/* The Weak regions view's figures (transfer none; nullable). */
const XfWeakRegions *xf_statistics_page_get_weak_regions (XfStatisticsPage *self);
/* Shows the "counts" or the "weak-regions" view. */
void           xf_statistics_page_show_view (XfStatisticsPage *self,
                                             const char       *name);

G_END_DECLS
