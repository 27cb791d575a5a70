/* xf-cockpit-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cockpit: core gathers the figures (xf_cockpit_gather_part), the
 * page only lays them out in its tiles. The first gather waits until the
 * page has painted once, so that it shows at once with placeholders, and
 * each gather reads a part per idle, so that the window answers between
 * them.
 */

#define G_LOG_DOMAIN "xf-cockpit-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-cockpit-page.h"
#include "xf-pioneer.h"
#include "xf-ui-util.h"
#include "xf-wrap-layout.h"

#include "xf-chart-view.h"

struct _XfCockpitPage
{
  AdwBin            parent_instance;

  XfRegistry       *registry;
  XfCockpitFigures *figures;
  XfReloadQueue     reload;
  gboolean          show_sidebar_button;
  guint             n_gathers;
  guint             first_paint_id;   /* tick before the first gather */
  XfCockpitFigures *pending;          /* being gathered, a part per idle */
  guint             next_part;
  guint             gather_id;
  double            pending_ms;

  /* XIANFENG_COCKPIT_TIMING */
  gboolean          timing;
  gint64            created_at;
  gint64            mapped_at;
  double            gather_ms;
  GdkFrameClock    *timing_clock;
  gulong            after_paint_id;

  GtkWidget        *tier_chart;       /* XfChartView, when there is one */

  /* Template widgets */
  GtkWidget        *back_button;
  GtkWidget        *tiles;
  GtkWidget        *registry_tile;
  GtkWidget        *nominations_tile;
  GtkWidget        *decision_tile;
  GtkWidget        *services_tile;
  GtkWidget        *top_tile;
  GtkWidget        *weak_tile;
  AdwBin           *tier_chart_bin;
  GtkLabel         *pioneers_total;
  GtkGrid          *tier_counts;
  GtkLabel         *kinds_line;
  GtkLabel         *registry_error;
  GtkLabel         *nominations_total;
  GtkLabel         *overdue_label;
  GtkLabel         *due_soon_label;
  GtkLabel         *evaluation_error;
  GtkLabel         *decision_figure;
  GtkLabel         *decision_line;
  GtkLevelBar      *decision_bar;
  GtkLabel         *decision_error;
  GtkLabel         *services_ordered;
  GtkLabel         *services_claimed;
  GtkLabel         *services_done;
  GtkLabel         *services_rating;
  GtkLabel         *services_overdue;
  GtkLabel         *services_error;
  GtkLabel         *top_month;
  GtkStack         *top_stack;
  GtkWidget        *top_list;
  GtkLabel         *ranking_error;
  GtkLabel         *weak_line;
  GtkStack         *weak_stack;
  GtkGrid          *weak_list;
  GtkLabel         *weak_error;
};

G_DEFINE_FINAL_TYPE (XfCockpitPage, xf_cockpit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation" };

/*
 * Small helpers
 */

/* A count with the locale's thousands separators. */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* The n of ngettext for a count. */
static gulong
plural_n (gint64 n)
{
  return (gulong) CLAMP (n, 0, G_MAXLONG);
}

/* @format (with "%s" for the count) of @n: "1,234 individuals". */
static char *
format_with_count (const char *format,
                   gint64      n)
{
  g_autofree char *count = format_count (n);

  return g_strdup_printf (format, count);
}

static void
set_label (GtkLabel   *label,
           const char *text,
           const char *accessible)
{
  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible != NULL ? accessible : text,
                                  -1);
}

static void
set_count (GtkLabel   *label,
           gint64      n,
           const char *accessible_format)
{
  g_autofree char *text = format_count (n);
  g_autofree char *accessible = g_strdup_printf (accessible_format, text);

  set_label (label, text, accessible);
}

static void
set_style (GtkWidget  *widget,
           const char *style_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, style_class);
  else
    gtk_widget_remove_css_class (widget, style_class);
}

