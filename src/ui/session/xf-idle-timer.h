/* xf-idle-timer.h — notices when no one has touched the application
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfIdleTimer counts time without input: any key, button, scroll, touch or
 * pointer motion in any of the process's windows (dialogs too: typing in
 * one is no idleness) starts the count again. While active, after
 * "timeout" milliseconds without input it emits "idle" once; then it stays
 * quiet until reset or activated again. A timeout of 0 never fires.
 *
 * Properties: timeout (uint, ms), active (boolean). Signal: idle.
 */

#define XF_TYPE_IDLE_TIMER (xf_idle_timer_get_type ())

G_DECLARE_FINAL_TYPE (XfIdleTimer, xf_idle_timer, XF, IDLE_TIMER, GObject)

XfIdleTimer *xf_idle_timer_new         (void);
guint        xf_idle_timer_get_timeout (XfIdleTimer *self);
void         xf_idle_timer_set_timeout (XfIdleTimer *self,
                                        guint        timeout_ms);
gboolean     xf_idle_timer_get_active  (XfIdleTimer *self);
/* Activating starts a fresh count. */
void         xf_idle_timer_set_active  (XfIdleTimer *self,
                                        gboolean     active);
/* Counts as input: the count starts again (and may fire again). */
void         xf_idle_timer_reset       (XfIdleTimer *self);

G_END_DECLS
