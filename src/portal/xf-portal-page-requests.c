/* xf-portal-page-requests.c — "my request": the lookup by code and
 *                             contact, the status, the rating
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-portal-html.h"
#include "xf-portal-pages.h"

/*
 * A visitor proves a request is theirs with its code and the contact they
 * gave (xf_portal_find_request); the proof is then kept for half an hour
 * in the signed cookie xf_r, bound to the visitor (xf_portal_guard), so
 * that the status and the rating need no contact in a URL. A wrong code
 * and a wrong contact give the same 404 page, so that codes cannot be
 * probed.
 */

static char *
escape_path_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

/* The request code this visitor has proved, when it is @code (compared
 * without case), else NULL (transfer full). */
static char *
proven_code (XfPortalContext *ctx,
             XfPortalRequest *request,
             const char      *code)
{
  const char *proof = g_hash_table_lookup (request->cookies, "xf_r");
  g_autofree char *proven = NULL;

  if (proof == NULL || request->visitor_id == NULL || code == NULL)
    return NULL;
  proven = xf_portal_guard_check_access (ctx->guard, proof, request->visitor_id,
                                         request->now / G_USEC_PER_SEC);
  if (proven == NULL || g_ascii_strcasecmp (proven, code) != 0)
    return NULL;
  return g_steal_pointer (&proven);
}

/* A 303 to the status of @code with the access cookie set. */
static XfPortalResponse *
redirect_with_access (XfPortalContext *ctx,
                      XfPortalRequest *request,
                      const char      *code,
                      const char      *query)
{
  g_autofree char *escaped = escape_path_segment (code);
  g_autofree char *location = g_strconcat ("/requests/", escaped, query, NULL);
  g_autofree char *proof = xf_portal_guard_sign_access (ctx->guard, code, request->visitor_id,
                                                        request->now / G_USEC_PER_SEC);
  XfPortalResponse *response = xf_portal_response_redirect (location);

  xf_portal_response_set_cookie (response, "xf_r", proof, XF_PORTAL_ACCESS_SECONDS,
                                 ctx->config->secure_cookies);
  return response;
}

