/* test-shared-database.c — connecting to a shared database, and its
 * password, with or without a keyring
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-change-monitor.h"
#include "xf-connect-dialog.h"
#include "xf-error.h"
#include "xf-password-store.h"
#include "xf-test-store.h"
#include "xf-test-util.h"

typedef XfTestWindow Fixture;

static GtkWidget *
dialog_child (XfConnectDialog *dialog,
              const char      *name)
{
  return xf_test_template_child (dialog, XF_TYPE_CONNECT_DIALOG, name);
}

static void
set_row (XfConnectDialog *dialog,
         const char      *name,
         const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

static XfConnectDialog *
find_connect_dialog (void)
{
  return (XfConnectDialog *) xf_test_find_toplevel (XF_TYPE_CONNECT_DIALOG);
}

static gboolean
connect_dialog_shown (gpointer data)
{
  return find_connect_dialog () != NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !xf_connect_dialog_get_busy (data);
}

/* Opens the dialog the way Preferences and the error page do. */
static XfConnectDialog *
open_connect_dialog (Fixture *fixture)
{
  XfConnectDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "connect-database", NULL);
  g_assert_true (xf_test_wait_until (connect_dialog_shown, NULL, 2000));
  dialog = find_connect_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static void
close_connect_dialogs (void)
{
  XfConnectDialog *dialog;

  while ((dialog = find_connect_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* No key of ours may hold @password, whatever its type. */
static void
assert_settings_free_of (const char *password)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, password));
    }
}

/* A port on the loopback where nothing listens (it was free a moment ago). */
static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/*
 * A server that speaks just enough of PostgreSQL's protocol to ask for a
 * password and refuse it: the way to see XF_ERROR_AUTH without a cluster.
 */

#define SSL_REQUEST    80877103
#define GSSENC_REQUEST 80877104

static gboolean
read_exact (GInputStream *in,
            void         *buffer,
            gsize         size)
{
  gsize got = 0;

  return g_input_stream_read_all (in, buffer, size, &got, NULL, NULL) && got == size;
}

static void
write_bytes (GOutputStream *out,
             const void    *data,
             gsize          size)
{
  g_output_stream_write_all (out, data, size, NULL, NULL, NULL);
}

static void
put_int32 (GByteArray *bytes,
           guint32     value)
{
  guint32 be = GUINT32_TO_BE (value);

  g_byte_array_append (bytes, (const guint8 *) &be, 4);
}

static void
refuse_password (GOutputStream *out)
{
  static const char fields[] =
    "SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"clerk\"\0";
  g_autoptr(GByteArray) message = g_byte_array_new ();

  g_byte_array_append (message, (const guint8 *) "E", 1);
  put_int32 (message, 4 + sizeof fields);   /* the fields, and the final NUL */
  g_byte_array_append (message, (const guint8 *) fields, sizeof fields);
  write_bytes (out, message->data, message->len);
}

static gboolean
fake_server_run_cb (GThreadedSocketService *service,
                    GSocketConnection      *connection,
                    GObject                *source,
                    gpointer                user_data)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  static const guint8 ask_cleartext[] = { 'R', 0, 0, 0, 8, 0, 0, 0, 3 };
  guint32 length, code;
  char type;

  /* Encryption requests are declined; the startup message gets the question. */
  for (;;)
    {
      g_autofree guint8 *rest = NULL;

      if (!read_exact (in, &length, 4) || !read_exact (in, &code, 4))
        return TRUE;
      length = GUINT32_FROM_BE (length);
      code = GUINT32_FROM_BE (code);
      if (length < 8 || length > 10000)
        return TRUE;
      rest = g_malloc (length - 8 + 1);
      if (length > 8 && !read_exact (in, rest, length - 8))
        return TRUE;
      if (code == SSL_REQUEST || code == GSSENC_REQUEST)
        {
          write_bytes (out, "N", 1);
          continue;
        }
      break;
    }

  write_bytes (out, ask_cleartext, sizeof ask_cleartext);
  /* A client without a password hangs up here; one with it sends 'p'. */
  if (read_exact (in, &type, 1) && type == 'p')
    refuse_password (out);
  return TRUE;
}

