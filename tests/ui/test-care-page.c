/* test-care-page.c — the care page: its views, the programmes with their
 * eligible lists and gaps against core's, editing a programme
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "care-programmes" (the
 * recuperation trip with its eligible list), with "-zh_CN" for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batch-dialog.h"
#include "xf-care-programme-dialog.h"
#include "xf-care-step-form.h"
#include "xf-date-button.h"
#include "xf-test-care-ui.h"
#include "xf-ui-util.h"

#define PROGRAMME "recuperation"

typedef CareUiFixture Fixture;

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (xf_test_care_ui_programmes (fixture), XF_TYPE_CARE_PROGRAMMES_VIEW, name);
}

static XfCareProgrammesView *
view_of (Fixture *fixture)
{
  return XF_CARE_PROGRAMMES_VIEW (xf_test_care_ui_programmes (fixture));
}

static guint
core_eligible (Fixture    *fixture,
               const char *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) eligible = xf_care_list_eligible (xf_test_care_ui_care (fixture), PROGRAMME,
                                                         XF_TEST_CARE_UI_TODAY, region, &error);

  g_assert_no_error (error);
  return eligible->len;
}

static void
assert_count_shown (Fixture *fixture,
                    guint    count)
{
  const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (fixture,
                                                                                                  "eligible_group")));
  g_autofree char *number = g_strdup_printf ("%u", count);

  g_assert_cmpuint (xf_care_programmes_view_get_eligible (view_of (fixture))->len, ==, count);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, number));
  g_assert_cmpuint (xf_test_count_named (child (fixture, "eligible_list"), "eligible-row"), ==, count);
}

static gboolean
region_read_cb (gpointer data)
{
  Fixture *fixture = data;
  GPtrArray *eligible = xf_care_programmes_view_get_eligible (view_of (fixture));

  return eligible != NULL && eligible->len == 2;
}

static void
test_views (Fixture       *fixture,
            gconstpointer  data)
{
  const char *names[] = { "programmes", "batches", "hardship", "visits", "reports" };
  AdwViewStack *stack = ADW_VIEW_STACK (xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "view_stack"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xf_care_page_show_view (XF_CARE_PAGE (fixture->page), names[i]);
      xf_test_care_ui_settle ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
      g_assert_true (gtk_widget_get_visible (xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "new_button"))
                     == (i == 1));
    }
  xf_care_page_refresh (XF_CARE_PAGE (fixture->page));
  xf_test_care_ui_settle ();
  /* Ctrl+F on Programmes: its search. */
  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "programmes");
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.search", NULL));
  xf_test_iterate (50);
  g_assert_true (xf_widget_has_focus_within (child (fixture, "search_entry")));
}

/* Whether the focus is inside the page's tab @bin. */
static gboolean
focus_in_tab (Fixture    *fixture,
              const char *bin)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, bin));
}

/* A dialog of @type open, closed again; whether there was one. */
static gboolean
close_toplevel (GType type)
{
  GtkWindow *window = xf_test_find_toplevel (type);

  if (window == NULL)
    return FALSE;
  gtk_window_destroy (window);
  xf_test_iterate (50);
  return TRUE;
}

/* Ctrl+N and Ctrl+F act on the tab shown, and leave it shown. */
static void
test_tab_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "view_stack"));
  const struct { const char *tab; const char *bin; GType dialog; } tabs[] = {
    { "hardship", "hardship_bin", XF_TYPE_CARE_STEP_FORM },
    { "visits", "visits_bin", XF_TYPE_CARE_STEP_FORM },
    { "batches", "batches_bin", XF_TYPE_CARE_BATCH_DIALOG },
    { "programmes", "programmes_bin", XF_TYPE_CARE_PROGRAMME_DIALOG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      xf_care_page_show_view (XF_CARE_PAGE (fixture->page), tabs[i].tab);
      xf_test_care_ui_settle ();
      g_assert_true (gtk_widget_activate_action (fixture->page, "care.new", NULL));
      xf_test_iterate (50);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, tabs[i].tab);
      g_assert_null (tabs[i].dialog == XF_TYPE_CARE_BATCH_DIALOG ? NULL
                     : xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
      g_assert_true (close_toplevel (tabs[i].dialog));

      gtk_widget_grab_focus (xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "switcher_title"));
      g_assert_true (gtk_widget_activate_action (fixture->page, "care.search", NULL));
      xf_test_iterate (50);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, tabs[i].tab);
      g_assert_true (focus_in_tab (fixture, tabs[i].bin));
    }

  /* Reports: neither opens anything nor leaves the tab. */
  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "reports");
  xf_test_care_ui_settle ();
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.new", NULL));
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.search", NULL));
  xf_test_iterate (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reports");
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_STEP_FORM));
}

