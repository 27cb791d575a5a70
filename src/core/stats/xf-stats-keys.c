/* xf-stats-keys.c — the keys of the statistics' dimensions: checking,
 *                   ordering and labelling them
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stats"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer.h"
#include "xf-reference.h"
#include "xf-stats-private.h"

const char * const _xf_stats_age_bands[XF_STATS_N_AGE_BANDS] = {
  "<30", "30-39", "40-49", "50-59", "60+",
};

static const char * const genders[] = { "male", "female" };

/*
 * Organisations
 */

static void
organisation_free (gpointer data)
{
  XfStatsOrganisation *organisation = data;

  g_free (organisation->code);
  g_free (organisation->name);
  g_free (organisation->name_en);
  g_free (organisation);
}

XfStatsOrganisations *
_xf_stats_organisations_load (XfDb    *db,
                              GError **error)
{
  g_autoptr(XfStatsOrganisations) organisations = g_new0 (XfStatsOrganisations, 1);
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  organisations->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, organisation_free);
  organisations->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  stmt = xf_db_prepare (db, "SELECT id, code, name, name_en FROM organisations", error);
  if (stmt == NULL)
    return NULL;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfStatsOrganisation *organisation = g_new0 (XfStatsOrganisation, 1);

      organisation->id = xf_db_stmt_column_int64 (stmt, 0);
      organisation->code = xf_db_stmt_dup_text (stmt, 1);
      organisation->name = xf_db_stmt_dup_text (stmt, 2);
      organisation->name_en = xf_db_stmt_dup_text (stmt, 3);
      g_hash_table_insert (organisations->by_id, &organisation->id, organisation);
      g_hash_table_insert (organisations->by_code, organisation->code, organisation);
    }
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&organisations);
}

void
_xf_stats_organisations_free (XfStatsOrganisations *organisations)
{
  if (organisations == NULL)
    return;
  g_hash_table_unref (organisations->by_code);
  g_hash_table_unref (organisations->by_id);
  g_free (organisations);
}

/*
 * Order
 */

static int
index_in (const char * const *keys,
          guint               n_keys,
          const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return (int) i;
  return -1;
}

static int
reference_index (XfReferenceTable  table,
                 const char       *code)
{
  GPtrArray *items = xf_reference_get_items (xf_reference_get_shared (), table);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_strcmp0 (((XfReferenceItem *) g_ptr_array_index (items, i))->code, code) == 0)
      return (int) i;
  return -1;
}

static int
contribution_index (const char *id)
{
  GPtrArray *categories = _xf_stats_get_contributions (NULL);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    if (g_strcmp0 (((XfContributionCategory *) g_ptr_array_index (categories, i))->id, id) == 0)
      return (int) i;
  return -1;
}

/* The key's place among the listed keys of its dimension; -1 when it has
 * none (then the code decides). */
