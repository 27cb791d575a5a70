/* xf-bench.h — what the benchmarks share: timing, failing loudly, SQL
 *              and bulk loading through XfDb
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "xf-db.h"

G_BEGIN_DECLS

static inline double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* A benchmark stops at the first failure: its figures would mean nothing. */
static inline void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static inline gint64
query_int64 (XfDb       *db,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = xf_db_query_int64 (db, sql, -1, &error);

  check (error == NULL, error, sql);
  return value;
}

static inline void
exec (XfDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  check (xf_db_exec (db, sql, &error), error, sql);
}

/* The first column of every row of @sql; the second, when @second is not
 * NULL, appended to it. */
static inline GArray *
read_ids (XfDb       *db,
          const char *sql,
          GArray     *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  XfDbStep step;

  check (stmt != NULL, error, sql);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (second != NULL)
        {
          gint64 other = xf_db_stmt_column_int64 (stmt, 1);

          g_array_append_val (second, other);
        }
    }
  check (step == XF_DB_STEP_DONE, error, sql);
  return ids;
}

static inline XfDbBulk *
bulk_begin (XfDb               *db,
            const char         *table,
            const char * const *columns)
{
  g_autoptr(GError) error = NULL;
  XfDbBulk *bulk = xf_db_bulk_begin (db, table, columns, &error);

  check (bulk != NULL, error, table);
  return bulk;
}

static inline void
bulk_row (XfDbBulk           *bulk,
          const char * const *values)
{
  g_autoptr(GError) error = NULL;

  check (xf_db_bulk_add (bulk, values, &error), error, "bulk row");
}

static inline void
bulk_end (XfDbBulk   *bulk,
          const char *table)
{
  g_autoptr(GError) error = NULL;

  check (xf_db_bulk_end (bulk, &error), error, table);
}

/* @value as text in @buffer (a char array), for a bulk row. */
#define I64(buffer, value) (g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64) (value)), buffer)

static inline int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values (sorted in place). */
static inline double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The path of @file in a new throw-away folder made from @folder_template
 * (…XXXXXX), which goes into *@dir. */
static inline char *
bench_sqlite_path (const char  *folder_template,
                   const char  *file,
                   char       **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp (folder_template, &error);
  check (*dir != NULL, error, "temporary folder");
  return g_build_filename (*dir, file, NULL);
}

/* Removes the SQLite database at @path (with its -wal, -shm and -journal
 * files) and then its folder @dir. */
static inline void
bench_sqlite_remove (const char *dir,
                     const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* Creates the schema "@prefix_<pid>" through @admin, its name into
 * *@schema; returns @url with that schema first on the search path. */
static inline char *
bench_pg_schema_new (XfDb        *admin,
                     const char  *url,
                     const char  *prefix,
                     char       **schema)
{
  g_autofree char *create = NULL;

  *schema = g_strdup_printf ("%s_%ld", prefix, (long) getpid ());
  create = g_strdup_printf ("CREATE SCHEMA %s", *schema);
  exec (admin, create);
  return g_strdup_printf ("%s%coptions=-csearch_path%%3D%s%%2Cpublic", url,
                          strchr (url, '?') != NULL ? '&' : '?', *schema);
}

static inline void
bench_pg_schema_drop (XfDb       *admin,
                      const char *schema)
{
  g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);

  exec (admin, drop);
}

G_END_DECLS
