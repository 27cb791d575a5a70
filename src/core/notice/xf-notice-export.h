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
 * "honour", "summary"}] }.
 *
 * HTML: one standalone UTF-8 page (lang from the locale, a small inline
 * stylesheet, every value escaped) with the same content as the printed
 * notice.
 */

JsonNode *xf_notice_to_json        (const XfNotice *notice);
/* The same with the uids of the notice it corrects (revision_of) and the
 * first notice it follows, which the record holds only as ids; a NULL uid,
 * or a link the notice does not have, gives null. xf_notice_to_json ()
 * passes NULL for both. */
JsonNode *xf_notice_to_json_with_links (const XfNotice *notice,
                                        const char     *corrects_uid,
                                        const char     *follows_uid);
char     *xf_notice_to_html        (const XfNotice *notice);
/* Written atomically (g_file_set_contents); XF_ERROR_IO naming the file. */
gboolean  xf_notice_write_json     (const XfNotice *notice,
                                    const char     *path,
                                    GError        **error);
gboolean  xf_notice_write_html     (const XfNotice *notice,
                                    const char     *path,
                                    GError        **error);

G_END_DECLS
