/* xf-cli-child.h — xianfeng-cli as a child process that may meet a full
 *                  disk or be killed, and what its database holds after
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-cli-test-util.h"
#include "xf-store.h"

G_BEGIN_DECLS

/* Starts $XIANFENG_CLI on the SQLite file @database as its local
 * administrator (no user), in English, with the NULL-terminated @args;
 * stdout and stderr piped. With @file_size_limit > 0 the child runs under
 * RLIMIT_FSIZE of that many bytes with SIGXFSZ ignored: every write past
 * it fails with EFBIG, as on a full disk. */
GSubprocess *xf_cli_child_spawn       (const char        *database,
                                       goffset            file_size_limit,
                                       const char *const *args);
/* Runs it to the end and fills @run; fails the test unless the child
 * exited by itself (no crash, no signal). */
void         xf_cli_child_run         (XfCliRun          *run,
                                       const char        *database,
                                       goffset            file_size_limit,
                                       const char        *first,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Every row of every table of the SQLite file @path, as one digest: two
 * databases with the same data give the same text. */
char        *xf_cli_child_fingerprint (const char        *path);
/* Fails the test unless PRAGMA integrity_check on @store's SQLite file
 * says ok and PRAGMA foreign_key_check finds nothing. */
void         xf_cli_child_assert_sound (XfStore         *store);
/* Fails the test unless @store's audit chain verifies. */
void         xf_cli_child_assert_audit_chain (XfStore   *store);
/* A copy of the SQLite file @from at @to (replaced, with any journal of the old @to removed). */
void         xf_cli_child_copy_file   (const char        *from,
                                       const char        *to);
/* Writes a CSV list of @n_rows new individuals to @path: header
 * 姓名,性别,出生日期,所在地区, names and birth dates no demo file has. */
void         xf_cli_child_write_import_file (const char *path,
                                             guint       n_rows);
/* The size of the file @path in bytes. */
goffset      xf_cli_child_file_size   (const char        *path);

G_END_DECLS
