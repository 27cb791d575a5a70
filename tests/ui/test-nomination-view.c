/* test-nomination-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-identity.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-dialog.h"
#include "xf-nomination-view.h"
#include "xf-notice-board.h"
#include "xf-pioneer-fields.h"
#include "xf-reason-dialog.h"
#include "xf-review-panel.h"
#include "xf-stage-timeline.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A Monday clear of holidays, so the working days below are plain. */
#define TODAY "2026-04-13"

typedef struct
{
  char             *dir;
  XfStore          *store;
  XfEvaluation     *evaluation;
  gint64            campaign_id;
  gint64            pioneer_id;
  GtkWindow        *window;
  XfNominationView *view;
  gint64            created_id;
} ViewFixture;

static void
view_set_up (ViewFixture   *fixture,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "evaluation.db", 0, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->evaluation = xf_test_evaluation_new (fixture->store, NULL);
  fixture->campaign_id = xf_test_add_campaign (fixture->evaluation, "county", 3);
  fixture->pioneer_id = xf_test_add_candidate (fixture->evaluation, "沈建国",
                                               "浙江德清金属制品有限公司", "330521001");

  fixture->view = XF_NOMINATION_VIEW (xf_nomination_view_new (fixture->evaluation));
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->view), 760, 1400);
}

static void
view_tear_down (ViewFixture   *fixture,
                gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_NOMINATION_DIALOG);
  gtk_window_destroy (fixture->window);
  xf_test_iterate (10);
  g_clear_object (&fixture->evaluation);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
