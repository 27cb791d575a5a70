/* xf-care-step-form.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-step-form"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-care-step-form.h"
#include "xf-error.h"
#include "xf-ui-util.h"

#define MAX_FIELDS 8

struct _XfCareStepForm
{
  AdwWindow         parent_instance;

  XfCareStepSubmit  submit;
  gpointer          user_data;
  GDestroyNotify    destroy;
  XfCareField       fields[MAX_FIELDS];
  guint             n_fields;

  GtkWidget        *body_label;
  GtkWidget        *list;
  GtkWidget        *extra_box;    /* text fields below the list */
  GtkWidget        *submit_button;
  GtkWidget        *error_label;  /* what names no field */
};

G_DEFINE_FINAL_TYPE (XfCareStepForm, xf_care_step_form, ADW_TYPE_WINDOW)

static XfCareField *
find_field (XfCareStepForm *self,
            const char     *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_strcmp0 (gtk_widget_get_name (self->fields[i].widget), name) == 0)
      return &self->fields[i];
  return NULL;
}

void
xf_care_step_form_show_error (XfCareStepForm *self,
                              const char     *message)
{
  g_return_if_fail (XF_IS_CARE_STEP_FORM (self));

  if (message == NULL)
    xf_care_fields_clear (self->fields, self->n_fields, GTK_LABEL (self->error_label));
  else
    xf_care_fields_show_error (self->fields, self->n_fields, GTK_LABEL (self->error_label), message);
}

const char *
xf_care_step_form_get_error (XfCareStepForm *self)
{
  g_return_val_if_fail (XF_IS_CARE_STEP_FORM (self), NULL);

  if (gtk_widget_get_visible (self->error_label))
    return gtk_label_get_text (GTK_LABEL (self->error_label));
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->fields[i].label)))
      return gtk_label_get_text (self->fields[i].label);
  return NULL;
}

void
xf_care_step_form_finish (XfCareStepForm *self,
                          gboolean        ok,
                          const GError   *error)
{
  g_return_if_fail (XF_IS_CARE_STEP_FORM (self));

  gtk_widget_set_sensitive (self->submit_button, TRUE);
  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (error != NULL)
    xf_care_step_form_show_error (self, error->message);
}

void
xf_care_step_form_submit (XfCareStepForm *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (XF_IS_CARE_STEP_FORM (self));

  if (self->submit == NULL || !gtk_widget_get_sensitive (self->submit_button))
    return;
  xf_care_step_form_show_error (self, NULL);
  g_object_ref (self);
  ok = self->submit (self, self->user_data, &error);
  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (error != NULL)
    xf_care_step_form_show_error (self, error->message);
  else
    /* A confirmation asks first: one answer at a time. */
    gtk_widget_set_sensitive (self->submit_button, FALSE);
  g_object_unref (self);
}

static void
add_field (XfCareStepForm *self,
           const char     *name,
           const char     *field,
           GtkWidget      *widget)
{
  XfCareField *slot;

  g_return_if_fail (self->n_fields < MAX_FIELDS);

  gtk_widget_set_name (widget, name);
  slot = &self->fields[self->n_fields++];
  slot->name = g_intern_string (name);
  slot->names[0] = field;
  slot->widget = widget;
  xf_care_fields_attach (slot, 1);
}

static GtkWidget *
append_row (XfCareStepForm *self,
            GtkWidget      *row,
            const char     *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  gtk_widget_set_visible (self->list, TRUE);
  return row;
}

GtkWidget *
xf_care_step_form_add_entry (XfCareStepForm *self,
                             const char     *name,
                             const char     *field,
                             const char     *title,
                             const char     *text)
{
  GtkWidget *row;

  g_return_val_if_fail (XF_IS_CARE_STEP_FORM (self), NULL);

  row = append_row (self, adw_entry_row_new (), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (xf_care_step_form_submit), self,
                           G_CONNECT_SWAPPED);
  add_field (self, name, field, row);
  return row;
}

GtkWidget *
xf_care_step_form_add_text (XfCareStepForm *self,
                            const char     *name,
                            const char     *field,
                            const char     *title,
                            const char     *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *view = gtk_text_view_new ();

  g_return_val_if_fail (XF_IS_CARE_STEP_FORM (self), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_widget_add_css_class (view, "card");
  gtk_box_append (GTK_BOX (self->extra_box), label);
  gtk_box_append (GTK_BOX (self->extra_box), view);
  add_field (self, name, field, view);
  return view;
}

GtkWidget *
xf_care_step_form_add_choice (XfCareStepForm     *self,
                              const char         *name,
                              const char         *field,
                              const char         *title,
                              const char * const *labels,
                              guint               selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);
  GtkWidget *row;

  g_return_val_if_fail (XF_IS_CARE_STEP_FORM (self), NULL);

  row = append_row (self, adw_combo_row_new (), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_field (self, name, field, row);
  return row;
}

void
xf_care_step_form_add_widget (XfCareStepForm *self,
                              const char     *name,
                              const char     *field,
                              GtkWidget      *widget)
{
  g_return_if_fail (XF_IS_CARE_STEP_FORM (self));

  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->list)), widget, self->body_label);
  add_field (self, name, field, widget);
}

