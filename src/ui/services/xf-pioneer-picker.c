/* xf-pioneer-picker.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-pioneer-picker.h"
#include "xf-registry-scan.h"

#define MAX_MATCHES 6

typedef struct
{
  gint64  id;
  char   *name;
} Match;

struct _XfPioneerPicker
{
  AdwBin       parent_instance;

  XfRegistry  *registry;
  gboolean     individuals_only;
  gint64       pioneer_id;
  gboolean     setting;      /* the text changes because a pioneer was chosen */
  GArray      *matches;      /* of Match, in the order shown */

  GtkWidget   *entry;
  GtkListBox  *results;
};

G_DEFINE_FINAL_TYPE (XfPioneerPicker, xf_pioneer_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIONEER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
clear_match (gpointer data)
{
  Match *match = data;

  g_free (match->name);
}

static void
set_pioneer_id (XfPioneerPicker *self,
                gint64           pioneer_id)
{
  if (self->pioneer_id == pioneer_id)
    return;
  self->pioneer_id = pioneer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIONEER_ID]);
}

static void
clear_results (XfPioneerPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_array_set_size (self->matches, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
}

typedef struct
{
  XfPioneerPicker *self;
  guint            n;
} Collect;

static gboolean
collect_cb (const XfPioneerSummary *summary,
            gpointer                user_data)
{
  Collect *collect = user_data;
  XfPioneerPicker *self = collect->self;
  GtkWidget *row = adw_action_row_new ();
  Match match = { summary->id, g_strdup (summary->name) };
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->name);
  if (summary->employer != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary->employer);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "pioneer-match");
  gtk_list_box_append (self->results, row);
  g_array_append_val (self->matches, match);
  return ++collect->n < MAX_MATCHES;
}

static void
search (XfPioneerPicker *self,
        const char      *text)
{
  static const char * const fields[] = { "name", "employer", NULL };
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GError) error = NULL;
  Collect collect = { self, 0 };

  clear_results (self);
  if (text == NULL || *text == '\0')
    return;
  xf_registry_query_set_text (query, text);
  if (self->individuals_only)
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
  if (!xf_registry_foreach_match (self->registry, query, fields, collect_cb, &collect, NULL, &error))
    g_debug ("Searching pioneers: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->results), self->matches->len > 0);
}

static void
text_changed_cb (XfPioneerPicker *self)
{
  g_autofree char *text = NULL;

  if (self->setting)
    return;
  set_pioneer_id (self, 0);
  gtk_widget_remove_css_class (self->entry, "success");
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  search (self, text);
}

static void
choose (XfPioneerPicker *self,
        guint            index)
{
  Match *match;

  if (index >= self->matches->len)
    return;
  match = &g_array_index (self->matches, Match, index);
  xf_pioneer_picker_set_pioneer (self, match->id, match->name);
}

static void
row_activated_cb (XfPioneerPicker *self,
                  GtkListBoxRow   *row)
{
  choose (self, gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (self->entry);
}

static void
entry_activated_cb (XfPioneerPicker *self)
{
  if (self->pioneer_id == 0)
    choose (self, 0);
}

static void
xf_pioneer_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfPioneerPicker *self = XF_PIONEER_PICKER (object);

  switch (prop_id)
    {
    case PROP_PIONEER_ID:
      g_value_set_int64 (value, self->pioneer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_pioneer_picker_dispose (GObject *object)
{
  XfPioneerPicker *self = XF_PIONEER_PICKER (object);

  g_clear_object (&self->registry);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (xf_pioneer_picker_parent_class)->dispose (object);
}

static void
xf_pioneer_picker_class_init (XfPioneerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xf_pioneer_picker_get_property;
  object_class->dispose = xf_pioneer_picker_dispose;

  properties [PROP_PIONEER_ID] =
    g_param_spec_int64 ("pioneer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_pioneer_picker_init (XfPioneerPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry_list = gtk_list_box_new ();

  self->matches = g_array_new (FALSE, TRUE, sizeof (Match));
  g_array_set_clear_func (self->matches, clear_match);

  self->entry = adw_entry_row_new ();
  gtk_widget_set_name (self->entry, "pioneer-entry");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->entry), FALSE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (entry_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (entry_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (entry_list), self->entry);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->results), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching pioneers"), -1);

  gtk_box_append (GTK_BOX (box), entry_list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->results));
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_object (self->entry, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
xf_pioneer_picker_new (XfRegistry *registry,
                       const char *title,
                       gboolean    individuals_only)
{
  XfPioneerPicker *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_PIONEER_PICKER, NULL);
  self->registry = g_object_ref (registry);
  self->individuals_only = individuals_only;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), title);
  return GTK_WIDGET (self);
}

gint64
xf_pioneer_picker_get_pioneer_id (XfPioneerPicker *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_PICKER (self), 0);
  return self->pioneer_id;
}

void
xf_pioneer_picker_set_pioneer (XfPioneerPicker *self,
                               gint64           pioneer_id,
                               const char      *name)
{
  g_return_if_fail (XF_IS_PIONEER_PICKER (self));

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), name != NULL ? name : "");
  self->setting = FALSE;
  /* Hidden, not removed: this may run inside the list's own row-activated. */
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  if (pioneer_id > 0)
    gtk_widget_add_css_class (self->entry, "success");
  else
    gtk_widget_remove_css_class (self->entry, "success");
  set_pioneer_id (self, pioneer_id);
}

GtkWidget *
xf_pioneer_picker_get_entry (XfPioneerPicker *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_PICKER (self), NULL);
  return self->entry;
}

guint
xf_pioneer_picker_get_n_matches (XfPioneerPicker *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_PICKER (self), 0);
  return self->matches->len;
}