/* A tile's error line (NULL hides it); its figures stay as placeholders. */
static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* The tile's button speaks its title and a sentence of its figures (no
 * tooltip: the donut has its own). */
static void
describe_tile (GtkWidget  *tile,
               const char *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/*
 * The tiles' layout: as many columns as fit (at most three), all of one
 * width; a row as tall as its tallest tile. Unlike a GtkFlowBox, the tiles
 * stay plain children, so Tab goes through them in reading order.
 */

#define TILE_MIN_WIDTH 300
#define TILE_SPACING   12
#define MAX_COLUMNS    3

#define XF_TYPE_COCKPIT_LAYOUT (xf_cockpit_layout_get_type ())

G_DECLARE_FINAL_TYPE (XfCockpitLayout, xf_cockpit_layout, XF, COCKPIT_LAYOUT, GtkLayoutManager)

struct _XfCockpitLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (XfCockpitLayout, xf_cockpit_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
tiles_min_width (GtkWidget *widget)
{
  int widest = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int min;

        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        widest = MAX (widest, min);
      }
  return widest;
}

/* The columns at @width, and each tile's width. */
static int
tiles_columns (GtkWidget *widget,
               int        width,
               int       *tile_width)
{
  int min = tiles_min_width (widget);
  int columns = (width + TILE_SPACING) / (MAX (min, TILE_MIN_WIDTH) + TILE_SPACING);

  columns = CLAMP (columns, 1, MAX_COLUMNS);
  *tile_width = MAX (min, (width - (columns - 1) * TILE_SPACING) / columns);
  return columns;
}

/* Lays the tiles out at @width (allocating them when @allocate), and
 * returns the height they take. */
static int
tiles_flow (GtkWidget *widget,
            int        width,
            gboolean   allocate)
{
  int tile_width;
  int columns = tiles_columns (widget, width, &tile_width);
  GtkWidget *row_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (row_start != NULL)
    {
      GtkWidget *child = row_start;
      int row_height = 0;
      int n = 0;

      /* The row's height: its tallest tile. */
      for (; child != NULL && n < columns; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          {
            int natural;

            gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, tile_width, NULL, &natural, NULL, NULL);
            row_height = MAX (row_height, natural);
            n++;
          }
      if (n == 0)
        break;
      if (allocate)
        {
          gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
          int i = 0;

          for (GtkWidget *tile = row_start; tile != child; tile = gtk_widget_get_next_sibling (tile))
            if (gtk_widget_should_layout (tile))
              {
                int x = i * (tile_width + TILE_SPACING);

                if (rtl)
                  x = width - x - tile_width;
                gtk_widget_size_allocate (tile, &(GtkAllocation) { x, y, tile_width, row_height }, -1);
                i++;
              }
        }
      y += row_height + TILE_SPACING;
      row_start = child;
    }
  return MAX (0, y - TILE_SPACING);
}

static GtkSizeRequestMode
xf_cockpit_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
xf_cockpit_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = tiles_min_width (widget);

      *minimum = min;
      *natural = MAX_COLUMNS * MAX (min, TILE_MIN_WIDTH) + (MAX_COLUMNS - 1) * TILE_SPACING;
    }
  else
    {
      int width = for_size >= 0 ? for_size : tiles_min_width (widget);

      *minimum = *natural = tiles_flow (widget, width, FALSE);
    }
}

static void
xf_cockpit_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  tiles_flow (widget, width, TRUE);
}

static void
xf_cockpit_layout_class_init (XfCockpitLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = xf_cockpit_layout_get_request_mode;
  layout_class->measure = xf_cockpit_layout_measure;
  layout_class->allocate = xf_cockpit_layout_allocate;
}

static void
xf_cockpit_layout_init (XfCockpitLayout *self)
{
}

/*
 * The tiles
 */

/* @text with no-break spaces, so that it wraps only around it.
 * (transfer full) */
static char *
keep_together (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strjoinv ("\u00a0", words);
}

