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
  /* The portal's root, as Preferences now ask for it. */
  assert_link ("https://xianfeng.example.org/", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://xianfeng.example.org", "https://xianfeng.example.org/p/" UID);
  assert_link ("http://10.0.0.5:8080", "http://10.0.0.5:8080/p/" UID);
  assert_link ("  https://hz.example.cn/xf/  ", "https://hz.example.cn/xf/p/" UID);
  assert_link ("https://hz.example.cn/xf//", "https://hz.example.cn/xf/p/" UID);
  assert_link ("HTTPS://hz.example.cn/x", "HTTPS://hz.example.cn/x/p/" UID);
  /* The card folder earlier versions asked for still gives the same links. */
  assert_link ("https://xianfeng.example.org/p/", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://xianfeng.example.org/p", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://xianfeng.example.org/p///", "https://xianfeng.example.org/p/" UID);
  assert_link ("https://hz.example.cn/xf/p/", "https://hz.example.cn/xf/p/" UID);
  /* Only a whole segment "p" is the old folder. */
  assert_link ("https://hz.example.cn/shop", "https://hz.example.cn/shop/p/" UID);
  assert_link ("https://p.example.cn", "https://p.example.cn/p/" UID);
  /* A card link with a query keeps its form. */
  assert_link ("https://hz.example.cn/card?id=", "https://hz.example.cn/card?id=" UID);
  assert_link ("https://hz.example.cn/card?lang=zh&id=", "https://hz.example.cn/card?lang=zh&id=" UID);
}

static void
assert_root (const char *base,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = xf_public_link_portal_root (base, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (root, ==, expected);
}

static void
test_root (void)
{
  assert_root ("https://xianfeng.example.org/", "https://xianfeng.example.org/");
  assert_root ("https://xianfeng.example.org", "https://xianfeng.example.org/");
  assert_root ("https://xianfeng.example.org/p/", "https://xianfeng.example.org/");
  assert_root ("https://xianfeng.example.org/p", "https://xianfeng.example.org/");
  assert_root ("http://10.0.0.5:8080/xf/p/", "http://10.0.0.5:8080/xf/");
  assert_root ("http://10.0.0.5:8080/xf", "http://10.0.0.5:8080/xf/");
  assert_root ("https://hz.example.cn/card?id=", "https://hz.example.cn/");
  assert_root ("https://hz.example.cn/xf/card?lang=zh&id=", "https://hz.example.cn/xf/");
  assert_root ("https://hz.example.cn?id=", "https://hz.example.cn/");
}

static void
assert_notice_link (const char *base,
                    gint64      notice_id,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = xf_public_link_build_notice (base, notice_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (link, ==, expected);
}

static void
test_notice (void)
{
  assert_notice_link ("https://xianfeng.example.org/", 12, "https://xianfeng.example.org/notices/12");
  assert_notice_link ("https://xianfeng.example.org", 1, "https://xianfeng.example.org/notices/1");
  assert_notice_link (" https://xianfeng.example.org/p/ ", 7, "https://xianfeng.example.org/notices/7");
  assert_notice_link ("http://10.0.0.5:8080/xf/", G_GINT64_CONSTANT (9007199254740993),
                      "http://10.0.0.5:8080/xf/notices/9007199254740993");
  assert_notice_link ("https://hz.example.cn/card?id=", 3, "https://hz.example.cn/notices/3");

  /* A notice not yet saved has no page; a bad base is refused as for cards. */
  for (gint64 id = -1; id <= 0; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = xf_public_link_build_notice ("https://h.example/", id, &error);

      g_assert_null (link);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *link = xf_public_link_build_notice ("ftp://h.example/", 5, &error);

    g_assert_null (link);
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Public portal address"));
  }
}

static void
assert_bad_base (const char *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *link = xf_public_link_build (base, UID, &error);

  g_assert_null (link);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Public portal address"));

  g_assert_false (xf_public_link_check_base (base, &check_error));
  g_assert_error (check_error, XF_ERROR, XF_ERROR_INVALID);

  g_clear_error (&error);
  g_assert_null (xf_public_link_portal_root (base, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
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
  g_test_add_func ("/core/public-link/root", test_root);
  g_test_add_func ("/core/public-link/notice", test_notice);
  g_test_add_func ("/core/public-link/bad-base", test_bad_base);
  g_test_add_func ("/core/public-link/bad-uid", test_bad_uid);

  return g_test_run ();
}
