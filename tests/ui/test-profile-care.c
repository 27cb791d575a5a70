/* test-profile-care.c — the profile page's Care, Cultivation and Skill
 * training groups: the rows are core's history, plan and training; the
 * care profile is editable only where the account may manage care
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves profile-care (and -zh_CN).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-step-form.h"
#include "xf-care.h"
#include "xf-cultivation.h"
#include "xf-profile-care-group.h"
#include "xf-profile-cultivation-group.h"
#include "xf-profile-page.h"
#include "xf-test-evaluation.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

#define TODAY  "2026-03-10"
#define DEQING "330521001"

typedef struct
{
  char         *dir;
  XfStore      *store;
  XfEvaluation *admin;
  XfAccount    *reviewer;
  gint64        pioneer;
  GtkWindow    *window;
  XfProfilePage *page;
} Fixture;

static const char *
programme_of_kind (XfCare     *care,
                   const char *kind)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;

  programmes = xf_care_list_programmes (care, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (programmes, i);

      if (g_strcmp0 (programme->kind, kind) == 0)
        return g_intern_string (programme->code);
    }
  g_assert_not_reached ();
}

/* Care given by hand, a hardship application and a planned visit; an
 * open plan with goals, and two courses. */
static void
set_scene (Fixture *fixture)
{
  XfRegistry *registry = xf_evaluation_get_registry (fixture->admin);
  g_autoptr(XfCare) care = xf_care_new (registry);
  g_autoptr(XfCultivation) cultivation = xf_cultivation_new (registry);
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(XfHardshipCase) application = xf_hardship_case_new ();
  g_autoptr(XfCareVisit) visit = xf_care_visit_new ();
  g_autoptr(XfCultivationPlan) plan = xf_cultivation_plan_new ();
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();
  g_autoptr(GError) error = NULL;
  const char *courses[][2] = { { "数控机床高级编程", "passed" }, { "工匠精神与质量管理", "enrolled" } };
  gint64 plan_id;

  record->pioneer_id = fixture->pioneer;
  record->programme_code = g_strdup (programme_of_kind (care, XF_CARE_KIND_HEALTH_CHECK));
  record->on_date = g_strdup ("2025-10-15");
  record->amount = 68000;
  record->note = g_strdup ("德清县人民医院体检中心");
  g_assert_cmpint (xf_care_add_record (care, record, &error), >, 0);
  g_assert_no_error (error);

  application->pioneer_id = fixture->pioneer;
  application->category = g_strdup ("illness");
  application->circumstances = g_strdup ("妻子重病住院。");
  application->household_income = -1;
  application->requested_amount = 500000;
  g_assert_cmpint (xf_care_apply_hardship (care, application, &error), >, 0);
  g_assert_no_error (error);

  visit->pioneer_id = fixture->pioneer;
  visit->purpose = g_strdup ("festival");
  visit->planned_on = g_strdup ("2026-03-20");
  visit->planned_time = g_strdup ("");
  visit->assignees = g_strdup ("张敏、李强");
  g_assert_cmpint (xf_care_save_visit (care, visit, &error), >, 0);
  g_assert_no_error (error);

  plan->pioneer_id = fixture->pioneer;
  plan->target_title = g_strdup ("湖州市劳动模范");
  plan->target_level = g_strdup ("city");
  plan->target_year = 2027;
  plan->starts_on = g_strdup ("2025-01-01");
  plan_id = xf_cultivation_save_plan (cultivation, plan, &error);
  g_assert_no_error (error);
  goal->kind = g_strdup ("certificate");
  goal->title = g_strdup ("取得高级技师职业资格");
  goal->due_on = g_strdup ("2026-06-30");
  g_assert_cmpint (xf_cultivation_save_goal (cultivation, plan_id, goal, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (courses); i++)
    {
      g_autoptr(XfTrainingCourse) course = xf_training_course_new ();
      gint64 course_id;

      course->title = g_strdup (courses[i][0]);
      course->provider = g_strdup ("湖州市职工技能培训中心");
      course->starts_on = g_strdup (i == 0 ? "2025-09-01" : "2026-04-01");
      course->ends_on = g_strdup (i == 0 ? "2025-09-05" : "2026-04-03");
      course->hours = i == 0 ? 32 : 16;
      course_id = xf_cultivation_save_course (cultivation, course, &error);
      g_assert_no_error (error);
      g_assert_true (xf_cultivation_enrol (cultivation, course_id, fixture->pioneer, &error));
      g_assert_no_error (error);
      if (g_str_equal (courses[i][1], "passed"))
        {
          g_assert_true (xf_cultivation_record_result (cultivation, course_id, fixture->pioneer, 30, "passed",
                                                       92, "HZ-2025-0147", &error));
          g_assert_no_error (error);
        }
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfEvaluation) viewer = NULL;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "profile.db", 0, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->pioneer = xf_test_services_add_pioneer_born (xf_evaluation_get_registry (fixture->admin),
                                                        "沈建国", DEQING, "1966-03-20");
  fixture->reviewer = xf_test_add_account (fixture->store, "chenjing", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  set_scene (fixture);

  /* @data: the reviewer's view, or the administrator's. */
  viewer = data != NULL ? xf_test_evaluation_new (fixture->store, fixture->reviewer) : g_object_ref (fixture->admin);
  fixture->page = XF_PROFILE_PAGE (xf_profile_page_new (xf_evaluation_get_registry (viewer)));
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->page), 820, 900);
  xf_profile_page_set_pioneer_id (fixture->page, fixture->pioneer);
  xf_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_CARE_STEP_FORM);
  gtk_window_destroy (fixture->window);
  xf_test_iterate (50);
  g_clear_object (&fixture->reviewer);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_PROFILE_PAGE, name);
}

