/* xf-index-weights-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-ranking.h"

G_BEGIN_DECLS

/*
 * XfIndexWeightsDialog: the administrator's new set of weights for the
 * pioneer index. Each component with its weight and its two caps (per
 * visitor or source a day, per pioneer a day; 0: none), the first month in
 * force (not before the current one) and the reason, required. Core checks
 * everything (xf_ranking_set_weights ()); its message, naming the field,
 * shows beneath the form. ::saved (gint64 set id) after a save.
 *
 * Named widgets (for tests): "weight-ID", "per-source-day-ID",
 * "per-day-ID" (GtkSpinButton), "valid-from", "reason" (AdwEntryRow),
 * "save" (button), "error" (the error label).
 */

#define XF_TYPE_INDEX_WEIGHTS_DIALOG (xf_index_weights_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfIndexWeightsDialog, xf_index_weights_dialog, XF, INDEX_WEIGHTS_DIALOG, AdwWindow)

GtkWidget *xf_index_weights_dialog_new  (GtkWindow  *parent,
                                         XfRanking  *ranking);
/* Saves as the button does; FALSE with the error shown. */
gboolean   xf_index_weights_dialog_save (XfIndexWeightsDialog *self);

G_END_DECLS
