/* test-portal-guard.c — cookies, CSRF tokens, access proofs, rate limits
 *                       and bots: pure functions with the clock passed in
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-portal-guard.h"

/* 2026-12-05 12:34:56 UTC */
#define NOW   G_GINT64_CONSTANT (1796474096)
#define HOUR  3600
#define USEC  G_GINT64_CONSTANT (1000000)

static XfPortalGuard *
new_guard (char fill)
{
  guint8 secret[XF_PORTAL_SECRET_SIZE];
  g_autoptr(GBytes) bytes = NULL;

  memset (secret, fill, sizeof secret);
  bytes = g_bytes_new (secret, sizeof secret);
  return xf_portal_guard_new (bytes);
}

/* Every one-character change of @token, and every shorter prefix. */
static GPtrArray *
mutations (const char *token)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gsize length = strlen (token);

  for (gsize i = 0; i < length; i++)
    {
      char *changed = g_strdup (token);

      changed[i] = changed[i] == 'A' ? 'B' : 'A';
      g_ptr_array_add (out, changed);
      g_ptr_array_add (out, g_strndup (token, i));
    }
  g_ptr_array_add (out, g_strconcat (token, "A", NULL));
  g_ptr_array_add (out, g_strconcat (" ", token, NULL));
  return out;
}

/* The id of a new visitor of @guard's; its cookie in @cookie if not NULL. */
static char *
visitor_id (XfPortalGuard  *guard,
            char          **cookie)
{
  g_autofree char *made = xf_portal_guard_new_visitor (guard);
  char *id = xf_portal_guard_check_visitor (guard, made);

  g_assert_nonnull (id);
  if (cookie != NULL)
    *cookie = g_steal_pointer (&made);
  return id;
}

static void
test_visitor_round_trip (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  g_autofree char *cookie = xf_portal_guard_new_visitor (guard);
  g_autofree char *other = xf_portal_guard_new_visitor (guard);
  g_autofree char *id = NULL;
  g_autofree char *other_id = NULL;

  g_assert_cmpuint (strlen (cookie), ==, 22 + 1 + 43);
  g_assert_cmpint (cookie[22], ==, '.');
  for (const char *p = cookie; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.');

  id = xf_portal_guard_check_visitor (guard, cookie);
  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, 22);
  g_assert_true (strncmp (cookie, id, 22) == 0);

  other_id = xf_portal_guard_check_visitor (guard, other);
  g_assert_nonnull (other_id);
  g_assert_cmpstr (id, !=, other_id);
}

static void
test_visitor_forged (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  g_autoptr(XfPortalGuard) stranger = new_guard ('t');
  g_autofree char *cookie = xf_portal_guard_new_visitor (guard);
  g_autofree char *foreign = xf_portal_guard_new_visitor (stranger);
  g_autofree char *huge = g_strnfill (100000, 'A');
  g_autoptr(GPtrArray) changed = mutations (cookie);
  const char *junk[] = { NULL, "", ".", "..", "abc", "abc.def", "\xff\xfe.\xff",
                         "AAAAAAAAAAAAAAAAAAAAAA.", ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };

  /* Another portal's cookie is not ours. */
  g_assert_null (xf_portal_guard_check_visitor (guard, foreign));
  g_assert_null (xf_portal_guard_check_visitor (guard, huge));
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    g_assert_null (xf_portal_guard_check_visitor (guard, junk[i]));
  for (guint i = 0; i < changed->len; i++)
    g_assert_null (xf_portal_guard_check_visitor (guard, changed->pdata[i]));

  /* A made-up id with another cookie's signature. */
  {
    g_autofree char *swapped = g_strdup (cookie);

    memcpy (swapped, foreign, 22);
    g_assert_null (xf_portal_guard_check_visitor (guard, swapped));
  }
}

