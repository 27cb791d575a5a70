/* test-chart.c — charts drawn, hit, described and exported
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-chart.h"
#include "xf-error.h"
#include "xf-test-files.h"

#define WIDTH  640
#define HEIGHT 400

typedef struct
{
  int x0, y0, x1, y1;   /* inclusive; x0 > x1 when nothing matched */
  guint count;
} Region;

static XfChart *
make_bars (XfChartKind kind)
{
  XfChart *chart = xf_chart_new (kind, "Pioneers by industry 按行业");
  const double individuals[] = { 10, 20, 40 };
  const double collectives[] = { 5, 5, 10 };

  xf_chart_add_category (chart, "Farming");
  xf_chart_add_category (chart, "制造业");
  xf_chart_add_category (chart, "Services");
  xf_chart_add_series (chart, "Individuals", individuals, 3);
  if (kind == XF_CHART_STACKED_BAR || kind == XF_CHART_LINE)
    xf_chart_add_series (chart, "Collectives", collectives, 3);
  xf_chart_set_axis_titles (chart, "Industry", "Pioneers");
  return chart;
}

static cairo_surface_t *
render (const XfChart *chart,
        gboolean       dark,
        int            focus_series,
        int            focus_category)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  XfChartStyle style;

  xf_chart_style_init (&style, dark);
  xf_chart_draw (chart, cr, WIDTH, HEIGHT, &style, focus_series, focus_category);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] & 0xFFFFFF;
}

static guint32
to_rgb (const double rgba[4])
{
  return ((guint32) (rgba[0] * 255 + 0.5) << 16) | ((guint32) (rgba[1] * 255 + 0.5) << 8) |
         (guint32) (rgba[2] * 255 + 0.5);
}

static gboolean
close_to (guint32 a,
          guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xFF) - (int) ((b >> shift) & 0xFF)) > 2)
      return FALSE;
  return TRUE;
}

/* Where @colour is within x ∈ [@from, @to). */
static Region
find_colour (cairo_surface_t *surface,
             guint32          colour,
             int              from,
             int              to)
{
  Region region = { G_MAXINT, G_MAXINT, -1, -1, 0 };
  int height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    for (int x = from; x < to; x++)
      if (close_to (pixel (surface, x, y), colour))
        {
          region.x0 = MIN (region.x0, x);
          region.y0 = MIN (region.y0, y);
          region.x1 = MAX (region.x1, x);
          region.y1 = MAX (region.y1, y);
          region.count++;
        }
  return region;
}

static Region
find_colour_above (cairo_surface_t *surface,
                   guint32          colour,
                   int              bottom)
{
  Region region = { G_MAXINT, G_MAXINT, -1, -1, 0 };

  for (int y = 0; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (close_to (pixel (surface, x, y), colour))
        {
          region.x0 = MIN (region.x0, x);
          region.y0 = MIN (region.y0, y);
          region.x1 = MAX (region.x1, x);
          region.y1 = MAX (region.y1, y);
          region.count++;
        }
  return region;
}

static guint
count_not (cairo_surface_t *surface,
           guint32          background)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (pixel (surface, x, y) != background)
        count++;
  return count;
}

static guint32
series_colour (const XfChart *chart,
               gboolean       dark,
               guint          series)
{
  XfChartStyle style;
  double rgba[4];

  xf_chart_style_init (&style, dark);
  xf_chart_get_color (chart, &style, series, rgba);
  return to_rgb (rgba);
}

