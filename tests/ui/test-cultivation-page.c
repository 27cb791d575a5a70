/* test-cultivation-page.c — the Cultivation page: the pipeline against
 * core's counts, a new plan through the dialog, achieving and removing a
 * goal, nominating, and a clerk of another region
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "cultivation-pipeline" and
 * "cultivation-plan" (a ready plan with its goals and review), with
 * "-zh_CN" for Chinese.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-change-monitor.h"
#include "xf-cultivation-form.h"
#include "xf-cultivation-page.h"
#include "xf-evaluation-page.h"
#include "xf-evaluation.h"
#include "xf-registry-page.h"
#include "xf-pioneer-picker.h"
#include "xf-pipeline-view.h"
#include "xf-plan-dialog.h"
#include "xf-plan-view.h"
#include "xf-test-evaluation.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-training-view.h"
#include "xf-ui-util.h"
#include "xf-window.h"

/* A Monday: the plans started in 2024, reviews for 2026 are this year's. */
#define TODAY    "2026-03-09"
#define DEQING   "330521001"
#define NANXUN   "330503001"
#define ANJI     "330523"

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
  gint64         mentor;     /* 王建国, Deqing */
  gint64         ready;      /* 李明华's plan: ready to nominate (Deqing) */
  gint64         behind;     /* 陈美玲's plan: a milestone overdue (Deqing) */
  gint64         on_track;   /* 孙伟's plan (Nanxun) */
  gint64         free;       /* 赵国强, without a plan (Nanxun) */
  gint64         ready_goal; /* the ready plan's goal not yet achieved */
} Fixture;

static XfCultivation *
cultivation_of (Fixture *fixture)
{
  return xf_cultivation_page_get_cultivation (XF_CULTIVATION_PAGE (fixture->page));
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_CULTIVATION_PAGE, name);
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  xf_test_iterate (100);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/*
 * The scene, written through core as the administrator
 */

static gint64
add_goal (XfCultivation *cultivation,
          gint64         plan_id,
          const char    *kind,
          const char    *title,
          const char    *due_on,
          const char    *achieved_on)
{
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  goal->kind = g_strdup (kind);
  goal->title = g_strdup (title);
  goal->due_on = g_strdup (due_on);
  id = xf_cultivation_save_goal (cultivation, plan_id, goal, &error);
  g_assert_no_error (error);
  if (achieved_on != NULL)
    {
      g_assert_true (xf_cultivation_achieve_goal (cultivation, id, achieved_on, "省级职业技能竞赛证书", &error));
      g_assert_no_error (error);
    }
  return id;
}

