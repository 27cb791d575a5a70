/* test-portal-router.c — the checks every request passes before its
 *                        handler: routes, limits, language, visitors, CSRF
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "xf-portal-html.h"
#include "xf-test-portal.h"
#include "xf-test-services.h"
#include "xf-test-store.h"

#define CSP "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

/* What a refused POST must not have written. */
static gint64
count_writes (XfTestPortal *tp)
{
  return xf_test_query_int64 (tp->store, "SELECT count(*) FROM engagement_events")
         + xf_test_query_int64 (tp->store, "SELECT count(*) FROM audit_log")
         + xf_test_query_int64 (tp->store, "SELECT count(*) FROM service_requests")
         + xf_test_query_int64 (tp->store, "SELECT count(*) FROM objections");
}

static void
assert_security_headers (XfPortalResponse *response)
{
  g_assert_cmpstr (xf_portal_response_get_header (response, "Content-Security-Policy"), ==, CSP);
  g_assert_cmpstr (xf_portal_response_get_header (response, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (xf_portal_response_get_header (response, "Referrer-Policy"), ==, "same-origin");
  g_assert_nonnull (xf_portal_response_get_header (response, "Cache-Control"));
}

static void
test_not_found (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  const char *paths[] = { "/nowhere", "/p/", "/p/A/B/C", "/notices/1/2", "/static/other.css",
                          "/requests/X/rate/more", "//", "/healthz/" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, paths[i]);

      g_test_message ("GET %s", paths[i]);
      g_assert_cmpuint (page->status, ==, 404);
      g_assert_cmpstr (page->content_type, ==, "text/html; charset=utf-8");
      xf_test_portal_assert_contains (page, "<!doctype html>");
      xf_test_portal_assert_contains (page, "data-status=\"404\"");
      xf_test_portal_assert_contains (page, "<a class=\"button\" id=\"home\" href=\"/\">");
      xf_test_portal_assert_contains (page, "<link rel=\"stylesheet\" href=\"/static/style.css");
      xf_test_portal_assert_contains (page, "name=\"viewport\" content=\"width=device-width");
      assert_security_headers (page);
      g_assert_null (xf_portal_response_get_header (page, "Allow"));
    }
}

/* A path from the visitor goes back into the page (the language switch)
 * as an escaped, encoded link only. */
static void
test_not_found_escapes_path (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/%3Cscript%3Ealert(1)%3C%2Fscript%3E%22");

  g_assert_cmpuint (page->status, ==, 404);
  xf_test_portal_assert_not_contains (page, "<script");
  xf_test_portal_assert_not_contains (page, "alert(1)</");
  xf_test_portal_assert_contains (page, "href=\"/%3Cscript%3Ealert(1)%3C/script%3E%22?lang=en\"");
}

static void
test_method_not_allowed (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  struct { const char *method; const char *path; const char *allow; } cases[] = {
    { "POST", "/notices", "GET, HEAD" },
    { "POST", "/", "GET, HEAD" },
    { "POST", "/healthz", "GET, HEAD" },
    { "GET", "/p/ABC/like", "POST" },
    { "GET", "/notices/7/objections", "POST" },
    { "GET", "/requests/R1/rate", "POST" },
    { "DELETE", "/services/S1", "GET, HEAD, POST" },
    { "PUT", "/requests", "GET, HEAD, POST" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfPortalRequest) request = xf_portal_request_new (cases[i].method, cases[i].path);
      g_autoptr(XfPortalResponse) page = xf_portal_router_handle (&tp->ctx, request);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_cmpuint (page->status, ==, 405);
      g_assert_cmpstr (xf_portal_response_get_header (page, "Allow"), ==, cases[i].allow);
      xf_test_portal_assert_contains (page, "data-status=\"405\"");
      assert_security_headers (page);
    }
}

static void
test_head (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalRequest) request = xf_portal_request_new ("HEAD", "/healthz");
  g_autoptr(XfPortalResponse) response = xf_portal_router_handle (&tp->ctx, request);

  g_assert_cmpuint (response->status, ==, 200);
}

