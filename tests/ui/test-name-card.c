/* test-name-card.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-honour.h"
#include "xf-name-card.h"
#include "xf-qr-code.h"
#include "xf-qr.h"
#include "xf-test-util.h"

#define UID "3f2a9c1e-7b44-4d0a-9e55-0c1d2e3f4a5b"
#define BASE "https://xianfeng.example.org/p/"

typedef struct
{
  GtkWindow  *window;
  XfNameCard *card;
  XfPioneer  *pioneer;
  GListStore *honours;
  char       *dir;
} CardFixture;

static void
append_honour (GListStore *store,
               const char *title,
               const char *level,
               int         year)
{
  g_autoptr(XfHonour) honour = xf_honour_new (title, level, year);

  g_list_store_append (store, honour);
}

static XfPioneer *
make_pioneer (const char *tier)
{
  XfPioneer *pioneer = xf_pioneer_new ("individual");

  g_object_set (pioneer,
                "uid", UID,
                "name", "沈建国",
                "tier", tier,
                "video", "https://video.example.org/shen-jianguo",
                NULL);
  xf_test_set_sample_story (pioneer);
  return pioneer;
}

static void
card_set_up (CardFixture   *fixture,
             gconstpointer  data)
{
  fixture->dir = xf_test_make_dir ();
  fixture->pioneer = make_pioneer ("national");
  fixture->honours = g_list_store_new (XF_TYPE_HONOUR);
  append_honour (fixture->honours, "全国劳动模范", "national", 2020);
  append_honour (fixture->honours, "浙江工匠", "provincial", 2018);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 560);
  fixture->card = XF_NAME_CARD (xf_name_card_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->card), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->card), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->card), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->card), 24);
  gtk_widget_set_valign (GTK_WIDGET (fixture->card), GTK_ALIGN_START);
  xf_name_card_set_base_url (fixture->card, BASE);
  xf_name_card_set_pioneer (fixture->card, fixture->pioneer);
  xf_name_card_set_honours (fixture->card, G_LIST_MODEL (fixture->honours));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->card));
  xf_test_show_window (fixture->window);
}

static void
card_tear_down (CardFixture   *fixture,
                gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->pioneer);
  g_clear_object (&fixture->honours);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_tier_classes (CardFixture   *fixture,
                   gconstpointer  data)
{
  const char *tiers[] = { "national", "provincial", "city", "county", "cultivation" };

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autofree char *css_class = g_strconcat ("tier-", tiers[i], NULL);
      GtkLabel *badge;

      g_object_set (fixture->pioneer, "tier", tiers[i], NULL);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->card), css_class));
      for (guint j = 0; j < G_N_ELEMENTS (tiers); j++)
        if (j != i)
          {
            g_autofree char *other = g_strconcat ("tier-", tiers[j], NULL);
            g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->card), other));
          }

      badge = GTK_LABEL (xf_test_template_child (fixture->card, XF_TYPE_NAME_CARD, "tier_badge"));
      g_assert_cmpstr (gtk_label_get_text (badge), ==, xf_tier_label (tiers[i]));
    }

  /* A fresh card for each tier gets its class from the start. */
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autoptr(XfPioneer) pioneer = make_pioneer (tiers[i]);
      g_autofree char *css_class = g_strconcat ("tier-", tiers[i], NULL);
      GtkWidget *card = g_object_ref_sink (xf_name_card_new ());

      xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
      g_assert_true (gtk_widget_has_css_class (card, css_class));
      g_object_unref (card);
    }
}

/* The alpha of @widget's pixel at (@x, @y) as drawn. */
static guint
alpha_at (GtkWidget *widget,
          int        x,
          int        y)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;

  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
  gdk_texture_download (texture, pixels, width * 4);
  return pixels[(y * width + x) * 4 + 3];
}

/* Only the card is coloured: outside its rounded corners, and around the
 * booking button beneath it, the window shows through. */