static void
show_registry (XfCockpitPage          *self,
               const XfCockpitFigures *figures)
{
  g_autofree char *individuals = NULL;
  g_autofree char *collectives = NULL;
  g_autofree char *individuals_kept = NULL;
  g_autofree char *collectives_kept = NULL;
  g_autofree char *line = NULL;
  g_autofree char *description = NULL;
  gint64 total = figures->individuals + figures->collectives;

  show_error (self->registry_error, figures->registry_error);
  clear_grid (self->tier_counts);
  if (figures->registry_error != NULL)
    {
      set_label (self->pioneers_total, "—", _("Pioneers: unknown"));
      gtk_label_set_text (self->kinds_line, "");
      describe_tile (self->registry_tile, figures->registry_error);
      return;
    }

  set_count (self->pioneers_total, total, _("Pioneers: %s"));
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autofree char *count = format_count (figures->tier_counts[i]);
      GtkWidget *name = grid_label (xf_tier_label (tiers[i]), 0, NULL);
      GtkWidget *value = grid_label (count, 1, "cockpit-number");
      g_autofree char *accessible = g_strdup_printf ("%s: %s", xf_tier_label (tiers[i]), count);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_grid_attach (self->tier_counts, name, 0, i, 1, 1);
      gtk_grid_attach (self->tier_counts, value, 1, i, 1, 1);
    }

  individuals = format_with_count (ngettext ("%s individual", "%s individuals", plural_n (figures->individuals)),
                                   figures->individuals);
  collectives = format_with_count (ngettext ("%s collective", "%s collectives", plural_n (figures->collectives)),
                                   figures->collectives);
  /* The line wraps at the "·", not between a number and its word. */
  individuals_kept = keep_together (individuals);
  collectives_kept = keep_together (collectives);
  line = g_strdup_printf ("%s · %s", individuals_kept, collectives_kept);
  gtk_label_set_text (self->kinds_line, line);

  description = g_strdup_printf (_("%s pioneers: %s"), gtk_label_get_text (self->pioneers_total), line);
  describe_tile (self->registry_tile, description);

  {
    /* No title: the tile's heading says it. */
    XfChart *chart = xf_chart_new (XF_CHART_DONUT, "");
    double values[G_N_ELEMENTS (tiers)];
    GtkWidget *width_clamp, *height_clamp;

    for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
      {
        xf_chart_add_category (chart, xf_tier_label (tiers[i]));
        values[i] = (double) figures->tier_counts[i];
      }
    xf_chart_add_series (chart, _("Pioneers"), values, G_N_ELEMENTS (values));
    if (self->tier_chart == NULL)
      {
        self->tier_chart = xf_chart_view_new ();
        xf_chart_view_set_compact (XF_CHART_VIEW (self->tier_chart), TRUE);
        xf_chart_view_set_export_name (XF_CHART_VIEW (self->tier_chart), "cockpit-tiers");
        /* The tile is the focus stop; the counts beside say the same. */
        gtk_widget_set_can_focus (self->tier_chart, FALSE);
        /* Small: the canvas would ask for its natural 480 × 320. */
        gtk_widget_set_size_request (self->tier_chart, 160, 140);
        width_clamp = adw_clamp_new ();
        height_clamp = adw_clamp_new ();
        adw_clamp_set_maximum_size (ADW_CLAMP (width_clamp), 180);
        adw_clamp_set_tightening_threshold (ADW_CLAMP (width_clamp), 180);
        gtk_orientable_set_orientation (GTK_ORIENTABLE (height_clamp), GTK_ORIENTATION_VERTICAL);
        adw_clamp_set_maximum_size (ADW_CLAMP (height_clamp), 150);
        adw_clamp_set_tightening_threshold (ADW_CLAMP (height_clamp), 150);
        adw_clamp_set_child (ADW_CLAMP (height_clamp), self->tier_chart);
        adw_clamp_set_child (ADW_CLAMP (width_clamp), height_clamp);
        adw_bin_set_child (self->tier_chart_bin, width_clamp);
      }
    xf_chart_view_set_chart (XF_CHART_VIEW (self->tier_chart), total > 0 ? chart : NULL);
    if (total == 0)
      xf_chart_free (chart);
    gtk_widget_set_visible (GTK_WIDGET (self->tier_chart_bin), total > 0);
  }
}