static void
test_visitor_cookie (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) first = xf_test_portal_get (tp, "/nowhere");
  g_autoptr(XfPortalResponse) second = NULL;
  g_autoptr(XfPortalResponse) forged = NULL;
  const char *set_cookie = xf_portal_response_get_header (first, "Set-Cookie");
  g_autofree char *visitor = NULL;

  /* The first visit gets a cookie for a year, HttpOnly and Lax. */
  g_assert_nonnull (set_cookie);
  g_assert_true (g_str_has_prefix (set_cookie, "xf_v="));
  g_assert_nonnull (strstr (set_cookie, "; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"));
  g_assert_null (strstr (set_cookie, "Secure"));
  visitor = g_strdup (g_hash_table_lookup (tp->cookies, "xf_v"));
  g_assert_nonnull (visitor);
  g_assert_cmpstr (xf_portal_response_get_header (first, "Cache-Control"), ==, "no-store");

  /* A known visitor keeps theirs. */
  second = xf_test_portal_get (tp, "/nowhere");
  g_assert_null (xf_portal_response_get_header (second, "Set-Cookie"));
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_v"), ==, visitor);

  /* A forged one is replaced. */
  g_hash_table_replace (tp->cookies, g_strdup ("xf_v"), g_strdup ("forged.cookie"));
  forged = xf_test_portal_get (tp, "/nowhere");
  g_assert_nonnull (xf_portal_response_get_header (forged, "Set-Cookie"));
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_v"), !=, "forged.cookie");
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_v"), !=, visitor);
}

static void
test_secure_cookies (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) page = NULL;

  tp->ctx.config->secure_cookies = TRUE;
  page = xf_test_portal_get (tp, "/nowhere?lang=en");
  for (guint i = 0; i + 1 < page->headers->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (page->headers, i), "Set-Cookie") == 0)
      g_assert_true (g_str_has_suffix (g_ptr_array_index (page->headers, i + 1), "; Secure"));
  g_assert_nonnull (g_hash_table_lookup (tp->cookies, "xf_v"));
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_lang"), ==, "en");
}

/* The CSRF token a page of this portal would carry for the jar's visitor. */
static char *
token_for_jar (XfTestPortal *tp)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/nowhere");
  g_autoptr(XfPortalRequest) request = xf_portal_request_new ("GET", "/");
  const char *cookie = g_hash_table_lookup (tp->cookies, "xf_v");
  g_autofree char *field = NULL;
  g_autofree char *token = NULL;

  g_assert_nonnull (cookie);
  request->visitor_id = xf_portal_guard_check_visitor (tp->ctx.guard, cookie);
  g_assert_nonnull (request->visitor_id);
  field = xf_portal_csrf_field (&tp->ctx, request);
  g_assert_true (g_str_has_prefix (field, "<input type=\"hidden\" name=\"csrf\" value=\""));
  token = xf_portal_guard_csrf_token (tp->ctx.guard, request->visitor_id,
                                      g_get_real_time () / G_USEC_PER_SEC);
  g_assert_nonnull (strstr (field, token));
  return g_steal_pointer (&token);
}

static void
assert_refused (XfPortalResponse *response)
{
  g_assert_cmpuint (response->status, ==, 403);
  xf_test_portal_assert_contains (response, "data-status=\"403\"");
  xf_test_portal_assert_contains (response, "id=\"error-message\"");
  assert_security_headers (response);
}

