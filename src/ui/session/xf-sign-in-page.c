/* xf-sign-in-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-lockout-countdown.h"
#include "xf-session-form.h"
#include "xf-session-tasks.h"
#include "xf-sign-in-page.h"

struct _XfSignInPage
{
  GtkWidget           parent_instance;

  XfAccounts         *accounts;
  GCancellable       *cancellable;   /* the sign-in under way, if any */

  /* Template widgets */
  GtkImage           *icon;
  GtkLabel           *database_label;
  AdwEntryRow        *login_row;
  AdwEntryRow        *password_row;
  GtkLabel           *error_label;
  XfLockoutCountdown *countdown;
  GtkWidget          *sign_in_button;
  GtkSpinner         *spinner;
};

G_DEFINE_FINAL_TYPE (XfSignInPage, xf_sign_in_page, GTK_TYPE_WIDGET)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
login_text (XfSignInPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
}

static void
update_actions (XfSignInPage *self)
{
  g_autofree char *login = login_text (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean ready = login[0] != '\0' && password[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in",
                                 ready && self->cancellable == NULL &&
                                 !xf_lockout_countdown_get_locked (self->countdown));
}

static void
set_busy (XfSignInPage *self,
          gboolean      busy)
{
  xf_session_form_set_busy (GTK_WIDGET (self), &self->cancellable, busy, self->spinner,
                            GTK_WIDGET (self->login_row),
                            GTK_WIDGET (self->password_row),
                            NULL);
  update_actions (self);
}

static void
field_changed_cb (XfSignInPage *self)
{
  g_assert (XF_IS_SIGN_IN_PAGE (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  update_actions (self);
}

static void
login_activated_cb (XfSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
password_activated_cb (XfSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.sign-in", NULL);
}

/* The time is up: the button works again, and the password can be typed. */
static void
locked_changed_cb (XfSignInPage *self)
{
  g_assert (XF_IS_SIGN_IN_PAGE (self));

  xf_session_form_lockout_changed (self->countdown, self->error_label, self->cancellable,
                                   GTK_WIDGET (self->password_row));
  update_actions (self);
}

/* After a refusal the account may have just been locked (the failure that
 * locks it may still say "wrong password"): ask, and count down if so. */
static void
show_lockout (XfSignInPage *self,
              const char   *login)
{
  gint64 until = xf_accounts_get_locked_until (self->accounts, login);

  xf_lockout_countdown_set_locked_until (self->countdown, until);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XfSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) account = xf_session_sign_in_finish (result, &error);
  g_autofree char *login = NULL;

  /* Disposed (or leaving) meanwhile: nothing to show it in. */
  if (xf_session_form_is_abandoned (self->cancellable))
    return;
  set_busy (self, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (account != NULL)
    {
      xf_session_form_set_error (self->error_label, NULL);
      g_signal_emit (self, signals [SIGNED_IN], 0, account);
      return;
    }

  login = login_text (self);
  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    {
      /* Core's one message for both (no telling which of the two was
       * wrong), or that the account is disabled. */
      xf_session_form_set_error (self->error_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      show_lockout (self, login);
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_LOCKED_OUT))
    {
      /* The countdown says it all; core's message only if it ran out meanwhile. */
      xf_session_form_set_error (self->error_label, NULL);
      show_lockout (self, login);
      if (!xf_lockout_countdown_get_locked (self->countdown))
        xf_session_form_set_error (self->error_label, error->message);
    }
  else
    xf_session_form_set_error (self->error_label, error->message);

  if (!xf_lockout_countdown_get_locked (self->countdown))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfSignInPage *self = XF_SIGN_IN_PAGE (widget);
  g_autofree char *login = login_text (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (login[0] == '\0' || password[0] == '\0' || self->cancellable != NULL)
    return;

  xf_session_form_set_error (self->error_label, NULL);
  set_busy (self, TRUE);
  xf_session_sign_in_async (self->accounts, login, password, self->cancellable,
                            signed_in_cb, g_object_ref (self));
}

static void
xf_sign_in_page_map (GtkWidget *widget)
{
  XfSignInPage *self = XF_SIGN_IN_PAGE (widget);
  g_autofree char *login = login_text (self);

  GTK_WIDGET_CLASS (xf_sign_in_page_parent_class)->map (widget);

  gtk_widget_grab_focus (login[0] != '\0' ? GTK_WIDGET (self->password_row)
                                          : GTK_WIDGET (self->login_row));
}

static void
xf_sign_in_page_dispose (GObject *object)
{
  XfSignInPage *self = XF_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  xf_session_form_dispose_template (GTK_WIDGET (self), XF_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (xf_sign_in_page_parent_class)->dispose (object);
}

static void
xf_sign_in_page_class_init (XfSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_sign_in_page_dispose;
  widget_class->map = xf_sign_in_page_map;

  /**
   * XfSignInPage::signed-in:
   * @account: the account now signed in
   *
   * The login and password were right and the account is not locked.
   */
  signals [SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_ACCOUNT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/session/xf-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, icon);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, database_label);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, countdown);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, XfSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, locked_changed_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);

  g_type_ensure (XF_TYPE_LOCKOUT_COUNTDOWN);
}

static void
xf_sign_in_page_init (XfSignInPage *self)
{
  const char *icon_name = xf_session_form_app_icon_name ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_icon_name (self->icon, icon_name);
  if (!g_str_equal (icon_name, APP_ID))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "icon-dropshadow");
      gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
    }
  update_actions (self);
}

GtkWidget *
xf_sign_in_page_new (XfAccounts *accounts,
                     const char *database_label)
{
  XfSignInPage *self;

  g_return_val_if_fail (XF_IS_ACCOUNTS (accounts), NULL);

  self = g_object_new (XF_TYPE_SIGN_IN_PAGE, NULL);
  self->accounts = g_object_ref (accounts);
  gtk_label_set_label (self->database_label, database_label != NULL ? database_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->database_label), database_label != NULL);
  return GTK_WIDGET (self);
}

XfAccounts *
xf_sign_in_page_get_accounts (XfSignInPage *self)
{
  g_return_val_if_fail (XF_IS_SIGN_IN_PAGE (self), NULL);
  return self->accounts;
}

void
xf_sign_in_page_set_login (XfSignInPage *self,
                           const char   *login)
{
  g_return_if_fail (XF_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login != NULL ? login : "");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (login != NULL && login[0] != '\0' ? GTK_WIDGET (self->password_row)
                                                             : GTK_WIDGET (self->login_row));
}

void
xf_sign_in_page_reset (XfSignInPage *self)
{
  g_return_if_fail (XF_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  xf_session_form_set_error (self->error_label, NULL);
  xf_lockout_countdown_set_locked_until (self->countdown, 0);
}

const char *
xf_sign_in_page_get_error (XfSignInPage *self)
{
  g_return_val_if_fail (XF_IS_SIGN_IN_PAGE (self), NULL);
  return xf_session_form_get_error (self->error_label);
}

gboolean
xf_sign_in_page_get_busy (XfSignInPage *self)
{
  g_return_val_if_fail (XF_IS_SIGN_IN_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
