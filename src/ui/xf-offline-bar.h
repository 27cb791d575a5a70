/* xf-offline-bar.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-change-monitor.h"

G_BEGIN_DECLS

/*
 * XfOfflineBar: a bar across the top of the window, revealed while its
 * change monitor is offline. It says that the shared database cannot be
 * reached, that unsaved input is kept and that the app reconnects by
 * itself, and offers "Retry now" (the action win.retry-connection).
 *
 * Property "monitor" (XfChangeMonitor, nullable). Template-free; children
 * for tests through xf_offline_bar_get_label() and _get_retry_button().
 */

#define XF_TYPE_OFFLINE_BAR (xf_offline_bar_get_type ())

G_DECLARE_FINAL_TYPE (XfOfflineBar, xf_offline_bar, XF, OFFLINE_BAR, GtkWidget)

GtkWidget       *xf_offline_bar_new              (void);
XfChangeMonitor *xf_offline_bar_get_monitor      (XfOfflineBar    *self);
void             xf_offline_bar_set_monitor      (XfOfflineBar    *self,
                                                  XfChangeMonitor *monitor);
/* Says that "Retry now" did not reach the server either. */
void             xf_offline_bar_retry_failed     (XfOfflineBar    *self);
/* Whether the bar is shown (or being revealed). */
gboolean         xf_offline_bar_get_revealed     (XfOfflineBar    *self);
GtkLabel        *xf_offline_bar_get_label        (XfOfflineBar    *self);
GtkWidget       *xf_offline_bar_get_retry_button (XfOfflineBar    *self);

G_END_DECLS
