/* xf-exchange-job.c — the exchange dialogs' long work, in a worker thread
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-exchange-job"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-exchange-job.h"
#include "xf-ui-util.h"

struct _XfExchangeJob
{
  char               *location;   /* may hold a server's password: wiped in free */
  gboolean            with_store;
  XfAccount          *actor;
  XfExchangeWorkFunc  func;
  gpointer            data;
  GDestroyNotify      data_free;
  gpointer            result;
  GDestroyNotify      result_free;
  gint                permille;   /* atomic; -1 while unknown */
};

static void
job_free (gpointer data)
{
  XfExchangeJob *job = data;

  if (job->location != NULL)
    {
      memset (job->location, 0, strlen (job->location));
      g_free (job->location);
    }
  g_clear_object (&job->actor);
  if (job->data_free != NULL)
    job->data_free (job->data);
  if (job->result_free != NULL)
    job->result_free (job->result);
  g_free (job);
}

XfExchangeJob *
xf_exchange_job_new (XfStore            *store,
                     XfAccount          *actor,
                     XfExchangeWorkFunc  func,
                     gpointer            data,
                     GDestroyNotify      data_free)
{
  XfExchangeJob *job;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  job = xf_exchange_job_new_without_store (func, data, data_free);
  job->with_store = TRUE;
  job->location = g_strdup (xf_db_get_path (xf_store_get_db (store)));
  job->actor = actor != NULL ? xf_account_copy (actor) : NULL;
  return job;
}

XfExchangeJob *
xf_exchange_job_new_without_store (XfExchangeWorkFunc func,
                                   gpointer           data,
                                   GDestroyNotify     data_free)
{
  XfExchangeJob *job = g_new0 (XfExchangeJob, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->permille = -1;
  return job;
}

XfAccount *
xf_exchange_job_get_actor (XfExchangeJob *job)
{
  return job->actor;
}

gpointer
xf_exchange_job_get_data (XfExchangeJob *job)
{
  return job->data;
}

void
xf_exchange_job_set_result (XfExchangeJob  *job,
                            gpointer        result,
                            GDestroyNotify  result_free)
{
  if (job->result_free != NULL)
    job->result_free (job->result);
  job->result = result;
  job->result_free = result_free;
}

gpointer
xf_exchange_job_get_result (XfExchangeJob *job)
{
  return job->result;
}

void
xf_exchange_job_progress (double   fraction,
                          gpointer job)
{
  g_atomic_int_set (&((XfExchangeJob *) job)->permille, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

double
xf_exchange_job_get_progress (XfExchangeJob *job)
{
  gint permille = g_atomic_int_get (&job->permille);

  return permille < 0 ? -1 : permille / 1000.0;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  XfExchangeJob *job = task_data;
  g_autoptr(XfStore) store = NULL;
  GError *error = NULL;

  if (job->with_store)
    {
      /* A second connection to ":memory:" would be another, empty database. */
      if (g_strcmp0 (job->location, ":memory:") == 0)
        {
          g_task_return_new_error (task, XF_ERROR, XF_ERROR_IO, "%s",
                                   _("An in-memory database cannot be worked on in the background"));
          return;
        }
      store = xf_store_open_existing (job->location, &error);
      if (store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (!job->func (job, store, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
xf_exchange_job_run (XfExchangeJob       *job,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (job != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_exchange_job_run);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_thread);
}

XfExchangeJob *
xf_exchange_job_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/*
 * The progress dialog
 */

typedef struct
{
  GtkWidget           *dialog;
  GtkProgressBar      *bar;
  XfExchangeJob       *job;       /* owned by the task */
  GCancellable        *cancellable;
  guint                tick_id;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Progress;

static gboolean
progress_tick_cb (gpointer user_data)
{
  Progress *progress = user_data;
  double fraction = xf_exchange_job_get_progress (progress->job);

  if (fraction < 0)
    gtk_progress_bar_pulse (progress->bar);
  else
    gtk_progress_bar_set_fraction (progress->bar, fraction);
  return G_SOURCE_CONTINUE;
}

static void
progress_cancel_cb (Progress *progress)
{
  g_cancellable_cancel (progress->cancellable);
}

static void
progress_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Progress *progress = user_data;

  g_clear_handle_id (&progress->tick_id, g_source_remove);
  if (progress->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (progress->dialog, progress);
      gtk_window_destroy (GTK_WINDOW (progress->dialog));
      g_object_unref (progress->dialog);
    }
  progress->callback (source, result, progress->user_data);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

void
xf_exchange_job_run_with_progress (XfExchangeJob       *job,
                                   GtkWidget           *parent,
                                   const char          *heading,
                                   const char          *body,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Progress *progress = g_new0 (Progress, 1);
  GtkWidget *bar = gtk_progress_bar_new ();

  g_return_if_fail (GTK_IS_WIDGET (parent));

  progress->job = job;
  progress->cancellable = g_cancellable_new ();
  progress->callback = callback;
  progress->user_data = user_data;
  progress->bar = GTK_PROGRESS_BAR (bar);

  progress->dialog = adw_message_dialog_new (xf_widget_get_window (parent), heading, body);
  g_object_ref_sink (progress->dialog);
  gtk_widget_set_name (progress->dialog, "exchange-progress");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (progress->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (progress->dialog), "cancel");
  gtk_widget_set_margin_top (bar, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (progress->dialog), bar);
  /* The dialog goes at once; the work stops at its next check and
   * reports G_IO_ERROR_CANCELLED. */
  g_signal_connect_swapped (progress->dialog, "response::cancel", G_CALLBACK (progress_cancel_cb), progress);
  gtk_window_present (GTK_WINDOW (progress->dialog));

  progress->tick_id = g_timeout_add (100, progress_tick_cb, progress);
  xf_exchange_job_run (job, progress->cancellable, progress_done_cb, progress);
}

/*
 * Choosing a file
 */

typedef struct
{
  XfExchangeChosenFunc func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Chooser;

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         data)
{
  Chooser *chooser = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    chooser->func (path, chooser->user_data);
  if (chooser->destroy != NULL)
    chooser->destroy (chooser->user_data);
  g_free (chooser);
}

void
xf_exchange_choose_file (GtkWidget             *parent,
                         GtkFileChooserAction   action,
                         const char            *title,
                         const char            *accept_label,
                         const char            *folder,
                         const char            *name,
                         GtkFileFilter        **filters,
                         XfExchangeChosenFunc   func,
                         gpointer               user_data,
                         GDestroyNotify         destroy)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkFileChooserNative *dialog;
  Chooser *chooser = g_new0 (Chooser, 1);

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, accept_label, _("_Cancel"));
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filters[i]);
      g_object_unref (filters[i]);
    }
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), current, NULL);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  chooser->func = func;
  chooser->user_data = user_data;
  chooser->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/*
 * Results
 */

void
xf_exchange_show_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *prefs = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (prefs != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (prefs), toast);
  else
    g_object_unref (toast);
}

char *
xf_exchange_format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (n));
  GString *out = g_string_new (n < 0 ? "-" : NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
