/* xf-care-reminder-notifier.h — care reminders as desktop notifications
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-care.h"

G_BEGIN_DECLS

/* Reminders come this many working days before a calendar date. */
#define XF_CARE_REMIND_DAYS 3

/* Asks again every five minutes. */
#define XF_CARE_REMINDER_NOTIFIER_INTERVAL 300

/*
 * XfCareReminderNotifier asks core for the care reminders due now
 * (xf_care_due_reminders at xf_clock_now_local(): empty outside working
 * time) at once, every XF_CARE_REMINDER_NOTIFIER_INTERVAL seconds and
 * shortly after each XfCare::changed, and sends each as a GNotification
 * ("care-" + date + kind + pioneer or record), once per session. One
 * that is no longer due is withdrawn. As the evaluation's notifier, it
 * sends nothing without a notification server on the session bus.
 */

#define XF_TYPE_CARE_REMINDER_NOTIFIER (xf_care_reminder_notifier_get_type ())

G_DECLARE_FINAL_TYPE (XfCareReminderNotifier, xf_care_reminder_notifier, XF, CARE_REMINDER_NOTIFIER, GObject)

XfCareReminderNotifier *xf_care_reminder_notifier_new   (GApplication           *application,
                                                         XfCare                 *care);
/* The same on a care object of its own, for the window to start with one
 * line when an account signs in. */
XfCareReminderNotifier *xf_care_reminder_notifier_new_for_registry (GApplication *application,
                                                         XfRegistry             *registry);
void                    xf_care_reminder_notifier_poll  (XfCareReminderNotifier *self);
/* (element-type XfCareCalendarItem) (transfer none): the last poll's. */
GPtrArray              *xf_care_reminder_notifier_get_reminders (XfCareReminderNotifier *self);
/* The notification id of @item. (transfer full) */
char                   *xf_care_reminder_key            (const XfCareCalendarItem *item);
gboolean                xf_care_reminder_notifier_was_sent (XfCareReminderNotifier *self,
                                                         const char             *key);

G_END_DECLS
