/* xf-portal-html.c — building the portal's pages, every value escaped
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal-html"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-portal-html.h"
#include "xf-portal-router.h"

void
xf_html_add (GString    *html,
             const char *format,
             ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  g_return_if_fail (html != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, markup);
}

void
xf_html_raw (GString    *html,
             const char *markup)
{
  g_return_if_fail (html != NULL);

  if (markup != NULL)
    g_string_append (html, markup);
}

/* A line holding only spaces and tabs separates paragraphs, as an empty one does. */
static gboolean
line_is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

void
xf_html_field_error (GString    *html,
                     GHashTable *errors,
                     const char *field)
{
  const char *message = errors != NULL ? g_hash_table_lookup (errors, field) : NULL;

  if (message != NULL)
    xf_html_add (html, "<p class=\"field-error\" id=\"error-%s\">%s</p>\n", field, message);
}

void
xf_html_paragraphs (GString    *html,
                    const char *text)
{
  g_auto(GStrv) lines = NULL;
  gboolean open = FALSE;

  g_return_if_fail (html != NULL);

  if (text == NULL)
    return;

  lines = g_regex_split_simple ("\r\n|\r|\n", text, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line_is_blank (line))
        {
          if (open)
            g_string_append (html, "</p>\n");
          open = FALSE;
          continue;
        }
      if (open)
        g_string_append (html, "<br>\n");
      else
        g_string_append (html, "<p>");
      open = TRUE;
      xf_html_add (html, "%s", line);
    }
  if (open)
    g_string_append (html, "</p>\n");
}

char *
xf_html_date (const char *iso_date)
{
  /* Month names are the English page's own, not the server's locale's. */
  static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };
  unsigned year, month, day;
  char rest;

  if (iso_date == NULL)
    return NULL;
  if (sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3
      || strlen (iso_date) != 10
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  if (g_strcmp0 (xf_portal_current_language (), "en") == 0)
    return g_strdup_printf ("%u %s %u", day, months[month - 1], year);
  return g_strdup_printf ("%u年%u月%u日", year, month, day);
}

char *
xf_html_time (gint64 utc_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/*
 * The frame
 */

static const struct
{
  const char *path;
  const char *label;
  const char *id;
} nav_items[] = {
  { "/", N_("Pioneers of the Month"), "nav-month" },
  { "/notices", N_("Notices"), "nav-notices" },
  { "/services", N_("Services"), "nav-services" },
  { "/requests", N_("My request"), "nav-requests" },
};

/* The navigation item a path belongs to ("/p/UID" is under the month's
 * pioneers, "/notices/7" under the notices). */
static gboolean
nav_is_current (const char *item_path,
                const char *path)
{
  if (path == NULL)
    return FALSE;
  if (g_str_equal (item_path, "/"))
    return g_str_equal (path, "/") || g_str_has_prefix (path, "/p/");
  return g_str_equal (path, item_path)
         || (g_str_has_prefix (path, item_path) && path[strlen (item_path)] == '/');
}

static void
add_header (GString         *html,
            XfPortalRequest *request,
            const char      *lang)
{
  const char *path = request != NULL && request->path != NULL ? request->path : "/";
  gboolean english = g_str_equal (lang, "en");
  /* The decoded path goes back into a URL: encoded again, then escaped as markup. */
  g_autofree char *escaped_path = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  /* "//evil.example/" as an href is another site (a scheme-relative URL):
   * a path that begins with more than one slash links with one. */
  const char *href_path = escaped_path;

  while (href_path[0] == '/' && href_path[1] == '/')
    href_path++;

  g_string_append (html, "<header class=\"site-header\">\n<div class=\"site-bar\">\n");
  xf_html_add (html, "<a class=\"site-name\" id=\"site-name\" href=\"/\">%s</a>\n",
               _("Xianfeng pioneers"));
  /* Each language's name is written in that language, so that it can be
   * found by someone who cannot read the page's. */
  if (english)
    xf_html_add (html,
                 "<a class=\"lang-switch\" id=\"lang-switch\" href=\"%s?lang=zh\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>\n",
                 href_path);
  else
    xf_html_add (html,
                 "<a class=\"lang-switch\" id=\"lang-switch\" href=\"%s?lang=en\" lang=\"en\" hreflang=\"en\">English</a>\n",
                 href_path);
  g_string_append (html, "</div>\n");

  xf_html_add (html, "<nav class=\"site-nav\" aria-label=\"%s\">\n<ul>\n", _("Main"));
  for (guint i = 0; i < G_N_ELEMENTS (nav_items); i++)
    {
      if (nav_is_current (nav_items[i].path, path))
        xf_html_add (html, "<li><a id=\"%s\" href=\"%s\" aria-current=\"page\">%s</a></li>\n",
                     nav_items[i].id, nav_items[i].path, _(nav_items[i].label));
      else
        xf_html_add (html, "<li><a id=\"%s\" href=\"%s\">%s</a></li>\n",
                     nav_items[i].id, nav_items[i].path, _(nav_items[i].label));
    }
  g_string_append (html, "</ul>\n</nav>\n</header>\n");
}

XfPortalResponse *
xf_portal_page (XfPortalRequest *request,
                guint            status,
                const char      *title,
                const char      *body_markup)
{
  g_autoptr(GString) html = g_string_sized_new (4096);
  g_autoptr(GBytes) bytes = NULL;
  const char *lang = "zh";
  gsize len;

  if (request != NULL)
    lang = xf_portal_request_language (request);

  g_string_append (html, "<!doctype html>\n");
  xf_html_add (html, "<html lang=\"%s\">\n", g_str_equal (lang, "en") ? "en" : "zh-CN");
  g_string_append (html,
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n");
  if (title != NULL && *title != '\0')
    xf_html_add (html, "<title>%s · %s</title>\n", title, _("Xianfeng pioneers"));
  else
    xf_html_add (html, "<title>%s</title>\n", _("Xianfeng pioneers"));
  /* The version in the address lets the stylesheet be cached for a day
   * and still change with a new release. */
  xf_html_add (html, "<link rel=\"stylesheet\" href=\"/static/style.css?v=%s\">\n",
               PACKAGE_VERSION);
  g_string_append (html, "</head>\n<body>\n");
  xf_html_add (html, "<a class=\"skip-link\" href=\"#main\">%s</a>\n", _("Skip to the content"));

  add_header (html, request, lang);

  g_string_append (html, "<main id=\"main\">\n");
  xf_html_raw (html, body_markup);
  g_string_append (html, "\n</main>\n");

  xf_html_add (html,
               "<footer class=\"site-footer\">\n<p>%s</p>\n<p>%s</p>\n</footer>\n",
               _("This site shows public information only. What you give in a form is seen only by the staff who handle it."),
               _("Xianfeng pioneers"));
  g_string_append (html, "</body>\n</html>\n");

  len = html->len;
  bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&html), FALSE), len);
  return xf_portal_response_new (status, "text/html; charset=utf-8", bytes);
}

