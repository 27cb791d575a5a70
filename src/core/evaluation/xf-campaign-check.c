/* xf-campaign-check.c — a campaign's validation and the JSON of its lists
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-campaign"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-campaign-private.h"
#include "xf-calendar.h"
#include "xf-error.h"

static const char * const levels[] = { "national", "provincial", "city", "county", NULL };
static const char * const kinds[] = { "individual", "collective", NULL };

/*
 * Labels
 */

const char *
xf_campaign_field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "title", N_("Title") },
    { "year", N_("Year") },
    { "level", N_("Level") },
    { "organisation-id", N_("Organiser") },
    { "region-codes", N_("Covered regions") },
    { "organisation-codes", N_("Covered organisations") },
    { "quota", N_("Quota") },
    { "quorum", N_("Quorum") },
    { "pass", N_("Pass threshold") },
    { "tie-rule", N_("Tie rule") },
    { "aggregation", N_("Score aggregation") },
    { "normalise", N_("Normalise scores") },
    { "promise-days", N_("Promise") },
    { "preliminary-days", N_("Preliminary review budget") },
    { "committee-days", N_("Committee review budget") },
    { "notice-days", N_("Public notice budget") },
    { "decision-days", N_("Decision budget") },
    { "min-notice-days", N_("Minimum notice") },
    { "opens-on", N_("Opens on") },
    { "closes-on", N_("Closes on") },
    { "status", N_("Status") },
    { "rubric", N_("Scoring rubric") },
    { "vetting", N_("Joint vetting") },
    { "checklist", N_("Preliminary review checklist") },
    { "eligibility", N_("Eligibility") },
    { "committee", N_("Committee") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].property, property) == 0)
      return _(labels[i].label);
  return property;
}

/*
 * Validation
 */

