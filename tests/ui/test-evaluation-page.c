/* test-evaluation-page.c — the Evaluation page, its sidebar badge and the
 * campaign dialog, on a demo database with a year of campaigns
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-campaign-dialog.h"
#include "xf-committee-view.h"
#include "xf-date-button.h"
#include "xf-demo-evaluation.h"
#include "xf-evaluation-page.h"
#include "xf-nomination-row.h"
#include "xf-nomination-view.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A working Wednesday in May, so the demo's ages and due dates are fixed. */
#define TODAY "2026-05-20"

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
} PageFixture;

/* The demo registry, its accounts and a year of campaigns. */
static char *
make_demo_db (const char *dir)
{
  char *path = NULL;
  g_autoptr(XfStore) store = xf_test_make_demo_db (dir, "evaluation.db", 120, 12, &path);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_demo_generate_evaluation (store, 7, &error));
  g_assert_no_error (error);
  return path;
}

/* The demo (with its accounts' password hashes, a year of campaigns and
 * of services) takes seconds to write: written once, copied for each test. */
static char *template_dir;
static char *template_path;

static char *
copy_demo_db (const char *dir)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "evaluation.db", NULL);

  if (template_path == NULL)
    {
      template_dir = xf_test_make_dir ();
      template_path = make_demo_db (template_dir);
    }
  source = g_file_new_for_path (template_path);
  target = g_file_new_for_path (path);
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
page_set_up (PageFixture   *fixture,
             gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  fixture->dir = xf_test_make_dir ();
  fixture->path = copy_demo_db (fixture->dir);
  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, data, "evaluation");
}

static void
page_tear_down (PageFixture   *fixture,
                gconstpointer  data)
{
  xf_test_close_page (XF_TYPE_CAMPAIGN_DIALOG, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

static XfEvaluationPage *
page_of (PageFixture *fixture)
{
  return XF_EVALUATION_PAGE (fixture->page);
}

static XfEvaluation *
evaluation_of (PageFixture *fixture)
{
  return xf_evaluation_page_get_evaluation (page_of (fixture));
}

static GtkWidget *
child (PageFixture *fixture,
       const char  *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_EVALUATION_PAGE, name);
}

static guint
n_listed (PageFixture *fixture)
{
  return g_list_model_get_n_items (xf_evaluation_page_get_nominations (page_of (fixture)));
}

/*
 * The sidebar
 */

static int
row_index (XfWindow   *window,
           const char *name)
{
  GtkWidget *row = xf_window_get_sidebar_row (window, name);

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

/* In the lifecycle's order (管, 育, 评): after the registry and
 * cultivation, for whoever reads the registry. */
static void
test_sidebar (PageFixture   *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (row_index (fixture->window, "registry"), ==, 0);
  g_assert_cmpint (row_index (fixture->window, "cultivation"), ==, 1);
  g_assert_cmpint (row_index (fixture->window, "evaluation"), ==, 2);

  /* The clerk has it too, without the campaign menu. */
  xf_application_sign_out (fixture->app);
  g_assert_null (xf_window_get_sidebar_row (fixture->window, "evaluation"));
  xf_test_sign_in (fixture->app, "clerk");
  g_assert_cmpint (row_index (fixture->window, "evaluation"), ==, 2);
  fixture->page = xf_test_show_page (fixture->window, "evaluation");
  g_assert_false (gtk_widget_get_visible (child (fixture, "campaign_menu_button")));
  gtk_widget_activate_action (fixture->page, "evaluation.new-campaign", NULL);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CAMPAIGN_DIALOG));
  g_assert_true (gtk_widget_get_visible (child (fixture, "new_button")));
}

/* The badge shows the actor's attention count, as core counts it. */
static GtkLabel *
badge_of (XfWindow *window)
{
  GtkWidget *row = xf_window_get_sidebar_row (window, "evaluation");
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *last = gtk_widget_get_last_child (box);

  g_assert_true (GTK_IS_LABEL (last));
  g_assert_true (gtk_widget_has_css_class (last, "sidebar-badge"));
  return GTK_LABEL (last);
}

