/* test-workflow.c — the nomination state machine, allowed and refused
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-test-evaluation.h"

/*
 * The table is written out here rather than read from xf-workflow.c, so a
 * change to either shows as a failure. Then every (stage, action) pair is
 * tried through the repository: an allowed one must work end to end and
 * land where the table says; a refused one must fail with XF_ERROR_WORKFLOW
 * naming the current stage and write nothing (same version, same audit
 * trail length).
 */

static const char * const stages[] = {
  "draft", "preliminary", "returned", "committee", "notice", "decision",
  "conferred", "declined", "rejected", "vetoed", "not-selected", "withdrawn",
};
#define N_STAGES G_N_ELEMENTS (stages)

/* How a refusal names each stage, in English. */
static const char * const phrases[N_STAGES] = {
  "in draft", "in preliminary review", "returned for revision", "in committee review",
  "in public notice", "awaiting decision", "already conferred", "already declined",
  "already rejected", "already vetoed", "not selected", "already withdrawn",
};

/* One row per action: for each stage above, where it leads ("" refused). */
static const struct
{
  XfAction     action;
  const char  *code;
  XfOperation  operation;
  gboolean     needs_reason;
  const char  *to[N_STAGES];
} table[] = {
  /*                                                     draft          preliminary     returned       committee       notice        decision     finals… */
  { XF_ACTION_SUBMIT, "submit", XF_OP_REQUEST_EDIT, FALSE,
    { "preliminary", "",            "",            "",             "",           "" } },
  { XF_ACTION_RESUBMIT, "resubmit", XF_OP_REQUEST_EDIT, FALSE,
    { "",            "",            "preliminary", "",             "",           "" } },
  { XF_ACTION_RETURN, "return", XF_OP_NOMINATION_VET, TRUE,
    { "",            "returned",    "",            "",             "",           "" } },
  { XF_ACTION_REJECT, "reject", XF_OP_NOMINATION_VET, TRUE,
    { "",            "rejected",    "",            "",             "",           "" } },
  { XF_ACTION_PASS_PRELIMINARY, "pass-preliminary", XF_OP_NOMINATION_VET, FALSE,
    { "",            "preliminary", "",            "",             "",           "" } },
  { XF_ACTION_CLEAR_VETTING, "clear-vetting", XF_OP_NOMINATION_VET, FALSE,
    { "",            "preliminary", "returned",    "",             "",           "" } },
  { XF_ACTION_VETO, "veto", XF_OP_NOMINATION_VET, TRUE,
    { "",            "vetoed",      "vetoed",      "",             "",           "" } },
  { XF_ACTION_SELECT, "select", XF_OP_REVIEW, FALSE,
    { "",            "",            "",            "notice",       "",           "" } },
  { XF_ACTION_NOT_SELECT, "not-select", XF_OP_REVIEW, FALSE,
    { "",            "",            "",            "not-selected", "",           "" } },
  { XF_ACTION_CLOSE_NOTICE, "close-notice", XF_OP_NOMINATION_VET, FALSE,
    { "",            "",            "",            "",             "decision",   "" } },
  { XF_ACTION_UPHOLD_OBJECTION, "uphold-objection", XF_OP_NOMINATION_VET, TRUE,
    { "",            "",            "",            "",             "committee",  "" } },
  { XF_ACTION_CONFER, "confer", XF_OP_NOMINATION_DECIDE, FALSE,
    { "",            "",            "",            "",             "",           "conferred" } },
  { XF_ACTION_DECLINE, "decline", XF_OP_NOMINATION_DECIDE, TRUE,
    { "",            "",            "",            "",             "",           "declined" } },
  { XF_ACTION_WITHDRAW, "withdraw", XF_OP_REQUEST_EDIT, TRUE,
    { "withdrawn",   "withdrawn",   "withdrawn",   "withdrawn",    "withdrawn",  "withdrawn" } },
};

