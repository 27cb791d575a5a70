/* xf-evaluation-campaigns.c — campaigns and their committees
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-campaign-private.h"
#include "xf-error.h"
#include "xf-evaluation-campaigns-private.h"

/*
 * Reading
 */

#define CAMPAIGN_SELECT \
  "SELECT c.id, c.uid, c.year, c.title, c.level, c.organisation_id, o.name, " \
  "c.region_codes, c.organisation_codes, c.quota, c.quorum_num, c.quorum_den, " \
  "c.pass_num, c.pass_den, c.tie_rule, c.aggregation, c.normalise, c.promise_days, " \
  "c.preliminary_days, c.committee_days, c.notice_days, c.decision_days, " \
  "c.min_notice_days, c.opens_on, c.closes_on, c.status, c.copied_from, " \
  "c.created_at, c.updated_at, c.version, " \
  "c.rubric, c.vetting, c.checklist, c.eligibility " \
  "FROM campaigns c LEFT JOIN organisations o ON o.id = c.organisation_id "

/* Columns 0 … 29 of CAMPAIGN_SELECT are the properties in order; the
 * JSON lists follow. */
static const char * const list_columns[] = { "rubric", "vetting", "checklist", "eligibility" };
#define FIRST_LIST_COLUMN 30

static XfCampaign *
read_campaign (XfDbStmt  *stmt,
               GError   **error)
{
  g_autoptr(XfCampaign) campaign = g_object_new (XF_TYPE_CAMPAIGN, NULL);

  for (guint prop = CAMPAIGN_PROP_ID; prop < N_CAMPAIGN_PROPS; prop++)
    {
      int column = prop - CAMPAIGN_PROP_ID;

      if (_xf_campaign_prop_is_text (prop))
        _xf_campaign_set_text (campaign, prop, xf_db_stmt_column_text (stmt, column));
      else if (xf_db_stmt_column_is_null (stmt, column))
        _xf_campaign_set_number (campaign, prop, 0);
      else
        _xf_campaign_set_number (campaign, prop, xf_db_stmt_column_int64 (stmt, column));
    }
  for (guint i = 0; i < G_N_ELEMENTS (list_columns); i++)
    if (!_xf_campaign_lists_from_json (campaign, list_columns[i],
                                       xf_db_stmt_column_text (stmt, FIRST_LIST_COLUMN + i), error))
      return NULL;
  return g_steal_pointer (&campaign);
}

XfCampaign *
_xf_evaluation_load_campaign (XfEvaluation  *self,
                              gint64         campaign_id,
                              GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self, CAMPAIGN_SELECT "WHERE c.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    campaign = read_campaign (stmt, error);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_evaluation_set_not_found (error, _("Campaign"), campaign_id);
  return g_steal_pointer (&campaign);
}

GPtrArray *
xf_evaluation_list_campaigns (XfEvaluation  *self,
                              int            year,
                              GError       **error)
{
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = _xf_evaluation_prepare (self,
                                 CAMPAIGN_SELECT "WHERE ($1 = 0 OR c.year = $1) "
                                 "ORDER BY c.year DESC, c.title, c.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, year);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfCampaign *campaign = read_campaign (stmt, error);

      if (campaign == NULL)
        {
          step = XF_DB_STEP_ERROR;
          break;
        }
      g_ptr_array_add (campaigns, campaign);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&campaigns);
}

XfCampaign *
xf_evaluation_get_campaign (XfEvaluation  *self,
                            gint64         campaign_id,
                            GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = NULL;
  GPtrArray *committee;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  members = _xf_evaluation_load_committee (self, campaign_id, error);
  if (members == NULL)
    return NULL;
  _xf_evaluation_withhold_relatives (self, members);
  committee = xf_campaign_get_committee (campaign);
  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (committee, xf_committee_member_copy (g_ptr_array_index (members, i)));
  return g_steal_pointer (&campaign);
}

/*
 * Writing
 */

