/* xf-backup-pg.c — pg_dump and pg_restore for a shared database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-backup"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-backup-private.h"
#include "xf-error.h"

/*
 * The programs get the URL without its password on the command line
 * (where any user of the computer can read it) and the password as
 * PGPASSWORD in their environment. A dump holds the current schema only
 * (--schema), which is where Xianfeng's tables are; a restore replaces
 * the objects of the dump (--clean) in one transaction, so a failure
 * leaves the database as it was.
 */

/* The program from $PATH, else from the newest PostgreSQL installed; NULL with @error. */
static char *
find_program (const char  *name,
              GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  char *found = g_find_program_in_path (name);
  const char *version;
  int best = -1;

  if (found != NULL)
    return found;
  dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (dir != NULL && (version = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/usr/lib/postgresql", version, "bin", name, NULL);

      if (atoi (version) > best && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        {
          best = atoi (version);
          g_free (found);
          found = g_steal_pointer (&path);
        }
    }
  if (found == NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_IO,
                 _("The program “%s” was not found; install the package postgresql-client "
                   "to back up or restore a PostgreSQL database"),
                 name);
  return found;
}

/* The password in a URL's user info, unescaped, or NULL. */
static char *
url_password (const char *location)
{
  const char *authority = strstr (location, "://");
  const char *end, *at = NULL, *colon;

  if (authority == NULL)
    return NULL;
  authority += 3;
  end = authority + strcspn (authority, "/?#");
  for (const char *p = authority; p < end; p++)
    if (*p == '@')
      at = p;
  if (at == NULL)
    return NULL;
  colon = memchr (authority, ':', at - authority);
  if (colon == NULL)
    return NULL;
  return g_uri_unescape_segment (colon + 1, at, NULL);
}

/* Runs @argv; its standard output into *@out when not NULL. */
static gboolean
run (const char * const *argv,
     const char         *password,
     char              **out,
     GCancellable       *cancellable,
     GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "PGPASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PGPASSWORD");
  g_subprocess_launcher_setenv (launcher, "PGCONNECT_TIMEOUT", "10", FALSE);
  g_subprocess_launcher_setenv (launcher, "LC_MESSAGES", "C", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (process == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The program “%s” could not be started: %s"),
                   argv[0], local_error->message);
      return FALSE;
    }
  if (!g_subprocess_communicate_utf8 (process, NULL, cancellable, &stdout_text, &stderr_text, &local_error))
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The program “%s” failed: %s"),
                     argv[0], local_error->message);
      return FALSE;
    }
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *base = g_path_get_basename (argv[0]);

      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("%s failed: %s"), base,
                   stderr_text != NULL && *stderr_text != '\0' ? g_strstrip (stderr_text) : _("no reason given"));
      return FALSE;
    }
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return TRUE;
}

static char *
current_schema (XfDb    *db,
                GError **error)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "SELECT current_schema()", error);

  if (stmt == NULL || xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return NULL;
  return xf_db_stmt_dup_text (stmt, 0);
}

/* Takes "password=…" out of @url's query (libpq reads it there too, and
 * the command line is public) into *@password, unescaped. */
static void
take_query_password (GString  *url,
                     char    **password)
{
  const char *query = strchr (url->str, '?');
  const char *param;

  while (query != NULL && (param = strstr (query, "password=")) != NULL)
    {
      gsize start = param - url->str;
      gsize end = start + strcspn (param, "&#");

      if (param[-1] != '?' && param[-1] != '&')
        {
          query = param + 1;
          continue;
        }
      g_free (*password);
      *password = g_uri_unescape_segment (param + strlen ("password="), url->str + end, NULL);
      /* "?password=x&a=b" → "?a=b"; "?a=b&password=x" → "?a=b"; "?password=x" → "". */
      if (param[-1] == '?' && url->str[end] == '&')
        g_string_erase (url, start, end + 1 - start);
      else
        g_string_erase (url, start - 1, end - start + 1);
      query = strchr (url->str, '?');
    }
}

/* "--dbname=URL" without the password, which goes to *@password. */
static char *
dbname_argument (XfDb  *db,
                 char **password)
{
  /* The display form drops the password from the user info and the query
   * alike; the query's, which libpq reads last, is taken from the URL. */
  g_autofree char *stripped = xf_db_location_strip_password (xf_db_get_path (db));
  g_autoptr(GString) url = g_string_new (xf_db_get_path (db));

  *password = url_password (xf_db_get_path (db));
  take_query_password (url, password);
  return g_strconcat ("--dbname=", stripped, NULL);
}

