/* xf-ranking-explain.c — a pioneer's index component by component
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-ranking-private.h"

/*
 * A frozen month is explained with its own weights and maxima (the JSON
 * copied into monthly_rankings), so the explanation matches the snapshot
 * even after the weights changed; the pioneer's raw values come from the
 * same CTEs as the month's query, limited to the pioneer (fast through
 * engagement_events_by_pioneer). Any other month is a preview: its maxima
 * come from the month's query as it stands.
 */

static const XfRankingEntry *
find_entry (GPtrArray *entries,
            gint64     pioneer_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const XfRankingEntry *entry = g_ptr_array_index (entries, i);

      if (entry->pioneer_id == pioneer_id)
        return entry;
    }
  return NULL;
}

/* The maxima of a preview: the same in every entry's parts. */
static double *
preview_maxima (const XfMonthlyRanking *ranking,
                guint                   count)
{
  double *maxima = g_new0 (double, count);
  const XfRankingEntry *any = NULL;

  if (ranking->individuals->len > 0)
    any = g_ptr_array_index (ranking->individuals, 0);
  else if (ranking->collectives->len > 0)
    any = g_ptr_array_index (ranking->collectives, 0);
  for (guint i = 0; any != NULL && i < count && i < any->parts->len; i++)
    maxima[i] = ((const XfIndexPart *) g_ptr_array_index (any->parts, i))->max;
  return maxima;
}

XfRankingEntry *
xf_ranking_explain (XfRanking   *self,
                    gint64       pioneer_id,
                    const char  *month,
                    GError     **error)
{
  g_autoptr(XfRankingEntry) entry = xf_ranking_entry_new ();
  g_autoptr(XfIndexWeights) weights = NULL;
  g_autoptr(XfMonthlyRanking) preview = NULL;
  g_autoptr(GArray) raw = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree double *maxima = NULL;
  g_autofree double *stored_raw = NULL;
  double stored_score = 0;
  int rank = 0;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error)
      || !xf_ranking_check_month (month, error))
    return NULL;
  entry->pioneer_id = pioneer_id;
  if (!_xf_ranking_fill_pioneer (self, entry, error))
    return NULL;

  if (!_xf_ranking_frozen_for (self, month, pioneer_id, &weights, &maxima, &rank, &stored_score,
                               &stored_raw, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_pointer (&weights, xf_index_weights_free);
      g_clear_pointer (&maxima, g_free);
      g_clear_pointer (&stored_raw, g_free);
      rank = 0;
      preview = xf_ranking_preview (self, month, error);
      if (preview == NULL)
        return NULL;
      weights = xf_index_weights_copy (preview->weights);
      maxima = preview_maxima (preview, weights->components->len);
      {
        const XfRankingEntry *found = find_entry (preview->individuals, pioneer_id);

        if (found == NULL)
          found = find_entry (preview->collectives, pioneer_id);
        if (found != NULL)
          {
            rank = found->rank;
            stored_score = found->score;
          }
      }
    }

  if (stored_raw != NULL)
    {
      /* A pioneer of a frozen month is explained by the values frozen with
       * it, so that the parts add up to the score the month holds even
       * when events for the month were recorded after it was frozen. */
      _xf_ranking_fill_parts (entry, weights, stored_raw, maxima);
      entry->rank = rank;
      entry->score = stored_score;
      return g_steal_pointer (&entry);
    }
  raw = _xf_ranking_pioneer_raw (self, weights, pioneer_id, month, error);
  if (raw == NULL)
    return NULL;
  _xf_ranking_fill_parts (entry, weights, (const double *) raw->data, maxima);
  entry->rank = rank;
  /* A ranked pioneer of a preview shows the score the preview holds; the
   * parts add up to it (they are the same values, in the same order of
   * operations). */
  entry->score = rank > 0 ? stored_score
                          : _xf_ranking_score (weights, (const double *) raw->data, maxima);
  return g_steal_pointer (&entry);
}
