/* xf-feedback-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfFeedbackDialog records the requester's feedback (点赞/评价) on a done
 * request: a rating of one to five stars (toggle buttons, reachable by
 * keyboard; the chosen star again clears it), a like (点赞), a comment and
 * a complaint, which opens a follow-up for the dispatcher. "Record" asks
 * core (xf_services_rate); a refusal shows in the dialog, success emits
 * "rated" and closes it.
 */

#define XF_TYPE_FEEDBACK_DIALOG (xf_feedback_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfFeedbackDialog, xf_feedback_dialog, XF, FEEDBACK_DIALOG, AdwWindow)

/* Not yet presented. */
GtkWidget *xf_feedback_dialog_new        (GtkWindow        *parent,
                                          XfServices       *services,
                                          gint64            request_id);
/* 0 (none) to 5, as the stars show it. */
int        xf_feedback_dialog_get_rating (XfFeedbackDialog *self);
void       xf_feedback_dialog_set_rating (XfFeedbackDialog *self,
                                          int               rating);

G_END_DECLS
