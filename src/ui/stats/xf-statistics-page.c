/* xf-statistics-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page: the Counts view (a dimension, an optional second
 * one, the chart's kind, whose files, the reference date, filters) and the
 * Weak regions view. The counting is core's (XfStats); the page turns the
 * controls into an XfStatsQuery and the answers into charts and rows.
 */

#define G_LOG_DOMAIN "xf-statistics-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-chart-view.h"
#include "xf-date-button.h"
#include "xf-statistics-page.h"
#include "xf-ui-util.h"

struct _XfStatisticsPage
{
  AdwBin              parent_instance;

  XfRegistry         *registry;
  XfStats            *stats;
  XfReloadQueue       reload;
  gboolean            show_sidebar_button;
  gboolean            updating;         /* models being refilled: no counting */

  AdwToastOverlay    *toast_overlay;
  GtkWidget          *back_button;
  GtkWidget          *controls_button;  /* shows the controls while folded */
  AdwFlap            *flaps[2];         /* counts, weak regions */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack       *view_stack;
  guint               controls_id;

  /* Counts */
  AdwComboRow        *dimension_row;
  AdwComboRow        *split_row;
  AdwComboRow        *chart_row;
  AdwComboRow        *kind_row;
  GtkSwitch          *township_switch;
  XfDateButton       *date_button;
  AdwComboRow        *filter_rows[XF_STATS_N_DIMENSIONS];
  GPtrArray          *filter_keys[XF_STATS_N_DIMENSIONS];  /* (element-type utf8) */
  GtkLabel           *total_label;
  XfChartView        *counts_chart;
  XfStatsTable       *table;

  /* Weak regions */
  AdwComboRow        *industry_row;
  GPtrArray          *industry_keys;    /* (element-type utf8), after "All" */
  GtkSpinButton      *threshold_spin;
  GtkSwitch          *weak_township_switch;
  AdwPreferencesGroup *weak_group;
  GtkListBox         *weak_list;
  XfChartView        *weak_chart;
  XfWeakRegions      *weak;
};

