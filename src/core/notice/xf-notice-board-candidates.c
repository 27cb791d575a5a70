/* xf-notice-board-candidates.c — the candidates of a draft notice
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

/*
 * A draft's candidate lines are copied from the registry when added (and
 * refreshed when published); the summary of deeds is the first paragraph
 * of the case, editable while a draft. A nomination is on at most one
 * current notice, but a correction's draft carries the candidates of the
 * notice it corrects.
 */

#define MAX_SUMMARY    500
/* The summary taken from the case: its first paragraph, cut to this. */
#define CASE_SUMMARY   150

/* On another current notice than $2 (and, for a correction, than the
 * notice it corrects, $3), or held by an open objection on a closed one:
 * that notice is not done with it yet. */
#define ON_OTHER_NOTICE_WHERE \
  " (x.status IN " XF_NOTICE_CURRENT_SQL " AND x.id <> $2 AND x.id <> $3" \
  "  OR x.status = '" XF_NOTICE_CLOSED "' AND oc.result = '" XF_CANDIDATE_HELD "')"
#define NOT_ON_OTHER_NOTICE \
  " NOT EXISTS (SELECT 1 FROM notice_candidates oc JOIN notices x ON x.id = oc.notice_id" \
  "  WHERE oc.nomination_id = m.id AND" ON_OTHER_NOTICE_WHERE ")"

/* The first paragraph of the case, cut to CASE_SUMMARY characters. */
static char *
summary_from_case (const char *case_text)
{
  g_autofree char *text = g_strstrip (g_strdup (case_text != NULL ? case_text : ""));
  char *end = strchr (text, '\n');

  if (end != NULL)
    *end = '\0';
  g_strstrip (text);
  if (g_utf8_strlen (text, -1) <= CASE_SUMMARY)
    return g_steal_pointer (&text);
  return g_strconcat (g_utf8_substring (text, 0, CASE_SUMMARY - 1), "…", NULL);
}

gboolean
_xf_notice_board_insert_candidate (XfNoticeBoard  *self,
                                   XfNotice       *notice,
                                   gint64          nomination_id,
                                   const char     *summary,
                                   GError        **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *honour = NULL;
  g_autofree char *from_case = NULL;
  gint64 position = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT m.uid, p.name, COALESCE(p.gender, ''),"
                                   " CASE WHEN p.kind = 'collective'"
                                   "  THEN COALESCE(o.name, m.nominating_unit, '')"
                                   "  ELSE COALESCE(NULLIF(p.employer, ''), m.nominating_unit, '') END,"
                                   " c.title, m.case_text"
                                   " FROM nominations m JOIN pioneers p ON p.id = m.pioneer_id"
                                   " JOIN campaigns c ON c.id = m.campaign_id"
                                   " LEFT JOIN organisations o ON o.id = p.organisation_id"
                                   " WHERE m.id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      uid = xf_db_stmt_dup_text (stmt, 0);
      name = xf_db_stmt_dup_text (stmt, 1);
      gender = xf_db_stmt_dup_text (stmt, 2);
      unit = xf_db_stmt_dup_text (stmt, 3);
      honour = xf_db_stmt_dup_text (stmt, 4);
      from_case = summary_from_case (xf_db_stmt_column_text (stmt, 5));
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (uid == NULL)
    {
      _xf_evaluation_set_not_found (error, _("Nomination"), nomination_id);
      return FALSE;
    }

  if (!_xf_evaluation_query_int64 (self->evaluation,
                                   "SELECT COALESCE(MAX(position), 0) FROM notice_candidates"
                                   " WHERE notice_id = $1", notice->id, &position, error))
    return FALSE;
  stmt = _xf_notice_board_prepare (self,
                                   "INSERT INTO notice_candidates (notice_id, nomination_id, position,"
                                   " name, gender, unit, honour, summary) VALUES ($1, $2, $3, $4, $5, $6,"
                                   " $7, $8)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice->id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, position + 1);
  xf_db_stmt_bind_text (stmt, 4, name);
  xf_db_stmt_bind_text (stmt, 5, gender);
  xf_db_stmt_bind_text (stmt, 6, unit);
  xf_db_stmt_bind_text (stmt, 7, honour);
  xf_db_stmt_bind_text (stmt, 8, summary != NULL ? summary : from_case);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  return _xf_notice_board_audit_notice (self, notice, XF_AUDIT_CANDIDATE_ADD, uid, NULL, name,
                                        error);
}

gboolean
_xf_notice_board_add_running (XfNoticeBoard  *self,
                              XfNotice       *notice,
                              GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT m.id FROM nominations m WHERE m.campaign_id = $1"
                                   " AND m.stage = '" XF_STAGE_NOTICE "' AND" NOT_ON_OTHER_NOTICE
                                   " ORDER BY m.rank IS NULL, m.rank, m.id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice->campaign_id);
  xf_db_stmt_bind_int64 (stmt, 2, notice->id);
  xf_db_stmt_bind_int64 (stmt, 3, notice->revision_of);
  ids = _xf_evaluation_collect_ids (stmt, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!_xf_notice_board_insert_candidate (self, notice, g_array_index (ids, gint64, i), NULL,
                                            error))
      return FALSE;
  return TRUE;
}

/*
 * Candidates of a draft
 */

static XfNoticeCandidate *
find_candidate (const XfNotice *notice,
                gint64          nomination_id)
{
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (candidate->nomination_id == nomination_id)
        return candidate;
    }
  return NULL;
}