view_child (ViewFixture *fixture,
            const char  *name)
{
  return xf_test_template_child (fixture->view, XF_TYPE_NOMINATION_VIEW, name);
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static const char *
label_text (ViewFixture *fixture,
            const char  *name)
{
  return gtk_label_get_text (GTK_LABEL (view_child (fixture, name)));
}

/* Scrolls the view so that @name, a template child, shows at the top. */
static void
scroll_to (ViewFixture *fixture,
           const char  *name)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (view_child (fixture, "scrolled_window"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_rect_t bounds;

  xf_test_iterate (20);
  g_assert_true (gtk_widget_compute_bounds (view_child (fixture, name),
                                            gtk_scrolled_window_get_child (scrolled), &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  xf_test_iterate (20);
}

static XfNomination *
get_nomination (ViewFixture *fixture,
                gint64       id)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (fixture->evaluation, id, &error);

  g_assert_no_error (error);
  return nomination;
}

static const char *shown_stage;

static gboolean
stage_shown (gpointer data)
{
  ViewFixture *fixture = data;

  return g_strcmp0 (label_text (fixture, "stage_label"), xf_stage_label (shown_stage)) == 0;
}

/* Waits for the view's refresh (it follows core's "changed" when idle). */
static void
wait_for_stage (ViewFixture *fixture,
                const char  *stage)
{
  shown_stage = stage;
  g_assert_true (xf_test_wait_until (stage_shown, fixture, 2000));
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
click_named (ViewFixture *fixture,
             const char  *name)
{
  click (xf_test_find_named (GTK_WIDGET (fixture->view), name));
}

static gboolean
error_shown (gpointer data)
{
  ViewFixture *fixture = data;

  return gtk_widget_get_visible (view_child (fixture, "error_label"));
}

/*
 * The timeline widget alone
 */

static XfStageVisit *
visit_new (const char *stage,
           const char *entered_on,
           const char *left_on,
           int         budget,
           int         used,
           int         left,
           XfDueState  state)
{
  XfStageVisit *visit = g_new0 (XfStageVisit, 1);

  visit->stage = g_strdup (stage);
  visit->entered_on = g_strdup (entered_on);
  visit->left_on = g_strdup (left_on);
  visit->budget_days = budget;
  visit->days_used = used;
  visit->days_left = left;
  visit->due_state = state;
  visit->actor_name = g_strdup ("德清县总工会");
  return visit;
}

static GtkWidget *
entry_label (XfStageTimeline *timeline,
             guint            index,
             const char      *name)
{
  GtkWidget *entry = xf_stage_timeline_get_entry (timeline, index);

  g_assert_nonnull (entry);
  return xf_test_find_named (entry, name);
}

static void
test_timeline (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_stage_visit_free);
  GtkWidget *window = gtk_window_new ();
  XfStageTimeline *timeline = XF_STAGE_TIMELINE (xf_stage_timeline_new ());
  g_autofree char *unit = NULL;
  g_autofree char *used = NULL;
  GtkWidget *days;

  g_ptr_array_add (visits, visit_new (XF_STAGE_DRAFT, "2026-03-02", "2026-03-03", 0, 1, 0, XF_DUE_NONE));
  g_ptr_array_add (visits, visit_new (XF_STAGE_PRELIMINARY, "2026-03-03", "2026-03-11", 10, 6, 0,
                                      XF_DUE_DONE));
  g_ptr_array_add (visits, visit_new (XF_STAGE_RETURNED, "2026-03-11", "2026-03-16", 0, 3, 0,
                                      XF_DUE_NONE));
  g_ptr_array_add (visits, visit_new (XF_STAGE_PRELIMINARY, "2026-03-16", NULL, 10, 8, 2,
                                      XF_DUE_SOON));
  ((XfStageVisit *) g_ptr_array_index (visits, 2))->note = g_strdup ("请补充业绩证明。");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  xf_stage_timeline_set_visits (timeline, visits, 31);
  g_assert_cmpuint (xf_stage_timeline_get_n_entries (timeline), ==, 4);

  /* Closed within its budget: used of budget, in green. */
  days = entry_label (timeline, 1, "days");
  used = g_strdup_printf (ngettext ("%d of %d working day used", "%d of %d working days used", 10), 6, 10);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (days)), ==, used);
  g_assert_true (gtk_widget_has_css_class (days, "success"));

  /* With the unit: apart, dimmed, not counted. */
  days = entry_label (timeline, 2, "days");
  unit = g_strdup_printf (ngettext ("With the unit: %d working day (not counted)",
                                    "With the unit: %d working days (not counted)", 3), 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (days)), ==, unit);
  g_assert_true (gtk_widget_has_css_class (days, "dim-label"));
  g_assert_cmpint (gtk_widget_get_margin_start (xf_stage_timeline_get_entry (timeline, 2)), >, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (entry_label (timeline, 2, "note"))), ==,
                   "请补充业绩证明。");

  /* Open and due soon: a warning. */
  days = entry_label (timeline, 3, "days");
  g_assert_true (gtk_widget_has_css_class (days, "warning"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (days)), "2"));

  /* The office's days leave out the unit's 3. */
  {
    g_autofree char *office = g_strdup_printf (ngettext ("Office: %d of the promised %d working day used",
                                                         "Office: %d of the promised %d working days used",
                                                         31), 14, 31);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xf_test_find_named (GTK_WIDGET (timeline), "office-days"))),
                     ==, office);
  }

  /* Overdue turns red. */
  ((XfStageVisit *) g_ptr_array_index (visits, 3))->days_left = -2;
  ((XfStageVisit *) g_ptr_array_index (visits, 3))->due_state = XF_DUE_OVERDUE;
  xf_stage_timeline_set_visits (timeline, visits, 31);
  g_assert_true (gtk_widget_has_css_class (entry_label (timeline, 3, "days"), "error"));

  xf_test_show_window (GTK_WINDOW (window));
  xf_test_screenshot_in_language (window, "stage-timeline");

  xf_stage_timeline_set_visits (timeline, NULL, 0);
  g_assert_cmpuint (xf_stage_timeline_get_n_entries (timeline), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/*
 * The view
 */

static void
test_empty (ViewFixture   *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (view_child (fixture, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  xf_nomination_view_set_nomination (fixture->view, 999);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
created_cb (XfNominationDialog *dialog,
            gint64              id,
            ViewFixture        *fixture)
{
  fixture->created_id = id;
}

static XfNominationDialog *
open_dialog (ViewFixture *fixture)
{
  XfNominationDialog *dialog;

  xf_nomination_dialog_present (fixture->window, fixture->evaluation, fixture->campaign_id);
  dialog = XF_NOMINATION_DIALOG (xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), fixture);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static GtkWidget *
dialog_child (XfNominationDialog *dialog,
              const char         *name)
{
  return xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, name);
}

static void
set_row_text (XfNominationDialog *dialog,
              const char         *name,
              const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

static void
fill_unit_and_case (XfNominationDialog *dialog)
{
  GtkTextView *case_view = GTK_TEXT_VIEW (dialog_child (dialog, "case_view"));

  set_row_text (dialog, "unit_row", "德清县总工会");
  set_row_text (dialog, "contact_row", "王丽 0572-8421234");
  set_row_text (dialog, "service_row", "2002-07-01");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (case_view),
                            "扎根数控加工一线二十余年，主持精密轴承加工工艺攻关，"
                            "使合格率从92%提高到99.6%，带出徒弟四十余名。", -1);
}

static gboolean
one_match (gpointer data)
{
  GtkListView *list = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) == 1;
}

static gboolean
dialog_gone (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG) == NULL;
}

/* Enters a nomination of the fixture's candidate through the dialog and
 * submits it; returns its id. */
static gint64
submit_through_dialog (ViewFixture *fixture,
                       gboolean     take_screenshot)
{
  XfNominationDialog *dialog = open_dialog (fixture);
  GtkListView *list = GTK_LIST_VIEW (dialog_child (dialog, "pioneer_list"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "search_entry")), "沈建国");
  g_assert_true (xf_test_wait_until (one_match, list, 2000));
  gtk_single_selection_set_selected (selection, 0);
  fill_unit_and_case (dialog);
  if (take_screenshot)
    xf_test_screenshot_in_language (GTK_WIDGET (dialog), "nomination-dialog");

  click (dialog_child (dialog, "submit_button"));
  g_assert_true (xf_test_wait_until (dialog_gone, NULL, 2000));
  g_assert_cmpint (fixture->created_id, >, 0);
  return fixture->created_id;
}