/* A field's value without surrounding space, NULL when empty (transfer full). */
static char *
stripped_field (XfPortalRequest *request,
                const char      *name)
{
  const char *value = xf_portal_request_field (request, name);
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/*
 * Forms
 */

static void
add_input (GString    *html,
           GHashTable *errors,
           const char *field,
           const char *label,
           const char *value,
           const char *extra_attributes)
{
  gboolean bad = errors != NULL && g_hash_table_contains (errors, field);

  xf_html_add (html, "<div class=\"field\">\n<label for=\"%s\">%s</label>\n"
               "<input type=\"text\" id=\"%s\" name=\"%s\" value=\"%s\" aria-required=\"true\"",
               field, label, field, field, value != NULL ? value : "");
  if (bad)
    xf_html_add (html, " aria-invalid=\"true\" aria-describedby=\"error-%s\"", field);
  /* Attributes this file wrote itself, never data. */
  if (extra_attributes != NULL)
    xf_html_raw (html, extra_attributes);
  xf_html_add (html, ">\n");
  xf_html_field_error (html, errors, field);
  xf_html_add (html, "</div>\n");
}

/* Opens the form @id posting to /requests/CODE@suffix. */
static void
open_code_form (GString    *html,
                const char *id,
                const char *code,
                const char *suffix)
{
  g_autofree char *escaped = escape_path_segment (code);

  xf_html_add (html, "<form id=\"%s\" method=\"post\" action=\"/requests/%s%s\" novalidate>\n",
               id, escaped, suffix);
}

/* The CSRF token, the submit button @button_id with @label, and the form's end. */
static void
end_form (GString         *html,
          XfPortalContext *ctx,
          XfPortalRequest *request,
          const char      *button_id,
          const char      *label)
{
  g_autofree char *csrf = xf_portal_csrf_field (ctx, request);

  xf_html_raw (html, csrf);
  xf_html_add (html, "\n<button type=\"submit\" id=\"%s\">%s</button>\n</form>\n",
               button_id, label);
}

/* The rest of a lookup: the contact given and the button. */
static void
end_lookup_form (GString         *html,
                 XfPortalContext *ctx,
                 XfPortalRequest *request,
                 GHashTable      *errors)
{
  add_input (html, errors, "contact", _("The contact you gave (mobile, phone or e-mail)"), NULL,
             " autocomplete=\"tel\"");
  end_form (html, ctx, request, "lookup", _("Show my request"));
}

/* The lookup form (code and contact), posting to /requests. */
static void
add_lookup_form (GString         *html,
                 XfPortalContext *ctx,
                 XfPortalRequest *request,
                 const char      *code,
                 GHashTable      *errors)
{
  xf_html_add (html, "<form id=\"lookup-form\" method=\"post\" action=\"/requests\" novalidate>\n");
  add_input (html, errors, "code", _("Request code"), code,
             " autocapitalize=\"characters\" autocomplete=\"off\" spellcheck=\"false\"");
  end_lookup_form (html, ctx, request, errors);
}

/* The contact form of one code, posting to /requests/CODE. */
static void
add_contact_form (GString         *html,
                  XfPortalContext *ctx,
                  XfPortalRequest *request,
                  const char      *code,
                  GHashTable      *errors)
{
  open_code_form (html, "contact-form", code, "");
  end_lookup_form (html, ctx, request, errors);
}

/* The one page for a wrong code and a wrong contact alike. */
static XfPortalResponse *
not_found_page (XfPortalContext *ctx,
                XfPortalRequest *request)
{
  g_autoptr(GString) html = g_string_new (NULL);

  xf_html_add (html, "<h1>%s</h1>\n", _("My request"));
  xf_html_add (html, "<p class=\"form-error\" id=\"lookup-error\" role=\"alert\">%s</p>\n",
               _("No request with this code and contact. Check both and try again."));
  add_lookup_form (html, ctx, request, NULL, NULL);
  return xf_portal_page (request, 404, _("Request not found"), html->str);
}

static void
add_request_created (GString         *html,
                     XfPortalRequest *request,
                     const char      *code)
{
  if (g_strcmp0 (xf_portal_request_query (request, "new"), "1") != 0)
    return;
  /* Translators: %s is a request code such as K7Q2-M9XD. */
  xf_html_add (html, "<p class=\"notice\" id=\"request-created\" role=\"status\">%s "
               "<strong class=\"code\">%s</strong></p>\n",
               _("Your request is received. Keep its code to follow it:"), code);
}

/*
 * The status
 */

static void
add_stars (GString *html,
           int      rating)
{
  g_autoptr(GString) stars = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (stars, i <= rating ? "★" : "☆");
  xf_html_add (html, "<span class=\"stars\" aria-hidden=\"true\">%s</span>", stars->str);
}

static void
add_rate_form (GString         *html,
               XfPortalContext *ctx,
               XfPortalRequest *request,
               const char      *code,
               GHashTable      *errors)
{
  const char *rating = xf_portal_request_field (request, "rating");
  const char *liked = xf_portal_request_field (request, "liked");
  const char *comment = xf_portal_request_field (request, "comment");

  xf_html_add (html, "<h2>%s</h2>\n", _("How was the service?"));
  if (errors != NULL && g_hash_table_contains (errors, "form"))
    xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>\n",
                 (const char *) g_hash_table_lookup (errors, "form"));
  open_code_form (html, "rate-form", code, "/rate");
  xf_html_add (html, "<fieldset class=\"rating\"><legend>%s</legend>\n", _("Rating"));
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", i);
      /* Translators: the label of a rating's radio button, e.g. "3 stars". */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d star",
                                                             "%d stars", i), i);

      xf_html_add (html, "<label class=\"star\"><input type=\"radio\" name=\"rating\""
                   " id=\"rating-%s\" value=\"%s\"%s> %s</label>\n",
                   value, value, g_strcmp0 (rating, value) == 0 ? " checked" : "", label);
    }
  xf_html_add (html, "</fieldset>\n");
  xf_html_field_error (html, errors, "rating");
  xf_html_add (html, "<div class=\"field check\"><label><input type=\"checkbox\" name=\"liked\""
               " id=\"liked\" value=\"1\"%s> %s</label></div>\n",
               g_strcmp0 (liked, "1") == 0 ? " checked" : "", _("Liked"));
  xf_html_field_error (html, errors, "liked");
  xf_html_add (html, "<div class=\"field\">\n<label for=\"comment\">%s</label>\n"
               "<textarea id=\"comment\" name=\"comment\" rows=\"4\"%s>%s</textarea>\n",
               _("Comment"),
               errors != NULL && g_hash_table_contains (errors, "comment")
                 ? " aria-invalid=\"true\"" : "",
               comment != NULL ? comment : "");
  xf_html_field_error (html, errors, "comment");
  xf_html_add (html, "</div>\n");
  end_form (html, ctx, request, "rate", _("Send the rating"));
}

