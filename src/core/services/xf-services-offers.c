/* xf-services-offers.c — pioneers' serviceable items (可服务事项)
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
#include "xf-services-offers-private.h"
#include "xf-store.h"

/*
 * An offer says that a pioneer takes requests of one catalogue item: where
 * (region codes; none = the pioneer's own region), how (on site, remote or
 * both), how many a month and until when. One offer per pioneer and item.
 * Removing an offer leaves the requests the pioneer already has alone.
 */

#define XF_AUDIT_OFFER_REMOVE "offer-remove"
#define MAX_DESCRIPTION 1000
#define MAX_CAPACITY    100

#define OFFER_COLUMNS \
  "o.id, o.uid, o.pioneer_id, p.uid, p.name, i.code, i.name_en, i.name_zh, o.description, " \
  "o.regions, o.mode, o.capacity_per_month, o.available, o.available_until, o.version, " \
  XF_SERVICES_LOAD_SQL ("o.pioneer_id", "1")
#define OFFER_FROM \
  " FROM service_offers o JOIN pioneers p ON p.id = o.pioneer_id" \
  " JOIN service_items i ON i.id = o.item_id"

static gint64
local_to_utc_us (GDateTime *local)
{
  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

gint64
_xf_services_month_start (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);

  return local_to_utc_us (start);
}

gint64
_xf_services_year_ago (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_add_years (today, -1);

  return local_to_utc_us (start);
}

static gpointer
offer_from_row (XfServices *self G_GNUC_UNUSED,
                XfDbStmt   *stmt)
{
  XfServiceOffer *offer = xf_service_offer_new ();
  XfServiceItem names = { 0, };
  int col = 0;

#define TEXT(field) XF_SERVICES_TAKE_TEXT (offer, field, stmt, col)
  offer->id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (uid);
  offer->pioneer_id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (pioneer_uid);
  TEXT (pioneer_name);
  TEXT (item_code);
  names.name_en = (char *) xf_db_stmt_column_text (stmt, col++);
  names.name_zh = (char *) xf_db_stmt_column_text (stmt, col++);
  g_free (offer->item_name);
  offer->item_name = g_strdup (xf_service_item_get_name (&names));
  TEXT (description);
  TEXT (regions);
  TEXT (mode);
  offer->capacity_per_month = (int) xf_db_stmt_column_int64 (stmt, col++);
  offer->available = xf_db_stmt_column_int64 (stmt, col++) != 0;
  TEXT (available_until);
  offer->version = xf_db_stmt_column_int64 (stmt, col++);
  offer->load_this_month = (int) xf_db_stmt_column_int64 (stmt, col++);
#undef TEXT
  return offer;
}

GPtrArray *
xf_services_list_offers (XfServices  *self,
                         gint64       pioneer_id,
                         const char  *item_code,
                         GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " OFFER_COLUMNS OFFER_FROM " WHERE 1 = 1");
  gboolean by_item = item_code != NULL && *item_code != '\0';
  XfDbStmt *stmt;
  int param = 1;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  /* An item code that is not text matches nothing (and PostgreSQL would
   * refuse it as a parameter). */
  if (by_item && !g_utf8_validate (item_code, -1, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_offer_free);
  if (!_xf_services_ensure_catalogue (self, error))
    return NULL;
  if (pioneer_id != 0)
    g_string_append_printf (sql, " AND o.pioneer_id = $%d", ++param);
  if (by_item)
    g_string_append_printf (sql, " AND i.code = $%d", ++param);
  g_string_append (sql, " ORDER BY p.name, p.id, CASE i.grp WHEN 'common-prosperity' THEN 0 ELSE 1 END,"
                        " i.position, o.id");
  stmt = _xf_services_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  param = 1;
  xf_db_stmt_bind_int64 (stmt, param, _xf_services_month_start ());
  if (pioneer_id != 0)
    xf_db_stmt_bind_int64 (stmt, ++param, pioneer_id);
  if (by_item)
    xf_db_stmt_bind_text (stmt, ++param, item_code);
  return _xf_services_collect (self, stmt, offer_from_row, (GDestroyNotify) xf_service_offer_free,
                               error);
}

static XfServiceOffer *
load_offer (XfServices  *self,
            gint64       offer_id,
            GError     **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self, "SELECT " OFFER_COLUMNS OFFER_FROM " WHERE o.id = $2", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, _xf_services_month_start ());
  xf_db_stmt_bind_int64 (stmt, 2, offer_id);
  return _xf_services_fetch_one (self, stmt, offer_from_row, _("Offer"), offer_id, error);
}

