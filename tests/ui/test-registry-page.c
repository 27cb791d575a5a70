/* test-registry-page.c — search, filters, sort and opening files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-filter-bar.h"
#include "xf-pioneer-editor.h"
#include "xf-registry-columns.h"
#include "xf-registry-list.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-window.h"
#include "xf-profile-page.h"

typedef struct
{
  XfTestWindow    ui;
  XfRegistryPage *page;
  GListModel     *model;
  guint           total;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xf_test_window_set_up_demo (&fixture->ui, 120, 40);
  fixture->page = XF_REGISTRY_PAGE (xf_window_get_registry_page (fixture->ui.window));
  fixture->model = xf_registry_page_get_model (fixture->page);
  fixture->total = g_list_model_get_n_items (fixture->model);
  g_assert_cmpuint (fixture->total, >, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_window_tear_down (&fixture->ui, data);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_REGISTRY_PAGE, name);
}

static const char *
count_text (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (page_child (fixture, "count_label")));
}

static const char *
list_state (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "list_stack")));
}

static char *
first_name (Fixture *fixture)
{
  g_autoptr(XfPioneer) first = g_list_model_get_item (fixture->model, 0);

  g_assert_nonnull (first);
  return g_strdup (xf_pioneer_get_name (first));
}

/* The registry's own count for the query the list now shows. */
static gint64
core_count (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  const XfRegistryQuery *query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  gint64 n = xf_registry_count_pioneers (xf_application_get_registry (fixture->ui.app), query, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_search_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *name = first_name (fixture);
  g_autofree char *part = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(XfPioneer) match = NULL;
  glong len = g_utf8_strlen (name, -1);
  guint n;

  /* Part of a Chinese name: the given name without the surname. */
  g_assert_cmpint (len, >=, 2);
  part = g_utf8_substring (name, 1, MIN (len, 3));
  xf_test_search (fixture->page, part, 2000);

  n = g_list_model_get_n_items (fixture->model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, fixture->total);
  g_assert_cmpint (n, ==, core_count (fixture));
  expected = g_strdup_printf (n == 1 ? "%u match" : "%u matches", n);
  g_assert_cmpstr (count_text (fixture), ==, expected);
  g_assert_cmpstr (list_state (fixture), ==, "list");

  /* The pioneer we took the name from is among the matches. */
  for (guint i = 0; i < n && match == NULL; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (fixture->model, i);

      if (g_strcmp0 (xf_pioneer_get_name (pioneer), name) == 0)
        match = g_steal_pointer (&pioneer);
    }
  g_assert_nonnull (match);

  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-search"));

  /* Clearing brings everything back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.clear-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, fixture->total);
  g_assert_null (xf_registry_query_get_text (xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model))));
}

static void
test_no_matches (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%u pioneers", fixture->total);

  xf_test_search (fixture->page, "不存在的名字zzz", 2000);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 0);
  g_assert_cmpstr (list_state (fixture), ==, "no-matches");
  g_assert_cmpstr (count_text (fixture), ==, "0 matches");
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-no-matches"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.clear-filters", NULL);
  g_assert_cmpstr (list_state (fixture), ==, "list");
  g_assert_cmpstr (count_text (fixture), ==, expected);
}

static void
test_filter_chip (Fixture       *fixture,
                  gconstpointer  data)
{
  XfFilterBar *bar = XF_FILTER_BAR (page_child (fixture, "filter_bar"));
  XfFilterChip *kind = xf_filter_bar_get_chip (bar, XF_REGISTRY_FILTER_KIND);
  XfFilterChip *tier = xf_filter_bar_get_chip (bar, XF_REGISTRY_FILTER_TIER);
  const XfRegistryQuery *query;
  guint n_collectives, n;

  /* Kind: collectives only. */
  g_assert_true (xf_filter_chip_set_code_active (kind, "collective", TRUE));
  n_collectives = g_list_model_get_n_items (fixture->model);
  g_assert_cmpuint (n_collectives, >, 0);
  g_assert_cmpuint (n_collectives, <, fixture->total);
  g_assert_cmpint (n_collectives, ==, core_count (fixture));
  for (guint i = 0; i < MIN (n_collectives, 20); i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (fixture->model, i);

      g_assert_cmpstr (xf_pioneer_get_kind (pioneer), ==, "collective");
    }
  g_assert_cmpuint (xf_filter_chip_get_n_chosen (kind), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kind), "active"));

  /* A second chip narrows further (AND); two tiers widen within it (OR). */
  g_assert_true (xf_filter_chip_set_code_active (tier, "cultivation", TRUE));
  g_assert_true (xf_filter_chip_set_code_active (tier, "county", TRUE));
  query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  g_assert_cmpuint (g_strv_length ((char **) xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_TIER)), ==, 2);
  n = g_list_model_get_n_items (fixture->model);
  g_assert_cmpuint (n, <=, n_collectives);
  g_assert_cmpint (n, ==, core_count (fixture));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-filter"));

  /* The chip's own clear button. */
  xf_filter_chip_clear (tier);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, n_collectives);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tier), "active"));

  /* Clear everything. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.clear-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, fixture->total);
  g_assert_cmpuint (xf_filter_chip_get_n_chosen (kind), ==, 0);
}

static void
test_region_townships (Fixture       *fixture,
                       gconstpointer  data)
{
  XfFilterBar *bar = XF_FILTER_BAR (page_child (fixture, "filter_bar"));
  XfFilterChip *region = xf_filter_bar_get_chip (bar, XF_REGISTRY_FILTER_REGION);
  g_auto(GStrv) codes = NULL;

  /* Deqing county, then one of its townships: the township narrows it. */
  g_assert_true (xf_filter_chip_set_code_active (region, "330521", TRUE));
  codes = xf_filter_chip_dup_codes (region);
  g_assert_cmpstrv (codes, ((const char *[]) { "330521", NULL }));
  g_clear_pointer (&codes, g_strfreev);

  g_assert_true (xf_filter_chip_set_code_active (region, "330521002", TRUE));
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (xf_test_find_widget (GTK_WIDGET (region), GTK_TYPE_MENU_BUTTON, NULL));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

    gtk_menu_button_popup (button);
    gtk_test_widget_wait_for_draw (popover);
    xf_test_iterate (300);
    g_assert_true (xf_test_screenshot (popover, "region-popover"));
    g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "region-chip"));
    gtk_menu_button_popdown (button);
  }
  codes = xf_filter_chip_dup_codes (region);
  g_assert_cmpstrv (codes, ((const char *[]) { "330521002", NULL }));
  g_clear_pointer (&codes, g_strfreev);
  g_assert_cmpint (g_list_model_get_n_items (fixture->model), ==, core_count (fixture));

  /* Unchecking the county drops its townships too. */
  g_assert_true (xf_filter_chip_set_code_active (region, "330521", FALSE));
  g_assert_null (xf_filter_chip_dup_codes (region));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, fixture->total);
}