static XfPortalResponse *
status_page (XfPortalContext       *ctx,
             XfPortalRequest       *request,
             const XfPublicRequest *pr,
             GHashTable            *errors,
             guint                  status)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *created = xf_html_time (pr->created_at);
  /* Translators: %s is a request code. */
  g_autofree char *title = g_strdup_printf (_("Request %s"), pr->code);

  xf_html_add (html, "<h1>%s</h1>\n", _("My request"));
  add_request_created (html, request, pr->code);

  xf_html_add (html, "<dl class=\"request\" id=\"request\">\n");
  xf_html_add (html, "<dt>%s</dt><dd id=\"request-code\" class=\"code\">%s</dd>\n",
               _("Request code"), pr->code);
  xf_html_add (html, "<dt>%s</dt><dd id=\"request-item\">%s</dd>\n", _("Service"),
               pr->item_name != NULL ? pr->item_name : "");
  xf_html_add (html, "<dt>%s</dt><dd><span id=\"status\" class=\"status status-%s\""
               " data-status=\"%s\">%s</span></dd>\n",
               _("Status"), pr->status, pr->status,
               pr->status_label != NULL ? pr->status_label : pr->status);
  if (pr->region_label != NULL)
    xf_html_add (html, "<dt>%s</dt><dd>%s</dd>\n", _("Region"), pr->region_label);
  if (pr->needed_by != NULL && *pr->needed_by != '\0')
    {
      g_autofree char *date = xf_html_date (pr->needed_by);

      xf_html_add (html, "<dt>%s</dt><dd>%s</dd>\n", _("Needed by"), date);
    }
  xf_html_add (html, "<dt>%s</dt><dd>%s</dd>\n", _("Created"), created);
  if (pr->response_due_at > 0 && xf_request_status_is_unclaimed (pr->status))
    {
      g_autofree char *due = xf_html_time (pr->response_due_at);

      xf_html_add (html, "<dt>%s</dt><dd id=\"response-due\">%s</dd>\n",
                   _("Response due"), due);
    }
  if (pr->served_by != NULL)
    {
      /* Booked with, or served by: the pioneer either way. */
      xf_html_add (html, "<dt>%s</dt><dd id=\"served-by\">", _("Pioneer"));
      if (pr->served_by_uid != NULL)
        {
          g_autofree char *uid = escape_path_segment (pr->served_by_uid);

          xf_html_add (html, "<a href=\"/p/%s\">%s</a>", uid, pr->served_by);
        }
      else
        xf_html_add (html, "%s", pr->served_by);
      xf_html_add (html, "</dd>\n");
    }
  xf_html_add (html, "</dl>\n");

  xf_html_add (html, "<h2>%s</h2>\n<ol id=\"steps\" class=\"steps\">\n", _("Progress"));
  for (guint i = 0; i < pr->steps->len; i++)
    {
      XfPublicRequestStep *step = g_ptr_array_index (pr->steps, i);
      g_autofree char *at = xf_html_time (step->at);

      xf_html_add (html, "<li><span class=\"when\">%s</span> <span class=\"what\">%s</span></li>\n",
                   at, step->label != NULL ? step->label : "");
    }
  xf_html_add (html, "</ol>\n");

  if (pr->rated)
    {
      xf_html_add (html, "<p id=\"rated\" class=\"notice\">%s ", _("Thank you for your rating."));
      if (pr->rating > 0)
        {
          /* Translators: a rating given, e.g. "4 of 5 stars". */
          g_autofree char *stars = g_strdup_printf (_("%d of 5 stars"), pr->rating);

          add_stars (html, pr->rating);
          xf_html_add (html, " <span class=\"rating\" data-rating=\"%d\">%s</span>", pr->rating,
                       stars);
        }
      if (pr->liked)
        xf_html_add (html, " <span class=\"liked\">%s</span>", _("You liked it."));
      xf_html_add (html, "</p>\n");
      if (errors != NULL && g_hash_table_contains (errors, "form"))
        xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>\n",
                     (const char *) g_hash_table_lookup (errors, "form"));
    }
  else if (pr->can_rate)
    add_rate_form (html, ctx, request, pr->code, errors);
  else if (errors != NULL && g_hash_table_contains (errors, "form"))
    xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>\n",
                 (const char *) g_hash_table_lookup (errors, "form"));

  return xf_portal_page (request, status, title, html->str);
}