/*
 * Writing
 */

/* PIONEER_EDIT or SERVICE_DISPATCH at the pioneer's place. */
static gboolean
check_pioneer (XfServices  *self,
               gint64       pioneer_id,
               GError     **error)
{
  g_autoptr(GError) edit_error = NULL;

  if (_xf_services_check_pioneer (self, XF_OP_PIONEER_EDIT, pioneer_id, &edit_error))
    return TRUE;
  if (!g_error_matches (edit_error, XF_ERROR, XF_ERROR_PERMISSION_DENIED))
    {
      g_propagate_error (error, g_steal_pointer (&edit_error));
      return FALSE;
    }
  return _xf_services_check_pioneer (self, XF_OP_SERVICE_DISPATCH, pioneer_id, error);
}

/* The region codes, single-spaced, each a known region or the city. */
static char *
check_regions (const char  *regions,
               GError     **error)
{
  g_auto(GStrv) codes = g_strsplit_set (regions != NULL ? regions : "", " \t\n,;", -1);
  g_autoptr(GString) out = g_string_new ("");
  XfReference *reference = xf_reference_get_shared ();

  if (!xf_reference_ensure (reference, XF_REFERENCE_REGIONS, error))
    return NULL;
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *padded = g_strdup_printf (" %s ", out->str);
      g_autofree char *token = g_strdup_printf (" %s ", codes[i]);

      if (*codes[i] == '\0' || strstr (padded, token) != NULL)
        continue;
      if (!xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, codes[i])
          && g_strcmp0 (codes[i], xf_reference_city_code (reference)) != 0)
        {
          g_autofree char *quoted = _xf_services_quote (codes[i]);

          /* Translators: %s is what was given as a region code. */
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Regions: “%s” is not a region code"), quoted);
          return NULL;
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, codes[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The offer as it will be stored, or NULL with the first problem. */
static XfServiceOffer *
validate (XfServices            *self,
          const XfServiceOffer  *offer,
          gint64                *item_id,
          GError               **error)
{
  g_autoptr(XfServiceOffer) clean = xf_service_offer_new ();
  GDate until;

  clean->id = offer->id;
  clean->version = offer->version;
  clean->pioneer_id = offer->pioneer_id;
  clean->available = offer->available;
  if (!_xf_services_check_active_pioneer (self, offer->pioneer_id, _("Pioneer"), error))
    return NULL;
  *item_id = _xf_services_item_id (self, offer->item_code, FALSE, error);
  if (*item_id == 0)
    return NULL;
  g_free (clean->item_code);
  clean->item_code = g_strdup (offer->item_code);
  g_free (clean->description);
  clean->description = _xf_services_check_text (_("Description"), offer->description, FALSE,
                                                MAX_DESCRIPTION, error);
  if (clean->description == NULL)
    return NULL;
  g_free (clean->regions);
  clean->regions = check_regions (offer->regions, error);
  if (clean->regions == NULL)
    return NULL;
  if (g_strcmp0 (offer->mode, XF_SERVICE_MODE_ON_SITE) != 0
      && g_strcmp0 (offer->mode, XF_SERVICE_MODE_REMOTE) != 0
      && g_strcmp0 (offer->mode, XF_SERVICE_MODE_BOTH) != 0)
    {
      g_autofree char *quoted = _xf_services_quote (offer->mode != NULL ? offer->mode : "");

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Mode: on site, remote or both, not “%s”"), quoted);
      return NULL;
    }
  g_free (clean->mode);
  clean->mode = g_strdup (offer->mode);
  if (offer->capacity_per_month < 1 || offer->capacity_per_month > MAX_CAPACITY)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Capacity: from 1 to %d requests a month, not %d"),
                   MAX_CAPACITY, offer->capacity_per_month);
      return NULL;
    }
  clean->capacity_per_month = offer->capacity_per_month;
  g_date_clear (&until, 1);
  if (offer->available_until != NULL && *offer->available_until != '\0')
    {
      if (!xf_date_parse (offer->available_until, &until))
        {
          g_autofree char *quoted = _xf_services_quote (offer->available_until);

          g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Available until: “%s” is not a date (YYYY-MM-DD)"),
                       quoted);
          return NULL;
        }
      clean->available_until = xf_date_format (&until);
    }
  return g_steal_pointer (&clean);
}