static void
test_csrf_missing (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autofree char *token = token_for_jar (tp);
  gint64 writes = count_writes (tp);
  const char *posts[] = { "/p/P1/like", "/p/P1/share", "/p/P1/book", "/services/S1",
                          "/requests", "/requests/R1", "/requests/R1/rate",
                          "/notices/1/objections" };

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(XfPortalResponse) none = xf_test_portal_post (tp, posts[i], "comment", "x", NULL);
      g_autoptr(XfPortalResponse) empty = xf_test_portal_post (tp, posts[i], "csrf", "", NULL);

      g_test_message ("POST %s", posts[i]);
      assert_refused (none);
      assert_refused (empty);
    }
  g_assert_cmpint (count_writes (tp), ==, writes);
}

static void
test_csrf_forged (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfTestPortal) other = xf_test_portal_new ();
  g_autofree char *token = token_for_jar (tp);
  g_autofree char *other_token = token_for_jar (other);
  g_autofree char *tampered = g_strdup (token);
  gint64 writes = count_writes (tp);
  g_autoptr(XfPortalResponse) forged = NULL;
  g_autoptr(XfPortalResponse) others = NULL;
  g_autoptr(XfPortalResponse) changed = NULL;
  g_autoptr(XfPortalResponse) no_cookie = NULL;
  g_autoptr(XfPortalResponse) good = NULL;

  g_assert_cmpstr (token, !=, other_token);

  forged = xf_test_portal_post (tp, "/p/P1/like", "csrf", "1234.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL);
  assert_refused (forged);

  /* Another visitor's token is no good for this one. */
  others = xf_test_portal_post (tp, "/p/P1/like", "csrf", other_token, NULL);
  assert_refused (others);

  tampered[strlen (tampered) - 1] = tampered[strlen (tampered) - 1] == 'A' ? 'B' : 'A';
  changed = xf_test_portal_post (tp, "/p/P1/like", "csrf", tampered, NULL);
  assert_refused (changed);

  /* A good token without the cookie it belongs to. */
  g_hash_table_remove_all (tp->cookies);
  no_cookie = xf_test_portal_post (tp, "/p/P1/like", "csrf", token, NULL);
  assert_refused (no_cookie);
  /* … which gives a cookie for the next try. */
  g_assert_nonnull (g_hash_table_lookup (tp->cookies, "xf_v"));

  g_assert_cmpint (count_writes (tp), ==, writes);

  /* The jar's own token passes the router: the handler answers, whatever it says. */
  g_clear_pointer (&token, g_free);
  token = token_for_jar (tp);
  good = xf_test_portal_post (tp, "/p/P1/like", "csrf", token, NULL);
  g_assert_cmpuint (good->status, !=, 403);
}

/* A new pioneer named @name in Wukang, read back from the registry. */
static XfPioneer *
add_pioneer (XfTestPortal *tp,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_test_services_add_pioneer (tp->registry, name, XF_TEST_WUKANG);
  XfPioneer *pioneer = xf_registry_get_pioneer (tp->registry, id, &error);

  g_assert_no_error (error);
  return pioneer;
}

/* The like form of a real card: refused without the page's token, and
 * nothing liked; counted with it. */
static void
test_csrf_like (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPioneer) pioneer = add_pioneer (tp, "王建国");
  g_autoptr(XfPortalResponse) card = NULL;
  g_autoptr(XfPortalResponse) missing = NULL;
  g_autoptr(XfPortalResponse) forged = NULL;
  g_autoptr(XfPortalResponse) liked = NULL;
  g_autofree char *path = NULL;
  g_autofree char *like = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *location = NULL;
  const char *likes = "SELECT count(*) FROM engagement_events WHERE kind = 'card-liked'";
  gint64 writes;

  path = g_strconcat ("/p/", xf_pioneer_get_uid (pioneer), NULL);
  like = g_strconcat (path, "/like", NULL);

  card = xf_test_portal_get (tp, path);
  g_assert_cmpuint (card->status, ==, 200);
  g_assert_cmpstr (xf_portal_response_get_header (card, "Cache-Control"), ==, "no-store");
  csrf = xf_test_portal_csrf (card);
  g_assert_nonnull (csrf);
  writes = count_writes (tp);

  missing = xf_test_portal_post (tp, like, NULL);
  assert_refused (missing);
  forged = xf_test_portal_post (tp, like, "csrf", "1.forged", NULL);
  assert_refused (forged);
  g_assert_cmpint (xf_test_query_int64 (tp->store, likes), ==, 0);
  g_assert_cmpint (count_writes (tp), ==, writes);

  liked = xf_test_portal_post (tp, like, "csrf", csrf, NULL);
  g_assert_cmpuint (liked->status, ==, 303);
  location = g_strconcat (path, "?liked=1", NULL);
  g_assert_cmpstr (xf_portal_response_get_header (liked, "Location"), ==, location);
  g_assert_cmpint (xf_test_query_int64 (tp->store, likes), ==, 1);
}

