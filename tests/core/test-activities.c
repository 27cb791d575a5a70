/* test-activities.c — policy lectures and skill activities: creation,
 *                     participants, attendance, holding, cancelling,
 *                     engagement events
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

#define MOBILE "13912345678"
#define MASKED "139••••5678"
#define DAY    "2026-03-12"   /* the Thursday after "today" */

static XfActivity *
draft (gint64      initiator,
       const char *kind)
{
  XfActivity *activity = xf_activity_new ();

  activity->pioneer_id = initiator;
  g_free (activity->kind);
  activity->kind = g_strdup (kind);
  activity->title = g_strdup (" 新就业形态劳动者权益政策宣讲 ");
  activity->held_on = g_strdup (DAY);
  g_free (activity->start_time);
  activity->start_time = g_strdup ("14:30");
  activity->place = g_strdup ("德清县职工服务中心二楼");
  activity->description = g_strdup ("讲解最新政策");
  return activity;
}

static gint64
create_on (XfServices *services,
           gint64      initiator,
           const char *kind,
           int         capacity)
{
  g_autoptr(XfActivity) activity = draft (initiator, kind);
  g_autoptr(GError) error = NULL;
  gint64 id;

  activity->capacity = capacity;
  id = xf_services_create_activity (services, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static XfActivity *
get (XfServices *services,
     gint64      id)
{
  g_autoptr(GError) error = NULL;
  XfActivity *activity = xf_services_get_activity (services, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activity);
  return activity;
}

static gint64
join (XfServices *services,
      gint64      activity,
      const char *name,
      const char *contact,
      gint64      pioneer)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_add_participant (services, activity, name, contact, pioneer, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
attend (XfServices *services,
        gint64      participant,
        gboolean    attended)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_services_set_attendance (services, participant, attended, &error));
  g_assert_no_error (error);
}

static void
test_create (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lecture = create_on (fixture->services, fixture->master, XF_ACTIVITY_LECTURE, 30);
  gint64 skill;

  activity = draft (fixture->other, XF_ACTIVITY_SKILL);
  g_free (activity->held_on);
  activity->held_on = g_strdup ("2026-04-01");
  activity->item_code = g_strdup ("cp-skill-training");
  activity->region_code = g_strdup ("330521002");
  skill = xf_services_create_activity (fixture->services, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (skill, >, lecture);
  g_clear_pointer (&activity, xf_activity_free);

  activity = get (fixture->services, lecture);
  g_assert_true (g_uuid_string_is_valid (activity->uid));
  g_assert_cmpint (activity->pioneer_id, ==, fixture->master);
  g_assert_cmpstr (activity->pioneer_name, ==, "王建国");
  g_assert_cmpstr (activity->kind, ==, XF_ACTIVITY_LECTURE);
  g_assert_cmpstr (activity->title, ==, "新就业形态劳动者权益政策宣讲");
  g_assert_null (activity->item_code);
  g_assert_cmpstr (activity->held_on, ==, DAY);
  g_assert_cmpstr (activity->start_time, ==, "14:30");
  g_assert_cmpstr (activity->place, ==, "德清县职工服务中心二楼");
  /* No region given: the initiator's. */
  g_assert_cmpstr (activity->region_code, ==, "330521001");
  g_assert_cmpint (activity->capacity, ==, 30);
  g_assert_cmpstr (activity->status, ==, XF_ACTIVITY_PLANNED);
  g_assert_cmpuint (activity->n_participants, ==, 0);
  g_assert_cmpuint (activity->participants->len, ==, 0);
  g_clear_pointer (&activity, xf_activity_free);

  activity = get (fixture->services, skill);
  g_assert_cmpstr (activity->item_code, ==, "cp-skill-training");
  g_assert_cmpstr (activity->region_code, ==, "330521002");
  g_assert_cmpint (activity->capacity, ==, 0);

  /* Newest (by date) first; by initiator; by kind. */
  list = xf_services_list_activities (fixture->services, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((XfActivity *) list->pdata[0])->id, ==, skill);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_services_list_activities (fixture->services, fixture->master, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfActivity *) list->pdata[0])->id, ==, lecture);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_services_list_activities (fixture->services, 0, XF_ACTIVITY_SKILL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfActivity *) list->pdata[0])->id, ==, skill);

  g_assert_cmpint (xf_test_services_count_audit (fixture, "create", "activity"), ==, 2);
  g_assert_null (xf_services_get_activity (fixture->services, skill + 10, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
}

static void
assert_create_refused (ServicesFixture *fixture,
                       XfActivity *activity,
                       int         code,
                       const char *part)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_services_create_activity (fixture->services, activity, &error), ==, 0);
  xf_test_services_assert_error (error, code, part);
  xf_activity_free (activity);
}