gboolean
_xf_campaign_invalid (GError     **error,
                      const char  *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (XF_ERROR, XF_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* Short, for the many checks below. */
#define fail _xf_campaign_invalid

#define L(property) xf_campaign_field_label (property)

static gboolean
check_fraction (const char  *property,
                int          num,
                int          den,
                GError     **error)
{
  if (num <= 0 || den <= 0 || num > den)
    return fail (error, _("%s must be a fraction above 0 and at most 1, such as 2/3, not %d/%d"),
                 L (property), num, den);
  return TRUE;
}

static gboolean
check_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

static gboolean
check_plan (XfCampaign  *self,
            GError     **error)
{
  static const char * const budgets[] = {
    "preliminary-days", "committee-days", "notice-days", "decision-days"
  };
  const int values[] = {
    self->preliminary_days, self->committee_days, self->notice_days, self->decision_days
  };
  int sum = 0;

  if (self->promise_days < 1)
    return fail (error, _("%s must be at least 1 working day, not %d"),
                 L ("promise-days"), self->promise_days);
  if (self->promise_days > XF_CAMPAIGN_MAX_STAGE_DAYS * (int) G_N_ELEMENTS (budgets))
    return fail (error, _("%s must be at most %d working days, not %d"), L ("promise-days"),
                 XF_CAMPAIGN_MAX_STAGE_DAYS * (int) G_N_ELEMENTS (budgets), self->promise_days);
  /* Each budget bounded first, so that their sum cannot overflow. */
  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      if (values[i] < 1)
        return fail (error, _("%s must be at least 1 working day, not %d"), L (budgets[i]), values[i]);
      if (values[i] > XF_CAMPAIGN_MAX_STAGE_DAYS)
        return fail (error, _("%s must be at most %d working days, not %d"), L (budgets[i]),
                     XF_CAMPAIGN_MAX_STAGE_DAYS, values[i]);
      sum += values[i];
    }
  if (sum != self->promise_days)
    return fail (error,
                 _("%s is %d working days, but the stage budgets add up to %d (%d + %d + %d + %d)"),
                 L ("promise-days"), self->promise_days, sum,
                 values[0], values[1], values[2], values[3]);
  if (self->min_notice_days < 1)
    return fail (error, _("%s must be at least 1 working day, not %d"),
                 L ("min-notice-days"), self->min_notice_days);
  if (self->min_notice_days > XF_CAMPAIGN_MAX_STAGE_DAYS)
    return fail (error, _("%s must be at most %d working days, not %d"), L ("min-notice-days"),
                 XF_CAMPAIGN_MAX_STAGE_DAYS, self->min_notice_days);
  if (self->notice_days < self->min_notice_days)
    return fail (error, _("%s of %d working days is shorter than the minimum notice of %d"),
                 L ("notice-days"), self->notice_days, self->min_notice_days);
  return TRUE;
}

static gboolean
check_dates (XfCampaign  *self,
             GError     **error)
{
  GDate opens, closes;

  if (self->opens_on != NULL && !xf_date_parse (self->opens_on, &opens))
    return fail (error, _("%s “%s” is not a date (YYYY-MM-DD)"), L ("opens-on"), self->opens_on);
  if (self->closes_on != NULL && !xf_date_parse (self->closes_on, &closes))
    return fail (error, _("%s “%s” is not a date (YYYY-MM-DD)"), L ("closes-on"), self->closes_on);
  if (self->opens_on != NULL && self->closes_on != NULL && g_date_compare (&opens, &closes) > 0)
    return fail (error, _("%s %s is after the closing date %s"),
                 L ("opens-on"), self->opens_on, self->closes_on);
  return TRUE;
}

static gboolean
check_coverage (XfCampaign  *self,
                GError     **error)
{
  g_auto(GStrv) regions = g_strsplit (self->region_codes, " ", -1);

  for (guint i = 0; regions[i] != NULL; i++)
    if (regions[i][0] != '\0' && (!check_digits (regions[i]) || strlen (regions[i]) > 12))
      return fail (error, _("%s: “%s” is not a region code (up to 12 digits)"),
                   L ("region-codes"), regions[i]);
  return TRUE;
}

static gboolean
check_rubric (XfCampaign  *self,
              GError     **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->rubric->len == 0)
    return fail (error, _("%s needs at least one criterion"), L ("rubric"));
  for (guint i = 0; i < self->rubric->len; i++)
    {
      XfCriterion *criterion = g_ptr_array_index (self->rubric, i);

      if (criterion == NULL || criterion->code == NULL || criterion->code[0] == '\0')
        return fail (error, _("%s: criterion %u has no code"), L ("rubric"), i + 1);
      if (!g_hash_table_add (codes, criterion->code))
        return fail (error, _("%s: the code “%s” is used twice"), L ("rubric"), criterion->code);
      if (criterion->name == NULL || criterion->name[0] == '\0')
        return fail (error, _("%s: criterion “%s” has no name"), L ("rubric"), criterion->code);
      if (!(criterion->weight > 0) || !isfinite (criterion->weight))
        return fail (error, _("%s: the weight of “%s” must be above 0, not %g"),
                     L ("rubric"), criterion->name, criterion->weight);
      if (!(criterion->max > 0) || !isfinite (criterion->max))
        return fail (error, _("%s: the highest score of “%s” must be above 0, not %g"),
                     L ("rubric"), criterion->name, criterion->max);
      if (criterion->weight > XF_CAMPAIGN_MAX_WEIGHT)
        return fail (error, _("%s: the weight of “%s” must be at most %d, not %g"),
                     L ("rubric"), criterion->name, XF_CAMPAIGN_MAX_WEIGHT, criterion->weight);
      if (criterion->max > XF_CAMPAIGN_MAX_SCORE)
        return fail (error, _("%s: the highest score of “%s” must be at most %d, not %g"),
                     L ("rubric"), criterion->name, XF_CAMPAIGN_MAX_SCORE, criterion->max);
    }
  return TRUE;
}

static gboolean
check_vetting (XfCampaign  *self,
               GError     **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->vetting->len; i++)
    {
      XfVettingDepartment *department = g_ptr_array_index (self->vetting, i);

      if (department == NULL || department->code == NULL || department->code[0] == '\0')
        return fail (error, _("%s: department %u has no code"), L ("vetting"), i + 1);
      if (!g_hash_table_add (codes, department->code))
        return fail (error, _("%s: the code “%s” is used twice"), L ("vetting"), department->code);
      if (department->name == NULL || department->name[0] == '\0')
        return fail (error, _("%s: department “%s” has no name"), L ("vetting"), department->code);
      if (department->days < 1)
        return fail (error, _("%s: the deadline of “%s” must be at least 1 working day, not %d"),
                     L ("vetting"), department->name, department->days);
      if (department->days > XF_CAMPAIGN_MAX_STAGE_DAYS)
        return fail (error, _("%s: the deadline of “%s” must be at most %d working days, not %d"),
                     L ("vetting"), department->name, XF_CAMPAIGN_MAX_STAGE_DAYS, department->days);
    }
  return TRUE;
}

static gboolean
check_checklist (XfCampaign  *self,
                 GError     **error)
{
  for (guint i = 0; i < self->checklist->len; i++)
    {
      g_autofree char *item = g_strdup (g_ptr_array_index (self->checklist, i));

      if (item == NULL || g_strstrip (item)[0] == '\0')
        return fail (error, _("%s: item %u is empty"), L ("checklist"), i + 1);
    }
  return TRUE;
}

