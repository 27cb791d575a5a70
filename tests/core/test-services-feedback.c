/* test-services-feedback.c — 点赞/评价 on done requests: once, refusals,
 *                             complaints and their follow-up, ratings
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

#define MOBILE    "13712345678"
#define REQUESTER "陈阿姨"

/* A request in Deqing, open. */
static gint64
order (XfServices *services)
{
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  request->requester_name = g_strdup (REQUESTER);
  request->requester_contact = g_strdup (MOBILE);
  request->item_code = g_strdup ("cp-legal-aid");
  request->region_code = g_strdup ("330521001");
  request->place = g_strdup ("武康街道");
  request->needed_by = g_strdup ("2026-03-20");
  request->description = g_strdup ("劳动合同纠纷咨询");
  id = xf_services_create_request (services, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A request @pioneer has done. */
static gint64
done_by (ServicesFixture *fixture,
         gint64      pioneer)
{
  g_autoptr(GError) error = NULL;
  gint64 id = order (fixture->services);

  g_assert_true (xf_services_assign (fixture->services, id, pioneer, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (fixture->services, id, "已上门解答", &error));
  g_assert_no_error (error);
  return id;
}

static XfServiceFeedback *
feedback_new (int         rating,
              gboolean    liked,
              const char *comment,
              const char *complaint)
{
  XfServiceFeedback *feedback = xf_service_feedback_new ();

  feedback->rating = rating;
  feedback->liked = liked;
  g_free (feedback->comment);
  feedback->comment = g_strdup (comment);
  feedback->complaint = g_strdup (complaint);
  return feedback;
}

static void
rate (XfServices *services,
      gint64      id,
      int         rating,
      gboolean    liked,
      const char *comment,
      const char *complaint)
{
  g_autoptr(XfServiceFeedback) feedback = feedback_new (rating, liked, comment, complaint);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_services_rate (services, id, feedback, &error));
  g_assert_no_error (error);
}

static void
assert_rate_refused (XfServices *services,
                     gint64      id,
                     int         rating,
                     gboolean    liked,
                     const char *comment,
                     int         code,
                     const char *part)
{
  g_autoptr(XfServiceFeedback) feedback = feedback_new (rating, liked, comment, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_services_rate (services, id, feedback, &error));
  xf_test_services_assert_error (error, code, part);
}

/* The number of timeline lines of @kind. */
static guint
count_events (const XfServiceRequest *request,
              const char             *kind)
{
  guint n = 0;

  for (guint i = 0; i < request->events->len; i++)
    n += g_str_equal (((XfServiceEvent *) request->events->pdata[i])->kind, kind);
  return n;
}

/* The first timeline line of @kind. */
static const XfServiceEvent *
find_event (const XfServiceRequest *request,
            const char             *kind)
{
  for (guint i = 0; i < request->events->len; i++)
    if (g_str_equal (((XfServiceEvent *) request->events->pdata[i])->kind, kind))
      return request->events->pdata[i];
  g_error ("No “%s” line in the timeline", kind);
}

static void
test_rate (ServicesFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = done_by (fixture, fixture->master);
  const XfEngagementEvent *event;

  rate (fixture->services, id, 4, TRUE, " 很耐心，解释得很清楚 ", NULL);
  request = xf_test_services_get (fixture->services, id);
  g_assert_nonnull (request->feedback);
  g_assert_cmpint (request->feedback->rating, ==, 4);
  g_assert_true (request->feedback->liked);
  g_assert_cmpstr (request->feedback->comment, ==, "很耐心，解释得很清楚");
  g_assert_null (request->feedback->follow_up_status);
  g_assert_cmpuint (count_events (request, "rated"), ==, 1);
  g_assert_cmpuint (count_events (request, "complaint"), ==, 0);
  g_assert_cmpstr (find_event (request, "rated")->detail, ==, "4");
  g_assert_cmpint (find_event (request, "rated")->pioneer_id, ==, fixture->master);

  /* The claimer's engagement: the rating as the value, and the like. */
  events = xf_services_list_engagement (fixture->services, fixture->master, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SERVICE_RATED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SERVICE_LIKED), ==, 1);
  for (guint i = 0; i < events->len; i++)
    {
      event = events->pdata[i];
      if (g_str_equal (event->kind, XF_ENGAGEMENT_SERVICE_RATED))
        {
          g_assert_cmpfloat (event->value, ==, 4.0);
          g_assert_cmpstr (event->record_uid, ==, request->uid);
        }
    }

  /* The audit trail: what was given, never who gave it or how to reach them. */
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-feedback'"
                                       " AND record_type = 'service-request'"
                                       " AND new_value = 'rating 4, liked, comment'"), ==, 1);
  g_assert_false (xf_test_services_audit_mentions (fixture, MOBILE));
  g_assert_false (xf_test_services_audit_mentions (fixture, "很耐心"));

  /* Once. */
  assert_rate_refused (fixture->services, id, 5, FALSE, NULL, XF_ERROR_WORKFLOW, "has been rated already");
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SERVICE_RATED), ==, 1);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT rating FROM service_feedback"), ==, 4);
  g_assert_cmpint (xf_test_services_count_audit (fixture, "service-feedback", "service-request"), ==, 1);
}

