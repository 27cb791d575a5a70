/* xf-cli-cultivation.c — `xianfeng-cli cultivation`: plans, the pipeline,
 *                        nominating, skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli.h"

/* Contract placeholder: D fills this file in. */
int
xf_cli_cmd_cultivation (XfCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}
