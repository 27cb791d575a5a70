/* xf-review-panel-private.h — shared by the parts of XfReviewPanel
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-review-panel.h"

G_BEGIN_DECLS

/*
 * The parts: xf-review-panel.c (object, reading the review, the
 * declaration and the vote), xf-review-panel-scores.c (the scoring form
 * and the other members' scores).
 */
struct _XfReviewPanel
{
  AdwBin          parent_instance;

  XfEvaluation   *evaluation;
  gint64          round_id;
  gint64          nomination_id;
  gint64          campaign_id;
  GPtrArray      *rubric;         /* (element-type XfCriterion) of the rows shown */
  GPtrArray      *spins;          /* (element-type GtkSpinButton) (transfer none), one per criterion */
  gboolean        editable;       /* declared, not voted, round open */
  gboolean        dirty;          /* scores changed since read or saved */
  gboolean        loading;        /* values being set from core, not by the member */
  char           *pending_vote;   /* asked about in the confirmation */

  /* Template widgets */
  GtkLabel       *round_label;
  GtkStack       *state_stack;
  AdwStatusPage  *recused_status;
  GtkCheckButton *no_conflict_check;
  GtkCheckButton *conflict_check;
  AdwEntryRow    *reason_row;
  GtkWidget      *declare_button;
  GtkListBox     *criteria_list;
  GtkLabel       *weighted_label;
  GtkLabel       *save_state_label;
  GtkWidget      *save_button;
  AdwPreferencesGroup *vote_group;
  GtkWidget      *vote_box;
  GtkWidget      *for_button;
  GtkWidget      *against_button;
  GtkWidget      *abstain_button;
  GtkLabel       *vote_label;
  GtkWidget      *others_group;
  GtkListBox     *others_list;
  AdwStatusPage  *error_status;
  GtkLabel       *error_label;
};

/* xf-review-panel.c */
void        _xf_review_panel_show_error        (XfReviewPanel *self,
                                                const GError  *error);
const char *_xf_review_panel_vote_label        (const char    *vote);
void        _xf_review_panel_clear_list        (GtkListBox    *list);

/* xf-review-panel-scores.c */
void        _xf_review_panel_update_weighted   (XfReviewPanel *self);
void        _xf_review_panel_update_save_state (XfReviewPanel *self);
gboolean    _xf_review_panel_same_rubric       (GPtrArray     *a,
                                                GPtrArray     *b);
/* Rows for @rubric, kept when it is the rubric already shown. */
void        _xf_review_panel_build_criteria    (XfReviewPanel *self,
                                                GPtrArray     *rubric);
/* Shows @scores (NAN: 0, to fill in), read-only unless editable. */
void        _xf_review_panel_set_scores        (XfReviewPanel *self,
                                                GArray        *scores);
gboolean    _xf_review_panel_save_scores       (XfReviewPanel *self);
void        _xf_review_panel_save_scores_action (GtkWidget    *widget,
                                                const char    *action_name,
                                                GVariant      *parameter);
/* The committee's scores, when @may_show and core shows them. */
void        _xf_review_panel_fill_others       (XfReviewPanel *self,
                                                gboolean       may_show);

G_END_DECLS
