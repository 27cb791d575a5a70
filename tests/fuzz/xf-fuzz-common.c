/* xf-fuzz-common.c — what every fuzz harness of tests/fuzz/ shares
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "xf-error.h"
#include "xf-fuzz.h"

/* GLib ends a fatal message with a breakpoint (SIGTRAP), which libFuzzer
 * does not catch: no input would be kept. abort () it is. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

void
xf_fuzz_setup (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  if (g_getenv ("XIANFENG_DATA_DIR") == NULL)
    g_setenv ("XIANFENG_DATA_DIR", SOURCE_DATADIR, TRUE);
  if (g_getenv ("XIANFENG_TODAY") == NULL)
    g_setenv ("XIANFENG_TODAY", XF_FUZZ_TODAY, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  g_once_init_leave (&done, 1);
}

void
xf_fuzz_assert_error (const GError *error,
                      const int    *codes,
                      guint         n_codes)
{
  gboolean known = FALSE;

  g_assert_nonnull (error);
  g_assert_true (error->domain == XF_ERROR);
  for (guint i = 0; i < n_codes; i++)
    known = known || error->code == codes[i];
  if (!known)
    g_error ("unexpected error code %d: %s", error->code, error->message);
  g_assert_nonnull (error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *shown = g_strescape (error->message, NULL);

      g_error ("the error message is not UTF-8: %s", shown);
    }
}
