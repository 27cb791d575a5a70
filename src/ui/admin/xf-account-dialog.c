/* xf-account-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-account-dialog.h"
#include "xf-error.h"
#include "xf-password.h"

struct _XfAccountDialog
{
  AdwWindow            parent_instance;

  XfAccounts          *accounts;
  XfAccount           *actor;
  XfAccount           *account;   /* the account edited, NULL for a new one */
  XfGrantChoices      *choices;
  GPtrArray           *grant_rows;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwEntryRow         *display_name_row;
  AdwEntryRow         *login_row;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *strength_label;
  AdwPreferencesGroup *grants_group;
  GtkWidget           *no_grants_row;
  GtkWidget           *save_button;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (XfAccountDialog, xf_account_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_new (XfAccountDialog *self)
{
  return self->account == NULL;
}

/*
 * Messages and marked fields
 */

static void
set_error_text (XfAccountDialog *self,
                const char      *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
clear_errors (XfAccountDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->display_name_row), GTK_WIDGET (self->login_row),
                        GTK_WIDGET (self->password_row), GTK_WIDGET (self->repeat_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  for (guint i = 0; i < self->grant_rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->grant_rows, i), "error");
  set_error_text (self, NULL);
}

static void
fail_on (XfAccountDialog *self,
         GtkWidget       *row,
         const char      *message)
{
  set_error_text (self, message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/* Core names the field its message is about ("Login: …"); the row of
 * that field is marked too. */
static GtkWidget *
row_named_by (XfAccountDialog *self,
              const char      *message)
{
  AdwPreferencesRow *rows[] = { ADW_PREFERENCES_ROW (self->login_row),
                                ADW_PREFERENCES_ROW (self->display_name_row),
                                ADW_PREFERENCES_ROW (self->password_row) };
  g_autofree char *folded = g_utf8_casefold (message, -1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (rows[i]), -1);

      if (gtk_widget_get_visible (GTK_WIDGET (rows[i])) && g_str_has_prefix (folded, title))
        return GTK_WIDGET (rows[i]);
    }
  return NULL;
}

/*
 * Fields
 */

static void
update_strength (XfAccountDialog *self)
{
  const char *password = row_text (self->password_row);
  const char *repeat = row_text (self->repeat_row);
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->strength_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->strength_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->strength_label), "dim-label");

  if (password[0] == '\0')
    {
      gtk_label_set_label (self->strength_label,
                           _("At least 8 characters, not the login, not one character repeated."));
      gtk_widget_add_css_class (GTK_WIDGET (self->strength_label), "dim-label");
      return;
    }
  /* Core's own rules, so the feedback and the save agree. */
  if (!xf_password_check_strength (password, row_text (self->login_row), &error))
    {
      gtk_label_set_label (self->strength_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->strength_label), "warning");
      return;
    }
  if (repeat[0] != '\0' && g_strcmp0 (password, repeat) != 0)
    {
      gtk_label_set_label (self->strength_label, _("The two passwords differ."));
      gtk_widget_add_css_class (GTK_WIDGET (self->strength_label), "warning");
      return;
    }
  gtk_label_set_label (self->strength_label, repeat[0] != '\0' ? _("Strong enough, and both match.")
                                                               : _("Strong enough. Type it again below."));
  gtk_widget_add_css_class (GTK_WIDGET (self->strength_label), "success");
}

static void
field_changed_cb (XfAccountDialog *self,
                  GtkWidget       *row)
{
  g_assert (XF_IS_ACCOUNT_DIALOG (self));

  gtk_widget_remove_css_class (row, "error");
}

static void
login_changed_cb (XfAccountDialog *self,
                  GtkWidget       *row)
{
  field_changed_cb (self, row);
  /* The password may not be the login. */
  update_strength (self);
}

static void
password_changed_cb (XfAccountDialog *self,
                     GtkWidget       *row)
{
  field_changed_cb (self, row);
  update_strength (self);
}

static void
entry_activated_cb (XfAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.save", NULL);
}

/*
 * Grants
 */

static void
update_no_grants (XfAccountDialog *self)
{
  gtk_widget_set_visible (self->no_grants_row, self->grant_rows->len == 0);
}

static void
grant_remove_requested_cb (XfAccountDialog *self,
                           GtkWidget       *row)
{
  g_ptr_array_remove (self->grant_rows, row);
  adw_preferences_group_remove (self->grants_group, row);
  update_no_grants (self);
}

XfGrantRow *
xf_account_dialog_add_grant (XfAccountDialog *self,
                             const XfGrant   *grant)
{
  GtkWidget *row;

  g_return_val_if_fail (XF_IS_ACCOUNT_DIALOG (self), NULL);

  row = xf_grant_row_new (self->choices);
  if (grant != NULL)
    xf_grant_row_set_grant (XF_GRANT_ROW (row), grant);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (grant_remove_requested_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->grants_group, row);
  g_ptr_array_add (self->grant_rows, row);
  update_no_grants (self);
  return XF_GRANT_ROW (row);
}

