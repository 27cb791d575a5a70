/* main.c — xianfeng-portal, the public web portal behind the QR codes
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-portal"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "xf-data.h"
#include "xf-portal-config.h"
#include "xf-portal-guard.h"
#include "xf-portal-router.h"
#include "xf-portal-server.h"
#include "xf-portal.h"
#include "xf-reference.h"
#include "xf-store.h"

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "xianfeng-portal: %s\n", message);
  return 1;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* "http://127.0.0.1:8080/", "http://[::1]:8080/". */
static char *
listening_url (const XfPortalConfig *config,
               guint                 port)
{
  if (strchr (config->listen_address, ':') != NULL)
    return g_strdup_printf ("http://[%s]:%u/", config->listen_address, port);
  return g_strdup_printf ("http://%s:%u/", config->listen_address, port);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *config_file = NULL;
  g_autofree char *secret_file = NULL;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_STRING, &database,
      N_("The database: an SQLite file or postgresql://user@host/name (the password from PGPASSWORD or ~/.pgpass)"),
      N_("URL") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("The address and port to listen on (default 127.0.0.1:8080; [::1]:PORT for IPv6)"),
      N_("ADDR:PORT") },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_file,
      N_("A key file with a [portal] group (default /etc/xianfeng/portal.conf when it exists)"),
      N_("FILE") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file,
      N_("The signing secret, made on first start (default in the user state folder)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPortalConfig) config = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfPortal) portal = NULL;
  g_autoptr(GBytes) secret = NULL;
  g_autoptr(XfPortalGuard) guard = NULL;
  g_autoptr(XfPortalServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  XfPortalContext ctx = { NULL, };
  guint sigint_id, sigterm_id;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, xf_data_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  xf_portal_init_language ();

  options = g_option_context_new (NULL);
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_summary (options,
                                _("The public web portal: pioneers’ cards, public notices and the "
                                  "service menu, behind the name cards’ QR codes."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      fail ("%s", error->message);
      return 2;
    }
  if (argc > 1)
    {
      fail (_("Unexpected argument “%s”"), argv[1]);
      return 2;
    }

  /* Defaults, GSettings, the key file, then the command line. */
  config = xf_portal_config_load (config_file, &error);
  if (config == NULL)
    return fail ("%s", error->message);
  if (database != NULL)
    {
      g_free (config->database);
      config->database = g_steal_pointer (&database);
    }
  if (listen != NULL && !xf_portal_config_set_listen (config, listen, &error))
    return fail ("%s", error->message);
  if (secret_file != NULL)
    {
      g_free (config->secret_file);
      config->secret_file = g_steal_pointer (&secret_file);
    }
  if (config->database == NULL || config->database[0] == '\0')
    {
      fail (_("No database: give --database FILE or --database postgresql://user@host/name"));
      return 2;
    }

  /* Cards show region names: a missing or damaged data file stops here
   * with its own message, not on the first visitor's page. */
  if (!xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_REGIONS, &error))
    return fail ("%s", error->message);

  /* As the command line opens it (xianfeng-cli): never a new, empty
   * database for a mistyped path; libpq finds a PostgreSQL password in
   * PGPASSWORD or ~/.pgpass. */
  store = xf_store_open_existing (config->database, &error);
  if (store == NULL)
    return fail (_("Could not open the database: %s"), error->message);

  secret = xf_portal_guard_load_secret (config->secret_file, &error);
  if (secret == NULL)
    return fail ("%s", error->message);

  portal = xf_portal_new (store);
  guard = xf_portal_guard_new (secret);
  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_PAGE, config->pages_per_minute);
  xf_portal_guard_set_limit (guard, XF_PORTAL_LIMIT_POST, config->posts_per_minute);
  ctx.portal = portal;
  ctx.guard = guard;
  ctx.config = config;

  server = xf_portal_server_new (&ctx);
  if (!xf_portal_server_listen (server, &error))
    return fail ("%s", error->message);

  url = listening_url (config, xf_portal_server_get_port (server));
  /* Not translated: scripts and the end-to-end test wait for this line. */
  printf ("Listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  /* Stop taking requests before the store closes. */
  g_clear_object (&server);
  return 0;
}
