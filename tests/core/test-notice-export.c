/* test-notice-export.c — a notice as JSON and HTML for the website
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-notice-export.h"
#include "xf-test-files.h"

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static XfNoticeCandidate *
candidate_new (int         position,
               const char *name,
               const char *gender,
               const char *summary)
{
  XfNoticeCandidate *candidate = g_new0 (XfNoticeCandidate, 1);

  candidate->nomination_id = 40 + position;
  candidate->position = position;
  candidate->name = g_strdup (name);
  candidate->gender = g_strdup (gender);
  candidate->unit = g_strdup ("德清县精工机械有限公司");
  candidate->honour = g_strdup ("德清工匠");
  candidate->summary = g_strdup (summary);
  /* What the board knows but a public export must not show. */
  candidate->result = g_strdup ("held-result-marker");
  candidate->stage = g_strdup ("stage-marker");
  candidate->open_objections = 2;
  return candidate;
}

static XfNotice *
make_notice (void)
{
  XfNotice *notice = xf_notice_new ();

  notice->id = 12;
  set (&notice->uid, "c0ffee00-0000-4000-8000-000000000012");
  set (&notice->title, "关于2026年度“德清工匠”拟表彰人选的公示 & 说明");
  set (&notice->organisation_name, "德清县总工会");
  set (&notice->campaign_title, "2026年度德清工匠");
  set (&notice->campaign_level, "county");
  notice->campaign_year = 2026;
  set (&notice->preamble, "经推荐、初审和复审，现予公示。\n如有异议，请与我们联系。");
  set (&notice->status, XF_NOTICE_PUBLISHED);
  notice->revision = 2;
  notice->revision_of = 11;
  notice->period_days = 7;
  set (&notice->starts_on, "2026-09-28");
  set (&notice->ends_on, "2026-10-12");
  set (&notice->published_on, "2026-09-27");
  set (&notice->published_by, "clerk-login-marker");
  set (&notice->contact_phone, "0572-8012345");
  set (&notice->contact_address, "德清县武康街道 <总工会>");
  set (&notice->contact_mailbox, "dq@example.cn");
  notice->n_objections = 3;
  notice->n_open_objections = 1;

  g_ptr_array_add (notice->candidates,
                   candidate_new (1, "沈建国", "male", "三十年钻研精密加工。"));
  g_ptr_array_add (notice->candidates,
                   candidate_new (2, "<script>alert('x')</script>", "female",
                                  "A & B \"quoted\" <b>not bold</b>"));
  g_ptr_array_add (notice->candidates,
                   candidate_new (3, "精工车间", "", "先进集体。"));
  return notice;
}

static void
test_json (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autoptr(JsonNode) root = xf_notice_to_json (notice);
  g_autofree char *period = xf_notice_format_period (notice);
  JsonObject *object, *campaign, *period_object, *contact, *first;
  JsonArray *candidates;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==,
                   "c0ffee00-0000-4000-8000-000000000012");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, notice->title);
  g_assert_cmpstr (json_object_get_string_member (object, "publisher"), ==, "德清县总工会");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "published");
  g_assert_cmpint (json_object_get_int_member (object, "revision"), ==, 2);
  /* Only ids are known here: null, not a made-up uid. */
  g_assert_true (json_object_get_null_member (object, "corrects"));
  g_assert_true (json_object_get_null_member (object, "follows"));
  g_assert_cmpstr (json_object_get_string_member (object, "published_on"), ==, "2026-09-27");
  g_assert_cmpstr (json_object_get_string_member (object, "preamble"), ==, notice->preamble);

  campaign = json_object_get_object_member (object, "campaign");
  g_assert_cmpstr (json_object_get_string_member (campaign, "title"), ==, "2026年度德清工匠");
  g_assert_cmpstr (json_object_get_string_member (campaign, "level"), ==, "county");
  g_assert_cmpint (json_object_get_int_member (campaign, "year"), ==, 2026);

  period_object = json_object_get_object_member (object, "period");
  g_assert_cmpint (json_object_get_int_member (period_object, "working_days"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (period_object, "starts_on"), ==, "2026-09-28");
  g_assert_cmpstr (json_object_get_string_member (period_object, "ends_on"), ==, "2026-10-12");
  g_assert_nonnull (period);
  g_assert_cmpstr (json_object_get_string_member (period_object, "text"), ==, period);
  g_assert_nonnull (strstr (period, "12 October 2026"));

  contact = json_object_get_object_member (object, "contact");
  g_assert_cmpstr (json_object_get_string_member (contact, "phone"), ==, "0572-8012345");
  g_assert_cmpstr (json_object_get_string_member (contact, "address"), ==, "德清县武康街道 <总工会>");
  g_assert_cmpstr (json_object_get_string_member (contact, "mailbox"), ==, "dq@example.cn");

  candidates = json_object_get_array_member (object, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 3);
  first = json_array_get_object_element (candidates, 0);
  g_assert_cmpint (json_object_get_int_member (first, "position"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "沈建国");
  g_assert_cmpstr (json_object_get_string_member (first, "gender"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (first, "unit"), ==, "德清县精工机械有限公司");
  g_assert_cmpstr (json_object_get_string_member (first, "honour"), ==, "德清工匠");
  g_assert_cmpstr (json_object_get_string_member (first, "summary"), ==, "三十年钻研精密加工。");
  g_assert_cmpuint (json_object_get_size (first), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (candidates, 1),
                                                  "name"), ==, "<script>alert('x')</script>");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (candidates, 2),
                                                  "gender"), ==, "");

  /* Without a portal's address, no page on it. */
  g_assert_true (json_object_get_null_member (object, "portal_url"));

  /* Exactly the documented members: nothing about objections or people. */
  g_assert_cmpuint (json_object_get_size (object), ==, 14);
  g_assert_false (json_object_has_member (object, "objections"));
  g_assert_false (json_object_has_member (object, "published_by"));
}

