/* test-portal-pages-requests.c — "my request": the lookup by code and
 *                                contact, the status, the rating
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "xf-error.h"
#include "xf-services.h"
#include "xf-test-portal.h"
#include "xf-test-services.h"

#define LEGAL_AID "cp-legal-aid"
#define CONTACT   "13812345678"

/* code: a request sent through the portal in set_up. */
typedef XfTestOrderFixture Fixture;

static gint64
count (Fixture    *f,
       const char *sql)
{
  return xf_test_query_int64 (f->tp->store, sql);
}

static char *
csrf (Fixture *f)
{
  return xf_test_portal_page_csrf (f->tp, "/requests");
}

/* Sends a 点单 through the portal with @contact; returns its code. The
 * access cookie it sets stays in the jar. */
static char *
send_request (Fixture    *f,
              const char *contact)
{
  g_autofree char *token = csrf (f);
  g_autoptr(XfPortalResponse) sent = NULL;

  sent = xf_test_portal_post (f->tp, "/services/" LEGAL_AID,
                              "requester", "张三",
                              "contact", contact,
                              "region", XF_TEST_WUKANG,
                              "place", "武康街道幸福里 3 号",
                              "needed_by", f->needed_by,
                              "description", "劳动合同纠纷，需要法律咨询。",
                              "csrf", token, NULL);
  return xf_test_portal_request_code (sent);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  xf_test_order_set_up (f, data);
  f->code = send_request (f, CONTACT);
  /* Another visit: the proof of the contact is gone. */
  g_hash_table_remove (f->tp->cookies, "xf_r");
}

static char *
path_of (const char *code,
         const char *suffix)
{
  return g_strconcat ("/requests/", code, suffix, NULL);
}

/* The text of the element with @id (up to its first '<' after the
 * opening tag), for comparing two pages' messages (transfer full). */
static char *
text_of (XfPortalResponse *response,
         const char       *id)
{
  g_autofree char *body = xf_test_portal_body (response);
  g_autofree char *attribute = g_strdup_printf ("id=\"%s\"", id);
  const char *at = strstr (body, attribute);
  const char *start, *end;

  g_assert_nonnull (at);
  start = strchr (at, '>');
  g_assert_nonnull (start);
  end = strchr (start, '<');
  g_assert_nonnull (end);
  return g_strndup (start + 1, end - start - 1);
}

static void
assert_no_access (XfPortalResponse *page)
{
  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<form id=\"contact-form\" method=\"post\"");
  xf_test_portal_assert_not_contains (page, "id=\"status\"");
  xf_test_portal_assert_not_contains (page, "<ol id=\"steps\"");
  xf_test_portal_assert_not_contains (page, "id=\"rate-form\"");
}

static void
assert_status (XfPortalResponse *page,
               const char       *status)
{
  g_autofree char *attribute = g_strdup_printf ("id=\"status\" class=\"status status-%s\""
                                                " data-status=\"%s\"", status, status);

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, attribute);
  xf_test_portal_assert_contains (page, "<ol id=\"steps\"");
  xf_test_portal_assert_not_contains (page, "id=\"contact-form\"");
}

/*
 * The lookup
 */

static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(XfPortalResponse) form = xf_test_portal_get (f->tp, "/requests?lang=en");
  g_autoptr(XfPortalResponse) wrong_contact = NULL;
  g_autoptr(XfPortalResponse) wrong_code = NULL;
  g_autoptr(XfPortalResponse) found = NULL;
  g_autoptr(XfPortalResponse) status = NULL;
  g_autofree char *token = NULL;
  g_autofree char *wrong_contact_body = NULL;
  g_autofree char *wrong_code_body = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (form->status, ==, 200);
  xf_test_portal_assert_contains (form, "<form id=\"lookup-form\" method=\"post\""
                                        " action=\"/requests\"");
  xf_test_portal_assert_contains (form, "name=\"code\"");
  xf_test_portal_assert_contains (form, "name=\"contact\"");
  token = xf_test_portal_csrf (form);

  /* A wrong contact and a wrong code: one page, the same words. */
  wrong_contact = xf_test_portal_post (f->tp, "/requests", "code", f->code,
                                       "contact", "13900000000", "csrf", token, NULL);
  wrong_code = xf_test_portal_post (f->tp, "/requests", "code", "ZZZZ-ZZZZ",
                                    "contact", CONTACT, "csrf", token, NULL);
  g_assert_cmpuint (wrong_contact->status, ==, 404);
  g_assert_cmpuint (wrong_code->status, ==, 404);
  xf_test_portal_assert_contains (wrong_contact, "No request with this code and contact");
  wrong_contact_body = xf_test_portal_body (wrong_contact);
  wrong_code_body = xf_test_portal_body (wrong_code);
  g_assert_cmpstr (wrong_contact_body, ==, wrong_code_body);
  g_assert_false (g_hash_table_contains (f->tp->cookies, "xf_r"));

  /* The right contact: the status, by a redirect with no contact in it. */
  found = xf_test_portal_post (f->tp, "/requests", "code", f->code,
                               "contact", CONTACT, "csrf", token, NULL);
  g_assert_cmpuint (found->status, ==, 303);
  expected = path_of (f->code, NULL);
  g_assert_cmpstr (xf_portal_response_get_header (found, "Location"), ==, expected);
  g_assert_true (g_hash_table_contains (f->tp->cookies, "xf_r"));
  status = xf_test_portal_get (f->tp, expected);
  assert_status (status, "open");
  xf_test_portal_assert_contains (status, f->code);
  xf_test_portal_assert_contains (status, "Legal aid");
  xf_test_portal_assert_not_contains (status, CONTACT);
  xf_test_portal_assert_not_contains (status, "id=\"request-created\"");
  xf_test_portal_assert_not_contains (status, "id=\"rate-form\"");
}

