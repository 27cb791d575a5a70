/* test-evaluation-journey.c — one nomination from submission to decision,
 * through the Evaluation page as its users work it
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a fresh database with a few pioneers, the administrator (who also
 * chairs the committee) enters a nomination of an existing pioneer in the
 * New nomination dialog, ticks the preliminary checklist, passes it,
 * clears each joint-vetting sign-off, opens the committee round, declares,
 * scores and votes in the review panel, and — once the two other members
 * have voted at their own desks — closes the round; the nomination goes
 * on a public notice, published through the notice board's core API, and
 * once its period has run and the board has closed it he confers the
 * honour, which lands in the pioneer's file. "Today" moves on through March 2026 (no holidays) so
 * each stage uses working days. Core's state is checked after each step.
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves the shots the metainfo shows
 * (evaluation-nomination-dialog, evaluation-nomination,
 * evaluation-committee, evaluation-timeline, evaluation-report), with
 * "-zh_CN" for Chinese, as test-journey.c does.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-committee-view.h"
#include "xf-evaluation-page.h"
#include "xf-nomination-dialog.h"
#include "xf-nomination-view.h"
#include "xf-notice-board.h"
#include "xf-registry-list.h"
#include "xf-review-panel.h"
#include "xf-stage-timeline.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* The county whose honour the campaign confers. */
#define DEQING "330521"

/* Two reviewers beside the chair, at their own desks. */
#define N_OTHERS 2

typedef struct
{
  XfTestWindow      ui;
  char             *path;
  XfEvaluationPage *page;
  XfNominationView *view;
  XfEvaluation     *evaluation;     /* the page's, acting as the administrator */
  gint64            campaign_id;
  char             *campaign_title;
  XfPioneer        *candidate;      /* as before the journey */
  gint64            nomination_id;
  XfAccount        *others[N_OTHERS];
} Journey;

static void
set_today (const char *date)
{
  g_setenv ("XIANFENG_TODAY", date, TRUE);
}

static GtkWidget *
view_child (Journey    *journey,
            const char *name)
{
  return xf_test_template_child (journey->view, XF_TYPE_NOMINATION_VIEW, name);
}

static GtkWidget *
page_child (Journey    *journey,
            const char *name)
{
  return xf_test_template_child (journey->page, XF_TYPE_EVALUATION_PAGE, name);
}

/* A stage action's button in the nomination view (named by its code). */
static void
click_action (Journey    *journey,
              const char *code)
{
  xf_test_click (xf_test_find_named (view_child (journey, "actions_box"), code));
}

/* Nothing pending, no toast: ready for a screenshot. */
static guint
settle (Journey *journey)
{
  guint n;

  xf_test_iterate (200);
  n = xf_test_dismiss_toasts (GTK_WIDGET (journey->ui.window));
  gtk_window_set_focus (GTK_WINDOW (journey->ui.window), NULL);
  xf_test_iterate (200);
  return n;
}

/*
 * Core's view of the journey
 */

static XfNomination *
get_nomination (Journey *journey)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (journey->evaluation, journey->nomination_id,
                                                           &error);

  g_assert_no_error (error);
  return nomination;
}

static void
assert_stage (Journey    *journey,
              const char *stage)
{
  g_autoptr(XfNomination) nomination = get_nomination (journey);

  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, stage);
}

static const char *awaited_stage;

static gboolean
stage_shown (gpointer data)
{
  Journey *journey = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child (journey, "stage_label"))),
                    xf_stage_label (awaited_stage)) == 0;
}

/* The view follows core when idle: wait until it shows @stage. */
static void
wait_for_stage (Journey    *journey,
                const char *stage)
{
  assert_stage (journey, stage);
  awaited_stage = stage;
  g_assert_true (xf_test_wait_until (stage_shown, journey, 3000));
  xf_test_iterate (50);
}

/* The view switcher's tab @name ("nominations", "committee", "report"). */
static void
show_view (Journey    *journey,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (page_child (journey, "view_stack")), name);
  xf_test_iterate (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (page_child (journey, "view_stack"))),
                   ==, name);
}

/*
 * Setting the scene, through core
 */

