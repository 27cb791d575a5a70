/* xf-offer-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfOfferDialog adds or edits one pioneer's offer: the pioneer (found by
 * name, for a new offer), the catalogue item, description, regions served,
 * mode, capacity per month, whether available and until when. "Save"
 * writes through core; a refusal shows in the dialog, naming the field,
 * and it stays open.
 *
 * Action (group "offer-dialog"): save.
 * Signal "saved" (gint64 offer id).
 */

#define XF_TYPE_OFFER_DIALOG (xf_offer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfOfferDialog, xf_offer_dialog, XF, OFFER_DIALOG, AdwWindow)

/* @offer NULL: a new offer; an offer with id 0: a new one for its
 * pioneer_id (and pioneer_name). Not yet presented. */
GtkWidget  *xf_offer_dialog_new       (XfServices           *services,
                                       const XfServiceOffer *offer);
/* The error shown, or NULL. */
const char *xf_offer_dialog_get_error (XfOfferDialog        *self);

G_END_DECLS
