/* xf-registry-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"
#include "xf-permission.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * Shared by the registry and its list model: how pioneer rows map to
 * records, and how a query becomes SQL.
 */

/* A pioneers column and the XfPioneer property it fills. */
typedef struct
{
  const char *column;
  const char *property;
} XfPioneerColumn;

/* Every stored column, "id" first. */
extern const XfPioneerColumn _xf_pioneer_columns[];
extern const guint _xf_pioneer_n_columns;

/* The columns of a summary (see xf-registry-list.h), in this order; the
 * organisation name is read from the column after them. */
typedef enum
{
  XF_SUMMARY_ID,
  XF_SUMMARY_UID,
  XF_SUMMARY_KIND,
  XF_SUMMARY_NAME,
  XF_SUMMARY_GENDER,
  XF_SUMMARY_BIRTH_DATE,
  XF_SUMMARY_EMPLOYER,
  XF_SUMMARY_TIER,
  XF_SUMMARY_REGION_CODE,
  XF_SUMMARY_ORGANISATION_ID,
  XF_SUMMARY_INDUSTRY,
  XF_SUMMARY_HONOURS_COUNT,
  XF_SUMMARY_STATUS,
  XF_SUMMARY_N_COLUMNS,
} XfSummaryColumn;

extern const XfPioneerColumn _xf_summary_columns[XF_SUMMARY_N_COLUMNS];

/* "p.id, p.uid, …" for the given columns. */
char      *_xf_registry_select_list   (const XfPioneerColumn *columns,
                                       guint                  n_columns);
/* Fills a new record from columns first_column … of a row, then
 * "organisation-name" from the next column. */
XfPioneer *_xf_registry_read_pioneer  (XfDbStmt              *stmt,
                                       const XfPioneerColumn *columns,
                                       guint                  n_columns,
                                       int                    first_column);

/*
 * A query as SQL: a FROM clause naming the pioneers table "p", a WHERE
 * clause, and the values of its $n parameters. Search text is resolved
 * here: 1-2 characters through pioneer_grams, 3 or more through the FTS5
 * trigram index. When the search matches few rows the matches drive the
 * query (CROSS JOIN keeps SQLite from scanning a sort index instead);
 * when it matches many, the sort index is scanned and each row probed.
 */
typedef struct _XfRegistrySql XfRegistrySql;

XfRegistrySql *_xf_registry_sql_new        (XfDb                  *db,
                                            const XfRegistryQuery *query,
                                            GError               **error);
void           _xf_registry_sql_free       (XfRegistrySql         *self);
const char    *_xf_registry_sql_get_from   (XfRegistrySql         *self);
const char    *_xf_registry_sql_get_where  (XfRegistrySql         *self);
/* Whether the search matches drive the query (see above). */
gboolean       _xf_registry_sql_is_driven  (XfRegistrySql         *self);
/* Whether the sort's index alone answers the query in order: no search,
 * one status, and filters only on kind or (with one code) the sort key. */
gboolean       _xf_registry_sql_is_covered (XfRegistrySql         *self);
/* Parameters: each add returns the number to write as $n. */
int            _xf_registry_sql_add_text   (XfRegistrySql         *self,
                                            const char            *value);
int            _xf_registry_sql_add_int64  (XfRegistrySql         *self,
                                            gint64                 value);
int            _xf_registry_sql_get_n_params (XfRegistrySql       *self);
/* Drops parameters added after the first n (a list's per-page keys). */
void           _xf_registry_sql_truncate_params (XfRegistrySql    *self,
                                            int                    n);
void           _xf_registry_sql_bind       (XfRegistrySql         *self,
                                            XfDbStmt              *stmt);
gint64         _xf_registry_sql_count      (XfRegistrySql         *self,
                                            XfDb                  *db,
                                            GError               **error);

/* The sort key expression over "p" (NULL for the name sort, whose key is
 * the name itself); *is_integer tells how to keep its value. */
const char    *_xf_registry_sort_key       (XfRegistrySort         sort,
                                            gboolean              *is_integer);
/* "key DIR, p.name DIR, p.id DIR": the query's order, or its reverse. */
char          *_xf_registry_sql_order_by   (const XfRegistryQuery *query,
                                            gboolean               reverse);

/*
 * Shared by the parts of XfRegistry (xf-registry.c, xf-registry-access.c,
 * xf-registry-write.c, xf-registry-honours.c, xf-registry-organisations.c).
 */
struct _XfRegistry
{
  GObject     parent_instance;
  XfStore    *store;
  XfDb       *db;
  XfAccount  *actor;
  /* SQL → XfDbStmt: the statements of every write, prepared once. */
  GHashTable *stmts;
  /* Organisation id → its code and ancestors (xf-registry-access.c);
   * NULL until first needed. */
  GHashTable *organisations;
  /* Whether the current write is a savepoint inside a caller's transaction. */
  gboolean    nested;
  /* Off only in the audit cost benchmark. */
  gboolean    audit_enabled;
};

XfDb      *_xf_registry_get_db         (XfRegistry            *self);
/* (transfer none): @sql prepared once per registry and kept; reset it
 * (xf_db_stmt_reset, or xf_db_stmt_run does) before it is asked again. */
