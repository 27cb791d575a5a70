/* xf-portal-exchange.c — one HTTP request and its response
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal-exchange.h"

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

XfPortalRequest *
xf_portal_request_new (const char *method,
                       const char *path)
{
  XfPortalRequest *request = g_new0 (XfPortalRequest, 1);

  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->query = new_table ();
  request->form = new_table ();
  request->cookies = new_table ();
  request->address = g_strdup ("127.0.0.1");
  request->now = g_get_real_time ();
  return request;
}

void
xf_portal_request_free (XfPortalRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->method);
  g_free (request->path);
  g_hash_table_unref (request->query);
  g_hash_table_unref (request->form);
  g_hash_table_unref (request->cookies);
  g_free (request->address);
  g_free (request->user_agent);
  g_free (request->accept_language);
  g_clear_pointer (&request->upload, g_bytes_unref);
  g_free (request->upload_name);
  g_free (request->upload_type);
  g_free (request->lang);
  g_free (request->visitor_id);
  g_free (request->visitor_key);
  g_free (request);
}

const char *
xf_portal_request_query (XfPortalRequest *request,
                         const char      *name)
{
  return g_hash_table_lookup (request->query, name);
}

const char *
xf_portal_request_field (XfPortalRequest *request,
                         const char      *name)
{
  return g_hash_table_lookup (request->form, name);
}

XfPortalResponse *
xf_portal_response_new (guint       status,
                        const char *content_type,
                        GBytes     *body)
{
  XfPortalResponse *response = g_new0 (XfPortalResponse, 1);

  response->status = status;
  response->content_type = g_strdup (content_type != NULL ? content_type : "text/plain; charset=utf-8");
  response->body = body != NULL ? g_bytes_ref (body) : g_bytes_new (NULL, 0);
  response->headers = g_ptr_array_new_with_free_func (g_free);
  return response;
}

XfPortalResponse *
xf_portal_response_redirect (const char *location)
{
  XfPortalResponse *response = xf_portal_response_new (303, NULL, NULL);

  xf_portal_response_add_header (response, "Location", location);
  return response;
}

void
xf_portal_response_add_header (XfPortalResponse *response,
                               const char       *name,
                               const char       *value)
{
  g_ptr_array_add (response->headers, g_strdup (name));
  g_ptr_array_add (response->headers, g_strdup (value));
}

void
xf_portal_response_set_cookie (XfPortalResponse *response,
                               const char       *name,
                               const char       *value,
                               guint             max_age,
                               gboolean          secure)
{
  g_autoptr(GString) cookie = g_string_new (NULL);

  g_string_append_printf (cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
  if (max_age > 0)
    g_string_append_printf (cookie, "; Max-Age=%u", max_age);
  if (secure)
    g_string_append (cookie, "; Secure");
  xf_portal_response_add_header (response, "Set-Cookie", cookie->str);
}

const char *
xf_portal_response_get_header (XfPortalResponse *response,
                               const char       *name)
{
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (response->headers, i), name) == 0)
      return g_ptr_array_index (response->headers, i + 1);
  return NULL;
}

void
xf_portal_response_free (XfPortalResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->content_type);
  g_bytes_unref (response->body);
  g_ptr_array_unref (response->headers);
  g_free (response);
}
