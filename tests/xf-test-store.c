/* xf-test-store.c — fresh databases for tests, on SQLite or PostgreSQL
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "xf-test-store.h"

/*
 * On PostgreSQL every new database is a new schema in the one test
 * database, found through the connection's search_path. Schemas are never
 * dropped: the cluster is thrown away after the run. public stays on the
 * path for the pg_trgm functions, which live there.
 */

static const char *
postgresql_url (void)
{
  const char *url = g_getenv ("XIANFENG_TEST_POSTGRESQL");

  if (url != NULL && *url != '\0')
    return url;

  /* The meson test setup "postgresql" sets this: running it without a
   * server must fail, not pass quietly on SQLite a second time. */
  if (g_strcmp0 (g_getenv ("XIANFENG_TEST_BACKEND"), "postgresql") == 0)
    g_error ("The PostgreSQL test setup needs $XIANFENG_TEST_POSTGRESQL "
             "(build-aux/dev test starts a cluster and sets it)");
  return NULL;
}

gboolean
xf_test_using_postgresql (void)
{
  return postgresql_url () != NULL;
}

/* Creates a schema no other process or call uses and returns its name. */
static char *
create_schema (const char *url)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) db = NULL;
  g_autofree char *sql = NULL;
  char *schema;

  schema = g_strdup_printf ("xf_t_%ld_%u_%08x", (long) getpid (),
                            g_atomic_int_add (&counter, 1), g_random_int ());
  db = xf_db_open (url, XF_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("Cannot open the test database %s: %s", url, error->message);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);
  if (!xf_db_exec (db, sql, &error))
    g_error ("Cannot create the schema %s in %s: %s", schema, url, error->message);
  return schema;
}

char *
xf_test_database_location (const char *dir,
                           const char *name)
{
  const char *url = postgresql_url ();
  g_autofree char *schema = NULL;

  if (url == NULL)
    {
      if (dir == NULL)
        return g_strdup (":memory:");
      return g_build_filename (dir, name, NULL);
    }

  schema = create_schema (url);
  return g_strdup_printf ("%s%coptions=-csearch_path%%3D%s%%2Cpublic",
                          url, strchr (url, '?') != NULL ? '&' : '?', schema);
}

XfStore *
xf_test_open_store (void)
{
  g_autofree char *location = xf_test_database_location (NULL, "test.db");

  return xf_test_open_store_at (location);
}

XfStore *
xf_test_open_store_at (const char *location)
{
  g_autoptr(GError) error = NULL;
  XfStore *store = xf_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

gint64
xf_test_query_int64 (XfStore    *store,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = xf_db_query_int64 (xf_store_get_db (store), sql, -1, &error);

  g_assert_no_error (error);
  return value;
}

char *
xf_test_query_text (XfStore    *store,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (xf_db_stmt_step (stmt, &error), ==, XF_DB_STEP_ROW);
  g_assert_no_error (error);
  return xf_db_stmt_dup_text (stmt, 0);
}

XfRegistry *
xf_test_new_registry (XfStore *store)
{
  g_autoptr(XfAccount) actor = xf_account_new_local_administrator ();

  return xf_registry_new (store, actor);
}

gint64
xf_test_backend_pid (XfDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 pid = xf_db_query_int64 (db, "SELECT pg_backend_pid()", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pid, >, 0);
  return pid;
}

void
xf_test_terminate_backend (XfDb   *admin,
                           gint64  pid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* Not as a WHERE clause over pg_stat_activity: the server may call the
   * function on every row before filtering, ending everyone's connection. */
  sql = g_strdup_printf ("SELECT CASE WHEN pg_terminate_backend(%" G_GINT64_FORMAT ", 5000) "
                         "THEN 1 ELSE 0 END", pid);
  g_assert_cmpint (xf_db_query_int64 (admin, sql, -1, &error), ==, 1);
  g_assert_no_error (error);
}
