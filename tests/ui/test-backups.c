/* test-backups.c — the Backups page of the preferences, the daily backup,
 * restoring and the database check
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "backups" (the page with a backup
 * made by hand and a daily one), with "-zh_CN" for Chinese; with
 * XF_TEST_NARROW set too, also "backups-360" (a 360-pixel window), the
 * restore dialog and the check dialog, for a look.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-backup-preferences.h"
#include "xf-backup-scheduler.h"
#include "xf-backup.h"
#include "xf-exchange-job.h"
#include "xf-preferences-window.h"
#include "xf-registry-list.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"

#define N_PIONEERS    20
#define N_COLLECTIVES 2

typedef struct
{
  XfTestWindow         base;
  char                *folder;    /* the backup folder */
  GtkWindow           *prefs;
  XfBackupPreferences *page;
} Fixture;

static void
open_preferences (Fixture *fixture)
{
  fixture->prefs = GTK_WINDOW (xf_preferences_window_new (fixture->base.app));
  gtk_window_set_transient_for (fixture->prefs, GTK_WINDOW (fixture->base.window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->prefs),
                                                XF_BACKUP_PREFERENCES_PAGE_NAME);
  fixture->page = XF_BACKUP_PREFERENCES (xf_test_find_widget (GTK_WIDGET (fixture->prefs),
                                                              XF_TYPE_BACKUP_PREFERENCES, NULL));
  g_assert_nonnull (fixture->page);
  xf_test_show_window (fixture->prefs);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xf_test_disable_animations ();
  xf_test_window_set_up_demo (&fixture->base, N_PIONEERS, N_COLLECTIVES);
  fixture->folder = g_build_filename (fixture->base.dir, "backups", NULL);
  g_settings_set_string (xf_application_get_settings (fixture->base.app), "backup-folder", fixture->folder);
  /* Off, so that no daily backup joins the ones a test makes (turning
   * it on checks at once). */
  g_settings_set_boolean (xf_application_get_settings (fixture->base.app), "backup-daily", FALSE);
  open_preferences (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_PREFERENCES_WINDOW);
  xf_test_iterate (50);
  g_settings_reset (xf_application_get_settings (fixture->base.app), "backup-folder");
  g_settings_reset (xf_application_get_settings (fixture->base.app), "backup-daily");
  g_free (fixture->folder);
  xf_test_window_tear_down (&fixture->base, NULL);
}

static gboolean
page_idle (gpointer data)
{
  return !xf_backup_preferences_get_busy (data);
}

static void
wait_idle (Fixture *fixture)
{
  g_assert_true (xf_test_wait_until (page_idle, fixture->page, 20000));
  xf_test_iterate (50);
}