G_DEFINE_FINAL_TYPE (XfStatisticsPage, xf_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const XfChartKind chart_kinds[] = {
  XF_CHART_BAR, XF_CHART_STACKED_BAR, XF_CHART_DONUT, XF_CHART_LINE,
};

static const char *const kinds[] = { NULL, "individual", "collective" };

static void
show_toast (XfStatisticsPage *self,
            const char       *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/*
 * Controls
 */

static GListModel *
dimension_model (const char *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    gtk_string_list_append (list, xf_stats_dimension_label (d));
  return G_LIST_MODEL (list);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               GListModel          *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  gtk_widget_set_name (row, name);
  g_object_unref (model);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkSwitch *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                const char          *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_name (toggle, name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static XfStatsDimension
selected_dimension (AdwComboRow *row,
                    gboolean     with_none)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return with_none ? XF_STATS_NONE : XF_STATS_INDUSTRY;
  if (with_none)
    return selected == 0 ? XF_STATS_NONE : (XfStatsDimension) (selected - 1);
  return (XfStatsDimension) selected;
}

/* The query of the controls; @with_filters FALSE: as the filters' own
 * lists count. Points into the page's widgets and keys. */
static void
fill_query (XfStatisticsPage *self,
            XfStatsQuery     *query,
            gboolean          with_filters,
            GtkSwitch        *township_switch)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  memset (query, 0, sizeof *query);
  query->kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : NULL;
  query->reference_date = xf_date_button_get_date (self->date_button);
  query->region_level = gtk_switch_get_active (township_switch) ? 9 : 6;
  if (!with_filters)
    return;
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    {
      guint selected = adw_combo_row_get_selected (self->filter_rows[d]);

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->filter_keys[d] != NULL
          && selected - 1 < self->filter_keys[d]->len)
        query->filters[d] = g_ptr_array_index (self->filter_keys[d], selected - 1);
    }
}

/* The filters' lists: each dimension's keys as the unfiltered count finds
 * them, the choice kept when its key is still there. */
static void
load_filter_keys (XfStatisticsPage *self)
{
  XfStatsQuery query;

  fill_query (self, &query, FALSE, self->township_switch);
  /* Filters by region take counties, which cover their townships. */
  query.region_level = 6;
  self->updating = TRUE;
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    {
      g_autoptr(XfStatsTable) table = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;
      GtkStringList *list;
      guint selected = adw_combo_row_get_selected (self->filter_rows[d]);
      guint select = 0;

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->filter_keys[d] != NULL
          && selected - 1 < self->filter_keys[d]->len)
        kept = g_strdup (g_ptr_array_index (self->filter_keys[d], selected - 1));
      table = xf_stats_count (self->stats, d, XF_STATS_NONE, &query, &error);
      g_clear_pointer (&self->filter_keys[d], g_ptr_array_unref);
      self->filter_keys[d] = g_ptr_array_new_with_free_func (g_free);
      list = gtk_string_list_new (NULL);
      gtk_string_list_append (list, _("Any"));
      if (table == NULL)
        g_debug ("Could not list the keys of %s: %s", xf_stats_dimension_to_string (d), error->message);
      for (guint i = 0; table != NULL && i < table->row_keys->len; i++)
        {
          const char *key = g_ptr_array_index (table->row_keys, i);

          g_ptr_array_add (self->filter_keys[d], g_strdup (key));
          gtk_string_list_append (list, g_ptr_array_index (table->row_labels, i));
          if (g_strcmp0 (key, kept) == 0)
            select = i + 1;
        }
      adw_combo_row_set_model (self->filter_rows[d], G_LIST_MODEL (list));
      adw_combo_row_set_selected (self->filter_rows[d], select);
      g_object_unref (list);

      /* The weak-region finder's industries: the same list, known ones. */
      if (d == XF_STATS_INDUSTRY)
        {
          const char *kept_industry = NULL;
          guint industry = adw_combo_row_get_selected (self->industry_row);
          g_autofree char *kept_copy = NULL;

          if (industry != GTK_INVALID_LIST_POSITION && industry > 0 && self->industry_keys != NULL
              && industry - 1 < self->industry_keys->len)
            kept_copy = g_strdup (g_ptr_array_index (self->industry_keys, industry - 1));
          kept_industry = kept_copy;
          g_clear_pointer (&self->industry_keys, g_ptr_array_unref);
          self->industry_keys = g_ptr_array_new_with_free_func (g_free);
          list = gtk_string_list_new (NULL);
          gtk_string_list_append (list, _("All industries"));
          select = 0;
          for (guint i = 0; table != NULL && i < table->row_keys->len; i++)
            {
              const char *key = g_ptr_array_index (table->row_keys, i);

              if (*key == '\0')
                continue;
              g_ptr_array_add (self->industry_keys, g_strdup (key));
              gtk_string_list_append (list, g_ptr_array_index (table->row_labels, i));
              if (g_strcmp0 (key, kept_industry) == 0)
                select = self->industry_keys->len;
            }
          adw_combo_row_set_model (self->industry_row, G_LIST_MODEL (list));
          adw_combo_row_set_selected (self->industry_row, select);
          g_object_unref (list);
        }
    }
  self->updating = FALSE;
}

/*
 * Counts
 */

static char *
chart_title (XfStatsDimension rows_by,
             XfStatsDimension columns_by)
{
  if (columns_by == XF_STATS_NONE)
    /* Translators: %s is a dimension ("Industry") */
    return g_strdup_printf (_("Pioneers by %s"), xf_stats_dimension_label (rows_by));
  /* Translators: the %s are two dimensions ("Industry", "Gender") */
  return g_strdup_printf (_("Pioneers by %s and %s"), xf_stats_dimension_label (rows_by),
                          xf_stats_dimension_label (columns_by));
}