static void
test_badge (PageFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 expected = xf_evaluation_count_attention (evaluation_of (fixture), &error);
  GtkLabel *badge = badge_of (fixture->window);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* The demo has stages due soon and overdue. */
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (xf_evaluation_page_get_attention_count (page_of (fixture)), ==, expected);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, MIN (expected, 99));
  g_assert_cmpstr (gtk_label_get_label (badge), ==, expected > 99 ? "99+" : text);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
}

/*
 * Campaigns, chips, search and selection
 */

static void
test_campaigns (PageFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = xf_evaluation_list_campaigns (evaluation_of (fixture), 0, &error);
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture, "campaign_dropdown"));
  XfCampaign *shown;

  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, campaigns->len);

  /* The newest open campaign shows first, with its nominations listed. */
  shown = gtk_drop_down_get_selected_item (dropdown);
  g_assert_nonnull (shown);
  g_assert_cmpstr (xf_campaign_get_status (shown), ==, "open");
  g_assert_cmpint (xf_evaluation_page_get_campaign_id (page_of (fixture)), ==, xf_campaign_get_id (shown));
  g_assert_cmpuint (n_listed (fixture), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "nominations_stack"))), ==, "list");
  g_assert_true (gtk_widget_get_visible (child (fixture, "campaign_menu_button")));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-page-list");

  /* Another campaign lists its own. */
  for (guint i = 0; i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);
      guint n;

      xf_evaluation_page_set_campaign_id (page_of (fixture), xf_campaign_get_id (campaign));
      g_assert_cmpint (xf_evaluation_page_get_campaign_id (page_of (fixture)), ==, xf_campaign_get_id (campaign));
      n = n_listed (fixture);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(XfNomination) nomination =
            g_list_model_get_item (xf_evaluation_page_get_nominations (page_of (fixture)), j);

          g_assert_cmpint (xf_nomination_get_campaign_id (nomination), ==, xf_campaign_get_id (campaign));
        }
    }
}

static void
test_chip_counts (PageFixture   *fixture,
                  gconstpointer  data)
{
  XfEvaluationPage *page = page_of (fixture);
  gint64 campaign_id = xf_evaluation_page_get_campaign_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = xf_evaluation_count_by_stage (evaluation_of (fixture), campaign_id, &error);
  const char *stages[] = { XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED, XF_STAGE_COMMITTEE,
                           XF_STAGE_NOTICE, XF_STAGE_DECISION };
  const char * const *all = xf_stage_all ();
  int total = 0, final = 0;

  g_assert_no_error (error);
  for (guint i = 0; all[i] != NULL; i++)
    {
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, all[i]));

      total += n;
      if (xf_stage_is_final (all[i]))
        final += n;
    }
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, "all"), ==, total);
  g_assert_cmpuint (n_listed (fixture), ==, (guint) total);
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, "final"), ==, final);
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, "attention"), ==,
                   GPOINTER_TO_INT (g_hash_table_lookup (counts, "attention")));

  /* Each stage chip lists as many as it says, all in that stage. */
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      int expected = GPOINTER_TO_INT (g_hash_table_lookup (counts, stages[i]));

      g_assert_cmpint (xf_evaluation_page_get_chip_count (page, stages[i]), ==, expected);
      g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.filter", "s", stages[i]));
      g_assert_cmpstr (xf_evaluation_page_get_filter (page), ==, stages[i]);
      g_assert_cmpuint (n_listed (fixture), ==, (guint) expected);
      for (guint j = 0; j < (guint) expected; j++)
        {
          g_autoptr(XfNomination) nomination = g_list_model_get_item (xf_evaluation_page_get_nominations (page), j);

          g_assert_cmpstr (xf_nomination_get_stage (nomination), ==, stages[i]);
        }
    }

  /* The demo's open campaign has something due: the Attention chip lists it,
   * each due soon or overdue. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.filter", "s", "attention"));
  g_assert_cmpuint (n_listed (fixture), ==, (guint) xf_evaluation_page_get_chip_count (page, "attention"));
  for (guint j = 0; j < n_listed (fixture); j++)
    {
      g_autoptr(XfNomination) nomination = g_list_model_get_item (xf_evaluation_page_get_nominations (page), j);
      int state = xf_nomination_get_due_state (nomination);

      g_assert_true (state == XF_DUE_SOON || state == XF_DUE_OVERDUE);
    }

  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.clear-filters", NULL));
  g_assert_cmpuint (n_listed (fixture), ==, (guint) total);
}

/* The first nomination listed in @stage, or 0. */
static gint64
first_in_stage (PageFixture *fixture,
                const char  *stage)
{
  GListModel *model = xf_evaluation_page_get_nominations (page_of (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XfNomination) nomination = g_list_model_get_item (model, i);

      if (g_strcmp0 (xf_nomination_get_stage (nomination), stage) == 0)
        return xf_nomination_get_id (nomination);
    }
  return 0;
}