static void
test_archived (Fixture       *fixture,
               gconstpointer  data)
{
  XfFilterBar *bar = XF_FILTER_BAR (page_child (fixture, "filter_bar"));
  const XfRegistryQuery *query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));

  g_assert_cmpstrv (xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_STATUS),
                    ((const char *[]) { "active", NULL }));
  gtk_toggle_button_set_active (xf_filter_bar_get_archived_button (bar), TRUE);
  query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  g_assert_null (xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_STATUS));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), >=, fixture->total);
  g_assert_cmpint (g_list_model_get_n_items (fixture->model), ==, core_count (fixture));
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (fixture, "column_view"));
  g_autofree char *ascending = first_name (fixture);
  g_autofree char *descending = NULL;
  const XfRegistryQuery *query;
  g_autoptr(XfPioneer) first = NULL;
  g_autoptr(XfPioneer) last = NULL;
  XfRegistrySort sort;
  gboolean desc;

  query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  g_assert_cmpint (xf_registry_query_get_sort (query, &desc), ==, XF_REGISTRY_SORT_NAME);
  g_assert_false (desc);

  /* What a second click on the Name header does. */
  gtk_column_view_sort_by_column (view, xf_registry_columns_get_column (view, XF_REGISTRY_SORT_NAME),
                                  GTK_SORT_DESCENDING);
  query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  g_assert_cmpint (xf_registry_query_get_sort (query, &desc), ==, XF_REGISTRY_SORT_NAME);
  g_assert_true (desc);
  descending = first_name (fixture);
  g_assert_cmpstr (descending, !=, ascending);

  /* Honours, most first. */
  gtk_column_view_sort_by_column (view, xf_registry_columns_get_column (view, XF_REGISTRY_SORT_HONOURS),
                                  GTK_SORT_DESCENDING);
  g_assert_true (xf_registry_columns_get_sort (view, &sort, &desc));
  g_assert_cmpint (sort, ==, XF_REGISTRY_SORT_HONOURS);
  g_assert_true (desc);
  query = xf_registry_list_get_query (XF_REGISTRY_LIST (fixture->model));
  g_assert_cmpint (xf_registry_query_get_sort (query, NULL), ==, XF_REGISTRY_SORT_HONOURS);
  first = g_list_model_get_item (fixture->model, 0);
  last = g_list_model_get_item (fixture->model, g_list_model_get_n_items (fixture->model) - 1);
  g_assert_cmpint (xf_pioneer_get_honours_count (first), >=, xf_pioneer_get_honours_count (last));
  g_assert_cmpint (xf_pioneer_get_honours_count (first), >, 0);

  xf_test_iterate (100);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-sorted"));
}