static const char *
expected_target (guint action_row,
                 guint stage)
{
  const char *to = table[action_row].to[stage];

  return to != NULL && *to != '\0' ? to : NULL;
}

static void
test_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (table), ==, XF_N_ACTIONS);
  /* xf_stage_all() is the same list, in the same order. */
  for (guint s = 0; s < N_STAGES; s++)
    g_assert_cmpstr (xf_stage_all ()[s], ==, stages[s]);
  g_assert_null (xf_stage_all ()[N_STAGES]);

  for (guint a = 0; a < G_N_ELEMENTS (table); a++)
    {
      XfAction parsed;

      g_assert_cmpint (table[a].action, ==, a);
      g_assert_cmpstr (xf_action_to_string (table[a].action), ==, table[a].code);
      g_assert_true (xf_action_from_string (table[a].code, &parsed));
      g_assert_cmpint (parsed, ==, table[a].action);
      g_assert_cmpint (xf_action_get_operation (table[a].action), ==, table[a].operation);
      g_assert_cmpint (xf_action_needs_reason (table[a].action), ==, table[a].needs_reason);
      g_assert_cmpstr (xf_action_get_label (table[a].action), !=, "");

      for (guint s = 0; s < N_STAGES; s++)
        {
          g_autoptr(GError) error = NULL;
          const char *to = expected_target (a, s);
          gboolean allowed = xf_workflow_check (stages[s], table[a].action, &error);

          g_assert_cmpstr (xf_workflow_target (stages[s], table[a].action), ==, to);
          if (to != NULL)
            {
              g_assert_true (allowed);
              g_assert_no_error (error);
            }
          else
            {
              g_assert_false (allowed);
              g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
              g_assert_true (g_str_has_prefix (error->message, "Cannot "));
              g_assert_true (g_str_has_suffix (error->message, phrases[s]));
            }
        }
    }
  g_assert_false (xf_action_from_string ("approve", NULL));
  g_assert_cmpstr (xf_workflow_target ("nowhere", XF_ACTION_WITHDRAW), ==, NULL);
}

static void
test_stages (void)
{
  static const gboolean final[N_STAGES] = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };
  static const gboolean counts[N_STAGES] = { 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0 };

  for (guint s = 0; s < N_STAGES; s++)
    {
      g_assert_cmpint (xf_stage_is_final (stages[s]), ==, final[s]);
      g_assert_cmpint (xf_stage_counts (stages[s]), ==, counts[s]);
      g_assert_cmpstr (xf_stage_label (stages[s]), !=, stages[s]);
    }
  g_assert_cmpstr (xf_stage_label ("preliminary"), ==, "Preliminary review");
  g_assert_false (xf_stage_is_final ("nowhere"));
  g_assert_false (xf_stage_counts (NULL));
}

/*
 * Through the repository
 */

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;
  gint64        campaign;
  char         *department;   /* the first vetting department's code */
  guint         n_checklist;
  guint         serial;
  GDate         today;
} Fixture;

static void
set_today (Fixture *fixture)
{
  g_autofree char *text = xf_date_format (&fixture->today);

  g_setenv ("XIANFENG_TODAY", text, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfCampaign) campaign = NULL;
  XfVettingDepartment *department;

  /* A Monday of an ordinary March. */
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 9, G_DATE_MARCH, 2026);
  set_today (fixture);
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->campaign = xf_test_add_campaign (fixture->admin, "county", 5);
  campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign, NULL);
  g_assert_nonnull (campaign);
  department = g_ptr_array_index (xf_campaign_get_vetting (campaign), 0);
  fixture->department = g_strdup (department->code);
  fixture->n_checklist = xf_campaign_get_checklist (campaign)->len;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->department, g_free);
  g_clear_object (&fixture->admin);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