static void
test_visitor_key (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  g_autoptr(XfPortalGuard) stranger = new_guard ('t');
  g_autofree char *cookie = NULL;
  g_autofree char *id = visitor_id (guard, &cookie);
  g_autofree char *other_id = visitor_id (guard, NULL);
  g_autofree char *key = xf_portal_guard_visitor_key (guard, id, "203.0.113.7");
  g_autofree char *again = xf_portal_guard_visitor_key (guard, id, "203.0.113.7");
  g_autofree char *moved = xf_portal_guard_visitor_key (guard, id, "203.0.113.8");
  g_autofree char *v6 = xf_portal_guard_visitor_key (guard, id, "2001:db8::1");
  g_autofree char *other = xf_portal_guard_visitor_key (guard, other_id, "203.0.113.7");
  g_autofree char *foreign = xf_portal_guard_visitor_key (stranger, id, "203.0.113.7");

  g_assert_cmpuint (strlen (key), ==, 32);
  for (const char *p = key; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (key, ==, again);
  g_assert_cmpstr (key, !=, moved);
  g_assert_cmpstr (key, !=, v6);
  g_assert_cmpstr (key, !=, other);
  g_assert_cmpstr (key, !=, foreign);

  g_assert_null (xf_portal_guard_visitor_key (guard, NULL, "203.0.113.7"));
  g_assert_null (xf_portal_guard_visitor_key (guard, "short", "203.0.113.7"));
  g_assert_null (xf_portal_guard_visitor_key (guard, cookie, "203.0.113.7"));
}

static void
test_csrf (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  g_autoptr(XfPortalGuard) stranger = new_guard ('t');
  g_autofree char *id = visitor_id (guard, NULL);
  g_autofree char *other_id = visitor_id (guard, NULL);
  g_autofree char *token = xf_portal_guard_csrf_token (guard, id, NOW);
  g_autofree char *foreign = xf_portal_guard_csrf_token (stranger, id, NOW);
  g_autofree char *expected_prefix = g_strdup_printf ("%" G_GINT64_FORMAT ".", NOW / HOUR);
  g_autoptr(GPtrArray) changed = mutations (token);
  const char *junk[] = { NULL, "", ".", "1.", ".x", "-1.AAAA", "+499020.AAAA",
                         "00499020.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                         "99999999999999999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };

  g_assert_true (g_str_has_prefix (token, expected_prefix));
  g_assert_true (xf_portal_guard_check_csrf (guard, id, token, NOW));
  /* Good for XF_PORTAL_CSRF_HOURS after it was made… */
  g_assert_true (xf_portal_guard_check_csrf (guard, id, token, NOW + 1));
  g_assert_true (xf_portal_guard_check_csrf (guard, id, token, NOW + XF_PORTAL_CSRF_HOURS * HOUR));
  /* …and no longer. */
  g_assert_false (xf_portal_guard_check_csrf (guard, id, token, NOW + (XF_PORTAL_CSRF_HOURS + 1) * HOUR));
  g_assert_false (xf_portal_guard_check_csrf (guard, id, token, NOW + 30 * 24 * HOUR));
  /* Not before the hour it was made in. */
  g_assert_false (xf_portal_guard_check_csrf (guard, id, token, NOW - HOUR));

  /* Bound to the visitor: another visitor's form cannot use it. */
  g_assert_false (xf_portal_guard_check_csrf (guard, other_id, token, NOW));
  g_assert_false (xf_portal_guard_check_csrf (guard, NULL, token, NOW));
  g_assert_false (xf_portal_guard_check_csrf (guard, "", token, NOW));
  g_assert_false (xf_portal_guard_check_csrf (guard, id, foreign, NOW));

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    g_assert_false (xf_portal_guard_check_csrf (guard, id, junk[i], NOW));
  for (guint i = 0; i < changed->len; i++)
    g_assert_false (xf_portal_guard_check_csrf (guard, id, changed->pdata[i], NOW));

  /* A later hour with the earlier signature is a forgery, not a renewal. */
  {
    const char *sig = strchr (token, '.') + 1;
    g_autofree char *later = g_strdup_printf ("%" G_GINT64_FORMAT ".%s", NOW / HOUR + 5, sig);

    g_assert_false (xf_portal_guard_check_csrf (guard, id, later, NOW + 5 * HOUR));
  }

  g_assert_null (xf_portal_guard_csrf_token (guard, NULL, NOW));
  g_assert_null (xf_portal_guard_csrf_token (guard, "not an id", NOW));
}

static void
test_access (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  g_autoptr(XfPortalGuard) stranger = new_guard ('t');
  g_autofree char *id = visitor_id (guard, NULL);
  g_autofree char *other_id = visitor_id (guard, NULL);
  g_autofree char *proof = xf_portal_guard_sign_access (guard, "ABCD-EFGH", id, NOW);
  g_autofree char *foreign = xf_portal_guard_sign_access (stranger, "ABCD-EFGH", id, NOW);
  g_autofree char *code = NULL;
  g_autoptr(GPtrArray) changed = mutations (proof);
  const char *junk[] = { NULL, "", ".", "..", "ABCD-EFGH", "ABCD-EFGH.", "ABCD-EFGH..",
                         "ABCD-EFGH.1796475896.", ".1796475896.AAAA", "A B.1.AAAA",
                         "ABCD-EFGH.-5.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };

  g_assert_true (g_str_has_prefix (proof, "ABCD-EFGH."));
  code = xf_portal_guard_check_access (guard, proof, id, NOW);
  g_assert_cmpstr (code, ==, "ABCD-EFGH");
  g_clear_pointer (&code, g_free);
  code = xf_portal_guard_check_access (guard, proof, id, NOW + XF_PORTAL_ACCESS_SECONDS - 1);
  g_assert_cmpstr (code, ==, "ABCD-EFGH");

  /* Expired. */
  g_assert_null (xf_portal_guard_check_access (guard, proof, id, NOW + XF_PORTAL_ACCESS_SECONDS));
  g_assert_null (xf_portal_guard_check_access (guard, proof, id, NOW + 24 * HOUR));
  /* Bound to the visitor who proved it, and to this portal. */
  g_assert_null (xf_portal_guard_check_access (guard, proof, other_id, NOW));
  g_assert_null (xf_portal_guard_check_access (guard, proof, NULL, NOW));
  g_assert_null (xf_portal_guard_check_access (guard, foreign, id, NOW));

  /* Bound to the code: the same signature on another code is refused. */
  {
    g_autofree char *other_code = g_strdup (proof);

    other_code[0] = 'Z';
    g_assert_null (xf_portal_guard_check_access (guard, other_code, id, NOW));
  }
  /* A later expiry with the same signature is refused. */
  {
    const char *sig = strrchr (proof, '.') + 1;
    g_autofree char *longer = g_strdup_printf ("ABCD-EFGH.%" G_GINT64_FORMAT ".%s",
                                               NOW + XF_PORTAL_ACCESS_SECONDS + 600, sig);

    g_assert_null (xf_portal_guard_check_access (guard, longer, id, NOW + XF_PORTAL_ACCESS_SECONDS));
  }

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    g_assert_null (xf_portal_guard_check_access (guard, junk[i], id, NOW));
  for (guint i = 0; i < changed->len; i++)
    g_assert_null (xf_portal_guard_check_access (guard, changed->pdata[i], id, NOW));

  /* Nothing is signed for a code that is not one. */
  g_assert_null (xf_portal_guard_sign_access (guard, NULL, id, NOW));
  g_assert_null (xf_portal_guard_sign_access (guard, "", id, NOW));
  g_assert_null (xf_portal_guard_sign_access (guard, "AB.CD", id, NOW));
  g_assert_null (xf_portal_guard_sign_access (guard, "ABCD EFGH", id, NOW));
  g_assert_null (xf_portal_guard_sign_access (guard, "ABCDEFGHABCDEFGHABCDEFGHABCDEFGHX", id, NOW));
  g_assert_null (xf_portal_guard_sign_access (guard, "ABCD-EFGH", "nobody", NOW));
}

static void
test_rate_burst (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  gint64 t = 1000 * USEC;
  guint retry = 0;

  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_POST, 6);

  /* A burst of six, then refused with the wait for one token: 10 s. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t, &retry));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t, &retry));
  g_assert_cmpuint (retry, ==, 10);
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t + 4 * USEC, &retry));
  g_assert_cmpuint (retry, ==, 6);
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t, NULL));

  /* Another address has its own bucket; the other class is not limited. */
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.2", t, &retry));
  g_assert_cmpuint (retry, ==, 0);
  for (guint i = 0; i < 100; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", t, NULL));

  /* Refilled at six a minute: one token after 10 s, not before. */
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t + 9 * USEC, &retry));
  g_assert_cmpuint (retry, ==, 1);
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t + 10 * USEC, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t + 10 * USEC, NULL));

  /* A long wait refills to the burst, no more. */
  t += 3600 * USEC;
  for (guint i = 0; i < 6; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t, &retry));
  g_assert_cmpuint (retry, ==, 10);

  /* A clock that goes back refills nothing. */
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.1", t - 600 * USEC, NULL));

  /* Part of the burst used, then a long wait: still no more than the burst. */
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.3", t, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.3", t, NULL));
  for (guint i = 0; i < 6; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.3", t + 50 * USEC, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.3", t + 50 * USEC, NULL));

  /* A lowered limit takes effect at once. */
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.4", t, NULL));
  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_POST, 2);
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.4", t, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.4", t, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "198.51.100.4", t, &retry));
  g_assert_cmpuint (retry, ==, 30);
}

