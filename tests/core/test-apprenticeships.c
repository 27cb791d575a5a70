/* test-apprenticeships.c — 我要拜师 → 师带徒: requests, acceptance, check-ins,
 *                          completion, refusals and masked contacts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

#define MOBILE "13812345678"
#define MASKED "138••••5678"

static XfApprenticeship *
draft (gint64 master)
{
  XfApprenticeship *apprenticeship = xf_apprenticeship_new ();

  apprenticeship->pioneer_id = master;
  apprenticeship->apprentice_name = g_strdup ("  小周 ");
  apprenticeship->apprentice_contact = g_strdup (MOBILE);
  apprenticeship->apprentice_employer = g_strdup ("德清县机械厂");
  apprenticeship->goal = g_strdup ("学会数控车床的编程与调试");
  return apprenticeship;
}

static gint64
request_on (XfServices *services,
            gint64      master)
{
  g_autoptr(XfApprenticeship) apprenticeship = draft (master);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_request_apprenticeship (services, apprenticeship, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static XfApprenticeship *
get (XfServices *services,
     gint64      id)
{
  g_autoptr(GError) error = NULL;
  XfApprenticeship *apprenticeship = xf_services_get_apprenticeship (services, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (apprenticeship);
  return apprenticeship;
}

static void
accept (ServicesFixture *fixture,
        gint64      id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_services_accept_apprenticeship (fixture->services, id, "每周两次实操，三个月出师",
                                                    "2026-06-30", &error));
  g_assert_no_error (error);
}

static void
test_request (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = request_on (fixture->services, fixture->master);

  apprenticeship = get (fixture->services, id);
  g_assert_cmpint (apprenticeship->id, ==, id);
  g_assert_true (g_uuid_string_is_valid (apprenticeship->uid));
  g_assert_cmpint (apprenticeship->pioneer_id, ==, fixture->master);
  g_assert_cmpstr (apprenticeship->pioneer_name, ==, "王建国");
  g_assert_cmpstr (apprenticeship->apprentice_name, ==, "小周");
  g_assert_cmpstr (apprenticeship->apprentice_contact, ==, MOBILE);
  g_assert_false (apprenticeship->contact_masked);
  g_assert_cmpstr (apprenticeship->apprentice_employer, ==, "德清县机械厂");
  g_assert_cmpint (apprenticeship->apprentice_pioneer_id, ==, 0);
  g_assert_cmpstr (apprenticeship->status, ==, XF_APPRENTICESHIP_REQUESTED);
  g_assert_cmpstr (apprenticeship->requested_on, ==, XF_TEST_SERVICES_TODAY);
  g_assert_null (apprenticeship->decided_on);
  g_assert_null (apprenticeship->plan);
  g_assert_cmpint (apprenticeship->version, ==, 1);
  g_assert_cmpuint (apprenticeship->check_ins->len, ==, 0);

  /* One with a file, the other master's. */
  {
    g_autoptr(XfApprenticeship) second = draft (fixture->other);

    second->apprentice_pioneer_id = fixture->anji;
    g_assert_cmpint (xf_services_request_apprenticeship (fixture->services, second, &error), >, id);
    g_assert_no_error (error);
  }

  list = xf_services_list_apprenticeships (fixture->services, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  g_assert_cmpint (((XfApprenticeship *) list->pdata[0])->pioneer_id, ==, fixture->other);
  g_assert_cmpint (((XfApprenticeship *) list->pdata[0])->apprentice_pioneer_id, ==, fixture->anji);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_services_list_apprenticeships (fixture->services, fixture->master, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfApprenticeship *) list->pdata[0])->id, ==, id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_services_list_apprenticeships (fixture->services, 0, XF_APPRENTICESHIP_ACCEPTED, &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_cmpint (xf_test_services_count_audit (fixture, "create", "apprenticeship"), ==, 2);
  g_assert_false (xf_test_services_audit_mentions (fixture, MOBILE));

  g_assert_null (xf_services_get_apprenticeship (fixture->services, id + 100, &error));
  xf_test_services_assert_error (error, XF_ERROR_NOT_FOUND, NULL);
}

