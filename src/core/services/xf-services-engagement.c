/* xf-services-engagement.c — reading the engagement events the pioneer
 *                            index counts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-error.h"
#include "xf-services-private.h"

/*
 * The events are written by the services' own steps through
 * _xf_services_record_engagement (xf-services.c), once per act; here they
 * are only read, by local date (occurred_on), oldest first.
 */

static gboolean
check_bound (const char  *field,
             const char  *text,
             GError     **error)
{
  GDate day;

  g_date_clear (&day, 1);
  if (text == NULL || *text == '\0' || xf_date_parse (text, &day))
    return TRUE;
  /* Translators: %s is a field's name ("From"). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: a date written YYYY-MM-DD is required"),
               field);
  return FALSE;
}

static gpointer
event_from_row (XfServices *self G_GNUC_UNUSED,
                XfDbStmt   *stmt)
{
  XfEngagementEvent *event = g_new0 (XfEngagementEvent, 1);

  event->id = xf_db_stmt_column_int64 (stmt, 0);
  event->pioneer_id = xf_db_stmt_column_int64 (stmt, 1);
  event->kind = xf_db_stmt_dup_text (stmt, 2);
  event->occurred_at = xf_db_stmt_column_int64 (stmt, 3);
  event->occurred_on = xf_db_stmt_dup_text (stmt, 4);
  event->source = xf_db_stmt_dup_text (stmt, 5);
  event->source_id = xf_db_stmt_dup_text (stmt, 6);
  event->record_uid = xf_db_stmt_dup_text (stmt, 7);
  event->value = xf_db_stmt_column_double (stmt, 8);
  event->visitor = xf_db_stmt_dup_text (stmt, 9);
  return event;
}

GPtrArray *
xf_services_list_engagement (XfServices  *self,
                             gint64       pioneer_id,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  if (!check_bound (_("From"), from, error) || !check_bound (_("To"), to, error))
    return NULL;
  stmt = _xf_services_prepare (self,
                               "SELECT id, pioneer_id, kind, occurred_at, occurred_on, source, source_id,"
                               " record_uid, value, visitor FROM engagement_events"
                               " WHERE ($1 = 0 OR pioneer_id = $1)"
                               " AND ($2 = '' OR occurred_on >= $2) AND ($3 = '' OR occurred_on <= $3)"
                               " ORDER BY occurred_at, id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, MAX (pioneer_id, 0));
  xf_db_stmt_bind_text (stmt, 2, from != NULL ? from : "");
  xf_db_stmt_bind_text (stmt, 3, to != NULL ? to : "");
  return _xf_services_collect (self, stmt, event_from_row,
                               (GDestroyNotify) xf_engagement_event_free, error);
}
