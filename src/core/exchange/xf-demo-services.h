/* xf-demo-services.h — demo offers, requests, claims, apprenticeships and
 *                      activities
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * A year of services on a demo registry, walked through the real
 * repository (xf-services.h) with $XIANFENG_TODAY moved day by day: offers
 * of a few hundred pioneers; requests in every status (open ones on time
 * and overdue, bookings waiting, declined and accepted, claims won and
 * lost, assignments, work in progress, done and rated with likes, a
 * complaint with its follow-up, cancelled, expired); apprenticeships in
 * each status with check-ins; lectures and skill activities with their
 * participants and attendance. Every services table gets rows, and the
 * engagement events follow from the acts.
 *
 * Writes in one transaction, or inside the caller's (the evaluation demo
 * calls it before its commit): on error nothing of it is left. Refuses a
 * database that already has requests (XF_ERROR_WORKFLOW). The same seed on
 * the same day gives the same stories (the repository draws the request
 * codes and uids itself, and the times of day are the real ones). A small
 * registry gets fewer requests; one without an active individual none.
 * $XIANFENG_TODAY is restored afterwards.
 */

gboolean xf_demo_generate_services (XfStore  *store,
                                    guint64   seed,
                                    GError  **error);

G_END_DECLS
