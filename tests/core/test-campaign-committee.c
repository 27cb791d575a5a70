/* test-campaign-committee.c — committees, membership and conflicts of interest
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-identity.h"
#include "xf-test-campaigns.h"

static void
assert_committee_refused (Fixture    *fixture,
                          gint64      campaign_id,
                          GPtrArray  *members,
                          int         code,
                          const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;

  g_assert_false (xf_evaluation_set_committee (fixture->evaluation, campaign_id, members, &error));
  g_assert_error (error, XF_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_committee (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccounts) accounts = xf_accounts_new (fixture->store);
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) disabled = NULL;
  g_autofree char *audited = NULL;
  g_autofree char *sql = NULL;
  gint64 id = xf_campaign_get_id (campaign);
  gint64 chen = add_account (fixture, "chen", XF_ROLE_REVIEWER);
  gint64 li = add_account (fixture, "liming", XF_ROLE_REVIEWER);
  gint64 admin = add_account (fixture, "admin2", XF_ROLE_ADMINISTRATOR);
  gint64 clerk = add_account (fixture, "clerk", XF_ROLE_CLERK);
  gint64 gone = add_account (fixture, "gone", XF_ROLE_REVIEWER);
  XfCommitteeMember *first;

  disabled = xf_accounts_get (accounts, local, "gone", &error);
  g_assert_no_error (error);
  xf_account_set_disabled (disabled, TRUE);
  g_assert_true (xf_accounts_save (accounts, local, disabled, NULL, &error));
  g_assert_no_error (error);
  clear_emissions (fixture);

  /* No chair, two chairs, twice the same account. */
  g_ptr_array_add (members, member (chen, FALSE, NULL, NULL, NULL));
  g_ptr_array_add (members, member (li, FALSE, NULL, NULL, NULL));
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID, "Committee needs exactly one chair, not 0");
  ((XfCommitteeMember *) g_ptr_array_index (members, 0))->is_chair = TRUE;
  ((XfCommitteeMember *) g_ptr_array_index (members, 1))->is_chair = TRUE;
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID, "Committee needs exactly one chair, not 2");
  ((XfCommitteeMember *) g_ptr_array_index (members, 1))->is_chair = FALSE;
  g_ptr_array_add (members, member (chen, FALSE, NULL, NULL, NULL));
  sql = g_strdup_printf ("Committee: account number %" G_GINT64_FORMAT " is named twice", chen);
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID, sql);
  g_ptr_array_remove_index (members, 2);

  /* A clerk, a disabled reviewer, an account that does not exist. */
  g_ptr_array_add (members, member (clerk, FALSE, NULL, NULL, NULL));
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID,
                            "Committee: “clerk” holds neither the reviewer nor the administrator role");
  g_ptr_array_remove_index (members, 2);
  g_ptr_array_add (members, member (gone, FALSE, NULL, NULL, NULL));
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID, "Committee: the account “gone” is disabled");
  g_ptr_array_remove_index (members, 2);
  g_ptr_array_add (members, member (4242, FALSE, NULL, NULL, NULL));
  assert_committee_refused (fixture, id, members, XF_ERROR_INVALID,
                            "Committee: account number 4242 does not exist");
  g_ptr_array_remove_index (members, 2);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 0);

  /* Reviewers and an administrator, one chair. */
  g_ptr_array_add (members, member (admin, FALSE, " 湖州市人社局 ", "", "李四\n王五"));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, id, members, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gt_signal_logger_get_n_emissions (fixture->logger), ==, 1);
  listed = xf_evaluation_list_committee (fixture->evaluation, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  first = g_ptr_array_index (listed, 0);
  g_assert_cmpint (first->account_id, ==, chen);
  g_assert_true (first->is_chair);
  g_assert_cmpstr (first->login, ==, "chen");
  g_assert_cmpstr (first->display_name, ==, "chen");
  /* Then by login: admin2, li. */
  g_assert_cmpstr (((XfCommitteeMember *) g_ptr_array_index (listed, 1))->login, ==, "admin2");
  g_assert_cmpstr (((XfCommitteeMember *) g_ptr_array_index (listed, 1))->employer, ==, "湖州市人社局");
  g_assert_cmpstr (((XfCommitteeMember *) g_ptr_array_index (listed, 1))->relatives, ==, "李四\n王五");
  g_assert_false (((XfCommitteeMember *) g_ptr_array_index (listed, 2))->is_chair);
  audited = query_text (fixture, "SELECT new_value FROM audit_log WHERE action = 'committee'");
  g_assert_cmpstr (audited, ==, "chen (chair)\nadmin2; employer: 湖州市人社局; relatives: 李四,王五\nliming");

  /* Not while a round is open. */
  sql = (g_free (sql), g_strdup_printf ("INSERT INTO review_rounds (uid, campaign_id, number, status, "
                                        "opened_on, opened_at, aggregation) VALUES ('round-1', %"
                                        G_GINT64_FORMAT ", 1, 'open', '2026-03-09', 1, 'mean')", id));
  exec_sql (fixture, sql);
  g_ptr_array_remove_index (members, 2);
  assert_committee_refused (fixture, id, members, XF_ERROR_WORKFLOW,
                            "The committee of “2026年度湖州市劳动模范” cannot change while review round 1 is open");
  exec_sql (fixture, "UPDATE review_rounds SET status = 'closed'");
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, id, members, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_members"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log WHERE action = 'committee'"), ==, 2);

  /* Of no campaign. */
  g_assert_false (xf_evaluation_set_committee (fixture->evaluation, 9999, members, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_is_member (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfCampaign) other = add_campaign (fixture, 2026, "2026年度德清工匠", "county");
  g_autoptr(XfAccount) chen = xf_test_add_account (fixture->store, "chen", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) li = xf_test_add_account (fixture->store, "liming", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) wu = xf_test_add_account (fixture->store, "wuhua", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_chen = acting_as (fixture, chen);
  g_autoptr(XfEvaluation) as_li = acting_as (fixture, li);
  g_autoptr(XfEvaluation) as_wu = acting_as (fixture, wu);
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  gboolean chair = TRUE;

  g_ptr_array_add (members, member (xf_account_get_id (chen), TRUE, NULL, NULL, NULL));
  g_ptr_array_add (members, member (xf_account_get_id (li), FALSE, NULL, NULL, NULL));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, xf_campaign_get_id (campaign), members,
                                              &error));
  g_assert_no_error (error);

  g_assert_true (xf_evaluation_is_member (as_chen, xf_campaign_get_id (campaign), &chair));
  g_assert_true (chair);
  g_assert_true (xf_evaluation_is_member (as_li, xf_campaign_get_id (campaign), &chair));
  g_assert_false (chair);
  chair = TRUE;
  g_assert_false (xf_evaluation_is_member (as_wu, xf_campaign_get_id (campaign), &chair));
  g_assert_false (chair);
  g_assert_false (xf_evaluation_is_member (as_chen, xf_campaign_get_id (other), NULL));
  /* The local administrator sits on no committee. */
  g_assert_false (xf_evaluation_is_member (fixture->evaluation, xf_campaign_get_id (campaign), NULL));
}

