/* xf-care-batches-view-private.h — what the parts of the Batches view share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-care-batches-view.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfCareBatchesView
{
  AdwBin               parent_instance;

  XfCare              *care;
  GPtrArray           *batches;        /* of XfCareBatch, as listed */
  GPtrArray           *programmes;     /* of XfCareProgramme, the programme filter's (index 0: any) */
  XfCareBatch         *batch;          /* shown, with its members; NULL for none */
  GStrv                allowed;        /* what the actor may do with it now */
  GPtrArray           *facts_rows;
  GHashTable          *refusals;       /* pioneer id → why the actor may not act for them ("" when they may) */
  gint64               batch_id;
  int                  this_year;
  XfReloadQueue        reload;
  gboolean             may_manage;     /* CARE_MANAGE somewhere */
  gboolean             selecting;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *separator;
  GtkWidget           *details_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *programme_dropdown;
  GtkStack            *list_stack;
  GtkListBox          *batch_list;
  AdwStatusPage       *empty_status;
  GtkWidget           *empty_new_button;
  AdwStatusPage       *error_status;
  GtkWidget           *details_back_button;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *status_label;
  GtkLabel            *places_label;
  GtkLevelBar         *places_bar;
  GtkLabel            *counts_label;
  GtkLabel            *error_label;
  GtkWidget           *actions_box;
  GtkWidget           *invite_button;
  GtkWidget           *edit_button;
  GtkWidget           *add_button;
  GtkWidget           *close_button;
  GtkWidget           *cancel_button;
  AdwPreferencesGroup *facts_group;
  GtkSearchEntry      *member_search;
  GtkBox              *members_box;
};

/* xf-care-batches-view.c */
/* Whether core allows @action on the batch shown (xf_care_batch_allowed_actions). */
gboolean _xf_care_batches_view_allows       (XfCareBatchesView *self,
                                             const char        *action);
/* After a write: the batch is read again once idle; @toast (may be NULL). */
void     _xf_care_batches_view_written      (XfCareBatchesView *self,
                                             const char        *toast);
/* @ok, or core's refusal (@error) above the batch. */
gboolean _xf_care_batches_view_check_write  (XfCareBatchesView *self,
                                             gboolean           ok,
                                             GError            *error);

/* xf-care-batches-view-members.c: the members by status, each with the
 * steps core allows for them. */
void     _xf_care_batches_view_fill_members (XfCareBatchesView *self);
void     _xf_care_batches_view_members_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
