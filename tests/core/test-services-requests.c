/* test-services-requests.c — entering, listing, finding and expiring requests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-files.h"
#include "xf-reference-private.h"
#include "xf-test-services.h"

static gint64
count_requests (ServicesFixture *fixture)
{
  return xf_test_services_count (fixture, "SELECT COUNT(*) FROM service_requests");
}

static void
test_create (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);
  gint64 id = xf_test_services_open_request (fixture, 0);
  XfServiceEvent *event;

  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpint (request->id, ==, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (request->channel, ==, XF_REQUEST_CHANNEL_DESK);
  g_assert_cmpuint (strlen (request->code), ==, 9);
  g_assert_cmpint (request->code[4], ==, '-');
  for (guint i = 0; i < 9; i++)
    if (i != 4)
      g_assert_nonnull (strchr ("23456789ABCDEFGHJKMNPQRSTUVWXYZ", request->code[i]));
  g_assert_nonnull (request->uid);
  g_assert_cmpstr (request->item_code, ==, "cp-legal-aid");
  g_assert_cmpstr (request->item_name, ==, "Legal aid");
  g_assert_cmpstr (request->region_name, ==, "Wukang Subdistrict");
  g_assert_cmpstr (request->requester_name, ==, "张三");
  g_assert_cmpstr (request->requester_contact, ==, "13812345678");
  g_assert_false (request->contact_masked);
  g_assert_cmpstr (request->needed_by, ==, "2026-06-30");
  g_assert_cmpstr (request->place, ==, "武康街道幸福里 3 号");
  g_assert_cmpint (request->booked_pioneer_id, ==, 0);
  g_assert_cmpint (request->claimed_by, ==, 0);
  g_assert_null (request->claim_kind);
  g_assert_false (request->overdue);
  g_assert_cmpint (request->response_due_at, >, request->created_at);
  g_assert_cmpint (request->version, ==, 1);
  g_assert_null (request->feedback);
  g_assert_cmpuint (request->events->len, ==, 1);
  event = g_ptr_array_index (request->events, 0);
  g_assert_cmpstr (event->kind, ==, "created");
  g_assert_cmpstr (event->pioneer_name, ==, "");
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
}

/* The text is trimmed; the contact may be a fixed line or an e-mail. */
static void
test_create_contacts (ServicesFixture *fixture,
                      gconstpointer    data)
{
  const char *contacts[] = { "0572-8888888", "zhang.san@example.com", "+86 572 888 8888" };

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");
      g_autoptr(XfServiceRequest) stored = NULL;

      g_free (request->requester_contact);
      request->requester_contact = g_strdup (contacts[i]);
      g_free (request->requester_name);
      request->requester_name = g_strdup ("  张三  ");
      stored = xf_test_services_get (fixture->services, xf_test_services_create (fixture->services, request));
      g_assert_cmpstr (stored->requester_contact, ==, contacts[i]);
      g_assert_cmpstr (stored->requester_name, ==, "张三");
    }
}

typedef struct
{
  const char *field;
  const char *value;
  const char *prefix;
} Bad;

