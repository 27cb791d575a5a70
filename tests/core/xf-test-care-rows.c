/* xf-test-care-rows.c — a row in every schema 8 table, by plain SQL
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-rows.h"
#include "xf-test-store.h"

/*
 * $P is the pioneer (one without a care profile), $M its mentor, $O an
 * organisation, $N a nomination; the children find their parents by the
 * uids and codes set here ("copy-…"), so that the rows go in after any
 * the demo wrote.
 */
static const char * const care_rows[] = {
  "INSERT INTO cultivation_plans (uid, pioneer_id, target_title, target_level, target_year, mentor_id, "
  "organisation_id, starts_on, status, close_reason, nomination_id, notes, created_at, updated_at) "
  "VALUES ('copy-plan', $P, '湖州市\"劳动模范\"', 'city', 2027, $M, $O, '2025-03-01', 'closed', "
  "'调离本市，培养中止；O''Brien 式的引号', $N, 'tab\there\nline two \\ back', 1, 2)",
  "INSERT INTO cultivation_goals (plan_id, kind, title, due_on, achieved_on, evidence, position, "
  "created_at, updated_at) VALUES "
  "((SELECT id FROM cultivation_plans WHERE uid = 'copy-plan'), 'certificate', '取得高级技师证书', "
  "NULL, '2025-09-30', '证书编号 \"GJ-2025-001\"', 0, 1, 2), "
  "((SELECT id FROM cultivation_plans WHERE uid = 'copy-plan'), 'milestone', '完成\t技改项目', "
  "'2026-06-30', NULL, '', 1, 1, 2)",
  "INSERT INTO cultivation_reviews (plan_id, year, reviewed_on, rating, ready, comment, reviewer, created_at) "
  "VALUES ((SELECT id FROM cultivation_plans WHERE uid = 'copy-plan'), 2025, '2025-12-20', 'good', 1, "
  "'进步明显，\"可以推荐\"。\n下一年继续', '张敏', 3)",
  "INSERT INTO training_courses (uid, title, provider, skill, organisation_id, region_code, starts_on, ends_on, "
  "hours, capacity, status, description, created_at, updated_at) VALUES "
  "('copy-course', '数控车床\"高级\"研修班', '湖州技师学院', '数控', $O, '330521', '2026-04-01', '2026-04-03', "
  "22.5, NULL, 'held', 'back\\slash\nand 劳模 ✓', 1, 2)",
  "INSERT INTO training_participants (course_id, pioneer_id, hours, result, score, certificate, created_at, updated_at) "
  "VALUES ((SELECT id FROM training_courses WHERE uid = 'copy-course'), $P, 21.75, 'passed', 87.5, "
  "'证-2026/04', 1, 2), "
  "((SELECT id FROM training_courses WHERE uid = 'copy-course'), $M, NULL, 'enrolled', NULL, '', 1, 2)",
  "INSERT INTO care_programmes (code, kind, name_en, name_zh, description, description_zh, rules, yearly_quota, "
  "yearly_budget, unit_cost, interval_years, organisation_id, active, position, created_at, updated_at) VALUES "
  "('copy-care', 'recuperation', 'Copy \"test\" trip', '疗休养（复制测试）', 'it''s\ttabbed', "
  "'“复制”测试：\\反斜杠\n换行', "
  "'{\"tiers\":[\"city\",\"provincial\"],\"min_age\":50}', 200, 10000000000, 380050, 5, $O, 1, 99, 1, 2)",
  "INSERT INTO care_profiles (pioneer_id, retired_on, hardship, hardship_since, note, updated_at) "
  "VALUES ($P, '2020-06-30', 1, '2026-02-01', '独居，\"需每月\"探望\n子女在外地', 2)",
  "INSERT INTO care_batches (uid, programme_id, year, title, reference_on, places, unit_cost, starts_on, ends_on, "
  "reply_by, place, status, cancel_reason, notes, created_at, updated_at) VALUES "
  "('copy-batch', (SELECT id FROM care_programmes WHERE code = 'copy-care'), 2026, '2026年\"莫干山\"疗休养', "
  "'2026-05-01', 30, 380050, '2026-06-01', '2026-06-05', '2026-05-20', '德清县莫干山镇', 'cancelled', "
  "'天气原因\t取消', '', 1, 2)",
  "INSERT INTO care_batch_members (batch_id, pioneer_id, status, override_reason, invited_on, answered_on, "
  "decline_reason, note, position, created_at, updated_at) VALUES "
  "((SELECT id FROM care_batches WHERE uid = 'copy-batch'), $P, 'declined', '年龄差两个月，\"特批\"', "
  "'2026-05-02', '2026-05-03', '家中有事\\走不开', '', 0, 1, 2), "
  "((SELECT id FROM care_batches WHERE uid = 'copy-batch'), $M, 'waitlisted', NULL, '2026-05-02', "
  "'2026-05-04', NULL, 'line\nbreak', 1, 1, 2)",
  "INSERT INTO hardship_cases (uid, pioneer_id, programme_id, year, category, circumstances, household_income, "
  "requested_amount, status, applied_on, applied_by, assessment, assessed_amount, assessed_on, assessed_by, "
  "first_approved_on, first_approved_by, approved_on, approved_by, granted_amount, reject_reason, "
  "created_at, updated_at) VALUES "
  "('copy-case', $P, (SELECT id FROM care_programmes WHERE code = 'copy-care'), 2026, 'illness', "
  "'妻子重病住院，\"自付\"部分 ¥86,000.50\n家中\t两个孩子', 3650000, 10000000, 'paid', '2026-02-01', "
  "'德清办事员', '情况属实', 5000050, '2026-02-05', 'clerk', '2026-02-08', 'clerk2', '2026-02-10', 'admin', "
  "5000050, NULL, 1, 2)",
  "INSERT INTO hardship_payments (case_id, paid_on, amount, reference, recorded_by, created_at) VALUES "
  "((SELECT id FROM hardship_cases WHERE uid = 'copy-case'), '2026-02-15', 2500025, '记-2026\\0215', 'clerk', 3), "
  "((SELECT id FROM hardship_cases WHERE uid = 'copy-case'), '2026-03-15', 2500025, '', 'clerk', 4)",
  "INSERT INTO care_visits (uid, pioneer_id, programme_id, purpose, planned_on, planned_time, assignees, status, "
  "done_on, amount, notes, cancel_reason, created_at, updated_at) VALUES "
  "('copy-visit', $P, (SELECT id FROM care_programmes WHERE code = 'copy-care'), 'festival', '2026-01-25', "
  "'09:30', '张敏、李强,\"王五\"', 'done', '2026-01-25', 50000, '送去米、油和慰问金\n老人很高兴', NULL, 1, 2)",
  "INSERT INTO care_records (uid, pioneer_id, programme_id, on_date, amount, batch_id, visit_id, case_id, note, "
  "recorded_by, created_at) VALUES "
  "('copy-record-1', $P, (SELECT id FROM care_programmes WHERE code = 'copy-care'), '2026-01-25', 50000, NULL, "
  "(SELECT id FROM care_visits WHERE uid = 'copy-visit'), NULL, '春节\"走访\"', '张敏', 1), "
  "('copy-record-2', $P, (SELECT id FROM care_programmes WHERE code = 'copy-care'), '2026-02-15', 2500025, NULL, "
  "NULL, (SELECT id FROM hardship_cases WHERE uid = 'copy-case'), 'tab\tin', 'clerk', 2), "
  "('copy-record-3', $M, (SELECT id FROM care_programmes WHERE code = 'copy-care'), '2025-06-03', 380050, "
  "(SELECT id FROM care_batches WHERE uid = 'copy-batch'), NULL, NULL, '', '德清办事员', 3)",
  "INSERT INTO care_views (uid, name, programme_id, gap_years, region_code, owner, created_at) VALUES "
  "('copy-view', '五年未\"疗休养\"的', (SELECT id FROM care_programmes WHERE code = 'copy-care'), 5, "
  "'330521', 'clerk', 1), "
  "('copy-view-shared', 'It''s shared \\ 共享', (SELECT id FROM care_programmes WHERE code = 'copy-care'), 2, "
  "NULL, NULL, 2)",
};

