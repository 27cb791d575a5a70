/* xf-backup-private.h — what the backup files share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-backup.h"

G_BEGIN_DECLS

/* xf-backup.c: the backup without the permission check; @how ("by hand",
 * "scheduled") is audited, NULL (a safety copy) is not. */
gboolean  _xf_backup_write           (XfStore              *store,
                                      XfAccount            *actor,
                                      const char           *path,
                                      const char           *how,
                                      XfBackupProgressFunc  progress,
                                      gpointer              user_data,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* xf-backup-schedule.c: "@folder/@prefixYYYYMMDD-HHMMSS.db" (".dump" for
 * a pg_dump archive), local time now, not naming an existing file. */
char     *_xf_backup_new_name        (const char           *folder,
                                      const char           *prefix,
                                      gboolean              pg_dump);

/* xf-backup-pg.c: pg_dump and pg_restore, the password in the environment. */
gboolean  _xf_backup_pg_dump         (XfDb                 *db,
                                      const char           *partial,
                                      GCancellable         *cancellable,
                                      GError              **error);
/* The archive @partial reads through to its end (@path names it in errors). */
gboolean  _xf_backup_pg_check        (const char           *partial,
                                      const char           *path,
                                      GError              **error);
/* The schema version and database uid inside an archive; FALSE with
 * @error when it cannot be read whole. */
gboolean  _xf_backup_pg_read         (const char           *path,
                                      int                  *schema_version,
                                      char                **database_uid,
                                      GError              **error);
/* FALSE with XF_ERROR_INVALID when @db holds records. */
gboolean  _xf_backup_pg_check_empty  (XfDb                 *db,
                                      GError              **error);
gboolean  _xf_backup_pg_restore      (XfDb                 *db,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      GError              **error);

G_END_DECLS
