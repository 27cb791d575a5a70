/* xf-care-reminder-notifier.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-reminder-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-reminder-notifier.h"
#include "xf-clock.h"

struct _XfCareReminderNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* (weak) */
  XfCare       *care;
  GPtrArray    *reminders;     /* (element-type XfCareCalendarItem) of the last poll */
  GHashTable   *sent;          /* keys notified this session */
  guint         timeout_id;
  guint         idle_id;
  int           server;        /* -1 not asked yet, 0 none, 1 there */
};

G_DEFINE_FINAL_TYPE (XfCareReminderNotifier, xf_care_reminder_notifier, G_TYPE_OBJECT)

char *
xf_care_reminder_key (const XfCareCalendarItem *item)
{
  return g_strdup_printf ("care-%s-%s-%lld-%lld", item->date, item->kind,
                          (long long) item->pioneer_id, (long long) item->record_id);
}

/* Whether a notification server (or the portal, in a sandbox) is there:
 * GLib warns on every desk without one otherwise. Asked once. */
static gboolean
has_server (XfCareReminderNotifier *self)
{
  static const char * const names[] = { "org.freedesktop.Notifications", "org.gtk.Notifications" };
  GDBusConnection *bus;

  if (self->server >= 0)
    return self->server > 0;
  self->server = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  bus = self->application != NULL && g_application_get_is_registered (self->application)
        ? g_application_get_dbus_connection (self->application) : NULL;
  for (guint i = 0; bus != NULL && !self->server && i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus",
                                                               "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", names[i]),
                                                               G_VARIANT_TYPE ("(b)"),
                                                               G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &self->server);
    }
  return self->server > 0;
}

static void
send (XfCareReminderNotifier   *self,
      const XfCareCalendarItem *item,
      const char               *key)
{
  g_autoptr(GNotification) notification = g_notification_new (item->title);
  g_autofree char *body = NULL;

  /* Translators: a care reminder's body: the date, then who it is about */
  body = item->pioneer_name != NULL && *item->pioneer_name != '\0'
         ? g_strdup_printf (_("%s · %s"), item->date, item->pioneer_name) : g_strdup (item->date);
  g_notification_set_body (notification, body);
  g_application_send_notification (self->application, key, notification);
}

static gboolean
has_key (GPtrArray  *items,
         const char *key)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_autofree char *other = xf_care_reminder_key (g_ptr_array_index (items, i));

      if (g_str_equal (other, key))
        return TRUE;
    }
  return FALSE;
}

void
xf_care_reminder_notifier_poll (XfCareReminderNotifier *self)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_CARE_REMINDER_NOTIFIER (self));

  reminders = xf_care_due_reminders (self->care, now, XF_CARE_REMIND_DAYS, &error);
  if (reminders == NULL)
    {
      g_debug ("Reading care reminders: %s", error->message);
      return;
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (reminders, i);
      g_autofree char *key = xf_care_reminder_key (item);

      if (g_hash_table_contains (self->sent, key))
        continue;
      if (self->application != NULL && has_server (self))
        send (self, item, key);
      g_hash_table_add (self->sent, g_steal_pointer (&key));
    }
  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    {
      g_autofree char *key = xf_care_reminder_key (g_ptr_array_index (self->reminders, i));

      if (!has_key (reminders, key) && self->application != NULL && self->server > 0)
        g_application_withdraw_notification (self->application, key);
    }
  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  self->reminders = g_steal_pointer (&reminders);
}

GPtrArray *
xf_care_reminder_notifier_get_reminders (XfCareReminderNotifier *self)
{
  g_return_val_if_fail (XF_IS_CARE_REMINDER_NOTIFIER (self), NULL);

  return self->reminders;
}

gboolean
xf_care_reminder_notifier_was_sent (XfCareReminderNotifier *self,
                                    const char             *key)
{
  g_return_val_if_fail (XF_IS_CARE_REMINDER_NOTIFIER (self), FALSE);

  return key != NULL && g_hash_table_contains (self->sent, key);
}

static gboolean
timeout_cb (gpointer user_data)
{
  xf_care_reminder_notifier_poll (XF_CARE_REMINDER_NOTIFIER (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
idle_cb (gpointer user_data)
{
  XfCareReminderNotifier *self = XF_CARE_REMINDER_NOTIFIER (user_data);

  self->idle_id = 0;
  xf_care_reminder_notifier_poll (self);
  return G_SOURCE_REMOVE;
}

/* A visit planned or done may end a reminder: ask again, once for a
 * burst of changes. */
static void
care_changed_cb (XfCareReminderNotifier *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
}

static void
xf_care_reminder_notifier_dispose (GObject *object)
{
  XfCareReminderNotifier *self = XF_CARE_REMINDER_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_care_reminder_notifier_parent_class)->dispose (object);
}

static void
xf_care_reminder_notifier_finalize (GObject *object)
{
  XfCareReminderNotifier *self = XF_CARE_REMINDER_NOTIFIER (object);

  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  g_clear_pointer (&self->sent, g_hash_table_unref);
  G_OBJECT_CLASS (xf_care_reminder_notifier_parent_class)->finalize (object);
}

static void
xf_care_reminder_notifier_class_init (XfCareReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_care_reminder_notifier_dispose;
  object_class->finalize = xf_care_reminder_notifier_finalize;
}

static void
xf_care_reminder_notifier_init (XfCareReminderNotifier *self)
{
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_calendar_item_free);
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->server = -1;
}

XfCareReminderNotifier *
xf_care_reminder_notifier_new (GApplication *application,
                               XfCare       *care)
{
  XfCareReminderNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_REMINDER_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->care = g_object_ref (care);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  self->timeout_id = g_timeout_add_seconds (XF_CARE_REMINDER_NOTIFIER_INTERVAL, timeout_cb, self);
  xf_care_reminder_notifier_poll (self);
  return self;
}

XfCareReminderNotifier *
xf_care_reminder_notifier_new_for_registry (GApplication *application,
                                            XfRegistry   *registry)
{
  g_autoptr(XfCare) care = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  care = xf_care_new (registry);
  return xf_care_reminder_notifier_new (application, care);
}
