/* xf-portal-config.c — the portal's settings: defaults, GSettings, a key
 *                      file, the command line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal-config"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-portal-config.h"

#define PORTAL_SCHEMA_ID     "io.github.xianfeng.Xianfeng.Portal"
#define DEFAULT_KEY_FILE     "/etc/xianfeng/portal.conf"
#define KEY_FILE_GROUP       "portal"
#define DEFAULT_LISTEN       "127.0.0.1:8080"
#define DEFAULT_MAX_BODY     65536
#define DEFAULT_MAX_UPLOAD   (XF_MATERIAL_MAX_SIZE + 65536)
/* A form must at least hold its CSRF token and a few fields. */
#define MIN_MAX_BODY         1024
/* The rate limits are per minute; more than this is no limit at all. */
#define MAX_PER_MINUTE       1000000

/* The keys, in the order of the header's table: the key file is checked
 * against this list, so a misspelt key is an error, not silently ignored. */
static const char * const known_keys[] = {
  "database",
  "listen",
  "base-url",
  "secret-file",
  "trusted-proxies",
  "secure-cookies",
  "max-body",
  "max-upload",
  "pages-per-minute",
  "posts-per-minute",
  NULL
};

XfPortalConfig *
xf_portal_config_new_default (void)
{
  XfPortalConfig *self = g_new0 (XfPortalConfig, 1);
  const char * const proxies[] = { "127.0.0.1", "::1", NULL };

  self->listen_address = g_strdup ("127.0.0.1");
  self->listen_port = 8080;
  self->base_url = g_strdup ("");
  self->secret_file = g_build_filename (g_get_user_state_dir (), "xianfeng", "portal-secret", NULL);
  self->trusted_proxies = g_strdupv ((char **) proxies);
  self->secure_cookies = FALSE;
  self->max_body = DEFAULT_MAX_BODY;
  self->max_upload = DEFAULT_MAX_UPLOAD;
  self->pages_per_minute = 120;
  self->posts_per_minute = 20;
  return self;
}

void
xf_portal_config_free (XfPortalConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->database);
  g_free (self->listen_address);
  g_free (self->base_url);
  g_free (self->secret_file);
  g_strfreev (self->trusted_proxies);
  g_free (self);
}

/*
 * Values, whatever their source
 */

static gboolean
set_invalid (GError    **error,
             const char *key,
             const char *source,
             const char *reason)
{
  /* TRANSLATORS: "KEY in SOURCE: REASON", e.g. "max-body in /etc/xianfeng/portal.conf: not a number" */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s in %s: %s"), key, source, reason);
  return FALSE;
}

/* "127.0.0.1", "::1", "localhost" → a numeric address in its usual form. */
static GInetAddress *
parse_address (const char *text)
{
  if (g_ascii_strcasecmp (text, "localhost") == 0)
    return g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  return g_inet_address_new_from_string (text);
}

static gboolean
parse_port (const char *text,
            guint      *port)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 65535, &value, NULL))
    return FALSE;
  *port = (guint) value;
  return TRUE;
}

static gboolean
set_listen_from (XfPortalConfig *self,
                 const char     *listen,
                 const char     *source,
                 GError        **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *port_text;
  guint port;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (listen != NULL, FALSE);

  if (listen[0] == '[')
    {
      const char *close = strchr (listen, ']');

      if (close == NULL || close[1] != ':')
        return set_invalid (error, "listen", source,
                            _("an IPv6 address is written [ADDRESS]:PORT, as in [::1]:8080"));
      host = g_strndup (listen + 1, close - listen - 1);
      port_text = close + 2;
    }
  else
    {
      const char *colon = strrchr (listen, ':');

      if (colon == NULL)
        return set_invalid (error, "listen", source,
                            _("give an address and a port, as in 127.0.0.1:8080"));
      if (memchr (listen, ':', colon - listen) != NULL)
        return set_invalid (error, "listen", source,
                            _("an IPv6 address is written [ADDRESS]:PORT, as in [::1]:8080"));
      host = g_strndup (listen, colon - listen);
      port_text = colon + 1;
    }

  if (!parse_port (port_text, &port))
    return set_invalid (error, "listen", source, _("the port must be a number from 0 to 65535"));

  if (host[0] == '\0')
    address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    address = parse_address (host);
  if (address == NULL)
    return set_invalid (error, "listen", source,
                        _("not a numeric IP address (the portal listens on one address)"));

  g_free (self->listen_address);
  self->listen_address = g_inet_address_to_string (address);
  self->listen_port = port;
  return TRUE;
}