static gint64
add_plan (XfCultivation *cultivation,
          gint64         pioneer_id,
          gint64         mentor_id,
          const char    *title,
          const char    *level)
{
  g_autoptr(XfCultivationPlan) plan = xf_cultivation_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  plan->pioneer_id = pioneer_id;
  plan->mentor_id = mentor_id;
  plan->target_title = g_strdup (title);
  plan->target_level = g_strdup (level);
  plan->target_year = 2027;
  plan->starts_on = g_strdup ("2024-01-01");
  id = xf_cultivation_save_plan (cultivation, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_review (XfCultivation *cultivation,
            gint64         plan_id,
            int            year,
            gboolean       ready)
{
  g_autoptr(XfCultivationReview) review = xf_cultivation_review_new ();
  g_autoptr(GError) error = NULL;

  review->year = year;
  review->reviewed_on = g_strdup_printf ("%d-12-20", year);
  review->rating = g_strdup (ready ? "excellent" : "good");
  review->ready = ready;
  review->comment = g_strdup (ready ? "技术攻关成果突出，带徒成效明显，建议推荐。" : "进步明显，按计划推进。");
  g_assert_true (xf_cultivation_add_review (cultivation, plan_id, review, &error));
  g_assert_no_error (error);
}

static void
set_scene (Fixture *fixture)
{
  g_autoptr(XfCultivation) cultivation = NULL;
  XfRegistry *registry = xf_cultivation_get_registry (cultivation_of (fixture));
  gint64 ready_person, behind_person, on_track_person;

  cultivation = g_object_ref (cultivation_of (fixture));
  fixture->mentor = xf_test_services_add_pioneer_born (registry, "王建国", DEQING, "1968-04-12");
  ready_person = xf_test_services_add_pioneer (registry, "李明华", DEQING);
  behind_person = xf_test_services_add_pioneer (registry, "陈美玲", DEQING);
  on_track_person = xf_test_services_add_pioneer (registry, "孙伟", NANXUN);
  fixture->free = xf_test_services_add_pioneer (registry, "赵国强", NANXUN);

  fixture->ready = add_plan (cultivation, ready_person, fixture->mentor, "湖州市劳动模范", "city");
  add_goal (cultivation, fixture->ready, "certificate", "取得高级技师职业资格", NULL, "2025-06-30");
  add_goal (cultivation, fixture->ready, "competition", "省级职业技能竞赛获奖", NULL, "2025-10-18");
  add_goal (cultivation, fixture->ready, "innovation", "完成一项技术革新并推广", NULL, "2025-12-01");
  add_goal (cultivation, fixture->ready, "milestone", "带出两名中级工徒弟", "2026-01-31", "2026-01-20");
  fixture->ready_goal = add_goal (cultivation, fixture->ready, "skill", "掌握五轴数控编程", "2026-09-30", NULL);
  add_review (cultivation, fixture->ready, 2025, TRUE);

  fixture->behind = add_plan (cultivation, behind_person, 0, "德清县劳动模范", "county");
  add_goal (cultivation, fixture->behind, "milestone", "通过技师考核", "2025-12-31", NULL);
  add_goal (cultivation, fixture->behind, "skill", "精益生产培训", NULL, "2025-05-10");

  fixture->on_track = add_plan (cultivation, on_track_person, 0, "浙江省劳动模范", "provincial");
  add_goal (cultivation, fixture->on_track, "skill", "工业机器人运维", "2026-12-31", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  XfStore *store;

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  store = xf_test_make_demo_db (fixture->dir, "cultivation.db", 6, 1, &fixture->path);
  /* A clerk of Anji, and so of none of the plans' places. */
  g_object_unref (xf_test_add_account (store, "clerk-anji", XF_ROLE_CLERK, XF_SCOPE_REGION, ANJI));
  g_object_unref (store);

  /* @data: NULL, the administrator with the scene; "empty", without it;
   * else the login that sees the scene the administrator set. */
  if (data != NULL && g_strcmp0 (data, "empty") != 0)
    {
      fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, NULL, "cultivation");
      set_scene (fixture);
      xf_test_close_window (XF_TYPE_CULTIVATION_FORM, fixture->window, &fixture->app);
      fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, data, "cultivation");
    }
  else
    {
      fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, NULL, "cultivation");
      if (data == NULL)
        set_scene (fixture);
    }
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_PLAN_DIALOG);
  xf_test_close_page (XF_TYPE_CULTIVATION_FORM, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

/*
 * Helpers
 */

static const char *
count_text (GtkWidget  *row,
            const char *name)
{
  GtkWidget *label = xf_test_find_named (row, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_count (GtkWidget  *row,
              const char *name,
              int         expected)
{
  g_autofree char *text = g_strdup_printf ("%d", expected);

  g_assert_cmpstr (count_text (row, name), ==, text);
}

/* The pipeline's rows show what core counts, in core's order. */
static void
assert_pipeline (Fixture    *fixture,
                 const char *group_by)
{
  XfPipelineView *view = XF_PIPELINE_VIEW (xf_cultivation_page_get_pipeline_view (XF_CULTIVATION_PAGE (fixture->page)));
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = xf_pipeline_view_get_list (view);
  GtkWidget *row = gtk_widget_get_first_child (list);
  guint n = 0;

  g_assert_cmpstr (xf_pipeline_view_get_group_by (view), ==, group_by);
  expected = xf_cultivation_pipeline (cultivation_of (fixture), group_by, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_pipeline_view_get_rows (view)->len, ==, expected->len);
  for (; row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      XfPipelineRow *want = g_ptr_array_index (expected, n);
      g_autofree char *targets = NULL;

      g_test_message ("%s: %d targets", want->label, want->targets);
      assert_count (row, "count-on-track", want->on_track);
      assert_count (row, "count-behind", want->behind);
      assert_count (row, "count-ready", want->ready);
      assert_count (row, "count-nominated", want->nominated);
      assert_count (row, "count-achieved", want->achieved);
      targets = g_strdup_printf ("%d", want->targets);
      g_assert_true (g_str_has_prefix (count_text (row, "count-targets"), targets));
      g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (xf_test_find_named (row, "pipeline-progress"))),
                                      want->mean_progress, 0.001);
    }
  g_assert_cmpuint (n, ==, expected->len);
}

static gboolean
plan_shown_cb (gpointer data)
{
  Fixture *fixture = data;
  const XfCultivationPlan *plan = xf_plan_view_get_plan (XF_PLAN_VIEW (xf_cultivation_page_get_plan_view (XF_CULTIVATION_PAGE (fixture->page))));

  return plan != NULL && plan->id == xf_cultivation_page_get_plan_id (XF_CULTIVATION_PAGE (fixture->page));
}

static XfPlanView *
show_plan (Fixture *fixture,
           gint64   plan_id)
{
  xf_cultivation_page_show_plan (XF_CULTIVATION_PAGE (fixture->page), plan_id);
  settle ();
  g_assert_true (xf_test_wait_until (plan_shown_cb, fixture, 2000));
  return XF_PLAN_VIEW (xf_cultivation_page_get_plan_view (XF_CULTIVATION_PAGE (fixture->page)));
}

static gboolean
form_open_cb (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_CULTIVATION_FORM) != NULL;
}

