/* xf-services-claims.c — claims (抢单), bookings' answers, assignment and progress
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-services-requests-private.h"

#define MAX_REASON 1000

/*
 * The request's life: open → claimed (claim, assignment); booked → claimed
 * (accepted) | → open (declined); claimed → in-progress → done; any status
 * before a final one → cancelled. Each step is one write: the request is
 * read again inside it and changed by a conditional UPDATE, so that two
 * desks acting at once cannot both move it.
 */

typedef enum
{
  ACTION_CLAIM,
  ACTION_ACCEPT,
  ACTION_DECLINE,
  ACTION_ASSIGN,
  ACTION_START,
  ACTION_COMPLETE,
  ACTION_CANCEL,
} Action;

/* XF_ERROR_WORKFLOW: "Cannot start a request that is open". */
static void
set_wrong_status (GError     **error,
                  Action       action,
                  const char  *status)
{
  g_autofree char *label = g_utf8_strdown (xf_request_status_label (status), -1);
  const char *format = NULL;

  switch (action)
    {
    /* Translators: %s is a request's status in lower case ("claimed") */
    case ACTION_CLAIM: format = _("Cannot claim a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("claimed") */
    case ACTION_ACCEPT: format = _("Cannot accept a booking of a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("claimed") */
    case ACTION_DECLINE: format = _("Cannot decline a booking of a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("claimed") */
    case ACTION_ASSIGN: format = _("Cannot assign a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("open") */
    case ACTION_START: format = _("Cannot start a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("open") */
    case ACTION_COMPLETE: format = _("Cannot complete a request that is %s"); break;
    /* Translators: %s is a request's status in lower case ("done") */
    case ACTION_CANCEL: format = _("Cannot cancel a request that is %s"); break;
    default: g_assert_not_reached ();
    }
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, format, label);
}

static void
set_already_claimed (GError                 **error,
                     const XfServiceRequest  *request)
{
  /* Translators: %s is the name of the pioneer who has the request */
  g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT, _("Already claimed by %s"),
               request->claimed_by_name != NULL && *request->claimed_by_name != '\0'
               ? request->claimed_by_name : "?");
}

static void
set_changed_elsewhere (GError **error)
{
  g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
               _("The request was changed at another desk; look at it again"));
}

/* The stored request with the dispatcher's permission at its region
 * checked (before any write). */
static XfServiceRequest *
load_for_dispatch (XfServices  *self,
                   gint64       request_id,
                   GError     **error)
{
  g_autoptr(XfServiceRequest) request = _xf_services_load_request (self, request_id, error);

  if (request == NULL
      || !_xf_services_check_region (self, XF_OP_SERVICE_DISPATCH, request->region_code, error))
    return NULL;
  return g_steal_pointer (&request);
}

/* Inside a write: the request as it is now, held until commit (PostgreSQL). */
static XfServiceRequest *
reload_locked (XfServices  *self,
               gint64       request_id,
               GError     **error)
{
  if (!_xf_services_lock (self, "service_requests", request_id, error))
    return NULL;
  return _xf_services_load_request (self, request_id, error);
}

static char *
pioneer_uid (XfServices *self,
             gint64      pioneer_id)
{
  XfDbStmt *stmt = _xf_services_prepare (self, "SELECT uid FROM pioneers WHERE id = $1", NULL);
  char *uid = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
    uid = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  return uid != NULL ? uid : g_strdup ("");
}

/* The audit line and the engagement event of a pioneer taking a request. */
static gboolean
record_taken (XfServices             *self,
              const XfServiceRequest *request,
              gint64                  pioneer_id,
              const char             *kind,
              GError                **error)
{
  g_autofree char *uid = pioneer_uid (self, pioneer_id);
  g_autofree char *value = g_strdup_printf ("%s %s", uid, kind);

  return _xf_services_audit (self, XF_AUDIT_SERVICE_CLAIM, XF_RECORD_SERVICE_REQUEST,
                             request->uid, request->code, "claimed_by", NULL, value, error)
         && _xf_services_record_engagement (self, pioneer_id, XF_ENGAGEMENT_SERVICE_CLAIMED,
                                            request->uid, 1.0, error);
}

static gboolean
audit_status (XfServices             *self,
              const XfServiceRequest *request,
              const char             *to,
              const char             *reason,
              GError                **error)
{
  if (!_xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_SERVICE_REQUEST,
                           request->uid, request->code, "status", request->status, to, error))
    return FALSE;
  return reason == NULL
         || _xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_SERVICE_REQUEST,
                                request->uid, request->code, "reason", NULL, reason, error);
}

