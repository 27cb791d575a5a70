/* xf-registry-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"
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
 * Shared by the parts of XfRegistry (xf-registry.c, xf-registry-honours.c,
 * xf-registry-organisations.c).
 */
XfDb      *_xf_registry_get_db         (XfRegistry            *self);
const char *_xf_registry_get_actor     (XfRegistry            *self);
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
 * history row per field that differs. */
gboolean   _xf_registry_write_update   (XfRegistry            *self,
                                        XfPioneer             *old,
                                        XfPioneer             *next,
                                        GError               **error);
/* Inserts @next, filling its id, and records its fields in the history. */
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
gboolean   _xf_registry_record_change  (XfRegistry            *self,
                                        gint64                 pioneer_id,
                                        gint64                 when,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfRegistrySql, _xf_registry_sql_free)

G_END_DECLS
