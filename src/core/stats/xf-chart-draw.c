/* xf-chart-draw.c — the chart's layout, drawing and hit test
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "xf-chart-private.h"

/*
 * One layout, computed the same way for drawing and for the hit test, so
 * that what the pointer is over is what is drawn there. Text is measured in
 * a device-independent Pango context (72 dpi, unhinted metrics): a unit is a
 * pixel on screen and in PNG, a point in SVG and PDF.
 */

#define PADDING        12.0
#define GAP            6.0
#define SWATCH         10.0
#define DEFAULT_FONT   "Noto Sans CJK SC, Sans 10"
#define LINE_HIT       8.0

typedef struct
{
  double x, y, width, height;
} Box;

typedef struct
{
  guint  series;
  guint  category;
  Box    box;             /* bars; a point's box is centred on it */
  double angle0, angle1;  /* donut slices */
} Item;

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  PangoFontDescription *title_font;
  double                line_height;
  double                width, height;
  gboolean              empty;
  Box                   title;
  Box                   plot;
  double                axis_max, step;
  double                tick_width;
  double                label_angle;     /* 0 or -45° in radians */
  double                label_length;    /* the most a category label may take */
  guint                 label_every;     /* draw every n-th category label */
  double                legend_top;
  double                cx, cy, r_outer, r_inner;   /* donut */
  GArray               *items;           /* (element-type Item) */
} Layout;

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
 * Layout
 */

static PangoLayout *
text_layout (const Layout               *layout,
             const PangoFontDescription *font,
             const char                 *text)
{
  PangoLayout *pango = pango_layout_new (layout->context);

  pango_layout_set_font_description (pango, font);
  pango_layout_set_text (pango, text, -1);
  return pango;
}

