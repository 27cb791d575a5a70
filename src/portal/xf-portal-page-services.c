/* xf-portal-page-services.c — the service menu and the request form (点单),
 *                             also the booking form of a card
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
 * Errors in the form
 *
 * Core validates the request (xf_services_create_request, through
 * xf_portal_submit_request) and names the bad field at the start of its
 * message, in the label's translation: "Contact: “x” is not a mobile
 * number…", "联系方式：…". The table below maps those labels back to the
 * form's fields; a message naming none of them is shown at the top.
 */

typedef struct
{
  const char *field;     /* the form field */
  const char *label;     /* core's field label (msgid, translated at the call) */
  gboolean    booking;   /* only on the booking form (else at the top) */
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "requester",   N_("Requester"),    FALSE },
  { "contact",     N_("Contact"),      FALSE },
  { "region",      N_("Region"),       FALSE },
  { "place",       N_("Place"),        FALSE },
  { "needed_by",   N_("Needed by"),    FALSE },
  { "description", N_("Description"),  FALSE },
  /* The booking form's item select: core speaks of the item itself, or
   * of the pioneer who does not (or no longer) offer it. */
  { "item",        N_("Service item"), TRUE },
  { "item",        N_("Pioneer"),      TRUE },
};

/* The fields that may not be empty, checked here all at once. */
static const FieldLabel required_fields[] = {
  { "requester",   N_("Requester"),    FALSE },
  { "contact",     N_("Contact"),      FALSE },
  { "region",      N_("Region"),       FALSE },
  { "description", N_("Description"),  FALSE },
};

/* The fields the form shows, in its order: their errors go under them. */
static const char * const form_fields[] = {
  "item", "requester", "contact", "region", "place", "needed_by", "description", NULL,
};

/* The form field @message is about, or "form" (shown at the top). */
static const char *
field_of_error (const char *message,
                gboolean    booking)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if (field_labels[i].booking && !booking)
        continue;
      if (xf_html_message_names_field (message, _(field_labels[i].label)))
        return field_labels[i].field;
    }
  return "form";
}

static gboolean
is_form_field (const char *name)
{
  return g_strv_contains (form_fields, name);
}

/*
 * Markup helpers
 */

static const char *
error_for (GHashTable *errors,
           const char *field)
{
  return errors != NULL ? g_hash_table_lookup (errors, field) : NULL;
}

/* The attributes that tie a field to its error and its hint. */
static void
add_field_attributes (GString    *html,
                      GHashTable *errors,
                      const char *field,
                      const char *hint_id)
{
  gboolean bad = error_for (errors, field) != NULL;

  if (bad && hint_id != NULL)
    xf_html_add (html, " aria-invalid=\"true\" aria-describedby=\"error-%s %s\"", field, hint_id);
  else if (bad)
    xf_html_add (html, " aria-invalid=\"true\" aria-describedby=\"error-%s\"", field);
  else if (hint_id != NULL)
    xf_html_add (html, " aria-describedby=\"%s\"", hint_id);
}

static void
add_label (GString    *html,
           const char *field,
           const char *label,
           gboolean    required)
{
  if (required)
    xf_html_add (html, "<label for=\"%s\">%s <span class=\"required\">%s</span></label>\n",
                 field, label, _("(required)"));
  else
    xf_html_add (html, "<label for=\"%s\">%s</label>\n", field, label);
}

/* A one-line text input, its value kept from the form. */
static void
add_text_field (GString         *html,
                XfPortalRequest *request,
                GHashTable      *errors,
                const char      *field,
                const char      *type,
                const char      *label,
                const char      *autocomplete,
                gboolean         required,
                const char      *hint)
{
  const char *value = xf_portal_request_field (request, field);
  g_autofree char *hint_id = hint != NULL ? g_strconcat ("hint-", field, NULL) : NULL;

  xf_html_add (html, "<div class=\"field\">\n");
  add_label (html, field, label, required);
  xf_html_add (html, "<input type=\"%s\" id=\"%s\" name=\"%s\" value=\"%s\"",
               type, field, field, value != NULL ? value : "");
  if (autocomplete != NULL)
    xf_html_add (html, " autocomplete=\"%s\"", autocomplete);
  if (required)
    xf_html_add (html, " aria-required=\"true\"");
  add_field_attributes (html, errors, field, hint_id);
  xf_html_add (html, ">\n");
  if (hint != NULL)
    xf_html_add (html, "<p class=\"hint\" id=\"%s\">%s</p>\n", hint_id, hint);
  xf_html_field_error (html, errors, field);
  xf_html_add (html, "</div>\n");
}

