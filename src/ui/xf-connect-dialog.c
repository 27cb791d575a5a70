/* xf-connect-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-connect-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-connect-dialog.h"
#include "xf-error.h"
#include "xf-password-store.h"
#include "xf-server-address.h"
#include "xf-window.h"

struct _XfConnectDialog
{
  AdwWindow        parent_instance;

  XfApplication   *application;  /* weak: the application outlives its windows */
  GCancellable    *cancellable;  /* the connection being tried, if any */
  char            *extra;        /* the prefilled URL's other parameters, kept */
  char            *tried_location; /* the URL being tried, without its password */
  char            *tried_host;   /* for the messages when the server cannot be reached… */
  char            *tried_database; /* …or has no such database */
  guint            tried_port;
  gboolean         tried_password;

  /* Template widgets */
  AdwEntryRow     *host_row;
  AdwEntryRow     *port_row;
  AdwEntryRow     *database_row;
  AdwEntryRow     *user_row;
  AdwEntryRow     *password_row;
  AdwActionRow    *remember_row;
  GtkSwitch       *remember_switch;
  GtkLabel        *error_label;
  GtkSpinner      *spinner;
  GtkWidget       *connect_button;
  GtkWidget       *cancel_button;
};

G_DEFINE_FINAL_TYPE (XfConnectDialog, xf_connect_dialog, ADW_TYPE_WINDOW)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

/*
 * Messages under the form
 */

static void
set_error_text (XfConnectDialog *self,
                const char      *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
clear_row_errors (XfConnectDialog *self)
{
  AdwEntryRow *rows[] = { self->host_row, self->port_row, self->database_row,
                          self->user_row, self->password_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
}

/* What went wrong, in words for the user rather than the server's. */
static char *
describe_error (XfConnectDialog *self,
                const GError    *error)
{
  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    {
      if (!self->tried_password)
        return g_strdup (_("The server asks for a password. Enter the password for this user name."));
      return g_strdup (_("Wrong user name or password. Check them and try again."));
    }

  if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND) && self->tried_database != NULL)
    /* Translators: %s is the database's name, e.g. xianfeng */
    return g_strdup_printf (_("The server has no database named “%s”. Check the name, or ask "
                              "your administrator."), self->tried_database);

  if (g_error_matches (error, XF_ERROR, XF_ERROR_OFFLINE) ||
      g_error_matches (error, XF_ERROR, XF_ERROR_IO))
    {
      if (self->tried_host == NULL || self->tried_host[0] == '\0')
        return g_strdup (_("Cannot reach the database server. Check the network, or ask your "
                           "administrator whether the server is running."));
      /* Translators: %s is the server's name or address, %u its port, e.g. 5432 */
      return g_strdup_printf (_("Cannot reach the server %s on port %u. Check the server’s name, "
                                "the port and the network, or ask your administrator whether the "
                                "database server is running."),
                              self->tried_host, self->tried_port);
    }

  /* Core's own messages are translated and name what is wrong. */
  return g_strdup (error->message);
}

void
xf_connect_dialog_show_error (XfConnectDialog *self,
                              const GError    *error)
{
  g_autofree char *text = NULL;

  g_return_if_fail (XF_IS_CONNECT_DIALOG (self));
  g_return_if_fail (error != NULL);

  text = describe_error (self, error);
  set_error_text (self, text);

  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    {
      /* Only a password that was refused is wrong; one asked for is not. */
      if (self->tried_password)
        gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
}

/*
 * The fields
 */

static void
update_actions (XfConnectDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  g_autofree char *host = row_stripped (self->host_row);
  g_autofree char *database = row_stripped (self->database_row);
  g_autofree char *user = row_stripped (self->user_row);
  gboolean complete = host[0] != '\0' && database[0] != '\0' && user[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", complete && !busy);
}

static void
field_changed_cb (XfConnectDialog *self,
                  GtkEditable     *row)
{
  g_assert (XF_IS_CONNECT_DIALOG (self));

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  update_actions (self);
}

static void
entry_activated_cb (XfConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

/* A missing or wrong field is marked and named. */
static gboolean
fail_field (XfConnectDialog  *self,
            AdwEntryRow      *row,
            GError          **error,
            const char       *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
read_address (XfConnectDialog  *self,
              XfServerAddress  *address,
              GError          **error)
{
  g_autofree char *port = row_stripped (self->port_row);
  guint64 number = 0;

  address->host = row_stripped (self->host_row);
  address->database = row_stripped (self->database_row);
  address->user = row_stripped (self->user_row);
  address->extra = g_strdup (self->extra);

  if (address->host[0] == '\0')
    return fail_field (self, self->host_row, error, _("Enter the server’s name or address."));
  if (strpbrk (address->host, " /?#@") != NULL && address->host[0] != '/')
    return fail_field (self, self->host_row, error,
                       _("The server’s name may not contain spaces or any of / ? # @."));
  if (port[0] != '\0' &&
      (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL)))
    return fail_field (self, self->port_row, error, _("The port is a number from 1 to 65535."));
  address->port = port[0] != '\0' ? (guint) number : XF_SERVER_DEFAULT_PORT;
  if (address->database[0] == '\0')
    return fail_field (self, self->database_row, error, _("Enter the name of the database."));
  if (address->user[0] == '\0')
    return fail_field (self, self->user_row, error, _("Enter your user name."));
  return TRUE;
}

char *
xf_connect_dialog_get_location (XfConnectDialog  *self,
                                GError          **error)
{
  g_autoptr(XfServerAddress) address = xf_server_address_new ();

  g_return_val_if_fail (XF_IS_CONNECT_DIALOG (self), NULL);

  clear_row_errors (self);
  if (!read_address (self, address, error))
    return NULL;
  return xf_server_address_to_location (address);
}

void
xf_connect_dialog_set_location (XfConnectDialog *self,
                                const char      *location)
{
  g_autoptr(XfServerAddress) address = NULL;
  g_autofree char *port = NULL;

  g_return_if_fail (XF_IS_CONNECT_DIALOG (self));

  address = xf_server_address_parse (location);
  if (address == NULL)
    return;

  port = g_strdup_printf ("%u", xf_server_address_get_port (address));
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), address->host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), address->database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), address->user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_free (self->extra);
  self->extra = g_strdup (address->extra);

  /* Everything but the password is known: that is what is asked for. */
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/*
 * Connecting
 */

static void
set_busy (XfConnectDialog *self,
          gboolean         busy)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->host_row), GTK_WIDGET (self->port_row),
                        GTK_WIDGET (self->database_row), GTK_WIDGET (self->user_row),
                        GTK_WIDGET (self->password_row), GTK_WIDGET (self->remember_row) };

  if (!busy)
    g_clear_object (&self->cancellable);
  /* A field must not lose its sensitivity while it has the focus; Cancel
   * holds it meanwhile, ready for Escape or Enter. */
  if (busy)
    gtk_widget_grab_focus (self->cancel_button);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
}