/*
 * Claims (抢单)
 */

static gboolean
log_attempt (XfServices  *self,
             gint64       request_id,
             gint64       pioneer_id,
             gboolean     won,
             const char  *reason,
             gint64       now,
             GError     **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "INSERT INTO service_claims (request_id, pioneer_id, attempted_at, won, reason, recorded_by)"
    " VALUES ($1, $2, $3, $4, $5, $6)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 3, now);
  xf_db_stmt_bind_int64 (stmt, 4, won ? 1 : 0);
  if (reason != NULL)
    xf_db_stmt_bind_text (stmt, 5, reason);
  else
    xf_db_stmt_bind_null (stmt, 5);
  xf_db_stmt_bind_text (stmt, 6, _xf_services_actor_name (self));
  return xf_db_stmt_run (stmt, error);
}

/* Why @pioneer_id may not claim @request as it is now; NULL when it may.
 * @not_active: why the pioneer is not an active one (checked before the
 * write: a pioneer's status is not what desks race for), or NULL. */
static GError *
claim_refusal (XfServices             *self,
               const XfServiceRequest *request,
               gint64                  pioneer_id,
               gint64                  item_id,
               const GError           *not_active)
{
  GError *refusal = NULL;

  if (request->claimed_by != 0 && !xf_request_status_is_unclaimed (request->status)
      && g_strcmp0 (request->status, XF_REQUEST_CANCELLED) != 0)
    set_already_claimed (&refusal, request);
  else if (g_strcmp0 (request->status, XF_REQUEST_OPEN) != 0)
    set_wrong_status (&refusal, ACTION_CLAIM, request->status);
  else if (not_active != NULL)
    refusal = g_error_copy (not_active);
  else
    _xf_services_check_offer (self, pioneer_id, item_id, _("Pioneer"), TRUE, &refusal);
  return refusal;
}

/* Inside a write: holds @pioneer_id's offer of @item_id, if any. */
static gboolean
lock_offer (XfServices  *self,
            gint64       pioneer_id,
            gint64       item_id,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfDbStmt *stmt = _xf_services_prepare (self,
    "SELECT id FROM service_offers WHERE pioneer_id = $1 AND item_id = $2", error);
  gint64 offer_id = 0;
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 2, item_id);
  step = xf_db_stmt_step (stmt, &local_error);
  if (step == XF_DB_STEP_ROW)
    offer_id = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return offer_id == 0 || _xf_services_lock (self, "service_offers", offer_id, error);
}

