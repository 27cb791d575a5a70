/* xf-demo-events.h — a year of engagement events and the frozen months
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * A year of engagement events up to the demo's "today" ($XIANFENG_TODAY
 * honoured) on the demo's active pioneers: name-card views, likes and
 * shares from visitors of the portal and WeChat (some visitors come back
 * the same day, which the index's caps cut), recommendations, on top of
 * what the services demo recorded. A few pioneers are far more visited
 * than the rest, so that the ranking has leaders. Written in bulk
 * (xf_db_bulk_*), source "portal" or "wechat", source_id "demo-N"; then
 * the past twelve months are computed and frozen (xf_ranking_compute ())
 * as the local administrator.
 *
 * Writes in one transaction, or inside the caller's (the evaluation demo
 * calls it after the services). The same seed on the same day gives the
 * same events. Refuses a database that already has events not made by the
 * app (XF_ERROR_WORKFLOW). A registry without an active pioneer gets none.
 */

gboolean xf_demo_generate_events (XfStore  *store,
                                  guint64   seed,
                                  GError  **error);

G_END_DECLS
