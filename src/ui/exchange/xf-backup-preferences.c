/* xf-backup-preferences.c — the Backups page of the preferences
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-backup-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-backup-preferences.h"
#include "xf-backup-scheduler.h"
#include "xf-backup.h"
#include "xf-check.h"
#include "xf-exchange-job.h"
#include "xf-permission.h"
#include "xf-ui-util.h"
#include "xf-window.h"

struct _XfBackupPreferences
{
  AdwPreferencesPage  parent_instance;

  XfApplication      *application;
  GSettings          *settings;
  gboolean            busy;

  /* Template widgets */
  AdwPreferencesGroup *server_group;
  AdwPreferencesGroup *daily_group;
  GtkSwitch          *daily_switch;
  AdwActionRow       *folder_row;
  GtkWidget          *folder_reset_button;
  GtkSpinButton      *keep_spin;
  AdwPreferencesGroup *actions_group;
  GtkWidget          *backup_now_row;
  GtkWidget          *restore_file_row;
  GtkWidget          *check_row;
  AdwPreferencesGroup *list_group;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (XfBackupPreferences, xf_backup_preferences, ADW_TYPE_PREFERENCES_PAGE)

/*
 * What the page offers, and to whom
 */

static XfStore *
get_store (XfBackupPreferences *self)
{
  XfRegistry *registry = xf_application_get_registry (self->application);

  return registry != NULL ? xf_registry_get_store (registry) : NULL;
}

static XfAccount *
get_actor (XfBackupPreferences *self)
{
  return xf_application_get_account (self->application);
}

static gboolean
is_server (XfBackupPreferences *self)
{
  XfStore *store = get_store (self);

  return store != NULL && xf_db_get_backend (xf_store_get_db (store)) == XF_DB_BACKEND_POSTGRESQL;
}

static gboolean
may (XfBackupPreferences *self,
     XfOperation          op)
{
  XfAccount *actor = get_actor (self);

  return actor != NULL && get_store (self) != NULL && xf_permission_allows (actor, op, NULL);
}

static char *
dup_folder (XfBackupPreferences *self)
{
  return xf_backup_scheduler_dup_folder (self->settings);
}

static gboolean
have_pg_dump (void)
{
  g_autofree char *program = g_find_program_in_path ("pg_dump");

  return program != NULL;
}

static void
update_actions (XfBackupPreferences *self)
{
  XfStore *store = get_store (self);
  gboolean server = is_server (self);
  gboolean admin = may (self, XF_OP_DATABASE_ADMIN);
  gboolean checker = may (self, XF_OP_DATABASE_CHECK);
  /* A server is dumped with pg_dump: offered only when it is installed. */
  gboolean can_back_up = admin && (!server || have_pg_dump ());
  gboolean can_restore = admin && !server && store != NULL && !xf_store_is_read_only (store);

  gtk_widget_set_visible (GTK_WIDGET (self->server_group), server);
  gtk_widget_set_visible (GTK_WIDGET (self->daily_group), !server);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), !server);
  gtk_widget_set_visible (self->backup_now_row, can_back_up);
  gtk_widget_set_visible (self->restore_file_row, can_restore);
  gtk_widget_set_visible (self->check_row, checker);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), can_back_up || can_restore || checker);
  /* An auditor sees only the check there: not "Back up and restore". */
  adw_preferences_group_set_title (self->actions_group,
                                   can_back_up || can_restore ? _("Back up and restore") : _("Database"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now", can_back_up && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore-file", can_restore && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", can_restore && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.check", checker && !self->busy);
}

static void
set_busy (XfBackupPreferences *self,
          gboolean             busy)
{
  self->busy = busy;
  update_actions (self);
}

/*
 * The folder and its backups
 */

