/* xf-session-tasks.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-session-tasks"

#include "config.h"

#include "xf-password.h"
#include "xf-session-tasks.h"

/* What one call needs; the passwords are wiped with the task. */
typedef struct
{
  XfAccounts *accounts;
  XfAccount  *account;
  char       *login;
  char       *display_name;
  char       *password;
  char       *new_password;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->accounts);
  g_clear_object (&job->account);
  g_free (job->login);
  g_free (job->display_name);
  g_clear_pointer (&job->password, xf_password_free);
  g_clear_pointer (&job->new_password, xf_password_free);
  g_free (job);
}

static GTask *
start (XfAccounts          *accounts,
       XfAccount           *account,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       Job                **job_out)
{
  GTask *task = g_task_new (accounts, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->accounts = g_object_ref (accounts);
  job->account = account != NULL ? g_object_ref (account) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  *job_out = job;
  return task;
}

/* A NULL account with no error would be a bug in core; say so rather than crash. */
static void
return_account (GTask     *task,
                XfAccount *account,
                GError    *error)
{
  if (account != NULL)
    g_task_return_pointer (task, account, g_object_unref);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "no account and no error");
}

static void
return_boolean (GTask    *task,
                gboolean  ok,
                GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "failed without an error");
}

/*
 * Sign in
 */

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  XfAccount *account = xf_accounts_sign_in (job->accounts, job->login, job->password, &error);

  return_account (task, account, error);
}

void
xf_session_sign_in_async (XfAccounts          *accounts,
                          const char          *login,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XF_IS_ACCOUNTS (accounts));
  g_return_if_fail (login != NULL && password != NULL);

  task = start (accounts, NULL, xf_session_sign_in_async, cancellable, callback, user_data, &job);
  job->login = g_strdup (login);
  job->password = g_strdup (password);
  g_task_run_in_thread (task, sign_in_thread);
}

XfAccount *
xf_session_sign_in_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xf_session_sign_in_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * The first administrator
 */

static void
create_first_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(XfAccount) created = NULL;
  XfAccount *account = NULL;

  created = xf_accounts_create_first_administrator (job->accounts, job->login, job->display_name,
                                                    job->password, &error);
  if (created != NULL)
    account = xf_accounts_sign_in (job->accounts, job->login, job->password, &error);
  return_account (task, account, error);
}

void
xf_session_create_first_administrator_async (XfAccounts          *accounts,
                                             const char          *login,
                                             const char          *display_name,
                                             const char          *password,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XF_IS_ACCOUNTS (accounts));
  g_return_if_fail (login != NULL && display_name != NULL && password != NULL);

  task = start (accounts, NULL, xf_session_create_first_administrator_async,
                cancellable, callback, user_data, &job);
  job->login = g_strdup (login);
  job->display_name = g_strdup (display_name);
  job->password = g_strdup (password);
  g_task_run_in_thread (task, create_first_thread);
}

XfAccount *
xf_session_create_first_administrator_finish (GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        xf_session_create_first_administrator_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Unlocking and changing the password
 */

static void
confirm_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = xf_accounts_confirm_password (job->accounts, job->account, job->password, &error);

  return_boolean (task, ok, error);
}

void
xf_session_confirm_password_async (XfAccounts          *accounts,
                                   XfAccount           *account,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XF_IS_ACCOUNTS (accounts));
  g_return_if_fail (XF_IS_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  task = start (accounts, account, xf_session_confirm_password_async,
                cancellable, callback, user_data, &job);
  job->password = g_strdup (password);
  g_task_run_in_thread (task, confirm_thread);
}

gboolean
xf_session_confirm_password_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        xf_session_confirm_password_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = xf_accounts_change_password (job->accounts, job->account, job->password,
                                             job->new_password, &error);

  return_boolean (task, ok, error);
}

void
xf_session_change_password_async (XfAccounts          *accounts,
                                  XfAccount           *account,
                                  const char          *old_password,
                                  const char          *new_password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XF_IS_ACCOUNTS (accounts));
  g_return_if_fail (XF_IS_ACCOUNT (account));
  g_return_if_fail (old_password != NULL && new_password != NULL);

  task = start (accounts, account, xf_session_change_password_async,
                cancellable, callback, user_data, &job);
  job->password = g_strdup (old_password);
  job->new_password = g_strdup (new_password);
  g_task_run_in_thread (task, change_thread);
}

gboolean
xf_session_change_password_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        xf_session_change_password_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
