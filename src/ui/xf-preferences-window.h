/* xf-preferences-window.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"

G_BEGIN_DECLS

/*
 * XfPreferencesWindow: the public portal's address, which the name cards'
 * QR codes and printed notices link to (checked by core before it is
 * saved; cleared, there is no portal), and the database file, with a way
 * to open another. Template children: base_url_row, database_row.
 */

#define XF_TYPE_PREFERENCES_WINDOW (xf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (XfPreferencesWindow, xf_preferences_window, XF, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *xf_preferences_window_new (XfApplication *application);

G_END_DECLS
