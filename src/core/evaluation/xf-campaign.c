/* xf-campaign.c — a selection campaign (评选活动) and its settings
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-campaign"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-campaign.h"
#include "xf-campaign-private.h"

/*
 * The scalar fields are described once, in prop_info, so that properties,
 * setters, copying and the audit's text of a field share one table.
 * Validation and the JSON of the list columns are in xf-campaign-check.c,
 * the boxed parts (criteria, departments, members, rules) in
 * xf-campaign-parts.c.
 */

G_DEFINE_FINAL_TYPE (XfCampaign, xf_campaign, G_TYPE_OBJECT)

typedef enum
{
  KIND_STRING,
  KIND_INT,
  KIND_INT64,
  KIND_BOOLEAN,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  gsize       offset;
  gboolean    writable;   /* by the public setters; the others by the repository */
} PropInfo;

#define FIELD(name, kind, member, writable) \
  { name, kind, G_STRUCT_OFFSET (XfCampaign, member), writable }

static const PropInfo prop_info[N_CAMPAIGN_PROPS] = {
  [CAMPAIGN_PROP_ID]                 = FIELD ("id", KIND_INT64, id, FALSE),
  [CAMPAIGN_PROP_UID]                = FIELD ("uid", KIND_STRING, uid, FALSE),
  [CAMPAIGN_PROP_YEAR]               = FIELD ("year", KIND_INT, year, TRUE),
  [CAMPAIGN_PROP_TITLE]              = FIELD ("title", KIND_STRING, title, TRUE),
  [CAMPAIGN_PROP_LEVEL]              = FIELD ("level", KIND_STRING, level, TRUE),
  [CAMPAIGN_PROP_ORGANISATION_ID]    = FIELD ("organisation-id", KIND_INT64, organisation_id, TRUE),
  [CAMPAIGN_PROP_ORGANISATION_NAME]  = FIELD ("organisation-name", KIND_STRING, organisation_name, FALSE),
  [CAMPAIGN_PROP_REGION_CODES]       = FIELD ("region-codes", KIND_STRING, region_codes, TRUE),
  [CAMPAIGN_PROP_ORGANISATION_CODES] = FIELD ("organisation-codes", KIND_STRING, organisation_codes, TRUE),
  [CAMPAIGN_PROP_QUOTA]              = FIELD ("quota", KIND_INT, quota, TRUE),
  [CAMPAIGN_PROP_QUORUM_NUM]         = FIELD ("quorum-num", KIND_INT, quorum_num, TRUE),
  [CAMPAIGN_PROP_QUORUM_DEN]         = FIELD ("quorum-den", KIND_INT, quorum_den, TRUE),
  [CAMPAIGN_PROP_PASS_NUM]           = FIELD ("pass-num", KIND_INT, pass_num, TRUE),
  [CAMPAIGN_PROP_PASS_DEN]           = FIELD ("pass-den", KIND_INT, pass_den, TRUE),
  [CAMPAIGN_PROP_TIE_RULE]           = FIELD ("tie-rule", KIND_STRING, tie_rule, TRUE),
  [CAMPAIGN_PROP_AGGREGATION]        = FIELD ("aggregation", KIND_STRING, aggregation, TRUE),
  [CAMPAIGN_PROP_NORMALISE]          = FIELD ("normalise", KIND_BOOLEAN, normalise, TRUE),
  [CAMPAIGN_PROP_PROMISE_DAYS]       = FIELD ("promise-days", KIND_INT, promise_days, TRUE),
  [CAMPAIGN_PROP_PRELIMINARY_DAYS]   = FIELD ("preliminary-days", KIND_INT, preliminary_days, TRUE),
  [CAMPAIGN_PROP_COMMITTEE_DAYS]     = FIELD ("committee-days", KIND_INT, committee_days, TRUE),
  [CAMPAIGN_PROP_NOTICE_DAYS]        = FIELD ("notice-days", KIND_INT, notice_days, TRUE),
  [CAMPAIGN_PROP_DECISION_DAYS]      = FIELD ("decision-days", KIND_INT, decision_days, TRUE),
  [CAMPAIGN_PROP_MIN_NOTICE_DAYS]    = FIELD ("min-notice-days", KIND_INT, min_notice_days, TRUE),
  [CAMPAIGN_PROP_OPENS_ON]           = FIELD ("opens-on", KIND_STRING, opens_on, TRUE),
  [CAMPAIGN_PROP_CLOSES_ON]          = FIELD ("closes-on", KIND_STRING, closes_on, TRUE),
  [CAMPAIGN_PROP_STATUS]             = FIELD ("status", KIND_STRING, status, FALSE),
  [CAMPAIGN_PROP_COPIED_FROM]        = FIELD ("copied-from", KIND_INT64, copied_from, FALSE),
  [CAMPAIGN_PROP_CREATED_AT]         = FIELD ("created-at", KIND_INT64, created_at, FALSE),
  [CAMPAIGN_PROP_UPDATED_AT]         = FIELD ("updated-at", KIND_INT64, updated_at, FALSE),
  [CAMPAIGN_PROP_VERSION]            = FIELD ("version", KIND_INT64, version, FALSE),
};

