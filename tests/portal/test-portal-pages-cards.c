/* test-portal-pages-cards.c — Pioneers of the Month, the card, likes,
 *                             shares and booking, through the router
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "xf-identity.h"
#include "xf-ranking.h"
#include "xf-test-portal.h"
#include "xf-test-services.h"

/*
 * "Today" is Monday 9 March 2026. The fixture pioneer 王建国 has every
 * public field and, to be sure none leaks, an identity number, a mobile
 * and a birth date; a city honour (a bronze card) and an offer of legal
 * aid.
 */

#define MOBILE     "13900139000"
#define BIRTH_DATE "1980-05-01"

typedef struct
{
  XfTestPortal *tp;
  XfServices   *services;
  gint64        wang;
  char         *wang_uid;
  char         *id_number;
} CardsFixture;

static gint64
count_rows (CardsFixture *fixture,
            const char   *sql)
{
  return xf_test_query_int64 (fixture->tp->store, sql);
}

static gint64
count_events (CardsFixture *fixture,
              const char   *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM engagement_events"
                                          " WHERE kind = '%s'",
                                          kind);

  return count_rows (fixture, sql);
}

static char *
uid_of (CardsFixture *fixture,
        gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->tp->registry, id, &error);

  g_assert_no_error (error);
  return g_strdup (xf_pioneer_get_uid (pioneer));
}

static gint64
organisation_id (CardsFixture *fixture,
                 const char   *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (xf_registry_ensure_organisations (fixture->tp->registry, &error));
  g_assert_no_error (error);
  list = xf_registry_list_organisations (fixture->tp->registry, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static gint64
add_full_pioneer (CardsFixture *fixture,
                  const char   *name)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(XfHonour) honour = xf_honour_new ("湖州市劳动模范", "city", 2020);
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer,
                "name", name,
                "gender", "male",
                "birth-date", BIRTH_DATE,
                "employer", "德清县机械厂",
                "industry", "C",
                "region-code", XF_TEST_WUKANG,
                "organisation-id", organisation_id (fixture, "union"),
                "skills", "法律咨询 数控加工",
                "introduction", "扎根一线二十年。\n\n带出徒弟三十名。",
                "deeds", "完成技术革新十二项。",
                "video", "https://example.org/wang.mp4",
                "contribution", "保障全县机械加工质量。",
                NULL);
  /* Identity numbers and mobiles are unique: the first pioneer only. */
  if (fixture->wang == 0)
    g_object_set (pioneer, "id-number", fixture->id_number, "mobile", MOBILE, NULL);
  xf_registry_save_pioneer (fixture->tp->registry, pioneer, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_add_honour (fixture->tp->registry, xf_pioneer_get_id (pioneer),
                                         honour, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static void
fixture_set_up (CardsFixture  *fixture,
                gconstpointer  data)
{
  xf_test_services_set_today (XF_TEST_SERVICES_TODAY);
  fixture->tp = xf_test_portal_new ();
  fixture->services = xf_services_new (fixture->tp->registry);
  fixture->id_number = g_strdup_printf ("33052119800501123%c",
                                        xf_identity_id_check_char ("33052119800501123"));
  fixture->wang = add_full_pioneer (fixture, "王建国");
  fixture->wang_uid = uid_of (fixture, fixture->wang);
  xf_test_services_add_offer (fixture->services, fixture->wang, "cp-legal-aid", 2);
}

static void
fixture_tear_down (CardsFixture  *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->services);
  g_clear_pointer (&fixture->tp, xf_test_portal_free);
  g_free (fixture->wang_uid);
  g_free (fixture->id_number);
  g_unsetenv ("XIANFENG_TODAY");
}

static char *
card_path (CardsFixture *fixture,
           const char   *suffix)
{
  return g_strconcat ("/p/", fixture->wang_uid, suffix, NULL);
}

/* GETs @path and returns the page's CSRF token (transfer full). */
static char *
csrf_of (CardsFixture *fixture,
         const char   *path)
{
  return xf_test_portal_page_csrf (fixture->tp, path);
}

/* GETs the card, then POSTs its form to @action ("/like", "/share")
 * with the page's CSRF token, as a browser does. */
static XfPortalResponse *
post_on_card (CardsFixture *fixture,
              const char   *action)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *action_path = card_path (fixture, action);
  g_autofree char *csrf = csrf_of (fixture, path);

  return xf_test_portal_post (fixture->tp, action_path, "csrf", csrf, NULL);
}

static void
assert_redirect (XfPortalResponse *response,
                 const char       *location)
{
  g_assert_cmpuint (response->status, ==, 303);
  g_assert_cmpstr (xf_portal_response_get_header (response, "Location"), ==, location);
}

/*
 * The card
 */

static void
test_card_public_fields (CardsFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *like_form = g_strdup_printf ("<form id=\"like-form\" class=\"inline-form\" "
                                                "method=\"post\" action=\"/p/%s/like\">",
                                                fixture->wang_uid);
  g_autofree char *book = g_strdup_printf ("<a id=\"book\" class=\"button\" href=\"/p/%s/book\">",
                                           fixture->wang_uid);
  g_autofree char *share = g_strdup_printf ("action=\"/p/%s/share\"", fixture->wang_uid);
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, path);
  g_autofree char *body = xf_test_portal_body (page);
  g_autofree char *csrf = xf_test_portal_csrf (page);

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_true (g_str_has_prefix (page->content_type, "text/html"));
  xf_test_portal_assert_contains (page, "<article id=\"card\" class=\"card tier-bronze\">");
  xf_test_portal_assert_contains (page, "<h1 id=\"card-name\">王建国</h1>");
  xf_test_portal_assert_contains (page, "<ul id=\"honours\"");
  xf_test_portal_assert_contains (page, "湖州市劳动模范");
  xf_test_portal_assert_contains (page, "<p>扎根一线二十年。</p>");
  xf_test_portal_assert_contains (page, "<p>带出徒弟三十名。</p>");
  xf_test_portal_assert_contains (page, "完成技术革新十二项。");
  xf_test_portal_assert_contains (page, "保障全县机械加工质量。");
  xf_test_portal_assert_contains (page, "href=\"https://example.org/wang.mp4\" "
                                        "rel=\"noopener noreferrer\"");
  xf_test_portal_assert_contains (page, "<span id=\"likes\">0</span>");
  xf_test_portal_assert_contains (page, like_form);
  xf_test_portal_assert_contains (page, "<button id=\"like\"");
  xf_test_portal_assert_contains (page, "id=\"share-form\"");
  xf_test_portal_assert_contains (page, share);
  xf_test_portal_assert_contains (page, book);
  /* The like and share forms carry the token. */
  g_assert_nonnull (csrf);
  g_assert_cmpuint (strlen (csrf), >, 8);
  xf_test_portal_assert_not_contains (page, "id=\"like-result\"");

  /* Never a personal field. */
  xf_test_portal_assert_not_contains (page, fixture->id_number);
  xf_test_portal_assert_not_contains (page, MOBILE);
  xf_test_portal_assert_not_contains (page, BIRTH_DATE);
  xf_test_portal_assert_not_contains (page, "1980年5月1日");
  xf_test_portal_assert_not_contains (page, "May 1980");
  g_assert_null (strstr (body, "330521198005"));
}

