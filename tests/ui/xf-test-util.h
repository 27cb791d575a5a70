/* xf-test-util.h — helpers shared by the UI tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/* gtk_test_init + adw_init. Without a display it prints a TAP "skip all"
 * plan and returns FALSE: the caller then returns 0 from main(). */
gboolean       xf_test_ui_init          (int          *argc,
                                         char       ***argv);

/* A fresh temporary folder (removed by xf_test_remove_dir). */
char          *xf_test_make_dir         (void);
void           xf_test_remove_dir       (const char   *dir);
/* A database in @dir filled with demo data (@n_pioneers individuals and
 * @n_collectives collectives, fixed seed); n = 0, 0 gives an empty one. */
char          *xf_test_make_db          (const char   *dir,
                                         const char   *name,
                                         guint         n_pioneers,
                                         guint         n_collectives);
/* A file that is not a database at all. */
char          *xf_test_make_corrupt_db  (const char   *dir,
                                         const char   *name);

/* A registered, non-unique XfApplication whose startup has run, not yet
 * activated, so a test opens the database it wants first. */
XfApplication *xf_test_app_new          (void);

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

/* The first descendant of @root (depth first) of @type, whose label, title
 * or name is @text when @text is not NULL. */
GtkWidget     *xf_test_find_widget      (GtkWidget    *root,
                                         GType         type,
                                         const char   *text);

G_END_DECLS
