/* test-portal-services.c — the public's side of the services: the menu,
 *                          点单 and bookings from the portal, "my request"
 *                          by code and contact, its rating, and what the
 *                          public actor may not do
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal.h"
#include "xf-reference.h"
#include "xf-test-services.h"

#define REQUESTER "陈阿姨"
#define CONTACT   "+86 138-0000-1234"
#define PLACE     "武康街道幸福里 3 号"
#define WHAT      "劳动合同纠纷，需要法律咨询。"
/* As xf-services-requests-private.h: no 0/O, 1/I/L. */
#define CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

typedef struct
{
  ServicesFixture  base;
  XfPortal        *portal;
  char            *wang_uid;
} PortalFixture;

static void
set_up (PortalFixture *fixture,
        gconstpointer  data)
{
  g_autoptr(XfPioneer) wang = NULL;
  g_autoptr(GError) error = NULL;

  xf_test_services_set_up (&fixture->base, data);
  fixture->portal = xf_portal_new (fixture->base.store);
  wang = xf_registry_get_pioneer (fixture->base.registry, fixture->base.wang, &error);
  g_assert_no_error (error);
  fixture->wang_uid = g_strdup (xf_pioneer_get_uid (wang));
}

static void
tear_down (PortalFixture *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->portal);
  g_free (fixture->wang_uid);
  xf_test_services_tear_down (&fixture->base, data);
}

/* A valid 点单 for legal aid in Wukang. */
static XfPortalRequestForm
valid_form (void)
{
  XfPortalRequestForm form = {
    .item_code = "cp-legal-aid",
    .requester = REQUESTER,
    .contact = CONTACT,
    .region_code = XF_TEST_WUKANG,
    .place = PLACE,
    .needed_by = "2026-03-20",
    .description = WHAT,
    .pioneer_uid = NULL,
  };

  return form;
}

static char *
submit (PortalFixture             *fixture,
        const XfPortalRequestForm *form)
{
  g_autoptr(GError) error = NULL;
  char *code = xf_portal_submit_request (fixture->portal, form, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  return code;
}

static gint64
count (PortalFixture *fixture,
       const char    *sql)
{
  return xf_test_services_count (&fixture->base, sql);
}

static gint64
request_id (PortalFixture *fixture,
            const char    *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_find_request (fixture->base.services, code, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Submits a valid form; returns its code, its id in @id. */
static char *
submit_valid (PortalFixture *fixture,
              gint64        *id)
{
  XfPortalRequestForm form = valid_form ();
  char *code = submit (fixture, &form);

  *id = request_id (fixture, code);
  return code;
}

static XfPublicRequest *
find (PortalFixture *fixture,
      const char    *code,
      const char    *contact)
{
  g_autoptr(GError) error = NULL;
  XfPublicRequest *view = xf_portal_find_request (fixture->portal, code, contact, &error);

  g_assert_no_error (error);
  g_assert_nonnull (view);
  return view;
}

/* The message of the refusal of @code with @contact (NOT_FOUND). */
static char *
find_refused (PortalFixture *fixture,
              const char    *code,
              const char    *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPublicRequest) view = xf_portal_find_request (fixture->portal, code, contact, &error);

  g_assert_null (view);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  return g_strdup (error->message);
}

/* @error is a refusal with @code whose message says @part (if not NULL); cleared. */
static void
assert_refused (GError    **error,
                int         code,
                const char *part)
{
  xf_test_services_assert_error (*error, code, part);
  g_clear_error (error);
}

static void
assert_denied (GError **error)
{
  assert_refused (error, XF_ERROR_PERMISSION_DENIED, NULL);
}

static const char *
step_label (const XfPublicRequest *view,
            guint                  i)
{
  g_assert_cmpuint (i, <, view->steps->len);
  return ((XfPublicRequestStep *) g_ptr_array_index (view->steps, i))->label;
}

static void
assert_steps (const XfPublicRequest *view,
              const char * const    *labels)
{
  guint n = g_strv_length ((GStrv) labels);

  for (guint i = 0; i < MIN (n, view->steps->len); i++)
    g_assert_cmpstr (step_label (view, i), ==, labels[i]);
  g_assert_cmpuint (view->steps->len, ==, n);
  for (guint i = 1; i < view->steps->len; i++)
    g_assert_cmpint (((XfPublicRequestStep *) view->steps->pdata[i])->at, >=,
                     ((XfPublicRequestStep *) view->steps->pdata[i - 1])->at);
}

/* Takes @code's item out of the catalogue (as the administrator). */
/* The services as a dispatcher of Deqing's, whose requests come in from the portal. */
static XfServices *
dispatcher_of (PortalFixture *fixture)
{
  return xf_test_services_as_in (&fixture->base, "dispatcher", XF_ROLE_DISPATCHER, XF_TEST_DEQING);
}

static void
deactivate_item (PortalFixture *fixture,
                 const char    *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfServiceItem) item = xf_services_get_item (fixture->base.services, code, &error);

  g_assert_no_error (error);
  item->active = FALSE;
  g_assert_cmpint (xf_services_save_item (fixture->base.services, item, &error), ==, item->id);
  g_assert_no_error (error);
}

/* An item of the catalogue no pioneer of the fixture offers. */
static char *
unoffered_item (PortalFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_services_list_items (fixture->base.services, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);

      if (!g_str_equal (item->code, "cp-legal-aid") && !g_str_equal (item->code, "cp-epidemic-prevention"))
        return g_strdup (item->code);
    }
  g_assert_not_reached ();
}

