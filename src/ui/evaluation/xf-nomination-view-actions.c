/* xf-nomination-view-actions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-nomination-dialog.h"
#include "xf-nomination-view-private.h"
#include "xf-reason-dialog.h"
#include "xf-stored-file.h"
#include "xf-ui-util.h"

/*
 * The stage actions as buttons, in the order they show. Those with a
 * heading ask first: for a reason when the workflow needs one, else for
 * a confirmation. Closing the public notice has no button: the notice
 * board closes a notice when its period has run (xf-notice-board.h).
 */
typedef struct
{
  XfAction    action;
  const char *label;
  const char *style;
  const char *heading;
  const char *body;
  const char *confirm;
  gboolean    destructive;
  const char *done;
} ActionInfo;

static const ActionInfo action_infos[] = {
  { XF_ACTION_SUBMIT, N_("_Submit"), "suggested-action",
    NULL, NULL, NULL, FALSE, N_("Nomination submitted") },
  { XF_ACTION_RESUBMIT, N_("_Resubmit"), "suggested-action",
    NULL, NULL, NULL, FALSE, N_("Nomination submitted again") },
  { XF_ACTION_PASS_PRELIMINARY, N_("_Pass preliminary review"), "suggested-action",
    NULL, NULL, NULL, FALSE, N_("Preliminary review passed") },
  { XF_ACTION_CONFER, N_("_Confer"), "suggested-action",
    N_("Confer the honour?"),
    N_("The honour is added to the candidate's personal file, which raises the tier and "
       "the name card. This ends the nomination."),
    N_("_Confer"), FALSE, N_("Honour conferred") },
  { XF_ACTION_RETURN, N_("Return for _revision…"), NULL,
    N_("Return for revision?"),
    N_("The nominating unit revises the nomination and submits it again; the time it "
       "spends with the unit is not counted against the promise. Say what needs to change."),
    N_("_Return"), FALSE, N_("Nomination returned for revision") },
  { XF_ACTION_REJECT, N_("Re_ject…"), "destructive-action",
    N_("Reject the nomination?"),
    N_("Rejecting ends the nomination at the preliminary review. Say why."),
    N_("Re_ject"), TRUE, N_("Nomination rejected") },
  { XF_ACTION_DECLINE, N_("_Decline…"), "destructive-action",
    N_("Decline the honour?"),
    N_("The honour is not conferred and the nomination ends. Say why."),
    N_("_Decline"), TRUE, N_("Honour declined") },
  { XF_ACTION_WITHDRAW, N_("_Withdraw…"), NULL,
    N_("Withdraw the nomination?"),
    N_("The nomination is withdrawn at the nominating unit's request and ends. Say why."),
    N_("_Withdraw"), TRUE, N_("Nomination withdrawn") },
};

static const ActionInfo *
find_info (XfAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_infos); i++)
    if (action_infos[i].action == action)
      return &action_infos[i];
  return NULL;
}

static gboolean
allowed_has (GArray   *allowed,
             XfAction  action)
{
  for (guint i = 0; allowed != NULL && i < allowed->len; i++)
    if (g_array_index (allowed, XfAction, i) == action)
      return TRUE;
  return FALSE;
}

void
_xf_nomination_view_fill_actions (XfNominationView *self,
                                  GArray           *allowed)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions_box), child);

  for (guint i = 0; i < G_N_ELEMENTS (action_infos); i++)
    {
      const ActionInfo *info = &action_infos[i];
      GtkWidget *button;

      if (!allowed_has (allowed, info->action))
        continue;
      button = gtk_button_new_with_mnemonic (_(info->label));
      gtk_widget_set_name (button, xf_action_to_string (info->action));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "nomination.act");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        xf_action_to_string (info->action));
      if (info->style != NULL)
        gtk_widget_add_css_class (button, info->style);
      gtk_box_append (GTK_BOX (self->actions_box), button);
      any = TRUE;
    }
  gtk_widget_set_visible (self->actions_box, any);
}

