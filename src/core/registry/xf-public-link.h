/* xf-public-link.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The public link of a name card: a base URL (GSettings key
 * public-base-url) joined with the pioneer's uid.
 *
 * Join rules:
 *   - the base must be an absolute http or https URL with a host and no
 *     fragment; surrounding white space is ignored;
 *   - a base with a query must end in '=' ("https://h/card?id="), and the
 *     uid is appended as the value;
 *   - otherwise the uid becomes the last path segment, with exactly one '/'
 *     between ("https://h/p" and "https://h/p/" both give "https://h/p/UID");
 *   - the uid must be non-empty and made of letters, digits and '-'.
 * Errors are XF_ERROR_INVALID with a translated reason.
 */

gboolean  xf_public_link_check_base (const char  *base_url,
                                     GError     **error);
char     *xf_public_link_build      (const char  *base_url,
                                     const char  *uid,
                                     GError     **error);

G_END_DECLS
