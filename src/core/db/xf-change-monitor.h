/* xf-change-monitor.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

/*
 * XfChangeMonitor watches one XfDb for changes committed by other desks and
 * for the loss of its connection, on the thread-default main context of the
 * thread that creates it.
 *
 * - PostgreSQL: wakes on the connection's socket (LISTEN/NOTIFY), so a change
 *   is seen at once; SQLite: polls PRAGMA data_version every
 *   "poll-interval" milliseconds (default 1000), but only while "active"
 *   (the UI sets it from the window's is-active), so an idle desk costs nothing.
 * - Signal "changed" (no arguments) when another desk committed something.
 *   Handlers reload what they show; they must not throw away what the user
 *   is typing.
 * - Property "online" (gboolean, read-only, notify): FALSE when the server
 *   cannot be reached. While offline the monitor calls xf_db_reconnect()
 *   every "retry-interval" milliseconds (default 3000, also when not
 *   active); when it succeeds "online" turns TRUE and "changed" is emitted
 *   once, as anything may have changed meanwhile.
 * - Anyone who gets XF_ERROR_OFFLINE from a call may call
 *   xf_change_monitor_report_offline() so the state shows at once.
 */

#define XF_TYPE_CHANGE_MONITOR (xf_change_monitor_get_type ())

G_DECLARE_FINAL_TYPE (XfChangeMonitor, xf_change_monitor, XF, CHANGE_MONITOR, GObject)

XfChangeMonitor *xf_change_monitor_new            (XfDb            *db);
XfDb            *xf_change_monitor_get_db         (XfChangeMonitor *self);
gboolean         xf_change_monitor_get_online     (XfChangeMonitor *self);
gboolean         xf_change_monitor_get_active     (XfChangeMonitor *self);
void             xf_change_monitor_set_active     (XfChangeMonitor *self,
                                                   gboolean         active);
void             xf_change_monitor_set_poll_interval  (XfChangeMonitor *self,
                                                       guint            milliseconds);
void             xf_change_monitor_set_retry_interval (XfChangeMonitor *self,
                                                       guint            milliseconds);
void             xf_change_monitor_report_offline (XfChangeMonitor *self);
/* Tries to reconnect now rather than at the next retry ("Retry now"). On
 * PostgreSQL the server is tried in a worker first, so this never blocks;
 * signal "retry-failed" (no arguments) tells when a try found it still gone. */
void             xf_change_monitor_retry_now      (XfChangeMonitor *self);
/* Polls now (tests, and the UI when the window becomes active). */
void             xf_change_monitor_check_now      (XfChangeMonitor *self);

G_END_DECLS
