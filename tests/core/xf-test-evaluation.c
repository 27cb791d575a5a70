/* xf-test-evaluation.c — campaigns and nominations ready for a test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-clock.h"
#include "xf-evaluation-private.h"
#include "xf-notice-board.h"
#include "xf-test-evaluation.h"

/* An evaluation over the same store acting as the local administrator. */
static XfEvaluation *
admin_evaluation (XfEvaluation *evaluation)
{
  XfStore *store = xf_registry_get_store (xf_evaluation_get_registry (evaluation));

  return xf_test_evaluation_new (store, NULL);
}

XfEvaluation *
xf_test_evaluation_new (XfStore   *store,
                        XfAccount *actor)
{
  g_autoptr(XfAccount) local = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  if (actor == NULL)
    actor = local = xf_account_new_local_administrator ();
  registry = xf_registry_new (store, actor);
  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  g_assert_no_error (error);
  return xf_evaluation_new (registry);
}

XfAccount *
xf_test_add_account (XfStore     *store,
                     const char  *login,
                     XfRole       role,
                     XfScopeKind  scope,
                     const char  *value)
{
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) account = xf_account_new (login, login);
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (account, role, scope, value);
  g_assert_true (xf_accounts_save (accounts, local, account, "xianfeng", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_account_get_id (account), >, 0);
  return g_steal_pointer (&account);
}

gint64
xf_test_add_candidate (XfEvaluation *evaluation,
                       const char   *name,
                       const char   *employer,
                       const char   *region_code)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer,
                "name", name,
                "birth-date", "1980-05-01",
                "employer", employer,
                "region-code", region_code,
                NULL);
  g_assert_true (xf_registry_save_pioneer (xf_evaluation_get_registry (admin), pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static gint64
organisation_id (XfRegistry *registry,
                 const char *code)
{
  g_autoptr(GPtrArray) list = xf_registry_list_organisations (registry, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static char *
day_text (int days_from_today)
{
  GDate day;

  xf_clock_today (&day);
  if (days_from_today >= 0)
    g_date_add_days (&day, (guint) days_from_today);
  else
    g_date_subtract_days (&day, (guint) -days_from_today);
  return xf_date_format (&day);
}

gint64
xf_test_add_campaign (XfEvaluation *evaluation,
                      const char   *level,
                      int           quota)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opens_on = day_text (-30);
  g_autofree char *closes_on = day_text (365);
  g_autofree char *title = NULL;
  GDate today;

  xf_clock_today (&today);
  /* Titles as offices write them: the level is in the name of the honour. */
  title = g_strdup_printf ("%d年度%s劳动模范", g_date_get_year (&today),
                           g_strcmp0 (level, "city") == 0 ? "湖州市"
                           : g_strcmp0 (level, "county") == 0 ? "德清县" : "浙江省");
  campaign = xf_campaign_new (g_date_get_year (&today), title, level);
  xf_campaign_set_quota (campaign, quota);
  xf_campaign_set_opens_on (campaign, opens_on);
  xf_campaign_set_closes_on (campaign, closes_on);
  xf_campaign_set_organisation_id (campaign,
                                   organisation_id (xf_evaluation_get_registry (admin), "union"));
  g_assert_true (xf_evaluation_save_campaign (admin, campaign, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_set_campaign_status (admin, xf_campaign_get_id (campaign), "open",
                                                    &error));
  g_assert_no_error (error);
  return xf_campaign_get_id (campaign);
}

gint64
xf_test_submit (XfEvaluation *evaluation,
                gint64        campaign_id,
                gint64        pioneer_id,
                const char   *unit)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfNomination) nomination = xf_nomination_new (campaign_id, pioneer_id, unit);
  g_autoptr(GError) error = NULL;

  xf_nomination_set_case_text (nomination, "先进事迹材料。");
  g_assert_true (xf_evaluation_save_nomination (admin, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_act (admin, xf_nomination_get_id (nomination), XF_ACTION_SUBMIT,
                                    NULL, &error));
  g_assert_no_error (error);
  return xf_nomination_get_id (nomination);
}

void
xf_test_to_committee (XfEvaluation *evaluation,
                      gint64        nomination_id)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GError) error = NULL;

  nomination = xf_evaluation_get_nomination (admin, nomination_id, &error);
  g_assert_no_error (error);
  campaign = xf_evaluation_get_campaign (admin, xf_nomination_get_campaign_id (nomination), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < xf_campaign_get_checklist (campaign)->len; i++)
    {
      gboolean ticked = TRUE;

      g_array_append_val (ticks, ticked);
    }
  g_assert_true (xf_evaluation_set_checklist (admin, nomination_id, ticks, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_act (admin, nomination_id, XF_ACTION_PASS_PRELIMINARY, NULL, &error));
  g_assert_no_error (error);

  vettings = xf_evaluation_list_vettings (admin, nomination_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vettings->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (vettings, i);

      if (g_strcmp0 (vetting->status, "pending") != 0)
        continue;
      g_assert_true (xf_evaluation_sign_off (admin, nomination_id, vetting->department_code,
                                             FALSE, NULL, &error));
      g_assert_no_error (error);
    }

  g_clear_object (&nomination);
  nomination = xf_evaluation_get_nomination (admin, nomination_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_COMMITTEE);
}

void
xf_test_select_for_notice (XfEvaluation *evaluation,
                           gint64        nomination_id)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;

  nomination = xf_evaluation_get_nomination (evaluation, nomination_id, &error);
  g_assert_no_error (error);
  g_assert_true (_xf_evaluation_begin (evaluation, &error));
  g_assert_true (_xf_evaluation_move (evaluation, nomination, XF_ACTION_SELECT, XF_STAGE_NOTICE,
                                      NULL, &error));
  g_assert_true (_xf_evaluation_commit (evaluation, &error));
  g_assert_no_error (error);
}

void
xf_test_publish_draft (XfNoticeBoard *board,
                       gint64         notice_id)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  notice = xf_notice_board_get_notice (board, notice_id, &error);
  g_assert_no_error (error);
  if (*notice->contact_phone == '\0')
    {
      g_free (notice->contact_phone);
      notice->contact_phone = g_strdup ("0572-8888888");
      g_assert_true (xf_notice_board_save (board, notice, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_notice_board_publish (board, notice_id, &error));
  g_assert_no_error (error);
}

gint64
xf_test_publish_notice (XfEvaluation *evaluation,
                        gint64        campaign_id)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (admin);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = xf_notice_board_create (board, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  xf_test_publish_draft (board, id);
  return id;
}

void
xf_test_end_notice (XfEvaluation *evaluation,
                    gint64        notice_id)
{
  g_autoptr(XfEvaluation) admin = admin_evaluation (evaluation);
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (admin);
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GDate ends, next;

  notice = xf_notice_board_get_notice (board, notice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_PUBLISHED);
  g_date_clear (&ends, 1);
  g_date_clear (&next, 1);
  g_assert_true (xf_date_parse (notice->ends_on, &ends));
  xf_calendar_add_working_days (xf_evaluation_get_calendar (admin), &ends, 1, &next, NULL);
  after = xf_date_format (&next);
  g_setenv ("XIANFENG_TODAY", after, TRUE);
  g_assert_true (xf_notice_board_close (board, notice_id, &error));
  g_assert_no_error (error);
}

gint64
xf_test_count_audit (XfStore *store)
{
  return xf_test_query_int64 (store, "SELECT COUNT(*) FROM audit_log");
}
