/* xf-cultivation-plan.c — plans, goals, reviews, pipeline rows, courses (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-plan.h"

const char *
xf_plan_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_PLAN_ACTIVE) == 0)
    return C_("plan", "Active");
  if (g_strcmp0 (status, XF_PLAN_NOMINATED) == 0)
    return C_("plan", "Nominated");
  if (g_strcmp0 (status, XF_PLAN_ACHIEVED) == 0)
    return C_("plan", "Achieved");
  if (g_strcmp0 (status, XF_PLAN_CLOSED) == 0)
    return C_("plan", "Closed");
  return status != NULL ? status : "";
}

static const char * const goal_kinds[] = {
  "skill", "certificate", "competition", "innovation", XF_GOAL_MILESTONE, "other", NULL
};

const char * const *
xf_goal_kinds (void)
{
  return goal_kinds;
}

const char *
xf_goal_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "skill") == 0)
    return C_("goal", "Skill");
  if (g_strcmp0 (kind, "certificate") == 0)
    return C_("goal", "Certificate");
  if (g_strcmp0 (kind, "competition") == 0)
    return C_("goal", "Competition");
  if (g_strcmp0 (kind, "innovation") == 0)
    return C_("goal", "Innovation");
  if (g_strcmp0 (kind, XF_GOAL_MILESTONE) == 0)
    return C_("goal", "Milestone");
  if (g_strcmp0 (kind, "other") == 0)
    return C_("goal", "Other");
  return kind != NULL ? kind : "";
}

const char *
xf_review_rating_label (const char *rating)
{
  if (g_strcmp0 (rating, "excellent") == 0)
    return C_("review", "Excellent");
  if (g_strcmp0 (rating, "good") == 0)
    return C_("review", "Good");
  if (g_strcmp0 (rating, "fair") == 0)
    return C_("review", "Fair");
  if (g_strcmp0 (rating, "poor") == 0)
    return C_("review", "Poor");
  return rating != NULL ? rating : "";
}

const char *
xf_course_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_COURSE_PLANNED) == 0)
    return C_("course", "Planned");
  if (g_strcmp0 (status, XF_COURSE_HELD) == 0)
    return C_("course", "Held");
  if (g_strcmp0 (status, XF_COURSE_CANCELLED) == 0)
    return C_("course", "Cancelled");
  return status != NULL ? status : "";
}

const char *
xf_training_result_label (const char *result)
{
  if (g_strcmp0 (result, XF_TRAINING_ENROLLED) == 0)
    return C_("training", "Enrolled");
  if (g_strcmp0 (result, XF_TRAINING_PASSED) == 0)
    return C_("training", "Passed");
  if (g_strcmp0 (result, XF_TRAINING_FAILED) == 0)
    return C_("training", "Failed");
  if (g_strcmp0 (result, XF_TRAINING_ABSENT) == 0)
    return C_("training", "Absent");
  return result != NULL ? result : "";
}

/*
 * Goals and reviews
 */

XfCultivationGoal *
xf_cultivation_goal_new (void)
{
  return g_new0 (XfCultivationGoal, 1);
}

void
xf_cultivation_goal_free (XfCultivationGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->kind);
  g_free (goal->title);
  g_free (goal->due_on);
  g_free (goal->achieved_on);
  g_free (goal->evidence);
  g_free (goal);
}

XfCultivationGoal *
xf_cultivation_goal_copy (const XfCultivationGoal *goal)
{
  XfCultivationGoal *copy;

  g_return_val_if_fail (goal != NULL, NULL);

  copy = g_memdup2 (goal, sizeof *goal);
  copy->kind = g_strdup (goal->kind);
  copy->title = g_strdup (goal->title);
  copy->due_on = g_strdup (goal->due_on);
  copy->achieved_on = g_strdup (goal->achieved_on);
  copy->evidence = g_strdup (goal->evidence);
  return copy;
}

XfCultivationReview *
xf_cultivation_review_new (void)
{
  return g_new0 (XfCultivationReview, 1);
}

void
xf_cultivation_review_free (XfCultivationReview *review)
{
  if (review == NULL)
    return;
  g_free (review->reviewed_on);
  g_free (review->rating);
  g_free (review->comment);
  g_free (review->reviewer);
  g_free (review);
}

static XfCultivationReview *
review_copy (const XfCultivationReview *review)
{
  XfCultivationReview *copy = g_memdup2 (review, sizeof *review);

  copy->reviewed_on = g_strdup (review->reviewed_on);
  copy->rating = g_strdup (review->rating);
  copy->comment = g_strdup (review->comment);
  copy->reviewer = g_strdup (review->reviewer);
  return copy;
}

/*
 * Plans
 */

XfCultivationPlan *
xf_cultivation_plan_new (void)
{
  XfCultivationPlan *plan = g_new0 (XfCultivationPlan, 1);

  plan->status = g_strdup (XF_PLAN_ACTIVE);
  return plan;
}

