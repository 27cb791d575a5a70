/* xf-test-util.h — helpers shared by the UI tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"
#include "xf-registry.h"
#include "xf-test-files.h"
#include "xf-registry-page.h"
#include "xf-window.h"

G_BEGIN_DECLS

/* gtk_test_init + adw_init. Without a display it prints a TAP "skip all"
 * plan and returns FALSE: the caller then returns 0 from main(). */
gboolean       xf_test_ui_init          (int          *argc,
                                         char       ***argv);

/* Turns GTK's animations off, so screenshots show the end of a
 * transition, not its middle. */
void           xf_test_disable_animations (void);

/* A database in @dir filled with demo data (@n_pioneers individuals and
 * @n_collectives collectives, fixed seed); n = 0, 0 gives an empty one. */
char          *xf_test_make_db          (const char   *dir,
                                         const char   *name,
                                         guint         n_pioneers,
                                         guint         n_collectives);
/* As xf_test_make_db(), with the demo's accounts (admin, clerk…); returns
 * the store it is open in, and its path in *@path. */
XfStore       *xf_test_make_demo_db     (const char   *dir,
                                         const char   *name,
                                         guint         n_pioneers,
                                         guint         n_collectives,
                                         char        **path);
/* Opens (creating it if need be) the database at @location, a path or
 * URL, and fills it as xf_test_make_db() does. */
void           xf_test_fill_db          (const char   *location,
                                         guint         n_pioneers,
                                         guint         n_collectives);
/* A file that is not a database at all. */
char          *xf_test_make_corrupt_db  (const char   *dir,
                                         const char   *name);

/* The test administrator's login and password (the demo's). */
#define XF_TEST_ADMIN_LOGIN    "admin"
#define XF_TEST_PASSWORD       "xianfeng"

/* A registered, non-unique XfApplication whose startup has run, not yet
 * activated, so a test opens the database it wants first. Whenever a
 * database opens with no one signed in, it signs in at once as the test
 * administrator (xf_test_sign_in_admin), so tests of the pages need not go
 * through the sign-in page; xf_test_app_new_signed_out() leaves that to
 * the test. */
XfApplication *xf_test_app_new          (void);
XfApplication *xf_test_app_new_signed_out (void);
/* Signs in to @app's open database as "admin" (password "xianfeng"),
 * creating that first administrator when the database has no accounts yet,
 * as the first-run assistant would; returns the account (transfer none). */
XfAccount     *xf_test_sign_in_admin    (XfApplication *app);

/* What a test of the main window holds: a fresh folder, an application
 * (see xf_test_app_new) and, once shown, its window. */
typedef struct
{
  char          *dir;
  XfApplication *app;
  XfWindow      *window;
} XfTestWindow;

/* Makes the folder and the application; no database is open yet. Both
 * take the GTestFixtureFunc shape, so they serve as a fixture's own. */
void           xf_test_window_set_up      (XfTestWindow  *fixture,
                                           gconstpointer  data);
/* Destroys the window if any, then drops the application and the folder. */
void           xf_test_window_tear_down   (XfTestWindow  *fixture,
                                           gconstpointer  data);
/* Opens a new window of @fixture's application at @width × @height. */
void           xf_test_window_show        (XfTestWindow  *fixture,
                                           int            width,
                                           int            height);
/* Makes @name in @fixture's folder as xf_test_make_db() does and opens
 * it in the application; returns its path. */
char          *xf_test_window_open_db     (XfTestWindow  *fixture,
                                           const char    *name,
                                           guint          n_pioneers,
                                           guint          n_collectives);
/* Sets up, opens demo.db with @n_pioneers individuals and @n_collectives
 * collectives, and shows the window at the Xvfb screen's 1280 × 800. */
void           xf_test_window_set_up_demo (XfTestWindow  *fixture,
                                           guint          n_pioneers,
                                           guint          n_collectives);

/* Spins the main context until @cond returns TRUE; FALSE on timeout. */
gboolean       xf_test_wait_until       (gboolean    (*cond) (gpointer data),
                                         gpointer      data,
                                         guint         timeout_ms);
/* Spins the main context for @ms milliseconds. */
void           xf_test_iterate          (guint         ms);
/* Presents @window and waits until it has drawn. */
void           xf_test_show_window      (GtkWindow    *window);

/* Saves @widget as $XIANFENG_SCREENSHOT_DIR/@name.png when that variable is
 * set; otherwise does nothing. Returns FALSE if saving failed. */
gboolean       xf_test_screenshot       (GtkWidget    *widget,
                                         const char   *name);
/* "-zh_CN" when $LANGUAGE is Chinese, else "": the two runs' screenshots
 * then sit side by side. */
const char    *xf_test_language_suffix  (void);
/* xf_test_screenshot() under @name and the language suffix; fails the
 * test if saving failed. */
void           xf_test_screenshot_in_language (GtkWidget  *widget,
                                               const char *name);
/* Destroys every open AdwMessageDialog and window of @dialog_type, so a
 * test that failed half-way leaves none to the next. */
void           xf_test_close_dialogs    (GType         dialog_type);
/* A test (for g_test_add_func) that in zh_CN the window really is in
 * Chinese, and does not fall back silently. */
void           xf_test_language         (void);

/* @widget's template child @name of its class @type; fails the test when
 * there is none. */
GtkWidget     *xf_test_template_child   (gpointer      widget,
                                         GType         type,
                                         const char   *name);

/* Opens @page's search bar, types @text and waits, at most @timeout_ms,
 * until the list's query has that text (the page waits for typing to
 * pause before it asks core). */
void           xf_test_search           (XfRegistryPage *page,
                                         const char     *text,
                                         guint           timeout_ms);

/* The first open toplevel window of @type, or NULL. */
GtkWindow     *xf_test_find_toplevel    (GType         type);

/* The open AdwMessageDialog whose heading is @heading, or NULL. */
AdwMessageDialog *xf_test_find_message_dialog (const char *heading);

/* Fills in the employer, position and the three texts of the sample
 * worker the name card and profile tests show. */
void           xf_test_set_sample_story (XfPioneer      *pioneer);

/* The first descendant of @root (depth first) of @type, whose label, title
 * or name is @text when @text is not NULL. */
GtkWidget     *xf_test_find_widget      (GtkWidget    *root,
                                         GType         type,
                                         const char   *text);

G_END_DECLS
