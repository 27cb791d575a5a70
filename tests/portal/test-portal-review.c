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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/review/language-switch-stays-here", test_language_switch_stays_here);
  g_test_add_func ("/portal/review/language-switch-same-page", test_language_switch_same_page);

  return g_test_run ();
}