static void
text_size (const Layout               *layout,
           const PangoFontDescription *font,
           const char                 *text,
           double                     *width,
           double                     *height)
{
  g_autoptr(PangoLayout) pango = text_layout (layout, font, text);
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

static char *
tick_label (double value,
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

static const char *
legend_label (const XfChart *chart,
              guint          i)
{
  if (chart->kind == XF_CHART_DONUT)
    return g_ptr_array_index (chart->categories, i);
  return g_ptr_array_index (chart->series_labels, i);
}

/* Lays the legend out in rows from @top, calling @place for each entry
 * (NULL: only measures); returns its height. */
typedef void (*PlaceEntry) (const Layout *layout, guint i, double x, double y, gpointer data);

static double
flow_legend (const XfChart *chart,
             const Layout  *layout,
             double         top,
             PlaceEntry     place,
             gpointer       data)
{
  guint n = n_legend_entries (chart);
  double x = PADDING, y = top;
  double right = layout->width - PADDING;

  if (n == 0)
    return 0.0;
  for (guint i = 0; i < n; i++)
    {
      double w;

      text_size (layout, layout->font, legend_label (chart, i), &w, NULL);
      w = MIN (w, right - PADDING - SWATCH - 4.0) + SWATCH + 4.0;
      if (x > PADDING && x + w > right)
        {
          x = PADDING;
          y += layout->line_height + 2.0;
        }
      if (place != NULL)
        place (layout, i, x, y, data);
      x += w + 2.0 * GAP;
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
add_item (Layout *layout,
          guint   series,
          guint   category,
          Box     box)
{
  Item item = { series, category, box, 0.0, 0.0 };

  g_array_append_val (layout->items, item);
}

static void
layout_axes (const XfChart *chart,
             Layout        *layout,
             double         top,
             double         bottom)
{
  guint n_categories = chart->categories->len;
  guint n_series = chart->series_labels->len;
  gboolean integral;
  double max = max_value (chart, &integral);
  double left = PADDING, slot, label_width = 0.0;
  double labels_height;

  if (max <= 0.0)
    max = integral ? 5.0 : 1.0;
  layout->step = nice_step (max, integral);
  /* Headroom over the tallest bar for its value label. */
  layout->axis_max = ceil (max * 1.08 / layout->step - 1e-9) * layout->step;

  /* Left: the y axis' title (rotated) and its tick labels. */
  if (chart->y_title != NULL && *chart->y_title != '\0')
    left += layout->line_height + GAP;
  for (double v = 0.0; v <= layout->axis_max + layout->step / 2; v += layout->step)
    {
      g_autofree char *label = tick_label (v, layout->step);
      double w;

      text_size (layout, layout->font, label, &w, NULL);
      layout->tick_width = MAX (layout->tick_width, w);
    }
  left += layout->tick_width + GAP;

  /* Bottom: the x axis' title, then the category labels. */
  if (chart->x_title != NULL && *chart->x_title != '\0')
    bottom -= layout->line_height + GAP;

  for (guint c = 0; c < n_categories; c++)
    {
      double w;

      text_size (layout, layout->font, g_ptr_array_index (chart->categories, c), &w, NULL);
      label_width = MAX (label_width, w);
    }
  slot = (layout->width - PADDING - left) / MAX (n_categories, 1);
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

      layout->label_angle = -G_PI / 4.0;
      layout->label_length = MIN (label_width, MAX (room / G_SQRT2 - layout->line_height, 20.0));
      labels_height = (layout->label_length + layout->line_height) / G_SQRT2;
      layout->label_every = (guint) ceil ((layout->line_height * G_SQRT2 * 0.8) / MAX (slot, 1.0));
      layout->label_every = MAX (layout->label_every, 1);
      /* The first label reaches left of its slot: keep it in the box. */
      left = MAX (left, PADDING + layout->label_length / G_SQRT2 - slot / 2);
    }
  bottom -= labels_height + GAP;

  layout->plot = (Box) { left, top, MAX (layout->width - PADDING - left, 1.0),
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

              add_item (layout, s, c, (Box) { x0 + (slot - group) / 2 + s * bar, base - h,
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
              add_item (layout, s, c, (Box) { x0 + (slot - bar) / 2, y, bar, h });
            }
        }
      else   /* a line: a point per series at the slot's centre */
        for (guint s = 0; s < n_series; s++)
          {
            double y = base - MAX (xf_chart_get_value (chart, s, c), 0.0) * scale;

            add_item (layout, s, c, (Box) { x0 + slot / 2 - LINE_HIT, y - LINE_HIT,
                                            2 * LINE_HIT, 2 * LINE_HIT });
          }
    }
}

static void
layout_donut (const XfChart *chart,
              Layout        *layout,
              double         top,
              double         bottom)
{
  double total = _xf_chart_series_total (chart, 0);
  double angle = -G_PI / 2.0;

  layout->plot = (Box) { PADDING, top, MAX (layout->width - 2 * PADDING, 1.0),
                         MAX (bottom - top, 1.0) };
  layout->cx = layout->plot.x + layout->plot.width / 2;
  layout->cy = layout->plot.y + layout->plot.height / 2;
  layout->r_outer = MAX (MIN (layout->plot.width, layout->plot.height) / 2 - 2.0, 1.0);
  layout->r_inner = layout->r_outer * 0.55;
  for (guint c = 0; c < chart->categories->len; c++)
    {
      double value = MAX (xf_chart_get_value (chart, 0, c), 0.0);
      Item item = { 0, c, { 0 }, angle, angle + 2 * G_PI * value / total };

      angle = item.angle1;
      if (value > 0.0)
        g_array_append_val (layout->items, item);
    }
}

static void
layout_clear (Layout *layout)
{
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->font, pango_font_description_free);
  g_clear_pointer (&layout->title_font, pango_font_description_free);
  g_clear_pointer (&layout->items, g_array_unref);
}

static void
layout_compute (const XfChart      *chart,
                const XfChartStyle *style,
                double              width,
                double              height,
                Layout             *layout)
{
  cairo_font_options_t *options;
  double top, bottom, legend_height;

  *layout = (Layout) { 0 };
  layout->width = width;
  layout->height = height;
  layout->items = g_array_new (FALSE, TRUE, sizeof (Item));
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
                                                       ? style->font : DEFAULT_FONT);
  if (pango_font_description_get_size (layout->font) <= 0)
    pango_font_description_set_size (layout->font, 10 * PANGO_SCALE);
  layout->title_font = pango_font_description_copy (layout->font);
  pango_font_description_set_weight (layout->title_font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (layout->title_font,
                                   pango_font_description_get_size (layout->font) * 13 / 10);
  text_size (layout, layout->font, "Ag汉", NULL, &layout->line_height);

  top = PADDING;
  layout->title = (Box) { PADDING, top, MAX (width - 2 * PADDING, 1.0), 0.0 };
  if (chart->title[0] != '\0')
    {
      text_size (layout, layout->title_font, chart->title, NULL, &layout->title.height);
      top += layout->title.height + GAP;
    }
  bottom = height - PADDING;
  layout->empty = _xf_chart_is_empty (chart);
  if (layout->empty)
    {
      layout->plot = (Box) { PADDING, top, MAX (width - 2 * PADDING, 1.0), MAX (bottom - top, 1.0) };
      return;
    }

  legend_height = flow_legend (chart, layout, 0.0, NULL, NULL);
  if (legend_height > 0.0)
    {
      bottom -= legend_height;
      layout->legend_top = bottom;
      bottom -= GAP;
    }
  if (chart->kind == XF_CHART_DONUT)
    layout_donut (chart, layout, top, bottom);
  else
    layout_axes (chart, layout, top, bottom);
}

static gboolean
item_contains (const Layout *layout,
               XfChartKind   kind,
               const Item   *item,
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
      double dx = x - (item->box.x + LINE_HIT), dy = y - (item->box.y + LINE_HIT);

      return dx * dx + dy * dy <= LINE_HIT * LINE_HIT;
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
  Layout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  layout_compute (chart, style, width, height, &layout);
  /* The last drawn is on top: search backwards. */
  for (guint i = layout.items->len; i > 0 && !layout.empty; i--)
    {
      const Item *item = &g_array_index (layout.items, Item, i - 1);

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
  layout_clear (&layout);
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

/*
 * Drawing
 */

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* @text in @font at (@x, @y), at most @max_width wide (ending in "…"),
 * aligned by @align (0 left, 0.5 centre, 1 right). */
static void
show_text (cairo_t                    *cr,
           const Layout               *layout,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      max_width,
           double                      align)
{
  g_autoptr(PangoLayout) pango = text_layout (layout, font, text);
  PangoRectangle logical;

  if (max_width > 0)
    {
      pango_layout_set_width (pango, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (pango, TRUE);
    }
  pango_layout_get_extents (pango, NULL, &logical);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE - (double) logical.x / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, pango);
}

static void
draw_legend_entry (const Layout *layout,
                   guint         i,
                   double        x,
                   double        y,
                   gpointer      data)
{
  gpointer *args = data;
  const XfChart *chart = args[0];
  cairo_t *cr = args[1];
  const XfChartStyle *style = args[2];
  double rgba[4];

  xf_chart_get_color (chart, style, i, rgba);
  set_rgba (cr, rgba);
  cairo_rectangle (cr, x, y + (layout->line_height - SWATCH) / 2, SWATCH, SWATCH);
  cairo_fill (cr);
  set_rgba (cr, style->foreground);
  show_text (cr, layout, layout->font, legend_label (chart, i), x + SWATCH + 4.0, y,
             layout->width - 2 * PADDING - SWATCH - 4.0, 0.0);
}

static void
draw_axes (const XfChart      *chart,
           cairo_t            *cr,
           const Layout       *layout,
           const XfChartStyle *style)
{
  const Box *plot = &layout->plot;
  double slot = plot->width / MAX (chart->categories->len, 1);

  cairo_set_line_width (cr, 1.0);
  for (double v = 0.0; v <= layout->axis_max + layout->step / 2; v += layout->step)
    {
      g_autofree char *label = tick_label (v, layout->step);
      double y = plot->y + plot->height - v * plot->height / layout->axis_max;

      set_rgba (cr, style->grid);
      cairo_move_to (cr, plot->x, round (y) + 0.5);
      cairo_line_to (cr, plot->x + plot->width, round (y) + 0.5);
      cairo_stroke (cr);
      set_rgba (cr, style->foreground);
      show_text (cr, layout, layout->font, label, plot->x - GAP, y - layout->line_height / 2, 0, 1.0);
    }
  set_rgba (cr, style->foreground);
  cairo_move_to (cr, plot->x + 0.5, plot->y);
  cairo_line_to (cr, plot->x + 0.5, plot->y + plot->height + 0.5);
  cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height + 0.5);
  cairo_stroke (cr);

  for (guint c = 0; c < chart->categories->len; c += layout->label_every)
    {
      const char *label = g_ptr_array_index (chart->categories, c);
      double x = plot->x + (c + 0.5) * slot;
      double y = plot->y + plot->height + GAP / 2;

      if (layout->label_angle == 0.0)
        show_text (cr, layout, layout->font, label, x, y, layout->label_length, 0.5);
      else
        {
          cairo_save (cr);
          cairo_translate (cr, x, y);
          cairo_rotate (cr, layout->label_angle);
          show_text (cr, layout, layout->font, label, 0, 0, layout->label_length, 1.0);
          cairo_restore (cr);
        }
    }

  if (chart->x_title != NULL && *chart->x_title != '\0')
    show_text (cr, layout, layout->font, chart->x_title, plot->x + plot->width / 2,
               (layout->legend_top > 0 ? layout->legend_top - GAP : layout->height - PADDING)
                 - layout->line_height,
               plot->width, 0.5);
  if (chart->y_title != NULL && *chart->y_title != '\0')
    {
      cairo_save (cr);
      cairo_translate (cr, PADDING, plot->y + plot->height / 2);
      cairo_rotate (cr, -G_PI / 2);
      show_text (cr, layout, layout->font, chart->y_title, 0, 0, plot->height, 0.5);
      cairo_restore (cr);
    }
}

static void
draw_value_label (cairo_t            *cr,
                  const Layout       *layout,
                  const XfChartStyle *style,
                  double              value,
                  double              x,
                  double              y,
                  double              room)
{
  g_autofree char *text = _xf_chart_format_value (value);
  double w;

  text_size (layout, layout->font, text, &w, NULL);
  if (w + 2.0 > room)
    return;
  set_rgba (cr, style->foreground);
  show_text (cr, layout, layout->font, text, x, y, 0, 0.5);
}

static void
draw_items (const XfChart      *chart,
            cairo_t            *cr,
            const Layout       *layout,
            const XfChartStyle *style)
{
  double rgba[4];

  if (chart->kind == XF_CHART_LINE)
    {
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < chart->series_labels->len; s++)
        {
          xf_chart_get_color (chart, style, s, rgba);
          set_rgba (cr, rgba);
          cairo_new_path (cr);
          for (guint i = 0; i < layout->items->len; i++)
            {
              const Item *item = &g_array_index (layout->items, Item, i);

              if (item->series == s)
                cairo_line_to (cr, item->box.x + LINE_HIT, item->box.y + LINE_HIT);
            }
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < layout->items->len; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, i);
      double value = xf_chart_get_value (chart, item->series, item->category);
      const Box *box = &item->box;

      xf_chart_get_color (chart, style, chart->kind == XF_CHART_DONUT ? item->category : item->series, rgba);
      set_rgba (cr, rgba);
      switch (chart->kind)
        {
        case XF_CHART_DONUT:
          cairo_new_path (cr);
          cairo_arc (cr, layout->cx, layout->cy, layout->r_outer, item->angle0, item->angle1);
          cairo_arc_negative (cr, layout->cx, layout->cy, layout->r_inner, item->angle1, item->angle0);
          cairo_close_path (cr);
          cairo_fill_preserve (cr);
          set_rgba (cr, style->background[3] > 0 ? style->background : style->grid);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          if (item->angle1 - item->angle0 > 0.35)
            {
              double mid = (item->angle0 + item->angle1) / 2;
              double r = (layout->r_inner + layout->r_outer) / 2;
              double total = _xf_chart_series_total (chart, 0);
              g_autofree char *share = g_strdup_printf ("%.0f%%", 100.0 * value / total);

              cairo_set_source_rgb (cr, 1, 1, 1);
              show_text (cr, layout, layout->font, share, layout->cx + r * cos (mid),
                         layout->cy + r * sin (mid) - layout->line_height / 2, 0, 0.5);
            }
          break;
        case XF_CHART_LINE:
          cairo_arc (cr, box->x + LINE_HIT, box->y + LINE_HIT, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case XF_CHART_STACKED_BAR:
          cairo_rectangle (cr, box->x, box->y, box->width, box->height);
          cairo_fill (cr);
          if (box->height >= layout->line_height + 2)
            {
              g_autofree char *text = _xf_chart_format_value (value);
              double w;

              text_size (layout, layout->font, text, &w, NULL);
              if (w + 4.0 <= box->width)
                {
                  cairo_set_source_rgb (cr, 1, 1, 1);
                  show_text (cr, layout, layout->font, text, box->x + box->width / 2,
                             box->y + (box->height - layout->line_height) / 2, 0, 0.5);
                }
            }
          break;
        case XF_CHART_BAR:
        default:
          cairo_rectangle (cr, box->x, box->y, box->width, box->height);
          cairo_fill (cr);
          if (box->y - layout->line_height >= layout->plot.y)
            draw_value_label (cr, layout, style, value, box->x + box->width / 2,
                              box->y - layout->line_height, box->width + 2.0);
          break;
        }
    }

  if (chart->kind == XF_CHART_DONUT)
    {
      g_autofree char *total = _xf_chart_format_value (_xf_chart_series_total (chart, 0));

      set_rgba (cr, style->foreground);
      show_text (cr, layout, layout->title_font, total, layout->cx,
                 layout->cy - layout->line_height * 0.65, layout->r_inner * 1.8, 0.5);
    }
}

static void
draw_focus (const XfChart      *chart,
            cairo_t            *cr,
            const Layout       *layout,
            const XfChartStyle *style,
            int                 focus_series,
            int                 focus_category)
{
  for (guint i = 0; i < layout->items->len; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, i);

      if ((int) item->category != focus_category ||
          (chart->kind != XF_CHART_DONUT && (int) item->series != focus_series))
        continue;
      set_rgba (cr, style->accent);
      cairo_set_line_width (cr, 2.0);
      cairo_new_path (cr);
      if (chart->kind == XF_CHART_DONUT)
        {
          cairo_arc (cr, layout->cx, layout->cy, layout->r_outer + 2, item->angle0, item->angle1);
          cairo_arc_negative (cr, layout->cx, layout->cy, MAX (layout->r_inner - 2, 0),
                              item->angle1, item->angle0);
          cairo_close_path (cr);
        }
      else if (chart->kind == XF_CHART_LINE)
        cairo_arc (cr, item->box.x + LINE_HIT, item->box.y + LINE_HIT, 7.0, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, item->box.x - 2, item->box.y - 2,
                         item->box.width + 4, item->box.height + 4);
      cairo_stroke (cr);
    }
}

void
xf_chart_draw (const XfChart      *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const XfChartStyle *style,
               int                 focus_series,
               int                 focus_category)
{
  Layout layout;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  layout_compute (chart, style, width, height, &layout);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background[3] > 0)
    {
      set_rgba (cr, style->background);
      cairo_paint (cr);
    }

  if (chart->title[0] != '\0')
    {
      set_rgba (cr, style->foreground);
      show_text (cr, &layout, layout.title_font, chart->title, layout.title.x,
                 layout.title.y, layout.title.width, 0.0);
    }

  if (layout.empty)
    {
      set_rgba (cr, style->foreground);
      show_text (cr, &layout, layout.font, _("No figures"),
                 layout.plot.x + layout.plot.width / 2,
                 layout.plot.y + (layout.plot.height - layout.line_height) / 2,
                 layout.plot.width, 0.5);
    }
  else
    {
      gpointer args[] = { (gpointer) chart, cr, (gpointer) style };

      if (chart->kind != XF_CHART_DONUT)
        draw_axes (chart, cr, &layout, style);
      draw_items (chart, cr, &layout, style);
      if (layout.legend_top > 0)
        flow_legend (chart, &layout, layout.legend_top, draw_legend_entry, args);
      draw_focus (chart, cr, &layout, style, focus_series, focus_category);
    }
  cairo_restore (cr);
  layout_clear (&layout);
}
