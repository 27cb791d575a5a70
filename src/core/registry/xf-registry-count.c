/* xf-registry-count.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-count"

#include "config.h"

#include "xf-registry-count-private.h"
#include "xf-registry-private.h"

typedef struct
{
  char            *path;
  XfRegistryQuery *query;
  GAsyncQueue     *idle;   /* read-only connections no count is using */
} CountJob;

/* Every search counts aside, and a new connection to a server costs a
 * backend process and a few milliseconds: the read-only connections are
 * kept for the next count, one per count running at the same time. */
#define IDLE_KEY "xf-registry-count-idle"

static GAsyncQueue *
idle_connections (XfDb *db)
{
  GAsyncQueue *idle = g_object_get_data (G_OBJECT (db), IDLE_KEY);

  if (idle == NULL)
    {
      idle = g_async_queue_new_full (g_object_unref);
      g_object_set_data_full (G_OBJECT (db), IDLE_KEY, idle, (GDestroyNotify) g_async_queue_unref);
    }
  return idle;
}

static void
count_job_free (gpointer data)
{
  CountJob *job = data;

  g_free (job->path);
  xf_registry_query_free (job->query);
  g_async_queue_unref (job->idle);
  g_free (job);
}

gboolean
_xf_registry_count_can_aside (XfDb *db)
{
  const char *path = xf_db_get_path (db);

  /* A second connection to ":memory:" is another, empty database, and
   * one outside a transaction would not see its rows. */
  if (path == NULL || xf_db_in_transaction (db))
    return FALSE;
  return xf_db_location_is_url (path) ||
         (path[0] != '\0' && g_strcmp0 (path, ":memory:") != 0 && g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

gint64
_xf_registry_count_estimate (XfDb *db)
{
  /* Ids are the rowids: no query counts more rows than the largest. */
  return xf_db_query_int64 (db, "SELECT coalesce(max(id), 0) FROM pioneers", -1, NULL);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(XfDb) db = NULL;
  g_autoptr(GError) error = NULL;
  XfRegistrySql *sql = NULL;
  gint64 count = -1;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = g_async_queue_try_pop (job->idle);
  if (db == NULL)
    db = xf_db_open (job->path, XF_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    sql = _xf_registry_sql_new (db, job->query, &error);
  if (sql != NULL)
    count = _xf_registry_sql_count (sql, db, &error);
  g_clear_pointer (&sql, _xf_registry_sql_free);

  if (count < 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      /* Only a connection that worked is kept: a lost one opens anew next time. */
      g_async_queue_push (job->idle, g_steal_pointer (&db));
      g_task_return_int (task, count);
    }
}

void
_xf_registry_count_aside (XfDb                  *db,
                          const XfRegistryQuery *query,
                          gpointer               source_object,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  CountJob *job = g_new0 (CountJob, 1);

  job->path = g_strdup (xf_db_get_path (db));
  job->query = xf_registry_query_copy (query);
  job->idle = g_async_queue_ref (idle_connections (db));
  g_task_set_source_tag (task, _xf_registry_count_aside);
  g_task_set_task_data (task, job, count_job_free);
  g_task_run_in_thread (task, count_thread);
}

gint64
_xf_registry_count_aside_finish (gpointer       source_object,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), -1);
  return g_task_propagate_int (G_TASK (result), error);
}
