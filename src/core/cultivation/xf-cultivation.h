/* xf-cultivation.h — growing the next pioneers (育): cultivation plans,
 *                    the pipeline, nominating from a plan, skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-cultivation-plan.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCultivation keeps its own statements on the registry's database and
 * acts as the registry's actor. Every write is one transaction (a
 * savepoint inside a caller's), audited (record types "cultivation-plan",
 * "training-course"), then ::changed (gint64 pioneer_id, 0 when not about
 * one person).
 *
 * Permissions: reading REGISTRY_READ; plans, goals, reviews and training
 * CULTIVATION_EDIT at the target's place (a course: at its region, or
 * anywhere for a course without one; enrolling and results: at the
 * participant's place). Nominating from a plan goes through XfEvaluation,
 * which asks REQUEST_EDIT there.
 *
 * A plan is ready to be nominated when it is active, its latest yearly
 * review (this year or last) says ready, and at least 80 % of its goals
 * (milestones included) are achieved.
 */

#define XF_TYPE_CULTIVATION (xf_cultivation_get_type ())

G_DECLARE_FINAL_TYPE (XfCultivation, xf_cultivation, XF, CULTIVATION, GObject)

XfCultivation *xf_cultivation_new          (XfRegistry    *registry);
XfRegistry    *xf_cultivation_get_registry (XfCultivation *self);
XfAccount     *xf_cultivation_get_actor    (XfCultivation *self);

/* ── Plans (xf-cultivation-plans.c) ──────────────────────────────────── */

typedef struct
{
  const char *status;             /* NULL: active and nominated; "any"; or an XF_PLAN_* */
  const char *organisation_code;  /* NULL: any; covers organisations below it */
  const char *region_prefix;      /* NULL: any */
  gboolean    ready_only;
  const char *text;               /* NULL: in the target's or the mentor's name, or the title aimed at */
} XfPlanQuery;

/* (element-type XfCultivationPlan, counts filled, goals/reviews not) by
 * region then name. */
GPtrArray         *xf_cultivation_list_plans (XfCultivation *self,
                                              const XfPlanQuery *query,
                                              GError       **error);
XfCultivationPlan *xf_cultivation_get_plan   (XfCultivation *self,
                                              gint64         plan_id,
                                              GError       **error);
/* By id ("42") or uid; 0 with XF_ERROR_NOT_FOUND. */
gint64             xf_cultivation_find_plan  (XfCultivation *self,
                                              const char    *reference,
                                              GError       **error);
/* The pioneer's open (active or nominated) plan, 0 when none. */
gint64             xf_cultivation_plan_for   (XfCultivation *self,
                                              gint64         pioneer_id,
                                              GError       **error);
/* Creates (id 0) or updates (version checked; active only) a plan: an
 * active pioneer without another open plan (XF_ERROR_DUPLICATE), title
 * required, a level, target year none or this year .. +10, a mentor who
 * is an active individual pioneer other than the target, an apprenticeship
 * of that mentor that is accepted or completed, an organisation code
 * that exists, starts_on a date (NULL: today). Goals in @plan->goals
 * (when not NULL) are saved with a new plan. A plan read carries the
 * managing organisation's code and name: its own, else the target's;
 * saving the target's own organisation stores none (the plan follows the
 * target). Returns the id. */
gint64   xf_cultivation_save_plan   (XfCultivation *self,
                                     const XfCultivationPlan *plan,
                                     GError       **error);
/* active or nominated → achieved or closed (reason required for closed). */
gboolean xf_cultivation_close_plan  (XfCultivation *self,
                                     gint64         plan_id,
                                     const char    *status,
                                     const char    *reason,
                                     GError       **error);
/* Follows nominations started from plans: conferred → the plan is
 * achieved; declined, rejected, vetoed, not selected or withdrawn → the
 * plan is active again. One write; returns how many plans changed, -1 on
 * error. */
int      xf_cultivation_sync_nominations (XfCultivation *self,
                                     GError       **error);

/* ── Goals and reviews (xf-cultivation-goals.c) ──────────────────────── */

/* Adds (id 0) or changes a goal of an active plan: kind known, title
 * required, due_on a date (required for milestones); a new goal may come
 * achieved (not in the future), a change leaves achieved_on alone (see
 * xf_cultivation_achieve_goal). Returns the id. */
gint64   xf_cultivation_save_goal    (XfCultivation *self,
                                      gint64         plan_id,
                                      const XfCultivationGoal *goal,
                                      GError       **error);
gboolean xf_cultivation_remove_goal  (XfCultivation *self,
                                      gint64         goal_id,
                                      GError       **error);
/* Marks a goal achieved on @achieved_on (not in the future, not before
 * the plan starts) with its evidence; NULL @achieved_on undoes it. */
gboolean xf_cultivation_achieve_goal (XfCultivation *self,
                                      gint64         goal_id,
                                      const char    *achieved_on,
                                      const char    *evidence,
                                      GError       **error);
/* The managing organisation's yearly review: one per plan and year
 * (XF_ERROR_DUPLICATE), year from the plan's start to this year, a rating,
 * a comment (required). */
gboolean xf_cultivation_add_review   (XfCultivation *self,
                                      gint64         plan_id,
                                      const XfCultivationReview *review,
                                      GError       **error);

/* ── Pipeline and nominating (xf-cultivation-pipeline.c) ─────────────── */

/* @group_by "organisation" or "region" (counties); rows by label, then
 * the total (key ""); plans without one are in a row keyed "-". Each
 * active plan counts once: ready, else behind, else on track; "achieved"
 * counts the plans whose last write (achieving them) was this year. */
GPtrArray *xf_cultivation_pipeline  (XfCultivation *self,
                                     const char    *group_by,
                                     GError       **error);
/* Starts a nomination in @campaign_id (an open campaign) for the plan's
 * target, with the file filled: nominating unit (@nominating_unit, else
 * the target's employer), and a case text built from the plan's achieved
 * goals and the target's deeds. The plan becomes nominated and keeps the
 * nomination. One write (the nomination's own rules and permissions
 * apply). Returns the nomination id, 0 on error. */
gint64   xf_cultivation_nominate    (XfCultivation *self,
                                     gint64         plan_id,
                                     gint64         campaign_id,
                                     const char    *nominating_unit,
                                     GError       **error);

/* ── Skill training (xf-cultivation-training.c) ──────────────────────── */

/* (element-type XfTrainingCourse, counts filled) newest first; @from/@to
 * on starts_on, NULL: open-ended. */
GPtrArray        *xf_cultivation_list_courses (XfCultivation *self,
                                               const char    *from,
                                               const char    *to,
                                               GError       **error);
XfTrainingCourse *xf_cultivation_get_course   (XfCultivation *self,
                                               gint64         course_id,
                                               GError       **error);
/* Creates or updates (version checked) a course: title required, dates
 * with ends_on ≥ starts_on, hours > 0 and ≤ 2000, capacity ≥ 0, a known
 * region and organisation when given, status known. Returns the id. */
gint64   xf_cultivation_save_course      (XfCultivation *self,
                                          const XfTrainingCourse *course,
                                          GError       **error);
/* Enrols an active pioneer (once; within capacity) in a planned course. */
gboolean xf_cultivation_enrol            (XfCultivation *self,
                                          gint64         course_id,
                                          gint64         pioneer_id,
                                          GError       **error);
gboolean xf_cultivation_withdraw         (XfCultivation *self,
                                          gint64         course_id,
                                          gint64         pioneer_id,
                                          GError       **error);
/* A participant's result: hours 0..the course's hours, a result, score
 * 0..100 or -1, the certificate number. The course becomes held. */
gboolean xf_cultivation_record_result    (XfCultivation *self,
                                          gint64         course_id,
                                          gint64         pioneer_id,
                                          double         hours,
                                          const char    *result,
                                          double         score,
                                          const char    *certificate,
                                          GError       **error);
/* A person's training, newest first (element-type XfTrainingParticipant,
 * course fields filled), and the hours attended in all. */
GPtrArray *xf_cultivation_training_for   (XfCultivation *self,
                                          gint64         pioneer_id,
                                          double        *total_hours,
                                          GError       **error);

G_END_DECLS
