/* xf-application.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfApplication opens the database once (from --database, then
 * $XIANFENG_DATABASE, then the GSettings key database-path, then the
 * default file) and hands the registry to its windows. When the database
 * cannot be opened, "registry" stays NULL and "database-error" says why;
 * the window shows that instead of crashing.
 *
 * A location may be a shared database's postgresql:// URL. At start its
 * password comes from the keyring (xf-password-store.h) and the connection
 * is made in a worker thread ("connecting" is TRUE meanwhile); when the
 * server wants a password the app does not have, the connect dialog asks.
 * A password is never shown, stored in GSettings or logged: database-path
 * holds the URL without it.
 *
 * Properties: registry (XfRegistry, read-only, notifies on every change of
 * database), database-path (string, read-only), connecting (boolean,
 * read-only).
 *
 * Actions: app.quit, app.preferences, app.about, app.open-database,
 * app.new-database, app.connect-database.
 */

#define XF_TYPE_APPLICATION (xf_application_get_type ())
#define XF_APPLICATION_DEFAULT (XF_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (XfApplication, xf_application, XF, APPLICATION, AdwApplication)

XfApplication *xf_application_new                 (void);
XfRegistry    *xf_application_get_registry        (XfApplication  *self);
const char    *xf_application_get_database_path   (XfApplication  *self);
/* (transfer none): why the last attempt to open a database failed, while
 * no database is open; NULL otherwise. */
const GError  *xf_application_get_database_error  (XfApplication  *self);
gboolean       xf_application_is_read_only        (XfApplication  *self);
gboolean       xf_application_get_connecting      (XfApplication  *self);
GSettings     *xf_application_get_settings        (XfApplication  *self);
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
