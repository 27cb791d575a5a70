/* xf-care-member-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-member-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-member-dialog.h"
#include "xf-pioneer-picker.h"
#include "xf-ui-util.h"

struct _XfCareMemberDialog
{
  AdwWindow     parent_instance;

  XfCare       *care;
  XfCareBatch  *batch;
  gboolean      eligible;
  gboolean      checked;        /* eligibility known for the pioneer chosen */

  GtkWidget    *picker;
  GtkLabel     *eligibility_label;
  AdwEntryRow  *override_row;
  GtkLabel     *error_label;
  GtkWidget    *add_button;
};

G_DEFINE_FINAL_TYPE (XfCareMemberDialog, xf_care_member_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfCareMemberDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gint64
chosen (XfCareMemberDialog *self)
{
  return xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->picker));
}

static void
update_add_button (XfCareMemberDialog *self)
{
  g_autofree char *reason = xf_entry_row_dup_text (self->override_row);

  gtk_widget_set_sensitive (self->add_button,
                            chosen (self) > 0 && self->checked && (self->eligible || *reason != '\0'));
}

/* What core says of the pioneer chosen. */
static void
check (XfCareMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  gint64 pioneer_id = chosen (self);

  self->checked = FALSE;
  self->eligible = FALSE;
  show_error (self, NULL);
  if (pioneer_id <= 0)
    {
      gtk_label_set_text (self->eligibility_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->eligibility_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->override_row), FALSE);
      update_add_button (self);
      return;
    }
  if (!xf_care_check_eligible (self->care, self->batch->programme_code, pioneer_id, self->batch->reference_on,
                               &self->eligible, &reason, &error))
    {
      show_error (self, error->message);
      update_add_button (self);
      return;
    }
  self->checked = TRUE;
  if (self->eligible)
    /* Translators: %s is a date, YYYY-MM-DD */
    text = g_strdup_printf (_("Eligible on %s."), self->batch->reference_on);
  else
    /* Translators: %s is core's reason ("Aged 58 on 2026-06-01; the programme is for 60 and over") */
    text = g_strdup_printf (_("Not eligible: %s. Say why they are added anyway."),
                            reason != NULL ? reason : "");
  gtk_label_set_text (self->eligibility_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->eligibility_label), self->eligible ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->eligibility_label), self->eligible ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->eligibility_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->override_row), !self->eligible);
  update_add_button (self);
}

gboolean
xf_care_member_dialog_add (XfCareMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 pioneer_id;

  g_return_val_if_fail (XF_IS_CARE_MEMBER_DIALOG (self), FALSE);

  pioneer_id = chosen (self);
  if (!self->eligible)
    reason = xf_entry_row_dup_optional (self->override_row);
  if (!xf_care_add_member (self->care, self->batch->id, pioneer_id, reason, &error))
    {
      show_error (self, error->message);
      /* Core found a rule failed after all: ask for the reason. */
      gtk_widget_set_visible (GTK_WIDGET (self->override_row), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals [ADDED], 0, pioneer_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  xf_care_member_dialog_add (XF_CARE_MEMBER_DIALOG (widget));
}

static void
xf_care_member_dialog_dispose (GObject *object)
{
  XfCareMemberDialog *self = XF_CARE_MEMBER_DIALOG (object);

  g_clear_pointer (&self->batch, xf_care_batch_free);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_member_dialog_parent_class)->dispose (object);
}

static void
xf_care_member_dialog_class_init (XfCareMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_member_dialog_dispose;

  /**
   * XfCareMemberDialog::added:
   * @pioneer_id: the pioneer added
   */
  signals [ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "member-dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_care_member_dialog_init (XfCareMemberDialog *self)
{
}

static GtkWidget *
build_label (const char *name,
             const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
build (XfCareMemberDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Add member"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 480);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_name (self->add_button, "add-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "member-dialog.add");
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (build_label ("error-label", "error"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  /* Translators: %s is a batch's title */
  title = g_strdup_printf (_("Added to “%s”"), self->batch->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), title);
  self->picker = xf_pioneer_picker_new (xf_care_get_registry (self->care), _("Pioneer"), FALSE);
  gtk_widget_set_name (self->picker, "member-picker");
  g_signal_connect_object (self->picker, "notify::pioneer-id", G_CALLBACK (check), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->picker);

  self->eligibility_label = GTK_LABEL (build_label ("eligibility-label", "dim-label"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->eligibility_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->eligibility_label));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 12);
  self->override_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->override_row), "override-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->override_row), _("Why add them although not eligible"));
  gtk_widget_set_visible (GTK_WIDGET (self->override_row), FALSE);
  g_signal_connect_object (self->override_row, "changed", G_CALLBACK (update_add_button), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->override_row));
  g_object_bind_property (self->override_row, "visible", list, "visible", G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_add_button (self);
}

GtkWidget *
xf_care_member_dialog_new (GtkWindow         *parent,
                           XfCare            *care,
                           const XfCareBatch *batch)
{
  XfCareMemberDialog *self;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);
  g_return_val_if_fail (batch != NULL, NULL);

  self = g_object_new (XF_TYPE_CARE_MEMBER_DIALOG, "transient-for", parent, NULL);
  self->care = g_object_ref (care);
  self->batch = xf_care_batch_copy (batch);
  build (self);
  return GTK_WIDGET (self);
}

void
xf_care_member_dialog_set_pioneer (XfCareMemberDialog *self,
                                   gint64              pioneer_id,
                                   const char         *name)
{
  g_return_if_fail (XF_IS_CARE_MEMBER_DIALOG (self));

  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (self->picker), pioneer_id, name);
  check (self);
}

gboolean
xf_care_member_dialog_is_eligible (XfCareMemberDialog *self)
{
  g_return_val_if_fail (XF_IS_CARE_MEMBER_DIALOG (self), FALSE);
  return self->checked && self->eligible;
}
