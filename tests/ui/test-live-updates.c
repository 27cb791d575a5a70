/* test-live-updates.c — other desks' changes and a lost connection, as
 * the window shows them
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <glib/gi18n.h>

#include "xf-change-monitor.h"
#include "xf-offline-bar.h"
#include "xf-pioneer-editor.h"
#include "xf-profile-page.h"
#include "xf-registry-cell.h"
#include "xf-registry-list.h"
#include "xf-test-store.h"
#include "xf-test-util.h"

typedef XfTestWindow Fixture;

/*
 * Other desks
 */

static XfRegistryPage *
registry_page (Fixture *fixture)
{
  return XF_REGISTRY_PAGE (xf_window_get_registry_page (fixture->window));
}

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(XfPioneer) pioneer = g_list_model_get_item (model, position);

  return xf_pioneer_get_id (pioneer);
}

/* The @nth individual of the list (collectives have no employer). */
static gint64
individual_at (GListModel *model,
               guint       nth)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (model, i);

      if (!xf_pioneer_is_collective (pioneer) && nth-- == 0)
        return xf_pioneer_get_id (pioneer);
    }
  g_assert_not_reached ();
}

static char *
name_in_list (GListModel *model,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (model, i);

      if (xf_pioneer_get_id (pioneer) == id)
        return g_strdup (xf_pioneer_get_name (pioneer));
    }
  return NULL;
}

/* What another desk does: its own connection, its own registry. */
static void
rename_elsewhere (const char *path,
                  gint64      id,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (path, &error);
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;

  g_assert_no_error (error);
  registry = xf_test_new_registry (store);
  pioneer = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_object_set (pioneer, "name", name, NULL);
  xf_registry_save_pioneer (registry, pioneer, &error);
  g_assert_no_error (error);
}

static gboolean
cell_shows (GtkWidget  *root,
            const char *text)
{
  if (XF_IS_REGISTRY_CELL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (xf_registry_cell_get_text (XF_REGISTRY_CELL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cell_shows (child, text))
      return TRUE;
  return FALSE;
}

/* Opens file @id in the registry page's profile, in its editor. */
static XfPioneerEditor *
open_editor (Fixture *fixture,
             gint64   id)
{
  GtkWidget *profile;

  xf_registry_page_open_pioneer (registry_page (fixture), id);
  profile = xf_registry_page_get_profile (registry_page (fixture));
  g_assert_true (gtk_widget_activate_action (profile, "profile.edit", NULL));
  return XF_PIONEER_EDITOR (xf_test_find_widget (profile, XF_TYPE_PIONEER_EDITOR, NULL));
}

/* The list's cells on screen show @args[1]. */
static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return cell_shows (args[0], args[1]);
}

static void
test_live_refresh (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "shared.db", 20, 4);
  XfChangeMonitor *monitor;
  GListModel *model;
  GtkWidget *profile, *column_view, *employer;
  XfPioneerEditor *editor;
  AdwMessageDialog *conflict;
  g_autofree char *name = NULL;
  gint64 edited_id, other_id;
  gpointer args[2];

  xf_test_window_show (fixture, 1280, 800);
  monitor = xf_window_get_change_monitor (fixture->window);
  g_assert_nonnull (monitor);
  g_assert_true (xf_change_monitor_get_online (monitor));
  g_assert_true (xf_db_get_backend (xf_change_monitor_get_db (monitor)) == XF_DB_BACKEND_SQLITE);

  model = xf_registry_page_get_model (registry_page (fixture));
  edited_id = individual_at (model, 0);
  other_id = individual_at (model, 1);

  /* A file is open in the editor, with something typed. */
  editor = open_editor (fixture, edited_id);
  profile = xf_registry_page_get_profile (registry_page (fixture));
  employer = xf_pioneer_editor_get_field_widget (editor, "employer");
  gtk_editable_set_text (GTK_EDITABLE (employer), "湖州南太湖电力科技有限公司");
  g_assert_true (xf_profile_page_has_unsaved_edits (XF_PROFILE_PAGE (profile)));
  g_assert_cmpint (xf_registry_page_get_selected_id (registry_page (fixture)), ==, edited_id);

  /* Another desk renames another file: the list shows it, the editor has nothing to say. */
  rename_elsewhere (path, other_id, "丁另台");
  xf_change_monitor_check_now (monitor);
  name = name_in_list (model, other_id);
  g_assert_cmpstr (name, ==, "丁另台");
  g_clear_pointer (&name, g_free);
  column_view = xf_test_template_child (registry_page (fixture), XF_TYPE_REGISTRY_PAGE, "column_view");
  args[0] = column_view;
  args[1] = "丁另台";
  g_assert_true (xf_test_wait_until (label_shown, args, 2000));
  g_assert_null (xf_pioneer_editor_get_note (editor));
  g_assert_cmpint (xf_registry_page_get_selected_id (registry_page (fixture)), ==, edited_id);

  /* It renames the file being edited: the typed text stays, and a note says so. */
  rename_elsewhere (path, edited_id, "丁新名");
  xf_change_monitor_check_now (monitor);
  name = name_in_list (model, edited_id);
  g_assert_cmpstr (name, ==, "丁新名");
  args[1] = "丁新名";
  g_assert_true (xf_test_wait_until (label_shown, args, 2000));
  g_assert_true (xf_profile_page_has_unsaved_edits (XF_PROFILE_PAGE (profile)));
  g_assert_true (xf_pioneer_editor_get_field_widget (editor, "employer") == employer);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employer)), ==, "湖州南太湖电力科技有限公司");
  g_assert_cmpstr (xf_pioneer_editor_get_note (editor), ==,
                   "This file was changed at another desk. What you typed is kept; "
                   "saving will ask you to reload.");
  g_assert_cmpint (xf_registry_page_get_selected_id (registry_page (fixture)), ==, edited_id);
  xf_test_iterate (300);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "changed-at-another-desk"));

  /* Saving asks to reload; reloading shows the other desk's version. */
  g_assert_false (xf_pioneer_editor_save (editor));
  conflict = xf_test_find_message_dialog ("Changed elsewhere");
  g_assert_nonnull (conflict);
  g_assert_true (adw_message_dialog_has_response (conflict, "reload"));
  adw_message_dialog_response (conflict, "reload");
  xf_test_iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "name"))),
                   ==, "丁新名");
  g_assert_null (xf_pioneer_editor_get_note (editor));
  g_assert_false (xf_profile_page_has_unsaved_edits (XF_PROFILE_PAGE (profile)));

  /* With nothing typed, the form simply follows the other desk. */
  rename_elsewhere (path, edited_id, "丁三名");
  xf_change_monitor_check_now (monitor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "name"))),
                   ==, "丁三名");
  g_assert_null (xf_pioneer_editor_get_note (editor));
}

