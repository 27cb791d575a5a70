/* xf-care-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCarePage: the care page (服). A view switcher in the header bar (a
 * bar at the bottom when narrow) over five views:
 *   - Programmes (XfCareProgrammesView): the catalogue | one programme,
 *     its eligible list on a reference date and its gaps (saved views);
 *     administrators (CARE_CATALOGUE) edit a programme; "Create batch…".
 *   - Batches (XfCareBatchesView): the batches by year and programme |
 *     one batch with its places, members by status and their answers,
 *     and the steps core allows (xf_care_batch_allowed_actions).
 *   - Hardship, Visits, Reports: H's XfHardshipView, XfVisitsView and
 *     XfCareReportView, each made the first time it shows.
 * The page makes one XfCare for the registry's actor and hands it to the
 * views; it follows its ::changed and xf_care_page_refresh () reads
 * every view made so far again (hidden ones when next shown).
 *
 * Properties: show-sidebar-button (boolean).
 *
 * Actions (group "care"): new (Ctrl+N: a new batch, on the Batches
 * view; enabled with CARE_MANAGE somewhere), search (Ctrl+F: the shown
 * list's search), back (Escape: from a programme or batch back to its
 * list), create-batch (s: a programme code; shows Batches and opens the
 * new batch dialog for it), show-batch (x: a batch id).
 *
 * Template children (for tests): toast_overlay, header_bar, back_button,
 * switcher_title, switcher_bar, new_button, view_stack ("programmes",
 * "batches", "hardship", "visits", "reports"), programmes_bin,
 * batches_bin, hardship_bin, visits_bin, reports_bin.
 */

#define XF_TYPE_CARE_PAGE (xf_care_page_get_type ())

G_DECLARE_FINAL_TYPE (XfCarePage, xf_care_page, XF, CARE_PAGE, AdwBin)

GtkWidget *xf_care_page_new     (XfRegistry *registry);
void       xf_care_page_refresh (XfCarePage *self);

XfCare    *xf_care_page_get_care             (XfCarePage *self);
/* The Programmes and Batches views (transfer none). */
GtkWidget *xf_care_page_get_programmes_view  (XfCarePage *self);
GtkWidget *xf_care_page_get_batches_view     (XfCarePage *self);
/* Shows @name ("programmes", "batches", …). */
void       xf_care_page_show_view            (XfCarePage *self,
                                              const char *name);
/* Shows a message in the page's toast. */
void       xf_care_page_show_toast           (XfCarePage *self,
                                              const char *text);

G_END_DECLS
