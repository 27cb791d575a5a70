/* test-statistics-page.c — the Statistics page on a demo database: the
 * charts show what core counts, filters and whose files, the weak regions
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "statistics" (industry split by
 * gender) and "weak-regions", with "-zh_CN" for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-chart-view.h"
#include "xf-statistics-page.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"
#include "xf-window.h"

#define TODAY "2026-03-09"

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  g_object_unref (xf_test_make_demo_db (fixture->dir, "statistics.db", 160, 12, &fixture->path));
  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, NULL, "statistics");
  g_assert_true (XF_IS_STATISTICS_PAGE (fixture->page));
  xf_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_page (ADW_TYPE_MESSAGE_DIALOG, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

/*
 * Helpers
 */

static XfStatisticsPage *
page_of (Fixture *fixture)
{
  return XF_STATISTICS_PAGE (fixture->page);
}

static GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = xf_test_find_named (fixture->page, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
select_row (Fixture    *fixture,
            const char *name,
            guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (fixture, name)), position);
  xf_test_iterate (20);
}

/* The position of @label in a combo row's list. */
static guint
position_of (Fixture    *fixture,
             const char *name,
             const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (named (fixture, name)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return i;
    }
  g_error ("%s does not list %s", name, label);
  return 0;
}

/* What core counts, asked directly. */
static XfStatsTable *
core_count (Fixture          *fixture,
            XfStatsDimension  rows_by,
            XfStatsDimension  columns_by,
            XfStatsQuery     *query)
{
  g_autoptr(GError) error = NULL;
  XfStatsTable *table;

  table = xf_stats_count (xf_statistics_page_get_stats (page_of (fixture)), rows_by, columns_by, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The chart on screen shows exactly @expected: a category per row, a
 * series per column, the counts as values. */
static void
assert_chart_shows (Fixture            *fixture,
                    const XfStatsTable *expected)
{
  XfChartView *view = XF_CHART_VIEW (named (fixture, "counts_chart"));
  const XfChart *chart = xf_chart_view_get_chart (view);
  guint n_rows = xf_stats_table_n_rows (expected);
  guint n_columns = xf_stats_table_n_columns (expected);

  if (expected->total == 0)
    {
      g_assert_null (chart);
      return;
    }
  g_assert_nonnull (chart);
  g_assert_cmpuint (xf_chart_get_n_categories (chart), ==, n_rows);
  g_assert_cmpuint (xf_chart_get_n_series (chart), ==, n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert_cmpstr (xf_chart_get_category (chart, r), ==, g_ptr_array_index (expected->row_labels, r));
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpfloat (xf_chart_get_value (chart, c, r), ==, (double) xf_stats_table_get (expected, r, c));
    }
}

static void
assert_tables_equal (const XfStatsTable *a,
                     const XfStatsTable *b)
{
  g_assert_nonnull (a);
  g_assert_cmpint (a->rows_by, ==, b->rows_by);
  g_assert_cmpint (a->columns_by, ==, b->columns_by);
  g_assert_cmpuint (xf_stats_table_n_rows (a), ==, xf_stats_table_n_rows (b));
  g_assert_cmpuint (xf_stats_table_n_columns (a), ==, xf_stats_table_n_columns (b));
  g_assert_cmpint (a->total, ==, b->total);
  for (guint r = 0; r < xf_stats_table_n_rows (a); r++)
    {
      g_assert_cmpstr (g_ptr_array_index (a->row_keys, r), ==, g_ptr_array_index (b->row_keys, r));
      for (guint c = 0; c < xf_stats_table_n_columns (a); c++)
        g_assert_cmpint (xf_stats_table_get (a, r, c), ==, xf_stats_table_get (b, r, c));
    }
}

/*
 * Tests
 */

/* Each dimension alone: the chart is core's count. */
static void
test_dimensions (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 total = -1;

  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    {
      g_autoptr(XfStatsTable) expected = NULL;

      select_row (fixture, "dimension_row", d);
      expected = core_count (fixture, d, XF_STATS_NONE, NULL);
      assert_tables_equal (xf_statistics_page_get_table (page_of (fixture)), expected);
      assert_chart_shows (fixture, expected);
      /* Every file counts once, whatever the dimension. */
      if (total < 0)
        total = expected->total;
      g_assert_cmpint (expected->total, ==, total);
      g_assert_cmpint (total, >, 150);
    }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (fixture, "total_label"))), !=, "");
  /* The total shows in the chart's header. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (fixture, "chart_caption"))), ==,
                   gtk_label_get_text (GTK_LABEL (named (fixture, "total_label"))));
  g_assert_true (gtk_widget_get_mapped (named (fixture, "chart_caption")));
}

/* Industry split by gender: a cross-tab, drawn as stacked bars. */
static void
test_split (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfStatsTable) expected = NULL;
  const XfChart *chart;

  select_row (fixture, "dimension_row", XF_STATS_INDUSTRY);
  select_row (fixture, "split_row", 1 + XF_STATS_GENDER);
  expected = core_count (fixture, XF_STATS_INDUSTRY, XF_STATS_GENDER, NULL);
  assert_tables_equal (xf_statistics_page_get_table (page_of (fixture)), expected);
  assert_chart_shows (fixture, expected);
  chart = xf_chart_view_get_chart (XF_CHART_VIEW (named (fixture, "counts_chart")));
  g_assert_cmpint (xf_chart_get_kind (chart), ==, XF_CHART_STACKED_BAR);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (fixture, "chart_row"))), ==, 1);

  /* A trend line, as asked, and back to one series. */
  select_row (fixture, "chart_row", 3);
  chart = xf_chart_view_get_chart (XF_CHART_VIEW (named (fixture, "counts_chart")));
  g_assert_cmpint (xf_chart_get_kind (chart), ==, XF_CHART_LINE);
  select_row (fixture, "split_row", 0);
  g_assert_cmpint (xf_statistics_page_get_table (page_of (fixture))->columns_by, ==, XF_STATS_NONE);
  g_assert_cmpuint (xf_chart_get_n_series (xf_chart_view_get_chart (XF_CHART_VIEW (named (fixture, "counts_chart")))), ==, 1);

  /* Donut, by tier. */
  select_row (fixture, "dimension_row", XF_STATS_TIER);
  select_row (fixture, "chart_row", 2);
  chart = xf_chart_view_get_chart (XF_CHART_VIEW (named (fixture, "counts_chart")));
  g_assert_cmpint (xf_chart_get_kind (chart), ==, XF_CHART_DONUT);
}

