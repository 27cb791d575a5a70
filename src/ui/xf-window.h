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
 * The window watches the open database with an XfChangeMonitor, active
 * while the window is: another desk's change refreshes the registry page
 * (xf_registry_page_refresh), and while the server cannot be reached the
 * offline bar shows at the top.
 *
 * Template children (for tests): leaflet, sidebar_list, page_stack,
 * main_stack ("content" | "error" | "connecting"), error_status,
 * error_open_button, error_create_button, error_connect_button,
 * connecting_status, database_icon, database_label, offline_bar,
 * toast_overlay. Actions: win.show-sidebar, win.show-page::NAME,
 * win.report-offline (a call failed with XF_ERROR_OFFLINE),
 * win.retry-connection (the offline bar's "Retry now").
 */

#define XF_TYPE_WINDOW (xf_window_get_type ())

G_DECLARE_FINAL_TYPE (XfWindow, xf_window, XF, WINDOW, AdwApplicationWindow)

XfWindow        *xf_window_new                (XfApplication *application);
/* Takes ownership of @toast. */
void             xf_window_add_toast          (XfWindow      *self,
                                               AdwToast      *toast);
/* (transfer none) (nullable): the registry page, NULL without a database. */
GtkWidget       *xf_window_get_registry_page  (XfWindow      *self);
/* (transfer none) (nullable): the monitor of the open database. */
XfChangeMonitor *xf_window_get_change_monitor (XfWindow      *self);

G_END_DECLS
