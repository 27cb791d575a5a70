/* xf-care-rules.c — eligibility rules: parse, match, describe
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-calendar.h"
#include "xf-care-rules.h"
#include "xf-error.h"
#include "xf-pioneer.h"
#include "xf-reference.h"

#define MAX_AGE          150
#define MAX_TITLE_CHARS  50

static const char * const kinds[] = { "individual", "collective", NULL };
static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation", NULL };
static const char * const levels[] = { "national", "provincial", "city", "county", NULL };
static const char * const statuses[] = { "active", "archived", "deceased", NULL };

typedef enum
{
  CHECK_KIND,
  CHECK_TIER,
  CHECK_LEVEL,
  CHECK_STATUS,
  CHECK_TITLE,
  CHECK_REGION,
} ListCheck;

/* The list rules, in the canonical order of their keys. */
static const struct
{
  const char *key;
  gsize       offset;
  ListCheck   check;
} list_rules[] = {
  { "kinds", G_STRUCT_OFFSET (XfCareRules, kinds), CHECK_KIND },
  { "tiers", G_STRUCT_OFFSET (XfCareRules, tiers), CHECK_TIER },
  { "honour_levels", G_STRUCT_OFFSET (XfCareRules, honour_levels), CHECK_LEVEL },
  { "honour_titles", G_STRUCT_OFFSET (XfCareRules, honour_titles), CHECK_TITLE },
  { "statuses", G_STRUCT_OFFSET (XfCareRules, statuses), CHECK_STATUS },
  { "regions", G_STRUCT_OFFSET (XfCareRules, regions), CHECK_REGION },
};

/* Every rule's key and what a person reads for it. */
static const struct
{
  const char *key;
  const char *label;
} key_labels[] = {
  { "kinds", NC_("care rule", "Kinds") },
  { "tiers", NC_("care rule", "Tiers") },
  { "honour_levels", NC_("care rule", "Honour levels") },
  { "honour_titles", NC_("care rule", "Honour titles") },
  { "min_age", NC_("care rule", "Minimum age") },
  { "max_age", NC_("care rule", "Maximum age") },
  { "statuses", NC_("care rule", "Statuses") },
  { "retired", NC_("care rule", "Retired") },
  { "hardship", NC_("care rule", "Hardship") },
  { "regions", NC_("care rule", "Regions") },
};

const char *
xf_care_rules_key_label (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    if (g_str_equal (key, key_labels[i].key))
      return g_dpgettext2 (GETTEXT_PACKAGE, "care rule", key_labels[i].label);
  return NULL;
}

#define LIST_FIELD(rules, i) ((GStrv *) G_STRUCT_MEMBER_P ((rules), list_rules[i].offset))

XfCareRules *
xf_care_rules_new (void)
{
  XfCareRules *rules = g_new0 (XfCareRules, 1);

  rules->min_age = -1;
  rules->max_age = -1;
  rules->statuses = g_strdupv ((GStrv) (const char * const[]) { "active", NULL });
  rules->retired = -1;
  rules->hardship = -1;
  return rules;
}

void
xf_care_rules_free (XfCareRules *rules)
{
  if (rules == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (list_rules); i++)
    g_strfreev (*LIST_FIELD (rules, i));
  g_free (rules);
}

XfCareRules *
xf_care_rules_copy (const XfCareRules *rules)
{
  XfCareRules *copy;

  g_return_val_if_fail (rules != NULL, NULL);

  copy = g_memdup2 (rules, sizeof *rules);
  for (guint i = 0; i < G_N_ELEMENTS (list_rules); i++)
    *LIST_FIELD (copy, i) = g_strdupv (*LIST_FIELD (rules, i));
  return copy;
}

/*
 * Parsing
 */

static gboolean
valid_region_prefix (const char *code)
{
  gsize length = strlen (code);

  return length >= 2 && length <= 12 && strspn (code, "0123456789") == length;
}

