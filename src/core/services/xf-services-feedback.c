/* xf-services-feedback.c — 点赞/评价: ratings, likes, comments, complaints
 *                          and their follow-up
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-services-private.h"

/*
 * Feedback is given once, on a done request: one row in service_feedback
 * (its primary key is the request, so a second one cannot be stored even
 * by two desks at once). A complaint opens a follow-up that a dispatcher
 * closes with a note. The audit trail and the engagement events carry the
 * rating and the like, never who the requester is or how to reach them.
 */

#define MAX_COMMENT   1000
#define MAX_COMPLAINT 1000
#define MAX_NOTE      1000

/* Inside a write: the held request, checked for SERVICE_DISPATCH at its
 * region — or, when @by_requester and the actor is the portal's public
 * actor, for PUBLIC_SUBMIT (the portal lets a visitor rate only a request
 * whose code and contact they proved); NULL with the error otherwise. */
static XfServiceRequest *
load_for_write (XfServices  *self,
                gint64       request_id,
                gboolean     by_requester,
                GError     **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  XfOperation op = XF_OP_SERVICE_DISPATCH;

  if (by_requester && xf_account_is_public (self->actor))
    op = XF_OP_PUBLIC_SUBMIT;
  if (!_xf_services_lock (self, "service_requests", request_id, error))
    return NULL;
  request = _xf_services_load_request (self, request_id, error);
  if (request == NULL
      || !_xf_services_check_region (self, op, request->region_code, error))
    return NULL;
  return g_steal_pointer (&request);
}

/* What the audit trail says: "rating 4, liked". */
static char *
describe (const XfServiceFeedback *feedback,
          const char              *comment,
          const char              *complaint)
{
  GString *text = g_string_new (NULL);

  if (feedback->rating > 0)
    g_string_append_printf (text, "rating %d", feedback->rating);
  if (feedback->liked)
    g_string_append_printf (text, "%sliked", text->len > 0 ? ", " : "");
  if (*comment != '\0')
    g_string_append_printf (text, "%scomment", text->len > 0 ? ", " : "");
  if (*complaint != '\0')
    g_string_append_printf (text, "%scomplaint", text->len > 0 ? ", " : "");
  return g_string_free (text, FALSE);
}

