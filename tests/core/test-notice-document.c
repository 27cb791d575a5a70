/* test-notice-document.c — the printed notice: pages, text, PDF and PNG
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "xf-error.h"
#include "xf-notice-document.h"
#include "xf-test-files.h"

/*
 * Notices are built by hand (no database). The PDF's text is read back
 * with pdftotext (poppler-utils); tests that need it skip without it.
 */

#define ORGANISATION "湖州市总工会"
#define TITLE        "关于2026年度湖州市劳动模范拟表彰人选的公示"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
};
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋" };

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* "S007" … "E007" around each summary show whether a row was split. */
static char *
candidate_name (guint i)
{
  return g_strdup_printf ("%s%s%s", surnames[i % G_N_ELEMENTS (surnames)],
                          given[(i / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (given)],
                          i % 3 == 0 ? "华" : "");
}

static XfNotice *
make_notice (guint       n_candidates,
             const char *status)
{
  XfNotice *notice = xf_notice_new ();

  notice->id = 7;
  set (&notice->uid, "notice-uid-7");
  set (&notice->title, TITLE);
  set (&notice->organisation_name, ORGANISATION);
  set (&notice->campaign_title, "2026年度湖州市劳动模范");
  set (&notice->campaign_level, "city");
  notice->campaign_year = 2026;
  set (&notice->preamble,
       "根据《湖州市劳动模范评选管理办法》，经基层推荐、初审、评审委员会复审，"
       "现将2026年度湖州市劳动模范拟表彰人选予以公示，接受社会监督。\n"
       "公示期间，如对拟表彰人选有异议，请以书面、电话或来访等形式反映。");
  set (&notice->status, status);
  notice->period_days = 5;
  set (&notice->contact_phone, "0572-2345678");
  set (&notice->contact_address, "湖州市吴兴区人民路88号 市总工会劳动经济部");
  set (&notice->contact_mailbox, "gonghui@example.cn");
  if (g_strcmp0 (status, XF_NOTICE_DRAFT) != 0)
    {
      set (&notice->starts_on, "2026-05-07");
      set (&notice->ends_on, "2026-05-13");
      set (&notice->published_on, "2026-05-07");
    }

  for (guint i = 0; i < n_candidates; i++)
    {
      XfNoticeCandidate *candidate = g_new0 (XfNoticeCandidate, 1);
      GString *summary = g_string_new (NULL);

      candidate->nomination_id = 100 + i;
      candidate->position = (int) i + 1;
      candidate->name = candidate_name (i);
      candidate->gender = g_strdup (i % 2 == 0 ? "male" : "female");
      candidate->unit = g_strdup_printf ("湖州市第%u机械制造有限公司", i % 7 + 1);
      candidate->honour = g_strdup ("湖州市劳动模范");
      g_string_append_printf (summary, "S%03u 扎根一线，", i + 1);
      /* Summaries of different lengths, some of several lines. */
      for (guint k = 0; k < i % 3; k++)
        g_string_append (summary, "主持技术攻关项目，带领班组完成关键零部件国产化，"
                                  "累计为企业节约成本三百余万元；");
      g_string_append_printf (summary, "获评省级技术能手。E%03u", i + 1);
      candidate->summary = g_string_free (summary, FALSE);
      g_ptr_array_add (notice->candidates, candidate);
    }
  return notice;
}

/* Everything but white space, so that text reads the same however
 * pdftotext spaced it. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The PDF's pages as text (squeezed), or NULL (test skipped) without
 * pdftotext. */
static GPtrArray *
pdf_pages (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *texts;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  const char *argv[] = { program, "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Pages end with a form feed. */
  pages = g_strsplit (out, "\f", -1);
  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL || *g_strstrip (pages[i]) != '\0')
      g_ptr_array_add (texts, squeeze (pages[i]));
  return texts;
}

static char *
write_pdf (XfNoticeDocument *document,
           const char       *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "notice.pdf", NULL);

  g_assert_true (xf_notice_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  return strstr (text, squeezed) != NULL;
}

static void
test_long_list (void)
{
  g_autoptr(XfNotice) notice = make_notice (120, XF_NOTICE_PUBLISHED);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, "https://xianfeng.example.org/p/");
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *pdf = write_pdf (document, dir);
  g_autoptr(GPtrArray) pages = pdf_pages (pdf);
  g_autofree char *period = xf_notice_format_period (notice);
  g_autofree char *date = xf_notice_format_date ("2026-05-07");
  g_autofree char *last_day = xf_notice_format_date ("2026-05-13");
  g_autofree char *squeezed_date = NULL;
  guint table_pages = 0;
  const char *last;

  /* $XIANFENG_TEST_NOTICE_OUTPUT keeps a copy to look at. */
  if (g_getenv ("XIANFENG_TEST_NOTICE_OUTPUT") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("XIANFENG_TEST_NOTICE_OUTPUT"),
                                                "notice-long.pdf", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (xf_notice_document_write_pdf (document, copy, &error));
      g_assert_no_error (error);
    }
  if (pages == NULL)
    goto out;

  /* The document was laid out on A4 for the PDF: the same page count. */
  g_assert_cmpint (xf_notice_document_get_n_pages (document), ==, (int) pages->len);
  g_assert_cmpuint (pages->len, >=, 4);

  /* Title and publisher on the first page; the heading on every page the
   * table is on; "Page N of M" on every page. */
  g_assert_true (contains (pages->pdata[0], TITLE));
  g_assert_true (contains (pages->pdata[0], ORGANISATION));
  for (guint p = 0; p < pages->len; p++)
    {
      const char *text = pages->pdata[p];
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, pages->len);

      g_assert_true (contains (text, footer));
      g_assert_false (contains (text, "DRAFT"));
      if (strstr (text, "S0") == NULL && strstr (text, "S1") == NULL)
        continue;
      table_pages++;
      g_assert_true (contains (text, "No."));
      g_assert_true (contains (text, "Name"));
      g_assert_true (contains (text, "Gender"));
      g_assert_true (contains (text, "Unit"));
      g_assert_true (contains (text, "Honour"));
      g_assert_true (contains (text, "Summary of deeds"));
    }
  g_assert_cmpuint (table_pages, >=, 3);

  /* Every candidate, each row whole on one page. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *start = g_strdup_printf ("S%03u", i + 1);
      g_autofree char *end = g_strdup_printf ("E%03u", i + 1);
      g_autofree char *name = candidate_name (i);
      int found = -1;

      for (guint p = 0; p < pages->len; p++)
        if (strstr (pages->pdata[p], start) != NULL)
          {
            g_assert_cmpint (found, ==, -1);
            found = (int) p;
          }
      g_assert_cmpint (found, >=, 0);
      g_assert_nonnull (strstr (pages->pdata[found], end));
      g_assert_true (contains (pages->pdata[found], name));
    }

  /* The period in dates, the contacts, publisher and date at the end. */
  last = pages->pdata[pages->len - 1];
  g_assert_nonnull (period);
  g_assert_true (contains (last, period) || contains (pages->pdata[pages->len - 2], period));
  g_assert_true (contains (pages->pdata[pages->len - 2], "7 May 2026") ||
                 contains (last, "7 May 2026"));
  g_assert_true (contains (last, last_day) || contains (pages->pdata[pages->len - 2], last_day));
  g_assert_true (contains (last, "gonghui@example.cn"));
  g_assert_true (contains (last, "0572-2345678"));
  /* The notice's page on the portal, with the contacts; an old card base
   * ("…/p/") gives the portal's root. */
  g_assert_true (contains (last, "Online: https://xianfeng.example.org/notices/7"));
  g_assert_true (strstr (last, "gonghui@example.cn") < strstr (last, "xianfeng.example.org/notices/7"));
  /* The signature: the publisher, then the date. */
  squeezed_date = squeeze (date);
  g_assert_nonnull (g_strrstr (last, ORGANISATION));
  g_assert_nonnull (g_strrstr (last, squeezed_date));
  g_assert_true (g_strrstr (last, ORGANISATION) < g_strrstr (last, squeezed_date));

