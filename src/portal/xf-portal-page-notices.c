/* xf-portal-page-notices.c — public notices (公示) and objections (异议)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-portal-html.h"
#include "xf-portal-pages.h"

/*
 * Core's messages begin with the field they are about ("Grounds: this is
 * required"), translated in the current language like the labels here.
 * This table maps those labels to the form's fields; a message that
 * names none of them is shown at the top of the form.
 */
static const struct
{
  const char *field;
  const char *label;
} error_fields[] = {
  { "candidate", N_("Candidate") },
  { "candidate", N_("Nomination") },
  { "name", N_("Objector") },
  { "name", N_("Name") },
  { "contact", N_("Contact") },
  { "grounds", N_("Grounds") },
  { "file", N_("File name") },
  { "file", N_("File") },
  { "file", N_("Evidence") },
};

static const char *
field_of_message (const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_fields); i++)
    {
      /* The label as translated now, then as written (a message whose
       * label was not translated). */
      const char *labels[] = { _(error_fields[i].label), error_fields[i].label };

      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        {
          const char *rest;

          /* "Grounds: …", "异议内容：…", or a file named after its
           * label: "File “a.pdf”: …" */
          if (xf_html_message_names_field (message, labels[j]))
            return error_fields[i].field;
          if (!g_str_has_prefix (message, labels[j]))
            continue;
          rest = message + strlen (labels[j]);
          if (g_str_has_prefix (rest, "“") || g_str_has_prefix (rest, " “"))
            return error_fields[i].field;
        }
    }
  return NULL;
}

static GHashTable *
errors_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
errors_add (GHashTable *errors,
            const char *field,
            const char *message)
{
  if (!g_hash_table_contains (errors, field))
    g_hash_table_insert (errors, (gpointer) field, g_strdup (message));
}

/* The notice id of "/notices/ID": digits only, else 0. */
static gint64
parse_notice_id (const char * const *captures)
{
  guint64 id = 0;

  if (captures == NULL || captures[0] == NULL
      || !g_ascii_string_to_unsigned (captures[0], 10, 1, G_MAXINT64, &id, NULL)
      || !g_ascii_isdigit (captures[0][0]))
    return 0;
  return (gint64) id;
}

static XfPortalResponse *
not_found (XfPortalRequest *request)
{
  return xf_portal_error_page (request, 404,
                               _("There is no such public notice, or it is no longer public."));
}

static XfPortalResponse *
core_error_page (XfPortalRequest *request,
                 const GError    *error)
{
  if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
    return not_found (request);
  g_warning ("%s %s: %s", request->method, request->path, error->message);
  return xf_portal_error_page (request, 500, NULL);
}

/* "3 working days left", "Last day for objections", "Ended". */
static char *
days_left_label (const XfNotice *notice)
{
  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0 && notice->days_left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                         "%d working days left", notice->days_left),
                            notice->days_left);
  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0 && notice->days_left == 0)
    return g_strdup (_("Last day for objections"));
  return g_strdup (_("Ended"));
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/*
 * The list (GET /notices)
 */

XfPortalResponse *
xf_portal_page_notices (XfPortalContext    *ctx,
                        XfPortalRequest    *request,
                        const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GString) html = g_string_new (NULL);

  notices = xf_portal_list_notices (ctx->portal, &error);
  if (notices == NULL)
    return core_error_page (request, error);

  xf_html_add (html, "<section class=\"notices\"><h1>%s</h1><p class=\"lead\">%s</p>",
               _("Public notices"),
               _("Candidates for an honour are made public here before the decision. "
                 "While a notice is open, anyone may raise an objection."));
  if (notices->len == 0)
    xf_html_add (html, "<p class=\"empty\" id=\"notices-empty\">%s</p>",
                 _("There is no public notice at the moment."));
  else
    {
      xf_html_raw (html, "<ul id=\"notices\" class=\"notice-list\">");
      for (guint i = 0; i < notices->len; i++)
        {
          const XfNotice *notice = g_ptr_array_index (notices, i);
          g_autofree char *href = g_strdup_printf ("/notices/%" G_GINT64_FORMAT, notice->id);
          g_autofree char *period = xf_notice_format_period (notice);
          g_autofree char *left = days_left_label (notice);
          gboolean open = xf_portal_notice_is_open (notice);

          xf_html_add (html, "<li><a href=\"%s\"><strong class=\"notice-title\">%s</strong>",
                       href, notice->title != NULL ? notice->title : "");
          if (has_text (notice->organisation_name))
            xf_html_add (html, "<div class=\"meta\">%s</div>", notice->organisation_name);
          if (period != NULL)
            xf_html_add (html, "<div class=\"meta\">%s</div>", period);
          xf_html_add (html, "<span class=\"badge%s\">%s</span></a></li>",
                       open ? " is-open" : " is-ended", left);
        }
      xf_html_raw (html, "</ul>");
    }
  xf_html_raw (html, "</section>");
  return xf_portal_page (request, 200, _("Public notices"), html->str);
}