static gint64
count_pioneers (XfApplication *app)
{
  g_autoptr(GError) error = NULL;
  gint64 n = xf_db_query_int64 (xf_store_get_db (xf_application_get_store (app)),
                                "SELECT COUNT(*) FROM pioneers", -1, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
scheduler_idle (gpointer data)
{
  GObject *scheduler = xf_application_get_backup_scheduler (data);

  return !xf_backup_scheduler_get_running (XF_BACKUP_SCHEDULER (scheduler));
}

static char *
back_up (Fixture    *fixture,
         const char *name)
{
  char *path = g_build_filename (fixture->folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  xf_backup_preferences_back_up_to (fixture->page, path);
  g_assert_true (xf_backup_preferences_get_busy (fixture->page));
  wait_idle (fixture);
  return path;
}

/* Back Up Now writes a file that inspects as sound, with every pioneer,
 * and the list shows it. */
static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = back_up (fixture, "by-hand.db");
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(XfBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = xf_test_template_child (fixture->page, XF_TYPE_BACKUP_PREFERENCES, "list_box");

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  info = xf_backup_inspect (path, &error);
  g_assert_no_error (error);
  g_assert_true (info->ok);
  g_assert_cmpstr (info->format, ==, "sqlite");
  g_assert_cmpint (info->schema_version, ==, xf_store_get_latest_version ());
  g_assert_cmpint (info->pioneers, ==, count_pioneers (fixture->base.app));
  g_assert_cmpint (info->pioneers, >=, N_PIONEERS + N_COLLECTIVES);

  g_assert_cmpuint (xf_test_count_named (list, "backup-row"), ==, 1);

  /* The page fits a 360-pixel window. */
  g_assert_cmpint (xf_widget_get_min_width (GTK_WIDGET (fixture->page)), <=, 360);

  /* The screenshot: daily backups on (which makes one at once), tall
   * enough to show the list. */
  g_settings_set_boolean (xf_application_get_settings (fixture->base.app), "backup-daily", TRUE);
  g_assert_true (xf_test_wait_until (scheduler_idle, fixture->base.app, 20000));
  xf_backup_preferences_reload (fixture->page);
  g_assert_cmpuint (xf_test_count_named (list, "backup-row"), ==, 2);
  gtk_window_set_default_size (fixture->prefs, 560, 820);
  xf_test_dismiss_toasts (GTK_WIDGET (fixture->prefs));
  xf_test_iterate (200);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->prefs), "backups");
  if (g_getenv ("XF_TEST_NARROW") != NULL)
    {
      gtk_window_set_default_size (fixture->prefs, 360, 820);
      xf_test_iterate (300);
      xf_test_screenshot (GTK_WIDGET (fixture->prefs), "backups-360");
    }
}

static void
finished_cb (XfBackupScheduler *scheduler,
             const char        *path,
             gpointer           user_data)
{
  GPtrArray *paths = user_data;

  g_ptr_array_add (paths, g_strdup (path != NULL ? path : ""));
}

static gboolean
has_items (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

static gboolean
has_two_items (gpointer data)
{
  return ((GPtrArray *) data)->len >= 2;
}

static guint
count_backups (const char *folder,
               gboolean    scheduled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = xf_backup_list (folder, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (((XfBackupEntry *) g_ptr_array_index (entries, i))->scheduled == scheduled)
      n++;
  return n;
}

/* Off, nothing runs; turned on and due (no backup yet), one runs, and no
 * second one while it does; then none is due, and a check writes
 * nothing. */
static void
test_scheduler (Fixture       *fixture,
                gconstpointer  data)
{
  XfBackupScheduler *scheduler = XF_BACKUP_SCHEDULER (xf_application_get_backup_scheduler (fixture->base.app));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSettings *settings = xf_application_get_settings (fixture->base.app);

  g_assert_nonnull (scheduler);
  g_signal_connect (scheduler, "finished", G_CALLBACK (finished_cb), paths);

  g_assert_false (xf_backup_scheduler_check (scheduler));
  g_assert_cmpuint (count_backups (fixture->folder, TRUE), ==, 0);
  /* Turned on, it checks at once. */
  g_settings_set_boolean (settings, "backup-daily", TRUE);
  g_assert_true (xf_backup_scheduler_get_running (scheduler));
  g_assert_false (xf_backup_scheduler_check (scheduler));
  g_assert_true (xf_test_wait_until (has_items, paths, 20000));
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (paths, 0), fixture->folder));
  g_assert_true (g_file_test (g_ptr_array_index (paths, 0), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_backups (fixture->folder, TRUE), ==, 1);

  /* Not due again today. */
  g_assert_false (xf_backup_scheduler_check (scheduler));
  xf_test_iterate (200);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpuint (count_backups (fixture->folder, TRUE), ==, 1);

  /* Another folder is due at once. */
  g_settings_set_string (settings, "backup-folder", fixture->base.dir);
  g_assert_true (xf_backup_scheduler_check (scheduler));
  g_assert_true (xf_test_wait_until (has_two_items, paths, 20000));
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_cmpuint (count_backups (fixture->base.dir, TRUE), ==, 1);

  g_signal_handlers_disconnect_by_func (scheduler, finished_cb, paths);
}

/* Whether a label below @root begins as @format does up to its "%s". */
static gboolean
has_label_with_prefix (GtkWidget  *root,
                       const char *format)
{
  g_autofree char *prefix = g_strndup (format, strstr (format, "%s") - format);

  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with_prefix (child, format))
      return TRUE;
  return FALSE;
}

static void
collect_toast_close_buttons (GtkWidget *root,
                             gboolean   in_toast,
                             GPtrArray *buttons)
{
  /* AdwToastWidget is private to libadwaita: known by its name. Its
   * last button is its close button, after the action's. */
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget");
  if (in_toast && GTK_IS_BUTTON (root))
    g_ptr_array_add (buttons, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_toast_close_buttons (child, in_toast, buttons);
}

/* Closes the one toast shown below @root with its close button. */
static void
close_toast (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_toast_close_buttons (root, FALSE, buttons);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  xf_test_iterate (600);
}

/* A folder that cannot be made: the window says the daily backup failed,
 * with a way to the preferences. */
static void
test_scheduler_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  XfBackupScheduler *scheduler = XF_BACKUP_SCHEDULER (xf_application_get_backup_scheduler (fixture->base.app));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSettings *settings = xf_application_get_settings (fixture->base.app);
  g_autofree char *folder = g_build_filename (fixture->base.dir, "demo.db", "backups", NULL);

  g_assert_false (has_label_with_prefix (GTK_WIDGET (fixture->base.window), _("Daily backup failed: %s")));
  g_signal_connect (scheduler, "finished", G_CALLBACK (finished_cb), paths);
  g_settings_set_string (settings, "backup-folder", folder);
  g_settings_set_boolean (settings, "backup-daily", TRUE);
  g_assert_true (xf_test_wait_until (has_items, paths, 20000));
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "");
  xf_test_iterate (100);
  g_assert_true (has_label_with_prefix (GTK_WIDGET (fixture->base.window), _("Daily backup failed: %s")));

  /* An hour later it fails again, and says nothing new. */
  close_toast (GTK_WIDGET (fixture->base.window));
  g_assert_false (has_label_with_prefix (GTK_WIDGET (fixture->base.window), _("Daily backup failed: %s")));
  g_assert_true (xf_backup_scheduler_check (scheduler));
  g_assert_true (xf_test_wait_until (has_two_items, paths, 20000));
  xf_test_iterate (100);
  g_assert_false (has_label_with_prefix (GTK_WIDGET (fixture->base.window), _("Daily backup failed: %s")));
  g_signal_handlers_disconnect_by_func (scheduler, finished_cb, paths);
}