static void
count (XfStatisticsPage *self)
{
  XfStatsDimension rows_by = selected_dimension (self->dimension_row, FALSE);
  XfStatsDimension columns_by = selected_dimension (self->split_row, TRUE);
  guint kind_index = adw_combo_row_get_selected (self->chart_row);
  XfChartKind kind = kind_index < G_N_ELEMENTS (chart_kinds) ? chart_kinds[kind_index] : XF_CHART_BAR;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  g_autofree char *number = NULL;
  g_autofree char *export_name = NULL;
  XfStatsQuery query;
  XfChart *chart;

  if (columns_by == rows_by)
    columns_by = XF_STATS_NONE;
  fill_query (self, &query, TRUE, self->township_switch);
  g_clear_pointer (&self->table, xf_stats_table_free);
  self->table = xf_stats_count (self->stats, rows_by, columns_by, &query, &error);
  if (self->table == NULL)
    {
      show_toast (self, error->message);
      gtk_label_set_text (self->total_label, "");
      xf_chart_view_set_caption (self->counts_chart, NULL);
      xf_chart_view_set_chart (self->counts_chart, NULL);
      return;
    }

  /* A donut shows one series: split figures are stacked instead. */
  if (columns_by != XF_STATS_NONE && kind == XF_CHART_DONUT)
    kind = XF_CHART_STACKED_BAR;
  title = chart_title (rows_by, columns_by);
  chart = xf_chart_new_from_stats (self->table, kind, title);
  xf_chart_set_axis_titles (chart, xf_stats_dimension_label (rows_by), _("Pioneers"));
  if (self->table->total == 0)
    g_clear_pointer (&chart, xf_chart_free);
  xf_chart_view_set_chart (self->counts_chart, chart);
  export_name = columns_by == XF_STATS_NONE
                ? g_strdup_printf ("statistics-%s", xf_stats_dimension_to_string (rows_by))
                : g_strdup_printf ("statistics-%s-%s", xf_stats_dimension_to_string (rows_by),
                                   xf_stats_dimension_to_string (columns_by));
  xf_chart_view_set_export_name (self->counts_chart, export_name);

  number = g_strdup_printf ("%'" G_GINT64_FORMAT, self->table->total);
  /* Translators: %s is a number of pioneer files, with its thousands separated */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pioneer counted", "%s pioneers counted",
                                        (gulong) self->table->total),
                           number);
  gtk_label_set_text (self->total_label, total);
  xf_chart_view_set_caption (self->counts_chart, total);
}

static void
controls_changed_cb (XfStatisticsPage *self)
{
  if (self->updating || self->stats == NULL)
    return;
  count (self);
}

/* Kind, date and region level change what the filters list. */
static void
scope_changed_cb (XfStatisticsPage *self)
{
  if (self->updating || self->stats == NULL)
    return;
  load_filter_keys (self);
  count (self);
}

/* Splitting draws stacked bars unless a line was asked for. */
static void
split_changed_cb (XfStatisticsPage *self)
{
  guint chart = adw_combo_row_get_selected (self->chart_row);

  if (self->updating || self->stats == NULL)
    return;
  if (selected_dimension (self->split_row, TRUE) != XF_STATS_NONE
      && (chart == 0 || chart == 2))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->chart_row, 1);
      self->updating = FALSE;
    }
  count (self);
}

static void
clear_filters_cb (XfStatisticsPage *self)
{
  self->updating = TRUE;
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    adw_combo_row_set_selected (self->filter_rows[d], 0);
  self->updating = FALSE;
  count (self);
}

/*
 * Weak regions
 */

static GtkWidget *
weak_row_new (const XfRegionDensity *region)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *share, *box;
  g_autofree char *subtitle = NULL;
  g_autofree char *share_text = NULL;
  g_autofree char *pioneers = g_strdup_printf ("%'" G_GINT64_FORMAT, region->pioneers);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), region->region_name);
  /* Translators: "12 pioneers · 3.4 per 10,000 employed" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pioneer · %.2f per 10,000 employed",
                                           "%s pioneers · %.2f per 10,000 employed",
                                           (gulong) region->pioneers),
                              pioneers, region->per_10k);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The share, and beneath it the mark of a weak region. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Translators: a region's density as a share of the city's ("56% of average") */
  share_text = g_strdup_printf (_("%.0f%% of average"), region->share_of_average * 100.0);
  share = gtk_label_new (share_text);
  gtk_label_set_xalign (GTK_LABEL (share), 1.0);
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "region-share");
  gtk_box_append (GTK_BOX (box), share);
  if (region->weak)
    {
      GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *word = gtk_label_new (_("Weak"));

      gtk_widget_set_halign (mark, GTK_ALIGN_END);
      gtk_widget_add_css_class (icon, "weak-icon");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weak"), -1);
      gtk_widget_add_css_class (word, "weak-word");
      gtk_box_append (GTK_BOX (mark), icon);
      gtk_box_append (GTK_BOX (mark), word);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_widget_add_css_class (row, "weak-region");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_widget_set_name (row, region->weak ? "weak_region_row" : "region_row");
  return row;
}

