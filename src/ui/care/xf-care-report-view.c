/* xf-care-report-view.c — the care report: coverage and budget, export to XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-report-view"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "xf-care-report-view.h"
#include "xf-clock.h"
#include "xf-exchange-job.h"
#include "xf-ui-util.h"

#define N_YEARS 6

struct _XfCareReportView
{
  AdwBin           parent_instance;

  XfCare          *care;
  XfCareReport    *report;        /* the year shown; NULL when it could not be read */
  XfReloadQueue    reload;
  GPtrArray       *groups;        /* the programmes' groups, made anew on each fill */
  AdwToast        *toast;         /* the last toast (weak) */
  GtkFileChooserNative *chooser;

  AdwToastOverlay *toast_overlay;
  GtkDropDown     *year_dropdown;
  GtkWidget       *export_button;
  GtkToggleButton *by_region_button;
  GtkLabel        *budget_label;
  GtkLevelBar     *budget_bar;
  GtkStack        *stack;
  GtkBox          *groups_box;
  AdwStatusPage   *status;
};

G_DEFINE_FINAL_TYPE (XfCareReportView, xf_care_report_view, ADW_TYPE_BIN)

static int
this_year (void)
{
  g_autofree char *today = xf_clock_today_text ();

  return atoi (today);
}

static int
selected_year (XfCareReportView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  return this_year () - (selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected);
}

/* "Budget ¥200,000.00 · spent ¥120,000.00" */
static char *
describe_budget (gint64 budget,
                 gint64 spent)
{
  g_autofree char *b = xf_money_format (budget);
  g_autofree char *s = xf_money_format (spent);

  if (budget <= 0)
    /* Translators: a programme without a budget: what it spent */
    return g_strdup_printf (_("No budget · spent %s"), s);
  /* Translators: a programme's budget, then what it spent */
  return g_strdup_printf (_("Budget %s · spent %s"), b, s);
}

static GtkWidget *
new_bar (double value)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 1));
  /* Coverage is good when high, not a warning: no offset colours. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  return bar;
}

/* A place's counts and its coverage as a bar and a percentage. */
static GtkWidget *
make_row (const XfCareReportRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = g_strdup_printf ("%.0f%%", row->coverage * 100);
  g_autofree char *eligible = xf_exchange_format_count (row->eligible);
  g_autofree char *invited = xf_exchange_format_count (row->invited);
  g_autofree char *served = xf_exchange_format_count (row->served);
  g_autofree char *declined = xf_exchange_format_count (row->declined);
  g_autofree char *no_answer = xf_exchange_format_count (row->no_answer);
  GtkWidget *label = gtk_label_new (percent);
  gboolean total = row->key == NULL || row->key[0] == '\0';

  gtk_widget_set_name (widget, total ? "total-row" : "place-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->label);
  /* Translators: a coverage row: eligible, invited, served, declined,
   * never answered, each a count with thousands separators ("1,333") */
  subtitle = g_strdup_printf (_("Eligible %s · invited %s · served %s · declined %s · no answer %s"),
                              eligible, invited, served, declined, no_answer);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  if (total)
    gtk_widget_add_css_class (widget, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (label, 40, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), new_bar (row->coverage));
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), label);
  return widget;
}

