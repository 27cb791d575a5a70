/* xf-pipeline-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation.h"

G_BEGIN_DECLS

/*
 * XfPipelineView: core's xf_cultivation_pipeline () as a list, by
 * organisation or by county (two linked toggles), each row with its
 * targets, the counts on track, behind, ready, nominated and achieved
 * this year, and the mean progress of the active plans as a bar; the
 * total last. "Ready to nominate" lists only the groups with ready plans.
 * Activating a row activates "cultivation.show-group" ((ssb) group_by,
 * key, ready only) on itself, which the page answers.
 *
 * Rows are named "pipeline-row" ("pipeline-total" for the total), their
 * counts "count-targets", "count-on-track", "count-behind",
 * "count-ready", "count-nominated", "count-achieved".
 */

#define XF_TYPE_PIPELINE_VIEW (xf_pipeline_view_get_type ())

G_DECLARE_FINAL_TYPE (XfPipelineView, xf_pipeline_view, XF, PIPELINE_VIEW, AdwBin)

GtkWidget  *xf_pipeline_view_new          (XfCultivation  *cultivation);
void        xf_pipeline_view_refresh      (XfPipelineView *self);
/* "organisation" or "region". */
const char *xf_pipeline_view_get_group_by (XfPipelineView *self);
void        xf_pipeline_view_set_group_by (XfPipelineView *self,
                                           const char     *group_by);
void        xf_pipeline_view_set_ready_only (XfPipelineView *self,
                                             gboolean        ready_only);
/* (element-type XfPipelineRow) (transfer none): the rows shown, the
 * total last. */
GPtrArray  *xf_pipeline_view_get_rows     (XfPipelineView *self);
/* The list box (for tests). */
GtkWidget  *xf_pipeline_view_get_list     (XfPipelineView *self);

G_END_DECLS
