/* xf-care-batch-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-batch-dialog"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batch-dialog.h"
#include "xf-care-form.h"
#include "xf-clock.h"
#include "xf-date-button.h"
#include "xf-ui-util.h"

typedef enum
{
  FIELD_PROGRAMME,
  FIELD_TITLE,
  FIELD_REFERENCE,
  FIELD_PLACES,
  FIELD_STARTS,
  FIELD_ENDS,
  FIELD_REPLY_BY,
  FIELD_PLACE,
  FIELD_NOTES,
  N_FIELDS
} Field;

struct _XfCareBatchDialog
{
  AdwWindow        parent_instance;

  XfCare          *care;
  XfCareBatch     *batch;          /* edited; NULL for a new one */
  GPtrArray       *programmes;     /* of XfCareProgramme, as the programme row lists them */
  char            *auto_title;     /* the title the dialog proposed, while not edited */
  XfCareField      fields[N_FIELDS];

  /* Template widgets */
  GtkLabel        *error_label;
  GtkWidget       *create_button;
  AdwComboRow     *programme_row;
  AdwEntryRow     *title_row;
  GtkWidget       *reference_row;
  XfDateButton    *reference_button;
  GtkWidget       *places_row;
  GtkSpinButton   *places_spin;
  GtkWidget       *starts_row;
  XfDateButton    *starts_button;
  GtkWidget       *ends_row;
  XfDateButton    *ends_button;
  GtkWidget       *reply_by_row;
  XfDateButton    *reply_by_button;
  AdwEntryRow     *place_row;
  AdwEntryRow     *notes_row;
};

G_DEFINE_FINAL_TYPE (XfCareBatchDialog, xf_care_batch_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const XfCareProgramme *
selected_programme (XfCareBatchDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->programme_row);

  if (self->programmes == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->programmes->len)
    return NULL;
  return g_ptr_array_index (self->programmes, selected);
}

static int
reference_year (XfCareBatchDialog *self)
{
  const char *date = xf_date_button_get_date (self->reference_button);

  if (date != NULL && strlen (date) >= 4)
    return atoi (date);
  return 0;
}