static void
test_rate_disabled (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  guint retry = 99;

  /* No limit until one is set, and 0 turns one off again. */
  for (guint i = 0; i < 1000; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", 0, &retry));
  g_assert_cmpuint (retry, ==, 0);

  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_PAGE, 2);
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", 0, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", 0, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", 0, &retry));
  g_assert_cmpuint (retry, ==, 30);

  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_PAGE, 0);
  for (guint i = 0; i < 1000; i++)
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_PAGE, "198.51.100.1", 0, &retry));
  g_assert_cmpuint (retry, ==, 0);
}

static char *
address_of (guint i)
{
  return g_strdup_printf ("10.%u.%u.%u", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
}

static void
test_rate_table_bound (void)
{
  g_autoptr(XfPortalGuard) guard = new_guard ('s');
  /* Two /64s: an IPv6 visitor is counted by its /64. */
  const char *a = "2001:db8:0:a::1";
  const char *b = "2001:db8:0:b::1";

  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_POST, 1);

  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, a, 0, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, a, 0, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, b, 0, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, b, 0, NULL));

  /* Fill the table: a, b and MAX - 2 others. */
  for (guint i = 0; i < XF_PORTAL_GUARD_MAX_ADDRESSES - 2; i++)
    {
      g_autofree char *address = address_of (i);

      g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, address, 0, NULL));
    }

  /* b is seen again, so a is now the stalest. */
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, b, 0, NULL));

  /* One more address forgets a, whose next request is allowed again;
   * b, seen more lately, is still remembered and refused. */
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, "192.0.2.1", 0, NULL));
  g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, a, 0, NULL));
  g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, b, 0, NULL));
  /* The first of the others went to make room for a. */
  {
    g_autofree char *first = address_of (0);
    g_autofree char *second = address_of (1);

    g_assert_false (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, second, 0, NULL));
    g_assert_true (xf_portal_guard_allow (guard, XF_PORTAL_LIMIT_POST, first, 0, NULL));
  }
}

