/* xf-window-session.c — who is signed in to the window, and the locking
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-first-run-assistant.h"
#include "xf-lock-screen.h"
#include "xf-password-dialog.h"
#include "xf-server-address.h"
#include "xf-sign-in-page.h"
#include "xf-window-private.h"

static void lock (XfWindow *self);

char *
_xf_window_describe_database (XfWindow *self)
{
  const char *path = xf_application_get_database_path (self->application);
  g_autoptr(XfServerAddress) address = xf_server_address_parse (path);

  if (address != NULL)
    return xf_server_address_describe (address);
  if (path != NULL)
    return g_path_get_basename (path);
  return NULL;
}

static void
update_actions (XfWindow *self)
{
  /* None before xf_window_new () has set the application. */
  XfAccount *account = self->application != NULL ? xf_application_get_account (self->application)
                                                  : NULL;
  gboolean signed_in = account != NULL;
  gboolean locked = self->lock_screen != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", signed_in && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password",
                                 signed_in && !locked && !xf_account_is_local_administrator (account));
}

void
_xf_window_update_monitor (XfWindow *self)
{
  gboolean active = gtk_window_is_active (GTK_WINDOW (self)) && self->lock_screen == NULL;
  gboolean was_active;

  if (self->monitor == NULL)
    return;
  was_active = xf_change_monitor_get_active (self->monitor);
  xf_change_monitor_set_active (self->monitor, active);
  /* Coming back shows at once what changed meanwhile. */
  if (active && !was_active)
    xf_change_monitor_check_now (self->monitor);
}

/*
 * Signing in
 */

static void
begin_session (XfWindow  *self,
               XfAccount *account)
{
  g_autoptr(GError) error = NULL;

  /* On failure the sign-in page stays, and says why in a toast. */
  if (!xf_application_begin_session (self->application, account, &error))
    xf_window_add_toast (self, adw_toast_new (error->message));
}

static void
required_password_done_cb (XfWindow         *self,
                           gboolean          changed,
                           XfPasswordDialog *dialog)
{
  XfAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  XfAccounts *accounts = g_object_get_data (G_OBJECT (dialog), "accounts");

  g_assert (XF_IS_WINDOW (self));

  if (changed)
    {
      begin_session (self, account);
      return;
    }

  /* Not now: the person is signed out again, and sees the sign-in page. */
  xf_accounts_sign_out (accounts, account);
  if (XF_IS_SIGN_IN_PAGE (self->session_page))
    xf_sign_in_page_reset (XF_SIGN_IN_PAGE (self->session_page));
}

/* The administrator set a temporary password: it is changed before any
 * page shows. */
static void
ask_new_password (XfWindow   *self,
                  XfAccounts *accounts,
                  XfAccount  *account)
{
  GtkWidget *dialog = xf_password_dialog_new (accounts, account, TRUE);

  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "accounts", g_object_ref (accounts), g_object_unref);
  g_signal_connect_object (dialog, "done", G_CALLBACK (required_password_done_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static XfAccounts *
session_page_accounts (GtkWidget *page)
{
  if (XF_IS_SIGN_IN_PAGE (page))
    return xf_sign_in_page_get_accounts (XF_SIGN_IN_PAGE (page));
  return xf_first_run_assistant_get_accounts (XF_FIRST_RUN_ASSISTANT (page));
}

static void
signed_in_cb (XfWindow  *self,
              XfAccount *account,
              GtkWidget *page)
{
  XfAccounts *accounts = session_page_accounts (page);

  g_assert (XF_IS_WINDOW (self));

  if (xf_account_get_must_change_password (account))
    ask_new_password (self, accounts, account);
  else
    begin_session (self, account);
}

static void
remove_session_page (XfWindow *self)
{
  if (self->session_page == NULL)
    return;
  gtk_stack_remove (self->main_stack, self->session_page);
  self->session_page = NULL;
}

void
_xf_window_show_session_page (XfWindow *self)
{
  XfAccounts *accounts = xf_application_get_accounts (self->application);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GtkWidget *page;
  gint64 n;

  g_return_if_fail (accounts != NULL);

  /* Already up for this database: the assistant stays until its last step. */
  if (self->session_page != NULL && session_page_accounts (self->session_page) == accounts)
    {
      gtk_stack_set_visible_child (self->main_stack, self->session_page);
      return;
    }
  remove_session_page (self);

  label = _xf_window_describe_database (self);
  n = xf_accounts_count (accounts, &error);
  if (n == 0)
    page = xf_first_run_assistant_new (accounts, label);
  else
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-login");

      page = xf_sign_in_page_new (accounts, label);
      xf_sign_in_page_set_login (XF_SIGN_IN_PAGE (page), last);
      if (n < 0)
        xf_window_add_toast (self, adw_toast_new (error->message));
    }

  g_signal_connect_object (page, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, page, n == 0 ? "first-run" : "sign-in");
  gtk_stack_set_visible_child (self->main_stack, page);
  self->session_page = page;
}

/*
 * Locking
 */

/* Dialogs over the window may show data too: hidden while locked, their
 * input kept, and shown again after. */
static void
hide_dialogs (XfWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (self->hidden_windows, g_object_ref (window));
    }
  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden_windows, i), FALSE);
}

static void
show_dialogs (XfWindow *self)
{
  g_autoptr(GPtrArray) windows = g_steal_pointer (&self->hidden_windows);

  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_present (g_ptr_array_index (windows, i));
}

/* Signing out: what the dialogs show goes with the person (the hidden
 * ones are among the toplevels too). */
static void
close_dialogs (XfWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (dialogs, g_object_ref (window));
    }
  g_ptr_array_set_size (self->hidden_windows, 0);
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
}

