/* xf-services-activities.c — policy lectures (政策宣讲) and skill
 *                             activities (技能活动): participants, attendance
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-services-private.h"
#include "xf-store.h"

/*
 * An activity belongs to its initiator's place: writes ask for
 * SERVICE_DISPATCH there. Its region is the one given, else the
 * initiator's; participants' contacts are plain only for those who see
 * personal data there. The engagement events are recorded when the
 * activity is marked held (and for a pioneer whose attendance is taken
 * afterwards), each once.
 */

#define MAX_TITLE    200
#define MAX_PLACE    200
#define MAX_NAME     100
#define MAX_CONTACT  200
#define MAX_TEXT     2000

#define ACTIVITY_COLUMNS \
  "a.id, a.uid, a.pioneer_id, p.name, a.kind, a.title, i.code, a.held_on, a.start_time, a.place, " \
  "COALESCE(a.region_code, p.region_code), a.capacity, a.description, a.status, a.cancel_reason, " \
  "a.version, " \
  "(SELECT COUNT(*) FROM activity_participants x WHERE x.activity_id = a.id), " \
  "(SELECT COUNT(*) FROM activity_participants x WHERE x.activity_id = a.id AND x.attended = 1)"
#define ACTIVITY_FROM \
  " FROM activities a JOIN pioneers p ON p.id = a.pioneer_id" \
  " LEFT JOIN service_items i ON i.id = a.item_id"

static gpointer
activity_from_row (XfServices *self G_GNUC_UNUSED,
                   XfDbStmt   *stmt)
{
  XfActivity *activity = xf_activity_new ();
  int col = 0;

#define TEXT(field) XF_SERVICES_TAKE_TEXT (activity, field, stmt, col)
  activity->id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (uid);
  activity->pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (pioneer_name);
  TEXT (kind);
  TEXT (title);
  TEXT (item_code);
  TEXT (held_on);
  TEXT (start_time);
  TEXT (place);
  TEXT (region_code);
  activity->capacity = (int) xf_db_stmt_column_int64 (stmt, col++);
  TEXT (description);
  TEXT (status);
  TEXT (cancel_reason);
  activity->version = xf_db_stmt_column_int64 (stmt, col++);
  activity->n_participants = (guint) xf_db_stmt_column_int64 (stmt, col++);
  activity->n_attended = (guint) xf_db_stmt_column_int64 (stmt, col++);
#undef TEXT
  return activity;
}

GPtrArray *
xf_services_list_activities (XfServices  *self,
                             gint64       pioneer_id,
                             const char  *kind,
                             GError     **error)
{
  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  return _xf_services_list_for (self,
                                "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
                                " WHERE ($1 = 0 OR a.pioneer_id = $1) AND ($2 = '' OR a.kind = $2)"
                                " ORDER BY a.held_on DESC, a.id DESC",
                                pioneer_id, kind, activity_from_row,
                                (GDestroyNotify) xf_activity_free, error);
}

static XfActivity *
load_activity (XfServices  *self,
               gint64       activity_id,
               GError     **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self, "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM " WHERE a.id = $1",
                               error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, activity_id);
  return _xf_services_fetch_one (self, stmt, activity_from_row, _("Activity"), activity_id, error);
}

/* The participants, contacts unmasked (@plain) or masked. */
static gboolean
load_participants (XfServices  *self,
                   XfActivity  *activity,
                   gboolean     plain,
                   GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
                               "SELECT id, name, contact, pioneer_id, attended FROM activity_participants"
                               " WHERE activity_id = $1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, activity->id);
  if (activity->participants == NULL)
    activity->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_participant_free);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfParticipant *participant = g_new0 (XfParticipant, 1);

      participant->id = xf_db_stmt_column_int64 (stmt, 0);
      participant->name = xf_db_stmt_dup_text (stmt, 1);
      participant->contact = plain ? xf_db_stmt_dup_text (stmt, 2)
                                   : _xf_services_mask_contact (xf_db_stmt_column_text (stmt, 2));
      participant->pioneer_id = xf_db_stmt_column_int64 (stmt, 3);
      participant->attended = xf_db_stmt_column_is_null (stmt, 4)
                              ? -1 : (int) xf_db_stmt_column_int64 (stmt, 4);
      g_ptr_array_add (activity->participants, participant);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

