/* test-care-hardship.c — hardship support: application, assessment, the
 *                        two-step approval and who may take each step,
 *                        masking, payments, the audit trail
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-people.h"

#define CIRCUMSTANCES "妻子患肺癌，化疗费用高，家中两个孩子上学"
#define YUAN(n)       ((gint64) (n) * 100)

typedef struct
{
  CareFixture base;
  gint64      wang;          /* Wukang, Deqing */
  gint64      zhao;          /* Anji */
  /* Care as other accounts */
  XfCare     *clerk;         /* clerk1: a Deqing clerk */
  XfCare     *second_clerk;  /* clerk2: another Deqing clerk */
  XfCare     *anji_clerk;
  XfCare     *reviewer;
  XfCare     *dispatcher;
  XfCare     *second_admin;
} HardshipFixture;

static void
set_up (HardshipFixture *fixture,
        gconstpointer    data)
{
  CareFixture *base = &fixture->base;

  xf_test_care_set_up (base, data);
  fixture->wang = xf_test_care_add_person (base, "王建国", "1975-04-01", XF_TEST_WUKANG, NULL);
  fixture->zhao = xf_test_care_add_person (base, "赵志强", "1970-01-01", "330523001", NULL);
  fixture->clerk = xf_test_care_as (base, "clerk1", XF_ROLE_CLERK, XF_TEST_DEQING);
  fixture->second_clerk = xf_test_care_as (base, "clerk2", XF_ROLE_CLERK, XF_TEST_DEQING);
  fixture->anji_clerk = xf_test_care_as (base, "anji-clerk", XF_ROLE_CLERK, XF_TEST_ANJI);
  fixture->reviewer = xf_test_care_as (base, "reviewer", XF_ROLE_REVIEWER, NULL);
  fixture->dispatcher = xf_test_care_as (base, "dispatcher", XF_ROLE_DISPATCHER, NULL);
  fixture->second_admin = xf_test_care_as (base, "admin2", XF_ROLE_ADMINISTRATOR, NULL);
}

static void
tear_down (HardshipFixture *fixture,
           gconstpointer    data)
{
  g_clear_object (&fixture->clerk);
  g_clear_object (&fixture->second_clerk);
  g_clear_object (&fixture->anji_clerk);
  g_clear_object (&fixture->reviewer);
  g_clear_object (&fixture->dispatcher);
  g_clear_object (&fixture->second_admin);
  xf_test_care_tear_down (&fixture->base, data);
}

static gint64
count (HardshipFixture *fixture,
       const char      *sql)
{
  return xf_test_query_int64 (fixture->base.store, sql);
}

/* count () with @id in the place of the “%s” in @sql. */
static gint64
count_of (HardshipFixture *fixture,
          const char      *sql,
          gint64           id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto(GStrv) parts = g_strsplit (sql, "%s", 2);
  g_autofree char *full = g_strjoinv (id_text, parts);

  return count (fixture, full);
}

static XfHardshipCase *
new_case (gint64 pioneer_id)
{
  XfHardshipCase *hardship_case = xf_hardship_case_new ();

  hardship_case->pioneer_id = pioneer_id;
  hardship_case->category = g_strdup ("illness");
  hardship_case->circumstances = g_strdup (CIRCUMSTANCES);
  hardship_case->household_income = YUAN (36000);
  hardship_case->requested_amount = YUAN (20000);
  return hardship_case;
}

static gint64
apply (XfCare *care,
       gint64  pioneer_id)
{
  g_autoptr(XfHardshipCase) hardship_case = new_case (pioneer_id);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_care_apply_hardship (care, hardship_case, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static XfHardshipCase *
get (XfCare *care,
     gint64  id)
{
  g_autoptr(GError) error = NULL;
  XfHardshipCase *hardship_case = xf_care_get_case (care, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hardship_case);
  return hardship_case;
}

static void
assess (XfCare *care,
        gint64  id,
        gint64  amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_assess_case (care, id, "核实属实，建议补助", amount, &error));
  g_assert_no_error (error);
}

static void
approve (XfCare *care,
         gint64  id,
         gint64  amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_approve_case (care, id, amount, &error));
  g_assert_no_error (error);
}

