/* xf-ui-util.h — small helpers the widgets share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window @widget is in, or %NULL while it is in none. */
GtkWindow *xf_widget_get_window  (GtkWidget  *widget);

/* A message dialog over @widget's window that asks before a destructive
 * step: "cancel" (@cancel_label) is the default and what closing
 * answers; @response (@response_label) looks destructive. @body may be
 * %NULL for a caller that formats its own. Not yet presented. */
GtkWidget *xf_confirm_dialog_new (GtkWidget  *widget,
                                  const char *heading,
                                  const char *body,
                                  const char *cancel_label,
                                  const char *response,
                                  const char *response_label);

G_END_DECLS