static void
remove_lock_screen (XfWindow *self)
{
  if (self->lock_screen == NULL)
    return;
  gtk_stack_remove (self->main_stack, self->lock_screen);
  self->lock_screen = NULL;
}

static void
unlocked_cb (XfWindow *self)
{
  GtkWidget *focus = self->focus_before_lock;

  g_assert (XF_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "content");
  remove_lock_screen (self);
  show_dialogs (self);
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self))
    gtk_widget_grab_focus (focus);
  g_clear_weak_pointer (&self->focus_before_lock);

  xf_idle_timer_set_active (self->idle_timer, TRUE);
  _xf_window_update_monitor (self);
  update_actions (self);
}

static void
sign_out (XfWindow *self)
{
  close_dialogs (self);
  xf_application_sign_out (self->application);
}

/* The pages stay as they are underneath, unsaved input included; the
 * stack only shows the lock screen instead. */
static void
lock (XfWindow *self)
{
  XfAccount *account = xf_application_get_account (self->application);

  if (account == NULL || self->lock_screen != NULL)
    return;

  g_set_weak_pointer (&self->focus_before_lock, gtk_root_get_focus (GTK_ROOT (self)));
  hide_dialogs (self);

  self->lock_screen = xf_lock_screen_new (xf_application_get_accounts (self->application), account);
  g_signal_connect_object (self->lock_screen, "unlocked", G_CALLBACK (unlocked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lock_screen, "sign-out", G_CALLBACK (sign_out), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, self->lock_screen, "locked");
  gtk_stack_set_visible_child (self->main_stack, self->lock_screen);

  xf_idle_timer_set_active (self->idle_timer, FALSE);
  _xf_window_update_monitor (self);
  update_actions (self);
}

static void
idle_cb (XfWindow *self)
{
  g_assert (XF_IS_WINDOW (self));
  lock (self);
}

static void
update_idle_timeout (XfWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "idle-lock-minutes");

  xf_idle_timer_set_timeout (self->idle_timer,
                             self->idle_override_ms != 0 ? self->idle_override_ms : minutes * 60 * 1000);
}

/*
 * The account menu and the sidebar's footer
 */

static char *
describe_roles (XfAccount *account)
{
  GPtrArray *grants = xf_account_get_grants (account);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int role = 0; role < XF_N_ROLES; role++)
    {
      gboolean held = FALSE;

      for (guint i = 0; i < grants->len && !held; i++)
        held = ((XfGrant *) g_ptr_array_index (grants, i))->role == (XfRole) role;
      if (!held)
        continue;
      if (text->len > 0)
        /* Translators: between the roles an account holds, e.g. "Clerk, Reviewer" */
        g_string_append (text, _(", "));
      g_string_append (text, xf_role_get_label (role));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_account (XfWindow  *self,
              XfAccount *account)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *roles = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->account_button), account != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->account_label)), account != NULL);
  if (account == NULL)
    {
      gtk_menu_button_set_menu_model (self->account_button, NULL);
      gtk_label_set_label (self->account_label, "");
      return;
    }

  roles = describe_roles (account);
  g_menu_append (section, _("Change _Password…"), "win.change-password");
  g_menu_append (section, _("_Lock"), "win.lock");
  g_menu_append (section, _("_Sign Out"), "win.sign-out");
  g_menu_append_section (menu, xf_account_get_display_name (account), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->account_button, G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_button),
                               xf_account_get_display_name (account));

  adw_avatar_set_text (self->account_avatar, xf_account_get_display_name (account));
  gtk_label_set_label (self->account_label, xf_account_get_display_name (account));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_label), roles);
}

void
_xf_window_session_changed (XfWindow  *self,
                            XfAccount *account)
{
  show_account (self, account);

  if (account != NULL)
    remove_session_page (self);
  else
    {
      remove_lock_screen (self);
      g_clear_weak_pointer (&self->focus_before_lock);
      g_ptr_array_set_size (self->hidden_windows, 0);
    }

  xf_idle_timer_set_active (self->idle_timer, account != NULL && self->lock_screen == NULL);
  update_actions (self);
}

/*
 * Actions
 */

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lock (XF_WINDOW (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sign_out (XF_WINDOW (widget));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  XfAccount *account = xf_application_get_account (self->application);
  GtkWidget *dialog;

  if (account == NULL)
    return;
  dialog = xf_password_dialog_new (xf_application_get_accounts (self->application), account, FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_xf_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
}

void
_xf_window_session_init (XfWindow *self)
{
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  self->idle_timer = xf_idle_timer_new ();
  g_signal_connect_object (self->idle_timer, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                           G_CALLBACK (update_idle_timeout), self, G_CONNECT_SWAPPED);
  update_idle_timeout (self);
  show_account (self, NULL);
  update_actions (self);
}

void
_xf_window_session_dispose (XfWindow *self)
{
  g_clear_weak_pointer (&self->focus_before_lock);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  if (self->idle_timer != NULL)
    g_object_run_dispose (G_OBJECT (self->idle_timer));
  g_clear_object (&self->idle_timer);
}

/*
 * Public
 */

gboolean
xf_window_get_locked (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), FALSE);
  return self->lock_screen != NULL;
}

void
xf_window_lock (XfWindow *self)
{
  g_return_if_fail (XF_IS_WINDOW (self));
  lock (self);
}

void
xf_window_set_idle_lock_timeout (XfWindow *self,
                                 guint     timeout_ms)
{
  g_return_if_fail (XF_IS_WINDOW (self));

  self->idle_override_ms = timeout_ms;
  update_idle_timeout (self);
}
