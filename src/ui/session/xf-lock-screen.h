/* xf-lock-screen.h — the window locked while no one is at the desk
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"

G_BEGIN_DECLS

/*
 * XfLockScreen covers the window after a while without input (or Lock):
 * the data under it stays where it was, unsaved input included, but
 * hidden. It names the person signed in and asks for their password
 * (xf_accounts_confirm_password, in a worker thread): a wrong one counts
 * toward the lockout like a failed sign-in, with the same countdown.
 * "Sign in as someone else" asks the window to sign out.
 *
 * Actions: lock.unlock (Enter in the password row), lock.sign-out.
 * Signals: unlocked, sign-out.
 * Template children (for tests): name_label, password_row, error_label,
 * countdown, unlock_button, spinner, sign_out_button.
 */

#define XF_TYPE_LOCK_SCREEN (xf_lock_screen_get_type ())

G_DECLARE_FINAL_TYPE (XfLockScreen, xf_lock_screen, XF, LOCK_SCREEN, GtkWidget)

GtkWidget  *xf_lock_screen_new       (XfAccounts   *accounts,
                                      XfAccount    *account);
XfAccount  *xf_lock_screen_get_account (XfLockScreen *self);
/* Forgets the password typed and any message (on locking again). */
void        xf_lock_screen_reset     (XfLockScreen *self);
/* The message under the form, or NULL when none is shown. */
const char *xf_lock_screen_get_error (XfLockScreen *self);
gboolean    xf_lock_screen_get_busy  (XfLockScreen *self);

G_END_DECLS