static XfCultivationForm *
wait_for_form (void)
{
  g_assert_true (xf_test_wait_until (form_open_cb, NULL, 2000));
  return XF_CULTIVATION_FORM (xf_test_find_toplevel (XF_TYPE_CULTIVATION_FORM));
}

static XfCultivationPlan *
get_plan (Fixture *fixture,
          gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  XfCultivationPlan *plan = xf_cultivation_get_plan (cultivation_of (fixture), plan_id, &error);

  g_assert_no_error (error);
  return plan;
}

/*
 * Tests
 */

static gboolean
no_matches_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), "no-matches") == 0;
}

static void
test_pipeline (Fixture       *fixture,
               gconstpointer  data)
{
  XfPipelineView *view = XF_PIPELINE_VIEW (xf_cultivation_page_get_pipeline_view (XF_CULTIVATION_PAGE (fixture->page)));
  AdwViewStack *views = ADW_VIEW_STACK (child (fixture, "view_stack"));
  GtkWidget *total;
  GPtrArray *plans;

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "pipeline");
  assert_pipeline (fixture, "organisation");
  total = xf_test_find_named (xf_pipeline_view_get_list (view), "pipeline-total");
  g_assert_nonnull (total);
  assert_count (total, "count-ready", 1);
  assert_count (total, "count-behind", 1);

  gtk_widget_activate (xf_test_find_named (GTK_WIDGET (view), "by-region"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (xf_test_find_named (GTK_WIDGET (view), "by-region")), TRUE);
  settle ();
  assert_pipeline (fixture, "region");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "cultivation-pipeline");

  /* "Ready to nominate": a row lists only its ready plans. */
  xf_pipeline_view_set_ready_only (view, TRUE);
  settle ();
  g_assert_cmpuint (xf_pipeline_view_get_rows (view)->len, ==, 2);
  g_signal_emit_by_name (xf_pipeline_view_get_list (view), "row-activated",
                         gtk_widget_get_first_child (xf_pipeline_view_get_list (view)));
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "plans");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (fixture, "ready_button"))));
  plans = xf_cultivation_page_get_plans (XF_CULTIVATION_PAGE (fixture->page));
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((XfCultivationPlan *) g_ptr_array_index (plans, 0))->id, ==, fixture->ready);

  /* Clearing the filters lists the three plans, with their badges. */
  gtk_widget_activate_action (fixture->page, "cultivation.clear-filters", NULL);
  g_assert_cmpuint (xf_cultivation_page_get_plans (XF_CULTIVATION_PAGE (fixture->page))->len, ==, 3);
  g_assert_cmpuint (xf_test_count_named (child (fixture, "plan_list"), "ready-badge"), ==, 1);
  g_assert_cmpuint (xf_test_count_named (child (fixture, "plan_list"), "behind-badge"), ==, 1);

  /* A search for nobody: the no-matches state. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), "无此人");
  g_assert_true (xf_test_wait_until (no_matches_cb, fixture, 2000));
}

static gboolean
no_plan_dialog_cb (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_PLAN_DIALOG) == NULL;
}

static void
test_new_plan (Fixture       *fixture,
               gconstpointer  data)
{
  XfPlanDialog *dialog;
  g_autoptr(XfCultivationPlan) plan = NULL;
  GtkWidget *title_row;
  gint64 plan_id;

  gtk_widget_activate_action (fixture->page, "cultivation.new", NULL);
  dialog = XF_PLAN_DIALOG (xf_test_find_toplevel (XF_TYPE_PLAN_DIALOG));
  g_assert_nonnull (dialog);
  /* The keyboard starts in the target's name, not on Cancel. */
  g_assert_true (xf_widget_has_focus_within (xf_plan_dialog_get_target_picker (dialog)));

  /* No target chosen: said in the dialog, which stays. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-dialog.create", NULL);
  g_assert_nonnull (xf_plan_dialog_get_error (dialog));

  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (xf_plan_dialog_get_target_picker (dialog)),
                                 fixture->free, "赵国强");
  /* No title: core refuses, naming the field. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-dialog.create", NULL);
  g_assert_nonnull (xf_plan_dialog_get_error (dialog));
  g_test_message ("%s", xf_plan_dialog_get_error (dialog));
  g_assert_true (xf_test_find_toplevel (XF_TYPE_PLAN_DIALOG) == GTK_WINDOW (dialog));

  title_row = xf_test_template_child (dialog, XF_TYPE_PLAN_DIALOG, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "湖州市劳动模范");
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (xf_plan_dialog_get_mentor_picker (dialog)),
                                 fixture->mentor, "王建国");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_PLAN_DIALOG, "goal_title_row")),
                         "取得技师职业资格");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_PLAN_DIALOG, "goal_due_row")),
                         "2026-12-31");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-dialog.add-goal", NULL);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "new-goal-row"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-dialog.create", NULL);
  g_assert_true (xf_test_wait_until (no_plan_dialog_cb, NULL, 2000));
  settle ();

  plan_id = xf_cultivation_page_get_plan_id (XF_CULTIVATION_PAGE (fixture->page));
  g_assert_cmpint (plan_id, >, 0);
  plan = get_plan (fixture, plan_id);
  g_assert_cmpint (plan->pioneer_id, ==, fixture->free);
  g_assert_cmpint (plan->mentor_id, ==, fixture->mentor);
  g_assert_cmpstr (plan->target_title, ==, "湖州市劳动模范");
  g_assert_cmpint (plan->goals_total, ==, 1);
  g_assert_cmpuint (xf_cultivation_page_get_plans (XF_CULTIVATION_PAGE (fixture->page))->len, ==, 4);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (child (fixture, "view_stack"))), ==, "plans");
}

static void
test_goals (Fixture       *fixture,
            gconstpointer  data)
{
  XfPlanView *view = show_plan (fixture, fixture->ready);
  XfCultivationForm *form;
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autoptr(XfCultivationPlan) after = NULL;
  int total;

  g_assert_true (xf_plan_view_get_editable (view));
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "goal-row"), ==, 1);

  /* Achieved, with the date (today by default) and the evidence. */
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.achieve-goal", "x", fixture->ready_goal);
  form = wait_for_form ();
  xf_cultivation_form_set_text (form, "evidence", "五轴加工中心操作证");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();
  plan = get_plan (fixture, fixture->ready);
  g_assert_cmpint (plan->goals_achieved, ==, plan->goals_total);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "goal-row"), ==, 0);

  /* A date in the future: core's refusal shows in the form. */
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.undo-goal", "x", fixture->ready_goal);
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.achieve-goal", "x", fixture->ready_goal);
  form = wait_for_form ();
  xf_cultivation_form_set_text (form, "achieved-on", "2030-01-01");
  g_assert_false (xf_cultivation_form_apply (form));
  g_assert_nonnull (xf_cultivation_form_get_error (form));
  g_test_message ("%s", xf_cultivation_form_get_error (form));
  gtk_window_destroy (GTK_WINDOW (form));

  /* A new milestone, then removed after the confirmation. */
  total = plan->goals_total;
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-goal", NULL);
  form = wait_for_form ();
  xf_cultivation_form_set_choice (form, "goal-kind", "milestone");
  xf_cultivation_form_set_text (form, "goal-title", "市级技能大师工作室挂牌");
  xf_cultivation_form_set_text (form, "goal-due", "2026-11-30");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();
  after = get_plan (fixture, fixture->ready);
  g_assert_cmpint (after->goals_total, ==, total + 1);
  {
    const XfCultivationGoal *goal = g_ptr_array_index (after->goals, after->goals->len - 1);

    g_assert_cmpstr (goal->title, ==, "市级技能大师工作室挂牌");
    gtk_widget_activate_action (GTK_WIDGET (view), "plan.remove-goal", "x", goal->id);
  }
  xf_test_answer (_("Remove the goal?"), "remove");
  settle ();
  g_clear_pointer (&after, xf_cultivation_plan_free);
  after = get_plan (fixture, fixture->ready);
  g_assert_cmpint (after->goals_total, ==, total);

  /* The toast's Undo puts it back. */
  {
    GtkWidget *undo = xf_test_find_widget (fixture->page, GTK_TYPE_BUTTON, _("_Undo"));

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    settle ();
  }
  g_clear_pointer (&after, xf_cultivation_plan_free);
  after = get_plan (fixture, fixture->ready);
  g_assert_cmpint (after->goals_total, ==, total + 1);
  g_assert_cmpstr (((XfCultivationGoal *) g_ptr_array_index (after->goals, after->goals->len - 1))->due_on, ==,
                   "2026-11-30");
  xf_test_dismiss_toasts (fixture->page);
}

