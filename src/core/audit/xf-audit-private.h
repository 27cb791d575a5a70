/* xf-audit-private.h — what the audit trail's files share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-audit.h"
#include "xf-db.h"

G_BEGIN_DECLS

/* The columns of audit_log in the order every reader selects them. */
#define XF_AUDIT_COLUMNS \
  "seq, at, actor_login, actor_name, action, record_type, record_uid, " \
  "record_label, field, old_value, new_value, prev_hash, hash"

enum
{
  XF_AUDIT_COL_SEQ,
  XF_AUDIT_COL_AT,
  XF_AUDIT_COL_ACTOR_LOGIN,
  XF_AUDIT_COL_ACTOR_NAME,
  XF_AUDIT_COL_ACTION,
  XF_AUDIT_COL_RECORD_TYPE,
  XF_AUDIT_COL_RECORD_UID,
  XF_AUDIT_COL_RECORD_LABEL,
  XF_AUDIT_COL_FIELD,
  XF_AUDIT_COL_OLD_VALUE,
  XF_AUDIT_COL_NEW_VALUE,
  XF_AUDIT_COL_PREV_HASH,
  XF_AUDIT_COL_HASH,
  XF_AUDIT_N_COLUMNS
};

/* The texts an entry's hash covers after prev_hash, seq and at, in order. */
#define XF_AUDIT_N_TEXTS 9

/* SHA-256 of entries, reusing one checksum and one buffer (no allocation per entry). */
typedef struct
{
  GChecksum *checksum;
  GString   *buffer;
  char       hex[65];
} XfAuditHasher;

void        _xf_audit_hasher_init  (XfAuditHasher      *hasher);
void        _xf_audit_hasher_clear (XfAuditHasher      *hasher);
/* The hex hash (valid until the next call) of an entry with these fields;
 * @texts are actor_login … new_value (XF_AUDIT_N_TEXTS, NULL for SQL NULL). */
const char *_xf_audit_hasher_hash  (XfAuditHasher      *hasher,
                                    const char         *prev_hash,
                                    gint64              seq,
                                    gint64              at,
                                    const char * const *texts);

/* The entry of the current row of a statement selecting XF_AUDIT_COLUMNS. */
XfAuditEntry *_xf_audit_entry_from_row (XfDbStmt *stmt);

/* The database's uid from database_info, or NULL with @error. */
char         *_xf_audit_get_database_uid (XfDb    *db,
                                          GError **error);

/* Local "YYYY-MM-DD HH:MM" of an ISO 8601 instant, for messages. */
char         *_xf_audit_format_recorded_at (const char *iso);

/* The chain of @db alone, neither comparing nor recording the head kept
 * outside the database: for a backup's copy (xf-backup.c). */
XfAuditVerification *_xf_audit_verify_chain (XfDb          *db,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Records @db's head as it is, even behind the one recorded before: after
 * a restore went back to a backup (xf-backup.c). */
gboolean             _xf_audit_reset_head   (XfDb          *db,
                                             GError       **error);

G_END_DECLS
