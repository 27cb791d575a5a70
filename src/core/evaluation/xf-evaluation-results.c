/* xf-evaluation-results.c — a round's results, ties and closing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-campaigns-private.h"
#include "xf-evaluation-committee-private.h"

/*
 * Results are computed in C from two reads of the round: every score,
 * ordered by nomination and member (one pass builds each member's
 * weighted score per nomination, xf-vote-rule.h does the arithmetic), and
 * the votes counted per nomination by the database. Nothing is stored
 * until the chair closes the round.
 */

/* Final scores this close are one score (0–100 scale). */
#define SAME_SCORE_EPSILON 1e-9

void
xf_nomination_result_free (XfNominationResult *result)
{
  if (result == NULL)
    return;
  g_free (result->candidate_name);
  g_free (result);
}

void
xf_member_scores_free (XfMemberScores *scores)
{
  if (scores == NULL)
    return;
  g_free (scores->member_name);
  g_clear_pointer (&scores->scores, g_array_unref);
  g_free (scores->vote);
  g_free (scores);
}

void
_xf_computation_clear (XfComputation *c)
{
  if (c->entries != NULL)
    for (guint i = 0; i < c->entries->len; i++)
      xf_nomination_result_free (g_array_index (c->entries, XfResultEntry, i).result);
  g_clear_pointer (&c->entries, g_array_unref);
  g_clear_pointer (&c->members, g_array_unref);
  g_clear_pointer (&c->weighted, g_free);
  g_clear_pointer (&c->recused, g_free);
  g_clear_object (&c->campaign);
  g_clear_pointer (&c->round, xf_review_round_free);
}