static gint64
organisation_id (XfRegistry *registry,
                 const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_registry_list_organisations (registry, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static XfAccount *
add_reviewer (Journey    *journey,
              const char *login,
              const char *display_name)
{
  XfAccounts *accounts = xf_application_get_accounts (journey->ui.app);
  g_autoptr(XfAccount) account = xf_account_new (login, display_name);
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (account, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_assert_true (xf_accounts_save (accounts, xf_application_get_account (journey->ui.app), account,
                                   XF_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&account);
}

/* An open county campaign for Deqing, quota 2; the administrator chairs. */
static void
add_campaign (Journey *journey)
{
  XfRegistry *registry = xf_application_get_registry (journey->ui.app);
  g_autoptr(XfEvaluation) setup = xf_evaluation_new (registry);
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  g_assert_no_error (error);
  journey->campaign_title = g_strdup ("2026年度德清县劳动模范");
  campaign = xf_campaign_new (2026, journey->campaign_title, "county");
  xf_campaign_set_quota (campaign, 2);
  xf_campaign_set_region_codes (campaign, DEQING);
  xf_campaign_set_opens_on (campaign, "2026-02-02");
  xf_campaign_set_closes_on (campaign, "2026-06-30");
  xf_campaign_set_organisation_id (campaign, organisation_id (registry, "union"));
  g_assert_true (xf_evaluation_save_campaign (setup, campaign, &error));
  g_assert_no_error (error);
  journey->campaign_id = xf_campaign_get_id (campaign);
  g_assert_true (xf_evaluation_set_campaign_status (setup, journey->campaign_id, "open", &error));
  g_assert_no_error (error);

  journey->others[0] = add_reviewer (journey, "zhaowenhua", "赵文华");
  journey->others[1] = add_reviewer (journey, "wumin", "吴敏");
  g_ptr_array_add (members, xf_committee_member_new (xf_account_get_id (xf_application_get_account (journey->ui.app)),
                                                     TRUE));
  for (guint i = 0; i < N_OTHERS; i++)
    g_ptr_array_add (members, xf_committee_member_new (xf_account_get_id (journey->others[i]), FALSE));
  g_assert_true (xf_evaluation_set_committee (setup, journey->campaign_id, members, &error));
  g_assert_no_error (error);
}

/* An individual of Deqing with a three-character name, working for a
 * company, with no honour yet (a cultivation target): a county honour
 * raises the tier. */
static XfPioneer *
pick_candidate (Journey *journey)
{
  XfRegistry *registry = xf_application_get_registry (journey->ui.app);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = xf_registry_list_new (registry, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *employer = xf_pioneer_get_employer (pioneer);

      if (!xf_pioneer_is_collective (pioneer) && g_utf8_strlen (xf_pioneer_get_name (pioneer), -1) == 3 &&
          g_strcmp0 (xf_pioneer_get_tier (pioneer), "cultivation") == 0 &&
          g_str_has_prefix (xf_pioneer_get_region_code (pioneer), DEQING) &&
          employer != NULL && g_str_has_suffix (employer, "有限公司"))
        return xf_registry_get_pioneer (registry, xf_pioneer_get_id (pioneer), NULL);
    }
  g_assert_not_reached ();
}

static gboolean
page_shown (gpointer data)
{
  Journey *journey = data;

  return gtk_widget_get_mapped (GTK_WIDGET (journey->page));
}

static void
journey_set_up (Journey *journey)
{
  GtkWidget *row;

  set_today ("2026-03-02");
  xf_test_disable_animations ();
  xf_test_window_set_up (&journey->ui, NULL);
  journey->path = xf_test_window_open_db (&journey->ui, "evaluation.db", 80, 6);
  journey->candidate = pick_candidate (journey);
  add_campaign (journey);

  xf_test_window_show (&journey->ui, 1280, 800);
  journey->page = XF_EVALUATION_PAGE (xf_window_get_page (journey->ui.window, "evaluation"));
  journey->view = XF_NOMINATION_VIEW (xf_evaluation_page_get_nomination_view (journey->page));
  journey->evaluation = xf_evaluation_page_get_evaluation (journey->page);

  /* The sidebar's row, as a click on it. */
  row = xf_window_get_sidebar_row (journey->ui.window, "evaluation");
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (xf_test_wait_until (page_shown, journey, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (journey->page));
  g_assert_cmpint (xf_evaluation_page_get_campaign_id (journey->page), ==, journey->campaign_id);
}

static void
journey_tear_down (Journey *journey)
{
  xf_test_close_dialogs (XF_TYPE_NOMINATION_DIALOG);
  for (guint i = 0; i < N_OTHERS; i++)
    g_clear_object (&journey->others[i]);
  g_clear_object (&journey->candidate);
  xf_test_window_tear_down (&journey->ui, NULL);
  g_free (journey->campaign_title);
  g_free (journey->path);
  g_unsetenv ("XIANFENG_TODAY");
}

/*
 * 1. The New nomination dialog
 */

static gboolean
one_match (gpointer data)
{
  GtkListView *list = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) == 1;
}

static gboolean
nomination_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG) != NULL;
}

static gboolean
nomination_dialog_gone (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG) == NULL;
}

static void
created_cb (XfNominationDialog *dialog,
            gint64              id,
            Journey            *journey)
{
  journey->nomination_id = id;
}

static gboolean
listed (gpointer data)
{
  Journey *journey = data;

  return g_list_model_get_n_items (xf_evaluation_page_get_nominations (journey->page)) == 1;
}

static gboolean
view_shown (gpointer data)
{
  Journey *journey = data;

  return gtk_widget_get_mapped (GTK_WIDGET (journey->view));
}

static void
submit_nomination (Journey *journey)
{
  const char *name = xf_pioneer_get_name (journey->candidate);
  const char *unit = xf_pioneer_get_employer (journey->candidate);
  GtkWidget *dialog, *search, *chosen, *case_view;
  GtkListView *list;
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *expected = NULL;

  /* The empty list offers the dialog; so does the header's "+". */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (journey, "nominations_stack"))),
                   ==, "empty");
  xf_test_click (page_child (journey, "new_button"));
  g_assert_true (xf_test_wait_until (nomination_dialog_shown, NULL, 2000));
  dialog = GTK_WIDGET (xf_test_find_toplevel (XF_TYPE_NOMINATION_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (journey->ui.window));
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), journey);
  gtk_test_widget_wait_for_draw (dialog);

  /* Search the registry by name and pick the one match. */
  search = xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "search_entry");
  list = GTK_LIST_VIEW (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "pioneer_list"));
  gtk_editable_set_text (GTK_EDITABLE (search), name);
  g_assert_true (xf_test_wait_until (one_match, list, 3000));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)), 0);
  chosen = xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "chosen_label");
  expected = g_strdup_printf (_("Candidate: %s, %s"), name, unit);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chosen)), ==, expected);

  /* The unit's part: its employer nominates, with a contact and the case. */
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "unit_row")),
                         unit);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "contact_row")),
                         "沈丽萍 0572-8421234");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "service_row")),
                         "2003-07-01");
  case_view = xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "case_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (case_view)),
                            "扎根一线二十余年，爱岗敬业，牵头完成服务流程改进和信息化改造，"
                            "使客户满意度从92%提高到99%，年节约成本三百余万元；"
                            "创办职工创新工作室，培养业务骨干三十余名。", -1);
  /* Scrolled down to the candidate, so the case shows below. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  xf_test_scroll_to (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "candidate_group"));
  xf_test_screenshot_in_language (dialog, "evaluation-nomination-dialog");

  xf_test_click (xf_test_template_child (dialog, XF_TYPE_NOMINATION_DIALOG, "submit_button"));
  g_assert_true (xf_test_wait_until (nomination_dialog_gone, NULL, 2000));
  g_assert_cmpint (journey->nomination_id, >, 0);

  /* Stored and submitted, as entered. */
  nomination = get_nomination (journey);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  g_assert_cmpint (xf_nomination_get_pioneer_id (nomination), ==, xf_pioneer_get_id (journey->candidate));
  g_assert_cmpstr (xf_nomination_get_nominating_unit (nomination), ==, unit);
  g_assert_cmpstr (xf_nomination_get_unit_contact (nomination), ==, "沈丽萍 0572-8421234");
  g_assert_cmpstr (xf_nomination_get_service_since (nomination), ==, "2003-07-01");
  g_assert_cmpstr (xf_nomination_get_submitted_on (nomination), ==, "2026-03-02");

  /* Listed; opened as a click on its row does. */
  g_assert_true (xf_test_wait_until (listed, journey, 3000));
  g_signal_emit_by_name (page_child (journey, "nominations_view"), "activate", 0u);
  g_assert_cmpint (xf_evaluation_page_get_selected_nomination (journey->page), ==, journey->nomination_id);
  g_assert_cmpint (xf_nomination_view_get_nomination (journey->view), ==, journey->nomination_id);
  g_assert_true (xf_test_wait_until (view_shown, journey, 2000));
  wait_for_stage (journey, XF_STAGE_PRELIMINARY);
}

