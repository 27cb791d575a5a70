/* xf-public-link.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-public-link"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-public-link.h"

/* Parses and checks a base; returns the trimmed text on success. */
static char *
parse_base (const char  *base_url,
            GUri       **out_uri,
            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (base_url == NULL)
    base_url = "";
  trimmed = g_strstrip (g_strdup (base_url));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public portal address: no address is set"));
      return NULL;
    }

  /* GUri lets spaces through in a host; a link with one cannot be scanned. */
  for (const char *p = trimmed; *p; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      {
        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("Public portal address: “%s” is not a valid address"), trimmed);
        return NULL;
      }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Public portal address: “%s” is not a valid address"), trimmed);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Public portal address: the address must start with http:// or https://, not %s:"),
                   scheme);
      return NULL;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public portal address: the address has no host name"));
      return NULL;
    }

  if (g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public portal address: the address must not contain “#”"));
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL && !g_str_has_suffix (trimmed, "="))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public portal address: an address with a query must end in “=”"));
      return NULL;
    }

  if (out_uri != NULL)
    *out_uri = g_steal_pointer (&uri);
  return g_steal_pointer (&trimmed);
}

gboolean
xf_public_link_check_base (const char  *base_url,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = parse_base (base_url, NULL, error);
  return trimmed != NULL;
}

static gboolean
uid_is_valid (const char *uid)
{
  if (uid == NULL || *uid == '\0')
    return FALSE;
  for (const char *p = uid; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The root of a checked base (see the header), worked on the text so
 * that the address keeps the spelling the user gave it. A checked base is
 * "scheme://authority", then the path up to an optional '?'. */
static char *
root_of (const char *trimmed)
{
  const char *authority = strstr (trimmed, "://") + 3;
  const char *path = authority + strcspn (authority, "/?");
  const char *query = strchr (path, '?');
  gsize path_len = query != NULL ? (gsize) (query - path) : strlen (path);
  g_autofree char *prefix = g_strndup (trimmed, path - trimmed);

  if (query != NULL)
    {
      /* "https://h/xf/card?id=" → "https://h/xf/". */
      while (path_len > 0 && path[path_len - 1] != '/')
        path_len--;
    }
  else
    {
      /* Trailing slashes, then a last segment "p" (the old card folder). */
      while (path_len > 0 && path[path_len - 1] == '/')
        path_len--;
      if (path_len >= 2 && path[path_len - 1] == 'p' && path[path_len - 2] == '/')
        path_len -= 2;
      while (path_len > 0 && path[path_len - 1] == '/')
        path_len--;
      /* One '/' after the last segment, or the bare host's root. */
      return g_strdup_printf ("%s%.*s/", prefix, (int) path_len, path);
    }

  if (path_len == 0)
    return g_strconcat (prefix, "/", NULL);
  return g_strdup_printf ("%s%.*s", prefix, (int) path_len, path);
}

char *
xf_public_link_portal_root (const char  *base_url,
                            GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = parse_base (base_url, &uri, error);
  if (trimmed == NULL)
    return NULL;
  return root_of (trimmed);
}

char *
xf_public_link_build (const char  *base_url,
                      const char  *uid,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *root = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = parse_base (base_url, &uri, error);
  if (trimmed == NULL)
    return NULL;

  if (!uid_is_valid (uid))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public link: the record has no valid identifier yet"));
      return NULL;
    }

  /* A card link with a query ("…/card?id=") takes the uid as its value. */
  if (g_uri_get_query (uri) != NULL)
    return g_strconcat (trimmed, uid, NULL);

  root = root_of (trimmed);
  return g_strconcat (root, "p/", uid, NULL);
}

char *
xf_public_link_build_notice (const char  *base_url,
                             gint64       notice_id,
                             GError     **error)
{
  g_autofree char *root = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = xf_public_link_portal_root (base_url, error);
  if (root == NULL)
    return NULL;

  if (notice_id <= 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Public link: the notice has not been saved yet"));
      return NULL;
    }

  return g_strdup_printf ("%snotices/%" G_GINT64_FORMAT, root, notice_id);
}
