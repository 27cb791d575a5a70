/* xf-nomination-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfNominationView is the detail pane of one nomination, with its own
 * header bar: the stage and its due date, the actions the actor may take
 * now (xf_evaluation_allowed_actions; those needing a reason ask for it),
 * the candidate, the nominating unit, the case, eligibility, materials,
 * the preliminary checklist, joint-vetting sign-offs, the committee
 * member's review panel while the nomination is in an open round, and
 * the stage timeline. Core's refusals are shown in the pane, in the
 * user's language. It follows XfEvaluation::changed.
 *
 * Actions (group "nomination"): act (s: an XfAction code), edit,
 * add-material, open-material (x), remove-material (x), clear-vetting
 * (s: department code), veto (s), close.
 * Signal "closed" (no arguments): the user pressed back/close.
 * Property "nomination-id" (int64, 0: none, the empty state shows).
 */

#define XF_TYPE_NOMINATION_VIEW (xf_nomination_view_get_type ())

G_DECLARE_FINAL_TYPE (XfNominationView, xf_nomination_view, XF, NOMINATION_VIEW, AdwBin)

GtkWidget *xf_nomination_view_new             (XfEvaluation     *evaluation);
void       xf_nomination_view_set_nomination  (XfNominationView *self,
                                               gint64            nomination_id);
gint64     xf_nomination_view_get_nomination  (XfNominationView *self);
void       xf_nomination_view_refresh         (XfNominationView *self);
/* Reads @file in a worker and adds it as a material, as "Add…" and
 * dropping a file on the materials do; refusals show in the pane. */
void       xf_nomination_view_add_material_file (XfNominationView *self,
                                               GFile            *file);

G_END_DECLS