/* A select of @options (code, label pairs), @selected chosen. */
static void
add_select_field (GString         *html,
                  GHashTable      *errors,
                  const char      *field,
                  const char      *label,
                  GPtrArray       *options,
                  const char      *selected)
{
  xf_html_add (html, "<div class=\"field\">\n");
  add_label (html, field, label, TRUE);
  xf_html_add (html, "<select id=\"%s\" name=\"%s\" aria-required=\"true\"", field, field);
  add_field_attributes (html, errors, field, NULL);
  xf_html_add (html, ">\n<option value=\"\">%s</option>\n", _("Choose…"));
  for (guint i = 0; i + 1 < options->len; i += 2)
    {
      const char *code = g_ptr_array_index (options, i);
      const char *name = g_ptr_array_index (options, i + 1);

      xf_html_add (html, "<option value=\"%s\"%s>%s</option>\n",
                   code, g_strcmp0 (code, selected) == 0 ? " selected" : "", name);
    }
  xf_html_add (html, "</select>\n");
  xf_html_field_error (html, errors, field);
  xf_html_add (html, "</div>\n");
}

static char *
escape_path_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

/*
 * The request form, for 点单 and for a booking
 */

/* The fields every request form has, after the item. */
static void
add_request_fields (GString         *html,
                    XfPortalRequest *request,
                    GHashTable      *errors,
                    GPtrArray       *regions)
{
  const char *description = xf_portal_request_field (request, "description");

  add_text_field (html, request, errors, "requester", "text", _("Your name"), "name", TRUE, NULL);
  add_text_field (html, request, errors, "contact", "text", _("Contact (mobile, phone or e-mail)"),
                  "tel", TRUE,
                  _("Kept private: only the service office sees it, to follow your request. "
                    "You need it, with the request’s code, to see how your request stands."));
  add_select_field (html, errors, "region", _("Region"), regions,
                    xf_portal_request_field (request, "region"));
  add_text_field (html, request, errors, "place", "text", _("Place"), "street-address", FALSE,
                  NULL);
  add_text_field (html, request, errors, "needed_by", "date", _("Needed by"), NULL, FALSE, NULL);

  xf_html_add (html, "<div class=\"field\">\n");
  add_label (html, "description", _("What do you need?"), TRUE);
  xf_html_add (html, "<textarea id=\"description\" name=\"description\" rows=\"5\""
               " aria-required=\"true\"");
  add_field_attributes (html, errors, "description", NULL);
  xf_html_add (html, ">%s</textarea>\n", description != NULL ? description : "");
  xf_html_field_error (html, errors, "description");
  xf_html_add (html, "</div>\n");
}

/* The errors that belong to no field of the form, at its top. */
static void
add_form_errors (GString    *html,
                 GHashTable *errors)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (errors == NULL)
    return;
  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!is_form_field (key))
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", (const char *) value);
  if (text->len > 0)
    xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>\n",
                 text->str);
  else if (g_hash_table_size (errors) > 0)
    /* A phone shows the top of the page first: say that something is
     * wrong below. */
    xf_html_add (html, "<p class=\"flash form-summary\" id=\"form-summary\" role=\"alert\">%s</p>\n",
                 _("Please correct the fields marked below."));
}

/**
 * xf_portal_request_form_page:
 * @item_code: the item of a 点单 (required then); for a booking, the
 *   offer chosen first (or NULL)
 * @pioneer_uid: the card of a booking, or NULL for 点单
 * @errors: (nullable): field → message; keys that are no field of the
 *   form are shown at its top
 *
 * The form with the values of @request's form fields (none on a GET), a
 * 404 page for an unknown or inactive item or pioneer.
 */
