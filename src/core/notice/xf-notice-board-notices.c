/* xf-notice-board-notices.c — notices: reading, drafting, candidates
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-nomination-private.h"
#include "xf-notice-board-notices-private.h"
#include "xf-store.h"

/*
 * A notice is read with one query joining its campaign and publisher and
 * counting its objections; its candidates with a second one joining each
 * nomination's stage now. Candidates are added and removed in
 * xf-notice-board-candidates.c.
 */

#define MAX_TITLE      200
#define MAX_CONTACT    200
#define MAX_PERIOD     30

#define NOTICE_COLUMNS \
  "n.id, n.uid, n.campaign_id, c.title, c.level, c.year, n.organisation_id, o.name, " \
  "n.title, n.preamble, n.revision, n.revision_of, n.follows, n.status, n.period_days, " \
  "n.starts_on, n.ends_on, n.contact_phone, n.contact_address, n.contact_mailbox, " \
  "n.published_on, n.published_by, n.closed_on, n.closed_by, n.withdrawn_reason, " \
  "n.created_at, n.updated_at, n.version, " \
  "(SELECT COUNT(*) FROM objections j WHERE j.notice_id = n.id), " \
  "(SELECT COUNT(*) FROM objections j WHERE j.notice_id = n.id AND j.status = 'open')"
#define NOTICE_FROM \
  " FROM notices n" \
  " JOIN campaigns c ON c.id = n.campaign_id" \
  " LEFT JOIN organisations o ON o.id = n.organisation_id"

static int
days_left (XfNoticeBoard  *self,
           const XfNotice *notice,
           const GDate    *today)
{
  GDate ends;

  g_date_clear (&ends, 1);
  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) != 0
      || !xf_date_parse (notice->ends_on, &ends) || g_date_compare (today, &ends) > 0)
    return -1;
  return xf_calendar_working_days_between (self->evaluation->calendar, (GDate *) today, &ends,
                                           NULL);
}

static XfNotice *
notice_from_row (XfNoticeBoard *self,
                 XfDbStmt      *stmt,
                 const GDate   *today)
{
  XfNotice *notice = xf_notice_new ();
  int col = 0;

  g_clear_pointer (&notice->status, g_free);
  notice->id = xf_db_stmt_column_int64 (stmt, col++);
  notice->uid = xf_db_stmt_dup_text (stmt, col++);
  notice->campaign_id = xf_db_stmt_column_int64 (stmt, col++);
  notice->campaign_title = xf_db_stmt_dup_text (stmt, col++);
  notice->campaign_level = xf_db_stmt_dup_text (stmt, col++);
  notice->campaign_year = (int) xf_db_stmt_column_int64 (stmt, col++);
  notice->organisation_id = xf_db_stmt_column_int64 (stmt, col++);
  notice->organisation_name = g_strdup (xf_db_stmt_column_text (stmt, col) != NULL
                                        ? xf_db_stmt_column_text (stmt, col) : "");
  col++;
  notice->title = xf_db_stmt_dup_text (stmt, col++);
  notice->preamble = xf_db_stmt_dup_text (stmt, col++);
  notice->revision = (int) xf_db_stmt_column_int64 (stmt, col++);
  notice->revision_of = xf_db_stmt_column_int64 (stmt, col++);
  notice->follows = xf_db_stmt_column_int64 (stmt, col++);
  notice->status = xf_db_stmt_dup_text (stmt, col++);
  notice->period_days = (int) xf_db_stmt_column_int64 (stmt, col++);
  notice->starts_on = xf_db_stmt_dup_text (stmt, col++);
  notice->ends_on = xf_db_stmt_dup_text (stmt, col++);
  notice->contact_phone = xf_db_stmt_dup_text (stmt, col++);
  notice->contact_address = xf_db_stmt_dup_text (stmt, col++);
  notice->contact_mailbox = xf_db_stmt_dup_text (stmt, col++);
  notice->published_on = xf_db_stmt_dup_text (stmt, col++);
  notice->published_by = xf_db_stmt_dup_text (stmt, col++);
  notice->closed_on = xf_db_stmt_dup_text (stmt, col++);
  notice->closed_by = xf_db_stmt_dup_text (stmt, col++);
  notice->withdrawn_reason = xf_db_stmt_dup_text (stmt, col++);
  notice->created_at = xf_db_stmt_column_int64 (stmt, col++);
  notice->updated_at = xf_db_stmt_column_int64 (stmt, col++);
  notice->version = xf_db_stmt_column_int64 (stmt, col++);
  notice->n_objections = (guint) xf_db_stmt_column_int64 (stmt, col++);
  notice->n_open_objections = (guint) xf_db_stmt_column_int64 (stmt, col++);
  notice->days_left = days_left (self, notice, today);
  return notice;
}

