/* xf-notice-board-notices-private.h — shared by the notice parts of XfNoticeBoard
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-notice-board-private.h"

G_BEGIN_DECLS

/*
 * Helpers of xf-notice-board-notices.c and xf-notice-board-candidates.c
 * that the other notice parts use too. All of them run inside the
 * caller's write unless said otherwise.
 */

/* "current" notices hold their candidates: a nomination is on at most one. */
#define XF_NOTICE_CURRENT_SQL "('" XF_NOTICE_DRAFT "', '" XF_NOTICE_PUBLISHED "')"

/* The notice for a write: its row held, the actor checked as its
 * publisher; XF_ERROR_WORKFLOW unless its status is @status (NULL: any). */
XfNotice  *_xf_notice_board_load_for_write (XfNoticeBoard *self,
                                            gint64         notice_id,
                                            const char    *status,
                                            GError       **error);
/* Begins a write and loads @notice_id for it as above; NULL, with the
 * write rolled back (or never begun), when either fails. */
XfNotice  *_xf_notice_board_begin_notice   (XfNoticeBoard *self,
                                            gint64         notice_id,
                                            const char    *status,
                                            GError       **error);
/* The shortest period a notice of @campaign_id may have (-1 on error). */
int        _xf_notice_board_min_period     (XfNoticeBoard *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* Inserts @notice as a new draft (campaign, publisher, title, preamble,
 * revision, revision_of, follows, period_days and contacts), audited;
 * fills in its id, uid and version. */
gboolean   _xf_notice_board_insert_notice  (XfNoticeBoard *self,
                                            XfNotice      *notice,
                                            GError       **error);
/* Adds every nomination of the notice's campaign now in stage "notice"
 * and on no other current notice, in the order of their committee rank. */
gboolean   _xf_notice_board_add_running    (XfNoticeBoard *self,
                                            XfNotice      *notice,
                                            GError       **error);
/* Copies @nomination_id's lines onto @notice (next position), audited;
 * @summary NULL: taken from the case. */
gboolean   _xf_notice_board_insert_candidate (XfNoticeBoard *self,
                                            XfNotice      *notice,
                                            gint64         nomination_id,
                                            const char    *summary,
                                            GError       **error);
/* XF_ERROR_INVALID naming @field when @text is longer than @max
 * characters. */
gboolean   _xf_notice_board_check_length   (const char    *field,
                                            const char    *text,
                                            glong          max,
                                            GError       **error);
/* Bumps the notice's version (and updated_at); XF_ERROR_CONFLICT when it
 * is no longer @notice->version. */
gboolean   _xf_notice_board_touch          (XfNoticeBoard *self,
                                            XfNotice      *notice,
                                            GError       **error);

G_END_DECLS