static void
test_rate_limit_pages (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) limited = NULL;
  g_autoptr(XfPortalResponse) elsewhere = NULL;
  const char *retry;

  xf_portal_guard_set_limit (tp->ctx.guard, XF_PORTAL_LIMIT_PAGE, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/healthz");

      g_assert_cmpuint (page->status, ==, 200);
    }
  limited = xf_test_portal_get (tp, "/nowhere");
  g_assert_cmpuint (limited->status, ==, 429);
  retry = xf_portal_response_get_header (limited, "Retry-After");
  g_assert_nonnull (retry);
  /* 5 a minute: the next token comes within 12 s. */
  g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), >=, 1);
  g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), <=, 13);
  xf_test_portal_assert_contains (limited, "data-status=\"429\"");
  assert_security_headers (limited);

  /* Another address has its own allowance. */
  g_free (tp->address);
  tp->address = g_strdup ("198.51.100.7");
  elsewhere = xf_test_portal_get (tp, "/healthz");
  g_assert_cmpuint (elsewhere->status, ==, 200);
}

static void
test_rate_limit_posts (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autofree char *token = token_for_jar (tp);
  g_autoptr(XfPortalResponse) limited = NULL;
  g_autoptr(XfPortalResponse) page = NULL;
  gint64 writes;

  xf_portal_guard_set_limit (tp->ctx.guard, XF_PORTAL_LIMIT_POST, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XfPortalResponse) post = xf_test_portal_post (tp, "/p/NOBODY/like", "csrf", token, NULL);

      g_assert_cmpuint (post->status, !=, 429);
    }
  writes = count_writes (tp);
  limited = xf_test_portal_post (tp, "/p/NOBODY/like", "csrf", token, NULL);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_nonnull (xf_portal_response_get_header (limited, "Retry-After"));
  g_assert_cmpint (count_writes (tp), ==, writes);

  /* Pages are still served. */
  page = xf_test_portal_get (tp, "/healthz");
  g_assert_cmpuint (page->status, ==, 200);
}

/* gettext really switches, at run time, with the catalogue built in the tree. */
static void
test_use_language (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();

  xf_portal_use_language ("zh");
  g_assert_cmpstr (xf_portal_current_language (), ==, "zh");
  g_assert_cmpstr (_("Services"), ==, "先锋服务");
  xf_portal_use_language ("en");
  g_assert_cmpstr (xf_portal_current_language (), ==, "en");
  g_assert_cmpstr (_("Services"), ==, "Services");
  xf_portal_use_language ("zh");
  g_assert_cmpstr (_("Services"), ==, "先锋服务");
  /* Anything else is Chinese, the default. */
  xf_portal_use_language ("fr");
  g_assert_cmpstr (xf_portal_current_language (), ==, "zh");

  /* A server started without a locale (LANG unset: "C", where gettext
   * ignores LANGUAGE) still switches. */
  setlocale (LC_MESSAGES, "C");
  xf_portal_use_language ("en");
  g_assert_cmpstr (_("Services"), ==, "Services");
  xf_portal_use_language ("zh");
  g_assert_cmpstr (_("Services"), ==, "先锋服务");
  setlocale (LC_ALL, "");
}

