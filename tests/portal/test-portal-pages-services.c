/* test-portal-pages-services.c — the service menu, the request form (点单)
 *                                and the booking form's submission
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-portal-pages.h"
#include "xf-services.h"
#include "xf-test-portal.h"
#include "xf-test-services.h"

#define LEGAL_AID "cp-legal-aid"
#define CONTACT   "13812345678"

typedef XfTestOrderFixture Fixture;

static gint64
count_requests (Fixture *f)
{
  return xf_test_query_int64 (f->tp->store, "SELECT COUNT(*) FROM service_requests");
}

/* Posts the 点单 form of @item_code with valid values, except @bad_field
 * set to @bad_value (NULL: all valid). */
static XfPortalResponse *
post_order (Fixture    *f,
            const char *item_code,
            const char *bad_field,
            const char *bad_value)
{
  g_autofree char *path = g_strconcat ("/services/", item_code, NULL);
  /* Any page with a form gives the token (the item may be out of service). */
  g_autofree char *csrf = xf_test_portal_page_csrf (f->tp, "/requests");
  const char *fields[] = {
    "requester", "张三",
    "contact", CONTACT,
    "region", XF_TEST_WUKANG,
    "place", "武康街道幸福里 3 号",
    "needed_by", f->needed_by,
    "description", "劳动合同纠纷，需要法律咨询。",
  };
  const char *values[G_N_ELEMENTS (fields) / 2];

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = g_strcmp0 (fields[2 * i], bad_field) == 0 ? bad_value : fields[2 * i + 1];
  return xf_test_portal_post (f->tp, path,
                              fields[0], values[0], fields[2], values[1], fields[4], values[2],
                              fields[6], values[3], fields[8], values[4], fields[10], values[5],
                              "csrf", csrf, NULL);
}

static XfServiceRequest *
only_request (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  XfServiceRequestQuery query = { 0 };
  XfServiceRequest *listed;

  requests = xf_services_list_requests (f->services, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  listed = g_ptr_array_index (requests, 0);
  return xf_test_services_get (f->services, listed->id);
}

/* A new pioneer @name in Wukang offering legal aid, its id in @id;
 * returns its uid (transfer full). */
static char *
add_offering_pioneer (Fixture    *f,
                      const char *name,
                      gint64     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;

  *id = xf_test_services_add_pioneer (f->tp->registry, name, XF_TEST_WUKANG);
  pioneer = xf_registry_get_pioneer (f->tp->registry, *id, &error);
  g_assert_no_error (error);
  xf_test_services_add_offer (f->services, *id, LEGAL_AID, 2);
  return g_strdup (xf_pioneer_get_uid (pioneer));
}

/* @sent booked the only request there is, through the portal, with
 * @pioneer; returns it. */
static XfServiceRequest *
assert_booked (Fixture          *f,
               XfPortalResponse *sent,
               gint64            pioneer)
{
  g_autofree char *code = xf_test_portal_request_code (sent);
  XfServiceRequest *stored = only_request (f);

  g_assert_cmpstr (stored->code, ==, code);
  g_assert_cmpstr (stored->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpstr (stored->channel, ==, XF_REQUEST_CHANNEL_PORTAL);
  g_assert_cmpint (stored->booked_pioneer_id, ==, pioneer);
  return stored;
}

static void
deactivate (Fixture    *f,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfServiceItem) item = xf_services_get_item (f->services, code, &error);

  g_assert_no_error (error);
  item->active = FALSE;
  g_assert_cmpint (xf_services_save_item (f->services, item, &error), >, 0);
  g_assert_no_error (error);
}

/*
 * The menu
 */

static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_services_list_items (f->services, FALSE, &error);
  g_autoptr(XfPortalResponse) page = NULL;
  g_autofree char *body = NULL;
  g_autofree char *inactive_href = NULL;
  const char *common, *lifecycle;
  guint n_common = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 2);
  /* The last item of the catalogue goes out of service. */
  deactivate (f, ((XfServiceItem *) g_ptr_array_index (items, items->len - 1))->code);
  inactive_href = g_strdup_printf ("href=\"/services/%s\"",
                                   ((XfServiceItem *) g_ptr_array_index (items,
                                                                         items->len - 1))->code);

  page = xf_test_portal_get (f->tp, "/services?lang=en");
  g_assert_cmpuint (page->status, ==, 200);
  body = xf_test_portal_body (page);
  xf_test_portal_assert_contains (page, "<ul id=\"services\"");
  for (guint i = 0; i + 1 < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);
      g_autofree char *href = g_strdup_printf ("href=\"/services/%s\"", item->code);
      g_autofree char *response = xf_service_item_format_response (item);
      g_autofree char *name = g_markup_escape_text (item->name_en, -1);
      const char *at = strstr (body, href);

      g_assert_nonnull (at);
      /* Each item once, with its name and response time after the link. */
      g_assert_null (strstr (at + 1, href));
      g_assert_nonnull (strstr (at, name));
      g_assert_nonnull (strstr (at, response));
      if (g_str_equal (item->group, XF_SERVICE_GROUP_COMMON_PROSPERITY))
        n_common++;
    }
  g_assert_cmpuint (n_common, >, 0);
  xf_test_portal_assert_not_contains (page, inactive_href);
  /* The format of the response time: English words, here. */
  xf_test_portal_assert_contains (page, "Within 3 working days");

  /* Common prosperity first. */
  common = strstr (body, "data-group=\"common-prosperity\"");
  lifecycle = strstr (body, "data-group=\"lifecycle\"");
  g_assert_nonnull (common);
  g_assert_nonnull (lifecycle);
  g_assert_true (common < lifecycle);
}

