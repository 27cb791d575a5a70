/* xf-cockpit.h — the figures of the cockpit (驾驶舱) in one read
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-registry.h"
#include "xf-stats.h"

G_BEGIN_DECLS

/*
 * Everything the cockpit page shows, gathered by core from the registry,
 * the evaluation, the services, the rankings and the statistics, so that
 * the page only draws. Each part is cheap on a million files (counts by
 * index, the frozen top 20, one GROUP BY); a part that fails leaves its
 * figures unset (its *_error filled) rather than failing the whole.
 */

typedef struct
{
  char   *pioneer_uid;
  char   *name;
  char   *tier;
  double  score;
  int     rank;
} XfCockpitTopEntry;

typedef struct
{
  char    *today;                    /* YYYY-MM-DD the figures are for */

  /* Pioneers by tier (active files; individuals and collectives). */
  gint64   tier_counts[5];           /* national, provincial, city, county, cultivation */
  gint64   individuals;
  gint64   collectives;
  char    *registry_error;

  /* Nominations not yet decided, overdue ones and those due soon; the
   * average working days from submission to decision over the last 12
   * months' decisions against the promise (31 county, 32 city). */
  gint64   nominations_in_progress;
  gint64   nominations_overdue;
  gint64   nominations_due_soon;
  double   average_days_to_decision; /* NAN when nothing was decided */
  guint    decisions_counted;
  int      promise_days;             /* the promise of the campaigns counted (the largest) */
  gboolean average_past_promise;     /* the average is above promise_days */
  guint    decisions_past_promise;   /* decided later than their own campaign's promise */
  char    *evaluation_error;

  /* Services this month. */
  gint64   services_ordered;
  gint64   services_claimed;
  gint64   services_done;
  double   services_average_rating;  /* NAN when none rated */
  gint64   services_overdue;         /* unclaimed past their response time, now */
  char    *services_error;

  /* The latest frozen month's Pioneers of the Month (may be empty). */
  char      *ranking_month;          /* NULL when no month is frozen */
  GPtrArray *top;                    /* (element-type XfCockpitTopEntry) rank order, at most 20 */
  char      *ranking_error;

  /* The weakest regions (counties) by pioneers per 10,000 employed. */
  double     city_per_10k;
  GPtrArray *weakest;                /* (element-type XfRegionDensity) at most 5, weakest first */
  char      *weak_regions_error;
} XfCockpitFigures;

void              xf_cockpit_figures_free (XfCockpitFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCockpitFigures, xf_cockpit_figures_free)

/* Gathers the figures as the registry's actor (REGISTRY_READ). Call it
 * on the thread that owns the registry (its connection is not shared
 * between threads); on a million files it takes well under a second. */
XfCockpitFigures *xf_cockpit_gather       (XfRegistry  *registry,
                                           GError     **error);

/* The parts, gathered one at a time (e.g. one per idle, so that input is
 * handled between them): figures_new, then gather_part for each. */
typedef enum
{
  XF_COCKPIT_PART_REGISTRY,
  XF_COCKPIT_PART_EVALUATION,
  XF_COCKPIT_PART_SERVICES,
  XF_COCKPIT_PART_RANKING,
  XF_COCKPIT_PART_WEAK_REGIONS,
  XF_COCKPIT_N_PARTS
} XfCockpitPart;

XfCockpitFigures *xf_cockpit_figures_new  (void);
gboolean          xf_cockpit_gather_part  (XfRegistry        *registry,
                                           XfCockpitFigures  *figures,
                                           XfCockpitPart      part,
                                           GError           **error);

G_END_DECLS
