/* xf-evaluation-conflicts.c — conflicts of interest between a committee and nominations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-campaigns-private.h"

/*
 * Automatic conflicts compare what members stated (employer, unit,
 * relatives) with the candidate's file and the nominating unit. The
 * candidate's identity number is read here unmasked on purpose: a reviewer
 * opening a round may not see it, yet a relative named by identity number
 * must still be found.
 */

void
xf_conflict_free (XfConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->member_name);
  g_free (conflict->candidate_name);
  g_free (conflict->kind);
  g_free (conflict->reason);
  g_free (conflict);
}

/* What the checks compare of one nomination. */
typedef struct
{
  gint64      nomination_id;
  const char *name;
  const char *employer;
  const char *id_number;
  const char *unit;
} Candidate;

/* Equal once surrounding blanks are left out; empty text matches nothing. */
static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *left = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *right = g_strstrip (g_strdup (b != NULL ? b : ""));

  return left[0] != '\0' && g_str_equal (left, right);
}

static void
add_conflict (GPtrArray         *conflicts,
              XfCommitteeMember *member,
              const Candidate   *candidate,
              const char        *kind,
              char              *reason)
{
  XfConflict *conflict = g_new0 (XfConflict, 1);

  conflict->account_id = member->account_id;
  conflict->member_name = g_strdup (_xf_committee_member_name (member));
  conflict->nomination_id = candidate->nomination_id;
  conflict->candidate_name = g_strdup (candidate->name);
  conflict->kind = g_strdup (kind);
  conflict->reason = reason;
  g_ptr_array_add (conflicts, conflict);
}

/* A line of the member's relatives names the candidate, by name or by
 * identity number (the check letter X in either case). */
static gboolean
names_relative (XfCommitteeMember *member,
                const Candidate   *candidate)
{
  g_auto(GStrv) lines = NULL;

  if (member->relatives == NULL)
    return FALSE;
  lines = g_strsplit_set (member->relatives, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;
      if (same_text (line, candidate->name))
        return TRUE;
      if (candidate->id_number != NULL && g_ascii_strcasecmp (line, candidate->id_number) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
detect (GPtrArray       *members,
        const Candidate *candidate,
        GPtrArray       *conflicts)
{
  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (members, i);

      if (same_text (member->employer, candidate->employer))
        add_conflict (conflicts, member, candidate, "employer",
                      g_strdup_printf (_("%s works for %s, the employer of %s"),
                                       _xf_committee_member_name (member), candidate->employer, candidate->name));
      if (same_text (member->unit, candidate->unit))
        add_conflict (conflicts, member, candidate, "unit",
                      g_strdup_printf (_("%s belongs to %s, which nominated %s"),
                                       _xf_committee_member_name (member), candidate->unit, candidate->name));
      if (names_relative (member, candidate))
        add_conflict (conflicts, member, candidate, "relative",
                      g_strdup_printf (_("%s declared %s a relative"),
                                       _xf_committee_member_name (member), candidate->name));
    }
}

GPtrArray *
_xf_evaluation_detect_conflicts (XfEvaluation  *self,
                                 GPtrArray     *members,
                                 XfNomination  *nomination,
                                 GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_conflict_free);
  g_autofree char *name = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *id_number = NULL;
  Candidate candidate = { 0, };
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self, "SELECT name, employer, id_number FROM pioneers WHERE id = $1",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, xf_nomination_get_pioneer_id (nomination));
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      name = xf_db_stmt_dup_text (stmt, 0);
      employer = xf_db_stmt_dup_text (stmt, 1);
      id_number = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      _xf_evaluation_set_not_found (error, _("Pioneer"), xf_nomination_get_pioneer_id (nomination));
      return NULL;
    }

  candidate.nomination_id = xf_nomination_get_id (nomination);
  candidate.name = name;
  candidate.employer = employer;
  candidate.id_number = id_number;
  candidate.unit = xf_nomination_get_nominating_unit (nomination);
  detect (members, &candidate, conflicts);
  return g_steal_pointer (&conflicts);
}

