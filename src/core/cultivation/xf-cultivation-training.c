/* xf-cultivation-training.c — skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-cultivation-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-store.h"

/*
 * Courses (CULTIVATION_EDIT at their region, or somewhere for a course
 * without one) with participants (enrolling, withdrawing and results:
 * CULTIVATION_EDIT at the participant's place). Each write holds the
 * course's row, so two desks cannot both take its last place. Audited on
 * the course: "create"/"update", and "training-result" per participant
 * (field: the participant's uid).
 */

#define MAX_TITLE 200
#define MAX_TEXT  2000
#define MAX_HOURS 2000

#define COURSE_COLUMNS \
  "c.id, c.uid, c.title, c.provider, c.skill, o.code, c.region_code, c.starts_on, c.ends_on, c.hours," \
  " COALESCE(c.capacity, 0), c.status, c.description, c.version, COALESCE(n.total, 0), COALESCE(n.passed, 0)"
#define COURSE_FROM \
  " FROM training_courses c LEFT JOIN organisations o ON o.id = c.organisation_id" \
  " LEFT JOIN (SELECT course_id, COUNT(*) AS total," \
  "   SUM(CASE WHEN result = '" XF_TRAINING_PASSED "' THEN 1 ELSE 0 END) AS passed" \
  "   FROM training_participants GROUP BY course_id) n ON n.course_id = c.id"

#define PARTICIPANT_COLUMNS \
  "tp.id, tp.course_id, c.title, c.starts_on, c.ends_on, tp.pioneer_id, p.uid, p.name," \
  " COALESCE(tp.hours, -1), tp.result, COALESCE(tp.score, -1), tp.certificate"
#define PARTICIPANT_FROM \
  " FROM training_participants tp JOIN training_courses c ON c.id = tp.course_id" \
  " JOIN pioneers p ON p.id = tp.pioneer_id"

static gpointer
course_from_row (XfDbStmt *stmt,
                 gpointer  user_data)
{
  XfTrainingCourse *course = xf_training_course_new ();

  g_free (course->status);
  course->id = xf_db_stmt_column_int64 (stmt, 0);
  course->uid = xf_db_stmt_dup_text (stmt, 1);
  course->title = xf_db_stmt_dup_text (stmt, 2);
  course->provider = xf_db_stmt_dup_text (stmt, 3);
  course->skill = xf_db_stmt_dup_text (stmt, 4);
  course->organisation_code = xf_db_stmt_dup_text (stmt, 5);
  course->region_code = xf_db_stmt_dup_text (stmt, 6);
  course->starts_on = xf_db_stmt_dup_text (stmt, 7);
  course->ends_on = xf_db_stmt_dup_text (stmt, 8);
  course->hours = xf_db_stmt_column_double (stmt, 9);
  course->capacity = (int) xf_db_stmt_column_int64 (stmt, 10);
  course->status = xf_db_stmt_dup_text (stmt, 11);
  course->description = xf_db_stmt_dup_text (stmt, 12);
  course->version = xf_db_stmt_column_int64 (stmt, 13);
  course->n_participants = (int) xf_db_stmt_column_int64 (stmt, 14);
  course->n_passed = (int) xf_db_stmt_column_int64 (stmt, 15);
  return course;
}

static gpointer
participant_from_row (XfDbStmt *stmt,
                      gpointer  user_data)
{
  XfTrainingParticipant *participant = g_new0 (XfTrainingParticipant, 1);

  participant->id = xf_db_stmt_column_int64 (stmt, 0);
  participant->course_id = xf_db_stmt_column_int64 (stmt, 1);
  participant->course_title = xf_db_stmt_dup_text (stmt, 2);
  participant->course_starts_on = xf_db_stmt_dup_text (stmt, 3);
  participant->course_ends_on = xf_db_stmt_dup_text (stmt, 4);
  participant->pioneer_id = xf_db_stmt_column_int64 (stmt, 5);
  participant->pioneer_uid = xf_db_stmt_dup_text (stmt, 6);
  participant->pioneer_name = xf_db_stmt_dup_text (stmt, 7);
  participant->hours = xf_db_stmt_column_double (stmt, 8);
  participant->result = xf_db_stmt_dup_text (stmt, 9);
  participant->score = xf_db_stmt_column_double (stmt, 10);
  participant->certificate = xf_db_stmt_dup_text (stmt, 11);
  return participant;
}

