/* xf-registry-list-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-registry-list.h"
#include "xf-registry-private.h"

G_BEGIN_DECLS

/* Shared by the list model (xf-registry-list.c) and its page reader
 * (xf-registry-list-fetch.c). */

/* Where a row sits in the sort order. */
typedef struct
{
  gint64  number;   /* the sort key, for integer keys */
  char   *text;     /* the sort key, for text keys */
  char   *name;
  gint64  id;
} Key;

typedef struct
{
  GPtrArray *items;
  guint64    used;
} Page;

struct _XfRegistryList
{
  GObject          parent_instance;

  XfRegistry      *registry;
  XfRegistryQuery *query;
  XfRegistrySql   *sql;
  char            *select_list;
  guint            n_items;
  GArray          *ids;      /* snapshot: the matching ids in order; NULL for keyset */

  GHashTable      *pages;    /* page index → Page */
  GHashTable      *stmts;    /* SQL → XfDbStmt, the page queries prepared */
  GTree           *anchors;  /* position → Key */
  guint64          clock;

  GError          *error;
  guint            reload_source;
  GCancellable    *counting;  /* set while n_items is an estimate */
  guint            sweep_source;
  guint            sweep_step;  /* anchors every this many rows, once swept; 0: none */
  guint            sweep_next;
};

void       _xf_registry_list_key_free       (gpointer          data);
GPtrArray *_xf_registry_list_fetch_keyset   (XfRegistryList   *self,
                                             guint             start,
                                             guint             count,
                                             GError          **error);
GPtrArray *_xf_registry_list_fetch_snapshot (XfRegistryList   *self,
                                             guint             start,
                                             guint             count,
                                             GError          **error);

G_END_DECLS
