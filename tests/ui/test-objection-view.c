/* test-objection-view.c — recording and handling an objection (异议)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two candidates of a Deqing county campaign are on a published notice.
 * A clerk records objections in the dialog as one would from a letter or
 * a call (core's refusals named next to the field), then handles them in
 * the objection view: assigns a handler, adds a note, upholds one (the
 * nomination goes back to the committee), dismisses another with a reply
 * and records the reply sent. A reviewer sees the contact masked and no
 * actions. meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves objection-dialog, objection-view
 * and objection-view-dismissed ("-zh_CN" for Chinese).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-date-button.h"
#include "xf-evaluation-private.h"
#include "xf-objection-dialog.h"
#include "xf-objection-view.h"
#include "xf-reason-dialog.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A Monday clear of holidays: the notice runs 13–17 April. */
#define TODAY "2026-04-13"

typedef struct
{
  char            *dir;
  XfStore         *store;
  XfEvaluation    *evaluation;   /* the local administrator's */
  XfNoticeBoard   *board;
  XfAccount       *clerk;        /* may vet in Deqing: a handler */
  gint64           campaign_id;
  gint64           nominations[2];
  gint64           notice_id;
  GtkWindow       *window;
  XfObjectionView *view;
} Fixture;

static const char *names[] = { "沈建国", "陈美华" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "objections.db", 0, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->evaluation = xf_test_evaluation_new (fixture->store, NULL);
  fixture->board = xf_notice_board_new (fixture->evaluation);
  fixture->clerk = xf_test_add_account (fixture->store, "wangfang", XF_ROLE_CLERK,
                                        XF_SCOPE_REGION, "330521");
  fixture->campaign_id = xf_test_add_campaign (fixture->evaluation, "county", 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 pioneer_id = xf_test_add_candidate (fixture->evaluation, names[i],
                                                 "浙江德清金属制品有限公司", "330521001");

      fixture->nominations[i] = xf_test_submit (fixture->evaluation, fixture->campaign_id,
                                                pioneer_id, "德清县总工会");
      xf_test_to_committee (fixture->evaluation, fixture->nominations[i]);
      xf_test_select_for_notice (fixture->evaluation, fixture->nominations[i]);
    }
  fixture->notice_id = xf_test_publish_notice (fixture->evaluation, fixture->campaign_id);

  fixture->view = XF_OBJECTION_VIEW (xf_objection_view_new (fixture->board));
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->view), 720, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_OBJECTION_DIALOG);
  gtk_window_destroy (fixture->window);
  xf_test_iterate (10);
  g_clear_object (&fixture->board);
  g_clear_object (&fixture->evaluation);
  g_clear_object (&fixture->clerk);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
view_child (XfObjectionView *view,
            const char      *name)
{
  return xf_test_template_child (view, XF_TYPE_OBJECTION_VIEW, name);
}

static GtkWidget *
dialog_child (XfObjectionDialog *dialog,
              const char        *name)
{
  return xf_test_template_child (dialog, XF_TYPE_OBJECTION_DIALOG, name);
}

/* The value shown in the details row @name. */
static const char *
row_value (XfObjectionView *view,
           const char      *name)
{
  GtkWidget *row = xf_test_find_named (view_child (view, "details_group"), name);

  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (xf_test_find_named (row, "value")));
}

static XfObjection *
get_objection (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfObjection *objection = xf_notice_board_get_objection (fixture->board, id, &error);

  g_assert_no_error (error);
  return objection;
}

static const char *
stage_of (Fixture *fixture,
          gint64   nomination_id)
{
  static char stage[32];
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;

  nomination = xf_evaluation_get_nomination (fixture->evaluation, nomination_id, &error);
  g_assert_no_error (error);
  g_strlcpy (stage, xf_nomination_get_stage (nomination), sizeof stage);
  return stage;
}

/* An objection recorded through core, as another desk would. */
static gint64
record (Fixture *fixture,
        gint64   nomination_id,
        gboolean anonymous)
{
  g_autoptr(XfObjection) objection = xf_objection_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  objection->notice_id = fixture->notice_id;
  objection->nomination_id = nomination_id;
  objection->channel = g_strdup ("letter");
  objection->anonymous = anonymous;
  objection->objector_name = g_strdup (anonymous ? "" : "李明");
  objection->objector_contact = g_strdup ("13905720000");
  objection->grounds = g_strdup ("来信反映该候选人所在企业曾有安全生产违规记录，请予核实。");
  id = xf_notice_board_record_objection (fixture->board, objection, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Waits for the view's refresh (it follows the board's "changed" when idle). */
static void
wait_for_status (XfObjectionView *view,
                 const char      *status)
{
  xf_test_wait_for_label (view_child (view, "status_label"), status);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
reason_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_REASON_DIALOG) != NULL;
}

