/* xf-ranking-compute.c — the pioneer index in SQL, monthly snapshots
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-error.h"
#include "xf-ranking-private.h"

/*
 * The query (xf_ranking_index_sql ()), for weights with components
 * 0..N-1, $1 the month's first day 'YYYY-MM-01' and $2 'YYYY-MM-31'
 * (occurred_on is text, so that bound holds for every month):
 *
 *   -- per pioneer, day, component and "who" (visitor, else source; only
 *   -- for the kinds of components capped per who, else one group)
 *   WITH e AS (SELECT ev.pioneer_id, CASE ev.kind WHEN 'card-viewed' THEN 0 … END AS comp,
 *                     ev.occurred_on AS day,
 *                     SUM (CASE WHEN ev.kind IN (<"value" kinds>) THEN ev.value ELSE 1.0 END) AS v,
 *                     COUNT (*) AS n
 *                FROM engagement_events ev
 *               WHERE ev.occurred_on >= $1 AND ev.occurred_on <= $2 AND ev.kind IN (<all kinds>)
 *               GROUP BY ev.pioneer_id, ev.occurred_on, comp,
 *                        CASE WHEN ev.kind IN (<kinds capped per who>)
 *                             THEN COALESCE (ev.visitor, ev.source) ELSE '' END),
 *   -- per pioneer, component and day: Σ capped per who
 *   d AS (SELECT pioneer_id, comp,
 *                SUM (CASE comp WHEN 0 THEN CASE WHEN v > 1 THEN 1 ELSE v END … ELSE v END) AS v,
 *                SUM (n) AS n
 *           FROM e GROUP BY pioneer_id, comp, day),
 *   -- per pioneer and component: Σ over the days capped per day
 *   r AS (SELECT pioneer_id, comp,
 *                SUM (CASE comp WHEN 0 THEN CASE WHEN v > 50 THEN 50 ELSE v END … ELSE v END) AS raw,
 *                SUM (n) AS n
 *           FROM d GROUP BY pioneer_id, comp),
 *   -- one row per pioneer, components as columns r0…; c: the events counted
 *   -- (capped raw of "count" components, events of "value" ones)
 *   p AS (SELECT pioneer_id, SUM (CASE WHEN comp = 0 THEN raw ELSE 0 END) AS r0, …,
 *                SUM (CASE WHEN comp IN (<value comps>) THEN n ELSE raw END) AS c
 *           FROM r GROUP BY pioneer_id),
 *   -- active pioneers only; the month's maxima m0… and totals as windows
 *   s AS (SELECT p.*, pi.uid, pi.kind, MAX (p.r0) OVER () AS m0, …,
 *                COUNT (*) OVER () AS scored, SUM (p.c) OVER () AS counted
 *           FROM p JOIN pioneers pi ON pi.id = p.pioneer_id WHERE pi.status = 'active'),
 *   x AS (SELECT s.*, 100.0 * (w0 * CASE WHEN m0 > 0 THEN r0 / m0 ELSE 0 END + …) / Σw AS score FROM s),
 *   o AS (SELECT x.*, ROW_NUMBER () OVER (PARTITION BY kind ORDER BY score DESC, uid) AS rn FROM x)
 *   SELECT pioneer_id, kind, rn, score, scored, counted, r0…, m0… FROM o
 *    WHERE rn <= 100 ORDER BY kind, rn
 *
 * Caps are CASE expressions, not two-argument MIN/LEAST, so the same text
 * runs on SQLite and PostgreSQL; values are double precision throughout
 * (no integer division).
 * uid is ordered bytewise (COLLATE "C" on PostgreSQL, SQLite's BINARY).
 */

static void
append_double (GString *sql,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (sql, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* "CASE comp WHEN i THEN CASE WHEN v > cap THEN cap ELSE v END … ELSE v
 * END" for the components with a cap, or just "v". */
static void
append_cap (GString              *sql,
            const XfIndexWeights *weights,
            gboolean              per_day)
{
  gboolean any = FALSE;

  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);
      guint cap = per_day ? c->per_day : c->per_source_day;

      if (cap == 0)
        continue;
      g_string_append_printf (sql, "%s WHEN %u THEN CASE WHEN v > %u THEN %u ELSE v END",
                              any ? "" : "CASE comp", i, cap, cap);
      any = TRUE;
    }
  g_string_append (sql, any ? " ELSE v END" : "v");
}

