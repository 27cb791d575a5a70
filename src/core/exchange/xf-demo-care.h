/* xf-demo-care.h — a year of cultivation and care on a demo registry
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Through the real repositories (xf-cultivation.h, xf-care.h) with
 * $XIANFENG_TODAY moved through the year, as xf_demo_generate_services
 * does: cultivation plans for cyan-card targets with mentors, goals,
 * milestones (some overdue), yearly reviews (some ready, one nominated
 * into an open campaign); training courses with participants and
 * results; care profiles (retired elderly pioneers, hardship flags); this
 * year's batches of the recuperation trip and health check in every
 * status with invitations, answers, a waiting list and attendance; care
 * records from last year and this (so gap views show people); hardship
 * cases in every status with payments; visits planned, done and
 * cancelled. Every schema 8 table gets rows. The clerk writes, "clerk2"
 * gives first approvals (xf_demo_care_ensure_accounts ()), the
 * administrator final ones; a missing account is the local administrator.
 *
 * Writes inside the caller's transaction (the evaluation demo calls it
 * before its commit): on error nothing of it is left. The same seed on
 * the same day gives the same data. $XIANFENG_TODAY is restored.
 */
gboolean xf_demo_generate_care (XfStore  *store,
                                guint64   seed,
                                GError  **error);

/* Adds the second clerk ("clerk2", the demo password) when the database
 * has none: hardship cases need a first approver other than the clerk who
 * assessed them. In a transaction of its own, so before the caller's. */
gboolean xf_demo_care_ensure_accounts (XfStore  *store,
                                       GError  **error);

G_END_DECLS
