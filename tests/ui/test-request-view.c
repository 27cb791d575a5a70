/* test-request-view.c — a service request's detail and its steps
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pioneers of Deqing offer technical help. A request from a factory
 * worker is shown in the request view, and each step is taken through its
 * widgets as a dispatcher would: a claim for a pioneer (and a claim lost
 * to another desk), the assignment from the suggestions, a booking
 * accepted or declined, start, done with a note, feedback with a
 * complaint and its follow-up, cancelling. Core's state is checked after
 * each; refusals show (a lost claim in a toast, a step core refuses in
 * the pane, the feedback dialog's in the dialog). A reviewer sees the
 * contact masked and no steps.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-assign-dialog.h"
#include "xf-error.h"
#include "xf-feedback-dialog.h"
#include "xf-reason-dialog.h"
#include "xf-request-view-private.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A Monday clear of holidays. */
#define TODAY "2026-04-13"

typedef struct
{
  char          *dir;
  XfStore       *store;
  XfRegistry    *registry;
  XfServices    *services;     /* the local administrator's */
  gint64         wang;         /* 王建国, Deqing 330521001 */
  gint64         li;           /* 李明, Deqing 330521002 */
  GtkWindow     *window;
  XfRequestView *view;
  guint          n_changed;    /* ::request-changed emissions */
  gint64         last_changed;
} Fixture;

static void
request_changed_cb (XfRequestView *view,
                    gint64         request_id,
                    Fixture       *fixture)
{
  fixture->n_changed++;
  fixture->last_changed = request_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->services = xf_services_new (fixture->registry);
  fixture->wang = xf_test_services_add_pioneer (fixture->registry, "王建国", "330521001");
  fixture->li = xf_test_services_add_pioneer (fixture->registry, "李明", "330521002");
  xf_test_services_add_offer (fixture->services, fixture->wang);
  xf_test_services_add_offer (fixture->services, fixture->li);

  fixture->view = XF_REQUEST_VIEW (xf_request_view_new (fixture->services));
  g_signal_connect (fixture->view, "request-changed", G_CALLBACK (request_changed_cb), fixture);
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->view), 720, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_ASSIGN_DIALOG);
  xf_test_close_dialogs (XF_TYPE_FEEDBACK_DIALOG);
  gtk_window_destroy (fixture->window);
  xf_test_iterate (10);
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->store);
}

static GtkWidget *
view_child (XfRequestView *view,
            const char    *name)
{
  return xf_test_template_child (view, XF_TYPE_REQUEST_VIEW, name);
}

/* The step button named as core names the step. */
static GtkWidget *
step_button (Fixture    *fixture,
             const char *step)
{
  return xf_test_find_named (view_child (fixture->view, "actions_box"), step);
}

static gboolean
step_shown (Fixture    *fixture,
            const char *step)
{
  GtkWidget *button = step_button (fixture, step);

  return button != NULL && gtk_widget_get_visible (button);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The value shown in the row @name under @group. */
static const char *
row_value (Fixture    *fixture,
           const char *group,
           const char *name)
{
  GtkWidget *row = xf_test_find_named (view_child (fixture->view, group), name);

  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (xf_test_find_named (row, "value")));
}

/* The view follows core when idle: wait until it shows @status. */
static void
wait_for_status (Fixture    *fixture,
                 const char *status)
{
  xf_test_wait_for_label (view_child (fixture->view, "status_label"), xf_request_status_label (status));
}

static const char *
toast_text (Fixture *fixture)
{
  return fixture->view->toast != NULL ? adw_toast_get_title (fixture->view->toast) : NULL;
}

static void
show (Fixture *fixture,
      gint64   request_id)
{
  xf_request_view_show (fixture->view, request_id);
  xf_test_iterate (20);
}

/* A reason dialog headed @heading, asked for by the step button @step:
 * "confirm" is off until a text is given. */
static void
answer_with_text (Fixture    *fixture,
                  const char *step,
                  const char *heading,
                  const char *text)
{
  AdwMessageDialog *dialog;

  click (step_button (fixture, step));
  dialog = xf_test_find_message_dialog (heading);
  g_assert_nonnull (dialog);
  g_assert_true (XF_IS_REASON_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), text);
  xf_test_answer (heading, "confirm");
}