/*
 * The notice (GET /notices/ID) and its objection form
 */

/* The attributes that tie a field's input to its error (xf_html_field_error). */
static const char *
invalid_attributes (GHashTable *errors,
                    const char *field)
{
  if (errors == NULL || !g_hash_table_contains (errors, field))
    return "";
  /* Only fixed names reach here: the markup is ours. */
  if (g_str_equal (field, "candidate"))
    return " aria-invalid=\"true\" aria-describedby=\"error-candidate\"";
  if (g_str_equal (field, "name"))
    return " aria-invalid=\"true\" aria-describedby=\"error-name\"";
  if (g_str_equal (field, "contact"))
    return " aria-invalid=\"true\" aria-describedby=\"error-contact\"";
  if (g_str_equal (field, "grounds"))
    return " aria-invalid=\"true\" aria-describedby=\"error-grounds\"";
  if (g_str_equal (field, "file"))
    return " aria-invalid=\"true\" aria-describedby=\"error-file\"";
  return "";
}

static const char *
value_of (GHashTable *values,
          const char *name)
{
  const char *value = values != NULL ? g_hash_table_lookup (values, name) : NULL;

  return value != NULL ? value : "";
}

static void
add_objection_form (GString         *html,
                    XfPortalContext *ctx,
                    XfPortalRequest *request,
                    const XfNotice  *notice,
                    GHashTable      *values,
                    GHashTable      *errors)
{
  g_autofree char *action = g_strdup_printf ("/notices/%" G_GINT64_FORMAT "/objections",
                                             notice->id);
  g_autofree char *csrf_field = xf_portal_csrf_field (ctx, request);
  g_autofree char *max_file = g_strdup_printf ("%d", XF_MATERIAL_MAX_SIZE / (1024 * 1024));
  const char *chosen = value_of (values, "candidate");
  gboolean anonymous = g_strcmp0 (value_of (values, "anonymous"), "1") == 0
                       || g_strcmp0 (value_of (values, "anonymous"), "on") == 0;
  const char *form_error = errors != NULL ? g_hash_table_lookup (errors, "form") : NULL;

  xf_html_add (html, "<section class=\"objection\" aria-labelledby=\"objection-heading\">"
                     "<h2 id=\"objection-heading\">%s</h2>",
               _("Raise an objection"));
  if (form_error != NULL)
    xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>",
                 form_error);
  else if (errors != NULL && g_hash_table_size (errors) > 0)
    xf_html_add (html, "<p class=\"form-error\" role=\"alert\">%s</p>",
                 _("Please correct the fields marked below."));

  xf_html_add (html, "<form id=\"objection-form\" class=\"form\" method=\"post\" action=\"%s\" "
                     "enctype=\"multipart/form-data\">",
               action);
  xf_html_raw (html, csrf_field);

  /* The candidate. */
  xf_html_add (html, "<div class=\"field\"><label for=\"candidate\">%s</label>"
                     "<select id=\"candidate\" name=\"candidate\" required",
               _("Candidate"));
  /* The attributes are markup: raw, not escaped as a value would be. */
  xf_html_raw (html, invalid_attributes (errors, "candidate"));
  xf_html_add (html, "><option value=\"\">%s</option>", _("Choose the candidate"));
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, candidate->nomination_id);

      if (has_text (candidate->unit))
        xf_html_add (html, "<option value=\"%s\"%s>%s (%s)</option>", id,
                     g_str_equal (id, chosen) ? " selected" : "",
                     candidate->name != NULL ? candidate->name : "", candidate->unit);
      else
        xf_html_add (html, "<option value=\"%s\"%s>%s</option>", id,
                     g_str_equal (id, chosen) ? " selected" : "",
                     candidate->name != NULL ? candidate->name : "");
    }
  xf_html_raw (html, "</select>");
  xf_html_field_error (html, errors, "candidate");
  xf_html_raw (html, "</div>");

  /* Anonymous or named. */
  xf_html_add (html, "<div class=\"field\"><label class=\"choice\">"
                     "<input type=\"checkbox\" id=\"anonymous\" name=\"anonymous\" value=\"1\"%s>"
                     "%s</label><p class=\"hint\">%s</p></div>",
               anonymous ? " checked" : "", _("Object anonymously"),
               _("An anonymous objection is looked into too, but the office cannot reply to you "
                 "unless you leave a contact."));
  xf_html_add (html, "<div class=\"field\"><label for=\"name\">%s</label>"
                     "<input type=\"text\" id=\"name\" name=\"name\" maxlength=\"%s\" "
                     "autocomplete=\"name\" value=\"%s\"",
               _("Your name"), "200", value_of (values, "name"));
  xf_html_raw (html, invalid_attributes (errors, "name"));
  xf_html_add (html, "><p class=\"hint\">%s</p>", _("Required unless you object anonymously."));
  xf_html_field_error (html, errors, "name");
  xf_html_raw (html, "</div>");
  xf_html_add (html, "<div class=\"field\"><label for=\"contact\">%s</label>"
                     "<input type=\"text\" id=\"contact\" name=\"contact\" maxlength=\"%s\" "
                     "autocomplete=\"tel\" value=\"%s\"",
               _("Phone or e-mail (optional)"), "200", value_of (values, "contact"));
  xf_html_raw (html, invalid_attributes (errors, "contact"));
  xf_html_add (html, "><p class=\"hint\" id=\"contact-private\">%s</p>",
               _("Kept private: only the office handling objections sees it, to reply to you. "
                 "It is never shown on this site."));
  xf_html_field_error (html, errors, "contact");
  xf_html_raw (html, "</div>");

  /* The grounds and evidence. */
  xf_html_add (html, "<div class=\"field\"><label for=\"grounds\">%s</label>"
                     "<textarea id=\"grounds\" name=\"grounds\" rows=\"8\" maxlength=\"%s\" "
                     "required",
               _("Grounds"), "5000");
  xf_html_raw (html, invalid_attributes (errors, "grounds"));
  xf_html_add (html, ">\n%s</textarea><p class=\"hint\">%s</p>",
               value_of (values, "grounds"),
               _("What is wrong, and how you know it. Facts that can be checked help most."));
  xf_html_field_error (html, errors, "grounds");
  xf_html_raw (html, "</div>");
  xf_html_add (html, "<div class=\"field\"><label for=\"file\">%s</label>"
                     "<input type=\"file\" id=\"file\" name=\"file\"",
               _("Evidence (optional)"));
  xf_html_raw (html, invalid_attributes (errors, "file"));
  xf_html_raw (html, ">");
  {
    /* Translators: %s is a number of megabytes. */
    g_autofree char *hint = g_strdup_printf (_("One file of at most %s MB."), max_file);

    xf_html_add (html, "<p class=\"hint\">%s</p>", hint);
  }
  if (errors != NULL && request->upload != NULL && !g_hash_table_contains (errors, "file"))
    xf_html_add (html, "<p class=\"hint\">%s</p>", _("Please choose the file again."));
  xf_html_field_error (html, errors, "file");
  xf_html_raw (html, "</div>");

  xf_html_add (html, "<button type=\"submit\" id=\"objection-submit\">"
                     "%s</button></form></section>",
               _("Submit the objection"));
}

