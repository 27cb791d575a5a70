/* xf-evaluation-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfEvaluationPage: campaigns and their nominations through the four-step
 * review. Left, a campaign drop-down (newest first) with its menu (new,
 * edit, copy to next year, open, close: for XF_OP_CAMPAIGN_MANAGE), a
 * search (Ctrl+F) and four views: Nominations (stage chips with counts,
 * and the list), Committee (xf_committee_view), Report (working days from
 * submission to decision against the promise) and Attention (the actor's
 * items due soon or overdue, across campaigns). Right, the selected
 * nomination (xf_nomination_view), beside the list or over it on a narrow
 * window. The page makes its own XfEvaluation for the registry's actor,
 * and a reminder notifier for it once it is in an application's window.
 *
 * It reads again after each write through its evaluation (its own lists;
 * the embedded views follow the evaluation themselves) and when the
 * window calls xf_evaluation_page_refresh after another desk's change (a
 * hidden page then only counts its attention items, and reads the rest
 * when next shown).
 *
 * Properties: show-sidebar-button (boolean), attention-count (int, read
 * only: the sidebar badge), campaign-id (gint64).
 *
 * Actions: evaluation.search (Ctrl+F), evaluation.new-nomination (Ctrl+N),
 * evaluation.new-campaign, evaluation.edit-campaign,
 * evaluation.copy-campaign, evaluation.open-campaign,
 * evaluation.close-campaign, evaluation.filter (s: "all", a stage code,
 * "final" or "attention"), evaluation.clear-filters, evaluation.show-list,
 * evaluation.back (Escape), evaluation.show-nomination ((xx) campaign and
 * nomination ids).
 *
 * Template children (for tests): leaflet, list_pane, details_pane,
 * campaign_dropdown, campaign_menu_button, new_button, search_bar,
 * search_entry, view_stack ("nominations" | "committee" | "report" |
 * "attention"), chip_box, nominations_stack ("list" | "empty" |
 * "no-matches" | "no-campaign" | "error"), nominations_view, report_stack
 * ("report" | "empty" | "error"), report_summary, report_detail,
 * report_view, attention_stack ("list" | "empty" | "error"),
 * attention_list, toast_overlay.
 */

#define XF_TYPE_EVALUATION_PAGE (xf_evaluation_page_get_type ())

G_DECLARE_FINAL_TYPE (XfEvaluationPage, xf_evaluation_page, XF, EVALUATION_PAGE, AdwBin)

GtkWidget    *xf_evaluation_page_new                    (XfRegistry       *registry);
void          xf_evaluation_page_refresh                (XfEvaluationPage *self);

XfEvaluation *xf_evaluation_page_get_evaluation         (XfEvaluationPage *self);
int           xf_evaluation_page_get_attention_count    (XfEvaluationPage *self);
/* The campaign shown (0: none); setting one the list lacks does nothing. */
gint64        xf_evaluation_page_get_campaign_id        (XfEvaluationPage *self);
void          xf_evaluation_page_set_campaign_id        (XfEvaluationPage *self,
                                                         gint64            campaign_id);
/* (transfer none) (element-type XfNomination): the nominations listed. */
GListModel   *xf_evaluation_page_get_nominations        (XfEvaluationPage *self);
/* The chip chosen: "all", a stage code, "final" or "attention". */
const char   *xf_evaluation_page_get_filter             (XfEvaluationPage *self);
/* The number a chip shows (-1 for an unknown chip). */
int           xf_evaluation_page_get_chip_count         (XfEvaluationPage *self,
                                                         const char       *filter);
/* The nomination shown on the right (0: none). */
gint64        xf_evaluation_page_get_selected_nomination (XfEvaluationPage *self);
/* Shows @campaign_id's Nominations view with @nomination_id selected and
 * open (clearing a search or chip that would hide it). */
void          xf_evaluation_page_show_nomination        (XfEvaluationPage *self,
                                                         gint64            campaign_id,
                                                         gint64            nomination_id);
/* (transfer none): the xf_nomination_view on the right. */
GtkWidget    *xf_evaluation_page_get_nomination_view    (XfEvaluationPage *self);

G_END_DECLS
