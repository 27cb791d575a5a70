/* xf-audit.h — the tamper-evident audit trail
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-account.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Table audit_log (migration 0002): one row per event and changed field,
 * numbered by seq from 1 without gaps. Each row's hash is the SHA-256 (hex)
 * of the previous row's hash ("" before the first) and the row's own
 * fields, in a fixed, length-prefixed encoding (xf-audit.c says how), so
 * editing, deleting or inserting a row breaks the chain from there on.
 * The table is insert-only for the application: triggers refuse UPDATE and
 * DELETE on both backends, and on PostgreSQL the owning role also gives up
 * its UPDATE, DELETE and TRUNCATE rights on it.
 *
 * Appending happens inside the caller's write transaction (so an event is
 * recorded exactly when its change is committed); on PostgreSQL it first
 * takes a transaction-level advisory lock so that desks append one at a
 * time, and the chain has no forks.
 *
 * The chain's head (seq and hash) is also written outside the database at
 * each verification and backup: $XDG_STATE_HOME/xianfeng/audit-heads/<database
 * uid>.json (the uid is in database_info, made by migration 0002). A later
 * verification that finds fewer rows, or another hash at that seq, reports
 * that the newest entries were removed or replaced.
 */

/* Actions (stable codes). */
#define XF_AUDIT_CREATE            "create"
#define XF_AUDIT_UPDATE            "update"
#define XF_AUDIT_ARCHIVE           "archive"
#define XF_AUDIT_RESTORE           "restore"
#define XF_AUDIT_HONOUR_ADD        "honour-add"
#define XF_AUDIT_HONOUR_REMOVE     "honour-remove"
#define XF_AUDIT_REVEAL            "reveal"
#define XF_AUDIT_SIGN_IN           "sign-in"
#define XF_AUDIT_SIGN_IN_FAILED    "sign-in-failed"
#define XF_AUDIT_LOCKED_OUT        "locked-out"
#define XF_AUDIT_SIGN_OUT          "sign-out"
#define XF_AUDIT_PASSWORD_CHANGE   "password-change"
#define XF_AUDIT_PASSWORD_RESET    "password-reset"
#define XF_AUDIT_LEGACY            "legacy"   /* history adopted from schema 1 */
#define XF_AUDIT_EXPORT            "export"   /* record_type "audit": the trail was exported */
/* Evaluation (record types "campaign", "nomination", "round"). */
#define XF_AUDIT_STAGE             "stage"        /* field "stage": old → new, the reason as a second entry "reason" */
#define XF_AUDIT_COMMITTEE         "committee"    /* the committee was replaced */
#define XF_AUDIT_MATERIAL_ADD      "material-add"
#define XF_AUDIT_MATERIAL_REMOVE   "material-remove"
#define XF_AUDIT_CHECKLIST         "checklist"
#define XF_AUDIT_SIGN_OFF          "sign-off"     /* field: the department code; new value cleared | vetoed */
#define XF_AUDIT_ROUND_OPEN        "round-open"
#define XF_AUDIT_ROUND_CLOSE       "round-close"
#define XF_AUDIT_DECLARE           "declare"
#define XF_AUDIT_SCORE             "score"        /* field: the criterion code */
#define XF_AUDIT_VOTE              "vote"
#define XF_AUDIT_REMIND            "remind"
#define XF_AUDIT_TIE               "tie"          /* the chair's order of a tie */
/* Notice board (record types "notice", "objection"; create and update as above). */
#define XF_AUDIT_CANDIDATE_ADD     "candidate-add"     /* field: the nomination uid */
#define XF_AUDIT_CANDIDATE_REMOVE  "candidate-remove"
#define XF_AUDIT_PUBLISH           "publish"           /* new value: the period "starts_on/ends_on" */
#define XF_AUDIT_NOTICE_CLOSE      "notice-close"      /* new value: "automatic" or "by hand" */
#define XF_AUDIT_WITHDRAW          "withdraw"          /* new value: the reason */
#define XF_AUDIT_OBJECTION_ASSIGN  "objection-assign"  /* old → new handler login */
#define XF_AUDIT_OBJECTION_NOTE    "objection-note"
#define XF_AUDIT_OBJECTION_FILE    "objection-file"    /* new value: the file name and SHA-256 */
#define XF_AUDIT_OBJECTION_DECIDE  "objection-decide"  /* new value: the outcome; the reason as a second entry */
#define XF_AUDIT_OBJECTION_REPLY   "objection-reply"   /* new value: channel and date */
/* Services (record types "service-item", "service-offer", "service-request",
 * "apprenticeship", "activity"): */
