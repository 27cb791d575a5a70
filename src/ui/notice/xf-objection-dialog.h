/* xf-objection-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-notice-board.h"

G_BEGIN_DECLS

/*
 * XfObjectionDialog records an objection (异议) received about a candidate
 * of a notice: the candidate (among the notice's running or held ones),
 * the day it came (today unless changed), its channel, the objector (named
 * or anonymous) and a contact, the grounds, and files to attach. Core
 * checks it all; a refusal shows above the form with the field it names
 * marked. Files are read when chosen and attached right after recording.
 *
 * Signal "recorded" (gint64 objection_id): after the objection is stored.
 * Actions (group "objection-dialog"): record, add-file, remove-file (i:
 * its index among the chosen files).
 */

#define XF_TYPE_OBJECTION_DIALOG (xf_objection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfObjectionDialog, xf_objection_dialog, XF, OBJECTION_DIALOG, AdwWindow)

/* Not yet presented. */
GtkWidget *xf_objection_dialog_new      (XfNoticeBoard     *board,
                                         gint64             notice_id);
void       xf_objection_dialog_present  (GtkWindow         *parent,
                                         XfNoticeBoard     *board,
                                         gint64             notice_id);
/* Attaches @file as "Attach files…" does (read in a worker). */
void       xf_objection_dialog_add_file (XfObjectionDialog *self,
                                         GFile             *file);

G_END_DECLS