static void
test_no_tier_colour_around (CardFixture   *fixture,
                            gconstpointer  data)
{
  GtkWidget *card = GTK_WIDGET (fixture->card);
  GtkWidget *inner = xf_test_template_child (card, XF_TYPE_NAME_CARD, "card");
  GtkWidget *button = xf_test_template_child (card, XF_TYPE_NAME_CARD, "book_button");
  g_autoptr(GtkCssProvider) app_style = gtk_css_provider_new ();
  graphene_rect_t bounds;

  /* The application's style, as XfApplication loads it: it has the tier
   * pills' colours, on classes the card shares. */
  gtk_css_provider_load_from_resource (app_style, "/io/github/xianfeng/Xianfeng/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (app_style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_set_visible (button, TRUE);
  xf_test_iterate (100);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_compute_bounds (button, card, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, 2);
  g_assert_cmpfloat (bounds.origin.y, >, gtk_widget_get_height (inner));

  /* The card's body is opaque, its corner and the button's row are not. */
  g_assert_cmpuint (alpha_at (card, gtk_widget_get_width (card) / 2, 30), ==, 255);
  g_assert_cmpuint (alpha_at (card, 0, 0), <, 16);  /* the card's shadow, faintly */
  g_assert_cmpuint (alpha_at (card, 1, (int) (bounds.origin.y + bounds.size.height / 2)), ==, 0);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (app_style));
}

static void
test_qr_matches_link (CardFixture   *fixture,
                      gconstpointer  data)
{
  XfQrCode *qr = XF_QR_CODE (xf_test_template_child (fixture->card, XF_TYPE_NAME_CARD, "qr_code"));
  g_autofree char *link = xf_name_card_dup_public_link (fixture->card, NULL);
  g_autoptr(XfQrMatrix) expected = NULL;
  const XfQrMatrix *shown;
  int width;

  g_assert_cmpstr (link, ==, BASE UID);
  g_assert_cmpstr (xf_qr_code_get_text (qr), ==, link);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (qr)));

  expected = xf_qr_encode (link, NULL);
  shown = xf_qr_code_get_matrix (qr);
  g_assert_nonnull (shown);
  width = xf_qr_matrix_get_width (expected);
  g_assert_cmpint (xf_qr_matrix_get_width (shown), ==, width);
  for (int y = 0; y < width; y++)
    for (int x = 0; x < width; x++)
      g_assert_cmpint (xf_qr_matrix_get_module (shown, x, y), ==,
                       xf_qr_matrix_get_module (expected, x, y));

  /* The portal's root, as Preferences now ask for it: the same card page. */
  xf_name_card_set_base_url (fixture->card, "https://xianfeng.example.org");
  g_assert_cmpstr (xf_qr_code_get_text (qr), ==, BASE UID);

  /* Another base, another code. */
  xf_name_card_set_base_url (fixture->card, "https://hz.example.cn/card?id=");
  g_assert_cmpstr (xf_qr_code_get_text (qr), ==, "https://hz.example.cn/card?id=" UID);

  /* A bad base: no code, and copying the link is disabled. */
  xf_name_card_set_base_url (fixture->card, "ftp://nowhere/");
  g_assert_null (xf_qr_code_get_matrix (qr));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (qr))));
}

static void
test_public_link_from_settings (CardFixture   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autofree char *link = NULL;

  GtkWidget *qr_box = gtk_widget_get_parent (xf_test_template_child (fixture->card, XF_TYPE_NAME_CARD,
                                                                     "qr_code"));

  xf_name_card_set_base_url (fixture->card, NULL);
  /* The default: the portal's root, cards under p/. */
  g_settings_reset (settings, "public-base-url");
  link = xf_name_card_dup_public_link (fixture->card, NULL);
  g_assert_cmpstr (link, ==, "https://xianfeng.example.org/p/" UID);
  g_clear_pointer (&link, g_free);

  /* A portal under a folder. */
  g_settings_set_string (settings, "public-base-url", "https://demo.example.net/x");
  link = xf_name_card_dup_public_link (fixture->card, NULL);
  g_assert_cmpstr (link, ==, "https://demo.example.net/x/p/" UID);
  g_assert_true (gtk_widget_get_visible (qr_box));
  g_clear_pointer (&link, g_free);

  /* No portal: no link and no QR code. */
  g_settings_set_string (settings, "public-base-url", "");
  link = xf_name_card_dup_public_link (fixture->card, NULL);
  g_assert_null (link);
  g_assert_false (gtk_widget_get_visible (qr_box));
  g_settings_reset (settings, "public-base-url");
}