/* A candidate with an identity number, saved by the administrator. */
static gint64
add_candidate_with_id (Fixture    *fixture,
                       const char *name,
                       const char *first17)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));

  g_object_set (pioneer, "name", name, "id-number", id_number, "region-code", "330502001", NULL);
  g_assert_true (xf_registry_save_pioneer (xf_evaluation_get_registry (fixture->evaluation), pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfAccount) chen = xf_test_add_account (fixture->store, "chen", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) li = xf_test_add_account (fixture->store, "liming", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) wu = xf_test_add_account (fixture->store, "wuhua", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_li = acting_as (fixture, li);
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) declared = NULL;
  g_autoptr(GPtrArray) committee = NULL;
  g_autoptr(GPtrArray) detected = NULL;
  g_autoptr(XfNomination) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *zhao_id_number = NULL;
  gint64 id = xf_campaign_get_id (campaign);
  gint64 wang = xf_test_add_candidate (fixture->evaluation, "王建国", "国网湖州供电公司", "330502001");
  gint64 zhang = xf_test_add_candidate (fixture->evaluation, "张敏", "湖州银行", "330502001");
  gint64 lisi = xf_test_add_candidate (fixture->evaluation, "李四", "德清某机械厂", "330521001");
  gint64 zhao = add_candidate_with_id (fixture, "赵六", "33050219800501123");
  gint64 done = xf_test_add_candidate (fixture->evaluation, "钱七", "国网湖州供电公司", "330502001");
  gint64 n_wang, n_zhang, n_lisi, n_zhao;
  XfConflict *conflict;

  zhao_id_number = query_text (fixture, "SELECT id_number FROM pioneers WHERE name = '赵六'");
  sql = g_strdup_printf ("李四\n  %s  \n", zhao_id_number);
  g_ptr_array_add (members, member (xf_account_get_id (chen), TRUE, "国网湖州供电公司", NULL, NULL));
  g_ptr_array_add (members, member (xf_account_get_id (li), FALSE, NULL, "湖州市总工会", NULL));
  g_ptr_array_add (members, member (xf_account_get_id (wu), FALSE, "", "", sql));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, id, members, &error));
  g_assert_no_error (error);

  n_wang = add_nomination_row (fixture, id, wang, "国网湖州供电公司工会", XF_STAGE_PRELIMINARY);
  n_zhang = add_nomination_row (fixture, id, zhang, "湖州市总工会", XF_STAGE_COMMITTEE);
  n_lisi = add_nomination_row (fixture, id, lisi, "德清县总工会", XF_STAGE_DRAFT);
  n_zhao = add_nomination_row (fixture, id, zhao, "吴兴区总工会", XF_STAGE_NOTICE);
  /* Ended: no conflict to flag any more. */
  add_nomination_row (fixture, id, done, "湖州市总工会", XF_STAGE_WITHDRAWN);

  all = xf_evaluation_list_conflicts (fixture->evaluation, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  conflict = g_ptr_array_index (all, 0);
  g_assert_cmpint (conflict->nomination_id, ==, n_wang);
  g_assert_cmpint (conflict->account_id, ==, xf_account_get_id (chen));
  g_assert_cmpstr (conflict->kind, ==, "employer");
  g_assert_cmpstr (conflict->member_name, ==, "chen");
  g_assert_cmpstr (conflict->candidate_name, ==, "王建国");
  g_assert_cmpstr (conflict->reason, ==, "chen works for 国网湖州供电公司, the employer of 王建国");
  conflict = g_ptr_array_index (all, 1);
  g_assert_cmpint (conflict->nomination_id, ==, n_zhang);
  g_assert_cmpstr (conflict->kind, ==, "unit");
  g_assert_cmpstr (conflict->reason, ==, "liming belongs to 湖州市总工会, which nominated 张敏");
  conflict = g_ptr_array_index (all, 2);
  g_assert_cmpint (conflict->nomination_id, ==, n_lisi);
  g_assert_cmpstr (conflict->kind, ==, "relative");
  g_assert_cmpstr (conflict->reason, ==, "wuhua declared 李四 a relative");
  conflict = g_ptr_array_index (all, 3);
  g_assert_cmpint (conflict->nomination_id, ==, n_zhao);
  g_assert_cmpint (conflict->account_id, ==, xf_account_get_id (wu));
  g_assert_cmpstr (conflict->kind, ==, "relative");
  g_assert_cmpstr (conflict->candidate_name, ==, "赵六");

  one = xf_evaluation_list_conflicts (fixture->evaluation, id, n_lisi, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);

  /* A member's own declaration joins the automatic ones; a flagged
   * (automatic) declaration is not listed twice. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO review_rounds (uid, campaign_id, number, status, opened_on, "
                         "opened_at, aggregation) VALUES ('round-1', %" G_GINT64_FORMAT
                         ", 1, 'open', '2026-03-09', 1, 'mean')", id);
  exec_sql (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO review_declarations (round_id, nomination_id, account_id, conflict, "
                         "automatic, reason, declared_at) VALUES "
                         "((SELECT id FROM review_rounds), %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 1, 0, '同学关系', 1), "
                         "((SELECT id FROM review_rounds), %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 1, 1, 'flagged', 1)",
                         n_zhang, xf_account_get_id (chen), n_zhang, xf_account_get_id (li));
  exec_sql (fixture, sql);
  declared = xf_evaluation_list_conflicts (as_li, id, n_zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (declared->len, ==, 2);
  g_assert_cmpstr (((XfConflict *) g_ptr_array_index (declared, 0))->kind, ==, "unit");
  conflict = g_ptr_array_index (declared, 1);
  g_assert_cmpstr (conflict->kind, ==, "declared");
  g_assert_cmpint (conflict->account_id, ==, xf_account_get_id (chen));
  g_assert_cmpstr (conflict->reason, ==, "chen declared a conflict with 张敏: 同学关系");

  /* The repository's own check, on a nomination not yet saved: it reads
   * the candidate's file unmasked. */
  committee = xf_evaluation_list_committee (fixture->evaluation, id, &error);
  g_assert_no_error (error);
  draft = xf_nomination_new (id, zhao, "湖州市总工会");
  detected = _xf_evaluation_detect_conflicts (as_li, committee, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detected->len, ==, 2);
  g_assert_cmpstr (((XfConflict *) g_ptr_array_index (detected, 0))->kind, ==, "unit");
  g_assert_cmpint (((XfConflict *) g_ptr_array_index (detected, 0))->account_id, ==, xf_account_get_id (li));
  g_assert_cmpstr (((XfConflict *) g_ptr_array_index (detected, 1))->kind, ==, "relative");
  g_assert_cmpint (((XfConflict *) g_ptr_array_index (detected, 1))->account_id, ==, xf_account_get_id (wu));
}

