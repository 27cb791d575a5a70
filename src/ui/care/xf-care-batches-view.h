/* xf-care-batches-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareBatchesView: the care page's Batches. A list | detail leaflet:
 * left, the batches (newest first) by year and programme, with a search
 * over titles and their counts; right, the batch chosen: the places bar
 * ("18 of 20 places taken, 3 waiting"), its counts, dates and place, and
 * its members grouped by status with their answers (the first 200 of a
 * group; a search by name or place shows past a dozen members). The buttons follow
 * xf_care_batch_allowed_actions (): Send invitations… (confirmed with
 * the count), Edit… (XfCareBatchDialog), Add member… (XfCareMemberDialog), Close batch…, Cancel
 * batch… (a reason). Each member's row offers what core allows for that
 * person, insensitive (with core's refusal as its tooltip) where the
 * actor lacks CARE_MANAGE at the pioneer's place: Accept and Decline (a
 * reason) for an invited member, Decline for a waitlisted or accepted
 * one, Attended | Absent once accepted, Remove (confirmed; a reason
 * once inviting) while listed or invited.
 *
 * Actions (group "batch"): invite, edit, add-member, close, cancel; enabled as
 * core allows. New batches: xf_care_batches_view_new_batch ().
 *
 * Template children (for tests): leaflet, list_pane, details_pane,
 * search_entry, year_dropdown, programme_dropdown, list_stack ("list" |
 * "empty" | "no-matches" | "error"), batch_list (rows "batch-row"),
 * empty_status, title_label, subtitle_label, status_label, places_label,
 * places_bar, counts_label, error_label, invite_button, edit_button, add_button,
 * close_button, cancel_button, facts_group, member_search, members_box (a group per
 * status named "members-<status>", rows "member-row" whose buttons are
 * "accept-button", "decline-button", "attended-button", "absent-button",
 * "remove-button").
 */

#define XF_TYPE_CARE_BATCHES_VIEW (xf_care_batches_view_get_type ())

G_DECLARE_FINAL_TYPE (XfCareBatchesView, xf_care_batches_view, XF, CARE_BATCHES_VIEW, AdwBin)

GtkWidget   *xf_care_batches_view_new          (XfCare            *care);
void         xf_care_batches_view_refresh      (XfCareBatchesView *self);
/* Shows @batch_id on the right (0: none), selected when listed. */
void         xf_care_batches_view_show_batch   (XfCareBatchesView *self,
                                                gint64             batch_id);
gint64       xf_care_batches_view_get_batch_id (XfCareBatchesView *self);
/* The batch shown, with its members (transfer none; NULL: none). */
const XfCareBatch *xf_care_batches_view_get_batch (XfCareBatchesView *self);
/* (element-type XfCareBatch) (transfer none): the batches listed. */
GPtrArray   *xf_care_batches_view_get_batches  (XfCareBatchesView *self);
/* Opens the new batch dialog (for @programme_code, NULL: the first
 * programme); returns it (transfer none), or NULL without CARE_MANAGE. */
GtkWidget   *xf_care_batches_view_new_batch    (XfCareBatchesView *self,
                                                const char        *programme_code);
/* The member row of @pioneer_id in the batch shown, or NULL. */
GtkWidget   *xf_care_batches_view_get_member_row (XfCareBatchesView *self,
                                                  gint64             pioneer_id);
void         xf_care_batches_view_focus_search (XfCareBatchesView *self);
/* From a batch back to the list; FALSE when none was shown. */
gboolean     xf_care_batches_view_back         (XfCareBatchesView *self);

G_END_DECLS
