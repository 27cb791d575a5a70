/* test-portal-pages-notices.c — public notices and objections, through
 *                               the router
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "xf-evaluation.h"
#include "xf-notice-board.h"
#include "xf-test-evaluation.h"
#include "xf-test-portal.h"

/*
 * "Today" is Monday 9 March 2026 (no holidays that month). A county
 * campaign has two candidates, 张明 and 李华, in a notice published today
 * (five working days: to Friday 13 March).
 */

typedef struct
{
  XfTestPortal  *tp;
  XfEvaluation  *evaluation;   /* the local administrator's */
  XfNoticeBoard *board;
  gint64         campaign;
  gint64         zhang;        /* nominations */
  gint64         li;
  gint64         notice;
  char          *path;         /* "/notices/ID" */
  char          *post_path;    /* "/notices/ID/objections" */
} NoticesFixture;

static gint64
in_notice (NoticesFixture *fixture,
           const char     *name)
{
  gint64 pioneer = xf_test_add_candidate (fixture->evaluation, name, "德清县机械厂", "330521001");
  gint64 id = xf_test_submit (fixture->evaluation, fixture->campaign, pioneer, "德清县总工会");

  xf_test_to_committee (fixture->evaluation, id);
  xf_test_select_for_notice (fixture->evaluation, id);
  return id;
}

static void
fixture_set_up (NoticesFixture *fixture,
                gconstpointer   data)
{
  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);
  fixture->tp = xf_test_portal_new ();
  fixture->evaluation = xf_test_evaluation_new (fixture->tp->store, NULL);
  fixture->board = xf_notice_board_new (fixture->evaluation);
  fixture->campaign = xf_test_add_campaign (fixture->evaluation, "county", 10);
  fixture->zhang = in_notice (fixture, "张明");
  fixture->li = in_notice (fixture, "李华");
  if (data == NULL)
    {
      fixture->notice = xf_test_publish_notice (fixture->evaluation, fixture->campaign);
      fixture->path = g_strdup_printf ("/notices/%" G_GINT64_FORMAT, fixture->notice);
      fixture->post_path = g_strdup_printf ("/notices/%" G_GINT64_FORMAT "/objections",
                                            fixture->notice);
    }
}

static void
fixture_tear_down (NoticesFixture *fixture,
                   gconstpointer   data)
{
  g_clear_object (&fixture->board);
  g_clear_object (&fixture->evaluation);
  g_clear_pointer (&fixture->tp, xf_test_portal_free);
  g_free (fixture->path);
  g_free (fixture->post_path);
  g_unsetenv ("XIANFENG_TODAY");
}

static gint64
count_objections (NoticesFixture *fixture)
{
  return xf_test_query_int64 (fixture->tp->store, "SELECT count(*) FROM objections");
}

static gint64
count_objection_files (NoticesFixture *fixture)
{
  return xf_test_query_int64 (fixture->tp->store, "SELECT count(*) FROM objection_files");
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
csrf_of (NoticesFixture *fixture)
{
  return xf_test_portal_page_csrf (fixture->tp, fixture->path);
}

static GPtrArray *
register_of (NoticesFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *objections = xf_notice_board_list_objections (fixture->board, fixture->notice, FALSE,
                                                           &error);

  g_assert_no_error (error);
  g_assert_nonnull (objections);
  return objections;
}

/*
 * Reading
 */

static void
test_notices_list (NoticesFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, "/notices?lang=en");
  g_autoptr(XfNotice) notice = xf_notice_board_get_notice (fixture->board, fixture->notice, NULL);
  g_autofree char *href = g_strdup_printf ("<a href=\"%s\"", fixture->path);
  g_autofree char *title = g_markup_escape_text (notice->title, -1);

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<ul id=\"notices\"");
  xf_test_portal_assert_contains (page, href);
  xf_test_portal_assert_contains (page, title);
  xf_test_portal_assert_contains (page, "4 working days left");
  xf_test_portal_assert_contains (page, "13 March 2026");
}

static void
test_notices_list_empty (NoticesFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft = xf_notice_board_create (fixture->board, fixture->campaign, &error);

  /* A draft is not public. */
  g_assert_no_error (error);
  g_assert_cmpint (draft, >, 0);
  page = xf_test_portal_get (fixture->tp, "/notices?lang=en");
  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "id=\"notices-empty\"");
  xf_test_portal_assert_not_contains (page, "<ul id=\"notices\"");

  {
    g_autofree char *path = g_strdup_printf ("/notices/%" G_GINT64_FORMAT, draft);
    g_autoptr(XfPortalResponse) draft_page = xf_test_portal_get (fixture->tp, path);

    g_assert_cmpuint (draft_page->status, ==, 404);
  }
}