static void
test_partial (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfServiceRequest) liked = NULL;
  gint64 like_only = done_by (fixture, fixture->master);
  gint64 rating_only = done_by (fixture, fixture->other);
  gint64 comment_only = done_by (fixture, fixture->anji);

  rate (fixture->services, like_only, 0, TRUE, NULL, NULL);
  rate (fixture->services, rating_only, 3, FALSE, "  ", NULL);
  rate (fixture->services, comment_only, 0, FALSE, "谢谢", NULL);

  liked = xf_test_services_get (fixture->services, like_only);
  g_assert_cmpint (liked->feedback->rating, ==, 0);
  g_assert_true (liked->feedback->liked);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM service_feedback WHERE rating IS NULL"), ==, 2);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SERVICE_RATED), ==, 0);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->master, XF_ENGAGEMENT_SERVICE_LIKED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_SERVICE_RATED), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (fixture, fixture->other, XF_ENGAGEMENT_SERVICE_LIKED), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM engagement_events WHERE kind IN"
                                       " ('service-rated', 'service-liked')"), ==, 2);
  /* What the audit trail says of each. */
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-feedback'"
                                       " AND new_value IN ('liked', 'rating 3', 'comment')"), ==, 3);
}

static void
test_refusals (ServicesFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(XfServices) anji = xf_test_services_as_in (fixture, "anji-dispatch", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfServices) clerk = xf_test_services_as_in (fixture, "deqing-clerk", XF_ROLE_CLERK, "330521");
  g_autoptr(XfServices) auditor = xf_test_services_as_in (fixture, "auditor", XF_ROLE_AUDITOR, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_comment = g_strnfill (1001, 'x');
  gint64 done = done_by (fixture, fixture->master);
  gint64 open = order (fixture->services);
  gint64 claimed = order (fixture->services);
  gint64 cancelled = order (fixture->services);

  assert_rate_refused (fixture->services, done, 6, FALSE, NULL, XF_ERROR_INVALID, "Rating: 1 to 5 stars, not 6");
  assert_rate_refused (fixture->services, done, -1, TRUE, NULL, XF_ERROR_INVALID, "Rating:");
  assert_rate_refused (fixture->services, done, 0, FALSE, "  ", XF_ERROR_INVALID,
                       "Rating: give a rating, a like or a comment");
  assert_rate_refused (fixture->services, done, 0, FALSE, NULL, XF_ERROR_INVALID, "Rating:");
  assert_rate_refused (fixture->services, done, 5, FALSE, long_comment, XF_ERROR_INVALID,
                       "Comment: at most 1000 characters");
  {
    g_autoptr(XfServiceFeedback) only_complaint = feedback_new (0, FALSE, NULL, "没人来");

    g_assert_false (xf_services_rate (fixture->services, done, only_complaint, &error));
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "Rating:");
    g_clear_error (&error);
  }

  /* Only a done request. */
  assert_rate_refused (fixture->services, open, 5, TRUE, NULL, XF_ERROR_WORKFLOW,
                       "only a done request can be rated");
  g_assert_true (xf_services_assign (fixture->services, claimed, fixture->other, &error));
  g_assert_no_error (error);
  assert_rate_refused (fixture->services, claimed, 5, TRUE, NULL, XF_ERROR_WORKFLOW,
                       "only a done request can be rated");
  g_assert_true (xf_services_cancel (fixture->services, cancelled, "重复提交", &error));
  g_assert_no_error (error);
  assert_rate_refused (fixture->services, cancelled, 5, TRUE, NULL, XF_ERROR_WORKFLOW,
                       "only a done request can be rated");
  assert_rate_refused (fixture->services, cancelled + 100, 5, TRUE, NULL, XF_ERROR_NOT_FOUND, NULL);

  /* Only a dispatcher at the request's region. */
  assert_rate_refused (anji, done, 5, TRUE, NULL, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_rate_refused (clerk, done, 5, TRUE, NULL, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_rate_refused (auditor, done, 5, TRUE, NULL, XF_ERROR_PERMISSION_DENIED, NULL);

  /* Nothing was stored. */
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM service_feedback"), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM service_request_events"
                                       " WHERE kind IN ('rated', 'complaint')"), ==, 0);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM engagement_events"
                                       " WHERE kind IN ('service-rated', 'service-liked')"), ==, 0);
  g_assert_cmpint (xf_test_services_count_audit (fixture, "service-feedback", "service-request"), ==, 0);
}

