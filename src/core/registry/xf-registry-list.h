/* xf-registry-list.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * A lazy GListModel of XfPioneer summaries (id, uid, kind, name, gender,
 * birth-date, employer, tier, region-code, organisation-id,
 * organisation-name, industry, honours-count, status) matching a query.
 * It never holds all rows: n_items comes from a count, items are fetched
 * by pages on demand (keyset pagination when scrolling on, a seek when
 * jumping) and only a few pages are cached. It follows the registry's
 * "changed" signal. Search: FTS5 trigram over name, employer, skills and
 * deeds for 3+ characters; a separate path for 1–2 character queries
 * (most Chinese name searches), which FTS5 trigram cannot answer.
 *
 * The list reads as its registry's actor: one who may not read the
 * registry gets an empty list whose error is XF_ERROR_PERMISSION_DENIED.
 * Summaries carry no personal data (identity number, mobile).
 */

#define XF_TYPE_REGISTRY_LIST (xf_registry_list_get_type ())

G_DECLARE_FINAL_TYPE (XfRegistryList, xf_registry_list, XF, REGISTRY_LIST, GObject)

XfRegistryList        *xf_registry_list_new        (XfRegistry            *registry,
                                                    const XfRegistryQuery *query);
/* Replaces the query; emits one items-changed for the whole list. */
void                   xf_registry_list_set_query  (XfRegistryList        *self,
                                                    const XfRegistryQuery *query);
const XfRegistryQuery *xf_registry_list_get_query  (XfRegistryList        *self);
/* Re-counts and drops the cache, e.g. after an outside change. */
void                   xf_registry_list_reload     (XfRegistryList        *self);
/* TRUE while n_items is an estimate (an upper bound): a new list over a
 * big registry counts in a worker thread and announces the exact count
 * with items-changed at the tail. */
gboolean               xf_registry_list_is_counting (XfRegistryList       *self);
/* The last error met while counting or fetching, or NULL. */
const GError          *xf_registry_list_get_error  (XfRegistryList        *self);

G_END_DECLS