GPtrArray *
xf_cultivation_list_courses (XfCultivation  *self,
                             const char     *from,
                             const char     *to,
                             GError        **error)
{
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  if (!xf_repo_check_date (_("From"), from, FALSE, error)
      || !xf_repo_check_date (_("To"), to, FALSE, error)
      || !xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT " COURSE_COLUMNS COURSE_FROM
                          " WHERE ($1 = '' OR c.starts_on >= $1) AND ($2 = '' OR c.starts_on <= $2)"
                          " ORDER BY c.starts_on DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, from != NULL ? from : "");
  xf_db_stmt_bind_text (stmt, 2, to != NULL ? to : "");
  return xf_repo_collect (&self->repo, stmt, course_from_row, NULL,
                          (GDestroyNotify) xf_training_course_free, error);
}

static XfTrainingCourse *
load_course (XfCultivation  *self,
             gint64          course_id,
             GError        **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, "SELECT " COURSE_COLUMNS COURSE_FROM " WHERE c.id = $1",
                                    error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, course_id);
  return xf_repo_fetch_one (&self->repo, stmt, course_from_row, NULL, _("Course"), course_id, error);
}

XfTrainingCourse *
xf_cultivation_get_course (XfCultivation  *self,
                           gint64          course_id,
                           GError        **error)
{
  g_autoptr(XfTrainingCourse) course = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  course = load_course (self, course_id, error);
  if (course == NULL)
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT " PARTICIPANT_COLUMNS PARTICIPANT_FROM
                          " WHERE tp.course_id = $1 ORDER BY p.name, tp.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, course_id);
  course->participants = xf_repo_collect (&self->repo, stmt, participant_from_row, NULL,
                                          (GDestroyNotify) xf_training_participant_free, error);
  if (course->participants == NULL)
    return NULL;
  return g_steal_pointer (&course);
}

/*
 * Saving a course
 */

typedef struct
{
  char   *title;
  char   *provider;
  char   *skill;
  char   *description;
  gint64  organisation_id;
} CourseInput;

static void
course_input_clear (CourseInput *input)
{
  g_free (input->title);
  g_free (input->provider);
  g_free (input->skill);
  g_free (input->description);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CourseInput, course_input_clear)

static gboolean
check_course_dates (const XfTrainingCourse  *course,
                    GError                 **error)
{
  if (!xf_repo_check_date (_("Starts on"), course->starts_on, TRUE, error)
      || !xf_repo_check_date_range (_("Starts on"), course->starts_on, XF_REPO_EARLIEST_DATE, NULL, error)
      || !xf_repo_check_date (_("Ends on"), course->ends_on, TRUE, error))
    return FALSE;
  if (strcmp (course->ends_on, course->starts_on) >= 0)
    return TRUE;
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Ends on: before the course starts"));
  return FALSE;
}

