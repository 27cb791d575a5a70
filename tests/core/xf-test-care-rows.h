/* xf-test-care-rows.h — a row in every schema 8 table, by plain SQL
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-store.h"

G_BEGIN_DECLS

/* Adds, in one transaction, rows to each table of cultivation and care
 * (plans, goals, reviews, courses, participants, programmes, profiles,
 * batches, members, hardship cases and payments, visits, records, views)
 * with text a copy or an archive must carry over (Chinese, quotes, a
 * backslash, a line break, a tab), money in fen up to ¥100,000 and real
 * hours and scores. Needs pioneers, organisations and nominations; keeps
 * clear of rows already there (its own codes and uids, a pioneer without
 * a care profile). */
void xf_test_add_care_rows (XfStore *store);

G_END_DECLS