static void
clear_error (XfNominationView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
act (XfNominationView *self,
     XfAction          action,
     const char       *reason)
{
  const ActionInfo *info = find_info (action);
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (!xf_evaluation_act (self->evaluation, self->nomination_id, action, reason, &error))
    {
      _xf_nomination_view_show_error (self, error);
      return;
    }
  if (info != NULL)
    _xf_nomination_view_show_toast (self, _(info->done));
}

static void
act_confirmed_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  XfNominationView *self)
{
  XfAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "action"));
  g_autofree char *reason = NULL;

  if (XF_IS_REASON_DIALOG (dialog))
    reason = xf_reason_dialog_dup_reason (XF_REASON_DIALOG (dialog));
  act (self, action, reason);
}

static void
act_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  const ActionInfo *info;
  GtkWidget *dialog;
  XfAction action;

  if (self->nomination == NULL ||
      !xf_action_from_string (g_variant_get_string (param, NULL), &action))
    return;

  info = find_info (action);
  if (info == NULL || info->heading == NULL)
    {
      act (self, action, NULL);
      return;
    }

  if (xf_action_needs_reason (action))
    dialog = xf_reason_dialog_new (xf_widget_get_window (widget), _(info->heading), _(info->body),
                                   _(info->confirm), info->destructive);
  else
    {
      dialog = adw_message_dialog_new (xf_widget_get_window (widget), _(info->heading), _(info->body));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "confirm", _(info->confirm),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                                  info->destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                                    : ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  g_object_set_data (G_OBJECT (dialog), "action", GINT_TO_POINTER (action));
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (act_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  GtkWidget *dialog;

  if (self->nomination == NULL)
    return;
  dialog = xf_nomination_dialog_new_for_nomination (self->evaluation, self->nomination_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Preliminary checklist and joint vetting
 */

void
_xf_nomination_view_checklist_toggled (XfNominationView *self)
{
  g_autoptr(GArray) ticked = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->checklist_rows->len; i++)
    {
      GtkWidget *check = g_object_get_data (g_ptr_array_index (self->checklist_rows, i), "check");
      gboolean active = gtk_check_button_get_active (GTK_CHECK_BUTTON (check));

      g_array_append_val (ticked, active);
    }

  clear_error (self);
  if (!xf_evaluation_set_checklist (self->evaluation, self->nomination_id, ticked, &error))
    {
      /* Show the ticks as stored, then why the change was refused. */
      xf_nomination_view_refresh (self);
      _xf_nomination_view_show_error (self, error);
    }
}

static void
clear_vetting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (!xf_evaluation_sign_off (self->evaluation, self->nomination_id,
                               g_variant_get_string (param, NULL), FALSE, NULL, &error))
    _xf_nomination_view_show_error (self, error);
  else
    _xf_nomination_view_show_toast (self, _("Vetting cleared"));
}

static void
veto_confirmed_cb (XfReasonDialog   *dialog,
                   const char       *response,
                   XfNominationView *self)
{
  const char *department = g_object_get_data (G_OBJECT (dialog), "department");
  g_autofree char *reason = xf_reason_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (!xf_evaluation_sign_off (self->evaluation, self->nomination_id, department, TRUE, reason,
                               &error))
    _xf_nomination_view_show_error (self, error);
  else
    _xf_nomination_view_show_toast (self, _("Nomination vetoed"));
}

static void
veto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  const char *department = g_variant_get_string (param, NULL);
  GtkWidget *dialog;

  if (self->nomination == NULL)
    return;
  dialog = xf_reason_dialog_new (xf_widget_get_window (widget), _("Veto the nomination?"),
                                 _("One veto stops the nomination for good, with the reason on "
                                   "record. Say why."),
                                 _("_Veto"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "department", g_strdup (department), g_free);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (veto_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Materials: read in a worker (files may be large), written by core on
 * the main thread as every other write.
 */

/* The file goes to the nomination shown when it was chosen. */
static void
material_read_cb (GObject                *owner,
                  gint64                  nomination_id,
                  const XfStoredFileRead *read)
{
  XfNominationView *self = XF_NOMINATION_VIEW (owner);
  g_autoptr(GError) error = NULL;

  if (read->content == NULL)
    {
      _xf_nomination_view_show_error (self, read->error);
      return;
    }
  if (!xf_evaluation_add_material (self->evaluation, nomination_id, read->name,
                                   read->content_type, read->content, &error))
    {
      _xf_nomination_view_show_error (self, error);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("“%s” added"), read->name);

    _xf_nomination_view_show_toast (self, text);
  }
}

void
xf_nomination_view_add_material_file (XfNominationView *self,
                                      GFile            *file)
{
  g_return_if_fail (XF_IS_NOMINATION_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->nomination_id == 0)
    return;
  clear_error (self);
  xf_stored_file_read_for (file, XF_STORED_FILE_MATERIAL, G_OBJECT (self), self->nomination_id,
                           self->cancellable, material_read_cb);
}

static void
add_material_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  xf_stored_file_choose (widget, _("Add materials"), _("_Add"),
                         (void (*) (GtkWidget *, GFile *)) xf_nomination_view_add_material_file);
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         XfNominationView *self)
{
  GSList *files = g_value_get_boxed (value);

  if (!gtk_widget_get_visible (self->add_material_button))
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    xf_nomination_view_add_material_file (self, l->data);
  return files != NULL;
}

void
_xf_nomination_view_setup_drop (XfNominationView *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->materials_group), GTK_EVENT_CONTROLLER (target));
}

