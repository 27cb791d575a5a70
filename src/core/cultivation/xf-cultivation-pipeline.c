/* xf-cultivation-pipeline.c — the pipeline and nominating from a plan
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-private.h"
#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-reference.h"

/*
 * The pipeline counts the open plans and those achieved this year, per
 * managing organisation or per county. An active plan is counted once:
 * ready when ready, else behind when a milestone is overdue, else on
 * track; so on_track + behind + ready is the number of active plans.
 */

#define NO_GROUP "-"

/* The row's key and label for @plan. (transfer full) */
static char *
group_key (const XfCultivationPlan  *plan,
           gboolean                  by_region,
           char                    **label)
{
  const char *code = by_region ? plan->region_code : plan->organisation_code;

  if (code == NULL || *code == '\0')
    {
      *label = g_strdup (by_region ? _("No region") : _("No organisation"));
      return g_strdup (NO_GROUP);
    }
  if (!by_region)
    {
      *label = g_strdup (plan->organisation_name != NULL ? plan->organisation_name : code);
      return g_strdup (code);
    }
  {
    char *county = xf_reference_region_county (code);

    *label = g_strdup (xf_reference_label (xf_reference_get_shared (), XF_REFERENCE_REGIONS, county));
    return county;
  }
}

static void
count_plan (XfPipelineRow            *row,
            const XfCultivationPlan  *plan)
{
  if (g_strcmp0 (plan->status, XF_PLAN_ACHIEVED) == 0)
    {
      row->achieved++;
      return;
    }
  row->targets++;
  if (g_strcmp0 (plan->status, XF_PLAN_NOMINATED) == 0)
    {
      row->nominated++;
      return;
    }
  if (plan->ready)
    row->ready++;
  else if (plan->milestones_overdue > 0)
    row->behind++;
  else
    row->on_track++;
  /* The sum until finish_row () makes it the mean. */
  row->mean_progress += xf_cultivation_plan_get_progress (plan);
}

static void
finish_row (XfPipelineRow *row)
{
  int active = row->on_track + row->behind + row->ready;

  row->mean_progress = active > 0 ? row->mean_progress / active : 0;
}

static XfPipelineRow *
new_row (char *key,
         char *label)
{
  XfPipelineRow *row = g_new0 (XfPipelineRow, 1);

  row->key = key;
  row->label = label;
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const XfPipelineRow *first = *(XfPipelineRow * const *) a;
  const XfPipelineRow *second = *(XfPipelineRow * const *) b;

  return g_utf8_collate (first->label, second->label);
}

/* The plans' rows by label, then the total. */
static GPtrArray *
group_plans (GPtrArray *plans,
             gboolean   by_region)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_pipeline_row_free);
  XfPipelineRow *total = new_row (g_strdup (""), g_strdup (_("All")));

  for (guint i = 0; i < plans->len; i++)
    {
      const XfCultivationPlan *plan = g_ptr_array_index (plans, i);
      char *label = NULL;
      char *key = group_key (plan, by_region, &label);
      XfPipelineRow *row = g_hash_table_lookup (rows, key);

      if (row == NULL)
        {
          row = new_row (key, label);
          g_hash_table_insert (rows, row->key, row);
          g_ptr_array_add (result, row);
        }
      else
        {
          g_free (key);
          g_free (label);
        }
      count_plan (row, plan);
      count_plan (total, plan);
    }
  g_ptr_array_sort (result, compare_rows);
  g_ptr_array_add (result, total);
  g_ptr_array_foreach (result, (GFunc) finish_row, NULL);
  return result;
}

GPtrArray *
xf_cultivation_pipeline (XfCultivation  *self,
                         const char     *group_by,
                         GError        **error)
{
  XfPlanQuery query = { .status = XF_PLAN_PIPELINE };
  g_autoptr(GPtrArray) plans = NULL;
  gboolean by_region = g_strcmp0 (group_by, "region") == 0;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);

  if (!by_region && g_strcmp0 (group_by, "organisation") != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Group by: choose organisation or region"));
      return NULL;
    }
  plans = _xf_cultivation_query_plans (self, &query, error);
  if (plans == NULL)
    return NULL;
  return group_plans (plans, by_region);
}

/*
 * Nominating
 */

/* The case text: the plan's aim, its achieved goals, the target's deeds. */
static char *
build_case_text (const XfCultivationPlan *plan,
                 XfPioneer               *pioneer)
{
  GString *text = g_string_new (NULL);
  const char *deeds = xf_pioneer_get_deeds (pioneer);

  /* Translators: the honour aimed at, then a date (YYYY-MM-DD). */
  g_string_append_printf (text, _("Cultivated toward %s since %s."), plan->target_title, plan->starts_on);
  g_string_append_c (text, '\n');
  for (guint i = 0; plan->goals != NULL && i < plan->goals->len; i++)
    {
      const XfCultivationGoal *goal = g_ptr_array_index (plan->goals, i);

      if (goal->achieved_on == NULL)
        continue;
      g_string_append_printf (text, "\n%s %s: %s", goal->achieved_on, xf_goal_kind_label (goal->kind),
                              goal->title);
      if (goal->evidence != NULL && *goal->evidence != '\0')
        g_string_append_printf (text, " (%s)", goal->evidence);
    }
  if (deeds != NULL && *deeds != '\0')
    g_string_append_printf (text, "\n\n%s", deeds);
  return g_string_free (text, FALSE);
}

/* Inside a write: the draft nomination through XfEvaluation (its own
 * rules and permissions); its id, 0 on error. */
static gint64
start_nomination (XfCultivation            *self,
                  const XfCultivationPlan  *plan,
                  gint64                    campaign_id,
                  const char               *nominating_unit,
                  GError                  **error)
{
  g_autoptr(XfEvaluation) evaluation = xf_evaluation_new (self->registry);
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *case_text = NULL;
  const char *unit = nominating_unit;

  pioneer = xf_registry_get_pioneer (self->registry, plan->pioneer_id, error);
  if (pioneer == NULL)
    return 0;
  if (unit == NULL || *unit == '\0')
    unit = xf_pioneer_get_employer (pioneer);
  nomination = xf_nomination_new (campaign_id, plan->pioneer_id, unit);
  case_text = build_case_text (plan, pioneer);
  xf_nomination_set_case_text (nomination, case_text);
  if (!xf_evaluation_save_nomination (evaluation, nomination, NULL, error))
    return 0;
  return xf_nomination_get_id (nomination);
}

gint64
xf_cultivation_nominate (XfCultivation  *self,
                         gint64          plan_id,
                         gint64          campaign_id,
                         const char     *nominating_unit,
                         GError        **error)
{
  static const char * const active[] = { XF_PLAN_ACTIVE, NULL };
  g_autoptr(XfCultivationPlan) held = NULL;
  g_autoptr(XfCultivationPlan) plan = NULL;
  gint64 nomination_id = 0;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CULTIVATION (self), 0);

  if (!xf_repo_begin (&self->repo, error))
    return 0;
  held = _xf_cultivation_load_for_write (self, plan_id, active, error);
  if (held != NULL)
    plan = xf_cultivation_get_plan (self, plan_id, error);
  if (plan != NULL)
    nomination_id = start_nomination (self, plan, campaign_id, nominating_unit, error);
  ok = nomination_id > 0
       && _xf_cultivation_set_status (self, held, XF_PLAN_NOMINATED, NULL, nomination_id, error);
  if (!_xf_cultivation_end (self, ok, held != NULL ? held->pioneer_id : 0, error))
    return 0;
  return nomination_id;
}
