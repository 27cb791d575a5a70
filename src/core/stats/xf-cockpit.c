/* xf-cockpit.c — the figures of the cockpit (驾驶舱) in one read
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cockpit"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-cockpit.h"
#include "xf-deadline.h"
#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-permission.h"
#include "xf-ranking.h"
#include "xf-services.h"
#include "xf-stats-private.h"

/*
 * Each part reads what it needs by index or through its repository and,
 * failing, says why in its *_error and leaves the others to show:
 *   registry     one GROUP BY tier_rank over the active files (the
 *                index pioneers_by_tier covers it, in order);
 *   evaluation   the open nominations by stage (count_by_stage), those
 *                needing attention split into overdue and due soon, and
 *                the campaign reports' decisions of the last 12 months;
 *   services     counts of this month's requests by their instants, the
 *                month's ratings, and the unclaimed overdue now;
 *   ranking      the latest frozen month's first 20 individuals;
 *   weak regions the 5 counties with the fewest pioneers per 10,000
 *                employed.
 */

#define N_WEAKEST 5

static void
top_entry_free (gpointer data)
{
  XfCockpitTopEntry *entry = data;

  g_free (entry->pioneer_uid);
  g_free (entry->name);
  g_free (entry->tier);
  g_free (entry);
}

void
xf_cockpit_figures_free (XfCockpitFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->today);
  g_free (figures->registry_error);
  g_free (figures->evaluation_error);
  g_free (figures->services_error);
  g_free (figures->ranking_month);
  g_clear_pointer (&figures->top, g_ptr_array_unref);
  g_free (figures->ranking_error);
  g_clear_pointer (&figures->weakest, g_ptr_array_unref);
  g_free (figures->weak_regions_error);
  g_free (figures);
}

static void
take_error (char   **field,
            GError  *error)
{
  if (error == NULL)
    *field = g_strdup (_("Unknown error"));
  else
    *field = g_strdup (error->message);
}

/*
 * Registry
 */

static gboolean
gather_registry (XfCockpitFigures  *figures,
                 XfDb              *db,
                 GError           **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  /* Grouped by the rank alone, the index pioneers_by_tier is read in
   * order; grouping by kind too would sort a million rows. */
  stmt = xf_db_prepare (db,
                        "SELECT tier_rank, count(*), sum (CASE WHEN kind = 'collective' THEN 1 ELSE 0 END)"
                        " FROM pioneers WHERE status = 'active' GROUP BY tier_rank", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 rank = xf_db_stmt_column_int64 (stmt, 0);
      gint64 n = xf_db_stmt_column_int64 (stmt, 1);
      gint64 collectives = xf_db_stmt_column_int64 (stmt, 2);

      if (rank >= 0 && rank < (gint64) G_N_ELEMENTS (figures->tier_counts))
        figures->tier_counts[rank] += n;
      figures->collectives += collectives;
      figures->individuals += n - collectives;
    }
  return step != XF_DB_STEP_ERROR;
}

/*
 * Evaluation
 */

static gboolean
gather_evaluation (XfCockpitFigures  *figures,
                   XfRegistry        *registry,
                   GError           **error)
{
  g_autoptr(XfEvaluation) evaluation = xf_evaluation_new (registry);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  XfNominationQuery query = { .stage = "open", .attention = TRUE };
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDate) since = NULL;
  char since_text[16];
  double days = 0;

  counts = xf_evaluation_count_by_stage (evaluation, 0, error);
  if (counts == NULL)
    return FALSE;
  /* Not yet decided: submitted and not final (a draft is still the unit's). */
  figures->nominations_in_progress = GPOINTER_TO_INT (g_hash_table_lookup (counts, "open")) -
                                     GPOINTER_TO_INT (g_hash_table_lookup (counts, "draft"));

  attention = xf_evaluation_list_nominations (evaluation, &query, error);
  if (attention == NULL)
    return FALSE;
  for (guint i = 0; i < attention->len; i++)
    {
      int state = xf_nomination_get_due_state (g_ptr_array_index (attention, i));

      if (state == XF_DUE_OVERDUE)
        figures->nominations_overdue++;
      else if (state == XF_DUE_SOON)
        figures->nominations_due_soon++;
    }

  /* Decisions of the last 12 months, from every campaign's report. */
  xf_clock_today (today);
  since = g_date_copy (today);
  g_date_subtract_months (since, 12);
  g_date_strftime (since_text, sizeof since_text, "%Y-%m-%d", since);
  campaigns = xf_evaluation_list_campaigns (evaluation, 0, error);
  if (campaigns == NULL)
    return FALSE;
  for (guint i = 0; i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autoptr(XfCampaignReport) report = NULL;
      guint counted = 0;

      /* A campaign that ended before the window decided nothing in it. */
      if (xf_campaign_get_year (campaign) < g_date_get_year (since) - 1 ||
          g_strcmp0 (xf_campaign_get_status (campaign), "draft") == 0)
        continue;
      report = xf_evaluation_campaign_report (evaluation, xf_campaign_get_id (campaign), error);
      if (report == NULL)
        return FALSE;
      for (guint r = 0; r < report->rows->len; r++)
        {
          XfReportRow *row = g_ptr_array_index (report->rows, r);

          if (row->decided_on == NULL || strcmp (row->decided_on, since_text) <= 0 ||
              g_strcmp0 (row->stage, "withdrawn") == 0)
            continue;
          days += row->office_days;
          counted++;
          if (!row->within_promise)
            figures->decisions_past_promise++;
        }
      if (counted > 0)
        figures->promise_days = MAX (figures->promise_days, report->promise_days);
      figures->decisions_counted += counted;
    }
  figures->average_days_to_decision = figures->decisions_counted > 0
                                      ? days / figures->decisions_counted : NAN;
  /* The promise is the service's own rule: the page only shows it. */
  figures->average_past_promise = figures->decisions_counted > 0 && figures->promise_days > 0 &&
                                  figures->average_days_to_decision > figures->promise_days;
  return TRUE;
}