/* @change spoils a good draft; the request is refused with @code naming @part. */
static void
assert_request_refused (ServicesFixture *fixture,
                        void      (*change) (XfApprenticeship *, ServicesFixture *),
                        int         code,
                        const char *part)
{
  g_autoptr(XfApprenticeship) apprenticeship = draft (fixture->master);
  g_autoptr(GError) error = NULL;

  change (apprenticeship, fixture);
  g_assert_cmpint (xf_services_request_apprenticeship (fixture->services, apprenticeship, &error), ==, 0);
  xf_test_services_assert_error (error, code, part);
}

static void no_name (XfApprenticeship *a, ServicesFixture *f) { g_free (a->apprentice_name); a->apprentice_name = g_strdup ("  "); }
static void no_goal (XfApprenticeship *a, ServicesFixture *f) { g_clear_pointer (&a->goal, g_free); }
static void long_goal (XfApprenticeship *a, ServicesFixture *f) { g_free (a->goal); a->goal = g_strnfill (2001, 'x'); }
static void no_master (XfApprenticeship *a, ServicesFixture *f) { a->pioneer_id = 0; }
static void a_collective (XfApprenticeship *a, ServicesFixture *f) { a->pioneer_id = f->team; }
static void no_such_master (XfApprenticeship *a, ServicesFixture *f) { a->pioneer_id = f->team + 50; }
static void no_such_file (XfApprenticeship *a, ServicesFixture *f) { a->apprentice_pioneer_id = f->team + 50; }
static void own_apprentice (XfApprenticeship *a, ServicesFixture *f) { a->apprentice_pioneer_id = f->master; }

static void
test_request_refusals (ServicesFixture *fixture,
                       gconstpointer    data)
{
  assert_request_refused (fixture, no_name, XF_ERROR_INVALID, "Apprentice: this is required");
  assert_request_refused (fixture, no_goal, XF_ERROR_INVALID, "Goal: this is required");
  assert_request_refused (fixture, long_goal, XF_ERROR_INVALID, "Goal: at most 2000");
  assert_request_refused (fixture, no_master, XF_ERROR_INVALID, "Master: a pioneer is required");
  assert_request_refused (fixture, a_collective, XF_ERROR_INVALID, "Master: 德清县电力抢修班 is a collective");
  assert_request_refused (fixture, no_such_master, XF_ERROR_NOT_FOUND, NULL);
  assert_request_refused (fixture, no_such_file, XF_ERROR_INVALID, "Apprentice’s file: there is no file");
  assert_request_refused (fixture, own_apprentice, XF_ERROR_INVALID, "Apprentice’s file: the master");
  xf_test_services_archive (fixture, fixture->other);
  {
    g_autoptr(XfApprenticeship) apprenticeship = draft (fixture->other);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (xf_services_request_apprenticeship (fixture->services, apprenticeship, &error), ==, 0);
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Master: 李明 is not an active pioneer");
  }
  /* Nothing was written. */
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM apprenticeships"), ==, 0);
  g_assert_cmpint (xf_test_services_count_audit (fixture, "create", "apprenticeship"), ==, 0);
}

