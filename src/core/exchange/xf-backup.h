/* xf-backup.h — online backups, scheduled backups with rotation, restore
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-account.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Backups never lose data and never stop the desk:
 *
 * - **Backup** (xf_backup_database): SQLite through the online backup API
 *   (xf_db_backup_to in src/core/db: a few hundred pages per step, other
 *   connections keep reading and writing) into "PATH.partial", which is
 *   then checked (PRAGMA integrity_check, schema version), fsynced and
 *   renamed to PATH — a failed or cancelled backup leaves no file and an
 *   existing PATH as it was. PostgreSQL: `pg_dump --format=custom` (the
 *   password through the environment, never the command line) into the
 *   same kind of temporary file; a missing pg_dump is XF_ERROR_IO saying
 *   which program to install. Audited XF_AUDIT_BACKUP.
 * - **Inspect** (xf_backup_inspect): opens a backup read-only, without
 *   touching any database: format, schema version, database uid, counts,
 *   and the checks a restore makes (integrity, foreign keys, audit chain).
 * - **Restore** (xf_backup_restore): refuses a backup that fails a check,
 *   is not a Xianfeng database, or has a newer schema
 *   (XF_ERROR_CORRUPT / XF_ERROR_NEWER_SCHEMA naming the file); then first
 *   backs up the current database to a safety copy beside the backups
 *   ("xianfeng-before-restore-YYYYMMDD-HHMMSS.db"), then replaces the
 *   content (SQLite: the backup API from the backup into the live file,
 *   atomic for other connections; an older schema is then migrated;
 *   PostgreSQL: pg_restore into a database that must hold no records).
 *   Audited XF_AUDIT_RESTORE in the restored database. The database
 *   keeps its own uid (a backup restored into a new file while the
 *   original goes on must not share its recorded audit head); the entry
 *   names the backup's uid when it differs.
 * - **Scheduled** (xf_backup_run_scheduled): the desktop calls it at start
 *   and every hour; when the newest backup in the folder is older than a
 *   day (or there is none) it writes "xianfeng-YYYYMMDD-HHMMSS.db" and
 *   then removes the oldest scheduled backups beyond @keep. Files it did
 *   not name are never touched. It is the system's duty: any signed-in
 *   actor runs it; backups by hand and restores need DATABASE_ADMIN.
 */

typedef void (*XfBackupProgressFunc) (double   fraction,
                                      gpointer user_data);

gboolean  xf_backup_database   (XfStore              *store,
                                XfAccount            *actor,
                                const char           *path,
                                XfBackupProgressFunc  progress,
                                gpointer              user_data,
                                GCancellable         *cancellable,
                                GError              **error);

typedef struct
{
  char      *path;
  char      *format;          /* "sqlite" or "pg_dump" */
  int        schema_version;
  char      *database_uid;
  gint64     created_at;      /* UTC µs: the file's modification time */
  gint64     size;            /* bytes */
  gint64     pioneers;        /* -1 when unknown (pg_dump) */
  gint64     audit_entries;   /* -1 when unknown */
  gboolean   ok;              /* every check passed */
  GPtrArray *problems;        /* (element-type utf8) translated, empty when ok */
} XfBackupInfo;

void          xf_backup_info_free (XfBackupInfo *info);
XfBackupInfo *xf_backup_inspect   (const char    *path,
                                   GError       **error);

/* @safety_copy: (out) (optional): where the database was saved first. */
gboolean  xf_backup_restore    (XfStore              *store,
                                XfAccount            *actor,
                                const char           *backup_path,
                                const char           *safety_folder,
                                char                **safety_copy,
                                XfBackupProgressFunc  progress,
                                gpointer              user_data,
                                GCancellable         *cancellable,
                                GError              **error);

/* $XDG_DATA_HOME/xianfeng/backups (transfer full). */
char     *xf_backup_default_folder (void);

typedef struct
{
  char   *path;
  gint64  created_at;   /* UTC µs, from the name */
  gint64  size;
  gboolean scheduled;   /* named "xianfeng-YYYYMMDD-HHMMSS.db" */
} XfBackupEntry;

void       xf_backup_entry_free (XfBackupEntry *entry);
/* The backups in @folder, newest first (element-type XfBackupEntry);
 * an absent folder is an empty list. */
GPtrArray *xf_backup_list       (const char     *folder,
                                 GError        **error);

/* Whether a scheduled backup is due at @now (UTC µs): none in @folder, or
 * the newest is older than 24 hours. */
gboolean   xf_backup_is_due     (const char     *folder,
                                 gint64          now);
/* Runs a due backup and rotates. Returns the new backup's path (transfer
 * full), or NULL: with @error on failure, without when none was due. */
char      *xf_backup_run_scheduled (XfStore       *store,
                                    XfAccount     *actor,
                                    const char    *folder,
                                    guint          keep,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* Removes the oldest scheduled backups beyond @keep (≥ 1). */
gboolean   xf_backup_rotate     (const char     *folder,
                                 guint           keep,
                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfBackupInfo, xf_backup_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfBackupEntry, xf_backup_entry_free)

G_END_DECLS