/* The file, not the editor: the profile shows the new name at once. */
static void
test_live_refresh_profile (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "shared.db", 8, 2);
  XfChangeMonitor *monitor;
  GtkWidget *profile, *title;
  gint64 id;

  xf_test_window_show (fixture, 1280, 800);
  monitor = xf_window_get_change_monitor (fixture->window);
  id = id_at (xf_registry_page_get_model (registry_page (fixture)), 2);
  xf_registry_page_open_pioneer (registry_page (fixture), id);
  profile = xf_registry_page_get_profile (registry_page (fixture));
  title = xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "window_title");

  rename_elsewhere (path, id, "丁档案");
  xf_change_monitor_check_now (monitor);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "丁档案");
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, id);
}

static gboolean
bar_hidden (gpointer data)
{
  return !xf_offline_bar_get_revealed (data);
}

static void
test_offline_bar (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "shared.db", 6, 2);
  XfChangeMonitor *monitor;
  XfOfflineBar *bar;
  const char *text;

  xf_test_window_show (fixture, 1280, 800);
  monitor = xf_window_get_change_monitor (fixture->window);
  bar = XF_OFFLINE_BAR (xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "offline_bar"));
  g_assert_false (xf_offline_bar_get_revealed (bar));

  /* A call that met XF_ERROR_OFFLINE tells the window. */
  xf_change_monitor_set_retry_interval (monitor, 60000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.report-offline", NULL));
  g_assert_false (xf_change_monitor_get_online (monitor));
  g_assert_true (xf_offline_bar_get_revealed (bar));
  text = gtk_label_get_label (xf_offline_bar_get_label (bar));
  g_assert_nonnull (strstr (text, "cannot be reached"));
  g_assert_nonnull (strstr (text, "reconnects by itself"));
  g_assert_true (gtk_widget_get_visible (xf_offline_bar_get_retry_button (bar)));
  xf_test_iterate (400);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "offline-bar"));

  /* "Retry now" finds the database back and hides the bar; the window
   * watches on with a monitor that knows it is online. */
  g_signal_emit_by_name (xf_offline_bar_get_retry_button (bar), "clicked");
  g_assert_false (xf_offline_bar_get_revealed (bar));
  monitor = xf_window_get_change_monitor (fixture->window);
  g_assert_true (xf_change_monitor_get_online (monitor));
  g_assert_true (xf_offline_bar_get_monitor (bar) == monitor);

  /* The monitor's own retries do the same. */
  xf_change_monitor_report_offline (monitor);
  g_assert_true (xf_offline_bar_get_revealed (bar));
  xf_change_monitor_set_retry_interval (monitor, 20);
  g_assert_true (xf_test_wait_until (bar_hidden, bar, 5000));
  g_assert_true (xf_change_monitor_get_online (monitor));
}

