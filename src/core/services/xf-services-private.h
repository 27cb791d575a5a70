/* xf-services-private.h — shared by the parts of XfServices
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-audit.h"
#include "xf-clock.h"
#include "xf-permission.h"
#include "xf-services.h"
#include "xf-stmt-cache.h"

G_BEGIN_DECLS

/* Record types in the audit trail. */
#define XF_RECORD_SERVICE_ITEM    "service-item"
#define XF_RECORD_SERVICE_OFFER   "service-offer"
#define XF_RECORD_SERVICE_REQUEST "service-request"
#define XF_RECORD_APPRENTICESHIP  "apprenticeship"
#define XF_RECORD_ACTIVITY        "activity"

/* The statuses before a final one, for SQL: "status IN " XF_REQUEST_ACTIVE_SQL. */
#define XF_REQUEST_ACTIVE_SQL \
  "('" XF_REQUEST_OPEN "', '" XF_REQUEST_BOOKED "', '" XF_REQUEST_CLAIMED "', '" XF_REQUEST_IN_PROGRESS "')"
#define XF_REQUEST_UNCLAIMED_SQL \
  "('" XF_REQUEST_OPEN "', '" XF_REQUEST_BOOKED "')"

/*
 * The parts: xf-services.c (object, transactions, audit, permissions,
 * timeline and engagement helpers), -catalogue, -offers, -requests,
 * -claims, -match, -feedback, -apprenticeships, -activities, -engagement,
 * -import.
 */
struct _XfServices
{
  GObject      parent_instance;
  XfRegistry  *registry;
  XfDb        *db;
  XfAccount   *actor;
  XfCalendar  *calendar;
  XfStmtCache *stmts;
  /* Whether the current write is a savepoint inside a caller's transaction. */
  gboolean     nested;
};

/* (transfer none) prepared once and kept; reset before it is handed out. */
XfDbStmt   *_xf_services_prepare   (XfServices  *self,
                                    const char  *sql,
                                    GError     **error);
/* One write: a transaction, or a savepoint inside a caller's. */
gboolean    _xf_services_begin     (XfServices  *self,
                                    GError     **error);
gboolean    _xf_services_commit    (XfServices  *self,
                                    GError     **error);
void        _xf_services_rollback  (XfServices  *self);
/* Ends a write: when @ok, commits and emits "changed" (see
 * _xf_services_emit_changed ()); otherwise, or when the commit fails,
 * rolls back. Returns whether the write is done. */
gboolean    _xf_services_end       (XfServices  *self,
                                    gboolean     ok,
                                    gint64       request_id,
                                    GError     **error);
/* After a committed write; @request_id 0 when not about a request. */
void        _xf_services_emit_changed (XfServices *self,
                                    gint64       request_id);
/* One audit entry as the actor, inside the current transaction. */
gboolean    _xf_services_audit     (XfServices  *self,
                                    const char  *action,
                                    const char  *record_type,
                                    const char  *record_uid,
                                    const char  *record_label,
                                    const char  *field,
                                    const char  *old_value,
                                    const char  *new_value,
                                    GError     **error);
/* One field of a record before and after an edit. */
typedef struct
{
  const char *field;
  const char *before;
  const char *after;
} XfServicesFieldChange;
/* An XF_AUDIT_UPDATE entry for each of the @n_fields that changed. */
gboolean    _xf_services_audit_fields (XfServices                  *self,
                                    const char                  *record_type,
                                    const char                  *record_uid,
                                    const char                  *record_label,
                                    const XfServicesFieldChange *fields,
                                    guint                        n_fields,
                                    GError                     **error);
/* XF_ERROR_PERMISSION_DENIED unless the actor may do @op somewhere. */
gboolean    _xf_services_check_anywhere (XfServices *self,
                                    XfOperation  op,
                                    GError     **error);
/* … at a region (a request's); NULL region: anywhere. */
gboolean    _xf_services_check_region (XfServices *self,
                                    XfOperation  op,
                                    const char  *region_code,
                                    GError     **error);
/* … at a pioneer's place (xf_registry_check on the file). */
gboolean    _xf_services_check_pioneer (XfServices *self,
                                    XfOperation  op,
                                    gint64       pioneer_id,
                                    GError     **error);
/* Whether the actor sees personal contacts at @region_code plainly
 * (PERSONAL_VIEW or SERVICE_DISPATCH there). */
gboolean    _xf_services_sees_contacts (XfServices *self,
                                    const char  *region_code);
/* "138••••5678" for a mobile, "••••" otherwise; NULL/"" stay as they are. */
char       *_xf_services_mask_contact (const char *contact);
/* Now in UTC µs, on the day $XIANFENG_TODAY names when it is set (tests,
 * demo): use this, not xf_db_now (), for anything compared with dates. */