static const char *
error_heading (guint status)
{
  switch (status)
    {
    case 400: return _("The request could not be read");
    case 403: return _("Not allowed");
    case 404: return _("Page not found");
    case 405: return _("This address does not take that kind of request");
    case 413: return _("Too large");
    case 422: return _("Please check the form");
    case 429: return _("Too many requests");
    case 501: return _("Not available yet");
    case 503: return _("Temporarily unavailable");
    default:
      return status < 500 ? _("Request refused") : _("Something went wrong");
    }
}

static const char *
error_default_message (guint status)
{
  switch (status)
    {
    case 400: return _("What was sent could not be read. Go back and try again.");
    case 403: return _("This form has expired or was not sent from this site. Go back, reload the page and send it again.");
    case 404: return _("There is nothing at this address. The link may be mistyped or out of date.");
    case 405: return _("Go back and use the page’s own links and buttons.");
    case 413: return _("What was sent is larger than this site accepts. Send a shorter text or a smaller file.");
    case 429: return _("Please wait a moment and try again.");
    case 503: return _("The site cannot reach its database just now. Please try again in a few minutes.");
    default:
      return status < 500 ? NULL : _("The site could not complete this. Please try again later.");
    }
}

XfPortalResponse *
xf_portal_error_page (XfPortalRequest *request,
                      guint            status,
                      const char      *message)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *heading;

  g_return_val_if_fail (status >= 400 && status < 600, NULL);

  /* The heading is translated in the visitor's language, so set it first. */
  if (request != NULL)
    xf_portal_request_language (request);
  heading = error_heading (status);
  if (message == NULL)
    message = error_default_message (status);

  xf_html_add (body, "<section class=\"error-page\" id=\"error\" data-status=\"%u\">\n", status);
  xf_html_add (body, "<h1 id=\"error-heading\">%s</h1>\n", heading);
  if (message != NULL)
    xf_html_add (body, "<p id=\"error-message\">%s</p>\n", message);
  xf_html_add (body, "<p><a class=\"button\" id=\"home\" href=\"/\">%s</a></p>\n",
               _("Back to the home page"));
  g_string_append (body, "</section>\n");

  return xf_portal_page (request, status, heading, body->str);
}

gboolean
xf_html_message_names_field (const char *message,
                             const char *label)
{
  gsize length = strlen (label);

  if (length == 0 || strncmp (message, label, length) != 0)
    return FALSE;
  return message[length] == ':' || g_str_has_prefix (message + length, "：");
}
