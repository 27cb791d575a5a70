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
#include "xf-data.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XfApplication) app = NULL;

  /* First thing: the benchmark measures time to first rows from here. */
  xf_application_set_start_time (g_get_monotonic_time ());

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, xf_data_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
