/* xf-cultivation-plan.h — cultivation plans, goals, reviews, the pipeline
 *                         and skill training (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XF_PLAN_ACTIVE    "active"
#define XF_PLAN_NOMINATED "nominated"   /* a nomination was started from it */
#define XF_PLAN_ACHIEVED  "achieved"    /* the honour aimed at was conferred */
#define XF_PLAN_CLOSED    "closed"      /* ended without it (reason kept) */

/* skill, certificate, competition, innovation, milestone, other */
#define XF_GOAL_MILESTONE "milestone"

const char *xf_plan_status_label (const char *status);   /* translated */
const char *xf_goal_kind_label   (const char *kind);     /* translated */
const char * const *xf_goal_kinds (void);
/* excellent, good, fair, poor */
const char *xf_review_rating_label (const char *rating); /* translated */

typedef struct
{
  gint64  id;                 /* 0 for a new goal */
  char   *kind;
  char   *title;
  char   *due_on;             /* required for milestones */
  char   *achieved_on;        /* NULL: not yet */
  char   *evidence;
  int     position;
  gboolean overdue;           /* not achieved and due_on has passed (filled when read) */
} XfCultivationGoal;

XfCultivationGoal *xf_cultivation_goal_new  (void);
void               xf_cultivation_goal_free (XfCultivationGoal *goal);
XfCultivationGoal *xf_cultivation_goal_copy (const XfCultivationGoal *goal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCultivationGoal, xf_cultivation_goal_free)

typedef struct
{
  gint64   id;
  int      year;
  char    *reviewed_on;
  char    *rating;
  gboolean ready;             /* the reviewer finds the target ready to be nominated */
  char    *comment;
  char    *reviewer;
} XfCultivationReview;

XfCultivationReview *xf_cultivation_review_new  (void);
void                 xf_cultivation_review_free (XfCultivationReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCultivationReview, xf_cultivation_review_free)

typedef struct
{
  gint64     id;                   /* 0 for a new plan */
  char      *uid;
  gint64     pioneer_id;
  char      *pioneer_uid;          /* filled when read */
  char      *pioneer_name;
  char      *pioneer_tier;
  char      *region_code;          /* the pioneer's */
  char      *region_name;
  char      *target_title;         /* "湖州市劳动模范" */
  char      *target_level;         /* national | provincial | city | county */
  int        target_year;          /* 0: not set */
  gint64     mentor_id;            /* 0: none */
  char      *mentor_name;          /* filled when read */
  gint64     apprenticeship_id;    /* 0: none */
  char      *organisation_code;    /* the managing organisation; NULL: the pioneer's */
  char      *organisation_name;    /* filled when read */
  char      *starts_on;
  char      *status;               /* XF_PLAN_* */
  char      *close_reason;
  gint64     nomination_id;        /* 0: none */
  char      *notes;
  gint64     version;
  /* Filled when read: */
  int        goals_total;
  int        goals_achieved;
  int        milestones_overdue;
  int        last_review_year;     /* 0: never reviewed */
  char      *last_review_rating;
  gboolean   ready;                /* see xf_cultivation_plan_is_ready */
  /* Filled by xf_cultivation_get_plan () only: */
  GPtrArray *goals;                /* (element-type XfCultivationGoal) by position */
  GPtrArray *reviews;              /* (element-type XfCultivationReview) newest first */
} XfCultivationPlan;

XfCultivationPlan *xf_cultivation_plan_new  (void);   /* active */
void               xf_cultivation_plan_free (XfCultivationPlan *plan);
XfCultivationPlan *xf_cultivation_plan_copy (const XfCultivationPlan *plan);
/* goals_achieved / goals_total, 0 when there are no goals. */
double             xf_cultivation_plan_get_progress (const XfCultivationPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCultivationPlan, xf_cultivation_plan_free)

/* One row of the pipeline: the plans of one organisation or region. */
typedef struct
{
  char   *key;                /* organisation or region code; "" for the total */
  char   *label;
  int     targets;            /* active + nominated */
  int     on_track;           /* active, no overdue milestone, not ready */
  int     behind;             /* active with an overdue milestone */
  int     ready;              /* active and ready to be nominated */
  int     nominated;
  int     achieved;           /* achieved this year */
  double  mean_progress;      /* of the active ones, 0..1 */
} XfPipelineRow;

void xf_pipeline_row_free (XfPipelineRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPipelineRow, xf_pipeline_row_free)

#define XF_COURSE_PLANNED   "planned"
#define XF_COURSE_HELD      "held"
#define XF_COURSE_CANCELLED "cancelled"

#define XF_TRAINING_ENROLLED "enrolled"
#define XF_TRAINING_PASSED   "passed"
#define XF_TRAINING_FAILED   "failed"
#define XF_TRAINING_ABSENT   "absent"

const char *xf_course_status_label   (const char *status);   /* translated */
const char *xf_training_result_label (const char *result);   /* translated */

typedef struct
{
  gint64  id;
  gint64  course_id;
  char   *course_title;       /* filled when read (for a person's training) */
  char   *course_starts_on;
  char   *course_ends_on;
  gint64  pioneer_id;
  char   *pioneer_uid;
  char   *pioneer_name;
  double  hours;              /* attended; -1 until recorded */
  char   *result;             /* XF_TRAINING_* */
  double  score;              /* -1: none */
  char   *certificate;
} XfTrainingParticipant;

void xf_training_participant_free (XfTrainingParticipant *participant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTrainingParticipant, xf_training_participant_free)

typedef struct
{
  gint64     id;               /* 0 for a new course */
  char      *uid;
  char      *title;
  char      *provider;
  char      *skill;
  char      *organisation_code;
  char      *region_code;
  char      *starts_on;
  char      *ends_on;
  double     hours;            /* > 0, ≤ 2000 */
  int        capacity;         /* 0: no limit */
  char      *status;           /* XF_COURSE_* */
  char      *description;
  gint64     version;
  int        n_participants;   /* filled when read */
  int        n_passed;
  /* Filled by xf_cultivation_get_course () only: (element-type XfTrainingParticipant) by name. */
  GPtrArray *participants;
} XfTrainingCourse;

XfTrainingCourse *xf_training_course_new  (void);   /* planned */
void              xf_training_course_free (XfTrainingCourse *course);
XfTrainingCourse *xf_training_course_copy (const XfTrainingCourse *course);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTrainingCourse, xf_training_course_free)

G_END_DECLS
