/* xf-change-monitor.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-change-monitor"

#include "config.h"

#include <glib-unix.h>

#include "xf-change-monitor.h"
#include "xf-error.h"

/*
 * Three sources, at most two alive at a time, all on the context of the
 * thread that created the monitor:
 * - online, PostgreSQL: a watch on the connection's socket, always;
 * - online and active: a poll timer. SQLite needs it to see anything.
 *   PostgreSQL needs it too, but only as a safety net: a notification that
 *   arrives while one of our own queries runs is read by libpq together
 *   with the results, so the socket never becomes readable for it. Polling
 *   there only looks at what libpq already holds, with no round trip.
 * - offline: a retry timer calling xf_db_reconnect().
 */

#define DEFAULT_POLL_INTERVAL  1000
#define DEFAULT_RETRY_INTERVAL 3000

struct _XfChangeMonitor
{
  GObject       parent_instance;

  XfDb         *db;
  GMainContext *context;
  GSource      *socket_source;
  int           socket;
  GSource      *poll_source;
  GSource      *retry_source;
  GCancellable *probing;    /* a connection tried in a worker, while offline */
  guint         poll_interval;
  guint         retry_interval;
  guint         online : 1;
  guint         active : 1;
  guint         watching : 1;
};

G_DEFINE_FINAL_TYPE (XfChangeMonitor, xf_change_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_ONLINE,
  PROP_ACTIVE,
  PROP_POLL_INTERVAL,
  PROP_RETRY_INTERVAL,
  N_PROPS
};

enum {
  CHANGED,
  RETRY_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void update_sources (XfChangeMonitor *self);

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
set_online (XfChangeMonitor *self,
            gboolean         online)
{
  online = !!online;
  if (self->online == online)
    return;
  self->online = online;
  g_debug ("%s is %s", xf_db_get_display_name (self->db), online ? "online" : "offline");
  update_sources (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE]);
}

/* Starts watching; a connection that is gone is simply offline. */
static void
watch (XfChangeMonitor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->watching)
    return;
  self->watching = xf_db_watch_changes (self->db, &error);
  if (error != NULL && !g_error_matches (error, XF_ERROR, XF_ERROR_OFFLINE))
    g_debug ("Cannot watch %s for changes: %s", xf_db_get_display_name (self->db), error->message);
}

/* Asks the database whether another desk committed something. */
static void
check (XfChangeMonitor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed;

  if (!self->online || self->db == NULL)
    return;
  if (!xf_db_is_online (self->db))
    {
      set_online (self, FALSE);
      return;
    }

  changed = xf_db_poll_changes (self->db, &error);
  if (g_error_matches (error, XF_ERROR, XF_ERROR_OFFLINE) || !xf_db_is_online (self->db))
    {
      set_online (self, FALSE);
      return;
    }
  if (error != NULL)
    g_debug ("Cannot poll %s for changes: %s", xf_db_get_display_name (self->db), error->message);

  /* The socket may have been replaced by someone else's xf_db_reconnect(). */
  update_sources (self);

  if (changed)
    g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
socket_ready_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  XfChangeMonitor *self = user_data;

  g_assert (XF_IS_CHANGE_MONITOR (self));

  g_object_ref (self);
  check (self);
  /* A hung-up socket that the driver does not notice would wake us forever. */
  if (self->online && (condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL)) && fd == self->socket)
    set_online (self, FALSE);
  g_object_unref (self);

  /* check() replaced or removed this source if it had to. */
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  XfChangeMonitor *self = user_data;

  g_assert (XF_IS_CHANGE_MONITOR (self));

  g_object_ref (self);
  check (self);
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

static void
reconnect (XfChangeMonitor *self)
{
  g_autoptr(GError) error = NULL;

  if (!xf_db_reconnect (self->db, &error))
    {
      g_debug ("Cannot reconnect to %s: %s", xf_db_get_display_name (self->db), error->message);
      g_signal_emit (self, signals [RETRY_FAILED], 0);
      return;
    }

  g_object_ref (self);
  watch (self);
  set_online (self, TRUE);
  /* Anything may have changed while we were away. */
  g_signal_emit (self, signals [CHANGED], 0);
  g_object_unref (self);
}

