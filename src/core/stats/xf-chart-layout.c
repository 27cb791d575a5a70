/* xf-chart-layout.c — the chart's style, palette, layout and hit test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-chart-private.h"

/*
 * One layout, computed the same way for drawing and for the hit test, so
 * that what the pointer is over is what is drawn there. Text is measured in
 * a device-independent Pango context (72 dpi, unhinted metrics): a unit is a
 * pixel on screen and in PNG, a point in SVG and PDF.
 */

/*
 * Style and palette
 */

void
xf_chart_style_init (XfChartStyle *style,
                     gboolean      dark)
{
  g_return_if_fail (style != NULL);

  *style = (XfChartStyle) { 0 };
  style->dark = dark;
  if (dark)
    {
      double fg[4] = { 1.0, 1.0, 1.0, 0.9 }, bg[4] = { 0.14, 0.14, 0.14, 1.0 };
      double grid[4] = { 1.0, 1.0, 1.0, 0.15 }, accent[4] = { 0.47, 0.68, 0.93, 1.0 };

      memcpy (style->foreground, fg, sizeof fg);
      memcpy (style->background, bg, sizeof bg);
      memcpy (style->grid, grid, sizeof grid);
      memcpy (style->accent, accent, sizeof accent);
    }
  else
    {
      double fg[4] = { 0.0, 0.0, 0.0, 0.85 }, bg[4] = { 1.0, 1.0, 1.0, 1.0 };
      double grid[4] = { 0.0, 0.0, 0.0, 0.12 }, accent[4] = { 0.11, 0.44, 0.85, 1.0 };

      memcpy (style->foreground, fg, sizeof fg);
      memcpy (style->background, bg, sizeof bg);
      memcpy (style->grid, grid, sizeof grid);
      memcpy (style->accent, accent, sizeof accent);
    }
  style->font = NULL;
}

/* Okabe and Ito's colour-blind-safe palette, in an order where neighbours
 * differ most; the light style darkens the yellow and sky blue enough to
 * read on white, the dark one lightens the blue and grey. */
static const guint32 palette_light[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x3A9AD9, 0xB8A300, 0x5C5C5C,
};
static const guint32 palette_dark[] = {
  0x4DA3E0, 0xE69F00, 0x1DB88E, 0xF07A3A, 0xD98CB8, 0x56B4E9, 0xF0E442, 0xB0B0B0,
};

void
xf_chart_get_color (const XfChart      *chart,
                    const XfChartStyle *style,
                    guint               series,
                    double              rgba[4])
{
  const guint32 *palette;
  guint n = G_N_ELEMENTS (palette_light);
  guint32 colour;
  double fade;

  g_return_if_fail (style != NULL);
  g_return_if_fail (rgba != NULL);

  palette = style->dark ? palette_dark : palette_light;
  colour = palette[series % n];
  /* Past the eighth, the same hues again, lighter (or darker) each round. */
  fade = MIN ((series / n) * 0.3, 0.6);
  for (guint i = 0; i < 3; i++)
    {
      double component = ((colour >> (16 - 8 * i)) & 0xFF) / 255.0;
      double target = style->dark ? 0.0 : 1.0;

      rgba[i] = component + (target - component) * fade;
    }
  rgba[3] = 1.0;
}
/*
 * XfChartLayout
 */

PangoLayout *
_xf_chart_text_layout (const XfChartLayout               *layout,
             const PangoFontDescription *font,
             const char                 *text)
{
  PangoLayout *pango = pango_layout_new (layout->context);

  pango_layout_set_font_description (pango, font);
  pango_layout_set_text (pango, text, -1);
  return pango;
}

