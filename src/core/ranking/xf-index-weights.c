/* xf-index-weights.c — the pioneer index's weights: parsing, checking,
 *                      canonical JSON and the default file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-index-weights.h"
#include "xf-reference.h"
#include "xf-service.h"

#define DEFAULT_FILE "reference/pioneer-index.json"
#define MAX_CAP      10000

static const char * const known_kinds[] = {
  XF_ENGAGEMENT_CARD_VIEWED,
  XF_ENGAGEMENT_CARD_LIKED,
  XF_ENGAGEMENT_CARD_SHARED,
  XF_ENGAGEMENT_RECOMMENDED,
  XF_ENGAGEMENT_SERVICE_CLAIMED,
  XF_ENGAGEMENT_SERVICE_DONE,
  XF_ENGAGEMENT_SERVICE_RATED,
  XF_ENGAGEMENT_SERVICE_LIKED,
  XF_ENGAGEMENT_APPRENTICE_ACCEPTED,
  XF_ENGAGEMENT_APPRENTICE_CHECK_IN,
  XF_ENGAGEMENT_APPRENTICE_COMPLETED,
  XF_ENGAGEMENT_LECTURE_INITIATED,
  XF_ENGAGEMENT_LECTURE_JOINED,
  XF_ENGAGEMENT_SKILL_INITIATED,
  XF_ENGAGEMENT_SKILL_JOINED,
  NULL
};

const char * const *
xf_index_known_kinds (void)
{
  return known_kinds;
}

XfIndexWeights *
xf_index_weights_new (void)
{
  XfIndexWeights *weights = g_new0 (XfIndexWeights, 1);

  weights->components = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_index_component_free);
  return weights;
}

void
xf_index_component_free (XfIndexComponent *component)
{
  if (component == NULL)
    return;
  g_free (component->id);
  g_free (component->name_en);
  g_free (component->name_zh);
  g_strfreev (component->kinds);
  g_free (component);
}

void
xf_index_weights_free (XfIndexWeights *weights)
{
  if (weights == NULL)
    return;
  g_clear_pointer (&weights->components, g_ptr_array_unref);
  g_free (weights);
}

XfIndexWeights *
xf_index_weights_copy (const XfIndexWeights *weights)
{
  XfIndexWeights *copy;

  g_return_val_if_fail (weights != NULL, NULL);

  copy = xf_index_weights_new ();
  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);
      XfIndexComponent *d = g_new0 (XfIndexComponent, 1);

      d->id = g_strdup (c->id);
      d->name_en = g_strdup (c->name_en);
      d->name_zh = g_strdup (c->name_zh);
      d->kinds = g_strdupv (c->kinds);
      d->weight = c->weight;
      d->measure_value = c->measure_value;
      d->per_source_day = c->per_source_day;
      d->per_day = c->per_day;
      g_ptr_array_add (copy->components, d);
    }
  return copy;
}

const XfIndexComponent *
xf_index_weights_find (const XfIndexWeights *weights,
                       const char           *id)
{
  g_return_val_if_fail (weights != NULL, NULL);

  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c;
    }
  return NULL;
}

const char *
xf_index_component_label (const XfIndexComponent *component)
{
  g_return_val_if_fail (component != NULL, NULL);

  if (xf_reference_prefers_chinese () && component->name_zh != NULL && *component->name_zh != '\0')
    return component->name_zh;
  if (component->name_en != NULL && *component->name_en != '\0')
    return component->name_en;
  return component->id != NULL ? component->id : "";
}

double
xf_index_weights_total (const XfIndexWeights *weights)
{
  double total = 0;

  g_return_val_if_fail (weights != NULL, 0);

  for (guint i = 0; i < weights->components->len; i++)
    total += ((const XfIndexComponent *) g_ptr_array_index (weights->components, i))->weight;
  return total;
}

/*
 * Parsing
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfIndexComponent, xf_index_component_free)

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '-')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_known_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (known_kinds, kind);
}

/* "Component “views”: …" or, before the id is known, "Component 3: …". */
static void G_GNUC_PRINTF (4, 5)
set_component_error (GError     **error,
                     const char  *id,
                     guint        position,
                     const char  *format,
                     ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (id != NULL)
    /* Translators: a component's id ("views"), then the reason. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Component “%s”: %s"), id, reason);
  else
    /* Translators: a component's position (1, 2 …), then the reason. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Component %u: %s"), position, reason);
}

static gboolean
read_text (JsonObject  *object,
           const char  *member,
           char       **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strstrip (g_strdup (json_node_get_string (node)));
  return **out != '\0' && g_utf8_validate (*out, -1, NULL);
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double      min,
             double      max,
             gboolean    integer,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE && !integer)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_DOUBLE && integer)
    {
      *out = json_node_get_double (node);
      if (*out != floor (*out))
        return FALSE;
    }
  else
    return FALSE;
  return isfinite (*out) && *out >= min && *out <= max;
}

static XfIndexComponent *
parse_component (JsonNode    *node,
                 guint        position,
                 GHashTable  *ids,
                 GHashTable  *kinds_seen,
                 GError     **error)
{
  g_autoptr(XfIndexComponent) c = g_new0 (XfIndexComponent, 1);
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_autofree char *measure = NULL;
  JsonObject *object;
  JsonNode *kinds_node;
  JsonArray *array;
  double number;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_component_error (error, NULL, position, _("not an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_text (object, "id", &c->id) || !valid_id (c->id))
    {
      g_autofree char *id = g_steal_pointer (&c->id);

      set_component_error (error, NULL, position,
                           _("id must be lower-case letters and “-”"));
      return NULL;
    }
  if (g_hash_table_contains (ids, c->id))
    {
      set_component_error (error, c->id, position, _("id is used twice"));
      return NULL;
    }
  if (!read_text (object, "name_en", &c->name_en))
    {
      set_component_error (error, c->id, position, _("name_en must not be empty"));
      return NULL;
    }
  if (!read_text (object, "name_zh", &c->name_zh))
    {
      set_component_error (error, c->id, position, _("name_zh must not be empty"));
      return NULL;
    }
  kinds_node = json_object_get_member (object, "kinds");
  if (kinds_node == NULL || !JSON_NODE_HOLDS_ARRAY (kinds_node)
      || json_array_get_length (json_node_get_array (kinds_node)) == 0)
    {
      set_component_error (error, c->id, position, _("kinds must list at least one event kind"));
      return NULL;
    }
  array = json_node_get_array (kinds_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *k = json_array_get_element (array, i);
      const char *kind = JSON_NODE_HOLDS_VALUE (k) && json_node_get_value_type (k) == G_TYPE_STRING
                         ? json_node_get_string (k) : NULL;
      const char *owner;

      if (!is_known_kind (kind))
        {
          g_autofree char *shown = g_utf8_make_valid (kind != NULL ? kind : "", -1);

          set_component_error (error, c->id, position, _("kinds: “%s” is not an event kind"), shown);
          return NULL;
        }
      owner = g_hash_table_lookup (kinds_seen, kind);
      if (owner != NULL)
        {
          set_component_error (error, c->id, position,
                               /* Translators: an event kind, then another component's id. */
                               _("kinds: “%s” is already counted by “%s”"), kind, owner);
          return NULL;
        }
      g_hash_table_insert (kinds_seen, (gpointer) kind, c->id);
      g_strv_builder_add (kinds, kind);
    }
  c->kinds = g_strv_builder_end (kinds);
  if (!read_number (object, "weight", 0, 100, FALSE, &c->weight))
    {
      set_component_error (error, c->id, position, _("weight must be 0 to 100"));
      return NULL;
    }
  if (!read_text (object, "measure", &measure)
      || (g_strcmp0 (measure, "count") != 0 && g_strcmp0 (measure, "value") != 0))
    {
      set_component_error (error, c->id, position, _("measure must be “count” or “value”"));
      return NULL;
    }
  c->measure_value = g_str_equal (measure, "value");
  if (!json_object_has_member (object, "per_source_day"))
    number = 0;
  else if (!read_number (object, "per_source_day", 0, MAX_CAP, TRUE, &number))
    {
      set_component_error (error, c->id, position, _("per_source_day must be a whole number 0 to %d"), MAX_CAP);
      return NULL;
    }
  c->per_source_day = (guint) number;
  if (!json_object_has_member (object, "per_day"))
    number = 0;
  else if (!read_number (object, "per_day", 0, MAX_CAP, TRUE, &number))
    {
      set_component_error (error, c->id, position, _("per_day must be a whole number 0 to %d"), MAX_CAP);
      return NULL;
    }
  c->per_day = (guint) number;
  g_hash_table_add (ids, c->id);
  return g_steal_pointer (&c);
}