typedef struct
{
  PageFixture *fixture;
  const char  *chip;
  int          expected;
} CountWait;

static gboolean
chip_count_cb (gpointer data)
{
  CountWait *wait = data;

  return xf_evaluation_page_get_chip_count (page_of (wait->fixture), wait->chip) == wait->expected;
}

/* A write through the page's evaluation shows at once; another desk's
 * when the window says the database changed. */
static void
test_refresh (PageFixture   *fixture,
              gconstpointer  data)
{
  XfEvaluationPage *page = page_of (fixture);
  int final = xf_evaluation_page_get_chip_count (page, "final");
  int preliminary = xf_evaluation_page_get_chip_count (page, XF_STAGE_PRELIMINARY);
  gint64 first = first_in_stage (fixture, XF_STAGE_PRELIMINARY);
  gint64 second;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfEvaluation) other = NULL;
  CountWait wait = { fixture, "final", final + 1 };

  g_assert_cmpint (preliminary, >=, 2);
  g_assert_cmpint (first, >, 0);
  g_assert_true (xf_evaluation_act (xf_evaluation_page_get_evaluation (page), first, XF_ACTION_WITHDRAW,
                                    "撤回：候选人调离", &error));
  g_assert_no_error (error);
  g_assert_true (xf_test_wait_until (chip_count_cb, &wait, 3000));
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, XF_STAGE_PRELIMINARY), ==, preliminary - 1);

  /* Another desk, on a connection of its own. */
  second = first_in_stage (fixture, XF_STAGE_PRELIMINARY);
  g_assert_cmpint (second, >, 0);
  store = xf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  accounts = xf_accounts_new (store);
  admin = xf_accounts_sign_in (accounts, "admin", XF_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  registry = xf_registry_new (store, admin);
  other = xf_evaluation_new (registry);
  g_assert_true (xf_evaluation_act (other, second, XF_ACTION_WITHDRAW, "撤回：单位重新推荐", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, "final"), ==, final + 1);
  xf_evaluation_page_refresh (page);
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, "final"), ==, final + 2);
  g_assert_cmpint (xf_evaluation_page_get_chip_count (page, XF_STAGE_PRELIMINARY), ==, preliminary - 2);
}

/* A row of the list in the due state asked for, if one is drawn. */
static XfNominationRow *
find_row (GtkWidget *root,
          int        state)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root);
       widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      XfNominationRow *row = NULL;

      if (XF_IS_NOMINATION_ROW (widget))
        {
          XfNomination *nomination = xf_nomination_row_get_nomination (XF_NOMINATION_ROW (widget));

          if (nomination != NULL && xf_nomination_get_due_state (nomination) == state)
            return XF_NOMINATION_ROW (widget);
        }
      else if ((row = find_row (widget, state)) != NULL)
        return row;
    }
  return NULL;
}