static void
find_weak (XfStatisticsPage *self)
{
  guint industry = adw_combo_row_get_selected (self->industry_row);
  const char *industry_key = NULL;
  double threshold = gtk_spin_button_get_value (self->threshold_spin) / 100.0;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree double *values = NULL;
  g_autofree double *average = NULL;
  XfStatsQuery query;
  XfChart *chart;
  GtkWidget *child;
  guint n_weak = 0;

  if (industry != GTK_INVALID_LIST_POSITION && industry > 0 && self->industry_keys != NULL
      && industry - 1 < self->industry_keys->len)
    industry_key = g_ptr_array_index (self->industry_keys, industry - 1);
  fill_query (self, &query, FALSE, self->weak_township_switch);
  query.kind = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->weak_list))) != NULL)
    gtk_list_box_remove (self->weak_list, child);
  g_clear_pointer (&self->weak, xf_weak_regions_free);
  self->weak = xf_stats_weak_regions (self->stats, industry_key, threshold, &query, &error);
  if (self->weak == NULL)
    {
      show_toast (self, error->message);
      adw_preferences_group_set_description (self->weak_group, NULL);
      xf_chart_view_set_chart (self->weak_chart, NULL);
      return;
    }

  values = g_new0 (double, MAX (self->weak->regions->len, 1));
  average = g_new0 (double, MAX (self->weak->regions->len, 1));
  title = industry_key != NULL
          /* Translators: %s is an industry ("C — Manufacturing") */
          ? g_strdup_printf (_("Pioneers per 10,000 employed: %s"),
                             adw_combo_row_get_selected_item (self->industry_row) != NULL
                             ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->industry_row))
                             : industry_key)
          : g_strdup (_("Pioneers per 10,000 employed"));
  chart = xf_chart_new (XF_CHART_BAR, title);
  xf_chart_set_axis_titles (chart, _("Region"), _("Per 10,000 employed"));
  for (guint i = 0; i < self->weak->regions->len; i++)
    {
      const XfRegionDensity *region = g_ptr_array_index (self->weak->regions, i);

      gtk_list_box_append (self->weak_list, weak_row_new (region));
      xf_chart_add_category (chart, region->region_name);
      values[i] = region->per_10k;
      average[i] = self->weak->city_per_10k;
      n_weak += region->weak ? 1 : 0;
    }
  xf_chart_add_series (chart, _("Per 10,000 employed"), values, self->weak->regions->len);
  xf_chart_add_series (chart, _("City average"), average, self->weak->regions->len);
  if (self->weak->regions->len == 0)
    g_clear_pointer (&chart, xf_chart_free);
  xf_chart_view_set_chart (self->weak_chart, chart);
  xf_chart_view_set_export_name (self->weak_chart, "weak-regions");

  /* Translators: the first %.2f is the city's pioneers per 10,000 employed */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "City average: %.2f per 10,000 employed. %u region is weak.",
                                              "City average: %.2f per 10,000 employed. %u regions are weak.",
                                              n_weak),
                                 self->weak->city_per_10k, n_weak);
  adw_preferences_group_set_description (self->weak_group, description);
}

static void
weak_changed_cb (XfStatisticsPage *self)
{
  if (self->updating || self->stats == NULL)
    return;
  find_weak (self);
}

/*
 * Reading again
 */

static void
reload_all (XfStatisticsPage *self)
{
  xf_reload_queue_reloading (&self->reload);
  self->reload.stale = FALSE;
  load_filter_keys (self);
  count (self);
  find_weak (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_STATISTICS_PAGE (widget));
}