gboolean
xf_services_claim (XfServices  *self,
                   gint64       request_id,
                   gint64       pioneer_id,
                   GError     **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(GError) not_active = NULL;
  gint64 item_id = 0, now;
  XfDbStmt *stmt;
  gboolean won;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  request = load_for_dispatch (self, request_id, error);
  if (request == NULL)
    return FALSE;
  /* No pioneer, or one that does not exist: nothing to log an attempt of.
   * An archived one's attempt is logged with its refusal. */
  if (pioneer_id <= 0)
    return _xf_services_check_active_pioneer (self, pioneer_id, _("Pioneer"), error);
  if (!_xf_services_check_active_pioneer (self, pioneer_id, _("Pioneer"), &not_active)
      && !g_error_matches (not_active, XF_ERROR, XF_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&not_active));
      return FALSE;
    }
  if ((item_id = _xf_services_item_id (self, request->item_code, TRUE, error)) == 0)
    return FALSE;

  now = _xf_services_now ();
  if (!_xf_services_begin (self, error))
    return FALSE;
  /* The pioneer's offer of the item is held until commit (PostgreSQL), so
   * that claims of other requests for the same offer count its load one
   * after the other: without it, each would see the load before the
   * others and all could pass the capacity. */
  if (!lock_offer (self, pioneer_id, item_id, error))
    goto fail;
  /* What the request is now, not what it was before this write began. */
  g_clear_pointer (&request, xf_service_request_free);
  if ((request = _xf_services_load_request (self, request_id, error)) == NULL)
    goto fail;
  refusal = claim_refusal (self, request, pioneer_id, item_id, not_active);
  won = FALSE;
  if (refusal == NULL)
    {
      /* The one conditional update: of any number of claims, one wins. */
      stmt = _xf_services_prepare (self,
        "UPDATE service_requests SET status = 'claimed', claimed_by = $1, claimed_at = $2,"
        " claim_kind = 'claim', updated_at = $2, version = version + 1"
        " WHERE id = $3 AND status = 'open'", error);
      if (stmt == NULL)
        goto fail;
      xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
      xf_db_stmt_bind_int64 (stmt, 2, now);
      xf_db_stmt_bind_int64 (stmt, 3, request_id);
      if (!xf_db_stmt_run (stmt, error))
        goto fail;
      won = xf_db_changes (self->db) == 1;
      if (!won)
        {
          /* Another desk got in between our read and our update. */
          g_clear_pointer (&request, xf_service_request_free);
          if ((request = _xf_services_load_request (self, request_id, error)) == NULL)
            goto fail;
          set_already_claimed (&refusal, request);
        }
    }

  if (!log_attempt (self, request_id, pioneer_id, won, refusal != NULL ? refusal->message : NULL,
                    now, error)
      || !_xf_services_add_event (self, request_id, won ? "claimed" : "claim-lost", pioneer_id,
                                  refusal != NULL ? refusal->message : NULL, error)
      || (won && !record_taken (self, request, pioneer_id, XF_CLAIM_KIND_CLAIM, error))
      || !_xf_services_commit (self, error))
    goto fail;
  _xf_services_emit_changed (self, request_id);
  if (!won)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  return TRUE;

fail:
  _xf_services_rollback (self);
  return FALSE;
}

/*
 * The other steps
 */

/* One step from @from (a status, or "unclaimed" / "active" / "working")
 * to a new status: @sql updates row $1 at time $2 when its version is
 * still $3; $4, when @param says so, is @text or the pioneer's id. */
typedef enum { PARAM_NONE, PARAM_TEXT, PARAM_PIONEER } Param;

typedef struct
{
  Action      action;
  const char *from;
  const char *to;
  const char *sql;
  const char *event;
  gint64      pioneer_id;    /* the event's pioneer; 0: the request's claimer */
  const char *text;          /* the reason or note */
  Param       param;
} Step;

static gboolean
status_matches (const char *status,
                const char *from)
{
  if (g_str_equal (from, "unclaimed"))
    return xf_request_status_is_unclaimed (status);
  if (g_str_equal (from, "active"))
    return !xf_request_status_is_final (status);
  if (g_str_equal (from, "working"))
    return g_strcmp0 (status, XF_REQUEST_CLAIMED) == 0
           || g_strcmp0 (status, XF_REQUEST_IN_PROGRESS) == 0;
  return g_strcmp0 (status, from) == 0;
}

