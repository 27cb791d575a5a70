/* xf-connect-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"

G_BEGIN_DECLS

/*
 * XfConnectDialog: "Connect to a Shared Database". The server, port,
 * database, user name and password of a PostgreSQL server, and whether to
 * remember the password in the keyring. Connect tries the connection in a
 * worker thread (a spinner shows, Cancel stops waiting) and says under the
 * form, in the user's language, why it failed; on success the application
 * switches to that database, the URL without the password is saved in the
 * GSettings key database-path, the password goes to the keyring or is
 * forgotten there, and the dialog closes.
 *
 * Actions: connect.connect (Enter), connect.cancel (Escape: stops a
 * connection under way, otherwise closes).
 * Template children (for tests): host_row, port_row, database_row,
 * user_row, password_row, remember_row, remember_switch, error_label,
 * spinner, connect_button, cancel_button.
 */

#define XF_TYPE_CONNECT_DIALOG (xf_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfConnectDialog, xf_connect_dialog, XF, CONNECT_DIALOG, AdwWindow)

GtkWidget  *xf_connect_dialog_new          (XfApplication   *application);
/* Fills the fields from a server's URL (its password, if any, is ignored). */
void        xf_connect_dialog_set_location (XfConnectDialog *self,
                                            const char      *location);
/* The URL the fields make, without the password; NULL with @error set
 * (a translated message naming the field) when a field is missing or wrong. */
char       *xf_connect_dialog_get_location (XfConnectDialog *self,
                                            GError         **error);
/* Shows why connecting failed, in words for the user; a refused or
 * missing password puts the focus in the password field. */
void        xf_connect_dialog_show_error   (XfConnectDialog *self,
                                            const GError    *error);
/* The message shown under the form, or NULL when none is. */
const char *xf_connect_dialog_get_error    (XfConnectDialog *self);
/* Whether a connection is being tried. */
gboolean    xf_connect_dialog_get_busy     (XfConnectDialog *self);

G_END_DECLS
