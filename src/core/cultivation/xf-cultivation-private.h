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

/* The plan statuses that are open, for SQL: "status IN " XF_PLAN_OPEN_SQL. */
#define XF_PLAN_OPEN_SQL "('" XF_PLAN_ACTIVE "', '" XF_PLAN_NOMINATED "')"
/* A status for _xf_cultivation_query_plans (): open plans and those
 * achieved this year (the pipeline's). */
#define XF_PLAN_PIPELINE "pipeline"

/* xf-cultivation-plans.c: the organisation's id for @code (0 for NULL or
 * ""); -1 with XF_ERROR_INVALID naming @field when there is none. */
gint64   _xf_cultivation_organisation_id (XfCultivation *self,
                                  const char    *field,
                                  const char    *code,
                                  GError       **error);
/* The plans matching @query (@query->status may be XF_PLAN_PIPELINE),
 * counts and readiness filled; see xf_cultivation_list_plans (). */
GPtrArray *_xf_cultivation_query_plans (XfCultivation *self,
                                  const XfPlanQuery *query,
                                  GError       **error);
/* Inside a write: the plan held for the write, NULL with the error when
 * the actor may not edit it (CULTIVATION_EDIT at the target's place) or
 * its status is not one of @statuses (XF_ERROR_WORKFLOW). */
XfCultivationPlan *_xf_cultivation_load_for_write (XfCultivation *self,
                                  gint64         plan_id,
                                  const char * const *statuses,
                                  GError       **error);
/* Inside a write: the plan's status @from → @to (nomination id set when
 * @nomination_id > 0), version bumped, audited as care-status with
 * @reason (may be NULL) as a second entry. */
gboolean _xf_cultivation_set_status (XfCultivation *self,
                                  const XfCultivationPlan *plan,
                                  const char    *to,
                                  const char    *reason,
                                  gint64         nomination_id,
                                  GError       **error);

/* xf-cultivation-goals.c: @goal checked and trimmed into @out (kind,
 * title, due_on, evidence), XF_ERROR_INVALID naming the field otherwise. */
gboolean _xf_cultivation_check_goal (const XfCultivationGoal *goal,
                                  XfCultivationGoal *out,
                                  GError       **error);
/* Inside a write: inserts the checked @goal of @plan, audited; its id. */
gint64   _xf_cultivation_insert_goal (XfCultivation *self,
                                  const XfCultivationPlan *plan,
                                  const XfCultivationGoal *goal,
                                  GError       **error);

G_END_DECLS