out:
  xf_test_remove_dir (dir);
}

static void
test_draft_marked (void)
{
  g_autoptr(XfNotice) notice = make_notice (30, XF_NOTICE_DRAFT);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *pdf = write_pdf (document, dir);
  g_autoptr(GPtrArray) pages = pdf_pages (pdf);

  if (pages == NULL)
    goto out;

  g_assert_cmpuint (pages->len, >=, 2);
  g_assert_true (contains (pages->pdata[0], "DRAFT — not published"));
  for (guint p = 0; p < pages->len; p++)
    g_assert_true (contains (pages->pdata[p], "DRAFT"));
  /* No dates yet: the period in working days. */
  g_assert_true (contains (pages->pdata[pages->len - 1], "5 working days from the day it is published"));
  g_assert_null (strstr (pages->pdata[pages->len - 1], "May2026"));

out:
  xf_test_remove_dir (dir);
}

static void
test_empty (void)
{
  g_autoptr(XfNotice) notice = xf_notice_new ();
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *pdf = write_pdf (document, dir);
  g_autoptr(GPtrArray) pages = pdf_pages (pdf);

  g_assert_cmpint (xf_notice_document_get_n_pages (document), ==, 1);
  if (pages != NULL)
    {
      g_assert_cmpuint (pages->len, ==, 1);
      g_assert_true (contains (pages->pdata[0], "Public notice"));
      g_assert_true (contains (pages->pdata[0], "There are no candidates on this notice."));
      g_assert_true (contains (pages->pdata[0], "No contact has been given yet."));
    }
  xf_test_remove_dir (dir);
}

