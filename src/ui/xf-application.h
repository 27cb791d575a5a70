/* xf-application.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfApplication opens the database once (from --database, then
 * $XIANFENG_DATABASE, then the GSettings key database-path, then the
 * default file) and hands the registry to its windows. When the database
 * cannot be opened, "registry" stays NULL and "database-error" says why;
 * the window shows that instead of crashing.
 *
 * Properties: registry (XfRegistry, read-only, notifies on every change of
 * database), database-path (string, read-only).
 *
 * Actions: app.quit, app.preferences, app.about, app.open-database,
 * app.new-database.
 */

#define XF_TYPE_APPLICATION (xf_application_get_type ())
#define XF_APPLICATION_DEFAULT (XF_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (XfApplication, xf_application, XF, APPLICATION, AdwApplication)

XfApplication *xf_application_new                 (void);
XfRegistry    *xf_application_get_registry        (XfApplication  *self);
const char    *xf_application_get_database_path   (XfApplication  *self);
/* (transfer none): why the last attempt to open a database failed, while
 * no database is open; NULL otherwise. */
const GError  *xf_application_get_database_error  (XfApplication  *self);
gboolean       xf_application_is_read_only        (XfApplication  *self);
GSettings     *xf_application_get_settings        (XfApplication  *self);
/* Opens @path (creating it when @create), replacing the open database on
 * success. On failure the open database, if any, stays open. */
gboolean       xf_application_open_database       (XfApplication  *self,
                                                   const char     *path,
                                                   gboolean        create,
                                                   GError        **error);

/* Process start, in g_get_monotonic_time() microseconds, recorded by main(). */
void           xf_application_set_start_time      (gint64          monotonic_us);
gint64         xf_application_get_start_time      (void);

G_END_DECLS