/* Whose files, and a filter from a dimension's list. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  XfStatsQuery query = { 0 };
  g_autoptr(XfStatsTable) all = NULL;
  g_autoptr(XfStatsTable) individuals = NULL;
  g_autoptr(XfStatsTable) women = NULL;
  g_autofree char *female = NULL;

  select_row (fixture, "dimension_row", XF_STATS_INDUSTRY);
  all = core_count (fixture, XF_STATS_INDUSTRY, XF_STATS_NONE, NULL);

  select_row (fixture, "kind_row", 1);
  query.kind = "individual";
  individuals = core_count (fixture, XF_STATS_INDUSTRY, XF_STATS_NONE, &query);
  assert_tables_equal (xf_statistics_page_get_table (page_of (fixture)), individuals);
  assert_chart_shows (fixture, individuals);
  g_assert_cmpint (individuals->total, >, 0);
  g_assert_cmpint (individuals->total, <, all->total);

  /* The gender filter lists the keys an unfiltered count finds. */
  female = xf_stats_key_label (xf_statistics_page_get_stats (page_of (fixture)), XF_STATS_GENDER, "female");
  select_row (fixture, "filter_row_gender", position_of (fixture, "filter_row_gender", female));
  query.filters[XF_STATS_GENDER] = "female";
  women = core_count (fixture, XF_STATS_INDUSTRY, XF_STATS_NONE, &query);
  assert_tables_equal (xf_statistics_page_get_table (page_of (fixture)), women);
  assert_chart_shows (fixture, women);
  g_assert_cmpint (women->total, >, 0);
  g_assert_cmpint (women->total, <, individuals->total);

  /* Back to everyone. */
  select_row (fixture, "filter_row_gender", 0);
  select_row (fixture, "kind_row", 0);
  assert_tables_equal (xf_statistics_page_get_table (page_of (fixture)), all);
}