static int
compare_id (const void *a,
            const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_entry_id (const void *key,
                  const void *element)
{
  gint64 id = *(const gint64 *) key;
  gint64 other = ((const XfResultEntry *) element)->result->nomination_id;

  return id < other ? -1 : id > other;
}

static int
entry_index (XfComputation *c,
             gint64         nomination_id)
{
  XfResultEntry *found = bsearch (&nomination_id, c->entries->data, c->entries->len,
                                  sizeof (XfResultEntry), compare_entry_id);

  return found == NULL ? -1 : (int) (found - (XfResultEntry *) c->entries->data);
}

static int
member_index (XfComputation *c,
              gint64         account_id)
{
  gint64 *found = bsearch (&account_id, c->members->data, c->members->len, sizeof (gint64),
                           compare_id);

  return found == NULL ? -1 : (int) (found - (gint64 *) c->members->data);
}

/* Nominations held by the round, with the chair's tie order. */
static gboolean
read_entries (XfEvaluation   *self,
              XfComputation  *c,
              GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT rn.nomination_id, p.name, rn.tie_order FROM round_nominations rn "
                                 "JOIN nominations n ON n.id = rn.nomination_id "
                                 "JOIN pioneers p ON p.id = n.pioneer_id "
                                 "WHERE rn.round_id = $1 AND " XF_ROUND_HOLDS " ORDER BY rn.nomination_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfResultEntry entry = { 0 };

      entry.result = g_new0 (XfNominationResult, 1);
      entry.result->nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      entry.result->candidate_name = xf_db_stmt_dup_text (stmt, 1);
      entry.tie_order = xf_db_stmt_column_int64 (stmt, 2);
      g_array_append_val (c->entries, entry);
    }
  xf_db_stmt_reset (stmt);
  if (step != XF_DB_STEP_DONE)
    return FALSE;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT account_id FROM campaign_members WHERE campaign_id = $1 "
                                 "ORDER BY account_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->campaign_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (c->members, id);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static gboolean
read_recusals (XfEvaluation   *self,
               XfComputation  *c,
               GError        **error)
{
  gint64 actor = _xf_evaluation_actor_id (self);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT nomination_id, account_id FROM review_declarations "
                                 "WHERE round_id = $1 AND conflict = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      int e = entry_index (c, xf_db_stmt_column_int64 (stmt, 0));
      gint64 account = xf_db_stmt_column_int64 (stmt, 1);
      int m = member_index (c, account);

      if (e < 0 || m < 0)
        continue;
      c->recused[(gsize) m * c->entries->len + e] = TRUE;
      g_array_index (c->entries, XfResultEntry, e).result->votes.recused++;
      if (account == actor)
        g_array_index (c->entries, XfResultEntry, e).actor_recused = TRUE;
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/* The one read of every score: rows come by nomination, then member, so
 * each member's sheet is complete when the pair changes. */
static gboolean
read_scores (XfEvaluation   *self,
             XfComputation  *c,
             GError        **error)
{
  GPtrArray *rubric = xf_campaign_get_rubric (c->campaign);
  guint n_criteria = rubric->len;
  g_autofree double *sheet = g_new (double, MAX (n_criteria, 1));
  gint64 nomination = -1, account = -1;
  int e = -1, m = -1;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT nomination_id, account_id, criterion, score FROM review_scores "
                                 "WHERE round_id = $1 ORDER BY nomination_id, account_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->id);

#define FLUSH_SHEET() \
  G_STMT_START { \
    if (e >= 0 && m >= 0 && !c->recused[(gsize) m * c->entries->len + e]) \
      c->weighted[(gsize) m * c->entries->len + e] = \
        xf_score_weighted ((const XfCriterion * const *) rubric->pdata, n_criteria, sheet); \
  } G_STMT_END

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 row_nomination = xf_db_stmt_column_int64 (stmt, 0);
      gint64 row_account = xf_db_stmt_column_int64 (stmt, 1);
      const char *code;

      if (row_nomination != nomination || row_account != account)
        {
          FLUSH_SHEET ();
          if (row_nomination != nomination)
            e = entry_index (c, row_nomination);
          m = member_index (c, row_account);
          nomination = row_nomination;
          account = row_account;
          for (guint i = 0; i < n_criteria; i++)
            sheet[i] = NAN;
        }
      if (e < 0 || m < 0)
        continue;
      code = xf_db_stmt_column_text (stmt, 2);
      for (guint i = 0; i < n_criteria; i++)
        if (g_strcmp0 (((XfCriterion *) rubric->pdata[i])->code, code) == 0)
          {
            sheet[i] = xf_db_stmt_column_double (stmt, 3);
            break;
          }
    }
  if (step == XF_DB_STEP_DONE)
    FLUSH_SHEET ();
#undef FLUSH_SHEET
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static gboolean
read_votes (XfEvaluation   *self,
            XfComputation  *c,
            gboolean        actors_votes,
            GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT nomination_id, vote, count(*) FROM review_votes "
                                 "WHERE round_id = $1 GROUP BY nomination_id, vote",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      int e = entry_index (c, xf_db_stmt_column_int64 (stmt, 0));
      const char *vote = xf_db_stmt_column_text (stmt, 1);
      guint n = (guint) xf_db_stmt_column_int64 (stmt, 2);
      XfVoteCount *votes;

      if (e < 0)
        continue;
      votes = &g_array_index (c->entries, XfResultEntry, e).result->votes;
      if (g_strcmp0 (vote, "for") == 0)
        votes->votes_for += n;
      else if (g_strcmp0 (vote, "against") == 0)
        votes->votes_against += n;
      else
        votes->abstentions += n;
    }
  xf_db_stmt_reset (stmt);
  if (step != XF_DB_STEP_DONE || !actors_votes)
    return step == XF_DB_STEP_DONE;

  /* What a member has voted on decides what he or she may see. */
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT nomination_id FROM review_votes WHERE round_id = $1 AND account_id = $2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, c->round->id);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_evaluation_actor_id (self));
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      int e = entry_index (c, xf_db_stmt_column_int64 (stmt, 0));

      if (e >= 0)
        g_array_index (c->entries, XfResultEntry, e).actor_voted = TRUE;
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/* Scores and the vote rule, per nomination. */
static void
aggregate (XfComputation *c)
{
  guint n = c->entries->len, n_members = c->members->len;
  g_autofree double *values = g_new (double, MAX (n_members, 1));
  g_autofree double *z = NULL;
  XfVoteRule rule;

  xf_campaign_get_quorum (c->campaign, &rule.quorum_num, &rule.quorum_den);
  xf_campaign_get_pass (c->campaign, &rule.pass_num, &rule.pass_den);

  if (c->normalise && n > 0)
    {
      z = g_memdup2 (c->weighted, sizeof (double) * n_members * n);
      xf_score_normalise_z (z, n_members, n);
    }

  for (guint e = 0; e < n; e++)
    {
      XfNominationResult *result = g_array_index (c->entries, XfResultEntry, e).result;
      guint k = 0;

      for (guint m = 0; m < n_members; m++)
        if (!isnan (c->weighted[(gsize) m * n + e]))
          values[k++] = c->weighted[(gsize) m * n + e];
      result->n_scored = k;
      result->mean = xf_score_mean (values, k);
      result->trimmed_mean = xf_score_trimmed_mean (values, k);
      result->spread = xf_score_spread (values, k);
      result->normalised = NAN;
      if (z != NULL)
        {
          k = 0;
          for (guint m = 0; m < n_members; m++)
            if (!isnan (z[(gsize) m * n + e]))
              values[k++] = z[(gsize) m * n + e];
          /* Reported as a T-score: 50 + 10·z. */
          if (k > 0)
            result->normalised = 50 + 10 * xf_score_aggregate (c->aggregation, values, k);
        }
      result->final_score = c->normalise ? result->normalised
                            : g_strcmp0 (c->aggregation, "trimmed-mean") == 0 ? result->trimmed_mean
                            : result->mean;

      result->votes.members = n_members;
      result->outcome = xf_vote_rule_apply (&rule, &result->votes);
      result->quorum_met = result->outcome != XF_VOTE_NO_QUORUM;
    }
}

