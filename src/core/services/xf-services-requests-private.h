/* xf-services-requests-private.h — what the requests and the claims share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-services-private.h"

G_BEGIN_DECLS

/* Public request codes: no 0/O, 1/I/L to misread on the phone. */
#define XF_REQUEST_CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/* Whether @pioneer_id has an available offer of item @item_id today (not
 * past available_until) and, with @check_capacity, has claimed fewer
 * requests this month than the offer's capacity. XF_ERROR_INVALID naming
 * @field ("Pioneer: 王建国 offers no …") otherwise. */
gboolean _xf_services_check_offer (XfServices  *self,
                                   gint64       pioneer_id,
                                   gint64       item_id,
                                   const char  *field,
                                   gboolean     check_capacity,
                                   GError     **error);

/* The pioneer's display name ("" when unknown). (transfer full) */
char    *_xf_services_pioneer_name (XfServices *self,
                                    gint64      pioneer_id);

G_END_DECLS
