/* xf-honour-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-honour-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-honour-dialog.h"
#include "xf-pioneer-fields.h"
#include "xf-reference.h"

struct _XfHonourDialog
{
  AdwWindow       parent_instance;

  XfRegistry     *registry;
  gint64          pioneer_id;
  GPtrArray      *titles;   /* (transfer none) XfReferenceItem, aligned with title_row after index 0 */

  /* Template widgets */
  AdwComboRow    *title_row;
  AdwEntryRow    *custom_title_row;
  AdwComboRow    *level_row;
  GtkSpinButton  *year_spin;
  AdwEntryRow    *body_row;
  AdwEntryRow    *certificate_row;
  GtkWidget      *add_button;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (XfHonourDialog, xf_honour_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *levels[] = { "national", "provincial", "city", "county" };

/* Index 0 of the title list is "Other title", which reveals the entry. */
static const XfReferenceItem *
selected_title (XfHonourDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->title_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->titles == NULL ||
      selected > self->titles->len)
    return NULL;
  return g_ptr_array_index (self->titles, selected - 1);
}

static char *
dup_title_text (XfHonourDialog *self)
{
  const XfReferenceItem *item = selected_title (self);

  /* Titles are stored by their official Chinese name, so that files read
   * the same whatever the language of the desk that entered them. */
  if (item != NULL)
    return g_strdup (item->name_zh);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->custom_title_row))));
}

static void
input_changed_cb (XfHonourDialog *self)
{
  g_autofree char *title = dup_title_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "honour.add", title != NULL && *title != '\0');
}

static void
title_selected_cb (XfHonourDialog *self)
{
  const XfReferenceItem *item = selected_title (self);

  gtk_widget_set_visible (GTK_WIDGET (self->custom_title_row), item == NULL);
  if (item != NULL && item->extra != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
      if (g_str_equal (levels[i], item->extra))
        adw_combo_row_set_selected (self->level_row, i);
  input_changed_cb (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  XfHonourDialog *self = XF_HONOUR_DIALOG (widget);
  g_autofree char *title = dup_title_text (self);
  g_autoptr(XfHonour) honour = NULL;
  g_autoptr(GError) error = NULL;
  guint level = adw_combo_row_get_selected (self->level_row);

  if (level >= G_N_ELEMENTS (levels))
    level = G_N_ELEMENTS (levels) - 1;

  honour = xf_honour_new (title, levels[level], gtk_spin_button_get_value_as_int (self->year_spin));
  g_object_set (honour,
                "conferring-body", gtk_editable_get_text (GTK_EDITABLE (self->body_row)),
                "certificate-no", gtk_editable_get_text (GTK_EDITABLE (self->certificate_row)),
                NULL);

  /* Core checks the honour; its reason is shown here. */
  if (!xf_registry_add_honour (self->registry, self->pioneer_id, honour, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals [ADDED], 0, honour);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_models (XfHonourDialog *self)
{
  XfReference *reference = xf_reference_get_default (NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) level_labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_string_list_append (titles, _("Other title"));
  self->titles = reference ? xf_reference_get_items (reference, XF_REFERENCE_HONOUR_TITLES) : NULL;
  for (guint i = 0; self->titles != NULL && i < self->titles->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (self->titles, i);

      gtk_string_list_append (titles, xf_reference_label (reference, XF_REFERENCE_HONOUR_TITLES,
                                                          item->code));
    }
  adw_combo_row_set_model (self->title_row, G_LIST_MODEL (titles));

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    gtk_string_list_append (level_labels, xf_honour_level_label (levels[i]));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (level_labels));

  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->year_spin),
                            g_date_time_get_year (now));
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));

  /* Start on the first reference title when there are any. */
  adw_combo_row_set_selected (self->title_row, self->titles && self->titles->len > 0 ? 1 : 0);
  title_selected_cb (self);
}

static void
xf_honour_dialog_dispose (GObject *object)
{
  XfHonourDialog *self = (XfHonourDialog *)object;

  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_honour_dialog_parent_class)->dispose (object);
}

static void
xf_honour_dialog_class_init (XfHonourDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_honour_dialog_dispose;

  /**
   * XfHonourDialog::added:
   * @honour: the honour as written
   *
   * Emitted after the honour was added.
   */
  signals [ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_HONOUR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/registry/xf-honour-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, custom_title_row);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, body_row);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, title_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);

  gtk_widget_class_install_action (widget_class, "honour.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_honour_dialog_init (XfHonourDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_honour_dialog_new (XfRegistry *registry,
                      gint64      pioneer_id)
{
  XfHonourDialog *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_HONOUR_DIALOG, NULL);
  self->registry = g_object_ref (registry);
  self->pioneer_id = pioneer_id;
  fill_models (self);
  return GTK_WIDGET (self);
}