/*
 * The menu and the regions
 */

static void
test_list_services (PortalFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = unoffered_item (fixture);
  gint64 active;

  before = xf_portal_list_services (fixture->portal, &error);
  g_assert_no_error (error);
  active = count (fixture, "SELECT COUNT(*) FROM service_items WHERE active = 1");
  g_assert_cmpint (active, >, 2);
  g_assert_cmpuint (before->len, ==, active);
  /* Common prosperity first. */
  g_assert_cmpstr (((XfServiceItem *) before->pdata[0])->group, ==, XF_SERVICE_GROUP_COMMON_PROSPERITY);

  item = xf_portal_get_service (fixture->portal, "cp-legal-aid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->code, ==, "cp-legal-aid");
  g_assert_true (item->active);

  deactivate_item (fixture, gone);
  after = xf_portal_list_services (fixture->portal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_cmpstr (((XfServiceItem *) after->pdata[i])->code, !=, gone);
      g_assert_true (((XfServiceItem *) after->pdata[i])->active);
    }
  g_clear_pointer (&item, xf_service_item_free);
  item = xf_portal_get_service (fixture->portal, gone, &error);
  g_assert_null (item);
  assert_refused (&error, XF_ERROR_NOT_FOUND, NULL);
  item = xf_portal_get_service (fixture->portal, "no-such-service", &error);
  g_assert_null (item);
  assert_refused (&error, XF_ERROR_NOT_FOUND, NULL);
  item = xf_portal_get_service (fixture->portal, "", &error);
  g_assert_null (item);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_list_regions (PortalFixture *fixture,
                   gconstpointer  data)
{
  XfReference *reference = xf_reference_get_shared ();
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wukang = NULL;
  GPtrArray *items;
  gboolean seen_wukang = FALSE, seen_deqing = FALSE;

  pairs = xf_portal_list_regions (fixture->portal, &error);
  g_assert_no_error (error);
  items = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);
  g_assert_cmpuint (items->len, >, 10);
  g_assert_cmpuint (pairs->len, ==, 2 * items->len);
  wukang = g_strdup_printf ("%s, %s", xf_reference_label (reference, XF_REFERENCE_REGIONS, XF_TEST_WUKANG),
                            xf_reference_label (reference, XF_REFERENCE_REGIONS, XF_TEST_DEQING));
  for (guint i = 0; i < pairs->len; i += 2)
    {
      const char *code = pairs->pdata[i];
      const char *label = pairs->pdata[i + 1];

      g_assert_true (xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, code));
      g_assert_cmpuint (strlen (label), >, 0);
      if (g_str_equal (code, XF_TEST_WUKANG))
        {
          g_assert_cmpstr (label, ==, wukang);
          seen_wukang = TRUE;
        }
      if (g_str_equal (code, XF_TEST_DEQING))
        {
          g_assert_cmpstr (label, ==, xf_reference_label (reference, XF_REFERENCE_REGIONS, XF_TEST_DEQING));
          seen_deqing = TRUE;
        }
    }
  g_assert_true (seen_wukang);
  g_assert_true (seen_deqing);
}

