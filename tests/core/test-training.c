/* test-training.c — skill training: courses and their checks, capacity,
 *                   withdrawing, results, a person's training and hours
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-cultivation.h"

static XfTrainingCourse *
course_new (const char *title,
            const char *starts_on,
            double      hours,
            int         capacity)
{
  XfTrainingCourse *course = xf_training_course_new ();

  course->title = g_strdup (title);
  course->provider = g_strdup ("湖州市技师学院");
  course->skill = g_strdup ("数控加工");
  course->starts_on = g_strdup (starts_on);
  course->ends_on = g_strdup (starts_on);
  course->hours = hours;
  course->capacity = capacity;
  return course;
}

static gint64
save_course (XfCultivation    *cultivation,
             XfTrainingCourse *course)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_cultivation_save_course (cultivation, course, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_course (CultivationFixture *fixture,
            const char         *title,
            const char         *starts_on,
            double              hours,
            int                 capacity)
{
  g_autoptr(XfTrainingCourse) course = course_new (title, starts_on, hours, capacity);

  return save_course (fixture->cultivation, course);
}

static void
enrol (CultivationFixture *fixture,
       gint64              course,
       gint64              pioneer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_cultivation_enrol (fixture->cultivation, course, pioneer, &error));
  g_assert_no_error (error);
}

static XfTrainingCourse *
get_course (CultivationFixture *fixture,
            gint64              id)
{
  g_autoptr(GError) error = NULL;
  XfTrainingCourse *course = xf_cultivation_get_course (fixture->cultivation, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

typedef void (*SpoilFunc) (XfTrainingCourse *course);

static void
assert_refused (CultivationFixture *fixture,
                SpoilFunc           spoil,
                const char         *part)
{
  g_autoptr(XfTrainingCourse) course = course_new ("数控车床研修", "2026-04-01", 24, 0);
  g_autoptr(GError) error = NULL;

  spoil (course);
  g_assert_cmpint (xf_cultivation_save_course (fixture->cultivation, course, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, part);
  g_assert_cmpint (xf_test_cultivation_count (fixture, "SELECT COUNT(*) FROM training_courses"), ==, 0);
}

static void set_text (char **field, const char *text) { g_free (*field); *field = g_strdup (text); }
static void no_title (XfTrainingCourse *c) { set_text (&c->title, " "); }
static void no_start (XfTrainingCourse *c) { set_text (&c->starts_on, NULL); }
static void ancient_start (XfTrainingCourse *c) { set_text (&c->starts_on, "1800-12-01"); }
static void bad_end (XfTrainingCourse *c) { set_text (&c->ends_on, "2026-04-31"); }
static void end_first (XfTrainingCourse *c) { set_text (&c->ends_on, "2026-03-31"); }
static void no_hours (XfTrainingCourse *c) { c->hours = 0; }
static void too_many_hours (XfTrainingCourse *c) { c->hours = 2000.5; }
static void negative_capacity (XfTrainingCourse *c) { c->capacity = -1; }
static void bad_region (XfTrainingCourse *c) { set_text (&c->region_code, "999999"); }
static void bad_organisation (XfTrainingCourse *c) { set_text (&c->organisation_code, "nowhere"); }
static void bad_status (XfTrainingCourse *c) { set_text (&c->status, "postponed"); }

static void
test_courses (CultivationFixture *fixture,
              gconstpointer       data)
{
  g_autoptr(XfTrainingCourse) stored = NULL;
  g_autoptr(XfTrainingCourse) stale = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  assert_refused (fixture, no_title, "Title");
  assert_refused (fixture, no_start, "Starts on");
  assert_refused (fixture, ancient_start, "Starts on: 1800-12-01 is before 1949-10-01");
  assert_refused (fixture, bad_end, "Ends on");
  assert_refused (fixture, end_first, "Ends on");
  assert_refused (fixture, no_hours, "Hours");
  assert_refused (fixture, too_many_hours, "Hours");
  assert_refused (fixture, negative_capacity, "Capacity");
  assert_refused (fixture, bad_region, "Region");
  assert_refused (fixture, bad_organisation, "Organisation");
  assert_refused (fixture, bad_status, "Status");

  first = add_course (fixture, "数控车床研修", "2026-02-02", 24, 2);
  second = add_course (fixture, "安全生产培训", "2026-04-01", 8, 0);
  list = xf_cultivation_list_courses (fixture->cultivation, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  g_assert_cmpint (((XfTrainingCourse *) list->pdata[0])->id, ==, second);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_cultivation_list_courses (fixture->cultivation, "2026-01-01", "2026-03-01", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfTrainingCourse *) list->pdata[0])->id, ==, first);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (xf_cultivation_list_courses (fixture->cultivation, "March", NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "From");
  g_clear_error (&error);

  stored = get_course (fixture, first);
  g_assert_true (g_uuid_string_is_valid (stored->uid));
  g_assert_cmpstr (stored->title, ==, "数控车床研修");
  g_assert_cmpstr (stored->status, ==, XF_COURSE_PLANNED);
  g_assert_cmpfloat (stored->hours, ==, 24);
  g_assert_cmpint (stored->capacity, ==, 2);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpuint (stored->participants->len, ==, 0);

  /* An edit, audited field by field; a stale copy is refused. */
  stale = xf_training_course_copy (stored);
  set_text (&stored->title, "数控车床高级研修");
  stored->hours = 32;
  g_assert_cmpint (save_course (fixture->cultivation, stored), ==, first);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "update", "training-course"), ==, 2);
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "create", "training-course"), ==, 2);
  g_assert_cmpint (xf_cultivation_save_course (fixture->cultivation, stale, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_CONFLICT, "数控车床");
}

