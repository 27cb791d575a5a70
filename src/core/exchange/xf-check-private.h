/* xf-check-private.h — the checks a backup's inspection shares with xf-check.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

/* Each runs one check on @db and returns 1 when it passes, 0 when it
 * finds a problem (*@detail says which, translated), -1 with @error when
 * it could not run. *@detail is set in the first two cases. */

/* SQLite: PRAGMA integrity_check. PostgreSQL: the server's. */
int _xf_check_integrity    (XfDb     *db,
                            char    **detail,
                            GError  **error);
/* SQLite: PRAGMA foreign_key_check, summed up per table and parent.
 * PostgreSQL: the server keeps them; a constraint not validated fails. */
int _xf_check_foreign_keys (XfDb     *db,
                            char    **detail,
                            GError  **error);

G_END_DECLS