static gboolean
check_list_value (ListCheck    check,
                  const char  *key,
                  const char  *value,
                  GError     **error)
{
  const char * const *allowed = check == CHECK_KIND ? kinds : check == CHECK_TIER ? tiers
                                : check == CHECK_LEVEL ? levels : check == CHECK_STATUS ? statuses : NULL;
  const char *message = NULL;

  if (allowed != NULL && g_strv_contains (allowed, value))
    return TRUE;
  if (check == CHECK_TITLE && *value != '\0' && g_utf8_strlen (value, -1) <= MAX_TITLE_CHARS)
    return TRUE;
  if (check == CHECK_REGION && valid_region_prefix (value))
    return TRUE;
  switch (check)
    {
    case CHECK_KIND:
      /* Translators: the first %s is a rule's label ("Kinds"), the second what was written. */
      message = _("Eligibility: “%s” has an unknown kind “%s”");
      break;
    case CHECK_TIER:
      message = _("Eligibility: “%s” has an unknown tier “%s”");
      break;
    case CHECK_LEVEL:
      message = _("Eligibility: “%s” has an unknown honour level “%s”");
      break;
    case CHECK_STATUS:
      message = _("Eligibility: “%s” has an unknown status “%s”");
      break;
    case CHECK_TITLE:
      message = _("Eligibility: “%s” has a title that is empty or too long: “%s”");
      break;
    case CHECK_REGION:
    default:
      message = _("Eligibility: “%s” has “%s”, which is not a region code");
      break;
    }
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, message, xf_care_rules_key_label (key), value);
  return FALSE;
}

static gboolean
parse_list (JsonNode    *node,
            guint        index,
            XfCareRules *rules,
            GError     **error)
{
  const char *key = list_rules[index].key;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    array = NULL;
  else if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  else
    goto not_a_list;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto not_a_list;
      value = g_strstrip (g_strdup (json_node_get_string (element)));
      if (!check_list_value (list_rules[index].check, key, value, error))
        return FALSE;
      if (!g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
        g_ptr_array_add (values, g_steal_pointer (&value));
    }
  g_strfreev (*LIST_FIELD (rules, index));
  *LIST_FIELD (rules, index) = NULL;
  if (values->len > 0)
    {
      g_ptr_array_add (values, NULL);
      *LIST_FIELD (rules, index) = (GStrv) g_ptr_array_steal (values, NULL);
    }
  else if (list_rules[index].check == CHECK_STATUS)
    *LIST_FIELD (rules, index) = g_strdupv ((GStrv) (const char * const[]) { "active", NULL });
  return TRUE;

not_a_list:
  /* Translators: %s is a rule's label ("Tiers"). */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Eligibility: “%s” must be a list of texts"),
               xf_care_rules_key_label (key));
  return FALSE;
}

