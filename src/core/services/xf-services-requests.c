/* xf-services-requests.c — requests (点单): list, read, find, create, expire
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-deadline.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-services-offers-private.h"
#include "xf-services-requests-private.h"



#define REQUEST_COLUMNS \
  "r.id, r.uid, r.code, r.source_id, r.channel, r.requester_name, r.requester_contact," \
  " i.code, i.name_en, i.name_zh, r.region_code, r.place, r.needed_by, r.preferred_time," \
  " r.description, r.booked_pioneer_id, bp.name, r.status, r.claimed_by, cp.name, cp.uid," \
  " r.claimed_at, r.claim_kind, r.response_due_at, r.started_at, r.done_at, r.done_note," \
  " r.cancel_reason, r.created_by, r.created_at, r.updated_at, r.version, bp.uid"
#define REQUEST_FROM \
  " FROM service_requests r JOIN service_items i ON i.id = r.item_id" \
  " LEFT JOIN pioneers bp ON bp.id = r.booked_pioneer_id" \
  " LEFT JOIN pioneers cp ON cp.id = r.claimed_by"

/* The region's name in the user's language ("" for none). */
static char *
region_name (const char *code)
{
  XfReference *reference = xf_reference_get_shared ();

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  if (g_strcmp0 (code, xf_reference_city_code (reference)) == 0)
    return g_strdup (xf_reference_city_label (reference));
  return g_strdup (xf_reference_label (reference, XF_REFERENCE_REGIONS, code));
}

static char *
dup_text_or_empty (XfDbStmt *stmt,
                   int       column)
{
  return xf_db_stmt_column_is_null (stmt, column) ? g_strdup ("") : xf_db_stmt_dup_text (stmt, column);
}

static char *
dup_text_or_null (XfDbStmt *stmt,
                  int       column)
{
  return xf_db_stmt_column_is_null (stmt, column) ? NULL : xf_db_stmt_dup_text (stmt, column);
}

static XfServiceRequest *
read_request (XfDbStmt *stmt,
              gint64    now)
{
  XfServiceRequest *request = xf_service_request_new ();
  XfServiceItem item = { 0 };
  int col = 0;

  request->id = xf_db_stmt_column_int64 (stmt, col++);
  request->uid = xf_db_stmt_dup_text (stmt, col++);
  request->code = xf_db_stmt_dup_text (stmt, col++);
  request->source_id = dup_text_or_null (stmt, col++);
  g_free (request->channel);
  request->channel = xf_db_stmt_dup_text (stmt, col++);
  request->requester_name = xf_db_stmt_dup_text (stmt, col++);
  request->requester_contact = xf_db_stmt_dup_text (stmt, col++);
  request->item_code = xf_db_stmt_dup_text (stmt, col++);
  item.code = request->item_code;
  item.name_en = (char *) xf_db_stmt_column_text (stmt, col++);
  item.name_zh = (char *) xf_db_stmt_column_text (stmt, col++);
  request->item_name = g_strdup (xf_service_item_get_name (&item));
  request->region_code = xf_db_stmt_dup_text (stmt, col++);
  request->region_name = region_name (request->region_code);
  request->place = dup_text_or_empty (stmt, col++);
  request->needed_by = dup_text_or_null (stmt, col++);
  request->preferred_time = dup_text_or_empty (stmt, col++);
  request->description = xf_db_stmt_dup_text (stmt, col++);
  request->booked_pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  request->booked_pioneer_name = dup_text_or_empty (stmt, col++);
  g_free (request->status);
  request->status = xf_db_stmt_dup_text (stmt, col++);
  request->claimed_by = xf_db_stmt_column_int64 (stmt, col++);
  request->claimed_by_name = dup_text_or_empty (stmt, col++);
  request->claimed_by_uid = dup_text_or_null (stmt, col++);
  request->claimed_at = xf_db_stmt_column_int64 (stmt, col++);
  request->claim_kind = dup_text_or_null (stmt, col++);
  request->response_due_at = xf_db_stmt_column_int64 (stmt, col++);
  request->started_at = xf_db_stmt_column_int64 (stmt, col++);
  request->done_at = xf_db_stmt_column_int64 (stmt, col++);
  request->done_note = dup_text_or_null (stmt, col++);
  request->cancel_reason = dup_text_or_null (stmt, col++);
  request->created_by = xf_db_stmt_dup_text (stmt, col++);
  request->created_at = xf_db_stmt_column_int64 (stmt, col++);
  request->updated_at = xf_db_stmt_column_int64 (stmt, col++);
  request->version = xf_db_stmt_column_int64 (stmt, col++);
  request->booked_pioneer_uid = dup_text_or_null (stmt, col++);
  request->overdue = xf_request_status_is_unclaimed (request->status)
                     && now > request->response_due_at;
  request->due_soon = xf_request_status_is_unclaimed (request->status) && !request->overdue
                      && request->response_due_at - now < (gint64) XF_REQUEST_DUE_SOON_MINUTES * 60 * G_USEC_PER_SEC;
  return request;
}

