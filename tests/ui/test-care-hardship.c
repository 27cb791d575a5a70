/* test-care-hardship.c — hardship support through the hardship view: an
 * application, its assessment, two approvals by two other accounts and
 * a payment; core's refusal beside its field; masking for a reviewer
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves care-hardship (and -zh_CN).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-step-form.h"
#include "xf-care-report-view.h"
#include "xf-care.h"
#include "xf-hardship-view.h"
#include "xf-pioneer-picker.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"

/* A Tuesday with no holiday around it. */
#define TODAY  "2026-03-10"
#define DEQING "330521001"

typedef struct
{
  char         *dir;
  XfStore      *store;
  XfEvaluation *admin;
  gint64        pioneer;
  XfAccount    *accounts[3];   /* zhangmin, lijun (clerks of Huzhou), chenjing (a reviewer) */
  GtkWindow    *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "care.db", 4, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->pioneer = xf_test_add_candidate (fixture->admin, "沈建国", "德清钢铁厂", DEQING);
  fixture->accounts[0] = xf_test_add_account (fixture->store, "zhangmin", XF_ROLE_CLERK, XF_SCOPE_REGION, "3305");
  fixture->accounts[1] = xf_test_add_account (fixture->store, "lijun", XF_ROLE_CLERK, XF_SCOPE_REGION, "3305");
  fixture->accounts[2] = xf_test_add_account (fixture->store, "chenjing", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_CARE_STEP_FORM);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  xf_test_iterate (50);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->accounts); i++)
    g_clear_object (&fixture->accounts[i]);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/*
 * Helpers
 */

/* The care of @login (NULL: the administrator). */
static XfCare *
care_as (Fixture    *fixture,
         const char *login)
{
  g_autoptr(XfEvaluation) evaluation = NULL;

  if (login == NULL)
    return xf_care_new (xf_evaluation_get_registry (fixture->admin));
  for (guint i = 0; i < G_N_ELEMENTS (fixture->accounts); i++)
    if (g_strcmp0 (xf_account_get_login (fixture->accounts[i]), login) == 0)
      evaluation = xf_test_evaluation_new (fixture->store, fixture->accounts[i]);
  g_assert_nonnull (evaluation);
  return xf_care_new (xf_evaluation_get_registry (evaluation));
}

/* The view of @login's care in a window of its own, in place of the last. */
static XfHardshipView *
show_as (Fixture    *fixture,
         const char *login,
         int         width)
{
  g_autoptr(XfCare) care = care_as (fixture, login);
  GtkWidget *view = xf_hardship_view_new (care);

  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = xf_test_show_in_window (view, width, 760);
  return XF_HARDSHIP_VIEW (view);
}

static XfCareStepForm *
open_step (XfHardshipView *view,
           const char     *step)
{
  GtkWidget *button = xf_test_find_named (GTK_WIDGET (view), step);
  GtkWindow *form;

  g_assert_nonnull (button);
  xf_test_click (button);
  form = xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM);
  g_assert_nonnull (form);
  return XF_CARE_STEP_FORM (form);
}

static void
answer_confirmation (const char *response)
{
  GtkWindow *dialog = NULL;

  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      dialog = xf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      if (dialog == NULL)
        xf_test_iterate (10);
    }
  g_assert_nonnull (dialog);
  /* As a click on the button does: the dialog goes with its answer. */
  xf_test_answer (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), response);
}

static XfHardshipCase *
get_case (Fixture *fixture,
          gint64   case_id)
{
  g_autoptr(XfCare) care = care_as (fixture, NULL);
  g_autoptr(GError) error = NULL;
  XfHardshipCase *hardship_case = xf_care_get_case (care, case_id, &error);

  g_assert_no_error (error);
  return hardship_case;
}

static gint64
only_case (Fixture *fixture)
{
  g_autoptr(XfCare) care = care_as (fixture, NULL);
  g_autoptr(GPtrArray) cases = NULL;
  XfHardshipQuery query = { 0 };
  g_autoptr(GError) error = NULL;

  cases = xf_care_list_cases (care, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  return ((XfHardshipCase *) g_ptr_array_index (cases, 0))->id;
}

static const char *
row_value (GtkWidget  *root,
           const char *name)
{
  GtkWidget *row = xf_test_find_named (root, name);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = g_object_get_data (G_OBJECT (row), "value-label");
  if (label != NULL)
    return gtk_label_get_text (GTK_LABEL (label));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/*
 * Tests
 */

static void
apply_through_view (Fixture        *fixture,
                    XfHardshipView *view)
{
  XfCareStepForm *form;
  GtkWidget *picker;

  gtk_widget_activate_action (GTK_WIDGET (view), "hardship.new", NULL);
  form = XF_CARE_STEP_FORM (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  g_assert_nonnull (form);
  picker = xf_care_step_form_get_field (form, "pioneer");
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (picker), fixture->pioneer, "沈建国");
  xf_care_step_form_set_text (form, "amount", "5000");
  xf_care_step_form_set_text (form, "income", "36000");
  xf_care_step_form_set_text (form, "circumstances", "妻子重病住院，家庭收入骤减，孩子上大学。");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
}

/* zhangmin applies and assesses; lijun gives the first approval, the
 * administrator the final one, and a payment is recorded. */
static void
test_two_step_approval (Fixture       *fixture,
                        gconstpointer  data)
{
  XfHardshipView *view = show_as (fixture, "zhangmin", 1000);
  g_autoptr(XfHardshipCase) hardship_case = NULL;
  XfCareStepForm *form;
  gint64 case_id;

  /* No case yet: the empty state, and the clerk may apply. */
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (view), "new-application"));
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (view), "new-application")));
  apply_through_view (fixture, view);
  case_id = only_case (fixture);
  xf_test_wait_for_named (GTK_WIDGET (view), "case-row");
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "case-row"), ==, 1);
  xf_hardship_view_select_case (view, case_id);

  /* Too much is refused by core, beneath the amount; then taken. */
  form = open_step (view, "assess");
  xf_care_step_form_set_text (form, "amount", "9000");
  xf_care_step_form_set_text (form, "assessment", "情况属实，建议一次性救助。");
  xf_care_step_form_submit (form);
  g_assert_nonnull (xf_care_step_form_get_error (form));
  g_assert_nonnull (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  xf_care_step_form_set_text (form, "amount", "4000");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  xf_hardship_view_refresh (view);

  /* The assessor may not approve. */
  g_assert_null (xf_test_find_named (GTK_WIDGET (view), "approve-first"));

  view = show_as (fixture, "lijun", 1000);
  xf_hardship_view_select_case (view, case_id);
  g_assert_null (xf_test_find_named (GTK_WIDGET (view), "approve"));
  xf_test_click (xf_test_find_named (GTK_WIDGET (view), "approve-first"));
  answer_confirmation ("approve");
  hardship_case = get_case (fixture, case_id);
  g_assert_cmpstr (hardship_case->status, ==, XF_CASE_APPROVED_FIRST);
  g_assert_cmpstr (hardship_case->first_approved_by, ==, "lijun");
  g_clear_pointer (&hardship_case, xf_hardship_case_free);

  view = show_as (fixture, NULL, 1000);
  xf_hardship_view_select_case (view, case_id);
  form = open_step (view, "approve");
  xf_care_step_form_set_text (form, "amount", "3500");
  xf_care_step_form_submit (form);
  /* The confirmation names the amount; cancelling keeps the form. */
  answer_confirmation ("cancel");
  g_assert_nonnull (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  xf_care_step_form_submit (form);
  answer_confirmation ("approve");
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  hardship_case = get_case (fixture, case_id);
  g_assert_cmpstr (hardship_case->status, ==, XF_CASE_APPROVED);
  g_assert_cmpint (hardship_case->granted_amount, ==, 350000);
  g_clear_pointer (&hardship_case, xf_hardship_case_free);

  xf_hardship_view_refresh (view);
  form = open_step (view, "pay");
  xf_care_step_form_set_text (form, "amount", "2000");
  xf_care_step_form_set_text (form, "reference", "记-2026-0318");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  hardship_case = get_case (fixture, case_id);
  g_assert_cmpint (hardship_case->paid_amount, ==, 200000);
  xf_hardship_view_refresh (view);
  xf_test_iterate (100);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "step-payment"), ==, 1);
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (view), "step-approved"));
  g_assert_false (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (view), "mask-note")));
  xf_test_dismiss_toasts (GTK_WIDGET (view));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "care-hardship");
}

/* A reviewer reads the case with its circumstances and income masked,
 * and has no step to take. */
static void
test_masked_for_reviewer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(XfCare) care = care_as (fixture, "zhangmin");
  g_autoptr(XfHardshipCase) application = xf_hardship_case_new ();
  g_autoptr(GError) error = NULL;
  XfHardshipView *view;
  gint64 case_id;

  application->pioneer_id = fixture->pioneer;
  application->category = g_strdup ("illness");
  application->circumstances = g_strdup ("本人患病，长期服药。");
  application->household_income = 2400000;
  application->requested_amount = 300000;
  case_id = xf_care_apply_hardship (care, application, &error);
  g_assert_no_error (error);

  view = show_as (fixture, "chenjing", 1000);
  xf_hardship_view_select_case (view, case_id);
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "circumstances"), ==, "••••");
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "income"), ==, "••••");
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (view), "mask-note")));
  g_assert_false (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (view), "new-application")));
  g_assert_null (xf_test_find_named (GTK_WIDGET (view), "assess"));
  g_assert_null (xf_test_find_named (GTK_WIDGET (view), "reject"));

  /* The clerk of the place reads them plain. */
  view = show_as (fixture, "zhangmin", 1000);
  xf_hardship_view_select_case (view, case_id);
  g_assert_cmpstr (row_value (GTK_WIDGET (view), "circumstances"), ==, "本人患病，长期服药。");
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (view), "assess"));
}