static gboolean
check_course_numbers (const XfTrainingCourse  *course,
                      GError                 **error)
{
  static const char * const statuses[] = { XF_COURSE_PLANNED, XF_COURSE_HELD, XF_COURSE_CANCELLED, NULL };

  if (!(course->hours > 0 && course->hours <= MAX_HOURS))
    {
      /* Translators: %d is the most hours a course may have. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Hours: more than 0 and at most %d"), MAX_HOURS);
      return FALSE;
    }
  if (course->capacity < 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Capacity: 0 (no limit) or more"));
      return FALSE;
    }
  if (course->status == NULL || !g_strv_contains (statuses, course->status))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Status: choose planned, held or cancelled"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_course_region (const char  *region_code,
                     GError     **error)
{
  XfReference *reference = xf_reference_get_shared ();

  if (region_code == NULL || *region_code == '\0'
      || xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, region_code)
      || g_strcmp0 (region_code, xf_reference_city_code (reference)) == 0)
    return TRUE;
  /* Translators: %s is a region code as given. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Region: “%s” is not a known region code"), region_code);
  return FALSE;
}

static gboolean
check_course (XfCultivation           *self,
              const XfTrainingCourse  *course,
              CourseInput             *input,
              GError                 **error)
{
  return (input->title = xf_repo_check_text (C_("course", "Title"), course->title, TRUE, MAX_TITLE, error)) != NULL
         && (input->provider = xf_repo_check_text (_("Provider"), course->provider, FALSE, MAX_TITLE,
                                                   error)) != NULL
         && (input->skill = xf_repo_check_text (_("Skill"), course->skill, FALSE, MAX_TITLE, error)) != NULL
         && check_course_dates (course, error)
         && check_course_numbers (course, error)
         && check_course_region (course->region_code, error)
         && (input->organisation_id = _xf_cultivation_organisation_id (self, _("Organisation"),
                                                                       course->organisation_code, error)) >= 0
         && (input->description = xf_repo_check_text (_("Description"), course->description, FALSE, MAX_TEXT,
                                                      error)) != NULL
         && xf_repo_check_region (&self->repo, XF_OP_CULTIVATION_EDIT, course->region_code, error);
}

/* Binds $2..$12 of the insert and the update alike. */
static void
bind_course (XfDbStmt                *stmt,
             const XfTrainingCourse  *course,
             const CourseInput       *input)
{
  xf_db_stmt_bind_text (stmt, 2, input->title);
  xf_db_stmt_bind_text (stmt, 3, input->provider);
  xf_db_stmt_bind_text (stmt, 4, input->skill);
  xf_repo_bind_id_or_null (stmt, 5, input->organisation_id);
  xf_repo_bind_text_or_null (stmt, 6, course->region_code);
  xf_db_stmt_bind_text (stmt, 7, course->starts_on);
  xf_db_stmt_bind_text (stmt, 8, course->ends_on);
  xf_db_stmt_bind_double (stmt, 9, course->hours);
  xf_repo_bind_id_or_null (stmt, 10, course->capacity);
  xf_db_stmt_bind_text (stmt, 11, course->status);
  xf_db_stmt_bind_text (stmt, 12, input->description);
}

static gint64
insert_course (XfCultivation           *self,
               const XfTrainingCourse  *course,
               const CourseInput       *input,
               GError                 **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  XfDbStmt *stmt;
  gint64 id;

  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO training_courses (uid, title, provider, skill, organisation_id,"
                          " region_code, starts_on, ends_on, hours, capacity, status, description,"
                          " created_at, updated_at, version)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1)", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  bind_course (stmt, course, input);
  xf_db_stmt_bind_int64 (stmt, 13, xf_repo_now ());
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  id = xf_db_last_insert_id (self->repo.db);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_TRAINING_COURSE, uid, input->title,
                      "title", NULL, input->title, error))
    return 0;
  return id;
}

static gboolean
audit_course (XfCultivation           *self,
              const XfTrainingCourse  *stored,
              const XfTrainingCourse  *course,
              const CourseInput       *input,
              GError                 **error)
{
  g_autofree char *hours_before = g_strdup_printf ("%g", stored->hours);
  g_autofree char *hours_after = g_strdup_printf ("%g", course->hours);
  g_autofree char *capacity_before = g_strdup_printf ("%d", stored->capacity);
  g_autofree char *capacity_after = g_strdup_printf ("%d", course->capacity);
  XfRepoFieldChange changes[] = {
    { "title", stored->title, input->title },
    { "provider", stored->provider, input->provider },
    { "skill", stored->skill, input->skill },
    { "organisation", stored->organisation_code, input->organisation_id > 0 ? course->organisation_code : NULL },
    { "region-code", stored->region_code, course->region_code },
    { "starts-on", stored->starts_on, course->starts_on },
    { "ends-on", stored->ends_on, course->ends_on },
    { "hours", hours_before, hours_after },
    { "capacity", capacity_before, capacity_after },
    { "status", stored->status, course->status },
    { "description", stored->description, input->description },
  };

  return xf_repo_audit_fields (&self->repo, XF_RECORD_TRAINING_COURSE, stored->uid, stored->title,
                               changes, G_N_ELEMENTS (changes), error);
}

/* Inside a write: the course held for the write. */
static XfTrainingCourse *
load_course_for_write (XfCultivation  *self,
                       gint64          course_id,
                       GError        **error)
{
  if (!xf_repo_lock (&self->repo, "training_courses", course_id, error))
    return NULL;
  return load_course (self, course_id, error);
}

static gboolean
update_course (XfCultivation           *self,
               const XfTrainingCourse  *course,
               const CourseInput       *input,
               GError                 **error)
{
  g_autoptr(XfTrainingCourse) stored = load_course_for_write (self, course->id, error);
  XfDbStmt *stmt;

  if (stored == NULL || !xf_repo_check_region (&self->repo, XF_OP_CULTIVATION_EDIT, stored->region_code, error))
    return FALSE;
  if (stored->version != course->version)
    {
      /* Translators: %s is a course's title. */
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT, _("The course “%s” was changed elsewhere since you opened it"),
                   stored->title);
      return FALSE;
    }
  if (course->capacity > 0 && course->capacity < stored->n_participants)
    {
      /* Translators: %d is a number of participants. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Capacity: %d participant is enrolled already",
                                "Capacity: %d participants are enrolled already", stored->n_participants),
                   stored->n_participants);
      return FALSE;
    }
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE training_courses SET title = $2, provider = $3, skill = $4, organisation_id = $5,"
                          " region_code = $6, starts_on = $7, ends_on = $8, hours = $9, capacity = $10,"
                          " status = $11, description = $12, updated_at = $13, version = version + 1"
                          " WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, course->id);
  bind_course (stmt, course, input);
  xf_db_stmt_bind_int64 (stmt, 13, xf_repo_now ());
  return xf_db_stmt_run (stmt, error) && audit_course (self, stored, course, input, error);
}

gint64
xf_cultivation_save_course (XfCultivation           *self,
                            const XfTrainingCourse  *course,
                            GError                 **error)
{
  g_auto(CourseInput) input = { NULL };
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);
  g_return_val_if_fail (course != NULL, 0);

  if (!check_course (self, course, &input, error) || !xf_repo_begin (&self->repo, error))
    return 0;
  if (course->id == 0)
    id = insert_course (self, course, &input, error);
  else if (update_course (self, course, &input, error))
    id = course->id;
  if (!_xf_cultivation_end (self, id > 0, 0, error))
    return 0;
  return id;
}

/*
 * Participants
 */

/* Inside a write: the held course, in one of @statuses (else
 * XF_ERROR_WORKFLOW), and the participant's file checked for the actor. */
static XfTrainingCourse *
load_for_participant (XfCultivation       *self,
                      gint64               course_id,
                      gint64               pioneer_id,
                      const char * const  *statuses,
                      GError             **error)
{
  g_autoptr(XfTrainingCourse) course = load_course_for_write (self, course_id, error);

  if (course == NULL
      || !xf_registry_check_id (self->registry, XF_OP_CULTIVATION_EDIT, pioneer_id, error))
    return NULL;
  if (!g_strv_contains (statuses, course->status))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_WORKFLOW,
                           g_strcmp0 (course->status, XF_COURSE_HELD) == 0 ? _("The course has been held")
                           : g_strcmp0 (course->status, XF_COURSE_CANCELLED) == 0 ? _("The course is cancelled")
                           : _("The course is only planned"));
      return NULL;
    }
  return g_steal_pointer (&course);
}

