/* xf-test-util.c — helpers shared by the UI tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-test-util"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-accounts.h"
#include "xf-demo.h"
#include "xf-registry-list.h"
#include "xf-role.h"
#include "xf-test-util.h"

gboolean
xf_test_ui_init (int    *argc,
                 char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }

  /* The tests read the catalogue built in the tree, so LANGUAGE=zh_CN runs are really in Chinese. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init forces the C locale; take the environment's back so
   * LANGUAGE applies (the tests set LANGUAGE themselves). */
  setlocale (LC_ALL, "");
  adw_init ();
  return TRUE;
}

void
xf_test_disable_animations (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
xf_test_fill_db (const char *location,
                 guint       n_pioneers,
                 guint       n_collectives)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = xf_store_open (location, &error);
  g_assert_no_error (error);

  if (n_pioneers + n_collectives > 0)
    {
      XfDemoOptions options;

      xf_demo_options_init (&options);
      options.pioneers = n_pioneers;
      options.collectives = n_collectives;
      options.seed = 7;
      xf_demo_generate (store, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

char *
xf_test_make_db (const char *dir,
                 const char *name,
                 guint       n_pioneers,
                 guint       n_collectives)
{
  char *path = g_build_filename (dir, name, NULL);

  xf_test_fill_db (path, n_pioneers, n_collectives);
  return path;
}

XfStore *
xf_test_make_demo_db (const char  *dir,
                      const char  *name,
                      guint        n_pioneers,
                      guint        n_collectives,
                      char       **path)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(GError) error = NULL;

  *path = xf_test_make_db (dir, name, n_pioneers, n_collectives);
  store = xf_store_open (*path, &error);
  g_assert_no_error (error);
  accounts = xf_accounts_new (store);
  g_assert_true (xf_accounts_create_demo (accounts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

char *
xf_test_make_corrupt_db (const char *dir,
                         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

XfAccount *
xf_test_sign_in_admin (XfApplication *app)
{
  XfAccounts *accounts = xf_application_get_accounts (app);
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_assert_nonnull (accounts);
  n = xf_accounts_count (accounts, &error);
  g_assert_no_error (error);
  if (n == 0)
    /* Named like the demo's accounts, by the role in the test's language, so the
     * Chinese screenshots show no English name. */
    account = xf_accounts_create_first_administrator (accounts, XF_TEST_ADMIN_LOGIN,
                                                      xf_role_get_label (XF_ROLE_ADMINISTRATOR),
                                                      XF_TEST_PASSWORD, &error);
  else
    account = xf_accounts_sign_in (accounts, XF_TEST_ADMIN_LOGIN, XF_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (xf_application_begin_session (app, account, &error));
  g_assert_no_error (error);
  return xf_application_get_account (app);
}

/* A database just opened: sign in before anything looks. */
static void
sign_in_when_opened_cb (XfApplication *app)
{
  if (xf_application_get_store (app) != NULL && xf_application_get_account (app) == NULL)
    xf_test_sign_in_admin (app);
}

XfApplication *
xf_test_app_new_signed_out (void)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  XfApplication *app;

  /* A fresh id each time: on a session bus, the object path of an earlier
   * test's application may still be exported. */
  app_id = g_strdup_printf ("io.github.xianfeng.Xianfeng.Test%u", ++counter);
  app = g_object_new (XF_TYPE_APPLICATION,
                      "application-id", app_id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

XfApplication *
xf_test_app_new (void)
{
  XfApplication *app = xf_test_app_new_signed_out ();

  /* Connected first, so it runs before any window sees the database. */
  g_signal_connect (app, "notify::registry", G_CALLBACK (sign_in_when_opened_cb), NULL);
  return app;
}

void
xf_test_window_set_up (XfTestWindow  *fixture,
                       gconstpointer  data)
{
  fixture->dir = xf_test_make_dir ();
  fixture->app = xf_test_app_new ();
}

void
xf_test_window_tear_down (XfTestWindow  *fixture,
                          gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  xf_test_iterate (50);
  g_clear_object (&fixture->app);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

void
xf_test_window_show (XfTestWindow *fixture,
                     int           width,
                     int           height)
{
  fixture->window = xf_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  xf_test_show_window (GTK_WINDOW (fixture->window));
}

char *
xf_test_window_open_db (XfTestWindow *fixture,
                        const char   *name,
                        guint         n_pioneers,
                        guint         n_collectives)
{
  g_autofree char *path = xf_test_make_db (fixture->dir, name, n_pioneers, n_collectives);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_application_open_database (fixture->app, path, FALSE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

void
xf_test_window_set_up_demo (XfTestWindow *fixture,
                            guint         n_pioneers,
                            guint         n_collectives)
{
  g_autofree char *path = NULL;

  xf_test_window_set_up (fixture, NULL);
  path = xf_test_window_open_db (fixture, "demo.db", n_pioneers, n_collectives);
  xf_test_window_show (fixture, 1280, 800);
}

typedef struct
{
  gboolean done;
} Timeout;

static void
timeout_cb (gpointer data)
{
  ((Timeout *) data)->done = TRUE;
}

gboolean
xf_test_wait_until (gboolean (*cond) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  Timeout timeout = { FALSE };
  guint id = g_timeout_add_once (timeout_ms, timeout_cb, &timeout);

  while (!cond (data))
    {
      if (timeout.done)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
  return TRUE;
}

void
xf_test_iterate (guint ms)
{
  Timeout timeout = { FALSE };

  g_timeout_add_once (ms, timeout_cb, &timeout);
  while (!timeout.done)
    g_main_context_iteration (NULL, TRUE);
}

void
xf_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* Let list views bind their rows and the leaflets settle. */
  xf_test_iterate (100);
}

gboolean
xf_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("XIANFENG_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || dir[0] == '\0')
    return TRUE;

  g_mkdir_with_parents (dir, 0755);
  /* A widget waiting for layout snapshots to nothing: let it draw first. */
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return FALSE;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, filename, NULL);
  return gdk_texture_save_to_png (texture, path);
}

const char *
xf_test_language_suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "-zh_CN" : "";
}

void
xf_test_screenshot_in_language (GtkWidget  *widget,
                                const char *name)
{
  g_autofree char *full = g_strconcat (name, xf_test_language_suffix (), NULL);

  g_assert_true (xf_test_screenshot (widget, full));
}

void
xf_test_close_dialogs (GType dialog_type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (window) || G_TYPE_CHECK_INSTANCE_TYPE (window, dialog_type))
        gtk_window_destroy (window);
    }
}

void
xf_test_language (void)
{
  if (g_str_equal (xf_test_language_suffix (), ""))
    g_assert_cmpstr (_("Registry"), ==, "Registry");
  else
    g_assert_cmpstr (_("Registry"), ==, "先锋名录");
}

GtkWidget *
xf_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

typedef struct
{
  XfRegistryList *list;
  const char     *text;
} QueryWait;

static gboolean
query_has_text (gpointer data)
{
  QueryWait *wait = data;
  const XfRegistryQuery *query = xf_registry_list_get_query (wait->list);

  return g_strcmp0 (xf_registry_query_get_text (query), wait->text) == 0;
}

void
xf_test_search (XfRegistryPage *page,
                const char     *text,
                guint           timeout_ms)
{
  GtkWidget *bar = xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, "search_bar");
  GtkWidget *entry = xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, "search_entry");
  QueryWait wait = { XF_REGISTRY_LIST (xf_registry_page_get_model (page)), text };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "registry.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (xf_test_wait_until (query_has_text, &wait, timeout_ms));
}

GtkWindow *
xf_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

AdwMessageDialog *
xf_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

void
xf_test_set_sample_story (XfPioneer *pioneer)
{
  g_object_set (pioneer,
                "employer", "浙江德清金属制品有限公司",
                "position", "高级技师",
                "introduction", "从事数控加工三十年，带出徒弟四十余名。",
                "deeds", "主持攻关的精密轴承加工工艺使合格率从92%提高到99.6%。",
                "contribution", "推动全县机械加工企业推广新工艺，年增产值约三千万元。",
                NULL);
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return gtk_widget_get_name (widget);
}

GtkWidget *
xf_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *text)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
