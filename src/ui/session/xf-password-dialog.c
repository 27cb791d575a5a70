/* xf-password-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-new-password.h"
#include "xf-password-dialog.h"
#include "xf-session-form.h"
#include "xf-session-tasks.h"

struct _XfPasswordDialog
{
  AdwWindow       parent_instance;

  XfAccounts     *accounts;
  XfAccount      *account;
  GCancellable   *cancellable;   /* the change under way, if any */
  gboolean        required;
  gboolean        changed;
  gboolean        done;          /* "done" emitted */

  /* Template widgets */
  GtkLabel       *intro_label;
  AdwEntryRow    *current_row;
  XfNewPassword  *new_password;
  GtkLabel       *error_label;
  GtkWidget      *change_button;
  GtkWidget      *cancel_button;
  GtkSpinner     *spinner;
};

G_DEFINE_FINAL_TYPE (XfPasswordDialog, xf_password_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_actions (XfPasswordDialog *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.change",
                                 !busy && current[0] != '\0' &&
                                 xf_new_password_get_valid (self->new_password));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.cancel", !busy);
}

static void
set_busy (XfPasswordDialog *self,
          gboolean          busy)
{
  xf_session_form_set_busy (GTK_WIDGET (self), &self->cancellable, busy, self->spinner,
                            GTK_WIDGET (self->current_row),
                            GTK_WIDGET (self->new_password),
                            NULL);
  update_actions (self);
}

/* Once, whichever way the dialog goes. */
static void
finish (XfPasswordDialog *self)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_signal_emit (self, signals [DONE], 0, self->changed);
}

static void
field_changed_cb (XfPasswordDialog *self)
{
  g_assert (XF_IS_PASSWORD_DIALOG (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->current_row), "error");
  update_actions (self);
}

static void
current_activated_cb (XfPasswordDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_password));
}

static void
new_activated_cb (XfPasswordDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "password.change", NULL);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XfPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = xf_session_change_password_finish (result, &error);

  if (xf_session_form_is_abandoned (self->cancellable))
    return;
  set_busy (self, FALSE);

  if (ok)
    {
      self->changed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    {
      xf_session_form_set_error (self->error_label, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
      gtk_widget_add_css_class (GTK_WIDGET (self->current_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
    }
  else
    /* Core's message: the new password refused and why, or a lockout. */
    xf_session_form_set_error (self->error_label, error->message);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfPasswordDialog *self = XF_PASSWORD_DIALOG (widget);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));

  if (self->cancellable != NULL || current[0] == '\0' ||
      !xf_new_password_get_valid (self->new_password))
    return;

  xf_session_form_set_error (self->error_label, NULL);
  set_busy (self, TRUE);
  xf_session_change_password_async (self->accounts, self->account, current,
                                    xf_new_password_get_password (self->new_password),
                                    self->cancellable, changed_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A change under way is let finish: closing then would leave the person
 * not knowing which password holds. */
static gboolean
xf_password_dialog_close_request (GtkWindow *window)
{
  XfPasswordDialog *self = XF_PASSWORD_DIALOG (window);

  if (self->cancellable != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (xf_password_dialog_parent_class)->close_request (window);
}

static void
xf_password_dialog_dispose (GObject *object)
{
  XfPasswordDialog *self = XF_PASSWORD_DIALOG (object);

  finish (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (xf_password_dialog_parent_class)->dispose (object);
}

static void
xf_password_dialog_class_init (XfPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xf_password_dialog_dispose;
  window_class->close_request = xf_password_dialog_close_request;

  /**
   * XfPasswordDialog::done:
   * @changed: whether the password was changed
   *
   * The dialog is going away.
   */
  signals [DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/session/xf-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, new_password);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfPasswordDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_activated_cb);

  gtk_widget_class_install_action (widget_class, "password.change", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "password.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "password.cancel", NULL);

  g_type_ensure (XF_TYPE_NEW_PASSWORD);
}

static void
xf_password_dialog_init (XfPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
xf_password_dialog_new (XfAccounts *accounts,
                        XfAccount  *account,
                        gboolean    required)
{
  XfPasswordDialog *self;

  g_return_val_if_fail (XF_IS_ACCOUNTS (accounts), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), NULL);

  self = g_object_new (XF_TYPE_PASSWORD_DIALOG, NULL);
  self->accounts = g_object_ref (accounts);
  self->account = g_object_ref (account);
  self->required = !!required;
  xf_new_password_set_login (self->new_password, xf_account_get_login (account));
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), self->required);
  if (self->required)
    gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("Sign _Out"));
  return GTK_WIDGET (self);
}

gboolean
xf_password_dialog_get_required (XfPasswordDialog *self)
{
  g_return_val_if_fail (XF_IS_PASSWORD_DIALOG (self), FALSE);
  return self->required;
}

const char *
xf_password_dialog_get_error (XfPasswordDialog *self)
{
  g_return_val_if_fail (XF_IS_PASSWORD_DIALOG (self), NULL);
  return xf_session_form_get_error (self->error_label);
}

gboolean
xf_password_dialog_get_busy (XfPasswordDialog *self)
{
  g_return_val_if_fail (XF_IS_PASSWORD_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
