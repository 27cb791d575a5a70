/* xf-notice-export.c — a notice for the organisation's website: HTML, JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-notice-export.h"
#include "xf-pioneer.h"
#include "xf-public-link.h"

/*
 * Only the fields of the notice and its candidates are read: nothing of
 * objections, results or stages leaves through an export.
 */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

char *
xf_notice_dup_portal_url (const XfNotice *notice,
                          const char     *portal_base)
{
  g_return_val_if_fail (notice != NULL, NULL);

  if (portal_base == NULL || notice->id <= 0
      || g_strcmp0 (notice->status, XF_NOTICE_WITHDRAWN) == 0)
    return NULL;
  /* Preferences and the CLI check the base; one that slipped through
   * (an edited settings file) leaves the line off rather than the export. */
  return xf_public_link_build_notice (portal_base, notice->id, NULL);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

JsonNode *
xf_notice_to_json_with_links (const XfNotice *notice,
                              const char     *corrects_uid,
                              const char     *follows_uid,
                              const char     *portal_base)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *period = NULL;
  g_autofree char *portal_url = NULL;

  g_return_val_if_fail (notice != NULL, NULL);

  period = xf_notice_format_period (notice);
  portal_url = xf_notice_dup_portal_url (notice, portal_base);

  json_builder_begin_object (builder);
  add_string (builder, "uid", notice->uid);
  add_string (builder, "title", or_empty (notice->title));

  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  add_string (builder, "title", or_empty (notice->campaign_title));
  add_string (builder, "level", notice->campaign_level);
  add_int (builder, "year", notice->campaign_year);
  json_builder_end_object (builder);

  add_string (builder, "publisher", or_empty (notice->organisation_name));
  add_string (builder, "status", notice->status);
  add_int (builder, "revision", notice->revision);
  add_string (builder, "corrects", notice->revision_of != 0 ? corrects_uid : NULL);
  add_string (builder, "follows", notice->follows != 0 ? follows_uid : NULL);

  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  add_int (builder, "working_days", notice->period_days);
  add_string (builder, "starts_on", notice->starts_on);
  add_string (builder, "ends_on", notice->ends_on);
  add_string (builder, "text", period);
  json_builder_end_object (builder);

  add_string (builder, "published_on", notice->published_on);
  add_string (builder, "preamble", or_empty (notice->preamble));

  json_builder_set_member_name (builder, "contact");
  json_builder_begin_object (builder);
  add_string (builder, "phone", notice->contact_phone);
  add_string (builder, "address", notice->contact_address);
  add_string (builder, "mailbox", notice->contact_mailbox);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "candidates");
  json_builder_begin_array (builder);
  for (guint i = 0; notice->candidates != NULL && i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      json_builder_begin_object (builder);
      add_int (builder, "position", candidate->position);
      add_string (builder, "name", or_empty (candidate->name));
      add_string (builder, "gender", or_empty (candidate->gender));
      add_string (builder, "unit", or_empty (candidate->unit));
      add_string (builder, "honour", or_empty (candidate->honour));
      add_string (builder, "summary", or_empty (candidate->summary));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string (builder, "portal_url", portal_url);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
xf_notice_to_json (const XfNotice *notice)
{
  return xf_notice_to_json_with_links (notice, NULL, NULL, NULL);
}

/*
 * HTML
 */

static const char stylesheet[] =
  "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif;"
  "max-width:50em;margin:2em auto;padding:0 1em;line-height:1.7;color:#111}"
  "h1{text-align:center;font-size:1.6em;margin:.2em 0}"
  ".publisher{text-align:center;font-size:1.15em;margin:0}"
  ".mark{text-align:center;color:#c01c28;font-weight:bold}"
  ".note{text-align:center;color:#444}"
  ".preamble p{text-indent:2em;text-align:justify}"
  "table{border-collapse:collapse;width:100%;font-size:.92em;margin:1em 0}"
  "th,td{border:1px solid #333;padding:.3em .45em;vertical-align:middle}"
  "th{background:#e0e0e0}"
  "td.c{text-align:center;white-space:nowrap}"
  ".signature{text-align:right;margin-top:2.5em}"
  ".signature p{margin:.2em 0}";

/* "zh_CN.UTF-8" → "zh-CN"; "C" → "en". */
static char *
html_language (void)
{
  const char *name = g_get_language_names ()[0];
  g_autofree char *lang = NULL;
  char *end;

  lang = g_strdup (name != NULL ? name : "C");
  end = strpbrk (lang, ".@");
  if (end != NULL)
    *end = '\0';
  if (*lang == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
    return g_strdup ("en");
  g_strdelimit (lang, "_", '-');
  return g_steal_pointer (&lang);
}

static void
append_escaped (GString    *html,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

/* Like g_string_append_printf () with every %s escaped. */
static void
append_escaped (GString    *html,
                const char *format,
                ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, text);
  g_free (text);
}

static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *paragraph = g_strstrip (paragraphs[i]);

      if (*paragraph != '\0')
        append_escaped (html, "<p>%s</p>\n", paragraph);
    }
}

