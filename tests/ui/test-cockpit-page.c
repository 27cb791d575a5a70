/* test-cockpit-page.c — the cockpit: the figures core gathers, shown in
 * tiles that open their pages, placeholders first, errors per tile
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "cockpit" (the demo's figures at
 * 1280 × 800) and "cockpit-narrow" (360 px wide), with "-zh_CN" for
 * Chinese.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-cockpit-page.h"
#include "xf-ranking.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"
#include "xf-window.h"

/* A Monday without holidays. */
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
open_page (Fixture *fixture,
           guint    n_pioneers,
           guint    n_collectives)
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  g_object_unref (xf_test_make_demo_db (fixture->dir, "cockpit.db", n_pioneers, n_collectives, &fixture->path));
  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, NULL, "cockpit");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  open_page (fixture, 60, 6);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  open_page (fixture, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_page (G_TYPE_NONE, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

/*
 * Helpers
 */

static XfCockpitPage *
page_of (Fixture *fixture)
{
  return XF_COCKPIT_PAGE (fixture->page);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_COCKPIT_PAGE, name);
}

static const char *
text_of (Fixture    *fixture,
         const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static char *
count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static void
assert_count (Fixture    *fixture,
              const char *name,
              gint64      n)
{
  g_autofree char *expected = count (n);

  g_assert_cmpstr (text_of (fixture, name), ==, expected);
}

static gboolean
gathered_cb (gpointer data)
{
  return xf_cockpit_page_get_figures (page_of (data)) != NULL;
}

static void
wait_for_figures (Fixture *fixture)
{
  g_assert_true (xf_test_wait_until (gathered_cb, fixture, 10000));
}

static XfRegistry *
registry_of (Fixture *fixture)
{
  XfRegistry *registry = NULL;

  g_object_get (fixture->page, "registry", &registry, NULL);
  g_object_unref (registry);   /* the page keeps it */
  return registry;
}

/* What core says now, as the page's actor. */
static XfCockpitFigures *
gather (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XfCockpitFigures *figures = xf_cockpit_gather (registry_of (fixture), &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* Every figure shown is core's. */
static void
assert_figures (Fixture                *fixture,
                const XfCockpitFigures *figures)
{
  g_assert_null (figures->registry_error);
  g_assert_null (figures->evaluation_error);
  g_assert_null (figures->services_error);
  g_assert_null (figures->ranking_error);
  g_assert_null (figures->weak_regions_error);

  assert_count (fixture, "pioneers_total", figures->individuals + figures->collectives);
  /* Five tiers, a name and a count each. */
  g_assert_cmpuint (count_children (child (fixture, "tier_counts")), ==, 10);
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *value = gtk_grid_get_child_at (GTK_GRID (child (fixture, "tier_counts")), 1, i);
      g_autofree char *expected = count (figures->tier_counts[i]);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, expected);
    }
  assert_count (fixture, "nominations_total", figures->nominations_in_progress);
  g_assert_true (g_str_has_prefix (text_of (fixture, "overdue_label"), count (figures->nominations_overdue)));
  g_assert_cmpint (gtk_widget_has_css_class (child (fixture, "overdue_label"), "overdue"), ==,
                   figures->nominations_overdue > 0);
  g_assert_true (g_str_has_prefix (text_of (fixture, "due_soon_label"), count (figures->nominations_due_soon)));

  if (isnan (figures->average_days_to_decision))
    {
      g_assert_cmpstr (text_of (fixture, "decision_line"), ==, _("No decisions yet"));
      g_assert_false (gtk_widget_get_visible (child (fixture, "decision_bar")));
    }
  else
    {
      g_autofree char *figure = g_strdup_printf ("%.1f", figures->average_days_to_decision);
      g_autofree char *promise = g_strdup_printf (_("%.1f of %d working days"),
                                                  figures->average_days_to_decision, figures->promise_days);

      g_assert_cmpstr (text_of (fixture, "decision_figure"), ==, figure);
      g_assert_true (g_str_has_prefix (text_of (fixture, "decision_line"), promise));
      g_assert_true (gtk_widget_get_visible (child (fixture, "decision_bar")));
      g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (child (fixture, "decision_bar"))),
                                      MIN (figures->average_days_to_decision, figures->promise_days), 1e-9);
    }

  assert_count (fixture, "services_ordered", figures->services_ordered);
  assert_count (fixture, "services_claimed", figures->services_claimed);
  assert_count (fixture, "services_done", figures->services_done);
  assert_count (fixture, "services_overdue", figures->services_overdue);
  if (isnan (figures->services_average_rating))
    g_assert_cmpstr (text_of (fixture, "services_rating"), ==, "—");
  else
    {
      g_autofree char *rating = g_strdup_printf ("★ %.1f", figures->services_average_rating);

      g_assert_cmpstr (text_of (fixture, "services_rating"), ==, rating);
    }

  if (figures->ranking_month == NULL || figures->top->len == 0)
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "top_stack"))), ==, "empty");
  else
    {
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "top_stack"))), ==, "list");
      g_assert_cmpuint (xf_test_count_named (child (fixture, "top_list"), "top-entry"), ==, figures->top->len);
    }

  if (figures->weakest == NULL || figures->weakest->len == 0)
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "weak_stack"))), ==, "empty");
  else
    {
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "weak_stack"))), ==, "list");
      g_assert_cmpuint (xf_test_count_named (child (fixture, "weak_list"), "weak-region"), ==,
                        figures->weakest->len);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xf_test_find_named (child (fixture, "weak_list"), "weak-region"))),
                       ==, ((XfRegionDensity *) g_ptr_array_index (figures->weakest, 0))->region_name);
    }

  /* No tile says it failed. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "registry_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "evaluation_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "services_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "ranking_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "weak_error")));
}

/*
 * Tests
 */