XfPortalResponse *
xf_portal_request_form_page (XfPortalContext *ctx,
                             XfPortalRequest *request,
                             const char      *item_code,
                             const char      *pioneer_uid,
                             GHashTable      *errors,
                             guint            status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(XfPublicCard) card = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (item_code != NULL || pioneer_uid != NULL, NULL);

  if (pioneer_uid != NULL)
    {
      /* No visitor: showing the booking form is not a view of the card. */
      card = xf_portal_view_card (ctx->portal, pioneer_uid, NULL, TRUE, &error);
      if (card == NULL)
        {
          if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
            return xf_portal_error_page (request, 404, _("There is no such pioneer."));
          g_warning ("Cannot read the card %s: %s", pioneer_uid, error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
      if (card->offers->len == 0)
        return xf_portal_error_page (request, 404,
                                     _("This pioneer offers no service to book now."));
    }
  else
    {
      item = xf_portal_get_service (ctx->portal, item_code, &error);
      if (item == NULL)
        {
          if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
            return xf_portal_error_page (request, 404, _("There is no such service."));
          g_warning ("Cannot read the service %s: %s", item_code, error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
    }

  regions = xf_portal_list_regions (ctx->portal, &error);
  if (regions == NULL)
    {
      g_warning ("Cannot list the regions: %s", error->message);
      return xf_portal_error_page (request, 500, NULL);
    }

  if (card != NULL)
    {
      g_autofree char *uid = escape_path_segment (card->uid);
      g_autoptr(GPtrArray) offers = g_ptr_array_new ();
      const char *chosen = xf_portal_request_field (request, "item");

      /* Translators: %s is a pioneer's name. */
      title = g_strdup_printf (_("Book a service from %s"), card->name);
      xf_html_add (html, "<h1>%s</h1>\n", title);
      xf_html_add (html, "<p class=\"lead\"><a href=\"/p/%s\">%s</a></p>\n", uid,
                   _("Back to the card"));
      add_form_errors (html, errors);
      xf_html_add (html, "<form id=\"request-form\" method=\"post\" action=\"/p/%s/book\""
                   " novalidate>\n", uid);
      for (guint i = 0; i < card->offers->len; i++)
        {
          XfPublicOffer *offer = g_ptr_array_index (card->offers, i);

          g_ptr_array_add (offers, offer->item_code);
          g_ptr_array_add (offers, offer->item_name);
        }
      add_select_field (html, errors, "item", _("Service"), offers,
                        chosen != NULL ? chosen : item_code);
    }
  else
    {
      g_autofree char *code = escape_path_segment (item->code);
      g_autofree char *response = xf_service_item_format_response (item);

      title = g_strdup (xf_service_item_get_name (item));
      xf_html_add (html, "<h1>%s</h1>\n", title);
      if (item->description != NULL && *item->description != '\0')
        xf_html_paragraphs (html, item->description);
      xf_html_add (html, "<p class=\"response\">%s</p>\n", response);
      add_form_errors (html, errors);
      xf_html_add (html, "<form id=\"request-form\" method=\"post\" action=\"/services/%s\""
                   " novalidate>\n", code);
    }

  add_request_fields (html, request, errors, regions);
  csrf = xf_portal_csrf_field (ctx, request);
  xf_html_raw (html, csrf);
  xf_html_add (html, "\n<button type=\"submit\" id=\"submit\">%s</button>\n</form>\n",
               card != NULL ? _("Book a service") : _("Send the request"));

  return xf_portal_page (request, status, title, html->str);
}

/* Lets this visitor see request @code for a while, as if they had given
 * its contact (they just did). */
static void
grant_access (XfPortalContext  *ctx,
              XfPortalRequest  *request,
              XfPortalResponse *response,
              const char       *code)
{
  g_autofree char *proof = xf_portal_guard_sign_access (ctx->guard, code, request->visitor_id,
                                                        request->now / G_USEC_PER_SEC);

  xf_portal_response_set_cookie (response, "xf_r", proof, XF_PORTAL_ACCESS_SECONDS,
                                 ctx->config->secure_cookies);
}

/* An empty field is no value. */
static const char *
field_or_null (XfPortalRequest *request,
               const char      *name)
{
  const char *value = xf_portal_request_field (request, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * xf_portal_request_form_submit:
 * @item_code: the item of a 点单; for a booking NULL (the form's "item"
 *   field is taken)
 * @pioneer_uid: the card of a booking, or NULL
 *
 * Submits the form of @request: on success a 303 to /requests/CODE?new=1
 * with the access cookie; a bad form: the form again, 422, with its
 * errors; an unknown item or pioneer: 404.
 */
XfPortalResponse *
xf_portal_request_form_submit (XfPortalContext *ctx,
                               XfPortalRequest *request,
                               const char      *item_code,
                               const char      *pioneer_uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(XfPortalResponse) response = NULL;
  g_autofree char *code = NULL;
  g_autofree char *location = NULL;
  g_autofree char *escaped = NULL;
  XfPortalRequestForm form = { 0 };

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (item_code != NULL || pioneer_uid != NULL, NULL);

  if (pioneer_uid != NULL)
    {
      g_autoptr(XfPublicCard) card = xf_portal_view_card (ctx->portal, pioneer_uid, NULL, TRUE,
                                                          &error);

      if (card == NULL)
        {
          if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
            return xf_portal_error_page (request, 404, _("There is no such pioneer."));
          g_warning ("Cannot read the card %s: %s", pioneer_uid, error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
      if (item_code == NULL || *item_code == '\0')
        item_code = field_or_null (request, "item");
    }
  else
    {
      g_autoptr(XfServiceItem) item = xf_portal_get_service (ctx->portal, item_code, &error);

      if (item == NULL)
        {
          if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
            return xf_portal_error_page (request, 404, _("There is no such service."));
          g_warning ("Cannot read the service %s: %s", item_code, error->message);
          return xf_portal_error_page (request, 500, NULL);
        }
    }

  /* Core reports the first bad field only; a form sent empty from a
   * phone should learn of every missing one at once. */
  errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (item_code == NULL)
    g_hash_table_insert (errors, (gpointer) "item",
                         g_strdup_printf (_("%s: this is required"), _("Service item")));
  for (gsize i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      const char *given = xf_portal_request_field (request, required_fields[i].field);
      g_autofree char *value = g_strstrip (g_strdup (given != NULL ? given : ""));

      if (*value == '\0')
        g_hash_table_insert (errors, (gpointer) required_fields[i].field,
                             g_strdup_printf (_("%s: this is required"),
                                              _(required_fields[i].label)));
    }
  if (g_hash_table_size (errors) > 0)
    return xf_portal_request_form_page (ctx, request, item_code, pioneer_uid, errors, 422);

  form.item_code = item_code;
  form.requester = xf_portal_request_field (request, "requester");
  form.contact = xf_portal_request_field (request, "contact");
  form.region_code = field_or_null (request, "region");
  form.place = field_or_null (request, "place");
  form.needed_by = field_or_null (request, "needed_by");
  form.description = xf_portal_request_field (request, "description");
  form.pioneer_uid = pioneer_uid;

  code = xf_portal_submit_request (ctx->portal, &form, &error);
  if (code == NULL)
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_INVALID)
          || g_error_matches (error, XF_ERROR, XF_ERROR_WORKFLOW)
          || g_error_matches (error, XF_ERROR, XF_ERROR_CONFLICT))
        {
          const char *field = field_of_error (error->message, pioneer_uid != NULL);

          g_hash_table_insert (errors, (gpointer) field, g_strdup (error->message));
          return xf_portal_request_form_page (ctx, request, item_code, pioneer_uid, errors, 422);
        }
      if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
        return xf_portal_error_page (request, 404, error->message);
      g_warning ("Cannot store a request from the portal: %s", error->message);
      return xf_portal_error_page (request, 500, NULL);
    }

  escaped = escape_path_segment (code);
  location = g_strdup_printf ("/requests/%s?new=1", escaped);
  response = xf_portal_response_redirect (location);
  grant_access (ctx, request, response, code);
  return g_steal_pointer (&response);
}

/*
 * The menu
 */

XfPortalResponse *
xf_portal_page_services (XfPortalContext    *ctx,
                         XfPortalRequest    *request,
                         const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_portal_list_services (ctx->portal, &error);
  g_autoptr(GString) html = g_string_new (NULL);
  const char *group = NULL;

  if (items == NULL)
    {
      g_warning ("Cannot list the services: %s", error->message);
      return xf_portal_error_page (request, 500, NULL);
    }

  xf_html_add (html, "<h1>%s</h1>\n", _("Services"));
  xf_html_add (html, "<p class=\"lead\">%s</p>\n",
               _("Pioneers offer these services to the public. Choose one to ask for it; "
                 "a pioneer takes up your request."));
  xf_html_add (html, "<ul id=\"services\" class=\"services\">\n");
  for (guint i = 0; i < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);
      g_autofree char *code = escape_path_segment (item->code);
      g_autofree char *response = xf_service_item_format_response (item);

      if (g_strcmp0 (group, item->group) != 0)
        {
          if (group != NULL)
            xf_html_add (html, "</ul>\n</li>\n");
          group = item->group;
          xf_html_add (html, "<li class=\"service-group\" data-group=\"%s\">\n<h2>%s</h2>\n"
                       "<ul class=\"services\">\n", group, xf_service_group_label (group));
        }
      /* The whole item is the link: one large target on a phone. */
      xf_html_add (html, "<li class=\"service-item\" id=\"service-%s\">\n"
                   "<a href=\"/services/%s\">\n<h3>%s</h3>\n",
                   item->code, code, xf_service_item_get_name (item));
      if (item->description != NULL && *item->description != '\0')
        xf_html_add (html, "<p class=\"description\">%s</p>\n", item->description);
      xf_html_add (html, "<p class=\"response\">%s</p>\n</a>\n</li>\n", response);
    }
  if (group != NULL)
    xf_html_add (html, "</ul>\n</li>\n");
  xf_html_add (html, "</ul>\n");
  if (items->len == 0)
    xf_html_add (html, "<p class=\"empty\">%s</p>\n", _("No services are offered at the moment."));

  return xf_portal_page (request, 200, _("Services"), html->str);
}

XfPortalResponse *
xf_portal_page_service_form (XfPortalContext    *ctx,
                             XfPortalRequest    *request,
                             const char * const *captures)
{
  return xf_portal_request_form_page (ctx, request, captures[0], NULL, NULL, 200);
}

XfPortalResponse *
xf_portal_page_service_post (XfPortalContext    *ctx,
                             XfPortalRequest    *request,
                             const char * const *captures)
{
  return xf_portal_request_form_submit (ctx, request, captures[0], NULL);
}