/*
 * 点单 and bookings
 */

static void
test_submit (PortalFixture *fixture,
             gconstpointer  data)
{
  XfPortalRequestForm form = valid_form ();
  g_autoptr(XfServices) dispatcher = dispatcher_of (fixture);
  g_autoptr(XfServices) reviewer = xf_test_services_as_in (&fixture->base, "reviewer",
                                                           XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfServices) elsewhere = xf_test_services_as_in (&fixture->base, "wuxing",
                                                            XF_ROLE_DISPATCHER, XF_TEST_WUXING);
  g_autoptr(XfServiceRequest) seen = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) masked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  XfServiceRequestQuery unclaimed = { .status = "unclaimed" };
  XfServiceRequest *request;

  code = submit (fixture, &form);
  g_assert_true (g_regex_match_simple ("^[" CODE_ALPHABET "]{4}-[" CODE_ALPHABET "]{4}$",
                                       code, 0, 0));

  /* In the dispatcher's queue at once, as entered at a desk. */
  queue = xf_services_list_requests (dispatcher, &unclaimed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  request = queue->pdata[0];
  g_assert_cmpstr (request->code, ==, code);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (request->channel, ==, XF_REQUEST_CHANNEL_PORTAL);
  g_assert_cmpstr (request->item_code, ==, "cp-legal-aid");
  g_assert_cmpstr (request->region_code, ==, XF_TEST_WUKANG);
  g_assert_cmpstr (request->requester_name, ==, REQUESTER);
  g_assert_cmpstr (request->place, ==, PLACE);
  g_assert_cmpstr (request->needed_by, ==, "2026-03-20");
  g_assert_cmpstr (request->description, ==, WHAT);
  g_assert_cmpint (request->booked_pioneer_id, ==, 0);
  g_assert_cmpint (request->response_due_at, >, request->created_at);
  /* The dispatcher of the region sees the contact (SERVICE_DISPATCH). */
  g_assert_false (request->contact_masked);
  g_assert_cmpstr (request->requester_contact, ==, CONTACT);

  /* A reviewer does not, nor a dispatcher of another county. */
  masked = xf_services_list_requests (reviewer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (masked->len, ==, 1);
  g_assert_true (((XfServiceRequest *) masked->pdata[0])->contact_masked);
  g_assert_cmpstr (((XfServiceRequest *) masked->pdata[0])->requester_contact, ==, "••••");
  g_clear_pointer (&masked, g_ptr_array_unref);
  masked = xf_services_list_requests (elsewhere, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (masked->len, ==, 1);
  g_assert_true (((XfServiceRequest *) masked->pdata[0])->contact_masked);
  g_assert_cmpstr (((XfServiceRequest *) masked->pdata[0])->requester_contact, ==, "••••");

  /* Audited as the public, without the contact. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'create'"
                                   " AND record_type = 'service-request' AND actor_login = 'public'"), ==, 1);
  g_assert_false (xf_test_services_audit_mentions (&fixture->base, "0000-1234"));
  g_assert_false (xf_test_services_audit_mentions (&fixture->base, "00001234"));
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_request_events WHERE kind = 'created'"), ==, 1);

  /* The contact is stored as given, for the desk. */
  seen = xf_test_services_get (fixture->base.services, request_id (fixture, code));
  g_assert_cmpstr (seen->requester_contact, ==, CONTACT);
}

static void
test_booking (PortalFixture *fixture,
              gconstpointer  data)
{
  XfPortalRequestForm form = valid_form ();
  g_autoptr(XfServices) dispatcher = dispatcher_of (fixture);
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfPublicRequest) view = NULL;
  g_autoptr(GPtrArray) booked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *booked_with = g_strdup_printf ("Booked with %s", "王建国");
  XfServiceRequestQuery query = { .pioneer_id = fixture->base.wang };

  form.pioneer_uid = fixture->wang_uid;
  code = submit (fixture, &form);

  booked = xf_services_list_requests (dispatcher, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (booked->len, ==, 1);
  request = xf_service_request_copy (booked->pdata[0]);
  g_assert_cmpstr (request->code, ==, code);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpint (request->booked_pioneer_id, ==, fixture->base.wang);
  g_assert_cmpstr (request->channel, ==, XF_REQUEST_CHANNEL_PORTAL);

  view = find (fixture, code, "13800001234");
  g_assert_cmpstr (view->code, ==, code);
  g_assert_true (view->booking);
  g_assert_cmpstr (view->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpstr (view->status_label, ==, "Booked");
  g_assert_cmpstr (view->served_by, ==, "王建国");
  g_assert_cmpstr (view->served_by_uid, ==, fixture->wang_uid);
  assert_steps (view, (const char * const[]) { "Request created", booked_with, NULL });
  g_assert_false (view->can_rate);
  g_assert_false (view->rated);
}

/*
 * "My request"
 */

static void
test_find (PortalFixture *fixture,
           gconstpointer  data)
{
  XfPortalRequestForm form = valid_form ();
  XfPortalRequestForm mailed = valid_form ();
  g_autoptr(XfPublicRequest) view = NULL;
  g_autoptr(XfPublicRequest) by_mail = NULL;
  g_autoptr(XfPublicRequest) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *mail_code = NULL;
  g_autofree char *sloppy = NULL;
  g_autofree char *wrong_contact = NULL;
  g_autofree char *wrong_code = NULL;
  g_autofree char *other = NULL;
  g_autofree char *bad_format = NULL;
  g_autofree char *empty_contact = NULL;
  g_autofree char *expected_region = NULL;
  XfReference *reference = xf_reference_get_shared ();

  code = submit (fixture, &form);
  mailed.contact = "Chen.AYi@Example.com";
  mail_code = submit (fixture, &mailed);

  /* +86 138-0000-1234 was given: the bare number matches, and the code
   * in lower case without its dash. */
  sloppy = g_ascii_strdown (code, -1);
  memmove (sloppy + 4, sloppy + 5, strlen (sloppy + 5) + 1);
  view = find (fixture, sloppy, "13800001234");
  g_assert_cmpstr (view->code, ==, code);
  g_assert_cmpstr (view->item_code, ==, "cp-legal-aid");
  g_assert_cmpstr (view->item_name, ==, "Legal aid");
  g_assert_cmpstr (view->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (view->status_label, ==, "Open");
  expected_region = g_strdup_printf ("%s, %s",
                                     xf_reference_label (reference, XF_REFERENCE_REGIONS, XF_TEST_WUKANG),
                                     xf_reference_label (reference, XF_REFERENCE_REGIONS, XF_TEST_DEQING));
  g_assert_cmpstr (view->region_label, ==, expected_region);
  g_assert_cmpstr (view->needed_by, ==, "2026-03-20");
  g_assert_cmpint (view->created_at, >, 0);
  g_assert_cmpint (view->response_due_at, >, view->created_at);
  g_assert_false (view->booking);
  g_assert_null (view->served_by);
  g_assert_null (view->served_by_uid);
  assert_steps (view, (const char * const[]) { "Request created", NULL });

  again = find (fixture, code, " +86 138 0000 1234 ");
  g_assert_cmpstr (again->code, ==, code);
  g_clear_pointer (&again, xf_public_request_free);
  again = find (fixture, code, "138-0000-1234");
  g_assert_cmpstr (again->code, ==, code);

  by_mail = find (fixture, mail_code, "  chen.ayi@EXAMPLE.COM ");
  g_assert_cmpstr (by_mail->code, ==, mail_code);

  /* A wrong contact, a wrong code, another's code: the same refusal. */
  wrong_contact = find_refused (fixture, code, "13800001235");
  g_assert_cmpstr (wrong_contact, ==, "No request matches this code and contact");
  wrong_code = find_refused (fixture, "2345-6789", "13800001234");
  g_assert_cmpstr (wrong_code, ==, wrong_contact);
  other = find_refused (fixture, mail_code, "13800001234");
  g_assert_cmpstr (other, ==, wrong_contact);
  bad_format = find_refused (fixture, "42", "13800001234");
  g_assert_cmpstr (bad_format, ==, wrong_contact);
  g_free (bad_format);
  /* Not by uid either (the desk's find takes one). */
  {
    g_autofree char *uid = xf_test_query_text (fixture->base.store, "SELECT uid FROM service_requests ORDER BY id LIMIT 1");

    bad_format = find_refused (fixture, uid, "13800001234");
    g_assert_cmpstr (bad_format, ==, wrong_contact);
  }
  empty_contact = find_refused (fixture, code, "");
  g_assert_cmpstr (empty_contact, ==, wrong_contact);
  g_free (empty_contact);
  empty_contact = find_refused (fixture, code, NULL);
  g_assert_cmpstr (empty_contact, ==, wrong_contact);
  g_free (empty_contact);
  /* The e-mail's case does not matter, its letters do. */
  empty_contact = find_refused (fixture, mail_code, "chen.ayi@example.org");
  g_assert_cmpstr (empty_contact, ==, wrong_contact);

  /* By a proven code alone. */
  g_clear_pointer (&again, xf_public_request_free);
  again = xf_portal_get_request (fixture->portal, code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->code, ==, code);
  g_clear_pointer (&again, xf_public_request_free);
  again = xf_portal_get_request (fixture->portal, "2345-6789", &error);
  g_assert_null (again);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static XfServiceFeedback *
feedback_new (int         rating,
              gboolean    liked,
              const char *comment)
{
  XfServiceFeedback *feedback = xf_service_feedback_new ();

  feedback->rating = rating;
  feedback->liked = liked;
  g_free (feedback->comment);
  feedback->comment = g_strdup (comment);
  return feedback;
}

static void
test_rate (PortalFixture *fixture,
           gconstpointer  data)
{
  g_autoptr(XfServices) dispatcher = dispatcher_of (fixture);
  g_autoptr(XfServiceFeedback) feedback = feedback_new (5, TRUE, "很耐心");
  g_autoptr(XfServiceFeedback) second = feedback_new (1, FALSE, NULL);
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autoptr(XfPublicRequest) view = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  g_autofree char *code = submit_valid (fixture, &id);
  g_autofree char *claimed = g_strdup_printf ("Claimed by %s", "王建国");

  /* Not done yet. */
  g_assert_false (xf_portal_rate_request (fixture->portal, code, feedback, &error));
  assert_refused (&error, XF_ERROR_WORKFLOW, code);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_feedback"), ==, 0);

  /* The dispatcher's part, at the desk. */
  g_assert_true (xf_services_claim (dispatcher, id, fixture->base.wang, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_start (dispatcher, id, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (dispatcher, id, "已上门解答，内部备注", &error));
  g_assert_no_error (error);

  view = find (fixture, code, CONTACT);
  g_assert_cmpstr (view->status, ==, XF_REQUEST_DONE);
  g_assert_cmpstr (view->status_label, ==, "Done");
  g_assert_cmpstr (view->served_by, ==, "王建国");
  g_assert_cmpstr (view->served_by_uid, ==, fixture->wang_uid);
  g_assert_true (view->can_rate);
  g_assert_false (view->rated);
  /* No note of the desk's. */
  assert_steps (view, (const char * const[]) { "Request created", claimed, "Work started", "Done", NULL });

  /* A wrong code rates nothing. */
  g_assert_false (xf_portal_rate_request (fixture->portal, "2345-6789", feedback, &error));
  assert_refused (&error, XF_ERROR_NOT_FOUND, NULL);

  g_assert_true (xf_portal_rate_request (fixture->portal, code, feedback, &error));
  g_assert_no_error (error);
  stored = xf_test_services_get (dispatcher, id);
  g_assert_nonnull (stored->feedback);
  g_assert_cmpint (stored->feedback->rating, ==, 5);
  g_assert_true (stored->feedback->liked);
  g_assert_cmpstr (stored->feedback->comment, ==, "很耐心");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'service-feedback'"
                                   " AND actor_login = 'public' AND new_value = 'rating 5, liked, comment'"), ==, 1);
  g_assert_cmpint (xf_test_services_count_engagement (&fixture->base, fixture->base.wang,
                                                      XF_ENGAGEMENT_SERVICE_RATED), ==, 1);

  g_clear_pointer (&view, xf_public_request_free);
  view = xf_portal_get_request (fixture->portal, code, &error);
  g_assert_no_error (error);
  g_assert_true (view->rated);
  g_assert_false (view->can_rate);
  g_assert_cmpint (view->rating, ==, 5);
  g_assert_true (view->liked);
  g_assert_cmpstr (step_label (view, view->steps->len - 1), ==, "Rated 5 of 5");

  /* Once. */
  g_assert_false (xf_portal_rate_request (fixture->portal, code, second, &error));
  assert_refused (&error, XF_ERROR_WORKFLOW, "rated already");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_feedback"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT rating FROM service_feedback"), ==, 5);
}

static void
test_rate_invalid (PortalFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfServices) dispatcher = dispatcher_of (fixture);
  g_autoptr(XfServiceFeedback) nothing = feedback_new (0, FALSE, "  ");
  g_autoptr(XfServiceFeedback) six = feedback_new (6, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;
  g_autofree char *code = submit_valid (fixture, &id);

  g_assert_true (xf_services_assign (dispatcher, id, fixture->base.li, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (dispatcher, id, "完成", &error));
  g_assert_no_error (error);

  g_assert_false (xf_portal_rate_request (fixture->portal, code, nothing, &error));
  assert_refused (&error, XF_ERROR_INVALID, "Rating");
  g_assert_false (xf_portal_rate_request (fixture->portal, code, six, &error));
  assert_refused (&error, XF_ERROR_INVALID, "Rating");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_feedback"), ==, 0);
}

/*
 * Bad input: each field, nothing stored
 */

typedef enum
{
  BAD_REQUESTER,
  BAD_CONTACT,
  BAD_ITEM,
  BAD_INACTIVE_ITEM,
  BAD_REGION,
  BAD_NEEDED_BY,
  BAD_NEEDED_BY_FORMAT,
  BAD_DESCRIPTION,
  BAD_PIONEER,
  BAD_ARCHIVED_PIONEER,
  BAD_PIONEER_NO_OFFER,
  BAD_PIONEER_OTHER_ITEM,
  N_BAD,
} Bad;

static void
test_invalid (PortalFixture *fixture,
              gconstpointer  data)
{
  g_autofree char *inactive = unoffered_item (fixture);
  g_autofree char *idle_uid = NULL;
  g_autofree char *retired_uid = NULL;
  gint64 idle, retired;
  gint64 requests, audits, events;

  deactivate_item (fixture, inactive);
  idle = xf_test_services_add_pioneer (fixture->base.registry, "钱小红", XF_TEST_WUKANG);
  retired = xf_test_services_add_pioneer (fixture->base.registry, "孙老伯", XF_TEST_WUKANG);
  xf_test_services_add_offer (fixture->base.services, retired, "cp-legal-aid", 2);
  xf_test_services_archive (&fixture->base, retired);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT uid FROM pioneers WHERE id = %" G_GINT64_FORMAT, idle);

    idle_uid = xf_test_query_text (fixture->base.store, sql);
    g_free (sql);
    sql = g_strdup_printf ("SELECT uid FROM pioneers WHERE id = %" G_GINT64_FORMAT, retired);
    retired_uid = xf_test_query_text (fixture->base.store, sql);
  }

  requests = count (fixture, "SELECT COUNT(*) FROM service_requests");
  audits = count (fixture, "SELECT COUNT(*) FROM audit_log");
  events = count (fixture, "SELECT COUNT(*) FROM service_request_events");

  for (Bad bad = 0; bad < N_BAD; bad++)
    {
      XfPortalRequestForm form = valid_form ();
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      int expected = XF_ERROR_INVALID;
      const char *field = NULL;

      switch (bad)
        {
        case BAD_REQUESTER:
          form.requester = "   ";
          field = "Requester: this is required";
          break;
        case BAD_CONTACT:
          form.contact = "call me";
          field = "Contact: ";
          break;
        case BAD_ITEM:
          form.item_code = "no-such-service";
          field = "Service item: ";
          break;
        case BAD_INACTIVE_ITEM:
          form.item_code = inactive;
          field = "is no longer offered";
          break;
        case BAD_REGION:
          form.region_code = "999999";
          field = "Region: ";
          break;
        case BAD_NEEDED_BY:
          form.needed_by = "2026-03-08";
          field = "Needed by: 2026-03-08 is in the past";
          break;
        case BAD_NEEDED_BY_FORMAT:
          form.needed_by = "next week";
          field = "Needed by: ";
          break;
        case BAD_DESCRIPTION:
          form.description = "";
          field = "Description: this is required";
          break;
        case BAD_PIONEER:
          form.pioneer_uid = "no-such-pioneer";
          expected = XF_ERROR_NOT_FOUND;
          field = "Pioneer: ";
          break;
        case BAD_ARCHIVED_PIONEER:
          form.pioneer_uid = retired_uid;
          expected = XF_ERROR_NOT_FOUND;
          field = "Pioneer: there is no such pioneer";
          break;
        case BAD_PIONEER_NO_OFFER:
          form.pioneer_uid = idle_uid;
          field = "Pioneer: 钱小红 does not offer this service now";
          break;
        case BAD_PIONEER_OTHER_ITEM:
          /* 李秀英 offers legal aid, not epidemic prevention. */
          {
            g_autoptr(XfPioneer) li = xf_registry_get_pioneer (fixture->base.registry, fixture->base.li, NULL);

            form.item_code = "cp-epidemic-prevention";
            code = g_strdup (xf_pioneer_get_uid (li));
            form.pioneer_uid = code;
            field = "Pioneer: 李秀英 does not offer";
          }
          break;
        case N_BAD:
        default:
          g_assert_not_reached ();
        }

      g_test_message ("bad input %d", bad);
      {
        g_autofree char *got = xf_portal_submit_request (fixture->portal, &form, &error);

        g_assert_null (got);
        xf_test_services_assert_error (error, expected, field);
      }
      g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_requests"), ==, requests);
      g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audits);
      g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_request_events"), ==, events);
    }
}

/*
 * What the public actor may not do
 */

static void
test_public_refused (PortalFixture *fixture,
                     gconstpointer  data)
{
  XfPortalRequestForm form = valid_form ();
  g_autoptr(XfAccount) visitor = xf_account_new_public ();
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->base.store, visitor);
  g_autoptr(XfServices) public = xf_services_new (registry);
  g_autoptr(XfServices) dispatcher = dispatcher_of (fixture);
  g_autoptr(XfServiceRequest) desk = xf_test_services_new_request ("cp-legal-aid");
  g_autoptr(XfServiceRequest) seen = NULL;
  g_autoptr(XfServiceRequest) after = NULL;
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(XfServiceFeedback) feedback = feedback_new (4, FALSE, NULL);
  g_autoptr(XfServiceFeedback) complaint = feedback_new (2, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *code = submit (fixture, &form);
  g_autofree char *done_code = NULL;
  gint64 id = request_id (fixture, code);
  gint64 done_id, requests;

  /* Reading: contacts masked. */
  seen = xf_test_services_get (public, id);
  g_assert_true (seen->contact_masked);
  g_assert_cmpstr (seen->requester_contact, ==, "••••");
  actions = xf_services_allowed_actions (public, seen);
  g_assert_cmpuint (g_strv_length (actions), ==, 0);

  /* Dispatch steps. */
  g_assert_false (xf_services_claim (public, id, fixture->base.wang, &error));
  assert_denied (&error);
  g_assert_false (xf_services_assign (public, id, fixture->base.wang, &error));
  assert_denied (&error);
  g_assert_false (xf_services_cancel (public, id, "不需要了", &error));
  assert_denied (&error);
  g_assert_false (xf_services_start (public, id, &error));
  assert_denied (&error);
  g_assert_cmpint (xf_services_expire_due (public, &error), ==, -1);
  assert_denied (&error);
  after = xf_test_services_get (fixture->base.services, id);
  g_assert_cmpstr (after->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpint (after->claimed_by, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_claims"), ==, 0);

  /* Entering a request other than on the portal's channel. */
  requests = count (fixture, "SELECT COUNT(*) FROM service_requests");
  g_assert_cmpint (xf_services_create_request (public, desk, &error), ==, 0);
  assert_denied (&error);
  g_free (desk->channel);
  desk->channel = g_strdup (XF_REQUEST_CHANNEL_IMPORT);
  g_assert_cmpint (xf_services_create_request (public, desk, &error), ==, 0);
  assert_denied (&error);
  g_free (desk->channel);
  desk->channel = g_strdup (XF_REQUEST_CHANNEL_PORTAL);
  desk->source_id = g_strdup ("portal-forged-1");
  g_assert_cmpint (xf_services_create_request (public, desk, &error), ==, 0);
  assert_denied (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_requests"), ==, requests);

  /* The catalogue and offers. */
  item = xf_services_get_item (public, "cp-legal-aid", &error);
  g_assert_no_error (error);
  g_free (item->name_en);
  item->name_en = g_strdup ("Free legal advice");
  g_assert_cmpint (xf_services_save_item (public, item, &error), ==, 0);
  assert_denied (&error);
  offer->pioneer_id = fixture->base.zhao;
  offer->item_code = g_strdup ("cp-epidemic-prevention");
  offer->capacity_per_month = 3;
  g_assert_cmpint (xf_services_save_offer (public, offer, &error), ==, 0);
  assert_denied (&error);

  /* Apprenticeships and activities. */
  {
    g_autoptr(XfApprenticeship) apprenticeship = xf_apprenticeship_new ();
    g_autoptr(XfActivity) activity = xf_activity_new ();
    gint64 activity_id;

    apprenticeship->pioneer_id = fixture->base.wang;
    apprenticeship->apprentice_name = g_strdup ("周小明");
    apprenticeship->goal = g_strdup ("学习劳动法基础");
    g_assert_cmpint (xf_services_request_apprenticeship (public, apprenticeship, &error), ==, 0);
    assert_denied (&error);

    activity->pioneer_id = fixture->base.wang;
    g_free (activity->kind);
    activity->kind = g_strdup (XF_ACTIVITY_LECTURE);
    activity->title = g_strdup ("劳动法宣讲");
    activity->held_on = g_strdup ("2026-03-20");
    activity->place = g_strdup ("武康街道文化礼堂");
    activity->region_code = g_strdup (XF_TEST_WUKANG);
    g_assert_cmpint (xf_services_create_activity (public, activity, &error), ==, 0);
    assert_denied (&error);
    activity_id = xf_services_create_activity (fixture->base.services, activity, &error);
    g_assert_no_error (error);
    g_assert_cmpint (xf_services_add_participant (public, activity_id, "周小明", "13900001111", 0, &error), ==, 0);
    assert_denied (&error);
    g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM apprenticeships"), ==, 0);
    g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM activities"), ==, 1);
    g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM activity_participants"), ==, 0);
  }

  /* Rating is the public's; closing a complaint's follow-up is not. */
  done_code = submit_valid (fixture, &done_id);
  g_assert_true (xf_services_assign (dispatcher, done_id, fixture->base.zhao, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (dispatcher, done_id, "完成", &error));
  g_assert_no_error (error);
  complaint->complaint = g_strdup ("来晚了");
  g_assert_true (xf_services_rate (public, done_id, complaint, &error));
  g_assert_no_error (error);
  g_assert_false (xf_services_close_follow_up (public, done_id, "已回访", &error));
  assert_denied (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM service_feedback WHERE follow_up_status = 'open'"), ==, 1);
  g_assert_false (xf_services_rate (public, done_id, feedback, &error));
  assert_refused (&error, XF_ERROR_WORKFLOW, NULL);

  /* The complaint stays off the public's timeline. */
  {
    g_autoptr(XfPublicRequest) view = find (fixture, done_code, CONTACT);

    for (guint i = 0; i < view->steps->len; i++)
      {
        g_assert_null (strstr (step_label (view, i), "来晚了"));
        g_assert_null (strstr (step_label (view, i), "完成"));
      }
    g_assert_cmpstr (step_label (view, view->steps->len - 1), ==, "Rated 2 of 5");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add_portal_test(path, func) \
  g_test_add (path, PortalFixture, NULL, set_up, func, tear_down)

  add_portal_test ("/core/portal/services/list", test_list_services);
  add_portal_test ("/core/portal/services/regions", test_list_regions);
  add_portal_test ("/core/portal/services/submit", test_submit);
  add_portal_test ("/core/portal/services/booking", test_booking);
  add_portal_test ("/core/portal/services/find", test_find);
  add_portal_test ("/core/portal/services/rate", test_rate);
  add_portal_test ("/core/portal/services/rate-invalid", test_rate_invalid);
  add_portal_test ("/core/portal/services/invalid", test_invalid);
  add_portal_test ("/core/portal/services/public-refused", test_public_refused);

  return g_test_run ();
}
