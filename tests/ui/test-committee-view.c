/* test-committee-view.c — the committee review: the chair's view of a
 * round, a member's review panel, and reminders as notifications
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n.h>

#include "core/xf-test-evaluation.h"
#include "xf-committee-view.h"
#include "xf-reminder-notifier.h"
#include "xf-review-panel.h"
#include "xf-test-files.h"
#include "xf-test-util.h"

/* A Tuesday with no holiday near it. */
#define TODAY "2026-03-10"

typedef struct
{
  int    quota;
  guint  n_nominations;
} Setup;

typedef struct
{
  XfStore      *store;
  XfEvaluation *admin;
  XfAccount    *chair;
  XfAccount    *member1;
  XfAccount    *member2;
  XfEvaluation *as_chair;
  XfEvaluation *as_member1;
  XfEvaluation *as_member2;
  gint64        campaign_id;
  gint64        nominations[3];
  guint         n_nominations;
  GPtrArray    *windows;
} CommitteeFixture;

/* The language of the run, for the screenshots' names. */
static char *
shot_name (const char *name)
{
  const char *language = g_getenv ("LANGUAGE");

  return g_strdup_printf ("%s-%s", name, language != NULL && *language != '\0' ? language : "en");
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *file = shot_name (name);

  g_assert_true (xf_test_screenshot (widget, file));
}

static XfAccount *
add_reviewer (XfStore    *store,
              const char *login,
              const char *display_name)
{
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) account = xf_account_new (login, display_name);
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (account, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_assert_true (xf_accounts_save (accounts, local, account, XF_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&account);
}

static XfCommitteeMember *
member (XfAccount  *account,
        gboolean    is_chair,
        const char *employer)
{
  XfCommitteeMember *member = xf_committee_member_new (xf_account_get_id (account), is_chair);

  member->employer = g_strdup (employer);
  return member;
}

static void
committee_set_up (CommitteeFixture *fixture,
                  gconstpointer     data)
{
  const Setup *setup = data;
  static const char *names[] = { "张建国", "李秀英", "王志强" };
  static const char *employers[] = { "湖州丝绸集团", "德清县人民医院", "浙江新材料有限公司" };
  static const char *units[] = { "湖州市总工会", "德清县卫生健康局", "德清县经信局" };
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GError) error = NULL;

  fixture->windows = g_ptr_array_new ();
  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->chair = add_reviewer (fixture->store, "chair", "陈立新");
  fixture->member1 = add_reviewer (fixture->store, "member1", "赵文华");
  fixture->member2 = add_reviewer (fixture->store, "member2", "吴敏");

  fixture->campaign_id = xf_test_add_campaign (fixture->admin, "county", setup->quota);
  /* The second member works where the third candidate does: recused. */
  g_ptr_array_add (members, member (fixture->chair, TRUE, "湖州市人大常委会"));
  g_ptr_array_add (members, member (fixture->member1, FALSE, "湖州师范学院"));
  g_ptr_array_add (members, member (fixture->member2, FALSE, employers[2]));
  g_assert_true (xf_evaluation_set_committee (fixture->admin, fixture->campaign_id, members, &error));
  g_assert_no_error (error);

  fixture->n_nominations = setup->n_nominations;
  for (guint i = 0; i < setup->n_nominations; i++)
    {
      gint64 pioneer_id = xf_test_add_candidate (fixture->admin, names[i], employers[i], "330521001");

      fixture->nominations[i] = xf_test_submit (fixture->admin, fixture->campaign_id, pioneer_id, units[i]);
      xf_test_to_committee (fixture->admin, fixture->nominations[i]);
    }

  fixture->as_chair = xf_test_evaluation_new (fixture->store, fixture->chair);
  fixture->as_member1 = xf_test_evaluation_new (fixture->store, fixture->member1);
  fixture->as_member2 = xf_test_evaluation_new (fixture->store, fixture->member2);
}

static void
committee_tear_down (CommitteeFixture *fixture,
                     gconstpointer     data)
{
  for (guint i = 0; i < fixture->windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (fixture->windows, i));
  g_ptr_array_unref (fixture->windows);
  xf_test_iterate (20);
  g_clear_object (&fixture->as_member2);
  g_clear_object (&fixture->as_member1);
  g_clear_object (&fixture->as_chair);
  g_clear_object (&fixture->member2);
  g_clear_object (&fixture->member1);
  g_clear_object (&fixture->chair);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
}