static gboolean
same_place (const XfResultEntry *a,
            const XfResultEntry *b,
            gboolean     by_votes)
{
  double x = a->result->final_score, y = b->result->final_score;

  if (!(isnan (x) && isnan (y)) && !(fabs (x - y) <= SAME_SCORE_EPSILON))
    return FALSE;
  return !by_votes || a->result->votes.votes_for == b->result->votes.votes_for;
}

/* Passing first, by final score (higher first, none last), then — under
 * the "votes" tie rule — more votes for, then the chair's order, then
 * id for a stable order; the others after, by score. */
static int
compare_rank (gconstpointer pa,
              gconstpointer pb,
              gpointer      user_data)
{
  const XfResultEntry *a = pa, *b = pb;
  gboolean by_votes = GPOINTER_TO_INT (user_data);
  gboolean pass_a = a->result->outcome == XF_VOTE_PASSED;
  gboolean pass_b = b->result->outcome == XF_VOTE_PASSED;
  double x = a->result->final_score, y = b->result->final_score;

  if (pass_a != pass_b)
    return pass_a ? -1 : 1;
  if (isnan (x) != isnan (y))
    return isnan (x) ? 1 : -1;
  if (!isnan (x) && fabs (x - y) > SAME_SCORE_EPSILON)
    return x > y ? -1 : 1;
  if (pass_a && by_votes && a->result->votes.votes_for != b->result->votes.votes_for)
    return a->result->votes.votes_for > b->result->votes.votes_for ? -1 : 1;
  if (pass_a && (a->tie_order != 0) != (b->tie_order != 0))
    return a->tie_order != 0 ? -1 : 1;
  if (pass_a && a->tie_order != b->tie_order)
    return a->tie_order < b->tie_order ? -1 : 1;
  return a->result->nomination_id < b->result->nomination_id ? -1
         : a->result->nomination_id > b->result->nomination_id;
}