XfActivity *
xf_services_get_activity (XfServices  *self,
                          gint64       activity_id,
                          GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  activity = load_activity (self, activity_id, error);
  if (activity == NULL
      || !load_participants (self, activity,
                             _xf_services_sees_contacts (self, activity->region_code), error))
    return NULL;
  return g_steal_pointer (&activity);
}

/*
 * Creating
 */

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_start_time (const char  *text,
                  GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':'
      && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
      && (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6')
    return TRUE;
  return set_invalid (error, _("Start time: a time written HH:MM is required"));
}

/* The checks on a new activity that need no database. */
static gboolean
check_activity (const XfActivity  *activity,
                GError           **error)
{
  GDate day;

  if (g_strcmp0 (activity->kind, XF_ACTIVITY_LECTURE) != 0
      && g_strcmp0 (activity->kind, XF_ACTIVITY_SKILL) != 0)
    return set_invalid (error, _("Kind: a policy lecture or a skill activity is required"));
  g_date_clear (&day, 1);
  if (!xf_date_parse (activity->held_on, &day))
    return set_invalid (error, _("Date: a date written YYYY-MM-DD is required"));
  if (!check_start_time (activity->start_time, error))
    return FALSE;
  if (activity->capacity < 0)
    return set_invalid (error, _("Capacity: 0 (no limit) or more"));
  /* A known region or the city's own code, as for requests and offers. */
  if (activity->region_code != NULL && *activity->region_code != '\0'
      && !xf_reference_is_valid (xf_reference_get_shared (), XF_REFERENCE_REGIONS,
                                 activity->region_code)
      && g_strcmp0 (activity->region_code, xf_reference_city_code (xf_reference_get_shared ())) != 0)
    {
      g_autofree char *quoted = _xf_services_quote (activity->region_code);

      /* Translators: %s is a region code. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Region: “%s” is not a known region"),
                   quoted);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_activity (XfServices        *self,
                 const XfActivity  *activity,
                 const char        *uid,
                 const char        *title,
                 const char        *place,
                 const char        *description,
                 gint64             item_id,
                 GError           **error)
{
  gint64 now = _xf_services_now ();
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self,
                               "INSERT INTO activities (uid, pioneer_id, kind, title, item_id, held_on,"
                               " start_time, place, region_code, capacity, description, status,"
                               " created_at, updated_at, version)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'planned', $12, $12, 1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, activity->pioneer_id);
  xf_db_stmt_bind_text (stmt, 3, activity->kind);
  xf_db_stmt_bind_text (stmt, 4, title);
  if (item_id > 0)
    xf_db_stmt_bind_int64 (stmt, 5, item_id);
  else
    xf_db_stmt_bind_null (stmt, 5);
  xf_db_stmt_bind_text (stmt, 6, activity->held_on);
  xf_db_stmt_bind_text (stmt, 7, activity->start_time != NULL ? activity->start_time : "");
  xf_db_stmt_bind_text (stmt, 8, place);
  if (activity->region_code != NULL && *activity->region_code != '\0')
    xf_db_stmt_bind_text (stmt, 9, activity->region_code);
  else
    xf_db_stmt_bind_null (stmt, 9);
  if (activity->capacity > 0)
    xf_db_stmt_bind_int64 (stmt, 10, activity->capacity);
  else
    xf_db_stmt_bind_null (stmt, 10);
  xf_db_stmt_bind_text (stmt, 11, description);
  xf_db_stmt_bind_int64 (stmt, 12, now);
  return xf_db_stmt_run (stmt, error);
}

gint64
xf_services_create_activity (XfServices        *self,
                             const XfActivity  *activity,
                             GError           **error)
{
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;
  g_autofree char *description = NULL;
  g_autofree char *uid = NULL;
  gint64 item_id = 0;
  gint64 id;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (activity != NULL, 0);

  if (!check_activity (activity, error)
      || (title = _xf_services_check_text (C_("activity", "Title"), activity->title, TRUE, MAX_TITLE,
                                           error)) == NULL
      || (place = _xf_services_check_text (_("Place"), activity->place, TRUE, MAX_PLACE,
                                           error)) == NULL
      || (description = _xf_services_check_text (_("Description"), activity->description, FALSE,
                                                 MAX_TEXT, error)) == NULL
      || !_xf_services_check_active_pioneer (self, activity->pioneer_id, _("Initiator"), error)
      || !_xf_services_check_pioneer (self, XF_OP_SERVICE_DISPATCH, activity->pioneer_id, error))
    return 0;
  if (activity->item_code != NULL && *activity->item_code != '\0'
      && (item_id = _xf_services_item_id (self, activity->item_code, FALSE, error)) == 0)
    return 0;

  if (!_xf_services_begin (self, error))
    return 0;
  uid = xf_store_new_uid ();
  if (!insert_activity (self, activity, uid, title, place, description, item_id, error))
    goto fail;
  id = xf_db_last_insert_id (self->db);
  if (!_xf_services_audit (self, XF_AUDIT_CREATE, XF_RECORD_ACTIVITY, uid, title, "held-on",
                           NULL, activity->held_on, error)
      || !_xf_services_commit (self, error))
    goto fail;
  _xf_services_emit_changed (self, 0);
  return id;

fail:
  _xf_services_rollback (self);
  return 0;
}

/*
 * Steps
 */

/* Inside a write: the held activity, checked for the actor; NULL with the
 * error otherwise. */
static XfActivity *
load_for_write (XfServices  *self,
                gint64       activity_id,
                GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;

  if (!_xf_services_lock (self, "activities", activity_id, error))
    return NULL;
  activity = load_activity (self, activity_id, error);
  if (activity == NULL
      || !_xf_services_check_pioneer (self, XF_OP_SERVICE_DISPATCH, activity->pioneer_id, error))
    return NULL;
  return g_steal_pointer (&activity);
}

static gboolean
refuse_unless_planned (const XfActivity  *activity,
                       const char        *refusal,
                       GError           **error)
{
  if (g_str_equal (activity->status, XF_ACTIVITY_PLANNED))
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, refusal, activity->title,
               xf_activity_status_label (activity->status));
  return FALSE;
}

/* Attendance and holding happen on or after the day. */
static gboolean
refuse_before_the_day (const XfActivity  *activity,
                       GError           **error)
{
  g_autofree char *today = xf_clock_today_text ();

  if (g_strcmp0 (today, activity->held_on) >= 0)
    return TRUE;
  /* Translators: the activity's title, then its date (YYYY-MM-DD). */
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” takes place on %s: not before then"),
               activity->title, activity->held_on);
  return FALSE;
}

/* Whether @pioneer_id is among @activity's participants already. */
static gboolean
has_joined (XfServices        *self,
            const XfActivity  *activity,
            gint64             pioneer_id,
            gboolean          *joined,
            GError           **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
                               "SELECT COUNT(*) FROM activity_participants"
                               " WHERE activity_id = $1 AND pioneer_id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, activity->id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  *joined = step == XF_DB_STEP_ROW && xf_db_stmt_column_int64 (stmt, 0) > 0;
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

/* Room left, and a pioneer other than the initiator who has not joined. */
static gboolean
check_joining (XfServices        *self,
               const XfActivity  *activity,
               XfPioneer         *pioneer,
               GError           **error)
{
  gboolean joined = FALSE;

  if (activity->capacity > 0 && activity->n_participants >= (guint) activity->capacity)
    {
      /* Translators: the activity's title, then its number of places. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” is full: all %d places are taken"),
                   activity->title, activity->capacity);
      return FALSE;
    }
  if (pioneer == NULL)
    return TRUE;
  if (xf_pioneer_get_id (pioneer) == activity->pioneer_id)
    return set_invalid (error, _("Pioneer: the initiator cannot join his or her own activity"));
  if (!has_joined (self, activity, xf_pioneer_get_id (pioneer), &joined, error))
    return FALSE;
  if (joined)
    {
      /* Translators: a pioneer's name, then the activity's title. */
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Pioneer: %s has joined “%s” already"),
                   xf_pioneer_get_name (pioneer), activity->title);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_participant (XfServices        *self,
                    const XfActivity  *activity,
                    const char        *name,
                    const char        *contact,
                    gint64             pioneer_id,
                    GError           **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self,
                               "INSERT INTO activity_participants (activity_id, name, contact, pioneer_id,"
                               " created_at) VALUES ($1, $2, $3, $4, $5)", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, activity->id);
  xf_db_stmt_bind_text (stmt, 2, name);
  xf_db_stmt_bind_text (stmt, 3, contact);
  if (pioneer_id > 0)
    xf_db_stmt_bind_int64 (stmt, 4, pioneer_id);
  else
    xf_db_stmt_bind_null (stmt, 4);
  xf_db_stmt_bind_int64 (stmt, 5, _xf_services_now ());
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  return xf_db_last_insert_id (self->db);
}

gint64
xf_services_add_participant (XfServices  *self,
                             gint64       activity_id,
                             const char  *name,
                             const char  *contact,
                             gint64       pioneer_id,
                             GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *plain_name = NULL;
  g_autofree char *plain_contact = NULL;
  gint64 id = 0;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);

  if (pioneer_id > 0)
    {
      g_autoptr(GError) local_error = NULL;

      pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, &local_error);
      if (pioneer == NULL)
        {
          /* Translators: %lld is a pioneer file's number. */
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: there is no file %lld"),
                       (long long) pioneer_id);
          return 0;
        }
      /* A pioneer's own name when none is given. */
      if (name == NULL || *name == '\0')
        name = xf_pioneer_get_name (pioneer);
    }
  if ((plain_name = _xf_services_check_text (C_("person", "Name"), name, TRUE, MAX_NAME, error)) == NULL
      || (plain_contact = _xf_services_check_text (_("Contact"), contact, FALSE, MAX_CONTACT,
                                                   error)) == NULL)
    return 0;

  if (!_xf_services_begin (self, error))
    return 0;
  activity = load_for_write (self, activity_id, error);
  if (!_xf_services_end (self,
                         activity != NULL
                         /* Translators: the activity's title, then its status ("Held"). */
                         && refuse_unless_planned (activity, _("“%s” is %s: participants join a planned activity only"),
                                                   error)
                         && check_joining (self, activity, pioneer, error)
                         && (id = insert_participant (self, activity, plain_name, plain_contact,
                                                      pioneer_id, error)) != 0
                         /* The name, never the contact. */
                         && _xf_services_audit (self, XF_AUDIT_UPDATE, XF_RECORD_ACTIVITY, activity->uid,
                                                activity->title, "participant", NULL, plain_name, error),
                         0, error))
    return 0;
  return id;
}