static void
test_card_escaping (CardsFixture  *fixture,
                    gconstpointer  data)
{
  const char *name = "<script>alert(1)</script>&\"";
  gint64 id = add_full_pioneer (fixture, name);
  g_autofree char *uid = uid_of (fixture, id);
  g_autofree char *path = g_strconcat ("/p/", uid, NULL);
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, path);

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<h1 id=\"card-name\">"
                                        "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;</h1>");
  xf_test_portal_assert_not_contains (page, "<script>");
  xf_test_portal_assert_not_contains (page, "alert(1)</script>");
  xf_test_portal_assert_not_contains (page, "&\"");
}

static void
test_card_unknown (CardsFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfPortalResponse) unknown = xf_test_portal_get (fixture->tp, "/p/no-such-pioneer");
  g_autoptr(XfPortalResponse) archived = NULL;
  g_autoptr(XfPortalResponse) book = NULL;
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *book_path = card_path (fixture, "/book");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) wang = NULL;

  g_assert_cmpuint (unknown->status, ==, 404);
  xf_test_portal_assert_contains (unknown, "href=\"/\"");
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);

  wang = xf_registry_get_pioneer (fixture->tp->registry, fixture->wang, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->tp->registry, wang, "retired", &error));
  g_assert_no_error (error);
  archived = xf_test_portal_get (fixture->tp, path);
  g_assert_cmpuint (archived->status, ==, 404);
  xf_test_portal_assert_not_contains (archived, "王建国");
  book = xf_test_portal_get (fixture->tp, book_path);
  g_assert_cmpuint (book->status, ==, 404);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);
}

static void
test_card_unknown_like (CardsFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *csrf = csrf_of (fixture, path);
  g_autoptr(XfPortalResponse) like = xf_test_portal_post (fixture->tp, "/p/no-such-pioneer/like",
                                                          "csrf", csrf, NULL);
  g_autoptr(XfPortalResponse) share = xf_test_portal_post (fixture->tp, "/p/no-such-pioneer/share",
                                                           "csrf", csrf, NULL);

  g_assert_cmpuint (like->status, ==, 404);
  g_assert_cmpuint (share->status, ==, 404);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 0);
  g_assert_cmpint (count_events (fixture, "card-shared"), ==, 0);
}

/*
 * Engagement
 */

static void
test_card_view_counted (CardsFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autoptr(XfPortalResponse) first = NULL;
  g_autoptr(XfPortalResponse) again = NULL;
  g_autoptr(XfPortalResponse) bot = NULL;

  /* A bot's view is not counted. */
  g_free (fixture->tp->user_agent);
  fixture->tp->user_agent = g_strdup ("Mozilla/5.0 (compatible; Googlebot/2.1; "
                                      "+http://www.google.com/bot.html)");
  bot = xf_test_portal_get (fixture->tp, path);
  g_assert_cmpuint (bot->status, ==, 200);
  xf_test_portal_assert_contains (bot, "<h1 id=\"card-name\">王建国</h1>");
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);

  /* A browser's is, once a day. */
  g_free (fixture->tp->user_agent);
  fixture->tp->user_agent = g_strdup ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 "
                                      "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36");
  first = xf_test_portal_get (fixture->tp, path);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 1);
  again = xf_test_portal_get (fixture->tp, path);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM engagement_events"
                                        " WHERE kind = 'card-viewed' AND source = 'portal'"),
                   ==, 1);
}

static void
test_card_head_not_counted (CardsFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  XfPortalRequest *request = xf_portal_request_new ("HEAD", path);
  g_autoptr(XfPortalResponse) response = NULL;

  g_free (request->address);
  request->address = g_strdup (fixture->tp->address);
  request->user_agent = g_strdup (fixture->tp->user_agent);
  request->now = g_get_real_time ();
  response = xf_portal_router_handle (&fixture->tp->ctx, request);
  xf_portal_request_free (request);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);
}

static void
test_card_like_twice (CardsFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *counted = card_path (fixture, "?liked=1");
  g_autofree char *already = card_path (fixture, "?liked=0");
  g_autoptr(XfPortalResponse) first = NULL;
  g_autoptr(XfPortalResponse) second = NULL;
  g_autoptr(XfPortalResponse) after_first = NULL;
  g_autoptr(XfPortalResponse) after_second = NULL;

  first = post_on_card (fixture, "/like");
  assert_redirect (first, counted);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 1);
  after_first = xf_test_portal_get (fixture->tp, counted);
  g_assert_cmpuint (after_first->status, ==, 200);
  xf_test_portal_assert_contains (after_first, "id=\"like-result\"");
  xf_test_portal_assert_contains (after_first, "data-counted=\"1\"");
  xf_test_portal_assert_contains (after_first, "<span id=\"likes\">1</span>");

  second = post_on_card (fixture, "/like");
  assert_redirect (second, already);
  after_second = xf_test_portal_get (fixture->tp, already);
  xf_test_portal_assert_contains (after_second, "data-counted=\"0\"");
  xf_test_portal_assert_contains (after_second, "<span id=\"likes\">1</span>");

  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM engagement_events"
                                        " WHERE kind = 'card-liked' AND source = 'portal'"
                                        " AND visitor IS NOT NULL"),
                   ==, 1);
}

static void
test_card_like_without_csrf (CardsFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *like_path = card_path (fixture, "/like");
  g_autofree char *csrf = csrf_of (fixture, path);
  g_autoptr(XfPortalResponse) none = xf_test_portal_post (fixture->tp, like_path, NULL);
  g_autoptr(XfPortalResponse) forged = xf_test_portal_post (fixture->tp, like_path,
                                                            "csrf", "0.AAAAAAAAAAAAAAAA", NULL);

  g_assert_cmpuint (none->status, ==, 403);
  g_assert_cmpuint (forged->status, ==, 403);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 0);
}

static void
test_card_bot_like (CardsFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *already = card_path (fixture, "?liked=0");
  g_autoptr(XfPortalResponse) like = NULL;

  g_free (fixture->tp->user_agent);
  fixture->tp->user_agent = g_strdup ("curl-fetcher-bot/1.0");
  like = post_on_card (fixture, "/like");
  assert_redirect (like, already);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 0);
}

