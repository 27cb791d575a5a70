/* xf-notice-export.h — a notice for the organisation's website: HTML, JSON
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-notice.h"

G_BEGIN_DECLS

/*
 * Public exports: only what the notice itself shows (no objections, no
 * identity numbers, no contacts of people — the notice's own contacts for
 * objections are public). Both state the period in dates.
 *
 * JSON: { "uid", "title", "campaign": {"title", "level", "year"},
 * "publisher", "status", "revision", "corrects" (uid or null), "follows"
 * (uid or null), "period": {"working_days", "starts_on", "ends_on",
 * "text"}, "published_on", "preamble", "contact": {"phone", "address",
 * "mailbox"}, "candidates": [{"position", "name", "gender", "unit",
 * "honour", "summary"}], "portal_url" (string or null) }.
 *
 * HTML: one standalone UTF-8 page (lang from the locale, a small inline
 * stylesheet, every value escaped) with the same content as the printed
 * notice.
 *
 * @portal_base: the public portal's address (GSettings public-base-url;
 * the CLI's --portal-url), or NULL. With one, the notice's page on the
 * portal (BASE/notices/ID, where objections may be raised online) is
 * "portal_url" in JSON and a contact line "Online: URL" in HTML and on the
 * printed notice (xf_notice_document_new).
 */

/* The notice's page on the portal, or NULL: no base, a base that is not a
 * valid address, a notice not yet saved or withdrawn (the portal shows no
 * withdrawn notice). (transfer full) */
char     *xf_notice_dup_portal_url (const XfNotice *notice,
                                    const char     *portal_base);

JsonNode *xf_notice_to_json        (const XfNotice *notice);
/* The same with the uids of the notice it corrects (revision_of) and the
 * first notice it follows, which the record holds only as ids; a NULL uid,
 * or a link the notice does not have, gives null. xf_notice_to_json ()
 * passes NULL for all three. */
JsonNode *xf_notice_to_json_with_links (const XfNotice *notice,
                                        const char     *corrects_uid,
                                        const char     *follows_uid,
                                        const char     *portal_base);
char     *xf_notice_to_html        (const XfNotice *notice,
                                    const char     *portal_base);
/* Written atomically (g_file_set_contents); XF_ERROR_IO naming the file. */
gboolean  xf_notice_write_json     (const XfNotice *notice,
                                    const char     *portal_base,
                                    const char     *path,
                                    GError        **error);
gboolean  xf_notice_write_html     (const XfNotice *notice,
                                    const char     *portal_base,
                                    const char     *path,
                                    GError        **error);

G_END_DECLS