static void
show_nominations (XfCockpitPage          *self,
                  const XfCockpitFigures *figures)
{
  g_autofree char *overdue = NULL;
  g_autofree char *due_soon = NULL;
  g_autofree char *description = NULL;
  gboolean failed = figures->evaluation_error != NULL;

  show_error (self->evaluation_error, figures->evaluation_error);
  if (failed)
    {
      set_label (self->nominations_total, "—", _("Nominations in progress: unknown"));
      gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->due_soon_label), FALSE);
      describe_tile (self->nominations_tile, figures->evaluation_error);
      return;
    }

  set_count (self->nominations_total, figures->nominations_in_progress, _("Nominations in progress: %s"));
  overdue = format_with_count (ngettext ("%s overdue", "%s overdue", plural_n (figures->nominations_overdue)),
                               figures->nominations_overdue);
  due_soon = format_with_count (ngettext ("%s due soon", "%s due soon", plural_n (figures->nominations_due_soon)),
                                figures->nominations_due_soon);
  set_label (self->overdue_label, overdue, NULL);
  set_label (self->due_soon_label, due_soon, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_soon_label), TRUE);
  set_style (GTK_WIDGET (self->overdue_label), "overdue", figures->nominations_overdue > 0);
  set_style (GTK_WIDGET (self->due_soon_label), "due-soon", figures->nominations_due_soon > 0);

  description = g_strdup_printf (_("%s in progress, %s, %s"),
                                 gtk_label_get_text (self->nominations_total), overdue, due_soon);
  describe_tile (self->nominations_tile, description);
}

static void
show_decisions (XfCockpitPage          *self,
                const XfCockpitFigures *figures)
{
  g_autofree char *line = NULL;
  g_autofree char *figure = NULL;
  double average = figures->average_days_to_decision;
  gboolean over;

  show_error (self->decision_error, figures->evaluation_error);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_bar), FALSE);
  if (figures->evaluation_error != NULL)
    {
      set_label (self->decision_figure, "—", _("Working days to a decision: unknown"));
      gtk_label_set_text (self->decision_line, "");
      describe_tile (self->decision_tile, figures->evaluation_error);
      return;
    }
  if (isnan (average))
    {
      set_label (self->decision_figure, "—", _("No decisions yet"));
      gtk_label_set_text (self->decision_line, _("No decisions yet"));
      describe_tile (self->decision_tile, _("No decisions yet"));
      return;
    }

  figure = g_strdup_printf ("%.1f", average);
  if (figures->promise_days > 0)
    {
      g_autofree char *of = g_strdup_printf (_("%.1f of %d working days"), average, figures->promise_days);
      g_autofree char *counted = g_strdup_printf (ngettext ("over %u decision in the last 12 months",
                                                            "over %u decisions in the last 12 months",
                                                            figures->decisions_counted),
                                                  figures->decisions_counted);

      line = g_strdup_printf ("%s, %s", of, counted);
      over = figures->average_past_promise;
      gtk_level_bar_set_max_value (self->decision_bar, figures->promise_days);
      gtk_level_bar_set_value (self->decision_bar, MIN (average, (double) figures->promise_days));
      set_style (GTK_WIDGET (self->decision_bar), "over", over);
      gtk_widget_set_visible (GTK_WIDGET (self->decision_bar), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->decision_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, of, -1);
    }
  else
    line = g_strdup_printf (_("%.1f working days"), average);
  set_label (self->decision_figure, figure, line);
  gtk_label_set_text (self->decision_line, line);
  describe_tile (self->decision_tile, line);
}

