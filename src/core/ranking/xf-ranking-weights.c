/* xf-ranking-weights.c — the sets of weights of the pioneer index
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-ranking-private.h"

#define FIRST_MONTH "2000-01"
#define SET_COLUMNS "id, valid_from, weights, reason, created_at, created_by"

static XfIndexWeightSet *
set_from_row (XfDbStmt  *stmt,
              GError   **error)
{
  g_autoptr(XfIndexWeightSet) set = g_new0 (XfIndexWeightSet, 1);

  set->id = xf_db_stmt_column_int64 (stmt, 0);
  set->valid_from = xf_db_stmt_dup_text (stmt, 1);
  set->weights = xf_index_weights_parse (xf_db_stmt_column_text (stmt, 2), error);
  set->reason = xf_db_stmt_dup_text (stmt, 3);
  set->created_at = xf_db_stmt_column_int64 (stmt, 4);
  set->created_by = xf_db_stmt_dup_text (stmt, 5);
  if (set->weights == NULL)
    return NULL;
  return g_steal_pointer (&set);
}

static gboolean
insert_set (XfRanking             *self,
            const XfIndexWeights  *weights,
            const char            *valid_from,
            const char            *reason,
            gint64                *id,
            GError               **error)
{
  g_autofree char *json = xf_index_weights_to_json (weights);
  XfDbStmt *stmt = _xf_ranking_prepare (self,
    "INSERT INTO index_weight_sets (valid_from, weights, reason, created_at, created_by)"
    " VALUES ($1, $2, $3, $4, $5)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, valid_from);
  xf_db_stmt_bind_text (stmt, 2, json);
  xf_db_stmt_bind_text (stmt, 3, reason);
  xf_db_stmt_bind_int64 (stmt, 4, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 5, _xf_ranking_actor_name (self));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  *id = xf_db_last_insert_id (self->db);
  return TRUE;
}

/* "weight 10, count, caps 1/50" */
static char *
describe_component (const XfIndexComponent *c)
{
  g_autofree char *kinds = c != NULL ? g_strjoinv (" ", c->kinds) : NULL;

  if (c == NULL)
    return NULL;
  return g_strdup_printf ("weight %g, %s, caps %u/%u, kinds %s",
                          c->weight, c->measure_value ? "value" : "count",
                          c->per_source_day, c->per_day, kinds);
}