/* 'kind-a', 'kind-b' … of the components that pass @filter (all when
 * NULL); FALSE when none does. Kinds are checked names (letters and
 * '-'), safe as literals. */
static gboolean
append_kinds (GString              *sql,
              const XfIndexWeights *weights,
              gboolean (*filter) (const XfIndexComponent *c))
{
  gboolean any = FALSE;

  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      if (filter != NULL && !filter (c))
        continue;
      for (guint j = 0; c->kinds[j] != NULL; j++)
        {
          g_string_append_printf (sql, "%s'%s'", any ? ", " : "", c->kinds[j]);
          any = TRUE;
        }
    }
  return any;
}

static gboolean
capped_per_who (const XfIndexComponent *c)
{
  return c->per_source_day > 0;
}

static gboolean
by_value (const XfIndexComponent *c)
{
  return c->measure_value;
}

/* The CTEs e, d and r; @one_pioneer adds "ev.pioneer_id = $3". */
static void
append_raw_ctes (GString              *sql,
                 const XfIndexWeights *weights,
                 gboolean              one_pioneer)
{
  g_string_append (sql, "WITH e AS (SELECT ev.pioneer_id, CASE ev.kind");
  for (guint i = 0; i < weights->components->len; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      for (guint j = 0; c->kinds[j] != NULL; j++)
        g_string_append_printf (sql, " WHEN '%s' THEN %u", c->kinds[j], i);
    }
  g_string_append (sql, " END AS comp, ev.occurred_on AS day, SUM (");
  {
    g_autoptr(GString) kinds = g_string_new (NULL);

    if (append_kinds (kinds, weights, by_value))
      g_string_append_printf (sql, "CASE WHEN ev.kind IN (%s) THEN ev.value ELSE 1.0 END", kinds->str);
    else
      g_string_append (sql, "1.0");
  }
  g_string_append (sql, ") AS v, COUNT (*) AS n FROM engagement_events ev"
                        " WHERE ev.occurred_on >= $1 AND ev.occurred_on <= $2 AND ev.kind IN (");
  append_kinds (sql, weights, NULL);
  g_string_append (sql, ")");
  if (one_pioneer)
    g_string_append (sql, " AND ev.pioneer_id = $3");
  g_string_append (sql, " GROUP BY ev.pioneer_id, ev.occurred_on, comp");
  {
    g_autoptr(GString) kinds = g_string_new (NULL);

    if (append_kinds (kinds, weights, capped_per_who))
      g_string_append_printf (sql, ", CASE WHEN ev.kind IN (%s) THEN COALESCE (ev.visitor, ev.source) ELSE '' END",
                              kinds->str);
  }
  g_string_append (sql, "),\n d AS (SELECT pioneer_id, comp, SUM (");
  append_cap (sql, weights, FALSE);
  g_string_append (sql, ") AS v, SUM (n) AS n FROM e GROUP BY pioneer_id, comp, day),\n"
                        " r AS (SELECT pioneer_id, comp, SUM (");
  append_cap (sql, weights, TRUE);
  g_string_append (sql, ") AS raw, SUM (n) AS n FROM d GROUP BY pioneer_id, comp)");
}