gboolean
_xf_backup_pg_dump (XfDb          *db,
                    const char    *partial,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *program = find_program ("pg_dump", error);
  g_autofree char *password = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *file_arg = NULL;
  g_autofree char *schema_arg = NULL;
  g_autofree char *dbname_arg = NULL;

  if (program == NULL)
    return FALSE;
  schema = current_schema (db, error);
  if (schema == NULL)
    return FALSE;
  dbname_arg = dbname_argument (db, &password);
  file_arg = g_strconcat ("--file=", partial, NULL);
  /* Quoted: the exact name, not a pattern. */
  schema_arg = g_strdup_printf ("--schema=\"%s\"", schema);
  return run ((const char * const[]) { program, "--format=custom", "--no-password", file_arg,
                                       schema_arg, dbname_arg, NULL },
              password, NULL, cancellable, error);
}

gboolean
_xf_backup_pg_check (const char  *partial,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *program = find_program ("pg_restore", error);
  g_autoptr(GError) local_error = NULL;

  if (program == NULL)
    return FALSE;
  /* Reading every block into nothing finds a truncated or damaged archive. */
  if (!run ((const char * const[]) { program, "--file=/dev/null", partial, NULL },
            NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT, _("The backup “%s” cannot be read back: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_xf_backup_pg_read (const char  *path,
                    int         *schema_version,
                    char       **database_uid,
                    GError     **error)
{
  g_autofree char *program = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *table = NULL;

  *schema_version = 0;
  if (!_xf_backup_pg_check (path, path, error))
    return FALSE;
  program = find_program ("pg_restore", error);
  if (program == NULL ||
      !run ((const char * const[]) { program, "--data-only", "--table=xianfeng_schema",
                                     "--table=database_info", "--file=-", path, NULL },
            NULL, &text, NULL, error))
    return FALSE;

  /* COPY blocks: "COPY schema.table (columns) FROM stdin;", rows, "\.". */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "COPY "))
        table = strstr (line, "xianfeng_schema (") != NULL ? "xianfeng_schema"
                : strstr (line, "database_info (") != NULL ? "database_info" : NULL;
      else if (g_str_equal (line, "\\."))
        table = NULL;
      else if (g_strcmp0 (table, "xianfeng_schema") == 0)
        *schema_version = MAX (*schema_version, atoi (line));
      else if (g_strcmp0 (table, "database_info") == 0 && g_str_has_prefix (line, "uid\t"))
        {
          g_free (*database_uid);
          *database_uid = g_strdup (line + 4);
        }
    }
  return TRUE;
}

gboolean
_xf_backup_pg_check_empty (XfDb    *db,
                           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 records;

  records = xf_db_query_int64 (db,
                               "SELECT (SELECT count(*) FROM pioneers) + (SELECT count(*) FROM organisations)"
                               " + (SELECT count(*) FROM honours) + (SELECT count(*) FROM campaigns)"
                               " + (SELECT count(*) FROM service_requests)",
                               0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (records > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The database “%s” already holds records; a pg_dump backup is restored "
                     "into an empty database"),
                   xf_db_get_display_name (db));
      return FALSE;
    }
  return TRUE;
}

/* The schema of the table pioneers in the archive's list, or NULL. */
static char *
archive_schema (const char  *program,
                const char  *path,
                GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!run ((const char * const[]) { program, "--list", path, NULL }, NULL, &text, NULL, error))
    return NULL;
  /* "215; 1259 16390 TABLE schema pioneers owner" */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (lines[i][0] == ';')
        continue;
      words = g_strsplit_set (lines[i], " ", -1);
      for (guint w = 0; words[w] != NULL && words[w + 1] != NULL && words[w + 2] != NULL; w++)
        if (g_str_equal (words[w], "TABLE") && g_str_equal (words[w + 2], "pioneers"))
          return g_strdup (words[w + 1]);
    }
  g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
               _("The backup “%s” holds no Xianfeng tables"), path);
  return NULL;
}

gboolean
_xf_backup_pg_restore (XfDb          *db,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *program = find_program ("pg_restore", error);
  g_autofree char *password = NULL;
  g_autofree char *dbname_arg = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *own_schema = NULL;

  if (program == NULL)
    return FALSE;
  /* The archive names its schema: it can only go back into that one. */
  schema = archive_schema (program, path, error);
  own_schema = schema != NULL ? current_schema (db, error) : NULL;
  if (own_schema == NULL)
    return FALSE;
  if (!g_str_equal (schema, own_schema))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The backup “%s” holds the schema “%s”, but the database “%s” uses “%s”; "
                     "restore it into a database that uses “%s”"),
                   path, schema, xf_db_get_display_name (db), own_schema, schema);
      return FALSE;
    }
  dbname_arg = dbname_argument (db, &password);
  return run ((const char * const[]) { program, "--clean", "--if-exists", "--single-transaction",
                                       "--exit-on-error", "--no-owner", "--no-password",
                                       dbname_arg, path, NULL },
              password, NULL, cancellable, error);
}