static void
test_eligible (Fixture       *fixture,
               gconstpointer  data)
{
  XfCareProgrammesView *view = view_of (fixture);
  GtkWidget *chip;

  xf_care_programmes_view_show (view, PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  g_assert_cmpstr (xf_care_programmes_view_get_code (view), ==, PROGRAMME);
  g_assert_cmpuint (core_eligible (fixture, NULL), ==, XF_TEST_CARE_PEOPLE);
  assert_count_shown (fixture, core_eligible (fixture, NULL));
  g_assert_nonnull (xf_test_find_named (child (fixture, "facts_group"), "rules-row"));

  /* Anji only: core's count again. */
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_row")), XF_TEST_ANJI);
  g_assert_true (xf_test_wait_until (region_read_cb, fixture, 3000));
  assert_count_shown (fixture, core_eligible (fixture, XF_TEST_ANJI));
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_row")), "");
  xf_test_iterate (400);

  /* On a date when 王建国 (born 1970-04-12) is 66: one fewer. */
  xf_care_programmes_view_set_reference (view, "2036-05-01");
  xf_test_care_ui_wait_lists (fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) later = xf_care_list_eligible (xf_test_care_ui_care (fixture), PROGRAMME, "2036-05-01",
                                                        NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (xf_care_programmes_view_get_eligible (view)->len, ==, later->len);
    g_assert_cmpuint (later->len, <, XF_TEST_CARE_PEOPLE);
  }
  xf_care_programmes_view_set_reference (view, NULL);
  xf_test_care_ui_wait_lists (fixture);

  /* The shared view "No recuperation trip for five years" is a chip. */
  chip = xf_test_find_named (child (fixture, "views_box"), "view-chip");
  g_assert_nonnull (chip);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
  xf_test_care_ui_wait_lists (fixture);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (fixture, "gap_spin"))), ==, 5);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) gaps = xf_care_list_gaps (xf_test_care_ui_care (fixture), PROGRAMME, 5,
                                                   XF_TEST_CARE_UI_TODAY, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (xf_care_programmes_view_get_gaps (view)->len, ==, gaps->len);
    g_assert_cmpuint (xf_test_count_named (child (fixture, "gaps_list"), "gap-row"), ==, gaps->len);
  }
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  XfCareProgrammeDialog *dialog;
  GtkWidget *rules_error;
  g_autoptr(XfCareProgramme) saved = NULL;
  g_autoptr(GError) error = NULL;

  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  g_assert_true (gtk_widget_get_visible (child (fixture, "edit_button")));
  xf_test_click (child (fixture, "edit_button"));
  dialog = XF_CARE_PROGRAMME_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_PROGRAMME_DIALOG));
  g_assert_nonnull (dialog);

  /* At least 70 and at most 65: core refuses, beneath the ages. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_PROGRAMME_DIALOG,
                                                                      "min_age_spin")), 70);
  g_assert_false (xf_care_programme_dialog_save (dialog));
  rules_error = xf_test_find_named (GTK_WIDGET (dialog), "rules-error");
  g_assert_nonnull (rules_error);
  g_assert_true (gtk_widget_get_visible (rules_error));

  /* 50 to 65, the provincial tier only, quota 1,200: saved in core. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_PROGRAMME_DIALOG,
                                                                      "min_age_spin")), 50);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (xf_test_find_named (GTK_WIDGET (dialog), "tier-city")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (xf_test_find_named (GTK_WIDGET (dialog), "tier-national")), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_PROGRAMME_DIALOG,
                                                                      "quota_spin")), 1200);
  g_assert_true (xf_care_programme_dialog_save (dialog));
  xf_test_care_ui_wait_lists (fixture);
  saved = xf_care_get_programme (xf_test_care_ui_care (fixture), PROGRAMME, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->yearly_quota, ==, 1200);
  /* With thousands separators, as the report has them. */
  {
    g_autofree char *quota = g_strdup_printf (ngettext ("%s person a year", "%s people a year", 1200), "1,200");
    GtkWidget *value = xf_test_find_named (xf_test_find_named (child (fixture, "facts_group"), "quota-row"), "value");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, quota);
  }
  g_assert_cmpint (saved->rules->min_age, ==, 50);
  g_assert_cmpint (saved->rules->max_age, ==, 65);
  g_assert_cmpuint (g_strv_length (saved->rules->tiers), ==, 1);
  g_assert_cmpstr (saved->rules->tiers[0], ==, "provincial");
  /* Nobody here is provincial now. */
  assert_count_shown (fixture, core_eligible (fixture, NULL));
  g_assert_cmpuint (core_eligible (fixture, NULL), ==, 0);
}

