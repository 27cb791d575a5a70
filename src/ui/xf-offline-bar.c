/* xf-offline-bar.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-offline-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-offline-bar.h"

struct _XfOfflineBar
{
  GtkWidget        parent_instance;

  XfChangeMonitor *monitor;

  GtkWidget       *revealer;
  GtkLabel        *label;
  GtkWidget       *retry_button;
};

G_DEFINE_FINAL_TYPE (XfOfflineBar, xf_offline_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MONITOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
offline_text (void)
{
  return _("The shared database cannot be reached. Nothing you have typed is lost; "
           "Xianfeng reconnects by itself as soon as it can.");
}

static void
online_changed_cb (XfOfflineBar *self)
{
  gboolean offline = self->monitor != NULL && !xf_change_monitor_get_online (self->monitor);

  g_assert (XF_IS_OFFLINE_BAR (self));

  if (offline)
    gtk_label_set_label (self->label, offline_text ());
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), offline);
}

static void
xf_offline_bar_dispose (GObject *object)
{
  XfOfflineBar *self = XF_OFFLINE_BAR (object);

  xf_offline_bar_set_monitor (self, NULL);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (xf_offline_bar_parent_class)->dispose (object);
}

static void
xf_offline_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfOfflineBar *self = XF_OFFLINE_BAR (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_offline_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfOfflineBar *self = XF_OFFLINE_BAR (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      xf_offline_bar_set_monitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_offline_bar_class_init (XfOfflineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_offline_bar_dispose;
  object_class->get_property = xf_offline_bar_get_property;
  object_class->set_property = xf_offline_bar_set_property;

  /**
   * XfOfflineBar:monitor:
   *
   * The change monitor whose "online" the bar follows.
   */
  properties [PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, XF_TYPE_CHANGE_MONITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "offlinebar");
}

static void
xf_offline_bar_init (XfOfflineBar *self)
{
  GtkWidget *box, *icon, *handle;

  /* A bar with no window title above it is where the window is dragged. */
  handle = gtk_window_handle_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "offline-bar");

  icon = gtk_image_new_from_icon_name ("network-offline-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  self->label = GTK_LABEL (gtk_label_new (offline_text ()));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  /* The window reconnects: it owns the monitor, which a reconnection renews. */
  self->retry_button = gtk_button_new_with_mnemonic (_("_Retry now"));
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "win.retry-connection");
  gtk_box_append (GTK_BOX (box), self->retry_button);

  gtk_window_handle_set_child (GTK_WINDOW_HANDLE (handle), box);
  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), handle);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
}

GtkWidget *
xf_offline_bar_new (void)
{
  return g_object_new (XF_TYPE_OFFLINE_BAR, NULL);
}

XfChangeMonitor *
xf_offline_bar_get_monitor (XfOfflineBar *self)
{
  g_return_val_if_fail (XF_IS_OFFLINE_BAR (self), NULL);
  return self->monitor;
}

void
xf_offline_bar_set_monitor (XfOfflineBar    *self,
                            XfChangeMonitor *monitor)
{
  g_return_if_fail (XF_IS_OFFLINE_BAR (self));
  g_return_if_fail (monitor == NULL || XF_IS_CHANGE_MONITOR (monitor));

  if (self->monitor == monitor)
    return;
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, online_changed_cb, self);
  g_set_object (&self->monitor, monitor);
  if (monitor != NULL)
    g_signal_connect_object (monitor, "notify::online", G_CALLBACK (online_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (self->revealer != NULL)
    online_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MONITOR]);
}

void
xf_offline_bar_retry_failed (XfOfflineBar *self)
{
  g_return_if_fail (XF_IS_OFFLINE_BAR (self));

  gtk_label_set_label (self->label,
                       _("The shared database still cannot be reached. Nothing you have typed "
                         "is lost; Xianfeng keeps trying."));
}

gboolean
xf_offline_bar_get_revealed (XfOfflineBar *self)
{
  g_return_val_if_fail (XF_IS_OFFLINE_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

GtkLabel *
xf_offline_bar_get_label (XfOfflineBar *self)
{
  g_return_val_if_fail (XF_IS_OFFLINE_BAR (self), NULL);
  return self->label;
}

GtkWidget *
xf_offline_bar_get_retry_button (XfOfflineBar *self)
{
  g_return_val_if_fail (XF_IS_OFFLINE_BAR (self), NULL);
  return self->retry_button;
}
