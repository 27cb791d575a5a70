/* xf-services-requests-create.c — a new request (点单): validation, code,
 *                                booking checks; the offer check the claims share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-identity.h"
#include "xf-reference.h"
#include "xf-services-offers-private.h"
#include "xf-services-requests-private.h"

#define MAX_NAME        100
#define MAX_CONTACT     100
#define MAX_PLACE       200
#define MAX_TIME        100
#define MAX_DESCRIPTION 2000
#define MAX_SOURCE_ID   100

/*
 * Shared with the claims
 */

char *
_xf_services_pioneer_name (XfServices *self,
                           gint64      pioneer_id)
{
  XfDbStmt *stmt = _xf_services_prepare (self, "SELECT name FROM pioneers WHERE id = $1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
    name = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  return name != NULL ? name : g_strdup ("");
}

gboolean
_xf_services_check_offer (XfServices  *self,
                          gint64       pioneer_id,
                          gint64       item_id,
                          const char  *field,
                          gboolean     check_capacity,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *name = NULL;
  gint64 capacity = -1, load = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
    "SELECT o.capacity_per_month, " XF_SERVICES_LOAD_SQL ("o.pioneer_id", "1")
    " FROM service_offers o WHERE o.pioneer_id = $2 AND o.item_id = $3 AND o.available = 1"
    " AND (o.available_until IS NULL OR o.available_until >= $4)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, _xf_services_month_start ());
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 3, item_id);
  xf_db_stmt_bind_text (stmt, 4, today);
  step = xf_db_stmt_step (stmt, &local_error);
  if (step == XF_DB_STEP_ROW)
    {
      capacity = xf_db_stmt_column_int64 (stmt, 0);
      load = xf_db_stmt_column_int64 (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (capacity < 0)
    {
      name = _xf_services_pioneer_name (self, pioneer_id);
      /* Translators: a field's name, then a pioneer's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s does not offer this service now"),
                   field, name);
      return FALSE;
    }
  if (check_capacity && load >= capacity)
    {
      name = _xf_services_pioneer_name (self, pioneer_id);
      /* Translators: a field's name, a pioneer's name, then a number of requests. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s: %s already has %d requests this month, the most offered"),
                   field, name, (int) load);
      return FALSE;
    }
  return TRUE;
}

/*
 * A new request
 */

/* A mobile, a fixed-line phone (digits, '-', ' ', '+', at least 7 digits)
 * or an e-mail address. */
static gboolean
check_contact (const char  *contact,
               GError     **error)
{
  const char *at = strchr (contact, '@');
  guint digits = 0;

  if (at != NULL)
    {
      if (at != contact && strchr (at + 1, '.') != NULL && strchr (at + 1, '@') == NULL
          && strchr (contact, ' ') == NULL && at[1] != '.' && contact[strlen (contact) - 1] != '.')
        return TRUE;
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Contact: “%s” is not an e-mail address"), contact);
      return FALSE;
    }
  if (strlen (contact) == 11 && contact[0] == '1')
    {
      g_autoptr(GError) mobile_error = NULL;

      if (xf_identity_check_mobile (contact, &mobile_error))
        return TRUE;
    }
  for (const char *p = contact; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != '-' && *p != ' ' && *p != '+' && *p != '(' && *p != ')')
        digits = 0, p = contact + strlen (contact) - 1;
    }
  if (digits >= 7 && digits <= 15)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Contact: “%s” is not a mobile number, a phone number or an e-mail address"), contact);
  return FALSE;
}

static gboolean
check_region (const char  *code,
              GError     **error)
{
  XfReference *reference = xf_reference_get_shared ();

  if (code == NULL || *code == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Region: this is required"));
      return FALSE;
    }
  if (xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, code)
      || g_strcmp0 (code, xf_reference_city_code (reference)) == 0)
    return TRUE;
  {
    g_autofree char *quoted = _xf_services_quote (code);

    /* Translators: %s is a region code */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Region: “%s” is not a known region code"), quoted);
  }
  return FALSE;
}

static char *
new_code (void)
{
  char code[10];

  for (int i = 0; i < 9; i++)
    code[i] = i == 4 ? '-' : XF_REQUEST_CODE_ALPHABET[g_random_int_range (0, sizeof XF_REQUEST_CODE_ALPHABET - 1)];
  code[9] = '\0';
  return g_strdup (code);
}

typedef struct
{
  char   *requester_name;
  char   *requester_contact;
  gint64  item_id;
  char   *place;
  char   *needed_by;
  char   *preferred_time;
  char   *description;
  char   *source_id;
} Clean;

static void
clean_clear (Clean *clean)
{
  g_free (clean->requester_name);
  g_free (clean->requester_contact);
  g_free (clean->place);
  g_free (clean->needed_by);
  g_free (clean->preferred_time);
  g_free (clean->description);
  g_free (clean->source_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Clean, clean_clear)

/* Every field of @request, in the order of the form; the first bad one
 * is reported. */
static gboolean
validate (XfServices             *self,
          const XfServiceRequest *request,
          Clean                  *clean,
          GError                **error)
{
  if (!(clean->requester_name = _xf_services_check_text (_("Requester"), request->requester_name,
                                                         TRUE, MAX_NAME, error)))
    return FALSE;
  if (!(clean->requester_contact = _xf_services_check_text (_("Contact"), request->requester_contact,
                                                            TRUE, MAX_CONTACT, error))
      || !check_contact (clean->requester_contact, error))
    return FALSE;
  if ((clean->item_id = _xf_services_item_id (self, request->item_code, FALSE, error)) == 0)
    return FALSE;
  if (!check_region (request->region_code, error))
    return FALSE;
  if (!(clean->place = _xf_services_check_text (_("Place"), request->place, FALSE, MAX_PLACE, error)))
    return FALSE;
  if (request->needed_by != NULL && *request->needed_by != '\0')
    {
      g_autofree char *today = xf_clock_today_text ();
      GDate date;

      g_date_clear (&date, 1);
      if (!xf_date_parse (request->needed_by, &date))
        {
          g_autofree char *quoted = _xf_services_quote (request->needed_by);

          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Needed by: “%s” is not a date (YYYY-MM-DD)"), quoted);
          return FALSE;
        }
      if (strcmp (request->needed_by, today) < 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Needed by: %s is in the past"), request->needed_by);
          return FALSE;
        }
      clean->needed_by = g_strdup (request->needed_by);
    }
  if (!(clean->preferred_time = _xf_services_check_text (_("Preferred time"), request->preferred_time,
                                                         FALSE, MAX_TIME, error)))
    return FALSE;
  if (!(clean->description = _xf_services_check_text (_("Description"), request->description,
                                                      TRUE, MAX_DESCRIPTION, error)))
    return FALSE;
  if (request->booked_pioneer_id != 0
      && (!_xf_services_check_active_pioneer (self, request->booked_pioneer_id, _("Pioneer"), error)
          || !_xf_services_check_offer (self, request->booked_pioneer_id, clean->item_id,
                                        _("Pioneer"), FALSE, error)))
    return FALSE;
  if (g_strcmp0 (request->channel, XF_REQUEST_CHANNEL_DESK) != 0
      && g_strcmp0 (request->channel, XF_REQUEST_CHANNEL_IMPORT) != 0
      && g_strcmp0 (request->channel, XF_REQUEST_CHANNEL_PORTAL) != 0)
    {
      g_autofree char *quoted = _xf_services_quote (request->channel);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Channel: “%s” is not a channel"), quoted);
      return FALSE;
    }
  if (request->source_id != NULL && *request->source_id != '\0')
    {
      if (!(clean->source_id = _xf_services_check_text (_("Source id"), request->source_id,
                                                        TRUE, MAX_SOURCE_ID, error)))
        return FALSE;
    }
  return TRUE;
}

/* A desk enters requests with REQUEST_EDIT or SERVICE_DISPATCH at the
 * request's region; the portal's public actor with PUBLIC_SUBMIT, on the
 * portal's channel only (anything else is refused as a desk's entry would
 * be: the public holds no REQUEST_EDIT). */
static gboolean
check_may_enter (XfServices              *self,
                 const XfServiceRequest  *request,
                 GError                 **error)
{
  XfTarget target = { request->region_code, NULL, NULL };

  if (xf_account_is_public (self->actor)
      && g_strcmp0 (request->channel, XF_REQUEST_CHANNEL_PORTAL) == 0
      && (request->source_id == NULL || *request->source_id == '\0'))
    return _xf_services_check_region (self, XF_OP_PUBLIC_SUBMIT, request->region_code, error);
  if (xf_permission_allows (self->actor, XF_OP_SERVICE_DISPATCH, &target))
    return TRUE;
  return _xf_services_check_region (self, XF_OP_REQUEST_EDIT, request->region_code, error);
}

/* Inside the write: a code nobody has (8 random characters; a collision
 * is rare but retried). */
static char *
unused_code (XfServices  *self,
             GError     **error)
{
  for (int attempt = 0; attempt < 20; attempt++)
    {
      g_autofree char *code = new_code ();
      XfDbStmt *stmt = _xf_services_prepare (self, "SELECT COUNT(*) FROM service_requests WHERE code = $1", error);
      XfDbStep step;
      gint64 count = 0;

      if (stmt == NULL)
        return NULL;
      xf_db_stmt_bind_text (stmt, 1, code);
      step = xf_db_stmt_step (stmt, error);
      if (step == XF_DB_STEP_ROW)
        count = xf_db_stmt_column_int64 (stmt, 0);
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return NULL;
      if (count == 0)
        return g_steal_pointer (&code);
    }
  g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT, _("No free request code was found; try again"));
  return NULL;
}

static gint64
insert_request (XfServices             *self,
                const XfServiceRequest *request,
                const Clean            *clean,
                const char             *uid,
                const char             *code,
                gint64                  due,
                gint64                  now,
                GError                **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "INSERT INTO service_requests (uid, code, source_id, channel, requester_name, requester_contact,"
    " item_id, region_code, place, needed_by, preferred_time, description, booked_pioneer_id, status,"
    " response_due_at, created_by, created_at, updated_at, version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, 1)", error);

  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_text (stmt, 2, code);
  if (clean->source_id != NULL)
    xf_db_stmt_bind_text (stmt, 3, clean->source_id);
  else
    xf_db_stmt_bind_null (stmt, 3);
  xf_db_stmt_bind_text (stmt, 4, request->channel);
  xf_db_stmt_bind_text (stmt, 5, clean->requester_name);
  xf_db_stmt_bind_text (stmt, 6, clean->requester_contact);
  xf_db_stmt_bind_int64 (stmt, 7, clean->item_id);
  xf_db_stmt_bind_text (stmt, 8, request->region_code);
  xf_db_stmt_bind_text (stmt, 9, clean->place);
  if (clean->needed_by != NULL)
    xf_db_stmt_bind_text (stmt, 10, clean->needed_by);
  else
    xf_db_stmt_bind_null (stmt, 10);
  xf_db_stmt_bind_text (stmt, 11, clean->preferred_time);
  xf_db_stmt_bind_text (stmt, 12, clean->description);
  if (request->booked_pioneer_id != 0)
    xf_db_stmt_bind_int64 (stmt, 13, request->booked_pioneer_id);
  else
    xf_db_stmt_bind_null (stmt, 13);
  xf_db_stmt_bind_text (stmt, 14, request->booked_pioneer_id != 0 ? XF_REQUEST_BOOKED : XF_REQUEST_OPEN);
  xf_db_stmt_bind_int64 (stmt, 15, due);
  xf_db_stmt_bind_text (stmt, 16, _xf_services_actor_name (self));
  xf_db_stmt_bind_int64 (stmt, 17, now);
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  return xf_db_last_insert_id (self->db);
}

/* Whether a request with @source_id is stored: 1, 0, or -1 on error. */
static int
source_id_taken (XfServices  *self,
                 const char  *source_id,
                 GError     **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self, "SELECT COUNT(*) FROM service_requests WHERE source_id = $1", error);
  XfDbStep step;
  gint64 seen = 0;

  if (stmt == NULL)
    return -1;
  xf_db_stmt_bind_text (stmt, 1, source_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    seen = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return -1;
  return seen > 0 ? 1 : 0;
}

static void
set_source_id_taken (GError     **error,
                     const char  *source_id)
{
  /* Translators: %s is the public channel's own id of a request */
  g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Source id: “%s” was taken before"), source_id);
}

gint64
xf_services_create_request (XfServices             *self,
                            const XfServiceRequest *request,
                            GError                **error)
{
  g_auto(Clean) clean = { 0 };
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *code = NULL;
  gint64 now, id = 0;
  int taken;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (request != NULL, 0);

  if (!validate (self, request, &clean, error)
      || !check_may_enter (self, request, error)
      || (item = xf_services_get_item (self, request->item_code, error)) == NULL)
    return 0;

  now = _xf_services_now ();
  uid = xf_store_new_uid ();
  if (!_xf_services_begin (self, error))
    return 0;
  if (clean.source_id != NULL
      && (taken = source_id_taken (self, clean.source_id, &local_error)) != 0)
    {
      if (taken > 0)
        set_source_id_taken (&local_error, clean.source_id);
      goto fail;
    }
  if ((code = unused_code (self, &local_error)) == NULL
      || (id = insert_request (self, request, &clean, uid, code,
                               xf_services_response_due (self, item, now), now, &local_error)) == 0
      || !_xf_services_add_event (self, id, "created", 0, NULL, &local_error)
      || (request->booked_pioneer_id != 0
          && !_xf_services_add_event (self, id, "booked", request->booked_pioneer_id, NULL, &local_error))
      || !_xf_services_audit (self, XF_AUDIT_CREATE, XF_RECORD_SERVICE_REQUEST, uid, code,
                              NULL, NULL, item->code, &local_error)
      || !_xf_services_commit (self, &local_error))
    goto fail;
  _xf_services_emit_changed (self, id);
  return id;

fail:
  _xf_services_rollback (self);
  /* Two desks importing the same line at once: the database's unique
   * source_id stops the second; say so as the check above would have. */
  if (clean.source_id != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_DUPLICATE)
      && source_id_taken (self, clean.source_id, NULL) > 0)
    {
      g_clear_error (&local_error);
      set_source_id_taken (&local_error, clean.source_id);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}