/*
 * Services
 */

static gint64
month_start (GDate *month,
             int    months)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (month), g_date_get_month (month), 1,
                                                      0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_months (start, months);

  return g_date_time_to_unix (moved) * G_USEC_PER_SEC;
}

static gboolean
gather_services (XfCockpitFigures  *figures,
                 XfRegistry        *registry,
                 XfDb              *db,
                 GError           **error)
{
  g_autoptr(XfServices) services = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate today;
  gint64 from, to;
  guint overdue;

  if (!xf_permission_check_somewhere (xf_registry_get_actor (registry), XF_OP_REGISTRY_READ, error))
    return FALSE;
  xf_clock_today (&today);
  from = month_start (&today, 0);
  to = month_start (&today, 1);
  /* Each count is a range on an instant; the table is small next to the
   * registry (a request per pioneer a year is already a lot). */
  stmt = xf_db_prepare (db,
                        "SELECT"
                        " (SELECT count(*) FROM service_requests WHERE created_at >= $1 AND created_at < $2),"
                        " (SELECT count(*) FROM service_requests WHERE claimed_at >= $1 AND claimed_at < $2),"
                        " (SELECT count(*) FROM service_requests WHERE status = 'done'"
                        "    AND done_at >= $1 AND done_at < $2),"
                        " (SELECT count(rating) FROM service_feedback WHERE created_at >= $1 AND created_at < $2),"
                        " (SELECT coalesce (sum (rating), 0) FROM service_feedback"
                        "    WHERE created_at >= $1 AND created_at < $2)",
                        error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, from);
  xf_db_stmt_bind_int64 (stmt, 2, to);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return FALSE;
  figures->services_ordered = xf_db_stmt_column_int64 (stmt, 0);
  figures->services_claimed = xf_db_stmt_column_int64 (stmt, 1);
  figures->services_done = xf_db_stmt_column_int64 (stmt, 2);
  if (xf_db_stmt_column_int64 (stmt, 3) > 0)
    figures->services_average_rating = (double) xf_db_stmt_column_int64 (stmt, 4) /
                                       (double) xf_db_stmt_column_int64 (stmt, 3);

  services = xf_services_new (registry);
  overdue = xf_services_count_overdue (services, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  figures->services_overdue = overdue;
  return TRUE;
}

/*
 * Ranking
 */

static gboolean
gather_ranking (XfCockpitFigures  *figures,
                XfRegistry        *registry,
                GError           **error)
{
  g_autoptr(XfRanking) ranking = xf_ranking_new (registry);
  g_autoptr(XfMonthlyRanking) month = NULL;
  g_auto(GStrv) months = NULL;
  g_autoptr(GError) local_error = NULL;

  months = xf_ranking_list_months (ranking, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (months == NULL || months[0] == NULL)
    return TRUE;
  month = xf_ranking_get (ranking, months[0], error);
  if (month == NULL)
    return FALSE;
  figures->ranking_month = g_strdup (month->month);
  for (guint i = 0; month->individuals != NULL && i < month->individuals->len &&
                    i < XF_RANKING_HONOUR_WALL_SIZE; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (month->individuals, i);
      XfCockpitTopEntry *top = g_new0 (XfCockpitTopEntry, 1);

      top->pioneer_uid = g_strdup (entry->pioneer_uid);
      top->name = g_strdup (entry->name);
      top->tier = g_strdup (entry->tier);
      top->score = entry->score;
      top->rank = entry->rank;
      g_ptr_array_add (figures->top, top);
    }
  return TRUE;
}

/*
 * Weak regions
 */

static gboolean
gather_weak_regions (XfCockpitFigures  *figures,
                     XfRegistry        *registry,
                     GError           **error)
{
  g_autoptr(XfStats) stats = xf_stats_new (registry);
  g_autoptr(XfWeakRegions) weak = NULL;

  weak = xf_stats_weak_regions (stats, NULL, 0.6, NULL, error);
  if (weak == NULL)
    return FALSE;
  figures->city_per_10k = weak->city_per_10k;
  for (guint i = 0; i < weak->regions->len && i < N_WEAKEST; i++)
    g_ptr_array_add (figures->weakest, g_steal_pointer (&weak->regions->pdata[i]));
  return TRUE;
}

/**
 * xf_cockpit_gather:
 * @registry: the registry, whose actor reads
 * @error: return location for an error
 *
 * Fails as a whole only when the actor may not read the registry at all;
 * any other failure is kept in its part's *_error.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
XfCockpitFigures *
xf_cockpit_gather (XfRegistry  *registry,
                   GError     **error)
{
  g_autoptr(XfCockpitFigures) figures = NULL;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  figures = xf_cockpit_figures_new ();
  for (int part = 0; part < XF_COCKPIT_N_PARTS; part++)
    if (!xf_cockpit_gather_part (registry, figures, part, error))
      return NULL;
  return g_steal_pointer (&figures);
}

/**
 * xf_cockpit_figures_new:
 *
 * Figures with nothing gathered yet: zeros, NAN averages, empty lists.
 *
 * Returns: (transfer full): the figures
 */
XfCockpitFigures *
xf_cockpit_figures_new (void)
{
  XfCockpitFigures *figures = g_new0 (XfCockpitFigures, 1);

  figures->today = xf_clock_today_text ();
  figures->average_days_to_decision = NAN;
  figures->services_average_rating = NAN;
  figures->top = g_ptr_array_new_with_free_func (top_entry_free);
  figures->weakest = g_ptr_array_new_with_free_func (_xf_stats_density_free);
  return figures;
}

/**
 * xf_cockpit_gather_part:
 *
 * Gathers one @part into @figures, as xf_cockpit_gather () does for all
 * of them: a part that fails keeps its figures unset and its *_error
 * filled. The page gathers a part per idle, so that input is handled
 * between them.
 *
 * Returns: %FALSE with @error set only when the actor may not read the
 * registry at all
 */
gboolean
xf_cockpit_gather_part (XfRegistry        *registry,
                        XfCockpitFigures  *figures,
                        XfCockpitPart      part,
                        GError           **error)
{
  g_autoptr(GError) part_error = NULL;
  XfDb *db;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xf_permission_check_somewhere (xf_registry_get_actor (registry), XF_OP_REGISTRY_READ, error))
    return FALSE;

  db = xf_store_get_db (xf_registry_get_store (registry));
  switch (part)
    {
    case XF_COCKPIT_PART_REGISTRY:
      g_clear_pointer (&figures->registry_error, g_free);
      if (!gather_registry (figures, db, &part_error))
        {
          memset (figures->tier_counts, 0, sizeof figures->tier_counts);
          figures->individuals = figures->collectives = 0;
          take_error (&figures->registry_error, part_error);
        }
      break;
    case XF_COCKPIT_PART_EVALUATION:
      g_clear_pointer (&figures->evaluation_error, g_free);
      if (!gather_evaluation (figures, registry, &part_error))
        {
          figures->nominations_in_progress = figures->nominations_overdue = figures->nominations_due_soon = 0;
          figures->average_days_to_decision = NAN;
          figures->decisions_counted = 0;
          figures->promise_days = 0;
          figures->average_past_promise = FALSE;
          figures->decisions_past_promise = 0;
          take_error (&figures->evaluation_error, part_error);
        }
      break;
    case XF_COCKPIT_PART_SERVICES:
      g_clear_pointer (&figures->services_error, g_free);
      if (!gather_services (figures, registry, db, &part_error))
        {
          figures->services_ordered = figures->services_claimed = figures->services_done = 0;
          figures->services_overdue = 0;
          figures->services_average_rating = NAN;
          take_error (&figures->services_error, part_error);
        }
      break;
    case XF_COCKPIT_PART_RANKING:
      g_clear_pointer (&figures->ranking_error, g_free);
      if (!gather_ranking (figures, registry, &part_error))
        {
          g_clear_pointer (&figures->ranking_month, g_free);
          g_ptr_array_set_size (figures->top, 0);
          take_error (&figures->ranking_error, part_error);
        }
      break;
    case XF_COCKPIT_PART_WEAK_REGIONS:
      g_clear_pointer (&figures->weak_regions_error, g_free);
      if (!gather_weak_regions (figures, registry, &part_error))
        {
          figures->city_per_10k = 0;
          g_ptr_array_set_size (figures->weakest, 0);
          take_error (&figures->weak_regions_error, part_error);
        }
      break;
    case XF_COCKPIT_N_PARTS:
    default:
      g_return_val_if_reached (TRUE);
    }
  return TRUE;
}