static void
test_bots (void)
{
  const char *bots[] = {
    NULL, "", "   ",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Some-CRAWLER/1.0",
    "Mozilla/5.0 (Windows NT 6.1) Link Preview",
    "Feed Fetcher 3.1",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) Googlebot/2.1",
  };
  const char *browsers[] = {
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      "Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "HeadlessChrome/120.0.6099.224 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
    "curl/7.88.1",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/120.0.0.0 Mobile Safari/537.36",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bots); i++)
    g_assert_true (xf_portal_guard_is_bot (bots[i]));
  for (guint i = 0; i < G_N_ELEMENTS (browsers); i++)
    g_assert_false (xf_portal_guard_is_bot (browsers[i]));
}

static char *
temp_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("xf-guard-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

static void
test_secret_created (void)
{
  g_autofree char *folder = temp_folder ();
  g_autofree char *path = g_build_filename (folder, "portal", "secret", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) secret = NULL;
  g_autoptr(GBytes) again = NULL;
  GStatBuf st;

  secret = xf_portal_guard_load_secret (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_cmpuint (g_bytes_get_size (secret), >=, XF_PORTAL_SECRET_SIZE);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Read back, not made anew. */
  again = xf_portal_guard_load_secret (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (secret, again));

  /* Two portals on one secret accept each other's cookies. */
  {
    g_autoptr(XfPortalGuard) one = xf_portal_guard_new (secret);
    g_autoptr(XfPortalGuard) two = xf_portal_guard_new (again);
    g_autofree char *cookie = xf_portal_guard_new_visitor (one);
    g_autofree char *id = xf_portal_guard_check_visitor (two, cookie);

    g_assert_nonnull (id);
  }

  /* Another folder's secret differs. */
  {
    g_autofree char *other_path = g_build_filename (folder, "other", NULL);
    g_autoptr(GBytes) other = xf_portal_guard_load_secret (other_path, &error);

    g_assert_no_error (error);
    g_assert_false (g_bytes_equal (secret, other));
  }

  remove_folder (folder);
}

static void
assert_refused (const char *path,
                const char *contents,
                int         mode,
                int         code,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) secret = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = g_path_get_basename (path);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);

  secret = xf_portal_guard_load_secret (path, &error);
  g_assert_null (secret);
  g_assert_error (error, XF_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));

  /* The file is left as it was. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_secret_refused (void)
{
  g_autofree char *folder = temp_folder ();
  g_autofree char *path = g_build_filename (folder, "portal-secret", NULL);
  const char *good = "0123456789abcdef0123456789abcdef0123456789abcdef\n";

  assert_refused (path, good, 0644, XF_ERROR_INVALID, "other users");
  assert_refused (path, good, 0640, XF_ERROR_INVALID, "other users");
  assert_refused (path, good, 0604, XF_ERROR_INVALID, "other users");
  assert_refused (path, good, 0620, XF_ERROR_INVALID, "other users");
  assert_refused (path, "too short\n", 0600, XF_ERROR_INVALID, "too short");
  /* 31 bytes and a newline: the newline does not count. */
  assert_refused (path, "0123456789abcdef0123456789abcde\n", 0600, XF_ERROR_INVALID, "too short");
  assert_refused (path, "", 0600, XF_ERROR_INVALID, "too short");

  /* A private secret of 32 bytes or more is read as it is, the newline left off. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) secret = NULL;

    g_assert_cmpint (g_chmod (path, 0600), ==, 0);
    g_assert_true (g_file_set_contents (path, good, -1, NULL));
    g_assert_cmpint (g_chmod (path, 0600), ==, 0);
    secret = xf_portal_guard_load_secret (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (secret), ==, strlen (good) - 1);
    g_assert_true (memcmp (g_bytes_get_data (secret, NULL), good, strlen (good) - 1) == 0);
  }

  /* A folder is not a secret. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *sub = g_build_filename (folder, "sub", NULL);

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    g_assert_null (xf_portal_guard_load_secret (sub, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "sub"));
  }

  remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/portal-guard/visitor/round-trip", test_visitor_round_trip);
  g_test_add_func ("/core/portal-guard/visitor/forged", test_visitor_forged);
  g_test_add_func ("/core/portal-guard/visitor/key", test_visitor_key);
  g_test_add_func ("/core/portal-guard/csrf", test_csrf);
  g_test_add_func ("/core/portal-guard/access", test_access);
  g_test_add_func ("/core/portal-guard/rate/burst", test_rate_burst);
  g_test_add_func ("/core/portal-guard/rate/disabled", test_rate_disabled);
  g_test_add_func ("/core/portal-guard/rate/table-bound", test_rate_table_bound);
  g_test_add_func ("/core/portal-guard/bots", test_bots);
  g_test_add_func ("/core/portal-guard/secret/created", test_secret_created);
  g_test_add_func ("/core/portal-guard/secret/refused", test_secret_refused);

  return g_test_run ();
}