static char *
expand (const char *sql,
        gint64      pioneer,
        gint64      mentor,
        gint64      organisation,
        gint64      nomination)
{
  g_autofree char *p = g_strdup_printf ("%" G_GINT64_FORMAT, pioneer);
  g_autofree char *m = g_strdup_printf ("%" G_GINT64_FORMAT, mentor);
  g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, organisation);
  g_autofree char *n = nomination > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, nomination) : g_strdup ("NULL");
  g_auto(GStrv) parts = g_strsplit (sql, "$", -1);
  GString *out = g_string_new (parts[0]);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      const char *value = parts[i][0] == 'P' ? p : parts[i][0] == 'M' ? m : parts[i][0] == 'O' ? o : n;

      g_assert_true (parts[i][0] == 'P' || parts[i][0] == 'M' || parts[i][0] == 'O' || parts[i][0] == 'N');
      g_string_append (out, value);
      g_string_append (out, parts[i] + 1);
    }
  return g_string_free (out, FALSE);
}

void
xf_test_add_care_rows (XfStore *store)
{
  XfDb *db = xf_store_get_db (store);
  g_autoptr(GError) error = NULL;
  gint64 pioneer = xf_test_query_int64 (store, "SELECT max(id) FROM pioneers WHERE kind = 'individual' "
                                               "AND id NOT IN (SELECT pioneer_id FROM care_profiles)");
  gint64 mentor = xf_test_query_int64 (store, "SELECT min(id) FROM pioneers WHERE kind = 'individual'");
  gint64 organisation = xf_test_query_int64 (store, "SELECT min(id) FROM organisations");
  gint64 nomination = xf_test_query_int64 (store, "SELECT min(id) FROM nominations");

  g_assert_cmpint (pioneer, >, 0);
  g_assert_cmpint (mentor, >, 0);
  g_assert_cmpint (mentor, !=, pioneer);
  g_assert_cmpint (organisation, >, 0);
  g_assert_true (xf_db_begin (db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (care_rows); i++)
    {
      g_autofree char *sql = expand (care_rows[i], pioneer, mentor, organisation, nomination);

      xf_db_exec (db, sql, &error);
      g_assert_no_error (error);
    }
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
}