static void
test_lookup_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = csrf (f);
  g_autoptr(XfPortalResponse) page = xf_test_portal_post (f->tp, "/requests", "code", f->code,
                                                          "contact", "  ", "csrf", token, NULL);

  g_assert_cmpuint (page->status, ==, 422);
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-contact\">");
  xf_test_portal_assert_not_contains (page, "id=\"error-code\"");
  /* The code given is kept. */
  {
    g_autofree char *value = g_strdup_printf ("value=\"%s\"", f->code);

    xf_test_portal_assert_contains (page, value);
  }
  g_assert_false (g_hash_table_contains (f->tp->cookies, "xf_r"));
}

/* GET /requests/CODE without the proof: the contact form, whatever the
 * code; POST /requests/CODE: as the lookup. */
static void
test_status_contact_form (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = path_of (f->code, NULL);
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (f->tp, path);
  g_autoptr(XfPortalResponse) unknown = xf_test_portal_get (f->tp, "/requests/ZZZZ-ZZZZ");
  g_autoptr(XfPortalResponse) wrong = NULL;
  g_autoptr(XfPortalResponse) wrong_code = NULL;
  g_autoptr(XfPortalResponse) right = NULL;
  g_autoptr(XfPortalResponse) status = NULL;
  g_autofree char *token = NULL;
  g_autofree char *action = g_strdup_printf ("action=\"/requests/%s\"", f->code);
  g_autofree char *wrong_text = NULL;
  g_autofree char *wrong_code_text = NULL;

  assert_no_access (page);
  xf_test_portal_assert_contains (page, action);
  /* An unknown code looks the same: nothing says whether it exists. */
  assert_no_access (unknown);
  token = xf_test_portal_csrf (page);

  wrong = xf_test_portal_post (f->tp, path, "contact", "13900000000", "csrf", token, NULL);
  g_assert_cmpuint (wrong->status, ==, 404);
  wrong_code = xf_test_portal_post (f->tp, "/requests/ZZZZ-ZZZZ", "contact", CONTACT,
                                    "csrf", token, NULL);
  g_assert_cmpuint (wrong_code->status, ==, 404);
  wrong_text = text_of (wrong, "lookup-error");
  wrong_code_text = text_of (wrong_code, "lookup-error");
  g_assert_cmpstr (wrong_text, ==, wrong_code_text);
  g_assert_false (g_hash_table_contains (f->tp->cookies, "xf_r"));

  right = xf_test_portal_post (f->tp, path, "contact", CONTACT, "csrf", token, NULL);
  g_assert_cmpuint (right->status, ==, 303);
  g_assert_cmpstr (xf_portal_response_get_header (right, "Location"), ==, path);
  status = xf_test_portal_get (f->tp, path);
  assert_status (status, "open");
}

/* ?new=1 says the request was received, with its code, even before the
 * contact is proved (it tells nothing the URL does not). */
static void
test_status_new (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_of (f->code, "?new=1");
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (f->tp, path);
  g_autofree char *created = text_of (page, "request-created");

  assert_no_access (page);
  g_assert_cmpstr (created, !=, "");
  xf_test_portal_assert_contains (page, f->code);
}

/*
 * Forged proofs
 */

