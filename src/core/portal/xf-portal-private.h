/* xf-portal-private.h — XfPortal's insides, shared by its parts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-evaluation.h"
#include "xf-notice-board.h"
#include "xf-portal.h"
#include "xf-ranking.h"
#include "xf-registry.h"
#include "xf-services.h"
#include "xf-stmt-cache.h"

G_BEGIN_DECLS

struct _XfPortal
{
  GObject        parent_instance;

  XfStore       *store;
  XfAccount     *actor;          /* xf_account_new_public () */
  XfRegistry    *registry;
  XfServices    *services;
  XfRanking     *ranking;
  XfEvaluation  *evaluation;
  XfNoticeBoard *notices;

  /* xf-portal-cards.c: its statements, asked at every visit, and the wall
   * of the newest frozen month (ranking id and computed_at tell a month
   * frozen or computed again since), kept until month_until. */
  XfStmtCache      *card_statements;
  XfMonthlyRanking *month_wall;
  gint64            month_ranking_id;
  gint64            month_computed_at;
  gint64            month_until;      /* monotonic µs */
};

/* A region as the public reads it: a township with its county ("Wukang
 * Subdistrict, Deqing County" / "德清县武康街道"), a county or the city by
 * its name, in the language the reference data's names follow. NULL for
 * no code or an unknown one. (transfer full) */
char *_xf_portal_region_label (const char *code);

G_END_DECLS
