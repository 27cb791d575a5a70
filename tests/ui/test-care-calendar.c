/* test-care-calendar.c — the visits view: the month calendar and its
 * agenda, a visit planned from a round birthday, done and cancelled,
 * the region filter and the reminders
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves care-calendar (and -zh_CN).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-reminder-notifier.h"
#include "xf-care-step-form.h"
#include "xf-care.h"
#include "xf-clock.h"
#include "xf-pioneer-picker.h"
#include "xf-test-evaluation.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"
#include "xf-visits-view.h"

/* A Tuesday with no holiday around it; 沈建国 is 60 on the 20th. */
#define TODAY    "2026-03-10"
#define BIRTHDAY "2026-03-20"
#define DEQING   "330521001"

typedef struct
{
  char         *dir;
  XfStore      *store;
  XfEvaluation *admin;
  XfCare       *care;
  gint64        pioneer;
  gint64        other;
  GtkWindow    *window;
  XfVisitsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  XfRegistry *registry;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "care.db", 0, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  registry = xf_evaluation_get_registry (fixture->admin);
  fixture->pioneer = xf_test_services_add_pioneer_born (registry, "沈建国", DEQING, "1966-03-20");
  fixture->other = xf_test_services_add_pioneer_born (registry, "钱丽萍", DEQING, "1979-08-02");
  fixture->care = xf_care_new (registry);
  fixture->view = XF_VISITS_VIEW (xf_visits_view_new (fixture->care));
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->view), GPOINTER_TO_INT (data) > 0
                                                                        ? GPOINTER_TO_INT (data) : 1000, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_CARE_STEP_FORM);
  xf_test_close_dialogs (ADW_TYPE_MESSAGE_DIALOG);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  xf_test_iterate (50);
  g_clear_object (&fixture->care);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The "Plan Visit…" button of the birthday on @date. */
static GtkWidget *
find_plan_button (GtkWidget  *root,
                  const char *date)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  xf_test_collect_named (root, "plan", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GObject *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (g_object_get_data (button, "date"), date) == 0
          && g_strcmp0 (g_object_get_data (button, "purpose"), "birthday") == 0)
        return GTK_WIDGET (button);
    }
  return NULL;
}

static XfCareStepForm *
wait_for_form (void)
{
  GtkWindow *form = xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM);

  g_assert_nonnull (form);
  return XF_CARE_STEP_FORM (form);
}

static XfCareVisit *
only_visit (Fixture    *fixture,
            const char *status)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;

  visits = xf_care_list_visits (fixture->care, NULL, NULL, fixture->pioneer, status, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  return xf_care_visit_copy (g_ptr_array_index (visits, 0));
}

/* The birthday is marked and listed; a visit planned from it keeps its
 * purpose and date, shows with its actions, and is then done. */
static void
test_plan_from_birthday (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkCalendar *calendar = GTK_CALENDAR (xf_test_find_named (view, "calendar"));
  g_autoptr(XfCareVisit) visit = NULL;
  XfCareStepForm *form;
  GtkWidget *button;

  g_assert_true (gtk_calendar_get_day_is_marked (calendar, 20));
  button = find_plan_button (view, BIRTHDAY);
  g_assert_nonnull (button);
  xf_test_click (button);
  form = wait_for_form ();
  g_assert_cmpint (xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (xf_care_step_form_get_field (form, "pioneer"))),
                   ==, fixture->pioneer);
  g_assert_cmpstr (xf_care_step_form_dup_text (form, "date"), ==, BIRTHDAY);

  /* No assignee: core says so, beside the field. */
  xf_care_step_form_submit (form);
  g_assert_nonnull (xf_care_step_form_get_error (form));
  g_assert_nonnull (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  xf_care_step_form_set_text (form, "time", "09:30");
  xf_care_step_form_set_text (form, "assignees", "张敏、李强");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));

  visit = only_visit (fixture, XF_VISIT_PLANNED);
  g_assert_cmpstr (visit->purpose, ==, "birthday");
  g_assert_cmpstr (visit->planned_on, ==, BIRTHDAY);
  xf_test_wait_for_named (view, "visit");
  /* The birthday has its visit: nothing more to plan for it. */
  g_assert_null (find_plan_button (view, BIRTHDAY));
  g_assert_nonnull (xf_test_find_named (xf_test_find_named (view, "visit"), "done"));
  xf_test_dismiss_toasts (view);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "care-calendar");

  xf_test_click (xf_test_find_named (xf_test_find_named (view, "visit"), "done"));
  form = wait_for_form ();
  xf_care_step_form_set_text (form, "notes", "送去生日蛋糕和慰问金，老人身体硬朗。");
  xf_care_step_form_set_text (form, "amount", "500");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  g_clear_pointer (&visit, xf_care_visit_free);
  visit = only_visit (fixture, XF_VISIT_DONE);
  g_assert_cmpint (visit->amount, ==, 50000);
}