/* No plans at all: the empty state offers a new plan; a search that
 * finds none says so. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  gtk_widget_activate_action (fixture->page, "cultivation.show-plan", "x", (gint64) 0);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "empty");
  g_assert_true (gtk_widget_get_visible (child (fixture, "empty_new_button")));
  gtk_widget_activate_action (fixture->page, "cultivation.search", NULL);
  g_assert_true (xf_widget_has_focus_within (child (fixture, "search_entry")));
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), "李");
  g_assert_true (xf_test_wait_until (no_matches_cb, fixture, 2000));
}

static void
test_nominate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(XfEvaluation) evaluation = xf_evaluation_new (xf_cultivation_get_registry (cultivation_of (fixture)));
  gint64 campaign = xf_test_add_campaign (evaluation, "city", 3);
  XfPlanView *view = show_plan (fixture, fixture->ready);
  XfCultivationForm *form;
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *campaign_text = g_strdup_printf ("%" G_GINT64_FORMAT, campaign);

  g_assert_true (xf_plan_view_get_plan (view)->ready);
  g_assert_true (gtk_widget_is_sensitive (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "nominate_button")));
  gtk_widget_activate_action (GTK_WIDGET (view), "plan.nominate", NULL);
  form = wait_for_form ();
  g_assert_cmpstr (xf_cultivation_form_get_choice (form, "campaign"), ==, campaign_text);
  xf_cultivation_form_set_text (form, "nominating-unit", "德清县总工会");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();

  plan = get_plan (fixture, fixture->ready);
  g_assert_cmpstr (plan->status, ==, XF_PLAN_NOMINATED);
  g_assert_cmpint (plan->nomination_id, >, 0);
  /* A nominated plan takes no more steps. */
  g_assert_false (xf_plan_view_get_editable (view));
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "nominate_button")));

  /* The toast's button: the nomination on the Evaluation page. */
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_BUTTON, _("_Open")));
  gtk_widget_activate_action (fixture->page, "cultivation.open-nomination", "(xx)", campaign, plan->nomination_id);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xf_test_template_child (fixture->window, XF_TYPE_WINDOW,
                                                                                        "page_stack"))),
                   ==, "evaluation");
  g_assert_cmpint (xf_evaluation_page_get_selected_nomination (XF_EVALUATION_PAGE (xf_window_get_page (fixture->window,
                                                                                                      "evaluation"))),
                   ==, plan->nomination_id);
  g_assert_cmpuint (xf_test_dismiss_toasts (fixture->page), >=, 1);
}