static void
registry_changed_cb (XfStatisticsPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_statistics_page_refresh (XfStatisticsPage *self)
{
  g_return_if_fail (XF_IS_STATISTICS_PAGE (self));

  if (self->stats == NULL)
    return;
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
}

XfStats *
xf_statistics_page_get_stats (XfStatisticsPage *self)
{
  g_return_val_if_fail (XF_IS_STATISTICS_PAGE (self), NULL);

  return self->stats;
}

const XfStatsTable *
xf_statistics_page_get_table (XfStatisticsPage *self)
{
  g_return_val_if_fail (XF_IS_STATISTICS_PAGE (self), NULL);

  return self->table;
}

const XfWeakRegions *
xf_statistics_page_get_weak_regions (XfStatisticsPage *self)
{
  g_return_val_if_fail (XF_IS_STATISTICS_PAGE (self), NULL);

  return self->weak;
}

void
xf_statistics_page_show_view (XfStatisticsPage *self,
                              const char       *name)
{
  g_return_if_fail (XF_IS_STATISTICS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/*
 * Actions
 */

static XfChartView *
visible_chart (XfStatisticsPage *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "weak-regions") == 0)
    return self->weak_chart;
  return self->counts_chart;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfChartView *chart = visible_chart (XF_STATISTICS_PAGE (widget));

  if (xf_chart_view_get_chart (chart) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (chart), "chart.export-png", NULL);
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfChartView *chart = visible_chart (XF_STATISTICS_PAGE (widget));

  xf_chart_view_set_show_table (chart, !xf_chart_view_get_show_table (chart));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xf_statistics_page_show_view (XF_STATISTICS_PAGE (widget),
                                g_str_equal (action_name, "statistics.counts") ? "counts" : "weak-regions");
}

/*
 * Building the page
 */

/* The controls' button shows while the views are too narrow for the
 * controls beside the chart. */
static gboolean
update_controls_button_cb (GtkWidget     *widget,
                           GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  XfStatisticsPage *self = XF_STATISTICS_PAGE (widget);
  guint visible = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "weak-regions") == 0;

  self->controls_id = 0;
  gtk_widget_set_visible (self->controls_button,
                          self->flaps[visible] != NULL && adw_flap_get_folded (self->flaps[visible]));
  return G_SOURCE_REMOVE;
}

/* The flaps fold while they are laid out: the header's button changes at
 * the start of the next frame, not in the middle of a layout. */
static void
flap_folded_cb (XfStatisticsPage *self)
{
  if (self->controls_id == 0)
    self->controls_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_controls_button_cb, NULL, NULL);
}

/* A view: its controls on the left, its chart on the right; on a narrow
 * window the controls fold away over the chart (AdwFlap). */