/* The engagement kind for @activity: its initiator's, or a participant's. */
static const char *
engagement_kind (const XfActivity *activity,
                 gboolean          initiated)
{
  if (g_str_equal (activity->kind, XF_ACTIVITY_LECTURE))
    return initiated ? XF_ENGAGEMENT_LECTURE_INITIATED : XF_ENGAGEMENT_LECTURE_JOINED;
  return initiated ? XF_ENGAGEMENT_SKILL_INITIATED : XF_ENGAGEMENT_SKILL_JOINED;
}

gboolean
xf_services_set_attendance (XfServices  *self,
                            gint64       participant_id,
                            gboolean     attended,
                            GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autofree char *name = NULL;
  gint64 pioneer_id = 0;
  gint64 activity_id = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if (!_xf_services_begin (self, error))
    return FALSE;
  stmt = _xf_services_prepare (self,
                               "SELECT activity_id, name, pioneer_id FROM activity_participants WHERE id = $1",
                               error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_int64 (stmt, 1, participant_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      activity_id = xf_db_stmt_column_int64 (stmt, 0);
      name = xf_db_stmt_dup_text (stmt, 1);
      pioneer_id = xf_db_stmt_column_int64 (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    goto fail;
  if (activity_id == 0)
    {
      _xf_services_set_not_found (error, _("Participant"), participant_id);
      goto fail;
    }
  activity = load_for_write (self, activity_id, error);
  if (activity == NULL)
    goto fail;
  if (g_str_equal (activity->status, XF_ACTIVITY_CANCELLED))
    {
      /* Translators: %s is the activity's title. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("“%s” was cancelled: there is no attendance to take"), activity->title);
      goto fail;
    }
  if (!refuse_before_the_day (activity, error))
    goto fail;
  stmt = _xf_services_prepare (self, "UPDATE activity_participants SET attended = $1 WHERE id = $2",
                               error);
  if (stmt == NULL)
    goto fail;
  xf_db_stmt_bind_int64 (stmt, 1, attended ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 2, participant_id);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_services_audit (self, XF_AUDIT_ATTENDANCE, XF_RECORD_ACTIVITY, activity->uid,
                              activity->title, name, NULL, attended ? "attended" : "absent", error))
    goto fail;
  /* Taken after the activity was held: the pioneer's event now. */
  if (attended && pioneer_id > 0 && g_str_equal (activity->status, XF_ACTIVITY_HELD)
      && !_xf_services_record_engagement (self, pioneer_id, engagement_kind (activity, FALSE),
                                          activity->uid, 1, error))
    goto fail;
  if (!_xf_services_commit (self, error))
    goto fail;
  _xf_services_emit_changed (self, 0);
  return TRUE;

fail:
  _xf_services_rollback (self);
  return FALSE;
}

/* Moves a planned activity to @to (held or cancelled) and audits it. */
static gboolean
move (XfServices  *self,
      XfActivity  *activity,
      const char  *to,
      const char  *reason,
      GError     **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self,
                               "UPDATE activities SET status = $1, cancel_reason = $2, updated_at = $3,"
                               " version = version + 1 WHERE id = $4 AND status = 'planned'", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, to);
  xf_db_stmt_bind_text (stmt, 2, reason);
  xf_db_stmt_bind_int64 (stmt, 3, _xf_services_now ());
  xf_db_stmt_bind_int64 (stmt, 4, activity->id);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (self->db) != 1)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The activity was changed elsewhere; reload it"));
      return FALSE;
    }
  if (!_xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_ACTIVITY, activity->uid,
                           activity->title, "status", activity->status, to, error))
    return FALSE;
  return reason == NULL
         || _xf_services_audit (self, XF_AUDIT_SERVICE_STATUS, XF_RECORD_ACTIVITY, activity->uid,
                                activity->title, "reason", NULL, reason, error);
}