static void
assert_english (XfPortalResponse *page)
{
  xf_test_portal_assert_contains (page, "<html lang=\"en\">");
  xf_test_portal_assert_contains (page, ">Services</a>");
  xf_test_portal_assert_not_contains (page, "先锋服务");
  xf_test_portal_assert_contains (page, "?lang=zh\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>");
}

static void
assert_chinese (XfPortalResponse *page)
{
  xf_test_portal_assert_contains (page, "<html lang=\"zh-CN\">");
  xf_test_portal_assert_contains (page, ">先锋服务</a>");
  xf_test_portal_assert_not_contains (page, ">Services</a>");
  xf_test_portal_assert_contains (page, "?lang=en\" lang=\"en\" hreflang=\"en\">English</a>");
}

static void
test_language_default (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/nowhere");

  assert_chinese (page);
  xf_test_portal_assert_contains (page, "href=\"/nowhere?lang=en\"");
  g_assert_null (g_hash_table_lookup (tp->cookies, "xf_lang"));
}

static void
test_language_switch (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) english = xf_test_portal_get (tp, "/nowhere?lang=en");
  g_autoptr(XfPortalResponse) remembered = NULL;
  g_autoptr(XfPortalResponse) chinese = NULL;
  g_autoptr(XfPortalResponse) again = NULL;
  g_autoptr(XfPortalResponse) bogus = NULL;
  gboolean lang_cookie = FALSE;

  assert_english (english);
  xf_test_portal_assert_contains (english, "href=\"/nowhere?lang=zh\"");
  for (guint i = 0; i + 1 < english->headers->len; i += 2)
    if (g_str_equal (g_ptr_array_index (english->headers, i), "Set-Cookie")
        && g_str_has_prefix (g_ptr_array_index (english->headers, i + 1), "xf_lang=en;"))
      {
        lang_cookie = TRUE;
        g_assert_nonnull (strstr (g_ptr_array_index (english->headers, i + 1), "Max-Age=31536000"));
      }
  g_assert_true (lang_cookie);
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_lang"), ==, "en");

  /* The cookie keeps the choice… */
  remembered = xf_test_portal_get (tp, "/nowhere");
  assert_english (remembered);
  g_assert_null (xf_portal_response_get_header (remembered, "Set-Cookie"));

  /* …until the visitor switches back. */
  chinese = xf_test_portal_get (tp, "/nowhere?lang=zh");
  assert_chinese (chinese);
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_lang"), ==, "zh");
  again = xf_test_portal_get (tp, "/nowhere");
  assert_chinese (again);

  /* A language the portal does not have changes nothing. */
  bogus = xf_test_portal_get (tp, "/nowhere?lang=fr");
  assert_chinese (bogus);
  g_assert_cmpstr (g_hash_table_lookup (tp->cookies, "xf_lang"), ==, "zh");
}

static void
test_language_accept (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  struct { const char *header; gboolean english; } cases[] = {
    { "en", TRUE },
    { "en-GB,en;q=0.9", TRUE },
    { "fr-FR, en;q=0.8, zh-CN;q=0.5", TRUE },
    { "zh-CN,zh;q=0.9,en;q=0.8", FALSE },
    { "zh-TW", FALSE },
    { "en;q=0.3, zh;q=0.7", FALSE },
    { "fr, de", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfPortalResponse) page = NULL;

      g_test_message ("Accept-Language: %s", cases[i].header);
      g_free (tp->lang);
      tp->lang = g_strdup (cases[i].header);
      page = xf_test_portal_get (tp, "/nowhere");
      if (cases[i].english)
        assert_english (page);
      else
        assert_chinese (page);
    }

  /* The visitor's own choice wins over the browser's. */
  {
    g_autoptr(XfPortalResponse) chosen = NULL;

    g_free (tp->lang);
    tp->lang = g_strdup ("en");
    chosen = xf_test_portal_get (tp, "/nowhere?lang=zh");
    assert_chinese (chosen);
  }
}