static void
test_open_profile (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (fixture, "column_view"));
  g_autoptr(XfPioneer) second = g_list_model_get_item (fixture->model, 1);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);

  /* Enter or a double click on the second row. */
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, xf_pioneer_get_id (second));
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  g_assert_false (gtk_selection_model_is_selected (selection, 0));

  /* A click selects; the selection follows the pioneer, not the row. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_false (gtk_selection_model_is_selected (selection, 1));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));

  {
    g_autoptr(XfPioneer) first = g_list_model_get_item (fixture->model, 0);
    GtkWidget *profile = xf_registry_page_get_profile (fixture->page);

    g_assert_nonnull (profile);
    g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==,
                     xf_pioneer_get_id (first));
    g_assert_true (xf_test_wait_until (xf_test_is_mapped, profile, 5000));

    /* A file opened from within the profile is highlighted in the list. */
    {
      g_autoptr(XfPioneer) fifth = g_list_model_get_item (fixture->model, 4);

      xf_profile_page_set_pioneer_id (XF_PROFILE_PAGE (profile), xf_pioneer_get_id (fifth));
      g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, xf_pioneer_get_id (fifth));
      g_assert_true (gtk_selection_model_is_selected (selection, 4));
      xf_registry_page_open_pioneer (fixture->page, xf_pioneer_get_id (first));
    }
  }

  xf_test_iterate (200);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-profile"));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *new_button = page_child (fixture, "new_button");

  g_assert_false (xf_registry_page_get_read_only (fixture->page));
  g_assert_true (gtk_widget_get_sensitive (new_button));

  /* A read-only database offers no new files, by menu or by shortcut. */
  xf_registry_page_set_read_only (fixture->page, TRUE);
  g_assert_false (gtk_widget_get_sensitive (new_button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-individual", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-collective", NULL);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  /* Searching still works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.search", NULL));

  /* The files it opens cannot be changed either, and say why. */
  {
    g_autoptr(XfPioneer) first = g_list_model_get_item (fixture->model, 0);
    GtkWidget *profile = xf_registry_page_get_profile (fixture->page);
    GtkWidget *edit_button = xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "edit_button");

    g_assert_true (xf_profile_page_get_read_only (XF_PROFILE_PAGE (profile)));
    xf_registry_page_open_pioneer (fixture->page, xf_pioneer_get_id (first));
    xf_test_iterate (100);
    g_assert_false (gtk_widget_get_sensitive (edit_button));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (edit_button), ==, "The database is open read-only: this file cannot be changed.");
    g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-read-only"));
  }

  xf_registry_page_set_read_only (fixture->page, FALSE);
  g_assert_true (gtk_widget_get_sensitive (new_button));
  g_assert_false (xf_profile_page_get_read_only (XF_PROFILE_PAGE (xf_registry_page_get_profile (fixture->page))));
}

