/* xf-profile-cultivation-group.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfProfileCultivationGroup is the profile page's "Cultivation" and
 * "Skill training" groups, one above the other: the pioneer's open plan
 * (xf_cultivation_plan_for) with the honour aimed at, mentor, status and
 * progress, and a button that opens it on the Cultivation page when the
 * window has one; then the courses from xf_cultivation_training_for with
 * hours and results, and the hours in all. Rows are named "plan",
 * "training" and "training-total" for tests.
 */

#define XF_TYPE_PROFILE_CULTIVATION_GROUP (xf_profile_cultivation_group_get_type ())

G_DECLARE_FINAL_TYPE (XfProfileCultivationGroup, xf_profile_cultivation_group, XF, PROFILE_CULTIVATION_GROUP, GtkBox)

GtkWidget *xf_profile_cultivation_group_new         (void);
void       xf_profile_cultivation_group_set_pioneer (XfProfileCultivationGroup *self,
                                                     XfRegistry                *registry,
                                                     gint64                     pioneer_id);
guint      xf_profile_cultivation_group_get_n_training (XfProfileCultivationGroup *self);

G_END_DECLS