/* Masks the requester's contact unless the actor may see it there. */
static void
mask_request (XfServices       *self,
              XfServiceRequest *request)
{
  if (_xf_services_sees_contacts (self, request->region_code))
    return;
  g_autofree char *plain = g_steal_pointer (&request->requester_contact);
  request->requester_contact = _xf_services_mask_contact (plain);
  request->contact_masked = TRUE;
}

XfServiceRequest *
_xf_services_load_request (XfServices  *self,
                           gint64       request_id,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfServiceRequest *request = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self, "SELECT " REQUEST_COLUMNS REQUEST_FROM " WHERE r.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, request_id);
  step = xf_db_stmt_step (stmt, &local_error);
  if (step == XF_DB_STEP_ROW)
    request = read_request (stmt, _xf_services_now ());
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (request == NULL)
    _xf_services_set_not_found (error, _("Request"), request_id);
  return request;
}

/*
 * Lists
 */

/* Adds " AND @clause" with its one parameter numbered next. */
typedef struct
{
  GString   *sql;
  GPtrArray *texts;    /* (element-type char*) NULL for an int parameter */
  GArray    *ints;
} Filter;

static int
filter_param (Filter     *filter,
              const char *text,
              gint64      value)
{
  g_ptr_array_add (filter->texts, g_strdup (text));
  g_array_append_val (filter->ints, value);
  return (int) filter->texts->len;
}