static gboolean
audit_components (XfRanking             *self,
                  const XfIndexWeights  *before,
                  const XfIndexWeights  *after,
                  const char            *valid_from,
                  GError               **error)
{
  /* Each component of the new set against the old, then those dropped. */
  for (guint i = 0; i < after->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (after->components, i);
      const XfIndexComponent *old = before != NULL ? xf_index_weights_find (before, c->id) : NULL;
      g_autofree char *old_text = describe_component (old);
      g_autofree char *new_text = describe_component (c);

      if (g_strcmp0 (old_text, new_text) != 0
          && !_xf_ranking_audit (self, XF_AUDIT_INDEX_WEIGHTS, XF_RECORD_INDEX_WEIGHTS, valid_from,
                                 c->id, old_text, new_text, error))
        return FALSE;
    }
  for (guint i = 0; before != NULL && i < before->components->len; i++)
    {
      const XfIndexComponent *old = g_ptr_array_index (before->components, i);
      g_autofree char *old_text = NULL;

      if (xf_index_weights_find (after, old->id) != NULL)
        continue;
      old_text = describe_component (old);
      if (!_xf_ranking_audit (self, XF_AUDIT_INDEX_WEIGHTS, XF_RECORD_INDEX_WEIGHTS, valid_from,
                              old->id, old_text, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_seeded (XfRanking  *self,
               GError    **error)
{
  g_autoptr(XfIndexWeights) defaults = NULL;
  gint64 count = 0, id = 0;
  gboolean ok;

  if (!xf_stmt_cache_query_int64 (self->stmts, "SELECT count(*) FROM index_weight_sets WHERE $1 = $1",
                                  0, &count, error))
    return FALSE;
  if (count > 0)
    return TRUE;
  defaults = xf_index_weights_load_default (error);
  if (defaults == NULL)
    return FALSE;
  if (!_xf_ranking_begin (self, error))
    return FALSE;
  /* Another desk may have seeded it in between. */
  ok = xf_stmt_cache_query_int64 (self->stmts, "SELECT count(*) FROM index_weight_sets WHERE $1 = $1",
                                  0, &count, error);
  if (ok && count == 0)
    ok = insert_set (self, defaults, FIRST_MONTH, "default", &id, error)
         && audit_components (self, NULL, defaults, FIRST_MONTH, error);
  return _xf_ranking_end (self, ok, error);
}

XfIndexWeightSet *
_xf_ranking_weights_for (XfRanking   *self,
                         const char  *month,
                         GError     **error)
{
  g_autofree char *current = NULL;
  XfIndexWeightSet *set = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  if (month == NULL)
    month = current = xf_ranking_current_month ();
  else if (!xf_ranking_check_month (month, error))
    return NULL;
  if (!ensure_seeded (self, error))
    return NULL;
  stmt = _xf_ranking_prepare (self,
                              "SELECT " SET_COLUMNS " FROM index_weight_sets WHERE valid_from <= $1"
                              " ORDER BY valid_from DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, month);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    set = set_from_row (stmt, error);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    /* Translators: %s is a month, YYYY-MM. */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Month: no weights are in force in %s"), month);
  return set;
}

XfIndexWeightSet *
xf_ranking_get_weights (XfRanking   *self,
                        const char  *month,
                        GError     **error)
{
  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  return _xf_ranking_weights_for (self, month, error);
}

GPtrArray *
xf_ranking_list_weights (XfRanking  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_index_weight_set_free);
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error) || !ensure_seeded (self, error))
    return NULL;
  stmt = _xf_ranking_prepare (self,
                              "SELECT " SET_COLUMNS " FROM index_weight_sets WHERE $1 = $1"
                              " ORDER BY valid_from DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, 0);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfIndexWeightSet *set = set_from_row (stmt, error);

      if (set == NULL)
        {
          step = XF_DB_STEP_ERROR;
          break;
        }
      g_ptr_array_add (list, set);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

gint64
xf_ranking_set_weights (XfRanking            *self,
                        const XfIndexWeights *weights,
                        const char           *valid_from,
                        const char           *reason,
                        GError              **error)
{
  g_autoptr(XfIndexWeightSet) before = NULL;
  g_autoptr(XfIndexWeights) checked = NULL;
  g_autofree char *json = NULL;
  g_autofree char *current = NULL;
  g_autofree char *why = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (XF_IS_RANKING (self), 0);
  g_return_val_if_fail (weights != NULL, 0);

  if (!_xf_ranking_check (self, XF_OP_RANKING_MANAGE, error)
      || !xf_ranking_check_month (valid_from, error))
    return 0;
  current = xf_ranking_current_month ();
  if (g_strcmp0 (valid_from, current) < 0)
    {
      /* Translators: two months, YYYY-MM. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Month: weights cannot apply from %s, before the current month %s"),
                   valid_from, current);
      return 0;
    }
  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0' || !g_utf8_validate (why, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Reason: this is required"));
      return 0;
    }
  /* The same checks as a file gets. */
  json = xf_index_weights_to_json (weights);
  checked = xf_index_weights_parse (json, error);
  if (checked == NULL)
    return 0;
  before = _xf_ranking_weights_for (self, valid_from, error);
  if (before == NULL)
    return 0;
  if (!_xf_ranking_begin (self, error))
    return 0;
  ok = insert_set (self, checked, valid_from, why, &id, error)
       && audit_components (self, before->weights, checked, valid_from, error)
       && _xf_ranking_audit (self, XF_AUDIT_INDEX_WEIGHTS, XF_RECORD_INDEX_WEIGHTS, valid_from,
                             "reason", NULL, why, error);
  if (!_xf_ranking_end (self, ok, error))
    return 0;
  return id;
}