static GtkWidget *
view_box (XfStatisticsPage *self,
          guint             index,
          GtkWidget        *controls,
          GtkWidget        *chart_side)
{
  GtkWidget *flap = adw_flap_new ();

  gtk_widget_set_size_request (controls, 340, -1);
  gtk_widget_set_hexpand (controls, FALSE);
  gtk_widget_add_css_class (controls, "statistics-controls");
  gtk_widget_add_css_class (controls, "background");
  adw_flap_set_flap (ADW_FLAP (flap), controls);
  adw_flap_set_separator (ADW_FLAP (flap), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_widget_set_hexpand (chart_side, TRUE);
  gtk_widget_set_vexpand (chart_side, TRUE);
  adw_flap_set_content (ADW_FLAP (flap), chart_side);
  adw_flap_set_swipe_to_open (ADW_FLAP (flap), TRUE);
  adw_flap_set_swipe_to_close (ADW_FLAP (flap), TRUE);
  self->flaps[index] = ADW_FLAP (flap);
  g_signal_connect_swapped (flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);
  return flap;
}

static GtkWidget *
build_counts (XfStatisticsPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *filters = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *list;
  GtkWidget *row, *date, *clear, *side;
  const char *chart_names[] = { N_("Bars"), N_("Stacked bars"), N_("Donut"), N_("Trend line") };
  const char *kind_names[] = { N_("All pioneers"), N_("Individuals"), N_("Collectives") };

  adw_preferences_group_set_title (group, _("Figures"));
  self->dimension_row = add_combo_row (group, _("Classify by"), "dimension_row", dimension_model (NULL));
  self->split_row = add_combo_row (group, _("Split by"), "split_row", dimension_model (_("Nothing")));
  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    gtk_string_list_append (list, _(chart_names[i]));
  self->chart_row = add_combo_row (group, _("Chart"), "chart_row", G_LIST_MODEL (list));
  list = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    gtk_string_list_append (list, _(kind_names[i]));
  self->kind_row = add_combo_row (group, C_("statistics", "Files"), "kind_row", G_LIST_MODEL (list));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reference date"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Ages on this day; files entered by then"));
  date = xf_date_button_new (_("Today"));
  gtk_widget_set_name (date, "date_button");
  gtk_widget_set_valign (date, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
  self->date_button = XF_DATE_BUTTON (date);
  adw_preferences_group_add (group, row);
  self->township_switch = add_switch_row (group, _("Townships"), _("Regions by township, not county"),
                                          "township_switch");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  adw_preferences_group_set_title (filters, _("Filters"));
  clear = gtk_button_new_with_mnemonic (_("_Clear"));
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_filters_cb), self);
  adw_preferences_group_set_header_suffix (filters, clear);
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    {
      g_autofree char *name = g_strdup_printf ("filter_row_%s", xf_stats_dimension_to_string (d));
      GtkStringList *any = gtk_string_list_new (NULL);

      gtk_string_list_append (any, _("Any"));
      self->filter_rows[d] = add_combo_row (filters, xf_stats_dimension_label (d), name, G_LIST_MODEL (any));
      adw_combo_row_set_use_subtitle (self->filter_rows[d], FALSE);
      g_signal_connect_swapped (self->filter_rows[d], "notify::selected", G_CALLBACK (controls_changed_cb), self);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), filters);

  g_signal_connect_swapped (self->dimension_row, "notify::selected", G_CALLBACK (controls_changed_cb), self);
  g_signal_connect_swapped (self->split_row, "notify::selected", G_CALLBACK (split_changed_cb), self);
  g_signal_connect_swapped (self->chart_row, "notify::selected", G_CALLBACK (controls_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect_swapped (self->date_button, "notify::date", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect_swapped (self->township_switch, "notify::active", G_CALLBACK (controls_changed_cb), self);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (side, "statistics-chart");
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->total_label), "total_label");
  gtk_label_set_xalign (self->total_label, 0);
  /* Shown in the chart's header; kept for the tests and the empty state. */
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), FALSE);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->total_label));
  self->counts_chart = XF_CHART_VIEW (xf_chart_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->counts_chart), "counts_chart");
  gtk_widget_set_vexpand (GTK_WIDGET (self->counts_chart), TRUE);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->counts_chart));
  return view_box (self, 0, page, side);
}

static GtkWidget *
build_weak (XfStatisticsPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkWidget *row, *spin, *side;

  adw_preferences_group_set_title (group, _("Weak Regions"));
  adw_preferences_group_set_description (group, _("Regions with few pioneers for the people employed there"));
  gtk_string_list_append (list, _("All industries"));
  self->industry_row = add_combo_row (group, _("Industry"), "industry_row", G_LIST_MODEL (list));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Weak below this share of the city average, in %"));
  spin = gtk_spin_button_new_with_range (5, 100, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 60);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, "threshold_spin");
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Threshold"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  self->threshold_spin = GTK_SPIN_BUTTON (spin);
  adw_preferences_group_add (group, row);
  self->weak_township_switch = add_switch_row (group, _("Townships"), _("Regions by township, not county"),
                                               "weak_township_switch");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->weak_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->weak_group, _("Regions, Weakest First"));
  self->weak_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->weak_list), "weak_list");
  gtk_list_box_set_selection_mode (self->weak_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->weak_list), "boxed-list");
  adw_preferences_group_add (self->weak_group, GTK_WIDGET (self->weak_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->weak_group);

  g_signal_connect_swapped (self->industry_row, "notify::selected", G_CALLBACK (weak_changed_cb), self);
  g_signal_connect_swapped (self->threshold_spin, "value-changed", G_CALLBACK (weak_changed_cb), self);
  g_signal_connect_swapped (self->weak_township_switch, "notify::active", G_CALLBACK (weak_changed_cb), self);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (side, "statistics-chart");
  self->weak_chart = XF_CHART_VIEW (xf_chart_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->weak_chart), "weak_chart");
  gtk_widget_set_vexpand (GTK_WIDGET (self->weak_chart), TRUE);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->weak_chart));
  return view_box (self, 1, page, side);
}

