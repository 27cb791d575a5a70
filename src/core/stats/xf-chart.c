/* xf-chart.c — the chart's model, its descriptions, table and export
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-chart"

#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "xf-chart-private.h"
#include "xf-error.h"

XfChart *
xf_chart_new (XfChartKind  kind,
              const char  *title)
{
  XfChart *chart = g_new0 (XfChart, 1);

  chart->kind = kind;
  chart->title = g_strdup (title != NULL ? title : "");
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series_labels = g_ptr_array_new_with_free_func (g_free);
  chart->series_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return chart;
}

void
xf_chart_free (XfChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->x_title);
  g_free (chart->y_title);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series_labels);
  g_ptr_array_unref (chart->series_values);
  g_free (chart);
}

XfChartKind
xf_chart_get_kind (const XfChart *chart)
{
  g_return_val_if_fail (chart != NULL, XF_CHART_BAR);
  return chart->kind;
}

void
xf_chart_set_kind (XfChart     *chart,
                   XfChartKind  kind)
{
  g_return_if_fail (chart != NULL);
  chart->kind = kind;
}

const char *
xf_chart_get_title (const XfChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

void
xf_chart_set_axis_titles (XfChart    *chart,
                          const char *x_title,
                          const char *y_title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->x_title);
  chart->x_title = g_strdup (x_title);
  g_free (chart->y_title);
  chart->y_title = g_strdup (y_title);
}

void
xf_chart_add_category (XfChart    *chart,
                       const char *label)
{
  g_return_if_fail (chart != NULL);
  g_ptr_array_add (chart->categories, g_strdup (label != NULL ? label : ""));
}

guint
xf_chart_add_series (XfChart      *chart,
                     const char   *label,
                     const double *values,
                     guint         n_values)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (double));

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  for (guint i = 0; i < n_values; i++)
    {
      /* Not-a-number and infinities would poison every scale. */
      double value = isfinite (values[i]) ? values[i] : 0.0;

      g_array_append_val (array, value);
    }
  g_ptr_array_add (chart->series_labels, g_strdup (label != NULL ? label : ""));
  g_ptr_array_add (chart->series_values, array);
  return chart->series_labels->len - 1;
}

guint
xf_chart_get_n_categories (const XfChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->categories->len;
}

guint
xf_chart_get_n_series (const XfChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->series_labels->len;
}

const char *
xf_chart_get_category (const XfChart *chart,
                       guint          category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);
  return g_ptr_array_index (chart->categories, category);
}

const char *
xf_chart_get_series_label (const XfChart *chart,
                           guint          series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series_labels->len, NULL);
  return g_ptr_array_index (chart->series_labels, series);
}

double
xf_chart_get_value (const XfChart *chart,
                    guint          series,
                    guint          category)
{
  GArray *values;

  g_return_val_if_fail (chart != NULL, 0.0);

  if (series >= chart->series_values->len)
    return 0.0;
  values = g_ptr_array_index (chart->series_values, series);
  if (category >= values->len)
    return 0.0;
  return g_array_index (values, double, category);
}

double
_xf_chart_series_total (const XfChart *chart,
                        guint          series)
{
  double total = 0.0;

  for (guint c = 0; c < chart->categories->len; c++)
    total += MAX (xf_chart_get_value (chart, series, c), 0.0);
  return total;
}

double
_xf_chart_category_total (const XfChart *chart,
                          guint          category)
{
  double total = 0.0;

  for (guint s = 0; s < chart->series_labels->len; s++)
    total += MAX (xf_chart_get_value (chart, s, category), 0.0);
  return total;
}

gboolean
_xf_chart_is_empty (const XfChart *chart)
{
  if (chart->categories->len == 0 || chart->series_labels->len == 0)
    return TRUE;
  /* A donut of nothing has no slices to show. */
  if (chart->kind == XF_CHART_DONUT)
    return _xf_chart_series_total (chart, 0) <= 0.0;
  return FALSE;
}

char *
_xf_chart_format_value (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.2f", value);
}

XfChart *
xf_chart_new_from_stats (const XfStatsTable *table,
                         XfChartKind         kind,
                         const char         *title)
{
  XfChart *chart;
  guint n_rows, n_columns;

  g_return_val_if_fail (table != NULL, NULL);

  chart = xf_chart_new (kind, title);
  n_rows = table->row_labels != NULL ? table->row_labels->len : 0;
  n_columns = table->column_labels != NULL ? table->column_labels->len : 0;
  for (guint r = 0; r < n_rows; r++)
    xf_chart_add_category (chart, g_ptr_array_index (table->row_labels, r));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree double *values = g_new0 (double, MAX (n_rows, 1));

      for (guint r = 0; r < n_rows; r++)
        values[r] = table->counts != NULL ? (double) table->counts[r * n_columns + c] : 0.0;
      xf_chart_add_series (chart, g_ptr_array_index (table->column_labels, c), values, n_rows);
    }
  xf_chart_set_axis_titles (chart, NULL, _("Pioneers"));
  return chart;
}

/*
 * Descriptions
 */