/* The gap list saved under a name of one's own: core has it, and it is a chip. */
static void
test_save_view (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  gboolean found = FALSE;

  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "gap_spin")), 3);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_row")), XF_TEST_DEQING);
  xf_test_iterate (400);
  xf_test_click (child (fixture, "save_view_button"));
  dialog = xf_test_find_message_dialog (_("Save as View"));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (GTK_WIDGET (dialog), "reason-entry")),
                         "德清三年未疗休养");
  xf_test_answer (_("Save as View"), "ok");
  xf_test_care_ui_settle ();

  views = xf_care_list_views (xf_test_care_ui_care (fixture), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < views->len; i++)
    {
      const XfCareView *view = g_ptr_array_index (views, i);

      if (g_strcmp0 (view->name, "德清三年未疗休养") == 0)
        {
          found = TRUE;
          g_assert_cmpint (view->gap_years, ==, 3);
          g_assert_cmpstr (view->region_code, ==, XF_TEST_DEQING);
          g_assert_cmpstr (view->programme_code, ==, PROGRAMME);
          g_assert_cmpstr (view->owner, ==, XF_TEST_ADMIN_LOGIN);
        }
    }
  g_assert_true (found);
  xf_test_collect_named (child (fixture, "views_box"), "view-chip", chips);
  g_assert_cmpuint (chips->len, ==, 2);

  /* One's own view, shown, may be removed (the shared one, not shown, offers it hidden). */
  {
    GtkWidget *chip = g_ptr_array_index (chips, 1);
    GtkWidget *remove = gtk_widget_get_next_sibling (chip);

    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)));
    g_assert_cmpstr (gtk_widget_get_name (remove), ==, "remove-view-button");
    g_assert_true (gtk_widget_get_visible (remove));
    xf_test_click (remove);
  }
  xf_test_care_ui_settle ();
  g_clear_pointer (&views, g_ptr_array_unref);
  views = xf_care_list_views (xf_test_care_ui_care (fixture), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < views->len; i++)
    g_assert_cmpstr (((XfCareView *) g_ptr_array_index (views, i))->name, !=, "德清三年未疗休养");
  g_assert_cmpuint (xf_test_count_named (child (fixture, "views_box"), "view-chip"), ==, 1);
}

static void
set_text (gpointer    dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_CARE_PROGRAMME_DIALOG, name)), text);
}

/* A programme of their own: a budget that is not money and a code taken
 * are refused beneath their fields; then it is added and shown. */
static void
test_new_programme (Fixture       *fixture,
                    gconstpointer  data)
{
  XfCareProgrammeDialog *dialog;
  g_autoptr(XfCareProgramme) saved = NULL;
  g_autoptr(GError) error = NULL;

  xf_test_click (child (fixture, "new_programme_button"));
  dialog = XF_CARE_PROGRAMME_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_PROGRAMME_DIALOG));
  g_assert_nonnull (dialog);
  set_text (dialog, "code_row", "health-check");
  set_text (dialog, "name_en_row", "Summer cooling visit");
  set_text (dialog, "name_zh_row", "夏送清凉");
  set_text (dialog, "budget_row", "两万");
  g_assert_false (xf_care_programme_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (dialog), "budget-error")));
  set_text (dialog, "budget_row", "20000");
  set_text (dialog, "unit_cost_row", "80.50");
  g_assert_false (xf_care_programme_dialog_save (dialog));
  g_assert_false (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (dialog), "budget-error")));
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (GTK_WIDGET (dialog), "code-error")));
  set_text (dialog, "code_row", "summer-cooling");
  g_assert_true (xf_care_programme_dialog_save (dialog));
  xf_test_care_ui_settle ();

  saved = xf_care_get_programme (xf_test_care_ui_care (fixture), "summer-cooling", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->name_zh, ==, "夏送清凉");
  g_assert_cmpint (saved->yearly_budget, ==, 2000000);
  g_assert_cmpint (saved->unit_cost, ==, 8050);
  g_assert_cmpstr (xf_care_programmes_view_get_code (view_of (fixture)), ==, "summer-cooling");
}