static XfNomination *
get (Fixture *fixture,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (fixture->admin, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (nomination);
  return nomination;
}

static const char *
stage_of (Fixture *fixture,
          gint64   id)
{
  g_autoptr(XfNomination) nomination = get (fixture, id);
  static char stage[32];

  g_strlcpy (stage, xf_nomination_get_stage (nomination), sizeof stage);
  return stage;
}

/* A step the committee takes when a round closes: the step itself here
 * (test-committee.c takes it by closing rounds). */
static void
committee_step (Fixture    *fixture,
                gint64      id,
                XfAction    action,
                const char *to_stage)
{
  g_autoptr(XfNomination) nomination = get (fixture, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (_xf_evaluation_begin (fixture->admin, &error));
  g_assert_true (_xf_evaluation_move (fixture->admin, nomination, action, to_stage, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (_xf_evaluation_commit (fixture->admin, &error));
  g_assert_no_error (error);
}

static void
act_ok (Fixture    *fixture,
        gint64      id,
        XfAction    action,
        const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_act (fixture->admin, id, action, reason, &error));
  g_assert_no_error (error);
}

/* Publishes a notice of the nominations in public notice on none yet,
 * today (a working day), and moves five working days on (its period), so that it
 * has ended; the notice stays published for the close-notice step. */
static void
pass_notice_period (Fixture *fixture)
{
  XfCalendar *calendar = xf_evaluation_get_calendar (fixture->admin);
  GDate start = fixture->today;

  g_assert_true (xf_calendar_is_working_day (calendar, &start));
  if (xf_test_query_int64 (fixture->store,
                           "SELECT COUNT(*) FROM nominations n WHERE n.stage = 'notice'"
                           " AND NOT EXISTS (SELECT 1 FROM notice_candidates c"
                           "  JOIN notices x ON x.id = c.notice_id"
                           "  WHERE c.nomination_id = n.id AND x.status IN ('draft', 'published'))") > 0)
    xf_test_publish_notice (fixture->admin, fixture->campaign);
  do
    g_date_add_days (&fixture->today, 1);
  while (xf_calendar_working_days_between (calendar, &start, &fixture->today, NULL) < 5);
  set_today (fixture);
}

/* A fresh nomination (and candidate) brought to @stage. */
static gint64
nomination_in (Fixture    *fixture,
               const char *stage)
{
  g_autofree char *name = g_strdup_printf ("候选人%u", ++fixture->serial);
  gint64 pioneer = xf_test_add_candidate (fixture->admin, name, "某公司", "330521001");
  g_autoptr(XfNomination) draft = xf_nomination_new (fixture->campaign, pioneer, "德清县总工会");
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (xf_evaluation_save_nomination (fixture->admin, draft, NULL, &error));
  g_assert_no_error (error);
  id = xf_nomination_get_id (draft);

  if (g_str_equal (stage, "draft"))
    return id;
  if (g_str_equal (stage, "withdrawn"))
    {
      act_ok (fixture, id, XF_ACTION_WITHDRAW, "单位撤回");
      return id;
    }
  act_ok (fixture, id, XF_ACTION_SUBMIT, NULL);
  if (g_str_equal (stage, "preliminary"))
    return id;
  if (g_str_equal (stage, "returned"))
    {
      act_ok (fixture, id, XF_ACTION_RETURN, "材料不全");
      return id;
    }
  if (g_str_equal (stage, "rejected"))
    {
      act_ok (fixture, id, XF_ACTION_REJECT, "不符合条件");
      return id;
    }
  if (g_str_equal (stage, "vetoed"))
    {
      g_assert_true (xf_evaluation_sign_off (fixture->admin, id, fixture->department, TRUE,
                                             "有违纪记录", &error));
      g_assert_no_error (error);
      return id;
    }
  xf_test_to_committee (fixture->admin, id);
  if (g_str_equal (stage, "committee"))
    return id;
  if (g_str_equal (stage, "not-selected"))
    {
      committee_step (fixture, id, XF_ACTION_NOT_SELECT, "not-selected");
      return id;
    }
  committee_step (fixture, id, XF_ACTION_SELECT, "notice");
  if (g_str_equal (stage, "notice"))
    return id;
  pass_notice_period (fixture);
  act_ok (fixture, id, XF_ACTION_CLOSE_NOTICE, NULL);
  if (g_str_equal (stage, "decision"))
    return id;
  if (g_str_equal (stage, "conferred"))
    act_ok (fixture, id, XF_ACTION_CONFER, NULL);
  else if (g_str_equal (stage, "declined"))
    act_ok (fixture, id, XF_ACTION_DECLINE, "名额已满");
  else
    g_assert_not_reached ();
  return id;
}

/* An objection to @id recorded today on the published notice it is on
 * (one is published for it when it is on none). */
static gint64
record_objection (Fixture *fixture,
                  gint64   id)
{
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (fixture->admin);
  g_autoptr(XfObjection) objection = xf_objection_new ();
  g_autoptr(GError) error = NULL;
  gint64 notice = xf_notice_board_notice_of (board, id, &error);
  gint64 objection_id;

  g_assert_no_error (error);
  if (notice == 0)
    notice = xf_test_publish_notice (fixture->admin, fixture->campaign);
  objection->notice_id = notice;
  objection->nomination_id = id;
  objection->channel = g_strdup ("letter");
  objection->objector_name = g_strdup ("李四");
  objection->grounds = g_strdup ("反映的事迹与实际不符。");
  objection_id = xf_notice_board_record_objection (board, objection, &error);
  g_assert_no_error (error);
  g_assert_cmpint (objection_id, >, 0);
  return objection_id;
}

/* Upholds an objection the only way there is: recorded against the
 * nomination on its notice and decided on the notice board. A nomination
 * not in public notice is on no notice and can have no objection: there
 * the request itself is refused by the table, naming its stage. */
static gboolean
uphold (Fixture     *fixture,
        gint64       id,
        const char  *outcome,
        const char  *reason,
        GError     **error)
{
  g_autoptr(XfNoticeBoard) board = NULL;

  if (!g_str_equal (stage_of (fixture, id), "notice"))
    return xf_evaluation_act (fixture->admin, id, XF_ACTION_UPHOLD_OBJECTION, reason, error);
  board = xf_notice_board_new (fixture->admin);
  return xf_notice_board_decide (board, record_objection (fixture, id), outcome, reason, NULL, error);
}

/* Takes @action on @id the way the application does: act, a sign-off, an
 * objection, or (select and not-select) a round's closing step. */
static gboolean
take (Fixture   *fixture,
      gint64     id,
      XfAction   action,
      GError   **error)
{
  const char *reason = "理由";

  switch (action)
    {
    case XF_ACTION_CLEAR_VETTING:
      return xf_evaluation_sign_off (fixture->admin, id, fixture->department, FALSE, NULL, error);
    case XF_ACTION_VETO:
      return xf_evaluation_sign_off (fixture->admin, id, fixture->department, TRUE, reason, error);
    case XF_ACTION_UPHOLD_OBJECTION:
      return uphold (fixture, id, XF_OBJECTION_UPHELD_RETURN, reason, error);
    case XF_ACTION_CLOSE_NOTICE:
      pass_notice_period (fixture);
      return xf_evaluation_act (fixture->admin, id, action, NULL, error);
    case XF_ACTION_PASS_PRELIMINARY:
      {
        g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (gboolean));
        gboolean yes = TRUE;

        /* The checklist can be ticked only in preliminary review; elsewhere
         * this is refused and writes nothing. */
        for (guint i = 0; i < fixture->n_checklist; i++)
          g_array_append_val (ticks, yes);
        xf_evaluation_set_checklist (fixture->admin, id, ticks, NULL);
        return xf_evaluation_act (fixture->admin, id, action, NULL, error);
      }
    default:
      return xf_evaluation_act (fixture->admin, id, action, reason, error);
    }
}

static void
test_allowed (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint a = 0; a < G_N_ELEMENTS (table); a++)
    for (guint s = 0; s < N_STAGES; s++)
      {
        g_autoptr(GError) error = NULL;
        const char *to = expected_target (a, s);
        XfAction action = table[a].action;
        gint64 id;

        if (to == NULL)
          continue;
        g_test_message ("%s from %s", table[a].code, stages[s]);
        id = nomination_in (fixture, stages[s]);
        g_assert_cmpstr (stage_of (fixture, id), ==, stages[s]);

        if (action == XF_ACTION_SELECT || action == XF_ACTION_NOT_SELECT)
          {
            /* Not on request: only a round's closing selects. */
            g_assert_false (xf_evaluation_act (fixture->admin, id, action, NULL, &error));
            g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
            committee_step (fixture, id, action, to);
          }
        else if (action == XF_ACTION_UPHOLD_OBJECTION)
          {
            /* Not on request either: only by deciding an objection. */
            g_assert_false (xf_evaluation_act (fixture->admin, id, action, "理由", &error));
            g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
            g_assert_nonnull (strstr (error->message, "notice board"));
            g_assert_cmpstr (stage_of (fixture, id), ==, stages[s]);
            g_clear_error (&error);
            g_assert_true (take (fixture, id, action, &error));
            g_assert_no_error (error);
          }
        else
          {
            g_assert_true (take (fixture, id, action, &error));
            g_assert_no_error (error);
          }
        g_assert_cmpstr (stage_of (fixture, id), ==, to);
      }
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint s = 0; s < N_STAGES; s++)
    {
      gint64 id = nomination_in (fixture, stages[s]);

      for (guint a = 0; a < G_N_ELEMENTS (table); a++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(XfNomination) before = NULL;
          g_autoptr(XfNomination) after = NULL;
          gint64 audit;

          if (expected_target (a, s) != NULL)
            continue;
          g_test_message ("%s from %s", table[a].code, stages[s]);
          before = get (fixture, id);
          audit = xf_test_count_audit (fixture->store);

          g_assert_false (take (fixture, id, table[a].action, &error));
          g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
          g_assert_nonnull (strstr (error->message, phrases[s]));

          after = get (fixture, id);
          g_assert_cmpstr (xf_nomination_get_stage (after), ==, stages[s]);
          g_assert_cmpint (xf_nomination_get_version (after), ==, xf_nomination_get_version (before));
          g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
        }
    }
}