static GtkWidget *
show (CommitteeFixture *fixture,
      GtkWidget        *widget,
      gboolean          scrolled,
      int               width,
      int               height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  if (scrolled)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *clamp = adw_clamp_new ();

      gtk_widget_set_margin_top (clamp, 18);
      gtk_widget_set_margin_bottom (clamp, 18);
      gtk_widget_set_margin_start (clamp, 18);
      gtk_widget_set_margin_end (clamp, 18);
      adw_clamp_set_child (ADW_CLAMP (clamp), widget);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
      gtk_window_set_child (window, scroller);
    }
  else
    gtk_window_set_child (window, widget);
  gtk_window_set_default_size (window, width, height);
  g_ptr_array_add (fixture->windows, window);
  xf_test_show_window (window);
  return widget;
}

#define VIEW_CHILD(view, name) xf_test_template_child ((view), XF_TYPE_COMMITTEE_VIEW, (name))
#define PANEL_CHILD(panel, name) xf_test_template_child ((panel), XF_TYPE_REVIEW_PANEL, (name))
#define SPIN(panel, i) xf_review_panel_get_score_spin (XF_REVIEW_PANEL (panel), (i))

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
no_dialog (gpointer data)
{
  return xf_test_find_message_dialog (data) == NULL;
}

/* Answers the confirmation @heading with @response; returns its body. */
static char *
answer (const char *heading,
        const char *response)
{
  AdwMessageDialog *dialog = NULL;
  char *body;

  for (int i = 0; i < 50 && dialog == NULL; i++)
    {
      dialog = xf_test_find_message_dialog (heading);
      if (dialog == NULL)
        xf_test_iterate (10);
    }
  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  /* As a button would: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xf_test_wait_until (no_dialog, (gpointer) heading, 2000));
  return body;
}

static const char *
stack_page (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (xf_test_template_child (widget, type, name)));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The row of @list whose title is @title. */
static AdwActionRow *
find_row (GtkWidget  *list,
          const char *title)
{
  GtkWidget *row = xf_test_find_widget (list, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (root))
    g_ptr_array_add (buttons, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* Declares no conflict, scores and votes through core. */
static void
review_in_core (XfEvaluation *evaluation,
                gint64        round_id,
                gint64        nomination_id,
                double        score,
                const char   *vote)
{
  double scores[4] = { score, score, score, score };
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_evaluation_declare (evaluation, round_id, nomination_id, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_save_scores (evaluation, round_id, nomination_id, scores, 4, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_vote (evaluation, round_id, nomination_id, vote, &error));
  g_assert_no_error (error);
}

static XfMemberProgress *
progress_of (GPtrArray *progress,
             gint64     account_id)
{
  for (guint i = 0; i < progress->len; i++)
    {
      XfMemberProgress *item = g_ptr_array_index (progress, i);

      if (item->account_id == account_id)
        return item;
    }
  g_assert_not_reached ();
}

/* Each member's row says what core counts. */
static void
check_progress (CommitteeFixture *fixture,
                GtkWidget        *view,
                gint64            round_id)
{
  GtkWidget *list = VIEW_CHILD (view, "progress_list");
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GError) error = NULL;

  progress = xf_evaluation_get_round_progress (fixture->as_chair, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (list), ==, progress->len);
  for (guint i = 0; i < progress->len; i++)
    {
      const XfMemberProgress *item = g_ptr_array_index (progress, i);
      AdwActionRow *row = find_row (list, item->member_name);
      g_autofree char *counts = g_strdup_printf (_("Declared %u of %u · scored %u · voted %u"),
                                                 item->declared, item->assigned, item->scored,
                                                 item->voted);

      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), counts));
    }
}