static void
add_contacts (GString        *html,
              const XfNotice *notice)
{
  if (!xf_notice_has_contact (notice))
    return;
  xf_html_add (html, "<h3>%s</h3><dl id=\"contacts\" class=\"contacts\">", _("Contacts"));
  if (has_text (notice->contact_phone))
    {
      g_autoptr(GString) tel = g_string_new (NULL);

      /* A tel: link of the digits (and a leading +) only. */
      for (const char *p = notice->contact_phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || (*p == '+' && tel->len == 0))
          g_string_append_c (tel, *p);
      xf_html_add (html, "<div><dt>%s</dt>"
                         "<dd id=\"contact-phone\"><a href=\"tel:%s\">%s</a></dd></div>",
                   _("Phone"), tel->str, notice->contact_phone);
    }
  if (has_text (notice->contact_address))
    xf_html_add (html, "<div><dt>%s</dt><dd id=\"contact-address\">%s</dd></div>",
                 _("Address"), notice->contact_address);
  if (has_text (notice->contact_mailbox))
    xf_html_add (html, "<div><dt>%s</dt><dd id=\"contact-mailbox\">%s</dd></div>",
                 _("Mailbox"), notice->contact_mailbox);
  xf_html_raw (html, "</dl>");
}

/* A reference as xf_portal_submit_objection makes them; anything else in
 * the query is not echoed. */