/*
 * Showing a request
 */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (view_child (fixture->view, "stack"));
  gint64 id = xf_test_services_add_request (fixture->services, 0);

  xf_test_language ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  show (fixture, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "request");
  g_assert_cmpint (xf_request_view_get_request (fixture->view), ==, id);
  show (fixture, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (step_button (fixture, "claim")));
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfServiceRequest) request = xf_test_services_get (fixture->services, id);
  GtkWidget *timeline = view_child (fixture->view, "timeline_group");

  show (fixture, id);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture->view, "heading_label"))), ==,
                   request->item_name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture->view, "code_label"))), ==,
                   request->code);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture->view, "status_label"))), ==,
                   xf_request_status_label (XF_REQUEST_OPEN));
  g_assert_true (gtk_widget_has_css_class (view_child (fixture->view, "status_label"), "status-open"));
  g_assert_cmpstr (row_value (fixture, "details_group", "requester"), ==, "张秀英");
  /* The administrator may see personal data: the contact is plain. */
  g_assert_cmpstr (row_value (fixture, "details_group", "contact"), ==, "13812345678");
  g_assert_cmpstr (row_value (fixture, "details_group", "place"), ==, "德清县武康街道长虹中街 88 号");
  g_assert_cmpstr (row_value (fixture, "details_group", "preferred-time"), ==, "工作日上午");
  g_assert_nonnull (xf_test_find_named (view_child (fixture->view, "details_group"), "response-due"));
  g_assert_null (xf_test_find_named (view_child (fixture->view, "details_group"), "claimer"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture->view, "description_label"))), ==,
                   "车间一台数控车床主轴异响，想请先锋上门看看。");
  /* The timeline: its one line so far, the request's creation. */
  g_assert_cmpuint (xf_test_count_named (timeline, "event"), ==, request->events->len);
  g_assert_cmpuint (request->events->len, >=, 1);
  /* Only what core allows an open request. */
  g_assert_true (step_shown (fixture, "claim"));
  g_assert_true (step_shown (fixture, "assign"));
  g_assert_true (step_shown (fixture, "cancel"));
  g_assert_false (step_shown (fixture, "start"));
  g_assert_true (gtk_widget_has_css_class (step_button (fixture, "complete"), "suggested-action"));
  g_assert_false (step_shown (fixture, "complete"));
  g_assert_false (step_shown (fixture, "rate"));
  g_assert_false (step_shown (fixture, "accept"));
  g_assert_false (gtk_widget_get_visible (view_child (fixture->view, "feedback_group")));
  g_assert_false (gtk_widget_get_visible (view_child (fixture->view, "outcome_group")));
}

/* A week on, nobody has taken the request on: it is flagged. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  GtkWidget *due = view_child (fixture->view, "due_label");
  GtkWidget *row;

  show (fixture, id);
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_true (gtk_widget_has_css_class (step_button (fixture, "claim"), "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (view_child (fixture->view, "status_label"), "status-overdue"));
  g_setenv ("XIANFENG_TODAY", "2026-04-20", TRUE);
  xf_request_view_refresh (fixture->view);
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_true (gtk_widget_has_css_class (view_child (fixture->view, "status_label"), "status-overdue"));
  /* The dispatcher's assignment is now the step to take. */
  g_assert_true (gtk_widget_has_css_class (step_button (fixture, "assign"), "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (step_button (fixture, "claim"), "suggested-action"));
  row = xf_test_find_named (view_child (fixture->view, "details_group"), "response-due");
  g_assert_nonnull (row);
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  /* Claimed, the response time no longer matters. */
  g_assert_true (xf_services_claim (fixture->services, id, fixture->wang, NULL));
  xf_request_view_refresh (fixture->view);
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_null (xf_test_find_named (view_child (fixture->view, "details_group"), "response-due"));
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
}

/*
 * 抢单: a claim for a pioneer, and one lost to another desk
 */

static void
choose_pioneer (AdwMessageDialog *dialog,
                const char       *name)
{
  GtkWidget *row = xf_test_find_named (adw_message_dialog_get_extra_child (dialog), "pioneer");
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
  g_error ("no pioneer %s in the claim chooser", name);
}

static void
test_claim (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  gint64 other = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfServiceRequest) lost = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  show (fixture, id);
  click (step_button (fixture, "claim"));
  dialog = xf_test_find_message_dialog (_("Claim for a pioneer?"));
  g_assert_nonnull (dialog);
  choose_pioneer (dialog, "王建国");
  xf_test_answer (_("Claim for a pioneer?"), "confirm");
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (request->claimed_by, ==, fixture->wang);
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_CLAIM);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->last_changed, ==, id);
  g_assert_nonnull (strstr (toast_text (fixture), "王建国"));
  wait_for_status (fixture, XF_REQUEST_CLAIMED);
  g_assert_cmpstr (row_value (fixture, "details_group", "claimer"), ==, "王建国");
  g_assert_false (step_shown (fixture, "claim"));
  g_assert_true (step_shown (fixture, "start"));

  /* Another desk claims the second request for 李明 while the chooser is
   * open here: core refuses the later claim and names the winner. */
  show (fixture, other);
  click (step_button (fixture, "claim"));
  dialog = xf_test_find_message_dialog (_("Claim for a pioneer?"));
  choose_pioneer (dialog, "王建国");
  g_assert_true (xf_services_claim (fixture->services, other, fixture->li, &error));
  g_assert_no_error (error);
  xf_test_answer (_("Claim for a pioneer?"), "confirm");
  lost = xf_test_services_get (fixture->services, other);
  g_assert_cmpint (lost->claimed_by, ==, fixture->li);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_nonnull (toast_text (fixture));
  g_assert_nonnull (strstr (toast_text (fixture), "李明"));
  g_assert_false (gtk_widget_get_visible (view_child (fixture->view, "error_label")));
  wait_for_status (fixture, XF_REQUEST_CLAIMED);
  g_assert_cmpstr (row_value (fixture, "details_group", "claimer"), ==, "李明");
}