static void
test_json_links (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  root = xf_notice_to_json_with_links (notice, "uid-of-11", "uid-of-first", NULL);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "corrects"), ==, "uid-of-11");
  /* It follows no notice: the uid given is not used. */
  g_assert_true (json_object_get_null_member (object, "follows"));
  g_clear_pointer (&root, json_node_unref);

  notice->follows = 9;
  root = xf_notice_to_json_with_links (notice, NULL, "uid-of-first", NULL);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_null_member (object, "corrects"));
  g_assert_cmpstr (json_object_get_string_member (object, "follows"), ==, "uid-of-first");
  g_assert_true (json_object_get_null_member (object, "portal_url"));
  g_clear_pointer (&root, json_node_unref);

  /* The notice's page on the portal, where objections may be raised. */
  root = xf_notice_to_json_with_links (notice, NULL, NULL, " https://xianfeng.example.org ");
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "portal_url"), ==,
                   "https://xianfeng.example.org/notices/12");
  g_clear_pointer (&root, json_node_unref);

  /* Withdrawn: the portal has no page for it. */
  set (&notice->status, XF_NOTICE_WITHDRAWN);
  root = xf_notice_to_json_with_links (notice, NULL, NULL, "https://xianfeng.example.org/");
  object = json_node_get_object (root);
  g_assert_true (json_object_get_null_member (object, "portal_url"));
}

static void
test_portal_url (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  const struct { const char *base; const char *status; gint64 id; const char *expected; } cases[] = {
    { "https://xianfeng.example.org/", XF_NOTICE_PUBLISHED, 12, "https://xianfeng.example.org/notices/12" },
    { "https://xianfeng.example.org/p/", XF_NOTICE_CLOSED, 12, "https://xianfeng.example.org/notices/12" },
    { "http://127.0.0.1:8080", XF_NOTICE_DRAFT, 3, "http://127.0.0.1:8080/notices/3" },
    { "https://hz.example.cn/xf/card?id=", XF_NOTICE_PUBLISHED, 12, "https://hz.example.cn/xf/notices/12" },
    { NULL, XF_NOTICE_PUBLISHED, 12, NULL },
    { "", XF_NOTICE_PUBLISHED, 12, NULL },
    { "javascript:alert(1)", XF_NOTICE_PUBLISHED, 12, NULL },
    { "https://xianfeng.example.org/", XF_NOTICE_WITHDRAWN, 12, NULL },
    { "https://xianfeng.example.org/", XF_NOTICE_PUBLISHED, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = NULL;

      set (&notice->status, cases[i].status);
      notice->id = cases[i].id;
      url = xf_notice_dup_portal_url (notice, cases[i].base);
      g_assert_cmpstr (url, ==, cases[i].expected);
    }
}

static void
test_json_draft (void)
{
  g_autoptr(XfNotice) notice = xf_notice_new ();
  g_autoptr(JsonNode) root = xf_notice_to_json (notice);
  JsonObject *object = json_node_get_object (root);
  JsonObject *period = json_object_get_object_member (object, "period");

  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (period, "working_days"), ==, XF_NOTICE_DEFAULT_PERIOD_DAYS);
  g_assert_true (json_object_get_null_member (period, "starts_on"));
  g_assert_true (json_object_get_null_member (period, "text"));
  g_assert_true (json_object_get_null_member (object, "published_on"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "candidates")), ==, 0);
}