char *
xf_ranking_index_sql (const XfIndexWeights *weights,
                      XfDbBackend           backend)
{
  GString *sql;
  guint n_value = 0;
  guint count;

  g_return_val_if_fail (weights != NULL && weights->components->len > 0, NULL);

  count = weights->components->len;
  sql = g_string_new (NULL);
  append_raw_ctes (sql, weights, FALSE);

  g_string_append (sql, ",\n p AS (SELECT pioneer_id");
  for (guint i = 0; i < count; i++)
    g_string_append_printf (sql, ", SUM (CASE WHEN comp = %u THEN raw ELSE 0 END) AS r%u", i, i);
  g_string_append (sql, ", SUM (CASE WHEN comp IN (");
  for (guint i = 0; i < count; i++)
    if (((const XfIndexComponent *) g_ptr_array_index (weights->components, i))->measure_value)
      g_string_append_printf (sql, "%s%u", n_value++ > 0 ? ", " : "", i);
  if (n_value == 0)
    g_string_append (sql, "-1");
  g_string_append (sql, ") THEN n ELSE raw END) AS c FROM r GROUP BY pioneer_id),\n"
                        " s AS (SELECT p.*, pi.uid, pi.kind");
  for (guint i = 0; i < count; i++)
    g_string_append_printf (sql, ", MAX (p.r%u) OVER () AS m%u", i, i);
  g_string_append (sql, ", COUNT (*) OVER () AS scored, SUM (p.c) OVER () AS counted"
                        " FROM p JOIN pioneers pi ON pi.id = p.pioneer_id WHERE pi.status = 'active'),\n"
                        " x AS (SELECT s.*, 100.0 * (");
  for (guint i = 0; i < count; i++)
    {
      const XfIndexComponent *c = g_ptr_array_index (weights->components, i);

      if (i > 0)
        g_string_append (sql, " + ");
      append_double (sql, c->weight);
      g_string_append_printf (sql, " * CASE WHEN m%u > 0 THEN r%u / m%u ELSE 0.0 END", i, i, i);
    }
  g_string_append (sql, ") / ");
  append_double (sql, xf_index_weights_total (weights));
  g_string_append_printf (sql, " AS score FROM s),\n"
                          " o AS (SELECT x.*, ROW_NUMBER () OVER (PARTITION BY kind ORDER BY score DESC, uid%s)"
                          " AS rn FROM x)\n"
                          "SELECT pioneer_id, kind, rn, score, scored, counted",
                          backend == XF_DB_BACKEND_POSTGRESQL ? " COLLATE \"C\"" : "");
  for (guint i = 0; i < count; i++)
    g_string_append_printf (sql, ", r%u", i);
  for (guint i = 0; i < count; i++)
    g_string_append_printf (sql, ", m%u", i);
  g_string_append_printf (sql, " FROM o WHERE rn <= %d ORDER BY kind, rn", XF_RANKING_STORED_PER_KIND);
  return g_string_free (sql, FALSE);
}

static void
month_bounds (const char *month,
              char        first[11],
              char        last[11])
{
  g_snprintf (first, 11, "%s-01", month);
  g_snprintf (last, 11, "%s-31", month);
}

GArray *
_xf_ranking_pioneer_raw (XfRanking            *self,
                         const XfIndexWeights *weights,
                         gint64                pioneer_id,
                         const char           *month,
                         GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) raw = g_array_new (FALSE, TRUE, sizeof (double));
  char first[11], last[11];
  XfDbStmt *stmt;
  XfDbStep step;

  append_raw_ctes (sql, weights, TRUE);
  g_string_append (sql, "\nSELECT comp, raw FROM r");
  g_array_set_size (raw, weights->components->len);
  stmt = _xf_ranking_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  month_bounds (month, first, last);
  xf_db_stmt_bind_text (stmt, 1, first);
  xf_db_stmt_bind_text (stmt, 2, last);
  xf_db_stmt_bind_int64 (stmt, 3, pioneer_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 comp = xf_db_stmt_column_int64 (stmt, 0);

      if (comp >= 0 && comp < (gint64) raw->len)
        g_array_index (raw, double, comp) = xf_db_stmt_column_double (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&raw);
}

/*
 * Computing
 */

typedef struct
{
  gint64  pioneer_id;
  char   *kind;
  int     rank;
  double  score;
  double *raw;
} Row;

static void
row_free (Row *row)
{
  g_free (row->kind);
  g_free (row->raw);
  g_free (row);
}

/* A row's first columns, as both the index query and ranking_entries
 * give them: pioneer_id, kind, rank, score. */
static Row *
row_from_stmt (XfDbStmt *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->pioneer_id = xf_db_stmt_column_int64 (stmt, 0);
  row->kind = xf_db_stmt_dup_text (stmt, 1);
  row->rank = (int) xf_db_stmt_column_int64 (stmt, 2);
  row->score = xf_db_stmt_column_double (stmt, 3);
  return row;
}

typedef struct
{
  GPtrArray *rows;      /* (element-type Row) */
  double    *maxima;
  gint64     scored;
  gint64     counted;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->maxima, g_free);
}