/*
 * Handlers
 */

XfPortalResponse *
xf_portal_page_lookup (XfPortalContext    *ctx,
                       XfPortalRequest    *request,
                       const char * const *captures)
{
  g_autoptr(GString) html = g_string_new (NULL);

  xf_html_add (html, "<h1>%s</h1>\n", _("My request"));
  xf_html_add (html, "<p class=\"lead\">%s</p>\n",
               _("Enter the code you were given when you sent the request, and the contact "
                 "you gave with it."));
  add_lookup_form (html, ctx, request, NULL, NULL);
  return xf_portal_page (request, 200, _("My request"), html->str);
}

/* Checks @code (may be NULL: the field) and the contact field; on success
 * a 303 to the status with the access cookie. */
static XfPortalResponse *
prove_contact (XfPortalContext *ctx,
               XfPortalRequest *request,
               const char      *code,
               const char      *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPublicRequest) pr = NULL;
  g_autofree char *code_field = NULL;
  g_autofree char *contact = stripped_field (request, "contact");
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean by_code = code != NULL;

  if (!by_code)
    {
      code_field = stripped_field (request, "code");
      if (code_field == NULL)
        g_hash_table_insert (errors, (gpointer) "code",
                             g_strdup_printf (_("%s: this is required"), _("Request code")));
      code = code_field;
    }
  if (contact == NULL)
    g_hash_table_insert (errors, (gpointer) "contact",
                         g_strdup_printf (_("%s: this is required"), _("Contact")));
  if (g_hash_table_size (errors) > 0)
    {
      g_autoptr(GString) html = g_string_new (NULL);

      xf_html_add (html, "<h1>%s</h1>\n", _("My request"));
      if (by_code)
        add_contact_form (html, ctx, request, code, errors);
      else
        add_lookup_form (html, ctx, request, code, errors);
      return xf_portal_page (request, 422, _("My request"), html->str);
    }

  pr = xf_portal_find_request (ctx->portal, code, contact, &error);
  if (pr == NULL)
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND)
          || g_error_matches (error, XF_ERROR, XF_ERROR_INVALID))
        return not_found_page (ctx, request);
      g_warning ("Cannot look up a request: %s", error->message);
      return xf_portal_error_page (request, 500, NULL);
    }
  return redirect_with_access (ctx, request, pr->code, query);
}

XfPortalResponse *
xf_portal_page_lookup_post (XfPortalContext    *ctx,
                            XfPortalRequest    *request,
                            const char * const *captures)
{
  return prove_contact (ctx, request, NULL, "");
}