/* The view shows core's results, in core's order. */
static void
check_results (GtkWidget    *view,
               XfEvaluation *evaluation,
               gint64        round_id)
{
  GPtrArray *shown = xf_committee_view_get_results (XF_COMMITTEE_VIEW (view));
  GtkColumnView *table = GTK_COLUMN_VIEW (VIEW_CHILD (view, "results_view"));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = xf_evaluation_compute_results (evaluation, round_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->len, ==, results->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    results->len);
  for (guint i = 0; i < results->len; i++)
    {
      const XfNominationResult *a = g_ptr_array_index (results, i);
      const XfNominationResult *b = g_ptr_array_index (shown, i);

      g_assert_cmpint (a->nomination_id, ==, b->nomination_id);
      g_assert_cmpuint (a->rank, ==, b->rank);
      g_assert_cmpuint (a->votes.votes_for, ==, b->votes.votes_for);
      g_assert_true (a->within_quota == b->within_quota);
      g_assert_true (a->scores_hidden == b->scores_hidden);
      if (!a->scores_hidden && !isnan (a->final_score))
        {
          g_autofree char *text = g_strdup_printf ("%.2f", a->final_score);

          g_assert_cmpfloat_with_epsilon (a->final_score, b->final_score, 1e-9);
          /* The cell is drawn with core's number. */
          g_assert_nonnull (xf_test_find_widget (GTK_WIDGET (table), GTK_TYPE_LABEL, text));
        }
    }
}

/*
 * A notification server on the session bus, recording what is sent.
 */

typedef struct
{
  guint      owner_id;
  guint      object_id;
  gboolean   owned;
  GPtrArray *summaries;
} NotificationServer;

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
server_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  NotificationServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (server->summaries, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server->summaries->len));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((NotificationServer *) user_data)->owned = TRUE;
}

static gboolean
server_owned (gpointer data)
{
  return ((NotificationServer *) data)->owned;
}

/* FALSE when there is no session bus to serve on. */
static gboolean
server_start (NotificationServer *server)
{
  static const GDBusInterfaceVTable vtable = { server_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = NULL;

  server->summaries = g_ptr_array_new_with_free_func (g_free);
  if (bus == NULL)
    return FALSE;
  info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  server->object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                         info->interfaces[0], &vtable,
                                                         server, NULL, NULL);
  server->owner_id = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications",
                                                   G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   name_acquired_cb, NULL, server, NULL);
  return xf_test_wait_until (server_owned, server, 2000);
}

static void
server_stop (NotificationServer *server)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  if (server->owner_id != 0)
    g_bus_unown_name (server->owner_id);
  if (bus != NULL && server->object_id != 0)
    g_dbus_connection_unregister_object (bus, server->object_id);
  g_clear_pointer (&server->summaries, g_ptr_array_unref);
}

typedef struct
{
  NotificationServer *server;
  guint               n;
} SummaryWait;

static gboolean
has_summaries (gpointer data)
{
  SummaryWait *wait = data;

  return wait->server->summaries->len >= wait->n;
}

/* The chair's reminder reaches the member as one notification, however
 * often the notifier asks. */
