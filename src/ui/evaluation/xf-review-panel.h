/* xf-review-panel.h — a committee member's review of one nomination
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfReviewPanel: what the actor, a committee member, does with one
 * nomination of a round. Core decides every step; the panel shows where
 * the member stands (xf_evaluation_get_my_review):
 *
 *   recused   the reason only, nothing else (no scores, no vote);
 *   declare   "I have no conflict of interest" or "I have a conflict…"
 *             with a reason, before anything of the case is shown;
 *   review    one row per rubric criterion (name, description, weight,
 *             a spin button 0..max), the member's weighted score
 *             computed live (xf_score_weighted), Save scores, then the
 *             vote — for, against or abstain — after a confirmation that
 *             a vote is final; once voted (or the round closed) the same
 *             rows read-only, with the vote, and the other members'
 *             scores where core shows them (xf_evaluation_list_scores).
 *
 * Keyboard: Tab moves from one criterion to the next, typed numbers are
 * taken, Enter saves the scores.
 *
 * Actions: review.declare, review.save-scores, review.vote ("s": "for",
 * "against" or "abstain"; asks first). Template children, for tests:
 * state_stack ("empty" | "recused" | "declare" | "review" | "error"),
 * recused_status, no_conflict_check, conflict_check, reason_row,
 * declare_button, for_button, against_button, abstain_button, vote_box,
 * criteria_list (one row per criterion, each with a GtkSpinButton),
 * weighted_label, save_state_label, vote_group, vote_label, others_group,
 * others_list, error_label.
 *
 * The panel follows XfEvaluation::changed for its nomination.
 */

#define XF_TYPE_REVIEW_PANEL (xf_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (XfReviewPanel, xf_review_panel, XF, REVIEW_PANEL, AdwBin)

GtkWidget  *xf_review_panel_new             (XfEvaluation  *evaluation);
/* @nomination_id 0 (or @round_id 0): nothing to review. */
void        xf_review_panel_set_nomination  (XfReviewPanel *self,
                                             gint64         round_id,
                                             gint64         nomination_id);
/* Reads the member's review again (set_nomination does it once). */
void        xf_review_panel_refresh         (XfReviewPanel *self);
/* The spin button of criterion @index, or NULL (for tests). */
GtkSpinButton *xf_review_panel_get_score_spin (XfReviewPanel *self,
                                             guint          index);
/* The weighted score of the values shown (0–100), NAN when none. */
double      xf_review_panel_get_weighted    (XfReviewPanel *self);

G_END_DECLS
