/* xf-registry-count-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-db.h"
#include "xf-registry-query.h"

G_BEGIN_DECLS

/*
 * Private to the list model: counting a query's matches on a second,
 * read-only connection in a worker thread, while the list starts from an
 * estimate. Counting 1,000,000 files takes 50–90 ms, a third of the time
 * the window needs to show its first rows.
 */

/* Whether @db can be read by a second connection: a file, not in a
 * transaction. */
gboolean _xf_registry_count_can_aside  (XfDb                  *db);
/* An upper bound of every query's count, cheap to read; -1 on error. */
gint64   _xf_registry_count_estimate   (XfDb                  *db);
void     _xf_registry_count_aside      (XfDb                  *db,
                                        const XfRegistryQuery *query,
                                        gpointer               source_object,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
/* The count, or -1 with @error set. */
gint64   _xf_registry_count_aside_finish (gpointer             source_object,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
