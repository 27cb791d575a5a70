/* xf-nomination-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfNominationDialog enters a nomination in a campaign: the candidate —
 * an existing pioneer found by search, or a new person or collective
 * (saved as a cultivation target with the nomination) — the nominating
 * unit, its contact, the candidate's service since, and the case. "Save
 * draft" keeps it with the unit; "Submit" saves and submits it. Core's
 * refusals show in the dialog, naming the field, and the dialog stays
 * open. Opened on an existing nomination (draft or returned), it edits
 * the unit's part; the candidate is fixed.
 *
 * Actions (group "nomination-dialog"): save, submit.
 * Signal "created" (gint64 nomination id): a new nomination was first
 * saved (as a draft, even when submitting it then failed).
 */

#define XF_TYPE_NOMINATION_DIALOG (xf_nomination_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfNominationDialog, xf_nomination_dialog, XF, NOMINATION_DIALOG, AdwWindow)

void       xf_nomination_dialog_present    (GtkWindow    *parent,
                                            XfEvaluation *evaluation,
                                            gint64        campaign_id);
GtkWidget *xf_nomination_dialog_new        (XfEvaluation *evaluation,
                                            gint64        campaign_id);
GtkWidget *xf_nomination_dialog_new_for_nomination (XfEvaluation *evaluation,
                                            gint64        nomination_id);

G_END_DECLS
