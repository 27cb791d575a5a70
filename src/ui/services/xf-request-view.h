/* xf-request-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfRequestView shows one service request (点单) under its container's
 * header: its code and status, what is asked and by whom (the contact as
 * core masks it), where and when, the booking, the claimer, the response
 * deadline (flagged when overdue), how it ended (done note, cancel
 * reason), the requester's feedback (点赞/评价) with a complaint's
 * follow-up, and the timeline. The buttons are the steps core allows the
 * actor now (xf_services_allowed_actions): claim for a pioneer (抢单),
 * assign from the suggestions, accept or decline a booking, start, mark
 * done, cancel, rate, close the follow-up. Core's refusals show in the
 * pane (a lost claim in a toast, as the view then shows the winner).
 * It follows XfServices::changed.
 *
 * Actions (group "request"): claim, assign, accept, decline, start,
 * complete, cancel, rate, close-follow-up — named as core names them.
 * Signal "request-changed" (gint64 request id) after a step succeeded.
 */

#define XF_TYPE_REQUEST_VIEW (xf_request_view_get_type ())

G_DECLARE_FINAL_TYPE (XfRequestView, xf_request_view, XF, REQUEST_VIEW, AdwBin)

GtkWidget *xf_request_view_new         (XfServices    *services);
/* @request_id 0: the empty state. */
void       xf_request_view_show        (XfRequestView *self,
                                        gint64         request_id);
gint64     xf_request_view_get_request (XfRequestView *self);
/* Reads the request again, staying where the reader was. */
void       xf_request_view_refresh     (XfRequestView *self);

G_END_DECLS
