/* xf-evaluation-members.c — a campaign's committee
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-campaign-private.h"
#include "xf-error.h"
#include "xf-evaluation-campaigns-private.h"
#include "xf-evaluation-committee-private.h"

GPtrArray *
_xf_evaluation_load_committee (XfEvaluation  *self,
                               gint64         campaign_id,
                               GError       **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT m.account_id, a.login, a.display_name, m.is_chair, "
                                 "m.employer, m.unit, m.relatives "
                                 "FROM campaign_members m JOIN accounts a ON a.id = m.account_id "
                                 "WHERE m.campaign_id = $1 ORDER BY m.is_chair DESC, a.login",
                                 error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, campaign_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfCommitteeMember *member = xf_committee_member_new (xf_db_stmt_column_int64 (stmt, 0),
                                                           xf_db_stmt_column_int64 (stmt, 3) != 0);

      member->login = xf_db_stmt_dup_text (stmt, 1);
      member->display_name = xf_db_stmt_dup_text (stmt, 2);
      member->employer = xf_db_stmt_dup_text (stmt, 4);
      member->unit = xf_db_stmt_dup_text (stmt, 5);
      member->relatives = xf_db_stmt_dup_text (stmt, 6);
      g_ptr_array_add (members, member);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&members);
}

const char *
_xf_committee_member_name (const XfCommitteeMember *member)
{
  if (member->display_name != NULL && member->display_name[0] != '\0')
    return member->display_name;
  return member->login != NULL ? member->login : "";
}

gboolean
_xf_evaluation_check_member (XfEvaluation       *self,
                             XfCommitteeMember  *member,
                             GError            **error)
{
  const char *label = xf_campaign_field_label ("committee");
  g_autofree char *login = NULL;
  g_autofree char *display_name = NULL;
  gboolean disabled = FALSE;
  gint64 qualifying;
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
                                 "SELECT login, display_name, disabled FROM accounts WHERE id = $1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, member->account_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      login = xf_db_stmt_dup_text (stmt, 0);
      display_name = xf_db_stmt_dup_text (stmt, 1);
      disabled = xf_db_stmt_column_int64 (stmt, 2) != 0;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_DONE)
    return _xf_campaign_invalid (error, _("%s: account number %lld does not exist"),
                                 label, (long long) member->account_id);
  if (disabled)
    return _xf_campaign_invalid (error, _("%s: the account “%s” is disabled"), label, login);

  /* The role is read from the grants: the account's own object may be stale. */
  stmt = _xf_evaluation_prepare (self,
                                 "SELECT count(*) FROM account_grants WHERE account_id = $1 "
                                 "AND role IN ('reviewer', 'administrator')",
                                 error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, member->account_id);
  step = xf_db_stmt_step (stmt, error);
  qualifying = step == XF_DB_STEP_ROW ? xf_db_stmt_column_int64 (stmt, 0) : 0;
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (qualifying == 0)
    return _xf_campaign_invalid (error,
                                 _("%s: “%s” holds neither the reviewer nor the administrator role"),
                                 label, login);

  g_free (member->login);
  member->login = g_steal_pointer (&login);
  g_free (member->display_name);
  member->display_name = g_steal_pointer (&display_name);
  return TRUE;
}

/* As the committee is listed: the chair first, then by login. */
static int
listing_order (gconstpointer a,
               gconstpointer b)
{
  const XfCommitteeMember *left = *(XfCommitteeMember * const *) a;
  const XfCommitteeMember *right = *(XfCommitteeMember * const *) b;

  if (left->is_chair != right->is_chair)
    return left->is_chair ? -1 : 1;
  return g_strcmp0 (left->login, right->login);
}

/* The committee as one text for the audit trail, a line per member in
 * listing order, so that the same committee given in another order is no
 * change. */
static char *
describe_committee (GPtrArray *members)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; members != NULL && i < members->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (members, i));
  g_ptr_array_sort (sorted, listing_order);
  for (guint i = 0; i < sorted->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (sorted, i);
      g_autofree char *relatives = g_strdup (member->relatives);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, member->login != NULL ? member->login : "?");
      if (member->is_chair)
        g_string_append (text, " (chair)");
      if (member->employer != NULL && member->employer[0] != '\0')
        g_string_append_printf (text, "; employer: %s", member->employer);
      if (member->unit != NULL && member->unit[0] != '\0')
        g_string_append_printf (text, "; unit: %s", member->unit);
      if (relatives != NULL && relatives[0] != '\0')
        g_string_append_printf (text, "; relatives: %s", g_strdelimit (relatives, "\r\n", ','));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