gint64      _xf_services_now       (void);
/* The actor's name for records (display name, else login). */
const char *_xf_services_actor_name (XfServices *self);
/* Inside a write: holds row @id of @table until commit (PostgreSQL). */
gboolean    _xf_services_lock      (XfServices  *self,
                                    const char  *table,
                                    gint64       id,
                                    GError     **error);
gboolean    _xf_services_query_int64 (XfServices *self,
                                    const char  *sql,
                                    gint64       param,
                                    gint64      *value,
                                    GError     **error);
/* A new record from the current row of @stmt. */
typedef gpointer (*XfServicesRowFunc) (XfServices *self,
                                       XfDbStmt   *stmt);
/* Every row of the bound @stmt through @from_row, into an array that
 * frees them with @free_func; resets @stmt. NULL on error. */
GPtrArray  *_xf_services_collect   (XfServices        *self,
                                    XfDbStmt          *stmt,
                                    XfServicesRowFunc  from_row,
                                    GDestroyNotify     free_func,
                                    GError           **error);
/* The first row of the bound @stmt through @from_row; resets @stmt. NULL
 * on error, or with XF_ERROR_NOT_FOUND naming @what and @id when there is
 * no row. */
gpointer    _xf_services_fetch_one (XfServices        *self,
                                    XfDbStmt          *stmt,
                                    XfServicesRowFunc  from_row,
                                    const char        *what,
                                    gint64             id,
                                    GError           **error);
/* The rows of @sql, whose $1 is a pioneer's id (0: anyone's) and $2 a
 * code ('': any), through @from_row (see _xf_services_collect ()). */
GPtrArray  *_xf_services_list_for  (XfServices        *self,
                                    const char        *sql,
                                    gint64             pioneer_id,
                                    const char        *code,
                                    XfServicesRowFunc  from_row,
                                    GDestroyNotify     free_func,
                                    GError           **error);
/* In a row function: the text of column @col (then the next) into
 * @record->@field. */
#define XF_SERVICES_TAKE_TEXT(record, field, stmt, col) \
  G_STMT_START { g_free ((record)->field); (record)->field = xf_db_stmt_dup_text ((stmt), (col)++); } G_STMT_END
/* XF_ERROR_NOT_FOUND naming the record kind and id. */
void        _xf_services_set_not_found (GError  **error,
                                    const char  *what,
                                    gint64       id);
/* Inside a write: one line of a request's timeline. */
gboolean    _xf_services_add_event (XfServices  *self,
                                    gint64       request_id,
                                    const char  *kind,
                                    gint64       pioneer_id,
                                    const char  *detail,
                                    GError     **error);
/* Inside a write: one engagement event for the pioneer index, source "app",
 * source_id "@kind:@record_uid[:@pioneer_id]" so that the same act never
 * counts twice (a repeat is ignored, not an error). */
gboolean    _xf_services_record_engagement (XfServices *self,
                                    gint64       pioneer_id,
                                    const char  *kind,
                                    const char  *record_uid,
                                    double       value,
                                    GError     **error);
/* Whether @pioneer_id is an active pioneer (XF_ERROR_INVALID naming
 * @field otherwise, or XF_ERROR_NOT_FOUND). */
gboolean    _xf_services_check_active_pioneer (XfServices *self,
                                    gint64       pioneer_id,
                                    const char  *field,
                                    GError     **error);
/* The catalogue item's id for @code, 0 with XF_ERROR_INVALID naming
 * "Service item" when unknown (or inactive unless @allow_inactive). */
gint64      _xf_services_item_id   (XfServices  *self,
                                    const char  *code,
                                    gboolean     allow_inactive,
                                    GError     **error);
/* The trimmed text, or XF_ERROR_INVALID "@field: …" when empty (and
 * @required) or longer than @max_chars characters. (transfer full) */
char       *_xf_services_check_text (const char *field,
                                    const char  *text,
                                    gboolean     required,
                                    guint        max_chars,
                                    GError     **error);

/* What the user gave, fit to quote in a message: invalid bytes replaced,
 * at most 40 characters ("…" after). (transfer full) */
char       *_xf_services_quote (const char *text);

/* xf-services-catalogue.c: seeds an empty catalogue (inside no write). */
gboolean    _xf_services_ensure_catalogue (XfServices *self,
                                    GError     **error);
/* xf-services-catalogue.c, for tests and fuzzing: the items of a
 * catalogue file held in @data, as the shipped one is read (file order,
 * id 0); XF_ERROR_CORRUPT naming @name when it is not one.
 * (element-type XfServiceItem) (transfer full) */
GPtrArray  *_xf_services_parse_catalogue (GBytes     *data,
                                    const char  *name,
                                    GError     **error);
/* xf-services-requests.c: the stored request (contact unmasked, no events). */
XfServiceRequest *_xf_services_load_request (XfServices *self,
                                    gint64       request_id,
                                    GError     **error);

G_END_DECLS
