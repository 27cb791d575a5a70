/* test-public-link.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-error.h"
#include "xf-public-link.h"

#define UID "3f2a9c1e-7b44-4d0a-9e55-0c1d2e3f4a5b"

static void
assert_link (const char *base,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = xf_public_link_build (base, UID, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (link, ==, expected);
  g_assert_true (xf_public_link_check_base (base, NULL));
}

static void
test_join (void)
{
  assert_link ("https://xianfeng.example.org/p/", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://xianfeng.example.org/p", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://xianfeng.example.org/p///", "https://xianfeng.example.org/p/" UID);
  assert_link ("http://10.0.0.5:8080", "http://10.0.0.5:8080/" UID);
  assert_link ("  https://hz.example.cn/card/  ", "https://hz.example.cn/card/" UID);
  assert_link ("HTTPS://hz.example.cn/x", "HTTPS://hz.example.cn/x/" UID);
  assert_link ("https://hz.example.cn/card?id=", "https://hz.example.cn/card?id=" UID);
  assert_link ("https://hz.example.cn/card?lang=zh&id=", "https://hz.example.cn/card?lang=zh&id=" UID);
}

static void
assert_bad_base (const char *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *link = xf_public_link_build (base, UID, &error);

  g_assert_null (link);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Public link base"));

  g_assert_false (xf_public_link_check_base (base, &check_error));
  g_assert_error (check_error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_bad_base (void)
{
  assert_bad_base (NULL);
  assert_bad_base ("");
  assert_bad_base ("   ");
  assert_bad_base ("xianfeng.example.org/p/");
  assert_bad_base ("ftp://xianfeng.example.org/p/");
  assert_bad_base ("file:///home/user/card");
  assert_bad_base ("javascript:alert(1)");
  assert_bad_base ("https:///p/");
  assert_bad_base ("https://xianfeng.example.org/p/#top");
  assert_bad_base ("https://xianfeng.example.org/p?id");
  assert_bad_base ("https://exa mple.org/");
}

static void
test_bad_uid (void)
{
  const char *bad[] = { NULL, "", "a/b", "../x", "a b", "a?b", "锋" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = xf_public_link_build ("https://h.example/p/", bad[i], &error);

      g_assert_null (link);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/public-link/join", test_join);
  g_test_add_func ("/core/public-link/bad-base", test_bad_base);
  g_test_add_func ("/core/public-link/bad-uid", test_bad_uid);

  return g_test_run ();
}
