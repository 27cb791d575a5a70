/* xf-lockout-countdown.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-lockout-countdown"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-lockout-countdown.h"

struct _XfLockoutCountdown
{
  GtkWidget  parent_instance;

  gint64     locked_until;
  gboolean   locked;
  guint      tick_id;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (XfLockoutCountdown, xf_lockout_countdown, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOCKED_UNTIL,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_wait (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Locked: try again in %d second",
                                         "Locked: try again in %d seconds",
                                         (gulong) seconds),
                            (int) seconds);
  /* Translators: the wait in minutes and seconds, e.g. "14:05" */
  return g_strdup_printf (_("Locked: try again in %d:%02d"),
                          (int) (seconds / 60), (int) (seconds % 60));
}

static gboolean tick_cb (gpointer user_data);

/* Shows the time left, rounded up to the second, and wakes again when
 * that number changes. */
static void
update (XfLockoutCountdown *self)
{
  gint64 left_us = self->locked_until - g_get_real_time ();
  gboolean locked = self->locked_until > 0 && left_us > 0;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (locked)
    {
      g_autofree char *text = format_wait ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      gtk_label_set_label (GTK_LABEL (self->label), text);
      guint next_ms = (guint) (((left_us - 1) % G_USEC_PER_SEC) / 1000 + 1);

      self->tick_id = g_timeout_add (next_ms, tick_cb, self);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->label), "");

  gtk_widget_set_visible (GTK_WIDGET (self), locked);
  if (self->locked != locked)
    {
      self->locked = locked;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCKED]);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  XfLockoutCountdown *self = user_data;

  self->tick_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
xf_lockout_countdown_dispose (GObject *object)
{
  XfLockoutCountdown *self = XF_LOCKOUT_COUNTDOWN (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (xf_lockout_countdown_parent_class)->dispose (object);
}

static void
xf_lockout_countdown_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XfLockoutCountdown *self = XF_LOCKOUT_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_LOCKED_UNTIL:
      g_value_set_int64 (value, self->locked_until);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_lockout_countdown_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XfLockoutCountdown *self = XF_LOCKOUT_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_LOCKED_UNTIL:
      xf_lockout_countdown_set_locked_until (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_lockout_countdown_class_init (XfLockoutCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_lockout_countdown_dispose;
  object_class->get_property = xf_lockout_countdown_get_property;
  object_class->set_property = xf_lockout_countdown_set_property;

  /**
   * XfLockoutCountdown:locked-until:
   *
   * When the account opens again, in UTC microseconds; 0 when it is not locked.
   */
  properties [PROP_LOCKED_UNTIL] =
    g_param_spec_int64 ("locked-until", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfLockoutCountdown:locked:
   *
   * Whether the time is not up yet.
   */
  properties [PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lockoutcountdown");
}

static void
xf_lockout_countdown_init (XfLockoutCountdown *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->label, "warning");
  gtk_widget_add_css_class (self->label, "heading");
  /* Digits of one width, so the ticking does not make the text jump. */
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
xf_lockout_countdown_new (void)
{
  return g_object_new (XF_TYPE_LOCKOUT_COUNTDOWN, NULL);
}

gint64
xf_lockout_countdown_get_locked_until (XfLockoutCountdown *self)
{
  g_return_val_if_fail (XF_IS_LOCKOUT_COUNTDOWN (self), 0);
  return self->locked_until;
}

void
xf_lockout_countdown_set_locked_until (XfLockoutCountdown *self,
                                       gint64              locked_until)
{
  g_return_if_fail (XF_IS_LOCKOUT_COUNTDOWN (self));

  if (self->locked_until != locked_until)
    {
      self->locked_until = locked_until;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCKED_UNTIL]);
    }
  update (self);
}

gboolean
xf_lockout_countdown_get_locked (XfLockoutCountdown *self)
{
  g_return_val_if_fail (XF_IS_LOCKOUT_COUNTDOWN (self), FALSE);
  return self->locked;
}

const char *
xf_lockout_countdown_get_text (XfLockoutCountdown *self)
{
  g_return_val_if_fail (XF_IS_LOCKOUT_COUNTDOWN (self), "");
  return gtk_label_get_label (GTK_LABEL (self->label));
}