/* The automatic conflicts of every nomination under way (or only @nomination_id). */
static gboolean
list_automatic (XfEvaluation  *self,
                gint64         campaign_id,
                gint64         nomination_id,
                GPtrArray     *members,
                GPtrArray     *conflicts,
                GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT n.id, p.name, p.employer, p.id_number, n.nominating_unit "
                                 "FROM nominations n JOIN pioneers p ON p.id = n.pioneer_id "
                                 "WHERE n.campaign_id = $1 AND ($2 = 0 OR n.id = $2) "
                                 "AND n.stage NOT IN " XF_FINAL_STAGES_SQL " ORDER BY n.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Candidate candidate = {
        .nomination_id = xf_db_stmt_column_int64 (stmt, 0),
        .name = xf_db_stmt_column_text (stmt, 1),
        .employer = xf_db_stmt_column_text (stmt, 2),
        .id_number = xf_db_stmt_column_text (stmt, 3),
        .unit = xf_db_stmt_column_text (stmt, 4),
      };

      detect (members, &candidate, conflicts);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

/* Members' own declarations of a conflict, in any round of the campaign. */
static gboolean
list_declared (XfEvaluation  *self,
               gint64         campaign_id,
               gint64         nomination_id,
               GPtrArray     *conflicts,
               GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT d.account_id, a.login, a.display_name, d.nomination_id, "
                                 "p.name, d.reason "
                                 "FROM review_declarations d "
                                 "JOIN review_rounds r ON r.id = d.round_id "
                                 "JOIN nominations n ON n.id = d.nomination_id "
                                 "JOIN pioneers p ON p.id = n.pioneer_id "
                                 "JOIN accounts a ON a.id = d.account_id "
                                 "WHERE r.campaign_id = $1 AND ($2 = 0 OR d.nomination_id = $2) "
                                 "AND d.conflict <> 0 AND d.automatic = 0 "
                                 "AND n.stage NOT IN " XF_FINAL_STAGES_SQL " "
                                 "ORDER BY d.nomination_id, a.login, r.number",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autoptr(XfCommitteeMember) member = xf_committee_member_new (xf_db_stmt_column_int64 (stmt, 0),
                                                                     FALSE);
      Candidate candidate = {
        .nomination_id = xf_db_stmt_column_int64 (stmt, 3),
        .name = xf_db_stmt_column_text (stmt, 4),
      };
      const char *reason = xf_db_stmt_column_text (stmt, 5);

      member->login = xf_db_stmt_dup_text (stmt, 1);
      member->display_name = xf_db_stmt_dup_text (stmt, 2);
      add_conflict (conflicts, member, &candidate, "declared",
                    g_strdup_printf (_("%s declared a conflict with %s: %s"),
                                     _xf_committee_member_name (member), candidate.name, reason != NULL ? reason : ""));
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static int
by_nomination (gconstpointer a,
               gconstpointer b)
{
  const XfConflict *left = *(XfConflict * const *) a;
  const XfConflict *right = *(XfConflict * const *) b;

  return (left->nomination_id > right->nomination_id) - (left->nomination_id < right->nomination_id);
}

GPtrArray *
xf_evaluation_list_conflicts (XfEvaluation  *self,
                              gint64         campaign_id,
                              gint64         nomination_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_conflict_free);
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  /* Those who manage campaigns, and the committee itself (its chair
   * opens rounds with them). */
  if (!xf_evaluation_is_member (self, campaign_id, NULL) &&
      !_xf_evaluation_check_anywhere (self, XF_OP_CAMPAIGN_MANAGE, error))
    return NULL;
  campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  members = _xf_evaluation_load_committee (self, campaign_id, error);
  if (members == NULL ||
      !list_automatic (self, campaign_id, nomination_id, members, conflicts, error) ||
      !list_declared (self, campaign_id, nomination_id, conflicts, error))
    return NULL;
  /* Stable: per nomination, the automatic ones in committee order, then the declared. */
  g_ptr_array_sort (conflicts, by_nomination);
  return g_steal_pointer (&conflicts);
}
