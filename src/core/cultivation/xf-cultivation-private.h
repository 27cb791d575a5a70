/* xf-cultivation-private.h — shared by the parts of XfCultivation
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-cultivation.h"
#include "xf-repo.h"

G_BEGIN_DECLS

#define XF_RECORD_CULTIVATION_PLAN "cultivation-plan"
#define XF_RECORD_TRAINING_COURSE  "training-course"

/*
 * The parts: xf-cultivation.c (object, helpers), -plans, -goals,
 * -pipeline, -training; the plain data in xf-cultivation-plan.c.
 */
struct _XfCultivation
{
  GObject     parent_instance;
  XfRegistry *registry;
  XfRepo      repo;
};

/* xf_repo_end (), then ::changed when the write is done. */
gboolean _xf_cultivation_end   (XfCultivation *self,
                                gboolean       ok,
                                gint64         pioneer_id,
                                GError       **error);
/* Permissions at a pioneer's place: xf_registry_check_id (); an active
 * pioneer: xf_registry_check_active_id () (xf-registry.h). */

G_END_DECLS
