/* xf-services-match.c — dispatch suggestions: pioneers ranked by match
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-services-offers-private.h"

/*
 * The candidates are the active pioneers with an available offer of the
 * request's item (available, available_until not passed). One query finds
 * them through service_offers_by_item and reads, per candidate, the load
 * of this month (service_requests_by_claimer) and the mean rating of the
 * last twelve months; the five parts and the score are computed here, and
 * only the best @limit get their names read. The same ranking as a single
 * SQL query is in tests/bench/bench-services.c, measured against this.
 *
 * Regions: a served code covers what lies inside it (a county covers its
 * townships; the city code "330500" covers the city), which counts as the
 * same place (1); otherwise the common prefix on the GB/T 2260 levels
 * gives county 0.75, city 0.5, province 0.25. Scores equal to 1e-9 are
 * ties, broken by pioneer id.
 */

double
xf_service_match_score (XfServiceMatch *match)
{
  g_return_val_if_fail (match != NULL, 0);

  match->score = XF_MATCH_WEIGHT_SKILLS * match->skills
                 + XF_MATCH_WEIGHT_INDUSTRY * match->industry
                 + XF_MATCH_WEIGHT_REGION * match->region
                 + XF_MATCH_WEIGHT_LOAD * match->load
                 + XF_MATCH_WEIGHT_RATING * match->rating;
  return match->score;
}

/* The significant digits of a region code: "330500" (a city) → 4,
 * "330000" (a province) → 2; others as they are. */
static gsize
significant_length (const char *code)
{
  gsize length = strlen (code);

  if (length == 6 && g_str_has_suffix (code, "0000"))
    return 2;
  if (length == 6 && g_str_has_suffix (code, "00"))
    return 4;
  return length;
}

double
xf_service_match_region (const char *served,
                         const char *wanted)
{
  gsize served_length, wanted_length, common = 0;

  if (served == NULL || wanted == NULL || *served == '\0' || *wanted == '\0')
    return 0;
  served_length = significant_length (served);
  wanted_length = significant_length (wanted);
  while (common < served_length && common < wanted_length && served[common] == wanted[common])
    common++;
  /* The served area holds the wanted place. */
  if (common == served_length)
    return 1;
  if (common >= 9)
    return 1;
  if (common >= 6)
    return 0.75;
  if (common >= 4)
    return 0.5;
  if (common >= 2)
    return 0.25;
  return 0;
}

/* What the request asks for, prepared once for all candidates. */
typedef struct
{
  gint64   item_id;
  char    *region;
  GStrv    keywords;     /* casefolded */
  char    *industries;   /* " C D E " */
} Wanted;

static void
wanted_clear (Wanted *wanted)
{
  g_clear_pointer (&wanted->region, g_free);
  g_clear_pointer (&wanted->keywords, g_strfreev);
  g_clear_pointer (&wanted->industries, g_free);
}

static gboolean
load_wanted (XfServices  *self,
             gint64       request_id,
             Wanted      *wanted,
             GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
                               "SELECT r.item_id, r.region_code, i.keywords, i.industries"
                               " FROM service_requests r JOIN service_items i ON i.id = r.item_id"
                               " WHERE r.id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, request_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      g_autofree char *folded = g_utf8_casefold (xf_db_stmt_column_text (stmt, 2), -1);

      wanted->item_id = xf_db_stmt_column_int64 (stmt, 0);
      wanted->region = xf_db_stmt_dup_text (stmt, 1);
      wanted->keywords = g_strsplit (folded, " ", -1);
      wanted->industries = g_strdup_printf (" %s ", xf_db_stmt_column_text (stmt, 3));
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    {
      _xf_services_set_not_found (error, _("Request"), request_id);
      return FALSE;
    }
  return TRUE;
}

static double
skills_part (const Wanted *wanted,
             const char   *skills)
{
  g_autofree char *folded = NULL;

  if (skills == NULL || *skills == '\0')
    return 0.6;
  folded = g_utf8_casefold (skills, -1);
  for (guint i = 0; wanted->keywords[i] != NULL; i++)
    if (*wanted->keywords[i] != '\0' && strstr (folded, wanted->keywords[i]) != NULL)
      return 1.0;
  return 0.6;
}

static double
industry_part (const Wanted *wanted,
               const char   *industry)
{
  char token[16];

  /* An item that names no industry suits every one. */
  if (wanted->industries[1] == ' ' && wanted->industries[2] == '\0')
    return 1;
  if (industry == NULL || *industry == '\0' || strlen (industry) > 8)
    return 0;
  g_snprintf (token, sizeof token, " %s ", industry);
  return strstr (wanted->industries, token) != NULL ? 1 : 0;
}

