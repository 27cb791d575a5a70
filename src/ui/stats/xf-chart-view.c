/* xf-chart-view.c — a chart on screen: tooltips, keyboard focus, a table
 *                   view and export
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is a header (title, the table toggle, the Export menu) over a
 * stack of three: the canvas (a small private widget that draws the chart
 * and takes the keyboard focus), the table and the empty state. The core
 * draws, hit-tests and describes; this file only asks it.
 */

#define G_LOG_DOMAIN "xf-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "xf-chart-view.h"
#include "xf-error.h"

/* Exports are drawn at this size (pixels for PNG, points for SVG/PDF). */
#define EXPORT_WIDTH  960
#define EXPORT_HEIGHT 600

struct _XfChartView
{
  GtkWidget        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *header;
  GtkLabel        *title_label;
  GtkLabel        *caption_label;
  GtkWidget       *table_button;
  GtkWidget       *export_button;
  GtkStack        *stack;          /* "chart" | "table" | "empty" */
  GtkWidget       *canvas;
  GtkScrolledWindow *table_window;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_status;

  XfChart         *chart;
  XfTable         *table;
  int              focus_series;   /* -1: no item focused */
  int              focus_category;
  gboolean         show_table;
  gboolean         compact;
  char            *export_name;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (XfChartView, xf_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * The canvas: draws the chart, takes the focus, shows tooltips
 */

#define XF_TYPE_CHART_CANVAS (xf_chart_canvas_get_type ())
G_DECLARE_FINAL_TYPE (XfChartCanvas, xf_chart_canvas, XF, CHART_CANVAS, GtkWidget)

struct _XfChartCanvas
{
  GtkWidget    parent_instance;
  XfChartView *view;   /* weak: the view owns the canvas */
};

G_DEFINE_FINAL_TYPE (XfChartCanvas, xf_chart_canvas, GTK_TYPE_WIDGET)

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The core's style for the current light or dark appearance, with the
 * widget's own text and accent colours. */
static void
get_style (GtkWidget    *widget,
           XfChartStyle *style)
{
  GtkStyleContext *context;
  GdkRGBA color;

  xf_chart_style_init (style, style_is_dark ());
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &color);
  style->foreground[0] = color.red;
  style->foreground[1] = color.green;
  style->foreground[2] = color.blue;
  style->foreground[3] = color.alpha;
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    {
      style->accent[0] = color.red;
      style->accent[1] = color.green;
      style->accent[2] = color.blue;
      style->accent[3] = color.alpha;
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->background[3] = 0;
}

static void
xf_chart_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  XfChartCanvas *self = XF_CHART_CANVAS (widget);
  XfChartView *view = self->view;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean focused = gtk_widget_has_focus (widget);
  XfChartStyle style;
  cairo_t *cr;

  if (view == NULL || view->chart == NULL || width <= 0 || height <= 0)
    return;
  get_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  xf_chart_draw (view->chart, cr, width, height, &style,
                 focused ? view->focus_series : -1,
                 focused ? view->focus_category : -1);
  cairo_destroy (cr);
}

static void
xf_chart_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 320;
}

