/* xf-lock-screen.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-lock-screen"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-lock-screen.h"
#include "xf-lockout-countdown.h"
#include "xf-session-form.h"
#include "xf-session-tasks.h"

struct _XfLockScreen
{
  GtkWidget           parent_instance;

  XfAccounts         *accounts;
  XfAccount          *account;
  GCancellable       *cancellable;   /* the check under way, if any */

  /* Template widgets */
  AdwAvatar          *avatar;
  GtkLabel           *name_label;
  AdwEntryRow        *password_row;
  GtkLabel           *error_label;
  XfLockoutCountdown *countdown;
  GtkWidget          *unlock_button;
  GtkSpinner         *spinner;
  GtkWidget          *sign_out_button;
};

G_DEFINE_FINAL_TYPE (XfLockScreen, xf_lock_screen, GTK_TYPE_WIDGET)

enum {
  UNLOCKED,
  SIGN_OUT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_actions (XfLockScreen *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.unlock",
                                 password[0] != '\0' && self->cancellable == NULL &&
                                 !xf_lockout_countdown_get_locked (self->countdown));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.sign-out", self->cancellable == NULL);
}

static void
set_busy (XfLockScreen *self,
          gboolean      busy)
{
  xf_session_form_set_busy (GTK_WIDGET (self), &self->cancellable, busy, self->spinner,
                            GTK_WIDGET (self->password_row),
                            NULL);
  update_actions (self);
}

static void
field_changed_cb (XfLockScreen *self)
{
  g_assert (XF_IS_LOCK_SCREEN (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  update_actions (self);
}

static void
password_activated_cb (XfLockScreen *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lock.unlock", NULL);
}

static void
locked_changed_cb (XfLockScreen *self)
{
  g_assert (XF_IS_LOCK_SCREEN (self));

  xf_session_form_lockout_changed (self->countdown, self->error_label, self->cancellable,
                                   GTK_WIDGET (self->password_row));
  update_actions (self);
}

static void
confirmed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XfLockScreen) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = xf_session_confirm_password_finish (result, &error);
  gint64 until;

  if (xf_session_form_is_abandoned (self->cancellable))
    return;
  set_busy (self, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (ok)
    {
      xf_session_form_set_error (self->error_label, NULL);
      g_signal_emit (self, signals [UNLOCKED], 0);
      return;
    }

  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    {
      xf_session_form_set_error (self->error_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_LOCKED_OUT))
    xf_session_form_set_error (self->error_label, NULL);
  else
    xf_session_form_set_error (self->error_label, error->message);

  /* Failures here count toward the lockout, as at sign-in. */
  until = xf_accounts_get_locked_until (self->accounts, xf_account_get_login (self->account));
  xf_lockout_countdown_set_locked_until (self->countdown, until);
  if (g_error_matches (error, XF_ERROR, XF_ERROR_LOCKED_OUT) &&
      !xf_lockout_countdown_get_locked (self->countdown))
    xf_session_form_set_error (self->error_label, error->message);
  if (!xf_lockout_countdown_get_locked (self->countdown))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfLockScreen *self = XF_LOCK_SCREEN (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (password[0] == '\0' || self->cancellable != NULL)
    return;

  xf_session_form_set_error (self->error_label, NULL);
  set_busy (self, TRUE);
  xf_session_confirm_password_async (self->accounts, self->account, password, self->cancellable,
                                     confirmed_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals [SIGN_OUT], 0);
}

static void
xf_lock_screen_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_lock_screen_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (XF_LOCK_SCREEN (widget)->password_row));
}

static void
xf_lock_screen_dispose (GObject *object)
{
  XfLockScreen *self = XF_LOCK_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  xf_session_form_dispose_template (GTK_WIDGET (self), XF_TYPE_LOCK_SCREEN);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (xf_lock_screen_parent_class)->dispose (object);
}

static void
xf_lock_screen_class_init (XfLockScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_lock_screen_dispose;
  widget_class->map = xf_lock_screen_map;

  /**
   * XfLockScreen::unlocked:
   *
   * The person typed their password right.
   */
  signals [UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XfLockScreen::sign-out:
   *
   * "Sign in as someone else": the window should sign out.
   */
  signals [SIGN_OUT] = g_signal_new ("sign-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/session/xf-lock-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, avatar);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, name_label);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, password_row);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, countdown);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfLockScreen, sign_out_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, locked_changed_cb);

  gtk_widget_class_install_action (widget_class, "lock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "lock.sign-out", NULL, sign_out_action);

  g_type_ensure (XF_TYPE_LOCKOUT_COUNTDOWN);
}

static void
xf_lock_screen_init (XfLockScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
xf_lock_screen_new (XfAccounts *accounts,
                    XfAccount  *account)
{
  XfLockScreen *self;

  g_return_val_if_fail (XF_IS_ACCOUNTS (accounts), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), NULL);

  self = g_object_new (XF_TYPE_LOCK_SCREEN, NULL);
  self->accounts = g_object_ref (accounts);
  self->account = g_object_ref (account);
  gtk_label_set_label (self->name_label, xf_account_get_display_name (account));
  adw_avatar_set_text (self->avatar, xf_account_get_display_name (account));
  return GTK_WIDGET (self);
}

XfAccount *
xf_lock_screen_get_account (XfLockScreen *self)
{
  g_return_val_if_fail (XF_IS_LOCK_SCREEN (self), NULL);
  return self->account;
}

void
xf_lock_screen_reset (XfLockScreen *self)
{
  g_return_if_fail (XF_IS_LOCK_SCREEN (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  xf_session_form_set_error (self->error_label, NULL);
}

const char *
xf_lock_screen_get_error (XfLockScreen *self)
{
  g_return_val_if_fail (XF_IS_LOCK_SCREEN (self), NULL);
  return xf_session_form_get_error (self->error_label);
}

gboolean
xf_lock_screen_get_busy (XfLockScreen *self)
{
  g_return_val_if_fail (XF_IS_LOCK_SCREEN (self), FALSE);
  return self->cancellable != NULL;
}