static void
test_notice_page (NoticesFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *path = g_strconcat (fixture->path, "?lang=en", NULL);
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, path);
  g_autoptr(XfNotice) notice = xf_notice_board_get_notice (fixture->board, fixture->notice, NULL);
  g_autofree char *action = g_strdup_printf ("<form id=\"objection-form\" class=\"form\" "
                                             "method=\"post\" action=\"%s\" "
                                             "enctype=\"multipart/form-data\">",
                                             fixture->post_path);
  g_autofree char *zhang = id_text (fixture->zhang);
  g_autofree char *option = g_strdup_printf ("<option value=\"%s\">张明 (德清县机械厂)</option>", zhang);
  g_autofree char *title = g_markup_escape_text (notice->title, -1);
  g_autofree char *phone = g_markup_escape_text (notice->contact_phone, -1);
  g_autofree char *body = xf_test_portal_body (page);
  const char *table;

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, title);
  xf_test_portal_assert_contains (page, "From 9 March 2026 to 13 March 2026");
  table = strstr (body, "<table id=\"candidates\"");
  g_assert_nonnull (table);
  g_assert_nonnull (strstr (table, "张明"));
  g_assert_nonnull (strstr (table, "李华"));
  g_assert_nonnull (strstr (table, "德清县机械厂"));
  g_assert_true (strstr (table, "张明") < strstr (table, "李华"));
  /* The campaign's honour, shared by both, said once above them. */
  {
    g_autofree char *honour = g_strdup_printf ("<p class=\"meta\" id=\"candidates-honour\">"
                                               "Honour: %s</p>",
                                               notice->campaign_title);

    xf_test_portal_assert_contains (page, honour);
    g_assert_null (strstr (table, notice->campaign_title));
  }
  xf_test_portal_assert_contains (page, "id=\"invitation\"");
  xf_test_portal_assert_contains (page, "id=\"contacts\"");
  xf_test_portal_assert_contains (page, phone);

  /* The form, open today. */
  xf_test_portal_assert_contains (page, action);
  xf_test_portal_assert_contains (page, option);
  xf_test_portal_assert_contains (page, "name=\"anonymous\" value=\"1\"");
  xf_test_portal_assert_contains (page, "name=\"name\"");
  xf_test_portal_assert_contains (page, "name=\"contact\"");
  xf_test_portal_assert_contains (page, "name=\"grounds\"");
  xf_test_portal_assert_contains (page, "type=\"file\" id=\"file\" name=\"file\"");
  xf_test_portal_assert_contains (page, "id=\"contact-private\"");
  xf_test_portal_assert_contains (page, "never shown on this site");
  xf_test_portal_assert_contains (page, "<h2>Candidates</h2>");
  xf_test_portal_assert_contains (page, "Raise an objection");
  {
    g_autofree char *csrf = xf_test_portal_csrf (page);

    g_assert_nonnull (csrf);
    g_assert_cmpuint (strlen (csrf), >, 8);
  }
  /* The candidates' birth dates are never shown. */
  xf_test_portal_assert_not_contains (page, "1980-05-01");
}

static void
test_notice_unknown (NoticesFixture *fixture,
                     gconstpointer   data)
{
  const char *paths[] = { "/notices/999999", "/notices/abc", "/notices/0", "/notices/-1",
                          "/notices/1e3", "/notices/99999999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, paths[i]);

      g_test_message ("%s", paths[i]);
      g_assert_cmpuint (page->status, ==, 404);
    }
}

static void
test_notice_closed (NoticesFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(XfPortalResponse) post = NULL;
  g_autofree char *csrf = csrf_of (fixture);
  g_autofree char *zhang = id_text (fixture->zhang);

  xf_test_end_notice (fixture->evaluation, fixture->notice);
  page = xf_test_portal_get (fixture->tp, fixture->path);
  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<table id=\"candidates\"");
  xf_test_portal_assert_contains (page, "id=\"objection-closed\"");
  xf_test_portal_assert_not_contains (page, "id=\"objection-form\"");

  post = xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf,
                              "candidate", zhang, "name", "王五", "grounds", "事迹不实。", NULL);
  g_assert_cmpuint (post->status, ==, 422);
  xf_test_portal_assert_contains (post, "id=\"form-error\"");
  g_assert_cmpint (count_objections (fixture), ==, 0);
}

/*
 * Objections
 */

