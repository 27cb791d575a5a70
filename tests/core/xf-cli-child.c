/* xf-cli-child.c — xianfeng-cli as a child process that may meet a full
 *                  disk or be killed, and what its database holds after
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-cli-child.h"
#include "xf-db.h"
#include "xf-test-store.h"

/* The limit the next child gets; read between fork and exec. */
static rlim_t child_file_size_limit;

/* Between fork and exec: only async-signal-safe calls. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { child_file_size_limit, child_file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

GSubprocess *
xf_cli_child_spawn (const char        *database,
                    goffset            file_size_limit,
                    const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("XIANFENG_CLI");
  GSubprocess *child;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XIANFENG_DATABASE", database, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "XIANFENG_USER");
  g_subprocess_launcher_unsetenv (launcher, "XIANFENG_PASSWORD");
  if (file_size_limit > 0)
    {
      child_file_size_limit = file_size_limit;
      g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
    }

  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return child;
}

void
xf_cli_child_run (XfCliRun    *run,
                  const char  *database,
                  goffset      file_size_limit,
                  const char  *first,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  child = xf_cli_child_spawn (database, file_size_limit, (const char * const *) args->pdata);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &run->out, &run->err, &error));
  g_assert_no_error (error);
  /* A full disk must end in a message, never in a crash. */
  if (!g_subprocess_get_if_exited (child))
    g_error ("xianfeng-cli %s was killed by signal %d; it said: %s", first,
             g_subprocess_get_term_sig (child), run->err);
  run->status = g_subprocess_get_exit_status (child);
}

static XfDb *
open_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_db_open (path, XF_DB_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static GPtrArray *
column_texts (XfDb       *db,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  XfDbStep step;

  g_assert_no_error (error);
  while ((step = xf_db_stmt_step (stmt, &error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (texts, xf_db_stmt_dup_text (stmt, 0));
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, XF_DB_STEP_DONE);
  return texts;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Each table's rows as quote()d text, sorted, so that neither the order of
 * pages nor a checkpoint changes the digest. */
char *
xf_cli_child_fingerprint (const char *path)
{
  g_autoptr(XfDb) db = open_file (path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = column_texts (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *info = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
      g_autoptr(GPtrArray) columns = column_texts (db, info);
      g_autoptr(GString) sql = g_string_new ("SELECT ''");
      g_autoptr(GPtrArray) rows = NULL;

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, " || quote (\"%s\") || ','", (char *) g_ptr_array_index (columns, c));
      g_string_append_printf (sql, " FROM \"%s\"", table);
      rows = column_texts (db, sql->str);
      g_ptr_array_sort (rows, compare_texts);

      g_checksum_update (checksum, (const guchar *) table, -1);
      for (guint r = 0; r < rows->len; r++)
        {
          g_checksum_update (checksum, (const guchar *) "\n", 1);
          g_checksum_update (checksum, g_ptr_array_index (rows, r), -1);
        }
      g_checksum_update (checksum, (const guchar *) "\n\n", 2);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

void
xf_cli_child_assert_sound (XfStore *store)
{
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GPtrArray) integrity = column_texts (db, "PRAGMA integrity_check");
  g_autoptr(GPtrArray) foreign = column_texts (db, "PRAGMA foreign_key_check");

  g_assert_cmpuint (integrity->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (integrity, 0), ==, "ok");
  g_assert_cmpuint (foreign->len, ==, 0);
}

/* The chain is verified, then the head that verification records outside
 * the database is forgotten: the next copy of the same database (same uid)
 * may rightly hold fewer entries. */
void
xf_cli_child_assert_audit_chain (XfStore *store)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfAuditVerification) verification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = xf_test_query_text (store, "SELECT value FROM database_info WHERE key = 'uid'");
  g_autofree char *name = g_strconcat (uid, ".json", NULL);
  g_autofree char *head = g_build_filename (g_get_user_state_dir (), "xianfeng", "audit-heads", name, NULL);

  verification = xf_audit_verify (store, xf_registry_get_actor (registry), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (verification->problem != XF_AUDIT_OK)
    g_error ("The audit chain of %s is broken: %s", xf_db_get_display_name (xf_store_get_db (store)),
             verification->message);
  g_remove (head);
}

void
xf_cli_child_copy_file (const char *from,
                        const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  /* A journal left beside the old file would be read as the new one's. */
  g_remove (wal);
  g_remove (shm);
  g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

void
xf_cli_child_write_import_file (const char *path,
                                guint       n_rows)
{
  g_autoptr(GString) csv = g_string_new ("姓名,性别,出生日期,所在地区\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "导入者%05u,%s,%u-%02u-%02u,330521\n", i, i % 2 ? "男" : "女",
                            1960 + i % 40, 1 + i / 40 % 12, 1 + i % 28);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
}

goffset
xf_cli_child_file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}