/*
 * 2. Preliminary review and joint vetting
 */

static void
pass_preliminary (Journey *journey)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  g_autoptr(GError) error = NULL;
  GArray *state;

  set_today ("2026-03-04");
  xf_evaluation_page_refresh (journey->page);
  xf_test_collect_named (view_child (journey, "checklist_group"), "checklist-item", checks);
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);

      g_assert_true (gtk_widget_is_sensitive (check));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      xf_test_iterate (20);
    }
  nomination = get_nomination (journey);
  state = xf_nomination_get_checklist_state (nomination);
  g_assert_cmpuint (state->len, ==, checks->len);
  for (guint i = 0; i < state->len; i++)
    g_assert_true (g_array_index (state, gboolean, i));

  click_action (journey, "pass-preliminary");
  g_assert_false (gtk_widget_get_visible (view_child (journey, "error_label")));
  g_clear_object (&nomination);
  nomination = get_nomination (journey);
  g_assert_cmpstr (xf_nomination_get_preliminary_passed_on (nomination), ==, "2026-03-04");
  /* Still in preliminary review until every department has cleared. */
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_PRELIMINARY);
  xf_test_iterate (100);

  /* Each department's sign-off, with its Clear button. */
  vettings = xf_evaluation_list_vettings (journey->evaluation, journey->nomination_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vettings->len, >, 0);
  for (guint i = 0; i < vettings->len; i++)
    {
      XfVetting *vetting = g_ptr_array_index (vettings, i);
      g_autofree char *name = g_strdup_printf ("clear-%s", vetting->department_code);

      g_assert_cmpstr (vetting->status, ==, "pending");
      xf_test_click (xf_test_find_named (view_child (journey, "vetting_group"), name));
      g_assert_false (gtk_widget_get_visible (view_child (journey, "error_label")));
      xf_test_iterate (100);
    }
  g_clear_pointer (&vettings, g_ptr_array_unref);
  vettings = xf_evaluation_list_vettings (journey->evaluation, journey->nomination_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vettings->len; i++)
    g_assert_cmpstr (((XfVetting *) g_ptr_array_index (vettings, i))->status, ==, "cleared");
  wait_for_stage (journey, XF_STAGE_COMMITTEE);

  /* The nomination beside the list, its timeline in view; one toast
   * says what was done last, not a queue of one per sign-off. */
  g_assert_cmpuint (settle (journey), ==, 1);
  xf_test_scroll_to (view_child (journey, "vetting_group"));
  xf_test_screenshot_in_language (GTK_WIDGET (journey->ui.window), "evaluation-nomination");
}