/* The fields the audit trail follows, by property, then the lists. */
static const guint audited_props[] = {
  CAMPAIGN_PROP_YEAR, CAMPAIGN_PROP_TITLE, CAMPAIGN_PROP_LEVEL, CAMPAIGN_PROP_ORGANISATION_ID,
  CAMPAIGN_PROP_REGION_CODES, CAMPAIGN_PROP_ORGANISATION_CODES, CAMPAIGN_PROP_QUOTA,
  CAMPAIGN_PROP_QUORUM_NUM, CAMPAIGN_PROP_QUORUM_DEN, CAMPAIGN_PROP_PASS_NUM,
  CAMPAIGN_PROP_PASS_DEN, CAMPAIGN_PROP_TIE_RULE, CAMPAIGN_PROP_AGGREGATION,
  CAMPAIGN_PROP_NORMALISE, CAMPAIGN_PROP_PROMISE_DAYS, CAMPAIGN_PROP_PRELIMINARY_DAYS,
  CAMPAIGN_PROP_COMMITTEE_DAYS, CAMPAIGN_PROP_NOTICE_DAYS, CAMPAIGN_PROP_DECISION_DAYS,
  CAMPAIGN_PROP_MIN_NOTICE_DAYS, CAMPAIGN_PROP_OPENS_ON, CAMPAIGN_PROP_CLOSES_ON,
  CAMPAIGN_PROP_STATUS, CAMPAIGN_PROP_COPIED_FROM,
};

/* Empty text, "0" ids and "" code lists are no value in the trail. */
static char *
audit_text (XfCampaign *campaign,
            guint       prop)
{
  char *text;

  if (campaign == NULL)
    return NULL;
  text = _xf_campaign_dup_field (campaign, prop);
  if (text != NULL && (text[0] == '\0' ||
                       ((prop == CAMPAIGN_PROP_ORGANISATION_ID || prop == CAMPAIGN_PROP_COPIED_FROM) &&
                        g_str_equal (text, "0"))))
    g_clear_pointer (&text, g_free);
  return text;
}

/* One entry per field that differs between @old (NULL: a new campaign) and
 * @next; counts them. Without @self it only counts. */
static gboolean
audit_differences (XfEvaluation  *self,
                   XfCampaign    *old,
                   XfCampaign    *next,
                   const char    *uid,
                   guint         *n_changes,
                   GError       **error)
{
  const char *action = old == NULL ? XF_AUDIT_CREATE : XF_AUDIT_UPDATE;
  const char *label = xf_campaign_get_title (next);

  *n_changes = 0;
  for (guint i = 0; i < G_N_ELEMENTS (audited_props) + G_N_ELEMENTS (list_columns); i++)
    {
      gboolean is_list = i >= G_N_ELEMENTS (audited_props);
      const char *field = is_list ? list_columns[i - G_N_ELEMENTS (audited_props)]
                                  : _xf_campaign_prop_name (audited_props[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (is_list)
        {
          before = old != NULL ? _xf_campaign_lists_to_json (old, field) : NULL;
          after = _xf_campaign_lists_to_json (next, field);
          /* A new campaign's empty lists are no news. */
          if (old == NULL && (g_str_equal (after, "[]") || g_str_equal (after, "{}")))
            continue;
        }
      else
        {
          before = audit_text (old, audited_props[i]);
          after = audit_text (next, audited_props[i]);
        }
      if (g_strcmp0 (before, after) == 0)
        continue;
      (*n_changes)++;
      if (self != NULL &&
          !_xf_evaluation_audit (self, action, "campaign", uid, label, field, before, after, error))
        return FALSE;
    }
  return TRUE;
}

/* $first … $first+25: the settings an edit may change, in the order of
 * the INSERT and UPDATE statements below. */
static void
bind_settings (XfDbStmt   *stmt,
               XfCampaign *campaign)
{
  int param = 0;
  int num, den;

  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_year (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_title (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_level (campaign));
  if (xf_campaign_get_organisation_id (campaign) != 0)
    xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_organisation_id (campaign));
  else
    xf_db_stmt_bind_null (stmt, ++param);
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_region_codes (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_organisation_codes (campaign));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_quota (campaign));
  for (guint i = 0; i < G_N_ELEMENTS (list_columns); i++)
    {
      g_autofree char *json = _xf_campaign_lists_to_json (campaign, list_columns[i]);

      xf_db_stmt_bind_text (stmt, ++param, json);
    }
  xf_campaign_get_quorum (campaign, &num, &den);
  xf_db_stmt_bind_int64 (stmt, ++param, num);
  xf_db_stmt_bind_int64 (stmt, ++param, den);
  xf_campaign_get_pass (campaign, &num, &den);
  xf_db_stmt_bind_int64 (stmt, ++param, num);
  xf_db_stmt_bind_int64 (stmt, ++param, den);
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_tie_rule (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_aggregation (campaign));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_normalise (campaign) ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_promise_days (campaign));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_stage_budget (campaign, "preliminary"));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_stage_budget (campaign, "committee"));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_stage_budget (campaign, "notice"));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_stage_budget (campaign, "decision"));
  xf_db_stmt_bind_int64 (stmt, ++param, xf_campaign_get_min_notice_days (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_opens_on (campaign));
  xf_db_stmt_bind_text (stmt, ++param, xf_campaign_get_closes_on (campaign));
  g_assert (param == 26);
}

