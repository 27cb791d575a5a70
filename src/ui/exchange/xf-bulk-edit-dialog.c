/* xf-bulk-edit-dialog.c — the registry's "Change Field of Listed…"
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-bulk-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-bulk-edit-dialog.h"
#include "xf-exchange-job.h"
#include "xf-pioneer-fields.h"
#include "xf-ui-util.h"

struct _XfBulkEditDialog
{
  AdwWindow        parent_instance;

  XfRegistry      *registry;
  GListModel      *list;
  GtkWidget       *parent;     /* weak */
  XfFieldOptions  *options;    /* of a coded field */
  gboolean         busy;

  /* Template widgets */
  AdwComboRow     *field_row;
  AdwComboRow     *choice_row;
  AdwEntryRow     *text_row;
  GtkLabel        *scope_label;
  GtkWidget       *change_button;
};

G_DEFINE_FINAL_TYPE (XfBulkEditDialog, xf_bulk_edit_dialog, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals [N_SIGNALS];

/* What an office changes for many files at once: where they belong and
 * how they are grouped, not what identifies a person. */
static const char * const fields[] = {
  "industry", "organisation-id", "region-code", "education", "political-status", "employer", "tags",
};

static const char *
get_field (XfBulkEditDialog *self)
{
  return fields[MIN (adw_combo_row_get_selected (self->field_row), G_N_ELEMENTS (fields) - 1)];
}

/* The value as core takes it (a code for coded fields), or NULL while
 * none is chosen. */
static char *
dup_value (XfBulkEditDialog *self)
{
  if (self->options != NULL)
    {
      const char *code = xf_field_options_get_code (self->options,
                                                    adw_combo_row_get_selected (self->choice_row));

      return g_strdup (code);
    }
  return xf_entry_row_dup_optional (self->text_row);
}

static char *
dup_value_label (XfBulkEditDialog *self)
{
  g_autofree char *value = dup_value (self);

  return xf_pioneer_fields_display (self->registry, get_field (self), value);
}

static void
update_state (XfBulkEditDialog *self)
{
  guint n = g_list_model_get_n_items (self->list);
  g_autofree char *count = xf_exchange_format_count (n);
  g_autofree char *text = NULL;
  g_autofree char *value = dup_value (self);

  /* Translators: %s is a number such as 37 */
  text = g_strdup_printf (ngettext ("This changes the %s file the registry lists now. A file that "
                                    "already holds the value stays as it is.",
                                    "This changes the %s files the registry lists now. Files that "
                                    "already hold the value stay as they are.", n), count);
  gtk_label_set_label (self->scope_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.change", !self->busy && n > 0 && value != NULL);
}

static void
field_selected_cb (XfBulkEditDialog *self)
{
  const char *field;

  g_assert (XF_IS_BULK_EDIT_DIALOG (self));

  field = get_field (self);
  g_clear_pointer (&self->options, xf_field_options_free);
  if (xf_pioneer_fields_kind (field) == XF_FIELD_CODED)
    {
      g_autoptr(GtkStringList) model = NULL;

      self->options = xf_field_options_new (self->registry, field);
      model = gtk_string_list_new ((const char * const *) self->options->labels);
      adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (model));
      adw_combo_row_set_selected (self->choice_row, 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->choice_row), self->options != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), self->options == NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  update_state (self);
}

/*
 * Changing
 */

typedef struct
{
  GArray *ids;
  char   *field;
  char   *value;
  guint   changed;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_array_unref (edit->ids);
  g_free (edit->field);
  g_free (edit->value);
  g_free (edit);
}

static gboolean
edit_thread (XfExchangeJob  *job,
             XfStore        *store,
             GCancellable   *cancellable,
             GError        **error)
{
  Edit *edit = xf_exchange_job_get_data (job);
  g_autoptr(XfRegistry) registry = xf_registry_new (store, xf_exchange_job_get_actor (job));

  return xf_registry_bulk_edit (registry, (const gint64 *) edit->ids->data, edit->ids->len,
                                edit->field, edit->value, xf_exchange_job_progress, job,
                                cancellable, &edit->changed, error);
}

static void
edited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfBulkEditDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  Edit *edit;

  self->busy = FALSE;
  update_state (self);
  if (job == NULL)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->parent != NULL)
            xf_exchange_show_toast (self->parent, adw_toast_new (_("Cancelled: no file was changed")));
          return;
        }
      /* Core names the file it refused; the dialog stays for another try. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No File Was Changed"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  edit = xf_exchange_job_get_data (job);
  count = xf_exchange_format_count (edit->changed);
  /* Translators: "Industry changed in 37 files"; %s is the field, then a number */
  text = g_strdup_printf (ngettext ("%s changed in %s file", "%s changed in %s files", edit->changed),
                          xf_pioneer_field_label (edit->field), count);
  g_signal_emit (self, signals [CHANGED], 0, edit->changed);
  if (self->parent != NULL)
    xf_exchange_show_toast (self->parent, adw_toast_new (text));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
