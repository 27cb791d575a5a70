/* xf-server-address.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-server-address"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-server-address.h"

XfServerAddress *
xf_server_address_new (void)
{
  return g_new0 (XfServerAddress, 1);
}

void
xf_server_address_free (XfServerAddress *address)
{
  if (address == NULL)
    return;
  g_free (address->host);
  g_free (address->database);
  g_free (address->user);
  g_free (address->extra);
  g_free (address);
}

static gboolean
is_server_url (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

/* libpq also takes host, port, user and dbname as parameters; those win
 * over the URL's own parts, as in libpq. Other parameters are kept as
 * they are, for the next connection. */
static void
take_parameters (XfServerAddress *address,
                 const char      *query)
{
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);
  g_autoptr(GString) extra = g_string_new (NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *key = eq ? g_strndup (pairs[i], eq - pairs[i]) : g_strdup (pairs[i]);
      g_autofree char *value = eq ? g_uri_unescape_string (eq + 1, NULL) : NULL;

      if (pairs[i][0] == '\0')
        continue;
      if (value != NULL && g_str_equal (key, "host"))
        {
          g_free (address->host);
          address->host = g_steal_pointer (&value);
        }
      else if (value != NULL && g_str_equal (key, "port"))
        address->port = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (value != NULL && g_str_equal (key, "user"))
        {
          g_free (address->user);
          address->user = g_steal_pointer (&value);
        }
      else if (value != NULL && g_str_equal (key, "dbname"))
        {
          g_free (address->database);
          address->database = g_steal_pointer (&value);
        }
      else if (!g_str_equal (key, "password"))
        {
          if (extra->len > 0)
            g_string_append_c (extra, '&');
          g_string_append (extra, pairs[i]);
        }
    }
  if (extra->len > 0)
    address->extra = g_string_free (g_steal_pointer (&extra), FALSE);
}

XfServerAddress *
xf_server_address_parse (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(XfServerAddress) address = NULL;
  const char *path;

  if (!is_server_url (location))
    return NULL;

  uri = g_uri_parse (location,
                     G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_NON_DNS,
                     NULL);
  if (uri == NULL)
    return NULL;

  address = xf_server_address_new ();
  address->host = g_strdup (g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "");
  address->port = g_uri_get_port (uri) > 0 ? (guint) g_uri_get_port (uri) : 0;
  address->user = g_strdup (g_uri_get_user (uri) != NULL ? g_uri_get_user (uri) : "");
  path = g_uri_get_path (uri);
  address->database = g_strdup (path[0] == '/' ? path + 1 : path);
  if (g_uri_get_query (uri) != NULL)
    take_parameters (address, g_uri_get_query (uri));

  return g_steal_pointer (&address);
}

guint
xf_server_address_get_port (const XfServerAddress *address)
{
  g_return_val_if_fail (address != NULL, XF_SERVER_DEFAULT_PORT);
  return address->port != 0 ? address->port : XF_SERVER_DEFAULT_PORT;
}

char *
xf_server_address_to_location (const XfServerAddress *address)
{
  GString *url = g_string_new ("postgresql://");
  const char *host = address->host != NULL ? address->host : "";
  gboolean socket_folder = host[0] == '/';
  gboolean has_query = FALSE;

  g_return_val_if_fail (address != NULL, NULL);

  /* Everything but letters, digits and -._~ is escaped, so a ":" or "@"
   * in a user name cannot be taken for a password or a host. */
  if (address->user != NULL && address->user[0] != '\0')
    {
      g_string_append_uri_escaped (url, address->user, NULL, FALSE);
      g_string_append_c (url, '@');
    }
  if (!socket_folder)
    {
      if (strchr (host, ':') != NULL)
        g_string_append_printf (url, "[%s]", host);
      else
        g_string_append_uri_escaped (url, host, NULL, FALSE);
    }
  if (address->port != 0)
    g_string_append_printf (url, ":%u", address->port);
  g_string_append_c (url, '/');
  if (address->database != NULL)
    g_string_append_uri_escaped (url, address->database, NULL, FALSE);

  if (socket_folder)
    {
      g_string_append (url, "?host=");
      g_string_append_uri_escaped (url, host, "/", FALSE);
      has_query = TRUE;
    }
  if (address->extra != NULL && address->extra[0] != '\0')
    {
      g_string_append_c (url, has_query ? '&' : '?');
      g_string_append (url, address->extra);
    }

  return g_string_free (url, FALSE);
}

char *
xf_server_address_describe (const XfServerAddress *address)
{
  g_return_val_if_fail (address != NULL, NULL);

  if (address->host == NULL || address->host[0] == '\0' || address->host[0] == '/')
    return g_strdup (address->database);
  /* Translators: a shared database, e.g. "xianfeng on db.huzhou.example" */
  return g_strdup_printf (_("%s on %s"), address->database, address->host);
}
