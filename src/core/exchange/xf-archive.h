/* xf-archive.h — a whole database to a JSON archive and back
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-account.h"
#include "xf-copy.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * The archive (`xianfeng-cli export-all FILE`, `import-all FILE`) holds
 * every table the copy holds (xf_copy_get_tables ()), rows with their ids
 * and uids, so that import-all into an empty database gives the same
 * content: every table equal row for row, the audit chain intact.
 *
 * Format: JSON Lines, UTF-8, one JSON value per line, so it streams both
 * ways and a million rows never sit in memory:
 *
 *   {"format":"xianfeng-archive","version":1,"schema":7,
 *    "database_uid":"…","created_at":"2026-12-05T08:00:00Z","producer":"Xianfeng 0.x"}
 *   {"table":"organisations","columns":["id","uid",…],"rows":27}
 *   ["1","3f2a…",…,null]            one array per row: text or null,
 *   …                               values as the copy reads them
 *   {"table":"pioneers",…}
 *   …
 *   {"end":true,"tables":38,"rows":123456,"sha256":"…"}
 *
 * The last line's sha256 is over every byte before that line; an archive
 * without it, with a different digest, with a table's row count that does
 * not match, an unknown table or column, or a newer schema is refused
 * (XF_ERROR_CORRUPT / XF_ERROR_NEWER_SCHEMA naming the line), and nothing
 * is written. A file name ending in ".gz" is gzip-compressed both ways.
 *
 * import-all writes into a database that holds no records (created when
 * missing), in one transaction with the copy's means (xf-copy.c: bulk
 * insert, indexes and search tables rebuilt once, PostgreSQL sequences
 * moved past the largest id); row counts are checked before the commit.
 * An older schema's archive is restored into its schema and then migrated
 * as XfStore migrates a file. Cancelling or any error rolls everything back.
 *
 * export-all reads one consistent snapshot (one read transaction) and
 * writes through a temporary file renamed into place; it needs
 * DATABASE_ADMIN and is audited XF_AUDIT_ARCHIVE_EXPORT before the snapshot
 * is taken, so the archive holds its own entry. import-all, like the copy,
 * fills an empty database and acts in nobody's name.
 */

gboolean xf_archive_export_all (XfStore            *store,
                                XfAccount          *actor,
                                const char         *path,
                                XfCopyProgressFunc  progress,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error);

/* @to_location: a SQLite path or a PostgreSQL URL, as xf_store_open takes. */
gboolean xf_archive_import_all (const char         *path,
                                const char         *to_location,
                                XfCopyProgressFunc  progress,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error);

G_END_DECLS
