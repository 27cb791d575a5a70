/* xf-application.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-application"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-application.h"
#include "xf-backup-scheduler.h"
#include "xf-connect-dialog.h"
#include "xf-error.h"
#include "xf-password-store.h"
#include "xf-preferences-window.h"
#include "xf-reference.h"
#include "xf-window.h"

struct _XfApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  XfStore        *store;
  XfAccounts     *accounts;          /* of the store */
  XfAccount      *account;           /* signed in, or NULL */
  XfRegistry     *registry;          /* made for the account */
  char           *database_path;
  GError         *database_error;
  char           *option_database;   /* --database, if given */
  gboolean        tried_initial;
  gboolean        connecting;        /* the first database is a server, still being reached */
  GCancellable   *cancellable;       /* cancelled in dispose */
  XfBackupScheduler *backup_scheduler; /* the daily backup of a database file */
};

G_DEFINE_FINAL_TYPE (XfApplication, xf_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_ACCOUNT,
  PROP_DATABASE_PATH,
  PROP_CONNECTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];
static gint64 process_start_us;

void
xf_application_set_start_time (gint64 monotonic_us)
{
  process_start_us = monotonic_us;
}

gint64
xf_application_get_start_time (void)
{
  return process_start_us;
}

XfApplication *
xf_application_new (void)
{
  return g_object_new (XF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/*
 * Opening databases
 */

/* What the application shows and remembers of a location: a server's
 * URL loses its password, a file path stays as it is. */
static char *
safe_location (const char *location)
{
  if (xf_db_location_is_url (location))
    return xf_db_location_strip_password (location);
  return g_strdup (location);
}

static void
set_database_path (XfApplication *self,
                   const char    *location)
{
  g_autofree char *safe = safe_location (location);

  if (g_strcmp0 (self->database_path, safe) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_steal_pointer (&safe);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATABASE_PATH]);
}

/* While no database is open, the window shows why the last try failed. */
static void
record_failure (XfApplication *self,
                const char    *location,
                const GError  *error)
{
  if (self->store != NULL)
    return;
  g_clear_error (&self->database_error);
  self->database_error = g_error_copy (error);
  set_database_path (self, location);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGISTRY]);
}

static void
set_connecting (XfApplication *self,
                gboolean       connecting)
{
  if (self->connecting == connecting)
    return;
  self->connecting = connecting;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTING]);
}

static void
set_session (XfApplication *self,
             XfAccount     *account,
             XfRegistry    *registry)
{
  g_set_object (&self->account, account);
  g_set_object (&self->registry, registry);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGISTRY]);
}

/* The person leaves (or the database goes): audited, then forgotten. */
static void
end_session (XfApplication *self)
{
  g_autoptr(XfAccount) account = g_steal_pointer (&self->account);

  if (account == NULL)
    return;
  if (!xf_account_is_local_administrator (account))
    xf_accounts_sign_out (self->accounts, account);
  g_clear_object (&self->registry);
}

static gboolean sign_in_unattended (XfApplication *self);

/* Makes @store the open database, no one signed in yet; @location is how
 * it was opened. */
static gboolean
install_store (XfApplication  *self,
               XfStore        *store,
               const char     *location,
               GError        **error)
{
  g_autoptr(XfAccounts) accounts = NULL;

  /* Every page labels codes through the reference tables: a missing or
   * damaged data file is reported like a database that cannot be opened. */
  if (xf_reference_get_default (error) == NULL)
    return FALSE;

  /* Whether anyone may sign in decides what the window shows first. */
  accounts = xf_accounts_new (store);
  if (xf_accounts_count (accounts, error) < 0)
    return FALSE;

  end_session (self);
  g_clear_error (&self->database_error);
  g_set_object (&self->store, store);
  g_set_object (&self->accounts, accounts);
  set_connecting (self, FALSE);
  set_database_path (self, location);
  set_session (self, NULL, NULL);
  sign_in_unattended (self);
  return TRUE;
}

