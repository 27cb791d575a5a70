/* xf-idle-timer.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-idle-timer"

#include "config.h"

#include "xf-idle-timer.h"

struct _XfIdleTimer
{
  GObject     parent_instance;

  guint       timeout_ms;
  gboolean    active;
  gboolean    fired;          /* "idle" emitted for this count */
  gint64      last_input;     /* g_get_monotonic_time () */
  guint       source_id;
  GListModel *toplevels;      /* gtk_window_get_toplevels (), not owned */
  GPtrArray  *controllers;    /* GWeakRef * to the controllers we added */
};

G_DEFINE_FINAL_TYPE (XfIdleTimer, xf_idle_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  IDLE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void schedule (XfIdleTimer *self);

static gboolean
timeout_cb (gpointer user_data)
{
  XfIdleTimer *self = user_data;

  self->source_id = 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

/* Wakes up when the count would run out. Input in between only moves
 * last_input, which is cheap: pointer motion comes many times a second. */
static void
schedule (XfIdleTimer *self)
{
  gint64 idle_ms;

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (!self->active || self->timeout_ms == 0 || self->fired)
    return;

  idle_ms = (g_get_monotonic_time () - self->last_input) / 1000;
  if (idle_ms < self->timeout_ms)
    {
      self->source_id = g_timeout_add ((guint) (self->timeout_ms - idle_ms), timeout_cb, self);
      return;
    }

  self->fired = TRUE;
  g_signal_emit (self, signals [IDLE], 0);
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          gpointer                  user_data)
{
  XfIdleTimer *self = user_data;

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
      self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
watches (XfIdleTimer *self,
         GtkWidget   *window)
{
  for (guint i = 0; i < self->controllers->len; i++)
    {
      GWeakRef *ref = g_ptr_array_index (self->controllers, i);
      g_autoptr(GtkEventController) controller = g_weak_ref_get (ref);

      if (controller != NULL && gtk_event_controller_get_widget (controller) == window)
        return TRUE;
    }
  return FALSE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Every window of the process, as it appears, gets a controller that
 * sees its events before any of its widgets does. */
static void
toplevels_changed_cb (XfIdleTimer *self)
{
  guint n = g_list_model_get_n_items (self->toplevels);

  /* Drop what closed windows left behind. */
  for (guint i = self->controllers->len; i > 0; i--)
    {
      g_autoptr(GObject) controller = g_weak_ref_get (g_ptr_array_index (self->controllers, i - 1));

      if (controller == NULL)
        g_ptr_array_remove_index_fast (self->controllers, i - 1);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (self->toplevels, i);
      GtkEventController *controller;
      GWeakRef *ref;

      if (watches (self, window))
        continue;
      controller = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_name (controller, "xf-idle-timer");
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "event", G_CALLBACK (event_cb), self);
      gtk_widget_add_controller (window, controller);
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, controller);
      g_ptr_array_add (self->controllers, ref);
    }
}

static void
xf_idle_timer_dispose (GObject *object)
{
  XfIdleTimer *self = XF_IDLE_TIMER (object);

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->toplevels != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->toplevels, toplevels_changed_cb, self);
      self->toplevels = NULL;
    }
  for (guint i = 0; self->controllers != NULL && i < self->controllers->len; i++)
    {
      GWeakRef *ref = g_ptr_array_index (self->controllers, i);
      g_autoptr(GtkEventController) controller = g_weak_ref_get (ref);
      GtkWidget *widget = controller != NULL ? gtk_event_controller_get_widget (controller) : NULL;

      if (widget != NULL)
        {
          g_signal_handlers_disconnect_by_func (controller, event_cb, self);
          gtk_widget_remove_controller (widget, controller);
        }
    }
  g_clear_pointer (&self->controllers, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_idle_timer_parent_class)->dispose (object);
}

static void
xf_idle_timer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfIdleTimer *self = XF_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_idle_timer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfIdleTimer *self = XF_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      xf_idle_timer_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_ACTIVE:
      xf_idle_timer_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_idle_timer_class_init (XfIdleTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_idle_timer_dispose;
  object_class->get_property = xf_idle_timer_get_property;
  object_class->set_property = xf_idle_timer_set_property;

  /**
   * XfIdleTimer:timeout:
   *
   * Milliseconds without input before "idle"; 0 never.
   */
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfIdleTimer:active:
   *
   * Whether the timer counts.
   */
  properties [PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfIdleTimer::idle:
   *
   * No input came for the timeout while the timer was active.
   */
  signals [IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xf_idle_timer_init (XfIdleTimer *self)
{
  self->controllers = g_ptr_array_new_with_free_func (weak_ref_free);
  self->last_input = g_get_monotonic_time ();
  self->toplevels = gtk_window_get_toplevels ();
  g_signal_connect_swapped (self->toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self);
  toplevels_changed_cb (self);
}

XfIdleTimer *
xf_idle_timer_new (void)
{
  return g_object_new (XF_TYPE_IDLE_TIMER, NULL);
}

guint
xf_idle_timer_get_timeout (XfIdleTimer *self)
{
  g_return_val_if_fail (XF_IS_IDLE_TIMER (self), 0);
  return self->timeout_ms;
}

void
xf_idle_timer_set_timeout (XfIdleTimer *self,
                           guint        timeout_ms)
{
  g_return_if_fail (XF_IS_IDLE_TIMER (self));

  if (self->timeout_ms == timeout_ms)
    return;
  self->timeout_ms = timeout_ms;
  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}

gboolean
xf_idle_timer_get_active (XfIdleTimer *self)
{
  g_return_val_if_fail (XF_IS_IDLE_TIMER (self), FALSE);
  return self->active;
}

void
xf_idle_timer_set_active (XfIdleTimer *self,
                          gboolean     active)
{
  g_return_if_fail (XF_IS_IDLE_TIMER (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  xf_idle_timer_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);
}

void
xf_idle_timer_reset (XfIdleTimer *self)
{
  g_return_if_fail (XF_IS_IDLE_TIMER (self));

  self->last_input = g_get_monotonic_time ();
  self->fired = FALSE;
  schedule (self);
}