/*
 * 3. Committee review
 */

static GtkWidget *
committee_view (Journey *journey)
{
  GtkWidget *view = xf_test_find_widget (GTK_WIDGET (journey->page), XF_TYPE_COMMITTEE_VIEW, NULL);

  g_assert_nonnull (view);
  return view;
}

static GtkWidget *
committee_child (Journey    *journey,
                 const char *name)
{
  return xf_test_template_child (committee_view (journey), XF_TYPE_COMMITTEE_VIEW, name);
}

static gint64
open_round (Journey *journey)
{
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GError) error = NULL;

  set_today ("2026-03-09");
  xf_evaluation_page_refresh (journey->page);
  show_view (journey, "committee");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (committee_child (journey, "progress_stack"))),
                   ==, "no-round");
  xf_test_click (committee_child (journey, "open_round_button"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (committee_child (journey, "error_revealer"))));
  round = xf_evaluation_get_open_round (journey->evaluation, journey->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);
  g_assert_cmpuint (round->n_nominations, ==, 1);
  g_assert_cmpstr (round->opened_on, ==, "2026-03-09");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (committee_child (journey, "progress_stack"))),
                   ==, "list");
  /* No one has voted yet: the chair may remind them all. */
  g_assert_true (gtk_widget_is_sensitive (committee_child (journey, "remind_all_button")));
  return round->id;
}