/* The text of @notice printed with @base, all pages run together. */
static char *
printed_text (const XfNotice *notice,
              const char     *base)
{
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, base);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *pdf = write_pdf (document, dir);
  g_autoptr(GPtrArray) pages = pdf_pages (pdf);
  GString *text = g_string_new (NULL);

  xf_test_remove_dir (dir);
  if (pages == NULL)
    return g_string_free (text, TRUE);
  for (guint p = 0; p < pages->len; p++)
    g_string_append (text, pages->pdata[p]);
  return g_string_free (text, FALSE);
}

static void
test_portal_link (void)
{
  g_autoptr(XfNotice) notice = make_notice (2, XF_NOTICE_PUBLISHED);
  g_autofree char *with = printed_text (notice, "http://10.0.0.5:8080/xf/");
  g_autofree char *without = NULL;
  g_autofree char *empty_base = NULL;
  g_autofree char *bad_base = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *withdrawn = NULL;
  g_autofree char *unsaved = NULL;
  g_autofree char *no_contacts = NULL;

  if (with == NULL)
    return;
  g_assert_true (contains (with, "Online: http://10.0.0.5:8080/xf/notices/7"));

  /* No base, an empty or a bad one: no line, and nothing else changes. */
  without = printed_text (notice, NULL);
  empty_base = printed_text (notice, "");
  bad_base = printed_text (notice, "ftp://10.0.0.5/");
  g_assert_null (strstr (without, "Online"));
  g_assert_null (strstr (without, "notices/7"));
  g_assert_cmpstr (empty_base, ==, without);
  g_assert_cmpstr (bad_base, ==, without);
  g_assert_true (contains (without, "0572-2345678"));

  /* A draft prints the page it will have; a withdrawn notice has none on
   * the portal, nor has a notice not yet saved. */
  set (&notice->status, XF_NOTICE_DRAFT);
  draft = printed_text (notice, "https://xianfeng.example.org/");
  g_assert_true (contains (draft, "Online: https://xianfeng.example.org/notices/7"));
  set (&notice->status, XF_NOTICE_WITHDRAWN);
  withdrawn = printed_text (notice, "https://xianfeng.example.org/");
  g_assert_null (strstr (withdrawn, "notices/7"));
  set (&notice->status, XF_NOTICE_PUBLISHED);
  notice->id = 0;
  unsaved = printed_text (notice, "https://xianfeng.example.org/");
  g_assert_null (strstr (unsaved, "Online"));

  /* The link is a contact: with it alone, the notice has one. */
  notice->id = 7;
  g_clear_pointer (&notice->contact_phone, g_free);
  g_clear_pointer (&notice->contact_address, g_free);
  g_clear_pointer (&notice->contact_mailbox, g_free);
  no_contacts = printed_text (notice, "https://xianfeng.example.org/");
  g_assert_true (contains (no_contacts, "Online: https://xianfeng.example.org/notices/7"));
  g_assert_false (contains (no_contacts, "No contact has been given yet."));
}

