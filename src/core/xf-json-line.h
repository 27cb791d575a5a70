/* xf-json-line.h — one value per line of a JSON Lines file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text (which json-glib parsed) holds more than one top-level
 * value, as "{…} {…}": json-glib 1.6 then silently keeps only the last. */
/* The same, only for a line whose first value is an object or an array:
 * checked before parsing, since json-glib 1.6 also leaks on such a line;
 * other text is left to the parser's own message. */
gboolean xf_json_line_has_several_containers (const char *text,
                                              gssize      length);
gboolean xf_json_line_has_several_values (const char *text,
                                          gssize      length);

G_END_DECLS