static void
password_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* No keyring here: the password will be asked for each time. */
  if (!xf_password_store_save_finish (result, &error))
    g_debug ("The password was not kept: %s", error->message);
}

static void
password_forgotten_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xf_password_store_clear_finish (result, &error))
    g_debug ("No password forgotten: %s", error->message);
}

static void
connected (XfConnectDialog *self,
           const char      *location)
{
  GSettings *settings = xf_application_get_settings (self->application);
  const char *password = row_text (self->password_row);
  g_autoptr(XfServerAddress) address = xf_server_address_parse (location);
  g_autofree char *description = address != NULL ? xf_server_address_describe (address) : NULL;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self->application));

  /* The next start opens the same database; the URL has no password. */
  g_settings_set_string (settings, "database-path", location);

  if (gtk_switch_get_active (self->remember_switch) && password[0] != '\0')
    xf_password_store_save (location, password, NULL, password_kept_cb, NULL);
  else
    xf_password_store_clear (location, NULL, password_forgotten_cb, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    if (XF_IS_WINDOW (l->data) && description != NULL)
      {
        /* Translators: %s is e.g. "xianfeng on db.huzhou.example" */
        xf_window_add_toast (l->data, adw_toast_new_format (_("Connected to %s"), description));
        break;
      }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XfConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  if (xf_application_connect_finish (XF_APPLICATION (source), result, &error))
    {
      set_busy (self, FALSE);
      connected (self, self->tried_location);
      return;
    }

  /* Cancelled: the form is the user's again, nothing to say. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  xf_connect_dialog_show_error (self, error);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfConnectDialog *self = XF_CONNECT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  char *url = NULL;
  const char *password = row_text (self->password_row);
  g_autoptr(XfServerAddress) address = NULL;

  if (self->cancellable != NULL)
    return;

  location = xf_connect_dialog_get_location (self, &error);
  if (location == NULL)
    {
      set_error_text (self, error->message);
      return;
    }
  set_error_text (self, NULL);

  if (password[0] != '\0')
    url = xf_db_location_with_password (location, password);
  if (url == NULL)
    url = g_strdup (location);

  address = xf_server_address_parse (location);
  g_free (self->tried_host);
  self->tried_host = g_strdup (address != NULL ? address->host : NULL);
  g_free (self->tried_database);
  self->tried_database = g_strdup (address != NULL ? address->database : NULL);
  self->tried_port = address != NULL ? xf_server_address_get_port (address) : XF_SERVER_DEFAULT_PORT;
  self->tried_password = password[0] != '\0';

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  xf_application_connect (self->application, url, self->cancellable, connect_cb, g_object_ref (self));
  xf_password_store_free_password (url);
  g_free (self->tried_location);
  self->tried_location = g_steal_pointer (&location);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfConnectDialog *self = XF_CONNECT_DIALOG (widget);

  /* The first Cancel stops waiting for the server; the next one closes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
xf_connect_dialog_dispose (GObject *object)
{
  XfConnectDialog *self = XF_CONNECT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xf_connect_dialog_parent_class)->dispose (object);
}

static void
xf_connect_dialog_finalize (GObject *object)
{
  XfConnectDialog *self = XF_CONNECT_DIALOG (object);

  g_clear_pointer (&self->extra, g_free);
  g_clear_pointer (&self->tried_host, g_free);
  g_clear_pointer (&self->tried_database, g_free);
  g_clear_pointer (&self->tried_location, g_free);

  G_OBJECT_CLASS (xf_connect_dialog_parent_class)->finalize (object);
}

static void
xf_connect_dialog_class_init (XfConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_connect_dialog_dispose;
  object_class->finalize = xf_connect_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/xf-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, remember_row);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, XfConnectDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "connect.cancel", NULL);
}

static void
xf_connect_dialog_init (XfConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
xf_connect_dialog_new (XfApplication *application)
{
  XfConnectDialog *self;

  g_return_val_if_fail (XF_IS_APPLICATION (application), NULL);

  self = g_object_new (XF_TYPE_CONNECT_DIALOG, NULL);
  self->application = application;
  gtk_widget_grab_focus (GTK_WIDGET (self->host_row));
  return GTK_WIDGET (self);
}

const char *
xf_connect_dialog_get_error (XfConnectDialog *self)
{
  g_return_val_if_fail (XF_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

gboolean
xf_connect_dialog_get_busy (XfConnectDialog *self)
{
  g_return_val_if_fail (XF_IS_CONNECT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
