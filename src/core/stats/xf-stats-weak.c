/* xf-stats-weak.c — the weak-region finder: pioneers per 10,000 employed
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-reference.h"
#include "xf-stats-private.h"

/*
 * A region's density is its pioneers (one count by region, with the
 * query's filters and @industry) per 10,000 of its employed persons
 * (data/reference/employment.json, in @industry when given). The city's
 * density is the sum of the listed regions' pioneers over the sum of their
 * employed (with a region filter, the regions within it); a region is
 * weak when its density is below @threshold times the city's. Regions
 * without employed persons in the industry are left out: no density can
 * be said of them.
 */

void
_xf_stats_density_free (gpointer data)
{
  XfRegionDensity *density = data;

  /* The cockpit takes some away, leaving NULL. */
  if (density == NULL)
    return;
  g_free (density->region_code);
  g_free (density->region_name);
  g_free (density);
}

static int
compare_densities (gconstpointer a,
                   gconstpointer b)
{
  const XfRegionDensity *x = *(XfRegionDensity * const *) a;
  const XfRegionDensity *y = *(XfRegionDensity * const *) b;

  if (x->per_10k != y->per_10k)
    return x->per_10k < y->per_10k ? -1 : 1;
  return strcmp (x->region_code, y->region_code);
}

XfWeakRegions *
xf_stats_weak_regions (XfStats            *self,
                       const char         *industry,
                       double              threshold,
                       const XfStatsQuery *query,
                       GError            **error)
{
  XfStatsQuery counted = { 0 };
  g_autoptr(XfStatsTable) table = NULL;
  g_autoptr(XfWeakRegions) weak = NULL;
  g_autoptr(GHashTable) pioneers = NULL;
  GPtrArray *employment;
  const char *region_prefix;
  const char *city;
  gint64 city_pioneers = 0, city_employed = 0;
  guint length;

  g_return_val_if_fail (XF_IS_STATS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(threshold >= 0.0 && threshold <= 1.0))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Threshold: %g is not a share between 0 and 1"), threshold);
      return NULL;
    }
  employment = _xf_stats_get_employment (error);
  if (employment == NULL)
    return NULL;

  if (query != NULL)
    counted = *query;
  if (industry != NULL)
    counted.filters[XF_STATS_INDUSTRY] = industry;
  length = counted.region_level == 9 ? 9 : 6;
  region_prefix = counted.filters[XF_STATS_REGION];
  city = xf_reference_city_code (xf_reference_get_shared ());
  if (region_prefix != NULL && city != NULL && g_str_has_prefix (city, region_prefix))
    region_prefix = NULL;
  table = xf_stats_count (self, XF_STATS_REGION, XF_STATS_NONE, &counted, error);
  if (table == NULL)
    return NULL;

  pioneers = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint row = 0; row < xf_stats_table_n_rows (table); row++)
    g_hash_table_insert (pioneers, g_ptr_array_index (table->row_keys, row),
                         GSIZE_TO_POINTER ((gsize) xf_stats_table_get (table, row, 0)));

  weak = g_new0 (XfWeakRegions, 1);
  weak->industry = g_strdup (industry);
  weak->threshold = threshold;
  weak->regions = g_ptr_array_new_with_free_func (_xf_stats_density_free);
  for (guint i = 0; i < employment->len; i++)
    {
      const XfEmployment *entry = g_ptr_array_index (employment, i);
      gint64 employed = _xf_stats_employed (entry, industry);
      XfRegionDensity *density;

      if (strlen (entry->code) != length || employed <= 0)
        continue;
      /* A region filter narrows the regions compared, and so the average. */
      if (region_prefix != NULL && !g_str_has_prefix (entry->code, region_prefix))
        continue;
      density = g_new0 (XfRegionDensity, 1);
      density->region_code = g_strdup (entry->code);
      density->region_name = _xf_stats_label (self, XF_STATS_REGION, entry->code, NULL);
      density->pioneers = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (pioneers, entry->code));
      density->employed = employed;
      density->per_10k = 10000.0 * (double) density->pioneers / (double) employed;
      city_pioneers += density->pioneers;
      city_employed += employed;
      g_ptr_array_add (weak->regions, density);
    }

  weak->city_per_10k = city_employed > 0 ? 10000.0 * (double) city_pioneers / (double) city_employed : 0.0;
  for (guint i = 0; i < weak->regions->len; i++)
    {
      XfRegionDensity *density = g_ptr_array_index (weak->regions, i);

      density->share_of_average = weak->city_per_10k > 0 ? density->per_10k / weak->city_per_10k : NAN;
      density->weak = weak->city_per_10k > 0 && density->share_of_average < threshold;
    }
  g_ptr_array_sort (weak->regions, compare_densities);
  return g_steal_pointer (&weak);
}
