/* xf-ranking-explain-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking-explain-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-honour-wall-page-private.h"
#include "xf-ranking-explain-dialog.h"
#include "xf-registry-page.h"
#include "xf-window.h"

struct _XfRankingExplainDialog
{
  AdwWindow  parent_instance;

  gint64     pioneer_id;
  double     total;
  GtkWindow *parent;     /* weak */
};

G_DEFINE_FINAL_TYPE (XfRankingExplainDialog, xf_ranking_explain_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
cell (const char *text,
      gboolean    numeric,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !numeric);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
number_cell (double      value,
             const char *format)
{
  g_autofree char *text = g_strdup_printf (format, value);

  return cell (text, TRUE, NULL);
}

/* The registry page, on the pioneer: the dialog goes. */
static void
open_profile_cb (XfRankingExplainDialog *self)
{
  GtkWindow *parent = self->parent;
  GtkWidget *page;

  if (XF_IS_WINDOW (parent))
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "registry");
      page = xf_window_get_registry_page (XF_WINDOW (parent));
      if (page != NULL)
        xf_registry_page_open_pioneer (XF_REGISTRY_PAGE (page), self->pioneer_id);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
xf_ranking_explain_dialog_dispose (GObject *object)
{
  XfRankingExplainDialog *self = XF_RANKING_EXPLAIN_DIALOG (object);

  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  G_OBJECT_CLASS (xf_ranking_explain_dialog_parent_class)->dispose (object);
}

static void
xf_ranking_explain_dialog_class_init (XfRankingExplainDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_ranking_explain_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_ranking_explain_dialog_init (XfRankingExplainDialog *self)
{
}

static const char *
weights_set_text (XfRanking              *ranking,
                  const XfMonthlyRanking *month,
                  char                  **owned)
{
  g_autoptr(GPtrArray) sets = xf_ranking_list_weights (ranking, NULL);
  g_autofree char *month_label = NULL;
  const char *valid_from = NULL;

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      XfIndexWeightSet *set = g_ptr_array_index (sets, i);

      if (set->id == month->weight_set_id)
        valid_from = set->valid_from;
    }
  if (valid_from != NULL)
    /* Translators: which weights counted: the set's number, the month it
     * came into force ("2026-01"), and the month ranked */
    *owned = g_strdup_printf (_("Weights: set %lld, in force from %s, as used for %s"),
                              (long long) month->weight_set_id, valid_from, month->month);
  else
    /* Translators: which weights counted: the set's number and the month ranked */
    *owned = g_strdup_printf (_("Weights: set %lld, as used for %s"),
                              (long long) month->weight_set_id, month->month);
  return *owned;
}

GtkWidget *
xf_ranking_explain_dialog_new (GtkWindow              *parent,
                               XfRanking              *ranking,
                               const XfMonthlyRanking *month,
                               const XfRankingEntry   *entry)
{
  XfRankingExplainDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *month_label = NULL;
  g_autofree char *weights_text = NULL;
  g_autofree char *total_text = NULL;
  const char *headers[] = {
    N_("Component"), N_("Points"), N_("Raw"), N_("Month’s largest"), N_("Normalised"), N_("Weight"),
  };
  GtkWidget *box, *header, *scrolled, *content, *grid, *label, *button;
  int row = 0;

  g_return_val_if_fail (XF_IS_RANKING (ranking), NULL);
  g_return_val_if_fail (month != NULL && entry != NULL, NULL);

  self = g_object_new (XF_TYPE_RANKING_EXPLAIN_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 640,
                       "default-height", 560,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->pioneer_id = entry->pioneer_id;
  self->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);

  /* Translators: the explanation dialog's title; %s is the pioneer's name */
  title = g_strdup_printf (_("Index of %s"), entry->name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);

  label = gtk_label_new (entry->name);
  gtk_widget_add_css_class (label, "title-2");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (content), label);

  month_label = _xf_honour_wall_month_label (month->month);
  if (entry->rank > 0)
    /* Translators: rank, month and whether frozen: "Rank 3 in November 2026 (frozen)" */
    summary = g_strdup_printf (month->frozen ? _("Rank %d in %s (frozen)") : _("Rank %d in %s so far (provisional)"),
                               entry->rank, month_label);
  else
    summary = g_strdup_printf (month->frozen ? _("Not among the ranked in %s (frozen)")
                                             : _("Not among the ranked in %s so far (provisional)"),
                               month_label);
  label = gtk_label_new (summary);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (content), label);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "explain-table");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      label = cell (_(headers[i]), i > 0, "heading");
      /* Narrow headers wrap rather than widen their column. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_grid_attach (GTK_GRID (grid), label, i, row, 1, 1);
    }
  row++;

  self->total = 0;
  for (guint i = 0; entry->parts != NULL && i < entry->parts->len; i++, row++)
    {
      XfIndexPart *part = g_ptr_array_index (entry->parts, i);

      /* The points first: on a phone the table scrolls sideways for the rest. */
      gtk_grid_attach (GTK_GRID (grid), cell (part->label, FALSE, NULL), 0, row, 1, 1);
      label = number_cell (part->points, "%.2f");
      gtk_widget_set_name (label, "explain-points");
      gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), number_cell (part->raw, "%.0f"), 2, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), number_cell (part->max, "%.0f"), 3, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), number_cell (part->normalised, "%.3f"), 4, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), number_cell (part->weight, "%g"), 5, row, 1, 1);
      self->total += part->points;
    }
  gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 6, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Total = index"), FALSE, "total"), 0, row, 1, 1);
  total_text = g_strdup_printf ("%.2f", self->total);
  label = cell (total_text, TRUE, "total");
  gtk_widget_set_name (label, "explain-total");
  gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);

  /* The table scrolls sideways on a narrow screen. */
  {
    GtkWidget *table_scroll = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroll), grid);
    gtk_box_append (GTK_BOX (content), table_scroll);
  }

  label = gtk_label_new (_("Each component counts the month’s events after the daily caps (raw), divided by the largest "
                           "raw value of any pioneer that month; points = 100 × weight × normalised ÷ the sum of "
                           "the weights."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (content), label);

  label = gtk_label_new (weights_set_text (ranking, month, &weights_text));
  gtk_widget_set_name (label, "explain-weights");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (content), label);

  button = gtk_button_new_with_mnemonic (_("_Open Profile"));
  gtk_widget_set_name (button, "explain-profile");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_visible (button, XF_IS_WINDOW (parent));
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_profile_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), button);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  return GTK_WIDGET (self);
}

gint64
xf_ranking_explain_dialog_get_pioneer_id (XfRankingExplainDialog *self)
{
  g_return_val_if_fail (XF_IS_RANKING_EXPLAIN_DIALOG (self), 0);
  return self->pioneer_id;
}

double
xf_ranking_explain_dialog_get_total (XfRankingExplainDialog *self)
{
  g_return_val_if_fail (XF_IS_RANKING_EXPLAIN_DIALOG (self), 0);
  return self->total;
}