static void
test_menu_chinese (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (f->tp, "/services?lang=zh");

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "法律援助");
  xf_test_portal_assert_contains (page, "href=\"/services/" LEGAL_AID "\"");
}

/*
 * 点单
 */

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(XfPortalResponse) form = xf_test_portal_get (f->tp, "/services/" LEGAL_AID "?lang=en");
  g_autoptr(XfPortalResponse) sent = NULL;
  g_autoptr(XfPortalResponse) status = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autofree char *code = NULL;
  g_autofree char *location = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpuint (form->status, ==, 200);
  xf_test_portal_assert_contains (form, "<form id=\"request-form\" method=\"post\""
                                        " action=\"/services/" LEGAL_AID "\"");
  for (const char * const *name = (const char * const[]) { "requester", "contact", "region",
                                                           "place", "needed_by", "description",
                                                           NULL };
       *name != NULL; name++)
    {
      g_autofree char *attribute = g_strdup_printf ("name=\"%s\"", *name);

      xf_test_portal_assert_contains (form, attribute);
    }
  xf_test_portal_assert_contains (form, "type=\"date\" id=\"needed_by\"");
  xf_test_portal_assert_contains (form, "<option value=\"" XF_TEST_WUKANG "\"");
  xf_test_portal_assert_contains (form, "Kept private");
  xf_test_portal_assert_contains (form, "Within 3 working days");
  xf_test_portal_assert_not_contains (form, "<p class=\"field-error\"");
  g_assert_cmpint (count_requests (f), ==, 0);

  sent = post_order (f, LEGAL_AID, NULL, NULL);
  g_assert_cmpuint (sent->status, ==, 303);
  code = xf_test_portal_request_code (sent);
  g_assert_true (g_hash_table_contains (f->tp->cookies, "xf_r"));
  /* The contact is never in a URL. */
  g_assert_null (strstr (xf_portal_response_get_header (sent, "Location"), CONTACT));

  /* The request, as the dispatcher sees it. */
  stored = only_request (f);
  g_assert_cmpstr (stored->code, ==, code);
  g_assert_cmpstr (stored->channel, ==, XF_REQUEST_CHANNEL_PORTAL);
  g_assert_cmpstr (stored->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (stored->item_code, ==, LEGAL_AID);
  g_assert_cmpstr (stored->requester_name, ==, "张三");
  g_assert_cmpstr (stored->requester_contact, ==, CONTACT);
  g_assert_cmpstr (stored->region_code, ==, XF_TEST_WUKANG);
  g_assert_cmpstr (stored->needed_by, ==, f->needed_by);
  g_assert_cmpstr (stored->description, ==, "劳动合同纠纷，需要法律咨询。");
  g_assert_cmpint (stored->booked_pioneer_id, ==, 0);

  /* The redirect's page shows the code at once (the cookie gives access). */
  location = g_strdup (xf_portal_response_get_header (sent, "Location"));
  status = xf_test_portal_get (f->tp, location);
  g_assert_cmpuint (status->status, ==, 200);
  body = xf_test_portal_body (status);
  g_assert_nonnull (strstr (body, "id=\"request-created\""));
  g_assert_nonnull (strstr (strstr (body, "id=\"request-created\""), code));
  xf_test_portal_assert_contains (status, "data-status=\"open\"");
  xf_test_portal_assert_contains (status, "<ol id=\"steps\"");
  /* The contact is not shown back. */
  xf_test_portal_assert_not_contains (status, CONTACT);
}

