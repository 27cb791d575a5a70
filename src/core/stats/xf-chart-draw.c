/* xf-chart-draw.c — drawing a chart with cairo and Pango
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-chart-private.h"

/*
 * Drawing
 */

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* Black or white, whichever reads better on @fill (its luminance):
 * white on the orange and yellow would be too faint. */
static void
set_label_colour (cairo_t      *cr,
                  const double  fill[4])
{
  double luminance = 0.2126 * fill[0] + 0.7152 * fill[1] + 0.0722 * fill[2];

  if (luminance > 0.5)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.87);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

/* @text in @font at (@x, @y), at most @max_width wide (ending in "…"),
 * aligned by @align (0 left, 0.5 centre, 1 right). */
static void
show_text (cairo_t                    *cr,
           const XfChartLayout               *layout,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      max_width,
           double                      align)
{
  g_autoptr(PangoLayout) pango = _xf_chart_text_layout (layout, font, text);
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
draw_legend_entry (const XfChartLayout *layout,
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
  cairo_rectangle (cr, x, y + (layout->line_height - XF_CHART_SWATCH) / 2, XF_CHART_SWATCH, XF_CHART_SWATCH);
  cairo_fill (cr);
  set_rgba (cr, style->foreground);
  show_text (cr, layout, layout->font, _xf_chart_legend_label (chart, i), x + XF_CHART_SWATCH + 4.0, y,
             layout->width - 2 * XF_CHART_PADDING - XF_CHART_SWATCH - 4.0, 0.0);
}

static void
draw_axes (const XfChart      *chart,
           cairo_t            *cr,
           const XfChartLayout       *layout,
           const XfChartStyle *style)
{
  const XfChartBox *plot = &layout->plot;
  double slot = plot->width / MAX (chart->categories->len, 1);

  cairo_set_line_width (cr, 1.0);
  for (double v = 0.0; v <= layout->axis_max + layout->step / 2; v += layout->step)
    {
      g_autofree char *label = _xf_chart_tick_label (v, layout->step);
      double y = plot->y + plot->height - v * plot->height / layout->axis_max;

      set_rgba (cr, style->grid);
      cairo_move_to (cr, plot->x, round (y) + 0.5);
      cairo_line_to (cr, plot->x + plot->width, round (y) + 0.5);
      cairo_stroke (cr);
      set_rgba (cr, style->foreground);
      show_text (cr, layout, layout->font, label, plot->x - XF_CHART_GAP, y - layout->line_height / 2, 0, 1.0);
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
      double y = plot->y + plot->height + XF_CHART_GAP / 2;

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
               (layout->legend_top > 0 ? layout->legend_top - XF_CHART_GAP : layout->height - XF_CHART_PADDING)
                 - layout->line_height,
               plot->width, 0.5);
  if (chart->y_title != NULL && *chart->y_title != '\0')
    {
      cairo_save (cr);
      cairo_translate (cr, XF_CHART_PADDING, plot->y + plot->height / 2);
      cairo_rotate (cr, -G_PI / 2);
      show_text (cr, layout, layout->font, chart->y_title, 0, 0, plot->height, 0.5);
      cairo_restore (cr);
    }
}

static void
draw_value_label (cairo_t            *cr,
                  const XfChartLayout       *layout,
                  const XfChartStyle *style,
                  double              value,
                  double              x,
                  double              y,
                  double              room)
{
  g_autofree char *text = _xf_chart_format_value (value);
  double w;

  _xf_chart_text_size (layout, layout->font, text, &w, NULL);
  if (w + 2.0 > room)
    return;
  set_rgba (cr, style->foreground);
  show_text (cr, layout, layout->font, text, x, y, 0, 0.5);
}

static void
draw_items (const XfChart      *chart,
            cairo_t            *cr,
            const XfChartLayout       *layout,
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
              const XfChartItem *item = &g_array_index (layout->items, XfChartItem, i);

              if (item->series == s)
                cairo_line_to (cr, item->box.x + XF_CHART_LINE_HIT, item->box.y + XF_CHART_LINE_HIT);
            }
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < layout->items->len; i++)
    {
      const XfChartItem *item = &g_array_index (layout->items, XfChartItem, i);
      double value = xf_chart_get_value (chart, item->series, item->category);
      const XfChartBox *box = &item->box;

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

              set_label_colour (cr, rgba);
              show_text (cr, layout, layout->font, share, layout->cx + r * cos (mid),
                         layout->cy + r * sin (mid) - layout->line_height / 2, 0, 0.5);
            }
          break;
        case XF_CHART_LINE:
          cairo_arc (cr, box->x + XF_CHART_LINE_HIT, box->y + XF_CHART_LINE_HIT, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case XF_CHART_STACKED_BAR:
          cairo_rectangle (cr, box->x, box->y, box->width, box->height);
          cairo_fill (cr);
          if (box->height >= layout->line_height + 2)
            {
              g_autofree char *text = _xf_chart_format_value (value);
              double w;

              _xf_chart_text_size (layout, layout->font, text, &w, NULL);
              if (w + 4.0 <= box->width)
                {
                  set_label_colour (cr, rgba);
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
                 layout->cy - layout->line_height * 1.1, layout->r_inner * 1.8, 0.5);
      /* TRANSLATORS: under the sum in the middle of a donut chart */
      show_text (cr, layout, layout->font, _("Total"), layout->cx,
                 layout->cy + layout->line_height * 0.15, layout->r_inner * 1.8, 0.5);
    }
}

static void
draw_focus (const XfChart      *chart,
            cairo_t            *cr,
            const XfChartLayout       *layout,
            const XfChartStyle *style,
            int                 focus_series,
            int                 focus_category)
{
  for (guint i = 0; i < layout->items->len; i++)
    {
      const XfChartItem *item = &g_array_index (layout->items, XfChartItem, i);

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
        cairo_arc (cr, item->box.x + XF_CHART_LINE_HIT, item->box.y + XF_CHART_LINE_HIT, 7.0, 0, 2 * G_PI);
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
  XfChartLayout layout;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  _xf_chart_layout_compute (chart, style, width, height, &layout);
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
        _xf_chart_flow_legend (chart, &layout, layout.legend_top, draw_legend_entry, args);
      draw_focus (chart, cr, &layout, style, focus_series, focus_category);
    }
  cairo_restore (cr);
  _xf_chart_layout_clear (&layout);
}