gboolean
xf_application_begin_session (XfApplication  *self,
                              XfAccount      *account,
                              GError        **error)
{
  g_autoptr(XfRegistry) registry = NULL;

  g_return_val_if_fail (XF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  registry = xf_registry_new (self->store, account);
  /* A read-only file keeps whatever organisations it has. */
  if (!xf_store_is_read_only (self->store) &&
      !xf_registry_ensure_organisations (registry, error))
    return FALSE;

  if (self->account != NULL && self->account != account)
    end_session (self);
  if (!xf_account_is_local_administrator (account))
    g_settings_set_string (self->settings, "last-login", xf_account_get_login (account));
  set_session (self, account, registry);
  return TRUE;
}

void
xf_application_sign_out (XfApplication *self)
{
  g_return_if_fail (XF_IS_APPLICATION (self));

  if (self->account == NULL)
    return;
  end_session (self);
  set_session (self, NULL, NULL);
}

gboolean
xf_application_open_database (XfApplication  *self,
                              const char     *path,
                              gboolean        create,
                              GError        **error)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (xf_reference_get_default (&local_error) == NULL)
    store = NULL;
  /* A server's database is set up on first use, like the default file. */
  else if (create || xf_db_location_is_url (path))
    store = xf_store_open (path, &local_error);
  else
    store = xf_store_open_existing (path, &local_error);

  if (store == NULL || !install_store (self, store, path, &local_error))
    {
      g_assert (local_error != NULL);
      record_failure (self, path, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
xf_application_use_store (XfApplication  *self,
                          XfStore        *store,
                          GError        **error)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (XF_IS_STORE (store), FALSE);

  return install_store (self, store, xf_db_get_path (xf_store_get_db (store)), error);
}

/*
 * Shared databases: the connection is made in a worker thread, as a
 * server far away or gone may take a while to answer.
 */

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *location = task_data;
  GError *error = NULL;
  XfStore *store = xf_store_open (location, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
xf_application_connect (XfApplication       *self,
                        const char          *location,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XF_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_application_connect);
  /* The location may hold a password: wiped when the task goes. */
  g_task_set_task_data (task, g_strdup (location), (GDestroyNotify) xf_password_store_free_password);
  /* Cancel answers at once; a connection that comes later is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, connect_thread);
}

gboolean
xf_application_connect_finish (XfApplication  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_autoptr(XfStore) store = NULL;

  g_return_val_if_fail (XF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  store = g_task_propagate_pointer (G_TASK (result), error);
  if (store == NULL)
    return FALSE;
  return xf_application_use_store (self, store, error);
}

GtkWidget *
xf_application_show_connect_dialog (XfApplication *self,
                                    const char    *location,
                                    const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = xf_connect_dialog_new (self);

  if (location != NULL)
    xf_connect_dialog_set_location (XF_CONNECT_DIALOG (dialog), location);
  if (error != NULL)
    xf_connect_dialog_show_error (XF_CONNECT_DIALOG (dialog), error);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
is_unattended (void)
{
  return g_getenv ("XIANFENG_REPORT_FIRST_ROWS") != NULL || g_getenv ("XIANFENG_BENCH_SCROLL") != NULL;
}

/* A benchmark run has no one to read the error page: say it and stop. */
static gboolean
quit_if_unattended (XfApplication *self)
{
  if (self->store != NULL || self->database_error == NULL || !is_unattended ())
    return FALSE;
  g_printerr ("xianfeng: %s\n", self->database_error->message);
  g_application_quit (G_APPLICATION (self));
  return TRUE;
}

/* Nor anyone to sign in: it signs in as the CLI does, with $XIANFENG_USER
 * and $XIANFENG_PASSWORD, or as the local administrator on a file with no
 * accounts yet; failing that it says why and stops. */
static gboolean
sign_in_unattended (XfApplication *self)
{
  const char *login = g_getenv ("XIANFENG_USER");
  const char *password = g_getenv ("XIANFENG_PASSWORD");
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_unattended ())
    return FALSE;

  if (login != NULL && password != NULL)
    account = xf_accounts_sign_in (self->accounts, login, password, &error);
  else if (xf_accounts_count (self->accounts, &error) == 0 &&
           !xf_db_location_is_url (xf_db_get_path (xf_store_get_db (self->store))))
    account = xf_account_new_local_administrator ();
  else if (error == NULL)
    g_set_error_literal (&error, XF_ERROR, XF_ERROR_AUTH,
                         "this database has accounts: set XIANFENG_USER and XIANFENG_PASSWORD");

  if (account == NULL || !xf_application_begin_session (self, account, &error))
    {
      g_printerr ("xianfeng: %s\n", error->message);
      g_application_quit (G_APPLICATION (self));
      return FALSE;
    }
  return TRUE;
}

static void
initial_connected_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(XfApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (xf_application_connect_finish (self, result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  record_failure (self, self->database_path, error);
  set_connecting (self, FALSE);
  if (quit_if_unattended (self))
    return;

  /* The server wants a password we do not have (none kept, or no keyring
   * to keep it): ask for it, with the rest filled in. */
  if (g_error_matches (error, XF_ERROR, XF_ERROR_AUTH))
    xf_application_show_connect_dialog (self, self->database_path, error);
}

static void
initial_password_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XfApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = xf_password_store_lookup_finish (result, &error);
  g_autofree char *location = NULL;

  /* No keyring is no failure: the server will say if it wants a password. */
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      xf_password_store_free_password (password);
      return;
    }

  if (password != NULL)
    location = xf_db_location_with_password (self->database_path, password);
  if (location == NULL)
    location = g_strdup (self->database_path);
  xf_password_store_free_password (password);

  xf_application_connect (self, location, self->cancellable, initial_connected_cb, g_object_ref (self));
  xf_password_store_free_password (g_steal_pointer (&location));
}

/* A server named at start: its password comes from the keyring, unless
 * the location carries one. The window shows "Connecting…" meanwhile. */
static void
connect_initial (XfApplication *self,
                 const char    *location)
{
  g_autofree char *safe = safe_location (location);

  set_database_path (self, location);
  set_connecting (self, TRUE);

  if (g_strcmp0 (safe, location) != 0)
    xf_application_connect (self, location, self->cancellable, initial_connected_cb, g_object_ref (self));
  else
    xf_password_store_lookup (location, self->cancellable, initial_password_cb, g_object_ref (self));
}

/* The first database: --database, $XIANFENG_DATABASE, the saved setting,
 * then the default file, which alone is created when missing (a path the
 * user named must exist, so a typo does not make a stray empty file). */
static void
open_initial_database (XfApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "database-path");
  const char *env = g_getenv ("XIANFENG_DATABASE");
  g_autofree char *path = NULL;
  gboolean create = FALSE;

  self->tried_initial = TRUE;

  if (self->option_database != NULL)
    path = g_strdup (self->option_database);
  else if (env != NULL && env[0] != '\0')
    path = g_strdup (env);
  else if (setting[0] != '\0')
    path = g_steal_pointer (&setting);
  else
    {
      path = xf_store_default_path ();
      create = TRUE;
    }

  if (xf_db_location_is_url (path))
    connect_initial (self, path);
  else
    xf_application_open_database (self, path, create, NULL);
}

/* The main window, even while a dialog of ours is the active one. */
static XfWindow *
get_window (XfApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (XF_IS_WINDOW (l->data))
      return XF_WINDOW (l->data);
  return NULL;
}

static void
toast_in_window (XfApplication *self,
                 const char    *message)
{
  XfWindow *window = get_window (self);

  if (window != NULL)
    xf_window_add_toast (window, adw_toast_new (message));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(XfApplication) self = user_data;
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "create"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!xf_application_open_database (self, path, create, &error))
    {
      toast_in_window (self, error->message);
      return;
    }

  /* Remember the choice for the next start. */
  g_settings_set_string (self->settings, "database-path", path);
}