/*
 * A bad form: 422, the form again with the error under its field, the
 * values kept, nothing stored.
 */

typedef struct
{
  const char *field;
  const char *value;
  const char *label;   /* core's name of the field (msgid) */
} BadField;

/* The error under @field begins with the field's name in the page's
 * language (Chinese here: "需求人：…"). */
static void
assert_names_field (const char *body,
                    const char *error_id,
                    const char *label)
{
  const char *text = strstr (body, error_id) + strlen (error_id);
  const char *translated = dgettext (GETTEXT_PACKAGE, label);
  g_autofree char *colon = g_strconcat (translated, ":", NULL);
  g_autofree char *wide_colon = g_strconcat (translated, "：", NULL);

  if (!g_str_has_prefix (text, colon) && !g_str_has_prefix (text, wide_colon))
    g_error ("the error %.80s does not begin with “%s”", text, translated);
}

static void
test_order_invalid (Fixture       *f,
                    gconstpointer  data)
{
  static const BadField bad[] = {
    { "requester", "", "Requester" },
    { "requester", "   ", "Requester" },
    { "contact", "", "Contact" },
    { "contact", "call me maybe", "Contact" },
    { "region", "", "Region" },
    { "region", "999999", "Region" },
    { "needed_by", "2020-01-01", "Needed by" },
    { "needed_by", "next week", "Needed by" },
    { "description", "", "Description" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(XfPortalResponse) page = NULL;
      g_autofree char *error_id = g_strdup_printf ("<p class=\"field-error\" id=\"error-%s\">",
                                                   bad[i].field);
      g_autofree char *body = NULL;

      g_test_message ("%s = “%s”", bad[i].field, bad[i].value);
      page = post_order (f, LEGAL_AID, bad[i].field, bad[i].value);
      g_assert_cmpuint (page->status, ==, 422);
      body = xf_test_portal_body (page);
      g_assert_nonnull (strstr (body, error_id));
      assert_names_field (body, error_id, bad[i].label);
      /* One error, under its field; none at the top. */
      g_assert_null (strstr (strstr (body, error_id) + strlen (error_id), "class=\"field-error\""));
      g_assert_null (strstr (body, "id=\"form-error\""));
      xf_test_portal_assert_contains (page, "<form id=\"request-form\"");
      /* The other values are kept. */
      if (!g_str_equal (bad[i].field, "description"))
        xf_test_portal_assert_contains (page, ">劳动合同纠纷，需要法律咨询。</textarea>");
      if (!g_str_equal (bad[i].field, "requester"))
        xf_test_portal_assert_contains (page, "value=\"张三\"");
      if (!g_str_equal (bad[i].field, "region"))
        xf_test_portal_assert_contains (page, "<option value=\"" XF_TEST_WUKANG "\" selected>");
      g_assert_false (g_hash_table_contains (f->tp->cookies, "xf_r"));
      g_assert_cmpint (count_requests (f), ==, 0);
    }
}

/* A form sent empty: every required field's error at once. */
static void
test_order_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(XfPortalResponse) english = xf_test_portal_get (f->tp, "/services?lang=en");
  g_autoptr(XfPortalResponse) form = xf_test_portal_get (f->tp, "/services/" LEGAL_AID);
  g_autofree char *csrf = xf_test_portal_csrf (form);
  g_autoptr(XfPortalResponse) page = xf_test_portal_post (f->tp, "/services/" LEGAL_AID,
                                                          "requester", "", "contact", " ",
                                                          "region", "", "place", "",
                                                          "needed_by", "", "description", "",
                                                          "csrf", csrf, NULL);

  g_assert_cmpuint (page->status, ==, 422);
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-requester\">"
                                        "Requester: this is required</p>");
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-contact\">"
                                        "Contact: this is required</p>");
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-region\">"
                                        "Region: this is required</p>");
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-description\">"
                                        "Description: this is required</p>");
  /* Optional fields have none. */
  xf_test_portal_assert_not_contains (page, "id=\"error-place\"");
  xf_test_portal_assert_not_contains (page, "id=\"error-needed_by\"");
  xf_test_portal_assert_not_contains (page, "id=\"form-error\"");
  g_assert_cmpint (count_requests (f), ==, 0);
}