/* "Recuperation trip 2026", while the title is the dialog's own. */
static void
propose_title (XfCareBatchDialog *self)
{
  const XfCareProgramme *programme = selected_programme (self);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (programme == NULL || (*current != '\0' && g_strcmp0 (current, self->auto_title) != 0))
    return;
  g_free (self->auto_title);
  /* Translators: a new batch's title: the programme's name and the year */
  self->auto_title = g_strdup_printf (_("%s %d"), xf_care_programme_get_name (programme), reference_year (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->auto_title);
}

/* Create (and Enter) only with a programme and a title; the rest is
 * checked when it is pressed, beneath the fields. */
static void
update_valid (XfCareBatchDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean has_programme = self->batch != NULL
                           || (self->programmes != NULL
                               && adw_combo_row_get_selected (self->programme_row) < self->programmes->len);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch-dialog.create", has_programme && *title != '\0');
}

static void
programme_changed_cb (XfCareBatchDialog *self)
{
  propose_title (self);
  update_valid (self);
}

gint64
xf_care_batch_dialog_create (XfCareBatchDialog *self)
{
  g_autoptr(XfCareBatch) batch = xf_care_batch_new ();
  g_autoptr(GError) error = NULL;
  const XfCareProgramme *programme;
  gint64 id;

  g_return_val_if_fail (XF_IS_CARE_BATCH_DIALOG (self), 0);

  if (self->batch != NULL)
    {
      xf_care_batch_free (batch);
      batch = xf_care_batch_copy (self->batch);
      g_clear_pointer (&batch->title, g_free);
      g_clear_pointer (&batch->reference_on, g_free);
      g_clear_pointer (&batch->starts_on, g_free);
      g_clear_pointer (&batch->ends_on, g_free);
      g_clear_pointer (&batch->reply_by, g_free);
      g_clear_pointer (&batch->place, g_free);
      g_clear_pointer (&batch->notes, g_free);
    }
  else
    {
      programme = selected_programme (self);
      batch->programme_code = g_strdup (programme != NULL ? programme->code : NULL);
    }
  batch->title = xf_entry_row_dup_text (self->title_row);
  batch->reference_on = g_strdup (xf_date_button_get_date (self->reference_button));
  batch->year = reference_year (self);
  batch->places = gtk_spin_button_get_value_as_int (self->places_spin);
  batch->starts_on = g_strdup (xf_date_button_get_date (self->starts_button));
  batch->ends_on = g_strdup (xf_date_button_get_date (self->ends_button));
  batch->reply_by = g_strdup (xf_date_button_get_date (self->reply_by_button));
  batch->place = xf_entry_row_dup_optional (self->place_row);
  batch->notes = xf_entry_row_dup_optional (self->notes_row);

  if (self->batch != NULL)
    id = xf_care_update_batch (self->care, batch, &error) ? batch->id : 0;
  else
    id = xf_care_create_batch (self->care, batch, &error);
  if (id <= 0)
    {
      xf_care_fields_show_error (self->fields, N_FIELDS, self->error_label,
                                 error != NULL ? error->message : _("The batch was refused"));
      return 0;
    }
  xf_care_fields_clear (self->fields, N_FIELDS, self->error_label);
  g_signal_emit (self, signals [CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return id;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xf_care_batch_dialog_create (XF_CARE_BATCH_DIALOG (widget));
}

static void
xf_care_batch_dialog_dispose (GObject *object)
{
  XfCareBatchDialog *self = XF_CARE_BATCH_DIALOG (object);

  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_pointer (&self->batch, xf_care_batch_free);
  g_clear_pointer (&self->auto_title, g_free);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_batch_dialog_parent_class)->dispose (object);
}

static void
xf_care_batch_dialog_class_init (XfCareBatchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_batch_dialog_dispose;

  /**
   * XfCareBatchDialog::created:
   * @batch_id: the new batch
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (XF_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-batch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, reference_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, places_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, places_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, starts_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, ends_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, reply_by_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, reply_by_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, programme_changed_cb);

  gtk_widget_class_bind_template_callback (widget_class, update_valid);
  gtk_widget_class_install_action (widget_class, "batch-dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_care_batch_dialog_init (XfCareBatchDialog *self)
{
  g_autofree char *today = xf_clock_today_text ();

  gtk_widget_init_template (GTK_WIDGET (self));
  xf_date_button_set_date (self->reference_button, today);
  xf_date_button_set_placeholder (self->starts_button, _("Not set"));
  xf_date_button_set_placeholder (self->ends_button, _("Not set"));
  xf_date_button_set_placeholder (self->reply_by_button, _("Not set"));
  g_signal_connect_object (self->reference_button, "notify::date", G_CALLBACK (propose_title), self,
                           G_CONNECT_SWAPPED);
}

static void
attach_fields (XfCareBatchDialog *self)
{
  const XfCareField fields[N_FIELDS] = {
    [FIELD_PROGRAMME] = { "programme", { N_("Programme") }, GTK_WIDGET (self->programme_row) },
    [FIELD_TITLE]     = { "title", { N_("Title") }, GTK_WIDGET (self->title_row) },
    [FIELD_REFERENCE] = { "reference", { N_("Reference date"), N_("Reference") }, self->reference_row },
    [FIELD_PLACES]    = { "places", { N_("Places"), N_("Budget"), N_("Quota") }, self->places_row },
    [FIELD_STARTS]    = { "starts", { N_("Starts"), N_("Starts on"), N_("Start date") }, self->starts_row },
    [FIELD_ENDS]      = { "ends", { N_("Ends"), N_("Ends on"), N_("End date") }, self->ends_row },
    [FIELD_REPLY_BY]  = { "reply-by", { N_("Reply by") }, self->reply_by_row },
    [FIELD_PLACE]     = { "place", { N_("Place") }, GTK_WIDGET (self->place_row) },
    [FIELD_NOTES]     = { "notes", { N_("Notes") }, GTK_WIDGET (self->notes_row) },
  };

  memcpy (self->fields, fields, sizeof fields);
  xf_care_fields_attach (self->fields, N_FIELDS);
}

GtkWidget *
xf_care_batch_dialog_new (GtkWindow  *parent,
                          XfCare     *care,
                          const char *programme_code)
{
  XfCareBatchDialog *self;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_BATCH_DIALOG, "transient-for", parent, NULL);
  self->care = g_object_ref (care);
  attach_fields (self);

  self->programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_programme_free);
  all = xf_care_list_programmes (care, FALSE, &error);
  if (all == NULL)
    xf_care_fields_show_at (self->fields, N_FIELDS, self->error_label, -1, error->message);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      XfCareProgramme *programme = g_ptr_array_index (all, i);

      if (!programme->active)
        continue;
      if (g_strcmp0 (programme->code, programme_code) == 0)
        selected = self->programmes->len;
      gtk_string_list_append (model, xf_care_programme_get_name (programme));
      g_ptr_array_add (self->programmes, xf_care_programme_copy (programme));
    }
  g_signal_handlers_block_matched (self->programme_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_model (self->programme_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->programme_row, selected);
  g_signal_handlers_unblock_matched (self->programme_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  propose_title (self);
  update_valid (self);
  /* The first field to type in, not Cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

GtkWidget *
xf_care_batch_dialog_new_edit (GtkWindow         *parent,
                               XfCare            *care,
                               const XfCareBatch *batch)
{
  XfCareBatchDialog *self;
  const char *name;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);
  g_return_val_if_fail (batch != NULL, NULL);

  self = XF_CARE_BATCH_DIALOG (xf_care_batch_dialog_new (parent, care, batch->programme_code));
  self->batch = xf_care_batch_copy (batch);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit batch"));
  gtk_button_set_label (GTK_BUTTON (self->create_button), _("_Save"));
  /* The programme and the reference date made the list: they stay. */
  name = batch->programme_name != NULL ? batch->programme_name : batch->programme_code;
  {
    g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

    gtk_string_list_append (model, name);
    g_signal_handlers_block_matched (self->programme_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    adw_combo_row_set_model (self->programme_row, G_LIST_MODEL (model));
    g_signal_handlers_unblock_matched (self->programme_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->programme_row), FALSE);
  gtk_widget_set_sensitive (self->reference_row, FALSE);
  g_clear_pointer (&self->auto_title, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), batch->title != NULL ? batch->title : "");
  xf_date_button_set_date (self->reference_button, batch->reference_on);
  gtk_spin_button_set_value (self->places_spin, batch->places);
  xf_date_button_set_date (self->starts_button, batch->starts_on);
  xf_date_button_set_date (self->ends_button, batch->ends_on);
  xf_date_button_set_date (self->reply_by_button, batch->reply_by);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), batch->place != NULL ? batch->place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), batch->notes != NULL ? batch->notes : "");
  update_valid (self);
  return GTK_WIDGET (self);
}