GPtrArray *
xf_services_list_requests (XfServices                  *self,
                           const XfServiceRequestQuery *query,
                           GError                     **error)
{
  static const XfServiceRequestQuery all = { 0 };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_request_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new ("SELECT " REQUEST_COLUMNS REQUEST_FROM " WHERE 1 = 1");
  Filter filter = { sql, texts, ints };
  gint64 now = _xf_services_now ();
  gboolean unclaimed_first = FALSE;
  XfDbStmt *stmt;
  XfDbStep step;
  int n;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  if (query == NULL)
    query = &all;
  /* A filter that is not text matches nothing (and PostgreSQL would refuse
   * it as a parameter). */
  if ((query->status != NULL && !g_utf8_validate (query->status, -1, NULL))
      || (query->item_code != NULL && !g_utf8_validate (query->item_code, -1, NULL))
      || (query->text != NULL && !g_utf8_validate (query->text, -1, NULL)))
    return g_steal_pointer (&list);

  if (query->status == NULL || *query->status == '\0')
    ;
  else if (g_str_equal (query->status, "active"))
    g_string_append (sql, " AND r.status IN " XF_REQUEST_ACTIVE_SQL);
  else if (g_str_equal (query->status, "unclaimed"))
    {
      g_string_append (sql, " AND r.status IN " XF_REQUEST_UNCLAIMED_SQL);
      unclaimed_first = TRUE;
    }
  else
    g_string_append_printf (sql, " AND r.status = $%d", filter_param (&filter, query->status, 0));

  if (query->item_code != NULL && *query->item_code != '\0')
    g_string_append_printf (sql, " AND i.code = $%d", filter_param (&filter, query->item_code, 0));
  if (query->region_code != NULL && *query->region_code != '\0')
    {
      /* Codes are digits: a prefix with anything else matches nothing. */
      if (strspn (query->region_code, "0123456789") != strlen (query->region_code))
        return g_steal_pointer (&list);
      g_autofree char *pattern = g_strconcat (query->region_code, "%", NULL);
      g_string_append_printf (sql, " AND r.region_code LIKE $%d", filter_param (&filter, pattern, 0));
    }
  if (query->pioneer_id > 0)
    {
      n = filter_param (&filter, NULL, query->pioneer_id);
      g_string_append_printf (sql, " AND (r.booked_pioneer_id = $%d OR r.claimed_by = $%d)", n, n);
    }
  if (query->min_age_days > 0)
    {
      /* A century is older than any request; more would overflow µs. */
      gint64 days = MIN (query->min_age_days, 36600);

      g_string_append_printf (sql, " AND r.created_at <= $%d",
                              filter_param (&filter, NULL, now - days * G_TIME_SPAN_DAY));
    }
  if (query->overdue_only)
    g_string_append_printf (sql, " AND r.status IN " XF_REQUEST_UNCLAIMED_SQL " AND r.response_due_at < $%d",
                            filter_param (&filter, NULL, now));
  if (query->follow_up_only)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM service_feedback f WHERE f.request_id = r.id"
                          " AND f.follow_up_status = '" XF_FOLLOW_UP_OPEN "')");
  if (query->text != NULL && *query->text != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (query->text));
      g_autofree char *escaped = NULL;
      g_autofree char *pattern = NULL;
      GString *e = g_string_new (NULL);

      /* LIKE's wildcards in the text are taken literally. */
      for (const char *p = trimmed; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '!')
            g_string_append_c (e, '!');
          g_string_append_c (e, *p);
        }
      escaped = g_string_free (e, FALSE);
      pattern = g_strconcat ("%", escaped, "%", NULL);
      n = filter_param (&filter, pattern, 0);
      g_string_append_printf (sql, " AND (lower(r.requester_name) LIKE lower($%d) ESCAPE '!'"
                                   " OR lower(r.description) LIKE lower($%d) ESCAPE '!'"
                                   " OR lower(r.place) LIKE lower($%d) ESCAPE '!'"
                                   " OR lower(r.code) LIKE lower($%d) ESCAPE '!')", n, n, n, n);
    }

  if (unclaimed_first)
    g_string_append_printf (sql, " ORDER BY CASE WHEN r.response_due_at < $%d THEN 0 ELSE 1 END,"
                                 " r.created_at DESC, r.id DESC", filter_param (&filter, NULL, now));
  else
    g_string_append (sql, " ORDER BY r.created_at DESC, r.id DESC");
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = _xf_services_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text != NULL)
        xf_db_stmt_bind_text (stmt, (int) i + 1, text);
      else
        xf_db_stmt_bind_int64 (stmt, (int) i + 1, g_array_index (ints, gint64, i));
    }
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfServiceRequest *request = read_request (stmt, now);

      mask_request (self, request);
      g_ptr_array_add (list, request);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