static gboolean
has_dialog (gpointer data)
{
  return xf_test_find_message_dialog (data) != NULL;
}

static gboolean
is_signed_in (gpointer data)
{
  return xf_application_get_registry (data) != NULL;
}

/* A file archived after the backup is active again once the backup is
 * restored; the data before it is kept as a safety copy beside it. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  XfRegistry *registry = xf_application_get_registry (fixture->base.app);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(XfPioneer) first = NULL;
  g_autoptr(XfPioneer) archived = NULL;
  g_autoptr(XfPioneer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = back_up (fixture, "before.db");
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  list = G_LIST_MODEL (xf_registry_list_new (registry, query));
  first = g_list_model_get_item (list, 0);
  id = xf_pioneer_get_id (first);
  name = g_strdup (xf_pioneer_get_name (first));
  archived = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (registry, archived, "测试", &error));
  g_assert_no_error (error);
  g_clear_object (&archived);
  archived = xf_registry_get_pioneer (registry, id, &error);
  g_assert_cmpstr (xf_pioneer_get_status (archived), ==, "archived");

  xf_backup_preferences_restore (fixture->page, path);
  g_assert_true (xf_test_wait_until (has_dialog, (gpointer) _("Restore This Backup?"), 20000));
  dialog = xf_test_find_message_dialog (_("Restore This Backup?"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  {
    /* It says what the backup holds: its pioneers, before the archiving. */
    g_autofree char *count = xf_exchange_format_count (count_pioneers (fixture->base.app));

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
  }
  if (g_getenv ("XF_TEST_NARROW") != NULL)
    xf_test_screenshot (GTK_WIDGET (dialog), "backups-restore-dialog");
  g_object_ref (fixture->page);
  xf_test_answer (_("Restore This Backup?"), "restore");
  g_assert_true (xf_backup_preferences_get_busy (fixture->page));
  wait_idle (fixture);
  g_object_unref (fixture->page);

  /* The database was opened again, the test administrator signed in
   * again, and the preferences (of the old session) closed. */
  g_assert_true (xf_test_wait_until (is_signed_in, fixture->base.app, 5000));
  g_assert_null (xf_test_find_toplevel (XF_TYPE_PREFERENCES_WINDOW));
  fixture->prefs = NULL;
  fixture->page = NULL;
  registry = xf_application_get_registry (fixture->base.app);
  restored = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_status (restored), ==, "active");
  g_assert_cmpstr (xf_pioneer_get_name (restored), ==, name);

  /* The safety copy holds the archived state. */
  {
    g_autoptr(GPtrArray) entries = xf_backup_list (fixture->folder, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < entries->len; i++)
      {
        XfBackupEntry *entry = g_ptr_array_index (entries, i);
        g_autofree char *base = g_path_get_basename (entry->path);

        if (g_str_has_prefix (base, "xianfeng-before-restore-"))
          found = TRUE;
      }
    g_assert_true (found);
  }
}

/* A backup that is no database at all is refused before any dialog
 * offers to restore it. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = xf_test_make_corrupt_db (fixture->base.dir, "broken.db");
  gint64 before = count_pioneers (fixture->base.app);

  xf_backup_preferences_restore (fixture->page, path);
  wait_idle (fixture);
  g_assert_null (xf_test_find_message_dialog (_("Restore This Backup?")));
  g_assert_cmpint (count_pioneers (fixture->base.app), ==, before);
}

/* "Check Database" shows each check passed on a sound database. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  AdwMessageDialog *dialog;

  xf_backup_preferences_check (fixture->page);
  wait_idle (fixture);
  g_assert_true (xf_test_wait_until (has_dialog, (gpointer) _("The Database Is Sound"), 5000));
  dialog = xf_test_find_message_dialog (_("The Database Is Sound"));
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "check-ok"), ==, 4);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "check-failed"), ==, 0);
  if (g_getenv ("XF_TEST_NARROW") != NULL)
    xf_test_screenshot (GTK_WIDGET (dialog), "backups-check-dialog");
  xf_test_answer (_("The Database Is Sound"), "close");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/backups/language", xf_test_language);
  g_test_add ("/ui/backups/back-up-now", Fixture, NULL, fixture_set_up, test_back_up_now, fixture_tear_down);
  g_test_add ("/ui/backups/scheduler", Fixture, NULL, fixture_set_up, test_scheduler, fixture_tear_down);
  g_test_add ("/ui/backups/scheduler-failure", Fixture, NULL, fixture_set_up, test_scheduler_failure,
              fixture_tear_down);
  g_test_add ("/ui/backups/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/ui/backups/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused,
              fixture_tear_down);
  g_test_add ("/ui/backups/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);

  return g_test_run ();
}