static void
run_database_chooser (XfApplication *self,
                      gboolean       create)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) db_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (create)
    chooser = gtk_file_chooser_native_new (_("Create a New Database"), parent,
                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Create"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Open a Database"), parent,
                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (db_filter, _("Xianfeng databases"));
  gtk_file_filter_add_pattern (db_filter, "*.db");
  gtk_file_filter_add_pattern (db_filter, "*.sqlite");
  gtk_file_filter_add_pattern (db_filter, "*.sqlite3");
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), db_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "xianfeng.db");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "create", GINT_TO_POINTER (create));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Actions
 */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  XfApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  XfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (xf_preferences_window_new (self));

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  XfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Xianfeng developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Xianfeng"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Find, honour, look after and deploy model workers, "
                                       "craftsmen and advanced collectives"),
                         "developer-name", _("The Xianfeng developers"),
                         "developers", developers,
                         "copyright", _("© 2026 The Xianfeng developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
connect_database_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  XfApplication *self = XF_APPLICATION (user_data);
  const char *path = self->database_path;

  /* A server's details are filled in from the one in use, if any. */
  xf_application_show_connect_dialog (self, path != NULL && xf_db_location_is_url (path) ? path : NULL, NULL);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  run_database_chooser (XF_APPLICATION (user_data), FALSE);
}