static gboolean
load_candidates (XfNoticeBoard  *self,
                 XfNotice       *notice,
                 GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT nc.nomination_id, nc.position, nc.name, nc.gender, nc.unit,"
                                   " nc.honour, nc.summary, nc.result, m.stage,"
                                   " (SELECT COUNT(*) FROM objections j WHERE j.nomination_id = m.id"
                                   "  AND j.status = 'open')"
                                   " FROM notice_candidates nc JOIN nominations m ON m.id = nc.nomination_id"
                                   " WHERE nc.notice_id = $1 ORDER BY nc.position, nc.nomination_id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfNoticeCandidate *candidate = g_new0 (XfNoticeCandidate, 1);

      candidate->nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      candidate->position = (int) xf_db_stmt_column_int64 (stmt, 1);
      candidate->name = xf_db_stmt_dup_text (stmt, 2);
      candidate->gender = xf_db_stmt_dup_text (stmt, 3);
      candidate->unit = xf_db_stmt_dup_text (stmt, 4);
      candidate->honour = xf_db_stmt_dup_text (stmt, 5);
      candidate->summary = xf_db_stmt_dup_text (stmt, 6);
      candidate->result = xf_db_stmt_dup_text (stmt, 7);
      candidate->stage = xf_db_stmt_dup_text (stmt, 8);
      candidate->open_objections = (guint) xf_db_stmt_column_int64 (stmt, 9);
      g_ptr_array_add (notice->candidates, candidate);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

XfNotice *
_xf_notice_board_load_notice (XfNoticeBoard  *self,
                              gint64          notice_id,
                              GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  stmt = _xf_notice_board_prepare (self, "SELECT " NOTICE_COLUMNS NOTICE_FROM " WHERE n.id = $1",
                                   error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      xf_clock_today (&today);
      notice = notice_from_row (self, stmt, &today);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (notice == NULL)
    {
      _xf_evaluation_set_not_found (error, _("Notice"), notice_id);
      return NULL;
    }
  if (!load_candidates (self, notice, error))
    return NULL;
  return g_steal_pointer (&notice);
}

XfNotice *
_xf_notice_board_load_for_write (XfNoticeBoard  *self,
                                 gint64          notice_id,
                                 const char     *status,
                                 GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;

  if (!_xf_evaluation_lock (self->evaluation, "notices", notice_id, error))
    return NULL;
  notice = _xf_notice_board_load_notice (self, notice_id, error);
  if (notice == NULL || !_xf_notice_board_check_publisher (self, notice->organisation_id, error))
    return NULL;
  if (status != NULL && g_strcmp0 (notice->status, status) != 0)
    {
      /* Translators: the notice's title, then its status ("Published"). */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   g_str_equal (status, XF_NOTICE_DRAFT)
                   ? _("The notice “%s” is %s: only a draft can be changed")
                   : _("The notice “%s” is %s: it must be published for this"),
                   notice->title, xf_notice_status_label (notice->status));
      return NULL;
    }
  return g_steal_pointer (&notice);
}

XfNotice *
_xf_notice_board_begin_notice (XfNoticeBoard  *self,
                               gint64          notice_id,
                               const char     *status,
                               GError        **error)
{
  XfNotice *notice;

  if (!_xf_notice_board_begin (self, error))
    return NULL;
  notice = _xf_notice_board_load_for_write (self, notice_id, status, error);
  if (notice == NULL)
    _xf_notice_board_rollback (self);
  return notice;
}

/*
 * Reading
 */

static gboolean
matches_text (XfNoticeBoard  *self,
              const XfNotice *notice,
              const char     *folded,
              GError        **error)
{
  g_autofree char *title = g_utf8_casefold (notice->title, -1);
  gboolean found = FALSE;
  XfDbStmt *stmt;
  XfDbStep step;

  if (strstr (title, folded) != NULL)
    return TRUE;
  stmt = _xf_notice_board_prepare (self, "SELECT name FROM notice_candidates WHERE notice_id = $1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice->id);
  while (!found && (step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autofree char *name = g_utf8_casefold (xf_db_stmt_column_text (stmt, 0), -1);

      found = strstr (name, folded) != NULL;
    }
  xf_db_stmt_reset (stmt);
  return found;
}

GPtrArray *
xf_notice_board_list_notices (XfNoticeBoard        *self,
                              const XfNoticeQuery  *query,
                              GError              **error)
{
  XfNoticeQuery all = { 0, };
  g_autoptr(GString) sql = g_string_new ("SELECT " NOTICE_COLUMNS NOTICE_FROM " WHERE 1 = 1");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folded = NULL;
  gboolean by_status;
  int param = 0;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  if (query == NULL)
    query = &all;
  if (!_xf_notice_board_check_read (self, error))
    return NULL;

  if (query->campaign_id != 0)
    g_string_append_printf (sql, " AND n.campaign_id = $%d", ++param);
  by_status = query->status != NULL && g_strcmp0 (query->status, "current") != 0
              && g_strcmp0 (query->status, "past") != 0;
  if (g_strcmp0 (query->status, "current") == 0)
    g_string_append (sql, " AND n.status IN " XF_NOTICE_CURRENT_SQL);
  else if (g_strcmp0 (query->status, "past") == 0)
    g_string_append (sql, " AND n.status IN ('" XF_NOTICE_CLOSED "', '" XF_NOTICE_WITHDRAWN "')");
  else if (by_status)
    g_string_append_printf (sql, " AND n.status = $%d", ++param);
  /* Published by the end of their period, drafts newest first, then the past. */
  g_string_append (sql, " ORDER BY CASE n.status WHEN 'published' THEN 0 WHEN 'draft' THEN 1"
                        " ELSE 2 END, CASE WHEN n.status = 'published' THEN n.ends_on ELSE '' END,"
                        " n.id DESC");

  stmt = _xf_notice_board_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  param = 0;
  if (query->campaign_id != 0)
    xf_db_stmt_bind_int64 (stmt, ++param, query->campaign_id);
  if (by_status)
    xf_db_stmt_bind_text (stmt, ++param, query->status);
  xf_clock_today (&today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (list, notice_from_row (self, stmt, &today));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;

  if (query->text == NULL || *query->text == '\0')
    return g_steal_pointer (&list);
  /* The text is matched here, once the list's statement is done. */
  folded = g_utf8_casefold (query->text, -1);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_free);
  for (guint i = 0; i < list->len; i++)
    {
      GError *local = NULL;

      if (matches_text (self, g_ptr_array_index (list, i), folded, &local))
        g_ptr_array_add (found, g_steal_pointer (&g_ptr_array_index (list, i)));
      else if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  return g_steal_pointer (&found);
}

XfNotice *
xf_notice_board_get_notice (XfNoticeBoard  *self,
                            gint64          notice_id,
                            GError        **error)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  if (!_xf_notice_board_check_read (self, error))
    return NULL;
  return _xf_notice_board_load_notice (self, notice_id, error);
}

gint64
xf_notice_board_notice_of (XfNoticeBoard  *self,
                           gint64          nomination_id,
                           GError        **error)
{
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), 0);

  if (!_xf_notice_board_check_read (self, error))
    return 0;
  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT x.id FROM notice_candidates nc"
                                   " JOIN notices x ON x.id = nc.notice_id"
                                   " WHERE nc.nomination_id = $1 AND x.status IN " XF_NOTICE_CURRENT_SQL
                                   " ORDER BY CASE x.status WHEN 'published' THEN 0 ELSE 1 END, x.id DESC"
                                   " LIMIT 1", nomination_id, &id, error))
    return 0;
  return id;
}