static void
xf_chart_canvas_class_init (XfChartCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = xf_chart_canvas_snapshot;
  widget_class->measure = xf_chart_canvas_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /* The view's actions, from the keys pressed on the canvas. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.focus-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.focus-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.focus-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.focus-series-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.focus-series-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.focus-series-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.focus-series-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.focus-first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.focus-last", NULL);
}

static void
xf_chart_canvas_init (XfChartCanvas *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/*
 * Keyboard focus and what is announced
 */

static guint
n_focus_series (XfChartView *self)
{
  /* A donut shows the first series only. */
  if (xf_chart_get_kind (self->chart) == XF_CHART_DONUT)
    return MIN (xf_chart_get_n_series (self->chart), 1);
  return xf_chart_get_n_series (self->chart);
}

static void
update_accessible (XfChartView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("No figures"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      return;
    }
  description = xf_chart_describe (self->chart);
  if (self->focus_series >= 0 && self->focus_category >= 0)
    label = xf_chart_describe_item (self->chart, self->focus_series, self->focus_category);
  else
    label = g_strdup (xf_chart_get_title (self->chart));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

/* Moves the focused item by @d_category and @d_series, wrapping; the first
 * move from none focuses the first item. */
static void
move_focus (XfChartView *self,
            int          d_category,
            int          d_series)
{
  int n_categories, n_series;

  if (self->chart == NULL)
    return;
  n_categories = xf_chart_get_n_categories (self->chart);
  n_series = n_focus_series (self);
  if (n_categories == 0 || n_series == 0)
    return;
  if (self->focus_series < 0 || self->focus_category < 0)
    {
      self->focus_series = 0;
      self->focus_category = d_category < 0 ? n_categories - 1 : 0;
    }
  else
    {
      self->focus_category = (self->focus_category + d_category + n_categories) % n_categories;
      self->focus_series = (self->focus_series + d_series + n_series) % n_series;
    }
  update_accessible (self);
  gtk_widget_queue_draw (self->canvas);
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfChartView *self = XF_CHART_VIEW (widget);
  const char *name = action_name + strlen ("chart.");

  if (self->chart == NULL)
    return;
  if (g_str_equal (name, "focus-next"))
    move_focus (self, 1, 0);
  else if (g_str_equal (name, "focus-previous"))
    move_focus (self, -1, 0);
  else if (g_str_equal (name, "focus-series-next"))
    move_focus (self, 0, 1);
  else if (g_str_equal (name, "focus-series-previous"))
    move_focus (self, 0, -1);
  else
    {
      guint n = xf_chart_get_n_categories (self->chart);

      if (n == 0 || n_focus_series (self) == 0)
        return;
      if (self->focus_series < 0)
        self->focus_series = 0;
      self->focus_category = g_str_equal (name, "focus-first") ? 0 : (int) n - 1;
      update_accessible (self);
      gtk_widget_queue_draw (self->canvas);
    }
}

char *
xf_chart_view_describe_at (XfChartView *self,
                           double       x,
                           double       y)
{
  guint series, category;

  g_return_val_if_fail (XF_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return NULL;
  if (!xf_chart_hit_test (self->chart, gtk_widget_get_width (self->canvas),
                          gtk_widget_get_height (self->canvas), x, y, &series, &category))
    return NULL;
  return xf_chart_describe_item (self->chart, series, category);
}

static gboolean
query_tooltip_cb (GtkWidget   *canvas,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  XfChartView *self)
{
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  if (keyboard_mode)
    {
      if (self->focus_series < 0 || self->focus_category < 0)
        return FALSE;
      text = xf_chart_describe_item (self->chart, self->focus_series, self->focus_category);
    }
  else
    text = xf_chart_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/*
 * The table
 */

#define XF_TYPE_CHART_ROW (xf_chart_row_get_type ())
G_DECLARE_FINAL_TYPE (XfChartRow, xf_chart_row, XF, CHART_ROW, GObject)

struct _XfChartRow
{
  GObject parent_instance;
  guint   row;
};

G_DEFINE_FINAL_TYPE (XfChartRow, xf_chart_row, G_TYPE_OBJECT)

static void xf_chart_row_class_init (XfChartRowClass *klass) { }
static void xf_chart_row_init (XfChartRow *self) { }

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              XfChartView              *self)
{
  XfChartRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = NULL;

  if (self->table != NULL && row->row < xf_table_get_n_rows (self->table))
    text = xf_table_dup_cell_text (self->table, row->row, column);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static gboolean
is_numeric (XfTableType type)
{
  return type == XF_TABLE_INTEGER || type == XF_TABLE_NUMBER || type == XF_TABLE_PERCENT;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  XfChartView *self = g_object_get_data (G_OBJECT (column), "view");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "column"));
  guint ra = XF_CHART_ROW ((gpointer) a)->row, rb = XF_CHART_ROW ((gpointer) b)->row;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (self->table == NULL)
    return 0;
  if (is_numeric (xf_table_get_column_type (self->table, index)))
    {
      double va = xf_table_get_number (self->table, ra, index);
      double vb = xf_table_get_number (self->table, rb, index);

      return va < vb ? -1 : va > vb ? 1 : 0;
    }
  ta = xf_table_dup_cell_text (self->table, ra, index);
  tb = xf_table_dup_cell_text (self->table, rb, index);
  return g_utf8_collate (ta != NULL ? ta : "", tb != NULL ? tb : "");
}

/* A new column view for the table: its columns change with the chart. */
static void
build_table (XfChartView *self)
{
  g_autoptr(GListStore) store = g_list_store_new (XF_TYPE_CHART_ROW);
  GtkSortListModel *sorted;
  GtkWidget *view;
  guint n_columns, n_rows;

  g_clear_pointer (&self->table, xf_table_free);
  if (self->chart != NULL)
    self->table = xf_chart_to_table (self->chart);
  n_columns = self->table != NULL ? xf_table_get_n_columns (self->table) : 0;
  n_rows = self->table != NULL ? xf_table_get_n_rows (self->table) : 0;
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(XfChartRow) row = g_object_new (XF_TYPE_CHART_ROW, NULL);

      row->row = i;
      g_list_store_append (store, row);
    }

  view = gtk_column_view_new (NULL);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;
      gboolean numeric = is_numeric (xf_table_get_column_type (self->table, c));

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      column = gtk_column_view_column_new (xf_table_get_column_name (self->table, c), factory);
      g_object_set_data (G_OBJECT (column), "view", self);
      g_object_set_data (G_OBJECT (column), "column", GUINT_TO_POINTER (c));
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, column, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view))));
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (sorted));

    gtk_column_view_set_model (GTK_COLUMN_VIEW (view), GTK_SELECTION_MODEL (selection));
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart != NULL ? xf_chart_get_title (self->chart) : "",
                                  -1);
  gtk_scrolled_window_set_child (self->table_window, view);
  self->column_view = GTK_COLUMN_VIEW (view);
}