static void
update_folder_row (XfBackupPreferences *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "backup-folder");
  g_autofree char *folder = dup_folder (self);
  g_autofree char *subtitle = NULL;

  if (setting[0] == '\0')
    /* Translators: %s is a folder, e.g. /home/li/.local/share/xianfeng/backups */
    subtitle = g_strdup_printf (_("%s (default)"), folder);
  adw_action_row_set_subtitle (self->folder_row, subtitle != NULL ? subtitle : folder);
  gtk_widget_set_visible (self->folder_reset_button, setting[0] != '\0');
}

static char *
format_time (gint64 utc_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (utc_us / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static GtkWidget *
new_backup_row (XfBackupPreferences *self,
                XfBackupEntry       *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *title = format_time (entry->created_at);
  g_autofree char *size = g_format_size (entry->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_path_get_basename (entry->path);

  /* Translators: a backup's size and how it was made, e.g. "12.3 MB · daily" */
  subtitle = g_strdup_printf (_("%s · %s"), size, entry->scheduled ? _("daily") : name);
  gtk_widget_set_name (row, "backup-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, entry->path);

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->path);
  gtk_widget_set_visible (button, gtk_widget_get_visible (self->restore_file_row));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
xf_backup_preferences_reload (XfBackupPreferences *self)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (XF_IS_BACKUP_PREFERENCES (self));

  update_actions (self);
  update_folder_row (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  folder = dup_folder (self);
  entries = xf_backup_list (folder, &error);
  if (entries == NULL)
    {
      adw_preferences_group_set_description (self->list_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->list_group, NULL);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list_box, new_backup_row (self, g_ptr_array_index (entries, i)));
}

static void
folder_chosen (const char *path,
               gpointer    user_data)
{
  g_settings_set_string (XF_BACKUP_PREFERENCES (user_data)->settings, "backup-folder", path);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autofree char *folder = dup_folder (XF_BACKUP_PREFERENCES (widget));

  xf_exchange_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Choose the Backup Folder"),
                           _("_Select"), folder, NULL, NULL, folder_chosen, g_object_ref (widget),
                           g_object_unref);
}

static void
reset_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_settings_reset (XF_BACKUP_PREFERENCES (widget)->settings, "backup-folder");
}

/*
 * Back up now
 */

static gboolean
back_up_thread (XfExchangeJob  *job,
                XfStore        *store,
                GCancellable   *cancellable,
                GError        **error)
{
  return xf_backup_database (store, xf_exchange_job_get_actor (job), xf_exchange_job_get_data (job),
                             xf_exchange_job_progress, job, cancellable, error);
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XfBackupPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  set_busy (self, FALSE);
  if (job == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        text = g_strdup (_("Backup cancelled: no file was written"));
      else
        /* Translators: %s says why */
        text = g_strdup_printf (_("Backup failed: %s"), error->message);
    }
  else
    {
      name = g_path_get_basename (xf_exchange_job_get_data (job));
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Backed up to “%s”"), name);
    }
  xf_exchange_show_toast (GTK_WIDGET (self), adw_toast_new (text));
  xf_backup_preferences_reload (self);
}

void
xf_backup_preferences_back_up_to (XfBackupPreferences *self,
                                  const char          *path)
{
  XfExchangeJob *job;

  g_return_if_fail (XF_IS_BACKUP_PREFERENCES (self));
  g_return_if_fail (path != NULL);

  if (self->busy || !may (self, XF_OP_DATABASE_ADMIN))
    return;
  set_busy (self, TRUE);
  job = xf_exchange_job_new (get_store (self), get_actor (self), back_up_thread, g_strdup (path), g_free);
  xf_exchange_job_run_with_progress (job, GTK_WIDGET (self), _("Backing Up…"),
                                     _("The database stays in use meanwhile. Cancel leaves no file."),
                                     backed_up_cb, g_object_ref (self));
}

static void
backup_chosen (const char *path,
               gpointer    user_data)
{
  xf_backup_preferences_back_up_to (user_data, path);
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfBackupPreferences *self = XF_BACKUP_PREFERENCES (widget);
  g_autofree char *folder = dup_folder (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;

  /* Not the daily backups' "xianfeng-YYYYMMDD-HHMMSS.db": rotation never
   * removes a backup made by hand. */
  name = g_strdup_printf ("xianfeng-backup-%s.%s", stamp, is_server (self) ? "dump" : "db");
  xf_exchange_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up the Database"), _("_Back Up"),
                           folder, name, NULL, backup_chosen, g_object_ref (self), g_object_unref);
}

/*
 * Restore: inspect, confirm, restore, open again
 */

static gboolean
inspect_thread (XfExchangeJob  *job,
                XfStore        *store,
                GCancellable   *cancellable,
                GError        **error)
{
  XfBackupInfo *info = xf_backup_inspect (xf_exchange_job_get_data (job), error);

  if (info == NULL)
    return FALSE;
  xf_exchange_job_set_result (job, info, (GDestroyNotify) xf_backup_info_free);
  return TRUE;
}

static gboolean
restore_thread (XfExchangeJob  *job,
                XfStore        *store,
                GCancellable   *cancellable,
                GError        **error)
{
  const char * const *paths = xf_exchange_job_get_data (job);   /* backup, safety folder */
  char *safety_copy = NULL;

  if (!xf_backup_restore (store, xf_exchange_job_get_actor (job), paths[0], paths[1], &safety_copy,
                          xf_exchange_job_progress, job, cancellable, error))
    return FALSE;
  xf_exchange_job_set_result (job, safety_copy, g_free);
  return TRUE;
}

static XfWindow *
get_main_window (XfBackupPreferences *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    if (XF_IS_WINDOW (l->data))
      return XF_WINDOW (l->data);
  return NULL;
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XfBackupPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);
  g_autofree char *location = NULL;
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  XfWindow *window;

  set_busy (self, FALSE);
  if (job == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        text = g_strdup (_("Restore cancelled: the data is as it was"));
      else
        /* Translators: %s says why */
        text = g_strdup_printf (_("Restore failed: %s"), error->message);
      xf_exchange_show_toast (GTK_WIDGET (self), adw_toast_new (text));
      return;
    }

  /* Everything shown was read before: the database opens again, as after
   * a switch, and whoever was signed in signs in again (the restored
   * accounts may differ). The preferences showed the old session too. */
  location = g_strdup (xf_application_get_database_path (self->application));
  if (!xf_application_open_database (self->application, location, FALSE, &error))
    text = g_strdup (error->message);
  else
    /* Translators: %s is the safety copy's full path */
    text = g_strdup_printf (_("Backup restored. The data before it is kept in “%s”"),
                            (const char *) xf_exchange_job_get_result (job));

  window = get_main_window (self);
  if (window != NULL)
    {
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      xf_window_add_toast (window, toast);
    }
  if (GTK_IS_WINDOW (root) && GTK_WINDOW (root) != GTK_WINDOW (window))
    gtk_window_destroy (GTK_WINDOW (root));
}

static void
restore_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     XfBackupPreferences *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  char **paths;
  XfExchangeJob *job;

  if (self->busy || !may (self, XF_OP_DATABASE_ADMIN))
    return;
  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (path);
  paths[1] = dup_folder (self);
  set_busy (self, TRUE);
  job = xf_exchange_job_new (get_store (self), get_actor (self), restore_thread, paths,
                             (GDestroyNotify) g_strfreev);
  xf_exchange_job_run_with_progress (job, GTK_WIDGET (self), _("Restoring…"),
                                     _("The current data is saved first, then replaced."),
                                     restored_cb, g_object_ref (self));
}