/*
 * The empty state
 */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  xf_test_language ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture->view, "stack"))),
                   ==, "empty");
  xf_objection_view_set_objection (fixture->view, record (fixture, fixture->nominations[0], FALSE));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture->view, "stack"))),
                   ==, "objection");
  xf_objection_view_set_objection (fixture->view, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture->view, "stack"))),
                   ==, "empty");
}

/*
 * Recording
 */

static void
recorded_cb (XfObjectionDialog *dialog,
             gint64             id,
             gint64            *recorded)
{
  *recorded = id;
}

static gboolean
file_read (gpointer data)
{
  XfObjectionDialog *dialog = data;
  GtkWidget *row = xf_test_find_named (dialog_child (dialog, "files_group"), "file");

  return row != NULL &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Reading…")) != 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_OBJECTION_DIALOG) == NULL;
}

static void
press_record (XfObjectionDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "objection-dialog.record", NULL));
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  XfObjectionDialog *dialog;
  GtkWidget *name_row, *grounds;
  const char *message;
  g_autofree char *letter = g_build_filename (fixture->dir, "举报信.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (letter);
  g_autoptr(XfObjection) objection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 recorded = 0;
  GListModel *candidates;

  dialog = XF_OBJECTION_DIALOG (xf_objection_dialog_new (fixture->board, fixture->notice_id));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), fixture->window);
  g_signal_connect (dialog, "recorded", G_CALLBACK (recorded_cb), &recorded);
  gtk_window_present (GTK_WINDOW (dialog));
  xf_test_iterate (50);

  /* Both candidates, in the notice's order; received today unless changed. */
  candidates = adw_combo_row_get_model (ADW_COMBO_ROW (dialog_child (dialog, "candidate_row")));
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (candidates), 0),
                                   names[0]));
  g_assert_cmpstr (xf_date_button_get_date (XF_DATE_BUTTON (dialog_child (dialog, "received_button"))),
                   ==, TODAY);

  /* Nothing entered: core names the objector first, next to its row. */
  name_row = dialog_child (dialog, "name_row");
  press_record (dialog);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_child (dialog, "error_revealer"))));
  message = gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "error_label")));
  g_assert_true (g_str_has_prefix (message, _("Objector")));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpint (recorded, ==, 0);

  /* Anonymous: the name goes, and the grounds are what is missing. */
  gtk_switch_set_active (GTK_SWITCH (dialog_child (dialog, "anonymous_switch")), TRUE);
  g_assert_false (gtk_widget_get_visible (name_row));
  press_record (dialog);
  grounds = dialog_child (dialog, "grounds_scrolled");
  message = gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "error_label")));
  g_assert_true (g_str_has_prefix (message, _("Grounds")));
  g_assert_true (gtk_widget_has_css_class (grounds, "error"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "objection-dialog-error");

  /* A letter about the second candidate, with the letter attached. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "candidate_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "channel_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "contact_row")), "德清县武康街道某小区");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog_child (dialog, "grounds_view"))),
                            "反映候选人事迹材料中的获奖时间与实际不符。", -1);
  /* Typing into the field the error named takes the stale error away. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_child (dialog, "error_revealer"))));
  g_assert_false (gtk_widget_has_css_class (grounds, "error"));
  g_assert_true (g_file_set_contents (letter, "匿名来信原文", -1, &error));
  g_assert_no_error (error);
  xf_objection_dialog_add_file (dialog, file);
  g_assert_true (xf_test_wait_until (file_read, dialog, 5000));
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "objection-dialog");

  press_record (dialog);
  g_assert_cmpint (recorded, >, 0);
  g_assert_true (xf_test_wait_until (dialog_gone, NULL, 5000));

  objection = get_objection (fixture, recorded);
  g_assert_cmpint (objection->nomination_id, ==, fixture->nominations[1]);
  g_assert_cmpstr (objection->received_on, ==, TODAY);
  g_assert_cmpstr (objection->channel, ==, xf_objection_channels ()[1]);
  g_assert_true (objection->anonymous);
  g_assert_cmpstr (objection->objector_name, ==, "");
  g_assert_cmpstr (objection->objector_contact, ==, "德清县武康街道某小区");
  g_assert_cmpstr (objection->grounds, ==, "反映候选人事迹材料中的获奖时间与实际不符。");
  g_assert_cmpuint (objection->files->len, ==, 1);
  g_assert_cmpstr (((XfObjectionFile *) g_ptr_array_index (objection->files, 0))->file_name, ==,
                   "举报信.txt");
  g_assert_cmpint (((XfObjectionFile *) g_ptr_array_index (objection->files, 0))->size, ==,
                   strlen ("匿名来信原文"));
}

/*
 * Handling: handler, note, upheld
 */

static void
test_uphold (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = record (fixture, fixture->nominations[0], FALSE);
  gint64 other = record (fixture, fixture->nominations[0], TRUE);
  XfObjectionView *view = fixture->view;
  AdwComboRow *handler_row = ADW_COMBO_ROW (view_child (view, "handler_row"));
  GListModel *handlers;
  g_autoptr(XfObjection) objection = NULL;
  g_autoptr(XfObjection) second = NULL;
  g_autofree char *heading = g_strdup_printf (_("Objection about %s"), names[0]);
  g_autofree char *due_on = NULL;
  AdwMessageDialog *dialog;

  xf_objection_view_set_objection (view, id);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (view, "heading_label"))), ==, heading);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (view, "status_label"))), ==,
                   xf_objection_outcome_label (NULL));
  objection = get_objection (fixture, id);
  due_on = xf_notice_format_date (objection->due_on);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (view_child (view, "due_label"))), due_on));
  g_assert_cmpstr (row_value (view, "objector"), ==, "李明");
  /* The administrator may see personal data: the contact in full. */
  g_assert_cmpstr (row_value (view, "contact"), ==, "13905720000");
  g_assert_cmpstr (row_value (view, "channel"), ==, xf_objection_channel_label ("letter"));
  g_assert_false (gtk_widget_get_visible (view_child (view, "outcome_group")));

  /* The handler: the Deqing clerk may vet there; the list starts unassigned. */
  handlers = adw_combo_row_get_model (handler_row);
  g_assert_cmpuint (g_list_model_get_n_items (handlers), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (handler_row), ==, 0);
  adw_combo_row_set_selected (handler_row, 1);
  g_clear_pointer (&objection, xf_objection_free);
  objection = get_objection (fixture, id);
  g_assert_cmpint (objection->handler_account_id, ==, xf_account_get_id (fixture->clerk));

  /* A note, appended under the others. */
  gtk_editable_set_text (GTK_EDITABLE (view_child (view, "note_row")), "已电话联系企业安全生产监管部门核实。");
  g_signal_emit_by_name (view_child (view, "note_row"), "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view_child (view, "note_row"))), ==, "");
  g_clear_pointer (&objection, xf_objection_free);
  objection = get_objection (fixture, id);
  g_assert_cmpuint (objection->notes->len, ==, 1);
  xf_test_wait_for_named (view_child (view, "notes_group"), "note-entry");
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "objection-view");

  /* Upheld: a reason is needed, then the nomination goes back to committee
   * and the other open objection on the candidate closes with it. */
  click (view_child (view, "uphold_return_button"));
  g_assert_true (xf_test_wait_until (reason_dialog_shown, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (xf_test_find_toplevel (XF_TYPE_REASON_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Uphold the objection?"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), "经核实，企业确有未整改的安全生产问题。");
  xf_test_answer (_("Uphold the objection?"), "confirm");
  g_assert_false (gtk_widget_get_visible (view_child (view, "error_label")));
  wait_for_status (view, xf_objection_outcome_label (XF_OBJECTION_UPHELD_RETURN));

  g_clear_pointer (&objection, xf_objection_free);
  objection = get_objection (fixture, id);
  g_assert_cmpstr (objection->status, ==, XF_OBJECTION_CLOSED);
  g_assert_cmpstr (objection->outcome, ==, XF_OBJECTION_UPHELD_RETURN);
  g_assert_cmpstr (objection->outcome_reason, ==, "经核实，企业确有未整改的安全生产问题。");
  second = get_objection (fixture, other);
  g_assert_cmpstr (second->outcome, ==, XF_OBJECTION_UPHELD_RETURN);
  g_assert_cmpstr (stage_of (fixture, fixture->nominations[0]), ==, XF_STAGE_COMMITTEE);
  g_assert_cmpstr (stage_of (fixture, fixture->nominations[1]), ==, XF_STAGE_NOTICE);

  /* Decided: no more actions, the outcome shows, nothing left to reply. */
  g_assert_false (gtk_widget_get_visible (view_child (view, "actions_box")));
  g_assert_false (gtk_widget_get_visible (view_child (view, "note_row")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (handler_row)));
  g_assert_true (gtk_widget_get_visible (view_child (view, "outcome_group")));
  g_assert_nonnull (xf_test_find_named (view_child (view, "outcome_group"), "reason"));
}

/*
 * Dismissed with a reply, and the reply sent
 */

static gboolean
reply_dialog_enabled (AdwMessageDialog *dialog)
{
  return adw_message_dialog_get_response_enabled (dialog, "confirm");
}

static void
test_dismiss (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = record (fixture, fixture->nominations[1], FALSE);
  XfObjectionView *view = fixture->view;
  g_autoptr(XfObjection) objection = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *reason, *reply;

  xf_objection_view_set_objection (view, id);
  g_assert_false (gtk_widget_get_visible (view_child (view, "reply_button")));
  click (view_child (view, "dismiss_button"));
  dialog = xf_test_find_message_dialog (_("Dismiss the objection?"));
  g_assert_nonnull (dialog);
  reason = xf_test_find_named (GTK_WIDGET (dialog), "reason");
  reply = xf_test_find_named (GTK_WIDGET (dialog), "reply");

  /* Both a reason and a reply, or no dismissing. */
  g_assert_false (reply_dialog_enabled (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (reason)),
                            "获奖时间经原件核对无误。", -1);
  g_assert_false (reply_dialog_enabled (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (reply)), "  ", -1);
  g_assert_false (reply_dialog_enabled (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (reply)),
                            "李明同志：经核实，候选人获奖时间与证书原件一致，特此答复。", -1);
  g_assert_true (reply_dialog_enabled (dialog));
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "objection-dismiss-dialog");
  xf_test_answer (_("Dismiss the objection?"), "confirm");
  wait_for_status (view, xf_objection_outcome_label (XF_OBJECTION_DISMISSED));

  objection = get_objection (fixture, id);
  g_assert_cmpstr (objection->outcome, ==, XF_OBJECTION_DISMISSED);
  g_assert_cmpstr (objection->reply, ==, "李明同志：经核实，候选人获奖时间与证书原件一致，特此答复。");
  g_assert_null (objection->reply_sent_on);
  g_assert_cmpstr (stage_of (fixture, fixture->nominations[1]), ==, XF_STAGE_NOTICE);

  /* The reply went out by letter, the way the objection came. */
  click (view_child (view, "reply_button"));
  dialog = xf_test_find_message_dialog (_("Record the reply sent?"));
  g_assert_nonnull (dialog);
  xf_test_answer (_("Record the reply sent?"), "confirm");
  g_assert_false (gtk_widget_get_visible (view_child (view, "error_label")));
  g_clear_pointer (&objection, xf_objection_free);
  objection = get_objection (fixture, id);
  g_assert_cmpstr (objection->reply_channel, ==, "letter");
  g_assert_cmpstr (objection->reply_sent_on, ==, TODAY);
  g_assert_true (xf_test_wait_until (widget_hidden, view_child (view, "reply_button"), 5000));
  g_assert_nonnull (xf_test_find_named (view_child (view, "outcome_group"), "reply-sent"));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "objection-view-dismissed");
}

/*
 * A reviewer: reads, but the contact is masked and nothing may be done
 */

static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = record (fixture, fixture->nominations[0], FALSE);
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "zhaolei", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) evaluation = xf_test_evaluation_new (fixture->store, reviewer);
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (evaluation);
  XfObjectionView *view = XF_OBJECTION_VIEW (xf_objection_view_new (board));
  GtkWidget *contact;

  gtk_window_set_child (fixture->window, GTK_WIDGET (view));
  xf_objection_view_set_objection (view, id);
  xf_test_iterate (50);
  contact = xf_test_find_named (view_child (view, "details_group"), "contact");
  g_assert_cmpstr (row_value (view, "contact"), !=, "13905720000");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (contact)));
  g_assert_false (gtk_widget_get_visible (view_child (view, "actions_box")));
  g_assert_false (gtk_widget_get_visible (view_child (view, "note_row")));
  g_assert_false (gtk_widget_get_visible (view_child (view, "add_file_button")));
  g_assert_false (gtk_widget_is_sensitive (view_child (view, "handler_row")));
  /* The action is off: nothing asks. */
  gtk_widget_activate_action (GTK_WIDGET (view), "objection.decide", "s", XF_OBJECTION_DISMISSED);
  xf_test_iterate (50);
  g_assert_null (xf_test_find_message_dialog (_("Dismiss the objection?")));
  fixture->view = view;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add ("/ui/objection-view/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/objection-view/record", Fixture, NULL, fixture_set_up, test_record, fixture_tear_down);
  g_test_add ("/ui/objection-view/uphold", Fixture, NULL, fixture_set_up, test_uphold, fixture_tear_down);
  g_test_add ("/ui/objection-view/dismiss", Fixture, NULL, fixture_set_up, test_dismiss,
              fixture_tear_down);
  g_test_add ("/ui/objection-view/reviewer", Fixture, NULL, fixture_set_up, test_reviewer,
              fixture_tear_down);

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
