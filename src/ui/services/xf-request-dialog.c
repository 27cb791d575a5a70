/* xf-request-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-request-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer-fields.h"
#include "xf-pioneer-picker.h"
#include "xf-request-dialog.h"
#include "xf-ui-util.h"

/* The fields whose refusals show beneath them, in the form's order. */
typedef enum
{
  FIELD_PIONEER,
  FIELD_REQUESTER,
  FIELD_CONTACT,
  FIELD_ITEM,
  FIELD_REGION,
  FIELD_PLACE,
  FIELD_NEEDED_BY,
  FIELD_PREFERRED_TIME,
  FIELD_DESCRIPTION,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "pioneer", "requester", "contact", "item", "region", "place", "needed-by",
  "preferred-time", "description",
};

struct _XfRequestDialog
{
  AdwWindow            parent_instance;

  XfServices          *services;
  gint64               booked_pioneer_id;
  GPtrArray           *items;          /* of XfServiceItem, as the item row lists them */
  XfFieldOptions      *regions;        /* the region row's codes and labels */
  GtkLabel            *errors[N_FIELDS];
  GtkWidget           *pioneer_picker; /* a booking chosen here; NULL when fixed */

  /* Template widgets */
  GtkWidget           *save_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *pioneer_group;
  AdwActionRow        *pioneer_row;
  AdwEntryRow         *requester_row;
  AdwEntryRow         *contact_row;
  AdwComboRow         *item_row;
  AdwComboRow         *region_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *needed_by_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwEntryRow         *preferred_time_row;
  GtkWidget           *description_box;
  GtkTextView         *description_view;
  AdwPreferencesPage  *form_page;
};

G_DEFINE_FINAL_TYPE (XfRequestDialog, xf_request_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/*
 * Messages beneath the fields
 */

static GtkLabel *
new_error_label (Field field)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name = g_strconcat (field_names[field], "-error", NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, name);
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* The message beneath a row is a row of its own, right after it inside
 * the boxed list, so that it reads as the field's. */
static void
add_row_error (XfRequestDialog *self,
               Field            field,
               GtkWidget       *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkLabel *label = new_error_label (field);

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (label), 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), GTK_WIDGET (label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  /* The label's visibility drives the row's. */
  g_object_bind_property (label, "visible", error_row, "visible", G_BINDING_DEFAULT);
  gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  self->errors[field] = label;
}

static GtkWidget *
field_widget (XfRequestDialog *self,
              Field            field)
{
  switch (field)
    {
    case FIELD_PIONEER:
      return self->pioneer_picker != NULL ? xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->pioneer_picker))
                                          : GTK_WIDGET (self->pioneer_row);
    case FIELD_REQUESTER:      return GTK_WIDGET (self->requester_row);
    case FIELD_CONTACT:        return GTK_WIDGET (self->contact_row);
    case FIELD_ITEM:           return GTK_WIDGET (self->item_row);
    case FIELD_REGION:         return GTK_WIDGET (self->region_row);
    case FIELD_PLACE:          return GTK_WIDGET (self->place_row);
    case FIELD_NEEDED_BY:      return GTK_WIDGET (self->needed_by_row);
    case FIELD_PREFERRED_TIME: return GTK_WIDGET (self->preferred_time_row);
    case FIELD_DESCRIPTION:    return GTK_WIDGET (self->description_view);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
clear_errors (XfRequestDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_label_set_text (self->errors[i], "");
      gtk_widget_set_visible (GTK_WIDGET (self->errors[i]), FALSE);
      gtk_widget_remove_css_class (field_widget (self, i), "error");
    }
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Does @prefix (what comes before the colon of core's message) name
 * @field? Core names fields as the form does; a few have other names.
 * Untranslated too: a message may not be translated yet. */
static gboolean
names_field (const char *prefix,
             Field       field)
{
  static const char * const names[N_FIELDS][4] = {
    [FIELD_PIONEER]        = { N_("Pioneer"), N_("Booked pioneer") },
    [FIELD_REQUESTER]      = { N_("Requester"), N_("Requester name"), N_("Name") },
    [FIELD_CONTACT]        = { N_("Contact"), N_("Requester contact") },
    [FIELD_ITEM]           = { N_("Service item"), N_("Item") },
    [FIELD_REGION]         = { N_("Region") },
    [FIELD_PLACE]          = { N_("Place") },
    [FIELD_NEEDED_BY]      = { N_("Needed by") },
    [FIELD_PREFERRED_TIME] = { N_("Preferred time") },
    [FIELD_DESCRIPTION]    = { N_("Description"), N_("What is needed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names[field]) && names[field][i] != NULL; i++)
    if (g_ascii_strcasecmp (prefix, names[field][i]) == 0 || g_strcmp0 (prefix, _(names[field][i])) == 0)
      return TRUE;
  return FALSE;
}

/* The field a message of core's names before its colon ("Contact: …",
 * "联系方式：…"), or N_FIELDS. */
static Field
field_of_message (const char *message)
{
  const char *colon = strstr (message, ":");
  const char *wide = strstr (message, "：");
  g_autofree char *prefix = NULL;

  if (wide != NULL && (colon == NULL || wide < colon))
    colon = wide;
  if (colon == NULL)
    return N_FIELDS;
  prefix = g_strstrip (g_strndup (message, colon - message));
  for (guint i = 0; i < N_FIELDS; i++)
    if (names_field (prefix, i))
      return i;
  return N_FIELDS;
}

/* Beneath the field the message names, else above the form. */
static void
show_error (XfRequestDialog *self,
            const GError    *error)
{
  Field field = N_FIELDS;

  clear_errors (self);
  if (error->domain == XF_ERROR && error->code == XF_ERROR_INVALID)
    field = field_of_message (error->message);
  if (field == N_FIELDS)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_label_set_text (self->errors[field], error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->errors[field]), TRUE);
  gtk_widget_add_css_class (field_widget (self, field), "error");
  gtk_widget_grab_focus (field_widget (self, field));
}

/*
 * The needed-by date: typed, or picked from a calendar
 */

static void
day_selected_cb (XfRequestDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->needed_by_row), text);
  gtk_menu_button_popdown (self->date_button);
}

/*
 * The catalogue
 */

static const XfServiceItem *
selected_item (XfRequestDialog *self)
{
  guint position = adw_combo_row_get_selected (self->item_row);

  if (self->items == NULL || position == GTK_INVALID_LIST_POSITION || position >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, position);
}

/* The item's description and response time under its row. */
static void
item_selected_cb (XfRequestDialog *self)
{
  const XfServiceItem *item = selected_item (self);
  g_autofree char *response = item != NULL ? xf_service_item_format_response (item) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->item_row), response != NULL ? response : "");
}