/* The mentor's row opens the mentor's profile on the Registry page. */
static void
test_open_mentor (Fixture       *fixture,
                  gconstpointer  data)
{
  XfPlanView *view = show_plan (fixture, fixture->ready);
  GtkWidget *row = xf_test_find_named (GTK_WIDGET (view), "mentor-row");
  GtkWidget *registry;

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "cultivation.open-pioneer");
  g_signal_emit_by_name (row, "activate");
  settle ();
  registry = xf_window_get_registry_page (fixture->window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xf_test_template_child (fixture->window, XF_TYPE_WINDOW,
                                                                                        "page_stack"))),
                   ==, "registry");
  g_assert_cmpint (xf_registry_page_get_selected_id (XF_REGISTRY_PAGE (registry)), ==, fixture->mentor);
}

/* A clerk of Anji reads the plans of Deqing but takes none of their steps. */
static void
test_other_region (Fixture       *fixture,
                   gconstpointer  data)
{
  XfPlanView *view = show_plan (fixture, fixture->ready);

  g_assert_false (xf_plan_view_get_editable (view));
  g_assert_true (gtk_widget_get_visible (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "nominate_button")));
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "nominate_button")));
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "close_button")));
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "add_goal_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "nominate_button")));
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "goal-row"), ==, 1);
  /* A clerk may make plans in Anji: "New plan" stays. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "new_button")));
}

/* A reviewer reads; nothing that writes shows. */
static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  XfPlanView *view = show_plan (fixture, fixture->behind);

  g_assert_false (gtk_widget_get_visible (child (fixture, "new_button")));
  g_assert_false (gtk_widget_get_visible (xf_test_template_child (view, XF_TYPE_PLAN_VIEW, "actions_box")));
  g_assert_null (xf_cultivation_page_new_plan (XF_CULTIVATION_PAGE (fixture->page)));
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "goal-row"), ==, 1);
}

