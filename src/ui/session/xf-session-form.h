/* xf-session-form.h — what the sign-in, first-run, lock and password forms share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-lockout-countdown.h"

G_BEGIN_DECLS

/*
 * Each session form runs one slow account call at a time (see
 * xf-session-tasks.h): a GCancellable marks it under way, a spinner turns,
 * the fields go insensitive, and an error label says what went wrong.
 */

const char *xf_session_form_app_icon_name    (void);

void        xf_session_form_set_error        (GtkLabel      *error_label,
                                              const char    *text);
const char *xf_session_form_get_error        (GtkLabel      *error_label);

void        xf_session_form_set_busy         (GtkWidget     *form,
                                              GCancellable **cancellable,
                                              gboolean       busy,
                                              GtkSpinner    *spinner,
                                              GtkWidget     *first_field,
                                              ...) G_GNUC_NULL_TERMINATED;
gboolean    xf_session_form_is_abandoned     (GCancellable  *cancellable);
/* A lockout's countdown moved: once it is over, its message goes and,
 * unless a request is under way (@cancellable set), the password is
 * focused again for the next try. */
void        xf_session_form_lockout_changed  (XfLockoutCountdown *countdown,
                                              GtkLabel      *error_label,
                                              GCancellable  *cancellable,
                                              GtkWidget     *password_field);

void        xf_session_form_dispose_template (GtkWidget     *form,
                                              GType          form_type);

G_END_DECLS
