/* xf-application.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfApplication opens the database once (from --database, then
 * $XIANFENG_DATABASE, then the GSettings key database-path, then the
 * default file) and holds the session of whoever signs in to it: the
 * account, and the registry made for it, which it hands to its windows.
 * While no one is signed in "registry" is NULL (the window shows the
 * sign-in page, or the first-run assistant while the database has no
 * accounts); opening another database ends the session. When the database
 * cannot be opened, "store" and "registry" stay NULL and "database-error"
 * says why; the window shows that instead of crashing.
 *
 * The actor is always an account signed in (the local administrator is
 * not; the first administrator is made in the first-run assistant), except
 * in an unattended benchmark run (XIANFENG_REPORT_FIRST_ROWS or
 * XIANFENG_BENCH_SCROLL set): that signs in as $XIANFENG_USER with
 * $XIANFENG_PASSWORD, or acts as the local administrator on a database
 * file with no accounts yet, as the CLI does.
 *
 * A location may be a shared database's postgresql:// URL. At start its
 * password comes from the keyring (xf-password-store.h) and the connection
 * is made in a worker thread ("connecting" is TRUE meanwhile); when the
 * server wants a password the app does not have, the connect dialog asks.
 * A password is never shown, stored in GSettings or logged: database-path
 * holds the URL without it.
 *
 * Properties: registry (XfRegistry, read-only, notifies on every change of
 * database and of session), account (XfAccount, read-only: who is signed
 * in), database-path (string, read-only), connecting (boolean, read-only).
 *
 * Actions: app.quit, app.preferences, app.about, app.open-database,
 * app.new-database, app.connect-database.
 */

#define XF_TYPE_APPLICATION (xf_application_get_type ())
#define XF_APPLICATION_DEFAULT (XF_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (XfApplication, xf_application, XF, APPLICATION, AdwApplication)

XfApplication *xf_application_new                 (void);
/* (transfer none) (nullable): the registry of the account signed in. */
XfRegistry    *xf_application_get_registry        (XfApplication  *self);
/* (transfer none) (nullable): the open database, signed in to or not. */
XfStore       *xf_application_get_store           (XfApplication  *self);
/* (transfer none) (nullable): the accounts of the open database. */
XfAccounts    *xf_application_get_accounts        (XfApplication  *self);
/* (transfer none) (nullable): the account signed in. */
XfAccount     *xf_application_get_account         (XfApplication  *self);
/* Starts the session of @account, just signed in to the open database
 * (xf_accounts_sign_in(), or the first administrator just created): the
 * registry is made for it and its login kept in the GSettings key
 * last-login. FALSE with @error when the database fails on setup. */
gboolean       xf_application_begin_session       (XfApplication  *self,
                                                   XfAccount      *account,
                                                   GError        **error);
/* Ends the session: the sign-out is audited (xf_accounts_sign_out) and the
 * account and its registry are forgotten. Does nothing when no one is
 * signed in. */
void           xf_application_sign_out            (XfApplication  *self);
const char    *xf_application_get_database_path   (XfApplication  *self);
/* (transfer none): why the last attempt to open a database failed, while
 * no database is open; NULL otherwise. */
const GError  *xf_application_get_database_error  (XfApplication  *self);
gboolean       xf_application_is_read_only        (XfApplication  *self);
gboolean       xf_application_get_connecting      (XfApplication  *self);
GSettings     *xf_application_get_settings        (XfApplication  *self);
/* (transfer none): the XfBackupScheduler (xf-backup-scheduler.h), made at
 * startup; NULL before. */
GObject       *xf_application_get_backup_scheduler (XfApplication *self);
/* Opens @path (creating it when @create), replacing the open database on
 * success. On failure the open database, if any, stays open. */
gboolean       xf_application_open_database       (XfApplication  *self,
                                                   const char     *path,
                                                   gboolean        create,
                                                   GError        **error);

/* Makes @store, opened elsewhere, the open database; on failure the open
 * database, if any, stays open. */
gboolean       xf_application_use_store           (XfApplication  *self,
                                                   XfStore        *store,
                                                   GError        **error);
/* Opens @location (a server's URL, with its password if it needs one) in a
 * worker thread and, once connected, uses it as xf_application_use_store()
 * does. Cancelling answers at once with G_IO_ERROR_CANCELLED. */
void           xf_application_connect             (XfApplication        *self,
                                                   const char           *location,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       xf_application_connect_finish      (XfApplication  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
/* (transfer none): presents the connect dialog over the active window,
 * filled in from @location (nullable) and showing @error (nullable). */
GtkWidget     *xf_application_show_connect_dialog (XfApplication  *self,
                                                   const char     *location,
                                                   const GError   *error);

/* Process start, in g_get_monotonic_time() microseconds, recorded by main(). */
void           xf_application_set_start_time      (gint64          monotonic_us);
gint64         xf_application_get_start_time      (void);

G_END_DECLS
