/* xf-new-password.h — a new password, typed twice, with feedback
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * XfNewPassword: "New password" and "Repeat password" rows, and under them
 * what core thinks of the password as it is typed
 * (xf_password_check_strength: long enough, not the login, …) or that the
 * two do not match. "valid" is TRUE once the password is strong enough and
 * typed the same twice.
 *
 * Properties: login (string, the login the password must differ from),
 * valid (boolean, read-only). Signal "activate": Enter in the second row.
 * Template children (for tests): password_row, repeat_row, feedback_label.
 */

#define XF_TYPE_NEW_PASSWORD (xf_new_password_get_type ())

G_DECLARE_FINAL_TYPE (XfNewPassword, xf_new_password, XF, NEW_PASSWORD, GtkWidget)

GtkWidget  *xf_new_password_new          (void);
void        xf_new_password_set_login    (XfNewPassword *self,
                                          const char    *login);
/* The password typed in the first row. */
const char *xf_new_password_get_password (XfNewPassword *self);
gboolean    xf_new_password_get_valid    (XfNewPassword *self);
/* The feedback shown under the rows ("" when none). */
const char *xf_new_password_get_feedback (XfNewPassword *self);
void        xf_new_password_clear        (XfNewPassword *self);

G_END_DECLS
