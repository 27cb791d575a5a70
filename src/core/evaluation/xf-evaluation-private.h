/* xf-evaluation-private.h — shared by the parts of XfEvaluation
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-audit.h"
#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-evaluation.h"
#include "xf-stmt-cache.h"

G_BEGIN_DECLS

/* The final stages, for SQL: "n.stage NOT IN " XF_FINAL_STAGES_SQL. */
#define XF_FINAL_STAGES_SQL \
  "('" XF_STAGE_CONFERRED "', '" XF_STAGE_DECLINED "', '" XF_STAGE_REJECTED "', " \
  "'" XF_STAGE_VETOED "', '" XF_STAGE_NOT_SELECTED "', '" XF_STAGE_WITHDRAWN "')"

/*
 * The parts: xf-evaluation.c (object, transactions, audit, permission
 * helpers), xf-evaluation-campaigns.c, xf-evaluation-nominations.c,
 * xf-evaluation-materials.c, xf-evaluation-committee.c,
 * xf-evaluation-results.c, xf-evaluation-deadlines.c.
 */
struct _XfEvaluation
{
  GObject     parent_instance;
  XfRegistry *registry;
  XfStore    *store;
  XfDb       *db;
  XfAccount  *actor;
  XfCalendar *calendar;
  /* Statements prepared once. */
  XfStmtCache *stmts;
  /* Whether the current write is a savepoint inside a caller's transaction. */
  gboolean    nested;
};

XfDb      *_xf_evaluation_get_db      (XfEvaluation  *self);
/* (transfer none): prepared once and kept; reset before asking again. */
XfDbStmt  *_xf_evaluation_prepare     (XfEvaluation  *self,
                                       const char    *sql,
                                       GError       **error);
/* One write: a transaction, or a savepoint inside a caller's. */
gboolean   _xf_evaluation_begin       (XfEvaluation  *self,
                                       GError       **error);
gboolean   _xf_evaluation_commit      (XfEvaluation  *self,
                                       GError       **error);
void       _xf_evaluation_rollback    (XfEvaluation  *self);
void       _xf_evaluation_emit_changed (XfEvaluation *self,
                                       gint64         campaign_id,
                                       gint64         nomination_id);
/* One audit entry as the actor, inside the current transaction. */
gboolean   _xf_evaluation_audit       (XfEvaluation  *self,
                                       const char    *action,
                                       const char    *record_type,
                                       const char    *record_uid,
                                       const char    *record_label,
                                       const char    *field,
                                       const char    *old_value,
                                       const char    *new_value,
                                       GError       **error);
/* XF_ERROR_PERMISSION_DENIED unless the actor may do @op somewhere
 * (for operations not about one candidate, e.g. campaigns). */
gboolean   _xf_evaluation_check_anywhere (XfEvaluation *self,
                                       XfOperation    op,
                                       GError       **error);
/* The same at the candidate's place (xf_registry_check on the pioneer). */
gboolean   _xf_evaluation_check_candidate (XfEvaluation *self,
                                       XfOperation    op,
                                       gint64         pioneer_id,
                                       GError       **error);
/* The actor's account id (0 for the local administrator). */
gint64     _xf_evaluation_actor_id    (XfEvaluation  *self);
/* The actor's name for records (display name, else login). */
const char *_xf_evaluation_actor_name (XfEvaluation  *self);
/* Inside a write: holds row @id of @table (a table name, not input) until
 * the transaction ends, so that what is checked after this stays true
 * until commit while another desk writes the same record. (SQLite's
 * BEGIN IMMEDIATE holds the whole database already; PostgreSQL locks the
 * row.) Call it before reading what the write depends on. */
gboolean   _xf_evaluation_lock        (XfEvaluation  *self,
                                       const char    *table,
                                       gint64         id,
                                       GError       **error);
/* The first column of the first row of @sql run with $1 = @param (0 when
 * there is no row) into *value. */
gboolean   _xf_evaluation_query_int64 (XfEvaluation  *self,
                                       const char    *sql,
                                       gint64         param,
                                       gint64        *value,
                                       GError       **error);
/* The first column of every row of the bound @stmt (element-type gint64),
 * read to the end and reset; NULL on error. Read ids before writing with
 * them: a statement is not stepped while others run. */
GArray    *_xf_evaluation_collect_ids (XfDbStmt   *stmt,
                                       GError       **error);