static gboolean
has_png_signature (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 8 && memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static void
test_save_png (CardFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "card.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *inner;
  GStatBuf st;

  g_assert_true (xf_name_card_save_png (fixture->card, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_true (has_png_signature (path));

  /* Drawn at twice the size on screen. */
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  inner = xf_test_template_child (fixture->card, XF_TYPE_NAME_CARD, "card");
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * gtk_widget_get_width (inner));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * gtk_widget_get_height (inner));

  xf_test_screenshot (GTK_WIDGET (fixture->window), "name-card");
}

static void
test_save_png_hidden_fails (void)
{
  g_autoptr(XfPioneer) pioneer = make_pioneer ("city");
  GtkWidget *card = g_object_ref_sink (xf_name_card_new ());
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "card.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
  g_assert_false (xf_name_card_save_png (XF_NAME_CARD (card), file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_unref (card);
  xf_test_remove_dir (dir);
}

static void
test_export_pdf (CardFixture   *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "card.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (xf_name_card_export_pdf (fixture->card, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_sections_and_video (CardFixture   *fixture,
                         gconstpointer  data)
{
  GtkWidget *card = GTK_WIDGET (fixture->card);
  GtkWidget *video_button = xf_test_template_child (card, XF_TYPE_NAME_CARD, "video_button");
  GtkWidget *deeds_box = xf_test_template_child (card, XF_TYPE_NAME_CARD, "deeds_box");
  GtkWidget *video_box = xf_test_template_child (card, XF_TYPE_NAME_CARD, "video_box");
  GtkWidget *photo_stack = xf_test_template_child (card, XF_TYPE_NAME_CARD, "photo_stack");

  /* A web link opens outside; there is no player. */
  g_assert_true (gtk_widget_get_visible (video_button));
  g_assert_true (gtk_widget_get_visible (deeds_box));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (photo_stack)), ==, "avatar");

  /* Empty sections hide. */
  g_object_set (fixture->pioneer, "deeds", NULL, "video", NULL, NULL);
  g_assert_false (gtk_widget_get_visible (deeds_box));
  g_assert_false (gtk_widget_get_visible (video_box));

  /* A missing local file says so instead of playing. */
  g_object_set (fixture->pioneer, "video", "/nonexistent/clip.mp4", NULL);
  g_assert_true (gtk_widget_get_visible (video_box));
  g_assert_false (gtk_widget_get_visible (video_button));
}

static void
test_unsaved_has_no_link (void)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("collective");
  GtkWidget *card = g_object_ref_sink (xf_name_card_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;

  xf_name_card_set_base_url (XF_NAME_CARD (card), BASE);
  g_object_set (pioneer, "name", "德清县舞阳街道巾帼志愿服务队", NULL);
  xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
  link = xf_name_card_dup_public_link (XF_NAME_CARD (card), &error);
  g_assert_null (link);
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (card, "tier-cultivation"));
  g_object_unref (card);
}

static gboolean
qr_in_header (gpointer data)
{
  GtkWidget *card = data;
  GtkWidget *qr_box = xf_test_template_child (card, XF_TYPE_NAME_CARD, "qr_box");
  GtkWidget *header = xf_test_template_child (card, XF_TYPE_NAME_CARD, "header_box");

  return gtk_widget_get_parent (qr_box) == header;
}

