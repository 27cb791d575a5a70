/* xf-services-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: its XfServices, the four views, the panes of the
 * Requests view, reading again after changes, the sidebar's count and the
 * window's booking action. The list and its filters are in
 * xf-services-page-list.c.
 */

#define G_LOG_DOMAIN "xf-services-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-request-dialog.h"
#include "xf-services-page-private.h"
#include "xf-ui-util.h"

#include "xf-activities-view.h"
#include "xf-offers-view.h"
#include "xf-apprenticeships-view.h"
#include "xf-request-view.h"

G_DEFINE_FINAL_TYPE (XfServicesPage, xf_services_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  PROP_ATTENTION_COUNT,
  PROP_REQUEST_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_xf_services_page_show_toast (XfServicesPage *self,
                              const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/*
 * The views: the request (XfRequestView) and the other three
 */

/* The request view reads nothing until a request is shown: made with the
 * page. The other three read their lists when made, so each is made the
 * first time it shows, not at sign-in. */
static void
make_request_view (XfServicesPage *self)
{
  self->request_view = xf_request_view_new (self->services);
  adw_bin_set_child (self->details_pane, self->request_view);
}

enum {
  VIEW_OFFERS = 1 << 0,
  VIEW_APPRENTICESHIPS = 1 << 1,
  VIEW_ACTIVITIES = 1 << 2,
};

static void
refresh_view (XfServicesPage *self,
              GtkWidget      *view)
{
  if (view == self->offers_view)
    xf_offers_view_refresh (XF_OFFERS_VIEW (view));
  else if (view == self->apprenticeships_view)
    xf_apprenticeships_view_refresh (XF_APPRENTICESHIPS_VIEW (view));
  else if (view == self->activities_view)
    xf_activities_view_refresh (XF_ACTIVITIES_VIEW (view));
}

/* The view the switcher shows, made or read again if need be: only while
 * the page shows. */
static void
ensure_visible_view (XfServicesPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget **view = NULL;
  AdwBin *bin = NULL;
  guint bit = 0;

  if (self->services == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (g_strcmp0 (name, "offers") == 0)
    view = &self->offers_view, bin = self->offers_bin, bit = VIEW_OFFERS;
  else if (g_strcmp0 (name, "apprenticeships") == 0)
    view = &self->apprenticeships_view, bin = self->apprenticeships_bin, bit = VIEW_APPRENTICESHIPS;
  else if (g_strcmp0 (name, "activities") == 0)
    view = &self->activities_view, bin = self->activities_bin, bit = VIEW_ACTIVITIES;
  else
    return;

  if (*view == NULL)
    {
      if (bit == VIEW_OFFERS)
        *view = xf_offers_view_new (self->services);
      else if (bit == VIEW_APPRENTICESHIPS)
        *view = xf_apprenticeships_view_new (self->services);
      else
        *view = xf_activities_view_new (self->services);
      adw_bin_set_child (bin, *view);
    }
  else if (self->stale_views & bit)
    refresh_view (self, *view);
  self->stale_views &= ~bit;
}

static void
show_in_request_view (XfServicesPage *self)
{
  xf_request_view_show (XF_REQUEST_VIEW (self->request_view), self->request_id);
}

/* After other desks' changes: the views made so far read again, those
 * hidden once they show. */
static void
refresh_views (XfServicesPage *self)
{
  GtkWidget *views[] = { self->offers_view, self->apprenticeships_view, self->activities_view };

  if (self->request_id > 0)
    xf_request_view_refresh (XF_REQUEST_VIEW (self->request_view));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] != NULL)
      self->stale_views |= 1 << i;
  ensure_visible_view (self);
}

/*
 * The views' switcher
 */

static gboolean
reveal_switcher_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  self->switcher_id = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* The views move to a bar at the bottom while the header has no room for
 * them. The header finds that out while it is laid out: revealing the bar
 * then would lay it out in the middle of a layout (at no width), so the
 * bar follows at the start of the next frame. */
static void
title_visible_cb (XfServicesPage *self)
{
  if (self->switcher_id == 0)
    self->switcher_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_switcher_cb, NULL, NULL);
}

