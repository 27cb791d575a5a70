/* xf-demo-evaluation.h — demo campaigns and nominations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * A year of selection campaigns on a demo registry, walked through the
 * real repository (xf-evaluation.h) with "today" moved back step by step,
 * so that every stage is present with realistic ages: nominations on
 * time, due soon and overdue; returned, rejected, vetoed and withdrawn
 * ones; a closed round with results and an open one with partial scores;
 * nominations in public notice and in decision; and last year's campaign,
 * closed with every nomination decided (its conferred honours raise those
 * pioneers' tiers).
 *
 * Needs the demo registry (xf_demo_generate) and the demo accounts
 * (xf_accounts_create_demo: "reviewer" chairs the city campaign). Adds the
 * committee accounts reviewer2 … reviewer7 (role reviewer, password
 * "xianfeng": demo databases only) through xf_accounts_save, then writes
 * the evaluation and the services (xf-demo-services.h) in one
 * transaction: on error nothing of it is left (the
 * accounts stay, like the organisations xf_demo_generate loads). Refuses a
 * database that already has campaigns (XF_ERROR_WORKFLOW). The same seed
 * on the same day gives the same rows. $XIANFENG_TODAY, when set, is the
 * "today" the ages count back from, and is restored afterwards.
 */

/* The committee accounts the evaluation demo adds, NULL-terminated. */
const char * const *xf_demo_evaluation_accounts (void);

gboolean xf_demo_generate_evaluation (XfStore  *store,
                                      guint64   seed,
                                      GError  **error);

G_END_DECLS
