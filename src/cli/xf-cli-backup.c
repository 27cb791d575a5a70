/* xf-cli-backup.c — `backup`, `restore` and `check`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-backup.h"
#include "xf-check.h"
#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-permission.h"

/*
 * backup FILE                               a backup by hand (DATABASE_ADMIN)
 * backup --scheduled [--folder DIR] [--keep N]   the daily backup when due, then rotation
 * backup list [--folder DIR] [--json]       the backups in the folder
 * restore FILE [--check-only]               check a backup, keep a safety copy, restore
 * check [--json]                            integrity, foreign keys, schema, audit chain
 *
 * Exit status: 0 done (or nothing due); 1 refused, failed, or a check
 * that found a problem; 2 a usage error.
 */

static const char backup_usage[] =
  N_("usage: backup FILE | backup --scheduled [--folder DIR] [--keep N] | backup list [--folder DIR] [--json]");
static const char restore_usage[] = N_("usage: restore FILE [--check-only]");
static const char check_usage[] = N_("usage: check [--json]");

/* "2026-03-01 09:30:12" in local time. */
static char *
format_time (gint64 utc_usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (utc_usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

/* Progress on a terminal only, on stderr. */
static void
print_progress (double   fraction,
                gpointer user_data)
{
  fprintf (stderr, "\r%3d %%", (int) (fraction * 100 + 0.5));
  if (fraction >= 1.0)
    fputs ("\r      \r", stderr);
  fflush (stderr);
}

static XfBackupProgressFunc
progress_func (void)
{
  return isatty (fileno (stderr)) ? print_progress : NULL;
}

static int
backup_by_hand (XfCliContext *ctx,
                const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *size = NULL;
  XfStore *store = xf_cli_context_get_store (ctx);
  GStatBuf st;

  if (store == NULL)
    return 1;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return xf_cli_usage_error (_("“%s” is a folder; give the name of the backup file to write"), path);
  if (!xf_backup_database (store, ctx->actor, path, progress_func (), NULL, NULL, &error))
    return xf_cli_fail_error (error);
  size = g_stat (path, &st) == 0 ? g_format_size (st.st_size) : g_strdup ("?");
  /* TRANSLATORS: the database, the backup file, its size, the seconds taken. */
  printf (_("Backed up “%s” to “%s” (%s) in %.1f s\n"),
          xf_db_get_display_name (xf_store_get_db (store)), path, size, g_timer_elapsed (timer, NULL));
  return 0;
}

static int
backup_scheduled (XfCliContext *ctx,
                  const char   *folder,
                  gboolean      keep_given,
                  guint         keep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *default_folder = NULL;
  XfStore *store = xf_cli_context_get_store (ctx);

  if (store == NULL)
    return 1;
  /* The daily backup is anyone's duty; where a copy of the whole database
   * goes and how many old ones are removed is the administrator's choice. */
  if ((folder != NULL || keep_given) &&
      !xf_permission_check (ctx->actor, XF_OP_DATABASE_ADMIN, NULL, &error))
    return xf_cli_fail_error (error);
  if (folder == NULL)
    folder = default_folder = xf_backup_default_folder ();
  path = xf_backup_run_scheduled (store, ctx->actor, folder, keep, NULL, &error);
  if (error != NULL)
    return xf_cli_fail_error (error);
  if (path == NULL)
    printf (_("No backup is due: “%s” holds one from the last 24 hours\n"), folder);
  else
    printf (_("Backed up to “%s”; the newest %u scheduled backups are kept\n"), path, keep);
  return 0;
}

static void
build_entry (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfBackupEntry *entry = item;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (entry->created_at / G_USEC_PER_SEC);
  g_autofree char *iso = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  xf_cli_json_text (builder, "path", entry->path);
  xf_cli_json_text (builder, "created", iso);
  xf_cli_json_int (builder, "size", entry->size);
  xf_cli_json_bool (builder, "scheduled", entry->scheduled);
}

static void
print_entry (gconstpointer item)
{
  const XfBackupEntry *entry = item;
  g_autofree char *time = format_time (entry->created_at);
  g_autofree char *size = g_format_size (entry->size);

  xf_cli_print_row (time, size, entry->scheduled ? _("scheduled") : _("other"), entry->path, NULL);
}

static int
backup_list (const char *folder,
             gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *default_folder = NULL;

  if (folder == NULL)
    folder = default_folder = xf_backup_default_folder ();
  entries = xf_backup_list (folder, &error);
  if (entries == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (json, "backups", entries, build_entry, print_entry,
                            _("Created"), _("Size"), _("Kind"), _("File"), NULL);
}

int
xf_cli_cmd_backup (XfCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  const char *usage = _(backup_usage);
  const char *file = NULL;
  const char *folder = NULL;
  gboolean scheduled = FALSE, list = FALSE, json = FALSE, keep_given = FALSE;
  guint64 keep = 14;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--scheduled"))
        scheduled = TRUE;
      else if (g_str_equal (arg, "--json"))
        json = TRUE;
      else if (g_str_equal (arg, "--folder"))
        {
          if (value == NULL || value[0] == '\0')
            return xf_cli_usage_error (_("--folder needs a folder"));
          folder = value;
          i++;
        }
      else if (g_str_equal (arg, "--keep"))
        {
          if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &keep, NULL))
            return xf_cli_usage_error (_("--keep needs a number of backups, at least 1"));
          keep_given = TRUE;
          i++;
        }
      else if (i == 1 && g_str_equal (arg, "list"))
        list = TRUE;
      else if (file == NULL && !g_str_has_prefix (arg, "--"))
        file = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }

  if (list)
    {
      if (scheduled || keep_given || file != NULL)
        return xf_cli_usage_error ("%s", usage);
      return backup_list (folder, json);
    }
  if (json)
    return xf_cli_usage_error (_("--json goes with backup list; %s"), usage);
  if (scheduled)
    {
      if (file != NULL)
        return xf_cli_usage_error (_("backup --scheduled names its own file; give --folder instead of “%s”"), file);
      return backup_scheduled (ctx, folder, keep_given, (guint) keep);
    }
  if (folder != NULL || keep_given)
    return xf_cli_usage_error (_("--folder and --keep go with --scheduled or list; %s"), usage);
  if (file == NULL)
    return xf_cli_usage_error ("%s", usage);
  return backup_by_hand (ctx, file);
}