/* Regions by township. */
static void
test_townships (Fixture       *fixture,
                gconstpointer  data)
{
  XfStatsQuery query = { 0 };
  g_autoptr(XfStatsTable) expected = NULL;
  const XfStatsTable *shown;

  select_row (fixture, "dimension_row", XF_STATS_REGION);
  gtk_switch_set_active (GTK_SWITCH (named (fixture, "township_switch")), TRUE);
  xf_test_iterate (20);
  query.region_level = 9;
  expected = core_count (fixture, XF_STATS_REGION, XF_STATS_NONE, &query);
  shown = xf_statistics_page_get_table (page_of (fixture));
  assert_tables_equal (shown, expected);
  for (guint r = 0; r < xf_stats_table_n_rows (shown); r++)
    {
      const char *key = g_ptr_array_index (shown->row_keys, r);

      g_assert_true (*key == '\0' || strlen (key) == 9);
    }
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
assert_weak_shown (Fixture *fixture,
                   double   threshold)
{
  g_autoptr(XfWeakRegions) expected = NULL;
  g_autoptr(GError) error = NULL;
  XfStatsQuery query = { 0 };
  const XfWeakRegions *shown = xf_statistics_page_get_weak_regions (page_of (fixture));
  const XfChart *chart = xf_chart_view_get_chart (XF_CHART_VIEW (named (fixture, "weak_chart")));
  GtkWidget *list = named (fixture, "weak_list");
  guint n_weak = 0;

  query.region_level = 6;
  expected = xf_stats_weak_regions (xf_statistics_page_get_stats (page_of (fixture)), NULL, threshold, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->regions->len, ==, expected->regions->len);
  g_assert_cmpfloat_with_epsilon (shown->city_per_10k, expected->city_per_10k, 1e-9);
  g_assert_cmpuint (count_rows (list), ==, expected->regions->len);
  g_assert_nonnull (chart);
  g_assert_cmpuint (xf_chart_get_n_categories (chart), ==, expected->regions->len);
  for (guint i = 0; i < expected->regions->len; i++)
    {
      const XfRegionDensity *a = g_ptr_array_index (shown->regions, i);
      const XfRegionDensity *b = g_ptr_array_index (expected->regions, i);

      g_assert_cmpstr (a->region_code, ==, b->region_code);
      g_assert_cmpint (a->weak, ==, b->weak);
      g_assert_cmpstr (xf_chart_get_category (chart, i), ==, b->region_name);
      g_assert_cmpfloat_with_epsilon (xf_chart_get_value (chart, 0, i), b->per_10k, 1e-9);
      g_assert_cmpfloat_with_epsilon (xf_chart_get_value (chart, 1, i), expected->city_per_10k, 1e-9);
      n_weak += b->weak ? 1 : 0;
    }
  /* Weak rows are marked by a style class and an icon, not colour alone. */
  g_assert_cmpuint (xf_test_count_named (list, "weak_region_row"), ==, n_weak);
  if (n_weak > 0)
    {
      GtkWidget *row = xf_test_find_named (list, "weak_region_row");

      g_assert_true (gtk_widget_has_css_class (row, "weak-region"));
      g_assert_nonnull (xf_test_find_widget (row, GTK_TYPE_IMAGE, NULL));
    }
}

static void
test_weak_regions (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (named (fixture, "threshold_spin"));

  xf_statistics_page_show_view (page_of (fixture), "weak-regions");
  xf_test_iterate (50);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 60);
  assert_weak_shown (fixture, 0.6);

  /* Every region below the average is weak at 100%. */
  gtk_spin_button_set_value (spin, 100);
  xf_test_iterate (20);
  assert_weak_shown (fixture, 1.0);
  g_assert_cmpuint (xf_test_count_named (named (fixture, "weak_list"), "weak_region_row"), >, 0);
}