/* The open filter, the empty states, Escape back at 360 pixels. */
static void
test_narrow_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfCare) care = care_as (fixture, "zhangmin");
  g_autoptr(XfHardshipCase) application = xf_hardship_case_new ();
  g_autoptr(GError) error = NULL;
  XfHardshipView *view;
  gint64 case_id;

  application->pioneer_id = fixture->pioneer;
  application->category = g_strdup ("accident");
  application->circumstances = g_strdup ("工伤");
  application->household_income = -1;
  application->requested_amount = 100000;
  case_id = xf_care_apply_hardship (care, application, &error);
  g_assert_no_error (error);

  view = show_as (fixture, "zhangmin", 360);
  g_assert_cmpint (xf_widget_get_min_width (GTK_WIDGET (view)), <=, 360);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "case-row"), ==, 1);
  xf_hardship_view_select_case (view, case_id);
  xf_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (view), "hardship.back", NULL);
  xf_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (view), "hardship.search", NULL);
  g_assert_true (xf_widget_has_focus_within (GTK_WIDGET (view)));

  g_assert_true (xf_care_withdraw_case (care, case_id, "已由其他渠道解决", &error));
  g_assert_no_error (error);
  xf_hardship_view_refresh (view);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "case-row"), ==, 1);
  xf_hardship_view_show_status (view, "open");
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "case-row"), ==, 0);
}

/* The cases still waiting for a step come before the closed ones, even
 * when a closed case is newer. */
static void
test_open_first (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfCare) care = care_as (fixture, "zhangmin");
  g_autoptr(GError) error = NULL;
  gint64 other = xf_test_add_candidate (fixture->admin, "钱秀英", "德清纺织厂", DEQING);
  gint64 open_id = 0, closed_id = 0;
  XfHardshipView *view;
  GtkWidget *first;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XfHardshipCase) application = xf_hardship_case_new ();
      gint64 id;

      application->pioneer_id = i == 0 ? fixture->pioneer : other;
      application->category = g_strdup ("illness");
      application->circumstances = g_strdup ("住院");
      application->household_income = -1;
      application->requested_amount = 100000;
      id = xf_care_apply_hardship (care, application, &error);
      g_assert_no_error (error);
      if (i == 0)
        open_id = id;
      else
        closed_id = id;
    }
  g_assert_true (xf_care_withdraw_case (care, closed_id, "已由其他渠道解决", &error));
  g_assert_no_error (error);

  view = show_as (fixture, "zhangmin", 1000);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (view), "case-row"), ==, 2);
  first = xf_test_find_named (GTK_WIDGET (view), "case-row");
  g_assert_nonnull (first);
  g_assert_cmpint (*(gint64 *) g_object_get_data (G_OBJECT (first), "xf-case-id"), ==, open_id);
}

/* The year's report counts the grant paid under the hardship programme,
 * and exports to XLSX. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCare) clerk = care_as (fixture, "zhangmin");
  g_autoptr(XfCare) approver = care_as (fixture, "lijun");
  g_autoptr(XfCare) admin = care_as (fixture, NULL);
  g_autoptr(XfHardshipCase) application = xf_hardship_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "care-report-2026.xlsx", NULL);
  GtkWidget *view;
  gint64 case_id;

  application->pioneer_id = fixture->pioneer;
  application->category = g_strdup ("illness");
  application->circumstances = g_strdup ("妻子重病住院。");
  application->household_income = -1;
  application->requested_amount = 500000;
  case_id = xf_care_apply_hardship (clerk, application, &error);
  g_assert_no_error (error);
  g_assert_true (xf_care_assess_case (clerk, case_id, "情况属实", 400000, &error));
  g_assert_true (xf_care_approve_case (approver, case_id, 0, &error));
  g_assert_true (xf_care_approve_case (admin, case_id, 400000, &error));
  g_assert_true (xf_care_record_payment (admin, case_id, TODAY, 400000, "记-2026-0318", &error));
  g_assert_no_error (error);

  view = xf_care_report_view_new (admin);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = xf_test_show_in_window (view, 1000, 760);
  xf_test_iterate (100);
  g_assert_cmpuint (xf_test_count_named (view, "total-row"), >, 0);
  g_assert_cmpint (xf_widget_get_min_width (view), <=, 360);
  g_assert_true (gtk_widget_get_sensitive (xf_test_find_named (view, "export")));
  xf_care_report_view_export_to (XF_CARE_REPORT_VIEW (view), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  xf_test_dismiss_toasts (view);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "care-report");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/care-hardship/language", xf_test_language);
#define ADD(path, fn) g_test_add ("/ui/care-hardship/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("two-step-approval", test_two_step_approval);
  ADD ("masked-for-reviewer", test_masked_for_reviewer);
  ADD ("narrow-and-filters", test_narrow_and_filters);
  ADD ("open-first", test_open_first);
  ADD ("report", test_report);
#undef ADD

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