/* A server that drops packets makes a connection attempt block until its
 * timeout, so the attempt is made on a fresh connection in a worker; the
 * real connection is reset on this thread only once the server answers. */
static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(XfDb) probe = NULL;
  GError *error = NULL;

  probe = xf_db_open (task_data, XF_DB_OPEN_READ_ONLY, &error);
  if (probe == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  XfChangeMonitor *self = XF_CHANGE_MONITOR (object);
  g_autoptr(GError) error = NULL;
  gboolean answered = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->probing);
  if (!answered)
    {
      g_debug ("Still cannot reach %s: %s", xf_db_get_display_name (self->db), error->message);
      g_signal_emit (self, signals [RETRY_FAILED], 0);
    }
  else if (!self->online && self->db != NULL)
    reconnect (self);
}

static void
retry (XfChangeMonitor *self)
{
  g_autoptr(GTask) task = NULL;

  if (xf_db_get_backend (self->db) != XF_DB_BACKEND_POSTGRESQL)
    {
      reconnect (self);
      return;
    }
  if (self->probing != NULL)
    return;

  self->probing = g_cancellable_new ();
  task = g_task_new (self, self->probing, probe_done_cb, NULL);
  g_task_set_source_tag (task, retry);
  g_task_set_task_data (task, g_strdup (xf_db_get_path (self->db)), g_free);
  g_task_run_in_thread (task, probe_thread);
}

static gboolean
retry_cb (gpointer user_data)
{
  XfChangeMonitor *self = user_data;

  g_assert (XF_IS_CHANGE_MONITOR (self));
  g_assert (XF_IS_DB (self->db));

  retry (self);
  return G_SOURCE_CONTINUE;
}

static GSource *
attach (XfChangeMonitor *self,
        GSource         *source,
        GSourceFunc      func,
        const char      *name)
{
  g_source_set_callback (source, func, self, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, self->context);
  return source;
}

/* Brings the sources in line with the state; cheap when nothing changed. */
static void
update_sources (XfChangeMonitor *self)
{
  gboolean want_poll = self->online && self->active;
  int fd;

  /* Disposed: nothing to watch any more. */
  if (self->db == NULL)
    return;

  fd = self->online ? xf_db_get_socket (self->db) : -1;

  if (fd != self->socket || fd < 0)
    {
      clear_source (&self->socket_source);
      self->socket = fd;
      if (fd >= 0)
        self->socket_source = attach (self, g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR),
                                      G_SOURCE_FUNC (socket_ready_cb), "[xianfeng] database socket");
    }

  if (!want_poll)
    clear_source (&self->poll_source);
  else if (self->poll_source == NULL)
    self->poll_source = attach (self, g_timeout_source_new (self->poll_interval),
                                poll_cb, "[xianfeng] database poll");

  if (self->online)
    clear_source (&self->retry_source);
  else if (self->retry_source == NULL)
    self->retry_source = attach (self, g_timeout_source_new (self->retry_interval),
                                 retry_cb, "[xianfeng] database reconnect");
}

static void
xf_change_monitor_constructed (GObject *object)
{
  XfChangeMonitor *self = (XfChangeMonitor *) object;

  G_OBJECT_CLASS (xf_change_monitor_parent_class)->constructed (object);

  g_assert (XF_IS_DB (self->db));

  self->context = g_main_context_ref_thread_default ();
  watch (self);
  self->online = xf_db_is_online (self->db);
  update_sources (self);
}

static void
xf_change_monitor_dispose (GObject *object)
{
  XfChangeMonitor *self = (XfChangeMonitor *) object;

  clear_source (&self->socket_source);
  clear_source (&self->poll_source);
  clear_source (&self->retry_source);
  if (self->probing != NULL)
    g_cancellable_cancel (self->probing);
  g_clear_object (&self->probing);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xf_change_monitor_parent_class)->dispose (object);
}

static void
xf_change_monitor_finalize (GObject *object)
{
  XfChangeMonitor *self = (XfChangeMonitor *) object;

  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (xf_change_monitor_parent_class)->finalize (object);
}

