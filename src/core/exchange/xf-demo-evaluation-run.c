/* xf-demo-evaluation-run.c — the demo's events, through the repository
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-demo-evaluation-private.h"
#include "xf-error.h"

/*
 * Each event as the account that would do it: the clerk saves, submits and
 * vets; the chair opens, reminds and closes rounds; each member declares,
 * scores and votes; the administrator decides and closes campaigns.
 */

static gboolean
save_nomination (Demo            *demo,
                 DemoNomination  *nomination,
                 GError         **error)
{
  XfEvaluation *clerk = _xf_demo_evaluation_as (demo, "clerk", error);
  g_autoptr(XfNomination) record = NULL;

  if (clerk == NULL)
    return FALSE;
  record = xf_nomination_new (nomination->campaign->id, nomination->pioneer_id, nomination->unit);
  xf_nomination_set_case_text (record, nomination->case_text);
  xf_nomination_set_unit_contact (record, nomination->contact);
  xf_nomination_set_service_since (record, nomination->service_since);
  if (!xf_evaluation_save_nomination (clerk, record, NULL, error))
    return FALSE;
  nomination->id = xf_nomination_get_id (record);
  g_hash_table_insert (demo->by_id, &nomination->id, nomination);

  if (nomination->with_material)
    {
      g_autofree char *text = g_strdup_printf ("%s推荐表\n\n候选人：%s\n推荐单位：%s\n联系人：%s\n\n%s\n",
                                               xf_campaign_get_title (nomination->campaign->campaign),
                                               nomination->name, nomination->unit, nomination->contact,
                                               nomination->case_text);
      gsize length = strlen (text);
      g_autoptr(GBytes) content = g_bytes_new_take (g_steal_pointer (&text), length);

      if (!xf_evaluation_add_material (clerk, nomination->id, "推荐表.txt", "text/plain", content, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pass_preliminary (XfEvaluation    *clerk,
                  DemoNomination  *nomination,
                  GError         **error)
{
  guint n_items = xf_campaign_get_checklist (nomination->campaign->campaign)->len;
  g_autoptr(GArray) ticked = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0; i < n_items; i++)
    g_array_append_val (ticked, (gboolean) { TRUE });
  return xf_evaluation_set_checklist (clerk, nomination->id, ticked, error) &&
         xf_evaluation_act (clerk, nomination->id, XF_ACTION_PASS_PRELIMINARY, NULL, error);
}

/* A member's part in the campaign's open round. */
static gboolean
review (Demo             *demo,
        const DemoEvent  *event,
        GError          **error)
{
  const DemoPlan *plan = event->campaign->plan;
  const char *login = plan->members[event->member];
  XfEvaluation *member = _xf_demo_evaluation_as (demo, login, error);
  GPtrArray *rubric = xf_campaign_get_rubric (event->campaign->campaign);
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree double *scores = g_new0 (double, MAX (rubric->len, 1));

  if (member == NULL)
    return FALSE;
  round = xf_evaluation_get_open_round (member, event->campaign->id, error);
  if (round == NULL)
    return FALSE;
  ids = xf_evaluation_list_round_nominations (member, round->id, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      DemoNomination *nomination = g_hash_table_lookup (demo->by_id, &id);
      g_autoptr(XfMemberReview) mine = xf_evaluation_get_my_review (member, round->id, id, error);
      gboolean conflict = round->number == 1 && i == 0 && g_strcmp0 (login, plan->declares) == 0;

      if (mine == NULL || nomination == NULL)
        {
          if (mine != NULL)
            g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                         _("Nomination %lld in the round is not one of the demo's"), (long long) id);
          return FALSE;
        }
      if (mine->recused)
        continue;
      if (!mine->declared &&
          !xf_evaluation_declare (member, round->id, id, conflict,
                                  conflict ? "本人曾与候选人在同一单位共事多年" : NULL, error))
        return FALSE;
      if (conflict || (event->mode == REVIEW_PARTIAL && i % 2 == 1))
        continue;
      _xf_demo_review_scores (nomination, rubric, event->member, scores);
      if (!xf_evaluation_save_scores (member, round->id, id, scores, rubric->len, error))
        return FALSE;
      if (event->mode == REVIEW_FULL &&
          !xf_evaluation_vote (member, round->id, id, _xf_demo_review_vote (nomination, event->member), error))
        return FALSE;
    }
  return TRUE;
}

/* Closes the open round; a tie across the quota line is first settled in
 * the order of the results. */
static gboolean
close_round (XfEvaluation  *chair,
             gint64         campaign_id,
             GError       **error)
{
  g_autoptr(XfReviewRound) round = xf_evaluation_get_open_round (chair, campaign_id, error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) tied = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;

  if (round == NULL)
    return FALSE;
  if (xf_evaluation_close_round (chair, round->id, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, XF_ERROR, XF_ERROR_WORKFLOW))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  results = xf_evaluation_compute_results (chair, round->id, error);
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      const XfNominationResult *result = g_ptr_array_index (results, i);

      if (result->tied)
        g_array_append_val (tied, result->nomination_id);
    }
  if (tied->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return xf_evaluation_resolve_tie (chair, round->id, (const gint64 *) tied->data, tied->len, error) &&
         xf_evaluation_close_round (chair, round->id, error);
}

static GPtrArray *
nominations_in (XfEvaluation  *evaluation,
                gint64         campaign_id,
                const char    *stage,
                GError       **error)
{
  XfNominationQuery query = { .campaign_id = campaign_id, .stage = stage };

  return xf_evaluation_list_nominations (evaluation, &query, error);
}

static int
compare_by_rank (gconstpointer a,
                 gconstpointer b)
{
  XfNomination *x = *(XfNomination **) a;
  XfNomination *y = *(XfNomination **) b;
  int rx = xf_nomination_get_rank (x) > 0 ? xf_nomination_get_rank (x) : G_MAXINT;
  int ry = xf_nomination_get_rank (y) > 0 ? xf_nomination_get_rank (y) : G_MAXINT;

  return (rx > ry) - (rx < ry);
}

/* Confers on all in decision but the last n_decline (declined) and the
 * n_keep before them (left waiting). */
static gboolean
decide (Demo          *demo,
        DemoCampaign  *campaign,
        GError       **error)
{
  XfEvaluation *admin = _xf_demo_evaluation_as (demo, "admin", error);
  g_autoptr(GPtrArray) waiting = NULL;
  guint n_decline, n_keep;

  if (admin == NULL || (waiting = nominations_in (admin, campaign->id, XF_STAGE_DECISION, error)) == NULL)
    return FALSE;
  g_ptr_array_sort (waiting, compare_by_rank);
  n_decline = MIN ((guint) campaign->plan->n_decline, waiting->len);
  n_keep = MIN ((guint) campaign->plan->n_keep, waiting->len - n_decline);
  for (guint i = 0; i < waiting->len; i++)
    {
      gint64 id = xf_nomination_get_id (g_ptr_array_index (waiting, i));

      if (i >= waiting->len - n_decline)
        {
          if (!xf_evaluation_act (admin, id, XF_ACTION_DECLINE, "经研究，本年度暂缓授予", error))
            return FALSE;
        }
      else if (i < waiting->len - n_decline - n_keep &&
               !xf_evaluation_act (admin, id, XF_ACTION_CONFER, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_xf_demo_run_event (Demo             *demo,
           const DemoEvent  *event,
           GError          **error)
{
  DemoCampaign *campaign = event->campaign;
  DemoNomination *nomination = event->nomination;
  const char *chair_login = campaign->plan->members[0];
  XfEvaluation *clerk, *admin, *chair;
  gint64 id = nomination != NULL ? nomination->id : 0;
  g_autofree char *today = _xf_demo_date_text (demo->calendar, &campaign->base, event->ago);

  g_setenv ("XIANFENG_TODAY", today, TRUE);
  if ((clerk = _xf_demo_evaluation_as (demo, "clerk", error)) == NULL ||
      (admin = _xf_demo_evaluation_as (demo, "admin", error)) == NULL ||
      (chair = _xf_demo_evaluation_as (demo, chair_login, error)) == NULL)
    return FALSE;

  switch (event->kind)
    {
    case EV_SAVE:
      return save_nomination (demo, nomination, error);
    case EV_SUBMIT:
      return xf_evaluation_act (clerk, id, XF_ACTION_SUBMIT, NULL, error);
    case EV_RESUBMIT:
      return xf_evaluation_act (clerk, id, XF_ACTION_RESUBMIT, NULL, error);
    case EV_RETURN:
      return xf_evaluation_act (clerk, id, XF_ACTION_RETURN, event->text, error);
    case EV_REJECT:
      return xf_evaluation_act (clerk, id, XF_ACTION_REJECT, event->text, error);
    case EV_WITHDRAW:
      return xf_evaluation_act (clerk, id, XF_ACTION_WITHDRAW, event->text, error);
    case EV_CLEAR:
      return xf_evaluation_sign_off (clerk, id, event->text, FALSE, NULL, error);
    case EV_VETO:
      return xf_evaluation_sign_off (clerk, id, event->text, TRUE,
                                     g_str_equal (event->text, "tax") ? "近三年存在欠缴税款记录"
                                                                      : "存在违反廉洁纪律问题线索，尚在核查中",
                                     error);
    case EV_PASS:
      return pass_preliminary (clerk, nomination, error);
    case EV_OPEN_ROUND:
      {
        g_autoptr(XfReviewRound) round = xf_evaluation_open_round (chair, campaign->id, error);

        return round != NULL;
      }
    case EV_REVIEW:
      return review (demo, event, error);
    case EV_REMIND:
      {
        g_autoptr(XfReviewRound) round = xf_evaluation_get_open_round (chair, campaign->id, error);

        return round != NULL && xf_evaluation_remind (chair, round->id, 0, error);
      }
    case EV_CLOSE_ROUND:
      return close_round (chair, campaign->id, error);
    case EV_CLOSE_NOTICES:
    case EV_NOTICE:
      return _xf_demo_run_notice_event (demo, event, error);
    case EV_DECIDE:
      return decide (demo, campaign, error);
    case EV_CLOSE_CAMPAIGN:
      return xf_evaluation_set_campaign_status (admin, campaign->id, "closed", error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}