static void
show_services (XfCockpitPage          *self,
               const XfCockpitFigures *figures)
{
  g_autofree char *description = NULL;
  GtkLabel *labels[] = { self->services_ordered, self->services_claimed, self->services_done,
                         self->services_rating, self->services_overdue };

  show_error (self->services_error, figures->services_error);
  if (figures->services_error != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        set_label (labels[i], "—", _("Unknown"));
      set_style (GTK_WIDGET (self->services_overdue), "overdue", FALSE);
      describe_tile (self->services_tile, figures->services_error);
      return;
    }

  set_count (self->services_ordered, figures->services_ordered, _("Ordered this month: %s"));
  set_count (self->services_claimed, figures->services_claimed, _("Claimed: %s"));
  set_count (self->services_done, figures->services_done, _("Done: %s"));
  set_count (self->services_overdue, figures->services_overdue, _("Overdue now: %s"));
  set_style (GTK_WIDGET (self->services_overdue), "overdue", figures->services_overdue > 0);
  if (isnan (figures->services_average_rating))
    set_label (self->services_rating, "—", _("No ratings yet"));
  else
    {
      g_autofree char *rating = g_strdup_printf ("★ %.1f", figures->services_average_rating);
      g_autofree char *accessible = g_strdup_printf (_("Average rating: %.1f of 5"),
                                                     figures->services_average_rating);

      set_label (self->services_rating, rating, accessible);
    }

  description = g_strdup_printf (_("%s ordered, %s claimed, %s done, %s overdue now"),
                                 gtk_label_get_text (self->services_ordered),
                                 gtk_label_get_text (self->services_claimed),
                                 gtk_label_get_text (self->services_done),
                                 gtk_label_get_text (self->services_overdue));
  describe_tile (self->services_tile, description);
}

static void
show_top (XfCockpitPage          *self,
          const XfCockpitFigures *figures)
{
  g_autofree char *month = NULL;

  show_error (self->ranking_error, figures->ranking_error);
  clear_box (self->top_list);
  if (figures->ranking_error != NULL)
    {
      gtk_label_set_text (self->top_month, "");
      gtk_stack_set_visible_child_name (self->top_stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->top_stack), FALSE);
      describe_tile (self->top_tile, figures->ranking_error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->top_stack), TRUE);

  if (figures->ranking_month == NULL || figures->top == NULL || figures->top->len == 0)
    {
      gtk_label_set_text (self->top_month, "");
      gtk_widget_set_visible (GTK_WIDGET (self->top_month), FALSE);
      gtk_stack_set_visible_child_name (self->top_stack, "empty");
      describe_tile (self->top_tile, _("No month frozen yet"));
      return;
    }

  /* TRANSLATORS: the month the Pioneers of the Month were frozen for, "2026-02" */
  month = g_strdup_printf (_("Month %s"), figures->ranking_month);
  gtk_label_set_text (self->top_month, month);
  gtk_widget_set_visible (GTK_WIDGET (self->top_month), TRUE);
  for (guint i = 0; i < figures->top->len; i++)
    {
      const XfCockpitTopEntry *entry = g_ptr_array_index (figures->top, i);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%d</b> %s <span alpha=\"60%%\">%.1f</span>",
                                                         entry->rank, entry->name, entry->score);
      /* TRANSLATORS: a pioneer of the month, e.g. "1. 王建国, score 87.2" */
      g_autofree char *accessible = g_strdup_printf (_("%d. %s, score %.1f"),
                                                     entry->rank, entry->name, entry->score);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "cockpit-number");
      gtk_widget_set_name (label, "top-entry");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (self->top_list), label);
    }
  gtk_stack_set_visible_child_name (self->top_stack, "list");
  describe_tile (self->top_tile, month);
}

