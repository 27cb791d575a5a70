/* xf-portal-router.c — from a request to its handler, with the checks
 *                      every request passes first
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal-router"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-db.h"
#include "xf-portal-html.h"
#include "xf-portal-pages.h"
#include "xf-portal-router.h"

#define COOKIE_VISITOR   "xf_v"
#define COOKIE_LANGUAGE  "xf_lang"
#define COOKIE_YEAR      (365 * 24 * 60 * 60)
#define STYLESHEET_PATH  "/io/github/xianfeng/Portal/style.css"

#define CONTENT_SECURITY_POLICY "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

/*
 * The route table
 *
 * A pattern is matched segment by segment; "*" takes one non-empty
 * segment and becomes a capture. GET routes answer HEAD too.
 */

static XfPortalResponse *healthz (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
static XfPortalResponse *stylesheet (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);

typedef enum
{
  ROUTE_PAGE  = 0,
  /* The server's own answers: no language cookie, no visitor cookie, and
   * their own Cache-Control, so that a proxy may keep the stylesheet. */
  ROUTE_PLAIN = 1 << 0,
  /* May send a file: multipart/form-data up to max-upload (the server). */
  ROUTE_UPLOAD = 1 << 1,
} RouteFlags;

typedef struct
{
  const char      *method;
  const char      *pattern;
  XfPortalHandler  handler;
  RouteFlags       flags;
} Route;

static const Route routes[] = {
  { "GET",  "/",                       xf_portal_page_month,          ROUTE_PAGE },
  { "GET",  "/p/*",                    xf_portal_page_card,           ROUTE_PAGE },
  { "POST", "/p/*/like",               xf_portal_page_card_like,      ROUTE_PAGE },
  { "POST", "/p/*/share",              xf_portal_page_card_share,     ROUTE_PAGE },
  { "GET",  "/p/*/book",               xf_portal_page_booking,        ROUTE_PAGE },
  { "POST", "/p/*/book",               xf_portal_page_booking_post,   ROUTE_PAGE },
  { "GET",  "/notices",                xf_portal_page_notices,        ROUTE_PAGE },
  { "GET",  "/notices/*",              xf_portal_page_notice,         ROUTE_PAGE },
  { "POST", "/notices/*/objections",   xf_portal_page_objection_post, ROUTE_UPLOAD },
  { "GET",  "/services",               xf_portal_page_services,       ROUTE_PAGE },
  { "GET",  "/services/*",             xf_portal_page_service_form,   ROUTE_PAGE },
  { "POST", "/services/*",             xf_portal_page_service_post,   ROUTE_PAGE },
  { "GET",  "/requests",               xf_portal_page_lookup,         ROUTE_PAGE },
  { "POST", "/requests",               xf_portal_page_lookup_post,    ROUTE_PAGE },
  { "GET",  "/requests/*",             xf_portal_page_request,        ROUTE_PAGE },
  { "POST", "/requests/*",             xf_portal_page_request_post,   ROUTE_PAGE },
  { "POST", "/requests/*/rate",        xf_portal_page_rate_post,      ROUTE_PAGE },
  { "GET",  "/healthz",                healthz,                       ROUTE_PLAIN },
  { "GET",  "/static/style.css",       stylesheet,                    ROUTE_PLAIN },
};

#define MAX_CAPTURES 4

/* The patterns split into segments once: every request is matched
 * against all of them. */
static char ***
route_segments (void)
{
  static char **segments[G_N_ELEMENTS (routes)];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
        segments[i] = g_strsplit (routes[i].pattern, "/", -1);
      g_once_init_leave (&done, 1);
    }
  return segments;
}

/* Fills @captures (NULL-terminated, pointing into @segments) when the
 * path's @segments match the pattern's @parts. */
static gboolean
match_pattern (char        **parts,
               char        **segments,
               const char  **captures)
{
  guint n_captures = 0;
  guint i;

  for (i = 0; parts[i] != NULL && segments[i] != NULL; i++)
    {
      if (parts[i][0] == '*' && parts[i][1] == '\0')
        {
          if (segments[i][0] == '\0' || n_captures >= MAX_CAPTURES)
            return FALSE;
          captures[n_captures++] = segments[i];
        }
      else if (!g_str_equal (parts[i], segments[i]))
        return FALSE;
    }
  if (parts[i] != NULL || segments[i] != NULL)
    return FALSE;
  captures[n_captures] = NULL;
  return TRUE;
}

