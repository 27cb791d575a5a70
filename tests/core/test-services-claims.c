/* test-services-claims.c — claims (抢单), bookings, assignment and progress
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-files.h"
#include "xf-test-services.h"

static XfServiceRequest *
get (ServicesFixture *fixture,
     gint64           id)
{
  return xf_test_services_get (fixture->services, id);
}

static gint64
count (ServicesFixture *fixture,
       const char      *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (ServicesFixture *fixture,
       const char      *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return xf_test_services_count (fixture, sql);
}

static const char *
last_event (const XfServiceRequest *request)
{
  g_assert_cmpuint (request->events->len, >, 0);
  return ((XfServiceEvent *) g_ptr_array_index (request->events, request->events->len - 1))->kind;
}

static void
claim_ok (ServicesFixture *fixture,
          gint64           id,
          gint64           pioneer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_services_claim (fixture->services, id, pioneer, &error));
  g_assert_no_error (error);
}

static void
test_claim (ServicesFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, 0);
  gint64 audit = xf_test_count_audit (fixture->store);
  XfServiceEvent *event;

  claim_ok (fixture, id, fixture->wang);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (request->claimed_by, ==, fixture->wang);
  g_assert_cmpstr (request->claimed_by_name, ==, "王建国");
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_CLAIM);
  g_assert_cmpint (request->claimed_at, >, 0);
  g_assert_cmpint (request->version, ==, 2);
  event = g_ptr_array_index (request->events, request->events->len - 1);
  g_assert_cmpstr (event->kind, ==, "claimed");
  g_assert_cmpint (event->pioneer_id, ==, fixture->wang);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_claims WHERE won = 1 AND request_id = %"
                          G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM engagement_events WHERE kind = 'service-claimed'"
                          " AND pioneer_id = %" G_GINT64_FORMAT, fixture->wang), ==, 1);

  /* The second claim loses, is logged, and says who has it. */
  g_assert_false (xf_services_claim (fixture->services, id, fixture->li, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Already claimed by 王建国");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_claims WHERE won = 0 AND reason = "
                          "'Already claimed by 王建国' AND pioneer_id = %" G_GINT64_FORMAT, fixture->li), ==, 1);
  g_clear_pointer (&request, xf_service_request_free);
  request = get (fixture, id);
  g_assert_cmpint (request->claimed_by, ==, fixture->wang);
  g_assert_cmpstr (last_event (request), ==, "claim-lost");
  g_assert_cmpint (request->version, ==, 2);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM engagement_events"), ==, 1);
}

