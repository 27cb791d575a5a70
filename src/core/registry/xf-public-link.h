/* xf-public-link.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Public links: the portal's base URL (GSettings key public-base-url, set
 * in Preferences as "Public portal address") joined with what it shows.
 *
 * The base:
 *   - must be an absolute http or https URL with a host and no fragment;
 *     surrounding white space is ignored;
 *   - is normally the portal's root ("https://h/" or "https://h/xf"); a
 *     base whose path ends in the segment "p" ("https://h/p/", the card
 *     folder that earlier versions asked for) is read as the root above it;
 *   - may instead be a card link with a query ending in '='
 *     ("https://h/card?id="): cards append the uid to it as before, and the
 *     portal's root is the folder of its path ("https://h/").
 *
 * Links:
 *   - a card:   ROOT/p/UID (or BASE+UID for a query base); the uid must be
 *     non-empty and made of letters, digits and '-';
 *   - a notice: ROOT/notices/ID, the notice's positive database id.
 * Errors are XF_ERROR_INVALID with a translated reason naming the field
 * ("Public portal address: …").
 */

gboolean  xf_public_link_check_base   (const char  *base_url,
                                       GError     **error);
/* The portal's root, ending in exactly one '/' ("https://h/xf/"). */
char     *xf_public_link_portal_root  (const char  *base_url,
                                       GError     **error);
char     *xf_public_link_build        (const char  *base_url,
                                       const char  *uid,
                                       GError     **error);
char     *xf_public_link_build_notice (const char  *base_url,
                                       gint64       notice_id,
                                       GError     **error);

G_END_DECLS
