/* xf-offers-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-offers-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-item-dialog.h"
#include "xf-offer-dialog.h"
#include "xf-offers-view.h"
#include "xf-reference.h"
#include "xf-ui-util.h"

/* Beyond this many pioneers the list asks for a search: each group is a
 * few widgets, and nobody reads a thousand of them. */
#define MAX_GROUPS 60

struct _XfOffersView
{
  AdwBin           parent_instance;

  XfServices      *services;
  GPtrArray       *offers;        /* of XfServiceOffer, by pioneer name then item */
  char            *search;        /* casefolded, NULL: all */
  gboolean         setting_text;  /* the search entry is set from code */
  XfReloadQueue    reload;
  AdwToast        *toast;         /* weak */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *section_dropdown;
  GtkSearchEntry  *search_entry;
  GtkWidget       *add_button;
  GtkStack        *stack;
  GtkStack        *offers_stack;
  GtkBox          *offers_box;
  AdwStatusPage   *empty_page;
  GtkBox          *catalogue_box;
};

G_DEFINE_FINAL_TYPE (XfOffersView, xf_offers_view, ADW_TYPE_BIN)

static void
show_toast (XfOffersView *self,
            const char   *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

static const XfServiceOffer *
find_offer (XfOffersView *self,
            gint64        offer_id)
{
  for (guint i = 0; self->offers != NULL && i < self->offers->len; i++)
    {
      const XfServiceOffer *offer = g_ptr_array_index (self->offers, i);

      if (offer->id == offer_id)
        return offer;
    }
  return NULL;
}

/*
 * One offer's row
 */

/* "Deqing, Wuxing", or the pioneer's own region when none is named. */
static char *
format_regions (const char *regions)
{
  XfReference *reference = xf_reference_get_shared ();
  g_auto(GStrv) codes = g_strsplit (regions != NULL ? regions : "", " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (*codes[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, xf_reference_label (reference, XF_REFERENCE_REGIONS, codes[i]));
    }
  if (text->len == 0)
    return g_strdup (_("Own region"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_availability (const XfServiceOffer *offer)
{
  if (!offer->available)
    return g_strdup (_("Not available"));
  if (offer->available_until != NULL && *offer->available_until != '\0')
    /* Translators: "Available until 2026-06-30" */
    return g_strdup_printf (_("Available until %s"), offer->available_until);
  return g_strdup (_("Available"));
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *label,
                  const char *action_name,
                  gint64      target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
make_offer_row (const XfServiceOffer *offer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *load = gtk_label_new (NULL);
  g_autofree char *regions = format_regions (offer->regions);
  g_autofree char *availability = format_availability (offer);
  g_autofree char *subtitle = NULL;
  g_autofree char *load_text = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;

  /* Translators: an offer's mode, regions served and availability */
  subtitle = g_strdup_printf (_("%s · %s · %s"), xf_service_mode_label (offer->mode), regions, availability);
  /* Translators: requests claimed this month against the offer's monthly capacity */
  load_text = g_strdup_printf (_("%d of %d this month"), offer->load_this_month, offer->capacity_per_month);
  edit_label = g_strdup_printf (_("Edit the offer of %s"), offer->item_name);
  remove_label = g_strdup_printf (_("Remove the offer of %s"), offer->item_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), offer->item_name != NULL ? offer->item_name
                                                                                       : offer->item_code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_name (row, "offer-row");
  /* Activating the row (Enter, a click) edits the offer; an AdwActionRow
   * is not activatable until told (1.2). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", offer->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "offers-view.edit");
  if (offer->description != NULL && *offer->description != '\0')
    gtk_widget_set_tooltip_text (row, offer->description);

  gtk_label_set_text (GTK_LABEL (load), load_text);
  gtk_widget_add_css_class (load, "numeric");
  if (offer->load_this_month >= offer->capacity_per_month)
    gtk_widget_add_css_class (load, "warning");
  else
    gtk_widget_add_css_class (load, "dim-label");
  if (!offer->available)
    gtk_widget_add_css_class (row, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), load);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("document-edit-symbolic", edit_label,
                                               "offers-view.edit", offer->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("user-trash-symbolic", remove_label,
                                               "offers-view.remove", offer->id));
  return row;
}

/*
 * The list: one group per pioneer
 */

static gboolean
matches_search (XfOffersView         *self,
                const XfServiceOffer *offer)
{
  g_autofree char *name = NULL;

  if (self->search == NULL)
    return TRUE;
  name = g_utf8_casefold (offer->pioneer_name != NULL ? offer->pioneer_name : "", -1);
  return strstr (name, self->search) != NULL;
}

static AdwPreferencesGroup *
add_group (XfOffersView         *self,
           const XfServiceOffer *offer)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *add_label = g_strdup_printf (_("Add an offer of %s"), offer->pioneer_name);
  GtkWidget *add = make_icon_button ("list-add-symbolic", add_label, "offers-view.add-for", offer->pioneer_id);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), offer->pioneer_name);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  gtk_widget_set_name (group, "pioneer-group");
  gtk_box_append (self->offers_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
fill_offers (XfOffersView *self)
{
  AdwPreferencesGroup *group = NULL;
  gint64 pioneer_id = 0;
  guint n_groups = 0;
  gboolean more = FALSE;

  xf_box_remove_all (self->offers_box);
  for (guint i = 0; self->offers != NULL && i < self->offers->len; i++)
    {
      const XfServiceOffer *offer = g_ptr_array_index (self->offers, i);

      if (!matches_search (self, offer))
        continue;
      if (group == NULL || offer->pioneer_id != pioneer_id)
        {
          if (n_groups == MAX_GROUPS)
            {
              more = TRUE;
              break;
            }
          group = add_group (self, offer);
          pioneer_id = offer->pioneer_id;
          n_groups++;
        }
      adw_preferences_group_add (group, make_offer_row (offer));
    }

  if (more)
    {
      GtkWidget *label = gtk_label_new (_("More pioneers have offers: search by name to find one."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->offers_box, label);
    }

  if (n_groups > 0)
    gtk_stack_set_visible_child_name (self->offers_stack, "list");
  else
    {
      gboolean searching = self->search != NULL;

      adw_status_page_set_icon_name (self->empty_page, searching ? "system-search-symbolic"
                                                                 : "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, searching ? _("No pioneer found")
                                                             : _("No offers yet"));
      adw_status_page_set_description (self->empty_page,
                                       searching ? _("No pioneer with offers has that name.")
                                       : _("A pioneer's offer says which services he or she takes on, where, and how many a month."));
      gtk_stack_set_visible_child_name (self->offers_stack, "empty");
    }
}

static int
compare_offers (gconstpointer a,
                gconstpointer b)
{
  const XfServiceOffer *x = *(XfServiceOffer **) a;
  const XfServiceOffer *y = *(XfServiceOffer **) b;
  int by_name = g_utf8_collate (x->pioneer_name != NULL ? x->pioneer_name : "",
                                y->pioneer_name != NULL ? y->pioneer_name : "");

  if (by_name != 0)
    return by_name;
  if (x->pioneer_id != y->pioneer_id)
    return x->pioneer_id < y->pioneer_id ? -1 : 1;
  return g_strcmp0 (x->item_name, y->item_name);
}

/*
 * The catalogue
 */

/* Only administrators edit the catalogue; core checks it again. */
static gboolean
may_edit_catalogue (XfOffersView *self)
{
  XfAccount *actor = xf_services_get_actor (self->services);

  return actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_SERVICE_CATALOGUE);
}

static void
fill_catalogue (XfOffersView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *group_code = NULL;
  gboolean editable = may_edit_catalogue (self);

  xf_box_remove_all (self->catalogue_box);
  if (editable)
    {
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_New service item"));

      gtk_widget_set_halign (add, GTK_ALIGN_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "offers-view.new-item");
      gtk_box_append (self->catalogue_box, add);
    }
  items = xf_services_list_items (self->services, TRUE, &error);
  if (items == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (self->catalogue_box, label);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const XfServiceItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *response = xf_service_item_format_response (item);
      g_autofree char *subtitle = NULL;

      if (group == NULL || g_strcmp0 (group_code, item->group) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, xf_service_group_label (item->group));
          gtk_widget_set_name (GTK_WIDGET (group), "catalogue-group");
          gtk_box_append (self->catalogue_box, GTK_WIDGET (group));
          group_code = item->group;
        }
      if (item->stage != NULL && *item->stage != '\0')
        {
          /* Translators: a lifecycle item's stage and its response time */
          char *with_stage = g_strdup_printf (_("%s · %s"), xf_item_dialog_stage_label (item->stage), response);

          g_free (response);
          response = with_stage;
        }
      if (item->active)
        subtitle = g_strdup (response);
      else
        /* Translators: a catalogue item's response time, and that it is no longer offered */
        subtitle = g_strdup_printf (_("%s · Inactive"), response);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xf_service_item_get_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (item->description != NULL && *item->description != '\0')
        gtk_widget_set_tooltip_text (row, item->description);
      gtk_widget_set_name (row, "catalogue-row");
      if (editable)
        {
          g_autofree char *label = g_strdup_printf (_("Edit %s"), xf_service_item_get_name (item));
          GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

          gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_set_tooltip_text (edit, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", item->code);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "offers-view.edit-item");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->code);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "offers-view.edit-item");
        }
      adw_preferences_group_add (group, row);
    }
}

/*
 * Reading
 */

void
xf_offers_view_refresh (XfOffersView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *offers;

  g_return_if_fail (XF_IS_OFFERS_VIEW (self));

  xf_reload_queue_reloading (&self->reload);
  offers = xf_services_list_offers (self->services, 0, NULL, &error);
  if (offers == NULL)
    show_toast (self, error->message);
  else
    {
      g_ptr_array_sort (offers, compare_offers);
      g_clear_pointer (&self->offers, g_ptr_array_unref);
      self->offers = offers;
    }
  fill_offers (self);
  fill_catalogue (self);
}

void
xf_offers_view_search (XfOffersView *self,
                       const char   *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XF_IS_OFFERS_VIEW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  /* Setting the entry's text empties it first, which the entry reports
   * at once: ignore its echo of our own search. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_text = FALSE;
    }
  fill_offers (self);
}

static void
search_changed_cb (XfOffersView *self)
{
  if (self->setting_text)
    return;
  xf_offers_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The search and "Add offer" are about offers: the catalogue hides them. */
static void
section_changed_cb (XfOffersView *self)
{
  gboolean offers = gtk_drop_down_get_selected (self->section_dropdown) == 0;

  gtk_stack_set_visible_child_name (self->stack, offers ? "offers" : "catalogue");
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), offers);
  gtk_widget_set_visible (self->add_button, offers);
}

static void
reload (GtkWidget *widget)
{
  xf_offers_view_refresh (XF_OFFERS_VIEW (widget));
}

/* Other desks and the other tabs write too: read again once idle, or when
 * next shown. */
static void
services_changed_cb (XfOffersView *self)
{
  xf_reload_queue_changed (&self->reload);
}

/*
 * Actions
 */

static void
open_dialog (XfOffersView         *self,
             const XfServiceOffer *offer)
{
  GtkWidget *dialog = xf_offer_dialog_new (self->services, offer);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (XF_OFFERS_VIEW (widget), NULL);
}

static void
add_for_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfOffersView *self = XF_OFFERS_VIEW (widget);
  gint64 pioneer_id = g_variant_get_int64 (parameter);
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();

  offer->pioneer_id = pioneer_id;
  for (guint i = 0; self->offers != NULL && i < self->offers->len; i++)
    {
      const XfServiceOffer *other = g_ptr_array_index (self->offers, i);

      if (other->pioneer_id == pioneer_id)
        {
          offer->pioneer_name = g_strdup (other->pioneer_name);
          break;
        }
    }
  open_dialog (self, offer);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfOffersView *self = XF_OFFERS_VIEW (widget);
  const XfServiceOffer *offer = find_offer (self, g_variant_get_int64 (parameter));

  if (offer != NULL)
    open_dialog (self, offer);
}

static void
remove_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     XfOffersView     *self)
{
  gint64 offer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "offer-id"));
  g_autoptr(GError) error = NULL;

  if (!xf_services_remove_offer (self->services, offer_id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  show_toast (self, _("Offer removed"));
  xf_offers_view_refresh (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfOffersView *self = XF_OFFERS_VIEW (widget);
  gint64 offer_id = g_variant_get_int64 (parameter);
  const XfServiceOffer *offer = find_offer (self, offer_id);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (offer == NULL)
    return;
  /* Translators: "王建国 will no longer be offered for 法律援助. Requests already claimed stay as they are." */
  body = g_strdup_printf (_("%s will no longer be offered for %s. Requests already claimed stay as they are."),
                          offer->pioneer_name, offer->item_name);
  dialog = xf_confirm_dialog_new (widget, _("Remove offer?"), body, _("_Cancel"), "remove", _("_Remove"));
  g_object_set_data (G_OBJECT (dialog), "offer-id", GSIZE_TO_POINTER ((gsize) offer_id));
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (remove_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_item_dialog (XfOffersView        *self,
                  const XfServiceItem *item)
{
  GtkWidget *dialog = xf_item_dialog_new (self->services, item);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_item_dialog (XF_OFFERS_VIEW (widget), NULL);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfOffersView *self = XF_OFFERS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfServiceItem) item = xf_services_get_item (self->services, g_variant_get_string (parameter, NULL),
                                                        &error);

  if (item == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  open_item_dialog (self, item);
}

/*
 * GObject
 */

static void
xf_offers_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_offers_view_parent_class)->map (widget);
  xf_reload_queue_mapped (&XF_OFFERS_VIEW (widget)->reload);
}

static void
xf_offers_view_dispose (GObject *object)
{
  XfOffersView *self = XF_OFFERS_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_OFFERS_VIEW);
  g_clear_pointer (&self->offers, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_offers_view_parent_class)->dispose (object);
}

static void
xf_offers_view_class_init (XfOffersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_offers_view_dispose;
  widget_class->map = xf_offers_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-offers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, add_button);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, offers_stack);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, offers_box);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XfOffersView, catalogue_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);

  gtk_widget_class_install_action (widget_class, "offers-view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "offers-view.add-for", "x", add_for_action);
  gtk_widget_class_install_action (widget_class, "offers-view.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "offers-view.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "offers-view.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "offers-view.edit-item", "s", edit_item_action);
}

static void
xf_offers_view_init (XfOffersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload);
}

GtkWidget *
xf_offers_view_new (XfServices *services)
{
  XfOffersView *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_OFFERS_VIEW, NULL);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "changed", G_CALLBACK (services_changed_cb), self, G_CONNECT_SWAPPED);
  xf_offers_view_refresh (self);
  return GTK_WIDGET (self);
}