static GSocketService *
start_fake_server (guint16 *port)
{
  GSocketService *service = g_threaded_socket_service_new (4);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (service, "run", G_CALLBACK (fake_server_run_cb), NULL);
  g_socket_service_start (service);
  return service;
}

static void
stop_fake_server (GSocketService *service)
{
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_object_unref (service);
}

/*
 * The connect dialog
 */

static void
test_dialog_location (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "local.db", 3, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  XfConnectDialog *dialog;

  xf_test_window_show (fixture, 1000, 700);
  dialog = open_connect_dialog (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* The port has its default; Connect waits for server, database and user. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "port_row"))), ==, "5432");
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "connect_button")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dialog_child (dialog, "remember_switch"))));

  set_row (dialog, "host_row", " db.huzhou.example ");
  set_row (dialog, "port_row", "6543");
  set_row (dialog, "database_row", "xianfeng 2026");
  set_row (dialog, "user_row", "zhang@hz");
  set_row (dialog, "password_row", "s3cret:@/pw");
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "connect_button")));

  /* Escaped, trimmed, and without the password. */
  location = xf_connect_dialog_get_location (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, "postgresql://zhang%40hz@db.huzhou.example:6543/xianfeng%202026");
  g_clear_pointer (&location, g_free);

  /* An IPv6 address goes in brackets. */
  set_row (dialog, "host_row", "::1");
  location = xf_connect_dialog_get_location (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, "postgresql://zhang%40hz@[::1]:6543/xianfeng%202026");
  g_clear_pointer (&location, g_free);

  /* A wrong port is named, and its row marked. */
  set_row (dialog, "port_row", "70000");
  location = xf_connect_dialog_get_location (dialog, &error);
  g_assert_null (location);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "port"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "port_row"), "error"));
  g_clear_error (&error);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_nonnull (strstr (xf_connect_dialog_get_error (dialog), "port"));
  g_assert_false (xf_connect_dialog_get_busy (dialog));

  /* Filled in from a URL: its password is dropped, its other parameters kept. */
  xf_connect_dialog_set_location (dialog, "postgresql://li:old-pw@10.1.2.3:5433/registry?sslmode=require");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "host_row"))), ==, "10.1.2.3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "port_row"))), ==, "5433");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "database_row"))), ==, "registry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "user_row"))), ==, "li");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "password_row"))), ==, "");
  location = xf_connect_dialog_get_location (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, "postgresql://li@10.1.2.3:5433/registry?sslmode=require");

  /* Escape closes it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.cancel", NULL);
  xf_test_iterate (50);
  g_assert_null (find_connect_dialog ());
}

static void
test_dialog_unreachable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "local.db", 3, 1);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autofree char *port = g_strdup_printf ("%u", closed_port ());
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  XfConnectDialog *dialog;

  xf_test_window_show (fixture, 1000, 700);
  dialog = open_connect_dialog (fixture);
  set_row (dialog, "host_row", "127.0.0.1");
  set_row (dialog, "port_row", port);
  set_row (dialog, "database_row", "xianfeng");
  set_row (dialog, "user_row", "clerk");
  set_row (dialog, "password_row", "hunter2-unreachable");

  /* The connection is tried in a thread, with a spinner. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_connect_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "spinner")));
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "host_row")));
  g_assert_true (xf_test_wait_until (dialog_idle, dialog, 15000));

  expected = g_strdup_printf ("Cannot reach the server 127.0.0.1 on port %s.", port);
  g_assert_true (g_str_has_prefix (xf_connect_dialog_get_error (dialog), expected));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "spinner")));
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "host_row")));

  /* The local database stays open and remembered; no password anywhere. */
  g_assert_cmpstr (xf_application_get_database_path (fixture->app), ==, path);
  saved = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (saved, ==, "");
  assert_settings_free_of ("hunter2");
  g_assert_true (xf_test_screenshot (GTK_WIDGET (dialog), "connect-dialog-unreachable"));

  /* Cancel while connecting gives the form back at once. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_connect_dialog_get_busy (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.cancel", NULL);
  g_assert_false (xf_connect_dialog_get_busy (dialog));
  g_assert_nonnull (find_connect_dialog ());
  xf_test_iterate (200);
  g_assert_null (xf_connect_dialog_get_error (dialog));
  close_connect_dialogs ();
}

static void
test_dialog_wrong_password (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "local.db", 3, 1);
  guint16 port = 0;
  GSocketService *server = start_fake_server (&port);
  g_autofree char *location = g_strdup_printf ("postgresql://clerk@127.0.0.1:%u/xianfeng", port);
  XfConnectDialog *dialog;

  xf_test_window_show (fixture, 1000, 700);
  dialog = open_connect_dialog (fixture);
  xf_connect_dialog_set_location (dialog, location);

  /* No password given: the server asks for one. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_test_wait_until (dialog_idle, dialog, 15000));
  g_assert_cmpstr (xf_connect_dialog_get_error (dialog), ==,
                   "The server asks for a password. Enter the password for this user name.");
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "password_row"), "error"));

  /* A password the server refuses. */
  set_row (dialog, "password_row", "wrong-horse");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_test_wait_until (dialog_idle, dialog, 15000));
  g_assert_cmpstr (xf_connect_dialog_get_error (dialog), ==,
                   "Wrong user name or password. Check them and try again.");
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "password_row"), "error"));
  g_assert_cmpstr (xf_application_get_database_path (fixture->app), ==, path);
  assert_settings_free_of ("wrong-horse");

  close_connect_dialogs ();
  stop_fake_server (server);
}

