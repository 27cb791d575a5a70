/* xf-ranking.c — the pioneer index's repository: object, transactions,
 *                audit, permissions and its records
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-error.h"
#include "xf-ranking-private.h"

#define SAVEPOINT "xf_ranking_write"

G_DEFINE_FINAL_TYPE (XfRanking, xf_ranking, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/*
 * Records
 */

void
xf_index_part_free (XfIndexPart *part)
{
  if (part == NULL)
    return;
  g_free (part->id);
  g_free (part->label);
  g_free (part);
}

XfRankingEntry *
xf_ranking_entry_new (void)
{
  XfRankingEntry *entry = g_new0 (XfRankingEntry, 1);

  entry->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_index_part_free);
  return entry;
}

void
xf_ranking_entry_free (XfRankingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->pioneer_uid);
  g_free (entry->name);
  g_free (entry->kind);
  g_free (entry->tier);
  g_free (entry->region_code);
  g_free (entry->organisation);
  g_clear_pointer (&entry->parts, g_ptr_array_unref);
  g_free (entry);
}

XfMonthlyRanking *
xf_monthly_ranking_new (void)
{
  XfMonthlyRanking *ranking = g_new0 (XfMonthlyRanking, 1);

  ranking->individuals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_ranking_entry_free);
  ranking->collectives = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_ranking_entry_free);
  return ranking;
}

void
xf_monthly_ranking_free (XfMonthlyRanking *ranking)
{
  if (ranking == NULL)
    return;
  g_free (ranking->month);
  g_clear_pointer (&ranking->weights, xf_index_weights_free);
  g_free (ranking->computed_by);
  g_clear_pointer (&ranking->individuals, g_ptr_array_unref);
  g_clear_pointer (&ranking->collectives, g_ptr_array_unref);
  g_free (ranking);
}

void
xf_index_weight_set_free (XfIndexWeightSet *set)
{
  if (set == NULL)
    return;
  g_free (set->valid_from);
  g_free (set->reason);
  g_free (set->created_by);
  g_clear_pointer (&set->weights, xf_index_weights_free);
  g_free (set);
}

void
xf_event_import_report_free (XfEventImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/*
 * The object
 */

static void
xf_ranking_dispose (GObject *object)
{
  XfRanking *self = (XfRanking *) object;

  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&self->stmts, xf_stmt_cache_free);
  g_clear_object (&self->db);
  g_clear_object (&self->actor);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_ranking_parent_class)->dispose (object);
}