static void
assert_refused (ServicesFixture *fixture,
                gint64           id,
                gint64           pioneer,
                int              code,
                const char      *prefix)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_services_claim (fixture->services, id, pioneer, &error));
  g_assert_error (error, XF_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static void
test_claim_refusals (ServicesFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(XfServiceRequest) epidemic = xf_test_services_new_request ("cp-epidemic-prevention");
  g_autoptr(XfServices) reviewer = NULL;
  g_autoptr(XfPioneer) zhao = NULL;
  g_autoptr(GError) error = NULL;
  gint64 booked = xf_test_services_open_request (fixture, fixture->li);
  gint64 open = xf_test_services_open_request (fixture, 0);
  gint64 epidemic_id = xf_test_services_create (fixture->services, epidemic);
  gint64 logged;

  assert_refused (fixture, booked, fixture->wang, XF_ERROR_WORKFLOW, "Cannot claim a request that is booked");
  /* 李秀英 offers no epidemic prevention. */
  assert_refused (fixture, epidemic_id, fixture->li, XF_ERROR_INVALID, "Pioneer: 李秀英 does not offer");
  logged = count (fixture, "SELECT COUNT(*) FROM service_claims WHERE won = 0");
  g_assert_cmpint (logged, ==, 2);

  /* An offer past its end date does not count. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_offers"), ==, 4);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE service_offers SET available_until = '2026-03-08'"
                                            " WHERE pioneer_id = %" G_GINT64_FORMAT, fixture->li);

    g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
    g_assert_no_error (error);
  }
  assert_refused (fixture, open, fixture->li, XF_ERROR_INVALID, "Pioneer: 李秀英 does not offer");

  /* An archived pioneer claims nothing. */
  zhao = xf_registry_get_pioneer (fixture->registry, fixture->zhao, &error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, zhao, "退休", &error));
  g_assert_no_error (error);
  assert_refused (fixture, open, fixture->zhao, XF_ERROR_INVALID, "Pioneer: 赵志强 is not an active pioneer");

  /* Capacity: 王建国 takes two legal-aid requests a month. */
  claim_ok (fixture, open, fixture->wang);
  claim_ok (fixture, xf_test_services_open_request (fixture, 0), fixture->wang);
  assert_refused (fixture, xf_test_services_open_request (fixture, 0), fixture->wang, XF_ERROR_INVALID,
                  "Pioneer: 王建国 already has 2 requests this month");
  /* Next month the count starts again. */
  xf_test_services_set_today ("2026-04-01");
  claim_ok (fixture, xf_test_services_open_request (fixture, 0), fixture->wang);

  /* Without the permission: refused before anything is logged. */
  logged = count (fixture, "SELECT COUNT(*) FROM service_claims");
  reviewer = xf_test_services_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_assert_false (xf_services_claim (reviewer, xf_test_services_open_request (fixture, 0), fixture->wang, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_claims"), ==, logged);

  /* Unknown request and pioneer. */
  g_assert_false (xf_services_claim (fixture->services, 9999, fixture->wang, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (xf_services_claim (fixture->services, booked, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_claims"), ==, logged);
}

/* An offer's capacity per month counts the requests of its own item: 王建国
 * full up with epidemic prevention still takes legal aid, and the offers'
 * load and the match's load say the same. */
static void
test_capacity_per_item (ServicesFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 legal;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(XfServiceRequest) epidemic = xf_test_services_new_request ("cp-epidemic-prevention");

      claim_ok (fixture, xf_test_services_create (fixture->services, epidemic), fixture->wang);
    }
  legal = xf_test_services_open_request (fixture, 0);

  offers = xf_services_list_offers (fixture->services, fixture->wang, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offers->len, ==, 2);
  for (guint i = 0; i < offers->len; i++)
    {
      XfServiceOffer *offer = g_ptr_array_index (offers, i);

      g_assert_cmpint (offer->load_this_month, ==,
                       g_str_equal (offer->item_code, "cp-epidemic-prevention") ? 3 : 0);
    }

  matches = xf_services_suggest (fixture->services, legal, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < matches->len; i++)
    {
      XfServiceMatch *match = g_ptr_array_index (matches, i);

      /* No legal aid this month for anyone: the whole capacity is free. */
      g_assert_cmpfloat (match->load, ==, 1.0);
    }

  /* Three requests of another item do not fill a capacity of two. */
  claim_ok (fixture, legal, fixture->wang);
  claim_ok (fixture, xf_test_services_open_request (fixture, 0), fixture->wang);
  assert_refused (fixture, xf_test_services_open_request (fixture, 0), fixture->wang, XF_ERROR_INVALID,
                  "Pioneer: 王建国 already has 2 requests this month");
}

static void
test_progress (ServicesFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, 0);

  g_assert_false (xf_services_start (fixture->services, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot start a request that is open");
  g_clear_error (&error);
  g_assert_false (xf_services_complete (fixture->services, id, "已完成", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot complete a request that is open");
  g_clear_error (&error);

  claim_ok (fixture, id, fixture->wang);
  g_assert_true (xf_services_start (fixture->services, id, &error));
  g_assert_no_error (error);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_IN_PROGRESS);
  g_assert_cmpint (request->started_at, >, 0);
  g_assert_cmpstr (last_event (request), ==, "started");
  g_assert_false (xf_services_start (fixture->services, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot start a request that is in progress");
  g_clear_error (&error);

  g_assert_false (xf_services_complete (fixture->services, id, "  ", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Note: "));
  g_clear_error (&error);
  g_assert_true (xf_services_complete (fixture->services, id, "已帮助签订调解协议。", &error));
  g_assert_no_error (error);
  g_clear_pointer (&request, xf_service_request_free);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_DONE);
  g_assert_cmpstr (request->done_note, ==, "已帮助签订调解协议。");
  g_assert_cmpint (request->done_at, >, 0);
  g_assert_cmpstr (last_event (request), ==, "done");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM engagement_events WHERE kind = 'service-done'"
                          " AND pioneer_id = %" G_GINT64_FORMAT, fixture->wang), ==, 1);

  g_assert_false (xf_services_cancel (fixture->services, id, "不需要了", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot cancel a request that is done");
  g_clear_error (&error);

  /* Straight from claimed to done is allowed too. */
  id = xf_test_services_open_request (fixture, 0);
  claim_ok (fixture, id, fixture->li);
  g_assert_true (xf_services_complete (fixture->services, id, "电话解答。", &error));
  g_assert_no_error (error);
}

static void
test_cancel (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, 0);
  gint64 audit;

  g_assert_false (xf_services_cancel (fixture->services, id, "", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason: "));
  g_clear_error (&error);

  audit = xf_test_count_audit (fixture->store);
  g_assert_true (xf_services_cancel (fixture->services, id, "重复提交", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CANCELLED);
  g_assert_cmpstr (request->cancel_reason, ==, "重复提交");
  g_assert_cmpstr (last_event (request), ==, "cancelled");

  assert_refused (fixture, id, fixture->wang, XF_ERROR_WORKFLOW, "Cannot claim a request that is cancelled");
  g_assert_false (xf_services_assign (fixture->services, id, fixture->wang, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot assign a request that is cancelled");
}

static void
test_booking (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 accepted = xf_test_services_open_request (fixture, fixture->li);
  gint64 declined = xf_test_services_open_request (fixture, fixture->li);
  gint64 open = xf_test_services_open_request (fixture, 0);

  g_assert_true (xf_services_accept_booking (fixture->services, accepted, &error));
  g_assert_no_error (error);
  request = get (fixture, accepted);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (request->claimed_by, ==, fixture->li);
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_BOOKING);
  g_assert_cmpstr (last_event (request), ==, "accepted");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM engagement_events WHERE kind = 'service-claimed'"
                          " AND pioneer_id = %" G_GINT64_FORMAT, fixture->li), ==, 1);
  g_assert_false (xf_services_accept_booking (fixture->services, accepted, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_assert_cmpstr (error->message, ==, "Cannot accept a booking of a request that is claimed");
  g_clear_error (&error);
  g_assert_false (xf_services_decline_booking (fixture->services, open, "没空", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  g_assert_false (xf_services_decline_booking (fixture->services, declined, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason: "));
  g_clear_error (&error);
  g_assert_true (xf_services_decline_booking (fixture->services, declined, "本周出差", &error));
  g_assert_no_error (error);
  g_clear_pointer (&request, xf_service_request_free);
  request = get (fixture, declined);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpint (request->booked_pioneer_id, ==, 0);
  g_assert_cmpstr (last_event (request), ==, "declined");
  g_assert_cmpstr (((XfServiceEvent *) g_ptr_array_index (request->events, request->events->len - 1))->detail,
                   ==, "本周出差");
  /* Open for anyone now. */
  claim_ok (fixture, declined, fixture->zhao);
}

/* A booked pioneer archived before answering cannot accept: the request
 * stays booked (and unclaimed) for a decline or the dispatcher. */
static void
test_booking_archived (ServicesFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfPioneer) li = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, fixture->li);
  gint64 engagement = count (fixture, "SELECT COUNT(*) FROM engagement_events");

  li = xf_registry_get_pioneer (fixture->registry, fixture->li, &error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, li, "调离", &error));
  g_assert_no_error (error);

  g_assert_false (xf_services_accept_booking (fixture->services, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Pioneer: 李秀英 is not an active pioneer");
  g_clear_error (&error);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpint (request->claimed_by, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM engagement_events"), ==, engagement);
  /* …and is not offered to: only decline, assign or cancel are. */
  {
    g_auto(GStrv) actions = xf_services_allowed_actions (fixture->services, request);

    g_assert_false (g_strv_contains ((const char * const *) actions, "accept"));
    g_assert_true (g_strv_contains ((const char * const *) actions, "decline"));
    g_assert_true (g_strv_contains ((const char * const *) actions, "assign"));
  }

  g_assert_true (xf_services_assign (fixture->services, id, fixture->wang, &error));
  g_assert_no_error (error);
}

static void
test_assign (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, 0);
  gint64 booked = xf_test_services_open_request (fixture, fixture->li);

  /* At capacity, the dispatcher may still give 王建国 more. */
  claim_ok (fixture, xf_test_services_open_request (fixture, 0), fixture->wang);
  claim_ok (fixture, xf_test_services_open_request (fixture, 0), fixture->wang);
  g_assert_true (xf_services_assign (fixture->services, id, fixture->wang, &error));
  g_assert_no_error (error);
  request = get (fixture, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_ASSIGNMENT);
  g_assert_cmpint (request->claimed_by, ==, fixture->wang);
  g_assert_cmpstr (last_event (request), ==, "assigned");

  g_assert_false (xf_services_assign (fixture->services, id, fixture->li, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Already claimed by 王建国");
  g_clear_error (&error);

  /* A booking nobody answered may go to someone else. */
  g_assert_true (xf_services_assign (fixture->services, booked, fixture->zhao, &error));
  g_assert_no_error (error);
  g_clear_pointer (&request, xf_service_request_free);
  request = get (fixture, booked);
  g_assert_cmpint (request->claimed_by, ==, fixture->zhao);

  g_assert_false (xf_services_assign (fixture->services, xf_test_services_open_request (fixture, 0), 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Pioneer: "));
}

static char *
actions_of (ServicesFixture *fixture,
            XfServices      *services,
            gint64           id)
{
  g_autoptr(XfServiceRequest) request = get (fixture, id);
  g_auto(GStrv) actions = xf_services_allowed_actions (services, request);

  return g_strjoinv (" ", actions);
}

static void
test_allowed_actions (ServicesFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(XfServices) reviewer = xf_test_services_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfServices) other = xf_test_services_as (fixture, "dispatcher", XF_ROLE_DISPATCHER,
                                                     XF_SCOPE_REGION, XF_TEST_WUXING);
  g_autoptr(GError) error = NULL;
  gint64 open = xf_test_services_open_request (fixture, 0);
  gint64 booked = xf_test_services_open_request (fixture, fixture->li);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL, *g = NULL;

  a = actions_of (fixture, fixture->services, open);
  g_assert_cmpstr (a, ==, "claim assign cancel");
  b = actions_of (fixture, fixture->services, booked);
  g_assert_cmpstr (b, ==, "assign accept decline cancel");
  claim_ok (fixture, open, fixture->wang);
  c = actions_of (fixture, fixture->services, open);
  g_assert_cmpstr (c, ==, "start complete cancel");
  g_assert_true (xf_services_start (fixture->services, open, &error));
  d = actions_of (fixture, fixture->services, open);
  g_assert_cmpstr (d, ==, "complete cancel");
  g_assert_true (xf_services_complete (fixture->services, open, "完成", &error));
  g_assert_no_error (error);
  e = actions_of (fixture, fixture->services, open);
  g_assert_cmpstr (e, ==, "rate");
  f = actions_of (fixture, reviewer, booked);
  g_assert_cmpstr (f, ==, "");
  g = actions_of (fixture, other, booked);
  g_assert_cmpstr (g, ==, "");
}

/*
 * Many desks claiming one request at once
 */

#define N_DESKS 8

typedef struct
{
  XfStore    *store;
  XfServices *services;
  gint64      request;
  gint64      pioneer;
  gboolean    won;
  GError     *error;
} Desk;

static GMutex start_lock;
static GCond  start_cond;
static gboolean started;

static gpointer
claim_thread (gpointer data)
{
  Desk *desk = data;

  g_mutex_lock (&start_lock);
  while (!started)
    g_cond_wait (&start_cond, &start_lock);
  g_mutex_unlock (&start_lock);
  desk->won = xf_services_claim (desk->services, desk->request, desk->pioneer, &desk->error);
  return NULL;
}

/* Every desk claims at the same moment; returns when all are done. */
static void
race (Desk *desks)
{
  GThread *threads[N_DESKS];

  started = FALSE;
  for (guint i = 0; i < N_DESKS; i++)
    threads[i] = g_thread_new ("desk", claim_thread, &desks[i]);
  g_mutex_lock (&start_lock);
  started = TRUE;
  g_cond_broadcast (&start_cond);
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < N_DESKS; i++)
    g_thread_join (threads[i]);
}

static void
desks_close (Desk *desks)
{
  for (guint i = 0; i < N_DESKS; i++)
    {
      g_clear_error (&desks[i].error);
      g_clear_object (&desks[i].services);
      g_assert_finalize_object (desks[i].store);
    }
}

static void
test_concurrent_claims (void)
{
  ServicesFixture fixture = { 0 };
  g_autofree char *dir = xf_test_using_postgresql () ? NULL : xf_test_make_dir ();
  g_autofree char *location = xf_test_database_location (dir, "claims.db");
  Desk desks[N_DESKS] = { { 0 } };
  g_autoptr(XfServiceRequest) request = NULL;
  g_autofree char *expected = NULL;
  guint winners = 0;
  gint64 id;

  xf_test_services_set_up_at (&fixture, location);
  id = xf_test_services_open_request (&fixture, 0);
  for (guint i = 0; i < N_DESKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("先锋%u号", i + 1);

      desks[i].pioneer = xf_test_services_add_pioneer (fixture.registry, name, XF_TEST_WUKANG);
      xf_test_services_add_offer (fixture.services, desks[i].pioneer, "cp-legal-aid", 5);
      desks[i].request = id;
      desks[i].services = xf_test_services_new_desk (location, &desks[i].store);
    }

  race (desks);

  request = xf_test_services_get (fixture.services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  expected = g_strdup_printf ("Already claimed by %s", request->claimed_by_name);
  for (guint i = 0; i < N_DESKS; i++)
    {
      if (desks[i].won)
        {
          winners++;
          g_assert_no_error (desks[i].error);
          g_assert_cmpint (request->claimed_by, ==, desks[i].pioneer);
        }
      else
        {
          g_assert_error (desks[i].error, XF_ERROR, XF_ERROR_CONFLICT);
          g_assert_cmpstr (desks[i].error->message, ==, expected);
        }
    }
  g_assert_cmpuint (winners, ==, 1);
  g_assert_cmpint (request->version, ==, 2);
  g_assert_cmpint (xf_test_services_count (&fixture, "SELECT COUNT(*) FROM service_claims"), ==, N_DESKS);
  g_assert_cmpint (xf_test_services_count (&fixture, "SELECT COUNT(*) FROM service_claims WHERE won = 1"), ==, 1);
  g_assert_cmpint (xf_test_services_count (&fixture, "SELECT COUNT(*) FROM engagement_events"), ==, 1);

  desks_close (desks);
  xf_test_services_tear_down (&fixture, NULL);
  xf_test_remove_dir (dir);
}

/* Many desks claiming different requests for one pioneer at once: the
 * offer's capacity (two legal-aid requests a month) still holds, on both
 * backends. Several rounds, each a month later, to give a race its chance. */
static void
test_concurrent_capacity (void)
{
  static const char * const months[] = { "2026-03-09", "2026-04-08", "2026-05-11", "2026-06-08" };
  ServicesFixture fixture = { 0 };
  g_autofree char *dir = xf_test_using_postgresql () ? NULL : xf_test_make_dir ();
  g_autofree char *location = xf_test_database_location (dir, "capacity.db");
  Desk desks[N_DESKS] = { { 0 } };

  xf_test_services_set_up_at (&fixture, location);
  for (guint i = 0; i < N_DESKS; i++)
    {
      desks[i].pioneer = fixture.wang;
      desks[i].services = xf_test_services_new_desk (location, &desks[i].store);
    }

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      guint winners = 0;

      xf_test_services_set_today (months[m]);
      for (guint i = 0; i < N_DESKS; i++)
        {
          desks[i].request = xf_test_services_open_request (&fixture, 0);
          desks[i].won = FALSE;
          g_clear_error (&desks[i].error);
        }
      race (desks);
      for (guint i = 0; i < N_DESKS; i++)
        {
          if (desks[i].won)
            winners++;
          else
            g_assert_error (desks[i].error, XF_ERROR, XF_ERROR_INVALID);
        }
      g_assert_cmpuint (winners, ==, 2);
    }

  desks_close (desks);
  xf_test_services_tear_down (&fixture, NULL);
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_services_test ("/core/services/claims/claim", test_claim);
  add_services_test ("/core/services/claims/refusals", test_claim_refusals);
  add_services_test ("/core/services/claims/capacity-per-item", test_capacity_per_item);
  add_services_test ("/core/services/claims/progress", test_progress);
  add_services_test ("/core/services/claims/cancel", test_cancel);
  add_services_test ("/core/services/claims/booking", test_booking);
  add_services_test ("/core/services/claims/booking-archived", test_booking_archived);
  add_services_test ("/core/services/claims/assign", test_assign);
  add_services_test ("/core/services/claims/allowed-actions", test_allowed_actions);
  g_test_add_func ("/core/services/claims/concurrent", test_concurrent_claims);
  g_test_add_func ("/core/services/claims/concurrent-capacity", test_concurrent_capacity);

  return g_test_run ();
}