static gboolean
run_step (XfServices  *self,
          gint64       request_id,
          const Step  *step,
          GError     **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  gint64 pioneer_id, now = _xf_services_now ();
  XfDbStmt *stmt;

  request = load_for_dispatch (self, request_id, error);
  if (request == NULL)
    return FALSE;
  if (!_xf_services_begin (self, error))
    return FALSE;
  g_clear_pointer (&request, xf_service_request_free);
  if ((request = reload_locked (self, request_id, error)) == NULL)
    goto fail;
  if (!status_matches (request->status, step->from))
    {
      if (step->action == ACTION_ASSIGN && request->claimed_by != 0
          && !xf_request_status_is_final (request->status))
        set_already_claimed (error, request);
      else
        set_wrong_status (error, step->action, request->status);
      goto fail;
    }
  pioneer_id = step->pioneer_id != 0 ? step->pioneer_id
             : request->claimed_by != 0 ? request->claimed_by : request->booked_pioneer_id;
  /* Only an active pioneer takes a request, by a claim or by accepting a
   * booking (an archived one's booking waits for a decline or the
   * dispatcher). */
  if (step->action == ACTION_ACCEPT
      && !_xf_services_check_active_pioneer (self, pioneer_id, _("Pioneer"), error))
    goto fail;

  stmt = _xf_services_prepare (self, step->sql, error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_int64 (stmt, 1, request_id);
  xf_db_stmt_bind_int64 (stmt, 2, now);
  xf_db_stmt_bind_int64 (stmt, 3, request->version);
  if (step->param == PARAM_TEXT)
    xf_db_stmt_bind_text (stmt, 4, step->text);
  else if (step->param == PARAM_PIONEER)
    xf_db_stmt_bind_int64 (stmt, 4, pioneer_id);
  if (!xf_db_stmt_run (stmt, error))
    goto fail;
  if (xf_db_changes (self->db) != 1)
    {
      set_changed_elsewhere (error);
      goto fail;
    }
  if (!_xf_services_add_event (self, request_id, step->event, pioneer_id, step->text, error)
      || !audit_status (self, request, step->to, step->text, error))
    goto fail;
  if ((step->action == ACTION_ACCEPT || step->action == ACTION_ASSIGN)
      && !record_taken (self, request, pioneer_id,
                        step->action == ACTION_ACCEPT ? XF_CLAIM_KIND_BOOKING : XF_CLAIM_KIND_ASSIGNMENT,
                        error))
    goto fail;
  if (step->action == ACTION_COMPLETE && pioneer_id != 0
      && !_xf_services_record_engagement (self, pioneer_id, XF_ENGAGEMENT_SERVICE_DONE,
                                          request->uid, 1.0, error))
    goto fail;
  return _xf_services_end (self, TRUE, request_id, error);

fail:
  _xf_services_rollback (self);
  return FALSE;
}

/* @template with the checked @input (required: the @field) as its text. */
static gboolean
run_text_step (XfServices  *self,
               gint64       request_id,
               const Step  *template,
               const char  *field,
               const char  *input,
               GError     **error)
{
  g_autofree char *clean = NULL;
  Step step = *template;

  if ((clean = _xf_services_check_text (field, input, TRUE, MAX_REASON, error)) == NULL)
    return FALSE;
  step.text = clean;
  return run_step (self, request_id, &step, error);
}

gboolean
xf_services_accept_booking (XfServices  *self,
                            gint64       request_id,
                            GError     **error)
{
  const Step step = {
    ACTION_ACCEPT, XF_REQUEST_BOOKED, XF_REQUEST_CLAIMED,
    "UPDATE service_requests SET status = 'claimed', claimed_by = $4, claimed_at = $2,"
    " claim_kind = 'booking', updated_at = $2, version = version + 1"
    " WHERE id = $1 AND status = 'booked' AND version = $3",
    "accepted", 0, NULL, PARAM_PIONEER
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  return run_step (self, request_id, &step, error);
}

gboolean
xf_services_decline_booking (XfServices  *self,
                             gint64       request_id,
                             const char  *reason,
                             GError     **error)
{
  /* Open for anyone to claim: no longer anyone's booking. */
  const Step step = {
    ACTION_DECLINE, XF_REQUEST_BOOKED, XF_REQUEST_OPEN,
    "UPDATE service_requests SET status = 'open', booked_pioneer_id = NULL, updated_at = $2,"
    " version = version + 1 WHERE id = $1 AND status = 'booked' AND version = $3",
    "declined", 0, NULL, PARAM_NONE
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  return run_text_step (self, request_id, &step, _("Reason"), reason, error);
}

gboolean
xf_services_assign (XfServices  *self,
                    gint64       request_id,
                    gint64       pioneer_id,
                    GError     **error)
{
  const Step step = {
    ACTION_ASSIGN, "unclaimed", XF_REQUEST_CLAIMED,
    "UPDATE service_requests SET status = 'claimed', claimed_by = $4, claimed_at = $2,"
    " claim_kind = 'assignment', updated_at = $2, version = version + 1"
    " WHERE id = $1 AND status IN " XF_REQUEST_UNCLAIMED_SQL " AND version = $3",
    "assigned", pioneer_id, NULL, PARAM_PIONEER
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if (!_xf_services_check_active_pioneer (self, pioneer_id, _("Pioneer"), error))
    return FALSE;
  return run_step (self, request_id, &step, error);
}

gboolean
xf_services_start (XfServices  *self,
                   gint64       request_id,
                   GError     **error)
{
  const Step step = {
    ACTION_START, XF_REQUEST_CLAIMED, XF_REQUEST_IN_PROGRESS,
    "UPDATE service_requests SET status = 'in-progress', started_at = $2, updated_at = $2,"
    " version = version + 1 WHERE id = $1 AND status = 'claimed' AND version = $3",
    "started", 0, NULL, PARAM_NONE
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  return run_step (self, request_id, &step, error);
}

gboolean
xf_services_complete (XfServices  *self,
                      gint64       request_id,
                      const char  *note,
                      GError     **error)
{
  const Step step = {
    ACTION_COMPLETE, "working", XF_REQUEST_DONE,
    "UPDATE service_requests SET status = 'done', done_at = $2, done_note = $4, closed_at = $2,"
    " updated_at = $2, version = version + 1"
    " WHERE id = $1 AND status IN ('claimed', 'in-progress') AND version = $3",
    "done", 0, NULL, PARAM_TEXT
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  return run_text_step (self, request_id, &step, _("Note"), note, error);
}

gboolean
xf_services_cancel (XfServices  *self,
                    gint64       request_id,
                    const char  *reason,
                    GError     **error)
{
  const Step step = {
    ACTION_CANCEL, "active", XF_REQUEST_CANCELLED,
    "UPDATE service_requests SET status = 'cancelled', cancel_reason = $4, closed_at = $2,"
    " updated_at = $2, version = version + 1"
    " WHERE id = $1 AND status IN " XF_REQUEST_ACTIVE_SQL " AND version = $3",
    "cancelled", 0, NULL, PARAM_TEXT
  };

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);
  return run_text_step (self, request_id, &step, _("Reason"), reason, error);
}

GStrv
xf_services_allowed_actions (XfServices             *self,
                             const XfServiceRequest *request)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  XfTarget target = { NULL, NULL, NULL };
  const char *status;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  target.region_code = request->region_code;
  status = request->status;
  if (!xf_permission_allows (self->actor, XF_OP_SERVICE_DISPATCH, &target))
    return g_strv_builder_end (builder);

  if (g_strcmp0 (status, XF_REQUEST_OPEN) == 0)
    g_strv_builder_add (builder, "claim");
  if (xf_request_status_is_unclaimed (status))
    g_strv_builder_add (builder, "assign");
  if (g_strcmp0 (status, XF_REQUEST_BOOKED) == 0)
    {
      /* A pioneer archived since the booking can no longer accept it. */
      if (_xf_services_check_active_pioneer (self, request->booked_pioneer_id, "", NULL))
        g_strv_builder_add (builder, "accept");
      g_strv_builder_add (builder, "decline");
    }
  if (g_strcmp0 (status, XF_REQUEST_CLAIMED) == 0)
    g_strv_builder_add (builder, "start");
  if (status_matches (status, "working"))
    g_strv_builder_add (builder, "complete");
  if (!xf_request_status_is_final (status))
    g_strv_builder_add (builder, "cancel");
  if (g_strcmp0 (status, XF_REQUEST_DONE) == 0 && request->feedback == NULL)
    g_strv_builder_add (builder, "rate");
  if (request->feedback != NULL
      && g_strcmp0 (request->feedback->follow_up_status, XF_FOLLOW_UP_OPEN) == 0)
    g_strv_builder_add (builder, "close-follow-up");
  return g_strv_builder_end (builder);
}