static gboolean
set_not_on_notice (GError         **error,
                   const XfNotice  *notice,
                   gint64           nomination_id)
{
  g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
               _("Nomination %lld is not on the notice “%s”"), (long long) nomination_id,
               notice->title);
  return FALSE;
}

/* Begins a write on the draft @notice_id, into *@notice, and returns its
 * line for @nomination_id; NULL, with the write rolled back (or never
 * begun), when it fails (XF_ERROR_NOT_FOUND when it is not on it). */
static XfNoticeCandidate *
begin_draft_candidate (XfNoticeBoard  *self,
                       gint64          notice_id,
                       gint64          nomination_id,
                       XfNotice      **notice,
                       GError        **error)
{
  XfNoticeCandidate *candidate;

  *notice = _xf_notice_board_begin_notice (self, notice_id, XF_NOTICE_DRAFT, error);
  if (*notice == NULL)
    return NULL;
  candidate = find_candidate (*notice, nomination_id);
  if (candidate == NULL)
    {
      set_not_on_notice (error, *notice, nomination_id);
      _xf_notice_board_rollback (self);
    }
  return candidate;
}

gboolean
xf_notice_board_add_candidate (XfNoticeBoard  *self,
                               gint64          notice_id,
                               gint64          nomination_id,
                               GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *other_status = NULL;
  gint64 other = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  notice = _xf_notice_board_begin_notice (self, notice_id, XF_NOTICE_DRAFT, error);
  if (notice == NULL)
    return FALSE;
  if (!_xf_evaluation_lock (self->evaluation, "nominations", nomination_id, error))
    goto failed;
  nomination = _xf_evaluation_load_nomination (self->evaluation, nomination_id, error);
  if (nomination == NULL)
    goto failed;
  if (xf_nomination_get_campaign_id (nomination) != notice->campaign_id)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: the nomination of “%s” is not in the campaign of this notice"),
                   xf_nomination_get_candidate_name (nomination));
      goto failed;
    }
  if (g_strcmp0 (xf_nomination_get_stage (nomination), XF_STAGE_NOTICE) != 0)
    {
      /* Translators: a candidate's name, then where the nomination is ("in committee review"). */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("Cannot put “%s” on a public notice: the nomination is %s"),
                   xf_nomination_get_candidate_name (nomination),
                   _xf_stage_phrase (xf_nomination_get_stage (nomination)));
      goto failed;
    }
  if (find_candidate (notice, nomination_id) != NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("“%s” is already on this notice"),
                   xf_nomination_get_candidate_name (nomination));
      goto failed;
    }
  stmt = _xf_notice_board_prepare (self,
                                   "SELECT x.id, x.status FROM notice_candidates oc"
                                   " JOIN notices x ON x.id = oc.notice_id"
                                   " WHERE oc.nomination_id = $1 AND" ON_OTHER_NOTICE_WHERE, error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 2, notice->id);
  xf_db_stmt_bind_int64 (stmt, 3, notice->revision_of);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      other = xf_db_stmt_column_int64 (stmt, 0);
      other_status = xf_db_stmt_dup_text (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    goto failed;
  if (g_strcmp0 (other_status, XF_NOTICE_CLOSED) == 0)
    {
      /* Translators: a candidate's name, then a notice's number. */
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                   _("“%s” is held on the closed notice %lld until its open "
                     "objections are decided"),
                   xf_nomination_get_candidate_name (nomination), (long long) other);
      goto failed;
    }
  if (other != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE,
                   _("“%s” is already on another current notice (%lld)"),
                   xf_nomination_get_candidate_name (nomination), (long long) other);
      goto failed;
    }
  if (!_xf_notice_board_insert_candidate (self, notice, nomination_id, NULL, error)
      || !_xf_notice_board_touch (self, notice, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

gboolean
xf_notice_board_remove_candidate (XfNoticeBoard  *self,
                                  gint64          notice_id,
                                  gint64          nomination_id,
                                  GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  XfNoticeCandidate *candidate;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  candidate = begin_draft_candidate (self, notice_id, nomination_id, &notice, error);
  if (candidate == NULL)
    return FALSE;
  stmt = _xf_notice_board_prepare (self, "DELETE FROM notice_candidates"
                                         " WHERE notice_id = $1 AND nomination_id = $2", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  if (!xf_db_stmt_run (stmt, error))
    goto failed;
  /* The others close up behind it. */
  stmt = _xf_notice_board_prepare (self, "UPDATE notice_candidates SET position = position - 1"
                                         " WHERE notice_id = $1 AND position > $2", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  xf_db_stmt_bind_int64 (stmt, 2, candidate->position);
  if (!xf_db_stmt_run (stmt, error))
    goto failed;
  nomination = _xf_evaluation_load_nomination (self->evaluation, nomination_id, error);
  if (nomination == NULL)
    goto failed;
  if (!_xf_notice_board_audit_notice (self, notice, XF_AUDIT_CANDIDATE_REMOVE,
                                      xf_nomination_get_uid (nomination),
                                      candidate->name, NULL, error)
      || !_xf_notice_board_touch (self, notice, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

gboolean
xf_notice_board_set_summary (XfNoticeBoard  *self,
                             gint64          notice_id,
                             gint64          nomination_id,
                             const char     *summary,
                             GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autofree char *text = g_strstrip (g_strdup (summary != NULL ? summary : ""));
  XfNoticeCandidate *candidate;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  candidate = begin_draft_candidate (self, notice_id, nomination_id, &notice, error);
  if (candidate == NULL)
    return FALSE;
  if (!_xf_notice_board_check_length (_("Summary of deeds"), text, MAX_SUMMARY, error))
    goto failed;
  if (g_strcmp0 (candidate->summary, text) == 0)
    {
      _xf_notice_board_rollback (self);
      return TRUE;
    }
  stmt = _xf_notice_board_prepare (self, "UPDATE notice_candidates SET summary = $1"
                                         " WHERE notice_id = $2 AND nomination_id = $3", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, text);
  xf_db_stmt_bind_int64 (stmt, 2, notice_id);
  xf_db_stmt_bind_int64 (stmt, 3, nomination_id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_audit_notice (self, notice, XF_AUDIT_UPDATE, "summary",
                                         candidate->summary, text, error)
      || !_xf_notice_board_touch (self, notice, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

GPtrArray *
xf_notice_board_list_addable (XfNoticeBoard  *self,
                              gint64          notice_id,
                              GError        **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  notice = xf_notice_board_get_notice (self, notice_id, error);
  if (notice == NULL)
    return NULL;
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) != 0)
    return g_steal_pointer (&list);
  stmt = _xf_notice_board_prepare (self,
                                   "SELECT " XF_NOMINATION_LIST_COLUMNS
                                   " FROM nominations m"
                                   " JOIN nominations n ON n.id = m.id"
                                   " JOIN pioneers p ON p.id = n.pioneer_id"
                                   " JOIN campaigns c ON c.id = n.campaign_id"
                                   " LEFT JOIN nomination_stages s ON s.nomination_id = n.id"
                                   "  AND s.left_on IS NULL"
                                   " WHERE m.campaign_id = $1 AND m.stage = '" XF_STAGE_NOTICE "'"
                                   " AND NOT EXISTS (SELECT 1 FROM notice_candidates tc"
                                   "  WHERE tc.notice_id = $2 AND tc.nomination_id = m.id)"
                                   " AND" NOT_ON_OTHER_NOTICE
                                   " ORDER BY m.rank IS NULL, m.rank, p.name, m.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, notice->campaign_id);
  xf_db_stmt_bind_int64 (stmt, 2, notice->id);
  xf_db_stmt_bind_int64 (stmt, 3, notice->revision_of);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (list, _xf_nomination_new_from_row (stmt, FALSE));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}