static void
test_new_pioneer (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-collective", NULL));
  g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, 0);
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "details_stack"))),
                   ==, "profile");
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  xf_test_iterate (100);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-new-collective"));

  /* The editor's header, at the window's end, has the window's buttons. */
  {
    GtkWidget *editor = xf_test_find_widget (profile, XF_TYPE_PIONEER_EDITOR, NULL);
    GtkWidget *header = xf_test_template_child (editor, XF_TYPE_PIONEER_EDITOR, "header_bar");

    g_assert_true (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (header)));
    g_assert_false (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (page_child (fixture,
                                                                                         "list_header"))));
  }
}

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), width, height);
  xf_test_iterate (300);
  /* The default size counts the client-side shadow too. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (fixture->ui.window)) - width), <=, 20);
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (page_child (fixture, "column_view")));
}

static gboolean
details_hidden (gpointer data)
{
  return !gtk_widget_get_visible (page_child (data, "details_pane"));
}

static void
test_narrow_navigation (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);

  resize (fixture, 480, 700);
  /* No file open: the list alone, nothing to fold. */
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  /* The narrow list keeps the columns that tell pioneers apart. */
  g_assert_false (gtk_column_view_column_get_visible (
    xf_registry_columns_get_column (GTK_COLUMN_VIEW (page_child (fixture, "column_view")),
                                    XF_REGISTRY_SORT_REGION)));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-narrow-list"));

  /* A tap opens the file over the list… */
  gtk_selection_model_select_item (selection (fixture), 2, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "details_pane"));
  xf_test_iterate (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "registry-narrow-profile"));

  /* …and its back button (or Escape) returns to the list. */
  g_signal_emit_by_name (profile, "closed");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "list_pane"));
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 2));
  g_assert_true (xf_test_wait_until (details_hidden, fixture, 2000));

  /* The same row again reopens its file. */
  gtk_selection_model_select_item (selection (fixture), 2, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "details_pane"));
  g_signal_emit_by_name (profile, "closed");

  gtk_selection_model_select_item (selection (fixture), 3, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "details_pane"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.back", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "list_pane"));
  g_assert_true (xf_test_wait_until (details_hidden, fixture, 2000));
  xf_test_iterate (100);
  g_assert_false (adw_leaflet_get_folded (leaflet));
}

/* Every chip and the archived toggle lie inside the window, on screen. */
static void
assert_chips_reachable (Fixture *fixture)
{
  XfFilterBar *bar = XF_FILTER_BAR (page_child (fixture, "filter_bar"));
  int window_width = gtk_widget_get_width (GTK_WIDGET (fixture->ui.window));
  GtkWidget *widgets[XF_REGISTRY_N_FILTERS + 1] = { NULL };
  guint n = 0;

  for (guint f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    if (xf_filter_bar_get_chip (bar, f) != NULL)
      widgets[n++] = GTK_WIDGET (xf_filter_bar_get_chip (bar, f));
  widgets[n++] = GTK_WIDGET (xf_filter_bar_get_archived_button (bar));
  g_assert_cmpuint (n, ==, 9);

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (widgets[i]));
      g_assert_true (gtk_widget_compute_bounds (widgets[i], GTK_WIDGET (fixture->ui.window), &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 20);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);
    }
}

static int
width_of (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_width (page_child (fixture, name));
}

static void
test_layout_wide (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));
  GtkWidget *column_view = page_child (fixture, "column_view");
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (column_view));
  AdwHeaderBar *list_header = ADW_HEADER_BAR (page_child (fixture, "list_header"));
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);
  GtkWidget *focus;


  /* No file open: the list has the whole page and every column fits. */
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  g_assert_cmpint (width_of (fixture, "list_pane"), ==, gtk_widget_get_width (GTK_WIDGET (fixture->page)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));
  for (XfRegistrySort sort = XF_REGISTRY_SORT_NAME; sort <= XF_REGISTRY_SORT_HONOURS; sort++)
    g_assert_true (gtk_column_view_column_get_visible (
      xf_registry_columns_get_column (GTK_COLUMN_VIEW (column_view), sort)));
  g_assert_true (adw_header_bar_get_show_end_title_buttons (list_header));
  assert_chips_reachable (fixture);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-1280-list"));

  /* A file opens beside the list at a fixed width; the list keeps the rest. */
  gtk_widget_grab_focus (column_view);
  gtk_selection_model_select_item (selection (fixture), 1, TRUE);
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, profile, 5000));
  xf_test_iterate (200);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (width_of (fixture, "details_pane"), ==, 480);
  g_assert_cmpint (width_of (fixture, "list_pane") + width_of (fixture, "separator") + 480, ==,
                   gtk_widget_get_width (GTK_WIDGET (fixture->page)));
  g_assert_false (adw_header_bar_get_show_end_title_buttons (list_header));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-1280-file"));

  /* Closing it gives the width back, and the focus to the list. */
  gtk_widget_grab_focus (xf_test_find_widget (profile, GTK_TYPE_BUTTON, NULL));
  g_assert_true (gtk_widget_activate_action (profile, "profile.close", NULL));
  xf_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  g_assert_cmpint (width_of (fixture, "list_pane"), ==, gtk_widget_get_width (GTK_WIDGET (fixture->page)));
  g_assert_true (adw_header_bar_get_show_end_title_buttons (list_header));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->ui.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, column_view));

  /* Escape closes it too. */
  gtk_selection_model_select_item (selection (fixture), 3, TRUE);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "details_pane")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.back", NULL));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "details_pane")));
}