static gboolean
run_index (XfRanking            *self,
           const XfIndexWeights *weights,
           const char           *month,
           Result               *result,
           GError              **error)
{
  g_autofree char *sql = xf_ranking_index_sql (weights, xf_db_get_backend (self->db));
  guint count = weights->components->len;
  char first[11], last[11];
  XfDbStmt *stmt;
  XfDbStep step;

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  result->maxima = g_new0 (double, count);
  result->scored = result->counted = 0;
  stmt = _xf_ranking_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  month_bounds (month, first, last);
  xf_db_stmt_bind_text (stmt, 1, first);
  xf_db_stmt_bind_text (stmt, 2, last);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Row *row = row_from_stmt (stmt);

      result->scored = xf_db_stmt_column_int64 (stmt, 4);
      result->counted = (gint64) xf_db_stmt_column_double (stmt, 5);
      row->raw = g_new0 (double, count);
      for (guint i = 0; i < count; i++)
        {
          row->raw[i] = xf_db_stmt_column_double (stmt, 6 + i);
          result->maxima[i] = xf_db_stmt_column_double (stmt, 6 + count + i);
        }
      g_ptr_array_add (result->rows, row);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

/* {"views": 12, …} in the weights' order. */
static char *
values_json (const XfIndexWeights *weights,
             const double         *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < weights->components->len; i++)
    {
      json_builder_set_member_name (builder,
                                    ((const XfIndexComponent *) g_ptr_array_index (weights->components, i))->id);
      json_builder_add_double_value (builder, values[i]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static double *
parse_values (const XfIndexWeights *weights,
              const char           *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  double *values = g_new0 (double, weights->components->len);
  JsonNode *root;
  JsonObject *object;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return values;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return values;
  object = json_node_get_object (root);
  for (guint i = 0; i < weights->components->len; i++)
    {
      const char *id = ((const XfIndexComponent *) g_ptr_array_index (weights->components, i))->id;
      JsonNode *node = json_object_get_member (object, id);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        values[i] = json_node_get_double (node);
    }
  return values;
}

/* @rows (element-type Row) as entries of @ranking's individuals and
 * collectives, with their pioneers and parts. */
static gboolean
add_entries (XfRanking            *self,
             XfMonthlyRanking     *ranking,
             const XfIndexWeights *weights,
             const double         *maxima,
             GPtrArray            *rows,
             GError              **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(XfRankingEntry) entry = xf_ranking_entry_new ();

      entry->pioneer_id = row->pioneer_id;
      entry->rank = row->rank;
      entry->score = row->score;
      if (!_xf_ranking_fill_pioneer (self, entry, error))
        return FALSE;
      _xf_ranking_fill_parts (entry, weights, row->raw, maxima);
      g_ptr_array_add (g_str_equal (row->kind, "collective") ? ranking->collectives : ranking->individuals,
                       g_steal_pointer (&entry));
    }
  return TRUE;
}

static XfMonthlyRanking *
ranking_from_result (XfRanking        *self,
                     XfIndexWeightSet *set,
                     const char       *month,
                     Result           *result,
                     GError          **error)
{
  g_autoptr(XfMonthlyRanking) ranking = xf_monthly_ranking_new ();

  ranking->month = g_strdup (month);
  ranking->weight_set_id = set->id;
  ranking->weights = xf_index_weights_copy (set->weights);
  ranking->events_counted = result->counted;
  ranking->pioneers_scored = result->scored;
  ranking->computed_at = xf_db_now ();
  ranking->computed_by = g_strdup (_xf_ranking_actor_name (self));
  if (!add_entries (self, ranking, set->weights, result->maxima, result->rows, error))
    return NULL;
  return g_steal_pointer (&ranking);
}

static gboolean
check_read (XfRanking   *self,
            const char  *month,
            GError     **error)
{
  g_autofree char *current = NULL;

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error) || !xf_ranking_check_month (month, error))
    return FALSE;
  /* A month after the current one has no events to show or explain. */
  current = xf_ranking_current_month ();
  if (strcmp (month, current) > 0)
    {
      /* Translators: %s is a month YYYY-MM after the current one. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Month: %s has not begun yet"), month);
      return FALSE;
    }
  return TRUE;
}

XfMonthlyRanking *
xf_ranking_preview (XfRanking   *self,
                    const char  *month,
                    GError     **error)
{
  g_autoptr(XfIndexWeightSet) set = NULL;
  Result result = { 0 };
  XfMonthlyRanking *ranking = NULL;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!check_read (self, month, error))
    return NULL;
  set = _xf_ranking_weights_for (self, month, error);
  if (set == NULL)
    return NULL;
  if (run_index (self, set->weights, month, &result, error))
    ranking = ranking_from_result (self, set, month, &result, error);
  result_clear (&result);
  return ranking;
}

static gboolean
store_result (XfRanking        *self,
              XfIndexWeightSet *set,
              const char       *month,
              gboolean          automatic,
              Result           *result,
              GError          **error)
{
  g_autofree char *weights_json = xf_index_weights_to_json (set->weights);
  g_autofree char *maxima_json = values_json (set->weights, result->maxima);
  XfDbStmt *stmt;
  gint64 id;

  stmt = _xf_ranking_prepare (self,
    "INSERT INTO monthly_rankings (month, weight_set_id, weights, maxima, events_counted,"
    " pioneers_scored, computed_at, computed_by, automatic) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, month);
  xf_db_stmt_bind_int64 (stmt, 2, set->id);
  xf_db_stmt_bind_text (stmt, 3, weights_json);
  xf_db_stmt_bind_text (stmt, 4, maxima_json);
  xf_db_stmt_bind_int64 (stmt, 5, result->counted);
  xf_db_stmt_bind_int64 (stmt, 6, result->scored);
  xf_db_stmt_bind_int64 (stmt, 7, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 8, _xf_ranking_actor_name (self));
  xf_db_stmt_bind_int64 (stmt, 9, automatic ? 1 : 0);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  id = xf_db_last_insert_id (self->db);
  for (guint i = 0; i < result->rows->len; i++)
    {
      Row *row = g_ptr_array_index (result->rows, i);
      g_autofree char *components = values_json (set->weights, row->raw);

      stmt = _xf_ranking_prepare (self,
        "INSERT INTO ranking_entries (ranking_id, kind, rank, pioneer_id, score, components)"
        " VALUES ($1, $2, $3, $4, $5, $6)", error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, id);
      xf_db_stmt_bind_text (stmt, 2, row->kind);
      xf_db_stmt_bind_int64 (stmt, 3, row->rank);
      xf_db_stmt_bind_int64 (stmt, 4, row->pioneer_id);
      xf_db_stmt_bind_double (stmt, 5, row->score);
      xf_db_stmt_bind_text (stmt, 6, components);
      if (!xf_db_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Computes and freezes @month; with @only_if_missing, does nothing (and
 * returns FALSE with no error) when it is frozen already. */
static gboolean
compute_month (XfRanking   *self,
               const char  *month,
               gboolean     automatic,
               gboolean     only_if_missing,
               GError     **error)
{
  g_autoptr(XfIndexWeightSet) set = NULL;
  g_autofree char *current = xf_ranking_current_month ();
  Result result = { 0 };
  gint64 existing = 0;
  gboolean ok;

  if (!xf_ranking_check_month (month, error))
    return FALSE;
  if (g_strcmp0 (month, current) >= 0)
    {
      /* Translators: %s is a month, YYYY-MM. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Month: %s has not ended yet; only a month that has ended can be frozen"), month);
      return FALSE;
    }
  set = _xf_ranking_weights_for (self, month, error);
  if (set == NULL || !_xf_ranking_begin (self, error))
    return FALSE;
  {
    XfDbStmt *stmt = _xf_ranking_prepare (self, "SELECT id FROM monthly_rankings WHERE month = $1", error);

    ok = stmt != NULL;
    if (ok)
      {
        XfDbStep step;

        xf_db_stmt_bind_text (stmt, 1, month);
        step = xf_db_stmt_step (stmt, error);
        if (step == XF_DB_STEP_ROW)
          existing = xf_db_stmt_column_int64 (stmt, 0);
        xf_db_stmt_reset (stmt);
        ok = step != XF_DB_STEP_ERROR;
      }
  }
  if (ok && existing > 0 && only_if_missing)
    {
      _xf_ranking_end (self, FALSE, NULL);
      return FALSE;
    }
  if (ok && existing > 0)
    {
      XfDbStmt *stmt = _xf_ranking_prepare (self, "DELETE FROM ranking_entries WHERE ranking_id = $1", error);

      ok = stmt != NULL;
      if (ok)
        {
          xf_db_stmt_bind_int64 (stmt, 1, existing);
          ok = xf_db_stmt_run (stmt, error);
        }
      stmt = ok ? _xf_ranking_prepare (self, "DELETE FROM monthly_rankings WHERE id = $1", error) : NULL;
      ok = ok && stmt != NULL;
      if (ok)
        {
          xf_db_stmt_bind_int64 (stmt, 1, existing);
          ok = xf_db_stmt_run (stmt, error);
        }
    }
  ok = ok && run_index (self, set->weights, month, &result, error)
       && store_result (self, set, month, automatic, &result, error)
       && _xf_ranking_audit (self, XF_AUDIT_RANKING_COMPUTE, XF_RECORD_RANKING, month, NULL, NULL,
                             existing > 0 ? "recomputed" : automatic ? "automatic" : "by hand", error);
  result_clear (&result);
  return _xf_ranking_end (self, ok, error);
}

static gboolean month_is_frozen (XfRanking  *self,
                                 const char *month);

XfMonthlyRanking *
xf_ranking_compute (XfRanking   *self,
                    const char  *month,
                    GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_RANKING_MANAGE, error))
    return NULL;
  /* Another session may freeze the month between this one's look and its
   * insert (on PostgreSQL the unique month refuses the second): once more,
   * as a recompute of theirs, then a conflict naming the month. */
  for (int attempt = 0; !compute_month (self, month, FALSE, FALSE, &local_error); attempt++)
    {
      gboolean raced = !self->nested && g_error_matches (local_error, XF_ERROR, XF_ERROR_INVALID)
                       && xf_ranking_check_month (month, NULL) && month_is_frozen (self, month);

      if (!raced)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
      if (attempt > 0)
        {
          /* Translators: %s is a month, YYYY-MM. */
          g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                       _("Month: %s was being frozen in another session at the same time; its ranking stands"),
                       month);
          return NULL;
        }
    }
  return xf_ranking_get (self, month, error);
}

static gboolean
month_is_frozen (XfRanking  *self,
                 const char *month)
{
  XfDbStmt *stmt = _xf_ranking_prepare (self, "SELECT count(*) FROM monthly_rankings WHERE month = $1", NULL);
  gboolean frozen = FALSE;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, month);
  if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
    frozen = xf_db_stmt_column_int64 (stmt, 0) > 0;
  xf_db_stmt_reset (stmt);
  return frozen;
}

/* Whether any engagement event falls in @month. */
static gboolean
month_has_events (XfRanking  *self,
                  const char *month)
{
  XfDbStmt *stmt = _xf_ranking_prepare (self,
                                        "SELECT 1 FROM engagement_events WHERE occurred_on >= $1"
                                        " AND occurred_on <= $2 LIMIT 1", NULL);
  char first[11], last[11];
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  month_bounds (month, first, last);
  xf_db_stmt_bind_text (stmt, 1, first);
  xf_db_stmt_bind_text (stmt, 2, last);
  found = xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW;
  xf_db_stmt_reset (stmt);
  return found;
}

char *
xf_ranking_ensure_previous_month (XfRanking  *self,
                                  GError    **error)
{
  g_autofree char *month = xf_ranking_previous_month ();
  GError *local_error = NULL;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  /* Most calls find it done: no write transaction for them. A month
   * without a single event is left open rather than frozen empty, so that
   * events imported for it later are ranked at the next turn. */
  if (month_is_frozen (self, month) || !month_has_events (self, month))
    return NULL;
  if (!compute_month (self, month, TRUE, TRUE, &local_error))
    {
      /* Another desk froze it first (on PostgreSQL the unique month
       * refuses the second): nothing left to do. */
      if (local_error != NULL && month_is_frozen (self, month))
        g_clear_error (&local_error);
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&month);
}

/*
 * Reading
 */

XfMonthlyRanking *
xf_ranking_get (XfRanking   *self,
                const char  *month,
                GError     **error)
{
  g_autoptr(XfMonthlyRanking) ranking = xf_monthly_ranking_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autofree double *maxima = NULL;
  g_autofree char *maxima_json = NULL;
  gint64 ranking_id = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!check_read (self, month, error))
    return NULL;
  stmt = _xf_ranking_prepare (self,
    "SELECT id, weight_set_id, weights, maxima, events_counted, pioneers_scored, computed_at,"
    " computed_by, automatic FROM monthly_rankings WHERE month = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, month);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      ranking_id = xf_db_stmt_column_int64 (stmt, 0);
      ranking->weight_set_id = xf_db_stmt_column_int64 (stmt, 1);
      ranking->weights = xf_index_weights_parse (xf_db_stmt_column_text (stmt, 2), error);
      maxima_json = xf_db_stmt_dup_text (stmt, 3);
      ranking->events_counted = xf_db_stmt_column_int64 (stmt, 4);
      ranking->pioneers_scored = xf_db_stmt_column_int64 (stmt, 5);
      ranking->computed_at = xf_db_stmt_column_int64 (stmt, 6);
      ranking->computed_by = xf_db_stmt_dup_text (stmt, 7);
      ranking->automatic = xf_db_stmt_column_int64 (stmt, 8) != 0;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      /* Translators: %s is a month, YYYY-MM. */
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Month: %s has no ranking yet"), month);
      return NULL;
    }
  if (ranking->weights == NULL)
    return NULL;
  ranking->month = g_strdup (month);
  ranking->frozen = TRUE;
  maxima = parse_values (ranking->weights, maxima_json);

  stmt = _xf_ranking_prepare (self,
    "SELECT pioneer_id, kind, rank, score, components FROM ranking_entries WHERE ranking_id = $1"
    " ORDER BY kind DESC, rank", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, ranking_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Row *row = row_from_stmt (stmt);

      row->raw = parse_values (ranking->weights, xf_db_stmt_column_text (stmt, 4));
      g_ptr_array_add (rows, row);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  /* Statements are not held across the pioneers' look-ups. */
  if (!add_entries (self, ranking, ranking->weights, maxima, rows, error))
    return NULL;
  return g_steal_pointer (&ranking);
}

GStrv
xf_ranking_list_months (XfRanking  *self,
                        GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);

  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  stmt = _xf_ranking_prepare (self, "SELECT month FROM monthly_rankings WHERE $1 = $1 ORDER BY month DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, 0);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_strv_builder_add (builder, xf_db_stmt_column_text (stmt, 0));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}

/* For xf-ranking-explain.c: the frozen month's weights, maxima and the
 * pioneer's rank, score and raw values there (rank 0 and raw NULL when not
 * among the entries); FALSE with no error when @month is not frozen. */
gboolean
_xf_ranking_frozen_for (XfRanking       *self,
                        const char      *month,
                        gint64           pioneer_id,
                        XfIndexWeights **weights,
                        double         **maxima,
                        int             *rank,
                        double          *score,
                        double         **raw,
                        GError         **error)
{
  g_autofree char *weights_json = NULL;
  g_autofree char *maxima_json = NULL;
  gint64 ranking_id = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  *rank = 0;
  *raw = NULL;
  stmt = _xf_ranking_prepare (self, "SELECT id, weights, maxima FROM monthly_rankings WHERE month = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, month);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      ranking_id = xf_db_stmt_column_int64 (stmt, 0);
      weights_json = xf_db_stmt_dup_text (stmt, 1);
      maxima_json = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step != XF_DB_STEP_ROW)
    return FALSE;
  *weights = xf_index_weights_parse (weights_json, error);
  if (*weights == NULL)
    return FALSE;
  *maxima = parse_values (*weights, maxima_json);
  stmt = _xf_ranking_prepare (self, "SELECT rank, score, components FROM ranking_entries"
                                    " WHERE ranking_id = $1 AND pioneer_id = $2", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, ranking_id);
  xf_db_stmt_bind_int64 (stmt, 2, pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      *rank = (int) xf_db_stmt_column_int64 (stmt, 0);
      *score = xf_db_stmt_column_double (stmt, 1);
      /* The values the month was ranked on: events recorded for it
       * afterwards do not change a frozen month. */
      *raw = parse_values (*weights, xf_db_stmt_column_text (stmt, 2));
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}
