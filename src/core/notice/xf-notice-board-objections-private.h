/* xf-notice-board-objections-private.h — shared by the objection parts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-notice-board-private.h"

G_BEGIN_DECLS

/*
 * The parts: xf-notice-board-objections.c (reading, recording),
 * xf-notice-board-objection-work.c (handler, notes, files) and
 * xf-notice-board-objection-handling.c (the outcome and the reply).
 */

#define XF_OBJECTION_MAX_TEXT 5000   /* grounds, notes, a reason, a reply */
#define XF_OBJECTION_MAX_LINE 200    /* the objector's name and contact */

/* Begins a write on the stored objection (its row held until the write
 * ends) and returns it, with, in *nomination, its nomination loaded for a
 * write with XF_OP_NOMINATION_VET at the candidate's place; with
 * @open_only, XF_ERROR_WORKFLOW unless it is open. NULL, with the write
 * rolled back (or never begun), when any of that fails. */
XfObjection *_xf_notice_board_begin_objection    (XfNoticeBoard  *self,
                                                   gint64          objection_id,
                                                   gboolean        open_only,
                                                   XfNomination  **nomination,
                                                   GError        **error);
/* The same, checking @op at the candidate's place instead of
 * XF_OP_NOMINATION_VET (the public's file: XF_OP_PUBLIC_SUBMIT). */
XfObjection *_xf_notice_board_begin_objection_as (XfNoticeBoard  *self,
                                                   gint64          objection_id,
                                                   gboolean        open_only,
                                                   XfOperation     op,
                                                   XfNomination  **nomination,
                                                   GError        **error);
/* Whether the board acts as the public (xf_account_new_public ()). */
gboolean     _xf_notice_board_is_public          (XfNoticeBoard  *self);
/* XF_ERROR_WORKFLOW unless the objection is open. */
gboolean     _xf_notice_board_objection_is_open  (const XfObjection *objection,
                                                   GError        **error);
/* XF_ERROR_INVALID naming @field (translated): required and empty, not
 * UTF-8, or longer than @max characters. */
gboolean     _xf_notice_board_check_text         (const char     *field,
                                                   const char     *text,
                                                   gboolean        required,
                                                   glong           max,
                                                   GError        **error);
/* XF_ERROR_INVALID naming @field: not a "YYYY-MM-DD" date, or after today. */
gboolean     _xf_notice_board_check_past_date    (const char     *field,
                                                   const char     *date,
                                                   GError        **error);

G_END_DECLS