static void
test_forged_access (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *other = send_request (f, "13900001111");
  g_autofree char *other_proof = g_strdup (g_hash_table_lookup (f->tp->cookies, "xf_r"));
  g_autofree char *path = path_of (f->code, NULL);
  g_autofree char *rate_path = path_of (f->code, "/rate");
  g_autofree char *other_path = path_of (other, NULL);
  g_autofree char *forged = NULL;
  g_autofree char *someone_elses = NULL;
  g_autofree char *token = csrf (f);
  g_autoptr(XfPortalResponse) own = NULL;
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(XfPortalResponse) rate = NULL;
  const char *dot;

  g_assert_nonnull (other_proof);
  /* The other request's proof opens the other request… */
  own = xf_test_portal_get (f->tp, other_path);
  assert_status (own, "open");

  /* …and not this one. */
  page = xf_test_portal_get (f->tp, path);
  assert_no_access (page);
  rate = xf_test_portal_post (f->tp, rate_path, "rating", "5", "csrf", token, NULL);
  g_assert_cmpuint (rate->status, ==, 403);

  /* The other proof with this code put in its place. */
  dot = strchr (other_proof, '.');
  g_assert_nonnull (dot);
  forged = g_strconcat (f->code, dot, NULL);
  g_hash_table_insert (f->tp->cookies, g_strdup ("xf_r"), g_strdup (forged));
  g_clear_pointer (&page, xf_portal_response_free);
  page = xf_test_portal_get (f->tp, path);
  assert_no_access (page);

  /* A proof made, with the right key, for another visitor. */
  someone_elses = xf_portal_guard_sign_access (f->tp->ctx.guard, f->code,
                                               "zyxwvutsrqponmlkjihgfe",
                                               g_get_real_time () / G_USEC_PER_SEC);
  g_hash_table_insert (f->tp->cookies, g_strdup ("xf_r"), g_strdup (someone_elses));
  g_clear_pointer (&page, xf_portal_response_free);
  page = xf_test_portal_get (f->tp, path);
  assert_no_access (page);

  /* Garbage. */
  g_hash_table_insert (f->tp->cookies, g_strdup ("xf_r"), g_strdup ("not a proof"));
  g_clear_pointer (&page, xf_portal_response_free);
  page = xf_test_portal_get (f->tp, path);
  assert_no_access (page);

  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM service_feedback"), ==, 0);
}

/*
 * Rating
 */