static int
key_index (XfStatsDimension  dimension,
           const char       *key)
{
  switch (dimension)
    {
    case XF_STATS_TIER:
      return xf_tier_rank (key);
    case XF_STATS_AGE:
      return index_in (_xf_stats_age_bands, XF_STATS_N_AGE_BANDS, key);
    case XF_STATS_GENDER:
      return index_in (genders, G_N_ELEMENTS (genders), key);
    case XF_STATS_INDUSTRY:
      return reference_index (XF_REFERENCE_INDUSTRIES, key);
    case XF_STATS_EDUCATION:
      return reference_index (XF_REFERENCE_EDUCATION, key);
    case XF_STATS_CONTRIBUTION:
      /* "other" after every category */
      return g_strcmp0 (key, "other") == 0 ? G_MAXINT - 1 : contribution_index (key);
    case XF_STATS_ORGANISATION:
    case XF_STATS_REGION:
    case XF_STATS_N_DIMENSIONS:
    case XF_STATS_NONE:
    default:
      return -1;
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  XfStatsDimension dimension = GPOINTER_TO_INT (user_data);
  const char *key_a = *(const char * const *) a;
  const char *key_b = *(const char * const *) b;
  int index_a, index_b;

  /* Unknown last. */
  if ((key_a[0] == '\0') != (key_b[0] == '\0'))
    return key_a[0] == '\0' ? 1 : -1;
  index_a = key_index (dimension, key_a);
  index_b = key_index (dimension, key_b);
  /* Listed keys first, in their order; the others by code. */
  if (index_a != index_b)
    {
      if (index_a < 0 || index_b < 0)
        return index_a < 0 ? 1 : -1;
      return index_a < index_b ? -1 : 1;
    }
  return strcmp (key_a, key_b);
}

void
_xf_stats_sort_keys (XfStatsDimension  dimension,
                     GPtrArray        *keys)
{
  g_ptr_array_sort_with_data (keys, compare_keys, GINT_TO_POINTER (dimension));
}

/*
 * Checks
 */

static gboolean
is_region_prefix (const char *key)
{
  GPtrArray *items = xf_reference_get_items (xf_reference_get_shared (), XF_REFERENCE_REGIONS);
  const char *city = xf_reference_city_code (xf_reference_get_shared ());
  gsize length = strlen (key);

  for (const char *c = key; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  /* The city's code covers every county ("330500" → "3305"). */
  if (city != NULL && g_str_has_prefix (city, key))
    return TRUE;
  if (city != NULL && g_str_equal (key, city))
    return TRUE;
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (strncmp (((XfReferenceItem *) g_ptr_array_index (items, i))->code, key, length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_xf_stats_check_key (XfStatsDimension      dimension,
                     const char           *key,
                     XfStatsOrganisations *organisations,
                     GError              **error)
{
  gboolean known;

  switch (dimension)
    {
    case XF_STATS_TIER:
      known = xf_tier_rank (key) >= 0;
      break;
    case XF_STATS_AGE:
      known = key[0] == '\0' || index_in (_xf_stats_age_bands, XF_STATS_N_AGE_BANDS, key) >= 0;
      break;
    case XF_STATS_GENDER:
      known = key[0] == '\0' || index_in (genders, G_N_ELEMENTS (genders), key) >= 0;
      break;
    case XF_STATS_INDUSTRY:
      known = key[0] == '\0' || reference_index (XF_REFERENCE_INDUSTRIES, key) >= 0;
      break;
    case XF_STATS_EDUCATION:
      known = key[0] == '\0' || reference_index (XF_REFERENCE_EDUCATION, key) >= 0;
      break;
    case XF_STATS_CONTRIBUTION:
      known = g_str_equal (key, "other") || contribution_index (key) >= 0;
      break;
    case XF_STATS_ORGANISATION:
      known = key[0] == '\0' ||
              (organisations != NULL && g_hash_table_contains (organisations->by_code, key));
      break;
    case XF_STATS_REGION:
      known = key[0] == '\0' || is_region_prefix (key);
      break;
    case XF_STATS_N_DIMENSIONS:
    case XF_STATS_NONE:
    default:
      known = FALSE;
    }

  if (!known)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                 /* Translators: a dimension ("Industry"), then the key asked for */
                 _("%s: “%s” is not one of its values"),
                 xf_stats_dimension_label (dimension), key);
  return known;
}

/*
 * Labels
 */

static char *
age_label (const char *key)
{
  if (g_str_equal (key, "<30"))
    return g_strdup (_("Under 30"));
  if (g_str_equal (key, "60+"))
    return g_strdup (_("60 and over"));
  if (strlen (key) == 5 && key[2] == '-')
    /* Translators: an age band, e.g. "30–39" */
    return g_strdup_printf (_("%.2s–%.2s"), key, key + 3);
  return g_strdup (key);
}

static char *
contribution_label (const char *key)
{
  GPtrArray *categories = _xf_stats_get_contributions (NULL);

  if (g_str_equal (key, "other"))
    return g_strdup (C_("contribution", "Other"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      XfContributionCategory *category = g_ptr_array_index (categories, i);

      if (g_str_equal (category->id, key))
        {
          const char *name = xf_reference_prefers_chinese () || category->name_en == NULL
                               ? category->name_zh : category->name_en;

          return g_strdup (name != NULL ? name : key);
        }
    }
  return g_strdup (key);
}

static char *
organisation_label (XfStats              *self,
                    const char           *key,
                    XfStatsOrganisations *organisations)
{
  g_autoptr(XfStatsOrganisations) loaded = NULL;
  XfStatsOrganisation *organisation;

  if (organisations == NULL)
    {
      XfDb *db = xf_store_get_db (xf_registry_get_store (self->registry));

      organisations = loaded = _xf_stats_organisations_load (db, NULL);
    }
  organisation = organisations != NULL ? g_hash_table_lookup (organisations->by_code, key) : NULL;
  if (organisation == NULL)
    return g_strdup (key);
  if (!xf_reference_prefers_chinese () && organisation->name_en != NULL && organisation->name_en[0] != '\0')
    return g_strdup (organisation->name_en);
  return g_strdup (organisation->name);
}

char *
_xf_stats_label (XfStats              *self,
                 XfStatsDimension      dimension,
                 const char           *key,
                 XfStatsOrganisations *organisations)
{
  XfReference *reference = xf_reference_get_shared ();

  if (key == NULL || key[0] == '\0')
    return g_strdup (C_("statistics", "Unknown"));

  switch (dimension)
    {
    case XF_STATS_INDUSTRY:
      return g_strdup (xf_reference_label (reference, XF_REFERENCE_INDUSTRIES, key));
    case XF_STATS_EDUCATION:
      return g_strdup (xf_reference_label (reference, XF_REFERENCE_EDUCATION, key));
    case XF_STATS_REGION:
      return g_strdup (xf_reference_label (reference, XF_REFERENCE_REGIONS, key));
    case XF_STATS_AGE:
      return age_label (key);
    case XF_STATS_GENDER:
      return g_strdup (xf_gender_label (key));
    case XF_STATS_TIER:
      return g_strdup (xf_tier_label (key));
    case XF_STATS_CONTRIBUTION:
      return contribution_label (key);
    case XF_STATS_ORGANISATION:
      return organisation_label (self, key, organisations);
    case XF_STATS_N_DIMENSIONS:
    case XF_STATS_NONE:
    default:
      return g_strdup (key);
    }
}