static gboolean
method_matches (const char *route_method,
                const char *method)
{
  if (g_str_equal (route_method, method))
    return TRUE;
  return g_str_equal (route_method, "GET") && g_str_equal (method, "HEAD");
}

/* The route for @request, or NULL; @allow gets the methods the path takes
 * ("GET, HEAD, POST") when it is known at all. */
static const Route *
find_route (const char       *method,
            char            **segments,
            const char      **captures,
            GString          *allow)
{
  char ***patterns = route_segments ();
  const Route *found = NULL;
  gboolean get = FALSE, post = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const char *route_captures[MAX_CAPTURES + 1];

      if (!match_pattern (patterns[i], segments, route_captures))
        continue;
      if (g_str_equal (routes[i].method, "GET"))
        get = TRUE;
      else
        post = TRUE;
      if (found == NULL && method_matches (routes[i].method, method))
        {
          found = &routes[i];
          memcpy (captures, route_captures, sizeof route_captures);
        }
    }
  if (get)
    g_string_append (allow, "GET, HEAD");
  if (post)
    g_string_append_printf (allow, "%sPOST", get ? ", " : "");
  return found;
}

/*
 * Language
 */

static char current_language[3] = "zh";
static gboolean language_applied;

/* glibc's count of loaded catalogues: bumping it makes gettext drop the
 * translations it has cached, so that a changed LANGUAGE takes effect at
 * once (the GNU gettext manual's way to switch languages at run time). */
extern int _nl_msg_cat_cntr;

void
xf_portal_use_language (const char *lang)
{
  const char *wanted = g_strcmp0 (lang, "en") == 0 ? "en" : "zh";
  const char *language = g_str_equal (wanted, "en") ? "en" : "zh_CN";
  const char *messages;

  if (language_applied
      && g_str_equal (current_language, wanted)
      && g_strcmp0 (g_getenv ("LANGUAGE"), language) == 0)
    return;

  /* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 is that locale
   * with UTF-8 text, and then LANGUAGE applies. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  /* Handlers run one at a time on the main loop's thread, which is the
   * one that reads LANGUAGE (gettext). g_setenv would log a debug message
   * on every switch once GLib has started a worker thread; libc's setenv
   * is the same call without it. */
  setenv ("LANGUAGE", language, 1);
  ++_nl_msg_cat_cntr;
  g_strlcpy (current_language, wanted, sizeof current_language);
  language_applied = TRUE;
}

void
xf_portal_init_language (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  /* GLib decides once, at the first g_dgettext (), g_dngettext () or
   * g_dpgettext () of the process, whether to translate at all: not when
   * the catalogue has no header in the language of that moment and the
   * locale is neither C nor en_*. The portal's locale is often C.UTF-8
   * with no LANGUAGE, so make that first call in Chinese, then put the
   * environment back for the command line's own messages. */
  xf_portal_use_language ("zh");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  if (saved != NULL)
    setenv ("LANGUAGE", saved, 1);
  else
    unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
  language_applied = FALSE;
}

const char *
xf_portal_current_language (void)
{
  return current_language;
}

