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

static const char *
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
  gint64 programme_id, id;
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
  id = xf_db_last_insert_id (self->repo.db);
  label = g_strdup_printf ("%s %s %s", pioneer_name, record->programme_code, record->on_date);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_RECORD, uid, label,
                      "amount", NULL, amount, error))
    return 0;
  return id;
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

/* @date not before 1 October 1949, nor before an individual's birth. */
static gboolean
check_not_before_birth (XfCare      *self,
                        gint64       pioneer_id,
                        const char  *field,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  const char *birth;

  if (date == NULL || *date == '\0')
    return TRUE;
  if ((pioneer = xf_registry_get_pioneer (self->registry, pioneer_id, error)) == NULL
      || !xf_repo_check_date_range (field, date, XF_REPO_EARLIEST_DATE, NULL, error))
    return FALSE;
  birth = xf_pioneer_get_birth_date (pioneer);
  if (g_strcmp0 (xf_pioneer_get_kind (pioneer), "individual") != 0
      || birth == NULL || *birth == '\0' || g_strcmp0 (date, birth) >= 0)
    return TRUE;
  /* Translators: a field's name, a date, the pioneer's name, then their
   * birth date. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is before %s was born on %s"),
               field, date, xf_pioneer_get_name (pioneer), birth);
  return FALSE;
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
  if (clean == NULL
      || !check_not_before_birth (self, profile->pioneer_id, _("Retired on"), clean->retired_on, error)
      || !xf_repo_begin (&self->repo, error))
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

/*
 * Records by hand
 */

static XfCareRecord *
validate_record (XfCare              *self,
                 const XfCareRecord  *record,
                 GError             **error)
{
  g_autoptr(XfCareRecord) clean = xf_care_record_new ();

  if (_xf_care_programme_id_by_hand (self, record->programme_code, error) == 0
      || !xf_repo_check_date (_("Date"), record->on_date, TRUE, error)
      || !check_not_future (_("Date"), record->on_date, error)
      || !check_not_before_birth (self, record->pioneer_id, _("Date"), record->on_date, error))
    return NULL;
  if (record->amount < 0 || record->amount > MAX_AMOUNT)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Amount: cannot be negative or above ¥1,000,000,000"));
      return NULL;
    }
  g_free (clean->note);
  clean->note = xf_repo_check_text (_("Note"), record->note, FALSE, MAX_NOTE, error);
  if (clean->note == NULL)
    return NULL;
  clean->pioneer_id = record->pioneer_id;
  clean->programme_code = g_strdup (record->programme_code);
  clean->on_date = g_strdup (record->on_date);
  clean->amount = record->amount;
  return g_steal_pointer (&clean);
}

gint64
xf_care_add_record (XfCare              *self,
                    const XfCareRecord  *record,
                    GError             **error)
{
  g_autoptr(XfCareRecord) clean = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, record->pioneer_id, error)
      || !xf_registry_check_active_id (self->registry, record->pioneer_id, _("Pioneer"), error))
    return 0;
  clean = validate_record (self, record, error);
  if (clean == NULL || !xf_repo_begin (&self->repo, error))
    return 0;
  id = _xf_care_insert_record (self, clean, error);
  if (!_xf_care_end (self, id != 0, clean->pioneer_id, error))
    return 0;
  return id;
}

#define RECORD_COLUMNS \
  "r.id, r.uid, r.pioneer_id, pi.name, p.code, p.name_en, p.name_zh, r.on_date, r.amount, " \
  "r.batch_id, r.visit_id, r.case_id, r.note, r.recorded_by, r.created_at"
#define RECORD_FROM \
  " FROM care_records r JOIN care_programmes p ON p.id = r.programme_id" \
  " JOIN pioneers pi ON pi.id = r.pioneer_id"