static void
show_weak (XfCockpitPage          *self,
           const XfCockpitFigures *figures)
{
  show_error (self->weak_error, figures->weak_regions_error);
  clear_grid (self->weak_list);
  if (figures->weak_regions_error != NULL)
    {
      gtk_label_set_text (self->weak_line, "");
      gtk_widget_set_visible (GTK_WIDGET (self->weak_stack), FALSE);
      describe_tile (self->weak_tile, figures->weak_regions_error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->weak_stack), TRUE);

  if (figures->weakest == NULL || figures->weakest->len == 0)
    {
      gtk_label_set_text (self->weak_line, "");
      gtk_stack_set_visible_child_name (self->weak_stack, "empty");
      describe_tile (self->weak_tile, _("No regions to compare yet"));
      return;
    }

  {
    g_autofree char *line = g_strdup_printf (_("City average: %.1f pioneers per 10,000 employed"),
                                             figures->city_per_10k);

    gtk_label_set_text (self->weak_line, line);
    describe_tile (self->weak_tile, line);
  }
  gtk_grid_attach (self->weak_list, grid_label (_("Region"), 0, "caption-heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->weak_list, grid_label (_("Per 10k"), 1, "caption-heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->weak_list, grid_label (_("Of average"), 1, "caption-heading"), 2, 0, 1, 1);
  for (guint i = 0; i < figures->weakest->len; i++)
    {
      const XfRegionDensity *region = g_ptr_array_index (figures->weakest, i);
      g_autofree char *per_10k = g_strdup_printf ("%.1f", region->per_10k);
      g_autofree char *share = g_strdup_printf ("%.0f%%", 100 * region->share_of_average);
      /* TRANSLATORS: a weak region, e.g. "安吉县: 3.2 per 10,000 employed, 48% of the city average" */
      g_autofree char *accessible = g_strdup_printf (_("%s: %s per 10,000 employed, %s of the city average"),
                                                     region->region_name, per_10k, share);
      GtkWidget *name = grid_label (region->region_name, 0, NULL);
      GtkWidget *value = grid_label (per_10k, 1, "cockpit-number");
      GtkWidget *of_average = grid_label (share, 1, "cockpit-number");

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_name (name, "weak-region");
      if (region->weak)
        gtk_widget_add_css_class (of_average, "cockpit-weak");
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_grid_attach (self->weak_list, name, 0, i + 1, 1, 1);
      gtk_grid_attach (self->weak_list, value, 1, i + 1, 1, 1);
      gtk_grid_attach (self->weak_list, of_average, 2, i + 1, 1, 1);
    }
  gtk_stack_set_visible_child_name (self->weak_stack, "list");
}

static void
set_loading (XfCockpitPage *self,
             gboolean       loading)
{
  GtkWidget *tiles[] = { self->registry_tile, self->nominations_tile, self->decision_tile,
                         self->services_tile, self->top_tile, self->weak_tile };

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    set_style (tiles[i], "loading", loading);
}

static void
show_figures (XfCockpitPage *self)
{
  set_loading (self, FALSE);
  show_registry (self, self->figures);
  show_nominations (self, self->figures);
  show_decisions (self, self->figures);
  show_services (self, self->figures);
  show_top (self, self->figures);
  show_weak (self, self->figures);
}

/* The whole gather failed: every tile says why. */
static void
show_gather_error (XfCockpitPage *self,
                   const char    *message)
{
  g_autoptr(XfCockpitFigures) figures = g_new0 (XfCockpitFigures, 1);
  XfCockpitFigures *saved = self->figures;

  figures->registry_error = g_strdup (message);
  figures->evaluation_error = g_strdup (message);
  figures->services_error = g_strdup (message);
  figures->ranking_error = g_strdup (message);
  figures->weak_regions_error = g_strdup (message);
  figures->average_days_to_decision = NAN;
  figures->services_average_rating = NAN;
  self->figures = figures;
  show_figures (self);
  self->figures = saved;
}

/*
 * Timing (XIANFENG_COCKPIT_TIMING)
 */

/* The frame clock goes with the window's surface: let go of it first. */
static void
stop_timing (XfCockpitPage *self)
{
  if (self->timing_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->timing_clock);
  g_clear_object (&self->timing_clock);
}

static void
after_paint_cb (GdkFrameClock *clock,
                XfCockpitPage *self)
{
  gint64 now = g_get_monotonic_time ();

  stop_timing (self);
  g_printerr ("cockpit timing: created→painted %.1f ms, shown→painted %.1f ms, gather %.1f ms\n",
              (now - self->created_at) / 1000.0, (now - self->mapped_at) / 1000.0, self->gather_ms);
}

static void
time_first_paint (XfCockpitPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->timing || self->n_gathers != 1 || clock == NULL)
    return;
  self->timing_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/*
 * Reading
 */

static void
cancel_gather (XfCockpitPage *self)
{
  g_clear_handle_id (&self->gather_id, g_source_remove);
  g_clear_pointer (&self->pending, xf_cockpit_figures_free);
}

/* A part per idle: input and frames are handled between the parts (on a
 * cold million-file database a part can take seconds); the tiles change
 * once, when all the parts are in. */
static gboolean
gather_part_cb (gpointer user_data)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean read;

  read = xf_cockpit_gather_part (self->registry, self->pending, self->next_part, &error);
  self->pending_ms += (g_get_monotonic_time () - start) / 1000.0;
  if (read && ++self->next_part < XF_COCKPIT_N_PARTS)
    return G_SOURCE_CONTINUE;

  self->gather_id = 0;
  self->gather_ms = self->pending_ms;
  self->n_gathers++;
  if (!read)
    {
      g_debug ("Cannot gather the cockpit's figures: %s", error->message);
      g_clear_pointer (&self->pending, xf_cockpit_figures_free);
      show_gather_error (self, error->message);
    }
  else
    {
      g_clear_pointer (&self->figures, xf_cockpit_figures_free);
      self->figures = g_steal_pointer (&self->pending);
      show_figures (self);
    }
  time_first_paint (self);
  return G_SOURCE_REMOVE;
}

