/* xf-campaign-dialog-private.h — what the parts of the campaign dialog share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-campaign-dialog.h"
#include "xf-date-button.h"

G_BEGIN_DECLS

/* The dialog's editable lists. */
typedef enum
{
  XF_CAMPAIGN_LIST_RUBRIC,
  XF_CAMPAIGN_LIST_VETTING,
  XF_CAMPAIGN_LIST_CHECKLIST,
  XF_CAMPAIGN_LIST_COMMITTEE,
  XF_N_CAMPAIGN_LISTS,
} XfCampaignList;

struct _XfCampaignDialog
{
  AdwWindow         parent_instance;

  XfEvaluation     *evaluation;
  XfCampaign       *campaign;          /* as last read or saved; the form edits a copy */
  GPtrArray        *loaded_committee;  /* of XfCommitteeMember, to tell a change */
  GArray           *organisation_ids;  /* gint64 per drop-down position; 0 = none */
  GPtrArray        *accounts;          /* of XfAccount who may sit on a committee */
  GtkStringList    *account_names;     /* their names, one per position */
  gboolean          may_set_committee; /* the accounts could be read */
  gboolean          filling;           /* the form is being set from a campaign */
  GPtrArray        *items[XF_N_CAMPAIGN_LISTS];  /* of XfCampaignItem (xf-campaign-dialog-lists.c) */
  GtkCheckButton   *chair_group;       /* the first member's chair check: the others join it */

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *save_button;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwPreferencesPage *preferences_page;
  AdwEntryRow      *title_row;
  GtkWidget        *year_row;
  GtkSpinButton    *year_spin;
  AdwComboRow      *level_row;
  GtkWidget        *organiser_row;
  GtkDropDown      *organiser_dropdown;
  GtkWidget        *quota_row;
  GtkSpinButton    *quota_spin;
  GtkWidget        *opens_row;
  XfDateButton     *opens_button;
  GtkWidget        *closes_row;
  XfDateButton     *closes_button;
  AdwEntryRow      *regions_row;
  AdwEntryRow      *organisations_row;
  GtkWidget        *promise_row;
  GtkSpinButton    *promise_spin;
  GtkWidget        *preliminary_row;
  GtkSpinButton    *preliminary_spin;
  GtkWidget        *committee_row;
  GtkSpinButton    *committee_spin;
  GtkWidget        *notice_row;
  GtkSpinButton    *notice_spin;
  GtkWidget        *decision_row;
  GtkSpinButton    *decision_spin;
  GtkWidget        *min_notice_row;
  GtkSpinButton    *min_notice_spin;
  GtkLabel         *plan_label;
  GtkWidget        *quorum_row;
  GtkSpinButton    *quorum_num_spin;
  GtkSpinButton    *quorum_den_spin;
  GtkWidget        *pass_row;
  GtkSpinButton    *pass_num_spin;
  GtkSpinButton    *pass_den_spin;
  AdwComboRow      *tie_row;
  AdwComboRow      *aggregation_row;
  GtkWidget        *normalise_row;
  GtkSwitch        *normalise_switch;
  GtkWidget        *min_age_row;
  GtkSpinButton    *min_age_spin;
  GtkWidget        *max_age_row;
  GtkSpinButton    *max_age_spin;
  GtkWidget        *service_row;
  GtkSpinButton    *service_spin;
  GtkWidget        *exclude_row;
  GtkSwitch        *exclude_switch;
  AdwPreferencesGroup *rubric_group;
  AdwPreferencesGroup *vetting_group;
  AdwPreferencesGroup *checklist_group;
  AdwPreferencesGroup *committee_group;
};

/* xf-campaign-dialog-lists.c: the rubric, vetting, checklist and
 * committee rows. */
void       _xf_campaign_dialog_init_lists      (XfCampaignDialog *self);
/* Rows for @campaign's lists (the committee too), replacing any. */
void       _xf_campaign_dialog_fill_lists      (XfCampaignDialog *self,
                                                XfCampaign       *campaign);
/* Writes the rubric, vetting and checklist rows into @campaign. */
void       _xf_campaign_dialog_collect_lists   (XfCampaignDialog *self,
                                                XfCampaign       *campaign);
/* (element-type XfCommitteeMember) the committee rows. */
GPtrArray *_xf_campaign_dialog_collect_committee (XfCampaignDialog *self);
/* The first row of @list, to point at when core names it; NULL when empty. */
GtkWidget *_xf_campaign_dialog_list_first_row  (XfCampaignDialog *self,
                                                XfCampaignList    list);
void       _xf_campaign_dialog_lists_class_init (GtkWidgetClass  *widget_class);
void       _xf_campaign_dialog_free_lists      (XfCampaignDialog *self);

G_END_DECLS