/* "zh", "zh-CN", "zh_TW" → "zh"; "en", "en-GB" → "en"; else NULL. */
static const char *
language_of_tag (const char *tag)
{
  if (tag == NULL)
    return NULL;
  if (g_ascii_strncasecmp (tag, "zh", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_'))
    return "zh";
  if (g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_'))
    return "en";
  return NULL;
}

/* The preferred of zh and en in an Accept-Language header (by q, then by
 * order), or NULL when it names neither. */
static const char *
language_of_accept (const char *header)
{
  g_auto(GStrv) items = NULL;
  const char *best = NULL;
  double best_q = 0.0;

  if (header == NULL)
    return NULL;

  items = g_strsplit (header, ",", 32);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ";", 8);
      const char *lang = language_of_tag (g_strstrip (parts[0]));
      double q = 1.0;

      for (guint j = 1; parts[j] != NULL; j++)
        {
          const char *param = g_strstrip (parts[j]);

          if (g_ascii_strncasecmp (param, "q=", 2) == 0)
            q = g_ascii_strtod (param + 2, NULL);
        }
      if (lang != NULL && q > best_q)
        {
          best = lang;
          best_q = q;
        }
    }
  return best;
}

const char *
xf_portal_request_language (XfPortalRequest *request)
{
  const char *lang;

  g_return_val_if_fail (request != NULL, "zh");

  if (request->lang == NULL)
    {
      lang = language_of_tag (xf_portal_request_query (request, "lang"));
      if (lang == NULL)
        lang = language_of_tag (g_hash_table_lookup (request->cookies, COOKIE_LANGUAGE));
      if (lang == NULL)
        lang = language_of_accept (request->accept_language);
      if (lang == NULL)
        lang = "zh";
      request->lang = g_strdup (lang);
    }
  xf_portal_use_language (request->lang);
  return request->lang;
}

/*
 * The server's own routes
 */

/* After PostgreSQL restarted (or a proxy dropped the connection), the
 * first call that found it gone left the database offline: connect
 * again before the next request rather than fail every request after. */
static gboolean
ensure_online (XfPortalContext *ctx)
{
  XfDb *db = xf_store_get_db (xf_portal_get_store (ctx->portal));
  g_autoptr(GError) error = NULL;

  if (xf_db_is_online (db))
    return TRUE;
  if (xf_db_reconnect (db, &error))
    {
      g_message ("Connected to the database again");
      return TRUE;
    }
  g_message ("The database is unreachable: %s", error->message);
  return FALSE;
}

static XfPortalResponse *
healthz (XfPortalContext    *ctx,
         XfPortalRequest    *request,
         const char * const *captures)
{
  static const char ok[] = "ok\n";
  static const char unavailable[] = "unavailable\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  XfPortalResponse *response;

  gboolean healthy = ensure_online (ctx) && xf_portal_check_health (ctx->portal, &error);

  /* A connection that was dropped since the last request is found only
   * now: one more try on a new one. */
  if (!healthy && !xf_db_is_online (xf_store_get_db (xf_portal_get_store (ctx->portal))))
    {
      g_clear_error (&error);
      healthy = ensure_online (ctx) && xf_portal_check_health (ctx->portal, &error);
    }
  if (healthy)
    {
      body = g_bytes_new_static (ok, strlen (ok));
      response = xf_portal_response_new (200, "text/plain; charset=utf-8", body);
    }
  else
    {
      /* The reason goes to the log, not to whoever asked. */
      g_message ("Health check failed: %s", error != NULL ? error->message : "no answer");
      body = g_bytes_new_static (unavailable, strlen (unavailable));
      response = xf_portal_response_new (503, "text/plain; charset=utf-8", body);
    }
  xf_portal_response_add_header (response, "Cache-Control", "no-store");
  return response;
}

static XfPortalResponse *
stylesheet (XfPortalContext    *ctx,
            XfPortalRequest    *request,
            const char * const *captures)
{
  /* Decompressed once: the bundle keeps it compressed. */
  static GBytes *css;
  XfPortalResponse *response;

  if (css == NULL)
    {
      g_autoptr(GError) error = NULL;

      css = g_resources_lookup_data (STYLESHEET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (css == NULL)
        {
          g_critical ("The stylesheet is missing from the resources: %s", error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
    }
  response = xf_portal_response_new (200, "text/css; charset=utf-8", css);
  xf_portal_response_add_header (response, "Cache-Control", "public, max-age=86400");
  return response;
}

/*
 * Visitors and CSRF
 */

char *
xf_portal_csrf_field (XfPortalContext *ctx,
                      XfPortalRequest *request)
{
  g_autofree char *token = NULL;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->visitor_id != NULL, NULL);

  token = xf_portal_guard_csrf_token (ctx->guard, request->visitor_id,
                                      request->now / G_USEC_PER_SEC);
  return g_markup_printf_escaped ("<input type=\"hidden\" name=\"csrf\" value=\"%s\">", token);
}

/* Sets request->visitor_*; returns the new cookie's value when the visitor
 * had no valid one (the caller sets it on the response). */
static char *
identify_visitor (XfPortalContext *ctx,
                  XfPortalRequest *request,
                  gboolean        *was_known)
{
  const char *cookie = g_hash_table_lookup (request->cookies, COOKIE_VISITOR);
  g_autofree char *issued = NULL;

  g_clear_pointer (&request->visitor_id, g_free);
  g_clear_pointer (&request->visitor_key, g_free);

  if (cookie != NULL)
    request->visitor_id = xf_portal_guard_check_visitor (ctx->guard, cookie);
  *was_known = request->visitor_id != NULL;
  if (request->visitor_id == NULL)
    {
      issued = xf_portal_guard_new_visitor (ctx->guard);
      request->visitor_id = xf_portal_guard_check_visitor (ctx->guard, issued);
      g_assert (request->visitor_id != NULL);
    }
  request->visitor_key = xf_portal_guard_visitor_key (ctx->guard, request->visitor_id,
                                                      request->address != NULL ? request->address : "");
  request->is_bot = xf_portal_guard_is_bot (request->user_agent);
  return g_steal_pointer (&issued);
}

/*
 * Responses
 */

static gboolean
response_has_header (XfPortalResponse *response,
                     const char       *name)
{
  return xf_portal_response_get_header (response, name) != NULL;
}

static gboolean
body_has_form (XfPortalResponse *response)
{
  gsize size;
  const char *data = g_bytes_get_data (response->body, &size);

  return data != NULL && g_strstr_len (data, size, "<form") != NULL;
}

/* Headers every answer carries, and the cache rules for pages: nothing
 * personal (a form's token, a cookie) may be kept by a shared cache. */
static void
secure_response (XfPortalResponse *response)
{
  gboolean html = g_str_has_prefix (response->content_type, "text/html");

  if (!response_has_header (response, "X-Content-Type-Options"))
    xf_portal_response_add_header (response, "X-Content-Type-Options", "nosniff");
  if (!response_has_header (response, "Referrer-Policy"))
    xf_portal_response_add_header (response, "Referrer-Policy", "same-origin");
  if (html && !response_has_header (response, "Content-Security-Policy"))
    xf_portal_response_add_header (response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  if (!response_has_header (response, "Cache-Control"))
    {
      if (response->status == 303 || body_has_form (response)
          || response_has_header (response, "Set-Cookie"))
        xf_portal_response_add_header (response, "Cache-Control", "no-store");
      else
        xf_portal_response_add_header (response, "Cache-Control", "private, no-cache");
    }
}

/* The route of @method @path, or NULL. */
static const Route *
route_of (const char  *method,
          const char  *path,
          const char **captures)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GString) allow = g_string_new (NULL);

  if (path == NULL || path[0] != '/')
    return NULL;
  segments = g_strsplit (path, "/", -1);
  return find_route (method, segments, captures, allow);
}

gboolean
xf_portal_router_takes_upload (const char *method,
                               const char *path)
{
  const char *captures[MAX_CAPTURES + 1] = { NULL, };
  const Route *route;

  g_return_val_if_fail (method != NULL, FALSE);

  route = route_of (method, path, captures);
  return route != NULL && (route->flags & ROUTE_UPLOAD) != 0;
}

/* Step 1: the 429 page when @request's address is over its limits, else
 * NULL. A request is counted once. */
static XfPortalResponse *
check_rate (XfPortalContext *ctx,
            XfPortalRequest *request)
{
  gboolean is_post = g_str_equal (request->method, "POST");
  guint retry_after = 0;
  g_autofree char *seconds = NULL;
  XfPortalResponse *response;

  if (request->rate_counted)
    return NULL;
  request->rate_counted = TRUE;
  if (xf_portal_guard_allow (ctx->guard, XF_PORTAL_LIMIT_PAGE, request->address,
                             request->now, &retry_after)
      && (!is_post || xf_portal_guard_allow (ctx->guard, XF_PORTAL_LIMIT_POST, request->address,
                                             request->now, &retry_after)))
    return NULL;

  seconds = g_strdup_printf ("%u", MAX (retry_after, 1));
  response = xf_portal_error_page (request, 429, NULL);
  xf_portal_response_add_header (response, "Retry-After", seconds);
  return response;
}

/* The cookies a page carries: the visitor's (@new_visitor, or a new one
 * when the visitor is not known yet) and the language chosen by ?lang. */
static void
finish_page (XfPortalContext  *ctx,
             XfPortalRequest  *request,
             XfPortalResponse *response,
             char             *new_visitor,
             const char       *chosen_lang)
{
  g_autofree char *issued = new_visitor;
  gboolean known_visitor;

  if (issued == NULL && request->visitor_id == NULL)
    {
      /* A refusal before the visitor was known (404, 405) still gives a
       * cookie, so that the visitor's next form works. */
      issued = identify_visitor (ctx, request, &known_visitor);
    }
  if (issued != NULL)
    xf_portal_response_set_cookie (response, COOKIE_VISITOR, issued, COOKIE_YEAR,
                                   ctx->config != NULL && ctx->config->secure_cookies);
  if (chosen_lang != NULL
      && g_strcmp0 (g_hash_table_lookup (request->cookies, COOKIE_LANGUAGE), chosen_lang) != 0)
    xf_portal_response_set_cookie (response, COOKIE_LANGUAGE, chosen_lang, COOKIE_YEAR,
                                   ctx->config != NULL && ctx->config->secure_cookies);
}

XfPortalResponse *
xf_portal_router_check_headers (XfPortalContext *ctx,
                                XfPortalRequest *request)
{
  const char *captures[MAX_CAPTURES + 1] = { NULL, };
  const char *chosen_lang;
  const Route *route;
  XfPortalResponse *response;
  char *new_visitor;
  gboolean known_visitor = FALSE;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (request != NULL && request->method != NULL && request->path != NULL, NULL);

  if (!g_str_equal (request->method, "POST"))
    return NULL;
  if (request->address == NULL)
    request->address = g_strdup ("");

  /* As xf_portal_router_handle: the language first. */
  g_clear_pointer (&request->lang, g_free);
  xf_portal_request_language (request);
  chosen_lang = language_of_tag (xf_portal_request_query (request, "lang"));

  response = check_rate (ctx, request);
  if (response != NULL)
    {
      secure_response (response);
      return response;
    }

  /* 404 and 405 are the router's to answer, after the body. */
  route = route_of (request->method, request->path, captures);
  if (route == NULL || (route->flags & ROUTE_PLAIN))
    return NULL;

  new_visitor = identify_visitor (ctx, request, &known_visitor);
  if (known_visitor)
    {
      g_free (new_visitor);
      return NULL;
    }
  response = xf_portal_error_page (request, 403, NULL);
  finish_page (ctx, request, response, new_visitor, chosen_lang);
  secure_response (response);
  return response;
}

XfPortalResponse *
xf_portal_router_handle (XfPortalContext *ctx,
                         XfPortalRequest *request)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GString) allow = g_string_new (NULL);
  g_autofree char *new_visitor = NULL;
  const char *captures[MAX_CAPTURES + 1] = { NULL, };
  const char *chosen_lang;
  const Route *route;
  XfPortalResponse *response = NULL;
  gboolean is_post;
  gboolean known_visitor = FALSE;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (request != NULL && request->method != NULL && request->path != NULL, NULL);

  is_post = g_str_equal (request->method, "POST");
  if (request->address == NULL)
    request->address = g_strdup ("");

  /* The language first: every answer below, refusals included, is a
   * page in the visitor's language. */
  g_clear_pointer (&request->lang, g_free);
  xf_portal_request_language (request);
  chosen_lang = language_of_tag (xf_portal_request_query (request, "lang"));

  /* 1. Rate limits (unless the server applied them at the headers). */
  response = check_rate (ctx, request);
  if (response != NULL)
    goto out;

  /* 2. The route. */
  segments = g_strsplit (request->path, "/", -1);
  if (request->path[0] != '/')
    route = NULL;
  else
    {
      /* "/" splits into { "", "" }; a pattern "/" does too. */
      route = find_route (request->method, segments, captures, allow);
    }
  if (route == NULL)
    {
      if (allow->len > 0)
        {
          response = xf_portal_error_page (request, 405, NULL);
          xf_portal_response_add_header (response, "Allow", allow->str);
        }
      else
        response = xf_portal_error_page (request, 404, NULL);
      goto out_page;
    }

  if (route->flags & ROUTE_PLAIN)
    {
      response = route->handler (ctx, request, captures);
      goto out;
    }

  /* 4. The visitor. */
  new_visitor = identify_visitor (ctx, request, &known_visitor);

  /* 5. CSRF: a new visitor cannot have a token for their id, so a POST
   * without a valid cookie is refused here too. */
  if (is_post
      && (!known_visitor
          || !xf_portal_guard_check_csrf (ctx->guard, request->visitor_id,
                                          xf_portal_request_field (request, "csrf"),
                                          request->now / G_USEC_PER_SEC)))
    {
      response = xf_portal_error_page (request, 403, NULL);
      goto out_page;
    }

  /* 6. The handler. */
  if (!ensure_online (ctx))
    {
      response = xf_portal_error_page (request, 503, NULL);
      xf_portal_response_add_header (response, "Retry-After", "30");
      goto out_page;
    }
  response = route->handler (ctx, request, captures);
  g_assert (response != NULL);
  /* A handler's translated text is in request->lang, and so is the next
   * request's unless it says otherwise. */

out_page:
  finish_page (ctx, request, response, g_steal_pointer (&new_visitor), chosen_lang);

out:
  secure_response (response);
  return response;
}