#define XF_AUDIT_SERVICE_STATUS    "service-status"    /* field "status": old → new; the reason or note as a second entry "reason" */
#define XF_AUDIT_SERVICE_CLAIM     "service-claim"     /* new value: the pioneer uid and how (claim, booking, assignment) */
#define XF_AUDIT_SERVICE_FEEDBACK  "service-feedback"  /* new value: "rating N, liked" (never the requester's contact) */
#define XF_AUDIT_FOLLOW_UP         "follow-up"         /* a complaint's follow-up closed; new value: the note */
#define XF_AUDIT_CHECK_IN          "check-in"          /* an apprenticeship check-in; new value: the date */
#define XF_AUDIT_ATTENDANCE        "attendance"        /* field: the participant's name; new value "attended" | "absent" */
/* Ranking (record types "index-weights", "ranking", "engagement"): */
#define XF_AUDIT_INDEX_WEIGHTS     "index-weights"     /* record uid: the first month in force; field: a component; old → new "weight 0.2, caps 1/50" */
#define XF_AUDIT_RANKING_COMPUTE   "ranking-compute"   /* record uid: the month; new value "automatic" | "by hand" | "recomputed" */
#define XF_AUDIT_EVENTS_IMPORT     "events-import"     /* new value: "N added, M ignored as duplicates" and the file's name */
/* Data exchange (record types "pioneer", "honour", "organisation",
 * "import", "export", "database"): */
#define XF_AUDIT_IMPORT            "import"            /* one per record created by an import; new value: "FILE line N" */
#define XF_AUDIT_IMPORT_FILE       "import-file"       /* record type "import": the file's name; new value: "N created, M merged, K left out; sha256 …" */
#define XF_AUDIT_IMPORT_MAPPING    "import-mapping"    /* record type "import": a remembered mapping; new value: the headers → fields */
#define XF_AUDIT_EXPORT            "export"            /* record type "export": the kind and format; new value: "N rows[, with personal data]" */
#define XF_AUDIT_BULK_EDIT         "bulk-edit"         /* per pioneer: field, old → new, as an update made by a bulk edit */
#define XF_AUDIT_BACKUP            "backup"            /* record type "database": new value: the backup's file name, "scheduled" or "by hand" */
#define XF_AUDIT_RESTORE           "restore"           /* record type "database": new value: the backup restored and the safety copy kept */
#define XF_AUDIT_ARCHIVE_EXPORT    "archive-export"    /* record type "database": new value: the archive's file name and row count */
/* Cultivate and care (record types "cultivation-plan", "training-course",
 * "care-programme", "care-profile", "care-batch", "care-record",
 * "hardship-case", "care-visit", "care-view"): */
#define XF_AUDIT_CARE_STATUS       "care-status"       /* field "status" (or "member:PIONEER-UID"): old → new; a reason as a second entry "reason" */
#define XF_AUDIT_GOAL              "goal"              /* a plan's goal added, achieved or removed; field: the goal's title */
#define XF_AUDIT_REVIEW_ADD        "review-add"        /* a plan's yearly review; new value "2026: good, ready" */
#define XF_AUDIT_TRAINING_RESULT   "training-result"   /* field: the participant's uid; new value "passed, 24 h" */
#define XF_AUDIT_APPROVE           "approve"           /* hardship: field "first" | "final"; new value: the amount in yuan */
#define XF_AUDIT_PAYMENT           "payment"           /* hardship: new value "¥1,200.00 on 2026-03-02 (voucher …)" */

typedef struct
{
  gint64  seq;
  gint64  at;            /* UTC µs */
  char   *actor_login;   /* "local" for the local administrator */
  char   *actor_name;
  char   *action;        /* one of the codes above */
  char   *record_type;   /* "pioneer", "account", "session", … */
  char   *record_uid;    /* NULL for events about no record */
  char   *record_label;  /* a name to show (the pioneer's, the account's login) */
  char   *field;         /* property name, or NULL */
  char   *old_value;
  char   *new_value;
  char   *prev_hash;
  char   *hash;
} XfAuditEntry;