static void
new_database_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  run_database_chooser (XF_APPLICATION (user_data), TRUE);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "open-database", open_database_action },
  { "new-database", new_database_action },
  { "connect-database", connect_database_action },
};

/*
 * GApplication
 */

static int
xf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  XfApplication *self = XF_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->option_database);
      /* A server's URL is no file to resolve. */
      if (xf_db_location_is_url (path))
        self->option_database = g_steal_pointer (&path);
      else
        self->option_database = g_file_get_path (file);
    }

  return G_APPLICATION_CLASS (xf_application_parent_class)->handle_local_options (app, options);
}

static void
xf_application_startup (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    /* Super+L is the desktop's own lock. */
    { "win.lock", { "<Control>l", NULL } },
    { "win.sign-out", { "<Control><Shift>q", NULL } },
  };

  G_APPLICATION_CLASS (xf_application_parent_class)->startup (app);

  self->settings = g_settings_new ("io.github.xianfeng.Xianfeng");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->backup_scheduler = xf_backup_scheduler_new (GTK_APPLICATION (self));
}

static void
xf_application_activate (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);
  XfWindow *window;

  if (!self->tried_initial && self->store == NULL)
    open_initial_database (self);

  if (quit_if_unattended (self))
    return;

  window = get_window (self);
  if (window == NULL)
    window = xf_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
}

/* Quitting is leaving the desk: the sign-out is recorded. */
static void
xf_application_shutdown (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);

  end_session (self);

  G_APPLICATION_CLASS (xf_application_parent_class)->shutdown (app);
}

static void
xf_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfApplication *self = XF_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_CONNECTING:
      g_value_set_boolean (value, self->connecting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (xf_application_parent_class)->constructed (object);

  /* The same resources serve the .Devel flavour (and the tests), whose id
   * differs; GApplication derives the path from the id until told. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/xianfeng/Xianfeng");
}

static void
xf_application_dispose (GObject *object)
{
  XfApplication *self = XF_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->backup_scheduler != NULL)
    g_object_run_dispose (G_OBJECT (self->backup_scheduler));
  g_clear_object (&self->backup_scheduler);
  g_clear_object (&self->registry);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_application_parent_class)->dispose (object);
}

static void
xf_application_finalize (GObject *object)
{
  XfApplication *self = XF_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->option_database, g_free);
  g_clear_error (&self->database_error);

  G_OBJECT_CLASS (xf_application_parent_class)->finalize (object);
}

static void
xf_application_class_init (XfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = xf_application_constructed;
  object_class->get_property = xf_application_get_property;
  object_class->dispose = xf_application_dispose;
  object_class->finalize = xf_application_finalize;

  app_class->handle_local_options = xf_application_handle_local_options;
  app_class->startup = xf_application_startup;
  app_class->activate = xf_application_activate;
  app_class->shutdown = xf_application_shutdown;

  /**
   * XfApplication:registry:
   *
   * The registry of the open database made for the account signed in, or
   * %NULL while no one is (or no database could be opened).
   */
  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         XF_TYPE_REGISTRY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfApplication:account:
   *
   * The account signed in to the open database, or %NULL.
   */
  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         XF_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfApplication:database-path:
   *
   * The open database's file, or its server's URL without the password.
   */
  properties [PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfApplication:connecting:
   *
   * Whether the first database, on a server, is still being connected to.
   */
  properties [PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_application_init (XfApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file, or the shared database at this postgresql:// address"),
      N_("PATH") },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

XfRegistry *
xf_application_get_registry (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->registry;
}

const char *
xf_application_get_database_path (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->database_path;
}

const GError *
xf_application_get_database_error (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->store == NULL ? self->database_error : NULL;
}

XfStore *
xf_application_get_store (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->store;
}

XfAccounts *
xf_application_get_accounts (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->accounts;
}

XfAccount *
xf_application_get_account (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->account;
}

gboolean
xf_application_get_connecting (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), FALSE);
  return self->connecting;
}

gboolean
xf_application_is_read_only (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), TRUE);
  return self->store == NULL || xf_store_is_read_only (self->store);
}

GSettings *
xf_application_get_settings (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return self->settings;
}

GObject *
xf_application_get_backup_scheduler (XfApplication *self)
{
  g_return_val_if_fail (XF_IS_APPLICATION (self), NULL);
  return G_OBJECT (self->backup_scheduler);
}