/* The participant's row (with the course's fields), NULL and
 * XF_ERROR_NOT_FOUND when @pioneer_id is not in the course. */
static XfTrainingParticipant *
load_participant (XfCultivation  *self,
                  gint64          course_id,
                  gint64          pioneer_id,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  XfTrainingParticipant *participant;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT " PARTICIPANT_COLUMNS PARTICIPANT_FROM
                          " WHERE tp.course_id = $1 AND tp.pioneer_id = $2", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, course_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  participant = xf_repo_fetch_one (&self->repo, stmt, participant_from_row, NULL, "", 0, &local_error);
  if (g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    g_set_error_literal (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Participant: not enrolled in this course"));
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return participant;
}

static gboolean
check_place (XfCultivation           *self,
             const XfTrainingCourse  *course,
             gint64                   pioneer_id,
             GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XfTrainingParticipant) existing = load_participant (self, course->id, pioneer_id, &local_error);

  if (existing != NULL)
    {
      /* Translators: %s is a pioneer's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Participant: %s is enrolled already"),
                   existing->pioneer_name);
      return FALSE;
    }
  if (!g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (course->capacity > 0 && course->n_participants >= course->capacity)
    {
      /* Translators: %d is the course's capacity. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   g_dngettext (GETTEXT_PACKAGE, "The course is full (%d place)", "The course is full (%d places)",
                                course->capacity),
                   course->capacity);
      return FALSE;
    }
  return TRUE;
}

static gboolean
audit_participant (XfCultivation           *self,
                   const XfTrainingCourse  *course,
                   gint64                   pioneer_id,
                   const char              *before,
                   const char              *after,
                   GError                 **error)
{
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error);

  return pioneer != NULL
         && xf_repo_audit (&self->repo, XF_AUDIT_TRAINING_RESULT, XF_RECORD_TRAINING_COURSE, course->uid,
                           course->title, xf_pioneer_get_uid (pioneer), before, after, error);
}

static gboolean
insert_participant (XfCultivation           *self,
                    const XfTrainingCourse  *course,
                    gint64                   pioneer_id,
                    GError                 **error)
{
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "INSERT INTO training_participants (course_id, pioneer_id, result, created_at, updated_at)"
                          " VALUES ($1, $2, '" XF_TRAINING_ENROLLED "', $3, $3)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, course->id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 3, xf_repo_now ());
  return xf_db_stmt_run (stmt, error)
         && audit_participant (self, course, pioneer_id, NULL, XF_TRAINING_ENROLLED, error);
}

gboolean
xf_cultivation_enrol (XfCultivation  *self,
                      gint64          course_id,
                      gint64          pioneer_id,
                      GError        **error)
{
  static const char * const planned[] = { XF_COURSE_PLANNED, NULL };
  g_autoptr(XfTrainingCourse) course = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if (!xf_registry_check_active_id (self->registry, pioneer_id, _("Participant"), error)
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  course = load_for_participant (self, course_id, pioneer_id, planned, error);
  ok = course != NULL
       && check_place (self, course, pioneer_id, error)
       && insert_participant (self, course, pioneer_id, error);
  return _xf_cultivation_end (self, ok, pioneer_id, error);
}

static gboolean
delete_participant (XfCultivation           *self,
                    const XfTrainingCourse  *course,
                    gint64                   pioneer_id,
                    GError                 **error)
{
  g_autoptr(XfTrainingParticipant) participant = load_participant (self, course->id, pioneer_id, error);
  XfDbStmt *stmt;

  if (participant == NULL)
    return FALSE;
  if (g_strcmp0 (participant->result, XF_TRAINING_ENROLLED) != 0)
    {
      /* Translators: %s is a result ("Passed"). */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("Participant: the result is recorded already (%s)"),
                   xf_training_result_label (participant->result));
      return FALSE;
    }
  stmt = xf_repo_prepare (&self->repo, "DELETE FROM training_participants WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, participant->id);
  return xf_db_stmt_run (stmt, error)
         && audit_participant (self, course, pioneer_id, XF_TRAINING_ENROLLED, NULL, error);
}

gboolean
xf_cultivation_withdraw (XfCultivation  *self,
                         gint64          course_id,
                         gint64          pioneer_id,
                         GError        **error)
{
  static const char * const open[] = { XF_COURSE_PLANNED, XF_COURSE_HELD, NULL };
  g_autoptr(XfTrainingCourse) course = NULL;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  course = load_for_participant (self, course_id, pioneer_id, open, error);
  ok = course != NULL && delete_participant (self, course, pioneer_id, error);
  return _xf_cultivation_end (self, ok, pioneer_id, error);
}

/*
 * Results
 */

typedef struct
{
  double      hours;
  const char *result;
  double      score;
  char       *certificate;
} ResultInput;

static gboolean
check_result (const XfTrainingCourse  *course,
              ResultInput             *input,
              GError                 **error)
{
  static const char * const results[] = { XF_TRAINING_PASSED, XF_TRAINING_FAILED, XF_TRAINING_ABSENT, NULL };

  if (!(input->hours >= 0 && input->hours <= course->hours))
    {
      /* Translators: %g is the course's hours. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Hours: from 0 to the course’s %g"), course->hours);
      return FALSE;
    }
  if (input->result == NULL || !g_strv_contains (results, input->result))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Result: choose passed, failed or absent"));
      return FALSE;
    }
  if (input->score != -1 && !(input->score >= 0 && input->score <= 100))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Score: from 0 to 100, or none"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_result (XfCultivation           *self,
              const XfTrainingCourse  *course,
              gint64                   pioneer_id,
              const ResultInput       *input,
              GError                 **error)
{
  g_autoptr(XfTrainingParticipant) participant = load_participant (self, course->id, pioneer_id, error);
  g_autofree char *summary = NULL;
  XfDbStmt *stmt;

  if (participant == NULL)
    return FALSE;
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE training_participants SET hours = $2, result = $3, score = $4, certificate = $5,"
                          " updated_at = $6 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, participant->id);
  xf_db_stmt_bind_double (stmt, 2, input->hours);
  xf_db_stmt_bind_text (stmt, 3, input->result);
  if (input->score < 0)
    xf_db_stmt_bind_null (stmt, 4);
  else
    xf_db_stmt_bind_double (stmt, 4, input->score);
  xf_db_stmt_bind_text (stmt, 5, input->certificate);
  xf_db_stmt_bind_int64 (stmt, 6, xf_repo_now ());
  summary = g_strdup_printf ("%s, %g h", input->result, input->hours);
  return xf_db_stmt_run (stmt, error)
         && audit_participant (self, course, pioneer_id, participant->result, summary, error);
}

/* The course becomes held with its first result. */
static gboolean
mark_held (XfCultivation           *self,
           const XfTrainingCourse  *course,
           GError                 **error)
{
  XfDbStmt *stmt;

  if (g_strcmp0 (course->status, XF_COURSE_PLANNED) != 0)
    return TRUE;
  stmt = xf_repo_prepare (&self->repo,
                          "UPDATE training_courses SET status = '" XF_COURSE_HELD "', updated_at = $2,"
                          " version = version + 1 WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, course->id);
  xf_db_stmt_bind_int64 (stmt, 2, xf_repo_now ());
  return xf_db_stmt_run (stmt, error)
         && xf_repo_audit (&self->repo, XF_AUDIT_UPDATE, XF_RECORD_TRAINING_COURSE, course->uid, course->title,
                           "status", course->status, XF_COURSE_HELD, error);
}

gboolean
xf_cultivation_record_result (XfCultivation  *self,
                              gint64          course_id,
                              gint64          pioneer_id,
                              double          hours,
                              const char     *result,
                              double          score,
                              const char     *certificate,
                              GError        **error)
{
  static const char * const open[] = { XF_COURSE_PLANNED, XF_COURSE_HELD, NULL };
  g_autoptr(XfTrainingCourse) course = NULL;
  ResultInput input = { hours, result, score, NULL };
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), FALSE);

  if ((input.certificate = xf_repo_check_text (_("Certificate"), certificate, FALSE, MAX_TITLE, error)) == NULL
      || !xf_repo_begin (&self->repo, error))
    {
      g_free (input.certificate);
      return FALSE;
    }
  course = load_for_participant (self, course_id, pioneer_id, open, error);
  ok = course != NULL
       && check_result (course, &input, error)
       && write_result (self, course, pioneer_id, &input, error)
       && mark_held (self, course, error);
  g_free (input.certificate);
  return _xf_cultivation_end (self, ok, pioneer_id, error);
}

GPtrArray *
xf_cultivation_training_for (XfCultivation  *self,
                             gint64          pioneer_id,
                             double         *total_hours,
                             GError        **error)
{
  GPtrArray *list;
  XfDbStmt *stmt;
  double total = 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT " PARTICIPANT_COLUMNS PARTICIPANT_FROM
                          " WHERE tp.pioneer_id = $1 ORDER BY c.starts_on DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  list = xf_repo_collect (&self->repo, stmt, participant_from_row, NULL,
                          (GDestroyNotify) xf_training_participant_free, error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const XfTrainingParticipant *participant = g_ptr_array_index (list, i);

      if (participant->hours > 0)
        total += participant->hours;
    }
  if (total_hours != NULL)
    *total_hours = total;
  return list;
}