static gboolean
is_reference (const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  if (length == 0 || length > 32)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

/* The candidates in three columns, which fit a phone: the position, the
 * candidate (name, unit and, when they differ, the honour) and the summary.
 * An honour shared by all (the usual case: one campaign) is said once. */
static void
add_candidates (GString        *html,
                const XfNotice *notice)
{
  const char *shared_honour = NULL;
  gboolean one_honour = notice->candidates->len > 0;

  for (guint i = 0; i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (i == 0)
        shared_honour = candidate->honour;
      else if (g_strcmp0 (shared_honour, candidate->honour) != 0)
        one_honour = FALSE;
    }
  if (!has_text (shared_honour))
    one_honour = FALSE;

  xf_html_add (html, "<h2>%s</h2>", _("Candidates"));
  if (one_honour)
    {
      /* Translators: above the candidates: "Honour: 2026年度德清县劳动模范". */
      g_autofree char *line = g_strdup_printf (_("Honour: %s"), shared_honour);

      xf_html_add (html, "<p class=\"meta\" id=\"candidates-honour\">%s</p>", line);
    }
  xf_html_add (html, "<div class=\"table-wrap\"><table id=\"candidates\" class=\"candidates\">"
                     "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                     "<th scope=\"col\">%s</th></tr></thead><tbody>",
               C_("table column", "No."), _("Candidate"), _("Summary of deeds"));
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      g_autofree char *position = g_strdup_printf ("%d", candidate->position);

      xf_html_add (html, "<tr><td class=\"position\">%s</td><th scope=\"row\">"
                         "<span class=\"candidate-name\">%s</span>",
                   position, candidate->name != NULL ? candidate->name : "");
      if (has_text (candidate->unit))
        xf_html_add (html, "<div class=\"meta candidate-unit\">%s</div>", candidate->unit);
      if (!one_honour && has_text (candidate->honour))
        xf_html_add (html, "<div class=\"meta candidate-honour\">%s</div>", candidate->honour);
      xf_html_raw (html, "</th><td class=\"summary\">");
      xf_html_paragraphs (html, candidate->summary != NULL ? candidate->summary : "");
      xf_html_raw (html, "</td></tr>");
    }
  xf_html_raw (html, "</tbody></table></div>");
}

