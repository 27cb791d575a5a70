/* xf-registry-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-bulk-edit-dialog.h"
#include "xf-export-dialog.h"
#include "xf-import-assistant.h"
#include "xf-profile-page.h"
#include "xf-registry-bench.h"
#include "xf-registry-columns.h"
#include "xf-registry-page-private.h"
#include "xf-ui-util.h"


G_DEFINE_FINAL_TYPE (XfRegistryPage, xf_registry_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_READ_ONLY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * The query: search text, filters and sort, answered by core
 */

static gboolean
has_search_text (XfRegistryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* "3875" → "3,875": the digits are grouped the same way in both languages. */
static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static void
update_state (XfRegistryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  const GError *error = xf_registry_list_get_error (self->list);
  gboolean filtered = has_search_text (self) || xf_filter_bar_is_active (self->filter_bar);
  g_autofree char *count = format_count (n);
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      gtk_label_set_label (self->count_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), FALSE);
      return;
    }

  if (filtered)
    /* Translators: %s is a number such as 12 or 3,875 */
    text = g_strdup_printf (ngettext ("%s match", "%s matches", n), count);
  else
    /* Translators: %s is a number such as 12 or 3,875 */
    text = g_strdup_printf (ngettext ("%s pioneer", "%s pioneers", n), count);
  gtk_label_set_label (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-matches" : "empty");

  /* Nothing to filter or count in an empty registry. */
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), n > 0 || filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0 || filtered);
}

static void
refresh_query (XfRegistryPage *self)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  XfRegistrySort sort = XF_REGISTRY_SORT_NAME;
  gboolean descending = FALSE;

  xf_registry_query_set_text (query, text[0] != '\0' ? text : NULL);
  xf_filter_bar_apply (self->filter_bar, query);
  xf_registry_columns_get_sort (self->column_view, &sort, &descending);
  xf_registry_query_set_sort (query, sort, descending);

  xf_registry_list_set_query (self->list, query);
  update_state (self);
}

static void
search_changed_cb (XfRegistryPage *self)
{
  g_assert (XF_IS_REGISTRY_PAGE (self));

  if (self->list != NULL)
    refresh_query (self);
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (XfRegistryPage *self)
{
  g_autoptr(XfPioneer) first = NULL;

  g_assert (XF_IS_REGISTRY_PAGE (self));

  if (self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);
  if (first != NULL)
    xf_registry_page_open_pioneer (self, xf_pioneer_get_id (first));
}

static void
filters_changed_cb (XfRegistryPage *self)
{
  g_assert (XF_IS_REGISTRY_PAGE (self));

  if (self->list != NULL)
    refresh_query (self);
}

static void
sort_changed_cb (XfRegistryPage *self)
{
  if (self->list != NULL)
    refresh_query (self);
}

/* Enter or a double click on a row. */
static void
row_activated_cb (XfRegistryPage *self,
                  guint           position)
{
  g_assert (XF_IS_REGISTRY_PAGE (self));

  _xf_registry_page_row_activated (self, position);
}

/*
 * Actions
 */

static void
new_individual_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _xf_registry_page_new_pioneer (XF_REGISTRY_PAGE (widget), "individual");
}