/* The field's error is in the visitor's language, naming the field. */
static void
test_order_invalid_english (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(XfPortalResponse) english = xf_test_portal_get (f->tp, "/services?lang=en");
  g_autoptr(XfPortalResponse) page = post_order (f, LEGAL_AID, "contact", "call me maybe");

  g_assert_cmpuint (page->status, ==, 422);
  xf_test_portal_assert_contains (page, "<p class=\"field-error\" id=\"error-contact\">Contact:");
  g_assert_cmpint (count_requests (f), ==, 0);
}

/* Values come back escaped, never as markup. */
static void
test_order_escapes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(XfPortalResponse) form = xf_test_portal_get (f->tp, "/services/" LEGAL_AID);
  g_autofree char *csrf = xf_test_portal_csrf (form);

  page = xf_test_portal_post (f->tp, "/services/" LEGAL_AID,
                              "requester", "\"><script>alert(1)</script>",
                              "contact", "<b>x</b>",
                              "region", XF_TEST_WUKANG,
                              "description", "</textarea><script>alert(2)</script>",
                              "csrf", csrf, NULL);
  g_assert_cmpuint (page->status, ==, 422);
  xf_test_portal_assert_not_contains (page, "<script>");
  xf_test_portal_assert_not_contains (page, "<b>x</b>");
  xf_test_portal_assert_contains (page, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  xf_test_portal_assert_contains (page, "&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
  g_assert_cmpint (count_requests (f), ==, 0);
}

static void
test_unknown_service (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (f->tp, "/services/no-such-service");
  g_autoptr(XfPortalResponse) post = NULL;
  g_autoptr(XfPortalResponse) inactive = NULL;
  g_autoptr(XfPortalResponse) inactive_post = NULL;

  g_assert_cmpuint (page->status, ==, 404);
  xf_test_portal_assert_not_contains (page, "id=\"request-form\"");

  post = post_order (f, "no-such-service", NULL, NULL);
  g_assert_cmpuint (post->status, ==, 404);
  g_assert_cmpint (count_requests (f), ==, 0);

  /* An item out of service is not there either. */
  deactivate (f, LEGAL_AID);
  inactive = xf_test_portal_get (f->tp, "/services/" LEGAL_AID);
  g_assert_cmpuint (inactive->status, ==, 404);
  inactive_post = post_order (f, LEGAL_AID, NULL, NULL);
  g_assert_cmpuint (inactive_post->status, ==, 404);
  g_assert_cmpint (count_requests (f), ==, 0);
  g_assert_false (g_hash_table_contains (f->tp->cookies, "xf_r"));
}

/*
 * Booking from a card: the shared form functions with a pioneer's uid,
 * called as the booking pages (xf-portal-page-cards.c) call them, on a
 * request the router would have checked.
 */

static XfPortalRequest *
new_booking_request (Fixture    *f,
                     const char *method,
                     const char *uid)
{
  g_autofree char *path = g_strdup_printf ("/p/%s/book", uid);
  XfPortalRequest *request = xf_portal_request_new (method, path);

  request->lang = g_strdup ("en");
  request->visitor_id = g_strdup ("abcdefghijklmnopqrstuv");
  request->visitor_key = g_strdup ("0123456789abcdef0123456789abcdef");
  xf_portal_use_language ("en");
  return request;
}

static void
set_field (XfPortalRequest *request,
           const char      *name,
           const char      *value)
{
  g_hash_table_insert (request->form, g_strdup (name), g_strdup (value));
}

static void
test_booking (Fixture       *f,
              gconstpointer  data)
{
  gint64 wang;
  g_autofree char *uid = add_offering_pioneer (f, "王建国", &wang);
  gint64 li = xf_test_services_add_pioneer (f->tp->registry, "李秀英", XF_TEST_WUKANG);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) other = NULL;
  g_autoptr(XfPortalRequest) get = NULL;
  g_autoptr(XfPortalRequest) post = NULL;
  g_autoptr(XfPortalRequest) wrong = NULL;
  g_autoptr(XfPortalResponse) form = NULL;
  g_autoptr(XfPortalResponse) sent = NULL;
  g_autoptr(XfPortalResponse) refused = NULL;
  g_autoptr(XfPortalResponse) none = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autofree char *proven = NULL;
  const char *cookie;

  xf_test_services_add_offer (f->services, wang, "cp-epidemic-prevention", 2);

  /* The form: the pioneer's offers in a select. */
  get = new_booking_request (f, "GET", uid);
  form = xf_portal_request_form_page (&f->tp->ctx, get, NULL, uid, NULL, 200);
  g_assert_cmpuint (form->status, ==, 200);
  xf_test_portal_assert_contains (form, "<select id=\"item\" name=\"item\"");
  xf_test_portal_assert_contains (form, "<option value=\"" LEGAL_AID "\"");
  xf_test_portal_assert_contains (form, "<option value=\"cp-epidemic-prevention\"");
  xf_test_portal_assert_not_contains (form, "<option value=\"cp-policy-lecture\"");
  xf_test_portal_assert_contains (form, "王建国");
  {
    g_autofree char *action = g_strdup_printf ("action=\"/p/%s/book\"", uid);

    xf_test_portal_assert_contains (form, action);
  }

  /* No item chosen: 422 under the select, nothing stored. */
  wrong = new_booking_request (f, "POST", uid);
  set_field (wrong, "requester", "张三");
  set_field (wrong, "contact", CONTACT);
  set_field (wrong, "region", XF_TEST_WUKANG);
  set_field (wrong, "description", "请上门讲解劳动合同。");
  refused = xf_portal_request_form_submit (&f->tp->ctx, wrong, NULL, uid);
  g_assert_cmpuint (refused->status, ==, 422);
  xf_test_portal_assert_contains (refused, "<p class=\"field-error\" id=\"error-item\">");
  xf_test_portal_assert_contains (refused, "value=\"张三\"");
  g_assert_cmpint (count_requests (f), ==, 0);

  /* An item the pioneer does not offer: the error under the select. */
  g_clear_pointer (&refused, xf_portal_response_free);
  set_field (wrong, "item", "cp-policy-lecture");
  refused = xf_portal_request_form_submit (&f->tp->ctx, wrong, NULL, uid);
  g_assert_cmpuint (refused->status, ==, 422);
  xf_test_portal_assert_contains (refused, "<p class=\"field-error\" id=\"error-item\">");
  g_assert_cmpint (count_requests (f), ==, 0);

  /* The booking. */
  post = new_booking_request (f, "POST", uid);
  set_field (post, "item", LEGAL_AID);
  set_field (post, "requester", "张三");
  set_field (post, "contact", CONTACT);
  set_field (post, "region", XF_TEST_WUKANG);
  set_field (post, "needed_by", f->needed_by);
  set_field (post, "description", "请上门讲解劳动合同。");
  sent = xf_portal_request_form_submit (&f->tp->ctx, post, NULL, uid);
  stored = assert_booked (f, sent, wang);
  g_assert_cmpstr (stored->item_code, ==, LEGAL_AID);

  /* The access cookie is for this code and this visitor. */
  cookie = xf_portal_response_get_header (sent, "Set-Cookie");
  g_assert_nonnull (cookie);
  g_assert_true (g_str_has_prefix (cookie, "xf_r="));
  {
    g_autofree char *value = g_strndup (cookie + 5, strcspn (cookie + 5, ";"));

    proven = xf_portal_guard_check_access (f->tp->ctx.guard, value, post->visitor_id,
                                           post->now / G_USEC_PER_SEC);
  }
  g_assert_cmpstr (proven, ==, stored->code);

  /* A pioneer without offers has no booking form. */
  other = xf_registry_get_pioneer (f->tp->registry, li, &error);
  g_assert_no_error (error);
  g_clear_pointer (&get, xf_portal_request_free);
  get = new_booking_request (f, "GET", xf_pioneer_get_uid (other));
  none = xf_portal_request_form_page (&f->tp->ctx, get, NULL, xf_pioneer_get_uid (other), NULL,
                                      200);
  g_assert_cmpuint (none->status, ==, 404);
  g_clear_pointer (&none, xf_portal_response_free);
  none = xf_portal_request_form_page (&f->tp->ctx, get, NULL, "no-such-uid", NULL, 200);
  g_assert_cmpuint (none->status, ==, 404);
  g_assert_cmpint (count_requests (f), ==, 1);
}

