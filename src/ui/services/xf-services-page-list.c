/* xf-services-page-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Services page's list of requests: the search, the filters (status,
 * catalogue item, region prefix, pioneer, age) and one row per request,
 * as core orders them.
 */

#define G_LOG_DOMAIN "xf-services-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-services-page-private.h"
#include "xf-ui-util.h"

#include "xf-pioneer-picker.h"

#define REQUEST_ID_KEY "xf-request-id"

/* The status filter's choices: core's pseudo statuses, then each status. */
typedef struct
{
  const char *status;          /* for the query; NULL: any */
  const char *label;           /* N_(); NULL: the status's own label */
  gboolean    overdue_only;
  gboolean    follow_up_only;
} StatusChoice;

static const StatusChoice status_choices[] = {
  { NULL, NC_("requests", "All statuses"), FALSE, FALSE },
  { "unclaimed", NC_("requests", "Unclaimed — dispatcher’s queue"), FALSE, FALSE },
  { "unclaimed", NC_("requests", "Overdue"), TRUE, FALSE },
  { NULL, NC_("requests", "Open complaints"), FALSE, TRUE },
  { "active", NC_("requests", "Active"), FALSE, FALSE },
  { XF_REQUEST_OPEN, NULL, FALSE, FALSE },
  { XF_REQUEST_BOOKED, NULL, FALSE, FALSE },
  { XF_REQUEST_CLAIMED, NULL, FALSE, FALSE },
  { XF_REQUEST_IN_PROGRESS, NULL, FALSE, FALSE },
  { XF_REQUEST_DONE, NULL, FALSE, FALSE },
  { XF_REQUEST_CANCELLED, NULL, FALSE, FALSE },
  { XF_REQUEST_EXPIRED, NULL, FALSE, FALSE },
};

static gint64
row_request_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), REQUEST_ID_KEY);

  return id != NULL ? *id : 0;
}

/* "Today", "3 days ago": how long the request has waited. */
static char *
describe_age (gint64 created_at,
              gint64 now)
{
  gint64 days = (now - created_at) / G_TIME_SPAN_DAY;

  if (days <= 0)
    return g_strdup (_("Today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", (gulong) days),
                          (int) days);
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* The status as a pill: red when nobody claimed it in time, amber when
 * the response deadline is near. */
static GtkWidget *
new_status_pill (const XfServiceRequest *request)
{
  GtkWidget *pill;
  g_autofree char *css = g_strconcat ("status-", request->status, NULL);

  if (request->overdue)
    {
      pill = gtk_label_new (_("Overdue"));
      gtk_widget_add_css_class (pill, "overdue");
      gtk_widget_set_tooltip_text (pill, _("Nobody claimed it within the response time"));
    }
  else
    {
      pill = gtk_label_new (xf_request_status_label (request->status));
      if (request->due_soon)
        {
          gtk_widget_add_css_class (pill, "due-soon");
          gtk_widget_set_tooltip_text (pill, _("The response time ends soon"));
        }
    }
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, css);
  gtk_widget_set_name (pill, "status-pill");
  return pill;
}

/* Code, item, requester (never the contact), region, age and status. */
static GtkWidget *
make_row (const XfServiceRequest *request,
          gint64                  now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (request->item_name != NULL ? request->item_name : request->item_code);
  g_autofree char *age = describe_age (request->created_at, now);
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;
  GtkWidget *who_label;
  GtkWidget *when_label;

  /* Translators: a request's row: the requester, then the region */
  who = g_strdup_printf (_("%s · %s"), request->requester_name,
                         request->region_name != NULL ? request->region_name : request->region_code);
  /* Translators: a request's row: its code, then its age ("3 days ago") */
  when = g_strdup_printf (_("%s · %s"), request->code, age);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  who_label = new_caption (who);
  gtk_widget_set_name (who_label, "request-requester");
  when_label = new_caption (when);
  gtk_widget_add_css_class (when_label, "dim-label");
  gtk_widget_add_css_class (when_label, "numeric");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), who_label);
  gtk_box_append (GTK_BOX (texts), when_label);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), new_status_pill (request));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "request-row");
  if (request->overdue)
    gtk_widget_add_css_class (row, "overdue");
  g_object_set_data_full (G_OBJECT (row), REQUEST_ID_KEY,
                          g_memdup2 (&request->id, sizeof request->id), g_free);
  return row;
}

gboolean
_xf_services_page_select (XfServicesPage *self,
                          gint64          request_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->request_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_request_id (GTK_LIST_BOX_ROW (child)) == request_id)
      {
        gtk_list_box_select_row (self->request_list, GTK_LIST_BOX_ROW (child));
        return TRUE;
      }
  return FALSE;
}

/*
 * The query the search and filters make
 */

static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gint64
filter_pioneer_id (XfServicesPage *self)
{
  if (self->pioneer_picker != NULL)
    return xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->pioneer_picker));
  return 0;
}

gboolean
_xf_services_page_is_filtered (XfServicesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *region = gtk_editable_get_text (GTK_EDITABLE (self->region_entry));

  return (text[0] != '\0' || region[0] != '\0'
          || gtk_drop_down_get_selected (self->status_dropdown) > 0
          || gtk_drop_down_get_selected (self->item_dropdown) > 0
          || gtk_spin_button_get_value_as_int (self->age_spin) > 0
          || filter_pioneer_id (self) > 0);
}