/* Objections, upheld on the notice board: back to committee, or the end. */
static void
test_objection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (fixture->admin);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) ended = NULL;
  gint64 back = nomination_in (fixture, "notice");
  gint64 end = nomination_in (fixture, "notice");
  gint64 objection = record_objection (fixture, back);
  gint64 audit = xf_test_count_audit (fixture->store);

  g_assert_false (xf_notice_board_decide (board, objection, XF_OBJECTION_UPHELD_RETURN, " ", NULL,
                                          &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason"));
  g_clear_error (&error);
  g_assert_cmpstr (stage_of (fixture, back), ==, "notice");
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_true (xf_notice_board_decide (board, objection, XF_OBJECTION_UPHELD_RETURN,
                                         "群众反映属实，重新评审", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_of (fixture, back), ==, "committee");

  g_assert_true (xf_notice_board_decide (board, record_objection (fixture, end), XF_OBJECTION_UPHELD_END,
                                         "事迹不实", NULL, &error));
  g_assert_no_error (error);
  ended = get (fixture, end);
  g_assert_cmpstr (xf_nomination_get_stage (ended), ==, "not-selected");
  g_assert_cmpstr (xf_nomination_get_outcome_reason (ended), ==, "事迹不实");
  g_assert_nonnull (xf_nomination_get_decided_on (ended));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/workflow/table", test_table);
  g_test_add_func ("/core/workflow/stages", test_stages);
  g_test_add ("/core/workflow/allowed", Fixture, NULL, fixture_set_up, test_allowed, fixture_tear_down);
  g_test_add ("/core/workflow/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/core/workflow/objection", Fixture, NULL, fixture_set_up, test_objection, fixture_tear_down);

  return g_test_run ();
}
