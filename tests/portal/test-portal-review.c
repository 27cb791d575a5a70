/* test-portal-review.c — what a review of the portal from outside found:
 *                        each test failed before its fix
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "xf-portal-guard.h"
#include "xf-test-portal.h"
#include "xf-test-store.h"

/* The href of the language switch in @page (transfer full). */
static char *
language_switch_href (XfPortalResponse *page)
{
  g_autofree char *body = xf_test_portal_body (page);
  const char *at = strstr (body, "id=\"lang-switch\" href=\"");
  const char *end;

  g_assert_nonnull (at);
  at += strlen ("id=\"lang-switch\" href=\"");
  end = strchr (at, '"');
  g_assert_nonnull (end);
  return g_strndup (at, end - at);
}

/* A path that begins with two slashes ("//evil.example/") is a link to
 * another site once written back as an href: the language switch of its
 * 404 page must stay on this site. */
static void
test_language_switch_stays_here (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  const char *paths[] = { "//evil.example/", "/%2F%2Fevil.example/x", "///evil.example",
                          "/%2Fevil.example", "/%5C%5Cevil.example" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, paths[i]);
      g_autofree char *href = language_switch_href (page);

      g_test_message ("GET %s → %s", paths[i], href);
      g_assert_cmpuint (page->status, ==, 404);
      g_assert_true (href[0] == '/');
      g_assert_false (href[1] == '/' || href[1] == '\\');
      g_assert_true (g_str_has_suffix (href, "?lang=en"));
    }
}

/* An ordinary path keeps its language switch to the same page. */
static void
test_language_switch_same_page (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/notices");
  g_autofree char *href = language_switch_href (page);

  g_assert_cmpstr (href, ==, "/notices?lang=en");
}


/* Behind the proxy, an IPv6 visitor has a whole /64 to pick addresses
 * from: the rate limit counts per /64, or a script changing its address
 * at every request (and dropping its cookie) would never be limited and
 * could like a card without end. */
static void
test_rate_limit_ipv6_prefix (void)
{
  g_autoptr(GBytes) secret = g_bytes_new_static ("0123456789abcdef0123456789abcdef", 32);
  g_autoptr(XfPortalGuard) guard = xf_portal_guard_new (secret);
  gint64 now = G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC;

  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_POST, 3);
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:db8:1:2::1", now, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:db8:1:2::2", now, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", now, NULL));
  /* The same /64, however written. */
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:db8:1:2:ffff::9", now, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:0DB8:0001:0002::7", now, NULL));
  /* Another /64 has its own allowance; IPv4 addresses are each their own. */
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "2001:db8:1:3::1", now, NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "192.0.2.10", now, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "192.0.2.10", now, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "192.0.2.11", now, NULL));
}

/* The same through the router: likes from fresh cookies at ever new
 * addresses of one /64 stop at the limit, and store nothing past it. */
static void
test_like_script_ipv6 (void)
{
  g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
  guint refused = 0;

  xf_portal_guard_set_limit (tp->ctx.guard, XF_PORTAL_LIMIT_POST, 5);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(XfPortalResponse) page = NULL;
      g_autoptr(XfPortalResponse) like = NULL;
      g_autofree char *token = NULL;

      g_hash_table_remove_all (tp->cookies);
      g_free (tp->address);
      tp->address = g_strdup_printf ("2001:db8:77:1:%x::1", i + 1);
      page = xf_test_portal_get (tp, "/services");
      token = xf_test_portal_csrf (page);
      if (token == NULL)
        {
          /* The services page has no form: any page sets the cookie; the
           * token of a form page is needed. */
          g_clear_pointer (&page, xf_portal_response_free);
          page = xf_test_portal_get (tp, "/requests");
          token = xf_test_portal_csrf (page);
        }
      g_assert_nonnull (token);
      like = xf_test_portal_post (tp, "/p/NOBODY/like", "csrf", token, NULL);
      if (like->status == 429)
        refused++;
    }
  g_assert_cmpuint (refused, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/review/language-switch-stays-here", test_language_switch_stays_here);
  g_test_add_func ("/portal/review/language-switch-same-page", test_language_switch_same_page);

  g_test_add_func ("/portal/review/rate-limit-ipv6-prefix", test_rate_limit_ipv6_prefix);
  g_test_add_func ("/portal/review/like-script-ipv6", test_like_script_ipv6);

  return g_test_run ();
}