/* Ranks those passing the rule; a group in the same place that straddles
 * the quota line is a tie, unless the chair ordered all of it. */
void
_xf_computation_rank (XfComputation *c,
                      GPtrArray     *out)
{
  guint quota = (guint) MAX (xf_campaign_get_quota (c->campaign), 0);
  XfResultEntry *entries = (XfResultEntry *) c->entries->data;
  guint n = c->entries->len, n_passing = 0;
  gboolean by_votes = g_strcmp0 (xf_campaign_get_tie_rule (c->campaign), "votes") == 0;

  g_qsort_with_data (entries, (gint) n, sizeof (XfResultEntry), compare_rank, GINT_TO_POINTER (by_votes));
  while (n_passing < n && entries[n_passing].result->outcome == XF_VOTE_PASSED)
    n_passing++;

  for (guint start = 0, end; start < n_passing; start = end)
    {
      gboolean tied = FALSE;

      for (end = start + 1; end < n_passing && same_place (&entries[start], &entries[end], by_votes); end++)
        ;
      if (end - start > 1 && start < quota && end > quota)
        for (guint i = start; i < end; i++)
          tied |= entries[i].tie_order == 0;
      for (guint i = start; i < end; i++)
        {
          XfNominationResult *result = entries[i].result;

          /* Unresolved, they share the group's place and none is in yet. */
          result->tied = tied;
          result->rank = tied ? start + 1 : i + 1;
          result->within_quota = !tied && result->rank <= quota;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (out, entries[i].result);
      entries[i].result = NULL;
    }
  g_array_set_size (c->entries, 0);
}

/* Everything about the round's results, with every score visible; then
 * _xf_computation_rank() orders them. */
gboolean
_xf_computation_run (XfEvaluation  *self,
                     XfComputation *c,
                     gint64         round_id,
                     char         **round_uid,
                     gboolean       actors_view,
                     GError       **error)
{
  gsize cells;

  c->round = _xf_committee_load_round (self, round_id, round_uid, error);
  if (c->round == NULL)
    return FALSE;
  c->campaign = _xf_evaluation_load_campaign (self, c->round->campaign_id, error);
  if (c->campaign == NULL)
    return FALSE;
  /* A closed round keeps the choice it was closed with. */
  if (g_strcmp0 (c->round->status, "closed") == 0)
    {
      c->aggregation = c->round->aggregation;
      c->normalise = c->round->normalise;
    }
  else
    {
      c->aggregation = xf_campaign_get_aggregation (c->campaign);
      c->normalise = xf_campaign_get_normalise (c->campaign);
    }

  c->entries = g_array_new (FALSE, TRUE, sizeof (XfResultEntry));
  c->members = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!read_entries (self, c, error))
    return FALSE;
  cells = (gsize) c->members->len * c->entries->len;
  c->weighted = g_new (double, MAX (cells, 1));
  for (gsize i = 0; i < cells; i++)
    c->weighted[i] = NAN;
  c->recused = g_new0 (gboolean, MAX (cells, 1));

  if (!read_recusals (self, c, error)
      || !read_scores (self, c, error)
      || !read_votes (self, c, actors_view, error))
    return FALSE;
  aggregate (c);
  return TRUE;
}

/* Chair, campaign managers: everything, but where recused. */
gboolean
_xf_committee_sees_all (XfEvaluation *self,
                        gint64        campaign_id)
{
  gboolean is_chair = FALSE;

  if (xf_permission_allows_somewhere (xf_evaluation_get_actor (self), XF_OP_CAMPAIGN_MANAGE))
    return TRUE;
  return _xf_committee_membership (self, campaign_id, &is_chair) && is_chair;
}

