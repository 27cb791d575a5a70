/* xf-ui-util.c — small helpers the widgets share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-ui-util.h"

GtkWindow *
xf_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
xf_confirm_dialog_new (GtkWidget  *widget,
                       const char *heading,
                       const char *body,
                       const char *cancel_label,
                       const char *response,
                       const char *response_label)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  dialog = adw_message_dialog_new (xf_widget_get_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", cancel_label,
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

void
xf_preferences_group_add_row (AdwPreferencesGroup *group,
                              GPtrArray           *rows,
                              GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

void
xf_preferences_group_clear_rows (AdwPreferencesGroup *group,
                                 GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

GtkWidget *
xf_value_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* A wrapping label asks only for its longest word; let it share the
   * row with the title instead. */
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

GtkWidget *
xf_preferences_group_add_value_row (AdwPreferencesGroup *group,
                                    GPtrArray           *rows,
                                    const char          *title,
                                    const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), xf_value_label_new (value != NULL ? value : ""));
  xf_preferences_group_add_row (group, rows, row);
  return row;
}

GtkWidget *
xf_property_row_new (const char *name,
                     const char *title,
                     const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean empty = value == NULL || *value == '\0';
  GtkWidget *label = xf_value_label_new (empty ? _("Not set") : value);

  if (name != NULL)
    gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (label, "value");
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "value-label", label);
  return row;
}

