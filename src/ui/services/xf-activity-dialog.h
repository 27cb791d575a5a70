/* xf-activity-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfActivityDialog plans a new activity (initiator, kind, title, date,
 * start time, place, region, capacity, description) or shows one: its
 * facts, its participants with a check button each for attendance, a
 * form to add a participant, "Mark as held" and "Cancel activity…" (a
 * reason, confirmed). Every step writes through core at once; a refusal
 * shows in the dialog, naming the field, and it stays open.
 *
 * Actions (group "activity-dialog"): create, add-participant, mark-held,
 * cancel.
 * Signal "created" (gint64 activity id).
 */

#define XF_TYPE_ACTIVITY_DIALOG (xf_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfActivityDialog, xf_activity_dialog, XF, ACTIVITY_DIALOG, AdwWindow)

/* @activity_id 0: a new activity. Not yet presented. */
GtkWidget  *xf_activity_dialog_new             (XfServices       *services,
                                                gint64            activity_id);
/* The activity shown (0 before a new one is created). */
gint64      xf_activity_dialog_get_activity_id (XfActivityDialog *self);
/* The error shown, or NULL. */
const char *xf_activity_dialog_get_error       (XfActivityDialog *self);

G_END_DECLS
