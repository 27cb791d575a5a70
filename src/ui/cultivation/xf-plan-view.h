/* xf-plan-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation.h"

G_BEGIN_DECLS

/*
 * XfPlanView: one cultivation plan. The target (a row that opens the
 * profile through "cultivation.open-pioneer"), the honour aimed at, its
 * progress and badges; the plan's facts (mentor, linking to the mentor's
 * profile likewise; organisation; start; status); its goals and
 * milestones, each achieved with a date and evidence (or undone), removed
 * after a confirmation with an undo toast; new goals; the yearly reviews
 * and a new one; Close plan… and Nominate… (an open campaign and the
 * nominating unit; the toast offers "cultivation.open-nomination").
 *
 * The steps are off (insensitive, the tooltip saying why) unless the
 * actor may edit plans at the target's place (xf_registry_check_id) and
 * the plan is active. Every step writes through core at once; the view
 * reads again after its cultivation's ::changed, through the page.
 *
 * Actions (group "plan"): nominate, close, add-goal, add-review,
 * achieve-goal (x), undo-goal (x), remove-goal (x). Goal rows are named
 * "goal-row", review rows "review-row", the mentor's "mentor-row", the
 * target's "target-row".
 */

#define XF_TYPE_PLAN_VIEW (xf_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (XfPlanView, xf_plan_view, XF, PLAN_VIEW, AdwBin)

GtkWidget                *xf_plan_view_new      (XfCultivation *cultivation);
/* Shows @plan_id (0: nothing). */
void                      xf_plan_view_show     (XfPlanView    *self,
                                                 gint64         plan_id);
void                      xf_plan_view_refresh  (XfPlanView    *self);
/* (transfer none) (nullable): the plan as last read. */
const XfCultivationPlan  *xf_plan_view_get_plan (XfPlanView    *self);
/* Whether the steps are on for the plan shown. */
gboolean                  xf_plan_view_get_editable (XfPlanView *self);

G_END_DECLS