static void
set_field (XfServiceRequest *request,
           const char       *field,
           const char       *value)
{
  char **slot = NULL;

  if (g_str_equal (field, "requester"))
    slot = &request->requester_name;
  else if (g_str_equal (field, "contact"))
    slot = &request->requester_contact;
  else if (g_str_equal (field, "item"))
    slot = &request->item_code;
  else if (g_str_equal (field, "region"))
    slot = &request->region_code;
  else if (g_str_equal (field, "place"))
    slot = &request->place;
  else if (g_str_equal (field, "needed_by"))
    slot = &request->needed_by;
  else if (g_str_equal (field, "time"))
    slot = &request->preferred_time;
  else if (g_str_equal (field, "description"))
    slot = &request->description;
  else if (g_str_equal (field, "channel"))
    slot = &request->channel;
  else
    g_assert_not_reached ();
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
test_create_invalid (ServicesFixture *fixture,
                     gconstpointer    data)
{
  g_autofree char *long_place = NULL;
  GString *place = g_string_new (NULL);
  gint64 audit = xf_test_count_audit (fixture->store);
  Bad bad[] = {
    { "requester", "   ", "Requester: " },
    { "requester", NULL, "Requester: " },
    { "contact", "", "Contact: " },
    { "contact", "call me", "Contact: " },
    { "contact", "zhang@", "Contact: " },
    { "contact", "12345", "Contact: " },
    { "item", "cp-no-such-thing", "Service item: " },
    { "item", NULL, "Service item: " },
    { "region", "999999", "Region: " },
    { "region", NULL, "Region: " },
    { "place", NULL, "Place: " },
    { "needed_by", "2026-02-30", "Needed by: " },
    { "needed_by", "2026-03-08", "Needed by: " },
    { "time", "随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时"
              "随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时"
              "随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时随时", "Preferred time: " },
    { "description", " \n ", "Description: " },
    { "channel", "fax", "Channel: " },
    /* Bounds: wrong lengths, forms and bytes; the message stays valid text. */
    { "region", "33052", "Region: " },
    { "region", "3305210011", "Region: " },
    { "region", "33\xff\xfe" "21", "Region: " },
    { "item", "cp-\xc3\x28", "Service item: " },
    { "needed_by", "2026-3-10", "Needed by: " },
    { "needed_by", "2026-13-01", "Needed by: " },
    { "needed_by", "2026-03-1\xff", "Needed by: " },
    { "requester", "\xe5\xbc", "Requester: " },
    { "contact", "138\xff" "12345678", "Contact: " },
    { "channel", "desk\xff", "Channel: " },
  };

  for (guint i = 0; i < 201; i++)
    g_string_append_c (place, 'x');
  long_place = g_string_free (place, FALSE);
  bad[10].value = long_place;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");
      g_autoptr(GError) error = NULL;

      set_field (request, bad[i].field, bad[i].value);
      g_assert_cmpint (xf_services_create_request (fixture->services, request, &error), ==, 0);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      /* Messages are shown and printed: never bytes that are not UTF-8. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (!g_str_has_prefix (error->message, bad[i].prefix))
        g_error ("%s=%s: “%s” does not start with “%s”", bad[i].field, bad[i].value,
                 error->message, bad[i].prefix);
    }
  /* Very long texts are refused by their length, not stored. */
  {
    g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");
    g_autoptr(GError) error = NULL;
    GString *huge = g_string_new (NULL);

    for (guint i = 0; i < 100000; i++)
      g_string_append (huge, "长");
    g_free (request->description);
    request->description = g_string_free (huge, FALSE);
    g_assert_cmpint (xf_services_create_request (fixture->services, request, &error), ==, 0);
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Description: at most 2000 characters"));
  }
  g_assert_cmpint (count_requests (fixture), ==, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
}

static void
test_booking (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfServiceRequest) epidemic = xf_test_services_new_request ("cp-epidemic-prevention");
  g_autoptr(XfPioneer) zhao = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_open_request (fixture, fixture->li);
  XfServiceEvent *event;

  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpint (request->booked_pioneer_id, ==, fixture->li);
  g_assert_cmpstr (request->booked_pioneer_name, ==, "李秀英");
  g_assert_cmpuint (request->events->len, ==, 2);
  event = g_ptr_array_index (request->events, 1);
  g_assert_cmpstr (event->kind, ==, "booked");
  g_assert_cmpstr (event->pioneer_name, ==, "李秀英");

  /* 李秀英 offers no epidemic prevention. */
  epidemic->booked_pioneer_id = fixture->li;
  g_assert_cmpint (xf_services_create_request (fixture->services, epidemic, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Pioneer: 李秀英"));
  g_clear_error (&error);

  /* An archived pioneer takes no bookings. */
  zhao = xf_registry_get_pioneer (fixture->registry, fixture->zhao, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, zhao, "退休", &error));
  g_assert_no_error (error);
  {
    g_autoptr(XfServiceRequest) booking = xf_test_services_new_request ("cp-legal-aid");

    booking->booked_pioneer_id = fixture->zhao;
    g_assert_cmpint (xf_services_create_request (fixture->services, booking, &error), ==, 0);
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Pioneer: "));
  }
  g_assert_cmpint (count_requests (fixture), ==, 1);
}

static void
test_source_id (ServicesFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  request->source_id = g_strdup ("portal-0001");
  g_free (request->channel);
  request->channel = g_strdup (XF_REQUEST_CHANNEL_IMPORT);
  id = xf_test_services_create (fixture->services, request);
  stored = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (stored->source_id, ==, "portal-0001");
  g_assert_cmpstr (stored->channel, ==, XF_REQUEST_CHANNEL_IMPORT);

  g_assert_cmpint (xf_services_create_request (fixture->services, request, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "Source id: "));
  g_assert_cmpint (count_requests (fixture), ==, 1);
}

/* Several desks entering the same imported line at once: one takes it. */
#define N_DESKS 4

typedef struct
{
  XfStore    *store;
  XfServices *services;
  gint64      id;
  GError     *error;
} Desk;

static gpointer
create_thread (gpointer data)
{
  Desk *desk = data;
  g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");

  request->source_id = g_strdup ("portal-race");
  desk->id = xf_services_create_request (desk->services, request, &desk->error);
  return NULL;
}

static void
test_source_id_race (void)
{
  ServicesFixture fixture = { 0 };
  g_autofree char *dir = xf_test_using_postgresql () ? NULL : xf_test_make_dir ();
  g_autofree char *location = xf_test_database_location (dir, "race.db");
  Desk desks[N_DESKS] = { { 0 } };
  GThread *threads[N_DESKS];
  guint taken = 0;

  xf_test_services_set_up_at (&fixture, location);
  for (guint i = 0; i < N_DESKS; i++)
    desks[i].services = xf_test_services_new_desk (location, &desks[i].store);
  for (guint i = 0; i < N_DESKS; i++)
    threads[i] = g_thread_new ("desk", create_thread, &desks[i]);
  for (guint i = 0; i < N_DESKS; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < N_DESKS; i++)
    {
      if (desks[i].id > 0)
        {
          taken++;
          g_assert_no_error (desks[i].error);
        }
      else
        g_assert_error (desks[i].error, XF_ERROR, XF_ERROR_DUPLICATE);
      g_clear_error (&desks[i].error);
      g_clear_object (&desks[i].services);
      g_assert_finalize_object (desks[i].store);
    }
  g_assert_cmpuint (taken, ==, 1);
  g_assert_cmpint (count_requests (&fixture), ==, 1);
  xf_test_services_tear_down (&fixture, NULL);
  xf_test_remove_dir (dir);
}

static guint
list_count (XfServices                  *services,
            const XfServiceRequestQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_services_list_requests (services, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list->len;
}

static void
test_list_filters (ServicesFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(XfServiceRequest) wuxing = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) epidemic = xf_test_services_new_request ("cp-epidemic-prevention");
  g_autoptr(XfServiceRequest) first = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  XfServiceRequestQuery query = { 0 };
  gint64 old, booked, claimed, in_wuxing, newest;

  old = xf_test_services_open_request (fixture, 0);
  booked = xf_test_services_open_request (fixture, fixture->li);
  claimed = xf_test_services_open_request (fixture, 0);
  g_assert_true (xf_services_claim (fixture->services, claimed, fixture->wang, &error));
  g_assert_no_error (error);
  g_free (wuxing->region_code);
  wuxing->region_code = g_strdup (XF_TEST_WUXING);
  g_free (wuxing->requester_name);
  wuxing->requester_name = g_strdup ("Maria Lopez");
  in_wuxing = xf_test_services_create (fixture->services, wuxing);
  g_assert_true (xf_services_cancel (fixture->services, in_wuxing, "重复提交", &error));
  g_assert_no_error (error);

  /* Ten days on: one more, and the old ones are past their response time. */
  xf_test_services_set_today ("2026-03-19");
  newest = xf_test_services_create (fixture->services, epidemic);

  g_assert_cmpuint (list_count (fixture->services, NULL), ==, 5);
  list = xf_services_list_requests (fixture->services, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((XfServiceRequest *) g_ptr_array_index (list, 0))->id, ==, newest);
  g_assert_cmpuint (((XfServiceRequest *) g_ptr_array_index (list, 0))->events->len, ==, 0);

  query.status = XF_REQUEST_OPEN;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 2);
  query.status = "unclaimed";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 3);
  query.status = "active";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 4);
  query.status = XF_REQUEST_CANCELLED;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.status = NULL;

  /* Unclaimed: the overdue ones first, although older. */
  query.status = "unclaimed";
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_services_list_requests (fixture->services, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_true (((XfServiceRequest *) g_ptr_array_index (list, 0))->overdue);
  g_assert_true (((XfServiceRequest *) g_ptr_array_index (list, 1))->overdue);
  g_assert_false (((XfServiceRequest *) g_ptr_array_index (list, 2))->overdue);
  g_assert_cmpint (((XfServiceRequest *) g_ptr_array_index (list, 2))->id, ==, newest);
  query.status = NULL;

  query.overdue_only = TRUE;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 2);
  query.overdue_only = FALSE;
  g_assert_cmpuint (xf_services_count_overdue (fixture->services, &error), ==, 2);
  g_assert_no_error (error);

  query.item_code = "cp-epidemic-prevention";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.item_code = NULL;

  query.region_code = XF_TEST_DEQING;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 4);
  query.region_code = "3305";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 5);
  query.region_code = XF_TEST_WUXING;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.region_code = "33%";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  query.region_code = NULL;

  query.pioneer_id = fixture->li;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.pioneer_id = fixture->wang;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.pioneer_id = fixture->zhao;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  query.pioneer_id = 0;

  query.min_age_days = 5;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 4);
  /* Ages beyond any request's, however large, list nothing (no overflow). */
  query.min_age_days = 160000000;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  query.min_age_days = G_MAXINT;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  query.min_age_days = 0;

  query.text = "maria";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.text = "劳动合同";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 5);
  query.text = "100%";
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  first = xf_test_services_get (fixture->services, old);
  query.text = first->code;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 1);
  query.text = NULL;

  query.follow_up_only = TRUE;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 0);
  query.follow_up_only = FALSE;

  query.limit = 2;
  g_assert_cmpuint (list_count (fixture->services, &query), ==, 2);

  /* Names are filled in lists. */
  {
    XfServiceRequestQuery by_pioneer = { .pioneer_id = fixture->wang };
    g_autoptr(GPtrArray) mine = xf_services_list_requests (fixture->services, &by_pioneer, &error);
    XfServiceRequest *request;

    g_assert_no_error (error);
    request = g_ptr_array_index (mine, 0);
    g_assert_cmpint (request->id, ==, claimed);
    g_assert_cmpstr (request->claimed_by_name, ==, "王建国");
    g_assert_nonnull (request->claimed_by_uid);
    g_assert_cmpstr (request->item_name, ==, "Legal aid");
    g_assert_false (request->overdue);
  }
  (void) booked;
}