static void
clear_groups (XfCareReportView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

/* One group per programme: its places, then its total, with the budget
 * against what was spent in the group's description. */
static void
fill (XfCareReportView *self)
{
  GPtrArray *rows;
  AdwPreferencesGroup *group = NULL;
  const char *code = NULL;
  g_autofree char *total = NULL;

  clear_groups (self);
  if (self->report == NULL)
    return;
  rows = gtk_toggle_button_get_active (self->by_region_button) ? self->report->by_region
                                                               : self->report->by_organisation;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const XfCareReportRow *row = g_ptr_array_index (rows, i);

      if (group == NULL || g_strcmp0 (code, row->programme_code) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_widget_set_name (GTK_WIDGET (group), row->programme_code);
          adw_preferences_group_set_title (group, row->programme_name);
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
          g_ptr_array_add (self->groups, group);
          code = row->programme_code;
        }
      if (row->key == NULL || row->key[0] == '\0')
        {
          g_autofree char *budget = describe_budget (row->budget, row->spent);

          adw_preferences_group_set_description (group, budget);
        }
      adw_preferences_group_add (group, make_row (row));
    }

  total = describe_budget (self->report->budget, self->report->spent);
  gtk_label_set_text (self->budget_label, total);
  gtk_level_bar_set_value (self->budget_bar, self->report->budget > 0
                                             ? CLAMP ((double) self->report->spent / self->report->budget, 0, 1) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->budget_bar), self->report->budget > 0);
  if (self->groups->len == 0)
    {
      adw_status_page_set_title (self->status, _("No care programmes"));
      adw_status_page_set_description (self->status, _("The report counts each active programme’s "
                                                        "eligible, invited, served, declined and unanswered."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
load (XfCareReportView *self)
{
  g_autoptr(GError) error = NULL;

  xf_reload_queue_reloading (&self->reload);
  g_clear_pointer (&self->report, xf_care_report_free);
  self->report = xf_care_report (self->care, selected_year (self), &error);
  gtk_widget_set_sensitive (self->export_button, self->report != NULL);
  if (self->report == NULL)
    {
      clear_groups (self);
      gtk_label_set_text (self->budget_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->budget_bar), FALSE);
      adw_status_page_set_title (self->status, _("Could not make the report"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  fill (self);
}

static void
reload_cb (GtkWidget *widget)
{
  load (XF_CARE_REPORT_VIEW (widget));
}

/*
 * Export
 */

static void
open_folder_cb (AdwToast         *toast,
                XfCareReportView *self)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (xf_widget_get_window (GTK_WIDGET (self)), uri, GDK_CURRENT_TIME);
}

void
xf_care_report_view_export_to (XfCareReportView *self,
                               const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (XF_IS_CARE_REPORT_VIEW (self));

  if (self->report == NULL)
    return;
  if (!xf_care_report_write_xlsx (self->report, path, &error))
    {
      xf_toast_overlay_replace (self->toast_overlay, &self->toast, error->message);
      return;
    }
  /* Translators: a toast after the export: the year */
  text = g_strdup_printf (_("The care report of %d is saved"), self->report->year);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (path), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     XfCareReportView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        xf_care_report_view_export_to (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfCareReportView *self = XF_CARE_REPORT_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->report == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Care Report"), xf_widget_get_window (widget),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name the care report is offered under; %d is the year */
  name = g_strdup_printf (_("care-report-%d.xlsx"), self->report->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*
 * Construction
 */

static void
changed_cb (XfCareReportView *self)
{
  load (self);
}

static void
by_cb (XfCareReportView *self)
{
  fill (self);
}

static void
care_changed_cb (XfCareReportView *self)
{
  xf_reload_queue_changed (&self->reload);
}

static void
map_cb (XfCareReportView *self)
{
  xf_reload_queue_mapped (&self->reload);
}

static void
xf_care_report_view_dispose (GObject *object)
{
  XfCareReportView *self = XF_CARE_REPORT_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->report, xf_care_report_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_care_report_view_parent_class)->dispose (object);
}

static void
xf_care_report_view_class_init (XfCareReportViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_care_report_view_dispose;
  gtk_widget_class_install_action (widget_class, "care-report.export", NULL, export_action);
}

static void
xf_care_report_view_init (XfCareReportView *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_e, GDK_CONTROL_MASK, "care-report.export" },
  };
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *by_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *by_org = gtk_toggle_button_new_with_mnemonic (_("By _organisation"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *budget_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int year = this_year ();

  self->groups = g_ptr_array_new ();
  for (int i = 0; i < N_YEARS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year - i);

      gtk_string_list_append (years, text);
    }
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (years)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->year_dropdown), "year");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year"));
  g_signal_connect_object (self->year_dropdown, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->year_dropdown));

  self->by_region_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("By _county")));
  gtk_toggle_button_set_active (self->by_region_button, TRUE);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (by_org), self->by_region_button);
  g_signal_connect_object (self->by_region_button, "toggled", G_CALLBACK (by_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (by_box, "linked");
  gtk_box_append (GTK_BOX (by_box), GTK_WIDGET (self->by_region_button));
  gtk_box_append (GTK_BOX (by_box), by_org);
  gtk_widget_set_halign (by_box, GTK_ALIGN_CENTER);

  self->export_button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_name (self->export_button, "export");
  gtk_widget_set_tooltip_text (self->export_button, _("Export to XLSX… (Ctrl+E)"));
  gtk_widget_set_hexpand (self->export_button, TRUE);
  gtk_widget_set_halign (self->export_button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "care-report.export");
  gtk_box_append (GTK_BOX (bar), self->export_button);
  gtk_box_append (GTK_BOX (page), bar);

  self->budget_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->budget_label), "budget");
  gtk_label_set_xalign (self->budget_label, 0);
  gtk_label_set_wrap (self->budget_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->budget_label), "title-4");
  self->budget_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 1));
  gtk_box_append (GTK_BOX (budget_box), GTK_WIDGET (self->budget_label));
  gtk_box_append (GTK_BOX (budget_box), GTK_WIDGET (self->budget_bar));
  gtk_box_append (GTK_BOX (content), budget_box);
  /* Below the year, not beside it: the bar fits a phone. */
  gtk_box_append (GTK_BOX (content), by_box);
  self->groups_box = GTK_BOX (content);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "x-office-spreadsheet-symbolic");
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "report");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->stack));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, page);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_cb);
  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

GtkWidget *
xf_care_report_view_new (XfCare *care)
{
  XfCareReportView *self;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_REPORT_VIEW, NULL);
  self->care = g_object_ref (care);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  /* The report counts every programme's eligible: made when first shown. */
  self->reload.stale = TRUE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  return GTK_WIDGET (self);
}

void
xf_care_report_view_refresh (XfCareReportView *self)
{
  g_return_if_fail (XF_IS_CARE_REPORT_VIEW (self));

  load (self);
}