load_events (XfServices       *self,
             XfServiceRequest *request,
             GError          **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "SELECT e.id, e.at, e.kind, e.actor, e.pioneer_id, p.name, e.detail"
    " FROM service_request_events e LEFT JOIN pioneers p ON p.id = e.pioneer_id"
    " WHERE e.request_id = $1 ORDER BY e.id", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfServiceEvent *event = g_new0 (XfServiceEvent, 1);

      event->id = xf_db_stmt_column_int64 (stmt, 0);
      event->at = xf_db_stmt_column_int64 (stmt, 1);
      event->kind = xf_db_stmt_dup_text (stmt, 2);
      event->actor = xf_db_stmt_dup_text (stmt, 3);
      event->pioneer_id = xf_db_stmt_column_int64 (stmt, 4);
      event->pioneer_name = dup_text_or_empty (stmt, 5);
      event->detail = dup_text_or_empty (stmt, 6);
      g_ptr_array_add (request->events, event);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static gboolean
load_feedback (XfServices       *self,
               XfServiceRequest *request,
               GError          **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "SELECT rating, liked, comment, complaint, follow_up_status, follow_up_note, created_at, created_by"
    " FROM service_feedback WHERE request_id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request->id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      XfServiceFeedback *feedback = xf_service_feedback_new ();

      feedback->rating = (int) xf_db_stmt_column_int64 (stmt, 0);
      feedback->liked = xf_db_stmt_column_int64 (stmt, 1) != 0;
      feedback->comment = dup_text_or_empty (stmt, 2);
      feedback->complaint = dup_text_or_null (stmt, 3);
      feedback->follow_up_status = dup_text_or_null (stmt, 4);
      feedback->follow_up_note = dup_text_or_null (stmt, 5);
      feedback->created_at = xf_db_stmt_column_int64 (stmt, 6);
      feedback->created_by = xf_db_stmt_dup_text (stmt, 7);
      request->feedback = feedback;
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

XfServiceRequest *
xf_services_get_request (XfServices  *self,
                         gint64       request_id,
                         GError     **error)
{
  g_autoptr(XfServiceRequest) request = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  request = _xf_services_load_request (self, request_id, error);
  if (request == NULL
      || !load_events (self, request, error)
      || !load_feedback (self, request, error))
    return NULL;
  mask_request (self, request);
  return g_steal_pointer (&request);
}

/* "k7q2m9xd", "K7Q2-M9XD" → "K7Q2-M9XD"; NULL when it cannot be a code. */
static char *
normalise_code (const char *reference)
{
  g_autoptr(GString) code = g_string_new (NULL);

  for (const char *p = reference; *p; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ')
        continue;
      if (strchr (XF_REQUEST_CODE_ALPHABET, c) == NULL)
        return NULL;
      g_string_append_c (code, c);
    }
  if (code->len != 8)
    return NULL;
  g_string_insert_c (code, 4, '-');
  return g_string_free (g_steal_pointer (&code), FALSE);
}

gint64
xf_services_find_request (XfServices  *self,
                          const char  *reference,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *code = NULL;
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);

  trimmed = g_strstrip (g_strdup (reference != NULL ? reference : ""));
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_autofree char *quoted = _xf_services_quote (trimmed);

      /* Translators: %s is what the user typed: an id, a request code or a uid */
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("No request “%s”"), quoted);
      return 0;
    }
  if (*trimmed != '\0' && strspn (trimmed, "0123456789") == strlen (trimmed) && strlen (trimmed) < 19)
    {
      gint64 wanted = g_ascii_strtoll (trimmed, NULL, 10);

      if (!_xf_services_query_int64 (self, "SELECT COUNT(*) FROM service_requests WHERE id = $1",
                                     wanted, &id, error))
        return 0;
      if (id > 0)
        return wanted;
    }
  code = normalise_code (trimmed);
  {
    XfDbStmt *stmt = _xf_services_prepare (self,
      "SELECT id FROM service_requests WHERE code = $1 OR uid = $2", error);
    XfDbStep step;

    if (stmt == NULL)
      return 0;
    xf_db_stmt_bind_text (stmt, 1, code != NULL ? code : "");
    xf_db_stmt_bind_text (stmt, 2, trimmed);
    step = xf_db_stmt_step (stmt, error);
    id = step == XF_DB_STEP_ROW ? xf_db_stmt_column_int64 (stmt, 0) : 0;
    xf_db_stmt_reset (stmt);
    if (step == XF_DB_STEP_ERROR)
      return 0;
  }
  if (id == 0)
    /* Translators: %s is what the user typed: an id, a request code or a uid */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("No request “%s”"), trimmed);
  return id;
}

/*
 * Response time
 */

