/* xf-activity-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-activity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-activity-dialog.h"
#include "xf-clock.h"
#include "xf-pioneer-picker.h"
#include "xf-reason-dialog.h"
#include "xf-ui-util.h"

static const char * const kinds[] = { XF_ACTIVITY_LECTURE, XF_ACTIVITY_SKILL };

struct _XfActivityDialog
{
  AdwWindow            parent_instance;

  XfServices          *services;
  XfActivity          *activity;     /* as last read; NULL before creating */
  GtkWidget           *picker;
  GPtrArray           *info_rows;
  GPtrArray           *participant_rows;
  gboolean             filling;      /* check buttons set from the record */
  guint                reload_id;

  /* Template widgets */
  GtkWidget           *close_button;
  GtkWidget           *create_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwPreferencesGroup *initiator_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *region_row;
  GtkSpinButton       *capacity_spin;
  AdwEntryRow         *description_row;
  AdwPreferencesGroup *info_group;
  AdwPreferencesGroup *participants_group;
  GtkWidget           *join_group;
  GtkWidget           *steps_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *contact_row;
};

G_DEFINE_FINAL_TYPE (XfActivityDialog, xf_activity_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfActivityDialog *self,
            const char       *message)
{
  xf_error_revealer_show (self->error_revealer, self->error_label, message);
}

/*
 * Showing an activity
 */

static void
add_info (XfActivityDialog *self,
          const char       *title,
          const char       *value)
{
  xf_preferences_group_add_value_row (self->info_group, self->info_rows, title, value);
}

static void     attendance_toggled_cb (XfActivityDialog *self,
                                       GtkCheckButton   *check);
static gboolean reload_cb             (gpointer          data);

static void
fill_participants (XfActivityDialog *self)
{
  GPtrArray *participants = self->activity->participants;
  gboolean cancelled = g_strcmp0 (self->activity->status, XF_ACTIVITY_CANCELLED) == 0;
  g_autofree char *description = NULL;

  xf_preferences_group_clear_rows (self->participants_group, self->participant_rows);
  if (participants == NULL || participants->len == 0)
    description = g_strdup (_("Nobody has joined yet."));
  else
    /* Translators: participants who attended, of those who joined */
    description = g_strdup_printf (_("%u of %u attended"), self->activity->n_attended,
                                   self->activity->n_participants);
  adw_preferences_group_set_description (self->participants_group, description);

  self->filling = TRUE;
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      XfParticipant *participant = g_ptr_array_index (participants, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new_with_label (_("Attended"));
      g_autofree char *label = g_strdup_printf (_("%s attended"), participant->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), participant->name);
      if (participant->contact != NULL && *participant->contact != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), participant->contact);
      gtk_widget_set_name (row, "participant-row");

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, "attendance-check");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), participant->attended == 1);
      gtk_widget_set_sensitive (check, !cancelled);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (check), "participant-id", GSIZE_TO_POINTER ((gsize) participant->id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (attendance_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      xf_preferences_group_add_row (self->participants_group, self->participant_rows, row);
    }
  self->filling = FALSE;
}