/* pdfinfo's "Name:   value" lines. */
static void
assert_info (const char *out,
             const char *name,
             const char *value)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (g_str_equal (lines[i], name))
        {
          g_assert_cmpstr (g_strstrip (colon + 1), ==, value);
          return;
        }
    }
  g_error ("pdfinfo gave no %s", name);
}

static void
test_metadata (void)
{
  g_autoptr(XfNotice) notice = make_notice (3, XF_NOTICE_PUBLISHED);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *pdf = write_pdf (document, dir);
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      xf_test_remove_dir (dir);
      return;
    }
  const char *argv[] = { program, "-enc", "UTF-8", pdf, NULL };
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  assert_info (out, "Title", TITLE);
  assert_info (out, "Author", ORGANISATION);
  assert_info (out, "Subject", "2026年度湖州市劳动模范");
  assert_info (out, "Creator", "Xianfeng " PACKAGE_VERSION);
  assert_info (out, "Pages", "1");
  /* A4 */
  g_assert_nonnull (strstr (out, "595.276 x 841.89 pts (A4)"));
  xf_test_remove_dir (dir);
}

static void
test_png (void)
{
  g_autoptr(XfNotice) notice = make_notice (40, XF_NOTICE_PUBLISHED);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  guint marked = 0;
  int stride;
  guchar *data;

  g_assert_true (xf_notice_document_write_png (document, 1, 0.5, png, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (XF_NOTICE_A4_WIDTH * 0.5));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (XF_NOTICE_A4_HEIGHT * 0.5));
  /* Something was drawn: text and rules on white. */
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if ((((guint32 *) (gpointer) (data + y * stride))[x] & 0xff) < 0xc0)
        marked++;
  g_assert_cmpuint (marked, >, 1000);
  cairo_surface_destroy (image);

  /* No such page. */
  g_assert_false (xf_notice_document_write_png (document, 99, 1.0, png, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  xf_test_remove_dir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(XfNotice) notice = make_notice (2, XF_NOTICE_PUBLISHED);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_notice_document_write_pdf (document, "/nonexistent/folder/notice.pdf", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/notice.pdf"));
  g_clear_error (&error);

  g_assert_false (xf_notice_document_write_png (document, 0, 1.0, "/nonexistent/page.png", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/page.png"));
}

/* As GtkPrintOperation does: paginate on the printer's page size (in
 * points), then draw page after page on its context. */
static void
test_print_sizes (void)
{
  g_autoptr(XfNotice) notice = make_notice (120, XF_NOTICE_PUBLISHED);
  g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, NULL);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  int a4, a5, letter;

  /* Nothing laid out yet. */
  g_assert_cmpint (xf_notice_document_get_n_pages (document), ==, 0);

  a4 = xf_notice_document_paginate (document, cr, XF_NOTICE_A4_WIDTH, XF_NOTICE_A4_HEIGHT);
  a5 = xf_notice_document_paginate (document, cr, 419.528, 595.276);
  g_assert_cmpint (a5, >, a4);
  g_assert_cmpint (xf_notice_document_get_n_pages (document), ==, a5);
  for (int page = 0; page < a5; page++)
    xf_notice_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Letter is wider and shorter than A4. */
  letter = xf_notice_document_paginate (document, cr, 612, 792);
  g_assert_cmpint (letter, >=, a4 - 1);
  g_assert_cmpint (letter, <=, a4 + 1);
  for (int page = 0; page < letter; page++)
    xf_notice_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/notice-document/long-list", test_long_list);
  g_test_add_func ("/core/notice-document/draft-marked", test_draft_marked);
  g_test_add_func ("/core/notice-document/empty", test_empty);
  g_test_add_func ("/core/notice-document/portal-link", test_portal_link);
  g_test_add_func ("/core/notice-document/metadata", test_metadata);
  g_test_add_func ("/core/notice-document/png", test_png);
  g_test_add_func ("/core/notice-document/unwritable", test_unwritable);
  g_test_add_func ("/core/notice-document/print-sizes", test_print_sizes);

  return g_test_run ();
}
