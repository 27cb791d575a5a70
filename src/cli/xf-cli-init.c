/* xf-cli-init.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"

int
xf_cli_cmd_init (XfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  XfStore *store = xf_cli_context_get_store (ctx);

  if (store == NULL)
    return 1;
  printf (_("Database %s is ready (schema %d)\n"), ctx->database_path,
          xf_store_get_schema_version (store));
  return 0;
}