static void
test_submit_and_pass (ViewFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  GtkWidget *checklist_group = view_child (fixture, "checklist_group");
  XfStageTimeline *timeline = XF_STAGE_TIMELINE (view_child (fixture, "timeline"));
  g_autoptr(GPtrArray) checks = NULL;
  GArray *state;
  gint64 id;
  guint n_checks;

  id = submit_through_dialog (fixture, TRUE);
  nomination = get_nomination (fixture, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpstr (xf_nomination_get_nominating_unit (nomination), ==, "德清县总工会");
  g_assert_cmpstr (xf_nomination_get_service_since (nomination), ==, "2002-07-01");

  /* The view shows the stage, its due date and the timeline. */
  xf_nomination_view_set_nomination (fixture->view, id);
  g_assert_cmpstr (label_text (fixture, "stage_label"), ==, xf_stage_label (XF_STAGE_PRELIMINARY));
  g_assert_nonnull (strstr (label_text (fixture, "due_label"),
                            xf_nomination_get_stage_due_on (nomination)));
  g_assert_cmpuint (xf_stage_timeline_get_n_entries (timeline), >=, 1);
  g_assert_cmpstr (gtk_widget_get_name (xf_stage_timeline_get_entry (timeline,
                                        xf_stage_timeline_get_n_entries (timeline) - 1)),
                   ==, XF_STAGE_PRELIMINARY);
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (fixture->view), "return"));
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (fixture->view), "reject"));
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (fixture->view), "withdraw"));
  g_assert_null (xf_test_find_named (GTK_WIDGET (fixture->view), "confer"));

  /* Passing before the checklist is ticked: core says why, in the pane. */
  click_named (fixture, "pass-preliminary");
  g_assert_true (error_shown (fixture));
  g_assert_cmpstr (label_text (fixture, "error_label"), !=, "");
  g_clear_object (&nomination);
  nomination = get_nomination (fixture, id);
  g_assert_null (xf_nomination_get_preliminary_passed_on (nomination));

  /* Tick every item: each goes to core at once. */
  campaign = xf_evaluation_get_campaign (fixture->evaluation, fixture->campaign_id, NULL);
  n_checks = xf_campaign_get_checklist (campaign)->len;
  g_assert_cmpuint (n_checks, >, 0);
  g_assert_true (gtk_widget_get_visible (checklist_group));
  checks = g_ptr_array_new ();
  collect_named (checklist_group, "checklist-item", checks);
  g_assert_cmpuint (checks->len, ==, n_checks);
  for (guint i = 0; i < checks->len; i++)
    {
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
      xf_test_iterate (20);
    }
  g_clear_object (&nomination);
  nomination = get_nomination (fixture, id);
  state = xf_nomination_get_checklist_state (nomination);
  g_assert_cmpuint (state->len, ==, n_checks);
  for (guint i = 0; i < n_checks; i++)
    g_assert_true (g_array_index (state, gboolean, i));
  scroll_to (fixture, "checklist_group");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-preliminary");

  /* Pass: the stage stays until every department has cleared. */
  click_named (fixture, "pass-preliminary");
  g_assert_false (error_shown (fixture));
  g_clear_object (&nomination);
  nomination = get_nomination (fixture, id);
  g_assert_nonnull (xf_nomination_get_preliminary_passed_on (nomination));
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  xf_test_iterate (50);

  vettings = xf_evaluation_list_vettings (fixture->evaluation, id, NULL);
  g_assert_cmpuint (vettings->len, >, 0);
  for (guint i = 0; i < vettings->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (vettings, i);
      g_autofree char *name = g_strdup_printf ("clear-%s", vetting->department_code);

      click_named (fixture, name);
      g_assert_false (error_shown (fixture));
      xf_test_iterate (50);
    }
  wait_for_stage (fixture, XF_STAGE_COMMITTEE);
  g_assert_null (xf_test_find_named (GTK_WIDGET (fixture->view), "pass-preliminary"));
  g_assert_cmpuint (xf_stage_timeline_get_n_entries (timeline), >=, 2);
  scroll_to (fixture, "stage_label");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-committee");
  scroll_to (fixture, "timeline_group");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-timeline");
}