static const XfMaterial *
find_material (XfNominationView *self,
               gint64            material_id)
{
  for (guint i = 0; self->materials != NULL && i < self->materials->len; i++)
    {
      const XfMaterial *material = g_ptr_array_index (self->materials, i);

      if (material->id == material_id)
        return material;
    }
  return NULL;
}

/* The view may have gone while the application started. */
static void
open_failed_cb (GtkWidget    *widget,
                const GError *error)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);

  if (self->evaluation != NULL)
    _xf_nomination_view_show_error (self, error);
}

static void
open_material_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  const XfMaterial *material = find_material (self, g_variant_get_int64 (param));
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;

  if (material == NULL)
    return;
  clear_error (self);
  content = xf_evaluation_read_material (self->evaluation, material->id, &error);
  if (content == NULL)
    _xf_nomination_view_show_error (self, error);
  else
    xf_stored_file_open_for (widget, XF_STORED_FILE_MATERIAL, material->file_name, material->sha256,
                             content, self->cancellable, open_failed_cb);
}

static void
remove_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     XfNominationView *self)
{
  gint64 material_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "material-id");
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (!xf_evaluation_remove_material (self->evaluation, material_id, &error))
    _xf_nomination_view_show_error (self, error);
}

static void
remove_material_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);
  const XfMaterial *material = find_material (self, g_variant_get_int64 (param));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (material == NULL)
    return;
  body = g_strdup_printf (_("“%s” is removed from the nomination."), material->file_name);
  dialog = xf_confirm_dialog_new (widget, _("Remove the material?"), body,
                                  _("_Cancel"), "remove", _("_Remove"));
  g_object_set_data_full (G_OBJECT (dialog), "material-id",
                          g_memdup2 (&material->id, sizeof material->id), g_free);
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (remove_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_xf_nomination_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "nomination.act", "s", act_action);
  gtk_widget_class_install_action (widget_class, "nomination.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "nomination.clear-vetting", "s", clear_vetting_action);
  gtk_widget_class_install_action (widget_class, "nomination.veto", "s", veto_action);
  gtk_widget_class_install_action (widget_class, "nomination.add-material", NULL, add_material_action);
  gtk_widget_class_install_action (widget_class, "nomination.open-material", "x", open_material_action);
  gtk_widget_class_install_action (widget_class, "nomination.remove-material", "x",
                                   remove_material_action);
}