static void
test_masking (ServicesFixture *fixture,
              gconstpointer    data)
{
  struct {
    const char *login;
    XfRole      role;
    const char *scope;
    gboolean    masked;
  } actors[] = {
    { "reviewer", XF_ROLE_REVIEWER, "3305", TRUE },
    { "clerk-deqing", XF_ROLE_CLERK, XF_TEST_DEQING, FALSE },
    { "clerk-wuxing", XF_ROLE_CLERK, XF_TEST_WUXING, TRUE },
    { "dispatcher-deqing", XF_ROLE_DISPATCHER, XF_TEST_DEQING, FALSE },
    { "auditor", XF_ROLE_AUDITOR, "3305", TRUE },
  };
  gint64 id = xf_test_services_open_request (fixture, 0);

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      g_autoptr(XfServices) services = xf_test_services_as (fixture, actors[i].login, actors[i].role,
                                                            XF_SCOPE_REGION, actors[i].scope);
      g_autoptr(XfServiceRequest) request = xf_test_services_get (services, id);
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;
      XfServiceRequest *listed;

      g_assert_cmpint (request->contact_masked, ==, actors[i].masked);
      g_assert_cmpstr (request->requester_contact, ==, actors[i].masked ? "138••••5678" : "13812345678");
      list = xf_services_list_requests (services, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      listed = g_ptr_array_index (list, 0);
      g_assert_cmpint (listed->contact_masked, ==, actors[i].masked);
      g_assert_cmpstr (listed->requester_contact, ==, request->requester_contact);
      /* The name is not personal data here. */
      g_assert_cmpstr (listed->requester_name, ==, "张三");
    }
}

