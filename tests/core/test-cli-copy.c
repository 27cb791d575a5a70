/* test-cli-copy.c — the copy command
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "xf-cli-test-util.h"
#include "xf-copy.h"
#include "xf-store.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *source_path;   /* an SQLite file with demo data, made once */

#define run_cli(run, ...) xf_cli_run_args ((run), NULL, __VA_ARGS__)

static gint64
count_in (const char *location,
          const char *sql)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (location);

  return xf_test_query_int64 (store, sql);
}

/* The rows of every table the copy goes through. */
static gint64
all_rows (const char *location)
{
  const char * const *tables = xf_copy_get_tables ();
  gint64 rows = 0;

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);

      rows += count_in (location, sql);
    }
  return rows;
}

static void
test_copy (void)
{
  g_autofree char *to = xf_test_database_location (tmp_dir, "copy.db");
  g_autofree char *shown = xf_db_location_strip_password (to);
  g_autofree char *summary = g_strdup_printf ("Copied %" G_GINT64_FORMAT " rows from %s to %s in ",
                                              all_rows (source_path), source_path, shown);
  const char * const *tables = xf_copy_get_tables ();
  g_auto(XfCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_tables = g_strv_length ((char **) tables);

  run_cli (&run, "copy", "--from", source_path, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A header, a row per table with both counts, then the summary. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_tables + 3);
  g_assert_true (g_str_has_prefix (lines[0], "Table"));
  g_assert_nonnull (strstr (lines[0], "Source"));
  g_assert_nonnull (strstr (lines[0], "Destination"));
  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);
      gint64 rows = count_in (source_path, sql);
      g_auto(GStrv) fields = g_strsplit_set (lines[t + 1], " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint i = 0; fields[i] != NULL; i++)
        if (fields[i][0] != '\0')
          g_ptr_array_add (words, fields[i]);
      g_assert_cmpuint (words->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (words, 0), ==, tables[t]);
      g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (words, 1), NULL, 10), ==, rows);
      g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (words, 2), NULL, 10), ==, rows);
      g_assert_cmpint (count_in (to, sql), ==, rows);
    }
  g_assert_true (g_str_has_prefix (lines[n_tables + 1], summary));
  g_assert_true (g_str_has_suffix (lines[n_tables + 1], " rows/s)"));
  g_assert_cmpstr (lines[n_tables + 2], ==, "");

  /* Not a terminal: a line per table and one for the rebuild, no \r. */
  g_assert_cmpuint (xf_cli_count_lines (run.err), ==, n_tables + 1);
  g_assert_true (g_str_has_prefix (run.err, "Copied organisations: "));
  g_assert_nonnull (strstr (run.err, "(100% of all rows)"));
  g_assert_null (strchr (run.err, '\r'));
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *to = xf_test_database_location (tmp_dir, "full.db");
  g_auto(XfCliRun) demo = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) itself = { 0 };

  xf_cli_run_args (&demo, &(XfCliEnv) { .database = to },
                   "demo", "--pioneers", "7", "--collectives", "2", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&run, "copy", "--from", source_path, "--to", to, NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_nonnull (strstr (run.err, "already holds 9 pioneers"));
  g_assert_cmpint (count_in (to, "SELECT count(*) FROM pioneers"), ==, 9);

  run_cli (&itself, "copy", "--from", source_path, "--to", source_path, NULL);
  g_assert_cmpint (itself.status, ==, 1);
  g_assert_nonnull (strstr (itself.err, "both the source and the destination"));
}

static void
test_bad_arguments (void)
{
  g_autofree char *to = xf_test_database_location (tmp_dir, "bad.db");
  const char *cases[][5] = {
    { NULL },
    { "--from", source_path, NULL },
    { "--to", to, NULL },
    { "--from", source_path, "--to", NULL },
    { "--from", source_path, "--to", to, "--fast" },
    { "--from=", "--to", to, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_cli (&run, "copy", cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      xf_cli_assert_failed (&run, 2);
    }
  xf_cli_assert_no_database (to);
}

/* A missing source stops before the destination is made. */
static void
test_missing_source (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.db", NULL);
  g_autofree char *to = xf_test_database_location (tmp_dir, "never.db");
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "copy", "--from", missing, "--to", to, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, missing));
  xf_cli_assert_no_database (to);
}

/* A password in a location never shows, not even in an error. */
static void
test_hides_password (void)
{
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "copy", "--from", source_path,
           "--to", "postgresql://clerk:s3cr3t-word@127.0.0.1:1/registry", NULL);
  xf_cli_assert_failed (&run, 1);
  g_assert_null (strstr (run.err, "s3cr3t-word"));
}

/* Ctrl+C once the first table is done: the copy rolls back. */
static void
test_interrupt (void)
{
  g_autofree char *to = xf_test_database_location (tmp_dir, "interrupted.db");
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  const char *argv[] = { g_getenv ("XIANFENG_CLI"), "copy", "--from", source_path, "--to", to, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) err = g_string_new (NULL);
  GPid pid;
  int err_fd;
  FILE *stream;
  char line[512];
  int wait_status;

  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD |
                                           G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                                           NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  stream = fdopen (err_fd, "r");
  while (fgets (line, sizeof line, stream) != NULL)
    {
      g_string_append (err, line);
      if (g_str_has_prefix (line, "Copied organisations: "))
        kill (pid, SIGINT);
    }
  fclose (stream);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_test_message ("%s", err->str);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 130);
  g_assert_nonnull (strstr (err->str, "Cancelling the copy"));
  g_assert_nonnull (strstr (err->str, "the destination was left as it was"));
  g_assert_cmpint (count_in (to, "SELECT count(*) FROM organisations"), ==, 0);
  g_assert_cmpint (count_in (to, "SELECT count(*) FROM pioneers"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = xf_test_make_dir ();
  source_path = g_build_filename (tmp_dir, "source.db", NULL);
  /* More than a batch of pioneers, so an interrupt finds work left. */
  g_free (xf_cli_make_demo (source_path, "6000", "500", "5"));

  g_test_add_func ("/cli/copy/copy", test_copy);
  g_test_add_func ("/cli/copy/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/cli/copy/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/copy/missing-source", test_missing_source);
  g_test_add_func ("/cli/copy/hides-password", test_hides_password);
  g_test_add_func ("/cli/copy/interrupt", test_interrupt);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (source_path);
  g_free (tmp_dir);
  return status;
}