static void
build (XfStatisticsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();
  AdwViewStackPage *page;

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));
  adw_toast_overlay_set_child (self->toast_overlay, box);

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_tooltip_text (self->back_button, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "win.show-sidebar");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);

  self->controls_button = gtk_toggle_button_new ();
  gtk_widget_set_name (self->controls_button, "controls_button");
  gtk_button_set_icon_name (GTK_BUTTON (self->controls_button), "sidebar-show-symbolic");
  gtk_widget_set_tooltip_text (self->controls_button, _("Choices"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choices"), -1);
  gtk_widget_set_visible (self->controls_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->controls_button);

  self->view_stack = ADW_VIEW_STACK (stack);
  gtk_widget_set_name (stack, "view_stack");
  gtk_widget_set_vexpand (stack, TRUE);
  self->switcher_title = ADW_VIEW_SWITCHER_TITLE (title);
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_title_set_title (self->switcher_title, _("Statistics"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_view_stack_add_titled (self->view_stack, build_counts (self), "counts", _("Counts"));
  adw_view_stack_page_set_icon_name (page, "x-office-spreadsheet-symbolic");
  page = adw_view_stack_add_titled (self->view_stack, build_weak (self), "weak-regions", _("Weak Regions"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
  gtk_box_append (GTK_BOX (box), stack);

  for (guint i = 0; i < G_N_ELEMENTS (self->flaps); i++)
    g_object_bind_property (self->controls_button, "active", self->flaps[i], "reveal-flap",
                            G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (stack, "notify::visible-child-name", G_CALLBACK (flap_folded_cb), self);
  flap_folded_cb (self);

  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (bar);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  xf_view_switcher_bar_follow_title (self->switcher_bar, self->switcher_title);
  gtk_box_append (GTK_BOX (box), bar);
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/stats/xf-statistics-page.css");
}

static void
set_registry (XfStatisticsPage *self,
              XfRegistry       *registry)
{
  self->registry = g_object_ref (registry);
  self->stats = xf_stats_new (registry);
  g_signal_connect_object (registry, "changed", G_CALLBACK (registry_changed_cb), self, G_CONNECT_SWAPPED);
  /* Counted when first shown. */
  self->reload.stale = TRUE;
}

static void
xf_statistics_page_map (GtkWidget *widget)
{
  XfStatisticsPage *self = XF_STATISTICS_PAGE (widget);

  GTK_WIDGET_CLASS (xf_statistics_page_parent_class)->map (widget);
  if (self->reload.stale && self->stats != NULL)
    reload_all (self);
}

static void
xf_statistics_page_dispose (GObject *object)
{
  XfStatisticsPage *self = XF_STATISTICS_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  if (self->controls_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->controls_id);
  self->controls_id = 0;
  adw_bin_set_child (ADW_BIN (self), NULL);
  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    g_clear_pointer (&self->filter_keys[d], g_ptr_array_unref);
  g_clear_pointer (&self->industry_keys, g_ptr_array_unref);
  g_clear_pointer (&self->table, xf_stats_table_free);
  g_clear_pointer (&self->weak, xf_weak_regions_free);
  g_clear_object (&self->stats);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_statistics_page_parent_class)->dispose (object);
}

static void
xf_statistics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XfStatisticsPage *self = XF_STATISTICS_PAGE (object);

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
xf_statistics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XfStatisticsPage *self = XF_STATISTICS_PAGE (object);

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
xf_statistics_page_class_init (XfStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_statistics_page_dispose;
  object_class->get_property = xf_statistics_page_get_property;
  object_class->set_property = xf_statistics_page_set_property;
  widget_class->map = xf_statistics_page_map;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "statistics.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "statistics.show-table", NULL, show_table_action);
  gtk_widget_class_install_action (widget_class, "statistics.counts", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "statistics.weak-regions", NULL, view_action);
}

static void
xf_statistics_page_init (XfStatisticsPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_e, GDK_CONTROL_MASK, "statistics.export" },
    { GDK_KEY_t, GDK_CONTROL_MASK, "statistics.show-table" },
    { GDK_KEY_1, GDK_ALT_MASK, "statistics.counts" },
    { GDK_KEY_2, GDK_ALT_MASK, "statistics.weak-regions" },
  };

  load_css ();
  build (self);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_page);
  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

GtkWidget *
xf_statistics_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_STATISTICS_PAGE, "registry", registry, NULL);
}