static char *
describe_backup (XfBackupInfo *info)
{
  GString *text = g_string_new (NULL);
  g_autofree char *made = format_time (info->created_at);
  g_autofree char *size = g_format_size (info->size);

  /* Translators: what a backup holds, one line each */
  g_string_append_printf (text, _("Made: %s (%s)"), made, size);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Schema version: %d"), info->schema_version);
  if (info->pioneers >= 0)
    {
      g_autofree char *n = xf_exchange_format_count (info->pioneers);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Pioneers: %s"), n);
    }
  if (info->audit_entries >= 0)
    {
      g_autofree char *n = xf_exchange_format_count (info->audit_entries);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Audit entries: %s"), n);
    }
  return g_string_free (text, FALSE);
}

static void
show_restore_dialog (XfBackupPreferences *self,
                     XfBackupInfo        *info)
{
  g_autofree char *what = describe_backup (info);
  g_autofree char *folder = dup_folder (self);
  GtkWidget *dialog;

  if (!info->ok)
    {
      GString *body = g_string_new (what);

      dialog = adw_message_dialog_new (xf_widget_get_window (GTK_WIDGET (self)),
                                       _("This Backup Cannot Be Restored"), NULL);
      g_string_append (body, "\n\n");
      g_string_append (body, _("It fails these checks:"));
      for (guint i = 0; info->problems != NULL && i < info->problems->len; i++)
        g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (info->problems, i));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
      g_string_free (body, TRUE);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = adw_message_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s\n\n%s", what, _("Checks: all passed"),
                                  /* Translators: %s is a folder */
                                  _("The current data will be replaced by the backup’s. "
                                    "A safety copy of it is saved first, in this folder:"));
  /* The folder on a line of its own, selectable. */
  {
    GtkWidget *label = gtk_label_new (folder);

    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    gtk_widget_add_css_class (label, "caption");
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", C_("backup", "_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (info->path), g_free);
  g_signal_connect_object (dialog, "response::restore", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The result of a job that only reads (inspect, check), or NULL when it
 * failed (said in a toast; a cancel says nothing) or the page is gone. */
static gpointer
finish_reading_job (XfBackupPreferences *self,
                    GAsyncResult        *result)
{
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);

  set_busy (self, FALSE);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return NULL;
  if (job == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xf_exchange_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return NULL;
    }
  return xf_exchange_job_get_result (job);
}