/*
 * What shows
 */

static void
update_visible (XfChartView *self)
{
  const char *page;

  if (self->chart == NULL || xf_chart_get_n_categories (self->chart) == 0)
    page = "empty";
  else if (self->show_table)
    page = "table";
  else
    page = "chart";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->header, !self->compact);
  /* The chart draws its own title; the table and the empty state don't. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !g_str_equal (page, "chart"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-png", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-svg", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-pdf", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-csv", self->chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-xlsx", self->chart != NULL);
}

GtkWidget *
xf_chart_view_new (void)
{
  return g_object_new (XF_TYPE_CHART_VIEW, NULL);
}

void
xf_chart_view_set_chart (XfChartView *self,
                         XfChart     *chart)
{
  g_return_if_fail (XF_IS_CHART_VIEW (self));

  if (self->chart != chart)
    g_clear_pointer (&self->chart, xf_chart_free);
  self->chart = chart;
  self->focus_series = -1;
  self->focus_category = -1;
  gtk_label_set_text (self->title_label, chart != NULL ? xf_chart_get_title (chart) : "");
  build_table (self);
  update_accessible (self);
  update_visible (self);
  gtk_widget_queue_draw (self->canvas);
}

const XfChart *
xf_chart_view_get_chart (XfChartView *self)
{
  g_return_val_if_fail (XF_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
xf_chart_view_set_show_table (XfChartView *self,
                              gboolean     show_table)
{
  g_return_if_fail (XF_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->table_button), show_table);
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_TABLE]);
}

gboolean
xf_chart_view_get_show_table (XfChartView *self)
{
  g_return_val_if_fail (XF_IS_CHART_VIEW (self), FALSE);

  return self->show_table;
}

void
xf_chart_view_set_compact (XfChartView *self,
                           gboolean     compact)
{
  g_return_if_fail (XF_IS_CHART_VIEW (self));

  self->compact = !!compact;
  if (self->compact)
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_status), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_status), "compact");
  update_visible (self);
}

void
xf_chart_view_set_export_name (XfChartView *self,
                               const char  *name)
{
  g_return_if_fail (XF_IS_CHART_VIEW (self));

  g_free (self->export_name);
  self->export_name = g_strdup (name);
}

void
xf_chart_view_set_caption (XfChartView *self,
                           const char  *caption)
{
  g_return_if_fail (XF_IS_CHART_VIEW (self));

  gtk_label_set_text (self->caption_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), caption != NULL && *caption != '\0');
}

GtkWidget *
xf_chart_view_get_canvas (XfChartView *self)
{
  g_return_val_if_fail (XF_IS_CHART_VIEW (self), NULL);

  return self->canvas;
}

gboolean
xf_chart_view_get_focused_item (XfChartView *self,
                                guint       *series,
                                guint       *category)
{
  g_return_val_if_fail (XF_IS_CHART_VIEW (self), FALSE);

  if (self->chart == NULL || self->focus_series < 0 || self->focus_category < 0)
    return FALSE;
  if (series != NULL)
    *series = self->focus_series;
  if (category != NULL)
    *category = self->focus_category;
  return TRUE;
}

/*
 * Export
 */