static void
check_reminder_notified (CommitteeFixture *fixture)
{
  NotificationServer server = { 0 };
  /* Kept to the end of the run: GLib 2.74's notification backend does not
   * survive its application going while a notification is on its way. */
  static GApplication *app = NULL;
  g_autoptr(XfReminderNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  SummaryWait wait = { &server, 1 };
  GPtrArray *reminders;
  const XfReminder *reminder = NULL;

  if (app == NULL)
    {
      app = g_application_new ("io.github.xianfeng.Xianfeng.CommitteeTest", G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (app, NULL, &error));
      g_assert_no_error (error);
    }

  /* With no one to show them, the reminders stay in the app, quietly
   * (GLib would warn, which fails the test). */
  notifier = xf_reminder_notifier_new (app, fixture->as_member2);
  g_assert_cmpuint (xf_reminder_notifier_get_n_reminders (notifier), >, 0);
  g_clear_object (&notifier);

  if (!server_start (&server))
    {
      server_stop (&server);
      g_test_message ("No session bus: the notifications are not checked");
      return;
    }
  notifier = xf_reminder_notifier_new (app, fixture->as_member2);
  reminders = xf_reminder_notifier_get_reminders (notifier);
  for (guint i = 0; i < reminders->len; i++)
    if (g_str_has_prefix (((XfReminder *) g_ptr_array_index (reminders, i))->key, "remind:"))
      reminder = g_ptr_array_index (reminders, i);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (xf_reminder_notifier_get_n_reminders (notifier), ==, reminders->len);
  g_assert_true (xf_reminder_notifier_was_sent (notifier, reminder->key));
  g_assert_true (xf_test_wait_until (has_summaries, &wait, 2000));
  g_assert_cmpuint (server.summaries->len, ==, reminders->len);
  g_assert_true (g_ptr_array_find_with_equal_func (server.summaries, reminder->title, g_str_equal, NULL));

  /* Asking again sends nothing new. */
  xf_reminder_notifier_poll (notifier);
  xf_test_iterate (200);
  g_assert_cmpuint (server.summaries->len, ==, reminders->len);

  g_clear_object (&notifier);
  server_stop (&server);
}

/*
 * Tests
 */

static void
test_review_round (CommitteeFixture *fixture,
                   gconstpointer     data)
{
  GtkWidget *view = xf_committee_view_new (fixture->as_chair);
  GtkWidget *panel;
  GtkWidget *recused_panel;
  GtkWidget *member_view;
  GtkWidget *progress_list;
  GtkWidget *window;
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(XfMemberReview) review = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected_body = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *rest = NULL;
  XfMemberProgress *reminded;
  double typed[4] = { 8, 7.5, 9, 6 };
  double weighted;
  guint n_notice = 0;
  GtkWidget *remind;

  /* No round yet: the chair may open one. */
  xf_committee_view_set_campaign (XF_COMMITTEE_VIEW (view), fixture->campaign_id);
  show (fixture, view, FALSE, 1200, 640);
  g_assert_cmpstr (stack_page (view, XF_TYPE_COMMITTEE_VIEW, "main_stack"), ==, "campaign");
  g_assert_cmpstr (stack_page (view, XF_TYPE_COMMITTEE_VIEW, "progress_stack"), ==, "no-round");
  g_assert_true (gtk_widget_get_visible (VIEW_CHILD (view, "open_round_button")));
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-no-round");

  click (VIEW_CHILD (view, "open_round_button"));
  round = xf_evaluation_get_open_round (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);
  g_assert_cmpuint (round->n_nominations, ==, 3);
  g_assert_cmpstr (stack_page (view, XF_TYPE_COMMITTEE_VIEW, "progress_stack"), ==, "list");
  progress_list = VIEW_CHILD (view, "progress_list");
  g_assert_cmpuint (count_rows (progress_list), ==, 3);
  check_progress (fixture, view, round->id);

  /* A member declares, scores (one number typed) and votes. */
  panel = show (fixture, xf_review_panel_new (fixture->as_member1), TRUE, 620, 760);
  window = gtk_widget_get_ancestor (panel, GTK_TYPE_WINDOW);
  xf_review_panel_set_nomination (XF_REVIEW_PANEL (panel), round->id, fixture->nominations[0]);
  g_assert_cmpstr (stack_page (panel, XF_TYPE_REVIEW_PANEL, "state_stack"), ==, "declare");
  g_assert_false (gtk_widget_is_sensitive (PANEL_CHILD (panel, "declare_button")));
  xf_test_iterate (50);
  screenshot (window, "review-declare");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (PANEL_CHILD (panel, "no_conflict_check")), TRUE);
  click (PANEL_CHILD (panel, "declare_button"));
  g_assert_cmpstr (stack_page (panel, XF_TYPE_REVIEW_PANEL, "state_stack"), ==, "review");

  campaign = xf_evaluation_get_campaign (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_campaign_get_rubric (campaign)->len, ==, 4);
  g_assert_nonnull (SPIN (panel, 3));
  g_assert_null (SPIN (panel, 4));

  /* Tab goes from one criterion's spin button to the next one's. */
  gtk_widget_grab_focus (GTK_WIDGET (SPIN (panel, 0)));
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (SPIN (panel, 1))));

  gtk_spin_button_set_value (SPIN (panel, 0), typed[0]);
  gtk_editable_set_text (GTK_EDITABLE (SPIN (panel, 1)), "7.5");
  gtk_spin_button_set_value (SPIN (panel, 2), typed[2]);
  gtk_spin_button_set_value (SPIN (panel, 3), typed[3]);
  /* The weighted score follows the typing, before anything is saved. */
  weighted = xf_score_weighted ((const XfCriterion * const *) xf_campaign_get_rubric (campaign)->pdata,
                                4, typed);
  g_assert_cmpfloat_with_epsilon (xf_review_panel_get_weighted (XF_REVIEW_PANEL (panel)), weighted, 1e-9);
  {
    g_autofree char *text = g_strdup_printf (_("Weighted score: %.1f of 100"), weighted);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (PANEL_CHILD (panel, "weighted_label"))), ==, text);
  }
  xf_test_iterate (50);
  screenshot (window, "review-scoring");

  gtk_widget_activate_action (panel, "review.save-scores", NULL);
  review = xf_evaluation_get_my_review (fixture->as_member1, round->id, fixture->nominations[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->scores->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (review->scores, double, i), typed[i], 1e-9);
  g_assert_null (review->vote);
  g_clear_pointer (&review, xf_member_review_free);

  /* Cancelling the confirmation leaves the vote to cast. */
  click (PANEL_CHILD (panel, "for_button"));
  g_free (answer (_("Vote for this nomination?"), "cancel"));
  review = xf_evaluation_get_my_review (fixture->as_member1, round->id, fixture->nominations[0], &error);
  g_assert_null (review->vote);
  g_clear_pointer (&review, xf_member_review_free);

  click (PANEL_CHILD (panel, "for_button"));
  g_free (answer (_("Vote for this nomination?"), "vote"));
  review = xf_evaluation_get_my_review (fixture->as_member1, round->id, fixture->nominations[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->vote, ==, "for");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (PANEL_CHILD (panel, "vote_label"))), ==,
                   _("Voted for"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (SPIN (panel, 0))));
  g_assert_false (gtk_widget_get_visible (PANEL_CHILD (panel, "vote_box")));
  xf_test_iterate (50);
  screenshot (window, "review-voted");

  /* The rest of the first member's votes, through core. */
  review_in_core (fixture->as_member1, round->id, fixture->nominations[1], 7, "for");
  review_in_core (fixture->as_member1, round->id, fixture->nominations[2], 6, "for");

  /* The chair reminds the second member, who has not started. */
  remind = xf_test_find_widget (GTK_WIDGET (find_row (progress_list, "吴敏")), GTK_TYPE_BUTTON, _("_Remind"));
  g_assert_nonnull (remind);
  click (remind);
  progress = xf_evaluation_get_round_progress (fixture->as_chair, round->id, &error);
  g_assert_no_error (error);
  reminded = progress_of (progress, xf_account_get_id (fixture->member2));
  g_assert_cmpint (reminded->last_reminded_at, >, 0);
  g_assert_cmpint (progress_of (progress, xf_account_get_id (fixture->member1))->last_reminded_at, ==, 0);
  {
    g_autofree char *when = g_strdup_printf (_("Last reminded today at %s"), "");

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row (progress_list, "吴敏")), when));
  }
  check_progress (fixture, view, round->id);
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-reminded");
  check_reminder_notified (fixture);

  /* The second member is recused from the third nomination (same
   * employer): the panel says why and shows nothing else. */
  recused_panel = show (fixture, xf_review_panel_new (fixture->as_member2), TRUE, 620, 420);
  xf_review_panel_set_nomination (XF_REVIEW_PANEL (recused_panel), round->id, fixture->nominations[2]);
  g_assert_cmpstr (stack_page (recused_panel, XF_TYPE_REVIEW_PANEL, "state_stack"), ==, "recused");
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (PANEL_CHILD (recused_panel, "recused_status"))));
  g_assert_null (SPIN (recused_panel, 0));
  g_assert_false (gtk_widget_get_visible (PANEL_CHILD (recused_panel, "others_group")));
  xf_test_iterate (50);
  screenshot (gtk_widget_get_ancestor (recused_panel, GTK_TYPE_WINDOW), "review-recused");

  review_in_core (fixture->as_member2, round->id, fixture->nominations[0], 9, "for");
  review_in_core (fixture->as_member2, round->id, fixture->nominations[1], 6, "for");
  review_in_core (fixture->as_chair, round->id, fixture->nominations[0], 8, "for");
  review_in_core (fixture->as_chair, round->id, fixture->nominations[1], 6.5, "for");
  review_in_core (fixture->as_chair, round->id, fixture->nominations[2], 5, "against");

  /* The member who voted sees the committee's scores in the panel (the
   * others voted on desks of their own). */
  xf_review_panel_refresh (XF_REVIEW_PANEL (panel));
  g_assert_true (gtk_widget_get_visible (PANEL_CHILD (panel, "others_group")));
  screenshot (window, "review-committee-scores");

  /* A member's view of the results: never the scores of a nomination he
   * or she is recused from. */
  member_view = show (fixture, xf_committee_view_new (fixture->as_member2), FALSE, 1200, 520);
  xf_committee_view_set_campaign (XF_COMMITTEE_VIEW (member_view), fixture->campaign_id);
  g_assert_false (gtk_widget_get_visible (VIEW_CHILD (member_view, "close_button")));
  gtk_stack_set_visible_child_name (GTK_STACK (VIEW_CHILD (member_view, "section_stack")), "results");
  xf_test_iterate (50);
  check_results (member_view, fixture->as_member2, round->id);
  for (guint i = 0; i < xf_committee_view_get_results (XF_COMMITTEE_VIEW (member_view))->len; i++)
    {
      const XfNominationResult *result = g_ptr_array_index (xf_committee_view_get_results (XF_COMMITTEE_VIEW (member_view)), i);

      if (result->nomination_id == fixture->nominations[2])
        g_assert_true (result->scores_hidden);
    }
  screenshot (gtk_widget_get_ancestor (member_view, GTK_TYPE_WINDOW), "committee-member-results");

  /* The chair's progress and results match core's numbers. */
  check_progress (fixture, view, round->id);
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-progress");
  gtk_stack_set_visible_child_name (GTK_STACK (VIEW_CHILD (view, "section_stack")), "results");
  xf_test_iterate (50);
  check_results (view, fixture->as_chair, round->id);
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-results");

  /* Closing says how many go to public notice, then does it. */
  results = xf_evaluation_compute_results (fixture->as_chair, round->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    if (((XfNominationResult *) g_ptr_array_index (results, i))->within_quota)
      n_notice++;
  g_assert_cmpuint (n_notice, ==, 2);
  click (VIEW_CHILD (view, "close_button"));
  heading = g_strdup_printf (_("Close Round %d?"), round->number);
  notice = g_strdup_printf (ngettext ("%u nomination goes to public notice",
                                      "%u nominations go to public notice", n_notice), n_notice);
  rest = g_strdup_printf (ngettext ("%u is not selected", "%u are not selected", 1), 1);
  expected_body = g_strdup_printf (_("%s and %s. Closing the round cannot be undone."), notice, rest);
  body = answer (heading, "close");
  g_assert_cmpstr (body, ==, expected_body);

  g_clear_pointer (&round, xf_review_round_free);
  round = xf_evaluation_get_open_round (fixture->admin, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_null (round);
  for (guint i = 0; i < results->len; i++)
    {
      const XfNominationResult *result = g_ptr_array_index (results, i);
      g_autoptr(XfNomination) nomination = xf_evaluation_get_nomination (fixture->admin, result->nomination_id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (xf_nomination_get_stage (nomination), ==,
                       result->within_quota ? XF_STAGE_NOTICE : XF_STAGE_NOT_SELECTED);
    }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (VIEW_CHILD (view, "round_title"))), ==,
                   _("No round open"));
  g_assert_cmpuint (count_rows (VIEW_CHILD (view, "rounds_list")), ==, 1);
  g_assert_cmpint (xf_committee_view_get_shown_round (XF_COMMITTEE_VIEW (view)), !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (VIEW_CHILD (view, "section_stack")), "rounds");
  xf_test_iterate (50);
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-rounds");
}