char *
xf_chart_describe_item (const XfChart *chart,
                        guint          series,
                        guint          category)
{
  g_autofree char *value = NULL;
  g_autofree char *share = NULL;
  const char *category_label;
  const char *series_label;
  double total;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series_labels->len, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);

  category_label = xf_chart_get_category (chart, category);
  series_label = xf_chart_get_series_label (chart, series);
  value = _xf_chart_format_value (xf_chart_get_value (chart, series, category));
  if (chart->kind == XF_CHART_LINE)
    /* TRANSLATORS: a point of a trend: "2026-03 — Individuals: 125" */
    return g_strdup_printf (_("%s — %s: %s"), category_label, series_label, value);

  /* The share of the series' total: what part of all individuals are in
   * manufacturing. */
  total = _xf_chart_series_total (chart, series);
  share = g_strdup_printf ("%.1f%%",
                           total > 0.0 ? 100.0 * MAX (xf_chart_get_value (chart, series, category), 0.0) / total
                                       : 0.0);
  /* TRANSLATORS: a chart's item: "Manufacturing — Individuals: 125 (31.2%)" */
  return g_strdup_printf (_("%s — %s: %s (%s)"), category_label, series_label, value, share);
}

static const char *
kind_name (XfChartKind kind)
{
  switch (kind)
    {
    case XF_CHART_STACKED_BAR:
      return _("Stacked bar chart");
    case XF_CHART_DONUT:
      return _("Donut chart");
    case XF_CHART_LINE:
      return _("Line chart");
    case XF_CHART_BAR:
    default:
      return _("Bar chart");
    }
}

char *
xf_chart_describe (const XfChart *chart)
{
  g_autofree char *largest = NULL;
  g_autofree char *smallest = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *series = NULL;
  guint n_series, n_categories;
  guint max_s = 0, max_c = 0, min_s = 0, min_c = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  if (_xf_chart_is_empty (chart))
    /* TRANSLATORS: "Bar chart “Pioneers by industry”: no figures." */
    return g_strdup_printf (_("%s “%s”: no figures."), kind_name (chart->kind), chart->title);

  n_series = chart->kind == XF_CHART_DONUT ? 1 : chart->series_labels->len;
  n_categories = chart->categories->len;
  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_categories; c++)
      {
        double value = xf_chart_get_value (chart, s, c);

        if (value > xf_chart_get_value (chart, max_s, max_c))
          max_s = s, max_c = c;
        if (value < xf_chart_get_value (chart, min_s, min_c))
          min_s = s, min_c = c;
      }
  largest = xf_chart_describe_item (chart, max_s, max_c);
  smallest = xf_chart_describe_item (chart, min_s, min_c);
  categories = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories",
                                             n_categories), n_categories);
  series = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u series", "%u series", n_series),
                            n_series);
  /* TRANSLATORS: "Bar chart “Pioneers by industry”: 12 categories, 2
   * series. Largest: …. Smallest: …." */
  return g_strdup_printf (_("%s “%s”: %s, %s. Largest: %s. Smallest: %s."),
                          kind_name (chart->kind), chart->title, categories, series,
                          largest, smallest);
}

XfTable *
xf_chart_to_table (const XfChart *chart)
{
  XfTable *table;
  gboolean integral = TRUE;

  g_return_val_if_fail (chart != NULL, NULL);

  table = xf_table_new (chart->title);
  for (guint s = 0; s < chart->series_labels->len; s++)
    for (guint c = 0; c < chart->categories->len; c++)
      {
        double value = xf_chart_get_value (chart, s, c);

        if (fabs (value - round (value)) > 1e-9)
          integral = FALSE;
      }
  xf_table_add_column (table, chart->x_title != NULL && *chart->x_title != '\0'
                                ? chart->x_title : _("Category"),
                       XF_TABLE_TEXT);
  for (guint s = 0; s < chart->series_labels->len; s++)
    xf_table_add_column (table, xf_chart_get_series_label (chart, s),
                         integral ? XF_TABLE_INTEGER : XF_TABLE_NUMBER);
  for (guint c = 0; c < chart->categories->len; c++)
    {
      guint row = xf_table_add_row (table);

      xf_table_set_text (table, row, 0, xf_chart_get_category (chart, c));
      for (guint s = 0; s < chart->series_labels->len; s++)
        xf_table_set_number (table, row, s + 1, xf_chart_get_value (chart, s, c));
    }
  return table;
}

/*
 * Export
 */

gboolean
xf_chart_format_from_path (const char    *path,
                           XfChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = XF_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = XF_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = XF_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
xf_chart_export (const XfChart      *chart,
                 const char         *path,
                 XfChartFormat       format,
                 double              width,
                 double              height,
                 const XfChartStyle *style,
                 GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  if (!(width >= 1 && height >= 1 && width <= 16384 && height <= 16384))
    return xf_error_set_write_failed (error, path, _("the size is out of range"));

  /* Drawn in memory and written in one go (g_file_set_contents () renames
   * a temporary file into place), so a failure leaves no partial file. */
  switch (format)
    {
    case XF_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      break;
    case XF_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xianfeng");
      break;
    case XF_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    }
  cr = cairo_create (surface);
  xf_chart_draw (chart, cr, width, height, style, -1, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == XF_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return xf_error_set_write_failed (error, path, cairo_status_to_string (status));

  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, &local_error))
    return xf_error_set_write_failed (error, path, local_error->message);
  return TRUE;
}