static void
test_capacity (CultivationFixture *fixture,
               gconstpointer       data)
{
  g_autoptr(XfTrainingCourse) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 course = add_course (fixture, "数控车床研修", "2026-04-01", 24, 2);

  enrol (fixture, course, fixture->base.master);
  g_assert_false (xf_cultivation_enrol (fixture->cultivation, course, fixture->base.master, &error));
  xf_test_services_assert_error (error, XF_ERROR_DUPLICATE, "王建国");
  g_clear_error (&error);
  enrol (fixture, course, fixture->base.other);
  g_assert_false (xf_cultivation_enrol (fixture->cultivation, course, fixture->base.anji, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "full");
  g_clear_error (&error);

  /* Capacity cannot drop below those enrolled. */
  stored = get_course (fixture, course);
  g_assert_cmpint (stored->n_participants, ==, 2);
  stored->capacity = 1;
  g_assert_cmpint (xf_cultivation_save_course (fixture->cultivation, stored, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Capacity");
  g_clear_error (&error);

  /* A place freed is taken. */
  g_assert_true (xf_cultivation_withdraw (fixture->cultivation, course, fixture->base.other, &error));
  g_assert_no_error (error);
  g_assert_false (xf_cultivation_withdraw (fixture->cultivation, course, fixture->base.other, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, "Participant");
  g_clear_error (&error);
  enrol (fixture, course, fixture->base.anji);

  /* Only active pioneers; never a collective's archived file. */
  xf_test_services_archive (&fixture->base, fixture->base.other);
  g_assert_false (xf_cultivation_enrol (fixture->cultivation, course, fixture->base.other, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Participant");
  g_assert_cmpint (xf_test_services_count_audit (&fixture->base, "training-result", "training-course"), ==, 4);
}

static void
test_results (CultivationFixture *fixture,
              gconstpointer       data)
{
  g_autoptr(XfTrainingCourse) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 course = add_course (fixture, "数控车床研修", "2026-02-02", 24, 0);
  XfTrainingParticipant *participant;

  enrol (fixture, course, fixture->base.master);
  enrol (fixture, course, fixture->base.other);
  g_assert_false (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.master, 25,
                                                XF_TRAINING_PASSED, 90, "", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Hours");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.master, 24,
                                                "excellent", 90, "", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Result");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.master, 24,
                                                XF_TRAINING_PASSED, 101, "", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Score");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.anji, 24,
                                                XF_TRAINING_PASSED, 90, "", &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, "Participant");
  g_clear_error (&error);

  g_assert_true (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.master, 24,
                                               XF_TRAINING_PASSED, 92.5, "NC-2026-001", &error));
  g_assert_no_error (error);
  g_assert_true (xf_cultivation_record_result (fixture->cultivation, course, fixture->base.other, 0,
                                               XF_TRAINING_ABSENT, -1, NULL, &error));
  g_assert_no_error (error);

  stored = get_course (fixture, course);
  g_assert_cmpstr (stored->status, ==, XF_COURSE_HELD);
  g_assert_cmpint (stored->n_participants, ==, 2);
  g_assert_cmpint (stored->n_passed, ==, 1);
  /* By name: 李明 before 王建国 in the collation of both databases is not
   * certain, so find each. */
  for (guint i = 0; i < stored->participants->len; i++)
    {
      participant = g_ptr_array_index (stored->participants, i);
      if (participant->pioneer_id == fixture->base.master)
        {
          g_assert_cmpfloat (participant->hours, ==, 24);
          g_assert_cmpfloat (participant->score, ==, 92.5);
          g_assert_cmpstr (participant->certificate, ==, "NC-2026-001");
          g_assert_cmpstr (participant->result, ==, XF_TRAINING_PASSED);
        }
      else
        {
          g_assert_cmpfloat (participant->hours, ==, 0);
          g_assert_cmpfloat (participant->score, ==, -1);
          g_assert_cmpstr (participant->result, ==, XF_TRAINING_ABSENT);
        }
    }

  /* Held: no one enrols, and a result stays. */
  g_assert_false (xf_cultivation_enrol (fixture->cultivation, course, fixture->base.anji, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "The course has been held");
  g_clear_error (&error);
  g_assert_false (xf_cultivation_withdraw (fixture->cultivation, course, fixture->base.master, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "Passed");
}

static void
test_training_for (CultivationFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GError) error = NULL;
  gint64 early = add_course (fixture, "安全生产培训", "2025-11-03", 8, 0);
  gint64 late = add_course (fixture, "数控车床研修", "2026-02-02", 24, 0);
  gint64 planned = add_course (fixture, "精益管理", "2026-05-11", 16, 0);
  double hours = -1;
  XfTrainingParticipant *newest;

  enrol (fixture, early, fixture->base.master);
  enrol (fixture, late, fixture->base.master);
  enrol (fixture, planned, fixture->base.master);
  g_assert_true (xf_cultivation_record_result (fixture->cultivation, early, fixture->base.master, 8,
                                               XF_TRAINING_PASSED, -1, NULL, &error));
  g_assert_true (xf_cultivation_record_result (fixture->cultivation, late, fixture->base.master, 20.5,
                                               XF_TRAINING_FAILED, 55, NULL, &error));
  g_assert_no_error (error);

  training = xf_cultivation_training_for (fixture->cultivation, fixture->base.master, &hours, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (training->len, ==, 3);
  g_assert_cmpfloat (hours, ==, 28.5);
  newest = g_ptr_array_index (training, 0);
  g_assert_cmpint (newest->course_id, ==, planned);
  g_assert_cmpstr (newest->course_title, ==, "精益管理");
  g_assert_cmpstr (newest->course_starts_on, ==, "2026-05-11");
  g_assert_cmpstr (newest->result, ==, XF_TRAINING_ENROLLED);
  g_assert_cmpfloat (newest->hours, ==, -1);
  g_assert_cmpint (((XfTrainingParticipant *) training->pdata[2])->course_id, ==, early);
  g_clear_pointer (&training, g_ptr_array_unref);

  training = xf_cultivation_training_for (fixture->cultivation, fixture->base.anji, &hours, &error);
  g_assert_cmpuint (training->len, ==, 0);
  g_assert_cmpfloat (hours, ==, 0);
}

static void
test_permissions (CultivationFixture *fixture,
                  gconstpointer       data)
{
  g_autoptr(XfCultivation) anji = xf_test_cultivation_as (fixture, "anji-clerk", XF_ROLE_CLERK, "330523");
  g_autoptr(XfCultivation) reviewer = xf_test_cultivation_as (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfTrainingCourse) deqing = course_new ("德清县技能培训", "2026-04-01", 16, 0);
  g_autoptr(XfTrainingCourse) anywhere = course_new ("全市技能培训", "2026-04-01", 16, 0);
  g_autoptr(GError) error = NULL;
  gint64 course;

  deqing->region_code = g_strdup (XF_TEST_DEQING);
  g_assert_cmpint (xf_cultivation_save_course (anji, deqing, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_cultivation_save_course (reviewer, anywhere, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);

  /* A course open to all: the Anji clerk enrols Anji's pioneers only. */
  course = save_course (anji, anywhere);
  g_assert_true (xf_cultivation_enrol (anji, course, fixture->base.anji, &error));
  g_assert_no_error (error);
  g_assert_false (xf_cultivation_enrol (anji, course, fixture->base.master, &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_cultivation_enrol (reviewer, course, fixture->base.master, &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) list = xf_cultivation_list_courses (reviewer, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_cultivation_test ("/training/courses", NULL, test_courses);
  add_cultivation_test ("/training/capacity", NULL, test_capacity);
  add_cultivation_test ("/training/results", NULL, test_results);
  add_cultivation_test ("/training/training-for", NULL, test_training_for);
  add_cultivation_test ("/training/permissions", NULL, test_permissions);

  return g_test_run ();
}
