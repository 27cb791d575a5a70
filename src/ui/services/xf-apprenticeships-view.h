/* xf-apprenticeships-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfApprenticeshipsView: the Services page's "Apprenticeships" tab.
 * Requests to become a pioneer's apprentice (我要拜师) and the mentoring
 * that follows (师带徒), grouped by status (requested first), each with
 * its apprentice and master; a status filter; "New request" and a row
 * open XfApprenticeshipDialog (accept, decline, check-ins, complete).
 *
 * Actions (group "apprenticeships-view"): new, open (x: apprenticeship id).
 */

#define XF_TYPE_APPRENTICESHIPS_VIEW (xf_apprenticeships_view_get_type ())

G_DECLARE_FINAL_TYPE (XfApprenticeshipsView, xf_apprenticeships_view, XF, APPRENTICESHIPS_VIEW, AdwBin)

GtkWidget *xf_apprenticeships_view_new        (XfServices            *services);
void       xf_apprenticeships_view_refresh    (XfApprenticeshipsView *self);
/* NULL: any status; else an XF_APPRENTICESHIP_*. */
void       xf_apprenticeships_view_set_status (XfApprenticeshipsView *self,
                                               const char            *status);

G_END_DECLS