xf_bulk_edit_dialog_apply (XfBulkEditDialog *self)
{
  Edit *edit;
  XfExchangeJob *job;
  guint n;

  g_return_if_fail (XF_IS_BULK_EDIT_DIALOG (self));

  if (self->busy)
    return;
  edit = g_new0 (Edit, 1);
  edit->field = g_strdup (get_field (self));
  edit->value = dup_value (self);
  /* The list is read now, as it shows: the ids, page by page. */
  n = g_list_model_get_n_items (self->list);
  edit->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (self->list, i);
      gint64 id;

      if (pioneer == NULL)
        continue;
      id = xf_pioneer_get_id (pioneer);
      g_array_append_val (edit->ids, id);
    }

  self->busy = TRUE;
  update_state (self);
  job = xf_exchange_job_new (xf_registry_get_store (self->registry), xf_registry_get_actor (self->registry),
                             edit_thread, edit, edit_free);
  xf_exchange_job_run_with_progress (job, GTK_WIDGET (self), _("Changing Files…"),
                                     _("Cancel undoes every change made so far."),
                                     edited_cb, g_object_ref (self));
}

static void
confirm_response_cb (XfBulkEditDialog *self)
{
  xf_bulk_edit_dialog_apply (self);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfBulkEditDialog *self = XF_BULK_EDIT_DIALOG (widget);
  guint n = g_list_model_get_n_items (self->list);
  g_autofree char *count = xf_exchange_format_count (n);
  g_autofree char *heading = NULL;
  g_autofree char *label = dup_value_label (self);
  GtkWidget *dialog;

  /* Translators: %s is a number such as 37 */
  heading = g_strdup_printf (ngettext ("Change %s File?", "Change %s Files?", n), count);
  dialog = xf_confirm_dialog_new (widget, heading, NULL, _("_Cancel"), "change", _("C_hange"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: "Industry becomes “Manufacturing” in every listed file. …" */
                                  _("%s becomes “%s” in every listed file. Each change is recorded in "
                                    "the audit trail."),
                                  xf_pioneer_field_label (get_field (self)), label != NULL ? label : "");
  g_signal_connect_object (dialog, "response::change", G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * The dialog
 */

static void
xf_bulk_edit_dialog_dispose (GObject *object)
{
  XfBulkEditDialog *self = XF_BULK_EDIT_DIALOG (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->registry);
  g_clear_object (&self->list);
  g_clear_pointer (&self->options, xf_field_options_free);

  G_OBJECT_CLASS (xf_bulk_edit_dialog_parent_class)->dispose (object);
}

static void
xf_bulk_edit_dialog_class_init (XfBulkEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_bulk_edit_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-bulk-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfBulkEditDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, XfBulkEditDialog, choice_row);
  gtk_widget_class_bind_template_child (widget_class, XfBulkEditDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, XfBulkEditDialog, scope_label);
  gtk_widget_class_bind_template_child (widget_class, XfBulkEditDialog, change_button);
  gtk_widget_class_bind_template_callback (widget_class, field_selected_cb);

  gtk_widget_class_install_action (widget_class, "bulk.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * XfBulkEditDialog::changed:
   * @n: the files changed
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
xf_bulk_edit_dialog_init (XfBulkEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->choice_row, "notify::selected", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->text_row, "changed", G_CALLBACK (update_state), self);
}

GtkWidget *
xf_bulk_edit_dialog_new (XfRegistry *registry,
                         GListModel *list,
                         GtkWidget  *parent)
{
  XfBulkEditDialog *self;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkRoot *root;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  self = g_object_new (XF_TYPE_BULK_EDIT_DIALOG, NULL);
  self->registry = g_object_ref (registry);
  self->list = g_object_ref (list);
  g_set_weak_pointer (&self->parent, parent);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_string_list_append (model, xf_pioneer_field_label (fields[i]));
  g_signal_handlers_block_by_func (self->field_row, field_selected_cb, self);
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (model));
  g_signal_handlers_unblock_by_func (self->field_row, field_selected_cb, self);
  g_signal_connect_object (list, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  field_selected_cb (self);
  /* The keyboard starts on the field, not on Cancel (once it has its
   * fields, and outside init, where the rows have no root to take it). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->field_row));
  return GTK_WIDGET (self);
}

void
xf_bulk_edit_dialog_set_value (XfBulkEditDialog *self,
                               const char       *field,
                               const char       *value)
{
  g_return_if_fail (XF_IS_BULK_EDIT_DIALOG (self));
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i], field))
      adw_combo_row_set_selected (self->field_row, i);
  if (self->options != NULL)
    adw_combo_row_set_selected (self->choice_row, xf_field_options_find (self->options, value));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), value != NULL ? value : "");
}

const char *
xf_bulk_edit_dialog_get_scope (XfBulkEditDialog *self)
{
  g_return_val_if_fail (XF_IS_BULK_EDIT_DIALOG (self), NULL);
  return gtk_label_get_label (self->scope_label);
}