static gboolean
bind_and_run (XfServices            *self,
              XfDbStmt              *stmt,
              const XfServiceOffer  *clean,
              gint64                 item_id,
              GError               **error)
{
  xf_db_stmt_bind_int64 (stmt, 1, item_id);
  xf_db_stmt_bind_text (stmt, 2, clean->description);
  xf_db_stmt_bind_text (stmt, 3, clean->regions);
  xf_db_stmt_bind_text (stmt, 4, clean->mode);
  xf_db_stmt_bind_int64 (stmt, 5, clean->capacity_per_month);
  xf_db_stmt_bind_int64 (stmt, 6, clean->available ? 1 : 0);
  xf_db_stmt_bind_text (stmt, 7, clean->available_until);
  xf_db_stmt_bind_int64 (stmt, 8, xf_db_now ());
  return xf_db_stmt_run (stmt, error);
}

static gboolean
check_unique (XfServices  *self,
              gint64       pioneer_id,
              gint64       item_id,
              gint64       offer_id,
              const char  *item_code,
              GError     **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "SELECT count(*) FROM service_offers WHERE pioneer_id = $1 AND item_id = $2 AND id <> $3", error);
  gint64 taken;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 2, item_id);
  xf_db_stmt_bind_int64 (stmt, 3, offer_id);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    {
      xf_db_stmt_reset (stmt);
      return FALSE;
    }
  taken = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (taken == 0)
    return TRUE;
  /* Translators: %s is a catalogue code such as "cp-legal-aid". */
  g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Service item: the pioneer already offers “%s”"),
               item_code);
  return FALSE;
}

static char *
audit_label (const XfServiceOffer *offer)
{
  return g_strdup_printf ("%s · %s", offer->pioneer_name != NULL ? offer->pioneer_name : "",
                          offer->item_code);
}

static gint64
create_offer (XfServices      *self,
              XfServiceOffer  *clean,
              gint64           item_id,
              GError         **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autoptr(XfServiceOffer) stored = NULL;
  g_autofree char *label = NULL;
  XfDbStmt *stmt;

  if (!check_unique (self, clean->pioneer_id, item_id, 0, clean->item_code, error))
    return 0;
  stmt = _xf_services_prepare (self,
    "INSERT INTO service_offers (item_id, description, regions, mode, capacity_per_month, available,"
    " available_until, created_at, updated_at, version, uid, pioneer_id)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 1, $9, $10)", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 9, uid);
  xf_db_stmt_bind_int64 (stmt, 10, clean->pioneer_id);
  if (!bind_and_run (self, stmt, clean, item_id, error))
    return 0;
  stored = load_offer (self, xf_db_last_insert_id (self->db), error);
  if (stored == NULL)
    return 0;
  label = audit_label (stored);
  if (!_xf_services_audit (self, XF_AUDIT_CREATE, XF_RECORD_SERVICE_OFFER, stored->uid, label,
                           NULL, NULL, stored->item_code, error))
    return 0;
  return stored->id;
}

