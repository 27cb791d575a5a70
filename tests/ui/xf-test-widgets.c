/* xf-test-widgets.c — driving widgets as a user does, for journey tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-test-widgets"

#include "config.h"

#include "xf-test-util.h"
#include "xf-test-widgets.h"

GtkWidget *
xf_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
xf_test_collect_named (GtkWidget  *root,
                       const char *name,
                       GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    xf_test_collect_named (child, name, found);
}

static gboolean
label_shows_wanted (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), g_object_get_data (G_OBJECT (label), "want")) == 0;
}

void
xf_test_wait_for_label (GtkWidget  *label,
                        const char *text)
{
  g_object_set_data_full (G_OBJECT (label), "want", g_strdup (text), g_free);
  g_assert_true (xf_test_wait_until (label_shows_wanted, label, 5000));
}

static gboolean
wanted_name_shown (gpointer data)
{
  GtkWidget *root = data;

  return xf_test_find_named (root, g_object_get_data (G_OBJECT (root), "want")) != NULL;
}

void
xf_test_wait_for_named (GtkWidget  *root,
                        const char *name)
{
  g_object_set_data_full (G_OBJECT (root), "want", g_strdup (name), g_free);
  g_assert_true (xf_test_wait_until (wanted_name_shown, root, 5000));
}

guint
xf_test_count_named (GtkWidget  *root,
                     const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  xf_test_collect_named (root, name, found);
  return found->len;
}

gboolean
xf_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
xf_test_sign_in (XfApplication *app,
                 const char    *login)
{
  XfAccounts *accounts = xf_application_get_accounts (app);
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = xf_accounts_sign_in (accounts, login, XF_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (xf_application_begin_session (app, account, &error));
  g_assert_no_error (error);
}

GtkWidget *
xf_test_show_page (XfWindow   *window,
                   const char *name)
{
  GtkWidget *row = xf_window_get_sidebar_row (window, name);
  GtkWidget *page = xf_window_get_page (window, name);

  g_assert_nonnull (page);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, page, 5000));
  gtk_test_widget_wait_for_draw (page);
  return page;
}

void
xf_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
no_dialog (gpointer data)
{
  return xf_test_find_message_dialog (data) == NULL;
}

void
xf_test_answer (const char *heading,
                const char *response)
{
  AdwMessageDialog *dialog = NULL;

  for (int i = 0; i < 100 && dialog == NULL; i++)
    {
      dialog = xf_test_find_message_dialog (heading);
      if (dialog == NULL)
        xf_test_iterate (10);
    }
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xf_test_wait_until (no_dialog, (gpointer) heading, 2000));
}

static GtkWidget *
find_toast (GtkWidget *root)
{
  /* AdwToastWidget is private to libadwaita: known by its name. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
no_toast (gpointer data)
{
  return find_toast (data) == NULL;
}

guint
xf_test_dismiss_toasts (GtkWidget *root)
{
  GtkWidget *toast;
  guint n = 0;

  for (; n < 20 && (toast = find_toast (root)) != NULL; n++)
    {
      /* The toast's only button (no action button on ours): its close. */
      GtkWidget *close = xf_test_find_widget (toast, GTK_TYPE_BUTTON, NULL);

      g_assert_nonnull (close);
      g_signal_emit_by_name (close, "clicked");
      xf_test_iterate (100);
    }
  g_assert_true (xf_test_wait_until (no_toast, root, 2000));
  return n;
}

void
xf_test_scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  g_assert_nonnull (scrolled);
  xf_test_iterate (50);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                            &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  xf_test_iterate (100);
}

GtkWindow *
xf_test_show_in_window (GtkWidget *child,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  xf_test_show_window (window);
  return window;
}

XfWindow *
xf_test_open_window (XfApplication *app,
                     const char    *path,
                     const char    *login)
{
  g_autoptr(GError) error = NULL;
  XfWindow *window;

  g_assert_true (xf_application_open_database (app, path, FALSE, &error));
  g_assert_no_error (error);
  if (login != NULL)
    xf_test_sign_in (app, login);
  window = xf_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  xf_test_show_window (GTK_WINDOW (window));
  return window;
}

void
xf_test_close_window (GType           dialog_type,
                      XfWindow       *window,
                      XfApplication **app)
{
  xf_test_close_dialogs (dialog_type);
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  xf_test_iterate (50);
  g_clear_object (app);
}

char *
xf_test_use_own_cache (void)
{
  char *cache = g_dir_make_tmp ("xianfeng-cache-XXXXXX", NULL);

  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  return cache;
}

gboolean
xf_test_ui_main_init (int          *argc,
                      char       ***argv,
                      const char   *today,
                      char        **cache)
{
  g_setenv ("XIANFENG_TODAY", today, TRUE);
  *cache = xf_test_use_own_cache ();

  if (!xf_test_ui_init (argc, argv))
    return FALSE;
  xf_test_disable_animations ();
  return TRUE;
}

GtkWidget *
xf_test_open_page (XfApplication **app,
                   XfWindow      **window,
                   const char     *path,
                   const char     *login,
                   const char     *name)
{
  *app = xf_test_app_new_signed_out ();
  *window = xf_test_open_window (*app, path, login != NULL ? login : "admin");
  return xf_test_show_page (*window, name);
}

void
xf_test_close_page (GType           dialog_type,
                    XfWindow       *window,
                    XfApplication **app,
                    char          **dir,
                    char          **path)
{
  xf_test_close_window (dialog_type, window, app);
  xf_test_remove_dir (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
  g_unsetenv ("XIANFENG_TODAY");
}