/* Due soon looks like a warning, overdue like an error, and says so. */
static void
test_due_styles (PageFixture   *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = child (fixture, "nominations_view");
  XfNominationRow *row;
  GtkLabel *due;

  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.filter", "s", "attention"));
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpuint (n_listed (fixture), >, 0);

  row = find_row (view, XF_DUE_OVERDUE);
  if (row == NULL)
    row = find_row (view, XF_DUE_SOON);
  g_assert_nonnull (row);
  due = xf_nomination_row_get_due_label (row);
  if (xf_nomination_get_due_state (xf_nomination_row_get_nomination (row)) == XF_DUE_OVERDUE)
    {
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), "error"));
      g_assert_nonnull (strstr (gtk_label_get_label (due),
                                xf_nomination_get_stage_due_on (xf_nomination_row_get_nomination (row))));
    }
  else
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), "warning"));
}

typedef struct
{
  PageFixture *fixture;
  guint        expected;
} ListWait;

static gboolean
listed_cb (gpointer data)
{
  ListWait *wait = data;

  return n_listed (wait->fixture) == wait->expected;
}

static void
test_search (PageFixture   *fixture,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (child (fixture, "search_entry"));
  guint total = n_listed (fixture);
  g_autoptr(XfNomination) first = NULL;
  g_autofree char *name = NULL;
  XfNominationQuery query = { 0, };
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  ListWait wait = { fixture, 0 };

  g_assert_cmpuint (total, >, 1);
  first = g_list_model_get_item (xf_evaluation_page_get_nominations (page_of (fixture)), total - 1);
  name = g_strdup (xf_nomination_get_candidate_name (first));

  query.campaign_id = xf_evaluation_page_get_campaign_id (page_of (fixture));
  query.text = name;
  expected = xf_evaluation_list_nominations (evaluation_of (fixture), &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >=, 1);
  g_assert_cmpuint (expected->len, <, total);

  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (fixture, "search_bar"))));
  gtk_editable_set_text (entry, name);
  wait.expected = expected->len;
  g_assert_true (xf_test_wait_until (listed_cb, &wait, 3000));
  for (guint i = 0; i < n_listed (fixture); i++)
    {
      g_autoptr(XfNomination) nomination = g_list_model_get_item (xf_evaluation_page_get_nominations (page_of (fixture)), i);

      g_assert_nonnull (strstr (xf_nomination_get_candidate_name (nomination), name));
    }

  /* Nothing matches: it says so. */
  gtk_editable_set_text (entry, "无此候选人无此单位");
  wait.expected = 0;
  g_assert_true (xf_test_wait_until (listed_cb, &wait, 3000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "nominations_stack"))), ==,
                   "no-matches");

  gtk_editable_set_text (entry, "");
  wait.expected = total;
  g_assert_true (xf_test_wait_until (listed_cb, &wait, 3000));
}

static void
test_select (PageFixture   *fixture,
             gconstpointer  data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (child (fixture, "nominations_view")));
  g_autoptr(XfNomination) second = g_list_model_get_item (xf_evaluation_page_get_nominations (page_of (fixture)), 1);
  GtkWidget *view = xf_evaluation_page_get_nomination_view (page_of (fixture));

  g_assert_false (gtk_widget_get_visible (child (fixture, "details_pane")));
  g_assert_true (gtk_selection_model_select_item (model, 1, TRUE));
  g_assert_cmpint (xf_evaluation_page_get_selected_nomination (page_of (fixture)), ==, xf_nomination_get_id (second));
  g_assert_cmpint (xf_nomination_view_get_nomination (XF_NOMINATION_VIEW (view)), ==, xf_nomination_get_id (second));
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_pane")));
  /* The views' switcher moves to the bottom once the header is laid out. */
  xf_test_iterate (100);
  gtk_test_widget_wait_for_draw (fixture->page);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-page");

  /* Escape closes it: the list has the page again. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.back", NULL));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_pane")));
  g_assert_cmpint (xf_evaluation_page_get_selected_nomination (page_of (fixture)), ==, 0);
}

/* A narrow window folds: the nomination slides over the list. */
static void
test_narrow (PageFixture   *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (child (fixture, "nominations_view")));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 760);
  xf_test_iterate (100);
  gtk_test_widget_wait_for_draw (fixture->page);
  g_assert_true (gtk_selection_model_select_item (model, 0, TRUE));
  xf_test_iterate (100);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "details_pane"));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-page-narrow");
  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.show-list", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "list_pane"));
}

