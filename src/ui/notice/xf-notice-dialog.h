/* xf-notice-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-notice-board.h"

G_BEGIN_DECLS

/*
 * XfNoticeDialog drafts a public notice. A new one starts with the
 * campaign: "Create draft" makes the draft in core (with the campaign's
 * candidates in public notice, the default title, preamble and period)
 * and the dialog goes on to edit it. Editing a draft: its title, preamble,
 * period in working days (with the dates it would run if published
 * today), contacts for objections, and its candidates — add from the
 * nominations that may go on it, remove, and each one's summary of deeds
 * as printed. Adding and removing write at once; "Save" writes the rest.
 * Core's refusals show in the dialog, naming the field, and it stays open.
 *
 * Actions (group "notice-dialog"): create, save, add-candidate (x: a
 * nomination id), remove-candidate (x).
 * Signal "created" (gint64 notice id): a new draft was made.
 */

#define XF_TYPE_NOTICE_DIALOG (xf_notice_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfNoticeDialog, xf_notice_dialog, XF, NOTICE_DIALOG, AdwWindow)

/* @notice_id 0: a new notice. Not yet presented. */
GtkWidget *xf_notice_dialog_new       (XfNoticeBoard  *board,
                                       gint64          notice_id);
void       xf_notice_dialog_present   (GtkWindow      *parent,
                                       XfNoticeBoard  *board,
                                       gint64          notice_id);
/* The draft edited (0 before a new one is created). */
gint64     xf_notice_dialog_get_notice_id (XfNoticeDialog *self);

G_END_DECLS