/*
 * Periods
 */

int
_xf_notice_board_min_period (XfNoticeBoard  *self,
                             gint64          campaign_id,
                             GError        **error)
{
  g_autoptr(XfCampaign) campaign = _xf_evaluation_campaign_of (self->evaluation, campaign_id, error);

  if (campaign == NULL)
    return -1;
  return MAX (XF_NOTICE_DEFAULT_PERIOD_DAYS, xf_campaign_get_min_notice_days (campaign));
}

gboolean
xf_notice_board_compute_period (XfNoticeBoard  *self,
                                const char     *on,
                                int             period_days,
                                char          **starts_on,
                                char          **ends_on,
                                GError        **error)
{
  XfCalendar *calendar = self->evaluation->calendar;
  g_autofree char *today = NULL;
  GDate day, first, last;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);
  g_return_val_if_fail (starts_on != NULL && ends_on != NULL, FALSE);

  *starts_on = *ends_on = NULL;
  if (on == NULL)
    on = today = xf_clock_today_text ();
  g_date_clear (&day, 1);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!xf_date_parse (on, &day))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Date: “%s” is not a date (YYYY-MM-DD)"),
                   on != NULL ? on : "");
      return FALSE;
    }
  /* The first day counts when it is a working day, else the next one. */
  if (xf_calendar_is_working_day (calendar, &day))
    first = day;
  else
    xf_calendar_add_working_days (calendar, &day, 1, &first, NULL);
  if (period_days > 1 && g_date_valid (&first))
    xf_calendar_add_working_days (calendar, &first, (guint) period_days - 1, &last, NULL);
  else
    last = first;
  if (!g_date_valid (&first) || !g_date_valid (&last))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Period: the working-day calendar does not reach the end of the period"));
      return FALSE;
    }
  *starts_on = xf_date_format (&first);
  *ends_on = xf_date_format (&last);
  return TRUE;
}