static void
append_table (GString        *html,
              const XfNotice *notice)
{
  append_escaped (html,
                  "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                  "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                  C_("notice table", "No."), C_("notice table", "Name"),
                  C_("notice table", "Gender"), C_("notice table", "Unit"),
                  C_("notice table", "Honour"), C_("notice table", "Summary of deeds"));
  for (guint i = 0; notice->candidates != NULL && i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      const char *gender = candidate->gender != NULL && *candidate->gender != '\0'
                           ? xf_gender_label (candidate->gender) : "";

      append_escaped (html,
                      "<tr><td class=\"c\">%d</td><td class=\"c\">%s</td><td class=\"c\">%s</td>"
                      "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
                      candidate->position > 0 ? candidate->position : (int) i + 1,
                      or_empty (candidate->name), gender, or_empty (candidate->unit),
                      or_empty (candidate->honour), or_empty (candidate->summary));
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_label_value (GString    *html,
                    const char *label,
                    const char *value)
{
  g_autofree char *bold = g_markup_printf_escaped ("<strong>%s</strong>", label);
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  g_string_append (html, "<p>");
  g_string_append_printf (html, C_("notice", "%s: %s"), bold, escaped);
  g_string_append (html, "</p>\n");
}

char *
xf_notice_to_html (const XfNotice *notice,
                   const char     *portal_base)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *lang = html_language ();
  g_autofree char *period = NULL;
  g_autofree char *published_on = NULL;
  g_autofree char *portal_url = NULL;
  const char *title;

  g_return_val_if_fail (notice != NULL, NULL);

  title = notice->title != NULL && *notice->title != '\0' ? notice->title : _("Public notice");
  append_escaped (html,
                  "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"Xianfeng %s\">\n"
                  "<title>%s</title>\n",
                  lang, PACKAGE_VERSION, title);
  g_string_append_printf (html, "<style>%s</style>\n</head>\n<body>\n<article>\n<header>\n",
                          stylesheet);
  if (notice->organisation_name != NULL && *notice->organisation_name != '\0')
    append_escaped (html, "<p class=\"publisher\">%s</p>\n", notice->organisation_name);
  append_escaped (html, "<h1>%s</h1>\n", title);
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) == 0)
    append_escaped (html, "<p class=\"mark\">%s</p>\n", _("DRAFT — not published"));
  else if (g_strcmp0 (notice->status, XF_NOTICE_WITHDRAWN) == 0)
    append_escaped (html, "<p class=\"mark\">%s</p>\n", _("WITHDRAWN"));
  if (notice->follows != 0)
    append_escaped (html, "<p class=\"note\">%s</p>\n", _("Second notice"));
  if (notice->revision > 1)
    {
      g_autofree char *note = g_strdup_printf (_("Corrected notice, revision %d: it replaces the earlier version"),
                                               notice->revision);
      append_escaped (html, "<p class=\"note\">%s</p>\n", note);
    }
  g_string_append (html, "</header>\n<section class=\"preamble\">\n");
  if (notice->preamble != NULL && *notice->preamble != '\0')
    append_paragraphs (html, notice->preamble);
  g_string_append (html, "</section>\n");

  append_table (html, notice);

  period = xf_notice_format_period (notice);
  if (period == NULL)
    period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day from the day it is published",
                                           "%d working days from the day it is published",
                                           (gulong) MAX (notice->period_days, 0)),
                              notice->period_days);
  g_string_append (html, "<section class=\"period\">\n");
  append_label_value (html, C_("notice", "Period"), period);
  append_escaped (html, "<h2>%s</h2>\n<p>%s</p>\n", C_("notice", "Contact for objections"),
                  xf_notice_objection_invitation ());
  if (notice->contact_phone != NULL && *notice->contact_phone != '\0')
    append_label_value (html, C_("notice", "Phone"), notice->contact_phone);
  if (notice->contact_address != NULL && *notice->contact_address != '\0')
    append_label_value (html, C_("notice", "Address"), notice->contact_address);
  if (notice->contact_mailbox != NULL && *notice->contact_mailbox != '\0')
    append_label_value (html, C_("notice", "Mailbox"), notice->contact_mailbox);
  portal_url = xf_notice_dup_portal_url (notice, portal_base);
  if (portal_url != NULL)
    {
      g_autofree char *bold = g_markup_printf_escaped ("<strong>%s</strong>", C_("notice", "Online"));
      g_autofree char *link = g_markup_printf_escaped ("<a class=\"portal\" href=\"%s\">%s</a>",
                                                       portal_url, portal_url);

      g_string_append (html, "<p>");
      g_string_append_printf (html, C_("notice", "%s: %s"), bold, link);
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</section>\n<footer class=\"signature\">\n");
  if (notice->organisation_name != NULL && *notice->organisation_name != '\0')
    append_escaped (html, "<p>%s</p>\n", notice->organisation_name);
  if (notice->published_on != NULL)
    {
      published_on = xf_notice_format_date (notice->published_on);
      append_escaped (html, "<p><time datetime=\"%s\">%s</time></p>\n",
                      notice->published_on, published_on);
    }
  g_string_append (html, "</footer>\n</article>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

/*
 * Files
 */

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, text, -1, &local_error))
    return xf_error_set_write_failed (error, path, local_error->message);
  return TRUE;
}

gboolean
xf_notice_write_json (const XfNotice  *notice,
                      const char      *portal_base,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (notice != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  root = xf_notice_to_json_with_links (notice, NULL, NULL, portal_base);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return write_text (path, text, error);
}

gboolean
xf_notice_write_html (const XfNotice  *notice,
                      const char      *portal_base,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (notice != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  html = xf_notice_to_html (notice, portal_base);
  return write_text (path, html, error);
}