#define SETTINGS_COLUMNS \
  "year, title, level, organisation_id, region_codes, organisation_codes, quota, " \
  "rubric, vetting, checklist, eligibility, quorum_num, quorum_den, pass_num, pass_den, " \
  "tie_rule, aggregation, normalise, promise_days, preliminary_days, committee_days, " \
  "notice_days, decision_days, min_notice_days, opens_on, closes_on"

static gboolean
check_organiser (XfEvaluation  *self,
                 XfCampaign    *campaign,
                 char         **name,
                 GError       **error)
{
  gint64 organisation_id = xf_campaign_get_organisation_id (campaign);
  XfDbStmt *stmt;
  XfDbStep step;

  *name = NULL;
  if (organisation_id == 0)
    return TRUE;
  stmt = _xf_evaluation_prepare (self, "SELECT name FROM organisations WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, organisation_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    *name = xf_db_stmt_dup_text (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s number %lld does not exist"),
                   xf_campaign_field_label ("organisation-id"), (long long) organisation_id);
      return FALSE;
    }
  return TRUE;
}

/* Inside a transaction: a new row for @campaign (status draft), audited. */
static gboolean
insert_campaign (XfEvaluation  *self,
                 XfCampaign    *campaign,
                 const char    *uid,
                 gint64         now,
                 gint64        *id,
                 GError       **error)
{
  XfDbStmt *stmt;
  guint n_changes;

  stmt = _xf_evaluation_prepare (self,
                                 "INSERT INTO campaigns (" SETTINGS_COLUMNS ", uid, status, "
                                 "copied_from, created_at, updated_at, version) VALUES ("
                                 "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                                 "$16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, "
                                 "$27, 'draft', $28, $29, $29, 1)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  bind_settings (stmt, campaign);
  xf_db_stmt_bind_text (stmt, 27, uid);
  if (xf_campaign_get_copied_from (campaign) != 0)
    xf_db_stmt_bind_int64 (stmt, 28, xf_campaign_get_copied_from (campaign));
  else
    xf_db_stmt_bind_null (stmt, 28);
  xf_db_stmt_bind_int64 (stmt, 29, now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  *id = xf_db_last_insert_id (_xf_evaluation_get_db (self));
  return audit_differences (self, NULL, campaign, uid, &n_changes, error);
}

/* The rules the committee scores and votes by: fixed once a round has
 * opened, since scores name the rubric's criteria and a closed round's
 * results must stay those its nominations were moved by. (The aggregation
 * is recorded on each round as it closes, so it may change.) */
static const struct
{
  guint       prop;           /* 0: the rubric */
  const char *label_property;
} review_rules[] = {
  { 0, "rubric" },
  { CAMPAIGN_PROP_QUOTA, "quota" },
  { CAMPAIGN_PROP_QUORUM_NUM, "quorum" },
  { CAMPAIGN_PROP_QUORUM_DEN, "quorum" },
  { CAMPAIGN_PROP_PASS_NUM, "pass" },
  { CAMPAIGN_PROP_PASS_DEN, "pass" },
  { CAMPAIGN_PROP_TIE_RULE, "tie-rule" },
};

static gboolean
check_review_rules (XfEvaluation  *self,
                    XfCampaign    *stored,
                    XfCampaign    *campaign,
                    GError       **error)
{
  gint64 rounds;

  if (!_xf_evaluation_query_int64 (self, "SELECT count(*) FROM review_rounds WHERE campaign_id = $1",
                                   xf_campaign_get_id (stored), &rounds, error))
    return FALSE;
  if (rounds == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (review_rules); i++)
    {
      guint prop = review_rules[i].prop;
      g_autofree char *before = prop == 0 ? _xf_campaign_lists_to_json (stored, "rubric")
                                          : _xf_campaign_dup_field (stored, prop);
      g_autofree char *after = prop == 0 ? _xf_campaign_lists_to_json (campaign, "rubric")
                                         : _xf_campaign_dup_field (campaign, prop);

      if (g_strcmp0 (before, after) == 0)
        continue;
      /* Translators: the first %s is a campaign setting ("Quota", "Scoring rubric"). */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("%s of “%s” cannot change once its committee review has begun"),
                   xf_campaign_field_label (review_rules[i].label_property),
                   xf_campaign_get_title (stored));
      return FALSE;
    }
  return TRUE;
}

/* Inside a transaction: the stored row brought to @campaign, audited;
 * *unchanged when there was nothing to write. */
static gboolean
update_campaign (XfEvaluation  *self,
                 XfCampaign    *campaign,
                 gint64         now,
                 gboolean      *unchanged,
                 GError       **error)
{
  g_autoptr(XfCampaign) stored = NULL;
  XfDbStmt *stmt;
  guint n_changes;

  /* Held, so that no round opens between the checks and the update. */
  if (!_xf_evaluation_lock (self, "campaigns", xf_campaign_get_id (campaign), error))
    return FALSE;
  stored = _xf_evaluation_load_campaign (self, xf_campaign_get_id (campaign), error);
  if (stored == NULL)
    return FALSE;
  if (xf_campaign_get_version (stored) != xf_campaign_get_version (campaign))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere since you opened it"), xf_campaign_get_title (stored));
      return FALSE;
    }
  /* The status and the copy's origin are not the form's to change. */
  _xf_campaign_set_status (campaign, xf_campaign_get_status (stored));
  _xf_campaign_set_copied_from (campaign, xf_campaign_get_copied_from (stored));
  audit_differences (NULL, stored, campaign, NULL, &n_changes, NULL);
  *unchanged = n_changes == 0;
  if (*unchanged)
    return TRUE;
  if (!check_review_rules (self, stored, campaign, error))
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE campaigns SET (" SETTINGS_COLUMNS ", updated_at, version) = ("
                                 "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                                 "$16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, "
                                 "$27, version + 1) WHERE id = $28 AND version = $29",
                                 error);
  if (stmt == NULL)
    return FALSE;
  bind_settings (stmt, campaign);
  xf_db_stmt_bind_int64 (stmt, 27, now);
  xf_db_stmt_bind_int64 (stmt, 28, xf_campaign_get_id (campaign));
  xf_db_stmt_bind_int64 (stmt, 29, xf_campaign_get_version (campaign));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  if (xf_db_changes (_xf_evaluation_get_db (self)) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("“%s” was changed elsewhere since you opened it"), xf_campaign_get_title (stored));
      return FALSE;
    }
  return audit_differences (self, stored, campaign, xf_campaign_get_uid (stored), &n_changes, error);
}