static void
test_tie (CommitteeFixture *fixture,
          gconstpointer     data)
{
  GtkWidget *member_view = xf_committee_view_new (fixture->as_member1);
  GtkWidget *view;
  GtkWidget *tie_list;
  GtkWidget *down;
  GArray *order;
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  /* Only the chair opens a round. */
  xf_committee_view_set_campaign (XF_COMMITTEE_VIEW (member_view), fixture->campaign_id);
  show (fixture, member_view, FALSE, 900, 480);
  g_assert_cmpstr (stack_page (member_view, XF_TYPE_COMMITTEE_VIEW, "progress_stack"), ==, "no-round");
  g_assert_false (gtk_widget_get_visible (VIEW_CHILD (member_view, "open_round_button")));

  round = xf_evaluation_open_round (fixture->as_chair, fixture->campaign_id, &error);
  g_assert_no_error (error);
  /* Everyone scores both alike and votes for both: tied for one place. */
  for (guint i = 0; i < 2; i++)
    {
      review_in_core (fixture->as_chair, round->id, fixture->nominations[i], 8, "for");
      review_in_core (fixture->as_member1, round->id, fixture->nominations[i], 7, "for");
      review_in_core (fixture->as_member2, round->id, fixture->nominations[i], 9, "for");
    }

  view = show (fixture, xf_committee_view_new (fixture->as_chair), FALSE, 1200, 560);
  xf_committee_view_set_campaign (XF_COMMITTEE_VIEW (view), fixture->campaign_id);
  gtk_stack_set_visible_child_name (GTK_STACK (VIEW_CHILD (view, "section_stack")), "results");
  xf_test_iterate (50);
  check_results (view, fixture->as_chair, round->id);
  g_assert_true (gtk_widget_get_visible (VIEW_CHILD (view, "tie_box")));
  tie_list = VIEW_CHILD (view, "tie_list");
  g_assert_cmpuint (count_rows (tie_list), ==, 2);
  order = xf_committee_view_get_tie_order (XF_COMMITTEE_VIEW (view));
  g_assert_cmpuint (order->len, ==, 2);

  /* Closing is refused while the tie stands, in core's words. */
  click (VIEW_CHILD (view, "close_button"));
  heading = g_strdup_printf (_("Close Round %d?"), round->number);
  g_free (answer (heading, "close"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (VIEW_CHILD (view, "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (VIEW_CHILD (view, "error_label"))), !=, "");
  g_clear_pointer (&round, xf_review_round_free);
  round = xf_evaluation_get_open_round (fixture->admin, fixture->campaign_id, &error);
  g_assert_nonnull (round);
  screenshot (gtk_widget_get_ancestor (view, GTK_TYPE_WINDOW), "committee-tie");

  /* The chair puts the second first, then confirms. */
  {
    gint64 first = g_array_index (order, gint64, 0);
    gint64 second = g_array_index (order, gint64, 1);

    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    /* The first row's buttons: up (insensitive), then down. */
    collect_buttons (gtk_widget_get_first_child (tie_list), buttons);
    g_assert_cmpuint (buttons->len, ==, 2);
    g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (buttons, 0)));
    down = g_ptr_array_index (buttons, 1);
    g_assert_nonnull (down);
    click (down);
    order = xf_committee_view_get_tie_order (XF_COMMITTEE_VIEW (view));
    g_assert_cmpint (g_array_index (order, gint64, 0), ==, second);
    g_assert_cmpint (g_array_index (order, gint64, 1), ==, first);

    gtk_widget_activate_action (view, "committee.confirm-order", NULL);
    results = xf_evaluation_compute_results (fixture->as_chair, round->id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < results->len; i++)
      {
        const XfNominationResult *result = g_ptr_array_index (results, i);

        g_assert_false (result->tied);
        g_assert_true (result->within_quota == (result->nomination_id == second));
      }
    check_results (view, fixture->as_chair, round->id);
    g_assert_false (gtk_widget_get_visible (VIEW_CHILD (view, "tie_box")));
  }
}

int
main (int    argc,
      char **argv)
{
  static const Setup three = { 2, 3 };
  static const Setup two = { 1, 2 };
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autofree char *zone = NULL;
  int offset;

  /* Reminders come in working time only: put the desk's clock at ten
   * in the morning, whatever the hour the test runs at. */
  offset = 10 - g_date_time_get_hour (utc);
  if (offset < -11)
    offset += 24;
  else if (offset > 13)
    offset -= 24;
  zone = g_strdup_printf ("XFT%+d", -offset);
  g_setenv ("TZ", zone, TRUE);
  tzset ();
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);

  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/ui/committee/review-round", CommitteeFixture, &three,
              committee_set_up, test_review_round, committee_tear_down);
  g_test_add ("/ui/committee/tie", CommitteeFixture, &two,
              committee_set_up, test_tie, committee_tear_down);
  return g_test_run ();
}