/* The demo's figures, as core counts them. */
static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfCockpitFigures) figures = NULL;

  wait_for_figures (fixture);
  figures = gather (fixture);
  /* The demo's pioneers, less the odd archived file. */
  g_assert_cmpint (figures->individuals, >, 50);
  g_assert_cmpint (figures->collectives, >, 0);
  assert_figures (fixture, figures);
  g_assert_false (gtk_widget_has_css_class (child (fixture, "registry_tile"), "loading"));
}

/* The page paints with its placeholders before it gathers. */
typedef struct
{
  XfCockpitPage *page;
  int            gathers_at_first_paint;
} PaintProbe;

static void
after_paint_cb (GdkFrameClock *clock,
                PaintProbe    *probe)
{
  if (probe->gathers_at_first_paint < 0 && gtk_widget_get_mapped (GTK_WIDGET (probe->page)))
    probe->gathers_at_first_paint = (int) xf_cockpit_page_get_n_gathers (probe->page);
}

static gboolean
gathered_once_cb (gpointer data)
{
  return xf_cockpit_page_get_n_gathers (data) >= 1;
}

static void
test_first_paint (Fixture       *fixture,
                  gconstpointer  data)
{
  PaintProbe probe = { NULL, -1 };
  GtkWidget *page = xf_cockpit_page_new (registry_of (fixture));
  GtkWindow *window;
  GdkFrameClock *clock;
  gulong id;

  probe.page = XF_COCKPIT_PAGE (g_object_ref_sink (page));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, page);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  gtk_window_present (window);

  g_assert_true (xf_test_wait_until (gathered_once_cb, page, 10000));
  g_assert_cmpint (probe.gathers_at_first_paint, ==, 0);
  g_assert_nonnull (xf_cockpit_page_get_figures (probe.page));
  /* One gather, however many frames. */
  xf_test_iterate (200);
  g_assert_cmpuint (xf_cockpit_page_get_n_gathers (probe.page), ==, 1);

  g_signal_handler_disconnect (clock, id);
  gtk_window_destroy (window);
  g_object_unref (page);
}

static guint wanted_gathers;

static gboolean
gathers_reached_cb (gpointer data)
{
  return xf_cockpit_page_get_n_gathers (data) >= wanted_gathers;
}

/* Waits (5 s at most, on a loaded machine idles wait behind frames) for
 * gather number @n, then a little more: there must be no other. */
static void
assert_gathers (Fixture *fixture,
                guint    n)
{
  wanted_gathers = n;
  g_assert_true (xf_test_wait_until (gathers_reached_cb, fixture->page, 5000));
  xf_test_iterate (200);
  g_assert_cmpuint (xf_cockpit_page_get_n_gathers (page_of (fixture)), ==, n);
}

static char *expected_total;

static gboolean
total_is_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (text_of (fixture, "pioneers_total"), expected_total) == 0;
}

