/* xf-window.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-reminder-notifier.h"
#include "xf-change-monitor.h"
#include "xf-offline-bar.h"
#include "xf-registry-page.h"
#include "xf-server-address.h"
#include "xf-window-private.h"

G_DEFINE_FINAL_TYPE (XfWindow, xf_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page (XfWindow   *self,
           const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, name);
  GtkWidget *row = xf_window_get_sidebar_row (self, name);

  if (page == NULL)
    return;
  /* Shown from code too (win.show-page: a booking from the registry's
   * name card): the sidebar follows. */
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  gtk_stack_set_visible_child (self->page_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_stack));
}

static void
sidebar_row_activated_cb (XfWindow      *self,
                          GtkListBoxRow *row)
{
  g_assert (XF_IS_WINDOW (self));

  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A file by its name, a shared database as "database on server"; the
 * application's path never holds a password. */
static void
update_database_label (XfWindow *self)
{
  const char *path = xf_application_get_database_path (self->application);
  g_autoptr(XfServerAddress) address = xf_server_address_parse (path);
  g_autofree char *label = _xf_window_describe_database (self);

  gtk_image_set_from_icon_name (self->database_icon,
                                address != NULL ? "network-server-symbolic" : "drive-harddisk-symbolic");
  gtk_label_set_label (self->database_label, label != NULL ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), path);
  adw_status_page_set_description (self->connecting_status, path);
}

/*
 * Other desks: live updates and the connection
 */

static void
monitor_changed_cb (XfWindow *self)
{
  g_assert (XF_IS_WINDOW (self));

  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    {
      const XfWindowPageInfo *info = g_ptr_array_index (self->page_infos, i);

      if (info->refresh != NULL)
        info->refresh (g_ptr_array_index (self->pages, i));
    }
}

/* Polling costs a query a second: only while someone looks (and the
 * window is not locked). */
static void
is_active_changed_cb (XfWindow *self)
{
  _xf_window_update_monitor (self);
}

static void
retry_failed_cb (XfWindow *self)
{
  xf_offline_bar_retry_failed (self->offline_bar);
}

static void
set_monitor (XfWindow   *self,
             XfRegistry *registry)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->monitor, retry_failed_cb, self);
      g_clear_object (&self->monitor);
    }
  if (registry != NULL)
    {
      self->monitor = xf_change_monitor_new (xf_store_get_db (xf_registry_get_store (registry)));
      xf_change_monitor_set_active (self->monitor,
                                    gtk_window_is_active (GTK_WINDOW (self)) && self->lock_screen == NULL);
      g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->monitor, "retry-failed", G_CALLBACK (retry_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  xf_offline_bar_set_monitor (self->offline_bar, self->monitor);
}

/* "Retry now": the monitor tries at once, without blocking the window;
 * "notify::online" hides the bar when it works. */
static void
retry_connection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->monitor != NULL)
    xf_change_monitor_retry_now (self->monitor);
}

static void
report_offline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->monitor != NULL)
    xf_change_monitor_report_offline (self->monitor);
}

/*
 * Pages
 */

static gboolean
count_to_badge_text (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  int n = g_value_get_int (from);

  g_value_take_string (to, n > 99 ? g_strdup ("99+") : g_strdup_printf ("%d", n));
  return TRUE;
}

static gboolean
count_to_badge_tooltip (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  int n = g_value_get_int (from);

  /* Translators: the tooltip of a sidebar row's badge */
  g_value_take_string (to, g_strdup_printf (ngettext ("%d item due soon or overdue",
                                                      "%d items due soon or overdue", n), n));
  return TRUE;
}

static gboolean
count_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int (from) > 0);
  return TRUE;
}

/* A page with an int "attention-count" gets it as a badge on its row,
 * shown while it is above 0. */
static void
add_badge (GtkWidget *box,
           GtkWidget *page)
{
  GtkWidget *badge;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "attention-count") == NULL)
    return;
  badge = gtk_label_new (NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "sidebar-badge");
  g_object_bind_property_full (page, "attention-count", badge, "label", G_BINDING_SYNC_CREATE,
                               count_to_badge_text, NULL, NULL, NULL);
  g_object_bind_property_full (page, "attention-count", badge, "tooltip-text", G_BINDING_SYNC_CREATE,
                               count_to_badge_tooltip, NULL, NULL, NULL);
  g_object_bind_property_full (page, "attention-count", badge, "visible", G_BINDING_SYNC_CREATE,
                               count_to_visible, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), badge);
}

static GtkWidget *
new_sidebar_row (const XfWindowPageInfo *info,
                 GtkWidget              *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_name (row, info->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  add_badge (box, page);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_pages (XfWindow *self)
{
  GtkWidget *row;

  for (guint i = 0; i < self->pages->len; i++)
    gtk_stack_remove (self->page_stack, g_ptr_array_index (self->pages, i));
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->page_infos, 0);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, row);
}

/* One page per entry of the table the account may see, made for its
 * registry; nothing of the last account's stays. */
