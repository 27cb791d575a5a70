/* xf-activities-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfActivitiesView: the Services page's "Activities" tab. Policy lectures
 * (政策宣讲) and skill activities (技能活动), planned ones first (soonest
 * first), then those held and cancelled; each with its initiator, date,
 * place and how many joined and attended. "New activity" and a row open
 * XfActivityDialog (participants, attendance, held, cancel).
 *
 * Actions (group "activities-view"): new, open (x: activity id).
 */

#define XF_TYPE_ACTIVITIES_VIEW (xf_activities_view_get_type ())

G_DECLARE_FINAL_TYPE (XfActivitiesView, xf_activities_view, XF, ACTIVITIES_VIEW, AdwBin)

GtkWidget *xf_activities_view_new      (XfServices       *services);
void       xf_activities_view_refresh  (XfActivitiesView *self);
/* NULL: both kinds; else XF_ACTIVITY_LECTURE or XF_ACTIVITY_SKILL. */
void       xf_activities_view_set_kind (XfActivitiesView *self,
                                        const char       *kind);

G_END_DECLS
