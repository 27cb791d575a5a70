/* xf-hardship-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfHardshipView: hardship cases: list, detail, two-step approval, payments
 *
 * A list of cases (search in the applicant's name, status filter with
 * "open", year) beside the case: the application, the circumstances and
 * household income (masked as core hands them out, with a note saying
 * who may see them), the amounts, a timeline of steps with who and when,
 * and a button for each step core allows the actor now
 * (xf_care_case_allowed_actions). Each step asks in an XfCareForm; core's
 * refusals show in it, next to the field they name. "New application"
 * shows for accounts with CARE_MANAGE somewhere. Escape goes back,
 * Ctrl+F searches, Ctrl+N applies. It reads again after XfCare::changed.
 */

#define XF_TYPE_HARDSHIP_VIEW (xf_hardship_view_get_type ())

G_DECLARE_FINAL_TYPE (XfHardshipView, xf_hardship_view, XF, HARDSHIP_VIEW, AdwBin)

GtkWidget *xf_hardship_view_new     (XfCare     *care);
void       xf_hardship_view_refresh (XfHardshipView *self);
/* Shows the case @case_id (0: none) and selects it when listed. */
void       xf_hardship_view_select_case (XfHardshipView *self,
                                         gint64          case_id);

/* Sets the status filter: NULL every case, "open", or an XF_CASE_*. */
void       xf_hardship_view_show_status (XfHardshipView *self,
                                         const char     *status);

G_END_DECLS
