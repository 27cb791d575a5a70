/* xf-reminder-notifier.h — reminders as desktop notifications
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfReminderNotifier asks core for the actor's reminders
 * (xf_evaluation_list_reminders at xf_clock_now_local(): empty outside
 * working time) at once, every XF_REMINDER_NOTIFIER_INTERVAL seconds and
 * shortly after each XfEvaluation::changed, and sends each reminder as a
 * GNotification whose id is the reminder's key, once per session;
 * activating one brings the application's window up. A reminder that
 * stops (its stage or round closed, the member voted) has its
 * notification withdrawn. Without a notification server on the session
 * bus (asked once; a sandbox has the portal) nothing is sent.
 *
 * The reminders of the last poll are kept for the page to show in the
 * app: xf_reminder_notifier_get_reminders(), property "n-reminders" and
 * signal "changed" when they change.
 */

#define XF_REMINDER_NOTIFIER_INTERVAL 300

#define XF_TYPE_REMINDER_NOTIFIER (xf_reminder_notifier_get_type ())

G_DECLARE_FINAL_TYPE (XfReminderNotifier, xf_reminder_notifier, XF, REMINDER_NOTIFIER, GObject)

XfReminderNotifier *xf_reminder_notifier_new            (GApplication       *application,
                                                         XfEvaluation       *evaluation);
/* Asks core now (as the timer does). */
void                xf_reminder_notifier_poll           (XfReminderNotifier *self);
/* (element-type XfReminder) (transfer none): the reminders of the last poll. */
GPtrArray          *xf_reminder_notifier_get_reminders  (XfReminderNotifier *self);
guint               xf_reminder_notifier_get_n_reminders (XfReminderNotifier *self);
/* Whether the notification of @key was sent in this session. */
gboolean            xf_reminder_notifier_was_sent       (XfReminderNotifier *self,
                                                         const char         *key);

G_END_DECLS
