/* xf-stats-private.h — shared by the parts of XfStats
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"
#include "xf-stats.h"

G_BEGIN_DECLS

struct _XfStats
{
  GObject     parent_instance;
  XfRegistry *registry;
};

/* The age bands, youngest first, and their lower bounds in years. */
#define XF_STATS_N_AGE_BANDS 5
extern const char * const _xf_stats_age_bands[XF_STATS_N_AGE_BANDS];

/* ── Labels and the natural order of keys (xf-stats-keys.c) ─────────── */

/* Organisations by id and by code, read once per count. */
typedef struct
{
  GHashTable *by_id;     /* gint64 * → XfStatsOrganisation * */
  GHashTable *by_code;   /* code → XfStatsOrganisation * */
} XfStatsOrganisations;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *name_en;
} XfStatsOrganisation;

XfStatsOrganisations *_xf_stats_organisations_load (XfDb                 *db,
                                                    GError              **error);
void                  _xf_stats_organisations_free (XfStatsOrganisations *organisations);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStatsOrganisations, _xf_stats_organisations_free)

/* The label of @key (organisations: from @organisations, NULL to ask the
 * database). */
char      *_xf_stats_label           (XfStats              *self,
                                      XfStatsDimension      dimension,
                                      const char           *key,
                                      XfStatsOrganisations *organisations);
/* Sorts @keys (element-type utf8) in @dimension's natural order, "" last. */
void       _xf_stats_sort_keys       (XfStatsDimension      dimension,
                                      GPtrArray            *keys);
/* Whether @key is a key of @dimension (region: a prefix of a known code);
 * else XF_ERROR_INVALID naming the dimension. */
gboolean   _xf_stats_check_key       (XfStatsDimension      dimension,
                                      const char           *key,
                                      XfStatsOrganisations *organisations,
                                      GError              **error);

/* ── The weak-region finder (xf-stats-weak.c) ───────────────────────── */

/* Frees an XfRegionDensity (NULL allowed: one taken out of its array). */
void        _xf_stats_density_free     (gpointer data);

/* ── The data files (xf-stats-data.c), loaded once and kept ─────────── */

/* A category of data/reference/contributions.json. */
typedef struct
{
  char  *id;
  char  *name_en;
  char  *name_zh;
  GStrv  keywords;   /* lower-cased */
} XfContributionCategory;

/* (transfer none) (element-type XfContributionCategory) in file order;
 * NULL with XF_ERROR_NOT_FOUND or XF_ERROR_CORRUPT naming the file. */
GPtrArray  *_xf_stats_get_contributions (GError     **error);

/* A county's or township's employed persons (data/reference/employment.json). */
typedef struct
{
  char       *code;
  gint64      employed;
  GHashTable *by_industry;   /* section code → gint64 * */
} XfEmployment;

/* (transfer none) (element-type XfEmployment) in file order (counties
 * with their townships after them); NULL with an error as above. */
GPtrArray  *_xf_stats_get_employment   (GError     **error);
/* The employed of @entry in @industry (NULL: all). */
gint64      _xf_stats_employed         (const XfEmployment *entry,
                                        const char         *industry);

G_END_DECLS