static void
assert_refusal (GError     *error,
                int         code,
                const char *message)
{
  g_assert_error (error, XF_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
assert_approve_refused (XfCare     *care,
                        gint64      id,
                        int         code,
                        const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_care_approve_case (care, id, 0, &error));
  assert_refusal (error, code, message);
}

static void
assert_status (HardshipFixture *fixture,
               gint64           id,
               const char      *status)
{
  g_autoptr(XfHardshipCase) hardship_case = get (fixture->base.care, id);

  g_assert_cmpstr (hardship_case->status, ==, status);
}

static void
assert_actions (XfCare     *care,
                gint64      id,
                const char *expected)
{
  g_autoptr(XfHardshipCase) hardship_case = get (care, id);
  g_auto(GStrv) actions = xf_care_case_allowed_actions (care, hardship_case);
  g_autofree char *joined = g_strjoinv (" ", actions);

  g_assert_cmpstr (joined, ==, expected);
}

/* Applied by a Deqing clerk, assessed by them, approved first by the other
 * Deqing clerk and finally by an administrator. */
static void
test_two_steps (HardshipFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  gint64 id = apply (fixture->clerk, fixture->wang);

  hardship_case = get (fixture->clerk, id);
  g_assert_cmpstr (hardship_case->status, ==, XF_CASE_APPLIED);
  g_assert_cmpstr (hardship_case->programme_code, ==, "hardship-support");
  g_assert_cmpint (hardship_case->year, ==, 2026);
  g_assert_cmpstr (hardship_case->applied_on, ==, XF_TEST_CARE_TODAY);
  g_assert_cmpstr (hardship_case->pioneer_name, ==, "王建国");
  g_assert_cmpstr (hardship_case->region_code, ==, XF_TEST_WUKANG);
  g_assert_false (hardship_case->masked);
  g_assert_cmpstr (hardship_case->circumstances, ==, CIRCUMSTANCES);
  g_assert_cmpint (hardship_case->household_income, ==, YUAN (36000));
  assert_actions (fixture->clerk, id, "assess reject withdraw");

  assess (fixture->clerk, id, YUAN (15000));
  assert_actions (fixture->clerk, id, "withdraw");
  assert_actions (fixture->second_clerk, id, "approve-first reject withdraw");
  /* Not the assessor, not without HARDSHIP_APPROVE, not elsewhere. */
  assert_approve_refused (fixture->clerk, id, XF_ERROR_PERMISSION_DENIED,
                          "The first approval needs someone other than the assessor");
  assert_approve_refused (fixture->reviewer, id, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_approve_refused (fixture->dispatcher, id, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_approve_refused (fixture->anji_clerk, id, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_status (fixture, id, XF_CASE_ASSESSED);

  approve (fixture->second_clerk, id, 0);
  assert_status (fixture, id, XF_CASE_APPROVED_FIRST);
  /* The final step: HARDSHIP_DECIDE, which clerks do not hold. */
  assert_approve_refused (fixture->clerk, id, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_approve_refused (fixture->second_clerk, id, XF_ERROR_PERMISSION_DENIED, NULL);
  assert_actions (fixture->base.care, id, "approve reject");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (xf_care_approve_case (fixture->base.care, id, YUAN (16000), &error));
    assert_refusal (error, XF_ERROR_INVALID, "Granted amount: ¥16,000.00 is more than the ¥15,000.00 allowed");
  }
  approve (fixture->base.care, id, YUAN (12000));

  g_clear_pointer (&hardship_case, xf_hardship_case_free);
  hardship_case = get (fixture->base.care, id);
  g_assert_cmpstr (hardship_case->status, ==, XF_CASE_APPROVED);
  g_assert_cmpint (hardship_case->assessed_amount, ==, YUAN (15000));
  g_assert_cmpint (hardship_case->granted_amount, ==, YUAN (12000));
  g_assert_cmpstr (hardship_case->assessed_by, ==, "clerk1");
  g_assert_cmpstr (hardship_case->first_approved_by, ==, "clerk2");
  g_assert_cmpstr (hardship_case->approved_on, ==, XF_TEST_CARE_TODAY);
  g_assert_cmpint (hardship_case->version, ==, 4);
  /* The final approval flags the pioneer. */
  g_assert_cmpint (count_of (fixture, "SELECT hardship FROM care_profiles WHERE pioneer_id = %s",
                          fixture->wang), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'approve'"
                          " AND record_type = 'hardship-case'"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'approve'"
                          " AND field = 'final' AND new_value = '¥12,000.00'"), ==, 1);
}

/* An administrator who gave the first approval does not give the final
 * one; another administrator does. */
static void
test_same_person (HardshipFixture *fixture,
                  gconstpointer    data)
{
  gint64 id = apply (fixture->clerk, fixture->wang);

  assess (fixture->clerk, id, YUAN (20000));
  approve (fixture->base.care, id, 0);
  assert_approve_refused (fixture->base.care, id, XF_ERROR_PERMISSION_DENIED,
                          "The final approval needs someone other than the first approver");
  assert_actions (fixture->base.care, id, "");
  approve (fixture->second_admin, id, 0);
  {
    g_autoptr(XfHardshipCase) hardship_case = get (fixture->base.care, id);

    /* No amount given: the assessed amount is granted. */
    g_assert_cmpint (hardship_case->granted_amount, ==, YUAN (20000));
    g_assert_cmpstr (hardship_case->approved_by, ==, "admin2");
  }
  assert_approve_refused (fixture->second_admin, id, XF_ERROR_WORKFLOW, "Cannot approve a case that is approved");
}

static void
assert_masked (XfCare *care,
               gint64  id,
               gboolean masked)
{
  g_autoptr(XfHardshipCase) hardship_case = get (care, id);

  g_assert_cmpint (hardship_case->masked, ==, masked);
  if (masked)
    {
      g_assert_cmpstr (hardship_case->circumstances, ==, "••••");
      g_assert_cmpint (hardship_case->household_income, ==, -1);
    }
  else
    {
      g_assert_cmpstr (hardship_case->circumstances, ==, CIRCUMSTANCES);
      g_assert_cmpint (hardship_case->household_income, ==, YUAN (36000));
    }
  /* The rest is there for everyone. */
  g_assert_cmpstr (hardship_case->pioneer_name, ==, "王建国");
  g_assert_cmpint (hardship_case->requested_amount, ==, YUAN (20000));
}

static void
test_masking (HardshipFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = apply (fixture->clerk, fixture->wang);

  assert_masked (fixture->base.care, id, FALSE);
  assert_masked (fixture->clerk, id, FALSE);
  assert_masked (fixture->reviewer, id, TRUE);
  assert_masked (fixture->dispatcher, id, TRUE);
  assert_masked (fixture->anji_clerk, id, TRUE);

  cases = xf_care_list_cases (fixture->reviewer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_true (((XfHardshipCase *) g_ptr_array_index (cases, 0))->masked);
  g_assert_cmpstr (((XfHardshipCase *) g_ptr_array_index (cases, 0))->circumstances, ==, "••••");
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = xf_care_list_cases (fixture->clerk, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (((XfHardshipCase *) g_ptr_array_index (cases, 0))->masked);

  /* Neither may the ones who cannot see apply, assess or pay. */
  {
    g_autoptr(XfHardshipCase) other = new_case (fixture->wang);

    g_assert_cmpint (xf_care_apply_hardship (fixture->anji_clerk, other, &error), ==, 0);
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
    g_assert_false (xf_care_assess_case (fixture->reviewer, id, "x", YUAN (1), &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  /* The assessment often tells the circumstances again: masked alike. */
  assess (fixture->clerk, id, YUAN (15000));
  {
    g_autoptr(XfHardshipCase) seen = get (fixture->clerk, id);
    g_autoptr(XfHardshipCase) hidden = get (fixture->reviewer, id);
    g_autoptr(GPtrArray) listed = xf_care_list_cases (fixture->anji_clerk, NULL, &error);

    g_assert_cmpstr (seen->assessment, ==, "核实属实，建议补助");
    g_assert_cmpstr (hidden->assessment, ==, "••••");
    g_assert_cmpint (hidden->assessed_amount, ==, YUAN (15000));
    g_assert_no_error (error);
    g_assert_cmpstr (((XfHardshipCase *) g_ptr_array_index (listed, 0))->assessment, ==, "••••");
  }
}

static void
pay_refused (XfCare     *care,
             gint64      id,
             const char *on,
             gint64      amount,
             int         code,
             const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_care_record_payment (care, id, on, amount, "财-2026-031", &error));
  assert_refusal (error, code, message);
}

static void
pay (XfCare     *care,
     gint64      id,
     const char *on,
     gint64      amount,
     const char *reference)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_record_payment (care, id, on, amount, reference, &error));
  g_assert_no_error (error);
}

static void
test_payments (HardshipFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  gint64 id = apply (fixture->clerk, fixture->wang);

  assess (fixture->clerk, id, YUAN (15000));
  /* Not before the approval. */
  pay_refused (fixture->clerk, id, XF_TEST_CARE_TODAY, YUAN (100), XF_ERROR_WORKFLOW,
               "Cannot record a payment of a case that is assessed");
  approve (fixture->second_clerk, id, 0);
  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  approve (fixture->base.care, id, 0);
  g_setenv ("XIANFENG_TODAY", "2026-03-20", TRUE);

  pay_refused (fixture->clerk, id, "2026-03-21", YUAN (100), XF_ERROR_INVALID, "Paid on: 2026-03-21 is in the future");
  pay_refused (fixture->clerk, id, "2026-03-09", YUAN (100), XF_ERROR_INVALID,
               "Paid on: 2026-03-09 is before the approval on 2026-03-10");
  pay_refused (fixture->clerk, id, "2026-03-12", 0, XF_ERROR_INVALID, "Amount: ¥0.00 is not more than nothing");
  pay_refused (fixture->anji_clerk, id, "2026-03-12", YUAN (100), XF_ERROR_PERMISSION_DENIED, NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (xf_care_record_payment (fixture->clerk, id, "2026-03-12", YUAN (100), " ", &error));
    assert_refusal (error, XF_ERROR_INVALID, "Reference: this is required");
  }

  pay (fixture->clerk, id, "2026-03-12", YUAN (10000), "财-2026-031");
  assert_status (fixture, id, XF_CASE_APPROVED);
  pay_refused (fixture->clerk, id, "2026-03-13", YUAN (6000), XF_ERROR_INVALID,
               "Amount: ¥6,000.00 is more than the ¥5,000.00 allowed");
  pay (fixture->clerk, id, "2026-03-13", YUAN (5000), "财-2026-035");

  hardship_case = get (fixture->clerk, id);
  g_assert_cmpstr (hardship_case->status, ==, XF_CASE_PAID);
  g_assert_cmpint (hardship_case->paid_amount, ==, YUAN (15000));
  g_assert_cmpuint (hardship_case->payments->len, ==, 2);
  g_assert_cmpstr (((XfHardshipPayment *) g_ptr_array_index (hardship_case->payments, 0))->reference, ==,
                   "财-2026-031");
  g_assert_cmpint (((XfHardshipPayment *) g_ptr_array_index (hardship_case->payments, 1))->amount, ==, YUAN (5000));
  g_assert_cmpint (count_of (fixture, "SELECT COUNT(*) FROM care_records WHERE case_id = %s", id), ==, 2);
  g_assert_cmpint (count_of (fixture, "SELECT SUM(amount) FROM care_records WHERE case_id = %s", id),
                   ==, YUAN (15000));
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'payment'"
                          " AND new_value = '¥5,000.00 on 2026-03-13 (voucher 财-2026-035)'"), ==, 1);
  pay_refused (fixture->clerk, id, "2026-03-14", YUAN (1), XF_ERROR_WORKFLOW,
               "Cannot record a payment of a case that is paid");
  assert_actions (fixture->base.care, id, "");
}

static void
test_reject_withdraw (HardshipFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(XfHardshipCase) rejected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 withdrawn = apply (fixture->clerk, fixture->wang);
  gint64 assessed;

  g_assert_false (xf_care_withdraw_case (fixture->clerk, withdrawn, "", &error));
  assert_refusal (error, XF_ERROR_INVALID, "Reason: this is required");
  g_clear_error (&error);
  g_assert_true (xf_care_withdraw_case (fixture->clerk, withdrawn, "本人撤回", &error));
  g_assert_no_error (error);
  assert_status (fixture, withdrawn, XF_CASE_WITHDRAWN);
  /* Withdrawn, the case is no longer open: the pioneer may apply again. */
  assessed = apply (fixture->clerk, fixture->wang);
  g_assert_false (xf_care_reject_case (fixture->second_clerk, withdrawn, "不符合", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot reject a case that is withdrawn");
  g_clear_error (&error);

  /* Rejecting an assessed case is the first approver's step. */
  assess (fixture->clerk, assessed, YUAN (1000));
  g_assert_false (xf_care_reject_case (fixture->clerk, assessed, "不符合", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (xf_care_reject_case (fixture->second_clerk, assessed, "家庭收入高于标准", &error));
  g_assert_no_error (error);
  rejected = get (fixture->clerk, assessed);
  g_assert_cmpstr (rejected->status, ==, XF_CASE_REJECTED);
  g_assert_cmpstr (rejected->reject_reason, ==, "家庭收入高于标准");
  g_assert_false (xf_care_withdraw_case (fixture->clerk, assessed, "撤回", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot withdraw a case that is rejected");
  g_clear_error (&error);
  g_assert_false (xf_care_assess_case (fixture->clerk, assessed, "x", YUAN (1), &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot assess a case that is rejected");
  g_clear_error (&error);
  /* No flag for a case never approved. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_profiles WHERE hardship = 1"), ==, 0);
}

static void
test_application_refusals (HardshipFixture *fixture,
                           gconstpointer    data)
{
  g_autoptr(XfHardshipCase) hardship_case = new_case (fixture->wang);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (hardship_case->category);
  hardship_case->category = g_strdup ("debt");
  g_assert_cmpint (xf_care_apply_hardship (fixture->clerk, hardship_case, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID,
                  "Category: “debt” is not one of illness, disability, accident, family, income, disaster, other");
  g_clear_error (&error);
  g_free (hardship_case->category);
  hardship_case->category = g_strdup ("family");
  hardship_case->requested_amount = YUAN (100001);
  g_assert_cmpint (xf_care_apply_hardship (fixture->clerk, hardship_case, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Requested amount: ¥100,001.00 is more than the ¥100,000.00 allowed");
  g_clear_error (&error);
  hardship_case->requested_amount = YUAN (100000);
  g_free (hardship_case->circumstances);
  hardship_case->circumstances = g_strdup ("");
  g_assert_cmpint (xf_care_apply_hardship (fixture->clerk, hardship_case, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Circumstances: this is required");
  g_clear_error (&error);
  g_free (hardship_case->circumstances);
  hardship_case->circumstances = g_strdup (CIRCUMSTANCES);
  hardship_case->household_income = -1;
  id = xf_care_apply_hardship (fixture->clerk, hardship_case, &error);
  g_assert_no_error (error);
  {
    g_autoptr(XfHardshipCase) stored = get (fixture->clerk, id);

    g_assert_cmpint (stored->household_income, ==, -1);
    g_assert_false (stored->masked);
  }
  /* The assessment proposes no more than was asked. */
  g_assert_false (xf_care_assess_case (fixture->clerk, id, "属实", YUAN (100001), &error));
  assert_refusal (error, XF_ERROR_INVALID, "Assessed amount: ¥100,001.00 is more than the ¥100,000.00 allowed");
  g_clear_error (&error);
  g_assert_false (xf_care_assess_case (fixture->clerk, id, " ", YUAN (1), &error));
  assert_refusal (error, XF_ERROR_INVALID, "Assessment: this is required");
  g_clear_error (&error);
  g_assert_null (xf_care_get_case (fixture->clerk, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

/* The circumstances are recorded, never quoted, in the audit trail. */
static void
test_audit (HardshipFixture *fixture,
            gconstpointer    data)
{
  gint64 id = apply (fixture->clerk, fixture->wang);

  assess (fixture->clerk, id, YUAN (15000));
  approve (fixture->second_clerk, id, 0);
  approve (fixture->base.care, id, 0);
  pay (fixture->clerk, id, XF_TEST_CARE_TODAY, YUAN (15000), "财-1");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE COALESCE(new_value, '') LIKE '%化疗%'"
                          " OR COALESCE(old_value, '') LIKE '%化疗%' OR COALESCE(record_label, '') LIKE '%化疗%'"),
                   ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '%36000%'"
                          " OR new_value LIKE '%36,000%'"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'hardship-case'"
                          " AND field = 'circumstances' AND new_value = '(recorded)'"), ==, 1);
  /* Each step: applied → assessed → approved-first → approved → paid. */
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'hardship-case'"
                          " AND action = 'care-status' AND field = 'status'"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'hardship-case'"
                          " AND action = 'create'"), ==, 1);
}

static void
test_list (HardshipFixture *fixture,
           gconstpointer    data)
{
  XfHardshipQuery query = { 0 };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deqing = apply (fixture->clerk, fixture->wang);
  gint64 anji = apply (fixture->base.care, fixture->zhao);

  g_assert_true (xf_care_withdraw_case (fixture->clerk, deqing, "撤回", &error));
  g_assert_no_error (error);

  query.status = "open";
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (((XfHardshipCase *) g_ptr_array_index (cases, 0))->id, ==, anji);
  g_clear_pointer (&cases, g_ptr_array_unref);

  query.status = XF_CASE_WITHDRAWN;
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_clear_pointer (&cases, g_ptr_array_unref);

  query.status = NULL;
  query.region_prefix = "330523";
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (((XfHardshipCase *) g_ptr_array_index (cases, 0))->id, ==, anji);
  g_clear_pointer (&cases, g_ptr_array_unref);

  /* Not a region code ("%" would match everyone): refused. */
  query.region_prefix = "3305%";
  g_assert_null (xf_care_list_cases (fixture->base.care, &query, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Region: “3305%” is not a region code");
  g_clear_error (&error);

  query.region_prefix = NULL;
  query.text = "建国";
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (((XfHardshipCase *) g_ptr_array_index (cases, 0))->id, ==, deqing);
  g_clear_pointer (&cases, g_ptr_array_unref);

  query.text = NULL;
  query.year = 2025;
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);

  query.year = 2026;
  query.pioneer_id = fixture->zhao;
  cases = xf_care_list_cases (fixture->base.care, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
}

/* A pioneer has one open case at a time (applied … approved, not yet
 * paid); a refusal leaves nothing behind. */
static void
test_one_open_case (HardshipFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(XfHardshipCase) second = new_case (fixture->wang);
  g_autoptr(GError) error = NULL;
  gint64 audit_before, id, next;

  g_setenv ("XIANFENG_TODAY", "2026-03-02", TRUE);
  id = apply (fixture->clerk, fixture->wang);
  g_setenv ("XIANFENG_TODAY", XF_TEST_CARE_TODAY, TRUE);
  audit_before = count (fixture, "SELECT COUNT(*) FROM audit_log");

  g_assert_cmpint (xf_care_apply_hardship (fixture->clerk, second, &error), ==, 0);
  assert_refusal (error, XF_ERROR_DUPLICATE, "Pioneer: 王建国 already has an open case, applied on 2026-03-02");
  g_clear_error (&error);
  assess (fixture->clerk, id, YUAN (15000));
  approve (fixture->second_clerk, id, 0);
  approve (fixture->base.care, id, 0);
  /* Approved and not yet paid: still open. */
  audit_before = count (fixture, "SELECT COUNT(*) FROM audit_log");
  g_assert_cmpint (xf_care_apply_hardship (fixture->base.care, second, &error), ==, 0);
  assert_refusal (error, XF_ERROR_DUPLICATE, "Pioneer: 王建国 already has an open case, applied on 2026-03-02");
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM hardship_cases"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audit_before);
  /* Someone else may apply meanwhile. */
  apply (fixture->base.care, fixture->zhao);

  pay (fixture->clerk, id, XF_TEST_CARE_TODAY, YUAN (15000), "财-1");
  next = apply (fixture->clerk, fixture->wang);
  g_assert_cmpint (next, >, id);
}

/* What the refusals of a step say about where the case stands. */
static void
test_status_wording (HardshipFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = apply (fixture->clerk, fixture->wang);

  assert_approve_refused (fixture->second_clerk, id, XF_ERROR_WORKFLOW,
                          "Cannot approve a case that has not been assessed yet");
  pay_refused (fixture->clerk, id, XF_TEST_CARE_TODAY, YUAN (1), XF_ERROR_WORKFLOW,
               "Cannot record a payment of a case that has not been assessed yet");
  assess (fixture->clerk, id, YUAN (15000));
  approve (fixture->second_clerk, id, 0);
  g_assert_false (xf_care_withdraw_case (fixture->clerk, id, "撤回", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot withdraw a case that has had its first approval");
  g_clear_error (&error);
  g_assert_false (xf_care_assess_case (fixture->clerk, id, "x", YUAN (1), &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot assess a case that has had its first approval");
  g_clear_error (&error);
  pay_refused (fixture->clerk, id, XF_TEST_CARE_TODAY, YUAN (1), XF_ERROR_WORKFLOW,
               "Cannot record a payment of a case that has had its first approval");
}

static void
exec_sql (HardshipFixture *fixture,
          const char      *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->base.store), sql, &error));
  g_assert_no_error (error);
}

/* Applied, assessed and approved first by administrators: waiting for
 * the final approval (by fixture->base.care). */
static gint64
first_approved (HardshipFixture *fixture,
                gint64           pioneer_id,
                int              year,
                gint64           amount)
{
  g_autoptr(XfHardshipCase) hardship_case = new_case (pioneer_id);
  g_autoptr(GError) error = NULL;
  gint64 id;

  hardship_case->year = year;
  id = xf_care_apply_hardship (fixture->base.care, hardship_case, &error);
  g_assert_no_error (error);
  assess (fixture->base.care, id, amount);
  approve (fixture->second_admin, id, 0);
  return id;
}

/* The final approval keeps the year's grants within the programme's
 * budget (approved cases not yet paid count) and its quota of cases. */
static void
test_year_limits (HardshipFixture *fixture,
                  gconstpointer    data)
{
  gint64 li = xf_test_care_add_person (&fixture->base, "李秀英", "1968-05-05", XF_TEST_WUKANG, NULL);
  gint64 first, second, third, earlier, audit_before;
  g_autoptr(GError) error = NULL;

  exec_sql (fixture, "UPDATE care_programmes SET yearly_budget = 2500000, yearly_quota = 2"
                                     " WHERE code = 'hardship-support'");
  first = first_approved (fixture, fixture->wang, 2026, YUAN (15000));
  second = first_approved (fixture, fixture->zhao, 2026, YUAN (12000));
  approve (fixture->base.care, first, 0);

  audit_before = count (fixture, "SELECT COUNT(*) FROM audit_log");
  g_assert_false (xf_care_approve_case (fixture->base.care, second, 0, &error));
  assert_refusal (error, XF_ERROR_INVALID,
                  "Granted amount: ¥12,000.00 is more than the ¥10,000.00 left of the 2026 budget of ¥25,000.00");
  g_clear_error (&error);
  /* Refused: nothing written, no flag. */
  assert_status (fixture, second, XF_CASE_APPROVED_FIRST);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (count_of (fixture, "SELECT COUNT(*) FROM care_profiles WHERE hardship = 1 AND pioneer_id = %s",
                             fixture->zhao), ==, 0);
  /* What is left fits; paid or not, the grants count alike. */
  pay (fixture->base.care, first, XF_TEST_CARE_TODAY, YUAN (5000), "财-1");
  approve (fixture->base.care, second, YUAN (10000));

  /* The quota: two cases granted in 2026 already, the budget aside. */
  exec_sql (fixture, "UPDATE care_programmes SET yearly_budget = 0 WHERE code = 'hardship-support'");
  third = first_approved (fixture, li, 2026, YUAN (100));
  assert_approve_refused (fixture->base.care, third, XF_ERROR_INVALID,
                          "Year: the quota of 2 cases for 2026 is granted already");
  assert_status (fixture, third, XF_CASE_APPROVED_FIRST);
  /* Another year has its own. */
  g_assert_true (xf_care_withdraw_case (fixture->base.care, third, "改为上年度", &error) == FALSE);
  g_clear_error (&error);
  g_assert_true (xf_care_reject_case (fixture->base.care, third, "改为上年度", &error));
  g_assert_no_error (error);
  earlier = first_approved (fixture, li, 2025, YUAN (100));
  approve (fixture->base.care, earlier, 0);
  assert_status (fixture, earlier, XF_CASE_APPROVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add (path, HardshipFixture, NULL, set_up, func, tear_down)
  add_test ("/care/hardship/two-steps", test_two_steps);
  add_test ("/care/hardship/same-person", test_same_person);
  add_test ("/care/hardship/masking", test_masking);
  add_test ("/care/hardship/payments", test_payments);
  add_test ("/care/hardship/reject-withdraw", test_reject_withdraw);
  add_test ("/care/hardship/application-refusals", test_application_refusals);
  add_test ("/care/hardship/audit", test_audit);
  add_test ("/care/hardship/list", test_list);
  add_test ("/care/hardship/one-open-case", test_one_open_case);
  add_test ("/care/hardship/status-wording", test_status_wording);
  add_test ("/care/hardship/year-limits", test_year_limits);
#undef add_test

  return g_test_run ();
}
