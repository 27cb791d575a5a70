/* xf-backup-preferences.h — the Backups page of the preferences
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-application.h"

G_BEGIN_DECLS

/*
 * XfBackupPreferences: the daily backups (backup-daily, backup-folder,
 * backup-keep), "Back Up Now…" and restoring (administrators: DATABASE_ADMIN),
 * the backups in the folder with "Restore…" each, and "Check Database"
 * (administrators and auditors: DATABASE_CHECK). A shared database on a
 * server is backed up there: the page says so, and offers Back Up Now
 * only when pg_dump is installed.
 *
 * Restoring: core inspects the backup in a worker; a dialog says what it
 * holds and that the current data will be replaced after a safety copy
 * (or, when a check failed, which one, and offers no restore); the
 * restore runs in a worker with progress; then the application opens the
 * database again, as after a switch, and the window says where the safety
 * copy is.
 *
 * Actions: backups.back-up-now, backups.restore-file, backups.restore (s:
 * a backup's path), backups.check, backups.choose-folder,
 * backups.reset-folder. Template children: server_group, daily_group,
 * daily_switch, folder_row, keep_spin, actions_group, backup_now_row,
 * restore_file_row, check_row, list_group, list_box (one row per backup,
 * named "backup-row").
 */

#define XF_BACKUP_PREFERENCES_PAGE_NAME "backups"

#define XF_TYPE_BACKUP_PREFERENCES (xf_backup_preferences_get_type ())

G_DECLARE_FINAL_TYPE (XfBackupPreferences, xf_backup_preferences, XF, BACKUP_PREFERENCES, AdwPreferencesPage)

GtkWidget *xf_backup_preferences_new        (XfApplication       *application);
/* Reads the folder's backups again. */
void       xf_backup_preferences_reload     (XfBackupPreferences *self);
/* What the file choosers lead to, for tests: a backup into @path (with
 * the progress dialog), a restore of @path (inspect, then the dialog),
 * the check (then its dialog). */
void       xf_backup_preferences_back_up_to (XfBackupPreferences *self,
                                             const char          *path);
void       xf_backup_preferences_restore    (XfBackupPreferences *self,
                                             const char          *path);
void       xf_backup_preferences_check      (XfBackupPreferences *self);
/* Whether a backup, restore, inspection or check is running. */
gboolean   xf_backup_preferences_get_busy   (XfBackupPreferences *self);

G_END_DECLS
