/* xf-registry.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-honour.h"
#include "xf-pioneer.h"
#include "xf-registry-query.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * XfRegistry is the repository of pioneers, honours and organisations.
 * Every write is one transaction: it validates (xf_pioneer_validate), checks
 * duplicates (same identity number or credit code → XF_ERROR_DUPLICATE naming
 * the existing file), checks the version read (stale → XF_ERROR_CONFLICT
 * naming the record), writes the row, appends one pioneer_changes row per
 * changed field, and recomputes the tier from the highest honour unless
 * tier-manual is set (then tier-reason is required). On any error nothing is
 * written.
 *
 * Signal "changed" (gint64 pioneer_id) is emitted after each committed write,
 * so list models and open profiles can refresh.
 */

#define XF_TYPE_REGISTRY (xf_registry_get_type ())

G_DECLARE_FINAL_TYPE (XfRegistry, xf_registry, XF, REGISTRY, GObject)

XfRegistry *xf_registry_new                 (XfStore          *store);
XfStore    *xf_registry_get_store           (XfRegistry       *self);

/* Pioneers (individuals and collectives). */
XfPioneer  *xf_registry_get_pioneer         (XfRegistry       *self,
                                             gint64            id,
                                             GError          **error);
XfPioneer  *xf_registry_get_pioneer_by_uid  (XfRegistry       *self,
                                             const char       *uid,
                                             GError          **error);
/* Inserts when id is 0 (filling id, uid, version, timestamps), else updates. */
gboolean    xf_registry_save_pioneer        (XfRegistry       *self,
                                             XfPioneer        *pioneer,
                                             GError          **error);
/* Archive, never delete. A reason is required. */
gboolean    xf_registry_archive_pioneer     (XfRegistry       *self,
                                             XfPioneer        *pioneer,
                                             const char       *reason,
                                             GError          **error);
gboolean    xf_registry_restore_pioneer     (XfRegistry       *self,
                                             XfPioneer        *pioneer,
                                             GError          **error);
gint64      xf_registry_count_pioneers      (XfRegistry       *self,
                                             const XfRegistryQuery *query,
                                             GError          **error);

/* Honours. Adding or removing one recomputes the pioneer's tier. */
GListModel *xf_registry_list_honours        (XfRegistry       *self,
                                             gint64            pioneer_id,
                                             GError          **error);
gboolean    xf_registry_add_honour          (XfRegistry       *self,
                                             gint64            pioneer_id,
                                             XfHonour         *honour,
                                             GError          **error);
gboolean    xf_registry_remove_honour       (XfRegistry       *self,
                                             gint64            honour_id,
                                             GError          **error);

/* History of a file, newest first: (transfer full) GPtrArray of XfChange. */
typedef struct
{
  gint64  changed_at;
  char   *actor;
  char   *field;      /* property name */
  char   *old_value;
  char   *new_value;
} XfChange;

void        xf_change_free                  (XfChange         *change);
GPtrArray  *xf_registry_list_changes        (XfRegistry       *self,
                                             gint64            pioneer_id,
                                             GError          **error);

/* Organisations: (transfer full) GPtrArray of XfOrganisationInfo, by name. */
typedef struct
{
  gint64  id;
  char   *uid;
  char   *code;
  char   *name;       /* Chinese official name */
  char   *name_en;
  char   *kind;
  gint64  parent_id;  /* 0 for none */
} XfOrganisationInfo;

void        xf_organisation_info_free       (XfOrganisationInfo *info);
GPtrArray  *xf_registry_list_organisations  (XfRegistry       *self,
                                             GError          **error);
/* Loads data/reference/organisations.json into an empty table; idempotent. */
gboolean    xf_registry_ensure_organisations (XfRegistry      *self,
                                             GError          **error);

/* The actor recorded in history rows (account name); "" until accounts exist. */
void        xf_registry_set_actor           (XfRegistry       *self,
                                             const char       *actor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfChange, xf_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfOrganisationInfo, xf_organisation_info_free)

G_END_DECLS