static void
new_collective_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _xf_registry_page_new_pioneer (XF_REGISTRY_PAGE (widget), "collective");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  _xf_registry_page_show_list (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  /* One query for both: the filters first, quietly, then the text. */
  g_signal_handlers_block_by_func (self->filter_bar, filters_changed_cb, self);
  xf_filter_bar_clear (self->filter_bar);
  g_signal_handlers_unblock_by_func (self->filter_bar, filters_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  refresh_query (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  /* Escape closes the file first (asking if it has unsaved edits), then
   * goes back to the window's sidebar when that is folded away. */
  if (self->details_open)
    _xf_registry_page_leave_to (self, 0, NULL);
  else if (self->show_sidebar_button)
    gtk_widget_activate_action (widget, "win.show-sidebar", NULL);
}

static void
open_pioneer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (id > 0)
    xf_registry_page_open_pioneer (XF_REGISTRY_PAGE (widget), id);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);
  GtkWidget *assistant;

  if (self->registry == NULL)
    return;
  assistant = xf_import_assistant_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->registry);
  /* The import wrote on a connection of its own: no "changed" from ours. */
  g_signal_connect_object (assistant, "imported", G_CALLBACK (xf_registry_page_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

/* What the list shows now, search and filters applied. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);
  GtkWidget *dialog;

  if (self->registry == NULL)
    return;
  dialog = xf_export_dialog_new (self->registry, xf_registry_list_get_query (self->list), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bulk_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);
  GtkWidget *dialog;

  if (self->registry == NULL || self->read_only)
    return;
  dialog = xf_bulk_edit_dialog_new (self->registry, G_LIST_MODEL (self->list), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (XfRegistryPage *self)
{
  /* Whoever may create no file anywhere gets no "New" (core refuses anyway). */
  gboolean may_create = !self->read_only && self->registry != NULL &&
                        xf_permission_allows_somewhere (xf_registry_get_actor (self->registry),
                                                        XF_OP_PIONEER_CREATE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.new-individual", may_create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.new-collective", may_create);
  /* Core checks each row's place; the menu only hides it from who may create nothing. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.import", may_create);
  /* Core checks each file's place again; the menu only hides it from who may edit none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.bulk-edit",
                                 !self->read_only && self->registry != NULL &&
                                 xf_permission_allows_somewhere (xf_registry_get_actor (self->registry),
                                                                 XF_OP_PIONEER_EDIT));
  gtk_widget_set_sensitive (self->new_button, may_create);
  gtk_widget_set_visible (self->new_button, may_create || self->read_only);
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_status), may_create);
}

/*
 * Setting up
 */

static void
set_registry (XfRegistryPage *self,
              XfRegistry     *registry)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  GtkSorter *sorter;

  g_assert (self->registry == NULL);

  self->registry = g_object_ref (registry);
  self->read_only = xf_store_is_read_only (xf_registry_get_store (registry));

  xf_filter_bar_set_registry (self->filter_bar, registry);
  xf_filter_bar_apply (self->filter_bar, query);
  self->list = xf_registry_list_new (registry, query);
  self->selection = xf_pioneer_selection_new (G_LIST_MODEL (self->list));
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-id",
                           G_CALLBACK (_xf_registry_page_selected_id_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Name ascending shows its arrow from the start; later clicks re-query. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  gtk_column_view_sort_by_column (self->column_view,
                                  xf_registry_columns_get_column (self->column_view,
                                                                  XF_REGISTRY_SORT_NAME),
                                  GTK_SORT_ASCENDING);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  self->profile = xf_profile_page_new (registry);
  gtk_stack_add_named (self->details_stack, self->profile, "profile");
  g_signal_connect_object (self->profile, "closed",
                           G_CALLBACK (_xf_registry_page_close_details), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile, "notify::pioneer-id",
                           G_CALLBACK (_xf_registry_page_profile_pioneer_changed), self, G_CONNECT_SWAPPED);

  xf_profile_page_set_read_only (XF_PROFILE_PAGE (self->profile), self->read_only);
  update_actions (self);
  update_state (self);

  if (g_getenv ("XIANFENG_REPORT_FIRST_ROWS") != NULL || g_getenv ("XIANFENG_BENCH_SCROLL") != NULL)
    xf_registry_bench_start (GTK_WIDGET (self), self->column_view, self->scroller,
                             self->list_stack, G_LIST_MODEL (self->list), &self->bind_count);
}

/* Typing anywhere in the window starts a search, while this page shows. */
static void
xf_registry_page_map (GtkWidget *widget)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  GTK_WIDGET_CLASS (xf_registry_page_parent_class)->map (widget);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
xf_registry_page_unmap (GtkWidget *widget)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (xf_registry_page_parent_class)->unmap (widget);
}

static void
xf_registry_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_registry_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      xf_registry_page_set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button,
                                  self->back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_registry_page_dispose (GObject *object)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (object);

  xf_registry_bench_stop (GTK_WIDGET (self));
  /* Disposing the column view removes its columns, which changes its sort. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                            sort_changed_cb, self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_REGISTRY_PAGE);
  self->profile = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_registry_page_parent_class)->dispose (object);
}

static void
xf_registry_page_class_init (XfRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xf_registry_page_get_property;
  object_class->set_property = xf_registry_page_set_property;
  object_class->dispose = xf_registry_page_dispose;
  widget_class->map = xf_registry_page_map;
  widget_class->unmap = xf_registry_page_unmap;
  _xf_registry_page_class_init_layout (widget_class);

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/registry/xf-registry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, separator);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, no_matches_status);
  gtk_widget_class_bind_template_child (widget_class, XfRegistryPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "registry.new-individual", NULL, new_individual_action);
  gtk_widget_class_install_action (widget_class, "registry.new-collective", NULL, new_collective_action);
  gtk_widget_class_install_action (widget_class, "registry.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "registry.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "registry.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "registry.open-pioneer", "x", open_pioneer_action);
  gtk_widget_class_install_action (widget_class, "registry.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "registry.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "registry.bulk-edit", NULL, bulk_edit_action);

  g_type_ensure (XF_TYPE_FILTER_BAR);
}

/* The shortcuts work wherever the focus is in the window (managed scope),
 * as long as this page is shown. */
static void
add_shortcuts (XfRegistryPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "registry.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "registry.new-individual" },
    { GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "registry.new-collective" },
    { GDK_KEY_i, GDK_CONTROL_MASK, "registry.import" },
    { GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "registry.export" },
    { GDK_KEY_Escape, 0, "registry.back" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

/* Widths that let every column show on a 1280-pixel window with no file
 * open (about 1,000 pixels of list), with the room going to names, which
 * are long for collectives (南浔区中医院心血管内科医护团队). Name and
 * Organisation share what is left over. */
static void
set_column_widths (XfRegistryPage *self)
{
  static const struct { XfRegistrySort sort; int width; } widths[] = {
    { XF_REGISTRY_SORT_NAME, 220 },
    { XF_REGISTRY_SORT_KIND, 84 },
    { XF_REGISTRY_SORT_TIER, 140 },
    { XF_REGISTRY_SORT_REGION, 156 },
    { XF_REGISTRY_SORT_ORGANISATION, 170 },
    { XF_REGISTRY_SORT_INDUSTRY, 170 },
    { XF_REGISTRY_SORT_HONOURS, 72 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    gtk_column_view_column_set_fixed_width (xf_registry_columns_get_column (self->column_view,
                                                                           widths[i].sort),
                                            widths[i].width);
}

static void
xf_registry_page_init (XfRegistryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  xf_registry_columns_setup (self->column_view, &self->bind_count);
  set_column_widths (self);
  _xf_registry_page_init_details (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  add_shortcuts (self);
}

GtkWidget *
xf_registry_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_REGISTRY_PAGE, "registry", registry, NULL);
}

XfRegistry *
xf_registry_page_get_registry (XfRegistryPage *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_PAGE (self), NULL);
  return self->registry;
}

GListModel *
xf_registry_page_get_model (XfRegistryPage *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_PAGE (self), NULL);
  return G_LIST_MODEL (self->list);
}

GtkWidget *
xf_registry_page_get_profile (XfRegistryPage *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_PAGE (self), NULL);
  return self->profile;
}

gint64
xf_registry_page_get_selected_id (XfRegistryPage *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_PAGE (self), 0);
  return self->selection != NULL ? xf_pioneer_selection_get_selected_id (self->selection) : 0;
}