/* An error page made before the router ran (the server's 413) works the
 * language out itself. */
static void
test_error_page_language (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalRequest) request = xf_portal_request_new ("POST", "/notices/1/objections");
  g_autoptr(XfPortalResponse) page = NULL;

  request->accept_language = g_strdup ("en-US,en;q=0.9");
  page = xf_portal_error_page (request, 413, NULL);
  g_assert_cmpuint (page->status, ==, 413);
  g_assert_cmpstr (request->lang, ==, "en");
  assert_english (page);
  xf_test_portal_assert_contains (page, "<h1 id=\"error-heading\">Too large</h1>");
}

static void
test_security_headers (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/nowhere");
  g_autoptr(XfPortalResponse) again = xf_test_portal_get (tp, "/nowhere");

  assert_security_headers (page);
  /* A page that sets no cookie and has no form may be kept by the
   * browser, never by a shared cache. */
  g_assert_cmpstr (xf_portal_response_get_header (again, "Cache-Control"), ==, "private, no-cache");
}

static void
test_healthz (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) response = xf_test_portal_get (tp, "/healthz");
  g_autofree char *body = xf_test_portal_body (response);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->content_type, ==, "text/plain; charset=utf-8");
  g_assert_cmpstr (body, ==, "ok\n");
  g_assert_cmpstr (xf_portal_response_get_header (response, "Cache-Control"), ==, "no-store");
  g_assert_null (xf_portal_response_get_header (response, "Set-Cookie"));
}

/* PostgreSQL restarted under the portal: the health check connects again
 * rather than report the dropped connection for ever. */
static void
test_healthz_reconnects (void)
{
  g_autoptr(XfTestPortal) tp = NULL;
  g_autoptr(XfStore) admin = NULL;
  g_autoptr(XfPortalResponse) response = NULL;
  g_autoptr(XfPortalResponse) page = NULL;
  XfDb *db;
  gint64 pid;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("PostgreSQL only: a SQLite file is never dropped");
      return;
    }
  tp = xf_test_portal_new ();
  admin = xf_test_open_store ();
  db = xf_store_get_db (tp->store);
  pid = xf_test_backend_pid (db);
  xf_test_terminate_backend (xf_store_get_db (admin), pid);

  response = xf_test_portal_get (tp, "/healthz");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (xf_test_backend_pid (db), !=, pid);
  page = xf_test_portal_get (tp, "/nowhere");
  g_assert_cmpuint (page->status, ==, 404);
}