/*
 * The dispatcher assigns from the suggestions
 */

static gboolean
assign_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_ASSIGN_DIALOG) != NULL;
}

static void
test_assign (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfServiceRequest) request = NULL;
  XfAssignDialog *dialog;
  GtkWidget *list, *row;
  GPtrArray *suggestions;

  show (fixture, id);
  click (step_button (fixture, "assign"));
  g_assert_true (xf_test_wait_until (assign_dialog_shown, NULL, 2000));
  dialog = XF_ASSIGN_DIALOG (xf_test_find_toplevel (XF_TYPE_ASSIGN_DIALOG));
  suggestions = xf_assign_dialog_get_suggestions (dialog);
  g_assert_cmpuint (suggestions->len, ==, 2);
  list = xf_test_template_child (dialog, XF_TYPE_ASSIGN_DIALOG, "suggestions_list");
  g_assert_cmpuint (xf_test_count_named (list, "suggestion"), ==, 2);
  /* Each shows its score, the five parts and why. */
  row = xf_test_find_named (list, "suggestion");
  for (guint i = 0; i < 5; i++)
    {
      static const char *parts[] = { "skills", "industry", "region", "load", "rating" };

      g_assert_nonnull (xf_test_find_named (row, parts[i]));
    }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xf_test_find_named (row, "reason"))), !=, "");
  /* The best first, chosen already; the dispatcher picks 李明. */
  g_assert_true (gtk_widget_is_sensitive (xf_test_template_child (dialog, XF_TYPE_ASSIGN_DIALOG,
                                                                   "assign_button")));
  g_assert_true (xf_assign_dialog_select (dialog, fixture->li));
  g_assert_false (xf_assign_dialog_select (dialog, 999999));
  g_signal_emit_by_name (xf_test_template_child (dialog, XF_TYPE_ASSIGN_DIALOG, "assign_button"), "clicked");
  xf_test_iterate (20);
  g_assert_false (assign_dialog_shown (NULL));
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (request->claimed_by, ==, fixture->li);
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_ASSIGNMENT);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_nonnull (strstr (toast_text (fixture), "李明"));
}

/*
 * A booking: declined (open to all), then another accepted
 */

static void
test_booking (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 declined = xf_test_services_add_request (fixture->services, fixture->wang);
  gint64 accepted = xf_test_services_add_request (fixture->services, fixture->li);
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfServiceRequest) other = NULL;

  show (fixture, declined);
  g_assert_cmpstr (row_value (fixture, "details_group", "booking"), ==, "王建国");
  g_assert_true (step_shown (fixture, "accept"));
  g_assert_true (step_shown (fixture, "decline"));
  g_assert_false (step_shown (fixture, "claim"));
  answer_with_text (fixture, "decline", _("Decline the booking?"), "本周在外地参加技能比赛，无法上门。");
  request = xf_test_services_get (fixture->services, declined);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpint (request->claimed_by, ==, 0);
  wait_for_status (fixture, XF_REQUEST_OPEN);
  g_assert_true (step_shown (fixture, "claim"));

  show (fixture, accepted);
  click (step_button (fixture, "accept"));
  other = xf_test_services_get (fixture->services, accepted);
  g_assert_cmpstr (other->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (other->claimed_by, ==, fixture->li);
  g_assert_cmpstr (other->claim_kind, ==, XF_CLAIM_KIND_BOOKING);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  wait_for_status (fixture, XF_REQUEST_CLAIMED);
}

