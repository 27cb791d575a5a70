/* xf-window.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"

G_BEGIN_DECLS

/*
 * XfWindow: a navigation sidebar (one row per page) beside a stack of
 * pages, folding to one column on a narrow window, all inside a toast
 * overlay. When the application has no database open it shows why, with
 * ways to open or create one.
 *
 * Template children (for tests): leaflet, sidebar_list, page_stack,
 * main_stack ("content" | "error"), error_status, error_open_button,
 * error_create_button, database_label, toast_overlay. Actions: win.show-sidebar, win.show-page::NAME.
 */

#define XF_TYPE_WINDOW (xf_window_get_type ())

G_DECLARE_FINAL_TYPE (XfWindow, xf_window, XF, WINDOW, AdwApplicationWindow)

XfWindow  *xf_window_new                (XfApplication *application);
/* Takes ownership of @toast. */
void       xf_window_add_toast          (XfWindow      *self,
                                         AdwToast      *toast);
/* (transfer none) (nullable): the registry page, NULL without a database. */
GtkWidget *xf_window_get_registry_page  (XfWindow      *self);

G_END_DECLS