static gboolean
parse_age (JsonNode    *node,
           const char  *key,
           int         *age,
           GError     **error)
{
  gint64 value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *age = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || (value = json_node_get_int (node)) < 0 || value > MAX_AGE)
    {
      /* Translators: %s is a rule's label ("Minimum age"), %d the largest age. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Eligibility: “%s” must be a whole number of years from 0 to %d"),
                   xf_care_rules_key_label (key), MAX_AGE);
      return FALSE;
    }
  *age = (int) value;
  return TRUE;
}

static gboolean
parse_flag (JsonNode    *node,
            const char  *key,
            int         *flag,
            GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *flag = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      /* Translators: %s is a rule's label ("Retired"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Eligibility: “%s” must be true, false or null"), xf_care_rules_key_label (key));
      return FALSE;
    }
  *flag = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

static gboolean
parse_member (XfCareRules  *rules,
              const char   *key,
              JsonNode     *node,
              GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_rules); i++)
    if (g_str_equal (key, list_rules[i].key))
      return parse_list (node, i, rules, error);
  if (g_str_equal (key, "min_age"))
    return parse_age (node, key, &rules->min_age, error);
  if (g_str_equal (key, "max_age"))
    return parse_age (node, key, &rules->max_age, error);
  if (g_str_equal (key, "retired"))
    return parse_flag (node, key, &rules->retired, error);
  if (g_str_equal (key, "hardship"))
    return parse_flag (node, key, &rules->hardship, error);
  {
    g_autofree char *valid = g_utf8_make_valid (key, -1);

    /* Translators: %s is what was written as a rule's key. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Eligibility: “%s” is not a rule"), valid);
  }
  return FALSE;
}

static JsonObject *
parse_object (JsonParser  *parser,
              const char  *json,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!g_utf8_validate (json, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Eligibility: not valid text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* Translators: %s is the JSON parser's message. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Eligibility: not valid JSON: %s"), message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Eligibility: the rules must be one JSON object"));
      return NULL;
    }
  return json_node_get_object (root);
}

XfCareRules *
xf_care_rules_parse (const char  *json,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XfCareRules) rules = xf_care_rules_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json == NULL || *json == '\0')
    return g_steal_pointer (&rules);
  object = parse_object (parser, json, error);
  if (object == NULL)
    return NULL;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!parse_member (rules, l->data, json_object_get_member (object, l->data), error))
      return NULL;
  if (rules->min_age >= 0 && rules->max_age >= 0 && rules->min_age > rules->max_age)
    {
      /* Translators: the %s are the rules' labels ("Minimum age", "Maximum age"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Eligibility: “%s” (%d) is above “%s” (%d)"),
                   xf_care_rules_key_label ("min_age"), rules->min_age,
                   xf_care_rules_key_label ("max_age"), rules->max_age);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/*
 * Canonical JSON
 */

static gboolean
is_default_statuses (GStrv values)
{
  return values == NULL || (g_strv_length (values) == 1 && g_str_equal (values[0], "active"));
}

static void
add_list (JsonBuilder *builder,
          const char  *key,
          GStrv        values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         int          value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_flag (JsonBuilder *builder,
          const char  *key,
          int          value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value != 0);
}

char *
xf_care_rules_to_json (const XfCareRules *rules)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < 4; i++)   /* kinds … honour_titles */
    if (*LIST_FIELD (rules, i) != NULL && **LIST_FIELD (rules, i) != NULL)
      add_list (builder, list_rules[i].key, *LIST_FIELD (rules, i));
  add_int (builder, "min_age", rules->min_age);
  add_int (builder, "max_age", rules->max_age);
  if (!is_default_statuses (rules->statuses))
    add_list (builder, "statuses", rules->statuses);
  add_flag (builder, "retired", rules->retired);
  add_flag (builder, "hardship", rules->hardship);
  if (rules->regions != NULL && *rules->regions != NULL)
    add_list (builder, "regions", rules->regions);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/*
 * Age
 */

int
xf_care_age_on (const char *birth_date,
                const char *on)
{
  GDate birth, day;
  int years;

  if (birth_date == NULL || on == NULL || !xf_date_parse (birth_date, &birth) || !xf_date_parse (on, &day))
    return -1;
  if (g_date_compare (&day, &birth) < 0)
    return -1;
  years = g_date_get_year (&day) - g_date_get_year (&birth);
  /* Comparing month and day puts a 29 February birthday on 1 March in a
   * year without one: 28 February comes before it, 1 March does not. */
  if (g_date_get_month (&day) < g_date_get_month (&birth)
      || (g_date_get_month (&day) == g_date_get_month (&birth)
          && g_date_get_day (&day) < g_date_get_day (&birth)))
    years--;
  return years;
}

/*
 * Matching
 */

/* "National, Provincial": the labels of @codes through @label. */
static char *
join_labels (GStrv         codes,
             const char *(*label) (const char *))
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the items of a short list. */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, label != NULL ? label (codes[i]) : codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
region_label (const char *code)
{
  XfReference *reference = xf_reference_get_shared ();

  xf_reference_ensure (reference, XF_REFERENCE_REGIONS, NULL);
  return xf_reference_label (reference, XF_REFERENCE_REGIONS, code);
}

static gboolean
listed (GStrv       values,
        const char *value)
{
  return values == NULL || *values == NULL || (value != NULL && g_strv_contains ((const char * const *) values, value));
}