static XfPortalResponse *
render_notice (XfPortalContext *ctx,
               XfPortalRequest *request,
               const XfNotice  *notice,
               GHashTable      *values,
               GHashTable      *errors,
               guint            status)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *period = xf_notice_format_period (notice);
  g_autofree char *left = days_left_label (notice);
  const char *reference = xf_portal_request_query (request, "objection");
  gboolean open = xf_portal_notice_is_open (notice);

  if (errors == NULL && is_reference (reference))
    xf_html_add (html, "<div role=\"status\"><p class=\"meta\">%s</p>"
                       "<p id=\"objection-result\" class=\"reference\">%s</p></div>",
                 _("Your objection has been received. Keep its reference:"), reference);

  xf_html_add (html, "<article id=\"notice\" class=\"panel notice-page\">"
                     "<h1 id=\"notice-title\">%s</h1>",
               notice->title != NULL ? notice->title : "");
  xf_html_raw (html, "<p class=\"meta\">");
  if (has_text (notice->organisation_name))
    xf_html_add (html, "<span class=\"notice-publisher\">%s</span> · ", notice->organisation_name);
  if (period != NULL)
    xf_html_add (html, "<span id=\"period\">%s</span> ", period);
  xf_html_add (html, "<span class=\"badge%s\" id=\"days-left\">%s</span></p>",
               open ? " is-open" : "", left);
  if (has_text (notice->preamble))
    {
      xf_html_raw (html, "<div class=\"preamble\">");
      xf_html_paragraphs (html, notice->preamble);
      xf_html_raw (html, "</div>");
    }

  add_candidates (html, notice);

  xf_html_add (html, "<section class=\"notice-objections\"><h2>%s</h2>", _("Objections"));
  xf_html_raw (html, "<div class=\"invitation\" id=\"invitation\">");
  xf_html_paragraphs (html, xf_notice_objection_invitation ());
  xf_html_raw (html, "</div>");
  add_contacts (html, notice);
  xf_html_raw (html, "</section>");

  if (open)
    add_objection_form (html, ctx, request, notice, values, errors);
  else
    {
      const char *form_error = errors != NULL ? g_hash_table_lookup (errors, "form") : NULL;

      if (form_error != NULL)
        xf_html_add (html, "<p class=\"form-error\" id=\"form-error\" role=\"alert\">%s</p>",
                     form_error);
      xf_html_add (html, "<p class=\"notice-closed\" id=\"objection-closed\">%s</p>",
                   _("This notice has ended and no longer takes objections here."));
    }
  xf_html_raw (html, "</article>");

  return xf_portal_page (request, status,
                         notice->title != NULL ? notice->title : _("Public notice"), html->str);
}

/* The public notice captures[0] names; NULL with the page to send in
 * @refused (404, or the core error's). */
static XfNotice *
find_notice (XfPortalContext    *ctx,
             XfPortalRequest    *request,
             const char * const *captures,
             XfPortalResponse  **refused)
{
  g_autoptr(GError) error = NULL;
  gint64 id = parse_notice_id (captures);
  XfNotice *notice;

  if (id <= 0)
    {
      *refused = not_found (request);
      return NULL;
    }
  notice = xf_portal_get_notice (ctx->portal, id, &error);
  if (notice == NULL)
    *refused = core_error_page (request, error);
  return notice;
}

XfPortalResponse *
xf_portal_page_notice (XfPortalContext    *ctx,
                       XfPortalRequest    *request,
                       const char * const *captures)
{
  XfPortalResponse *refused = NULL;
  g_autoptr(XfNotice) notice = find_notice (ctx, request, captures, &refused);

  if (notice == NULL)
    return refused;
  return render_notice (ctx, request, notice, NULL, NULL, 200);
}

/*
 * An objection (POST /notices/ID/objections)
 */

static gboolean
is_candidate (const XfNotice *notice,
              gint64          nomination_id)
{
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (candidate->nomination_id == nomination_id)
        return TRUE;
    }
  return FALSE;
}

/* The name of an uploaded file without any folder a browser may send
 * ("C:\\fakepath\\a.pdf"), or "evidence". */
