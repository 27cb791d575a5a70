/* xf-item-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-item-dialog.h"
#include "xf-ui-util.h"

static const char * const groups[] = {
  XF_SERVICE_GROUP_COMMON_PROSPERITY, XF_SERVICE_GROUP_LIFECYCLE,
};

/* The first, NULL, is "no stage" (common prosperity items). */
static const char * const stages[] = {
  NULL, "cultivate", "evaluate", "manage", "serve", "deploy",
};

static const char * const units[] = { XF_RESPONSE_HOURS, XF_RESPONSE_DAYS };

struct _XfItemDialog
{
  AdwWindow        parent_instance;

  XfServices      *services;
  XfServiceItem   *item;          /* what is edited; id 0 for a new one */

  /* Template widgets */
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *code_row;
  AdwComboRow     *group_row;
  AdwComboRow     *stage_row;
  AdwEntryRow     *name_en_row;
  AdwEntryRow     *name_zh_row;
  AdwEntryRow     *description_row;
  AdwEntryRow     *keywords_row;
  AdwEntryRow     *industries_row;
  AdwComboRow     *unit_row;
  GtkSpinButton   *amount_spin;
  GtkSwitch       *active_switch;
};

G_DEFINE_FINAL_TYPE (XfItemDialog, xf_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

const char *
xf_item_dialog_stage_label (const char *stage)
{
  if (g_strcmp0 (stage, "cultivate") == 0)
    return C_("lifecycle stage", "Cultivation");
  if (g_strcmp0 (stage, "evaluate") == 0)
    return C_("lifecycle stage", "Evaluation");
  if (g_strcmp0 (stage, "manage") == 0)
    return C_("lifecycle stage", "Management");
  if (g_strcmp0 (stage, "serve") == 0)
    return C_("lifecycle stage", "Service");
  if (g_strcmp0 (stage, "deploy") == 0)
    return C_("lifecycle stage", "Deployment");
  return stage != NULL ? stage : "";
}

static void
show_error (XfItemDialog *self,
            const char   *message)
{
  xf_error_revealer_show (self->error_revealer, self->error_label, message);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
replace (char       **field,
         AdwEntryRow *row)
{
  g_free (*field);
  *field = xf_entry_row_dup_text (row);
}

/* Sets @row's model to @labels and selects @value's place in @codes. */
static void
fill_combo (AdwComboRow        *row,
            const char * const *codes,
            const char * const *labels,
            guint               n,
            const char         *value)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (model, labels[i]);
      if (g_strcmp0 (codes[i], value) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static void
fill (XfItemDialog *self)
{
  const XfServiceItem *item = self->item;
  const char *group_labels[G_N_ELEMENTS (groups)];
  const char *stage_labels[G_N_ELEMENTS (stages)];
  const char *unit_labels[] = { _("Working hours"), _("Working days") };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    group_labels[i] = xf_service_group_label (groups[i]);
  stage_labels[0] = _("None");
  for (guint i = 1; i < G_N_ELEMENTS (stages); i++)
    stage_labels[i] = xf_item_dialog_stage_label (stages[i]);

  fill_combo (self->group_row, groups, group_labels, G_N_ELEMENTS (groups), item->group);
  fill_combo (self->stage_row, stages, stage_labels, G_N_ELEMENTS (stages), item->stage);
  fill_combo (self->unit_row, units, unit_labels, G_N_ELEMENTS (units), item->response_unit);

  if (item->id > 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit service item"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), FALSE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), or_empty (item->code));
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), or_empty (item->name_en));
  gtk_editable_set_text (GTK_EDITABLE (self->name_zh_row), or_empty (item->name_zh));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), or_empty (item->description));
  gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), or_empty (item->keywords));
  gtk_editable_set_text (GTK_EDITABLE (self->industries_row), or_empty (item->industries));
  gtk_spin_button_set_value (self->amount_spin, item->id > 0 ? item->response_amount : 8);
  gtk_switch_set_active (self->active_switch, item->id == 0 || item->active);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfItemDialog *self = XF_ITEM_DIALOG (widget);
  g_autoptr(XfServiceItem) item = xf_service_item_copy (self->item);
  g_autoptr(GError) error = NULL;
  guint group = MIN (adw_combo_row_get_selected (self->group_row), G_N_ELEMENTS (groups) - 1);
  guint stage = MIN (adw_combo_row_get_selected (self->stage_row), G_N_ELEMENTS (stages) - 1);
  guint unit = MIN (adw_combo_row_get_selected (self->unit_row), G_N_ELEMENTS (units) - 1);
  gint64 id;

  if (item->id == 0)
    replace (&item->code, self->code_row);
  g_free (item->group);
  item->group = g_strdup (groups[group]);
  g_free (item->stage);
  item->stage = g_strdup (stages[stage]);
  replace (&item->name_en, self->name_en_row);
  replace (&item->name_zh, self->name_zh_row);
  replace (&item->description, self->description_row);
  replace (&item->keywords, self->keywords_row);
  replace (&item->industries, self->industries_row);
  g_free (item->response_unit);
  item->response_unit = g_strdup (units[unit]);
  item->response_amount = gtk_spin_button_get_value_as_int (self->amount_spin);
  item->active = gtk_switch_get_active (self->active_switch);

  id = xf_services_save_item (self->services, item, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
xf_item_dialog_dispose (GObject *object)
{
  XfItemDialog *self = XF_ITEM_DIALOG (object);

  g_clear_pointer (&self->item, xf_service_item_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_item_dialog_parent_class)->dispose (object);
}

static void
xf_item_dialog_class_init (XfItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_item_dialog_dispose;

  /**
   * XfItemDialog::saved:
   * @item_id: the item written
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, name_zh_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, industries_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, XfItemDialog, active_switch);

  gtk_widget_class_install_action (widget_class, "item-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_item_dialog_init (XfItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_item_dialog_new (XfServices          *services,
                    const XfServiceItem *item)
{
  XfItemDialog *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_ITEM_DIALOG, NULL);
  self->services = g_object_ref (services);
  if (item != NULL)
    self->item = xf_service_item_copy (item);
  else
    {
      self->item = xf_service_item_new ();
      self->item->active = TRUE;
    }
  fill (self);
  return GTK_WIDGET (self);
}

const char *
xf_item_dialog_get_error (XfItemDialog *self)
{
  g_return_val_if_fail (XF_IS_ITEM_DIALOG (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}