static void
test_clerk (Fixture       *fixture,
            gconstpointer  data)
{
  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  g_assert_false (gtk_widget_get_visible (child (fixture, "edit_button")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "new_programme_button")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "create_batch_button")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "save_view_button")));

  /* A clerk saves a view of their own (a shared one would need CARE_CATALOGUE). */
  xf_test_click (child (fixture, "save_view_button"));
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (GTK_WIDGET (xf_test_find_message_dialog (_("Save as View"))),
                                                           "reason-entry")), "我的名单");
  xf_test_answer (_("Save as View"), "ok");
  xf_test_care_ui_settle ();
  g_assert_false (gtk_widget_get_visible (child (fixture, "error_label")));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) views = xf_care_list_views (xf_test_care_ui_care (fixture), &error);
    const XfCareView *last;

    g_assert_no_error (error);
    last = g_ptr_array_index (views, views->len - 1);
    g_assert_cmpstr (last->name, ==, "我的名单");
    g_assert_cmpstr (last->owner, ==, XF_TEST_CARE_CLERK);
  }
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  xf_test_iterate (300);
  xf_test_care_ui_settle ();
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (child (fixture, "leaflet"))));
  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_iterate (200);
  g_assert_true (xf_test_is_mapped (child (fixture, "details_pane")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_back_button")));
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.back", NULL));
  xf_test_iterate (200);
  g_assert_null (xf_care_programmes_view_get_code (view_of (fixture)));
  g_assert_true (xf_test_is_mapped (child (fixture, "list_pane")));
}

/* At 360 px, after the window was wide: the list first (the programme
 * beside it at full width was not chosen), the switcher bar inside the
 * window; a programme chosen has a single back button, the list's. */
static void
test_fits (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *bar = xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "switcher_bar");
  GtkWidget *sidebar_button = xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "back_button");
  graphene_rect_t bounds;
  int height;

  g_assert_nonnull (xf_care_programmes_view_get_code (view_of (fixture)));
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 760);
  xf_test_iterate (300);
  xf_test_care_ui_settle ();
  xf_test_iterate (200);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (child (fixture, "leaflet"))));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (child (fixture, "leaflet"))) == child (fixture, "list_pane"));
  g_assert_null (xf_care_programmes_view_get_code (view_of (fixture)));

  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);

  /* A programme chosen: its details scroll above the bar, one back button. */
  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  xf_test_iterate (200);
  g_assert_true (xf_test_is_mapped (child (fixture, "details_pane")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_back_button")));
  g_assert_false (gtk_widget_get_visible (sidebar_button));
  g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.back", NULL));
  xf_test_iterate (200);
  g_assert_true (xf_test_is_mapped (child (fixture, "list_pane")));
  {
    gboolean shown = FALSE;

    /* The window is folded too: back there leads to the sidebar. */
    g_object_get (fixture->page, "show-sidebar-button", &shown, NULL);
    gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    g_assert_true (shown);
    /* The header follows the leaflet once it is laid out. */
    while (!gtk_widget_get_visible (sidebar_button) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gtk_widget_get_visible (sidebar_button));
  }
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  xf_care_programmes_view_show (view_of (fixture), PROGRAMME);
  xf_test_care_ui_wait_lists (fixture);
  xf_test_iterate (200);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "care-programmes");
}

/* The page alone in a window, as the administrator, made and destroyed. */
static void
test_standalone (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  GtkWidget *page;
  GtkWindow *window;

  g_setenv ("XIANFENG_TODAY", XF_TEST_CARE_UI_TODAY, TRUE);
  store = xf_test_make_demo_db (dir, "alone.db", 3, 0, &path);
  registry = xf_test_new_registry (store);
  page = xf_care_page_new (registry);
  window = xf_test_show_in_window (page, 1000, 700);
  xf_test_care_ui_settle ();
  xf_care_page_show_view (XF_CARE_PAGE (page), "batches");
  xf_test_care_ui_settle ();
  /* 360 pixels wide: the batches' list fits, the views' switcher moves
   * to the bottom. */
  gtk_window_set_default_size (window, 360, 700);
  xf_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (xf_test_is_mapped (xf_test_template_child (xf_care_page_get_batches_view (XF_CARE_PAGE (page)),
                                                           XF_TYPE_CARE_BATCHES_VIEW, "list_pane")));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (xf_test_template_child (
    page, XF_TYPE_CARE_PAGE, "switcher_bar"))));
  xf_care_page_show_view (XF_CARE_PAGE (page), "reports");
  xf_test_care_ui_settle ();
  gtk_window_destroy (window);
  xf_test_iterate (50);
  xf_test_remove_dir (dir);
  g_unsetenv ("XIANFENG_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/care-page/language", xf_test_language);
  g_test_add_func ("/ui/care-page/standalone", test_standalone);
  g_test_add ("/ui/care-page/views", Fixture, NULL, xf_test_care_ui_set_up, test_views, xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/tab-actions", Fixture, NULL, xf_test_care_ui_set_up, test_tab_actions,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/fits", Fixture, NULL, xf_test_care_ui_set_up, test_fits,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/eligible", Fixture, NULL, xf_test_care_ui_set_up, test_eligible,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/edit", Fixture, NULL, xf_test_care_ui_set_up, test_edit, xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/new-programme", Fixture, NULL, xf_test_care_ui_set_up, test_new_programme,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/save-view", Fixture, NULL, xf_test_care_ui_set_up, test_save_view,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/clerk", Fixture, XF_TEST_CARE_CLERK, xf_test_care_ui_set_up, test_clerk,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/narrow", Fixture, NULL, xf_test_care_ui_set_up, test_narrow,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-page/screenshot", Fixture, NULL, xf_test_care_ui_set_up, test_screenshot,
              xf_test_care_ui_tear_down);

  return g_test_run ();
}
