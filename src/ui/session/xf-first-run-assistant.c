/* xf-first-run-assistant.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-first-run-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-first-run-assistant.h"
#include "xf-new-password.h"
#include "xf-session-form.h"
#include "xf-session-tasks.h"

struct _XfFirstRunAssistant
{
  GtkWidget       parent_instance;

  XfAccounts     *accounts;
  XfAccount      *account;       /* once created and signed in */
  GCancellable   *cancellable;   /* the creation under way, if any */

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *welcome_status;
  GtkLabel       *database_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *login_row;
  XfNewPassword  *new_password;
  GtkLabel       *error_label;
  GtkWidget      *create_button;
  GtkSpinner     *spinner;
  AdwStatusPage  *done_status;
  GtkWidget      *back_button;
};

G_DEFINE_FINAL_TYPE (XfFirstRunAssistant, xf_first_run_assistant, GTK_TYPE_WIDGET)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
row_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_actions (XfFirstRunAssistant *self)
{
  g_autofree char *name = row_stripped (self->name_row);
  g_autofree char *login = row_stripped (self->login_row);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean busy = self->cancellable != NULL;
  gboolean complete = name[0] != '\0' && login[0] != '\0' &&
                      xf_new_password_get_valid (self->new_password);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-run.create",
                                 g_strcmp0 (page, "account") == 0 && complete && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-run.back",
                                 g_strcmp0 (page, "account") == 0 && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-run.finish", self->account != NULL);
}

static void
set_busy (XfFirstRunAssistant *self,
          gboolean             busy)
{
  xf_session_form_set_busy (GTK_WIDGET (self), &self->cancellable, busy, self->spinner,
                            GTK_WIDGET (self->name_row),
                            GTK_WIDGET (self->login_row),
                            GTK_WIDGET (self->new_password),
                            NULL);
  update_actions (self);
}

static void
page_changed_cb (XfFirstRunAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  g_assert (XF_IS_FIRST_RUN_ASSISTANT (self));

  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "account") == 0);
  update_actions (self);
}

static void
field_changed_cb (XfFirstRunAssistant *self)
{
  g_assert (XF_IS_FIRST_RUN_ASSISTANT (self));

  update_actions (self);
}

/* The password must not be the login: judged again as the login changes. */
static void
login_changed_cb (XfFirstRunAssistant *self)
{
  g_autofree char *login = row_stripped (self->login_row);

  xf_new_password_set_login (self->new_password, login);
  field_changed_cb (self);
}

static void
name_activated_cb (XfFirstRunAssistant *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

static void
login_activated_cb (XfFirstRunAssistant *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_password));
}

static void
password_activated_cb (XfFirstRunAssistant *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "first-run.create", NULL);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfFirstRunAssistant *self = XF_FIRST_RUN_ASSISTANT (widget);

  gtk_stack_set_visible_child_name (self->stack, "account");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfFirstRunAssistant *self = XF_FIRST_RUN_ASSISTANT (widget);

  gtk_stack_set_visible_child_name (self->stack, "welcome");
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XfFirstRunAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) account = xf_session_create_first_administrator_finish (result, &error);
  g_autofree char *description = NULL;

  if (xf_session_form_is_abandoned (self->cancellable))
    return;
  set_busy (self, FALSE);

  if (account == NULL)
    {
      /* Core's message names the field and the reason. */
      xf_session_form_set_error (self->error_label, error->message);
      return;
    }

  g_set_object (&self->account, account);
  xf_new_password_clear (self->new_password);
  /* Translators: %s is the administrator's name */
  description = g_strdup_printf (_("You are signed in as %s, the administrator. Add an account for "
                                   "each colleague on the Accounts page."),
                                 xf_account_get_display_name (account));
  adw_status_page_set_description (self->done_status, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  update_actions (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfFirstRunAssistant *self = XF_FIRST_RUN_ASSISTANT (widget);
  g_autofree char *name = row_stripped (self->name_row);
  g_autofree char *login = row_stripped (self->login_row);

  if (self->cancellable != NULL || !xf_new_password_get_valid (self->new_password))
    return;

  xf_session_form_set_error (self->error_label, NULL);
  set_busy (self, TRUE);
  xf_session_create_first_administrator_async (self->accounts, login, name,
                                               xf_new_password_get_password (self->new_password),
                                               self->cancellable, created_cb, g_object_ref (self));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfFirstRunAssistant *self = XF_FIRST_RUN_ASSISTANT (widget);

  if (self->account != NULL)
    g_signal_emit (self, signals [SIGNED_IN], 0, self->account);
}

static void
xf_first_run_assistant_dispose (GObject *object)
{
  XfFirstRunAssistant *self = XF_FIRST_RUN_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  xf_session_form_dispose_template (GTK_WIDGET (self), XF_TYPE_FIRST_RUN_ASSISTANT);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (xf_first_run_assistant_parent_class)->dispose (object);
}

static void
xf_first_run_assistant_class_init (XfFirstRunAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_first_run_assistant_dispose;

  /**
   * XfFirstRunAssistant::signed-in:
   * @account: the administrator, signed in
   *
   * The administrator was created and the person left the last step.
   */
  signals [SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_ACCOUNT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/session/xf-first-run-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, database_label);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, name_row);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, login_row);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, new_password);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, create_button);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, done_status);
  gtk_widget_class_bind_template_child (widget_class, XfFirstRunAssistant, back_button);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "first-run.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "first-run.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "first-run.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "first-run.finish", NULL, finish_action);

  g_type_ensure (XF_TYPE_NEW_PASSWORD);
}

static void
xf_first_run_assistant_init (XfFirstRunAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_status_page_set_icon_name (self->welcome_status, xf_session_form_app_icon_name ());
  page_changed_cb (self);
}

GtkWidget *
xf_first_run_assistant_new (XfAccounts *accounts,
                            const char *database_label)
{
  XfFirstRunAssistant *self;

  g_return_val_if_fail (XF_IS_ACCOUNTS (accounts), NULL);

  self = g_object_new (XF_TYPE_FIRST_RUN_ASSISTANT, NULL);
  self->accounts = g_object_ref (accounts);
  gtk_label_set_label (self->database_label, database_label != NULL ? database_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->database_label), database_label != NULL);
  return GTK_WIDGET (self);
}

XfAccounts *
xf_first_run_assistant_get_accounts (XfFirstRunAssistant *self)
{
  g_return_val_if_fail (XF_IS_FIRST_RUN_ASSISTANT (self), NULL);
  return self->accounts;
}

const char *
xf_first_run_assistant_get_page (XfFirstRunAssistant *self)
{
  g_return_val_if_fail (XF_IS_FIRST_RUN_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
xf_first_run_assistant_get_error (XfFirstRunAssistant *self)
{
  g_return_val_if_fail (XF_IS_FIRST_RUN_ASSISTANT (self), NULL);
  return xf_session_form_get_error (self->error_label);
}

gboolean
xf_first_run_assistant_get_busy (XfFirstRunAssistant *self)
{
  g_return_val_if_fail (XF_IS_FIRST_RUN_ASSISTANT (self), FALSE);
  return self->cancellable != NULL;
}