static void
build_pages (XfWindow   *self,
             XfRegistry *registry)
{
  XfAccount *account = xf_registry_get_actor (registry);
  const XfWindowPageInfo *infos;
  guint n_infos;

  infos = _xf_window_get_page_infos (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      GtkWidget *page;

      if (!xf_permission_allows_somewhere (account, infos[i].operation))
        continue;
      page = infos[i].new_page (registry);
      if (page == NULL)
        continue;
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "show-sidebar-button") != NULL)
        g_object_bind_property (self->leaflet, "folded", page, "show-sidebar-button", G_BINDING_SYNC_CREATE);
      gtk_stack_add_named (self->page_stack, page, infos[i].name);
      gtk_list_box_append (self->sidebar_list, new_sidebar_row (&infos[i], page));
      g_ptr_array_add (self->pages, page);
      g_ptr_array_add (self->page_infos, (gpointer) &infos[i]);
    }

  if (self->pages->len > 0)
    {
      const XfWindowPageInfo *first = g_ptr_array_index (self->page_infos, 0);

      gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
      show_page (self, first->name);
    }
}

/* The pages follow the application's registry: built for the account
 * signed in, dropped when it signs out or another database opens. */
static void
set_registry (XfWindow   *self,
              XfRegistry *registry)
{
  if (registry == self->registry)
    return;

  clear_pages (self);
  g_set_object (&self->registry, registry);
  set_monitor (self, registry);
  _xf_window_session_changed (self, registry != NULL ? xf_registry_get_actor (registry) : NULL);
  g_object_set_data_full (G_OBJECT (self), "xf-care-reminder-notifier", registry != NULL && self->application != NULL ? xf_care_reminder_notifier_new_for_registry (G_APPLICATION (self->application), registry) : NULL, g_object_unref);
  if (registry == NULL)
    return;

  build_pages (self, registry);
  if (xf_store_is_read_only (xf_registry_get_store (registry)))
    xf_window_add_toast (self, adw_toast_new (_("This database is read-only: editing is turned off")));
}

/* What the window shows: the pages of the account signed in (or the lock
 * screen over them), the sign-in page or first-run assistant of the open
 * database, why no database could be opened, or that one is being reached. */
static void
update_content (XfWindow *self)
{
  XfRegistry *registry = xf_application_get_registry (self->application);
  const GError *error = xf_application_get_database_error (self->application);
  gboolean have_store = xf_application_get_store (self->application) != NULL;

  g_assert (XF_IS_WINDOW (self));

  /* Disposed already: the application's notifications stop only at finalize. */
  if (self->pages == NULL)
    return;

  update_database_label (self);
  set_registry (self, registry);

  /* A shared database named at start is still being reached. */
  if (!have_store && error == NULL && xf_application_get_connecting (self->application))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "connecting");
      gtk_spinner_set_spinning (self->connecting_spinner, TRUE);
      return;
    }
  gtk_spinner_set_spinning (self->connecting_spinner, FALSE);

  if (registry != NULL)
    {
      if (self->lock_screen != NULL)
        gtk_stack_set_visible_child (self->main_stack, self->lock_screen);
      else
        gtk_stack_set_visible_child_name (self->main_stack, "content");
    }
  else if (have_store)
    _xf_window_show_session_page (self);
  else
    {
      adw_status_page_set_description (self->error_status, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, error != NULL ? "error" : "content");
    }
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (XF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
xf_window_close_request (GtkWindow *window)
{
  XfWindow *self = XF_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (xf_window_parent_class)->close_request (window);
}

static void
xf_window_dispose (GObject *object)
{
  XfWindow *self = XF_WINDOW (object);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->monitor, retry_failed_cb, self);
      g_clear_object (&self->monitor);
    }
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  _xf_window_session_dispose (self);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->page_infos, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_window_parent_class)->dispose (object);
}

static void
xf_window_class_init (XfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xf_window_dispose;
  window_class->close_request = xf_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xianfeng/Xianfeng/xf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, database_icon);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, error_open_button);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, error_create_button);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, error_connect_button);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, connecting_status);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, offline_bar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.report-offline", NULL, report_offline_action);
  gtk_widget_class_install_action (widget_class, "win.retry-connection", NULL, retry_connection_action);
  _xf_window_session_class_init (widget_class);

  g_type_ensure (XF_TYPE_OFFLINE_BAR);
  g_type_ensure (XF_TYPE_REGISTRY_PAGE);
}

static void
xf_window_init (XfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new ();
  self->page_infos = g_ptr_array_new ();
  self->settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  _xf_window_session_init (self);
}

XfWindow *
xf_window_new (XfApplication *application)
{
  XfWindow *self;

  g_return_val_if_fail (XF_IS_APPLICATION (application), NULL);

  self = g_object_new (XF_TYPE_WINDOW, "application", application, NULL);
  self->application = application;
  g_signal_connect_object (application, "notify::registry",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::connecting",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  update_content (self);
  return self;
}

void
xf_window_add_toast (XfWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (XF_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
xf_window_get_page (XfWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    if (g_str_equal (((const XfWindowPageInfo *) g_ptr_array_index (self->page_infos, i))->name, name))
      return g_ptr_array_index (self->pages, i);
  return NULL;
}

GtkWidget *
xf_window_get_sidebar_row (XfWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;
  return NULL;
}

GtkWidget *
xf_window_get_registry_page (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  return xf_window_get_page (self, "registry");
}

XfChangeMonitor *
xf_window_get_change_monitor (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  return self->monitor;
}
