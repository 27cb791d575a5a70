/* xf-profile-care-group.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfProfileCareGroup is the profile page's "Care" group: the pioneer's
 * care profile (retired on, the hardship flag and since when; "Edit…"
 * for accounts with CARE_MANAGE at the pioneer's place) and care history
 * from xf_care_history, newest first: date, programme, what happened and
 * the amount. Rows are named "care-profile" and "care-history" for tests.
 */

#define XF_TYPE_PROFILE_CARE_GROUP (xf_profile_care_group_get_type ())

G_DECLARE_FINAL_TYPE (XfProfileCareGroup, xf_profile_care_group, XF, PROFILE_CARE_GROUP, AdwPreferencesGroup)

GtkWidget *xf_profile_care_group_new         (void);
/* Shows @pioneer_id's care (0: none) as @registry's actor sees it. */
void       xf_profile_care_group_set_pioneer (XfProfileCareGroup *self,
                                              XfRegistry         *registry,
                                              gint64              pioneer_id);
/* How many history rows are shown. */
guint      xf_profile_care_group_get_n_history (XfProfileCareGroup *self);

G_END_DECLS