/* A new pioneer counts at once; writes in a burst gather once. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  const XfCockpitFigures *figures;
  guint before;

  wait_for_figures (fixture);
  figures = xf_cockpit_page_get_figures (page_of (fixture));
  before = xf_cockpit_page_get_n_gathers (page_of (fixture));
  expected_total = count (figures->individuals + figures->collectives + 1);
  xf_test_services_add_pioneer (registry_of (fixture), "王建国", "330521001");
  g_assert_true (xf_test_wait_until (total_is_cb, fixture, 5000));
  g_clear_pointer (&expected_total, g_free);
  g_assert_cmpuint (xf_cockpit_page_get_n_gathers (page_of (fixture)), ==, before + 1);

  /* Three refreshes before the idle: one gather. */
  before = xf_cockpit_page_get_n_gathers (page_of (fixture));
  xf_cockpit_page_refresh (page_of (fixture));
  xf_cockpit_page_refresh (page_of (fixture));
  xf_cockpit_page_refresh (page_of (fixture));
  assert_gathers (fixture, before + 1);

  /* Hidden, it does not gather; shown again, it does. */
  xf_test_show_page (fixture->window, "registry");
  before = xf_cockpit_page_get_n_gathers (page_of (fixture));
  xf_cockpit_page_refresh (page_of (fixture));
  xf_test_iterate (300);
  g_assert_cmpuint (xf_cockpit_page_get_n_gathers (page_of (fixture)), ==, before);
  xf_test_show_page (fixture->window, "cockpit");
  assert_gathers (fixture, before + 1);
}

/* A tile opens its page: a click, or Enter on the focused tile. */
static void
test_tiles_open_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *registry_page = xf_window_get_page (fixture->window, "registry");
  GtkWidget *services_page = xf_window_get_page (fixture->window, "services");
  GtkWidget *evaluation_page = xf_window_get_page (fixture->window, "evaluation");

  wait_for_figures (fixture);
  xf_test_click (child (fixture, "registry_tile"));
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, registry_page, 5000));

  xf_test_show_page (fixture->window, "cockpit");
  xf_test_click (child (fixture, "services_tile"));
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, services_page, 5000));

  /* The month's names open the honour wall, the weakest regions the
   * statistics. */
  for (guint i = 0; i < 2; i++)
    {
      const char *tile = i == 0 ? "top_tile" : "weak_tile";
      GtkWidget *target = xf_window_get_page (fixture->window, i == 0 ? "ranking" : "statistics");

      g_assert_nonnull (target);
      xf_test_show_page (fixture->window, "cockpit");
      xf_test_click (child (fixture, tile));
      g_assert_true (xf_test_wait_until (xf_test_is_mapped, target, 5000));
    }

  /* Keyboard: the tiles are focus stops in reading order, Enter opens. */
  xf_test_show_page (fixture->window, "cockpit");
  gtk_widget_grab_focus (child (fixture, "registry_tile"));
  g_assert_true (gtk_widget_has_focus (child (fixture, "registry_tile")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (child (fixture, "nominations_tile")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (child (fixture, "decision_tile")));
  g_assert_true (gtk_widget_activate (child (fixture, "decision_tile")));
  g_assert_true (xf_test_wait_until (xf_test_is_mapped, evaluation_page, 5000));
}

/* An empty database: zeros and empty states, no failure. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfCockpitFigures) figures = NULL;

  wait_for_figures (fixture);
  figures = gather (fixture);
  g_assert_cmpint (figures->individuals + figures->collectives, ==, 0);
  assert_figures (fixture, figures);
  g_assert_cmpstr (text_of (fixture, "pioneers_total"), ==, "0");
  g_assert_cmpstr (text_of (fixture, "decision_line"), ==, _("No decisions yet"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "top_stack"))), ==, "empty");
  g_assert_false (gtk_widget_has_css_class (child (fixture, "overdue_label"), "overdue"));
}

/* Warnings: overdue nominations in red, due soon in amber, decisions
 * past the promise fill the bar in red, overdue requests in red. */
static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  XfCockpitFigures *figures = g_new0 (XfCockpitFigures, 1);
  GtkLevelBar *bar = GTK_LEVEL_BAR (child (fixture, "decision_bar"));
  g_autofree char *line = NULL;

  wait_for_figures (fixture);
  figures->individuals = 1200;
  figures->collectives = 34;
  figures->tier_counts[0] = 12;
  figures->tier_counts[4] = 1222;
  figures->nominations_in_progress = 41;
  figures->nominations_overdue = 3;
  figures->nominations_due_soon = 0;
  figures->average_days_to_decision = 27.4;
  figures->decisions_counted = 5;
  figures->promise_days = 32;
  figures->services_ordered = 18;
  figures->services_claimed = 15;
  figures->services_done = 9;
  figures->services_average_rating = 4.56;
  figures->services_overdue = 2;
  xf_cockpit_page_set_figures (page_of (fixture), figures);

  assert_count (fixture, "pioneers_total", 1234);
  assert_count (fixture, "nominations_total", 41);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "overdue_label"), "overdue"));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "due_soon_label"), "due-soon"));
  g_assert_cmpstr (text_of (fixture, "decision_figure"), ==, "27.4");
  line = g_strdup_printf (_("%.1f of %d working days"), 27.4, 32);
  g_assert_true (g_str_has_prefix (text_of (fixture, "decision_line"), line));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (bar), 27.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_max_value (bar), 32, 1e-9);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (bar), "over"));
  g_assert_cmpstr (text_of (fixture, "services_rating"), ==, "★ 4.6");
  g_assert_true (gtk_widget_has_css_class (child (fixture, "services_overdue"), "overdue"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "top_stack"))), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "weak_stack"))), ==, "empty");

  /* Past the promise: the bar is full and red. */
  figures = g_new0 (XfCockpitFigures, 1);
  figures->nominations_due_soon = 4;
  figures->average_days_to_decision = 35.25;
  figures->decisions_counted = 1;
  figures->promise_days = 31;
  figures->average_past_promise = TRUE;
  figures->services_average_rating = NAN;
  xf_cockpit_page_set_figures (page_of (fixture), figures);
  g_assert_cmpstr (text_of (fixture, "decision_figure"), ==, "35.2");
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (bar), 31, 1e-9);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (bar), "over"));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "overdue_label"), "overdue"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "due_soon_label"), "due-soon"));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "services_overdue"), "overdue"));
  g_assert_cmpstr (text_of (fixture, "services_rating"), ==, "—");
}