#undef FIELD

static GParamSpec *properties [N_CAMPAIGN_PROPS];

#define MEMBER(self, info, type) ((type *) (gpointer) ((guint8 *) (self) + (info)->offset))

/*
 * The object
 */

static void
xf_campaign_finalize (GObject *object)
{
  XfCampaign *self = (XfCampaign *) object;

  for (guint i = 0; i < N_CAMPAIGN_PROPS; i++)
    if (prop_info[i].name != NULL && prop_info[i].kind == KIND_STRING)
      g_clear_pointer (MEMBER (self, &prop_info[i], char *), g_free);
  g_clear_pointer (&self->rubric, g_ptr_array_unref);
  g_clear_pointer (&self->vetting, g_ptr_array_unref);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->committee, g_ptr_array_unref);
  g_clear_pointer (&self->eligibility, xf_eligibility_free);

  G_OBJECT_CLASS (xf_campaign_parent_class)->finalize (object);
}

/* Codes lists are kept as single-space-separated tokens, "" for none. */
static char *
normalise_codes (const char *codes)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (codes == NULL)
    return g_strdup ("");
  tokens = g_strsplit_set (codes, " \t\n\r,", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      g_ptr_array_add (kept, tokens[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

void
_xf_campaign_set_text (XfCampaign *self,
                       guint       prop_id,
                       const char *value)
{
  char **field = MEMBER (self, &prop_info[prop_id], char *);
  g_autofree char *text = NULL;

  g_assert (prop_info[prop_id].kind == KIND_STRING);

  if (prop_id == CAMPAIGN_PROP_REGION_CODES || prop_id == CAMPAIGN_PROP_ORGANISATION_CODES)
    text = normalise_codes (value);
  else if (value != NULL && value[0] != '\0')
    /* Empty text is no text, as in XfPioneer. */
    text = g_strdup (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

void
_xf_campaign_set_number (XfCampaign *self,
                         guint       prop_id,
                         gint64      value)
{
  const PropInfo *info = &prop_info[prop_id];

  switch (info->kind)
    {
    case KIND_INT:
      if (*MEMBER (self, info, int) == (int) value)
        return;
      *MEMBER (self, info, int) = (int) value;
      break;
    case KIND_BOOLEAN:
      if (*MEMBER (self, info, gboolean) == (value != 0))
        return;
      *MEMBER (self, info, gboolean) = value != 0;
      break;
    case KIND_INT64:
      if (*MEMBER (self, info, gint64) == value)
        return;
      *MEMBER (self, info, gint64) = value;
      break;
    case KIND_STRING:
    default:
      g_assert_not_reached ();
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static gint64
get_number (XfCampaign     *self,
            const PropInfo *info)
{
  switch (info->kind)
    {
    case KIND_INT:
      return *MEMBER (self, info, int);
    case KIND_BOOLEAN:
      return *MEMBER (self, info, gboolean);
    case KIND_INT64:
      return *MEMBER (self, info, gint64);
    case KIND_STRING:
    default:
      g_assert_not_reached ();
    }
}

static void
xf_campaign_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XfCampaign *self = XF_CAMPAIGN (object);
  const PropInfo *info;

  if (prop_id == 0 || prop_id >= N_CAMPAIGN_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  info = &prop_info[prop_id];
  switch (info->kind)
    {
    case KIND_STRING:
      g_value_set_string (value, *MEMBER (self, info, char *));
      break;
    case KIND_INT:
      g_value_set_int (value, *MEMBER (self, info, int));
      break;
    case KIND_INT64:
      g_value_set_int64 (value, *MEMBER (self, info, gint64));
      break;
    case KIND_BOOLEAN:
      g_value_set_boolean (value, *MEMBER (self, info, gboolean));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
xf_campaign_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  XfCampaign *self = XF_CAMPAIGN (object);

  if (prop_id == 0 || prop_id >= N_CAMPAIGN_PROPS || !prop_info[prop_id].writable)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (prop_info[prop_id].kind)
    {
    case KIND_STRING:
      _xf_campaign_set_text (self, prop_id, g_value_get_string (value));
      break;
    case KIND_INT:
      _xf_campaign_set_number (self, prop_id, g_value_get_int (value));
      break;
    case KIND_INT64:
      _xf_campaign_set_number (self, prop_id, g_value_get_int64 (value));
      break;
    case KIND_BOOLEAN:
      _xf_campaign_set_number (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
xf_campaign_class_init (XfCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_campaign_finalize;
  object_class->get_property = xf_campaign_get_property;
  object_class->set_property = xf_campaign_set_property;

  for (guint i = 1; i < N_CAMPAIGN_PROPS; i++)
    {
      const PropInfo *info = &prop_info[i];
      GParamFlags flags = G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS |
                          (info->writable ? G_PARAM_READWRITE : G_PARAM_READABLE);

      /* Ranges are wide on purpose: xf_campaign_validate() judges values and
       * says why, where a param spec would only warn. */
      switch (info->kind)
        {
        case KIND_STRING:
          properties [i] = g_param_spec_string (info->name, NULL, NULL, NULL, flags);
          break;
        case KIND_INT:
          properties [i] = g_param_spec_int (info->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case KIND_INT64:
          properties [i] = g_param_spec_int64 (info->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case KIND_BOOLEAN:
          properties [i] = g_param_spec_boolean (info->name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_object_class_install_properties (object_class, N_CAMPAIGN_PROPS, properties);
}

static void
xf_campaign_init (XfCampaign *self)
{
  self->region_codes = g_strdup ("");
  self->organisation_codes = g_strdup ("");
  self->tie_rule = g_strdup ("chair");
  self->aggregation = g_strdup ("mean");
  self->status = g_strdup ("draft");
  self->quota = 10;
  self->quorum_num = 2;
  self->quorum_den = 3;
  self->pass_num = 2;
  self->pass_den = 3;
  self->min_notice_days = 5;
  self->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_criterion_free);
  self->vetting = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_vetting_department_free);
  self->checklist = g_ptr_array_new_with_free_func (g_free);
  self->committee = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  self->eligibility = xf_eligibility_new ();
}

/*
 * Defaults
 */

/* The stage plans of the reform: county 31, city (and above) 32 working days. */
static void
set_default_plan (XfCampaign *self,
                  const char *level)
{
  gboolean county = g_strcmp0 (level, "county") == 0;

  self->preliminary_days = 10;
  self->committee_days = 10;
  self->notice_days = 6;
  self->decision_days = county ? 5 : 6;
  self->promise_days = county ? 31 : 32;
}

static void
add_default_rubric (XfCampaign *self)
{
  g_ptr_array_add (self->rubric,
                   xf_criterion_new ("deeds", _("Outstanding deeds"),
                                     _("What the candidate achieved, with evidence: results, "
                                       "awards, records set"),
                                     40, 10));
  g_ptr_array_add (self->rubric,
                   xf_criterion_new ("contribution", _("Contribution"),
                                     _("Benefit to the enterprise, the industry and the local "
                                       "economy"),
                                     30, 10));
  g_ptr_array_add (self->rubric,
                   xf_criterion_new ("innovation", _("Innovation"),
                                     _("New methods, patents, techniques passed on to others"),
                                     20, 10));
  g_ptr_array_add (self->rubric,
                   xf_criterion_new ("reputation", _("Reputation"),
                                     _("Standing among colleagues and the public; an example "
                                       "to others"),
                                     10, 10));
}

static void
add_default_vetting (XfCampaign *self)
{
  /* Translators: joint vetting department, 纪检监察. */
  g_ptr_array_add (self->vetting, xf_vetting_department_new ("discipline", _("Discipline inspection"), 10));
  /* Translators: joint vetting department, 审计. */
  g_ptr_array_add (self->vetting, xf_vetting_department_new ("audit", _("Audit"), 10));
  /* Translators: joint vetting department, 公安. */
  g_ptr_array_add (self->vetting, xf_vetting_department_new ("public-security", _("Public security"), 10));
  /* Translators: joint vetting department, 税务. */
  g_ptr_array_add (self->vetting, xf_vetting_department_new ("tax", _("Tax"), 10));
}

static void
add_default_checklist (XfCampaign *self)
{
  g_ptr_array_add (self->checklist, g_strdup (_("Nomination form complete and signed")));
  g_ptr_array_add (self->checklist, g_strdup (_("Identity and employment verified")));
  g_ptr_array_add (self->checklist, g_strdup (_("Deeds supported by materials")));
  g_ptr_array_add (self->checklist, g_strdup (_("Unit’s opinion and seal")));
  g_ptr_array_add (self->checklist, g_strdup (_("Publicity within the unit done")));
}

/**
 * xf_campaign_new:
 * @year: the campaign's year
 * @title: the honour conferred
 * @level: "national", "provincial", "city" or "county"
 *
 * A new draft campaign with the defaults for @level (see xf-campaign.h).
 *
 * Returns: (transfer full): the campaign
 */
XfCampaign *
xf_campaign_new (int         year,
                 const char *title,
                 const char *level)
{
  XfCampaign *self = g_object_new (XF_TYPE_CAMPAIGN, NULL);

  self->year = year;
  self->title = g_strdup (title != NULL && *title != '\0' ? title : NULL);
  self->level = g_strdup (level != NULL && *level != '\0' ? level : NULL);
  set_default_plan (self, level);
  add_default_rubric (self);
  add_default_vetting (self);
  add_default_checklist (self);
  return self;
}

/**
 * xf_campaign_copy:
 * @self: a campaign
 *
 * Returns: (transfer full): a deep copy, stored fields and lists included
 */
XfCampaign *
xf_campaign_copy (XfCampaign *self)
{
  XfCampaign *copy;

  g_return_val_if_fail (XF_IS_CAMPAIGN (self), NULL);

  copy = g_object_new (XF_TYPE_CAMPAIGN, NULL);
  for (guint i = 1; i < N_CAMPAIGN_PROPS; i++)
    {
      const PropInfo *info = &prop_info[i];

      if (info->kind == KIND_STRING)
        {
          char **field = MEMBER (copy, info, char *);

          g_free (*field);
          *field = g_strdup (*MEMBER (self, info, char *));
        }
      else if (info->kind == KIND_INT)
        *MEMBER (copy, info, int) = *MEMBER (self, info, int);
      else if (info->kind == KIND_BOOLEAN)
        *MEMBER (copy, info, gboolean) = *MEMBER (self, info, gboolean);
      else
        *MEMBER (copy, info, gint64) = *MEMBER (self, info, gint64);
    }
  for (guint i = 0; i < self->rubric->len; i++)
    g_ptr_array_add (copy->rubric, xf_criterion_copy (g_ptr_array_index (self->rubric, i)));
  for (guint i = 0; i < self->vetting->len; i++)
    g_ptr_array_add (copy->vetting, xf_vetting_department_copy (g_ptr_array_index (self->vetting, i)));
  for (guint i = 0; i < self->checklist->len; i++)
    g_ptr_array_add (copy->checklist, g_strdup (g_ptr_array_index (self->checklist, i)));
  for (guint i = 0; i < self->committee->len; i++)
    g_ptr_array_add (copy->committee, xf_committee_member_copy (g_ptr_array_index (self->committee, i)));
  xf_eligibility_free (copy->eligibility);
  copy->eligibility = xf_eligibility_copy (self->eligibility);
  return copy;
}

/*
 * Getters
 */

#define GETTER(type, name, member)                      \
  type                                                  \
  xf_campaign_get_##name (XfCampaign *self)             \
  {                                                     \
    g_return_val_if_fail (XF_IS_CAMPAIGN (self), 0);    \
    return self->member;                                \
  }

GETTER (gint64, id, id)
GETTER (const char *, uid, uid)
GETTER (int, year, year)
GETTER (const char *, title, title)
GETTER (const char *, level, level)
GETTER (gint64, organisation_id, organisation_id)
GETTER (const char *, organisation_name, organisation_name)
GETTER (const char *, region_codes, region_codes)
GETTER (const char *, organisation_codes, organisation_codes)
GETTER (int, quota, quota)
GETTER (const char *, status, status)
GETTER (int, promise_days, promise_days)
GETTER (int, min_notice_days, min_notice_days)
GETTER (const char *, tie_rule, tie_rule)
GETTER (const char *, aggregation, aggregation)
GETTER (gboolean, normalise, normalise)
GETTER (const char *, opens_on, opens_on)
GETTER (const char *, closes_on, closes_on)
GETTER (gint64, copied_from, copied_from)
GETTER (gint64, created_at, created_at)
GETTER (gint64, updated_at, updated_at)
GETTER (gint64, version, version)
GETTER (GPtrArray *, rubric, rubric)
GETTER (GPtrArray *, vetting, vetting)
GETTER (GPtrArray *, checklist, checklist)
GETTER (GPtrArray *, committee, committee)
GETTER (XfEligibility *, eligibility, eligibility)

#undef GETTER

int
xf_campaign_get_stage_budget (XfCampaign *self,
                              const char *stage)
{
  g_return_val_if_fail (XF_IS_CAMPAIGN (self), 0);

  if (g_strcmp0 (stage, "preliminary") == 0)
    return self->preliminary_days;
  if (g_strcmp0 (stage, "committee") == 0)
    return self->committee_days;
  if (g_strcmp0 (stage, "notice") == 0)
    return self->notice_days;
  if (g_strcmp0 (stage, "decision") == 0)
    return self->decision_days;
  return 0;
}

void
xf_campaign_get_quorum (XfCampaign *self,
                        int        *num,
                        int        *den)
{
  g_return_if_fail (XF_IS_CAMPAIGN (self));

  if (num != NULL)
    *num = self->quorum_num;
  if (den != NULL)
    *den = self->quorum_den;
}

void
xf_campaign_get_pass (XfCampaign *self,
                      int        *num,
                      int        *den)
{
  g_return_if_fail (XF_IS_CAMPAIGN (self));

  if (num != NULL)
    *num = self->pass_num;
  if (den != NULL)
    *den = self->pass_den;
}

/*
 * Setters
 */

#define TEXT_SETTER(name, prop)                                 \
  void                                                          \
  xf_campaign_set_##name (XfCampaign *self,                     \
                          const char *value)                    \
  {                                                             \
    g_return_if_fail (XF_IS_CAMPAIGN (self));                   \
    _xf_campaign_set_text (self, prop, value);                  \
  }

#define NUMBER_SETTER(type, name, prop)                         \
  void                                                          \
  xf_campaign_set_##name (XfCampaign *self,                     \
                          type        value)                    \
  {                                                             \
    g_return_if_fail (XF_IS_CAMPAIGN (self));                   \
    _xf_campaign_set_number (self, prop, value);                \
  }

NUMBER_SETTER (int, year, CAMPAIGN_PROP_YEAR)
TEXT_SETTER (title, CAMPAIGN_PROP_TITLE)
TEXT_SETTER (level, CAMPAIGN_PROP_LEVEL)
NUMBER_SETTER (gint64, organisation_id, CAMPAIGN_PROP_ORGANISATION_ID)
TEXT_SETTER (region_codes, CAMPAIGN_PROP_REGION_CODES)
TEXT_SETTER (organisation_codes, CAMPAIGN_PROP_ORGANISATION_CODES)
NUMBER_SETTER (int, quota, CAMPAIGN_PROP_QUOTA)
TEXT_SETTER (tie_rule, CAMPAIGN_PROP_TIE_RULE)
TEXT_SETTER (aggregation, CAMPAIGN_PROP_AGGREGATION)
NUMBER_SETTER (gboolean, normalise, CAMPAIGN_PROP_NORMALISE)
NUMBER_SETTER (int, promise_days, CAMPAIGN_PROP_PROMISE_DAYS)
NUMBER_SETTER (int, min_notice_days, CAMPAIGN_PROP_MIN_NOTICE_DAYS)
TEXT_SETTER (opens_on, CAMPAIGN_PROP_OPENS_ON)
TEXT_SETTER (closes_on, CAMPAIGN_PROP_CLOSES_ON)

#undef TEXT_SETTER
#undef NUMBER_SETTER

void
xf_campaign_set_quorum (XfCampaign *self,
                        int         num,
                        int         den)
{
  g_return_if_fail (XF_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  _xf_campaign_set_number (self, CAMPAIGN_PROP_QUORUM_NUM, num);
  _xf_campaign_set_number (self, CAMPAIGN_PROP_QUORUM_DEN, den);
  g_object_thaw_notify (G_OBJECT (self));
}

void
xf_campaign_set_pass (XfCampaign *self,
                      int         num,
                      int         den)
{
  g_return_if_fail (XF_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  _xf_campaign_set_number (self, CAMPAIGN_PROP_PASS_NUM, num);
  _xf_campaign_set_number (self, CAMPAIGN_PROP_PASS_DEN, den);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
xf_campaign_set_stage_budget (XfCampaign *self,
                              const char *stage,
                              int         days)
{
  guint prop_id;

  g_return_val_if_fail (XF_IS_CAMPAIGN (self), FALSE);

  if (g_strcmp0 (stage, "preliminary") == 0)
    prop_id = CAMPAIGN_PROP_PRELIMINARY_DAYS;
  else if (g_strcmp0 (stage, "committee") == 0)
    prop_id = CAMPAIGN_PROP_COMMITTEE_DAYS;
  else if (g_strcmp0 (stage, "notice") == 0)
    prop_id = CAMPAIGN_PROP_NOTICE_DAYS;
  else if (g_strcmp0 (stage, "decision") == 0)
    prop_id = CAMPAIGN_PROP_DECISION_DAYS;
  else
    return FALSE;
  _xf_campaign_set_number (self, prop_id, days);
  return TRUE;
}

void
xf_campaign_set_eligibility (XfCampaign          *self,
                             const XfEligibility *eligibility)
{
  g_return_if_fail (XF_IS_CAMPAIGN (self));
  g_return_if_fail (eligibility != NULL);

  if (eligibility == self->eligibility)
    return;
  xf_eligibility_free (self->eligibility);
  self->eligibility = xf_eligibility_copy (eligibility);
}

/*
 * For the repository
 */

void
_xf_campaign_set_stored (XfCampaign *self,
                         gint64      id,
                         const char *uid,
                         gint64      version,
                         gint64      created_at,
                         gint64      updated_at)
{
  g_object_freeze_notify (G_OBJECT (self));
  _xf_campaign_set_number (self, CAMPAIGN_PROP_ID, id);
  _xf_campaign_set_text (self, CAMPAIGN_PROP_UID, uid);
  _xf_campaign_set_number (self, CAMPAIGN_PROP_VERSION, version);
  _xf_campaign_set_number (self, CAMPAIGN_PROP_CREATED_AT, created_at);
  _xf_campaign_set_number (self, CAMPAIGN_PROP_UPDATED_AT, updated_at);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_xf_campaign_set_organisation_name (XfCampaign *self,
                                    const char *name)
{
  _xf_campaign_set_text (self, CAMPAIGN_PROP_ORGANISATION_NAME, name);
}

void
_xf_campaign_set_status (XfCampaign *self,
                         const char *status)
{
  _xf_campaign_set_text (self, CAMPAIGN_PROP_STATUS, status);
}

void
_xf_campaign_set_copied_from (XfCampaign *self,
                              gint64      campaign_id)
{
  _xf_campaign_set_number (self, CAMPAIGN_PROP_COPIED_FROM, campaign_id);
}

const char *
_xf_campaign_prop_name (guint prop_id)
{
  g_return_val_if_fail (prop_id > 0 && prop_id < N_CAMPAIGN_PROPS, NULL);
  return prop_info[prop_id].name;
}

gboolean
_xf_campaign_prop_is_text (guint prop_id)
{
  g_return_val_if_fail (prop_id > 0 && prop_id < N_CAMPAIGN_PROPS, FALSE);
  return prop_info[prop_id].kind == KIND_STRING;
}

char *
_xf_campaign_dup_field (XfCampaign *self,
                        guint       prop_id)
{
  const PropInfo *info;

  g_return_val_if_fail (prop_id > 0 && prop_id < N_CAMPAIGN_PROPS, NULL);

  info = &prop_info[prop_id];
  if (info->kind == KIND_STRING)
    return g_strdup (*MEMBER (self, info, char *));
  if (info->kind == KIND_BOOLEAN)
    return g_strdup (get_number (self, info) ? "true" : "false");
  return g_strdup_printf ("%" G_GINT64_FORMAT, get_number (self, info));
}

/*
 * Labels
 */

const char *
xf_campaign_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("campaign status", "Draft");
  if (g_strcmp0 (status, "open") == 0)
    return C_("campaign status", "Open");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("campaign status", "Closed");
  return status;
}

const char *
xf_tie_rule_label (const char *tie_rule)
{
  if (g_strcmp0 (tie_rule, "chair") == 0)
    return _("The chair decides");
  if (g_strcmp0 (tie_rule, "votes") == 0)
    return _("More votes for, then the chair");
  return tie_rule;
}

const char *
xf_aggregation_label (const char *aggregation)
{
  if (g_strcmp0 (aggregation, "mean") == 0)
    return _("Mean");
  if (g_strcmp0 (aggregation, "trimmed-mean") == 0)
    return _("Trimmed mean");
  return aggregation;
}
