/* xf-audit-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit-page"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-audit-item.h"
#include "xf-audit-page-private.h"
#include "xf-wrap-layout.h"
#include "xf-ui-util.h"

/* Entries read at a time: a screenful or two; more as the list scrolls. */
#define PAGE_SIZE 100

G_DEFINE_FINAL_TYPE (XfAuditPage, xf_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_xf_audit_page_show_toast (XfAuditPage *self,
                           const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_xf_audit_page_get_filter (XfAuditPage   *self,
                           XfAuditFilter *filter)
{
  filter->actor_login = self->person;
  filter->record_uid = self->record;
  filter->action = self->action;
  filter->from = self->from;
  filter->to = self->to;
}

/*
 * Filters
 */

static char *
entry_text (GtkSearchEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The first instant of a local day ("YYYY-MM-DD"), @days_later days on,
 * in UTC microseconds; 0 for no date. */
static gint64
day_start (const char *date,
           int         days_later)
{
  int year, month, day;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return 0;
  start = g_date_time_new_local (year, month, day, 0, 0, 0);
  later = start != NULL ? g_date_time_add_days (start, days_later) : NULL;
  return later != NULL ? g_date_time_to_unix (later) * G_USEC_PER_SEC : 0;
}

static gboolean
is_filtered (XfAuditPage *self)
{
  return self->person != NULL || self->record != NULL || self->action != NULL ||
         self->from != 0 || self->to != 0;
}

static void
read_filters (XfAuditPage *self)
{
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  const char * const *codes = xf_audit_action_codes ();

  g_free (self->person);
  self->person = entry_text (self->person_entry);
  g_free (self->record);
  self->record = entry_text (self->record_entry);
  g_free (self->action);
  self->action = action > 0 && action != GTK_INVALID_LIST_POSITION &&
                 action - 1 < g_strv_length ((char **) codes)
                 ? g_strdup (codes[action - 1]) : NULL;
  self->from = day_start (xf_date_button_get_date (self->from_button), 0);
  /* "To" includes its whole day. */
  self->to = day_start (xf_date_button_get_date (self->to_button), 1);
}

/*
 * The list
 */

static void
update_state (XfAuditPage *self,
              const GError *error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *count = NULL;

  gtk_widget_set_visible (self->more_button, error == NULL && n < self->total);
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  if (n < self->total)
    /* Translators: the entries loaded so far, of all that match */
    count = g_strdup_printf (ngettext ("Showing %u of %lld entry",
                                       "Showing %u of %lld entries",
                                       (gulong) self->total),
                             n, (long long) self->total);
  else
    count = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (is_filtered (self))
    {
      adw_status_page_set_title (self->empty_status, _("No matching entries"));
      adw_status_page_set_description (self->empty_status, _("No entry matches the filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No entries yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Every change, sign-in, revealed number and export is recorded here."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* Appends up to @limit entries after those loaded. */
static gboolean
load (XfAuditPage  *self,
      guint         limit,
      GError      **error)
{
  XfStore *store = xf_registry_get_store (self->registry);
  XfAccount *actor = xf_registry_get_actor (self->registry);
  XfAuditFilter filter;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint offset = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  _xf_audit_page_get_filter (self, &filter);
  entries = xf_audit_query (store, actor, &filter, offset, limit, error);
  if (entries == NULL)
    return FALSE;

  /* The items take the entries. */
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items, xf_audit_item_new (g_ptr_array_index (entries, i)));
  g_list_store_splice (self->entries, offset, 0, items->pdata, items->len);
  return TRUE;
}

/* Reads the first @limit entries again, with the count. */
static void
reload (XfAuditPage *self,
        guint        limit)
{
  g_autoptr(GError) error = NULL;
  XfAuditFilter filter;

  g_list_store_remove_all (self->entries);
  _xf_audit_page_get_filter (self, &filter);
  self->total = xf_audit_count (xf_registry_get_store (self->registry),
                                xf_registry_get_actor (self->registry), &filter, &error);
  if (self->total >= 0)
    load (self, limit, &error);
  update_state (self, error);
}

void
xf_audit_page_refresh (XfAuditPage *self)
{
  guint n;

  g_return_if_fail (XF_IS_AUDIT_PAGE (self));

  /* A page out of sight reads the trail when it is next shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  /* As many as were shown, so the scroll position keeps its meaning. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  reload (self, MAX (n, PAGE_SIZE));
}

static void
filters_changed_cb (XfAuditPage *self)
{
  g_assert (XF_IS_AUDIT_PAGE (self));

  if (self->registry == NULL)
    return;
  read_filters (self);
  reload (self, PAGE_SIZE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
show_more (XfAuditPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) >= self->total)
    return;
  load (self, PAGE_SIZE, &error);
  update_state (self, error);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_more (XF_AUDIT_PAGE (widget));
}

/* Scrolling to the end reads the next page. */
static void
edge_reached_cb (XfAuditPage     *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    show_more (self);
}

/* Activating an entry shows only its record's entries. */
static void
row_activated_cb (XfAuditPage *self,
                  guint        position)
{
  g_autoptr(XfAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  const XfAuditEntry *entry = item != NULL ? xf_audit_item_get_entry (item) : NULL;

  if (entry != NULL && entry->record_uid != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->record_entry), entry->record_uid);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfAuditPage *self = XF_AUDIT_PAGE (widget);

  /* One reload for all of them. */
  g_signal_handlers_block_by_func (self->person_entry, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->record_entry, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->action_dropdown, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->from_button, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->to_button, filters_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->record_entry), "");
  gtk_drop_down_set_selected (self->action_dropdown, 0);
  xf_date_button_set_date (self->from_button, NULL);
  xf_date_button_set_date (self->to_button, NULL);
  g_signal_handlers_unblock_by_func (self->person_entry, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->record_entry, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->action_dropdown, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->from_button, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->to_button, filters_changed_cb, self);
  filters_changed_cb (self);
}

static void
result_close_cb (XfAuditPage *self)
{
  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
}

/*
 * Columns
 */

typedef char *(*CellText) (XfAuditItem *item);

static char *
cell_action (XfAuditItem *item)
{
  return g_strdup (xf_audit_action_label (xf_audit_item_get_entry (item)->action));
}

static char *
cell_field (XfAuditItem *item)
{
  return g_strdup (xf_audit_item_get_field (item));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text_of = (CellText) user_data;
  XfAuditItem *item = gtk_list_item_get_item (list_item);
  const XfAuditEntry *entry = xf_audit_item_get_entry (item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = text_of (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Long values are cut short in the cell: the tooltip has them whole, and
   * the record's ID, to filter by. */
  if (text_of == xf_audit_item_dup_record && entry->record_uid != NULL)
    {
      /* Translators: a record's name and its ID, for filtering by it */
      g_autofree char *tooltip = g_strdup_printf (_("%s\nID: %s"), text, entry->record_uid);
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (label, text[0] != '\0' ? text : NULL);
}

static void
add_column (XfAuditPage *self,
            const char  *title,
            CellText     text_of,
            int          width)
{
  xf_column_view_add_column (self->column_view, title, G_CALLBACK (setup_cell_cb),
                             G_CALLBACK (bind_cell_cb), text_of, width);
}

static void
setup_columns (XfAuditPage *self)
{
  add_column (self, _("Time"), xf_audit_item_dup_time, 150);
  add_column (self, _("Person"), xf_audit_item_dup_person, 190);
  add_column (self, _("Action"), cell_action, 170);
  add_column (self, _("Record"), xf_audit_item_dup_record, 170);
  add_column (self, _("Field"), cell_field, 120);
  add_column (self, _("Before → after"), xf_audit_item_dup_change, 0);
}

static void
setup_action_filter (XfAuditPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = xf_audit_action_codes ();

  gtk_string_list_append (labels, _("Any action"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, xf_audit_action_label (codes[i]));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (labels));
}

/*
 * GObject
 */

static void
xf_audit_page_constructed (GObject *object)
{
  XfAuditPage *self = XF_AUDIT_PAGE (object);

  G_OBJECT_CLASS (xf_audit_page_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_REGISTRY (self->registry));
  read_filters (self);
  /* Read when first shown: a window builds every page its account may see. */
  self->stale = TRUE;
}

static void
xf_audit_page_map (GtkWidget *widget)
{
  XfAuditPage *self = XF_AUDIT_PAGE (widget);

  GTK_WIDGET_CLASS (xf_audit_page_parent_class)->map (widget);
  if (self->stale)
    xf_audit_page_refresh (self);
}

static void
xf_audit_page_dispose (GObject *object)
{
  XfAuditPage *self = XF_AUDIT_PAGE (object);

  _xf_audit_page_stop_tasks (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_AUDIT_PAGE);
  g_clear_object (&self->entries);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_audit_page_parent_class)->dispose (object);
}

static void
xf_audit_page_finalize (GObject *object)
{
  XfAuditPage *self = XF_AUDIT_PAGE (object);

  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->action, g_free);

  G_OBJECT_CLASS (xf_audit_page_parent_class)->finalize (object);
}

static void
xf_audit_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfAuditPage *self = XF_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_audit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfAuditPage *self = XF_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
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
xf_audit_page_class_init (XfAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_audit_page_constructed;
  object_class->dispose = xf_audit_page_dispose;
  object_class->finalize = xf_audit_page_finalize;
  object_class->get_property = xf_audit_page_get_property;
  object_class->set_property = xf_audit_page_set_property;
  widget_class->map = xf_audit_page_map;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/admin/xf-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, person_entry);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, record_entry);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, result_title);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XfAuditPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_close_cb);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, _xf_audit_page_verify_action);
  gtk_widget_class_install_action (widget_class, "audit.cancel", NULL, _xf_audit_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "audit.export", NULL, _xf_audit_page_export_action);
  gtk_widget_class_install_action (widget_class, "audit.show-more", NULL, show_more_action);
  gtk_widget_class_install_action (widget_class, "audit.clear-filters", NULL, clear_filters_action);

  g_type_ensure (XF_TYPE_DATE_BUTTON);
}

static void
xf_audit_page_init (XfAuditPage *self)
{
  GtkLayoutManager *layout = xf_wrap_layout_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The filters wrap onto a second line in a narrow window. */
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (layout), 6);
  gtk_widget_set_layout_manager (self->filter_box, layout);

  self->entries = g_list_store_new (XF_TYPE_AUDIT_ITEM);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);
  setup_columns (self);
  setup_action_filter (self);
}

GtkWidget *
xf_audit_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_AUDIT_PAGE, "registry", registry, NULL);
}

GListModel *
xf_audit_page_get_model (XfAuditPage *self)
{
  g_return_val_if_fail (XF_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

gboolean
xf_audit_page_get_busy (XfAuditPage *self)
{
  g_return_val_if_fail (XF_IS_AUDIT_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