static void
xf_change_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfChangeMonitor *self = XF_CHANGE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;
    case PROP_RETRY_INTERVAL:
      g_value_set_uint (value, self->retry_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_change_monitor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfChangeMonitor *self = XF_CHANGE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_ACTIVE:
      xf_change_monitor_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_POLL_INTERVAL:
      xf_change_monitor_set_poll_interval (self, g_value_get_uint (value));
      break;
    case PROP_RETRY_INTERVAL:
      xf_change_monitor_set_retry_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_change_monitor_class_init (XfChangeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = xf_change_monitor_constructed;
  object_class->dispose = xf_change_monitor_dispose;
  object_class->finalize = xf_change_monitor_finalize;
  object_class->get_property = xf_change_monitor_get_property;
  object_class->set_property = xf_change_monitor_set_property;

  properties [PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XF_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_POLL_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_RETRY_INTERVAL] =
    g_param_spec_uint ("retry-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_RETRY_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals [RETRY_FAILED] =
    g_signal_new ("retry-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
xf_change_monitor_init (XfChangeMonitor *self)
{
  self->socket = -1;
  self->online = TRUE;
  self->poll_interval = DEFAULT_POLL_INTERVAL;
  self->retry_interval = DEFAULT_RETRY_INTERVAL;
}

/**
 * xf_change_monitor_new:
 * @db: the database to watch
 *
 * Starts watching @db (xf_db_watch_changes()) on the thread-default main
 * context. It is not active until xf_change_monitor_set_active().
 *
 * Returns: (transfer full): a new monitor
 */
XfChangeMonitor *
xf_change_monitor_new (XfDb *db)
{
  g_return_val_if_fail (XF_IS_DB (db), NULL);

  return g_object_new (XF_TYPE_CHANGE_MONITOR, "db", db, NULL);
}

XfDb *
xf_change_monitor_get_db (XfChangeMonitor *self)
{
  g_return_val_if_fail (XF_IS_CHANGE_MONITOR (self), NULL);
  return self->db;
}

gboolean
xf_change_monitor_get_online (XfChangeMonitor *self)
{
  g_return_val_if_fail (XF_IS_CHANGE_MONITOR (self), FALSE);
  return self->online;
}

gboolean
xf_change_monitor_get_active (XfChangeMonitor *self)
{
  g_return_val_if_fail (XF_IS_CHANGE_MONITOR (self), FALSE);
  return self->active;
}

void
xf_change_monitor_set_active (XfChangeMonitor *self,
                              gboolean         active)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  update_sources (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);
}

void
xf_change_monitor_set_poll_interval (XfChangeMonitor *self,
                                     guint            milliseconds)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));
  g_return_if_fail (milliseconds > 0);

  if (self->poll_interval == milliseconds)
    return;
  self->poll_interval = milliseconds;
  clear_source (&self->poll_source);
  update_sources (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POLL_INTERVAL]);
}

void
xf_change_monitor_set_retry_interval (XfChangeMonitor *self,
                                      guint            milliseconds)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));
  g_return_if_fail (milliseconds > 0);

  if (self->retry_interval == milliseconds)
    return;
  self->retry_interval = milliseconds;
  clear_source (&self->retry_source);
  update_sources (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RETRY_INTERVAL]);
}

/**
 * xf_change_monitor_report_offline:
 *
 * Tells the monitor that a call failed with %XF_ERROR_OFFLINE, so "online"
 * turns %FALSE now rather than at the next poll, and reconnecting starts.
 */
void
xf_change_monitor_report_offline (XfChangeMonitor *self)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));

  set_online (self, FALSE);
}

/**
 * xf_change_monitor_check_now:
 *
 * Polls at once, emitting "changed" if another desk committed something.
 * Does nothing while offline (the retry timer is at work).
 */
void
xf_change_monitor_check_now (XfChangeMonitor *self)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));

  g_object_ref (self);
  check (self);
  g_object_unref (self);
}

void
xf_change_monitor_retry_now (XfChangeMonitor *self)
{
  g_return_if_fail (XF_IS_CHANGE_MONITOR (self));

  if (self->online || self->db == NULL)
    return;
  g_object_ref (self);
  retry (self);
  g_object_unref (self);
}