/*
 * Passwords without a keyring: this test binary runs with no D-Bus session
 * bus (see main), as on a desk without a Secret Service.
 */

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
window_shows_error (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

static void
test_no_keyring_asks (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port = 0;
  GSocketService *server = start_fake_server (&port);
  g_autofree char *location = g_strdup_printf ("postgresql://clerk@127.0.0.1:%u/xianfeng", port);
  char *password;
  GtkStack *main_stack;
  XfConnectDialog *dialog;

  /* No Secret Service: the lookup fails, quietly, and keeps nothing. */
  xf_password_store_lookup (location, NULL, lookup_done_cb, &result);
  g_assert_true (xf_test_wait_until (have_result, &result, 10000));
  password = xf_password_store_lookup_finish (result, &error);
  g_assert_null (password);
  g_assert_nonnull (error);

  /* Start as a desk whose settings name a server. */
  g_settings_set_string (settings, "database-path", location);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = XF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  main_stack = GTK_STACK (xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "main_stack"));
  g_assert_true (xf_application_get_connecting (fixture->app));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "connecting");

  /* The server wants a password the app has not got: the dialog asks,
   * with everything else filled in. */
  g_assert_true (xf_test_wait_until (window_shows_error, fixture, 15000));
  g_assert_true (xf_test_wait_until (connect_dialog_shown, NULL, 2000));
  dialog = find_connect_dialog ();
  g_assert_false (xf_application_get_connecting (fixture->app));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "host_row"))), ==, "127.0.0.1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "user_row"))), ==, "clerk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "database_row"))), ==, "xianfeng");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "password_row"))), ==, "");
  g_assert_cmpstr (xf_connect_dialog_get_error (dialog), ==,
                   "The server asks for a password. Enter the password for this user name.");
  g_assert_nonnull (xf_test_find_widget (xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "error_status"),
                                         GTK_TYPE_BUTTON, "Connect to a _shared database…"));

  /* What the user types goes to the server, not to the settings. */
  set_row (dialog, "password_row", "typed-at-start");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_test_wait_until (dialog_idle, dialog, 15000));
  g_assert_cmpstr (xf_connect_dialog_get_error (dialog), ==,
                   "Wrong user name or password. Check them and try again.");
  assert_settings_free_of ("typed-at-start");

  close_connect_dialogs ();
  g_settings_reset (settings, "database-path");
  stop_fake_server (server);
}