/* A part that failed shows its message in its own tile only. */
static void
test_part_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  XfCockpitFigures *figures;
  guint n;

  wait_for_figures (fixture);
  figures = gather (fixture);
  g_clear_pointer (&figures->services_error, g_free);
  figures->services_error = g_strdup ("Services: the database went away");
  figures->ranking_error = g_strdup ("Rankings: the database went away");
  xf_cockpit_page_set_figures (page_of (fixture), figures);

  g_assert_true (gtk_widget_get_visible (child (fixture, "services_error")));
  g_assert_cmpstr (text_of (fixture, "services_error"), ==, "Services: the database went away");
  g_assert_cmpstr (text_of (fixture, "services_ordered"), ==, "—");
  g_assert_true (gtk_widget_get_visible (child (fixture, "ranking_error")));
  g_assert_cmpstr (text_of (fixture, "ranking_error"), ==, "Rankings: the database went away");
  g_assert_false (gtk_widget_get_visible (child (fixture, "registry_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "evaluation_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "weak_error")));
  assert_count (fixture, "pioneers_total", figures->individuals + figures->collectives);

  /* The next gather puts them back. */
  n = xf_cockpit_page_get_n_gathers (page_of (fixture));
  xf_cockpit_page_refresh (page_of (fixture));
  assert_gathers (fixture, n + 1);
  g_assert_false (gtk_widget_get_visible (child (fixture, "services_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "ranking_error")));
}

/* Something in each tile for the screenshots: requests this month, and
 * last month's Pioneers of the Month from cards viewed and liked. */
static void
set_scene (Fixture *fixture)
{
  XfRegistry *registry = registry_of (fixture);
  g_autoptr(XfServices) services = xf_services_new (registry);
  g_autoptr(XfRanking) ranking = xf_ranking_new (registry);
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) february = g_date_time_new_utc (2026, 2, 10, 2, 0, 0);

  for (guint i = 0; i < 4; i++)
    xf_test_services_add_request (services, 0);
  for (gint64 id = 1; id <= 30; id++)
    for (gint64 j = 0; j < id % 7 + 1; j++)
      {
        g_autofree char *source_id = g_strdup_printf ("scene-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, id, j);
        g_autofree char *visitor = g_strdup_printf ("v-%" G_GINT64_FORMAT, j);
        const char *kind = j % 2 == 0 ? XF_ENGAGEMENT_CARD_VIEWED : XF_ENGAGEMENT_CARD_LIKED;

        if (!xf_ranking_record_event (ranking, id, kind, "wechat", source_id, visitor,
                                      g_date_time_to_unix (february) * G_USEC_PER_SEC + j * 3600 * G_USEC_PER_SEC,
                                      1, &error))
          {
            /* An archived demo file takes no events. */
            g_test_message ("pioneer %" G_GINT64_FORMAT ": %s", id, error->message);
            g_clear_error (&error);
          }
      }
  frozen = xf_ranking_compute (ranking, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (frozen);
}

/* Three columns on the desktop, one at 360 px; the screenshots. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  graphene_point_t first, second;
  GtkWidget *page, *registry_tile, *nominations_tile;
  GtkWindow *window;
  g_autoptr(XfCockpitFigures) figures = NULL;
  guint n;

  wait_for_figures (fixture);
  n = xf_cockpit_page_get_n_gathers (page_of (fixture));
  set_scene (fixture);
  xf_cockpit_page_refresh (page_of (fixture));
  wanted_gathers = n + 1;
  g_assert_true (xf_test_wait_until (gathers_reached_cb, fixture->page, 5000));
  figures = gather (fixture);
  g_assert_cmpint (figures->services_ordered, >=, 4);
  g_assert_cmpstr (figures->ranking_month, ==, "2026-02");
  g_assert_cmpuint (figures->top->len, >, 0);
  assert_figures (fixture, figures);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_point (child (fixture, "registry_tile"), fixture->page,
                                           &GRAPHENE_POINT_INIT (0, 0), &first));
  g_assert_true (gtk_widget_compute_point (child (fixture, "decision_tile"), fixture->page,
                                           &GRAPHENE_POINT_INIT (0, 0), &second));
  g_assert_cmpfloat (first.y, ==, second.y);
  g_assert_cmpfloat (second.x, >, first.x);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "cockpit");

  /* At 360 px, on its own: one column, the tiles in reading order. */
  g_assert_cmpint (xf_widget_get_min_width (fixture->page), <=, 360);
  page = xf_cockpit_page_new (registry_of (fixture));
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 360, 720);
  adw_window_set_content (ADW_WINDOW (window), page);
  xf_test_show_window (window);
  g_assert_true (xf_test_wait_until (gathered_cb, &(Fixture) { .page = page }, 10000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
  registry_tile = xf_test_template_child (page, XF_TYPE_COCKPIT_PAGE, "registry_tile");
  nominations_tile = xf_test_template_child (page, XF_TYPE_COCKPIT_PAGE, "nominations_tile");
  g_assert_true (gtk_widget_compute_point (registry_tile, page, &GRAPHENE_POINT_INIT (0, 0), &first));
  g_assert_true (gtk_widget_compute_point (nominations_tile, page, &GRAPHENE_POINT_INIT (0, 0), &second));
  g_assert_cmpfloat (first.x, ==, second.x);
  g_assert_cmpfloat (second.y, >, first.y);
  g_assert_cmpint (gtk_widget_get_width (registry_tile), <=, 336);
  xf_test_screenshot_in_language (GTK_WIDGET (window), "cockpit-narrow");
  gtk_window_destroy (window);
}

/* The benchmark's first paint: with XIANFENG_COCKPIT_BENCH_DB set to a
 * database (a copy: signing in makes an administrator "admin" with the
 * tests' password when it has no account, and may freeze last month),
 * opens it, shows the cockpit and prints the page's timing line
 * (XIANFENG_COCKPIT_TIMING). Not run otherwise. */
static void
test_bench (void)
{
  const char *path = g_getenv ("XIANFENG_COCKPIT_BENCH_DB");
  XfApplication *app = NULL;
  XfWindow *window = NULL;
  GtkWidget *page;
  gint64 start;

  g_setenv ("XIANFENG_COCKPIT_TIMING", "1", TRUE);
  start = g_get_monotonic_time ();
  /* Signs in as the test's administrator, made first if there is none. */
  app = xf_test_app_new ();
  window = xf_test_open_window (app, path, NULL);
  page = xf_test_show_page (window, "cockpit");
  g_assert_true (xf_test_wait_until (gathered_cb, &(Fixture) { .page = page }, 120000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("opened, signed in and gathered in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  xf_test_close_window (G_TYPE_NONE, window, &app);
  g_unsetenv ("XIANFENG_COCKPIT_TIMING");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/cockpit-page/language", xf_test_language);
  g_test_add ("/ui/cockpit-page/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/ui/cockpit-page/first-paint", Fixture, NULL, fixture_set_up, test_first_paint,
              fixture_tear_down);
  g_test_add ("/ui/cockpit-page/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add ("/ui/cockpit-page/tiles-open-pages", Fixture, NULL, fixture_set_up, test_tiles_open_pages,
              fixture_tear_down);
  g_test_add ("/ui/cockpit-page/empty", Fixture, NULL, fixture_set_up_empty, test_empty, fixture_tear_down);
  g_test_add ("/ui/cockpit-page/part-errors", Fixture, NULL, fixture_set_up, test_part_errors,
              fixture_tear_down);
  g_test_add ("/ui/cockpit-page/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);
  g_test_add ("/ui/cockpit-page/layout", Fixture, NULL, fixture_set_up, test_layout, fixture_tear_down);

  if (g_getenv ("XIANFENG_COCKPIT_BENCH_DB") != NULL)
    g_test_add_func ("/ui/cockpit-page/bench", test_bench);

  return g_test_run ();
}
