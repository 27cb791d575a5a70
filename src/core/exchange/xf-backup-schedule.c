/* xf-backup-schedule.c — the backup folder: names, listing, daily backups, rotation
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-backup"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-backup.h"
#include "xf-backup-private.h"
#include "xf-error.h"

/*
 * Scheduled backups are "xianfeng-YYYYMMDD-HHMMSS.db" (".dump" for a
 * pg_dump archive) in local time; safety copies before a restore are
 * "xianfeng-before-restore-YYYYMMDD-HHMMSS.db". Only exact scheduled names
 * are ever rotated away: any other file in the folder is left alone.
 */

#define SCHEDULED_PREFIX "xianfeng-"
#define SAFETY_PREFIX "xianfeng-before-restore-"
#define DAY (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400))

char *
xf_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "xianfeng", "backups", NULL);
}

void
xf_backup_entry_free (XfBackupEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry);
}

char *
_xf_backup_new_name (const char *folder,
                     const char *prefix,
                     gboolean    pg_dump)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  const char *extension = pg_dump ? ".dump" : ".db";
  char *path = NULL;

  for (guint n = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      g_free (path);
      /* Two in one second (tests, a quick second restore): a counter, which
       * makes no scheduled name, so rotation leaves such a file alone. */
      name = n == 0 ? g_strconcat (prefix, stamp, extension, NULL)
                    : g_strdup_printf ("%s%s-%u%s", prefix, stamp, n, extension);
      path = g_build_filename (folder, name, NULL);
    }
  return path;
}

/* The local time of "YYYYMMDD-HHMMSS" + @extension at @text (UTC µs), or 0. */
static gint64
parse_stamp (const char *text)
{
  int year, month, day, hour, minute, second;
  char tail[8] = { 0 };
  g_autoptr(GDateTime) time = NULL;

  if (strlen (text) < 15 ||
      sscanf (text, "%4d%2d%2d-%2d%2d%2d%7s", &year, &month, &day, &hour, &minute, &second, tail) != 7)
    return 0;
  if (!g_str_equal (tail, ".db") && !g_str_equal (tail, ".dump"))
    return 0;
  for (guint i = 0; i < 15; i++)
    if (i == 8 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return 0;
  time = g_date_time_new_local (year, month, day, hour, minute, second);
  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
}

/* When @name is a scheduled backup's name, its time (UTC µs); else 0. */
static gint64
scheduled_time (const char *name)
{
  if (!g_str_has_prefix (name, SCHEDULED_PREFIX) || g_str_has_prefix (name, SAFETY_PREFIX))
    return 0;
  return parse_stamp (name + strlen (SCHEDULED_PREFIX));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const XfBackupEntry *x = *(const XfBackupEntry * const *) a;
  const XfBackupEntry *y = *(const XfBackupEntry * const *) b;

  if (x->created_at != y->created_at)
    return x->created_at > y->created_at ? -1 : 1;
  return g_strcmp0 (y->path, x->path);
}

/**
 * xf_backup_list:
 * @folder: the backup folder
 *
 * The backups in @folder: files ending ".db" or ".dump", newest first.
 *
 * Returns: (transfer full) (element-type XfBackupEntry): the list, or
 *   %NULL with @error set when the folder cannot be read
 */
GPtrArray *
xf_backup_list (const char  *folder,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_backup_entry_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The backup folder “%s” could not be read: %s"),
                   folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      XfBackupEntry *entry;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".db") && !g_str_has_suffix (name, ".dump"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      entry = g_new0 (XfBackupEntry, 1);
      entry->created_at = scheduled_time (name);
      entry->scheduled = entry->created_at != 0;
      if (!entry->scheduled && g_str_has_prefix (name, SAFETY_PREFIX))
        entry->created_at = parse_stamp (name + strlen (SAFETY_PREFIX));
      if (entry->created_at == 0)
        entry->created_at = (gint64) st.st_mtime * G_USEC_PER_SEC;
      entry->size = st.st_size;
      entry->path = g_steal_pointer (&path);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return g_steal_pointer (&entries);
}

/* The newest scheduled backup's time, 0 when none; -1 on error. One named
 * more than an hour after @now was written while the clock was wrong: it
 * must not put the next daily backups off until then. */
static gint64
newest_scheduled (const char  *folder,
                  gint64       now,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = xf_backup_list (folder, error);

  if (entries == NULL)
    return -1;
  for (guint i = 0; i < entries->len; i++)
    {
      const XfBackupEntry *entry = g_ptr_array_index (entries, i);

      if (entry->scheduled && entry->created_at <= now + G_TIME_SPAN_HOUR)
        return entry->created_at;
    }
  return 0;
}

/**
 * xf_backup_is_due:
 * @folder: the backup folder
 * @now: UTC µs
 *
 * Returns: whether @folder holds no scheduled backup, or only ones older
 *   than 24 hours at @now (an unreadable folder: due, so the run says why)
 */
gboolean
xf_backup_is_due (const char *folder,
                  gint64      now)
{
  gint64 newest;

  g_return_val_if_fail (folder != NULL, FALSE);

  newest = newest_scheduled (folder, now, NULL);
  return newest <= 0 || now - newest >= DAY;
}

/**
 * xf_backup_rotate:
 * @folder: the backup folder
 * @keep: how many scheduled backups to keep (at least 1)
 *
 * Removes the oldest scheduled backups beyond @keep; other files stay.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_backup_rotate (const char  *folder,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint kept = 0;

  g_return_val_if_fail (folder != NULL, FALSE);

  entries = xf_backup_list (folder, error);
  if (entries == NULL)
    return FALSE;
  keep = MAX (keep, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      const XfBackupEntry *entry = g_ptr_array_index (entries, i);

      if (!entry->scheduled || ++kept <= keep)
        continue;
      if (g_unlink (entry->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, XF_ERROR, XF_ERROR_IO, _("The old backup “%s” could not be removed: %s"),
                       entry->path, g_strerror (saved_errno));
          return FALSE;
        }
      g_debug ("Rotated away %s", entry->path);
    }
  return TRUE;
}

/**
 * xf_backup_run_scheduled:
 * @store: the database
 * @actor: any signed-in account (it is the system's duty)
 * @folder: (nullable): the backup folder; NULL: the default
 * @keep: scheduled backups to keep (at least 1)
 * @cancellable: (nullable)
 *
 * Writes a scheduled backup when one is due, then rotates.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL with
 *   @error on failure, without when none was due
 */
char *
xf_backup_run_scheduled (XfStore       *store,
                         XfAccount     *actor,
                         const char    *folder,
                         guint          keep,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *path = NULL;
  gboolean pg_dump;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (folder == NULL)
    folder = default_folder = xf_backup_default_folder ();
  if (!xf_backup_is_due (folder, g_get_real_time ()))
    return NULL;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      xf_error_set_write_failed (error, folder, g_strerror (saved_errno));
      return NULL;
    }

  pg_dump = xf_db_get_backend (xf_store_get_db (store)) == XF_DB_BACKEND_POSTGRESQL;
  path = _xf_backup_new_name (folder, SCHEDULED_PREFIX, pg_dump);
  if (!_xf_backup_write (store, actor, path, "scheduled", NULL, NULL, cancellable, error))
    return NULL;
  if (!xf_backup_rotate (folder, keep, error))
    return NULL;
  return g_steal_pointer (&path);
}
