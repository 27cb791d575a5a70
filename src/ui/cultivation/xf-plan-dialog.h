/* xf-plan-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation.h"

G_BEGIN_DECLS

/*
 * XfPlanDialog: a new cultivation plan — the target (a pioneer picker),
 * the honour aimed at (title, level, year), the mentor (a picker of
 * individuals), the managing organisation (the target's own by default),
 * the start and the first goals (kind, title, due date; added to a list
 * before the plan is saved, and saved with it). "Create" writes through
 * core at once; a refusal shows in the dialog's error line (core names
 * the field) and the dialog stays open; success emits "created" and
 * closes it.
 *
 * Action "plan-dialog.create", "plan-dialog.add-goal". Template children
 * (for tests): target_bin, title_row, level_row, year_row, mentor_bin,
 * organisation_row, starts_row, goal_kind_row, goal_title_row,
 * goal_due_row, goals_group (rows named "new-goal-row").
 */

#define XF_TYPE_PLAN_DIALOG (xf_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfPlanDialog, xf_plan_dialog, XF, PLAN_DIALOG, AdwWindow)

/* Not yet presented. */
GtkWidget  *xf_plan_dialog_new          (XfCultivation *cultivation);
/* The pickers (for tests). */
GtkWidget  *xf_plan_dialog_get_target_picker (XfPlanDialog *self);
GtkWidget  *xf_plan_dialog_get_mentor_picker (XfPlanDialog *self);
/* The error shown, or NULL. */
const char *xf_plan_dialog_get_error    (XfPlanDialog  *self);

G_END_DECLS
