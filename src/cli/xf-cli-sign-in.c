/* xf-cli-sign-in.c — who a command acts as: signing in, or the local administrator
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-error.h"
#include "xf-password.h"

/*
 * With --user LOGIN (or $XIANFENG_USER) the command signs in through
 * XfAccounts, with the password from $XIANFENG_PASSWORD or a prompt on the
 * terminal. Without it, only a SQLite file whose database has no accounts
 * yet runs as the local administrator: whoever can write the file owns it
 * anyway. A shared server is never administered anonymously: its first
 * administrator comes from `accounts create-admin`.
 */

/* The terminal as it was before echo was turned off, for a Ctrl+C in the prompt. */
static struct termios saved_termios;
static volatile sig_atomic_t echo_off;

static void
restore_echo_and_die (int signum)
{
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* Reads one line from the terminal on stdin without echo; NULL on end of input. */
static char *
prompt_without_echo (const char *prompt)
{
  struct sigaction action = { 0 }, old_int, old_term;
  struct termios quiet;
  char buffer[1024];
  char *line = NULL;
  gboolean echo_was_off;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    return NULL;
  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;

  action.sa_handler = restore_echo_and_die;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, &old_int);
  sigaction (SIGTERM, &action, &old_term);

  fputs (prompt, stderr);
  fflush (stderr);
  echo_was_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  echo_off = echo_was_off;
  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      line = g_strdup (buffer);
    }
  if (echo_was_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  echo_off = FALSE;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);

  /* The typed text must not linger in memory. */
  memset (buffer, 0, sizeof buffer);
  if (line == NULL)
    fputc ('\n', stderr);
  return line;
}

char *
xf_cli_read_password (const char  *variable,
                      const char  *prompt,
                      GError     **error)
{
  const char *value = g_getenv (variable);
  char *password;

  if (value != NULL)
    return g_strdup (value);

  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_AUTH,
                   _("No password: set $%s, or run this from a terminal to be asked for it"),
                   variable);
      return NULL;
    }
  password = prompt_without_echo (prompt);
  if (password == NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_AUTH, _("No password was typed"));
  return password;
}

char *
xf_cli_read_new_password (const char  *login,
                          GError     **error)
{
  g_autofree char *prompt = NULL;
  char *first, *second;

  if (g_getenv ("XIANFENG_NEW_PASSWORD") != NULL)
    return g_strdup (g_getenv ("XIANFENG_NEW_PASSWORD"));

  prompt = g_strdup_printf (_("New password for %s: "), login);
  first = xf_cli_read_password ("XIANFENG_NEW_PASSWORD", prompt, error);
  if (first == NULL)
    return NULL;
  /* A weak password is refused before it has to be typed twice. */
  if (!xf_password_check_strength (first, login, error))
    {
      xf_password_free (first);
      return NULL;
    }
  second = xf_cli_read_password ("XIANFENG_NEW_PASSWORD", _("Repeat the new password: "), error);
  if (second == NULL)
    {
      xf_password_free (first);
      return NULL;
    }
  if (!g_str_equal (first, second))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("The two passwords differ; nothing was changed"));
      xf_password_free (first);
      xf_password_free (second);
      return NULL;
    }
  xf_password_free (second);
  return first;
}

XfAccounts *
xf_cli_context_get_accounts (XfCliContext *ctx)
{
  XfStore *store;

  if (ctx->accounts != NULL)
    return ctx->accounts;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return NULL;
  ctx->accounts = xf_accounts_new (store);
  return ctx->accounts;
}

static XfAccount *
sign_in (XfCliContext *ctx,
         XfAccounts   *accounts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), ctx->user);
  char *password;
  XfAccount *account;

  password = xf_cli_read_password ("XIANFENG_PASSWORD", prompt, &error);
  if (password == NULL)
    {
      xf_cli_fail ("%s", error->message);
      return NULL;
    }
  account = xf_accounts_sign_in (accounts, ctx->user, password, &error);
  if (account == NULL)
    {
      xf_password_free (password);
      xf_cli_fail ("%s", error->message);
      return NULL;
    }
  /* Kept for `accounts passwd`, which needs the old password again. */
  ctx->password = password;
  ctx->signed_in = TRUE;
  return account;
}

XfAccount *
xf_cli_context_get_actor (XfCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  XfAccounts *accounts;
  gint64 count;

  if (ctx->actor != NULL)
    return ctx->actor;
  accounts = xf_cli_context_get_accounts (ctx);
  if (accounts == NULL)
    return NULL;

  if (ctx->user != NULL)
    {
      ctx->actor = sign_in (ctx, accounts);
      if (ctx->actor != NULL && xf_account_get_must_change_password (ctx->actor) &&
          !ctx->changing_password)
        {
          xf_cli_fail (_("The password of “%s” was reset: choose a new one first with "
                         "“xianfeng-cli --user %s accounts passwd”"),
                       ctx->user, ctx->user);
          xf_accounts_sign_out (accounts, ctx->actor);
          ctx->signed_in = FALSE;
          g_clear_object (&ctx->actor);
          return NULL;
        }
      return ctx->actor;
    }

  count = xf_accounts_count (accounts, &error);
  if (count < 0)
    {
      xf_cli_fail ("%s", error->message);
      return NULL;
    }
  if (count > 0)
    {
      xf_cli_fail (_("This database has accounts: sign in with --user LOGIN"));
      return NULL;
    }
  if (xf_db_get_backend (xf_store_get_db (ctx->store)) != XF_DB_BACKEND_SQLITE)
    {
      xf_cli_fail (_("This shared database has no accounts yet: create its first administrator "
                     "with “xianfeng-cli accounts create-admin LOGIN --name NAME”"));
      return NULL;
    }
  ctx->actor = xf_account_new_local_administrator ();
  return ctx->actor;
}

void
xf_cli_context_clear (XfCliContext *ctx)
{
  /* Sign-out is audited; the local administrator never signed in. */
  if (ctx->signed_in && ctx->actor != NULL)
    xf_accounts_sign_out (ctx->accounts, ctx->actor);
  g_clear_pointer (&ctx->password, xf_password_free);
  g_clear_object (&ctx->actor);
  g_clear_object (&ctx->accounts);
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->database_path, g_free);
  g_clear_pointer (&ctx->user, g_free);
}