/* The initiator's event and those of the pioneers who attended. */
static gboolean
record_held (XfServices  *self,
             XfActivity  *activity,
             GError     **error)
{
  g_autoptr(GArray) attended = NULL;
  XfDbStmt *stmt;

  if (!_xf_services_record_engagement (self, activity->pioneer_id, engagement_kind (activity, TRUE),
                                       activity->uid, 1, error))
    return FALSE;
  stmt = _xf_services_prepare (self,
                               "SELECT pioneer_id FROM activity_participants"
                               " WHERE activity_id = $1 AND pioneer_id IS NOT NULL AND attended = 1"
                               " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, activity->id);
  attended = xf_db_stmt_collect_ids (stmt, error);
  if (attended == NULL)
    return FALSE;
  for (guint i = 0; i < attended->len; i++)
    if (!_xf_services_record_engagement (self, g_array_index (attended, gint64, i),
                                         engagement_kind (activity, FALSE), activity->uid, 1, error))
      return FALSE;
  return TRUE;
}

gboolean
xf_services_mark_activity_held (XfServices  *self,
                                gint64       activity_id,
                                GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if (!_xf_services_begin (self, error))
    return FALSE;
  activity = load_for_write (self, activity_id, error);
  return _xf_services_end (self,
                           activity != NULL
                           /* Translators: the activity's title, then its status ("Cancelled"). */
                           && refuse_unless_planned (activity, _("“%s” is %s: only a planned activity can be held"),
                                                     error)
                           && refuse_before_the_day (activity, error)
                           && move (self, activity, XF_ACTIVITY_HELD, NULL, error)
                           && record_held (self, activity, error),
                           0, error);
}

gboolean
xf_services_cancel_activity (XfServices  *self,
                             gint64       activity_id,
                             const char  *reason,
                             GError     **error)
{
  g_autoptr(XfActivity) activity = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if ((text = _xf_services_check_text (_("Reason"), reason, TRUE, MAX_TEXT, error)) == NULL)
    return FALSE;
  if (!_xf_services_begin (self, error))
    return FALSE;
  activity = load_for_write (self, activity_id, error);
  return _xf_services_end (self,
                           activity != NULL
                           /* Translators: the activity's title, then its status ("Held"). */
                           && refuse_unless_planned (activity, _("“%s” is %s: only a planned activity can be cancelled"),
                                                     error)
                           && move (self, activity, XF_ACTIVITY_CANCELLED, text, error),
                           0, error);
}
