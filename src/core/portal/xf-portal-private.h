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
};

G_END_DECLS