static GtkWidget *
panel_child (GtkWidget  *panel,
             const char *name)
{
  return xf_test_template_child (panel, XF_TYPE_REVIEW_PANEL, name);
}

static gboolean
panel_in_state (gpointer data)
{
  GtkWidget *panel = data;
  const char *wanted = g_object_get_data (G_OBJECT (panel), "wanted-state");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (panel_child (panel, "state_stack"))),
                    wanted) == 0;
}

static void
wait_for_panel (GtkWidget  *panel,
                const char *state)
{
  g_object_set_data (G_OBJECT (panel), "wanted-state", (gpointer) state);
  g_assert_true (xf_test_wait_until (panel_in_state, panel, 3000));
}

static gboolean
panel_shown (gpointer data)
{
  Journey *journey = data;
  GtkWidget *panel = xf_test_find_widget (GTK_WIDGET (journey->view), XF_TYPE_REVIEW_PANEL, NULL);

  return panel != NULL && gtk_widget_get_mapped (panel);
}

/* The chair's own review, in the panel on the nomination. */
static void
review_as_chair (Journey *journey,
                 gint64   round_id)
{
  static const double scores[] = { 9, 8.5, 8, 9 };
  g_autoptr(XfMemberReview) review = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  /* The view shows the panel once it has read the open round. */
  show_view (journey, "nominations");
  g_assert_true (xf_test_wait_until (panel_shown, journey, 3000));
  panel = xf_test_find_widget (GTK_WIDGET (journey->view), XF_TYPE_REVIEW_PANEL, NULL);
  wait_for_panel (panel, "declare");
  nomination = get_nomination (journey);
  g_assert_true (xf_nomination_get_case_withheld (nomination));
  g_clear_object (&nomination);

  /* No conflict of interest, declared before anything else. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (panel_child (panel, "no_conflict_check")), TRUE);
  xf_test_click (panel_child (panel, "declare_button"));
  wait_for_panel (panel, "review");
  review = xf_evaluation_get_my_review (journey->evaluation, round_id, journey->nomination_id, &error);
  g_assert_no_error (error);
  g_assert_true (review->declared);
  g_assert_false (review->recused);
  g_clear_pointer (&review, xf_member_review_free);
  nomination = get_nomination (journey);
  g_assert_false (xf_nomination_get_case_withheld (nomination));

  /* Typed into each criterion's spin button, then saved. */
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      GtkSpinButton *spin = xf_review_panel_get_score_spin (XF_REVIEW_PANEL (panel), i);
      g_autofree char *text = g_strdup_printf ("%g", scores[i]);

      g_assert_nonnull (spin);
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  g_assert_null (xf_review_panel_get_score_spin (XF_REVIEW_PANEL (panel), G_N_ELEMENTS (scores)));
  xf_test_click (panel_child (panel, "save_button"));
  review = xf_evaluation_get_my_review (journey->evaluation, round_id, journey->nomination_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->scores->len, ==, G_N_ELEMENTS (scores));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    g_assert_cmpfloat (g_array_index (review->scores, double, i), ==, scores[i]);
  g_clear_pointer (&review, xf_member_review_free);

  /* For, once confirmed. */
  xf_test_click (panel_child (panel, "for_button"));
  xf_test_answer (_("Vote for this nomination?"), "vote");
  review = xf_evaluation_get_my_review (journey->evaluation, round_id, journey->nomination_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->vote, ==, "for");
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "vote_box")));
}