gboolean
xf_notice_board_preview_period (XfNoticeBoard  *self,
                                gint64          notice_id,
                                const char     *on,
                                char          **starts_on,
                                char          **ends_on,
                                GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);
  g_return_val_if_fail (starts_on != NULL && ends_on != NULL, FALSE);

  *starts_on = *ends_on = NULL;
  notice = xf_notice_board_get_notice (self, notice_id, error);
  if (notice == NULL)
    return FALSE;
  return xf_notice_board_compute_period (self, on, notice->period_days, starts_on, ends_on, error);
}

/*
 * Writing
 */

gboolean
_xf_notice_board_touch (XfNoticeBoard  *self,
                        XfNotice       *notice,
                        GError        **error)
{
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self, "UPDATE notices SET version = version + 1, updated_at = $1"
                                         " WHERE id = $2 AND version = $3", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 2, notice->id);
  xf_db_stmt_bind_int64 (stmt, 3, notice->version);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (_xf_evaluation_get_db (self->evaluation)) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The notice “%s” was changed elsewhere since you opened it"), notice->title);
      return FALSE;
    }
  notice->version++;
  return TRUE;
}

gboolean
_xf_notice_board_insert_notice (XfNoticeBoard  *self,
                                XfNotice       *notice,
                                GError        **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  gint64 now = xf_db_now ();
  XfDbStmt *stmt;
  int col = 0;

  stmt = _xf_notice_board_prepare (self,
                                   "INSERT INTO notices (uid, campaign_id, organisation_id, title, preamble,"
                                   " revision, revision_of, follows, status, period_days, contact_phone,"
                                   " contact_address, contact_mailbox, created_at, updated_at, version)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11, $12,"
                                   " $13, $13, 1)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, ++col, uid);
  xf_db_stmt_bind_int64 (stmt, ++col, notice->campaign_id);
  if (notice->organisation_id != 0)
    xf_db_stmt_bind_int64 (stmt, ++col, notice->organisation_id);
  else
    xf_db_stmt_bind_null (stmt, ++col);
  xf_db_stmt_bind_text (stmt, ++col, notice->title);
  xf_db_stmt_bind_text (stmt, ++col, notice->preamble != NULL ? notice->preamble : "");
  xf_db_stmt_bind_int64 (stmt, ++col, MAX (notice->revision, 1));
  if (notice->revision_of != 0)
    xf_db_stmt_bind_int64 (stmt, ++col, notice->revision_of);
  else
    xf_db_stmt_bind_null (stmt, ++col);
  if (notice->follows != 0)
    xf_db_stmt_bind_int64 (stmt, ++col, notice->follows);
  else
    xf_db_stmt_bind_null (stmt, ++col);
  xf_db_stmt_bind_int64 (stmt, ++col, notice->period_days);
  xf_db_stmt_bind_text (stmt, ++col, notice->contact_phone != NULL ? notice->contact_phone : "");
  xf_db_stmt_bind_text (stmt, ++col, notice->contact_address != NULL ? notice->contact_address : "");
  xf_db_stmt_bind_text (stmt, ++col, notice->contact_mailbox != NULL ? notice->contact_mailbox : "");
  xf_db_stmt_bind_int64 (stmt, ++col, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  notice->id = xf_db_last_insert_id (_xf_evaluation_get_db (self->evaluation));
  g_free (notice->uid);
  notice->uid = g_steal_pointer (&uid);
  g_free (notice->status);
  notice->status = g_strdup (XF_NOTICE_DRAFT);
  notice->version = 1;
  notice->created_at = notice->updated_at = now;
  return _xf_notice_board_audit_notice (self, notice, XF_AUDIT_CREATE, NULL, NULL, notice->title,
                                        error);
}

gint64
xf_notice_board_create (XfNoticeBoard  *self,
                        gint64          campaign_id,
                        GError        **error)
{
  g_autoptr(XfNotice) notice = xf_notice_new ();
  g_autoptr(XfCampaign) campaign = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), 0);

  if (!_xf_notice_board_begin (self, error))
    return 0;
  if (!_xf_evaluation_lock (self->evaluation, "campaigns", campaign_id, error))
    goto failed;
  campaign = _xf_evaluation_campaign_of (self->evaluation, campaign_id, error);
  if (campaign == NULL
      || !_xf_notice_board_check_publisher (self, xf_campaign_get_organisation_id (campaign), error))
    goto failed;

  notice->campaign_id = campaign_id;
  notice->organisation_id = xf_campaign_get_organisation_id (campaign);
  /* Translators: %s is the campaign's title, the honour ("2026年度湖州市劳动模范"). */
  notice->title = g_strdup_printf (_("Public notice of the candidates for %s"),
                                   xf_campaign_get_title (campaign));
  /* Translators: the paragraph before the list on a public notice (公示). */
  notice->preamble = g_strdup_printf (_("The following candidates for %s, recommended by the "
                                        "selection committee, are made public to invite the "
                                        "comments of the public. Anyone with an objection may "
                                        "report it within the period of this notice, giving the "
                                        "facts, by the contacts below; objections signed with a "
                                        "real name are encouraged."),
                                      xf_campaign_get_title (campaign));
  notice->period_days = MAX (XF_NOTICE_DEFAULT_PERIOD_DAYS,
                             xf_campaign_get_min_notice_days (campaign));
  if (!_xf_notice_board_insert_notice (self, notice, error)
      || !_xf_notice_board_add_running (self, notice, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return 0;
  _xf_notice_board_emit_changed (self, notice->id);
  return notice->id;

failed:
  _xf_notice_board_rollback (self);
  return 0;
}

gboolean
_xf_notice_board_check_length (const char  *field,
              const char  *text,
              glong        max,
              GError     **error)
{
  glong length = text != NULL ? g_utf8_strlen (text, -1) : 0;

  if (length <= max)
    return TRUE;
  /* Translators: a field's name, then two numbers of characters. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("%s: at most %ld characters, not %ld"), field, max, length);
  return FALSE;
}

static gboolean
validate (XfNoticeBoard   *self,
          const XfNotice  *notice,
          int              min_period,
          GError         **error)
{
  if (notice->title == NULL || !_xf_evaluation_has_text (notice->title))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Title: a title is required"));
      return FALSE;
    }
  if (!_xf_notice_board_check_length (C_("notice", "Title"), notice->title, MAX_TITLE, error)
      || !_xf_notice_board_check_length (_("Phone"), notice->contact_phone, MAX_CONTACT, error)
      || !_xf_notice_board_check_length (_("Address"), notice->contact_address, MAX_CONTACT, error)
      || !_xf_notice_board_check_length (_("Mailbox"), notice->contact_mailbox, MAX_CONTACT, error))
    return FALSE;
  if (notice->period_days < min_period)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Period: %d working days is shorter than the minimum of %d"),
                   notice->period_days, min_period);
      return FALSE;
    }
  if (notice->period_days > MAX_PERIOD)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Period: at most %d working days, not %d"), MAX_PERIOD, notice->period_days);
      return FALSE;
    }
  return TRUE;
}

/* One audit entry per changed field. */
static gboolean
audit_changes (XfNoticeBoard   *self,
               const XfNotice  *old,
               const XfNotice  *new,
               GError         **error)
{
  g_autofree char *old_period = g_strdup_printf ("%d", old->period_days);
  g_autofree char *new_period = g_strdup_printf ("%d", new->period_days);
  struct { const char *field; const char *before; const char *after; } fields[] = {
    { "title", old->title, new->title },
    { "preamble", old->preamble, new->preamble },
    { "period-days", old_period, new_period },
    { "contact-phone", old->contact_phone, new->contact_phone },
    { "contact-address", old->contact_address, new->contact_address },
    { "contact-mailbox", old->contact_mailbox, new->contact_mailbox },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].before, fields[i].after) != 0
        && !_xf_notice_board_audit_notice (self, new, XF_AUDIT_UPDATE, fields[i].field,
                                           fields[i].before, fields[i].after, error))
      return FALSE;
  return TRUE;
}

gboolean
xf_notice_board_save (XfNoticeBoard   *self,
                      const XfNotice  *notice,
                      GError         **error)
{
  g_autoptr(XfNotice) stored = NULL;
  g_autoptr(XfNotice) edited = NULL;
  XfDbStmt *stmt;
  int min_period;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);
  g_return_val_if_fail (notice != NULL, FALSE);

  stored = _xf_notice_board_begin_notice (self, notice->id, XF_NOTICE_DRAFT, error);
  if (stored == NULL)
    return FALSE;
  if (stored->version != notice->version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The notice “%s” was changed elsewhere since you opened it"), stored->title);
      goto failed;
    }
  edited = xf_notice_copy (stored);
  /* Only what a draft's form edits; the strings trimmed as stored. */
#define TAKE(field) \
  G_STMT_START { g_free (edited->field); \
    edited->field = g_strstrip (g_strdup (notice->field != NULL ? notice->field : "")); } G_STMT_END
  TAKE (title);
  TAKE (preamble);
  TAKE (contact_phone);
  TAKE (contact_address);
  TAKE (contact_mailbox);
#undef TAKE
  edited->period_days = notice->period_days;
  min_period = _xf_notice_board_min_period (self, stored->campaign_id, error);
  if (min_period < 0 || !validate (self, edited, min_period, error))
    goto failed;

  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE notices SET title = $1, preamble = $2, period_days = $3,"
                                   " contact_phone = $4, contact_address = $5, contact_mailbox = $6"
                                   " WHERE id = $7", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, edited->title);
  xf_db_stmt_bind_text (stmt, 2, edited->preamble);
  xf_db_stmt_bind_int64 (stmt, 3, edited->period_days);
  xf_db_stmt_bind_text (stmt, 4, edited->contact_phone);
  xf_db_stmt_bind_text (stmt, 5, edited->contact_address);
  xf_db_stmt_bind_text (stmt, 6, edited->contact_mailbox);
  xf_db_stmt_bind_int64 (stmt, 7, edited->id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_touch (self, edited, error)
      || !audit_changes (self, stored, edited, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, notice->id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}