static gboolean
details_at_rest_width (gpointer data)
{
  return width_of (data, "details_pane") == 480;
}

static void
test_layout_800 (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (page_child (fixture, "leaflet"));
  gint64 start;
  int first;

  resize (fixture, 800, 600);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (width_of (fixture, "list_pane"), ==, gtk_widget_get_width (GTK_WIDGET (fixture->page)));
  assert_chips_reachable (fixture);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-800-list"));

  /* Too narrow for both: the file slides over the list. */
  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, xf_registry_page_get_profile (fixture->page),
                                     5000));
  xf_test_iterate (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (fixture, "details_pane"));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-800-file"));

  /* Widened, both show side by side: once the leaflet's unfold animation
   * (mode-transition-duration, 250 ms of frame-clock time) has ended. Until
   * then the pane shrinks frame by frame from the page's width towards 480,
   * and a fixed wait read 484 to 1069 on a loaded machine. */
  resize (fixture, 1280, 800);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  start = g_get_monotonic_time ();
  first = width_of (fixture, "details_pane");
  xf_test_wait_until (details_at_rest_width, fixture, 5000);
  g_test_message ("details pane %d px after the resize, %d px %" G_GINT64_FORMAT " ms later",
                  first, width_of (fixture, "details_pane"), (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (width_of (fixture, "details_pane"), ==, 480);
}

static void
test_layout_360 (Fixture       *fixture,
                 gconstpointer  data)
{
  resize (fixture, 360, 700);
  assert_chips_reachable (fixture);
  g_assert_false (gtk_column_view_column_get_visible (
    xf_registry_columns_get_column (GTK_COLUMN_VIEW (page_child (fixture, "column_view")),
                                    XF_REGISTRY_SORT_HONOURS)));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-360-list"));

  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  xf_test_iterate (400);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->ui.window), "layout-360-file"));
}

/*
 * Unsaved edits are not dropped without asking
 */

static AdwMessageDialog *
find_discard_dialog (void)
{
  /* Dialogs may appear a main-loop turn after the action. */
  xf_test_iterate (20);
  return xf_test_find_message_dialog ("Discard changes?");
}