static gboolean
qr_moved_to_foot (gpointer data)
{
  GtkWidget *card = data;
  GtkWidget *qr_box = xf_test_template_child (card, XF_TYPE_NAME_CARD, "qr_box");
  GtkWidget *surface = xf_test_template_child (card, XF_TYPE_NAME_CARD, "card");

  return gtk_widget_get_parent (qr_box) == surface;
}

static void
test_narrow (void)
{
  g_autoptr(XfPioneer) pioneer = make_pioneer ("county");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *card = xf_name_card_new ();
  GtkWidget *avatar = xf_test_template_child (card, XF_TYPE_NAME_CARD, "avatar");
  int minimum = 0;

  g_assert_true (qr_in_header (card));
  g_assert_cmpint (adw_avatar_get_size (ADW_AVATAR (avatar)), ==, 96);

  /* A phone-sized window: the QR code goes to the foot, the avatar shrinks. */
  xf_name_card_set_base_url (XF_NAME_CARD (card), BASE);
  xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
  gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 540);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_window_set_default_size (window, 360, 720);
  gtk_window_set_child (window, card);
  xf_test_show_window (window);

  g_assert_true (xf_test_wait_until (qr_moved_to_foot, card, 2000));
  g_assert_cmpint (adw_avatar_get_size (ADW_AVATAR (avatar)), ==, 64);
  /* Narrow, the card fits a 360 px window; wide, it switches before it
   * would stop the window from shrinking. */
  gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360 - 24);
  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (window), "name-card-narrow");
  gtk_window_destroy (window);
}

static void
test_tiers_gallery (void)
{
  const char *tiers[] = { "national", "provincial", "city", "county", "cultivation" };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_window_set_default_size (window, 640, -1);
  gtk_window_set_child (window, box);

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autoptr(XfPioneer) pioneer = make_pioneer (tiers[i]);
      g_autofree char *css_class = g_strconcat ("tier-", tiers[i], NULL);
      GtkWidget *card = xf_name_card_new ();

      g_object_set (pioneer, "introduction", NULL, "deeds", NULL, "video", NULL, NULL);
      xf_name_card_set_base_url (XF_NAME_CARD (card), BASE);
      xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
      gtk_box_append (GTK_BOX (box), card);
      g_assert_true (gtk_widget_has_css_class (card, css_class));
    }

  xf_test_show_window (window);
  xf_test_screenshot (GTK_WIDGET (window), "name-card-tiers");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/ui/name-card/tier-classes", CardFixture, NULL,
              card_set_up, test_tier_classes, card_tear_down);
  g_test_add ("/ui/name-card/no-tier-colour-around", CardFixture, NULL,
              card_set_up, test_no_tier_colour_around, card_tear_down);
  g_test_add ("/ui/name-card/qr-matches-link", CardFixture, NULL,
              card_set_up, test_qr_matches_link, card_tear_down);
  g_test_add ("/ui/name-card/link-from-settings", CardFixture, NULL,
              card_set_up, test_public_link_from_settings, card_tear_down);
  g_test_add ("/ui/name-card/save-png", CardFixture, NULL,
              card_set_up, test_save_png, card_tear_down);
  g_test_add_func ("/ui/name-card/save-png-hidden", test_save_png_hidden_fails);
  g_test_add ("/ui/name-card/export-pdf", CardFixture, NULL,
              card_set_up, test_export_pdf, card_tear_down);
  g_test_add ("/ui/name-card/sections-and-video", CardFixture, NULL,
              card_set_up, test_sections_and_video, card_tear_down);
  g_test_add_func ("/ui/name-card/unsaved-has-no-link", test_unsaved_has_no_link);
  g_test_add_func ("/ui/name-card/narrow", test_narrow);
  g_test_add_func ("/ui/name-card/tiers-gallery", test_tiers_gallery);

  return g_test_run ();
}