void
_xf_chart_text_size (const XfChartLayout               *layout,
           const PangoFontDescription *font,
           const char                 *text,
           double                     *width,
           double                     *height)
{
  g_autoptr(PangoLayout) pango = _xf_chart_text_layout (layout, font, text);
  PangoRectangle logical;

  pango_layout_get_extents (pango, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* A step of 1, 2 or 5 × 10ⁿ giving about five ticks up to @max. */
static double
nice_step (double   max,
           gboolean integral)
{
  double raw = max / 5.0;
  double magnitude = pow (10.0, floor (log10 (raw)));
  double fraction = raw / magnitude;
  double step;

  if (fraction <= 1.0)
    step = magnitude;
  else if (fraction <= 2.0)
    step = 2.0 * magnitude;
  else if (fraction <= 5.0)
    step = 5.0 * magnitude;
  else
    step = 10.0 * magnitude;
  if (integral && step < 1.0)
    step = 1.0;
  return step;
}

char *
_xf_chart_tick_label (double value,
            double step)
{
  if (step >= 1.0 || fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.*f", (int) ceil (-log10 (step)), value);
}

static guint
n_legend_entries (const XfChart *chart)
{
  if (chart->kind == XF_CHART_DONUT)
    return chart->categories->len;
  return chart->series_labels->len > 1 ? chart->series_labels->len : 0;
}

const char *
_xf_chart_legend_label (const XfChart *chart,
              guint          i)
{
  if (chart->kind == XF_CHART_DONUT)
    return g_ptr_array_index (chart->categories, i);
  return g_ptr_array_index (chart->series_labels, i);
}

/* Lays the legend out in rows from @top, calling @place for each entry
 * (NULL: only measures); returns its height. */
double
_xf_chart_flow_legend (const XfChart *chart,
             const XfChartLayout  *layout,
             double         top,
             XfChartPlaceEntry     place,
             gpointer       data)
{
  guint n = n_legend_entries (chart);
  double x = XF_CHART_PADDING, y = top;
  double right = layout->width - XF_CHART_PADDING;

  if (n == 0)
    return 0.0;
  for (guint i = 0; i < n; i++)
    {
      double w;

      _xf_chart_text_size (layout, layout->font, _xf_chart_legend_label (chart, i), &w, NULL);
      w = MIN (w, right - XF_CHART_PADDING - XF_CHART_SWATCH - 4.0) + XF_CHART_SWATCH + 4.0;
      if (x > XF_CHART_PADDING && x + w > right)
        {
          x = XF_CHART_PADDING;
          y += layout->line_height + 2.0;
        }
      if (place != NULL)
        place (layout, i, x, y, data);
      x += w + 2.0 * XF_CHART_GAP;
    }
  return y + layout->line_height - top;
}

static double
max_value (const XfChart *chart,
           gboolean      *integral)
{
  double max = 0.0;

  *integral = TRUE;
  for (guint c = 0; c < chart->categories->len; c++)
    {
      if (chart->kind == XF_CHART_STACKED_BAR)
        max = MAX (max, _xf_chart_category_total (chart, c));
      for (guint s = 0; s < chart->series_labels->len; s++)
        {
          double value = xf_chart_get_value (chart, s, c);

          if (chart->kind != XF_CHART_STACKED_BAR)
            max = MAX (max, value);
          if (fabs (value - round (value)) > 1e-9)
            *integral = FALSE;
        }
    }
  return max;
}

static void
add_item (XfChartLayout *layout,
          guint   series,
          guint   category,
          XfChartBox     box)
{
  XfChartItem item = { series, category, box, 0.0, 0.0 };

  g_array_append_val (layout->items, item);
}

static void
layout_axes (const XfChart *chart,
             XfChartLayout        *layout,
             double         top,
             double         bottom)
{
  guint n_categories = chart->categories->len;
  guint n_series = chart->series_labels->len;
  gboolean integral;
  double max = max_value (chart, &integral);
  double left = XF_CHART_PADDING, slot, label_width = 0.0;
  double labels_height;
  g_autofree double *widths = NULL;     /* each category label's width */

  if (max <= 0.0)
    max = integral ? 5.0 : 1.0;
  layout->step = nice_step (max, integral);
  /* Headroom over the tallest bar for its value label. */
  layout->axis_max = ceil (max * 1.08 / layout->step - 1e-9) * layout->step;

  /* Left: the y axis' title (rotated) and its tick labels. */
  if (chart->y_title != NULL && *chart->y_title != '\0')
    left += layout->line_height + XF_CHART_GAP;
  for (double v = 0.0; v <= layout->axis_max + layout->step / 2; v += layout->step)
    {
      g_autofree char *label = _xf_chart_tick_label (v, layout->step);
      double w;

      _xf_chart_text_size (layout, layout->font, label, &w, NULL);
      layout->tick_width = MAX (layout->tick_width, w);
    }
  left += layout->tick_width + XF_CHART_GAP;

  /* Bottom: the x axis' title, then the category labels. */
  if (chart->x_title != NULL && *chart->x_title != '\0')
    bottom -= layout->line_height + XF_CHART_GAP;

  widths = g_new0 (double, MAX (n_categories, 1));
  for (guint c = 0; c < n_categories; c++)
    {
      _xf_chart_text_size (layout, layout->font, g_ptr_array_index (chart->categories, c), &widths[c], NULL);
      label_width = MAX (label_width, widths[c]);
    }
  slot = (layout->width - XF_CHART_PADDING - left) / MAX (n_categories, 1);
  layout->label_every = 1;
  if (label_width <= slot - 4.0)
    {
      layout->label_angle = 0.0;
      layout->label_length = slot - 4.0;
      labels_height = layout->line_height;
    }
  else
    {
      /* Rotated by 45°, at most a third of the height; longer labels end
       * in "…". When even rotated lines would touch, every n-th only. */
      double room = (bottom - top) / 3.0;
      double right = layout->width - XF_CHART_PADDING, n = n_categories;

      layout->label_angle = -G_PI / 4.0;
      layout->label_length = MIN (label_width, MAX (room / G_SQRT2 - layout->line_height, 20.0));
      labels_height = (layout->label_length + layout->line_height) / G_SQRT2;
      /* A label ends at its slot's centre and reaches w/√2 to the left
       * of it (w: its width, at most label_length): move the plot right
       * until every label stays inside the padding. The slots narrow as
       * the plot moves, so solve, for each category c,
       * plot.x + (c + ½)·slot ≥ PADDING + reach with
       * slot = (right - plot.x) / n. Usually the first label decides; a
       * short first one may leave it to a long second one. */
      for (guint c = 0; c < n_categories; c++)
        {
          double share = (c + 0.5) / n;
          double reach = MIN (widths[c], layout->label_length) / G_SQRT2;

          left = MAX (left, (XF_CHART_PADDING + reach - right * share) / (1.0 - share));
        }
      left = MIN (left, right - 1.0);
      slot = (right - left) / n;
      layout->label_every = (guint) ceil ((layout->line_height * G_SQRT2 * 0.8) / MAX (slot, 1.0));
      layout->label_every = MAX (layout->label_every, 1);
    }
  bottom -= labels_height + XF_CHART_GAP;

  layout->plot = (XfChartBox) { left, top, MAX (layout->width - XF_CHART_PADDING - left, 1.0),
                         MAX (bottom - top, 1.0) };
  slot = layout->plot.width / MAX (n_categories, 1);

  for (guint c = 0; c < n_categories; c++)
    {
      double x0 = layout->plot.x + c * slot;
      double base = layout->plot.y + layout->plot.height;
      double scale = layout->plot.height / layout->axis_max;

      if (chart->kind == XF_CHART_BAR)
        {
          double group = slot * 0.75;
          double bar = group / MAX (n_series, 1);

          for (guint s = 0; s < n_series; s++)
            {
              double h = MAX (xf_chart_get_value (chart, s, c), 0.0) * scale;

              add_item (layout, s, c, (XfChartBox) { x0 + (slot - group) / 2 + s * bar, base - h,
                                              MAX (bar - 1.0, 1.0), h });
            }
        }
      else if (chart->kind == XF_CHART_STACKED_BAR)
        {
          double bar = slot * 0.6;
          double y = base;

          for (guint s = 0; s < n_series; s++)
            {
              double h = MAX (xf_chart_get_value (chart, s, c), 0.0) * scale;

              y -= h;
              add_item (layout, s, c, (XfChartBox) { x0 + (slot - bar) / 2, y, bar, h });
            }
        }
      else   /* a line: a point per series at the slot's centre */
        for (guint s = 0; s < n_series; s++)
          {
            double y = base - MAX (xf_chart_get_value (chart, s, c), 0.0) * scale;

            add_item (layout, s, c, (XfChartBox) { x0 + slot / 2 - XF_CHART_LINE_HIT, y - XF_CHART_LINE_HIT,
                                            2 * XF_CHART_LINE_HIT, 2 * XF_CHART_LINE_HIT });
          }
    }
}

static void
layout_donut (const XfChart *chart,
              XfChartLayout        *layout,
              double         top,
              double         bottom)
{
  double total = _xf_chart_series_total (chart, 0);
  double angle = -G_PI / 2.0;

  layout->plot = (XfChartBox) { XF_CHART_PADDING, top, MAX (layout->width - 2 * XF_CHART_PADDING, 1.0),
                         MAX (bottom - top, 1.0) };
  layout->cx = layout->plot.x + layout->plot.width / 2;
  layout->cy = layout->plot.y + layout->plot.height / 2;
  layout->r_outer = MAX (MIN (layout->plot.width, layout->plot.height) / 2 - 2.0, 1.0);
  layout->r_inner = layout->r_outer * 0.55;
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double value = MAX (xf_chart_get_value (chart, 0, c), 0.0);
      XfChartItem item = { 0, c, { 0 }, angle, angle + 2 * G_PI * value / total };

      angle = item.angle1;
      if (value > 0.0)
        g_array_append_val (layout->items, item);
    }
}

void
_xf_chart_layout_clear (XfChartLayout *layout)
{
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->font, pango_font_description_free);
  g_clear_pointer (&layout->title_font, pango_font_description_free);
  g_clear_pointer (&layout->items, g_array_unref);
}

void
_xf_chart_layout_compute (const XfChart      *chart,
                const XfChartStyle *style,
                double              width,
                double              height,
                XfChartLayout             *layout)
{
  cairo_font_options_t *options;
  double top, bottom, legend_height;

  *layout = (XfChartLayout) { 0 };
  layout->width = width;
  layout->height = height;
  layout->items = g_array_new (FALSE, TRUE, sizeof (XfChartItem));
  layout->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (layout->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (layout->context, FALSE);
  pango_context_set_language (layout->context, pango_language_get_default ());

  layout->font = pango_font_description_from_string (style != NULL && style->font != NULL
                                                       ? style->font : XF_CHART_DEFAULT_FONT);
  if (pango_font_description_get_size (layout->font) <= 0)
    pango_font_description_set_size (layout->font, 10 * PANGO_SCALE);
  layout->title_font = pango_font_description_copy (layout->font);
  pango_font_description_set_weight (layout->title_font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (layout->title_font,
                                   pango_font_description_get_size (layout->font) * 13 / 10);
  _xf_chart_text_size (layout, layout->font, "Ag汉", NULL, &layout->line_height);

  top = XF_CHART_PADDING;
  layout->title = (XfChartBox) { XF_CHART_PADDING, top, MAX (width - 2 * XF_CHART_PADDING, 1.0), 0.0 };
  if (chart->title[0] != '\0')
    {
      _xf_chart_text_size (layout, layout->title_font, chart->title, NULL, &layout->title.height);
      top += layout->title.height + XF_CHART_GAP;
    }
  bottom = height - XF_CHART_PADDING;
  layout->empty = _xf_chart_is_empty (chart);
  if (layout->empty)
    {
      layout->plot = (XfChartBox) { XF_CHART_PADDING, top, MAX (width - 2 * XF_CHART_PADDING, 1.0), MAX (bottom - top, 1.0) };
      return;
    }

  legend_height = _xf_chart_flow_legend (chart, layout, 0.0, NULL, NULL);
  if (legend_height > 0.0)
    {
      bottom -= legend_height;
      layout->legend_top = bottom;
      bottom -= XF_CHART_GAP;
    }
  if (chart->kind == XF_CHART_DONUT)
    layout_donut (chart, layout, top, bottom);
  else
    layout_axes (chart, layout, top, bottom);
}

static gboolean
item_contains (const XfChartLayout *layout,
               XfChartKind   kind,
               const XfChartItem   *item,
               double        x,
               double        y)
{
  if (kind == XF_CHART_DONUT)
    {
      double dx = x - layout->cx, dy = y - layout->cy;
      double distance = sqrt (dx * dx + dy * dy);
      double angle = atan2 (dy, dx);

      if (distance < layout->r_inner || distance > layout->r_outer)
        return FALSE;
      /* Slices start at -π/2 and run clockwise up to 3π/2. */
      if (angle < -G_PI / 2.0)
        angle += 2 * G_PI;
      return angle >= item->angle0 && angle < item->angle1;
    }
  if (kind == XF_CHART_LINE)
    {
      double dx = x - (item->box.x + XF_CHART_LINE_HIT), dy = y - (item->box.y + XF_CHART_LINE_HIT);

      return dx * dx + dy * dy <= XF_CHART_LINE_HIT * XF_CHART_LINE_HIT;
    }
  return x >= item->box.x && x < item->box.x + item->box.width &&
         y >= item->box.y && y < item->box.y + item->box.height;
}

gboolean
xf_chart_hit_test_full (const XfChart      *chart,
                        const XfChartStyle *style,
                        double              width,
                        double              height,
                        double              x,
                        double              y,
                        guint              *series,
                        guint              *category)
{
  XfChartLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  _xf_chart_layout_compute (chart, style, width, height, &layout);
  /* The last drawn is on top: search backwards. */
  for (guint i = layout.items->len; i > 0 && !layout.empty; i--)
    {
      const XfChartItem *item = &g_array_index (layout.items, XfChartItem, i - 1);

      if (item_contains (&layout, chart->kind, item, x, y))
        {
          if (series != NULL)
            *series = item->series;
          if (category != NULL)
            *category = item->category;
          found = TRUE;
          break;
        }
    }
  _xf_chart_layout_clear (&layout);
  return found;
}

gboolean
xf_chart_hit_test (const XfChart *chart,
                   double         width,
                   double         height,
                   double         x,
                   double         y,
                   guint         *series,
                   guint         *category)
{
  return xf_chart_hit_test_full (chart, NULL, width, height, x, y, series, category);
}
