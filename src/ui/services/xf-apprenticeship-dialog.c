/* xf-apprenticeship-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-apprenticeship-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-apprenticeship-dialog.h"
#include "xf-clock.h"
#include "xf-pioneer-picker.h"
#include "xf-reason-dialog.h"
#include "xf-ui-util.h"

struct _XfApprenticeshipDialog
{
  AdwWindow            parent_instance;

  XfServices          *services;
  XfApprenticeship    *apprenticeship;   /* as last read; NULL before a new request */
  GtkWidget           *picker;
  GPtrArray           *info_rows;
  GPtrArray           *check_in_rows;

  /* Template widgets */
  GtkWidget           *close_button;
  GtkWidget           *request_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwPreferencesGroup *master_group;
  AdwEntryRow         *apprentice_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *employer_row;
  AdwEntryRow         *goal_row;
  AdwPreferencesGroup *info_group;
  GtkWidget           *accept_group;
  AdwEntryRow         *plan_row;
  AdwEntryRow         *ends_row;
  AdwPreferencesGroup *check_ins_group;
  GtkWidget           *check_in_group;
  AdwEntryRow         *check_in_date_row;
  AdwEntryRow         *check_in_note_row;
  GtkWidget           *complete_group;
  AdwEntryRow         *completion_row;
};

G_DEFINE_FINAL_TYPE (XfApprenticeshipDialog, xf_apprenticeship_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfApprenticeshipDialog *self,
            const char             *message)
{
  xf_error_revealer_show (self->error_revealer, self->error_label, message);
}

static void
clear_entry (AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/*
 * Showing an apprenticeship
 */

static void
add_info (XfApprenticeshipDialog *self,
          const char             *title,
          const char             *value)
{
  if (value != NULL && *value != '\0')
    xf_preferences_group_add_value_row (self->info_group, self->info_rows, title, value);
}

static void
fill_check_ins (XfApprenticeshipDialog *self)
{
  GPtrArray *check_ins = self->apprenticeship->check_ins;

  xf_preferences_group_clear_rows (self->check_ins_group, self->check_in_rows);
  adw_preferences_group_set_description (self->check_ins_group,
                                         check_ins == NULL || check_ins->len == 0
                                         ? _("No check-in yet.") : NULL);
  for (guint i = 0; check_ins != NULL && i < check_ins->len; i++)
    {
      XfCheckIn *check_in = g_ptr_array_index (check_ins, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check_in->on_date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), check_in->note);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, "check-in-row");
      xf_preferences_group_add_row (self->check_ins_group, self->check_in_rows, row);
    }
}

static void
fill_apprenticeship (XfApprenticeshipDialog *self)
{
  const XfApprenticeship *apprenticeship = self->apprenticeship;
  const char *status = apprenticeship->status;
  gboolean requested = g_strcmp0 (status, XF_APPRENTICESHIP_REQUESTED) == 0;
  gboolean accepted = g_strcmp0 (status, XF_APPRENTICESHIP_ACCEPTED) == 0;
  g_autofree char *title = NULL;
  g_autofree char *today = xf_clock_today_text ();

  /* Translators: the dialog's title, "李明, apprentice of 王建国" */
  title = g_strdup_printf (_("%s, apprentice of %s"), apprenticeship->apprentice_name,
                           apprenticeship->pioneer_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  xf_preferences_group_clear_rows (self->info_group, self->info_rows);
  add_info (self, _("Status"), xf_apprenticeship_status_label (status));
  add_info (self, _("Master"), apprenticeship->pioneer_name);
  add_info (self, _("Apprentice"), apprenticeship->apprentice_name);
  add_info (self, _("Contact"), apprenticeship->apprentice_contact);
  add_info (self, _("Employer"), apprenticeship->apprentice_employer);
  add_info (self, _("Goal"), apprenticeship->goal);
  add_info (self, _("Asked on"), apprenticeship->requested_on);
  add_info (self, _("Decided on"), apprenticeship->decided_on);
  add_info (self, _("Plan"), apprenticeship->plan);
  add_info (self, _("Ends on"), apprenticeship->ends_on);
  add_info (self, _("Reason for declining"), apprenticeship->decline_reason);
  add_info (self, _("Completed on"), apprenticeship->completed_on);
  add_info (self, _("Completion note"), apprenticeship->completion_note);
  fill_check_ins (self);

  gtk_widget_set_visible (self->accept_group, requested);
  gtk_widget_set_visible (GTK_WIDGET (self->check_ins_group), !requested);
  gtk_widget_set_visible (self->check_in_group, accepted);
  gtk_widget_set_visible (self->complete_group, accepted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.accept", requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.decline", requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.add-check-in", accepted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.complete", accepted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.request", FALSE);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->check_in_date_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->check_in_date_row), today);

  gtk_widget_set_visible (self->request_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->close_button), _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static gboolean
load_apprenticeship (XfApprenticeshipDialog *self,
                     gint64                  apprenticeship_id)
{
  g_autoptr(GError) error = NULL;
  XfApprenticeship *apprenticeship;

  apprenticeship = xf_services_get_apprenticeship (self->services, apprenticeship_id, &error);
  if (apprenticeship == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->apprenticeship, xf_apprenticeship_free);
  self->apprenticeship = apprenticeship;
  fill_apprenticeship (self);
  return TRUE;
}

/* After a step: clear the error and show what core now holds. */
static void
step_done (XfApprenticeshipDialog *self)
{
  show_error (self, NULL);
  load_apprenticeship (self, self->apprenticeship->id);
}

/*
 * Steps
 */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (widget);
  g_autofree char *plan = xf_entry_row_dup_text (self->plan_row);
  g_autofree char *ends_on = xf_entry_row_dup_text (self->ends_row);
  g_autoptr(GError) error = NULL;

  if (self->apprenticeship == NULL)
    return;
  if (!xf_services_accept_apprenticeship (self->services, self->apprenticeship->id, plan, ends_on, &error))
    {
      show_error (self, error->message);
      return;
    }
  step_done (self);
}

static void
decline_confirmed_cb (XfReasonDialog         *dialog,
                      const char             *response,
                      XfApprenticeshipDialog *self)
{
  g_autofree char *reason = xf_reason_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;

  if (self->apprenticeship == NULL)
    return;
  if (!xf_services_decline_apprenticeship (self->services, self->apprenticeship->id, reason, &error))
    {
      show_error (self, error->message);
      return;
    }
  step_done (self);
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->apprenticeship == NULL)
    return;
  /* Translators: the body of the dialog asking why a master declines */
  body = g_strdup_printf (_("%s will be told why %s cannot take him or her on."),
                          self->apprenticeship->apprentice_name, self->apprenticeship->pioneer_name);
  dialog = xf_reason_dialog_new (GTK_WINDOW (self), _("Decline the request?"), body, C_("apprenticeship", "_Decline"), TRUE);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (decline_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_check_in_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (widget);
  g_autofree char *on_date = xf_entry_row_dup_text (self->check_in_date_row);
  g_autofree char *note = xf_entry_row_dup_text (self->check_in_note_row);
  g_autoptr(GError) error = NULL;

  if (self->apprenticeship == NULL)
    return;
  if (!xf_services_add_check_in (self->services, self->apprenticeship->id, on_date, note, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_entry (self->check_in_note_row);
  step_done (self);
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (widget);
  g_autofree char *note = xf_entry_row_dup_text (self->completion_row);
  g_autoptr(GError) error = NULL;

  if (self->apprenticeship == NULL)
    return;
  if (!xf_services_complete_apprenticeship (self->services, self->apprenticeship->id, note, &error))
    {
      show_error (self, error->message);
      return;
    }
  step_done (self);
}

/*
 * A new request (我要拜师)
 */

static void
request_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (widget);
  g_autoptr(XfApprenticeship) apprenticeship = xf_apprenticeship_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  apprenticeship->pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->picker));
  if (apprenticeship->pioneer_id == 0)
    {
      show_error (self, _("Master: type a name and choose the pioneer from the list."));
      gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->picker)));
      return;
    }
  apprenticeship->apprentice_name = xf_entry_row_dup_text (self->apprentice_row);
  apprenticeship->apprentice_contact = xf_entry_row_dup_text (self->contact_row);
  apprenticeship->apprentice_employer = xf_entry_row_dup_text (self->employer_row);
  apprenticeship->goal = xf_entry_row_dup_text (self->goal_row);

  id = xf_services_request_apprenticeship (self->services, apprenticeship, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [CREATED], 0, id);
  load_apprenticeship (self, id);
}