static gboolean
reason_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_REASON_DIALOG) != NULL;
}

static void
test_reason_and_refusal (ViewFixture   *fixture,
                         gconstpointer  data)
{
  gint64 id = xf_test_submit (fixture->evaluation, fixture->campaign_id, fixture->pioneer_id,
                              "德清县总工会");
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) expected = NULL;
  XfStageTimeline *timeline = XF_STAGE_TIMELINE (view_child (fixture, "timeline"));
  AdwMessageDialog *dialog;
  XfNominationDialog *edit;
  GtkWidget *returned_days = NULL;
  g_autofree char *unit = NULL;

  xf_nomination_view_set_nomination (fixture->view, id);

  /* Returning needs a reason: no confirming while it is empty or blank. */
  click_named (fixture, "return");
  g_assert_true (xf_test_wait_until (reason_dialog_shown, NULL, 1000));
  dialog = ADW_MESSAGE_DIALOG (xf_test_find_toplevel (XF_TYPE_REASON_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Return for revision?"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), "   \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), "请补充近三年的业绩证明材料。");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "nomination-reason-dialog");
  adw_message_dialog_response (dialog, "confirm");

  nomination = get_nomination (fixture, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_RETURNED);
  wait_for_stage (fixture, XF_STAGE_RETURNED);
  g_assert_nonnull (xf_test_find_named (GTK_WIDGET (fixture->view), "resubmit"));
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "edit_button")));

  /* The time with the unit is set apart in the timeline. */
  for (guint i = 0; i < xf_stage_timeline_get_n_entries (timeline); i++)
    if (g_strcmp0 (gtk_widget_get_name (xf_stage_timeline_get_entry (timeline, i)), XF_STAGE_RETURNED) == 0)
      returned_days = xf_test_find_named (xf_stage_timeline_get_entry (timeline, i), "days");
  g_assert_nonnull (returned_days);
  unit = g_strdup_printf (ngettext ("With the unit: %d working day (not counted)",
                                    "With the unit: %d working days (not counted)", 0), 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (returned_days)), ==, unit);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-returned");
  scroll_to (fixture, "timeline_group");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-returned-timeline");

  /* A step the workflow refuses: core's reason shows in the pane. */
  g_assert_false (xf_workflow_check (XF_STAGE_RETURNED, XF_ACTION_CLOSE_NOTICE, &expected));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "nomination.act", "s",
                                             "close-notice"));
  g_assert_true (error_shown (fixture));
  g_assert_cmpstr (label_text (fixture, "error_label"), ==, expected->message);
  g_clear_object (&nomination);
  nomination = get_nomination (fixture, id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_RETURNED);

  /* The unit revises the case and submits it again from the edit dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "nomination.edit", NULL));
  edit = XF_NOMINATION_DIALOG (xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG));
  g_assert_nonnull (edit);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (edit, "candidate_stack"))),
                   ==, "fixed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (edit, "unit_row"))), ==,
                   "德清县总工会");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dialog_child (edit, "submit_button"))), ==,
                   _("_Resubmit"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog_child (edit, "case_view"))),
                            "先进事迹材料（已补充近三年业绩证明）。", -1);
  click (dialog_child (edit, "submit_button"));
  g_assert_true (xf_test_wait_until (dialog_gone, NULL, 2000));
  wait_for_stage (fixture, XF_STAGE_PRELIMINARY);
  g_clear_object (&nomination);
  nomination = get_nomination (fixture, id);
  g_assert_cmpstr (xf_nomination_get_case_text (nomination), ==, "先进事迹材料（已补充近三年业绩证明）。");
}

/*
 * Public notice: no button closes it; the notice board does, when its
 * period has run. The view says which notice the nomination is on.
 */

