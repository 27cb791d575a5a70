/* test-change-monitor.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-change-monitor.h"
#include "xf-error.h"
#include "xf-registry.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * Two desks on one database: A watches with a monitor, B writes. On SQLite
 * both open the same file; on PostgreSQL the same schema.
 */

typedef struct
{
  char            *dir;
  char            *location;
  XfStore         *a;
  XfStore         *b;
  XfChangeMonitor *monitor;
  guint            n_changed;
  GArray          *online_log;   /* gboolean, one per notify::online */
} Fixture;

static void
changed_cb (XfChangeMonitor *monitor,
            Fixture         *fixture)
{
  fixture->n_changed++;
}

static void
online_cb (XfChangeMonitor *monitor,
           GParamSpec      *pspec,
           Fixture         *fixture)
{
  gboolean online = xf_change_monitor_get_online (monitor);

  g_array_append_val (fixture->online_log, online);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *counter)
{
  (*counter)++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  if (!xf_test_using_postgresql ())
    fixture->dir = xf_test_make_dir ();
  fixture->location = xf_test_database_location (fixture->dir, "shared.db");
  fixture->a = xf_test_open_store_at (fixture->location);
  fixture->b = xf_test_open_store_at (fixture->location);

  fixture->monitor = xf_change_monitor_new (xf_store_get_db (fixture->a));
  xf_change_monitor_set_poll_interval (fixture->monitor, 50);
  fixture->online_log = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect (fixture->monitor, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->monitor, "notify::online", G_CALLBACK (online_cb), fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->monitor);
  g_assert_finalize_object (fixture->a);
  g_assert_finalize_object (fixture->b);
  g_clear_pointer (&fixture->online_log, g_array_unref);
  g_clear_pointer (&fixture->location, g_free);
  xf_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Commits one new file through @store, as a desk would. */
static void
write_through (XfStore    *store,
               const char *name)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until *@counter reaches @target or @ms pass. */
static void
iterate_until (guint *counter,
               guint  target,
               guint  ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, set_flag_cb, &timed_out);

  while (!timed_out && (counter == NULL || *counter < target))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void
iterate_for (guint ms)
{
  iterate_until (NULL, 0, ms);
}

/* Waits until the monitor has gone offline and come back, once each. */
static void
assert_back_online (Fixture *fixture)
{
  iterate_until (&fixture->online_log->len, 2, 5000);
  g_assert_cmpuint (fixture->online_log->len, ==, 2);
  g_assert_false (g_array_index (fixture->online_log, gboolean, 0));
  g_assert_true (g_array_index (fixture->online_log, gboolean, 1));
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfChangeMonitor) monitor = xf_change_monitor_new (xf_store_get_db (fixture->b));
  guint poll = 0, retry = 0;
  g_autoptr(XfDb) db = NULL;
  guint n_notify = 0;

  g_assert_true (xf_change_monitor_get_db (monitor) == xf_store_get_db (fixture->b));
  g_assert_true (xf_change_monitor_get_online (monitor));
  g_assert_false (xf_change_monitor_get_active (monitor));
  g_object_get (monitor, "poll-interval", &poll, "retry-interval", &retry, "db", &db, NULL);
  g_assert_cmpuint (poll, ==, 1000);
  g_assert_cmpuint (retry, ==, 3000);
  g_assert_true (db == xf_store_get_db (fixture->b));

  /* Explicit notify: only a real change is announced. */
  g_signal_connect (monitor, "notify", G_CALLBACK (count_cb), &n_notify);
  xf_change_monitor_set_active (monitor, FALSE);
  g_assert_cmpuint (n_notify, ==, 0);
  xf_change_monitor_set_active (monitor, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (monitor, "active", TRUE, "poll-interval", 1000, NULL);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (monitor, "poll-interval", 20, "retry-interval", 40, NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_true (xf_change_monitor_get_active (monitor));
}

/* SQLite polls only while active; PostgreSQL wakes on NOTIFY at any time. */
static void
test_other_desk (Fixture       *fixture,
                 gconstpointer  data)
{
  gboolean woken = xf_test_using_postgresql ();

  g_assert_true (xf_change_monitor_get_online (fixture->monitor));

  write_through (fixture->b, "张三");
  if (woken)
    iterate_until (&fixture->n_changed, 1, 5000);
  else
    iterate_for (300);
  g_assert_cmpuint (fixture->n_changed, ==, woken ? 1 : 0);

  xf_change_monitor_set_active (fixture->monitor, TRUE);
  iterate_until (&fixture->n_changed, 1, 5000);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  /* Seen once, not at every poll. */
  iterate_for (300);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  write_through (fixture->b, "李四");
  iterate_until (&fixture->n_changed, 2, 5000);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* Inactive again: check_now() still sees a change at once. */
  xf_change_monitor_set_active (fixture->monitor, FALSE);
  iterate_for (100);
  write_through (fixture->b, "王五");
  if (woken)
    iterate_until (&fixture->n_changed, 3, 5000);
  else
    {
      iterate_for (300);
      g_assert_cmpuint (fixture->n_changed, ==, 2);
      xf_change_monitor_check_now (fixture->monitor);
    }
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  xf_change_monitor_check_now (fixture->monitor);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  g_assert_cmpuint (fixture->online_log->len, ==, 0);
}

static void
test_own_writes (Fixture       *fixture,
                 gconstpointer  data)
{
  xf_change_monitor_set_active (fixture->monitor, TRUE);
  iterate_for (100);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  write_through (fixture->a, "张三");
  write_through (fixture->a, "李四");
  iterate_for (400);
  xf_change_monitor_check_now (fixture->monitor);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* And the monitor still hears the other desk afterwards. */
  write_through (fixture->b, "王五");
  iterate_until (&fixture->n_changed, 1, 5000);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* Anyone who met XF_ERROR_OFFLINE may say so; the monitor reconnects. */
static void
test_report_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  xf_change_monitor_set_retry_interval (fixture->monitor, 50);
  xf_change_monitor_report_offline (fixture->monitor);
  g_assert_false (xf_change_monitor_get_online (fixture->monitor));
  g_assert_cmpuint (fixture->online_log->len, ==, 1);
  /* Nothing is polled while offline. */
  xf_change_monitor_check_now (fixture->monitor);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Reconnects even when not active, and says that anything may have changed. */
  assert_back_online (fixture);
  g_assert_true (xf_change_monitor_get_online (fixture->monitor));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  iterate_for (200);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->online_log->len, ==, 2);

  /* Watching goes on after the reconnection. */
  xf_change_monitor_set_active (fixture->monitor, TRUE);
  write_through (fixture->b, "张三");
  iterate_until (&fixture->n_changed, 2, 5000);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* "Retry now" does not wait for the retry timer (on PostgreSQL the server
 * is tried in a worker, so the answer comes through the main loop). */
static void
test_retry_now (Fixture       *fixture,
                gconstpointer  data)
{
  xf_change_monitor_set_retry_interval (fixture->monitor, 600000);
  xf_change_monitor_report_offline (fixture->monitor);
  g_assert_false (xf_change_monitor_get_online (fixture->monitor));

  xf_change_monitor_retry_now (fixture->monitor);
  iterate_until (&fixture->online_log->len, 2, 5000);
  g_assert_cmpuint (fixture->online_log->len, ==, 2);
  g_assert_true (xf_change_monitor_get_online (fixture->monitor));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Online already: nothing to do. */
  xf_change_monitor_retry_now (fixture->monitor);
  iterate_for (100);
  g_assert_cmpuint (fixture->online_log->len, ==, 2);
}

/* The server drops A's connection: A goes offline, comes back, and listens again. */
static void
test_connection_dropped (Fixture       *fixture,
                         gconstpointer  data)
{
  XfDb *db = xf_store_get_db (fixture->a);
  g_autoptr(GError) error = NULL;
  gint64 old_pid;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("Only a server connection can be dropped (set XIANFENG_TEST_POSTGRESQL)");
      return;
    }

  xf_change_monitor_set_retry_interval (fixture->monitor, 100);
  old_pid = xf_test_backend_pid (db);
  xf_test_terminate_backend (xf_store_get_db (fixture->b), old_pid);

  /* Nothing iterated yet: the next call of A is the first to find out. */
  g_assert_cmpint (xf_db_query_int64 (db, "SELECT count(*) FROM pioneers", -1, &error), ==, -1);
  g_assert_error (error, XF_ERROR, XF_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_false (xf_db_is_online (db));

  assert_back_online (fixture);
  g_assert_true (xf_db_is_online (db));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (xf_test_backend_pid (db), !=, old_pid);

  /* The new connection is watched (inactive: only its socket can wake us). */
  write_through (fixture->b, "张三");
  iterate_until (&fixture->n_changed, 2, 5000);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpint (xf_db_query_int64 (db, "SELECT count(*) FROM pioneers", -1, &error), ==, 1);
  g_assert_no_error (error);
}

/* The server drops A's connection while A is idle: the monitor notices by itself. */
static void
test_connection_dropped_idle (Fixture       *fixture,
                              gconstpointer  data)
{
  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("Only a server connection can be dropped (set XIANFENG_TEST_POSTGRESQL)");
      return;
    }

  xf_change_monitor_set_retry_interval (fixture->monitor, 100);
  xf_test_terminate_backend (xf_store_get_db (fixture->b),
                             xf_test_backend_pid (xf_store_get_db (fixture->a)));

  assert_back_online (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (xf_db_is_online (xf_store_get_db (fixture->a)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/change-monitor/properties", Fixture, NULL, set_up, test_properties, tear_down);
  g_test_add ("/core/change-monitor/other-desk", Fixture, NULL, set_up, test_other_desk, tear_down);
  g_test_add ("/core/change-monitor/own-writes", Fixture, NULL, set_up, test_own_writes, tear_down);
  g_test_add ("/core/change-monitor/report-offline", Fixture, NULL, set_up, test_report_offline, tear_down);
  g_test_add ("/core/change-monitor/retry-now", Fixture, NULL, set_up, test_retry_now, tear_down);
  g_test_add ("/core/change-monitor/connection-dropped", Fixture, NULL, set_up,
              test_connection_dropped, tear_down);
  g_test_add ("/core/change-monitor/connection-dropped-idle", Fixture, NULL, set_up,
              test_connection_dropped_idle, tear_down);

  return g_test_run ();
}