XfDbStmt  *_xf_registry_prepare        (XfRegistry            *self,
                                        const char            *sql,
                                        GError               **error);
/* One write: a transaction, or a savepoint inside a caller's transaction. */
gboolean   _xf_registry_begin          (XfRegistry            *self,
                                        GError               **error);
gboolean   _xf_registry_commit         (XfRegistry            *self,
                                        GError               **error);
void       _xf_registry_rollback       (XfRegistry            *self);
void       _xf_registry_emit_changed   (XfRegistry            *self,
                                        gint64                 pioneer_id);
/* The stored row with its organisation name; NOT_FOUND when it is gone. */
XfPioneer *_xf_registry_load           (XfRegistry            *self,
                                        gint64                 id,
                                        GError               **error);
/* Writes @next over the row of @old (version checked) and records one
 * audit entry per field that differs, as @action. */
gboolean   _xf_registry_write_update   (XfRegistry            *self,
                                        XfPioneer             *old,
                                        XfPioneer             *next,
                                        const char            *action,
                                        GError               **error);
/* One save as xf_registry_save_pioneer() makes it, inside the caller's
 * write: permissions (PIONEER_CREATE, or PIONEER_EDIT at the old place and
 * the new), validation, the checks against other files, the row and its
 * audit entries, an update's recorded as @action. @stored: the row as
 * read in this write, or NULL to read it here. *written: the row as
 * written, NULL when an update changes nothing. */
gboolean   _xf_registry_save_one       (XfRegistry            *self,
                                        XfPioneer             *pioneer,
                                        XfPioneer             *stored,
                                        const char            *action,
                                        XfPioneer            **written,
                                        GError               **error);
/* Inserts @next, filling its id, and records its fields in the audit trail. */
gboolean   _xf_registry_write_insert   (XfRegistry            *self,
                                        XfPioneer             *next,
                                        GError               **error);
/* Whether any recorded field differs between the two. */
gboolean   _xf_registry_has_differences (XfPioneer            *old,
                                        XfPioneer             *next);
/* Duplicate identity number, credit code or uid; unknown organisation. */
gboolean   _xf_registry_check_others   (XfRegistry            *self,
                                        XfPioneer             *next,
                                        GError               **error);
/* One audit entry about @pioneer (its uid and name), inside the write. */
gboolean   _xf_registry_record_change  (XfRegistry            *self,
                                        XfPioneer             *pioneer,
                                        const char            *action,
                                        const char            *field,
                                        const char            *old_value,
                                        const char            *new_value,
                                        GError               **error);
/* The tier the honours give and their number. */
gboolean   _xf_registry_honour_tier    (XfRegistry            *self,
                                        gint64                 pioneer_id,
                                        const char           **tier,
                                        int                   *count,
                                        GError               **error);

/*
 * Permissions and personal data (xf-registry-access.c).
 */
/* Refuses when the actor may do @op nowhere: before any reading. */
gboolean   _xf_registry_check_anywhere (XfRegistry            *self,
                                        XfOperation            op,
                                        GError               **error);
/* @op at @pioneer's place: its region code and organisation (with the
 * organisation's ancestors). */
gboolean   _xf_registry_check_pioneer  (XfRegistry            *self,
                                        XfOperation            op,
                                        XfPioneer             *pioneer,
                                        GError               **error);
/* Masks @pioneer's identity number and mobile unless the actor may see
 * them at its place. */
void       _xf_registry_mask_personal  (XfRegistry            *self,
                                        XfPioneer             *pioneer);
/* Where @edited still holds the masked text of @stored's identity number
 * or mobile, puts the stored value back. */
void       _xf_registry_keep_personal  (XfPioneer             *edited,
                                        XfPioneer             *stored);
/* "id-number" and "mobile". */
gboolean   _xf_registry_is_personal    (const char            *property);
/* The masked text of a personal value: an 18-character identity number
 * keeps its first 6 and last 4, an 11-digit mobile its first 3 and last 4,
 * anything shorter its last 2. */
char      *_xf_registry_mask_value     (const char            *property,
                                        const char            *value);
/* Drops what is known of the organisations (after they were loaded). */
void       _xf_registry_forget_organisations (XfRegistry      *self);

/*
 * Bulk writes and the benchmark (tests/bench/bench-audit-cost.c).
 */
/* Saves each of @pioneers as xf_registry_save_pioneer() does, all in one
 * transaction: all or nothing. */
gboolean   _xf_registry_save_many      (XfRegistry            *self,
                                        XfPioneer            **pioneers,
                                        guint                  n_pioneers,
                                        GError               **error);
/* FOR THE BENCHMARK ONLY: writes without audit entries, to measure what the
 * audit trail costs. Nothing else may turn the audit trail off. */
void       _xf_registry_set_audit_enabled (XfRegistry         *self,
                                        gboolean               enabled);
gboolean   _xf_registry_get_audit_enabled (XfRegistry         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfRegistrySql, _xf_registry_sql_free)

G_END_DECLS
