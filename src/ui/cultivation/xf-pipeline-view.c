/* xf-pipeline-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pipeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-pipeline-view.h"

#define KEY_DATA "xf-pipeline-key"

struct _XfPipelineView
{
  AdwBin          parent_instance;

  XfCultivation  *cultivation;
  GPtrArray      *rows;          /* of XfPipelineRow, as shown */
  char           *group_by;

  GtkWidget      *organisation_button;
  GtkWidget      *region_button;
  GtkWidget      *ready_button;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *error_status;
};

G_DEFINE_FINAL_TYPE (XfPipelineView, xf_pipeline_view, ADW_TYPE_BIN)

static GtkWidget *
count_box (const char *name,
           const char *title,
           int         count,
           const char *css)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *number;
  GtkWidget *caption = gtk_label_new (title);
  g_autofree char *text = g_strdup_printf ("%d", count);

  number = gtk_label_new (text);
  gtk_widget_set_name (number, name);
  gtk_widget_add_css_class (number, "title-4");
  gtk_widget_add_css_class (number, "pipeline-count");
  if (css != NULL && count > 0)
    gtk_widget_add_css_class (number, css);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

/* A toggle whose label is read whole: on a phone the bar wraps instead. */
static GtkWidget *
toggle_new (const char *mnemonic)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

static GtkWidget *
make_row (const XfPipelineRow *data)
{
  gboolean total = data->key == NULL || data->key[0] == '\0';
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (total ? _("All targets") : data->label);
  GtkWidget *targets;
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *targets_text = NULL;
  g_autofree char *progress = NULL;

  /* Translators: how many people a pipeline row holds */
  targets_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d target", "%d targets",
                                               (gulong) data->targets), data->targets);
  /* Translators: the mean progress of a pipeline row's plans; %d is a percentage */
  progress = g_strdup_printf (_("Mean progress %d %%"), (int) (data->mean_progress * 100 + 0.5));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Long organisation names take a second line before they give way. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_name (label, "pipeline-label");
  targets = gtk_label_new (targets_text);
  gtk_widget_set_name (targets, "count-targets");
  gtk_widget_add_css_class (targets, "dim-label");
  gtk_widget_add_css_class (targets, "numeric");
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), targets);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (data->mean_progress, 0.0, 1.0));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), progress);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_widget_add_css_class (bar, "cultivation-progress");
  gtk_widget_set_name (bar, "pipeline-progress");

  gtk_box_set_homogeneous (GTK_BOX (counts), TRUE);
  gtk_box_append (GTK_BOX (counts), count_box ("count-on-track", C_("pipeline", "On track"), data->on_track, NULL));
  gtk_box_append (GTK_BOX (counts), count_box ("count-behind", C_("pipeline", "Behind"), data->behind, "behind"));
  gtk_box_append (GTK_BOX (counts), count_box ("count-ready", C_("pipeline", "Ready"), data->ready, "ready"));
  gtk_box_append (GTK_BOX (counts), count_box ("count-nominated", C_("pipeline", "Nominated"), data->nominated, NULL));
  gtk_box_append (GTK_BOX (counts), count_box ("count-achieved", C_("pipeline", "Achieved"), data->achieved, NULL));

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, total ? "pipeline-total" : "pipeline-row");
  if (total)
    gtk_widget_add_css_class (row, "pipeline-total");
  g_object_set_data_full (G_OBJECT (row), KEY_DATA, g_strdup (data->key != NULL ? data->key : ""), g_free);
  return row;
}

