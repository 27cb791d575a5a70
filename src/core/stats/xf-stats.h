/* xf-stats.h — statistics of the registry by eight dimensions, and the
 *              weak-region finder
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * Counts of pioneer files (individuals, collectives or both) by one
 * dimension, or cross-tabulated by two, filtered by any of the others and
 * by date. Computed by one GROUP BY in SQL on either backend.
 *
 * Dimensions and their keys:
 *   industry      GB/T 4754 section code ("C"); "" unknown
 *   age           "<30", "30-39", "40-49", "50-59", "60+" on the reference
 *                 date (individuals only; collectives are "")
 *   gender        "male", "female"; "" unknown or a collective
 *   tier          national, provincial, city, county, cultivation
 *   contribution  a category of data/reference/contributions.json matched
 *                 against the contribution text (first match), "other"
 *   organisation  the organisation's code; "" none
 *   region        the county's code, or the township's with region_level 9
 *   education     a code of data/reference/education.json; "" unknown
 *
 * Permissions: REGISTRY_READ anywhere (the counts show no person).
 */

typedef enum
{
  XF_STATS_INDUSTRY,
  XF_STATS_AGE,
  XF_STATS_GENDER,
  XF_STATS_TIER,
  XF_STATS_CONTRIBUTION,
  XF_STATS_ORGANISATION,
  XF_STATS_REGION,
  XF_STATS_EDUCATION,
  XF_STATS_N_DIMENSIONS,
  XF_STATS_NONE = -1,
} XfStatsDimension;

/* "industry", "age", …; and back (XF_STATS_NONE when unknown). */
const char      *xf_stats_dimension_to_string   (XfStatsDimension dimension);
XfStatsDimension xf_stats_dimension_from_string (const char      *name);
/* Translated ("Industry", 行业). */
const char      *xf_stats_dimension_label       (XfStatsDimension dimension);

typedef struct
{
  const char *kind;            /* NULL: both; "individual" | "collective" */
  const char *reference_date;  /* YYYY-MM-DD, NULL: today; ages are on this
                                * day and only files created by its end count */
  const char *entered_from;    /* YYYY-MM-DD, NULL: open; files created on or after */
  const char *filters[XF_STATS_N_DIMENSIONS];  /* NULL: any; else a key
                                * (region: a code prefix covers its townships) */
  int         region_level;    /* 6 (counties, the default when 0) or 9 (townships) */
  gboolean    include_archived; /* default: active files only */
} XfStatsQuery;

/* A table of counts. Rows (and columns when cross-tabulated) are in the
 * dimension's natural order (tiers from national down, age bands up,
 * regions and industries by code), unknown ("") last; only keys with a
 * count, except tier, gender and age, which list every key. */
typedef struct
{
  XfStatsDimension rows_by;
  XfStatsDimension columns_by;    /* XF_STATS_NONE: one column */
  GPtrArray *row_keys;            /* (element-type utf8) */
  GPtrArray *row_labels;          /* (element-type utf8) translated, "Unknown" for "" */
  GPtrArray *column_keys;         /* one "" when not cross-tabulated */
  GPtrArray *column_labels;       /* "Pioneers" when not cross-tabulated */
  gint64    *counts;              /* row-major, n_rows × n_columns */
  gint64     total;
  char      *reference_date;      /* the date used */
} XfStatsTable;

void   xf_stats_table_free    (XfStatsTable *table);
guint  xf_stats_table_n_rows  (const XfStatsTable *table);
guint  xf_stats_table_n_columns (const XfStatsTable *table);
gint64 xf_stats_table_get     (const XfStatsTable *table,
                               guint               row,
                               guint               column);
gint64 xf_stats_table_row_total (const XfStatsTable *table,
                               guint               row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStatsTable, xf_stats_table_free)

/* One region in the weak-region finder. */
typedef struct
{
  char   *region_code;
  char   *region_name;       /* in the user's language */
  gint64  pioneers;
  gint64  employed;          /* from data/reference/employment.json */
  double  per_10k;           /* pioneers per 10,000 employed */
  double  share_of_average;  /* per_10k / the city's per_10k */
  gboolean weak;             /* share_of_average < the threshold */
} XfRegionDensity;

typedef struct
{
  char      *industry;       /* NULL: all industries */
  double     city_per_10k;
  double     threshold;      /* the share asked for, 0..1 */
  GPtrArray *regions;        /* (element-type XfRegionDensity) weakest first */
} XfWeakRegions;

void xf_weak_regions_free (XfWeakRegions *weak);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfWeakRegions, xf_weak_regions_free)

#define XF_TYPE_STATS (xf_stats_get_type ())

G_DECLARE_FINAL_TYPE (XfStats, xf_stats, XF, STATS, GObject)

XfStats      *xf_stats_new   (XfRegistry *registry);

/* Counts by @rows_by, cross-tabulated by @columns_by (XF_STATS_NONE: not),
 * under @query (NULL: everything active, today). XF_ERROR_INVALID naming
 * the filter for a bad date or an unknown key. */
XfStatsTable *xf_stats_count (XfStats                *self,
                              XfStatsDimension        rows_by,
                              XfStatsDimension        columns_by,
                              const XfStatsQuery     *query,
                              GError                **error);
/* Pioneers per 10,000 employed by region (at the query's region level) for
 * @industry (NULL: all), against the city's figure; regions whose share is
 * below @threshold (e.g. 0.6) are weak. The other filters apply to the
 * pioneers counted. */
XfWeakRegions *xf_stats_weak_regions (XfStats            *self,
                                      const char         *industry,
                                      double              threshold,
                                      const XfStatsQuery *query,
                                      GError            **error);
/* The label of a key of @dimension (translated; "Unknown" for ""). */
char          *xf_stats_key_label    (XfStats           *self,
                                      XfStatsDimension   dimension,
                                      const char        *key);

G_END_DECLS