static void
test_bar (void)
{
  g_autoptr(XfChart) chart = make_bars (XF_CHART_BAR);
  cairo_surface_t *surface = render (chart, FALSE, -1, -1);
  guint32 colour = series_colour (chart, FALSE, 0);
  Region tallest, middle, first;
  guint series = 99, category = 99;

  g_assert_cmpuint (pixel (surface, 1, 1), ==, 0xFFFFFF);
  g_assert_cmpuint (count_not (surface, 0xFFFFFF), >, 5000);

  /* Three bars, left to right, 10, 20 and 40 high, in the first colour:
   * runs of it along a line just above the baseline. */
  {
    Region all = find_colour (surface, colour, 0, WIDTH);
    Region *bars[] = { &first, &middle, &tallest };
    guint n = 0;
    int x = 0;

    g_assert_cmpuint (all.count, >, 1000);
    while (x < WIDTH)
      {
        int start;

        for (; x < WIDTH && !close_to (pixel (surface, x, all.y1 - 2), colour); x++)
          ;
        if (x == WIDTH)
          break;
        start = x;
        for (; x < WIDTH && close_to (pixel (surface, x, all.y1 - 2), colour); x++)
          ;
        g_assert_cmpuint (n, <, 3);
        *bars[n++] = find_colour (surface, colour, start, x);
      }
    g_assert_cmpuint (n, ==, 3);
  }
  g_assert_cmpint (first.x1, <, middle.x0);
  g_assert_cmpint (middle.x1, <, tallest.x0);
  g_assert_cmpint (tallest.x0, >, WIDTH / 2);
  g_assert_cmpint (tallest.y1, ==, middle.y1);   /* one baseline */
  g_assert_cmpint (first.y1, ==, middle.y1);
  g_assert_cmpint (ABS ((tallest.y1 - tallest.y0) - 2 * (middle.y1 - middle.y0)), <=, 3);
  g_assert_cmpint (ABS ((middle.y1 - middle.y0) - 2 * (first.y1 - first.y0)), <=, 3);

  /* The hit test finds the bar under its centre, and nothing in a margin
   * or above a bar. */
  g_assert_true (xf_chart_hit_test (chart, WIDTH, HEIGHT, (tallest.x0 + tallest.x1) / 2.0,
                                    (tallest.y0 + tallest.y1) / 2.0, &series, &category));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (category, ==, 2);
  g_assert_true (xf_chart_hit_test (chart, WIDTH, HEIGHT, (first.x0 + first.x1) / 2.0,
                                    first.y1 - 1, &series, &category));
  g_assert_cmpuint (category, ==, 0);
  g_assert_false (xf_chart_hit_test (chart, WIDTH, HEIGHT, 3, 3, &series, &category));
  g_assert_false (xf_chart_hit_test (chart, WIDTH, HEIGHT, (first.x0 + first.x1) / 2.0,
                                     first.y0 - 10, NULL, NULL));
  g_assert_false (xf_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH - 2, HEIGHT - 2, NULL, NULL));
  cairo_surface_destroy (surface);
}