static gpointer
record_from_row (XfDbStmt *stmt,
                 gpointer  user_data G_GNUC_UNUSED)
{
  XfCareRecord *record = xf_care_record_new ();

  record->id = xf_db_stmt_column_int64 (stmt, 0);
  record->uid = xf_db_stmt_dup_text (stmt, 1);
  record->pioneer_id = xf_db_stmt_column_int64 (stmt, 2);
  record->pioneer_name = xf_db_stmt_dup_text (stmt, 3);
  record->programme_code = xf_db_stmt_dup_text (stmt, 4);
  record->programme_name = g_strdup (pick_name (xf_db_stmt_column_text (stmt, 5),
                                                xf_db_stmt_column_text (stmt, 6)));
  record->on_date = xf_db_stmt_dup_text (stmt, 7);
  record->amount = xf_db_stmt_column_int64 (stmt, 8);
  record->batch_id = xf_db_stmt_column_int64 (stmt, 9);
  record->visit_id = xf_db_stmt_column_int64 (stmt, 10);
  record->case_id = xf_db_stmt_column_int64 (stmt, 11);
  g_free (record->note);
  record->note = xf_db_stmt_dup_text (stmt, 12);
  record->recorded_by = xf_db_stmt_dup_text (stmt, 13);
  record->created_at = xf_db_stmt_column_int64 (stmt, 14);
  return record;
}

GPtrArray *
xf_care_list_records (XfCare      *self,
                      gint64       pioneer_id,
                      const char  *programme_code,
                      int          year,
                      GError     **error)
{
  g_autofree char *from = year > 0 ? g_strdup_printf ("%04d-01-01", year) : g_strdup ("");
  g_autofree char *to = year > 0 ? g_strdup_printf ("%04d-12-31", year) : g_strdup ("9999-12-31");
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo, "SELECT " RECORD_COLUMNS RECORD_FROM
                          " WHERE ($1 = 0 OR r.pioneer_id = $1) AND ($2 = '' OR p.code = $2)"
                          " AND r.on_date >= $3 AND r.on_date <= $4"
                          " ORDER BY r.on_date DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, MAX (pioneer_id, 0));
  xf_db_stmt_bind_text (stmt, 2, programme_code != NULL && g_utf8_validate (programme_code, -1, NULL)
                                   ? programme_code : "");
  xf_db_stmt_bind_text (stmt, 3, from);
  xf_db_stmt_bind_text (stmt, 4, to);
  return xf_repo_collect (&self->repo, stmt, record_from_row, NULL, (GDestroyNotify) xf_care_record_free, error);
}

/*
 * History: records by hand, batches, hardship cases and visits, read
 * from their own tables so that each line says what happened there.
 */

typedef XfCareHistoryItem *(*HistoryRowFunc) (XfDbStmt *stmt);

static XfCareHistoryItem *
history_item_new (XfDbStmt   *stmt,
                  const char *kind,
                  char       *summary)
{
  XfCareHistoryItem *item = g_new0 (XfCareHistoryItem, 1);

  /* Every query: 0 date, 1 name_en, 2 name_zh, 3 status, 4 amount, 5 id. */
  item->on_date = xf_db_stmt_dup_text (stmt, 0);
  item->kind = g_strdup (kind);
  item->programme_name = g_strdup (pick_name (xf_db_stmt_column_text (stmt, 1),
                                              xf_db_stmt_column_text (stmt, 2)));
  item->summary = summary;
  item->status = xf_db_stmt_dup_text (stmt, 3);
  item->amount = xf_db_stmt_column_int64 (stmt, 4);
  item->record_id = xf_db_stmt_column_int64 (stmt, 5);
  return item;
}

static XfCareHistoryItem *
record_item (XfDbStmt *stmt)
{
  const char *name = pick_name (xf_db_stmt_column_text (stmt, 1), xf_db_stmt_column_text (stmt, 2));
  const char *note = xf_db_stmt_column_text (stmt, 6);

  return history_item_new (stmt, "record", note != NULL && *note != '\0'
                                           /* Translators: a care record's programme or item, then its note. */
                                           ? g_strdup_printf (_("%s: %s"), name, note) : g_strdup (name));
}

