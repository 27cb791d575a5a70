/* xf-assign-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfAssignDialog is the dispatcher's choice for an unclaimed request: the
 * pioneers core suggests (xf_services_suggest), best first, each with its
 * score, the five parts of it as small bars (skills, industry, region,
 * load, rating) and a line saying why. Choosing one and "Assign" asks
 * core (xf_services_assign); a refusal shows in the dialog, success emits
 * "assigned" (gint64 pioneer id, string name) and closes it.
 */

#define XF_TYPE_ASSIGN_DIALOG (xf_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfAssignDialog, xf_assign_dialog, XF, ASSIGN_DIALOG, AdwWindow)

/* Not yet presented. */
GtkWidget *xf_assign_dialog_new             (GtkWindow      *parent,
                                             XfServices     *services,
                                             gint64          request_id);
/* The suggestions shown (element-type XfServiceMatch), best first. */
GPtrArray *xf_assign_dialog_get_suggestions (XfAssignDialog *self);
/* Selects the suggestion of @pioneer_id; FALSE when it is not one. */
gboolean   xf_assign_dialog_select          (XfAssignDialog *self,
                                             gint64          pioneer_id);

G_END_DECLS