static gboolean
due_label_has_prefix (gpointer data)
{
  ViewFixture *fixture = data;

  return g_str_has_prefix (label_text (fixture, "due_label"),
                           g_object_get_data (G_OBJECT (fixture->view), "want"));
}

static void
wait_for_due (ViewFixture *fixture,
              const char  *prefix)
{
  g_object_set_data_full (G_OBJECT (fixture->view), "want", g_strdup (prefix), g_free);
  xf_nomination_view_refresh (fixture->view);
  g_assert_true (xf_test_wait_until (due_label_has_prefix, fixture, 2000));
}

static void
test_on_notice (ViewFixture   *fixture,
                gconstpointer  data)
{
  gint64 id = xf_test_submit (fixture->evaluation, fixture->campaign_id, fixture->pioneer_id,
                              "德清县总工会");
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (fixture->evaluation);
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(XfObjection) objection = xf_objection_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *until = NULL;
  g_autofree char *held = NULL;
  gint64 notice_id;

  /* Selected by the committee (the round's closing step). */
  xf_test_to_committee (fixture->evaluation, id);
  xf_test_select_for_notice (fixture->evaluation, id);

  xf_nomination_view_set_nomination (fixture->view, id);
  wait_for_stage (fixture, XF_STAGE_NOTICE);
  g_assert_cmpstr (label_text (fixture, "due_label"), ==, _("Not yet on a public notice"));
  g_assert_null (xf_test_find_named (view_child (fixture, "actions_box"), "close-notice"));

  /* On a draft, then published: 13 to 17 April. */
  notice_id = xf_notice_board_create (board, fixture->campaign_id, &error);
  g_assert_no_error (error);
  notice = xf_notice_board_get_notice (board, notice_id, &error);
  g_assert_no_error (error);
  draft = g_strdup_printf (_("On the draft notice “%s”, not yet published"), notice->title);
  wait_for_due (fixture, draft);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8822000");
  g_assert_true (xf_notice_board_save (board, notice, &error));
  g_assert_true (xf_notice_board_publish (board, notice_id, &error));
  g_assert_no_error (error);
  until = g_strdup_printf (_("On public notice until %s"), "2026-04-17");
  wait_for_due (fixture, until);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-on-notice");

  /* An open objection holds it in notice after the notice closes. */
  objection->notice_id = notice_id;
  objection->nomination_id = id;
  objection->channel = g_strdup ("phone");
  objection->anonymous = TRUE;
  objection->objector_name = g_strdup ("");
  objection->grounds = g_strdup ("电话反映候选人业绩材料有夸大。");
  g_assert_cmpint (xf_notice_board_record_objection (board, objection, &error), >, 0);
  g_assert_no_error (error);
  xf_test_end_notice (fixture->evaluation, notice_id);
  held = g_strdup_printf (ngettext ("Held on notice by %u open objection",
                                    "Held on notice by %u open objections", 1), 1);
  wait_for_due (fixture, held);
  g_assert_cmpstr (label_text (fixture, "stage_label"), ==, xf_stage_label (XF_STAGE_NOTICE));
  /* Closing moved "today" on: back to the day the other tests count from. */
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
}