/* The list's rows are fetched again from the same query: the selection
 * follows its id, and the scroll position is put back once the new rows
 * are laid out (the list view may move it while it measures them). */
static void
restore_scroll (XfRegistryPage *self,
                double          value)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adjustment, MIN (value, gtk_adjustment_get_upper (adjustment) -
                                                    gtk_adjustment_get_page_size (adjustment)));
}

static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  restore_scroll (XF_REGISTRY_PAGE (widget), *(double *) user_data);
  return G_SOURCE_REMOVE;
}

void
xf_registry_page_refresh (XfRegistryPage *self)
{
  GtkAdjustment *adjustment;
  double value;

  g_return_if_fail (XF_IS_REGISTRY_PAGE (self));

  if (self->list == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (adjustment);
  xf_registry_list_reload (self->list);
  update_state (self);
  restore_scroll (self, value);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll_cb,
                                g_memdup2 (&value, sizeof value), g_free);

  if (self->profile != NULL)
    xf_profile_page_refresh (XF_PROFILE_PAGE (self->profile));
}

gboolean
xf_registry_page_get_read_only (XfRegistryPage *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_PAGE (self), FALSE);
  return self->read_only;
}

void
xf_registry_page_set_read_only (XfRegistryPage *self,
                                gboolean        read_only)
{
  g_return_if_fail (XF_IS_REGISTRY_PAGE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  if (self->profile != NULL)
    xf_profile_page_set_read_only (XF_PROFILE_PAGE (self->profile), read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}