/* The history rows are core's history, in its order, with the amounts. */
static void
test_care_history (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfCare) care = xf_care_new (xf_evaluation_get_registry (fixture->admin));
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *group = page_child (fixture, "care_group");

  history = xf_care_history (care, fixture->pioneer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 3);
  xf_test_collect_named (group, "care-history", rows);
  g_assert_cmpuint (rows->len, ==, history->len);
  g_assert_cmpuint (xf_profile_care_group_get_n_history (XF_PROFILE_CARE_GROUP (group)), ==, history->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const XfCareHistoryItem *item = g_ptr_array_index (history, i);
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *amount = xf_test_find_named (row, "amount");

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, item->summary);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), item->on_date));
      if (item->amount > 0)
        {
          g_autofree char *money = xf_money_format (item->amount);

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (amount)), ==, money);
        }
      else
        g_assert_null (amount);
    }
  g_assert_nonnull (xf_test_find_named (group, "care-profile"));
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (group, "edit-care-profile")));
}

/* Care recorded at another desk shows when the page refreshes, as the
 * window's change monitor makes it do. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfCare) care = xf_care_new (xf_evaluation_get_registry (fixture->admin));
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *group = page_child (fixture, "care_group");
  guint before = xf_profile_care_group_get_n_history (XF_PROFILE_CARE_GROUP (group));

  record->pioneer_id = fixture->pioneer;
  record->programme_code = g_strdup (programme_of_kind (care, XF_CARE_KIND_HEALTH_CHECK));
  record->on_date = g_strdup ("2026-03-09");
  record->amount = 80000;
  g_assert_cmpint (xf_care_add_record (care, record, &error), >, 0);
  g_assert_no_error (error);

  xf_profile_page_refresh (fixture->page);
  xf_test_iterate (50);
  g_assert_cmpuint (xf_profile_care_group_get_n_history (XF_PROFILE_CARE_GROUP (group)), ==, before + 1);
}

/* The open plan and the training, with the hours in all. */
static void
test_cultivation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfCultivation) cultivation = xf_cultivation_new (xf_evaluation_get_registry (fixture->admin));
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *group = page_child (fixture, "cultivation_group");
  GtkWidget *plan;
  double total = 0;

  plan = xf_test_find_named (group, "plan");
  g_assert_nonnull (plan);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plan)), ==, "湖州市劳动模范");
  {
    /* One goal: "0 of 1 goal", as the cultivation page says it. */
    g_autofree char *progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d goal", "%d of %d goals", 1),
                                                 0, 1);

    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (plan)), progress));
  }

  training = xf_cultivation_training_for (cultivation, fixture->pioneer, &total, &error);
  g_assert_no_error (error);
  xf_test_collect_named (group, "training", rows);
  g_assert_cmpuint (rows->len, ==, training->len);
  g_assert_cmpuint (xf_profile_cultivation_group_get_n_training (XF_PROFILE_CULTIVATION_GROUP (group)), ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, i))), ==,
                     ((XfTrainingParticipant *) g_ptr_array_index (training, i))->course_title);
  g_assert_cmpfloat (total, ==, 30);
  g_assert_nonnull (xf_test_find_named (group, "training-total"));

  xf_test_scroll_to (page_child (fixture, "care_group"));
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "profile-care");
}

/* Editing the care profile: a retirement in the future is refused
 * beside its field; the hardship flag is saved. */
static void
test_edit_profile (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfCare) care = xf_care_new (xf_evaluation_get_registry (fixture->admin));
  g_autoptr(XfCareProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = page_child (fixture, "care_group");
  XfCareStepForm *form;

  xf_test_click (xf_test_find_named (group, "edit-care-profile"));
  form = XF_CARE_STEP_FORM (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  g_assert_nonnull (form);
  xf_care_step_form_set_text (form, "retired-on", "2030-01-01");
  xf_care_step_form_submit (form);
  g_assert_nonnull (xf_care_step_form_get_error (form));
  xf_care_step_form_set_text (form, "retired-on", "2021-04-30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_care_step_form_get_field (form, "hardship")), 1);
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  profile = xf_care_get_profile (care, fixture->pioneer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->retired_on, ==, "2021-04-30");
  g_assert_true (profile->hardship);
}

/* A reviewer reads the history, without the edit button. */
static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *group = page_child (fixture, "care_group");

  g_assert_cmpuint (xf_profile_care_group_get_n_history (XF_PROFILE_CARE_GROUP (group)), >=, 3);
  g_assert_false (gtk_widget_get_visible (xf_test_find_named (group, "edit-care-profile")));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/profile-care/language", xf_test_language);
#define ADD(path, fn, data) g_test_add ("/ui/profile-care/" path, Fixture, data, fixture_set_up, fn, fixture_tear_down)
  ADD ("care-history", test_care_history, NULL);
  ADD ("refresh", test_refresh, NULL);
  ADD ("cultivation", test_cultivation, NULL);
  ADD ("edit-profile", test_edit_profile, NULL);
  ADD ("reviewer", test_reviewer, "reviewer");
#undef ADD

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
