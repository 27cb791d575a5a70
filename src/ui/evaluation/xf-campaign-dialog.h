/* xf-campaign-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfCampaignDialog creates or edits a campaign (XF_OP_CAMPAIGN_MANAGE):
 * title, year, level, organiser, quota, submission window, coverage, the
 * stage plan (its sum against the promise shown as it is typed), the vote
 * rule, score aggregation and normalisation, eligibility, the scoring
 * rubric, joint-vetting departments, the preliminary checklist and the
 * committee (reviewer and administrator accounts, one chair, each with
 * employer, unit and relatives for the conflict checks). Saving goes
 * through core: xf_evaluation_save_campaign, then, when the committee
 * changed, xf_evaluation_set_committee. A refusal shows core's message at
 * the top, the field it names is marked, and the dialog stays open.
 *
 * Actions: campaign.save, campaign.add-criterion, campaign.add-department,
 * campaign.add-checklist-item, campaign.add-member. Template children (for
 * tests): title_row, year_spin, level_row, organiser_dropdown, quota_spin,
 * opens_button, closes_button, regions_row, organisations_row,
 * promise_spin, preliminary_spin, committee_spin, notice_spin,
 * decision_spin, min_notice_spin, plan_label, quorum_num_spin,
 * quorum_den_spin, pass_num_spin, pass_den_spin, tie_row,
 * aggregation_row, normalise_switch, min_age_spin, max_age_spin,
 * service_spin, exclude_switch, rubric_group, vetting_group,
 * checklist_group, committee_group, error_label, save_button.
 * Signal "saved" (gint64 campaign id) before the dialog closes.
 */

#define XF_TYPE_CAMPAIGN_DIALOG (xf_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfCampaignDialog, xf_campaign_dialog, XF, CAMPAIGN_DIALOG, AdwWindow)

/* @campaign: (nullable): the campaign to edit (with its committee, as
 * xf_evaluation_get_campaign reads it); NULL for a new one. The dialog
 * edits a copy. */
GtkWidget  *xf_campaign_dialog_new            (XfEvaluation     *evaluation,
                                               XfCampaign       *campaign);
/* Saves as Save does: TRUE (and the dialog closes) when core took it. */
gboolean    xf_campaign_dialog_save           (XfCampaignDialog *self);
/* (nullable): the message shown at the top, if any. */
const char *xf_campaign_dialog_get_error      (XfCampaignDialog *self);
/* Adds a committee member row (as "Add member" does, for @account_id;
 * 0: the first reviewer not yet on it). FALSE when none can be added. */
gboolean    xf_campaign_dialog_add_member     (XfCampaignDialog *self,
                                               gint64            account_id,
                                               gboolean          is_chair);
/* The rows of the lists (for tests). */
guint       xf_campaign_dialog_get_n_criteria (XfCampaignDialog *self);
guint       xf_campaign_dialog_get_n_members  (XfCampaignDialog *self);

G_END_DECLS