void
_xf_services_page_load_list (XfServicesPage *self)
{
  g_autofree char *text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *region = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->region_entry)));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint item = gtk_drop_down_get_selected (self->item_dropdown);
  XfServiceRequestQuery query = { 0 };
  g_autoptr(GDateTime) now_local = xf_clock_now_local ();
  gint64 now = g_date_time_to_unix (now_local) * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (status < G_N_ELEMENTS (status_choices))
    {
      query.status = status_choices[status].status;
      query.overdue_only = status_choices[status].overdue_only;
      query.follow_up_only = status_choices[status].follow_up_only;
    }
  if (self->items != NULL && item > 0 && item < self->items->len)
    query.item_code = ((XfServiceItem *) g_ptr_array_index (self->items, item))->code;
  query.region_code = region;
  query.pioneer_id = filter_pioneer_id (self);
  query.min_age_days = gtk_spin_button_get_value_as_int (self->age_spin);
  query.text = text;

  g_clear_pointer (&self->requests, g_ptr_array_unref);
  self->requests = xf_services_list_requests (self->services, &query, &error);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->request_list))) != NULL)
    gtk_list_box_remove (self->request_list, child);
  if (self->requests == NULL)
    {
      self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_request_free);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      self->selecting = FALSE;
      return;
    }
  for (guint i = 0; i < self->requests->len; i++)
    gtk_list_box_append (self->request_list, make_row (g_ptr_array_index (self->requests, i), now));
  if (self->request_id > 0)
    _xf_services_page_select (self, self->request_id);
  self->selecting = FALSE;

  if (self->requests->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack,
                                      _xf_services_page_is_filtered (self) ? "no-matches" : "empty");
  gtk_widget_set_visible (self->empty_new_button, self->may_enter);
}

void
_xf_services_page_clear_filters (XfServicesPage *self)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->item_dropdown, 0);
  gtk_spin_button_set_value (self->age_spin, 0);
  if (self->pioneer_picker != NULL)
    xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (self->pioneer_picker), 0, NULL);
  self->loading = FALSE;
  if (self->services != NULL)
    _xf_services_page_load_list (self);
}

/*
 * Signals
 */

static void
filter_changed_cb (XfServicesPage *self)
{
  g_assert (XF_IS_SERVICES_PAGE (self));

  if (self->services != NULL && !self->loading)
    _xf_services_page_load_list (self);
}

/* The user picked a row (a click, or the arrow keys). */
static void
request_selected_cb (XfServicesPage *self,
                     GtkListBoxRow  *row)
{
  gint64 id = row != NULL ? row_request_id (row) : 0;

  g_assert (XF_IS_SERVICES_PAGE (self));

  /* Folded, the list is all there is: only activating a row goes in. */
  if (self->selecting || id == 0 || id == self->request_id
      || xf_leaflet_folds_with (self->leaflet, gtk_widget_get_width (GTK_WIDGET (self->leaflet)),
                                self->list_pane, self->separator, GTK_WIDGET (self->details_pane)))
    return;
  xf_services_page_show_request (self, id);
}

static void
request_activated_cb (XfServicesPage *self,
                      GtkListBoxRow  *row)
{
  g_assert (XF_IS_SERVICES_PAGE (self));

  xf_services_page_show_request (self, row_request_id (row));
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (GTK_WIDGET (self->details_pane), GTK_DIR_TAB_FORWARD);
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (XfServicesPage *self)
{
  g_assert (XF_IS_SERVICES_PAGE (self));

  if (self->requests != NULL && self->requests->len > 0)
    xf_services_page_show_request (self, ((XfServiceRequest *) g_ptr_array_index (self->requests, 0))->id);
}

/* The catalogue's items in the item filter, "All items" first. */
void
_xf_services_page_load_filters (XfServicesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = TRUE;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_item_free);
  g_ptr_array_add (self->items, xf_service_item_new ());
  gtk_string_list_append (names, _("All items"));
  items = xf_services_list_items (self->services, TRUE, &error);
  if (items == NULL)
    g_warning ("Could not read the service catalogue: %s", error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (self->items, xf_service_item_copy (item));
      gtk_string_list_append (names, xf_service_item_get_name (item));
    }
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->item_dropdown, 0);

  self->pioneer_picker = xf_pioneer_picker_new (self->registry, _("Booked for or claimed by"), FALSE);
  g_signal_connect_object (self->pioneer_picker, "notify::pioneer-id",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->pioneer_bin, self->pioneer_picker);
  self->loading = FALSE;
}

void
_xf_services_page_init_list (XfServicesPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (statuses, status_choices[i].label != NULL
                                      ? g_dpgettext2 (NULL, "requests", status_choices[i].label)
                                      : xf_request_status_label (status_choices[i].status));
  /* A long item or status does not widen the list beside a request (the
   * list pane takes its natural width there), nor hold the page wider
   * than a phone. */
  xf_drop_down_set_ellipsized (self->status_dropdown);
  xf_drop_down_set_ellipsized (self->item_dropdown);
  self->loading = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->loading = FALSE;
}

void
_xf_services_page_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_activated_cb);
}
