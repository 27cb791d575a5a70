/* xf-care-member-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareMemberDialog adds a pioneer to a batch by hand: a pioneer picker
 * (XfPioneerPicker); once one is chosen, core says whether they are
 * eligible on the batch's reference date (xf_care_check_eligible), and
 * when not, why, and asks for the reason to add them anyway. Core adds
 * (xf_care_add_member) or refuses; the refusal shows in the dialog.
 * Signal ::added (gint64 pioneer id).
 *
 * Children named for tests: "member-picker" (the picker),
 * "eligibility-label", "override-row" (an AdwEntryRow), "error-label",
 * "add-button".
 */

#define XF_TYPE_CARE_MEMBER_DIALOG (xf_care_member_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfCareMemberDialog, xf_care_member_dialog, XF, CARE_MEMBER_DIALOG, AdwWindow)

GtkWidget *xf_care_member_dialog_new          (GtkWindow          *parent,
                                               XfCare             *care,
                                               const XfCareBatch  *batch);
/* Chooses @pioneer_id (as the picker would) and checks eligibility. */
void       xf_care_member_dialog_set_pioneer  (XfCareMemberDialog *self,
                                               gint64              pioneer_id,
                                               const char         *name);
/* Whether core found the chosen pioneer eligible (FALSE: none chosen). */
gboolean   xf_care_member_dialog_is_eligible  (XfCareMemberDialog *self);
/* Adds as the button does; FALSE when refused (the message shows). */
gboolean   xf_care_member_dialog_add          (XfCareMemberDialog *self);

G_END_DECLS