/* The same for @sql run with $1 = @param. */
GArray    *_xf_evaluation_query_ids   (XfEvaluation  *self,
                                       const char    *sql,
                                       gint64         param,
                                       GError       **error);
/* XF_ERROR_NOT_FOUND naming the record kind and id. */
void       _xf_evaluation_set_not_found (GError     **error,
                                       const char    *what,
                                       gint64         id);

/* xf-evaluation-materials.c: files kept in the database as base64 with
 * the SHA-256 (hex) of their bytes (a nomination's materials, an
 * objection's files). */
/* XF_ERROR_INVALID unless @name (trimmed) is a file's own name and
 * @content is there and at most XF_MATERIAL_MAX_SIZE. */
gboolean   _xf_evaluation_check_file  (const char    *name,
                                       GBytes        *content,
                                       GError       **error);
/* Inside a write: inserts the checked file into @table (a table name, not
 * input, with columns uid, @owner_column, file_name, content_type, size,
 * sha256, content, added_at, added_by) as the actor. Returns the audit
 * description, "name (SHA-256 …)": the fingerprint, never the content. */
char      *_xf_evaluation_store_file  (XfEvaluation  *self,
                                       const char    *table,
                                       const char    *owner_column,
                                       gint64         owner_id,
                                       const char    *name,
                                       const char    *content_type,
                                       GBytes        *content,
                                       GError       **error);
/* The stored base64 @content decoded, checked against @sha256
 * (XF_ERROR_CORRUPT naming @file_name when it does not match). */
GBytes    *_xf_evaluation_decode_file (const char    *file_name,
                                       const char    *sha256,
                                       const char    *content,
                                       GError       **error);

/* xf-evaluation-campaigns.c: the stored campaign (committee not loaded). */
XfCampaign *_xf_evaluation_load_campaign (XfEvaluation *self,
                                       gint64         campaign_id,
                                       GError       **error);
/* Automatic conflicts between @members and one nomination (element-type
 * XfConflict); pure apart from reading the candidate. */
GPtrArray  *_xf_evaluation_detect_conflicts (XfEvaluation *self,
                                       GPtrArray     *members,
                                       XfNomination  *nomination,
                                       GError       **error);

/* xf-evaluation-nominations.c: the stored nomination with its joins,
 * case included (no withholding: for the repository's own use). */
XfNomination *_xf_evaluation_load_nomination (XfEvaluation *self,
                                       gint64         nomination_id,
                                       GError       **error);
/* Inside a transaction: checks @action against the stage (xf-workflow),
 * closes the open timeline row, moves the nomination to @to_stage
 * (version bumped; decided_on set for final stages), opens the new row
 * with its budget and due date, and audits stage and reason. Used by
 * the committee when a round closes and by the deadlines' notice closing.
 * Permissions are the caller's to check. */
gboolean   _xf_evaluation_move        (XfEvaluation  *self,
                                       XfNomination  *nomination,
                                       XfAction       action,
                                       const char    *to_stage,
                                       const char    *note,
                                       GError       **error);

/* xf-evaluation-committee.c: the open round's id holding @nomination_id,
 * 0 when none. */
gint64     _xf_evaluation_open_round_of (XfEvaluation *self,
                                       gint64         nomination_id,
                                       GError       **error);
/* Whether the actor, a committee member, has declared for the nomination
 * in its open round (TRUE when not a member or not in an open round). */
gboolean   _xf_evaluation_may_see_case (XfEvaluation *self,
                                       XfNomination  *nomination);

/* xf-evaluation-stages.c, for the notice board (schema 4): open
 * objections on a nomination. */
gboolean   _xf_evaluation_count_open_objections (XfEvaluation *self,
                                       gint64         nomination_id,
                                       gint64        *count,
                                       GError       **error);
/* Inside a write: notice → decision because its notice's period has run
 * (no min-days check here: the notice's period stands for it); refused
 * with XF_ERROR_WORKFLOW while an objection is open. Permission: the
 * caller's. */
gboolean   _xf_evaluation_close_notice_of (XfEvaluation *self,
                                       XfNomination  *nomination,
                                       const char    *note,
                                       GError       **error);

/* Record property setters for the repository (xf-nomination.c,
 * xf-campaign.c): fill stored fields. */
void       _xf_nomination_set_stored  (XfNomination  *self,
                                       gint64         id,
                                       const char    *uid,
                                       gint64         version);

G_END_DECLS
