/* xf-objection-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-notice-board.h"

G_BEGIN_DECLS

/*
 * XfObjectionView shows one objection (异议) under its container's
 * header (the notice board page gives the way back): its state and due
 * date, the actions the actor may take (uphold — back to committee or
 * ending the nomination — with a reason; dismiss with a reason and the
 * reply to the objector; record that the reply was sent), the candidate
 * and notice, how it came and from whom (the contact as core masks it),
 * the grounds, the handler (accounts that may vet at the candidate's
 * place), investigation notes and files (opened with the desktop's
 * application). Core's refusals show in the pane. It follows
 * XfNoticeBoard::changed.
 *
 * Actions (group "objection"): decide (s: an XF_OBJECTION_* outcome),
 * record-reply, add-file, open-file (x).
 * Property "objection-id" (int64, 0: none, the empty state shows).
 */

#define XF_TYPE_OBJECTION_VIEW (xf_objection_view_get_type ())

G_DECLARE_FINAL_TYPE (XfObjectionView, xf_objection_view, XF, OBJECTION_VIEW, AdwBin)

GtkWidget *xf_objection_view_new           (XfNoticeBoard   *board);
/* @objection_id 0: the empty state. */
void       xf_objection_view_set_objection (XfObjectionView *self,
                                            gint64           objection_id);
gint64     xf_objection_view_get_objection (XfObjectionView *self);
void       xf_objection_view_refresh       (XfObjectionView *self);
/* Reads @file in a worker and attaches it, as "Attach…" does. */
void       xf_objection_view_add_file      (XfObjectionView *self,
                                            GFile           *file);

G_END_DECLS