/*
 * The Committee, Report and Attention views
 */

/* The chair's view of the campaign shown, in the page. */
static void
test_committee (PageFixture   *fixture,
                gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (child (fixture, "view_stack"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = xf_evaluation_list_campaigns (evaluation_of (fixture), 0, &error);
  GtkWidget *view;

  g_assert_no_error (error);
  /* The city campaign has an open round. */
  for (guint i = 0; i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autoptr(XfReviewRound) round = xf_evaluation_get_open_round (evaluation_of (fixture),
                                                                     xf_campaign_get_id (campaign), NULL);

      if (round != NULL)
        xf_evaluation_page_set_campaign_id (page_of (fixture), xf_campaign_get_id (campaign));
    }
  adw_view_stack_set_visible_child_name (stack, "committee");
  view = xf_test_find_widget (fixture->page, XF_TYPE_COMMITTEE_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_pane")));
  gtk_test_widget_wait_for_draw (fixture->page);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-committee");
}

static void
test_report (PageFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = xf_evaluation_list_campaigns (evaluation_of (fixture), 0, &error);
  AdwViewStack *stack = ADW_VIEW_STACK (child (fixture, "view_stack"));
  GtkColumnView *table = GTK_COLUMN_VIEW (child (fixture, "report_view"));
  XfCampaign *decided = NULL;
  g_autoptr(XfCampaignReport) report = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  /* Last year's campaign: every nomination decided. */
  for (guint i = 0; i < campaigns->len && decided == NULL; i++)
    if (g_strcmp0 (xf_campaign_get_status (g_ptr_array_index (campaigns, i)), "closed") == 0)
      decided = g_ptr_array_index (campaigns, i);
  g_assert_nonnull (decided);
  report = xf_evaluation_campaign_report (evaluation_of (fixture), xf_campaign_get_id (decided), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_decided, >, 0);

  xf_evaluation_page_set_campaign_id (page_of (fixture), xf_campaign_get_id (decided));
  adw_view_stack_set_visible_child_name (stack, "report");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "report_stack"))), ==, "report");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    report->rows->len);
  expected = g_strdup_printf (_("Average %.1f working days against a promise of %d"),
                              report->average_days, report->promise_days);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (fixture, "report_summary"))), ==, expected);
  gtk_test_widget_wait_for_draw (fixture->page);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-report");
}

static void
test_attention (PageFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_evaluation_list_attention (evaluation_of (fixture), &error);
  AdwViewStack *stack = ADW_VIEW_STACK (child (fixture, "view_stack"));
  GtkListBox *list = GTK_LIST_BOX (child (fixture, "attention_list"));
  XfAttentionItem *last;
  GtkListBoxRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  adw_view_stack_set_visible_child_name (stack, "attention");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "attention_stack"))), ==, "list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, items->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, items->len));
  gtk_test_widget_wait_for_draw (fixture->page);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "evaluation-attention");

  /* Going to the last one: its campaign, its nomination, beside the list. */
  last = g_ptr_array_index (items, items->len - 1);
  row = gtk_list_box_get_row_at_index (list, items->len - 1);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "nominations");
  g_assert_cmpint (xf_evaluation_page_get_campaign_id (page_of (fixture)), ==, last->campaign_id);
  g_assert_cmpint (xf_evaluation_page_get_selected_nomination (page_of (fixture)), ==, last->nomination_id);
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_pane")));
}

/*
 * The campaign dialog
 */

static XfCampaignDialog *
open_new_campaign (PageFixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.new-campaign", NULL));
  dialog = xf_test_find_toplevel (XF_TYPE_CAMPAIGN_DIALOG);
  g_assert_nonnull (dialog);
  xf_test_show_window (dialog);
  return XF_CAMPAIGN_DIALOG (dialog);
}