#define SPOIL(field, value) \
  G_STMT_START { XfActivity *a = draft (fixture->master, XF_ACTIVITY_LECTURE); \
                 g_free (a->field); a->field = value; \
                 assert_create_refused (fixture, a, XF_ERROR_INVALID, part); } G_STMT_END

static void
test_create_refusals (ServicesFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(XfServices) anji = xf_test_services_as_in (fixture, "anji-dispatch", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  const char *part;

  part = "Kind: a policy lecture or a skill activity";
  SPOIL (kind, g_strdup ("party"));
  part = "Title: this is required";
  SPOIL (title, NULL);
  part = "Date:";
  SPOIL (held_on, g_strdup ("2026-13-01"));
  SPOIL (held_on, NULL);
  part = "Start time:";
  SPOIL (start_time, g_strdup ("25:00"));
  SPOIL (start_time, g_strdup ("9:30"));
  part = "Place: this is required";
  SPOIL (place, g_strdup (" "));
  part = "Service item: “no-such-item” is not in the catalogue";
  SPOIL (item_code, g_strdup ("no-such-item"));
  part = "Region: “999999” is not a known region";
  SPOIL (region_code, g_strdup ("999999"));
  activity = draft (fixture->master, XF_ACTIVITY_SKILL);
  activity->capacity = -1;
  assert_create_refused (fixture, g_steal_pointer (&activity), XF_ERROR_INVALID, "Capacity:");
  activity = draft (0, XF_ACTIVITY_SKILL);
  assert_create_refused (fixture, g_steal_pointer (&activity), XF_ERROR_INVALID, "Initiator:");
  xf_test_services_archive (fixture, fixture->other);
  activity = draft (fixture->other, XF_ACTIVITY_SKILL);
  assert_create_refused (fixture, g_steal_pointer (&activity), XF_ERROR_INVALID,
                         "Initiator: 李明 is not an active pioneer");

  activity = draft (fixture->master, XF_ACTIVITY_LECTURE);
  g_assert_cmpint (xf_services_create_activity (anji, activity, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);

  /* A region that is not text is quoted as text. */
  g_clear_error (&error);
  xf_activity_free (activity);
  activity = draft (fixture->master, XF_ACTIVITY_LECTURE);
  g_free (activity->region_code);
  activity->region_code = g_strdup ("33\xff");
  g_assert_cmpint (xf_services_create_activity (fixture->services, activity, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM activities"), ==, 0);
  g_assert_cmpint (xf_test_services_count_audit (fixture, "create", "activity"), ==, 0);

  /* The city's own code is a region, as for requests and offers. */
  xf_activity_free (activity);
  activity = draft (fixture->master, XF_ACTIVITY_LECTURE);
  g_free (activity->region_code);
  activity->region_code = g_strdup ("330500");
  g_assert_cmpint (xf_services_create_activity (fixture->services, activity, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_participants (ServicesFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(XfServices) anji = xf_test_services_as_in (fixture, "anji-dispatch", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_on (fixture->services, fixture->master, XF_ACTIVITY_SKILL, 2);
  gint64 open = create_on (fixture->services, fixture->master, XF_ACTIVITY_SKILL, 0);
  const XfParticipant *participant;
  gint64 public, pioneer;

  /* Refused before anything is stored. */
  g_assert_cmpint (xf_services_add_participant (fixture->services, id, " ", MOBILE, 0, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Name: this is required");
  g_clear_error (&error);
  g_assert_cmpint (xf_services_add_participant (fixture->services, id, NULL, NULL, fixture->team + 9,
                                                &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Pioneer: there is no file");
  g_clear_error (&error);
  g_assert_cmpint (xf_services_add_participant (fixture->services, id, NULL, NULL, fixture->master,
                                                &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Pioneer: the initiator cannot join");
  g_clear_error (&error);
  g_assert_cmpint (xf_services_add_participant (anji, id, "钱七", NULL, 0, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_services_add_participant (fixture->services, id + 10, "钱七", NULL, 0, &error),
                   ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  public = join (fixture->services, id, "孙五", MOBILE, 0);
  /* A pioneer's own name when none is given. */
  pioneer = join (fixture->services, id, NULL, NULL, fixture->other);
  g_assert_cmpint (pioneer, >, public);
  g_assert_cmpint (xf_services_add_participant (fixture->services, id, "钱七", NULL, 0, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "is full: all 2 places are taken");
  g_clear_error (&error);

  /* A pioneer joins once. */
  join (fixture->services, open, "李明", NULL, fixture->other);
  g_assert_cmpint (xf_services_add_participant (fixture->services, open, "李明", NULL, fixture->other,
                                                &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_DUPLICATE, "Pioneer: 李明 has joined");
  g_clear_error (&error);
  join (fixture->services, open, "赵敏", NULL, fixture->anji);

  activity = get (fixture->services, id);
  g_assert_cmpuint (activity->n_participants, ==, 2);
  g_assert_cmpuint (activity->participants->len, ==, 2);
  participant = activity->participants->pdata[0];
  g_assert_cmpint (participant->id, ==, public);
  g_assert_cmpstr (participant->name, ==, "孙五");
  g_assert_cmpstr (participant->contact, ==, MOBILE);
  g_assert_cmpint (participant->pioneer_id, ==, 0);
  g_assert_cmpint (participant->attended, ==, -1);
  participant = activity->participants->pdata[1];
  g_assert_cmpstr (participant->name, ==, "李明");
  g_assert_cmpstr (participant->contact, ==, "");
  g_assert_cmpint (participant->pioneer_id, ==, fixture->other);
  g_clear_pointer (&activity, xf_activity_free);

  /* The audit trail names participants, never their contacts. */
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'activity'"
                                       " AND field = 'participant'"), ==, 4);
  g_assert_false (xf_test_services_audit_mentions (fixture, MOBILE));
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM activity_participants"), ==, 4);
}

static void
assert_sees (XfServices *services,
             gint64      id,
             const char *contact)
{
  g_autoptr(XfActivity) activity = get (services, id);

  g_assert_cmpstr (((XfParticipant *) activity->participants->pdata[0])->contact, ==, contact);
}

static void
test_roles (ServicesFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(XfServices) deqing = xf_test_services_as_in (fixture, "deqing-dispatch", XF_ROLE_DISPATCHER, "330521");
  g_autoptr(XfServices) anji = xf_test_services_as_in (fixture, "anji-dispatch", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfServices) clerk = xf_test_services_as_in (fixture, "deqing-clerk", XF_ROLE_CLERK, "330521");
  g_autoptr(XfServices) anji_clerk = xf_test_services_as_in (fixture, "anji-clerk", XF_ROLE_CLERK, "330523");
  g_autoptr(XfServices) auditor = xf_test_services_as_in (fixture, "auditor", XF_ROLE_AUDITOR, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = create_on (deqing, fixture->master, XF_ACTIVITY_LECTURE, 0);
  gint64 participant = join (deqing, id, "孙五", MOBILE, 0);

  assert_sees (fixture->services, id, MOBILE);
  assert_sees (deqing, id, MOBILE);
  assert_sees (clerk, id, MOBILE);
  assert_sees (anji, id, MASKED);
  assert_sees (anji_clerk, id, MASKED);
  assert_sees (auditor, id, MASKED);

  xf_test_services_set_today (DAY);
  g_assert_false (xf_services_mark_activity_held (anji, id, &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_services_cancel_activity (clerk, id, "下雨", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_services_set_attendance (auditor, participant, TRUE, &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM activity_participants"
                                       " WHERE attended IS NOT NULL"), ==, 0);
  g_assert_true (xf_services_mark_activity_held (deqing, id, &error));
  g_assert_no_error (error);
}

static void
test_held (ServicesFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_on (fixture->services, fixture->master, XF_ACTIVITY_LECTURE, 0);
  gint64 public = join (fixture->services, id, "孙五", MOBILE, 0);
  gint64 li = join (fixture->services, id, NULL, NULL, fixture->other);
  gint64 zhao = join (fixture->services, id, NULL, NULL, fixture->anji);

  /* Not before the day. */
  g_assert_false (xf_services_set_attendance (fixture->services, public, TRUE, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "takes place on 2026-03-12");
  g_clear_error (&error);
  g_assert_false (xf_services_mark_activity_held (fixture->services, id, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "takes place on 2026-03-12");
  g_clear_error (&error);
  g_assert_false (xf_services_set_attendance (fixture->services, zhao + 10, TRUE, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  xf_test_services_set_today (DAY);
  attend (fixture->services, public, TRUE);
  attend (fixture->services, li, FALSE);
  attend (fixture->services, li, TRUE);
  attend (fixture->services, zhao, FALSE);
  g_assert_true (xf_services_mark_activity_held (fixture->services, id, &error));
  g_assert_no_error (error);

  activity = get (fixture->services, id);
  g_assert_cmpstr (activity->status, ==, XF_ACTIVITY_HELD);
  g_assert_cmpuint (activity->n_participants, ==, 3);
  g_assert_cmpuint (activity->n_attended, ==, 2);
  g_assert_cmpint (((XfParticipant *) activity->participants->pdata[0])->attended, ==, 1);
  g_assert_cmpint (((XfParticipant *) activity->participants->pdata[2])->attended, ==, 0);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_LECTURE_INITIATED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_LECTURE_JOINED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->anji, XF_ENGAGEMENT_LECTURE_JOINED), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM engagement_events"), ==, 2);

  /* Held once; no more participants; not cancelled afterwards. */
  g_assert_false (xf_services_mark_activity_held (fixture->services, id, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "only a planned activity can be held");
  g_clear_error (&error);
  g_assert_cmpint (xf_services_add_participant (fixture->services, id, "钱七", NULL, 0, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "participants join a planned activity only");
  g_clear_error (&error);
  g_assert_false (xf_services_cancel_activity (fixture->services, id, "改期", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "only a planned activity can be cancelled");
  g_clear_error (&error);

  /* Attendance taken late still counts, once. */
  attend (fixture->services, zhao, TRUE);
  attend (fixture->services, zhao, TRUE);
  attend (fixture->services, li, TRUE);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->anji, XF_ENGAGEMENT_LECTURE_JOINED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_LECTURE_JOINED), ==, 1);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM engagement_events"), ==, 3);

  g_assert_cmpint (xf_test_services_count_audit (fixture, "attendance", "activity"), ==, 7);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'attendance'"
                                       " AND field = '孙五' AND new_value = 'attended'"), ==, 1);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-status'"
                                       " AND record_type = 'activity' AND new_value = 'held'"), ==, 1);
}

static void
test_cancel (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cancelled = create_on (fixture->services, fixture->master, XF_ACTIVITY_SKILL, 0);
  gint64 skill = create_on (fixture->services, fixture->master, XF_ACTIVITY_SKILL, 0);
  gint64 participant = join (fixture->services, cancelled, "孙五", NULL, 0);
  gint64 li = join (fixture->services, skill, NULL, NULL, fixture->other);

  g_assert_false (xf_services_cancel_activity (fixture->services, cancelled, " ", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Reason: this is required");
  g_clear_error (&error);
  g_assert_true (xf_services_cancel_activity (fixture->services, cancelled, "场地临时征用", &error));
  g_assert_no_error (error);
  activity = get (fixture->services, cancelled);
  g_assert_cmpstr (activity->status, ==, XF_ACTIVITY_CANCELLED);
  g_assert_cmpstr (activity->cancel_reason, ==, "场地临时征用");

  xf_test_services_set_today ("2026-03-13");
  g_assert_false (xf_services_set_attendance (fixture->services, participant, TRUE, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "was cancelled");
  g_clear_error (&error);
  g_assert_false (xf_services_mark_activity_held (fixture->services, cancelled, &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "only a planned activity can be held");
  g_clear_error (&error);

  /* A skill activity's kinds; attendance never taken counts for no one. */
  g_assert_true (xf_services_mark_activity_held (fixture->services, skill, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SKILL_INITIATED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_SKILL_JOINED), ==, 0);
  attend (fixture->services, li, TRUE);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_SKILL_JOINED), ==, 1);

  /* The engagement events as the index reads them. */
  events = xf_services_list_engagement (fixture->services, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  {
    const XfEngagementEvent *event = events->pdata[0];
    g_autoptr(XfActivity) held = get (fixture->services, skill);

    g_assert_cmpint (event->pioneer_id, ==, fixture->master);
    g_assert_cmpstr (event->kind, ==, XF_ENGAGEMENT_SKILL_INITIATED);
    g_assert_cmpstr (event->occurred_on, ==, "2026-03-13");
    g_assert_cmpstr (event->source, ==, XF_ENGAGEMENT_SOURCE_APP);
    g_assert_cmpstr (event->record_uid, ==, held->uid);
    g_assert_cmpfloat (event->value, ==, 1.0);
    g_assert_true (g_str_has_prefix (event->source_id, XF_ENGAGEMENT_SKILL_INITIATED ":"));
  }
  g_clear_pointer (&events, g_ptr_array_unref);
  events = xf_services_list_engagement (fixture->services, fixture->other, "2026-03-13", "2026-03-13",
                                        &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = xf_services_list_engagement (fixture->services, 0, NULL, "2026-03-12", &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = xf_services_list_engagement (fixture->services, 0, "March", NULL, &error);
  g_assert_null (events);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "From:");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  add_masters_test ("/core/services/activities/" path, NULL, func)
  ADD ("create", test_create);
  ADD ("create-refusals", test_create_refusals);
  ADD ("participants", test_participants);
  ADD ("roles", test_roles);
  ADD ("held", test_held);
  ADD ("cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
