/* xf-data.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-data"

#include "config.h"

#include "xf-data.h"

char *
xf_data_find_file (const char *relative)
{
  const char *dirs[] = { g_getenv ("XIANFENG_DATA_DIR"), PKGDATADIR, SOURCE_DATADIR };

  g_return_val_if_fail (relative != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return g_build_filename (PKGDATADIR, relative, NULL);
}

const char *
xf_data_locale_dir (void)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}
