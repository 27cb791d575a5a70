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

G_END_DECLS