static void
test_permissions (ServicesFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(XfServices) reviewer = xf_test_services_as (fixture, "reviewer", XF_ROLE_REVIEWER,
                                                        XF_SCOPE_REGION, "3305");
  g_autoptr(XfServices) clerk_wuxing = xf_test_services_as (fixture, "clerk", XF_ROLE_CLERK,
                                                            XF_SCOPE_REGION, XF_TEST_WUXING);
  g_autoptr(XfServices) dispatcher = xf_test_services_as (fixture, "dispatcher", XF_ROLE_DISPATCHER,
                                                          XF_SCOPE_REGION, XF_TEST_DEQING);
  g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (xf_services_create_request (reviewer, request, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_services_create_request (clerk_wuxing, request, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count_requests (fixture), ==, 0);

  id = xf_test_services_create (dispatcher, request);
  stored = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (stored->created_by, ==, "dispatcher");
}

static void
test_find (ServicesFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *bare = NULL;
  gint64 id;

  xf_test_services_open_request (fixture, 0);
  id = xf_test_services_open_request (fixture, 0);
  request = xf_test_services_get (fixture->services, id);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  lower = g_ascii_strdown (request->code, -1);
  bare = g_strdup_printf ("%.4s%s", request->code, request->code + 5);

  g_assert_cmpint (xf_services_find_request (fixture->services, id_text, &error), ==, id);
  g_assert_cmpint (xf_services_find_request (fixture->services, request->code, &error), ==, id);
  g_assert_cmpint (xf_services_find_request (fixture->services, lower, &error), ==, id);
  g_assert_cmpint (xf_services_find_request (fixture->services, bare, &error), ==, id);
  g_assert_cmpint (xf_services_find_request (fixture->services, request->uid, &error), ==, id);
  g_assert_no_error (error);

  g_assert_cmpint (xf_services_find_request (fixture->services, "999", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (xf_services_find_request (fixture->services, "ZZZZ-ZZZ", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Bytes that are not text find nothing, on both backends (PostgreSQL
   * refuses them as parameters), and the message is valid text. */
  g_assert_cmpint (xf_services_find_request (fixture->services, "K7\xff", &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  g_assert_null (xf_services_get_item (fixture->services, "cp-\xff", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    XfServiceRequestQuery bad_item = { .item_code = "cp-\xff" };
    XfServiceRequestQuery bad_text = { .text = "\xe5\xbc" };
    XfServiceRequestQuery bad_status = { .status = "op\xff" "en" };

    g_assert_cmpuint (list_count (fixture->services, &bad_item), ==, 0);
    g_assert_cmpuint (list_count (fixture->services, &bad_text), ==, 0);
    g_assert_cmpuint (list_count (fixture->services, &bad_status), ==, 0);
  }
  g_assert_null (xf_services_get_request (fixture->services, 999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_expire (ServicesFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(XfServiceRequest) soon = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) taken = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) expired = NULL;
  g_autoptr(XfServiceRequest) still = NULL;
  g_autoptr(GError) error = NULL;
  gint64 soon_id, taken_id, later_id;
  XfServiceEvent *event;

  g_free (soon->needed_by);
  soon->needed_by = g_strdup ("2026-03-10");
  soon_id = xf_test_services_create (fixture->services, soon);
  g_free (taken->needed_by);
  taken->needed_by = g_strdup ("2026-03-10");
  taken_id = xf_test_services_create (fixture->services, taken);
  g_assert_true (xf_services_claim (fixture->services, taken_id, fixture->li, &error));
  g_assert_no_error (error);
  later_id = xf_test_services_open_request (fixture, 0);   /* needed by the end of June */

  /* On the day itself it is still wanted. */
  xf_test_services_set_today ("2026-03-10");
  g_assert_cmpint (xf_services_expire_due (fixture->services, &error), ==, 0);
  g_assert_no_error (error);

  /* Any desk signed in does it, as the days pass. */
  xf_test_services_set_today ("2026-03-11");
  {
    g_autoptr(XfServices) reviewer = xf_test_services_as (fixture, "reviewer", XF_ROLE_REVIEWER,
                                                          XF_SCOPE_REGION, "3305");

    g_assert_cmpint (xf_services_expire_due (reviewer, &error), ==, 1);
  }
  g_assert_no_error (error);
  expired = xf_test_services_get (fixture->services, soon_id);
  g_assert_cmpstr (expired->status, ==, XF_REQUEST_EXPIRED);
  g_assert_false (expired->overdue);
  event = g_ptr_array_index (expired->events, expired->events->len - 1);
  g_assert_cmpstr (event->kind, ==, "expired");
  still = xf_test_services_get (fixture->services, later_id);
  g_assert_cmpstr (still->status, ==, XF_REQUEST_OPEN);
  g_clear_pointer (&still, xf_service_request_free);
  still = xf_test_services_get (fixture->services, taken_id);
  g_assert_cmpstr (still->status, ==, XF_REQUEST_CLAIMED);

  g_assert_cmpint (xf_services_expire_due (fixture->services, &error), ==, 0);
  g_assert_no_error (error);
}

/* The records' copies, labels and sentences (xf-service.c). */
static void
test_records (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfServiceRequest) copy = NULL;
  g_autoptr(XfServiceItem) item = xf_service_item_new ();
  g_autoptr(XfServiceItem) item_copy = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *day = NULL;
  gint64 id = xf_test_services_open_request (fixture, fixture->li);
  const struct { const char *kind; const char *detail; const char *expected; } events[] = {
    { "claimed", "", "Claimed by 李秀英" },
    { "cancelled", "duplicate request", "Cancelled: duplicate request" },
    { "done", "", "Done" },
    { "declined", "away", "Booking declined by 李秀英: away" },
    { "rated", "5", "Rated 5 of 5" },
    { "something-new", "x", "something-new: x" },
  };

  request = xf_test_services_get (fixture->services, id);
  request->feedback = xf_service_feedback_new ();
  request->feedback->rating = 4;
  request->feedback->comment = g_strdup ("很耐心");
  copy = xf_service_request_copy (request);
  g_assert_cmpstr (copy->code, ==, request->code);
  g_assert_cmpstr (copy->booked_pioneer_name, ==, "李秀英");
  g_assert_cmpuint (copy->events->len, ==, request->events->len);
  g_assert_cmpstr (((XfServiceEvent *) g_ptr_array_index (copy->events, 1))->kind, ==, "booked");
  g_assert_cmpint (copy->feedback->rating, ==, 4);
  g_assert_cmpstr (copy->feedback->comment, ==, "很耐心");

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      XfServiceEvent event = { 0, 0, (char *) events[i].kind, (char *) "admin", fixture->li,
                               (char *) "李秀英", (char *) events[i].detail };
      g_autofree char *text = xf_service_event_describe (&event);

      g_assert_cmpstr (text, ==, events[i].expected);
    }

  g_assert_cmpstr (xf_request_status_label (XF_REQUEST_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (xf_request_status_label ("unknown"), ==, "unknown");
  g_assert_true (xf_request_status_is_unclaimed (XF_REQUEST_BOOKED));
  g_assert_false (xf_request_status_is_unclaimed (XF_REQUEST_CLAIMED));
  g_assert_true (xf_request_status_is_final (XF_REQUEST_EXPIRED));
  g_assert_false (xf_request_status_is_final (XF_REQUEST_IN_PROGRESS));
  g_assert_cmpstr (xf_service_mode_label (XF_SERVICE_MODE_REMOTE), ==, "Remote");
  g_assert_cmpstr (xf_service_group_label (XF_SERVICE_GROUP_COMMON_PROSPERITY), ==, "Common prosperity");
  g_assert_cmpstr (xf_activity_kind_label (XF_ACTIVITY_LECTURE), ==, "Policy lecture");
  g_assert_cmpstr (xf_apprenticeship_status_label (XF_APPRENTICESHIP_ACCEPTED), ==, "Accepted");
  g_assert_cmpstr (xf_engagement_kind_label (XF_ENGAGEMENT_SERVICE_DONE), ==, "Completed a service");

  item->code = g_strdup ("cp-legal-aid");
  item->name_en = g_strdup ("Legal aid");
  item->name_zh = g_strdup ("法律援助");
  g_free (item->response_unit);
  item->response_unit = g_strdup (XF_RESPONSE_HOURS);
  item->response_amount = 4;
  hours = xf_service_item_format_response (item);
  g_assert_cmpstr (hours, ==, "Within 4 working hours");
  item_copy = xf_service_item_copy (item);
  g_free (item_copy->response_unit);
  item_copy->response_unit = g_strdup (XF_RESPONSE_DAYS);
  item_copy->response_amount = 1;
  day = xf_service_item_format_response (item_copy);
  g_assert_cmpstr (day, ==, "Within 1 working day");
  g_assert_cmpstr (xf_service_item_get_name (item_copy), ==, "Legal aid");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (xf_service_item_get_name (item_copy), ==, "法律援助");
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (xf_service_item_get_name (item_copy), ==, "Legal aid");

  /* The same language choice as the rest of the reference data, so that
   * the tests' override pins both the item's name and a region's. */
  _xf_reference_set_language_for_tests ("zh_CN");
  g_assert_cmpstr (xf_service_item_get_name (item_copy), ==, "法律援助");
  g_assert_cmpstr (xf_reference_label (xf_reference_get_shared (), XF_REFERENCE_REGIONS, XF_TEST_DEQING),
                   ==, "德清县");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  _xf_reference_set_language_for_tests ("en");
  g_assert_cmpstr (xf_service_item_get_name (item_copy), ==, "Legal aid");
  g_unsetenv ("LANGUAGE");
  _xf_reference_set_language_for_tests (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_services_test ("/core/services/requests/create", test_create);
  add_services_test ("/core/services/requests/create-contacts", test_create_contacts);
  add_services_test ("/core/services/requests/create-invalid", test_create_invalid);
  add_services_test ("/core/services/requests/booking", test_booking);
  add_services_test ("/core/services/requests/source-id", test_source_id);
  g_test_add_func ("/core/services/requests/source-id-race", test_source_id_race);
  add_services_test ("/core/services/requests/list-filters", test_list_filters);
  add_services_test ("/core/services/requests/masking", test_masking);
  add_services_test ("/core/services/requests/permissions", test_permissions);
  add_services_test ("/core/services/requests/find", test_find);
  add_services_test ("/core/services/requests/expire", test_expire);
  add_services_test ("/core/services/requests/records", test_records);

  return g_test_run ();
}