/*
 * Start, done, feedback with a complaint, its follow-up
 */

static gboolean
feedback_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_FEEDBACK_DIALOG) != NULL;
}

static void
set_text (GtkWidget  *text_view,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  XfFeedbackDialog *dialog;
  GtkWidget *error_label;

  g_assert_true (xf_services_claim (fixture->services, id, fixture->wang, &error));
  g_assert_no_error (error);
  show (fixture, id);

  /* Claimed: starting is the one suggested step, done comes after. */
  g_assert_true (gtk_widget_has_css_class (step_button (fixture, "start"), "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (step_button (fixture, "complete"), "suggested-action"));
  click (step_button (fixture, "start"));
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_IN_PROGRESS);
  g_assert_cmpint (request->started_at, >, 0);
  wait_for_status (fixture, XF_REQUEST_IN_PROGRESS);
  g_assert_false (step_shown (fixture, "start"));

  answer_with_text (fixture, "complete", _("Mark the request done?"),
                    "更换主轴轴承并校准，试车正常，已教会班组日常点检。");
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_DONE);
  g_assert_cmpstr (request->done_note, ==, "更换主轴轴承并校准，试车正常，已教会班组日常点检。");
  wait_for_status (fixture, XF_REQUEST_DONE);
  g_assert_true (gtk_widget_get_visible (view_child (fixture->view, "outcome_group")));
  g_assert_nonnull (xf_test_find_named (view_child (fixture->view, "outcome_group"), "done-note"));
  g_assert_true (gtk_widget_get_visible (view_child (fixture->view, "feedback_group")));
  g_assert_nonnull (xf_test_find_named (view_child (fixture->view, "feedback_group"), "no-feedback"));

  /* Feedback: nothing given is refused in the dialog; stars toggle. */
  click (step_button (fixture, "rate"));
  g_assert_true (xf_test_wait_until (feedback_dialog_shown, NULL, 2000));
  dialog = XF_FEEDBACK_DIALOG (xf_test_find_toplevel (XF_TYPE_FEEDBACK_DIALOG));
  error_label = xf_test_template_child (dialog, XF_TYPE_FEEDBACK_DIALOG, "error_label");
  g_signal_emit_by_name (xf_test_template_child (dialog, XF_TYPE_FEEDBACK_DIALOG, "record_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  /* Each star is a button of its own, reached with Tab. */
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("star-%d", i);
      GtkWidget *star = xf_test_find_named (GTK_WIDGET (dialog), name);

      g_assert_true (GTK_IS_TOGGLE_BUTTON (star));
      g_assert_true (gtk_widget_get_focusable (star));
    }
  click (xf_test_find_named (GTK_WIDGET (dialog), "star-4"));
  g_assert_cmpint (xf_feedback_dialog_get_rating (dialog), ==, 4);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (xf_test_find_named (GTK_WIDGET (dialog), "star-3"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (xf_test_find_named (GTK_WIDGET (dialog), "star-5"))));
  click (xf_test_find_named (GTK_WIDGET (dialog), "star-4"));
  g_assert_cmpint (xf_feedback_dialog_get_rating (dialog), ==, 0);
  click (xf_test_find_named (GTK_WIDGET (dialog), "star-2"));
  g_assert_cmpint (xf_feedback_dialog_get_rating (dialog), ==, 2);
  set_text (xf_test_template_child (dialog, XF_TYPE_FEEDBACK_DIALOG, "comment_view"), "来得晚了两个小时。");
  set_text (xf_test_template_child (dialog, XF_TYPE_FEEDBACK_DIALOG, "complaint_view"),
            "约好上午九点，十一点才到，耽误了生产。");
  g_signal_emit_by_name (xf_test_template_child (dialog, XF_TYPE_FEEDBACK_DIALOG, "record_button"), "clicked");
  xf_test_iterate (20);
  g_assert_false (feedback_dialog_shown (NULL));
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, id);
  g_assert_nonnull (request->feedback);
  g_assert_cmpint (request->feedback->rating, ==, 2);
  g_assert_false (request->feedback->liked);
  g_assert_cmpstr (request->feedback->comment, ==, "来得晚了两个小时。");
  g_assert_cmpstr (request->feedback->follow_up_status, ==, XF_FOLLOW_UP_OPEN);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  xf_test_wait_for_named (view_child (fixture->view, "feedback_group"), "complaint");
  g_assert_true (step_shown (fixture, "close-follow-up"));
  g_assert_cmpstr (row_value (fixture, "feedback_group", "rating"), ==, "★★☆☆☆");
  g_assert_nonnull (xf_test_find_named (view_child (fixture->view, "feedback_group"), "complaint"));
  g_assert_false (step_shown (fixture, "rate"));

  answer_with_text (fixture, "close-follow-up", _("Close the follow-up?"),
                    "已电话致歉，王建国同志下次提前确认时间。");
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->feedback->follow_up_status, ==, XF_FOLLOW_UP_CLOSED);
  g_assert_cmpuint (fixture->n_changed, ==, 4);
  xf_test_wait_for_named (view_child (fixture->view, "feedback_group"), "follow-up-note");
  g_assert_false (step_shown (fixture, "close-follow-up"));
}

