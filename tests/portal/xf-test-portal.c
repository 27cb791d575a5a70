/* xf-test-portal.c — the portal's handlers in tests, without a network
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-test-portal"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-evaluation.h"
#include "xf-test-portal.h"
#include "xf-test-store.h"

#define TEST_ADDRESS    "192.0.2.1"
#define TEST_USER_AGENT "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 " \
                        "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"

static void
init_messages (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* The tests read the catalogue built in the tree (po/ in the build
       * folder), so that a page asked for in Chinese really is. */
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      xf_portal_init_language ();
      g_once_init_leave (&done, 1);
    }
}

/* The defaults of xf-portal-config.h, with the rate limits off. */
static XfPortalConfig *
new_test_config (void)
{
  XfPortalConfig *config = g_new0 (XfPortalConfig, 1);

  config->database = g_strdup (":memory:");
  config->listen_address = g_strdup ("127.0.0.1");
  config->listen_port = 0;
  config->base_url = g_strdup ("");
  config->secret_file = NULL;
  config->trusted_proxies = g_strsplit ("127.0.0.1;::1", ";", -1);
  config->secure_cookies = FALSE;
  config->max_body = 65536;
  config->max_upload = XF_MATERIAL_MAX_SIZE + 65536;
  config->pages_per_minute = 0;
  config->posts_per_minute = 0;
  return config;
}

static void
free_test_config (XfPortalConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->database);
  g_free (config->listen_address);
  g_free (config->base_url);
  g_free (config->secret_file);
  g_strfreev (config->trusted_proxies);
  g_free (config);
}

XfTestPortal *
xf_test_portal_new (void)
{
  XfTestPortal *tp = g_new0 (XfTestPortal, 1);
  guint8 secret[XF_PORTAL_SECRET_SIZE];
  g_autoptr(GBytes) secret_bytes = NULL;

  init_messages ();

  /* A fixed secret: tokens are the same from one run to the next. */
  for (guint i = 0; i < sizeof secret; i++)
    secret[i] = (guint8) (0x5a ^ (i * 7));
  secret_bytes = g_bytes_new (secret, sizeof secret);

  tp->store = xf_test_open_store ();
  tp->registry = xf_test_new_registry (tp->store);
  tp->ctx.portal = xf_portal_new (tp->store);
  tp->ctx.guard = xf_portal_guard_new (secret_bytes);
  tp->ctx.config = new_test_config ();
  xf_portal_guard_set_limit (tp->ctx.guard, XF_PORTAL_LIMIT_PAGE, tp->ctx.config->pages_per_minute);
  xf_portal_guard_set_limit (tp->ctx.guard, XF_PORTAL_LIMIT_POST, tp->ctx.config->posts_per_minute);
  tp->cookies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tp->address = g_strdup (TEST_ADDRESS);
  tp->user_agent = g_strdup (TEST_USER_AGENT);
  tp->lang = NULL;
  return tp;
}

void
xf_test_portal_free (XfTestPortal *tp)
{
  if (tp == NULL)
    return;
  g_clear_object (&tp->ctx.portal);
  g_clear_object (&tp->ctx.guard);
  g_clear_pointer (&tp->ctx.config, free_test_config);
  g_clear_object (&tp->registry);
  g_clear_object (&tp->store);
  g_clear_pointer (&tp->cookies, g_hash_table_unref);
  g_free (tp->address);
  g_free (tp->user_agent);
  g_free (tp->lang);
  g_free (tp);
}

/* Keeps what the response's Set-Cookie headers set, as a browser would
 * (Max-Age=0 forgets a cookie). */
static void
remember_cookies (XfTestPortal     *tp,
                  XfPortalResponse *response)
{
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    {
      const char *name = g_ptr_array_index (response->headers, i);
      const char *value = g_ptr_array_index (response->headers, i + 1);
      g_auto(GStrv) attributes = NULL;
      g_autofree char *cookie = NULL;
      const char *eq;
      gboolean expired = FALSE;

      if (g_ascii_strcasecmp (name, "Set-Cookie") != 0)
        continue;
      attributes = g_strsplit (value, ";", -1);
      eq = strchr (attributes[0], '=');
      g_assert_nonnull (eq);
      for (guint j = 1; attributes[j] != NULL; j++)
        if (g_ascii_strcasecmp (g_strstrip (attributes[j]), "Max-Age=0") == 0)
          expired = TRUE;
      cookie = g_strstrip (g_strndup (attributes[0], eq - attributes[0]));
      if (expired)
        g_hash_table_remove (tp->cookies, cookie);
      else
        g_hash_table_insert (tp->cookies, g_steal_pointer (&cookie), g_strdup (eq + 1));
    }
}

/* A request as the server would make it from "PATH?QUERY": decoded path,
 * decoded query, the jar's cookies, the test's address and agent. */
static XfPortalRequest *
new_request (XfTestPortal *tp,
             const char   *method,
             const char   *path_and_query)
{
  const char *question = strchr (path_and_query, '?');
  g_autofree char *raw_path = question != NULL ? g_strndup (path_and_query, question - path_and_query)
                                               : g_strdup (path_and_query);
  g_autofree char *path = g_uri_unescape_string (raw_path, NULL);
  XfPortalRequest *request;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (path);
  request = xf_portal_request_new (method, path);

  if (question != NULL && question[1] != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) params = g_uri_parse_params (question + 1, -1, "&",
                                                         G_URI_PARAMS_WWW_FORM, &error);

      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (request->query, g_strdup (key), g_strdup (value));
    }

  g_hash_table_iter_init (&iter, tp->cookies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (request->cookies, g_strdup (key), g_strdup (value));

  g_free (request->address);
  request->address = g_strdup (tp->address);
  request->user_agent = g_strdup (tp->user_agent);
  request->accept_language = g_strdup (tp->lang);
  request->now = g_get_real_time ();
  return request;
}

