/* xf-apprenticeship-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfApprenticeshipDialog takes a new request to become a pioneer's
 * apprentice (我要拜师: the master, the apprentice's name, contact,
 * employer and goal) or shows one: its facts and check-ins, and the steps
 * its status allows — a requested one is accepted (plan and end date) or
 * declined (a reason, confirmed); an accepted one gets dated check-ins and
 * is completed with a note. Every step writes through core at once; a
 * refusal shows in the dialog, naming the field, and it stays open.
 *
 * Actions (group "apprenticeship-dialog"): request, accept, decline,
 * add-check-in, complete.
 * Signal "created" (gint64 apprenticeship id).
 */

#define XF_TYPE_APPRENTICESHIP_DIALOG (xf_apprenticeship_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfApprenticeshipDialog, xf_apprenticeship_dialog, XF, APPRENTICESHIP_DIALOG, AdwWindow)

/* @apprenticeship_id 0: a new request. Not yet presented. */
GtkWidget  *xf_apprenticeship_dialog_new                   (XfServices             *services,
                                                            gint64                  apprenticeship_id);
/* The apprenticeship shown (0 before a new request is made). */
gint64      xf_apprenticeship_dialog_get_apprenticeship_id (XfApprenticeshipDialog *self);
/* The error shown, or NULL. */
const char *xf_apprenticeship_dialog_get_error             (XfApprenticeshipDialog *self);

G_END_DECLS
