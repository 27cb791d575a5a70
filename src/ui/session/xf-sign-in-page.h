/* xf-sign-in-page.h — who is at the desk: login and password
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-accounts.h"

G_BEGIN_DECLS

/*
 * XfSignInPage fills the window while no one is signed in to the open
 * database: the database's name, login (filled in with the last one),
 * password and Sign In. Signing in runs in a worker thread (a spinner
 * shows). A wrong login or password gets one message for both; a locked
 * account shows a countdown to when it opens again, with Sign In
 * insensitive until then. On success "signed-in" is emitted with the
 * account; what follows (a password to change, the pages) is the window's.
 *
 * The header bar's menu offers another database (app.open-database,
 * app.connect-database) and About.
 *
 * Action: sign-in.sign-in (Enter in the password row).
 * Signal: signed-in (XfAccount).
 * Template children (for tests): login_row, password_row, error_label,
 * countdown, sign_in_button, spinner, database_label.
 */

#define XF_TYPE_SIGN_IN_PAGE (xf_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (XfSignInPage, xf_sign_in_page, XF, SIGN_IN_PAGE, GtkWidget)

/* @database_label: how to name the database to the user ("demo.db"). */
GtkWidget  *xf_sign_in_page_new       (XfAccounts   *accounts,
                                       const char   *database_label);
XfAccounts *xf_sign_in_page_get_accounts (XfSignInPage *self);
/* Fills in the login and puts the focus in the password row. */
void        xf_sign_in_page_set_login (XfSignInPage *self,
                                       const char   *login);
/* Forgets the password and any message; the login stays. */
void        xf_sign_in_page_reset     (XfSignInPage *self);
/* The message under the form, or NULL when none is shown. */
const char *xf_sign_in_page_get_error (XfSignInPage *self);
gboolean    xf_sign_in_page_get_busy  (XfSignInPage *self);

G_END_DECLS
