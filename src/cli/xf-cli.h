/* xf-cli.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-store.h"

G_BEGIN_DECLS

/* What every subcommand gets: the database path and a lazily opened store. */
typedef struct
{
  char    *database_path;
  XfStore *store;
  gboolean may_create;   /* only commands that make a database create a missing file */
} XfCliContext;

/* Opens the store on first use; prints the error and returns NULL on failure. */
XfStore *xf_cli_context_get_store (XfCliContext *ctx);
/* Prints "xianfeng-cli: message" to stderr; returns 1 for `return xf_cli_fail (…)`. */
int      xf_cli_fail              (const char   *format,
                                   ...) G_GNUC_PRINTF (1, 2);

/* Subcommands: argv[0] is the subcommand's name. Return the exit status. */
typedef int (*XfCliCommandFunc) (XfCliContext *ctx,
                                 int           argc,
                                 char        **argv);

int xf_cli_cmd_init       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_audit      (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_demo       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_copy       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_pioneers   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_check_id   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_check_uscc (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_workdays   (XfCliContext *ctx, int argc, char **argv);

G_END_DECLS
