/* xf-data.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds a shipped data file ("reference/industries.json",
 * "calendar/cn-holidays.json"): first under $XIANFENG_DATA_DIR, then the
 * installed PKGDATADIR, then the source tree's data/ (uninstalled runs).
 * Returns: (transfer full): the path of the first that exists, or the
 * installed path when none does (so errors name where it was expected). */
char       *xf_data_find_file  (const char *relative);

/* Where the message catalogues are: the build tree's for an uninstalled
 * build (so LANGUAGE=zh_CN works before installing), else LOCALEDIR. */
const char *xf_data_locale_dir (void);

G_END_DECLS
