/* xf-hardship-view-private.h — what the parts of the hardship view share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-care-step-form.h"
#include "xf-hardship-view.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfHardshipView
{
  AdwBin           parent_instance;

  XfCare          *care;
  GPtrArray       *cases;        /* (element-type XfHardshipCase) as listed */
  XfHardshipCase  *shown;        /* the case on the right, payments filled; NULL: none */
  gint64           case_id;      /* the case to show; 0: none */
  gboolean         selecting;    /* the view itself moves the selection */
  XfReloadQueue    reload;
  GPtrArray       *detail_rows;  /* rows of the detail's groups, cleared on each fill */
  AdwToast        *toast;        /* the last toast (weak) */

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *list_pane;
  GtkWidget       *details_pane;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *year_dropdown;
  GtkWidget       *new_button;
  GtkStack        *list_stack;
  GtkListBox      *case_list;
  AdwStatusPage   *empty_status;
  GtkStack        *details_stack;
  GtkWidget       *back_button;
  AdwWindowTitle  *details_title;
  GtkLabel        *error_label;
  GtkWidget       *mask_note;
  AdwPreferencesGroup *applicant_group;
  AdwPreferencesGroup *personal_group;
  AdwPreferencesGroup *amounts_group;
  AdwPreferencesGroup *timeline_group;
  GtkWidget       *actions_box;
};

/* xf-hardship-view.c */
void _xf_hardship_view_done       (XfHardshipView *self,
                                   const char     *text);
void _xf_hardship_view_show_case  (XfHardshipView *self,
                                   gint64          case_id);

/* xf-hardship-view-actions.c: the steps' dialogs, by the name core gives
 * a step ("assess", "approve-first", "approve", "reject", "withdraw",
 * "pay"), and a new application. */
void _xf_hardship_view_step       (XfHardshipView *self,
                                   const char     *step);
void _xf_hardship_view_apply      (XfHardshipView *self);
/* The step's button label ("_Assess…"). */
const char *_xf_hardship_step_label (const char *step);

G_END_DECLS