/* As a click on a button does: answer, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static XfPioneerEditor *
shown_editor (Fixture *fixture)
{
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);
  GtkStack *stack = GTK_STACK (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "stack"));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "editor") != 0)
    return NULL;
  return XF_PIONEER_EDITOR (gtk_stack_get_visible_child (stack));
}

static void
type_name (XfPioneerEditor *editor,
           const char      *name)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "name")), name);
}

static void
test_discard_new_file (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);
  g_autoptr(XfPioneer) first = g_list_model_get_item (fixture->model, 0);
  XfPioneerEditor *editor;
  AdwMessageDialog *dialog;

  /* Only opened: nothing to lose, so Ctrl+Shift+N just starts the other kind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-individual", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-collective", NULL));
  g_assert_null (find_discard_dialog ());
  editor = shown_editor (fixture);
  g_assert_nonnull (editor);
  g_assert_true (xf_pioneer_is_collective (xf_pioneer_editor_get_pioneer (editor)));

  /* Typed into: a new file asks first, and Keep editing keeps it all. */
  type_name (editor, "德清县新市镇志愿服务队");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-individual", NULL));
  dialog = find_discard_dialog ();
  g_assert_nonnull (dialog);
  xf_test_iterate (100);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (dialog), "registry-discard-dialog"));
  respond (dialog, "cancel");
  g_assert_true (shown_editor (fixture) == editor);
  g_assert_true (xf_pioneer_is_collective (xf_pioneer_editor_get_pioneer (editor)));
  g_assert_cmpstr (xf_pioneer_get_name (xf_pioneer_editor_get_pioneer (editor)), ==, "德清县新市镇志愿服务队");
  g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, 0);

  /* Opening another file asks too; Discard opens it. */
  xf_registry_page_open_pioneer (fixture->page, xf_pioneer_get_id (first));
  dialog = find_discard_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (shown_editor (fixture) == editor);
  respond (dialog, "discard");
  g_assert_null (shown_editor (fixture));
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, xf_pioneer_get_id (first));
  g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, xf_pioneer_get_id (first));
}

static void
test_discard_edited_file (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *profile = xf_registry_page_get_profile (fixture->page);
  g_autoptr(XfPioneer) first = g_list_model_get_item (fixture->model, 0);
  g_autoptr(XfPioneer) fourth = g_list_model_get_item (fixture->model, 3);
  gint64 first_id = xf_pioneer_get_id (first);
  XfPioneerEditor *editor;
  AdwMessageDialog *dialog;

  xf_registry_page_open_pioneer (fixture->page, first_id);
  g_assert_true (gtk_widget_activate_action (profile, "profile.edit", NULL));
  editor = shown_editor (fixture);
  g_assert_nonnull (editor);
  type_name (editor, "改过的名字");

  /* A click on another row asks; Keep editing leaves the edited file highlighted. */
  gtk_selection_model_select_item (selection (fixture), 3, TRUE);
  dialog = find_discard_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_true (shown_editor (fixture) == editor);
  g_assert_cmpint (xf_registry_page_get_selected_id (fixture->page), ==, first_id);
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, first_id);

  /* So does Escape from the list, which would close the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.back", NULL));
  dialog = find_discard_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_true (shown_editor (fixture) == editor);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "details_pane")));

  /* Ctrl+N asks as well; Discard starts the new file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.new-individual", NULL));
  dialog = find_discard_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  editor = shown_editor (fixture);
  g_assert_nonnull (editor);
  g_assert_cmpint (xf_pioneer_get_id (xf_pioneer_editor_get_pioneer (editor)), ==, 0);

  /* Nothing typed into the new file: another row opens at once. */
  xf_registry_page_open_pioneer (fixture->page, xf_pioneer_get_id (fourth));
  g_assert_null (find_discard_dialog ());
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, xf_pioneer_get_id (fourth));

  /* The edits were never saved. */
  {
    g_autoptr(XfPioneer) stored = xf_registry_get_pioneer (xf_application_get_registry (fixture->ui.app),
                                                           first_id, NULL);

    g_assert_cmpstr (xf_pioneer_get_name (stored), ==, xf_pioneer_get_name (first));
  }
}


int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/registry/search-chinese", test_search_chinese);
  ADD ("/ui/registry/no-matches", test_no_matches);
  ADD ("/ui/registry/filter-chip", test_filter_chip);
  ADD ("/ui/registry/region-townships", test_region_townships);
  ADD ("/ui/registry/archived", test_archived);
  ADD ("/ui/registry/sort", test_sort);
  ADD ("/ui/registry/open-profile", test_open_profile);
  ADD ("/ui/registry/read-only", test_read_only);
  ADD ("/ui/registry/new-pioneer", test_new_pioneer);
  ADD ("/ui/registry/narrow-navigation", test_narrow_navigation);
  ADD ("/ui/registry/layout-wide", test_layout_wide);
  ADD ("/ui/registry/layout-800", test_layout_800);
  ADD ("/ui/registry/layout-360", test_layout_360);
  ADD ("/ui/registry/discard-new-file", test_discard_new_file);
  ADD ("/ui/registry/discard-edited-file", test_discard_edited_file);
#undef ADD

  return g_test_run ();
}
