/* xf-cli.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-accounts.h"
#include "xf-store.h"

G_BEGIN_DECLS

/* What every subcommand gets: the database path, a lazily opened store and
 * the account it acts as. */
typedef struct
{
  char       *database_path;
  XfStore    *store;
  gboolean    may_create;   /* only commands that make a database create a missing file */
  char       *user;         /* --user or $XIANFENG_USER; NULL when none was given */
  XfAccounts *accounts;
  /* Who every operation runs as: the signed-in account or the local
   * administrator. main() fills it before commands that need it. */
  XfAccount  *actor;
  gboolean    signed_in;    /* signed out (audited) at exit */
  char       *password;     /* the sign-in password, for `accounts passwd`; wiped at exit */
  gboolean    changing_password;  /* lets a reset password sign in to change it */
} XfCliContext;

/* Opens the store on first use; prints the error and returns NULL on failure. */
XfStore    *xf_cli_context_get_store    (XfCliContext *ctx);
XfAccounts *xf_cli_context_get_accounts (XfCliContext *ctx);
/* Signs in (--user) or takes the local administrator (a SQLite file without
 * accounts) on first use; prints why not and returns NULL when refused. */
XfAccount  *xf_cli_context_get_actor    (XfCliContext *ctx);
/* Signs out and frees everything the context holds. */
void        xf_cli_context_clear        (XfCliContext *ctx);

/* A password from $@variable, else typed without echo on the terminal
 * after @prompt (on stderr); NULL with XF_ERROR_AUTH when neither is there.
 * Free with xf_password_free(). */
char       *xf_cli_read_password        (const char   *variable,
                                         const char   *prompt,
                                         GError      **error);
/* A new password for @login: $XIANFENG_NEW_PASSWORD, else typed twice. */
char       *xf_cli_read_new_password    (const char   *login,
                                         GError      **error);
/* Prints "xianfeng-cli: message" to stderr; returns 1 for `return xf_cli_fail (…)`. */
int         xf_cli_fail                 (const char   *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* xf_cli_fail() for a usage error: returns 2, for `return xf_cli_usage_error (…)`. */
int         xf_cli_usage_error          (const char   *format,
                                         ...) G_GNUC_PRINTF (1, 2);
/* xf_cli_fail() with @error's message; a refusal says "Permission denied: " first. */
int         xf_cli_fail_error           (const GError *error);
/* Shows "NN %" on stderr, for a core function's progress callback
 * (fraction 0..1); cleared at 1. Pass it only when stderr is a terminal. */
void        xf_cli_print_progress       (double             fraction,
                                         gpointer           user_data);
/* argv[1] when it is one of @known (NULL-terminated); otherwise prints
 * @usage (translated), after "Unknown subcommand" when there is one, and
 * returns NULL: the caller exits with status 2. */
const char *xf_cli_subcommand           (int                argc,
                                         char             **argv,
                                         const char        *usage,
                                         const char *const *known);

/* Subcommands: argv[0] is the subcommand's name. Return the exit status. */
typedef int (*XfCliCommandFunc) (XfCliContext *ctx,
                                 int           argc,
                                 char        **argv);

int xf_cli_cmd_init       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_accounts   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_audit      (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_demo       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_copy       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_pioneers   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_campaigns  (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_nominations (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_notices    (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_services   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_ranking    (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_stats      (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_events     (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_check_id   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_check_uscc (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_workdays   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_import     (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_export     (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_export_all (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_import_all (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_backup     (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_restore    (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_check      (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_care       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_cmd_cultivation (XfCliContext *ctx, int argc, char **argv);

G_END_DECLS
