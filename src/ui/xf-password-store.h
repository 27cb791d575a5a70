/* xf-password-store.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Passwords of shared databases, kept by the desktop's Secret Service
 * (GNOME Keyring, KWallet…) through libsecret, under the schema
 * "io.github.xianfeng.Xianfeng.Database" with the attributes host, port,
 * database and user taken from the location. Never in GSettings or logs.
 *
 * Without a Secret Service (no D-Bus session, no keyring) every call fails
 * with a GError the caller may ignore: the app then asks for the password
 * each time. A lookup that finds nothing returns NULL without an error.
 */

void      xf_password_store_lookup         (const char           *location,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* (transfer full) (nullable): free with xf_password_store_free_password(). */
char     *xf_password_store_lookup_finish  (GAsyncResult         *result,
                                            GError              **error);
void      xf_password_store_save           (const char           *location,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  xf_password_store_save_finish    (GAsyncResult         *result,
                                            GError              **error);
/* Forgets the password of @location, if one is kept. */
void      xf_password_store_clear          (const char           *location,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  xf_password_store_clear_finish   (GAsyncResult         *result,
                                            GError              **error);
/* Wipes and frees a password. */
void      xf_password_store_free_password  (char                 *password);

G_END_DECLS