static void
test_complaint (ServicesFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(XfServices) deqing = xf_test_services_as_in (fixture, "deqing-dispatch", XF_ROLE_DISPATCHER, "330521");
  g_autoptr(XfServices) anji = xf_test_services_as_in (fixture, "anji-dispatch", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  XfServiceRequestQuery query = { 0 };
  gint64 id = done_by (fixture, fixture->master);
  gint64 praised = done_by (fixture, fixture->master);

  rate (deqing, id, 2, FALSE, "来晚了", " 约好九点，十一点才到 ");
  rate (deqing, praised, 5, TRUE, NULL, "");
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->feedback->complaint, ==, "约好九点，十一点才到");
  g_assert_cmpstr (request->feedback->follow_up_status, ==, XF_FOLLOW_UP_OPEN);
  g_assert_cmpuint (count_events (request, "rated"), ==, 1);
  g_assert_cmpuint (count_events (request, "complaint"), ==, 1);
  g_assert_cmpstr (find_event (request, "complaint")->detail, ==, "约好九点，十一点才到");
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, praised);
  g_assert_null (request->feedback->follow_up_status);
  g_assert_null (request->feedback->complaint);
  g_clear_pointer (&request, xf_service_request_free);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-feedback'"
                                       " AND new_value = 'rating 2, comment, complaint'"), ==, 1);

  /* The dispatcher's queue of follow-ups. */
  query.follow_up_only = TRUE;
  queue = xf_services_list_requests (fixture->services, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (((XfServiceRequest *) queue->pdata[0])->id, ==, id);
  g_clear_pointer (&queue, g_ptr_array_unref);

  /* Closing it: a note, the dispatcher at the region, an open follow-up. */
  g_assert_false (xf_services_close_follow_up (deqing, id, " ", &error));
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Note: this is required");
  g_clear_error (&error);
  g_assert_false (xf_services_close_follow_up (anji, id, "已回访", &error));
  xf_test_services_assert_error (error, XF_ERROR_PERMISSION_DENIED, NULL);
  g_clear_error (&error);
  g_assert_false (xf_services_close_follow_up (deqing, praised, "已回访", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "has no open follow-up");
  g_clear_error (&error);
  g_assert_true (xf_services_close_follow_up (deqing, id, "已电话回访，先锋当面致歉", &error));
  g_assert_no_error (error);

  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->feedback->follow_up_status, ==, XF_FOLLOW_UP_CLOSED);
  g_assert_cmpstr (request->feedback->follow_up_note, ==, "已电话回访，先锋当面致歉");
  g_assert_cmpuint (count_events (request, "follow-up-closed"), ==, 1);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM service_feedback"
                                       " WHERE follow_up_closed_by = 'deqing-dispatch'"
                                       " AND follow_up_closed_at > 0"), ==, 1);
  g_assert_cmpint (xf_test_services_count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'follow-up'"
                                       " AND actor_login = 'deqing-dispatch'"
                                       " AND new_value = '已电话回访，先锋当面致歉'"), ==, 1);

  g_assert_false (xf_services_close_follow_up (deqing, id, "再次", &error));
  xf_test_services_assert_error (error, XF_ERROR_WORKFLOW, "has no open follow-up");
  g_clear_error (&error);
  queue = xf_services_list_requests (fixture->services, &query, &error);
  g_assert_cmpuint (queue->len, ==, 0);
  g_assert_false (xf_test_services_audit_mentions (fixture, MOBILE));
}

static void
assert_rating (ServicesFixture *fixture,
               gint64      pioneer,
               double      mean,
               guint       count)
{
  g_autoptr(GError) error = NULL;
  double got_mean = -1;
  guint got_count = 99;

  g_assert_true (xf_services_pioneer_rating (fixture->services, pioneer, &got_mean, &got_count, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (got_mean, mean, 1e-9);
  g_assert_cmpuint (got_count, ==, count);
}

static void
test_pioneer_rating (ServicesFixture *fixture,
                     gconstpointer    data)
{
  rate (fixture->services, done_by (fixture, fixture->master), 5, TRUE, NULL, NULL);
  rate (fixture->services, done_by (fixture, fixture->master), 4, FALSE, NULL, NULL);
  rate (fixture->services, done_by (fixture, fixture->master), 0, TRUE, NULL, NULL);
  done_by (fixture, fixture->master);
  rate (fixture->services, done_by (fixture, fixture->other), 1, FALSE, NULL, "态度差");

  assert_rating (fixture, fixture->master, 4.5, 2);
  assert_rating (fixture, fixture->other, 1.0, 1);
  assert_rating (fixture, fixture->anji, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  add_masters_test ("/core/services/feedback/" path, NULL, func)
  ADD ("rate", test_rate);
  ADD ("partial", test_partial);
  ADD ("refusals", test_refusals);
  ADD ("complaint", test_complaint);
  ADD ("pioneer-rating", test_pioneer_rating);
#undef ADD

  return g_test_run ();
}
