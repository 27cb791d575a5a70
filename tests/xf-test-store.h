/* xf-test-store.h — fresh databases for tests, on SQLite or PostgreSQL
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-registry.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * The core suite runs twice: on SQLite, and on PostgreSQL when
 * $XIANFENG_TEST_POSTGRESQL holds the URL of a throw-away database
 * (build-aux/dev starts one, with the pg_trgm extension created).
 *
 * xf_test_database_location() returns a location for a new, empty database:
 * with PostgreSQL, that URL plus ?options=-csearch_path%3D<fresh schema>,public
 * (the schema is created here, unique per process and call); otherwise a
 * file "@name" inside @dir (or ":memory:" when @dir is NULL).
 */
gboolean  xf_test_using_postgresql   (void);
char     *xf_test_database_location  (const char *dir,
                                      const char *name);
/* xf_store_open() on a fresh xf_test_database_location (NULL, "test.db"); aborts on error. */
XfStore  *xf_test_open_store         (void);
/* xf_store_open() on @location; fails the test on error. */
XfStore  *xf_test_open_store_at      (const char *location);
/* xf_db_query_int64() on @store's database; fails the test on error. */
gint64    xf_test_query_int64        (XfStore    *store,
                                      const char *sql);
/* The text of the first column of @sql's first row; fails the test on
 * error or when there is no row. */
char     *xf_test_query_text         (XfStore    *store,
                                      const char *sql);

/* A registry over @store acting as the local administrator, as tests and
 * tools do unless they test permissions. */
XfRegistry *xf_test_new_registry     (XfStore    *store);

/* PostgreSQL only: the server process behind @db's connection, and ending
 * it from another connection @admin, as a dropped network would (waits
 * until it is gone). */
gint64    xf_test_backend_pid        (XfDb       *db);
void      xf_test_terminate_backend  (XfDb       *admin,
                                      gint64      pid);

G_END_DECLS
