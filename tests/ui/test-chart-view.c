/* test-chart-view.c — the chart widget: the chart set, the keyboard focus
 * and what it announces, tooltips, the table, export and the empty state
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-chart-view.h"
#include "xf-error.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

typedef struct
{
  GtkWindow   *window;
  XfChartView *view;
  char        *dir;
} Fixture;

/* Three industries, individuals and collectives. */
static XfChart *
make_chart (XfChartKind kind)
{
  static const double individuals[] = { 12, 30, 7 };
  static const double collectives[] = { 3, 5, 1 };
  XfChart *chart = xf_chart_new (kind, "Pioneers by industry");

  xf_chart_add_category (chart, "A — Agriculture");
  xf_chart_add_category (chart, "C — Manufacturing");
  xf_chart_add_category (chart, "P — Education");
  xf_chart_add_series (chart, "Individuals", individuals, G_N_ELEMENTS (individuals));
  xf_chart_add_series (chart, "Collectives", collectives, G_N_ELEMENTS (collectives));
  return chart;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("xf-chart-view-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->view = XF_CHART_VIEW (xf_chart_view_new ());
  xf_chart_view_set_chart (fixture->view, make_chart (XF_CHART_BAR));
  fixture->window = xf_test_show_in_window (GTK_WIDGET (fixture->view), 720, 480);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  xf_test_iterate (20);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = xf_test_find_named (GTK_WIDGET (fixture->view), "chart_stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
assert_accessible (GtkWidget                *widget,
                   GtkAccessibleProperty     property,
                   const char               *expected)
{
  g_autofree char *error = NULL;

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, expected);
  if (error != NULL)
    g_error ("accessible property: %s", error);
}

/*
 * Tests
 */

static void
test_set_chart (Fixture       *fixture,
                gconstpointer  data)
{
  const XfChart *chart = xf_chart_view_get_chart (fixture->view);
  GtkWidget *canvas = xf_chart_view_get_canvas (fixture->view);
  g_autofree char *description = NULL;

  g_assert_nonnull (chart);
  g_assert_cmpuint (xf_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
  g_assert_false (xf_chart_view_get_show_table (fixture->view));
  g_assert_true (gtk_widget_get_mapped (canvas));
  g_assert_true (gtk_widget_get_focusable (canvas));
  g_assert_cmpint (gtk_widget_get_width (canvas), >, 100);

  /* The whole chart is described for assistive technologies. */
  description = xf_chart_describe (chart);
  assert_accessible (canvas, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  assert_accessible (canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, "Pioneers by industry");
  g_assert_false (xf_chart_view_get_focused_item (fixture->view, NULL, NULL));
}

static void
assert_focused (Fixture *fixture,
                guint    series,
                guint    category)
{
  GtkWidget *canvas = xf_chart_view_get_canvas (fixture->view);
  g_autofree char *label = NULL;
  guint s = G_MAXUINT, c = G_MAXUINT;

  g_assert_true (xf_chart_view_get_focused_item (fixture->view, &s, &c));
  g_assert_cmpuint (s, ==, series);
  g_assert_cmpuint (c, ==, category);
  label = xf_chart_describe_item (xf_chart_view_get_chart (fixture->view), series, category);
  g_assert_nonnull (label);
  assert_accessible (canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

/* The arrow keys are bound to these actions on the canvas. */
static void
press (Fixture    *fixture,
       const char *action)
{
  g_assert_true (gtk_widget_activate_action (xf_chart_view_get_canvas (fixture->view), action, NULL));
  xf_test_iterate (10);
}

/* The action the canvas binds to @key, from its shortcut controllers. */
static char *
action_for_key (GtkWidget  *canvas,
                const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, key) == 0 && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *canvas = xf_chart_view_get_canvas (fixture->view);
  static const char *const keys[][2] = {
    { "Right", "chart.focus-next" }, { "Left", "chart.focus-previous" },
    { "Down", "chart.focus-series-next" }, { "Up", "chart.focus-series-previous" },
    { "Home", "chart.focus-first" }, { "End", "chart.focus-last" },
  };

  /* The keys are bound to the actions pressed below. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *action = action_for_key (canvas, keys[i][0]);

      g_assert_cmpstr (action, ==, keys[i][1]);
    }

  g_assert_true (gtk_widget_grab_focus (canvas));
  g_assert_true (gtk_widget_has_focus (canvas));

  press (fixture, "chart.focus-next");          /* Right: the first item */
  assert_focused (fixture, 0, 0);
  press (fixture, "chart.focus-next");
  assert_focused (fixture, 0, 1);
  press (fixture, "chart.focus-series-next");   /* Down: the next series */
  assert_focused (fixture, 1, 1);
  press (fixture, "chart.focus-next");
  press (fixture, "chart.focus-next");          /* wraps */
  assert_focused (fixture, 1, 0);
  press (fixture, "chart.focus-previous");      /* Left wraps back */
  assert_focused (fixture, 1, 2);
  press (fixture, "chart.focus-first");         /* Home */
  assert_focused (fixture, 1, 0);
  press (fixture, "chart.focus-series-previous");
  assert_focused (fixture, 0, 0);
  press (fixture, "chart.focus-last");          /* End */
  assert_focused (fixture, 0, 2);

  /* A donut's items are the first series' slices only. */
  xf_chart_view_set_chart (fixture->view, make_chart (XF_CHART_DONUT));
  g_assert_false (xf_chart_view_get_focused_item (fixture->view, NULL, NULL));
  press (fixture, "chart.focus-series-next");
  assert_focused (fixture, 0, 0);
  press (fixture, "chart.focus-series-next");
  assert_focused (fixture, 0, 0);
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  const XfChart *chart = xf_chart_view_get_chart (fixture->view);
  GtkWidget *canvas = xf_chart_view_get_canvas (fixture->view);
  int width = gtk_widget_get_width (canvas);
  int height = gtk_widget_get_height (canvas);
  gboolean seen[2][3] = { { FALSE } };
  guint n_seen = 0;

  g_assert_true (gtk_widget_get_has_tooltip (canvas));
  /* Over every item somewhere: the tooltip is that item's description. */
  for (int y = 0; y < height; y += 4)
    for (int x = 0; x < width; x += 4)
      {
        guint series, category;
        g_autofree char *text = xf_chart_view_describe_at (fixture->view, x, y);

        if (!xf_chart_hit_test (chart, width, height, x, y, &series, &category))
          {
            g_assert_null (text);
            continue;
          }
        {
          g_autofree char *expected = xf_chart_describe_item (chart, series, category);

          g_assert_cmpstr (text, ==, expected);
        }
        if (!seen[series][category])
          n_seen++;
        seen[series][category] = TRUE;
      }
  g_assert_cmpuint (n_seen, ==, 6);
  /* The top left corner holds the title, no item. */
  g_assert_null (xf_chart_view_describe_at (fixture->view, 1, 1));
}

static guint
table_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *column_view;
  GListModel *columns;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.show-table", NULL);
  xf_test_iterate (50);
  g_assert_true (xf_chart_view_get_show_table (fixture->view));
  g_assert_cmpstr (visible_page (fixture), ==, "table");

  column_view = xf_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  g_assert_true (gtk_widget_get_mapped (column_view));
  g_assert_cmpuint (table_rows (GTK_COLUMN_VIEW (column_view)), ==, 3);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);
  /* The rows show on screen: the cells hold the categories and values. */
  g_assert_nonnull (xf_test_find_widget (column_view, GTK_TYPE_LABEL, "C — Manufacturing"));
  g_assert_nonnull (xf_test_find_widget (column_view, GTK_TYPE_LABEL, "30"));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "chart-view-table"));

  /* Sorted by the individuals, descending: manufacturing first. */
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);
    GtkSortListModel *sorted;
    GObject *first, *last;

    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column, GTK_SORT_DESCENDING);
    xf_test_iterate (50);
    sorted = GTK_SORT_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))));
    first = g_list_model_get_item (G_LIST_MODEL (sorted), 0);
    g_assert_nonnull (first);
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column, GTK_SORT_ASCENDING);
    xf_test_iterate (50);
    last = g_list_model_get_item (G_LIST_MODEL (sorted), 2);
    g_assert_true (last == first);
    g_object_unref (first);
    g_object_unref (last);
  }

  xf_chart_view_set_show_table (fixture->view, FALSE);
  xf_test_iterate (20);
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "chart.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "chart.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (xf_chart_view_export (fixture->view, png, &error));
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_clear_pointer (&contents, g_free);

  g_assert_true (xf_chart_view_export (fixture->view, csv, &error));
  g_assert_no_error (error);
  contents = read_file (csv, &length);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (contents, "C — Manufacturing"));
  g_assert_nonnull (strstr (contents, "30"));
  g_assert_nonnull (strstr (contents, "\r\n"));

  g_assert_false (xf_chart_view_export (fixture->view, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Nothing to export without a chart. */
  xf_chart_view_set_chart (fixture->view, NULL);
  g_clear_pointer (&png, g_free);
  png = g_build_filename (fixture->dir, "none.png", NULL);
  g_assert_false (xf_chart_view_export (fixture->view, png, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  xf_chart_view_set_chart (fixture->view, NULL);
  xf_test_iterate (20);
  g_assert_null (xf_chart_view_get_chart (fixture->view));
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  assert_accessible (xf_chart_view_get_canvas (fixture->view), GTK_ACCESSIBLE_PROPERTY_LABEL, "No figures");

  /* A chart without categories is empty too. */
  xf_chart_view_set_chart (fixture->view, xf_chart_new (XF_CHART_BAR, "Nothing"));
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  xf_chart_view_set_chart (fixture->view, make_chart (XF_CHART_LINE));
  g_assert_cmpstr (visible_page (fixture), ==, "chart");
}

static void
test_compact (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *toggle = xf_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON, NULL);

  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_is_visible (toggle));
  xf_chart_view_set_compact (fixture->view, TRUE);
  xf_test_iterate (20);
  g_assert_false (gtk_widget_is_visible (toggle));
  g_assert_true (gtk_widget_get_mapped (xf_chart_view_get_canvas (fixture->view)));
  xf_chart_view_set_compact (fixture->view, FALSE);
  g_assert_true (gtk_widget_is_visible (toggle));
}

/* The dark style draws too (and the view follows the change). */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xf_test_iterate (50);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "chart-view-dark"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  xf_test_iterate (50);
  g_assert_true (xf_test_screenshot (GTK_WIDGET (fixture->window), "chart-view"));
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are checked on GTK's test context. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/ui/chart-view/set-chart", Fixture, NULL, fixture_set_up, test_set_chart, fixture_tear_down);
  g_test_add ("/ui/chart-view/keyboard-focus", Fixture, NULL, fixture_set_up, test_keyboard_focus, fixture_tear_down);
  g_test_add ("/ui/chart-view/tooltip", Fixture, NULL, fixture_set_up, test_tooltip, fixture_tear_down);
  g_test_add ("/ui/chart-view/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/ui/chart-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/ui/chart-view/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/chart-view/compact", Fixture, NULL, fixture_set_up, test_compact, fixture_tear_down);
  g_test_add ("/ui/chart-view/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);

  return g_test_run ();
}
