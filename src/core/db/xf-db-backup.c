/* xf-db-backup.c — SQLite's online backup API behind xf_db_backup_to/xf_db_restore_from
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-db-private.h"

/* TODO(issue 9): implementation lands with its helper's first commit. */