static void
hide (XfNominationResult *result)
{
  /* The members and recusals are progress, not opinion: they stay. */
  result->votes.votes_for = result->votes.votes_against = result->votes.abstentions = 0;
  result->outcome = XF_VOTE_NO_QUORUM;
  result->quorum_met = FALSE;
  result->mean = result->trimmed_mean = result->normalised = NAN;
  result->final_score = result->spread = NAN;
  result->rank = 0;
  result->within_quota = FALSE;
  result->tied = FALSE;
  result->scores_hidden = TRUE;
}

GPtrArray *
xf_evaluation_compute_results (XfEvaluation  *self,
                               gint64         round_id,
                               GError       **error)
{
  g_auto(XfComputation) c = { 0 };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) hidden = NULL;
  gboolean all, member, closed;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error)
      || !_xf_computation_run (self, &c, round_id, NULL, TRUE, error))
    return NULL;

  /* A member sees others' opinions of a nomination once he or she has
   * voted on it (so as not to be swayed) and never where recused, the
   * chair included; anyone else once the round is closed. */
  all = _xf_committee_sees_all (self, c.round->campaign_id);
  member = _xf_committee_membership (self, c.round->campaign_id, NULL);
  closed = g_strcmp0 (c.round->status, "closed") == 0;
  hidden = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < c.entries->len; i++)
    {
      XfResultEntry *entry = &g_array_index (c.entries, XfResultEntry, i);
      gboolean visible = entry->actor_recused ? FALSE
                         : all ? TRUE
                         : member ? closed || entry->actor_voted
                         : closed;

      if (!visible)
        g_hash_table_add (hidden, &entry->result->nomination_id);
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_nomination_result_free);
  _xf_computation_rank (&c, results);
  for (guint i = 0; i < results->len; i++)
    {
      XfNominationResult *result = g_ptr_array_index (results, i);

      if (g_hash_table_contains (hidden, &result->nomination_id))
        hide (result);
    }
  return g_steal_pointer (&results);
}

/*
 * One nomination's score sheets
 */

static gboolean
check_may_see_scores (XfEvaluation   *self,
                      XfReviewRound  *round,
                      gint64          nomination_id,
                      GError        **error)
{
  gint64 actor = _xf_evaluation_actor_id (self);
  gboolean closed = g_strcmp0 (round->status, "closed") == 0;
  gboolean recused = FALSE, voted = FALSE;
  XfDbStmt *stmt;

  /* Recusal comes first: it binds the chair as much as any member. */
  if (!_xf_committee_membership (self, round->campaign_id, NULL))
    {
      if (closed || _xf_committee_sees_all (self, round->campaign_id))
        return TRUE;
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                   _("The committee's scores are shown once the review round is closed"));
      return FALSE;
    }

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT (SELECT count(*) FROM review_declarations WHERE round_id = $1 "
                                 "AND nomination_id = $2 AND account_id = $3 AND conflict = 1), "
                                 "(SELECT count(*) FROM review_votes WHERE round_id = $1 "
                                 "AND nomination_id = $2 AND account_id = $3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, round->id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  xf_db_stmt_bind_int64 (stmt, 3, actor);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    {
      xf_db_stmt_reset (stmt);
      return FALSE;
    }
  recused = xf_db_stmt_column_int64 (stmt, 0) > 0;
  voted = xf_db_stmt_column_int64 (stmt, 1) > 0;
  xf_db_stmt_reset (stmt);

  if (recused)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                   _("You are recused from this nomination and may not see the other members' scores"));
      return FALSE;
    }
  if (_xf_committee_sees_all (self, round->campaign_id))
    return TRUE;
  if (!voted && !closed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                   _("You will see the other members' scores once you have voted"));
      return FALSE;
    }
  return TRUE;
}

static XfMemberScores *
find_sheet (GPtrArray *sheets,
            gint64     account_id)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      XfMemberScores *sheet = g_ptr_array_index (sheets, i);

      if (sheet->account_id == account_id)
        return sheet;
    }
  return NULL;
}