static void
print_info (const XfBackupInfo *info)
{
  g_autofree char *time = format_time (info->created_at);
  g_autofree char *size = g_format_size (info->size);

  printf (_("Backup:         %s\n"), info->path);
  printf (_("Format:         %s\n"), info->format);
  printf (_("Written:        %s (%s)\n"), time, size);
  if (info->schema_version > 0)
    printf (_("Schema:         %d\n"), info->schema_version);
  if (info->database_uid != NULL)
    printf (_("Database:       %s\n"), info->database_uid);
  if (info->pioneers >= 0)
    printf (_("Pioneers:       %lld\n"), (long long) info->pioneers);
  if (info->audit_entries >= 0)
    printf (_("Audit entries:  %lld\n"), (long long) info->audit_entries);
  if (info->ok)
    printf ("%s\n", _("Every check passed"));
  for (guint i = 0; i < info->problems->len; i++)
    printf (_("Problem: %s\n"), (const char *) g_ptr_array_index (info->problems, i));
}

/* A restore into a file that did not exist and failed: the empty
 * database opening it made goes again. Returns @status. */
static int
forget_new_file (XfCliContext *ctx,
                 gboolean      new_file,
                 int           status)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  if (!new_file)
    return status;
  /* Closed first: SQLite may write its side files on closing. */
  g_clear_object (&ctx->actor);
  g_clear_object (&ctx->accounts);
  g_clear_object (&ctx->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (ctx->database_path, suffixes[i], NULL);

      g_unlink (side);
    }
  return status;
}

int
xf_cli_cmd_restore (XfCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  const char *usage = _(restore_usage);
  const char *file = NULL;
  gboolean check_only = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfBackupInfo) info = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GTimer) timer = NULL;
  XfAccount *actor;
  XfStore *store;
  gboolean new_file;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--check-only"))
        check_only = TRUE;
      else if (file == NULL && !g_str_has_prefix (argv[i], "--"))
        file = argv[i];
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), argv[i], usage);
    }
  if (file == NULL)
    return xf_cli_usage_error ("%s", usage);

  /* Checking alone touches no database, not even to create one. */
  if (check_only)
    {
      info = xf_backup_inspect (file, &error);
      if (info == NULL)
        return xf_cli_fail_error (error);
      print_info (info);
      return info->ok ? 0 : 1;
    }
  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    return xf_cli_fail (_("The backup “%s” does not exist"), file);

  new_file = !xf_db_location_is_url (ctx->database_path) &&
             !g_file_test (ctx->database_path, G_FILE_TEST_EXISTS);
  actor = xf_cli_context_get_actor (ctx);
  store = actor != NULL ? xf_cli_context_get_store (ctx) : NULL;
  if (store == NULL)
    return forget_new_file (ctx, new_file, 1);
  timer = g_timer_new ();
  if (!xf_backup_restore (store, actor, file, NULL, &safety, progress_func (), NULL, NULL, &error))
    return forget_new_file (ctx, new_file, xf_cli_fail_error (error));
  /* TRANSLATORS: the backup, the database, the seconds taken, then the safety copy. */
  printf (_("Restored “%s” into “%s” in %.1f s\nThe database as it was before is kept in “%s”\n"),
          file, xf_db_get_display_name (xf_store_get_db (store)), g_timer_elapsed (timer, NULL), safety);
  return 0;
}

static void
build_item (JsonBuilder  *builder,
            gconstpointer item,
            gpointer      user_data)
{
  const XfCheckItem *check = item;

  xf_cli_json_text (builder, "name", check->name);
  xf_cli_json_text (builder, "label", check->label);
  xf_cli_json_bool (builder, "ok", check->ok);
  xf_cli_json_text (builder, "detail", check->detail);
}

int
xf_cli_cmd_check (XfCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  const char *usage = _(check_usage);
  gboolean json = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCheckReport) report = NULL;
  XfStore *store;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), argv[i], usage);
    }

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  report = xf_check_database (store, ctx->actor, NULL, &error);
  if (report == NULL)
    return xf_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_bool (builder, "ok", report->ok);
      xf_cli_json_objects (builder, "items", report->items, build_item, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < report->items->len; i++)
        {
          const XfCheckItem *item = g_ptr_array_index (report->items, i);

          xf_cli_print_row (item->label, item->ok ? _("ok") : _("PROBLEM"), item->detail, NULL);
        }
    }
  return report->ok ? 0 : 1;
}