static void
test_stylesheet (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) response = xf_test_portal_get (tp, "/static/style.css?v=" PACKAGE_VERSION);
  g_autoptr(XfPortalResponse) again = xf_test_portal_get (tp, "/static/style.css");

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->content_type, ==, "text/css; charset=utf-8");
  g_assert_cmpstr (xf_portal_response_get_header (response, "Cache-Control"), ==, "public, max-age=86400");
  g_assert_cmpstr (xf_portal_response_get_header (response, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_null (xf_portal_response_get_header (response, "Set-Cookie"));
  g_assert_cmpuint (g_bytes_get_size (response->body), >, 1000);
  xf_test_portal_assert_contains (response, "prefers-color-scheme: dark");
  xf_test_portal_assert_contains (response, ".tier-gold");
  xf_test_portal_assert_contains (response, ".field-error");
  g_assert_true (g_bytes_equal (response->body, again->body));
}

static void
test_html_escape (void)
{
  g_autoptr(GString) html = g_string_new (NULL);

  xf_html_add (html, "<p title=\"%s\">%s %d</p>", "a\"b'c", "<script>alert(1)</script>&\"", 7);
  g_assert_cmpstr (html->str, ==,
                   "<p title=\"a&quot;b&apos;c\">&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot; 7</p>");

  g_string_truncate (html, 0);
  xf_html_raw (html, "<b>raw</b>");
  xf_html_raw (html, NULL);
  g_assert_cmpstr (html->str, ==, "<b>raw</b>");
}

#define HOSTILE "<script>alert(1)</script>&\""
#define HOSTILE_ESCAPED "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;"

/* Text from the database reaches a page only escaped: a pioneer whose
 * name, introduction and deeds are markup. */
static void
test_card_escapes (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = add_pioneer (tp, HOSTILE);
  g_autoptr(XfPortalResponse) card = NULL;
  g_autoptr(XfPortalResponse) english = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpstr (xf_pioneer_get_name (pioneer), ==, HOSTILE);
  g_object_set (pioneer,
                "introduction", "<img src=x onerror=alert(2)>",
                "deeds", "<b>bold</b>\n\n<iframe src=//evil>",
                NULL);
  g_assert_true (xf_registry_save_pioneer (tp->registry, pioneer, &error));
  g_assert_no_error (error);

  path = g_strconcat ("/p/", xf_pioneer_get_uid (pioneer), NULL);
  card = xf_test_portal_get (tp, path);
  g_assert_cmpuint (card->status, ==, 200);
  xf_test_portal_assert_contains (card, HOSTILE_ESCAPED);
  xf_test_portal_assert_contains (card, "&lt;img src=x onerror=alert(2)&gt;");
  xf_test_portal_assert_contains (card, "&lt;b&gt;bold&lt;/b&gt;");
  xf_test_portal_assert_contains (card, "&lt;iframe src=//evil&gt;");
  xf_test_portal_assert_not_contains (card, "<script");
  xf_test_portal_assert_not_contains (card, "<img");
  xf_test_portal_assert_not_contains (card, "<b>");
  xf_test_portal_assert_not_contains (card, "<iframe");
  xf_test_portal_assert_not_contains (card, "alert(1)</script>");
  assert_security_headers (card);

  english = xf_test_portal_get (tp, "/p/NO-SUCH-UID?lang=en");
  g_assert_cmpuint (english->status, ==, 404);
  assert_english (english);
}

static void
test_html_paragraphs (void)
{
  g_autoptr(GString) html = g_string_new (NULL);

  xf_html_paragraphs (html, "First <b>line</b>\nsecond & more\r\n\r\n  \n\nNext one\n");
  g_assert_cmpstr (html->str, ==,
                   "<p>First &lt;b&gt;line&lt;/b&gt;<br>\nsecond &amp; more</p>\n"
                   "<p>Next one</p>\n");

  g_string_truncate (html, 0);
  xf_html_paragraphs (html, NULL);
  xf_html_paragraphs (html, "\n \n");
  g_assert_cmpstr (html->str, ==, "");
}

static void
test_html_date (void)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *impossible = NULL;
  g_autofree char *time = NULL;

  xf_portal_use_language ("zh");
  zh = xf_html_date ("2026-05-07");
  g_assert_cmpstr (zh, ==, "2026年5月7日");
  xf_portal_use_language ("en");
  en = xf_html_date ("2026-05-07");
  g_assert_cmpstr (en, ==, "7 May 2026");
  bad = xf_html_date ("2026-5-7");
  g_assert_cmpstr (bad, ==, "2026-5-7");
  impossible = xf_html_date ("2026-02-30");
  g_assert_cmpstr (impossible, ==, "2026-02-30");
  g_assert_null (xf_html_date (NULL));
  xf_portal_use_language ("zh");

  /* Noon UTC: the same day in any time zone the tests run in. */
  time = xf_html_time (G_GINT64_CONSTANT (1778155200) * G_USEC_PER_SEC);
  g_assert_cmpuint (strlen (time), ==, strlen ("2026-05-07 14:30"));
  g_assert_true (g_str_has_prefix (time, "2026-05-07 "));
}