void
xf_pipeline_view_refresh (XfPipelineView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ready_only;
  GtkWidget *child;

  g_return_if_fail (XF_IS_PIPELINE_VIEW (self));

  ready_only = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->ready_button));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_pipeline_row_free);

  rows = xf_cultivation_pipeline (self->cultivation, self->group_by, &error);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  /* The rows move into the view's array, in core's order. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      XfPipelineRow *row = g_ptr_array_index (rows, i);
      gboolean total = row->key == NULL || row->key[0] == '\0';

      if (ready_only && !total && row->ready == 0)
        {
          xf_pipeline_row_free (row);
          continue;
        }
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, make_row (row));
    }
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 1 || ready_only ? "list" : "empty");
}

static void
row_activated_cb (XfPipelineView *self,
                  GtkListBoxRow  *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), KEY_DATA);

  gtk_widget_activate_action (GTK_WIDGET (self), "cultivation.show-group", "(ssb)",
                              self->group_by, key != NULL ? key : "",
                              gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->ready_button)));
}

static void
group_toggled_cb (XfPipelineView  *self,
                  GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  xf_pipeline_view_set_group_by (self, GTK_WIDGET (button) == self->region_button ? "region" : "organisation");
}

const char *
xf_pipeline_view_get_group_by (XfPipelineView *self)
{
  g_return_val_if_fail (XF_IS_PIPELINE_VIEW (self), NULL);
  return self->group_by;
}

void
xf_pipeline_view_set_group_by (XfPipelineView *self,
                               const char     *group_by)
{
  gboolean region;

  g_return_if_fail (XF_IS_PIPELINE_VIEW (self));

  region = g_strcmp0 (group_by, "region") == 0;
  if (g_strcmp0 (self->group_by, region ? "region" : "organisation") == 0)
    return;
  g_free (self->group_by);
  self->group_by = g_strdup (region ? "region" : "organisation");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (region ? self->region_button : self->organisation_button), TRUE);
  xf_pipeline_view_refresh (self);
}

void
xf_pipeline_view_set_ready_only (XfPipelineView *self,
                                 gboolean        ready_only)
{
  g_return_if_fail (XF_IS_PIPELINE_VIEW (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->ready_button), ready_only);
}

GPtrArray *
xf_pipeline_view_get_rows (XfPipelineView *self)
{
  g_return_val_if_fail (XF_IS_PIPELINE_VIEW (self), NULL);
  return self->rows;
}

GtkWidget *
xf_pipeline_view_get_list (XfPipelineView *self)
{
  g_return_val_if_fail (XF_IS_PIPELINE_VIEW (self), NULL);
  return GTK_WIDGET (self->list);
}

/*
 * GObject
 */

static void
xf_pipeline_view_dispose (GObject *object)
{
  XfPipelineView *self = XF_PIPELINE_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_by, g_free);
  g_clear_object (&self->cultivation);

  G_OBJECT_CLASS (xf_pipeline_view_parent_class)->dispose (object);
}

static void
xf_pipeline_view_class_init (XfPipelineViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_pipeline_view_dispose;
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
xf_pipeline_view_init (XfPipelineView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_flow_box_new ();
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty;

  self->group_by = g_strdup ("organisation");
  self->organisation_button = toggle_new (_("By _organisation"));
  self->region_button = toggle_new (_("By _county"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->region_button),
                               GTK_TOGGLE_BUTTON (self->organisation_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->organisation_button), TRUE);
  gtk_widget_set_name (self->organisation_button, "by-organisation");
  gtk_widget_set_name (self->region_button, "by-region");
  g_signal_connect_object (self->organisation_button, "toggled", G_CALLBACK (group_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_button, "toggled", G_CALLBACK (group_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked), self->organisation_button);
  gtk_box_append (GTK_BOX (linked), self->region_button);

  self->ready_button = toggle_new (_("_Ready to nominate"));
  gtk_widget_set_name (self->ready_button, "ready-only");
  gtk_widget_set_halign (self->ready_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (self->ready_button, TRUE);
  g_signal_connect_object (self->ready_button, "toggled", G_CALLBACK (xf_pipeline_view_refresh), self, G_CONNECT_SWAPPED);

  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  /* The grouping and "Ready to nominate" side by side, or one above the
   * other when both do not fit (360 pixels, or long translations). */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  /* Homogeneous: the flow box lays out by its widest child, and so never
   * squeezes one below its size. */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (bar), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_widget_set_name (bar, "pipeline-bar");
  gtk_widget_set_halign (linked, GTK_ALIGN_START);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), linked);
  gtk_flow_box_append (GTK_FLOW_BOX (bar), self->ready_button);
  for (GtkWidget *item = gtk_widget_get_first_child (bar); item != NULL; item = gtk_widget_get_next_sibling (item))
    gtk_widget_set_focusable (item, FALSE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_hexpand (bar, TRUE);
  {
    GtkWidget *bar_clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (bar_clamp), 800);
    adw_clamp_set_child (ADW_CLAMP (bar_clamp), bar);
    gtk_box_append (GTK_BOX (box), bar_clamp);
  }

  self->list = GTK_LIST_BOX (list);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 24);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_name (list, "pipeline-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  empty = status_page ("emoji-nature-symbolic", _("No targets yet"),
                       _("Once workers have cultivation plans, this shows how far along they are, and who is ready to be nominated."));
  gtk_stack_add_named (self->stack, empty, "empty");
  self->error_status = ADW_STATUS_PAGE (status_page ("dialog-error-symbolic", _("Could not read the pipeline"), NULL));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_status), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
xf_pipeline_view_new (XfCultivation *cultivation)
{
  XfPipelineView *self;

  g_return_val_if_fail (XF_IS_CULTIVATION (cultivation), NULL);

  self = g_object_new (XF_TYPE_PIPELINE_VIEW, NULL);
  self->cultivation = g_object_ref (cultivation);
  return GTK_WIDGET (self);
}
