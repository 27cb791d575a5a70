/* xf-error.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-error"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"

G_DEFINE_QUARK (xf-error-quark, xf_error)

gboolean
xf_error_set_write_failed (GError     **error,
                           const char  *path,
                           const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: a file's name, then why it could not be written. */
  g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Could not write “%s”: %s"), display, reason);
  return FALSE;
}
