/* xf-ranking-explain-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-ranking.h"

G_BEGIN_DECLS

/*
 * XfRankingExplainDialog: why a pioneer has the index it has in a month.
 * A table of the components (the points, then the raw value after caps,
 * the month's largest, the normalised value and the weight), the total
 * (= the index), which set of weights counted and since when, and "Open
 * profile" (the registry page, on the pioneer).
 *
 * Named widgets (for tests): "explain-total" (the total's label),
 * "explain-points" (each component's points), "explain-weights",
 * "explain-profile" (the button).
 */

#define XF_TYPE_RANKING_EXPLAIN_DIALOG (xf_ranking_explain_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfRankingExplainDialog, xf_ranking_explain_dialog, XF, RANKING_EXPLAIN_DIALOG, AdwWindow)

/* @ranking: the month's ranking (frozen or a preview); @entry: the
 * pioneer's explanation (xf_ranking_explain ()), copied. */
GtkWidget *xf_ranking_explain_dialog_new       (GtkWindow              *parent,
                                                XfRanking              *ranking,
                                                const XfMonthlyRanking *month,
                                                const XfRankingEntry   *entry);
gint64     xf_ranking_explain_dialog_get_pioneer_id (XfRankingExplainDialog *self);
/* The total shown, the sum of the components' points. */
double     xf_ranking_explain_dialog_get_total (XfRankingExplainDialog *self);

G_END_DECLS
