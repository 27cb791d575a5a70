/* xf-cli-import.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli.h"

/* TODO(issue 9): the real commands land with their helper's first commit. */

int
xf_cli_cmd_import (XfCliContext *ctx,
               int           argc,
               char        **argv)
{
  return xf_cli_fail ("%s", _("This command is not available yet"));
}
