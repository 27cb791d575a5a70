/* main.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "xf-application.h"

/* An uninstalled build finds its freshly compiled catalogue in the build
 * tree; an installed one uses LOCALEDIR. */
static const char *
pick_locale_dir (void)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XfApplication) app = NULL;

  /* First thing: the benchmark measures time to first rows from here. */
  xf_application_set_start_time (g_get_monotonic_time ());

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, pick_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