gboolean
xf_chart_view_export (XfChartView  *self,
                      const char   *path,
                      GError      **error)
{
  XfChartFormat format;

  g_return_val_if_fail (XF_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Export: there are no figures to export"));
      return FALSE;
    }
  if (xf_chart_format_from_path (path, &format))
    {
      XfChartStyle style;

      /* Documents are printed on white: always the light style. */
      xf_chart_style_init (&style, FALSE);
      if (format == XF_CHART_FORMAT_PNG)
        {
          style.background[0] = style.background[1] = style.background[2] = 1.0;
          style.background[3] = 1.0;
        }
      return xf_chart_export (self->chart, path, format, EXPORT_WIDTH, EXPORT_HEIGHT, &style, error);
    }
  if (self->table == NULL)
    self->table = xf_chart_to_table (self->chart);
  return xf_table_write (self->table, path, error);
}

static void
show_toast (XfChartView *self,
            const char  *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     XfChartView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_toast (self, _("Export: choose a file on this computer"));
      else if (!xf_chart_view_export (self, path, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          /* Translators: %s is a file name ("statistics-industry.png") */
          g_autofree char *text = g_strdup_printf (_("Saved %s"), base);

          show_toast (self, text);
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfChartView *self = XF_CHART_VIEW (widget);
  const char *ext = strrchr (action_name, '-') + 1;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *upper = g_ascii_strup (ext, -1);
  GtkFileFilter *filter;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chart == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Chart"),
                                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  name = g_strdup_printf ("%s.%s", self->export_name != NULL ? self->export_name : "chart", ext);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  /* Translators: %s is a file format ("PNG", "CSV") */
  {
    g_autofree char *filter_name = g_strdup_printf (_("%s files"), upper);

    gtk_file_filter_set_name (filter, filter_name);
  }
  pattern = g_strdup_printf ("*.%s", ext);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
table_toggled_cb (GtkToggleButton *button,
                  XfChartView     *self)
{
  xf_chart_view_set_show_table (self, gtk_toggle_button_get_active (button));
}

/*
 * GObject
 */

static void
dark_changed_cb (XfChartView *self)
{
  gtk_widget_queue_draw (self->canvas);
}

static void
canvas_focus_changed_cb (XfChartView *self)
{
  gtk_widget_queue_draw (self->canvas);
}

static GMenuModel *
export_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *chart = g_menu_new ();
  GMenu *table = g_menu_new ();

  g_menu_append (chart, _("Image (PNG)"), "chart.export-png");
  g_menu_append (chart, _("Vector Image (SVG)"), "chart.export-svg");
  g_menu_append (chart, _("Document (PDF)"), "chart.export-pdf");
  g_menu_append (table, _("Table (CSV)"), "chart.export-csv");
  g_menu_append (table, _("Spreadsheet (XLSX)"), "chart.export-xlsx");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (chart));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (table));
  g_object_unref (chart);
  g_object_unref (table);
  return G_MENU_MODEL (menu);
}