/* The monitor follows the window: it polls only while the window is active. */
static void
test_monitor_follows_window (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "shared.db", 4, 1);
  g_autofree char *other = xf_test_make_db (fixture->dir, "other.db", 2, 1);
  g_autoptr(GError) error = NULL;
  XfChangeMonitor *monitor;

  xf_test_window_show (fixture, 1000, 700);
  monitor = xf_window_get_change_monitor (fixture->window);
  g_assert_cmpint (xf_change_monitor_get_active (monitor), ==,
                   gtk_window_is_active (GTK_WINDOW (fixture->window)));

  /* Another database, another monitor. */
  g_assert_true (xf_application_open_database (fixture->app, other, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (xf_window_get_change_monitor (fixture->window) != monitor);
  g_assert_cmpstr (xf_db_get_display_name (xf_change_monitor_get_db (xf_window_get_change_monitor (fixture->window))),
                   ==, other);
}
/*
 * A real server, when the test run has one
 */

/* Ends the server side of @db's connection, as a dropped network would. */
static void
drop_connection (XfDb *db)
{
  struct sockaddr_in address;
  socklen_t length = sizeof address;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) admin = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpint (getsockname (xf_db_get_socket (db), (struct sockaddr *) &address, &length), ==, 0);
  admin = xf_db_open (g_getenv ("XIANFENG_TEST_POSTGRESQL"), XF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Only this connection: other tests may share the server. */
  sql = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity "
                         "WHERE client_port = %u AND pid <> pg_backend_pid ()",
                         ntohs (address.sin_port));
  g_assert_cmpint (xf_db_query_int64 (admin, sql, -1, &error), ==, 1);
  g_assert_no_error (error);
}

static gboolean
monitor_online (gpointer data)
{
  Fixture *fixture = data;

  return xf_change_monitor_get_online (xf_window_get_change_monitor (fixture->window));
}

/* A save that meets a dropped connection keeps every value and says so;
 * once reconnected, saving again works. */
static void
test_postgresql_offline_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  XfOfflineBar *bar;
  XfChangeMonitor *monitor;
  GtkWidget *profile, *employer;
  XfPioneerEditor *editor;
  gint64 id;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("No PostgreSQL server ($XIANFENG_TEST_POSTGRESQL)");
      return;
    }

  location = xf_test_database_location (NULL, NULL);
  xf_test_fill_db (location, 6, 1);
  g_assert_true (xf_application_open_database (fixture->app, location, FALSE, &error));
  g_assert_no_error (error);
  xf_test_window_show (fixture, 1280, 800);
  bar = XF_OFFLINE_BAR (xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "offline_bar"));
  monitor = xf_window_get_change_monitor (fixture->window);
  xf_change_monitor_set_retry_interval (monitor, 60000);

  id = individual_at (xf_registry_page_get_model (registry_page (fixture)), 0);
  editor = open_editor (fixture, id);
  profile = xf_registry_page_get_profile (registry_page (fixture));
  employer = xf_pioneer_editor_get_field_widget (editor, "employer");
  gtk_editable_set_text (GTK_EDITABLE (employer), "湖州市吴兴区离线测试有限公司");

  drop_connection (xf_change_monitor_get_db (monitor));
  g_assert_false (xf_pioneer_editor_save (editor));
  g_assert_true (xf_profile_page_has_unsaved_edits (XF_PROFILE_PAGE (profile)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employer)), ==, "湖州市吴兴区离线测试有限公司");
  g_assert_true (g_str_has_prefix (xf_pioneer_editor_get_note (editor), "Not saved: the shared database cannot be reached."));
  g_assert_false (xf_change_monitor_get_online (monitor));
  g_assert_true (xf_offline_bar_get_revealed (bar));
  xf_test_iterate (300);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "offline-save"));

  /* Back online by itself; the same input saves. */
  xf_change_monitor_set_retry_interval (monitor, 20);
  g_assert_true (xf_test_wait_until (monitor_online, fixture, 15000));
  g_assert_false (xf_offline_bar_get_revealed (bar));
  g_assert_true (xf_pioneer_editor_save (editor));
  {
    g_autoptr(XfPioneer) saved = xf_registry_get_pioneer (xf_application_get_registry (fixture->app), id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (xf_pioneer_get_employer (saved), ==, "湖州市吴兴区离线测试有限公司");
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, xf_test_window_set_up, func, xf_test_window_tear_down)
  ADD ("/ui/live-updates/refresh", test_live_refresh);
  ADD ("/ui/live-updates/refresh-profile", test_live_refresh_profile);
  ADD ("/ui/live-updates/offline-bar", test_offline_bar);
  ADD ("/ui/live-updates/monitor-follows-window", test_monitor_follows_window);
  ADD ("/ui/live-updates/postgresql-offline-save", test_postgresql_offline_save);
#undef ADD

  return g_test_run ();
}