gint64
xf_services_response_due (XfServices          *self,
                          const XfServiceItem *item,
                          gint64               created_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) due = NULL;
  int amount;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (item != NULL, 0);

  amount = MAX (item->response_amount, 1);
  utc = g_date_time_new_from_unix_utc (created_at / G_USEC_PER_SEC);
  local = g_date_time_to_local (utc);
  if (g_strcmp0 (item->response_unit, XF_RESPONSE_HOURS) == 0)
    {
      g_autoptr(GDateTime) start = g_date_time_add (local, created_at % G_USEC_PER_SEC);

      due = xf_deadline_add_working_hours (self->calendar, start, amount);
    }
  else
    {
      GDate created, on;
      gboolean unconfirmed = FALSE;

      g_date_clear (&created, 1);
      g_date_clear (&on, 1);
      g_date_set_dmy (&created, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      xf_calendar_add_working_days (self->calendar, &created, (guint) amount, &on, &unconfirmed);
      if (!g_date_valid (&on))
        {
          /* Past the calendar's last day: plain days. */
          on = created;
          g_date_add_days (&on, (guint) amount);
        }
      /* The end of the Nth working day after the one it came in. */
      due = g_date_time_new (g_date_time_get_timezone (local), g_date_get_year (&on),
                             g_date_get_month (&on), g_date_get_day (&on), 17, 30, 0);
    }
  return g_date_time_to_unix (due) * G_USEC_PER_SEC + g_date_time_get_microsecond (due);
}

guint
xf_services_count_overdue (XfServices  *self,
                           GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 count = 0;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);

  stmt = _xf_services_prepare (self,
    "SELECT COUNT(*) FROM service_requests WHERE status IN " XF_REQUEST_UNCLAIMED_SQL
    " AND response_due_at < $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, _xf_services_now ());
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    count = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  return (guint) count;
}

/*
 * Expiry
 */

int
xf_services_expire_due (XfServices  *self,
                        GError     **error)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expired = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now = _xf_services_now ();
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_SERVICES (self), -1);

  /* A duty of time, as closing due notices: no permission but being signed
   * in — at a desk: the portal's public actor submits and rates, nothing else. */
  if (xf_account_is_public (self->actor)
      && !_xf_services_check_anywhere (self, XF_OP_SERVICE_DISPATCH, error))
    return -1;
  if (!_xf_services_begin (self, error))
    return -1;
  stmt = _xf_services_prepare (self,
    "SELECT id, uid, code, status FROM service_requests WHERE status IN " XF_REQUEST_UNCLAIMED_SQL
    " AND needed_by IS NOT NULL AND needed_by < $1 ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_text (stmt, 1, today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (uids, xf_db_stmt_dup_text (stmt, 1));
      g_ptr_array_add (codes, g_strdup_printf ("%s\n%s", xf_db_stmt_column_text (stmt, 2),
                                               xf_db_stmt_column_text (stmt, 3)));
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    goto fail;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_auto(GStrv) code_status = g_strsplit (g_ptr_array_index (codes, i), "\n", 2);

      /* Conditional: a claim that got in first keeps the request. */
      stmt = _xf_services_prepare (self,
        "UPDATE service_requests SET status = 'expired', closed_at = $1, updated_at = $1,"
        " version = version + 1 WHERE id = $2 AND status IN " XF_REQUEST_UNCLAIMED_SQL, error);
      if (stmt == NULL)
        goto fail;
      xf_db_stmt_bind_int64 (stmt, 1, now);
      xf_db_stmt_bind_int64 (stmt, 2, id);
      if (!xf_db_stmt_run (stmt, error))
        goto fail;
      if (xf_db_changes (self->db) != 1)
        continue;
      if (!_xf_services_add_event (self, id, "expired", 0, NULL, error)
          || !_xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_SERVICE_REQUEST,
                                  g_ptr_array_index (uids, i), code_status[0], "status",
                                  code_status[1], XF_REQUEST_EXPIRED, error))
        goto fail;
      g_array_append_val (expired, id);
    }
  if (!_xf_services_commit (self, error))
    goto fail;
  for (guint i = 0; i < expired->len; i++)
    _xf_services_emit_changed (self, g_array_index (expired, gint64, i));
  return (int) expired->len;

fail:
  _xf_services_rollback (self);
  return -1;
}
