/* xf-backup-scheduler.h — the daily backup, while someone is signed in
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * XfBackupScheduler: two minutes after each sign-in, every hour, and when
 * backup-daily is turned on — while that setting is on and the open
 * database is an SQLite file that can be written — it asks core whether a
 * backup is due
 * (xf_backup_is_due) in the folder of backup-folder (empty: the default)
 * and, if so, runs xf_backup_run_scheduled with backup-keep in a worker
 * thread on a connection of its own. Never two at once. A failure shows
 * "Daily backup failed: …" in the main window with a Preferences button,
 * once until a backup works again (or the setting, folder or person
 * changes); success is silent.
 *
 * Signals: "finished" (string path, or NULL when none was due or it
 * failed) after each check that ran in the worker.
 */

#define XF_TYPE_BACKUP_SCHEDULER (xf_backup_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (XfBackupScheduler, xf_backup_scheduler, XF, BACKUP_SCHEDULER, GObject)

/* @application: an XfApplication (not owned: it owns the scheduler). */
XfBackupScheduler *xf_backup_scheduler_new         (GtkApplication    *application);
/* Checks now, as the hourly timer does; TRUE when a backup was started. */
gboolean           xf_backup_scheduler_check       (XfBackupScheduler *self);
gboolean           xf_backup_scheduler_get_running (XfBackupScheduler *self);
/* The folder the daily backups go to (transfer full). */
char              *xf_backup_scheduler_dup_folder  (GSettings         *settings);

G_END_DECLS