static gboolean
check_eligibility (XfCampaign  *self,
                   GError     **error)
{
  XfEligibility *rules = self->eligibility;

  if (rules->min_age < 0 || rules->min_age > 150)
    return fail (error, _("%s: the lowest age %d is not between 0 and 150"),
                 L ("eligibility"), rules->min_age);
  if (rules->max_age < 0 || rules->max_age > 150)
    return fail (error, _("%s: the highest age %d is not between 0 and 150"),
                 L ("eligibility"), rules->max_age);
  if (rules->min_age > 0 && rules->max_age > 0 && rules->min_age > rules->max_age)
    return fail (error, _("%s: the lowest age %d is above the highest age %d"),
                 L ("eligibility"), rules->min_age, rules->max_age);
  if (rules->min_service_years < 0 || rules->min_service_years > 100)
    return fail (error, _("%s: the years of service %d are not between 0 and 100"),
                 L ("eligibility"), rules->min_service_years);
  for (guint i = 0; rules->kinds != NULL && rules->kinds[i] != NULL; i++)
    if (!g_strv_contains (kinds, rules->kinds[i]))
      return fail (error, _("%s: “%s” is not a kind of candidate"), L ("eligibility"), rules->kinds[i]);
  for (guint i = 0; rules->required_levels != NULL && rules->required_levels[i] != NULL; i++)
    if (!g_strv_contains (levels, rules->required_levels[i]))
      return fail (error, _("%s: “%s” is not an honour level"),
                   L ("eligibility"), rules->required_levels[i]);
  return TRUE;
}

/**
 * xf_campaign_validate:
 * @self: a campaign
 * @error: return location for an error
 *
 * Returns: %FALSE with %XF_ERROR_INVALID naming the first bad field and why
 */
gboolean
xf_campaign_validate (XfCampaign  *self,
                      GError     **error)
{
  static const char * const statuses[] = { "draft", "open", "closed", NULL };
  static const char * const tie_rules[] = { "chair", "votes", NULL };
  static const char * const aggregations[] = { "mean", "trimmed-mean", NULL };

  g_return_val_if_fail (XF_IS_CAMPAIGN (self), FALSE);

  if (self->title == NULL || g_utf8_strlen (self->title, -1) > 200 ||
      !g_utf8_validate (self->title, -1, NULL))
    return self->title == NULL
           ? fail (error, _("%s is required"), L ("title"))
           : fail (error, _("%s is too long or not valid text: at most %d characters are allowed"),
                   L ("title"), 200);
  if (self->year < XF_CAMPAIGN_MIN_YEAR || self->year > XF_CAMPAIGN_MAX_YEAR)
    return fail (error, _("%s %d is not between 1900 and 2999"), L ("year"), self->year);
  if (self->level == NULL)
    return fail (error, _("%s is required"), L ("level"));
  if (!g_strv_contains (levels, self->level))
    return fail (error, _("%s “%s” is not one of the known values"), L ("level"), self->level);
  if (self->status == NULL || !g_strv_contains (statuses, self->status))
    return fail (error, _("%s “%s” is not one of the known values"), L ("status"),
                 self->status != NULL ? self->status : "");
  if (self->quota < 1)
    return fail (error, _("%s must be at least 1, not %d"), L ("quota"), self->quota);
  if (!check_fraction ("quorum", self->quorum_num, self->quorum_den, error) ||
      !check_fraction ("pass", self->pass_num, self->pass_den, error))
    return FALSE;
  if (self->tie_rule == NULL || !g_strv_contains (tie_rules, self->tie_rule))
    return fail (error, _("%s “%s” is not one of the known values"), L ("tie-rule"),
                 self->tie_rule != NULL ? self->tie_rule : "");
  if (self->aggregation == NULL || !g_strv_contains (aggregations, self->aggregation))
    return fail (error, _("%s “%s” is not one of the known values"), L ("aggregation"),
                 self->aggregation != NULL ? self->aggregation : "");

  return check_coverage (self, error) &&
         check_plan (self, error) &&
         check_dates (self, error) &&
         check_rubric (self, error) &&
         check_vetting (self, error) &&
         check_checklist (self, error) &&
         check_eligibility (self, error);
}