/*
 * The panes of the Requests view
 */

/* The header bar's start: the sidebar's button, or, folded over the
 * list, the way back to it. */
static void
update_header (XfServicesPage *self)
{
  gboolean over_list = adw_leaflet_get_folded (self->leaflet) && self->request_id > 0
                       && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->details_pane);
  gboolean requests = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "requests") == 0;

  gtk_widget_set_visible (self->details_back_button, over_list && requests);
  gtk_widget_set_visible (self->back_button, self->show_sidebar_button && !(over_list && requests));
  gtk_widget_set_visible (self->new_button, self->may_enter && requests);
}

void
_xf_services_page_sync_details (XfServicesPage *self,
                                gboolean        go_there)
{
  gboolean shown = self->request_id > 0;

  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator,
                           GTK_WIDGET (self->details_pane), shown, go_there);
  /* The list takes the width the request leaves it. */
  gtk_widget_set_hexpand (self->list_pane, !shown);
  update_header (self);
}

static void
close_details (XfServicesPage *self)
{
  gboolean had_focus = xf_widget_has_focus_within (GTK_WIDGET (self->details_pane));

  self->request_id = 0;
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->request_list);
  self->selecting = FALSE;
  show_in_request_view (self);
  _xf_services_page_sync_details (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUEST_ID]);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->request_list));
}

static gboolean
update_header_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  self->header_id = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds and moves between panes while it is laid out, after
 * the header bar above it: the header's buttons change at the start of
 * the next frame, not in the middle of a layout. */
static void
queue_update_header (XfServicesPage *self)
{
  if (self->header_id == 0)
    self->header_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_header_cb, NULL, NULL);
}

static void
folded_changed_cb (XfServicesPage *self)
{
  xf_leaflet_keep_details (self->leaflet, GTK_WIDGET (self->details_pane));
  queue_update_header (self);
}

/* Swiping back on a folded page leaves the request for the list. */
static void
visible_pane_changed_cb (XfServicesPage *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->request_id > 0)
    close_details (self);
  queue_update_header (self);
}

/*
 * Reading again
 */

/* The sidebar's badge: what waits for the dispatcher. */
static void
count_attention (XfServicesPage *self)
{
  XfServiceRequestQuery query = { 0 };
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GError) error = NULL;
  guint overdue;
  int count;

  overdue = xf_services_count_overdue (self->services, &error);
  if (error != NULL)
    {
      g_debug ("Could not count the overdue requests: %s", error->message);
      g_clear_error (&error);
      overdue = 0;
    }
  query.follow_up_only = TRUE;
  follow_ups = xf_services_list_requests (self->services, &query, &error);
  if (follow_ups == NULL)
    g_debug ("Could not count the open follow-ups: %s", error->message);
  count = (int) overdue + (follow_ups != NULL ? (int) follow_ups->len : 0);
  if (count != self->attention_count)
    {
      self->attention_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTENTION_COUNT]);
    }
}

static void
reload_all (XfServicesPage *self)
{
  self->reload.stale = FALSE;
  /* The filters' catalogue and pioneers, read when first needed. */
  if (!self->filters_loaded)
    {
      self->filters_loaded = TRUE;
      _xf_services_page_load_filters (self);
    }
  _xf_services_page_load_list (self);
  refresh_views (self);
  count_attention (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_SERVICES_PAGE (widget));
}

static void
page_hidden (GtkWidget *widget)
{
  count_attention (XF_SERVICES_PAGE (widget));
}

/* A write through the page's services (its dialogs', its views'): read
 * again once the writing code is done. */