XfIndexWeights *
xf_index_weights_parse (const char  *json,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XfIndexWeights) weights = xf_index_weights_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &local_error))
    {
      /* json-glib quotes the bad token cut at a byte count, which can split
       * a character (tests/fuzz/regressions/index-weights/). */
      g_autofree char *message = g_utf8_make_valid (local_error != NULL ? local_error->message : "", -1);

      /* Translators: %s is the JSON parser's message. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Weights: not valid JSON (%s)"), message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  node = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_member (json_node_get_object (root), "components") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Weights: “components” must list at least one component"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      XfIndexComponent *c = parse_component (json_array_get_element (array, i), i + 1,
                                             ids, kinds, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (weights->components, c);
    }
  if (!(xf_index_weights_total (weights) > 0))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Weights: the sum of the weights must be above 0"));
      return NULL;
    }
  return g_steal_pointer (&weights);
}

char *
xf_index_weights_to_json (const XfIndexWeights *weights)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (weights != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, c->id);
      json_builder_set_member_name (builder, "name_en");
      json_builder_add_string_value (builder, c->name_en);
      json_builder_set_member_name (builder, "name_zh");
      json_builder_add_string_value (builder, c->name_zh);
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_array (builder);
      for (guint k = 0; c->kinds != NULL && c->kinds[k] != NULL; k++)
        json_builder_add_string_value (builder, c->kinds[k]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "weight");
      /* Whole weights stay integers, so the text is the same after a round trip. */
      if (c->weight == floor (c->weight) && fabs (c->weight) < 1e15)
        json_builder_add_int_value (builder, (gint64) c->weight);
      else
        json_builder_add_double_value (builder, c->weight);
      json_builder_set_member_name (builder, "measure");
      json_builder_add_string_value (builder, c->measure_value ? "value" : "count");
      json_builder_set_member_name (builder, "per_source_day");
      json_builder_add_int_value (builder, c->per_source_day);
      json_builder_set_member_name (builder, "per_day");
      json_builder_add_int_value (builder, c->per_day);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

XfIndexWeights *
xf_index_weights_load_default (GError **error)
{
  g_autofree char *path = xf_data_find_file (DEFAULT_FILE);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  XfIndexWeights *weights;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  weights = xf_index_weights_parse (contents, &local_error);
  if (weights == NULL)
    /* Translators: a file's path, then what is wrong with it. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s"), path, local_error->message);
  return weights;
}