void
xf_cultivation_plan_free (XfCultivationPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->uid);
  g_free (plan->pioneer_uid);
  g_free (plan->pioneer_name);
  g_free (plan->pioneer_tier);
  g_free (plan->region_code);
  g_free (plan->region_name);
  g_free (plan->target_title);
  g_free (plan->target_level);
  g_free (plan->mentor_name);
  g_free (plan->organisation_code);
  g_free (plan->organisation_name);
  g_free (plan->starts_on);
  g_free (plan->status);
  g_free (plan->close_reason);
  g_free (plan->notes);
  g_free (plan->last_review_rating);
  g_clear_pointer (&plan->goals, g_ptr_array_unref);
  g_clear_pointer (&plan->reviews, g_ptr_array_unref);
  g_free (plan);
}

/* A deep copy of @array through @copy (NULL for NULL). */
static GPtrArray *
copy_array (GPtrArray      *array,
            GCopyFunc       copy,
            GDestroyNotify  free_func)
{
  GPtrArray *result;

  if (array == NULL)
    return NULL;
  result = g_ptr_array_new_full (array->len, free_func);
  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (result, copy (g_ptr_array_index (array, i), NULL));
  return result;
}

static gpointer
copy_goal (gconstpointer goal,
           gpointer      user_data)
{
  return xf_cultivation_goal_copy (goal);
}

static gpointer
copy_review (gconstpointer review,
             gpointer      user_data)
{
  return review_copy (review);
}

XfCultivationPlan *
xf_cultivation_plan_copy (const XfCultivationPlan *plan)
{
  XfCultivationPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->uid = g_strdup (plan->uid);
  copy->pioneer_uid = g_strdup (plan->pioneer_uid);
  copy->pioneer_name = g_strdup (plan->pioneer_name);
  copy->pioneer_tier = g_strdup (plan->pioneer_tier);
  copy->region_code = g_strdup (plan->region_code);
  copy->region_name = g_strdup (plan->region_name);
  copy->target_title = g_strdup (plan->target_title);
  copy->target_level = g_strdup (plan->target_level);
  copy->mentor_name = g_strdup (plan->mentor_name);
  copy->organisation_code = g_strdup (plan->organisation_code);
  copy->organisation_name = g_strdup (plan->organisation_name);
  copy->starts_on = g_strdup (plan->starts_on);
  copy->status = g_strdup (plan->status);
  copy->close_reason = g_strdup (plan->close_reason);
  copy->notes = g_strdup (plan->notes);
  copy->last_review_rating = g_strdup (plan->last_review_rating);
  copy->goals = copy_array (plan->goals, copy_goal, (GDestroyNotify) xf_cultivation_goal_free);
  copy->reviews = copy_array (plan->reviews, copy_review, (GDestroyNotify) xf_cultivation_review_free);
  return copy;
}

double
xf_cultivation_plan_get_progress (const XfCultivationPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  if (plan->goals_total <= 0)
    return 0;
  return (double) plan->goals_achieved / plan->goals_total;
}

void
xf_pipeline_row_free (XfPipelineRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

/*
 * Training
 */

void
xf_training_participant_free (XfTrainingParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->course_title);
  g_free (participant->course_starts_on);
  g_free (participant->course_ends_on);
  g_free (participant->pioneer_uid);
  g_free (participant->pioneer_name);
  g_free (participant->result);
  g_free (participant->certificate);
  g_free (participant);
}

static gpointer
copy_participant (gconstpointer data,
                  gpointer      user_data)
{
  const XfTrainingParticipant *participant = data;
  XfTrainingParticipant *copy = g_memdup2 (participant, sizeof *participant);

  copy->course_title = g_strdup (participant->course_title);
  copy->course_starts_on = g_strdup (participant->course_starts_on);
  copy->course_ends_on = g_strdup (participant->course_ends_on);
  copy->pioneer_uid = g_strdup (participant->pioneer_uid);
  copy->pioneer_name = g_strdup (participant->pioneer_name);
  copy->result = g_strdup (participant->result);
  copy->certificate = g_strdup (participant->certificate);
  return copy;
}

XfTrainingCourse *
xf_training_course_new (void)
{
  XfTrainingCourse *course = g_new0 (XfTrainingCourse, 1);

  course->status = g_strdup (XF_COURSE_PLANNED);
  return course;
}

void
xf_training_course_free (XfTrainingCourse *course)
{
  if (course == NULL)
    return;
  g_free (course->uid);
  g_free (course->title);
  g_free (course->provider);
  g_free (course->skill);
  g_free (course->organisation_code);
  g_free (course->region_code);
  g_free (course->starts_on);
  g_free (course->ends_on);
  g_free (course->status);
  g_free (course->description);
  g_clear_pointer (&course->participants, g_ptr_array_unref);
  g_free (course);
}

XfTrainingCourse *
xf_training_course_copy (const XfTrainingCourse *course)
{
  XfTrainingCourse *copy;

  g_return_val_if_fail (course != NULL, NULL);

  copy = g_memdup2 (course, sizeof *course);
  copy->uid = g_strdup (course->uid);
  copy->title = g_strdup (course->title);
  copy->provider = g_strdup (course->provider);
  copy->skill = g_strdup (course->skill);
  copy->organisation_code = g_strdup (course->organisation_code);
  copy->region_code = g_strdup (course->region_code);
  copy->starts_on = g_strdup (course->starts_on);
  copy->ends_on = g_strdup (course->ends_on);
  copy->status = g_strdup (course->status);
  copy->description = g_strdup (course->description);
  copy->participants = copy_array (course->participants, copy_participant,
                                   (GDestroyNotify) xf_training_participant_free);
  return copy;
}