static void
test_stacked_and_line (void)
{
  XfChartKind kinds[] = { XF_CHART_STACKED_BAR, XF_CHART_LINE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(XfChart) chart = make_bars (kinds[k]);
      cairo_surface_t *surface = render (chart, FALSE, -1, -1);
      /* Above the legend. */
      Region first = find_colour_above (surface, series_colour (chart, FALSE, 0), HEIGHT - 40);
      Region second = find_colour_above (surface, series_colour (chart, FALSE, 1), HEIGHT - 40);
      guint series = 99, category = 99;

      g_assert_cmpuint (first.count, >, 50);
      g_assert_cmpuint (second.count, >, 50);
      if (kinds[k] == XF_CHART_STACKED_BAR)
        {
          /* The second series sits on top of the first. */
          g_assert_cmpint (second.y0, <, first.y0);
          g_assert_true (xf_chart_hit_test (chart, WIDTH, HEIGHT, (first.x0 + first.x1) / 2.0,
                                            first.y1 - 2, &series, &category));
          g_assert_cmpuint (series, ==, 0);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_donut (void)
{
  g_autoptr(XfChart) chart = make_bars (XF_CHART_DONUT);
  cairo_surface_t *surface = render (chart, FALSE, -1, -1);
  Region slices[3];
  guint series = 99, category = 99;
  double cx, cy;

  for (guint i = 0; i < 3; i++)
    {
      slices[i] = find_colour_above (surface, series_colour (chart, FALSE, i), HEIGHT - 30);
      g_assert_cmpuint (slices[i].count, >, 200);
    }
  /* Shares 1:2:4 of the area. */
  g_assert_cmpfloat ((double) slices[2].count / slices[0].count, >, 3.0);

  /* The third slice is the left half and more; the hole is nobody's. */
  cx = (slices[2].x0 + slices[0].x1) / 2.0;
  cy = (slices[2].y0 + slices[2].y1) / 2.0;
  g_assert_false (xf_chart_hit_test (chart, WIDTH, HEIGHT, cx, cy, NULL, NULL));
  g_assert_true (xf_chart_hit_test (chart, WIDTH, HEIGHT, slices[2].x0 + 5, cy, &series, &category));
  g_assert_cmpuint (category, ==, 2);
  g_assert_true (close_to (pixel (surface, slices[2].x0 + 5, (int) cy),
                           series_colour (chart, FALSE, 2)));
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(XfChart) chart = xf_chart_new (XF_CHART_BAR, "By industry");
  g_autoptr(XfTable) table = NULL;
  g_autofree char *item = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *cell = NULL;
  const double values[] = { 125, 275 };

  xf_chart_add_category (chart, "Manufacturing");
  xf_chart_add_category (chart, "Farming");
  g_assert_cmpuint (xf_chart_add_series (chart, "Individuals", values, 2), ==, 0);
  g_assert_cmpuint (xf_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpfloat (xf_chart_get_value (chart, 0, 1), ==, 275);
  g_assert_cmpfloat (xf_chart_get_value (chart, 0, 7), ==, 0);

  item = xf_chart_describe_item (chart, 0, 0);
  g_assert_cmpstr (item, ==, "Manufacturing — Individuals: 125 (31.2%)");
  whole = xf_chart_describe (chart);
  g_assert_cmpstr (whole, ==, "Bar chart “By industry”: 2 categories, 1 series. "
                              "Largest: Farming — Individuals: 275 (68.8%). "
                              "Smallest: Manufacturing — Individuals: 125 (31.2%).");

  table = xf_chart_to_table (chart);
  g_assert_cmpstr (xf_table_get_title (table), ==, "By industry");
  g_assert_cmpuint (xf_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (xf_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (xf_table_get_column_name (table, 1), ==, "Individuals");
  g_assert_cmpint (xf_table_get_column_type (table, 1), ==, XF_TABLE_INTEGER);
  cell = xf_table_dup_cell_text (table, 1, 0);
  g_assert_cmpstr (cell, ==, "Farming");
  g_assert_cmpfloat (xf_table_get_number (table, 1, 1), ==, 275);
}

static void
test_from_stats (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) column_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) column_labels = g_ptr_array_new ();
  gint64 counts[] = { 1, 2, 3, 4, 5, 6 };
  XfStatsTable table = { XF_STATS_TIER, XF_STATS_GENDER, keys, labels, column_keys,
                         column_labels, counts, 21, NULL };
  g_autoptr(XfChart) chart = NULL;

  g_ptr_array_add (keys, "national");
  g_ptr_array_add (keys, "provincial");
  g_ptr_array_add (keys, "city");
  g_ptr_array_add (labels, "National");
  g_ptr_array_add (labels, "Provincial");
  g_ptr_array_add (labels, "City");
  g_ptr_array_add (column_keys, "male");
  g_ptr_array_add (column_keys, "female");
  g_ptr_array_add (column_labels, "Men");
  g_ptr_array_add (column_labels, "Women");

  chart = xf_chart_new_from_stats (&table, XF_CHART_STACKED_BAR, "Tiers");
  g_assert_cmpint (xf_chart_get_kind (chart), ==, XF_CHART_STACKED_BAR);
  g_assert_cmpstr (xf_chart_get_title (chart), ==, "Tiers");
  g_assert_cmpuint (xf_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpuint (xf_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (xf_chart_get_category (chart, 2), ==, "City");
  g_assert_cmpstr (xf_chart_get_series_label (chart, 1), ==, "Women");
  g_assert_cmpfloat (xf_chart_get_value (chart, 1, 2), ==, 6);
  g_assert_cmpfloat (xf_chart_get_value (chart, 0, 1), ==, 3);
}

static void
test_empty (void)
{
  XfChartKind kinds[] = { XF_CHART_BAR, XF_CHART_STACKED_BAR, XF_CHART_DONUT, XF_CHART_LINE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(XfChart) chart = xf_chart_new (kinds[k], "Nothing");
      g_autoptr(XfChart) zeros = xf_chart_new (kinds[k], "Zeros");
      g_autofree char *description = NULL;
      cairo_surface_t *surface;
      const double nothing[] = { 0, 0 };

      surface = render (chart, FALSE, 0, 0);
      /* The title and "No figures", nothing more. */
      g_assert_cmpuint (count_not (surface, 0xFFFFFF), >, 50);
      g_assert_cmpuint (count_not (surface, 0xFFFFFF), <, 8000);
      cairo_surface_destroy (surface);
      g_assert_false (xf_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT / 2.0, NULL, NULL));
      description = xf_chart_describe (chart);
      g_assert_nonnull (strstr (description, "no figures"));

      xf_chart_add_category (zeros, "A");
      xf_chart_add_category (zeros, "B");
      xf_chart_add_series (zeros, "S", nothing, 2);
      surface = render (zeros, TRUE, 0, 1);
      cairo_surface_destroy (surface);
      g_assert_false (xf_chart_hit_test (zeros, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT / 2.0, NULL, NULL));
      g_clear_pointer (&description, g_free);
      description = xf_chart_describe_item (zeros, 0, 1);
      g_assert_cmpstr (description, ==, kinds[k] == XF_CHART_LINE ? "B — S: 0" : "B — S: 0 (0.0%)");
      /* A tiny or zero box draws nothing and does not crash. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
      {
        cairo_t *cr = cairo_create (surface);
        XfChartStyle style;

        xf_chart_style_init (&style, FALSE);
        xf_chart_draw (zeros, cr, 4, 4, &style, -1, -1);
        xf_chart_draw (zeros, cr, 0, 0, &style, -1, -1);
        cairo_destroy (cr);
      }
      cairo_surface_destroy (surface);
    }
}

static void
test_crowded (void)
{
  g_autoptr(XfChart) chart = xf_chart_new (XF_CHART_BAR, "按乡镇（街道）统计的先锋人数，一个很长很长的标题");
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface;
  Region bars;
  guint found = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("湖州市吴兴区第%u个很长名字的乡镇街道", i);
      double value = i + 1;

      xf_chart_add_category (chart, label);
      g_array_append_val (values, value);
    }
  xf_chart_add_series (chart, "Individuals", (double *) values->data, values->len);
  surface = render (chart, FALSE, -1, -1);
  bars = find_colour (surface, series_colour (chart, FALSE, 0), 0, WIDTH);
  g_assert_cmpuint (bars.count, >, 1000);
  /* Long labels do not run off the left edge: the first bar is clear of
   * the tick labels. */
  g_assert_cmpint (bars.x0, >, 40);
  cairo_surface_destroy (surface);

  /* Every bar is found, in order, along a line just above the baseline. */
  for (double x = 0; x < WIDTH; x += 1.0)
    {
      guint series, category;

      if (xf_chart_hit_test (chart, WIDTH, HEIGHT, x, bars.y1 - 0.5, &series, &category) &&
          category == found)
        found++;
    }
  g_assert_cmpuint (found, ==, 40);
}

/* Many categories with long names (industries, townships): the labels are
 * rotated, and the first one still starts inside the chart, at every
 * width; where a bar is drawn the hit test finds it, in order. */
static void
test_rotated_labels (void)
{
  static const char *const first[] = {
    "Agriculture, forestry, animal husbandry and fishery",
    "农、林、牧、渔业",
  };
  static const int widths[] = { 320, 360, 640, 1000 };
  static const int heights[] = { 300, 600 };
  static const guint counts[] = { 8, 20, 40 };

  for (guint f = 0; f < G_N_ELEMENTS (first); f++)
    for (guint n = 0; n < G_N_ELEMENTS (counts); n++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
          {
            g_autoptr(XfChart) chart = xf_chart_new (XF_CHART_BAR, "");
            g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
            int width = widths[w], height = heights[h], left_ink = width, plot_bottom = -1;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
            cairo_t *cr = cairo_create (surface);
            const guint8 *data;
            int stride;
            XfChartStyle style;
            guint32 bar;
            guint found = 0;

            for (guint i = 0; i < counts[n]; i++)
              {
                g_autofree char *label = i == 0 ? g_strdup (first[f])
                                                : g_strdup_printf ("Industry number %u of the city", i);
                double value = 10 + i % 7;

                xf_chart_add_category (chart, label);
                g_array_append_val (values, value);
              }
            xf_chart_add_series (chart, "Pioneers", (double *) values->data, values->len);

            /* Transparent background: ink is whatever has alpha. */
            xf_chart_style_init (&style, FALSE);
            style.background[3] = 0.0;
            xf_chart_draw (chart, cr, width, height, &style, -1, -1);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            data = cairo_image_surface_get_data (surface);
            stride = cairo_image_surface_get_stride (surface);
            bar = series_colour (chart, FALSE, 0);

            /* The plot's baseline: the lowest row with a bar's colour. */
            for (int y = 0; y < height; y++)
              for (int x = 0; x < width; x++)
                if (close_to (pixel (surface, x, y), bar) && data[y * stride + 4 * x + 3] == 0xFF)
                  plot_bottom = MAX (plot_bottom, y);
            g_assert_cmpint (plot_bottom, >, 0);
            /* Below it, the labels: their leftmost ink stays off the edge. */
            for (int y = plot_bottom + 3; y < height; y++)
              for (int x = 0; x < width; x++)
                if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
                  left_ink = MIN (left_ink, x);
            if (g_test_verbose ())
              g_test_message ("%s, %u categories, %d × %d px: labels from x = %d", first[f], counts[n], width,
                              height, left_ink);
            g_assert_cmpint (left_ink, <, width);
            g_assert_cmpint (left_ink, >=, 6);

            /* Just above the baseline: a bar's pixel is a hit on that bar. */
            for (int x = 0; x < width; x++)
              {
                guint32 argb = ((const guint32 *) (data + (plot_bottom - 1) * stride))[x];
                guint series = G_MAXUINT, category = G_MAXUINT;
                gboolean hit = xf_chart_hit_test (chart, width, height, x + 0.5, plot_bottom - 0.5,
                                                  &series, &category);

                if (argb >> 24 == 0xFF && close_to (argb & 0xFFFFFF, bar))
                  {
                    g_assert_true (hit);
                    g_assert_cmpuint (series, ==, 0);
                    g_assert_cmpuint (category, >=, found == 0 ? 0 : found - 1);
                    if (category == found)
                      found++;
                  }
                else if (argb >> 24 == 0)
                  g_assert_false (hit);
              }
            g_assert_cmpuint (found, ==, counts[n]);
            cairo_surface_destroy (surface);
          }
}

static void
test_styles (void)
{
  g_autoptr(XfChart) chart = make_bars (XF_CHART_BAR);
  cairo_surface_t *light = render (chart, FALSE, -1, -1);
  cairo_surface_t *dark = render (chart, TRUE, -1, -1);
  cairo_surface_t *focused = render (chart, FALSE, 0, 2);
  XfChartStyle style;
  guint differing = 0;

  xf_chart_style_init (&style, TRUE);
  g_assert_true (style.dark);
  g_assert_true (close_to (pixel (dark, 1, 1), to_rgb (style.background)));
  g_assert_cmpuint (pixel (light, 1, 1), !=, pixel (dark, 1, 1));
  g_assert_cmpuint (find_colour (dark, series_colour (chart, TRUE, 0), 0, WIDTH).count, >, 500);

  /* The palette: eight distinct colours in each style. */
  for (guint i = 0; i < 8; i++)
    for (guint j = i + 1; j < 9; j++)
      g_assert_cmpuint (series_colour (chart, FALSE, i), !=, series_colour (chart, FALSE, j));

  /* The focus outline adds the accent colour. */
  xf_chart_style_init (&style, FALSE);
  g_assert_cmpuint (find_colour (light, to_rgb (style.accent), 0, WIDTH).count, ==, 0);
  g_assert_cmpuint (find_colour (focused, to_rgb (style.accent), WIDTH / 2, WIDTH).count, >, 100);

  for (int y = 0; y < HEIGHT; y += 3)
    for (int x = 0; x < WIDTH; x += 3)
      if (pixel (light, x, y) != pixel (dark, x, y))
        differing++;
  g_assert_cmpuint (differing, >, 1000);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  cairo_surface_destroy (focused);
}

static void
test_export (void)
{
  g_autoptr(XfChart) chart = make_bars (XF_CHART_STACKED_BAR);
  g_autofree char *dir = xf_test_make_dir ();
  const char *names[] = { "chart.png", "chart.svg", "chart.PDF" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF-" };
  XfChartStyle style;

  xf_chart_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      XfChartFormat format;
      gsize length;

      g_assert_true (xf_chart_format_from_path (path, &format));
      g_assert_cmpint (format, ==, (XfChartFormat) i);
      g_assert_true (xf_chart_export (chart, path, format, 480, 300, &style, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 2000);
      g_assert_true (memcmp (contents, magic[i], strlen (magic[i])) == 0);
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 480);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 300);
          g_assert_cmpuint (count_not (png, 0xFFFFFF), >, 3000);
          cairo_surface_destroy (png);
        }
      if (i == 1)
        g_assert_nonnull (strstr (contents, "<svg"));
    }
  {
    XfChartFormat format;

    g_assert_false (xf_chart_format_from_path ("chart.jpeg", &format));
  }
  xf_test_remove_dir (dir);
}

static void
test_export_unwritable (void)
{
  g_autoptr(XfChart) chart = make_bars (XF_CHART_BAR);
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  XfChartStyle style;

  xf_chart_style_init (&style, FALSE);
  g_assert_false (xf_chart_export (chart, path, XF_CHART_FORMAT_PNG, 300, 200, &style, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An impossible size is refused before anything is written. */
  g_assert_false (xf_chart_export (chart, pdf, XF_CHART_FORMAT_PDF, 0, 200, &style, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_IO);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chart/bar", test_bar);
  g_test_add_func ("/core/chart/stacked-and-line", test_stacked_and_line);
  g_test_add_func ("/core/chart/donut", test_donut);
  g_test_add_func ("/core/chart/describe", test_describe);
  g_test_add_func ("/core/chart/from-stats", test_from_stats);
  g_test_add_func ("/core/chart/empty", test_empty);
  g_test_add_func ("/core/chart/crowded", test_crowded);
  g_test_add_func ("/core/chart/rotated-labels", test_rotated_labels);
  g_test_add_func ("/core/chart/styles", test_styles);
  g_test_add_func ("/core/chart/export", test_export);
  g_test_add_func ("/core/chart/export-unwritable", test_export_unwritable);

  return g_test_run ();
}