static gboolean
check_feedback (const XfServiceFeedback  *feedback,
                char                    **comment,
                char                    **complaint,
                GError                  **error)
{
  if (feedback->rating < 0 || feedback->rating > 5)
    {
      /* Translators: %d is the rating given. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Rating: 1 to 5 stars, not %d"),
                   feedback->rating);
      return FALSE;
    }
  if ((*comment = _xf_services_check_text (_("Comment"), feedback->comment, FALSE, MAX_COMMENT,
                                           error)) == NULL
      || (*complaint = _xf_services_check_text (_("Complaint"), feedback->complaint, FALSE,
                                                MAX_COMPLAINT, error)) == NULL)
    return FALSE;
  if (feedback->rating == 0 && !feedback->liked && **comment == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Rating: give a rating, a like or a comment"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse_unless_done (XfServices        *self,
                    XfServiceRequest  *request,
                    GError           **error)
{
  gint64 rated = 0;

  if (!g_str_equal (request->status, XF_REQUEST_DONE))
    {
      /* Translators: the request's code, then its status ("Claimed"). */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("Request %s is %s: only a done request can be rated"),
                   request->code, xf_request_status_label (request->status));
      return FALSE;
    }
  if (!_xf_services_query_int64 (self, "SELECT COUNT(*) FROM service_feedback WHERE request_id = $1",
                                 request->id, &rated, error))
    return FALSE;
  if (rated > 0)
    {
      /* Translators: %s is the request's code. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("Request %s has been rated already"),
                   request->code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_feedback (XfServices               *self,
                 const XfServiceRequest   *request,
                 const XfServiceFeedback  *feedback,
                 const char               *comment,
                 const char               *complaint,
                 GError                  **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self,
                               "INSERT INTO service_feedback (request_id, rating, liked, comment, complaint,"
                               " follow_up_status, created_at, created_by)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request->id);
  if (feedback->rating > 0)
    xf_db_stmt_bind_int64 (stmt, 2, feedback->rating);
  else
    xf_db_stmt_bind_null (stmt, 2);
  xf_db_stmt_bind_int64 (stmt, 3, feedback->liked ? 1 : 0);
  xf_db_stmt_bind_text (stmt, 4, comment);
  xf_db_stmt_bind_text (stmt, 5, *complaint != '\0' ? complaint : NULL);
  xf_db_stmt_bind_text (stmt, 6, *complaint != '\0' ? XF_FOLLOW_UP_OPEN : NULL);
  xf_db_stmt_bind_int64 (stmt, 7, _xf_services_now ());
  xf_db_stmt_bind_text (stmt, 8, _xf_services_actor_name (self));
  return xf_db_stmt_run (stmt, error);
}

/* The timeline lines (the "rated" one's detail is the rating, "" for
 * none) and the claimer's engagement events. */
static gboolean
record_feedback (XfServices               *self,
                 const XfServiceRequest   *request,
                 const XfServiceFeedback  *feedback,
                 const char               *complaint,
                 GError                  **error)
{
  g_autofree char *rating = feedback->rating > 0 ? g_strdup_printf ("%d", feedback->rating)
                                                 : g_strdup ("");
  gint64 pioneer = request->claimed_by;

  if (!_xf_services_add_event (self, request->id, "rated", pioneer, rating, error)
      || (*complaint != '\0'
          && !_xf_services_add_event (self, request->id, "complaint", pioneer, complaint, error)))
    return FALSE;
  if (pioneer <= 0)
    return TRUE;
  return (feedback->rating == 0
          || _xf_services_record_engagement (self, pioneer, XF_ENGAGEMENT_SERVICE_RATED, request->uid,
                                             feedback->rating, error))
         && (!feedback->liked
             || _xf_services_record_engagement (self, pioneer, XF_ENGAGEMENT_SERVICE_LIKED,
                                                request->uid, 1, error));
}

gboolean
xf_services_rate (XfServices               *self,
                  gint64                    request_id,
                  const XfServiceFeedback  *feedback,
                  GError                  **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *complaint = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (feedback != NULL, FALSE);

  if (!check_feedback (feedback, &comment, &complaint, error))
    return FALSE;
  summary = describe (feedback, comment, complaint);

  if (!_xf_services_begin (self, error))
    return FALSE;
  request = load_for_write (self, request_id, TRUE, error);
  if (request == NULL
      || !refuse_unless_done (self, request, error)
      || !insert_feedback (self, request, feedback, comment, complaint, error)
      || !record_feedback (self, request, feedback, complaint, error)
      || !_xf_services_audit (self, XF_AUDIT_SERVICE_FEEDBACK, XF_RECORD_SERVICE_REQUEST,
                              request->uid, request->code, "feedback", NULL, summary, error)
      || !_xf_services_commit (self, error))
    {
      _xf_services_rollback (self);
      return FALSE;
    }
  _xf_services_emit_changed (self, request_id);
  return TRUE;
}

gboolean
xf_services_close_follow_up (XfServices  *self,
                             gint64       request_id,
                             const char  *note,
                             GError     **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autofree char *text = NULL;
  gint64 open = 0;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if ((text = _xf_services_check_text (_("Note"), note, TRUE, MAX_NOTE, error)) == NULL)
    return FALSE;
  if (!_xf_services_begin (self, error))
    return FALSE;
  request = load_for_write (self, request_id, FALSE, error);
  if (request == NULL
      || !_xf_services_query_int64 (self,
                                    "SELECT COUNT(*) FROM service_feedback"
                                    " WHERE request_id = $1 AND follow_up_status = 'open'",
                                    request_id, &open, error))
    goto fail;
  if (open == 0)
    {
      /* Translators: %s is the request's code. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("Request %s has no open follow-up"),
                   request->code);
      goto fail;
    }
  stmt = _xf_services_prepare (self,
                               "UPDATE service_feedback SET follow_up_status = 'closed', follow_up_note = $1,"
                               " follow_up_closed_at = $2, follow_up_closed_by = $3"
                               " WHERE request_id = $4 AND follow_up_status = 'open'", error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_text (stmt, 1, text);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_services_now ());
  xf_db_stmt_bind_text (stmt, 3, _xf_services_actor_name (self));
  xf_db_stmt_bind_int64 (stmt, 4, request_id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_services_add_event (self, request_id, "follow-up-closed", 0, text, error)
      || !_xf_services_audit (self, XF_AUDIT_FOLLOW_UP, XF_RECORD_SERVICE_REQUEST, request->uid,
                              request->code, "follow-up", XF_FOLLOW_UP_OPEN, text, error)
      || !_xf_services_commit (self, error))
    goto fail;
  _xf_services_emit_changed (self, request_id);
  return TRUE;

fail:
  _xf_services_rollback (self);
  return FALSE;
}

gboolean
xf_services_pioneer_rating (XfServices  *self,
                            gint64       pioneer_id,
                            double      *mean,
                            guint       *count,
                            GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 sum = 0, n = 0;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  /* Sums as integers: AVG is numeric on PostgreSQL, real on SQLite. */
  stmt = _xf_services_prepare (self,
                               "SELECT COALESCE(SUM(f.rating), 0), COUNT(f.rating)"
                               " FROM service_feedback f JOIN service_requests r ON r.id = f.request_id"
                               " WHERE r.claimed_by = $1 AND r.status = 'done' AND f.rating IS NOT NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      sum = xf_db_stmt_column_int64 (stmt, 0);
      n = xf_db_stmt_column_int64 (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (mean != NULL)
    *mean = n > 0 ? (double) sum / (double) n : 0;
  if (count != NULL)
    *count = (guint) n;
  return TRUE;
}
