/* xf-cli-test-util.h — run the built xianfeng-cli from a test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What one run of xianfeng-cli gave back. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} XfCliRun;

void xf_cli_run_clear (XfCliRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XfCliRun, xf_cli_run_clear)

/* What a run changes in the test's environment; NULL leaves a field alone. */
typedef struct
{
  const char *database;   /* XIANFENG_DATABASE */
  const char *data_dir;   /* XIANFENG_DATA_DIR; NULL: the shipped data the test env names */
  const char *language;   /* LANGUAGE; NULL: unset, so English */
  /* XIANFENG_USER, XIANFENG_PASSWORD, XIANFENG_NEW_PASSWORD; NULL: unset */
  const char *user;
  const char *password;
  const char *new_password;
} XfCliEnv;

/* Runs $XIANFENG_CLI with the NULL-terminated @args in the C.UTF-8 locale
 * and fills @run; @env may be NULL. Fails the test if it cannot spawn the
 * command or the command does not exit normally. */
void xf_cli_run      (XfCliRun          *run,
                      const XfCliEnv    *env,
                      const char *const *args);
/* The same with the arguments given one by one, ending with NULL. */
void xf_cli_run_args (XfCliRun          *run,
                      const XfCliEnv    *env,
                      const char        *first,
                      ...) G_GNUC_NULL_TERMINATED;

/* Fails the test unless @run exited with @status, wrote nothing on
 * stdout and an error starting "xianfeng-cli: " on stderr. */
void  xf_cli_assert_failed      (const XfCliRun *run,
                                 int             status);
/* Runs @args (NULL-terminated) and fails the test unless the run failed
 * with @status as xf_cli_assert_failed() checks. */
void  xf_cli_assert_run_fails   (const XfCliEnv    *env,
                                 const char *const *args,
                                 int                status);

/* Runs xianfeng-cli on the database at @location signed in as the demo's administrator,
 * with a NULL-terminated argument list. */
#define xf_cli_run_as_admin(run, location, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = (location), .user = "admin", \
                                        .password = "xianfeng" }, __VA_ARGS__)

/* Fills @database with `demo --pioneers @pioneers --collectives
 * @collectives [--seed @seed]` (no user; @seed may be NULL) and returns
 * what it printed; aborts the test program if it fails. */
char     *xf_cli_make_demo          (const char     *database,
                                     const char     *pioneers,
                                     const char     *collectives,
                                     const char     *seed);

/* The demo the evaluation and notice tests read (2000 pioneers, 100
 * collectives, seed 5, with its campaigns and notices) made in @dir as
 * @file_name; returns its location. */
char     *xf_cli_make_demo_database (const char     *dir,
                                     const char     *file_name);
/* Makes that demo as @file_name in a new temporary folder (into *@dir and
 * *@database, for the tests to read), runs the tests added, then removes
 * the folder and frees both; returns what g_test_run() gave. */
int       xf_cli_run_tests_on_demo  (const char     *file_name,
                                     char          **dir,
                                     char          **database);

/* The first column of the first row @sql gives on the database at
 * @location, as a number. */
gint64    xf_cli_query_int          (const char     *location,
                                     const char     *sql);
/* The same as text (NULL when there is no row). */
char     *xf_cli_query_text         (const char     *location,
                                     const char     *sql);
/* @id as the text of a command-line argument. */
char     *xf_cli_id_text            (gint64          id);
/* What @run printed, parsed as JSON; fails the test unless @run exited
 * with 0 and printed JSON. Free with json_node_unref(). */
JsonNode *xf_cli_run_json           (const XfCliRun *run);

/* The number of lines (newlines) in @text. */
guint xf_cli_count_lines        (const char     *text);

/* Fails the test unless the database at @location (from
 * xf_test_database_location) is still untouched: no file on SQLite, no
 * table in its schema on PostgreSQL. */
void xf_cli_assert_no_database (const char *location);

G_END_DECLS