static void
test_card_share (CardsFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, NULL);
  g_autofree char *shared = card_path (fixture, "?shared=1");
  g_autoptr(XfPortalResponse) share = post_on_card (fixture, "/share");
  g_autoptr(XfPortalResponse) again = post_on_card (fixture, "/share");
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, shared);

  assert_redirect (share, shared);
  assert_redirect (again, shared);
  g_assert_cmpint (count_events (fixture, "card-shared"), ==, 1);
  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "id=\"share-result\"");
  {
    g_autofree char *field = g_strdup_printf ("id=\"share-link\" readonly value=\"%s\"", path);

    xf_test_portal_assert_contains (page, field);
  }
  /* With the public base URL configured, the full address. */
  g_free (fixture->tp->ctx.config->base_url);
  fixture->tp->ctx.config->base_url = g_strdup ("https://xf.example.org/");
  {
    g_autoptr(XfPortalResponse) full = xf_test_portal_get (fixture->tp, shared);
    g_autofree char *field = g_strdup_printf ("readonly value=\"https://xf.example.org%s\"", path);

    xf_test_portal_assert_contains (full, field);
  }
}

/*
 * Booking
 */

static void
test_card_booking (CardsFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *book_path = card_path (fixture, "/book");
  g_autoptr(XfPortalResponse) form = xf_test_portal_get (fixture->tp, book_path);
  gint64 other = xf_test_services_add_pioneer (fixture->tp->registry, "李秀英", XF_TEST_WUKANG);
  g_autofree char *other_uid = uid_of (fixture, other);
  g_autofree char *other_card = g_strconcat ("/p/", other_uid, NULL);
  g_autofree char *other_book = g_strconcat ("/p/", other_uid, "/book", NULL);
  g_autoptr(XfPortalResponse) card = xf_test_portal_get (fixture->tp, other_card);
  g_autoptr(XfPortalResponse) no_offer = xf_test_portal_get (fixture->tp, other_book);

  g_assert_cmpuint (form->status, ==, 200);
  xf_test_portal_assert_contains (form, "id=\"request-form\"");
  xf_test_portal_assert_contains (form, "cp-legal-aid");

  /* A pioneer who offers nothing has no booking link nor form. */
  g_assert_cmpuint (card->status, ==, 200);
  xf_test_portal_assert_not_contains (card, "id=\"book\"");
  g_assert_cmpuint (no_offer->status, ==, 404);
}

static void
test_card_booking_post (CardsFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *book_path = card_path (fixture, "/book");
  g_autofree char *csrf = csrf_of (fixture, book_path);
  gint64 before = count_rows (fixture, "SELECT count(*) FROM service_requests");
  g_autoptr(XfPortalResponse) bad = NULL;
  g_autoptr(XfPortalResponse) good = NULL;
  const char *location;

  bad = xf_test_portal_post (fixture->tp, book_path, "csrf", csrf, "item", "cp-legal-aid",
                             "requester", "张三", "contact", "13812345678",
                             "region", XF_TEST_WUKANG, "description", "", NULL);
  g_assert_cmpuint (bad->status, ==, 422);
  xf_test_portal_assert_contains (bad, "id=\"error-description\"");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM service_requests"), ==, before);

  good = xf_test_portal_post (fixture->tp, book_path, "csrf", csrf, "item", "cp-legal-aid",
                              "requester", "张三", "contact", "13812345678",
                              "region", XF_TEST_WUKANG, "place", "武康街道幸福里 3 号",
                              "needed_by", "2026-06-30",
                              "description", "劳动合同纠纷，需要法律咨询。", NULL);
  g_assert_cmpuint (good->status, ==, 303);
  location = xf_portal_response_get_header (good, "Location");
  g_assert_true (g_str_has_prefix (location, "/requests/"));
  g_assert_true (g_str_has_suffix (location, "?new=1"));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM service_requests"), ==, before + 1);
}

/*
 * Pioneers of the Month
 */

static void
event (CardsFixture *fixture,
       XfRanking    *ranking,
       gint64        pioneer,
       const char   *kind,
       guint         serial)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source_id = g_strdup_printf ("t%u", serial);
  g_autofree char *visitor = g_strdup_printf ("v%u", serial);
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 2, 10, 12, 0, 0);

  g_assert_true (xf_ranking_record_event (ranking, pioneer, kind, "wechat", source_id, visitor,
                                          g_date_time_to_unix (noon) * G_USEC_PER_SEC, 1, &error));
  g_assert_no_error (error);
}