static void
fill_activity (XfActivityDialog *self)
{
  const XfActivity *activity = self->activity;
  gboolean planned = g_strcmp0 (activity->status, XF_ACTIVITY_PLANNED) == 0;
  g_autofree char *when = NULL;
  g_autofree char *places = NULL;

  gtk_window_set_title (GTK_WINDOW (self), activity->title);
  xf_preferences_group_clear_rows (self->info_group, self->info_rows);
  if (activity->start_time != NULL && *activity->start_time != '\0')
    when = g_strdup_printf ("%s %s", activity->held_on, activity->start_time);
  else
    when = g_strdup (activity->held_on);
  places = activity->capacity > 0 ? g_strdup_printf ("%d", activity->capacity) : g_strdup (_("No limit"));

  add_info (self, _("Kind"), xf_activity_kind_label (activity->kind));
  add_info (self, _("Initiator"), activity->pioneer_name);
  add_info (self, _("When"), when);
  add_info (self, _("Place"), activity->place);
  add_info (self, _("Places"), places);
  add_info (self, _("Status"), xf_activity_status_label (activity->status));
  if (activity->cancel_reason != NULL && *activity->cancel_reason != '\0')
    add_info (self, _("Reason for cancelling"), activity->cancel_reason);
  if (activity->description != NULL && *activity->description != '\0')
    add_info (self, _("Description"), activity->description);
  fill_participants (self);

  gtk_widget_set_visible (self->join_group, planned);
  gtk_widget_set_visible (self->steps_group, planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.add-participant", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.mark-held", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.cancel", planned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.create", FALSE);
  gtk_widget_set_visible (self->create_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->close_button), _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static gboolean
load_activity (XfActivityDialog *self,
               gint64            activity_id)
{
  g_autoptr(GError) error = NULL;
  XfActivity *activity = xf_services_get_activity (self->services, activity_id, &error);

  if (activity == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->activity, xf_activity_free);
  self->activity = activity;
  fill_activity (self);
  return TRUE;
}

/*
 * Steps
 */

/* After a step: clear the error and show what core now holds. */
static void
step_done (XfActivityDialog *self)
{
  show_error (self, NULL);
  load_activity (self, self->activity->id);
}

static gboolean
reload_cb (gpointer data)
{
  XfActivityDialog *self = data;

  self->reload_id = 0;
  if (self->activity != NULL)
    load_activity (self, self->activity->id);
  return G_SOURCE_REMOVE;
}

static void
attendance_toggled_cb (XfActivityDialog *self,
                       GtkCheckButton   *check)
{
  gint64 participant_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "participant-id"));
  gboolean attended = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!xf_services_set_attendance (self->services, participant_id, attended, &error))
    {
      show_error (self, error->message);
      /* Undo the click: the check shows what is stored. */
      self->filling = TRUE;
      gtk_check_button_set_active (check, !attended);
      self->filling = FALSE;
      return;
    }
  show_error (self, NULL);
  /* The counts change: read again once the toggle is over, since that
   * rebuilds the check buttons. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XfActivityDialog *self = XF_ACTIVITY_DIALOG (widget);
  g_autofree char *name = xf_entry_row_dup_text (self->name_row);
  g_autofree char *contact = xf_entry_row_dup_optional (self->contact_row);
  g_autoptr(GError) error = NULL;

  if (self->activity == NULL)
    return;
  if (xf_services_add_participant (self->services, self->activity->id, name, contact, 0, &error) <= 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), "");
  load_activity (self, self->activity->id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfActivityDialog *self = XF_ACTIVITY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->activity == NULL)
    return;
  if (!xf_services_mark_activity_held (self->services, self->activity->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  step_done (self);
}

static void
cancel_confirmed_cb (XfReasonDialog   *dialog,
                     const char       *response,
                     XfActivityDialog *self)
{
  g_autofree char *reason = xf_reason_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;

  if (self->activity == NULL)
    return;
  if (!xf_services_cancel_activity (self->services, self->activity->id, reason, &error))
    {
      show_error (self, error->message);
      return;
    }
  step_done (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfActivityDialog *self = XF_ACTIVITY_DIALOG (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->activity == NULL)
    return;
  /* Translators: the body of the dialog asking why an activity is cancelled */
  body = g_strdup_printf (_("The participants of “%s” should be told. Why is it cancelled?"),
                          self->activity->title);
  dialog = xf_reason_dialog_new (GTK_WINDOW (self), _("Cancel activity?"), body, _("Cancel _activity"), TRUE);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (cancel_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * A new activity
 */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfActivityDialog *self = XF_ACTIVITY_DIALOG (widget);
  g_autoptr(XfActivity) activity = xf_activity_new ();
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gint64 id;

  activity->pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->picker));
  if (activity->pioneer_id == 0)
    {
      show_error (self, _("Initiator: type a name and choose the pioneer from the list."));
      gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->picker)));
      return;
    }
  g_free (activity->kind);
  activity->kind = g_strdup (kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)]);
  activity->title = xf_entry_row_dup_text (self->title_row);
  activity->held_on = xf_entry_row_dup_text (self->date_row);
  activity->start_time = xf_entry_row_dup_text (self->time_row);
  activity->place = xf_entry_row_dup_text (self->place_row);
  activity->region_code = xf_entry_row_dup_optional (self->region_row);
  activity->capacity = gtk_spin_button_get_value_as_int (self->capacity_spin);
  activity->description = xf_entry_row_dup_text (self->description_row);

  id = xf_services_create_activity (self->services, activity, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [CREATED], 0, id);
  load_activity (self, id);
}

static void
prepare_new (XfActivityDialog *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autofree char *today = xf_clock_today_text ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, xf_activity_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  self->picker = xf_pioneer_picker_new (xf_services_get_registry (self->services),
                                        _("Pioneer's name"), FALSE);
  adw_preferences_group_add (self->initiator_group, self->picker);
  gtk_stack_set_visible_child_name (self->stack, "new");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.add-participant", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.mark-held", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity-dialog.cancel", FALSE);
}

/*
 * GObject
 */

static void
xf_activity_dialog_dispose (GObject *object)
{
  XfActivityDialog *self = XF_ACTIVITY_DIALOG (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->info_rows, g_ptr_array_unref);
  g_clear_pointer (&self->participant_rows, g_ptr_array_unref);
  g_clear_pointer (&self->activity, xf_activity_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_activity_dialog_parent_class)->dispose (object);
}

static void
xf_activity_dialog_class_init (XfActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_activity_dialog_dispose;

  /**
   * XfActivityDialog::created:
   * @activity_id: the new activity
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, initiator_group);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, info_group);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, participants_group);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, join_group);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, steps_group);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XfActivityDialog, contact_row);

  gtk_widget_class_install_action (widget_class, "activity-dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "activity-dialog.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "activity-dialog.mark-held", NULL, mark_held_action);
  gtk_widget_class_install_action (widget_class, "activity-dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_activity_dialog_init (XfActivityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->info_rows = g_ptr_array_new ();
  self->participant_rows = g_ptr_array_new ();
}

GtkWidget *
xf_activity_dialog_new (XfServices *services,
                        gint64      activity_id)
{
  XfActivityDialog *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_ACTIVITY_DIALOG, NULL);
  self->services = g_object_ref (services);
  if (activity_id > 0)
    load_activity (self, activity_id);
  else
    prepare_new (self);
  return GTK_WIDGET (self);
}

gint64
xf_activity_dialog_get_activity_id (XfActivityDialog *self)
{
  g_return_val_if_fail (XF_IS_ACTIVITY_DIALOG (self), 0);
  return self->activity != NULL ? self->activity->id : 0;
}

const char *
xf_activity_dialog_get_error (XfActivityDialog *self)
{
  g_return_val_if_fail (XF_IS_ACTIVITY_DIALOG (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}
