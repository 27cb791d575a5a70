/* xf-training-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation.h"

G_BEGIN_DECLS

/*
 * XfTrainingView: skill training (技能培训). A list | detail leaflet:
 * left, the courses (newest first) with "New course…"; right, the course
 * chosen: its facts, and its participants with their hours, results and
 * scores, "Enrol…" (a pioneer picker) and each participant's "Result…".
 * Everything writes through core at once; refusals show in the form's
 * error line. Without CULTIVATION_EDIT anywhere the buttons are hidden.
 *
 * Actions (group "training"): new-course, enrol, record-result (x: a
 * pioneer id). Course rows are named "course-row", participants
 * "participant-row".
 */

#define XF_TYPE_TRAINING_VIEW (xf_training_view_get_type ())

G_DECLARE_FINAL_TYPE (XfTrainingView, xf_training_view, XF, TRAINING_VIEW, AdwBin)

GtkWidget              *xf_training_view_new        (XfCultivation  *cultivation);
void                    xf_training_view_refresh    (XfTrainingView *self);
/* Shows @course_id on the right (0: back to the list). */
void                    xf_training_view_show       (XfTrainingView *self,
                                                     gint64          course_id);
/* (transfer none) (nullable): the course shown, with its participants. */
const XfTrainingCourse *xf_training_view_get_course (XfTrainingView *self);
/* (element-type XfTrainingCourse) (transfer none): the courses listed. */
GPtrArray              *xf_training_view_get_courses (XfTrainingView *self);

G_END_DECLS
