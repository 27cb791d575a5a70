/* xf-care-programme-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareProgrammeDialog edits a care programme (CARE_CATALOGUE): names,
 * kind, provider, quota, budget and cost in yuan, interval, and who it is
 * for as widgets that make an XfCareRules (pioneer kind, tiers, honour
 * levels and titles, age range, retired, hardship, region codes). Core
 * checks it all (the rules through their JSON, as they are stored); a
 * refusal shows beneath the field it names. Signal ::saved (gint64 id).
 *
 * Template children (for tests): code_row, kind_row, name_en_row,
 * name_zh_row, description_row, organisation_row, active_switch,
 * quota_spin, budget_row, unit_cost_row, interval_spin, kinds_row,
 * tiers_row (check buttons named "tier-<code>"), levels_row ("level-<code>"),
 * titles_row, min_age_spin, max_age_spin, retired_row, hardship_row,
 * regions_row, error_label. Error lines are named "<field>-error".
 */

#define XF_TYPE_CARE_PROGRAMME_DIALOG (xf_care_programme_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfCareProgrammeDialog, xf_care_programme_dialog, XF, CARE_PROGRAMME_DIALOG, AdwWindow)

/* @programme: (nullable): NULL for a new one. */
GtkWidget   *xf_care_programme_dialog_new   (GtkWindow             *parent,
                                             XfCare                *care,
                                             const XfCareProgramme *programme);
/* The rules the widgets describe now (transfer full). */
XfCareRules *xf_care_programme_dialog_get_rules (XfCareProgrammeDialog *self);
/* Saves as the Save button does; FALSE when refused (the message shows). */
gboolean     xf_care_programme_dialog_save  (XfCareProgrammeDialog *self);

G_END_DECLS
