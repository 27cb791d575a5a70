/* xf-care-records.c — care profiles, care records and a pioneer's history
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-store.h"

#define MAX_NOTE     1000
#define MAX_AMOUNT   G_GINT64_CONSTANT (100000000000)   /* ¥1,000,000,000.00 */

/*
 * Shared helpers
 */

/* The uid and name of pioneer @id, for the audit trail. */
static gboolean
pioneer_label (XfCare  *self,
               gint64   pioneer_id,
               char   **uid,
               char   **name,
               GError **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, "SELECT uid, name FROM pioneers WHERE id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      *uid = xf_db_stmt_dup_text (stmt, 0);
      *name = xf_db_stmt_dup_text (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    /* Translators: %lld is a record number. */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Pioneer %lld does not exist"), (long long) pioneer_id);
  return step == XF_DB_STEP_ROW;
}

G_GNUC_UNUSED static const char *
pick_name (const char *name_en,
           const char *name_zh)
{
  if (xf_reference_prefers_chinese () && name_zh != NULL && *name_zh != '\0')
    return name_zh;
  return name_en != NULL && *name_en != '\0' ? name_en : (name_zh != NULL ? name_zh : "");
}

static gboolean
check_not_future (const char  *field,
                  const char  *date,
                  GError     **error)
{
  g_autofree char *today = xf_repo_today ();

  if (date == NULL || g_strcmp0 (date, today) <= 0)
    return TRUE;
  /* Translators: a field's name, then a date. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is in the future"), field, date);
  return FALSE;
}

/*
 * Care records inside a write
 */

gint64
_xf_care_insert_record (XfCare              *self,
                        const XfCareRecord  *record,
                        GError             **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *pioneer_uid = NULL;
  g_autofree char *pioneer_name = NULL;
  g_autofree char *amount = xf_money_format (record->amount);
  g_autofree char *label = NULL;
  gint64 programme_id;
  XfDbStmt *stmt;

  programme_id = _xf_care_programme_id (self, record->programme_code, TRUE, error);
  if (programme_id == 0 || !pioneer_label (self, record->pioneer_id, &pioneer_uid, &pioneer_name, error))
    return 0;
  stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO care_records (uid, pioneer_id, programme_id, on_date, amount, batch_id, visit_id,"
    " case_id, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, record->pioneer_id);
  xf_db_stmt_bind_int64 (stmt, 3, programme_id);
  xf_db_stmt_bind_text (stmt, 4, record->on_date);
  xf_db_stmt_bind_int64 (stmt, 5, record->amount);
  xf_repo_bind_id_or_null (stmt, 6, record->batch_id);
  xf_repo_bind_id_or_null (stmt, 7, record->visit_id);
  xf_repo_bind_id_or_null (stmt, 8, record->case_id);
  xf_db_stmt_bind_text (stmt, 9, record->note != NULL ? record->note : "");
  xf_db_stmt_bind_text (stmt, 10, record->recorded_by != NULL && *record->recorded_by != '\0'
                                    ? record->recorded_by : xf_repo_actor_name (&self->repo));
  xf_db_stmt_bind_int64 (stmt, 11, xf_repo_now ());
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  label = g_strdup_printf ("%s %s %s", pioneer_name, record->programme_code, record->on_date);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_RECORD, uid, label,
                      "amount", NULL, amount, error))
    return 0;
  return xf_db_last_insert_id (self->repo.db);
}

static gpointer
first_text (XfDbStmt *stmt,
            gpointer  user_data G_GNUC_UNUSED)
{
  return xf_db_stmt_dup_text (stmt, 0);
}

gboolean
_xf_care_delete_batch_record (XfCare   *self,
                              gint64    batch_id,
                              gint64    pioneer_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) uids = NULL;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT uid FROM care_records WHERE batch_id = $1 AND pioneer_id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, batch_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  uids = xf_repo_collect (&self->repo, stmt, first_text, NULL, g_free, error);
  if (uids == NULL)
    return FALSE;
  for (guint i = 0; i < uids->len; i++)
    if (!xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_RECORD, g_ptr_array_index (uids, i),
                        NULL, "status", "recorded", "deleted", error))
      return FALSE;
  stmt = xf_repo_prepare (&self->repo, "DELETE FROM care_records WHERE batch_id = $1 AND pioneer_id = $2",
                          error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, batch_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  return xf_db_stmt_run (stmt, error);
}

/*
 * Profiles
 */

static gpointer
profile_from_row (XfDbStmt *stmt,
                  gpointer  user_data)
{
  XfCareProfile *profile = xf_care_profile_new (*(gint64 *) user_data);

  profile->retired_on = xf_db_stmt_dup_text (stmt, 0);
  profile->hardship = xf_db_stmt_column_int64 (stmt, 1) != 0;
  profile->hardship_since = xf_db_stmt_dup_text (stmt, 2);
  g_free (profile->note);
  profile->note = xf_db_stmt_dup_text (stmt, 3);
  if (profile->note == NULL)
    profile->note = g_strdup ("");
  profile->version = xf_db_stmt_column_int64 (stmt, 4);
  return profile;
}

/* The stored profile, or a default one (version 0). */
static XfCareProfile *
load_profile (XfCare  *self,
              gint64   pioneer_id,
              GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo, "SELECT retired_on, hardship, hardship_since, note, version"
                          " FROM care_profiles WHERE pioneer_id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  rows = xf_repo_collect (&self->repo, stmt, profile_from_row, &pioneer_id,
                          (GDestroyNotify) xf_care_profile_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return xf_care_profile_new (pioneer_id);
  return g_ptr_array_steal_index (rows, 0);
}