static gboolean
has_honour (const XfCareRules   *rules,
            const XfCareSubject *subject,
            gboolean             by_title)
{
  const char *const *honours = by_title ? subject->honour_titles : subject->honour_levels;
  GStrv wanted = by_title ? rules->honour_titles : rules->honour_levels;

  if (wanted == NULL || *wanted == NULL)
    return TRUE;
  for (guint i = 0; honours != NULL && honours[i] != NULL; i++)
    for (guint j = 0; wanted[j] != NULL; j++)
      if (by_title ? strstr (honours[i], wanted[j]) != NULL : g_str_equal (honours[i], wanted[j]))
        return TRUE;
  return FALSE;
}

static gboolean
in_regions (GStrv       regions,
            const char *region_code)
{
  if (regions == NULL || *regions == NULL)
    return TRUE;
  for (guint i = 0; region_code != NULL && regions[i] != NULL; i++)
    if (g_str_has_prefix (region_code, regions[i]))
      return TRUE;
  return FALSE;
}

/* The reason of a list rule failed: "Tier: City; the programme is for National, Provincial". */
static char *
list_reason (const char  *field,
             const char  *value,
             GStrv        wanted,
             const char *(*label) (const char *))
{
  g_autofree char *all = join_labels (wanted, label);

  /* Translators: a field ("Tier"), the pioneer's value, then the values the programme is for. */
  return g_strdup_printf (_("%s: %s; the programme is for %s"), field,
                          value != NULL ? (label != NULL ? label (value) : value) : _("none"), all);
}

static char *
age_reason (const XfCareRules   *rules,
            const XfCareSubject *subject,
            const char          *reference_on)
{
  int age;

  if (rules->min_age < 0 && rules->max_age < 0)
    return NULL;
  if (g_strcmp0 (subject->kind, "individual") != 0)
    return g_strdup (_("A collective has no age; the programme has an age rule"));
  age = xf_care_age_on (subject->birth_date, reference_on);
  if (age < 0)
    return g_strdup (_("No birth date on file; the programme has an age rule"));
  if (rules->min_age >= 0 && age < rules->min_age)
    /* Translators: an age, a date, then the programme's lowest age. */
    return g_strdup_printf (_("Aged %d on %s; the programme is for %d and over"), age, reference_on,
                            rules->min_age);
  if (rules->max_age >= 0 && age > rules->max_age)
    /* Translators: an age, a date, then the programme's highest age. */
    return g_strdup_printf (_("Aged %d on %s; the programme is for %d and under"), age, reference_on,
                            rules->max_age);
  return NULL;
}

static char *
flags_reason (const XfCareRules   *rules,
              const XfCareSubject *subject,
              const char          *reference_on)
{
  gboolean retired = subject->retired_on != NULL && *subject->retired_on != '\0'
                     && strcmp (subject->retired_on, reference_on) <= 0;

  if (rules->retired == 1 && !retired)
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Not retired on %s; the programme is for retired pioneers"), reference_on);
  if (rules->retired == 0 && retired)
    return g_strdup_printf (_("Retired on %s; the programme is for pioneers still working"),
                            subject->retired_on);
  if (rules->hardship == 1 && !subject->hardship)
    return g_strdup (_("No hardship flag; the programme is for pioneers in hardship"));
  if (rules->hardship == 0 && subject->hardship)
    return g_strdup (_("Hardship flag set; the programme is for pioneers not in hardship"));
  return NULL;
}

static char *
first_failure (const XfCareRules   *rules,
               const XfCareSubject *subject,
               const char          *reference_on)
{
  char *reason;

  if (!listed (rules->kinds, subject->kind))
    return list_reason (_("Kind"), subject->kind, rules->kinds, xf_kind_label);
  if (!listed (rules->statuses, subject->status))
    return list_reason (_("Status"), subject->status, rules->statuses, xf_status_label);
  if (!listed (rules->tiers, subject->tier))
    return list_reason (_("Tier"), subject->tier, rules->tiers, xf_tier_label);
  if (!has_honour (rules, subject, FALSE))
    {
      g_autofree char *all = join_labels (rules->honour_levels, xf_tier_label);

      /* Translators: %s lists honour levels ("National, Provincial"). */
      return g_strdup_printf (_("No honour of the level the programme is for (%s)"), all);
    }
  if (!has_honour (rules, subject, TRUE))
    {
      g_autofree char *all = join_labels (rules->honour_titles, NULL);

      /* Translators: %s lists parts of honour titles ("劳动模范, 工匠"). */
      return g_strdup_printf (_("No honour with a title the programme is for (%s)"), all);
    }
  if ((reason = age_reason (rules, subject, reference_on)) != NULL
      || (reason = flags_reason (rules, subject, reference_on)) != NULL)
    return reason;
  if (!in_regions (rules->regions, subject->region_code))
    return list_reason (_("Region"), subject->region_code, rules->regions, region_label);
  return NULL;
}

