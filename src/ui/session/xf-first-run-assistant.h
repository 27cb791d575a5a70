/* xf-first-run-assistant.h — the first administrator of a new database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"

G_BEGIN_DECLS

/*
 * XfFirstRunAssistant fills the window while the open database has no
 * accounts: a welcome, then the administrator's name, login and password
 * (typed twice, judged as it is typed), then "All set". Creating the
 * account and signing in as it run in a worker thread
 * (xf_accounts_create_first_administrator, then xf_accounts_sign_in);
 * core's message for a refused field shows under the form.
 * "signed-in" is emitted when the person leaves the last step.
 *
 * Pages of the stack: "welcome", "account", "done".
 * Actions: first-run.next, first-run.back, first-run.create, first-run.finish.
 * Signal: signed-in (XfAccount).
 * Template children (for tests): stack, name_row, login_row, new_password,
 * error_label, create_button, spinner, done_status, back_button.
 */

#define XF_TYPE_FIRST_RUN_ASSISTANT (xf_first_run_assistant_get_type ())

G_DECLARE_FINAL_TYPE (XfFirstRunAssistant, xf_first_run_assistant, XF, FIRST_RUN_ASSISTANT, GtkWidget)

GtkWidget  *xf_first_run_assistant_new       (XfAccounts          *accounts,
                                              const char          *database_label);
XfAccounts *xf_first_run_assistant_get_accounts (XfFirstRunAssistant *self);
/* The name of the page shown. */
const char *xf_first_run_assistant_get_page  (XfFirstRunAssistant *self);
/* The message under the form, or NULL when none is shown. */
const char *xf_first_run_assistant_get_error (XfFirstRunAssistant *self);
gboolean    xf_first_run_assistant_get_busy  (XfFirstRunAssistant *self);

G_END_DECLS
