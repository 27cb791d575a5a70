/* xf-committee-view.h — a campaign's committee review: rounds, progress,
 * results, ties and closing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfCommitteeView shows one campaign's committee review as its actor may
 * see it; core decides what that is and the view shows its refusals.
 *
 *   the round   the open one ("Round 2, opened …, 4 nominations") or "No
 *               round open" with, for the chair, "Open Round";
 *   progress    per member (xf_evaluation_get_round_progress): declared,
 *               scored and voted of the nominations assigned, recused,
 *               last reminded; the chair's "Remind" per member and
 *               "Remind All";
 *   results     a column view of xf_evaluation_compute_results: rank,
 *               candidate, votes for / against / abstaining and the
 *               outcome under the vote rule, quorum, mean, trimmed mean,
 *               normalised (when the campaign normalises), final score,
 *               spread, within the quota; tied rows flagged, and for the
 *               chair the tied nominations to put in order ("Confirm
 *               Order" → xf_evaluation_resolve_tie);
 *   rounds      every round with the aggregation recorded when it closed;
 *               activating one shows its results.
 *
 * "Close Round…" (the chair) asks first, saying how many nominations go to
 * public notice and how many are not selected.
 *
 * Actions: committee.open-round, committee.remind ("x": an account id),
 * committee.remind-all, committee.close-round (asks), committee.show-round
 * ("x": a round id), committee.confirm-order. Template children, for
 * tests: main_stack ("none" | "campaign" | "error"), round_title,
 * round_subtitle, section_stack ("progress" | "results" | "rounds"),
 * progress_stack ("list" | "no-round" | "denied"), progress_list,
 * open_round_button, remind_all_button, close_button, results_caption,
 * results_stack ("list" | "empty" | "denied"), results_view, tie_box,
 * tie_list, rounds_list, error_label.
 *
 * A hidden view reads its campaign when it is next shown; it follows
 * XfEvaluation::changed for its campaign.
 */

#define XF_TYPE_COMMITTEE_VIEW (xf_committee_view_get_type ())

G_DECLARE_FINAL_TYPE (XfCommitteeView, xf_committee_view, XF, COMMITTEE_VIEW, AdwBin)

GtkWidget  *xf_committee_view_new           (XfEvaluation    *evaluation);
/* @campaign_id 0: no campaign. */
void        xf_committee_view_set_campaign  (XfCommitteeView *self,
                                             gint64           campaign_id);
void        xf_committee_view_refresh       (XfCommitteeView *self);

/* The round whose results are shown (0: none). */
gint64      xf_committee_view_get_shown_round (XfCommitteeView *self);
/* (element-type XfNominationResult) (transfer none) (nullable): the
 * results shown, as core computed them. */
GPtrArray  *xf_committee_view_get_results   (XfCommitteeView *self);
/* The chair's order of the tied nominations so far (for tests): moves
 * the tied nomination at @index up (-1) or down (+1). */
void        xf_committee_view_move_tied     (XfCommitteeView *self,
                                             guint            index,
                                             int              delta);
/* (element-type gint64): the tied nominations in the order shown. */
GArray     *xf_committee_view_get_tie_order (XfCommitteeView *self);

G_END_DECLS