GtkWidget *
xf_message_row_new (const char *name,
                    const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  if (name != NULL)
    gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
xf_text_row_new (const char *name,
                 const char *text,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  if (name != NULL)
    gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

char *
xf_entry_row_dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

char *
xf_entry_row_dup_optional (AdwEntryRow *row)
{
  char *text = xf_entry_row_dup_text (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
xf_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
xf_error_revealer_show (GtkRevealer *revealer,
                        GtkLabel    *label,
                        const char  *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (revealer, message != NULL);
}

const char *
xf_error_revealer_get (GtkRevealer *revealer,
                       GtkLabel    *label)
{
  if (!gtk_revealer_get_reveal_child (revealer))
    return NULL;
  return gtk_label_get_text (label);
}

void
xf_load_css_once (gsize      *loaded,
                  const char *resource)
{
  if (g_once_init_enter (loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, resource);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (loaded, 1);
    }
}

void
xf_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
xf_reload_queue_init (XfReloadQueue *queue,
                      GtkWidget     *widget,
                      void         (*reload) (GtkWidget *widget))
{
  xf_reload_queue_init_page (queue, widget, reload, NULL);
}

void
xf_reload_queue_init_page (XfReloadQueue *queue,
                           GtkWidget     *widget,
                           void         (*reload) (GtkWidget *widget),
                           void         (*hidden) (GtkWidget *widget))
{
  queue->widget = widget;
  queue->reload = reload;
  queue->hidden = hidden;
  queue->idle_id = 0;
  queue->stale = FALSE;
}

gboolean
xf_reload_queue_defer (XfReloadQueue *queue)
{
  if (gtk_widget_get_mapped (queue->widget))
    return FALSE;
  queue->stale = TRUE;
  if (queue->hidden != NULL)
    queue->hidden (queue->widget);
  return TRUE;
}

static gboolean
reload_queue_idle_cb (gpointer data)
{
  XfReloadQueue *queue = data;

  queue->idle_id = 0;
  /* A view's queue was mapped when it asked. */
  if (queue->hidden == NULL || !xf_reload_queue_defer (queue))
    queue->reload (queue->widget);
  return G_SOURCE_REMOVE;
}

void
xf_reload_queue_changed (XfReloadQueue *queue)
{
  if (queue->hidden == NULL && !gtk_widget_get_mapped (queue->widget))
    {
      queue->stale = TRUE;
      return;
    }
  if (queue->idle_id == 0)
    queue->idle_id = g_idle_add (reload_queue_idle_cb, queue);
}

void
xf_reload_queue_mapped (XfReloadQueue *queue)
{
  if (queue->stale)
    queue->reload (queue->widget);
}

void
xf_reload_queue_reloading (XfReloadQueue *queue)
{
  queue->stale = FALSE;
  g_clear_handle_id (&queue->idle_id, g_source_remove);
}

void
xf_reload_queue_clear (XfReloadQueue *queue)
{
  g_clear_handle_id (&queue->idle_id, g_source_remove);
}

void
xf_update_back_buttons (AdwLeaflet *leaflet,
                        GtkWidget  *back,
                        GtkWidget  *empty_back,
                        const char *close_label,
                        gboolean    hide_empty_close)
{
  gboolean folded = leaflet != NULL && adw_leaflet_get_folded (leaflet);
  const char *icon = folded ? "go-previous-symbolic" : "window-close-symbolic";
  const char *label = folded ? _("Back") : close_label;
  GtkWidget *buttons[] = { back, empty_back };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_button_set_icon_name (GTK_BUTTON (buttons[i]), icon);
      gtk_widget_set_tooltip_text (buttons[i], label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  if (hide_empty_close)
    {
      gtk_widget_set_visible (back, TRUE);
      gtk_widget_set_visible (empty_back, folded);
    }
}

AdwLeaflet *
xf_follow_leaflet (GtkWidget *widget,
                   GCallback  folded_cb)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    g_signal_connect_object (leaflet, "notify::folded", folded_cb, widget, G_CONNECT_SWAPPED);
  return leaflet != NULL ? ADW_LEAFLET (leaflet) : NULL;
}

void
xf_unfollow_leaflet (GtkWidget   *widget,
                     AdwLeaflet **leaflet,
                     GCallback    folded_cb)
{
  if (*leaflet != NULL)
    {
      g_signal_handlers_disconnect_by_func (*leaflet, folded_cb, widget);
      *leaflet = NULL;
    }
}

GtkColumnViewColumn *
xf_column_view_add_column (GtkColumnView *view,
                           const char    *title,
                           GCallback      setup_cb,
                           GCallback      bind_cb,
                           gpointer       user_data,
                           int            width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  g_signal_connect (factory, "setup", setup_cb, user_data);
  g_signal_connect (factory, "bind", bind_cb, user_data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, width == 0);
  gtk_column_view_append_column (view, column);
  return column;
}

GParamSpec *
xf_show_sidebar_button_param_spec (void)
{
  return g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                               (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

void
xf_set_show_sidebar_button (GObject      *page,
                            GParamSpec   *pspec,
                            const GValue *value,
                            gboolean     *show,
                            GtkWidget    *button)
{
  if (*show != g_value_get_boolean (value))
    {
      *show = g_value_get_boolean (value);
      gtk_widget_set_visible (button, *show);
      g_object_notify_by_pspec (page, pspec);
    }
}

void
xf_widget_add_shortcuts (GtkWidget        *widget,
                         const XfShortcut *shortcuts,
                         guint             n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < n_shortcuts; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (widget, controller);
}

int
xf_widget_get_min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* A pane's minimum width as if shown: a hidden widget measures 0, so
 * its width-request stands in for it. */
static int
pane_min_width (GtkWidget *pane)
{
  int requested = 0;

  gtk_widget_get_size_request (pane, &requested, NULL);
  return MAX (requested, xf_widget_get_min_width (pane));
}

gboolean
xf_leaflet_folds_with (AdwLeaflet *leaflet,
                       int         width,
                       GtkWidget  *list_pane,
                       GtkWidget  *separator,
                       GtkWidget  *details_pane)
{
  if (width <= 0)
    return adw_leaflet_get_folded (leaflet);
  return width < pane_min_width (list_pane) + pane_min_width (separator) +
                 pane_min_width (details_pane);
}

void
xf_toast_overlay_replace (AdwToastOverlay  *overlay,
                          AdwToast        **last,
                          const char       *text)
{
  AdwToast *toast = adw_toast_new (text);

  if (*last != NULL)
    adw_toast_dismiss (*last);
  g_set_weak_pointer (last, toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
xf_show_pane_error (GtkLabel          *label,
                    GtkScrolledWindow *scrolled_window,
                    const char        *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  /* The message sits under the actions, at the top: bring it into view. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled_window), 0);
}

void
xf_leaflet_update_title_buttons (AdwLeaflet   *leaflet,
                                 GtkWidget    *details_pane,
                                 AdwHeaderBar *list_header)
{
  gboolean list_is_last = !gtk_widget_get_visible (details_pane) || adw_leaflet_get_folded (leaflet);

  adw_header_bar_set_show_end_title_buttons (list_header, list_is_last);
}

void
xf_leaflet_sync_details (AdwLeaflet *leaflet,
                         GtkWidget  *list_pane,
                         GtkWidget  *separator,
                         GtkWidget  *details_pane,
                         gboolean    shown,
                         gboolean    go_there)
{
  gtk_widget_set_visible (separator, shown);
  gtk_widget_set_visible (details_pane, shown);
  if (!shown)
    adw_leaflet_set_visible_child (leaflet, list_pane);
  else if (go_there &&
           xf_leaflet_folds_with (leaflet, gtk_widget_get_width (GTK_WIDGET (leaflet)),
                                  list_pane, separator, details_pane))
    adw_leaflet_set_visible_child (leaflet, details_pane);
}

void
xf_leaflet_keep_details (AdwLeaflet *leaflet,
                         GtkWidget  *details_pane)
{
  if (adw_leaflet_get_folded (leaflet) &&
      gtk_widget_get_visible (details_pane) &&
      adw_leaflet_get_visible_child (leaflet) != details_pane)
    adw_leaflet_set_visible_child (leaflet, details_pane);
}

gboolean
xf_leaflet_swiped_back (AdwLeaflet *leaflet,
                        GtkWidget  *list_pane)
{
  return adw_leaflet_get_folded (leaflet) &&
         !adw_leaflet_get_child_transition_running (leaflet) &&
         adw_leaflet_get_visible_child (leaflet) == list_pane;
}

void
xf_leaflet_connect_panes (AdwLeaflet *leaflet,
                          gpointer    page,
                          GCallback   folded_cb,
                          GCallback   pane_cb)
{
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));
  g_return_if_fail (G_IS_OBJECT (page));

  g_signal_connect_object (leaflet, "notify::folded", folded_cb, page, G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::child-transition-running", pane_cb, page,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::visible-child", pane_cb, page, G_CONNECT_SWAPPED);
}

gboolean
xf_widget_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

void
xf_scrolled_window_reload_in_place (GtkScrolledWindow *scrolled_window,
                                    void             (*reload) (gpointer data),
                                    gpointer           data)
{
  GtkAdjustment *adjustment;
  double value;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled_window));

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled_window);
  value = gtk_adjustment_get_value (adjustment);
  reload (data);
  gtk_adjustment_set_value (adjustment, value);
}

cairo_surface_t *
xf_texture_to_cairo_surface (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* GDK's default download format is cairo's ARGB32 in native byte order. */
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The views move to a bar at the bottom while the header has no room for
 * them. The header finds that out while it is laid out: revealing the bar
 * then would lay it out in the middle of a layout (at no width), so the
 * bar follows at the start of the next frame. */
static gboolean
reveal_switcher_bar_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  g_object_set_data (G_OBJECT (widget), "xf-reveal-tick", NULL);
  adw_view_switcher_bar_set_reveal (ADW_VIEW_SWITCHER_BAR (widget),
                                    adw_view_switcher_title_get_title_visible (user_data));
  return G_SOURCE_REMOVE;
}

static void
switcher_title_visible_cb (AdwViewSwitcherBar   *bar,
                           GParamSpec           *pspec,
                           AdwViewSwitcherTitle *title)
{
  guint id;

  if (g_object_get_data (G_OBJECT (bar), "xf-reveal-tick") != NULL)
    return;
  id = gtk_widget_add_tick_callback (GTK_WIDGET (bar), reveal_switcher_bar_cb, g_object_ref (title), g_object_unref);
  g_object_set_data (G_OBJECT (bar), "xf-reveal-tick", GUINT_TO_POINTER (id));
}

static void
switcher_bar_map_cb (AdwViewSwitcherBar *bar)
{
  switcher_title_visible_cb (bar, NULL, g_object_get_data (G_OBJECT (bar), "xf-switcher-title"));
}

void
xf_view_switcher_bar_follow_title (AdwViewSwitcherBar   *bar,
                                   AdwViewSwitcherTitle *title)
{
  g_return_if_fail (ADW_IS_VIEW_SWITCHER_BAR (bar));
  g_return_if_fail (ADW_IS_VIEW_SWITCHER_TITLE (title));

  g_object_set_data (G_OBJECT (bar), "xf-switcher-title", title);
  g_signal_connect_object (title, "notify::title-visible", G_CALLBACK (switcher_title_visible_cb), bar,
                           G_CONNECT_SWAPPED);
  /* Shown again: the title may have changed meanwhile. */
  g_signal_connect (bar, "map", G_CALLBACK (switcher_bar_map_cb), NULL);
}

static void
setup_drop_down_label_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_drop_down_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
drop_down_label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_drop_down_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_drop_down_label_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

void
xf_drop_down_set_ellipsized (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = drop_down_label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = drop_down_label_factory_new (FALSE);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}
