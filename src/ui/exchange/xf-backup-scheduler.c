/* xf-backup-scheduler.c — the daily backup, while someone is signed in
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-backup-scheduler"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-application.h"
#include "xf-backup-preferences.h"
#include "xf-backup-scheduler.h"
#include "xf-backup.h"
#include "xf-exchange-job.h"
#include "xf-preferences-window.h"
#include "xf-window.h"

#define CHECK_INTERVAL_SECONDS (60 * 60)
/* Not in the very second of the sign-in: the pages read the database
 * first, and a short visit (or a test) leaves no backup behind. */
#define SIGN_IN_DELAY_SECONDS  120

struct _XfBackupScheduler
{
  GObject         parent_instance;

  XfApplication  *application;   /* weak: it owns us */
  GSettings      *settings;
  GCancellable   *cancellable;   /* of the backup running, if any */
  guint           timer_id;
  guint           sign_in_id;    /* the check after a sign-in */
  gboolean        failing;       /* said once, not every hour, until it works again */
};

G_DEFINE_FINAL_TYPE (XfBackupScheduler, xf_backup_scheduler, G_TYPE_OBJECT)

enum { FINISHED, N_SIGNALS };
static guint signals [N_SIGNALS];

typedef struct
{
  char  *folder;
  guint  keep;
} Scheduled;

static void
scheduled_free (gpointer data)
{
  Scheduled *scheduled = data;

  g_free (scheduled->folder);
  g_free (scheduled);
}

char *
xf_backup_scheduler_dup_folder (GSettings *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");

  if (folder[0] == '\0')
    return xf_backup_default_folder ();
  return g_steal_pointer (&folder);
}

static gboolean
backup_thread (XfExchangeJob  *job,
               XfStore        *store,
               GCancellable   *cancellable,
               GError        **error)
{
  Scheduled *scheduled = xf_exchange_job_get_data (job);
  GError *local_error = NULL;
  char *path;

  path = xf_backup_run_scheduled (store, xf_exchange_job_get_actor (job), scheduled->folder,
                                  scheduled->keep, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  xf_exchange_job_set_result (job, path, g_free);
  return TRUE;
}

static void
open_preferences_cb (XfBackupScheduler *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  GtkWidget *prefs;

  if (self->application == NULL)
    return;
  prefs = xf_preferences_window_new (self->application);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), XF_BACKUP_PREFERENCES_PAGE_NAME);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
show_failure (XfBackupScheduler *self,
              const GError      *error)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (self->application == NULL)
    return;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    {
      if (!XF_IS_WINDOW (l->data))
        continue;
      /* Translators: %s says why, e.g. "The disk is full: …" */
      title = g_strdup_printf (_("Daily backup failed: %s"), error->message);
      toast = adw_toast_new (title);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Preferences"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_preferences_cb), self,
                               G_CONNECT_SWAPPED);
      xf_window_add_toast (XF_WINDOW (l->data), toast);
      return;
    }
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XfBackupScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);
  const char *path = job != NULL ? xf_exchange_job_get_result (job) : NULL;

  g_clear_object (&self->cancellable);
  if (job == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("Daily backup failed: %s", error->message);
      if (!self->failing)
        show_failure (self, error);
      self->failing = TRUE;
    }
  else if (job != NULL)
    {
      self->failing = FALSE;
      if (path != NULL)
        g_debug ("Daily backup written to %s", path);
    }
  g_signal_emit (self, signals [FINISHED], 0, path);
}

gboolean
xf_backup_scheduler_check (XfBackupScheduler *self)
{
  XfRegistry *registry;
  XfStore *store;
  Scheduled *scheduled;
  XfExchangeJob *job;

  g_return_val_if_fail (XF_IS_BACKUP_SCHEDULER (self), FALSE);

  if (self->application == NULL || self->cancellable != NULL)
    return FALSE;
  if (!g_settings_get_boolean (self->settings, "backup-daily"))
    return FALSE;
  registry = xf_application_get_registry (self->application);
  if (registry == NULL)
    return FALSE;
  /* A server's database is the server's to back up (pg_dump); a file
   * that cannot be written has nothing new to keep, nor room for the
   * backup's audit entry. */
  store = xf_registry_get_store (registry);
  if (xf_db_get_backend (xf_store_get_db (store)) != XF_DB_BACKEND_SQLITE ||
      xf_store_is_read_only (store) ||
      g_strcmp0 (xf_db_get_path (xf_store_get_db (store)), ":memory:") == 0)
    return FALSE;

  scheduled = g_new0 (Scheduled, 1);
  scheduled->folder = xf_backup_scheduler_dup_folder (self->settings);
  scheduled->keep = MAX (1, g_settings_get_uint (self->settings, "backup-keep"));
  /* Asking costs a folder listing; the worker and its connection only
   * when a backup is due. */
  if (!xf_backup_is_due (scheduled->folder, g_get_real_time ()))
    {
      scheduled_free (scheduled);
      return FALSE;
    }

  job = xf_exchange_job_new (store, xf_registry_get_actor (registry), backup_thread,
                             scheduled, scheduled_free);
  self->cancellable = g_cancellable_new ();
  xf_exchange_job_run (job, self->cancellable, backup_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
xf_backup_scheduler_get_running (XfBackupScheduler *self)
{
  g_return_val_if_fail (XF_IS_BACKUP_SCHEDULER (self), FALSE);
  return self->cancellable != NULL;
}

static gboolean
timer_cb (gpointer user_data)
{
  xf_backup_scheduler_check (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
sign_in_delay_cb (gpointer user_data)
{
  XfBackupScheduler *self = user_data;

  self->sign_in_id = 0;
  xf_backup_scheduler_check (self);
  return G_SOURCE_REMOVE;
}

/* Someone signed in: check shortly. */
static void
registry_changed_cb (XfBackupScheduler *self)
{
  self->failing = FALSE;
  g_clear_handle_id (&self->sign_in_id, g_source_remove);
  if (self->application != NULL && xf_application_get_registry (self->application) != NULL)
    self->sign_in_id = g_timeout_add_seconds (SIGN_IN_DELAY_SECONDS, sign_in_delay_cb, self);
}

/* Turned on: check now. */
static void
daily_changed_cb (XfBackupScheduler *self)
{
  self->failing = FALSE;
  xf_backup_scheduler_check (self);
}

/* Another folder may work: the next failure is told again. */
static void
folder_changed_cb (XfBackupScheduler *self)
{
  self->failing = FALSE;
}

static void
xf_backup_scheduler_dispose (GObject *object)
{
  XfBackupScheduler *self = XF_BACKUP_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->sign_in_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_backup_scheduler_parent_class)->dispose (object);
}

static void
xf_backup_scheduler_class_init (XfBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_backup_scheduler_dispose;

  /**
   * XfBackupScheduler::finished:
   * @path: (nullable): the new backup, or %NULL
   *
   * A check that ran in the worker ended.
   */
  signals [FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xf_backup_scheduler_init (XfBackupScheduler *self)
{
}

XfBackupScheduler *
xf_backup_scheduler_new (GtkApplication *application)
{
  XfBackupScheduler *self;

  g_return_val_if_fail (XF_IS_APPLICATION (application), NULL);

  self = g_object_new (XF_TYPE_BACKUP_SCHEDULER, NULL);
  g_set_weak_pointer (&self->application, XF_APPLICATION (application));
  self->settings = g_object_ref (xf_application_get_settings (self->application));
  g_signal_connect_object (application, "notify::registry", G_CALLBACK (registry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::backup-daily", G_CALLBACK (daily_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::backup-folder", G_CALLBACK (folder_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, timer_cb, self);
  return self;
}