static XfPortalResponse *
send_request (XfTestPortal    *tp,
              XfPortalRequest *request)
{
  XfPortalResponse *response = xf_portal_router_handle (&tp->ctx, request);

  g_assert_nonnull (response);
  g_assert_nonnull (response->body);
  remember_cookies (tp, response);
  return response;
}

XfPortalResponse *
xf_test_portal_get (XfTestPortal *tp,
                    const char   *path)
{
  g_autoptr(XfPortalRequest) request = NULL;

  g_return_val_if_fail (tp != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  request = new_request (tp, "GET", path);
  return send_request (tp, request);
}

static void
add_fields (XfPortalRequest *request,
            va_list          args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      /* A NULL value leaves the field out, as a form without it would. */
      if (value != NULL)
        g_hash_table_replace (request->form, g_strdup (name), g_strdup (value));
    }
}

XfPortalResponse *
xf_test_portal_post (XfTestPortal *tp,
                     const char   *path,
                     ...)
{
  g_autoptr(XfPortalRequest) request = NULL;
  va_list args;

  g_return_val_if_fail (tp != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  request = new_request (tp, "POST", path);
  va_start (args, path);
  add_fields (request, args);
  va_end (args);
  return send_request (tp, request);
}

XfPortalResponse *
xf_test_portal_post_file (XfTestPortal *tp,
                          const char   *path,
                          const char   *file_name,
                          const char   *file_type,
                          GBytes       *file,
                          ...)
{
  g_autoptr(XfPortalRequest) request = NULL;
  va_list args;

  g_return_val_if_fail (tp != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  request = new_request (tp, "POST", path);
  if (file != NULL)
    {
      request->upload = g_bytes_ref (file);
      request->upload_name = g_strdup (file_name);
      request->upload_type = g_strdup (file_type);
    }
  va_start (args, file);
  add_fields (request, args);
  va_end (args);
  return send_request (tp, request);
}

char *
xf_test_portal_body (XfPortalResponse *response)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (response != NULL, NULL);

  data = g_bytes_get_data (response->body, &size);
  return g_strndup (data != NULL ? data : "", size);
}

char *
xf_test_portal_csrf (XfPortalResponse *response)
{
  g_autofree char *body = xf_test_portal_body (response);
  const char *field = strstr (body, "name=\"csrf\"");
  const char *tag_start, *tag_end, *value, *end;

  if (field == NULL)
    return NULL;
  /* The value may come before or after the name within the <input>. */
  tag_start = g_strrstr_len (body, field - body, "<");
  tag_end = strchr (field, '>');
  if (tag_start == NULL || tag_end == NULL)
    return NULL;
  value = g_strstr_len (tag_start, tag_end - tag_start, "value=\"");
  if (value == NULL)
    return NULL;
  value += strlen ("value=\"");
  end = strchr (value, '"');
  if (end == NULL || end > tag_end)
    return NULL;
  return g_strndup (value, end - value);
}

char *
xf_test_portal_page_csrf (XfTestPortal *tp,
                          const char   *path)
{
  g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, path);
  char *csrf;

  g_assert_cmpuint (page->status, ==, 200);
  csrf = xf_test_portal_csrf (page);
  g_assert_nonnull (csrf);
  return csrf;
}

char *
xf_test_portal_request_code (XfPortalResponse *response)
{
  const char *location = xf_portal_response_get_header (response, "Location");
  const char *end;

  g_assert_cmpuint (response->status, ==, 303);
  g_assert_nonnull (location);
  g_assert_true (g_str_has_prefix (location, "/requests/"));
  end = strchr (location, '?');
  g_assert_nonnull (end);
  g_assert_cmpstr (end, ==, "?new=1");
  return g_strndup (location + strlen ("/requests/"), end - location - strlen ("/requests/"));
}

void
xf_test_order_set_up (XfTestOrderFixture *f,
                      gconstpointer       data)
{
  f->tp = xf_test_portal_new ();
  f->services = xf_services_new (f->tp->registry);
  f->needed_by = xf_test_portal_date_in (30);
  f->code = NULL;
}

void
xf_test_order_tear_down (XfTestOrderFixture *f,
                         gconstpointer       data)
{
  g_clear_object (&f->services);
  g_clear_pointer (&f->tp, xf_test_portal_free);
  g_clear_pointer (&f->needed_by, g_free);
  g_clear_pointer (&f->code, g_free);
}

char *
xf_test_portal_date_in (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
fail_with_body (const char       *what,
                const char       *needle,
                XfPortalResponse *response,
                const char       *body)
{
  g_autofree char *message = g_strdup_printf ("%s “%s” in the %u response:\n%s",
                                              what, needle, response->status, body);

  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

void
xf_test_portal_assert_contains (XfPortalResponse *response,
                                const char       *needle)
{
  g_autofree char *body = xf_test_portal_body (response);

  if (strstr (body, needle) == NULL)
    fail_with_body ("Expected", needle, response, body);
}

void
xf_test_portal_assert_not_contains (XfPortalResponse *response,
                                    const char       *needle)
{
  g_autofree char *body = xf_test_portal_body (response);

  if (strstr (body, needle) != NULL)
    fail_with_body ("Did not expect", needle, response, body);
}