/* Members as the committee is listed, each with an empty sheet. */
static GPtrArray *
read_sheets (XfEvaluation  *self,
             gint64         campaign_id,
             guint          n_criteria,
             GError       **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_member_scores_free);
  g_autoptr(GPtrArray) members = _xf_evaluation_load_committee (self, campaign_id, error);

  if (members == NULL)
    return NULL;
  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (members, i);
      XfMemberScores *sheet = g_new0 (XfMemberScores, 1);
      double none = NAN;

      sheet->account_id = member->account_id;
      sheet->member_name = g_strdup (_xf_committee_member_name (member));
      sheet->scores = g_array_sized_new (FALSE, FALSE, sizeof (double), n_criteria);
      for (guint j = 0; j < n_criteria; j++)
        g_array_append_val (sheet->scores, none);
      sheet->weighted = NAN;
      g_ptr_array_add (sheets, sheet);
    }
  return g_steal_pointer (&sheets);
}

GPtrArray *
xf_evaluation_list_scores (XfEvaluation  *self,
                           gint64         round_id,
                           gint64         nomination_id,
                           GError       **error)
{
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GArray) held = NULL;
  GPtrArray *rubric;
  gboolean found = FALSE;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  round = _xf_committee_load_round (self, round_id, NULL, error);
  if (round == NULL || !check_may_see_scores (self, round, nomination_id, error))
    return NULL;
  held = xf_evaluation_list_round_nominations (self, round_id, error);
  if (held == NULL)
    return NULL;
  for (guint i = 0; i < held->len && !found; i++)
    found = g_array_index (held, gint64, i) == nomination_id;
  if (!found)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                   _("Nomination %lld is not in review round %d"),
                   (long long) nomination_id, round->number);
      return NULL;
    }
  campaign = _xf_evaluation_load_campaign (self, round->campaign_id, error);
  if (campaign == NULL)
    return NULL;
  rubric = xf_campaign_get_rubric (campaign);
  sheets = read_sheets (self, round->campaign_id, rubric->len, error);
  if (sheets == NULL)
    return NULL;

  /* Declarations, scores and votes of this nomination, in one statement. */
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT account_id, 'recused', NULL, 0 FROM review_declarations "
                                 "WHERE round_id = $1 AND nomination_id = $2 AND conflict = 1 "
                                 "UNION ALL SELECT account_id, 'score', criterion, score FROM review_scores "
                                 "WHERE round_id = $1 AND nomination_id = $2 "
                                 "UNION ALL SELECT account_id, 'vote', vote, 0 FROM review_votes "
                                 "WHERE round_id = $1 AND nomination_id = $2",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, round_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfMemberScores *sheet = find_sheet (sheets, xf_db_stmt_column_int64 (stmt, 0));
      const char *kind = xf_db_stmt_column_text (stmt, 1);
      const char *text = xf_db_stmt_column_text (stmt, 2);

      if (sheet == NULL)
        continue;
      if (g_strcmp0 (kind, "recused") == 0)
        sheet->recused = TRUE;
      else if (g_strcmp0 (kind, "vote") == 0)
        {
          g_free (sheet->vote);
          sheet->vote = g_strdup (text);
        }
      else
        for (guint i = 0; i < rubric->len; i++)
          if (g_strcmp0 (((XfCriterion *) g_ptr_array_index (rubric, i))->code, text) == 0)
            g_array_index (sheet->scores, double, i) = xf_db_stmt_column_double (stmt, 3);
    }
  xf_db_stmt_reset (stmt);
  if (step != XF_DB_STEP_DONE)
    return NULL;

  for (guint i = 0; i < sheets->len; i++)
    {
      XfMemberScores *sheet = g_ptr_array_index (sheets, i);

      sheet->weighted = xf_score_weighted ((const XfCriterion * const *) rubric->pdata, rubric->len,
                                           (const double *) sheet->scores->data);
    }
  return g_steal_pointer (&sheets);
}