gboolean
xf_portal_config_set_listen (XfPortalConfig *self,
                             const char     *listen,
                             GError        **error)
{
  return set_listen_from (self, listen, _("the command line"), error);
}

gboolean
xf_portal_config_is_loopback (const XfPortalConfig *self)
{
  g_autoptr(GInetAddress) address = NULL;

  g_return_val_if_fail (self != NULL, TRUE);

  address = parse_address (self->listen_address);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
check_proxies (const char * const *proxies,
               const char         *source,
               GError            **error)
{
  for (guint i = 0; proxies != NULL && proxies[i] != NULL; i++)
    {
      g_autoptr(GInetAddressMask) mask = NULL;

      /* A bare address is a mask of its full length. */
      mask = g_inet_address_mask_new_from_string (proxies[i], NULL);
      if (mask == NULL)
        {
          /* TRANSLATORS: %s is what was given instead of an address */
          g_autofree char *reason = g_strdup_printf (_("“%s” is not an address nor an address/prefix"),
                                                     proxies[i]);

          return set_invalid (error, "trusted-proxies", source, reason);
        }
    }
  return TRUE;
}

static gboolean
set_proxies (XfPortalConfig     *self,
             const char * const *proxies,
             const char         *source,
             GError            **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; proxies != NULL && proxies[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (proxies[i]));

      if (item[0] != '\0')
        g_ptr_array_add (kept, g_steal_pointer (&item));
    }
  g_ptr_array_add (kept, NULL);
  if (!check_proxies ((const char * const *) kept->pdata, source, error))
    return FALSE;

  g_strfreev (self->trusted_proxies);
  self->trusted_proxies = (GStrv) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
  return TRUE;
}

static gboolean
check_sizes (XfPortalConfig *self,
             guint64         max_body,
             guint64         max_upload,
             const char     *source,
             GError        **error)
{
  g_autofree char *reason = NULL;

  if (max_body < MIN_MAX_BODY)
    {
      reason = g_strdup_printf (_("at least %d bytes"), MIN_MAX_BODY);
      return set_invalid (error, "max-body", source, reason);
    }
  if (max_upload < max_body)
    return set_invalid (error, "max-upload", source, _("not less than max-body"));
  if (max_upload > G_MAXSIZE / 2)
    return set_invalid (error, "max-upload", source, _("too large"));
  self->max_body = max_body;
  self->max_upload = max_upload;
  return TRUE;
}

static gboolean
check_rate (guint64     value,
            const char *key,
            const char *source,
            GError    **error)
{
  if (value > MAX_PER_MINUTE)
    {
      g_autofree char *reason = g_strdup_printf (_("at most %d (0: no limit)"), MAX_PER_MINUTE);

      return set_invalid (error, key, source, reason);
    }
  return TRUE;
}