gboolean
xf_care_rules_match (const XfCareRules   *rules,
                     const XfCareSubject *subject,
                     const char          *reference_on,
                     char               **reason)
{
  g_autofree char *failure = NULL;
  gboolean matched;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);
  g_return_val_if_fail (reference_on != NULL, FALSE);

  failure = first_failure (rules, subject, reference_on);
  matched = failure == NULL;
  if (reason != NULL)
    *reason = g_steal_pointer (&failure);
  return matched;
}

/*
 * Describing
 */

static void
add_part (GPtrArray *parts,
          char      *part)
{
  g_ptr_array_add (parts, part);
}

static void
describe_ages (const XfCareRules *rules,
               GPtrArray         *parts)
{
  if (rules->min_age >= 0 && rules->max_age >= 0)
    /* Translators: two ages. */
    add_part (parts, g_strdup_printf (_("aged %d to %d"), rules->min_age, rules->max_age));
  else if (rules->min_age >= 0)
    add_part (parts, g_strdup_printf (_("aged %d and over"), rules->min_age));
  else if (rules->max_age >= 0)
    add_part (parts, g_strdup_printf (_("aged %d and under"), rules->max_age));
}

static void
describe_lists (const XfCareRules *rules,
                GPtrArray         *parts)
{
  if (rules->kinds != NULL && g_strv_length (rules->kinds) == 1)
    add_part (parts, g_strdup (g_str_equal (rules->kinds[0], "individual")
                               ? _("Individuals") : _("Collectives")));
  if (rules->tiers != NULL && *rules->tiers != NULL)
    {
      g_autofree char *all = join_labels (rules->tiers, xf_tier_label);

      /* Translators: %s lists tiers ("National, Provincial"). */
      add_part (parts, g_strdup_printf (_("tier %s"), all));
    }
  if (rules->honour_levels != NULL && *rules->honour_levels != NULL)
    {
      g_autofree char *all = join_labels (rules->honour_levels, xf_tier_label);

      /* Translators: %s lists honour levels. */
      add_part (parts, g_strdup_printf (_("an honour of level %s"), all));
    }
  if (rules->honour_titles != NULL && *rules->honour_titles != NULL)
    {
      g_autofree char *all = join_labels (rules->honour_titles, NULL);

      /* Translators: %s lists honour titles ("劳动模范, 工匠"). */
      add_part (parts, g_strdup_printf (_("honoured as %s"), all));
    }
}

static void
describe_rest (const XfCareRules *rules,
               GPtrArray         *parts)
{
  describe_ages (rules, parts);
  if (!is_default_statuses (rules->statuses))
    {
      g_autofree char *all = join_labels (rules->statuses, xf_status_label);

      /* Translators: %s lists statuses ("Active, Archived"). */
      add_part (parts, g_strdup_printf (_("status %s"), all));
    }
  if (rules->retired >= 0)
    add_part (parts, g_strdup (rules->retired ? _("retired") : _("still working")));
  if (rules->hardship >= 0)
    add_part (parts, g_strdup (rules->hardship ? _("in hardship") : _("not in hardship")));
  if (rules->regions != NULL && *rules->regions != NULL)
    {
      g_autofree char *all = join_labels (rules->regions, region_label);

      /* Translators: %s lists regions. */
      add_part (parts, g_strdup_printf (_("in %s"), all));
    }
}

char *
xf_care_rules_describe (const XfCareRules *rules)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (rules != NULL, NULL);

  describe_lists (rules, parts);
  describe_rest (rules, parts);
  if (parts->len == 0)
    return g_strdup (_("Every active pioneer"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (GStrv) parts->pdata);
}
