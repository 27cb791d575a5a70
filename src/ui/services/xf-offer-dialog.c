/* xf-offer-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-offer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-offer-dialog.h"
#include "xf-pioneer-picker.h"
#include "xf-ui-util.h"

static const char * const modes[] = {
  XF_SERVICE_MODE_ON_SITE, XF_SERVICE_MODE_REMOTE, XF_SERVICE_MODE_BOTH,
};

struct _XfOfferDialog
{
  AdwWindow            parent_instance;

  XfServices          *services;
  XfServiceOffer      *offer;        /* what is edited; id 0 for a new one */
  GPtrArray           *items;        /* of XfServiceItem, as item_row lists them */
  GtkWidget           *picker;       /* a new offer's pioneer, else NULL */

  /* Template widgets */
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *pioneer_group;
  AdwComboRow         *item_row;
  AdwEntryRow         *description_row;
  AdwComboRow         *mode_row;
  AdwEntryRow         *regions_row;
  GtkSpinButton       *capacity_spin;
  GtkSwitch           *available_switch;
  AdwEntryRow         *until_row;
};

G_DEFINE_FINAL_TYPE (XfOfferDialog, xf_offer_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfOfferDialog *self,
            const char    *message)
{
  xf_error_revealer_show (self->error_revealer, self->error_label, message);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
load_items (XfOfferDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  self->items = xf_services_list_items (self->services, FALSE, &error);
  if (self->items == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const XfServiceItem *item = g_ptr_array_index (self->items, i);

      gtk_string_list_append (names, xf_service_item_get_name (item));
      if (g_strcmp0 (item->code, self->offer->item_code) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->item_row, selected);
}

static void
fill (XfOfferDialog *self)
{
  const XfServiceOffer *offer = self->offer;
  g_autoptr(GtkStringList) mode_names = gtk_string_list_new (NULL);
  guint mode = 0;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      gtk_string_list_append (mode_names, xf_service_mode_label (modes[i]));
      if (g_strcmp0 (modes[i], offer->mode) == 0)
        mode = i;
    }
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (mode_names));
  adw_combo_row_set_selected (self->mode_row, mode);

  if (offer->id > 0)
    {
      GtkWidget *row = adw_action_row_new ();

      gtk_window_set_title (GTK_WINDOW (self), _("Edit offer"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), or_empty (offer->pioneer_name));
      adw_preferences_group_add (self->pioneer_group, row);
      /* One offer per pioneer and item: the item is what the offer is. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->item_row), FALSE);
    }
  else
    {
      self->picker = xf_pioneer_picker_new (xf_services_get_registry (self->services),
                                            _("Pioneer's name"), FALSE);
      if (offer->pioneer_id > 0)
        xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (self->picker), offer->pioneer_id,
                                       offer->pioneer_name);
      adw_preferences_group_add (self->pioneer_group, self->picker);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->description_row), or_empty (offer->description));
  gtk_editable_set_text (GTK_EDITABLE (self->regions_row), or_empty (offer->regions));
  gtk_spin_button_set_value (self->capacity_spin, offer->capacity_per_month > 0 ? offer->capacity_per_month : 4);
  gtk_switch_set_active (self->available_switch, offer->id == 0 || offer->available);
  gtk_editable_set_text (GTK_EDITABLE (self->until_row), or_empty (offer->available_until));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfOfferDialog *self = XF_OFFER_DIALOG (widget);
  g_autoptr(XfServiceOffer) offer = xf_service_offer_copy (self->offer);
  g_autoptr(GError) error = NULL;
  guint item = adw_combo_row_get_selected (self->item_row);
  guint mode = adw_combo_row_get_selected (self->mode_row);
  gint64 id;

  if (self->picker != NULL)
    {
      offer->pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->picker));
      if (offer->pioneer_id == 0)
        {
          show_error (self, _("Pioneer: type a name and choose the pioneer from the list."));
          gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->picker)));
          return;
        }
    }
  if (self->items == NULL || item >= self->items->len)
    {
      show_error (self, _("Catalogue item: choose the service offered."));
      return;
    }
  g_free (offer->item_code);
  offer->item_code = g_strdup (((XfServiceItem *) g_ptr_array_index (self->items, item))->code);
  g_free (offer->description);
  offer->description = xf_entry_row_dup_text (self->description_row);
  g_free (offer->regions);
  offer->regions = xf_entry_row_dup_text (self->regions_row);
  g_free (offer->mode);
  offer->mode = g_strdup (modes[MIN (mode, G_N_ELEMENTS (modes) - 1)]);
  offer->capacity_per_month = gtk_spin_button_get_value_as_int (self->capacity_spin);
  offer->available = gtk_switch_get_active (self->available_switch);
  g_free (offer->available_until);
  offer->available_until = xf_entry_row_dup_text (self->until_row);
  if (*offer->available_until == '\0')
    g_clear_pointer (&offer->available_until, g_free);

  id = xf_services_save_offer (self->services, offer, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
xf_offer_dialog_dispose (GObject *object)
{
  XfOfferDialog *self = XF_OFFER_DIALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->offer, xf_service_offer_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_offer_dialog_parent_class)->dispose (object);
}

static void
xf_offer_dialog_class_init (XfOfferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_offer_dialog_dispose;

  /**
   * XfOfferDialog::saved:
   * @offer_id: the offer written
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-offer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, pioneer_group);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, regions_row);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, available_switch);
  gtk_widget_class_bind_template_child (widget_class, XfOfferDialog, until_row);

  gtk_widget_class_install_action (widget_class, "offer-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_offer_dialog_init (XfOfferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_offer_dialog_new (XfServices           *services,
                     const XfServiceOffer *offer)
{
  XfOfferDialog *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_OFFER_DIALOG, NULL);
  self->services = g_object_ref (services);
  self->offer = offer != NULL ? xf_service_offer_copy (offer) : xf_service_offer_new ();
  fill (self);
  load_items (self);
  return GTK_WIDGET (self);
}

const char *
xf_offer_dialog_get_error (XfOfferDialog *self)
{
  g_return_val_if_fail (XF_IS_OFFER_DIALOG (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}