XfCareProfile *
xf_care_get_profile (XfCare  *self,
                     gint64   pioneer_id,
                     GError **error)
{
  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_registry_check_id (self->registry, XF_OP_REGISTRY_READ, pioneer_id, error))
    return NULL;
  return load_profile (self, pioneer_id, error);
}

/* Writes @profile over the stored one (version @stored_version, 0: none). */
static gboolean
write_profile (XfCare              *self,
               const XfCareProfile *profile,
               gint64               stored_version,
               GError             **error)
{
  XfDbStmt *stmt;

  if (stored_version > 0)
    stmt = xf_repo_prepare (&self->repo,
      "UPDATE care_profiles SET retired_on = $2, hardship = $3, hardship_since = $4, note = $5,"
      " updated_at = $6, version = version + 1 WHERE pioneer_id = $1", error);
  else
    stmt = xf_repo_prepare (&self->repo,
      "INSERT INTO care_profiles (pioneer_id, retired_on, hardship, hardship_since, note, updated_at,"
      " version) VALUES ($1, $2, $3, $4, $5, $6, 1)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, profile->pioneer_id);
  xf_repo_bind_text_or_null (stmt, 2, profile->retired_on);
  xf_db_stmt_bind_int64 (stmt, 3, profile->hardship ? 1 : 0);
  xf_repo_bind_text_or_null (stmt, 4, profile->hardship ? profile->hardship_since : NULL);
  xf_db_stmt_bind_text (stmt, 5, profile->note != NULL ? profile->note : "");
  xf_db_stmt_bind_int64 (stmt, 6, xf_repo_now ());
  return xf_db_stmt_run (stmt, error);
}

static gboolean
audit_profile (XfCare              *self,
               const XfCareProfile *old,
               const XfCareProfile *new,
               GError             **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *name = NULL;
  const XfRepoFieldChange fields[] = {
    { "retired-on", old->retired_on, new->retired_on },
    { "hardship", old->hardship ? "1" : "0", new->hardship ? "1" : "0" },
    { "hardship-since", old->hardship_since, new->hardship ? new->hardship_since : NULL },
    { "note", old->note, new->note },
  };

  if (!pioneer_label (self, new->pioneer_id, &uid, &name, error))
    return FALSE;
  return xf_repo_audit_fields (&self->repo, XF_RECORD_CARE_PROFILE, uid, name, fields,
                               G_N_ELEMENTS (fields), error);
}

/* Stores @clean over what is stored now, checking @expected_version
 * unless it is negative; inside the current write. */
static gboolean
store_profile (XfCare         *self,
               XfCareProfile  *clean,
               gint64          expected_version,
               GError        **error)
{
  g_autoptr(XfCareProfile) stored = load_profile (self, clean->pioneer_id, error);

  if (stored == NULL)
    return FALSE;
  if (expected_version >= 0 && stored->version != expected_version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The care profile was changed elsewhere since you opened it"));
      return FALSE;
    }
  if (clean->hardship && stored->hardship && clean->hardship_since == NULL)
    clean->hardship_since = g_strdup (stored->hardship_since);
  if (clean->hardship && clean->hardship_since == NULL)
    clean->hardship_since = xf_repo_today ();
  return write_profile (self, clean, stored->version, error)
         && audit_profile (self, stored, clean, error);
}

static XfCareProfile *
validate_profile (const XfCareProfile  *profile,
                  GError              **error)
{
  g_autoptr(XfCareProfile) clean = xf_care_profile_new (profile->pioneer_id);

  if (!xf_repo_check_date (_("Retired on"), profile->retired_on, FALSE, error)
      || !check_not_future (_("Retired on"), profile->retired_on, error))
    return NULL;
  g_free (clean->note);
  clean->note = xf_repo_check_text (_("Note"), profile->note, FALSE, MAX_NOTE, error);
  if (clean->note == NULL)
    return NULL;
  clean->retired_on = profile->retired_on != NULL && *profile->retired_on != '\0'
                      ? g_strdup (profile->retired_on) : NULL;
  clean->hardship = profile->hardship;
  return g_steal_pointer (&clean);
}

gboolean
xf_care_save_profile (XfCare              *self,
                      const XfCareProfile *profile,
                      GError             **error)
{
  g_autoptr(XfCareProfile) clean = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, profile->pioneer_id, error))
    return FALSE;
  clean = validate_profile (profile, error);
  if (clean == NULL || !xf_repo_begin (&self->repo, error))
    return FALSE;
  return _xf_care_end (self, store_profile (self, clean, profile->version, error),
                       profile->pioneer_id, error);
}

gboolean
_xf_care_set_hardship_flag (XfCare      *self,
                            gint64       pioneer_id,
                            const char  *since,
                            GError     **error)
{
  g_autoptr(XfCareProfile) stored = load_profile (self, pioneer_id, error);
  g_autoptr(XfCareProfile) clean = NULL;

  if (stored == NULL)
    return FALSE;
  if (stored->hardship)
    return TRUE;
  clean = xf_care_profile_new (pioneer_id);
  clean->retired_on = g_strdup (stored->retired_on);
  g_free (clean->note);
  clean->note = g_strdup (stored->note);
  clean->hardship = TRUE;
  clean->hardship_since = since != NULL && *since != '\0' ? g_strdup (since) : NULL;
  return store_profile (self, clean, -1, error);
}