/* Whether @pioneer_id offers @code now. */
static gboolean
offers (GPtrArray  *offered,
        const char *code)
{
  for (guint i = 0; offered != NULL && i < offered->len; i++)
    {
      XfServiceOffer *offer = g_ptr_array_index (offered, i);

      if (offer->available && g_strcmp0 (offer->item_code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The active items; for a booking, only those the pioneer offers. */
static void
load_items (XfRequestDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GError) error = NULL;

  all = xf_services_list_items (self->services, FALSE, &error);
  if (all != NULL && self->booked_pioneer_id > 0)
    offered = xf_services_list_offers (self->services, self->booked_pioneer_id, NULL, &error);
  if (all == NULL || (self->booked_pioneer_id > 0 && offered == NULL))
    {
      show_error (self, error);
      return;
    }
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_item_free);
  for (guint i = 0; i < all->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (all, i);

      if (self->booked_pioneer_id > 0 && !offers (offered, item->code))
        continue;
      g_ptr_array_add (self->items, xf_service_item_copy (item));
      gtk_string_list_append (names, xf_service_item_get_name (item));
    }
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (names));
  item_selected_cb (self);
  if (self->booked_pioneer_id > 0 && self->items->len == 0)
    {
      gtk_label_set_text (self->error_label, _("This pioneer offers no service now: add an offer on the Offers view first."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
load_regions (XfRequestDialog *self,
              const char      *region_code)
{
  XfRegistry *registry = xf_services_get_registry (self->services);

  self->regions = xf_field_options_new (registry, "region-code");
  adw_combo_row_set_model (self->region_row,
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *) self->regions->labels)));
  adw_combo_row_set_selected (self->region_row, xf_field_options_find (self->regions, region_code));
}

/* "Booking for 王建国": fixed, and the request starts in the pioneer's
 * region. */
static char *
load_pioneer (XfRequestDialog *self)
{
  XfRegistry *registry = xf_services_get_registry (self->services);
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char *region = NULL;

  if (self->booked_pioneer_id <= 0)
    return NULL;
  pioneer = xf_registry_get_pioneer (registry, self->booked_pioneer_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->pioneer_group), TRUE);
  if (pioneer == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pioneer_row), error->message);
      return NULL;
    }
  /* Translators: the booking dialog's first line; %s is the pioneer's name. */
  title = g_strdup_printf (_("Booking for %s"), xf_pioneer_get_name (pioneer));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pioneer_row), title);
  adw_action_row_set_subtitle (self->pioneer_row,
                               _("The pioneer is asked to accept or decline; declined, the request is open to all."));
  gtk_window_set_title (GTK_WINDOW (self), _("Book a service"));
  g_object_get (pioneer, "region-code", &region, NULL);
  return region;
}

/* Not booked from a name card: the desk may still choose a pioneer, at
 * the foot of the form. */