/* The same through the router and the card's booking pages. */
static void
test_booking_from_card (Fixture       *f,
                        gconstpointer  data)
{
  gint64 wang;
  g_autofree char *uid = add_offering_pioneer (f, "王建国", &wang);
  g_autoptr(XfPortalResponse) form = NULL;
  g_autoptr(XfPortalResponse) bad = NULL;
  g_autoptr(XfPortalResponse) sent = NULL;
  g_autoptr(XfPortalResponse) status = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *location = NULL;

  path = g_strdup_printf ("/p/%s/book", uid);

  form = xf_test_portal_get (f->tp, path);
  g_assert_cmpuint (form->status, ==, 200);
  xf_test_portal_assert_contains (form, "<form id=\"request-form\"");
  xf_test_portal_assert_contains (form, "<option value=\"" LEGAL_AID "\"");
  csrf = xf_test_portal_csrf (form);

  bad = xf_test_portal_post (f->tp, path, "item", LEGAL_AID, "requester", "张三",
                             "contact", CONTACT, "region", XF_TEST_WUKANG, "description", "",
                             "csrf", csrf, NULL);
  g_assert_cmpuint (bad->status, ==, 422);
  xf_test_portal_assert_contains (bad, "<p class=\"field-error\" id=\"error-description\">");
  xf_test_portal_assert_contains (bad, "<option value=\"" LEGAL_AID "\" selected>");
  g_assert_cmpint (count_requests (f), ==, 0);

  sent = xf_test_portal_post (f->tp, path, "item", LEGAL_AID, "requester", "张三",
                              "contact", CONTACT, "region", XF_TEST_WUKANG,
                              "needed_by", f->needed_by, "description", "请上门讲解劳动合同。",
                              "csrf", csrf, NULL);
  stored = assert_booked (f, sent, wang);

  location = g_strdup (xf_portal_response_get_header (sent, "Location"));
  status = xf_test_portal_get (f->tp, location);
  g_assert_cmpuint (status->status, ==, 200);
  xf_test_portal_assert_contains (status, "id=\"request-created\"");
  xf_test_portal_assert_contains (status, "data-status=\"booked\"");
  xf_test_portal_assert_contains (status, "王建国");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add(path, func) g_test_add (path, Fixture, NULL, xf_test_order_set_up, func, \
                                            xf_test_order_tear_down)
  add ("/portal/services/menu", test_menu);
  add ("/portal/services/menu-chinese", test_menu_chinese);
  add ("/portal/services/order", test_order);
  add ("/portal/services/order-invalid", test_order_invalid);
  add ("/portal/services/order-invalid-english", test_order_invalid_english);
  add ("/portal/services/order-empty", test_order_empty);
  add ("/portal/services/order-escapes", test_order_escapes);
  add ("/portal/services/unknown", test_unknown_service);
  add ("/portal/services/booking", test_booking);
  add ("/portal/services/booking-from-card", test_booking_from_card);
#undef add

  return g_test_run ();
}
