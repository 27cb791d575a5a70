/* xf-care-programmes-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareProgrammesView: the care page's Programmes. A list | detail
 * leaflet: left, the catalogue (inactive programmes too, marked) with a
 * search; right, the programme chosen: kind, quota, budget, unit cost,
 * interval and its rules in words (xf_care_rules_describe); its eligible
 * list on a reference date (today unless chosen) within a region code
 * prefix, with the count; its gaps ("not served for N years") with the
 * saved views of the programme as chips, and "Save as view…" (CARE_MANAGE
 * somewhere). "Edit…" (CARE_CATALOGUE) opens XfCareProgrammeDialog, as
 * does "New programme" (+) beside the search;
 * "Create batch…" (CARE_MANAGE somewhere) activates care.create-batch.
 * Lists show their first 200 people, then how many more. The lists are
 * read in a worker, so that a registry of 100,000 keeps the window live.
 *
 * Template children (for tests): leaflet, list_pane, details_pane,
 * search_entry, new_programme_button, list_stack ("list" | "no-matches" | "empty" | "error"),
 * programme_list (rows named "programme-row"), name_label, kind_label,
 * error_label, edit_button, create_batch_button, facts_group (rows
 * "quota-row", "budget-row", "unit-cost-row", "interval-row",
 * "rules-row"), reference_button (XfDateButton), region_row,
 * eligible_group (its description is the count), eligible_list (rows
 * "eligible-row"), gaps_group (likewise), gap_spin, save_view_button,
 * views_box (chips "view-chip"), gaps_list (rows "gap-row").
 */

#define XF_TYPE_CARE_PROGRAMMES_VIEW (xf_care_programmes_view_get_type ())

G_DECLARE_FINAL_TYPE (XfCareProgrammesView, xf_care_programmes_view, XF, CARE_PROGRAMMES_VIEW, AdwBin)

GtkWidget  *xf_care_programmes_view_new         (XfCare               *care);
void        xf_care_programmes_view_refresh     (XfCareProgrammesView *self);
/* Shows the programme @code (NULL: none, back to the list). */
void        xf_care_programmes_view_show        (XfCareProgrammesView *self,
                                                 const char           *code);
const char *xf_care_programmes_view_get_code    (XfCareProgrammesView *self);
/* (element-type XfCareProgramme) (transfer none): the catalogue read. */
GPtrArray  *xf_care_programmes_view_get_programmes (XfCareProgrammesView *self);
/* (element-type XfCareEligible) (transfer none): the eligible and the
 * gaps of the programme shown; NULL when none is, or while they are read. */
GPtrArray  *xf_care_programmes_view_get_eligible (XfCareProgrammesView *self);
GPtrArray  *xf_care_programmes_view_get_gaps    (XfCareProgrammesView *self);
/* Whether the two lists are being read (in a worker, on a connection of
 * its own; an in-memory database is read at once). */
gboolean    xf_care_programmes_view_is_reading  (XfCareProgrammesView *self);
/* The reference date ("YYYY-MM-DD"; NULL: today). */
void        xf_care_programmes_view_set_reference (XfCareProgrammesView *self,
                                                   const char           *date);
void        xf_care_programmes_view_focus_search (XfCareProgrammesView *self);
/* Opens "New programme" if the actor may edit the catalogue. */
void        xf_care_programmes_view_new_programme (XfCareProgrammesView *self);
/* From a programme back to the list; FALSE when none was shown. */
gboolean    xf_care_programmes_view_back        (XfCareProgrammesView *self);

G_END_DECLS
