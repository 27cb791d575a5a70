/* xf-services-offers-private.h — what the offers and the match share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-services-private.h"

G_BEGIN_DECLS

/* An offer's load as an SQL expression: the requests of the offer's item
 * claimed by the pioneer whose id is the column @pioneer since the start
 * of this calendar month (bound as parameter number @param), not
 * cancelled. The capacity per month belongs to an offer, so its load
 * counts that offer's item only: the enclosing query must name the offer
 * "o" (service_offers o). The claims' capacity check, the offers'
 * load_this_month and the match's load part all use this one expression. */
#define XF_SERVICES_LOAD_SQL(pioneer, param) \
  "(SELECT count(*) FROM service_requests lr WHERE lr.claimed_by = " pioneer \
  " AND lr.item_id = o.item_id" \
  " AND lr.claimed_at >= $" param " AND lr.status <> 'cancelled')"

/* The start of this calendar month (local, after $XIANFENG_TODAY) and of
 * the day one year ago, in UTC µs. */
gint64 _xf_services_month_start    (void);
gint64 _xf_services_year_ago       (void);

G_END_DECLS