static void
test_mentoring (ServicesFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = request_on (fixture->services, fixture->master);
  const XfCheckIn *check_in;

  accept (fixture, id);
  apprenticeship = get (fixture->services, id);
  g_assert_cmpstr (apprenticeship->status, ==, XF_APPRENTICESHIP_ACCEPTED);
  g_assert_cmpstr (apprenticeship->plan, ==, "每周两次实操，三个月出师");
  g_assert_cmpstr (apprenticeship->decided_on, ==, XF_TEST_SERVICES_TODAY);
  g_assert_cmpstr (apprenticeship->ends_on, ==, "2026-06-30");
  g_assert_cmpint (apprenticeship->version, ==, 2);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_APPRENTICE_ACCEPTED), ==, 1);

  /* Accepting twice is not a step. */
  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "再来", "2026-07-01", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "Only a requested apprenticeship can be accepted");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_APPRENTICE_ACCEPTED), ==, 1);

  /* Check-ins: not in the future, not before the acceptance. */
  xf_test_services_set_today ("2026-03-20");
  g_assert_false (xf_services_add_check_in (fixture->services, id, "2026-03-21", "提前", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Date: a check-in cannot be in the future");
  g_clear_error (&error);
  g_assert_false (xf_services_add_check_in (fixture->services, id, "2026-03-05", "太早", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "accepted on 2026-03-09");
  g_clear_error (&error);
  g_assert_false (xf_services_add_check_in (fixture->services, id, "2026-03-10", " ", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Note: this is required");
  g_clear_error (&error);
  g_assert_false (xf_services_add_check_in (fixture->services, id, "10 March", "日期", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Date:");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM apprenticeship_check_ins"), ==, 0);

  g_assert_true (xf_services_add_check_in (fixture->services, id, "2026-03-12", "编程练习", &error));
  g_assert_true (xf_services_add_check_in (fixture->services, id, "2026-03-09", "第一次见面", &error));
  /* The same day written down twice counts once. */
  g_assert_true (xf_services_add_check_in (fixture->services, id, "2026-03-12", "补记", &error));
  /* No date: today. */
  g_assert_true (xf_services_add_check_in (fixture->services, id, NULL, "调试", &error));
  g_assert_no_error (error);
  g_clear_pointer (&apprenticeship, xf_apprenticeship_free);
  apprenticeship = get (fixture->services, id);
  g_assert_cmpuint (apprenticeship->check_ins->len, ==, 4);
  check_in = apprenticeship->check_ins->pdata[0];
  g_assert_cmpstr (check_in->on_date, ==, "2026-03-09");
  g_assert_cmpstr (check_in->note, ==, "第一次见面");
  g_assert_cmpstr (check_in->recorded_by, !=, "");
  check_in = apprenticeship->check_ins->pdata[3];
  g_assert_cmpstr (check_in->on_date, ==, "2026-03-20");
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_APPRENTICE_CHECK_IN), ==, 3);
  g_assert_cmpint (xf_test_services_count_audit (fixture, "check-in", "apprenticeship"), ==, 4);

  /* Completion. */
  g_assert_false (xf_services_complete_apprenticeship (fixture->services, id, "", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Note: this is required");
  g_clear_error (&error);
  g_assert_true (xf_services_complete_apprenticeship (fixture->services, id, "已能独立操作", &error));
  g_assert_no_error (error);
  g_clear_pointer (&apprenticeship, xf_apprenticeship_free);
  apprenticeship = get (fixture->services, id);
  g_assert_cmpstr (apprenticeship->status, ==, XF_APPRENTICESHIP_COMPLETED);
  g_assert_cmpstr (apprenticeship->completed_on, ==, "2026-03-20");
  g_assert_cmpstr (apprenticeship->completion_note, ==, "已能独立操作");
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_APPRENTICE_COMPLETED), ==, 1);

  g_assert_false (xf_services_complete_apprenticeship (fixture->services, id, "再次", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "Only an accepted apprenticeship can be completed");
  g_clear_error (&error);
  g_assert_false (xf_services_add_check_in (fixture->services, id, NULL, "之后", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "Check-ins are for an accepted apprenticeship");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_APPRENTICE_COMPLETED), ==, 1);

  /* requested → accepted → completed, each with its reason entry. */
  g_assert_cmpint (xf_test_services_count_audit (fixture, "service-status", "apprenticeship"), ==, 4);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-status'"
                                       " AND field = 'status' AND old_value = 'accepted'"
                                       " AND new_value = 'completed'"), ==, 1);
}