static GtkWidget *
dialog_child (XfCampaignDialog *dialog,
              const char       *name)
{
  return xf_test_template_child (dialog, XF_TYPE_CAMPAIGN_DIALOG, name);
}

static guint
count_campaigns (PageFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = xf_evaluation_list_campaigns (evaluation_of (fixture), 0, &error);

  g_assert_no_error (error);
  return campaigns->len;
}

static void
test_campaign_dialog (PageFixture   *fixture,
                      gconstpointer  data)
{
  XfCampaignDialog *dialog = open_new_campaign (fixture);
  GtkSpinButton *preliminary = GTK_SPIN_BUTTON (dialog_child (dialog, "preliminary_spin"));
  GtkSpinButton *promise = GTK_SPIN_BUTTON (dialog_child (dialog, "promise_spin"));
  GtkLabel *plan = GTK_LABEL (dialog_child (dialog, "plan_label"));
  guint before = count_campaigns (fixture);
  const char *message;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) saved = NULL;
  gint64 saved_id;

  /* A city campaign: 10 + 10 + 6 + 6 = 32, as promised. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (promise), ==, 32);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (plan), "success"));
  g_assert_cmpuint (xf_campaign_dialog_get_n_criteria (dialog), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "2026年度湖州市技术能手");
  xf_date_button_set_date (XF_DATE_BUTTON (dialog_child (dialog, "opens_button")), "2026-05-01");
  xf_date_button_set_date (XF_DATE_BUTTON (dialog_child (dialog, "closes_button")), "2026-12-31");

  /* Two more days for the preliminary review: 34, not the promise. */
  gtk_spin_button_set_value (preliminary, 12);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (plan), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (plan), "34"));
  g_assert_nonnull (strstr (gtk_label_get_label (plan), "32"));
  /* Scrolled to the plan: the focus brings it into view. */
  gtk_widget_grab_focus (dialog_child (dialog, "quorum_num_spin"));
  xf_test_iterate (50);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "campaign-dialog-plan");

  /* Core refuses it, naming the promise; nothing is saved. */
  g_assert_false (xf_campaign_dialog_save (dialog));
  message = xf_campaign_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, xf_campaign_field_label ("promise-days")));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "promise_row"), "error"));
  g_assert_cmpuint (count_campaigns (fixture), ==, before);
  g_assert_true (xf_test_find_toplevel (XF_TYPE_CAMPAIGN_DIALOG) == GTK_WINDOW (dialog));
  xf_test_iterate (50);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "campaign-dialog-error");

  /* A promise of 34 adds up; with the reviewer as chair. */
  gtk_spin_button_set_value (promise, 34);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (plan), "success"));
  g_assert_true (xf_campaign_dialog_add_member (dialog, 0, TRUE));
  g_assert_cmpuint (xf_campaign_dialog_get_n_members (dialog), ==, 1);
  g_assert_true (xf_campaign_dialog_save (dialog));
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CAMPAIGN_DIALOG));
  g_assert_cmpuint (count_campaigns (fixture), ==, before + 1);

  /* The page shows the new campaign, a draft with its committee. */
  saved_id = xf_evaluation_page_get_campaign_id (page_of (fixture));
  saved = xf_evaluation_get_campaign (evaluation_of (fixture), saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_campaign_get_title (saved), ==, "2026年度湖州市技术能手");
  g_assert_cmpstr (xf_campaign_get_status (saved), ==, "draft");
  g_assert_cmpint (xf_campaign_get_promise_days (saved), ==, 34);
  g_assert_cmpint (xf_campaign_get_stage_budget (saved, "preliminary"), ==, 12);
  g_assert_cmpuint (xf_campaign_get_committee (saved)->len, ==, 1);
  g_assert_true (((XfCommitteeMember *) g_ptr_array_index (xf_campaign_get_committee (saved), 0))->is_chair);

  /* A draft takes no nominations until it is opened. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "nominations_stack"))), ==, "empty");
  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.open-campaign", NULL));
  g_clear_object (&saved);
  saved = xf_evaluation_get_campaign (evaluation_of (fixture), saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_campaign_get_status (saved), ==, "open");
}

/* Editing shows the stored campaign, and the screenshot of a full dialog. */
static void
test_edit_campaign (PageFixture   *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(XfCampaign) campaign =
    xf_evaluation_get_campaign (evaluation_of (fixture), xf_evaluation_page_get_campaign_id (page_of (fixture)), &error);

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (fixture->page, "evaluation.edit-campaign", NULL));
  dialog = xf_test_find_toplevel (XF_TYPE_CAMPAIGN_DIALOG);
  g_assert_nonnull (dialog);
  xf_test_show_window (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (XF_CAMPAIGN_DIALOG (dialog), "title_row"))), ==,
                   xf_campaign_get_title (campaign));
  g_assert_cmpuint (xf_campaign_dialog_get_n_members (XF_CAMPAIGN_DIALOG (dialog)), ==,
                    xf_campaign_get_committee (campaign)->len);
  /* What the committee scores and votes by is fixed once it has begun. */
  rounds = xf_evaluation_list_rounds (evaluation_of (fixture), xf_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  g_test_message ("%s: %u rounds", xf_campaign_get_title (campaign), rounds->len);
  g_assert_cmpint (gtk_widget_get_sensitive (dialog_child (XF_CAMPAIGN_DIALOG (dialog), "quota_row")), ==,
                   rounds->len == 0);
  g_assert_cmpint (gtk_widget_get_sensitive (dialog_child (XF_CAMPAIGN_DIALOG (dialog), "rubric_group")), ==,
                   rounds->len == 0);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (XF_CAMPAIGN_DIALOG (dialog), "title_row")));
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "campaign-dialog");
  /* At the end, the rubric, vetting, checklist and committee. */
  scroller = xf_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, NULL);
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  xf_test_iterate (50);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "campaign-dialog-lists");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/evaluation-page/sidebar", PageFixture, NULL, page_set_up, test_sidebar, page_tear_down);
  g_test_add ("/evaluation-page/badge", PageFixture, NULL, page_set_up, test_badge, page_tear_down);
  g_test_add ("/evaluation-page/campaigns", PageFixture, NULL, page_set_up, test_campaigns, page_tear_down);
  g_test_add ("/evaluation-page/chip-counts", PageFixture, NULL, page_set_up, test_chip_counts, page_tear_down);
  g_test_add ("/evaluation-page/refresh", PageFixture, NULL, page_set_up, test_refresh, page_tear_down);
  g_test_add ("/evaluation-page/due-styles", PageFixture, NULL, page_set_up, test_due_styles, page_tear_down);
  g_test_add ("/evaluation-page/search", PageFixture, NULL, page_set_up, test_search, page_tear_down);
  g_test_add ("/evaluation-page/select", PageFixture, NULL, page_set_up, test_select, page_tear_down);
  g_test_add ("/evaluation-page/narrow", PageFixture, NULL, page_set_up, test_narrow, page_tear_down);
  g_test_add ("/evaluation-page/committee", PageFixture, NULL, page_set_up, test_committee, page_tear_down);
  g_test_add ("/evaluation-page/report", PageFixture, NULL, page_set_up, test_report, page_tear_down);
  g_test_add ("/evaluation-page/attention", PageFixture, NULL, page_set_up, test_attention, page_tear_down);
  g_test_add ("/evaluation-page/campaign-dialog", PageFixture, NULL, page_set_up, test_campaign_dialog,
              page_tear_down);
  g_test_add ("/evaluation-page/edit-campaign", PageFixture, NULL, page_set_up, test_edit_campaign,
              page_tear_down);
  status = g_test_run ();
  if (template_dir != NULL)
    xf_test_remove_dir (template_dir);
  g_free (template_path);
  g_free (template_dir);
  return status;
}
