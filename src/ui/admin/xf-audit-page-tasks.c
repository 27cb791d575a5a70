/* xf-audit-page-tasks.c — verifying and exporting the audit trail in a worker
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit-page-private.h"
#include "xf-error.h"

/*
 * A job runs on a connection of its own, opened in the worker, so that the
 * window's connection stays free for the window (and a PostgreSQL
 * connection is never used by two threads). The worker reports progress
 * through two counters the page reads on a timer, rather than a flood of
 * idle callbacks.
 */

typedef struct
{
  char          *location;
  XfAccount     *actor;
  /* Export only: the filters as they were, and where to. */
  char          *person;
  char          *record;
  char          *action;
  gint64         from;
  gint64         to;
  GFile         *file;
  /* Written by the worker, read by the page. */
  gint           done;
  gint           total;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->location);
  g_clear_object (&job->actor);
  g_free (job->person);
  g_free (job->record);
  g_free (job->action);
  g_clear_object (&job->file);
  g_free (job);
}

static Job *
job_new (XfAuditPage *self)
{
  Job *job = g_new0 (Job, 1);
  XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));

  job->location = g_strdup (xf_db_get_path (db));
  job->actor = xf_account_copy (xf_registry_get_actor (self->registry));
  return job;
}

static XfStore *
open_store (Job     *job,
            GError **error)
{
  /* A second connection to ":memory:" would be another, empty database. */
  if (g_strcmp0 (job->location, ":memory:") == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_IO,
                           _("An in-memory database cannot be checked or exported in the background"));
      return NULL;
    }
  return xf_store_open_existing (job->location, error);
}

/*
 * Busy state
 */

static void
update_actions (XfAuditPage *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.cancel", busy);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  XfAuditPage *self = user_data;
  Job *job = self->job;
  gint done, total;
  g_autofree char *text = NULL;

  if (job == NULL)
    return G_SOURCE_CONTINUE;
  done = g_atomic_int_get (&job->done);
  total = g_atomic_int_get (&job->total);
  if (total <= 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / total));
  /* Translators: progress of a check, e.g. "1,200 of 5,000 entries" */
  text = g_strdup_printf (ngettext ("%d of %d entry", "%d of %d entries", total), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static GCancellable *
start (XfAuditPage *self,
       Job         *job,
       const char  *label)
{
  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  self->job = job;
  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  update_actions (self);
  return self->cancellable;
}

static void
stop (XfAuditPage *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  self->job = NULL;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_actions (self);
}

void
_xf_audit_page_stop_tasks (XfAuditPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  self->job = NULL;
}

/* The task finished for the job still shown, not one cancelled before. */
static gboolean
is_current (XfAuditPage *self,
            GTask       *task)
{
  return self->cancellable != NULL && g_task_get_cancellable (task) == self->cancellable;
}

void
_xf_audit_page_cancel_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  XfAuditPage *self = XF_AUDIT_PAGE (widget);

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  stop (self);
}

/*
 * Verifying the chain
 */

static void
show_result (XfAuditPage *self,
             gboolean     good,
             const char  *title,
             const char  *text)
{
  GtkWidget *title_label = GTK_WIDGET (self->result_title);

  gtk_image_set_from_icon_name (self->result_icon, good ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), good ? "success" : "error");
  gtk_widget_remove_css_class (title_label, good ? "error" : "success");
  gtk_widget_add_css_class (title_label, good ? "success" : "error");
  gtk_label_set_label (self->result_title, title);
  gtk_label_set_label (self->result_label, text);
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

static void
verify_progress_cb (gint64   done,
                    gint64   total,
                    gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->done, (gint) MIN (done, G_MAXINT));
  g_atomic_int_set (&job->total, (gint) MIN (total, G_MAXINT));
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  XfAuditVerification *result = NULL;

  store = open_store (job, &error);
  if (store != NULL)
    result = xf_audit_verify (store, job->actor, verify_progress_cb, job, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) xf_audit_verification_free);
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  XfAuditPage *self = XF_AUDIT_PAGE (source);
  g_autoptr(XfAuditVerification) verification = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_current (self, G_TASK (result)))
    return;
  verification = g_task_propagate_pointer (G_TASK (result), &error);
  stop (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (verification == NULL)
    {
      show_result (self, FALSE, _("Could not verify the audit trail"), error->message);
      return;
    }
  if (verification->problem == XF_AUDIT_OK)
    {
      g_autofree char *text = NULL;

      /* %lld, not G_GINT64_FORMAT: xgettext cannot see through a macro. */
      text = g_strdup_printf (ngettext ("%lld entry was checked: none was changed, "
                                        "removed or inserted.",
                                        "All %lld entries were checked: none was "
                                        "changed, removed or inserted.",
                                        (gulong) verification->n_entries),
                              (long long) verification->n_entries);
      show_result (self, TRUE, _("The audit trail is intact"), text);
    }
  else
    show_result (self, FALSE, _("The audit trail has been tampered with"), verification->message);
}

void
xf_audit_page_verify (XfAuditPage *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  GCancellable *cancellable;

  g_return_if_fail (XF_IS_AUDIT_PAGE (self));

  if (self->cancellable != NULL)
    return;
  job = job_new (self);
  cancellable = start (self, job, _("Verifying the chain…"));
  /* The task holds the page until it is done; a cancelled one is ignored. */
  task = g_task_new (self, cancellable, verify_done_cb, NULL);
  g_task_set_source_tag (task, xf_audit_page_verify);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, verify_thread);
}

void
_xf_audit_page_verify_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  xf_audit_page_verify (XF_AUDIT_PAGE (widget));
}

/*
 * Exporting to CSV
 */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  XfAuditFilter filter = {
    .actor_login = job->person,
    .record_uid = job->record,
    .action = job->action,
    .from = job->from,
    .to = job->to,
  };

  store = open_store (job, &error);
  if (store != NULL)
    out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (out != NULL &&
      xf_audit_export_csv (store, job->actor, &filter, G_OUTPUT_STREAM (out), cancellable, &error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Closing a replacement with a cancelled cancellable keeps the file
   * that was there before, rather than half an export. */
  if (out != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (out)))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  XfAuditPage *self = XF_AUDIT_PAGE (source);
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = NULL;

  if (!is_current (self, G_TASK (result)))
    return;
  g_task_propagate_boolean (G_TASK (result), &error);
  stop (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    /* Translators: %s is a file name, then why it could not be written */
    text = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Audit trail exported to %s"), name);
  _xf_audit_page_show_toast (self, text);
  /* The export itself is in the trail now. */
  xf_audit_page_refresh (self);
}

void
xf_audit_page_export (XfAuditPage *self,
                      GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  XfAuditFilter filter;
  GCancellable *cancellable;
  Job *job;

  g_return_if_fail (XF_IS_AUDIT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;
  job = job_new (self);
  _xf_audit_page_get_filter (self, &filter);
  job->person = g_strdup (filter.actor_login);
  job->record = g_strdup (filter.record_uid);
  job->action = g_strdup (filter.action);
  job->from = filter.from;
  job->to = filter.to;
  job->file = g_object_ref (file);

  cancellable = start (self, job, _("Exporting…"));
  task = g_task_new (self, cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, xf_audit_page_export);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     XfAuditPage     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    xf_audit_page_export (self, file);
}

void
_xf_audit_page_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  XfAuditPage *self = XF_AUDIT_PAGE (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Audit Trail"),
                                         GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of an export; %s is today's date.
   * Keep it a valid file name. */
  name = g_strdup_printf (_("audit-trail-%s.csv"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
