/* xf-registry.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-account.h"
#include "xf-permission.h"
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
 * naming the record), writes the row, appends one audit trail entry per
 * changed field (xf-audit.h, in the same transaction), and recomputes the
 * tier from the highest honour unless tier-manual is set (then tier-reason
 * is required). On any error nothing is written.
 *
 * A registry acts as one account, its actor (xf-permission.h): every
 * operation asks xf_permission_check() first, at the pioneer's place (its
 * region code, and its organisation's code with that organisation's
 * ancestors), and refuses with XF_ERROR_PERMISSION_DENIED before anything is
 * written. Reads need XF_OP_REGISTRY_READ; saving a new file
 * XF_OP_PIONEER_CREATE at its place; saving a stored one XF_OP_PIONEER_EDIT
 * at its old place and at its new one; archiving and restoring
 * XF_OP_PIONEER_ARCHIVE; adding and removing honours XF_OP_HONOUR_EDIT.
 *
 * Personal data: files handed out (get, and the records a save brings up to
 * date) carry the identity number and the mobile masked ("330502********1234",
 * "138****5678") when the actor lacks XF_OP_PERSONAL_VIEW at the file's
 * place; list and scan summaries carry neither. Saving a file whose masked
 * text was left as it was keeps the stored value; xf_registry_reveal_personal()
 * hands out one plain value (XF_OP_PERSONAL_REVEAL) and records that it did.
 *
 * Signal "changed" (gint64 pioneer_id) is emitted after each committed write,
 * so list models and open profiles can refresh.
 */

#define XF_TYPE_REGISTRY (xf_registry_get_type ())

G_DECLARE_FINAL_TYPE (XfRegistry, xf_registry, XF, REGISTRY, GObject)

XfRegistry *xf_registry_new                 (XfStore          *store,
                                             XfAccount        *actor);
XfStore    *xf_registry_get_store           (XfRegistry       *self);
XfAccount  *xf_registry_get_actor           (XfRegistry       *self);

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

/* Bulk edit (xf-registry-bulk.c): sets one field (a property of
 * xf_pioneer_list_fields, e.g. "organisation-id", "industry", "tags") to
 * @value on every pioneer of @ids, in ONE transaction. Each file is
 * validated and permission-checked as xf_registry_save_pioneer() would
 * (PIONEER_EDIT at its old and new place); any refusal refuses all, naming
 * the file. Files that already hold @value are left alone. Each change is
 * audited XF_AUDIT_BULK_EDIT (field, old → new). @progress gets 0..1; the
 * cancellable is checked between files and rolls back. @changed: (out)
 * (optional) the number of files changed. */
typedef void (*XfRegistryProgressFunc) (double   fraction,
                                        gpointer user_data);

gboolean    xf_registry_bulk_edit           (XfRegistry       *self,
                                             const gint64     *ids,
                                             guint             n_ids,
                                             const char       *field,
                                             const char       *value,
                                             XfRegistryProgressFunc progress,
                                             gpointer          user_data,
                                             GCancellable     *cancellable,
                                             guint            *changed,
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

/* Personal data ("id-number" or "mobile"). Whether files handed out to the
 * actor carry them masked, at @pioneer's place. */
/* Whether the actor may do @op to @pioneer where it is (its region and
 * organisation), so the UI can say why a button is off; FALSE with
 * XF_ERROR_PERMISSION_DENIED naming the account and the operation. */
gboolean    xf_registry_check               (XfRegistry       *self,
                                             XfOperation       op,
                                             XfPioneer        *pioneer,
                                             GError          **error);
/* xf_registry_check () on the file @pioneer_id (read first). */
gboolean    xf_registry_check_id            (XfRegistry       *self,
                                             XfOperation       op,
                                             gint64            pioneer_id,
                                             GError          **error);
/* XF_ERROR_INVALID "FIELD: a pioneer is required" for 0, or "FIELD: NAME
 * is not an active pioneer" unless the file is active. */
gboolean    xf_registry_check_active_id     (XfRegistry       *self,
                                             gint64            pioneer_id,
                                             const char       *field,
                                             GError          **error);
/* An organisation's code and its ancestors' codes, nearest first
 * (transfer none: valid until the registry rereads its organisations);
 * FALSE (both NULL) for 0 or an unknown id. */
gboolean    xf_registry_get_organisation_place (XfRegistry    *self,
                                             gint64            organisation_id,
                                             const char      **code,
                                             const char * const **ancestors);
gboolean    xf_registry_masks_personal      (XfRegistry       *self,
                                             XfPioneer        *pioneer);
/* The plain value of one file's field (NULL without error when it is not
 * recorded); XF_OP_PERSONAL_REVEAL, recorded in the audit trail as a
 * "reveal" of that field (without the value). */
char       *xf_registry_reveal_personal     (XfRegistry       *self,
                                             gint64            pioneer_id,
                                             const char       *field,
                                             GError          **error);

/* History of a file, newest first, from the audit trail: (transfer full)
 * GPtrArray of XfChange. Personal values are masked as in the file. */
typedef struct
{
  gint64  changed_at;
  char   *actor;      /* the account's display name (its login when it has none) */
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
/* Loads data/reference/organisations.json into an empty table; idempotent.
 * This is setup, not an edit: any actor who may read the registry may load
 * the list at a desk's first start; a table with rows is left as it is. */
gboolean    xf_registry_ensure_organisations (XfRegistry      *self,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfChange, xf_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfOrganisationInfo, xf_organisation_info_free)

G_END_DECLS