gboolean
xf_evaluation_save_campaign (XfEvaluation  *self,
                             XfCampaign    *campaign,
                             GError       **error)
{
  g_autofree char *uid = NULL;
  g_autofree char *organiser = NULL;
  gint64 now = xf_db_now ();
  gint64 id = xf_campaign_get_id (campaign);
  gboolean inserting = id == 0;
  gboolean unchanged = FALSE;
  g_autoptr(XfCampaign) checked = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (XF_IS_CAMPAIGN (campaign), FALSE);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_CAMPAIGN_MANAGE, error))
    return FALSE;
  /* A new campaign is a draft whatever the object says; an update keeps
   * the stored status (xf_evaluation_set_campaign_status changes it). */
  checked = xf_campaign_copy (campaign);
  if (inserting)
    _xf_campaign_set_status (checked, "draft");
  if (!xf_campaign_validate (checked, error))
    return FALSE;

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!check_organiser (self, campaign, &organiser, error))
    goto failed;
  if (inserting)
    {
      uid = xf_store_new_uid ();
      if (!insert_campaign (self, checked, uid, now, &id, error))
        goto failed;
    }
  else
    {
      uid = g_strdup (xf_campaign_get_uid (campaign));
      if (!update_campaign (self, checked, now, &unchanged, error))
        goto failed;
      if (unchanged)
        {
          /* Nothing to write: no new version, no signal. */
          _xf_evaluation_rollback (self);
          return TRUE;
        }
    }
  if (!_xf_evaluation_commit (self, error))
    return FALSE;

  /* Only once committed does the caller's object show the stored state. */
  g_object_freeze_notify (G_OBJECT (campaign));
  _xf_campaign_set_stored (campaign, id, uid,
                           inserting ? 1 : xf_campaign_get_version (campaign) + 1,
                           inserting ? now : xf_campaign_get_created_at (campaign), now);
  _xf_campaign_set_status (campaign, xf_campaign_get_status (checked));
  _xf_campaign_set_copied_from (campaign, xf_campaign_get_copied_from (checked));
  _xf_campaign_set_organisation_name (campaign, organiser);
  g_object_thaw_notify (G_OBJECT (campaign));
  _xf_evaluation_emit_changed (self, id, 0);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

