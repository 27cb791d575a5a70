/* xf-cultivation-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCultivationPage: growing the next pioneers (育). A view switcher in
 * the header bar over three views:
 *
 * - Pipeline (XfPipelineView): the targets by organisation or by county
 *   (a toggle), with how many are on track, behind, ready, nominated and
 *   achieved this year, and the mean progress as a bar; the total last.
 *   Activating a row shows that group's plans in the Plans view; with
 *   "Ready to nominate" on, only the groups with ready plans are listed
 *   and a row shows only its ready plans.
 * - Plans: a list | detail leaflet. Left, the plans (core's order: region,
 *   then name) with a search (target, mentor, honour aimed at) and filters
 *   by status, organisation, region (a code prefix) and "Ready to
 *   nominate"; each row shows the target, tier, the honour aimed at, the
 *   progress and "Ready"/"Behind" badges. Right, the plan (XfPlanView):
 *   target, mentor (opens the profile on the Registry page), goals and
 *   milestones (achieve with date and evidence, undo, add, remove with a
 *   confirmation and an undo toast), yearly reviews (add), Close plan…
 *   and Nominate… (an open campaign and the nominating unit; the toast's
 *   button opens the nomination on the Evaluation page).
 * - Training (XfTrainingView): courses | the course with its participants;
 *   new course, enrol (a pioneer picker), record results.
 *
 * "New plan" (Ctrl+N) opens XfPlanDialog. Whoever lacks CULTIVATION_EDIT
 * everywhere reads all of it without the buttons that write; a plan at a
 * place the actor may not edit shows them insensitive, the tooltip
 * saying why (xf_registry_check_id). Core's refusals show in the dialogs'
 * error lines or as toasts, in the user's language.
 *
 * The page makes its own XfCultivation for the registry's actor and reads
 * again after its ::changed (once idle) and when the window calls
 * xf_cultivation_page_refresh after another desk's change (a hidden page
 * reads when next shown).
 *
 * Properties: show-sidebar-button (boolean), plan-id (gint64, the plan
 * shown; 0 for none).
 *
 * Actions (group "cultivation"): new (Ctrl+N), search (Ctrl+F), back
 * (Escape), clear-filters, show-plan (x), show-group ((ssb) group_by,
 * key, ready only), open-nomination ((xx) campaign and nomination ids:
 * the Evaluation page, when the window has one), open-pioneer (x: the
 * Registry page on the profile).
 *
 * Template children (for tests): toast_overlay, view_stack ("pipeline" |
 * "plans" | "training"), pipeline_bin, leaflet, list_pane, details_pane,
 * new_button, search_entry, status_dropdown, organisation_dropdown,
 * ready_button, region_entry, filters_button, list_stack ("list" |
 * "empty" | "no-matches" | "error"), plan_list (rows named "plan-row"),
 * empty_status, training_bin.
 */

#define XF_TYPE_CULTIVATION_PAGE (xf_cultivation_page_get_type ())

G_DECLARE_FINAL_TYPE (XfCultivationPage, xf_cultivation_page, XF, CULTIVATION_PAGE, AdwBin)

GtkWidget     *xf_cultivation_page_new             (XfRegistry        *registry);
void           xf_cultivation_page_refresh         (XfCultivationPage *self);

XfCultivation *xf_cultivation_page_get_cultivation (XfCultivationPage *self);
/* (element-type XfCultivationPlan) (transfer none): the plans listed. */
GPtrArray     *xf_cultivation_page_get_plans       (XfCultivationPage *self);
gint64         xf_cultivation_page_get_plan_id     (XfCultivationPage *self);
/* Shows the Plans view with @plan_id on the right (0: none), selected
 * when listed (filters that hide it go). */
void           xf_cultivation_page_show_plan       (XfCultivationPage *self,
                                                    gint64             plan_id);
/* The Plans view filtered to one pipeline row: @group_by "organisation"
 * or "region", @key its code ("" for all), @ready_only. */
void           xf_cultivation_page_show_group      (XfCultivationPage *self,
                                                    const char        *group_by,
                                                    const char        *key,
                                                    gboolean           ready_only);
/* Opens the new plan dialog over the page's window. Returns it (transfer
 * none), or NULL when the actor may not edit plans. */
GtkWidget     *xf_cultivation_page_new_plan        (XfCultivationPage *self);
/* (transfer none): the views, made with the page. */
GtkWidget     *xf_cultivation_page_get_pipeline_view (XfCultivationPage *self);
GtkWidget     *xf_cultivation_page_get_plan_view     (XfCultivationPage *self);
GtkWidget     *xf_cultivation_page_get_training_view (XfCultivationPage *self);

G_END_DECLS
