/* xf-test-store.h — fresh databases for tests, on SQLite or PostgreSQL
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS
