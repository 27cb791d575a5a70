/* xf-store.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

#define XF_TYPE_STORE (xf_store_get_type ())

G_DECLARE_FINAL_TYPE (XfStore, xf_store, XF, STORE, GObject)

XfStore    *xf_store_open                (const char  *path,
                                          GError     **error);
XfStore    *xf_store_open_existing       (const char  *path,
                                          GError     **error);
XfDb       *xf_store_get_db              (XfStore     *self);
int         xf_store_get_schema_version  (XfStore     *self);
int         xf_store_get_latest_version  (void);
gboolean    xf_store_is_read_only        (XfStore     *self);
char       *xf_store_default_path        (void);
char       *xf_store_new_uid             (void);
/* A time-ordered uid (UUID version 7, RFC 9562): later calls give larger
 * uids, so that the unique index of a bulk load grows at its end. */
char       *xf_store_new_ordered_uid     (void);

G_END_DECLS