static void
inspected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XfBackupPreferences) self = user_data;
  gpointer info = finish_reading_job (self, result);

  if (info != NULL)
    show_restore_dialog (self, info);
}

void
xf_backup_preferences_restore (XfBackupPreferences *self,
                               const char          *path)
{
  g_return_if_fail (XF_IS_BACKUP_PREFERENCES (self));
  g_return_if_fail (path != NULL);

  if (self->busy || !may (self, XF_OP_DATABASE_ADMIN))
    return;
  set_busy (self, TRUE);
  xf_exchange_job_run (xf_exchange_job_new_without_store (inspect_thread, g_strdup (path), g_free),
                       NULL, inspected_cb, g_object_ref (self));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xf_backup_preferences_restore (XF_BACKUP_PREFERENCES (widget), g_variant_get_string (parameter, NULL));
}

static void
restore_chosen (const char *path,
                gpointer    user_data)
{
  xf_backup_preferences_restore (user_data, path);
}

static void
restore_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkFileFilter *filters[2] = { gtk_file_filter_new (), NULL };
  g_autofree char *folder = dup_folder (XF_BACKUP_PREFERENCES (widget));

  gtk_file_filter_set_name (filters[0], _("Xianfeng backups"));
  gtk_file_filter_add_pattern (filters[0], "*.db");
  gtk_file_filter_add_pattern (filters[0], "*.sqlite");
  gtk_file_filter_add_pattern (filters[0], "*.sqlite3");
  xf_exchange_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore from a Backup"), _("_Open"),
                           folder, NULL, filters, restore_chosen, g_object_ref (widget), g_object_unref);
}

/*
 * Check
 */

