/* xf-test-files.h — temporary folders for the tests, core and UI alike
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder (removed by xf_test_remove_dir). */
char *xf_test_make_dir   (void);
/* Removes @dir and everything below it; NULL does nothing. */
void  xf_test_remove_dir (const char *dir);

G_END_DECLS