static const char *
base_name (const char *name)
{
  const char *slash;

  if (!has_text (name))
    return "evidence";
  slash = strrchr (name, '/');
  if (slash != NULL)
    name = slash + 1;
  slash = strrchr (name, '\\');
  if (slash != NULL)
    name = slash + 1;
  if (!has_text (name) || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return "evidence";
  return name;
}

/* What the visitor sent, checked for what the page itself knows (the
 * candidates offered, the file's size); the rules on the text are core's. */
static void
read_objection (XfPortalRequest   *request,
                const XfNotice    *notice,
                XfPortalObjection *objection,
                GHashTable        *errors)
{
  const char *candidate = xf_portal_request_field (request, "candidate");
  const char *anonymous = xf_portal_request_field (request, "anonymous");
  guint64 nomination_id = 0;

  objection->notice_id = notice->id;
  if (candidate == NULL || candidate[0] == '\0')
    errors_add (errors, "candidate", _("Choose the candidate you object to."));
  else if (!g_ascii_string_to_unsigned (candidate, 10, 1, G_MAXINT64, &nomination_id, NULL)
           || !is_candidate (notice, (gint64) nomination_id))
    errors_add (errors, "candidate", _("Choose a candidate on this notice."));
  objection->nomination_id = (gint64) nomination_id;

  objection->anonymous = g_strcmp0 (anonymous, "1") == 0 || g_strcmp0 (anonymous, "on") == 0;
  objection->name = xf_portal_request_field (request, "name");
  objection->contact = xf_portal_request_field (request, "contact");
  objection->grounds = xf_portal_request_field (request, "grounds");
  if (!objection->anonymous && !has_text (objection->name))
    errors_add (errors, "name",
                _("Give your name, or tick “Object anonymously”."));
  if (!has_text (objection->grounds))
    errors_add (errors, "grounds", _("Write the grounds of your objection."));

  /* A browser sends an empty part when no file was chosen. */
  if (request->upload != NULL
      && (g_bytes_get_size (request->upload) > 0 || has_text (request->upload_name)))
    {
      if (g_bytes_get_size (request->upload) > XF_MATERIAL_MAX_SIZE)
        {
          g_autofree char *message = g_strdup_printf (_("The file is larger than %d MB."),
                                                      XF_MATERIAL_MAX_SIZE / (1024 * 1024));

          errors_add (errors, "file", message);
        }
      else if (g_bytes_get_size (request->upload) == 0)
        errors_add (errors, "file", _("The file is empty."));
      objection->file = request->upload;
      objection->file_name = base_name (request->upload_name);
      objection->file_type = has_text (request->upload_type) ? request->upload_type
                                                               : "application/octet-stream";
    }
}

XfPortalResponse *
xf_portal_page_objection_post (XfPortalContext    *ctx,
                               XfPortalRequest    *request,
                               const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  XfPortalResponse *refused = NULL;
  g_autoptr(XfNotice) notice = find_notice (ctx, request, captures, &refused);
  g_autoptr(GHashTable) errors = errors_new ();
  g_autofree char *reference = NULL;
  g_autofree char *location = NULL;
  XfPortalObjection objection = { 0, };

  if (notice == NULL)
    return refused;

  if (!xf_portal_notice_is_open (notice))
    {
      errors_add (errors, "form", _("This notice has ended: objections are no longer taken here. "
                                    "Please contact the office."));
      return render_notice (ctx, request, notice, request->form, errors, 422);
    }

  read_objection (request, notice, &objection, errors);
  if (g_hash_table_size (errors) > 0)
    return render_notice (ctx, request, notice, request->form, errors, 422);

  reference = xf_portal_submit_objection (ctx->portal, &objection, &error);
  if (reference == NULL)
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
        return not_found (request);
      if (!g_error_matches (error, XF_ERROR, XF_ERROR_INVALID)
          && !g_error_matches (error, XF_ERROR, XF_ERROR_WORKFLOW))
        return core_error_page (request, error);
      {
        const char *field = field_of_message (error->message);

        errors_add (errors, field != NULL ? field : "form", error->message);
      }
      return render_notice (ctx, request, notice, request->form, errors, 422);
    }

  {
    g_autofree char *escaped = g_uri_escape_string (reference, NULL, FALSE);

    location = g_strdup_printf ("/notices/%" G_GINT64_FORMAT "?objection=%s", notice->id, escaped);
  }
  return xf_portal_response_redirect (location);
}