static void
services_changed_cb (XfServicesPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_services_page_refresh (XfServicesPage *self)
{
  g_return_if_fail (XF_IS_SERVICES_PAGE (self));

  if (self->services == NULL)
    return;
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
}

/*
 * New requests and bookings
 */

static void
request_created_cb (XfServicesPage *self,
                    gint64          request_id)
{
  g_autoptr(XfServiceRequest) request = xf_services_get_request (self->services, request_id, NULL);
  g_autofree char *text = NULL;

  /* Translators: %s is the request's public code ("K7Q2-M9XD") */
  text = g_strdup_printf (_("Request %s created"), request != NULL ? request->code : "");
  _xf_services_page_show_toast (self, text);

  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  _xf_services_page_load_list (self);
  xf_services_page_show_request (self, request_id);
}

GtkWidget *
xf_services_page_new_request (XfServicesPage *self,
                              gint64          booked_pioneer_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), NULL);

  if (!self->may_enter || self->services == NULL)
    return NULL;
  dialog = xf_request_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->services,
                                  booked_pioneer_id);
  g_signal_connect_object (dialog, "created", G_CALLBACK (request_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The name card's "Book a service": this page, and the booking. */
static void
book (XfServicesPage *self,
      gint64          pioneer_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "services");
  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  xf_services_page_new_request (self, pioneer_id);
}

static void
book_activate_cb (GSimpleAction  *action,
                  GVariant       *parameter,
                  XfServicesPage *self)
{
  book (self, g_variant_get_int64 (parameter));
}

/* The window action lives as long as the page is in the window. */
static void
xf_services_page_root (GtkWidget *widget)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (xf_services_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_APPLICATION_WINDOW (root))
    {
      self->action_window = G_ACTION_MAP (root);
      g_object_add_weak_pointer (G_OBJECT (root), (gpointer *) &self->action_window);
      g_action_map_add_action (self->action_window, G_ACTION (self->book_action));
    }
}

static void
xf_services_page_unroot (GtkWidget *widget)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  if (self->action_window != NULL)
    {
      if (g_action_map_lookup_action (self->action_window, "book-service") == G_ACTION (self->book_action))
        g_action_map_remove_action (self->action_window, "book-service");
      g_object_remove_weak_pointer (G_OBJECT (self->action_window), (gpointer *) &self->action_window);
      self->action_window = NULL;
    }
  GTK_WIDGET_CLASS (xf_services_page_parent_class)->unroot (widget);
}

/*
 * Actions
 */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  xf_services_page_new_request (XF_SERVICES_PAGE (widget), 0);
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  book (XF_SERVICES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "requests");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  gtk_menu_button_popdown (self->filters_button);
  _xf_services_page_clear_filters (self);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  close_details (XF_SERVICES_PAGE (widget));
}

/* Escape: from the request back to the list. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  if (self->request_id > 0)
    close_details (self);
}

static void
show_request_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  xf_services_page_show_request (XF_SERVICES_PAGE (widget), g_variant_get_int64 (parameter));
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/services/xf-services-page.css");
}

static void
set_registry (XfServicesPage *self,
              XfRegistry     *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->services = xf_services_new (registry);
  self->may_enter = actor != NULL &&
                    (xf_permission_allows_somewhere (actor, XF_OP_REQUEST_EDIT) ||
                     xf_permission_allows_somewhere (actor, XF_OP_SERVICE_DISPATCH));
  g_signal_connect_object (self->services, "changed",
                           G_CALLBACK (services_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.new", self->may_enter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.book", self->may_enter);
  g_simple_action_set_enabled (self->book_action, self->may_enter);
  make_request_view (self);
  update_header (self);

  _xf_services_page_start_expiry (self);

  /* Read when first shown; the sidebar's badge needs the count at once. */
  self->reload.stale = TRUE;
  count_attention (self);
}

static void
xf_services_page_map (GtkWidget *widget)
{
  XfServicesPage *self = XF_SERVICES_PAGE (widget);

  GTK_WIDGET_CLASS (xf_services_page_parent_class)->map (widget);
  title_visible_cb (self);
  if (self->reload.stale && self->services != NULL)
    reload_all (self);
  ensure_visible_view (self);
}

