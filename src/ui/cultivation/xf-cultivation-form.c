/* xf-cultivation-form.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation-form"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-form.h"
#include "xf-cultivation-widgets.h"
#include "xf-ui-util.h"

#define VALUES_KEY "xf-form-values"

struct _XfCultivationForm
{
  AdwWindow               parent_instance;

  XfCultivationFormApply  apply;
  gpointer                user_data;
  GDestroyNotify          destroy;
  GHashTable             *fields;     /* key → row (transfer none: in the group) */
  GtkWidget              *first;      /* the field focused first */

  /* Template widgets */
  GtkWidget              *apply_button;
  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  AdwPreferencesGroup    *group;
};

G_DEFINE_FINAL_TYPE (XfCultivationForm, xf_cultivation_form, ADW_TYPE_WINDOW)

#define FIELD_NAME_KEY "xf-field-name"

static void
add_row (XfCultivationForm *self,
         const char        *key,
         GtkWidget         *row)
{
  /* What core calls the field, to mark it when a refusal names it. */
  if (ADW_IS_PREFERENCES_ROW (row))
    g_object_set_data_full (G_OBJECT (row), FIELD_NAME_KEY,
                            xf_cultivation_field_name (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                            g_free);
  gtk_widget_set_name (row, key);
  adw_preferences_group_add (self->group, row);
  g_hash_table_replace (self->fields, g_strdup (key), row);
  if (self->first == NULL)
    self->first = row;
}

static void
entry_activated_cb (XfCultivationForm *self)
{
  xf_cultivation_form_apply (self);
}

void
xf_cultivation_form_add_entry (XfCultivationForm *self,
                               const char        *key,
                               const char        *title,
                               const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_if_fail (XF_IS_CULTIVATION_FORM (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  add_row (self, key, row);
}

void
xf_cultivation_form_add_choice (XfCultivationForm  *self,
                                const char         *key,
                                const char         *title,
                                const char * const *values,
                                const char * const *labels,
                                const char         *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char **) labels);
  guint position = 0;

  g_return_if_fail (XF_IS_CULTIVATION_FORM (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_set_data_full (G_OBJECT (row), VALUES_KEY, g_strdupv ((char **) values), (GDestroyNotify) g_strfreev);
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], selected) == 0)
      position = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  add_row (self, key, row);
}

void
xf_cultivation_form_add_switch (XfCultivationForm *self,
                                const char        *key,
                                const char        *title,
                                gboolean           active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_return_if_fail (XF_IS_CULTIVATION_FORM (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  add_row (self, key, row);
}

void
xf_cultivation_form_add_widget (XfCultivationForm *self,
                                const char        *key,
                                const char        *field_name,
                                GtkWidget         *widget)
{
  g_return_if_fail (XF_IS_CULTIVATION_FORM (self));

  add_row (self, key, widget);
  g_object_set_data_full (G_OBJECT (widget), FIELD_NAME_KEY, g_strdup (field_name), g_free);
}

GtkWidget *
xf_cultivation_form_get_field (XfCultivationForm *self,
                               const char        *key)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_FORM (self), NULL);

  return g_hash_table_lookup (self->fields, key);
}

char *
xf_cultivation_form_dup_text (XfCultivationForm *self,
                              const char        *key)
{
  GtkWidget *row = xf_cultivation_form_get_field (self, key);

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return xf_entry_row_dup_optional (ADW_ENTRY_ROW (row));
}

void
xf_cultivation_form_set_text (XfCultivationForm *self,
                              const char        *key,
                              const char        *text)
{
  GtkWidget *row = xf_cultivation_form_get_field (self, key);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

const char *
xf_cultivation_form_get_choice (XfCultivationForm *self,
                                const char        *key)
{
  GtkWidget *row = xf_cultivation_form_get_field (self, key);
  char **values;
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  values = g_object_get_data (G_OBJECT (row), VALUES_KEY);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (values))
    return NULL;
  return values[selected];
}

void
xf_cultivation_form_set_choice (XfCultivationForm *self,
                                const char        *key,
                                const char        *value)
{
  GtkWidget *row = xf_cultivation_form_get_field (self, key);
  char **values;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  values = g_object_get_data (G_OBJECT (row), VALUES_KEY);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
}

gboolean
xf_cultivation_form_get_active (XfCultivationForm *self,
                                const char        *key)
{
  GtkWidget *row = xf_cultivation_form_get_field (self, key);
  GtkWidget *toggle = row != NULL ? g_object_get_data (G_OBJECT (row), "switch") : NULL;

  g_return_val_if_fail (GTK_IS_SWITCH (toggle), FALSE);

  return gtk_switch_get_active (GTK_SWITCH (toggle));
}

gboolean
xf_cultivation_form_apply (XfCultivationForm *self)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  GtkWidget *row;

  g_return_val_if_fail (XF_IS_CULTIVATION_FORM (self), FALSE);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    gtk_widget_remove_css_class (row, "error");
  if (!self->apply (self, self->user_data, &error))
    {
      const char *message = error != NULL ? error->message : _("The change was not saved.");

      xf_error_revealer_show (self->error_revealer, self->error_label, message);
      /* The field the refusal names is marked, and takes the focus. */
      g_hash_table_iter_init (&iter, self->fields);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        if (xf_cultivation_message_names (message, g_object_get_data (G_OBJECT (row), FIELD_NAME_KEY)))
          {
            gtk_widget_add_css_class (row, "error");
            gtk_widget_grab_focus (row);
          }
      return FALSE;
    }
  xf_error_revealer_show (self->error_revealer, self->error_label, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
xf_cultivation_form_get_error (XfCultivationForm *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_FORM (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xf_cultivation_form_apply (XF_CULTIVATION_FORM (widget));
}

static void
xf_cultivation_form_show (GtkWidget *widget)
{
  XfCultivationForm *self = XF_CULTIVATION_FORM (widget);

  GTK_WIDGET_CLASS (xf_cultivation_form_parent_class)->show (widget);
  if (self->first != NULL)
    gtk_widget_grab_focus (self->first);
}

static void
xf_cultivation_form_dispose (GObject *object)
{
  XfCultivationForm *self = XF_CULTIVATION_FORM (object);

  if (self->destroy != NULL && self->user_data != NULL)
    self->destroy (self->user_data);
  self->user_data = NULL;
  self->first = NULL;
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (xf_cultivation_form_parent_class)->dispose (object);
}

static void
xf_cultivation_form_class_init (XfCultivationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_cultivation_form_dispose;
  widget_class->show = xf_cultivation_form_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/cultivation/xf-cultivation-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCultivationForm, apply_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationForm, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationForm, group);

  gtk_widget_class_install_action (widget_class, "form.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_cultivation_form_init (XfCultivationForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
xf_cultivation_form_new (GtkWidget              *parent,
                         const char             *title,
                         const char             *description,
                         const char             *apply_label,
                         XfCultivationFormApply  apply,
                         gpointer                user_data,
                         GDestroyNotify          destroy)
{
  XfCultivationForm *self;

  g_return_val_if_fail (apply != NULL, NULL);

  self = g_object_new (XF_TYPE_CULTIVATION_FORM, "title", title, NULL);
  self->apply = apply;
  self->user_data = user_data;
  self->destroy = destroy;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), xf_widget_get_window (parent));
  adw_preferences_group_set_description (self->group, description);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), apply_label);
  return GTK_WIDGET (self);
}