static void
add_grant_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfAccountDialog *self = XF_ACCOUNT_DIALOG (widget);
  XfGrantRow *row = xf_account_dialog_add_grant (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/*
 * Saving
 */

/* The form's own checks: what core would refuse anyway, said at the
 * field. NULL with the field marked when something is wrong. */
static XfAccount *
read_form (XfAccountDialog *self)
{
  g_autofree char *display_name = g_strstrip (g_strdup (row_text (self->display_name_row)));
  g_autofree char *login = g_strstrip (g_strdup (row_text (self->login_row)));
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GPtrArray) grants = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_grant_free);
  g_autoptr(GError) error = NULL;

  if (is_new (self))
    {
      if (login[0] == '\0')
        {
          fail_on (self, GTK_WIDGET (self->login_row), _("Login: enter the name the person signs in with."));
          return NULL;
        }
      if (!xf_password_check_strength (row_text (self->password_row), login, &error))
        {
          fail_on (self, GTK_WIDGET (self->password_row), error->message);
          return NULL;
        }
      if (g_strcmp0 (row_text (self->password_row), row_text (self->repeat_row)) != 0)
        {
          fail_on (self, GTK_WIDGET (self->repeat_row),
                   _("Repeat password: the two passwords differ. Type the same password twice."));
          return NULL;
        }
    }
  if (display_name[0] == '\0')
    {
      fail_on (self, GTK_WIDGET (self->display_name_row),
               _("Display name: enter the person’s name as colleagues know it."));
      return NULL;
    }

  for (guint i = 0; i < self->grant_rows->len; i++)
    {
      XfGrant *grant = xf_grant_row_dup_grant (g_ptr_array_index (self->grant_rows, i), &error);

      if (grant == NULL)
        {
          fail_on (self, NULL, error->message);
          return NULL;
        }
      g_ptr_array_add (grants, grant);
    }

  if (is_new (self))
    account = xf_account_new (login, display_name);
  else
    {
      account = xf_account_copy (self->account);
      xf_account_set_display_name (account, display_name);
    }
  xf_account_clear_grants (account);
  for (guint i = 0; i < grants->len; i++)
    {
      XfGrant *grant = g_ptr_array_index (grants, i);

      xf_account_add_grant (account, grant->role, grant->scope, grant->value);
    }
  return g_steal_pointer (&account);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfAccountDialog *self = XF_ACCOUNT_DIALOG (widget);
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  account = read_form (self);
  if (account == NULL)
    return;

  /* Core decides; its reason is shown here and the dialog stays open. */
  if (!xf_accounts_save (self->accounts, self->actor, account,
                         is_new (self) ? row_text (self->password_row) : NULL, &error))
    {
      fail_on (self, row_named_by (self, error->message), error->message);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, account);
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
xf_account_dialog_dispose (GObject *object)
{
  XfAccountDialog *self = XF_ACCOUNT_DIALOG (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->actor);
  g_clear_object (&self->account);
  g_clear_pointer (&self->choices, xf_grant_choices_unref);
  g_clear_pointer (&self->grant_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_account_dialog_parent_class)->dispose (object);
}

static void
xf_account_dialog_class_init (XfAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_account_dialog_dispose;

  /**
   * XfAccountDialog::saved:
   * @account: the account as written
   *
   * Emitted after the account was saved, before the dialog closes.
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/admin/xf-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, strength_label);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, grants_group);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, no_grants_row);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.add-grant", NULL, add_grant_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_account_dialog_init (XfAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->grant_rows = g_ptr_array_new ();
}

/* A new account asks for everything; an existing one keeps its login and
 * password (an administrator resets passwords from the accounts page). */
static void
fill_form (XfAccountDialog *self)
{
  gboolean new_account = is_new (self);

  adw_window_title_set_title (self->window_title, new_account ? _("New Account") : _("Edit Account"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), new_account ? _("_Add") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->login_row), new_account);
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), new_account);

  if (!new_account)
    {
      GPtrArray *grants = xf_account_get_grants (self->account);

      adw_window_title_set_subtitle (self->window_title, xf_account_get_login (self->account));
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row),
                             xf_account_get_display_name (self->account));
      for (guint i = 0; grants != NULL && i < grants->len; i++)
        xf_account_dialog_add_grant (self, g_ptr_array_index (grants, i));
    }
  update_no_grants (self);
  update_strength (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->display_name_row));
}

GtkWidget *
xf_account_dialog_new (XfAccounts     *accounts,
                       XfAccount      *actor,
                       XfGrantChoices *choices,
                       XfAccount      *account)
{
  XfAccountDialog *self;

  g_return_val_if_fail (XF_IS_ACCOUNTS (accounts), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (account == NULL || XF_IS_ACCOUNT (account), NULL);

  self = g_object_new (XF_TYPE_ACCOUNT_DIALOG, NULL);
  self->accounts = g_object_ref (accounts);
  self->actor = g_object_ref (actor);
  self->choices = xf_grant_choices_ref (choices);
  self->account = account != NULL ? xf_account_copy (account) : NULL;
  fill_form (self);
  return GTK_WIDGET (self);
}

const char *
xf_account_dialog_get_error (XfAccountDialog *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
