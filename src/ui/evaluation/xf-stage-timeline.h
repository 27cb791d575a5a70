/* xf-stage-timeline.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfStageTimeline shows a nomination's stages top to bottom, one entry per
 * XfStageVisit (xf-nomination.h): the stage, who moved it there and when,
 * and its working days — "N of M working days used" once closed, "N
 * working days left" or "N working days overdue" while open — styled by
 * due state (.success, .warning, .error, .dim-label). Visits back with the
 * nominating unit ("returned") are set apart: indented and dimmed, as
 * "With the unit: N working days (not counted)". A footer sums the office
 * days against the promise. Each entry carries an accessible label and
 * description saying the same.
 */

#define XF_TYPE_STAGE_TIMELINE (xf_stage_timeline_get_type ())

G_DECLARE_FINAL_TYPE (XfStageTimeline, xf_stage_timeline, XF, STAGE_TIMELINE, GtkWidget)

GtkWidget *xf_stage_timeline_new         (void);
/* @visits: (element-type XfStageVisit) (nullable), oldest first; read at
 * once, not kept. @promise_days: the campaign's promise, 0 for no footer. */
void       xf_stage_timeline_set_visits  (XfStageTimeline *self,
                                          GPtrArray       *visits,
                                          int              promise_days);
guint      xf_stage_timeline_get_n_entries (XfStageTimeline *self);
/* The entry widget of visit @index (for tests and focus), or NULL. */
GtkWidget *xf_stage_timeline_get_entry   (XfStageTimeline *self,
                                          guint            index);

G_END_DECLS