static void
test_training (Fixture       *fixture,
               gconstpointer  data)
{
  XfTrainingView *view = XF_TRAINING_VIEW (xf_cultivation_page_get_training_view (XF_CULTIVATION_PAGE (fixture->page)));
  XfCultivationForm *form;
  const XfTrainingCourse *course;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture, "view_stack")), "training");
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (view), "training.new-course", NULL);
  form = wait_for_form ();
  xf_cultivation_form_set_text (form, "course-title", "数控机床高级维修研修班");
  xf_cultivation_form_set_text (form, "course-starts", "2026-04-13");
  xf_cultivation_form_set_text (form, "course-ends", "2026-04-17");
  xf_cultivation_form_set_text (form, "course-hours", "abc");
  g_assert_false (xf_cultivation_form_apply (form));
  g_test_message ("%s", xf_cultivation_form_get_error (form));
  xf_cultivation_form_set_text (form, "course-hours", "40");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();
  course = xf_training_view_get_course (view);
  g_assert_nonnull (course);
  g_assert_cmpuint (xf_training_view_get_courses (view)->len, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (view), "training.enrol", NULL);
  form = wait_for_form ();
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (xf_cultivation_form_get_field (form, "participant")),
                                 fixture->free, "赵国强");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();
  course = xf_training_view_get_course (view);
  g_assert_cmpuint (course->participants->len, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (view), "training.record-result", "x", fixture->free);
  form = wait_for_form ();
  xf_cultivation_form_set_text (form, "result-score", "92");
  g_assert_true (xf_cultivation_form_apply (form));
  settle ();
  course = xf_training_view_get_course (view);
  g_assert_cmpstr (((XfTrainingParticipant *) g_ptr_array_index (course->participants, 0))->result, ==,
                   XF_TRAINING_PASSED);
  g_assert_cmpstr (course->status, ==, XF_COURSE_HELD);
}

