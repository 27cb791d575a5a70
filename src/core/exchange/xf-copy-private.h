/* xf-copy-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"

G_BEGIN_DECLS

/*
 * The PostgreSQL side of a copy (xf-copy-pg.c), inside the destination's
 * transaction: the tables are locked, their secondary indexes and user
 * triggers set aside while the rows pour in, then everything is rebuilt
 * in one pass, derived search data refilled and the id sequences moved on.
 */
typedef struct _XfCopyPg XfCopyPg;

gboolean  _xf_copy_pg_lock      (XfDb               *db,
                                 const char * const *tables,
                                 guint               n_tables,
                                 GError            **error);
XfCopyPg *_xf_copy_pg_set_aside (XfDb               *db,
                                 const char * const *tables,
                                 guint               n_tables,
                                 GError            **error);
/* @keys: each table's integer key; the sequences of "id" keys move on. */
gboolean  _xf_copy_pg_restore   (XfCopyPg           *pg,
                                 const char * const *tables,
                                 const char * const *keys,
                                 guint               n_tables,
                                 GError            **error);
void      _xf_copy_pg_free      (XfCopyPg           *pg);

G_END_DECLS
