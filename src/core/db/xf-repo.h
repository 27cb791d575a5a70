/* xf-repo.h — what every repository does the same way: statements,
 *             transactions, audit, permissions, row collection, text checks
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-account.h"
#include "xf-audit.h"
#include "xf-permission.h"
#include "xf-stmt-cache.h"

G_BEGIN_DECLS

/*
 * A plain struct embedded in a repository object (XfCare, XfCultivation)
 * so that each does not grow its own copy of prepare/begin/end/audit. The
 * repository initialises it with xf_repo_init () and clears it in dispose.
 * Writes: xf_repo_begin (), then xf_repo_end (ok) commits when @ok (or
 * rolls back), a savepoint when inside a caller's transaction.
 */
typedef struct
{
  XfDb        *db;
  XfAccount   *actor;
  XfStmtCache *stmts;
  const char  *savepoint;   /* static string, a valid SQL identifier */
  gboolean     nested;      /* the current write is a savepoint inside a caller's */
} XfRepo;

void        xf_repo_init        (XfRepo      *repo,
                                 XfDb        *db,
                                 XfAccount   *actor,
                                 const char  *savepoint);
void        xf_repo_clear       (XfRepo      *repo);

/* (transfer none) prepared once and kept; reset before it is handed out. */
XfDbStmt   *xf_repo_prepare     (XfRepo      *repo,
                                 const char  *sql,
                                 GError     **error);
gboolean    xf_repo_begin       (XfRepo      *repo,
                                 GError     **error);
/* Commits when @ok (returns whether the commit worked), else rolls back
 * and returns FALSE. The caller emits its ::changed after TRUE. */
gboolean    xf_repo_end         (XfRepo      *repo,
                                 gboolean     ok,
                                 GError     **error);
/* One audit entry as the actor, inside the current write. */
gboolean    xf_repo_audit       (XfRepo      *repo,
                                 const char  *action,
                                 const char  *record_type,
                                 const char  *record_uid,
                                 const char  *record_label,
                                 const char  *field,
                                 const char  *old_value,
                                 const char  *new_value,
                                 GError     **error);
typedef struct
{
  const char *field;
  const char *before;
  const char *after;
} XfRepoFieldChange;
/* An XF_AUDIT_UPDATE entry for each field that changed. */
gboolean    xf_repo_audit_fields (XfRepo                  *repo,
                                 const char              *record_type,
                                 const char              *record_uid,
                                 const char              *record_label,
                                 const XfRepoFieldChange *fields,
                                 guint                    n_fields,
                                 GError                 **error);
/* @op anywhere at all (operations not about one place). */
gboolean    xf_repo_check_somewhere (XfRepo     *repo,
                                 XfOperation  op,
                                 GError     **error);
/* @op at a region code (NULL: anywhere). */
gboolean    xf_repo_check_region (XfRepo     *repo,
                                 XfOperation  op,
                                 const char  *region_code,
                                 GError     **error);
gboolean    xf_repo_allows_region (XfRepo    *repo,
                                 XfOperation  op,
                                 const char  *region_code);
/* Holds row @id of @table until the write ends (PostgreSQL FOR UPDATE). */
gboolean    xf_repo_lock        (XfRepo      *repo,
                                 const char  *table,
                                 gint64       id,
                                 GError     **error);
gboolean    xf_repo_query_int64 (XfRepo      *repo,
                                 const char  *sql,
                                 gint64       param,
                                 gint64      *value,
                                 GError     **error);

/* A new record from the current row of @stmt. */
typedef gpointer (*XfRepoRowFunc) (XfDbStmt *stmt,
                                   gpointer  user_data);
/* Every row of the bound @stmt through @from_row into an array freeing
 * them with @free_func; resets @stmt. NULL on error. */
GPtrArray  *xf_repo_collect     (XfRepo        *repo,
                                 XfDbStmt      *stmt,
                                 XfRepoRowFunc  from_row,
                                 gpointer       user_data,
                                 GDestroyNotify free_func,
                                 GError       **error);
/* The first row through @from_row; resets @stmt. NULL on error, or
 * XF_ERROR_NOT_FOUND "WHAT ID does not exist" when there is none. */
gpointer    xf_repo_fetch_one   (XfRepo        *repo,
                                 XfDbStmt      *stmt,
                                 XfRepoRowFunc  from_row,
                                 gpointer       user_data,
                                 const char    *what,
                                 gint64         id,
                                 GError       **error);

/* Now in UTC µs, on the day $XIANFENG_TODAY names when set (tests, demo). */
gint64      xf_repo_now         (void);
/* Today as YYYY-MM-DD, local, following $XIANFENG_TODAY (transfer full). */
char       *xf_repo_today       (void);
/* The actor's name for records (display name, else login). */
const char *xf_repo_actor_name  (XfRepo      *repo);
const char *xf_repo_actor_login (XfRepo      *repo);

/* Trimmed valid text of at most @max_chars, or NULL with XF_ERROR_INVALID
 * "FIELD: this is required" / "FIELD: at most N characters, not M". A
 * NULL or empty optional text gives "". */
char       *xf_repo_check_text  (const char  *field,
                                 const char  *text,
                                 gboolean     required,
                                 guint        max_chars,
                                 GError     **error);
/* A YYYY-MM-DD date that exists, or XF_ERROR_INVALID "FIELD: “X” is not a
 * date (write it as 2026-03-02)". NULL/"" is allowed when !@required. */
gboolean    xf_repo_check_date  (const char  *field,
                                 const char  *date,
                                 gboolean     required,
                                 GError     **error);
/* The earliest date any record may bear: the founding of the People's
 * Republic (1 October 1949). */
#define XF_REPO_EARLIEST_DATE "1949-10-01"
/* A date (checked with xf_repo_check_date (); NULL or "" passes) not
 * before @earliest nor after @latest (either NULL: no bound; dates as
 * YYYY-MM-DD), else XF_ERROR_INVALID "FIELD: 1800-12-01 is before
 * 1949-10-01" / "FIELD: X is after Y". */
gboolean    xf_repo_check_date_range (const char  *field,
                                      const char  *date,
                                      const char  *earliest,
                                      const char  *latest,
                                      GError     **error);
/* A region filter: NULL, "" or digits (a code or the start of one), else
 * XF_ERROR_INVALID "Region: “X” is not a region code". */
gboolean    xf_repo_check_region_prefix (const char  *region_prefix,
                                         GError     **error);
/* "“text”" cut to 40 characters, for messages (transfer full). */
char       *xf_repo_quote       (const char  *text);

/* Binds @text, or NULL when @text is NULL or "". */
void        xf_repo_bind_text_or_null  (XfDbStmt   *stmt,
                                 int          index,
                                 const char  *text);
/* Binds @value, or NULL when @value <= 0 (ids). */
void        xf_repo_bind_id_or_null    (XfDbStmt   *stmt,
                                 int          index,
                                 gint64       value);

G_END_DECLS