/* A plan made at another desk (its own connection) shows in the list
 * when the window's change monitor sees the write. */
static void
test_other_desk (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (fixture->path, &error);
  g_autoptr(XfEvaluation) admin = NULL;
  g_autoptr(XfCultivation) cultivation = NULL;
  guint before = xf_cultivation_page_get_plans (XF_CULTIVATION_PAGE (fixture->page))->len;

  g_assert_no_error (error);
  admin = xf_test_evaluation_new (store, NULL);
  cultivation = xf_cultivation_new (xf_evaluation_get_registry (admin));
  add_plan (cultivation, fixture->free, 0, "湖州市劳动模范", "city");

  xf_change_monitor_check_now (xf_window_get_change_monitor (fixture->window));
  settle ();
  g_assert_cmpuint (xf_cultivation_page_get_plans (XF_CULTIVATION_PAGE (fixture->page))->len, ==, before + 1);
}

/* At 360 px the leaflet folds: the plan slides over the list, and back. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));

  GtkWidget *views[] = { xf_cultivation_page_get_pipeline_view (XF_CULTIVATION_PAGE (fixture->page)),
                         child (fixture, "leaflet"),
                         xf_cultivation_page_get_training_view (XF_CULTIVATION_PAGE (fixture->page)) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (views[i]), xf_widget_get_min_width (views[i]));
      g_assert_cmpint (xf_widget_get_min_width (views[i]), <=, 360);
    }
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  xf_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (fixture->page), <=, 360);
  /* The pipeline's bar wraps rather than cut "Ready to nominate" short. */
  {
    GtkWidget *ready = xf_test_find_named (views[0], "ready-only");
    GtkWidget *label = gtk_button_get_child (GTK_BUTTON (ready));
    int natural = 0;

    g_assert_true (gtk_widget_get_mapped (label));
    gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  }
  show_plan (fixture, fixture->ready);
  xf_test_iterate (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "details_pane"));
  gtk_widget_activate_action (fixture->page, "cultivation.back", NULL);
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "list_pane"));
  g_assert_cmpint (xf_cultivation_page_get_plan_id (XF_CULTIVATION_PAGE (fixture->page)), ==, 0);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  show_plan (fixture, fixture->ready);
  settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "cultivation-plan");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/cultivation-page/pipeline", Fixture, NULL, fixture_set_up, test_pipeline, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/new-plan", Fixture, NULL, fixture_set_up, test_new_plan, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/goals", Fixture, NULL, fixture_set_up, test_goals, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/nominate", Fixture, NULL, fixture_set_up, test_nominate, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/open-mentor", Fixture, NULL, fixture_set_up, test_open_mentor, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/other-region", Fixture, "clerk-anji", fixture_set_up, test_other_region,
              fixture_tear_down);
  g_test_add ("/ui/cultivation-page/reviewer", Fixture, "reviewer", fixture_set_up, test_reviewer,
              fixture_tear_down);
  g_test_add ("/ui/cultivation-page/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/training", Fixture, NULL, fixture_set_up, test_training, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/other-desk", Fixture, NULL, fixture_set_up, test_other_desk, fixture_tear_down);
  g_test_add ("/ui/cultivation-page/screenshot", Fixture, NULL, fixture_set_up, test_screenshot,
              fixture_tear_down);

  return g_test_run ();
}
