/* xf-portal-html.h — building the portal's pages, every value escaped
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-portal-exchange.h"

G_BEGIN_DECLS

/*
 * Markup is built in a GString with xf_html_add (), whose format is
 * trusted markup and whose string arguments are escaped
 * (g_markup_vprintf_escaped: & < > " ' ), so that text from the database
 * or the visitor can never become markup. xf_html_raw () is for markup
 * this code made itself (a fragment built with xf_html_add, a CSRF field).
 * Multi-line text (deeds, grounds) goes through xf_html_paragraphs ().
 */
void   xf_html_add        (GString    *html,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);
void   xf_html_raw        (GString    *html,
                           const char *markup);
/* Escaped text split on blank lines into <p>…</p>, single line breaks as <br>. */
void   xf_html_paragraphs (GString    *html,
                           const char *text);
/* A form field's error, @errors' message for @field (field → message;
 * NULL or no message: nothing), as <p class="field-error" id="error-FIELD">. */
void   xf_html_field_error (GString    *html,
                            GHashTable *errors,
                            const char *field);
/* Whether core's error @message is about the field labelled @label: it
 * begins with the label and a colon, ASCII or full-width ("Contact: …",
 * "联系方式：…"). The forms put such an error under that field. */
gboolean xf_html_message_names_field (const char *message,
                                      const char *label);
/* "2026-05-07" → "2026年5月7日" / "7 May 2026" in the request's language. */
char  *xf_html_date       (const char *iso_date);
/* UTC µs → local "2026-05-07 14:30". */
char  *xf_html_time       (gint64      utc_us);

/*
 * The page frame: <!doctype html>, lang, viewport for phones, the title,
 * the stylesheet (/static/style.css), a header with the site name and the
 * navigation (当月先锋 /, 公示 /notices, 服务 /services, 我的需求
 * /requests) and the language switch (a link to the same path with
 * ?lang=en or ?lang=zh), @body_markup, and a footer.
 * Returns a text/html response with @status.
 */
XfPortalResponse *xf_portal_page    (XfPortalRequest *request,
                                     guint            status,
                                     const char      *title,
                                     const char      *body_markup);
/* A clear error page: @status (4xx/5xx), a heading that says what went
 * wrong in words (404 "Not found", 413 "Too large"…), @message (escaped,
 * may be NULL) and a link home. */
XfPortalResponse *xf_portal_error_page (XfPortalRequest *request,
                                        guint            status,
                                        const char      *message);
/* A form page again with its errors: xf_portal_page with status 400 (or
 * 422 for a form that parsed but broke a rule; both count as 4xx). */

G_END_DECLS
