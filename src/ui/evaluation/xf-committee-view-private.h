/* xf-committee-view-private.h — shared by the parts of XfCommitteeView
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-committee-view.h"

G_BEGIN_DECLS

/*
 * The parts: xf-committee-view.c (object, reading the campaign, the
 * round's header and actions, the rounds list), xf-committee-view-
 * progress.c (members' progress and reminders), xf-committee-view-
 * results.c (the results table and the chair's order of ties).
 */
struct _XfCommitteeView
{
  AdwBin           parent_instance;

  XfEvaluation    *evaluation;
  gint64           campaign_id;
  XfCampaign      *campaign;       /* with its committee; NULL when none */
  gboolean         is_member;
  gboolean         is_chair;
  XfReviewRound   *open_round;     /* NULL when none is open */
  GPtrArray       *rounds;         /* (element-type XfReviewRound) newest first */
  gint64           shown_round_id; /* whose results are shown */
  GPtrArray       *results;        /* (element-type XfNominationResult) of the shown round */
  GListStore      *result_items;   /* the same, as items for the column view */
  GArray          *tie_order;      /* (element-type gint64) the chair's order of tied ones */
  gboolean         stale;          /* read again when next shown */

  /* Template widgets */
  GtkStack        *main_stack;
  AdwStatusPage   *error_status;
  GtkLabel        *round_title;
  GtkLabel        *round_subtitle;
  GtkWidget       *remind_all_button;
  GtkWidget       *close_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwToastOverlay *toast_overlay;
  GtkStack        *section_stack;
  GtkStack        *progress_stack;
  GtkListBox      *progress_list;
  AdwStatusPage   *no_round_status;
  GtkWidget       *open_round_button;
  AdwStatusPage   *progress_denied_status;
  GtkLabel        *results_caption;
  GtkWidget       *tie_box;
  GtkLabel        *tie_label;
  GtkListBox      *tie_list;
  GtkStack        *results_stack;
  GtkColumnView   *results_view;
  AdwStatusPage   *results_empty_status;
  AdwStatusPage   *results_denied_status;
  GtkListBox      *rounds_list;
};

/* xf-committee-view.c */
void     _xf_committee_view_show_error  (XfCommitteeView *self,
                                         const GError    *error);
void     _xf_committee_view_show_toast  (XfCommitteeView *self,
                                         const char      *text);
/* The round @round_id of the campaign, or NULL. */
const XfReviewRound *_xf_committee_view_find_round (XfCommitteeView *self,
                                         gint64           round_id);
void     _xf_committee_view_clear_list  (GtkListBox      *list);

/* xf-committee-view-progress.c */
void     _xf_committee_view_load_progress (XfCommitteeView *self);
void     _xf_committee_view_remind_action (GtkWidget     *widget,
                                         const char      *action_name,
                                         GVariant        *parameter);
void     _xf_committee_view_remind_all_action (GtkWidget *widget,
                                         const char      *action_name,
                                         GVariant        *parameter);

/* xf-committee-view-results.c */
void     _xf_committee_view_setup_results (XfCommitteeView *self);
void     _xf_committee_view_load_results  (XfCommitteeView *self);
void     _xf_committee_view_confirm_order_action (GtkWidget *widget,
                                         const char      *action_name,
                                         GVariant        *parameter);

G_END_DECLS