static void
test_objection_named (NoticesFixture *fixture,
                      gconstpointer   data)
{
  g_autofree char *csrf = csrf_of (fixture);
  g_autofree char *zhang = id_text (fixture->zhang);
  g_autoptr(XfPortalResponse) post = NULL;
  g_autoptr(XfPortalResponse) page = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autofree char *result = NULL;
  g_autofree char *prefix = g_strconcat (fixture->path, "?objection=", NULL);
  const XfObjection *objection;
  const char *location;

  post = xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf,
                              "candidate", zhang, "name", "王五", "contact", "13700137000",
                              "grounds", "申报的技术革新项目并非本人完成。", NULL);
  g_assert_cmpuint (post->status, ==, 303);
  location = xf_portal_response_get_header (post, "Location");
  g_assert_true (g_str_has_prefix (location, prefix));
  g_assert_cmpuint (strlen (location + strlen (prefix)), >=, 8);

  /* In the notice's register, as if recorded at a desk, channel portal. */
  objections = register_of (fixture);
  g_assert_cmpuint (objections->len, ==, 1);
  objection = g_ptr_array_index (objections, 0);
  g_assert_cmpint (objection->nomination_id, ==, fixture->zhang);
  g_assert_cmpstr (objection->channel, ==, "portal");
  g_assert_false (objection->anonymous);
  g_assert_cmpstr (objection->objector_name, ==, "王五");
  g_assert_cmpstr (objection->grounds, ==, "申报的技术革新项目并非本人完成。");
  g_assert_cmpstr (objection->received_on, ==, "2026-03-09");
  g_assert_cmpstr (objection->status, ==, XF_OBJECTION_OPEN);
  g_assert_true (g_ascii_strncasecmp (objection->uid, location + strlen (prefix), 8) == 0);

  /* The page shows the reference, and never the contact given. */
  page = xf_test_portal_get (fixture->tp, location);
  g_assert_cmpuint (page->status, ==, 200);
  result = g_strdup_printf ("id=\"objection-result\" class=\"reference\">%s</p>",
                            location + strlen (prefix));
  xf_test_portal_assert_contains (page, result);
  xf_test_portal_assert_not_contains (page, "13700137000");
}