static void
reload (GtkWidget *widget)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (widget);

  xf_reload_queue_reloading (&self->reload);
  cancel_gather (self);
  if (self->registry == NULL)
    return;

  self->pending = xf_cockpit_figures_new ();
  self->next_part = 0;
  self->pending_ms = 0.0;
  if (gather_part_cb (self) == G_SOURCE_CONTINUE)
    self->gather_id = g_idle_add (gather_part_cb, self);
}

/* The first gather waits for the first frame, so the page paints at once
 * with its placeholders; a tick comes before that frame's paint, and the
 * reload queue's idle after it. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (widget);

  self->first_paint_id = 0;
  xf_reload_queue_changed (&self->reload);
  return G_SOURCE_REMOVE;
}

static void
registry_changed_cb (XfCockpitPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_cockpit_page_refresh (XfCockpitPage *self)
{
  g_return_if_fail (XF_IS_COCKPIT_PAGE (self));

  xf_reload_queue_changed (&self->reload);
}

/*
 * GObject
 */

static void
xf_cockpit_page_map (GtkWidget *widget)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (widget);

  GTK_WIDGET_CLASS (xf_cockpit_page_parent_class)->map (widget);
  if (self->mapped_at == 0)
    self->mapped_at = g_get_monotonic_time ();
  if (self->reload.stale && self->first_paint_id == 0)
    self->first_paint_id = gtk_widget_add_tick_callback (widget, first_frame_cb, NULL, NULL);
}

/* What the other pages change (evaluation, services) is read again when
 * the cockpit next shows. */