static void
xf_chart_view_init (XfChartView *self)
{
  GtkWidget *box, *canvas, *table_window, *empty;
  g_autoptr(GMenuModel) menu = export_menu ();
  GtkEventController *focus;

  self->focus_series = -1;
  self->focus_category = -1;

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  adw_toast_overlay_set_child (self->toast_overlay, box);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "chart-header");
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->title_label));
  self->caption_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->caption_label), "chart_caption");
  gtk_label_set_xalign (self->caption_label, 0);
  gtk_label_set_ellipsize (self->caption_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), FALSE);
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->caption_label));
  /* Keeps the buttons at the end while the title is hidden. */
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (self->header), spacer);
  }
  self->table_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->table_button), "view-list-symbolic");
  gtk_widget_set_tooltip_text (self->table_button, _("Show as Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as Table"), -1);
  g_signal_connect (self->table_button, "toggled", G_CALLBACK (table_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->header), self->table_button);
  self->export_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->export_button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), menu);
  gtk_widget_set_tooltip_text (self->export_button, _("Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export"), -1);
  gtk_box_append (GTK_BOX (self->header), self->export_button);
  gtk_box_append (GTK_BOX (box), self->header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stack), "chart_stack");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  canvas = g_object_new (XF_TYPE_CHART_CANVAS, NULL);
  XF_CHART_CANVAS (canvas)->view = self;
  self->canvas = canvas;
  g_signal_connect (canvas, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (canvas_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (canvas_focus_changed_cb), self);
  gtk_widget_add_controller (canvas, focus);
  gtk_stack_add_named (self->stack, canvas, "chart");

  table_window = gtk_scrolled_window_new ();
  self->table_window = GTK_SCROLLED_WINDOW (table_window);
  gtk_widget_add_css_class (table_window, "card");
  gtk_stack_add_named (self->stack, table_window, "table");

  empty = adw_status_page_new ();
  self->empty_status = ADW_STATUS_PAGE (empty);
  adw_status_page_set_icon_name (self->empty_status, "x-office-presentation-symbolic");
  adw_status_page_set_title (self->empty_status, _("No Figures"));
  adw_status_page_set_description (self->empty_status, _("Nothing is counted under these choices."));
  gtk_stack_add_named (self->stack, empty, "empty");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  build_table (self);
  update_accessible (self);
  update_visible (self);
}

static void
xf_chart_view_dispose (GObject *object)
{
  XfChartView *self = XF_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->canvas != NULL)
    XF_CHART_CANVAS (self->canvas)->view = NULL;
  if (self->toast_overlay != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->toast_overlay));
  self->toast_overlay = NULL;
  self->canvas = NULL;
  self->column_view = NULL;
  g_clear_pointer (&self->chart, xf_chart_free);
  g_clear_pointer (&self->table, xf_table_free);
  g_clear_pointer (&self->export_name, g_free);

  G_OBJECT_CLASS (xf_chart_view_parent_class)->dispose (object);
}

static void
xf_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfChartView *self = XF_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfChartView *self = XF_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      xf_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_chart_view_class_init (XfChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_chart_view_dispose;
  object_class->get_property = xf_chart_view_get_property;
  object_class->set_property = xf_chart_view_set_property;

  properties [PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartview");

  gtk_widget_class_install_action (widget_class, "chart.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-svg", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-xlsx", NULL, export_action);
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.focus-next", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-previous", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-series-next", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-series-previous", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-first", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "chart.focus-last", NULL, focus_action);
}
