/* xf-request-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfRequestDialog enters a service request (点单) taken at the desk: the
 * requester's name and contact, the catalogue item, region and place,
 * needed by, preferred time, what is needed and, for a booking, the
 * pioneer — fixed when the dialog is opened for one ("Booking for 王建国").
 * "Save" calls xf_services_create_request; a refusal of core's shows
 * beneath the field it names, and the dialog stays open. Escape or Cancel
 * closes it.
 *
 * Actions (group "request-dialog"): save.
 * Signal "created" (gint64 request id), before the dialog closes.
 * Template children (for tests): save_button, error_label, requester_row,
 * contact_row, item_row, region_row, place_row, needed_by_row,
 * preferred_time_row, description_view, pioneer_row (fixed booking); the
 * optional booking otherwise is the XfPioneerPicker named "pioneer-picker".
 * Each field's message label is named "<field>-error" ("contact-error").
 */

#define XF_TYPE_REQUEST_DIALOG (xf_request_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfRequestDialog, xf_request_dialog, XF, REQUEST_DIALOG, AdwWindow)

/* @booked_pioneer_id 0: anyone may claim it. Transient for @parent (may
 * be NULL), not yet presented. */
GtkWidget  *xf_request_dialog_new            (GtkWindow       *parent,
                                              XfServices      *services,
                                              gint64           booked_pioneer_id);
/* The message shown beneath @field ("requester", "contact", "item",
 * "region", "place", "needed-by", "preferred-time", "description",
 * "pioneer") or above the form ("form"); NULL when none. */
const char *xf_request_dialog_get_error      (XfRequestDialog *self,
                                              const char      *field);
gint64      xf_request_dialog_get_booked_pioneer_id (XfRequestDialog *self);

G_END_DECLS