static gboolean
audit_changes (XfServices            *self,
               const XfServiceOffer  *old,
               const XfServiceOffer  *new,
               GError               **error)
{
  g_autofree char *label = audit_label (old);
  char old_capacity[16], new_capacity[16];
  const XfServicesFieldChange fields[] = {
    { "item", old->item_code, new->item_code },
    { "description", old->description, new->description },
    { "regions", old->regions, new->regions },
    { "mode", old->mode, new->mode },
    { "capacity-per-month", old_capacity, new_capacity },
    { "available", old->available ? "1" : "0", new->available ? "1" : "0" },
    { "available-until", old->available_until, new->available_until },
  };

  g_snprintf (old_capacity, sizeof old_capacity, "%d", old->capacity_per_month);
  g_snprintf (new_capacity, sizeof new_capacity, "%d", new->capacity_per_month);
  return _xf_services_audit_fields (self, XF_RECORD_SERVICE_OFFER, old->uid, label, fields,
                                    G_N_ELEMENTS (fields), error);
}

static gint64
update_offer (XfServices      *self,
              XfServiceOffer  *clean,
              gint64           item_id,
              GError         **error)
{
  g_autoptr(XfServiceOffer) stored = NULL;
  XfDbStmt *stmt;

  if (!_xf_services_lock (self, "service_offers", clean->id, error))
    return 0;
  stored = load_offer (self, clean->id, error);
  if (stored == NULL)
    return 0;
  if (stored->pioneer_id != clean->pioneer_id)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: an offer stays with its pioneer"));
      return 0;
    }
  if (stored->version != clean->version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The offer of %s was changed elsewhere since you opened it"), stored->pioneer_name);
      return 0;
    }
  if (!check_unique (self, clean->pioneer_id, item_id, clean->id, clean->item_code, error))
    return 0;
  stmt = _xf_services_prepare (self,
    "UPDATE service_offers SET item_id = $1, description = $2, regions = $3, mode = $4,"
    " capacity_per_month = $5, available = $6, available_until = $7, updated_at = $8,"
    " version = version + 1 WHERE id = $9 AND version = $10", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 9, clean->id);
  xf_db_stmt_bind_int64 (stmt, 10, clean->version);
  if (!bind_and_run (self, stmt, clean, item_id, error))
    return 0;
  if (xf_db_changes (self->db) != 1)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The offer of %s was changed elsewhere since you opened it"), stored->pioneer_name);
      return 0;
    }
  if (!audit_changes (self, stored, clean, error))
    return 0;
  return clean->id;
}

gint64
xf_services_save_offer (XfServices            *self,
                        const XfServiceOffer  *offer,
                        GError               **error)
{
  g_autoptr(XfServiceOffer) clean = NULL;
  gint64 item_id = 0;
  gint64 id;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (offer != NULL, 0);

  if (offer->pioneer_id > 0 && !check_pioneer (self, offer->pioneer_id, error))
    return 0;
  clean = validate (self, offer, &item_id, error);
  if (clean == NULL || !_xf_services_begin (self, error))
    return 0;
  id = clean->id == 0 ? create_offer (self, clean, item_id, error)
                      : update_offer (self, clean, item_id, error);
  if (id == 0)
    {
      _xf_services_rollback (self);
      return 0;
    }
  if (!_xf_services_commit (self, error))
    return 0;
  _xf_services_emit_changed (self, 0);
  return id;
}

gboolean
xf_services_remove_offer (XfServices  *self,
                          gint64       offer_id,
                          GError     **error)
{
  g_autoptr(XfServiceOffer) stored = NULL;
  g_autofree char *label = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_SERVICES (self), FALSE);

  if (!_xf_services_begin (self, error))
    return FALSE;
  if (!_xf_services_lock (self, "service_offers", offer_id, error))
    goto failed;
  stored = load_offer (self, offer_id, error);
  if (stored == NULL || !check_pioneer (self, stored->pioneer_id, error))
    goto failed;
  /* Requests the pioneer already has stay his or hers: only the offer goes. */
  stmt = _xf_services_prepare (self, "DELETE FROM service_offers WHERE id = $1", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, offer_id);
  label = audit_label (stored);
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_services_audit (self, XF_AUDIT_OFFER_REMOVE, XF_RECORD_SERVICE_OFFER, stored->uid, label,
                              NULL, stored->item_code, NULL, error))
    goto failed;
  if (!_xf_services_commit (self, error))
    return FALSE;
  _xf_services_emit_changed (self, 0);
  return TRUE;

failed:
  _xf_services_rollback (self);
  return FALSE;
}