/*
 * Cancelling, and a step core refuses because another desk moved first
 */

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  gint64 other = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label = view_child (fixture->view, "error_label");
  AdwMessageDialog *dialog;

  show (fixture, id);
  click (step_button (fixture, "cancel"));
  dialog = xf_test_find_message_dialog (_("Cancel the request?"));
  g_assert_nonnull (dialog);
  /* Destructive, and asks first: the safe answer is the default. */
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  xf_test_answer (_("Cancel the request?"), "cancel");
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);

  answer_with_text (fixture, "cancel", _("Cancel the request?"), "申请人来电说问题已自行解决。");
  g_clear_pointer (&request, xf_service_request_free);
  request = xf_test_services_get (fixture->services, id);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CANCELLED);
  g_assert_cmpstr (request->cancel_reason, ==, "申请人来电说问题已自行解决。");
  wait_for_status (fixture, XF_REQUEST_CANCELLED);
  g_assert_nonnull (xf_test_find_named (view_child (fixture->view, "outcome_group"), "cancel-reason"));
  g_assert_false (gtk_widget_get_visible (view_child (fixture->view, "actions_box")));

  /* The view shows a claimed request; before it hears of it, another
   * desk cancels the request. Starting it now is refused in the pane. */
  g_assert_true (xf_services_claim (fixture->services, other, fixture->wang, &error));
  g_assert_no_error (error);
  show (fixture, other);
  g_assert_true (xf_services_cancel (fixture->services, other, "重复登记", &error));
  g_assert_no_error (error);
  click (step_button (fixture, "start"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  wait_for_status (fixture, XF_REQUEST_CANCELLED);
}

/*
 * A reviewer: reads, the contact masked, no steps
 */

static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = xf_test_services_add_request (fixture->services, 0);
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "zhaolei", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, reviewer);
  g_autoptr(XfServices) services = xf_services_new (registry);
  XfRequestView *view = XF_REQUEST_VIEW (xf_request_view_new (services));
  GtkWidget *contact;
  const char *shown;

  gtk_window_set_child (fixture->window, GTK_WIDGET (view));
  fixture->view = view;
  show (fixture, id);
  contact = xf_test_find_named (view_child (view, "details_group"), "contact");
  shown = row_value (fixture, "details_group", "contact");
  g_assert_cmpstr (shown, !=, "13812345678");
  g_assert_true (g_str_has_prefix (shown, "138"));
  g_assert_true (g_str_has_suffix (shown, "5678"));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (contact)));
  g_assert_false (gtk_widget_get_visible (view_child (view, "actions_box")));
  /* The step is off: nothing asks. */
  gtk_widget_activate_action (GTK_WIDGET (view), "request.cancel", NULL);
  xf_test_iterate (50);
  g_assert_null (xf_test_find_message_dialog (_("Cancel the request?")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);

  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/ui/request-view/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/request-view/details", Fixture, NULL, fixture_set_up, test_details, fixture_tear_down);
  g_test_add ("/ui/request-view/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/ui/request-view/claim", Fixture, NULL, fixture_set_up, test_claim, fixture_tear_down);
  g_test_add ("/ui/request-view/assign", Fixture, NULL, fixture_set_up, test_assign, fixture_tear_down);
  g_test_add ("/ui/request-view/booking", Fixture, NULL, fixture_set_up, test_booking, fixture_tear_down);
  g_test_add ("/ui/request-view/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/ui/request-view/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ui/request-view/reviewer", Fixture, NULL, fixture_set_up, test_reviewer, fixture_tear_down);

  return g_test_run ();
}