static void
test_export_shortcut (Fixture       *fixture,
                      gconstpointer  data)
{
  XfChartView *chart = XF_CHART_VIEW (named (fixture, "counts_chart"));

  g_assert_false (xf_chart_view_get_show_table (chart));
  g_assert_true (gtk_widget_activate_action (fixture->page, "statistics.show-table", NULL));
  g_assert_true (xf_chart_view_get_show_table (chart));
  g_assert_true (gtk_widget_activate_action (fixture->page, "statistics.weak-regions", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (named (fixture, "view_stack"))), ==,
                   "weak-regions");
  g_assert_true (gtk_widget_activate_action (fixture->page, "statistics.counts", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (named (fixture, "view_stack"))), ==,
                   "counts");
}

static gboolean
total_is (gpointer data)
{
  Fixture *fixture = data;
  const XfStatsTable *table = xf_statistics_page_get_table (page_of (fixture));
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (fixture->page), "expected-total"));

  return table != NULL && table->total == expected;
}

/* A new file counts: the page reads again when the registry changes. */
static void
test_follows_registry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfRegistry) registry = NULL;
  gint64 before;

  select_row (fixture, "dimension_row", XF_STATS_GENDER);
  before = xf_statistics_page_get_table (page_of (fixture))->total;
  g_object_get (fixture->page, "registry", &registry, NULL);
  g_assert_nonnull (registry);
  xf_test_services_add_pioneer_born (registry, "沈晓燕", "330521001", "1990-07-01");
  g_object_set_data (G_OBJECT (fixture->page), "expected-total", GSIZE_TO_POINTER (before + 1));
  g_assert_true (xf_test_wait_until (total_is, fixture, 5000));
  assert_chart_shows (fixture, xf_statistics_page_get_table (page_of (fixture)));
}

/* On a narrow window the controls fold away behind a button. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *button = named (fixture, "controls_button");

  g_assert_false (gtk_widget_get_visible (button));
  /* The page fits the narrowest window the app supports, in both views. */
  g_assert_cmpint (xf_widget_get_min_width (fixture->page), <=, 360);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (named (fixture, "view_stack")), "weak-regions");
  xf_test_iterate (50);
  g_assert_cmpint (xf_widget_get_min_width (fixture->page), <=, 360);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (named (fixture, "view_stack")), "counts");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 700);
  xf_test_iterate (300);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "statistics");
  xf_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_mapped (named (fixture, "dimension_row")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  xf_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (named (fixture, "dimension_row")));
  g_assert_true (gtk_widget_get_mapped (named (fixture, "counts_chart")));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "statistics-narrow");
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  select_row (fixture, "dimension_row", XF_STATS_INDUSTRY);
  select_row (fixture, "split_row", 1 + XF_STATS_GENDER);
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "statistics");

  /* A threshold that finds weak regions in the demo. */
  xf_statistics_page_show_view (page_of (fixture), "weak-regions");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (fixture, "threshold_spin")), 90);
  xf_test_iterate (100);
  g_assert_cmpuint (xf_test_count_named (named (fixture, "weak_list"), "weak_region_row"), >, 0);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "weak-regions");

  if (g_getenv ("XIANFENG_SCREENSHOT_DARK") != NULL)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      xf_test_iterate (100);
      xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "weak-regions-dark");
      xf_statistics_page_show_view (page_of (fixture), "counts");
      xf_test_iterate (100);
      xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "statistics-dark");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/statistics-page/language", xf_test_language);
  g_test_add ("/ui/statistics-page/dimensions", Fixture, NULL, fixture_set_up, test_dimensions, fixture_tear_down);
  g_test_add ("/ui/statistics-page/split", Fixture, NULL, fixture_set_up, test_split, fixture_tear_down);
  g_test_add ("/ui/statistics-page/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/statistics-page/townships", Fixture, NULL, fixture_set_up, test_townships, fixture_tear_down);
  g_test_add ("/ui/statistics-page/weak-regions", Fixture, NULL, fixture_set_up, test_weak_regions,
              fixture_tear_down);
  g_test_add ("/ui/statistics-page/actions", Fixture, NULL, fixture_set_up, test_export_shortcut,
              fixture_tear_down);
  g_test_add ("/ui/statistics-page/follows-registry", Fixture, NULL, fixture_set_up, test_follows_registry,
              fixture_tear_down);
  g_test_add ("/ui/statistics-page/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/statistics-page/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);

  return g_test_run ();
}