static void
prepare_new (XfApprenticeshipDialog *self)
{
  self->picker = xf_pioneer_picker_new (xf_services_get_registry (self->services),
                                        _("Master's name"), TRUE);
  adw_preferences_group_add (self->master_group, self->picker);
  gtk_stack_set_visible_child_name (self->stack, "new");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->request_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.accept", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.decline", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.add-check-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apprenticeship-dialog.complete", FALSE);
}

/*
 * GObject
 */

static void
xf_apprenticeship_dialog_dispose (GObject *object)
{
  XfApprenticeshipDialog *self = XF_APPRENTICESHIP_DIALOG (object);

  g_clear_pointer (&self->info_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_in_rows, g_ptr_array_unref);
  g_clear_pointer (&self->apprenticeship, xf_apprenticeship_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_apprenticeship_dialog_parent_class)->dispose (object);
}

static void
xf_apprenticeship_dialog_class_init (XfApprenticeshipDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_apprenticeship_dialog_dispose;

  /**
   * XfApprenticeshipDialog::created:
   * @apprenticeship_id: the new request
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-apprenticeship-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, request_button);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, master_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, apprentice_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, info_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, accept_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, check_ins_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, check_in_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, check_in_date_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, check_in_note_row);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, complete_group);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipDialog, completion_row);

  gtk_widget_class_install_action (widget_class, "apprenticeship-dialog.request", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "apprenticeship-dialog.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "apprenticeship-dialog.decline", NULL, decline_action);
  gtk_widget_class_install_action (widget_class, "apprenticeship-dialog.add-check-in", NULL, add_check_in_action);
  gtk_widget_class_install_action (widget_class, "apprenticeship-dialog.complete", NULL, complete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_apprenticeship_dialog_init (XfApprenticeshipDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->info_rows = g_ptr_array_new ();
  self->check_in_rows = g_ptr_array_new ();
}

GtkWidget *
xf_apprenticeship_dialog_new (XfServices *services,
                              gint64      apprenticeship_id)
{
  XfApprenticeshipDialog *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_APPRENTICESHIP_DIALOG, NULL);
  self->services = g_object_ref (services);
  if (apprenticeship_id > 0)
    load_apprenticeship (self, apprenticeship_id);
  else
    prepare_new (self);
  return GTK_WIDGET (self);
}

gint64
xf_apprenticeship_dialog_get_apprenticeship_id (XfApprenticeshipDialog *self)
{
  g_return_val_if_fail (XF_IS_APPRENTICESHIP_DIALOG (self), 0);
  return self->apprenticeship != NULL ? self->apprenticeship->id : 0;
}

const char *
xf_apprenticeship_dialog_get_error (XfApprenticeshipDialog *self)
{
  g_return_val_if_fail (XF_IS_APPRENTICESHIP_DIALOG (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}