XfAuditEntry *xf_audit_entry_new  (void);
void          xf_audit_entry_free (XfAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfAuditEntry, xf_audit_entry_free)

/*
 * Appending, inside a transaction of @db (g_return_val_if_fail otherwise).
 * @entry's seq, at (when 0: now), prev_hash and hash are filled in;
 * actor_login/actor_name come from @actor.
 */
gboolean  xf_audit_append        (XfDb          *db,
                                  XfAccount     *actor,
                                  XfAuditEntry  *entry,
                                  GError       **error);
/* The same, for the common case of one changed field. */
gboolean  xf_audit_append_change (XfDb          *db,
                                  XfAccount     *actor,
                                  const char    *action,
                                  const char    *record_type,
                                  const char    *record_uid,
                                  const char    *record_label,
                                  const char    *field,
                                  const char    *old_value,
                                  const char    *new_value,
                                  GError       **error);

/*
 * Reading (XF_OP_AUDIT_READ for xf_audit_query and export; a pioneer's own
 * history is read through xf_registry_list_changes, which needs only
 * XF_OP_REGISTRY_READ).
 */
typedef struct
{
  const char *actor_login;   /* NULL: anyone */
  const char *record_uid;    /* NULL: any record */
  const char *action;        /* NULL: any */
  gint64      from;          /* UTC µs, 0: from the start */
  gint64      to;            /* UTC µs, 0: up to now (exclusive) */
} XfAuditFilter;

/* (element-type XfAuditEntry) newest first; @limit 0 means all. */
GPtrArray *xf_audit_query        (XfStore             *store,
                                  XfAccount           *actor,
                                  const XfAuditFilter *filter,
                                  guint                offset,
                                  guint                limit,
                                  GError             **error);
gint64     xf_audit_count        (XfStore             *store,
                                  XfAccount           *actor,
                                  const XfAuditFilter *filter,
                                  GError             **error);
/* CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs), oldest first,
 * header: seq,at,actor_login,actor_name,action,record_type,record_uid,
 * record_label,field,old_value,new_value,hash. The export is audited. */
gboolean   xf_audit_export_csv   (XfStore             *store,
                                  XfAccount           *actor,
                                  const XfAuditFilter *filter,
                                  GOutputStream       *out,
                                  GCancellable        *cancellable,
                                  GError             **error);

/*
 * Verification: walks the whole chain in seq order (streaming, flat memory).
 */
typedef enum
{
  XF_AUDIT_OK,
  XF_AUDIT_EDITED,       /* a row's fields no longer match its hash */
  XF_AUDIT_DELETED,      /* a seq is missing */
  XF_AUDIT_INSERTED,     /* a row does not link to the one before it */
  XF_AUDIT_TRUNCATED,    /* the recorded head is beyond the last row, or differs */
} XfAuditProblem;

typedef struct
{
  XfAuditProblem problem;
  gint64         seq;        /* the first broken link (or the recorded head for TRUNCATED) */
  gint64         n_entries;  /* rows checked */
  char          *message;    /* translated, names the seq and what is wrong */
} XfAuditVerification;

void       xf_audit_verification_free (XfAuditVerification *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfAuditVerification, xf_audit_verification_free)

typedef void (*XfAuditProgressFunc) (gint64 done, gint64 total, gpointer user_data);

/* NULL with @error only when the check could not run (I/O, permission);
 * a broken chain is a result, not an error. When the chain is intact the
 * head is recorded outside the database (see above). */
XfAuditVerification *xf_audit_verify (XfStore             *store,
                                      XfAccount           *actor,
                                      XfAuditProgressFunc  progress,
                                      gpointer             user_data,
                                      GCancellable        *cancellable,
                                      GError             **error);
/* Records the head outside the database (also called by backups). */
gboolean   xf_audit_record_head  (XfStore             *store,
                                  GError             **error);

/* For XfStore, right after migration 2 in its transaction: gives the
 * database its uid and moves schema 1's pioneer_changes into the chain. */
gboolean   _xf_audit_adopt_legacy (XfDb               *db,
                                   GError            **error);

G_END_DECLS