static gboolean
check_thread (XfExchangeJob  *job,
              XfStore        *store,
              GCancellable   *cancellable,
              GError        **error)
{
  XfCheckReport *report = xf_check_database (store, xf_exchange_job_get_actor (job), cancellable, error);

  if (report == NULL)
    return FALSE;
  xf_exchange_job_set_result (job, report, (GDestroyNotify) xf_check_report_free);
  return TRUE;
}

static void
show_check_dialog (XfBackupPreferences *self,
                   XfCheckReport       *report)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();

  dialog = adw_message_dialog_new (xf_widget_get_window (GTK_WIDGET (self)),
                                   report->ok ? _("The Database Is Sound") : _("The Database Has Problems"),
                                   report->ok ? _("Every check passed.")
                                              : _("Restore a backup that passes these checks, or ask "
                                                  "whoever looks after the database."));
  gtk_widget_set_name (dialog, "check-dialog");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < report->items->len; i++)
    {
      XfCheckItem *item = g_ptr_array_index (report->items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (item->ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

      gtk_widget_set_name (row, item->ok ? "check-ok" : "check-failed");
      gtk_widget_add_css_class (icon, item->ok ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->ok ? _("Passed") : _("Failed"), -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XfBackupPreferences) self = user_data;
  gpointer report = finish_reading_job (self, result);

  if (report != NULL)
    show_check_dialog (self, report);
}

void
xf_backup_preferences_check (XfBackupPreferences *self)
{
  XfExchangeJob *job;

  g_return_if_fail (XF_IS_BACKUP_PREFERENCES (self));

  if (self->busy || !may (self, XF_OP_DATABASE_CHECK))
    return;
  set_busy (self, TRUE);
  job = xf_exchange_job_new (get_store (self), get_actor (self), check_thread, NULL, NULL);
  xf_exchange_job_run_with_progress (job, GTK_WIDGET (self), _("Checking the Database…"), NULL,
                                     checked_cb, g_object_ref (self));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xf_backup_preferences_check (XF_BACKUP_PREFERENCES (widget));
}

gboolean
xf_backup_preferences_get_busy (XfBackupPreferences *self)
{
  g_return_val_if_fail (XF_IS_BACKUP_PREFERENCES (self), FALSE);
  return self->busy;
}

/*
 * The page
 */

static gboolean
keep_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
keep_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 1, 365));
}

static void
xf_backup_preferences_dispose (GObject *object)
{
  XfBackupPreferences *self = XF_BACKUP_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_BACKUP_PREFERENCES);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (xf_backup_preferences_parent_class)->dispose (object);
}

static void
xf_backup_preferences_class_init (XfBackupPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_backup_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-backup-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, server_group);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, daily_group);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, daily_switch);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, folder_row);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, actions_group);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, backup_now_row);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, restore_file_row);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, check_row);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, list_group);
  gtk_widget_class_bind_template_child (widget_class, XfBackupPreferences, list_box);

  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "backups.restore-file", NULL, restore_file_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "backups.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.reset-folder", NULL, reset_folder_action);
}

static void
xf_backup_preferences_init (XfBackupPreferences *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No backups in this folder yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

GtkWidget *
xf_backup_preferences_new (XfApplication *application)
{
  XfBackupPreferences *self;

  g_return_val_if_fail (XF_IS_APPLICATION (application), NULL);

  self = g_object_new (XF_TYPE_BACKUP_PREFERENCES, NULL);
  self->application = g_object_ref (application);
  self->settings = g_object_ref (xf_application_get_settings (application));
  g_settings_bind (self->settings, "backup-daily", self->daily_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "backup-keep", self->keep_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, keep_get_mapping, keep_set_mapping, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::backup-folder",
                           G_CALLBACK (xf_backup_preferences_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::registry",
                           G_CALLBACK (xf_backup_preferences_reload), self, G_CONNECT_SWAPPED);
  xf_backup_preferences_reload (self);
  return GTK_WIDGET (self);
}