static void
test_decline (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfApprenticeship) apprenticeship = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = request_on (fixture->services, fixture->master);

  /* Not yet accepted: neither check-ins nor completion. */
  g_assert_false (xf_services_add_check_in (fixture->services, id, NULL, "见面", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "this one is Requested");
  g_clear_error (&error);
  g_assert_false (xf_services_complete_apprenticeship (fixture->services, id, "完成", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, NULL);
  g_clear_error (&error);

  /* A plan, ending after today, is needed to accept. */
  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "", "2026-06-30", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Plan: this is required");
  g_clear_error (&error);
  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "计划", XF_TEST_SERVICES_TODAY, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "End date: the plan must end after today");
  g_clear_error (&error);
  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "计划", "2026-02-30", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "End date:");
  g_clear_error (&error);
  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "计划", NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "End date:");
  g_clear_error (&error);

  g_assert_false (xf_services_decline_apprenticeship (fixture->services, id, NULL, &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Reason: this is required");
  g_clear_error (&error);
  apprenticeship = get (fixture->services, id);
  g_assert_cmpstr (apprenticeship->status, ==, XF_APPRENTICESHIP_REQUESTED);
  g_assert_cmpint (apprenticeship->version, ==, 1);
  g_clear_pointer (&apprenticeship, xf_apprenticeship_free);

  g_assert_true (xf_services_decline_apprenticeship (fixture->services, id, "本季度已带满徒弟", &error));
  g_assert_no_error (error);
  apprenticeship = get (fixture->services, id);
  g_assert_cmpstr (apprenticeship->status, ==, XF_APPRENTICESHIP_DECLINED);
  g_assert_cmpstr (apprenticeship->decline_reason, ==, "本季度已带满徒弟");
  g_assert_cmpstr (apprenticeship->decided_on, ==, XF_TEST_SERVICES_TODAY);

  g_assert_false (xf_services_accept_apprenticeship (fixture->services, id, "计划", "2026-06-30", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "this one is Declined");
  g_clear_error (&error);
  g_assert_false (xf_services_decline_apprenticeship (fixture->services, id, "再次", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM engagement_events"), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-status'"
                                       " AND field = 'reason' AND new_value = '本季度已带满徒弟'"), ==, 1);
}

/* How @services sees the apprentice's contact, in the list and alone. */
static void
assert_sees (XfServices *services,
             gint64      id,
             const char *contact)
{
  g_autoptr(XfApprenticeship) apprenticeship = get (services, id);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (apprenticeship->apprentice_contact, ==, contact);
  g_assert_cmpint (apprenticeship->contact_masked, ==, !g_str_equal (contact, MOBILE));
  list = xf_services_list_apprenticeships (services, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((XfApprenticeship *) list->pdata[0])->apprentice_contact, ==, contact);
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
  g_autoptr(XfApprenticeship) refused = draft (fixture->master);
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Only a dispatcher at the master's place writes. */
  g_assert_cmpint (xf_services_request_apprenticeship (anji, refused, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_services_request_apprenticeship (clerk, refused, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  id = request_on (deqing, fixture->master);

  assert_sees (fixture->services, id, MOBILE);
  assert_sees (deqing, id, MOBILE);
  assert_sees (clerk, id, MOBILE);
  assert_sees (anji, id, MASKED);
  assert_sees (anji_clerk, id, MASKED);
  assert_sees (auditor, id, MASKED);

  g_assert_false (xf_services_accept_apprenticeship (anji, id, "计划", "2026-06-30", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_services_decline_apprenticeship (auditor, id, "不合适", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_true (xf_services_accept_apprenticeship (deqing, id, "计划", "2026-06-30", &error));
  g_assert_no_error (error);
  g_assert_false (xf_services_add_check_in (clerk, id, NULL, "见面", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_services_complete_apprenticeship (anji, id, "完成", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM apprenticeship_check_ins"), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'apprenticeship'"
                                       " AND actor_login = 'deqing-dispatch'"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  add_masters_test ("/core/services/apprenticeships/" path, NULL, func)
  ADD ("request", test_request);
  ADD ("request-refusals", test_request_refusals);
  ADD ("mentoring", test_mentoring);
  ADD ("decline", test_decline);
  ADD ("roles", test_roles);
#undef ADD

  return g_test_run ();
}