/*
 * Copying to another year
 */

/* "2025年度湖州市劳动模范" → "2026年度湖州市劳动模范": every mention of the
 * old year in the title becomes the new one. */
static char *
move_title (const char *title,
            int         from_year,
            int         to_year)
{
  g_autoptr(GString) moved = g_string_new (title);
  g_autofree char *from = g_strdup_printf ("%d", from_year);
  g_autofree char *to = g_strdup_printf ("%d", to_year);

  g_string_replace (moved, from, to, 0);
  return g_string_free (g_steal_pointer (&moved), FALSE);
}

/* A date moved by whole years (29 February becomes the 28th). */
static char *
move_date (const char *text,
           int         years)
{
  GDate date;

  if (!xf_date_parse (text, &date))
    return g_strdup (text);
  if (years > 0)
    g_date_add_years (&date, years);
  else if (years < 0)
    g_date_subtract_years (&date, -years);
  return xf_date_format (&date);
}

XfCampaign *
xf_evaluation_copy_campaign (XfEvaluation  *self,
                             gint64         campaign_id,
                             int            year,
                             GError       **error)
{
  g_autoptr(XfCampaign) source = NULL;
  g_autoptr(XfCampaign) copy = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autofree char *title = NULL;
  g_autofree char *opens_on = NULL;
  g_autofree char *closes_on = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GPtrArray *committee;
  gint64 now = xf_db_now ();
  gint64 id = 0;
  int years;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_CAMPAIGN_MANAGE, error))
    return NULL;
  source = xf_evaluation_get_campaign (self, campaign_id, error);
  if (source == NULL)
    return NULL;
  /* Checked before any date is moved by so many years. */
  if (year < XF_CAMPAIGN_MIN_YEAR || year > XF_CAMPAIGN_MAX_YEAR)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s %d is not between 1900 and 2999"),
                   xf_campaign_field_label ("year"), year);
      return NULL;
    }

  years = year - xf_campaign_get_year (source);
  copy = xf_campaign_copy (source);
  _xf_campaign_set_stored (copy, 0, NULL, 0, 0, 0);
  _xf_campaign_set_status (copy, "draft");
  _xf_campaign_set_copied_from (copy, campaign_id);
  xf_campaign_set_year (copy, year);
  title = move_title (xf_campaign_get_title (source), xf_campaign_get_year (source), year);
  xf_campaign_set_title (copy, title);
  opens_on = move_date (xf_campaign_get_opens_on (source), years);
  closes_on = move_date (xf_campaign_get_closes_on (source), years);
  xf_campaign_set_opens_on (copy, opens_on);
  xf_campaign_set_closes_on (copy, closes_on);
  if (!xf_campaign_validate (copy, error))
    return NULL;

  if (!_xf_evaluation_begin (self, error))
    return NULL;
  uid = xf_store_new_uid ();
  if (!insert_campaign (self, copy, uid, now, &id, error))
    goto failed;
  _xf_campaign_set_stored (copy, id, uid, 1, now, now);

  /* Members who have since been disabled or lost their role stay behind:
   * the draft's committee is then completed before its first round. */
  committee = xf_campaign_get_committee (copy);
  for (guint i = 0; i < committee->len; i++)
    {
      g_autoptr(XfCommitteeMember) member = xf_committee_member_copy (g_ptr_array_index (committee, i));
      g_autoptr(GError) refused = NULL;

      if (_xf_evaluation_check_member (self, member, &refused))
        g_ptr_array_add (kept, g_steal_pointer (&member));
      else if (!g_error_matches (refused, XF_ERROR, XF_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          goto failed;
        }
    }
  none = g_ptr_array_new ();
  if (kept->len > 0 && !_xf_evaluation_write_committee (self, copy, none, kept, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return NULL;

  g_ptr_array_set_size (committee, 0);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (committee, xf_committee_member_copy (g_ptr_array_index (kept, i)));
  _xf_evaluation_emit_changed (self, id, 0);
  return g_steal_pointer (&copy);

failed:
  _xf_evaluation_rollback (self);
  return NULL;
}

/*
 * Status
 */

/* Only forward: draft → open → closed. */
static gboolean
status_step_allowed (const char *from,
                     const char *to)
{
  return (g_str_equal (from, "draft") && g_str_equal (to, "open")) ||
         (g_str_equal (from, "open") && g_str_equal (to, "closed"));
}

gboolean
xf_evaluation_set_campaign_status (XfEvaluation  *self,
                                   gint64         campaign_id,
                                   const char    *status,
                                   GError       **error)
{
  static const char * const statuses[] = { "draft", "open", "closed", NULL };
  g_autoptr(XfCampaign) stored = NULL;
  gint64 under_way = 0;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_CAMPAIGN_MANAGE, error))
    return FALSE;
  if (status == NULL || !g_strv_contains (statuses, status))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s “%s” is not one of the known values"),
                   xf_campaign_field_label ("status"), status != NULL ? status : "");
      return FALSE;
    }

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  if (!_xf_evaluation_lock (self, "campaigns", campaign_id, error))
    goto failed;
  stored = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (stored == NULL)
    goto failed;
  if (g_str_equal (xf_campaign_get_status (stored), status))
    {
      /* Already there: nothing to write. */
      _xf_evaluation_rollback (self);
      return TRUE;
    }
  if (!status_step_allowed (xf_campaign_get_status (stored), status))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The campaign “%s” cannot go from %s to %s"),
                   xf_campaign_get_title (stored),
                   xf_campaign_status_label (xf_campaign_get_status (stored)),
                   xf_campaign_status_label (status));
      goto failed;
    }
  if (g_str_equal (status, "open") && !xf_campaign_validate (stored, error))
    goto failed;
  if (g_str_equal (status, "closed"))
    {
      if (!_xf_evaluation_query_int64 (self, "SELECT count(*) FROM nominations WHERE campaign_id = $1 "
                                       "AND stage NOT IN " XF_FINAL_STAGES_SQL,
                                       campaign_id, &under_way, error))
        goto failed;
      if (under_way > 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The campaign “%s” cannot close: %lld nomination is still under way",
                                    "The campaign “%s” cannot close: %lld nominations are still under way",
                                    under_way),
                       xf_campaign_get_title (stored), (long long) under_way);
          goto failed;
        }
    }

  stmt = _xf_evaluation_prepare (self,
                                 "UPDATE campaigns SET status = $1, updated_at = $2, version = version + 1 "
                                 "WHERE id = $3",
                                 error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_text (stmt, 1, status);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 3, campaign_id);
  if (!xf_db_stmt_run (stmt, error) ||
      !_xf_evaluation_audit (self, XF_AUDIT_UPDATE, "campaign", xf_campaign_get_uid (stored),
                             xf_campaign_get_title (stored), "status",
                             xf_campaign_get_status (stored), status, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, campaign_id, 0);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}
