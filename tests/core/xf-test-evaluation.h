/* xf-test-evaluation.h — campaigns and nominations ready for a test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-accounts.h"
#include "xf-evaluation.h"
#include "xf-notice-board.h"
#include "xf-test-store.h"

G_BEGIN_DECLS

/*
 * Set-up for evaluation tests. Every helper but xf_test_evaluation_new
 * writes as the local administrator (whatever @evaluation's actor), so a
 * test acting as a clerk or a reviewer can still set the scene; each fails
 * the test on error. "Today" is xf_clock_today(): set $XIANFENG_TODAY
 * first to fix the dates.
 */

/* A registry acting as @actor (NULL: the local administrator), with the
 * reference organisations loaded, and its evaluation repository. */
XfEvaluation *xf_test_evaluation_new   (XfStore      *store,
                                        XfAccount    *actor);
/* A saved account holding @role in @scope (@value: its region or
 * organisation code), password "xianfeng". (transfer full) */
XfAccount    *xf_test_add_account      (XfStore      *store,
                                        const char   *login,
                                        XfRole        role,
                                        XfScopeKind   scope,
                                        const char   *value);
/* An individual born 1980-05-01 in @region_code (a 6- or 9-digit code,
 * e.g. "330521001" in Deqing), working at @employer (may be NULL). */
gint64        xf_test_add_candidate    (XfEvaluation *evaluation,
                                        const char   *name,
                                        const char   *employer,
                                        const char   *region_code);
/* An open campaign of @level ("county", "city"…) with @quota places and
 * the default plan of xf_campaign_new (4 vetting departments, the default
 * checklist), opening 30 days before today and closing a year after it,
 * organised by the federation of trade unions. */
gint64        xf_test_add_campaign     (XfEvaluation *evaluation,
                                        const char   *level,
                                        int           quota);
/* A draft nomination of @pioneer_id by @unit, submitted: it is in
 * preliminary review. */
gint64        xf_test_submit           (XfEvaluation *evaluation,
                                        gint64        campaign_id,
                                        gint64        pioneer_id,
                                        const char   *unit);
/* Ticks the checklist, passes the preliminary review and clears every
 * vetting sign-off: the nomination is in committee review. */
void          xf_test_to_committee     (XfEvaluation *evaluation,
                                        gint64        nomination_id);

/* Moves the nomination from committee review to stage "notice", as the
 * committee's round closing does (test-committee.c closes real rounds). */
void          xf_test_select_for_notice (XfEvaluation *evaluation,
                                        gint64        nomination_id);
/* Gives the draft notice a contact phone when it has none and publishes it
 * today. */
void          xf_test_publish_draft    (XfNoticeBoard *board,
                                        gint64        notice_id);
/* A public notice of @campaign_id with every nomination now in stage
 * "notice", a contact phone, published today. Returns its id. */
gint64        xf_test_publish_notice   (XfEvaluation *evaluation,
                                        gint64        campaign_id);
/* Moves $XIANFENG_TODAY to the working day after the notice's ends_on and
 * closes it: its running candidates move on to decision. */
void          xf_test_end_notice       (XfEvaluation *evaluation,
                                        gint64        notice_id);

/* The audit trail's length (to check that a refusal wrote nothing). */
gint64        xf_test_count_audit      (XfStore      *store);

G_END_DECLS
