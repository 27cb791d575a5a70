/* test-window.c — the main window on a good, an empty and a broken database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-preferences-window.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-window.h"

/* A folder and an application; each test opens its own database, then the window. */
typedef XfTestWindow Fixture;

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  return xf_test_template_child (fixture->window, XF_TYPE_WINDOW, name);
}

static GtkWidget *
page_child (GtkWidget  *page,
            const char *name)
{
  return xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, name);
}

static void
open_window (Fixture *fixture)
{
  xf_test_window_show (fixture, 1200, 760);
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "demo.db", 40, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autofree char *expected = NULL;
  GtkWidget *page, *row_label, *database_label;
  gint64 active;

  open_window (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "content");

  /* The sidebar offers the registry, selected. */
  row_label = xf_test_find_widget (window_child (fixture, "sidebar_list"), GTK_TYPE_LABEL, "Registry");
  g_assert_nonnull (row_label);
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (window_child (fixture, "sidebar_list"))) ==
                 GTK_LIST_BOX_ROW (xf_window_get_sidebar_row (fixture->window, "registry")));

  database_label = window_child (fixture, "database_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (database_label)), ==, "demo.db");

  /* The count is the registry's own count of active files. */
  page = xf_window_get_registry_page (fixture->window);
  g_assert_nonnull (page);
  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_STATUS, "active");
  active = xf_registry_count_pioneers (xf_application_get_registry (fixture->app), query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (active, >, 0);
  g_assert_cmpint (active, <=, 55);
  g_assert_cmpuint (g_list_model_get_n_items (xf_registry_page_get_model (XF_REGISTRY_PAGE (page))),
                    ==, active);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " pioneers", active);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (page, "count_label"))), ==, expected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (page, "list_stack"))),
                   ==, "list");

  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "window-registry"));
}

static void
test_window_corrupt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = xf_test_make_corrupt_db (fixture->dir, "broken.db");
  g_autoptr(GError) error = NULL;
  AdwStatusPage *status;

  g_assert_false (xf_application_open_database (fixture->app, path, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_null (xf_application_get_registry (fixture->app));
  open_window (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "error");
  status = ADW_STATUS_PAGE (window_child (fixture, "error_status"));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, error->message);
  g_assert_nonnull (strstr (error->message, "broken.db"));
  g_assert_nonnull (xf_test_find_widget (GTK_WIDGET (status), GTK_TYPE_BUTTON, "_Open another database…"));
  g_assert_nonnull (xf_test_find_widget (GTK_WIDGET (status), GTK_TYPE_BUTTON, "_Create a new database…"));
  g_assert_null (xf_window_get_registry_page (fixture->window));

  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "window-error"));
}

static void
test_window_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.db", NULL);
  g_autoptr(GError) error = NULL;

  /* A path the user named is not created behind their back. */
  g_assert_false (xf_application_open_database (fixture->app, path, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  open_window (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "error");
}

static void
test_window_recover (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *broken = xf_test_make_corrupt_db (fixture->dir, "broken.db");
  g_autofree char *good = xf_test_make_db (fixture->dir, "good.db", 5, 2);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_assert_false (xf_application_open_database (fixture->app, broken, FALSE, NULL));
  open_window (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "error");

  /* What "Open another database…" does once a file is chosen. */
  g_assert_true (xf_application_open_database (fixture->app, good, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "content");
  page = xf_window_get_registry_page (fixture->window);
  g_assert_nonnull (page);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window_child (fixture, "database_label"))), ==, "good.db");

  /* A broken file chosen later leaves the open database alone. */
  g_assert_false (xf_application_open_database (fixture->app, broken, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_true (xf_window_get_registry_page (fixture->window) == page);
  g_assert_cmpstr (xf_application_get_database_path (fixture->app), ==, good);
}

static GtkWindow *find_transient (Fixture *fixture, GType type);

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (data));

  return chosen != NULL;
}

/* "Open another database…" from the error page, through the file chooser. */
static void
test_window_open_chooser (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *broken = xf_test_make_corrupt_db (fixture->dir, "broken.db");
  g_autofree char *good = xf_test_make_db (fixture->dir, "chosen.db", 3, 1);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autofree char *remembered = NULL;
  GtkWindow *dialog;

  g_assert_false (xf_application_open_database (fixture->app, broken, FALSE, NULL));
  open_window (fixture);

  gtk_widget_activate_action (window_child (fixture, "error_open_button"), "app.open-database", NULL);
  dialog = find_transient (fixture, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL));
  /* The chooser selects the file once its folder has loaded. */
  g_assert_true (xf_test_wait_until (chooser_has_file, dialog, 5000));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  xf_test_iterate (100);

  g_assert_cmpstr (xf_application_get_database_path (fixture->app), ==, good);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack"))),
                   ==, "content");
  /* The choice is remembered for the next start. */
  remembered = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (remembered, ==, good);
  g_settings_reset (settings, "database-path");
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "empty.db", 0, 0);
  GtkWidget *page, *status;

  open_window (fixture);

  page = xf_window_get_registry_page (fixture->window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (page, "list_stack"))),
                   ==, "empty");
  status = page_child (page, "empty_status");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No pioneers yet");
  g_assert_true (gtk_widget_get_visible (adw_status_page_get_child (ADW_STATUS_PAGE (status))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (page, "count_label"))), ==, "0 pioneers");

  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "window-empty"));
}