static void
xf_ranking_class_init (XfRankingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_ranking_dispose;

  /**
   * XfRanking::changed:
   *
   * After each committed write (weights, a month frozen, events).
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
xf_ranking_init (XfRanking *self)
{
}

XfRanking *
xf_ranking_new (XfRegistry *registry)
{
  XfRanking *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_RANKING, NULL);
  self->registry = g_object_ref (registry);
  self->db = g_object_ref (xf_store_get_db (xf_registry_get_store (registry)));
  self->actor = g_object_ref (xf_registry_get_actor (registry));
  self->stmts = xf_stmt_cache_new (self->db);
  return self;
}

XfRegistry *
xf_ranking_get_registry (XfRanking *self)
{
  g_return_val_if_fail (XF_IS_RANKING (self), NULL);
  return self->registry;
}

gboolean
xf_ranking_check_month (const char  *month,
                        GError     **error)
{
  gboolean ok = month != NULL && strlen (month) == 7 && month[4] == '-';
  gboolean in_range = TRUE;

  for (int i = 0; ok && i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (month[i]))
      ok = FALSE;
  if (ok)
    {
      int year = atoi (month);
      int m = atoi (month + 5);

      ok = m >= 1 && m <= 12;
      in_range = year >= 2000 && year <= 2100;
    }
  if (!ok)
    {
      g_autofree char *shown = g_utf8_make_valid (month != NULL ? month : "", -1);

      /* Translators: %s is what was given as a month. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Month: “%s” is not a month written YYYY-MM"), shown);
    }
  else if (!in_range)
    {
      /* Translators: %s is a month YYYY-MM; the limits are typed as they are. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Month: “%s” is not between 2000-01 and 2100-12"), month);
    }
  return ok && in_range;
}

char *
xf_ranking_current_month (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();

  return g_date_time_format (now, "%Y-%m");
}

char *
xf_ranking_previous_month (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 12, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_add_months (first, -1);

  return g_date_time_format (before, "%Y-%m");
}

/*
 * Shared by the parts
 */

XfDbStmt *
_xf_ranking_prepare (XfRanking   *self,
                     const char  *sql,
                     GError     **error)
{
  return xf_stmt_cache_prepare (self->stmts, sql, error);
}

gboolean
_xf_ranking_begin (XfRanking  *self,
                   GError    **error)
{
  return xf_db_begin_write (self->db, SAVEPOINT, &self->nested, error);
}

gboolean
_xf_ranking_end (XfRanking  *self,
                 gboolean    ok,
                 GError    **error)
{
  if (ok && xf_db_commit_write (self->db, SAVEPOINT, self->nested, error))
    {
      g_signal_emit (self, signals [CHANGED], 0);
      return TRUE;
    }
  xf_db_rollback_write (self->db, SAVEPOINT, self->nested);
  return FALSE;
}

gboolean
_xf_ranking_audit (XfRanking   *self,
                   const char  *action,
                   const char  *record_type,
                   const char  *record_uid,
                   const char  *field,
                   const char  *old_value,
                   const char  *new_value,
                   GError     **error)
{
  return xf_audit_append_change (self->db, self->actor, action, record_type,
                                 record_uid, record_uid, field,
                                 old_value, new_value, error);
}

gboolean
_xf_ranking_check (XfRanking    *self,
                   XfOperation   op,
                   GError      **error)
{
  return xf_permission_check_somewhere (self->actor, op, error);
}

gint64
_xf_ranking_now (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

const char *
_xf_ranking_actor_name (XfRanking *self)
{
  return xf_account_get_record_name (self->actor);
}

gboolean
_xf_ranking_fill_pioneer (XfRanking       *self,
                          XfRankingEntry  *entry,
                          GError         **error)
{
  XfDbStmt *stmt = _xf_ranking_prepare (self,
    "SELECT p.uid, p.name, p.kind, p.tier, p.region_code, o.name FROM pioneers p"
    " LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, entry->pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      g_free (entry->pioneer_uid);
      entry->pioneer_uid = xf_db_stmt_dup_text (stmt, 0);
      g_free (entry->name);
      entry->name = xf_db_stmt_dup_text (stmt, 1);
      g_free (entry->kind);
      entry->kind = xf_db_stmt_dup_text (stmt, 2);
      g_free (entry->tier);
      entry->tier = xf_db_stmt_dup_text (stmt, 3);
      g_free (entry->region_code);
      entry->region_code = xf_db_stmt_dup_text (stmt, 4);
      g_free (entry->organisation);
      entry->organisation = xf_db_stmt_dup_text (stmt, 5);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    /* Translators: %lld is a record's number. */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Pioneer %lld does not exist"),
                 (long long) entry->pioneer_id);
  return step == XF_DB_STEP_ROW;
}

double
_xf_ranking_score (const XfIndexWeights *weights,
                   const double         *raw,
                   const double         *maxima)
{
  double sum = 0;

  /* As the SQL does it (xf-ranking-compute.c): left to right, then
   * 100.0 × sum / total. */
  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      sum += c->weight * (maxima[i] > 0 ? raw[i] / maxima[i] : 0.0);
    }
  return 100.0 * sum / xf_index_weights_total (weights);
}

void
_xf_ranking_fill_parts (XfRankingEntry       *entry,
                        const XfIndexWeights *weights,
                        const double         *raw,
                        const double         *maxima)
{
  double total = xf_index_weights_total (weights);

  g_ptr_array_set_size (entry->parts, 0);
  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);
      XfIndexPart *part = g_new0 (XfIndexPart, 1);

      part->id = g_strdup (c->id);
      part->label = g_strdup (xf_index_component_label (c));
      part->raw = raw[i];
      part->max = maxima[i];
      part->normalised = maxima[i] > 0 ? raw[i] / maxima[i] : 0.0;
      part->weight = c->weight;
      part->points = total > 0 ? 100.0 * c->weight * part->normalised / total : 0.0;
      g_ptr_array_add (entry->parts, part);
    }
}