GtkWidget *
xf_care_step_form_get_field (XfCareStepForm *self,
                             const char     *name)
{
  XfCareField *field;

  g_return_val_if_fail (XF_IS_CARE_STEP_FORM (self), NULL);

  field = find_field (self, name);
  return field != NULL ? field->widget : NULL;
}

char *
xf_care_step_form_dup_text (XfCareStepForm *self,
                            const char     *name)
{
  GtkWidget *field = xf_care_step_form_get_field (self, name);

  if (GTK_IS_TEXT_VIEW (field))
    return xf_text_view_dup_text (GTK_TEXT_VIEW (field));
  if (GTK_IS_EDITABLE (field))
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));
  return g_strdup ("");
}

void
xf_care_step_form_set_text (XfCareStepForm *self,
                            const char     *name,
                            const char     *text)
{
  GtkWidget *field = xf_care_step_form_get_field (self, name);

  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), text);
}

guint
xf_care_step_form_get_selected (XfCareStepForm *self,
                                const char     *name)
{
  GtkWidget *field = xf_care_step_form_get_field (self, name);

  return ADW_IS_COMBO_ROW (field) ? adw_combo_row_get_selected (ADW_COMBO_ROW (field)) : 0;
}

gboolean
xf_care_step_form_get_amount (XfCareStepForm *self,
                              const char     *name,
                              gint64         *fen,
                              GError        **error)
{
  g_autofree char *text = xf_care_step_form_dup_text (self, name);
  XfCareField *field = find_field (self, name);

  if (xf_care_parse_yuan (text, fen))
    return TRUE;
  /* Translators: a form's error: the field ("Amount"), then what is wrong. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: enter an amount in yuan, such as 1200 or 1200.50"),
               field != NULL && field->names[0] != NULL ? _(field->names[0]) : name);
  return FALSE;
}

void
xf_care_step_form_set_submit (XfCareStepForm   *self,
                              XfCareStepSubmit  submit,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  g_return_if_fail (XF_IS_CARE_STEP_FORM (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->submit = submit;
  self->user_data = user_data;
  self->destroy = destroy;
}

static void
xf_care_step_form_dispose (GObject *object)
{
  XfCareStepForm *self = XF_CARE_STEP_FORM (object);

  xf_care_step_form_set_submit (self, NULL, NULL, NULL);
  G_OBJECT_CLASS (xf_care_step_form_parent_class)->dispose (object);
}

static void
xf_care_step_form_class_init (XfCareStepFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_care_step_form_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_care_step_form_init (XfCareStepForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->submit_button = gtk_button_new ();
  gtk_widget_set_name (self->submit_button, "submit");
  g_signal_connect_object (self->submit_button, "clicked", G_CALLBACK (xf_care_step_form_submit), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->submit_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  self->body_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->body_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->body_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->body_label), 0);
  gtk_box_append (GTK_BOX (content), self->body_label);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_visible (self->list, FALSE);
  gtk_box_append (GTK_BOX (content), self->list);
  self->extra_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (content), self->extra_box);
  self->error_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->error_label, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

XfCareStepForm *
xf_care_step_form_new (GtkWidget  *parent,
                       const char *title,
                       const char *body,
                       const char *submit_label,
                       gboolean    destructive)
{
  XfCareStepForm *self = g_object_new (XF_TYPE_CARE_STEP_FORM, "title", title, NULL);
  GtkWindow *window = parent != NULL ? xf_widget_get_window (parent) : NULL;

  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), window);
  gtk_label_set_text (GTK_LABEL (self->body_label), body != NULL ? body : "");
  gtk_widget_set_visible (self->body_label, body != NULL && *body != '\0');
  gtk_button_set_label (GTK_BUTTON (self->submit_button), submit_label);
  gtk_button_set_use_underline (GTK_BUTTON (self->submit_button), TRUE);
  gtk_widget_add_css_class (self->submit_button, destructive ? "destructive-action" : "suggested-action");
  return self;
}

void
xf_care_add_local_shortcuts (GtkWidget        *widget,
                             const XfShortcut *shortcuts,
                             guint             n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < n_shortcuts; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (widget, controller);
}