/* The relatives a member declares (names or identity numbers) are for
 * the conflict checks and those who manage campaigns, not for everyone
 * who may read the registry: others get the committee without them. */
static void
test_relatives_withheld (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = add_campaign (fixture, 2026, "2026年度湖州市劳动模范", "city");
  g_autoptr(XfAccount) chen = xf_test_add_account (fixture->store, "chen", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) clerk = xf_test_add_account (fixture->store, "clerk", XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_chen = acting_as (fixture, chen);
  g_autoptr(XfEvaluation) as_clerk = acting_as (fixture, clerk);
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = xf_campaign_get_id (campaign);
  XfEvaluation *readers[] = { as_chen, as_clerk };

  (void) data;
  g_ptr_array_add (members, member (xf_account_get_id (chen), TRUE, "湖州师范学院", "湖州市总工会",
                                    "王小明\n330502198001011234"));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, id, members, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GPtrArray) listed = xf_evaluation_list_committee (readers[i], id, &error);
      g_autoptr(XfCampaign) read = xf_evaluation_get_campaign (readers[i], id, &error);
      XfCommitteeMember *one;

      g_assert_no_error (error);
      one = g_ptr_array_index (listed, 0);
      g_assert_null (one->relatives);
      g_assert_cmpstr (one->employer, ==, "湖州师范学院");
      one = g_ptr_array_index (xf_campaign_get_committee (read), 0);
      g_assert_null (one->relatives);
    }
  {
    g_autoptr(GPtrArray) listed = xf_evaluation_list_committee (fixture->evaluation, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((XfCommitteeMember *) g_ptr_array_index (listed, 0))->relatives, ==,
                     "王小明\n330502198001011234");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/core/campaign-committee/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("committee", test_committee);
  ADD ("is-member", test_is_member);
  ADD ("conflicts", test_conflicts);
  ADD ("relatives-withheld", test_relatives_withheld);
#undef ADD

  return g_test_run ();
}
