/* xf-password.h — password hashing with libsodium's Argon2id
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* crypto_pwhash_str (Argon2id, interactive limits). NULL with error when out of memory. */
char     *xf_password_hash      (const char  *password,
                                 GError     **error);
gboolean  xf_password_verify    (const char  *hash,
                                 const char  *password);
/* FALSE with XF_ERROR_INVALID naming the field "password" and the reason
 * (at least 8 characters, not the login, not all one character…). */
gboolean  xf_password_check_strength (const char  *password,
                                      const char  *login,
                                      GError     **error);
/* Overwrites a password in memory before it is freed. */
void      xf_password_free      (char        *password);

G_END_DECLS