static double
region_part (const Wanted *wanted,
             const char   *regions,
             const char   *home,
             const char   *mode)
{
  double best = 0;

  if (regions == NULL || *regions == '\0')
    best = xf_service_match_region (home, wanted->region);
  else
    {
      g_auto(GStrv) codes = g_strsplit (regions, " ", -1);

      for (guint i = 0; codes[i] != NULL && best < 1; i++)
        best = MAX (best, xf_service_match_region (codes[i], wanted->region));
    }
  /* Remote help reaches anywhere, though less well than a visit. */
  if (g_strcmp0 (mode, XF_SERVICE_MODE_ON_SITE) != 0)
    best = MAX (best, 0.5);
  return best;
}

/* A candidate while ranking: the parts, no strings yet. */
typedef struct
{
  gint64 pioneer_id;
  gint64 key;            /* the score in units of 1e-9, for ties */
  double parts[5];       /* skills, industry, region, load, rating */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  return x->pioneer_id < y->pioneer_id ? -1 : x->pioneer_id > y->pioneer_id;
}

static GArray *
rank_candidates (XfServices  *self,
                 Wanted      *wanted,
                 GError     **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *today = xf_clock_today_text ();
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_services_prepare (self,
    "SELECT p.id, p.skills, p.industry, p.region_code, o.regions, o.mode, o.capacity_per_month, "
    XF_SERVICES_LOAD_SQL ("p.id", "2") ", "
    "(SELECT avg(CAST(f.rating AS DOUBLE PRECISION)) FROM service_requests fr"
    "  JOIN service_feedback f ON f.request_id = fr.id"
    "  WHERE fr.claimed_by = p.id AND f.rating IS NOT NULL AND f.created_at >= $3)"
    " FROM service_offers o JOIN pioneers p ON p.id = o.pioneer_id"
    " WHERE o.item_id = $1 AND o.available = 1"
    " AND (o.available_until IS NULL OR o.available_until >= $4) AND p.status = 'active'", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, wanted->item_id);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_services_month_start ());
  xf_db_stmt_bind_int64 (stmt, 3, _xf_services_year_ago ());
  xf_db_stmt_bind_text (stmt, 4, today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfServiceMatch match = { 0, };
      Candidate candidate;
      double capacity = (double) MAX (xf_db_stmt_column_int64 (stmt, 6), 1);
      double load = (double) xf_db_stmt_column_int64 (stmt, 7);

      match.skills = skills_part (wanted, xf_db_stmt_column_text (stmt, 1));
      match.industry = industry_part (wanted, xf_db_stmt_column_text (stmt, 2));
      match.region = region_part (wanted, xf_db_stmt_column_text (stmt, 4), xf_db_stmt_column_text (stmt, 3),
                                  xf_db_stmt_column_text (stmt, 5));
      match.load = load >= capacity ? 0 : 1.0 - load / capacity;
      match.rating = xf_db_stmt_column_is_null (stmt, 8) ? 0.6 : xf_db_stmt_column_double (stmt, 8) / 5.0;
      candidate.pioneer_id = xf_db_stmt_column_int64 (stmt, 0);
      candidate.key = llround (xf_service_match_score (&match) * 1e9);
      candidate.parts[0] = match.skills;
      candidate.parts[1] = match.industry;
      candidate.parts[2] = match.region;
      candidate.parts[3] = match.load;
      candidate.parts[4] = match.rating;
      g_array_append_val (candidates, candidate);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  g_array_sort (candidates, compare_candidates);
  return g_steal_pointer (&candidates);
}

/* The names of the chosen few, by id. */
static gboolean
fill_names (XfServices      *self,
            XfServiceMatch  *match,
            GError         **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self, "SELECT uid, name, tier FROM pioneers WHERE id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, match->pioneer_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      match->pioneer_uid = xf_db_stmt_dup_text (stmt, 0);
      match->pioneer_name = xf_db_stmt_dup_text (stmt, 1);
      match->tier = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

GPtrArray *
xf_services_suggest (XfServices  *self,
                     gint64       request_id,
                     guint        limit,
                     GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_match_free);
  g_autoptr(GArray) candidates = NULL;
  Wanted wanted = { 0, };

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  if (!load_wanted (self, request_id, &wanted, error))
    {
      wanted_clear (&wanted);
      return NULL;
    }
  candidates = rank_candidates (self, &wanted, error);
  wanted_clear (&wanted);
  if (candidates == NULL)
    return NULL;
  for (guint i = 0; i < candidates->len && (limit == 0 || i < limit); i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      XfServiceMatch *match = g_new0 (XfServiceMatch, 1);

      match->pioneer_id = candidate->pioneer_id;
      match->skills = candidate->parts[0];
      match->industry = candidate->parts[1];
      match->region = candidate->parts[2];
      match->load = candidate->parts[3];
      match->rating = candidate->parts[4];
      xf_service_match_score (match);
      g_ptr_array_add (matches, match);
      if (!fill_names (self, match, error))
        return NULL;
    }
  return g_steal_pointer (&matches);
}
