/* xf-lockout-countdown.h — "Locked: try again in 25 seconds"
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfLockoutCountdown: after too many failed sign-ins an account is locked
 * until an instant (xf_accounts_get_locked_until). This label says how long
 * is left, ticking every second, and hides itself when the time is up.
 *
 * Properties: locked-until (int64, UTC µs; 0 = not locked), locked
 * (boolean, read-only: the time is not up yet; notified when it is).
 */

#define XF_TYPE_LOCKOUT_COUNTDOWN (xf_lockout_countdown_get_type ())

G_DECLARE_FINAL_TYPE (XfLockoutCountdown, xf_lockout_countdown, XF, LOCKOUT_COUNTDOWN, GtkWidget)

GtkWidget  *xf_lockout_countdown_new              (void);
gint64      xf_lockout_countdown_get_locked_until (XfLockoutCountdown *self);
void        xf_lockout_countdown_set_locked_until (XfLockoutCountdown *self,
                                                   gint64              locked_until);
gboolean    xf_lockout_countdown_get_locked       (XfLockoutCountdown *self);
/* The text shown, or "" when not locked. */
const char *xf_lockout_countdown_get_text         (XfLockoutCountdown *self);

G_END_DECLS
