/* xf-cli-test-util.c — run the built xianfeng-cli from a test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

void
xf_cli_run_clear (XfCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char **
set_or_unset (char       **envp,
              const char  *variable,
              const char  *value)
{
  if (value != NULL)
    return g_environ_setenv (envp, variable, value, TRUE);
  return g_environ_unsetenv (envp, variable);
}

void
xf_cli_run (XfCliRun          *run,
            const XfCliEnv    *env,
            const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("XIANFENG_CLI");
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* LC_ALL wins over any LC_* the caller's shell may have set, so the
   * output does not depend on it; LANGUAGE alone picks the translation. */
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  if (env != NULL && env->language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", env->language, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LANGUAGE");
  if (env != NULL && env->database != NULL)
    envp = g_environ_setenv (envp, "XIANFENG_DATABASE", env->database, TRUE);
  if (env != NULL && env->data_dir != NULL)
    envp = g_environ_setenv (envp, "XIANFENG_DATA_DIR", env->data_dir, TRUE);
  /* Only what the test gives signs in, never the caller's own account. */
  envp = set_or_unset (envp, "XIANFENG_USER", env != NULL ? env->user : NULL);
  envp = set_or_unset (envp, "XIANFENG_PASSWORD", env != NULL ? env->password : NULL);
  envp = set_or_unset (envp, "XIANFENG_NEW_PASSWORD", env != NULL ? env->new_password : NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
xf_cli_run_args (XfCliRun       *run,
                 const XfCliEnv *env,
                 const char     *first,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  xf_cli_run (run, env, (const char *const *) args->pdata);
}

void
xf_cli_assert_no_database (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDb) db = NULL;

  if (!xf_test_using_postgresql ())
    {
      g_assert_false (g_file_test (location, G_FILE_TEST_EXISTS));
      return;
    }

  /* The schema exists from the start; only its tables tell. */
  db = xf_db_open (location, XF_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_db_count_tables (db, &error), ==, 0);
  g_assert_no_error (error);
}

void
xf_cli_assert_failed (const XfCliRun *run,
                      int             status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "xianfeng-cli: "));
}

guint
xf_cli_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

gint64
xf_cli_query_int (const char *location,
                  const char *sql)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (location);

  return xf_test_query_int64 (store, sql);
}

char *
xf_cli_query_text (const char *location,
                   const char *sql)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (location);

  return xf_test_query_text (store, sql);
}

char *
xf_cli_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

char *
xf_cli_make_demo_database (const char *dir,
                           const char *file_name)
{
  char *location = xf_test_database_location (dir, file_name);
  g_autofree char *out = xf_cli_make_demo (location, "2000", "100", "5");

  g_assert_nonnull (strstr (out, "\nDemo campaigns: "));
  return location;
}

int
xf_cli_run_tests_on_demo (const char  *file_name,
                          char       **dir,
                          char       **database)
{
  int status;

  *dir = xf_test_make_dir ();
  *database = xf_cli_make_demo_database (*dir, file_name);
  status = g_test_run ();
  xf_test_remove_dir (*dir);
  g_clear_pointer (database, g_free);
  g_clear_pointer (dir, g_free);
  return status;
}

void
xf_cli_assert_run_fails (const XfCliEnv    *env,
                         const char *const *args,
                         int                status)
{
  g_auto(XfCliRun) run = { 0 };

  xf_cli_run (&run, env, args);
  xf_cli_assert_failed (&run, status);
}

JsonNode *
xf_cli_run_json (const XfCliRun *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
xf_cli_make_demo (const char *database,
                  const char *pioneers,
                  const char *collectives,
                  const char *seed)
{
  g_auto(XfCliRun) run = { 0 };
  const char *args[] = { "demo", "--pioneers", pioneers, "--collectives", collectives,
                         seed != NULL ? "--seed" : NULL, seed, NULL };

  xf_cli_run (&run, &(XfCliEnv) { .database = database }, args);
  if (run.status != 0)
    g_error ("demo failed: %s", run.err);
  return g_steal_pointer (&run.out);
}