static void
test_html (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autofree char *html = xf_notice_to_html (notice, NULL);
  g_autofree char *period = xf_notice_format_period (notice);
  g_autofree char *escaped_period = g_markup_escape_text (period, -1);
  g_autofree char *date = xf_notice_format_date ("2026-09-27");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (html, "<style>"));

  /* Every value escaped: the only script is none at all. */
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
  g_assert_null (strstr (html, "<b>not bold</b>"));
  g_assert_nonnull (strstr (html, "A &amp; B &quot;quoted&quot; &lt;b&gt;not bold&lt;/b&gt;"));
  g_assert_nonnull (strstr (html, "<title>关于2026年度“德清工匠”拟表彰人选的公示 &amp; 说明</title>"));
  g_assert_nonnull (strstr (html, "德清县武康街道 &lt;总工会&gt;"));

  /* The content of the printed notice. */
  g_assert_nonnull (strstr (html, "<p class=\"publisher\">德清县总工会</p>"));
  g_assert_nonnull (strstr (html, "<p>经推荐、初审和复审，现予公示。</p>"));
  g_assert_nonnull (strstr (html, "<p>如有异议，请与我们联系。</p>"));
  g_assert_nonnull (strstr (html, "<th>Summary of deeds</th>"));
  g_assert_nonnull (strstr (html, "<td class=\"c\">沈建国</td><td class=\"c\">Male</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"c\">精工车间</td><td class=\"c\"></td>"));
  g_assert_nonnull (strstr (html, escaped_period));
  g_assert_nonnull (strstr (html, "28 September 2026"));
  g_assert_nonnull (strstr (html, "0572-8012345"));
  g_assert_nonnull (strstr (html, "Contact for objections"));
  g_assert_nonnull (strstr (html, "revision 2"));
  g_assert_nonnull (strstr (html, date));
  g_assert_null (strstr (html, "DRAFT"));

  /* Nothing the public should not see. */
  g_assert_null (strstr (html, "marker"));
  g_assert_null (strstr (html, "bjection:"));

  /* No portal's address: no online line. */
  g_assert_null (strstr (html, "Online"));
  g_assert_null (strstr (html, "notices/12"));
}

static void
test_html_portal (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autofree char *html = xf_notice_to_html (notice, "https://xianfeng.example.org/?a=1&id=");
  g_autofree char *plain = xf_notice_to_html (notice, NULL);
  const char *line = "<p><strong>Online</strong>: <a class=\"portal\" "
                     "href=\"https://xianfeng.example.org/notices/12\">"
                     "https://xianfeng.example.org/notices/12</a></p>\n";
  const char *at;

  /* After the other contacts, before the signature. */
  at = strstr (html, line);
  g_assert_nonnull (at);
  g_assert_true (strstr (html, "dq@example.cn") < at);
  g_assert_true (at < strstr (html, "<footer"));

  /* Apart from that line, the same page. */
  {
    g_autoptr(GString) without = g_string_new (html);

    g_string_erase (without, at - html, strlen (line));
    g_assert_cmpstr (without->str, ==, plain);
  }
}

static void
test_html_draft (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autofree char *html = NULL;

  set (&notice->status, XF_NOTICE_DRAFT);
  g_clear_pointer (&notice->starts_on, g_free);
  g_clear_pointer (&notice->ends_on, g_free);
  g_clear_pointer (&notice->published_on, g_free);
  html = xf_notice_to_html (notice, NULL);
  g_assert_nonnull (strstr (html, "DRAFT — not published"));
  g_assert_nonnull (strstr (html, "7 working days from the day it is published"));
  g_assert_null (strstr (html, "<time"));
}

static void
test_files (void)
{
  g_autoptr(XfNotice) notice = make_notice ();
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *json_path = g_build_filename (dir, "notice.json", NULL);
  g_autofree char *html_path = g_build_filename (dir, "notice.html", NULL);
  g_autofree char *html = NULL;
  g_autofree char *expected = xf_notice_to_html (notice, "http://127.0.0.1:8080/");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_true (xf_notice_write_json (notice, "http://127.0.0.1:8080/", json_path, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, notice->title);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "candidates")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "portal_url"), ==,
                   "http://127.0.0.1:8080/notices/12");

  g_assert_true (xf_notice_write_html (notice, "http://127.0.0.1:8080/", html_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, &error));
  g_assert_cmpstr (html, ==, expected);
  g_assert_nonnull (strstr (html, "href=\"http://127.0.0.1:8080/notices/12\""));

  g_assert_false (xf_notice_write_json (notice, NULL, "/nonexistent/notice.json", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/notice.json"));
  g_clear_error (&error);
  g_assert_false (xf_notice_write_html (notice, NULL, "/nonexistent/notice.html", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);

  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/notice-export/json", test_json);
  g_test_add_func ("/core/notice-export/json-links", test_json_links);
  g_test_add_func ("/core/notice-export/json-draft", test_json_draft);
  g_test_add_func ("/core/notice-export/html", test_html);
  g_test_add_func ("/core/notice-export/html-draft", test_html_draft);
  g_test_add_func ("/core/notice-export/html-portal", test_html_portal);
  g_test_add_func ("/core/notice-export/portal-url", test_portal_url);
  g_test_add_func ("/core/notice-export/files", test_files);

  return g_test_run ();
}