static void
test_new_person (ViewFixture   *fixture,
                 gconstpointer  data)
{
  XfNominationDialog *dialog = open_dialog (fixture);
  XfRegistry *registry = xf_evaluation_get_registry (fixture->evaluation);
  g_autoptr(XfFieldOptions) regions = xf_field_options_new (registry, "region-code");
  g_autofree char *first17 = g_strdup ("33052119900315002");
  g_autofree char *good = g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
  g_autofree char *bad = g_strdup_printf ("%s%c", first17,
                                          xf_identity_id_check_char (first17) == '1' ? '2' : '1');
  GtkWidget *id_row = dialog_child (dialog, "id_number_row");
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;

  click (dialog_child (dialog, "person_toggle"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "candidate_stack"))),
                   ==, "new");
  set_row_text (dialog, "name_row", "李秀英");
  set_row_text (dialog, "employer_row", "德清县莫干山民宿协会");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "region_row")),
                              xf_field_options_find (regions, "330521"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "organisation_row")), 1);
  fill_unit_and_case (dialog);

  /* A wrong check character: core names the field, which is marked. */
  set_row_text (dialog, "id_number_row", bad);
  click (dialog_child (dialog, "submit_button"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_child (dialog, "error_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "error_label"))),
                            xf_pioneer_field_label ("id-number")));
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_cmpint (fixture->created_id, ==, 0);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "nomination-dialog-error");

  /* Fixed: the gender and birth date follow from the number. */
  set_row_text (dialog, "id_number_row", good);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "birth_date_row"))), ==,
                   "1990-03-15");
  click (dialog_child (dialog, "submit_button"));
  g_assert_true (xf_test_wait_until (dialog_gone, NULL, 2000));
  g_assert_cmpint (fixture->created_id, >, 0);

  nomination = get_nomination (fixture, fixture->created_id);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpstr (xf_nomination_get_candidate_name (nomination), ==, "李秀英");
  pioneer = xf_registry_get_pioneer (registry, xf_nomination_get_pioneer_id (nomination), NULL);
  g_assert_nonnull (pioneer);
  g_assert_cmpstr (xf_pioneer_get_tier (pioneer), ==, "cultivation");
}

static gboolean material_wanted;

static gboolean
material_shown (gpointer data)
{
  return (xf_test_find_named (GTK_WIDGET (data), "open-material") != NULL) == material_wanted;
}

static void
test_materials (ViewFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(XfNomination) nomination = xf_nomination_new (fixture->campaign_id, fixture->pioneer_id,
                                                          "德清县总工会");
  static const char content[] = "%XF\x01\x02\x03 binary evidence \x00\xff";
  g_autofree char *path = g_build_filename (fixture->dir, "证明材料.dat", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) materials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *cached_content = NULL;
  gsize cached_length = 0;
  AdwMessageDialog *confirm;
  XfMaterial *material;

  g_assert_true (xf_evaluation_save_nomination (fixture->evaluation, nomination, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, content, sizeof content, &error));
  g_assert_no_error (error);

  xf_nomination_view_set_nomination (fixture->view, xf_nomination_get_id (nomination));
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "add_material_button")));
  xf_nomination_view_add_material_file (fixture->view, file);
  material_wanted = TRUE;
  g_assert_true (xf_test_wait_until (material_shown, fixture->view, 3000));
  g_assert_false (error_shown (fixture));

  materials = xf_evaluation_list_materials (fixture->evaluation, xf_nomination_get_id (nomination), NULL);
  g_assert_cmpuint (materials->len, ==, 1);
  material = g_ptr_array_index (materials, 0);
  g_assert_cmpstr (material->file_name, ==, "证明材料.dat");
  g_assert_cmpint (material->size, ==, sizeof content);
  g_assert_nonnull (xf_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "证明材料.dat"));
  scroll_to (fixture, "case_group");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-materials");

  /* Opening writes the checked content to the cache, under its digest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "nomination.open-material",
                                             "x", material->id));
  cached = g_build_filename (g_get_user_cache_dir (), "xianfeng", "materials", material->sha256,
                             "证明材料.dat", NULL);
  g_assert_true (g_file_get_contents (cached, &cached_content, &cached_length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (cached_content, cached_length, content, sizeof content);

  /* Removing asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "nomination.remove-material",
                                             "x", material->id));
  confirm = xf_test_find_message_dialog (_("Remove the material?"));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  material_wanted = FALSE;
  g_assert_true (xf_test_wait_until (material_shown, fixture->view, 2000));
  g_clear_pointer (&materials, g_ptr_array_unref);
  materials = xf_evaluation_list_materials (fixture->evaluation, xf_nomination_get_id (nomination), NULL);
  g_assert_cmpuint (materials->len, ==, 0);
}

static gboolean
case_shown (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), "先进事迹材料。") == 0;
}

/* A committee member sees neither case nor materials before declaring,
 * and reviews in the panel embedded in the view. */