static void
xf_cockpit_page_unmap (GtkWidget *widget)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (widget);

  if (self->first_paint_id != 0)
    gtk_widget_remove_tick_callback (widget, self->first_paint_id);
  self->first_paint_id = 0;
  xf_reload_queue_clear (&self->reload);
  cancel_gather (self);
  self->reload.stale = TRUE;
  stop_timing (self);
  GTK_WIDGET_CLASS (xf_cockpit_page_parent_class)->unmap (widget);
}

static void
xf_cockpit_page_dispose (GObject *object)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  cancel_gather (self);
  if (self->first_paint_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_paint_id);
  self->first_paint_id = 0;
  stop_timing (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_COCKPIT_PAGE);
  self->tier_chart = NULL;
  g_clear_pointer (&self->figures, xf_cockpit_figures_free);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_cockpit_page_parent_class)->dispose (object);
}

static void
set_registry (XfCockpitPage *self,
              XfRegistry    *registry)
{
  if (registry == NULL)
    return;
  self->registry = g_object_ref (registry);
  g_signal_connect_object (registry, "changed", G_CALLBACK (registry_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
xf_cockpit_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_cockpit_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfCockpitPage *self = XF_COCKPIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button, self->back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/stats/xf-cockpit-page.css");
}

static void
xf_cockpit_page_class_init (XfCockpitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_cockpit_page_dispose;
  object_class->get_property = xf_cockpit_page_get_property;
  object_class->set_property = xf_cockpit_page_set_property;
  widget_class->map = xf_cockpit_page_map;
  widget_class->unmap = xf_cockpit_page_unmap;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/stats/xf-cockpit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, registry_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, nominations_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, decision_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, top_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, weak_tile);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, tier_chart_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, pioneers_total);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, tier_counts);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, kinds_line);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, registry_error);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, nominations_total);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, due_soon_label);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, evaluation_error);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, decision_figure);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, decision_line);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, decision_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, decision_error);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_ordered);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_claimed);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_done);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_rating);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_overdue);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, services_error);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, top_month);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, top_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, top_list);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, ranking_error);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, weak_line);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, weak_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, weak_list);
  gtk_widget_class_bind_template_child (widget_class, XfCockpitPage, weak_error);
}

static void
xf_cockpit_page_init (XfCockpitPage *self)
{
  GtkLayoutManager *layout = xf_wrap_layout_new ();

  self->created_at = g_get_monotonic_time ();
  self->timing = g_strcmp0 (g_getenv ("XIANFENG_COCKPIT_TIMING"), "1") == 0;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload);
  /* Read once first shown. */
  self->reload.stale = TRUE;

  gtk_widget_set_layout_manager (self->tiles, g_object_new (XF_TYPE_COCKPIT_LAYOUT, NULL));
  /* The month's names wrap like words, as many on a line as fit. */
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (layout), 14);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (layout), 4);
  gtk_widget_set_layout_manager (self->top_list, layout);

  gtk_widget_add_css_class (GTK_WIDGET (self->decision_bar), "cockpit-decision");
  gtk_level_bar_remove_offset_value (self->decision_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->decision_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->decision_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->top_month), FALSE);
  set_loading (self, TRUE);
}

GtkWidget *
xf_cockpit_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_COCKPIT_PAGE, "registry", registry, NULL);
}

const XfCockpitFigures *
xf_cockpit_page_get_figures (XfCockpitPage *self)
{
  g_return_val_if_fail (XF_IS_COCKPIT_PAGE (self), NULL);

  return self->figures;
}

guint
xf_cockpit_page_get_n_gathers (XfCockpitPage *self)
{
  g_return_val_if_fail (XF_IS_COCKPIT_PAGE (self), 0);

  return self->n_gathers;
}

void
xf_cockpit_page_set_figures (XfCockpitPage    *self,
                             XfCockpitFigures *figures)
{
  g_return_if_fail (XF_IS_COCKPIT_PAGE (self));
  g_return_if_fail (figures != NULL);

  g_clear_pointer (&self->figures, xf_cockpit_figures_free);
  self->figures = figures;
  show_figures (self);
}