static void
test_month_ranked (CardsFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfRanking) ranking = xf_ranking_new (fixture->tp->registry);
  gint64 li = xf_test_services_add_pioneer (fixture->tp->registry, "李秀英", XF_TEST_WUKANG);
  gint64 zhao = xf_test_services_add_pioneer (fixture->tp->registry, "赵志强", XF_TEST_DEQING);
  gint64 team = xf_test_services_new_pioneer (fixture->tp->registry, "collective", "德清县电力抢修班",
                                              XF_TEST_DEQING, NULL, NULL, NULL);
  g_autofree char *li_uid = uid_of (fixture, li);
  g_autofree char *href = g_strdup_printf ("<a href=\"/p/%s\">", li_uid);
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *list, *collectives, *first, *second, *third;
  guint serial = 0;

  /* February: 李秀英 liked 5 times, 王建国 3, 赵志强 once; the team twice. */
  for (guint i = 0; i < 5; i++)
    event (fixture, ranking, li, "card-liked", ++serial);
  for (guint i = 0; i < 3; i++)
    event (fixture, ranking, fixture->wang, "card-liked", ++serial);
  event (fixture, ranking, zhao, "card-liked", ++serial);
  for (guint i = 0; i < 2; i++)
    event (fixture, ranking, team, "card-liked", ++serial);
  frozen = xf_ranking_compute (ranking, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (frozen);
  g_assert_cmpuint (frozen->individuals->len, ==, 3);

  page = xf_test_portal_get (fixture->tp, "/?lang=en");
  g_assert_cmpuint (page->status, ==, 200);
  body = xf_test_portal_body (page);
  xf_test_portal_assert_contains (page, "Pioneers of the Month");
  xf_test_portal_assert_contains (page, "data-frozen=\"1\"");
  xf_test_portal_assert_contains (page, "February 2026");
  xf_test_portal_assert_contains (page, href);

  list = strstr (body, "<ol id=\"month-individuals\"");
  collectives = strstr (body, "<ol id=\"month-collectives\"");
  g_assert_nonnull (list);
  g_assert_nonnull (collectives);
  first = strstr (list, "李秀英");
  second = strstr (list, "王建国");
  third = strstr (list, "赵志强");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (third);
  g_assert_true (first < second);
  g_assert_true (second < third);
  g_assert_true (third < collectives);
  g_assert_nonnull (strstr (collectives, "德清县电力抢修班"));
  {
    g_autofree char *individuals = g_strndup (list, collectives - list);

    g_assert_null (strstr (individuals, "德清县电力抢修班"));
    /* The card's tier colour shows on the entry. */
    g_assert_nonnull (strstr (individuals, "tier-bronze"));
  }
  /* A ranking entry never shows a personal field either. */
  xf_test_portal_assert_not_contains (page, fixture->id_number);
  xf_test_portal_assert_not_contains (page, MOBILE);
}

static void
test_month_empty (CardsFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, "/?lang=en");

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "Pioneers of the Month");
  /* No month is frozen: the current month so far, empty. */
  xf_test_portal_assert_contains (page, "data-frozen=\"0\"");
  xf_test_portal_assert_contains (page, "March 2026");
  xf_test_portal_assert_contains (page, "id=\"month-individuals-empty\"");
  xf_test_portal_assert_contains (page, "id=\"month-collectives-empty\"");
  xf_test_portal_assert_not_contains (page, "<ol id=\"month-individuals\"");
}

/*
 * Language
 */

static void
test_card_english (CardsFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = card_path (fixture, "?lang=en");
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, path);

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<h2>Honours</h2>");
  xf_test_portal_assert_contains (page, "<h2>Introduction</h2>");
  xf_test_portal_assert_contains (page, "<h2>Main deeds</h2>");
  xf_test_portal_assert_contains (page, "<h2>Contribution to local industry</h2>");
  xf_test_portal_assert_contains (page, ">Book a service</a>");
  xf_test_portal_assert_contains (page, ">Like</button>");
  xf_test_portal_assert_contains (page, "likes this month");
}

#define add_cards_test(path, func) \
  g_test_add ("/portal/pages/cards/" path, CardsFixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_cards_test ("public-fields", test_card_public_fields);
  add_cards_test ("escaping", test_card_escaping);
  add_cards_test ("unknown", test_card_unknown);
  add_cards_test ("unknown-like", test_card_unknown_like);
  add_cards_test ("view-counted", test_card_view_counted);
  add_cards_test ("head-not-counted", test_card_head_not_counted);
  add_cards_test ("like-twice", test_card_like_twice);
  add_cards_test ("like-without-csrf", test_card_like_without_csrf);
  add_cards_test ("bot-like", test_card_bot_like);
  add_cards_test ("share", test_card_share);
  add_cards_test ("booking", test_card_booking);
  add_cards_test ("booking-post", test_card_booking_post);
  add_cards_test ("month-ranked", test_month_ranked);
  add_cards_test ("month-empty", test_month_empty);
  add_cards_test ("english", test_card_english);

  return g_test_run ();
}