static void
test_page_frame (void)
{
  g_autoptr(XfPortalRequest) request = xf_portal_request_new ("GET", "/notices/3");
  g_autoptr(XfPortalResponse) page = NULL;

  request->lang = g_strdup ("en");
  page = xf_portal_page (request, 200, "A <title>", "<p id=\"mine\">Body</p>");
  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpstr (page->content_type, ==, "text/html; charset=utf-8");
  xf_test_portal_assert_contains (page, "<!doctype html>\n<html lang=\"en\">");
  xf_test_portal_assert_contains (page, "<title>A &lt;title&gt; · ");
  xf_test_portal_assert_contains (page, "<main id=\"main\">\n<p id=\"mine\">Body</p>");
  xf_test_portal_assert_contains (page, "<a id=\"nav-notices\" href=\"/notices\" aria-current=\"page\">");
  xf_test_portal_assert_contains (page, "<a id=\"nav-month\" href=\"/\">");
  xf_test_portal_assert_contains (page, "<a id=\"nav-services\" href=\"/services\">");
  xf_test_portal_assert_contains (page, "<a id=\"nav-requests\" href=\"/requests\">");
  xf_test_portal_assert_contains (page, "href=\"/notices/3?lang=zh\"");
  xf_test_portal_assert_contains (page, "<footer");
  xf_test_portal_assert_not_contains (page, "<script");
}

/* Plural and context messages follow the page's language too: GLib's
 * one-time "translate at all?" check must have seen the Chinese catalogue
 * (xf_portal_init_language), though the process runs in C.UTF-8. */
static void
test_plural_messages (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();

  xf_portal_use_language ("zh");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "like this month", "likes this month", 2),
                   ==, "次点赞（本月）");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "card action", "Like"), ==, "点赞");
  xf_portal_use_language ("en");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "like this month", "likes this month", 2),
                   ==, "likes this month");
  xf_portal_use_language ("zh");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/router/not-found", test_not_found);
  g_test_add_func ("/portal/router/not-found-escapes-path", test_not_found_escapes_path);
  g_test_add_func ("/portal/router/method-not-allowed", test_method_not_allowed);
  g_test_add_func ("/portal/router/head", test_head);
  g_test_add_func ("/portal/router/visitor-cookie", test_visitor_cookie);
  g_test_add_func ("/portal/router/secure-cookies", test_secure_cookies);
  g_test_add_func ("/portal/router/csrf-missing", test_csrf_missing);
  g_test_add_func ("/portal/router/csrf-forged", test_csrf_forged);
  g_test_add_func ("/portal/router/csrf-like", test_csrf_like);
  g_test_add_func ("/portal/router/rate-limit-pages", test_rate_limit_pages);
  g_test_add_func ("/portal/router/rate-limit-posts", test_rate_limit_posts);
  g_test_add_func ("/portal/router/use-language", test_use_language);
  g_test_add_func ("/portal/router/language-default", test_language_default);
  g_test_add_func ("/portal/router/language-switch", test_language_switch);
  g_test_add_func ("/portal/router/language-accept", test_language_accept);
  g_test_add_func ("/portal/router/error-page-language", test_error_page_language);
  g_test_add_func ("/portal/router/security-headers", test_security_headers);
  g_test_add_func ("/portal/router/healthz", test_healthz);
  g_test_add_func ("/portal/router/healthz-reconnects", test_healthz_reconnects);
  g_test_add_func ("/portal/router/stylesheet", test_stylesheet);
  g_test_add_func ("/portal/html/escape", test_html_escape);
  g_test_add_func ("/portal/language/plural-messages", test_plural_messages);
  g_test_add_func ("/portal/html/card-escapes", test_card_escapes);
  g_test_add_func ("/portal/html/paragraphs", test_html_paragraphs);
  g_test_add_func ("/portal/html/date", test_html_date);
  g_test_add_func ("/portal/html/page-frame", test_page_frame);

  return g_test_run ();
}
