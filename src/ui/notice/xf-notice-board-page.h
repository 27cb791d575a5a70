/* xf-notice-board-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-notice-board.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfNoticeBoardPage: the public notices (公示). Left, the notices grouped
 * "Current" (published ones with the working days left, then drafts) and
 * "Past" (closed and withdrawn), a search (Ctrl+F) and New notice (Ctrl+N,
 * for XF_OP_NOMINATION_VET). Right, the selected notice: its status and
 * period in dates, the contacts for objections, the candidates with their
 * stage or result and open objections, and the objections (a row opens
 * the objection view); the actions its status allows: Edit, Publish (after
 * a confirmation stating the period), Correct, Withdraw (with a reason),
 * Close (once ended), Second notice, Record objection, Print (Ctrl+P) and
 * Export as PDF, HTML or JSON.
 *
 * The page makes its own XfEvaluation and XfNoticeBoard for the registry's
 * actor. It closes the notices whose period has ended when it is made, every
 * five minutes and when the day changes, with a toast naming them.
 *
 * Properties: show-sidebar-button (boolean), attention-count (int, read
 * only: the open objections, the sidebar badge), notice-id (gint64, the
 * notice shown; 0 for none).
 *
 * Actions (group "notices"): new (Ctrl+N), search (Ctrl+F), print (Ctrl+P),
 * edit, publish, correct, withdraw (Delete on a draft), close,
 * follow-up, record-objection, export (s: "pdf" | "html" | "json"),
 * show-notice (x), show-objection (x), close-details, back (Escape).
 *
 * Template children (for tests): leaflet, list_pane, details_pane,
 * new_button, search_bar, search_entry, list_stack ("list" | "empty" |
 * "no-matches" | "error"), notice_list, details_stack ("empty" | "notice" |
 * "objection"), status_label, period_label, actions_box, candidates_group,
 * objections_group, toast_overlay.
 */

#define XF_TYPE_NOTICE_BOARD_PAGE (xf_notice_board_page_get_type ())

G_DECLARE_FINAL_TYPE (XfNoticeBoardPage, xf_notice_board_page, XF, NOTICE_BOARD_PAGE, AdwBin)

GtkWidget     *xf_notice_board_page_new             (XfRegistry        *registry);
void           xf_notice_board_page_refresh         (XfNoticeBoardPage *self);

XfNoticeBoard *xf_notice_board_page_get_board       (XfNoticeBoardPage *self);
int            xf_notice_board_page_get_attention_count (XfNoticeBoardPage *self);
/* (element-type XfNotice) (transfer none): the notices listed, in order. */
GPtrArray     *xf_notice_board_page_get_notices     (XfNoticeBoardPage *self);
/* The notice shown on the right (0: none). */
gint64         xf_notice_board_page_get_notice_id   (XfNoticeBoardPage *self);
/* Shows @notice_id on the right, selected in the list when listed (a
 * search that hides it goes). */
void           xf_notice_board_page_show_notice     (XfNoticeBoardPage *self,
                                                     gint64             notice_id);
/* Closes the notices whose period has ended, as the timer does; returns
 * how many closed. */
int            xf_notice_board_page_close_due       (XfNoticeBoardPage *self);
/* What Print does, through GtkPrintOperation's export (no dialog): the
 * notice shown as a PDF at @path. */
gboolean       xf_notice_board_page_print_to_file   (XfNoticeBoardPage *self,
                                                     const char        *path,
                                                     GError           **error);
/* What the print dialog's Preview does: the notice shown, as it prints on
 * A4, in a window of its own (widget name "notice-preview"). */
void           xf_notice_board_page_print_preview   (XfNoticeBoardPage *self);
/* What Export does once a file is chosen: @format "pdf", "html" or "json". */
gboolean       xf_notice_board_page_export_to_file  (XfNoticeBoardPage *self,
                                                     const char        *format,
                                                     const char        *path,
                                                     GError           **error);

G_END_DECLS