/* A visit planned from the button is cancelled with a reason. */
static void
test_plan_and_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(XfCareVisit) visit = NULL;
  XfCareStepForm *form;
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (view, "visits.plan", NULL);
  form = wait_for_form ();
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (xf_care_step_form_get_field (form, "pioneer")),
                                 fixture->pioneer, "沈建国");
  xf_care_step_form_set_text (form, "date", "2026-03-12");
  xf_care_step_form_set_text (form, "assignees", "王芳");
  xf_care_step_form_submit (form);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
  xf_test_wait_for_named (view, "visit");

  xf_test_click (xf_test_find_named (xf_test_find_named (view, "visit"), "cancel"));
  dialog = ADW_MESSAGE_DIALOG (xf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (GTK_WIDGET (dialog), "reason-entry")), "老人外出探亲");
  xf_test_answer (adw_message_dialog_get_heading (dialog), "ok");
  visit = only_visit (fixture, XF_VISIT_CANCELLED);
  g_assert_cmpstr (visit->cancel_reason, ==, "老人外出探亲");
}

/* Another region's calendar is empty; the reminders are core's. */
static void
test_region_and_reminders (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (xf_visits_view_get_n_agenda (fixture->view), >, 0);
  gtk_widget_activate_action (view, "visits.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (fixture->window)), "3306");
  g_assert_cmpuint (xf_visits_view_get_n_agenda (fixture->view), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (fixture->window)), "");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (xf_test_find_named (view, "reminders")), TRUE);
  now = xf_clock_now_local ();
  due = xf_care_due_reminders (fixture->care, now, XF_CARE_REMIND_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_visits_view_get_n_agenda (fixture->view), ==, due->len);
}

/* At 360 pixels a day shows its agenda, and Escape goes back. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  AdwLeaflet *leaflet = ADW_LEAFLET (xf_test_find_widget (view, ADW_TYPE_LEAFLET, NULL));
  GtkWidget *calendar_pane = adw_leaflet_get_visible_child (leaflet);

  xf_test_iterate (100);
  g_assert_cmpint (xf_widget_get_min_width (view), <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* The agenda of the day already chosen is a button away. */
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (view, "show-agenda")));
  xf_test_click (xf_test_find_named (view, "show-agenda"));
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != calendar_pane);
  gtk_widget_activate_action (view, "visits.back", NULL);
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == calendar_pane);
  xf_visits_view_select_day (fixture->view, BIRTHDAY);
  g_signal_emit_by_name (xf_test_find_named (view, "calendar"), "day-selected");
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != calendar_pane);
  gtk_widget_activate_action (view, "visits.back", NULL);
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == calendar_pane);
}

/* The notifier sends (here: records, with no notification server) what
 * core says is due now, once. */
static void
test_notifier (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GApplication) application = g_application_new ("io.github.xianfeng.TestCareReminders",
                                                            G_APPLICATION_NON_UNIQUE);
  g_autoptr(XfCareReminderNotifier) notifier = NULL;
  g_autoptr(GDateTime) now = xf_clock_now_local ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders;

  /* 50 on Thursday: in working time, its reminder is due today. */
  xf_test_services_add_pioneer_born (xf_care_get_registry (fixture->care), "陆晓燕", DEQING, "1976-03-12");
  notifier = xf_care_reminder_notifier_new (application, fixture->care);
  due = xf_care_due_reminders (fixture->care, now, XF_CARE_REMIND_DAYS, &error);
  g_assert_no_error (error);
  reminders = xf_care_reminder_notifier_get_reminders (notifier);
  g_assert_cmpuint (reminders->len, ==, due->len);
  for (guint i = 0; i < reminders->len; i++)
    {
      g_autofree char *key = xf_care_reminder_key (g_ptr_array_index (reminders, i));

      g_assert_true (xf_care_reminder_notifier_was_sent (notifier, key));
    }
  xf_care_reminder_notifier_poll (notifier);
  g_assert_cmpuint (xf_care_reminder_notifier_get_reminders (notifier)->len, ==, due->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/care-calendar/language", xf_test_language);
#define ADD(path, fn, width) g_test_add ("/ui/care-calendar/" path, Fixture, GINT_TO_POINTER (width), \
                                         fixture_set_up, fn, fixture_tear_down)
  ADD ("plan-from-birthday", test_plan_from_birthday, 0);
  ADD ("plan-and-cancel", test_plan_and_cancel, 0);
  ADD ("region-and-reminders", test_region_and_reminders, 0);
  ADD ("narrow", test_narrow, 360);
  ADD ("notifier", test_notifier, 0);
#undef ADD

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