static void
test_committee_member (ViewFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "reviewer", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(XfEvaluation) member = NULL;
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *committee_group = view_child (fixture, "committee_group");
  GtkLabel *case_label = GTK_LABEL (view_child (fixture, "case_label"));
  GtkWidget *view;
  gint64 id;

  g_ptr_array_add (members, xf_committee_member_new (xf_account_get_id (reviewer), TRUE));
  g_assert_true (xf_evaluation_set_committee (fixture->evaluation, fixture->campaign_id, members, &error));
  g_assert_no_error (error);
  id = xf_test_submit (fixture->evaluation, fixture->campaign_id, fixture->pioneer_id, "德清县总工会");
  xf_test_to_committee (fixture->evaluation, id);
  member = xf_test_evaluation_new (fixture->store, reviewer);
  round = xf_evaluation_open_round (member, fixture->campaign_id, &error);
  g_assert_no_error (error);

  /* The same window, now the member's. */
  view = xf_nomination_view_new (member);
  gtk_window_set_child (fixture->window, view);
  fixture->view = XF_NOMINATION_VIEW (view);
  committee_group = view_child (fixture, "committee_group");
  case_label = GTK_LABEL (view_child (fixture, "case_label"));
  xf_nomination_view_set_nomination (fixture->view, id);

  g_assert_true (gtk_widget_get_visible (committee_group));
  g_assert_nonnull (xf_test_find_widget (committee_group, XF_TYPE_REVIEW_PANEL, NULL));
  g_assert_false (case_shown (case_label));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (case_label), "dim-label"));
  g_assert_null (xf_test_find_named (GTK_WIDGET (fixture->view), "open-material"));
  g_assert_false (gtk_widget_get_visible (view_child (fixture, "add_material_button")));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "nomination-member");

  /* Declared without conflict: the case shows. */
  g_assert_true (xf_evaluation_declare (member, round->id, id, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_test_wait_until (case_shown, case_label, 2000));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/nomination-view/timeline", test_timeline);
  g_test_add ("/ui/nomination-view/empty", ViewFixture, NULL,
              view_set_up, test_empty, view_tear_down);
  g_test_add ("/ui/nomination-view/submit-and-pass", ViewFixture, NULL,
              view_set_up, test_submit_and_pass, view_tear_down);
  g_test_add ("/ui/nomination-view/reason-and-refusal", ViewFixture, NULL,
              view_set_up, test_reason_and_refusal, view_tear_down);
  g_test_add ("/ui/nomination-view/on-notice", ViewFixture, NULL,
              view_set_up, test_on_notice, view_tear_down);
  g_test_add ("/ui/nomination-view/new-person", ViewFixture, NULL,
              view_set_up, test_new_person, view_tear_down);
  g_test_add ("/ui/nomination-view/materials", ViewFixture, NULL,
              view_set_up, test_materials, view_tear_down);

  g_test_add ("/ui/nomination-view/committee-member", ViewFixture, NULL,
              view_set_up, test_committee_member, view_tear_down);

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