static void
add_pioneer_picker (XfRequestDialog *self,
                    AdwPreferencesPage *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkLabel *error = new_error_label (FIELD_PIONEER);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Booking"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Optional: the pioneer the requester asks for. Left empty, any suitable pioneer may claim the request."));
  self->pioneer_picker = xf_pioneer_picker_new (xf_services_get_registry (self->services),
                                                _("Pioneer"), FALSE);
  gtk_widget_set_name (self->pioneer_picker, "pioneer-picker");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->pioneer_picker);
  gtk_widget_set_margin_top (GTK_WIDGET (error), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (error));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  /* The fixed pioneer's message row stays hidden with its group. */
  self->errors[FIELD_PIONEER] = error;
}

static gint64
booked_pioneer_id (XfRequestDialog *self)
{
  if (self->pioneer_picker != NULL)
    return xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->pioneer_picker));
  return self->booked_pioneer_id;
}

/*
 * Saving
 */

static char *
dup_entry (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
dup_description (XfRequestDialog *self)
{
  return xf_text_view_dup_text (self->description_view);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfRequestDialog *self = XF_REQUEST_DIALOG (widget);
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  const XfServiceItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  request->requester_name = dup_entry (self->requester_row);
  request->requester_contact = dup_entry (self->contact_row);
  request->item_code = item != NULL ? g_strdup (item->code) : NULL;
  request->region_code = g_strdup (xf_field_options_get_code (self->regions,
                                                              adw_combo_row_get_selected (self->region_row)));
  request->place = dup_entry (self->place_row);
  request->needed_by = dup_entry (self->needed_by_row);
  request->preferred_time = dup_entry (self->preferred_time_row);
  request->description = dup_description (self);
  request->booked_pioneer_id = booked_pioneer_id (self);

  id = xf_services_create_request (self->services, request, &error);
  if (id <= 0)
    {
      show_error (self, error);
      return;
    }
  clear_errors (self);
  g_signal_emit (self, signals [CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
xf_request_dialog_dispose (GObject *object)
{
  XfRequestDialog *self = XF_REQUEST_DIALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->regions, xf_field_options_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_request_dialog_parent_class)->dispose (object);
}

static void
xf_request_dialog_class_init (XfRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_request_dialog_dispose;

  /**
   * XfRequestDialog::created:
   * @request_id: the new request's id
   *
   * The request was stored; the dialog closes next.
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, pioneer_group);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, pioneer_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, requester_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, needed_by_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, preferred_time_row);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, description_box);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, XfRequestDialog, form_page);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "request-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "request-dialog.save", NULL);
}

static void
xf_request_dialog_init (XfRequestDialog *self)
{
  GtkLabel *description_error;

  gtk_widget_init_template (GTK_WIDGET (self));

  add_row_error (self, FIELD_PIONEER, GTK_WIDGET (self->pioneer_row));
  add_row_error (self, FIELD_REQUESTER, GTK_WIDGET (self->requester_row));
  add_row_error (self, FIELD_CONTACT, GTK_WIDGET (self->contact_row));
  add_row_error (self, FIELD_ITEM, GTK_WIDGET (self->item_row));
  add_row_error (self, FIELD_REGION, GTK_WIDGET (self->region_row));
  add_row_error (self, FIELD_PLACE, GTK_WIDGET (self->place_row));
  add_row_error (self, FIELD_NEEDED_BY, GTK_WIDGET (self->needed_by_row));
  add_row_error (self, FIELD_PREFERRED_TIME, GTK_WIDGET (self->preferred_time_row));
  description_error = new_error_label (FIELD_DESCRIPTION);
  gtk_box_append (GTK_BOX (self->description_box), GTK_WIDGET (description_error));
  self->errors[FIELD_DESCRIPTION] = description_error;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
xf_request_dialog_new (GtkWindow  *parent,
                       XfServices *services,
                       gint64      booked_pioneer_id)
{
  XfRequestDialog *self;
  g_autofree char *region = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_REQUEST_DIALOG, NULL);
  self->services = g_object_ref (services);
  self->booked_pioneer_id = MAX (booked_pioneer_id, 0);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  region = load_pioneer (self);
  if (self->booked_pioneer_id == 0)
    add_pioneer_picker (self, self->form_page);
  load_regions (self, region);
  load_items (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->requester_row));
  return GTK_WIDGET (self);
}

const char *
xf_request_dialog_get_error (XfRequestDialog *self,
                             const char      *field)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (XF_IS_REQUEST_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "form"))
    label = self->error_label;
  for (guint i = 0; label == NULL && i < N_FIELDS; i++)
    if (g_str_equal (field, field_names[i]))
      label = self->errors[i];
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_text (label);
}

gint64
xf_request_dialog_get_booked_pioneer_id (XfRequestDialog *self)
{
  g_return_val_if_fail (XF_IS_REQUEST_DIALOG (self), 0);
  return booked_pioneer_id (self);
}
