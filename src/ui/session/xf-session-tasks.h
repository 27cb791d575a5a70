/* xf-session-tasks.h — the slow account calls, off the main thread
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-accounts.h"

G_BEGIN_DECLS

/*
 * Hashing or verifying a password with Argon2id takes a tenth of a second
 * or more, too long for the main thread: these run XfAccounts' calls that
 * do it in a worker, so the window keeps drawing its spinner. While one
 * runs, the caller leaves @accounts' database alone (a PostgreSQL
 * connection serves one thread at a time). Passwords are copied, and the
 * copies wiped when the task is done.
 */

void       xf_session_sign_in_async       (XfAccounts          *accounts,
                                           const char          *login,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* (transfer full): the account signed in, or NULL with @error set
 * (XF_ERROR_AUTH, XF_ERROR_LOCKED_OUT, …). */
XfAccount *xf_session_sign_in_finish      (GAsyncResult        *result,
                                           GError             **error);

/* Creates the first administrator, then signs in as them (so the
 * sign-in is audited as any other). */
void       xf_session_create_first_administrator_async  (XfAccounts          *accounts,
                                                         const char          *login,
                                                         const char          *display_name,
                                                         const char          *password,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
XfAccount *xf_session_create_first_administrator_finish (GAsyncResult        *result,
                                                         GError             **error);

void       xf_session_confirm_password_async  (XfAccounts          *accounts,
                                               XfAccount           *account,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean   xf_session_confirm_password_finish (GAsyncResult        *result,
                                               GError             **error);

void       xf_session_change_password_async   (XfAccounts          *accounts,
                                               XfAccount           *account,
                                               const char          *old_password,
                                               const char          *new_password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean   xf_session_change_password_finish  (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
