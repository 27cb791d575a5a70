/* test-care-batches.c — batches: the eligible list, quota and budget,
 *                       invitations, answers and the waiting list,
 *                       attendance, closing, cancelling, permissions
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-people.h"

#define TRIP "test-trip"   /* quota 5, no budget, ¥2,000 a place, aged 65 and under */
#define SPA  "test-spa"    /* no quota, a ¥30,000 budget, ¥2,000 a place */
#define TEAMS "test-teams" /* collectives only: nobody here */
#define YOUNG "{\"kinds\": [\"individual\"], \"max_age\": 65}"

/* A programme of ours, ¥2,000 a place. */
static void
add_programme (CareFixture *fixture,
               const char  *code,
               const char  *rules,
               int          quota,
               gint64       budget)
{
  g_autoptr(XfCareProgramme) programme = xf_care_programme_new ();
  g_autoptr(GError) error = NULL;

  g_free (programme->code);
  programme->code = g_strdup (code);
  g_free (programme->kind);
  programme->kind = g_strdup (XF_CARE_KIND_RECUPERATION);
  g_free (programme->name_en);
  programme->name_en = g_strdup ("Test trip");
  g_free (programme->name_zh);
  programme->name_zh = g_strdup ("测试疗休养");
  xf_care_rules_free (programme->rules);
  programme->rules = xf_care_rules_parse (rules, &error);
  g_assert_no_error (error);
  programme->yearly_quota = quota;
  programme->yearly_budget = budget;
  programme->unit_cost = 200000;
  g_assert_cmpint (xf_care_save_programme (fixture->care, programme, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct
{
  CareFixture base;
  gint64      wang;    /* Wukang, Deqing */
  gint64      li;      /* Wukang, Deqing */
  gint64      zhao;    /* Anji */
  gint64      chen;    /* Anji */
  gint64      old;     /* Deqing, aged 70: not eligible */
} BatchFixture;

static void
set_up (BatchFixture  *fixture,
        gconstpointer  data)
{
  CareFixture *base = &fixture->base;

  xf_test_care_set_up (base, data);
  add_programme (base, TRIP, YOUNG, 5, 0);
  add_programme (base, SPA, YOUNG, 0, 3000000);
  add_programme (base, TEAMS, "{\"kinds\": [\"collective\"]}", 0, 0);
  fixture->wang = xf_test_care_add_person (base, "王建国", "1975-04-01", XF_TEST_WUKANG, NULL);
  fixture->li = xf_test_care_add_person (base, "李秀英", "1980-06-01", XF_TEST_WUKANG, NULL);
  fixture->zhao = xf_test_care_add_person (base, "赵志强", "1970-01-01", "330523001", NULL);
  fixture->chen = xf_test_care_add_person (base, "陈芳", "1985-09-01", "330523001", NULL);
  fixture->old = xf_test_care_add_person (base, "周老", "1955-02-01", XF_TEST_DEQING, NULL);
}

static void
tear_down (BatchFixture  *fixture,
           gconstpointer  data)
{
  xf_test_care_tear_down (&fixture->base, data);
}

static gint64
count (BatchFixture *fixture,
       const char   *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (BatchFixture *fixture,
       const char   *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return xf_test_query_int64 (fixture->base.store, sql);
}

static XfCareBatch *
new_batch (const char *programme,
           int         places)
{
  XfCareBatch *batch = xf_care_batch_new ();

  batch->programme_code = g_strdup (programme);
  batch->title = g_strdup ("2026年劳模疗休养（第一批）");
  batch->reference_on = g_strdup ("2026-06-01");
  batch->starts_on = g_strdup ("2026-06-10");
  batch->ends_on = g_strdup ("2026-06-15");
  batch->reply_by = g_strdup ("2026-05-20");
  batch->place = g_strdup ("莫干山职工疗休养院");
  batch->places = places;
  return batch;
}

static gint64
create (XfCare     *care,
        const char *programme,
        int         places)
{
  g_autoptr(XfCareBatch) batch = new_batch (programme, places);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_care_create_batch (care, batch, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static XfCareBatch *
get (BatchFixture *fixture,
     gint64        id)
{
  g_autoptr(GError) error = NULL;
  XfCareBatch *batch = xf_care_get_batch (fixture->base.care, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

static const char *
member_status (const XfCareBatch *batch,
               gint64             pioneer_id)
{
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == pioneer_id)
        return member->status;
    }
  return NULL;
}

static void
assert_member (BatchFixture *fixture,
               gint64        batch_id,
               gint64        pioneer_id,
               const char   *status)
{
  g_autoptr(XfCareBatch) batch = get (fixture, batch_id);

  g_assert_cmpstr (member_status (batch, pioneer_id), ==, status);
}

static void
invite (XfCare *care,
        gint64  id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_send_invitations (care, id, &error));
  g_assert_no_error (error);
}

static void
answer (XfCare     *care,
        gint64      id,
        gint64      pioneer_id,
        gboolean    accept,
        const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_answer (care, id, pioneer_id, accept, reason, &error));
  g_assert_no_error (error);
}

static void
attend (XfCare   *care,
        gint64    id,
        gint64    pioneer_id,
        gboolean  attended)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_care_record_attendance (care, id, pioneer_id, attended, &error));
  g_assert_no_error (error);
}

/* @error is XF_ERROR @code and its message is @message. */
static void
assert_refusal (GError     *error,
                int         code,
                const char *message)
{
  g_assert_error (error, XF_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static gint64
records_of (BatchFixture *fixture,
            gint64        batch_id)
{
  return count (fixture, "SELECT COUNT(*) FROM care_records WHERE batch_id = %" G_GINT64_FORMAT, batch_id);
}

/* The whole life of a batch, with two places for four eligible people. */
static void
test_life_cycle (BatchFixture  *fixture,
                 gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 2);

  batch = get (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_DRAFT);
  g_assert_cmpstr (batch->programme_code, ==, TRIP);
  g_assert_cmpstr (batch->programme_name, ==, "Test trip");
  g_assert_cmpint (batch->year, ==, 2026);
  g_assert_cmpint (batch->unit_cost, ==, 200000);
  g_assert_cmpint (batch->version, ==, 1);
  /* Everyone eligible on the reference date, not 周老 at 71. */
  g_assert_cmpint (batch->n_listed, ==, 4);
  g_assert_cmpuint (batch->members->len, ==, 4);
  g_assert_cmpstr (member_status (batch, fixture->wang), ==, XF_MEMBER_LISTED);
  g_assert_null (member_status (batch, fixture->old));
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == fixture->wang)
        {
          g_assert_cmpint (member->age, ==, 51);
          g_assert_cmpstr (member->pioneer_name, ==, "王建国");
          g_assert_nonnull (member->pioneer_uid);
        }
    }
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-batch'"
                          " AND action = 'create'"), ==, 1);

  invite (care, id);
  g_clear_pointer (&batch, xf_care_batch_free);
  batch = get (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_INVITING);
  g_assert_cmpint (batch->n_invited, ==, 4);
  g_assert_cmpint (batch->version, ==, 2);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_batch_members WHERE invited_on = '2026-03-09'"),
                   ==, 4);

  answer (care, id, fixture->wang, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  answer (care, id, fixture->zhao, TRUE, NULL);
  answer (care, id, fixture->chen, FALSE, "家中有事");
  g_clear_pointer (&batch, xf_care_batch_free);
  batch = get (fixture, id);
  g_assert_cmpint (batch->n_accepted, ==, 2);
  g_assert_cmpint (batch->n_waitlisted, ==, 1);
  g_assert_cmpint (batch->n_declined, ==, 1);
  g_assert_cmpint (batch->n_invited, ==, 0);
  g_assert_cmpstr (member_status (batch, fixture->zhao), ==, XF_MEMBER_WAITLISTED);

  attend (care, id, fixture->wang, TRUE);
  attend (care, id, fixture->li, FALSE);
  g_assert_cmpint (records_of (fixture, id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT amount FROM care_records WHERE batch_id = %" G_GINT64_FORMAT, id),
                   ==, 200000);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_records WHERE on_date = '2026-06-10'"), ==, 1);

  g_assert_true (xf_care_close_batch (care, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&batch, xf_care_batch_free);
  batch = get (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_CLOSED);
  g_assert_cmpint (batch->n_attended, ==, 1);
  /* Closed: nothing more to do. */
  {
    g_auto(GStrv) actions = xf_care_batch_allowed_actions (care, batch);

    g_assert_cmpuint (g_strv_length (actions), ==, 0);
  }

  list = xf_care_list_batches (care, TRIP, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((XfCareBatch *) g_ptr_array_index (list, 0))->n_attended, ==, 1);
  g_assert_cmpuint (((XfCareBatch *) g_ptr_array_index (list, 0))->members->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_care_list_batches (care, SPA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (xf_care_list_batches (care, "no-such-thing", 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_quota (BatchFixture  *fixture,
            gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) second = new_batch (TRIP, 3);
  g_autoptr(XfCareBatch) other_year = new_batch (TRIP, 5);
  g_autoptr(GError) error = NULL;
  gint64 audit = 0, first = create (care, TRIP, 4);

  audit = count (fixture, "SELECT COUNT(*) FROM audit_log");
  g_assert_cmpint (xf_care_create_batch (care, second, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Places: the quota for 2026 is 5 and other batches hold 4; at most 1");
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_batches"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log"), ==, audit);

  /* Another year has a quota of its own. */
  g_free (other_year->reference_on);
  other_year->reference_on = g_strdup ("2027-01-15");
  g_assert_cmpint (xf_care_create_batch (care, other_year, &error), >, 0);
  g_assert_no_error (error);

  /* A cancelled batch gives its places back. */
  g_assert_true (xf_care_cancel_batch (care, first, "改期", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_care_create_batch (care, second, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_budget (BatchFixture  *fixture,
             gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) second = new_batch (SPA, 6);
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = create (care, SPA, 10);

  /* ¥30,000 a year, ¥20,000 held by the first batch's ten places. */
  g_assert_cmpint (xf_care_create_batch (care, second, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID,
                  "Places: 6 places cost ¥12,000.00, but ¥10,000.00 is left of the 2026 budget of ¥30,000.00; "
                  "at most 5");
  g_clear_error (&error);
  second->places = 5;
  g_assert_cmpint (xf_care_create_batch (care, second, &error), >, 0);
  g_assert_no_error (error);

  /* Growing the first batch passes the budget too. */
  batch = get (fixture, first);
  batch->places = 11;
  g_assert_false (xf_care_update_batch (care, batch, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Places: 11 places cost ¥22,000.00, but ¥20,000.00 is left"));
  g_clear_error (&error);
  /* Fewer places always fit. */
  batch->places = 8;
  g_assert_true (xf_care_update_batch (care, batch, &error));
  g_assert_no_error (error);
}

/* Places freed by a decline go to the waiting list in answer order. */
static void
test_waiting_list (BatchFixture  *fixture,
                   gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 1);

  invite (care, id);
  answer (care, id, fixture->zhao, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  answer (care, id, fixture->wang, TRUE, NULL);
  assert_member (fixture, id, fixture->zhao, XF_MEMBER_ACCEPTED);
  assert_member (fixture, id, fixture->li, XF_MEMBER_WAITLISTED);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_WAITLISTED);
  g_assert_cmpint (count (fixture, "SELECT position FROM care_batch_members WHERE pioneer_id = %"
                          G_GINT64_FORMAT, fixture->wang), ==, 2);

  /* A decline needs a reason. */
  g_assert_false (xf_care_answer (care, id, fixture->zhao, FALSE, " ", &error));
  assert_refusal (error, XF_ERROR_INVALID, "Reason: say why the invitation is declined");
  g_clear_error (&error);

  answer (care, id, fixture->zhao, FALSE, "身体不适");
  assert_member (fixture, id, fixture->zhao, XF_MEMBER_DECLINED);
  assert_member (fixture, id, fixture->li, XF_MEMBER_ACCEPTED);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_WAITLISTED);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'care-status'"
                          " AND new_value = 'a place was freed'"), ==, 1);

  /* A waitlisted member may give up its turn; the next still waits. */
  answer (care, id, fixture->li, FALSE, "改变主意");
  assert_member (fixture, id, fixture->wang, XF_MEMBER_ACCEPTED);

  /* Declined is final. */
  g_assert_false (xf_care_answer (care, id, fixture->zhao, TRUE, NULL, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "赵志强 is declined: cannot accept");
}

/* Places added to a batch go to its waiting list, in order. */
static void
test_more_places (BatchFixture  *fixture,
                  gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 1);

  invite (care, id);
  answer (care, id, fixture->zhao, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  answer (care, id, fixture->wang, TRUE, NULL);
  answer (care, id, fixture->chen, TRUE, NULL);
  batch = get (fixture, id);
  batch->places = 3;
  g_assert_true (xf_care_update_batch (care, batch, &error));
  g_assert_no_error (error);
  assert_member (fixture, id, fixture->li, XF_MEMBER_ACCEPTED);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_ACCEPTED);
  assert_member (fixture, id, fixture->chen, XF_MEMBER_WAITLISTED);
  /* Not fewer places than are taken. */
  g_clear_pointer (&batch, xf_care_batch_free);
  batch = get (fixture, id);
  batch->places = 2;
  g_assert_false (xf_care_update_batch (care, batch, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Places: 3 are taken; not fewer than that, not 2");
}

static void
test_attendance (BatchFixture  *fixture,
                 gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 3);

  invite (care, id);
  answer (care, id, fixture->wang, TRUE, NULL);
  /* Only those who accepted attend. */
  g_assert_false (xf_care_record_attendance (care, id, fixture->li, TRUE, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "李秀英 is invited: only those who accepted attend");
  g_clear_error (&error);
  /* Somebody not on the list. */
  g_assert_false (xf_care_record_attendance (care, id, fixture->old, TRUE, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  attend (care, id, fixture->wang, TRUE);
  g_assert_cmpint (records_of (fixture, id), ==, 1);
  /* The same again changes nothing. */
  attend (care, id, fixture->wang, TRUE);
  g_assert_cmpint (records_of (fixture, id), ==, 1);
  /* Corrected to absent: the record goes. */
  attend (care, id, fixture->wang, FALSE);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_ABSENT);
  g_assert_cmpint (records_of (fixture, id), ==, 0);
  attend (care, id, fixture->wang, TRUE);
  g_assert_cmpint (records_of (fixture, id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'care-status'"
                          " AND field LIKE 'member:%%' AND new_value IN ('attended', 'absent')"), ==, 3);
}

static void
test_close (BatchFixture  *fixture,
            gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 3);

  /* A draft is not closed. */
  g_assert_false (xf_care_close_batch (care, id, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot close a batch that is draft");
  g_clear_error (&error);

  invite (care, id);
  answer (care, id, fixture->wang, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  attend (care, id, fixture->wang, TRUE);
  g_assert_false (xf_care_close_batch (care, id, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Attendance: 1 accepted member has none yet");
  g_clear_error (&error);
  answer (care, id, fixture->zhao, TRUE, NULL);
  g_assert_false (xf_care_close_batch (care, id, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Attendance: 2 accepted members have none yet");
  g_clear_error (&error);

  attend (care, id, fixture->li, FALSE);
  attend (care, id, fixture->zhao, TRUE);
  g_assert_true (xf_care_close_batch (care, id, &error));
  g_assert_no_error (error);
  /* 陈芳 never answered. */
  batch = get (fixture, id);
  g_assert_cmpstr (member_status (batch, fixture->chen), ==, XF_MEMBER_DECLINED);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM care_batch_members WHERE decline_reason = 'no answer'"),
                   ==, 1);
  g_assert_cmpint (batch->n_attended, ==, 2);

  /* Nothing happens to a closed batch. */
  g_assert_false (xf_care_record_attendance (care, id, fixture->li, TRUE, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot record attendance in a batch that is closed");
  g_clear_error (&error);
  g_assert_false (xf_care_send_invitations (care, id, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot send invitations of a batch that is closed");
  g_clear_error (&error);
  g_assert_false (xf_care_cancel_batch (care, id, "错了", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot cancel a batch that is closed");
}

static void
test_cancel (BatchFixture  *fixture,
             gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 2);
  gint64 attended = create (care, TRIP, 2);

  g_assert_false (xf_care_cancel_batch (care, id, "", &error));
  assert_refusal (error, XF_ERROR_INVALID, "Reason: this is required");
  g_clear_error (&error);
  /* In a draft nobody answers. */
  g_assert_false (xf_care_answer (care, id, fixture->wang, TRUE, NULL, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot record answers in a batch that is draft");
  g_clear_error (&error);

  g_assert_true (xf_care_cancel_batch (care, id, "疗休养院装修", &error));
  g_assert_no_error (error);
  batch = get (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_CANCELLED);
  g_assert_cmpstr (batch->cancel_reason, ==, "疗休养院装修");
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'care-status'"
                          " AND field = 'reason' AND new_value = '疗休养院装修'"), ==, 1);
  g_assert_false (xf_care_send_invitations (care, id, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot send invitations of a batch that is cancelled");
  g_clear_error (&error);

  /* Once somebody attended, the batch happened. */
  invite (care, attended);
  answer (care, attended, fixture->wang, TRUE, NULL);
  attend (care, attended, fixture->wang, TRUE);
  g_assert_false (xf_care_cancel_batch (care, attended, "取消", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Cannot cancel a batch that 1 member has attended");
}

static void
test_members (BatchFixture  *fixture,
              gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 2);

  /* 周老 is too old for the programme: only with a reason. */
  g_assert_false (xf_care_add_member (care, id, fixture->old, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Pioneer: 周老 is not eligible ("));
  g_clear_error (&error);
  g_assert_true (xf_care_add_member (care, id, fixture->old, "老劳模特批", &error));
  g_assert_no_error (error);
  g_assert_false (xf_care_add_member (care, id, fixture->wang, NULL, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Pioneer: 王建国 is already on the list");
  g_clear_error (&error);

  /* Off the draft list without a reason, and back on. */
  g_assert_true (xf_care_remove_member (care, id, fixture->wang, NULL, &error));
  g_assert_no_error (error);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_REMOVED);
  g_assert_true (xf_care_add_member (care, id, fixture->wang, NULL, &error));
  g_assert_no_error (error);
  assert_member (fixture, id, fixture->wang, XF_MEMBER_LISTED);

  invite (care, id);
  batch = get (fixture, id);
  g_assert_cmpint (batch->n_invited, ==, 5);
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == fixture->old)
        g_assert_cmpstr (member->override_reason, ==, "老劳模特批");
    }
  /* While inviting, taking someone off needs a reason. */
  g_assert_false (xf_care_remove_member (care, id, fixture->li, NULL, &error));
  assert_refusal (error, XF_ERROR_INVALID, "Reason: say why an invited person is taken off the list");
  g_clear_error (&error);
  g_assert_true (xf_care_remove_member (care, id, fixture->li, "已调离", &error));
  g_assert_no_error (error);
  answer (care, id, fixture->wang, TRUE, NULL);
  g_assert_false (xf_care_remove_member (care, id, fixture->wang, "x", &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "王建国 is accepted: cannot take them off the list");
}

/* @action is among what @care may do with batch @id now. */
static gboolean
allows (BatchFixture *fixture,
        XfCare       *care,
        gint64        id,
        const char   *action)
{
  g_autoptr(XfCareBatch) batch = get (fixture, id);
  g_auto(GStrv) actions = xf_care_batch_allowed_actions (care, batch);

  return g_strv_contains ((const char * const *) actions, action);
}

/* Members can be taken off while someone listed or invited is left. */
static void
test_remove_allowed (BatchFixture  *fixture,
                     gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCare) reviewer = xf_test_care_as (&fixture->base, "reviewer-1", XF_ROLE_REVIEWER, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = create (care, TRIP, 2);
  gint64 nobody = create (care, TEAMS, 2);

  g_assert_true (allows (fixture, care, id, "remove-member"));
  g_assert_false (allows (fixture, reviewer, id, "remove-member"));
  /* Nobody on the list: nobody to take off. */
  g_assert_false (allows (fixture, care, nobody, "remove-member"));
  g_assert_true (allows (fixture, care, nobody, "add-member"));

  invite (care, id);
  g_assert_true (allows (fixture, care, id, "remove-member"));
  answer (care, id, fixture->wang, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  answer (care, id, fixture->zhao, FALSE, "家中有事");
  g_assert_true (allows (fixture, care, id, "remove-member"));
  answer (care, id, fixture->chen, TRUE, NULL);
  /* Everyone has answered: accepted, waitlisted or declined stay. */
  g_assert_false (allows (fixture, care, id, "remove-member"));
  g_assert_true (allows (fixture, care, id, "add-member"));

  g_assert_true (xf_care_cancel_batch (care, nobody, "取消", &error));
  g_assert_no_error (error);
  g_assert_false (allows (fixture, care, nobody, "remove-member"));
}

/* The same member writes on batch @id: 6 answers and attendances, 20
 * removals and 20 declines of @first… (the pioneers added by hand);
 * returns the milliseconds a write took on average. */
static double
time_member_writes (BatchFixture *fixture,
                    gint64        id,
                    gint64        first)
{
  XfCare *care = fixture->base.care;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int writes = 6;

  answer (care, id, fixture->wang, TRUE, NULL);
  answer (care, id, fixture->li, TRUE, NULL);
  answer (care, id, fixture->zhao, TRUE, NULL);   /* waitlisted */
  answer (care, id, fixture->li, FALSE, "家中有事");   /* 赵志强 takes the place */
  attend (care, id, fixture->wang, TRUE);
  attend (care, id, fixture->zhao, FALSE);
  for (int i = 0; i < 20; i++, writes++)
    {
      g_assert_true (xf_care_remove_member (care, id, first + i, "已调离", &error));
      g_assert_no_error (error);
    }
  for (int i = 20; i < 40; i++, writes++)
    answer (care, id, first + i, FALSE, "家中有事");
  return (g_get_monotonic_time () - start) / 1000.0 / writes;
}

/* @n pioneers of ours, invited to batch @id; the first one's id. */
static gint64
invite_many (BatchFixture *fixture,
             gint64        id,
             int           n)
{
  XfDb *db = xf_store_get_db (fixture->base.store);
  g_autoptr(GError) error = NULL;
  g_autofree char *pioneers = NULL;
  g_autofree char *members = NULL;
  g_autofree char *first = NULL;

  pioneers = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                              " INSERT INTO pioneers (uid, kind, name, birth_date, region_code, created_at, updated_at)"
                              " SELECT 'many-%" G_GINT64_FORMAT "-' || i, 'individual', 'P' || i, '1975-01-01',"
                              " '330521001', 0, 0 FROM n", n, id);
  g_assert_true (xf_db_exec (db, pioneers, &error));
  g_assert_no_error (error);
  members = g_strdup_printf ("INSERT INTO care_batch_members (batch_id, pioneer_id, status, invited_on, created_at,"
                             " updated_at) SELECT %" G_GINT64_FORMAT ", id, 'invited', '2026-03-09', 0, 0"
                             " FROM pioneers WHERE uid LIKE 'many-%" G_GINT64_FORMAT "-%%'", id, id);
  g_assert_true (xf_db_exec (db, members, &error));
  g_assert_no_error (error);
  first = g_strdup_printf ("SELECT MIN(id) FROM pioneers WHERE uid LIKE 'many-%" G_GINT64_FORMAT "-%%'", id);
  return xf_test_query_int64 (fixture->base.store, first);
}

/* A member's write on a batch of 30,000 costs about what it costs on a
 * batch of 44: nothing in it reads the whole list (the figures go to the
 * test's log). */
static void
test_big_batch (BatchFixture  *fixture,
                gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = NULL;
  gint64 small = create (care, SPA, 2);
  gint64 big = create (care, SPA, 2);
  gint64 small_first, big_first;
  double small_ms, big_ms;

  invite (care, small);
  invite (care, big);
  small_first = invite_many (fixture, small, 40);
  big_first = invite_many (fixture, big, 30000);
  small_ms = time_member_writes (fixture, small, small_first);
  big_ms = time_member_writes (fixture, big, big_first);
  g_test_message ("A member write: %.2f ms on a batch of 44, %.2f ms on a batch of 30,004", small_ms, big_ms);

  batch = get (fixture, big);
  g_assert_cmpint (batch->n_accepted, ==, 2);
  g_assert_cmpint (batch->n_attended, ==, 1);
  g_assert_cmpint (batch->n_declined, ==, 21);
  g_assert_cmpint (batch->n_invited, ==, 30004 - 3 - 20 - 20);
  g_assert_cmpint (batch->n_listed, ==, 30004 - 20);
  g_assert_cmpstr (member_status (batch, fixture->zhao), ==, XF_MEMBER_ABSENT);
  /* Generous for a shared machine: reading the whole list on each write
   * cost 40 ms a write here. */
  g_assert_cmpfloat (big_ms, <, 3 * small_ms + 2.0);
}

static void
test_refusals (BatchFixture  *fixture,
               gconstpointer  data)
{
  XfCare *care = fixture->base.care;
  g_autoptr(XfCareBatch) batch = new_batch (TRIP, 0);
  g_autoptr(XfCareBatch) stored = NULL;
  g_autoptr(XfCareBatch) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Places: at least 1, not 0");
  g_clear_error (&error);
  batch->places = 1;
  g_free (batch->title);
  batch->title = g_strdup ("  ");
  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Title: this is required");
  g_clear_error (&error);
  g_free (batch->title);
  batch->title = g_strdup ("第二批");
  g_free (batch->ends_on);
  batch->ends_on = g_strdup ("2026-06-01");
  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Ends: 2026-06-01 is before the start, 2026-06-10");
  g_clear_error (&error);
  g_free (batch->ends_on);
  batch->ends_on = NULL;
  /* Answers come before the trip, not after it has started. */
  g_free (batch->reply_by);
  batch->reply_by = g_strdup ("2026-06-20");
  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Reply by: 2026-06-20 is after the start, 2026-06-10");
  g_clear_error (&error);
  g_free (batch->reply_by);
  batch->reply_by = g_strdup ("2026-06-10");
  /* A batch counts against its year's quota and budget: not a year far
   * from its reference date, where the places would be free. */
  batch->year = 2030;
  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  assert_refusal (error, XF_ERROR_INVALID, "Year: 2030 is more than a year from the reference date, 2026-06-01");
  g_clear_error (&error);
  batch->year = 0;
  g_free (batch->reference_on);
  batch->reference_on = g_strdup ("2026-13-01");
  g_assert_cmpint (xf_care_create_batch (care, batch, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reference date: "));
  g_clear_error (&error);

  /* Nobody eligible: invitations are refused. */
  g_free (batch->reference_on);
  batch->reference_on = g_strdup ("2026-06-01");
  g_free (batch->programme_code);
  batch->programme_code = g_strdup (TEAMS);
  id = xf_care_create_batch (care, batch, &error);
  g_assert_no_error (error);
  g_assert_false (xf_care_send_invitations (care, id, &error));
  assert_refusal (error, XF_ERROR_WORKFLOW, "Nobody is on the list: add people before sending invitations");
  g_clear_error (&error);

  /* A stale copy is refused. */
  stored = get (fixture, id);
  stale = xf_care_batch_copy (stored);
  g_free (stored->place);
  stored->place = g_strdup ("安吉");
  g_assert_true (xf_care_update_batch (care, stored, &error));
  g_assert_no_error (error);
  g_assert_false (xf_care_update_batch (care, stale, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'update'"
                          " AND record_type = 'care-batch' AND field = 'place'"), ==, 1);
  g_assert_null (xf_care_get_batch (care, 9999, &error));
  assert_refusal (error, XF_ERROR_NOT_FOUND, "Batch 9999 does not exist");
}

/* A Deqing clerk answers for Deqing's pioneers only; a reviewer manages
 * no batch at all. */
static void
test_permissions (BatchFixture  *fixture,
                  gconstpointer  data)
{
  XfCare *admin = fixture->base.care;
  g_autoptr(XfCare) clerk = xf_test_care_as (&fixture->base, "deqing-clerk", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autoptr(XfCare) reviewer = xf_test_care_as (&fixture->base, "reviewer-1", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfCareBatch) batch = new_batch (TRIP, 2);
  g_autoptr(XfCareBatch) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  gint64 id;

  g_assert_cmpint (xf_care_create_batch (reviewer, batch, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  id = create (clerk, TRIP, 2);
  stored = xf_care_get_batch (reviewer, id, &error);
  g_assert_no_error (error);
  actions = xf_care_batch_allowed_actions (reviewer, stored);
  g_assert_cmpuint (g_strv_length (actions), ==, 0);
  g_clear_pointer (&actions, g_strfreev);
  actions = xf_care_batch_allowed_actions (clerk, stored);
  g_assert_true (g_strv_equal ((const char * const *) actions,
                               (const char * const[]) { "edit", "add-member", "remove-member", "invite",
                                                        "cancel", NULL }));

  invite (clerk, id);
  g_assert_false (xf_care_send_invitations (reviewer, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  answer (clerk, id, fixture->wang, TRUE, NULL);
  g_assert_false (xf_care_answer (clerk, id, fixture->zhao, TRUE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_member (fixture, id, fixture->zhao, XF_MEMBER_INVITED);
  answer (admin, id, fixture->zhao, TRUE, NULL);
  attend (clerk, id, fixture->wang, TRUE);
  g_assert_false (xf_care_record_attendance (clerk, id, fixture->zhao, TRUE, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_care_record_attendance (reviewer, id, fixture->wang, FALSE, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (records_of (fixture, id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT COUNT(*) FROM audit_log WHERE actor_login = 'deqing-clerk'"
                          " AND action = 'care-status'"), >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add (path, BatchFixture, NULL, set_up, func, tear_down)
  add_test ("/care/batches/life-cycle", test_life_cycle);
  add_test ("/care/batches/quota", test_quota);
  add_test ("/care/batches/budget", test_budget);
  add_test ("/care/batches/waiting-list", test_waiting_list);
  add_test ("/care/batches/more-places", test_more_places);
  add_test ("/care/batches/attendance", test_attendance);
  add_test ("/care/batches/close", test_close);
  add_test ("/care/batches/cancel", test_cancel);
  add_test ("/care/batches/members", test_members);
  add_test ("/care/batches/remove-allowed", test_remove_allowed);
  add_test ("/care/batches/refusals", test_refusals);
  add_test ("/care/batches/big", test_big_batch);
  add_test ("/care/batches/permissions", test_permissions);
#undef add_test

  return g_test_run ();
}