static void
test_objection_anonymous_with_file (NoticesFixture *fixture,
                                    gconstpointer   data)
{
  g_autofree char *csrf = csrf_of (fixture);
  g_autofree char *li = id_text (fixture->li);
  g_autoptr(GBytes) file = g_bytes_new_static ("%PDF-1.4 evidence", 17);
  g_autoptr(XfPortalResponse) post = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(XfObjection) full = NULL;
  g_autoptr(GError) error = NULL;
  const XfObjection *objection;

  post = xf_test_portal_post_file (fixture->tp, fixture->post_path,
                                   "C:\\fakepath\\evidence.pdf", "application/pdf",
                                   file, "csrf", csrf, "candidate", li, "anonymous", "1",
                                   "name", "", "grounds", "该集体的获奖材料有误。", NULL);
  g_assert_cmpuint (post->status, ==, 303);

  objections = register_of (fixture);
  g_assert_cmpuint (objections->len, ==, 1);
  objection = g_ptr_array_index (objections, 0);
  g_assert_cmpint (objection->nomination_id, ==, fixture->li);
  g_assert_cmpstr (objection->channel, ==, "portal");
  g_assert_true (objection->anonymous);
  g_assert_cmpstr (objection->objector_name, ==, "");

  full = xf_notice_board_get_objection (fixture->board, objection->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (full->files->len, ==, 1);
  g_assert_cmpstr (((XfObjectionFile *) g_ptr_array_index (full->files, 0))->file_name, ==,
                   "evidence.pdf");
  g_assert_cmpint (((XfObjectionFile *) g_ptr_array_index (full->files, 0))->size, ==, 17);
}

/* Posts a bad form: 422, the form again, the error under @field, nothing stored. */
static XfPortalResponse *
assert_refused (NoticesFixture *fixture,
                const char     *field,
                XfPortalResponse *post)
{
  g_autofree char *error_id = g_strdup_printf ("<p class=\"field-error\" id=\"error-%s\">", field);

  g_assert_cmpuint (post->status, ==, 422);
  xf_test_portal_assert_contains (post, "id=\"objection-form\"");
  xf_test_portal_assert_contains (post, error_id);
  g_assert_cmpint (count_objections (fixture), ==, 0);
  g_assert_cmpint (count_objection_files (fixture), ==, 0);
  return post;
}

static void
test_objection_bad_forms (NoticesFixture *fixture,
                          gconstpointer   data)
{
  g_autofree char *csrf = csrf_of (fixture);
  g_autofree char *zhang = id_text (fixture->zhang);
  g_autofree char *other = id_text (fixture->li + 1000);
  gint64 audit = xf_test_count_audit (fixture->tp->store);

  /* No grounds. */
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf, "candidate", zhang,
                           "name", "王五", "contact", "13700137000", "grounds", "  \n ", NULL);

    assert_refused (fixture, "grounds", post);
    /* The values are kept (the contact too: it is the visitor's own). */
    xf_test_portal_assert_contains (post, "value=\"王五\"");
    xf_test_portal_assert_contains (post, "value=\"13700137000\"");
    {
      g_autofree char *selected = g_strdup_printf ("<option value=\"%s\" selected>", zhang);

      xf_test_portal_assert_contains (post, selected);
    }
  }
  /* Not anonymous and no name; the grounds kept, escaped. */
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf, "candidate", zhang,
                           "grounds", "<script>alert(1)</script> 不实", NULL);

    assert_refused (fixture, "name", post);
    xf_test_portal_assert_contains (post, "&lt;script&gt;alert(1)&lt;/script&gt; 不实</textarea>");
    xf_test_portal_assert_not_contains (post, "<script>");
  }
  /* A candidate not on the notice, or no number at all. */
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf, "candidate", other,
                           "name", "王五", "grounds", "事迹不实。", NULL);

    assert_refused (fixture, "candidate", post);
  }
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf, "candidate", "x1",
                           "name", "王五", "grounds", "事迹不实。", NULL);

    assert_refused (fixture, "candidate", post);
  }
  /* Grounds too long: core's rule, mapped to the field by its label. */
  {
    g_autoptr(GString) grounds = g_string_new (NULL);
    g_autoptr(XfPortalResponse) post = NULL;

    for (guint i = 0; i < 5001; i++)
      g_string_append (grounds, "不");
    post = xf_test_portal_post (fixture->tp, fixture->post_path, "csrf", csrf, "candidate", zhang,
                                "name", "王五", "grounds", grounds->str, NULL);
    assert_refused (fixture, "grounds", post);
  }
  /* A file over the limit. */
  {
    gsize size = XF_MATERIAL_MAX_SIZE + 1;
    g_autoptr(GBytes) file = g_bytes_new_take (g_malloc0 (size), size);
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post_file (fixture->tp, fixture->post_path, "big.pdf", "application/pdf", file,
                                "csrf", csrf, "candidate", zhang, "name", "王五",
                                "grounds", "事迹不实。", NULL);

    assert_refused (fixture, "file", post);
  }
  /* Without the token: refused before the handler. */
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, fixture->post_path, "candidate", zhang,
                           "name", "王五", "grounds", "事迹不实。", NULL);

    g_assert_cmpuint (post->status, ==, 403);
  }
  /* An unknown notice. */
  {
    g_autoptr(XfPortalResponse) post =
      xf_test_portal_post (fixture->tp, "/notices/999999/objections", "csrf", csrf,
                           "candidate", zhang, "name", "王五", "grounds", "事迹不实。", NULL);

    g_assert_cmpuint (post->status, ==, 404);
  }

  g_assert_cmpint (count_objections (fixture), ==, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->tp->store), ==, audit);
}

static void
test_notice_english (NoticesFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *path = g_strconcat (fixture->path, "?lang=en", NULL);
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (fixture->tp, path);
  g_autoptr(XfPortalResponse) list = xf_test_portal_get (fixture->tp, "/notices");

  g_assert_cmpuint (page->status, ==, 200);
  xf_test_portal_assert_contains (page, "<h2>Candidates</h2>");
  xf_test_portal_assert_contains (page, "<h2>Objections</h2>");
  xf_test_portal_assert_contains (page, ">Submit the objection</button>");
  /* The language is remembered. */
  xf_test_portal_assert_contains (list, "<h1>Public notices</h1>");
}

#define add_notices_test(path, func) \
  g_test_add ("/portal/pages/notices/" path, NoticesFixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_notices_test ("list", test_notices_list);
  g_test_add ("/portal/pages/notices/list-empty", NoticesFixture, "no notice", fixture_set_up,
              test_notices_list_empty, fixture_tear_down);
  add_notices_test ("page", test_notice_page);
  add_notices_test ("unknown", test_notice_unknown);
  add_notices_test ("closed", test_notice_closed);
  add_notices_test ("objection-named", test_objection_named);
  add_notices_test ("objection-anonymous-file", test_objection_anonymous_with_file);
  add_notices_test ("objection-bad-forms", test_objection_bad_forms);
  add_notices_test ("english", test_notice_english);

  return g_test_run ();
}