/*
 * A real server, when the test run has one
 */

static gboolean
connect_finished (gpointer data)
{
  XfConnectDialog *dialog = find_connect_dialog ();

  return dialog == NULL || !xf_connect_dialog_get_busy (dialog);
}

static gboolean
window_shows_content (gpointer data)
{
  Fixture *fixture = data;

  return xf_window_get_registry_page (fixture->window) != NULL;
}

static void
test_postgresql_connect (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = xf_test_window_open_db (fixture, "local.db", 3, 1);
  g_autofree char *location = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *password = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  XfConnectDialog *dialog;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("No PostgreSQL server ($XIANFENG_TEST_POSTGRESQL)");
      return;
    }

  location = xf_test_database_location (NULL, NULL);
  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (uri);
  /* The server's own password if it has one; a server that trusts the
   * loopback ignores any. Either way it is kept nowhere in the settings. */
  password = g_strdup (g_uri_get_password (uri) != NULL ? g_uri_get_password (uri) : "not-kept-anywhere");
  xf_test_window_show (fixture, 1280, 800);
  dialog = open_connect_dialog (fixture);
  xf_connect_dialog_set_location (dialog, location);
  set_row (dialog, "password_row", password);

  /* A database the server does not have is named. */
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "database_row"))));
  set_row (dialog, "database_row", "xianfeng_no_such_database");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (xf_test_wait_until (dialog_idle, dialog, 30000));
  g_assert_cmpstr (xf_connect_dialog_get_error (dialog), ==,
                   "The server has no database named “xianfeng_no_such_database”. "
                   "Check the name, or ask your administrator.");
  set_row (dialog, "database_row", text);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  /* On success the dialog closes; on failure it stays and says why. */
  g_assert_true (xf_test_wait_until (connect_finished, NULL, 30000));
  dialog = find_connect_dialog ();
  if (dialog != NULL)
    g_error ("Could not connect: %s", xf_connect_dialog_get_error (dialog));
  g_assert_true (xf_test_wait_until (window_shows_content, fixture, 5000));

  g_assert_true (xf_application_get_registry (fixture->app) != NULL);
  g_assert_true (xf_db_location_is_url (xf_application_get_database_path (fixture->app)));
  g_assert_null (strstr (xf_application_get_database_path (fixture->app), password));
  saved = g_settings_get_string (settings, "database-path");
  g_assert_true (g_str_has_prefix (saved, "postgresql://"));
  g_assert_null (strstr (saved, password));
  g_assert_cmpstr (saved, ==, xf_application_get_database_path (fixture->app));
  g_assert_nonnull (strstr (saved, "search_path"));
  assert_settings_free_of (password);
  g_assert_true (xf_db_get_backend (xf_change_monitor_get_db (xf_window_get_change_monitor (fixture->window)))
                 == XF_DB_BACKEND_POSTGRESQL);
  g_settings_reset (settings, "database-path");
}

int
main (int   argc,
      char *argv[])
{
  /* No session bus, so no Secret Service: the desk that must be asked for
   * its password each time, and no test writes to a real keyring. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/xianfeng-test-bus", TRUE);
  /* libpq must not find a password of the user's own either. */
  g_setenv ("PGPASSFILE", "/nonexistent/xianfeng-test-pgpass", TRUE);
  g_unsetenv ("PGPASSWORD");

  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, xf_test_window_set_up, func, xf_test_window_tear_down)
  ADD ("/ui/shared-database/dialog-location", test_dialog_location);
  ADD ("/ui/shared-database/dialog-unreachable", test_dialog_unreachable);
  ADD ("/ui/shared-database/dialog-wrong-password", test_dialog_wrong_password);
  ADD ("/ui/shared-database/no-keyring-asks", test_no_keyring_asks);
  ADD ("/ui/shared-database/postgresql-connect", test_postgresql_connect);
#undef ADD

  return g_test_run ();
}
