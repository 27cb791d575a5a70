/* xf-exchange-job.h — the exchange dialogs' long work, in a worker thread
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-account.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * A backup, restore, check, export or bulk edit runs in a GTask thread on
 * a connection of its own, opened there on the window's database (an
 * XfStore is never used from two threads), as a copy of the signed-in
 * account. The work reports progress (0..1) through
 * xf_exchange_job_progress(), which any of core's progress callbacks take
 * as is; the main thread reads it on a timer.
 *
 * xf_exchange_job_run_with_progress() shows it: an AdwMessageDialog over
 * the caller's window with a progress bar and Cancel (which cancels the
 * job; core then leaves everything as it was), closed when the job ends.
 */

typedef struct _XfExchangeJob XfExchangeJob;

/* Runs in the worker. @store is the job's own connection, NULL for a job
 * made with xf_exchange_job_new_without_store(). */
typedef gboolean (*XfExchangeWorkFunc) (XfExchangeJob  *job,
                                        XfStore        *store,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* @store: the window's store, whose location the worker opens again. */
XfExchangeJob *xf_exchange_job_new        (XfStore             *store,
                                           XfAccount           *actor,
                                           XfExchangeWorkFunc   func,
                                           gpointer             data,
                                           GDestroyNotify       data_free);
/* For work on files only (inspecting a backup). */
XfExchangeJob *xf_exchange_job_new_without_store (XfExchangeWorkFunc func,
                                                  gpointer           data,
                                                  GDestroyNotify     data_free);
/* (transfer none) a copy of the actor, for the worker. */
XfAccount     *xf_exchange_job_get_actor  (XfExchangeJob       *job);
gpointer       xf_exchange_job_get_data   (XfExchangeJob       *job);
/* The worker's answer, for the main thread (freed with the job). */
void           xf_exchange_job_set_result (XfExchangeJob       *job,
                                           gpointer             result,
                                           GDestroyNotify       result_free);
gpointer       xf_exchange_job_get_result (XfExchangeJob       *job);
/* Thread-safe; the shape of XfBackupProgressFunc and its kin. */
void           xf_exchange_job_progress   (double               fraction,
                                           gpointer             job);
double         xf_exchange_job_get_progress (XfExchangeJob     *job);

/* Takes @job; @callback gets the result for xf_exchange_job_finish(). */
void           xf_exchange_job_run        (XfExchangeJob       *job,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* As xf_exchange_job_run(), with the progress dialog over @parent's
 * window, headed @heading, @body beneath (may be NULL). */
void           xf_exchange_job_run_with_progress (XfExchangeJob       *job,
                                                  GtkWidget           *parent,
                                                  const char          *heading,
                                                  const char          *body,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* (transfer none): the job, valid during the callback; NULL with @error
 * when the work failed or was cancelled (G_IO_ERROR_CANCELLED). */
XfExchangeJob *xf_exchange_job_finish     (GAsyncResult        *result,
                                           GError             **error);

/* A GtkFileChooserNative over @parent's window; @func hears the path
 * chosen, never a cancel. @folder (may be NULL, or absent on disk: then
 * the chooser's own) is where it opens, @name the name it offers (SAVE),
 * @filters (NULL-terminated, may be NULL) its filters (taken). */
typedef void (*XfExchangeChosenFunc) (const char *path,
                                      gpointer    user_data);

void           xf_exchange_choose_file    (GtkWidget            *parent,
                                           GtkFileChooserAction  action,
                                           const char           *title,
                                           const char           *accept_label,
                                           const char           *folder,
                                           const char           *name,
                                           GtkFileFilter       **filters,
                                           XfExchangeChosenFunc  func,
                                           gpointer              user_data,
                                           GDestroyNotify        destroy);

/* Shows @toast (taken) in the nearest toast overlay around @widget, or
 * its preferences window's; dropped when there is none. */
void           xf_exchange_show_toast     (GtkWidget           *widget,
                                           AdwToast            *toast);
/* "1204" → "1,204", as the registry counts. */
char          *xf_exchange_format_count   (gint64               n);

G_END_DECLS
