/* xf-stats-data.c — the statistics' data files: contribution categories
 *                   and employment figures
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-stats-private.h"

#define CONTRIBUTIONS_FILE "reference/contributions.json"
#define EMPLOYMENT_FILE    "reference/employment.json"

/* Both files are read once per process, on first use, from any thread; a
 * failure is not kept, so that a later call tries again. */
static GMutex lock;
static GPtrArray *contributions;
static GPtrArray *employment;

static void
category_free (gpointer data)
{
  XfContributionCategory *category = data;

  g_free (category->id);
  g_free (category->name_en);
  g_free (category->name_zh);
  g_strfreev (category->keywords);
  g_free (category);
}

static void
employment_free (gpointer data)
{
  XfEmployment *entry = data;

  g_free (entry->code);
  g_hash_table_unref (entry->by_industry);
  g_free (entry);
}

static void
set_corrupt (GError    **error,
             const char *path,
             const char *reason)
{
  g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
               /* Translators: a data file's path, then what is wrong */
               _("%s: %s"), path, reason);
}

/* The "items" array of a data file; NULL with an error. */
static JsonArray *
load_items (JsonParser  *parser,
            const char  *relative,
            GError     **error)
{
  g_autofree char *path = xf_data_find_file (relative);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s: the file is missing"), path);
      return NULL;
    }
  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      set_corrupt (error, path, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_corrupt (error, path, _("the top level is not an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items")))
    {
      set_corrupt (error, path, _("“items” is not a list"));
      return NULL;
    }
  return json_object_get_array_member (object, "items");
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GPtrArray *
parse_contributions (GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (category_free);
  JsonArray *items = load_items (parser, CONTRIBUTIONS_FILE, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
      XfContributionCategory *category;
      JsonArray *words;

      if (object == NULL || string_member (object, "id") == NULL ||
          !json_object_has_member (object, "keywords") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "keywords")))
        {
          g_autofree char *path = xf_data_find_file (CONTRIBUTIONS_FILE);
          g_autofree char *reason = g_strdup_printf (_("item %u has no id or no keywords"), i + 1);

          set_corrupt (error, path, reason);
          return NULL;
        }
      words = json_object_get_array_member (object, "keywords");
      for (guint j = 0; j < json_array_get_length (words); j++)
        {
          const char *word = json_array_get_string_element (words, j);

          if (word != NULL && word[0] != '\0')
            {
              g_autofree char *lower = g_utf8_strdown (word, -1);

              g_strv_builder_add (keywords, lower);
            }
        }
      category = g_new0 (XfContributionCategory, 1);
      category->id = g_strdup (string_member (object, "id"));
      category->name_en = g_strdup (string_member (object, "name_en"));
      category->name_zh = g_strdup (string_member (object, "name_zh"));
      category->keywords = g_strv_builder_end (keywords);
      g_ptr_array_add (categories, category);
    }
  return g_steal_pointer (&categories);
}

static GPtrArray *
parse_employment (GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (employment_free);
  JsonArray *items = load_items (parser, EMPLOYMENT_FILE, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *split = NULL;
      XfEmployment *entry;

      if (object != NULL && json_object_has_member (object, "by_industry") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "by_industry")))
        split = json_object_get_object_member (object, "by_industry");
      if (object == NULL || string_member (object, "code") == NULL ||
          json_object_get_int_member_with_default (object, "employed", -1) < 0)
        {
          g_autofree char *path = xf_data_find_file (EMPLOYMENT_FILE);
          g_autofree char *reason = g_strdup_printf (_("item %u has no code or no number employed"), i + 1);

          set_corrupt (error, path, reason);
          return NULL;
        }
      entry = g_new0 (XfEmployment, 1);
      entry->code = g_strdup (string_member (object, "code"));
      entry->employed = json_object_get_int_member (object, "employed");
      entry->by_industry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (split != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (split);

          for (GList *l = members; l != NULL; l = l->next)
            {
              gint64 *n = g_new (gint64, 1);

              *n = json_object_get_int_member_with_default (split, l->data, 0);
              g_hash_table_insert (entry->by_industry, g_strdup (l->data), n);
            }
        }
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
_xf_stats_get_contributions (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (contributions == NULL)
    contributions = parse_contributions (error);
  return contributions;
}

GPtrArray *
_xf_stats_get_employment (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (employment == NULL)
    employment = parse_employment (error);
  return employment;
}

gint64
_xf_stats_employed (const XfEmployment *entry,
                    const char         *industry)
{
  const gint64 *n;

  if (industry == NULL)
    return entry->employed;
  n = g_hash_table_lookup (entry->by_industry, industry);
  return n != NULL ? *n : 0;
}