/*
 * JSON of the list columns
 */

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
build_eligibility (JsonBuilder   *builder,
                   XfEligibility *rules)
{
  /* Only the rules that are set: "{}" is no rule at all, the column's default. */
  json_builder_begin_object (builder);
  if (rules->min_age != 0)
    {
      json_builder_set_member_name (builder, "min_age");
      json_builder_add_int_value (builder, rules->min_age);
    }
  if (rules->max_age != 0)
    {
      json_builder_set_member_name (builder, "max_age");
      json_builder_add_int_value (builder, rules->max_age);
    }
  if (rules->min_service_years != 0)
    {
      json_builder_set_member_name (builder, "min_service_years");
      json_builder_add_int_value (builder, rules->min_service_years);
    }
  add_strv (builder, "required_levels", (const char * const *) rules->required_levels);
  add_strv (builder, "required_titles", (const char * const *) rules->required_titles);
  add_strv (builder, "kinds", (const char * const *) rules->kinds);
  if (rules->exclude_holders)
    {
      json_builder_set_member_name (builder, "exclude_holders");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
}

char *
_xf_campaign_lists_to_json (XfCampaign *self,
                            const char *column)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (XF_IS_CAMPAIGN (self), NULL);

  if (g_strcmp0 (column, "rubric") == 0)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->rubric->len; i++)
        {
          XfCriterion *criterion = g_ptr_array_index (self->rubric, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, criterion->code);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, criterion->name);
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, criterion->description);
          json_builder_set_member_name (builder, "weight");
          json_builder_add_double_value (builder, criterion->weight);
          json_builder_set_member_name (builder, "max");
          json_builder_add_double_value (builder, criterion->max);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else if (g_strcmp0 (column, "vetting") == 0)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->vetting->len; i++)
        {
          XfVettingDepartment *department = g_ptr_array_index (self->vetting, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, department->code);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, department->name);
          json_builder_set_member_name (builder, "days");
          json_builder_add_int_value (builder, department->days);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else if (g_strcmp0 (column, "checklist") == 0)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->checklist->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (self->checklist, i));
      json_builder_end_array (builder);
    }
  else if (g_strcmp0 (column, "eligibility") == 0)
    build_eligibility (builder, self->eligibility);
  else
    g_return_val_if_reached (NULL);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
corrupt (GError     **error,
         const char  *column)
{
  g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
               _("The stored %s of a campaign is not in the expected form"),
               xf_campaign_field_label (column));
  return FALSE;
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;
  return json_node_get_double (node);
}

static GStrv
member_strv (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *text = json_array_get_string_element (array, i);

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_array (JsonNode    *root,
            const char  *column,
            XfCampaign  *self,
            GPtrArray   *into,
            GError     **error)
{
  JsonArray *array;

  if (JSON_NODE_TYPE (root) != JSON_NODE_ARRAY)
    return corrupt (error, column);
  array = json_node_get_array (root);
  g_ptr_array_set_size (into, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (into == self->checklist)
        {
          if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
              json_node_get_value_type (node) != G_TYPE_STRING)
            return corrupt (error, column);
          g_ptr_array_add (into, g_strdup (json_node_get_string (node)));
          continue;
        }
      if (JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
        return corrupt (error, column);
      object = json_node_get_object (node);
      if (into == self->rubric)
        g_ptr_array_add (into, xf_criterion_new (member_text (object, "code"),
                                                 member_text (object, "name"),
                                                 member_text (object, "description"),
                                                 member_number (object, "weight"),
                                                 member_number (object, "max")));
      else
        g_ptr_array_add (into, xf_vetting_department_new (member_text (object, "code"),
                                                          member_text (object, "name"),
                                                          (int) member_number (object, "days")));
    }
  return TRUE;
}

gboolean
_xf_campaign_lists_from_json (XfCampaign  *self,
                              const char  *column,
                              const char  *json,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_return_val_if_fail (XF_IS_CAMPAIGN (self), FALSE);

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return corrupt (error, column);
  root = json_parser_get_root (parser);
  if (root == NULL)
    return corrupt (error, column);

  if (g_strcmp0 (column, "rubric") == 0)
    return read_array (root, column, self, self->rubric, error);
  if (g_strcmp0 (column, "vetting") == 0)
    return read_array (root, column, self, self->vetting, error);
  if (g_strcmp0 (column, "checklist") == 0)
    return read_array (root, column, self, self->checklist, error);
  if (g_strcmp0 (column, "eligibility") == 0)
    {
      JsonObject *object;
      XfEligibility *rules;

      if (JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
        return corrupt (error, column);
      object = json_node_get_object (root);
      rules = xf_eligibility_new ();
      rules->min_age = (int) member_number (object, "min_age");
      rules->max_age = (int) member_number (object, "max_age");
      rules->min_service_years = (int) member_number (object, "min_service_years");
      rules->required_levels = member_strv (object, "required_levels");
      rules->required_titles = member_strv (object, "required_titles");
      rules->kinds = member_strv (object, "kinds");
      rules->exclude_holders = json_object_get_boolean_member_with_default (object, "exclude_holders",
                                                                           FALSE);
      xf_eligibility_free (self->eligibility);
      self->eligibility = rules;
      return TRUE;
    }
  g_return_val_if_reached (FALSE);
}