/* The two other members, each at a desk of their own. */
static void
review_at_other_desks (Journey *journey,
                       gint64   round_id)
{
  static const double scores[N_OTHERS][4] = { { 9, 9, 8, 8.5 }, { 8.5, 8, 9, 9 } };
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = xf_store_open (journey->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_OTHERS; i++)
    {
      g_autoptr(XfRegistry) registry = xf_registry_new (store, journey->others[i]);
      g_autoptr(XfEvaluation) evaluation = xf_evaluation_new (registry);

      g_assert_true (xf_evaluation_declare (evaluation, round_id, journey->nomination_id, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (xf_evaluation_save_scores (evaluation, round_id, journey->nomination_id, scores[i], 4,
                                                &error));
      g_assert_no_error (error);
      g_assert_true (xf_evaluation_vote (evaluation, round_id, journey->nomination_id, "for", &error));
      g_assert_no_error (error);
    }
  /* As the window does when its monitor sees another desk's writes. */
  xf_evaluation_page_refresh (journey->page);
}

static void
close_round (Journey *journey,
             gint64   round_id)
{
  GtkWidget *view;
  GPtrArray *results;
  const XfNominationResult *result;
  g_autoptr(XfNomination) nomination = NULL;
  g_autofree char *heading = NULL;

  show_view (journey, "committee");
  view = committee_view (journey);
  /* Everyone has voted: the results, as core computes them. */
  gtk_stack_set_visible_child_name (GTK_STACK (committee_child (journey, "section_stack")), "results");
  xf_test_iterate (100);
  g_assert_cmpint (xf_committee_view_get_shown_round (XF_COMMITTEE_VIEW (view)), ==, round_id);
  results = xf_committee_view_get_results (XF_COMMITTEE_VIEW (view));
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->nomination_id, ==, journey->nomination_id);
  g_assert_cmpuint (result->votes.votes_for, ==, 1 + N_OTHERS);
  g_assert_cmpuint (result->votes.votes_against, ==, 0);
  g_assert_true (result->quorum_met);
  g_assert_cmpint (result->outcome, ==, XF_VOTE_PASSED);
  g_assert_cmpuint (result->rank, ==, 1);
  g_assert_true (result->within_quota);
  g_assert_false (result->tied);
  g_assert_false (isnan (result->final_score));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (committee_child (journey, "results_stack"))),
                   ==, "list");
  /* Nor is there anyone left to remind. */
  g_assert_false (gtk_widget_is_sensitive (committee_child (journey, "remind_all_button")));
  settle (journey);
  xf_test_screenshot_in_language (GTK_WIDGET (journey->ui.window), "evaluation-committee");

  /* Closed two days on: the nomination goes to public notice. */
  set_today ("2026-03-11");
  xf_test_click (committee_child (journey, "close_button"));
  heading = g_strdup_printf (_("Close Round %d?"), 1);
  xf_test_answer (heading, "close");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (committee_child (journey, "error_revealer"))));
  nomination = get_nomination (journey);
  g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, XF_STAGE_NOTICE);
  g_assert_cmpint (xf_nomination_get_rank (nomination), ==, 1);
}

/*
 * 4. Public notice and the decision
 */