/* An empty string in GSettings or the key file means "the default". */
static void
set_string (char      **field,
            const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/*
 * GSettings
 */

static gboolean
load_settings (XfPortalConfig *self,
               GError        **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *database = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *secret_file = NULL;
  g_auto(GStrv) proxies = NULL;
  const char *where = _("GSettings");
  guint64 max_body, max_upload;
  guint pages, posts;

  /* The schema is optional: a portal installed without it (or run from a
   * build tree) works from its defaults and key file. */
  if (source == NULL)
    return TRUE;
  schema = g_settings_schema_source_lookup (source, PORTAL_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return TRUE;
  settings = g_settings_new_full (schema, NULL, NULL);

  database = g_settings_get_string (settings, "database");
  set_string (&self->database, database);
  listen = g_settings_get_string (settings, "listen");
  if (listen[0] != '\0' && !set_listen_from (self, listen, where, error))
    return FALSE;
  base_url = g_settings_get_string (settings, "base-url");
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&base_url);
  secret_file = g_settings_get_string (settings, "secret-file");
  set_string (&self->secret_file, secret_file);
  proxies = g_settings_get_strv (settings, "trusted-proxies");
  if (!set_proxies (self, (const char * const *) proxies, where, error))
    return FALSE;
  self->secure_cookies = g_settings_get_boolean (settings, "secure-cookies");
  max_body = g_settings_get_uint64 (settings, "max-body");
  max_upload = g_settings_get_uint64 (settings, "max-upload");
  if (!check_sizes (self, max_body, max_upload, where, error))
    return FALSE;
  pages = g_settings_get_uint (settings, "pages-per-minute");
  posts = g_settings_get_uint (settings, "posts-per-minute");
  if (!check_rate (pages, "pages-per-minute", where, error)
      || !check_rate (posts, "posts-per-minute", where, error))
    return FALSE;
  self->pages_per_minute = pages;
  self->posts_per_minute = posts;
  return TRUE;
}

/*
 * The key file
 */

static gboolean
get_key_number (GKeyFile   *key_file,
                const char *key,
                const char *path,
                guint64     max,
                guint64    *value,
                GError    **error)
{
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;

  text = g_key_file_get_value (key_file, KEY_FILE_GROUP, key, NULL);
  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    return TRUE;
  /* TRANSLATORS: %s is the value found instead of a whole number */
  reason = g_strdup_printf (_("“%s” is not a whole number"), text);
  return set_invalid (error, key, path, reason);
}

static gboolean
load_key_file (XfPortalConfig *self,
               const char     *path,
               GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) keys = NULL;
  guint64 max_body = self->max_body;
  guint64 max_upload = self->max_upload;
  guint64 pages = self->pages_per_minute;
  guint64 posts = self->posts_per_minute;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* TRANSLATORS: the portal's configuration file, then why it could not be read */
                   _("Could not read the configuration “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  keys = g_key_file_get_keys (key_file, KEY_FILE_GROUP, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known_keys, keys[i]))
      return set_invalid (error, keys[i], path, _("not a setting of the portal"));

#define GET_STRING(key, field)                                                       \
  G_STMT_START {                                                                     \
    g_autofree char *value_ = g_key_file_get_string (key_file, KEY_FILE_GROUP, key, NULL); \
    if (value_ != NULL)                                                              \
      set_string (field, g_strstrip (value_));                                       \
  } G_STMT_END

  GET_STRING ("database", &self->database);
  GET_STRING ("secret-file", &self->secret_file);
#undef GET_STRING

  if (g_key_file_has_key (key_file, KEY_FILE_GROUP, "base-url", NULL))
    {
      g_autofree char *base_url = g_key_file_get_string (key_file, KEY_FILE_GROUP, "base-url", NULL);

      g_free (self->base_url);
      self->base_url = base_url != NULL ? g_strstrip (g_steal_pointer (&base_url)) : g_strdup ("");
    }

  if (g_key_file_has_key (key_file, KEY_FILE_GROUP, "listen", NULL))
    {
      g_autofree char *listen = g_key_file_get_string (key_file, KEY_FILE_GROUP, "listen", NULL);

      if (listen == NULL)
        return set_invalid (error, "listen", path, _("not text"));
      if (!set_listen_from (self, g_strstrip (listen), path, error))
        return FALSE;
    }

  if (g_key_file_has_key (key_file, KEY_FILE_GROUP, "trusted-proxies", NULL))
    {
      g_auto(GStrv) proxies = g_key_file_get_string_list (key_file, KEY_FILE_GROUP,
                                                          "trusted-proxies", NULL, NULL);

      if (!set_proxies (self, (const char * const *) proxies, path, error))
        return FALSE;
    }

  if (g_key_file_has_key (key_file, KEY_FILE_GROUP, "secure-cookies", NULL))
    {
      gboolean secure = g_key_file_get_boolean (key_file, KEY_FILE_GROUP, "secure-cookies", &local_error);

      if (local_error != NULL)
        return set_invalid (error, "secure-cookies", path, _("true or false"));
      self->secure_cookies = secure;
    }

  if (!get_key_number (key_file, "max-body", path, G_MAXUINT64, &max_body, error)
      || !get_key_number (key_file, "max-upload", path, G_MAXUINT64, &max_upload, error)
      || !get_key_number (key_file, "pages-per-minute", path, G_MAXUINT, &pages, error)
      || !get_key_number (key_file, "posts-per-minute", path, G_MAXUINT, &posts, error))
    return FALSE;
  if (!check_sizes (self, max_body, max_upload, path, error)
      || !check_rate (pages, "pages-per-minute", path, error)
      || !check_rate (posts, "posts-per-minute", path, error))
    return FALSE;
  self->pages_per_minute = (guint) pages;
  self->posts_per_minute = (guint) posts;
  return TRUE;
}

XfPortalConfig *
xf_portal_config_load (const char  *key_file,
                       GError     **error)
{
  g_autoptr(XfPortalConfig) self = xf_portal_config_new_default ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_settings (self, error))
    return NULL;

  if (key_file == NULL && g_file_test (DEFAULT_KEY_FILE, G_FILE_TEST_EXISTS))
    key_file = DEFAULT_KEY_FILE;
  if (key_file != NULL && !load_key_file (self, key_file, error))
    return NULL;

  return g_steal_pointer (&self);
}