XfPortalResponse *
xf_portal_page_request (XfPortalContext    *ctx,
                        XfPortalRequest    *request,
                        const char * const *captures)
{
  const char *code = captures[0];
  g_autofree char *proven = proven_code (ctx, request, code);
  g_autoptr(GString) html = NULL;

  if (proven != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfPublicRequest) pr = xf_portal_get_request (ctx->portal, proven, &error);

      if (pr == NULL)
        {
          if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
            return not_found_page (ctx, request);
          g_warning ("Cannot read request %s: %s", proven, error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
      return status_page (ctx, request, pr, NULL, 200);
    }

  /* Whether the code exists is not told: the same form for any code. */
  html = g_string_new (NULL);
  xf_html_add (html, "<h1>%s</h1>\n", _("My request"));
  add_request_created (html, request, code);
  xf_html_add (html, "<p class=\"lead\">%s <strong class=\"code\">%s</strong></p>\n",
               _("To see how your request stands, give the contact you left with it. Request code:"),
               code);
  add_contact_form (html, ctx, request, code, NULL);
  return xf_portal_page (request, 200, _("My request"), html->str);
}

XfPortalResponse *
xf_portal_page_request_post (XfPortalContext    *ctx,
                             XfPortalRequest    *request,
                             const char * const *captures)
{
  return prove_contact (ctx, request, captures[0], "");
}

/* The rating field: "" or none is 0 (no rating); else an integer. */
static gboolean
parse_rating (const char *text,
              int        *rating)
{
  gint64 value;

  *rating = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, -1000, 1000, &value, NULL))
    return FALSE;
  *rating = (int) value;
  return TRUE;
}

/* The rate form's field @message is about, by core's label. */
static const char *
rating_field_of_error (const char *message)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "rating",  N_("Rating") },
    { "comment", N_("Comment") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (xf_html_message_names_field (message, _(labels[i].label)))
      return labels[i].field;
  return "form";
}

XfPortalResponse *
xf_portal_page_rate_post (XfPortalContext    *ctx,
                          XfPortalRequest    *request,
                          const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(XfPublicRequest) pr = NULL;
  g_autofree char *proven = proven_code (ctx, request, captures[0]);
  XfServiceFeedback feedback = { 0 };
  guint status;

  if (proven == NULL)
    return xf_portal_error_page (request, 403,
                                 _("Open your request with its code and contact first, "
                                   "then rate it."));

  feedback.liked = g_strcmp0 (xf_portal_request_field (request, "liked"), "1") == 0;
  feedback.comment = (char *) xf_portal_request_field (request, "comment");
  if (!parse_rating (xf_portal_request_field (request, "rating"), &feedback.rating))
    {
      g_hash_table_insert (errors, (gpointer) "rating",
                           g_strdup (_("Rating: choose from 1 to 5 stars")));
      status = 422;
    }
  else if (xf_portal_rate_request (ctx->portal, proven, &feedback, &error))
    {
      g_autofree char *escaped = escape_path_segment (proven);
      g_autofree char *location = g_strdup_printf ("/requests/%s?rated=1", escaped);

      return xf_portal_response_redirect (location);
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_INVALID))
    {
      g_hash_table_insert (errors, (gpointer) rating_field_of_error (error->message),
                           g_strdup (error->message));
      status = 422;
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_WORKFLOW)
           || g_error_matches (error, XF_ERROR, XF_ERROR_CONFLICT))
    {
      /* Rated already, or not done yet. */
      g_hash_table_insert (errors, (gpointer) "form", g_strdup (error->message));
      status = 409;
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
    return not_found_page (ctx, request);
  else
    {
      g_warning ("Cannot rate request %s: %s", proven, error->message);
      return xf_portal_error_page (request, 500, NULL);
    }

  g_clear_error (&error);
  pr = xf_portal_get_request (ctx->portal, proven, &error);
  if (pr == NULL)
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
        return not_found_page (ctx, request);
      g_warning ("Cannot read request %s: %s", proven, error->message);
      return xf_portal_error_page (request, 500, NULL);
    }
  return status_page (ctx, request, pr, errors, status);
}