static void
xf_services_page_dispose (GObject *object)
{
  XfServicesPage *self = XF_SERVICES_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  _xf_services_page_stop_expiry (self);
  if (self->switcher_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->switcher_id);
  self->switcher_id = 0;
  if (self->header_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->header_id);
  self->header_id = 0;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_SERVICES_PAGE);
  self->request_view = NULL;
  self->pioneer_picker = NULL;
  self->offers_view = NULL;
  self->apprenticeships_view = NULL;
  self->activities_view = NULL;
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->book_action);
  g_clear_object (&self->services);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_services_page_parent_class)->dispose (object);
}

static void
xf_services_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfServicesPage *self = XF_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    case PROP_ATTENTION_COUNT:
      g_value_set_int (value, self->attention_count);
      break;
    case PROP_REQUEST_ID:
      g_value_set_int64 (value, self->request_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_services_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XfServicesPage *self = XF_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button,
                                  self->back_button);
      update_header (self);
      break;
    case PROP_REQUEST_ID:
      xf_services_page_show_request (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_services_page_class_init (XfServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_services_page_dispose;
  object_class->get_property = xf_services_page_get_property;
  object_class->set_property = xf_services_page_set_property;
  widget_class->map = xf_services_page_map;
  widget_class->root = xf_services_page_root;
  widget_class->unroot = xf_services_page_unroot;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  properties [PROP_ATTENTION_COUNT] =
    g_param_spec_int ("attention-count", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REQUEST_ID] =
    g_param_spec_int64 ("request-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, separator);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, region_entry);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, pioneer_bin);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, age_spin);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, request_list);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, offers_bin);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, apprenticeships_bin);
  gtk_widget_class_bind_template_child (widget_class, XfServicesPage, activities_bin);
  _xf_services_page_list_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "services.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "services.book", "x", book_action);
  gtk_widget_class_install_action (widget_class, "services.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "services.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "services.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "services.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "services.show-request", "x", show_request_action);
}

/* The shortcuts work wherever the focus is in the window (managed scope),
 * as long as this page is shown. */
static void
add_shortcuts (XfServicesPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "services.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "services.new" },
    { GDK_KEY_Escape, 0, "services.back" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
xf_services_page_init (XfServicesPage *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, page_hidden);

  self->book_action = g_simple_action_new ("book-service", G_VARIANT_TYPE_INT64);
  g_simple_action_set_enabled (self->book_action, FALSE);
  g_signal_connect_object (self->book_action, "activate", G_CALLBACK (book_activate_cb), self, 0);
  _xf_services_page_init_list (self);
  add_shortcuts (self);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (ensure_visible_view), self, G_CONNECT_SWAPPED);
  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_changed_cb),
                            G_CALLBACK (visible_pane_changed_cb));
  _xf_services_page_sync_details (self, FALSE);
}

GtkWidget *
xf_services_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_SERVICES_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfServices *
xf_services_page_get_services (XfServicesPage *self)
{
  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), NULL);
  return self->services;
}

int
xf_services_page_get_attention_count (XfServicesPage *self)
{
  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), 0);
  return self->attention_count;
}

GPtrArray *
xf_services_page_get_requests (XfServicesPage *self)
{
  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), NULL);

  if (self->reload.stale && self->services != NULL)
    reload_all (self);
  return self->requests;
}

gint64
xf_services_page_get_request_id (XfServicesPage *self)
{
  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), 0);
  return self->request_id;
}

void
xf_services_page_show_request (XfServicesPage *self,
                               gint64          request_id)
{
  g_return_if_fail (XF_IS_SERVICES_PAGE (self));

  if (self->reload.stale && self->services != NULL)
    reload_all (self);
  if (request_id <= 0)
    {
      close_details (self);
      return;
    }
  /* Filters that hide it go. */
  self->selecting = TRUE;
  if (!_xf_services_page_select (self, request_id) && _xf_services_page_is_filtered (self))
    {
      _xf_services_page_clear_filters (self);
      _xf_services_page_select (self, request_id);
    }
  self->selecting = FALSE;
  if (self->request_id != request_id)
    {
      self->request_id = request_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUEST_ID]);
    }
  show_in_request_view (self);
  _xf_services_page_sync_details (self, TRUE);
}
