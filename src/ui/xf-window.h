/* xf-window.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"
#include "xf-change-monitor.h"

G_BEGIN_DECLS

/*
 * XfWindow: a navigation sidebar (one row per page) beside a stack of
 * pages, folding to one column on a narrow window, all inside a toast
 * overlay. When the application has no database open it shows why, with
 * ways to open, create or connect to one; while a shared database named at
 * start is being reached it says so.
 *
 * The session: while no one is signed in to the open database the window
 * shows the first-run assistant (the database has no accounts yet) or the
 * sign-in page, and nothing of the data. Once someone signs in (after
 * changing a password the administrator set), the sidebar offers the pages
 * their roles allow (xf-window-private.h says how a page is added), made
 * for their registry; the sidebar's header has their account menu (Change
 * Password…, Lock, Sign Out) and its footer their name. Signing out drops
 * the pages and the dialogs over the window. After idle-lock-minutes without
 * input (GSettings; 0 never) or on Lock the lock screen covers the pages,
 * which stay as they were underneath, unsaved input included; dialogs over
 * the window hide meanwhile.
 *
 * The window watches the open database with an XfChangeMonitor, active
 * while the window is and is not locked: another desk's change refreshes
 * the pages, and while the server cannot be reached the offline bar shows
 * at the top.
 *
 * Template children (for tests): leaflet, sidebar, sidebar_list (rows
 * named as their pages), page_stack, main_stack ("content" | "error" |
 * "connecting" | "sign-in" | "first-run" | "locked"), error_status,
 * error_open_button, error_create_button, error_connect_button,
 * connecting_status, account_button, account_label, database_icon,
 * database_label, offline_bar, toast_overlay. Actions: win.show-sidebar,
 * win.show-page::NAME, win.lock (Ctrl+L), win.sign-out (Ctrl+Shift+Q),
 * win.change-password, win.report-offline (a call failed with
 * XF_ERROR_OFFLINE), win.retry-connection (the offline bar's "Retry now").
 */

#define XF_TYPE_WINDOW (xf_window_get_type ())

G_DECLARE_FINAL_TYPE (XfWindow, xf_window, XF, WINDOW, AdwApplicationWindow)

XfWindow        *xf_window_new                (XfApplication *application);
/* Takes ownership of @toast. */
void             xf_window_add_toast          (XfWindow      *self,
                                               AdwToast      *toast);
/* (transfer none) (nullable): the page @name ("registry", …), NULL while
 * it is not shown (no one signed in, or not for their roles). */
GtkWidget       *xf_window_get_page           (XfWindow      *self,
                                               const char    *name);
/* (transfer none) (nullable): the sidebar's row for the page @name. */
GtkWidget       *xf_window_get_sidebar_row    (XfWindow      *self,
                                               const char    *name);
/* (transfer none) (nullable): the registry page, NULL while no one is signed in. */
GtkWidget       *xf_window_get_registry_page  (XfWindow      *self);
/* (transfer none) (nullable): the monitor of the open database. */
XfChangeMonitor *xf_window_get_change_monitor (XfWindow      *self);
/* Covers the pages with the lock screen (as win.lock does). */
void             xf_window_lock               (XfWindow      *self);
gboolean         xf_window_get_locked         (XfWindow      *self);
/* Locks after @timeout_ms without input instead of idle-lock-minutes
 * (tests); 0 goes back to the setting. */
void             xf_window_set_idle_lock_timeout (XfWindow   *self,
                                                  guint       timeout_ms);

G_END_DECLS
