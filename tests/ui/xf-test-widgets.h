/* xf-test-widgets.h — driving widgets as a user does, for journey tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"
#include "xf-window.h"

G_BEGIN_DECLS

/* The first descendant of @root (depth first) whose widget name
 * (gtk_widget_set_name) is @name, or NULL. */
GtkWidget *xf_test_find_named      (GtkWidget   *root,
                                    const char  *name);
/* Adds every descendant of @root named @name to @found. */
void       xf_test_collect_named   (GtkWidget   *root,
                                    const char  *name,
                                    GPtrArray   *found);
/* Wait up to 5 s (views follow core when idle) until @label shows
 * @text, or until a descendant of @root is named @name. */
void       xf_test_wait_for_label  (GtkWidget   *label,
                                    const char  *text);
void       xf_test_wait_for_named  (GtkWidget   *root,
                                    const char  *name);
/* How many descendants of @root are named @name. */
guint      xf_test_count_named     (GtkWidget   *root,
                                    const char  *name);
/* Whether @widget (a GtkWidget) is mapped: a condition for
 * xf_test_wait_until(), since a pane maps only once its leaflet or stack
 * has shown it. */
gboolean   xf_test_is_mapped       (gpointer     widget);
/* Signs @login (password XF_TEST_PASSWORD) in to @app, as the sign-in
 * page does. */
void       xf_test_sign_in         (XfApplication *app,
                                    const char    *login);
/* Shows the window's page @name as a click on its sidebar row would,
 * waits until it is mapped and drawn, and returns it. */
GtkWidget *xf_test_show_page       (XfWindow    *window,
                                    const char  *name);
/* Clicks @button as the user would: it must be shown and sensitive. */
void       xf_test_click           (GtkWidget   *button);
/* Waits for the AdwMessageDialog headed @heading and answers it with
 * @response, which must be offered and enabled; then it goes. */
void       xf_test_answer          (const char  *heading,
                                    const char  *response);
/* Closes the toasts shown below @root with their own close buttons (a
 * queued one shows once the one before it closes) and waits until none
 * is left; returns how many were closed. */
guint      xf_test_dismiss_toasts  (GtkWidget   *root);
/* Scrolls the nearest scrolled window around @widget so that @widget
 * shows at its top, 12 pixels down. */
void       xf_test_scroll_to       (GtkWidget   *widget);

/* A new window of @width × @height holding @child, shown. */
GtkWindow *xf_test_show_in_window  (GtkWidget     *child,
                                    int            width,
                                    int            height);
/* Opens @path in @app, signs in as @login (%NULL: no one yet) and shows
 * a new window at the Xvfb screen's 1280 × 800. */
XfWindow  *xf_test_open_window     (XfApplication *app,
                                    const char    *path,
                                    const char    *login);
/* Closes dialogs of @dialog_type and @window (if any), lets them go,
 * then drops *@app. */
void       xf_test_close_window    (GType          dialog_type,
                                    XfWindow      *window,
                                    XfApplication **app);
/* A page test's window: a new signed-out application (*@app) opens @path
 * as @login ("admin" for %NULL) in *@window; returns its page @name. */
GtkWidget *xf_test_open_page       (XfApplication **app,
                                    XfWindow      **window,
                                    const char     *path,
                                    const char     *login,
                                    const char     *name);
/* Undoes it: xf_test_close_window(), then removes *@dir, frees *@dir and
 * *@path and unsets XIANFENG_TODAY. */
void       xf_test_close_page      (GType           dialog_type,
                                    XfWindow       *window,
                                    XfApplication **app,
                                    char          **dir,
                                    char          **path);
/* Points XDG_CACHE_HOME at a new folder, so that files the test opens
 * go to a cache of its own; returns it for xf_test_remove_dir(). */
char      *xf_test_use_own_cache   (void);
/* The start of a UI test's main(): XIANFENG_TODAY is @today, the cache
 * is its own (*@cache, for xf_test_remove_dir() after the run), GTK is
 * up and animations are off. %FALSE: no display, so main() returns 0. */
gboolean   xf_test_ui_main_init    (int           *argc,
                                    char        ***argv,
                                    const char    *today,
                                    char         **cache);

G_END_DECLS