static gint64
request_id (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_find_request (f->services, f->code, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The dispatcher's side: 王建国 claims the request and completes it. */
static void
complete (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 wang = xf_test_services_add_pioneer (f->tp->registry, "王建国", XF_TEST_WUKANG);
  gint64 id = request_id (f);

  xf_test_services_add_offer (f->services, wang, LEGAL_AID, 2);
  g_assert_true (xf_services_claim (f->services, id, wang, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_complete (f->services, id, "已电话解答并上门调解。", &error));
  g_assert_no_error (error);
}

/* Proves the contact as the requester would. */
static void
prove (Fixture *f)
{
  g_autofree char *path = path_of (f->code, NULL);
  g_autofree char *token = csrf (f);
  g_autoptr(XfPortalResponse) right = xf_test_portal_post (f->tp, path, "contact", CONTACT,
                                                           "csrf", token, NULL);

  g_assert_cmpuint (right->status, ==, 303);
}

static void
test_rate (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = path_of (f->code, "?lang=en");
  g_autofree char *rate_path = path_of (f->code, "/rate");
  g_autofree char *rated_path = path_of (f->code, "?rated=1");
  g_autofree char *action = g_strdup_printf ("<form id=\"rate-form\" method=\"post\""
                                             " action=\"/requests/%s/rate\"", f->code);
  g_autofree char *token = NULL;
  g_autoptr(XfPortalResponse) open = NULL;
  g_autoptr(XfPortalResponse) done = NULL;
  g_autoptr(XfPortalResponse) bad = NULL;
  g_autoptr(XfPortalResponse) rated = NULL;
  g_autoptr(XfPortalResponse) after = NULL;
  g_autoptr(XfPortalResponse) again = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;
  static const char * const bad_ratings[] = { "9", "-1", "three" };

  prove (f);
  open = xf_test_portal_get (f->tp, path);
  assert_status (open, "open");
  xf_test_portal_assert_not_contains (open, "id=\"rate-form\"");
  xf_test_portal_assert_not_contains (open, "id=\"rated\"");
  /* No form on the page yet: the token of another. */
  token = csrf (f);

  /* Not done yet: no rating taken. */
  bad = xf_test_portal_post (f->tp, rate_path, "rating", "5", "csrf", token, NULL);
  g_assert_cmpuint (bad->status, ==, 409);
  xf_test_portal_assert_contains (bad, "id=\"form-error\"");
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM service_feedback"), ==, 0);

  complete (f);
  done = xf_test_portal_get (f->tp, path);
  assert_status (done, "done");
  xf_test_portal_assert_contains (done, action);
  xf_test_portal_assert_contains (done, "王建国");
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *radio = g_strdup_printf ("<input type=\"radio\" name=\"rating\""
                                                " id=\"rating-%d\" value=\"%d\"", i, i);

      xf_test_portal_assert_contains (done, radio);
    }
  xf_test_portal_assert_contains (done, "<input type=\"checkbox\" name=\"liked\" id=\"liked\""
                                        " value=\"1\"");
  xf_test_portal_assert_contains (done, "name=\"comment\"");

  /* Bad ratings: 422 under the rating, nothing stored. */
  for (gsize i = 0; i < G_N_ELEMENTS (bad_ratings); i++)
    {
      g_clear_pointer (&bad, xf_portal_response_free);
      bad = xf_test_portal_post (f->tp, rate_path, "rating", bad_ratings[i], "comment", "好",
                                 "csrf", token, NULL);
      g_assert_cmpuint (bad->status, ==, 422);
      xf_test_portal_assert_contains (bad, "<p class=\"field-error\" id=\"error-rating\">");
      xf_test_portal_assert_contains (bad, action);
      xf_test_portal_assert_contains (bad, ">好</textarea>");
    }
  /* Nothing at all. */
  g_clear_pointer (&bad, xf_portal_response_free);
  bad = xf_test_portal_post (f->tp, rate_path, "comment", "", "csrf", token, NULL);
  g_assert_cmpuint (bad->status, ==, 422);
  xf_test_portal_assert_contains (bad, "<p class=\"field-error\" id=\"error-rating\">");
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM service_feedback"), ==, 0);

  /* The rating. */
  rated = xf_test_portal_post (f->tp, rate_path, "rating", "4", "liked", "1",
                               "comment", "<耐心>细致", "csrf", token, NULL);
  g_assert_cmpuint (rated->status, ==, 303);
  g_assert_cmpstr (xf_portal_response_get_header (rated, "Location"), ==, rated_path);
  stored = xf_test_services_get (f->services, request_id (f));
  g_assert_nonnull (stored->feedback);
  g_assert_cmpint (stored->feedback->rating, ==, 4);
  g_assert_true (stored->feedback->liked);
  g_assert_cmpstr (stored->feedback->comment, ==, "<耐心>细致");

  after = xf_test_portal_get (f->tp, rated_path);
  assert_status (after, "done");
  xf_test_portal_assert_contains (after, "<p id=\"rated\"");
  xf_test_portal_assert_contains (after, "data-rating=\"4\"");
  xf_test_portal_assert_not_contains (after, "id=\"rate-form\"");

  /* A second rating is refused; the first stays. */
  again = xf_test_portal_post (f->tp, rate_path, "rating", "1", "csrf", token, NULL);
  g_assert_cmpuint (again->status, ==, 409);
  xf_test_portal_assert_contains (again, "id=\"form-error\"");
  xf_test_portal_assert_contains (again, "<p id=\"rated\"");
  xf_test_portal_assert_not_contains (again, "id=\"rate-form\"");
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM service_feedback"), ==, 1);
  g_clear_pointer (&stored, xf_service_request_free);
  stored = xf_test_services_get (f->services, request_id (f));
  g_assert_cmpint (stored->feedback->rating, ==, 4);
}

/* A like alone is a rating too. */
static void
test_rate_like_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *rate_path = path_of (f->code, "/rate");
  g_autofree char *token = NULL;
  g_autoptr(XfPortalResponse) rated = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;

  complete (f);
  prove (f);
  token = csrf (f);
  rated = xf_test_portal_post (f->tp, rate_path, "liked", "1", "csrf", token, NULL);
  g_assert_cmpuint (rated->status, ==, 303);
  stored = xf_test_services_get (f->services, request_id (f));
  g_assert_nonnull (stored->feedback);
  g_assert_cmpint (stored->feedback->rating, ==, 0);
  g_assert_true (stored->feedback->liked);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add(path, func) g_test_add (path, Fixture, NULL, set_up, func, xf_test_order_tear_down)
  add ("/portal/requests/lookup", test_lookup);
  add ("/portal/requests/lookup-empty", test_lookup_empty);
  add ("/portal/requests/contact-form", test_status_contact_form);
  add ("/portal/requests/new", test_status_new);
  add ("/portal/requests/forged-access", test_forged_access);
  add ("/portal/requests/rate", test_rate);
  add ("/portal/requests/rate-like-only", test_rate_like_only);
#undef add

  return g_test_run ();
}