static XfCareHistoryItem *
batch_item (XfDbStmt *stmt)
{
  /* Translators: a batch's title, then the member's status ("accepted"). */
  return history_item_new (stmt, "batch", g_strdup_printf (_("%s: %s"), xf_db_stmt_column_text (stmt, 6),
                                                           xf_member_status_label (xf_db_stmt_column_text (stmt, 3))));
}

static XfCareHistoryItem *
hardship_item (XfDbStmt *stmt)
{
  /* Translators: the case's category ("Illness"), then its status. */
  return history_item_new (stmt, "hardship", g_strdup_printf (_("Hardship support (%s): %s"),
                                                              xf_case_category_label (xf_db_stmt_column_text (stmt, 6)),
                                                              xf_case_status_label (xf_db_stmt_column_text (stmt, 3))));
}

static XfCareHistoryItem *
visit_item (XfDbStmt *stmt)
{
  /* Translators: the visit's purpose ("Festival"), then its status. */
  return history_item_new (stmt, "visit", g_strdup_printf (_("Visit (%s): %s"),
                                                           xf_visit_purpose_label (xf_db_stmt_column_text (stmt, 6)),
                                                           xf_visit_status_label (xf_db_stmt_column_text (stmt, 3))));
}

static const struct
{
  const char     *sql;
  HistoryRowFunc  from_row;
} history_sources[] = {
  { "SELECT r.on_date, p.name_en, p.name_zh, 'recorded', r.amount, r.id, r.note"
    " FROM care_records r JOIN care_programmes p ON p.id = r.programme_id"
    " WHERE r.pioneer_id = $1 AND r.batch_id IS NULL AND r.visit_id IS NULL AND r.case_id IS NULL",
    record_item },
  { "SELECT coalesce(m.answered_on, m.invited_on, b.starts_on, b.reference_on), p.name_en, p.name_zh,"
    " m.status, coalesce((SELECT sum(r.amount) FROM care_records r"
    " WHERE r.batch_id = b.id AND r.pioneer_id = m.pioneer_id), 0), b.id, b.title"
    " FROM care_batch_members m JOIN care_batches b ON b.id = m.batch_id"
    " JOIN care_programmes p ON p.id = b.programme_id"
    " WHERE m.pioneer_id = $1 AND m.status NOT IN ('listed', 'removed')",
    batch_item },
  { "SELECT coalesce(h.approved_on, h.applied_on), p.name_en, p.name_zh, h.status,"
    " coalesce(h.granted_amount, h.requested_amount), h.id, h.category"
    " FROM hardship_cases h JOIN care_programmes p ON p.id = h.programme_id WHERE h.pioneer_id = $1",
    hardship_item },
  { "SELECT coalesce(v.done_on, v.planned_on), p.name_en, p.name_zh, v.status, v.amount, v.id, v.purpose"
    " FROM care_visits v LEFT JOIN care_programmes p ON p.id = v.programme_id WHERE v.pioneer_id = $1",
    visit_item },
};

static gboolean
collect_history (XfCare     *self,
                 guint       source,
                 gint64      pioneer_id,
                 GPtrArray  *items,
                 GError    **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, history_sources[source].sql, error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (items, history_sources[source].from_row (stmt));
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const XfCareHistoryItem *x = *(XfCareHistoryItem * const *) a;
  const XfCareHistoryItem *y = *(XfCareHistoryItem * const *) b;
  int order = g_strcmp0 (y->on_date, x->on_date);

  return order != 0 ? order : (y->record_id > x->record_id) - (y->record_id < x->record_id);
}

GPtrArray *
xf_care_history (XfCare  *self,
                 gint64   pioneer_id,
                 GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_history_item_free);

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_registry_check_id (self->registry, XF_OP_REGISTRY_READ, pioneer_id, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (history_sources); i++)
    if (!collect_history (self, i, pioneer_id, items, error))
      return NULL;
  g_ptr_array_sort (items, compare_newest_first);
  return g_steal_pointer (&items);
}
