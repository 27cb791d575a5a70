/* xf-nomination-view-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-nomination-view.h"
#include "xf-notice-board.h"
#include "xf-stage-timeline.h"

G_BEGIN_DECLS

struct _XfNominationView
{
  AdwBin               parent_instance;

  XfEvaluation        *evaluation;
  XfNoticeBoard       *notice_board;   /* for the notice a nomination is on */
  gint64               nomination_id;
  XfNomination        *nomination;
  XfCampaign          *campaign;
  XfPioneer           *pioneer;
  GPtrArray           *materials;      /* (element-type XfMaterial) */
  GPtrArray           *visits;         /* (element-type XfStageVisit) */
  GCancellable        *cancellable;    /* material reads; cancelled in dispose */
  AdwLeaflet          *leaflet;        /* the one around the view, while rooted */
  GtkWidget           *review_panel;   /* created on first need */
  AdwToast            *toast;          /* (nullable) weak: the one shown or queued */
  guint                refresh_source;
  gboolean             filling;        /* check buttons set by a refill, not the user */
  GPtrArray           *eligibility_rows;
  GPtrArray           *candidate_rows;
  GPtrArray           *unit_rows;
  GPtrArray           *material_rows;
  GPtrArray           *checklist_rows;
  GPtrArray           *vetting_rows;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkWidget           *empty_back_button;
  AdwWindowTitle      *window_title;
  GtkWidget           *edit_button;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *stage_label;
  GtkLabel            *due_label;
  GtkLabel            *outcome_label;
  GtkWidget           *actions_box;
  GtkLabel            *error_label;
  AdwPreferencesGroup *eligibility_group;
  AdwPreferencesGroup *committee_group;
  AdwPreferencesGroup *candidate_group;
  AdwPreferencesGroup *unit_group;
  AdwPreferencesGroup *case_group;
  GtkLabel            *case_label;
  AdwPreferencesGroup *materials_group;
  GtkWidget           *add_material_button;
  AdwPreferencesGroup *checklist_group;
  AdwPreferencesGroup *vetting_group;
  AdwPreferencesGroup *timeline_group;
  XfStageTimeline     *timeline;
};

/* xf-nomination-view.c */
XfRegistry *_xf_nomination_view_get_registry (XfNominationView *self);
/* Shows core's refusal in the pane, above the sections. */
void        _xf_nomination_view_show_error    (XfNominationView *self,
                                               const GError     *error);
void        _xf_nomination_view_show_toast    (XfNominationView *self,
                                               const char       *text);
/* Whether the actor may do @op at the candidate's place. */
gboolean    _xf_nomination_view_may           (XfNominationView *self,
                                               XfOperation       op);

/* xf-nomination-view-sections.c: the sections below the status. */
void        _xf_nomination_view_fill_sections (XfNominationView *self);

/* xf-nomination-view-actions.c: the actions and what they ask first. */
void        _xf_nomination_view_fill_actions  (XfNominationView *self,
                                               GArray           *allowed);
void        _xf_nomination_view_checklist_toggled (XfNominationView *self);
void        _xf_nomination_view_install_actions (GtkWidgetClass *widget_class);
/* Dropping files on the materials adds them. */
void        _xf_nomination_view_setup_drop    (XfNominationView *self);

G_END_DECLS
