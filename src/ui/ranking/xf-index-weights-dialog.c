/* xf-index-weights-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-index-weights-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-index-weights-dialog.h"
#include "xf-ui-util.h"

struct _XfIndexWeightsDialog
{
  AdwWindow        parent_instance;

  XfRanking       *ranking;
  XfIndexWeights  *weights;     /* the set in force, edited */
  GPtrArray       *spins;       /* GtkSpinButton *: weight, per source, per day for each component */
  AdwEntryRow     *valid_from;
  AdwEntryRow     *reason;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (XfIndexWeightsDialog, xf_index_weights_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GtkWidget *
add_spin (XfIndexWeightsDialog *self,
          AdwPreferencesGroup  *group,
          const char           *title,
          const char           *name,
          double                value,
          double                upper,
          guint                 digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, digits > 0 ? 0.5 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->spins, spin);
  return spin;
}

gboolean
xf_index_weights_dialog_save (XfIndexWeightsDialog *self)
{
  g_autoptr(XfIndexWeights) weights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *valid_from = NULL;
  g_autofree char *reason = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_INDEX_WEIGHTS_DIALOG (self), FALSE);

  weights = xf_index_weights_copy (self->weights);
  for (guint i = 0; i < weights->components->len; i++)
    {
      XfIndexComponent *component = g_ptr_array_index (weights->components, i);

      component->weight = gtk_spin_button_get_value (g_ptr_array_index (self->spins, 3 * i));
      component->per_source_day = gtk_spin_button_get_value_as_int (g_ptr_array_index (self->spins, 3 * i + 1));
      component->per_day = gtk_spin_button_get_value_as_int (g_ptr_array_index (self->spins, 3 * i + 2));
    }
  valid_from = xf_entry_row_dup_text (self->valid_from);
  reason = xf_entry_row_dup_text (self->reason);
  id = xf_ranking_set_weights (self->ranking, weights, valid_from, reason, &error);
  if (id <= 0)
    {
      xf_error_revealer_show (self->error_revealer, self->error_label,
                              error != NULL ? error->message : _("The weights could not be saved"));
      return FALSE;
    }
  xf_error_revealer_show (self->error_revealer, self->error_label, NULL);
  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (XfIndexWeightsDialog *self)
{
  xf_index_weights_dialog_save (self);
}

static void
xf_index_weights_dialog_dispose (GObject *object)
{
  XfIndexWeightsDialog *self = XF_INDEX_WEIGHTS_DIALOG (object);

  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->weights, xf_index_weights_free);
  g_clear_object (&self->ranking);
  G_OBJECT_CLASS (xf_index_weights_dialog_parent_class)->dispose (object);
}

static void
xf_index_weights_dialog_class_init (XfIndexWeightsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_index_weights_dialog_dispose;
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_index_weights_dialog_init (XfIndexWeightsDialog *self)
{
  self->spins = g_ptr_array_new ();
}

GtkWidget *
xf_index_weights_dialog_new (GtkWindow *parent,
                             XfRanking *ranking)
{
  XfIndexWeightsDialog *self;
  g_autoptr(XfIndexWeightSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *month = g_strndup (today, 7);
  GtkWidget *box, *header, *cancel, *save, *page, *label;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (XF_IS_RANKING (ranking), NULL);

  self = g_object_new (XF_TYPE_INDEX_WEIGHTS_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("Weights of the Pioneer Index"),
                       "default-width", 560,
                       "default-height", 680,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->ranking = g_object_ref (ranking);
  set = xf_ranking_get_weights (ranking, NULL, &error);
  self->weights = set != NULL ? xf_index_weights_copy (set->weights) : xf_index_weights_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (save, "save");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_revealer_set_child (self->error_revealer, GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_revealer));

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("New Set"));
  if (error != NULL)
    adw_preferences_group_set_description (group, error->message);
  self->valid_from = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->valid_from), _("First month in force (YYYY-MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->valid_from), month);
  gtk_widget_set_name (GTK_WIDGET (self->valid_from), "valid-from");
  adw_preferences_group_add (group, GTK_WIDGET (self->valid_from));
  self->reason = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason), _("Reason (required)"));
  gtk_widget_set_name (GTK_WIDGET (self->reason), "reason");
  adw_preferences_group_add (group, GTK_WIDGET (self->reason));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  for (guint i = 0; i < self->weights->components->len; i++)
    {
      XfIndexComponent *component = g_ptr_array_index (self->weights->components, i);
      g_autofree char *weight_name = g_strdup_printf ("weight-%s", component->id);
      g_autofree char *source_name = g_strdup_printf ("per-source-day-%s", component->id);
      g_autofree char *day_name = g_strdup_printf ("per-day-%s", component->id);
      g_autofree char *kinds = g_strjoinv (", ", component->kinds);

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, xf_index_component_label (component));
      adw_preferences_group_set_description (group, kinds);
      add_spin (self, group, _("Weight"), weight_name, component->weight, 100, 1);
      add_spin (self, group, _("Cap per visitor or source a day (0: none)"), source_name,
                component->per_source_day, 10000, 0);
      add_spin (self, group, _("Cap per pioneer a day (0: none)"), day_name, component->per_day, 10000, 0);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
    }

  label = gtk_label_new (_("The new set applies from its first month on; months already frozen keep the weights "
                           "they were computed with."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), label);
  adw_window_set_content (ADW_WINDOW (self), box);
  return GTK_WIDGET (self);
}