static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "demo.db", 10, 3);
  GtkWidget *leaflet, *page;

  xf_test_window_show (fixture, 400, 700);

  /* One column: the page shows, with a way back to the sidebar. */
  leaflet = window_child (fixture, "leaflet");
  page = xf_window_get_registry_page (fixture->window);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (gtk_widget_get_visible (page_child (page, "back_button")));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) ==
                 window_child (fixture, "page_stack"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == window_child (fixture, "sidebar"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "registry");
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) ==
                 window_child (fixture, "page_stack"));

  xf_test_iterate (300);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "window-narrow"));
}

static GtkWindow *
find_transient (Fixture *fixture,
                GType    type)
{
  /* Dialogs may appear a main-loop turn after the action. */
  xf_test_iterate (50);

  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        return window;
    }
  return NULL;
}

static void
test_window_preferences (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "demo.db", 5, 2);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autofree char *saved = NULL;
  GtkWindow *prefs;
  GtkWidget *row, *database_row, *error_label, *open_button;

  open_window (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  prefs = find_transient (fixture, XF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));

  database_row = xf_test_template_child (prefs, XF_TYPE_PREFERENCES_WINDOW, "database_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (database_row)), ==, path);
  open_button = xf_test_find_widget (database_row, GTK_TYPE_BUTTON, _("_Open another…"));
  g_assert_nonnull (open_button);
  g_assert_true (gtk_widget_is_sensitive (open_button));

  /* The portal's address, shown as it is set. */
  row = xf_test_template_child (prefs, XF_TYPE_PREFERENCES_WINDOW, "base_url_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, _("Public portal address"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "https://xianfeng.example.org/");
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (prefs), "preferences");

  /* Core refuses a base that is not an http(s) URL; nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "ftp://cards.example.org/");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  error_label = xf_test_template_child (prefs, XF_TYPE_PREFERENCES_WINDOW, "base_url_error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "http"));
  saved = g_settings_get_string (settings, "public-base-url");
  g_assert_cmpstr (saved, ==, "https://xianfeng.example.org/");
  g_clear_pointer (&saved, g_free);
  xf_test_iterate (600);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (prefs), "preferences-invalid"));

  /* Editing clears the mark; a good base is saved, trimmed. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  https://portal.huzhou.example/ ");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "public-base-url");
  g_assert_cmpstr (saved, ==, "https://portal.huzhou.example/");
  g_clear_pointer (&saved, g_free);

  /* An office without a portal clears it: saved empty, not refused. */
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  saved = g_settings_get_string (settings, "public-base-url");
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);
  g_settings_reset (settings, "public-base-url");

  gtk_window_destroy (prefs);
}

/* Every widget of @type under @root, in order. */
static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

static void
test_window_about_and_shortcuts (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "demo.db", 5, 2);
  GtkWindow *about, *shortcuts;

  open_window (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = find_transient (fixture, ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Xianfeng");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (about), "about"));
  gtk_window_destroy (about);

  /* GtkApplication loads gtk/help-overlay.ui from our resources. */
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  xf_test_iterate (100);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts"));

  /* The Services page's keys, as it binds them. */
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new ();
    g_autoptr(GString) keys = g_string_new (NULL);
    GtkWidget *services = NULL;

    collect_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_GROUP, groups);
    for (guint i = 0; i < groups->len; i++)
      {
        g_autofree char *title = NULL;

        g_object_get (g_ptr_array_index (groups, i), "title", &title, NULL);
        if (g_strcmp0 (title, "Services") == 0)
          services = g_ptr_array_index (groups, i);
      }
    g_assert_nonnull (services);
    for (GtkWidget *shortcut = gtk_widget_get_first_child (services); shortcut != NULL;
         shortcut = gtk_widget_get_next_sibling (shortcut))
      if (GTK_IS_SHORTCUTS_SHORTCUT (shortcut))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (shortcut, "accelerator", &accelerator, NULL);
          g_string_append_printf (keys, "%s;", accelerator);
        }
    g_assert_cmpstr (keys->str, ==, "<Control>n;<Control>f;Escape;");
  }
  gtk_window_close (shortcuts);
}

static void
test_window_size_saved (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "demo.db", 5, 2);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  XfWindow *second;
  int width, height;

  xf_test_window_show (fixture, 1000, 640);

  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* The next window opens at that size. */
  second = xf_window_new (fixture->app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  fixture->window = second;
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, xf_test_window_set_up, func, xf_test_window_tear_down)
  ADD ("/ui/window/demo", test_window_demo);
  ADD ("/ui/window/corrupt", test_window_corrupt);
  ADD ("/ui/window/missing", test_window_missing);
  ADD ("/ui/window/recover", test_window_recover);
  ADD ("/ui/window/open-chooser", test_window_open_chooser);
  ADD ("/ui/window/empty", test_window_empty);
  ADD ("/ui/window/narrow", test_window_narrow);
  ADD ("/ui/window/size-saved", test_window_size_saved);
  ADD ("/ui/window/preferences", test_window_preferences);
  ADD ("/ui/window/about-and-shortcuts", test_window_about_and_shortcuts);
#undef ADD

  return g_test_run ();
}