static void
decide (Journey *journey)
{
  XfRegistry *registry = xf_application_get_registry (journey->ui.app);
  g_autoptr(XfPioneer) after = NULL;
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  g_autoptr(XfNoticeBoard) board = xf_notice_board_new (journey->evaluation);
  g_autoptr(XfNotice) notice = NULL;
  g_autofree char *until = NULL;
  gint64 notice_id;

  /* Published the day the round closed: Wed 11 to Tue 17 March. */
  show_view (journey, "nominations");
  wait_for_stage (journey, XF_STAGE_NOTICE);
  g_assert_null (xf_test_find_named (view_child (journey, "actions_box"), "close-notice"));
  notice_id = xf_notice_board_create (board, journey->campaign_id, &error);
  g_assert_no_error (error);
  notice = xf_notice_board_get_notice (board, notice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->candidates->len, ==, 1);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup ("0572-8822000");
  g_assert_true (xf_notice_board_save (board, notice, &error));
  g_assert_no_error (error);
  g_assert_true (xf_notice_board_publish (board, notice_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&notice, xf_notice_free);
  notice = xf_notice_board_get_notice (board, notice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->starts_on, ==, "2026-03-11");
  g_assert_cmpstr (notice->ends_on, ==, "2026-03-17");
  xf_evaluation_page_refresh (journey->page);
  until = g_strdup_printf (_("On public notice until %s"), notice->ends_on);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (view_child (journey, "due_label"))),
                                   until));

  /* Not before its period has run; two days after it ends (Thu 19
   * March), the board closes it and the nomination moves on. */
  g_assert_cmpint (xf_notice_board_close_due (board, &error), ==, 0);
  g_assert_no_error (error);
  set_today ("2026-03-19");
  g_assert_cmpint (xf_notice_board_close_due (board, &error), ==, 1);
  g_assert_no_error (error);
  xf_evaluation_page_refresh (journey->page);
  wait_for_stage (journey, XF_STAGE_DECISION);

  /* Conferred the next day, once confirmed. */
  set_today ("2026-03-20");
  xf_evaluation_page_refresh (journey->page);
  click_action (journey, "confer");
  xf_test_answer (_("Confer the honour?"), "confirm");
  g_assert_false (gtk_widget_get_visible (view_child (journey, "error_label")));
  wait_for_stage (journey, XF_STAGE_CONFERRED);
  nomination = get_nomination (journey);
  g_assert_cmpstr (xf_nomination_get_decided_on (nomination), ==, "2026-03-20");

  /* The honour is in the pioneer's file, and it raised the tier. */
  honours = xf_registry_list_honours (registry, xf_pioneer_get_id (journey->candidate), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (honours); i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);

      if (g_strcmp0 (xf_honour_get_title (honour), journey->campaign_title) == 0)
        {
          g_assert_cmpstr (xf_honour_get_level (honour), ==, "county");
          g_assert_cmpint (xf_honour_get_year (honour), ==, 2026);
          found = TRUE;
        }
    }
  g_assert_true (found);
  after = xf_registry_get_pioneer (registry, xf_pioneer_get_id (journey->candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_tier (journey->candidate), ==, "cultivation");
  g_assert_cmpstr (xf_pioneer_get_tier (after), ==, "county");

  /* The whole timeline, each stage with its working days. */
  g_assert_cmpuint (xf_stage_timeline_get_n_entries (XF_STAGE_TIMELINE (view_child (journey, "timeline"))),
                    >=, 5);
  settle (journey);
  xf_test_scroll_to (view_child (journey, "timeline_group"));
  xf_test_screenshot_in_language (GTK_WIDGET (journey->ui.window), "evaluation-timeline");
}

/* Submission to decision against the promise. */
static void
report (Journey *journey)
{
  g_autoptr(XfCampaignReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  const XfReportRow *row;

  expected = xf_evaluation_campaign_report (journey->evaluation, journey->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->rows->len, ==, 1);
  row = g_ptr_array_index (expected->rows, 0);
  g_assert_cmpstr (row->decided_on, ==, "2026-03-20");
  /* 2 preliminary + 5 committee + 6 notice + 1 decision. */
  g_assert_cmpint (row->office_days, ==, 14);
  g_assert_true (row->within_promise);

  show_view (journey, "report");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (journey, "report_stack"))),
                   ==, "report");
  settle (journey);
  xf_test_screenshot_in_language (GTK_WIDGET (journey->ui.window), "evaluation-report");
}

static void
test_evaluation_journey (void)
{
  Journey journey = { 0 };
  gint64 round_id;

  journey_set_up (&journey);
  submit_nomination (&journey);
  pass_preliminary (&journey);
  round_id = open_round (&journey);
  review_as_chair (&journey, round_id);
  review_at_other_desks (&journey, round_id);
  close_round (&journey, round_id);
  decide (&journey);
  report (&journey);
  journey_tear_down (&journey);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/evaluation-journey/language", xf_test_language);
  g_test_add_func ("/ui/evaluation-journey/submission-to-decision", test_evaluation_journey);

  return g_test_run ();
}
