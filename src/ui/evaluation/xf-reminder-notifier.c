/* xf-reminder-notifier.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-reminder-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-reminder-notifier.h"

struct _XfReminderNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* (weak): the application owns what owns us */
  XfEvaluation *evaluation;
  GPtrArray    *reminders;     /* (element-type XfReminder) of the last poll */
  GHashTable   *sent;          /* keys notified this session */
  guint         timeout_id;
  guint         idle_id;       /* a poll after XfEvaluation::changed */
  int           server;        /* a notification server: -1 not asked yet, 0 none, 1 there */
};

G_DEFINE_FINAL_TYPE (XfReminderNotifier, xf_reminder_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_REMINDERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
has_key (GPtrArray  *reminders,
         const char *key)
{
  for (guint i = 0; reminders != NULL && i < reminders->len; i++)
    if (g_strcmp0 (((const XfReminder *) g_ptr_array_index (reminders, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
same_reminders (GPtrArray *a,
                GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const XfReminder *x = g_ptr_array_index (a, i);
      const XfReminder *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->key, y->key) != 0 || g_strcmp0 (x->title, y->title) != 0 ||
          g_strcmp0 (x->body, y->body) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
bus_knows (GDBusConnection *bus,
           const char      *method,
           const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method,
                                       name != NULL ? g_variant_new ("(s)", name) : NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 500, NULL, &error);
  if (reply == NULL)
    {
      g_debug ("Asking the bus %s: %s", method, error->message);
      return FALSE;
    }
  if (name != NULL)
    {
      gboolean has_owner = FALSE;

      g_variant_get (reply, "(b)", &has_owner);
      return has_owner;
    }
  else
    {
      g_autofree const char **names = NULL;

      g_variant_get (reply, "(^a&s)", &names);
      return names != NULL && (g_strv_contains (names, "org.freedesktop.Notifications") ||
                               g_strv_contains (names, "org.gtk.Notifications"));
    }
}

/* Whether anyone shows notifications, asked once: GLib warns on every
 * desk without a notification server (a kiosk, a test) otherwise. In a
 * sandbox the portal does. */
static gboolean
has_server (XfReminderNotifier *self)
{
  GDBusConnection *bus;

  if (self->server >= 0)
    return self->server;
  bus = g_application_get_dbus_connection (self->application);
  self->server = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
                 (bus != NULL &&
                  (bus_knows (bus, "NameHasOwner", "org.freedesktop.Notifications") ||
                   bus_knows (bus, "NameHasOwner", "org.gtk.Notifications") ||
                   bus_knows (bus, "ListActivatableNames", NULL)));
  if (!self->server)
    g_debug ("No notification server: reminders are shown in the app only");
  return self->server;
}

static void
send (XfReminderNotifier *self,
      const XfReminder   *reminder)
{
  g_autoptr(GNotification) notification = g_notification_new (reminder->title);

  if (reminder->body != NULL && reminder->body[0] != '\0')
    g_notification_set_body (notification, reminder->body);
  /* No default action: activating the notification activates the
   * application, which presents its window. */
  g_application_send_notification (self->application, reminder->key, notification);
}

void
xf_reminder_notifier_poll (XfReminderNotifier *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_REMINDER_NOTIFIER (self));

  now = xf_clock_now_local ();
  reminders = xf_evaluation_list_reminders (self->evaluation, now, &error);
  if (reminders == NULL)
    {
      /* A database that went away, say: try again at the next poll. */
      g_debug ("Reading reminders: %s", error->message);
      return;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      const XfReminder *reminder = g_ptr_array_index (reminders, i);

      if (reminder->key == NULL || g_hash_table_contains (self->sent, reminder->key))
        continue;
      g_hash_table_add (self->sent, g_strdup (reminder->key));
      if (self->application != NULL && has_server (self))
        send (self, reminder);
    }

  /* Reminders that stopped take their notifications with them. */
  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    {
      const XfReminder *reminder = g_ptr_array_index (self->reminders, i);

      if (!has_key (reminders, reminder->key) && self->application != NULL && self->server > 0)
        g_application_withdraw_notification (self->application, reminder->key);
    }

  if (same_reminders (self->reminders, reminders))
    return;
  old = g_steal_pointer (&self->reminders);
  self->reminders = g_steal_pointer (&reminders);
  if (old == NULL || old->len != self->reminders->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REMINDERS]);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
timeout_cb (gpointer user_data)
{
  xf_reminder_notifier_poll (XF_REMINDER_NOTIFIER (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
idle_cb (gpointer user_data)
{
  XfReminderNotifier *self = XF_REMINDER_NOTIFIER (user_data);

  self->idle_id = 0;
  xf_reminder_notifier_poll (self);
  return G_SOURCE_REMOVE;
}

/* A vote or a closed round may end reminders: ask again, once for a burst
 * of changes. */
static void
evaluation_changed_cb (XfReminderNotifier *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
}

GPtrArray *
xf_reminder_notifier_get_reminders (XfReminderNotifier *self)
{
  g_return_val_if_fail (XF_IS_REMINDER_NOTIFIER (self), NULL);

  return self->reminders;
}

guint
xf_reminder_notifier_get_n_reminders (XfReminderNotifier *self)
{
  g_return_val_if_fail (XF_IS_REMINDER_NOTIFIER (self), 0);

  return self->reminders->len;
}

gboolean
xf_reminder_notifier_was_sent (XfReminderNotifier *self,
                               const char         *key)
{
  g_return_val_if_fail (XF_IS_REMINDER_NOTIFIER (self), FALSE);

  return key != NULL && g_hash_table_contains (self->sent, key);
}

static void
xf_reminder_notifier_dispose (GObject *object)
{
  XfReminderNotifier *self = XF_REMINDER_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_reminder_notifier_parent_class)->dispose (object);
}

static void
xf_reminder_notifier_finalize (GObject *object)
{
  XfReminderNotifier *self = XF_REMINDER_NOTIFIER (object);

  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  g_clear_pointer (&self->sent, g_hash_table_unref);

  G_OBJECT_CLASS (xf_reminder_notifier_parent_class)->finalize (object);
}

static void
xf_reminder_notifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XfReminderNotifier *self = XF_REMINDER_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_N_REMINDERS:
      g_value_set_uint (value, self->reminders->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_reminder_notifier_class_init (XfReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_reminder_notifier_dispose;
  object_class->finalize = xf_reminder_notifier_finalize;
  object_class->get_property = xf_reminder_notifier_get_property;

  properties [PROP_N_REMINDERS] =
    g_param_spec_uint ("n-reminders", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfReminderNotifier::changed:
   *
   * Emitted when a poll found other reminders than the last one.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xf_reminder_notifier_init (XfReminderNotifier *self)
{
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_reminder_free);
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->server = -1;
}

XfReminderNotifier *
xf_reminder_notifier_new (GApplication *application,
                          XfEvaluation *evaluation)
{
  XfReminderNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);

  self = g_object_new (XF_TYPE_REMINDER_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->evaluation = g_object_ref (evaluation);
  g_signal_connect_object (evaluation, "changed", G_CALLBACK (evaluation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->timeout_id = g_timeout_add_seconds (XF_REMINDER_NOTIFIER_INTERVAL, timeout_cb, self);
  xf_reminder_notifier_poll (self);
  return self;
}