_xf_evaluation_write_committee (XfEvaluation  *self,
                                XfCampaign    *campaign,
                                GPtrArray     *old_members,
                                GPtrArray     *members,
                                GError       **error)
{
  g_autofree char *before = describe_committee (old_members);
  g_autofree char *after = NULL;
  XfDbStmt *stmt;

  stmt = _xf_evaluation_prepare (self, "DELETE FROM campaign_members WHERE campaign_id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, xf_campaign_get_id (campaign));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (members, i);

      stmt = _xf_evaluation_prepare (self,
                                     "INSERT INTO campaign_members (campaign_id, account_id, is_chair, "
                                     "employer, unit, relatives) VALUES ($1, $2, $3, $4, $5, $6)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, xf_campaign_get_id (campaign));
      xf_db_stmt_bind_int64 (stmt, 2, member->account_id);
      xf_db_stmt_bind_int64 (stmt, 3, member->is_chair ? 1 : 0);
      xf_db_stmt_bind_text (stmt, 4, member->employer != NULL ? g_strstrip (member->employer) : "");
      xf_db_stmt_bind_text (stmt, 5, member->unit != NULL ? g_strstrip (member->unit) : "");
      xf_db_stmt_bind_text (stmt, 6, member->relatives != NULL ? g_strstrip (member->relatives) : "");
      if (!xf_db_stmt_run (stmt, error))
        return FALSE;
    }
  after = describe_committee (members);
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  return _xf_evaluation_audit (self, XF_AUDIT_COMMITTEE, "campaign", xf_campaign_get_uid (campaign),
                               xf_campaign_get_title (campaign), "committee", before, after, error);
}

/* The rules a list of members must follow before any of it is written. */
static gboolean
check_members (GPtrArray  *members,
               GError    **error)
{
  const char *label = xf_campaign_field_label ("committee");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint chairs = 0;

  /* An empty committee is allowed: it clears one set by mistake. */
  if (members->len == 0)
    return TRUE;
  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (members, i);

      if (member == NULL)
        return _xf_campaign_invalid (error, _("%s: member %u is missing"), label, i + 1);
      if (!g_hash_table_add (seen, &member->account_id))
        return _xf_campaign_invalid (error, _("%s: account number %lld is named twice"),
                                     label, (long long) member->account_id);
      if (member->is_chair)
        chairs++;
    }
  if (chairs != 1)
    return _xf_campaign_invalid (error, _("%s needs exactly one chair, not %u"), label, chairs);
  return TRUE;
}

gboolean
xf_evaluation_set_committee (XfEvaluation  *self,
                             gint64         campaign_id,
                             GPtrArray     *members,
                             GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) old_members = NULL;
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  gint64 round_number;

  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_CAMPAIGN_MANAGE, error))
    return FALSE;
  if (members == NULL)
    return _xf_campaign_invalid (error, _("%s: no list of members was given"),
                                 xf_campaign_field_label ("committee"));
  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (checked, xf_committee_member_copy (g_ptr_array_index (members, i)));
  if (!check_members (checked, error))
    return FALSE;

  if (!_xf_evaluation_begin (self, error))
    return FALSE;
  /* Held, so that no round opens while the committee changes. */
  if (!_xf_evaluation_lock (self, "campaigns", campaign_id, error))
    goto failed;
  campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (campaign == NULL
      || !_xf_committee_open_round_number (self, campaign_id, &round_number, error))
    goto failed;
  if (round_number != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("The committee of “%s” cannot change while review round %lld is open"),
                   xf_campaign_get_title (campaign), (long long) round_number);
      goto failed;
    }
  for (guint i = 0; i < checked->len; i++)
    if (!_xf_evaluation_check_member (self, g_ptr_array_index (checked, i), error))
      goto failed;
  old_members = _xf_evaluation_load_committee (self, campaign_id, error);
  if (old_members == NULL ||
      !_xf_evaluation_write_committee (self, campaign, old_members, checked, error))
    goto failed;
  if (!_xf_evaluation_commit (self, error))
    return FALSE;
  _xf_evaluation_emit_changed (self, campaign_id, 0);
  return TRUE;

failed:
  _xf_evaluation_rollback (self);
  return FALSE;
}

void
_xf_evaluation_withhold_relatives (XfEvaluation *self,
                                   GPtrArray    *members)
{
  if (xf_permission_allows_somewhere (xf_evaluation_get_actor (self), XF_OP_CAMPAIGN_MANAGE))
    return;
  for (guint i = 0; i < members->len; i++)
    g_clear_pointer (&((XfCommitteeMember *) g_ptr_array_index (members, i))->relatives, g_free);
}

GPtrArray *
xf_evaluation_list_committee (XfEvaluation  *self,
                              gint64         campaign_id,
                              GError       **error)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;
  campaign = _xf_evaluation_load_campaign (self, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  members = _xf_evaluation_load_committee (self, campaign_id, error);
  if (members == NULL)
    return NULL;
  _xf_evaluation_withhold_relatives (self, members);
  return g_steal_pointer (&members);
}

gboolean
xf_evaluation_is_member (XfEvaluation *self,
                         gint64        campaign_id,
                         gboolean     *is_chair)
{
  g_return_val_if_fail (XF_IS_EVALUATION (self), FALSE);

  /* A disabled account may do nothing, on a committee or not. */
  if (xf_account_get_disabled (xf_evaluation_get_actor (self)))
    {
      if (is_chair != NULL)
        *is_chair = FALSE;
      return FALSE;
    }
  return _xf_committee_membership (self, campaign_id, is_chair);
}
